import { Router } from '@koa/router';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Core } from '../core/context.js';
import { ForbiddenError } from '../core/infra/errors.js';
import { signToken } from '../core/infra/tokens.js';
import { jsonBodies, parseBody } from './http.js';

const WEB_CHAT = readFileSync(new URL('./static/index.html', import.meta.url), 'utf8');

const DevAuthBody = z.object({
  userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'userId 只能包含字母、数字、_ 和 -，最长64个字符'),
});

/** Health checks and the web chat page: no login. */
export function healthRoutes(core: Core): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/readyz', async (ctx) => {
    try {
      await core.ready();
      ctx.body = { ok: true };
    } catch (err) {
      ctx.status = 503;
      core.log.warn({ err }, 'not ready');
      // The reason goes to the log; the public answer says only that it is not ready.
      ctx.body = { ok: false, error: { code: 'not_ready', message: '服务暂时不可用。' } };
    }
  });
  if (core.config.SERVE_WEB_CHAT) {
    router.get('/', (ctx) => {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:");
      ctx.body = WEB_CHAT;
    });
  }
  return router;
}

/** `/api/v1/auth`: sign-in. Only the development login for now (the mini-program's comes with it); refused in production. */
export function authRoutes(core: Core): Router {
  const router = new Router({ prefix: '/api/v1/auth' });
  router.use(jsonBodies('64kb'));
  router.post('/dev', (ctx) => {
    if (core.config.NODE_ENV === 'production') throw new ForbiddenError('生产环境不能使用开发登录。');
    const { userId } = parseBody(ctx, DevAuthBody);
    ctx.body = { token: signToken(core.config.TOKEN_SECRET, { sub: `web:${userId}`, role: 'user' }, 30 * 86400, core.clock.now().getTime()) };
  });
  return router;
}
