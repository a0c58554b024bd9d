/**
 * Whether the answers of a wage report fit together: the arrears period
 * inside the employment (it ends no later than the month the worker left,
 * and does not start after it), no longer than the time worked (asked once
 * as "对吗？", then taken as the worker says), the worker's own amount no more
 * than the group's total (and, when far above what one person is owed for the
 * months, confirmed), no more names on the roster than people owed.
 *
 * Each check answers `null` (fits), a polite Chinese message saying what
 * does not fit and how to put it right (asked again, nothing stored), or, for
 * a period longer than the time worked, a question to confirm. The field
 * parsers of flows/wage.ts call them with the answers already given, and
 * `extract` drops facts that contradict what is known, so nothing
 * contradictory is ever stored whichever way the values arrive.
 */
import { chinaMonth } from '../core/infra/time.js';
import { formatYuan, monthsBetween, showMonth } from './choices.js';

export interface PeriodValue {
  start: string;
  end: string | null;
  months: number;
}
export interface AmountValue {
  yuan: number;
  approx: boolean;
  upTo: number | null;
}
export interface RosterEntryValue {
  name: string;
  amount: AmountValue | null;
  phone: string | null;
}

/** What the checks read of the answers (all optional: only what is known is checked). */
export interface Known {
  period?: PeriodValue;
  workStart?: string | null;
  stillEmployed?: boolean;
  leftSince?: string;
  amount?: AmountValue;
  groupAmount?: AmountValue | null;
  headcount?: { count: number; approximate: boolean };
  roster?: { entries: RosterEntryValue[] } | null;
}

export type Check = null | { kind: 'refuse'; error: string } | { kind: 'confirm'; ack: string };

const refuse = (error: string): Check => ({ kind: 'refuse', error });
const later = (a: string, b: string) => monthsBetween(b, a) > 0;
/** The last month whose wage is due: an ongoing period ("到现在") counts up to it. */
const lastDueMonth = (now: Date) => {
  const m = chinaMonth(now);
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
};
const CORRECT_LEFT = '如果是离开时间说错了，可以直接说「离开时间说错了，是…」。';
const CORRECT_PERIOD = '如果是拖欠时间说错了，可以直接说「拖欠时间说错了，是…」。';

/** The most a figure said may mean: a range's top, `两万多` a little more, an exact figure itself. */
function most(a: AmountValue): number {
  if (a.upTo !== null) return a.upTo;
  return a.approx ? a.yuan * 1.5 : a.yuan;
}
const showYuan = (a: AmountValue) => `${a.approx && a.upTo === null ? '约' : ''}${formatYuan(a.upTo !== null ? a.upTo : a.yuan)}`;

/** An ongoing period ended at the month the worker left. */
export function periodUpTo(p: PeriodValue, left: string, now?: Date): PeriodValue {
  // Months inside the period that were paid (`2月到现在 中间6月份发了`: one fewer than the span) stay left out:
  // a month paid was a month worked, so it lies before the month the worker left. (An ongoing period counts to
  // the last month due, `now`'s; without it, no month is taken for paid.)
  const end = p.end ?? (now ? lastDueMonth(now) : null);
  const paid = end === null ? 0 : Math.max(0, monthsBetween(p.start, end) + 1 - p.months);
  const cut = monthsBetween(p.start, left) + 1;
  return { start: p.start, end: left, months: cut - paid >= 1 ? cut - paid : cut };
}

/**
 * An ongoing period ("到现在") of someone who has left earlier than last
 * month: it is read as ending when they left (to be confirmed).
 */
export function endsWhenLeft(p: PeriodValue, left: string, now: Date): boolean {
  return p.end === null && later(lastDueMonth(now), left) && !later(p.start, left);
}

/** The arrears period against when the worker left and when they started. */
export function checkPeriod(p: PeriodValue, k: Known): Check {
  if (k.stillEmployed === false && k.leftSince) {
    const left = k.leftSince;
    if (later(p.start, left)) {
      return refuse(`您说${showMonth(left)}就离开了，拖欠时间却从${showMonth(p.start)}开始。离开以后一般不会再欠工资，请再说一下拖欠的是哪段时间（最晚到${showMonth(left)}）。${CORRECT_LEFT}`);
    }
    if (p.end !== null && later(p.end, left)) {
      return refuse(`您说${showMonth(left)}就离开了，拖欠时间却算到了${showMonth(p.end)}。请再说一下拖欠的是哪段时间（最晚到${showMonth(left)}）。${CORRECT_LEFT}`);
    }
  }
  if (k.workStart) {
    if (p.end !== null && later(k.workStart, p.end)) {
      return refuse(`您是${showMonth(k.workStart)}才开始在这干的，拖欠时间却在那之前就结束了。请再说一下拖欠的是哪段时间。`);
    }
    if (later(k.workStart, p.start)) {
      return { kind: 'confirm', ack: `您是${showMonth(k.workStart)}开始在这干的，拖欠时间却从${showMonth(p.start)}算起，比干活的时间还长。请再确认一下：` };
    }
  }
  return null;
}

/** The month the worker left against the period and when they started. */
export function checkLeft(left: string, k: Known): Check {
  if (k.workStart && later(k.workStart, left)) {
    return refuse(`离开的月份（${showMonth(left)}）比开始干活的月份（${showMonth(k.workStart)}）还早，请再说一下是什么时候离开的。`);
  }
  const p = k.period;
  if (p) {
    if (later(p.start, left)) {
      return refuse(`您说${showMonth(left)}就离开了，可拖欠时间是从${showMonth(p.start)}开始的。离开以后一般不会再欠工资，请再说一下是什么时候离开的。${CORRECT_PERIOD}`);
    }
    if (p.end !== null && later(p.end, left)) {
      return refuse(`您说${showMonth(left)}就离开了，可拖欠时间算到了${showMonth(p.end)}。请再说一下是什么时候离开的（不早于${showMonth(p.end)}）。${CORRECT_PERIOD}`);
    }
  }
  return null;
}

/** When the worker started, against the period and when they left. */
export function checkWorkStart(start: string, k: Known): Check {
  if (k.stillEmployed === false && k.leftSince && later(start, k.leftSince)) {
    return refuse(`开始干活的月份（${showMonth(start)}）比离开的月份（${showMonth(k.leftSince)}）还晚，请再说一下是什么时候开始干的。`);
  }
  const p = k.period;
  if (p) {
    if (p.end !== null && later(start, p.end)) {
      return refuse(`拖欠时间到${showMonth(p.end)}就结束了，比开始干活（${showMonth(start)}）还早。请再说一下是什么时候开始干的。${CORRECT_PERIOD}`);
    }
    if (later(start, p.start)) {
      return { kind: 'confirm', ack: `您是${showMonth(start)}开始在这干的，拖欠时间却从${showMonth(p.start)}算起，比干活的时间还长。请再确认一下：` };
    }
  }
  return null;
}

/** The group's total against the worker's own amount. */
export function checkGroupAmount(group: AmountValue, k: Known): Check {
  if (k.amount && k.amount.yuan > most(group)) {
    return refuse(
      `大家一共被拖欠的（${showYuan(group)}）比您自己被拖欠的（${showYuan(k.amount)}）还少，对不上。请再说一下你们一共被拖欠多少，不清楚就回复「不知道」。如果是您自己的金额说错了，可以直接说「金额说错了，是…」。`,
    );
  }
  // Two or more people owed in all no more than one of them (`每个人五六千`, then `五千多` for the group): a slip or
  // one person's figure again; confirmed, never taken silently. The very same figure is asked about in the flow.
  const own = k.amount;
  const same = own && own.yuan === group.yuan && own.approx === group.approx && own.upTo === group.upTo;
  if (own && !same && (k.headcount?.count ?? 1) >= 2 && group.yuan <= (own.upTo ?? own.yuan)) {
    return {
      kind: 'confirm',
      ack: `您说大家一共被拖欠${showYuan(group)}，和您自己的（${own.upTo !== null ? `约${formatYuan(own.yuan).replace(/元$/, '')}至${formatYuan(own.upTo)}` : showYuan(own)}）差不多。你们${k.headcount!.count}${k.headcount!.approximate ? '多' : ''}个人加起来，一般比一个人的多，请再核对一下。`,
    };
  }
  const listed = rosterSum(k.roster?.entries ?? []);
  if (listed > 0 && !group.approx && group.upTo === null && listed > group.yuan) {
    return refuse(`名单上的钱加起来有${formatYuan(listed)}，比大家一共的（${formatYuan(group.yuan)}）还多。请再说一下你们一共被拖欠多少，不清楚就回复「不知道」。`);
  }
  return null;
}

/** Less than this (yuan) is no plausible wage debt (`一块`, `5块`): confirmed, never refused (`50元` may be meant). */
export const SMALL_AMOUNT_YUAN = 100;

/** More than one person is plausibly owed a month (yuan): a figure above it is confirmed, never refused. */
export const PLAUSIBLE_MONTHLY_YUAN = 100_000;
/** More than one person is plausibly owed in all when the months are not known yet (yuan). */
export const PLAUSIBLE_TOTAL_YUAN = 500_000;
/**
 * A sum said with 我们 alone (`我们一共被欠了三十万`, which may be one person's way of talking) above this a month
 * (yuan), or above {@link PLAUSIBLE_OWN_TOTAL_YUAN} when the months are not known, is likely everyone's: whose it
 * is gets asked (flows/wage.ts), never taken as the person's own.
 */
export const PLAUSIBLE_OWN_MONTHLY_YUAN = 20_000;
export const PLAUSIBLE_OWN_TOTAL_YUAN = 100_000;

/**
 * The worker's own amount against the group's total (refused when above it), and against what one
 * person is plausibly owed (`100万` for three months: a slip, or the group's total; confirmed).
 */
export function checkOwnAmount(own: AmountValue, k: Known): Check {
  if (k.groupAmount && own.yuan > most(k.groupAmount)) {
    return refuse(
      `您自己被拖欠的（${showYuan(own)}）比大家一共被拖欠的（${showYuan(k.groupAmount)}）还多，对不上。请再说一下您自己被拖欠多少。如果是大家一共的金额说错了，可以直接说「大家一共的说错了，是…」。`,
    );
  }
  // `一块`, `5块`, `50元`: taken with its unit, but less than anyone is plausibly owed for work; confirmed, never taken silently.
  if ((own.upTo ?? own.yuan) < SMALL_AMOUNT_YUAN) {
    return { kind: 'confirm', ack: `被拖欠${showYuan(own)}，这个数很小，请再核对一下（这里问的是被拖欠的工钱一共多少）：` };
  }
  const months = k.period?.months;
  if (months !== undefined && months > 0 ? own.yuan > PLAUSIBLE_MONTHLY_YUAN * months : own.yuan > PLAUSIBLE_TOTAL_YUAN) {
    const said = months !== undefined && months > 0 ? `您一个人${months}个月被拖欠${showYuan(own)}` : `您一个人被拖欠${showYuan(own)}`;
    return { kind: 'confirm', ack: `${said}，比一般多不少，请再核对一下（这里只算您自己的，不是大家一共的）。` };
  }
  return null;
}

/** More people than this owed by one employer is plausible, but asked once before it counts (a group case is a priority one). */
export const PLAUSIBLE_HEADCOUNT = 300;

/**
 * How many people are owed, against the names listed; and against the amount (`8000` typed again at the
 * headcount question is most likely the amount once more): a count equal to the amount said, or above
 * a few hundred, is confirmed, never taken silently.
 */
export function checkHeadcount(h: { count: number; approximate: boolean }, k: Known): Check {
  const n = k.roster?.entries.length ?? 0;
  if (!h.approximate && n > h.count) {
    return refuse(`名单上已经有${n}个人了，比${h.count}人还多。请再说一下一共有多少人被拖欠。`);
  }
  // `就我一个` after a total for everyone (`大家一共三十万`): the total no longer counts; said, and confirmed.
  if (h.count === 1 && !h.approximate && k.groupAmount) {
    return { kind: 'confirm', ack: `您前面说大家一共被拖欠${showYuan(k.groupAmount)}。如果被拖欠的只有您一个人，那个总数就不算了，只记您自己的。请再确认一下：` };
  }
  const own = k.amount;
  const sameAsMoney = own !== undefined && h.count >= 2 && (h.count === own.yuan || h.count === own.upTo || h.count === k.groupAmount?.yuan);
  if (sameAsMoney) {
    return { kind: 'confirm', ack: `「${h.count}」和您前面说的钱数一样，这里问的是有多少人被拖欠。如果是钱数，请回复「不对」。` };
  }
  if (h.count > PLAUSIBLE_HEADCOUNT) {
    return { kind: 'confirm', ack: `${h.count}个人比较多，请再核对一下（这里问的是人数，不是钱数）。` };
  }
  return null;
}

/** Names listed (all of them, the ones given before included), against the headcount and the group's total. */
export function checkRoster(entries: RosterEntryValue[], k: Known): Check {
  const h = k.headcount;
  if (h && !h.approximate && entries.length > h.count) {
    return refuse(
      `名单上有${entries.length}个人，比您前面说的被拖欠人数（${h.count}人）还多。请核对一下名单再发；如果是人数说少了，可以直接说「人数说错了，是${entries.length}个」。`,
    );
  }
  const g = k.groupAmount;
  const listed = rosterSum(entries);
  if (g && !g.approx && g.upTo === null && listed > g.yuan) {
    return refuse(`名单上的钱加起来有${formatYuan(listed)}，比您说的大家一共被拖欠的（${formatYuan(g.yuan)}）还多。请核对一下名单再发。`);
  }
  return null;
}

function rosterSum(entries: readonly RosterEntryValue[]): number {
  return entries.reduce((sum, e) => sum + (e.amount?.yuan ?? 0), 0);
}

/** The period as the summary shows it (`2026年9月至2026年11月（3个月）`). */
function periodText(p: PeriodValue): string {
  if (p.end === p.start) return `${showMonth(p.start)}（${p.months}个月）`;
  return `${showMonth(p.start)}至${p.end ? showMonth(p.end) : '今'}（${p.months}个月）`;
}

/**
 * A monthly wage times a number of months said as the amount (`欠了八个月每月3500`) against the period
 * known (3 months): more months owed than the arrears period has do not fit, said so and asked again
 * (never taken silently). What the known months come to is offered as an example, so the answer is one
 * word away either way. Fewer months (`两个月` of three) may be what is still owed: taken, confirmed.
 */
export function checkRateMonths(rate: AmountValue, n: number, k: Known): Check {
  const p = k.period;
  if (!p || n <= p.months || rate.upTo !== null) return null;
  const atKnown = Math.round(rate.yuan * p.months * 100) / 100;
  return refuse(
    `您前面说拖欠的是${periodText(p)}，这里说的是${n}个月，对不上。请再说一下您自己一共被拖欠多少钱：按${p.months}个月算是${formatYuan(atKnown)}，是的话回复「${atKnown}」就行。${CORRECT_PERIOD}`,
  );
}
