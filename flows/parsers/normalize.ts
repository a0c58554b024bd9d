import { fail, ok, type Parsed } from './result.js';

/** Built once: a `\p{…}` pattern outside a character class inside a function is rebuilt on every call under tsx (see nlu/normalize.ts). */
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}\u{E0020}-\u{E007F}\u20E3\u200D\uFE0E\uFE0F\s])+$/u;

/** Longest answer (in characters, after trimming) any parser accepts. */
export const MAX_INPUT_LENGTH = 200;

const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63]/g;
const WAVE_DASHES = /[\u301C\u3030]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/**
 * Zero-width characters, direction marks and overrides (U+200E/F, U+202A–E, U+2066–9), the soft hyphen: invisible,
 * meaningless in Chinese text, and copied along from web pages and other apps. An override left in would make an
 * answer look different from what is stored (and fail the name checks with no visible reason).
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A character toHalfWidth changes: full-width ASCII (U+FF01–FF5E), the ideographic space, `￥`. */
const WIDE = /[\uff01-\uff5e\u3000\uffe5]/;

/**
 * Converts full-width ASCII (Ｕ+FF01–FF5E, e.g. `１２３`, `（`, `，`) and the
 * ideographic space to their half-width forms, and `￥` to `¥`.
 *
 * Done by hand rather than with NFKC so that nothing else changes
 * (NFKC would also rewrite e.g. `①` or `㈠`, which we do not want to guess at).
 */
export function toHalfWidth(text: string): string {
  // Nothing to convert: the same string back, as the loop below would build it character by character. The
  // characters it changes are all in the Basic Multilingual Plane (never one half of a surrogate pair), so this
  // test sees exactly the characters the loop's tests see.
  if (!WIDE.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code === 0xffe5) out += '\u00a5';
    else out += ch;
  }
  return out;
}

/**
 * Full normalisation applied to every input: half-width conversion, all dash
 * look-alikes (`—`, `–`, `−`) to `-`, wave dashes to `~`, exotic spaces to a
 * plain space, and invisible characters (zero-width, direction marks) removed
 * (phone keyboards and copy-paste from chat apps and web pages insert all of these).
 */
export function normalizeText(text: string): string {
  return spacedDigits(
    toHalfWidth(text)
      .replace(INVISIBLE, '')
      .replace(ODD_SPACES, ' ')
      .replace(DASHES, '-')
      .replace(WAVE_DASHES, '~'),
  );
}

/** Two lone digits with spaces between (`3 4万`), in half-width or full-width forms. */
const SPACED_DIGITS = /(?<![0-9０-９.,])([0-9０-９])([\s\u3000]+)([0-9０-９])(?![0-9０-９.,])/gu;
const HAN_DIGITS = '〇一二三四五六七八九';
/** Seven digits or more, each standing alone between spaces. */
const DIGIT_AT_A_TIME = /(?<![0-9０-９.,])[0-9０-９](?:[\s\u3000]+[0-9０-９](?![0-9０-９.,])){6,}/gu;

/**
 * `3 4万`, `7 8个人`, `4 5个月`: voice input writes the spoken 三四万 so,
 * and with the spaces dropped it read as 340,000. Two neighbouring digits
 * become the spoken range (`三四万`), any other pair a listed range (`3、5万`,
 * which the parsers read as 3 to 5). `filler` stands in for each character
 * dropped, to keep offsets into the original text (parsers/mentions.ts).
 */
export function spacedDigits(text: string, filler = ''): string {
  if (monthRun(text)) return text;
  // `1 5 9 7 7 8 8 6 6 1 2`: a number typed one digit at a time (seven digits or more: a phone, an ID), never ranges.
  const joined = text.replace(DIGIT_AT_A_TIME, (run) => run.replace(/[\s\u3000]/gu, filler));
  return joined.replace(SPACED_DIGITS, (_, a: string, gap: string, b: string) => {
    const x = Number(toHalfWidth(a));
    const y = Number(toHalfWidth(b));
    return y === x + 1 ? `${HAN_DIGITS[x]}${filler.repeat(gap.length)}${HAN_DIGITS[y]}` : `${a}、${filler.repeat(gap.length - 1)}${b}`;
  });
}

/** `8 9 10` alone: three to six months in a row, listed (never read as 八九 and 10). */
function monthRun(text: string): boolean {
  const m = /^[\s\u3000]*(\d{1,2}(?:[\s\u3000]+\d{1,2}){2,5})[\s\u3000]*$/u.exec(text);
  if (!m) return false;
  const n = m[1]!.split(/[\s\u3000]+/u).map(Number);
  return n.every((x, i) => x >= 1 && x <= 12 && (i === 0 || x === n[i - 1]! + 1));
}

const LEADING_PUNCT = /^[\s,.!?;:、。…~]+/;
const TRAILING_PUNCT = /[\s,.!?;:、。…~]+$/;
const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '`': '`',
  '\u201c': '\u201d', // “ ”
  '\u2018': '\u2019', // ‘ ’
  '\u300c': '\u300d', // 「 」
  '\u300e': '\u300f', // 『 』
  '\u3010': '\u3011', // 【 】
};

/**
 * Strips surrounding whitespace, sentence punctuation (`。`, `！`, `?` …) and
 * matching pairs of quotes (`“张三”`).
 *
 * Deliberately conservative: a leading `-` or `+` (negative amounts, `+86`)
 * and brackets (`某公司（深圳）`) are kept, and a lone quote is kept so that
 * input like `'; DROP TABLE` is still visibly not a name.
 */
export function stripSurrounding(text: string): string {
  let s = text;
  for (;;) {
    const before = s;
    s = s.replace(LEADING_PUNCT, '').replace(TRAILING_PUNCT, '');
    const first = s.charAt(0);
    const close = QUOTE_PAIRS[first];
    if (s.length >= 2 && close !== undefined && s.endsWith(close)) s = s.slice(1, -1);
    if (s === before) return s;
  }
}

/** Number of user-perceived characters (code points), so an emoji counts as one. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The shared "please answer briefly" re-prompt; `example` is already quoted, e.g. `“28500”`. */
export function tooLongMessage(example: string): string {
  return `您输入的内容太长了（超过${MAX_INPUT_LENGTH}个字），请简短回答，例如${example}。`;
}

/**
 * Common entry point for every parser: rejects non-strings and empty input
 * with `emptyMessage`, normalises, strips surrounding punctuation and applies
 * the length guard (so a pasted essay never reaches the real parsers).
 *
 * @param example an already-quoted example answer used in the too-long message
 */
export function prepareInput(raw: unknown, emptyMessage: string, example: string): Parsed<string> {
  // Callers are typed, but chat payloads are not: be defensive at the boundary.
  if (typeof raw !== 'string') return fail(emptyMessage);
  const text = stripSurrounding(normalizeText(raw));
  if (text === '') return fail(emptyMessage);
  if (text.length > MAX_INPUT_LENGTH && charLength(text) > MAX_INPUT_LENGTH) {
    return fail(tooLongMessage(example));
  }
  return ok(text);
}

/** Removes all whitespace; most numeric answers are meaningless with spaces in them. */
export function removeSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Repeatedly removes any of `prefixes` from the start and `suffixes` from the
 * end (filler words such as `大概`, `左右`, `元`). Patterns must not be global.
 */
export function stripAffixes(text: string, prefixes: RegExp | null, suffixes: RegExp | null): string {
  let s = text;
  for (;;) {
    const before = s;
    if (prefixes) s = s.replace(prefixes, '');
    if (suffixes) s = s.replace(suffixes, '');
    if (s === before || s === '') return s;
  }
}

/** True if the text contains an emoji / pictograph. */
export function hasEmoji(text: string): boolean {
  return PICTOGRAPH.test(text);
}

/** True if the text consists only of emoji (plus joiners, variation selectors, skin tones and spaces). */
export function isEmojiOnly(text: string): boolean {
  return (
    hasEmoji(text) &&
    EMOJI_ONLY.test(text)
  );
}
