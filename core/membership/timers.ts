import type { IndexOp } from '../infra/records.js';
import { cancelTimerOp, timerOp } from '../infra/timers.js';
import { MEMBERSHIP_JOB_NAMES, type MembershipJobName } from './queue.js';

/*
 * An application's timers (core/infra/timers.ts), in `gy:{members}:timers`,
 * written in the same atomic step as the record that wants them:
 * - the reminder and the deadline of assignment `seq` (`review-reminder`,
 *   `review-deadline`), set by the assignment's write; the next
 *   assignment's write, an approval, a rejection and an erasure cancel them;
 * - behind each routing (`review`, assignment `seq`), a timer
 *   `ROUTE_CHECK_MS` later: the `review` job is queued at once after the
 *   write (or by a lapsed deadline), and if it is lost (a crash before it
 *   was queued, a job failed for good) the timer routes the application
 *   itself. The assignment's write (or the decision's) cancels it.
 * Each fires as the `membership` job of the same name (jobs.ts
 * `runMembershipJob`), which re-reads the application and does nothing if
 * it moved on.
 * - written before the applications' outbox, a notice's backstop
 *   (`notice|…`, core/infra/outbox.ts `fireNoticeBackstop`), which queues
 *   it again if it was lost.
 */

/** How long after a routing was asked for its timer routes the application, if the `review` job has not. */
export const ROUTE_CHECK_MS = 30_000;

/** The timer of membership job `name` of assignment `seq`. */
export function membershipTimerMember(name: MembershipJobName, applicationId: string, seq: number): string {
  return `${name}|${applicationId}|${seq}`;
}

export function parseMembershipTimer(member: string): { name: MembershipJobName; applicationId: string; seq: number } | null {
  const [name, applicationId, seq, ...rest] = member.split('|');
  if (rest.length > 0 || !applicationId || !/^\d+$/.test(seq ?? '') || !(MEMBERSHIP_JOB_NAMES as readonly string[]).includes(name ?? '')) return null;
  return { name: name as MembershipJobName, applicationId, seq: Number(seq) };
}

/** Sets membership job `name` of assignment `seq` as a timer at `at`, with the record's write. */
export function membershipTimerOp(key: string, name: MembershipJobName, applicationId: string, seq: number, at: Date): IndexOp {
  return timerOp(key, membershipTimerMember(name, applicationId, seq), at);
}

/** Cancels `names` of assignment `seq`, with the record's write. */
export function cancelMembershipTimers(key: string, applicationId: string, seq: number, names: readonly MembershipJobName[]): IndexOp[] {
  return names.map((n) => cancelTimerOp(key, membershipTimerMember(n, applicationId, seq)));
}

/**
 * Everything an application (as it was before the write) still has set: the
 * current assignment's reminder and deadline, and the check behind the next
 * routing. For the write that ends the review (approval, rejection, erasure).
 */
export function cancelAllMembershipTimers(key: string, m: { id: string; reviewer: { seq: number } | null }): IndexOp[] {
  const seq = m.reviewer?.seq ?? 0;
  return [
    ...(m.reviewer ? cancelMembershipTimers(key, m.id, seq, ['review-reminder', 'review-deadline']) : []),
    ...cancelMembershipTimers(key, m.id, seq + 1, ['review']),
  ];
}
