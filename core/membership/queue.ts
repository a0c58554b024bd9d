import { z } from 'zod';
import type { Core } from '../context.js';
import { addToOutbox, noticeMember } from '../infra/outbox.js';
import { membershipKeys } from './keys.js';

/**
 * What goes on the queues about membership applications: `review` routes
 * one (assignment `seq`); the reminder and the deadline are its time limits
 * (timers, timers.ts); notices go in the applications' outbox. Ids only in the
 * data; deterministic job ids. The processors are in jobs.ts.
 */
export const MEMBERSHIP_JOB_NAMES = ['review', 'review-reminder', 'review-deadline'] as const;
export type MembershipJobName = (typeof MEMBERSHIP_JOB_NAMES)[number];
export const MembershipJob = z.object({ applicationId: z.string().min(1), seq: z.number().int().min(1) });

/** Rendered from the record when sent (jobs.ts). */
export const MEMBERSHIP_NOTICES = ['membership-review', 'membership-reminder', 'membership-decided'] as const;
export type MembershipNoticeName = (typeof MEMBERSHIP_NOTICES)[number];
export const MembershipNoticeJob = z.object({
  applicationId: z.string().min(1),
  staffId: z.string().optional(),
  seq: z.number().int().optional(),
});

export const membershipJobIds = {
  job: (name: MembershipJobName, applicationId: string, seq: number) => `m${name}-${applicationId}-${seq}`,
  notice: (name: MembershipNoticeName, applicationId: string, staffId?: string, seq?: number) =>
    [name, applicationId, staffId, seq].filter((x) => x !== undefined && x !== '').join('-'),
};

/** A membership job, at `at` by the app's clock (now when absent or past). */
export async function membershipJob(core: Core, name: MembershipJobName, applicationId: string, seq: number, at?: Date): Promise<void> {
  await core.queues.add('membership', name, { applicationId, seq }, membershipJobIds.job(name, applicationId, seq), at);
}

/** A notice no write carries (the review reminder a timer sends): into the applications' outbox, due now. */
export async function notifyMembership(core: Core, name: MembershipNoticeName, applicationId: string, staffId?: string, seq?: number): Promise<void> {
  const data = { applicationId, ...(staffId === undefined ? {} : { staffId }), ...(seq === undefined ? {} : { seq }) };
  await addToOutbox(core, membershipKeys(core.config.REDIS_PREFIX).outbox(), noticeMember(name, data));
}
