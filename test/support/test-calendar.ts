import type { CalendarData } from '../../core/infra/calendar.js';

/**
 * Holiday years for running the suite "on another day" (GONGYOU_TEST_NOW):
 * the State Council has not published them, so these are MADE UP, shaped
 * like a real year (元旦, a seven-day 春节 with a make-up Saturday that keeps
 * Monday's timetable, 国庆). They exist only in tests, so the Spring
 * Festival run has a festival to step over.
 */
type Year = CalendarData['years'][string];

/**
 * A made-up year from its holidays (name → first and last day off) and its
 * make-up working days (day → the holiday it makes up for, and the weekday
 * whose timetable it keeps).
 */
function madeUpYear(
  holidays: Record<string, [from: string, to: string]>,
  workdays: Record<string, [name: string, timetableOf: Year['workdays'][number]['timetableOf']]>,
): Year {
  return {
    source: '测试用的虚构安排（不是国务院的通知）',
    holidays: Object.entries(holidays).map(([name, [from, to]]) => ({ name, from, to })),
    workdays: Object.entries(workdays).map(([day, [name, timetableOf]]) => ({ day, name, timetableOf })),
  };
}

export const MADE_UP_YEARS: CalendarData['years'] = {
  '2027': madeUpYear(
    {
      元旦: ['2027-01-01', '2027-01-03'],
      春节: ['2027-02-06', '2027-02-12'],
      劳动节: ['2027-05-01', '2027-05-05'],
      国庆节: ['2027-10-01', '2027-10-07'],
    },
    { '2027-02-13': ['春节', 'mon'], '2027-10-09': ['国庆节', 'thu'] },
  ),
  '2028': madeUpYear(
    {
      元旦: ['2028-01-01', '2028-01-03'],
      春节: ['2028-01-25', '2028-01-31'],
      清明节: ['2028-04-02', '2028-04-04'],
      劳动节: ['2028-05-01', '2028-05-05'],
      国庆节: ['2028-10-01', '2028-10-07'],
    },
    { '2028-01-22': ['春节', 'mon'], '2028-10-08': ['国庆节', 'fri'] },
  ),
};
