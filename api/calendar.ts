import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { CALENDAR_WARN_DAYS } from '../core/infra/calendar.js';
import { loadDirectory, type Core } from '../core/context.js';
import { checkDirectory } from '../core/directory/load.js';
import type { Directory } from '../core/directory/schema.js';
import { NotFoundError, ValidationError } from '../core/infra/errors.js';
import { chinaDay } from '../core/infra/time.js';

/** A refusal listing every problem of the edited calendar, each with its path. */
class CalendarRejected extends Error {
  constructor(readonly problems: string[]) {
    super('invalid calendar');
  }
}

/**
 * The holiday calendar (core/infra/calendar.ts), kept by admins: one year at a
 * time, as the State Council publishes it. A year is validated with the
 * whole directory, so a broken edit changes nothing and every problem comes
 * back with its path (`calendar.years.2027.workdays[0].day: …`).
 */
export function addCalendarRoutes(router: Router, core: Core, requireAdmin: (ctx: Context) => void) {
  function view() {
    const index = core.directory.index();
    const today = chinaDay(core.clock.now());
    const coverage = index.calendar.coverage(today, CALENDAR_WARN_DAYS);
    const thisYear = Number(today.slice(0, 4));
    const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ year: y, source: index.calendar.sourceOf(y) }));
    return { calendar: index.directory.calendar, years, coverage };
  }

  function yearOf(ctx: Context): string {
    const year = String(ctx.params.year);
    if (!/^(19|20|21)\d{2}$/.test(year)) throw new ValidationError('year', '年份要写四位数字，例如 2027');
    return year;
  }

  async function edit(ctx: Context, change: (years: Directory['calendar']['years']) => Directory['calendar']['years']) {
    try {
      await core.directory.update((cur) => {
        const next = { ...cur, version: cur.version + 1, calendar: { years: change({ ...cur.calendar.years }) } };
        const r = checkDirectory(next);
        if (!r.ok) throw new CalendarRejected(r.problems);
        return r.directory;
      });
    } catch (err) {
      if (!(err instanceof CalendarRejected)) throw err;
      const first = err.problems[0] ?? '';
      ctx.status = 400;
      ctx.body = {
        error: { code: 'invalid_calendar', message: `日历有${err.problems.length}处问题，未作任何修改。`, field: first.split(':')[0], problems: err.problems },
      };
      return false;
    }
    await loadDirectory(core);
    return true;
  }

  router.get('/api/v1/admin/calendar', (ctx) => {
    requireAdmin(ctx);
    ctx.body = view();
  });

  /** Adds or replaces one year: `{ "source"?, "holidays": [{ name, from, to }], "workdays": [{ day, name, timetableOf? }] }`. */
  router.put('/api/v1/admin/calendar/years/:year', async (ctx) => {
    requireAdmin(ctx);
    const year = yearOf(ctx);
    const body = (ctx.request as { body?: unknown }).body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('body', '请发送这一年的放假安排（JSON 对象）');
    if (await edit(ctx, (years) => ({ ...years, [year]: body as Directory['calendar']['years'][string] }))) {
      core.log.info({ year }, 'holiday calendar year saved by an admin');
      ctx.body = view();
    }
  });

  /** Removes a year the admin kept: the package's data (if any) counts again. */
  router.delete('/api/v1/admin/calendar/years/:year', async (ctx) => {
    requireAdmin(ctx);
    const year = yearOf(ctx);
    if (!(year in core.directory.index().directory.calendar.years)) throw new NotFoundError(`日历里没有管理员填写的${year}年。`);
    if (
      await edit(ctx, (years) => {
        delete years[year];
        return years;
      })
    ) {
      core.log.info({ year }, 'holiday calendar year removed by an admin');
      ctx.body = view();
    }
  });
}
