import { TooManyRequestsError } from '../infra/errors.js';
import { seal, unseal } from '../infra/privacy.js';
import type { Redis } from '../infra/redis.js';
import type { Reply } from '../infra/replies.js';
import type { ConversationKeys } from './keys.js';

/**
 * Messages that arrive twice, and people who send too fast: what every
 * channel needs before the conversation (the web chat and mini-program
 * resend with the same `clientMsgId`; WeChat may deliver a message twice).
 */
export function createDelivery(redis: Redis, keys: ConversationKeys, dataKey: Buffer) {
  return {
    /** The replies a message already got (sealed at rest: they can echo a phone number), or null. */
    async repliesOf(userKey: string, clientMsgId: string): Promise<Reply[] | null> {
      const seen = await redis.get(keys.replies(userKey, clientMsgId));
      return seen ? (JSON.parse(unseal(dataKey, seen)) as Reply[]) : null;
    },
    async rememberReplies(userKey: string, clientMsgId: string, replies: Reply[]): Promise<void> {
      await redis.set(keys.replies(userKey, clientMsgId), seal(dataKey, JSON.stringify(replies)), { EX: 86400 });
    },
    /** True the first time a channel's message id is seen (a day), false for a redelivery. */
    async firstDelivery(channel: string, messageId: string): Promise<boolean> {
      return (await redis.set(keys.seen(channel, messageId), '1', { NX: true, EX: 86400 })) === 'OK';
    },
    /**
     * Fixed-window rate limit: at most `perMinute` calls per `subject` (a
     * user key, or a client address for public routes) each minute; a 429
     * with `message` beyond that. Minutes of real time, not of the app's
     * clock: a rate is about how fast requests really arrive.
     */
    async limit(subject: string, perMinute: number, message: string): Promise<void> {
      const key = keys.rate(subject, Math.floor(Date.now() / 60_000));
      const n = await redis.incr(key);
      if (n === 1) await redis.expire(key, 120);
      if (n > perMinute) throw new TooManyRequestsError(message);
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
