/*
 * The bot's understanding, measured on the labelled corpus (test/nlu/corpus,
 * LABELS.md): the targets of issue 9, and a few lines that must never go wrong.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus, precision, recall } from './evaluate.js';

const report = evaluate();
/**
 * Held-out sets A, B, C, D and E (test/nlu/heldout, heldout-b, heldout-c,
 * heldout-d, heldout-e): 300, 300, 240, 282 and 300 lines written apart from
 * the code. Each was measured once on first sight (fields precision / recall:
 * A 93.3 % / 84.3 %; B, after A's fixes, 90.7 % / 90.3 %; C, after B's,
 * 96.6 % / 90.0 %; D, after C's, 88.3 % / 91.0 %; E, after D's, 90.3 % /
 * 85.6 %), then used to find what was broken, so none is unseen any more:
 * they guard against going back, with lower floors than the tuned corpus.
 */
const HELD_OUT = [
  ['heldout', 300],
  ['heldout-b', 300],
  ['heldout-c', 240],
  ['heldout-d', 282],
  ['heldout-e', 300],
] as const;
const heldout = HELD_OUT.map(([d]) => evaluate(loadCorpus(fileURLToPath(new URL(`./${d}`, import.meta.url)))));

/**
 * A held-out set has the lines it was written with, and its values stay above the floors reached: field precision and
 * recall, and the precision of what is taken without confirming.
 */
function holdsFloors(set: string, lines: number, floors: { precision: number; recall: number; direct: number }): void {
  const r = evaluate(loadCorpus(fileURLToPath(new URL(`./${set}`, import.meta.url))));
  expect(r.lines).toBe(lines);
  expect(precision(r.allFields)).toBeGreaterThanOrEqual(floors.precision);
  expect(recall(r.allFields)).toBeGreaterThanOrEqual(floors.recall);
  expect(precision(r.direct)).toBeGreaterThanOrEqual(floors.direct);
}

describe('understanding workers in their own words (npm run nlu:report)', () => {
  it('the corpus is big enough and covers every flow, the knowledge base and small talk', () => {
    const lines = loadCorpus();
    expect(lines.length).toBeGreaterThanOrEqual(600);
    for (const flow of ['wage', 'membership', 'legal'] as const) expect(lines.filter((l) => l.flow === flow).length).toBeGreaterThanOrEqual(100);
    expect(new Set(lines.filter((l) => l.expect.intent === 'question').map((l) => l.expect.entry)).size).toBeGreaterThanOrEqual(40);
    expect(lines.filter((l) => l.expect.intent === 'smalltalk').length).toBeGreaterThanOrEqual(20);
  });

  it('values are taken with precision ≥ 99 % and found with recall ≥ 90 %', () => {
    expect(precision(report.allFields)).toBeGreaterThanOrEqual(0.99);
    expect(recall(report.allFields)).toBeGreaterThanOrEqual(0.9);
  });

  it('a value taken without confirming is wrong at most 1 time in 100', () => {
    expect(precision(report.direct)).toBeGreaterThanOrEqual(0.99);
  });

  it('what a message is (answer, question, request, command, small talk) is right at least 95 % of the time', () => {
    expect(precision(report.allIntents)).toBeGreaterThanOrEqual(0.95);
  });

  it.each([0, 1, 2, 3, 4])('on held-out set %i, values stay above the floors reached (precision ≥ 96 %, recall ≥ 94 %)', (i) => {
    const r = heldout[i]!;
    expect(r.lines).toBe(HELD_OUT[i]![1]);
    expect(precision(r.allFields)).toBeGreaterThanOrEqual(0.96);
    expect(recall(r.allFields)).toBeGreaterThanOrEqual(0.94);
    expect(precision(r.direct)).toBeGreaterThanOrEqual(0.96);
  });

  /**
   * Held-out set F (test/nlu/heldout-f, 268 lines: older workers and their children typing for them, phone typing,
   * numbers written in mixed ways, hard negatives), measured on first sight after E's fixes (fields 89.3 % / 88.0 %;
   * with its labels corrected, 98.0 % / 88.2 %), then fixed: its floors are its figures after those fixes, rounded
   * down (fields 99.5 % / 93.2 %, without confirming 100 %).
   */
  it('on held-out set F, values stay above the floors reached (precision ≥ 99 %, recall ≥ 93 %, without confirming 100 %)', () => {
    holdsFloors('heldout-f', 268, { precision: 0.99, recall: 0.93, direct: 1 });
  });

  /**
   * Held-out set G (test/nlu/heldout-g, 279 lines: WeChat voice-to-text transcripts, regional wording of the north-east,
   * Sichuan and Chongqing, Henan and Shandong, written Cantonese, traditional characters and full-width digits, hard
   * negatives), measured on first sight after F's fixes (fields 91.8 % / 89.7 %, without confirming 97.5 %; with its
   * labels corrected, 96.1 % / 90.0 %, without confirming 98.8 %), then fixed: its floors are its figures after those
   * fixes, rounded down (fields 99.5 % / 96.4 %, without confirming 100 %).
   */
  it('on held-out set G, values stay above the floors reached (precision ≥ 99 %, recall ≥ 96 %, without confirming 100 %)', () => {
    holdsFloors('heldout-g', 279, { precision: 0.99, recall: 0.96, direct: 1 });
  });

  /**
   * Held-out set H (test/nlu/heldout-h, 284 lines: typed on phones with pinyin input: homophone slips, odd punctuation,
   * internet wording (木有, 不造, 神马, 肿么办, 是滴), sums as 3k / 1w5 / 8千5, English mixed in, emoji, long run-on
   * stories, hard negatives), measured on first sight after G's fixes (fields 89.5 % / 87.6 %, without confirming
   * 95.0 %; with its labels corrected, 92.8 % / 88.5 %, without confirming 96.1 %), then fixed: its floors are its
   * figures after those fixes, rounded down (fields 100 % / 94.4 %, without confirming 100 %).
   */
  it('on held-out set H, values stay above the floors reached (precision 100 %, recall ≥ 94 %, without confirming 100 %)', () => {
    holdsFloors('heldout-h', 284, { precision: 1, recall: 0.94, direct: 1 });
  });

  /**
   * Held-out set I (test/nlu/heldout-i, 270 lines: voice messages as WeChat's speech-to-text writes them: no
   * punctuation, fillers (嗯 呃 那个 就是), words said again as a restart (黄 黄 黄志强), numbers as the recogniser writes
   * them (六千块, 6千, 五千五, 一万二千), dates spoken (九月份, 十一月五号, 上个月十号), homophones of common words
   * (包公头, 律诗, 中裁, 同一), self-corrections (八千 不对 是六千), long run-on stories, hard negatives), measured on
   * first sight after H's fixes (fields 86.0 % / 83.1 %, without confirming 91.1 %; with its labels audited, 87.3 % /
   * 83.3 %, without confirming 90.6 %), then fixed: its floors are its figures after those fixes, rounded down
   * (fields 91.7 % / 87.4 %, without confirming 94.4 %); raised after the fixes in heldout-i-more.test.ts (restarts
   * confirmed at every free-text question, a sound of thinking before free words, when the work began, sums said with
   * pauses) to 95.6 % / 90.8 %, without confirming 98.1 %.
   */
  it('on held-out set I, values stay above the floors reached (precision ≥ 95 %, recall ≥ 90 %, without confirming ≥ 98 %)', () => {
    holdsFloors('heldout-i', 270, { precision: 0.95, recall: 0.9, direct: 0.98 });
  });

  /**
   * Held-out set J (test/nlu/heldout-j, 301 lines: hard negatives and look-alikes: hypotheticals and conditionals
   * (要是老板不给钱怎么办, 要是只欠两千也能报吗), other people's words quoted or reported (老板说只欠我五千 其实是八千,
   * 工头说一共欠大家二十万), questions about a value instead of the value (欠多少钱才能报, 要写全称吗), arrears still to
   * come (下个月还要再欠五千), numbers that are not amounts or months (ages, rooms, floors, bus routes, workshops, staff
   * numbers), negated values (不是东龙镇), venting (呵呵 老板说没钱 开的宝马), names and places that are not the person's
   * or the work's (the boss's, a workmate's, the home town), brands, and plain answers wrapped in all of these),
   * measured on first sight after I's fixes (fields 78.7 % / 75.4 %, without confirming 84.7 %, intents 78.4 %; with
   * two labels corrected to LABELS.md (a message's every value listed: `hj-wage-workername-001`'s own name,
   * `hj-wage-switch-001`'s 律师), 79.7 % / 75.6 %, without confirming 85.5 %). Raised after the fixes in
   * heldout-j-fixes.test.ts (wage) and heldout-j-more.test.ts (joining, legal aid, the menu) to 91.1 % / 81.7 %,
   * without confirming 98.3 %, intents 85.4 %.
   */
  it('on held-out set J, values stay above the floors reached (precision ≥ 91 %, recall ≥ 81 %, without confirming ≥ 98 %)', () => {
    holdsFloors('heldout-j', 301, { precision: 0.91, recall: 0.81, direct: 0.98 });
  });

  /**
   * Held-out set K (test/nlu/heldout-k, 370 lines: the work and people the tests met least — platform and gig workers
   * (众包 and 专送 riders, couriers' 网点, ride-hailing and 货拉拉 drivers, live-stream hosts), domestic workers (保姆,
   * 月嫂, 育儿嫂, 钟点工, by a family or through a 家政公司), workers sent by a 劳务派遣 or 劳务公司, seasonal and farm work
   * (摘茶, 果园, 养殖场), piece-rate and daily-wage work, building-site chains (总包, 分包, 劳务公司, 包工头, 班组长), small
   * restaurants, guards and cleaners placed by 物业, workers near retirement, students and interns, cash with no
   * contract), measured on first sight after J's fixes (fields 91.7 % / 94.5 %, without confirming 98.6 %, intents
   * 94.9 %; with three labels corrected to LABELS.md (every value a message gives: two 律师 as help, 骑手 as new_form at
   * the name question), 92.7 % / 94.6 %, without confirming 99.5 %, intents 95.1 %). Raised after the fixes in
   * heldout-k-fixes.test.ts (wage) and heldout-k-more.test.ts (joining, legal aid, the menu) to 97.3 % / 98.6 %,
   * without confirming 100 %, intents 98.6 %.
   */
  it('on held-out set K, values stay above the floors reached (precision ≥ 97 %, recall ≥ 98 %, without confirming ≥ 99.5 %)', () => {
    holdsFloors('heldout-k', 370, { precision: 0.97, recall: 0.98, direct: 0.995 });
  });

  /**
   * Held-out set L (test/nlu/heldout-l, 226 lines: moves in the middle of a conversation — at 「…对吗？」 and at the
   * summary, half agreeing, agreeing with a correction, disagreeing with the right value, naming the item to change,
   * adding what was forgotten; answering the question before or a later one early; changing an earlier answer; going
   * back; pausing), measured on first sight after K's fixes (fields 95.7 % / 86.1 %, without confirming 98.3 %,
   * intents 82.7 %; with two labels corrected to LABELS.md (a stated 律师; the employment the joining lines' questions
   * need, in `known`), 96.9 % / 86.2 %, without confirming 99.1 %). Raised after the fixes in heldout-l-fixes.test.ts
   * (the wage report, the summary, 「…对吗？」) and heldout-l-more.test.ts (joining, legal aid, commands) to 98.2 % /
   * 92.3 %, without confirming 100 %, intents 84.5 %. Then (the forty-fifth session) the reading at 「…对吗？」 was made
   * to follow the engine's step there (the words read against the values waiting, evaluate.ts) and L's twenty
   * disagreeing lines were labelled `no` as LABELS.md and every other set write them: 97.7 % / 92.8 %, intents 92.9 %
   * (what the chat proposes at 「…对吗？」 is now counted: `对 另外还有两个工友也没拿到` proposes 3 people, which the label
   * leaves out).
   */
  it('on held-out set L, values stay above the floors reached (precision ≥ 97.5 %, recall ≥ 92 %, without confirming ≥ 99.5 %)', () => {
    holdsFloors('heldout-l', 226, { precision: 0.975, recall: 0.92, direct: 0.995 });
  });

  /**
   * Held-out set M (test/nlu/heldout-m, 238 lines: whole stories in one message — many numbers (daily rates, days
   * worked, totals earned, paid and still owed, deposits, others' sums, the boss's phone), several people, places that
   * are not the work's, run-ons and line breaks, at the menu and at one small question), measured on first sight
   * (the forty-fifth session, after the reading at 「…对吗？」 came to follow the engine): fields 81.8 % / 74.9 %,
   * without confirming 96.3 %, intents 85.7 %. Raised after the fixes in heldout-m-amounts.test.ts,
   * heldout-m-wage.test.ts, heldout-m-more.test.ts, heldout-m-round2.test.ts and heldout-m-round2-wage.test.ts to
   * 90.2 % / 90.9 %, without confirming 100 %, intents 96.6 %. Most misses left are labels stricter than the chat
   * (a sum worked out from a rate and the time, proposed with how; a directory unit's full name; 包工头姓覃).
   */
  it('on held-out set M, values stay above the floors reached (precision ≥ 90 %, recall ≥ 90 %, without confirming ≥ 99.5 %)', () => {
    holdsFloors('heldout-m', 238, { precision: 0.9, recall: 0.9, direct: 0.995 });
  });

  /**
   * Held-out set N (test/nlu/heldout-n, 240 lines: dates, sums and numbers in every shape — relative days and weeks,
   * festivals and the lunar calendar, months and years said many ways; 1.2万, 1w2, 12k, 壹万贰仟, 万把块; headcounts;
   * phones and ID numbers typed every way; numbers that are not the value asked), measured on first sight (the
   * forty-fifth session, after set M's fixes): fields 91.0 % / 91.0 %, without confirming 99.1 %, intents 91.7 %.
   * Raised after the fixes in heldout-n-wage.test.ts and heldout-n-more.test.ts to 93.5 % / 96.7 %, without confirming
   * 100 %, intents 96.3 %.
   */
  it('on held-out set N, values stay above the floors reached (precision ≥ 93 %, recall ≥ 96 %, without confirming ≥ 99.5 %)', () => {
    holdsFloors('heldout-n', 240, { precision: 0.93, recall: 0.96, direct: 0.995 });
  });

  /**
   * Held-out set O (test/nlu/heldout-o, 258 lines: names, identity numbers and reluctance — compound surnames, names
   * that are everyday words, nicknames and titles, relatives answering, units named like phrases or by a boss's
   * nickname, directory units typed with a wrong character, others' phones, landlines, IDs and permits, refusals and
   * why-questions), measured on first sight (the forty-sixth session): fields 82.4 % / 77.6 %, without confirming
   * 85.8 %, intents 86.4 %. Raised after the fixes in heldout-o-*.test.ts and heldout-op-names-2.test.ts to 91.8 % /
   * 87.3 %, without confirming 93.6 % (what is left stored is labels stricter than the chat: 覃师傅 at 「怎么称呼您？」,
   * `•` written `·`, a directory unit's full name), intents 92.2 %.
   */
  it('on held-out set O, values stay above the floors reached (precision ≥ 91 %, recall ≥ 87 %, without confirming ≥ 93 %)', () => {
    holdsFloors('heldout-o', 258, { precision: 0.91, recall: 0.87, direct: 0.93 });
  });

  /**
   * Held-out set P (test/nlu/heldout-p, 256 lines: commands and questions in the middle of a form said every way —
   * 找个真人, 查下进度, 算了不报了, 返回上一步, 删掉我的信息, knowledge questions, service switches — and answers with
   * command words in them: 单位叫人工智能科技, 进度款没给, 取消了我的加班费), measured on first sight (the forty-sixth
   * session): fields 89.0 % / 89.0 %, without confirming 89.7 %, intents 85.9 %. Raised after the fixes in
   * heldout-p-commands.test.ts, heldout-p-answers.test.ts and heldout-op-names-2.test.ts to 100 % / 99.0 %, without
   * confirming 100 %, intents 99.6 %.
   */
  it('on held-out set P, values stay above the floors reached (precision ≥ 99 %, recall ≥ 98 %, without confirming ≥ 99.5 %)', () => {
    holdsFloors('heldout-p', 256, { precision: 0.99, recall: 0.98, direct: 0.995 });
  });

  /**
   * Held-out set Q (test/nlu/heldout-q, 291 lines: WeChat's texture and noise — built-in emoji codes, quoted replies,
   * pasted bank SMS, IOUs and map cards, placeholders like [图片] and [视频通话], messages not meant for the bot, tests,
   * abuse and injection-like text), measured on first sight (the forty-seventh session): fields 85.3 % / 86.9 %,
   * without confirming 90.4 %, intents 82.1 %. Raised after the fixes in heldout-q-*.test.ts to 95.8 % / 98.8 %,
   * without confirming 96.7 % (what is left is labels stricter than the chat: 约个律师 giving the lawyer, 楼盘 as a
   * building site, a directory unit's full name, an IOU's sum proposed for a yes), intents 96.2 %.
   */
  it('on held-out set Q, values stay above the floors reached (precision ≥ 95 %, recall ≥ 98 %, without confirming ≥ 96 %)', () => {
    holdsFloors('heldout-q', 291, { precision: 0.95, recall: 0.98, direct: 0.96 });
  });

  /**
   * Held-out set R (test/nlu/heldout-r, 283 lines: descriptions instead of choices — what happened for legal aid's
   * matter, how to meet, who should help, the kind of work and the platform, where one lives, whether it is building
   * work, still employed; a third deciding nothing), measured on first sight (the forty-seventh session): fields
   * 77.2 % / 75.5 %, without confirming 79.7 % (29 values stored with no question), intents 77.0 %. Raised after the
   * fixes in heldout-r-*.test.ts to 89.1 % / 89.5 %, without confirming 94.0 % (what is left stored is mostly labels
   * stricter than the chat: a directory unit's full name, a spouse's matter at legal aid, 一直住在东龙 户口也在 taken as
   * where one lives), intents 91.2 %.
   */
  it('on held-out set R, values stay above the floors reached (precision ≥ 89 %, recall ≥ 89 %, without confirming ≥ 93.5 %)', () => {
    holdsFloors('heldout-r', 283, { precision: 0.89, recall: 0.89, direct: 0.935 });
  });

  /**
   * Held-out set S (test/nlu/heldout-s, 305 lines: people who write little or write Mandarin as a second language —
   * handwriting-pad look-alikes, pinyin left unconverted, a word or a character at a time, one- or two-character
   * answers, learner word order), measured on first sight (the forty-eighth session): fields 86.0 % / 57.5 %, without
   * confirming 89.1 % (12 values stored with no question), intents 63.6 %. Raised after the fixes in heldout-s-*.test.ts
   * (and the evaluator reading pinyin, menu numbers and a place's near miss as the chat does) to 97.0 % / 89.7 %,
   * without confirming 97.9 %, intents 92.5 %; 97.1 % / 92.5 %, 98.0 %, 93.8 % after the next session's leftovers.
   */
  it('on held-out set S, values stay above the floors reached (precision ≥ 96 %, recall ≥ 92 %, without confirming ≥ 97.5 %)', () => {
    holdsFloors('heldout-s', 305, { precision: 0.96, recall: 0.92, direct: 0.975 });
  });

  /**
   * Held-out set T (test/nlu/heldout-t, 334 lines: people who are upset — anger, swearing, venting, pleading, distrust
   * of the chat, giving up — with the facts inside), measured on first sight (the forty-ninth session): fields 80.0 % /
   * 75.7 %, without confirming 85.3 % (21 values stored with no question), intents 79.9 %. Raised after the fixes in
   * heldout-t-*.test.ts (and leftovers-r49-mine.test.ts) to 96.0 % / 96.4 %, without confirming 97.4 %, intents 97.3 %.
   */
  it('on held-out set T, values stay above the floors reached (precision ≥ 95 %, recall ≥ 95 %, without confirming ≥ 97 %)', () => {
    holdsFloors('heldout-t', 334, { precision: 0.95, recall: 0.95, direct: 0.97 });
  });

  /**
   * Held-out set U (test/nlu/heldout-u, 363 lines: second thoughts — a value taken back inside the message, an earlier
   * answer corrected, hedging and either-or, putting off, consent taken back, a change of service, look-alikes),
   * measured on first sight (the fiftieth session): fields 63.4 % / 56.8 %, without confirming 68.4 % (36 values
   * stored with no question), intents 67.8 %. Raised after the fixes in heldout-u-*.test.ts (and
   * leftovers-r50-mine.test.ts, consent-withdrawn.test.ts) to 79.7 % / 70.3 %, without confirming 84.0 %, intents 74.4 %.
   */
  it('on held-out set U, values stay above the floors reached (precision ≥ 79 %, recall ≥ 69 %, without confirming ≥ 83 %)', () => {
    holdsFloors('heldout-u', 363, { precision: 0.79, recall: 0.69, direct: 0.83 });
  });

  it('small talk is never data, and greetings never become names', () => {
    const leaks = report.errors.filter((e) => e.line.expect.intent === 'smalltalk' && (Object.keys(e.prediction.direct).length > 0 || Object.keys(e.prediction.inferred).length > 0));
    expect(leaks.map((e) => e.line.id)).toEqual([]);
  });
});
