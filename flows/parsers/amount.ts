import { CHINESE_DIGITS, NUMERAL_CHARS, parseChineseNumber } from './chinese-number.js';
import { normalizeText, prepareInput, removeSpaces } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';

/** Largest amount we accept (yuan). Anything above is almost certainly a typo for a wage claim. */
export const MAX_AMOUNT_YUAN = 10_000_000;

/**
 * An amount of money as the person stated it.
 *
 * - `yuan`: the figure said, or the lower end of a range (rounded to 2 decimals);
 * - `approx`: they hedged (`大概`, `左右`, `多`, `来`, `出头`, `小两万`) or gave a range;
 * - `upTo`: the upper end of a range (`两三万` → 20000 up to 30000), else null.
 */
export interface Amount {
  yuan: number;
  approx: boolean;
  upTo: number | null;
}

const EXAMPLE = '“28500”或“两万八千五”';
const ASK = `请输入拖欠的工资总数，例如${EXAMPLE}。`;

export const AMOUNT_MESSAGES = {
  empty: `您还没有输入金额，${ASK}`,
  notNumber: `您输入的不是数字，${ASK}`,
  unparseable: '这个金额没看明白，请写一个数字或大概的范围，例如“28500”“两万八千五”或“两三万”。',
  negative: `金额不能是负数，${ASK}`,
  zero: `金额不能是0，${ASK}`,
  tooLarge: `金额超过了1000万元，请核对后重新输入拖欠的工资总数，例如${EXAMPLE}。`,
  vague: '“几千”“几万”这样的说法没法记下来，请说一个大概的数字，例如“两万左右”或“两三万”。',
  badRange: '范围后面的数要比前面的大，请重新输入，例如“两三万”或“2万到3万”。',
  notMoney: `这看起来不是钱数（像是人数、时长、日期或号码），${ASK}`,
  rate: `这看起来是每月或每天的工钱，请输入一共被拖欠的工资总数，例如${EXAMPLE}。`,
  tooSmall: '这个数太小了，不像被拖欠的工资（是不是选项的序号？）。请写被拖欠的钱数，例如“8000”“一万二”；确实只有几十块，请带上“元”，例如“50元”。',
  letterO: '金额里好像有字母O，请用数字0再写一遍，例如“8000”。',
  dotted: '数字里的点没看明白，请不加点再写一遍，例如“8000”“12500”。',
  decimals: '钱数最多写到分，也就是小数点后两位，例如“4500.5”“4500.55”。请核对后再写一遍。',
  together: '这里问的是钱数。请写被拖欠的工资一共多少，例如“8000”“一万二”，大概的数也可以。',
  nothingPaid: '明白，一分钱都没拿到。那一共被拖欠了多少工钱？说个大概的数就行，例如“8000”“两万多”。',
} as const;

export type AmountProblem = keyof typeof AMOUNT_MESSAGES;

/** Framing words before an amount that change nothing: 一共欠了三万五, 还差工钱7万4. */
const FRAMING_PREFIX =
  /^(?:一共|总共|共计|合计|总计|加起来|算下来|全部|总的|共|还差|还欠|拖欠了?|欠了?|差了?(?!不多)|拖了|少给了?|没给|没发|还有|工钱|工资|薪资|薪水|的钱|钱|我自己|我个人|我这边|我的|自己|个人|我|俺|他|老板|有(?!个[0-9零一二两三四五六七八九十百千万])|是|为|就是|应该是|给我|了)/;
/** Hedges before an amount: 大概两万, 小两万, 将近两万, 有个一万三 (about 13,000). */
const HEDGE_PREFIX =
  /^(?:(?:得|少说也?|起码|至少|怎么也)?有个(?=[0-9零一二两三四五六七八九十百千万])|好像是|好像有|好像|大概有|大约有|差不多有|估计有|大概|大约|大致|约莫|约为|约|差不多|将近|接近|估计|估摸|可能|应该有|至少|起码|少说|最少|最多|顶多|不到|不止|快|近|小)/;
/** Currency marks before the number: ¥28,500, RMB 3000. */
const CURRENCY_PREFIX = /^(?:¥|人民币|RMB|CNY)/i;
/** Currency words after the number: 28500元, 两万块钱, 28500元整. */
const CURRENCY_SUFFIX = /(?:元整|元钱|块钱|块|元|圆|人民币|RMB|CNY|整|钱)$/i;
/** Hedges after the number: 3万左右, 两万多, 三万出头. */
const HEDGE_SUFFIX = /(?:左右|上下|出头(?:点儿?|一点|些)?|多点儿?|多一点|多|余|来|以上|不到|的样子|这样|那样)$/;
/** Chat particles and framing after the number: 两万八吧, 三万五了. */
const TAIL_SUFFIX = /(?:吧|啊|呀|哈|呢|哦|噢|了|的|之间|没给|没发|没结)$/;

/** A rate (monthly / daily wage), not the total owed. */
const RATE = /^(?:每个?月|一个月|月薪|月工资|每天|一天|日薪|日工资|天工资|时薪|每小时|一小时|底薪|一个工|每件|一件)|(?:\/月|\/天|\/小时|\/件|每个?月|一个月|每天|一天|一小时|每小时|一个工|每件|一件)$|(?:per|a|an|each|every)(?:month|day|hour|piece)$/i;
/** A number with a unit that is not money: 三个人, 三个月, 3号, 2025年. */
const NOT_MONEY_UNIT = /[0-9零〇一二两兩俩三四五六七八九十百千万几]\s*(?:个|人|名|位|口|月|年|号|日|天|岁|次|层|栋|楼|斤|吨|米|平方?|周|星期|礼拜|小时|钟|期|批|趟|遍|倍|%)|[0-9零一二两三四五六七八九十]点$/;
/** A date (`2025.5`, `2025-05-01`; `4500.5` is money with a decimal), a phone number or an ID number. */
const NOT_MONEY_SHAPE = /^\d{4}[-/]\d{1,2}(?:[-/]\d{1,2})?$|^(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])(?:\.\d{1,2})?$|^\d{4}\.\d{1,2}\.\d{1,2}$|^\d{9,}[0-9Xx]?$|^1\d{2}-\d{4}-\d{4}$/;
/**
 * `一块` that is no money: together (`我们一块的`, `一块干活`, `跟他们一块儿`), or not a cent
 * (`一块钱都没给`). `一块钱` said as owed (`还差一块钱`) is money, and left to the small-amount check.
 */
const NO_NUMBER_BEFORE = '(?<![0-9零〇一二两三四五六七八九十百千万萬])';
// `年底一块结`, `说过年一块给`: paid all at once, later (not 1 yuan).
const TOGETHER = '一块(?:儿|的|干|去|来|做|住|吃|玩|走|打工|上班|出来|过来|回来|进|被|结|算|发|给|付|都(?!没|不|莫|冇|未))';
const NOT_A_CENT = '一(?:块|分|毛)钱?(?:都|也)(?:没|不|莫|冇|未)';
export const YIKUAI_TOGETHER = new RegExp(`${NO_NUMBER_BEFORE}${TOGETHER}`, 'u');
export const YIKUAI_NOT_A_CENT = new RegExp(`${NO_NUMBER_BEFORE}${NOT_A_CENT}`, 'u');
const NO_MONEY_AT = [new RegExp(`${NO_NUMBER_BEFORE}${TOGETHER}`, 'uy'), new RegExp(`${NO_NUMBER_BEFORE}${NOT_A_CENT}`, 'uy')];

/** Whether the words at `at` of `text` are such a `一块` (for the sentence finder, mentions.ts). */
export function noMoneyAt(text: string, at: number): boolean {
  return NO_MONEY_AT.some((re) => {
    re.lastIndex = at;
    return re.test(text);
  });
}

/** A figure with dots grouping thousands (`8.000`, `12.500`, `1.200.000`): yuan never has three decimals. */
export const DOTTED_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
/** A yuan figure with more than two decimals (`4500.555`), not one in 万 or 千 (`1.255万`). */
const TOO_MANY_DECIMALS = /\d\.\d{3,}(?![0-9]*[十百千万萬亿kKwW])/u;

/**
 * A figure typed with more than two decimals and no unit (`4500.555`): as an answer to the amount question a slip
 * (yuan goes down to fen), said so rather than rounded away. {@link parseAmount} itself rounds (`1234.567` →
 * 1234.57); with its unit (`1.005元`) the figure is read as said and rounded to fen.
 */
export function tooManyDecimals(text: string): boolean {
  const bare = removeSpaces(normalizeText(text));
  return TOO_MANY_DECIMALS.test(bare) && !DOTTED_THOUSANDS.test(bare) && !/[元块圆¥]|人民币|RMB/iu.test(bare);
}
/** The letter O typed for a zero: `8OOO`, `1O000`. */
const LETTER_O = /\d[OoＯｏ]|[OoＯｏ]\d|^[OoＯｏ]+$/;

/** Numbers with no lower bound: 几万, 好几万, 数万, 大几万, 几十万. */
const VAGUE = /几|数[十百千万]|若干|好些|一些|不少|很多|好多/;

/** What reading an amount found: the value, or which message to show. */
export type AmountReading = { ok: true; value: Amount } | { ok: false; problem: AmountProblem };

const problem = (p: AmountProblem): AmountReading => ({ ok: false, problem: p });

function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/**
 * Removes hedges inside a number, keeping the lower bound:
 * `二十多万` → `二十万`, `十几万` → `十一万`, `二十来万` → `二十万`,
 * `1万几千` → `1万一千`. Returns null when nothing changed.
 */
function dropInnerHedge(s: string): string | null {
  const some = someDigit(s);
  if (some) return some.low;
  let m = /^(.*[0-9十百千])(?:多|来|几|余)([万萬亿千kKwW])$/.exec(s);
  if (m && !/几/.test(m[1] ?? '')) return `${m[1]}${m[2]}`;
  m = /^(.*[万萬千])几[千百十]$/.exec(s);
  if (m) return m[1] ?? null;
  return null;
}

/**
 * 几 standing for the last digit of a figure, one to nine: `十几万` (110,000–190,000), `二十几万`
 * (210,000–290,000), `一万几千` (11,000–19,000), `三千几百`. The lowest and highest it may be, as
 * figures to read; null for anything else (`几万`, `几十万`: no figure at all).
 */
function someDigit(s: string): { low: string; high: string } | null {
  // `十几万`, `二十几万`, `三十几`: the units digit of a number of tens.
  let m = /^((?:[0-9一二两三四五六七八九]?)十)几([万萬千百kKwW]?)$/u.exec(s);
  // `一万几千`, `1万几千`, `三千几百`: the digit of the next unit down.
  m ??= /^([0-9零一二两三四五六七八九十百千]*[0-9一二两三四五六七八九十][万萬千])几([千百十])$/u.exec(s);
  // `20几万`, `30几w`: the same said with digits (never 200,000, the lower end alone).
  const digits = /^([1-9])0几([万萬千百kKwW]?)$/u.exec(s);
  if (!m && digits) return { low: `${digits[1]}1${digits[2]}`, high: `${digits[1]}9${digits[2]}` };
  if (!m) return null;
  const [lead, unit] = [m[1]!, m[2]!];
  // The next unit down must be below the one before it (`一万几千`, never `一千几万`).
  const order = '十百千万萬';
  if (unit !== '' && /[万萬千]$/u.test(lead) && order.indexOf(unit) >= order.indexOf(lead.slice(-1))) return null;
  return { low: `${lead}一${unit}`, high: `${lead}九${unit}` };
}

/** 万把块 (about ten thousand), 千把块. */
function readBa(s: string): number | null {
  const m = /^(一)?(万|千|百)把$/.exec(s);
  if (!m) return null;
  return m[2] === '万' ? 10_000 : m[2] === '千' ? 1000 : 100;
}

/** One side of a range or the whole amount: number with optional currency marks, hedges already handled. */
function readNumber(raw: string): { value: number; approx: boolean } | AmountProblem {
  let s = raw;
  let approx = false;
  for (;;) {
    const before = s;
    s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
    const unhedged = s.replace(HEDGE_SUFFIX, '');
    if (unhedged !== s && unhedged !== '') approx = true;
    s = unhedged;
    if (s === before) break;
  }
  if (s === '') return 'empty';
  // 上万 / 上千: "over ten thousand".
  const over = /^上(万|千)$/.exec(s);
  if (over) return { value: over[1] === '万' ? 10_000 : 1000, approx: true };
  const ba = readBa(s);
  if (ba !== null) return { value: ba, approx: true };
  const inner = dropInnerHedge(s);
  if (inner !== null) {
    s = inner;
    approx = true;
  }
  if (VAGUE.test(s)) return 'vague';
  const value = parseChineseNumber(s);
  if (value === null) return NUMERAL_CHARS.test(s) ? 'unparseable' : 'notNumber';
  return { value, approx };
}

/** Chinese digits that can start a spoken range (两三万, 三四千, 七八万, 三五万). */
const RANGE_DIGITS = '一二两三四五六七八九';
/** Units that may follow a spoken range. */
const UNIT_CHARS = /^[十百千万萬亿kKwW]*$/;

/**
 * A spoken range of two adjacent digits: `两三万` (20000–30000), `三四千`,
 * `十七八万` (170000–180000), `一万七八千` (17000–18000), `三五万`.
 * Returns null when the text is not such a range.
 */
function readSpokenRange(s: string): { low: string; high: string } | 'descending' | null {
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] ?? '';
    const b = chars[i + 1] ?? '';
    if (!RANGE_DIGITS.includes(a) || !RANGE_DIGITS.includes(b)) continue;
    const prefix = chars.slice(0, i).join('');
    const units = chars.slice(i + 2).join('');
    // Before the pair: nothing, or a number ending in a unit (十七八万, 一万七八千).
    if (prefix !== '' && !/[十百千万萬]$/.test(prefix)) return null;
    if (!UNIT_CHARS.test(units) || (prefix === '' && units === '')) return null;
    const lo = CHINESE_DIGITS[a] ?? 0;
    const hi = CHINESE_DIGITS[b] ?? 0;
    if (hi <= lo) return 'descending'; // 三二万: the upper end is not above the lower
    // 一两, 两三 … 八九, and the common 三五 (three to five).
    if (!(hi === lo + 1 || (lo === 3 && hi === 5))) return null;
    return { low: `${prefix}${a}${units}`, high: `${prefix}${b}${units}` };
  }
  return null;
}

/** The trailing units of a range's upper side, for a lower side said without them: 2到3万. */
function trailingUnits(s: string): string {
  const m = /[十百千万萬亿kKwW]+$/.exec(s.replace(CURRENCY_SUFFIX, '').replace(HEDGE_SUFFIX, ''));
  return m ? m[0] : '';
}

function checkValue(value: number): AmountProblem | null {
  if (value < 0) return 'negative';
  const rounded = round2(value);
  if (rounded === 0) return 'zero';
  if (rounded > MAX_AMOUNT_YUAN) return 'tooLarge';
  return null;
}

function readRange(lowText: string, highText: string): AmountReading | null {
  const high = readNumber(highText);
  if (typeof high === 'string') return null;
  let low = readNumber(lowText);
  if (typeof low === 'string') return null;
  // 2到3万, 十到十五万: the lower side borrows the upper side's unit when
  // it is said without one and is smaller than the upper side's leading number.
  const units = trailingUnits(highText);
  if (units !== '' && !/[十百千万萬亿kKwW元块]/.test(lowText.replace(/^[十]/, ''))) {
    const lead = readNumber(highText.replace(CURRENCY_SUFFIX, '').replace(/[十百千万萬亿kKwW]+$/, ''));
    if (typeof lead !== 'string' && low.value < lead.value) {
      const borrowed = readNumber(`${lowText}${units}`);
      if (typeof borrowed !== 'string') low = borrowed;
    }
  }
  const bad = checkValue(low.value) ?? checkValue(high.value);
  if (bad) return problem(bad);
  const lo = round2(low.value);
  const hi = round2(high.value);
  if (hi <= lo) return problem('badRange');
  return { ok: true, value: { yuan: lo, approx: true, upTo: hi } };
}

/**
 * Reads an amount from text that is only the amount plus framing
 * (normalised, without spaces). Shared by {@link parseAmount} and the
 * sentence finder (`findAmounts`).
 */
export function readAmount(text: string): AmountReading {
  let s = text;
  // `应该是八千吧`: a guess (应该 with a 吧 after it), about the figure, as `八千左右` is; `应该是八千` alone stays as said.
  let approx = /^\s*应该/u.test(text) && /吧[\s。.!！]*$/u.test(text);
  // Framing and hedges on both sides, in any order: 大概一共欠了两万多块钱吧.
  for (;;) {
    const before = s;
    s = s.replace(FRAMING_PREFIX, '').replace(CURRENCY_PREFIX, '');
    const unhedgedStart = s.replace(HEDGE_PREFIX, '');
    if (unhedgedStart !== s && unhedgedStart !== '') approx = true;
    s = unhedgedStart;
    s = s.replace(TAIL_SUFFIX, '').replace(CURRENCY_SUFFIX, '');
    const unhedgedEnd = s.replace(HEDGE_SUFFIX, '');
    if (unhedgedEnd !== s && unhedgedEnd !== '') approx = true;
    s = unhedgedEnd;
    if (s === before || s === '') break;
  }
  // `百来万`, `千把块`: a leading 百/千/万 is one of them. So is `万二`, `千五` (一万二, 一千五).
  // Never `千万` alone (also 「千万别…」, and what is left of `千 写错 是 万`, a unit corrected): no figure said.
  if (/^[千仟][万萬]$/u.test(s)) return problem('unparseable');
  if (/^[百千万萬][来把多几余]?[万萬块元]?$/u.test(s) || /^[万萬千仟][一二两三四五六七八九]$/u.test(s)) s = `一${s}`;
  // `8.000`, `12.500`: dots grouping thousands, as much of the world writes them (yuan has two decimals at most).
  // Said with a unit (`1.005元`), the dot stays a decimal point (rounded to fen).
  if (DOTTED_THOUSANDS.test(s) && !/[元块圆¥]|人民币|RMB/iu.test(text)) s = s.replace(/\./g, '');
  // Sign may come before the currency mark: -¥5
  if (/^[-负]/.test(s)) s = s.charAt(0) + s.slice(1).replace(CURRENCY_PREFIX, '');
  if (s === '') return problem('empty');
  if (RATE.test(s)) return problem('rate');
  if (NOT_MONEY_SHAPE.test(s) || NOT_MONEY_UNIT.test(s)) return problem('notMoney');

  // Ranges said with a separator: 2到3万, 2-3万, 两万至三万, 2、3万.
  // `三千多快四千`, `一万八还是一万九`: between the two as well.
  const sep = /^(.+?)(?:到|至|~|-|、|还是|或者|或|快|将近|接近)(.+)$/.exec(s);
  if (sep && !/^[-负]/.test(s)) {
    const range = readRange(sep[1] ?? '', sep[2] ?? '');
    if (range) return range;
  }
  // `十几万`, `一万几千`: 几 as a digit, the range it leaves (never the lower end alone, which misstates it).
  const some = someDigit(s.replace(HEDGE_SUFFIX, ''));
  if (some) {
    const range = readRange(some.low, some.high);
    if (range) return range;
  }
  // Spoken ranges: 两三万, 三四千.
  const spoken = readSpokenRange(s);
  if (spoken === 'descending') return problem('badRange');
  if (spoken) {
    const range = readRange(spoken.low, spoken.high);
    if (range) return range;
  }

  const single = readNumber(s);
  if (typeof single === 'string') return problem(single);
  const bad = checkValue(single.value);
  if (bad) return problem(bad);
  return { ok: true, value: { yuan: round2(single.value), approx: approx || single.approx, upTo: null } };
}

/**
 * A sum with a handwriting pad's look-alike in its unit (形近字): `三干块` (千), `五方多` (万), `8000无` (元). The text as
 * meant, or null when there is none. Only right after a figure and ending it (`三干五` too), never where the character
 * means itself; a reading to be said back and confirmed, never taken as said (a wrong sum is the worst error).
 */
export function amountShapeSlip(text: string): string | null {
  const fixed = text
    .replace(/(?<=[一二两三四五六七八九十])干(?=[块元多]|左右|[一二两三四五六七八九]?(?:$|[块元\s,，。!！]))/gu, '千')
    .replace(/(?<=[\d一二两三四五六七八九十][千]?)方(?=[块元多]|左右|[一二两三四五六七八九千]?(?:$|[块元\s,，。!！]))/gu, '万')
    .replace(/(?<=\d)无(?=$|[\s,，。!！]|左右)/gu, '元');
  return fixed !== text ? fixed : null;
}

/**
 * Parses the total amount of unpaid wages, in yuan, rounded to 2 decimals.
 *
 * Accepts everything {@link parseChineseNumber} does (`28500`, `两万八千五`,
 * `7万4`, `1万零5百`, `2.85万`, `3w5`) plus currency marks (`¥`, `元`, `块`,
 * `元整`) and framing (`一共欠了三万五`). Hedges keep the stated figure and
 * set `approx` (`大概两万`, `两万多`, `二十来万`,
 * `三万出头`, `小两万`). Ranges keep both ends (`两三万`, `2到3万`, `十几万` = 110000–190000,
 * `两万至三万块`: `{ yuan: 20000, approx: true, upTo: 30000 }`).
 *
 * Refused rather than guessed: numbers with no lower bound (`几万`,
 * `好几万`), numbers with units that are not money (`三个人`, `三个月`,
 * `3号`, `2025年`), rates (`每月5000`), ranges whose upper end is not above
 * the lower, negatives, zero and more than 10 million.
 */
export function parseAmount(text: string): Parsed<Amount> {
  const prepared = prepareInput(text, AMOUNT_MESSAGES.empty, '“28500”');
  if (!prepared.ok) return prepared;
  // `两万 具体记不清了`: the figure, said to be not exact.
  const unsure = UNSURE_AFTER.exec(prepared.value);
  const figure = unsure && unsure.index > 0 ? prepared.value.slice(0, unsure.index) : prepared.value;
  const bare = removeSpaces(figure);
  // `一块钱都没给` (not a cent), `我们一块的` (together): no amount said.
  if (YIKUAI_NOT_A_CENT.test(bare)) return fail(AMOUNT_MESSAGES.nothingPaid);
  if (YIKUAI_TOGETHER.test(bare)) return fail(AMOUNT_MESSAGES.together);
  // `8OOO`: the letter O for zeros; said so, never guessed.
  if (LETTER_O.test(bare)) return fail(AMOUNT_MESSAGES.letterO);
  // `8.000` as an answer: eight thousand most likely, but read only as a fact to confirm (mentions.ts), never taken as said.
  if (DOTTED_THOUSANDS.test(bare)) return fail(AMOUNT_MESSAGES.dotted);
  const reading = readAmount(bare);
  if (!reading.ok) return fail(AMOUNT_MESSAGES[reading.problem]);
  // A bare `1` or `30` is an option's number or a slip far more often than wages owed: taken only with its unit (`50元`).
  if (reading.value.yuan < 100 && !/[元块圆¥]|人民币|RMB|钱/i.test(figure)) return fail(AMOUNT_MESSAGES.tooSmall);
  return ok(unsure && reading.value.upTo === null ? { ...reading.value, approx: true } : reading.value);
}

/**
 * A clause after the figure saying it is not exact: `具体记不清了`, `准确的数不记得`, `说不准`; or that it may be a
 * little more or less (`6000左右吧可能多点`, `6000 可能还少一点`): about the figure either way.
 */
const UNSURE_AFTER =
  /(?:[,，。;；\s]+|(?<=[吧啊呀]))(?:(?:具体|确切|准确|精确|实际)?(?:的)?(?:多少|数目?|数字|金额)?(?:我)?(?:也|都)?(?:记不清|记不太清|记不清楚|不记得|不太记得|记不得|忘了|说不准|说不清|不确定|不太确定|不太清楚)|(?:可能|也许|或许)(?:还|会)?(?:多|少)(?:一)?(?:点儿?|些))(?:了)?(?:吧|啊|呀)?[。！!]*$/u;

const RATE_MONTH_BEFORE = /^(?:每个?月|一个月|一月(?!份)|月薪|月工资|每月)(?:的)?(?:工资|工钱)?(?:是|有|给|拿|开)?(.+)$/u;
const RATE_MONTH_AFTER = /^(.+?)(?:一个月|每个?月|一月|\/月)$/u;
const RATE_DAY_BEFORE = /^(?:每天|一天|日薪|日工资|天工资|一个工)(?:的)?(?:工资|工钱)?(?:是|有|给|拿|开)?(.+)$/u;
const RATE_DAY_AFTER = /^(.+?)(?:一天|每天|\/天|一个工)$/u;

/** A 月 or a 天: in every match of perHeadDropped's patterns. */
const MONTH_OR_DAY = /[月天]/u;

/**
 * A wage said as each one's (`一人一个月五千`, `每个月各六千`, `每人每天三百`) without the words that say so: the person
 * is one of them, so it is their own wage too (`一个月五千`, `每个月六千`).
 */
export function perHeadDropped(text: string): string {
  // Both patterns match a 月 or 天 (每个月, 一天…): a text with neither is given back as it is.
  if (!MONTH_OR_DAY.test(text)) return text;
  return text
    .replace(/(?:每人|每个人|一人|一个人)(?=每个?月|一个月|每月|每天|一天)/gu, '')
    .replace(/(每个?月|一个月|每月|每天|一天)(?:各自?|每人|一人)(?=[0-9零一二两三四五六七八九十])/gu, '$1');
}

/**
 * A wage per month or per day said alone, as a rate and nothing else: `一个月4000`, `每个月4000`,
 * `月薪4000`, `工资一个月四千`, `4000一个月`, `一天两百`. Null for anything else, a range
 * (`四五千一个月`) or a base pay (`底薪3000`, not what the month comes to). The caller decides
 * what it comes to (a monthly rate times the months known, confirmed).
 */
export function readRate(text: string): { rate: Amount; per: 'month' | 'day' } | null {
  if (typeof text !== 'string' || text.length > 60) return null;
  // `一人一个月五千`, `每个月各六千`: each one's wage, the person's own among them (what it comes to is confirmed).
  const s = perHeadDropped(removeSpaces(normalizeText(text)))
    // Spoken: commas where the voice paused (`每个月，三千`), sounds before it (`然后 就是 每个月 三千来块`).
    .replace(/[，、。]|,(?!\d{3}(?!\d))/gu, '')
    .replace(/^(?:嗯+|呃+|额+|啊+|那个|这个|然后|我的?|工资|工钱|是|就是|(?:当时|当初|原来|本来)?(?:说好|讲好|谈好|约好|定好)(?:了|的)?)+/u, '')
    .replace(/(?:吧|啊|呀|的|左右)+$/u, (m) => (m.includes('左右') ? '左右' : ''))
    // `5k per month`, `5000 a day`: the English ways of saying a rate.
    .replace(/(?:per|a|an|each|every)(month|day)$/iu, (_m, unit: string) => (unit.toLowerCase() === 'month' ? '/月' : '/天'));
  for (const [re, per] of [
    [RATE_MONTH_BEFORE, 'month'],
    [RATE_MONTH_AFTER, 'month'],
    [RATE_DAY_BEFORE, 'day'],
    [RATE_DAY_AFTER, 'day'],
  ] as const) {
    const m = re.exec(s);
    if (!m) continue;
    const reading = readAmount(m[1]!);
    if (!reading.ok || reading.value.upTo !== null) return null;
    // A bare `4000` only as money: a figure of 100 or more, or with its unit.
    if (reading.value.yuan < 100 && !/[元块]/u.test(m[1]!)) return null;
    return { rate: reading.value, per };
  }
  return null;
}

/** The months still owed said beside a month's wage (`还差一个月`, `还欠两个月没给`): how many (1). */
const MONTHS_OWED_SAID = /(?:还差|还欠|还剩|剩下?|差)(?:我)?([0-9一二两三四五六七八九十]+)个?月/u;
/** The months paid said beside a month's wage (`给了两个月的`, `发了一个月`): how many (1). */
const MONTHS_PAID_SAID = /(?:给了|发了|结了|付了|拿了|领了|给过)([0-9一二两三四五六七八九十]+)个?月/u;

/**
 * Months still owed or already paid, said with a month's wage (`一个月五千 给了两个月的 还差一个月`): the owed months
 * when said (they decide), else the paid months; `unclear` when the count cannot be read; null when neither is said.
 */
export function monthsOwedOrPaid(text: string): { owed?: number; paid?: number } | 'unclear' | null {
  const c = removeSpaces(normalizeText(text));
  const owed = MONTHS_OWED_SAID.exec(c);
  const paid = owed ? null : MONTHS_PAID_SAID.exec(c);
  const m = owed ?? paid;
  if (!m) return null;
  const n = parseChineseNumber(m[1]!);
  if (!n || n < 1) return 'unclear';
  return owed ? { owed: n } : { paid: n };
}

/** Hedges that say more than the figure (`一万多`, `三万出头`) or less (`不到两万`, `将近两万`, `小两万`). */
const ABOVE_FIGURE = /多|余|出头|以上|不止|开外/u;
const BELOW_FIGURE = /不到|不足|没到|将近|接近|快|近|以内|以下|小(?=[一二两三四五六七八九])/u;

/**
 * Whether a figure (`close`) lies where a rough one said before it points (`roughSaid` read as `rough`): `一万多` is
 * 10,000 to 20,000 (the place of its last digit: `一万二多` 12,000 to 13,000), `不到两万` 10,000 to 20,000, a range
 * its two ends, `两万左右` or `大概8000` within a fifth of the figure. A figure said exactly is no rough one (false).
 */
export function withinRough(rough: Amount, roughSaid: string, close: Amount): boolean {
  if (!rough.approx || close.upTo !== null) return false;
  const unit = 10 ** Math.floor(Math.log10(rough.yuan));
  const step = [unit, unit / 10, unit / 100, unit / 1000].find((u) => u >= 1 && rough.yuan % u === 0) ?? 1;
  const [lo, hi] =
    rough.upTo !== null
      ? [rough.yuan, rough.upTo]
      : ABOVE_FIGURE.test(roughSaid)
        ? [rough.yuan, rough.yuan + step]
        : BELOW_FIGURE.test(roughSaid)
          ? [rough.yuan - step, rough.yuan]
          : [rough.yuan * 0.8, rough.yuan * 1.2];
  return close.yuan >= lo && close.yuan <= hi;
}

/**
 * Words between figures said one after another that are no figure themselves: pauses (`…`, spaces, commas), particles
 * (`吧`), sounds (`嗯`, `呃`), recalling (`来着`, `我算算`, `我想想`), weighing (`还是`), taking back (`不对`, `哦不`,
 * `说错了`) and a bare `不是`. A dot alone is never one (`1.2w`); two or more are a pause (`六千...`).
 */
const SPOKEN_GLUE =
  /(?:[\s,，。、;；…~!！]|\.{2,}|(?:哦|噢|喔|啊|呃|额|哎|诶|唉)[\s,，、]*不(?:是|对)?|不对|(?:我|俺)?(?:说|打|写|讲|记)错了?|错了|不是|吧|啊|呀|呢|嘛|哦|噢|嗯|呃|额|那个|就是|来着|还是|(?:我|让我|我再|再)?(?:算算|想想|看看|算一下|想一下|看一下|算了一下|数数)|等等|等一下)+/gu;
/** Glue that takes back the figure before it (a bare `不是` is not one: `八千 不是 九千` may mean either). */
const GLUE_TAKEN_BACK = /不对|错了?|(?:哦|噢|喔|啊|呃|额|哎|诶|唉)不(?:是|对)?/u;
/** Glue weighing the figure before it against the one after (`七千还是七千二`). */
const GLUE_WEIGHED = /还是/u;
/** A bare `不是` between two figures (`八千 不是 九千`): which is meant cannot be told. */
const GLUE_UNCLEAR_NOT = /(?<![哦噢喔啊呃额哎诶唉])不是/u;

/** Trailing zeros of a whole figure (`28000` → 3): how round it is. */
function roundness(yuan: number): number {
  let n = 0;
  for (let x = Math.round(yuan); x > 0 && x % 10 === 0; x /= 10) n++;
  return n;
}

/** Whether `close` is said to more digits than `rough` (`28600` after `两万八左右`; `9000` after `大概8000` is not). */
export function finer(close: Amount, rough: Amount): boolean {
  return Number.isInteger(close.yuan) ? roundness(close.yuan) < roundness(rough.yuan) : true;
}

/** What the person meant among figures said one after another (SpokenFigures). */
export type SpokenFigures = { kind: 'last'; value: Amount; said: string } | { kind: 'which'; said: string[] };

/**
 * Figures said one after another, as people speak while they work a sum out, with only pauses, sounds and
 * recalling words between them (SPOKEN_GLUE): the one meant is the last said when every one before it gives way to
 * it, each by one of: being the same figure; being rough where it points (`三万多吧三万七千八`, `两万八左右 我算算
 * 两万八千六`: withinRough); being taken back (`八千 不对 八千五`); or being weighed against another and the
 * last settling which (`七千还是七千二来着 七千二吧`). A figure before the last that differs and gives way by none
 * of these (`八千 九千`, `八千 不是 九千`): which one is asked (`which`, the figures as said). Null when the words are
 * no such run (anything else between or around the figures, one figure only, all the same, the last a range).
 * The caller confirms a `last` (what was inferred is proposed, never kept unasked).
 */
export function spokenFigures(text: string): SpokenFigures | null {
  if (typeof text !== 'string' || text.length > 80) return null;
  const s = normalizeText(text).trim();
  const parts: string[] = [];
  const glue: string[] = [];
  let at = 0;
  for (const m of s.matchAll(SPOKEN_GLUE)) {
    const part = s.slice(at, m.index);
    if (part !== '') parts.push(part);
    else if (parts.length > 0) glue[parts.length - 1] = `${glue[parts.length - 1] ?? ''}${m[0]}`;
    if (part !== '') glue[parts.length - 1] = m[0];
    at = (m.index ?? 0) + m[0].length;
  }
  if (at < s.length) parts.push(s.slice(at));
  if (parts.length < 2) return null;
  const values: Amount[] = [];
  // `2025 8000`: a year, perhaps; left to the readers of the whole.
  if (parts.some((p) => /^(?:19|20)\d\d$/u.test(p))) return null;
  for (const p of parts) {
    const r = parseAmount(p);
    if (!r.ok) return null;
    values.push(r.value);
  }
  const last = values[values.length - 1]!;
  const same = (x: Amount, y: Amount) => x.yuan === y.yuan && x.approx === y.approx && x.upTo === y.upTo;
  if (last.upTo !== null || values.every((v) => same(v, last))) return null;
  const n = values.length;
  const givesWay = (i: number): boolean => {
    const v = values[i]!;
    const after = glue[i] ?? '';
    if (v.yuan === last.yuan && v.upTo === null) return true;
    if (GLUE_UNCLEAR_NOT.test(after)) return false;
    if (GLUE_TAKEN_BACK.test(after)) return true;
    // Rough, then closer (more digits said): `三万多吧三万七千八`; never `大概八千 九千`, `两万多 三万多` (either may be meant).
    if (!last.approx && finer(last, v) && withinRough(v, parts[i]!, last)) return true;
    // Said again longer (`一万 一万二左右`, `两万 两万五`): a spoken restart.
    if (/^[零一二两三四五六七八九十百千万]+$/u.test(parts[i]!) && parts[n - 1]!.startsWith(parts[i]!) && parts[n - 1]!.length > parts[i]!.length) return true;
    // Weighed against its neighbour, the last (said after both) settling on one of the two.
    if (GLUE_WEIGHED.test(after) && i + 1 < n - 1 && values[i + 1]!.yuan === last.yuan) return true;
    if (i > 0 && GLUE_WEIGHED.test(glue[i - 1] ?? '') && i < n - 1 && values[i - 1]!.yuan === last.yuan) return true;
    return false;
  };
  const shown = (p: string) => p.replace(/[吧啊呀呢嘛]+$/u, '');
  if (values.slice(0, -1).every((_, i) => givesWay(i))) return { kind: 'last', value: last, said: shown(parts[n - 1]!) };
  return { kind: 'which', said: [...new Set(parts.map(shown))] };
}
