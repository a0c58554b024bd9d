import type { Option, StepResult } from './types.js';

export const YES_NO: Option[] = [
  { label: '是', value: 'yes' },
  { label: '不是', value: 'no' },
];

const YES = /^(yes|是|是的|对|对的|嗯|有|要|同意|好|好的|可以|还在|在)$/;
const NO = /^(no|不是|否|不|没有|不对|不同意|不要|不在|离开了|已经离开|已离开|走了)$/;

/** Yes/no from a numbered pick or a short answer. */
export function parseYesNo(text: string, error: string): StepResult {
  if (YES.test(text)) return { ok: true, value: true };
  if (NO.test(text)) return { ok: true, value: false };
  return { ok: false, error };
}

/** The first month of the period as `YYYY-MM` in Beijing time. */
export function monthOf(date: Date): string {
  const bj = new Date(date.getTime() + 8 * 3600_000);
  return `${bj.getUTCFullYear()}-${String(bj.getUTCMonth() + 1).padStart(2, '0')}`;
}

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
