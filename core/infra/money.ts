/** `28500` → `28,500元`; fractions of a yuan to two places (the one way money is shown). */
export function yuan(n: number): string {
  return `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
}
