import { parseChineseNumber } from './chinese-number.js';
import {
  currentMonthIndex,
  describeMonth,
  formatMonth,
  fromMonthIndex,
  latestPastMonth,
  parseMonthExpression,
  toMonthIndex,
  type MonthExpression,
} from './month.js';
import { prepareInput, removeSpaces, stripAffixes } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';

/** A period of unpaid wages. */
export interface WagePeriod {
  /** First month owed, `YYYY-MM`. */
  start: string;
  /** Last month owed, `YYYY-MM`; null means "until now / still ongoing". */
  end: string | null;
  /** Months owed, both ends inclusive; an ongoing period counts up to this month. */
  months: number;
}

/** How far back a period may start. Older claims are almost surely typos (and long time-barred). */
export const MAX_PERIOD_YEARS = 10;

const EXAMPLES = '“去年5月到现在”、“2025年5月至2025年8月”或“三个月”';

export const PERIOD_MESSAGES = {
  empty: `您还没有输入时间，请告诉我工资是从什么时候开始拖欠的，例如${EXAMPLES}。`,
  unparseable: `没看明白拖欠的时间段，请按这样的格式回答：${EXAMPLES}。`,
  badMonth: '月份应该在1到12之间，请核对后重新输入，例如“2025年5月至2025年8月”。',
  zeroLength: '拖欠时长至少是1个月，请重新输入，例如“三个月”或“去年5月到现在”。',
  endBeforeStart: '结束月份早于开始月份了，请核对后重新输入，例如“2025年5月至2025年8月”。',
  startInFuture: (todayIndex: number) =>
    `开始月份不能晚于这个月（${describeMonth(todayIndex)}），请核对后重新输入，例如“去年5月到现在”。`,
  endInFuture: (todayIndex: number) =>
    `结束月份不能晚于这个月（${describeMonth(todayIndex)}），还在拖欠的话可以说“到现在”，例如“去年5月到现在”。`,
  tooOld: `开始时间距今超过${MAX_PERIOD_YEARS}年了，请核对年份后重新输入，例如“2025年5月到现在”。`,
} as const;

const NUM = '([0-9零〇一二两三四五六七八九十]+)';
/** Words meaning "now" at the end of a period. */
const NOW = '(?:现在|今天|目前|如今|当前|现今|今)';

const PREFIXES = /^(?:大概|大约|差不多|应该是|已经|一直|都|快|将近|有|是|最近|近|拖了|欠了|拖欠了?|总共|一共|共)/;
const SUFFIXES =
  /(?:了|左右|的工资|工资|的钱|都?还?没有?(?:发|给|结|拿到)(?:工资|钱)?|没发|一直没发|都没发|期间|这段时间)$/;
const START_PREFIX = /^(?:从|自从|自|由)/;
const START_SUFFIX = /(?:开始|起|以来|以后|之后)$/;
const END_SUFFIX = /(?:为止|止|结束)$/;

type Outcome = Parsed<WagePeriod>;

/** Durations ending this month: 三个月, 3个多月, 半年, 一年, 一年半, 一年零三个月, 两年. */
function parseDuration(s: string): number | 'notDuration' | null {
  const int = (t: string | undefined): number | null => {
    const n = parseChineseNumber(t ?? '');
    return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
  };
  if (/^半年多?$/.test(s)) return 6;
  if (/^半个多?月$/.test(s)) return 1; // any part of a month owed is a month owed
  let m = new RegExp(`^${NUM}个(半)?多?月(半)?多?$`).exec(s);
  if (m) {
    const n = int(m[1]);
    return n === null ? null : n + (m[2] || m[3] ? 1 : 0);
  }
  m = new RegExp(`^${NUM}年(半)?多?$`).exec(s);
  if (m) {
    const n = int(m[1]);
    // `2025年`/`25年` are years, not durations: nobody is owed 25 years of wages.
    if (n === null || n > 20) return 'notDuration';
    return n * 12 + (m[2] ? 6 : 0);
  }
  m = new RegExp(`^${NUM}年(?:零|又)?${NUM}个多?月$`).exec(s);
  if (m) {
    const years = int(m[1]);
    const months = int(m[2]);
    if (years === null || months === null || years > 20) return 'notDuration';
    return years * 12 + months;
  }
  return 'notDuration';
}

/** A resolved side of a range; `ongoing` means the right side said "now". */
type Side = { index: number } | { ongoing: true } | 'badMonth' | null;

function resolveStart(text: string, todayIndex: number): Side {
  const parsed = parseMonthExpression(text, todayIndex);
  if (parsed === null) return null;
  if (parsed.kind === 'badMonth') return 'badMonth';
  return { index: startOf(parsed.expr, todayIndex) };
}

function startOf(expr: MonthExpression, todayIndex: number): number {
  switch (expr.kind) {
    case 'month':
      return expr.index;
    case 'bareMonth':
      return latestPastMonth(expr.month, todayIndex);
    case 'year':
      return toMonthIndex(expr.year, 1); // 从去年开始 → January
  }
}

function resolveEnd(text: string, startIndex: number, todayIndex: number): Side {
  if (new RegExp(`^${NOW}$`).test(text)) return { ongoing: true };
  const parsed = parseMonthExpression(text, todayIndex);
  if (parsed === null) return null;
  if (parsed.kind === 'badMonth') return 'badMonth';
  const { expr } = parsed;
  switch (expr.kind) {
    case 'month':
      return { index: expr.index };
    case 'bareMonth': {
      // 今年3月到5月: same year as the start; 去年11月到2月: rolls into the next year.
      const startYear = fromMonthIndex(startIndex).year;
      const sameYear = toMonthIndex(startYear, expr.month);
      return { index: sameYear >= startIndex ? sameYear : sameYear + 12 };
    }
    case 'year':
      // 到今年 means still ongoing; 到去年 means until the end of last year.
      return expr.year === fromMonthIndex(todayIndex).year ? { ongoing: true } : { index: toMonthIndex(expr.year, 12) };
  }
}

function validate(start: number, end: number | null, todayIndex: number): Outcome {
  if (start > todayIndex) return fail(PERIOD_MESSAGES.startInFuture(todayIndex));
  if (start < todayIndex - MAX_PERIOD_YEARS * 12) return fail(PERIOD_MESSAGES.tooOld);
  if (end !== null) {
    if (end < start) return fail(PERIOD_MESSAGES.endBeforeStart);
    if (end > todayIndex) return fail(PERIOD_MESSAGES.endInFuture(todayIndex));
  }
  return ok({ start: formatMonth(start), end: end === null ? null : formatMonth(end), months: (end ?? todayIndex) - start + 1 });
}

/** `X到现在`, `X至今`, `从X开始`, `X以来`: start only, still ongoing. */
function parseOngoing(s: string, todayIndex: number): Outcome | null {
  const m = new RegExp(`^(.+?)(?:开始|起)?(?:一直)?(?:到|至|直到|~|-)?${NOW}(?:为止)?$`).exec(s) ?? (START_SUFFIX.test(s) ? [s, s.replace(START_SUFFIX, '')] : null);
  if (!m) return null;
  const side = resolveStart((m[1] ?? '').replace(START_SUFFIX, ''), todayIndex);
  if (side === null) return null;
  if (side === 'badMonth') return fail(PERIOD_MESSAGES.badMonth);
  return 'index' in side ? validate(side.index, null, todayIndex) : null;
}

/**
 * `X到Y`, `X至Y`, `X~Y`, `X-Y`. A `-` may also sit inside a date
 * (`2025-05-2025-08`), so every separator position is tried and the first
 * one where both sides are month expressions wins.
 */
function parseRange(s: string, todayIndex: number): Outcome | null {
  const separators = /一直到|直到|到|至|~|-+/g;
  let badMonth = false;
  for (const sep of s.matchAll(separators)) {
    const at = sep.index ?? 0;
    const left = s.slice(0, at).replace(START_SUFFIX, '');
    const right = s.slice(at + sep[0].length).replace(END_SUFFIX, '');
    if (left === '' || right === '') continue;
    const start = resolveStart(left, todayIndex);
    if (start === 'badMonth') badMonth = true;
    if (start === null || start === 'badMonth' || !('index' in start)) continue;
    const end = resolveEnd(right, start.index, todayIndex);
    if (end === 'badMonth') badMonth = true;
    if (end === null || end === 'badMonth') continue;
    return validate(start.index, 'index' in end ? end.index : null, todayIndex);
  }
  return badMonth ? fail(PERIOD_MESSAGES.badMonth) : null;
}

/** A single expression: `上个月` / `这个月` / `2025年5月` is that one month; `去年` is that whole year. */
function parseSingle(s: string, todayIndex: number): Outcome | null {
  const parsed = parseMonthExpression(s, todayIndex);
  if (parsed === null) return null;
  if (parsed.kind === 'badMonth') return fail(PERIOD_MESSAGES.badMonth);
  const { expr } = parsed;
  if (expr.kind === 'year') {
    const start = toMonthIndex(expr.year, 1);
    const thisYear = fromMonthIndex(todayIndex).year;
    return validate(start, expr.year === thisYear ? null : toMonthIndex(expr.year, 12), todayIndex);
  }
  const index = startOf(expr, todayIndex);
  return validate(index, index, todayIndex);
}

/**
 * Parses the period during which wages were not paid.
 *
 * Forms: ranges (`去年5月到现在`, `2025年5月至2025年8月`, `2025.5-2025.8`,
 * `今年3月到5月`), open-ended starts (`从今年1月开始`, `去年五月至今`),
 * durations counted back from this month (`三个月`, `半年`, `一年`, always
 * ongoing), and single months (`上个月`, `这个月`: start = end).
 *
 * Decisions worth knowing:
 * - A month without a year on the start side is its latest past occurrence;
 *   on the end side it follows the start (`去年11月到2月` ends in February
 *   of this year).
 * - `从X` without an end is ongoing; a single month without `从` is just
 *   that month.
 * - A bare year as start means January (`从去年开始`); as a single answer it
 *   means that whole year (up to now if it is this year).
 * - Dates are taken in China time (UTC+8), whatever the server's zone.
 * - An end after this month is refused rather than clamped: wages for future
 *   months are not owed yet, so it is most likely a typo.
 */
export function parsePeriod(text: string, today: Date): Parsed<WagePeriod> {
  const prepared = prepareInput(text, PERIOD_MESSAGES.empty, '“去年5月到现在”');
  if (!prepared.ok) return prepared;
  const todayIndex = currentMonthIndex(today);
  const stripped = stripAffixes(removeSpaces(prepared.value), PREFIXES, SUFFIXES);
  // 从2025年5月 names only a start, so it is ongoing rather than a single month.
  const saysFrom = START_PREFIX.test(stripped);
  const s = stripped.replace(START_PREFIX, '');
  if (s === '') return fail(PERIOD_MESSAGES.unparseable);

  const duration = parseDuration(s);
  if (duration === 0) return fail(PERIOD_MESSAGES.zeroLength);
  if (typeof duration === 'number') return validate(todayIndex - duration + 1, null, todayIndex);
  if (duration === null) return fail(PERIOD_MESSAGES.unparseable);

  if (saysFrom) {
    const start = resolveStart(s, todayIndex);
    if (start === 'badMonth') return fail(PERIOD_MESSAGES.badMonth);
    if (start !== null && 'index' in start) return validate(start.index, null, todayIndex);
  }
  return (
    parseSingle(s, todayIndex) ??
    parseOngoing(s, todayIndex) ??
    parseRange(s, todayIndex) ??
    fail(PERIOD_MESSAGES.unparseable)
  );
}
