/** Joining the union: applications, review, the member card. Keys and queue stay inside. */
export * from './store.js';
export * from './state.js';
export * from './apply.js';
export * from './review.js';
export * from './card.js';
export * from './texts.js';
export * from './jobs.js';
export * from './commands.js';
export { membershipJob } from './queue.js';
