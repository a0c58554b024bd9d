import { parseChineseNumber } from './chinese-number.js';
import {
  currentMonthIndex,
  describeMonth,
  formatMonth,
  fromMonthIndex,
  latestPastMonth,
  parseMonthWords,
  toMonthIndex,
  type MonthSide,
} from './month.js';
import { prepareInput, removeSpaces, stripAffixes, toHalfWidth } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';

/** A period of unpaid wages. */
export interface WagePeriod {
  /** First month owed, `YYYY-MM`. */
  start: string;
  /** Last month owed, `YYYY-MM`; null means "until now / still ongoing". */
  end: string | null;
  /**
   * Months owed, both ends inclusive. The current month's wage is not due
   * yet, so an ongoing period counts up to last month.
   */
  months: number;
  /**
   * Short Chinese description of a reading that was inferred rather than
   * said (a festival or lunar month, `年中`), e.g. `春节后按2026年3月算`,
   * for the bot to confirm; null when the person named the months.
   */
  inferred: string | null;
}

/** How far back a period may start. Older claims are almost surely typos (and long time-barred). */
export const MAX_PERIOD_YEARS = 10;

const EXAMPLES = '“去年5月到现在”、“2025年5月至2025年8月”或“三个月”';

export const PERIOD_MESSAGES = {
  empty: `您还没有输入时间，请告诉我工资是从什么时候开始拖欠的，例如${EXAMPLES}。`,
  unparseable: `没看明白拖欠的时间段，请按这样的格式回答：${EXAMPLES}。`,
  vague: `时间说得具体一点才好帮您算，请说大概从哪个月开始，或拖了几个月，例如${EXAMPLES}。`,
  badMonth: '月份应该在1到12之间，请核对后重新输入，例如“2025年5月至2025年8月”。',
  zeroLength: '拖欠时长至少是1个月，请重新输入，例如“三个月”或“去年5月到现在”。',
  endBeforeStart: '结束月份早于开始月份了，请核对后重新输入，例如“2025年5月至2025年8月”。',
  noDueMonth:
    '这个月的工资一般要到下个月才发，现在还不算拖欠。如果约定的发薪日已经过了，或者说的是更早的月份，请告诉我是哪几个月，例如“上个月”或“去年12月到现在”。',
  startInFuture: (todayIndex: number) =>
    `开始月份不能晚于这个月（${describeMonth(todayIndex)}），请核对后重新输入，例如“去年5月到现在”。`,
  endInFuture: (todayIndex: number) =>
    `结束月份不能晚于这个月（${describeMonth(todayIndex)}），还在拖欠的话可以说“到现在”，例如“去年5月到现在”。`,
  tooOld: `开始时间距今超过${MAX_PERIOD_YEARS}年了，请核对年份后重新输入，例如“2025年5月到现在”。`,
  /** `三四个月`, `3-4个月`: two counts of months; which one is asked, never either taken. */
  range: (lo: number, hi: number) => `您说的是${lo}到${hi}个月。拖欠时间要按具体的月数记：是${lo}个月还是${hi}个月？记得是哪几个月也可以直接说，例如“今年8月到11月”。`,
  /** `中秋节前`, `春节前后`: a festival's day, not a month of wages; which months is asked. */
  festivalDay: (said: string) => `“${said}”具体是哪几个月的工资？请说从哪个月到哪个月，例如“今年3月到8月”或“三个月”。`,
  /** `去年`, `从去年开始`, `今年的`: a year without its months is never read as the whole year. */
  yearOnly: (year: number) => `是${year}年的哪几个月？例如“${year}年3月到${year}年8月”或“${year}年5月到现在”，记不清就说个大概。`,
} as const;

/**
 * The year a failed reading asks the months of (`去年的工资还没结` → 2025), or null: only an error that is exactly
 * PERIOD_MESSAGES.yearOnly's for that year, so a change of its wording cannot make this read something else.
 */
export function yearAskedOf(error: string): number | null {
  const y = /^是(\d{4})年/u.exec(error);
  const year = y ? Number(y[1]) : null;
  return year !== null && error === PERIOD_MESSAGES.yearOnly(year) ? year : null;
}

const NUM = '([0-9零〇一二两三四五六七八九十]+)';
/** Words meaning "now" at the end of a period. */
const NOW = '(?:现在|今天|目前|如今|当前|现今|今)';

const PREFIXES =
  /^(?:(?:拖欠|欠薪|欠钱|欠工资|欠的|拖的|没发的?|没给的?)?的?(?:时间段?|日期|月份)(?:应该|大概)?(?:是|为|[:：])|大概|大约|大致|差不多|应该是|估计|可能|已经|一直|都|快|将近|接近|整整|足足|有|是|最近|近|最后(?:那|这)?|这(?=[0-9两二三四五六七八九十半])|拖了|欠了|拖欠了?|总共|一共|共|我们|我|在这边?|在那边?|在工地上?|在厂里|(?:已经|一共|总共)?(?:干|做|上班|打工|干活)了)/;
const SUFFIXES =
  /(?:了|吧|啊|咯|嘞|啦|哦|呀|噢|左右|的工资|的工钱|工资|工钱|的钱|(?:一分钱|一分|的?钱|的?工资|的?工钱)?(?:就|都|也|一直|从来|再也|再)?还?(?:没有?|未|莫得|没得|冇)(?:结清|付清|还清|发|给|结|拿到|拿|到手|领到|领|付|见到|见过|看到)过?(?:工资|工钱|钱)?|一直没发|期间|这段时间|的时间|(?:干活|干|做工|做|上班|打工)的?)$/;
/** A work verb between the two ends of a range: 从3月干到10月, 3月份做到现在. */
const WORK_VERB_BEFORE_END = /(?:干活|干|做工|做|上班|打工)(?=(?:一直)?(?:到|至|直到))/g;
const START_PREFIX = /^(?:从|自从|自|由)/;
/** A part of a year said alone (`去年年底`, `2025年底`, `年初`), no month named. */
const YEAR_PART_ALONE = /^[^月]*年(?:初|头|底|末|尾)$/u;
/** A comma before the end of a range said as a clause of its own: `从3月开始干，一直干到10月底`. */
const END_AFTER_COMMA = /的?[,，、;；]+(?=(?:一直|就|又)?(?:干活|干|做工|做|上班|打工)?(?:到|至|直到))/gu;
const START_SUFFIX = /(?:开始|起|以来|以后|之后|(?:里|的时候)?(?:开的工|开工|开始干|进的厂|进厂|来的|上的工))$/;
const END_SUFFIX = /(?:为止|止|结束)$/;
/** Durations and times too vague to turn into months: asked again, never guessed. */
const VAGUE =
  /^(?:好久|很久|好长时间|很长时间|挺长时间|长时间|好长一段时间|很长一段时间|前段时间|前一段时间|前阵子|这段时间|一段时间|有段时间|有一段时间|很多年|好多年|好几年|几年|很多个月|好多个月|大半年|小半年)$|几个多?月|好几个|秋收|麦收|夏收|农忙|割稻|收稻|收麦/;

type Outcome = Parsed<WagePeriod>;

interface Context {
  today: Date;
  todayIndex: number;
}

/**
 * Words that make a duration a guess: `快半年了`, `大概三个月`, `将近一年` are
 * read as the months they name, and confirmed (never taken silently).
 */
const HEDGE_BEFORE = /(大概|大约|大致|差不多|应该是|估计|可能|将近|接近|快)(?:有|是)?$/u;

/** The hedge said right by duration `s` in `raw` (`已经快半年了` → 快; `三个月左右` → 左右), never one elsewhere in the message. */
function hedgeOf(raw: string, s: string): string | undefined {
  const at = raw.indexOf(s);
  if (at < 0) return undefined;
  if (raw.startsWith('左右', at + s.length)) return '左右';
  return HEDGE_BEFORE.exec(raw.slice(0, at))?.[1];
}

/** Two figures in a row before 个月: 五六个月. */
const PAIR_OF_MONTHS = /^([一二三四五六七八])([二三四五六七八九])个多?月$/u;

const COUNT = '(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})';
/**
 * Two counts of months, the one said or the other (`三四个月`, `两三个月`, `3-4个月`, `3到4个月`, `三到四个月`, `4 5个月`):
 * which is meant cannot be told, and a period is one number of months. Group 1 and 2, the two counts.
 */
const MONTHS_RANGE = new RegExp(
  `(?<![0-9零一二两三四五六七八九十])(?:([一二两三四五六七八])([二三四五六七八九])|(${COUNT})\\s*(?:[-~～—–到至]|或者?)\\s*(${COUNT}))\\s*个多?月`,
  'u',
);

/**
 * A range of months said (`三四个月`, `3-4个月`): the two counts, or null. A pair in a row is only read when it follows on
 * (三四, never 三五); a range said with 到 or a dash when the second is the larger.
 */
export function monthsRangeSaid(text: string): { lo: number; hi: number } | null {
  const m = MONTHS_RANGE.exec(toHalfWidth(String(text)).replace(/(?<=\d) (?=\d个)/gu, '-'));
  if (!m) return null;
  const n = (s: string) => (/^\d+$/u.test(s) ? Number(s) : parseChineseNumber(s.replace('两', '二')));
  const [lo, hi] = m[1] ? [n(m[1])!, n(m[2]!)!] : [n(m[3]!), n(m[4]!)];
  if (!lo || !hi) return null;
  if (m[1] ? hi !== lo + 1 : hi <= lo || hi - lo > 12) return null;
  return { lo, hi };
}

/** Durations ending last month: 三个月, 3个多月, 两个来月, 半年, 一年, 一年半, 一年零三个月, 两年. */
function parseDuration(said: string): number | 'notDuration' | null {
  // `俩月`, `仨月`, `两月`: two or three months, 个 left off (February is 二月, never 两月).
  const s = said.replace(/^(?:俩|两)个?(?=多?月)/u, '两个').replace(/^仨个?(?=多?月)/u, '三个').replace(/^俩(?=年)/u, '两').replace(/^仨(?=年)/u, '三');
  const int = (t: string | undefined): number | null => {
    const n = parseChineseNumber(t ?? '');
    return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
  };
  if (/^半年多?$/.test(s)) return 6;
  // 五六个月, 三四个月: two figures in a row, the lower one (confirmed: PAIR_OF_MONTHS).
  const pair = PAIR_OF_MONTHS.exec(s);
  if (pair) {
    const [lo, hi] = [pair[1]!, pair[2]!].map((c) => '一二三四五六七八九'.indexOf(c) + 1) as [number, number];
    return hi === lo + 1 ? lo : null;
  }
  if (/^半个多?月$/.test(s)) return 1; // any part of a month owed is a month owed
  let m = new RegExp(`^${NUM}个(半)?[多来]?月(半)?多?$`).exec(s);
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

/** A resolved month with the reading to confirm, if any. */
interface Point {
  index: number;
  inferred: string | null;
  /** A start said without its year (`11月`): taken as its latest past occurrence. */
  bare?: true;
  /** An end said without its year that rolled into the year after the start's (`11月到1月`). */
  rolled?: true;
}

/**
 * `十一` alone is a number (or November with 月 left off), so the festival
 * table wants a 前/后 after it. At the end of a range that starts at a
 * festival, though (`五一到十一`), it is the National Day holiday: read as
 * 国庆, said back as 十一 and confirmed like every festival reading.
 * (`从十一开始`, `十一到现在` stay unread: November is as likely.)
 */
const BARE_NATIONAL_DAY = /^十一(?=(?:那会儿?|那时候?|的时候|放假|期间)?$)/u;

function asNationalDay<T extends { inferred: string | null }>(raw: string, read: (text: string) => T | 'badMonth' | null): T | null {
  if (!BARE_NATIONAL_DAY.test(raw)) return null;
  const r = read(raw.replace(BARE_NATIONAL_DAY, '国庆'));
  return r === null || r === 'badMonth' ? null : { ...r, inferred: r.inferred?.replace(/^国庆/u, '十一') ?? null };
}

/** A year said without its months (`去年`, `从去年开始`): the months are asked, never the year's January assumed. */
interface YearOnly {
  yearOnly: number;
}

/** The start of a period: `去年5月`, `5月` (latest past May), `上半年` (January), `春节后`; `去年` alone is {@link YearOnly}. */
function resolveStart(raw: string, ctx: Context): Point | YearOnly | 'badMonth' | null {
  for (const text of new Set([raw, raw.replace(START_SUFFIX, '')])) {
    if (text === '') continue;
    const parsed = parseMonthWords(text, ctx.today, { kind: 'latest' });
    if (parsed === null) continue;
    if (parsed.kind === 'badMonth') return 'badMonth';
    const w = parsed.words;
    switch (w.kind) {
      case 'month':
        return { index: w.index, inferred: w.inferred };
      case 'bareMonth':
        return { index: latestPastMonth(w.month, ctx.todayIndex), inferred: null, bare: true };
      case 'year':
        return { yearOnly: w.year };
      case 'half':
        return { index: w.start, inferred: null };
    }
  }
  return null;
}

/** The end of a range; `ongoing` for "now", `span` when a half year may run past this month (clamped). */
type End = (Point & { span: boolean }) | { ongoing: true } | 'badMonth' | null;

function resolveEnd(raw: string, startIndex: number, ctx: Context, festivalStart = false): End {
  if (new RegExp(`^${NOW}$`).test(raw)) return { ongoing: true };
  const nationalDay = !festivalStart ? null : asNationalDay(raw, (t) => {
    const e = resolveEnd(t, startIndex, ctx);
    return e === null || e === 'badMonth' || 'ongoing' in e ? null : e;
  });
  if (nationalDay) return nationalDay;
  const text = raw.replace(END_SUFFIX, '');
  const side: MonthSide = { kind: 'end', notBefore: startIndex };
  const parsed = parseMonthWords(text, ctx.today, side);
  if (parsed === null) return null;
  if (parsed.kind === 'badMonth') return 'badMonth';
  const w = parsed.words;
  switch (w.kind) {
    case 'month':
      return { index: w.index, inferred: w.inferred, span: false };
    case 'bareMonth': {
      // 今年3月到5月: same year as the start; 去年11月到2月: rolls into the next year.
      const startYear = fromMonthIndex(startIndex).year;
      const sameYear = toMonthIndex(startYear, w.month);
      return sameYear >= startIndex ? { index: sameYear, inferred: null, span: false } : { index: sameYear + 12, inferred: null, span: false, rolled: true };
    }
    case 'year':
      // 到今年 means still ongoing; 到去年 means until the end of last year.
      return w.year === fromMonthIndex(ctx.todayIndex).year
        ? { ongoing: true }
        : { index: toMonthIndex(w.year, 12), inferred: null, span: false };
    case 'half':
      return { index: w.end, inferred: null, span: true };
  }
}

interface Checks {
  /** The end may run past this month and is then cut at last month (`下半年`). */
  span?: boolean;
  inferred: string | null;
}

/**
 * Checks a period and counts its months. The current month's wage is not due
 * yet: a period must contain at least one earlier month, and an end in the
 * current month (or, for a half year, later) becomes last month.
 */
function validate(start: number, end: number | null, ctx: Context, checks: Checks): Outcome {
  const { todayIndex } = ctx;
  const lastDue = todayIndex - 1;
  if (start === todayIndex) return fail(PERIOD_MESSAGES.noDueMonth);
  if (start > todayIndex) return fail(checks.inferred ? PERIOD_MESSAGES.noDueMonth : PERIOD_MESSAGES.startInFuture(todayIndex));
  if (start < todayIndex - MAX_PERIOD_YEARS * 12) return fail(PERIOD_MESSAGES.tooOld);
  let last = end;
  let inferred = checks.inferred;
  if (last !== null) {
    if (last < start) return fail(PERIOD_MESSAGES.endBeforeStart);
    if (last > todayIndex && !checks.span) return fail(PERIOD_MESSAGES.endInFuture(todayIndex));
    // `上个月到这个月`: this month was said, and is left out — an inference, so it is confirmed with its reason.
    if (last === todayIndex && !checks.span) inferred = joinInferred(inferred, `这个月的工资一般下个月才发，先算到${describeMonth(lastDue)}`);
    if (last > lastDue) last = lastDue;
  }
  return ok({
    start: formatMonth(start),
    end: last === null ? null : formatMonth(last),
    months: (last ?? lastDue) - start + 1,
    inferred,
  });
}

function joinInferred(...parts: Array<string | null>): string | null {
  const present = parts.filter((p): p is string => p !== null);
  return present.length > 0 ? present.join('，') : null;
}

/** `X到现在`, `X至今`, `从X开始`, `X以来`: start only, still ongoing. */
function parseOngoing(s: string, ctx: Context): Outcome | null {
  const m = new RegExp(`^(.+?)(?:开始|起)?(?:一直)?(?:到|至|直到|~|-)?${NOW}(?:为止)?$`).exec(s) ?? (START_SUFFIX.test(s) ? [s, s] : null);
  if (!m) return null;
  const side = resolveStart(m[1] ?? '', ctx);
  if (side === null) return null;
  if (side === 'badMonth') return fail(PERIOD_MESSAGES.badMonth);
  if ('yearOnly' in side) return fail(PERIOD_MESSAGES.yearOnly(side.yearOnly));
  return validate(side.index, null, ctx, { inferred: side.inferred });
}

/**
 * `X到Y`, `X至Y`, `X~Y`, `X-Y`. A `-` may also sit inside a date
 * (`2025-05-2025-08`), so every separator position is tried and the first
 * one where both sides are month expressions wins.
 */
function parseRange(s: string, ctx: Context): Outcome | null {
  const separators = /一直到|直到|到|至|~|-+/g;
  let badMonth = false;
  let yearOnly: number | null = null;
  for (const sep of s.matchAll(separators)) {
    const at = sep.index ?? 0;
    const left = s.slice(0, at);
    const right = s.slice(at + sep[0].length);
    if (left === '' || right === '') continue;
    const start = resolveStart(left, ctx);
    if (start === 'badMonth') badMonth = true;
    if (start !== null && start !== 'badMonth' && 'yearOnly' in start) yearOnly ??= start.yearOnly;
    if (start === null || start === 'badMonth' || 'yearOnly' in start) continue;
    const end = resolveEnd(right, start.index, ctx, start.inferred !== null);
    if (end === 'badMonth') badMonth = true;
    if (end === null || end === 'badMonth') continue;
    if ('ongoing' in end) return validate(start.index, null, ctx, { inferred: start.inferred });
    // `11月到1月` in December: this November to next January has not come yet; the last such months that have
    // (2025年11月至2026年1月) are meant. A reading of the words, so confirmed.
    if (start.bare && end.rolled && end.index > ctx.todayIndex && end.index - 12 < ctx.todayIndex) {
      const [from, to] = [start.index - 12, end.index - 12];
      return validate(from, to, ctx, { inferred: joinInferred(end.inferred, `“${left}到${right}”按${describeMonth(from)}至${describeMonth(to)}算`) });
    }
    return validate(start.index, end.index, ctx, { span: end.span, inferred: joinInferred(start.inferred, end.inferred) });
  }
  return badMonth ? fail(PERIOD_MESSAGES.badMonth) : yearOnly !== null ? fail(PERIOD_MESSAGES.yearOnly(yearOnly)) : null;
}

/**
 * A single expression: `上个月` / `2025年5月` / `腊月` is that one month;
 * `去年` is that whole year; `上半年` is January to June; `春节后` (a
 * starting point) runs until now.
 */
function parseSingle(s: string, ctx: Context): Outcome | null {
  const parsed = parseMonthWords(s, ctx.today, { kind: 'latest' });
  if (parsed === null) return null;
  if (parsed.kind === 'badMonth') return fail(PERIOD_MESSAGES.badMonth);
  const w = parsed.words;
  switch (w.kind) {
    case 'year':
      return fail(PERIOD_MESSAGES.yearOnly(w.year));
    case 'half':
      return validate(w.start, w.end, ctx, { span: true, inferred: null });
    case 'bareMonth': {
      const index = latestPastMonth(w.month, ctx.todayIndex);
      return validate(index, index, ctx, { inferred: null });
    }
    case 'month': {
      // `中秋节前`, `春节前后`: about a festival's day; as a whole period that would be a guess at one month.
      if (w.day && !w.after) return fail(PERIOD_MESSAGES.festivalDay(s));
      // `去年年底`, `年初`: as likely "since then" (or a year-end settlement) as that one month; a reading, confirmed.
      const yearPart = w.inferred === null && YEAR_PART_ALONE.test(s) ? `“${s}”按${describeMonth(w.index)}这一个月算` : null;
      return validate(w.index, w.after ? null : w.index, ctx, { inferred: w.inferred ?? yearPart });
    }
  }
}

/**
 * Parses the period during which wages were not paid.
 *
 * Forms: ranges (`去年5月到现在`, `2025年5月至2025年8月`, `2025.5-2025.8`,
 * `今年3月到5月`, `从3月干到10月`), open-ended starts (`从今年1月开始`,
 * `去年五月至今`, `年初到现在`, `去年年底到现在`), durations (`三个月`,
 * `半年`, `干了一年`), halves of the year (`上半年`, `去年下半年`), single
 * months (`上个月`, `2025年5月`), festivals and lunar months (`春节后`,
 * `过完年到现在`, `正月到现在`, `从正月干到中秋`, `国庆后`).
 *
 * Decisions worth knowing:
 * - The current month's wage is not due yet. Durations count back from
 *   last month and end there (`三个月` on 1 December = September to
 *   November); an open end (`到现在`) counts months up to last month; an
 *   end in the current month, or a half year running past it, becomes last
 *   month; a period with no month before this one (`这个月`) is refused
 *   with an explanation.
 * - A month without a year on the start side is its latest past occurrence;
 *   on the end side it follows the start (`去年11月到2月` ends in February
 *   of this year).
 * - `从X` without an end is ongoing; a single month without `从` is just
 *   that month; "after a festival" (`春节后`, `过完年`) is a start.
 * - A bare year (`去年`, `从去年开始`, `今年的`, `去年到现在`) is refused with
 *   a question about its months: never read as the whole year or as January.
 * - Festivals and lunar months are read as described in
 *   {@link parseFestivalMonth}, and the reading is returned in `inferred` to
 *   be confirmed. A festival's day alone, before or around it (`中秋节前`,
 *   `春节前后`), is no period: which months is asked. Vague times (`好久了`,
 *   `前段时间`, `几个月`, `秋收以后`) are refused, never guessed.
 * - `9.15` alone is a day (refused like `11月28号`), and so is `2026.11.5`;
 *   `9.15到现在`, `2026.11.5以后` start in that month. `俩月`, `仨月`, `两月`
 *   are durations (February is 二月).
 * - A part of a year alone (`去年年底`, `年初`) is that one month, a reading
 *   (it may as well mean "since then"); `3月份开始干的` is a start, and an end
 *   said as a clause of its own (`从3月开始干，一直干到10月底`) ends the range.
 * - Dates are taken in China time (UTC+8), whatever the server's zone.
 * - An end after this month is refused rather than clamped (except for a
 *   half year): wages for future months are not owed yet, so it is most
 *   likely a typo.
 */
const MONTH_NAME = '(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月份?';
/** `8月9月10月`, `8、9、10月份`, `八九十月`, with or without `这三个月`: a list of months. */
const MONTH_LIST = new RegExp(`^((?:${MONTH_NAME}[、,，和跟]?){2,})(?:这|那)?(?:([两二三四五六七八九十俩仨\\d]+)个?月)?$`, 'u');
const MONTH_NUMBER = '(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])';
/** The same list with 月 said once, at the end (`8、9、10月`, `八九十月份`). */
const BARE_MONTH_LIST = new RegExp(`^((?:${MONTH_NUMBER}[、,，和跟]?){2,})(月份?)((?:这|那)?(?:[两二三四五六七八九十俩仨\\d]+个?月)?)$`, 'u');

/**
 * A list of consecutive months (`8月9月10月`) as the range it is
 * (`8月到10月`); anything else unchanged. Gaps (`8月10月`) are not a
 * period: they are left to be refused and asked again.
 */
/** A whole year said (`2025年全年`, `去年一整年的`, `25年整年`): the year in group 1 (`2025`, `25`, `去年`, `前年`). */
const WHOLE_YEAR = /^(?:是|就是)?(?:(\d{4}|\d{2})年|(去年|前年))(?:的)?(?:全年|一整年|整年|整整一年)(?:的)?(?:工资|工钱)?(?:都)?$/u;

/** The year today is in China (UTC+8). */
function chinaYear(today: Date): number {
  return new Date(today.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** A period to now, then how long that is: `五月份到现在快半年了`. */
const ONGOING_THEN_COUNT = /^(.+?(?:到现在|至今|到今天|到如今|以来))[，,\s]*(?:都|已经|有|快|快要|差不多|将近)*(.+?)了?$/u;

function monthList(raw: string): string {
  // `这个月和上个月`: the same two months as 上个月和这个月.
  const text = raw
    // `上个月工资和这个月工资`: the months, without the wages named with each.
    .replace(/(?<=月份?)(?:的)?(?:工资|工钱)(?=(?:和|跟|、|加|还有)|(?:的)?(?:工资|工钱)?$)/gu, '')
    .replace(/^(这个月|本月)(?:和|跟|、|加|还有)(上个?月)$/u, '$2到$1')
    .replace(/^(上个?月)(?:和|跟|、|加|还有)(这个月|本月)$/u, '$1到$2')
    .replace(/^(上上个?月)(?:和|跟|、|加|还有)(上个?月)$/u, '$1到$2')
    .replace(/^(上个?月)(?:和|跟|、|加|还有)(上上个?月)$/u, '$2到$1')
    .replace(BARE_MONTH_LIST, (_, list: string, unit: string, count: string) => `${[...list.matchAll(new RegExp(MONTH_NUMBER, 'gu'))].map((x) => x[0] + unit).join('')}${count}`);
  const m = MONTH_LIST.exec(text);
  if (!m) return text;
  const months = [...m[1]!.matchAll(new RegExp(MONTH_NAME, 'gu'))].map((x) => {
    const n = x[0].replace(/月份?$/u, '');
    return /^\d+$/.test(n) ? Number(n) : n === '十' ? 10 : n.startsWith('十') ? 10 + '一二'.indexOf(n[1]!) + 1 : '一二三四五六七八九'.indexOf(n) + 1;
  });
  const consecutive = months.every((x, i) => i === 0 || x === months[i - 1]! + 1);
  // `这三个月` must count them right, or the words disagree and nothing is taken.
  const said = m[2] ? (/^\d+$/.test(m[2]) ? Number(m[2]) : '一二三四五六七八九十'.indexOf(m[2].replace(/两|俩/, '二').replace('仨', '三')) + 1) : months.length;
  return consecutive && said === months.length ? `${months[0]}月到${months.at(-1)}月` : text;
}

/** `春节前那两个月`, `过年前三个月`, `国庆前那俩月`: the months up to the one before the festival. */
const MONTHS_BEFORE = /^(?:就是|是)?(.+?前)(?:的|那|这|最后)*([两二三四五六七八九十俩仨\d])个?月(?:的工资|的工钱|的钱|工资|工钱)?$/u;

function monthsBeforeFestival(text: string, ctx: Context): Outcome | null {
  const m = MONTHS_BEFORE.exec(text);
  if (!m) return null;
  const parsed = parseMonthWords(m[1]!, ctx.today, { kind: 'latest' });
  // Only a festival's eve (its reading is confirmed); `3月前两个月` or `年底前两个月` stay unread.
  if (parsed === null || parsed.kind === 'badMonth' || parsed.words.kind !== 'month' || parsed.words.inferred === null || parsed.words.after) return null;
  const n = /^\d$/.test(m[2]!) ? Number(m[2]) : '一二三四五六七八九十'.indexOf(m[2]!.replace(/两|俩/u, '二').replace('仨', '三')) + 1;
  if (n < 1 || n > 12) return null;
  const end = parsed.words.index;
  const start = end - n + 1;
  return validate(start, end, ctx, { inferred: `“${text}”按${describeMonth(start)}至${describeMonth(end)}算` });
}

/**
 * `8 9 10三个月`, `8 9 10月`, `8.9.10三个月` (three or more numbers with dots between): months typed as bare numbers with spaces between, then 月 or how many they are
 * (also as voice input or the normaliser leaves them: `八九 10三个月`, each Chinese digit a month).
 */
const SPACED_MONTHS = /^((?:\d{1,2}|[一二三四五六七八九]+)(?:[\s、]+(?:\d{1,2}|[一二三四五六七八九]+))+|\d{1,2}(?:[.．]\d{1,2}){2,})\s*(?=月|(?:这|那)?[两二三四五六七八九十俩仨\d]+个?月)/u;

/** The list `8、9、10月` that {@link SPACED_MONTHS} types with spaces (月 added before a count: `8、9、10月三个月`). */
function spacedMonths(text: string): string {
  return text.replace(SPACED_MONTHS, (list: string, _g: string, at: number, whole: string) => {
    if (!/[\s.．]/u.test(list.trim())) return list;
    const rest = whole.slice(at + list.length).trimStart();
    const months = list.trim().split(/[\s、.．]+/u).flatMap((x) => (/^\d+$/u.test(x) ? [x] : [...x].map((c) => String('一二三四五六七八九'.indexOf(c) + 1))));
    return `${months.join('、')}${rest.startsWith('月') ? '' : '月'}`;
  });
}

const MONTHS_NAMED = `((?:${MONTH_NAME}[、,，和跟]?)+)`;
/**
 * Months of the period that were paid, said in a clause after it: `中间6月份发了`, `其中8月的给了`,
 * `6月的工资发了`, `除了6月`, `6月份除外` (group 1 or 2: the months).
 */
const PAID_MONTHS = new RegExp(
  `^(?:但是?|不过|就|只有|只是|(?:这|那)?(?:中间|其中|当中|期间|中途))*(?:有|的)?${MONTHS_NAMED}(?:的)?(?:工资|工钱|钱)?(?:是|倒是|已经|都|有)?(?:发了|给了|结了|发过|给过|结过|付了|拿到了|拿了|领了|补了|补发了|发的|给的|结的)(?:的)?$|` +
    `^(?:但是?|不过)?(?:除了|除去|不算|不含|不包括)${MONTHS_NAMED}(?:的)?(?:以外|之外|外)?(?:都|全|别的都|其他都|其它都)?(?:没发|没给|没结|欠着|没有)?(?:的)?$|` +
    `^${MONTHS_NAMED}(?:的)?(?:除外|不算)$`,
  'u',
);

/** The number of a month named as {@link MONTH_NAME} says it (`6月份` → 6, `十一月` → 11). */
function monthNumber(name: string): number {
  const n = name.replace(/月份?$/u, '');
  return /^\d+$/.test(n) ? Number(n) : n === '十' ? 10 : n.startsWith('十') ? 10 + '一二'.indexOf(n[1]!) + 1 : '一二三四五六七八九'.indexOf(n) + 1;
}

/**
 * `2月到9月 中间6月份发了`: a period, then months of it that were paid. The paid months are taken out: an end
 * paid moves that end (`2月到9月 9月的发了` is 2月至8月); a month inside leaves the first and last month and
 * counts one less (2月至9月, 7个月). Always a reading, confirmed. A paid month outside the period, or two
 * readings of it, is asked about. Null when no clause says months were paid.
 */
function withPaidMonths(text: string, today: Date): Outcome | null {
  const clauses = text.split(/[,，。;；\s]+/u).filter((c) => c !== '');
  if (clauses.length < 2) return null;
  const paidAt = clauses.map((c, i) => (i > 0 && PAID_MONTHS.test(removeSpaces(c)) ? i : -1)).filter((i) => i >= 0);
  if (paidAt.length !== 1) return null;
  const said = removeSpaces(clauses[paidAt[0]!]!);
  const m = PAID_MONTHS.exec(said)!;
  const list = m[1] ?? m[2] ?? m[3] ?? '';
  const paid = [...new Set([...list.matchAll(new RegExp(MONTH_NAME, 'gu'))].map((x) => monthNumber(x[0])))];
  const rest = clauses.filter((_, i) => i !== paidAt[0]).join(' ');
  const r = parsePeriod(rest, today);
  if (!r.ok) return r;
  const todayIndex = currentMonthIndex(today);
  const [y, mo] = r.value.start.split('-').map(Number) as [number, number];
  let first = toMonthIndex(y, mo);
  let last = r.value.end === null ? todayIndex - 1 : first + r.value.months - 1;
  if (r.value.end !== null) {
    const [ey, em] = r.value.end.split('-').map(Number) as [number, number];
    last = toMonthIndex(ey, em);
  }
  const names = paid.map((n) => `${n}月`).join('、');
  const inside = paid.map((n) => {
    const hits: number[] = [];
    for (let i = first; i <= last; i++) if (fromMonthIndex(i).month === n) hits.push(i);
    return hits;
  });
  if (inside.some((h) => h.length !== 1) || r.value.months !== last - first + 1) {
    return fail(`您说${names}的发了，我没对上是拖欠时间里的哪个月。请把没发工资的月份说一下，例如“2月到5月、7月到9月”或“一共7个月”。`);
  }
  const paidIndexes = new Set(inside.map((h) => h[0]!));
  const open = r.value.end === null;
  // A paid month at either end moves that end (an open end stays open: it is still owed).
  while (paidIndexes.has(first) && first <= last) first++;
  while (!open && paidIndexes.has(last) && last >= first) last--;
  const owed = [...Array(Math.max(0, last - first + 1)).keys()].map((k) => first + k).filter((i) => !paidIndexes.has(i)).length;
  if (owed < 1) return fail(PERIOD_MESSAGES.zeroLength);
  const span = `${describeMonth(first)}至${open ? '今' : describeMonth(last)}`;
  const gap = last - first + 1 - owed;
  const reading = gap > 0 ? `您说${names}的发了，按${span}除去${names}，一共${owed}个月算` : `您说${names}的发了，按${span}（${owed}个月）算`;
  return ok({ start: formatMonth(first), end: open ? null : formatMonth(last), months: owed, inferred: joinInferred(r.value.inferred, reading) });
}

/**
 * Sounds and pointing words of a spoken answer (`嗯从那个今年三月份开始的吧一直到现在`): off, as typed it would read
 * (`从今年三月份开始一直到现在`). Only before a month or year, and 的吧 after 开始.
 */
function spokenPeriod(v: string): string {
  return v
    .replace(/^(?:[嗯呃额哦]+[,，\s]*)+/u, '')
    .replace(/(?:那个|这个)(?=(?:今年|去年|前年|上个?月|[0-9一二三四五六七八九十]{1,2}月))/gu, '')
    .replace(/开始的?(?:吧|啊|呀)?(?=[,，\s]*(?:一直|到|至))/gu, '开始')
    // `十月份的和十一月份的`: months listed, each with 的 after it (`10月和11月的` is read so already).
    .replace(/(月份?)的(?=[,，、\s]*(?:和|跟|还有|加上)[,，、\s]*(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月)/gu, '$1');
}

export function parsePeriod(text: string, today: Date): Parsed<WagePeriod> {
  // Before normalising, which reads two neighbouring digits with a space between as spoken (`8 9` → 八九).
  const prepared0 = prepareInput(typeof text === 'string' ? spacedMonths(toHalfWidth(text).trim()) : text, PERIOD_MESSAGES.empty, '“去年5月到现在”');
  if (!prepared0.ok) return prepared0;
  const prepared = { ...prepared0, value: spokenPeriod(spacedMonths(prepared0.value)) };
  const paid = withPaidMonths(prepared.value, today);
  if (paid) return paid;
  // `五月份到现在快半年了`, `去年9月到现在 一年多了`: how long that is, said after it; taken when the two agree.
  const counted = ONGOING_THEN_COUNT.exec(prepared.value);
  if (counted) {
    const d = parseDuration(removeSpaces(counted[2]!));
    const r = typeof d === 'number' ? parsePeriod(counted[1]!, today) : null;
    if (r?.ok && typeof d === 'number' && Math.abs(r.value.months - d) <= Math.max(1, Math.round(d / 3))) return r;
    if (r) return fail(PERIOD_MESSAGES.unparseable);
  }
  // `2025年全年`, `去年一整年`: a past year, every month of it (this year's months are not all due: asked as before).
  const wholeYear = WHOLE_YEAR.exec(removeSpaces(prepared.value));
  if (wholeYear) {
    const w = wholeYear[1] ?? wholeYear[2]!;
    const year = w === '去年' ? chinaYear(today) - 1 : w === '前年' ? chinaYear(today) - 2 : w.length === 2 ? 2000 + Number(w) : Number(w);
    if (year < chinaYear(today) && year >= 2000) return parsePeriod(`${year}年1月到${year}年12月`, today);
  }
  const ctx: Context = { today, todayIndex: currentMonthIndex(today) };
  const beforeFestival = monthsBeforeFestival(removeSpaces(prepared.value), ctx);
  if (beforeFestival) return beforeFestival;
  let stripped = stripAffixes(monthList(removeSpaces(prepared.value).replace(END_AFTER_COMMA, '')), PREFIXES, SUFFIXES);
  stripped = stripAffixes(stripped.replace(WORK_VERB_BEFORE_END, ''), PREFIXES, SUFFIXES);
  if (VAGUE.test(stripped)) return fail(PERIOD_MESSAGES.vague);
  // 从2025年5月 names only a start, so it is ongoing rather than a single month.
  const saysFrom = START_PREFIX.test(stripped);
  const s = stripped.replace(START_PREFIX, '');
  if (s === '') return fail(PERIOD_MESSAGES.unparseable);
  // One day (`11月28号`) is a date, not a period of unpaid wages, unless it starts one (`从11月28号到现在`).
  // So is one typed `9.15`, `9/15`, or with its year `2026.11.5`, `2026/11/5`, `2026-11-05`.
  const oneDay = /(?:\d|[一二三四五六七八九十])(?:号|日)/u.test(s) || /^\d{1,2}[./]\d{1,2}$/u.test(s);
  const fullDay = /^\d{4}([./-])\d{1,2}\1\d{1,2}$/u.test(s);
  if (!saysFrom && (fullDay || (oneDay && !/到|至|~|-|现在|至今|以来|开始|起|以后|之后|后$/u.test(s)))) return fail(PERIOD_MESSAGES.unparseable);

  // `三四个月`, `3-4个月`: one number of months or the other; asked, never one end taken.
  const range = monthsRangeSaid(prepared.value);
  if (range) return fail(PERIOD_MESSAGES.range(range.lo, range.hi));
  const duration = parseDuration(s);
  if (duration === 0) return fail(PERIOD_MESSAGES.zeroLength);
  if (typeof duration === 'number') {
    const lastDue = ctx.todayIndex - 1;
    // `两个多月`, `半年多`: more than it says, read as what it says, and confirmed; so is a guess (`快半年了`, `两个来月`).
    const hedge = hedgeOf(removeSpaces(prepared.value), s);
    const said = hedge === undefined ? s : hedge === '左右' ? `${s}左右` : `${hedge}${s}`;
    const inferred = /多|来/.test(s) || hedge !== undefined || PAIR_OF_MONTHS.test(s) ? `“${said}”按${duration}个月算` : null;
    return validate(lastDue - duration + 1, lastDue, ctx, { inferred });
  }
  if (duration === null) return fail(PERIOD_MESSAGES.unparseable);

  if (saysFrom) {
    const start = resolveStart(s, ctx);
    if (start === 'badMonth') return fail(PERIOD_MESSAGES.badMonth);
    if (start !== null && 'yearOnly' in start) return fail(PERIOD_MESSAGES.yearOnly(start.yearOnly));
    if (start !== null) return validate(start.index, null, ctx, { inferred: start.inferred });
  }
  return parseSingle(s, ctx) ?? parseOngoing(s, ctx) ?? parseRange(s, ctx) ?? fail(PERIOD_MESSAGES.unparseable);
}
