import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Core } from '../context.js';
import { ForbiddenError, UnauthorizedError } from '../infra/errors.js';
import { signToken, verifyToken, type Claims } from '../infra/tokens.js';
import { authKeys } from './keys.js';

/** What a sign-in answers (api/contract.ts `SessionSchema`). */
export interface Session {
  token: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

const RefreshRecord = z.object({ sub: z.string(), gen: z.number().int().min(0) });
const REFRESH_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** A refresh token presented again this soon after it was traded is a client's double send, not a copy. */
const REUSE_GRACE_MS = 60_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
const subject = (role: Claims['role'], sub: string) => `${role}:${sub}`;

/**
 * Sign-in tokens. Access tokens are short-lived, signed, and checked against
 * the holder's generation in Redis at every call, so revoking (sign-out,
 * `解绑`, removal from the directory, an admin's word) takes effect at once
 * in every process. Refresh tokens are random, stored hashed, work once
 * (a new pair comes back), and one presented again after it was traded
 * revokes the person: someone holds a copy.
 */
export function createAuth(core: Core) {
  const k = authKeys(core.config.REDIS_PREFIX);
  const { config, redis } = core;
  const accessTtl = config.TOKEN_TTL_MINUTES * 60;
  const refreshTtl = config.REFRESH_TTL_DAYS * 86400;

  async function generation(role: Claims['role'], sub: string): Promise<number> {
    return Number((await redis.get(k.gen(subject(role, sub)))) ?? 0);
  }

  async function issueUser(userKey: string): Promise<Session> {
    const gen = await generation('user', userKey);
    const refreshToken = randomBytes(32).toString('base64url');
    await redis.set(k.refresh(hashOf(refreshToken)), JSON.stringify({ sub: userKey, gen }), { EX: refreshTtl });
    return {
      token: signToken(config.TOKEN_SECRET, { sub: userKey, role: 'user', gen }, accessTtl, core.clock.now().getTime()),
      expiresIn: accessTtl,
      refreshToken,
      refreshExpiresIn: refreshTtl,
    };
  }

  /** An authentic token's claims: of one of `roles` and of the subject's current generation (not revoked). */
  async function checkClaims(claims: Claims, roles: readonly Claims['role'][]): Promise<Claims> {
    if (!roles.includes(claims.role)) throw new ForbiddenError('没有权限访问。');
    if ((claims.gen ?? 0) !== (await generation(claims.role, claims.sub))) throw new UnauthorizedError('登录已失效，请重新登录。');
    return claims;
  }

  async function revoke(role: Claims['role'], sub: string): Promise<void> {
    await redis.incr(k.gen(subject(role, sub)));
  }

  return {
    keys: k,
    /** A new access and refresh token for a person. */
    issueUser,

    /** A staff token (issued by an admin; no refresh: an admin issues another). */
    async issueStaff(staffId: string): Promise<{ token: string; expiresIn: number }> {
      const expiresIn = config.STAFF_TOKEN_TTL_HOURS * 3600;
      const gen = await generation('staff', staffId);
      return { token: signToken(config.TOKEN_SECRET, { sub: staffId, role: 'staff', gen }, expiresIn, core.clock.now().getTime()), expiresIn };
    },

    /** The claims of a Bearer token that is valid, unexpired, of one of `roles` and not revoked; 401/403 otherwise. */
    async verify(token: string, roles: readonly Claims['role'][]): Promise<Claims> {
      const claims = verifyToken(config.TOKEN_SECRET, token, core.clock.now().getTime());
      if (!claims) throw new UnauthorizedError('登录凭证无效或已过期，请重新登录。');
      return checkClaims(claims, roles);
    },

    /**
     * `verify` for claims the caller already had from `verifyToken` (an
     * authentic, unexpired token: the request checked its signature once):
     * of one of `roles` and not revoked; 403/401 otherwise.
     */
    verifyClaims: (claims: Claims, roles: readonly Claims['role'][]): Promise<Claims> => checkClaims(claims, roles),

    /** Trades a refresh token for a new pair; 401 when unknown, expired, revoked or already used. */
    async refresh(refreshToken: string): Promise<Session> {
      const invalid = new UnauthorizedError('登录已失效，请重新登录。');
      if (!REFRESH_SHAPE.test(refreshToken)) throw invalid;
      const h = hashOf(refreshToken);
      const raw = await redis.getDel(k.refresh(h));
      if (!raw) {
        const used = await redis.get(k.refreshUsed(h));
        if (used) {
          const { sub, at } = JSON.parse(used) as { sub: string; at: number };
          if (core.clock.now().getTime() - at > REUSE_GRACE_MS) {
            await revoke('user', sub);
            core.log.warn({ event: 'refresh-reuse' }, 'a refresh token was used twice: the person is signed out everywhere');
          }
        }
        throw invalid;
      }
      const rec = RefreshRecord.parse(JSON.parse(raw));
      // Only a trade counts as a use. A token of a generation since revoked is dead, not
      // traded: a client retrying it later must not sign the person out of a newer session.
      if (rec.gen !== (await generation('user', rec.sub))) throw invalid;
      await redis.set(k.refreshUsed(h), JSON.stringify({ sub: rec.sub, at: core.clock.now().getTime() }), { EX: refreshTtl });
      return issueUser(rec.sub);
    },

    /** Every token a person (or staff member) holds stops working, in every process, at once. */
    revokeUser: (userKey: string) => revoke('user', userKey),
    revokeStaff: (staffId: string) => revoke('staff', staffId),
    /** A staff member's current token generation: a session made at another one was revoked. */
    staffGeneration: (staffId: string) => generation('staff', staffId),
  };
}

export type Auth = ReturnType<typeof createAuth>;
