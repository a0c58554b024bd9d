/** Times as a person in China reads them: Beijing time, whatever the phone's zone. */
const BEIJING_MS = 8 * 3600_000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2026年11月21日 10:05` */
export function dateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + BEIJING_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2026年11月21日` */
export function date(iso: string): string {
  return dateTime(iso).split(' ')[0]!;
}

/** `28,500元` */
export function yuan(n: number): string {
  return `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`;
}
