import type { Core } from '../context.js';
import { lookupHash, seal } from '../infra/privacy.js';
import { authKeys } from './keys.js';

/** What WeChat's code2session answers for a mini-program sign-in. */
export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

const SESSION_KEY_TTL = 3 * 86400;

/**
 * Which user a WeChat identity is. A unionid (given when the mini-program
 * belongs to an open-platform account) is one person across the
 * mini-program and the union's other WeChat channels, so it wins; else the
 * mini-program's openid; else a new user `mp:<openid>`. Ids are looked up by
 * keyed hash, and the session_key is kept sealed, for server-side use only.
 */
export function createIdentities(core: Core) {
  // Mini-program sign-ins only: the openid kept for subscribe messages is this app's.
  const k = authKeys(core.config.REDIS_PREFIX);
  const { redis, config } = core;
  const h = (kind: 'openid' | 'unionid', v: string) => lookupHash(config.HASH_KEY, kind, v);

  return {
    async userOfWechat(s: WechatSession): Promise<string> {
      const byUnion = s.unionid ? await redis.get(k.unionid(h('unionid', s.unionid))) : null;
      const byOpen = await redis.get(k.openid(h('openid', s.openid)));
      if (byUnion && byOpen && byUnion !== byOpen) core.log.warn({ event: 'identity-merge' }, 'an openid signed in under another user key; its unionid decides');
      const userKey = byUnion ?? byOpen ?? `mp:${s.openid}`;
      const m = redis.multi().set(k.openid(h('openid', s.openid)), userKey).set(k.mpOpenid(userKey), s.openid);
      if (s.unionid) m.set(k.unionid(h('unionid', s.unionid)), userKey);
      m.set(k.sessionKey(userKey), seal(config.DATA_KEY, s.sessionKey), { EX: SESSION_KEY_TTL });
      await m.exec();
      return userKey;
    },
    /** The openid subscribe messages to a person go to, if they ever signed in to the mini-program. */
    mpOpenidOf: (userKey: string) => redis.get(k.mpOpenid(userKey)),
  };
}

export type Identities = ReturnType<typeof createIdentities>;
