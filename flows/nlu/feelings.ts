/**
 * Feelings around an answer: an exclamation storm (`前天！前天被开的！`) and a clause of pure feeling opening or closing
 * it (`不是3号 是5号 气糊涂了`, `草 干了一年多 …`, `社保 交了两年突然断了 tmd`). The answer is read without them.
 *
 * Precise on purpose: only a whole clause (parted by a space, a comma or an exclamation mark) that is nothing but a
 * swear word or a feeling is dropped; a word inside a clause is never touched (`王大军 12000` stays whole, 气 in a name,
 * 死 in 死者 / 死亡赔偿, `快递` is no `快点`). A message that is all feeling (`累死了`, `气死我了`) is left as typed, for
 * the talk readers (and flows/safety.ts, which reads the message before any of this) to answer.
 */

/** One precompiled test skips most messages: an exclamation mark or a word a feeling clause needs. */
const MAY_HOLD_FEELING = /[!！]|[艹草靠操]|tmd|特么|他妈|妈的|死|糊涂|过不好|无语|服了/iu;

/** A clause that is a swear word or a feeling, nothing else. */
const FEELING_CLAUSE =
  /^(?:艹+|草+|靠|操|卧槽|我靠|我草|我艹|tmd|他妈的?|妈的|特么的?|(?:真是|真|我)?(?:要)?(?:被)?(?:气|烦|急|累)死(?:我|人|俺)?(?:了|啦)?|(?:我|俺)?(?:都)?(?:被)?气(?:得|的)?(?:糊涂|发昏|昏头|懵)了?|(?:这)?年都过不(?:好|了)了?|过不(?:好|了)年了?|(?:真)?无语(?:了)?|服了)[啊呀了啦哈吧呢]*$/iu;

/** Where clauses part: spaces (newlines too), commas, and any run of exclamation marks. */
const PAUSE = /([\s,，!！]+)/u;

/**
 * The message without its exclamation storms and its opening and closing clauses of feeling, or the message itself
 * when nothing is dropped or nothing would be left. The pauses between the clauses kept stay as typed (a roster's
 * lines stay lines); one of exclamation marks becomes a space.
 */
export function withoutFeeling(text: string): string {
  if (!MAY_HOLD_FEELING.test(text)) return text;
  // Clauses at even places, the pauses between them at odd places.
  const parts = text.trim().split(PAUSE);
  let from = 0;
  let to = parts.length - 1;
  while (from <= to && (parts[from] === '' || FEELING_CLAUSE.test(parts[from]!))) from += 2;
  while (to >= from && (parts[to] === '' || FEELING_CLAUSE.test(parts[to]!))) to -= 2;
  if (from > to) return text;
  const calm = parts
    .slice(from, to + 1)
    .map((p, i) => (i % 2 === 1 && /[!！]/u.test(p) ? (/\n/u.test(p) ? '\n' : ' ') : p))
    .join('');
  return calm === '' ? text : calm;
}
