import { randomUUID } from 'node:crypto';
import type { Redis } from '../infra/redis.js';
import { luaScript, runScript } from '../infra/scripts.js';
import type { ConversationKeys } from './keys.js';

const UNLOCK = luaScript(new URL('./unlock.lua', import.meta.url));

/** How long a lock holds if its holder dies; and how long a message waits for one. */
export const LOCK_MS = 15_000;

/**
 * Runs `fn` while holding the person's lock, across processes: messages
 * from one person are handled one at a time wherever they arrive. The wait
 * is elapsed time (not the business clock).
 */
export async function withUserLock<T>(redis: Redis, keys: ConversationKeys, userKey: string, fn: () => Promise<T>): Promise<T> {
  const key = keys.lock(userKey);
  const token = randomUUID();
  const deadline = Date.now() + LOCK_MS;
  while ((await redis.set(key, token, { NX: true, PX: LOCK_MS })) !== 'OK') {
    if (Date.now() > deadline) throw new Error(`lock for ${userKey} not acquired`);
    await new Promise((r) => setTimeout(r, 20));
  }
  try {
    return await fn();
  } finally {
    await runScript(redis, UNLOCK, [key], [token]);
  }
}
