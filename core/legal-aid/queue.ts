import { z } from 'zod';
import type { Core } from '../context.js';
import { addToOutbox, noticeMember } from '../infra/outbox.js';
import { bookingKeys } from './keys.js';

/**
 * What goes on the queues about legal-aid bookings. A booking's reminders
 * (the day before and one hour before) are timers (core/infra/timers.ts,
 * `gy:{bookings}:timers`), written with the booking; each carries the
 * booking's `rev`, so a reminder of a rescheduled or cancelled booking does
 * nothing. `booking-reminder` jobs on the `reminders` queue are only those
 * queued before the timers. `morning-agenda` (a daily scheduler) queues
 * each provider's agenda. Notices go on the `outbound` queue. Ids only in
 * the data; deterministic job ids (no `:`; a booking id is `b` + a
 * base64url run id). The processors are in jobs.ts.
 */
export const REMINDER_KINDS = ['day-before', 'hour-before'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const ReminderJob = z.object({
  bookingId: z.string().min(1).optional(),
  rev: z.number().int().min(1).optional(),
  kind: z.enum(REMINDER_KINDS).optional(),
  /** For `morning-agenda`: the day (`YYYY-MM-DD`, Beijing); default today. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export const BOOKING_NOTICES = [
  'provider-booking-new',
  'provider-booking-moved',
  /** To the previous provider when a reschedule moved the booking to someone else. */
  'provider-booking-moved-away',
  'provider-booking-cancelled',
  'provider-agenda',
  'user-booking-reminder',
  'user-booking-no-show',
] as const;
export type BookingNoticeName = (typeof BOOKING_NOTICES)[number];
export const BookingNoticeJob = z.object({
  bookingId: z.string().min(1).optional(),
  staffId: z.string().min(1).optional(),
  rev: z.number().int().min(1).optional(),
  kind: z.enum(REMINDER_KINDS).optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type BookingNoticeJob = z.infer<typeof BookingNoticeJob>;

export const bookingJobIds = {
  /** A `booking-reminder` delayed job's id (those queued before reminders were timers). */
  reminder: (bookingId: string, rev: number, kind: ReminderKind) => `remind-${bookingId}-r${rev}-${kind}`,
  notice: (name: BookingNoticeName, d: BookingNoticeJob) =>
    [name, d.bookingId, d.rev !== undefined ? `r${d.rev}` : undefined, d.staffId, d.kind, d.day?.replace(/-/g, '')]
      .filter((x) => x !== undefined && x !== '')
      .join('-'),
};

/** A booking's reminder `kind` of revision `rev`, as a timer. */
export function bookingTimerMember(kind: ReminderKind, bookingId: string, rev: number): string {
  return `${kind}|${bookingId}|${rev}`;
}

export function parseBookingTimer(member: string): { kind: ReminderKind; bookingId: string; rev: number } | null {
  const [kind, bookingId, rev, ...rest] = member.split('|');
  if (rest.length > 0 || !bookingId || !/^[1-9]\d*$/.test(rev ?? '') || !(REMINDER_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return { kind: kind as ReminderKind, bookingId, rev: Number(rev) };
}

/** A notice no write carries (a reminder a timer sends, the morning agenda): into the bookings' outbox, due now. */
export async function notifyBooking(core: Core, name: BookingNoticeName, data: BookingNoticeJob): Promise<void> {
  await addToOutbox(core, bookingKeys(core.config.REDIS_PREFIX).outbox(), noticeMember(name, data));
}
