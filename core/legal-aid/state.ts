import { stateMachine, type StateOf } from '../infra/states.js';

/**
 * The life of a booking, in one table: booked → done or no_show (by the
 * provider), or cancelled (by the worker). A reschedule stays booked, a new
 * revision.
 */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'done', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const STATES: Record<BookingStatus, StateOf<BookingStatus>> = {
  booked: { name: '已预约', next: ['cancelled', 'done', 'no_show'] },
  cancelled: { name: '已取消', next: [] },
  done: { name: '已完成', next: [] },
  no_show: { name: '未到场', next: [] },
};

const machine = stateMachine<BookingStatus, { bookingNo: string; status: BookingStatus; history: { at: string; status: BookingStatus; note: string }[] }>(
  STATES,
  (b, to) => `预约 ${b.bookingNo} 已经是「${STATES[b.status].name}」了，不能再改为「${STATES[to].name}」。`,
);

export const bookingStatusName = machine.name;
export const moved = machine.moved.bind(machine);
export const noted = machine.noted.bind(machine);
