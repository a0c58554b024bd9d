import { charLength, hasEmoji, isEmojiOnly, prepareInput } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';

export const PERSON_NAME_MAX = 20;
export const ORG_NAME_MAX = 60;

const NAME_EXAMPLE = '“张三”或“买买提·艾力”';

export const NAME_MESSAGES = {
  empty: `您还没有输入姓名，请输入您的真实姓名，例如${NAME_EXAMPLE}。`,
  notAName: `请输入您的姓名，例如${NAME_EXAMPLE}。`,
  digits: `姓名里不能有数字，请输入您的真实姓名，例如${NAME_EXAMPLE}。`,
  markup: `请只写您的姓名，不要带符号，例如${NAME_EXAMPLE}。`,
  emoji: `姓名里不能有表情符号，请输入您的真实姓名，例如${NAME_EXAMPLE}。`,
  symbols: `姓名只能包含汉字、字母和间隔号“·”，请重新输入，例如${NAME_EXAMPLE}。`,
  dot: `间隔号“·”只能用在名字中间，请重新输入，例如“买买提·艾力”。`,
  tooShort: `姓名至少要2个字，请输入完整的姓名，例如${NAME_EXAMPLE}。`,
  tooLong: `姓名最多${PERSON_NAME_MAX}个字，请输入您身份证上的姓名，例如${NAME_EXAMPLE}。`,
} as const;

const ORG_EXAMPLE = "“青溪宏达建筑工程有限公司”";

export const ORG_MESSAGES = {
  empty: `您还没有输入单位名称，请输入拖欠工资的单位全称，例如${ORG_EXAMPLE}。`,
  digitsOnly: `请输入单位名称，不是数字，例如${ORG_EXAMPLE}。`,
  notAName: `请输入单位名称，例如${ORG_EXAMPLE}。`,
  emojiOnly: `请输入单位名称，不要只发表情，例如${ORG_EXAMPLE}。`,
  emoji: `单位名称里不能有表情符号，请重新输入，例如${ORG_EXAMPLE}。`,
  symbols: `单位名称只能包含汉字、字母、数字和（）·-&这些符号，请重新输入，例如${ORG_EXAMPLE}。`,
  tooShort: `单位名称太短了，请输入完整的单位名称，例如${ORG_EXAMPLE}。`,
  tooLong: `单位名称最多${ORG_NAME_MAX}个字，请输入营业执照上的名称，例如${ORG_EXAMPLE}。`,
} as const;

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
/** Look-alikes of the interpunct used in transliterated names (・ • ‧ ∙ ⋅ and the Greek ano teleia). */
const DOT_VARIANTS = /[\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65\u16EB\u00B7]/g;
/** Words before the name that only frame it (`我叫…`, `姓名：…`, `是王芳`, `叫刘梅`); no surname is 是 or 叫. */
const NAME_PREFIX = /^(?:我叫|我是|我系|俺叫|俺是|本人叫|姓名(?:是|:)?|名字(?:是|叫|:)?|(?:就是|是|名叫|叫)(?=[\p{Script=Han}·]{2}))/u;

/**
 * Parses a person's name: 2–20 characters of Chinese, Latin letters with
 * single spaces, or names joined with `·` (ethnic-minority and foreign names
 * such as 买买提·艾力).
 *
 * Spaces next to Chinese characters are dropped (`张 三` → 张三) and interpunct
 * look-alikes, including a `.` between Chinese characters, become `·`, since
 * phone keyboards rarely offer the real one.
 */
export function parsePersonName(text: string): Parsed<string> {
  const prepared = prepareInput(text, NAME_MESSAGES.empty, '“张三”');
  if (!prepared.ok) return prepared;

  let s = prepared.value.replace(NAME_PREFIX, '').trim();
  s = s
    .replace(DOT_VARIANTS, '·')
    .replace(/(\p{Script=Han})\s*\.\s*(?=\p{Script=Han})/gu, '$1·')
    .replace(/\s+/g, ' ')
    .replace(/\s*·\s*/g, '·')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
  if (s === '') return fail(NAME_MESSAGES.empty);

  // `<script>alert(1)</script>`, `'; DROP TABLE`: code or markup, not a name with a digit in it.
  if (/[<>{}[\]=;'"`\\$]|\/\//u.test(s)) return fail(NAME_MESSAGES.markup);
  if (/\d/.test(s)) return fail(NAME_MESSAGES.digits);
  // No surname is 我 or 俺: a sentence about oneself, not a name (`我不想说`).
  if (/^[我俺咱]/u.test(s)) return fail(NAME_MESSAGES.notAName);
  if (hasEmoji(s)) return fail(NAME_MESSAGES.emoji);
  if (!HAN.test(s) && !LATIN.test(s)) return fail(NAME_MESSAGES.notAName);
  for (const ch of s) {
    if (!(HAN.test(ch) || LATIN.test(ch) || ch === '·' || ch === ' ')) return fail(NAME_MESSAGES.symbols);
  }
  if (/^·|·$|··/.test(s)) return fail(NAME_MESSAGES.dot);
  const length = charLength(s);
  if (length < 2) return fail(NAME_MESSAGES.tooShort);
  if (length > PERSON_NAME_MAX) return fail(NAME_MESSAGES.tooLong);
  return ok(s);
}

/** Characters allowed in an employer name besides letters and digits. */
const ORG_SYMBOLS = new Set(['（', '）', '·', '-', '&', ' ', '.']);

/**
 * Parses an employer's name: 2–60 characters of Chinese, Latin letters,
 * digits, spaces and `（）·-&.`, with at least one letter.
 *
 * Brackets are normalised to the full-width `（）` used on Chinese business
 * licences, so that `某公司(深圳)` and `某公司（深圳）` compare equal.
 */
export function parseOrgName(text: string): Parsed<string> {
  const prepared = prepareInput(text, ORG_MESSAGES.empty, '“某某建筑工程有限公司”');
  if (!prepared.ok) return prepared;

  const s = prepared.value.replace(/\s+/g, ' ').replace(/\(/g, '（').replace(/\)/g, '）').replace(DOT_VARIANTS, '·');
  if (isEmojiOnly(s)) return fail(ORG_MESSAGES.emojiOnly);
  if (hasEmoji(s)) return fail(ORG_MESSAGES.emoji);
  for (const ch of s) {
    if (!(HAN.test(ch) || LATIN.test(ch) || /\d/.test(ch) || ORG_SYMBOLS.has(ch))) return fail(ORG_MESSAGES.symbols);
  }
  if (!HAN.test(s) && !LATIN.test(s)) return fail(/\d/.test(s) ? ORG_MESSAGES.digitsOnly : ORG_MESSAGES.notAName);
  const length = charLength(s);
  if (length < 2) return fail(ORG_MESSAGES.tooShort);
  if (length > ORG_NAME_MAX) return fail(ORG_MESSAGES.tooLong);
  return ok(s);
}
