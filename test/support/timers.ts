import type { Core } from '../../core/context.js';
import { caseTimers } from '../../core/cases/index.js';
import { timerMember } from '../../core/cases/queue.js';
import { bookingTimers, type ReminderKind } from '../../core/legal-aid/index.js';
import { bookingTimerMember } from '../../core/legal-aid/queue.js';
import { membershipTimers } from '../../core/membership/index.js';
import type { MembershipJobName } from '../../core/membership/queue.js';
import { membershipTimerMember } from '../../core/membership/timers.js';
import { fireDue, timerDue, type TimerFamily } from '../../core/infra/timers.js';

/** One feature's timers in a test: its family and how its members are named. */
type Timers<A extends unknown[]> = { family: (core: Core) => TimerFamily; member: (...args: A) => string };

/** When timer `member` of `family` is due (null: not set). */
export async function dueAt(core: Core, family: TimerFamily, member: string): Promise<Date | null> {
  return timerDue(core.redis, family.key, member);
}

/** Fires timer `member` of `family` now (as BullMQ's `promote` did for a delayed job): made due by the app's clock, then the family's due timers fired. */
export async function fireNow(core: Core, family: TimerFamily, member: string): Promise<void> {
  if ((await core.redis.zAdd(family.key, { score: core.clock.now().getTime(), value: member }, { XX: true, CH: true })) !== 1) {
    throw new Error(`timer ${member} of ${family.name} is not set`);
  }
  await fireDue(core.redis, core.clock, family, core.log);
}

/** `timerAt` and `fireTimerNow` of one feature, its members named by `member`'s arguments. */
function timersOf<A extends unknown[]>({ family, member }: Timers<A>) {
  return {
    /** When the timer is due (null: not set). */
    at: (core: Core, ...args: A) => dueAt(core, family(core), member(...args)),
    /** Fires the timer now. */
    fireNow: (core: Core, ...args: A) => fireNow(core, family(core), member(...args)),
  };
}

const cases = timersOf({ family: caseTimers, member: (name: string, caseId: string, seq: number, round: number) => timerMember(name, caseId, seq, round) });

/** An application's timers: `membershipTimer.at(core, 'review-deadline', id, seq)`, `.fireNow(…)`. */
export const membershipTimer = timersOf({ family: membershipTimers, member: (name: MembershipJobName, applicationId: string, seq: number) => membershipTimerMember(name, applicationId, seq) });

/** A booking's reminders: `bookingTimer.at(core, 'hour-before', id, rev)`, `.fireNow(…)`. */
export const bookingTimer = timersOf({ family: bookingTimers, member: (kind: ReminderKind, bookingId: string, rev: number) => bookingTimerMember(kind, bookingId, rev) });

/** When a case's time limit is due (null: not set), read from its timer. */
export async function timerAt(core: Core, name: string, caseId: string, seq: number, round = 0): Promise<Date | null> {
  return cases.at(core, name, caseId, seq, round);
}

/** Fires a case's time limit now (as BullMQ's `promote` did for a delayed job): made due by the app's clock, then the due timers fired. */
export async function fireTimerNow(core: Core, name: string, caseId: string, seq: number, round = 0): Promise<void> {
  return cases.fireNow(core, name, caseId, seq, round);
}
