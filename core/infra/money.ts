/** One formatter (`toLocaleString` with options builds a new one on every call, most of a notice's cost). */
const YUAN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** `28500` → `28,500元`; fractions of a yuan to two places (the one way money is shown). */
export function yuan(n: number): string {
  return `${YUAN.format(n)}元`;
}

const CN_NUM: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Financial and traditional forms, one character for one (so what follows is sliced from what was typed). */
const FORMAL: Record<string, string> = {
  壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 参: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
  拾: '十', 佰: '百', 仟: '千', 萬: '万', 兩: '两',
};

/**
 * A Chinese numeral below 100,000,000 as staff type it: `六千`, `两万五千`,
 * `一万零五百`, `三千二` (3,200: the spoken short form, a digit after the
 * last unit is one unit down), `两万五` (25,000); null for anything else.
 */
function chineseAmount(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 1;
  let zeroSeen = false;
  for (const ch of s) {
    if (ch in CN_NUM) {
      if (digit !== null) return null;
      digit = CN_NUM[ch]!;
      if (digit === 0) {
        zeroSeen = true;
        digit = null;
      }
    } else if (ch in CN_UNIT) {
      const u = CN_UNIT[ch]!;
      section += (digit ?? (u === 10 && section === 0 ? 1 : NaN)) * u;
      if (Number.isNaN(section)) return null;
      digit = null;
      lastUnit = u;
      zeroSeen = false;
    } else if (ch === '万') {
      if (total) return null;
      total = (section + (digit ?? 0)) * 10_000;
      if (!total) return null;
      section = 0;
      digit = null;
      lastUnit = 10_000;
      zeroSeen = false;
    } else {
      return null;
    }
  }
  // A digit after a unit with no 零 between: one unit down (三千二 = 3,200, 两万五 = 25,000).
  const tail = digit === null ? 0 : zeroSeen || lastUnit === 1 ? digit : digit * (lastUnit / 10);
  const n = total + section + tail;
  return n > 0 ? n : null;
}

/**
 * The currency words after a figure (`元`, `块钱`; `元整`, `六千整` as on a receipt: exactly that much; `元钱`), as the
 * chat's amount reader takes them (flows/parsers/amount.ts). `整` only as a word of its own (`整个`, `整天` are not it).
 */
const WHOLE = '整(?![个体天月年理改齐])';
const CURRENCY = `(?:元钱|(?:元|块钱?|圆)(?:${WHOLE})?|${WHOLE})`;
const MIXED = new RegExp(`^(\\d[\\d零〇一二两三四五六七八九十百千万]*[百千万][\\d零〇一二两三四五六七八九十百千万]*)\\s*(?:${CURRENCY})?`);
const FIGURES = new RegExp(`^(\\d{1,3}(?:[,，]\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(?:(万|千|k|K|w|W)(\\d)?(?![\\d万千A-Za-z]))?\\s*(?:${CURRENCY})?`);
const POINTED = new RegExp(`^([一二两三四五六七八九十]+)点([零〇一二三四五六七八九]+)(万|千)\\s*(?:${CURRENCY})?`, 'u');
const NUMERALS = new RegExp(`^([零〇一幺二两三四五六七八九十百千万]+)\\s*(?:${CURRENCY})?`);

/**
 * An amount as typed at its start: `28500`, `28,500`, `2.85万`, `2.85w`, `28k`, `28500元`, `28500元整`,
 * `6千`, `6千5`, `六千`, `六千元整`, `两万五千`; the rest of the text after it.
 */
export function leadingAmount(typed: string): { n: number; rest: string } | null {
  // Full-width figures (`２８５００`, `２．８５万`, `２８，５００`, `２８ｋ`) as typed on a Chinese keyboard: one code unit for one, so `rest` is
  // sliced from what was typed.
  const text = typed
    .replace(/[\uFF10-\uFF19\uFF0C\uFF0E\uFF2B\uFF4B\uFF37\uFF57]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    // Financial and traditional numerals (`贰万捌仟伍佰`, `兩萬`), as the chat's reader takes them (flows/parsers/chinese-number.ts).
    // Only in the figure at the start: the words after it stay as typed.
    .replace(/^[\s\d.,零〇一幺二两三四五六七八九十百千万点壹贰貳叁參参肆伍陆陸柒捌玖拾佰仟萬兩]+/u, (run) => run.replace(/[壹贰貳叁參参肆伍陆陸柒捌玖拾佰仟萬兩]/gu, (ch) => FORMAL[ch]!));
  // `2万8千5`, `1万2千`: digits and units mixed past what the figures below read.
  const mixed = text.match(MIXED);
  // `2万八` as the chat reads it (28,000, as `2万8`): a numeral after the unit is that figure's next digit.
  if (mixed && /[百千万][\d零〇一二两三四五六七八九]|[万千百].*[百千]/.test(mixed[1]!)) {
    // Each figure one digit (`2万8千5`): read as the numerals it stands for (二万八千五); `12万5` is left to the forms below.
    const n = /\d{2,}/.test(mixed[1]!) ? null : chineseAmount(mixed[1]!.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!));
    if (n !== null && Number.isInteger(n)) return { n, rest: text.slice(mixed[0].length) };
  }
  const m = text.match(FIGURES);
  if (m) {
    // `2.85w`: w for 万, as typed in chats.
    const unit = m[3] === '万' || m[3] === 'w' || m[3] === 'W' ? 10_000 : m[3] ? 1000 : 1;
    // `28.500` with no 万 or 千: a point between thousands (28,500) or a decimal (28.5元)? Not guessed: read as no amount.
    if (unit === 1 && m[2]?.length === 3) return null;
    let n = Number(`${m[1]!.replace(/[,，]/g, '')}${m[2] ? `.${m[2]}` : ''}`);
    // `6千5`: 6,500; `2万5`: 25,000 (a digit after the unit is one unit down), only after a whole number.
    if (m[4] && (m[2] || unit === 1)) return null;
    n = n * unit + (m[4] ? Number(m[4]) * (unit / 10) : 0);
    return { n: Math.round(n * 100) / 100, rest: text.slice(m[0].length) };
  }
  // `一点五万`, `二点八五万`: a decimal said in words, with its unit (the chat reads these too).
  const pointed = text.match(POINTED);
  if (pointed) {
    const whole = chineseAmount(pointed[1]!);
    const frac = [...pointed[2]!].map((ch) => CN_NUM[ch]!).join('');
    const n = whole === null ? null : Math.round(Number(`${whole}.${frac}`) * (pointed[3] === '万' ? 10_000 : 1000) * 100) / 100;
    return n === null || !Number.isFinite(n) ? null : { n, rest: text.slice(pointed[0].length) };
  }
  const cn = text.match(NUMERALS);
  if (!cn) return null;
  const n = chineseAmount(cn[1]!);
  return n === null ? null : { n, rest: text.slice(cn[0].length) };
}
