import { UnrecoverableError, type Job } from 'bullmq';
import { warnCalendarGaps } from '../infra/calendar.js';
import { bookingKeys, createBookings } from './store.js';
import { offerSubscribe, type SubscribeRenderer } from '../auth/index.js';
import type { Core } from '../context.js';
import { templateValue } from '../wechat/index.js';
import { allProviders, chinaDay } from './slots.js';
import { BOOKING_NOTICES, BookingNoticeJob, ReminderJob, bookingJobIds, notifyBooking, parseBookingTimer, type BookingNoticeName, type ReminderKind } from './queue.js';
import type { Staff } from '../directory/index.js';
import { sendToStaff, sendToUser } from '../infra/messenger.js';
import { countReminder } from '../infra/metrics.js';
import { recordNotices, type Notice, type NoticeHandler } from '../infra/queues.js';
import type { TimerFamily } from '../infra/timers.js';
import { fireNoticeBackstop, noticeOutbox, type NoticeKinds, type OutboxFamily } from '../infra/outbox.js';
import { agendaText, noShowText, providerCancelledNotice, providerMovedAwayNotice, providerMovedNotice, providerNewNotice, reminderText, MODE_NAMES } from './texts.js';

/** The providers' morning agenda: 07:30 Beijing time, every day (days off are skipped when it fires). */
export const AGENDA_SCHEDULE = { pattern: '30 7 * * *', tz: 'Asia/Shanghai' } as const;

/**
 * The `reminders` queue: the morning agenda, and the `booking-reminder`
 * jobs queued before reminders were timers (`bookingTimers`); both kinds
 * of reminder run `runBookingReminder`.
 */
export function remindersProcessor(core: Core) {
  return async (job: Job) => {
    const parsed = ReminderJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid reminders job data: ${parsed.error.message}`);
    const d = parsed.data;
    if (job.name === 'morning-agenda') return morningAgenda(core, d.day ?? chinaDay(core.clock.now()));
    if (job.name !== 'booking-reminder') throw new UnrecoverableError(`unknown reminders job ${job.name}`);
    if (!d.bookingId || d.rev === undefined || !d.kind) throw new UnrecoverableError('booking-reminder needs bookingId, rev and kind');
    return runBookingReminder(core, d.bookingId, d.rev, d.kind, job.id);
  };
}

/** Booking notices: their names, their data (ids only) and their fixed ids. */
const BOOKING_NOTICE_KINDS: NoticeKinds<BookingNoticeName, BookingNoticeJob> = { names: BOOKING_NOTICES, data: BookingNoticeJob, jobId: bookingJobIds.notice };

/** The bookings' outbox (core/infra/outbox.ts): their notices, written with the booking that wants them. */
export function bookingOutbox(core: Core): OutboxFamily {
  const keys = bookingKeys(core.config.REDIS_PREFIX);
  return noticeOutbox({ name: 'bookings', key: keys.outbox(), failuresKey: keys.outboxFailures(), kinds: BOOKING_NOTICE_KINDS });
}

/**
 * The bookings' timers (core/infra/timers.ts): each due entry of
 * `gy:{bookings}:timers` is a reminder, run as `runBookingReminder`, or,
 * written before the outbox, the backstop of a notice queued after a
 * write (`notice|…`), which queues it again if it was lost.
 */
export function bookingTimers(core: Core): TimerFamily {
  return {
    name: 'bookings',
    key: bookingKeys(core.config.REDIS_PREFIX).timers(),
    failuresKey: bookingKeys(core.config.REDIS_PREFIX).timerFailures(),
    async fire(member) {
      // A backstop of a notice queued after its write, as they were before the outbox: still honoured.
      const notice = await fireNoticeBackstop(core.queues, member, BOOKING_NOTICE_KINDS);
      if (notice) return notice;
      const t = parseBookingTimer(member);
      if (!t) throw new UnrecoverableError(`invalid booking timer ${member}`);
      return runBookingReminder(core, t.bookingId, t.rev, t.kind, `timer:${member}`);
    },
  };
}

/**
 * A booking reminder, due: if the booking is still booked at the same
 * revision, queues the reminder on the outbound queue (which sends it where
 * the WeChat account is). A reminder of a cancelled or rescheduled booking
 * does nothing, even if its cancellation lost a race with it firing.
 */
export async function runBookingReminder(core: Core, bookingId: string, rev: number, kind: ReminderKind, jobId?: string) {
  const b = await createBookings(core).get(bookingId);
  if (!b) throw new UnrecoverableError(`booking ${bookingId} not found`);
  if (b.status !== 'booked' || b.rev !== rev) {
    core.log.info({ bookingId: b.id, jobId }, 'reminder of a changed booking skipped');
    return { skipped: b.status !== 'booked' ? b.status : 'rescheduled' };
  }
  await notifyBooking(core, 'user-booking-reminder', { bookingId: b.id, rev: b.rev, kind });
  countReminder('booking');
  return { queued: kind };
}

/** Queues the agenda of every provider who has an appointment on `day`. */
export async function morningAgenda(core: Core, day: string): Promise<{ providers: number } | { skipped: string }> {
  // Once a day, a gap in the holiday calendar ahead is said again where operators look.
  warnCalendarGaps(core.directory.index().calendar, core.clock.now(), core.log);
  if (!core.directory.index().calendar.isWorkingDay(day)) return { skipped: 'day off' };
  const bookings = createBookings(core);
  const staffIds = [...new Set(allProviders(core.directory.index().directory).map((p) => p.provider.staffId))];
  let providers = 0;
  for (const staffId of staffIds) {
    const list = await bookings.listByProvider(staffId, day);
    if (!list.some((b) => b.status === 'booked')) continue;
    await notifyBooking(core, 'provider-agenda', { staffId, day });
    providers += 1;
  }
  core.log.info({ day, providers }, 'morning agenda queued');
  return { providers };
}

/** One scheduler however many worker processes run (upsert by id). */
export async function scheduleMorningAgenda(core: Core): Promise<void> {
  await core.queues.reminders.upsertJobScheduler('morning-agenda', { ...AGENDA_SCHEDULE }, { name: 'morning-agenda', data: {} });
}

const toUser = (core: Core, userKey: string, text: string) => sendToUser(core, userKey, [{ type: 'text', text }]);
const toStaff = (core: Core, staff: Staff, text: string) => sendToStaff(core, staff, [{ type: 'text', text }]);

/**
 * Booking notices on the outbound queue (so they go out where the WeChat
 * messenger is, at the account's rate). Rendered from the booking at send
 * time; a notice about an older revision of a booking (rescheduled since) or
 * a reminder of a cancelled one does nothing.
 */
async function sendBookingNotice(core: Core, job: Notice): Promise<{ to?: string; skipped?: string }> {
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
    await offerSubscribe(core, 'booking', b.userKey, b.id, d.kind, job.id);
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

/**
 * A booking reminder as a subscribe message (WECHAT_TEMPLATE_BOOKING, fields
 * in .env.example): number, time, place, a word on what to do; it opens
 * the bookings.
 */
export function bookingSubscribeContent(core: Core): SubscribeRenderer {
  return async (bookingId, kind) => {
    const b = await createBookings(core).get(bookingId);
    if (!b || b.status !== 'booked') return null;
    const point = core.directory.index().directory.districts.flatMap((d) => d.servicePoints).find((p) => p.id === b.slot.pointId);
    return {
      userKey: b.userKey,
      data: {
        character_string1: templateValue('character_string', b.bookingNo),
        time2: templateValue('time', new Date(b.slot.start)),
        thing3: templateValue('thing', b.mode === 'in_person' ? point?.name ?? '服务点' : MODE_NAMES[b.mode]),
        thing4: templateValue('thing', kind === 'hour-before' ? '一小时后开始，请准时' : b.mode === 'in_person' ? '明天的预约，来不了请改约' : '明天的预约，不方便请改约'),
      },
      page: 'pages/bookings/index',
    };
  };
}

/** Booking notices on the outbound queue; a notice that could not be delivered stays in the booking's audit. */
export function bookingNotices(core: Core): NoticeHandler {
  return recordNotices({
    names: BOOKING_NOTICES,
    data: BookingNoticeJob,
    idOf: (d) => d.bookingId,
    send: (job) => sendBookingNotice(core, job),
    note: (id, audit) => createBookings(core).note(id, 'system:outbound', audit),
  });
}
