import { NUMERAL_CHARS, parseChineseNumber } from './chinese-number.js';
import { prepareInput, removeSpaces, stripAffixes } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';

/** Largest amount we accept (yuan). Anything above is almost certainly a typo for a wage claim. */
export const MAX_AMOUNT_YUAN = 10_000_000;

const EXAMPLE = '“28500”或“两万八千五”';
const ASK = `请输入拖欠的工资总数，例如${EXAMPLE}。`;

export const AMOUNT_MESSAGES = {
  empty: `您还没有输入金额，${ASK}`,
  notNumber: `您输入的不是数字，${ASK}`,
  unparseable: `这个金额没看明白，请只写一个确切的数字（不要写范围），例如${EXAMPLE}。`,
  negative: `金额不能是负数，${ASK}`,
  zero: `金额不能是0，${ASK}`,
  tooLarge: `金额超过了1000万元，请核对后重新输入拖欠的工资总数，例如${EXAMPLE}。`,
} as const;

/** Hedges and framing words people put around an amount: 大概两万, 一共欠了三万五. */
const PREFIXES = /^(?:大概|大约|约为|约|差不多|将近|接近|估计|大致|一共|总共|共计|合计|总计|共|拖欠了?|欠了?|我|有|是|为)/;
/** Currency symbols and codes before the number: ¥28,500, RMB 3000. */
const CURRENCY_PREFIX = /^(?:¥|人民币|RMB|CNY)/i;
/** Currency words and hedges after the number: 28500元, 两万块钱, 3万左右, 两万多. */
const SUFFIXES = /(?:左右|上下|多|余|元整|元钱|块钱|元|块|圆|人民币|RMB|CNY|钱)$/i;

/**
 * Parses the total amount of unpaid wages, in yuan, rounded to 2 decimals.
 *
 * Accepts everything {@link parseChineseNumber} does plus currency marks
 * (`¥`, `元`, `块`, `万元`) and hedges (`大概`, `约`, `左右`, `多`). Hedges are
 * dropped rather than rejected: the user is estimating and the stated figure
 * is the best information we will get; a trailing `多` keeps the lower bound.
 * Ranges (`两三万`) are refused because picking a number for the user would
 * put words in their mouth on an official claim.
 */
export function parseAmount(text: string): Parsed<number> {
  const prepared = prepareInput(text, AMOUNT_MESSAGES.empty, '“28500”');
  if (!prepared.ok) return prepared;

  let s = removeSpaces(prepared.value);
  s = stripAffixes(s, PREFIXES, SUFFIXES);
  s = s.replace(CURRENCY_PREFIX, '');
  s = stripAffixes(s, PREFIXES, SUFFIXES);
  // Sign may come before the currency mark: -¥5
  if (/^[-负]/.test(s)) s = s.charAt(0) + s.slice(1).replace(CURRENCY_PREFIX, '');

  if (s === '') return fail(AMOUNT_MESSAGES.empty);
  const value = parseChineseNumber(s);
  if (value === null) {
    return fail(NUMERAL_CHARS.test(s) ? AMOUNT_MESSAGES.unparseable : AMOUNT_MESSAGES.notNumber);
  }
  if (value < 0) return fail(AMOUNT_MESSAGES.negative);
  const rounded = Math.round((value + Number.EPSILON) * 100) / 100;
  if (rounded === 0) return fail(AMOUNT_MESSAGES.zero);
  if (rounded > MAX_AMOUNT_YUAN) return fail(AMOUNT_MESSAGES.tooLarge);
  return ok(rounded);
}
