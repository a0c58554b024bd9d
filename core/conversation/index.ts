import type { Config } from '../infra/config.js';
import type { Redis } from '../infra/redis.js';
import { createDelivery } from './delivery.js';
import { conversationKeys } from './keys.js';
import { createLocks, type Ticket } from './locks.js';
import { createSessionStore } from './sessions.js';

/** Conversations, whatever the channel: sessions, the per-person lock, replies already given, rate limits. */
export function createConversation(redis: Redis, config: Config) {
  const keys = conversationKeys(config.REDIS_PREFIX);
  const locks = createLocks(redis, keys);
  return {
    keys,
    sessions: createSessionStore(redis, keys, config.DRAFT_TTL_DAYS * 86400, config.DATA_KEY),
    ...createDelivery(redis, keys, config.DATA_KEY),
    /**
     * Runs `fn` while holding the person's lock, across processes, first
     * come first served (core/conversation/locks.ts): with `ticket`, in the
     * place taken when the message arrived. `release` gives the lock up in
     * the same round trip as the writes `fn` has just sent (see `withUserLock`).
     */
    withLock: <T>(userKey: string, fn: (release: () => void) => Promise<T>, ticket?: Ticket | Promise<Ticket>) => locks.withUserLock(userKey, fn, ticket),
    /**
     * A place in the person's line, taken the moment a message arrives and
     * used later by `withLock` (`reserve`: the turn may begin much later, a
     * queued WeChat push).
     */
    takeTicket: (userKey: string, opts: { reserve?: boolean } = {}) => locks.takeTicket(userKey, opts),
    /** A place taken elsewhere (another process, when the push arrived), known by its token: `withLock` confirms it first. */
    ticket: (token: string): Ticket => ({ token, ahead: -1, at: 0, holder: false }),
    /** Gives up a place not used (the request failed before its turn); nothing if already gone. */
    dropTicket: (userKey: string, ticket: Pick<Ticket, 'token'>) => locks.dropTicket(userKey, ticket),
  };
}

export type Conversation = ReturnType<typeof createConversation>;

export { SessionConflict, type SessionStore } from './sessions.js';
export type { LockTimings, Ticket } from './locks.js';
