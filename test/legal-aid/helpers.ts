import { randomBytes } from 'node:crypto';
import { createBookings, type Booking, type BookingRequest } from '../../core/legal-aid/store.js';
import { createCalendar, workingDaysFrom, type Calendar } from '../../core/infra/calendar.js';
import type { Core } from '../../core/context.js';
import type { ConsultMode, Directory, HelpKind } from '../../core/directory/schema.js';
import { addDays, chinaDay, providersFor, resolveSlot, slotsOn, upcomingFreeSlots, type ProviderAt, type Slot } from '../../core/legal-aid/slots.js';
import { compactDay } from '../../core/infra/time.js';
import type { ChatService } from '../../flows/service.js';
import { converse } from '../support/converse.js';
import { eventually, suiteDirectory } from '../support/core.js';

/** Texts in a Redis inbox (a web user key, or `staff:<id>`). */
export async function inboxTexts(core: Core, target: string): Promise<string[]> {
  const { items } = await core.inbox.read(target);
  return items.flatMap((i) => i.replies.flatMap((r) => (r.type === 'text' ? [r.text] : [])));
}

/** Waits until a message matching `pattern` is in the inbox; returns it. */
export function waitInbox(core: Core, target: string, pattern: RegExp, timeoutMs = 8000): Promise<string> {
  return eventually(async () => (await inboxTexts(core, target)).find((t) => pattern.test(t)), timeoutMs, `${target} inbox ${pattern}`);
}

export interface DirectBooking {
  userKey?: string;
  staffId: string;
  pointId: string;
  /** `YYYYMMDDHHMM`, Beijing. */
  at: string;
  help?: BookingRequest['help'];
  mode?: BookingRequest['mode'];
  linkedCaseId?: string | null;
  phone?: string;
  name?: string;
  /** Booked for someone else (the relation: 父亲, 爱人, 他人). */
  forWhom?: string;
}

/** A booking made straight through the store (what 确认 does), for staff-side tests. */
export async function bookDirect(core: Core, chat: ChatService, b: DirectBooking): Promise<Booking> {
  const r = resolveSlot(core.directory.index().calendar, core.directory.index().directory, `${b.staffId}@${b.at}`, b.pointId);
  if (!r) throw new Error(`no slot ${b.staffId}@${b.at} at ${b.pointId}`);
  const res = await chat.bookings.book(`b${randomBytes(6).toString('hex')}`, b.userKey ?? `web:${randomBytes(4).toString('hex')}`, {
    matter: 'wage',
    help: b.help ?? r.at.provider.help,
    mode: b.mode ?? 'in_person',
    urgent: false,
    employment: { stillEmployed: true, leftOn: null },
    limitEndsOn: null,
    districtId: 'qingxi',
    townshipId: r.at.point.townshipId ?? null,
    slot: r.slot,
    contact: { name: b.name ?? '张三', phone: b.phone ?? '13800138000' },
    linkedCaseId: b.linkedCaseId ?? null,
    forWhom: b.forWhom ?? null,
  });
  if (!res.ok) throw new Error(`booking refused: ${res.reason}`);
  return res.booking;
}

/** The numbered options of the last reply, as rendered. */
export function optionLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\d+\. /.test(l));
}

/**
 * A worker asks for a union lawyer about unpaid wages, still employed, at a
 * service point in 东龙 (东龙镇工会驿站): the conversation up to the list of
 * free times. `then` picks a time, gives 张三 / 13800138000 and reaches the
 * summary.
 */
export function lawyerSlotsAtDonglong(chat: ChatService, user: string) {
  return converse(chat, user).send('我想找律师').send('1').send('1').send('还在').send('1').send('东龙').send('1');
}

/** As {@link lawyerSlotsAtDonglong}, then the `pick`-th time and the contact: at the summary. */
export function lawyerSummaryAtDonglong(chat: ChatService, user: string, pick = '1') {
  return lawyerSlotsAtDonglong(chat, user).send(pick).send('张三').send('13800138000');
}

// --- scenario expectations, computed from the slot engine ----------------------------

/** The directory the test cores are seeded with (on another day, with the made-up holiday years). */
export const SUITE_DIRECTORY: Directory = suiteDirectory();
/** Its calendar: the one `core.directory.index().calendar` is built from, for choosing scenario days. */
export const SUITE_CALENDAR: Calendar = createCalendar(SUITE_DIRECTORY.calendar);

/** 东龙镇工会驿站, where lawyer-2 (吴芳) keeps Tuesday and Thursday mornings. */
export const DONGLONG = 'sp-t01-station';
/** 青溪区法律援助工作站 (lawyer-1, 周明, every working day). */
export const QINGXI_LEGAL = 'sp-qingxi-legal';
/** 凤栖街道维权联络站 (liaison-1, 姚春兰, procurator, Thursday mornings). */
export const FENGQI = 'sp-t09-rights';

/** Whether lawyer-2 has hours at 东龙 on `day` (a working day following a Tuesday or Thursday timetable). */
export function donglongOpen(day: string): boolean {
  return providersFor(SUITE_DIRECTORY, 'lawyer', 'in_person', DONGLONG).some((p) => slotsOn(SUITE_CALENDAR, p, day).length > 0);
}

export interface SlotQuery {
  help: HelpKind;
  /** @defaultValue 'in_person' */
  mode?: ConsultMode;
  /** In person: the service point chosen. */
  pointId?: string;
  /** Phone or video: the worker's township, whose own providers come first (as the chat ranks them). */
  townshipId?: string;
  /** @defaultValue the core's clock */
  now?: Date;
}

/** The providers the chat offers slots of for this query (see `slotProviders` in flows/legal-aid.ts). */
function queryProviders(directory: Directory, q: SlotQuery): ProviderAt[] {
  const mode = q.mode ?? 'in_person';
  if (mode === 'in_person') {
    if (!q.pointId) throw new Error('an in-person slot query needs a pointId');
    return providersFor(directory, q.help, mode, q.pointId);
  }
  const district = directory.districts.find((d) => d.townships.some((t) => t.id === q.townshipId));
  if (!district) throw new Error(`a ${mode} slot query needs the worker's townshipId (got ${q.townshipId})`);
  const rank = (p: ProviderAt) => (p.point.townshipId === q.townshipId ? 0 : p.point.townshipId ? 2 : 1);
  return providersFor(directory, q.help, mode)
    .filter((p) => p.districtId === district.id)
    .sort((x, y) => rank(x) - rank(y));
}

/**
 * The free slots the worker should be offered right now, earliest first:
 * the slot engine over the core's calendar, with what is booked in Redis
 * taken out. Expectations of the scenario tests come from here (the engine
 * itself is pinned with literal dates in slots.test.ts).
 */
export async function freeSlots(core: Core, q: SlotQuery): Promise<Slot[]> {
  const { calendar, directory } = core.directory.index();
  const now = q.now ?? core.clock.now();
  const today = chinaDay(now);
  const last = workingDaysFrom(calendar, today, 14).at(-1) ?? today;
  const days: string[] = [];
  for (let d = today; d <= last; d = addDays(d, 1)) days.push(d);
  const taken = await createBookings(core).taken(days);
  return upcomingFreeSlots(queryProviders(directory, q), { calendar, now, taken });
}

/** Free slots of lawyer-2 at 东龙 (what {@link lawyerSlotsAtDonglong} is offered). */
export function donglongSlots(core: Core, now?: Date): Promise<Slot[]> {
  return freeSlots(core, { help: 'lawyer', pointId: DONGLONG, now });
}

/** The `n`-th slot of a list, or a clear failure when the scenario's days have fewer. */
export function nth(slots: readonly Slot[], n: number, what: string): Slot {
  const s = slots[n];
  if (!s) throw new Error(`this scenario has only ${slots.length} free slot(s) for ${what}; the test needs at least ${n + 1}`);
  return s;
}

/** The `YYYYMMDDHHMM` of a slot, as {@link bookDirect} takes it. */
export function atOf(s: Slot): string {
  return s.key.slice(s.key.indexOf('@') + 1);
}

/** The booking number of the `seq`-th booking made on the day of `now`: `YY20261121-0001`. */
export function bookingNoOn(now: Date, seq = 1): string {
  return `YY${compactDay(now)}-${String(seq).padStart(4, '0')}`;
}

/** `s` as a regular expression matching it literally. */
export function literally(s: string): RegExp {
  return new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** A day (and time) as a worker types it: `11月26日`, `11月26日10点`, `11月26日9点半`. */
export function typedDay(day: string, time?: string): string {
  const d = `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
  if (!time) return d;
  const h = Number(time.slice(0, 2));
  const m = Number(time.slice(3, 5));
  // Without 上午, 1 to 6 o'clock is read as the afternoon (flows/parsers/day.ts).
  return `${d}${h >= 1 && h <= 6 ? '上午' : ''}${h}点${m === 0 ? '' : m === 30 ? '半' : `${m}分`}`;
}

/** `2026年11月25日` of a day. */
export function chineseDay(day: string): string {
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
