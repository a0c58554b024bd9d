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
const REPLACED_AFTER = /^[\s,，。.;；:：!！、]*(?:不对不对|不对|错了|(?:说|打|写|填|输|搞|弄)错(?:了)?|不是这个|更正(?:一下)?|改一下|改成|改为|换成)/u;
/** Right before a value: it is denied (`不是138…`, `而不是`). */
const DENIED_BEFORE = /不是[\s,，:：]*$/u;

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
