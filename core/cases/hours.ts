import type { DirectoryIndex, Staff } from '../directory/index.js';
import type { Calendar } from '../infra/calendar.js';
import { addDays, chinaDay, chinaInstant } from '../infra/time.js';
import type { Case } from './record.js';

/**
 * Working hours (the directory's `workingHours`, on the calendar's working
 * days) and who is on call (值班) outside them. The 30-minute accept clock of
 * urgent and group cases counts only working minutes, unless someone on
 * call takes the case at once.
 */

/** When the directory names none: a union office's day. */
export const DEFAULT_WORKING_HOURS = ['08:30-12:00', '14:00-17:30'] as const;

/** The office hours as `HH:MM-HH:MM` ranges, in order. */
export function workingHoursOf(index: DirectoryIndex): readonly string[] {
  return index.directory.workingHours ?? DEFAULT_WORKING_HOURS;
}

/** Office hours on the calendar's working days: when a reminder may reach people at work. */
export interface WorkingTime {
  cal: Calendar;
  hours: readonly string[];
}

/** The directory's working time: its calendar and office hours. */
export function workingTimeOf(index: DirectoryIndex): WorkingTime {
  return { cal: index.calendar, hours: workingHoursOf(index) };
}

/** The working intervals of one day (instants), empty on a day off. */
function intervalsOf(cal: Calendar, hours: readonly string[], day: string): [number, number][] {
  if (!cal.isWorkingDay(day)) return [];
  return hours.map((r) => [chinaInstant(day, r.slice(0, 5)).getTime(), chinaInstant(day, r.slice(6)).getTime()]);
}

/** Whether `at` falls inside the working hours of a working day. */
export function isWorkingTime(cal: Calendar, hours: readonly string[], at: Date): boolean {
  const t = at.getTime();
  return intervalsOf(cal, hours, chinaDay(at)).some(([a, b]) => t >= a && t < b);
}

/**
 * `from` plus `minutes` of working time: 16:00 Friday plus 30 minutes is
 * 16:30; 21:12 plus 30 minutes is 09:00 the next working morning; 11:50
 * plus 30 minutes is 14:20.
 */
export function addWorkingMinutes(cal: Calendar, hours: readonly string[], from: Date, minutes: number): Date {
  let left = minutes * 60_000;
  let t = from.getTime();
  let day = chinaDay(from);
  // A year has at most ~30 days off in a row; 400 days is a hard stop.
  for (let i = 0; i < 400; i++, day = addDays(day, 1)) {
    for (const [a, b] of intervalsOf(cal, hours, day)) {
      if (b <= t) continue;
      const start = Math.max(a, t);
      if (start + left <= b) return new Date(start + left);
      left -= b - start;
      t = b;
    }
  }
  return new Date(t + left);
}

/** How much working time (ms) lies between `from` and `to`. */
export function workingMsBetween(cal: Calendar, hours: readonly string[], from: Date, to: Date): number {
  const f = from.getTime();
  const e = to.getTime();
  let total = 0;
  let day = chinaDay(from);
  const last = chinaDay(to);
  // 800 days is a hard stop (a resolve limit is weeks, extensions included).
  for (let i = 0; i < 800 && day <= last; i++, day = addDays(day, 1)) {
    for (const [a, b] of intervalsOf(cal, hours, day)) total += Math.max(0, Math.min(b, e) - Math.max(a, f));
  }
  return total;
}

/** The first working moment at or after `from`. */
export function nextWorkingTime(cal: Calendar, hours: readonly string[], from: Date): Date {
  return addWorkingMinutes(cal, hours, from, 0);
}

/**
 * Who is on call for a case outside working hours, in order: the township's
 * list, else the district's. Only people on duty (the directory's flag or
 * 上班/休息) and not lapsed on this case.
 */
export function onCallFor(index: DirectoryIndex, c: Case, duty: ReadonlyMap<string, boolean> = new Map()): Staff[] {
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township : undefined;
  const district = index.directory.districts.find((d) => d.id === c.location.districtId);
  const ids = tw?.onCall?.length ? tw.onCall : (district?.onCall ?? []);
  return ids
    .map((id) => index.staffById.get(id)?.staff)
    .filter((s): s is Staff => !!s && (duty.get(s.id) ?? s.onDuty) && !c.lapsed.includes(s.id));
}
