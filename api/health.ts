import { Router } from '@koa/router';
import { readFileSync } from 'node:fs';
import type { Core } from '../core/context.js';
import { shortReason } from '../core/infra/redis.js';
import { loadStatic, serveStatic, versioned } from './static-files.js';

/** Files under /static: the web chat's script and style, the admin pages' style. */
const STATIC_TYPES = { 'chat.js': 'text/javascript; charset=utf-8', 'chat.css': 'text/css; charset=utf-8', 'admin.css': 'text/css; charset=utf-8' } as const;
export type StaticName = keyof typeof STATIC_TYPES;

const STATIC = loadStatic(
  Object.fromEntries(Object.entries(STATIC_TYPES).map(([name, type]) => [name, { type, path: new URL(`./static/${name}`, import.meta.url) }])) as Record<
    StaticName,
    { type: string; path: URL }
  >,
);

/** The address of a static file with its content's version: a new deploy is a new address, so it may be cached long. */
export const staticUrl = (name: StaticName) => versioned('/static', STATIC, name);

/** The web chat page, pointing at its script and style (no inline script or style: the CSP allows none). */
const WEB_CHAT = readFileSync(new URL('./static/index.html', import.meta.url), 'utf8')
  .replace('"/static/chat.css"', `"${staticUrl('chat.css')}"`)
  .replace('"/static/chat.js"', `"${staticUrl('chat.js')}"`);

/** /readyz answers within this long even when Redis hangs. */
const READY_TIMEOUT_MS = 800;

function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Health checks, the web chat page and its files: no login. */
export function healthRoutes(core: Core): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/readyz', async (ctx) => {
    try {
      await within(READY_TIMEOUT_MS, core.ready());
      ctx.body = { ok: true };
    } catch (err) {
      ctx.status = 503;
      core.log.warn({ reason: shortReason(err) }, 'not ready');
      // The reason goes to the log; the public answer says only that it is not ready.
      ctx.body = { ok: false, error: { code: 'not_ready', message: '服务暂时不可用。' } };
    }
  });
  serveStatic(router, '/static', STATIC);
  if (core.config.SERVE_WEB_CHAT) {
    router.get('/', (ctx) => {
      ctx.type = 'html';
      // The page is small and names its files by version: always asked again, so a deploy shows at once.
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = WEB_CHAT;
    });
  }
  return router;
}
