import { manualClock, shiftedClock, systemClock, type Clock, type ManualClock } from '../../core/infra/clock.js';

/**
 * "Today" for the whole suite. Unset, tests run on the real date. Set
 * `GONGYOU_TEST_NOW` (an ISO instant) and every test core's clock starts
 * there instead and runs at real speed, so `npm test` can be run "on
 * another day"; vitest.config.ts does so for the date-sensitive suites
 * (a leap day and a Spring Festival week, years ahead).
 */
export const TEST_NOW: Date | null = (() => {
  const v = process.env.GONGYOU_TEST_NOW;
  if (!v) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new Error(`GONGYOU_TEST_NOW is not a date: ${v}`);
  return d;
})();

/** The clock a test core gets when the test does not choose one. */
export function suiteClock(): Clock {
  return TEST_NOW ? shiftedClock(TEST_NOW) : systemClock;
}

/** The instant the suite takes as "now" at this moment. */
export function suiteNow(): Date {
  return suiteClock().now();
}

/**
 * A clock standing still at a chosen moment of the suite's day: `atBeijing`
 * is a Beijing wall-clock time (`HH:MM`), on the suite's day moved forward
 * to the next day that satisfies `accept` (e.g. "a Saturday", "a working
 * day"). Without GONGYOU_TEST_NOW the suite's day is `fallbackDay`, so the
 * transcripts read the same every run; with it, they run on that day.
 */
export function scenarioClock(fallbackDay: string, atBeijing: string, accept: (day: string) => boolean = () => true): ManualClock {
  let day = TEST_NOW ? new Date(TEST_NOW.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : fallbackDay;
  for (let i = 0; i < 400 && !accept(day); i++) day = new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  return manualClock(new Date(`${day}T${atBeijing}:00+08:00`));
}
