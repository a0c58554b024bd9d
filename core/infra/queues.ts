import { Queue, createNodeRedisClient, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { delayUntil, type Clock } from './clock.js';
import type { Keys } from './keys.js';
import type { Redis } from './redis.js';

/**
 * Queue and job names, defined once. Job data carries ids only — never names,
 * phone or ID numbers; processors load the record and check it.
 */
export const QUEUES = {
  routing: 'routing',
  outbound: 'outbound',
  sla: 'sla',
  membership: 'membership',
  /** Legal-aid appointment reminders and the providers' morning agenda (workers/reminders.ts). */
  reminders: 'reminders',
} as const;

export const RouteJob = z.object({ caseId: z.string().min(1) });
export type RouteJob = z.infer<typeof RouteJob>;

/** Notices about a case; the text is rendered from the record when sent (workers/outbound.ts). */
export const OUTBOUND_NAMES = [
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
] as const;
export type OutboundName = (typeof OUTBOUND_NAMES)[number];

export const OutboundJob = z.object({
  caseId: z.string().min(1),
  /** For staff notices: who receives it. */
  staffId: z.string().optional(),
  /** Which assignment or history entry the notice is about (part of the job id). */
  seq: z.number().int().optional(),
});
export type OutboundJob = z.infer<typeof OutboundJob>;

/** Time limits: delayed jobs that check the case when they fire and do nothing if it moved on. */
export const SLA_NAMES = [
  'accept-reminder',
  'accept-deadline',
  'resolve-reminder',
  'resolve-deadline',
  'referral-deadline',
  'satisfaction',
  'sweep',
] as const;
export type SlaName = (typeof SLA_NAMES)[number];
export const SlaJob = z.object({ caseId: z.string().min(1), seq: z.number().int() });
export type SlaJob = z.infer<typeof SlaJob>;

/**
 * Membership applications (workers/membership.ts): `review` routes one
 * (assignment `seq`); the reminder and deadline are its time limits.
 */
export const MEMBERSHIP_JOB_NAMES = ['review', 'review-reminder', 'review-deadline'] as const;
export type MembershipJobName = (typeof MEMBERSHIP_JOB_NAMES)[number];
export const MembershipJob = z.object({ applicationId: z.string().min(1), seq: z.number().int().min(1) });
export type MembershipJob = z.infer<typeof MembershipJob>;

/** Membership notices, sent by the outbound worker like case notices (rendered from the record when sent). */
export const MEMBERSHIP_NOTICE_NAMES = ['membership-review', 'membership-reminder', 'membership-decided'] as const;
export type MembershipNoticeName = (typeof MEMBERSHIP_NOTICE_NAMES)[number];
export const MembershipNoticeJob = z.object({
  applicationId: z.string().min(1),
  staffId: z.string().optional(),
  seq: z.number().int().optional(),
});
export type MembershipNoticeJob = z.infer<typeof MembershipNoticeJob>;
export const isMembershipNotice = (name: string): name is MembershipNoticeName => (MEMBERSHIP_NOTICE_NAMES as readonly string[]).includes(name);

/**
 * Legal-aid bookings (core/legal-aid/store.ts). `booking-reminder` fires the day
 * before and one hour before an appointment; it carries the booking's `rev`,
 * so a reminder of a rescheduled or cancelled booking does nothing.
 * `morning-agenda` (a daily scheduler) queues each provider's agenda.
 */
export const REMINDER_JOB_NAMES = ['booking-reminder', 'morning-agenda'] as const;
export const REMINDER_KINDS = ['day-before', 'hour-before'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const ReminderJob = z.object({
  bookingId: z.string().min(1).optional(),
  rev: z.number().int().min(1).optional(),
  kind: z.enum(REMINDER_KINDS).optional(),
  /** For `morning-agenda`: the day (`YYYY-MM-DD`, Beijing); default today. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type ReminderJob = z.infer<typeof ReminderJob>;

/** Booking notices, sent by the outbound worker (workers/booking-notices.ts), rendered from the booking when sent. */
export const BOOKING_NOTICE_NAMES = [
  'provider-booking-new',
  'provider-booking-moved',
  /** To the previous provider when a reschedule moved the booking to someone else. */
  'provider-booking-moved-away',
  'provider-booking-cancelled',
  'provider-agenda',
  'user-booking-reminder',
  'user-booking-no-show',
] as const;
export type BookingNoticeName = (typeof BOOKING_NOTICE_NAMES)[number];
export const BookingNoticeJob = z.object({
  bookingId: z.string().min(1).optional(),
  staffId: z.string().min(1).optional(),
  rev: z.number().int().min(1).optional(),
  kind: z.enum(REMINDER_KINDS).optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type BookingNoticeJob = z.infer<typeof BookingNoticeJob>;
export const isBookingNotice = (name: string): name is BookingNoticeName => (BOOKING_NOTICE_NAMES as readonly string[]).includes(name);

/** Deterministic ids of booking jobs (no `:`; a booking id is `b` + a base64url run id). */
export const bookingJobIds = {
  reminder: (bookingId: string, rev: number, kind: ReminderKind) => `remind-${bookingId}-r${rev}-${kind}`,
  notice: (name: BookingNoticeName, d: BookingNoticeJob) =>
    [name, d.bookingId, d.rev !== undefined ? `r${d.rev}` : undefined, d.staffId, d.kind, d.day?.replace(/-/g, '')]
      .filter((x) => x !== undefined && x !== '')
      .join('-'),
};

/** Job ids are deterministic (so duplicates are no-ops) and contain no `:`. */
export const jobIds = {
  route: (caseId: string, seq = 1) => (seq <= 1 ? `route-${caseId}` : `route-${caseId}-${seq}`),
  outbound: (name: OutboundName, caseId: string, staffId?: string, seq?: number) =>
    [name, caseId, staffId, seq].filter((x) => x !== undefined && x !== '').join('-'),
  sla: (name: SlaName, caseId: string, seq: number) => `${name}-${caseId}-${seq}`,
  membership: (name: MembershipJobName, applicationId: string, seq: number) => `m${name}-${applicationId}-${seq}`,
  membershipNotice: (name: MembershipNoticeName, applicationId: string, staffId?: string, seq?: number) =>
    [name, applicationId, staffId, seq].filter((x) => x !== undefined && x !== '').join('-'),
};

const defaults: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Kept for a week so a re-added duplicate id stays a no-op.
  removeOnComplete: { age: 7 * 86400, count: 10000 },
  removeOnFail: { age: 30 * 86400 },
};

/** BullMQ on the app's node-redis client library (BullMQ 6 needs the client passed in). */
export function bullConnection(redis: Redis) {
  return createNodeRedisClient(redis);
}

export function createQueues(redis: Redis, keys: Keys, clock: Clock) {
  const connection = bullConnection(redis);
  const routing = new Queue<RouteJob>(QUEUES.routing, { connection, prefix: keys.bullPrefix, defaultJobOptions: defaults });
  const outbound = new Queue<OutboundJob | MembershipNoticeJob | BookingNoticeJob>(QUEUES.outbound, { connection, prefix: keys.bullPrefix, defaultJobOptions: defaults });
  const sla = new Queue<SlaJob>(QUEUES.sla, { connection, prefix: keys.bullPrefix, defaultJobOptions: defaults });
  const membership = new Queue<MembershipJob>(QUEUES.membership, { connection, prefix: keys.bullPrefix, defaultJobOptions: defaults });
  const reminders = new Queue<ReminderJob>(QUEUES.reminders, { connection, prefix: keys.bullPrefix, defaultJobOptions: defaults });
  return {
    routing,
    outbound,
    sla,
    membership,
    reminders,
    /** `seq`: the assignment about to be made (1 for a new case); each re-route gets its own job. */
    async route(caseId: string, seq = 1) {
      await routing.add('route', { caseId }, { jobId: jobIds.route(caseId, seq) });
    },
    async notify(name: OutboundName, caseId: string, staffId?: string, seq?: number) {
      await outbound.add(name, { caseId, staffId, seq }, { jobId: jobIds.outbound(name, caseId, staffId, seq) });
    },
    /** A time limit firing at `at` by the app's clock (now if already past). */
    async schedule(name: SlaName, caseId: string, seq: number, at: Date) {
      const delay = delayUntil(clock, at);
      await sla.add(name, { caseId, seq }, { jobId: jobIds.sla(name, caseId, seq), delay });
    },
    /** Removes a pending time limit (a fired one checks the case anyway). */
    async unschedule(name: SlaName, caseId: string, seq: number) {
      await sla.remove(jobIds.sla(name, caseId, seq)).catch(() => 0);
    },
    /** A membership job, at `at` (default now; now if already past). */
    async membershipJob(name: MembershipJobName, applicationId: string, seq: number, at?: Date) {
      const delay = at ? delayUntil(clock, at) : 0;
      await membership.add(name, { applicationId, seq }, { jobId: jobIds.membership(name, applicationId, seq), delay });
    },
    async notifyMembership(name: MembershipNoticeName, applicationId: string, staffId?: string, seq?: number) {
      await outbound.add(name, { applicationId, staffId, seq }, { jobId: jobIds.membershipNotice(name, applicationId, staffId, seq) });
    },
    /** A booking reminder `delay` ms from now. */
    async remind(bookingId: string, rev: number, kind: ReminderKind, delay: number) {
      await reminders.add('booking-reminder', { bookingId, rev, kind }, { jobId: bookingJobIds.reminder(bookingId, rev, kind), delay: Math.max(0, delay) });
    },
    /** Removes a pending reminder (one already firing checks the booking anyway). */
    async unremind(bookingId: string, rev: number, kind: ReminderKind) {
      await reminders.remove(bookingJobIds.reminder(bookingId, rev, kind)).catch(() => 0);
    },
    async notifyBooking(name: BookingNoticeName, data: BookingNoticeJob) {
      await outbound.add(name, data, { jobId: bookingJobIds.notice(name, data) });
    },
    async close() {
      await Promise.all([routing.close(), outbound.close(), sla.close(), membership.close(), reminders.close()]);
    },
  };
}

export type Queues = ReturnType<typeof createQueues>;
