/** Display helpers the flows share. */

/** Whole months from `from` (YYYY-MM) to `to` (YYYY-MM). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** `2025-05` → `2025年5月` */
export function showMonth(m: string): string {
  const [y, mo] = m.split('-');
  return `${y}年${Number(mo)}月`;
}

export function formatYuan(n: number): string {
  return `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
}
