/**
 * The one source of business time: deadlines, free slots, case and booking
 * numbers, token and card expiry, audit and history times, job delays.
 * It is built once at the composition root (`createCore`) and reached as
 * `core.clock` everywhere else, so a test (or `npm test` "on another day")
 * swaps one object.
 *
 * Two rules keep the app right on any day:
 * - Nothing compares this clock with the Redis server's clock. A key that
 *   must live until some moment gets a relative TTL computed from this
 *   clock (`ttlUntil`), never `EXPIREAT`/`PXAT`: with a test clock in the
 *   past such a key would vanish at once, with one in the future it would
 *   outlive its purpose.
 * - Elapsed-time measurements (lock waits, connection timeouts, polling in
 *   tests, benchmarks) are not business time and use `Date.now()` or
 *   `performance.now()` directly: they ask how long, not when.
 */
export interface Clock {
  now(): Date;
}

/** Real time. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and then runs at real speed: the whole app
 * behaves as if today were that day, while timers and job delays still
 * elapse normally.
 */
export function shiftedClock(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A clock that stands still until it is set or moved (tests). */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at) => {
      t = new Date(at).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/**
 * Whole seconds from `clock`'s now until `until`, at least `min`: the TTL
 * that makes a key live until that moment on the Redis server, whatever
 * that server's own clock says.
 */
export function ttlUntil(clock: Clock, until: Date, min = 60): number {
  return Math.max(min, Math.ceil((until.getTime() - clock.now().getTime()) / 1000));
}

/** Milliseconds from `clock`'s now until `at`, never negative: a job delay. */
export function delayUntil(clock: Clock, at: Date): number {
  return Math.max(0, at.getTime() - clock.now().getTime());
}
