/** One formatter (`toLocaleString` with options builds a new one on every call, most of a notice's cost). */
const YUAN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** `28500` → `28,500元`; fractions of a yuan to two places (the one way money is shown). */
export function yuan(n: number): string {
  return `${YUAN.format(n)}元`;
}
