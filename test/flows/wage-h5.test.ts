/*
 * Answers in the wage report given where another question was asked, or in the person's own words, as transcripts on
 * the real chat service and real Redis:
 *  - H1: a bare amount (`8000`) at the period question waits for the amount's question (said so), the period asked
 *    again; a year-like number (`2000`) is never read as money there.
 *  - H2: `改 5` (the period) then `8000`: changing the amount is offered (asked, never done silently).
 *  - H3: `我还有个工友也没拿到钱` at the summary with 就我一个 recorded: changing the headcount to 2 is offered.
 *  - H4: `10月份就不干了` with wages owed to November: the month is kept, which period is meant asked with choices.
 *  - H5: `东龙镇新塘村` at the township question: 新塘社区 offered (confirmed), never the village asked from scratch.
 *  - H6: `我们几个` at the headcount question: small rough figures offered, never read as a question.
 *  - H7: `不清楚` at the headcount question: small rough figures offered too.
 *  - H8: `6000` at 「是工程建设项目吗？」 then `不是`: the 不是 answers the construction question; the amount waits.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const PERIOD_Q = /拖欠的是哪段时间的工资？/;
const AMOUNT_Q = /您自己一共被拖欠了多少钱？/;
const HEADCOUNT_Q = /一共有多少人被拖欠？/;
const STILL_Q = /您现在还在这家单位干吗？/;
const CONSTRUCTION_Q = /是工程建设项目吗？/;
const VILLAGE_Q = /在东龙镇的哪个村或社区？/;
const REVIEW = /请核对您要反映的欠薪情况/;

/** Up to the period question (no period said in the opener). */
const toPeriod = (user: string) =>
  converse(t.chat, user).send('我被拖欠工资了').send('1').send('好再来饭店').send('东龙').send('新塘').send('不是').expect(PERIOD_Q);
/** Up to the headcount question. */
const toHeadcount = (user: string) => toPeriod(user).send('9月到11月').expect(AMOUNT_Q).send('6000').expect(HEADCOUNT_Q);
/** The whole report, up to the summary. */
const toReview = (user: string) =>
  converse(t.chat, user)
    .send('老板拖了我三个月工资')
    .send('1')
    .send('对')
    .send('好再来饭店')
    .send('东龙')
    .send('新塘')
    .send('不是')
    .send('6000')
    .send('就我一个')
    .send('还在干')
    .send('都跳过')
    .send('没有')
    .send('王芳')
    .send('13700001111')
    .expect(REVIEW);

describe('H1: a bare amount at the period question', () => {
  it('8000: waits for its question (said so), the period asked again, then confirmed at the amount', async () => {
    const user = 'web:h5a';
    await toPeriod(user)
      .send('8000')
      .expect(/好的，您刚才说的（拖欠金额「8,000元」）等问到时再跟您核对。/)
      .expect(PERIOD_Q)
      .expectNot(/没看明白拖欠的时间段/)
      .send('9月到11月')
      .expect(/我理解的是：拖欠金额「8,000元」。对吗？/)
      .send('对')
      .expect(HEADCOUNT_Q);
    expect((await session(user)).answers).toMatchObject({ amount: { yuan: 8000 }, period: { start: '2026-09', end: '2026-11' } });
    // `2000` (a year, maybe) is never read as money there; `3000` is.
    await toPeriod('web:h5b').send('2000').expectNot(/2,000元|等问到时/).expect(/没看明白拖欠的时间段/).send('3000').expect(/拖欠金额「3,000元」/).expect(PERIOD_Q);
  });
});

describe('H2: 改 5 then an amount', () => {
  it('8000 at the period edited: changing the amount offered, done only on 对', async () => {
    const user = 'web:h5c';
    await toReview(user)
      .send('改 5')
      .expect(PERIOD_Q)
      .send('8000')
      .expect(/您是要改成：拖欠金额「8,000元」，对吗？/)
      .expectNot(/没看明白拖欠的时间段/);
    expect((await session(user)).answers).toMatchObject({ amount: { yuan: 6000 } });
    await converse(t.chat, user).send('对').expect(REVIEW).expect(/6\. 拖欠金额：8,000元/).expect(/5\. 拖欠时间：2026年9月至2026年11月/);
  });
});

describe('H3: another worker owed, said at the summary', () => {
  it('我还有个工友也没拿到钱 with 就我一个: 2 people offered', async () => {
    const user = 'web:h5d';
    await toReview(user)
      .send('我还有个工友也没拿到钱')
      .expect(/被拖欠人数「2人」，对吗？/)
      .expectNot(/请回复「确认」提交/);
    expect((await session(user)).answers).toMatchObject({ headcount: { count: 1 } });
  });
});

describe('H4: the month left said at whether they still work there', () => {
  it('10月份就不干了 with wages owed Sep–Nov: the month kept, which period asked; a choice sets both', async () => {
    const user = 'web:h5e';
    await toHeadcount(user)
      .send('就我一个')
      .expect(STILL_Q)
      .send('10月份就不干了')
      .expect(/您说2026年10月就离开了/)
      .expect(/2026年9月至2026年10月（2个月）/)
      .expectNot(/什么时候离开的？/)
      .send('2')
      .expectNot(/什么时候离开的？/);
    expect((await session(user)).answers).toMatchObject({ stillEmployed: false, leftSince: '2026-10', period: { start: '2026-09', end: '2026-10', months: 2 } });
  });
});

describe('H5: a township with a village not in the directory', () => {
  it('东龙镇新塘村: 新塘社区 offered, confirmed', async () => {
    const user = 'web:h5f';
    await converse(t.chat, user)
      .send('我被拖欠工资了')
      .send('1')
      .send('好再来饭店')
      .send('东龙镇新塘村')
      .expect(/村或社区「新塘社区」。对吗？/)
      .expectNot(VILLAGE_Q)
      .send('对')
      .expect(CONSTRUCTION_Q);
    expect((await session(user)).answers).toMatchObject({ community: { community: '新塘社区' } });
  });
});

describe('H6/H7: a few people, or not known, at the headcount question', () => {
  it('我们几个: small figures offered, never read as a question', async () => {
    const user = 'web:h5g';
    await toHeadcount(user).send('我们几个').expectNot(/这个问题我还答不上来/).expect(/1\. 两三个/).send('1').expectNot(HEADCOUNT_Q);
    expect((await session(user)).answers).toMatchObject({ headcount: { count: 2, upTo: 3, approximate: true } });
  });

  it('不清楚: small figures offered first', async () => {
    await toHeadcount('web:h5h').send('不清楚').expect(/1\. 两三个/).expect(/十来个/);
  });
});

describe('H8: an amount at the construction question, then its answer', () => {
  it('6000 then 不是: 不是 answers the construction question; the amount confirmed at its own question', async () => {
    const user = 'web:h5i';
    await converse(t.chat, user)
      .send('我被拖欠工资了')
      .send('1')
      .send('好再来饭店')
      .send('东龙')
      .send('新塘')
      .expect(CONSTRUCTION_Q)
      .send('6000')
      .expect(/好的，您刚才说的（拖欠金额「6,000元」）等问到时再跟您核对。/)
      .send('不是')
      .expect(PERIOD_Q)
      .expectNot(/这些先不记/)
      .send('9月到11月')
      .expect(/我理解的是：拖欠金额「6,000元」。对吗？/);
    expect((await session(user)).answers).toMatchObject({ construction: false });
  });
});
