/**
 * Leftovers of review round 48: months listed each with its wage are all the months owed, a pause to look something up
 * at the unit question is no unit, a lawyer's help told as done is no request for legal aid, and a lawyer turned down
 * while joining drops the booking kept for after it. Each test failed before its fix; `guard:` lines keep what already
 * worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const AFTER_CONSENT = { consent: true };

describe('wage report: months listed one by one with their wages are the months from the first to the last', () => {
  it('10月份工资五千 11月份工资六千 都没发: 2026-10 to 2026-11, and 11,000', () => {
    for (const text of ['10月份工资五千 11月份工资六千 都没发', '10月5000 11月6000 都没发']) {
      const p = taken(read('wage', null, text));
      expect(p.period).toEqual({ start: '2026-10', end: '2026-11' });
      expect(p.amount).toMatchObject({ yuan: 11000 });
    }
    expect(taken(read('wage', null, '九月三千五 十月四千 都没给')).period).toEqual({ start: '2026-09', end: '2026-10' });
    // At the unit question, the list alone (nothing else said): the same months.
    expect(taken(read('wage', 'employer', '九月三千五 十月四千', AFTER_CONSENT)).period).toEqual({ start: '2026-09', end: '2026-10' });
  });

  // guard: passed before the fix (what the new reading must leave alone).
  it('months apart, or one month with its wage: never a span', () => {
    // guard: 9月 and 11月 (10月 not named): no period taken.
    expect(taken(read('wage', null, '9月5000 11月6000 都没发')).period).toBeUndefined();
    // Some of the months said paid besides: which months is asked, never both.
    expect(taken(read('wage', null, '10月5000 11月6000 10月的发了 11月的没发')).period).toBeUndefined();
    // guard: one month's wage said, another month owed besides: 5,000 is never the total.
    expect(taken(read('wage', null, '10月工资五千 一直没发 11月也没发')).amount).toBeUndefined();
  });

  it('in the chat: the two months proposed with the sum', async () => {
    await converse(t.chat, 'r48-wage-list')
      .sendAll('10月份工资五千 11月份工资六千 都没发', '1')
      .expect(/拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「11,000元」/);
  });
});

describe('wage report, 欠您工资的单位叫什么名字？: looking something up is no unit', () => {
  it('等下 我看下 两万八: the amount, never 「看下」', () => {
    for (const text of ['等下 我看下 两万八', '我看一下 两万八', '我查下 两万八']) {
      const p = taken(read('wage', 'employer', text, AFTER_CONSENT));
      expect(p.employer).toBeUndefined();
      expect(p.amount).toMatchObject({ yuan: 28000 });
    }
    for (const text of ['我看下', '我查下', '等下 我看一下']) expect(taken(read('wage', 'employer', text, AFTER_CONSENT)).employer).toBeUndefined();
    // guard: 我找找 was already read as a pause.
    expect(taken(read('wage', 'employer', '我找找 两万八', AFTER_CONSENT)).employer).toBeUndefined();
    // guard: a unit is still read at the question.
    expect(taken(read('wage', 'employer', '青溪宏达建筑工程有限公司', AFTER_CONSENT)).employer).toBe('青溪宏达建筑工程有限公司');
  });

  it('in the chat: the amount proposed alone; 我看下 said alone is answered as a pause', async () => {
    await converse(t.chat, 'r48-wage-look')
      .sendAll('老板欠我工资', '1')
      .expect(/欠您工资的单位叫什么名字/)
      .send('等下 我看下 两万八')
      .expect(/我理解的是：拖欠金额「28,000元」。对吗/)
      .expectNot(/看下」/);
    await converse(t.chat, 'r48-wage-look-alone')
      .sendAll('老板欠我工资', '1')
      .send('我看下')
      .expect(/不着急/)
      .expectNot(/「看下」/);
  });
});

describe('at the menu: a lawyer who already helped is no request for legal aid', () => {
  it('我老公说律师帮我打赢了: unclear, no flow', () => {
    for (const text of ['我老公说律师帮我打赢了', '律师帮我打赢了']) expect(read(null, null, text).intent).toBe('unclear');
    // guard: real requests still open legal aid.
    for (const text of ['我想找律师', '帮我约个律师', '我老公让我找律师', '律师帮我打赢了 我还想再约一个律师']) expect(read(null, null, text).intent).toBe('legal');
  });

  it('in the chat: not understood, no consent asked', async () => {
    await converse(t.chat, 'r48-lawyer-done')
      .send('我老公说律师帮我打赢了')
      .expect(/没太明白/)
      .expectNot(/预约法律援助前/);
    // guard: a husband's word to find a lawyer still books.
    await converse(t.chat, 'r48-lawyer-asked').send('我老公让我找律师').expect(/预约法律援助前/);
  });
});

describe('joining with legal aid kept for after: a lawyer turned down drops the booking', () => {
  const upToUnit = (user: string) =>
    converse(t.chat, user)
      .send('我要入会 还想约个律师')
      .expect(/先帮您办「加入工会」，「预约法律援助」等这件办完再接着帮您办/)
      .sendAll('1', '1', '1', '张伟', '110101199001011237', '13800138000', '1')
      .expect(/您在哪家单位工作/);

  it('律师就算了 at the unit question: joining done, legal aid never offered', async () => {
    await upToUnit('r48-join-no-lawyer')
      .send('律师就算了')
      .expect(/不约律师/)
      .sendAll('青溪纺织有限公司', '1', '东龙镇', '1')
      .expect(/入会申请已提交/)
      .expectNot(/预约法律援助/);
    const s = await session('r48-join-no-lawyer');
    expect(s.also).toBeNull();
  });

  // guard: passed before the fix.
  it('guard: without the no, legal aid is still offered when joining is done', async () => {
    await upToUnit('r48-join-lawyer')
      .sendAll('青溪纺织有限公司', '1', '东龙镇', '1')
      .expect(/入会申请已提交[\s\S]*您刚才还说要办「预约法律援助」/);
  });
});
