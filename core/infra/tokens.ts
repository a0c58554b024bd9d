import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const ClaimsSchema = z.strictObject({
  /** `web:<id>` / `mp:<openid>` for users; a directory staff id for staff. */
  sub: z.string().min(1).max(200),
  role: z.enum(['user', 'staff', 'admin']),
  exp: z.number().int(),
  /**
   * The subject's token generation when it was signed (core/auth): revoking
   * a person's tokens bumps theirs, and every older token stops working.
   * Absent = 0, a subject never revoked.
   */
  gen: z.number().int().min(0).optional(),
});
export type Claims = z.infer<typeof ClaimsSchema>;

/** A token is exactly `<base64url claims>.<base64url 32-byte mac>`: nothing before, between or after. */
const SHAPE = /^([A-Za-z0-9_-]{1,1024})\.([A-Za-z0-9_-]{43})$/;

/** Compact HMAC-SHA256 tokens: `<base64url claims>.<base64url mac>`. */
export function signToken(secret: string, claims: Omit<Claims, 'exp'>, ttlSeconds: number, now: number): string {
  const body = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/**
 * Tokens found authentic lately, by secret, with their claims: a person's
 * token comes with every message for its whole life, and checking its MAC
 * (a fresh HMAC each time) and parsing its claims was 3 % of a chat turn.
 * Only authentic tokens are kept, by their exact text (anything else is
 * checked in full); expiry is still checked on every call, and revocation
 * is the caller's (core/auth: the generation in Redis, at every call).
 * At most CHECKED_MAX per secret, forgotten all at once when full.
 */
const checked = new Map<string, Map<string, Claims>>();
const CHECKED_MAX = 5000;
const SECRETS_MAX = 16;

/**
 * The claims of a well-formed, authentic, unexpired token, else null. Parsing
 * is strict: one way to write a token, so no two strings carry the same
 * token (a stray third segment or trailing characters would otherwise pass,
 * and per-token rate limits could be sidestepped by varying them).
 */
export function verifyToken(secret: string, token: string, now: number): Claims | null {
  let known = checked.get(secret);
  const hit = known?.get(token);
  if (hit) return hit.exp * 1000 > now ? { ...hit } : null;
  const claims = authenticClaims(secret, token);
  if (!claims) return null;
  if (!known) {
    if (checked.size >= SECRETS_MAX) checked.clear();
    known = new Map();
    checked.set(secret, known);
  }
  if (known.size >= CHECKED_MAX) known.clear();
  known.set(token, claims);
  return claims.exp * 1000 > now ? { ...claims } : null;
}

/** The claims of a well-formed, authentic token (expired or not), else null. */
function authenticClaims(secret: string, token: string): Claims | null {
  const m = SHAPE.exec(token);
  if (!m) return null;
  const [, body, mac] = m as unknown as [string, string, string];
  const given = Buffer.from(mac, 'base64url');
  // Base64url has spare bits in its last character: only the canonical spelling counts.
  if (given.toString('base64url') !== mac) return null;
  const expected = createHmac('sha256', secret).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const raw = Buffer.from(body, 'base64url');
  if (raw.toString('base64url') !== body) return null;
  try {
    return ClaimsSchema.parse(JSON.parse(raw.toString('utf8')));
  } catch {
    return null;
  }
}
