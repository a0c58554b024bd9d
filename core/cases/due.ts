import type { Core } from '../context.js';
import { keySpace, perPrefix } from '../infra/keys.js';
import type { IndexOp } from '../infra/records.js';
import { outboxOp } from '../infra/outbox.js';
import { cancelTimerOp, timerOp } from '../infra/timers.js';
import { reminderAt, type WorkingTime } from './deadlines.js';
import type { Case } from './record.js';

/*
 * The jobs a case's record promises, written in the same atomic step as
 * the record (`ops`). A write that makes a case want a job (an assignment
 * wants the assignee's notice and the accept limit; accepting, 延期 and a
 * returned close want the resolve limit; a referral the liaison's notice
 * and answer deadline; a close waiting for approval the approver's notice
 * and the chase; a close the satisfaction question and a transfer's
 * follow-up) adds one entry per job:
 * - a time limit (`sla`) is a timer (core/infra/timers.ts): the entry in
 *   `timers` is the time limit itself, fired when due by the workers'
 *   timer loop (jobs.ts `caseTimers`), so nothing can be lost between the
 *   write and a queue;
 * - a notice (`outbound`) is an entry of the cases' outbox
 *   (core/infra/outbox.ts), sent when due by the outbox loop
 *   (core/infra/outbox.ts `startOutbox`, jobs.ts `caseOutbox`): likewise nothing to lose,
 *   and no job to queue. A notice no write wants (a reminder a timer
 *   sends) is added to the outbox on its own (queue.ts `notify`).
 * `jobs-due` is the index of notices queued after their write, as they
 * were before the outbox: the sweep moves what is left of it to the
 * outbox (jobs.ts `sweepJobs`); nothing new is written to it.
 */

/** The key of the index (in the cases' hash tag: the record write that adds to it touches one feature's keys). */
export const caseJobKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'cases');
  return {
    jobsDue: key('jobs-due', [], 'zset', null, 'written before the outbox: notices a case record promised on the outbound queue (`outbound|name|caseId|staffId|seq||retries`), by when each was due; the sweep moves what is left to the outbox'),
    toRoute: key('to-route', [], 'zset', null, "case ids to route (a new case, one released by its assignee, one the sweep found waiting), by when each is due (ms, the app's clock): claimed in batches and removed by the workers' routing loop (jobs.ts `startRouting`)"),
    toRouteFailures: key('to-route-failures', [], 'hash', null, 'how often routing each case of `to-route` failed in a row (case id → count), while it fails: tried again 1 s later, 2, 4… up to a minute, never dropped'),
    outbox: key('outbox', [], 'zset', null, "case notices to send (`name|caseId|staffId|seq`), by when each is due (ms, the app's clock); written with the record that wants them, sent and removed by the outbox loop (core/infra/outbox.ts)"),
    outboxFailures: key('outbox-failures', [], 'hash', null, "how often each of `outbox`'s notices failed to send in a row (member → count), while it fails: tried again 1 s later, 2, 4…, given up after 8"),
    timers: key('timers', [], 'zset', null, "cases' time limits (`name|caseId|seq|round`), by when each is due (ms, the app's clock); written with the record, fired and removed by the workers' timer loop"),
    timerFailures: key('timer-failures', [], 'hash', null, 'how often each of `timers` failed in a row (member → count), while it fails: each try waits twice as long as the last, up to an hour; its field goes when it fires'),
  };
});

/** One job a case's record wants: which queue, which job (name, ids), when. */
export interface DueJob {
  queue: 'sla' | 'outbound';
  /** A time limit's name (queue.ts SLA_NAMES) or a notice's (CASE_NOTICES). */
  name: string;
  caseId: string;
  staffId?: string;
  seq?: number;
  round?: number;
  at: Date;
  /** How often the sweep already retried it after it failed for good. */
  retries?: number;
}

export function dueMember(j: Omit<DueJob, 'at'>): string {
  return [j.queue, j.name, j.caseId, j.staffId ?? '', j.seq ?? '', j.round ?? '', j.retries ?? 0].join('|');
}

export function parseDueMember(member: string, score: number): DueJob | null {
  const [queue, name, caseId, staffId, seq, round, retries] = member.split('|');
  if ((queue !== 'sla' && queue !== 'outbound') || !name || !caseId) return null;
  return {
    queue,
    name,
    caseId,
    ...(staffId ? { staffId } : {}),
    ...(seq ? { seq: Number(seq) } : {}),
    ...(round ? { round: Number(round) } : {}),
    retries: Number(retries ?? 0) || 0,
    at: new Date(score),
  };
}

/** A case time limit's timer: its name, the case, the assignment (or history entry) it is for and the resolve round. */
export function timerMember(name: string, caseId: string, seq: number, round = 0): string {
  return `${name}|${caseId}|${seq}|${round}`;
}

export function parseTimerMember(member: string): { name: string; caseId: string; seq: number; round: number } | null {
  const [name, caseId, seq, round] = member.split('|');
  if (!name || !caseId || seq === undefined || !/^-?\d+$/.test(seq) || !/^\d+$/.test(round ?? '')) return null;
  return { name, caseId, seq: Number(seq), round: Number(round) };
}

/** A case notice's outbox entry: its name, the case, who receives it (staff) and which step it is about. */
export function outboxMember(name: string, caseId: string, staffId?: string, seq?: number): string {
  return `${name}|${caseId}|${staffId ?? ''}|${seq ?? ''}`;
}

export function parseOutboxMember(member: string): { name: string; caseId: string; staffId?: string; seq?: number } | null {
  const parts = member.split('|');
  const [name, caseId, staffId, seq] = parts;
  if (parts.length !== 4 || !name || !caseId || (seq !== '' && !/^-?\d+$/.test(seq!))) return null;
  return { name, caseId, ...(staffId ? { staffId } : {}), ...(seq ? { seq: Number(seq) } : {}) };
}

/** The index entries for `jobs`, to go with the record's write: a timer per time limit, an outbox entry per notice. */
export function dueOps(core: Core, jobs: readonly DueJob[]): IndexOp[] {
  const keys = caseJobKeys(core.config.REDIS_PREFIX);
  return jobs.map((j) =>
    j.queue === 'sla'
      ? timerOp(keys.timers(), timerMember(j.name, j.caseId, j.seq ?? 0, j.round ?? 0), j.at)
      : outboxOp(keys.outbox(), outboxMember(j.name, j.caseId, j.staffId, j.seq), j.at),
  );
}

/** Cancels time limits `names` of assignment (or history entry) `seq`, round `round`, with the record's write. */
export function cancelOps(core: Core, caseId: string, names: readonly string[], seq: number, round = 0): IndexOp[] {
  const key = caseJobKeys(core.config.REDIS_PREFIX).timers();
  return names.map((n) => cancelTimerOp(key, timerMember(n, caseId, seq, round)));
}

/** Cancels the accept limit of the case's current assignment (`c` as it was before the write). */
export function cancelAccept(core: Core, c: Case): IndexOp[] {
  return cancelOps(core, c.id, ['accept-reminder', 'accept-deadline'], c.assignmentSeq);
}

/** Cancels the case's resolve limit of round `round` (`c` as it was before the write). */
export function cancelResolve(core: Core, c: Case, round = c.deadlineRound): IndexOp[] {
  return cancelOps(core, c.id, ['resolve-reminder', 'resolve-deadline'], c.assignmentSeq, round);
}

/** What a close (the record as written, closed at `at`) wants: the satisfaction question at `askAt`, a transfer's follow-up on its day. */
export function closedJobs(c: Case, askAt: Date, followUpAt: Date | null): DueJob[] {
  const jobs: DueJob[] = [{ queue: 'sla', name: 'satisfaction', caseId: c.id, seq: c.history.length, at: askAt }];
  if (followUpAt) jobs.push({ queue: 'sla', name: 'transfer-follow-up', caseId: c.id, seq: c.history.length - 1, at: followUpAt });
  return jobs;
}

/** A notice to the reporter about the record as written, due at once: `seq` is its history entry (default: the last), reply or extension. */
export function reporterJob(c: Case, name: 'reporter-update' | 'reporter-resolved' | 'reporter-extended' | 'reporter-message', at: Date, seq = c.history.length - 1): DueJob {
  return { queue: 'outbound', name, caseId: c.id, seq, at };
}

/** A notice to a staff member of someone else's step, due at once (`seq`: which review, extension or history entry; none for a copy). */
export function staffJob(
  c: Case,
  name: 'staff-case-copied' | 'staff-close-reviewed' | 'staff-extension' | 'staff-referral-result' | 'staff-receipt-missing' | 'staff-case-chased',
  staffId: string,
  at: Date,
  seq?: number,
): DueJob {
  return { queue: 'outbound', name, caseId: c.id, staffId, ...(seq === undefined ? {} : { seq }), at };
}

/**
 * What an assignment (the record as written) wants: the assignee's and the
 * reporter's notices now, the accept reminder and deadline. `work`: office
 * hours, so the reminder comes in them (not for someone on call).
 */
export function assignmentJobs(c: Case, work?: WorkingTime): DueJob[] {
  if (!c.assignee) return [];
  const seq = c.assignmentSeq;
  const at = new Date(c.assignee.assignedAt);
  const jobs: DueJob[] = [
    { queue: 'outbound', name: 'staff-case-assigned', caseId: c.id, staffId: c.assignee.staffId, seq, at },
    // The first assignment has its own words for the reporter; a later one is a step of the case like any other.
    seq === 1 ? { queue: 'outbound', name: 'reporter-case-assigned', caseId: c.id, at } : reporterJob(c, 'reporter-update', at),
  ];
  if (c.acceptBy) {
    const by = new Date(c.acceptBy);
    const from = new Date(c.acceptFrom ?? c.assignee.assignedAt);
    const remindAt = reminderAt(from, by, c.assignee.onCall ? undefined : work);
    jobs.push({ queue: 'sla', name: 'accept-reminder', caseId: c.id, seq, at: remindAt }, { queue: 'sla', name: 'accept-deadline', caseId: c.id, seq, at: by });
  }
  return jobs;
}

/** What a resolve limit (the record as written, set at `from`) wants: its reminder (in office hours, with `work`) and deadline. */
export function resolveJobs(c: Case, from: Date, work?: WorkingTime): DueJob[] {
  if (!c.resolveBy) return [];
  const by = new Date(c.resolveBy);
  const round = c.deadlineRound;
  return [
    { queue: 'sla', name: 'resolve-reminder', caseId: c.id, seq: c.assignmentSeq, round, at: reminderAt(from, by, work) },
    { queue: 'sla', name: 'resolve-deadline', caseId: c.id, seq: c.assignmentSeq, round, at: by },
  ];
}

/** What a referral (the record as written, made at `at`) wants: the liaison's notice now and the deadline for their answer. */
export function referralJobs(c: Case, at: Date): DueJob[] {
  if (c.status !== 'referred' || !c.referral) return [];
  return [
    { queue: 'outbound', name: 'staff-referral', caseId: c.id, staffId: c.referral.liaisonId, seq: c.history.length - 1, at },
    { queue: 'sla', name: 'referral-deadline', caseId: c.id, seq: c.assignmentSeq, at: new Date(c.referral.decideBy) },
  ];
}

/** What a close waiting for approval (the record as written) wants: the approver's notice now and the chase after `chaseAt`. */
export function closeRequestJobs(c: Case, chaseAt: Date): DueJob[] {
  if (c.status !== 'closing' || !c.closeRequest) return [];
  const seq = c.history.length - 1;
  return [
    { queue: 'outbound', name: 'staff-close-approval', caseId: c.id, staffId: c.closeRequest.approverId, seq, at: new Date(c.closeRequest.at) },
    { queue: 'sla', name: 'close-approval', caseId: c.id, seq, at: chaseAt },
  ];
}

/**
 * How long the reporter's notice of a 退回 or 改派 (routing.ts
 * `releaseAssignment`) waits for the case to be routed again. Routing
 * usually takes well under a second; its own notice then says who has the
 * case now and by when they will call, with the reason, so the release's
 * notice is not sent (`toldWithNewAssignment`). If routing fails or waits
 * longer, the release's notice goes out on its own: it is true then.
 */
export const RELEASE_NOTICE_GRACE_MS = 60_000;

/**
 * Whether a reporter notice of history entry `seq` is a release (the case
 * back to 待分派) that the reporter is told of with the case's next
 * assignment (a later 'assigned' entry, whose notice was written with it).
 */
export function toldWithNewAssignment(c: Case, seq: number | undefined): boolean {
  if (seq === undefined || c.history[seq]?.status !== 'submitted') return false;
  return c.history.slice(seq + 1).some((h) => h.status === 'assigned');
}

/**
 * Whether the case (as it is now) still wants the notice: one for an
 * assignment or a status the case has moved past would tell someone what
 * no longer holds, so the sweep drops it instead.
 */
export function stillWanted(c: Case, j: DueJob): boolean {
  switch (j.name) {
    case 'staff-case-assigned':
      return c.assignee !== null && c.assignmentSeq === j.seq && c.status === 'assigned' && c.assignee.staffId === j.staffId;
    case 'staff-referral':
      return c.status === 'referred' && c.referral?.status === 'pending' && c.referral.liaisonId === j.staffId && c.history[j.seq ?? -1]?.status === 'referred';
    case 'staff-close-approval':
      return c.status === 'closing' && !!c.closeRequest && c.history[j.seq ?? -1]?.at === c.closeRequest.at && c.closeRequest.approverId === j.staffId;
    // The reporter is told what happened (a step, the result, an extension, a reply): still true however late.
    case 'reporter-case-assigned':
      return c.assignee !== null;
    case 'staff-case-copied':
      return c.copied.includes(j.staffId ?? '');
    // The reporter's words, for whoever holds the case (a case handed on shows them to the next one in its assignment notice);
    // a complaint for the supervisor it went to, and an alert paged while nobody holds the case, for whoever was paged.
    case 'staff-reporter-note': {
      const n = j.seq !== undefined ? c.reporterNotes[j.seq] : undefined;
      if (!n) return false;
      if (n.kind === 'complaint') return c.assignee?.staffId !== j.staffId;
      // An alert: whoever was paged (nobody held the case) or sent a copy (a supervisor on duty) reads it however the case moved since.
      return c.assignee?.staffId === j.staffId || n.kind === 'safety' || n.kind === 'threat';
    }
    // A 催办 for whoever holds the case still (handed on meanwhile: the new holder was not chased).
    case 'staff-case-chased':
      return c.assignee?.staffId === j.staffId && (c.status === 'assigned' || c.status === 'accepted');
    // So is a staff member told of someone else's step (a close's review, an extension, a referral's answer, 没收到).
    case 'staff-close-reviewed':
    case 'staff-extension':
    case 'staff-referral-result':
    case 'staff-receipt-missing':
    // Whoever let the accept limit pass is told the case went to someone else.
    case 'staff-case-lapsed':
    case 'reporter-resolved':
    case 'reporter-extended':
    case 'reporter-message':
      return true;
    // A release the reporter is told of with the next assignment is not told twice.
    case 'reporter-update':
      return !toldWithNewAssignment(c, j.seq);
    default:
      return false;
  }
}
