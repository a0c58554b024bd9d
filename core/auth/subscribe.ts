import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import type { Core } from '../context.js';
import type { NoticeHandler } from '../infra/queues.js';
import { WechatApiError, type SubscribeMessage } from '../wechat/index.js';
import { createIdentities } from './identities.js';
import { authKeys } from './keys.js';
import { wechatOf } from './wechat.js';

/** What a subscribe message is about; each has its template (WECHAT_TEMPLATE_*). */
export const SUBSCRIBE_TOPICS = ['case', 'booking', 'membership'] as const;
export type SubscribeTopic = (typeof SUBSCRIBE_TOPICS)[number];

/** The outbound job that sends one subscribe message. */
export const SUBSCRIBE_NOTICE = 'subscribe';

/** What a feature renders for one notice: to whom, the template's values, the mini-program page it opens. */
export interface SubscribeContent {
  userKey: string;
  data: SubscribeMessage['data'];
  page: string;
}
/** A feature's renderer: the record's id and the notice's name in; null when there is nothing to send. */
export type SubscribeRenderer = (recordId: string, notice: string) => Promise<SubscribeContent | null>;

const SubscribeJob = z.object({ topic: z.enum(SUBSCRIBE_TOPICS), id: z.string().min(1), notice: z.string().min(1) });

/** The most acceptances kept per template: WeChat itself counts them, this only stops a client inflating ours. */
const MAX_ACCEPTED = 50;

export function templateOf(core: Core, topic: SubscribeTopic): string | undefined {
  const c = core.config;
  return topic === 'case' ? c.WECHAT_TEMPLATE_CASE : topic === 'booking' ? c.WECHAT_TEMPLATE_BOOKING : c.WECHAT_TEMPLATE_MEMBERSHIP;
}

/**
 * One-time subscriptions (一次性订阅消息): each time a person accepts a
 * template in `wx.requestSubscribeMessage`, one message of it may be sent
 * to them. We count acceptances per person and template, spend one per
 * message, give it back when WeChat could not take the message, and drop
 * to zero when WeChat says the person has none left (43101).
 */
export function createSubscriptions(core: Core) {
  const k = authKeys(core.config.REDIS_PREFIX);
  const { redis } = core;
  const configured = () => new Set(SUBSCRIBE_TOPICS.map((t) => templateOf(core, t)).filter((x): x is string => !!x));

  async function remaining(userKey: string): Promise<Record<string, number>> {
    const stored = await redis.hGetAll(k.subscriptions(userKey));
    return Object.fromEntries([...configured()].map((id) => [id, Math.max(0, Number(stored[id] ?? 0))]));
  }

  return {
    remaining,
    /** What `wx.requestSubscribeMessage` answered; only `accept` of a configured template counts. */
    async record(userKey: string, results: Record<string, string>): Promise<Record<string, number>> {
      const known = configured();
      const accepted = Object.entries(results).filter(([id, r]) => r === 'accept' && known.has(id));
      if (accepted.length > 0) {
        const current = await redis.hGetAll(k.subscriptions(userKey));
        const m = redis.multi();
        for (const [id] of accepted) m.hSet(k.subscriptions(userKey), id, String(Math.min(MAX_ACCEPTED, Number(current[id] ?? 0) + 1)));
        m.expire(k.subscriptions(userKey), core.config.HISTORY_DAYS * 86400);
        await m.exec();
      }
      return remaining(userKey);
    },
    /** Spends one acceptance; false when none is left. */
    async take(userKey: string, templateId: string): Promise<boolean> {
      const left = await redis.hIncrBy(k.subscriptions(userKey), templateId, -1);
      if (left >= 0) return true;
      await redis.hIncrBy(k.subscriptions(userKey), templateId, 1);
      return false;
    },
    async giveBack(userKey: string, templateId: string): Promise<void> {
      await redis.hIncrBy(k.subscriptions(userKey), templateId, 1);
    },
    /** WeChat says the person has none left (43101): ours agree. */
    async none(userKey: string, templateId: string): Promise<void> {
      await redis.hSet(k.subscriptions(userKey), templateId, '0');
    },
  };
}

/**
 * After a notice went into a person's chat, a subscribe message tells them
 * in WeChat's service notifications too, when they signed in to the
 * mini-program and accepted that template. It goes on the outbound queue
 * as its own job (ids only, rendered when sent): a retry of it never
 * repeats the chat notice, and `sourceJobId` makes it once per notice.
 */
export async function offerSubscribe(core: Core, topic: SubscribeTopic, userKey: string, recordId: string, notice: string, sourceJobId: string | undefined): Promise<void> {
  if (!wechatOf(core) || !templateOf(core, topic) || !sourceJobId) return;
  if (!(await createIdentities(core).mpOpenidOf(userKey))) return;
  await core.queues.add('outbound', SUBSCRIBE_NOTICE, { topic, id: recordId, notice }, `sub-${sourceJobId}`);
}

/**
 * The outbound handler of subscribe messages. The features render their
 * own (`renderers`); this spends an acceptance and sends. WeChat busy or
 * rate-limited: the acceptance comes back and the job retries with backoff.
 * No acceptance left, or refused: nothing more to do — the notice is in
 * the person's chat history, where they see it when they open the
 * mini-program.
 */
export function subscribeNotices(core: Core, renderers: Record<SubscribeTopic, SubscribeRenderer>): NoticeHandler {
  const subscriptions = createSubscriptions(core);
  const identities = createIdentities(core);
  return {
    names: [SUBSCRIBE_NOTICE],
    async send(job: Job) {
      const parsed = SubscribeJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid subscribe job: ${parsed.error.message}`);
      const { topic, id, notice } = parsed.data;
      const wechat = wechatOf(core);
      const templateId = templateOf(core, topic);
      if (!wechat || !templateId) return { skipped: 'not configured' };
      const content = await renderers[topic](id, notice);
      if (!content) return { skipped: 'nothing to send' };
      const openid = await identities.mpOpenidOf(content.userKey);
      if (!openid) return { skipped: 'not a mini-program user' };
      if (!(await subscriptions.take(content.userKey, templateId))) return { skipped: 'no subscription left' };
      try {
        await wechat.sendSubscribeMessage({ toUser: openid, templateId, page: content.page, data: content.data, state: core.config.WECHAT_MINIPROGRAM_STATE, lang: 'zh_CN' });
      } catch (err) {
        if (!(err instanceof WechatApiError)) {
          await subscriptions.giveBack(content.userKey, templateId);
          throw err;
        }
        if (err.kind === 'refused') {
          await subscriptions.none(content.userKey, templateId);
          return { skipped: 'refused' };
        }
        await subscriptions.giveBack(content.userKey, templateId);
        if (err.retryable) throw err;
        core.log.error({ topic, errcode: err.errcode, jobId: job.id }, 'subscribe message rejected by WeChat: check the template id and its fields');
        throw new UnrecoverableError(`subscribe message rejected: ${err.errcode}`);
      }
      core.log.info({ topic, jobId: job.id }, 'subscribe message sent');
      return { to: 'subscriber' };
    },
    // The notice itself is in the person's chat; a message that never went out leaves nothing else to record.
    async failed(job, reason) {
      core.log.warn({ jobId: job.id, reason: reason.slice(0, 200) }, 'subscribe message not sent after every retry');
    },
  };
}
