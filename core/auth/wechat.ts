import type { Core } from '../context.js';
import { createWechatApi, type WechatApi } from '../wechat/index.js';

/** One client per process and AppID: one access-token single-flight each. */
const apis = new WeakMap<Core, Map<string, WechatApi>>();

function clientOf(core: Core, appId: string | undefined, secret: string | undefined): WechatApi | null {
  if (!appId || !secret) return null;
  let byApp = apis.get(core);
  if (!byApp) apis.set(core, (byApp = new Map()));
  let api = byApp.get(appId);
  if (!api) {
    const { WECHAT_API_BASE_URL: baseUrl, REDIS_PREFIX: prefix } = core.config;
    api = createWechatApi({ baseUrl, appId, secret, redis: core.redis, prefix, log: core.log });
    byApp.set(appId, api);
  }
  return api;
}

/** The mini-program's API client, or null without WECHAT_APPID. */
export const wechatOf = (core: Core): WechatApi | null => clientOf(core, core.config.WECHAT_APPID, core.config.WECHAT_SECRET);

/** The Official Account's API client (its own AppID, secret and access token), or null without WECHAT_OA_APPID. */
export const officialAccountOf = (core: Core): WechatApi | null => clientOf(core, core.config.WECHAT_OA_APPID, core.config.WECHAT_OA_SECRET);
