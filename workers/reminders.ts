import { UnrecoverableError, type Job } from 'bullmq';
import { warnCalendarGaps } from '../core/boot.js';
import { createBookings } from '../core/legal-aid/store.js';
import type { Core } from '../core/context.js';
import { ReminderJob } from '../core/infra/queues.js';
import { allProviders, chinaDay } from '../core/legal-aid/slots.js';

/** The providers' morning agenda: 07:30 Beijing time, every day (days off are skipped when it fires). */
export const AGENDA_SCHEDULE = { pattern: '30 7 * * *', tz: 'Asia/Shanghai' } as const;

/**
 * The `reminders` queue. A `booking-reminder` fires at its time and, if the
 * booking is still booked at the same revision, queues the reminder on the
 * outbound queue (which sends it where the WeChat account is). A reminder of
 * a cancelled or rescheduled booking does nothing, even if removing its job
 * lost a race with the job starting.
 */
export function remindersProcessor(core: Core) {
  return async (job: Job) => {
    const parsed = ReminderJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid reminders job data: ${parsed.error.message}`);
    const d = parsed.data;
    if (job.name === 'morning-agenda') return morningAgenda(core, d.day ?? chinaDay(core.clock.now()));
    if (job.name !== 'booking-reminder') throw new UnrecoverableError(`unknown reminders job ${job.name}`);
    if (!d.bookingId || d.rev === undefined || !d.kind) throw new UnrecoverableError('booking-reminder needs bookingId, rev and kind');
    const b = await createBookings(core).get(d.bookingId);
    if (!b) throw new UnrecoverableError(`booking ${d.bookingId} not found`);
    if (b.status !== 'booked' || b.rev !== d.rev) {
      core.log.info({ bookingId: b.id, jobId: job.id }, 'reminder of a changed booking skipped');
      return { skipped: b.status !== 'booked' ? b.status : 'rescheduled' };
    }
    await core.queues.notifyBooking('user-booking-reminder', { bookingId: b.id, rev: b.rev, kind: d.kind });
    return { queued: d.kind };
  };
}

/** Queues the agenda of every provider who has an appointment on `day`. */
export async function morningAgenda(core: Core, day: string): Promise<{ providers: number } | { skipped: string }> {
  // Once a day, a gap in the holiday calendar ahead is said again where operators look.
  warnCalendarGaps(core);
  if (!core.directory.index().calendar.isWorkingDay(day)) return { skipped: 'day off' };
  const bookings = createBookings(core);
  const staffIds = [...new Set(allProviders(core.directory.index().directory).map((p) => p.provider.staffId))];
  let providers = 0;
  for (const staffId of staffIds) {
    const list = await bookings.listByProvider(staffId, day);
    if (!list.some((b) => b.status === 'booked')) continue;
    await core.queues.notifyBooking('provider-agenda', { staffId, day });
    providers += 1;
  }
  core.log.info({ day, providers }, 'morning agenda queued');
  return { providers };
}

/** One scheduler however many worker processes run (upsert by id). */
export async function scheduleMorningAgenda(core: Core): Promise<void> {
  await core.queues.reminders.upsertJobScheduler('morning-agenda', { ...AGENDA_SCHEDULE }, { name: 'morning-agenda', data: {} });
}
