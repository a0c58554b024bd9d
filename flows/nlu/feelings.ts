import { compact } from './normalize.js';

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

/*
 * Two readers share one lexicon (`feelingOnly`): `withoutFeeling` (every question but free words and the account: the
 * clauses opening and closing the words, and exclamation storms) and `withoutFeelingParts` (where a pick, a yes or no
 * or a command is read: such parts anywhere). Free words (a name, a unit) are read by nlu/vent.ts instead.
 */

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
  while (from <= to && (parts[from] === '' || feelingOnly(parts[from]!))) from += 2;
  while (to >= from && (parts[to] === '' || feelingOnly(parts[to]!))) to -= 2;
  if (from > to) return text;
  const calm = parts
    .slice(from, to + 1)
    .map((p, i) => (i % 2 === 1 && /[!！]/u.test(p) ? (/\n/u.test(p) ? '\n' : ' ') : p))
    .join('');
  return calm === '' ? text : calm;
}

/** Cheap gate: most messages have none of these characters and are returned as they are. */
const FEELING_HINT = /[快赶烦急气麻还废呵艹草操妈靠槽尼坑谁?？!！tT]/u;

/** One part that is only feeling (compacted, lower-cased). */
const FEELING_PART = new RegExp(
  '^(?:' +
    [
      // urging
      '(?:快点|快一点|快些|快快|赶紧|赶快|抓紧)(?:儿)?(?:吧|啊|呀|嘛|啦|行不行|好不好|行吗|好吗|可以吗)*',
      '(?:能不能|可不可以|能否)(?:快点|快一点|快些)(?:吗|啊|呀|嘛)*',
      // annoyance, impatience
      '(?:真|好|太|烦)?烦(?:不烦|死了?|死人了?|死我了|人)?(?:啊|呀|了|啦)*',
      '(?:急|气|烦|麻烦)死(?:人|我)?(?:了|啦)?(?:啊|呀)*',
      // a rhetorical question about the obvious
      '(?:这)?还(?:能|会)是(?:啥|什么|别的|哪个)(?:啊|呀|呢|嘛)*',
      '还用(?:问|说)(?:吗|嘛|么)?',
      '废话(?:嘛|吗)?',
      // scorn, swearing
      '呵呵+',
      '艹+',
      '草+',
      '操',
      'tmd',
      'tm',
      '他妈的',
      '妈的',
      '我靠',
      '卧槽',
      '尼玛',
      // a retort (`没有 谁给你整名单`): who would do that for you
      '谁(?:给你|有空|有工夫|有功夫|有闲心)(?:们)?(?:整|弄|搞|写|列|填|记)(?:这个|那个|什么)?(?:名单|表|这些|那些)?(?:啊|呀|啦)*',
      // venting what was done to them, no fact in it (`二十多个！全被坑了`)
      '(?:全|都)(?:被)?坑(?:惨)?了',
    ].join('|') +
    ')$',
  'u',
);

/**
 * An incredulous echo of what the bot said (`约满了？？`, `14天？？`): a short part closed by two or more question marks,
 * no question word in it (`要这么多信息干什么？？？` asks something: never cut).
 */
const ECHO_CLOSE = /^[?？]{2,}/u;
const ECHO_WORD = /^[^吗么嘛呢啥什怎为哪几多谁咋]{1,5}$/u;

/** The parts of a message with the separators after each. */
const PART = /([^\s,，。.!！?？~～、]+)([\s,，。.!！?？~～、]*)/gu;

/**
 * Where a pick, a yes or no or a command is read: the message without its parts of feeling anywhere in it (joined by a
 * space), or the message itself when it has none, or when
 * nothing else is left (a message of feeling alone is read as it is: small talk, venting).
 */
export function withoutFeelingParts(text: string): string {
  if (!FEELING_HINT.test(text)) return text;
  const parts = [...text.trim().matchAll(PART)].map((m) => ({ word: m[1]!, after: m[2]! }));
  const kept = parts.filter((p, i) => !feelingOnly(p.word) && !(i < parts.length - 1 && ECHO_CLOSE.test(p.after) && ECHO_WORD.test(p.word)));
  if (kept.length === parts.length || kept.length === 0) return text;
  return kept.map((p) => p.word).join(' ');
}

/** Whether one part (between pauses) is only feeling (`快点`, `烦不烦`, `呵呵`, `气糊涂了`): the one lexicon of both readers. */
export function feelingOnly(part: string): boolean {
  const c = compact(part).toLowerCase();
  return FEELING_PART.test(c) || FEELING_CLAUSE.test(c);
}
