/**
 * Beijing time, in one place. China keeps UTC+8 all year (no daylight
 * saving), so a Beijing wall-clock reading is the UTC reading of the
 * instant plus eight hours. Days are `YYYY-MM-DD` strings, months `YYYY-MM`.
 * "Now" is never read here: it comes from `core.clock` (core/infra/clock.ts).
 */

export const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/** The instant's Beijing wall clock as an ISO string (`…Z` stands for Beijing here). */
function wall(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString();
}

/** `YYYY-MM-DD` of `instant` in Beijing. */
export function chinaDay(instant: Date): string {
  return wall(instant).slice(0, 10);
}

/** `HH:MM` of `instant` in Beijing. */
export function chinaTime(instant: Date): string {
  return wall(instant).slice(11, 16);
}

/** `YYYY-MM` of `instant` in Beijing. */
export function chinaMonth(instant: Date): string {
  return wall(instant).slice(0, 7);
}

/** `YYYYMMDD` of `instant` in Beijing (case and booking numbers). */
export function compactDay(instant: Date): string {
  return chinaDay(instant).replace(/-/g, '');
}

/** The instant of `day` (`YYYY-MM-DD`) at `time` (`HH:MM`) in Beijing. */
export function chinaInstant(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** `11月21日 10:05` (Beijing), for notices; '' for null. */
export function shortTime(iso: string | null): string {
  if (!iso) return '';
  const w = wall(new Date(iso));
  return `${Number(w.slice(5, 7))}月${Number(w.slice(8, 10))}日 ${w.slice(11, 16)}`;
}

/** `2026年11月21日` (Beijing). */
export function chineseDate(iso: string): string {
  const w = wall(new Date(iso));
  return `${w.slice(0, 4)}年${Number(w.slice(5, 7))}月${Number(w.slice(8, 10))}日`;
}

/** `11月24日（周二）` */
export function dayLabel(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日（${WEEKDAY_NAMES[weekdayOf(day)]}）`;
}

/** `2025-05` → `2025年5月` */
export function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** `2026-11-24` → `2026年11月24日` */
export function dayText(day: string): string {
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
