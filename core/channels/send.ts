import { UnrecoverableError, type Job } from 'bullmq';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createBindings } from '../staff/index.js';
import { createIdentities, officialAccountOf, wechatOf } from '../auth/index.js';
import type { Core } from '../context.js';
import type { Messenger, StaffContact } from '../infra/messenger.js';
import type { NoticeHandler } from '../infra/queues.js';
import { renderText, type Reply } from '../infra/replies.js';
import { WechatApiError, type CustomMessage, type WechatApi } from '../wechat/index.js';
import { createChannelStore, type Channel } from './store.js';

/** The outbound job that sends replies on a WeChat channel. */
export const CHANNEL_SEND = 'channel-send';
const SendJob = z.object({ sendId: z.string().min(1) });

const THUMB = readFileSync(new URL('./card-thumb.png', import.meta.url));
/** WeChat takes at most 2048 bytes of text per customer-service message; Chinese is 3 bytes a character. */
const TEXT_CHUNK = 600;

/** A long text in pieces WeChat takes, cut at line ends where it can. */
export function textChunks(text: string, max = TEXT_CHUNK): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > max ? line.match(new RegExp(`[\\s\\S]{1,${max}}`, 'g'))! : [line];
    for (const p of pieces) {
      if (cur && cur.length + 1 + p.length > max) {
        out.push(cur);
        cur = p;
      } else cur = cur ? `${cur}\n${p}` : p;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The mini-program page a reply is about: a case number opens 我的案件, a booking number 我的预约. */
export function cardFor(replies: Reply[]): { title: string; pagePath: string } | null {
  const text = replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
  const booking = /YY\d{8}-\d{4,}/.exec(text);
  if (booking) return { title: `查看我的预约 ${booking[0]}`, pagePath: 'pages/bookings/index' };
  const c = /\b(?!YY)[A-Z]{2}\d{8}-\d{4,}\b/.exec(text);
  if (c && !/^RH/.test(c[0])) return { title: `查看案件 ${c[0]} 的进度`, pagePath: `pages/cases/index?caseNo=${c[0]}` };
  return null;
}

function apiOf(core: Core, channel: Channel): WechatApi | null {
  return channel === 'oa' ? officialAccountOf(core) : wechatOf(core);
}

/**
 * Queues replies for a person's open WeChat channel (the outbound queue:
 * the account's rate, retries). The replies wait sealed under `sendId`; the
 * job carries only that id.
 */
export async function queueChannelReplies(core: Core, userKey: string, replies: Reply[], sendId: string, opts: { card?: boolean } = {}): Promise<void> {
  if (replies.length === 0) return;
  // No card wanted (a staff notice): as if it had gone out.
  await createChannelStore(core).keepOutbox(sendId, { userKey, replies, sent: 0, cardSent: opts.card === false });
  await core.queues.add('outbound', CHANNEL_SEND, { sendId }, `chs-${sendId}`);
}

/**
 * Sends queued replies on the channel the person last wrote on: text (long
 * ones in pieces, options as numbered lines), images (uploaded as temporary
 * media), then a mini-program card when the replies name a case or a
 * booking. WeChat answers for 48 hours after the person's last message:
 * when it says the window closed, the replies stay in the person's chat
 * history (where they already are) and notices go by subscribe message.
 */
export function channelSends(core: Core): NoticeHandler {
  const store = createChannelStore(core);
  const identities = createIdentities(core);

  async function thumbOf(api: WechatApi, appId: string): Promise<string> {
    const known = await store.thumbOf(appId);
    if (known) return known;
    const id = await api.uploadTempMedia('image', THUMB, 'gongyou.png', 'image/png');
    await store.keepThumb(appId, id);
    return id;
  }

  async function messagesOf(api: WechatApi, reply: Reply): Promise<CustomMessage[]> {
    if (reply.type === 'image') {
      const m = /^data:(image\/(?:png|jpeg));base64,(.+)$/.exec(reply.url);
      if (!m) return [{ type: 'text', content: `[图片] ${reply.alt}` }];
      const mediaId = await api.uploadTempMedia('image', Buffer.from(m[2]!, 'base64'), `image.${m[1] === 'image/png' ? 'png' : 'jpg'}`, m[1]!);
      return [{ type: 'image', mediaId }];
    }
    return textChunks(renderText(reply)).map((content) => ({ type: 'text', content }));
  }

  return {
    names: [CHANNEL_SEND],
    async send(job: Job) {
      const parsed = SendJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('invalid channel-send job');
      const { sendId } = parsed.data;
      const box = await store.loadOutbox(sendId);
      if (!box) return { skipped: 'gone' };
      const channel = await store.openChannel(box.userKey);
      if (!channel) return { skipped: 'no open channel' };
      const api = apiOf(core, channel);
      const openid = channel === 'oa' ? await identities.oaOpenidOf(box.userKey) : await identities.mpOpenidOf(box.userKey);
      if (!api || !openid) return { skipped: 'channel not configured' };
      try {
        for (; box.sent < box.replies.length; box.sent++) {
          for (const m of await messagesOf(api, box.replies[box.sent]!)) await api.sendCustomMessage(openid, m);
          await store.progress(sendId, { ...box, sent: box.sent + 1 });
        }
        const card = cardFor(box.replies);
        const miniProgram = core.config.WECHAT_APPID;
        if (card && !box.cardSent && miniProgram) {
          const thumbMediaId = await thumbOf(api, channel === 'oa' ? core.config.WECHAT_OA_APPID! : miniProgram);
          await api.sendCustomMessage(openid, { type: 'miniprogrampage', title: card.title, pagePath: card.pagePath, thumbMediaId, ...(channel === 'oa' ? { appId: miniProgram } : {}) });
          await store.progress(sendId, { ...box, cardSent: true });
        }
      } catch (err) {
        if (!(err instanceof WechatApiError)) throw err;
        if (err.kind === 'window_closed') {
          await store.windowClosed(box.userKey);
          core.log.info({ channel, jobId: job.id }, 'reply window closed: the replies wait in the chat history');
          return { skipped: 'window closed' };
        }
        if (err.retryable) throw err;
        core.log.error({ channel, errcode: err.errcode, jobId: job.id }, 'customer-service message rejected by WeChat');
        throw new UnrecoverableError(`channel message rejected: ${err.errcode}`);
      }
      return { to: channel, sent: box.replies.length };
    },
    async failed(job, reason) {
      core.log.warn({ jobId: job.id, reason: reason.slice(0, 200) }, 'channel replies not sent after every retry; they stay in the chat history');
    },
    /**
     * The process died mid-send: the reply it was sending (the first not
     * marked sent, or the card) may have gone out, so it is written off (at
     * most once; it is in the chat history) and the rest goes out.
     */
    async interrupted(job: Job) {
      const parsed = SendJob.safeParse(job.data);
      const box = parsed.success ? await store.loadOutbox(parsed.data.sendId) : null;
      if (!parsed.success || !box) return;
      const next = box.sent < box.replies.length ? { ...box, sent: box.sent + 1 } : { ...box, cardSent: true };
      await store.progress(parsed.data.sendId, next);
      core.log.warn({ jobId: job.id, reply: box.sent }, 'channel send interrupted: the reply in flight is not sent again');
    },
  };
}

/** The outbound job that asks a person to send again a message that could not be handled (workers/inbound.ts). */
export const CHANNEL_SEND_AGAIN = 'channel-send-again';
const SendAgainJob = z.object({ pushId: z.string().min(1) });
/** What the person is told when their message could not be handled after every retry (WeChat busy all along). */
export const SEND_AGAIN_TEXT = '抱歉，您刚才发的消息我这边没能处理，请过几分钟再发一次。';

/**
 * Queues the message asking the person who sent push `pushId` to send it again, once: its job id is fixed
 * by the push (a second call while the job is kept is a no-op, and the send is marked at most once). The
 * job carries only that id; who gets it is read from the pushed message, kept sealed until handled.
 */
export async function queueSendAgain(core: Core, pushId: string): Promise<void> {
  await core.queues.add('outbound', CHANNEL_SEND_AGAIN, { pushId }, `cha-${pushId}`);
}

/**
 * Sends the «请过几分钟再发一次» of {@link queueSendAgain} to the sender of the push, on the channel it came
 * by (no person needs to be known: the Official Account's first look-up of them may be what failed). Nothing
 * is sent when the push is gone or was handled after all, or when the channel's window closed; it is never
 * sent again after a process died mid-send (no `interrupted`).
 */
export function channelSendAgain(core: Core): NoticeHandler {
  const store = createChannelStore(core);
  return {
    names: [CHANNEL_SEND_AGAIN],
    async send(job) {
      const parsed = SendAgainJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('invalid channel-send-again job');
      const inbound = await store.loadInbound(parsed.data.pushId);
      if (!inbound) return { skipped: 'gone or handled' };
      const api = apiOf(core, inbound.channel);
      if (!api) return { skipped: 'channel not configured' };
      try {
        await api.sendCustomMessage(inbound.message.from, { type: 'text', content: SEND_AGAIN_TEXT });
      } catch (err) {
        if (!(err instanceof WechatApiError)) throw err;
        if (err.kind === 'window_closed') return { skipped: 'window closed' };
        if (err.retryable) throw err;
        core.log.error({ channel: inbound.channel, errcode: err.errcode, jobId: job.id }, 'send-again message rejected by WeChat');
        throw new UnrecoverableError(`send-again message rejected: ${err.errcode}`);
      }
      return { to: inbound.channel, sent: 1 };
    },
    async failed(job, reason) {
      core.log.warn({ jobId: job.id, reason: reason.slice(0, 200) }, 'the send-again message could not be sent after every retry');
    },
  };
}

/** A fresh id for a notice's channel send (the notice job itself is the unit retried). */
const noticeId = () => randomBytes(18).toString('base64url');

/**
 * Notices to people and staff who chat on a push channel. A notice always
 * joins the person's chat history (the mini-program shows it, and it is
 * there when the channel's window has closed), and goes out on the channel
 * as its own outbound job, so a retry of it never repeats the history.
 */
export function channelMessenger(core: Core): Messenger {
  const bindings = createBindings(core);
  const viaChannel = (key: string | null): key is string => !!key && /^(mp|oa):/.test(key);
  return {
    name: 'channels',
    canReachUser: (userKey) => viaChannel(userKey),
    async canReachStaff(staff: StaffContact) {
      return viaChannel(await bindings.userOf(staff.id));
    },
    async sendToUser(userKey, replies) {
      await core.inbox.push(userKey, replies);
      await queueChannelReplies(core, userKey, replies, noticeId());
    },
    async sendToStaff(staff, replies) {
      await core.inbox.push(`staff:${staff.id}`, replies);
      const userKey = await bindings.userOf(staff.id);
      // No mini-program card: its pages show a person their own cases and bookings, not a staff member's work.
      if (viaChannel(userKey)) await queueChannelReplies(core, userKey, replies, noticeId(), { card: false });
    },
  };
}
