import { parseChineseNumber } from './chinese-number.js';
import { chinaDate } from './month.js';
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
    if (prefer === 'future' && (!day || day < today)) day = iso(ty + 1, mo, d) ?? day;
    if (prefer === 'past' && (!day || day > today)) day = iso(ty - 1, mo, d) ?? day;
    return day ? { day, used: m[0].length } : 'bad';
  }
  if ((m = t.match(/^(\d{1,2})[-/.](\d{1,2})(?=$|[^\d])/))) {
    const mo = Number(m[1]);
    const d = Number(m[2]);
    let day = iso(ty, mo, d);
    if (!day) return 'bad';
    if (prefer === 'future' && day < today) day = iso(ty + 1, mo, d) ?? day;
    if (prefer === 'past' && day > today) day = iso(ty - 1, mo, d) ?? day;
    return { day, used: m[0].length };
  }
  if ((m = t.match(/^(大后天|大前天|今天|今日|明天|明日|后天|昨天|昨日|前天)/))) {
    return { day: shift(today, RELATIVE_DAYS[m[1]!]!), used: m[0].length };
  }
  if ((m = t.match(/^(这|本|下|下个|上|上个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/))) {
    const want = WEEKDAY_DIGITS[m[2]!]!;
    const dow = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
    const monday = shift(today, 1 - dow);
    const which = m[1] ?? '';
    let day: string;
    if (which.startsWith('下')) day = shift(monday, 7 + want - 1);
    else if (which.startsWith('上')) day = shift(monday, -7 + want - 1);
    else if (which) day = shift(monday, want - 1);
    else if (prefer === 'future') day = shift(today, (want - dow + 7) % 7);
    else day = shift(today, -((dow - want + 7) % 7));
    return { day, used: m[0].length };
  }
  if ((m = t.match(new RegExp(`^(本月|这个月|下个月|下月|上个月|上月)?${N}[日号]`)))) {
    const d = toInt(m[2]!);
    if (d === null) return 'bad';
    const offset = !m[1] ? null : m[1].startsWith('下') ? 1 : m[1].startsWith('上') ? -1 : 0;
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

/**
 * A day and/or a time as people type them in chat: `11月24日`, `24号`,
 * `2026-11-24`, `去年12月1日`, `明天`, `下周三`, with or without a time such
 * as `9点`, `9点半`, `下午2点`, `14:30`. A day without a year (or a bare
 * weekday) is read forward for `prefer: 'future'` (booking) and backward for
 * `'past'` (when something happened). Returns null when the text is not a
 * day or a time at all.
 */
export function parseDayTime(text: string, now: Date, prefer: Prefer): DayTimeResult | null {
  const t = removeSpaces(normalizeText(text)).replace(/[。，,！!？?~]+$/u, '').replace(/的/g, '');
  if (t.length === 0 || t.length > 30) return null;
  const c = chinaDate(now);
  const today = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  const d = dayPart(t, today, prefer);
  if (d === 'bad') return { ok: false, error: DAY_MESSAGES.noSuchDay };
  const rest = d ? t.slice(d.used) : t;
  if (rest === '') return d ? { ok: true, value: { day: d.day, time: null } } : null;
  const time = timePart(rest);
  if (time === null) return null;
  if (time === 'bad') return { ok: false, error: DAY_MESSAGES.noSuchTime };
  return { ok: true, value: { day: d ? d.day : null, time } };
}
