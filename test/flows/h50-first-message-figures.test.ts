/*
 * Months and money in a first message and at the amount question (h50), as transcripts on real Redis:
 *  - `欠我俩月 3000一个月`, `欠我仨月 3000一个月`: the months and 3,000 × them proposed together, as with 两个月 (俩 after
 *    我 was read as 我俩, two people with a joint wage, and the amount dropped; 仨 was no count of months).
 *  - `3k` where `3千` is read: `欠了两个月 每月3k` at the amount question is 3,000 × 2 (it was 2 months proposed with
 *    9,000元, 3,000 × the 3 months known).
 *  - `老板欠我3到4个月工资`, `三四个月`, `拖了3-4个月` as a first message: which is asked at the period question, each a
 *    choice, nothing taken until one is picked (the period was asked from scratch).
 *  - `要写税前的吗`, `加班费算不算` at the amount question: answered there, the question again, nothing taken (they were
 *    答不上来 and the overtime rates).
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const AFTER_CONSENT = ['好再来饭店', '河西街道', '不清楚', '不是'];
const TO_AMOUNT = ['老板欠我工资', '同意', ...AFTER_CONSENT, '今年9月到11月'];
const AMOUNT_ASK = /您自己一共被拖欠了多少钱？/;

type Answers = { amount?: { yuan: number }; period?: { months: number; start: string } };

describe('俩月, 仨月 with a month\'s wage', () => {
  it.each([
    ['欠我俩月 3000一个月', '拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「6,000元（3,000元×2个月）」'],
    ['欠我仨月 3000一个月', '拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「9,000元（3,000元×3个月）」'],
    ['欠我俩月 3k一个月', '拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「6,000元（3,000元×2个月）」'],
  ])('%s: the months and what they come to, proposed together', async (said, proposed) => {
    const user = `web:h50-two-${said}`;
    await converse(t.chat, user).sendAll(said, '同意').expect(new RegExp(`^我理解的是：${proposed}。对吗？`, 'u')).send('对');
    expect(((await session(user)).answers as Answers).amount).toBeDefined();
  });

  // guard: 我们俩 (two people) with their joint wage is still the two together's, never the person's own.
  it('我们俩 一个月一共一万二 三个月没发了: the two together', async () => {
    await converse(t.chat, 'web:h50-two-people').sendAll('我们俩 一个月一共一万二 三个月没发了', '同意').expect(/被拖欠人数「2人」、大家一共被拖欠「约36,000元」/);
  });
});

describe('3k as 3千', () => {
  it.each(['欠了两个月 每月3k', '每月3K 欠了俩月'])('%s at the amount question (3 months known): 3,000 × 2', async (said) => {
    await converse(t.chat, `web:h50-k-${said}`)
      .sendAll(...TO_AMOUNT)
      .send(said)
      .expect(/3,000元×2个月，一共按6,000元算。[\s\S]*我理解的是：拖欠金额「6,000元」。对吗？/)
      .expectNot(/9,000/);
  });

  // guard: the same with 3千 (it was right).
  it('欠了两个月 每月3千 at the amount question: 3,000 × 2', async () => {
    await converse(t.chat, 'web:h50-k-qian').sendAll(...TO_AMOUNT).send('欠了两个月 每月3千').expect(/我理解的是：拖欠金额「6,000元」。对吗？/);
  });
});

describe('a range of months in the first message', () => {
  it.each([
    ['老板欠我3到4个月工资', 3, 4],
    ['老板欠我三四个月工资', 3, 4],
    ['拖了3-4个月', 3, 4],
    ['两三个月没发工资了', 2, 3],
  ])('%s: which asked at the period question, nothing taken until picked', async (said, lo, hi) => {
    const user = `web:h50-range-${said}`;
    await converse(t.chat, user).sendAll(said, '同意', ...AFTER_CONSENT.slice(0, -1)).send('不是').expect(new RegExp(`您前面说的是${lo}到${hi}个月。[^\\n]*是${lo}个月还是${hi}个月？`, 'u')).expect(new RegExp(`1\\. ${lo}个月\\n\\s*2\\. ${hi}个月`, 'u'));
    expect(((await session(user)).answers as Answers).period).toBeUndefined();
    await converse(t.chat, user).send('2').expect(AMOUNT_ASK);
    expect(((await session(user)).answers as Answers).period).toMatchObject({ months: hi });
  });

  // guard: the months worked (no word of arrears with them) are no range owed: the period asked plainly.
  it('在厂里干了三四个月 老板欠我工资: the period asked plainly', async () => {
    await converse(t.chat, 'web:h50-range-worked').sendAll('在厂里干了三四个月 老板欠我工资', '同意', ...AFTER_CONSENT).expect(/^拖欠的是哪段时间的工资？/u);
  });
});

describe('how to count the sum, asked at the amount question', () => {
  it.each([
    ['要写税前的吗', /分不清税前税后的，就写您平时实际拿到手的数/],
    ['税后还是税前', /分不清税前税后的，就写您平时实际拿到手的数/],
    ['加班费算不算', /没发的加班费也可以算进去/],
    ['包括加班费吗', /没发的加班费也可以算进去/],
  ])('%s: answered, the amount asked again, nothing taken', async (said, answer) => {
    const user = `web:h50-how-${said}`;
    await converse(t.chat, user).sendAll(...TO_AMOUNT).send(said).expect(answer).expect(AMOUNT_ASK).expectNot(/答不上来|不低于1\.5倍|我理解的是/);
    expect(((await session(user)).answers as Answers).amount).toBeUndefined();
  });

  // guard: how overtime pay is worked out is still the knowledge base's answer.
  it('加班费怎么算: the rates', async () => {
    await converse(t.chat, 'web:h50-how-rates').sendAll(...TO_AMOUNT).send('加班费怎么算').expect(/不低于1\.5倍/);
  });
});
