import type { DirectoryIndex } from '../directory/index.js';
import { ValidationError } from '../infra/errors.js';
import { addDays, chinaDay, weekdayOf } from '../infra/time.js';
import { leadingAmount, yuan } from '../infra/money.js';
import type { Case, CloseOutcome, NextStep } from './record.js';

/**
 * How a case may close: what `办结 QX… …` says (money recovered, or why not
 * and the next step), which closes wait for a supervisor's approval, and
 * who gives it. The moves themselves are in work.ts.
 */

/** A follow-up date this far ahead at most (calendar days). */
export const MAX_FOLLOW_UP_DAYS = 60;

const MAX_UNIT = 60;

/** The next steps as typed after `下一步`, for help texts. */
export const NEXT_STEP_USAGE =
  '未追回的案件要写明下一步，三选一：\n' +
  '· 移交其他部门：「办结 QX… 未追回 原因 下一步 移交 青溪区劳动保障监察大队 12月5日跟进」（人社、住建或其他单位，写明接收单位和跟进日期）\n' +
  '· 指导仲裁或起诉：「办结 QX… 未追回 原因 下一步 仲裁」或「… 下一步 起诉」（会请职工预约法律援助）\n' +
  '· 转检察机关支持起诉：不用办结，直接回复「转检察 QX… 理由」';

/** Which authority a receiving unit is, by its name. */
export function agencyOf(unit: string): Extract<NextStep, { kind: 'transfer' }>['agency'] {
  if (/人社|人力资源|劳动保障|劳动监察|劳动保障监察/.test(unit)) return 'labour_inspection';
  if (/住建|住房和城乡建设|住房城乡建设|建设局|建管/.test(unit)) return 'housing_construction';
  return 'other';
}

/** A date as staff type it (`12月5日`, `12月5号`, `2026-12-05`, `12/5`) on or after `today`'s year; null if none. */
export function parseFollowUpDay(text: string, today: string): { day: string; rest: string } | null {
  const full = text.match(/(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/);
  const short = full ? null : text.match(/(\d{1,2})\s*(?:月|\/|-)\s*(\d{1,2})\s*[日号]?/);
  const m = full ?? short;
  if (!m) return relativeDay(text, today);
  const [y, mo, d] = full ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(today.slice(0, 4)), Number(m[1]), Number(m[2])];
  const pad = (n: number) => String(n).padStart(2, '0');
  let day = `${y}-${pad(mo)}-${pad(d)}`;
  const valid = (s: string) => addDays(s, 0) === s;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || !valid(day)) return null;
  // 1月5日 typed in December is next January.
  if (!full && day < today) {
    const next = `${y + 1}-${pad(mo)}-${pad(d)}`;
    if (valid(next)) day = next;
  }
  const rest = text.replace(m[0], ' ').replace(/(?:之前|以前|前)?\s*跟进|之前|以前/g, ' ').replace(/\s+/g, ' ').trim();
  return { day, rest };
}

const WEEKDAY_DIGITS: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 };

/**
 * 明天, 后天, 大后天, 下周一 (下星期一, 下礼拜一), 这周五 / 本周五, or a bare 周五
 * (the next Friday after today). The caller says the day back, so a misread shows.
 */
function relativeDay(text: string, today: string): { day: string; rest: string } | null {
  const rel = text.match(/大后天|后天|明天|明日/);
  const week = rel ? null : text.match(/(下下|下|这|本)?\s*(?:周|星期|礼拜)([一二三四五六日天1-7])/);
  const m = rel ?? week;
  if (!m) return null;
  let day: string;
  if (rel) {
    day = addDays(today, { 明天: 1, 明日: 1, 后天: 2, 大后天: 3 }[rel[0]]!);
  } else {
    const idx = WEEKDAY_DIGITS[week![2]!]!;
    const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
    const which = week![1];
    if (which === '下') day = addDays(monday, 7 + idx);
    else if (which === '下下') day = addDays(monday, 14 + idx);
    else if (which === '这' || which === '本') day = addDays(monday, idx);
    else {
      day = addDays(monday, idx);
      if (day <= today) day = addDays(day, 7);
    }
  }
  const rest = text.replace(m[0], ' ').replace(/(?:之前|以前|前)?\s*跟进|之前|以前/g, ' ').replace(/\s+/g, ' ').trim();
  return { day, rest };
}

/** Checks a next step (typed or from the API) against today: a unit named, a follow-up date ahead. */
export function checkNextStep(step: NextStep, today: string): NextStep {
  if (step.kind !== 'transfer') return step;
  const unit = step.unit.trim();
  if (!unit) throw new ValidationError('nextStep.unit', '请写上接收单位的名称，例如「青溪区劳动保障监察大队」');
  if ([...unit].length > MAX_UNIT) throw new ValidationError('nextStep.unit', `接收单位的名称太长了，请控制在${MAX_UNIT}字以内`);
  const day = step.followUpOn;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || addDays(day, 0) !== day) {
    throw new ValidationError('nextStep.followUpOn', '跟进日期的格式是 YYYY-MM-DD，例如 2026-12-05');
  }
  if (day <= today || day > addDays(today, MAX_FOLLOW_UP_DAYS)) {
    throw new ValidationError('nextStep.followUpOn', `跟进日期要在今天之后、${MAX_FOLLOW_UP_DAYS}天以内`);
  }
  return { ...step, unit };
}

/** The part after `下一步`. */
export function parseNextStep(text: string, today: string): NextStep {
  const t = text.trim();
  if (/^(转)?检察/.test(t)) throw new ValidationError('nextStep', '转检察不用办结，请直接回复「转检察 QX… 理由」。');
  if (/^(申请)?(劳动)?仲裁$/.test(t)) return { kind: 'arbitration' };
  if (/^(向法院)?(起诉|诉讼|法院)$/.test(t)) return { kind: 'court' };
  const move = t.match(/^(?:移交|转交|转办|转)\s*(.*)$/s);
  if (!move) throw new ValidationError('nextStep', NEXT_STEP_USAGE);
  const date = parseFollowUpDay(move[1]!, today);
  if (!date) throw new ValidationError('nextStep.followUpOn', '请写上跟进日期，例如「下一步 移交 青溪区劳动保障监察大队 12月5日跟进」（也可以写 明天、下周一）');
  // `移交人社 …`, `移交住建 …`: the authority first, then the unit's own name.
  const named = date.rest.match(/^(人社|住建|其他|其它)\s+(.+)$/s);
  const unit = named ? named[2]! : date.rest;
  const agency = named ? (named[1] === '人社' ? 'labour_inspection' : named[1] === '住建' ? 'housing_construction' : agencyOf(unit)) : agencyOf(unit);
  return checkNextStep({ kind: 'transfer', agency, unit, followUpOn: date.day }, today);
}

/** What `办结 QX… …` says, as read by {@link parseClose}. */
export interface ParsedClose {
  recovered: number | null;
  reason: string | null;
  full: boolean;
  nextStep: NextStep | null;
  /** `还欠 25500`: what the official says is still owed (never counted as recovered; the close is then never full). */
  owed: number | null;
  /** `追回 3000 全额 确认`, `追回 60000 确认`: the official confirmed an amount the 办结 command asks about (below the claim as full, above it). */
  confirmed: boolean;
  /** `撤回 …`, `和解 …`: the reporter withdrew, or settled with the employer themselves (no money counted as recovered). */
  end?: CloseEnd | null;
}

/** The two closes that are no result of the union's work. */
export type CloseEnd = NonNullable<CloseOutcome['end']>;

export const WITHDRAW_USAGE =
  '报告人不要求办了的，可以这样办结：\n' +
  '· 本人撤回：「办结 QX… 撤回 原因」，例如「办结 QX… 撤回 本人不想追究了」\n' +
  '· 跟老板私下和解：「办结 QX… 和解 金额」，例如「办结 QX… 和解 5000」；金额不清楚的写「办结 QX… 和解 金额未知」';

/**
 * `撤回 本人不想追究了`, `当事人撤回`, `已和解 5000`, `和解 金额未知`,
 * `已和解 老板已付清`. The amount of a settlement is the reporter's
 * business, recorded only as said (`和解 5000`: 5,000, never counted as
 * recovered); words with no amount are kept as the reason.
 */
function parseEnd(h: string): Pick<ParsedClose, 'reason' | 'end'> | null {
  const w = h.match(/^(?:当事人|报告人|职工|工人|本人|对方)?\s*(?:已经?|自己|主动|要求|申请)*\s*撤回(?:了)?(?:反映|投诉|举报|案件|申请)?\s*[：:，,。]?\s*(.*)$/s);
  if (w) {
    const reason = w[1]!.trim() || null;
    if (reason && [...reason].length > 500) throw new ValidationError('reason', '撤回的原因太长了，请控制在500字以内');
    return { reason, end: { kind: 'withdrawn', amount: null } };
  }
  const s = h.match(/^(?:双方|当事人|报告人|职工|本人)?\s*(?:已经?)?\s*(?:私下|自行|自己|协商)?\s*和解(?:了)?\s*[：:，,。]?\s*(.*)$/s);
  if (!s) return null;
  const said = s[1]!.trim();
  if (!said) throw new ValidationError('reason', `请写上和解的金额，${WITHDRAW_USAGE.split('\n').at(-1)!.replace(/^· 跟老板私下和解：/, '')}。`);
  if ([...said].length > 500) throw new ValidationError('reason', '和解的情况太长了，请控制在500字以内');
  if (/^(?:金额)?(?:未知|不详|不清楚|不知道|没说)/.test(said)) return { reason: said.replace(/^(?:金额)?(?:未知|不详|不清楚|不知道|没说)[\s，,。；;]*/, '').trim() || null, end: { kind: 'settled', amount: null } };
  const a = leadingAmount(said.replace(/^(?:老板|对方|单位)?(?:已经?)?(?:付了?|给了?|支付了?)?\s*/, ''));
  if (a && a.n > 0 && a.n <= MAX_RECOVERED && amountTail(a.rest)) return { reason: null, end: { kind: 'settled', amount: a.n } };
  // Words only (`老板已付清`): how much is not guessed; kept as said.
  if (/\d|[一二两三四五六七八九十]+[千万百]/.test(said)) {
    throw new ValidationError('recovered', `没看懂和解的金额。请只写金额，例如「和解 5000」；金额不清楚的写「和解 金额未知」。`);
  }
  return { reason: said, end: { kind: 'settled', amount: null } };
}

/**
 * The result and the next step: split at the last `下一步`, so the word
 * inside a reason (`未追回 老板说下一步再说 下一步 仲裁`) stays in the reason.
 */
export function splitNextStep(args: string): { head: string; nextText: string | null } {
  const all = [...args.matchAll(/下一步[：:]?/g)];
  const last = all.at(-1);
  if (!last) return { head: args.trim(), nextText: null };
  return { head: args.slice(0, last.index).trim(), nextText: args.slice(last.index! + last[0].length).trim() };
}

const MAX_RECOVERED = 10_000_000;

/**
 * Nothing recovered, in the ways staff say it: `一分没追回`, `一分钱都没追回来`, `分文未追回`, `没要回来`, `一分没要到`.
 * Read as 未追回 (the words around it are the reason).
 */
const NOTHING_BACK = /(?:(?:一分|一毛|一块|一点|分文)(?:钱)?(?:都|也)?)?(?:未能|没能|没有|未|没)(?:追回|要回|讨回|拿回|追到|要到)(?:来)?/u;

/** A reason asked for; with the next step too when that is missing. */
function noReason(nextStep: NextStep | null): string {
  return nextStep ? '请写上未追回的原因' : '请写上未追回的原因和下一步，例如「办结 QX… 未追回 老板跑了 下一步 仲裁」';
}

/**
 * Chinese numerals that are no one figure (`一万二三`: 12,000 or 13,000; `一万多`; `2万八`): said back, asked for the
 * figure, never read as a part of them. `command`: 办结 or 结果, for the example.
 */
export function unreadAmount(said: string, command: '办结' | '结果'): string {
  return `「${said}」不是一个准确的金额，还没有记录。请写实际追回的数字，例如「${command} QX… 追回 28500」。`;
}

/**
 * All of the money back, with no figure: `追回全款`, `全部追回了`, `追回了全部`, `全额追回`, `钱已经全部要回来了`.
 * Taking the claim as the amount is an inference, so it is confirmed with the figure shown (commands.ts), never recorded.
 */
export function allBackWithNoFigure(args: string): boolean {
  const { head } = splitNextStep(args);
  const h = head.replace(SEP, '').replace(/[\s。！!，,]+$/u, '').replace(/[\s，,]*(?:全额|确认)$/u, '').trim();
  return (
    /^(?:钱|工资|欠薪|工钱)?(?:已经?)?(?:全部|全额|全数)(?:都)?(?:已经?)?(?:追回|要回|讨回|拿回|到账|付清|结清|发放|支付)(?:来)?了?$/u.test(h) ||
    /^(?:已经?)?(?:追回|要回|讨回|拿回)(?:了|来)?(?:全部|全款|全额|所有)(?:的)?(?:工资|欠薪|欠款|工钱|钱|款项?)?了?$/u.test(h)
  );
}

/**
 * A share of the claim said instead of a figure: `一半`, `半数`, `三分之一`, `十分之三`, `百分之五十`, `50%`; or a vague part
 * (`大部分`, `一部分`, `一点`, `一些`). `fraction`: the share (0 < it < 1) when said as one, null for a vague part or
 * a share that is none (`百分之百`). `hedged`: `一半左右`, `一半多` (about, so no one figure). `rest`: what follows.
 */
export interface RecoveredShare {
  said: string;
  fraction: number | null;
  hedged: boolean;
  rest: string;
}

const SHARE =
  /^(?:(一半|一多半|半数)|([零〇一二两三四五六七八九十]{1,3}|\d{1,3})分之([零〇一二两三四五六七八九十]{1,3}|\d{1,3})|百分之([零〇一二两三四五六七八九十百]{1,4}|\d{1,3}(?:\.\d+)?)|(\d{1,3}(?:\.\d+)?)\s*[%％])/u;
const VAGUE_SHARE = /^(?:一大半|大部分|大多数|大半|一小部分|一部分|小部分|少部分|部分|一点点|一点(?![零〇一二两三四五六七八九\d])|一些|一丁点|少许|不少|很少|不多|没多少)/u;
const SHARE_HEDGE = /^(?:左右|上下|多|以上|出头|不到|的样子)/u;

/** A small whole number as typed in a share (`三`, `十`, `五十`, `3`); null for anything else. */
function shareNumber(s: string): number | null {
  const a = leadingAmount(s);
  return a && a.rest === '' && Number.isInteger(a.n) && a.n > 0 ? a.n : null;
}

/** What follows `追回` in `办结 QX… 追回一半`, read as a share of the claim; null when it starts with no share. */
export function recoveredShare(body: string): RecoveredShare | null {
  const t = body.normalize('NFKC').trim();
  const m = SHARE.exec(t);
  const v = m ? null : VAGUE_SHARE.exec(t);
  if (!m && !v) return null;
  const said = (m ?? v)![0];
  let after = t.slice(said.length);
  const hedge = SHARE_HEDGE.exec(after);
  if (hedge) after = after.slice(hedge[0].length);
  // `一半的工资`, `三分之一的钱`: the money named after the share.
  after = after.replace(/^(?:的)?(?:工资|工钱|欠薪|欠款|钱|款项?)?(?:了)?/u, '');
  let fraction: number | null = null;
  if (m?.[1]) fraction = m[1] === '一多半' ? null : 0.5;
  else if (m?.[2]) {
    const [q, p] = [shareNumber(m[2]), shareNumber(m[3]!)];
    fraction = q && p ? p / q : null;
  } else if (m?.[4] || m?.[5]) {
    const n = m[5] ? Number(m[5]) : shareNumber(m[4]!) ?? (/^\d/.test(m[4]!) ? Number(m[4]) : null);
    fraction = n !== null && Number.isFinite(n) ? n / 100 : null;
  }
  if (fraction !== null && !(fraction > 0 && fraction < 1)) fraction = null;
  return { said: hedge ? `${said}${hedge[0]}` : said, fraction, hedged: !!hedge, rest: after.replace(SEP, '').trim() };
}

const AMOUNT_EXAMPLE = '例如「办结 QX… 追回 28500」；全部追回的写「追回 28500 全额」，还有没追回的写「追回 3000 还欠 25500」';
const SEP = /^[\s，,。；;、（）()【】[\]]+/;

/**
 * What may follow the amount: 全额 / 全部 (all of it), 还欠 N (still owed),
 * 确认. Anything else is not guessed at: null, and the official is asked.
 */
function amountTail(text: string): { full: boolean; owed: number | null; confirmed: boolean } | null {
  let t = text.replace(SEP, '');
  let full = false;
  let owed: number | null = null;
  let confirmed = false;
  for (let i = 0; t && i < 6; i++) {
    const fullWord = t.match(/^(?:已经?)?(?:全额|全部|全数)(?:追回|到账|付清|结清|支付)?(?:了)?|^(?:已经?)?(?:付清|结清)(?:了)?/);
    const confirm = t.match(/^确认/);
    // `28500元整`: the whole amount as written on a receipt, nothing more.
    const whole = t.match(/^整/);
    const owes = t.match(/^(?:还欠|尚欠|仍欠|还差|剩下|剩余|余款|剩)\s*[：:]?\s*/);
    if (fullWord) {
      full = true;
      t = t.slice(fullWord[0].length);
    } else if (whole) {
      t = t.slice(whole[0].length);
    } else if (confirm) {
      confirmed = true;
      t = t.slice(confirm[0].length);
    } else if (owes) {
      const a = leadingAmount(t.slice(owes[0].length));
      if (!a || a.n <= 0) return null;
      owed = a.n;
      t = a.rest.replace(/^\s*(?:没给|没有给|未付|未支付|没追回|未追回|没要回)/, '');
    } else {
      return null;
    }
    t = t.replace(SEP, '');
  }
  if (t) return null;
  return { full, owed, confirmed };
}

/**
 * `追回 28500`, `追回 28500 全额`, `追回 12000 下一步 仲裁`,
 * `未追回 原因 下一步 移交 … 12月5日跟进`; also as staff write it:
 * `已追回28500元`, `追回2.85万`, `追回28500（全额）`, `追回 3000 还欠25500`
 * (3000 recovered, not full). Precision first: words after the amount that
 * are not understood, or money said to be back with no amount
 * (`钱已经要回来了`), are asked about, never guessed. The next step is
 * checked here; whether one is required is the case's (see {@link settleClose}).
 */
export function parseClose(args: string, today: string): ParsedClose {
  const { head, nextText } = splitNextStep(args);
  if (nextText !== null && !nextText) throw new ValidationError('nextStep', NEXT_STEP_USAGE);
  const nextStep = nextText ? parseNextStep(nextText, today) : null;
  const h = head.replace(SEP, '').trim();
  const ended = parseEnd(h);
  if (ended) {
    if (nextStep) throw new ValidationError('nextStep', '撤回或和解的案件不用写下一步，请去掉「下一步」后重发。');
    return { recovered: null, reason: ended.reason, full: false, nextStep: null, owed: null, confirmed: false, end: ended.end };
  }
  // `一分没追回`, `没追回来`, `分文未追回`, `钱没要回来`: said the one way, so no `一分` or `来` is taken for the reason.
  const hn = h.replace(NOTHING_BACK, (said, at: number) => (at > 0 && /(?:已经?|全部|全额)$/u.test(h.slice(0, at)) ? said : '未追回'));
  const none = hn.match(/^(?:未追回|没追回|没有追回|未能追回|没能追回)\s*[：:，,]?\s*(.*)$/s);
  if (none) {
    const reason = none[1]!.trim();
    if (!reason) throw new ValidationError('reason', noReason(nextStep));
    if ([...reason].length > 500) throw new ValidationError('reason', '未追回的原因太长了，请控制在500字以内');
    return { recovered: null, reason, full: false, nextStep, owed: null, confirmed: false };
  }
  const got = h.match(/^(?:已经?|共计?|一共|总共)?\s*(全额|全部|全数)?\s*追回(?:了)?(?:工资|欠薪|工钱)?\s*[：:]?\s*/);
  if (got) {
    const body = h.slice(got[0].length);
    // `追回一半`, `追回三分之一`, `追回大部分`: a share, no figure (commands.ts offers the figure of a share of a claim).
    const share = recoveredShare(body);
    if (share) throw new ValidationError('recovered', unreadAmount(share.said, '办结'));
    if (/^[-−–]\s*\d/.test(body)) throw new ValidationError('recovered', '追回金额要是大于0的数字，例如「追回 28500」');
    const a = leadingAmount(body);
    // `追回 28.500`: 28,500 with a point between thousands, or 28.5元? Asked, never read as either.
    const pointed = a ? null : /^(\d+)[.．]([\d０-９]{3})(?![\d０-９])/u.exec(body.normalize('NFKC'));
    if (pointed) {
      const [, whole, part] = pointed as unknown as [string, string, string];
      throw new ValidationError('recovered', `「${whole}.${part}」是${yuan(Number(whole + part))}还是${yuan(Number(`${whole}.${part}`))}？请不加小数点重写，例如「追回 ${whole}${part}」。`);
    }
    // `追回一万二三` (a range), `追回一万多`: no one figure, asked for it (never its lower end).
    const numeral = a ? null : /^[\d零〇一二两三四五六七八九十百千万几]*[零〇一二两三四五六七八九十百千万几][\d零〇一二两三四五六七八九十百千万几]*(?:多|来|余|左右|出头)?/u.exec(body);
    if (numeral && /^[零〇]+$/u.test(numeral[0])) throw new ValidationError('recovered', `追回金额要是大于0的数字，例如「追回 28500」。\n${WITHDRAW_USAGE}`);
    if (numeral) throw new ValidationError('recovered', unreadAmount(numeral[0], '办结'));
    if (!a) throw new ValidationError('recovered', `请写上追回金额（数字），${AMOUNT_EXAMPLE}。`);
    if (a.n === 0) throw new ValidationError('recovered', `追回金额要是大于0的数字，例如「追回 28500」。\n${WITHDRAW_USAGE}`);
    if (!(a.n > 0) || a.n > MAX_RECOVERED) throw new ValidationError('recovered', '追回金额要是大于0、不超过1000万的数字，例如「追回 28500」');
    const tail = amountTail(a.rest);
    if (!tail) throw new ValidationError('recovered', `没看懂追回金额后面的话。请只写追回了多少，${AMOUNT_EXAMPLE}。`);
    const full = !!got[1] || tail.full;
    if (full && tail.owed !== null) throw new ValidationError('recovered', `写了全额，又写了还欠${tail.owed}元，请确认后重发，${AMOUNT_EXAMPLE}。`);
    return { recovered: a.n, reason: null, full, nextStep, owed: tail.owed, confirmed: tail.confirmed };
  }
  // The reason first (`老板跑路了 未追回 下一步 仲裁`): the reason is both sides of the word.
  const inside = hn.match(/^(.*?)[\s，,。；;]*(?<!已经?|全部|全额)(?:未追回|没追回|没有追回|未能追回|没能追回)(?:来)?[\s，,。；;：:]*(.*)$/s);
  if (inside && inside[1]!.trim()) {
    const reason = [inside[1]!.trim().replace(/[\s，,]*(?<![没无有缺少])(?:钱|工资|工钱|欠薪)$/, ''), inside[2]!.trim()].filter(Boolean).join('，');
    // `钱没追回 下一步 仲裁`: the money named, no reason.
    if (!reason) throw new ValidationError('reason', noReason(nextStep));
    if ([...reason].length > 500) throw new ValidationError('reason', '未追回的原因太长了，请控制在500字以内');
    return { recovered: null, reason, full: false, nextStep, owed: null, confirmed: false };
  }
  // Money said to be back, but how much is not: asked, never assumed to be the whole claim.
  if (/要回|拿到|到手|付了|给了|发了|结清|付清|到账|支付|追回/.test(h)) {
    throw new ValidationError('recovered', `追回了多少钱？请写上金额，${AMOUNT_EXAMPLE}。`);
  }
  throw new ValidationError('outcome', `请写明结果：「办结 QX… 追回 28500」或「办结 QX… 未追回 原因 下一步 …」。\n${WITHDRAW_USAGE}`);
}

/** Words for the rest of the money (`剩下的老板跑了`, `其余的要不回来`). */
const REST_OF_IT = /^(?:剩下|剩余|其余|余下|其他|其它|另外)(?:的)?(?:钱|部分|工资|工钱|欠款)?/u;

/**
 * `追回3000 剩下的老板跑了`: money recovered and a word about the rest,
 * which says some is still owed but not how much (so the close is never
 * full, and the remark is no result). Null for anything else, which
 * {@link parseClose} reads (`剩下 25500` is still owed, said).
 */
export function recoveredWithRemark(args: string): { recovered: number; remark: string } | null {
  const { head, nextText } = splitNextStep(args);
  if (nextText !== null) return null;
  const h = head.replace(SEP, '').trim();
  const got = h.match(/^(?:已经?|共计?|一共|总共)?\s*追回(?:了)?(?:工资|欠薪|工钱)?\s*[：:]?\s*/);
  if (!got) return null;
  const a = leadingAmount(h.slice(got[0].length));
  if (!a || !(a.n > 0) || a.n > MAX_RECOVERED || amountTail(a.rest)) return null;
  const remark = a.rest.replace(SEP, '').trim();
  // Only words about the rest of the money, with no figure in them (a figure is asked about, never guessed).
  if (!REST_OF_IT.test(remark) || /\d|[一二两三四五六七八九十][十百千万]/u.test(remark) || [...remark].length > 200) return null;
  return { recovered: a.n, remark };
}

/** Every close of a wage case without money has a next step; all the claimed money paid is `full` (never when some is said to be still owed). */
export function settleClose(
  c: Case,
  o: { recovered: number | null; reason: string | null; full?: boolean; nextStep?: NextStep | null; owed?: number | null; end?: CloseEnd | null },
  today: string,
): CloseOutcome {
  // Withdrawn or settled by the reporter: no money recovered by the union, no next step (nothing left to do).
  if (o.end) {
    if (!c.wage) throw new ValidationError('outcome', '撤回或和解只用于欠薪案件，请写明结果。');
    return { recovered: null, reason: o.reason, full: false, nextStep: null, end: o.end };
  }
  const nextStep = o.nextStep ? checkNextStep(o.nextStep, today) : null;
  if (o.recovered === null && c.wage && !nextStep) {
    // `未追回 当事人撤回`: the close meant is a withdrawal, not one with a next step.
    if (o.reason && /撤回|撤诉|和解|不告了|不追究|不要了/.test(o.reason)) throw new ValidationError('nextStep', WITHDRAW_USAGE.replace(/QX…/g, c.caseNo));
    throw new ValidationError('nextStep', NEXT_STEP_USAGE);
  }
  // A family or private employer (a nanny, a carer): a civil dispute for a court, not labour arbitration or labour inspection
  // (最高人民法院关于审理劳动争议案件适用法律问题的解释（一）第二条).
  if (c.wage?.employerKind === 'household' && (nextStep?.kind === 'arbitration' || (nextStep?.kind === 'transfer' && nextStep.agency === 'labour_inspection'))) {
    throw new ValidationError('nextStep', '这是个人或家庭雇用的案件，一般按民事纠纷处理，不能申请劳动仲裁，也不归劳动保障监察管。请写「下一步 起诉」（会请职工预约法律援助），或移交其他单位。');
  }
  const stillOwed = (o.owed ?? 0) > 0;
  const full = o.recovered !== null && !stillOwed && (!!o.full || (!!c.wage && o.recovered >= (c.wage.amountUpTo ?? c.wage.amount)));
  return { recovered: o.recovered, reason: o.reason, full, nextStep, end: null };
}

/**
 * More recovered than the worker reported (the top of a range: `十几万` is up
 * to 190,000): asked back before it is recorded, by every way of closing
 * (commands.ts `aboveClaim` in WeChat, `confirmed` in the staff API).
 */
/**
 * Less than a hundredth of a single-figure claim (`28.5` on 28,500元): reads as a unit left out (28.5千, 2.85万), not as
 * 28.5元 recovered, so it is asked back unless checked (WeChat: `确认`; the API: `confirmed`; the console: 金额已核实).
 */
const FAR_BELOW = 0.01;

export function farBelowClaim(c: Pick<Case, 'wage'>, recovered: number | null): boolean {
  return !!c.wage && recovered !== null && recovered < c.wage.amount * FAR_BELOW;
}

/**
 * `追回 3000 全部` on a 28,500元 claim: recorded as all of it paid, the worker is offered no lawyer (fullyPaid), so a
 * full close below 90% of a single-figure claim is asked back unless checked (WeChat: `确认`; the API: `confirmed`;
 * the console: 金额已核实). Deductions and rounding stay unasked.
 */
export const CONFIRM_FULL_BELOW = 0.9;

export function fullWellBelowClaim(c: Pick<Case, 'wage'>, recovered: number | null): boolean {
  return !!c.wage && recovered !== null && recovered < c.wage.amount * CONFIRM_FULL_BELOW;
}

export function exceedsClaim(c: Pick<Case, 'wage'>, recovered: number | null): boolean {
  const w = c.wage;
  if (!w || recovered === null) return false;
  const own = w.amountUpTo ?? w.amount;
  // A group's report: what was recovered may be everyone's (the group's total when said, else each at about the reporter's).
  const group = w.headcount.count > 1 ? (w.groupAmount ?? own * w.headcount.count) : 0;
  return recovered > Math.max(own, group);
}

/** Group arrears (10 or more people, or reports linked into a group) and construction cases close only with a supervisor's approval. */
export function needsApproval(c: Case): boolean {
  return !!c.wage && (c.wage.construction || c.wage.headcount.count >= 10 || !!c.groupId);
}

/** The township supervisor approves; when they closed it themselves (or there is no township), a district supervisor. */
export function closeApprover(index: DirectoryIndex, c: Case, closerId: string): string | null {
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township : undefined;
  if (tw && tw.supervisor.id !== closerId) return tw.supervisor.id;
  const district = index.directory.districts.find((d) => d.id === c.location.districtId);
  return district?.supervisors.find((s) => s.role === 'district_supervisor' && s.id !== closerId)?.id ?? null;
}

/** All the claimed wages were recovered, and the reporter did not say they never arrived: no lawyer is offered. */
export function fullyPaid(c: Case): boolean {
  return !!c.outcome?.full && c.outcome.recovered !== null && c.receipt?.answer !== 'not_received';
}

/**
 * Withdrawn by the reporter or settled with the employer (`办结 QX… 撤回 / 和解`)
 * and not reopened since: nothing is left for the union to pursue.
 */
export function endedByReporter(c: Case): boolean {
  return !!c.outcome?.end && (c.status === 'resolved' || c.status === 'closed');
}

/**
 * Whether `进度` offers a lawyer (预约 QX…) and documents (文书) for a case:
 * wages still owed and still pursued, so not paid in full, withdrawn or
 * settled. (Asked for in so many words, 预约 and 文书 follow their own rules.)
 */
export function helpOffered(c: Case): boolean {
  return !fullyPaid(c) && !endedByReporter(c);
}

/**
 * Whether a lawyer or procurator may still help with a case: a wage case
 * whose wages were not all paid (open, or closed without them). The chat's
 * 预约 QX… and the mini-program's 预约法律援助 button follow this.
 */
export function lawyerMayHelp(c: Case): boolean {
  return c.kind === 'wage_arrears' && !fullyPaid(c);
}

/** Today in Beijing, for follow-up dates. */
export const todayOf = (now: Date) => chinaDay(now);
