import { keySpace, perPrefix } from '../infra/keys.js';

/** The Redis keys of sign-in: token generations, refresh tokens, WeChat identities, subscribe-message acceptances. */
export const authKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'auth');
  return {
    gen: key('gen', ['subject'], 'string', null, "a person's or staff member's token generation (`user:<userKey>`, `staff:<id>`); bumped to revoke every token they hold"),
    refresh: key('refresh', ['tokenHash'], 'string', 'REFRESH_TTL_DAYS', 'a refresh token (hashed) → whose it is and its generation; works once'),
    refreshUsed: key('refresh-used', ['tokenHash'], 'string', 'REFRESH_TTL_DAYS', 'a refresh token already traded: presenting it again revokes the person (it was copied)'),
    openid: key('openid', ['openidHash'], 'string', null, 'a mini-program openid (keyed hash) → the user key it signs in as'),
    unionid: key('unionid', ['unionidHash'], 'string', null, 'a WeChat unionid (keyed hash) → the user key: one person across the mini-program and other WeChat channels'),
    oaOpenid: key('oa-openid', ['openidHash'], 'string', null, 'an Official Account openid (keyed hash) → the user key it chats as'),
    oaFor: key('oa-for', ['userKey'], 'string', null, 'the Official Account openid customer-service messages to a user key go to'),
    mpOpenid: key('mp-openid', ['userKey'], 'string', null, 'the mini-program openid that subscribe messages to a user key are addressed to'),
    sessionKey: key('session-key', ['userKey'], 'string', '3 days', "WeChat's session_key for the person, sealed; never leaves the server"),
    subscriptions: key('subscriptions', ['userKey'], 'hash', 'HISTORY_DAYS after the last acceptance', 'subscribe-message acceptances left, by template id (each allows one message)'),
  };
});

export type AuthKeys = ReturnType<typeof authKeys>;
