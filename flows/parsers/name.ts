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
  // `韦 韦金凤`, `覃，覃海燕`: the surname said first, then the whole name (never 韦韦金凤).
  s = s.replace(/^(\p{Script=Han}{1,2})[\s,，]+(?=\1\p{Script=Han}{1,3}$)/u, '');
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

/**
 * What is said at a unit's or an employer's question instead of its name:
 * - `dont-know`: not known, said in words the question's own checks miss (`记不住名字`, `想不起来了`,
 *   `没看到牌子`), or typed in pinyin (`buzhidao`, `bu qing chu`);
 * - `none`: nothing, in pinyin (`meiyou`);
 * - `boss`: the word for who owes, not a name (`laoban`, `baogongtou`);
 * - `cannot-type`: typing or reading is hard for the person (`我不会打字`, `我不识字`, `我眼睛不好`,
 *   `字太多了看不过来`): help to answer another way;
 * - `placeholder`: letters typed for a name not given (`xxx`, `aaa`, `asdf`, `某某公司`).
 * Null for anything else (a name, or words the question reads itself).
 */
export type OrgNonAnswer = 'dont-know' | 'none' | 'boss' | 'cannot-type' | 'placeholder';

const NOT_REMEMBERED =
  /^(?:我|俺)?(?:也|真|实在|一时|一下子?)?(?:记不住|记不起来?|想不起来?|想不起|叫不出来?|叫不上来?|说不出来?|说不上来?|没记住|没记|没看到|没看见|没看清|没留意|没注意看?)(?:过)?(?:了|啦)?(?:那个|这个|它的?|他的?|工地的?|门口的?|厂的?|公司的?|单位的?)?(?:名字|名称|全称|叫啥|叫什么|牌子|招牌|公示牌|牌)?(?:了|啦|啊|呀|哦|呢)*$/u;
const PINYIN_NON_ANSWERS: readonly [RegExp, OrgNonAnswer][] = [
  [/^(?:bu ?zhi ?dao|bzd|bu ?qing ?chu|bu ?ji ?de|bu ?xiao ?de|wang ?le|wang ?ji ?le|bu ?ren ?shi)$/, 'dont-know'],
  [/^(?:mei ?you|mei|mei ?de)$/, 'none'],
  [/^(?:lao ?ban|lao ?ban ?niang|bao ?gong ?tou|gong ?tou|lao ?zong|gong ?si|chang ?li|chang ?zi)$/, 'boss'],
];
const CANNOT_TYPE =
  /(?:不会|不太会|不大会|不怎么会|没法|不能|不方便|不好)(?:打字|写字|拼音)|打字(?:不方便|太慢|很慢|慢|不会|困难|费劲|太难|难)|打不了字|不会用?(?:手机)?打字|不识字|不认字|不认识字|字不认识|认不得字|认字不多|识字不多|没读过书|没上过学|没文化|眼睛不好|眼睛看不清|眼睛花|眼花|眼神不好|老花眼?|看不清(?:字|楚)?|看不懂|字太多|字太小|看不过来|看不来字/u;
const PLACEHOLDER = /^(?:([A-Za-z])\1+|asdf?|qwer?|zxcv|abc|sdf|jkl|x+|某+|不详)(?:(?<=[x某])(?:公司|厂|单位|店))?$/iu;

/** Only what the boss is called by all, no name (`他们都叫他老板`, `大家就喊老板`). */
const CALLED_ONLY_BOSS =
  /^(?:他们|大家|我们|俺们|工友们?|别人|平时)?(?:都|就|也|一般)?(?:叫|喊|称呼)(?:他|她)?(?:就|都)?(?:叫)?(?:老板|老板娘|包工头|工头|老总|头儿?|老大)(?:呗|吧|啊|呀|了)?$/u;
/** A boss pointed at, not named (`一个四川老板`, `是个外地老板`); never one with a surname (`一个姓王的老板`). */
const SOME_BOSS = /^(?:就是|是)?(?:一个|是个|个|那个)(?!姓)[\p{Script=Han}]{0,4}?的?(?:老板|老板娘|包工头|工头|老总)$/u;
/** The name said not to be known (`不知道叫啥`, `叫啥不知道`, `名字不知道`). */
const NAME_NOT_KNOWN = /^(?:也|都|就是|但是?)?(?:不知道|不晓得|不清楚)(?:他|她)?(?:叫啥|叫什么|的?名字|全名)?(?:名字)?$|^(?:他|她)?(?:叫啥|叫什么|名字|全名)(?:我)?(?:不知道|不晓得|不清楚)$/u;

/** Words saying something is wrong or to be changed (`人工湖路 选错了`, `老板名字要改`): no name in them. */
const CHANGE_WANTED = /(?:选|填|写|搞|弄|点|按|打)错了|(?:要|得|想)改(?!天|日|期)|改一下$|^改(?:成|为)?$/u;

export function saysChangeWanted(text: string): boolean {
  return CHANGE_WANTED.test(text.replace(/[\s,，。.!！~～]+/gu, ''));
}

export function orgNonAnswer(text: string): OrgNonAnswer | null {
  const s = text.trim().replace(/[\s,，。.!！?？~～、…]+/gu, ' ').trim();
  const latin = s.toLowerCase().replace(/'/g, '');
  for (const [re, kind] of PINYIN_NON_ANSWERS) if (re.test(latin)) return kind;
  const c = s.replace(/\s+/g, '');
  if (PLACEHOLDER.test(c)) return 'placeholder';
  if (NOT_REMEMBERED.test(c)) return 'dont-know';
  // `他们都叫他老板`, `大家就喊老板`: only what he is, no name (the words were kept as the unit, unconfirmed).
  if (CALLED_ONLY_BOSS.test(c)) return 'dont-know';
  // `一个四川老板 不知道叫啥`: a boss not named (一个), and the name not known: no name (「一个四川老板」 was kept).
  const parts = s.split(' ');
  if (parts.length === 2 && parts.some((p) => SOME_BOSS.test(p)) && parts.some((p) => NAME_NOT_KNOWN.test(p))) return 'dont-know';
  // Short, and nothing in it that names a unit (`我不识字 在宏达厂干活` reads as it did).
  if ([...c].length <= 16 && CANNOT_TYPE.test(c) && !/公司|厂|店|工地|单位|项目|叫/u.test(c.replace(/不认识字|字不认识|认不得字/u, ''))) return 'cannot-type';
  return null;
}

/**
 * Words that steer the form or only acknowledge (`完成`, `提交`, `就这些`, `下一步`, `OK`, `好的`, `嗯`, `收到`,
 * `谢谢`), sent alone: never a name, an address or an account of what happened. The question that asked is
 * asked again (flows/define.ts `f.text`); where a word of these is that question's own answer (`完成` when the
 * evidence is sent, `好的` to a yes/no question), the question reads it before this is looked at.
 */
const FORM_WORD =
  /^(?:完成|完成了|完毕|提交|提交吧|提交了|就这些|就这些了|就这样|就这样吧|没了|没有了|结束|结束了|发完了|发完|可以了|行了|好了|下一步|下一个|下一题|继续|ok|okay|ok了|好的|好滴|好嘞|嗯+|嗯嗯+|恩+|哦+|收到|收到了|知道了|明白|明白了|谢谢|谢谢你|谢谢您|谢了|多谢|感谢)(?:啊|呀|哈|啦|哦)?$/iu;

/** Whether the message is only a word of {@link FORM_WORD}, or a bare small number (`1`) where no choices are listed. */
export function formWord(text: string): string | null {
  const c = text.trim().replace(/[\s,，。.!！~～、…]+/gu, '');
  if (FORM_WORD.test(c)) return c;
  return /^\d$/u.test(c) ? c : null;
}
