import type { CalendarData } from '../../core/infra/calendar.js';

/**
 * Holiday years for running the suite "on another day" (GONGYOU_TEST_NOW):
 * the State Council has not published them, so these are MADE UP, shaped
 * like a real year (元旦, a seven-day 春节 with a make-up Saturday that keeps
 * Monday's timetable, 国庆). They exist only in tests, so the Spring
 * Festival run has a festival to step over.
 */
export const MADE_UP_YEARS: CalendarData['years'] = {
  '2027': {
    source: '测试用的虚构安排（不是国务院的通知）',
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-06', to: '2027-02-12' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-05' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
    ],
    workdays: [
      { day: '2027-02-13', name: '春节', timetableOf: 'mon' },
      { day: '2027-10-09', name: '国庆节', timetableOf: 'thu' },
    ],
  },
  '2028': {
    source: '测试用的虚构安排（不是国务院的通知）',
    holidays: [
      { name: '元旦', from: '2028-01-01', to: '2028-01-03' },
      { name: '春节', from: '2028-01-25', to: '2028-01-31' },
      { name: '清明节', from: '2028-04-02', to: '2028-04-04' },
      { name: '劳动节', from: '2028-05-01', to: '2028-05-05' },
      { name: '国庆节', from: '2028-10-01', to: '2028-10-07' },
    ],
    workdays: [
      { day: '2028-01-22', name: '春节', timetableOf: 'mon' },
      { day: '2028-10-08', name: '国庆节', timetableOf: 'fri' },
    ],
  },
};
