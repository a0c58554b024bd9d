/** Cases (wage reports, 人工 requests, 支持起诉 cases): the face other features and the entry points use. Keys, scripts and what goes on the queues stay inside. */
export * from './record.js';
export * from './state.js';
export * from './store.js';
export * from './submit.js';
export * from './work.js';
export * from './feedback.js';
export * from './texts.js';
export * from './routing.js';
export * from './evidence.js';
export * from './voice.js';
export * from './jobs.js';
export * from './groups.js';
export * from './deadlines.js';
export * from './hours.js';
export * from './closing.js';
export { tellReporter } from './queue.js';
export * from './board.js';
export * from './events.js';
