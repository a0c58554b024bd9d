import { z } from 'zod';
import type { Core } from '../context.js';
import type { Case } from './record.js';
import type { CaseNoticeName } from './texts.js';

/**
 * What goes on the queues about cases, with what data and which ids: ids
 * only in the data, and deterministic job ids (so a duplicate is a no-op).
 * The processors that run them are in jobs.ts.
 */

export const RouteJob = z.object({ caseId: z.string().min(1) });

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
] as const satisfies readonly CaseNoticeName[];

export const CaseNoticeJob = z.object({
  caseId: z.string().min(1),
  /** For staff notices: who receives it. */
  staffId: z.string().optional(),
  /** Which assignment or history entry the notice is about (part of the job id). */
  seq: z.number().int().optional(),
});

/** Time limits: delayed jobs that check the case when they fire and do nothing if it moved on. */
export const SLA_NAMES = ['accept-reminder', 'accept-deadline', 'resolve-reminder', 'resolve-deadline', 'referral-deadline', 'satisfaction', 'sweep'] as const;
export type SlaName = (typeof SLA_NAMES)[number];
export const SlaJob = z.object({ caseId: z.string().min(1), seq: z.number().int() });

export const caseJobIds = {
  route: (caseId: string, seq = 1) => (seq <= 1 ? `route-${caseId}` : `route-${caseId}-${seq}`),
  notice: (name: CaseNoticeName, caseId: string, staffId?: string, seq?: number) => [name, caseId, staffId, seq].filter((x) => x !== undefined && x !== '').join('-'),
  sla: (name: SlaName, caseId: string, seq: number) => `${name}-${caseId}-${seq}`,
};

/** Routes a case; `seq` is the assignment about to be made (1 for a new case), each re-route its own job. */
export async function route(core: Core, caseId: string, seq = 1): Promise<void> {
  await core.queues.add('routing', 'route', { caseId }, caseJobIds.route(caseId, seq));
}

export async function notify(core: Core, name: CaseNoticeName, caseId: string, staffId?: string, seq?: number): Promise<void> {
  await core.queues.add('outbound', name, { caseId, staffId, seq }, caseJobIds.notice(name, caseId, staffId, seq));
}

/** A time limit firing at `at` by the app's clock (at once if already past). */
export async function schedule(core: Core, name: SlaName, caseId: string, seq: number, at: Date): Promise<void> {
  await core.queues.add('sla', name, { caseId, seq }, caseJobIds.sla(name, caseId, seq), at);
}

/** Removes a pending time limit (one that fires anyway checks the case). */
export async function unschedule(core: Core, name: SlaName, caseId: string, seq: number): Promise<void> {
  await core.queues.remove('sla', caseJobIds.sla(name, caseId, seq));
}

/** Tells the reporter the case's latest step. */
export async function tellReporter(core: Core, c: Case): Promise<void> {
  await notify(core, 'reporter-update', c.id, undefined, c.history.length - 1);
}
