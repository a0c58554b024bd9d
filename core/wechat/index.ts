/**
 * WeChat's server API (sign-in, the shared access token, subscribe and
 * customer-service messages, temporary media, user info, the menu), the
 * rules of template values, and the message push both bot channels use.
 */
export {
  MAX_MEDIA_BYTES,
  WechatApiError,
  createWechatApi,
  templateValue,
  type CustomMessage,
  type MenuButton,
  type SubscribeMessage,
  type TempMedia,
  type TemplateKind,
  type WechatApi,
  type WechatApiName,
  type WechatApiOptions,
  type WechatErrorKind,
  type WechatMenu,
  type WechatSession,
} from './api.js';
export { wechatKeys, type WechatKeys } from './keys.js';
export {
  PUSH_MAX_BYTES,
  PushRejected,
  checkSignature,
  decryptPush,
  encryptPush,
  msgSignature,
  openPush,
  pushId,
  pushSettingsProblem,
  pushSignature,
  sealReply,
  textReply,
  verifyUrl,
  type PushKind,
  type PushMessage,
  type PushQuery,
  type PushRejectReason,
  type PushSettings,
} from './push.js';
