/**
 * Which of several values typed in one message the person meant, when they
 * corrected themselves as they typed (`138… 不对 139…`, `450…1236 不对
 * 是450…123X`, `是139… 不是138…`):
 *  - a value followed by a slip word (`不对`, `错了`, `打错了`) and then
 *    another value was replaced by it;
 *  - a value right after `不是` is denied, never taken;
 *  - what is left, when it is one value (said once or repeated), is the one.
 * Two different values with nothing between them to choose (`138… 139…`)
 * are `several`: the caller asks which one, never guesses.
 */

export interface SaidSpan<T> {
  /** Where the value starts in the text. */
  index: number;
  /** Its length in the text. */
  length: number;
  value: T;
}

export type SaidPick<T> = { kind: 'one'; value: T } | { kind: 'several'; values: T[] } | { kind: 'none' };

/** Right after a value, before the next one: the value was a slip (`不对`, `说错了`, `打错了`, `更正`). */
const REPLACED_AFTER =
  /^[\s,，。.;；:：!！、]*(?:不对不对|不对|错了|(?:说|打|写|填|输|搞|弄)错(?:了)?|不是这个|更正(?:一下)?|改一下|改成|改为|换成|(?:哦|噢|喔|啊|呃|额|哎|诶|唉|嗯)[\s,，、]*不(?:是|对)?|不(?:[\s,，、]*不)+)/u;
/** Right before a value: it is denied (`不是138…`, `而不是`); not after a sound (`哦不是 139…` takes the one before back). */
const DENIED_BEFORE = /(?<![哦噢喔啊呃额哎诶唉嗯][\s,，、]*)不是[\s,，:：]*$/u;

/** The value meant among `spans` (in text order) found in `text`; values equal by `key` count once. */
export function saidLast<T>(text: string, spans: readonly SaidSpan<T>[], key: (value: T) => string = (v) => String(v)): SaidPick<T> {
  const kept: T[] = [];
  spans.forEach((span, i) => {
    const prevEnd = i === 0 ? 0 : spans[i - 1]!.index + spans[i - 1]!.length;
    const before = text.slice(prevEnd, span.index);
    const next = spans[i + 1];
    const after = text.slice(span.index + span.length, next ? next.index : text.length);
    if (DENIED_BEFORE.test(before)) return;
    // A slip is replaced only by a value said after it: `138… 不对` alone is not a new value.
    if (next && REPLACED_AFTER.test(after)) return;
    kept.push(span.value);
  });
  const distinct = [...new Map(kept.map((v) => [key(v), v])).values()];
  if (distinct.length === 1) return { kind: 'one', value: distinct[0]! };
  return distinct.length === 0 ? { kind: 'none' } : { kind: 'several', values: distinct };
}

/**
 * Words that take back what was just said, spoken (`下周三 哦不 周四`, `白沙镇 不对 石岭镇`, `三点 不不 四点`,
 * `周三 说错了 是周四`): with an interjection a bare `不` or `不是` counts; a bare `不是` alone does not (`不是周三`).
 */
const TAKEN_BACK_WORDS =
  /(?:(?:哦|噢|喔|啊|呃|额|哎|诶|唉|嗯)[\s,，、]*)?(?:不对不对|不对|不是不是|不(?:[\s,，、]*不)+|(?:我|俺)?(?:说|讲|打|写|记|搞)错(?:了)?|更正一下|更正|(?<=[哦噢喔啊呃额哎诶唉嗯][\s,，、]*)不是?)(?:[\s,，、]*(?:是|应该是|其实是|改成|换成))?[\s,，、]*/gu;
/** Nothing but sounds: what came before the words taking it back said nothing. */
const SOUNDS_ONLY = /^[\s,，。、]*(?:(?:嗯|呃|额|啊|哦|那个|就是)[\s,，、]*)*$/u;

/**
 * What a spoken answer says after the person took back what they said first (`下周三 哦不 周四吧` → `周四吧`): the
 * last thing said is the one meant. A week said first (`下周三`) goes on a bare weekday after it (`下周四`). The
 * text itself when nothing was taken back, or nothing follows the words that took it back.
 */
export function spokenLast(text: string): string {
  let last: RegExpMatchArray | null = null;
  for (const m of text.matchAll(TAKEN_BACK_WORDS)) {
    const before = text.slice(0, m.index ?? 0);
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (!SOUNDS_ONLY.test(before) && !SOUNDS_ONLY.test(after) && !/[对错]$/u.test(before)) last = m;
  }
  if (!last) return text;
  const before = text.slice(0, last.index ?? 0);
  let after = text.slice((last.index ?? 0) + last[0].length).trim();
  const week = /(下下个?|下个?|这个?|本)(?:周|星期|礼拜)[一二三四五六日天1-7]/u.exec(before);
  if (week && /^(?:周|星期|礼拜)[一二三四五六日天1-7]/u.test(after)) after = `${week[1]}${after}`;
  // `明天上午 哦不是 下午`: only the part of the day taken back, the day kept.
  const day = [...before.matchAll(/明天|后天|大后天|今天|(?:下下个?|下个?|这个?|本)?(?:周|星期|礼拜)[一二三四五六日天1-7]|(?:\d{1,2}月)?\d{1,2}(?:号|日)|[一二三四五六七八九十]{1,3}(?:号|日)/gu)].pop();
  if (day && /^(?:上午|下午|早上|中午|晚上|傍晚)/u.test(after)) after = `${day[0]}${after}`;
  return after;
}
