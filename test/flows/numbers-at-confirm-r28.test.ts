/*
 * Figures typed at a 「…，对吗？」 (helper h116, round 28):
 *  - a bare `5000` at 「拖欠金额「6,000元」。对吗？」 was taken as the next question's answer (「被拖欠人数「5000人」」),
 *    and `五千` / `是五千` were read twice (拖欠金额「5,000元」 and 被拖欠人数「5000人」 from one number); now a figure
 *    alone is the right value instead: proposed in place of the waiting one (read by its own parser), never a headcount;
 *  - the same for the other figures proposed with 对吗: a headcount (`50` at 「被拖欠人数「5000人」」), a period
 *    (`10月到11月`), a phone (`13700002222` at 「…手机号「13700001111」」); a figure of another kind (`3个人` while the
 *    amount waits) is still the answer to its own question, never taken for the waiting one;
 *  - the waiting figure typed again (`6000` at 「拖欠金额「6,000元」」) was read as 6000 people; now a yes to it;
 *  - `5000` with both the amount and the headcount waiting: which one is wrong is asked (never either, nor the next question).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h116-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_AMOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'];
/** To 「拖欠金额「6,000元」。对吗？」 (2,000 a month for 3 months: worked out, so confirmed). */
const TO_AMOUNT_PROPOSED = [...TO_AMOUNT, '每个月两千'];
const AMOUNT_PROPOSED = /拖欠金额「6,000元」。对吗？/;
const FIVE_THOUSAND = /我理解的是：拖欠金额「5,000元」。对吗？/;
const COUNT_QUESTION = /一共有多少人被拖欠/;

describe('a figure alone at 「拖欠金额「6,000元」。对吗？」', () => {
  for (const said of ['5000', '五千', '是五千', '五千吧']) {
    it(`\`${said}\`: proposed as the amount instead (never a headcount of 5000); 对 keeps 5,000元`, async () => {
      const user = someone('amount');
      await converse(t.chat, user)
        .sendAll(...TO_AMOUNT_PROPOSED)
        .expect(AMOUNT_PROPOSED)
        .send(said)
        .expect(FIVE_THOUSAND)
        .expectNot(/人数|5000人/)
        .send('对')
        .expect(COUNT_QUESTION);
      const s = await session(user);
      expect(s.answers).toMatchObject({ amount: { yuan: 5000 } });
      expect(s.answers).not.toHaveProperty('headcount');
      expect(s.later ?? {}).not.toHaveProperty('headcount');
    });
  }

  // guard: `5000元` (the unit said) was proposed as the amount before too
  it('`5000元`: proposed as the amount instead', async () => {
    const user = someone('amount-yuan');
    await converse(t.chat, user).sendAll(...TO_AMOUNT_PROPOSED).send('5000元').expect(FIVE_THOUSAND).expectNot(/人数/);
    expect((await session(user)).answers).not.toHaveProperty('headcount');
  });

  it('`不是 五千`: the amount changed to 5,000元 at once, the headcount asked next', async () => {
    const user = someone('no-then');
    await converse(t.chat, user).sendAll(...TO_AMOUNT_PROPOSED).send('不是 五千').expect(/拖欠金额已改为「5,000元」/).expect(COUNT_QUESTION);
    expect((await session(user)).answers).not.toHaveProperty('headcount');
  });

  // guard: a figure of another kind is its own question's answer, never the waiting amount
  it('`3个人`: the headcount noted, the amount asked about again (never 3元)', async () => {
    const user = someone('people');
    await converse(t.chat, user).sendAll(...TO_AMOUNT_PROPOSED).send('3个人').expect(/被拖欠人数「3人」/).expect(AMOUNT_PROPOSED);
    expect((await session(user)).answers).not.toMatchObject({ amount: { yuan: 3 } });
  });

  it('`5000`, then 对: the headcount is asked, never held as 5000 people', async () => {
    const user = someone('then-count');
    await converse(t.chat, user).sendAll(...TO_AMOUNT_PROPOSED, '5000', '对').expect(COUNT_QUESTION).send('就我一个').expectNot(/5000/);
    expect((await session(user)).answers).toMatchObject({ amount: { yuan: 5000 }, headcount: { count: 1 } });
  });
});

describe('the waiting figure typed again', () => {
  it('`6000` at 「拖欠金额「6,000元」。对吗？」 (2,000元×3个月): a yes to it, the headcount asked next (never 6000 people)', async () => {
    const user = someone('same');
    await converse(t.chat, user).sendAll(...TO_AMOUNT_PROPOSED).send('6000').expect(COUNT_QUESTION).expectNot(/6000人|对吗/);
    const s = await session(user);
    expect(s.answers).toMatchObject({ amount: { yuan: 6000 } });
    expect(s.answers).not.toHaveProperty('headcount');
  });

  it('`五千`, then `5000` at 「拖欠金额「5,000元」。对吗？」: 5,000元 kept, never a headcount', async () => {
    const user = someone('same-2');
    await converse(t.chat, user).sendAll(...TO_AMOUNT_PROPOSED, '五千').expect(FIVE_THOUSAND).send('5000').expect(COUNT_QUESTION).expectNot(/5000人/);
    const s = await session(user);
    expect(s.answers).toMatchObject({ amount: { yuan: 5000 } });
    expect(s.answers).not.toHaveProperty('headcount');
  });
});

describe('other figures proposed with 对吗', () => {
  // guard: a headcount typed again at its own 对吗 was proposed before too (now by the same reading as the amount)
  it('`50` at 「被拖欠人数「5000人」。对吗？」: proposed as the headcount instead', async () => {
    const user = someone('count');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT, '6000', '5000')
      .expect(/被拖欠人数「5000人」。对吗？/)
      .send('50')
      .expect(/我理解的是：被拖欠人数「50人」。对吗？/)
      .send('对');
    expect((await session(user)).answers).toMatchObject({ amount: { yuan: 6000 }, headcount: { count: 50 } });
  });

  // guard: with two figures waiting a bare number is never read for the next question (held before too; now asked explicitly)
  it('`5000` with the amount and the headcount both waiting: which one is wrong is asked, neither changed', async () => {
    const user = someone('both');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT, '每个月两千 就我一个')
      .expect(/拖欠金额「6,000元」、被拖欠人数「1人（就您自己）」。对吗？/)
      .send('5000')
      .expect(/哪一项不对/)
      .expectNot(/5000人|5,000元/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('headcount');
    expect(s.answers).not.toHaveProperty('amount');
  });

  // guard: a period typed again at its own 对吗 was proposed before too
  it('`10月到11月` at 「拖欠时间「2026年9月至2026年11月（3个月）」。对吗？」: proposed as the period instead', async () => {
    const user = someone('period');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '9月到12月')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .send('10月到11月')
      .expect(/我理解的是：拖欠时间「2026年10月至2026年11月（2个月）」。对吗？/)
      .send('对')
      .expect(/多少钱/);
    expect((await session(user)).answers).toMatchObject({ period: { start: '2026-10', months: 2 } });
  });

  it('another phone typed at 「联系人「王芳」、手机号「13700001111」。对吗？」: proposed in its place, the name kept', async () => {
    const user = someone('phone');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT, '6000', '就我一个', '还在干', '都跳过', '没有', '王芳 13700001111')
      .expect(/手机号「13700001111」。对吗？/)
      .send('13700002222')
      .expect(/我理解的是：手机号「13700002222」。对吗？/)
      .send('对');
    expect((await session(user)).answers).toMatchObject({ contactName: '王芳', phone: '13700002222' });
  });
});
