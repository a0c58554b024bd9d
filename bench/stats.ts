/** Small numeric helpers for the bench: percentiles and formatting. */

export interface Summary {
  count: number;
  /** Wall-clock seconds of the measured phase. */
  seconds: number;
  /** Operations per second over the measured phase. */
  rate: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending-sorted list (ms). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(latenciesMs: readonly number[], seconds: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    seconds,
    rate: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** "9.1ms", "31ms", "1.24s". */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '-';
  if (v >= 1000) return `${(v / 1000).toFixed(2)}s`;
  if (v >= 100) return `${v.toFixed(0)}ms`;
  if (v >= 10) return `${v.toFixed(1)}ms`;
  return `${v.toFixed(2)}ms`;
}

export function rate(v: number): string {
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

export function ratio(v: number): string {
  return v >= 10 ? `${v.toFixed(0)}x` : `${v.toFixed(2)}x`;
}
