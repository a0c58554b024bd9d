/*
 * Time limits as a worker and staff live them: the receipt after submitting
 * (the grid team, X working days to be contacted, Y to be resolved, from
 * the calendar and the deadlines routing really sets), 已提交 until a
 * person accepts, staff replies in 进度, 延期 with its reason told to the
 * worker and the supervisor, and working hours: a group case reported at
 * night is due 30 working minutes into the next working morning, unless
 * someone is on call (值班), who gets it at once.
 *
 * Every date is computed from the suite's calendar, so these run on any day
 * (GONGYOU_TEST_NOW: a leap day, a Spring Festival week).
 */
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, isWorkingTime, nextWorkingTime } from '../../core/cases/hours.js';
import { slaProcessor } from '../../core/cases/jobs.js';
import { route } from '../../core/cases/queue.js';
import type { Case } from '../../core/cases/store.js';
import { checkDirectory } from '../../core/directory/load.js';
import { manualClock } from '../../core/infra/clock.js';
import { addWorkingDays, createCalendar, type Calendar } from '../../core/infra/calendar.js';
import { addDays, chinaDay, chinaInstant, chinaTime, dayLabel, shortTime } from '../../core/infra/time.js';
import { converse } from '../support/converse.js';
import { rawDemoDirectory } from '../support/directory.js';
import { eventually, startTestCore, suiteDirectory, type TestCore } from '../support/core.js';
import { MADE_UP_YEARS } from '../support/test-calendar.js';
import { timerAt } from '../support/timers.js';
import { reportByChat } from './report.js';
import { inboxMessage, staffChat, waitFor, wageCase, workingDayAt } from './support.js';

const cal: Calendar = createCalendar(suiteDirectory().calendar);
const HOURS = ['08:30-12:00', '14:00-17:30'];

/** Working days after `from`'s day up to `to`'s day, counted here on the calendar (not with the app's helper). */
function workingDaysUntil(from: Date, to: Date): number {
  let n = 0;
  for (let d = chinaDay(from); d < chinaDay(to); ) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) n += 1;
  }
  return n;
}

function nextWorkingDay(day: string): string {
  let d = addDays(day, 1);
  while (!cal.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

async function withCore<T>(opts: Parameters<typeof startTestCore>[0], fn: (t: TestCore) => Promise<T>): Promise<T> {
  const t = await startTestCore({ workers: true, ...opts });
  try {
    return await fn(t);
  } finally {
    await t.stop();
  }
}

async function assigned(t: TestCore, caseNo: string): Promise<Case> {
  const c = await t.core.cases.getByNo(caseNo);
  return waitFor(t.core, c!.id, (x) => !!x.assignee, `assignment of ${caseNo}`);
}

describe('after submitting, the worker reads who has the case and its time limits in working days', () => {
  it('a case reported on a working morning: its number, 东龙镇第一网格, 1 working day to be contacted and 16 to be resolved, dated as routing dates them, and 12351', async () => {
    await withCore({ clock: manualClock(workingDayAt('09:30')) }, async (t) => {
      const { receipt, caseNo } = await reportByChat(t.chat, 'web:limits-1');
      const c = await assigned(t, caseNo);
      const acceptBy = new Date(c.acceptBy!);
      // What routing set: one working day from now; the resolve limit counts 15 more from acceptance at the latest.
      expect(acceptBy.getTime()).toBe(addWorkingDays(cal, t.core.clock.now(), 1).getTime());
      const resolveBy = addWorkingDays(cal, acceptBy, 15);
      expect(workingDaysUntil(t.core.clock.now(), acceptBy)).toBe(1);
      expect(workingDaysUntil(t.core.clock.now(), resolveBy)).toBe(16);
      expect(receipt).toContain(`提交成功！您的案件编号是 ${caseNo}。`);
      expect(receipt).toContain(
        // The limits end at 09:30 (a day on from now): said with the time, never as 「…前」 of a day alone.
        `已交给东龙镇第一网格处理，工作人员会在1个工作日内联系您，最晚${dayLabel(chinaDay(acceptBy))}09:30；接单后15个工作日内办结，最晚${dayLabel(chinaDay(resolveBy))}09:30。`,
      );
      expect(receipt).toMatch(/职工服务热线：?12351/);
      expect(receipt).not.toMatch(/已受理|先行清偿/);
    });
  });

  it('a group case reported at 21:12: marked urgent, contacted within the next working morning (not at 21:42), the grid worker told when the 30-minute clock starts', async () => {
    const now = workingDayAt('21:12');
    await withCore({ clock: manualClock(now) }, async (t) => {
      const { receipt, caseNo } = await reportByChat(t.chat, 'web:limits-night', { headcount: '12个人' });
      const c = await assigned(t, caseNo);
      const morning = nextWorkingDay(chinaDay(now));
      expect(c.priority).toBe('high');
      expect(c.acceptFrom).toBe(chinaInstant(morning, '08:30').toISOString());
      expect(c.acceptBy).toBe(chinaInstant(morning, '09:00').toISOString());
      expect(receipt).toContain('（已标为优先处理）');
      expect(receipt).toContain(`工作人员会在1个工作日内联系您，最晚${dayLabel(morning)}09:00；`);
      // The reminder two thirds into the clock: 08:50, not in the night.
      expect(await timerAt(t.core, 'accept-reminder', c.id, 1)).toEqual(chinaInstant(morning, '08:50'));
      const notice = await inboxMessage(t.core, `staff:${c.assignee!.staffId}`, /【群体欠薪·优先】/);
      expect(notice).toContain(`请在${shortTime(c.acceptBy)}前接单（现在是非工作时间，接单时限从${shortTime(c.acceptFrom)}起算）`);
    });
  });

  it('an ordinary case at 10:00 on a working day: the accept reminder two thirds into the working time (16:40 that day), not at 02:00 in the night; after 接单 the resolve reminder too is in office hours', async () => {
    const now = workingDayAt('10:00');
    await withCore({ clock: manualClock(now) }, async (t) => {
      const { caseNo } = await reportByChat(t.chat, 'web:limits-remind');
      const c = await assigned(t, caseNo);
      expect(c.acceptBy).toBe(addWorkingDays(cal, now, 1).toISOString());
      // 10:00–12:00 and 14:00–17:30 today, 08:30–10:00 on the next working day: 420 minutes; two thirds is 280.
      expect(await timerAt(t.core, 'accept-reminder', c.id, 1)).toEqual(chinaInstant(chinaDay(now), '16:40'));
      const gw = await staffChat(t.core, c.assignee!.staffId);
      expect(await gw(`接单 ${caseNo}`)).toMatch(/^已接单/);
      const reminder = (await timerAt(t.core, 'resolve-reminder', c.id, 1))!;
      const resolveBy = new Date((await t.core.cases.get(c.id))!.resolveBy!);
      expect(reminder.getTime()).toBeLessThan(resolveBy.getTime());
      expect(isWorkingTime(cal, HOURS, reminder)).toBe(true);
    });
  });

  it('the history says 已提交 until a person accepts; then 已接单; a staff reply (回复 QX…) is in 进度 with the steps', async () => {
    await withCore({ clock: manualClock(workingDayAt('10:00')) }, async (t) => {
      const userKey = 'web:limits-history';
      const { caseNo } = await reportByChat(t.chat, userKey);
      const c = await assigned(t, caseNo);
      expect(c.history[0]!.note).toMatch(/^已提交：反映青溪宏达建筑工程有限公司拖欠工资/);
      await converse(t.chat, userKey).send('进度').expect(new RegExp(`${caseNo}（反映欠薪`)).expect(/已提交：反映/).expect(/已交给东龙镇第一网格处理/).expectNot(/已受理|已接单/);

      const gw = await staffChat(t.core, c.assignee!.staffId);
      expect(await gw(`接单 ${caseNo}`)).toMatch(/^已接单/);
      expect(await gw(`回复 ${caseNo} 您好，明天上午十点给您打电话，请留意。`)).toMatch(/已发给报告人/);
      await converse(t.chat, userKey)
        .send('进度')
        .expect(/东龙镇第一网格已接单/)
        .expect(/工作人员回复：您好，明天上午十点给您打电话，请留意。/)
        .expect(/办结期限：/);
    });
  });
});

describe('延期: the assignee extends the resolve limit, with the reason, capped; the worker and the supervisor are told', () => {
  it('延期 QX… 5 原因 moves the limit five working days, re-arms its reminder and deadline, tells the worker why and the township supervisor; over the cap or from someone else it is refused', async () => {
    await withCore({ clock: manualClock(workingDayAt('10:00')) }, async (t) => {
      const c0 = await wageCase(t.core, { gridId: 't01-g1' });
      await route(t.core, c0.id);
      const c1 = await waitFor(t.core, c0.id, (x) => !!x.assignee, 'assignment');
      const me = c1.assignee!.staffId;
      const gw = await staffChat(t.core, me);
      await gw(`接单 ${c1.caseNo}`);
      const accepted = (await t.core.cases.get(c1.id))!;
      expect(await gw(`延期 ${c1.caseNo}`)).toMatch(/请写上延期的工作日天数和原因/);
      expect(await gw(`延期 ${c1.caseNo} 5`)).toMatch(/请写上延期的原因/);

      const answer = await gw(`延期 ${c1.caseNo} 5 要等住建部门核实工程款`);
      const to = addWorkingDays(cal, new Date(accepted.resolveBy!), 5);
      expect(answer).toContain(`已延期5个工作日，新的办结期限是${shortTime(to.toISOString())}`);
      const extended = (await t.core.cases.get(c1.id))!;
      expect(extended).toMatchObject({ resolveBy: to.toISOString(), deadlineRound: 1, extensions: [{ days: 5, reason: '要等住建部门核实工程款', by: me }] });
      expect(extended.history.at(-1)!.note).toBe(`办理期限延长5个工作日，到${shortTime(to.toISOString())}：要等住建部门核实工程款`);
      // The old deadline is gone, the new one waits for the new limit.
      expect(await timerAt(t.core, 'resolve-deadline', c1.id, 1)).toBeNull();
      expect(await timerAt(t.core, 'resolve-reminder', c1.id, 1)).toBeNull();
      expect(await timerAt(t.core, 'resolve-deadline', c1.id, 1, 1)).toEqual(to);
      // A deadline job of the old limit that fires anyway does nothing.
      expect(await slaProcessor(t.core)({ name: 'resolve-deadline', data: { caseId: c1.id, seq: 1 }, id: 'stale' } as Job)).toEqual({ skipped: 'limit moved' });
      expect((await t.core.cases.get(c1.id))!.missed).toEqual([]);

      const told = await inboxMessage(t.core, c1.reporter.userKey, /办理期限延长/);
      expect(told).toBe(
        `您的案件 ${c1.caseNo} 办理期限延长了5个工作日，现在最晚${dayLabel(chinaDay(to))}${chinaTime(to) === '23:59' ? '' : chinaTime(to)}办结。原因：要等住建部门核实工程款。给您添麻烦了，回复「进度」可以查看办理情况，有急事可以打职工服务热线12351。`,
      );
      const sup = await inboxMessage(t.core, 'staff:sup-t01', /【延期】/);
      expect(sup).toContain(`案件 ${c1.caseNo}（负责人：`);
      expect(sup).toContain('原因：要等住建部门核实工程款');
      expect(await (await staffChat(t.core, 'sup-t01'))(`详情 ${c1.caseNo}`)).toMatch(/延期（.*）：5个工作日，到.*原因：要等住建部门核实工程款/);

      // Capped: 15 working days in all.
      expect(await gw(`延期 ${c1.caseNo} 11 还要等`)).toBe('一件案件最多延期15个工作日，这件还能延10个工作日。');
      const other = await staffChat(t.core, c1.lapsed.length ? 'gw-003' : ['gw-001', 'gw-002', 'gw-003'].find((x) => x !== me)!);
      expect(await other(`延期 ${c1.caseNo} 2 想延`)).toMatch(/不是您负责的/);
      expect((await t.core.cases.get(c1.id))!.extensions).toHaveLength(1);
    });
  });
});

describe('working hours and on call (值班)', () => {
  it('30 working minutes: across lunch, past the end of the day, over a weekend, a make-up Saturday and the Spring Festival', () => {
    const fixed = createCalendar({ years: MADE_UP_YEARS });
    const at = (s: string) => new Date(`${s}:00+08:00`);
    const plus30 = (s: string) => addWorkingMinutes(fixed, HOURS, at(s), 30).toISOString();
    expect(plus30('2028-03-01T10:00')).toBe(at('2028-03-01T10:30').toISOString());
    expect(plus30('2028-03-01T11:50')).toBe(at('2028-03-01T14:20').toISOString());
    expect(plus30('2028-03-01T21:12')).toBe(at('2028-03-02T09:00').toISOString());
    expect(plus30('2028-03-01T17:20')).toBe(at('2028-03-02T08:50').toISOString());
    // Friday night → Monday morning.
    expect(plus30('2028-03-03T21:12')).toBe(at('2028-03-06T09:00').toISOString());
    // Friday 2028-01-21 evening → the make-up Saturday 2028-01-22.
    expect(plus30('2028-01-21T17:20')).toBe(at('2028-01-22T08:50').toISOString());
    // The Monday before 春节 (25–31 January) → Tuesday 1 February.
    expect(plus30('2028-01-24T17:20')).toBe(at('2028-02-01T08:50').toISOString());
    expect(isWorkingTime(fixed, HOURS, at('2028-01-26T10:00'))).toBe(false);
    expect(nextWorkingTime(fixed, HOURS, at('2028-01-26T10:00')).toISOString()).toBe(at('2028-02-01T08:30').toISOString());
  });

  /** The demo directory with 东龙镇's and the district's on-call lists. */
  function onCallDirectory() {
    const d = suiteDirectory();
    d.districts[0]!.onCall = ['dsup-2'];
    d.districts[0]!.townships.find((x) => x.id === 't01')!.onCall = ['gw-003'];
    return d;
  }

  it('outside working hours a group case goes at once to the township’s person on call with 30 real minutes; if they let it lapse it goes to the grid with the clock from the next working hour; elsewhere the district’s person on call takes it', async () => {
    const now = workingDayAt('21:12');
    await withCore({ clock: manualClock(now), directory: onCallDirectory() }, async (t) => {
      const c0 = await wageCase(t.core, { gridId: 't01-g1', headcount: 12 });
      await route(t.core, c0.id);
      const c = await waitFor(t.core, c0.id, (x) => !!x.assignee, 'on-call assignment');
      expect(c.assignee).toMatchObject({ staffId: 'gw-003', level: 'grid', onCall: true });
      expect(c.acceptBy).toBe(new Date(now.getTime() + 30 * 60_000).toISOString());
      const notice = await inboxMessage(t.core, 'staff:gw-003', /【群体欠薪·优先】/);
      expect(notice).toMatch(/^【群体欠薪·优先】（值班）/);
      expect(notice).toContain(`请在${shortTime(c.acceptBy)}前接单。`);

      // Not accepted in time: the next person is no one on call, so the grid, with the clock from the next working hour.
      await slaProcessor(t.core)({ name: 'accept-deadline', data: { caseId: c.id, seq: 1 }, id: 'lapse' } as Job);
      const again = await waitFor(t.core, c.id, (x) => x.assignmentSeq === 2 && !!x.assignee, 'reassignment');
      expect(['gw-001', 'gw-002']).toContain(again.assignee!.staffId);
      expect(again.assignee!.onCall).toBeUndefined();
      expect(again.acceptBy).toBe(chinaInstant(nextWorkingDay(chinaDay(now)), '09:00').toISOString());

      // 白沙镇 names nobody: the district's person on call.
      const d0 = await wageCase(t.core, { townshipId: 't02', gridId: 't02-g1', headcount: 15 });
      await route(t.core, d0.id);
      const d = await waitFor(t.core, d0.id, (x) => !!x.assignee, 'district on call');
      expect(d.assignee).toMatchObject({ staffId: 'dsup-2', level: 'district', onCall: true });

      // An ordinary case at night is not for the person on call: the grid, one working day.
      const n0 = await wageCase(t.core, { gridId: 't01-g1' });
      await route(t.core, n0.id);
      const n = await waitFor(t.core, n0.id, (x) => !!x.assignee, 'ordinary case');
      expect(n.assignee!.onCall).toBeUndefined();
      expect(n.acceptBy).toBe(addWorkingDays(cal, now, 1).toISOString());
    });
  });

  it('inside working hours the person on call is not used: the grid, 30 minutes', async () => {
    const now = workingDayAt('10:00');
    await withCore({ clock: manualClock(now), directory: onCallDirectory() }, async (t) => {
      const c0 = await wageCase(t.core, { gridId: 't01-g1', headcount: 12 });
      await t.core.redis.hSet(t.core.cases.keys.load(), { 'gw-003': 9 });
      await route(t.core, c0.id);
      const c = await waitFor(t.core, c0.id, (x) => !!x.assignee, 'assignment');
      expect(c.assignee!.onCall).toBeUndefined();
      expect(c.acceptBy).toBe(new Date(now.getTime() + 30 * 60_000).toISOString());
    });
  });

  it('the directory refuses on-call people who do not handle cases there, and working hours out of order', () => {
    const raw = rawDemoDirectory();
    raw.workingHours = ['14:00-17:30', '08:30-12:00'];
    raw.districts[0].onCall = ['nobody'];
    raw.districts[0].townships[0].onCall = ['gw-008', 'sup-t01', 'sup-t01'];
    const r = checkDirectory(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        'workingHours[1]: "08:30-12:00" 要在 "14:00-17:30" 结束以后开始（时间段按先后写，不能重叠）',
        'districts[0].onCall[0]: "nobody" 不是区（县） "qingxi" 的网格员或工会主管',
        'districts[0].townships[0].onCall[0]: "gw-008" 不在乡镇 "t01" 工作（只能是本乡镇的主管、网格员，或区（县）的主管）',
        'districts[0].townships[0].onCall[2]: "sup-t01" 重复写了两次',
      ]),
    );
    // The demo directory itself: office hours and someone on call in 柳溪镇.
    const demo = suiteDirectory();
    expect(demo.workingHours).toEqual(HOURS);
    expect(demo.districts[0]!.townships.find((x) => x.id === 't06')!.onCall).toEqual(['sup-t06', 'gw-025']);
  });
});
