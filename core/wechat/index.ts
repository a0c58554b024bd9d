/** WeChat's server API (sign-in, the shared access token, subscribe messages) and the rules of template values. */
export {
  WechatApiError,
  createWechatApi,
  templateValue,
  type SubscribeMessage,
  type TemplateKind,
  type WechatApi,
  type WechatApiName,
  type WechatApiOptions,
  type WechatErrorKind,
  type WechatSession,
} from './api.js';
export { wechatKeys, type WechatKeys } from './keys.js';
