/** The directory: districts, townships, grids, staff, unions, employers, service points and the holiday calendar. */
export * from './schema.js';
export * from './load.js';
export * from './match.js';
export * from './unions.js';
export * from './store.js';
export * from './nearest.js';
