/*
 * Months and amounts in workers' own words (h46), as transcripts on real Redis:
 *  - `三四个月`, `3-4个月`, `3到4个月`: one number of months or the other. Both spellings behave the same: which is
 *    asked at the period question (each a choice), never either end taken; at a first message no period is taken
 *    (`3-4个月` was 4 months, `三四个月` 3; `欠了3-4个月 每个月3000` was 34 months, 102,000元).
 *  - `欠我两个月 3000一个月`: 3,000 a month for two months, proposed with the months (the months were dropped).
 *  - `6000×2`, `6000*2`, `6000x2`, `3000乘2` at the amount question: what they come to, confirmed.
 *  - `欠我两个月 6000 另外押金500`: the report, the deposit noted in the account (it was answered as a deposit question);
 *    at the amount question the deposit is said to be apart with the question about the figure (it was dropped unsaid).
 *  - `10月11月两个月没发 每个月5000`, `10、11月没发工资 一个月5000`: the report, the months and what the month's
 *    wage comes to proposed (the first was not understood; the second was 11月 alone and 1011 months of 5,000).
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const TO_PERIOD = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是'];
const TO_AMOUNT = [...TO_PERIOD, '今年9月到11月'];
const TWO_MONTHS = '拖欠时间「2026年10月至2026年11月（2个月）」';

type Answers = { amount?: { yuan: number }; period?: { months: number; start: string }; account?: string };

describe('a range of months is asked, never one end taken', () => {
  it.each(['三四个月', '3-4个月', '欠了3-4个月', '3到4个月', '三到四个月', '３－４个月'])('%s at the period question: 3 or 4 months asked', async (said) => {
    const user = `web:h46-range-${said}`;
    await converse(t.chat, user)
      .sendAll(...TO_PERIOD)
      .send(said)
      .expect(/是3个月还是4个月？/)
      .expect(/1\. 3个月\n\s*2\. 4个月/)
      .send('2')
      .expect(/您自己一共被拖欠了多少钱/);
    expect(((await session(user)).answers as Answers).period).toMatchObject({ start: '2026-08', months: 4 });
  });

  it.each(['老板欠我三四个月工资', '欠了3-4个月'])('%s as a first message: the report, no period taken', async (said) => {
    const user = `web:h46-first-${said}`;
    await converse(t.chat, user).send(said).expect(/您同意吗/).send('同意').expectNot(/拖欠时间/);
    expect(((await session(user)).answers as Answers).period).toBeUndefined();
  });

  it('欠了3-4个月 每个月3000: never 34 months; no amount worked out from it', async () => {
    const user = 'web:h46-range-rate';
    await converse(t.chat, user).send('欠了3-4个月 每个月3000').expect(/您同意吗/).send('同意').expectNot(/102,000|34个月|拖欠时间/);
    const a = (await session(user)).answers as Answers;
    expect(a.period).toBeUndefined();
    expect(a.amount).toBeUndefined();
  });
});

describe('a month\'s wage said with the months', () => {
  it('欠我两个月 3000一个月: the months and 3,000 × 2 proposed together', async () => {
    await converse(t.chat, 'web:h46-rate-first')
      .sendAll('欠我两个月 3000一个月', '同意')
      .expect(new RegExp(`^我理解的是：${TWO_MONTHS}、拖欠金额「6,000元（3,000元×2个月）」。对吗？`, 'u'));
  });

  it.each([
    ['10月11月两个月没发 每个月5000', TWO_MONTHS],
    ['10、11月没发工资 一个月5000', TWO_MONTHS],
  ])('%s at the menu: the report, then the months and 5,000 × 2 proposed', async (said, months) => {
    const user = `web:h46-named-${said}`;
    await converse(t.chat, user)
      .send(said)
      .expect(/您同意吗/)
      .send('同意')
      .expect(new RegExp(`^我理解的是：${months}、拖欠金额「10,000元（5,000元×2个月）」。对吗？`, 'u'))
      .send('对');
    expect(((await session(user)).answers as Answers).amount?.yuan).toBe(10000);
  });
});

describe('a figure times a count typed at the amount question', () => {
  it.each([
    ['6000×2', '6,000元×2，一共按12,000元算。', '12,000元'],
    ['6000*2', '6,000元×2，一共按12,000元算。', '12,000元'],
    ['6000x2', '6,000元×2，一共按12,000元算。', '12,000元'],
    ['3000乘2', '3,000元×2，一共按6,000元算。', '6,000元'],
    ['６０００×３', '6,000元×3，一共按18,000元算。', '18,000元'],
  ])('%s: worked out and confirmed', async (said, ack, total) => {
    await converse(t.chat, `web:h46-times-${said}`).sendAll(...TO_AMOUNT).send(said).expect(new RegExp(`${ack}[\\s\\S]*我理解的是：拖欠金额「${total}」。对吗？`, 'u'));
  });

  it('6000×3人, 6000×2=1200: asked again, no value taken', async () => {
    await converse(t.chat, 'web:h46-times-people').sendAll(...TO_AMOUNT).send('6000×3人').expect(/3是人数吗？/).expectNot(/我理解的是/);
    await converse(t.chat, 'web:h46-times-wrong').sendAll(...TO_AMOUNT).send('6000×2=1200').expect(/对不上/).expectNot(/我理解的是/);
  });
});

describe('a deposit told beside the wages', () => {
  it('欠我两个月 6000 另外押金500: the report, the deposit in the account, never the amount', async () => {
    const user = 'web:h46-deposit';
    await converse(t.chat, user)
      .send('欠我两个月 6000 另外押金500')
      .expectNot(/押金或保证金，都是违法的/)
      .expect(/您同意吗/)
      .send('同意')
      .expect(new RegExp(`^我理解的是：${TWO_MONTHS}、拖欠金额「6,000元（2个月一共）」、事情经过「押金500」。对吗？`, 'u'))
      .send('对');
    const a = (await session(user)).answers as Answers;
    expect(a.amount?.yuan).toBe(6000);
    expect(a.account).toBe('押金500');
  });

  it('欠我两个月 6000 另外押金500 at the amount question: the deposit said to be apart, the figure asked about', async () => {
    await converse(t.chat, 'web:h46-deposit-mid')
      .sendAll(...TO_AMOUNT)
      .send('欠我两个月 6000 另外押金500')
      .expect(/^押金不算在拖欠的工资里，后面问到事情经过时可以说一下。您说的6,000元，是2个月一共欠的，还是每个月的工资？/)
      .expectNot(/500元/);
  });

  // guard: a deposit asked about (a question) is still answered, the report offered after.
  it('老板欠我工资 另外押金能退吗: the deposit answered', async () => {
    await converse(t.chat, 'web:h46-deposit-q').send('老板欠我工资 另外押金能退吗').expect(/押金或保证金，都是违法的/);
  });
});
