import chineseDays from 'chinese-days';

const BJ_OFFSET = 8 * 3600_000;
const DAY = 86400_000;

/** `YYYY-MM-DD` of a moment, in Beijing time. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BJ_OFFSET).toISOString().slice(0, 10);
}

/** The last year the installed calendar knows public holidays for. */
const KNOWN_UNTIL = 2026;

/**
 * Whether a Beijing date is a working day: public holidays and make-up
 * working days (调休) from the maintained `chinese-days` calendar. Past the
 * years it covers (it is updated when the State Council publishes the next
 * year's schedule), only weekends count as rest days.
 */
export function isWorkingDay(date: string): boolean {
  if (Number(date.slice(0, 4)) <= KNOWN_UNTIL) return chineseDays.isWorkday(date);
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * `from` plus `n` working days, at the same Beijing clock time: a case
 * assigned on Friday 16:00 with one working day is due Monday 16:00 (or
 * later after a holiday).
 */
export function addWorkingDays(from: Date, n: number): Date {
  let t = from.getTime();
  let left = n;
  while (left > 0) {
    t += DAY;
    if (isWorkingDay(beijingDate(new Date(t)))) left -= 1;
  }
  return new Date(t);
}

/** The next working day's 10:00 Beijing time after `from` (for follow-up messages). */
export function nextWorkingMorning(from: Date): Date {
  let t = from.getTime() + DAY;
  while (!isWorkingDay(beijingDate(new Date(t)))) t += DAY;
  return new Date(`${beijingDate(new Date(t))}T10:00:00+08:00`);
}
