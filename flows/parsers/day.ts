import { parseChineseNumber } from './chinese-number.js';
import { chinaDate } from './month.js';
import { lunarDateOf, lunarToDayNumber } from './festival.js';
import { addDays, dayLabel } from '../../core/infra/time.js';
import type { Calendar } from '../../core/infra/calendar.js';
import { normalizeText, removeSpaces } from './normalize.js';

/** A day (`YYYY-MM-DD`) and/or a clock time (`HH:MM`), Beijing time. */
export interface DayTime {
  day: string | null;
  time: string | null;
}

export type DayTimeResult = { ok: true; value: DayTime } | { ok: false; error: string };

export const DAY_MESSAGES = {
  noSuchDay: '没有这一天，请核对日期，例如「11月24日」。',
  noSuchTime: '没有这个时间，请写成「9点」「下午2点半」或「14:30」这样。',
};

const N = '([0-9零〇一二两三四五六七八九十]{1,4})';
const WEEKDAY_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const RELATIVE_DAYS: Readonly<Record<string, number>> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 大后天: 3, 昨天: -1, 昨日: -1, 前天: -2, 大前天: -3 };
const RELATIVE_YEARS: Readonly<Record<string, number>> = { 今年: 0, 去年: -1, 前年: -2, 明年: 1 };

function toInt(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const n = parseChineseNumber(s);
  return n !== null && Number.isInteger(n) ? n : null;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return dt.toISOString().slice(0, 10);
}

function shift(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

type Prefer = 'future' | 'past';

/**
 * Looking forward, a date without a year that passed within this many days is this year's (`11月30日` on
 * 1 December has just passed: the caller says so), never next year's.
 */
const RECENT_PAST_DAYS = 183;

function recentlyPast(day: string, today: string): boolean {
  return (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000 <= RECENT_PAST_DAYS;
}

const WEEKDAY_WORDS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
/** A weekday said next to a date (`12月3号周四`, `周四12月3号`, `3号（周四）`): group 1 is its digit or numeral. */
const WEEKDAY_NEXT_TO_DATE = /^[（(]?(?:周|星期|礼拜)([一二三四五六日天1-7])[）)]?/u;
/** A day read from a weekday itself (`下周四`), which a second weekday would not check. */
const WEEKDAY_FIRST = /^(?:这|本|下|上)?(?:下|上)?个?(?:周|星期|礼拜)/u;

function weekdayOfDay(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/**
 * A date said with its weekday, the weekday taken out (`12月3号周四上午` → `12月3号上午`, `周四12月3号` →
 * `12月3号`), and the weekday said (1 = Monday); null when there is none next to a date.
 */
function withoutWeekday(t: string, today: string, prefer: Prefer): { text: string; weekday: number } | null {
  const lead = WEEKDAY_NEXT_TO_DATE.exec(t);
  if (lead) {
    const rest = t.slice(lead[0].length);
    const d = dayPart(rest, today, prefer);
    if (d && d !== 'bad' && !WEEKDAY_FIRST.test(rest)) return { text: rest, weekday: WEEKDAY_DIGITS[lead[1]!]! };
    return null;
  }
  if (WEEKDAY_FIRST.test(t)) return null;
  const d = dayPart(t, today, prefer);
  if (!d || d === 'bad') return null;
  const tail = WEEKDAY_NEXT_TO_DATE.exec(t.slice(d.used));
  if (!tail) return null;
  return { text: t.slice(0, d.used) + t.slice(d.used + tail[0].length), weekday: WEEKDAY_DIGITS[tail[1]!]! };
}

/** The day part at the start of `t`: the day and how many characters it used, or 'bad' for an impossible date. */
function dayPart(t: string, today: string, prefer: Prefer): { day: string; used: number } | 'bad' | null {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let m: RegExpMatchArray | null;

  if ((m = t.match(/^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})[日号]?/))) {
    const day = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return day ? { day, used: m[0].length } : 'bad';
  }
  if ((m = t.match(new RegExp(`^(今年|去年|前年|明年)?${N}月份?${N}[日号]?`)))) {
    const mo = toInt(m[2]!);
    const d = toInt(m[3]!);
    if (mo === null || d === null) return 'bad';
    if (m[1]) {
      const day = iso(ty + RELATIVE_YEARS[m[1]]!, mo, d);
      return day ? { day, used: m[0].length } : 'bad';
    }
    let day = iso(ty, mo, d);
    if (!day && !(mo === 2 && d === 29)) return 'bad';
    if (prefer === 'future' && (!day || (day < today && !recentlyPast(day, today)))) day = iso(ty + 1, mo, d) ?? day;
    if (prefer === 'past' && (!day || day > today)) day = iso(ty - 1, mo, d) ?? day;
    return day ? { day, used: m[0].length } : 'bad';
  }
  if ((m = t.match(/^(\d{1,2})[-/.](\d{1,2})(?=$|[^\d])/))) {
    const mo = Number(m[1]);
    const d = Number(m[2]);
    let day = iso(ty, mo, d);
    if (!day) return 'bad';
    if (prefer === 'future' && day < today && !recentlyPast(day, today)) day = iso(ty + 1, mo, d) ?? day;
    if (prefer === 'past' && day > today) day = iso(ty - 1, mo, d) ?? day;
    return { day, used: m[0].length };
  }
  if ((m = t.match(/^(大后天|大前天|今天|今日|明天|明日|后天|昨天|昨日|前天)/))) {
    return { day: shift(today, RELATIVE_DAYS[m[1]!]!), used: m[0].length };
  }
  if ((m = t.match(/^(这|本|下下个?|下|下个|上上个?|上|上个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/))) {
    const want = WEEKDAY_DIGITS[m[2]!]!;
    const dow = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
    const monday = shift(today, 1 - dow);
    const which = m[1] ?? '';
    let day: string;
    // `下下周一`: the week after next.
    if (which.startsWith('下下')) day = shift(monday, 14 + want - 1);
    else if (which.startsWith('上上')) day = shift(monday, -14 + want - 1);
    else if (which.startsWith('下')) day = shift(monday, 7 + want - 1);
    else if (which.startsWith('上')) day = shift(monday, -7 + want - 1);
    else if (which) day = shift(monday, want - 1);
    else if (prefer === 'future') day = shift(today, (want - dow + 7) % 7);
    else day = shift(today, -((dow - want + 7) % 7));
    return { day, used: m[0].length };
  }
  // `月底`, `下个月底` when booking: the month's last day (the caller says whether it can be had).
  if (prefer === 'future' && (m = t.match(/^(?:(本|这个?|下个?)月|月)(?:底|末)/u))) {
    const first = new Date(Date.UTC(ty, tm - 1 + (m[1]?.startsWith('下') ? 2 : 1), 0));
    return { day: first.toISOString().slice(0, 10), used: m[0].length };
  }
  // `上上个月15号`: two months back.
  if ((m = t.match(new RegExp(`^(本月|这个月|下个月|下月|上上个月|上上月|上个月|上月)?${N}[日号]`)))) {
    const d = toInt(m[2]!);
    if (d === null) return 'bad';
    const offset = !m[1] ? null : m[1].startsWith('下') ? 1 : m[1].startsWith('上上') ? -2 : m[1].startsWith('上') ? -1 : 0;
    const at = (k: number) => {
      const first = new Date(Date.UTC(ty, tm - 1 + k, 1));
      return iso(first.getUTCFullYear(), first.getUTCMonth() + 1, d);
    };
    let day: string | null;
    if (offset !== null) day = at(offset);
    else if (prefer === 'future') day = d >= td ? at(0) : at(1);
    else day = d <= td ? at(0) : at(-1);
    return day ? { day, used: m[0].length } : 'bad';
  }
  return null;
}

/** A clock time making up all of `t`, 'bad' for an impossible one. */
function timePart(t: string): string | 'bad' | null {
  let m = t.match(/^(上午|早上|早晨|中午|下午|晚上|傍晚)?(\d{1,2})[:：](\d{2})$/);
  let hour: number | null;
  let minute: number | null;
  let when: string | undefined;
  if (m) {
    when = m[1];
    hour = Number(m[2]);
    minute = Number(m[3]);
  } else {
    m = t.match(new RegExp(`^(上午|早上|早晨|中午|下午|晚上|傍晚)?${N}[点时](半|一刻|三刻|${N}分?)?(钟)?$`));
    if (!m) return null;
    when = m[1];
    hour = toInt(m[2]!);
    const rest = m[3];
    minute = !rest ? 0 : rest === '半' ? 30 : rest === '一刻' ? 15 : rest === '三刻' ? 45 : toInt(m[4]!);
    if (hour === null || minute === null) return 'bad';
  }
  if (when && /下午|晚上|傍晚/.test(when) && hour < 12) hour += 12;
  else if (when === '中午' && hour < 11) hour += 12;
  // Without 上午/下午, 1 to 6 o'clock means the afternoon: nobody books a lawyer at 2 in the night.
  else if (!when && hour >= 1 && hour <= 6) hour += 12;
  if (hour > 23 || minute > 59) return 'bad';
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Days said short: `明早` (明天早上), `今晚`, `明儿`, `明个`. */
const SHORT_DAY_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(今|明|昨)早(?:上)?/u, '$1天早上'],
  [/^(今|明|昨|前)晚(?:上)?/u, '$1天晚上'],
  [/^(明|后|今|昨)儿个?(?=$|[上下中早晚傍\d零一二两三四五六七八九十])/u, '$1天'],
  [/^明个(?=$|[上下中早晚傍\d零一二两三四五六七八九十])/u, '明天'],
];

/**
 * `明早` as `明天早上`, `今晚8点` as `今天晚上8点`, `明儿下午` as `明天下午`: the day said in full, the rest kept,
 * for readers that look for a part of the day (`…上午`, `…晚上`); anything else unchanged.
 */
export function expandDayShorthand(text: string): string {
  for (const [re, full] of SHORT_DAY_WORDS) if (re.test(text)) return text.replace(re, full);
  return text;
}

/** A part of the day said after a day (`明天上午`, `明早`): the day is what counts. */
const PART_OF_DAY_ONLY = /^(?:上午|早上|早晨|中午|下午|晚上|傍晚)$/u;

/**
 * A day and/or a time as people type them in chat: `11月24日`, `24号`,
 * `2026-11-24`, `去年12月1日`, `明天`, `下周三`, with or without a time such
 * as `9点`, `9点半`, `下午2点`, `14:30`. A day without a year (or a bare
 * weekday) is read forward for `prefer: 'future'` (booking) and backward for
 * `'past'` (when something happened). Returns null when the text is not a
 * day or a time at all.
 */
export function parseDayTime(text: string, now: Date, prefer: Prefer): DayTimeResult | null {
  const t = expandDayShorthand(removeSpaces(normalizeText(text)).replace(/[。，,！!？?~]+$/u, '').replace(/的/g, ''));
  if (t.length === 0 || t.length > 30) return null;
  const c = chinaDate(now);
  const today = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  // `12月3号周四上午`: the date read without its weekday, which must agree with it (else which is meant is asked).
  const dated = withoutWeekday(t, today, prefer);
  if (dated) {
    const r = parseDayTime(dated.text, now, prefer);
    if (r?.ok && r.value.day && weekdayOfDay(r.value.day) !== dated.weekday) {
      const day = r.value.day;
      const said = `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
      return {
        ok: false,
        error: `${said}是${WEEKDAY_WORDS[weekdayOfDay(day) - 1]}，不是${WEEKDAY_WORDS[dated.weekday - 1]}。您要约的是哪一天？请再说一次，例如「${said}」或「${WEEKDAY_WORDS[dated.weekday - 1]}」。`,
      };
    }
    return r;
  }
  const d = dayPart(t, today, prefer);
  if (d === 'bad') return { ok: false, error: DAY_MESSAGES.noSuchDay };
  const rest = d ? t.slice(d.used) : t;
  if (rest === '' || (d && PART_OF_DAY_ONLY.test(rest))) return d ? { ok: true, value: { day: d.day, time: null } } : null;
  const time = timePart(rest);
  if (time === null) return null;
  if (time === 'bad') return { ok: false, error: DAY_MESSAGES.noSuchTime };
  return { ok: true, value: { day: d ? d.day : null, time } };
}

// --- the day something happened --------------------------------------------------------------

/** A day something happened (`YYYY-MM-DD`) and, for a reading of the words to confirm, how it was read. */
export interface PastDay {
  day: string;
  /** `腊月二十按2026年2月7日算`; null when the words name the day plainly (`11月5日`, `昨天`, `三天前`). */
  inferred: string | null;
}

export type PastDayResult = { ok: true; value: PastDay } | { ok: false; error: string };

const DAY_MS = 86_400_000;

function dayNo(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function isoOfNo(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** `2026年2月7日`. */
function spoken(day: string): string {
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** A day of a lunar month: a solar day, or null (no such day that year). 三十 in a 29-day 腊月 is its last day (除夕). */
function lunarDay(year: number, month: number, day: number): string | null {
  let n = lunarToDayNumber(year, month, day);
  if (n === null && day === 30 && month === 12) n = lunarToDayNumber(year, 12, 29);
  return n === null ? null : isoOfNo(n);
}

/** The lunar year today is in (it starts at 正月初一). */
function lunarYearOf(today: string): number {
  const y = Number(today.slice(0, 4));
  const newYear = lunarDay(y, 1, 1);
  return newYear !== null && newYear <= today ? y : y - 1;
}

type DayAnchor = { kind: 'solar'; month: number; day: number } | { kind: 'lunar'; month: number; day: number } | { kind: 'eve' };

/** Festivals that are one day (a holiday week or a solar term is not: `国庆期间`, `清明` are asked about). */
const FESTIVAL_DAYS: readonly { words: RegExp; name: string; anchor: DayAnchor }[] = [
  { words: /^(?:元旦节?)$/u, name: '元旦', anchor: { kind: 'solar', month: 1, day: 1 } },
  { words: /^(?:五一劳动节|五一节|劳动节|五一)$/u, name: '劳动节', anchor: { kind: 'solar', month: 5, day: 1 } },
  { words: /^(?:国庆节?|十一国庆节?)$/u, name: '国庆', anchor: { kind: 'solar', month: 10, day: 1 } },
  { words: /^(?:圣诞节?)$/u, name: '圣诞', anchor: { kind: 'solar', month: 12, day: 25 } },
  // `双十一那天走的`: the shopping day, as people date things by it (a reading, confirmed like a festival).
  { words: /^(?:双十一|双11)$/u, name: '双十一', anchor: { kind: 'solar', month: 11, day: 11 } },
  // `八月十五` without 号 is 中秋 as people say it, never 15 August.
  { words: /^(?:中秋节?|八月节|八月十五|(?:农历|阴历|老历)八月十五)$/u, name: '中秋', anchor: { kind: 'lunar', month: 8, day: 15 } },
  { words: /^(?:端午节?|端阳节?|五月初五)$/u, name: '端午', anchor: { kind: 'lunar', month: 5, day: 5 } },
  { words: /^(?:春节|大年初一|正月初一)$/u, name: '春节', anchor: { kind: 'lunar', month: 1, day: 1 } },
  { words: /^(?:元宵节?|正月十五)$/u, name: '元宵', anchor: { kind: 'lunar', month: 1, day: 15 } },
  { words: /^(?:七夕节?|七月初七)$/u, name: '七夕', anchor: { kind: 'lunar', month: 7, day: 7 } },
  { words: /^(?:重阳节?|九月初九)$/u, name: '重阳', anchor: { kind: 'lunar', month: 9, day: 9 } },
  { words: /^(?:除夕|大年三十|年三十)$/u, name: '除夕', anchor: { kind: 'eve' } },
];

/** Festivals with a holiday of several days after them (`国庆后` may mean after the holiday week). */
const HOLIDAY_WEEKS = new Set(['国庆', '春节', '劳动节']);

/** The solar day of `anchor` in (lunar, for lunar anchors) year `year`. */
function anchorOn(anchor: DayAnchor, year: number): string | null {
  if (anchor.kind === 'solar') return iso(year, anchor.month, anchor.day);
  if (anchor.kind === 'lunar') return lunarDay(year, anchor.month, anchor.day);
  // 除夕: the eve of that year's 春节 (`今年除夕` is the night before `今年春节`).
  const newYear = lunarDay(year, 1, 1);
  return newYear === null ? null : isoOfNo(dayNo(newYear) - 1);
}

const YEAR_WORD = '(今年|去年|前年|\\d{4}年)?';
const LUNAR_MONTHS: Readonly<Record<string, number>> = { 正: 1, 冬: 11, 腊: 12 };
const LUNAR_DATE = new RegExp(
  `^${YEAR_WORD}(农历|阴历|老历)?(正|冬|腊|十一|十二|[一二三四五六七八九十]|1[0-2]|[1-9])月份?(初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[一二三四五六七八九]|[12]\\d|30|[1-9])[日号]?$`,
  'u',
);

function lunarDayWord(w: string): number | null {
  if (/^\d+$/.test(w)) return Number(w);
  if (w.startsWith('初')) return toInt(w.slice(1));
  if (w.startsWith('廿')) return 20 + (toInt(w.slice(1)) ?? 0);
  return toInt(w);
}

/**
 * The latest occurrence not after today of a day that comes back every
 * year (`at(year)`), or that of the year a year word names (the lunar year
 * for lunar days: `去年腊月二十三` said in December 2026 is 腊月 of lunar 2025,
 * in February 2026).
 */
function latestOf(at: (year: number) => string | null, yearWord: string | undefined, today: string, lunar: boolean): string | null {
  const base = lunar ? lunarYearOf(today) : Number(today.slice(0, 4));
  if (yearWord) {
    const rel = RELATIVE_YEARS[yearWord];
    const year = rel !== undefined ? base + rel : Number(yearWord.slice(0, 4));
    return at(year);
  }
  for (let y = base + 1; y >= base - 3; y--) {
    const d = at(y);
    if (d !== null && d <= today) return d;
  }
  return null;
}

/** The last day of month `m` (1-12) of `y`. */
function monthEnd(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Said of a past day around the words that name it: `那天`, `的时候`. */
const AROUND = /(?:那天|那一天|那日|当天|这天|那会儿?|的时候|时候)$/u;
/** A part of the day after the day (`昨天下午`): the day is what counts. */
const DAY_PART = /(上午|下午|晚上|早上|早晨|中午|傍晚|夜里|半夜|凌晨|晚|夜|早)$/u;
const SHORT_DAYS: Readonly<Record<string, string>> = { 昨晚: '昨天', 昨夜: '昨天', 昨早: '昨天', 今早: '今天', 今晨: '今天', 前晚: '前天', 前夜: '前天', 刚刚: '今天', 刚才: '今天' };

/**
 * A day something happened (a worker left, got hurt), said as people say
 * it: what {@link parseDayTime} reads looking back (`11月5日`, `昨天`,
 * `上礼拜三`, `5号`), with a part of the day (`昨天下午`), days back
 * (`三天前`), a festival that is one day (`元旦`, `国庆节那天`, `八月十五`
 * as 中秋), a lunar date (`腊月二十`, `去年腊月二十三`, `农历八月十五`) and
 * the end of a month (`10月底`, `上个月底`). Festivals, lunar dates and
 * month ends are readings: `inferred` says how it was read, to confirm.
 * The day may be in the future (the caller says what that means). Null
 * when the words are no single day.
 */
export function parsePastDay(text: string, now: Date): PastDayResult | null {
  let t = removeSpaces(normalizeText(text)).replace(/[。，,！!？?~]+$/u, '').replace(/的/g, '');
  if (t.length === 0 || t.length > 30) return null;
  const c = chinaDate(now);
  const today = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  t = t.replace(AROUND, '') || t;
  const said = t;
  const read = (day: string | null, inferred: boolean): PastDayResult =>
    day === null ? { ok: false, error: DAY_MESSAGES.noSuchDay } : { ok: true, value: { day, inferred: inferred ? `${said}按${spoken(day)}算` : null } };

  // Festivals of one day: `元旦`, `去年国庆节`, `八月十五`; a day or two from one (`国庆前一天`, `除夕后两天`,
  // `元旦第二天`), counted from it (a reading, confirmed like the festival itself).
  const fy = new RegExp(`^${YEAR_WORD}(.+)$`, 'u').exec(t)!;
  const off = /^(.+?)(?:(前|后)([一两二三123])天|第([二三23])天)$/u.exec(fy[2]!);
  // `国庆后一天`, `春节后两天` may count from the end of the holiday week: not read (asked again).
  const offFestival = off ? FESTIVAL_DAYS.find((f) => f.words.test(off[1]!) && !(off[2] === '后' && HOLIDAY_WEEKS.has(f.name))) : undefined;
  const festival = offFestival ?? FESTIVAL_DAYS.find((f) => f.words.test(fy[2]!));
  if (festival) {
    const lunar = festival.anchor.kind !== 'solar';
    const n = !off || !offFestival ? 0 : off[2] ? (off[2] === '前' ? -1 : 1) * (toInt(off[3]!.replace('两', '二')) ?? 0) : (toInt(off[4]!) ?? 1) - 1;
    const at = (y: number) => {
      const d = anchorOn(festival.anchor, y);
      return d === null ? null : isoOfNo(dayNo(d) + n);
    };
    const day = latestOf(at, fy[1], today, lunar);
    if (day === null) return null;
    // `八月十五（中秋）按2026年9月25日算`: the festival named when the words did not.
    const label = said.includes(festival.name) ? said : `${said}（${festival.name}）`;
    return { ok: true, value: { day, inferred: `${label}按${spoken(day)}算` } };
  }
  // Lunar dates: 腊月二十, 农历三月初八, 正月初六, 三月初三 (a day with 初 or 廿 is lunar).
  const lunar = LUNAR_DATE.exec(t);
  if (lunar) {
    const [, yearWord, marked, monthWord, dayWord] = lunar;
    const month = LUNAR_MONTHS[monthWord!] ?? toInt(monthWord!);
    const isLunar = !!marked || monthWord! in LUNAR_MONTHS || /^[初廿]/u.test(dayWord!);
    if (isLunar) {
      const d = lunarDayWord(dayWord!);
      if (month === null || d === null || month < 1 || month > 12 || d < 1 || d > 30) return { ok: false, error: DAY_MESSAGES.noSuchDay };
      return read(latestOf((y) => lunarDay(y, month, d), yearWord, today, true), true);
    }
  }
  // The end of a lunar month: `腊月底`, `去年腊月底` (腊月三十 or 二十九, whichever it has).
  const lunarEnd = new RegExp(`^${YEAR_WORD}((?:农历|阴历|老历)?(?:正|冬|腊)|(?:农历|阴历|老历)(?:十二|十一|[一二三四五六七八九十]|1[0-2]|[1-9]))月份?(?:底|末|尾)$`, 'u').exec(t);
  if (lunarEnd) {
    const word = lunarEnd[2]!.replace(/^(?:农历|阴历|老历)/u, '');
    const month = LUNAR_MONTHS[word] ?? toInt(word);
    if (month === null || month < 1 || month > 12) return { ok: false, error: DAY_MESSAGES.noSuchDay };
    const last = (y: number) => lunarDay(y, month, 30) ?? lunarDay(y, month, 29);
    return read(latestOf(last, lunarEnd[1], today, true), true);
  }
  // The end of a month: `10月底`, `去年12月底`, `上个月底`.
  const end = new RegExp(`^${YEAR_WORD}(?:${N}月份?|(上上个?月|上个?月|这个?月|本月))(?:底|末|尾)$`, 'u').exec(t);
  if (end) {
    const [ty, tm] = [c.year, c.month];
    if (end[3]) {
      const back = end[3].startsWith('上上') ? 2 : end[3].startsWith('上') ? 1 : 0;
      const first = new Date(Date.UTC(ty, tm - 1 - back, 1));
      return read(monthEnd(first.getUTCFullYear(), first.getUTCMonth() + 1), true);
    }
    const m = toInt(end[2]!);
    if (m === null || m < 1 || m > 12) return { ok: false, error: DAY_MESSAGES.noSuchDay };
    if (end[1]) {
      const rel = RELATIVE_YEARS[end[1]];
      return read(monthEnd(rel !== undefined ? ty + rel : Number(end[1].slice(0, 4)), m), true);
    }
    // Without a year: the latest such end not after today (`12月底` on 1 December 2026 is 2025's).
    const mine = monthEnd(ty, m);
    return read(mine <= today ? mine : monthEnd(ty - 1, m), true);
  }
  // Days back: `三天前`, `5天之前`.
  const back = new RegExp(`^${N}天(?:以|之)?前$`, 'u').exec(t);
  if (back) {
    const n = toInt(back[1]!);
    if (n === null || n < 1 || n > 400) return null;
    return read(shift(today, -n), false);
  }
  const plain = (s: string): PastDayResult | null => {
    const d = parseDayTime(s, now, 'past');
    if (d === null) return null;
    if (!d.ok) return d;
    return d.value.day ? read(d.value.day, false) : null;
  };
  const whole = plain(t);
  if (whole) return whole;
  // `昨天下午`, `昨晚`, `上礼拜三晚上`: the day.
  const short = SHORT_DAYS[t];
  if (short) return plain(short);
  const part = DAY_PART.exec(t);
  if (part && part.index > 0) return plain(t.slice(0, part.index));
  return null;
}

/** A day of the month said alone (`15`, `15号`, `十五`, `二十一日`, `廿三`), once the month is known; null otherwise. */
export function dayOfMonthNumber(text: string): number | null {
  const t = removeSpaces(normalizeText(text)).replace(/[。，,！!？?~]+$/u, '').replace(/的/g, '');
  const m = /^(?:是|就是|大概是?|应该是|差不多)?(\d{1,2}|廿[一二三四五六七八九]?|[一二两三四五六七八九十]{1,3})(?:号|日)?(?:那天|当天)?(?:左右)?(?:吧|呢|啊|呀|哦|嘛)?$/u.exec(t);
  if (!m) return null;
  const w = m[1]!;
  const n = w.startsWith('廿') ? 20 + (w.length > 1 ? toInt(w.slice(1)) ?? 0 : 0) : toInt(w);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 31 ? n : null;
}

/** `YYYY-MM-DD` of day `d` of month `YYYY-MM`, or null when the month has no such day. */
export function dayOfMonth(month: string, d: number): string | null {
  return iso(Number(month.slice(0, 4)), Number(month.slice(5, 7)), d);
}

// --- when to come, for a booking ---------------------------------------------------------------

/** What the booking's holiday calendar tells (core/infra/calendar.ts): worked days and public holidays. */
export type WorkCalendar = Pick<Calendar, 'isWorkingDay' | 'holidayName' | 'sourceOf'>;

/** A part of the day (`上午`) or a clock time (`09:00`) said after the day. */
export interface WhenTail {
  part: string | null;
  time: string | null;
}

/**
 * When to come, read from words a date parser does not take plainly: a day
 * (`元宵节`, `初八`, `节后第一天`), the days from one on (`国庆节后`), or a
 * range (`下周一到周三`, `国庆前`), or either of some days (`周一或者周三`). `reading` says how the words were read
 * (`国庆假期后第一个工作日是10月8日（周四）`), to be said back. `ask`: the
 * words name no day that can be told for sure (`初八` far from 春节, a
 * holiday whose days off are not published yet); `why` says so, `example`
 * is the likeliest day, or null.
 */
export type BookingWhen =
  | ({ kind: 'day'; day: string; reading: string } & WhenTail)
  | ({ kind: 'from'; day: string; reading: string } & WhenTail)
  | ({ kind: 'range'; from: string; to: string; reading: string } & WhenTail)
  | ({ kind: 'days'; days: string[]; reading: string } & WhenTail)
  | { kind: 'ask'; why: string; example: string | null };

/** `10月8日（周四）`, `2月13日（周六，调休上班）`. */
function labelOn(day: string, cal: WorkCalendar): string {
  const label = dayLabel(day);
  const wd = weekdayOfDay(day);
  return wd >= 6 && cal.isWorkingDay(day) ? label.replace(/）$/u, '，调休上班）') : label;
}

/** `10月8日`. */
function monthDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** The first working day after `day` (within a month), or null. */
function firstWorkingAfter(day: string, cal: WorkCalendar): string | null {
  for (let i = 1; i <= 31; i++) {
    const d = shift(day, i);
    if (cal.isWorkingDay(d)) return d;
  }
  return null;
}

/** The public holidays whose end people name (`国庆节后`, `过完年`): the words and the day(s) the holiday is on. */
const PUBLIC_HOLIDAYS: readonly { words: string; anchors: (year: number) => (string | null)[] }[] = [
  { words: '国庆节|国庆假期|国庆|十一', anchors: (y) => [iso(y, 10, 1)] },
  { words: '春节|过年|大年|年', anchors: (y) => [lunarDay(y, 1, 1)] },
  { words: '元旦节|元旦', anchors: (y) => [iso(y, 1, 1)] },
  { words: '五一劳动节|五一节|五一|劳动节', anchors: (y) => [iso(y, 5, 1)] },
  // 清明 is a solar term on 4 or 5 April.
  { words: '清明节|清明', anchors: (y) => [iso(y, 4, 4), iso(y, 4, 5)] },
  { words: '端午节|端午|端阳节|端阳', anchors: (y) => [lunarDay(y, 5, 5)] },
  { words: '中秋节|中秋|八月节', anchors: (y) => [lunarDay(y, 8, 15)] },
];
const AFTER_MARK = '以后|之后|过后|后|结束(?:以后|之后|后)?|完了?(?:以后|之后|后)?|收假(?:以后|之后|后)?|上班(?:以后|之后|后)?|回来(?:以后|之后|后)?';
const FIRST_DAY = '第一天|第一个工作日|第一个上班日|上班第一天|开工第一天|头一天|一上班|刚上班|上班那天|开工那天';
const GENERIC_AFTER = new RegExp(
  `^(?:(?:过完|过了|放完|收完)(?:节|假)|收假(?:以后|之后|后)?|(?:节|假期|长假|节日|过节|放假)(?:结束|过完|完了?)?(?:以后|之后|过后|后))(${FIRST_DAY})?$`,
  'u',
);
/** A holiday over this many days ago is not what `节后` means: it is over, any time now is after it. */
const JUST_OVER_DAYS = 7;
/** `节后` before a holiday this many days ahead at most. */
const HOLIDAY_AHEAD_DAYS = 20;

/** The holiday's name as said before 假期: `国庆`, `春节`. */
function holidayWord(name: string): string {
  return name.length >= 3 ? name.replace(/节$/u, '') : name;
}

function afterHoliday(said: string, today: string, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  const as = (day: string, first: boolean, name: string): BookingWhen => ({
    kind: first ? 'day' : 'from',
    day,
    reading: `${holidayWord(name)}假期后第一个工作日是${labelOn(day, cal)}`,
    ...tail,
  });
  const over = (name: string, back: string): BookingWhen => ({
    kind: 'ask',
    why: `${holidayWord(name)}假期已经结束了（${monthDay(back)}起正常上班），现在就能约。`,
    example: null,
  });
  const unknown = (year: number): BookingWhen => ({ kind: 'ask', why: `${year}年的放假安排还没有公布，我还算不出节后是哪一天。`, example: null });

  const generic = GENERIC_AFTER.exec(said);
  if (generic) {
    const first = !!generic[1];
    const h = holidayAhead(today, cal);
    if (h?.kind === 'unknown') return unknown(h.year);
    if (h?.kind === 'endless') return null;
    if (h) {
      const { name, back } = h;
      // Another holiday soon after (中秋 then 国庆): which one is meant is asked.
      const later = h.then ? firstWorkingAfter(h.then.day, cal) : null;
      if (h.then && later) {
        return {
          kind: 'ask',
          why: `您说的「${said}」是${holidayWord(name)}假期后（${monthDay(back)}起），还是${holidayWord(h.then.name)}假期后（${monthDay(later)}起）？`,
          example: null,
        };
      }
      return as(back, first, name);
    }
    for (let i = 1; i <= JUST_OVER_DAYS; i++) {
      const name = cal.holidayName(shift(today, -i));
      if (name) return over(name, firstWorkingAfter(shift(today, -i), cal) ?? today);
    }
    return { kind: 'ask', why: `您说的「${said}」是哪个节？`, example: null };
  }

  for (const h of PUBLIC_HOLIDAYS) {
    const m = new RegExp(`^(过完|过了|放完|等)?(?:${h.words})(?:假期|长假|黄金周|假|放假)?(${AFTER_MARK})?(${FIRST_DAY})?$`, 'u').exec(said);
    if (!m || !(m[1] || m[2] || /上班|开工/u.test(m[3] ?? ''))) continue;
    const first = !!m[3];
    const year = Number(today.slice(0, 4));
    for (let y = year - 1; y <= year + 1; y++) {
      const days = h.anchors(y).filter((d): d is string => d !== null);
      if (days.length === 0) continue;
      // A year not published yet knows the statutory day itself, never the break around it (调休): as unknown.
      const on = cal.sourceOf(y) === 'none' ? undefined : days.find((d) => cal.holidayName(d) !== null);
      if (!on) {
        // Long past: the next year's. Else its days off are not known (not published yet): asked, never guessed.
        if (shift(days[0]!, JUST_OVER_DAYS + 10) < today) continue;
        return cal.sourceOf(y) === 'none' ? unknown(y) : { kind: 'ask', why: `没查到${y}年这个节的放假安排。`, example: null };
      }
      const back = firstWorkingAfter(on, cal);
      if (!back) return null;
      if (back > today) return as(back, first, cal.holidayName(on)!);
      if (shift(back, JUST_OVER_DAYS) >= today) return over(cal.holidayName(on)!, back);
    }
    return null;
  }
  return null;
}

const BEFORE_MARK = '以前|之前|前';
const LAST_DAY = '最后一天|最后一个工作日|最后一个上班日|最后一天上班';
const GENERIC_BEFORE = new RegExp(`^(?:节|假期|长假|节日|过节|放假)(?:${BEFORE_MARK})(${LAST_DAY})?$`, 'u');

/** A holiday as said before 假期 or 前: `国庆`, `春节`, `五一` (not `劳动`). */
function shortName(name: string): string {
  return name === '劳动节' ? '五一' : holidayWord(name);
}

/** The last working day before `day` (within 40 days), or null. */
function lastWorkingBefore(day: string, cal: WorkCalendar): string | null {
  for (let i = 1; i <= 40; i++) {
    const d = shift(day, -i);
    if (cal.isWorkingDay(d)) return d;
  }
  return null;
}

/** The first day off of the holiday `on` is a day of (the days before it with its name). */
function holidayStart(on: string, cal: WorkCalendar): string {
  const name = cal.holidayName(on);
  let d = on;
  for (let i = 0; i < 16 && cal.holidayName(shift(d, -1)) === name; i++) d = shift(d, -1);
  return d;
}

/**
 * The working days before the holiday `on` is a day of, from today: one day (`节前最后一天`, or only one
 * left), a range, or, when the holiday is too far for a range, which day is asked (the last one named).
 */
function beforeOne(on: string, last: boolean, today: string, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  const name = shortName(cal.holidayName(on)!);
  const start = holidayStart(on, cal);
  const eve = lastWorkingBefore(start, cal);
  const back = firstWorkingAfter(on, cal);
  if (!eve || !back) return null;
  if (eve < today) {
    // Under way, or only the weekend before it is left.
    const why = today >= start ? `${name}假期已经开始了（${monthDay(back)}起正常上班），节前的日子已经过了。` : `${name}假期前已经没有工作日了（${monthDay(start)}开始放假，${monthDay(back)}起正常上班）。`;
    return { kind: 'ask', why, example: null };
  }
  let first = today;
  for (let i = 0; !cal.isWorkingDay(first) && i < 40; i++) first = shift(first, 1);
  if (last || first === eve) {
    const reading = last ? `${name}假期前最后一个工作日是${labelOn(eve, cal)}` : `${name}假期${monthDay(start)}开始，节前只剩${labelOn(eve, cal)}一个工作日`;
    return { kind: 'day', day: eve, reading, ...tail };
  }
  if (dayNo(eve) - dayNo(first) >= MAX_RANGE_DAYS) {
    return { kind: 'ask', why: `${name}假期${monthDay(start)}开始，节前最后一个工作日是${labelOn(eve, cal)}。您想约节前哪一天？`, example: null };
  }
  return { kind: 'range', from: first, to: eve, reading: `${name}假期${monthDay(start)}开始，节前的工作日是${labelOn(first, cal)}到${labelOn(eve, cal)}`, ...tail };
}

/** What {@link holidayAhead} finds. */
type HolidayAhead =
  | { kind: 'found'; offset: number; day: string; name: string; back: string; then: { day: string; name: string } | null }
  /** A year without calendar data came first: asked about, never guessed. */
  | { kind: 'unknown'; year: number }
  /** A holiday whose end is past what the calendar knows. */
  | { kind: 'endless' };

/**
 * The first holiday from today (within HOLIDAY_AHEAD_DAYS) for `节前` / `节后`: its day, name, the first working day
 * after it, and another holiday beginning within JUST_OVER_DAYS after that (中秋 then 国庆), which makes `节前` and
 * `节后` ambiguous. Null: none that near.
 */
function holidayAhead(today: string, cal: WorkCalendar): HolidayAhead | null {
  for (let i = 0; i <= HOLIDAY_AHEAD_DAYS; i++) {
    const day = shift(today, i);
    if (cal.sourceOf(Number(day.slice(0, 4))) === 'none') return { kind: 'unknown', year: Number(day.slice(0, 4)) };
    const name = cal.holidayName(day);
    if (!name) continue;
    const back = firstWorkingAfter(day, cal);
    if (!back) return { kind: 'endless' };
    let then: { day: string; name: string } | null = null;
    for (let k = 1; k <= JUST_OVER_DAYS && !then; k++) {
      const next = shift(back, k);
      const other = cal.holidayName(next);
      if (other) then = { day: next, name: other };
    }
    return { kind: 'found', offset: i, day, name, back, then };
  }
  return null;
}

/**
 * Before a holiday (`国庆前`, `春节前`, `年前`, `节前`, `节前最后一天`): its working days from today, read with the
 * holiday calendar. A year whose days off are not known (not published, not in the admin's calendar) is
 * asked about, never guessed; so is `节前` with two holidays close together (中秋 then 国庆).
 */
function beforeHoliday(said: string, today: string, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  const unknown = (year: number): BookingWhen => ({ kind: 'ask', why: `${year}年的放假安排还没有公布，我还算不出节前是哪几天。`, example: null });
  const generic = GENERIC_BEFORE.exec(said);
  if (generic) {
    const last = !!generic[1];
    const h = holidayAhead(today, cal);
    if (h?.kind === 'unknown') return unknown(h.year);
    if (h?.kind === 'endless') return null;
    if (h) {
      const { day: d, name, back } = h;
      if (h.offset === 0) return { kind: 'ask', why: `现在正放${shortName(name)}假期（${monthDay(back)}起正常上班）。您说的「${said}」是哪个节？`, example: null };
      // Another holiday soon after (中秋 then 国庆): before which one is asked.
      const eve = h.then ? lastWorkingBefore(holidayStart(d, cal), cal) : null;
      const otherEve = h.then ? lastWorkingBefore(holidayStart(h.then.day, cal), cal) : null;
      if (h.then && eve && otherEve) {
        // The answer is given in words this reads (`国庆前`), so the question is not asked again.
        const reply = (n: string) => {
          const w = `${shortName(n)}前${generic[1] ?? ''}`;
          return beforeHoliday(w, today, cal, tail) ? `，回复「${w}」` : '';
        };
        return {
          kind: 'ask',
          why: `您说的「${said}」是${shortName(name)}假期前（${monthDay(eve)}以前${reply(name)}），还是${shortName(h.then.name)}假期前（${monthDay(otherEve)}以前${reply(h.then.name)}）？`,
          example: null,
        };
      }
      return beforeOne(d, last, today, cal, tail);
    }
    return { kind: 'ask', why: `您说的「${said}」是哪个节？`, example: null };
  }

  for (const h of PUBLIC_HOLIDAYS) {
    const m = new RegExp(`^(${h.words})(假期|长假|黄金周|假|放假)?(?:${BEFORE_MARK})(${LAST_DAY})?$`, 'u').exec(said);
    // `十一前` alone may be the 11th of a month: only `十一假期前`, `十一长假前` are 国庆.
    if (!m || (m[1] === '十一' && !m[2])) continue;
    const year = Number(today.slice(0, 4));
    for (let y = year; y <= year + 1; y++) {
      const days = h.anchors(y).filter((d): d is string => d !== null);
      // Over (its last possible day off long past): the next year's.
      if (days.length === 0 || shift(days.at(-1)!, 16) < today) continue;
      // Every year from today's to the holiday's must be known, else the days before it are not.
      for (let k = year; k <= y; k++) if (cal.sourceOf(k) === 'none') return unknown(k);
      const on = days.find((d) => cal.holidayName(d) !== null);
      if (!on) return { kind: 'ask', why: `没查到${y}年这个节的放假安排。`, example: null };
      const back = firstWorkingAfter(on, cal);
      if (!back) return null;
      // Over already: the next year's.
      if (back <= today) continue;
      return beforeOne(on, !!m[3], today, cal, tail);
    }
    return null;
  }
  return null;
}

/** Said between days meaning either of them: `周一或者周三`, `12月7号或9号`, `周一、周三`. */
const EITHER = /或者是|或者|或是|或|还是|要么|、|(?<!\d)\/(?!\d)|和|跟/u;

/** A weekday's place in the week, Monday 1 to Sunday 7, by the index of its character in `一二三四五六日天1234567`. */
const WEEKDAY_NUMBER = [1, 2, 3, 4, 5, 6, 7, 7, 1, 2, 3, 4, 5, 6, 7];

/** Either of some days (`周一或者周三`, `下周一或周三`, `7号或者9号`): the days, earliest first. */
function eitherDay(said: string, now: Date, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  // `周三周四都可以`: weekdays said one after another, with nothing between them.
  const t = said.replace(/^(?:要么|或者)/u, '').replace(/(?<=(?:周|星期|礼拜)[一二三四五六日天])(?=(?:周|星期|礼拜)[一二三四五六日天])/gu, '、');
  const parts = t.split(EITHER);
  if (parts.length < 2 || parts.length > 4 || parts.some((p) => p === '')) return null;
  const firstWeek = WEEK_WORD.exec(parts[0]!);
  const firstMonth = new RegExp(`^(?:今年|明年)?${N}月`, 'u').exec(parts[0]!);
  const days: string[] = [];
  const labels: string[] = [];
  // The last bare weekday read (its place in the week, its day): `周三或者周四` on a Thursday night is next week's
  // pair (9 and 10 December), never next Wednesday or today (a bare weekday alone is today on that weekday).
  let prevBare: { n: number; day: string } | null = null;
  const c = chinaDate(now);
  const today = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  for (const part of parts) {
    let p = part;
    const wk = /^(?:周|星期|礼拜)?([一二三四五六日天1-7])$/u.exec(p);
    // `下周一或者周三`: the second is of the same week; `12月7号或者9号`: of the same month.
    if (wk && firstWeek) p = `${firstWeek[1]}周${wk[1]}`;
    else if (firstMonth && new RegExp(`^${N}[日号]$`, 'u').test(p)) p = `${firstMonth[0]}${p.replace(/[日号]$/u, '')}号`;
    // A part of the day with one of them (`周一上午或者周三`) is not the others': not read here.
    if (/(?:上午|早上|早晨|中午|下午|晚上|傍晚)$/u.test(p)) return null;
    const d = parseDayTime(p, now, 'future');
    if (!d?.ok || !d.value.day || d.value.time) return null;
    let day = d.value.day;
    const bare = !firstWeek?.[1] && /^(?:周|星期|礼拜)[一二三四五六日天1-7]$/u.test(p) ? WEEKDAY_NUMBER['一二三四五六日天1234567'.indexOf(p.slice(-1))] : undefined;
    if (bare !== undefined) {
      // A later day of the week said after another, read as today, before it: of the same week as that one.
      if (prevBare && bare > prevBare.n && day < prevBare.day && day === today) day = addDays(day, 7);
      prevBare = { n: bare, day };
    }
    if (!days.includes(day)) {
      days.push(day);
      labels.push(labelOn(day, cal));
    }
  }
  if (days.length < 2) return null;
  // Said back in the order said (`12月7日（周一）、12月9日（周三）或12月4日（周五）`), offered earliest first.
  const reading = `${said}是${labels.slice(0, -1).join('、')}或${labels.at(-1)}`;
  return { kind: 'days', days: days.sort(), reading, ...tail };
}

/** A festival of one day (`元宵节`, `中秋`, `八月十五`): its next occurrence from today. */
function festivalDay(said: string, today: string, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  const festival = FESTIVAL_DAYS.find((f) => f.words.test(said));
  if (!festival) return null;
  const base = festival.anchor.kind === 'solar' ? Number(today.slice(0, 4)) : lunarYearOf(today);
  for (let y = base; y <= base + 1; y++) {
    const day = anchorOn(festival.anchor, y);
    if (day === null || day < today) continue;
    const label = said.includes(festival.name) ? said : `${said}（${festival.name}）`;
    return { kind: 'day', day, reading: `${label}是${labelOn(day, cal)}`, ...tail };
  }
  return null;
}

const LUNAR_DAY_NAMES = ['', '初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十'];
const LUNAR_MONTH_NAMES = ['', '正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];

/**
 * A lunar date to come: `正月初十`, `腊月二十八`, `农历三月初三`, `大年初八`; `初八` alone is 正月初八 when 春节
 * is near (in 腊月 or 正月), else which month is asked.
 */
function lunarDayToCome(said: string, today: string, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  const bare = /^(大年|年)?(初[一二三四五六七八九十])$/u.exec(said);
  if (bare) {
    const n = lunarDayWord(bare[2]!)!;
    const l = lunarDateOf(today);
    const near = l && !l.leap && (l.month === 12 || l.month === 1);
    if (near || bare[1]) {
      const y = l && !l.leap && l.month === 12 ? l.year + 1 : l && l.month === 1 && !l.leap ? l.year : lunarYearOf(today) + 1;
      const day = lunarDay(y, 1, n);
      if (day === null) return null;
      const label = bare[1] ? said : `${said}（正月${bare[2]}）`;
      if (day < today) return { kind: 'ask', why: `${label}是${labelOn(day, cal)}，已经过了。`, example: null };
      return { kind: 'day', day, reading: `${label}是${labelOn(day, cal)}`, ...tail };
    }
    // Far from 春节: any lunar month's 初八. The next one is shown, not taken.
    for (let i = 0; i <= 31; i++) {
      const d = shift(today, i);
      const ld = lunarDateOf(d);
      if (ld && ld.day === n) {
        return {
          kind: 'ask',
          why: `您说的「${said}」是农历哪个月的${bare[2]}？最近的是农历${ld.leap ? '闰' : ''}${LUNAR_MONTH_NAMES[ld.month]}${LUNAR_DAY_NAMES[n]}，${labelOn(d, cal)}。`,
          example: d,
        };
      }
    }
    return null;
  }
  const lunar = LUNAR_DATE.exec(said);
  if (!lunar) return null;
  const [, yearWord, marked, monthWord, dayWord] = lunar;
  const month = LUNAR_MONTHS[monthWord!] ?? toInt(monthWord!);
  if (!(marked || monthWord! in LUNAR_MONTHS || /^[初廿]/u.test(dayWord!))) return null;
  const d = lunarDayWord(dayWord!);
  if (month === null || d === null || month < 1 || month > 12 || d < 1 || d > 30) return { kind: 'ask', why: DAY_MESSAGES.noSuchDay, example: null };
  const base = lunarYearOf(today);
  const years = yearWord ? [RELATIVE_YEARS[yearWord] !== undefined ? base + RELATIVE_YEARS[yearWord]! : Number(yearWord.slice(0, 4))] : [base, base + 1];
  for (const y of years) {
    const day = lunarDay(y, month, d);
    if (day === null) return { kind: 'ask', why: `农历${LUNAR_MONTH_NAMES[month]}没有${dayWord}这一天。`, example: null };
    if (day < today && !yearWord) continue;
    return { kind: 'day', day, reading: `${said}是${labelOn(day, cal)}`, ...tail };
  }
  return null;
}

/** How many days a range said may span (`下周一到周三`); a longer one is asked about. */
const MAX_RANGE_DAYS = 14;
const WEEK_WORD = /^((?:这|本|下下个?|下|下个|上上个?|上|上个)?)(?:周|星期|礼拜)[一二三四五六日天1-7]$/u;

/** A range of days: `下周一到周三`, `周一至周三`, `12月5号到8号`, `明天到后天`. */
function dayRange(said: string, now: Date, today: string, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  const m = /^从?(.+?)(?:到|至|~|～)(.+?)(?:之间|中间|这几天|那几天)?$/u.exec(said);
  if (!m) return null;
  const left = m[1]!;
  let right = m[2]!;
  // A part of the day is the whole range's (`下周一到周三下午`): read as the tail, not with the last day.
  if (/(?:上午|早上|早晨|中午|下午|晚上|傍晚)$/u.test(left) || /(?:上午|早上|早晨|中午|下午|晚上|傍晚)$/u.test(right)) return null;
  const from = parseDayTime(left, now, 'future');
  if (!from?.ok || !from.value.day || from.value.time) return null;
  const wk = /^(?:周|星期|礼拜)?([一二三四五六日天1-7])$/u.exec(right);
  const leftWeek = WEEK_WORD.exec(left);
  const leftMonth = new RegExp(`^(?:今年|明年)?${N}月`, 'u').exec(left);
  if (wk && leftWeek) right = `${leftWeek[1]}周${wk[1]}`;
  else if (leftMonth && new RegExp(`^${N}[日号]?$`, 'u').test(right)) right = `${leftMonth[0]}${right.replace(/[日号]$/u, '')}号`;
  const to = parseDayTime(right, now, 'future');
  if (!to?.ok || !to.value.day || to.value.time) return null;
  let end = to.value.day;
  const start = from.value.day;
  // `周五到周一` said on a Saturday: the Monday after that Friday.
  if (end < start && wk) end = shift(end, 7);
  if (end <= start) return { kind: 'ask', why: `「${said}」是${labelOn(start, cal)}到${labelOn(end, cal)}？前后好像反了。`, example: null };
  if (dayNo(end) - dayNo(start) >= MAX_RANGE_DAYS) return null;
  return { kind: 'range', from: start, to: end, reading: `${said}是${labelOn(start, cal)}到${labelOn(end, cal)}`, ...tail };
}

/** `这周五以后`, `5号之后`, `下周二起`: a day, and from it on. */
const FROM_ON = /^(.+?)(?:以后|之后|往后|过后|后|起|开始)$/u;

/**
 * `这周五以后都行`, `5号以后`, `下周二之后`: the times from that day on, the day itself counted (said back, so
 * another reading can be said). Null for a day gone by, a time with it, or words that are no day.
 */
function fromDay(said: string, now: Date, today: string, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  const m = FROM_ON.exec(said);
  if (!m) return null;
  const d = parseDayTime(m[1]!, now, 'future');
  if (!d?.ok || !d.value.day || d.value.time || d.value.day < today) return null;
  return { kind: 'from', day: d.value.day, reading: `${m[1]}是${labelOn(d.value.day, cal)}`, ...tail };
}

/** `过两天`, `过三天`: that many days on; `过几天`, `过些天`: some days on, which is not known. */
const IN_SOME_DAYS = /^过(?:(两|2|三|3)|(几|些))天(?:以后|之后|后)?$/u;

/**
 * `过两天`, `过三天`: the times from that many days on (the day said back, nothing picked); `过几天`, `过些天`: which
 * day is asked (never a day guessed). Null for other words.
 */
function inSomeDays(said: string, today: string, cal: WorkCalendar, tail: WhenTail): BookingWhen | null {
  const m = IN_SOME_DAYS.exec(said);
  if (!m) return null;
  if (m[2]) return { kind: 'ask', why: `「${said}」是哪天？`, example: null };
  const day = shift(today, /两|2/u.test(m[1]!) ? 2 : 3);
  return { kind: 'from', day, reading: `${said}是${labelOn(day, cal)}`, ...tail };
}

/**
 * `过几天`, `过些天吧` said alone where a day is asked: the words (`过几天`), which name no day; null otherwise
 * (`过两天` names one; `过几天再说` is read elsewhere, as a wish to pause).
 */
export function vagueDaysSaid(text: string): string | null {
  const t = removeSpaces(normalizeText(text)).replace(/[。，,！!？?~～]+$/u, '').replace(/(?:吧|啊|呀|都行|都可以|可以|行)+$/u, '');
  const m = IN_SOME_DAYS.exec(t);
  return m?.[2] ? t : null;
}

/** Said after the days, meaning any of them: `都行`, `都可以`. */
const ANY_OF_THEM = /(?:都行|都可以|都方便|都有空|都有时间|都没问题|哪天都行|随便哪天|任何一天|可以|行)+$/u;

/**
 * When the person can come, for a booking (looking forward; `cal` tells the
 * working days): festivals (`元宵节`), the end of a holiday (`国庆节后`,
 * `节后第一天`, `过完年`), the days before one (`国庆前`, `节前`, `年前`),
 * lunar dates (`初八`, `正月初十上午`), ranges (`下周一到周三都行`) and
 * either of some days (`周一或者周三`), each with a part of the day or a
 * time after it (a time after a range or days is each day's).
 * Null for anything else (plain dates are {@link parseDayTime}'s).
 */
export function parseBookingWhen(text: string, now: Date, cal: WorkCalendar): BookingWhen | null {
  const t = removeSpaces(normalizeText(text)).replace(/[。，,！!？?]+$/u, '').replace(/的/g, '').replace(ANY_OF_THEM, '');
  if (t.length === 0 || t.length > 30) return null;
  const c = chinaDate(now);
  const today = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  for (let i = t.length; i >= 1; i--) {
    const rest = t.slice(i);
    let tail: WhenTail;
    if (rest === '') tail = { part: null, time: null };
    else if (PART_OF_DAY_ONLY.test(rest)) tail = { part: rest, time: null };
    else {
      const time = timePart(rest);
      if (time === null || time === 'bad') continue;
      tail = { part: null, time };
    }
    const head = t.slice(0, i).replace(/(?:那天|那一天|当天|这天)$/u, '') || t.slice(0, i);
    const r =
      dayRange(head, now, today, cal, tail) ??
      afterHoliday(head, today, cal, tail) ??
      beforeHoliday(head, today, cal, tail) ??
      eitherDay(head, now, cal, tail) ??
      festivalDay(head, today, cal, tail) ??
      lunarDayToCome(head, today, cal, tail) ??
      fromDay(head, now, today, cal, tail) ??
      inSomeDays(head, today, cal, tail);
    if (r) return r;
  }
  return null;
}
