import type { Config } from '../infra/config.js';
import type { Redis } from '../infra/redis.js';
import type { Reply } from '../infra/replies.js';
import { REPLIES_MS, createDelivery } from './delivery.js';
import { conversationKeys } from './keys.js';
import { createLocks, type Lease, type Ticket } from './locks.js';
import { createSessionStore } from './sessions.js';

/** Conversations, whatever the channel: sessions, the per-person lock, replies already given, rate limits. */
export function createConversation(redis: Redis, config: Config) {
  const keys = conversationKeys(config.REDIS_PREFIX);
  const locks = createLocks(redis, keys);
  const sessions = createSessionStore(redis, keys, config.DRAFT_TTL_DAYS * 86400, config.DATA_KEY);
  const delivery = createDelivery(redis, keys, config.DATA_KEY);
  return {
    keys,
    sessions,
    ...delivery,
    /**
     * The end of a turn, in one round trip, all or nothing (core/conversation/turn-commit.lua): the session saved
     * if `save` (only if nobody else saved since `save.expected`: SessionConflict otherwise, nothing written), the
     * replies kept for a resend of `clientMsgId`, and, with `lease` on one server, the lock given up behind them.
     */
    async commitTurn(
      userKey: string,
      w: { save: { expected: number; version: number; json: string } | null; clientMsgId?: string; replies: Reply[]; lease?: Lease },
    ): Promise<void> {
      const give = w.lease?.ordered ? w.lease : null;
      if (!w.save && !w.clientMsgId && !give) return;
      await sessions.commit(userKey, {
        save: w.save,
        reply: w.clientMsgId ? { clientMsgId: w.clientMsgId, sealed: delivery.sealReplies(w.replies), ttlSeconds: REPLIES_MS / 1000 } : null,
        releaseToken: give?.token ?? null,
      });
      give?.givenUp();
    },
    /**
     * Runs `fn` while holding the person's lock, across processes, first
     * come first served (core/conversation/locks.ts): with `ticket`, in the
     * place taken when the message arrived. `release` gives the lock up in
     * the same round trip as the writes `fn` has just sent (see `withUserLock`).
     */
    withLock: <T>(userKey: string, fn: (release: () => void, lease: Lease) => Promise<T>, ticket?: Ticket | Promise<Ticket>, read?: { clientMsgId: string | null }) =>
      locks.withUserLock(userKey, fn, ticket, read),
    /**
     * A place in the person's line, taken the moment a message arrives and
     * used later by `withLock` (`reserve`: the turn may begin much later, a
     * queued WeChat push). `read`: the session and the replies kept for the
     * message are read in the same step if it holds the lock (`Lease.read`).
     */
    takeTicket: (userKey: string, opts: { reserve?: boolean; read?: { clientMsgId: string | null } } = {}) => locks.takeTicket(userKey, opts),
    /** A place taken elsewhere (another process, when the push arrived), known by its token: `withLock` confirms it first. */
    ticket: (token: string): Ticket => ({ token, ahead: -1, at: 0, holder: false }),
    /** Gives up a place not used (the request failed before its turn); nothing if already gone. */
    dropTicket: (userKey: string, ticket: Pick<Ticket, 'token'>) => locks.dropTicket(userKey, ticket),
  };
}

export type Conversation = ReturnType<typeof createConversation>;

export { SessionConflict, type SessionStore } from './sessions.js';
export type { Lease, LockTimings, Ticket, TurnRead } from './locks.js';
