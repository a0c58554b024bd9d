/** Sign-in: tokens, refresh and revocation; WeChat identities; subscribe-message acceptances. */
export { authKeys, type AuthKeys } from './keys.js';
export { createAuth, type Auth, type Session } from './sessions.js';
export { createIdentities, type Identities, type WechatSession } from './identities.js';
export { officialAccountOf, wechatOf } from './wechat.js';
export {
  SUBSCRIBE_NOTICE,
  SUBSCRIBE_TOPICS,
  createSubscriptions,
  offerSubscribe,
  subscribeNotices,
  templateOf,
  type SubscribeContent,
  type SubscribeRenderer,
  type SubscribeTopic,
} from './subscribe.js';
