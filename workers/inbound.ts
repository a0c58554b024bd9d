import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { z } from 'zod';
import { createIdentities, officialAccountOf, wechatOf } from '../core/auth/index.js';
import { createChannelStore, queueChannelReplies, queueSendAgain, type Channel } from '../core/channels/index.js';
import type { Core } from '../core/context.js';
import { QUEUES, WORKER_RECOVERY } from '../core/infra/queues.js';
import type { Reply } from '../core/infra/replies.js';
import { createBindings, createStaffDesk } from '../core/staff/index.js';
import { WechatApiError, type PushMessage, type WechatApi } from '../core/wechat/index.js';
import type { ChatService } from '../flows/service.js';

/** `sender` and `ticket`: the sender's place in line, taken when the push arrived (api/wechat-push.ts); absent in jobs queued before. */
const PushJob = z.object({ pushId: z.string().min(1), sender: z.string().min(1).optional(), ticket: z.string().min(1).optional() });
const KEEP = { keepHistory: true };
/** A person who comes back to the customer-service chat after this long is greeted again. */
const GREET_AFTER_MS = 30 * 60_000;

/** The Official Account's menu buttons (bot/oa-menu.json) say what to do by their key. */
export const MENU_KEYS: Record<string, string> = {
  'menu:membership': 'menu:membership',
  'menu:wage': 'menu:wage',
  'menu:legal': 'menu:legal',
  'menu:progress': '进度',
};
/** What a tap on each button reads as in the person's chat history. */
const MENU_LABELS: Record<string, string> = { 'menu:membership': '入会', 'menu:wage': '反映欠薪', 'menu:legal': '法律援助', 'menu:progress': '我的进度' };

/**
 * The conversation for messages WeChat pushed (core/channels): after WeChat
 * got its answer, each message is handled like any other chat message —
 * staff commands first for bound staff, then the worker's conversation,
 * with the message id as `clientMsgId`, so a retried job gets the same
 * replies without acting twice — and the replies are queued for the
 * channel. Events: following the Official Account and entering the
 * customer-service chat are greeted with the menu; menu buttons act as
 * their words. A shared location gets the nearest service points (outside a form).
 */
export function inboundProcessor(core: Core, chat: ChatService) {
  const store = createChannelStore(core);
  const identities = createIdentities(core);
  const desk = createStaffDesk(core);
  const bindings = createBindings(core);

  async function userOf(channel: Channel, api: WechatApi, openid: string): Promise<string> {
    if (channel === 'mp') return identities.userOfMiniProgramOpenid(openid);
    return identities.userOfOfficialAccount(openid, async () => (await api.userInfo(openid)).unionid);
  }

  /**
   * A photo's or a voice's bytes from WeChat. One WeChat no longer has (40007: expired or unknown) reads as empty,
   * which the chat asks to be sent again; retrying could never fetch it, and the person would hear nothing.
   */
  async function media(api: WechatApi, mediaId: string): Promise<Buffer> {
    try {
      return (await api.getTempMedia(mediaId)).bytes;
    } catch (err) {
      if (!(err instanceof WechatApiError) || err.retryable) throw err;
      core.log.warn({ errcode: err.errcode, kind: err.kind }, 'wechat media not available: asked again');
      return Buffer.alloc(0);
    }
  }

  async function text(userKey: string, words: string, id: string, shownAs?: string): Promise<Reply[]> {
    const staffReply = await desk.handle(userKey, words);
    if (staffReply !== null) return [{ type: 'text', text: staffReply }];
    return chat.handle(userKey, { kind: 'text', text: words }, id, { ...KEEP, ...(shownAs ? { shownAs } : {}) });
  }

  async function respond(channel: Channel, api: WechatApi, userKey: string, m: PushMessage, id: string): Promise<Reply[]> {
    switch (m.kind) {
      case 'text':
        return text(userKey, m.text, id);
      case 'event': {
        // The menu, or with a form under way its question again (flows/service.ts); kept in the chat history.
        if (m.event === 'subscribe') return chat.greet(userKey);
        if (m.event === 'user_enter_tempsession') {
          const { items } = await core.inbox.history.before(userKey, 1);
          const last = items.at(-1);
          const recent = last && core.clock.now().getTime() - new Date(last.at).getTime() < GREET_AFTER_MS;
          if (recent) return [];
          // Kept in the chat like any reply: the next visit within 30 minutes finds it and is not greeted again.
          return chat.greet(userKey);
        }
        if (m.event === 'click' && m.eventKey && MENU_KEYS[m.eventKey]) return text(userKey, MENU_KEYS[m.eventKey]!, id, MENU_LABELS[m.eventKey]);
        return [];
      }
      case 'image':
        return chat.handle(
          userKey,
          { kind: 'file', meta: { name: '微信图片.jpg', mediaType: 'image/jpeg', size: 0 }, load: () => media(api, m.mediaId) },
          id,
          KEEP,
        );
      case 'voice':
        return chat.handle(
          userKey,
          {
            kind: 'voice',
            ...(m.recognition?.trim() ? { recognition: m.recognition.trim() } : {}),
            audio: { format: voiceFormat(m.format), load: () => media(api, m.mediaId) },
          },
          id,
          KEEP,
        );
      case 'location':
        // The nearest service points; in the middle of a form, words asked for and the question again (flows/service.ts).
        return chat.handle(userKey, { kind: 'location', latitude: m.latitude, longitude: m.longitude, ...(m.label ? { label: m.label } : {}) }, id, KEEP);
      case 'miniprogrampage':
        return chat.handle(userKey, { kind: 'unreadable', what: 'mini-program' }, id, KEEP);
      default:
        // What to send instead (a link: a screenshot or words), then the question the person is at.
        return chat.handle(userKey, { kind: 'unreadable', what: m.msgType === 'link' ? 'link' : m.msgType === 'video' || m.msgType === 'shortvideo' ? 'video' : 'other' }, id, KEEP);
    }
  }

  return async (job: Job) => {
    const parsed = PushJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid inbound job');
    const { pushId, sender, ticket } = parsed.data;
    try {
      // In the sender's line: this push's turn comes after the ones that arrived before it, whichever job
      // slot took each (the person's own lock, taken by the conversation inside, orders it with their other channels).
      if (sender && ticket) return await core.conversation.withLock(sender, () => handlePush(pushId), core.conversation.ticket(ticket));
      return await handlePush(pushId);
    } catch (err) {
      // The last try failed too (WeChat busy for minutes, say): the job ends failed, and the person, who would
      // otherwise hear nothing, is asked once to send it again later (an outbound job of its own, at most once).
      if (!(err instanceof UnrecoverableError) && job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await queueSendAgain(core, pushId).catch((e: Error) => core.log.error({ err: e, jobId: job.id }, 'could not queue the send-again message'));
      }
      throw err;
    }
  };

  async function handlePush(pushId: string) {
    const inbound = await store.loadInbound(pushId);
    if (!inbound) return { skipped: 'gone' };
    const { channel, message } = inbound;
    const api = channel === 'oa' ? officialAccountOf(core) : wechatOf(core);
    if (!api) throw new UnrecoverableError(`channel ${channel} is not configured`);
    const userKey = await userOf(channel, api, message.from);
    if (message.kind === 'event' && message.event === 'unsubscribe') {
      await store.windowClosed(userKey);
      await store.doneInbound(pushId);
      return { unsubscribed: true };
    }
    await store.wroteOn(userKey, channel);
    const replies = await respond(channel, api, userKey, message, `wx${pushId}`.slice(0, 64));
    // A bound staff member's answers (the staff desk's) get no mini-program card: its pages are a person's own cases.
    const staff = (await bindings.staffOf(userKey)) !== null;
    await queueChannelReplies(core, userKey, replies, pushId, { card: !staff });
    await store.doneInbound(pushId);
    return { replies: replies.length };
  }
}

function voiceFormat(format: string | undefined): 'silk' | 'amr' | 'mp3' | 'wav' | 'speex' | 'unknown' {
  const f = (format ?? '').toLowerCase();
  return f === 'silk' || f === 'amr' || f === 'mp3' || f === 'wav' || f === 'speex' ? f : 'unknown';
}

/** The inbound worker: where a chat service runs (the all-in-one process, the API processes). */
export function startInboundWorker(core: Core, chat: ChatService): Worker {
  const { connection, prefix } = core.queues;
  return new Worker(QUEUES.inbound, inboundProcessor(core, chat), { connection, prefix, ...WORKER_RECOVERY, concurrency: 8 });
}
