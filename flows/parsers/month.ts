import { CHINESE_DIGITS, parseChineseNumber } from './chinese-number.js';
import { parseFestivalMonth, type FestivalSide } from './festival.js';
import { prepareInput, removeSpaces, stripAffixes } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';
import { BEIJING_OFFSET_MS } from '../../core/infra/time.js';

/*
 * Month arithmetic is done on a "month index" (year * 12 + month - 1) so that
 * "3 months ago" or "end before start" are plain integer operations.
 */

/** A calendar date as seen in mainland China. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The calendar date of `instant` in China (UTC+8, no daylight saving).
 *
 * Users are in China but the server may run in UTC; using the server's local
 * time would make "this month" wrong for the first 8 hours of every month.
 */
export function chinaDate(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function toMonthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

export function fromMonthIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** `YYYY-MM`. */
export function formatMonth(index: number): string {
  const { year, month } = fromMonthIndex(index);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** `2026年11月`, for messages shown to the user. */
export function describeMonth(index: number): string {
  const { year, month } = fromMonthIndex(index);
  return `${year}年${month}月`;
}

/** Month index of `today` in China. */
export function currentMonthIndex(today: Date): number {
  const { year, month } = chinaDate(today);
  return toMonthIndex(year, month);
}

/** What a month expression says, before the caller applies its own context. */
export type MonthExpression =
  /** Fully determined month (`去年5月`, `上个月`, `2025.10`). */
  | { kind: 'month'; index: number }
  /** Month without a year (`5月`): the year depends on context. */
  | { kind: 'bareMonth'; month: number }
  /** A year without a month (`去年`, `2025年`). */
  | { kind: 'year'; year: number };

export type MonthExpressionResult = { kind: 'ok'; expr: MonthExpression } | { kind: 'badMonth' } | null;

const NUM = '([0-9零〇一二两三四五六七八九十]+)';
const RELATIVE_YEARS: Readonly<Record<string, number>> = {
  今年: 0, 本年: 0, 去年: -1, 上年: -1, 前年: -2, 大前年: -3, 明年: 1, 后年: 2,
};
const YEAR_PART = /^(今年|本年|去年|上年|大前年|前年|明年|后年|\d{4}年|\d{2}年|[零〇一二三四五六七八九]{2,4}年)/;
const MONTH_PART = new RegExp(`^${NUM}月份?(?:${NUM}[日号])?(?:初|头|底|末|中|上旬|中旬|下旬)?$`);
const SEASON_PART: ReadonlyArray<[RegExp, number]> = [
  [/^年?(?:初|头)$/, 1],
  [/^年?中$/, 6],
  [/^年?(?:底|末|尾)$/, 12],
];

function toInt(text: string): number | null {
  const n = parseChineseNumber(text);
  return n !== null && Number.isInteger(n) ? n : null;
}

function resolveYear(token: string, todayIndex: number): number | null {
  const thisYear = fromMonthIndex(todayIndex).year;
  const relative = RELATIVE_YEARS[token];
  if (relative !== undefined) return thisYear + relative;
  const digits = token.slice(0, -1); // drop 年
  // Years are read digit by digit (二五年, 九八年), which parseChineseNumber refuses for two digits.
  const n = /^\d+$/.test(digits) ? Number(digits) : Number([...digits].map((c) => CHINESE_DIGITS[c] ?? 'x').join(''));
  if (!Number.isInteger(n)) return null;
  let year = n;
  if ([...digits].length === 2) {
    // Two-digit years (`25年`, `98年`): this century unless that is in the future.
    year = 2000 + n <= thisYear ? 2000 + n : 1900 + n;
  }
  return year >= 1900 && year <= 2100 ? year : null;
}

/** Parses `5月`, `五月份`, `10月3号`; 'bad' for a month outside 1–12. */
function parseMonthPart(text: string): number | 'bad' | null {
  const m = MONTH_PART.exec(text);
  if (!m) return null;
  // `两月`, `俩月` are two months (a duration); February is 二月.
  if (/[两俩]/u.test(m[1] ?? '')) return null;
  const month = toInt(m[1] ?? '');
  if (month === null) return null;
  if (month < 1 || month > 12) return 'bad';
  if (m[2] !== undefined) {
    const day = toInt(m[2]);
    if (day === null || day < 1 || day > 31) return 'bad';
  }
  return month;
}

/**
 * Parses one month expression, shared by {@link parseMonth} and the period
 * parser. `text` must already be normalised and have no spaces.
 *
 * Recognised: relative months (`这个月`, `上个月`, `上上个月`, `3个月前`,
 * `半年前`, `两年前`), relative or absolute years with a month (`去年5月`,
 * `2025年10月`, `二〇二五年五月`, `25年5月`, `2025.10`, `2025/05`,
 * `2025-05`, `去年年底`, or the month of a whole day typed `2026.11.5`,
 * `2026/11/5`, `2026-11-05`), a month alone (`5月`, or the month of a day typed
 * `9.15` / `9/15`) and a year alone (`去年`). `两月` is not February (it is
 * two months, a duration).
 *
 * @returns null when the text is not a month expression at all
 */
export function parseMonthExpression(text: string, todayIndex: number): MonthExpressionResult {
  const month = (index: number): MonthExpressionResult => ({ kind: 'ok', expr: { kind: 'month', index } });

  // Relative to this month.
  // A part of the month changes nothing: `上个月底`, `这个月初`, `上月中旬`.
  const rel = /^(这个?|本|当|上上个?|上个?|下个?)月(?:初|头|底|末|中|上旬|中旬|下旬)?$/.exec(text)?.[1];
  if (rel !== undefined) return month(todayIndex + (rel.startsWith('上上') ? -2 : rel.startsWith('上') ? -1 : rel.startsWith('下') ? 1 : 0));
  let m = new RegExp(`^(${NUM.slice(1, -1)})个多?月(?:以|之)?前$`).exec(text);
  if (m) {
    const n = toInt(m[1] ?? '');
    return n === null ? null : month(todayIndex - n);
  }
  if (/^半年多?(?:以|之)?前$/.test(text)) return month(todayIndex - 6);
  m = new RegExp(`^${NUM}年(半)?多?(?:以|之)?前$`).exec(text);
  if (m) {
    const n = toInt(m[1] ?? '');
    return n === null ? null : month(todayIndex - n * 12 - (m[2] ? 6 : 0));
  }

  // A day as people type it, month first: `9.15`, `9/15` (the 15 September); only its month counts here.
  m = /^(\d{1,2})[./](\d{1,2})(?:[日号])?$/.exec(text);
  if (m) {
    const mon = Number(m[1]);
    const day = Number(m[2]);
    return mon >= 1 && mon <= 12 && day >= 1 && day <= 31 ? { kind: 'ok', expr: { kind: 'bareMonth', month: mon } } : null;
  }

  // A whole day typed with its year: `2026.11.5`, `2026/11/5`, `2026-11-05`; only its month counts here.
  m = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?:[日号])?$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const mon = Number(m[3]);
    const day = Number(m[4]);
    if (year < 1900 || year > 2100) return null;
    if (mon < 1 || mon > 12) return { kind: 'badMonth' };
    if (day < 1 || day > new Date(Date.UTC(year, mon, 0)).getUTCDate()) return null;
    return month(toMonthIndex(year, mon));
  }

  // Numeric forms: 2025.10, 2025/05, 2025-05.
  m = /^(\d{4})[./-](\d{1,2})(?:月份?)?$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const mon = Number(m[2]);
    if (year < 1900 || year > 2100) return null;
    if (mon < 1 || mon > 12) return { kind: 'badMonth' };
    return month(toMonthIndex(year, mon));
  }

  // Year, then optionally a month or a part of the year.
  m = YEAR_PART.exec(text);
  if (m) {
    const year = resolveYear(m[1] ?? '', todayIndex);
    if (year === null) return null;
    const rest = text.slice((m[1] ?? '').length);
    if (rest === '' || rest === '年') return { kind: 'ok', expr: { kind: 'year', year } };
    for (const [pattern, mon] of SEASON_PART) if (pattern.test(rest)) return month(toMonthIndex(year, mon));
    // `2025年5` (月 forgotten) is accepted for Arabic digits only.
    const monthPart = /^\d{1,2}$/.test(rest) ? parseMonthPart(`${rest}月`) : parseMonthPart(rest);
    if (monthPart === 'bad') return { kind: 'badMonth' };
    return monthPart === null ? null : month(toMonthIndex(year, monthPart));
  }

  // A month on its own.
  const monthPart = parseMonthPart(text);
  if (monthPart === 'bad') return { kind: 'badMonth' };
  return monthPart === null ? null : { kind: 'ok', expr: { kind: 'bareMonth', month: monthPart } };
}

/**
 * The most recent occurrence of `month` not after `todayIndex`: in November,
 * `5月` is this May and `12月` is last December. Used when the user names a
 * month without a year, which in this conversation always refers to the past.
 */
export function latestPastMonth(month: number, todayIndex: number): number {
  const { year, month: thisMonth } = fromMonthIndex(todayIndex);
  return toMonthIndex(month <= thisMonth ? year : year - 1, month);
}

/** A month expression with festivals, lunar months and parts of the year, as the parsers read it. */
export type MonthWords =
  /**
   * A fully determined month; `inferred` is set for readings that must be confirmed (`春节后`, `年中`);
   * `day` when a festival's day was named (`中秋节前`), not a month.
   */
  | { kind: 'month'; index: number; inferred: string | null; after: boolean; day?: true }
  /** Month without a year (`5月`): the year depends on context. */
  | { kind: 'bareMonth'; month: number }
  /** A year without a month (`去年`, `2025年`). */
  | { kind: 'year'; year: number }
  /** Half a year (`上半年`, `去年下半年`): first and last month. */
  | { kind: 'half'; start: number; end: number };

export type MonthWordsResult = { kind: 'ok'; words: MonthWords } | { kind: 'badMonth' } | null;

/** Which occurrence of a word that repeats every year (`年中`, `春节`) is meant. */
export type MonthSide = FestivalSide;

const HALF_YEAR = /^(今年|本年|去年|上年|大前年|前年|\d{4}年|\d{2}年|[零〇一二三四五六七八九]{2,4}年)?(上|下)半年$/;

/** The first occurrence of calendar `month` in or after month index `notBefore`. */
function firstMonthFrom(month: number, notBefore: number): number {
  const { year } = fromMonthIndex(notBefore);
  const same = toMonthIndex(year, month);
  return same >= notBefore ? same : same + 12;
}

/**
 * {@link parseMonthExpression} plus what people say about wage months in
 * conversation: halves of the year (`上半年`, `去年下半年`), parts of the
 * year on their own (`年初` = January of this year, `年中` = June, `年底` =
 * December), festivals and lunar months (`春节后`, `过完年`, `腊月`, `中秋前`;
 * see {@link parseFestivalMonth}). `年中` and every festival reading carry an
 * `inferred` description for the caller to confirm.
 */
export function parseMonthWords(text: string, today: Date, side: MonthSide = { kind: 'latest' }): MonthWordsResult {
  const todayIndex = currentMonthIndex(today);
  // `半个月前`: fifteen days back, which is last month early in this one; a reading, confirmed.
  if (/^半个多?月(?:以|之)?前$/.test(text)) {
    const index = currentMonthIndex(new Date(today.getTime() - 15 * 86_400_000));
    const { year, month } = fromMonthIndex(index);
    return { kind: 'ok', words: { kind: 'month', index, inferred: `“${text}”按${year}年${month}月算`, after: false } };
  }
  const expr = parseMonthExpression(text, todayIndex);
  if (expr !== null) {
    if (expr.kind === 'badMonth') return expr;
    const e = expr.expr;
    if (e.kind === 'month') {
      const { year, month } = fromMonthIndex(e.index);
      const inferred = /年中$/.test(text) ? `${text}按${year}年${month}月算` : null;
      return { kind: 'ok', words: { kind: 'month', index: e.index, inferred, after: false } };
    }
    return { kind: 'ok', words: e };
  }

  const half = HALF_YEAR.exec(text);
  if (half) {
    const thisYear = fromMonthIndex(todayIndex).year;
    const year = half[1] ? resolveYear(half[1], todayIndex) : thisYear;
    if (year === null) return null;
    const first = toMonthIndex(year, half[2] === '上' ? 1 : 7);
    return { kind: 'ok', words: { kind: 'half', start: first, end: first + 5 } };
  }

  const pick = (month: number): number =>
    side.kind === 'latest' ? latestPastMonth(month, todayIndex) : firstMonthFrom(month, side.notBefore);
  if (/^(?:年初|年头|开年初)$/.test(text)) {
    // This year's January whatever the side: "年初到现在", "年初走的".
    return { kind: 'ok', words: { kind: 'month', index: toMonthIndex(fromMonthIndex(todayIndex).year, 1), inferred: null, after: false } };
  }
  if (/^年中$/.test(text)) {
    const index = pick(6);
    const { year } = fromMonthIndex(index);
    return { kind: 'ok', words: { kind: 'month', index, inferred: `年中按${year}年6月算`, after: false } };
  }
  if (/^(?:年底|年末|年尾)$/.test(text)) {
    return { kind: 'ok', words: { kind: 'month', index: pick(12), inferred: null, after: false } };
  }

  const festival = parseFestivalMonth(text, chinaDate(today), side);
  if (festival) {
    return { kind: 'ok', words: { kind: 'month', index: festival.index, inferred: festival.inferred, after: festival.after, ...(festival.day ? { day: true as const } : {}) } };
  }
  return null;
}

const EXAMPLE = '“2025年10月”或“上个月”';

export const MONTH_MESSAGES = {
  empty: `您还没有输入月份，请告诉我是哪一年哪个月，例如${EXAMPLE}。`,
  needMonth: '请说具体是哪个月，例如“去年10月”或“2025年10月”。',
  badMonth: '月份应该在1到12之间，请核对后重新输入，例如“2025年10月”。',
  unparseable: '没看明白是哪个月，请按这样的格式回答：“2025年10月”、“去年10月”、“上个月”或“3个月前”。',
  dayToCome: (year: number, month: number, day: number) => `${year}年${month}月${day}日还没到，请说已经过去的日子，例如“上个月”或“11月25号”。`,
  future: (todayIndex: number) =>
    `这个月份还没到，请输入${describeMonth(todayIndex)}或更早的月份，例如${EXAMPLE}。`,
} as const;

const PREFIXES = /^(?:大概|大约|差不多|应该是|好像是|我是|我|是|在|于|从|就|(?:干|做)到了?|(?:干|做)完)/;
/** What follows the month: hedges, and the leaving said after it (`上个月就被赶出来了`: sent away, as 被开除 is). */
const SUFFIXES =
  /(?:左右|的时候|那时候|那会儿?|的样子|吧|了|的|(?:就|刚|刚刚|才)?(?:走|离开|离职|辞职|辞工|出来|回家|回来|没干|不干|不做|没做|没去|不去|停工|被开除?|被辞退?|被炒|结束|被?(?:他们|老板|厂里|公司)?(?:给)?(?:赶|撵|轰)(?:走|出来|出去))(?:了|的)?)$/;

/**
 * Days back said in words, for when someone left (the month they fall in is what counts; never a period of arrears),
 * with how far back the words reach, in days (`前几天`: 1 to 10 days ago), or `week` for a calendar week
 * (`上礼拜`: 1 = last week, 2 = the week before, with a day's slack either side).
 */
type DaysBackSpan = readonly [number, number] | { readonly week: number; readonly weekend?: true };
const DAYS_BACK: readonly (readonly [RegExp, number, DaysBackSpan])[] = [
  [/^(?:今天|今儿|刚刚|刚才)$/, 0, [0, 0]],
  [/^(?:这两天)$/, 0, [0, 3]],
  [/^(?:这几天)$/, 0, [0, 7]],
  [/^(?:这周|这礼拜|这星期|这个星期|这个礼拜)$/, 0, { week: 0 }],
  [/^(?:昨天|昨儿|昨晚)$/, 1, [1, 1]],
  [/^前天$/, 2, [2, 2]],
  [/^大前天$/, 3, [3, 3]],
  [/^前两天$/, 3, [1, 7]],
  [/^(?:前几天|几天前|几天之前)$/, 3, [1, 10]],
  [/^上周末$/, 7, { week: 1, weekend: true }],
  [/^(?:上周|上个?礼拜|上个?星期)$/, 7, { week: 1 }],
  [/^(?:一周前|一个?礼拜前|一个?星期前)$/, 7, [4, 10]],
  [/^(?:上上周|上上个?礼拜|上上个?星期)$/, 14, { week: 2 }],
  [/^(?:两周前|两个礼拜前|两个星期前)$/, 14, [10, 18]],
  // `刚走`, `才走的`, `我刚辞职`: left lately, within about a week (see withoutFraming).
  [/^(?:刚|才)(?:走|离开|离职|辞职|辞工|出来|回家|回来|不干|没干|不做|没做|被开除?|被辞退?|被炒)$/, 3, [0, 7]],
];

/** Just left, with the verb (`刚走`, `才走的`, `刚辞职`, `刚刚走的`): all of it is framing to {@link SUFFIXES}. */
const JUST_LEFT =
  /^(刚刚|刚才|刚|才)(?:就)?(走|离开|离职|辞职|辞工|出来|回家|回来|不干|没干|不做|没做|被开除?|被辞退?|被炒)?(?:了|的)?$/;

/**
 * What is left of a month answer once the framing is dropped. Just left (`刚走`, `才走的`, `刚辞职`, all
 * framing as the suffixes go, or `刚` left of `刚走的`) is kept as said (`刚走`, `才走`, `刚辞职`); `刚刚走的`
 * is `刚刚` (today, as said alone).
 */
function withoutFraming(text: string): string {
  const s = stripAffixes(text, PREFIXES, SUFFIXES);
  const just = JUST_LEFT.exec(stripAffixes(text, PREFIXES, null));
  if (!just || (s !== '' && s !== just[1])) return s;
  return just[1] === '刚刚' || just[1] === '刚才' ? just[1] : `${just[1]}${just[2] ?? '走'}`;
}

/** A day typed with its month (`12.5`, `2026.12.5`, `12月5号`, `今年12月5日`): year (null when not said), month and day. */
function typedDay(text: string, todayIndex: number): { year: number | null; month: number; day: number } | null {
  let m = /^(?:(\d{4})([./-]))?(\d{1,2})([./-])(\d{1,2})[日号]?$/.exec(text);
  if (m && (!m[2] || m[2] === m[4])) return { year: m[1] ? Number(m[1]) : null, month: Number(m[3]), day: Number(m[5]) };
  m = new RegExp(`^(?:(\\d{4})年|(今年|本年))?${NUM}月份?${NUM}[日号]$`).exec(text);
  if (!m) return null;
  const month = toInt(m[3] ?? '');
  const day = toInt(m[4] ?? '');
  if (month === null || day === null) return null;
  return { year: m[1] ? Number(m[1]) : m[2] ? fromMonthIndex(todayIndex).year : null, month, day };
}

/** `YYYY-MM-DD` of `n` days before `today` (a China calendar date). */
function daysBefore(today: CalendarDate, n: number): string {
  return new Date(Date.UTC(today.year, today.month - 1, today.day - n)).toISOString().slice(0, 10);
}

/** What a few days back in words (`前几天`, `上礼拜`) can be: the words as said, and the first and last day they reach. */
export interface RecentDays {
  said: string;
  /** `YYYY-MM-DD`, the earliest day the words can mean. */
  from: string;
  /** `YYYY-MM-DD`, the latest day the words can mean (never after today). */
  to: string;
}

/**
 * The days a few days back in words reach (`前几天`: 1 to 10 days ago; `上礼拜`: last week's Monday to Sunday,
 * a day's slack either side), framing dropped as {@link parseMonthDetailed} drops it; null for other words.
 * A day said next (`1号`) is checked against it: 前几天 then `1` on 1 December is no day of last month's start.
 */
export function recentDaysSaid(text: string, today: Date): RecentDays | null {
  const prepared = prepareInput(text, MONTH_MESSAGES.empty, '“2025年10月”');
  if (!prepared.ok) return null;
  const s = withoutFraming(removeSpaces(prepared.value));
  const hit = DAYS_BACK.find(([re]) => re.test(s));
  if (!hit) return null;
  const c = chinaDate(today);
  const span = hit[2];
  let near: number;
  let far: number;
  if ('week' in span) {
    // Days since this week's Monday (Monday 0 … Sunday 6); week `w` back runs from its Monday to its Sunday.
    const d = (new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay() + 6) % 7;
    const monday = d + 7 * span.week;
    const sunday = monday - 6;
    if (span.week === 0) [near, far] = [0, d];
    else if (span.weekend) [near, far] = [sunday - 1, sunday + 2];
    else [near, far] = [sunday - 1, monday + 1];
  } else [near, far] = span;
  return { said: s, from: daysBefore(c, far), to: daysBefore(c, Math.max(0, near)) };
}

/** The month someone left a job, and how it was read when that must be confirmed. */
export interface DetailedMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Short Chinese description of an inferred reading (`春节前按2026年2月算`), or null for a plain month. */
  inferred: string | null;
}

/**
 * Parses a single month in the past or present (e.g. "since when have you
 * left the job?"), with the reading to confirm when it came from a festival
 * or lunar month (`春节前走的`, `腊月`, `十一以后就没去了`) or `年中`.
 *
 * Framing is dropped: `10月份走的`, `去年年底不干的`, `大概去年10月`.
 * A month without a year means its latest occurrence not in the future
 * (in November 2026, `12月` is 2025-12). A year without a month is refused
 * with a request for the month rather than guessed. A day typed with its
 * month that has not come yet is never this month: with its year it is
 * refused (`2026.12.5` on 1 December), without it is last year's, a reading
 * (`12月5号`). `刚走`, `我刚辞职` are a few days back, a reading.
 */
export function parseMonthDetailed(text: string, today: Date): Parsed<DetailedMonth> {
  const prepared = prepareInput(text, MONTH_MESSAGES.empty, '“2025年10月”');
  if (!prepared.ok) return prepared;
  const s = withoutFraming(removeSpaces(prepared.value));
  const todayIndex = currentMonthIndex(today);
  if (s === '') return fail(MONTH_MESSAGES.unparseable);
  // A day typed with its month that has not come yet (`2026.12.5`, `12月5号` on 1 December): never this month as if
  // it had. With its year it is said back; without, it is last year's, a reading to confirm.
  const typed = typedDay(s, todayIndex);
  if (typed) {
    const c = chinaDate(today);
    const [ty, tm, td] = [c.year, c.month, c.day];
    const ahead = (y: number) => y * 10000 + typed.month * 100 + typed.day > ty * 10000 + tm * 100 + td;
    const real = (y: number) => typed.month >= 1 && typed.month <= 12 && typed.day >= 1 && typed.day <= new Date(Date.UTC(y, typed.month, 0)).getUTCDate();
    if (typed.year !== null && real(typed.year) && ahead(typed.year)) return fail(MONTH_MESSAGES.dayToCome(typed.year, typed.month, typed.day));
    if (typed.year === null && real(ty) && ahead(ty) && typed.month === tm) {
      return ok({ month: formatMonth(toMonthIndex(ty - 1, typed.month)), inferred: `今年的${typed.month}月${typed.day}日还没到，按${ty - 1}年${typed.month}月${typed.day}日算` });
    }
  }
  // `上礼拜`, `前几天`, `昨天`: the month those days fall in; a reading, confirmed.
  const days = DAYS_BACK.find(([re]) => re.test(s))?.[1];
  if (days !== undefined) {
    const index = currentMonthIndex(new Date(today.getTime() - days * 86_400_000));
    const { year, month } = fromMonthIndex(index);
    return ok({ month: formatMonth(index), inferred: `“${s}”按${year}年${month}月算` });
  }
  // `快两个月了`, `走了三个多月了`: that long ago, roughly; a reading, confirmed.
  const ago = /^(?:快|将近|差不多|大概|都|已经|走了|离开)*([一二两三四五六七八九十\d]{1,3})个多?月了$/u.exec(removeSpaces(prepared.value));
  if (ago) {
    const n = parseChineseNumber(ago[1]!) ?? 0;
    if (n >= 1 && n <= 120) {
      const { year, month } = fromMonthIndex(todayIndex - n);
      return ok({ month: formatMonth(todayIndex - n), inferred: `“${prepared.value.trim()}”按${year}年${month}月算` });
    }
  }

  const parsed = parseMonthWords(s, today);
  if (parsed === null) return fail(MONTH_MESSAGES.unparseable);
  if (parsed.kind === 'badMonth') return fail(MONTH_MESSAGES.badMonth);
  const { words } = parsed;
  if (words.kind === 'year' || words.kind === 'half') return fail(MONTH_MESSAGES.needMonth);
  const index = words.kind === 'bareMonth' ? latestPastMonth(words.month, todayIndex) : words.index;
  if (index > todayIndex) return fail(MONTH_MESSAGES.future(todayIndex));
  if (fromMonthIndex(index).year < 1900) return fail(MONTH_MESSAGES.unparseable);
  return ok({ month: formatMonth(index), inferred: words.kind === 'month' ? words.inferred : null });
}

/**
 * Parses a single month, returning `YYYY-MM`: {@link parseMonthDetailed}
 * without the description. Callers that must confirm inferred readings
 * (festivals, lunar months) should use {@link parseMonthDetailed}.
 */
export function parseMonth(text: string, today: Date): Parsed<string> {
  const r = parseMonthDetailed(text, today);
  return r.ok ? ok(r.value.month) : r;
}
