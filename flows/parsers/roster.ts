import { readAmount, type Amount } from './amount.js';
import { parseMobile } from './mobile.js';
import { normalizeText } from './normalize.js';
import { parsePersonName } from './name.js';
import { fail, ok, type Parsed } from './result.js';

/** One person on a group's roster: a name, what they are owed (null when not known), a mobile (optional). */
export interface RosterEntry {
  name: string;
  amount: Amount | null;
  phone: string | null;
}

/** Longest roster taken from the chat (a bigger list goes as a photo or a spreadsheet). */
export const MAX_ROSTER_ENTRIES = 200;

const EXAMPLE = '「张三 8000 13800138000」或「李四 9500」';

export const ROSTER_MESSAGES = {
  empty: `请一行写一个人：姓名和被拖欠的钱，电话可写可不写，例如${EXAMPLE}。`,
  noAmount: (name: string) => `「${name}」后面没写被拖欠多少钱，不清楚可以写「不清楚」。请一行写一个人，例如${EXAMPLE}。`,
  nameFirst: (word: string) => `「${word}」没看明白，要先写姓名，再写钱数。请一行写一个人，例如${EXAMPLE}。`,
  twoAmounts: (name: string) => `「${name}」后面写了两个钱数，请一个人只写一个数。`,
  twoPhones: (name: string) => `「${name}」后面写了两个电话，请只写一个。`,
  glued: (word: string) => `「${word}」里姓名和钱数连在一起了，请在中间空一格，例如「张三 八千」。`,
  badPhone: '有一个手机号不对，请核对一下。',
  tooMany: `名单太长了，一次最多${MAX_ROSTER_ENTRIES}人。人多的话，直接发名单的照片或表格就行。`,
} as const;

/** A mobile number, spaces or dashes inside, +86 before; not part of a longer number. */
const PHONE_IN_TEXT = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?!\d)/gu;
const PHONE_TOKEN = /^1\d{10}$/;
const NOT_KNOWN = /^(?:不知道|不清楚|不晓得|不记得|没算|没算过|待定|没数|\?+)$/u;
/** Words between the parts of a line that say nothing: 欠, 电话, 元. */
const FILLER = /^(?:欠|被欠|欠了|拖欠|差|电话|手机|手机号|号码|元|块|块钱|万元)$/u;
const NUMERAL = /[0-9零〇一二两三四五六七八九十百千万萬]/u;
/** A name on a roster: two to four Han characters, or names joined with `·`. */
const NAME = /^(?:[\p{Script=Han}]{2,4}|[\p{Script=Han}]{1,8}·[\p{Script=Han}·]{1,12})$/u;
/** Words no name has: a sentence about the matter (`老板欠我钱`). */
const NOT_NAME = /[我你他她们的了欠钱没是在给要说和跟]|老板|工资|工钱|名单|完成/u;

/**
 * A roster typed in the chat, one person after another (on lines of their
 * own, or parted by spaces, commas or `；`): a name, what they are owed, and a
 * mobile if given. `张三 8000 13800138000`, `李四：九千五`, `王五 不清楚`,
 * `赵六8000`. Every part must read, or nothing is taken: the error says
 * where, with an example.
 */
/** A mobile number said digit by digit in Chinese numerals (`一三八零零一二三四五六`, 幺 for 一). */
const SPOKEN_PHONE = /^[一幺][三四五六七八九][零〇一二三四五六七八九幺]{9}$/u;
/** Numerals only (`一三八`): never a person's name. */
const NUMERALS_ONLY = /^[零〇一二两三四五六七八九十百千万幺]+$/u;

/**
 * Words closing the list after its entries (`就这俩 别的人不敢报`, `就这些`, `没了`, `其他人不敢报`): about the list, no
 * entry of it (`就这俩` was a name); never when an amount or a phone follows.
 */
const CLOSING_WORDS = /^(?:就|只有|只)?这(?:俩|仨|两个|几个|些|么多|点)|^(?:没|没有)(?:了|别的|其他)|^以上|^(?:别的|其他|其余|剩下)(?:的)?(?:人|工友)/u;
const SUM_OR_PHONE = /[0-9]|[一二两三四五六七八九十百千万]+(?:块|元|万|千)/u;

export function parseRoster(text: string): Parsed<RosterEntry[]> {
  const s = normalizeText(text)
    // A phone typed in groups (`138 0013 8000`) is one word.
    .replace(PHONE_IN_TEXT, (_m, digits: string) => ` ${digits.replace(/[\s-]/g, '')} `)
    // Numbered lines (`1.张三`, `(2)李四`): the numbers go.
    .replace(/(?:^|(?<=[\s;；,，]))(?:\d{1,3}[.、)）]|[（(]\d{1,3}[)）])(?=\s*[\p{Script=Han}])/gu, ' ')
    // `张三8000`: a name runs into the digits of its amount.
    .replace(/(?<=[\p{Script=Han}])(?=[0-9¥])/gu, ' ')
    .replace(/(?<=\d)(?=[\p{Script=Han}]{2})(?![万千元块百])/gu, ' ');
  const words = s
    .split(/[\s;；,，、:：。!！]+|(?<!\d)\.|\.(?!\d)/u)
    .map((w) => w.replace(/^(?:欠了|被欠|欠|拖欠|差)(?=[0-9零〇一二两三四五六七八九十])/u, ''))
    .filter((w) => w !== '' && !FILLER.test(w));
  if (words.length === 0) return fail(ROSTER_MESSAGES.empty);
  const out: (RosterEntry & { said: boolean })[] = [];
  for (const [i, w] of words.entries()) {
    if (out.length > 0 && CLOSING_WORDS.test(w) && !SUM_OR_PHONE.test(words.slice(i).join(' '))) break;
    const cur = out.at(-1);
    // `一三八零零一二三四五六`: a phone said by voice, digit by digit (never a name 一三八 and 123,456元).
    if (PHONE_TOKEN.test(w) || SPOKEN_PHONE.test(w)) {
      const p = parseMobile(SPOKEN_PHONE.test(w) ? [...w].map((c) => String('零一二三四五六七八九'.indexOf(c.replace('〇', '零').replace('幺', '一')))).join('') : w);
      if (!p.ok) return fail(ROSTER_MESSAGES.badPhone);
      if (!cur) return fail(ROSTER_MESSAGES.nameFirst(w));
      if (cur.phone) return fail(ROSTER_MESSAGES.twoPhones(cur.name));
      cur.phone = p.value;
      continue;
    }
    if (NOT_KNOWN.test(w)) {
      if (!cur) return fail(ROSTER_MESSAGES.nameFirst(w));
      if (cur.said) return fail(ROSTER_MESSAGES.twoAmounts(cur.name));
      cur.said = true;
      continue;
    }
    const amount = NUMERAL.test(w) ? readAmount(w) : null;
    if (amount?.ok) {
      if (!cur) return fail(ROSTER_MESSAGES.nameFirst(w));
      if (cur.said) return fail(ROSTER_MESSAGES.twoAmounts(cur.name));
      cur.amount = amount.value;
      cur.said = true;
      continue;
    }
    // `张三一万二`: a name and an amount in Chinese numerals, run together. Read when only one split reads
    // (a name of two or of three characters); when both could, which one is meant is asked.
    const splits = [2, 3].filter((n) => w.length > n && NAME.test(w.slice(0, n)) && !NUMERALS_ONLY.test(w.slice(0, n)) && !NOT_NAME.test(w.slice(0, n)) && /[0-9零〇一二两三四五六七八九十]/u.test(w.charAt(n)) && gluedAmount(w.slice(n)));
    if (splits.length > 1) return fail(ROSTER_MESSAGES.glued(w));
    if (splits.length === 1) {
      const n = splits[0]!;
      const glued = parsePersonName(w.slice(0, n));
      const owed = readAmount(w.slice(n));
      if (!glued.ok || !owed.ok) return fail(ROSTER_MESSAGES.glued(w));
      if (out.length >= MAX_ROSTER_ENTRIES) return fail(ROSTER_MESSAGES.tooMany);
      out.push({ name: glued.value, amount: owed.value, phone: null, said: true });
      continue;
    }
    const name = NAME.test(w) && !NOT_NAME.test(w) ? parsePersonName(w) : null;
    if (!name?.ok) return fail(ROSTER_MESSAGES.nameFirst([...w].slice(0, 12).join('')));
    if (out.length >= MAX_ROSTER_ENTRIES) return fail(ROSTER_MESSAGES.tooMany);
    // A name alone is a line too: what others are owed is often not known (amount null).
    out.push({ name: name.value, amount: null, phone: null, said: false });
  }
  return ok(out.map(({ said: _said, ...e }) => e));
}

/** What follows a name run together with it reads as an amount (a hundred yuan or more: `李建一` is a name). */
function gluedAmount(rest: string): boolean {
  const a = readAmount(rest);
  return a.ok && a.value.yuan >= 100;
}
