import { z } from 'zod';
import type { Core } from '../context.js';
import { addToOutbox, wakeLoop } from '../infra/outbox.js';
import { caseJobKeys, outboxMember, type DueJob } from './due.js';
import type { Case } from './record.js';
import type { CaseNoticeName } from './texts.js';

/**
 * What goes on the queues about cases, with what data and which ids: ids
 * only in the data, and deterministic job ids (so a duplicate is a no-op).
 * The processors that run them are in jobs.ts.
 */

/** Notices about a case; the text is rendered from the record when sent (texts.ts). */
export const CASE_NOTICES = [
  'staff-case-assigned',
  'staff-case-copied',
  'reporter-case-assigned',
  /** The reporter is told the latest step of `history` (`seq` = its index). */
  'reporter-update',
  'reporter-survey',
  /** A staff member's own words to the reporter (`seq` = index in `replies`). */
  'reporter-message',
  'staff-accept-reminder',
  'staff-resolve-reminder',
  'staff-overdue',
  'staff-referral',
  'staff-referral-reminder',
  'staff-referral-result',
  /** A voice message added to an enquiry already routed (`seq` = how many it has). */
  'staff-enquiry-voice',
  /** The phone a person gave after a voice message, for the enquiry's assignee (`seq` = the assignment). */
  'staff-enquiry-phone',
  /** A file the reporter sent after submitting, for the assignee (`seq` = how many files the case has). */
  'staff-case-evidence',
  /** A message the reporter asked to pass on, or a safety alert, for the assignee (`seq` = index in `reporterNotes`). */
  'staff-reporter-note',
  /** The result, the next step and the hotlines (`seq` = the history entry of the close). */
  'reporter-resolved',
  /** 收到了 / 没收到 asked again (`seq` = the history entry of the close). */
  'reporter-receipt',
  /** The resolve limit was extended, and why (`seq` = index in `extensions`). */
  'reporter-extended',
  /** A close waiting for the supervisor's 同意 / 退回 (`seq` = its history entry). */
  'staff-close-approval',
  /** The supervisor's decision, for whoever closed it (`seq` = index in `closeReviews`). */
  'staff-close-reviewed',
  /** An extension, for the supervisor (`seq` = index in `extensions`). */
  'staff-extension',
  /** 没收到: back to the assignee (`seq` = its history entry). */
  'staff-receipt-missing',
  /** The day to check back with the unit a case was handed to (`seq` = the history entry of the close). */
  'staff-transfer-follow-up',
  /** A close still waiting for approval after a working day, for the approver and the district supervisors (`seq` = its history entry). */
  'staff-close-approval-reminder',
  /** The accept limit passed: for whoever let it pass, that the case went to someone else (`seq` = that assignment). */
  'staff-case-lapsed',
  /** A supervisor's 催办, for the assignee (`seq` = its index in `notes`: one notice per 催办, never sent twice). */
  'staff-case-chased',
] as const satisfies readonly CaseNoticeName[];

export const CaseNoticeJob = z.object({
  caseId: z.string().min(1),
  /** For staff notices: who receives it. */
  staffId: z.string().optional(),
  /** Which assignment or history entry the notice is about (part of the job id). */
  seq: z.number().int().optional(),
});

/** Time limits (timers, due.ts) and the sla queue's own jobs: each checks the case when it fires and does nothing if it moved on. */
export const SLA_NAMES = ['accept-reminder', 'accept-deadline', 'resolve-reminder', 'resolve-deadline', 'referral-deadline', 'satisfaction', 'transfer-follow-up', 'close-approval', 'sweep'] as const;
export type SlaName = (typeof SLA_NAMES)[number];
export const SlaJob = z.object({
  caseId: z.string().min(1),
  seq: z.number().int(),
  /** For the resolve limit: the case's `deadlineRound` it was set for (a moved limit leaves the old job stale). */
  round: z.number().int().optional(),
});

export const caseJobIds = {
  notice: (name: CaseNoticeName, caseId: string, staffId?: string, seq?: number) => [name, caseId, staffId, seq].filter((x) => x !== undefined && x !== '').join('-'),
  sla: (name: SlaName, caseId: string, seq: number, round = 0) => `${name}-${caseId}-${seq}${round > 0 ? `-r${round}` : ''}`,
};

/**
 * Puts a case in the cases' routing set, due now, and wakes this process's
 * routing loop (jobs.ts `startRouting`; a loop elsewhere hears the case's
 * change message or looks on its next tick). Routing is idempotent, so a
 * case put there twice is routed once. One being routed right now is set
 * due again (not left as it is): its claim then stays, and it is routed
 * once more, so a release while it was being routed is not missed.
 */
export async function route(core: Core, caseId: string): Promise<void> {
  await core.redis.zAdd(caseJobKeys(core.config.REDIS_PREFIX).toRoute(), { score: core.clock.now().getTime(), value: caseId });
  wakeLoop(core, 'routing');
}

/**
 * Puts a case notice no record write carries (a reminder a timer sends, a
 * copy to supervisors) in the cases' outbox, due now, and wakes this
 * process's outbox loop. A notice already waiting there stays as it is;
 * one already sent is not sent again (its delivery mark).
 */
export async function notify(core: Core, name: CaseNoticeName, caseId: string, staffId?: string, seq?: number): Promise<void> {
  await addToOutbox(core, caseJobKeys(core.config.REDIS_PREFIX).outbox(), outboxMember(name, caseId, staffId, seq));
}

export {
  caseJobKeys,
  dueMember,
  parseDueMember,
  outboxMember,
  parseOutboxMember,
  dueOps,
  cancelOps,
  cancelAccept,
  cancelResolve,
  closedJobs,
  timerMember,
  parseTimerMember,
  assignmentJobs,
  resolveJobs,
  reporterJob,
  staffJob,
  stillWanted,
  toldWithNewAssignment,
  type DueJob,
} from './due.js';

/** Tells the reporter the case's latest step. */
export async function tellReporter(core: Core, c: Case): Promise<void> {
  await notify(core, 'reporter-update', c.id, undefined, c.history.length - 1);
}

/** The job id a due notice is queued under: the same one the writer uses (so a re-add is a no-op while the job exists). */
export function dueJobId(j: DueJob): string {
  return caseJobIds.notice(j.name as CaseNoticeName, j.caseId, j.staffId, j.seq);
}
