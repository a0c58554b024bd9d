/*
 * Admins keep the holiday calendar: a year the State Council has published
 * is added through the API, validated whole; until it is there the app
 * warns (log at start and every morning, admin figures) and counts weekends
 * only.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { warnCalendarGaps } from '../../core/infra/calendar.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { createLogger } from '../../core/infra/logger.js';
import { acceptDeadline } from '../../core/cases/deadlines.js';
import { chinaDay } from '../../core/infra/time.js';
import { TEST_ENV } from '../support/core.js';
import { startHttp } from '../support/http.js';

let clock: ManualClock;
const admin = { authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, 'content-type': 'application/json' };

/** A made-up 2027 (the real one is published by the State Council): 春节 10–16 February, Saturday 20 February worked as a Monday. */
const YEAR_2027 = {
  source: '测试用的虚构安排',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-10', to: '2027-02-16' },
  ],
  workdays: [{ day: '2027-02-20', name: '春节', timetableOf: 'mon' }],
};

const http = useFixture(async () => {
  // 1 December 2026: the next 60 days reach into 2027, which the package does not know.
  clock = manualClock('2026-12-01T09:00:00+08:00');
  return startHttp({ clock });
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = admin) {
  const res = await fetch(`${http.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('the holiday calendar, kept by admins', () => {
  it('when 2027 is missing, the admin figures and the calendar say so, and working days count weekends and the statutory holidays only', async () => {
    const stats = await call('GET', '/api/v1/admin/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.calendar).toMatchObject({ missingYears: [2027], firstUncovered: '2027-01-01' });
    expect(stats.body.calendar.warning).toMatch(/缺少2027年的放假安排.*只按周末和法定节日当天计算工作日（调休还不知道）/);
    const cal = await call('GET', '/api/v1/admin/calendar');
    expect(cal.body.years).toEqual([
      { year: 2025, source: 'chinese-days' },
      { year: 2026, source: 'chinese-days' },
      { year: 2027, source: 'none' },
      { year: 2028, source: 'none' },
    ]);
    // Friday 1 January 2027 is 元旦 by law, published or not; Monday 4 January is worked (no 调休 known).
    expect(http.t.core.directory.index().calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(http.t.core.directory.index().calendar.holidayName('2027-01-01')).toBe('元旦');
    expect(http.t.core.directory.index().calendar.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('when an admin adds the year, it counts at once (holidays skipped, the make-up Saturday worked) and the warning goes', async () => {
    const res = await call('PUT', '/api/v1/admin/calendar/years/2027', YEAR_2027);
    expect(res.status).toBe(200);
    expect(res.body.coverage).toMatchObject({ missingYears: [], warning: null });
    expect(res.body.calendar.years['2027'].workdays[0]).toEqual({ day: '2027-02-20', name: '春节', timetableOf: 'mon' });
    const cal = http.t.core.directory.index().calendar;
    expect(cal.sourceOf(2027)).toBe('directory');
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-02-20')).toBe(true);
    expect(cal.timetableWeekday('2027-02-20')).toBe(1);
    // A normal case assigned on the eve of the festival is due on the first day back.
    const due = acceptDeadline(http.t.core.config, cal, 'normal', new Date('2027-02-09T15:00:00+08:00'));
    expect(chinaDay(due)).toBe('2027-02-17');
    expect((await call('GET', '/api/v1/admin/stats')).body.calendar.warning).toBeNull();
    // The directory's version moved, so every process reloads it.
    expect(http.t.core.directory.index().directory.version).toBeGreaterThan(1);

    // Taking it out again brings the warning back.
    const del = await call('DELETE', '/api/v1/admin/calendar/years/2027');
    expect(del.status).toBe(200);
    expect(del.body.coverage.missingYears).toEqual([2027]);
    expect((await call('DELETE', '/api/v1/admin/calendar/years/2027')).status).toBe(404);
  });

  it('a broken year is refused whole, every problem with its path, and nothing changes', async () => {
    const before = JSON.stringify(http.t.core.directory.index().directory);
    const res = await call('PUT', '/api/v1/admin/calendar/years/2027', {
      holidays: [
        { name: '春节', from: '2027-02-16', to: '2027-02-10' },
        { name: '国庆', from: '2027-10-01', to: '2027-10-32' },
      ],
      workdays: [{ day: '2027-02-22', name: '春节' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_calendar');
    expect(res.body.error.message).toMatch(/日历有3处问题，未作任何修改/);
    expect(res.body.error.field).toBe('calendar.years.2027.holidays[0].to');
    expect(res.body.error.problems).toEqual([
      'calendar.years.2027.holidays[0].to: 结束日期 2027-02-10 不能早于开始日期 2027-02-16',
      'calendar.years.2027.holidays[1].to: "2027-10-32" 不是真实的日期，请写成 2027-10-01 这样（年-月-日）',
      'calendar.years.2027.workdays[0].day: 2027-02-22 是星期一；调休上班只能安排在星期六或星期日',
    ]);
    expect(JSON.stringify(http.t.core.directory.index().directory)).toBe(before);
  });

  it('wrong, empty, huge and hostile input: 400 with the field; no admin token: 401/403', async () => {
    expect((await call('PUT', '/api/v1/admin/calendar/years/27', YEAR_2027)).body.error).toMatchObject({ code: 'invalid', field: 'year' });
    expect((await call('PUT', '/api/v1/admin/calendar/years/2027', [])).body.error).toMatchObject({ field: 'body' });
    expect((await call('PUT', '/api/v1/admin/calendar/years/2027', {})).body.error.problems).toEqual(['calendar.years.2027.holidays: 缺少这一项（应填列表 [ … ]）']);
    const many = Array.from({ length: 5000 }, (_, i) => ({ name: `假${i}`, from: '2027-03-01', to: '2027-03-01' }));
    const huge = await call('PUT', '/api/v1/admin/calendar/years/2027', { holidays: many });
    expect([400, 413]).toContain(huge.status);
    const hostile = await call('PUT', '/api/v1/admin/calendar/years/2027', { holidays: [{ name: '<script>', from: "2027-01-01'; DROP", to: '2027-01-01' }], __proto__: { x: 1 } });
    expect(hostile.status).toBe(400);
    expect(http.t.core.directory.index().calendar.sourceOf(2027)).toBe('none');
    expect((await call('PUT', '/api/v1/admin/calendar/years/2027', YEAR_2027, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await call('GET', '/api/v1/admin/calendar', undefined, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(403);
  });

  it('the warning is logged (at start and each morning) only while a gap lies within 60 days', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const core = { ...http.t.core, log: createLogger('info', sink) };
    expect(warnCalendarGaps(core.directory.index().calendar, core.clock.now(), core.log)).toMatch(/缺少2027年/);
    expect(lines.join('')).toMatch(/holiday calendar: no public holidays known for 2027; from 2027-01-01 working days count weekends and the statutory holidays only/);
    lines.length = 0;
    clock.set('2026-06-01T09:00:00+08:00');
    expect(warnCalendarGaps(core.directory.index().calendar, core.clock.now(), core.log)).toBeNull();
    expect(lines).toEqual([]);
  });
});
