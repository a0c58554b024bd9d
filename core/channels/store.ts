import { createHash } from 'node:crypto';
import type { Core } from '../context.js';
import { lookupHash, seal, unseal } from '../infra/privacy.js';
import type { Reply } from '../infra/replies.js';
import type { PushMessage } from '../wechat/index.js';
import { channelKeys } from './keys.js';

/** WeChat's push channels: the Official Account, and the mini-program's customer-service chat. */
export const CHANNELS = ['oa', 'mp'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A pushed message waiting for the conversation (sealed at rest: it is what a person typed). */
export interface Inbound {
  channel: Channel;
  message: PushMessage;
}

/** Replies waiting to go out on a channel; `sent` of them went already. */
export interface Outbox {
  userKey: string;
  replies: Reply[];
  sent: number;
  /** Whether the mini-program card after the replies went out. */
  cardSent: boolean;
}

const WINDOW_SECONDS = 48 * 3600;
/** What stays of a pushed message once handled. */
const HANDLED = 'handled';
const INBOUND_TTL = 86400;
const OUTBOX_TTL = 2 * 86400;

/** A stable id for a push: WeChat's MsgId, else what identifies an event (events have none). */
export function pushIdOf(channel: Channel, m: PushMessage): string {
  const raw = m.msgId ? `${channel}:${m.msgId}` : `${channel}:${m.from}:${m.createTime}:${m.kind === 'event' ? `${m.event}:${m.eventKey ?? ''}` : m.kind}`;
  return createHash('sha256').update(raw).digest('base64url').slice(0, 32);
}

/**
 * The line a sender's pushes on a channel wait in (core/conversation/locks.ts),
 * before the person's own: their place is taken when WeChat's push arrives,
 * so the inbound queue's concurrency cannot reorder them. The openid is
 * looked up by keyed hash, never kept in a key.
 */
export function pushSenderOf(hashKey: Buffer, channel: Channel, openid: string): string {
  return `in:${channel}:${lookupHash(hashKey, 'openid', openid)}`;
}

export function createChannelStore(core: Core) {
  const k = channelKeys(core.config.REDIS_PREFIX);
  const { redis, config } = core;
  const sealed = (v: unknown) => seal(config.DATA_KEY, JSON.stringify(v));
  const opened = <T>(v: string | null): T | null => (v ? (JSON.parse(unseal(config.DATA_KEY, v)) as T) : null);

  return {
    keys: k,
    /** Keeps a pushed message until handled; false when it was kept already (WeChat retries a push it got no answer to). */
    async keepInbound(pushId: string, inbound: Inbound): Promise<boolean> {
      return (await redis.set(k.inbound(pushId), sealed(inbound), { NX: true, EX: INBOUND_TTL })) === 'OK';
    },
    async loadInbound(pushId: string): Promise<Inbound | null> {
      const v = await redis.get(k.inbound(pushId));
      return v === HANDLED ? null : opened<Inbound>(v);
    },
    /** Handled: what the person wrote is dropped, and a late retry of the push still finds it taken (for the rest of the day). */
    async doneInbound(pushId: string): Promise<void> {
      await redis.set(k.inbound(pushId), HANDLED, { KEEPTTL: true });
    },

    /** The person wrote on `channel`: for 48 hours we may answer there. */
    async wroteOn(userKey: string, channel: Channel): Promise<void> {
      await redis.set(k.last(userKey), channel, { EX: WINDOW_SECONDS });
    },
    async openChannel(userKey: string): Promise<Channel | null> {
      const c = await redis.get(k.last(userKey));
      return c === 'oa' || c === 'mp' ? c : null;
    },
    /** WeChat says the window closed (45015, 45047): notices wait in the chat until the person writes again. */
    windowClosed: (userKey: string) => redis.del(k.last(userKey)),

    async keepOutbox(sendId: string, box: Outbox): Promise<void> {
      await redis.set(k.outbox(sendId), sealed(box), { EX: OUTBOX_TTL });
    },
    loadOutbox: async (sendId: string) => opened<Outbox>(await redis.get(k.outbox(sendId))),
    /** Progress, so a retry sends only what did not go out. */
    async progress(sendId: string, box: Outbox): Promise<void> {
      await redis.set(k.outbox(sendId), sealed(box), { KEEPTTL: true });
    },

    thumbOf: (appId: string) => redis.get(k.thumb(appId)),
    async keepThumb(appId: string, mediaId: string): Promise<void> {
      await redis.set(k.thumb(appId), mediaId, { EX: OUTBOX_TTL });
    },
  };
}

export type ChannelStore = ReturnType<typeof createChannelStore>;
