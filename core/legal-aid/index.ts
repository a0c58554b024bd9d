/** Legal-aid bookings with union lawyers and procurators. Keys and queue stay inside. */
export * from './store.js';
export * from './state.js';
export * from './slots.js';
export * from './texts.js';
export * from './jobs.js';
export * from './commands.js';
export { REMINDER_KINDS, type ReminderKind } from './queue.js';
