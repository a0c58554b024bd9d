import { Router } from '@koa/router';
import { z } from 'zod';
import { createAuth, createIdentities, wechatOf } from '../core/auth/index.js';
import type { Core } from '../core/context.js';
import { AppError } from '../core/infra/errors.js';
import { WechatApiError } from '../core/wechat/index.js';
import { asUser, jsonBodies, limited, parseBody, type UserState } from './http.js';

export const DevAuthBody = z.strictObject({
  userId: z.string({ error: 'userId 必须是字符串' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'userId 只能包含字母、数字、_ 和 -，最长64个字符'),
});
export const WechatAuthBody = z.strictObject({
  code: z.string({ error: '请提供 wx.login 得到的 code' }).regex(/^[A-Za-z0-9_-]{1,128}$/, 'code 格式不对，请重新调用 wx.login'),
});
export const RefreshBody = z.strictObject({
  refreshToken: z.string({ error: '请提供 refreshToken' }).min(1, '请提供 refreshToken').max(200, 'refreshToken 格式不对'),
});

class WechatUnavailable extends AppError {
  constructor(code: string, message: string) {
    super(code, message, 503);
  }
}

/**
 * `/api/v1/auth`: sign-in. The mini-program signs in with `wx.login`'s code
 * (WeChat's code2session, on the server: the session_key never leaves it);
 * `/dev` signs anyone in by a chosen id and exists only with DEV_LOGIN=1
 * (never in production). Tokens are short-lived; `/refresh` trades a
 * refresh token (once) for a new pair; `/logout` revokes every token the
 * person holds.
 */
export function authRoutes(core: Core): Router {
  const router = new Router({ prefix: '/api/v1/auth' });
  const auth = createAuth(core);
  const identities = createIdentities(core);
  const perAddress = limited(core, (ctx) => `sign-in:${ctx.ip}`, core.config.SIGN_IN_RATE_PER_MINUTE, '登录太频繁了，请稍等一分钟再试。');
  router.use(jsonBodies('16kb'));

  if (core.config.DEV_LOGIN) {
    router.post('/dev', perAddress, async (ctx) => {
      const { userId } = parseBody(ctx, DevAuthBody);
      ctx.body = await auth.issueUser(`web:${userId}`);
    });
  }

  router.post('/wechat', perAddress, async (ctx) => {
    const { code } = parseBody(ctx, WechatAuthBody);
    const wechat = wechatOf(core);
    if (!wechat) throw new WechatUnavailable('wechat_not_configured', '暂未开通微信登录。');
    let session;
    try {
      session = await wechat.code2session(code);
    } catch (err) {
      if (!(err instanceof WechatApiError)) throw err;
      if (err.kind === 'invalid_code') throw new AppError('wechat_code_invalid', '微信登录已失效，请重新打开小程序再试。', 401, true, 'code');
      // Busy or rate-limited: the person may try again. Anything else is our configuration: the log says which.
      core.log[err.retryable ? 'warn' : 'error']({ errcode: err.errcode, kind: err.kind }, 'code2session failed');
      throw new WechatUnavailable('wechat_busy', '微信暂时繁忙，请稍后再试。');
    }
    const userKey = await identities.userOfWechat(session);
    ctx.body = await auth.issueUser(userKey);
  });

  router.post('/refresh', perAddress, async (ctx) => {
    const { refreshToken } = parseBody(ctx, RefreshBody);
    ctx.body = await auth.refresh(refreshToken);
  });

  router.post('/logout', asUser(core), async (ctx) => {
    await auth.revokeUser((ctx.state as UserState).userKey);
    ctx.status = 204;
  });
  return router;
}
