/**
 * Venting around a free-text answer: clauses of pure feeling (`烦死`, `累得跟狗一样`, `气得我脑子都空了`), insults
 * (`那个畜生`, `死厂子`, `黑心老板`), complaints about the chat (`问那么多干嘛`, `我都说了三遍了`, `你们自己去看`) and a
 * few common tails of grievance said after the answer (`去了也是大门紧锁`, `工人都闹翻了`). They are never a value (a
 * name, a unit, a trade, an address): the value is what is left. Only whole clauses between pauses are cut, and a few
 * insults fixed to a name (`宏达建筑那帮畜生`, `黑心老板叫刘富贵`); a word inside a name is never touched (`气` in a
 * name, `死` in 死亡赔偿, `快递` is not `快点`). Safety (flows/safety.ts) reads every message before this.
 *
 * Beside nlu/feelings.ts (at every other question: swearing and feeling opening or closing the words, and exclamation
 * storms), this one runs only where free words are taken, instead of it: it shares its lexicon of swearing, urging and
 * scorn (`feelingOnly`), adds the insults and complaints a name or a unit must never keep, and says whether anything but
 * a tail of feeling was cut (then the value is confirmed).
 */

import { feelingOnly } from './feelings.js';

/** What venting said: tired (`累死了`), angry (insults, swearing), or impatient with the chat (`问那么多干嘛`). */
export type VentKind = 'tired' | 'angry' | 'impatient';

export interface Vented {
  /** The words left, clauses joined by a space ('' when the message was only venting). */
  rest: string;
  /** How the venting sounded (the strongest said). */
  kind: VentKind;
  /**
   * Only whole clauses of feeling said after the words kept (`木工 累得跟狗一样`, `覃丽娟！！我都说了三遍了`): the words
   * left are the answer as typed. Anything else cut (a clause before, inside a clause, a grievance) asks first.
   */
  tailOnly: boolean;
}

/** One cheap test that skips nearly every message: some word venting is made of. */
const HINT =
  /烦|气|累|急|死|畜|牲|王八|狗|黑心|混蛋|人渣|垃圾|血霉|倒霉|不应|不灵|成灰|tmd|他妈|妈的|草|艹|操|卧槽|靠|呵呵|唉|干嘛|干啥|干什么|管我|也要|遍了|白说|有用|费劲|去看|去抓|去查|全错|都错|快点|快一点|赶紧|先说|再说|不想提|不告诉|闹翻|紧锁|跑了|跑路|裤子|脏活|断了|直不起|破|烂|无语|服了|崩溃|受不了|要命|坑|不让|不准|不许|糊涂|昏头|晕/iu;

const END = '(?:了|啦|啊|呀|吧|呢|哦|嘛|哈|的|吗|么)*';
const SELF = '(?:我|俺)?(?:都|也|真|真是|快|要)?';

/** Pure feeling. */
const FEELING = new RegExp(
  `^(?:${SELF}(?:烦|烦死|烦死人|烦人|气死|气死人|气人|气糊涂|急糊涂|气昏头|气晕|累死|累|急死|急死人|郁闷|郁闷死|无语|服了|醉了|崩溃|心累|受不了|难受死|要疯|疯了)(?:我)?${END}` +
    `|(?:我|俺)?(?:气|累|急|烦)得.{1,10}` +
    `|.{0,4}(?:腿|腰)都(?:快)?(?:跑断|断|累断|直不起来)${END}|(?:眼睛|眼泪)都(?:快)?哭(?:瞎|干)${END}` +
    `|.{0,8}倒了?.{0,4}血霉.{0,12}|(?:真|太)?倒霉(?:透了)?${END}` +
    `|(?:我)?叫天天不应|叫地地不灵|(?:我)?叫天天不应叫地地不灵` +
    `|.{0,4}(?:化成灰|烧成灰)(?:我)?(?:都|也)?(?:认得|认识|记得)${END}` +
    // Swearing, urging and scorn alone (`tmd`, `艹`, `快点`, `呵呵`) are nlu/feelings.ts's lexicon (`feelingOnly`), read first.
    `|唉+|哎+|哎呀|天哪|天呐|我的天)$`,
  'iu',
);

/** Insults, alone or pointed (`那个畜生`, `死老板`, `这种老板`): anger, never a name. */
const INSULT_WORD = '(?:畜生|畜牲|王八蛋|王八|狗东西|狗日的|狗娘养的|混蛋|混账|人渣|垃圾|吸血鬼|黑心肝|黑心肠|黑心鬼|没良心的|不是人|不是东西|骗子|无赖|老赖|白眼狼|坏蛋|败类|孬种)';
const POINTED = '(?:那个|这个|那帮|这帮|那伙|这伙|那群|这群|一帮|一群|一伙|这些|那些|这种|那种|他们|他|她|就是个|真是个|是个)?';
const INSULT = new RegExp(
  `^(?:${POINTED}${INSULT_WORD}${END}|(?:死|狗|黑心|烂|坏|破|臭)(?:老板|老板娘|包工头|工头|厂子|厂|公司|单位|东家|老总)${END}|(?:这种|这样的|那种|那样的)(?:老板|包工头|工头|厂子|公司)${END})$`,
  'u',
);

/** Complaints at the chat, or urging it (`问那么多干嘛`, `我都说了三遍了`, `你们自己去看`): impatience. */
const AT_CHAT = new RegExp(
  `^(?:(?:你们?|您)?(?:问|要)(?:这个|这些|那个|那些|那么多|这么多|这|那)?(?:干嘛|干啥|干什么|做什么|做啥)${END}` +
    `|(?:你们?)?管我(?:叫什么|叫啥|是谁|姓什么|姓啥)${END}` +
    `|(?:名字|姓名|电话|这个|这|这些)(?:也|都)?(?:要|得)(?:问|填|写|说)?${END}` +
    `|(?:我|俺)?(?:都|已经)?(?:说|讲|填|写|打)了(?:[一二两三四五六七八九十几好多\\d]+)(?:遍|次|回)了?${END}` +
    `|说了(?:也)?(?:白说|没用|有什么用|有啥用|有用吗)${END}` +
    `|(?:跟|和)(?:机器人?|你)(?:说话|聊天|讲话)(?:真|太|好)?(?:费劲|累|难)${END}` +
    `|烦不烦|有完没完|(?:你们?)?(?:有|还有)完没完${END}` +
    `|(?:你们?)(?:自己)?(?:去|来)(?:看看?|查查?|抓(?:他|她|人)?|找(?:他|她))(?:一下|去)?${END}` +
    `|(?:全|都|全都)(?:错了|不对)${END}` +
    `|(?:能不能|可不可以|麻烦|你们?|请)?(?:快点儿?|快一点|快些|尽快|赶紧|赶快)(?:安排|处理|办|弄|帮我|给我)?(?:行不行|好不好|可以吗|行吗)?${END}` +
    `|(?:你们?)?(?:先说|先告诉我)(?:能不能|到底能不能|能|会不会)(?:帮|帮忙|帮我|管|办)${END}` +
    `|先(?:把钱|帮我把钱)(?:要回来|追回来|拿回来)(?:再说)?${END}` +
    `|(?:能不能|可不可以)?(?:明天|改天|回头|下次)再(?:说|弄|填)${END}` +
    `|(?:我)?(?:都|也)?不想(?:提|说)(?:它|他|她|这个|那个)${END}` +
    `|不告诉你们?${END})$`,
  'u',
);

/** Grievances said after the answer (`去了也是大门紧锁`, `卷钱跑了`): words about it, never part of the value. */
const GRIEVANCE = new RegExp(
  `^(?:去了(?:也|都)是.{1,8}|.{0,4}大门紧锁${END}|.{0,6}闹翻(?:天)?了?${END}|(?:卷(?:了)?钱|拿了钱|人)?(?:跑了|跑路了)${END}` +
    `|.{0,6}穿一条裤子${END}|.{0,3}(?:啥|什么)(?:脏活|累活|活)(?:累活)?都(?:让|叫|要)我干${END}` +
    `|(?:那个|这个)?.{0,4}(?:破|烂)(?:楼|厂|厂子|公司|工地|地方|单位|房子)${END}|.{0,6}(?:坑|骗)(?:死|惨)(?:了|人了)?${END}` +
    `|(?:他|她|他们|老板|公司)(?:从来|根本|一直|也)?(?:都)?(?:不让|不准|不许)(?:我们|我|俺们|俺)[去进来看][^\\d一二三四五六七八九十两百千万块元钱]{0,8})$`,
  'u',
);

/** An insult fixed after a name (`宏达建筑那帮畜生`): the name (1). */
const INSULT_AFTER = new RegExp(`^(.{2,}?)(?:那个|这个|那帮|这帮|那伙|这伙|那群|这群|这些|那些)${INSULT_WORD}$`, 'u');
/** An insult fixed before a role (`黑心老板叫刘富贵`, `狗老板王强`): the role said plainly (1) and what follows (2). */
const INSULT_BEFORE = /^(?:黑心|死|狗|烂|坏|臭)(老板娘|老板|包工头|工头|老总)(.+)$/u;

const PAUSE = /[,，。.!！?？~～;；、\s]+/u;

/** How a clause vents, if it only vents. */
function clauseVent(clause: string): { kind: VentKind; grievance: boolean } | null {
  const c = clause.replace(/[“”"'‘’]/gu, '');
  if (c === '') return null;
  if (feelingOnly(c)) return { kind: /累/u.test(c) ? 'tired' : /快|赶|抓紧/u.test(c) ? 'impatient' : 'angry', grievance: false };
  if (FEELING.test(c)) return { kind: /累|腿|腰/u.test(c) ? 'tired' : 'angry', grievance: false };
  if (INSULT.test(c)) return { kind: 'angry', grievance: false };
  if (AT_CHAT.test(c)) return { kind: 'impatient', grievance: false };
  if (GRIEVANCE.test(c)) return { kind: 'angry', grievance: true };
  return null;
}

/**
 * The venting in a message given where free text is asked: what is left of it and how it was cut; null when it has
 * none. A grievance alone (`卷钱跑了`) is no venting: it only counts said beside other venting or after the words kept.
 */
export function ventedFrom(text: string): Vented | null {
  if (!HINT.test(text)) return null;
  const clauses = text.split(PAUSE).filter((c) => c !== '');
  if (clauses.length === 0) return null;
  const kept: string[] = [];
  let kind: VentKind | null = null;
  let tailOnly = true;
  let grievances = 0;
  const strongest = (k: VentKind) => {
    if (kind === null || k === 'angry' || (k === 'tired' && kind === 'impatient')) kind = k;
  };
  for (const clause of clauses) {
    const v = clauseVent(clause);
    if (v) {
      if (v.grievance) grievances++;
      else strongest(v.kind);
      if (kept.length === 0 || v.grievance) tailOnly = false;
      continue;
    }
    // A clause kept after one cut: the cut was no tail.
    if (kind !== null || grievances > 0) tailOnly = false;
    let c = clause;
    const after = INSULT_AFTER.exec(c);
    if (after) {
      c = after[1]!;
      strongest('angry');
      tailOnly = false;
    }
    const before = INSULT_BEFORE.exec(c);
    if (before) {
      c = `${before[1]}${before[2]}`;
      strongest('angry');
      tailOnly = false;
    }
    // `打杂的呗`: the shrug closing the words is no part of them.
    kept.push(c.replace(/(?<=[\p{Script=Han}]{2})呗+$/u, ''));
  }
  // Grievances alone, nothing else venting: venting only after words kept (`工业大道18号 去了也是大门紧锁`); alone
  // (`卷钱跑了`) they are the message's own words.
  if (kind === null && (grievances === 0 || kept.length === 0)) return null;
  return { rest: kept.join(' '), kind: kind ?? 'angry', tailOnly };
}

/** A few kind words before the question asked again, by how the venting sounded. */
export function ventAck(kind: VentKind): string {
  return kind === 'tired' ? '辛苦了。' : kind === 'angry' ? '理解您的心情。' : '理解您着急。';
}
