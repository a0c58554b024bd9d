import { addWorkingDays, workingDaysFrom, type Calendar } from '../infra/calendar.js';
import type { Case } from './store.js';
import type { Config } from '../infra/config.js';
import { addWorkingMinutes, nextWorkingTime, workingMsBetween, type WorkingTime } from './hours.js';

export type { WorkingTime };
import { addDays, chinaDay, chinaInstant } from '../infra/time.js';

/**
 * When the assignee must accept: minutes for urgent and group cases, working
 * days otherwise. With `hours` (the office hours), the minutes are working
 * minutes: a group case reported at 21:12 is due 30 minutes into the next
 * working morning, not at 21:42 (someone on call counts real minutes: leave
 * `hours` out).
 */
export function acceptDeadline(config: Config, cal: Calendar, priority: Case['priority'], now: Date, hours?: readonly string[]): Date {
  if (priority !== 'normal') {
    return hours ? addWorkingMinutes(cal, hours, now, config.ACCEPT_URGENT_MINUTES) : new Date(now.getTime() + config.ACCEPT_URGENT_MINUTES * 60_000);
  }
  return addWorkingDays(cal, now, config.ACCEPT_WORKING_DAYS);
}

/**
 * When the accept clock starts: at once; for urgent and group cases outside
 * working hours, the next working moment; for other cases that came on a day
 * off, the start of the next working day (their limit is its end, see
 * `addWorkingDays`), so the reminder comes in its afternoon, not at midnight.
 */
export function acceptClockStart(cal: Calendar, priority: Case['priority'], now: Date, hours?: readonly string[]): Date {
  if (priority !== 'normal') return hours ? nextWorkingTime(cal, hours, now) : now;
  const day = chinaDay(now);
  if (cal.isWorkingDay(day)) return now;
  return chinaInstant(workingDaysFrom(cal, day, 1)[0] ?? day, '00:00');
}

export function resolveDeadline(config: Config, cal: Calendar, now: Date): Date {
  return addWorkingDays(cal, now, config.RESOLVE_WORKING_DAYS);
}

export function referralDeadline(config: Config, cal: Calendar, now: Date): Date {
  return addWorkingDays(cal, now, config.REFERRAL_WORKING_DAYS);
}

/**
 * The reminder (催办) goes out when two thirds of the time is gone: of the
 * working time when `work` is given and the span has any, so it reaches the
 * person at work (a case assigned Tuesday 10:00, due Wednesday 10:00: Tuesday
 * 16:40, not Wednesday 02:00); else of the clock's time (someone on call,
 * counting real minutes).
 */
export function reminderAt(from: Date, deadline: Date, work?: WorkingTime): Date {
  if (work) {
    const total = workingMsBetween(work.cal, work.hours, from, deadline);
    if (total > 0) return addWorkingMinutes(work.cal, work.hours, from, (total * 2) / 3 / 60_000);
  }
  return new Date(from.getTime() + ((deadline.getTime() - from.getTime()) * 2) / 3);
}

/** The most working days one case's resolve limit may be extended by (延期), all extensions together. */
export const MAX_EXTENSION_WORKING_DAYS = 15;

/** After 没收到 (the reporter did not get the money), the assignee has this many working days to see it paid. */
export const REOPEN_WORKING_DAYS = 5;

/**
 * Working days from `from`'s day to `to`'s day: those after the first,
 * up to and including the last (0 when `to` is the same day).
 */
export function workingDaysBetween(cal: Calendar, fromDay: string, toDay: string): number {
  let n = 0;
  for (let d = fromDay, i = 0; d < toDay && i < 800; i++) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) n += 1;
  }
  return n;
}
