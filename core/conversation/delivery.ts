import { TooManyRequestsError } from '../infra/errors.js';
import { seal, unseal } from '../infra/privacy.js';
import type { Redis } from '../infra/redis.js';
import type { Reply } from '../infra/replies.js';
import type { ConversationKeys } from './keys.js';

/**
 * How long the replies to a message are kept for a resend: a resend comes
 * within minutes (the mini-program's one retry after renewing its token;
 * the web chat's 重试, shown only while the page that sent it is open; an
 * inbound job's retries, about four minutes in all). WeChat's own
 * redeliveries are caught a day by `firstDelivery`. Half an hour, so a
 * person between conversations keeps no copy (it was a day: 2.6 KB).
 */
export const REPLIES_MS = 30 * 60_000;

/**
 * Messages that arrive twice, and people who send too fast: what every
 * channel needs before the conversation (the web chat and mini-program
 * resend with the same `clientMsgId`; WeChat may deliver a message twice).
 */
export function createDelivery(redis: Redis, keys: ConversationKeys, dataKey: Buffer) {
  const sealReplies = (replies: Reply[]) => seal(dataKey, JSON.stringify({ at: Date.now(), replies }));
  function repliesFrom(seen: string | null | undefined): Reply[] | null {
    if (!seen) return null;
    const kept = JSON.parse(unseal(dataKey, seen)) as { at: number; replies: Reply[] };
    return Date.now() - kept.at <= REPLIES_MS ? kept.replies : null;
  }
  return {
    /**
     * The replies a message already got (sealed at rest: they can echo a
     * phone number), or null. Kept half an hour, in one hash per person
     * (half an hour after their last message; an older entry counts as gone), so
     * `forgetReplies` removes them all at once. Real time: how long ago.
     */
    async repliesOf(userKey: string, clientMsgId: string): Promise<Reply[] | null> {
      return repliesFrom(await redis.hGet(keys.replies(userKey), clientMsgId));
    },
    /** `repliesOf` of an entry read already (core/conversation/locks.ts `TurnRead`). */
    repliesFrom,
    /** The replies of a message as `repliesOf` reads them back (a turn's commit keeps them: core/conversation/sessions.ts). */
    sealReplies,
    /** Every reply kept for a person's resent messages (删除我的信息). */
    async forgetReplies(userKey: string): Promise<void> {
      await redis.del(keys.replies(userKey));
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
     *
     * One round trip for every call (INCR and EXPIRE in one MULTI): a call
     * that took two (the first of a minute, to set the expiry) would let
     * the person's next messages pass it and reach the conversation first,
     * answering the wrong questions. The expiry is set again each time
     * (the key lives two minutes after its last call; its name holds the
     * minute, so that changes nothing) rather than with EXPIRE NX, which
     * needs Redis 7.
     */
    async limit(subject: string, perMinute: number, message: string): Promise<void> {
      const key = keys.rate(subject, Math.floor(Date.now() / 60_000));
      const [n] = await redis.multi().incr(key).expire(key, 120).exec();
      if (Number(n) > perMinute) throw new TooManyRequestsError(message);
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
