import { chinaDate } from './month.js';
import { prepareInput } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';
import { saidLast } from './said-last.js';

/**
 * - `resident`: Resident Identity Card of the PRC.
 * - `hk_macau_tw_permit`: residence permit for Hong Kong / Macau / Taiwan residents (prefix 81/82/83).
 * - `foreign_permanent`: 2023-format Foreign Permanent Resident ID Card (first digit 9).
 */
export type IdKind = 'resident' | 'hk_macau_tw_permit' | 'foreign_permanent';

export interface IdNumber {
  /** 18 characters, check character upper-case. */
  id: string;
  kind: IdKind;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** Whole years at `today` (China time). */
  age: number;
}

const EXAMPLE = '“11010519491231002X”';

export const ID_MESSAGES = {
  empty: `您还没有输入身份证号，请输入18位身份证号码，例如${EXAMPLE}。`,
  letters: '身份证号中不能有字母（只有最后一位可能是X），请核对后重新输入。',
  symbols: '身份证号只能包含数字（最后一位可能是X），请不要输入其他符号，核对后重新输入。',
  oldNumber: '这是15位的旧身份证号，请输入18位的新身份证号码（现在使用的身份证上印的就是18位号码）。',
  tooShort: (length: number) => `您输入了${length}位，身份证号应该是18位，好像少输了${18 - length}位，请核对后重新输入。`,
  tooLong: (length: number) => `您输入了${length}位，身份证号应该是18位，好像多输了${length - 18}位，请核对后重新输入。`,
  birthDateInvalid: '身份证号中的出生日期（第7到14位）不是有效的日期，请核对后重新输入。',
  birthDateFuture: '身份证号中的出生日期晚于今天，请核对后重新输入。',
  birthDateTooOld: '身份证号中的出生日期早于1900年，请核对后重新输入。',
  checkDigit: '身份证号最后一位校验码不对，请核对每一位数字后重新输入。',
  notAtHand: '没关系，不用着急。等拿到身份证，把上面的18位号码发给我就行，前面填的内容会先帮您保存着。',
  several: (count: number) => `您发了${count === 2 ? '两' : count}个身份证号，请只回复您本人的那一个。`,
  denied: '好的，那请输入正确的18位身份证号码。',
} as const;

/** Words people type before the number: `我的是…`, `身份证号：…`, `号码是…`. */
const LABEL = /^(?:(?:我|俺|本人)?(?:的)?(?:身份证号码|身份证号|身份证|证件号码|证件号|号码)?(?:是|为|:)?|就是)\s*(?=\d)/u;
/** An ID number inside other words, grouped or not (`110105 19491231 002X`). */
const ID_SPAN = /(?<![\dA-Za-z])\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx](?![\dA-Za-z])/g;
/** The card is not at hand or the number not known by heart (`身份证在家里没带`, `身份证丢了`): no digits typed. */
const NOT_AT_HAND = /没带|忘带|不在身[上边]|没在身[上边]|在家里?|在老家|放家里|丢了|掉了|找不到|补办|记不住|背不下来|没记住/u;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Digits as people say or type them one by one: Chinese numerals (幺 for 1, 洞 and 〇 for 0), capital numerals, full-width. */
const SPOKEN_DIGIT: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 洞: '0', 幺: '1', 一: '1', 壹: '1', 二: '2', 两: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4',
  五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9',
};
const SPOKEN_CHARS = Object.keys(SPOKEN_DIGIT).join('');
/**
 * A run as long as an ID number (15 characters or more) of digits, Chinese digits and the spaces
 * or dashes people type between groups, or the commas voice input puts there (`450302，19880305，1231`),
 * its last character may be X (or 叉, as X is read out).
 */
const DIGIT_RUN = new RegExp(`[0-9０-９${SPOKEN_CHARS}](?:[0-9０-９${SPOKEN_CHARS}\\s\u3000\\-,，、]){13,}[0-9０-９${SPOKEN_CHARS}XxＸｘ叉]`, 'gu');
/** What is typed or dictated between the groups of a run: no digit of it. */
const GROUP_GAPS = /[\s\u3000\-,，、]/gu;

/** What only an ID number typed or read out digit by digit has: numerals, full-width digits, 叉 for X. */
const READ_OUT = new RegExp(`[０-９${SPOKEN_CHARS}ｘＸ叉]`, 'u');

/**
 * An ID number read out or typed digit by digit (`四五零一零三一九九零…X`, `４５０１…`, `4 5 0 1 …`):
 * in Arabic digits without the spaces between them; any other text unchanged. `spoken` says whether
 * Chinese numerals were read as digits (a reading, for the caller to show back before it counts).
 * Numbers of other lengths (a phone, an amount) are no run this long and stay as they are.
 */
export function idDigits(text: string): { text: string; spoken: boolean } {
  let spoken = false;
  const out = text.replace(DIGIT_RUN, (run) => {
    // Arabic digits in groups (`450103 19900607 123X`, or two numbers) are read as typed, by the parser; grouped
    // otherwise (`110101 1990 0307 1233`, then more words), one whole number: its digits (a number with its check
    // character right, so never a phone and another number that happen to add up to 18 digits).
    if (!READ_OUT.test(run) && !/^(?:\d[\s\u3000]+){14,}/u.test(run)) {
      const whole = run.replace(GROUP_GAPS, '').toUpperCase();
      return /^\d{17}[\dX]$/u.test(whole) && idCheckCharacter(whole) === whole.charAt(17) ? whole : run;
    }
    const digits = [...run.replace(GROUP_GAPS, '')]
      .map((c) => {
        if (c in SPOKEN_DIGIT) {
          spoken = true;
          return SPOKEN_DIGIT[c]!;
        }
        if (c === '叉') return 'X';
        const code = c.codePointAt(0)!;
        return code >= 0xff10 && code <= 0xff19 ? String(code - 0xff10) : /[ｘＸ]/u.test(c) ? 'X' : c;
      })
      .join('');
    return digits;
  });
  return { text: out, spoken };
}

/**
 * Parses an 18-character mainland ID number (also the HK/Macau/Taiwan
 * residence permit and the new foreign permanent-residence card, which use
 * the same layout and check digit).
 *
 * Birth date is checked before the check digit: a typo there usually breaks
 * both, and "the birth date is wrong" points the user to the right digits.
 * Under-age users are not refused here; the caller decides with `age`.
 */
export function parseIdNumber(text: string, today: Date): Parsed<IdNumber> {
  const prepared = prepareInput(typeof text === 'string' ? idDigits(text).text : text, ID_MESSAGES.empty, EXAMPLE);
  if (!prepared.ok) return prepared;
  const s = prepared.value.replace(LABEL, '');
  // The card not at hand: a kind word, not a format error.
  if (!/\d/.test(s) && NOT_AT_HAND.test(s)) return fail(ID_MESSAGES.notAtHand);
  // Two numbers in one answer (`450… 不对 是450…`): the one corrected to; two with no correction, which one is asked.
  const spans = [...s.matchAll(ID_SPAN)].map((m) => ({ index: m.index, length: m[0].length, value: m[0].replace(/[\s-]/g, '').toUpperCase() }));
  if (spans.length >= 2 && s.replace(/[^\dXx]/g, '').length === spans.reduce((n, sp) => n + sp.value.length, 0)) {
    const pick = saidLast(s, spans);
    if (pick.kind === 'several') return fail(ID_MESSAGES.several(pick.values.length));
    if (pick.kind === 'none') return fail(ID_MESSAGES.denied);
    return parseIdNumber(pick.value, today);
  }
  // People copy IDs grouped as "110105 19491231 002X"; a dash is the same habit, and so are voice input's commas.
  const id = s.replace(GROUP_GAPS, '').toUpperCase();
  if (id === '') return fail(ID_MESSAGES.empty);

  // Letters other than a final X get their own message: they are the usual typo (O for 0, I for 1).
  if (/[A-WYZ]/.test(id) || id.slice(0, -1).includes('X')) return fail(ID_MESSAGES.letters);
  if (!/^[0-9X]+$/.test(id)) return fail(ID_MESSAGES.symbols);
  if (id.length === 15) return fail(ID_MESSAGES.oldNumber);
  if (id.length < 18) return fail(ID_MESSAGES.tooShort(id.length));
  if (id.length > 18) return fail(ID_MESSAGES.tooLong(id.length));

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealDate(year, month, day)) return fail(ID_MESSAGES.birthDateInvalid);
  if (year < 1900) return fail(ID_MESSAGES.birthDateTooOld);
  const now = chinaDate(today);
  const bornAfterToday = year * 10000 + month * 100 + day > now.year * 10000 + now.month * 100 + now.day;
  if (bornAfterToday) return fail(ID_MESSAGES.birthDateFuture);

  if (idCheckCharacter(id) !== id.charAt(17)) return fail(ID_MESSAGES.checkDigit);

  const prefix = id.slice(0, 2);
  const kind: IdKind =
    prefix === '81' || prefix === '82' || prefix === '83' ? 'hk_macau_tw_permit' : id.startsWith('9') ? 'foreign_permanent' : 'resident';
  const hadBirthday = now.month > month || (now.month === month && now.day >= day);
  const age = now.year - year - (hadBirthday ? 0 : 1);
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return ok({ id, kind, birthDate, age });
}
