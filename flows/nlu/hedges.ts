/**
 * Hedges, doubt, either-or and putting off at a question (set U). `hedgeAt` says what the words are: `unclear` for open
 * doubt or an either-or about the value (`十几万还是二十几万 …不一样`, `应该是八千左右 也可能九千`) and for an answer put off
 * (`我再想想 明天再说`) — understand.ts lets it void only a value that would otherwise be kept as said, never one the
 * field's reading proposes for a yes or keeps empty with a kind word (`七千还是七千二来着`, `有 等会拍照发你`); `stop` for
 * `算了 不报了 怕被老板知道` at the consent (a wish to stop, never a no to the consent); `settled` for `… 算普工吧` at a
 * question of free words. Null: read as before.
 */
import type { Field } from '../types.js';
import { compact } from './normalize.js';

/** Doubt said about the value itself. */
const DOUBT = /记不太?清|记不得了|不太?确定|说不清|说不准|拿不准|搞不清|来着|我看看|不一样/u;
/** A change of mind (`算了 还是…吧`, `我还是想入会`, `还是约律师吧`): the choice made, never an either-or. */
const SETTLED = /算了|还是(?:想|要|先|吧|说|讲|去|得|打算|决定|选|约|找|用|入|报)|^(?:那|我|俺)?还是/u;
/** Putting the answer off: nothing yet. */
const PUT_OFF = /再想想|明天再说|改天再说|回头再说|以后再说|过两天再说|(?:明天|回头|晚点|晚些|等会儿?|过两天)(?:再)?(?:拍照|拍|发|补)|还是(?:说|讲|写)一下吧?$/u;
/** A wish to stop the report at its consent (`不报了`, `不找了`), never the consent's no. */
const STOP_AT_CONSENT = /(?:^|[\s,，])(?:算了[\s,，]*)?不(?:报|找|弄|办|登记|反映|填)了/u;
/** Typed values (a date, a sum, a count, a choice) whose doubt leaves no value. */
const DOUBT_VOIDS = new Set(['period', 'workStart', 'leftSince', 'injury', 'amount', 'groupAmount', 'mode', 'matter', 'help']);

export type Hedge = { kind: 'unclear' } | { kind: 'stop'; fear: boolean } | { kind: 'settled'; words: string };

export function hedgeAt(field: Field, text: string, asks = false): Hedge | null {
  const t = compact(text);
  // `打杂的 什么都干 算普工吧`: what the person settles on, said last.
  const settled = field.freeText || field.verbatim ? /[\s,，]+(?:就)?算(?:是)?([\p{Script=Han}]{2,6}?)吧?$/u.exec(text.trim()) : null;
  if (/[?？吗]$/u.test(t)) return null;
  if (settled) return { kind: 'settled', words: settled[1]! };
  // A question (`八千还是九千？`) is read as one, unless the words only recall (`叫刘什么来着`, `不确定是不是叫…`).
  if (asks && !/记不太?清|来着|不太?确定是不是/u.test(t)) return null;
  // A cheap gate: the words every rule below needs one of.
  if (!/还是|可能|也许|记不|确定|说不|拿不|搞不|来着|看看|不一样|想想|再说|拍|发|补|了|算/u.test(t)) return null;
  if (field.consent) {
    if (STOP_AT_CONSENT.test(text) && !/(?<!不)同意/u.test(text)) return { kind: 'stop', fear: /怕|担心|万一/u.test(text) };
    return null;
  }
  // Not a service chosen beside it (`我想先登记欠薪 律师以后再说`: the wage report).
  if (PUT_OFF.test(t) && !/欠薪|工资|工钱|入会|工会|律师|检察/u.test(t)) return { kind: 'unclear' };
  if (/[\p{Script=Han}\d]还是[\p{Script=Han}\d]/u.test(t) && !SETTLED.test(t) && (DOUBT.test(t) || /都行|都可以/u.test(t))) return { kind: 'unclear' };
  // `八千左右 也可能九千`: only where a typed value is asked (`刘德明 我老婆也可能打电话` names a second person).
  if (DOUBT_VOIDS.has(field.id) && /也可能|也许是/u.test(t) && !SETTLED.test(t)) return { kind: 'unclear' };
  // Not a range or a rough figure, whose doubt is in the value already (`两三万吧 记不太清`); not the not-knowing alone
  // (`记不清了`: not known, as before).
  const rough = /[一二两三四五六七八九][一二两三四五六七八九][十百千万]|[到至~～-]\d|左右|大概|差不多|[多来][万千块元]|出头/u.test(t);
  const valueSaid = /[\d一二两三四五六七八九十百千万]|[东西南北]|工伤|欠薪|合同|社保|电话|视频|面谈|律师|检察/u.test(t);
  if (DOUBT_VOIDS.has(field.id) && !rough && valueSaid && /记不太?清|不太?确定|也可能/u.test(t) && !/全称|全名|哪天|哪一天|几号|具体/u.test(t)) return { kind: 'unclear' };
  // `不太确定是不是叫河西物业 …`: the name itself in doubt.
  if (/^(?:我)?不太?确定是不是/u.test(t)) return { kind: 'unclear' };
  return null;
}
