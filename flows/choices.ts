/** Display helpers the flows share. */

/** Whole months from `from` (YYYY-MM) to `to` (YYYY-MM). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

export { yuan as formatYuan } from '../core/infra/money.js';
export { monthText as showMonth } from '../core/infra/time.js';
