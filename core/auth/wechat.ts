import type { Core } from '../context.js';
import { createWechatApi, type WechatApi } from '../wechat/index.js';

const apis = new WeakMap<Core, WechatApi>();

/** The process's one WeChat API client (one access-token single-flight per process), or null without WECHAT_APPID. */
export function wechatOf(core: Core): WechatApi | null {
  const { WECHAT_APPID: appId, WECHAT_SECRET: secret, WECHAT_API_BASE_URL: baseUrl, REDIS_PREFIX: prefix } = core.config;
  if (!appId || !secret) return null;
  let api = apis.get(core);
  if (!api) {
    api = createWechatApi({ baseUrl, appId, secret, redis: core.redis, prefix, log: core.log });
    apis.set(core, api);
  }
  return api;
}

const oaApis = new WeakMap<Core, WechatApi>();

/** The Official Account's API client (its own AppID, secret and access token), or null without WECHAT_OA_APPID. */
export function officialAccountOf(core: Core): WechatApi | null {
  const { WECHAT_OA_APPID: appId, WECHAT_OA_SECRET: secret, WECHAT_API_BASE_URL: baseUrl, REDIS_PREFIX: prefix } = core.config;
  if (!appId || !secret) return null;
  let api = oaApis.get(core);
  if (!api) {
    api = createWechatApi({ baseUrl, appId, secret, redis: core.redis, prefix, log: core.log });
    oaApis.set(core, api);
  }
  return api;
}
