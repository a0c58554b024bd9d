import { seal, unseal } from '../infra/privacy.js';
import type { Redis } from '../infra/redis.js';
import { luaScript, runScript } from '../infra/scripts.js';
import type { ConversationKeys } from './keys.js';

const SAVE = luaScript(new URL('./session-save.lua', import.meta.url));

export class SessionConflict extends Error {}

/**
 * A person's conversation in Redis: `{ version, data }`, where `data` is
 * sealed with AES-256-GCM (answers include names and phone numbers) and
 * the version stays readable for optimistic concurrency. What the data is
 * belongs to the conversation engine (flows/session.ts); this store keeps
 * it whole. It expires after the draft lifetime.
 */
export function createSessionStore(redis: Redis, keys: ConversationKeys, ttlSeconds: number, dataKey: Buffer) {
  return {
    /** The stored data and its version; `data` null when there is none, or it cannot be read (another key, a broken record). */
    async load(userKey: string): Promise<{ version: number; data: unknown }> {
      const raw = await redis.get(keys.session(userKey));
      if (!raw) return { version: 0, data: null };
      const stored = JSON.parse(raw) as { version?: number; data?: string };
      const version = Number(stored.version) || 0;
      try {
        return { version, data: JSON.parse(unseal(dataKey, String(stored.data))) };
      } catch {
        return { version, data: null };
      }
    },
    /** Saves `data` as the version after `version`; throws SessionConflict when someone else saved in between. */
    async save(userKey: string, version: number, data: unknown): Promise<number> {
      const next = version + 1;
      const record = JSON.stringify({ version: next, data: seal(dataKey, JSON.stringify(data)) });
      const ok = await runScript(redis, SAVE, [keys.session(userKey)], [String(version), record, String(ttlSeconds)]);
      if (ok !== 1) throw new SessionConflict(`session of ${userKey} changed concurrently`);
      return next;
    },
    /** Every live session's data (the sweep of evidence files no draft holds any more); unreadable ones are skipped. */
    async *all(): AsyncGenerator<unknown> {
      for await (const batch of redis.scanIterator({ MATCH: keys.session('*'), COUNT: 500 })) {
        for (const key of batch) {
          const raw = await redis.get(key);
          if (!raw) continue;
          try {
            yield JSON.parse(unseal(dataKey, String((JSON.parse(raw) as { data?: string }).data)));
          } catch {
            // Another key or a broken record: nothing it names can be read anyway.
          }
        }
      }
    },
    async remove(userKey: string): Promise<void> {
      await redis.del(keys.session(userKey));
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
