import type { Case } from './record.js';
import { assertMove, moved, noted, statusName } from './state.js';
import type { Core } from '../context.js';
import type { StaffEntry } from '../directory/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../infra/errors.js';
import { staffCaseText } from './texts.js';
import { unseal } from '../infra/privacy.js';
import { releaseAssignment, teamOf } from './routing.js';
import { referralDeadline, reminderAt, resolveDeadline } from './deadlines.js';
import { shortTime } from '../infra/time.js';
import { nextWorkingMorning } from '../infra/calendar.js';
import type { StaffCommandContext } from '../staff/index.js';
import { notify, route, schedule, tellReporter, unschedule } from './queue.js';
import { yuan } from '../infra/money.js';

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
  if (!canView(ctx.staff, c)) throw new ForbiddenError(`案件 ${caseNo} 不是您负责的，不能查看或办理。`);
  return c;
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


/** The case as a staff member may see it: the full phone only for the assignee and a referral's liaison. */
export function detailText(core: Core, staff: StaffEntry, c: Case): string {
  const phone = c.reporter.phoneSealed ? unseal(core.config.DATA_KEY, c.reporter.phoneSealed) : null;
  const full = c.assignee?.staffId === staff.staff.id || c.referral?.liaisonId === staff.staff.id;
  const lines = [staffCaseText(core.directory.index(), c, { phone, isAssignee: full }), `状态：${statusName(c.status)}`];
  if (c.acceptBy && c.status === 'assigned') lines.push(`接单期限：${shortTime(c.acceptBy)}`);
  if (c.resolveBy && c.status === 'accepted') lines.push(`办结期限：${shortTime(c.resolveBy)}`);
  if (c.referral) lines.push(`转检察：${c.referral.reason}（${{ pending: '待检察院决定', accepted: '检察院已受理', declined: `检察院不予支持：${c.referral.declineReason ?? ''}`, done: `结果：${c.referral.outcome ?? ''}` }[c.referral.status]}）`);
  for (const n of c.notes.slice(-3)) lines.push(`备注（${shortTime(n.at)}）：${n.text}`);
  if (c.deliveryFailures.length > 0) lines.push(`⚠ 有${c.deliveryFailures.length}条通知未能送达`);
  return lines.join('\n');
}


export async function listCases(ctx: StaffCommandContext): Promise<Case[]> {
  const { core, staff } = ctx;
  if (staff.staff.role === 'grid_worker') {
    return (await core.cases.listByStaff(staff.staff.id)).filter((c) => c.assignee?.staffId === staff.staff.id);
  }
  // Supervisors and liaisons: the recent cases they may see (a bounded read of the case index).
  return (await core.cases.recent(1000)).filter((c) => canView(staff, c));
}

export async function showCase(ctx: StaffCommandContext, caseNo: string | null): Promise<string> {
  return detailText(ctx.core, ctx.staff, await load(ctx, caseNo));
}

export async function acceptCase(ctx: StaffCommandContext, caseNo: string | null): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await loadMine(ctx, caseNo);
  assertMove(c0, 'accepted', '接单');
  const me = ctx.staff.staff;
  const resolveBy = resolveDeadline(core.config, core.directory.index().calendar, now);
  const c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
    // Re-checked on the fresh record: two people accepting at once → exactly one wins.
    if (cur.assignee?.staffId !== me.id || cur.status !== 'assigned') {
      throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 已经不是待接单状态。`);
    }
    return {
      record: {
        ...moved(cur, 'accepted', `${teamOf(core.directory.index(), cur.assignee!.level, me.id)}已接单，工作人员会尽快联系您`, now, '接单'),
        acceptedAt: now.toISOString(),
        resolveBy: resolveBy.toISOString(),
      },
      action: 'accepted',
      detail: me.id,
    };
  });
  await unschedule(core, 'accept-reminder', c.id, c.assignmentSeq);
  await unschedule(core, 'accept-deadline', c.id, c.assignmentSeq);
  await schedule(core, 'resolve-reminder', c.id, c.assignmentSeq, reminderAt(now, resolveBy));
  await schedule(core, 'resolve-deadline', c.id, c.assignmentSeq, resolveBy);
  await tellReporter(core, c);
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
  const c = await releaseAssignment(core, c0.id, ctx.staff.staff.id, 'declined', '工作人员已退回，正在重新分派', undefined, c0.status);
  if (!c) {
    const cur = await core.cases.get(c0.id);
    const stillMine = cur?.assignee?.staffId === ctx.staff.staff.id;
    throw new ConflictError('invalid_transition', stillMine ? `案件 ${c0.caseNo} 状态已变化，请重新查看。` : `案件 ${c0.caseNo} 已经不在您手上。`);
  }
  await core.cases.update(c.id, `staff:${ctx.staff.staff.id}`, (cur) => ({
    record: { ...cur, notes: [...cur.notes, { at: now.toISOString(), staffId: ctx.staff.staff.id, text: `退回：${why}` }] },
    action: 'note',
    detail: 'decline reason',
  }));
  await route(core, c.id, c.assignmentSeq + 1);
  await tellReporter(core, c);
  return (await core.cases.get(c.id))!;
}

export async function noteCase(ctx: StaffCommandContext, caseNo: string | null, note: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await load(ctx, caseNo);
  const t = text(note, 'text', '备注内容');
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
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => ({
    record: { ...cur, replies: [...cur.replies, { at: now.toISOString(), staffId: ctx.staff.staff.id, text: t }] },
    action: 'replied',
    detail: `${[...t].length} chars`,
  }));
  await notify(core, 'reporter-message', c.id, undefined, c.replies.length - 1);
  return c;
}

/** `追回 28500` or `未追回 原因`. */
export function parseOutcome(args: string): { recovered: number | null; reason: string | null } {
  const got = args.match(/^追回\s*([-+]?[\d.,]+)\s*元?\s*$/);
  if (got) {
    const n = Number(got[1]!.replace(/,/g, ''));
    if (!Number.isFinite(n) || n <= 0 || n > 10_000_000) throw new ValidationError('recovered', '追回金额要是大于0、不超过1000万的数字，例如「追回 28500」');
    return { recovered: Math.round(n * 100) / 100, reason: null };
  }
  const none = args.match(/^未追回\s*(.*)$/s);
  if (none) return { recovered: null, reason: text(none[1]!, 'reason', '未追回的原因') };
  if (/^追回/.test(args)) throw new ValidationError('recovered', '追回金额要是大于0的数字，例如「追回 28500」');
  throw new ValidationError('outcome', '请写明结果：「办结 QX… 追回 28500」或「办结 QX… 未追回 原因」');
}

export async function resolveCase(ctx: StaffCommandContext, caseNo: string | null, outcome: { recovered: number | null; reason: string | null }): Promise<Case> {
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
  assertMove(c0, 'resolved', '办结');
  const note =
    outcome.recovered !== null
      ? `已办结，追回工资${yuan(outcome.recovered)}`
      : `已办结，未能追回：${outcome.reason ?? ''}`;
  const c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
    if (cur.status !== c0.status) throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 状态已变化，请重新查看。`);
    return {
      record: {
        ...moved(cur, 'resolved', note, now, '办结'),
        outcome: { at: now.toISOString(), recovered: outcome.recovered, reason: outcome.reason, by: me.id },
      },
      action: 'resolved',
      detail: outcome.recovered !== null ? `recovered ${outcome.recovered}` : 'not recovered',
      // The case leaves the assignee's hands for good: their capacity is free again, in the same step.
      ops: cur.assignee ? [{ op: 'hincrby', key: core.cases.keys.load(), field: cur.assignee.staffId, by: -1 }] : [],
    };
  });
  await unschedule(core, 'resolve-reminder', c.id, c.assignmentSeq);
  await unschedule(core, 'resolve-deadline', c.id, c.assignmentSeq);
  // The reporter is asked how it went the next working morning.
  await schedule(core, 'satisfaction', c.id, c.history.length, nextWorkingMorning(core.directory.index().calendar, now));
  await tellReporter(core, c);
  return c;
}

const WEAK_CAPACITY: [RegExp, string][] = [
  [/农民工/, '农民工'],
  [/超龄|退休|老年|年纪大/, '超过退休年龄'],
  [/残疾|残障/, '残疾人'],
];

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
  const why = text(reason, 'reason', '转检察的理由');
  assertMove(c0, 'referred', '转检察');
  const district = core.directory.index().directory.districts.find((d) => d.id === c0.location.districtId);
  const liaison = district?.liaisons[0];
  if (!liaison) throw new ConflictError('no_liaison', '本区还没有检察联络员，请联系区总工会。');
  const weak = WEAK_CAPACITY.filter(([re]) => re.test(why)).map(([, name]) => name);
  const decideBy = referralDeadline(core.config, core.directory.index().calendar, now);
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    if (cur.status !== 'accepted') throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 状态已变化，请重新查看。`);
    return {
      record: {
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
      },
      action: 'referred',
      detail: liaison.id,
    };
  });
  // Per referral (its history entry): a case referred again after 不予支持 is a new notice, not a duplicate job id.
  await notify(core, 'staff-referral', c.id, liaison.id, c.history.length - 1);
  await schedule(core, 'referral-deadline', c.id, c.assignmentSeq, decideBy);
  await tellReporter(core, c);
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
    return {
      record: {
        ...(accept
          ? noted(cur, '检察机关已受理，正在审查支持起诉', now)
          : moved(cur, 'accepted', '检察机关暂不支持起诉，案件回到原工作人员继续办理', now, '退回')),
        referral: { ...cur.referral, status: accept ? 'accepted' : 'declined', declineReason: accept ? null : why },
      },
      action: accept ? 'referral-accepted' : 'referral-declined',
      detail: ctx.staff.staff.id,
    };
  });
  await unschedule(core, 'referral-deadline', c.id, c.assignmentSeq);
  if (!accept && c.assignee) await notify(core, 'staff-referral-result', c.id, c.assignee.staffId, c.history.length - 1);
  await tellReporter(core, c);
  return c;
}

/** The liaison records the outcome (支持起诉意见书 issued, 缓交诉讼费 suggested, money recovered); the union is told. */
export async function recordReferralOutcome(ctx: StaffCommandContext, caseNo: string | null, outcomeText: string): Promise<Case> {
  const { core } = ctx;
  const c0 = await load(ctx, caseNo);
  mustBeLiaison(ctx, c0);
  if (c0.referral!.status !== 'accepted') throw new ConflictError('invalid_transition', `请先回复「受理 ${c0.caseNo}」再记录结果。`);
  const t = text(outcomeText, 'outcome', '结果');
  const money = t.match(/追回\s*([\d.,]+)/);
  const recovered = money ? Number(money[1]!.replace(/,/g, '')) : null;
  if (money && (!Number.isFinite(recovered) || recovered! <= 0)) throw new ValidationError('outcome', '追回金额要是大于0的数字');
  await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    // Re-checked on the fresh record: of two outcomes sent at once, the second must not overwrite the first.
    if (cur.status !== 'referred' || cur.referral?.status !== 'accepted' || cur.referral.liaisonId !== ctx.staff.staff.id) {
      throw new ConflictError('invalid_transition', `案件 ${cur.caseNo} 的结果已经记录过了，请重新查看。`);
    }
    return {
      record: { ...cur, referral: { ...cur.referral, status: 'done', outcome: t } },
      action: 'referral-outcome',
      detail: recovered !== null ? `recovered ${recovered}` : 'recorded',
    };
  });
  const c = await resolveCase(ctx, c0.caseNo, { recovered, reason: recovered === null ? `检察机关：${t}` : null });
  // The union (the grid worker and the township supervisor) is told at once — within the 5 working days required.
  const tw = c.location.townshipId ? core.directory.index().townshipById.get(c.location.townshipId)?.township : undefined;
  for (const id of new Set([c.assignee?.staffId, tw?.supervisor.id].filter((x): x is string => !!x))) {
    await notify(core, 'staff-referral-result', c.id, id, c.history.length - 1);
  }
  return c;
}
