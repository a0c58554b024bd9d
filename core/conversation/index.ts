import type { Config } from '../infra/config.js';
import type { Redis } from '../infra/redis.js';
import { createDelivery } from './delivery.js';
import { conversationKeys } from './keys.js';
import { withUserLock } from './locks.js';
import { createSessionStore } from './sessions.js';

/** Conversations, whatever the channel: sessions, the per-person lock, replies already given, rate limits. */
export function createConversation(redis: Redis, config: Config) {
  const keys = conversationKeys(config.REDIS_PREFIX);
  return {
    keys,
    sessions: createSessionStore(redis, keys, config.DRAFT_TTL_DAYS * 86400, config.DATA_KEY),
    ...createDelivery(redis, keys, config.DATA_KEY),
    /** Runs `fn` while holding the person's lock, across processes. */
    withLock: <T>(userKey: string, fn: () => Promise<T>) => withUserLock(redis, keys, userKey, fn),
  };
}

export type Conversation = ReturnType<typeof createConversation>;

export { SessionConflict, type SessionStore } from './sessions.js';
