/**
 * Picking one of the numbered choices by what was typed: the number in any
 * form (`2`, `２`, `二`, `第二个`, `选2`, `2号`), the label, or the choice's
 * words. Precision first: when nothing matches, or more than one choice
 * does, there is no pick and the engine asks again with the numbers.
 */
import type { Choice, Option } from '../types.js';
import { withoutFeelingParts } from './feelings.js';
import { compact } from './normalize.js';

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The choice number a message is, if it is only a number (1-based). */
export function numberPicked(text: string): number | null {
  // Circled numbers (`⑤`, from a phone's symbol keyboard) are the number.
  const s = compact(text)
    .toLowerCase()
    .replace(/[\u2460-\u2473]/gu, (c) => String(c.codePointAt(0)! - 0x245f))
    // `嗯第一个`, `呃1`, `那个第二个吧`: what voice input writes before the pick is no part of it.
    .replace(/^(?:嗯+|恩+|呃+|额+|啊+|哦+|噢+|那个)+(?=选|第|\d|[一二两三四五六七八九十](?:个|项|号|条)?(?:吧|呗|啊)?$)/u, '');
  let m = /^(?:选|选择|就|我选|要|回复)?(?:第)?(\d{1,2})(?:个|项|号|条)?(?:吧|呗|啊)?$/.exec(s);
  if (m) return Number(m[1]);
  // `1 不对 2`, `选1 哦不 2`, `2说错了是1`: a number taken back and another said after it; the one said last.
  m = /^(?:选|选择|我选)?(?:第)?(?:\d{1,2}|[一二两三四五六七八九十])(?:个|项|号|条)?(?:(?:哦|噢|喔|啊|呃|额|哎|诶|唉|嗯)(?:不对|不是|不)|不对不对|不对|不是|不不|(?:说|打|选|按|点|输|写)?错了)(?:是|应该是|选|改成|换成|我选)?(?:第)?(\d{1,2}|[一二两三四五六七八九十])(?:个|项|号|条)?(?:吧|呗|啊)?$/.exec(s);
  if (m) return /\d/.test(m[1]!) ? Number(m[1]) : (DIGITS[m[1]!] ?? null);
  m = /^(?:选|选择|就|我选|要)?(?:第)([一二两三四五六七八九十])(?:个|项|条|号)?(?:吧|呗|啊)?$/.exec(s);
  if (m) return DIGITS[m[1]!] ?? null;
  m = /^(?:选|选择|我选)([一二两三四五六七八九十])(?:个|项|号)?$/.exec(s);
  if (m) return DIGITS[m[1]!] ?? null;
  // A bare Chinese numeral (`二`) picks only when it is the whole message.
  if (/^[一二三四五六七八九十]$/.test(s)) return DIGITS[s] ?? null;
  // `1 快点`, `8 烦不烦`: the number with words of feeling around it, which are no part of the pick.
  const calm = withoutFeelingParts(text);
  return calm !== text ? numberPicked(calm) : null;
}

/**
 * A description hedged as to whether it fits an option (`跟工伤有点关系吧 又不全是`, `跟工地有点关系吧`, `说不好`,
 * `沾点边`, `一半一半`): it picks none, whatever option its words name; the question says how to choose. One reader for
 * every question that maps a description to an option (legal aid's matter, wage's building work).
 */
const FIT_HEDGE = '有点关系|有些关系|有点联系|沾点边|沾边|又不全是|不全是|不完全是|差不多(?:算|是|就是)|差不多吧|算不上|算不算|不太算|一半一半';
/** The hedge alone, which the option picker heeds (`电话里说不清楚` is a reason, no hedge: never there). */
const FIT_HEDGED = new RegExp(FIT_HEDGE, 'u');
/** The same, or the fit said not to be known (`说不好`, `说不清`): at a question whose whole words are read for it. */
export const HEDGED_FIT = new RegExp(`${FIT_HEDGE}|说不好|说不准|说不清|不好说`, 'u');

/**
 * The message without what it denies or declines: `不是单位的`, `不要检察官`,
 * `律师不用了`, `不敢走`. Words in those phrases must not pick anything.
 */
export function withoutDenied(text: string): string {
  return (
    text
      // `我还是找个律师问问算了`: 还是…算了 settles for what it names (might as well), declines nothing.
      .replace(/(还是[^，,。\s]{1,10}?)(?:就)?算了(?=[，,。\s吧]|$)/gu, '$1')
      // (Never across the next denial: `不是饭店不是工地` is two, not 「不是饭店不」 and 「是工地」.)
      .replace(/(?:不是|不在|并非|不算)[^，,。\s不]{1,6}?的?(?=[，,。\s]|$|也|而是|是|不)/gu, ' ')
      // Declined after the thing: `律师不用了`, `当面就算了`; or not within reach: `视频弄不来`, `电话不方便`; or of no use
      // (`我表哥说找律师没用`, `律师我找过了没用`).
      .replace(/[^，,。\s]{1,6}?(?:就)?(?:不用了?|不要了?|算了|不需要了?|不行|弄不来|搞不来|整不来|用不来|用不了|不会弄|不会用|不方便|没用|不管用|没啥用|没什么用)(?=[，,。\s吧啊]|$)/gu, ' ')
      // Declined: `不要检察官`, `不用当面`, `别打电话`.
      .replace(/(?:(?<!要)不要|(?<!用)不用|不需要|不想要|不找|不约|不去|别)[^，,。\s]{1,6}?(?=[，,。\s]|$|[就也还]|律师|检察)/gu, ' ')
      // What they dare not or will not do is not what they did (`还在干 不敢走啊`).
      // `能不能`, `会不会` ask; they deny nothing.
      .replace(/(?:(?<!敢)不敢|(?<!想)不想|(?<!能)不能|(?<!会)不会|没敢|舍不得|(?<!愿)不愿意?)[^，,。\s]{1,4}/gu, ' ')
      // `跟工伤有点关系吧 又不全是`: loosely related to something names it no more than a denial does.
      .replace(/(?:跟|和|与)[^，,。\s]{1,6}?(?:有点|有些|有一点|沾点|沾)(?:关系|边)/gu, ' ')
      // `还在 不敢走 走了更拿不到`: what would follow a step not taken (走了更拿不到, 辞了就没钱了) says nothing of what is.
      .replace(/[^，,。\s]{1,3}了(?:就|更|也|还)(?:更|就)?(?:拿不到|要不到|领不到|没了|没钱|白干)[^，,。\s]*/gu, ' ')
      // `还在 不过要是再不发我就不干了`: a clause supposing something (要是, 如果…) says what would be, never what is.
      .replace(/(?:要是|如果|假如|假设|万一)[^，,。\s]*/gu, ' ')
  );
}

/** The one kind a table's words name in the message, denials left out (`不要检察官 律师就好` → lawyer); two kinds or none: undefined. */
export function oneOf<T>(table: readonly (readonly [RegExp, T])[], text: string): T | undefined {
  const said = withoutDenied(text);
  const kinds = [...new Set(table.filter(([re]) => re.test(said)).map(([, kind]) => kind))];
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** The choice picked by number or by its exact label or value, or null. */
export function pickExact(text: string, options: readonly Option[]): Option | null {
  if (options.length === 0) return null;
  const n = numberPicked(text);
  if (n !== null) return options[n - 1] ?? null;
  const s = compact(text).toLowerCase();
  return options.find((o) => compact(o.label).toLowerCase() === s || o.value.toLowerCase() === s) ?? null;
}

/**
 * The one choice whose words the message says. Null when none does, or
 * when several do (`还在干，上个月走了` names both): then the person is asked
 * again with the numbers, never guessed for.
 */
export function pickByMeaning(text: string, choices: readonly Choice[]): Choice | null {
  const exact = pickExact(text, choices);
  if (exact) return choices.find((c) => c.value === exact.value) ?? null;
  // `差不多算工伤吧`, `跟工地有点关系吧`: a hedge on whether the words fit picks nothing (the question reads the whole).
  if (FIT_HEDGED.test(compact(text))) return null;
  // What is denied does not pick (`不是单位的 我自己在平台上跑单`).
  const s = compact(withoutDenied(text)).toLowerCase();
  if (s === '') return null;
  const hits = choices.filter((c) => c.words?.test(s));
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) return null;
  // Two named, one of them in a denied clause (`我户口不在这边，就按现在住的地方`): the other.
  // 没 denies what it stands right before (`没有工伤`), not a complaint told with it (`工资也没结`, `合同没签`).
  const deniedByMei = (c: string) => c.split(/没有?/u).slice(1).some((after) => choices.some((x) => x.words?.exec(compact(after).toLowerCase())?.index === 0));
  const kept = text.split(/[,，。;；\s]+/u).filter((c) => c !== '' && !/不是|不在|不按|不用|并非|不算/u.test(c) && !deniedByMei(c));
  const rest = compact(kept.join(' ')).toLowerCase();
  const again = rest === '' ? [] : choices.filter((c) => c.words?.test(rest));
  return again.length === 1 ? again[0]! : null;
}

/** Two or more choice numbers typed at once (`1 3`, `1，3`, `1和3`, `2、5`): one is to be picked. */
export function severalPicked(text: string): boolean {
  return /^(?:选|我选)?\s*\d{1,2}(?:\s*(?:[,，、/和跟与或还有]|或者)\s*\d{1,2}|\s+\d{1,2})+\s*(?:都行|都可以|吧)?$/u.test(text.trim());
}

/** Whether the number typed is out of range of the options shown. */
export function outOfRange(text: string, options: readonly Option[]): boolean {
  const n = numberPicked(text);
  return n !== null && options.length > 0 && (n < 1 || n > options.length);
}
