import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import Koa, { type Context, type Middleware } from 'koa';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '../core/context.js';
import { caseOutboxDepth, caseRoutingDepth } from '../core/cases/index.js';
import { AppError, ForbiddenError, UnauthorizedError } from '../core/infra/errors.js';
import { enableProcessMetrics, metricsText, observeRequest, queueDepthRegistry } from '../core/infra/metrics.js';
import { QUEUES } from '../core/infra/queues.js';
import { reportRedisTrouble } from '../core/infra/redis.js';
import { signToken, verifyToken } from '../core/infra/tokens.js';
import { staticUrl } from './health.js';
import { CSP_DIRECTIVES, QUEUES_PATH, cspHeader, errorHandler, isQueuesPath, requestIds, routeLabel, securityHeaders } from './http.js';

export { QUEUES_PATH };

/** The admin session cookie: sent only to /admin. */
export const ADMIN_COOKIE = 'gy_admin';
/** An admin session lasts this long; then the admin signs in again. */
export const ADMIN_SESSION_SECONDS = 2 * 3600;
/** Sign-in attempts per client address per minute. */
const SIGN_IN_PER_MINUTE = 10;

/**
 * bull-board's page has inline styles (and a `<base>`): it gets a CSP of
 * its own, still without inline or foreign script, on /admin/queues only.
 */
const QUEUES_CSP = cspHeader({ ...CSP_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"], 'font-src': ["'self'", 'data:'], 'base-uri': ["'self'"] });

/**
 * The key admin sessions are signed with: from TOKEN_SECRET and the
 * ADMIN_TOKEN itself, so changing the ADMIN_TOKEN ends every session.
 */
function sessionKey(core: Core): string {
  const admin = createHash('sha256').update(core.config.ADMIN_TOKEN).digest('hex');
  return createHmac('sha256', core.config.TOKEN_SECRET).update(`admin-session\0${admin}`).digest('base64url');
}

/** Whether the request carries a valid, unexpired admin session cookie. */
export function hasAdminSession(core: Core, ctx: Context): boolean {
  const value = ctx.cookies.get(ADMIN_COOKIE);
  if (!value) return false;
  const claims = verifyToken(sessionKey(core), value, core.clock.now().getTime());
  return claims?.role === 'admin' && claims.sub === 'admin';
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * A state-changing request to /admin must come from our own pages: the
 * cookie is SameSite=Strict already; a browser's Origin (or Sec-Fetch-Site)
 * naming another site is refused as well.
 */
function assertSameOrigin(ctx: Context): void {
  if (ctx.method === 'GET' || ctx.method === 'HEAD' || ctx.method === 'OPTIONS') return;
  const site = ctx.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new ForbiddenError('请从本站的管理页面操作。');
  const origin = ctx.get('origin');
  // Our own origin from the request's protocol and host (Koa 3's ctx.origin is the Origin header itself).
  if (origin && origin !== 'null' && origin !== `${ctx.protocol}://${ctx.host}`) throw new ForbiddenError('请从本站的管理页面操作。');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A small admin page: no inline script or style (the app's strict CSP). */
function adminPage(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · 工友</title><link rel="stylesheet" href="${staticUrl('admin.css')}"></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function signInPage(notice?: string): string {
  return adminPage(
    '管理员登录',
    `${notice ? `<p class="notice" role="alert">${escapeHtml(notice)}</p>` : ''}<form method="post" action="/admin/sign-in"><label for="token">管理员凭证（ADMIN_TOKEN）</label><input id="token" name="token" type="password" autocomplete="current-password" required maxlength="512"><button type="submit">登录</button></form><p class="hint">登录后可查看任务队列。登录在${ADMIN_SESSION_SECONDS / 3600}小时后失效，用完请退出登录。</p>`,
  );
}

function signedInPage(): string {
  return adminPage(
    '管理后台',
    `<p>您已登录。</p><ul class="links"><li><a href="${QUEUES_PATH}">任务队列</a></li></ul><form method="post" action="/admin/sign-out"><button type="submit" class="plain">退出登录</button></form>`,
  );
}

/**
 * `/admin/sign-in` and `/admin/sign-out`: a browser cannot send the
 * ADMIN_TOKEN as a Bearer header, so the admin gives it once in a form and
 * gets a short-lived signed session cookie (HttpOnly, SameSite=Strict,
 * Secure over https, path /admin) for /admin/queues. `GET /metrics` for
 * Prometheus with `Authorization: Bearer $METRICS_TOKEN` (absent: no
 * /metrics at all).
 */
export function operatorRoutes(core: Core): Router {
  const router = new Router();
  const form = bodyParser({ enableTypes: ['form', 'json'], formLimit: '4kb', jsonLimit: '4kb', encoding: 'utf-8' });
  const html = (ctx: Context, status: number, page: string) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = page;
  };

  router.get('/admin/sign-in', (ctx) => {
    html(ctx, 200, hasAdminSession(core, ctx) ? signedInPage() : signInPage());
  });

  router.post('/admin/sign-in', form, async (ctx) => {
    assertSameOrigin(ctx);
    try {
      await core.conversation.limit(`admin-sign-in:${ctx.ip}`, SIGN_IN_PER_MINUTE, '尝试太频繁了，请稍等一分钟再试。');
    } catch (err) {
      if (err instanceof AppError && err.status === 429) return html(ctx, 429, signInPage(err.message));
      throw err;
    }
    const body = (ctx.request as { body?: unknown }).body as { token?: unknown } | undefined;
    const token = typeof body?.token === 'string' ? body.token.trim() : '';
    if (!token || !sameToken(token, core.config.ADMIN_TOKEN)) {
      core.log.warn({ ip: ctx.ip }, 'admin sign-in refused');
      return html(ctx, 403, signInPage('管理员凭证不正确，请重新输入。'));
    }
    const value = signToken(sessionKey(core), { sub: 'admin', role: 'admin' }, ADMIN_SESSION_SECONDS, core.clock.now().getTime());
    ctx.cookies.set(ADMIN_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.secure,
      path: '/admin',
      maxAge: ADMIN_SESSION_SECONDS * 1000,
      overwrite: true,
    });
    core.log.info({ ip: ctx.ip }, 'admin signed in');
    ctx.status = 303;
    ctx.redirect(QUEUES_PATH);
  });

  router.post('/admin/sign-out', (ctx) => {
    assertSameOrigin(ctx);
    ctx.cookies.set(ADMIN_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure: ctx.secure, path: '/admin', maxAge: 0, overwrite: true });
    ctx.status = 303;
    ctx.redirect('/admin/sign-in');
  });

  metricsRoute(core, router);
  return router;
}

/** `GET /metrics` on `router` when METRICS_TOKEN is set, answering only with it. */
function metricsRoute(core: Core, router: Router): void {
  const metricsToken = core.config.METRICS_TOKEN;
  if (!metricsToken) return;
  enableProcessMetrics();
  const depth = queueDepthRegistry(
    // The queues, and the cases' outbox as `outbox-cases` (its notices are not jobs: core/infra/outbox.ts).
    async () => ({ ...(await core.queues.depth()), 'outbox-cases': await caseOutboxDepth(core), 'routing-cases': await caseRoutingDepth(core) }),
    (err) => reportRedisTrouble(core.log, 'metrics', err),
  );
  router.get('/metrics', async (ctx) => {
    const m = ctx.get('authorization').match(/^Bearer\s+(\S+)$/i);
    if (!m) throw new UnauthorizedError('缺少监控凭证（Authorization: Bearer …）。');
    if (!sameToken(m[1]!, metricsToken)) throw new ForbiddenError('监控凭证不正确。');
    const { contentType, body } = await metricsText([depth]);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = contentType;
    ctx.body = body;
  });
}

/**
 * For processes without the API (workers, bot): an app that answers only
 * `GET /metrics` (METRICS_TOKEN), served on METRICS_PORT — their reminders,
 * lapses, job times and failed sends are counted where they happen.
 */
export function metricsApp(core: Core): Koa {
  const app = new Koa();
  const router = new Router();
  metricsRoute(core, router);
  app.use(requestIds(core.log)).use(securityHeaders()).use(errorHandler(core.log));
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}

/**
 * bull-board at /admin/queues with every queue of core/infra/queues.ts,
 * for a signed-in admin only (else: a browser is sent to the sign-in page,
 * anything else gets 401). Its page gets its own, looser CSP.
 */
export function adminQueues(core: Core): Middleware {
  const serverAdapter = new KoaAdapter();
  serverAdapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(core.queues[name], { displayName: name })),
    // Two copies of @bull-board/api are installed (the adapter's own); they agree on this interface.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: {
      uiConfig: {
        boardTitle: '工友 · 任务队列',
        locale: { lng: 'zh-CN' },
        hideDocsLink: true,
        miscLinks: [{ text: '退出登录', url: '/admin/sign-in' }],
      },
    },
  });
  const board = serverAdapter.registerPlugin() as Middleware;
  return async (ctx, next) => {
    if (!isQueuesPath(ctx.path)) return next();
    ctx.set('Cache-Control', 'no-store');
    if (!hasAdminSession(core, ctx)) {
      const page = ctx.method === 'GET' && !ctx.path.startsWith(`${QUEUES_PATH}/api/`) && ctx.accepts('json', 'html') === 'html';
      if (page) {
        ctx.redirect('/admin/sign-in');
        return;
      }
      throw new UnauthorizedError('请先登录管理后台（/admin/sign-in）。');
    }
    assertSameOrigin(ctx);
    ctx.set('Content-Security-Policy', QUEUES_CSP);
    await board(ctx, next);
  };
}

/** HTTP latency by method, route pattern and status (core/infra/metrics.ts). */
export function httpMetrics(): Middleware {
  return async (ctx, next) => {
    const start = process.hrtime.bigint();
    try {
      await next();
    } finally {
      observeRequest(ctx.method, routeLabel(ctx), ctx.status, Number(process.hrtime.bigint() - start) / 1e9);
    }
  };
}
