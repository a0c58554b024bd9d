import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { startTestCore } from './core.js';
import { useFixture } from './fixture.js';

/**
 * A test core per test on a manual clock standing at `now` (fresh for each test), with the short ways chat tests
 * read it: `clock` (always the running test's clock), a person's `session` and `booked` (their bookings) as of
 * that clock.
 */
export function chatOnClock(now: string) {
  let current: ManualClock = manualClock(now);
  const t = useFixture(() => {
    current = manualClock(now);
    return startTestCore({ clock: current });
  });
  const clock: ManualClock = {
    now: () => current.now(),
    set: (at) => current.set(at),
    advance: (ms) => current.advance(ms),
  };
  return {
    t,
    clock,
    session: (user: string) => t.chat.sessions.load(user, current.now()),
    booked: (user: string) => t.chat.bookings.listByUser(user),
  };
}
