import type { Core } from '../context.js';
import { keySpace } from '../infra/keys.js';
import type { IndexOp } from '../infra/records.js';
import { reminderAt } from './deadlines.js';
import type { Case } from './record.js';

/*
 * The jobs a case's record promises, indexed with the record (the sweep
 * behind notices and time limits, jobs.ts `sweepJobs`). A write that makes
 * a case want a job (an assignment wants the assignee's notice and the
 * accept limit; accepting, 延期 and a returned close want the resolve
 * limit; a referral the liaison's notice and answer deadline; a close
 * waiting for approval the approver's notice and the chase) adds, in the same atomic step as the record (`ops`), one entry per
 * job to `jobs-due`, scored by when the job is due. The job itself is
 * queued after the write; if the process dies in between, or the job later
 * fails for good or is removed, the sweep finds the entry once it is due,
 * sees the job missing (or failed) in BullMQ and queues it again under the
 * same fixed id — never a notice whose delivery mark says it went out (or
 * may have). Entries of jobs that ran are dropped by the sweep.
 */

/** The key of the index (in the cases' hash tag: the record write that adds to it touches one feature's keys). */
export function caseJobKeys(prefix: string) {
  const key = keySpace(prefix, 'cases');
  return {
    jobsDue: key('jobs-due', [], 'zset', null, 'jobs a case record promises (`queue|name|caseId|staffId|seq|round|retries`), by when each is due; written with the record, dropped by the sweep once the job ran'),
  };
}

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

/** The index entries for `jobs`, to go with the record's write. */
export function dueOps(core: Core, jobs: readonly DueJob[]): IndexOp[] {
  const key = caseJobKeys(core.config.REDIS_PREFIX).jobsDue();
  return jobs.map((j) => ({ op: 'zadd', key, score: j.at.getTime(), member: dueMember(j) }));
}

/** What an assignment (the record as written) wants: the assignee's notice now, the accept reminder and deadline. */
export function assignmentJobs(c: Case): DueJob[] {
  if (!c.assignee) return [];
  const seq = c.assignmentSeq;
  const jobs: DueJob[] = [{ queue: 'outbound', name: 'staff-case-assigned', caseId: c.id, staffId: c.assignee.staffId, seq, at: new Date(c.assignee.assignedAt) }];
  if (c.acceptBy) {
    const by = new Date(c.acceptBy);
    const from = new Date(c.acceptFrom ?? c.assignee.assignedAt);
    jobs.push({ queue: 'sla', name: 'accept-reminder', caseId: c.id, seq, at: reminderAt(from, by) }, { queue: 'sla', name: 'accept-deadline', caseId: c.id, seq, at: by });
  }
  return jobs;
}

/** What a resolve limit (the record as written, set at `from`) wants: its reminder and deadline. */
export function resolveJobs(c: Case, from: Date): DueJob[] {
  if (!c.resolveBy) return [];
  const by = new Date(c.resolveBy);
  const round = c.deadlineRound;
  return [
    { queue: 'sla', name: 'resolve-reminder', caseId: c.id, seq: c.assignmentSeq, round, at: reminderAt(from, by) },
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
 * Whether the case (as it is now) still wants the job: a job for an
 * assignment, a status or a resolve round the case has moved past would
 * only find it moved on when it ran (or, for a notice, tell someone what
 * no longer holds), so the sweep drops it instead.
 */
export function stillWanted(c: Case, j: DueJob): boolean {
  const current = c.assignee !== null && c.assignmentSeq === j.seq;
  switch (j.name) {
    case 'staff-case-assigned':
      return current && c.status === 'assigned' && c.assignee!.staffId === j.staffId;
    case 'accept-reminder':
    case 'accept-deadline':
      return current && c.status === 'assigned';
    case 'resolve-reminder':
    case 'resolve-deadline':
      return current && c.status === 'accepted' && c.deadlineRound === (j.round ?? 0);
    case 'staff-referral':
      return c.status === 'referred' && c.referral?.status === 'pending' && c.referral.liaisonId === j.staffId && c.history[j.seq ?? -1]?.status === 'referred';
    case 'referral-deadline':
      return c.status === 'referred' && c.referral?.status === 'pending' && c.assignmentSeq === j.seq;
    case 'staff-close-approval':
    case 'close-approval':
      return (
        c.status === 'closing' &&
        !!c.closeRequest &&
        c.history[j.seq ?? -1]?.at === c.closeRequest.at &&
        (j.name === 'close-approval' || c.closeRequest.approverId === j.staffId)
      );
    default:
      return false;
  }
}
