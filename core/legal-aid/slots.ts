/**
 * Appointment slots for legal aid: which times each provider (a union lawyer
 * or a procurator) can be booked at a service point, over working days of the
 * Chinese calendar. Pure: what is already booked comes in as a map of counts.
 */
import { workingDaysFrom, type Calendar } from '../infra/calendar.js';
import { WEEKDAY_NAMES, addDays, chinaDay, chinaInstant, chinaTime, dayLabel, weekdayOf } from '../infra/time.js';
import type {
  ConsultMode,
  Directory,
  District,
  HelpKind,
  Provider,
  ServicePoint,
  WeeklyHours,
} from '../directory/index.js';

export { WEEKDAY_NAMES, addDays, chinaDay, chinaInstant, chinaTime, dayLabel, weekdayOf };

/** How many working days ahead a worker is offered slots (issue 4). */
export const BOOKING_WORKING_DAYS = 7;
/** A slot must start at least this long after "now" to be bookable. */
export const MIN_LEAD_MINUTES = 30;

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

// --- opening hours -------------------------------------------------------------------

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function hhmm(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The `HH:MM-HH:MM` ranges open on `day` (none on days off; a make-up day keeps the hours of the weekday it stands for). */
export function hoursOn(cal: Calendar, hours: WeeklyHours, day: string): string[] {
  if (!cal.isWorkingDay(day)) return [];
  const key = WEEKDAY_KEYS[cal.timetableWeekday(day)] as WeekdayKey;
  return key === 'sat' || key === 'sun' ? [] : hours[key];
}

/** Start times (`HH:MM`) of whole slots of `slotMinutes` inside the ranges. */
export function slotTimes(ranges: readonly string[], slotMinutes: number): string[] {
  const out: string[] = [];
  for (const r of ranges) {
    const end = minutes(r.slice(6));
    for (let t = minutes(r.slice(0, 5)); t + slotMinutes <= end; t += slotMinutes) out.push(hhmm(t));
  }
  return [...new Set(out)].sort();
}

// --- providers and slots ---------------------------------------------------------------

/** One provider's sessions at one service point. */
export interface ProviderAt {
  point: ServicePoint;
  provider: Provider;
  districtId: string;
}

/** A bookable time with one provider. */
export interface Slot {
  /** `staffId@YYYYMMDDHHMM`: one person cannot be in two places, so the key is per person. */
  key: string;
  staffId: string;
  pointId: string;
  /** `YYYY-MM-DD` and `HH:MM`, Beijing time. */
  day: string;
  time: string;
  endTime: string;
  /** ISO instants. */
  start: string;
  end: string;
  capacity: number;
}

export function slotKey(staffId: string, day: string, time: string): string {
  return `${staffId}@${day.replace(/-/g, '')}${time.replace(':', '')}`;
}

/** The parts of a slot key, or null when it is not one. */
export function parseSlotKey(key: string): { staffId: string; day: string; time: string } | null {
  const m = key.match(/^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/);
  if (!m) return null;
  return { staffId: m[1]!, day: `${m[2]}-${m[3]}-${m[4]}`, time: `${m[5]}:${m[6]}` };
}

/** Every provider of every service point, with the district it belongs to. */
export function allProviders(directory: Directory): ProviderAt[] {
  return directory.districts.flatMap((d) => d.servicePoints.flatMap((point) => point.providers.map((provider) => ({ point, provider, districtId: d.id }))));
}

/** Providers who give `help` by `mode`, optionally only at one point. */
export function providersFor(directory: Directory, help: HelpKind, mode: ConsultMode, pointId?: string): ProviderAt[] {
  return allProviders(directory).filter(
    (p) => p.provider.help === help && p.provider.modes.includes(mode) && (!pointId || p.point.id === pointId),
  );
}

/**
 * Service points offering `help` face to face that are nearest to a
 * township: the township's own points first, then the district-level ones.
 * (The directory has no map coordinates; a point in another township is not
 * "near" in any way we can tell, so it is not offered.)
 */
export function nearestPoints(district: District, townshipId: string, help: HelpKind): { local: ServicePoint[]; district: ServicePoint[] } {
  const offers = (p: ServicePoint) => p.providers.some((pr) => pr.help === help && pr.modes.includes('in_person'));
  return {
    local: district.servicePoints.filter((p) => p.townshipId === townshipId && offers(p)),
    district: district.servicePoints.filter((p) => !p.townshipId && offers(p)),
  };
}

/** The slots of one provider on one day. */
export function slotsOn(cal: Calendar, p: ProviderAt, day: string): Slot[] {
  const hours = p.provider.hours ?? p.point.hours;
  const len = p.provider.slotMinutes;
  return slotTimes(hoursOn(cal, hours, day), len).map((time) => {
    const start = chinaInstant(day, time);
    const end = new Date(start.getTime() + len * 60_000);
    return {
      key: slotKey(p.provider.staffId, day, time),
      staffId: p.provider.staffId,
      pointId: p.point.id,
      day,
      time,
      endTime: chinaTime(end),
      start: start.toISOString(),
      end: end.toISOString(),
      capacity: p.provider.capacity,
    };
  });
}

export interface UpcomingOptions {
  calendar: Calendar;
  now: Date;
  /** @defaultValue {@link BOOKING_WORKING_DAYS} */
  workingDays?: number;
  /** @defaultValue {@link MIN_LEAD_MINUTES} */
  leadMinutes?: number;
  /** Bookings per slot key; a slot at capacity is left out. */
  taken?: ReadonlyMap<string, number>;
}

/**
 * Free slots of these providers over the coming working days (today
 * included), earliest first. When several providers are free at the same
 * moment only the first (in directory order) is offered: the worker chooses
 * a time, not a person.
 */
export function upcomingFreeSlots(providers: readonly ProviderAt[], opts: UpcomingOptions): Slot[] {
  const earliest = opts.now.getTime() + (opts.leadMinutes ?? MIN_LEAD_MINUTES) * 60_000;
  const days = workingDaysFrom(opts.calendar, chinaDay(opts.now), opts.workingDays ?? BOOKING_WORKING_DAYS);
  const out: Slot[] = [];
  const seen = new Set<string>();
  for (const day of days) {
    for (const p of providers) {
      for (const s of slotsOn(opts.calendar, p, day)) {
        if (Date.parse(s.start) < earliest) continue;
        if ((opts.taken?.get(s.key) ?? 0) >= s.capacity) continue;
        if (seen.has(s.start)) continue;
        seen.add(s.start);
        out.push(s);
      }
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * The slot a key names if it is really in that provider's schedule at that
 * point (a working day, on the grid of their hours), else null. Says nothing
 * about whether it is free or in the future.
 */
export function resolveSlot(cal: Calendar, directory: Directory, key: string, pointId: string): { slot: Slot; at: ProviderAt } | null {
  const k = parseSlotKey(key);
  if (!k) return null;
  for (const p of allProviders(directory)) {
    if (p.provider.staffId !== k.staffId || p.point.id !== pointId) continue;
    const slot = slotsOn(cal, p, k.day).find((s) => s.time === k.time);
    if (slot) return { slot, at: p };
  }
  return null;
}

/** `10月8日（周四）09:00-09:30` */
export function slotLabel(s: Pick<Slot, 'day' | 'time' | 'endTime'>): string {
  return `${dayLabel(s.day)} ${s.time}-${s.endTime}`;
}
