import { Router } from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { EvidenceStore } from '../core/cases/index.js';
import type { Case } from '../core/cases/index.js';
import {
  AMEND_FIELDS,
  acceptCase,
  amendCase,
  canView,
  chaseCase,
  decideReferral,
  declineCase,
  extendCase,
  listCases,
  TRANSFER_AGENCIES,
  agencyOf,
  noteCase,
  reassignCase,
  reassignOptions,
  recordReferralOutcome,
  referCase,
  supervisorBoard,
  replyToReporter,
  resolveCase,
  reviewClose,
} from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import { documentFile, documentsFor } from '../core/documents/index.js';
import { sendDocument } from './documents.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../core/infra/errors.js';
import { agendaOf, markBooking, referBooking } from '../core/legal-aid/index.js';
import { addDays } from '../core/legal-aid/index.js';
import type { Booking, BookingStore } from '../core/legal-aid/index.js';
import { approveByStaff, rejectByStaff, viewByStaff, waitingForReviewer } from '../core/membership/index.js';
import '../core/commands.js';
import type { StaffCommandContext } from '../core/staff/index.js';
import { isOnDuty, setDuty } from '../core/staff/index.js';
import { asStaff, inboxPosition, jsonBodies, limited, parseBody, type StaffState } from './http.js';
import { reviewerView, staffBookingView, staffCaseView } from './views.js';

export const Reason = z.object({ reason: z.string({ error: 'reason 必须是字符串' }).max(500, 'reason 不能超过500字') });
export const Note = z.object({ text: z.string({ error: 'text 必须是字符串' }).max(500, 'text 不能超过500字') });
/** Where an unrecovered case goes next; the agency follows from the unit's name when left out. Referring to the procuratorate is `refer`. */
export const NextStepBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('transfer'),
      agency: z.enum(TRANSFER_AGENCIES, { error: 'agency 必须是 labour_inspection（人社）、housing_construction（住建）或 other' }).optional(),
      unit: z.string({ error: 'unit（接收单位）必须是字符串' }),
      followUpOn: z.string({ error: 'followUpOn（跟进日期）必须是 YYYY-MM-DD' }),
    }),
    z.object({ kind: z.literal('arbitration') }),
    z.object({ kind: z.literal('court') }),
  ],
  { error: 'nextStep.kind 必须是 transfer（移交）、arbitration（仲裁）或 court（起诉）；转检察请用 refer' },
);
export const Resolve = z
  .object({
    recovered: z.number({ error: 'recovered 必须是数字' }).positive('recovered 必须大于0').max(10_000_000, 'recovered 不能超过1000万').optional(),
    reason: z.string({ error: 'reason 必须是字符串' }).min(1, 'reason 不能为空').max(500, 'reason 不能超过500字').optional(),
    /** All the claimed wages paid (else: recovered ≥ the amount reported). */
    full: z.boolean({ error: 'full 必须是 true 或 false' }).optional(),
    /** Required without money recovered: `{kind:'transfer', agency, unit, followUpOn}`, `{kind:'arbitration'}` or `{kind:'court'}`. */
    nextStep: NextStepBody.optional(),
    /** `recovered` was checked: without it a close above the amount reported, below a hundredth of it, or `full` below 90% of it is a 400 (field recovered) and nothing is recorded. */
    confirmed: z.boolean({ error: 'confirmed 必须是 true 或 false' }).optional(),
  })
  .refine((b) => (b.recovered === undefined) !== (b.reason === undefined), { message: '请给出 recovered（追回金额）或 reason（未追回原因）之一', path: ['recovered'] });
export const Outcome = z.object({ outcome: z.string({ error: 'outcome 必须是字符串' }).min(1, 'outcome 不能为空').max(500, 'outcome 不能超过500字') });
export const Extend = z.object({
  days: z.number({ error: 'days 必须是数字（工作日）' }).int('days 必须是整数').min(1, 'days 必须大于0'),
  reason: z.string({ error: 'reason 必须是字符串' }).max(500, 'reason 不能超过500字'),
});
/** 更正: one fact of the case as the reporter corrected it; the value is checked as the wage chat checks it (core/infra/amend.ts). */
export const Amend = z.strictObject({
  field: z.enum(AMEND_FIELDS, { error: 'field 必须是 amount（欠薪金额）、employer（用人单位）或 phone（联系电话）' }),
  value: z.union([z.number({ error: 'value 必须是数字或字符串' }), z.string({ error: 'value 必须是数字或字符串' }).max(200, 'value 不能超过200个字符')], { error: 'value 必须是数字或字符串' }),
});
export const Duty = z.object({ onDuty: z.boolean({ error: 'onDuty 必须是 true 或 false' }) });
export const Refer = z.object({ reason: z.string({ error: 'reason 必须是字符串' }).max(500, 'reason 不能超过500字').optional() });
export const Reassign = z.object({
  staffId: z.string({ error: 'staffId 必须是字符串' }).min(1, 'staffId 不能为空').max(64, 'staffId 不能超过64个字符'),
  reason: z.string({ error: 'reason 必须是字符串' }).max(500, 'reason 不能超过500字').optional(),
});
/**
 * Control characters (but line breaks and tabs) and invisible format
 * characters (bidi overrides, zero-width spaces; the joiner inside emoji
 * aside): they would hide or reorder what the holder reads in the notice.
 */
const HIDDEN_CHARS = /[\p{Cc}\p{Cf}]/u;
const hidden = (s: string) => HIDDEN_CHARS.test(s.replace(/[\n\r\t\u200D]/g, ''));
/** What a supervisor's 催办 says to the case's holder (the WeChat 【催办】 shows it as 留言). */
export const Chase = z.object({
  text: z
    .string({ error: 'text 必须是字符串' })
    .trim()
    .min(1, 'text 不能为空：请写上要转告负责人的话')
    .max(500, 'text 不能超过500字')
    .refine((t) => !hidden(t), 'text 里有看不见的控制字符，请删掉后再发'),
});
export const RejectBody = z.object({
  reason: z.string({ error: 'reason 必须是字符串' }).trim().min(1, 'reason 不能为空：驳回要写明原因').max(200, 'reason 不能超过200字'),
});
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SUPERVISORS: ReadonlySet<string> = new Set(['township_supervisor', 'district_supervisor']);

type StaffCtx = Context & { state: StaffState };

/**
 * `/api/v1/staff`: what staff do, through the same functions as the WeChat
 * commands (core/cases/work.ts, core/legal-aid/commands.ts,
 * core/membership/commands.ts), with the staff member taken from the token.
 * Deny by default: a case they may not see is 403, an unknown one 404.
 */
export function staffRoutes(core: Core, evidence: EvidenceStore, bookings: BookingStore): Router<StaffState> {
  const router = new Router<StaffState>({ prefix: STAFF_BASE });
  router.use(asStaff(core));
  return staffHandlers(router, core, evidence, bookings);
}

export const STAFF_BASE = '/api/v1/staff';

/**
 * The staff routes' handlers on `router`, whose own middleware has put the
 * acting staff member on `ctx.state.sc` (a staff token here; the console's
 * session cookie in api/console.ts): both answer by exactly this code.
 */
export function staffHandlers(router: Router<StaffState>, core: Core, evidence: EvidenceStore, bookings: BookingStore): Router<StaffState> {
  const base = router.opts.prefix ?? STAFF_BASE;
  router.use(limited(core, (ctx) => `read:staff:${(ctx.state as StaffState).sc.staff.staff.id}`, core.config.READ_RATE_PER_MINUTE, '请求太频繁了，请稍等一分钟再试。'), jsonBodies('64kb'));
  const no = (ctx: Context, param = 'caseNo') => String(ctx.params[param]).toUpperCase();

  /** Who is acting, and whether they are on duty. */
  router.get('/me', async (ctx) => {
    const { staff } = ctx.state.sc;
    const index = core.directory.index();
    ctx.body = {
      staff: {
        id: staff.staff.id,
        name: staff.staff.name,
        role: staff.staff.role,
        township: staff.townshipId ? index.townshipById.get(staff.townshipId)?.township.name ?? null : null,
        grid: staff.gridId ? index.gridById.get(staff.gridId)?.grid.name ?? null : null,
      },
      onDuty: await isOnDuty(ctx.state.sc),
    };
  });

  router.get('/inbox', async (ctx) => {
    ctx.body = await core.inbox.read(`staff:${ctx.state.sc.staff.staff.id}`, inboxPosition(ctx));
  });

  // --- cases -------------------------------------------------------------------
  const caseView = (c: Case, sc: StaffCommandContext) => staffCaseView(core, c, sc, base);
  async function visible(ctx: StaffCtx): Promise<Case> {
    const c = await core.cases.getByNo(no(ctx));
    if (!c) throw new NotFoundError('没有找到这个案件。');
    if (!canView(ctx.state.sc.staff, c)) throw new ForbiddenError(`案件 ${c.caseNo} 不是您负责的。`);
    return c;
  }

  router.get('/cases', async (ctx) => {
    ctx.body = { cases: (await listCases(ctx.state.sc)).map((c) => caseView(c, ctx.state.sc)) };
  });

  router.get('/cases/:caseNo', async (ctx) => {
    ctx.body = { case: caseView(await visible(ctx), ctx.state.sc) };
  });

  /** An evidence file, decrypted, for whoever may see the case. */
  router.get('/cases/:caseNo/evidence/:id', async (ctx) => {
    const c = await visible(ctx);
    const file = c.evidence.find((e) => e.id === ctx.params.id);
    if (!file) throw new NotFoundError('这个案件没有这份材料。');
    ctx.type = file.mediaType;
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = evidence.load(file.id);
  });

  // --- legal documents (core/documents), by the rules of evidence files; the phone only for who calls back ---
  router.get('/cases/:caseNo/documents', async (ctx) => {
    const c = await visible(ctx);
    const list = await documentsFor(core, c);
    ctx.body = { documents: list.map((d) => ({ ...d, url: `${base}/cases/${c.caseNo}/documents/${d.kind}` })) };
  });
  router.get('/cases/:caseNo/documents/:kind', async (ctx) => {
    const c = await visible(ctx);
    const me = ctx.state.sc.staff.staff.id;
    const file = await documentFile(core, c, String(ctx.params.kind), { phone: c.assignee?.staffId === me || c.referral?.liaisonId === me });
    if (!file) throw new NotFoundError('这个案件没有这份文书。');
    sendDocument(ctx, file);
  });

  const act = (path: string, run: (sc: StaffCommandContext, caseNo: string, ctx: StaffCtx) => Promise<Case>) =>
    router.post(`/cases/:caseNo/${path}`, async (ctx) => {
      ctx.body = { case: caseView(await run(ctx.state.sc, no(ctx), ctx), ctx.state.sc) };
    });
  act('accept', (sc, n) => acceptCase(sc, n));
  act('decline', (sc, n, ctx) => declineCase(sc, n, parseBody(ctx, Reason).reason));
  act('note', (sc, n, ctx) => noteCase(sc, n, parseBody(ctx, Note).text));
  act('reply', (sc, n, ctx) => replyToReporter(sc, n, parseBody(ctx, Note).text));
  act('resolve', (sc, n, ctx) => {
    const b = parseBody(ctx, Resolve);
    const step = b.nextStep?.kind === 'transfer' ? { ...b.nextStep, agency: b.nextStep.agency ?? agencyOf(b.nextStep.unit) } : (b.nextStep ?? null);
    return resolveCase(sc, n, { recovered: b.recovered ?? null, reason: b.reason ?? null, full: b.full, nextStep: step, confirmed: b.confirmed });
  });
  // 更正: the assignee or a supervisor of the place corrects the amount, the employer or the reporter's phone.
  act('amend', async (sc, n, ctx) => {
    const b = parseBody(ctx, Amend);
    return (await amendCase(sc, n, b.field, b.value)).c;
  });
  act('extend', (sc, n, ctx) => {
    const b = parseBody(ctx, Extend);
    return extendCase(sc, n, b.days, b.reason);
  });
  // A group or construction close waiting for this supervisor: 同意 / 退回 (with the reason).
  act('close/approve', (sc, n) => reviewClose(sc, n, true));
  act('close/reject', (sc, n, ctx) => reviewClose(sc, n, false, parseBody(ctx, Reason).reason));
  act('refer', (sc, n, ctx) => referCase(sc, n, parseBody(ctx, Reason).reason));
  act('referral/accept', (sc, n) => decideReferral(sc, n, true));
  act('referral/decline', (sc, n, ctx) => decideReferral(sc, n, false, parseBody(ctx, Reason).reason));
  act('referral/outcome', (sc, n, ctx) => recordReferralOutcome(sc, n, parseBody(ctx, Outcome).outcome));
  // A supervisor of the case's township or district hands it to someone routing could pick.
  act('reassign', (sc, n, ctx) => {
    const b = parseBody(ctx, Reassign);
    return reassignCase(sc, n, b.staffId, b.reason ?? '');
  });
  // A supervisor chases the holder (催办): the same function, once-an-hour limit and 【催办】 notice as in WeChat.
  act('chase', async (sc, n, ctx) => {
    // Deny by default: who may not chase is told so before anything about the body or the case.
    if (!SUPERVISORS.has(sc.staff.staff.role)) throw new ForbiddenError('只有镇（街道）或区工会的负责人可以催办案件。');
    return (await chaseCase(sc, n, parseBody(ctx, Chase).text)).c;
  });
  /** Whom a supervisor may reassign the case to (routing's candidates, with their open cases). */
  router.get('/cases/:caseNo/reassign-options', async (ctx) => {
    const c = await visible(ctx);
    const role = ctx.state.sc.staff.staff.role;
    if (role !== 'township_supervisor' && role !== 'district_supervisor') throw new ForbiddenError('只有镇（街道）或区工会的负责人可以改派案件。');
    ctx.body = { options: await reassignOptions(core, c) };
  });

  /** A supervisor's board: unassigned, lapsing within two hours, lapsed or escalated, closes to approve, linked groups. */
  router.get('/board', async (ctx) => {
    const b = await supervisorBoard(ctx.state.sc);
    const view = (list: Case[]) => list.map((c) => caseView(c, ctx.state.sc));
    ctx.body = { unassigned: view(b.unassigned), lapsing: view(b.lapsing), lapsed: view(b.lapsed), closing: view(b.closing), groups: b.groups };
  });

  router.post('/duty', async (ctx) => {
    const { sc } = ctx.state;
    await setDuty(core, sc.staff.staff.id, parseBody(ctx, Duty).onDuty);
    ctx.body = { onDuty: await isOnDuty(sc) };
  });

  // --- legal-aid bookings (lawyers and procurators) -------------------------------------
  const bookingView = (b: Booking) => staffBookingView(core, bookings, b);

  router.get('/bookings', async (ctx) => {
    const day = ctx.query.day === undefined ? undefined : String(ctx.query.day);
    // A real calendar day: 2026-13-45 would reach Redis as NaN scores (500), 2026-02-31 would quietly mean 3 March.
    if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || addDays(day, 0) !== day)) {
      throw new ValidationError('day', '日期格式是 YYYY-MM-DD，例如 2026-11-24');
    }
    ctx.body = { bookings: await Promise.all((await agendaOf(ctx.state.sc, day)).map(bookingView)) };
  });

  router.post('/bookings/:no/done', async (ctx) => {
    ctx.body = { booking: await bookingView(await markBooking(ctx.state.sc, no(ctx, 'no'), 'done')) };
  });
  router.post('/bookings/:no/no-show', async (ctx) => {
    ctx.body = { booking: await bookingView(await markBooking(ctx.state.sc, no(ctx, 'no'), 'no_show')) };
  });
  router.post('/bookings/:no/refer', async (ctx) => {
    if (ctx.state.sc.staff.staff.role !== 'procuratorate_liaison') throw new ForbiddenError('只有检察官可以转支持起诉。');
    const { reason } = parseBody(ctx, Refer);
    const { booking, c, created } = await referBooking(ctx.state.sc, no(ctx, 'no'), reason ?? '');
    ctx.status = created ? 201 : 200;
    ctx.body = { booking: await bookingView(booking), case: { caseNo: c.caseNo, kind: c.kind, status: c.status } };
  });

  // --- membership review (union administrators) ----------------------------------------
  const memberView = (ctx: StaffCtx, m: Parameters<typeof reviewerView>[1]) => reviewerView(core, m, ctx.state.sc.staff.staff.id);

  router.get('/memberships', async (ctx) => {
    ctx.body = { memberships: (await waitingForReviewer(ctx.state.sc)).map((m) => memberView(ctx, m)) };
  });
  router.get('/memberships/:no', async (ctx) => {
    ctx.body = { membership: memberView(ctx, await viewByStaff(ctx.state.sc, no(ctx, 'no'))) };
  });
  router.post('/memberships/:no/approve', async (ctx) => {
    ctx.body = { membership: memberView(ctx, await approveByStaff(ctx.state.sc, no(ctx, 'no'))) };
  });
  router.post('/memberships/:no/reject', async (ctx) => {
    const { reason } = parseBody(ctx, RejectBody);
    ctx.body = { membership: memberView(ctx, await rejectByStaff(ctx.state.sc, no(ctx, 'no'), reason)) };
  });
  return router;
}
