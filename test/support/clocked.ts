import { afterEach, beforeEach } from 'vitest';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { startTestCore } from './core.js';
import { useFixture } from './fixture.js';

/**
 * A test core on a manual clock standing at `now`, fresh for each test, with the short ways chat tests read it:
 * `clock` (always the running test's clock), a person's `session` and `booked` (their bookings) as of that clock.
 *
 * The core is started once for the file and put back as just started after each test (every key but the directory's
 * deleted, the evidence folder emptied: TestCore.reset) and the clock set back to `now`: starting a core per test
 * (connections, queues, the directory seeded and indexed) was a good part of the suite's time, and these tests only
 * talk.
 */
export function chatOnClock(now: string | Date) {
  const { t, clock, current } = sharedCore(now);
  return {
    t,
    clock,
    session: (user: string) => t.chat.sessions.load(user, current().now()),
    booked: (user: string) => t.chat.bookings.listByUser(user),
  };
}

/** The test core of `chatOnClock` alone: `useFixture(() => startTestCore({ clock: manualClock(now) }))`, shared as it is. */
export function coreOnClock(now: string | Date) {
  return sharedCore(now).t;
}

function sharedCore(now: string | Date) {
  let current: ManualClock = manualClock(now);
  const clock: ManualClock = {
    now: () => current.now(),
    set: (at) => current.set(at),
    advance: (ms) => current.advance(ms),
  };
  const t = useFixture(() => startTestCore({ clock }), 'all');
  beforeEach(() => {
    current = manualClock(now);
  });
  afterEach(async () => {
    await t.reset();
  });
  return { t, clock, current: () => current };
}
