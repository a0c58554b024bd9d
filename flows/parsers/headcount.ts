import { NUMERAL_CHARS, parseChineseNumber } from './chinese-number.js';
import { prepareInput, removeSpaces, stripAffixes } from './normalize.js';
import { fail, ok, type Parsed } from './result.js';

/**
 * Number of workers affected; `approximate` is true when the user hedged
 * (`二十多`, `大概50`). How they hedged is kept so it is said back as they
 * meant it: `about` for a figure around the count (`大概50`, `将近50`,
 * `十来个`: 约50人, never 50多人), `upTo` for two figures (`五六个` 5至6人,
 * `四五十个` 40至50人); neither for more than the count (`二十多个` 20多人).
 */
export interface Headcount {
  count: number;
  approximate: boolean;
  about?: true;
  upTo?: number;
}

/** Upper bound: larger numbers are typos (or the whole company, which is not a headcount answer). */
export const MAX_HEADCOUNT = 100_000;

const EXAMPLE = '“就我一个”、“30人”或“二十多个人”';

export const HEADCOUNT_MESSAGES = {
  empty: `您还没有输入人数，请告诉我一共有多少人被拖欠工资，例如${EXAMPLE}。`,
  unparseable: `没看明白有多少人，请直接说人数，例如${EXAMPLE}。`,
  vague: '请说一个大概的数字，例如“大概30人”或“二十多个人”。',
  negative: `人数不能是负数，请重新输入，例如${EXAMPLE}。`,
  zero: `人数不能是0，如果只有您自己，请回答“就我一个”。`,
  fraction: `人数应该是整数，请重新输入，例如${EXAMPLE}。`,
  tooLarge: `人数超过了10万，请核对后重新输入，例如${EXAMPLE}。`,
  notWorkers: `这里问的是和您一起被拖欠工资的工友人数（包括您自己），不是家里人口，例如${EXAMPLE}。`,
  notPeople: `这看起来不是人数，请告诉我一共有多少人被拖欠工资，例如${EXAMPLE}。`,
} as const;

/** "Just me": 就我一个, 只有我, 我自己, 我一个人, 就我, 就我自己. */
const ONLY_ME = /^(?:就|只有?|仅|就只有|仅有|得|净系|只系)?(?:我|俺|本人)(?:自己|自个儿?|自家)?(?:一个人?|1个人?|一人|1人)?(?:而已|罢了)?$|^(?:我|俺)?(?:自己|自个儿?|一个人|1个人)$/;
/**
 * Only the one spoken for (the person types for a parent or a spouse): 就我爸一个, 只有我妈一个人, 就他一个, 就我老公自己.
 * One, as 就我一个 is (it was asked again as no figure). 就 or 只有 before, 一个 or 自己 after: `我爸` alone is no count.
 */
const ONLY_THEM =
  /^(?:就|只有?|仅|就只有|仅有)(?:我|俺)?(?:的)?(?:爸爸|爸|老爸|父亲|老头子?|妈妈|妈|老妈|母亲|老公|丈夫|老婆|媳妇|爱人|儿子|女儿|他|她)(?:自己|自个儿?)?(?:一个人?|1个人?|一人|1人)?(?:而已|罢了)?$/u;
const onlyThem = (s: string) => ONLY_THEM.test(s) && /自己|自个|一个|1个|一人|1人/u.test(s);
/** A couple: 我们夫妻俩, 两口子, 我和老婆. */
const COUPLE = /^(?:我们|咱们|俺们|我哋|我地)?(?:夫妻|两口子|夫妻俩|两口子俩)(?:俩|两个人?|两人)?$/;
/** 一家三口都在这干: a family that works there. */
const FAMILY_WORKING = /^(?:我们|俺们|咱们|我哋|我地)?一家([二两三四五六七八九十])口(?:人)?(?:都|全)(?:在这|在那|在一起)?(?:干|做|打工|上班|干活)/;
const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** Two of us: 我们俩, 我俩, 咱俩, 我们两个. */
const TWO_OF_US = /^(?:我们|咱们|俺们|我哋|我地|我|咱|俺)(?:俩|两个人?|两人|2个人?|2人)$/;
/** Three of us: 我们仨, 俺们仨. */
const THREE_OF_US = /^(?:我们|咱们|俺们|我哋|我地|我|咱|俺)仨$/;
/** Me and my wife / brother …, then how many in all: 我和我老婆两个, 我跟我弟两个人. */
const COMPANIONS =
  '(?:老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟|弟|哥哥|哥|姐姐|姐|妹妹|妹|兄弟|老乡|同乡|同事|工友|老表|表哥|表弟|堂哥|堂弟|姐夫|妹夫|小舅子|舅子|侄子|外甥|爸爸|爸|老爸|父亲|叔叔|叔|舅舅|舅|师傅|徒弟|朋友|一个老乡|一个工友|一个兄弟)';
/** Workmates named by their work (`服务员`, `小工`, `师傅`): people, in a count said with them. */
const CO_WORKERS = '(?:服务员|服务生|厨师|大厨|帮厨|洗碗工|小工|帮工|杂工|工人|员工|伙计|学徒|店员|收银员?|保洁员?|保安|司机|电工|焊工|木工|瓦工|钢筋工|油漆工|女工|男工|阿姨|大姐|大哥|小伙子|姑娘)';
const ME_AND = new RegExp(`^(?:就|只有)?(?:我|俺)(?:(?:和|跟|与|、|还有|带着?)(?:我|俺)?(?:的)?${COMPANIONS})+(?:一共|总共|共)?(.+)$`);
/** Me and my wife (and my brother), with no number: each one named is a person. 就我和我老婆 = 2. */
const ME_WITH = new RegExp(`^(?:就|只有)?(?:我|俺)((?:(?:和|跟|与|、|还有|带着?)(?:我|俺)?(?:的)?${COMPANIONS})+)$`);
/** One of the family and the person, said in that order: 我老公和我, 我哥跟我. */
const KIN_AND_ME = /^(?:我|俺)(?:的)?(?:老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟|弟|哥哥|哥|姐姐|姐|妹妹|妹|老表|表哥|表弟|堂哥|堂弟|姐夫|妹夫|侄子|外甥|爸爸|爸|老爸|父亲|叔叔|舅舅)(?:和|跟|与|、)(?:我|俺)$/u;
/** Family size (三口人, 一家三口): not a count of workers. */
const FAMILY = /口人|一家[0-9一二两三四五六七八九十]+口|家里?[0-9一二两三四五六七八九十]+口|[0-9一二两三四五六七八九十]口之家/;
/** Hearsay quantities with no number in them: 好几个, 很多人, 一帮人; in Cantonese 成班人, 一大班人, 好多人. */
const VAGUE_WORDS = /^(?:好几|几|好多|很多|不少|挺多|蛮多|一大?帮|一大?群|一大?堆|一伙|一批|若干|多|一些|一大?片|成班|成群|成堆|一大?班|好大班|好多班)(?:个|位|名)?(?:人|工人|工友|兄弟|伙计)?$/;
/** Units and periods that are not people: 8个月, 3天, 5000元. */
const NOT_PEOPLE = /[0-9零〇一二两三四五六七八九十百千万几]\s*(?:个|多个|来个)?(?:月|年|天|号|日|元|块|万|小时|星期|礼拜)/;

/** Who came together (`村里一起出来的`, `一个村一块儿去的`, `老乡一起干活的`): framing before a count of people. */
const CAME_TOGETHER = '(?:(?:村里?|一个村|同村|老家|一个地方|老乡)(?:的)?)?(?:一起|一块儿?)(?:去|出来|来|过来|出去|打工|干活|做工|上班|干|做)?(?:的)|(?:村里?|一个村|同村|老家)的';
/** Who worked together, said after a count (`5个人 我们一起干的`, `8个 都是一块儿干活的`): framing, no count of its own. */
const TOGETHER_AFTER = /[,，、]?(?:我们|咱们|俺们|大家)?(?:都是|都|是)?(?:一起|一块儿?)(?:干|做|打工|干活|做工|上班|出来|来)(?:活)?(?:的)?(?:人)?$/u;
const PREFIXES = new RegExp(
  `^(?:${CAME_TOGETHER}|(?:我们|咱们|俺们)(?:的)?(?:老乡|同乡|工友)(?:们)?|连我|加上我|算上我|包括我|含我|(?:我们)?(?:车间里?|厂里|工地上?|公司里?)|(?:我们|咱们|俺们)?(?:宿舍|寝室)(?:里)?(?:的)?|我们厂|我们公司|全厂|全公司|(?:我们|咱们|俺们|我|俺)(?:村里?|老家)(?:的)?|(?:我们|咱们|俺们|我|俺)?(?:班组|班|组|队)(?:里|上)?|(?:我们|我哋|我地)(?:呢度|呢边|这里|这儿|度)|我们这?边?|咱们|俺们|(?:我哋|我地)(?:呢度|呢边|度)?|大家|这边|一个班|一个班组|一共|总共|共计|共|合计|加起来|有|是)`,
  'u',
);
const APPROX_PREFIXES = /^(?:大概|大约|约|差不多|估计|将近|接近|近|大致|可能|应该|好像|好象|估摸着?|约莫)/;
// `三个人工友`: 个人 and the kind said after it (three people, workmates).
const UNIT_SUFFIXES = /(?:个人工友|个人工人|个人|个工人|个工友|个兄弟|个弟兄|个师傅|个老乡|个农民工|名工人|名工友|位工友|位师傅|名|位|人|个|号人|号兄弟)$/;
const APPROX_SUFFIXES = /(?:左右|上下|多|余|来|几)$/;

/**
 * Others owed besides the person (`还有我老乡两个`, `还有两个人`, `除了我还有三个`): the count with the
 * person added (3), to be confirmed; null when the words are not that.
 */
export function besidesMe(text: string): Headcount | null {
  // `还有我老乡 两个人`: one named, then how many in all in a clause of its own (the person counted in it).
  const inAll = new RegExp(`^(?:(?:就|只有)?(?:我|俺)(?:自己)?(?:一个人?)?[,，\\s]*(?:不对|不是|说错了|错了)[,，\\s]*)?(?:还有|另外还有)(?:我|俺)?(?:的)?(?:一个|个)?${COMPANIONS}[,，\\s]+(?:一共|总共|共)?(?:(?:两|2)(?:个人|人)|俩(?:个人|人)?)[。.!！吧啊呀呢哦]*$`, 'u').exec(text.trim());
  if (inAll) return { count: 2, approximate: false };
  const s = removeSpaces(text.trim()).replace(/[。.!！吧啊呀呢哦]+$/u, '');
  // `还有两个服务员`, `还有三个小工`: the others named by their work (never a time: `还有两个月`).
  const m = new RegExp(`^(?:除了(?:我|俺)(?:自己)?(?:以外|之外)?[,，]?)?(?:还有|另外还有|另外)(?:(?:我|俺)(?:的)?)?(?:${COMPANIONS}|其他人|别人)?(?:们)?(?:也有)?([0-9一二两俩三四五六七八九十]+(?:多|来)?)(?:个人?|位|名|人|(?:个|位|名)(?:${COMPANIONS}|${CO_WORKERS}))?(?:也是|也被欠了|也没给|也没拿到|也一样)?$`, 'u').exec(s);
  if (!m) return null;
  const n = parseHeadcount(`${m[1]!.replace('俩', '两')}个人`);
  if (!n.ok) return null;
  return { ...n.value, count: n.value.count + 1, ...(n.value.upTo !== undefined ? { upTo: n.value.upTo + 1 } : {}) };
}

/** Someone besides the person, with no count: `还有个老乡也被欠了`, `我老乡也没拿到`, `别人也被拖了`. */
const OTHERS_TOO = new RegExp(
  `(?:还有|另外还有|另外|加上|连同)(?:我|俺)?(?:的)?(?:好?[0-9一二两俩三四五六七八九十几]*个|些|其他|别的)?(?:${COMPANIONS}|人|其他人|别人)|` +
    `(?:${COMPANIONS}|别人|其他人|他们|大家|工友们|老乡们)(?:们)?(?:也|都)(?:被)?(?:欠|拖|没(?:拿|发|给|结))`,
  'u',
);
/** `还有个老乡`, `我一个人 还有一个工友也被欠了`, `还有我老婆`, `还有我老乡`: one person besides the person, said with no figure. */
const ONE_BESIDES = new RegExp(
  `^(?:(?:就|只有)?(?:我|俺)(?:自己)?(?:一个人?)?)?(?:还有|另外还有|另外)(?:我|俺)?(?:的)?(?:(?:一个|个)(?:${COMPANIONS})|(?<=[我俺]的?)(?:老婆|媳妇|爱人|老公|丈夫|妻子|对象|爸爸|老爸|父亲|妈妈|母亲|爸|妈|老乡|同乡|老表|表哥|表弟|哥哥|弟弟|姐姐|妹妹|儿子|女儿|朋友))(?:也(?:被)?(?:欠|拖|没(?:拿|发|给|结))[^，,。]*)?$`,
  'u',
);

/**
 * Others owed besides the person said without a figure (`我一个人 还有个老乡也被欠了`): never a count of one.
 * `one`: exactly one other person named (`还有个老乡`), so two in all, to be confirmed; otherwise the count is asked.
 */
export function othersToo(text: string): { one: boolean } | null {
  const s = removeSpaces(text.trim()).replace(/[。.!！吧啊呀呢哦😂😭🙏]+$/u, '');
  if (!OTHERS_TOO.test(s)) return null;
  return { one: ONE_BESIDES.test(s.replace(/[，,]/gu, '')) };
}

/**
 * Parses how many workers are owed wages, the person included.
 *
 * Hedged answers keep their lower bound and are marked approximate:
 * `二十多个人` → 20, `十几个` → 10, `我们班组十来个人` → 10, `大概50人` → 50.
 * Framing is dropped: `班组8个人`, `我们8个`, `8个兄弟`, `连我一共5个`,
 * `加上我3个人`; `我和我老婆两个` and `我们俩` are 2; `就我自己` is 1.
 * A number made only of 几 (`几十个`, `我们几个`) or none at all
 * (`很多人`, `一帮人`) has no usable lower bound, so the user is asked for a
 * rough figure instead of us guessing. A family size (`三口人`) is refused.
 */
export function parseHeadcount(text: string): Parsed<Headcount> {
  const prepared = prepareInput(text, HEADCOUNT_MESSAGES.empty, '“30人”');
  if (!prepared.ok) return prepared;
  // 十好几个 is 十几个 (ten and some).
  let s = removeSpaces(prepared.value).replace(/[吧啊呀呢哦嘛嘞咧哟了]+$/u, '').replace(/([十百])好几/u, '$1几');
  // `5个人 我们一起干的`, `我们8个人都是一起干活的`: who worked together, said after the count (as CAME_TOGETHER before it).
  const together = s.replace(TOGETHER_AFTER, '');
  if (together !== s && /[0-9一二两俩仨三四五六七八九十百]/u.test(together)) s = together;
  // `我们宿舍六个人都是`: all of those counted are owed (都是 after the count says nothing more).
  s = s.replace(/(?<=[0-9一二两三四五六七八九十百](?:个人|个|人|名|位))(?:都是|全是|都)$/u, '');
  // `我们三兄弟`, `我们两姐妹`: siblings counted, each a person.
  const siblings = /^(?:我们|咱们|俺们)?([两二三四五六七八九十])(?:个)?(?:兄弟|姐妹|兄妹|姐弟)$/u.exec(s);
  if (siblings) return ok({ count: CN[siblings[1]!]!, approximate: false });

  if (ONLY_ME.test(s) || onlyThem(s)) return ok({ count: 1, approximate: false });
  if (TWO_OF_US.test(s) || COUPLE.test(s)) return ok({ count: 2, approximate: false });
  if (THREE_OF_US.test(s)) return ok({ count: 3, approximate: false });
  // 一家三口 are people at home, unless they say all of them work here (`我们一家三口都在这干`).
  const family = FAMILY_WORKING.exec(s);
  if (family) return parseHeadcount(`${family[1]}个`);
  if (FAMILY.test(s)) return fail(HEADCOUNT_MESSAGES.notWorkers);
  // 两三个, 五六个人, 四五十个人: two numbers in a row are a rough count, from the lower to the higher.
  // (九十个 is ninety: the second number is never 十.)
  const pair = /^(?:大概|差不多|大约|估计)?(?:有)?([一两二三四五六七八九])([两二三四五六七八九])(十)?(?:个|个人|人|名|号人)(?:左右)?$/u.exec(stripAffixes(s, PREFIXES, null));
  if (pair) {
    const [lo, hi, tens] = [CN[pair[1]!]!, CN[pair[2]!]!, pair[3] ? 10 : 1];
    if (hi === lo + 1) return ok({ count: lo * tens, approximate: true, upTo: hi * tens });
  }
  // `十五六个`, `二十七八个人`: some tens and two units in a row: a rough count from the lower to the higher.
  const tensPair = /^(?:大概|差不多|大约|估计)?(?:有)?([二两三四五六七八九]?十)([一二三四五六七八])([二三四五六七八九])(?:个|个人|人|名|号人)(?:左右)?$/u.exec(stripAffixes(s, PREFIXES, null));
  if (tensPair) {
    const [base, lo, hi] = [parseChineseNumber(tensPair[1]!), CN[tensPair[2]!]!, CN[tensPair[3]!]!];
    if (base !== null && hi === lo + 1) return ok({ count: base + lo, approximate: true, upTo: base + hi });
  }
  // `十几二十个`, `二十几三十个人`: some tens and a few more, up to the next ten: a rough count from the lower ten to the higher.
  const someTens = /^(?:大概|差不多|大约|估计)?(?:有)?([一两二三四五六七八九]?十)几(?:个)?(?:到|至|、)?([两二三四五六七八九]十|一百)(?:来)?(?:个|个人|人|名|号人)(?:左右)?$/u.exec(stripAffixes(s, PREFIXES, null));
  if (someTens) {
    const [lo, hi] = [parseChineseNumber(someTens[1]!), parseChineseNumber(someTens[2]!)];
    if (lo !== null && hi !== null && hi === lo + 10) return ok({ count: lo, approximate: true, upTo: hi });
  }
  // `5个吧 也可能6个`, `5个或者6个`, `5到6个`, `五个或六个`: two figures said as either one, a rough count from the
  // lower to the higher (never the first figure alone, as if exact).
  const either = /^(?:大概|差不多|大约|估计|可能)?(?:有)?([0-9]+|[一二两三四五六七八九十百]+)(?:个人|个|人|名|位)?(?:吧|啊|呀)?[,，、]?(?:也可能|也许|可能|或者是?|或是|或|要么|到|至|-|~|～|—|、)(?:是|有)?([0-9]+|[一二两三四五六七八九十百]+)(?:个人|个|人|名|位)(?:吧|左右|呢)?$/u.exec(stripAffixes(s, PREFIXES, null));
  if (either) {
    const [a, b] = [parseChineseNumber(either[1]!), parseChineseNumber(either[2]!)];
    if (a !== null && b !== null && Number.isInteger(a) && Number.isInteger(b) && a > 0 && b > 0 && a <= MAX_HEADCOUNT && b <= MAX_HEADCOUNT) {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return ok(lo === hi ? { count: lo, approximate: false } : { count: lo, approximate: true, upTo: hi });
    }
  }
  // 我老公和我: the person said last.
  if (KIN_AND_ME.test(s)) return ok({ count: 2, approximate: false });
  const named = ME_WITH.exec(s);
  if (named) return ok({ count: 1 + (named[1]!.match(/和|跟|与|、|还有|带/gu)?.length ?? 0), approximate: false });
  const withCompanion = ME_AND.exec(s);
  if (withCompanion) {
    // The number said is everyone together: 我和我老婆两个 = 2.
    const total = parseHeadcount(withCompanion[1] ?? '');
    if (!total.ok) return total;
    return total.value.count >= 2 ? total : fail(HEADCOUNT_MESSAGES.unparseable);
  }

  if (VAGUE_WORDS.test(stripAffixes(s, PREFIXES, null))) return fail(HEADCOUNT_MESSAGES.vague);

  let approximate = false;
  // 多, 余, 几 say more than the count; 大概, 左右, 来, 将近 say around it.
  let over = false;
  for (;;) {
    const before = s;
    s = stripAffixes(s, PREFIXES, UNIT_SUFFIXES);
    const withoutApprox = stripAffixes(s, APPROX_PREFIXES, APPROX_SUFFIXES);
    if (withoutApprox !== s) {
      approximate = true;
      if (/[多余几]$/u.test(s)) over = true;
    }
    s = withoutApprox;
    if (s === before) break;
  }
  if (s === '') return fail(HEADCOUNT_MESSAGES.unparseable);
  // `8.000`, `8,000`: thousands grouped the way money is written, never a count of people.
  if (/^\d{1,3}(?:[.,，]\d{3})+$/u.test(s)) return fail(HEADCOUNT_MESSAGES.notPeople);
  if (ONLY_ME.test(s)) return ok({ count: 1, approximate: false });
  if (VAGUE_WORDS.test(s) || s.includes('几')) return fail(HEADCOUNT_MESSAGES.vague);
  if (NOT_PEOPLE.test(s)) return fail(HEADCOUNT_MESSAGES.notPeople);

  const value = parseChineseNumber(s);
  if (value === null) return fail(NUMERAL_CHARS.test(s) ? HEADCOUNT_MESSAGES.vague : HEADCOUNT_MESSAGES.unparseable);
  if (value < 0) return fail(HEADCOUNT_MESSAGES.negative);
  if (value === 0) return fail(HEADCOUNT_MESSAGES.zero);
  if (!Number.isInteger(value)) return fail(HEADCOUNT_MESSAGES.fraction);
  if (value > MAX_HEADCOUNT) return fail(HEADCOUNT_MESSAGES.tooLarge);
  return ok(approximate && !over ? { count: value, approximate, about: true } : { count: value, approximate });
}

/**
 * A workplace's size said alone (`厂里有3000人`, `我们厂有两百多人`, `车间里有50个人`, `我们公司一共八十来号人`,
 * `全厂三千人`): how many work there, never how many are owed (nor money). Only with a word of its size (有, 一共,
 * 总共, 全厂): `我们车间30个人` stays a count of people, and any word of a debt (`都没发`) makes it who is owed
 * (the message is only the size, whole). A crew (`班组`, `组里`) is not a workplace here: its people are the ones
 * working together.
 */
const WORKPLACE_SIZE = new RegExp(
  '^(?:我们|咱们|俺们|我|俺|他们)?(?:这个?|那个?|整个)?(?:' +
    '(?:工厂|厂子?|公司|车间|工地|单位|饭店|酒店|餐馆|店|项目部?)(?:里面?|上|那边|这边)?(?:一共|总共|总共有|一共有|有|得有|起码有|差不多有|大概有|少说也?有|好像有|估计有)' +
    '|全厂|全公司|全车间|全工地|全单位)' +
    '(?:一共|总共|大概|大约|差不多|将近|估计|起码|至少)*' +
    '[0-9零〇一二两三四五六七八九十百千万几]+(?:多|来|余|几)?(?:个人|个工人|个员工|名工人|名员工|号人|个|名|人)(?:左右|上下|的样子)?(?:吧|呢|啊|呀|哦|了)*[。.!！]*$',
  'u',
);

export function workplaceSize(text: string): boolean {
  return WORKPLACE_SIZE.test(removeSpaces(text.trim()));
}
