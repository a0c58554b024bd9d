import { addWorkingDays } from '../infra/calendar.js';
import { ConflictError, ValidationError } from '../infra/errors.js';
import { yuan } from '../infra/money.js';
import { addDays, chinaDay, shortTime } from '../infra/time.js';
import { numberedCommand, registerStaffCommands, takeRecordNo, type StaffCommandContext } from '../staff/index.js';
import { reassignOptions } from './board.js';
import { allBackWithNoFigure, exceedsClaim, farBelowClaim, fullWellBelowClaim, parseClose, recoveredShare, recoveredWithRemark, splitNextStep, type ParsedClose } from './closing.js';
import { MAX_EXTENSION_WORKING_DAYS, workingDaysBetween } from './deadlines.js';
import type { StaffRole } from '../directory/index.js';
import type { Case } from './record.js';
import { statusName } from './state.js';
import { claimedAmount, endSummary, lastInLine, nextStepShort, referralProgressAnswer } from './texts.js';
import { AMEND_FIELD_NAMES, type AmendField } from '../infra/amend.js';
import {
  acceptCase,
  amendCase,
  canView,
  chaseCase,
  declineCase,
  decideReferral,
  extendCase,
  listCases,
  noteCase,
  reassignCase,
  readReferralResult,
  recordReferralOutcome,
  referCase,
  referralPaidSoFar,
  replyToReporter,
  resolveCase,
  reviewClose,
  showCase,
} from './work.js';

/** Case work typed in WeChat (`接单 QX…`, `办结 QX… 追回 28500`): the same functions the staff API calls (work.ts). */

function stateLine(c: Case): string {
  return `案件 ${c.caseNo} 现在是「${statusName(c.status)}」。`;
}

const caseCommand = numberedCommand;

/**
 * A note from the assignee of a case they have not taken (`打了电话没人接` on a case still 待接单): they are working
 * on it, but without 接单 its time to be taken runs out and it goes to someone else. The 接单 is said, and offered
 * on 好 where the channel can take a yes (StaffCommandContext.offer).
 */
function notTakenYet(ctx: StaffCommandContext, c: Case): string {
  if (c.status !== 'assigned' || c.assignee?.staffId !== ctx.staff.staff.id) return '';
  // Nobody left who has not let it lapse (texts.ts `lastInLine`): it is not handed on, only chased.
  const by = !c.acceptBy ? '' : lastInLine(ctx.core.directory.index(), c) ? `，请在${shortTime(c.acceptBy)}前接单；已没有别人可以改派，超时系统会继续催办` : `，${shortTime(c.acceptBy)}前不接单会改派给别人`;
  const line = `这件还没接单${by}。请发：接单 ${c.caseNo}`;
  if (!ctx.offer) return `\n${line}`;
  ctx.offer(`接单 ${c.caseNo}`);
  return `\n${line}\n回复「好」就接单。`;
}

/**
 * Who can hold a case (directory schema: assignees and people on call are
 * grid workers or union supervisors): the assignee's commands are theirs
 * only, so a liaison, a reviewer or a lawyer is told at once, and not shown them.
 */
const HOLDERS: StaffRole[] = ['grid_worker', 'township_supervisor', 'district_supervisor'];

/** `12月30日` for a `YYYY-MM-DD` day. */
const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

// --- 延期: how long, as staff type it ---------------------------------------------------------

/**
 * What `延期 QX… …` asks for: working days (`5`, `5天`, `5个工作日`, `两天`),
 * a new limit (`到12月30日`, `12月30日前`), or weeks and months (`3周`,
 * `两个星期`, `1个月`: calendar time from the present limit, counted in
 * working days). Anything else is asked about; the leading digits of another
 * word (`10号前`, `3次`) are never read as days, so a reason is never cut up.
 */
type ExtensionAsk =
  | { kind: 'days'; days: number; reason: string }
  | { kind: 'until'; day: string; reason: string }
  | { kind: 'span'; weeks: number; months: number; said: string; reason: string };

const CN_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `5`, `两`, `十`, `十五`, `二十`; null for anything else (`几`, `一两`). */
function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = s.match(/^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/);
  if (!m || !s) return null;
  if (!m[2]) return m[3] ? null : CN_DIGIT[m[1]!]!;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

/** What to send instead, with the case's own number. */
function extensionExample(no: string | null, today: string): string {
  const n = no ?? 'QX…';
  return `请写工作日天数或延到哪天，例如：\n延期 ${n} 5 等住建部门核实\n延期 ${n} 到${md(addDays(today, 30))} 老板月底前给钱`;
}

const TO = '(?:延到|延至|延长到|延长至|延后到|推迟到|推到|顺延到|顺延至|到|至)?';
const AFTER_DATE = '\\s*(?:之前|以前|前|为止)?';
/** Words right after a length or a day that make it not a plain count (`5天左右`, `两天后`, `12月30日以后`). */
const VAGUE_AFTER = /^(?:以内|之内|内|以后|之后|后|左右|上下|多|半|来)/;
const REASON_SEP = /^[\s，,。；;：:、]+/;

function parseExtension(rest: string, no: string | null, today: string): ExtensionAsk {
  const t = rest.trim();
  if (!t) throw new ValidationError('days', '请写上延期的工作日天数和原因，例如「延期 QX… 5 等住建部门核实工程款」');
  const unclear = () => new ValidationError('days', `没看懂要延多久。${extensionExample(no, today)}`);
  const reasonAfter = (s: string) => {
    if (VAGUE_AFTER.test(s)) throw unclear();
    return s.replace(REASON_SEP, '').trim();
  };

  // A day: `12月30日`, `到12月25号`, `2027年1月8日前`, `2027-01-08`.
  const date =
    t.match(new RegExp(`^${TO}\\s*(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?${AFTER_DATE}`)) ??
    t.match(new RegExp(`^${TO}\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})${AFTER_DATE}`));
  if (date) {
    const pad = (x: string) => x.padStart(2, '0');
    let day = `${date[1] ?? today.slice(0, 4)}-${pad(date[2]!)}-${pad(date[3]!)}`;
    if (addDays(day, 0) !== day) throw unclear();
    // 1月8日 typed in December is next January.
    if (!date[1] && day < today) day = `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
    if (addDays(day, 0) !== day) throw unclear();
    return { kind: 'until', day, reason: reasonAfter(t.slice(date[0].length)) };
  }
  // A day of the month alone (`10号前`, `到15日`), a month (`到月底`): which month is not guessed.
  if (new RegExp(`^${TO}\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日号]|^${TO}\\s*(?:月底|月末|年底|年后|节后)`).test(t)) throw unclear();

  const len = t.match(/^(?:再)?(?:延长|延|推迟|顺延)?\s*(\d{1,3}|[零一二两三四五六七八九十]{1,3})(?:\s*(个工作日|工作日|个工作天|工作天|天|个星期|星期|个礼拜|礼拜|周|个月))?/);
  if (!len) throw unclear();
  const n = smallNumber(len[1]!);
  const unit = len[2];
  const after = t.slice(len[0].length);
  // A bare number must stand alone (`5 原因`); a Chinese numeral needs its unit (`三方协商` is not 3 days).
  if (n === null || (!unit && (!/^\d/.test(len[1]!) || !/^(?:$|[\s，,。；;：:、])/.test(after)))) throw unclear();
  const reason = reasonAfter(after);
  if (!unit || /天|工作日/.test(unit)) return { kind: 'days', days: n, reason };
  if (unit === '个月') return { kind: 'span', weeks: 0, months: n, said: `${len[1]}个月`, reason };
  return { kind: 'span', weeks: n, months: 0, said: `${len[1]}${unit}`, reason };
}

/** `day` plus `months` calendar months (the 31st of a shorter month: its last day). */
function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const yy = y + Math.floor(m / 12);
  const mm = (m % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const d = Math.min(Number(day.slice(8, 10)), last);
  return `${yy}-${String(mm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A new limit or a length in weeks or months, as working days from the
 * case's present limit. The case is read first only to count them; every
 * check is made again by extendCase, which alone changes the case.
 */
async function extensionDays(ctx: StaffCommandContext, no: string | null, ask: Exclude<ExtensionAsk, { kind: 'days' }>): Promise<{ days: number; target: string }> {
  const c = no ? await ctx.core.cases.getByNo(no) : null;
  if (!c || c.assignee?.staffId !== ctx.staff.staff.id) {
    // Not found, not theirs: extendCase gives the refusal (0 days is never applied).
    await extendCase(ctx, no, 0, ask.reason);
    throw new ConflictError('invalid_transition', `案件 ${no ?? ''} 状态已变化，请重新查看。`);
  }
  if (!ask.reason) throw new ValidationError('reason', '请写上延期的原因');
  if (c.status !== 'accepted' || !c.resolveBy) throw new ConflictError('invalid_transition', `案件 ${c.caseNo} 现在是「${statusName(c.status)}」，不能延期。`);
  const now = ctx.core.clock.now();
  if (Date.parse(c.resolveBy) <= now.getTime()) {
    throw new ConflictError('deadline_passed', `案件 ${c.caseNo} 的办结期限（${shortTime(c.resolveBy)}）已经过了，不能再延期，请尽快办结或向工会说明情况。`);
  }
  const cal = ctx.core.directory.index().calendar;
  const from = chinaDay(new Date(c.resolveBy));
  const target = ask.kind === 'until' ? ask.day : ask.months ? addMonths(from, ask.months) : addDays(from, ask.weeks * 7);
  const wanted = ask.kind === 'until' ? `延到${md(target)}` : `延${ask.said}（到${md(target)}）`;
  const days = workingDaysBetween(cal, from, target);
  if (days < 1) throw new ValidationError('days', `案件 ${c.caseNo} 的办结期限已经是${shortTime(c.resolveBy)}，不用延到${md(target)}。`);
  const used = c.extensions.reduce((n, e) => n + e.days, 0);
  const left = MAX_EXTENSION_WORKING_DAYS - used;
  if (days > left) {
    if (left <= 0) throw new ValidationError('days', `这件案件已经延期${used}个工作日，到上限了，不能再延。`);
    const latest = addWorkingDays(cal, new Date(c.resolveBy), left);
    throw new ValidationError(
      'days',
      `${wanted}要延${days}个工作日，超过了上限：一件案件最多延期${MAX_EXTENSION_WORKING_DAYS}个工作日，这件还能延${left}个工作日，最晚到${shortTime(latest.toISOString())}。\n例如：延期 ${c.caseNo} ${left} ${ask.reason}`,
    );
  }
  return { days, target };
}

// --- 办结: the result, and a full recovery well below the claim confirmed first -------------------

/**
 * The case whose claim an unconfirmed 办结 with money is checked against (above, far below, 全额 well below): only the
 * assignee's case being worked, with a claim; anyone else gets resolveCase's refusal. `step`: the 下一步 to repeat.
 */
async function claimToCheck(ctx: StaffCommandContext, no: string | null, rest: string, o: ParsedClose): Promise<{ c: Case; wage: NonNullable<Case['wage']>; recovered: number; step: string } | null> {
  if (o.confirmed || o.recovered === null || !no) return null;
  const c = await ctx.core.cases.getByNo(no);
  if (!c?.wage || c.assignee?.staffId !== ctx.staff.staff.id || c.status !== 'accepted') return null;
  const { nextText } = splitNextStep(rest);
  return { c, wage: c.wage, recovered: o.recovered, step: nextText ? ` 下一步 ${nextText}` : '' };
}

/**
 * `追回 3000 全部` on a 28,500元 claim: asked back before anything is
 * recorded. A full close stops the worker being offered a lawyer
 * (closing.ts `fullyPaid`), so a union supervisor would rather lose one
 * message than close off the rest of a worker's wages on a slip; but the
 * official may know better (the claim was checked down, the worker settled),
 * so one confirming message records it as typed. Below 90% of the claim
 * counts as well below (closing.ts `fullWellBelowClaim`; the staff API asks the same).
 */
async function fullBelowClaim(ctx: StaffCommandContext, no: string | null, rest: string, o: ParsedClose): Promise<string | null> {
  if (!o.full) return null;
  const held = await claimToCheck(ctx, no, rest, o);
  if (!held || !fullWellBelowClaim(held.c, held.recovered)) return null;
  const { c, wage, recovered, step } = held;
  return [
    `报告人反映欠${claimedAmount(wage)}，您写的是全部追回${yuan(recovered)}。还没有记录。`,
    `确认已全部追回，请发：办结 ${c.caseNo} 追回 ${recovered} 全额 确认${step}`,
    `还有没追回的，请发：办结 ${c.caseNo} 追回 ${recovered}${step}`,
  ].join('\n');
}

/**
 * `追回 60000` on a 6,000元 claim: an extra zero, or 万 for 千, would reach
 * the record, the reporter and the figures. More than the claim is asked
 * back, nothing recorded; `确认` records it as typed (the boss may have
 * paid compensation or wages reported short).
 */
async function aboveClaim(ctx: StaffCommandContext, no: string | null, rest: string, o: ParsedClose): Promise<string | null> {
  const held = await claimToCheck(ctx, no, rest, o);
  if (!held || !exceedsClaim(held.c, held.recovered)) return null;
  const { c, wage, recovered, step } = held;
  const owed = o.owed !== null ? ` 还欠 ${o.owed}` : '';
  return [
    `报告人反映欠${claimedAmount(wage)}，您写的是追回${yuan(recovered)}，比反映的还多。还没有记录。`,
    `确认追回了${yuan(recovered)}，请发：办结 ${c.caseNo} 追回 ${recovered}${owed} 确认${step}`,
    `写错了的话，请改好重发，例如：办结 ${c.caseNo} 追回 ${wage.amount}`,
  ].join('\n');
}

/**
 * `追回 28.5` on a 28,500元 claim: less than a hundredth of it reads as a unit left out (28.5千, 2.85万), not as 28.5元
 * recovered (closing.ts farBelowClaim). Asked back with the message to send, nothing recorded; `确认` records it as typed.
 */
async function farBelowOffer(ctx: StaffCommandContext, no: string | null, rest: string, o: ParsedClose): Promise<string | null> {
  const held = await claimToCheck(ctx, no, rest, o);
  if (!held || !farBelowClaim(held.c, held.recovered)) return null;
  const { c, wage, recovered, step } = held;
  const tail = `${o.full ? ' 全额' : ''}${o.owed !== null ? ` 还欠 ${o.owed}` : ''}`;
  return [
    `报告人反映欠${claimedAmount(wage)}，您写的是追回${yuan(recovered)}，比反映的少很多。还没有记录。`,
    `确认只追回了${yuan(recovered)}，请发：办结 ${c.caseNo} 追回 ${recovered}${tail} 确认${step}`,
    `写错了的话，请改好重发，例如：办结 ${c.caseNo} 追回 ${wage.amount}`,
  ].join('\n');
}

/**
 * A liaison's `结果 QX… 追回 28.5` on a 28,500元 claim: read as a close with less than a hundredth of the claim (a unit
 * left out?), asked back as 办结 is (farBelowClaim); `确认` in the words records it as typed.
 */
async function referralFarBelow(ctx: StaffCommandContext, no: string | null, rest: string): Promise<string | null> {
  if (!no || /确认/u.test(rest)) return null;
  const c = await ctx.core.cases.getByNo(no);
  // Only the liaison of a referral they accepted; anyone else gets recordReferralOutcome's refusal.
  if (!c?.wage || c.status !== 'referred' || c.referral?.liaisonId !== ctx.staff.staff.id || c.referral.status !== 'accepted') return null;
  const read = readReferralResult(rest, c.wage.amount);
  if (!read.close || read.recovered === null || !farBelowClaim(c, read.recovered)) return null;
  return [
    `报告人反映欠${claimedAmount(c.wage)}，您写的是追回${yuan(read.recovered)}，比反映的少很多。还没有记录。`,
    `确认只追回了${yuan(read.recovered)}，请发：结果 ${c.caseNo} ${rest.trim()} 确认`,
    `写错了的话，请改好重发，例如：结果 ${c.caseNo} 追回 ${c.wage.amount}`,
  ].join('\n');
}

/**
 * `追回全款`, `全部追回了`, `追回了全部` with no figure (办结, or a liaison's 结果): the claim as the amount is an
 * inference, so nothing is recorded; the message that records it is offered with the figure in it, to send as it is.
 * A claim of no one figure (a range, `两万多`, a group's) is asked for the amount instead.
 */
async function allBackOffer(ctx: StaffCommandContext, no: string | null, rest: string, command: '办结' | '结果'): Promise<string | null> {
  if (!no || !allBackWithNoFigure(rest)) return null;
  const c = await ctx.core.cases.getByNo(no);
  if (!c?.wage) return null;
  // Only the one who would record it (the assignee of a case being worked, the liaison of a referral they accepted).
  const mine =
    command === '办结'
      ? c.assignee?.staffId === ctx.staff.staff.id && c.status === 'accepted'
      : c.status === 'referred' && c.referral?.liaisonId === ctx.staff.staff.id && c.referral.status === 'accepted';
  if (!mine) return null;
  const w = c.wage;
  const { nextText } = splitNextStep(rest);
  const step = command === '办结' && nextText ? ` 下一步 ${nextText}` : '';
  const full = command === '办结' ? ' 全额' : '';
  if (w.amountApprox || w.amountUpTo !== null || w.headcount.count > 1) {
    return [`报告人反映欠${claimedAmount(w)}，全部追回的是多少钱？还没有记录。`, `请写上金额：${command} ${c.caseNo} 追回 金额${full}${step}`].join('\n');
  }
  return [
    `您是说报告人反映的${yuan(w.amount)}全部追回了吗？还没有记录。`,
    `是的话，请发：${command} ${c.caseNo} 追回 ${w.amount}${full}${step}`,
    `只追回了一部分的，请写上金额：${command} ${c.caseNo} 追回 金额`,
  ].join('\n');
}

/**
 * `办结 QX… 追回一半`, `追回三分之一`, `追回50%`: a share of the claim, no figure. What it comes to is an inference, so
 * nothing is recorded: on a claim of one figure the amount is worked out and offered in the message that records it
 * (the rest as still owed); a claim of no one figure, a share said about (`一半左右`) or a vague part (`大部分`) is
 * asked for the figure. Only for the assignee of a case being worked; anyone else gets parseClose's answer.
 */
async function shareOffer(ctx: StaffCommandContext, no: string | null, rest: string): Promise<string | null> {
  if (!no) return null;
  const { head, nextText } = splitNextStep(rest);
  const got = head.replace(/^[\s，,。；;]+/u, '').match(/^(?:已经?|共计?|一共|总共)?\s*追回(?:了)?(?:工资|欠薪|工钱)?\s*[：:]?\s*/u);
  const share = got ? recoveredShare(head.replace(/^[\s，,。；;]+/u, '').slice(got[0].length)) : null;
  if (!share || share.rest) return null;
  const c = await ctx.core.cases.getByNo(no);
  if (!c?.wage || c.assignee?.staffId !== ctx.staff.staff.id || c.status !== 'accepted') return null;
  const w = c.wage;
  const step = nextText ? ` 下一步 ${nextText}` : '';
  const part = share.fraction === null ? null : Math.round(w.amount * share.fraction * 100) / 100;
  if (part === null || share.hedged || !Number.isInteger(part) || w.amountApprox || w.amountUpTo !== null || w.headcount.count > 1) {
    return [`报告人反映欠${claimedAmount(w)}，您写的是追回${share.said}，具体追回了多少钱？还没有记录。`, `请写上实际追回的金额：办结 ${c.caseNo} 追回 金额${step}`].join('\n');
  }
  return [
    `是追回了${yuan(part)}（反映金额${yuan(w.amount)}的${share.said}）吗？还没有记录。`,
    `是的话，请发：办结 ${c.caseNo} 追回 ${part} 还欠 ${w.amount - part}${step}`,
    `不是的话，请写上实际追回的金额：办结 ${c.caseNo} 追回 金额${step}`,
  ].join('\n');
}

/**
 * `追回3000 剩下的老板跑了`: some money back, and words about the rest.
 * How much is still owed is not guessed, so nothing is recorded: the two
 * messages that record it, ready to send (the amount as read, said back;
 * what the reporter claimed less it, only for a claim of one figure).
 */
async function recoveredAndRemark(ctx: StaffCommandContext, no: string | null, rest: string): Promise<string | null> {
  const r = recoveredWithRemark(rest);
  if (!r || !no) return null;
  const c = await ctx.core.cases.getByNo(no);
  // Only the assignee of a case being worked; anyone else gets resolveCase's refusal.
  if (!c || c.assignee?.staffId !== ctx.staff.staff.id || c.status !== 'accepted') return null;
  const w = c.wage;
  const owed = w && !w.amountApprox && w.amountUpTo === null && w.headcount.count <= 1 && w.amount > r.recovered ? ` 还欠 ${w.amount - r.recovered}` : ' 还欠 金额';
  return [
    `追回${yuan(r.recovered)}，剩下的还没追回。还没有记录。`,
    `请发：办结 ${c.caseNo} 追回 ${r.recovered}${owed}`,
    `情况可以记在备注里：备注 ${c.caseNo} ${r.remark}`,
  ].join('\n');
}

/** `（全额）` only for exactly the claim; more than it is said as more (never as 全额). */
export function fullMark(c: Case, o: { recovered: number | null; full: boolean }): string {
  if (o.recovered === null) return '';
  if (c.wage && exceedsClaim(c, o.recovered)) return `（比报告人反映的${claimedAmount(c.wage)}多）`;
  return o.full ? '（全额）' : c.wage ? `（部分，报告人反映欠${claimedAmount(c.wage)}）` : '';
}

/** What was recorded, said back: 追回3,000元（部分，报告人反映欠28,500元）, the next step with its day. */
function recordedLine(c: Case): string {
  const o = c.status === 'closing' ? c.closeRequest : c.outcome;
  if (!o) return '';
  const head = o.end ? endSummary(o) : o.recovered !== null ? `追回${yuan(o.recovered)}${fullMark(c, o)}` : `未追回：${o.reason ?? ''}`;
  const step = o.nextStep && o.nextStep.kind !== 'procuratorate' ? `；下一步：${nextStepShort(o.nextStep)}` : '';
  return `\n记录的结果：${head}${step}`;
}

function closedAnswer(ctx: StaffCommandContext, c: Case): string {
  if (c.status === 'closing') {
    const who = ctx.core.directory.index().staffById.get(c.closeRequest?.approverId ?? '')?.staff.name ?? '工会';
    return `这是群体或工程建设案件，办结要经${who}同意，已请对方审批。${stateLine(c)}\n同意后会告诉报告人结果；退回的话案件回到您手上。${recordedLine(c)}`;
  }
  const next = c.outcome?.end ? '已告诉报告人案件已办结；' : c.outcome?.recovered != null ? '已请报告人确认是否收到钱；' : '已把下一步和求助电话告诉报告人；';
  return `已办结。${stateLine(c)}\n${next}下个工作日上午会请报告人评价处理结果。${recordedLine(c)}`;
}

// --- 我的案件: each case with its next time limit ----------------------------------------------

/** The limit a case is running against for the people who see it, and what it is called. */
function nextLimit(c: Case): { label: string; at: string } | null {
  if (c.status === 'assigned' && c.acceptBy) return { label: '接单期限', at: c.acceptBy };
  if (c.status === 'accepted' && c.resolveBy) return { label: '办结期限', at: c.resolveBy };
  if (c.status === 'referred' && c.referral?.status === 'pending') return { label: '检察答复期限', at: c.referral.decideBy };
  return null;
}

type Urgency = 'overdue' | 'today' | null;

function urgencyOf(c: Case, now: Date): Urgency {
  const limit = nextLimit(c);
  if (!limit) return null;
  if (Date.parse(limit.at) <= now.getTime()) return 'overdue';
  return chinaDay(new Date(limit.at)) === chinaDay(now) ? 'today' : null;
}

const MARK: Record<NonNullable<Urgency>, string> = { overdue: '【已超期】', today: '【今天到期】' };

async function caseList(ctx: StaffCommandContext, args: string, onlyUrgent: boolean): Promise<string> {
  // `案件 QX…`: that case's details.
  const { no } = takeRecordNo(args.trim());
  if (no) return showCase(ctx, no);
  const now = ctx.core.clock.now();
  const list = (await listCases(ctx)).filter((c) => c.status !== 'closed');
  const me = ctx.staff.staff.id;
  const mine = (c: Case) => c.status === 'closing' && c.closeRequest?.approverId === me;
  const urgency = new Map(list.map((c) => [c.id, urgencyOf(c, now)]));
  const overdue = list.filter((c) => urgency.get(c.id) === 'overdue').length;
  const today = list.filter((c) => urgency.get(c.id) === 'today').length;
  if (onlyUrgent && overdue + today === 0) {
    return list.length === 0 ? '您现在没有要办理的案件。' : `您的${list.length}件案件都没有超期，今天也没有到期的。发「我的案件」看全部。`;
  }
  if (list.length === 0) return '您现在没有要办理的案件。';
  // Closes waiting for this person's approval first, then the overdue, then those due today.
  const rank = (c: Case) => (mine(c) ? 0 : urgency.get(c.id) === 'overdue' ? 1 : urgency.get(c.id) === 'today' ? 2 : 3);
  const shown = list.filter((c) => !onlyUrgent || urgency.get(c.id)).sort((a, b) => rank(a) - rank(b));
  const line = (c: Case) => {
    const limit = nextLimit(c);
    const u = urgency.get(c.id);
    const when = limit ? `，${limit.label}${shortTime(limit.at)}${u ? MARK[u] : ''}` : '';
    return `· ${c.caseNo} ${statusName(c.status)}${mine(c) ? '【待您审批】' : ''} ${c.wage?.employer ?? '人工求助'}${c.priority !== 'normal' ? '【优先】' : ''}${when}`;
  };
  const counts = [overdue ? `已超期${overdue}件` : '', today ? `今天到期${today}件` : ''].filter(Boolean).join('，');
  const head = onlyUrgent ? `已超期或今天到期的案件（${shown.length}件）：` : `您的案件（${list.length}件）：`;
  const more = shown.length > 20 ? `\n……还有${shown.length - 20}件` : '';
  // `第一个接单` next means the first line here.
  ctx.showList?.(shown.slice(0, 20).map((c) => c.caseNo));
  return `${head}\n${shown.slice(0, 20).map(line).join('\n')}${more}\n${!onlyUrgent && counts ? `${counts}。` : ''}回复「详情 编号」查看。`;
}

// --- 改派: a supervisor hands a case to someone routing could pick --------------------------------

/**
 * `改派 QX… 黄丽娟 原因` or `改派 QX… gw-002`. The person is checked against
 * routing's candidates first: reassignCase releases the case before routing
 * it to the one named, so a name that cannot take it must never get that far
 * (the case would go to whoever routing picks instead).
 */
async function reassignByText(ctx: StaffCommandContext, no: string | null, rest: string): Promise<string> {
  const m = rest.replace(/^(?:给|到|由)\s*/, '').match(/^([^\s，,。；;：:、]+)[\s，,。；;：:、]*(.*)$/s);
  const example = `例如「改派 ${no ?? 'QX…'} 黄丽娟 原因」`;
  const c = no ? await ctx.core.cases.getByNo(no) : null;
  if (!m) {
    if (!c || !canView(ctx.staff, c)) await reassignCase(ctx, no, '', '');
    throw new ValidationError('staffId', `请写上改派给谁（姓名或编号），${example}。`);
  }
  const [, who, reason] = m as unknown as [string, string, string];
  if (!c || !canView(ctx.staff, c)) {
    // Not found or not theirs: reassignCase refuses before touching anything.
    await reassignCase(ctx, no, who, reason);
    throw new ConflictError('invalid_transition', `案件 ${no ?? ''} 状态已变化，请重新查看。`);
  }
  if (c.status !== 'submitted' && c.status !== 'assigned' && c.status !== 'accepted') {
    throw new ConflictError('invalid_transition', `案件 ${c.caseNo} 现在是「${statusName(c.status)}」，不能改派。`);
  }
  const index = ctx.core.directory.index();
  const options = await reassignOptions(ctx.core, c);
  const named = [...index.staffById.values()].filter((e) => e.staff.id.toLowerCase() === who.toLowerCase() || e.staff.name === who);
  const choices = options.length ? `可以改派给：${options.slice(0, 8).map((o) => o.name).join('、')}。` : '现在没有可以改派的在岗人员。';
  if (named.length === 0) throw new ValidationError('staffId', `名录中没有「${who}」。${choices}${example}。`);
  if (named.length > 1) {
    throw new ValidationError('staffId', `名录中有${named.length}位「${who}」，请写编号：${named.map((e) => e.staff.id).join('、')}。`);
  }
  const target = named[0]!.staff;
  if (c.assignee?.staffId === target.id) throw new ConflictError('invalid_transition', `案件 ${c.caseNo} 已经在${target.name}手上。`);
  if (!options.some((o) => o.id === target.id)) {
    throw new ValidationError('staffId', `不能改派给${target.name}：只能给这个案件所在网格、镇（街道）或区里在岗的人，且不能是退回过或超时未接这个案件的人。${choices}`);
  }
  const after = await reassignCase(ctx, c.caseNo, target.id, reason);
  const now = after.assignee?.staffId === target.id ? `已改派给${target.name}，已通知对方和报告人。` : '已改派。';
  return `${now}${stateLine(after)}`;
}

/** The word staff use for each field a 更正 may change (`更正 QX… 金额 28500`). */
const AMEND_WORDS: [RegExp, AmendField][] = [
  [/^(?:欠薪金额|欠薪总额|欠款金额|工资金额|金额|欠薪|欠款|钱数|数额|总额)/u, 'amount'],
  [/^(?:用人单位|单位|公司|雇主|老板|厂家|工厂|厂|店)(?:的)?(?:名称|名字|全称|名)?/u, 'employer'],
  [/^(?:联系电话|手机号码|手机号|电话号码|电话号|手机|电话|号码)/u, 'phone'],
];

/** Words after a field's word that make it another fact (the employer's address or phone, a contact person). */
const OTHER_FACT = /^\s*(?:的)?\s*(?:地址|地点|电话|手机|号码|联系人|联系方式|负责人|法人|老板|名字是谁)/u;

/** How a 更正 is written, with the case's own number when known. */
function amendForm(no: string | null): string {
  const n = no ?? 'QX…';
  return `请这样写（一次更正一项）：\n更正 ${n} 金额 28500\n更正 ${n} 单位 宏达电子厂\n更正 ${n} 电话 13912345678`;
}

/**
 * `更正 QX… 金额 28500`: the field word, then the new value (a colon or 为/改为 between allowed). Anything else is
 * asked again with the form; nothing is changed until both are read.
 */
function parseAmend(no: string | null, rest: string): { field: AmendField; value: string } {
  if (!no) throw new ValidationError('caseNo', `请写上案件编号。${amendForm(null)}`);
  const t = rest.trim();
  const hit = AMEND_WORDS.map(([re, field]) => ({ m: re.exec(t), field })).find((x) => x.m);
  // `单位地址 …`, `老板电话 …`, `单位的负责人 …`: something else about the field word, which a 更正 does not change; never
  // the words taken as the employer's name.
  if (hit && OTHER_FACT.test(t.slice(hit.m![0].length))) throw new ValidationError('field', `只能更正欠薪金额、用人单位名称和报告人的电话，其他情况请用「备注 ${no} 内容」记下。${amendForm(no)}`);
  if (!hit) throw new ValidationError('field', `没看懂要更正哪一项：只能更正金额、单位或电话。${amendForm(no)}`);
  const value = t.slice(hit.m![0].length).replace(/^\s*(?:改为|改成|应为|应该是|更正为|为|是)?\s*[:：]?\s*/u, '').trim();
  if (!value) throw new ValidationError('value', `请写上更正后的${AMEND_FIELD_NAMES[hit.field]}。${amendForm(no)}`);
  return { field: hit.field, value };
}

/**
 * `回复 工人 老板答应月底付清`, `回复 QX… 报告人：您好…`: the word before the
 * message says who it is for (the reporter: 回复 writes only to them), and
 * is not sent. Only a word of its own (a space or punctuation after it):
 * `工人工资下周发` is sent as typed.
 */
const TO_REPORTER = /^(?:给|跟|对|向)?(?:工人|报告人|当事人|反映人|求助人|职工|工友)(?:师傅)?(?:说)?(?:[\s:：,，、]+|$)/u;

registerStaffCommands(
  {
    // 我的案子, 待办, 案件, 列表 and 我还有几个案子没办 are the same question.
    names: ['我的案件', '我的案子', '案件', '列表', '待办', '我还有几个案子', '还有几个案子', '我还有几件', '还有几件'],
    usage: '我的案件 —— 列出您负责的案件和期限（也可以发 待办）',
    run: (ctx, args) => caseList(ctx, args, false),
  },
  {
    names: ['超期', '超时', '已超期', '今天到期', '今日到期', '今天要办'],
    usage: '超期 —— 只列已超期和今天到期的案件',
    run: (ctx, args) => caseList(ctx, args, true),
  },
  // `进度 QX…`: staff ask about a case's progress as workers do; the same details, as far as they may see the case.
  caseCommand(['详情', '进度'], '详情 QX… —— 查看案件详情（也可以发 进度 QX…）', (ctx, no) => showCase(ctx, no)),
  {
    ...caseCommand(['接单'], '接单 QX… —— 接受分派给您的案件', async (ctx, no) => {
      const c = await acceptCase(ctx, no);
      // Short lines for a phone: the limit, then the two ways to close, each ready to copy.
      return [
        `已接单。案件 ${c.caseNo} 现在是「${statusName(c.status)}」，请在${shortTime(c.resolveBy!)}前办结。`,
        `追回了：办结 ${c.caseNo} 追回 金额`,
        `没追回：办结 ${c.caseNo} 未追回 原因 下一步 仲裁`,
      ].join('\n');
    }),
    roles: HOLDERS,
  },
  {
    ...caseCommand(['退回'], '退回 QX… 原因 —— 退回案件，系统改派他人；（镇街、区工会）退回待审批的办结', async (ctx, no, rest) => {
      const c0 = no ? await ctx.core.cases.getByNo(no) : null;
      const me = ctx.staff.staff;
      const supervisor = me.role === 'township_supervisor' || me.role === 'district_supervisor';
      if (c0 && c0.assignee?.staffId !== me.id && supervisor && canView(ctx.staff, c0)) {
        // A close waiting for this supervisor's approval: 退回 gives it back to its assignee.
        if (c0.status === 'closing') {
          const c = await reviewClose(ctx, no, false, rest);
          return `已退回，案件回到原工作人员手上继续办理，已告诉对方原因。${stateLine(c)}`;
        }
        if (c0.status === 'resolved' || c0.status === 'closed') throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 已办结，没有待审批的办结，不能退回。`);
        if (c0.status === 'submitted' || c0.status === 'assigned' || c0.status === 'accepted') {
          throw new ConflictError('invalid_transition', `案件 ${c0.caseNo} 不在您手上，没有待审批的办结。要换人办理，请发「改派 ${c0.caseNo} 姓名」。`);
        }
      }
      const c = await declineCase(ctx, no, rest);
      return `已退回，系统正在改派。${stateLine(c)}`;
    }),
    roles: HOLDERS,
  },
  {
    ...caseCommand(['同意'], '同意 QX… —— （镇街、区工会）同意群体或工程建设案件办结', async (ctx, no) => {
      const c = await reviewClose(ctx, no, true);
      return `已同意办结，已告诉报告人和办理人。${stateLine(c)}`;
    }),
    roles: ['township_supervisor', 'district_supervisor'],
  },
  {
    ...caseCommand(['改派'], '改派 QX… 姓名 原因 —— （镇街、区工会）把案件交给另一位工作人员', reassignByText),
    roles: ['township_supervisor', 'district_supervisor'],
  },
  {
    ...caseCommand(['催办', '督办'], '催办 QX… 要说的话 —— （镇街、区工会）催负责人办理，一件一小时内催一次', async (ctx, no, rest) => {
      const { assignee, limit } = await chaseCase(ctx, no, rest);
      return `已催办，已通知${assignee}。${limit ? `${limit}。` : ''}`;
    }),
    roles: ['township_supervisor', 'district_supervisor'],
  },
  {
    ...caseCommand(['延期'], `延期 QX… 天数 原因 —— 延长办结期限（按工作日，一件最多${MAX_EXTENSION_WORKING_DAYS}天；也可以写 到12月30日），会告诉报告人和镇街工会`, async (ctx, no, rest) => {
      const ask = parseExtension(rest, no, chinaDay(ctx.core.clock.now()));
      if (ask.kind === 'days') {
        const c = await extendCase(ctx, no, ask.days, ask.reason);
        return `已延期${ask.days}个工作日，新的办结期限是${shortTime(c.resolveBy)}。已告诉报告人和镇（街道）工会。${stateLine(c)}`;
      }
      const { days, target } = await extensionDays(ctx, no, ask);
      const c = await extendCase(ctx, no, days, ask.reason);
      // A day off asked for: the limit is the working day before it.
      const off = c.resolveBy && chinaDay(new Date(c.resolveBy)) !== target ? `（${md(target)}不是工作日）` : '';
      const length = ask.kind === 'span' ? `${ask.said}（${days}个工作日）` : `${days}个工作日`;
      return `已延期${length}，新的办结期限是${shortTime(c.resolveBy)}${off}。已告诉报告人和镇（街道）工会。${stateLine(c)}`;
    }),
    roles: HOLDERS,
  },
  caseCommand(['备注'], '备注 QX… 内容 —— 记录办理情况', async (ctx, no, rest) => {
    const c = await noteCase(ctx, no, rest);
    return `已记下备注（共${c.notes.length}条）。${stateLine(c)}${notTakenYet(ctx, c)}`;
  }),
  {
    ...caseCommand(['回复'], '回复 QX… 内容 —— 给报告人发消息（如答复人工求助）', async (ctx, no, rest) => {
      const c = await replyToReporter(ctx, no, rest.replace(TO_REPORTER, ''));
      return `已发给报告人（第${c.replies.length}条）。${stateLine(c)}`;
    }),
    roles: HOLDERS,
  },
  {
    ...caseCommand(['更正'], '更正 QX… 金额 28500 —— 改正案件信息（欠薪金额、用人单位或报告人的电话），会告诉报告人', async (ctx, no, rest) => {
      let ask: { field: AmendField; value: string };
      try {
        ask = parseAmend(no, rest);
      } catch (err) {
        if (err instanceof ValidationError) return `还没有更正。${err.message}`;
        throw err;
      }
      try {
        const { c, from, to } = await amendCase(ctx, no, ask.field, ask.value);
        return `已更正案件 ${c.caseNo} 的${AMEND_FIELD_NAMES[ask.field]}：${from} → ${to}。已告诉报告人。${stateLine(c)}`;
      } catch (err) {
        // A value the check refused: asked again with the form (nothing was changed).
        if (err instanceof ValidationError) return `还没有更正：${err.message.replace(/[。.]$/u, '')}。\n例如：更正 ${no} ${ask.field === 'amount' ? '金额 28500' : ask.field === 'employer' ? '单位 宏达电子厂' : '电话 13912345678'}`;
        throw err;
      }
    }),
    roles: HOLDERS,
  },
  {
    ...caseCommand(['办结'], '办结 QX… 追回 金额 —— 办结案件；没追回的写：办结 QX… 未追回 原因 下一步 仲裁（或 起诉、移交 单位 日期跟进）；本人撤回的写：办结 QX… 撤回 原因；私下和解的写：办结 QX… 和解 金额', async (ctx, no, rest) => {
      const remarked = (await recoveredAndRemark(ctx, no, rest)) ?? (await allBackOffer(ctx, no, rest, '办结')) ?? (await shareOffer(ctx, no, rest));
      if (remarked) return remarked;
      const o = parseClose(rest, chinaDay(ctx.core.clock.now()));
      const ask = (await aboveClaim(ctx, no, rest, o)) ?? (await farBelowOffer(ctx, no, rest, o)) ?? (await fullBelowClaim(ctx, no, rest, o));
      if (ask) return ask;
      const c = await resolveCase(ctx, no, o);
      return closedAnswer(ctx, c);
    }),
    roles: HOLDERS,
  },
  {
    ...caseCommand(['转检察'], '转检察 QX… 理由 —— 转检察联络员审查支持起诉', async (ctx, no, rest) => {
      const c = await referCase(ctx, no, rest);
      return `已转给检察联络员，对方会在${ctx.core.config.REFERRAL_WORKING_DAYS}个工作日内答复。${stateLine(c)}`;
    }),
    roles: HOLDERS,
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
    ...caseCommand(['结果'], '结果 QX… 内容 —— （检察联络员）记录结果，如「追回 28500」「已出具支持起诉意见书」；进展只记下，不办结', async (ctx, no, rest) => {
      const ask = (await allBackOffer(ctx, no, rest, '结果')) ?? (await referralFarBelow(ctx, no, rest));
      if (ask) return ask;
      const c = await recordReferralOutcome(ctx, no, rest);
      // A step still under way was recorded as progress: the case stays with the procuratorate.
      if (c.status === 'referred') return referralProgressAnswer(c, referralPaidSoFar(c));
      // Money recovered is said back as read (`追回 2万8千5`: 28,500元), so a misread shows at once. The reporter is told the result too.
      return `已记录结果，已告诉工会和报告人。${stateLine(c)}${c.outcome?.recovered != null ? recordedLine(c) : ''}`;
    }),
    roles: ['procuratorate_liaison'],
  },
);
