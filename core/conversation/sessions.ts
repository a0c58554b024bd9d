import { seal, unseal } from '../infra/privacy.js';
import type { Redis } from '../infra/redis.js';
import { luaScript, runScript } from '../infra/scripts.js';
import type { ConversationKeys } from './keys.js';

const COMMIT = luaScript(new URL('./turn-commit.lua', import.meta.url));

export class SessionConflict extends Error {}

/**
 * What a turn writes at its end, in one step (`commit`, turn-commit.lua):
 * `save` the session (`data` as `version`, if the stored one is still
 * `expected`), `reply` the replies kept for a resend, `releaseToken` the
 * person's lock given up once they are written.
 */
export interface TurnWrites {
  /** `json`: the data as JSON text. */
  save?: { expected: number; version: number; json: string } | null;
  reply?: { clientMsgId: string; sealed: string; ttlSeconds: number } | null;
  releaseToken?: string | null;
}

/**
 * A person's conversation in Redis: `{ version, data }`, where `data` is
 * sealed with AES-256-GCM (answers include names and phone numbers) and
 * the version stays readable for optimistic concurrency. What the data is
 * belongs to the conversation engine (flows/session.ts); this store keeps
 * it whole. It expires after the draft lifetime.
 */
export function createSessionStore(redis: Redis, keys: ConversationKeys, ttlSeconds: number, dataKey: Buffer) {
  /**
   * A turn's writes, all or nothing, in one round trip: throws SessionConflict (nothing written, the lock kept)
   * when someone else saved the session in between.
   */
  async function commit(userKey: string, w: TurnWrites): Promise<void> {
    const record = w.save ? JSON.stringify({ version: w.save.version, data: seal(dataKey, w.save.json) }) : '';
    const ok = await runScript(
      redis,
      COMMIT,
      [keys.session(userKey), keys.replies(userKey), keys.lock(userKey), keys.lockLive(userKey)],
      [w.save ? String(w.save.expected) : '', record, String(ttlSeconds), w.reply?.clientMsgId ?? '', w.reply?.sealed ?? '', String(w.reply?.ttlSeconds ?? 0), w.releaseToken ?? ''],
    );
    if (ok !== 1) throw new SessionConflict(`session of ${userKey} changed concurrently`);
  }
  /** A stored record's version and data (`data` null when none, or unreadable: another key, a broken record). */
  function fromRecord(raw: string | null): { version: number; data: unknown } {
    if (!raw) return { version: 0, data: null };
    const stored = JSON.parse(raw) as { version?: number; data?: string };
    const version = Number(stored.version) || 0;
    try {
      return { version, data: JSON.parse(unseal(dataKey, String(stored.data))) };
    } catch {
      return { version, data: null };
    }
  }
  return {
    /** The stored data and its version; `data` null when there is none, or it cannot be read (another key, a broken record). */
    async load(userKey: string): Promise<{ version: number; data: unknown }> {
      return fromRecord(await redis.get(keys.session(userKey)));
    },
    /** `load` of a record read already (core/conversation/locks.ts `TurnRead`). */
    fromRecord,
    /** Saves `data` as the version after `version`; throws SessionConflict when someone else saved in between. */
    async save(userKey: string, version: number, data: unknown): Promise<number> {
      await commit(userKey, { save: { expected: version, version: version + 1, json: JSON.stringify(data) } });
      return version + 1;
    },
    commit,
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
