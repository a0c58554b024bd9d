/*
 * Leftovers of this session's walks of the chat (session 42d), as transcripts on real Redis:
 *  1. At the wage summary, after `改 1` (the employer's question asked again), `不对 是8000` opened the phone's question
 *     (the last answer given, which 8000 is not). Now read as at the summary: which item 8000 is for (the amount or the
 *     headcount), the pick changing it; words no item takes give the list to pick from.
 *  2. `对 但是是去年的` at 「拖欠时间「2026年9月至2026年11月（3个月）」。对吗？」 got 「请回复对或不对」. Now the year said is a
 *     correction of the period: which months of 2025 is asked (as after `不对 是去年的`), nothing kept.
 *  3. (guard) `5个人 我们一起干的` at 「你们5个人一共被拖欠多少钱？」: the headcount said again, never 「这看起来不是钱数」
 *     (not reproduced on this code: kept as a guard).
 *  4. Booking legal aid: a bare `明天` at a time's 「…对吗？」 got 「请回复对或不对」; now that day's times are listed, as after
 *     `不对 明天`. `律师要钱吗` inside the booking got formal legal aid's conditions; now the consultation being booked is
 *     free (the knowledge base's lawyer-consult-free).
 *  5. `老板扣了我押金` at the menu got 「没太明白」: the deduction rule of wage-late-deduction tied with id-card-deposit (扣了);
 *     a deposit or an ID card kept is now id-card-deposit's alone.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { TO_SUMMARY } from '../support/wage-script.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r42d-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const PHONE_ASK = /您的手机号是多少/;
const AT_LIST = ['我想找个律师咨询一下', '同意', '欠薪', '还在干', '电话', '河西街道'] as const;

describe('1. 不对 with a value at a question asked again from the summary', () => {
  it('改 1, then 不对 是8000: which item is asked (never the phone), the pick changes the amount', async () => {
    const user = someone('edit-8000');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY)
      .send('改 1')
      .send('不对 是8000')
      .expect(/「8000」是要改哪一项/)
      .expect(/拖欠金额/)
      .expectNot(PHONE_ASK);
    await converse(t.chat, user).send('1').expect(/拖欠金额已改为「8,000元」/);
    const a = (await load(user)).answers;
    expect(a.amount).toMatchObject({ yuan: 8000 });
    expect(a.phone).toBe('13700001111');
    expect(a.employer).toBeDefined();
  });

  it('改 1, then 不对 是去年的 (no item takes it alone): the list to pick from, never the phone', async () => {
    const user = someone('edit-list');
    await converse(t.chat, user).sendAll(...TO_SUMMARY).send('改 1').send('不对 是去年的').expect(/哪一项要改/).expectNot(PHONE_ASK);
    expect((await load(user)).answers.phone).toBe('13700001111');
  });
});

describe('2. a yes with a year after it at the period’s 「…对吗？」', () => {
  it.each(['对 但是是去年的', '对，不过是去年的'])('%s: which months of 2025 is asked, nothing kept', async (said) => {
    const user = someone('yes-year');
    await converse(t.chat, user)
      .sendAll('老板欠我工资 9月到11月的', '同意')
      .send(said)
      .expect(/是2025年的哪几个月/)
      .expectNot(/请回复「对」或「不对」/);
    expect((await load(user)).answers.period).toBeUndefined();
  });

  // guard: a plain yes keeps the period as read.
  it('对: the period kept', async () => {
    const user = someone('yes-plain');
    await converse(t.chat, user).sendAll('老板欠我工资 9月到11月的', '同意').send('对');
    expect((await load(user)).answers.period).toBeDefined();
  });
});

describe('3. the headcount said again at the group’s total', () => {
  // guard: not reproduced on this code; the headcount said again is never read as a sum.
  it('5个人 我们一起干的: the group’s total asked again, never 「这看起来不是钱数」', async () => {
    const user = someone('group');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY.slice(0, 8), '5个人')
      .send('5个人 我们一起干的')
      .expect(/你们5个人一共被拖欠多少钱/)
      .expectNot(/不是钱数/);
    expect((await load(user)).answers.groupAmount).toBeUndefined();
  });
});

describe('4. inside the legal-aid booking', () => {
  it('明天 alone at the time’s 「…对吗？」: that day’s times listed, nothing kept', async () => {
    const user = someone('bare-day');
    await converse(t.chat, user)
      .sendAll(...AT_LIST)
      .send('三点左右吧')
      .send('明天')
      .expect(/12月2日（周三）还能约的时间/)
      .expectNot(/请回复「对」或「不对」/);
    const a = (await load(user)).answers;
    expect(a.slot).toBeUndefined();
    expect(a.slotDay).toBe('2026-12-02');
  });

  it.each([
    ['at the time’s 「…对吗？」', [...AT_LIST, '三点左右吧']],
    ['at a question', ['我想找个律师咨询一下', '同意', '欠薪']],
  ])('律师要钱吗 %s: the consultation is free, never legal aid’s conditions', async (_where, before) => {
    await converse(t.chat, someone('cost'))
      .sendAll(...before)
      .send('律师要钱吗')
      .expect(/不收费。工会律师咨询是免费的/)
      .expectNot(/经济困难、请不起律师的/)
      .expect(/我们接着填「预约法律援助」/);
  });

  // guard: outside a booking the question keeps its general answer (hiring a lawyer: legal aid).
  it('律师要钱吗 at the menu: legal aid’s answer, as before', async () => {
    await converse(t.chat, someone('cost-menu')).send('律师要钱吗').expect(/法律援助是免费的/);
  });
});

describe('5. a deposit kept, told at the menu', () => {
  it.each(['老板扣了我押金', '老板扣我押金', '公司扣了我保证金'])('%s: what the law says of deposits, never 没太明白', async (said) => {
    await converse(t.chat, someone('deposit')).send(said).expect(/收押金或保证金，都是违法的/).expectNot(/没太明白/);
  });

  // guard: a deduction from wages keeps its own answer.
  it('老板乱扣工资怎么办: the deductions answer', async () => {
    await converse(t.chat, someone('deduct')).send('老板乱扣工资怎么办').expect(/老板不能随便扣/);
  });
});
