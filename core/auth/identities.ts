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
    /**
     * A mini-program openid writing in its customer-service chat: the same
     * person as in the mini-program's pages (they share the openid).
     */
    async userOfMiniProgramOpenid(openid: string): Promise<string> {
      const known = await redis.get(k.openid(h('openid', openid)));
      if (known) return known;
      const userKey = `mp:${openid}`;
      await redis.multi().set(k.openid(h('openid', openid)), userKey).set(k.mpOpenid(userKey), openid).exec();
      return userKey;
    },
    /**
     * An Official Account openid. Its openid differs from the mini-program's;
     * the unionid (asked of WeChat once, `unionidOf`) makes them one person.
     */
    async userOfOfficialAccount(openid: string, unionidOf: () => Promise<string | undefined>): Promise<string> {
      const known = await redis.get(k.oaOpenid(h('openid', openid)));
      if (known) return known;
      const unionid = await unionidOf();
      const byUnion = unionid ? await redis.get(k.unionid(h('unionid', unionid))) : null;
      const userKey = byUnion ?? `oa:${openid}`;
      const m = redis.multi().set(k.oaOpenid(h('openid', openid)), userKey).set(k.oaFor(userKey), openid);
      if (unionid && !byUnion) m.set(k.unionid(h('unionid', unionid)), userKey);
      await m.exec();
      return userKey;
    },
    oaOpenidOf: (userKey: string) => redis.get(k.oaFor(userKey)),
    /** The openid subscribe messages to a person go to, if they ever signed in to the mini-program. */
    mpOpenidOf: (userKey: string) => redis.get(k.mpOpenid(userKey)),
  };
}

export type Identities = ReturnType<typeof createIdentities>;
