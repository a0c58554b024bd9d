import { DOTTED_THOUSANDS, finer, noMoneyAt, readAmount, withinRough, type Amount } from './amount.js';
import { othersToo, parseHeadcount, workplaceSize, type Headcount } from './headcount.js';
import { normalizeText, spacedDigits } from './normalize.js';
import { notedForTurn, readOnce } from './turn-memo.js';
import { currentMonthIndex, fromMonthIndex } from './month.js';
import { monthsRangeSaid, parsePeriod, type WagePeriod } from './period.js';
import { parseChineseNumber } from './chinese-number.js';
import { matchesOf } from './matches.js';

/*
 * Finding amounts, headcounts and wage periods inside a longer message
 * ("我们8个人在工地干了三个月，老板还差我工钱7万4").
 *
 * Precision before recall: a value is taken only when the words around it
 * make its meaning clear, and always through the same parsers as a direct
 * answer. Anything ambiguous (two different own amounts, two periods) is
 * left out, for the bot to ask.
 *
 * Spans are `[start, end)` offsets (UTF-16 code units) in the original text.
 */

export type Span = [number, number];

/** Longer messages are not searched (a pasted document is not a chat message); as long as the engine reads (MAX_TEXT_READ). */
export const MAX_MENTION_TEXT = 2000;

/** The text normalised (full-width → half-width, spaces dropped), with each unit's original offsets. */
interface Mapped {
  text: string;
  from: number[];
  to: number[];
}

/** Dropped by normalizeText: stands in for what spacedDigits took out. */
const ZERO_WIDTH = '\u200B';
/** Where a space stood between two words: a clause break that is softer than a comma. */
const SOFT_BREAK = '\uE001';
/**
 * A space between two words (not inside a number): WeChat's comma (`欠我三个月工资 一万五`; `还欠三万三 10月底不干了`: a figure
 * in words, then a date in digits, is two).
 */
const SPACE_AS_COMMA =
  /(?<=[\p{Script=Han}])\s+(?=[\p{Script=Han}])|(?<=[万萬块元])\s+(?=\d+\s*[\p{Script=Han}])(?!\d+\s*[千仟百佰万萬块元])|(?<=\d)\s+(?=[\p{Script=Han}])(?![万萬千仟百佰亿块元圆多来余几左上出个人名位口月年号日天岁次层栋楼斤吨米平周星礼小钟期批趟遍倍点分公工家台辆套件张条钱整])|(?<=[零一二两三四五六七八九十百千])\s+(?=\d{1,4}\s*(?:月|年|号|日))/gu;

/** Read once per stretch of a turn (parsers/turn-memo.ts): callers only read what it returns. */
const mapText = readOnce((raw: string): Mapped => {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of spacedDigits(raw, ZERO_WIDTH).replace(SPACE_AS_COMMA, (sp) => SOFT_BREAK.padEnd(sp.length, ' '))) {
    const n = unchangedChar(ch) ? ch : normalizeText(ch).replace(/\s+/g, '');
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    text += n;
    i += ch.length;
  }
  return { text, from, to };
});

/**
 * A character that normalising alone leaves as it is (`normalizeText(ch).replace(/\s+/g, '') === ch`): printable ASCII
 * but the space, and the CJK Unified Ideographs block. None of them is full-width, a space, a dash, a wave dash or an
 * invisible character (normalize.ts), and one character alone is never a pair of spaced digits: the same text back,
 * without running the normaliser on every character of a message.
 */
function unchangedChar(ch: string): boolean {
  if (ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);
}

function originalSpan(m: Mapped, start: number, end: number): Span {
  return [m.from[start] ?? 0, m.to[end - 1] ?? 0];
}

interface Clause {
  text: string;
  /** Offset of the clause in the mapped text. */
  at: number;
  /** The clause before it ended at a space, not a comma (`老板不发工资 都三个月了`). */
  soft: boolean;
}

/** Splits at sentence punctuation; a `,` or `.` between digits (`28,500`, `2.5万`) does not split. */
function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  const sep = /[;!?。；！？\n\uE001]|,(?!\d{3}(?!\d))|(?<!\d)\.|\.(?!\d)|但是|可是|而且|另外/g;
  let last = 0;
  let soft = false;
  for (const m of text.matchAll(sep)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), at: last, soft });
    soft = m[0] === SOFT_BREAK;
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), at: last, soft });
  return out;
}

function prepare(raw: unknown): Mapped | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_MENTION_TEXT) return null;
  return mapText(raw);
}

// ---------------------------------------------------------------------------
// Amounts

const NUMERAL = '[0-9零〇一二两兩俩三四五六七八九十百千万萬亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]';
const NUMBER_BODY = `${NUMERAL}(?:${NUMERAL}|[.,](?=\\d)|点(?=[0-9零一二两三四五六七八九])|(?<=\\d)[kKwW](?![A-Za-z])|多|来|几|余|把)*`;
/** A character that may start NUMBER_BODY: every AMOUNT_CANDIDATE match holds one. */
const ANY_NUMERAL = new RegExp(NUMERAL);
const MONEY_UNIT = '(?:块钱|元钱|元整|块|元|圆)';
const HEDGE_BEFORE = '(?:(?:大概|大约|差不多|估计)有|大概|大约|约莫|约|差不多|将近|接近|估计|至少|起码|不到|快|近|小)';
const HEDGE_AFTER = '(?:左右|上下|出头|多点|以上|不到|不足)';
const AMOUNT_CANDIDATE = new RegExp(
  `${HEDGE_BEFORE}?(?:¥|人民币|RMB)?${NUMBER_BODY}(?:${MONEY_UNIT}?(?:到|至|-|~|、)(?:¥)?${NUMBER_BODY})?${MONEY_UNIT}?${HEDGE_AFTER}?${MONEY_UNIT}?`,
  'gi',
);

/** A hedge before the words that owe it (`差不多欠我一万五`, `大概拖了我们三万`): the amount is approximate. */
const HEDGE_BEFORE_CUE =
  /(?:大概|大约|差不多|估计|约莫|估摸着?|可能|好像)(?:是|有)?(?:一共|总共|加起来)?(?:欠|差|拖欠|拖|少给|没给|没发)(?:了|着)?(?:我|我们|俺|俺们|咱们|大家)?(?:的)?(?:工资|工钱|钱)?(?:有|是)?$/u;

/** `应该是…吧`: a guess around a figure (应该 before it, 吧 after it). */
const GUESS_BEFORE = /应该(?:是|有)?(?:一共|总共)?$/u;
const GUESS_AFTER = /^(?:多|左右)?(?:块钱|块|元)?(?:的样子)?吧/u;

/** After a number: it counts something other than money. */
const NOT_MONEY_AFTER =
  /^(?:多|来)?(?:个|人|名|位|口|月|年|号|日|天|岁|次|层|栋|楼|斤|吨|米|平|周|星期|礼拜|小时|钟|期|批|趟|遍|倍|%|点|分钟|公里|工(?!资|钱)|家|台|辆|套|件|张|条|年级)/;
/** After a figure: a share of it (`两万的一半`, `三万的三分之一`), not the figure. */
const SHARE_OF_AFTER = /^(?:的)?(?:一半|半数|(?:[0-9一二两三四五六七八九十]+)分之[0-9一二两三四五六七八九十]+)/u;
/** Before a number: an ordinal, a phone or ID number, a code. */
const NOT_MONEY_BEFORE = /(?:那|这|哪)$|(?:第|电话|手机|号码|手机号|身份证号?|尾号|编号|工号|卡号|房号|车牌)(?:是|为|:)?$|[A-Za-z]$/;
/**
 * A rate (per month, per day …), not the total owed; `三个月工资` is the total of those months, and `10月工资六千`,
 * `10月11月工资六千` what the months named are owed (ONE_MONTH_WAGE_BEFORE: never the total when more months are owed).
 */
const RATE_BEFORE = /(?:每个?月|一个月|月薪|(?<!个|个多|\d|十[一二]|[二三四五六七八九十])月工资|每天|一天|日薪|日工资|天工资|工价|单价|时薪|每小时|一小时|底薪|一个工|点工|每平|一平|每方|一方)|(?:每件|(?<![0-9零一二两三四五六七八九十百千万])一件)(?:是|给|算|的?工钱|的?单价)?$|(?<![0-9零一二两三四五六七八九十])一月$/;
/** One month named with its wage right before a figure (`10月工资五千`, `10月份的工资五千`): that month's wages. */
const ONE_MONTH_WAGE_BEFORE = /(?<![0-9零一二两三四五六七八九十、和跟到至~-]|月份?)(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?:的)?(?:工资|工钱)(?:是|有|才)?$/u;
/** A month named (`11月`, `十一月份`), not a day of it, not a count of months (`三个月`). */
const MONTH_NAMED = /(?<![0-9零一二两三四五六七八九十个])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?!份?[0-9零一二两三四五六七八九十]+[号日])/gu;
/** A count of months (`两个月`, `俩月`, `半年`). */
const MONTHS_COUNTED = /[0-9一二两三四五六七八九十几]+个多?月|[两俩仨]月|半年/u;

/**
 * `10月工资五千 一直没发 11月也没发`: a figure said of one month's wages, with another month (or a count of months) said
 * as well, is that month's wages, not the total owed (never proposed as the amount; asked). Only a month named as not due
 * yet (`11月的还没到发的时候`) leaves the figure what is owed.
 */
function oneOfMoreMonths(text: string, before: string): boolean {
  const one = ONE_MONTH_WAGE_BEFORE.exec(before);
  if (!one) return false;
  if (MONTHS_COUNTED.test(text)) return true;
  const month = parseChineseNumber(one[1]!) ?? Number(one[1]);
  return [...text.matchAll(MONTH_NAMED)].some((x) => (parseChineseNumber(x[1]!) ?? Number(x[1])) !== month && !NOT_DUE_AFTER.test(text.slice((x.index ?? 0) + x[0].length)));
}
/** Everything up to the last figure of money in words before a candidate (`一个月三千六包吃住…`: up to 三千六). */
const FIGURE_BEFORE = /^.*(?:\d{3,}|[0-9零一二两三四五六七八九十]*[一二两三四五六七八九十][百千万萬][0-9零一二两三四五六七八九十百千]*)(?:块钱|块|元)?/u;
/**
 * A clause ending in a rate word, the figure in the next (`每个月，三千来块`, `一个月的话 三千`: speech parts them):
 * that figure is the rate. `一个月`/`一天` said of what is owed (`欠了我一个月，三千`) are not.
 */
const RATE_LEAD =
  /(?:每个?月|月薪|(?<!个|个多)月工资|每天|日薪|日工资|天工资|工价|单价|时薪|每小时|底薪|一个工|点工|(?<![欠拖差].*)(?:一个月|一天))(?:的话)?(?:的)?(?:工资|工钱)?(?:是|有|给|拿|开)?(?:[\s\uE001,，、。.]*(?:嗯|呃|额|啊|那个|就是|大概|差不多|大约))*[\s\uE001,，、。.]*$/u;
/** Only fillers before a figure in its clause: it goes on the clause before. */
const FILLER_LEAD = /^(?:嗯|呃|额|啊|那个|就是|大概|差不多|大约|是|有|给|拿)*$/u;
/** After a number: a rate (`3000/月`, `3元一件`, `5k per month`). */
const RATE_AFTER = /^(?:\/|每|一)(?:个)?(?:月|天|小时|工|平|方|件)|^\s*(?:per|a|an|each|every)\s*(?:month|day|hour|piece)\b/i;
/** The money was paid, deducted, lent or is not wages: not what is owed. */
const NOT_OWED_BEFORE =
  /(?:(?<!没|还没|没有|未|少)(?:给了|发了|付了|结了|打了|转了|还了|给过|发过|付过|结过|拿到了?|拿了|收到了?|领到了?|到手)|预支了?|借支了?|借了|扣了|罚了|罚款|押金|生活费|路费|房租|车费|已经给|已给|已付|已发|只给|只发|先给|(?<!没|还没|没有|未)(?:到手|到账)(?:的)?(?:只有|也就|只|才|就))(?:我|了|我们|他|他们|过)*$/;
const NOT_OWED_AFTER = /^(?:已经|都)?(?:给了|发了|付了|结了|到手|拿到了|结清|还清)/;
/**
 * A bank's words for a sum on an account (a pasted SMS: `工资收入3000.00元，余额3120.55元`, `转入人民币2000元`): a balance or
 * money that came or went, never what is owed (nor counted as paid: whose and what for is not said).
 */
const BANK_SUM_BEFORE = /(?:余额|收入|入账|转入|转出|存入|支出|到账)(?:为|是)?(?:人民币|RMB|¥|￥)?$/iu;
/** A part of the pay named right before a figure (`加班费一千`, `奖金是两千`). */
const PAY_PART_BEFORE = /(?:加班费|加班工资|奖金|提成|补贴|餐补|饭补|房补|全勤奖?|绩效)(?:是|有|大概|差不多)*$/u;
/** A month's wage said with its figure (`一个月四千`, `每月工资五千`, `月薪六千`). */
const MONTH_RATE_SAID = /(?:每个?月|一个月|月薪|月工资)(?:的)?(?:工资|工钱|底薪|基本工资)?(?:是|有|给|拿|开)?[0-9一二两三四五六七八九十]/u;
/** Money that is no one's pay, named right before the figure (`买房子首付还差一万二`, `房贷每月三千`): never what is owed. */
const NOT_PAY_BEFORE = /(?:首付|房款|购房款|房贷|车贷|车款|定金|订金)(?:款)?(?:还差|还欠|还要|还得|差|欠|要|得|是|有)?(?:了|我|个)*$/u;
/**
 * Money for something other than the work, named right by the figure (`住3k宿舍`, `住宿费3k`, `饭钱3000`, `3000块押金`,
 * `水电3k`, `罚了我500`): rent, a deposit, board, bills, a fine. Never the wages owed (a deposit is asked about apart).
 */
const NOT_WAGE_BEFORE =
  /(?:住|住的|住宿|宿舍|房租|房费|租金|租房|水电|伙食|饭钱|饭费|餐费|话费|电话费|手机费|押金|保证金|罚款|罚了|罚)(?:费|钱)?(?:是|要|交|交了|花了|扣了|扣|收|收了|一共|总共|都)?(?:我|了)*$/u;
const NOT_WAGE_AFTER = /^(?:多|来)?(?:块钱|元钱|块|元)?(?:的)?(?:宿舍|住宿|房租|房费|租金|水电|伙食|饭钱|饭费|餐费|话费|电话费|手机费|押金|保证金|罚款)/u;
/** Someone else's debt (`甲方还欠他两百万`, `欠老板的工程款`): not what the worker is owed. */
const OTHERS_DEBT_BEFORE =
  /(?:欠|差|拖|少给)了?(?:他|她|老板|包工头|工头|项目部|开发商|甲方|上头)(?:们)?(?:的)?(?:钱|工程款|货款)?(?:还|都|足足|整整|有|了)*$|(?<!(?:我|俺)(?:和|跟|与|同|还有)(?:我|俺)?(?:的)?)(?:他|她|表哥|表弟|堂哥|堂弟|哥哥|弟弟|姐姐|妹妹|老乡|工友|同事|朋友|亲戚|邻居)(?:们)?(?:也|都)?被(?:欠|拖|扣)了?(?:工资|工钱)?$|(?<!(?:我|俺)(?:和|跟|与|同|还有)(?:我|俺)?(?:的)?)(?:他|她|老婆|媳妇|老公|爱人|对象|弟弟|哥哥|姐姐|妹妹|我弟|我哥|我姐|我妹)(?:的)?(?:也|都)?(?:被)?(?:欠|拖)了?(?:工资|工钱)?$/;
/** Words right before a bare number that make it money: 工钱7万4, 欠我3000, 还差5000. */
const MONEY_CUE_BEFORE =
  /(?:工钱|工资|薪水|加班费|人工费|劳务费|工费|奖金|提成|补贴|钱|欠|差|拖|少给|少发|少付|少结|少算|少打|没给|没发|没结|没拿到|没收到|没领到|没到手|欠款|尾款|一共|总共|合计|共计|(?<![一总公])共)(?:了|我|我们|咱们|俺|他们|大家|的|还|有|是|共|一共|总共|总|着|给|足足|整整|都)*$/;
/**
 * The person themselves right before a bare figure of three digits or more (`我的是23000`, `我自己18000`, `我23000` opening
 * its clause): their own sum, as `我的是两万三` is. Read as money only then: beside a share or a total said in other words
 * (`一个人大概两万多 我的是23000`), that other figure was taken for theirs.
 */
const OWN_FIGURE_BEFORE =
  /(?:^\s*(?:我|俺)|我自己|我个人|我本人|我的|俺的|我这边)(?:的)?(?:是|有|就是|就|才|大概|大约|差不多|估计|应该是)*$/u;
/** Words right after a bare number that make it money owed: `还有8000多没结`, `3000没给`. */
const MONEY_CUE_AFTER = /^(?:多|来)?(?:块|元)?(?:还|都|一直)?(?:没结|没给|没发|没拿到|没到手|没付|不给|不结)/;
/** What may follow a bare number taken for its cue alone (`欠我3000没给`), not a word it starts (`工资一共`). */
const BARE_OK_AFTER = /^(?:$|[^\u4e00-\u9fff]|和|跟|外加|加上|没|还|就|了|吧|啊|呀|呢|哦|的|都|也|左右|上下|多|给|发|结|到手|工资|工钱|血汗钱|干了|干过|做了)/;
/** A digit followed by 万/千 as a unit, or a currency word: money whatever comes before. */
const MONEY_IN_TEXT = /[元块圆¥]|人民币|RMB|[0-9零〇一二两兩俩三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰](?:多|来|几|余)?[万萬千仟wWkK]/i;
/** A total for the whole group: 我们一共, 大家一共, 总共欠我们, 全班组. */
const GROUP_MARK =
  /(?:我们|咱们|俺们|大家|大伙儿?|工友们|兄弟们|班组|他们|整个队|整个班|全队)[^我]{0,8}?(?:总共|一共|加起来|合起来|加一起|加在一起|全部|合计|总的)|(?:总共|一共)(?:欠了?|拖欠了?|拖了|差)(?:我们|咱们|俺们|大家|大伙)|全班组|整个班组|整个队|整个班|整队|全班|全组|全队|所有人|所有工人|全体工人|全部工人|全部人|全部的人|全体人员|(?:欠|拖欠|差)了?(?:我们|咱们|俺们|大家)(?:班组|这些人|这帮人)?(?:[0-9一二两三四五六七八九十几]+|两)(?:多|来|余)?个?人|(?:包括|连同|加上|算上|连)(?:我)?(?:的)?(?:老乡|工友|同事|兄弟|亲戚|他们|其他人|别人|大家)(?:们)?(?:的)?[^，,。我]{0,4}?(?:总共|一共|加起来|合起来|合计)/;
/** The person's own share, said explicitly. */
// (`他说最多给八千 可我算的是一万一`: the person's own reckoning, against the boss's.)
const OWN_MARK = /我自己|我个人|我本人|我的|欠我(?!们)|差我(?!们)|我这边|我一个人|其中我|我算的(?:是|有)|按我算/;
/** A wage named right before the figure, with nothing about a debt (`工资4000多`). */
const WAGE_ALONE_BEFORE = /(?:工资|工钱|薪水|月薪|底薪)(?:是|有|才|就|都)?$/;
const DEBT_WORDS = /欠|拖|差|没发|没给|没结|一共|总共|合计|共计|加起来/;
/** A count of months owed: `欠了我5个月`, `拖了三个多月`. */
// (A count says 个, or is 两/俩/仨: `10月份的工资3100没发 11月的还没到` names November, never eleven months owed.)
const MONTHS_OWED = /(?:欠|拖|差|没发|没给)(?:了)?(?:我|我们|俺)?(?:的)?(?:[0-9一二两三四五六七八九十几半]+个多?|[两俩仨]多?)月/;
/** A clause ending in a count of months owed: `老板欠我两个月`, `拖了三个多月了`, `两个月没发工资`. */
const MONTHS_OWED_BEFORE =
  /(?:(?:欠|拖|差|没发|没给|没结)(?:了)?(?:我|俺)?(?:的)?[0-9一二两三四五六七八九十]+(?:个)?多?月(?:了|的)?(?:工资|工钱)?(?:了)?|[0-9一二两三四五六七八九十]+(?:个)?多?月(?:都|还|一直)?(?:没发|没给|没结)(?:工资|工钱)?(?:了)?)$/u;
/** A lone trailing digit that belongs to the next word (`两万一直没给`, `三万一个月`). */
const ELIDED_DIGIT = /[万萬千仟百佰][一二两三四五六七八九]$/;
/** `一万五一直没给`: the 一 of 一直 after a figure's last digit. */
const ELIDED_ONE = /[万萬千仟百佰][一二两三四五六七八九]一$/;
const WORD_AFTER_DIGIT = /^(?:[个天年月次人口家批帮伙周点分下起共直些样般定切边半把位名号岁]|星期)/;

/** A total with no subject of its own, opening a clause: `一共六万`, `加起来三万多`. */
const BARE_TOTAL = /^\s*(?:一共|总共|合计|共计|加起来|合起来|加一起|加在一起)(?:是|有|(?:被)?(?:欠|拖欠|拖|差)了?)?\s*$/;
/** A total word right before the figure: `一共欠了六万`, `总共是三万`. */
const TOTAL_BEFORE = /(?:一共|总共|合计|共计|总计|加起来|合起来|加一起|加在一起)(?:是|有|(?:被)?(?:欠|拖欠|拖|差)了?)?$/;
const US = /我们|咱们|俺们|大家|大伙儿?|工友们|兄弟们|班组/g;
/** A number before the figure's first unit with no value of its own: `几千`, `好几万`, `数万`. */
const VAGUE_BEFORE = /(?:几|数|若干)$/u;
/** What each person is owed (`每个人大概五六千`, `每人欠了一万`, `人均八千`): a share, not the group's total. */
const PER_PERSON_BEFORE =
  /(?:每个人|每人|每位|每个工人|每个工友|每个兄弟|人均|平均每人|平均每个人|平均一个人|平均一人|一个人|一人)(?:都|也|大概|大约|差不多|估计|将近|至少|有|是|被|欠了?|拖欠了?|差|少说|的|工资|工钱)*$/u;
/**
 * 我们 (with how many, or not) as who is owed the sum: `我们十二个人被欠了`, `我们都被拖欠了`,
 * `我们被老板欠了`, `我们十几个人 欠了大概`. Not `我们老板欠了` (our boss) nor `欠了我` (the person).
 */
const GROUP_SUBJECT =
  /(?:我们|咱们|俺们|大家|大伙儿?|工友们|兄弟们)(?:班组|这些人|这帮人|这边)?(?:(?:一共|总共|加起来)?(?:有)?[0-9零〇一二两俩三四五六七八九十百几](?:[0-9零〇一二两三四五六七八九十百]|多|来|几|余)*(?:个人|个工人|个工友|个兄弟|号人|名工人|个|人|名|位))?(?:的工资|的工钱|工资|工钱)?(?:都|总共|一共|全部|加起来|合计)?(?:被(?:老板|包工头|工头|公司|厂里|老板他)?)?(?:欠|拖欠|拖|差)(?:了|着)?(?:工资|工钱)?(?:大概|大约|差不多|将近|估计|有|足足|整整|一共|总共)*$/u;

/**
 * 我们 as whom the sum is owed, right before it: `老板欠了我们十几万`, `拖了我们三十多万`, `差我们的工钱有二十万`,
 * `总包欠我们班组二十多万` (the team's).
 * Not `欠了我…` (the person), nor 我们 with more after it (`欠我们工资 我的8000`).
 */
const GROUP_OBJECT =
  /(?:欠|拖欠|拖|差|少给|没给|没发|没结)(?:了|着)?(?:我们|咱们|俺们|我哋|我地|大家|大伙儿?)(?:班组|整个班组|这些人|这帮人)?(?:的)?(?:工资|工钱|钱)?(?:大概|大约|差不多|将近|估计|有|足足|整整|一共|总共|是)*$/u;

/**
 * Words that make a group more than a way of saying "I" (`我们一共被欠了7万` may be one person's, LABELS.md):
 * everyone (`大家`, `班组`, `全部工人`, `包括我老乡的`, `一家人`) or a count of two or more (`我们十二个人`). A sum said
 * for such a group is never taken as the person's own, even before the headcount is known.
 */
const STRONG_GROUP =
  /大家|大伙|工友们|一家人|一家子|全家|家里人|一家(?:几|[两三四五六])口|兄弟们|班组|他们|整个|全班|全组|全队|整队|所有人|所有工人|全体|全部工人|全部人|全部的人|包括|连同|加上(?:我)?(?:的)?(?:老乡|工友|同事|他们)|(?:[0-9两俩二三四五六七八九十]|[0-9一二两三四五六七八九十]十)(?:多|来|余|几)?(?:个人|个工人|个工友|个兄弟|号人|名工人|个(?!多?月|小时|星期|礼拜|钟|工)|人|名)/u;
const COUNT = '[0-9零〇一二两俩三四五六七八九十百几](?:[0-9零〇一二两三四五六七八九十百]|多|来|几|余)*';
/**
 * A count of people as who is owed, right before the sum (`我们班组12个人 老板欠了二十多万`, `3个人欠了3万`,
 * `工地上十几个人一共被拖欠`): the sum is theirs. Not `欠了我…` (the person).
 */
const COUNT_SUBJECT = new RegExp(
  `(?:^|我们|咱们|俺们|大家|班组|工地上?|厂里|车间里?)(?:班组)?(?:一共|总共)?(?:有)?(${COUNT})(?:个人|个工人|个工友|个兄弟|号人|名工人|名|位|人)(?:的工资|的工钱|工资|工钱)?(?:都|总共|一共|全部|加起来|合计)?(?:被)?(?:老板|包工头|工头|公司|厂里|老板他|他)?(?:一共|总共|都)?(?:欠|拖欠|拖|差)(?:了|着)?(?:工资|工钱)?(?:大概|大约|差不多|将近|估计|有|足足|整整|一共|总共)*$`,
  'u',
);
/** A count said as how many a case involves (`欠薪15万 涉及40人`): a summary, its sum the group's. */
const INVOLVING = new RegExp(`(?:一共|共)?(?:涉及|牵涉)(?:到)?(?:的)?(?:工人|农民工|员工|工友)?(?:有)?(${COUNT})(?:个人|个工人|名工人|名|位|人)`, 'u');
/** The person's own share said to be unknown (`我自己的不知道 总共欠了二十万`): a total said then is everyone's. */
const OWN_UNKNOWN = /我(?:自己|个人|本人)?(?:的|那份|那部分)(?:是)?(?:多少)?(?:不知道|不清楚|说不清|算不清|记不清|不晓得|没算)|我(?:自己|个人)(?:被欠)?(?:多少)?(?:不知道|不清楚|说不清|算不清|记不清|不晓得)/u;

/** Two or more people counted in the words: `十几` → 10, `3` → 3; null when not a count. */
function countOf(said: string): number | null {
  const p = parseHeadcount(`${said}个人`);
  return p.ok ? p.value.count : null;
}

/** Whether what came before is about the group: a 我们 or the like, and nothing about the person after the last one. */
function saidOfUs(text: string): boolean {
  let at = -1;
  for (const m of text.matchAll(US)) at = m.index ?? at;
  return at >= 0 && !OWN_MARK.test(text.slice(at));
}

/** Where the last group mark of `text` starts. */
function lastGroupMark(text: string): number {
  let at = 0;
  for (const m of matchesOf(text, GROUP_MARK)) at = m.index ?? at;
  return at;
}

interface AmountMention {
  value: Amount;
  span: Span;
  group: boolean;
  /** Said for a group that is plainly more than the person (STRONG_GROUP): never their own. */
  strong: boolean;
  /** What each person is owed (`每人八千`). */
  perPerson: boolean;
  ownMarked: boolean;
  /** Said as what is still owed (`还差2万`, `5000没给`). */
  remaining: boolean;
  /** Said as a total (`一共欠了六万`), not marked as the person's own. */
  total: boolean;
}

/**
 * Money paid already (`给了1万`, `预支了2000`), among what NOT_OWED_BEFORE
 * leaves out: not deductions or deposits (`扣了`, `押金`), and never negated
 * (`没拿到一分钱` is nothing paid; NOT_OWED_BEFORE guards only 给了… that way).
 */
const PAID_BEFORE = /(?<!没|还没|没有|未|少)(?:给了|发了|付了|结了|打了|转了|还了|给过|发过|付过|结过|拿到了?|拿了|收到了?|领到了?|预支了?|借支了?|已经给|已给|已付|已发|只给|只发|先给|到手|(?<!没|还没|没有|未)(?:到手|到账)(?:的)?(?:只有|也就|只|才|就))(?:我|了|我们|他|他们|过)*$/;
/** Shared out among two or more people, said after the sum (`四个人平分`, `我们俩分`, `大家平摊`). */
const SHARED_AFTER = /^[^0-9零一二两三四五六七八九十百千万]{0,6}?(?:(?:[两俩二三四五六七八九十]|[2-9]|[1-9]\d)个?人|我们俩|我们几个|大家|几个人)(?:一起)?(?:平分|均分|平摊|分摊|来分|分)/u;
/** The other one of a pair said paid (`他的结了`, `我哥的工资已经发了`, `我儿子的工资已经结了`). */
const OTHER_PAID = /(?:他|她|我哥|我姐|我弟|我妹|我爸|我妈|我儿子|我女儿|我老公|我老婆|我媳妇|我爱人|哥哥|姐姐|弟弟|妹妹|儿子|女儿)(?:们)?的(?:工资|工钱|钱)?(?:已经|都|早就?)?(?:结了|发了|给了|结清了?|拿到了|结完了)/u;
/** The person's own said unpaid (`我的没结`, `我自己的还没给`, `我自己3个月的还没给`). */
const OWN_UNPAID = /(?:我|俺)(?:自己)?(?:的|[0-9一二两三四五六七八九十]+个?月的)(?:工资|工钱|钱)?(?:还|都|一直)?(?:没|没有|未)(?:结|发|给)/u;
/** Paid a number of times (`给过两次`, `发了三回`, `打了几笔`): the figures said for each time are paid (INSTALMENT_BEFORE). */
const PAID_TIMES = /(?<!没|还没|没有|未)(?:给|发|付|结|打|转)(?:过|了)(?:我|我们)?(?:[0-9一二两三四五六七八九十几]+)(?:次|回|笔)/u;
/** Right before a figure, one of those times (`一次三千`, `第二次给了五千`, `另一回两千`). */
const INSTALMENT_BEFORE = /(?:^|[^0-9一二两三四五六七八九十几])(?:一|第[0-9一二两三四五六七八九十]+|另一|又一|头一|最后一)(?:次|回|笔)(?:是|就|只)?(?:给了?|发了?|付了?|打了?|转了?)?(?:我|我们)?$/u;
/** A share paid without a figure: `付了一半`, `给了一部分`. */
const PAID_SHARE = /(?:给|付|还|结|发)了(?:一半|一部分|部分|一些|点|大半|小半|大部分)/;
/** Words that make an amount what is still owed, after something was paid. */
// (`实发4800 实际只打了2800 少了两千`, `只发一半工资 一共少发了我一万多`: what was short; `他七月给了两千所以是一万三千六`: what
// the sum said comes to after it.)
const REMAINING_BEFORE = /(?:还差|还欠|还剩|剩下|剩|尚欠|仍欠|还有|还拖|还少|没拿到|没收到|没领到|没到手|少(?:给|发|付|结|打|算)?了|少(?:给|发|付|结|打)|所以(?:就)?(?:还)?(?:是|欠|差))(?:了|我|我们|俺|的|有|足足|整整)*$/;

/**
 * The amounts a message gives, and whether it says something was paid
 * already. After a payment (`总共3万 给了1万`) the total is not what is
 * owed: only an amount said as remaining counts (`还差2万`).
 */
function amountMentions(m: Mapped): { found: AmountMention[]; paid: boolean; paidFigures: Amount[] } {
  let read = MENTIONS.get(m);
  if (!read) {
    read = readMentions(m);
    MENTIONS.set(m, read);
  }
  // Each caller gets its own copy: callers change their list (correctedMentions), and a value shared between two
  // readings of the same words could be told apart from two values read separately (`===`).
  return { found: read.found.map((x) => ({ ...x, value: { ...x.value }, span: [x.span[0], x.span[1]] })), paid: read.paid, paidFigures: read.paidFigures.map((x) => ({ ...x })) };
}

/**
 * The mentions read per mapping of a message: a turn maps a text once (mapText is read once a turn) and asks for its
 * amounts about seven times (findAmounts, saysPaid, saidForEveryone, amountSaidAsTotal, perPersonAmount…).
 */
const MENTIONS = new WeakMap<Mapped, { found: AmountMention[]; paid: boolean; paidFigures: Amount[] }>();

function readMentions(m: Mapped): { found: AmountMention[]; paid: boolean; paidFigures: Amount[] } {
  const found: AmountMention[] = [];
  const paidFigures: Amount[] = [];
  let paid = PAID_SHARE.test(m.text);
  // Every amount candidate holds a numeral (NUMBER_BODY starts with one): with none in the text, no clause has one.
  if (!ANY_NUMERAL.test(m.text)) return { found, paid, paidFigures };
  // `老板给了我和我老公一万 还欠两万`: paid to the two of them, what is left is theirs too.
  let paidToPair = false;
  const all = clauses(m.text);
  // `欠薪15万 涉及40人`; `我自己的不知道 总共欠了二十万`: what the whole message says of its sums.
  const involving = INVOLVING.exec(m.text);
  const involvesMany = involving !== null && (countOf(involving[1]!) ?? 0) >= 2;
  const ownUnknown = OWN_UNKNOWN.test(m.text);
  const paidTimes = PAID_TIMES.test(m.text);
  if (paidTimes) paid = true;
  for (const [k, clause] of all.entries()) {
    const c = clause.text;
    // A clause after a space goes on the one before (`我们十几个人 欠了二三十万`).
    const joined = clause.soft ? `${all[k - 1]?.text ?? ''}` : '';
    for (const match of c.matchAll(AMOUNT_CANDIDATE)) {
      let start = match.index ?? 0;
      let text = match[0];
      let end = start + text.length;
      if ((ELIDED_DIGIT.test(text) || ELIDED_ONE.test(text)) && WORD_AFTER_DIGIT.test(c.slice(end))) {
        text = text.slice(0, -1);
        end -= 1;
      }
      // `我们夫妻俩两万`, `欠我俩三万`: the 俩 is the two of them, not the figure's first digit.
      if (/^俩./u.test(text) && /(?:们|妻|口子|[我咱俺])$/u.test(c.slice(0, start))) {
        text = text.slice(1);
        start += 1;
      }
      // `欠我：6500`, `已付：3000` (a form typed line by line): the colon says nothing of the figure.
      const before = c.slice(0, start).replace(/[:：]\s*$/u, '');
      const after = c.slice(end);
      // `一块钱都没给` (not a cent), `我们一块干活的` (together): no money.
      if (noMoneyAt(c, start + (/^[^一]*/u.exec(text)?.[0].length ?? 0)) && /^\D*一(?:块|分|毛)/u.test(text)) continue;
      if (NOT_MONEY_AFTER.test(after) || NOT_MONEY_BEFORE.test(before)) continue;
      // `两万的一半`, `三万的三分之一`: a share of the figure, never the figure itself (worked out and confirmed by the caller).
      if (SHARE_OF_AFTER.test(after)) continue;
      // `几千块`, `好几万`, `数万`: no figure (the 千 alone would read as a thousand); `总数两万` is one.
      if (VAGUE_BEFORE.test(before) && /^[十百千万萬亿]/u.test(text)) continue;
      if (/块$/.test(text) && /^[0-9一二三四五六七八九]/.test(after)) continue; // 25块5: the cents were cut off
      // `每月3000 一共15000`: a total after the rate is not one (only what follows the total word counts).
      // `一天两百二做到十月份…还有一万六千五没给` (speech, one clause): a rate word whose own figure came before this one says
      // nothing of it; only one after the last figure said does.
      if (RATE_BEFORE.test(before.replace(/^.*(?:一共|总共|合计|共计|总计|加起来)/u, '').replace(FIGURE_BEFORE, '')) || RATE_AFTER.test(after)) continue;
      if (k > 0 && FILLER_LEAD.test(before) && RATE_LEAD.test(m.text.slice(0, clause.at))) continue;
      if (oneOfMoreMonths(m.text, before)) continue;
      // `工资4000多 欠了我5个月`: a wage beside a count of months owed is a month's pay, not the total.
      if (WAGE_ALONE_BEFORE.test(before) && !DEBT_WORDS.test(before) && MONTHS_OWED.test(m.text)) continue;
      if (NOT_PAY_BEFORE.test(before)) continue;
      if (BANK_SUM_BEFORE.test(before)) continue;
      if (NOT_WAGE_BEFORE.test(before) || NOT_WAGE_AFTER.test(after)) continue;
      // `一个月四千 加班费一千 三个月没发`: a part of the pay beside a month's wage is more of that wage, never the total owed.
      if (PAY_PART_BEFORE.test(before) && MONTH_RATE_SAID.test(m.text)) continue;
      // `给过两次 一次三千 一次五千`: each time it was paid, what came then (paid, never owed).
      const instalment = paidTimes && INSTALMENT_BEFORE.test(before);
      if (instalment || NOT_OWED_BEFORE.test(before) || NOT_OWED_AFTER.test(after) || OTHERS_DEBT_BEFORE.test(before) || PAID_TO_PAIR.test(before)) {
        if (instalment || PAID_BEFORE.test(before) || NOT_OWED_AFTER.test(after) || PAID_TO_PAIR.test(before)) {
          paid = true;
          if (PAID_TO_PAIR.test(before)) paidToPair = true;
          const figure = readAmount(text);
          if (figure.ok && figure.value.upTo === null && (figure.value.yuan >= 100 || MONEY_IN_TEXT.test(text))) paidFigures.push(figure.value);
        }
        continue;
      }
      if ((text.match(/\d/g)?.length ?? 0) >= 9) continue; // phone or ID number
      // `8.000`: thousands grouped with dots, a way of writing money only.
      const dotted = DOTTED_THOUSANDS.test(text.replace(/(?:块钱|元钱|元整|块|元|圆)$/u, ''));
      // `老板欠我两个月 6000`: a figure alone in the clause after months owed is what those months are owed (read as the
      // total, and the caller says so when it proposes it: it may have been a month's wage).
      const besideMonths = after === '' && /^\d{4,6}(?:多|来)?$/u.test(text) && !/^(?:19|20)\d\d$/u.test(text) && (before === '' ? k > 0 && clause.soft && MONTHS_OWED_BEFORE.test(all[k - 1]!.text) : MONTHS_OWED_BEFORE.test(before));
      const ownFigure = /^\d{3,}(?:多|来)?$/u.test(text) && OWN_FIGURE_BEFORE.test(before) && BARE_OK_AFTER.test(after);
      if (!dotted && !besideMonths && !ownFigure && !MONEY_IN_TEXT.test(text) && !(MONEY_CUE_BEFORE.test(before) && BARE_OK_AFTER.test(after)) && !(/\d{3,}/.test(text) && MONEY_CUE_AFTER.test(after))) continue;
      const reading = readAmount(text);
      if (!reading.ok) continue;
      // `一共俩`, `总共3`: a figure under 100 with no 块 or 元 is a count (people, months), never money said in a sentence.
      if (!dotted && !MONEY_IN_TEXT.test(text) && reading.value.yuan < 100 && (reading.value.upTo ?? 0) < 100) continue;
      if (!reading.value.approx && reading.value.upTo === null && HEDGE_BEFORE_CUE.test(before)) reading.value = { ...reading.value, approx: true };
      // `应该是八千吧`: a guess, about the figure (as parseAmount reads it).
      if (!reading.value.approx && reading.value.upTo === null && GUESS_BEFORE.test(before) && GUESS_AFTER.test(after)) reading.value = { ...reading.value, approx: true };
      // Leading hedge words are part of what was taken.
      while (start < end && /\s/.test(c.charAt(start))) start++;
      // `每个人大概五六千`, `每人欠了一万`: what each is owed, the person's own share too; never the group's total.
      const perPerson = PER_PERSON_BEFORE.test(before) || EACH_THE_SAME.test(`${joined}${before}`);
      // A clause after a space goes on the one before (`欠我们三十多个人 大概五十多万`).
      const said = `${joined}${before}`;
      // `欠了我和我老公三万多`, `老板欠我们夫妻俩两万`: owed to the person and others they name together.
      const pair = !perPerson && !PAIR_ALL_OWED.test(said) && (PAIR_OWED.test(said) || PAIR_PROMISED.test(m.text.slice(0, clause.at + start)) || (paidToPair && !OWN_MARK.test(before)));
      const ownMarked = (pair ? OWN_MARK.test(before.replace(PAIR_ALL, '')) : OWN_MARK.test(before)) || perPerson || ownFigure;
      const total = TOTAL_BEFORE.test(before) && !OWN_MARK.test(before) && !perPerson;
      const counted = COUNT_SUBJECT.exec(said);
      const countSubject = counted !== null && (countOf(counted[1]!) ?? 0) >= 2;
      const marked = GROUP_MARK.test(said) && !OWN_MARK.test(said.slice(lastGroupMark(said)));
      // The group's total only when nothing about the person comes between (`我们一共四个人我自己被欠了两万四`);
      // a total opening its clause (`…我们五六个人三个月工资，一共六万`) is said of the people before it;
      // so is a sum owed to 我们 as the subject (`我们十二个人被欠了二十万`), or to a count of people
      // (`我们班组12个人 老板欠了二十多万`, `3个人欠了3万`); and any sum not marked as the person's in a
      // summary of how many it involves (`欠薪15万 涉及40人`), or a total when their own is not known.
      const bareTotal = BARE_TOTAL.test(before) && saidOfUs(m.text.slice(0, clause.at));
      const subject = GROUP_SUBJECT.test(said) || GROUP_OBJECT.test(said);
      const summary = !ownMarked && (involvesMany || (ownUnknown && total));
      // `说好包干两万四 四个人平分`: a sum said to be shared out among people after it is theirs together.
      const shared = !perPerson && !ownFigure && SHARED_AFTER.test(m.text.slice(clause.at + end));
      const group = !perPerson && !ownFigure && (marked || bareTotal || subject || countSubject || summary || pair || shared);
      found.push({
        value: reading.value,
        span: originalSpan(m, clause.at + start, clause.at + end),
        group,
        strong: group && (countSubject || summary || pair || shared || (subject && PAIR_NAMED.test(m.text)) || ((marked || subject) && STRONG_GROUP.test(said.slice(lastGroupMark(said)))) || (subject && STRONG_GROUP.test(said))),
        ownMarked,
        perPerson,
        remaining: REMAINING_BEFORE.test(before) || MONEY_CUE_AFTER.test(after),
        total,
      });
    }
  }
  return { found, paid, paidFigures };
}

const PART_MONTH = '(?:\\d{1,2}|十[一二]?|[一二两三四五六七八九]|腊|正)月份?';
const PART_FIGURE = '(\\d+(?:\\.\\d+)?(?:[万千wWkK]\\d*)?|[零一二两三四五六七八九十百千万]+)(块钱|元钱|块|元)?';
const PART = `(${PART_MONTH})\uE001?(?:的|工资|工钱|是|有)*\uE001?${PART_FIGURE}`;
const PART_SEP = '(?:[\uE001,，、;；]|和|跟|还有|加上|另外|以及)*';
/** A message made only of months and what each is owed: `10月份的3000 11月份的3500`, `9月4000 10月4000 11月4000`. */
const MONTH_PARTS = new RegExp(
  `^(?:我的|工资|工钱|欠了?|欠我|拖欠了?|还差|差|没发|没给|分别是|是)*((?:${PART}${PART_SEP}){2,})(?:都|也|还|一直)?(?:没给|没发|没结|没拿到|没付)?(?:的|了|呢|吧)?[。.!！]*$`,
  'u',
);

/** Each part of such a message (matchAll works on a copy: the pattern's own lastIndex is never moved). */
const PART_ALL = new RegExp(PART, 'gu');

/**
 * The sum of a message made only of months and what each is owed (`10月份的3000 11月份的3500` → 6500), to be
 * confirmed as the amount; null unless every part is money (a figure of 100 or more, or with its unit), each
 * month is said once and none is a range.
 */
function monthParts(raw: string): { value: Amount; span: Span } | null {
  // Every space parts two figures here (`3000 11月份`): no digits are joined across it, as mapText does for `8 000`.
  const m: Mapped = { text: '', from: [], to: [] };
  let i = 0;
  for (const ch of raw.replace(/\s+/gu, (sp) => SOFT_BREAK.padEnd(sp.length, ' '))) {
    const n = ch === ' ' ? '' : unchangedChar(ch) ? ch : normalizeText(ch).replace(/\s+/gu, '');
    for (let k = 0; k < n.length; k++) {
      m.from.push(i);
      m.to.push(i + ch.length);
    }
    m.text += n;
    i += ch.length;
  }
  const whole = MONTH_PARTS.exec(m.text);
  if (!whole) return null;
  const at = whole.index + whole[0].indexOf(whole[1]!);
  const months = new Set<string>();
  let yuan = 0;
  let approx = false;
  let first = -1;
  let last = -1;
  for (const part of whole[1]!.matchAll(PART_ALL)) {
    const [said, month, figure, unit] = part as unknown as [string, string, string, string | undefined];
    const reading = readAmount(`${figure}${unit ?? ''}`);
    if (!reading.ok || reading.value.upTo !== null || (reading.value.yuan < 100 && !unit) || months.has(month.replace(/份$/u, ''))) return null;
    months.add(month.replace(/份$/u, ''));
    yuan += reading.value.yuan;
    approx ||= reading.value.approx;
    if (first < 0) first = at + (part.index ?? 0);
    last = at + (part.index ?? 0) + said.length;
  }
  if (months.size < 2) return null;
  return { value: { yuan: Math.round(yuan * 100) / 100, approx, upTo: null }, span: originalSpan(m, first, last) };
}

/**
 * Right after a figure, before the next one: the person took the figure back and said the next instead
 * (`三万块 不对 是三万五`, `八千 哦不是 九千`, `八千块 说错了是八千五`, `一万 一万二左右`: a spoken restart).
 */
const TAKEN_BACK_AFTER =
  /^[\s,，。.;；:：!！、]*(?:(?:哦|噢|喔|啊|呃|额|哎|诶|唉|嗯)[\s,，、]*)?(?:不对不对|不对|不是不是|(?:我|俺)?(?:说|打|写|讲|记)错(?:了)?|错了|更正(?:一下)?|应该是|准确(?:地|的)?说|(?<=[哦噢喔啊呃额哎诶唉嗯][\s,，、]*)不是?|不(?:[\s,，、]*不)+|不是(?=[\s,，、]*是)|(?<=[哦噢喔][\s,，、]*)(?=是))(?:[\s,，、]*(?:是|应该是|其实是))?[\s,，、]*$/u;
/** Between two figures, the second set against the first as what it really is (`但是其实应该是`, `可实际上是`). */
const CLAIMED_INSTEAD = /^[\s,，。、]*(?:但是?|可是?|不过)[\s,，、]*(?:其实|实际上?|事实上)(?:应该)?(?:是|有)?[\s,，:：]*$/u;
/** Right before a figure: it is denied (`欠我的不是五千 是六千`), so a figure after it is the one meant. */
const DENIED_BEFORE = /不是[\s,，:：]*$/u;
/** Between two figures, `不是` standing alone (`八千 不是 九千`): the one meant cannot be told (this one, not that; or no, that one). */
const UNCLEAR_NOT = /^[\s,，、]*不是[\s,，、]+$/u;
/** Between a rough figure and a closer one: words that give it (`具体是`, `其实`, `差不多`), or none but a pause. */
const REFINED_BETWEEN =
  /^[\s,，。、]*(?:(?:具体|确切|准确|精确|仔细)(?:的|地)?(?:数|数字|数目|金额)?(?:来说|说|算|算下来|算的话)?(?:是|有|应该是)?|(?:实际|其实|实际上)(?:是|有|应该是)?|(?:算下来|仔细算算?|细算)(?:是|有|应该是)?|(?:差不多|大概|大约|估计|应该)(?:是|有)?)?[\s,，:：]*$/u;
/** A word that gives a closer figure, between the two or opening the second (`差不多一万三`). */
const REFINE_WORD = /^[\s,，。、]*(?:具体|确切|准确|精确|仔细|实际|其实|算下来|细算|差不多|大概|大约|估计|应该)/u;
/** Only fillers between two figures (`一万 一万二`, `一万 嗯 一万二`): the second may restart the first. */
const FILLERS_ONLY = /^[\s,，、]*(?:(?:嗯|呃|额|啊|那个|就是|大概|大概是|差不多|应该)[\s,，、]*)*$/u;

/**
 * Only a pause between two figures, as people speak while they work a sum out (`三万多吧三万七千八`, `两万八左右 我算算
 * 两万八千六`, `七千二来着 七千二吧`): particles, sounds, recalling words (the 着 of a 来着 whose 来 the figure took
 * as a hedge).
 */
const PAUSE_ONLY =
  /^着?[\s,，。、…~!！]*(?:(?:\.{2,}|吧|啊|呀|呢|嘛|哦|噢|嗯|呃|额|那个|就是|来着|(?:我|让我|我再|再)?(?:算算|想想|看看|算一下|想一下|看一下|算了一下|数数)|等等|等一下)[\s,，。、…~!！]*)*$/u;
/** `还是` alone between two figures: the two weighed (`七千还是七千二`). */
const WEIGHED_BETWEEN = /^[\s,，]*还是[\s,，]*$/u;

/**
 * The mentions left when the person corrected a figure as they spoke: one taken back (TAKEN_BACK_AFTER) gives way
 * to the next, which keeps what the words said of the first (whose, a total); a figure said again longer after
 * fillers only (`一万 一万二左右`, spoken: typed digits `3000 3500` are a list) is a restart, the longer meant. Null when a figure and the next stand on either
 * side of a bare `不是` (`八千 不是 九千`): which one is meant is asked, never guessed.
 */
function correctedMentions(raw: string, found: AmountMention[]): AmountMention[] | null {
  const out: AmountMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const cur = found[i]!;
    const next = found[i + 1];
    if (!next) {
      out.push(cur);
      continue;
    }
    const between = raw.slice(cur.span[1], next.span[0]);
    if (UNCLEAR_NOT.test(between) && !sameAmount(cur.value, next.value)) return null;
    const first = raw.slice(cur.span[0], cur.span[1]).replace(/(?:块钱|元钱|块|元)$/u, '').replace(/^\s+/u, '');
    const second = raw.slice(next.span[0], next.span[1]).replace(/^\s+/u, '');
    const restart = FILLERS_ONLY.test(between) && /^[零一二两三四五六七八九十百千万]+$/u.test(first) && second.startsWith(first) && second.length > first.length;
    // `不是五千 是六千`: the figure after `不是` is denied, the next one said instead.
    const denied = DENIED_BEFORE.test(raw.slice(i === 0 ? 0 : found[i - 1]!.span[1], cur.span[0]));
    // `一万多 差不多一万三`, `大概8000 具体是8200`: a rough figure, then a closer one where it points: the closer one.
    const refined = REFINED_BETWEEN.test(between) && REFINE_WORD.test(`${between}${second}`) && withinRough(cur.value, first, next.value);
    // `三万多吧三万七千八`, `两万八左右 我算算 两万八千六`: a rough figure, a pause, then an exact one where it points.
    const paused = PAUSE_ONLY.test(between) && !next.value.approx && finer(next.value, cur.value) && withinRough(cur.value, first, next.value);
    // `七千还是七千二来着 七千二吧`: two weighed, then (after a pause) one of them said again: that one.
    const after = found[i + 2];
    const weighed = WEIGHED_BETWEEN.test(between) && after !== undefined && after.value.upTo === null && PAUSE_ONLY.test(raw.slice(next.span[1], after.span[0])) && (after.value.yuan === next.value.yuan || after.value.yuan === cur.value.yuan);
    const before = i > 0 ? found[i - 1]! : undefined;
    const settled = before !== undefined && WEIGHED_BETWEEN.test(raw.slice(before.span[1], cur.span[0])) && PAUSE_ONLY.test(between) && next.value.upTo === null && (next.value.yuan === cur.value.yuan || next.value.yuan === before.value.yuan);
    // `欠条上写的是一万零八百 但是其实应该是一万二`: the figure set against it, the person's own, is the one meant.
    const instead = CLAIMED_INSTEAD.test(between);
    if (instead || TAKEN_BACK_AFTER.test(between) || restart || denied || refined || paused || weighed || settled) {
      found[i + 1] = {
        ...next,
        group: next.group || cur.group,
        strong: next.strong || cur.strong,
        ownMarked: next.ownMarked || cur.ownMarked,
        perPerson: next.perPerson || cur.perPerson,
        remaining: next.remaining || cur.remaining,
        total: next.total || cur.total,
      };
      continue;
    }
    // `老板欠我八千 九千`, `两万多 三万多`: two figures with only a pause between, neither taken back nor refined: which is
    // meant is asked at the question (none taken here).
    if (PAUSE_ONLY.test(between) && cur.value.upTo === null && next.value.upTo === null && !sameAmount(cur.value, next.value)) return null;
    out.push(cur);
  }
  return out;
}

const sameAmount = (a: Amount, b: Amount): boolean => a.yuan === b.yuan && a.approx === b.approx && a.upTo === b.upTo;

/** One value among mentions: all the same, or exactly one explicitly marked; otherwise none. */
function single<T extends { value: Amount; ownMarked: boolean; perPerson?: boolean }>(list: T[]): T[] {
  if (list.length === 0) return [];
  const first = list[0] as T;
  if (list.every((x) => sameAmount(x.value, first.value))) return list;
  const marked = list.filter((x) => x.ownMarked);
  const firstMarked = marked[0];
  if (firstMarked && marked.every((x) => sameAmount(x.value, firstMarked.value))) return marked;
  // `一个人大概两万多 我的是23000`: what each one is owed, then the person's own said apart: their own.
  const mine = marked.filter((x) => !x.perPerson);
  const firstMine = mine[0];
  if (firstMine && mine.length < marked.length && mine.every((x) => sameAmount(x.value, firstMine.value))) return mine;
  return [];
}

/** Whether a message says money was paid already (`给了1万`, `付了一半`): its other amounts are then not simply what is owed. */
export function saysPaid(text: string): boolean {
  try {
    const m = prepare(text);
    return m ? amountMentions(m).paid : false;
  } catch {
    return false;
  }
}

/**
 * The money a message says was paid already (`只给了两千`, `中间给过我一万`): its figures, each as said; an empty
 * list when none is said with a figure (`给了一半`). What is still owed is worked out by the caller, and confirmed.
 */
export function paidFigures(text: string): Amount[] {
  try {
    const m = prepare(text);
    return m ? amountMentions(m).paidFigures : [];
  } catch {
    return [];
  }
}

/**
 * Parts of a sum, then the sum said as a total (`工资一万加班费两千一共一万二`): the total is what is owed, the parts
 * how it is made up. Only when the parts (exact figures, said before it, none of them a group's or a share) add up
 * to it exactly; otherwise the mentions as they were (two different figures: none taken).
 */
function partsAndTotal<T extends AmountMention>(list: T[]): T[] {
  if (list.length < 3) return list;
  const last = list[list.length - 1]!;
  const parts = list.slice(0, -1);
  if (!last.total || last.group || last.perPerson || last.value.upTo !== null) return list;
  if (parts.some((x) => x.group || x.perPerson || x.total || x.value.approx || x.value.upTo !== null)) return list;
  const sum = parts.reduce((n, x) => n + x.value.yuan, 0);
  return Math.abs(sum - last.value.yuan) < 0.005 ? [last] : list;
}

/**
 * Finds money inside a sentence: the person's own unpaid wages (`own`) and
 * the group's total (`group`), with the spans taken.
 *
 * A number counts as money only with a money cue: a currency word (`元`,
 * `块`, `¥`), 万/千 as a unit (`7万4`, `三千`), or right after
 * `工钱`/`工资`/`钱`/`欠`/`差`/`拖`/`少给`/`没给`/`没发`. Never money: a
 * headcount (`8个人`), a duration (`三个月`), a date (`10月`, `3号`,
 * `2025年`), a phone or ID number, a rate (`一天300`, `每月5000`), money
 * paid or deducted (`只给了3000`, `押金500`).
 *
 * A single amount is `own` unless the words make it the group's total
 * (`我们一共`, `大家一共`, `总共欠我们`, `全班组`): `我们8个人一共欠了7万4`
 * gives own 74000. `我自己两万八，我们一共三十多万` gives own 28000 and
 * group 300000 (approx). Two different own amounts (or group totals) give
 * none of that kind.
 */
export function findAmounts(text: string): { own: Amount | null; group: Amount | null; spans: Span[]; ownSaidForGroup?: true } {
  const found = amountsOnce(text);
  // A copy for each caller, as amountMentions gives.
  return { ...found, own: found.own && { ...found.own }, group: found.group && { ...found.group }, spans: found.spans.map((x): Span => [x[0], x[1]]) };
}

/** The amounts of a text, read once a turn (a turn asks about twice: the facts, the amount's own reading). */
const amountsOnce = readOnce(readAmounts);

function readAmounts(text: string): { own: Amount | null; group: Amount | null; spans: Span[]; ownSaidForGroup?: true } {
  const none = { own: null, group: null, spans: [] as Span[] };
  try {
    const m = prepare(text);
    if (!m) return none;
    // `10月份的3000 11月份的3500`: the parts added up (a reading, confirmed as every fact is).
    const parts = monthParts(text);
    if (parts) return { own: parts.value, group: null, spans: [parts.span] };
    const said = amountMentions(m);
    const corrected = correctedMentions(text, said.found);
    if (corrected === null) return none;
    const mentions = partsAndTotal(said.paid ? corrected.filter((x) => x.remaining) : corrected);
    if (mentions.length === 0) {
      const word = keywordAmount(text);
      return word ? { own: word.value, group: null, spans: [word.span] } : none;
    }
    let own = single(mentions.filter((x) => !x.group));
    let group = single(mentions.filter((x) => x.group));
    // One figure, said for the group: it is what the person reports as owed (LABELS.md, groupAmount).
    // The caller knows whether two or more are owed (then it is their total: wage.ts `extract`).
    const saidForGroup = own.length === 0 && group.length > 0 && mentions.every((x) => x.group);
    if (saidForGroup) [own, group] = [group, []];
    const spans = [...own, ...group].map((x) => x.span).sort((a, b) => a[0] - b[0]);
    return { own: own[0]?.value ?? null, group: group[0]?.value ?? null, spans, ...(saidForGroup ? { ownSaidForGroup: true as const } : {}) };
  } catch {
    return none;
  }
}

/**
 * Whether a message gives a sum for the group and none for the person (`大家一共三十万`,
 * `我们班组12个人 老板欠了二十多万`, `我自己的不知道 总共欠了二十万`): at the amount question no clause
 * of it is the person's own answer (flows/nlu/understand.ts).
 */
export function groupSaid(text: string): boolean {
  const found = findAmounts(text);
  return found.ownSaidForGroup === true || (found.own === null && found.group !== null);
}

/**
 * The one sum of a message said for a group plainly more than the person, and nothing said as theirs
 * (`大家一共三十万`, `我们班组一共十万`, `全部工人加起来五十多万`, `包括我老乡的一共两万`, `我自己的不知道
 * 总共欠了二十万`, `我们班组12个人 老板欠了二十多万`): the group's total even before the headcount is known,
 * never the person's own (their own is asked). Null otherwise, `我们一共被欠了7万` included (我们 alone may
 * be one person's way of talking: LABELS.md, groupAmount).
 */
export function saidForEveryone(text: string): Amount | null {
  try {
    const m = prepare(text);
    if (!m) return null;
    const said = amountMentions(m);
    const corrected = correctedMentions(text, said.found);
    if (corrected === null) return null;
    const mentions = said.paid ? corrected.filter((x) => x.remaining) : corrected;
    if (mentions.length === 0 || !mentions.every((x) => x.group && !x.ownMarked)) return null;
    const group = single(mentions);
    return group.length > 0 && group.some((x) => x.strong) ? group[0]!.value : null;
  } catch {
    return null;
  }
}

/**
 * What each person is owed, said alone (`每人八千`, `一人一万左右`, `每个人大概五六千`): the figure, or null
 * (no such figure, another sum besides it, or two different ones). At the group's question it is a share,
 * to be multiplied by the headcount and confirmed, never the group's total as said.
 */
export function perPersonAmount(text: string): Amount | null {
  try {
    const m = prepare(text);
    if (!m) return null;
    const said = amountMentions(m);
    if (said.paid || said.found.length === 0 || !said.found.every((x) => x.perPerson)) return null;
    const first = said.found[0]!.value;
    return said.found.every((x) => sameAmount(x.value, first)) ? first : null;
  } catch {
    return null;
  }
}


/**
 * The one sum of a message that names the person with someone working beside them (`我和老公在饭店干 老板欠了一万五`,
 * `我跟我哥在工地 欠了三万`, `我们俩在厂里干 老板欠了两万`) and says it neither as the person's own (`欠我`, `我的`), nor
 * as theirs together (`欠了我们`, `我和老公一共`), nor as each one's (`每人`): whose it is cannot be told (hers alone, or
 * the two together?), and is asked, never taken. `who`: the one named (`老公`), null when not named by a kin word.
 * Null otherwise.
 */
export function pairSumUnclear(text: string): { value: Amount; who: string | null } | null {
  try {
    const m = prepare(text);
    if (!m || !PAIR_NAMED.test(m.text)) return null;
    // `我和我哥都在砖厂 他的结了 我的没结 欠了5千`: the other one paid, the person not: the sum is the person's own.
    if (OTHER_PAID.test(m.text) && OWN_UNPAID.test(m.text)) return null;
    const said = amountMentions(m);
    if (said.paid) return null;
    const corrected = correctedMentions(text, said.found);
    if (!corrected || corrected.length === 0) return null;
    if (corrected.some((x) => x.group || x.ownMarked || x.perPerson)) return null;
    const first = corrected[0]!.value;
    if (!corrected.every((x) => sameAmount(x.value, first))) return null;
    const kin = PAIR_KIN.exec(m.text);
    return { value: first, who: kin ? (kin[1] ?? kin[2] ?? null) : null };
  } catch {
    return null;
  }
}

/**
 * Whether the one amount a message gives (the `own` of {@link findAmounts}) is said as a total
 * (`5个人 一共欠了六万`, `工资一共八千块`) and not as the person's own (`一共欠我八千`): with two or
 * more people owed, the caller takes it for their total.
 */
export function amountSaidAsTotal(text: string): boolean {
  try {
    const m = prepare(text);
    if (!m) return false;
    const said = amountMentions(m);
    const all = said.paid ? said.found.filter((x) => x.remaining) : said.found;
    // A total said with a count of people (`5个人 一共欠了六万`) is read as the group's too: still a total.
    const mentions = all.some((x) => !x.group) ? all.filter((x) => !x.group) : all;
    return mentions.length > 0 && mentions.every((x) => x.total);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Headcount

const HEAD_NUM = '[0-9零〇一二两俩三四五六七八九十百千几](?:[0-9零〇一二两三四五六七八九十百千]|多|来|几|余)*';
const PERSON = '(?:个人|个工人|个工友|个兄弟|个弟兄|个师傅|个老乡|个农民工|名工人|名工友|位工友|位师傅|号人|号兄弟|名|位|人|个)';
/** What may not follow a count of people: 8个月, 3个小时, 三口人. */
const NOT_PERSON_AFTER = '(?!多?(?:月|年|天|号|日|钟|点|口|工|小时|星期|礼拜|块|元|万|千)|(?:班|组|队|车间|厂|工地|地方|村|公司|单位|项目|宿舍|老板|包工头))';
/** Jobs people are counted by (`三个服务员`, `五个保安`): not workers' nouns alone (工人, 工友: see HEADCOUNT_PATTERNS). */
const JOBS = '服务员|保安|保洁员?|厨师|帮厨|洗碗工|员工|店员|营业员|收银员|司机|普工|小工|大工|焊工|电工|木工|瓦工|钢筋工|水电工|油漆工|搬运工|装卸工|快递员|骑手|外卖员|学徒|徒弟|技工|操作工|杂工|服务生|理发师|美容师';
const JOB_COUNTED = new RegExp(`(?<=[个名位])(?:${JOBS})$`, 'u');
/** `一块干活的`, `一起打工的`, `村里一起出来的` between 我们 and the count. */
const TOGETHER_WORKING = '(?:(?:村里?|一个村|同村|老家)(?:的)?)?(?:一块儿?|一起)(?:出来打工|出去打工|干活|打工|做工|上班|干|做|去|出来|出去|过来|来)?的';
/** `涉及`, `一共涉及工人` before a count. */
const INVOLVING_WORDS = '(?:一共|共)?(?:涉及|牵涉)(?:到)?(?:的)?(?:工人|农民工|员工|工友)?(?:有)?';
const COLLECTIVE =
  '(?:我们(?:车间|厂里|工地上|组里|队里)(?:一共|总共)?(?:有)?|(?:我们|咱们|俺们)(?:村里?|老家)(?:的)?|我们班组|我们班|我们组|我们队|班组里?|班里|班上|一个班组?|组里|队里|连我|加上我|算上我|包括我|我们这边|我们|咱们|俺们|我哋|我地|大家|工友们|兄弟们)';
const COMPANION =
  '(?:老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|弟弟|弟|哥哥|哥|姐姐|姐|妹妹|妹|兄弟|老乡|同乡|同事|工友|老表|表哥|表弟|堂哥|堂弟|姐夫|妹夫|侄子|外甥|爸爸|爸|老爸|父亲|叔叔|舅舅|师傅|徒弟|朋友)';
/** One of the family, one person each when named beside the person (`我和我老公`, `我跟我哥`); never a plural. */
const KIN = '(?:老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|弟弟|弟|哥哥|哥|姐姐|姐|妹妹|妹|老表|表哥|表弟|堂哥|堂弟|姐夫|妹夫|侄子|外甥|爸爸|爸|老爸|父亲|叔叔|舅舅)';
/**
 * The person with others they name (`我和我老公`, `我跟我哥`, `我们夫妻俩`, `我们俩`, `我和老乡们`): two or more
 * people, the person among them.
 */
const PAIR = `(?:(?:我|俺)(?:(?:和|跟|与|同|、|还有)(?:我|俺)?(?:的)?${COMPANION}(?:们)?)+|(?:我|俺)(?:的)?${COMPANION}(?:们)?(?:和|跟|与|同|、)(?:我|俺)(?!们)|(?:我们|咱们|俺们)?(?:夫妻俩|夫妻两个人?|夫妻二人|两口子)|(?:我们|咱们|俺们|我|咱|俺)(?:俩|仨)|(?:我们|咱们|俺们)(?:两|三)个(?:人)?(?!多?月|半|小时|星期|礼拜))`;
/** How many they are, said after them (`我和我老婆两个人`). */
const PAIR_COUNT = `(?:(?:一共|总共|共)?(?:俩|仨|两个人?|两人|(?![一1](?:个人|个|人))${HEAD_NUM}(?:个人|个|人)))?`;
const PAIR_HEDGES = '(?:一共|总共|加起来|合计|大概|大约|差不多|将近|估计|有|足足|整整|是)*';
/**
 * A sum owed to the person and others they name, right before it: `欠了我和我老公三万多`, `老板欠我们夫妻俩两万`,
 * `我跟我哥的工资一共被拖了两万`, `我和我老婆两个人一共三万`, `跟我老公加起来四万`, `加上我老公的一共两万四`. Theirs
 * together, never the person's own.
 */
const PAIR_OWED = new RegExp(
  `(?:欠|拖欠|拖|差|少给|没给|没发|没结|(?<!已经?|只|先|都)给(?![了过]))(?:了|着)?${PAIR}${PAIR_COUNT}(?:的)?(?:工资|工钱|钱)?(?:结清?|发|付|还|补)?${PAIR_HEDGES}$|` +
    `(?:和|跟|连|连同|加上|算上|包括)(?:我|俺)(?:的)?${COMPANION}(?:们)?(?:的)?(?:工资|工钱)?(?:加起来|合起来|加一起|加在一起|一共|总共|合计)${PAIR_HEDGES}$|` +
    `${PAIR}${PAIR_COUNT}(?:的工资|的工钱|工资|工钱|的)?(?:都|总共|一共|全部|加起来|合起来|加一起|合计)?(?:被(?:老板|包工头|工头|公司|厂里)?|(?:老板|包工头|工头|公司|厂里)(?:一共|总共)?)?(?:(?:欠|拖欠|拖|差)(?:了|着)?(?:工资|工钱)?)?${PAIR_HEDGES}$`,
  'u',
);
/**
 * What the one who owes said or promised to the person and others they name (`老板跟我和我老公说 过年前给三万`,
 * `包工头答应我跟我哥年底结两万`): a sum said after it is theirs together, never the person's own.
 */
const PAIR_PROMISED = new RegExp(
  `(?:(?:跟|对|和|向)${PAIR}${PAIR_COUNT}(?:说|讲|讲好|说好|承诺|保证|答应)|(?:答应|承诺|保证)(?:了|过)?(?:给|帮)?${PAIR}${PAIR_COUNT})(?:了|过|的)?(?!.*(?:我自己|我个人|我本人|我的|我这边|其中我|每人|每个人|一人|欠我(?!们|和|跟)))`,
  'u',
);
/** Money paid to the person and others they name (`老板给了我和我老公三万`): paid, never owed. */
const PAID_TO_PAIR = new RegExp(`(?<!没|还没|没有|未|少)(?:给了|发了|付了|结了|打了|转了|还了|给过|发过|付过|结过)${PAIR}${PAIR_COUNT}(?:的)?(?:工资|工钱|钱)?$`, 'u');
/** The same figure for each of them (`我和我老婆都是六千`, `我们两个都是六千`): what each is owed, never their total. */
const EACH_THE_SAME = new RegExp(
  `(?:${PAIR}${PAIR_COUNT}|(?:我们|咱们|俺们|大家)(?:[0-9两俩二三四五六七八九十]+个人?)?)(?:的工资|的工钱|工资|工钱|的)?(?:也)?(?:都是|都有|各是|各有|各)(?:大概|差不多|大约)?$`,
  'u',
);
/** The person and others named, in a message: 我们 said there is them, never one person's way of talking. */
const PAIR_NAMED = new RegExp(PAIR, 'u');
/** Every such naming, to take them out (replace starts a global pattern from 0 each time). */
const PAIR_ALL = new RegExp(PAIR, 'gu');
/** The one named beside the person (`我和老公`, `我跟我哥`, `我和老乡们`): group 1 or 2, who; none for `我们俩`, `两口子`. */
const PAIR_KIN = new RegExp(`(?:我|俺)(?:和|跟|与|同|还有)(?:我|俺)?(?:的)?(${COMPANION}(?:们)?)|(?:我|俺)(?:的)?(${COMPANION}(?:们)?)(?:和|跟|与|同)(?:我|俺)(?!们)`, 'u');
/**
 * The person and others named, all of them owed, right before a sum (`我和老公都被欠了一万五`): each of them that much,
 * or the two together? Neither read as theirs together ({@link PAIR_OWED}): whose it is is asked (pairSumUnclear).
 */
const PAIR_ALL_OWED = new RegExp(
  `${PAIR}${PAIR_COUNT}(?:的工资|的工钱|工资|工钱|的)?(?:也)?都(?:被(?:老板|包工头|工头|公司|厂里)?|(?:老板|包工头|工头|公司|厂里))?(?:欠|拖欠|拖|差)(?:了|着)?(?:工资|工钱)?(?:大概|大约|差不多|有)*$`,
  'u',
);

/**
 * `加上他9个`, `连班组长一共十个人`: a count with someone added to the ones
 * said before (`班组长带了8个工人 加上他9个`) is the total: it wins over them.
 */
const WITH_SOMEONE = '(?:加上|算上|连上?|包括|带上)(?:他|她|我|俺|班组长|组长|包工头|工头|老板|师傅|领班|带班的)(?:们)?(?:在内)?(?:一共|总共|共|是|有|就|就是)*';
const TOTAL_HEADCOUNT = new RegExp(`^${WITH_SOMEONE}`);

const HEADCOUNT_PATTERNS: readonly RegExp[] = [
  // Just me.
  /(?:就|只有|仅|只)(?:我|俺)(?:自己(?:一个人?)?|一个人?|1个人?)|(?:就|只有)(?:我|俺)(?:自己)?$|我自己一个人/g,
  // A couple: 我们夫妻俩, 两口子.
  /(?:我们|咱们|俺们)?(?:夫妻俩|夫妻两个人?|两口子)/g,
  // Two of us.
  /(?:(?:我们|咱们|俺们)(?:俩|两个人?|两人)|(?:我|咱|俺)俩)(?!多?(?:月|年|天|号|日|钟|点|口|工|小时|星期|礼拜)|[孩娃小儿女老])/g,
  // Me and my wife, two of us.
  new RegExp(`我(?:(?:和|跟|与|、|还有|带着?)我?的?${COMPANION})+(?:一共|总共|共)?${HEAD_NUM}(?:个人|个|人)${NOT_PERSON_AFTER}`, 'g'),
  // 我们8个人, 班组十来个人, 连我一共5个, 一个班十几个人, 我们一块干活的十几个人, 我们老乡五个人.
  new RegExp(`${COLLECTIVE}(?:(?:的)?(?:老乡|同乡|工友)(?:们)?)?(?:${TOGETHER_WORKING})?(?:一共|总共|共|有|是|加起来|这)*(?:大概|大约|差不多|将近|估计)?${HEAD_NUM}${PERSON}${NOT_PERSON_AFTER}`, 'g'),
  // 欠薪15万 涉及40人.
  new RegExp(`${INVOLVING_WORDS}${HEAD_NUM}${PERSON}${NOT_PERSON_AFTER}`, 'g'),
  // 3个人欠了3万, 十几个人都没拿到钱: a count opening its clause, as who is owed.
  new RegExp(`^(?!一(?:个|人))${HEAD_NUM}(?:个人|个工人|个工友|名工人|人)(?=(?:都|一共|总共|全)?(?:被)?(?:老板|包工头|工头|公司)?(?:欠|拖欠|拖|没拿到|没发|没给|没结))`, 'g'),
  // 我们厂一百来号人…没发工资, 全厂两百多人都没拿到: a workplace's people, when the same clause says they are owed
  // (我们公司有500个人 is the company's size).
  new RegExp(`(?:我们(?:厂|公司|工地)|全厂|全公司|厂里|车间里|工地上)(?:一共|总共|有)*${HEAD_NUM}${PERSON}${NOT_PERSON_AFTER}(?=[^，,。;；]*(?:都没|没发|没拿|没给|没有发|没结|拖|欠))`, 'g'),
  // 欠了我和我老公…, 我跟我哥都没拿到钱: the person and the family they name as who is owed, each one a person
  // (a count said after them is the pattern above).
  new RegExp(`(?<=(?:欠|拖欠|拖|差|少给|没给|没发|没结)(?:了|着)?)(?:我|俺)(?:(?:和|跟|与|、|还有)(?:我|俺)?(?:的)?${KIN})+(?!们|${COMPANION}|(?:一共|总共|共)?(?![一1](?:个人|个|人))${HEAD_NUM}(?:个人|个|人))`, 'g'),
  new RegExp(`(?:我|俺)(?:(?:和|跟|与|、|还有)(?:我|俺)?(?:的)?${KIN})+(?=(?:的工资|的工钱|工资|工钱)?(?:都|也|一共|总共|全|加起来|合起来|加一起|加在一起|每人|每个人|一人|各自?)?(?:都|也)?(?:被|没拿到|没发|没给|没结|欠|拖|一分))`, 'g'),
  // 老板跟我和我老公说…, 答应我跟我哥…: the person and the family they name, as the ones the debt was promised to.
  // 我老公和我都被欠了…: the same, the person said last.
  new RegExp(`(?:我|俺)(?:的)?${KIN}(?:和|跟|与|、)(?:我|俺)(?!们)(?=(?:的工资|的工钱|工资|工钱)?(?:都|也|一共|总共|全)?(?:被|没拿到|没发|没给|没结|欠|拖|一分))`, 'g'),
  // 8个兄弟, 八个工友, 30名工人.
  new RegExp(`${HEAD_NUM}(?:个|名|位)(?:工人|工友|兄弟|弟兄|师傅|老乡|农民工)`, 'g'),
  // 店里三个服务员都没发, 五个保安都被欠了: people named by their job, as who is owed only when all of them are said to
  // be (`店里有三个服务员` alone is who works there).
  new RegExp(`${HEAD_NUM}(?:个|名|位)(?:${JOBS})(?=(?:的工资|工资)?(?:都|也|全|全都|一直)+(?:被)?(?:老板|包工头|工头|公司|厂里|店里)?(?:欠|拖|没(?:有)?(?:发|拿|给|结)|拿不到|要不到))`, 'g'),
  // 8个人的工资.
  new RegExp(`${HEAD_NUM}个?人的(?=工资|工钱|钱)`, 'g'),
  // A count with someone added: see TOTAL_HEADCOUNT.
  new RegExp(`${WITH_SOMEONE}${HEAD_NUM}${PERSON}${NOT_PERSON_AFTER}`, 'g'),
];

/** A numeral that may start HEAD_NUM. */
const HEAD_NUMERAL = /[0-9零〇一二两俩三四五六七八九十百千几]/;
const ME = /[我俺]/;
/**
 * For each of HEADCOUNT_PATTERNS, characters one of which every match of it holds: a clause with none of them is not
 * searched with it. Just me and the person with their family: 我 or 俺 in every alternative; a couple: 夫 (夫妻) or 两
 * (两口子); two of us: 俩 or 两; every other pattern a count (HEAD_NUM).
 */
const HEADCOUNT_NEEDS: readonly RegExp[] = [ME, /[夫两]/, /[俩两]/, HEAD_NUMERAL, HEAD_NUMERAL, HEAD_NUMERAL, HEAD_NUMERAL, HEAD_NUMERAL, ME, ME, ME, HEAD_NUMERAL, HEAD_NUMERAL, HEAD_NUMERAL, HEAD_NUMERAL];
/** TOGETHER_WORKING and INVOLVING_WORDS taken off a count, built once. */
const TOGETHER_WORKING_RE = new RegExp(TOGETHER_WORKING, 'u');
const INVOLVING_LEAD = new RegExp(`^${INVOLVING_WORDS}`, 'u');

/**
 * 老板跟我和我老公说…, 答应我跟我哥…: the person and the family they name, as the ones the pay was promised to; only
 * with the pay promised after it, in any clause (`…说 过年前给三万`). `老板跟我和我老公说 明天来上班` counts no one.
 */
const PROMISED_PAIR_COUNT = new RegExp(
  `(?:(?<=(?:跟|对|向))(?:我|俺)(?:(?:和|跟|与|、|还有)(?:我|俺)?(?:的)?${KIN})+(?=(?:说|讲|讲好|说好|承诺|保证|答应))|(?<=(?:答应|承诺|保证)(?:了|过)?(?:给|帮)?)(?:我|俺)(?:(?:和|跟|与|、|还有)(?:我|俺)?(?:的)?${KIN})+(?!们|${COMPANION}))(?=[^。；;]*?(?:给|结|发|付|还)(?:清|完|齐)?(?:我们|咱们|俺们)?[0-9一二两三四五六七八九十百千万])`,
  'u',
);

/** A workplace's people closing a clause (`我们工地十二个人`, `我们厂里一共三十来号人`): group 1 is the count. */
const WORKPLACE_COUNT_CLOSING = new RegExp(`^(?:我们|咱们|俺们)(?:厂|厂里|公司|工地|工地上|车间|班组|工队|施工队|饭店|店里|宿舍|寝室)(?:一共|总共|有)*(${HEAD_NUM}${PERSON})$`, 'u');
/** A workplace or a crew (`我们公司`, `车间`, `班组`): a count of its people is its size. */
const WORKPLACE = /公司|厂|车间|工地|项目|单位|店|班组|班里|班上|组里|队里|部门|站点|网点/u;
/** The debt said of the person alone: `欠我三万`, `拖了我两个月`, `差我八千`. */
const OWED_TO_ME_ONLY = /(?:欠|拖欠|拖|差|少给|没给|没发|没结)(?:了|着)?(?:我|俺)(?!们|和|跟|与|同|、|还有|俩|仨)/u;
/** Others owed besides the person, said anywhere: `都没发`, `大家`, `欠了我们`, `一共`, `所有人`. */
const OTHERS_OWED =
  /(?:欠|拖欠|拖|差|少给|没给|没发|没结)(?:了|着)?(?:我们|咱们|俺们|大家|他们)|(?:我们|咱们|俺们|他们|人)(?:的工资|工资)?(?:都|也|全)?(?:被|没|拿不到)|(?:都|全|也)(?:被|没|拿不到|不给)|大家|大伙|所有|一共|总共|加起来|工友们|兄弟们|每人|每个人|人均/u;

/** All of them owed, said next (`老板欠了大家二十多万`, `都没拿到钱`). */
const ALL_OWED = /^(?:老板|包工头|工头|公司|厂里|老总)?(?:欠|拖欠|拖)(?:了|着)?(?:大家|我们|咱们|俺们|所有人)|^(?:都|全都|全部|一个都)(?:没|没有)(?:拿到|发|给|结)|^(?:都|全都|全部)(?:被)?(?:欠|拖欠|拖)(?:了|着)/u;

/**
 * Finds how many people are owed, inside a sentence: `我们8个人…` → 8,
 * `班组十来个人` → 10 (approx), `就我一个` → 1, `我和我老婆两个` → 2.
 * A number of people needs a collective word before it (`我们`, `班组`,
 * `连我一共`) or a worker noun (`8个兄弟`, `30名工人`). Vague counts
 * (`我们几个`, `一帮人`), family sizes (`三口人`) and durations (`8个月`)
 * are not headcounts; two different counts give null.
 */
export function findHeadcount(text: string): { value: Headcount; span: Span } | null {
  const found = headcountOnce(text);
  // A copy for each caller, as amountMentions gives.
  return found && { value: { ...found.value }, span: [found.span[0], found.span[1]] };
}

/** The headcount of a text, read once a turn (a turn asks about three times: the facts, the headcount's own reading, a group's sum). */
const headcountOnce = readOnce(readHeadcount);

function readHeadcount(text: string): { value: Headcount; span: Span } | null {
  try {
    const m = prepare(text);
    if (!m) return null;
    const found: Array<{ value: Headcount; span: Span; total: boolean; words: string }> = [];
    for (const clause of clauses(m.text)) {
      for (const [k, pattern] of HEADCOUNT_PATTERNS.entries()) {
        if (!HEADCOUNT_NEEDS[k]!.test(clause.text)) continue;
        for (const match of clause.text.matchAll(pattern)) {
          const start = match.index ?? 0;
          const text = match[0].replace(/的$/, '');
          // `我们一人五千`: what each is owed, never a count of one.
          if (/一个?人$/u.test(text) && /^(?:大概|差不多|都|也)?[0-9一二两三四五六七八九十]/u.test(clause.text.slice(start + match[0].length))) continue;
          const total = TOTAL_HEADCOUNT.test(text);
          const said = (total ? text.replace(TOTAL_HEADCOUNT, '') : text).replace(TOGETHER_WORKING_RE, '').replace(INVOLVING_LEAD, '');
          // `三个服务员`: counted as people (the job is no part of the count).
          const parsed = parseHeadcount(said.replace(JOB_COUNTED, '人'));
          if (!parsed.ok) continue;
          found.push({ value: parsed.value, span: originalSpan(m, clause.at + start, clause.at + start + text.length), total, words: text });
        }
      }
    }
    // `我们公司五百个人老板欠我三万`, `我们车间30个人 欠我八千`: the people of a workplace, the debt said of the person
    // alone and of no one else: the workplace's size, never how many are owed (asked at its question).
    if (OWED_TO_ME_ONLY.test(m.text) && !OTHERS_OWED.test(m.text)) {
      const kept = found.filter((f) => !WORKPLACE.test(f.words));
      found.splice(0, found.length, ...kept);
    }
    // `我们村五个人在工地 每人欠了两万`: the village's people owed; with no debt said (`我们村200多人在外打工`) the
    // village's size, never how many are owed.
    // So is a workplace's (`我们车间有50个人`, `我们公司一共有80人`: how many work there).
    if (!/欠|拖|没(?:有)?(?:发|拿|给|结)/u.test(m.text)) {
      const kept = found.filter((f) => !/^(?:我们|咱们|俺们)(?:村|老家)/u.test(f.words) && !workplaceSize(f.words));
      found.splice(0, found.length, ...kept);
    }
    // `我们工地十二个人 老板欠了大家二十多万`: a workplace's people closing a clause, the next saying all of them are
    // owed (大家, 我们): they are the ones owed (`我们公司有500个人 老板欠我三万` stays the company's size).
    if (found.length === 0) {
      const cs = clauses(m.text);
      cs.forEach((c, i) => {
        const count = WORKPLACE_COUNT_CLOSING.exec(c.text);
        const next = cs[i + 1];
        if (!count || !next || !ALL_OWED.test(next.text)) return;
        const parsed = parseHeadcount(count[1]!);
        if (parsed.ok) found.push({ value: parsed.value, span: originalSpan(m, c.at + count.index + count[0].length - count[1]!.length, c.at + c.text.length), total: false, words: count[0] });
      });
    }
    if (found.length === 0) {
      const promised = PROMISED_PAIR_COUNT.exec(m.text);
      const parsed = promised ? parseHeadcount(promised[0]) : null;
      if (promised && parsed?.ok) found.push({ value: parsed.value, span: originalSpan(m, promised.index, promised.index + promised[0].length), total: false, words: promised[0] });
    }
    if (found.length === 0) return null;
    // A total with someone added wins over the counts it adds to (when it is the only total said).
    const totals = found.filter((f) => f.total);
    if (totals.length > 0 && totals.length < found.length) found.splice(0, found.length, ...totals);
    // Overlapping matches of the same count (我们8个人 / 8个人) are one mention.
    const first = found[0]!;
    if (!found.every((f) => JSON.stringify(f.value) === JSON.stringify(first.value))) return null;
    const best = found.reduce((b, f) => (f.span[1] - f.span[0] > b.span[1] - b.span[0] ? f : b), first);
    // `就我一个 还有个老乡也被欠了`: others owed besides the person; never just the person.
    if (best.value.count === 1 && !best.value.approximate && othersToo(text)) return null;
    return { value: best.value, span: best.span };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Period

/** Characters a period expression is made of (numbers, month words, festivals, framing). */
const PERIOD_CHAR =
  /[0-9零〇一二两俩仨三四五六七八九十半个多年月份号日底初中末旬头尾今去前明本上下这当从自由到至起开始以来现在目如为止~\-./春节元宵清明劳动端午阳秋国庆旦过完后开腊正冬农历阴老干做了直里期最近]/;
/** Numerals: a period may not start or end inside a number (2025年12月 → 025年1). */
const NUMERAL_CHAR = /[0-9零〇一二两三四五六七八九十百]/;
/** Units inside a number (一万五, 3千2): a period may not start with a numeral right after one. */
const NUMBER_UNIT = /[万萬千仟百佰亿点.]/;
/** A period may not start right after these (it would be part of a larger word: 上半年, 去年5月, 每个月). */
const BAD_BEFORE = /[年月份上下前后这本去今明每近头半个大小第]/;
/** …nor end right before these (三个月前, 10月份, 十一月). */
const BAD_AFTER = /[年月份个号日半前后底初中末头尾以之多来]/;
/** Words that say wages were not paid. */
const OWED = /欠|拖|还差|差(?:我|工钱|工资|钱)|少(?:发|给|付|结|算)了?|一分钱?(?:都|也)?(?:莫得|没得|没有)|没发|没给|没拿|没有(?:拿|发|给|结|付|领)|没结|没算|没到手|没领|没付|不给|不发|不结|一分钱?没|分文|讨薪|要工资|要钱|拿不到|要不到|要不回|讨不到|讨不回/;
/**
 * A sentence a voice keyboard broke with a full stop (`老板欠了我。三个月的工资。`): the clause before ends at whom
 * is owed, and this one is only what is owed (its wages), so the two are one.
 */
function sentenceBroken(before: string, clause: string): boolean {
  return /(?:欠|拖欠|拖|扣|压)(?:了|着)?(?:我|我们|俺|俺们)$/u.test(before.trim()) && /^[^，,]{1,8}?(?:的)?(?:工资|工钱)$/u.test(clause.trim());
}

/** Words that say the person left (a month there is when they left, not the wage period). */
const LEFT = /走了|走的|离开|离职|辞职|辞工|不干|不做了|没干了|被开|开除|被辞|辞退|解雇|被炒|被裁|回家|回老家|没去了/;
/** Right after a month: its wage is not due yet (`11月的还没到发的时候`, `这个月的还不到发工资的日子`). */
const NOT_DUE_AFTER = /^(?:份)?(?:的)?(?:工资|工钱)?(?:还|都|也)?(?:没|未|不)到(?:发|结|给|时候|时间|日子)/u;
/** The work said to be over (`活干完了`, `工程做完了`, `完工了`), when not said. */
const WORK_OVER = /干完|做完|完工|完活|收工了|工程结束/u;
/** Leaving said right after a time (`后就不干了`, `以后走的`): the time is when they left. */
const LEFT_NEXT = /^(?:我|俺|就|才|都|也|便)*(?:走了|走的|离开|离职|辞职|辞工|辞了|不干|不做了|没干了|没做了|被开|被辞|开除|回家|回老家|没去了|不去了)/u;
/** A period word that is a range or a start ("until now"), not a single month or a duration. */
const RANGE_WORDS = /到|至|~|-|^(?:从|自从|自)|起|开始|以来|以后|之后|后$|现在|至今|开年/;
/** Time words left over next to the period taken: the run said more than the period (去年干了一年). */
const LEFTOVER_TIME = /[年月号日半]|今|去|前|明|春节|过年|元宵|腊|正月|冬月|农历|阴历|国庆|中秋|端午|清明|五一|劳动|现在|以来|开始/;
const MAX_PERIOD_SPAN = 40;
/** At most this many candidate substrings are parsed per message (a bound on the work, never reached by real messages). */
const MAX_PERIOD_PARSES = 1500;
/** Every period names a month, a year, a duration, "now" or a festival. */
const TIME_ANCHOR = /[年月]|现在|至今|如今|目前|今|春节|过年|年后|年前|开年|元宵|清明|五一|劳动节|端午|端阳|中秋|国庆|十一|元旦|腊|正月|冬月/;
/** A month's wage in figures with its unit after it (`3000一个月`), right after the months owed: no part of the period. */
const RATE_AFTER_PERIOD = /^\d{3,6}(?:\.\d{1,2})?(?:元钱?)?(?:一个?月|一月)$/u;
/** A wage right after a duration makes it a rate: 一个月5000, 一个月三千块. */
const RATE_FOLLOWS = /^(?:的)?(?:工资|工钱)?(?:是|有|给|拿|才)?(?:\d|[一二两三四五六七八九十][十百千万]|[一二两三四五六七八九十]+(?:块|元))/;

interface PeriodMention {
  value: WagePeriod;
  span: Span;
  owedInClause: boolean;
  /** Said as a duration (`三个月`), counted back from now. */
  duration: boolean;
  /** Where it starts in the mapped text. */
  at: number;
  /** A count of months or years (`最近四个月`, `半年`), counted back from now. */
  counted: boolean;
  /** How long they worked (`干了半年`), taken because nothing was paid for it. */
  worked: boolean;
}

/**
 * Finds the wage period inside a sentence: `从3月干到10月一分钱没拿到`,
 * `过完年到现在一直没发`, `欠了三个月工资`. Only in a message that says
 * wages were not paid (`欠`, `拖`, `没发`, `一分钱没拿到` …): ranges and
 * starts (`X到Y`, `X到现在`, `从X开始`, `春节后`) anywhere in it; a single
 * month, a year, a half year or a duration (`三个月`, `10月`, `上半年`) only
 * in the clause saying so, and not in a clause about leaving
 * (`10月份走的`). Rates (`一个月5000`) are not periods; a run of time words
 * with more in it than the period read (`去年干了一年`) is left alone. Two
 * different periods give null (the clause saying "unpaid" wins if only one
 * does). `inferred` is kept (festival readings must be confirmed).
 */
export function findPeriod(said: string, today: Date): { value: WagePeriod; span: Span } | null {
  // A turn asks this of the same words on the same day more than once (the facts, a group's sum, a rate's months): the
  // reading is kept for the turn, a copy for each caller, as findAmounts does.
  const day = today instanceof Date ? today.getTime() : NaN;
  const key = typeof said === 'string' && Number.isFinite(day) ? `${day}\u0000${said}` : null;
  const kept = key === null ? undefined : periodsFound.get(key);
  const found = kept !== undefined ? kept.found : readPeriod(said, today);
  if (key !== null && kept === undefined) periodsFound.set(key, { found });
  return found && { value: { ...found.value }, span: [found.span[0], found.span[1]] };
}

/** findPeriod's readings this turn, by the day's time and the text. */
const periodsFound = notedForTurn<{ found: { value: WagePeriod; span: Span } | null }>();

function readPeriod(said: string, today: Date): { value: WagePeriod; span: Span } | null {
  try {
    const text = periodTakenBack(said);
    if (text === null) return null;
    // `老板欠我三四个月工资`, `欠了3-4个月`: one number of months or the other; none taken here (the question asks which).
    if (monthsRangeSaid(text)) return null;
    // `10月份工资五千 11月份工资六千 都没发`: months listed each with its wage are the months from the first to the last
    // (never the last alone); any other time said besides leaves it unread.
    const listed = monthByMonth(text, today);
    if (listed) {
      const rest = text.slice(0, listed.span[0]) + ' '.repeat(listed.span[1] - listed.span[0]) + text.slice(listed.span[1]);
      const owed = OWED.test(normalizeText(text)) || /^[\s,，、。;；!！]*$/u.test(rest);
      // (`10月5000 11月6000 10月的发了 11月的没发`: a time said besides, of some of the months: which is asked.)
      if (!owed || saysPaid(text) || TIME_ANCHOR.test(rest)) return null;
      return listed;
    }
    const m = prepare(text);
    if (!m) return null;
    const owedAnywhere = OWED.test(m.text);
    if (!owedAnywhere) return keywordPeriod(text, today);
    const found: PeriodMention[] = [];
    // `干了三个月 等了四个月了 钱还没给`: time gone by since is said (kept for the time worked, below).
    let elapsedSaid = false;
    const budget = { parses: MAX_PERIOD_PARSES };
    const all = clauses(m.text);
    // `干了半年 一分钱莫得`: nothing paid for the time worked, so that time is the period owed.
    // `干了半年 最后三个月没给钱`: only some of those months unpaid, never all the time worked.
    // (`老板说甲方没给钱所以发不了`: the client's money to the boss not paid, said of no one's wages.)
    const nothingPaid = NOTHING_PAID.test(m.text.replace(CLIENT_UNPAID, '')) && !amountMentions(m).paid && !PART_UNPAID.test(m.text);
    for (const [k, clause] of all.entries()) {
      const c = clause.text;
      // Clauses parted by a space only are one thought (`干了半年 一分钱莫得`).
      const next = all[k + 1];
      const owedInClause = OWED.test(c) || (clause.soft && OWED.test(all[k - 1]?.text ?? '')) || (next?.soft === true && OWED.test(next.text)) || sentenceBroken(all[k - 1]?.text ?? '', c);
      const leftInClause = LEFT.test(c);
      // `上上个月和上个月的工资都没发`: two months named one after the other, each with its wages, are one period.
      // With this month (`上个月工资和这个月工资`), whose wage is not due yet, what counts needs saying: the period
      // question asks, and says why (never 上个月 alone, as if this month had not been named).
      const covered: Array<[number, number]> = [];
      // `10、11月没发工资`, `10月和11月`: months listed (read as the range they make when they follow on, else nothing),
      // never the last one alone.
      for (const list of c.matchAll(MONTH_LIST_SAID)) {
        const at = list.index ?? 0;
        covered.push([at, at + list[0].length]);
        const year = list[1] ?? '';
        const months = [...list[0].slice(year.length).matchAll(/1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十]/gu)].map((x) => parseChineseNumber(x[0]) ?? 0);
        const follows = months.every((x, k) => k === 0 || x === months[k - 1]! + 1 || (x === 1 && months[k - 1] === 12));
        const parsed = follows ? parsePeriod(`${year}${months[0]}月到${months.at(-1)}月`, today) : null;
        if (parsed?.ok && parsed.value.inferred === null && parsed.value.months === months.length && owedInClause && !leftInClause) {
          found.push({ value: parsed.value, span: originalSpan(m, clause.at + at, clause.at + at + list[0].length), at: clause.at + at, owedInClause, duration: false, counted: false, worked: false });
        }
      }
      for (const pair of c.matchAll(MONTH_PAIR)) {
        const at = pair.index ?? 0;
        const parsed = parsePeriod(pair[0], today);
        covered.push([at, at + pair[0].length]);
        if (parsed.ok && parsed.value.inferred === null && owedInClause && !leftInClause) {
          found.push({ value: parsed.value, span: originalSpan(m, clause.at + at, clause.at + at + pair[0].length), at: clause.at + at, owedInClause, duration: false, counted: false, worked: false });
        }
      }
      let i = 0;
      while (i < c.length) {
        if (!PERIOD_CHAR.test(c.charAt(i))) {
          i++;
          continue;
        }
        let j = i;
        while (j < c.length && PERIOD_CHAR.test(c.charAt(j))) j++;
        if (covered.some(([a, b]) => i < b && j > a)) {
          i = j;
          continue;
        }
        // A run longer than any period is not one (and would cost many parses).
        const best = j - i <= MAX_PERIOD_SPAN ? longestPeriod(c, i, j, today, budget) : null;
        const leftover = best ? c.slice(i, best.start) + c.slice(best.end, j) : '';
        // `欠我两个月 3000一个月` (the space gone in the mapped text): a month's wage said after the months, in figures with
        // its own 一个月, is no more time than the period read.
        const rateAfter = best !== null && c.slice(i, best.start) === '' && RATE_AFTER_PERIOD.test(c.slice(best.end, j));
        if (best && (!LEFTOVER_TIME.test(leftover) || rateAfter)) {
          const sub = c.slice(best.start, best.end);
          const isRange = RANGE_WORDS.test(sub);
          const after = c.slice(best.end);
          const before = c.slice(0, best.start);
          // `三个月工资一万五` is what several months come to, not a monthly rate.
          const months = /^[0-9零两二三四五六七八九十几俩仨]+个?[多来]?月了?$/.test(sub) && /个|俩|仨/u.test(sub);
          // `两千五百块一个月`: a month's wage said before its unit, never a period.
          // `我跟我老公一个月一共一万二`: a month's wage of the two together (not `欠了一个月一共一万二`, a month owed).
          const together = /^一个?月$/u.test(sub) && /^(?:的)?(?:工资|工钱)?(?:一共|总共|加起来|合起来|加一起|加在一起)/u.test(after) && RATE_FOLLOWS.test(after.replace(/^(?:的)?(?:工资|工钱)?(?:一共|总共|加起来|合起来|加一起|加在一起)/u, '')) && !/(?:欠|拖|差|没发|没给|没结)(?:了|着|我|我们|俺)*$/u.test(before);
          // `10月份的工资3100没发`: a month named, then its wage: what that month is owed, never a month's rate.
          // `10月11月工资六千没发`, `10月到11月工资六千`: months named one after the other, then their wages: what those months
          // are owed, never a month's rate (as `10月和11月的工资六千` is read: MONTH_LIST_SAID).
          const named = /^(?:(?:\d{4}|今|去)年)?(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?:(?:[、和跟到至~-])?(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?)*$/u.test(sub);
          const rate = (RATE_FOLLOWS.test(after) && !months && !named) || together || /每$/.test(before) || (/^一个?月$/u.test(sub) && /[0-9零一二两三四五六七八九十百千万](?:块钱|块|元钱|元)$|\d{3,}$|\d[kKwW]$/u.test(before));
          // A range needs a word about unpaid wages somewhere; a single month or a duration, in its own clause.
          // `在宏达做了半年欠我五千`: how long they worked, not how long they were owed; taken only when nothing
          // was paid for it (`干了半年 一分钱莫得`, `在工地干了半年没拿到钱`).
          // `干了快半年`, `做了大概三个月`: a guess between the work and the time is still the time worked.
          const hedged = ROUGH_BEFORE.exec(before)?.[0] ?? '';
          const worked = !isRange && (WORKED_BEFORE.test(before) || (hedged !== '' && WORKED_BEFORE.test(before.slice(0, -hedged.length))) || WORKED_START.test(sub));
          // `干了两个多月 一分钱没给`, `做了快半年`: roughly how long they worked (to now, or to when they left), never counted
          // into calendar months here: which months is asked.
          const roughlyWorked = worked && (/多|来|快|将近|接近|大概|大约|差不多|左右/u.test(sub) || hedged !== '' || /^左右/u.test(after));
          // `现在又过了一年了`: time gone by since, not months owed.
          const elapsed = !isRange && ELAPSED_BEFORE.test(before);
          if (elapsed) elapsedSaid = true;
          // `去年在厂里干到年底，还有8000没结`: the year they worked, not the months unpaid.
          const yearWorked = /^(?:去年|今年|前年|上年)$/.test(sub) && /^(?:在|干|做|上班|打工|进|开始|一直)/.test(after);
          // `干到8月`: when the work ended, not the months unpaid (a range said with its start still counts: 3月干到8月).
          const workEnd = (/^(?:干到|做到|干完|做完)/.test(sub) || /(?:干到|做到|干完|做完)$/.test(before)) && !/.(?:到|至)/.test(sub.replace(/^(?:干到|做到)/, ''));
          // `老板说腊月二十八给结`: when pay was promised, not the months unpaid.
          // `工头讲十月份结` (讲, 许诺 as 说), and `10月份工头说结`, `10月说结的`: the month when it was said or promised, the
          // promise after it; neither the months unpaid (10月 was proposed as the period).
          const promised =
            (/(?:说|讲|答应|应承|许诺|讲好|说好|承诺|保证|放话)[^，,。]{0,6}$/.test(before) && /^(?:就|再|才|之前|以前|前)?(?:给|发|结|付|还)/.test(after)) ||
            /^(?:份)?(?:的时候)?(?:(?:老板娘|老板|包工头|工头|老总|他|她)(?:又|也|就|还)?)?(?:说|讲|答应|说好|讲好|承诺|保证|许诺)(?:了|好|过)?(?:要|会|就|再)?(?:给|发|结|付|还)/u.test(after);
          // `五一后就不干了`, `国庆以后走的`: a start said right before leaving is when they left, never the months owed
          // from then to now (a range with its end, `3月到5月`, still counts).
          const leftFrom = leftInClause && isRange && !/到|至|~|-|现在|至今|如今/u.test(sub) && LEFT_NEXT.test(after);
          // `11月的还没到发的时候`: a month whose wage is not due yet, never one owed.
          const notDue = NOT_DUE_AFTER.test(after);
          // `今年5月辞职的 最后两个月的工资没给`: the last months before they left, never the months up to now.
          const lastBeforeLeaving = !isRange && (/^最后/u.test(sub) || /最后(?:的|那|这)?$/u.test(before)) && LEFT.test(m.text);
          // `去年11月开始干的 过年前的都结了`: when the work began, with pay said settled for part of it, is not when the
          // arrears began (the months since were read as owed).
          const begunPaid = (/开始(?:干活|干|做|上班|打工|进厂|进场)$/u.test(sub) || (/开始$/u.test(sub) && /^(?:干|做|上班|打工|进厂|进场)/u.test(after)) || /^开始(?:干|做|上班|打工|进厂|进场)/u.test(after)) && SETTLED_PART.test(m.text);
          const accepted =
            !notDue && !lastBeforeLeaving && !begunPaid && !rate && !yearWorked && !workEnd && !promised && !elapsed && !leftFrom && !roughlyWorked && (!worked || nothingPaid) && (isRange ? owedAnywhere : (owedInClause || (owedAnywhere && worked)) && !leftInClause);
          if (accepted) {
            found.push({
              value: best.value,
              span: originalSpan(m, clause.at + best.start, clause.at + best.end),
              at: clause.at + best.start,
              owedInClause,
              // (`11月` names a month, never eleven months: only a count says 个, or is 两/俩/仨.)
              duration: !isRange && ((/^[0-9零两二三四五六七八九十俩仨]+个?月$/.test(sub) && /个|两|俩|仨/u.test(sub)) || /^半年$|^一年$/.test(sub)),
              counted: !isRange && COUNTED.test(sub) && !/\d{4}年|^(?:今|去|前|明)年/u.test(sub),
              worked,
            });
          }
        }
        i = j;
      }
    }
    if (found.length === 0) return keywordPeriod(text, today);
    const distinct = (list: PeriodMention[]): PeriodMention[] =>
      list.filter((x, k) => list.findIndex((y) => samePeriod(x.value, y.value)) === k);
    let candidates = distinct(found);
    // `三个月 今年8月到10月的`: a duration and the months it names, as long as each other, are one period (the months).
    const named = distinct(found.filter((x) => !x.duration));
    if (candidates.length > 1 && named.length === 1 && found.every((x) => !x.duration || x.value.months === named[0]!.value.months)) candidates = named;
    // `干了半年 三个月没发工资`: the months said as unpaid, not the time worked.
    if (candidates.length > 1 && distinct(found.filter((x) => !x.worked)).length === 1) candidates = distinct(found.filter((x) => !x.worked));
    if (candidates.length > 1) candidates = distinct(found.filter((x) => x.owedInClause));
    const only = candidates[0];
    if (candidates.length !== 1 || !only) return null;
    // `在鞋厂做了两年 今年的工资一直没发`: the time worked, with another time said for the wages (今年, 5月, 上个月):
    // never all the time worked (which months is asked).
    // `干了三个月 等了四个月了 钱还没给`: the time worked ended a while ago, never the months up to now.
    // `干了三个月 走了两个月了`, `干了三个月 后来活干完了 一直没结`: the work is over, when not said: which months is asked.
    if (only.worked && (elapsedSaid || LEFT.test(m.text) || WORK_OVER.test(m.text))) return null;
    if (only.worked) {
      const at = only.at;
      const end = at + (only.span[1] - only.span[0]);
      const rest = m.text.slice(0, at) + ' ' + m.text.slice(end);
      if (OTHER_TIME.test(rest)) return null;
    }
    // `我去年在河西物业干了大半年 到现在还有四个月工资没发`: a count of months said with another year for the work
    // is not the months up to now (which months is asked). A year said of leaving (`去年10月走的`) is no such thing.
    if (only.counted) {
      const span = [only.at, only.at + (only.span[1] - only.span[0])];
      for (const y of m.text.matchAll(PAST_YEAR)) {
        const at = y.index ?? 0;
        if (at >= span[0]! && at < span[1]!) continue;
        const clause = all.find((c) => at >= c.at && at < c.at + c.text.length);
        if (clause && LEFT.test(clause.text)) continue;
        if (/^\d{4}年$/u.test(y[0]) && Number(y[0].slice(0, 4)) >= fromMonthIndex(currentMonthIndex(today)).year) continue;
        return null;
      }
    }
    return { value: only.value, span: only.span };
  } catch {
    return null;
  }
}

/** A month named with its own wage right after it (`10月份工资五千`, `九月三千五`, `11月的工资是6000元`); group 1 the month. */
const MONTH_WITH_WAGE =
  /(?<![0-9零一二两三四五六七八九十])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?:的)?(?:工资|工钱)?(?:是|有|才)?(?:\d{3,6}(?:\.\d{1,2})?|\d{1,3}(?:\.\d{1,2})?[万wWkK千]\d?|[一二两三四五六七八九十][一二两三四五六七八九十百千万]*[百千万][一二两三四五六七八九]?)(?:块钱|块|元)?(?![0-9零一二两三四五六七八九十百千万号日个])/gu;
/** What may part the months of such a list: spaces, commas, 和, 还有. */
const LIST_GAP = /^[\s,，、;；]*(?:和|跟|还有)?[\s,，、;；]*$/u;

/**
 * Months listed one by one, each with its wage (`10月份工资五千 11月份工资六千`, `10月5000 11月6000`, `九月三千五 十月四千`):
 * the months from the first to the last, when they follow on one after the other (a year may open the list:
 * `去年11月5000 12月6000`). Null for one month alone, or months apart (`9月5000 11月6000`: which months is asked).
 */
export function monthByMonth(text: string, today: Date): { value: WagePeriod; span: Span } | null {
  const items = [...String(text).matchAll(MONTH_WITH_WAGE)];
  if (items.length < 2) return null;
  for (let k = 1; k < items.length; k++) {
    const prev = items[k - 1]!;
    if (!LIST_GAP.test(text.slice((prev.index ?? 0) + prev[0].length, items[k]!.index ?? 0))) return null;
  }
  const months = items.map((x) => parseChineseNumber(x[1]!) ?? Number(x[1]));
  const follows = months.every((x, k) => k === 0 || x === months[k - 1]! + 1 || (x === 1 && months[k - 1] === 12));
  if (!follows) return null;
  const first = items[0]!.index ?? 0;
  const year = /(?:今年|去年|前年|(?:19|20)\d{2}年)$/u.exec(text.slice(0, first))?.[0] ?? '';
  const parsed = parsePeriod(`${year}${months[0]}月到${months.at(-1)}月`, today);
  if (!parsed.ok || parsed.value.inferred !== null || parsed.value.months !== months.length) return null;
  const last = items.at(-1)!;
  return { value: parsed.value, span: [first - year.length, (last.index ?? 0) + last[0].length] };
}

/** A time said as a spoken answer corrects: a count of months or years, or a month named (`三个月`, `半年`, `8月份`). */
const PERIOD_WORD = /(?:[0-9零两二三四五六七八九十俩仨几]+|半)个?半?多?(?:月|年)(?!份?[0-9零一二两三四五六七八九十]+[号日])|(?<![0-9零一二两三四五六七八九十])(?:[0-9]{1,2}|[一二三四五六七八九十]|十[一二])月份?/gu;
/** A hesitation between two times (`三个月 嗯 四个月`): which one is meant is asked, never guessed. */
const HESITATION_ONLY = /^[\s,，、]*(?:(?:嗯|呃|额|啊|那个)[\s,，、]*)+$/u;

/**
 * The message with a time the person took back as they spoke blanked out, with the words taking it back
 * (`欠了三个月 不对 四个月`, `三个月 哦不 四个月`, `不是三个月 是四个月`): the last one said is the one meant.
 * Same length as the message (spans stay right); null when a hesitation parts two different times
 * (`三个月 嗯 四个月吧`).
 */
function periodTakenBack(text: string): string | null {
  const words = [...text.matchAll(PERIOD_WORD)];
  let out = text;
  for (let k = 0; k + 1 < words.length; k++) {
    const cur = words[k]!;
    const next = words[k + 1]!;
    const at = cur.index ?? 0;
    const end = at + cur[0].length;
    const between = text.slice(end, next.index ?? 0);
    const before = text.slice(k === 0 ? 0 : (words[k - 1]!.index ?? 0) + words[k - 1]![0].length, at);
    if (TAKEN_BACK_AFTER.test(between) || DENIED_BEFORE.test(before)) {
      const from = DENIED_BEFORE.test(before) ? at - (DENIED_BEFORE.exec(before)?.[0].length ?? 0) : at;
      out = out.slice(0, from) + ' '.repeat(end + between.length - from) + out.slice(end + between.length);
    } else if (HESITATION_ONLY.test(between) && cur[0] !== next[0]) {
      return null;
    }
  }
  return out;
}

/** Months listed with 、 or 和 between (`10、11月`, `9月、10月和11月`, `十、十一月份`), 月 after each or the last only. */
const MONTH_LIST_SAID =
  /(?<![0-9零一二两三四五六七八九十])((?:今年|去年|前年|(?:19|20)\d{2}年)?)(?:(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月?份?[、和跟])+(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月份?(?![0-9零一二两三四五六七八九十]*[号日])/gu;
/** Two months named one after the other with their wages: `上个月工资和这个月工资`, `上上个月和上个月的工资`. */
const MONTH_PAIR = /(?:上上个?月|上个?月|这个?月|本月)(?:的)?(?:工资|工钱)?(?:和|跟|、|还有|加上?)(?:上上个?月|上个?月|这个?月|本月)(?:的)?(?:工资|工钱)?/gu;
/** Said of the work, right before a duration: `干了半年`, `在宏达做了`, `做了有三个月`, `干了都有半年`. */
/**
 * The client up the chain not paying the boss (`甲方没给钱`, `开发商一直没拨款`): what the boss says holds the wages up,
 * never that nothing was paid to the person.
 */
const CLIENT_UNPAID = /(?:甲方|总包|开发商|发包方|建设方|项目方|业主方|上家|上面)(?:那边|那里)?(?:一直|还|都|也)?(?:没|未|不)(?:有)?(?:给|付|拨|结|打|回)(?:钱|款|工程款|进度款)?(?:下来)?/gu;
const WORKED_BEFORE = /(?:带了|照顾了|伺候了|护理了|干了|做了|打了|上了|干活了|上班了|打工了|干|做|干活|上班|打工)(?:都|也|得|足足|整整|足)?有?$/u;
const WORKED_START = /^(?:已经|一共|总共)?(?:干|做|上班|打工|干活)了/u;
/** A time other than how long they worked: a year, a month, a half year (`今年`, `5月份`, `上个月`, `下半年`). */
const OTHER_TIME = /今年|去年|前年|本年|上半年|下半年|(?:\d{1,2}|[一二三四五六七八九十]|十[一二])月|上个?月|这个?月|本月|春节|过年|年前|年后|年底|年初/u;
/** A guess said between the work and its time (`干了快半年`, `干了差不多两年`, `做了大概有三个月`). */
const ROUGH_BEFORE = /(?:大概|大约|差不多|估计|可能|将近|接近|快)(?:有)?$/u;
/**
 * Time gone by: `又过了一年`, `隔了半年`, `等了四个月` (waited for the money: not how many months' wages) (`过去三个月` is the
 * last three months: not this).
 */
const ELAPSED_BEFORE = /(?:过了|隔了|等了|等|盼了)(?:都|也|得|足足|整整)?(?:有|快|将近|差不多)?$/u;
/** Nothing paid at all: the time worked is then the time owed (not `没结清`, `没付完`: some of it was paid). */
const NOTHING_PAID =
  /一分(?:钱)?(?:都|也)?(?:没|莫|冇|未|不)|分文|(?:一直|从来|始终|都|全|全部|全都|还)(?:都)?(?:没|未|不)(?:有)?(?:发|给|结|拿|领|付)(?![清完齐全])|(?:没|未)(?:有)?(?:发|给|结|付)过|没(?:有)?(?:拿到|拿|领到|领|收到|见到|见过|到手)(?:过)?(?:一分)?(?:钱|工资|工钱)|(?:工资|工钱|钱)(?:都|也|一直|还)?(?:没|未|不)(?:有)?(?:发|给|结|付)(?![清完齐全])|(?:没|不)(?:发|给|结)(?:工资|工钱|钱)/u;
/**
 * Some of the months worked said to be the unpaid ones: `最后三个月`, `后面两个月`, `其中四个月`, `有四个月`, or a
 * count of months said with its wages unpaid (`干了半年 三个月没给钱`).
 */
const PART_UNPAID =
  /(?:最后|后面|后边|后头|后来|其中|(?<!(?:干|做|打工|上班|干活)了?(?:都|也|得)?)有)(?:的|那|这)?[0-9零两二三四五六七八九十俩仨几]+个?多?月|(?<![0-9零两二三四五六七八九十俩仨几]|(?:干|做|打工|上班|干活)了?)[0-9零两二三四五六七八九十俩仨几]+个?多?月(?:的)?(?:工资|工钱|钱)?(?:都|也|还|一直)?(?:没|未|不)(?:有)?(?:发|给|结|拿|付)/u;
/** Pay said settled for some of the time (`过年前的都结了`, `之前的结清了`). */
const SETTLED_PART = /(?<![没未不])(?:结清|结了|给清|发清|付清)/u;
/** A count of months or years, counted back from now (`四个月`, `最近三个月`, `半年`). */
const COUNTED = /(?:[0-9零两二三四五六七八九十俩仨]+|半)个?半?[多来]?(?:月|年)半?多?了?$/u;
/** A year before this one, said apart from the period. */
const PAST_YEAR = /大前年|前年|去年|上年|(?:19|20)\d{2}年/gu;

/**
 * A message of keywords parted by spaces (`欠薪 东龙镇 宏达建筑 12000 3个月 王大军 13812345678`): a word on
 * its own that is a period (`3个月`, `今年9月到11月`), when exactly one is.
 */
function keywordPeriod(text: string, today: Date): { value: WagePeriod; span: Span } | null {
  const words = keywordWords(text);
  if (!words) return null;
  const found = words.filter((w) => TIME_ANCHOR.test(w.text) && !/^\d{9,}$/.test(w.text)).map((w) => ({ w, p: parsePeriod(w.text, today) }));
  const ok = found.filter((f) => f.p.ok);
  if (ok.length !== 1) return null;
  const { w, p } = ok[0]!;
  return p.ok ? { value: p.value, span: [w.at, w.at + w.text.length] } : null;
}

/** Words standing alone that say wages are owed, for a message of keywords. */
const OWED_KEYWORD = /^(?:欠薪|讨薪|欠钱|欠工资|拖欠工资|工资拖欠|欠工钱|拖欠|被欠薪|欠款|讨工资|要工资|工资没发|没发工资|拖欠工钱)$/u;

/**
 * The words of a message made of keywords parted by spaces, one of them saying wages are owed (`欠薪`);
 * null for any other message (a sentence, or punctuation in it).
 */
function keywordWords(text: string): Array<{ text: string; at: number }> | null {
  if (typeof text !== 'string' || text.length > MAX_MENTION_TEXT || /[,，。;；!！?？]/u.test(text)) return null;
  const parts = [...text.matchAll(/\S+/gu)];
  // Fewer than three words: no message of keywords, whatever they say (none normalised for nothing).
  if (parts.length < 3) return null;
  const words = parts.map((x) => ({ text: normalizeText(x[0]), at: x.index ?? 0 }));
  if (!words.some((w) => OWED_KEYWORD.test(w.text))) return null;
  return words;
}

/** A word on its own that is a sum of money (`12000`, `1.2万`, `八千块`): the one sum of a message of keywords. */
function keywordAmount(text: string): { value: Amount; span: Span } | null {
  const words = keywordWords(text);
  if (!words) return null;
  const sums = words.filter((w) => /^(?:¥)?[0-9零〇一二两三四五六七八九十百千万萬.kKwW]+(?:元|块|块钱)?$/u.test(w.text) && (w.text.match(/\d/g)?.length ?? 0) < 9).map((w) => ({ w, r: readAmount(w.text) }));
  const ok = sums.filter((x) => x.r.ok && x.r.value.yuan >= 100);
  if (ok.length !== 1) return null;
  const { w, r } = ok[0]!;
  return r.ok ? { value: r.value, span: [w.at, w.at + w.text.length] } : null;
}

function samePeriod(a: WagePeriod, b: WagePeriod): boolean {
  return a.start === b.start && a.end === b.end && a.months === b.months;
}

/** The longest substring of `c[i, j)` that is a period on its own, at word boundaries. */
function longestPeriod(
  c: string,
  i: number,
  j: number,
  today: Date,
  budget: { parses: number },
): { start: number; end: number; value: WagePeriod } | null {
  for (let len = j - i; len >= 2; len--) {
    for (let s = i; s + len <= j; s++) {
      const e = s + len;
      const sub = c.slice(s, e);
      const prev = c.charAt(s - 1);
      const next = c.charAt(e);
      // `一万五一直没给`: 五一 there ends a number (一万五), it is not May Day.
      if (prev !== '' && (BAD_BEFORE.test(prev) || ((NUMERAL_CHAR.test(prev) || NUMBER_UNIT.test(prev)) && NUMERAL_CHAR.test(sub.charAt(0))))) continue;
      if (next !== '' && (BAD_AFTER.test(next) || (NUMERAL_CHAR.test(next) && NUMERAL_CHAR.test(sub.charAt(sub.length - 1))))) continue;
      // Framing alone (了, 干了, 一直) is trimmed by the parser; skip subs that start or end inside it.
      if (/^[了直]/.test(sub) || !TIME_ANCHOR.test(sub)) continue;
      if (budget.parses-- <= 0) return null;
      const parsed = parsePeriod(sub, today);
      if (parsed.ok) return { start: s, end: e, value: parsed.value };
    }
  }
  return null;
}
