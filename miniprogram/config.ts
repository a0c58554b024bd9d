/**
 * The one place the mini-program's settings live.
 *
 * `baseUrl` is the Gongyou API origin, without a trailing slash, chosen by
 * the version WeChat runs:
 *
 * - `develop` (WeChat DevTools, 预览 on a phone): the API from `npm start` on
 *   this computer. Tick 详情 → 本地设置 → 不校验合法域名… in DevTools; on a
 *   phone use the computer's LAN address instead of 127.0.0.1.
 * - `trial` / `release`: the public HTTPS origin, which must be listed as a
 *   request and uploadFile 合法域名 in mp.weixin.qq.com (开发管理 → 服务器域名).
 *
 * `devLogin`: sign in with `POST /api/v1/auth/dev` instead of `wx.login`
 * when the server allows it (`GET /api/v1/client-config` → devLogin, i.e.
 * the server runs with DEV_LOGIN=1). Only for DevTools with the placeholder
 * appid `touristappid`, whose login codes no server can exchange; never in a
 * build that is uploaded.
 */
export interface ClientSettings {
  baseUrl: string;
  devLogin: boolean;
  /** How often the open chat asks for what came since (notices, staff replies). */
  pollMs: number;
  /** Messages loaded at a time, on open and per pull-down. */
  historyPage: number;
}

const BASE_URLS: Record<'develop' | 'trial' | 'release', string> = {
  develop: 'http://127.0.0.1:3000',
  trial: 'https://gongyou.example.cn',
  release: 'https://gongyou.example.cn',
};

function envVersion(): keyof typeof BASE_URLS {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion;
  } catch {
    return 'develop';
  }
}

export const config: ClientSettings = {
  baseUrl: BASE_URLS[envVersion()] ?? BASE_URLS.develop,
  devLogin: envVersion() === 'develop',
  pollMs: 4000,
  historyPage: 30,
};
