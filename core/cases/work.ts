import type { Case } from './record.js';
import { assertMove, moved, noted, statusName } from './state.js';
import type { Core } from '../context.js';
import type { StaffEntry } from '../directory/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../infra/errors.js';
import { DECLINED_STEP, reassignedStep, reporterForgotten, staffCaseText } from './texts.js';
import { lookupHash, seal, unseal } from '../infra/privacy.js';
import { AMEND_FIELDS, AMEND_FIELD_NAMES, amendAmount, amendEmployer, amendPhone, amendShown, type AmendField } from '../infra/amend.js';
import { candidateTiers, releaseAssignment, routeCase, teamOf } from './routing.js';
import { MAX_EXTENSION_WORKING_DAYS, referralDeadline, resolveDeadline } from './deadlines.js';
import { chinaDay, chinaInstant, shortTime } from '../infra/time.js';
import { addWorkingDays, nextWorkingMorning, type Calendar } from '../infra/calendar.js';
import { dutyOverrides, type StaffCommandContext } from '../staff/index.js';
import { cancelAccept, cancelOps, cancelResolve, closeRequestJobs, closedJobs, dueOps, referralJobs, reporterJob, resolveJobs, staffJob, type DueJob } from './due.js';
import { workingTimeOf } from './hours.js';
import { wakeOutbox } from '../infra/outbox.js';
import { notify, route } from './queue.js';
import { yuan } from '../infra/money.js';
import type { CloseOutcome, NextStep } from './record.js';
import { allBackWithNoFigure, closeApprover, exceedsClaim, farBelowClaim, fullWellBelowClaim, needsApproval, parseClose, settleClose, unreadAmount } from './closing.js';
import { leadingAmount } from '../infra/money.js';
import { CHASE_NOTE, chaseLimitLine, chaseNoteAt, claimedAmount, closeSummary, nextStepShort, REFERRAL_PROGRESS } from './texts.js';
import { askForReceipt } from './feedback.js';
import { maskIdNumbers, maskMobiles, maskPersonalNumbers, safetyContacts } from './notes.js';

/**
 * What staff do with cases: the one code path behind the WeChat commands
 * (`接单 QX…`) and the staff API. Each function checks who may act, checks the
 * move is allowed (core/cases/state.ts), changes the case atomically, moves
 * the time limits and tells the reporter. Refusals are AppErrors with a
 * Chinese message (404 unknown, 403 not yours, 409 wrong state, 400 bad input).
 */

const MAX_TEXT = 500;

async function load(ctx: StaffCommandContext, caseNo: string | null): Promise<Case> {
  if (!caseNo) throw new ValidationError('caseNo', '请写上案件编号，例如 QX20261121-0001');
  const c = await ctx.core.cases.getByNo(caseNo);
  if (!c) throw new NotFoundError(`没有找到案件 ${caseNo}，请核对编号。`);
  if (!canView(ctx.staff, c)) throw new ForbiddenError(await notYoursText(ctx, c));
  return c;
}

/**
 * Why someone may not see a case: one they let lapse, gave back or had
 * taken from them says so (from the case's audit, read only here), rather
 * than 不是您负责的.
 */
async function notYoursText(ctx: StaffCommandContext, c: Case): Promise<string> {
  const me = ctx.staff.staff.id;
  const plain = `案件 ${c.caseNo} 不是您负责的，不能查看或办理。`;
  if (!c.lapsed.includes(me)) return plain;
  const audit = await ctx.core.cases.audit(c.id);
  const at = audit.findLastIndex((a) => (a.action === 'lapsed' || a.action === 'declined') && a.detail === me);
  if (at < 0) return plain;
  if (audit[at]!.action === 'lapsed') {
    const to = !c.assignee ? '正在改派给其他工作人员' : ctx.core.directory.index().staffById.get(c.assignee.staffId)?.staff.role === 'grid_worker' ? '已改派给其他工格员' : '已改派给其他工作人员';
    return `案件 ${c.caseNo} 已超过接单期限，${to}，您不用再处理。`;
  }
  // A supervisor's 改派 releases the case as declined, then records who took it.
  const bySupervisor = audit.slice(at + 1, at + 4).some((a) => a.action === 'reassigned-by-supervisor');
  return bySupervisor ? `案件 ${c.caseNo} 已由工会改派给其他工作人员，您不用再处理。` : `案件 ${c.caseNo} 您已退回，现在由其他工作人员办理。`;
}

/** Deny by default: the assignee, the supervisors over the place, the liaison of a referral. */
export function canView(staff: StaffEntry, c: Case): boolean {
  const role = staff.staff.role;
  if (c.assignee?.staffId === staff.staff.id) return true;
  if (role === 'township_supervisor') return !!staff.townshipId && c.location.townshipId === staff.townshipId;
  if (role === 'district_supervisor') return c.location.districtId === staff.districtId;
  if (role === 'procuratorate_liaison') return c.referral?.liaisonId === staff.staff.id;
  return false;
}

/** A case the acting staff member holds (404 unknown, 403 someone else's). */
async function loadMine(ctx: StaffCommandContext, caseNo: string | null): Promise<Case> {
  const c = await load(ctx, caseNo);
  mustBeAssignee(ctx, c);
  return c;
}

function mustBeAssignee(ctx: StaffCommandContext, c: Case) {
  if (c.assignee?.staffId !== ctx.staff.staff.id) throw new ForbiddenError(`案件 ${c.caseNo} 没有分派给您，不能办理。`);
}

function text(value: string, field: string, what: string): string {
  const v = value.trim();
  if (!v) throw new ValidationError(field, `请写上${what}`);
  if ([...v].length > MAX_TEXT) throw new ValidationError(field, `${what}太长了，请控制在${MAX_TEXT}字以内`);
  return v;
}


/**
 * Staff notes (备注) as a staff member reads them, with who wrote each: ID
 * numbers never whole (stored masked since; older notes masked here),
 * mobile numbers whole only for `full` (whoever calls: the assignee, a
 * referral's liaison). The staff API shows the same (api/views.ts).
 */
export function staffNotesView(core: Core, c: Case, full: boolean): { at: string; staffId: string; by: string | null; text: string }[] {
  const index = core.directory.index();
  return c.notes.map((n) => {
    const text = maskIdNumbers(n.text);
    return { at: n.at, staffId: n.staffId, by: index.staffById.get(n.staffId)?.staff.name ?? null, text: full ? text : maskMobiles(text) };
  });
}

/**
 * Whether `staff` is one of those asked to call about a safety or threat
 * alert on a case nobody holds: the case is waiting for an assignee, an
 * alert came since anyone last held it, and they are among the
 * supervisors on duty it pages (notes.ts `safetyContacts`). Only then does
 * their 详情 show the numbers whole.
 */
export async function pagedToCall(core: Core, staff: StaffEntry, c: Case): Promise<boolean> {
  if (c.assignee || c.status !== 'submitted' || staff.staff.role === 'grid_worker') return false;
  const held = c.history.findLastIndex((h) => h.status !== 'submitted');
  if (!c.reporterNotes.some((n) => (n.kind === 'safety' || n.kind === 'threat') && n.hist > held)) return false;
  return (await safetyContacts(core, c)).includes(staff.staff.id);
}

/**
 * The case as a staff member may see it: the full phone only for the
 * assignee and a referral's liaison, and for a supervisor paged to call
 * about a safety alert while nobody holds the case (`calls`, `pagedToCall`).
 */
export function detailText(core: Core, staff: StaffEntry, c: Case, calls = false): string {
  const phone = c.reporter.phoneSealed ? unseal(core.config.DATA_KEY, c.reporter.phoneSealed) : null;
  const full = c.assignee?.staffId === staff.staff.id || c.referral?.liaisonId === staff.staff.id;
  const lines = [staffCaseText(core.directory.index(), c, { phone, isAssignee: full, phoneWhole: calls }), `状态：${statusName(c.status)}`];
  const late = (iso: string) => (Date.parse(iso) <= core.clock.now().getTime() ? '（已超期）' : '');
  if (c.acceptBy && c.status === 'assigned') lines.push(`接单期限：${shortTime(c.acceptBy)}${late(c.acceptBy)}`);
  if (c.resolveBy && c.status === 'accepted') lines.push(`办结期限：${shortTime(c.resolveBy)}${late(c.resolveBy)}`);
  if (c.referral) lines.push(`转检察：${c.referral.reason}（${{ pending: '待检察院决定', accepted: '检察院已受理', declined: `检察院不予支持：${c.referral.declineReason ?? ''}`, done: `结果：${c.referral.outcome ?? ''}` }[c.referral.status]}）`);
  if (c.status === 'assigned' && c.acceptFrom && c.assignee && Date.parse(c.acceptFrom) > Date.parse(c.assignee.assignedAt)) lines.push(`（非工作时间分派，接单时限从${shortTime(c.acceptFrom)}起算）`);
  for (const e of c.extensions) lines.push(`延期（${shortTime(e.at)}）：${e.days}个工作日，到${shortTime(e.to)}，原因：${e.reason}`);
  if (c.status === 'closing' && c.closeRequest) {
    const approver = core.directory.index().staffById.get(c.closeRequest.approverId)?.staff.name ?? '';
    lines.push(`办结申请：${closeSummary(c.closeRequest, c)}（等${approver}审批）`);
  }
  const returned = c.closeReviews.at(-1);
  if (returned && !returned.approved && c.status === 'accepted') lines.push(`办结被退回：${returned.reason ?? ''}`);
  if (c.outcome && (c.status === 'resolved' || c.status === 'closed')) lines.push(`办理结果：${closeSummary(c.outcome, c)}`);
  if (c.receipt) lines.push(`到账确认：${c.receipt.answer === 'received' ? '报告人已确认收到' : c.receipt.answer === 'not_received' ? (c.receipt.part ? `报告人说只收到${yuan(c.receipt.part.received)}（追回${yuan(c.receipt.part.recovered)}）` : '报告人说没收到') : '等报告人确认'}`);
  for (const n of staffNotesView(core, c, full).slice(-3)) lines.push(`备注（${shortTime(n.at)}${n.by ? `，${n.by}` : ''}）：${n.text}`);
  // Numbers the reporter's notes held (masked in their text above): whole for the one who calls back.
  // A complaint about the staff is the supervisors' (api/views.ts): not shown to the one who holds the case.
  const notePhones = full || calls ? [...new Set(c.reporterNotes.filter((n) => n.kind !== 'complaint').slice(-3).flatMap((n) => n.phonesSealed.map((p) => unseal(core.config.DATA_KEY, p))))] : [];
  if (notePhones.length > 0) lines.push(`当事人留言里的电话：${notePhones.join('、')}`);
  if (c.deliveryFailures.length > 0) lines.push(`⚠ 有${c.deliveryFailures.length}条通知未能送达`);
  return lines.join('\n');
}


export async function listCases(ctx: StaffCommandContext): Promise<Case[]> {
  const { core, staff } = ctx;
  if (staff.staff.role === 'grid_worker') {
    return (await core.cases.listByStaff(staff.staff.id)).filter((c) => c.assignee?.staffId === staff.staff.id);
  }
  // Supervisors: the cases not yet closed of their township or district; liaisons: their referrals (indexes kept with each write).
  const role = staff.staff.role;
  const list =
    role === 'township_supervisor' && staff.townshipId ? await core.cases.openIn({ townshipId: staff.townshipId })
    : role === 'district_supervisor' ? await core.cases.openIn({ districtId: staff.districtId })
    : role === 'procuratorate_liaison' ? await core.cases.referredTo(staff.staff.id)
    : [];
  return list.filter((c) => canView(staff, c));
}

export async function showCase(ctx: StaffCommandContext, caseNo: string | null): Promise<string> {
  const c = await load(ctx, caseNo);
  return detailText(ctx.core, ctx.staff, c, await pagedToCall(ctx.core, ctx.staff, c));
}

export async function acceptCase(ctx: StaffCommandContext, caseNo: string | null): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await loadMine(ctx, caseNo);
  // Only a case waiting for acceptance (resolved → accepted is 没收到 reopening it, not 接单).
  // resolved → accepted is 没收到 reopening the case, never 接单.
  if (c0.status === 'resolved') throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 现在是「${statusName(c0.status)}」，不能接单。`);
  assertMove(c0, 'accepted', '接单');
  const me = ctx.staff.staff;
  const resolveBy = resolveDeadline(core.config, core.directory.index().calendar, now);
  const c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
    // Re-checked on the fresh record: two people accepting at once → exactly one wins.
    if (cur.assignee?.staffId !== me.id || cur.status !== 'assigned') {
      throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 已经不是待接单状态。`);
    }
    const record: Case = {
      // After 删除我的信息 staff have no phone to call: news comes in the chat.
      ...moved(cur, 'accepted', `${teamOf(core.directory.index(), cur.assignee!.level, me.id)}已接单，${reporterForgotten(cur) ? '正在办理，有消息会在这里告诉您' : '工作人员会尽快联系您'}`, now, '接单'),
      acceptedAt: now.toISOString(),
      resolveBy: resolveBy.toISOString(),
    };
    // The resolve limit's timers set and the accept limit's cancelled, with the record.
    return { record, action: 'accepted', detail: me.id, ops: [...cancelAccept(core, cur), ...dueOps(core, [...resolveJobs(record, now, workingTimeOf(core.directory.index())), reporterJob(record, 'reporter-update', now)])] };
  }, c0);
  // The reporter's notice was written with the record (the cases' outbox): this process's loop looks now.
  wakeOutbox(core);
  return c;
}

export async function declineCase(ctx: StaffCommandContext, caseNo: string | null, reason: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await loadMine(ctx, caseNo);
  const why = text(reason, 'reason', '退回的原因');
  // Only a case waiting for acceptance or being worked can be declined (resolved → submitted is a reopening, not a 退回).
  if (c0.status !== 'assigned' && c0.status !== 'accepted') {
    throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 现在是「${statusName(c0.status)}」，不能退回。`);
  }
  assertMove(c0, 'submitted', '退回');
  // From the status seen here only: a decline racing an accept must not undo it (exactly one wins).
  const c = await releaseAssignment(core, c0.id, ctx.staff.staff.id, 'declined', DECLINED_STEP, undefined, c0.status);
  if (!c) {
    const cur = await core.cases.get(c0.id);
    const stillMine = cur?.assignee?.staffId === ctx.staff.staff.id;
    throw new ConflictError('invalid_transition', stillMine ? `案件 ${c0.caseNo} 状态已变化，请重新查看。` : `案件 ${c0.caseNo} 已经不在您手上。`);
  }
  await core.cases.update(c.id, `staff:${ctx.staff.staff.id}`, (cur) => ({
    record: { ...cur, notes: [...cur.notes, { at: now.toISOString(), staffId: ctx.staff.staff.id, text: `退回：${maskIdNumbers(why)}` }] },
    action: 'note',
    detail: 'decline reason',
  }));
  await route(core, c.id);
  // The reporter's notice was written with the release (routing.ts `releaseAssignment`).
  wakeOutbox(core);
  return (await core.cases.get(c.id))!;
}

export async function noteCase(ctx: StaffCommandContext, caseNo: string | null, note: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await load(ctx, caseNo);
  // An ID number is kept masked (no staff view ever shows one); phones whole, masked in the views of those who do not call.
  const t = maskIdNumbers(text(note, 'text', '备注内容'));
  return core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => ({
    record: { ...cur, notes: [...cur.notes, { at: now.toISOString(), staffId: ctx.staff.staff.id, text: t }] },
    action: 'note',
    detail: `${[...t].length} chars`,
  }));
}

/**
 * Writes to the reporter in the chat they used (e.g. answering a 人工
 * request, which carries no phone number). Only the assignee may.
 */
export async function replyToReporter(ctx: StaffCommandContext, caseNo: string | null, message: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await loadMine(ctx, caseNo);
  const t = text(message, 'text', '回复内容');
  if (c0.status === 'closed') throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 已结案，不能再回复。`);
  if (!c0.reporter.userKey) throw new ConflictError('no_reporter', '报告人已删除个人信息，无法回复。');
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    // In the reporter's 进度 too, with the other steps.
    const record: Case = { ...noted(cur, `工作人员回复：${t}`, now), replies: [...cur.replies, { at: now.toISOString(), staffId: ctx.staff.staff.id, text: t }] };
    return { record, action: 'replied', detail: `${[...t].length} chars`, ops: dueOps(core, [reporterJob(record, 'reporter-message', now, record.replies.length - 1)]) };
  });
  wakeOutbox(core);
  return c;
}

/** `追回 28500`, `追回 28500 全额`, or `未追回 原因 下一步 …` (closing.ts). */
export function parseOutcome(args: string, today: string): { recovered: number | null; reason: string | null; full: boolean; nextStep: NextStep | null } {
  return parseClose(args, today);
}

/** What `办结` asks for: money recovered, or why not and the next step. */
export interface CloseInput {
  recovered: number | null;
  reason: string | null;
  /** All the claimed money paid (else: recovered ≥ the amount reported). */
  full?: boolean;
  nextStep?: NextStep | null;
  /** `还欠 25500`: said still owed; the close is then never full (closing.ts settleClose). */
  owed?: number | null;
  /** `撤回`, `和解`: the reporter withdrew or settled themselves (closing.ts). */
  end?: CloseOutcome['end'];
  /** An amount above the claim checked by the official (`追回 60000 确认`; the API's `confirmed`). */
  confirmed?: boolean;
}

/**
 * 办结. A wage case without money recovered needs its next step. Group and
 * construction cases wait for the supervisor's approval (status `closing`);
 * others are resolved at once. The procuratorate's result closes directly.
 */
export async function resolveCase(ctx: StaffCommandContext, caseNo: string | null, outcome: CloseInput): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await load(ctx, caseNo);
  const me = ctx.staff.staff;
  // The liaison resolves only through recordReferralOutcome (referral accepted, then its outcome recorded).
  const liaisonResult = c0.status === 'referred' && c0.referral?.liaisonId === me.id && c0.referral.status === 'done';
  if (!liaisonResult) mustBeAssignee(ctx, c0);
  // While the procuratorate reviews, the result is theirs to record (结果 QX…).
  if (!liaisonResult && c0.status === 'referred') {
    throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 正在检察机关审查，请等检察联络员答复后再办结。`);
  }
  if (c0.status === 'closing') throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 的办结正在等审批，不用再办结。`);
  assertMove(c0, 'resolved', '办结');
  if (!outcome.confirmed && exceedsClaim(c0, outcome.recovered)) {
    throw new ValidationError('recovered', `追回${yuan(outcome.recovered!)}比报告人反映的${claimedAmount(c0.wage!)}还多，还没有记录。核实无误的话，请确认后再提交（控制台勾选「金额已核实」，接口加 "confirmed": true）。`);
  }
  // The same check WeChat's 办结 asks back (commands.ts): a liaison's result is checked where it is read (结果).
  if (!outcome.confirmed && !liaisonResult && farBelowClaim(c0, outcome.recovered)) {
    throw new ValidationError('recovered', `追回${yuan(outcome.recovered!)}比报告人反映的${claimedAmount(c0.wage!)}少很多，是不是少写了单位？还没有记录。核实无误的话，请确认后再提交（控制台勾选「金额已核实」，接口加 "confirmed": true）。`);
  }
  // 全额 well below the claim (`追回 3000 全部` on 28,500元): asked back as WeChat's 办结 asks it (commands.ts fullBelowClaim).
  if (!outcome.confirmed && !liaisonResult && outcome.full && fullWellBelowClaim(c0, outcome.recovered)) {
    throw new ValidationError(
      'recovered',
      `追回${yuan(outcome.recovered!)}记为全部追回，但报告人反映欠${claimedAmount(c0.wage!)}，还没有记录。还有没追回的，请不要选「欠薪已全部付清」；确实已全部付清的，请确认后再提交（控制台勾选「金额已核实」，接口加 "confirmed": true）。`,
    );
  }
  const o = onWorkingDay(settleClose(c0, outcome, chinaDay(now)), core.directory.index().calendar);
  const approver = liaisonResult || !needsApproval(c0) ? null : closeApprover(core.directory.index(), c0, me.id);
  if (approver) return requestClose(ctx, c0, o, approver);
  return finishClose(core, c0.id, `staff:${me.id}`, me.id, o, c0.status, (cur) => cur);
}

/** A follow-up day that falls on a weekend or holiday moves to the next working day. */
function onWorkingDay(o: CloseOutcome, cal: Calendar): CloseOutcome {
  if (o.nextStep?.kind !== 'transfer' || cal.isWorkingDay(o.nextStep.followUpOn)) return o;
  const day = chinaDay(addWorkingDays(cal, chinaInstant(o.nextStep.followUpOn, '09:00'), 1));
  return { ...o, nextStep: { ...o.nextStep, followUpOn: day } };
}

/** A group or construction case: the close waits for `approverId`, who is sent 同意 / 退回. */
async function requestClose(ctx: StaffCommandContext, c0: Case, o: CloseOutcome, approverId: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const me = ctx.staff.staff;
  const union = c0.location.townshipId ? core.directory.index().townshipById.get(c0.location.townshipId)?.township.union.name : undefined;
  const approverEntry = core.directory.index().staffById.get(approverId);
  const by = approverEntry?.townshipId ? (union ?? '镇（街道）工会') : '区总工会';
  // Not decided within a working day: the approver is chased and the district union may decide.
  const chaseAt = addWorkingDays(core.directory.index().calendar, now, core.config.ACCEPT_WORKING_DAYS);
  const c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
    if (cur.status !== 'accepted' || cur.assignee?.staffId !== me.id) throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 状态已变化，请重新查看。`);
    const record: Case = {
      ...moved(cur, 'closing', `办理结果已报${by}审核，审核后告诉您`, now, '办结'),
      closeRequest: { at: now.toISOString(), by: me.id, approverId, ...o },
    };
    return {
      record,
      action: 'close-requested',
      detail: `${approverId} ${o.end ? o.end.kind : o.recovered !== null ? `recovered ${o.recovered}` : 'not recovered'}`,
      ops: dueOps(core, [...closeRequestJobs(record, chaseAt), reporterJob(record, 'reporter-update', now)]),
    };
  });
  wakeOutbox(core);
  return c;
}

/**
 * The close itself (办结, or the supervisor's 同意): resolved with its
 * outcome, the assignee's capacity freed, the resolve limit's jobs removed,
 * the reporter told the result and the next step. Money recovered: the
 * reporter is asked whether it arrived (收到了 / 没收到); the satisfaction
 * question comes the next working morning. A transfer gets its follow-up day.
 */
async function finishClose(
  core: StaffCommandContext['core'],
  caseId: string,
  actor: string,
  closerId: string,
  o: CloseOutcome,
  from: Case['status'],
  extra: (cur: Case) => Case,
  note?: string,
  /** Notices the close brings besides the reporter's (a review's, for whoever closed it). */
  moreJobs: (record: Case) => DueJob[] = () => [],
): Promise<Case> {
  const now = core.clock.now();
  const cal = core.directory.index().calendar;
  // The reporter is asked how it went the next working morning (after saying the money arrived, when there was money).
  const askAt = nextWorkingMorning(cal, now);
  const followUpAt = o.nextStep?.kind === 'transfer' ? chinaInstant(o.nextStep.followUpOn, '09:00') : null;
  const c = await core.cases.update(caseId, actor, (cur) => {
    if (cur.status !== from) throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 状态已变化，请重新查看。`);
    const line = note ?? (o.end ? (o.end.kind === 'withdrawn' ? '已按您的意思撤回，不再办理' : '您已和老板自己谈妥，案件已办结') : o.recovered !== null ? `已办结，追回工资${yuan(o.recovered)}` : o.nextStep?.kind === 'procuratorate' ? `已办结：检察机关${o.nextStep.outcome}` : `已办结，未能追回：${o.reason ?? ''}`);
    const step = o.nextStep && o.nextStep.kind !== 'procuratorate' && o.recovered === null ? `；下一步：${nextStepShort(o.nextStep)}` : '';
    const record: Case = {
      ...moved(extra(cur), 'resolved', `${line}${step}`, now, '办结'),
      outcome: { at: now.toISOString(), by: closerId, ...o },
      receipt: o.recovered !== null ? { askedAt: now.toISOString(), answer: null, answeredAt: null } : null,
    };
    return {
      record,
      action: 'resolved',
      detail: o.end ? `${o.end.kind}${o.end.amount !== null ? ` ${o.end.amount}` : ''}` : o.recovered !== null ? `recovered ${o.recovered}${o.full ? ' (full)' : ''}` : `not recovered; next ${o.nextStep?.kind ?? 'none'}`,
      ops: [
        // The case leaves the assignee's hands for good: their capacity is free again, in the same step.
        ...(cur.assignee ? [{ op: 'hincrby' as const, key: core.cases.keys.load(), field: cur.assignee.staffId, by: -1 }] : []),
        // The resolve limit ends; the satisfaction question and a transfer's follow-up are set.
        ...cancelResolve(core, cur),
        ...dueOps(core, [...closedJobs(record, askAt, followUpAt), reporterJob(record, 'reporter-resolved', now), ...moreJobs(record)]),
      ],
    };
  });
  if (o.recovered !== null) await askForReceipt(core, c);
  wakeOutbox(core);
  return c;
}

/** The supervisor's word on a close waiting for approval: 同意 resolves it; 退回 (with the reason) gives it back to the assignee, the waiting time added back to the limit. */
export async function reviewClose(ctx: StaffCommandContext, caseNo: string | null, approve: boolean, reason = ''): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await load(ctx, caseNo);
  const me = ctx.staff.staff;
  const req = c0.closeRequest;
  if (c0.status !== 'closing' || !req) throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 现在是「${statusName(c0.status)}」，没有待审批的办结。`);
  const mayDecide = req.approverId === me.id || (me.role === 'district_supervisor' && c0.location.districtId === ctx.staff.districtId);
  if (!mayDecide || req.by === me.id) throw new ForbiddenError(`案件 ${c0.caseNo} 的办结不是由您审批。`);
  const why = approve ? null : text(reason, 'reason', '退回的原因');
  const review = { at: now.toISOString(), by: me.id, approved: approve, reason: why };
  let c: Case;
  if (approve) {
    const { at: _at, by: closer, approverId: _a, ...o } = req;
    const reviewed = (r: Case) => [staffJob(r, 'staff-close-reviewed', closer, now, r.closeReviews.length - 1)];
    c = await finishClose(core, c0.id, `staff:${me.id}`, closer, o, 'closing', (cur) => ({ ...cur, closeRequest: null, closeReviews: [...cur.closeReviews, review] }), undefined, reviewed);
  } else {
    const waited = now.getTime() - Date.parse(req.at);
    c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
      if (cur.status !== 'closing') throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 的办结已经处理过了，请重新查看。`);
      const resolveBy = cur.resolveBy ? new Date(Date.parse(cur.resolveBy) + waited).toISOString() : cur.resolveBy;
      const record: Case = {
        ...moved(cur, 'accepted', '工会审核后，要求继续办理', now, '退回'),
        closeRequest: null,
        closeReviews: [...cur.closeReviews, review],
        resolveBy,
        deadlineRound: cur.deadlineRound + 1,
      };
      const told = [reporterJob(record, 'reporter-update', now), staffJob(record, 'staff-close-reviewed', req.by, now, record.closeReviews.length - 1)];
      return { record, action: 'close-returned', detail: me.id, ops: [...cancelResolve(core, cur), ...dueOps(core, [...resolveJobs(record, now, workingTimeOf(core.directory.index())), ...told])] };
    });
  }
  // Both ways, the notices (the closer's, the reporter's) were written with the record.
  wakeOutbox(core);
  return c;
}

/** 延期 QX… 天数 原因: the assignee moves the resolve limit by working days, before it passes, within the cap; the supervisor and the reporter are told. */
export async function extendCase(ctx: StaffCommandContext, caseNo: string | null, days: number, reason: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await loadMine(ctx, caseNo);
  if (!Number.isInteger(days) || days < 1) throw new ValidationError('days', '延期天数要是大于0的整数（工作日），例如「延期 QX… 5 等住建部门核实」');
  // Told to the reporter and the supervisor: an ID number in it is kept masked.
  const why = maskIdNumbers(text(reason, 'reason', '延期的原因'));
  if (c0.status !== 'accepted' || !c0.resolveBy) throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 现在是「${statusName(c0.status)}」，不能延期。`);
  if (Date.parse(c0.resolveBy) <= now.getTime()) {
    throw new ConflictError('deadline_passed', `案件 ${c0.caseNo} 的办结期限（${shortTime(c0.resolveBy)}）已经过了，不能再延期，请尽快办结或向工会说明情况。`);
  }
  const used = c0.extensions.reduce((n, e) => n + e.days, 0);
  if (used + days > MAX_EXTENSION_WORKING_DAYS) {
    const left = MAX_EXTENSION_WORKING_DAYS - used;
    throw new ValidationError('days', left > 0 ? `一件案件最多延期${MAX_EXTENSION_WORKING_DAYS}个工作日，这件还能延${left}个工作日。` : `这件案件已经延期${used}个工作日，到上限了，不能再延。`);
  }
  const cal = core.directory.index().calendar;
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    if (cur.status !== 'accepted' || cur.assignee?.staffId !== ctx.staff.staff.id || !cur.resolveBy) throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 状态已变化，请重新查看。`);
    const to = addWorkingDays(cal, new Date(cur.resolveBy), days).toISOString();
    const record: Case = {
      ...noted(cur, `办理期限延长${days}个工作日，到${shortTime(to)}：${why}`, now),
      resolveBy: to,
      extensions: [...cur.extensions, { at: now.toISOString(), by: ctx.staff.staff.id, days, reason: why, from: cur.resolveBy, to }],
      deadlineRound: cur.deadlineRound + 1,
    };
    const seq = record.extensions.length - 1;
    const told = [reporterJob(record, 'reporter-extended', now, seq), ...supervisorsFor(core, record, ctx.staff.staff.id).map((sup) => staffJob(record, 'staff-extension', sup, now, seq))];
    return { record, action: 'extended', detail: `${days} working days`, ops: [...cancelResolve(core, cur), ...dueOps(core, [...resolveJobs(record, now, workingTimeOf(core.directory.index())), ...told])] };
  });
  wakeOutbox(core);
  return c;
}

/** Who oversees a case's assignee: the township supervisor, else (or when it is them) the district supervisors. */
function supervisorsFor(core: StaffCommandContext['core'], c: Case, except: string): string[] {
  const index = core.directory.index();
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township : undefined;
  if (tw && tw.supervisor.id !== except) return [tw.supervisor.id];
  const d = index.directory.districts.find((x) => x.id === c.location.districtId);
  return (d?.supervisors ?? []).filter((s) => s.role === 'district_supervisor' && s.id !== except).map((s) => s.id);
}

const WEAK_CAPACITY: [RegExp, string][] = [
  [/农民工/g, '农民工'],
  [/超龄|退休|老年|年纪大/g, '超过退休年龄'],
  [/残疾|残障/g, '残疾人'],
];

/** Said just before a word, denies it: 不是农民工, 非农民工, 没有残疾, 也没有退休, 不属于, 未满退休年龄, 还没到退休年龄, 无残疾. */
const DENIED_BEFORE = /(?:不|没|没有|未|非|无|并非|并不|并没有)(?:是|算|算是|属于|到|达到|达|满|超过|超|有|患有|身患|办)?(?:个|一个|一名|名)?$/u;
/** Said just after it: 退休年龄还没到, 残疾证没有 (never 农民工没有签合同: a fact about something else). */
const DENIED_AFTER = /^(?:年龄|年纪|证)(?:还|也|都)?(?:没到|未到|不到|没有|没|未满|不满)/u;

/**
 * The categories of 诉讼能力较弱 (农民工, 超过退休年龄, 残疾人) the grid
 * worker's reason states: a mention said with a denial (不是农民工, 没有残疾,
 * 也没有退休, 非农民工, 退休年龄还没到) is not one. The tag is the legal
 * ground for 支持起诉: when unsure, it is left out.
 */
export function weakCapacityOf(reason: string): string[] {
  const out: string[] = [];
  for (const [re, name] of WEAK_CAPACITY) {
    const said = [...reason.matchAll(re)].some((m) => {
      const before = reason.slice(0, m.index).split(/[，,。；;！!？?\s、]/u).at(-1) ?? '';
      const after = reason.slice(m.index! + m[0].length);
      return !DENIED_BEFORE.test(before) && !DENIED_AFTER.test(after);
    });
    if (said) out.push(name);
  }
  return out;
}

export async function referCase(ctx: StaffCommandContext, caseNo: string | null, reason: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await loadMine(ctx, caseNo);
  if (!reason.trim()) {
    throw new ValidationError(
      'reason',
      '请写明转检察的理由：调解是否不成、用人单位是否拒不支付，以及职工是否属于诉讼能力较弱的情形（农民工、超过退休年龄、残疾人）。例如「转检察 QX… 调解不成，老板拒付，农民工」',
    );
  }
  // Sent to the liaison: an ID number in it is kept masked (no staff view shows one whole).
  const why = maskIdNumbers(text(reason, 'reason', '转检察的理由'));
  assertMove(c0, 'referred', '转检察');
  const district = core.directory.index().directory.districts.find((d) => d.id === c0.location.districtId);
  const liaison = district?.liaisons[0];
  if (!liaison) throw new ConflictError('no_liaison', '本区还没有检察联络员，请联系区总工会。');
  const weak = weakCapacityOf(why);
  const decideBy = referralDeadline(core.config, core.directory.index().calendar, now);
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    if (cur.status !== 'accepted') throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 状态已变化，请重新查看。`);
    const record: Case = {
      ...moved(cur, 'referred', '已转检察机关，审查是否支持起诉', now, '转检察'),
      referral: {
        liaisonId: liaison.id,
        by: ctx.staff.staff.id,
        reason: weak.length ? `${why}（诉讼能力较弱：${weak.join('、')}）` : why,
        at: now.toISOString(),
        decideBy: decideBy.toISOString(),
        status: 'pending',
        declineReason: null,
        outcome: null,
      },
    };
    return { record, action: 'referred', detail: liaison.id, ops: dueOps(core, [...referralJobs(record, now), reporterJob(record, 'reporter-update', now)]) };
  });
  // The liaison's notice (per referral: its history entry, so a case referred again after 不予支持 is a new one) and the reporter's were written with the record.
  wakeOutbox(core);
  return c;
}

function mustBeLiaison(ctx: StaffCommandContext, c: Case) {
  if (c.status !== 'referred' || c.referral?.liaisonId !== ctx.staff.staff.id) {
    throw new ForbiddenError(`案件 ${c.caseNo} 没有转给您审查。`);
  }
}

export async function decideReferral(ctx: StaffCommandContext, caseNo: string | null, accept: boolean, reason = ''): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await load(ctx, caseNo);
  mustBeLiaison(ctx, c0);
  if (c0.referral!.status !== 'pending') throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 的转检察已经处理过了。`);
  const why = accept ? '' : text(reason, 'reason', '不予支持的理由');
  if (!accept) assertMove(c0, 'accepted', '退回');
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    if (cur.referral?.status !== 'pending') throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 的转检察已经处理过了。`);
    const record: Case = {
      ...(accept
        ? noted(cur, '检察机关已受理，正在审查支持起诉', now)
        : moved(cur, 'accepted', '检察机关暂不支持起诉，案件回到原工作人员继续办理', now, '退回')),
      referral: { ...cur.referral, status: accept ? 'accepted' : 'declined', declineReason: accept ? null : why },
    };
    return {
      record,
      action: accept ? 'referral-accepted' : 'referral-declined',
      detail: ctx.staff.staff.id,
      ops: [
        ...cancelOps(core, cur.id, ['referral-deadline'], cur.assignmentSeq),
        ...dueOps(core, [
          reporterJob(record, 'reporter-update', now),
          ...(!accept && record.assignee ? [staffJob(record, 'staff-referral-result', record.assignee.staffId, now, record.history.length - 1)] : []),
        ]),
      ],
    };
  });
  wakeOutbox(core);
  return c;
}

/** Words of a step still under way: recorded as progress, never a close (法院已立案，尚未判决；余款追回中). */
const REFERRAL_INTERIM = /追回中|追讨中|执行中|审理中|审查中|办理中|进行中|协调中|调解中|尚未|还没|还未|没有判|未判|待判|未执行|待执行|等待|等候|正在|已立案|立案了|已受理|已起诉|已提起诉讼|已向法院起诉|开庭|排期|余款|余下|剩余|剩下|还欠|尚欠|仍欠|继续|拟|准备|将于|下一步/u;
/** Words of the procuratorate's part finished (the 支持起诉 opinion issued, 缓交诉讼费 suggested), or the dispute ended. */
const REFERRAL_FINAL = /(?:已|已经)(?:出具|发出|制发|送达|作出)[^，,。；;]*?(?:支持起诉意见书|检察建议)|建议[^，,。；;]{0,6}缓交诉讼费|(?:已|已经)(?:结案|办结)|调解结案|执行完毕|履行完毕/u;
/**
 * 追回 28500 at the start, or starting a clause of its own (已出具支持起诉意见书，追回 28500): the liaison's own form for money
 * recovered. Never inside a clause (请求法院判令追回28500元, 诉请追回…: a claim).
 */
const REFERRAL_MONEY_FORM = /(?:^|[，,。；;]\s*)追回\s*(?:工资|欠薪|欠款)?\s*(-?(?:[\d零〇一二两三四五六七八九十百千万几]|[,，](?=\d{3}(?!\d))|\.(?=\d)|点(?=[零〇一二三四五六七八九]+[万千]))+)\s*元?/u;
/** Money said as a fact: 已追回28500元, 老板已支付28,500元, 已追回两万八千五百元 (元 needed; a claim such as 请求判令追回28500元 is none). */
const REFERRAL_MONEY_FACT = /(?:已|已经)(?:全部|全额)?(?:追回|支付|付清|发放|兑现|结清|到账)(?:了)?(?:工资|欠薪|欠款|拖欠工资)?\s*((?:[\d零〇一二两三四五六七八九十百千万]|[,，](?=\d{3}(?!\d))|\.(?=\d))+)\s*元/gu;
/** A Chinese numeral (`两万八`), alone or mixed with figures (`2万8`, `2万八`). */
const CHINESE_NUMERAL = /[零〇一二两三四五六七八九十百千万几]/u;

/** `28500`, `28,500`, `2.85万`, `6千`, `2万8千5` as 办结 reads them (closing.ts); NaN for what it does not read whole. */
function amountOf(said: string): number {
  const a = leadingAmount(said.replace(/\s+/g, ''));
  return a && a.rest === '' ? a.n : NaN;
}

/**
 * What a liaison's 结果 says. Money is taken only from an explicit form:
 * `追回 28500` at the start (or of a clause of its own), or `已追回/已支付
 * N元` said as a fact — never
 * from a claim (请求法院判令追回28500元, 诉请追回…). Precision first: the
 * case closes only on a finished result (money in the explicit form, money
 * said as paid that covers the claim, or the procuratorate's part done),
 * never while words of a step under way are there (尚未判决, 余款追回中,
 * 已立案); anything else is recorded as progress, and the liaison is told
 * how to record the final result. `paidSoFar`: money said as paid, less
 * than the claim, with no words of a step under way: the answer offers it
 * as the result (结果 QX… 追回 N) without taking it.
 */
export function readReferralResult(typed: string, claimed: number | null): { close: true; recovered: number | null } | { close: false; paidSoFar: number | null } {
  // Full-width figures (`追回 ２８５００元`) read as the half-width ones.
  const t = typed.normalize('NFKC');
  let form = t.match(REFERRAL_MONEY_FORM);
  // `追回一半`, `追回三个月工资`: the numeral is no amount (nothing taken, recorded as progress as any words are);
  // `追回一万多`, `追回一万二三`, `追回2万八`: an amount, but no one figure: asked for it.
  if (form && CHINESE_NUMERAL.test(form[1]!)) {
    const after = t.slice(form.index! + form[0].length);
    const hedge = /^(?:多|来|余|左右|出头|上下)/u.exec(after);
    if (hedge) throw new ValidationError('outcome', unreadAmount(`${form[1]}${hedge[0]}`, '结果'));
    if (/^[^\s，,。；;、（）()！!]/u.test(after) && !/^(?:元|块|整|全额|全部|确认|工资|欠薪|欠款)/u.test(after) && !/元$/u.test(form[0])) form = null;
  }
  if (form) {
    const n = amountOf(form[1]!);
    if (Number.isNaN(n) && CHINESE_NUMERAL.test(form[1]!) && !/^-/u.test(form[1]!)) throw new ValidationError('outcome', unreadAmount(form[1]!, '结果'));
    if (!Number.isFinite(n) || n <= 0) throw new ValidationError('outcome', '追回金额要是大于0的数字，例如「结果 QX… 追回 28500」');
  }
  const facts = [...new Set([...t.matchAll(REFERRAL_MONEY_FACT)].map((m) => amountOf(m[1]!)))].filter((n) => Number.isFinite(n) && n > 0);
  const paid = facts.length === 1 ? facts[0]! : null;
  // Still under way (余款追回中): what was paid so far is not offered as the result either.
  if (REFERRAL_INTERIM.test(t)) return { close: false, paidSoFar: null };
  if (form) return { close: true, recovered: amountOf(form[1]!) };
  if (paid !== null) return claimed !== null && paid >= claimed ? { close: true, recovered: paid } : { close: false, paidSoFar: paid };
  // Two amounts said as paid: which is the result is not guessed.
  if (facts.length > 1) return { close: false, paidSoFar: null };
  if (REFERRAL_FINAL.test(t)) return { close: true, recovered: null };
  return { close: false, paidSoFar: null };
}

/**
 * The liaison records the outcome (支持起诉意见书 issued, 缓交诉讼费
 * suggested, money recovered): the case closes and the union is told. A
 * step still under way (`readReferralResult`) is recorded as progress
 * instead: a note, a line in the reporter's 进度, the union told; the case
 * stays with the procuratorate (referral accepted).
 */
export async function recordReferralOutcome(ctx: StaffCommandContext, caseNo: string | null, outcomeText: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const me = ctx.staff.staff.id;
  const c0 = await load(ctx, caseNo);
  mustBeLiaison(ctx, c0);
  if (c0.referral!.status !== 'accepted') throw new ConflictError('invalid_transition', `请先回复「受理 ${c0.caseNo}」再记录结果。`);
  const t = maskIdNumbers(text(outcomeText, 'outcome', '结果'));
  // `全部追回`, `追回全款` with no figure (the staff API, the console): the claim as the amount is an inference, never
  // recorded, nor sent to the reporter as progress; the figure asked for, as WeChat's 结果 offers it (commands.ts allBackOffer).
  if (c0.wage && allBackWithNoFigure(t)) {
    const w = c0.wage;
    const one = !w.amountApprox && w.amountUpTo === null && w.headcount.count <= 1;
    throw new ValidationError(
      'outcome',
      one
        ? `您是说报告人反映的${yuan(w.amount)}全部追回了吗？还没有记录。是的话，请写「追回 ${w.amount}」；只追回了一部分的，请写上追回的金额。`
        : `报告人反映欠${claimedAmount(w)}，全部追回的是多少钱？还没有记录。请写上金额，例如「追回 ${w.amount}」。`,
    );
  }
  const read = readReferralResult(t, c0.wage?.amount ?? null);
  const stillReferred = (cur: Case) => {
    // Re-checked on the fresh record: of two outcomes sent at once, the second must not overwrite the first.
    if (cur.status !== 'referred' || cur.referral?.status !== 'accepted' || cur.referral.liaisonId !== me) {
      throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 的结果已经记录过了，请重新查看。`);
    }
  };
  const union = (c: Case) => {
    const tw = c.location.townshipId ? core.directory.index().townshipById.get(c.location.townshipId)?.township : undefined;
    return [...new Set([c.assignee?.staffId, tw?.supervisor.id].filter((x): x is string => !!x))];
  };
  if (!read.close) {
    const c = await core.cases.update(c0.id, `staff:${me}`, (cur) => {
      stillReferred(cur);
      const record: Case = {
        ...noted(cur, `${REFERRAL_PROGRESS}${maskPersonalNumbers(t)}`, now),
        notes: [...cur.notes, { at: now.toISOString(), staffId: me, text: `检察进展：${t}` }],
      };
      const seq = record.history.length - 1;
      // The reporter reads the step in 进度; the union (the grid worker, the township supervisor) is told it is not the result.
      return {
        record,
        action: 'referral-progress',
        detail: read.paidSoFar !== null ? `paid so far ${read.paidSoFar}` : 'recorded',
        ops: dueOps(core, [reporterJob(record, 'reporter-update', now), ...union(record).map((id) => staffJob(record, 'staff-referral-result', id, now, seq))]),
      };
    });
    wakeOutbox(core);
    return c;
  }
  const recovered = read.recovered;
  // More than reported (`追回 60000` on 28,500元): checked here, before the referral is marked done, so nothing is
  // half-written (the close below would refuse it after); `确认` in the words records it as typed.
  const confirmed = /确认/u.test(t);
  if (!confirmed && exceedsClaim(c0, recovered)) {
    throw new ValidationError(
      'outcome',
      `追回${yuan(recovered!)}比报告人反映的${claimedAmount(c0.wage!)}还多，还没有记录。核实无误的话，请在后面加「确认」再发，例如「结果 ${c0.caseNo} 追回 ${recovered} 确认」。`,
    );
  }
  await core.cases.update(c0.id, `staff:${me}`, (cur) => {
    stillReferred(cur);
    return {
      record: { ...cur, referral: { ...cur.referral!, status: 'done', outcome: t } },
      action: 'referral-outcome',
      detail: recovered !== null ? `recovered ${recovered}` : 'recorded',
    };
  });
  const c = await resolveCase(ctx, c0.caseNo, {
    recovered,
    confirmed: true,
    reason: recovered === null ? `检察机关：${t}` : null,
    nextStep: recovered === null ? { kind: 'procuratorate', outcome: t } : null,
  });
  // The union (the grid worker and the township supervisor) is told at once — within the 5 working days required.
  for (const id of union(c)) await notify(core, 'staff-referral-result', c.id, id, c.history.length - 1);
  return c;
}

/** What a liaison's 结果 recorded as progress said was paid so far (for the answer: how to record it as the result). */
export function referralPaidSoFar(c: Case): number | null {
  const last = c.notes.at(-1);
  if (!last?.text.startsWith('检察进展：')) return null;
  const r = readReferralResult(last.text.slice('检察进展：'.length), c.wage?.amount ?? null);
  return r.close ? null : r.paidSoFar;
}

const SUPERVISORS = new Set(['township_supervisor', 'district_supervisor']);

/**
 * A supervisor hands a case to someone else: a case waiting for routing, for
 * acceptance or being worked, in their township (or district), to a person
 * routing itself could pick (on duty, of the case's grid, township or
 * district, who has not declined it or let it lapse). The person who held
 * it is never given it back by routing; the new assignee is told and gets
 * the accept time limit, the reporter is told who has it now.
 */
export async function reassignCase(ctx: StaffCommandContext, caseNo: string | null, staffId: string, reason: string): Promise<Case> {
  const { core } = ctx;
  const me = ctx.staff.staff;
  if (!SUPERVISORS.has(me.role)) throw new ForbiddenError('只有镇（街道）或区工会的负责人可以改派案件。');
  const c0 = await load(ctx, caseNo);
  const why = reason.trim() ? text(reason, 'reason', '改派的原因') : '';
  if (c0.status !== 'submitted' && c0.status !== 'assigned' && c0.status !== 'accepted') {
    throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 现在是「${statusName(c0.status)}」，不能改派。`);
  }
  if (c0.assignee?.staffId === staffId) throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 已经在这位工作人员手上。`);
  const index = core.directory.index();
  if (!index.staffById.has(staffId)) throw new ValidationError('staffId', `名录中没有 ${staffId}。`);
  // Checked before the case leaves its holder: routing hands it to someone only among these.
  if (!candidateTiers(index, c0, await dutyOverrides(core)).some((t) => t.staff.some((s) => s.id === staffId))) {
    throw new ValidationError('staffId', `不能改派给${index.staffById.get(staffId)!.staff.name}：只能改派给这个案件所在网格、镇（街道）或区里在岗的工作人员，且不能是退回过或超时未接这个案件的人。`);
  }
  let c = c0;
  if (c0.assignee) {
    const team = me.role === 'township_supervisor' ? '镇（街道）工会' : '区总工会';
    const released = await releaseAssignment(core, c0.id, c0.assignee.staffId, 'declined', reassignedStep(team), undefined, c0.status as 'assigned' | 'accepted');
    if (!released) throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 状态已变化，请刷新后再试。`);
    c = released;
  }
  let routed;
  try {
    routed = await routeCase(core, c.id, { to: staffId });
  } catch (err) {
    // Released but not taken: routing finds someone as usual.
    if (c0.assignee) await route(core, c.id);
    throw err;
  }
  if (!routed) throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 状态已变化，请刷新后再试。`);
  const note = `改派给${index.staffById.get(staffId)!.staff.name}${why ? `：${maskIdNumbers(why)}` : ''}`;
  return core.cases.update(c.id, `staff:${me.id}`, (cur) => ({
    record: { ...cur, notes: [...cur.notes, { at: core.clock.now().toISOString(), staffId: me.id, text: note }] },
    action: 'reassigned-by-supervisor',
    detail: `${me.id}->${staffId}`,
  }));
}

/** A case is chased at most this often (by anyone): a second 催办 within it is refused, and nothing is sent. */
export const CHASE_EVERY_MS = 60 * 60_000;

/**
 * A township or district supervisor chases the assignee of an open case
 * (催办 QX… 内容): the assignee gets a 【催办】 naming who chases, the
 * supervisor's words and the case's limit (已超期 when past). The chase is a
 * note (who, when, the words: 详情 shows it), a line in the reporter's 进度
 * and an audit entry; its notice is written with the record, keyed by the
 * note's index, so each 催办 is sent once and only once (a crash before or
 * after sending: the outbox sends it, the delivery mark never twice). At
 * most one chase an hour per case.
 */
export async function chaseCase(ctx: StaffCommandContext, caseNo: string | null, words: string): Promise<{ c: Case; assignee: string; limit: string }> {
  const { core } = ctx;
  const me = ctx.staff.staff;
  if (!SUPERVISORS.has(me.role)) throw new ForbiddenError('只有镇（街道）或区工会的负责人可以催办案件。');
  const now = core.clock.now();
  const c0 = await load(ctx, caseNo);
  const said = words.trim() ? maskIdNumbers(text(words, 'text', '催办的话')) : '';
  const index = core.directory.index();
  const check = (cur: Case) => {
    if (cur.assignee?.staffId === me.id) throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 在您自己手上，不用催办。`);
    if (!cur.assignee || cur.status === 'submitted') {
      throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 还没有分派给工作人员，没有人可以催办。要交给某人办理，请发「改派 ${cur.caseNo} 姓名」。`);
    }
    if (cur.status !== 'assigned' && cur.status !== 'accepted') {
      throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 现在是「${statusName(cur.status)}」，不在办理中，不能催办。`);
    }
    const last = cur.notes.map((_, i) => chaseNoteAt(cur, i)).filter((n) => n && SUPERVISORS.has(index.staffById.get(n.staffId)?.staff.role ?? '')).at(-1);
    if (last && now.getTime() - Date.parse(last.at) < CHASE_EVERY_MS) {
      const who = last.staffId === me.id ? '您' : (index.staffById.get(last.staffId)?.staff.name ?? '工会');
      const again = new Date(Date.parse(last.at) + CHASE_EVERY_MS);
      throw new ConflictError('chased_recently', `案件 ${cur.caseNo} ${who}在${shortTime(last.at)}已经催办过了。同一件案件一小时内只催办一次，请${shortTime(again.toISOString())}以后再发。`);
    }
  };
  check(c0);
  const c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
    // Re-checked on the fresh record: two chases at once are one chase.
    check(cur);
    const notes = [...cur.notes, { at: now.toISOString(), staffId: me.id, text: said ? `${CHASE_NOTE}：${said}` : CHASE_NOTE }];
    const record: Case = { ...noted(cur, '工会已督促工作人员抓紧办理', now), notes };
    return {
      record,
      action: 'chased',
      detail: `${me.id}->${cur.assignee!.staffId}`,
      ops: dueOps(core, [staffJob(record, 'staff-case-chased', cur.assignee!.staffId, now, notes.length - 1)]),
    };
  }, c0);
  wakeOutbox(core);
  return { c, assignee: index.staffById.get(c.assignee!.staffId)?.staff.name ?? '负责人', limit: chaseLimitLine(c, now) };
}

/**
 * 更正 QX… 金额 28500 / 单位 宏达电子厂 / 电话 13912345678: staff correct
 * one fact of a submitted case, as the reporter asked (a 更正 note, or a
 * call). The assignee may, and the supervisors of the case's township or
 * district (as for 改派 and 催办); nobody once the case is resolved or
 * closed, nor while its close waits for approval (the close was checked
 * against the old figure). The new value is checked as the wage chat checks
 * it (amend.ts); the same value again is refused. One write: the record,
 * its audit (who, the field, old → new; a phone only masked) and a line in
 * the reporter's 进度, whose notice goes out with it (the outbox). A phone
 * is sealed as at submission (submit.ts), never logged nor put on a job.
 */
/** A 更正's line in 进度 (`amendCase`), by the reporter's correction or staff's own. */
const AMENDED_LINE = /^工作人员(?:按您的更正，)?把(?:案件里的)?(?:欠薪金额|用人单位|联系电话)改为/u;

export async function amendCase(ctx: StaffCommandContext, caseNo: string | null, field: AmendField, typed: unknown): Promise<{ c: Case; from: string; to: string }> {
  const { core } = ctx;
  const now = core.clock.now();
  const me = ctx.staff.staff;
  const c0 = await load(ctx, caseNo);
  if (c0.assignee?.staffId !== me.id && !SUPERVISORS.has(me.role)) {
    throw new ForbiddenError(`案件 ${c0.caseNo} 没有分派给您，不能更正。请告诉负责这件案件的工作人员或镇（街道）工会。`);
  }
  if (!(AMEND_FIELDS as readonly string[]).includes(field)) throw new ValidationError('field', '只能更正 金额、单位 或 电话，例如「更正 QX… 金额 28500」');
  const value = field === 'amount' ? amendAmount(typed) : field === 'employer' ? amendEmployer(typed) : amendPhone(typed);
  const what = AMEND_FIELD_NAMES[field];
  const check = (cur: Case) => {
    if (cur.status === 'resolved' || cur.status === 'closed') throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 已经「${statusName(cur.status)}」，不能再更正。`);
    if (cur.status === 'closing') throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 的办结正在等审批，现在不能更正。需要更正的，请审批人先退回办结。`);
    if (field !== 'phone' && !cur.wage) throw new ConflictError('not_wage', `案件 ${cur.caseNo} 不是欠薪案件，没有${what}可以更正。`);
    if (field === 'phone' && (reporterForgotten(cur) || !cur.reporter.userKey)) throw new ConflictError('no_reporter', `报告人已删除个人信息，案件 ${cur.caseNo} 不能再记电话。`);
  };
  check(c0);
  let from = '';
  const c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
    // Re-checked on the fresh record: a close or another correction may have come between.
    check(cur);
    const w = cur.wage;
    let record: Case;
    let old: string | number | null;
    if (field === 'amount') {
      old = w!.amount;
      if (old === value && !w!.amountApprox && w!.amountUpTo === null) throw new ConflictError('unchanged', `案件 ${cur.caseNo} 的${what}已经是${amendShown(field, value)}，不用更正。`);
      // The figure the reporter confirmed is exact: no longer about or a range.
      record = { ...cur, wage: { ...w!, amount: value as number, amountApprox: false, amountUpTo: null } };
    } else if (field === 'employer') {
      old = w!.employer;
      if (old === value) throw new ConflictError('unchanged', `案件 ${cur.caseNo} 的${what}已经是「${value}」，不用更正。`);
      record = { ...cur, wage: { ...w!, employer: value as string } };
    } else {
      old = cur.reporter.phoneSealed ? unseal(core.config.DATA_KEY, cur.reporter.phoneSealed) : null;
      if (old === value) throw new ConflictError('unchanged', `案件 ${cur.caseNo} 的${what}已经是${amendShown(field, value)}，不用更正。`);
      record = { ...cur, reporter: { ...cur.reporter, phoneSealed: seal(core.config.DATA_KEY, value as string), phoneHash: lookupHash(core.config.HASH_KEY, 'phone', value as string) } };
    }
    // An amount said as about or a range is shown as it was (约28,500元).
    from = old === null ? '（无）' : field === 'amount' ? claimedAmount(w!) : amendShown(field, old);
    const to = amendShown(field, value);
    // Said by who began it: the reporter's own correction (a 更正 note, or a new phone, left since the last 更正), or
    // staff's (was always 「按您的更正」, as if the worker had asked).
    const asked = cur.reporterNotes.some((n) => (n.kind === 'correction' || (field === 'phone' && n.kind === 'phone')) && !cur.history.slice(n.hist + 1).some((h) => AMENDED_LINE.test(h.note)));
    record = noted(record, `工作人员${asked ? '按您的更正，' : ''}把${asked ? '' : '案件里的'}${what}改为${field === 'employer' ? `「${to}」` : to}${asked ? '' : '，有不对的请跟我说'}`, now);
    return {
      record,
      action: 'amended',
      // A phone only masked: the audit never holds one whole.
      detail: `${field} ${from} -> ${to}`,
      ops: dueOps(core, [reporterJob(record, 'reporter-update', now)]),
    };
  }, c0);
  wakeOutbox(core);
  return { c, from, to: amendShown(field, value) };
}
