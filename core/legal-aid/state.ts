import { ConflictError } from '../infra/errors.js';

/**
 * The life of a booking, in one table: booked → done or no_show (by the
 * provider), or cancelled (by the worker). A reschedule stays booked, a new
 * revision. Every change of status goes through `moved`.
 */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'done', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const STATES: Record<BookingStatus, { name: string; next: readonly BookingStatus[] }> = {
  booked: { name: '已预约', next: ['cancelled', 'done', 'no_show'] },
  cancelled: { name: '已取消', next: [] },
  done: { name: '已完成', next: [] },
  no_show: { name: '未到场', next: [] },
};

export function bookingStatusName(s: BookingStatus): string {
  return STATES[s].name;
}

interface Stateful {
  bookingNo: string;
  status: BookingStatus;
  history: { at: string; status: BookingStatus; note: string }[];
}

/** The booking moved to `to`, with its history line; refused (409) when the table does not allow it. */
export function moved<B extends Stateful>(b: B, to: BookingStatus, note: string, at: Date): B {
  if (!STATES[b.status].next.includes(to)) {
    throw new ConflictError('booking_finished', `预约 ${b.bookingNo} 已经是「${STATES[b.status].name}」了，不能再改为「${STATES[to].name}」。`);
  }
  return { ...b, status: to, history: [...b.history, { at: at.toISOString(), status: to, note }] };
}

/** A line in the history without a change of status (rescheduled, referred after it was done). */
export function noted<B extends Stateful>(b: B, note: string, at: Date): B {
  return { ...b, history: [...b.history, { at: at.toISOString(), status: b.status, note }] };
}
