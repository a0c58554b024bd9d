/**
 * Amounts in capitals (大写金额), as documents about money write them next
 * to the figures: `28500` → `贰万捌仟伍佰元整`. Ends with 整 after 元 or 角.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** 1–9999 without leading zeros: `8500` → `捌仟伍佰`, `205` → `贰佰零伍`. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + PLACES[p]!;
  }
  return out;
}

export function rmbCapitals(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0 || amount >= 1e16) throw new RangeError(`not an amount: ${amount}`);
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = '';
  const groups: number[] = [];
  for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      if (out) gap = true;
      continue;
    }
    // A zero between groups is read once: 壹万零伍佰, 壹亿零伍.
    if (out && (gap || g < 1000)) out += '零';
    gap = false;
    out += group(g) + GROUPS[i]!;
  }
  if (yuan > 0) out += '元';
  if (jiao > 0) out += `${DIGITS[jiao]!}角`;
  if (cents > 0) out += `${yuan > 0 && jiao === 0 ? '零' : ''}${DIGITS[cents]!}分`;
  if (fen === 0) return '零元整';
  return cents > 0 ? out : `${out}整`;
}
