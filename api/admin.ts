import { Router } from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { loadDirectory, type Core } from '../core/context.js';
import { checkDirectory } from '../core/directory/index.js';
import type { Directory } from '../core/directory/index.js';
import { CALENDAR_WARN_DAYS } from '../core/infra/calendar.js';
import { DocumentRejectedError, NotFoundError, ValidationError } from '../core/infra/errors.js';
import { chinaDay } from '../core/infra/time.js';
import { createAuth } from '../core/auth/index.js';
import { CONSOLE_LINK_SECONDS, createBindings, createConsoleAccess } from '../core/staff/index.js';
import { caseFigures, dashboardCsv, dashboardFigures } from '../core/stats.js';
import { asAdmin, jsonBodies, parseBody } from './http.js';

export const StaffId = z.object({
  staffId: z.string({ error: 'staffId 必须是字符串' }).min(1, 'staffId 不能为空').max(64, 'staffId 不能超过64个字符'),
});
export const UserKeyBody = z.object({
  userKey: z.string({ error: 'userKey 必须是字符串' }).regex(/^[a-z]{2,8}:[^\s]{1,200}$/, 'userKey 的格式是「渠道:编号」，例如 mp:o6_bmjrPTlm6_2sgVt7hMZOPfL2M'),
});

/**
 * `/api/v1/admin`, with the ADMIN_TOKEN: staff tokens and WeChat binding
 * codes, the figures, the directory and its holiday calendar. A directory
 * or calendar edit is validated whole: a broken one changes nothing, and
 * every problem comes back with its path.
 */
export function adminRoutes(core: Core): Router {
  const router = new Router({ prefix: '/api/v1/admin' });
  router.use(asAdmin(core));
  return adminHandlers(router, core);
}

/**
 * The admin routes' handlers on `router`, whose own middleware has checked
 * the caller is the admin (the ADMIN_TOKEN here; the console's admin session
 * in api/console.ts): both answer by exactly this code.
 */
export function adminHandlers(router: Router, core: Core): Router {
  const consoleAccess = createConsoleAccess(core);
  const small = jsonBodies('64kb');
  const bindings = createBindings(core);
  const auth = createAuth(core);
  const staffEntry = (staffId: string) => {
    const entry = core.directory.index().staffById.get(staffId);
    if (!entry) throw new ValidationError('staffId', `名录中没有 ${staffId}`);
    return entry;
  };

  router.post('/staff-tokens', small, async (ctx) => {
    const { staffId } = parseBody(ctx, StaffId);
    const entry = staffEntry(staffId);
    ctx.status = 201;
    ctx.body = { ...(await auth.issueStaff(staffId)), staff: { id: entry.staff.id, name: entry.staff.name, role: entry.staff.role } };
  });

  /** Every token a staff member holds stops working at once (a lost phone, someone leaving). */
  router.post('/staff/:staffId/revoke', async (ctx) => {
    await auth.revokeStaff(String(ctx.params.staffId));
    ctx.body = { revoked: true };
  });

  /** Every token a person holds stops working at once (e.g. they asked, or a device was lost); they sign in again. */
  router.post('/users/revoke', small, async (ctx) => {
    const { userKey } = parseBody(ctx, UserKeyBody);
    await auth.revokeUser(userKey);
    ctx.body = { revoked: true };
  });

  router.post('/bind-codes', small, async (ctx) => {
    const { staffId } = parseBody(ctx, StaffId);
    const entry = staffEntry(staffId);
    ctx.status = 201;
    ctx.body = { code: await bindings.issueCode(staffId), expiresInSeconds: 86400, staff: { id: staffId, name: entry.staff.name } };
  });

  router.delete('/bindings/:staffId', async (ctx) => {
    ctx.body = { unbound: await bindings.unbind(String(ctx.params.staffId)) };
  });

  /** A one-time link that signs the person in to the web console (15 minutes). */
  router.post('/console-links', small, async (ctx) => {
    const { staffId } = parseBody(ctx, StaffId);
    const entry = staffEntry(staffId);
    const token = await consoleAccess.issueLink(staffId);
    const origin = core.config.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? `${ctx.protocol}://${ctx.host}`;
    ctx.status = 201;
    // The token after `#`: never sent to the server with the page, so not in logs or proxies.
    ctx.body = { url: `${origin}/console/#link=${token}`, expiresInSeconds: CONSOLE_LINK_SECONDS, staff: { id: staffId, name: entry.staff.name } };
  });

  /** The dashboard's figures: by township and month, time limits kept, satisfaction, amounts, membership applications. */
  router.get('/dashboard', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await dashboardFigures(core);
  });

  /** The same as CSV (UTF-8 with a BOM, for Excel). */
  router.get('/dashboard.csv', async (ctx) => {
    const f = await dashboardFigures(core);
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`工友统计-${chinaDay(core.clock.now())}.csv`)}`);
    ctx.body = dashboardCsv(f);
  });

  router.get('/stats', async (ctx) => {
    const coverage = core.directory.index().calendar.coverage(chinaDay(core.clock.now()), CALENDAR_WARN_DAYS);
    ctx.body = { districts: await caseFigures(core), calendar: coverage };
  });

  // --- the directory --------------------------------------------------------------
  router.get('/directory', (ctx) => {
    ctx.body = { directory: core.directory.index().directory };
  });

  /** Replaces the directory (grids, staff, capacities, service points…) for every process. */
  router.put('/directory', jsonBodies('2mb'), async (ctx) => {
    const body = (ctx.request as { body?: unknown }).body as { directory?: unknown } | undefined;
    const r = checkDirectory(body?.directory);
    if (!r.ok) {
      // Paths from the request body: `directory.districts[0].id`, or `directory` itself when it is missing.
      const problems = r.problems.map((p) => (p.startsWith('(root): ') ? `directory${p.slice('(root)'.length)}` : `directory.${p}`));
      throw new DocumentRejectedError('invalid_directory', `名录有${problems.length}处问题，未作任何修改。`, problems);
    }
    const parsed = r.directory;
    const before = new Set(core.directory.index().staffById.keys());
    await core.directory.seed(parsed, true);
    await loadDirectory(core);
    // Someone removed from the directory loses their binding and tokens at once, in every
    // process (the others reload the directory only every 30 s), and for good: a later
    // directory that lists the id again does not bring an old token back.
    const after = core.directory.index().staffById;
    const removed = [...before].filter((id) => !after.has(id));
    for (const id of removed) await bindings.unbind(id);
    if (removed.length) core.log.info({ removed }, 'staff removed from the directory: bindings and tokens revoked');
    core.log.info({ version: parsed.version }, 'directory replaced by an admin');
    ctx.body = { directory: core.directory.index().directory };
  });

  // --- the holiday calendar (core/infra/calendar.ts): one year at a time, as the State Council publishes it ----
  function calendarView() {
    const index = core.directory.index();
    const today = chinaDay(core.clock.now());
    const thisYear = Number(today.slice(0, 4));
    const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ year: y, source: index.calendar.sourceOf(y) }));
    return { calendar: index.directory.calendar, years, coverage: index.calendar.coverage(today, CALENDAR_WARN_DAYS) };
  }

  function yearOf(ctx: Context): string {
    const year = String(ctx.params.year);
    if (!/^(19|20|21)\d{2}$/.test(year)) throw new ValidationError('year', '年份要写四位数字，例如 2027');
    return year;
  }

  /** A year is validated with the whole directory (`calendar.years.2027.workdays[0].day: …`). */
  async function editYears(change: (years: Directory['calendar']['years']) => Directory['calendar']['years']) {
    await core.directory.update((cur) => {
      const r = checkDirectory({ ...cur, version: cur.version + 1, calendar: { years: change({ ...cur.calendar.years }) } });
      if (!r.ok) throw new DocumentRejectedError('invalid_calendar', `日历有${r.problems.length}处问题，未作任何修改。`, r.problems);
      return r.directory;
    });
    await loadDirectory(core);
  }

  router.get('/calendar', (ctx) => {
    ctx.body = calendarView();
  });

  /** Adds or replaces one year: `{ "source"?, "holidays": [{ name, from, to }], "workdays": [{ day, name, timetableOf? }] }`. */
  router.put('/calendar/years/:year', small, async (ctx) => {
    const year = yearOf(ctx);
    const body = (ctx.request as { body?: unknown }).body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('body', '请发送这一年的放假安排（JSON 对象）');
    await editYears((years) => ({ ...years, [year]: body as Directory['calendar']['years'][string] }));
    core.log.info({ year }, 'holiday calendar year saved by an admin');
    ctx.body = calendarView();
  });

  /** Removes a year the admin kept: the package's data (if any) counts again. */
  router.delete('/calendar/years/:year', async (ctx) => {
    const year = yearOf(ctx);
    if (!(year in core.directory.index().directory.calendar.years)) throw new NotFoundError(`日历里没有管理员填写的${year}年。`);
    await editYears((years) => {
      delete years[year];
      return years;
    });
    core.log.info({ year }, 'holiday calendar year removed by an admin');
    ctx.body = calendarView();
  });
  return router;
}
