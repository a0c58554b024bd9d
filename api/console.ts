import { Router } from '@koa/router';
import type { Context, Middleware } from 'koa';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { canView, onCaseChange, type EvidenceStore } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../core/infra/errors.js';
import type { BookingStore } from '../core/legal-aid/index.js';
import { CONSOLE_SESSION_SECONDS, createConsoleAccess, type ConsoleWho } from '../core/staff/index.js';
import { adminHandlers } from './admin.js';
import { jsonBodies, parseBody, type StaffState } from './http.js';
import { loadStatic, serveStatic, versioned } from './static-files.js';
import { staffHandlers } from './staff.js';

/** The console's session cookie: sent only to the console's pages and its API. */
export const CONSOLE_COOKIE = 'gy_console';
const COOKIE_PATHS = ['/console', '/api/v1/console'] as const;
export const CONSOLE_API = '/api/v1/console';
/** A comment line on the event stream this often keeps proxies from closing it. */
const HEARTBEAT_MS = 25_000;
/** How soon an open event stream notices its session ended (revoked, 解绑, signed out) when no case changes. */
const SESSION_CHECK_MS = 3_000;

export const ConsoleSignIn = z
  .object({
    link: z.string({ error: 'link 必须是字符串' }).max(100, '登录链接不对：请从短信或微信里的链接重新打开').optional(),
    code: z.string({ error: 'code 必须是字符串' }).max(20, '登录码是6位数字，请在微信里发送「控制台」获取。').optional(),
    adminToken: z.string({ error: 'adminToken 必须是字符串' }).max(512, '管理员口令不对：最长512个字符').optional(),
  })
  .refine((b) => [b.link, b.code, b.adminToken].filter((v) => v !== undefined).length === 1, { message: '请给出 link（登录链接）、code（登录码）或 adminToken（管理员凭证）之一', path: ['code'] });

/** The console's files: its page, script, style, and Chart.js (served from here: no CDN; the page loads it for the admin's charts only). */
const chartPath = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js');
const LOADED = loadStatic({
  'console.js': { type: 'text/javascript; charset=utf-8', path: new URL('./static/console/console.js', import.meta.url) },
  'console.css': { type: 'text/css; charset=utf-8', path: new URL('./static/console/console.css', import.meta.url) },
  'chart.js': { type: 'text/javascript; charset=utf-8', path: chartPath },
});
const fileUrl = (name: keyof typeof LOADED) => versioned('/static/console', LOADED, name);
const PAGE = readFileSync(new URL('./static/console/index.html', import.meta.url), 'utf8')
  .replace('"/static/console/console.css"', `"${fileUrl('console.css')}"`)
  .replace('data-chart-src="/static/console/chart.js"', `data-chart-src="${fileUrl('chart.js')}"`)
  .replace('"/static/console/console.js"', `"${fileUrl('console.js')}"`);

/**
 * A state-changing request must come from the console's own page: the
 * cookie is SameSite=Strict already; a browser's Origin (or Sec-Fetch-Site)
 * naming another site is refused as well.
 */
export function sameOriginWrites(): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD' && ctx.method !== 'OPTIONS') {
      const site = ctx.get('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none') throw new ForbiddenError('请从本站的控制台页面操作。');
      const origin = ctx.get('origin');
      if (origin && origin !== `${ctx.protocol}://${ctx.host}`) throw new ForbiddenError('请从本站的控制台页面操作。');
    }
    await next();
  };
}

function setSession(ctx: Context, value: string, maxAgeSeconds: number) {
  for (const path of COOKIE_PATHS) {
    ctx.cookies.set(CONSOLE_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: ctx.secure, path, maxAge: maxAgeSeconds * 1000, overwrite: false });
  }
}

/**
 * `/console`: the web console for staff and the admin (api/static/console/),
 * and `/api/v1/console/*`, which it calls with its session cookie:
 * `staff/*` answers by exactly the staff API's handlers (api/staff.ts) for
 * the staff member signed in, `admin/*` by the admin API's (api/admin.ts) for
 * an admin; `events` streams case changes (Server-Sent Events) each signed-in
 * person may see.
 */
export function consoleRoutes(core: Core, evidence: EvidenceStore, bookings: BookingStore): Router<never>[] {
  const access = createConsoleAccess(core);
  const who = async (ctx: Context): Promise<ConsoleWho> => {
    const w = await access.who(ctx.cookies.get(CONSOLE_COOKIE));
    if (!w) throw new UnauthorizedError('请先登录控制台（登录已失效或已退出）。');
    return w;
  };

  // --- the page and its files ----------------------------------------------------------
  const pages = new Router();
  const page = (ctx: Context) => {
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = PAGE;
  };
  pages.get('/console', page);
  pages.get('/console/', page);
  serveStatic(pages, '/static/console', LOADED);

  // --- signing in and out, who am I, live events ------------------------------------------
  const session = new Router({ prefix: CONSOLE_API });
  session.use(sameOriginWrites());
  session.post('/sign-in', jsonBodies('4kb'), async (ctx) => {
    // Per client address, as every sign-in (SIGN_IN_RATE_PER_MINUTE); wrong codes are limited further in core.
    await core.conversation.limit(`console-sign-in:${ctx.ip}`, core.config.SIGN_IN_RATE_PER_MINUTE, '尝试太频繁了，请稍等一分钟再试。');
    const b = parseBody(ctx, ConsoleSignIn);
    const r = b.link !== undefined ? await access.signInWithLink(b.link) : b.code !== undefined ? await access.signInWithCode(b.code, ctx.ip) : await access.signInAdmin(b.adminToken!.trim());
    if (!r.ok) {
      core.log.warn({ ip: ctx.ip, how: b.link ? 'link' : b.code ? 'code' : 'admin' }, 'console sign-in refused');
      if ('locked' in r && r.locked) throw new TooManyRequestsError(r.message);
      throw new ValidationError(b.link !== undefined ? 'link' : b.code !== undefined ? 'code' : 'adminToken', r.message);
    }
    setSession(ctx, r.session, CONSOLE_SESSION_SECONDS);
    core.log.info({ ip: ctx.ip, staffId: 'staffId' in r ? r.staffId : 'admin' }, 'console signed in');
    ctx.body = await sessionView((await access.who(r.session))!);
  });
  session.post('/sign-out', async (ctx) => {
    await access.end(ctx.cookies.get(CONSOLE_COOKIE));
    setSession(ctx, '', 0);
    ctx.status = 204;
  });
  session.get('/session', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await sessionView(await who(ctx));
  });

  /** Server-Sent Events: `case` with `{caseNo}` whenever a case this person may see changes. */
  session.get('/events', async (ctx) => {
    const w = await who(ctx);
    // The response is written here, not by Koa (a piped body would report the browser leaving as an error).
    ctx.req.setTimeout(0);
    ctx.status = 200;
    ctx.type = 'text/event-stream';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Accel-Buffering', 'no');
    ctx.respond = false;
    const res = ctx.res;
    res.flushHeaders();
    const write = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    write(': connected\n\nretry: 3000\n\n');
    const cookie = ctx.cookies.get(CONSOLE_COOKIE);
    const off = onCaseChange(core, (e) => {
      void (async () => {
        // The session may have ended since (revoked, signed out): nothing more is sent, and the stream ends.
        if (!(await access.who(cookie))) return stop();
        if (w.kind === 'staff') {
          const c = await core.cases.get(e.id);
          if (!c || !canView(w.staff, c)) return;
        }
        write(`event: case\ndata: ${JSON.stringify({ caseNo: e.caseNo })}\n\n`);
      })().catch(() => undefined);
    });
    const beat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
    const check = setInterval(() => {
      access
        .who(cookie)
        .then((still) => {
          if (!still) stop();
        })
        .catch(() => undefined);
    }, SESSION_CHECK_MS);
    let stopped = false;
    function stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(beat);
      clearInterval(check);
      off();
      if (!res.writableEnded) res.end();
    }
    ctx.req.on('close', stop);
    res.on('close', stop);
  });

  async function sessionView(w: ConsoleWho) {
    // The server's time: countdowns in the page count on it, not on the browser's clock.
    const now = core.clock.now().toISOString();
    if (w.kind === 'admin') return { kind: 'admin' as const, now };
    return { kind: 'staff' as const, now, staff: { id: w.staff.staff.id, name: w.staff.staff.name, role: w.staff.staff.role } };
  }

  // --- the staff API and the admin API, by their own handlers -----------------------------------
  const staff = new Router<StaffState>({ prefix: `${CONSOLE_API}/staff` });
  staff.use(sameOriginWrites(), async (ctx, next) => {
    const w = await who(ctx);
    if (w.kind !== 'staff') throw new ForbiddenError('这是工作人员的功能，管理员请使用管理页面。');
    ctx.state.sc = { core, staff: w.staff };
    await next();
  });
  staffHandlers(staff, core, evidence, bookings);

  const admin = new Router({ prefix: `${CONSOLE_API}/admin` });
  admin.use(sameOriginWrites(), async (ctx, next) => {
    const w = await who(ctx);
    if (w.kind !== 'admin') throw new ForbiddenError('只有管理员可以使用这项功能。');
    await next();
  });
  adminHandlers(admin, core);

  return [pages, session, staff, admin] as unknown as Router<never>[];
}
