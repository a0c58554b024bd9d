import type { Keys } from '../core/infra/keys.js';
import { seal, unseal } from '../core/infra/privacy.js';
import type { Redis } from '../core/infra/redis.js';
import { SessionSchema, newSession, type Session } from './session.js';

/** Saves only if the stored version is still the one we read. */
const CAS_SAVE = `
local cur = redis.call('GET', KEYS[1])
local v = 0
if cur then v = cjson.decode(cur).version end
if v ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1
`;

export class SessionConflict extends Error {}

/**
 * Sessions in Redis: one record per user, `{ version, data }`, where `data` is
 * the session sealed with AES-256-GCM (answers include names and phone
 * numbers); the version stays readable for optimistic concurrency. Sessions
 * expire after the draft lifetime.
 */
export function createSessionStore(redis: Redis, keys: Keys, ttlSeconds: number, dataKey: Buffer) {
  return {
    async load(userKey: string, now: Date): Promise<Session> {
      const raw = await redis.get(keys.session(userKey));
      if (!raw) return newSession(userKey, now);
      const stored = JSON.parse(raw) as { version?: number; data?: string };
      const version = Number(stored.version) || 0;
      let parsed;
      try {
        parsed = SessionSchema.safeParse(JSON.parse(unseal(dataKey, String(stored.data))));
      } catch {
        parsed = null;
      }
      // A record of an older shape (or another key) starts over rather than failing the chat.
      return parsed?.success ? { ...parsed.data, version } : { ...newSession(userKey, now), version };
    },
    /** Throws SessionConflict when someone else saved in between. */
    async save(s: Session): Promise<Session> {
      const next = { ...s, version: s.version + 1 };
      const record = JSON.stringify({ version: next.version, data: seal(dataKey, JSON.stringify(next)) });
      const ok = await redis.eval(CAS_SAVE, {
        keys: [keys.session(s.userKey)],
        arguments: [String(s.version), record, String(ttlSeconds)],
      });
      if (ok !== 1) throw new SessionConflict(`session of ${s.userKey} changed concurrently`);
      return next;
    },
    async remove(userKey: string) {
      await redis.del(keys.session(userKey));
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
