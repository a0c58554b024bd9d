/**
 * Legal-aid bookings (预约): one record per appointment with a union lawyer
 * or a procurator, booked atomically in Redis. A slot's bookings are counted
 * in a per-day hash; one Lua script checks the count against the provider's
 * capacity and books in the same step, so any number of people racing for a
 * slot yield exactly `capacity` bookings. Cancelling frees the slot in the
 * same step as the status change; rescheduling takes the new slot and frees
 * the old one in one step, only when the person confirms.
 */
import { z } from 'zod';
import { ttlUntil, type Clock } from '../infra/clock.js';
import type { Core } from '../context.js';
import { ConsultModeSchema, HelpKindSchema } from '../directory/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../infra/errors.js';
import { currentOf, membersOf } from '../membership/index.js';
import { SealedPhoneFields, lookupHash, seal, unseal } from '../infra/privacy.js';
import { historySchema } from '../infra/states.js';
import { MIN_LEAD_MINUTES, addDays, chinaDay, chinaInstant, type Slot } from './slots.js';
import { REMINDER_KINDS, bookingTimerMember, type BookingNoticeJob, type BookingNoticeName, type ReminderKind } from './queue.js';
import { createRecordStore, type IndexOp } from '../infra/records.js';
import { cancelTimerOp, timerOp } from '../infra/timers.js';
import { noticeMember, outboxOp, wakeOutbox } from '../infra/outbox.js';
import { compactDay } from '../infra/time.js';
import { bookingKeys } from './keys.js';
import { BOOKING_STATUSES, bookingStatusName, moved, noted } from './state.js';

/** What the worker wants help with. */
export const MATTERS = ['wage', 'injury', 'contract', 'social_insurance', 'other'] as const;
export const MatterSchema = z.enum(MATTERS);
export type Matter = z.infer<typeof MatterSchema>;

/** booked → done | no_show (by the provider) | cancelled (by the worker). */
export { BOOKING_STATUSES } from './state.js';

/** Booking numbers: `YY20261121-0001` (预约). */
export const BOOKING_NO_PREFIX = 'YY';
export const BOOKING_NO = /^YY\d{8}-\d{4,}$/;

/** Bookings one person may hold at once (not yet happened). */
export const MAX_ACTIVE_BOOKINGS = 3;

/** When the day-before reminder goes out (Beijing time). */
export const DAY_BEFORE_AT = '18:00';

/**
 * What the worker said of an arbitration award, a judgment or a mediation
 * agreement (裁决书/判决书/调解书) already made about the matter, and whether
 * it was paid (asked in the chat once they have left the employer): an
 * unpaid one is enforced by a court (core/documents: 强制执行申请书).
 */
export const AwardSchema = z.object({
  state: z.enum(['none', 'paid', 'unpaid']),
  doc: z.enum(['award', 'judgment', 'mediation']).nullable(),
});
export type Award = z.infer<typeof AwardSchema>;

/**
 * A hearing (开庭) or an arbitration date the worker told of (`下礼拜三开庭`, `仲裁12月9号开庭`, `下周要去仲裁`),
 * confirmed by them: the day, or the days it falls in when only the week was said (`from` to `to`), and their
 * words as said (`去仲裁` may be the hearing or filing the claim: the lawyer reads what was said).
 */
export const HearingSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  said: z.string().max(40),
});
export type Hearing = z.infer<typeof HearingSchema>;

/**
 * A work-injury (工伤) matter: the day of the injury or of the diagnosis of an
 * occupational disease, and the last day to apply for recognition (工伤认定:
 * one year, 工伤保险条例 第17条), `urgent` when it ends within 7 days; or
 * recognised already.
 */
export const InjurySchema = z.object({
  recognized: z.boolean(),
  on: z.string().nullable(),
  limitEndsOn: z.string().nullable(),
  urgent: z.boolean(),
});
export type Injury = z.infer<typeof InjurySchema>;

const SlotRefSchema = z.object({
  key: z.string(),
  staffId: z.string(),
  pointId: z.string(),
  start: z.string(),
  end: z.string(),
});

export const BookingSchema = z.object({
  id: z.string(),
  bookingNo: z.string(),
  /** Bumped at every reschedule; reminder and notice jobs carry it, so stale ones do nothing. */
  rev: z.number().int().min(1),
  status: z.enum(BOOKING_STATUSES),
  createdAt: z.string(),
  userKey: z.string(),
  matter: MatterSchema,
  help: HelpKindSchema,
  mode: ConsultModeSchema,
  /** The one-year arbitration limit ends within 7 days: the provider sees it flagged. */
  urgent: z.boolean(),
  /** Still with the employer, or the day they left (`YYYY-MM-DD`); null when not asked or skipped. */
  employment: z.object({ stillEmployed: z.boolean(), leftOn: z.string().nullable() }).nullable(),
  /** Last day of the arbitration limit (`YYYY-MM-DD`), when the worker said when they left. */
  limitEndsOn: z.string().nullable(),
  districtId: z.string(),
  townshipId: z.string().nullable(),
  slot: SlotRefSchema,
  /** The slot before the last reschedule (for the provider's notice). */
  previous: SlotRefSchema.nullable(),
  contact: z.object({
    name: z.string().nullable(),
    ...SealedPhoneFields,
  }),
  /** The wage case this help is about (booked from its progress view). */
  linkedCaseId: z.string().nullable(),
  /** The 支持起诉 case a procurator turned this consultation into. */
  referralCaseId: z.string().nullable(),
  /** A work-injury matter's recognition limit (or recognised already); null when not asked or skipped. */
  injury: InjurySchema.nullable().default(null),
  /** An award or judgment already made, and whether it was paid; null when not asked or skipped. */
  award: AwardSchema.nullable().default(null),
  /** A hearing (or arbitration) day the worker told of and confirmed; null when none was said (older records too). */
  hearing: HearingSchema.nullable().default(null),
  /**
   * Whom the consultation is for when not the person who booked (`帮我爸约个律师`): how the booker
   * called them, politely (父亲, 爱人, 工友, 他人), never a name. They come to it; the booking,
   * its contact and reminders stay the booker's. Null: for the booker.
   */
  forWhom: z.string().max(8).nullable().default(null),
  history: historySchema(BOOKING_STATUSES),
});
export type Booking = z.infer<typeof BookingSchema>;
export type SlotRef = z.infer<typeof SlotRefSchema>;

/** What a confirmed chat booking brings. */
export interface BookingRequest {
  matter: Matter;
  help: Booking['help'];
  mode: Booking['mode'];
  urgent: boolean;
  employment: Booking['employment'];
  limitEndsOn: string | null;
  districtId: string;
  townshipId: string | null;
  slot: Slot;
  contact: { name: string; phone: string };
  linkedCaseId: string | null;
  injury?: Injury | null;
  award?: Award | null;
  /** See BookingSchema.hearing. */
  hearing?: Hearing | null;
  /** See BookingSchema.forWhom. */
  forWhom?: string | null;
}

export type BookResult =
  | { ok: true; booking: Booking; created: boolean }
  /** taken: the slot filled up meanwhile; past: it starts too soon; limit: too many open bookings; same: rescheduling to the same slot. */
  | { ok: false; reason: 'taken' | 'past' | 'limit' | 'same' };

export { bookingKeys };

/** The day hash of a slot key `staff@YYYYMMDDHHMM`. */
const dayOfKey = (key: string) => key.slice(key.indexOf('@') + 1, key.indexOf('@') + 9);
/**
 * Seconds the day's counts must live: until two days after the slot's day,
 * reckoned from the app's clock. A relative TTL, never EXPIREAT: the Redis
 * server's clock is not the app's (core/infra/clock.ts), and with a test clock in
 * the past an absolute expiry would drop the counts at once.
 */
const countsTtl = (clock: Clock, start: string) => String(ttlUntil(clock, chinaInstant(addDays(chinaDay(new Date(start)), 2)), 86400));

export function slotRef(s: Slot): SlotRef {
  return { key: s.key, staffId: s.staffId, pointId: s.pointId, start: s.start, end: s.end };
}

/** When each reminder of a booking fires: 18:00 the evening before, and one hour before. */
export function reminderTimes(b: Pick<Booking, 'slot'>): { kind: ReminderKind; at: Date }[] {
  const start = new Date(b.slot.start);
  return [
    { kind: 'day-before', at: chinaInstant(addDays(chinaDay(start), -1), DAY_BEFORE_AT) },
    { kind: 'hour-before', at: new Date(start.getTime() - 3600_000) },
  ];
}

/**
 * The booking store. Reminders (timers, written with the booking's write)
 * and provider notices are set here, so every path (chat, staff commands,
 * API) moves them the same way: booking sets a booking's reminders,
 * rescheduling moves them to the new revision, and any write that ends the
 * booking (cancelled, done, no-show) cancels them. Job data carries ids
 * only; texts are rendered when sent.
 */
export function createBookings(core: Core) {
  const clock = () => core.clock.now();

  /** What a booking takes from the request, the phone sealed (shared by booking and rescheduling). */
  const requestFields = (req: BookingRequest) => ({
    matter: req.matter,
    help: req.help,
    mode: req.mode,
    urgent: req.urgent,
    employment: req.employment,
    limitEndsOn: req.limitEndsOn,
    districtId: req.districtId,
    townshipId: req.townshipId,
    slot: slotRef(req.slot),
    contact: {
      name: req.contact.name,
      phoneSealed: seal(core.config.DATA_KEY, req.contact.phone),
      phoneHash: lookupHash(core.config.HASH_KEY, 'phone', req.contact.phone),
    },
    injury: req.injury ?? null,
    award: req.award ?? null,
    hearing: req.hearing ?? null,
    forWhom: req.forWhom ?? null,
  });
  const k = bookingKeys(core.config.REDIS_PREFIX);
  const { redis } = core;
  const records = createRecordStore<Booking>(redis, core.clock, { name: 'booking', schema: BookingSchema, key: k.record, audit: k.audit, numbers: k.numbers() });
  const { get } = records;

  async function getByNo(no: string): Promise<Booking | null> {
    const n = no.trim().toUpperCase();
    return BOOKING_NO.test(n) ? records.byNumber(n) : null;
  }

  /** Newest first. */
  async function listByUser(userKey: string, limit = 20): Promise<Booking[]> {
    return records.getMany(await redis.zRange(k.byUser(userKey), 0, limit - 1, { REV: true }));
  }

  /** A provider's bookings starting on `day` (`YYYY-MM-DD`), earliest first, cancelled ones left out. */
  async function listByProvider(staffId: string, day: string): Promise<Booking[]> {
    const from = chinaInstant(day).getTime();
    const ids = await redis.zRangeByScore(k.byProvider(staffId), from, from + 86400_000 - 1);
    return (await records.getMany(ids)).filter((b) => b.status !== 'cancelled');
  }

  /** Places taken per slot key on these days. */
  async function taken(days: readonly string[]): Promise<Map<string, number>> {
    const all = await Promise.all(days.map((d) => redis.hGetAll(k.slots(d.replace(/-/g, '')))));
    const out = new Map<string, number>();
    for (const h of all) for (const [key, n] of Object.entries(h)) if (Number(n) > 0) out.set(key, Number(n));
    return out;
  }

  async function activeCount(userKey: string): Promise<number> {
    const now = clock().getTime();
    return (await listByUser(userKey, 50)).filter((b) => b.status === 'booked' && Date.parse(b.slot.start) > now).length;
  }

  const tooSoon = (start: string) => Date.parse(start) < clock().getTime() + MIN_LEAD_MINUTES * 60_000;

  /** The reminders of revision `rev` of booking `id` in `slot`, as timers, with the booking's write. */
  function reminderOps(id: string, rev: number, slot: SlotRef): IndexOp[] {
    const now = clock().getTime();
    return reminderTimes({ slot })
      // Booked too late for this one: the confirmation has just said it all.
      .filter((r) => r.at.getTime() > now)
      .map((r) => timerOp(k.timers(), bookingTimerMember(r.kind, id, rev), r.at));
  }

  /** Cancels the reminders of the booking as it was (`b`), with the write that moves or ends it. */
  function cancelReminderOps(b: Booking): IndexOp[] {
    return REMINDER_KINDS.map((kind) => cancelTimerOp(k.timers(), bookingTimerMember(kind, b.id, b.rev)));
  }

  /** Notice `name`, with the write that wants it: the bookings' outbox (core/infra/outbox.ts). */
  function noticeOp(name: BookingNoticeName, data: BookingNoticeJob): IndexOp {
    return outboxOp(k.outbox(), noticeMember(name, data), clock());
  }

  /**
   * Books `req.slot` under `id` (the chat run id, so a retried confirmation
   * is the same booking). Refuses a slot starting within
   * {@link MIN_LEAD_MINUTES} or in the past, a person holding
   * {@link MAX_ACTIVE_BOOKINGS} already, and a full slot.
   */
  async function book(id: string, userKey: string, req: BookingRequest): Promise<BookResult> {
    const existing = await get(id);
    if (existing) {
      // A retried confirmation (e.g. the session save lost a race): the provider's notice was written with the booking.
      return { ok: true, booking: existing, created: false };
    }
    if (tooSoon(req.slot.start)) return { ok: false, reason: 'past' };
    if ((await activeCount(userKey)) >= MAX_ACTIVE_BOOKINGS) return { ok: false, reason: 'limit' };
    const now = clock();
    const day = compactDay(now);
    const slotDay = dayOfKey(req.slot.key);
    const res = await records.create(id, userKey, (bookingNo) => ({
      record: {
        id,
        bookingNo,
        rev: 1,
        status: 'booked',
        createdAt: now.toISOString(),
        userKey,
        ...requestFields(req),
        previous: null,
        linkedCaseId: req.linkedCaseId,
        referralCaseId: null,
        history: [{ at: now.toISOString(), status: 'booked', note: '已预约' }],
      },
      action: 'booked',
      detail: bookingNo,
      number: { seq: k.daySeq(day), prefix: `${BOOKING_NO_PREFIX}${day}-`, width: 4, seqTtlSeconds: 2 * 86400, index: k.numbers() },
      // A place in the slot, only while it has one: any number of people racing get exactly `capacity` bookings.
      guards: [{ kind: 'below', key: k.slots(slotDay), field: req.slot.key, max: req.slot.capacity }],
      ops: [
        ...takePlace(req.slot),
        { op: 'zadd', key: k.byUser(userKey), score: now.getTime(), member: id },
        { op: 'zadd', key: k.byProvider(req.slot.staffId), score: Date.parse(req.slot.start), member: id },
        ...reminderOps(id, 1, slotRef(req.slot)),
        noticeOp('provider-booking-new', { bookingId: id, staffId: req.slot.staffId, rev: 1 }),
      ],
    }));
    if (res.result === 'refused') return { ok: false, reason: 'taken' };
    const booking = res.record;
    // The provider's notice was written with it.
    wakeOutbox(core);
    if (res.result === 'created') core.log.info({ bookingId: booking.id, bookingNo: booking.bookingNo, staffId: booking.slot.staffId }, 'booking created');
    return { ok: true, booking, created: res.result === 'created' };
  }

  /** Taking a place in a slot: its day's count, kept until after the slot (a relative TTL, see countsTtl). */
  function takePlace(slot: { key: string; start: string }): IndexOp[] {
    const key = k.slots(dayOfKey(slot.key));
    return [
      { op: 'hincrby', key, field: slot.key, by: 1 },
      { op: 'expire', key, seconds: Number(countsTtl(core.clock, slot.start)) },
    ];
  }

  /** Giving a place back: the count goes down, and the field at zero. */
  function freePlace(slot: SlotRef): IndexOp[] {
    return [{ op: 'hdecr', key: k.slots(dayOfKey(slot.key)), field: slot.key }];
  }

  /**
   * Changes a booking with optimistic concurrency: `change` sees the fresh
   * record and returns the new one (or throws an AppError to refuse). A
   * change that ends a booked booking cancels its reminders in the same
   * write.
   */
  async function update(
    id: string,
    actor: string,
    change: (b: Booking) => { record: Booking; action: string; detail: string; release?: boolean; ops?: IndexOp[] },
  ): Promise<Booking> {
    if (!(await get(id))) throw new NotFoundError('没有找到这个预约。');
    const res = await records.update(id, actor, (cur) => {
      const next = change(cur);
      // Giving up the slot frees its place in the same step as the status change.
      const ops = [...(next.release ? freePlace(cur.slot) : []), ...(next.ops ?? [])];
      if (cur.status === 'booked' && next.record.status !== 'booked') ops.push(...cancelReminderOps(cur));
      return { ...next, ops };
    });
    return res.record;
  }

  /**
   * Moves a booking to a new slot (and whatever else changed in the chat),
   * keeping its number. The old slot stays taken until this step, which
   * takes the new one and frees the old one together: if the new one filled
   * up meanwhile, nothing changes.
   */
  async function reschedule(id: string, userKey: string, req: BookingRequest): Promise<BookResult> {
    if (tooSoon(req.slot.start)) return { ok: false, reason: 'past' };
    if (!(await get(id))) throw new NotFoundError('没有找到要改的预约。');
    let same = false;
    const res = await records.update(id, userKey, (cur) => {
      assertOwnActive(cur, userKey, '改约');
      same = cur.slot.key === req.slot.key && cur.slot.pointId === req.slot.pointId;
      if (same) return null;
      const now = clock();
      return {
        record: {
          ...noted(cur, '已改约', now),
          rev: cur.rev + 1,
          ...requestFields(req),
          previous: cur.slot,
          linkedCaseId: req.linkedCaseId ?? cur.linkedCaseId,
        },
        action: 'rescheduled',
        detail: `${cur.slot.key} -> ${req.slot.key}`,
        // The new place only if there is one; the old one is freed in the same step.
        guards: [{ kind: 'below', key: k.slots(dayOfKey(req.slot.key)), field: req.slot.key, max: req.slot.capacity }],
        ops: [
          ...takePlace(req.slot),
          ...freePlace(cur.slot),
          { op: 'zrem', key: k.byProvider(cur.slot.staffId), member: id },
          { op: 'zadd', key: k.byProvider(req.slot.staffId), score: Date.parse(req.slot.start), member: id },
          // The old revision's reminders go, the new one's are set.
          ...cancelReminderOps(cur),
          ...reminderOps(id, cur.rev + 1, slotRef(req.slot)),
          // Its providers' notices (below), with their backstops.
          ...(cur.slot.staffId === req.slot.staffId
            ? [noticeOp('provider-booking-moved', { bookingId: id, staffId: req.slot.staffId, rev: cur.rev + 1 })]
            : [
                noticeOp('provider-booking-moved-away', { bookingId: id, staffId: cur.slot.staffId, rev: cur.rev + 1 }),
                noticeOp('provider-booking-new', { bookingId: id, staffId: req.slot.staffId, rev: cur.rev + 1 }),
              ]),
        ],
      };
    });
    if (same) return { ok: false, reason: 'same' };
    if (res.result === 'refused') return { ok: false, reason: 'taken' };
    const next = res.record;
    // The providers' notices (it moved; or it left one and came to another) were written with it.
    wakeOutbox(core);
    core.log.info({ bookingId: id, rev: next.rev }, 'booking rescheduled');
    return { ok: true, booking: next, created: false };
  }

  /** Refusals for changing a booking the worker holds: not theirs, not active, or already begun. */
  function assertOwnActive(b: Booking, userKey: string, what: string) {
    if (b.userKey !== userKey) {
      throw new ForbiddenError(`预约 ${b.bookingNo} 不是用您这个账号预约的，不能${what}。请核对预约号，回复「我的预约」可以查看您自己的预约。`);
    }
    if (b.status === 'cancelled') throw new ConflictError('booking_cancelled', `预约 ${b.bookingNo} 已经取消了，不能再${what}。`);
    if (b.status !== 'booked') throw new ConflictError('booking_finished', `预约 ${b.bookingNo} 已经结束（${STATUS_NAMES[b.status]}），不能${what}。`);
    if (Date.parse(b.slot.start) <= clock().getTime()) {
      throw new ConflictError('booking_started', `预约 ${b.bookingNo} 的时间已经到了或已经过了，不能${what}。有问题请回复「人工」。`);
    }
  }

  /** The worker's own booking, for a change, or the refusal. */
  async function ownActive(no: string, userKey: string, what: string): Promise<Booking> {
    const b = await getByNo(no);
    if (!b) throw new NotFoundError(`没有找到预约号 ${no}，请核对后再试；回复「我的预约」可以查看您的预约。`);
    assertOwnActive(b, userKey, what);
    return b;
  }

  /** The worker cancels: the slot is free again in the same step. */
  async function cancel(no: string, userKey: string): Promise<Booking> {
    const b0 = await ownActive(no, userKey, '取消');
    const now = clock();
    const b = await update(b0.id, userKey, (cur) => {
      assertOwnActive(cur, userKey, '取消');
      return {
        record: moved(cur, 'cancelled', '本人已取消', now),
        action: 'cancelled',
        detail: cur.slot.key,
        release: true,
        ops: [noticeOp('provider-booking-cancelled', { bookingId: cur.id, staffId: cur.slot.staffId, rev: cur.rev })],
      };
    });
    wakeOutbox(core);
    return b;
  }

  /** 删除我的信息: name and phone leave every booking of the person; the bookings stay. */
  async function forgetUser(userKey: string): Promise<void> {
    for (const b of await listByUser(userKey, 1000)) {
      if (!b.contact.name && !b.contact.phoneSealed) continue;
      await update(b.id, userKey, (cur) => ({
        record: { ...cur, contact: { name: null, phoneSealed: null, phoneHash: null } },
        action: 'personal-data-erased',
        detail: 'contact name and phone removed at the person\'s request',
      }));
    }
  }

  /** The name and phone the person gave before, offered for reuse: their union membership, else their last booking, else a case. */
  async function knownContact(userKey: string): Promise<{ name: string; phone: string } | null> {
    const member = currentOf(await membersOf(core).listByUser(userKey, 5));
    if (member && member.status !== 'rejected' && member.applicant.name && member.applicant.phoneSealed) {
      return { name: member.applicant.name, phone: unseal(core.config.DATA_KEY, member.applicant.phoneSealed) };
    }
    for (const b of await listByUser(userKey, 5)) {
      if (b.contact.name && b.contact.phoneSealed) return { name: b.contact.name, phone: unseal(core.config.DATA_KEY, b.contact.phoneSealed) };
    }
    for (const c of await core.cases.listByUser(userKey, 5)) {
      if (c.reporter.name && c.reporter.phoneSealed) return { name: c.reporter.name, phone: unseal(core.config.DATA_KEY, c.reporter.phoneSealed) };
    }
    return null;
  }

  function phoneOf(b: Booking): string | null {
    return b.contact.phoneSealed ? unseal(core.config.DATA_KEY, b.contact.phoneSealed) : null;
  }

  return {
    keys: k,
    now: clock,
    get,
    getByNo,
    listByUser,
    listByProvider,
    taken,
    book,
    reschedule,
    cancel,
    ownActive,
    update,
    noticeOp,
    forgetUser,
    knownContact,
    phoneOf,
    audit: records.audit,
    note: records.note,
  };
}

export type BookingStore = ReturnType<typeof createBookings>;

/** What people call a booking's status (`已预约`). */
export const STATUS_NAMES: Record<Booking['status'], string> = { booked: bookingStatusName('booked'), cancelled: bookingStatusName('cancelled'), done: bookingStatusName('done'), no_show: bookingStatusName('no_show') };
