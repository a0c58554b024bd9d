/*
 * Leftovers in the wage report (helper h57), as transcripts on real Redis:
 *  - `欠了3-4个月 每个月3000` (first message): the range was asked at the period question but the month's wage said with
 *    it was dropped, so the amount was asked from scratch. Now kept with the range and, once the months are picked,
 *    3,000 × them proposed at the amount question (「…（3,000元×4个月）。对吗？」); nothing stored before the yes.
 *  - `老板三个月没给钱我有欠条`: evidence run on after a clause with a denial, no mark between, was not noted. Now read
 *    from where 我有 / 我手上有 starts; `我没有欠条`, `老板不给打欠条`, `要是我有欠条就好了` never count.
 *  - `老板欠我3个月工资要写税前的吗`: a tax question run on with no mark was not held for the amount question. Now it is
 *    (TAX_ASKED words only); `老板欠我3个月税后工资吗` is no such question.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { evidenceSaidEarly, type WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:h57-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** After consent, to the period question (the unit, its place, not a building site). */
const TO_PERIOD = ['好再来饭店', '对', '东龙', '新塘', '不是'];
const PLAIN_AMOUNT = /您自己一共被拖欠了多少钱？例如：28500/;

describe('a month\'s wage said with a range of months', () => {
  it('`欠了3-4个月 每个月3000`, 4个月 picked: 3,000 × 4 proposed at the amount question; 对 takes it', async () => {
    const user = someone('range-yes');
    const chat = converse(t.chat, user);
    await chat
      .sendAll('欠了3-4个月 每个月3000', '同意', ...TO_PERIOD)
      .expect(/是3个月还是4个月？/)
      .send('4个月')
      .expect(/您前面说每个月3,000元，4个月一共是12,000元（3,000元×4个月）。对吗？/);
    expect((await answers(user)).amount).toBeUndefined();
    await chat.send('对').expect(/一共有多少人被拖欠？/);
    const a = await answers(user);
    expect(a.amount).toMatchObject({ yuan: 12000, how: '3,000元×4个月', monthly: { rate: 3000, months: 4 } });
    expect(a.period?.months).toBe(4);
  });

  it('3个月 picked, then 不对: asked plainly (never proposed again), nothing taken; a figure then is the answer', async () => {
    const user = someone('range-no');
    const chat = converse(t.chat, user);
    await chat
      .sendAll('欠了3-4个月 每个月3000', '同意', ...TO_PERIOD, '3个月')
      .expect(/3个月一共是9,000元（3,000元×3个月）。对吗？/)
      .send('不对')
      .expect(/好的。那您自己一共被拖欠了多少钱？/)
      .expectNot(/9,000元/);
    const a = await answers(user);
    expect(a.amount).toBeUndefined();
    expect(a.monthsRange?.rate).toBeUndefined();
  });

  // guard: the range alone (no wage said) still leads to the plain amount question.
  it('`欠了3-4个月` alone: the plain amount question after the pick', async () => {
    await converse(t.chat, someone('range-alone')).sendAll('欠了3-4个月', '同意', ...TO_PERIOD, '4个月').expect(PLAIN_AMOUNT);
  });
});

describe('evidence run on after another clause', () => {
  it.each([
    ['老板三个月没给钱我有欠条', ['欠条'], '我有欠条'],
    ['老板三个月没给钱我手上有工资条', ['工资条'], '我手上有工资条'],
  ])('%s: noted', (said, kinds, words) => {
    expect(evidenceSaidEarly(said)).toEqual({ kinds, words, inferred: false });
  });

  // guard: denials, refusals, suppositions and questions are never evidence held.
  it.each(['我没有欠条', '老板不给打欠条', '老板三个月没给钱要是我有欠条就好了', '老板没给钱我有欠条吗', '老板没给钱我有欠条但是丢了', '老板不给钱我有欠条的话能要回来吗'])('%s: nothing', (said) => {
    expect(evidenceSaidEarly(said)).toBeNull();
  });

  it('`老板三个月没给钱我有欠条` (first message): said back at the evidence question, kept with 完成', async () => {
    const user = someone('evidence');
    await converse(t.chat, user)
      .sendAll('老板三个月没给钱我有欠条', '同意', ...TO_PERIOD, '对', '6000', '就我一个', '还在干', '都跳过')
      .expect(/您之前说过有欠条。可以直接发照片或文件/)
      .send('完成')
      .expect(/记下了您手上有欠条/);
    expect((await answers(user)).evidenceHeld).toBe('我有欠条');
  });
});

describe('a tax question run on with no mark', () => {
  it.each(['老板欠我3个月工资要写税前的吗', '老板欠我3个月工资税前还是税后'])('%s: answered at the amount question', async (said) => {
    await converse(t.chat, someone('tax'))
      .sendAll(said, '同意', ...TO_PERIOD, '对')
      .expect(/您前面问到税前税后：/)
      .expect(PLAIN_AMOUNT);
  });

  // guard: a word of tax in the report itself, or a question of something else, is no tax question.
  it.each(['老板欠我3个月税后工资吗', '老板欠我3个月工资钱啥时候能到手呢'])('%s: the plain amount question', async (said) => {
    await converse(t.chat, someone('no-tax'))
      .sendAll(said, '同意', ...TO_PERIOD, '对')
      .expectNot(/您前面问到/)
      .expect(PLAIN_AMOUNT);
  });
});
