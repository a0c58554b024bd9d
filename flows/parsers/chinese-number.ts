import { MAX_INPUT_LENGTH, normalizeText, removeSpaces } from './normalize.js';

/** Chinese digit characters (everyday, financial and traditional forms). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 两: 2, 兩: 2, 俩: 2, 贰: 2, 貳: 2,
  三: 3, 叁: 3, 參: 3, 参: 3, // 參 as the traditional-to-simplified converter gives it
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};

/**
 * Units below 万. `k` (千) is common in typed chat (`8k`), so it is accepted
 * as a unit too; it only means anything after a digit.
 */
const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10, 拾: 10,
  百: 100, 佰: 100,
  千: 1000, 仟: 1000, k: 1000, K: 1000,
};

/** Section units. `w` (万) is common chat shorthand (`3w5` = 35000). */
const BIG_UNITS: Readonly<Record<string, number>> = {
  万: 1e4, 萬: 1e4, w: 1e4, W: 1e4,
  亿: 1e8, 億: 1e8,
};

/** Characters that signal "the user meant a number" (used to pick a better error message). */
export const NUMERAL_CHARS = /[0-9零〇一壹幺二两兩俩贰貳三叁參参四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億]/;

/**
 * A numeric literal kept as `mantissa / 10^scale` so that `2.85万` can be
 * computed as `285 * 10000 / 100` (exact) instead of `2.85 * 10000`.
 */
interface NumToken {
  kind: 'num';
  mantissa: number;
  scale: number;
  /** True for a single digit without decimals: only those can take an elided unit (`三万五`). */
  single: boolean;
}
type Token = NumToken | { kind: 'zero' } | { kind: 'small'; value: number } | { kind: 'big'; value: number };

const ARABIC = /\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    ARABIC.lastIndex = i;
    const m = ARABIC.exec(text);
    if (m) {
      const literal = m[0].replace(/,/g, '');
      const dot = literal.indexOf('.');
      const scale = dot < 0 ? 0 : literal.length - dot - 1;
      tokens.push({
        kind: 'num',
        mantissa: Number(literal.replace('.', '')),
        scale,
        single: literal.length === 1,
      });
      i += m[0].length;
      continue;
    }
    const ch = text.charAt(i);
    const digit = CHINESE_DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (digit === 0) tokens.push({ kind: 'zero' });
    else if (digit !== undefined) tokens.push({ kind: 'num', mantissa: digit, scale: 0, single: true });
    else if (small !== undefined) tokens.push({ kind: 'small', value: small });
    else if (big !== undefined) tokens.push({ kind: 'big', value: big });
    else return null;
    i += 1;
  }
  return tokens;
}

/** `n × unit` computed exactly for decimal literals. */
function times(n: NumToken, unit: number): number {
  return n.scale === 0 ? n.mantissa * unit : (n.mantissa * unit) / 10 ** n.scale;
}

/**
 * Evaluates a token stream with the usual 亿/万/千百十 section rules.
 *
 * @param allowElision whether a trailing bare digit takes the next-lower unit
 *   of the unit right before it (`三万五` → 35000). Disabled for the integer
 *   part of `…点…` decimals, where the digit really is a unit digit.
 */
function evaluate(tokens: Token[], allowElision: boolean): number | null {
  let yiPart = 0; // completed 亿 section
  let wanPart = 0; // completed 万 section inside the current 亿 section
  let section = 0; // below 万
  let pending: NumToken | null = null;
  let lastSmall = Infinity; // units inside a section must strictly decrease
  let usedWan = false;
  let usedYi = false;
  let prev: Token | null = null;
  let beforePending: Token | null = null;

  for (const tok of tokens) {
    switch (tok.kind) {
      case 'num':
        if (pending) return null; // two numbers in a row, e.g. 两三万 (a range)
        pending = tok;
        beforePending = prev;
        break;
      case 'zero':
        // 零 is only a placeholder after a unit: 一万零五百, 一千零五
        if (pending || prev === null || prev.kind === 'num') return null;
        break;
      case 'small': {
        let value: number;
        if (pending) value = times(pending, tok.value);
        else if (tok.value === 10) value = 10; // 十五, 二十万: a bare 十 means 一十
        else return null; // a bare 百/千 is not a number
        if (tok.value >= lastSmall) return null; // 一百一千
        section += value;
        lastSmall = tok.value;
        pending = null;
        break;
      }
      case 'big': {
        if (tok.value === 1e4) {
          if (usedWan) return null;
          // Keep `2.85万` exact by multiplying the literal rather than a float sum.
          const part = section === 0 && pending ? times(pending, 1e4) : (section + (pending ? times(pending, 1) : 0)) * 1e4;
          if (part === 0) return null;
          wanPart = part;
          usedWan = true;
        } else {
          if (usedYi) return null;
          const below = wanPart + section;
          const part = below === 0 && pending ? times(pending, 1e8) : (below + (pending ? times(pending, 1) : 0)) * 1e8;
          if (part === 0) return null;
          yiPart = part;
          usedYi = true;
          usedWan = false;
          wanPart = 0;
        }
        section = 0;
        lastSmall = Infinity;
        pending = null;
        break;
      }
    }
    prev = tok;
  }

  let tail = 0;
  if (pending) {
    const unitBefore = beforePending && (beforePending.kind === 'small' || beforePending.kind === 'big') ? beforePending.value : 0;
    if (allowElision && pending.single && unitBefore >= 100) tail = times(pending, unitBefore / 10);
    else tail = times(pending, 1);
  } else if (prev?.kind === 'zero') {
    return null; // trailing 零: 一百零
  }
  const total = yiPart + wanPart + section + tail;
  return Number.isFinite(total) ? total : null;
}

function parseUnsigned(text: string, allowElision: boolean): number | null {
  if (text === '') return null;

  // All Chinese digits and no units: read positionally (二〇二五 → 2025, 一二三 → 123),
  // except two non-zero digits, which in speech are a range (两三个, 三五万), not 23 or 35.
  const chars = [...text];
  if (chars.every((c) => CHINESE_DIGITS[c] !== undefined)) {
    const digits = chars.map((c) => CHINESE_DIGITS[c] ?? 0);
    if (digits.length === 2 && !digits.includes(0)) return null;
    return Number(digits.join(''));
  }

  // Chinese decimal point: 三点五万, 二点八五万, 十二点五.
  const point = text.indexOf('点');
  if (point >= 0) {
    const intPart = parseUnsigned(text.slice(0, point), false);
    const rest = /^([0-9零〇一二两三四五六七八九]+)([十百千万亿kKwW]{0,2})$/.exec(text.slice(point + 1));
    if (intPart === null || !rest) return null;
    const fracDigits = [...(rest[1] ?? '')].map((c) => (/\d/.test(c) ? c : String(CHINESE_DIGITS[c]))).join('');
    let multiplier = 1;
    for (const u of rest[2] ?? '') multiplier *= SMALL_UNITS[u] ?? BIG_UNITS[u] ?? 1;
    // Integer part then fraction, each exact before the final multiplication.
    const value = (intPart * 10 ** fracDigits.length + Number(fracDigits)) * multiplier / 10 ** fracDigits.length;
    return Number.isFinite(value) ? value : null;
  }

  const tokens = tokenize(text);
  return tokens && tokens.length > 0 ? evaluate(tokens, allowElision) : null;
}

/**
 * Parses a number written the way people type it in Chinese chat.
 *
 * Handles Arabic digits (`28,500`, `3.5`, full-width `３５`), Chinese and
 * financial numerals (`两万八千五百`, `贰万捌仟伍佰`), mixes (`3万5千`,
 * `2.85万`, `3w5`, `8k`), placeholder zeros (`一万零五百` = 10500) and, unlike
 * off-the-shelf converters, the colloquial elided trailing unit:
 * `三万五` = 35000, `两千八` = 2800, `一百二` = 120 (a lone digit right
 * after 百/千/万/亿 takes the next-lower unit; after 零 it does not:
 * `一千零五` = 1005).
 *
 * Ranges and vague quantities (`两三万`, `两三`, `二十多`) return null: deciding what
 * they mean is the caller's business. A leading `-`/`负` gives a negative
 * number so that callers can report it specifically.
 *
 * @returns the value, or null if the whole text is not one number
 */
export function parseChineseNumber(text: string): number | null {
  if (typeof text !== 'string' || text.length > MAX_INPUT_LENGTH) return null;
  let s = removeSpaces(normalizeText(text));
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('负')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  const value = parseUnsigned(s, true);
  if (value === null) return null;
  // Clean float noise from decimal arithmetic (e.g. 0.1 + 0.2) without touching real precision.
  const cleaned = Number.isInteger(value) ? value : Math.round(value * 1e6) / 1e6;
  return sign * cleaned + 0; // `+ 0` turns -0 into 0
}
