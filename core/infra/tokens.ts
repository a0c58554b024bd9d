import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const ClaimsSchema = z.object({
  /** `web:<id>` / `mp:<openid>` for users; a directory staff id for staff. */
  sub: z.string().min(1),
  role: z.enum(['user', 'staff', 'admin']),
  exp: z.number().int(),
});
export type Claims = z.infer<typeof ClaimsSchema>;

/** Compact HMAC-SHA256 tokens: `<base64url claims>.<base64url mac>`. */
export function signToken(secret: string, claims: Omit<Claims, 'exp'>, ttlSeconds: number, now: number): string {
  const body = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export function verifyToken(secret: string, token: string, now: number): Claims | null {
  const [body, mac] = token.split('.');
  if (!body || !mac || token.length > 2048) return null;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = ClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return claims.exp * 1000 > now ? claims : null;
  } catch {
    return null;
  }
}
