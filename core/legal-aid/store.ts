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
import { ConsultModeSchema, HelpKindSchema } from '../directory/schema.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../infra/errors.js';
import { currentOf, membersOf } from '../membership/store.js';
import { lookupHash, seal, unseal } from '../infra/privacy.js';
import { REMINDER_KINDS, type ReminderKind } from '../infra/queues.js';
import { MIN_LEAD_MINUTES, addDays, chinaDay, chinaInstant, type Slot } from './slots.js';

/** What the worker wants help with. */
export const MATTERS = ['wage', 'injury', 'contract', 'social_insurance', 'other'] as const;
export const MatterSchema = z.enum(MATTERS);
export type Matter = z.infer<typeof MatterSchema>;

/** booked → done | no_show (by the provider) | cancelled (by the worker). */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'done', 'no_show'] as const;

/** Booking numbers: `YY20261121-0001` (预约). */
export const BOOKING_NO_PREFIX = 'YY';
export const BOOKING_NO = /^YY\d{8}-\d{4,}$/;

/** Bookings one person may hold at once (not yet happened). */
export const MAX_ACTIVE_BOOKINGS = 3;

/** When the day-before reminder goes out (Beijing time). */
export const DAY_BEFORE_AT = '18:00';

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
    /** AES-256-GCM sealed; see core/infra/privacy.ts. */
    phoneSealed: z.string().nullable(),
    phoneHash: z.string().nullable(),
  }),
  /** The wage case this help is about (booked from its progress view). */
  linkedCaseId: z.string().nullable(),
  /** The 支持起诉 case a procurator turned this consultation into. */
  referralCaseId: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), status: z.enum(BOOKING_STATUSES), note: z.string() })),
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
}

export type BookResult =
  | { ok: true; booking: Booking; created: boolean }
  /** taken: the slot filled up meanwhile; past: it starts too soon; limit: too many open bookings; same: rescheduling to the same slot. */
  | { ok: false; reason: 'taken' | 'past' | 'limit' | 'same' };

const PLACEHOLDER = '__BOOKING_NO__';

/**
 * Books one place in a slot, unless it is full. Returns {0, json} for an id
 * already booked (a retried confirmation), {2} when the slot is full, {1, json}.
 */
const BOOK = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
local n = tonumber(redis.call('HGET', KEYS[3], ARGV[5]) or '0')
if n >= tonumber(ARGV[6]) then return {2, ''} end
redis.call('HINCRBY', KEYS[3], ARGV[5], 1)
redis.call('EXPIRE', KEYS[3], ARGV[11])
local seq = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], 172800)
local no = ARGV[1] .. string.format('%04d', seq)
-- Only the bookingNo field: quotes inside user text are escaped in JSON, so it cannot match there.
local json = string.gsub(ARGV[2], '"bookingNo":"${PLACEHOLDER}"', '"bookingNo":"' .. no .. '"', 1)
redis.call('SET', KEYS[1], json)
redis.call('SET', ARGV[4] .. no, ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[7], ARGV[3])
redis.call('ZADD', KEYS[5], ARGV[8], ARGV[3])
redis.call('XADD', KEYS[6], '*', 'at', ARGV[9], 'actor', ARGV[10], 'action', 'booked', 'detail', no)
return {1, json}
`;

/**
 * Compare-and-set of a booking, optionally taking a place in a new slot
 * (refused with 2 when full), freeing the old one, and moving the
 * provider-index entry, with an audit entry — all in one step. 0 = the
 * record changed meanwhile.
 */
const UPDATE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[8] ~= '' then
  local n = tonumber(redis.call('HGET', KEYS[4], ARGV[8]) or '0')
  if n >= tonumber(ARGV[9]) then return 2 end
  redis.call('HINCRBY', KEYS[4], ARGV[8], 1)
  redis.call('EXPIRE', KEYS[4], ARGV[12])
end
if ARGV[7] ~= '' then
  local left = redis.call('HINCRBY', KEYS[3], ARGV[7], -1)
  if left <= 0 then redis.call('HDEL', KEYS[3], ARGV[7]) end
end
if ARGV[11] ~= '' then
  redis.call('ZREM', KEYS[5], ARGV[10])
  redis.call('ZADD', KEYS[6], ARGV[11], ARGV[10])
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('XADD', KEYS[2], '*', 'at', ARGV[3], 'actor', ARGV[4], 'action', ARGV[5], 'detail', ARGV[6])
return 1
`;

/** Redis keys of bookings, under the app prefix (kept here, next to their scripts). */
export function bookingKeys(prefix: string) {
  return {
    booking: (id: string) => `${prefix}:booking:${id}`,
    noPrefix: `${prefix}:bookingno:`,
    no: (no: string) => `${prefix}:bookingno:${no}`,
    seq: (day: string) => `${prefix}:bookingseq:${day}`,
    audit: (id: string) => `${prefix}:booking-audit:${id}`,
    user: (userKey: string) => `${prefix}:user-bookings:${userKey}`,
    /** Booking ids of a provider scored by start time (the agenda). */
    provider: (staffId: string) => `${prefix}:provider-bookings:${staffId}`,
    /** Places taken per slot key on one day (`YYYYMMDD`). */
    slots: (day: string) => `${prefix}:slots:${day.replace(/-/g, '')}`,
  };
}

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
 * The booking store. Reminder jobs and provider notices are queued here, so
 * every path (chat, staff commands, API) moves them the same way. Job data
 * carries ids only; texts are rendered when sent.
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
  });
  const k = bookingKeys(core.keys.prefix);
  const { redis } = core;

  async function get(id: string): Promise<Booking | null> {
    const raw = await redis.get(k.booking(id));
    return raw ? BookingSchema.parse(JSON.parse(raw)) : null;
  }

  async function getByNo(no: string): Promise<Booking | null> {
    const n = no.trim().toUpperCase();
    if (!BOOKING_NO.test(n)) return null;
    const id = await redis.get(k.no(n));
    return id ? get(id) : null;
  }

  async function many(ids: string[]): Promise<Booking[]> {
    const out: Booking[] = [];
    for (const id of ids) {
      const b = await get(id);
      if (b) out.push(b);
    }
    return out;
  }

  /** Newest first. */
  async function listByUser(userKey: string, limit = 20): Promise<Booking[]> {
    return many(await redis.zRange(k.user(userKey), 0, limit - 1, { REV: true }));
  }

  /** A provider's bookings starting on `day` (`YYYY-MM-DD`), earliest first, cancelled ones left out. */
  async function listByProvider(staffId: string, day: string): Promise<Booking[]> {
    const from = chinaInstant(day).getTime();
    const ids = await redis.zRangeByScore(k.provider(staffId), from, from + 86400_000 - 1);
    return (await many(ids)).filter((b) => b.status !== 'cancelled');
  }

  /** Places taken per slot key on these days. */
  async function taken(days: readonly string[]): Promise<Map<string, number>> {
    const all = await Promise.all(days.map((d) => redis.hGetAll(k.slots(d))));
    const out = new Map<string, number>();
    for (const h of all) for (const [key, n] of Object.entries(h)) if (Number(n) > 0) out.set(key, Number(n));
    return out;
  }

  async function activeCount(userKey: string): Promise<number> {
    const now = clock().getTime();
    return (await listByUser(userKey, 50)).filter((b) => b.status === 'booked' && Date.parse(b.slot.start) > now).length;
  }

  const tooSoon = (start: string) => Date.parse(start) < clock().getTime() + MIN_LEAD_MINUTES * 60_000;

  async function scheduleReminders(b: Booking) {
    const now = clock().getTime();
    for (const r of reminderTimes(b)) {
      const delay = r.at.getTime() - now;
      // Booked too late for this one: the confirmation has just said it all.
      if (delay > 0) await core.queues.remind(b.id, b.rev, r.kind, delay);
    }
  }

  async function unscheduleReminders(b: Booking) {
    for (const kind of REMINDER_KINDS) await core.queues.unremind(b.id, b.rev, kind);
  }

  /** Reminders and the provider's notice: idempotent (deterministic job ids), so a retry completes the work. */
  async function afterBooking(b: Booking) {
    await scheduleReminders(b);
    await core.queues.notifyBooking('provider-booking-new', { bookingId: b.id, staffId: b.slot.staffId, rev: b.rev });
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
      // A retried confirmation (e.g. the session save lost a race): finish what the first try may not have.
      if (existing.status === 'booked' && existing.rev === 1) await afterBooking(existing);
      return { ok: true, booking: existing, created: false };
    }
    if (tooSoon(req.slot.start)) return { ok: false, reason: 'past' };
    if ((await activeCount(userKey)) >= MAX_ACTIVE_BOOKINGS) return { ok: false, reason: 'limit' };
    const now = clock();
    const record: Booking = BookingSchema.parse({
      id,
      bookingNo: PLACEHOLDER,
      rev: 1,
      status: 'booked',
      createdAt: now.toISOString(),
      userKey,
      ...requestFields(req),
      previous: null,
      linkedCaseId: req.linkedCaseId,
      referralCaseId: null,
      history: [{ at: now.toISOString(), status: 'booked', note: '已预约' }],
    });
    const day = chinaDay(now).replace(/-/g, '');
    const res = (await redis.eval(BOOK, {
      keys: [k.booking(id), k.seq(day), k.slots(dayOfKey(req.slot.key)), k.user(userKey), k.provider(req.slot.staffId), k.audit(id)],
      arguments: [
        `${BOOKING_NO_PREFIX}${day}-`,
        JSON.stringify(record),
        id,
        k.noPrefix,
        req.slot.key,
        String(req.slot.capacity),
        String(now.getTime()),
        String(Date.parse(req.slot.start)),
        now.toISOString(),
        userKey,
        countsTtl(core.clock, req.slot.start),
      ],
    })) as [number, string];
    if (res[0] === 2) return { ok: false, reason: 'taken' };
    const booking = BookingSchema.parse(JSON.parse(res[1]));
    await afterBooking(booking);
    if (res[0] === 1) core.log.info({ bookingId: booking.id, bookingNo: booking.bookingNo, staffId: booking.slot.staffId }, 'booking created');
    return { ok: true, booking, created: res[0] === 1 };
  }

  /** One compare-and-set step; see UPDATE. */
  async function cas(
    raw: string,
    next: Booking,
    audit: { actor: string; action: string; detail: string },
    slots: { release?: SlotRef; acquire?: { ref: SlotRef; capacity: number } } = {},
  ): Promise<0 | 1 | 2> {
    const cur = BookingSchema.parse(JSON.parse(raw));
    const release = slots.release;
    const acquire = slots.acquire;
    const moveIndex = acquire !== undefined;
    return (await redis.eval(UPDATE, {
      keys: [
        k.booking(cur.id),
        k.audit(cur.id),
        k.slots(dayOfKey((release ?? cur.slot).key)),
        k.slots(dayOfKey((acquire?.ref ?? cur.slot).key)),
        k.provider(cur.slot.staffId),
        k.provider((acquire?.ref ?? cur.slot).staffId),
      ],
      arguments: [
        raw,
        JSON.stringify(BookingSchema.parse(next)),
        clock().toISOString(),
        audit.actor,
        audit.action,
        audit.detail,
        release?.key ?? '',
        acquire?.ref.key ?? '',
        String(acquire?.capacity ?? 0),
        cur.id,
        moveIndex ? String(Date.parse(acquire.ref.start)) : '',
        acquire ? countsTtl(core.clock, acquire.ref.start) : '0',
      ],
    })) as 0 | 1 | 2;
  }

  /**
   * Changes a booking with optimistic concurrency: `change` sees the fresh
   * record and returns the new one (or throws an AppError to refuse).
   */
  async function update(
    id: string,
    actor: string,
    change: (b: Booking) => { record: Booking; action: string; detail: string; release?: boolean },
  ): Promise<Booking> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const raw = await redis.get(k.booking(id));
      if (!raw) throw new NotFoundError('没有找到这个预约。');
      const cur = BookingSchema.parse(JSON.parse(raw));
      const next = change(cur);
      const r = await cas(raw, next.record, { actor, action: next.action, detail: next.detail }, next.release ? { release: cur.slot } : {});
      if (r === 1) return next.record;
    }
    throw new Error(`booking ${id}: too many concurrent updates`);
  }

  /**
   * Moves a booking to a new slot (and whatever else changed in the chat),
   * keeping its number. The old slot stays taken until this step, which
   * takes the new one and frees the old one together: if the new one filled
   * up meanwhile, nothing changes.
   */
  async function reschedule(id: string, userKey: string, req: BookingRequest): Promise<BookResult> {
    if (tooSoon(req.slot.start)) return { ok: false, reason: 'past' };
    for (let attempt = 0; attempt < 20; attempt++) {
      const raw = await redis.get(k.booking(id));
      if (!raw) throw new NotFoundError('没有找到要改的预约。');
      const cur = BookingSchema.parse(JSON.parse(raw));
      assertOwnActive(cur, userKey, '改约');
      if (cur.slot.key === req.slot.key && cur.slot.pointId === req.slot.pointId) return { ok: false, reason: 'same' };
      const now = clock();
      const next: Booking = {
        ...cur,
        rev: cur.rev + 1,
        ...requestFields(req),
        previous: cur.slot,
        linkedCaseId: req.linkedCaseId ?? cur.linkedCaseId,
        history: [...cur.history, { at: now.toISOString(), status: 'booked', note: '已改约' }],
      };
      const r = await cas(raw, next, { actor: userKey, action: 'rescheduled', detail: `${cur.slot.key} -> ${req.slot.key}` }, {
        release: cur.slot,
        acquire: { ref: slotRef(req.slot), capacity: req.slot.capacity },
      });
      if (r === 2) return { ok: false, reason: 'taken' };
      if (r === 0) continue;
      await unscheduleReminders(cur);
      await scheduleReminders(next);
      if (cur.slot.staffId === next.slot.staffId) {
        await core.queues.notifyBooking('provider-booking-moved', { bookingId: id, staffId: next.slot.staffId, rev: next.rev });
      } else {
        await core.queues.notifyBooking('provider-booking-moved-away', { bookingId: id, staffId: cur.slot.staffId, rev: next.rev });
        await core.queues.notifyBooking('provider-booking-new', { bookingId: id, staffId: next.slot.staffId, rev: next.rev });
      }
      core.log.info({ bookingId: id, rev: next.rev }, 'booking rescheduled');
      return { ok: true, booking: next, created: false };
    }
    throw new Error(`booking ${id}: too many concurrent updates`);
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
        record: { ...cur, status: 'cancelled', history: [...cur.history, { at: now.toISOString(), status: 'cancelled', note: '本人已取消' }] },
        action: 'cancelled',
        detail: cur.slot.key,
        release: true,
      };
    });
    await unscheduleReminders(b);
    await core.queues.notifyBooking('provider-booking-cancelled', { bookingId: b.id, staffId: b.slot.staffId, rev: b.rev });
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

  async function audit(id: string): Promise<{ at: string; actor: string; action: string; detail: string }[]> {
    const entries = await redis.xRange(k.audit(id), '-', '+');
    return (entries ?? []).map((e) => ({ at: e.message.at ?? '', actor: e.message.actor ?? '', action: e.message.action ?? '', detail: e.message.detail ?? '' }));
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
    scheduleReminders,
    unscheduleReminders,
    forgetUser,
    knownContact,
    phoneOf,
    audit,
  };
}

export type BookingStore = ReturnType<typeof createBookings>;

export const STATUS_NAMES: Record<Booking['status'], string> = { booked: '已预约', cancelled: '已取消', done: '已完成', no_show: '未到场' };
