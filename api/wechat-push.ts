import { Router } from '@koa/router';
import type { Context } from 'koa';
import { createChannelStore, pushIdOf, pushSenderOf, type Channel } from '../core/channels/index.js';
import type { Core } from '../core/context.js';
import { PushRejected, openPush, verifyUrl } from '../core/wechat/index.js';

/** WeChat pushes small bodies; anything larger is not WeChat. */
const MAX_PUSH_BYTES = 64 * 1024;

/** The settings of each configured channel's message push. */
function pushSettings(core: Core): Partial<Record<Channel, { token: string; encodingAesKey?: string; appId: string }>> {
  const c = core.config;
  return {
    ...(c.WECHAT_OA_TOKEN && c.WECHAT_OA_APPID ? { oa: { token: c.WECHAT_OA_TOKEN, encodingAesKey: c.WECHAT_OA_AES_KEY, appId: c.WECHAT_OA_APPID } } : {}),
    ...(c.WECHAT_PUSH_TOKEN && c.WECHAT_APPID ? { mp: { token: c.WECHAT_PUSH_TOKEN, encodingAesKey: c.WECHAT_PUSH_AES_KEY, appId: c.WECHAT_APPID } } : {}),
  };
}

async function rawBody(ctx: Context): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PUSH_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  // As bytes: openPush checks the UTF-8 itself (a string would hide invalid bytes).
  return Buffer.concat(chunks);
}

/**
 * WeChat's message push for the Official Account (`/wechat/push/oa`) and the
 * mini-program's customer-service chat (`/wechat/push/mp`). Every push's
 * signature is checked (and its ciphertext in safe mode); a stale or
 * replayed one is ignored. The message is kept sealed and queued, and
 * WeChat gets its `success` at once — the conversation runs after (the
 * `inbound` queue) and its replies go out through the customer-service
 * API, so a slow turn never misses WeChat's 5 seconds and nothing is lost
 * if a process stops. A refused push gets a bare 401/400: no reason for
 * whoever forged it (the log has it).
 */
export function wechatPushRoutes(core: Core): Router {
  const router = new Router({ prefix: '/wechat/push' });
  const settings = pushSettings(core);
  const store = createChannelStore(core);
  // WeChat's timestamps are real time, so the window is reckoned in real time (not the app's clock).
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const query = (ctx: Context) => Object.fromEntries(Object.entries(ctx.query).map(([k, v]) => [k, Array.isArray(v) ? undefined : v]));

  const channelOf = (ctx: Context): Channel | null => {
    const ch = String((ctx as Context & { params: Record<string, string> }).params.channel);
    return (ch === 'oa' || ch === 'mp') && settings[ch] ? ch : null;
  };

  const refuse = (ctx: Context, err: unknown, channel: string) => {
    const reason = err instanceof PushRejected ? err.reason : 'error';
    core.log.warn({ channel, reason, ip: ctx.ip }, 'wechat push refused');
    ctx.status = reason === 'signature' || reason === 'expired' ? 401 : 400;
    ctx.type = 'text/plain';
    ctx.body = 'invalid';
  };

  /** The URL check WeChat makes when the push address is saved. */
  router.get('/:channel', (ctx) => {
    const channel = channelOf(ctx);
    if (!channel) return;
    try {
      ctx.type = 'text/plain';
      ctx.body = verifyUrl(settings[channel]!, query(ctx), nowSeconds());
    } catch (err) {
      refuse(ctx, err, channel);
    }
  });

  router.post('/:channel', async (ctx) => {
    const channel = channelOf(ctx);
    if (!channel) return;
    const body = await rawBody(ctx);
    if (body === null) {
      ctx.set('Connection', 'close');
      refuse(ctx, new PushRejected('format'), channel);
      return;
    }
    let message;
    try {
      message = openPush(settings[channel]!, query(ctx), body, ctx.get('content-type'), nowSeconds());
    } catch (err) {
      refuse(ctx, err, channel);
      return;
    }
    const q = query(ctx);
    // The sender's place in line, taken as the push arrives (before anything else is awaited): a burst of
    // pushes is handled in the order it reached us, whichever process took each and however many inbound
    // jobs run at once (workers/inbound.ts waits for this place).
    const sender = pushSenderOf(core.config.HASH_KEY, channel, message.from);
    const place = core.conversation.takeTicket(sender, { reserve: true });
    place.catch(() => undefined);
    // The same signed request sent again (timestamp and nonce) is a replay; the same message
    // with a fresh signature is WeChat retrying: both are answered and ignored.
    const fresh = await core.conversation.firstDelivery(`wechat-${channel}-nonce`, `${q.timestamp}:${q.nonce}`);
    const pushId = pushIdOf(channel, message);
    const ticket = await place;
    try {
      if (fresh && (await store.keepInbound(pushId, { channel, message }))) {
        await core.queues.add('inbound', 'push', { pushId, sender, ticket: ticket.token }, `in-${pushId}`);
        ticket.used = true;
      } else {
        core.log.info({ channel }, 'wechat push seen before: ignored');
      }
    } finally {
      if (!ticket.used) await core.conversation.dropTicket(sender, ticket);
    }
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });
  return router;
}
