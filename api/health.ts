import { Router } from '@koa/router';
import { readFileSync } from 'node:fs';
import type { Core } from '../core/context.js';

const WEB_CHAT = readFileSync(new URL('./static/index.html', import.meta.url), 'utf8');

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
