import chineseDays from 'chinese-days';

/*
 * Festivals and lunar months ("春节后", "过完年", "腊月", "中秋前") read as
 * Gregorian months.
 *
 * Only `getLunarDate` of the `chinese-days` package is used: it was checked
 * to give the same answer in every server time zone, whereas its
 * `getSolarDateFromLunar` and solar-term helpers compute in the server's
 * local time and are off by a day in zones with daylight saving (e.g.
 * America/Los_Angeles). Lunar → solar is therefore done by searching with
 * `getLunarDate`, memoised.
 *
 * Every value read here is an inference: callers must show `inferred` to
 * the person and have it confirmed.
 */

/** A calendar day (no time zone: the caller gives today's date in China). */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Lunar years `chinese-days` knows well (its tables run 1900–2100). */
const FIRST_YEAR = 1901;
const LAST_YEAR = 2099;

const DAY_MS = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function ymdOf(n: number): Ymd {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

interface Lunar {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

const lunarCache = new Map<number, Lunar | null>();

function lunarOf(n: number): Lunar | null {
  const cached = lunarCache.get(n);
  if (cached !== undefined) return cached;
  let value: Lunar | null = null;
  try {
    const l = chineseDays.getLunarDate(isoOf(n));
    if (Number.isInteger(l.lunarYear) && l.lunarMon >= 1 && l.lunarMon <= 12 && l.lunarDay >= 1 && l.lunarDay <= 30) {
      value = { year: l.lunarYear, month: l.lunarMon, day: l.lunarDay, leap: l.isLeap };
    }
  } catch {
    value = null;
  }
  lunarCache.set(n, value);
  return value;
}

/** The lunar date of a day `YYYY-MM-DD` (`leap` for a leap month), or null outside the tables. */
export function lunarDateOf(day: string): { year: number; month: number; day: number; leap: boolean } | null {
  const n = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
  return Number.isInteger(n) ? lunarOf(n) : null;
}

const solarCache = new Map<string, number | null>();

/** Day number of lunar `year`-`month`-`day` (the ordinary month, never the leap one), or null. */
export function lunarToDayNumber(year: number, month: number, day: number): number | null {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const key = `${year}-${month}-${day}`;
  const cached = solarCache.get(key);
  if (cached !== undefined) return cached;
  let found: number | null = null;
  // 正月初一 falls between 21 January and 20 February.
  let newYear: number | null = null;
  for (let n = dayNumber(year, 1, 19); n <= dayNumber(year, 2, 22); n++) {
    const l = lunarOf(n);
    if (l && l.year === year && l.month === 1 && l.day === 1 && !l.leap) {
      newYear = n;
      break;
    }
  }
  if (newYear !== null) {
    // A lunar month is 29.53 days on average; a leap month before it adds at most 30 days.
    const estimate = newYear + Math.floor((month - 1) * 29.53) + day - 1;
    for (let k = -5; k <= 40 && found === null; k++) {
      const l = lunarOf(estimate + k);
      if (l && l.year === year && l.month === month && l.day === day && !l.leap) found = estimate + k;
    }
  }
  solarCache.set(key, found);
  return found;
}

/** Day number of the last day of the (ordinary) lunar month. */
function lunarMonthEnd(year: number, month: number): number | null {
  // Lunar months have 29 or 30 days; a leap month that may follow is a different month.
  return lunarToDayNumber(year, month, 30) ?? lunarToDayNumber(year, month, 29);
}

type Anchor =
  | { kind: 'lunar'; month: number; day: number | 'end' }
  | { kind: 'solar'; month: number; day: number };

interface FestivalDef {
  /** Canonical name, for tests and logs. */
  name: string;
  /** Names as typed, alternation without groups. */
  words: string;
  anchor: Anchor;
  /** What "after X" means when it is not simply the month of X (春节后 = back at work after 元宵). */
  after?: Anchor;
  /** The bare word needs a 前/后 to be a festival (`十一` alone is a number). */
  needsModifier?: boolean;
  /** Year words refer to the lunar year (腊月 of 2025 is in January 2026). */
  lunarYear?: boolean;
}

const SPRING: Anchor = { kind: 'lunar', month: 1, day: 1 };
const LANTERN: Anchor = { kind: 'lunar', month: 1, day: 15 };

const FESTIVALS: readonly FestivalDef[] = [
  { name: '春节', words: '春节|过春节|过大年|过年|大年初一|农历新年', anchor: SPRING, after: LANTERN },
  { name: '元宵', words: '元宵节|元宵|正月十五|上元节|闹元宵', anchor: LANTERN },
  // 清明 is a solar term on 4 or 5 April: only its month matters here.
  { name: '清明', words: '清明节|清明', anchor: { kind: 'solar', month: 4, day: 4 } },
  { name: '五一', words: '五一劳动节|五一节|五一假期|五一|劳动节', anchor: { kind: 'solar', month: 5, day: 1 } },
  { name: '端午', words: '端午节|端午|端阳节|端阳', anchor: { kind: 'lunar', month: 5, day: 5 } },
  { name: '中秋', words: '中秋节|中秋|八月节', anchor: { kind: 'lunar', month: 8, day: 15 } },
  // `十月一` (号 left off) is the National Day, said so far more often than the date.
  { name: '国庆', words: '国庆节|国庆假期|国庆|十一长假|十一黄金周|十一假期|十月一|10月1', anchor: { kind: 'solar', month: 10, day: 1 } },
  { name: '国庆', words: '十一', anchor: { kind: 'solar', month: 10, day: 1 }, needsModifier: true },
  { name: '元旦', words: '元旦节|元旦', anchor: { kind: 'solar', month: 1, day: 1 } },
];

/** Whole phrases with a fixed meaning. */
const PHRASES: ReadonlyArray<{ words: string; name: string; mod: Modifier }> = [
  // `开春`: when work starts again after the new year, like 过完年.
  { words: '过完年|过了年|年过完了?|年过了|开年后?|年后|过年以?后|过完春节|春节过完了?|过完大年|开春(?:以后|之后|后)?', name: '春节', mod: 'after' },
  { words: '年前|过年以?前|年底回家前', name: '春节', mod: 'before' },
  { words: '过完十五|十五过后|过了十五|过完元宵', name: '元宵', mod: 'after' },
];

type Modifier = 'before' | 'after' | 'on';

const BEFORE = '(?:以前|之前|前夕|前)';
const AFTER = '(?:以后|之后|过后|过完|过了|后)';
const ON = '(?:那会儿?|那时候?|那阵子?|的时候|期间|前后|左右|放假|那天|那一天|当天|那日)?';

const YEAR = '(今年|去年|前年|大前年|(?:19|20)?\\d{2}年|[零〇一二三四五六七八九]{2,4}年)?';
const RELATIVE_YEARS: Readonly<Record<string, number>> = { 今年: 0, 去年: -1, 前年: -2, 大前年: -3 };
const DIGITS: Readonly<Record<string, string>> = { 零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Lunar month names: 正月, 冬月, 腊月, 农历三月, 阴历八月. */
const LUNAR_MONTH = '((?:农历|阴历|老历)?(?:正|冬|腊)|(?:农历|阴历|老历)(?:十二|十一|十|[一二三四五六七八九]|1[0-2]|[1-9]))月(?:份|里)?';
/** Lunar days: 初八, 十五, 二十八, 廿三, 三十, or digits. */
const LUNAR_DAY = '(初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|十[一二三四五六七八九]?|[1-9]|[12]\\d|30)?[日号]?';
const LUNAR_PART = '(初|中旬|中|底|末)?';

function lunarMonthNumber(word: string): number | null {
  const n = word.replace(/^(?:农历|阴历|老历)/, '');
  if (n === '正') return 1;
  if (n === '冬') return 11;
  if (n === '腊') return 12;
  if (/^\d+$/.test(n)) return Number(n);
  const table: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
  return table[n] ?? null;
}

function lunarDayNumber(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  const units: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
  if (word.startsWith('初')) return units[word.slice(1)] ?? null;
  if (word === '三十') return 30;
  if (word.startsWith('廿')) return 20 + (units[word.slice(1)] ?? 0);
  if (word.startsWith('二十')) return 20 + (word.length > 2 ? units[word.slice(2)] ?? 0 : 0);
  if (word.startsWith('十')) return 10 + (word.length > 1 ? units[word.slice(1)] ?? 0 : 0);
  return null;
}

function resolveYearWord(word: string, base: number): number | null {
  const relative = RELATIVE_YEARS[word];
  if (relative !== undefined) return base + relative;
  const digits = word.slice(0, -1);
  const n = /^\d+$/.test(digits) ? digits : [...digits].map((c) => DIGITS[c] ?? 'x').join('');
  if (!/^\d+$/.test(n)) return null;
  if (n.length === 2) return 2000 + Number(n) <= base + 1 ? 2000 + Number(n) : 1900 + Number(n);
  return n.length === 4 ? Number(n) : null;
}

/** `国庆后第二天`, `端午节第三天`: the festival (group 1), then which day from it (group 2). */
const DAYS_AFTER = /^(.+?)(?:以后|之后|过后|后)?(?:的)?第([二三四五六七]|[2-7])天$/u;

/** How a matched phrase should be read. */
interface Reading {
  anchor: Anchor;
  afterAnchor: Anchor | null;
  mod: Modifier;
  yearWord: string | null;
  lunarYear: boolean;
  /** A day (a festival, `腊月二十八`), not a whole lunar month (`腊月`). */
  day: boolean;
}

/**
 * The phrases', festivals' and lunar days' patterns, built once: a pattern built inside readPhrase was
 * rebuilt for every festival on every message read (a few microseconds each, on every turn).
 */
const PHRASE_PATTERNS = PHRASES.map((p) => ({ p, re: new RegExp(`^${YEAR}(?:${p.words})$`) }));
const FESTIVAL_PATTERNS = FESTIVALS.map((f) => ({ f, re: new RegExp(`^${YEAR}(?:${f.words})(?:(${BEFORE})|(${AFTER})|${f.needsModifier ? '(?!)' : ON})$`) }));
const LUNAR_DAY_PATTERN = new RegExp(`^${YEAR}${LUNAR_MONTH}${LUNAR_DAY}${LUNAR_PART}(?:(${BEFORE})|(${AFTER})|${ON})$`);

function readPhrase(text: string): Reading | null {
  let m: RegExpExecArray | null;
  for (const { p, re } of PHRASE_PATTERNS) {
    m = re.exec(text);
    if (m) {
      const def = FESTIVALS.find((f) => f.name === p.name);
      if (!def) return null;
      return { anchor: def.anchor, afterAnchor: def.after ?? null, mod: p.mod, yearWord: m[1] ?? null, lunarYear: false, day: true };
    }
  }
  for (const { f, re } of FESTIVAL_PATTERNS) {
    m = re.exec(text);
    if (m) {
      const mod: Modifier = m[2] ? 'before' : m[3] ? 'after' : 'on';
      return { anchor: f.anchor, afterAnchor: f.after ?? null, mod, yearWord: m[1] ?? null, lunarYear: f.lunarYear ?? false, day: true };
    }
  }
  m = LUNAR_DAY_PATTERN.exec(text);
  if (m) {
    const month = lunarMonthNumber(m[2] ?? '');
    if (month === null || month < 1 || month > 12) return null;
    let day: number | 'end' = 1;
    if (m[3]) {
      const d = lunarDayNumber(m[3]);
      if (d === null || d < 1 || d > 30) return null;
      // 三十 is the last day of the month (腊月三十 = 除夕 also in a 29-day 腊月).
      day = d === 30 ? 'end' : d;
      if (m[4]) return null; // 腊月二十八底: not a thing
    } else if (m[4] === '中' || m[4] === '中旬') {
      day = 15;
    } else if (m[4] === '底' || m[4] === '末') {
      day = 'end';
    }
    const mod: Modifier = m[5] ? 'before' : m[6] ? 'after' : 'on';
    return { anchor: { kind: 'lunar', month, day }, afterAnchor: null, mod, yearWord: m[1] ?? null, lunarYear: true, day: m[3] !== undefined };
  }
  return null;
}

/** Day number of `anchor` in (lunar or Gregorian) `year`. */
function anchorDay(anchor: Anchor, year: number): number | null {
  if (anchor.kind === 'solar') return year >= FIRST_YEAR && year <= LAST_YEAR ? dayNumber(year, anchor.month, anchor.day) : null;
  if (anchor.day === 'end') return lunarMonthEnd(year, anchor.month);
  return lunarToDayNumber(year, anchor.month, anchor.day);
}

/** How many days before the festival "X前" points at (the days people leave work before a holiday). */
export const BEFORE_DAYS = 10;

interface Occurrence {
  /** The day whose month is the answer. */
  target: number;
  /** The day that must not be in the future for the "latest" reading. */
  reference: number;
}

function occurrence(reading: Reading, year: number): Occurrence | null {
  const day = anchorDay(reading.anchor, year);
  if (day === null) return null;
  switch (reading.mod) {
    case 'before':
      return { target: day - BEFORE_DAYS, reference: day - BEFORE_DAYS };
    case 'after': {
      const after = reading.afterAnchor ? anchorDay(reading.afterAnchor, year) : day;
      return after === null ? null : { target: after, reference: day };
    }
    case 'on':
      return { target: day, reference: day };
  }
}

/** Which occurrence: the latest not in the future, or (the end of a range) the first in or after a month. */
export type FestivalSide = { kind: 'latest' } | { kind: 'end'; notBefore: number };

export interface FestivalMonth {
  /** Month index (`year * 12 + month - 1`). */
  index: number;
  /** Short Chinese description of the reading, to be confirmed: `春节后按2026年3月算`. */
  inferred: string;
  /** "After X" (`春节后`, `过完年`): a starting point, so alone it means "from then on". */
  after: boolean;
  /** Canonical name of the festival or lunar month (`春节`, `腊月`), for messages. */
  name: string;
  /**
   * A day was named (a festival, `腊月二十八`), not a whole lunar month (`腊月`): before it or
   * around it (`中秋节前`, `春节前后`) it is no month of wages of its own.
   */
  day: boolean;
}

function monthIndexOf(n: number): number {
  const { year, month } = ymdOf(n);
  return year * 12 + month - 1;
}

/**
 * Reads a festival or lunar month (`春节后`, `过完年`, `年前`, `元宵节后`,
 * `清明后`, `五一以后`, `端午前`, `中秋`, `国庆后`, `十一以后`, `正月`,
 * `腊月二十八`, `去年腊月`) as a Gregorian month. `text` must be
 * normalised, without spaces, and be the whole phrase.
 *
 * - `X后` is the month of X, except `春节后`/`过完年`/`年后`/`开年`: the
 *   month of 元宵 (work restarts after the 15th of 正月).
 * - `X前` is the month of the day {@link BEFORE_DAYS} days before X
 *   (`国庆前` is September; `春节前` is January when 春节 is early in February).
 * - A lunar month alone is the month of its first day (`腊月` → the month of 腊月初一).
 * - Without a year, the occurrence is the latest whose festival day is not
 *   after `today` (for `X前`: whose "before" day is not), or, for the end of a
 *   range, the first whose month is not before `side.notBefore`. A year word
 *   means that Gregorian year for festivals, and the lunar year for lunar
 *   months (`去年腊月` said in 2026 is 腊月 of lunar 2025, i.e. January 2026).
 *
 * @returns null when the text is not such a phrase (or the year is outside 1901–2099)
 */
export function parseFestivalMonth(text: string, today: Ymd, side: FestivalSide = { kind: 'latest' }): FestivalMonth | null {
  // `国庆后第二天`, `端午第三天`: a few days after the festival's day; its month when the days said (counted with the
  // day itself or from the day after) all fall in one month, else none.
  const counted = DAYS_AFTER.exec(text);
  const offset = counted ? (/^\d$/u.test(counted[2]!) ? Number(counted[2]) : '一二三四五六七'.indexOf(counted[2]!) + 1) : 0;
  let reading: Reading | null;
  try {
    reading = readPhrase(counted ? counted[1]! : text);
  } catch {
    return null;
  }
  if (!reading) return null;
  if (counted) {
    if (!reading.day || reading.mod !== 'on' || !(offset >= 2 && offset <= 7)) return null;
    reading = { ...reading, afterAnchor: null };
  }
  const todayN = dayNumber(today.year, today.month, today.day);
  const lunarToday = lunarOf(todayN);
  const base = reading.lunarYear ? (lunarToday?.year ?? today.year) : today.year;

  let chosen: Occurrence | null = null;
  if (reading.yearWord) {
    const year = resolveYearWord(reading.yearWord, base);
    if (year === null) return null;
    chosen = occurrence(reading, year);
  } else if (side.kind === 'latest') {
    for (let year = base + 1; year >= base - 3 && !chosen; year--) {
      const o = occurrence(reading, year);
      if (o && o.reference <= todayN) chosen = o;
    }
  } else {
    for (let year = base - 3; year <= base + 2 && !chosen; year++) {
      const o = occurrence(reading, year);
      if (o && monthIndexOf(o.target) >= side.notBefore) chosen = o;
    }
  }
  if (!chosen) return null;
  if (counted) {
    if (monthIndexOf(chosen.target + offset - 1) !== monthIndexOf(chosen.target + offset)) return null;
    chosen = { target: chosen.target + offset, reference: chosen.reference + offset };
    if (side.kind === 'latest' && chosen.reference > todayN) return null;
  }
  const { year, month } = ymdOf(chosen.target);
  const name = FESTIVALS.find((f) => f.anchor === reading?.anchor)?.name ?? lunarName(reading.anchor);
  return { index: year * 12 + month - 1, inferred: `${text}按${year}年${month}月算`, after: reading.mod === 'after', name, day: reading.day };
}

function lunarName(anchor: Anchor): string {
  const names = ['', '正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];
  return anchor.kind === 'lunar' ? `农历${names[anchor.month] ?? ''}` : '';
}

/** Quick test used by the sentence finders: does the text mention a festival or lunar month at all? */
export const FESTIVAL_WORDS =
  /春节|过年|过完年|年后|年前|开年|开春|大年|元宵|正月|腊月|冬月|农历|阴历|老历|清明|五一|劳动节|端午|端阳|中秋|八月节|国庆|十一(?:以后|之后|过后|后|以前|之前|前|长假|黄金周|假期)|十月一|元旦|上元|十五过后|过完十五/;
