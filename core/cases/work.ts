import type { Case } from './store.js';
import { assertMove, statusName } from './state.js';
import type { Core } from '../context.js';
import type { StaffEntry } from '../directory/load.js';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../infra/errors.js';
import { staffCaseText } from './texts.js';
import { unseal } from '../infra/privacy.js';
import { dutyOverrides, releaseAssignment, releaseLoad, teamOf } from './routing.js';
import { referralDeadline, reminderAt, resolveDeadline } from './deadlines.js';
import { shortTime } from '../infra/time.js';
import { nextWorkingMorning } from '../infra/calendar.js';
import { registerStaffCommands, takeRecordNo, type StaffCommandContext } from '../staff/commands.js';

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

function mustBeAssignee(ctx: StaffCommandContext, c: Case) {
  if (c.assignee?.staffId !== ctx.staff.staff.id) throw new ForbiddenError(`案件 ${c.caseNo} 没有分派给您，不能办理。`);
}

function text(value: string, field: string, what: string): string {
  const v = value.trim();
  if (!v) throw new ValidationError(field, `请写上${what}`);
  if ([...v].length > MAX_TEXT) throw new ValidationError(field, `${what}太长了，请控制在${MAX_TEXT}字以内`);
  return v;
}

async function tellReporter(core: Core, c: Case) {
  await core.queues.notify('reporter-update', c.id, undefined, c.history.length - 1);
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
  // Supervisors and liaisons: the recent cases they may see (bounded scan of the case index).
  const ids = await core.redis.zRange(core.keys.allCases(), 0, 999, { REV: true });
  const out: Case[] = [];
  for (const id of ids) {
    const c = await core.cases.get(id);
    if (c && canView(staff, c)) out.push(c);
  }
  return out;
}

export async function showCase(ctx: StaffCommandContext, caseNo: string | null): Promise<string> {
  return detailText(ctx.core, ctx.staff, await load(ctx, caseNo));
}

export async function acceptCase(ctx: StaffCommandContext, caseNo: string | null): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await load(ctx, caseNo);
  mustBeAssignee(ctx, c0);
  assertMove(c0, 'accepted', '接单');
  const me = ctx.staff.staff;
  const resolveBy = resolveDeadline(core.config, core.directory.index().calendar, now);
  const c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
    // Re-checked on the fresh record: two people accepting at once → exactly one wins.
    if (cur.assignee?.staffId !== me.id || cur.status !== 'assigned') {
      throw new AppError('invalid_transition', `案件 ${cur.caseNo} 已经不是待接单状态。`, 409);
    }
    return {
      record: {
        ...cur,
        status: 'accepted',
        acceptedAt: now.toISOString(),
        resolveBy: resolveBy.toISOString(),
        history: [...cur.history, { at: now.toISOString(), status: 'accepted', note: `${teamOf(core.directory.index(), cur.assignee!.level, me.id)}已接单，工作人员会尽快联系您` }],
      },
      action: 'accepted',
      detail: me.id,
    };
  });
  await core.queues.unschedule('accept-reminder', c.id, c.assignmentSeq);
  await core.queues.unschedule('accept-deadline', c.id, c.assignmentSeq);
  await core.queues.schedule('resolve-reminder', c.id, c.assignmentSeq, reminderAt(now, resolveBy));
  await core.queues.schedule('resolve-deadline', c.id, c.assignmentSeq, resolveBy);
  await tellReporter(core, c);
  return c;
}

export async function declineCase(ctx: StaffCommandContext, caseNo: string | null, reason: string): Promise<Case> {
  const { core } = ctx;
  const now = core.clock.now();
  const c0 = await load(ctx, caseNo);
  mustBeAssignee(ctx, c0);
  const why = text(reason, 'reason', '退回的原因');
  // Only a case waiting for acceptance or being worked can be declined (resolved → submitted is a reopening, not a 退回).
  if (c0.status !== 'assigned' && c0.status !== 'accepted') {
    throw new AppError('invalid_transition', `案件 ${c0.caseNo} 现在是「${statusName(c0.status)}」，不能退回。`, 409);
  }
  assertMove(c0, 'submitted', '退回');
  // From the status seen here only: a decline racing an accept must not undo it (exactly one wins).
  const c = await releaseAssignment(core, c0.id, ctx.staff.staff.id, 'declined', '工作人员已退回，正在重新分派', undefined, c0.status);
  if (!c) {
    const cur = await core.cases.get(c0.id);
    const stillMine = cur?.assignee?.staffId === ctx.staff.staff.id;
    throw new AppError('invalid_transition', stillMine ? `案件 ${c0.caseNo} 状态已变化，请重新查看。` : `案件 ${c0.caseNo} 已经不在您手上。`, 409);
  }
  await core.cases.update(c.id, `staff:${ctx.staff.staff.id}`, (cur) => ({
    record: { ...cur, notes: [...cur.notes, { at: now.toISOString(), staffId: ctx.staff.staff.id, text: `退回：${why}` }] },
    action: 'note',
    detail: 'decline reason',
  }));
  await core.queues.route(c.id, c.assignmentSeq + 1);
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
  const c0 = await load(ctx, caseNo);
  mustBeAssignee(ctx, c0);
  const t = text(message, 'text', '回复内容');
  if (c0.status === 'closed') throw new AppError('invalid_transition', `案件 ${c0.caseNo} 已结案，不能再回复。`, 409);
  if (!c0.reporter.userKey) throw new AppError('no_reporter', '报告人已删除个人信息，无法回复。', 409);
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => ({
    record: { ...cur, replies: [...cur.replies, { at: now.toISOString(), staffId: ctx.staff.staff.id, text: t }] },
    action: 'replied',
    detail: `${[...t].length} chars`,
  }));
  await core.queues.notify('reporter-message', c.id, undefined, c.replies.length - 1);
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
    throw new AppError('invalid_transition', `案件 ${c0.caseNo} 正在检察机关审查，请等检察联络员答复后再办结。`, 409);
  }
  assertMove(c0, 'resolved', '办结');
  const note =
    outcome.recovered !== null
      ? `已办结，追回工资${outcome.recovered.toLocaleString('zh-CN')}元`
      : `已办结，未能追回：${outcome.reason ?? ''}`;
  const c = await core.cases.update(c0.id, `staff:${me.id}`, (cur) => {
    if (cur.status !== c0.status) throw new AppError('invalid_transition', `案件 ${cur.caseNo} 状态已变化，请重新查看。`, 409);
    return {
      record: {
        ...cur,
        status: 'resolved',
        outcome: { at: now.toISOString(), recovered: outcome.recovered, reason: outcome.reason, by: me.id },
        history: [...cur.history, { at: now.toISOString(), status: 'resolved', note }],
      },
      action: 'resolved',
      detail: outcome.recovered !== null ? `recovered ${outcome.recovered}` : 'not recovered',
    };
  });
  if (c.assignee) await releaseLoad(core.redis, core.keys, c.assignee.staffId);
  await core.queues.unschedule('resolve-reminder', c.id, c.assignmentSeq);
  await core.queues.unschedule('resolve-deadline', c.id, c.assignmentSeq);
  // The reporter is asked how it went the next working morning.
  await core.queues.schedule('satisfaction', c.id, c.history.length, nextWorkingMorning(core.directory.index().calendar, now));
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
  const c0 = await load(ctx, caseNo);
  mustBeAssignee(ctx, c0);
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
  if (!liaison) throw new AppError('no_liaison', '本区还没有检察联络员，请联系区总工会。', 409);
  const weak = WEAK_CAPACITY.filter(([re]) => re.test(why)).map(([, name]) => name);
  const decideBy = referralDeadline(core.config, core.directory.index().calendar, now);
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    if (cur.status !== 'accepted') throw new AppError('invalid_transition', `案件 ${cur.caseNo} 状态已变化，请重新查看。`, 409);
    return {
      record: {
        ...cur,
        status: 'referred',
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
        history: [...cur.history, { at: now.toISOString(), status: 'referred', note: '已转检察机关，审查是否支持起诉' }],
      },
      action: 'referred',
      detail: liaison.id,
    };
  });
  // Per referral (its history entry): a case referred again after 不予支持 is a new notice, not a duplicate job id.
  await core.queues.notify('staff-referral', c.id, liaison.id, c.history.length - 1);
  await core.queues.schedule('referral-deadline', c.id, c.assignmentSeq, decideBy);
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
  if (c0.referral!.status !== 'pending') throw new AppError('invalid_transition', `案件 ${c0.caseNo} 的转检察已经处理过了。`, 409);
  const why = accept ? '' : text(reason, 'reason', '不予支持的理由');
  if (!accept) assertMove(c0, 'accepted', '退回');
  const c = await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    if (cur.referral?.status !== 'pending') throw new AppError('invalid_transition', `案件 ${cur.caseNo} 的转检察已经处理过了。`, 409);
    return {
      record: {
        ...cur,
        status: accept ? 'referred' : 'accepted',
        referral: { ...cur.referral, status: accept ? 'accepted' : 'declined', declineReason: accept ? null : why },
        history: [
          ...cur.history,
          { at: now.toISOString(), status: accept ? 'referred' : 'accepted', note: accept ? '检察机关已受理，正在审查支持起诉' : '检察机关暂不支持起诉，案件回到原工作人员继续办理' },
        ],
      },
      action: accept ? 'referral-accepted' : 'referral-declined',
      detail: ctx.staff.staff.id,
    };
  });
  await core.queues.unschedule('referral-deadline', c.id, c.assignmentSeq);
  if (!accept && c.assignee) await core.queues.notify('staff-referral-result', c.id, c.assignee.staffId, c.history.length - 1);
  await tellReporter(core, c);
  return c;
}

/** The liaison records the outcome (支持起诉意见书 issued, 缓交诉讼费 suggested, money recovered); the union is told. */
export async function recordReferralOutcome(ctx: StaffCommandContext, caseNo: string | null, outcomeText: string): Promise<Case> {
  const { core } = ctx;
  const c0 = await load(ctx, caseNo);
  mustBeLiaison(ctx, c0);
  if (c0.referral!.status !== 'accepted') throw new AppError('invalid_transition', `请先回复「受理 ${c0.caseNo}」再记录结果。`, 409);
  const t = text(outcomeText, 'outcome', '结果');
  const money = t.match(/追回\s*([\d.,]+)/);
  const recovered = money ? Number(money[1]!.replace(/,/g, '')) : null;
  if (money && (!Number.isFinite(recovered) || recovered! <= 0)) throw new ValidationError('outcome', '追回金额要是大于0的数字');
  await core.cases.update(c0.id, `staff:${ctx.staff.staff.id}`, (cur) => {
    // Re-checked on the fresh record: of two outcomes sent at once, the second must not overwrite the first.
    if (cur.status !== 'referred' || cur.referral?.status !== 'accepted' || cur.referral.liaisonId !== ctx.staff.staff.id) {
      throw new AppError('invalid_transition', `案件 ${cur.caseNo} 的结果已经记录过了，请重新查看。`, 409);
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
    await core.queues.notify('staff-referral-result', c.id, id, c.history.length - 1);
  }
  return c;
}

export async function setDuty(ctx: StaffCommandContext, onDuty: boolean): Promise<void> {
  await ctx.core.redis.hSet(ctx.core.keys.staffDuty(), ctx.staff.staff.id, onDuty ? '1' : '0');
}

export async function isOnDuty(ctx: StaffCommandContext): Promise<boolean> {
  return (await dutyOverrides(ctx.core.redis, ctx.core.keys)).get(ctx.staff.staff.id) ?? ctx.staff.staff.onDuty;
}

function stateLine(c: Case): string {
  return `案件 ${c.caseNo} 现在是「${statusName(c.status)}」。`;
}

const caseCommand = (names: string[], usage: string, run: (ctx: StaffCommandContext, no: string | null, rest: string) => Promise<string>) => ({
  names,
  usage,
  run: (ctx: StaffCommandContext, args: string) => {
    const { no, rest } = takeRecordNo(args);
    return run(ctx, no, rest);
  },
});

registerStaffCommands(
  {
    names: ['我的案件'],
    usage: '我的案件 —— 列出您负责的案件',
    async run(ctx) {
      const list = (await listCases(ctx)).filter((c) => c.status !== 'closed');
      if (list.length === 0) return '您现在没有要办理的案件。';
      return `您的案件（${list.length}件）：\n${list
        .slice(0, 20)
        .map((c) => `· ${c.caseNo} ${statusName(c.status)} ${c.wage?.employer ?? '人工求助'}${c.priority !== 'normal' ? '【优先】' : ''}`)
        .join('\n')}\n回复「详情 编号」查看。`;
    },
  },
  caseCommand(['详情'], '详情 QX… —— 查看案件详情', (ctx, no) => showCase(ctx, no)),
  caseCommand(['接单'], '接单 QX… —— 接受分派给您的案件', async (ctx, no) => {
    const c = await acceptCase(ctx, no);
    return `已接单。${stateLine(c)}\n请在${shortTime(c.resolveBy!)}前办结；办结请回复「办结 ${c.caseNo} 追回 金额」或「办结 ${c.caseNo} 未追回 原因」。`;
  }),
  caseCommand(['退回'], '退回 QX… 原因 —— 退回案件，系统改派他人', async (ctx, no, rest) => {
    const c = await declineCase(ctx, no, rest);
    return `已退回，系统正在改派。${stateLine(c)}`;
  }),
  caseCommand(['备注'], '备注 QX… 内容 —— 记录办理情况', async (ctx, no, rest) => {
    const c = await noteCase(ctx, no, rest);
    return `已记下备注（共${c.notes.length}条）。${stateLine(c)}`;
  }),
  caseCommand(['回复'], '回复 QX… 内容 —— 给报告人发消息（如答复人工求助）', async (ctx, no, rest) => {
    const c = await replyToReporter(ctx, no, rest);
    return `已发给报告人（第${c.replies.length}条）。${stateLine(c)}`;
  }),
  caseCommand(['办结'], '办结 QX… 追回 28500 / 办结 QX… 未追回 原因', async (ctx, no, rest) => {
    const c = await resolveCase(ctx, no, parseOutcome(rest));
    return `已办结。${stateLine(c)}\n下个工作日上午会请报告人评价处理结果。`;
  }),
  caseCommand(['转检察'], '转检察 QX… 理由 —— 转检察联络员审查支持起诉', async (ctx, no, rest) => {
    const c = await referCase(ctx, no, rest);
    return `已转给检察联络员，对方会在${ctx.core.config.REFERRAL_WORKING_DAYS}个工作日内答复。${stateLine(c)}`;
  }),
  {
    names: ['上班'],
    usage: '上班 —— 开始接收新案件',
    async run(ctx) {
      await setDuty(ctx, true);
      return '已设为上班，会接收新案件。';
    },
  },
  {
    names: ['休息'],
    usage: '休息 —— 暂停接收新案件',
    async run(ctx) {
      await setDuty(ctx, false);
      return '已设为休息，暂停分派新案件给您；已有案件请继续办理。回复「上班」恢复。';
    },
  },
  {
    ...caseCommand(['受理'], '受理 QX… —— （检察联络员）受理转来的案件', async (ctx, no) => {
      const c = await decideReferral(ctx, no, true);
      return `已受理。${stateLine(c)}\n有结果后请回复「结果 ${c.caseNo} 已出具支持起诉意见书」等。`;
    }),
    roles: ['procuratorate_liaison'],
  },
  {
    ...caseCommand(['不予支持'], '不予支持 QX… 理由 —— （检察联络员）不支持起诉', async (ctx, no, rest) => {
      const c = await decideReferral(ctx, no, false, rest);
      return `已退回工会继续办理。${stateLine(c)}`;
    }),
    roles: ['procuratorate_liaison'],
  },
  {
    ...caseCommand(['结果'], '结果 QX… 内容 —— （检察联络员）记录支持起诉结果，如「已出具支持起诉意见书」「建议缓交诉讼费」「追回 28500」', async (ctx, no, rest) => {
      const c = await recordReferralOutcome(ctx, no, rest);
      return `已记录结果并告知工会。${stateLine(c)}`;
    }),
    roles: ['procuratorate_liaison'],
  },
);
