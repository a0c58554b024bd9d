/**
 * Pure parsers for free-text Chinese answers typed in the chat.
 *
 * Every `parse*` function returns a {@link Parsed} value and never throws;
 * on failure `error` is a ready-to-send Simplified-Chinese re-prompt.
 */
export { fail, ok, type Parsed } from './result.js';
export {
  MAX_INPUT_LENGTH,
  charLength,
  normalizeText,
  prepareInput,
  stripSurrounding,
  toHalfWidth,
} from './normalize.js';
export { parseChineseNumber } from './chinese-number.js';
export { AMOUNT_MESSAGES, MAX_AMOUNT_YUAN, parseAmount, readAmount, withinRough, type Amount, type AmountProblem, type AmountReading } from './amount.js';
export { MAX_PERIOD_YEARS, PERIOD_MESSAGES, monthsRangeSaid, parsePeriod, type WagePeriod } from './period.js';
export {
  MONTH_MESSAGES,
  chinaDate,
  parseMonth,
  parseMonthDetailed,
  parseMonthWords,
  type CalendarDate,
  type DetailedMonth,
  type MonthWords,
} from './month.js';
export { BEFORE_DAYS, parseFestivalMonth, type FestivalMonth, type FestivalSide } from './festival.js';
export { MAX_MENTION_TEXT, findAmounts, findHeadcount, findPeriod, type Span } from './mentions.js';
export { HEADCOUNT_MESSAGES, MAX_HEADCOUNT, parseHeadcount, workplaceSize, type Headcount } from './headcount.js';
export { MOBILE_MESSAGES, parseMobile } from './mobile.js';
export { ID_MESSAGES, idCheckCharacter, parseIdNumber, type IdKind, type IdNumber } from './id-number.js';
export { NAME_MESSAGES, ORG_MESSAGES, ORG_NAME_MAX, PERSON_NAME_MAX, parseOrgName, parsePersonName } from './name.js';
