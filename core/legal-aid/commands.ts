import { agendaText, whenText } from './texts.js';
import { moved as bookingMoved, noted as bookingNoted } from './state.js';
import { STATUS_NAMES, createBookings, type Booking } from './store.js';
import type { Case } from '../cases/index.js';
import { moved, noted } from '../cases/index.js';
import type { StaffRole } from '../directory/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../infra/errors.js';
import { addDays, chinaDay } from './slots.js';
import { numberedCommand, registerStaffCommands, type StaffCommandContext } from '../staff/index.js';
import { tellReporter } from '../cases/index.js';
import { wakeOutbox } from '../infra/outbox.js';

/**
 * What providers (union lawyers and procurators) do with legal-aid bookings:
 * the one code path behind the WeChat commands (`今日预约`, `完成 YY…`,
 * `爽约 YY…`, `转支持起诉 YY…`) and the staff API (api/bookings.ts). Only the
 * provider a booking is with may act on it; refusals are AppErrors with a
 * Chinese message (404 unknown, 403 not theirs, 409 wrong state or time).
 */

export const PROVIDER_ROLES: StaffRole[] = ['union_lawyer', 'procuratorate_liaison'];

/** Marking "done" is allowed from this long before the start (people come early). */
const EARLY_MINUTES = 30;

function store(ctx: StaffCommandContext) {
  return createBookings(ctx.core);
}

async function loadOwn(ctx: StaffCommandContext, no: string | null): Promise<Booking> {
  if (!no) throw new ValidationError('bookingNo', '请写上预约号，例如「完成 YY20261121-0001」');
  const b = await store(ctx).getByNo(no);
  if (!b) throw new NotFoundError(`没有找到预约 ${no}，请核对预约号。`);
  if (b.slot.staffId !== ctx.staff.staff.id) throw new ForbiddenError(`预约 ${b.bookingNo} 不是约您的，不能查看或办理。`);
  return b;
}

/** The provider's bookings on `day` (default today, Beijing). */
export async function agendaOf(ctx: StaffCommandContext, day = chinaDay(ctx.core.clock.now())): Promise<Booking[]> {
  return store(ctx).listByProvider(ctx.staff.staff.id, day);
}

/** The provider records the appointment: the person came (`done`) or did not (`no_show`). */
export async function markBooking(ctx: StaffCommandContext, no: string | null, outcome: 'done' | 'no_show'): Promise<Booking> {
  const b0 = await loadOwn(ctx, no);
  const bookings = store(ctx);
  const now = ctx.core.clock.now();
  const check = (b: Booking) => {
    if (b.status !== 'booked') throw new ConflictError('booking_finished', `预约 ${b.bookingNo} 已经是「${STATUS_NAMES[b.status]}」了，不能再记。`);
    if (outcome === 'no_show' && now.getTime() < Date.parse(b.slot.start)) {
      throw new ConflictError('too_early', `预约 ${b.bookingNo} 在${whenText(b.slot)}，还没到时间，现在不能记爽约。`);
    }
    if (outcome === 'done' && now.getTime() < Date.parse(b.slot.start) - EARLY_MINUTES * 60_000) {
      throw new ConflictError('too_early', `预约 ${b.bookingNo} 在${whenText(b.slot)}，还没到时间，见面后再回复「完成 ${b.bookingNo}」。`);
    }
  };
  check(b0);
  const b = await bookings.update(b0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    check(cur);
    return {
      record: bookingMoved(cur, outcome, outcome === 'done' ? '已完成咨询' : '未到场', now),
      action: outcome === 'done' ? 'done' : 'no-show',
      detail: ctx.staff.staff.id,
      // The person's notice, with the write (the bookings' outbox).
      ...(outcome === 'no_show' ? { ops: [bookings.noticeOp('user-booking-no-show', { bookingId: cur.id, rev: cur.rev })] } : {}),
    };
  });
  if (outcome === 'no_show') wakeOutbox(ctx.core);
  return b;
}

/**
 * A procurator turns a face-to-face consultation into a supported-prosecution
 * (支持起诉) case: a `legal_aid` case with the procurator as its liaison,
 * already accepted (they decided face to face), linked to the wage case the
 * booking was made for. The procurator then records the result with the case
 * commands (`结果 QX…`). Running it twice returns the same case.
 */
export async function referBooking(ctx: StaffCommandContext, no: string | null, reason: string): Promise<{ booking: Booking; c: Case; created: boolean }> {
  const { core } = ctx;
  const now = core.clock.now();
  const me = ctx.staff.staff;
  const bookings = store(ctx);
  const b0 = await loadOwn(ctx, no);
  if (b0.help !== 'procurator') throw new ConflictError('not_procurator_booking', `预约 ${b0.bookingNo} 是工会律师咨询，不能转支持起诉。`);
  if (b0.referralCaseId) {
    const existing = await core.cases.get(b0.referralCaseId);
    if (existing) return { booking: b0, c: existing, created: false };
  }
  if (b0.status === 'cancelled' || b0.status === 'no_show') {
    throw new ConflictError('booking_finished', `预约 ${b0.bookingNo} ${STATUS_NAMES[b0.status]}，不能转支持起诉。`);
  }
  if (b0.status === 'booked' && now.getTime() < Date.parse(b0.slot.start) - EARLY_MINUTES * 60_000) {
    throw new ConflictError('too_early', `预约 ${b0.bookingNo} 在${whenText(b0.slot)}，见面之后才能转支持起诉。`);
  }
  const why = reason.trim().slice(0, 500) || '检察官面对面咨询后，认为符合支持起诉条件';
  const linked = b0.linkedCaseId ? await core.cases.get(b0.linkedCaseId) : null;
  const { record, created } = await core.cases.create(
    {
      // One referral per booking, whoever repeats the command.
      id: `s${b0.id}`,
      kind: 'legal_aid',
      priority: b0.urgent ? 'urgent' : linked?.priority ?? 'normal',
      createdAt: now.toISOString(),
      reporter: { userKey: b0.userKey, name: b0.contact.name, phoneSealed: b0.contact.phoneSealed, phoneHash: b0.contact.phoneHash },
      location: linked?.location ?? { districtId: b0.districtId, townshipId: b0.townshipId, gridId: null, community: null },
      wage: linked?.wage ?? null,
      enquiry: null,
      evidence: [],
      legalAid: { bookingId: b0.id, bookingNo: b0.bookingNo, linkedCaseId: linked?.id ?? null },
    },
    `staff:${me.id}`,
    `检察官面对面咨询后转为支持起诉（预约 ${b0.bookingNo}${linked ? `，关联案件 ${linked.caseNo}` : ''}）`,
  );
  let c = record;
  if (created || c.status === 'submitted') {
    c = await core.cases.update(c.id, `staff:${me.id}`, (cur) =>
      cur.status !== 'submitted'
        ? null
        : {
            record: {
              ...moved(cur, 'referred', '检察机关已受理，正在审查支持起诉', now),
              referral: {
                liaisonId: me.id,
                by: me.id,
                reason: why,
                at: now.toISOString(),
                decideBy: now.toISOString(),
                status: 'accepted',
                declineReason: null,
                outcome: null,
              },
            },
            action: 'referral-accepted',
            detail: `${me.id} from booking ${b0.bookingNo}`,
            // Not for routing: the procurator holds it as the referral's liaison.
            ops: [{ op: 'zrem', key: core.cases.keys.unassigned(), member: cur.id }],
          },
    );
  }
  const booking = await bookings.update(b0.id, `staff:${me.id}`, (cur) => ({
    record: {
      ...(cur.status === 'booked' ? bookingMoved(cur, 'done', `已转支持起诉，案件 ${c.caseNo}`, now) : bookingNoted(cur, `已转支持起诉，案件 ${c.caseNo}`, now)),
      referralCaseId: c.id,
    },
    action: 'referred',
    detail: c.id,
  }));
  if (linked) {
    const updated = await core.cases.update(linked.id, `staff:${me.id}`, (cur) =>
      cur.history.some((h) => h.note.includes(c.caseNo))
        ? null
        : {
            record: {
              ...noted(cur, `检察官已将此事转为支持起诉案件 ${c.caseNo}`, now),
              notes: [...cur.notes, { at: now.toISOString(), staffId: me.id, text: `检察官面对面咨询后已转为支持起诉案件 ${c.caseNo}` }],
            },
            action: 'linked-referral',
            detail: c.id,
          },
    );
    await tellReporter(core, updated);
  } else {
    await tellReporter(core, c);
  }
  return { booking, c, created };
}

const bookingCommand = (names: string[], usage: string, roles: StaffRole[], run: (ctx: StaffCommandContext, no: string | null, rest: string) => Promise<string>) =>
  numberedCommand(names, usage, run, roles);

registerStaffCommands(
  {
    names: ['今日预约', '今天预约'],
    usage: '今日预约 —— 今天约您的咨询（明日预约：明天的）',
    roles: PROVIDER_ROLES,
    async run(ctx) {
      const day = chinaDay(ctx.core.clock.now());
      return agendaText(ctx.core.directory.index(), day, await agendaOf(ctx, day), (b) => createBookings(ctx.core).phoneOf(b));
    },
  },
  {
    names: ['明日预约', '明天预约'],
    usage: '明日预约 —— 明天约您的咨询',
    roles: PROVIDER_ROLES,
    async run(ctx) {
      const day = addDays(chinaDay(ctx.core.clock.now()), 1);
      return agendaText(ctx.core.directory.index(), day, await agendaOf(ctx, day), (b) => createBookings(ctx.core).phoneOf(b)).replace('【今日预约】', '【明日预约】');
    },
  },
  bookingCommand(['完成', '已到'], '完成 YY… （或 已到 YY…）—— 预约的人来了，咨询已完成', PROVIDER_ROLES, async (ctx, no) => {
    const b = await markBooking(ctx, no, 'done');
    return `已记为完成：预约 ${b.bookingNo}（${whenText(b.slot)}）。${b.help === 'procurator' ? `需要支持起诉请回复「转支持起诉 ${b.bookingNo}」。` : ''}`;
  }),
  bookingCommand(['爽约'], '爽约 YY… —— 预约的人没有来', PROVIDER_ROLES, async (ctx, no) => {
    const b = await markBooking(ctx, no, 'no_show');
    return `已记为未到场：预约 ${b.bookingNo}（${whenText(b.slot)}）。系统会告诉对方可以重新预约。`;
  }),
  bookingCommand(
    ['转支持起诉'],
    '转支持起诉 YY… 理由 —— （检察官）把面对面咨询转为支持起诉案件',
    ['procuratorate_liaison'],
    async (ctx, no, rest) => {
      const { c, created } = await referBooking(ctx, no, rest);
      const linked = c.legalAid?.linkedCaseId ? await ctx.core.cases.get(c.legalAid.linkedCaseId) : null;
      return `${created ? '已转为支持起诉案件' : '这个预约已经转过了，案件是'} ${c.caseNo}${linked ? `，关联欠薪案件 ${linked.caseNo}` : ''}。\n有结果后请回复「结果 ${c.caseNo} 已出具支持起诉意见书」等。`;
    },
  ),
);
