import { UnrecoverableError, type Job } from 'bullmq';
import {
  agendaText,
  noShowText,
  providerCancelledNotice,
  providerMovedAwayNotice,
  providerMovedNotice,
  providerNewNotice,
  reminderText,
} from '../core/legal-aid/texts.js';
import { createBookings } from '../core/legal-aid/store.js';
import type { Core } from '../core/context.js';
import type { Staff } from '../core/directory/schema.js';
import { BookingNoticeJob, type BookingNoticeName } from '../core/infra/queues.js';
import type { Reply } from '../core/infra/replies.js';

async function toUser(core: Core, userKey: string, text: string) {
  const replies: Reply[] = [{ type: 'text', text }];
  const m = core.messengers.find((x) => x.canReachUser(userKey));
  await (m ? m.sendToUser(userKey, replies) : core.inbox.push(userKey, replies));
}

async function toStaff(core: Core, staff: Staff, text: string) {
  const replies: Reply[] = [{ type: 'text', text }];
  const m = core.messengers.find((x) => x.canReachStaff(staff));
  await (m ? m.sendToStaff(staff, replies) : core.inbox.push(`staff:${staff.id}`, replies));
}

/**
 * Booking notices on the outbound queue (so they go out where the WeChat
 * messenger is, at the account's rate). Rendered from the booking at send
 * time; a notice about an older revision of a booking (rescheduled since) or
 * a reminder of a cancelled one does nothing.
 */
export async function sendBookingNotice(core: Core, job: Job): Promise<{ to?: string; skipped?: string }> {
  const parsed = BookingNoticeJob.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid booking notice data: ${parsed.error.message}`);
  const d = parsed.data;
  const name = job.name as BookingNoticeName;
  const index = core.directory.index();
  const bookings = createBookings(core);

  if (name === 'provider-agenda') {
    const staff = d.staffId ? index.staffById.get(d.staffId)?.staff : undefined;
    if (!staff || !d.day) throw new UnrecoverableError(`agenda for unknown staff ${d.staffId} or no day`);
    const list = await bookings.listByProvider(staff.id, d.day);
    if (!list.some((b) => b.status === 'booked')) return { skipped: 'no bookings left today' };
    await toStaff(core, staff, agendaText(index, d.day, list, (b) => bookings.phoneOf(b)));
    return { to: staff.id };
  }

  const b = d.bookingId ? await bookings.get(d.bookingId) : null;
  if (!b) throw new UnrecoverableError(`booking ${d.bookingId} not found`);
  const stale = d.rev !== undefined && d.rev !== b.rev;
  const phone = bookings.phoneOf(b);

  if (name === 'user-booking-reminder') {
    if (b.status !== 'booked' || stale || !d.kind) return { skipped: 'booking changed' };
    await toUser(core, b.userKey, reminderText(index, b, d.kind, phone));
    core.log.info({ bookingId: b.id, jobId: job.id, kind: d.kind }, 'booking reminder sent');
    return { to: 'user' };
  }
  if (name === 'user-booking-no-show') {
    if (b.status !== 'no_show') return { skipped: 'not a no-show' };
    await toUser(core, b.userKey, noShowText(b));
    return { to: 'user' };
  }

  const staff = d.staffId ? index.staffById.get(d.staffId)?.staff : undefined;
  if (!staff) throw new UnrecoverableError(`staff ${d.staffId} not in directory`);
  const linked = b.linkedCaseId ? await core.cases.get(b.linkedCaseId) : null;
  let text: string;
  switch (name) {
    case 'provider-booking-new':
      if (stale || b.status === 'cancelled') return { skipped: 'booking changed' };
      text = providerNewNotice(index, b, phone, linked);
      break;
    case 'provider-booking-moved':
      if (stale || b.status === 'cancelled') return { skipped: 'booking changed' };
      text = providerMovedNotice(index, b, phone, linked);
      break;
    case 'provider-booking-moved-away':
      text = providerMovedAwayNotice(b);
      break;
    case 'provider-booking-cancelled':
      text = providerCancelledNotice(b);
      break;
    default:
      throw new UnrecoverableError(`unknown booking notice ${job.name}`);
  }
  await toStaff(core, staff, text);
  core.log.info({ bookingId: b.id, staffId: staff.id, jobId: job.id }, 'provider notified');
  return { to: staff.id };
}
