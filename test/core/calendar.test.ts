/*
 * The holiday calendar: the chinese-days package, years kept in the
 * directory laid over it, a year nobody knows (weekends only, with a
 * warning), and the working-day arithmetic time limits and slots use.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, createCalendar, nextWorkingMorning, statutoryHolidays, workingDaysFrom, type CalendarDataInput } from '../../core/infra/calendar.js';
import { checkDirectory, loadDemoDirectory } from '../../core/directory/load.js';
import type { ProviderAt } from '../../core/legal-aid/slots.js';
import { hoursOn, upcomingFreeSlots } from '../../core/legal-aid/slots.js';
import { chinaDay } from '../../core/infra/time.js';

/**
 * A made-up year, far ahead of any published data: 元旦 on Wednesday 1
 * January; 春节 from Wednesday 22 to Tuesday 28 January; Saturday 18
 * January worked with Monday's timetable, Saturday 8 February with
 * Thursday's.
 */
const MADE_UP_2031: CalendarDataInput = {
  years: {
    '2031': {
      source: '测试用的虚构安排',
      holidays: [
        { name: '元旦', from: '2031-01-01', to: '2031-01-01' },
        { name: '春节', from: '2031-01-22', to: '2031-01-28' },
      ],
      workdays: [
        { day: '2031-01-18', name: '春节', timetableOf: 'mon' },
        { day: '2031-02-08', name: '春节', timetableOf: 'thu' },
      ],
    },
  },
};

const bj = (iso: string) => new Date(`${iso}+08:00`);

describe('the chinese-days layer (years the package knows)', () => {
  const cal = createCalendar();

  it.each([
    ['2026-10-01', false, '国庆节'],
    ['2026-10-08', true, null],
    ['2026-09-20', true, null],
    ['2026-10-10', true, null],
    ['2026-11-21', false, null],
    ['2026-11-23', true, null],
    ['2026-02-16', false, '春节'],
    ['2026-02-14', true, null],
    ['2026-02-28', true, null],
  ])('%s: working %s, holiday %s', (day, working, holiday) => {
    expect(cal.isWorkingDay(day)).toBe(working);
    expect(cal.holidayName(day)).toBe(holiday);
    expect(cal.sourceOf(2026)).toBe('chinese-days');
  });

  it('one working day from Friday afternoon is Monday afternoon', () => {
    expect(addWorkingDays(cal, bj('2026-11-20T16:00:00'), 1).toISOString()).toBe(bj('2026-11-23T16:00:00').toISOString());
  });

  it('from a day off the time starts with the next working day: one working day is the whole of it', () => {
    const endOf = (day: string) => new Date(bj(`${day}T23:59:00`).getTime() + 59_999).toISOString();
    // Saturday just after midnight: due at the end of Monday, not Monday 00:16 before anyone worked.
    expect(addWorkingDays(cal, bj('2026-11-21T00:16:00'), 1).toISOString()).toBe(endOf('2026-11-23'));
    expect(addWorkingDays(cal, bj('2026-11-22T23:30:00'), 1).toISOString()).toBe(endOf('2026-11-23'));
    expect(addWorkingDays(cal, bj('2026-11-21T10:00:00'), 15).toISOString()).toBe(endOf('2026-12-11'));
    // In the National Day week: the first day back is the first working day, and is due in full.
    expect(addWorkingDays(cal, bj('2026-10-03T09:00:00'), 1).toISOString()).toBe(endOf('2026-10-08'));
    // A make-up working Saturday is a working day: the same clock time rule.
    expect(addWorkingDays(cal, bj('2026-10-10T09:00:00'), 1).toISOString()).toBe(bj('2026-10-12T09:00:00').toISOString());
  });

  it('one working day from the last day before National Day skips the holiday week', () => {
    expect(chinaDay(addWorkingDays(cal, bj('2026-09-30T09:00:00'), 1))).toBe('2026-10-08');
  });

  it('fifteen working days count only working days', () => {
    expect(chinaDay(addWorkingDays(cal, bj('2026-11-23T09:00:00'), 15))).toBe('2026-12-14');
  });

  it('the next working morning after a Friday is Monday 10:00; after the Spring Festival eve it is the first day back', () => {
    expect(nextWorkingMorning(cal, bj('2026-11-20T15:00:00')).toISOString()).toBe(bj('2026-11-23T10:00:00').toISOString());
    expect(nextWorkingMorning(cal, bj('2026-02-14T15:00:00')).toISOString()).toBe(bj('2026-02-24T10:00:00').toISOString());
  });
});

describe('a year nobody has published yet', () => {
  const cal = createCalendar();

  it('counts weekends and the statutory holidays (元旦, 春节 with 除夕, 清明…) off, and says so for the next 60 days', () => {
    expect(cal.sourceOf(2031)).toBe('none');
    // Wednesday 1 January 2031 is 元旦 by law; Thursday 2 January is worked (any 调休 is not known yet).
    expect(cal.isWorkingDay('2031-01-01')).toBe(false);
    expect(cal.holidayName('2031-01-01')).toBe('元旦');
    expect(cal.isWorkingDay('2031-01-02')).toBe(true);
    expect(cal.holidayName('2031-01-02')).toBeNull();
    expect(cal.isWorkingDay('2031-01-04')).toBe(false);
    // 春节 2031: 正月初一 is Thursday 23 January; 除夕 (the 22nd) to 初三 (the 25th) are off, the 27th is worked.
    for (const d of ['2031-01-22', '2031-01-23', '2031-01-24']) {
      expect(cal.isWorkingDay(d), d).toBe(false);
      expect(cal.holidayName(d), d).toBe('春节');
    }
    expect(cal.isWorkingDay('2031-01-27')).toBe(true);
    expect(cal.holidayName('2031-04-05')).toBe('清明');
    expect(cal.isWorkingDay('2031-05-02')).toBe(false);
    const cov = cal.coverage('2030-12-01', 60);
    expect(cov).toMatchObject({ missingYears: [2030, 2031], firstUncovered: '2030-12-01' });
    expect(cov.warning).toMatch(/节假日日历缺少2030、2031年的放假安排：从2030-12-01起只按周末和法定节日当天计算工作日（调休还不知道）/);
  });

  it('the statutory days agree with the published years: each one of 2025 and 2026 is off there, under the same name', () => {
    for (const year of [2025, 2026]) {
      expect(cal.sourceOf(year)).toBe('chinese-days');
      const days = statutoryHolidays(year);
      // 元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆节 3.
      expect(days.size, String(year)).toBe(13);
      for (const [day, name] of days) {
        expect(cal.isWorkingDay(day), day).toBe(false);
        expect(cal.holidayName(day), day).toBe(name);
      }
    }
  });

  it('a window inside known years has no warning', () => {
    expect(cal.coverage('2026-03-01', 60)).toMatchObject({ missingYears: [], firstUncovered: null, warning: null });
  });
});

describe('a year kept in the directory (made up: 2031)', () => {
  const cal = createCalendar(MADE_UP_2031);

  it('holidays are off, make-up Saturdays are worked, ordinary weekends are off', () => {
    expect(cal.sourceOf(2031)).toBe('directory');
    expect(cal.isWorkingDay('2031-01-01')).toBe(false);
    expect(cal.holidayName('2031-01-01')).toBe('元旦');
    for (const d of ['2031-01-22', '2031-01-25', '2031-01-28']) {
      expect(cal.isWorkingDay(d), d).toBe(false);
      expect(cal.holidayName(d), d).toBe('春节');
    }
    expect(cal.isWorkingDay('2031-01-18')).toBe(true);
    expect(cal.isMakeUpDay('2031-01-18')).toBe(true);
    expect(cal.isWorkingDay('2031-01-19')).toBe(false);
    expect(cal.isWorkingDay('2031-01-29')).toBe(true);
    expect(cal.coverage('2030-12-15', 60).missingYears).toEqual([2030]);
  });

  it('a make-up Saturday takes the timetable it names: Monday for 18 January, Thursday for 8 February', () => {
    expect(cal.timetableWeekday('2031-01-18')).toBe(1);
    expect(cal.timetableWeekday('2031-02-08')).toBe(4);
    // An ordinary day keeps its own.
    expect(cal.timetableWeekday('2031-01-21')).toBe(2);
    const hours = { mon: ['09:00-10:00'], tue: ['14:00-15:00'], wed: [], thu: ['16:00-17:00'], fri: [] };
    expect(hoursOn(cal, hours, '2031-01-18')).toEqual(['09:00-10:00']);
    expect(hoursOn(cal, hours, '2031-02-08')).toEqual(['16:00-17:00']);
    expect(hoursOn(cal, hours, '2031-01-28')).toEqual([]);
  });

  it('a lawyer open on Monday mornings is offered the make-up Saturday, and nothing in the festival week', () => {
    const hours = { mon: ['09:00-10:00'], tue: [], wed: [], thu: [], fri: [] };
    const p: ProviderAt = {
      districtId: 'qingxi',
      point: { id: 'sp-x', name: '测试驿站', kind: 'union_station', address: '测试路', hours, providers: [] },
      provider: { staffId: 'lawyer-9', help: 'lawyer', modes: ['in_person'], slotMinutes: 30, capacity: 1 },
    };
    const slots = upcomingFreeSlots([p], { calendar: cal, now: bj('2031-01-16T12:00:00'), workingDays: 8 });
    expect(slots.map((s) => `${s.day} ${s.time}`)).toEqual(['2031-01-18 09:00', '2031-01-18 09:30', '2031-01-20 09:00', '2031-01-20 09:30']);
  });

  it('time limits step over the festival and count the make-up days', () => {
    expect(workingDaysFrom(cal, '2031-01-17', 5)).toEqual(['2031-01-17', '2031-01-18', '2031-01-20', '2031-01-21', '2031-01-29']);
    expect(chinaDay(addWorkingDays(cal, bj('2031-01-21T16:00:00'), 1))).toBe('2031-01-29');
    expect(nextWorkingMorning(cal, bj('2031-01-17T18:00:00')).toISOString()).toBe(bj('2031-01-18T10:00:00').toISOString());
  });

  it('a year in the directory replaces the package for that whole year', () => {
    const only = createCalendar({ years: { '2026': { holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01' }] } } });
    expect(only.sourceOf(2026)).toBe('directory');
    expect(only.isWorkingDay('2026-10-01')).toBe(true);
    expect(only.isWorkingDay('2026-10-10')).toBe(false);
    expect(createCalendar().isWorkingDay('2026-10-01')).toBe(false);
  });

  it('a make-up day without a timetable follows Monday', () => {
    const c = createCalendar({ years: { '2031': { holidays: [], workdays: [{ day: '2031-02-08', name: '春节' }] } } });
    expect(c.timetableWeekday('2031-02-08')).toBe(1);
  });
});

describe('the calendar in the directory is validated with it', () => {
  const withCalendar = (calendar: unknown) => ({ ...loadDemoDirectory(), calendar });

  it('the demo directory with a made-up year is valid', () => {
    const r = checkDirectory(withCalendar(MADE_UP_2031));
    expect(r.ok).toBe(true);
  });

  /** The demo directory checked with `years` as its calendar: whether it passed, and a check that a problem matches `re`. */
  function checkYears(years: Record<string, unknown>) {
    const r = checkDirectory(withCalendar({ years }));
    const problems = r.ok ? [] : r.problems;
    return { ok: r.ok, has: (re: RegExp) => expect(problems.some((p) => re.test(p)), `${re} in\n${problems.join('\n')}`).toBe(true) };
  }

  it('every problem of a broken year comes back with its path', () => {
    const { ok, has } = checkYears({
      '2031': {
        holidays: [
          { name: '春节', from: '2031-01-22', to: '2031-01-28' },
          { name: '清明', from: '2031-04-07', to: '2031-04-05' },
          { name: '劳动节', from: '2031-02-30', to: '2031-05-03' },
          { name: '', from: '2030-12-31', to: '2031-01-01' },
          { name: '重复', from: '2031-01-27', to: '2031-01-29' },
        ],
        workdays: [
          { day: '2031-01-20', name: '春节' },
          { day: '2031-01-25', name: '春节' },
          { day: '2031-02-08', name: '春节', timetableOf: 'sat' },
          { day: '2031-02-08', name: '春节' },
        ],
        extra: true,
      },
      '31': { holidays: [] },
    });
    expect(ok).toBe(false);
    has(/^calendar\.years\.2031\.holidays\[1\]\.to: 结束日期 \S+ 不能早于开始日期 \S+$/);
    has(/^calendar\.years\.2031\.holidays\[2\]\.from: "\S+" 不是真实的日期/);
    has(/^calendar\.years\.2031\.holidays\[3\]\.name: 假期名称不能为空/);
    has(/^calendar\.years\.2031\.workdays\[0\]\.day: 2031-01-20 是星期一；调休上班只能安排在星期六或星期日/);
    has(/^calendar\.years\.2031\.workdays\[2\]\.timetableOf/);
    has(/^calendar\.years\.2031: 多了不认识的一项："extra"/);
    has(/^calendar\.years\.31: 这个键名不对：年份要写四位数字/);
  });

  it('cross-field problems (weekday make-up day, a day both off and worked, overlaps, listed twice, another year) have paths too', () => {
    const { has } = checkYears({
      '2031': {
        holidays: [
          { name: '元旦', from: '2030-12-31', to: '2031-01-01' },
          { name: '春节', from: '2031-01-22', to: '2031-01-28' },
          { name: '重复', from: '2031-01-27', to: '2031-01-29' },
        ],
        // All for 春节: a Monday, a day of 春节 itself, and a Saturday listed twice.
        workdays: ['2031-01-20', '2031-01-25', '2031-02-08', '2031-02-08'].map((day) => ({ day, name: '春节' })),
      },
    });
    has(/^calendar\.years\.2031\.holidays\[0\]\.from: 2030-12-31 不在 2031 年/);
    has(/^calendar\.years\.2031\.holidays\[2\]\.from: 2031-01-27 已经在「春节」里了/);
    has(/^calendar\.years\.2031\.workdays\[0\]\.day: 2031-01-20 是星期一；调休上班只能安排在星期六或星期日/);
    has(/^calendar\.years\.2031\.workdays\[1\]\.day: 2031-01-25 已是「春节」的假日/);
    has(/^calendar\.years\.2031\.workdays\[3\]\.day: 2031-02-08 重复写了两次/);
  });
});
