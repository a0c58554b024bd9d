import type { Logger } from './logger.js';
/**
 * The holiday calendar: which days are worked in mainland China. Public
 * holidays and make-up working days (调休上班) are set each year by the
 * State Council's notice (国务院办公厅关于某年部分节假日安排的通知), usually
 * published in November for the next year.
 *
 * Two layers: the maintained `chinese-days` package, and the years an
 * administrator keeps in the directory (`calendar.years`). A year the
 * administrator wrote replaces the package's data for that whole year, so
 * what they see is what counts. A year neither knows falls back to weekends
 * only, and `coverage` says so, so the app can warn.
 */
import chineseDays from 'chinese-days';
import { z } from 'zod';
import { addDays, chinaDay, chinaInstant, weekdayOf } from './time.js';
import { quoted } from './zod-zh.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 星期日 … 星期六 by `weekdayOf`. */
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Whether `s` is a real calendar day written `YYYY-MM-DD`. */
function isRealDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A real calendar day `YYYY-MM-DD`. */
export const CalendarDaySchema = z.string().refine(isRealDay, { error: (iss) => `${quoted(iss.input)} 不是真实的日期，请写成 2027-10-01 这样（年-月-日）` });

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const WorkWeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri'], {
  error: '只能是 "mon"、"tue"、"wed"、"thu"、"fri" 之一：这天按星期一到星期五中哪一天的时间表上班',
});

export const HolidaySchema = z
  .strictObject({
    /** e.g. 春节 */
    name: z.string().trim().min(1, '假期名称不能为空').max(20, '假期名称最多 20 个字'),
    /** First and last day off (inclusive), weekends inside included. */
    from: CalendarDaySchema,
    to: CalendarDaySchema,
  })
  .superRefine((h, ctx) => {
    // A wrong date has its own problem already; comparing it would only add a confusing second one.
    if (!isRealDay(h.from) || !isRealDay(h.to)) return;
    if (h.to < h.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `结束日期 ${h.to} 不能早于开始日期 ${h.from}` });
    else if (daysBetween(h.from, h.to) > 15) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `一个假期最多 16 天，这里从 ${h.from} 到 ${h.to} 共 ${daysBetween(h.from, h.to) + 1} 天` });
    }
  });

export const MakeUpDaySchema = z.strictObject({
  /** A Saturday or Sunday that is worked (调休上班). */
  day: CalendarDaySchema.refine((d) => weekdayOf(d) === 0 || weekdayOf(d) === 6, {
    error: (iss) => `${String(iss.input)} 是${WEEKDAY_NAMES[weekdayOf(String(iss.input))]}；调休上班只能安排在星期六或星期日`,
  }),
  /** The holiday it makes up for, e.g. 春节. */
  name: z.string().trim().min(1, '调休对应的假期名称不能为空').max(20, '假期名称最多 20 个字'),
  /**
   * Whose timetable the day follows: a make-up day is worked in exchange
   * for a weekday off, and service points open as on that weekday.
   * @defaultValue 'mon'
   */
  timetableOf: WorkWeekdaySchema.default('mon'),
});

export const CalendarYearSchema = z.strictObject({
  /** Where the dates come from, e.g. the notice's number (国办发明电〔2026〕N号). */
  source: z.string().trim().max(200, '来源最多 200 个字').optional(),
  holidays: z.array(HolidaySchema),
  workdays: z.array(MakeUpDaySchema).default([]),
});

export const CalendarSchema = z
  .strictObject({
    years: z.record(z.string().regex(/^(19|20|21)\d{2}$/, '年份要写四位数字，例如 2027'), CalendarYearSchema).default({}),
  })
  .superRefine((cal, ctx) => {
    for (const [year, y] of Object.entries(cal.years)) {
      const off = new Map<string, string>();
      y.holidays.forEach((h, i) => {
        const at = ['years', year, 'holidays', i];
        if (!h.from.startsWith(year)) ctx.addIssue({ code: 'custom', path: [...at, 'from'], message: `${h.from} 不在 ${year} 年：这里只填 ${year} 年的假期` });
        if (h.to >= h.from && daysBetween(h.from, h.to) <= 15) {
          for (let d = h.from; d <= h.to; d = addDays(d, 1)) {
            if (off.has(d)) ctx.addIssue({ code: 'custom', path: [...at, 'from'], message: `${d} 已经在「${off.get(d)}」里了` });
            off.set(d, h.name);
          }
        }
      });
      const seen = new Set<string>();
      y.workdays.forEach((w, i) => {
        const at = ['years', year, 'workdays', i, 'day'];
        if (!w.day.startsWith(year)) ctx.addIssue({ code: 'custom', path: at, message: `${w.day} 不在 ${year} 年：这里只填 ${year} 年的调休上班日` });
        if (off.has(w.day)) ctx.addIssue({ code: 'custom', path: at, message: `${w.day} 已是「${off.get(w.day)}」的假日，不能又是调休上班日` });
        if (seen.has(w.day)) ctx.addIssue({ code: 'custom', path: at, message: `${w.day} 重复写了两次` });
        seen.add(w.day);
      });
    }
  });

export type CalendarData = z.infer<typeof CalendarSchema>;
export type CalendarDataInput = z.input<typeof CalendarSchema>;

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400_000);
}

const yearOf = (day: string) => Number(day.slice(0, 4));
const isWeekend = (day: string) => weekdayOf(day) === 0 || weekdayOf(day) === 6;

/**
 * The statutory holidays of `year` by the 全国年节及纪念日放假办法 (as revised
 * in 2024, in force from 2025): 元旦 1 January, 春节 除夕 and 正月初一 to 初三,
 * 清明 (the solar term's day), 劳动节 1–2 May, 端午 (五月初五), 中秋 (八月十五),
 * 国庆 1–3 October. These days are off in every year whatever the State
 * Council's notice adds; the notice only lengthens the breaks around them
 * with swapped weekends (调休), which nobody knows before it is published.
 * Lunar dates and the solar term come from `chinese-days`, which computes
 * them for any year.
 */
const statutoryYears = new Map<number, Map<string, string>>();
export function statutoryHolidays(year: number): Map<string, string> {
  let days = statutoryYears.get(year);
  if (days) return days;
  days = new Map<string, string>();
  const lunarDay = (from: string, to: string, mon: number, day: number): string | null => {
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const l = chineseDays.getLunarDate(d);
      if (l.lunarMon === mon && l.lunarDay === day && !l.isLeap) return d;
    }
    return null;
  };
  const set = (day: string | null, name: string) => {
    if (day && yearOf(day) === year) days!.set(day, name);
  };
  set(`${year}-01-01`, '元旦');
  const newYear = lunarDay(`${year}-01-15`, `${year}-02-25`, 1, 1);
  if (newYear) for (let i = -1; i <= 2; i++) set(addDays(newYear, i), '春节');
  set(chineseDays.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.term === 'pure_brightness')?.date ?? null, '清明');
  set(`${year}-05-01`, '劳动节');
  set(`${year}-05-02`, '劳动节');
  set(lunarDay(`${year}-05-20`, `${year}-06-30`, 5, 5), '端午');
  set(lunarDay(`${year}-09-01`, `${year}-10-10`, 8, 15), '中秋');
  for (let i = 1; i <= 3; i++) set(`${year}-10-0${i}`, '国庆节');
  statutoryYears.set(year, days);
  return days;
}

/** Where a year's data comes from. */
export type CalendarSource = 'directory' | 'chinese-days' | 'none';

export interface CalendarCoverage {
  /** The days looked at: `from` and the days after it. */
  from: string;
  days: number;
  /** Years in that window that no layer has data for (weekends and the statutory holidays only are assumed there). */
  missingYears: number[];
  /** The first day in the window without data, or null when all are covered. */
  firstUncovered: string | null;
  /** A Chinese warning for admins and logs, or null. */
  warning: string | null;
}

export interface Calendar {
  /** Public holidays off, make-up weekends worked; past the data, Monday to Friday but the statutory holidays. */
  isWorkingDay(day: string): boolean;
  /** `春节` when `day` is a public holiday, else null. */
  holidayName(day: string): string | null;
  /** A weekend day that is worked (调休上班). */
  isMakeUpDay(day: string): boolean;
  /** The weekday (0 = Sunday … 6 = Saturday) whose opening hours `day` follows. */
  timetableWeekday(day: string): number;
  /** Which layer decides `year`. */
  sourceOf(year: number): CalendarSource;
  /** Whether some layer has data for the next `days` days from `from`. */
  coverage(from: string, days: number): CalendarCoverage;
}

/** Years the installed `chinese-days` has holiday data for (it lists the State Council's notices). */
const packageYears = new Map<number, boolean>();
function packageCovers(year: number): boolean {
  let known = packageYears.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    packageYears.set(year, known);
  }
  return known;
}

/**
 * Which weekday a make-up day of the package's data stands in for: the n-th
 * make-up day of a holiday pairs with the n-th day in lieu of the same
 * holiday (for 国庆 2026, Sunday 09-20 stands in for Tuesday 10-06). Without
 * a pair, Monday.
 */
function packageStandsFor(day: string): number {
  const name = chineseDays.getDayDetail(day).name;
  const makeUps: string[] = [];
  const inLieu: string[] = [];
  for (let i = -45; i <= 45; i++) {
    const d = addDays(day, i);
    if (!packageCovers(yearOf(d))) continue;
    if (chineseDays.getDayDetail(d).name !== name) continue;
    if (isWeekend(d) && chineseDays.isWorkday(d)) makeUps.push(d);
    else if (chineseDays.isInLieu(d)) inLieu.push(d);
  }
  const n = makeUps.indexOf(day);
  const pair = n >= 0 && makeUps.length === inLieu.length ? inLieu[n] : undefined;
  return pair ? weekdayOf(pair) : 1;
}

/** Builds the calendar from the directory's years laid over the package. */
export function createCalendar(data: CalendarDataInput = { years: {} }): Calendar {
  const parsed = CalendarSchema.parse(data);
  const holidayOf = new Map<string, string>();
  const makeUps = new Map<string, number>();
  const ownYears = new Set<number>();
  for (const [year, y] of Object.entries(parsed.years)) {
    ownYears.add(Number(year));
    for (const h of y.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) holidayOf.set(d, h.name);
    for (const w of y.workdays) makeUps.set(w.day, WEEKDAY_KEYS.indexOf(w.timetableOf));
  }

  const sourceOf = (year: number): CalendarSource => (ownYears.has(year) ? 'directory' : packageCovers(year) ? 'chinese-days' : 'none');

  /**
   * Each day's answer, kept: this calendar's data never changes once made, and a routed case asks about 20–30 days
   * (its deadlines and reminders), each answer from chinese-days costing 2–5 µs against a lookup's tenth of one.
   */
  const workingDays = new Map<string, boolean>();
  function isWorkingDay(day: string): boolean {
    let known = workingDays.get(day);
    if (known === undefined) {
      // Years of days are a few thousand; a cap all the same, whatever a caller asks.
      if (workingDays.size >= 20_000) workingDays.clear();
      workingDays.set(day, (known = workingDayOf(day)));
    }
    return known;
  }

  function workingDayOf(day: string): boolean {
    switch (sourceOf(yearOf(day))) {
      case 'directory':
        return makeUps.has(day) || (!holidayOf.has(day) && !isWeekend(day));
      case 'chinese-days':
        return chineseDays.isWorkday(day);
      case 'none':
        // Past the published notices: weekends and the statutory holidays themselves (their 调休 is not known yet).
        return !isWeekend(day) && !statutoryHolidays(yearOf(day)).has(day);
    }
  }

  function holidayName(day: string): string | null {
    switch (sourceOf(yearOf(day))) {
      case 'directory':
        return holidayOf.get(day) ?? null;
      case 'chinese-days': {
        if (chineseDays.isWorkday(day)) return null;
        // `name` is "English,中文,n" for holidays and make-up days, a weekday name otherwise.
        const parts = chineseDays.getDayDetail(day).name.split(',');
        return parts.length >= 2 ? parts[1]! : null;
      }
      case 'none':
        return statutoryHolidays(yearOf(day)).get(day) ?? null;
    }
  }

  const isMakeUpDay = (day: string) => isWeekend(day) && isWorkingDay(day);

  function timetableWeekday(day: string): number {
    if (!isMakeUpDay(day)) return weekdayOf(day);
    return sourceOf(yearOf(day)) === 'directory' ? (makeUps.get(day) ?? 1) : packageStandsFor(day);
  }

  function coverage(from: string, days: number): CalendarCoverage {
    const missing = new Set<number>();
    let firstUncovered: string | null = null;
    for (let i = 0; i < days; i++) {
      const d = addDays(from, i);
      if (sourceOf(yearOf(d)) === 'none') {
        missing.add(yearOf(d));
        firstUncovered ??= d;
      }
    }
    const missingYears = [...missing].sort();
    const warning =
      missingYears.length === 0
        ? null
        : `节假日日历缺少${missingYears.join('、')}年的放假安排：从${firstUncovered}起只按周末和法定节日当天计算工作日（调休还不知道），时限和预约时间可能不准。` +
          '请管理员按国务院办公厅的通知补充（PUT /api/v1/admin/calendar/years/年份）。';
    return { from, days, missingYears, firstUncovered, warning };
  }

  return { isWorkingDay, holidayName, isMakeUpDay, timetableWeekday, sourceOf, coverage };
}

/** How far ahead the calendar must know the holidays before the app warns. */
export const CALENDAR_WARN_DAYS = 60;

// --- working-day arithmetic -------------------------------------------------------

/**
 * `from` plus `n` working days, at the same Beijing clock time: a case
 * assigned on Friday 16:00 with one working day is due Monday 16:00 (or
 * later after a holiday). From a day off the time starts with the next
 * working day, so the n-th working day is the last and whole: a case that
 * came on Saturday 00:16 with one working day is due Monday 23:59, not
 * Monday 00:16 (before anyone has worked a minute of it).
 */
export function addWorkingDays(cal: Calendar, from: Date, n: number): Date {
  const fromDay = chinaDay(from);
  if (n > 0 && !cal.isWorkingDay(fromDay)) {
    const last = workingDaysFrom(cal, addDays(fromDay, 1), n).at(-1) ?? fromDay;
    return new Date(chinaInstant(last, '23:59').getTime() + 59_999);
  }
  let t = from.getTime();
  let left = n;
  // A year has at most ~30 days off in a row around 春节; 400 is a hard stop.
  for (let i = 0; left > 0 && i < 400 + n; i++) {
    t += 86400_000;
    if (cal.isWorkingDay(chinaDay(new Date(t)))) left -= 1;
  }
  return new Date(t);
}

/** The next working day's 10:00 Beijing time after `from` (for follow-up messages). */
export function nextWorkingMorning(cal: Calendar, from: Date): Date {
  let day = addDays(chinaDay(from), 1);
  for (let i = 0; !cal.isWorkingDay(day) && i < 400; i++) day = addDays(day, 1);
  return chinaInstant(day, '10:00');
}

/**
 * `count` working days starting with `from` itself when it is one.
 * Skips public holidays, includes make-up days.
 */
export function workingDaysFrom(cal: Calendar, from: string, count: number): string[] {
  const out: string[] = [];
  for (let d = from, i = 0; out.length < count && i < 400; d = addDays(d, 1), i++) {
    if (cal.isWorkingDay(d)) out.push(d);
  }
  return out;
}

/**
 * Logs loudly when the holiday calendar has no data for some day of the
 * next {@link CALENDAR_WARN_DAYS} days: time limits and free slots then
 * count weekends and the statutory holidays only. Returns the warning (null when covered).
 */
export function warnCalendarGaps(cal: Calendar, now: Date, log: Logger): string | null {
  const cov = cal.coverage(chinaDay(now), CALENDAR_WARN_DAYS);
  if (!cov.warning) return null;
  log.warn(
    { missingYears: cov.missingYears, from: cov.firstUncovered },
    `holiday calendar: no public holidays known for ${cov.missingYears.join(', ')}; from ${cov.firstUncovered} working days count weekends and the statutory holidays only (their make-up days are not known). ` +
      'Add the year when the State Council publishes it (README, "Holidays").',
  );
  return cov.warning;
}
