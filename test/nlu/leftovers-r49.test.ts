/**
 * Leftovers of review round 49: a question asked again after a yes to a value said out of turn says what was kept,
 * `不是 工资 是 合同` at the matter's confirmation takes the contract, money got back told as done is no question,
 * the words before a boss's name are no name, `千 写错 是 万` moves a sum's unit, a company said last after 在 is the
 * unit, and sums and months typed in pinyin are proposed. Each test failed before its fix; `guard:` lines keep what
 * already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const AFTER_CONSENT = { consent: true };
const UNIT_ASKED = /欠您工资的单位叫什么名字？/;

/** A wage report up to the unit's question (the three months confirmed). */
const atUnit = (user: string) => converse(t.chat, user).sendAll('老板拖了我三个月工资', '1', '对').expect(UNIT_ASKED);

describe('a yes to a value said out of turn: the question asked again says what was kept', () => {
  it('等下 我看下 两万八, 对 at the unit question: 「好的，拖欠金额记下了。」 before the question', async () => {
    for (const [user, said] of [
      ['r49-ack-look', '等下 我看下 两万八'],
      ['r49-ack-find', '我找找 两万八'],
    ] as const) {
      await atUnit(user)
        .send(said)
        .expect(/我理解的是：拖欠金额「28,000元」。对吗？/)
        .send('对')
        .expect(/好的，拖欠金额记下了。[\s\S]*欠您工资的单位叫什么名字？/);
      const s = await session(user);
      expect(s.answers.amount).toMatchObject({ yuan: 28000 });
      expect(s.answers.employer).toBeUndefined();
    }
  });

  // guard: a yes that moves on to another question says nothing more (the period's yes, then the unit's question).
  it('guard: the next question after a yes to the value asked for is asked plainly', async () => {
    await converse(t.chat, 'r49-ack-plain')
      .sendAll('老板拖了我三个月工资', '1')
      .send('对')
      .expect(UNIT_ASKED)
      .expectNot(/记下了/);
  });
});

describe('legal aid, 咨询的事「欠薪」。对吗？: 不是 X 是 Y takes Y', () => {
  it('不是 工资 是 合同, 不是 丁资 是 合同, 不是工资是合同: 劳动合同', async () => {
    for (const [i, said] of ['不是 工资 是 合同', '不是 丁资 是 合同', '不是工资是合同'].entries()) {
      const user = `r49-matter-${i}`;
      await converse(t.chat, user)
        .sendAll('我想找律师 工资的事', '1')
        .expect(/咨询的事「欠薪」。对吗？/)
        .send(said)
        .expect(/咨询的事已改为「劳动合同」/)
        .expectNot(/两件事/);
      expect((await session(user)).answers.matter).toBe('contract');
    }
  });

  // guard: a plain no still drops the matter and asks it.
  it('guard: 不是 alone is a no', async () => {
    await converse(t.chat, 'r49-matter-no').sendAll('我想找律师 工资的事', '1').send('不是').expectNot(/劳动合同」/);
    expect((await session('r49-matter-no')).answers.matter).toBeUndefined();
  });
});

describe('at the menu: money got back, told as done, is news, not a question', () => {
  it('律师已经帮我把钱要回来了: no answer about getting money back', async () => {
    for (const text of ['律师已经帮我把钱要回来了', '已经帮我把钱要回来了', '律师帮我把钱要回来了']) expect(read(null, null, text)).toMatchObject({ intent: 'smalltalk' });
    await converse(t.chat, 'r49-got-back')
      .send('律师已经帮我把钱要回来了')
      .expect(/太好了，钱拿到手就好/)
      .expectNot(/不能保证每一笔钱都要得回来/);
    // guard: the question is still answered.
    expect(read(null, null, '律师能帮我把钱要回来吗')).toMatchObject({ intent: 'question', entry: 'does-reporting-help' });
    // guard: not got back is no such news.
    expect(read(null, null, '已经拖了三个月还没要回来').intent).not.toBe('smalltalk');
  });
});

describe('wage report, 欠您工资的单位叫什么名字？: the words before a boss name, with no name, are none', () => {
  it('laoban jiao, baogongtou jiao, 老板叫: asked again for the name, nothing proposed', async () => {
    for (const text of ['laoban jiao', 'baogongtou jiao', 'laobanjiao', 'lao ban shi', '老板叫']) {
      expect(taken(read('wage', 'employer', text, AFTER_CONSENT)).employer).toBeUndefined();
    }
    await atUnit('r49-boss-frame')
      .send('laoban jiao')
      .expect(/名字还没写上/)
      .expectNot(/我理解的是/);
    expect((await session('r49-boss-frame')).answers.employer).toBeUndefined();
  });

  // guard: the name after the words is still proposed.
  it('guard: laoban jiao liu dazhuang proposes 「liu dazhuang」', async () => {
    await atUnit('r49-boss-named').send('laoban jiao liu dazhuang').expect(/用人单位「liu dazhuang」。对吗？/);
  });
});

describe('千 写错 是 万: the sum with its unit moved, proposed', () => {
  it('at the confirmation of 3千: 30,000 proposed', async () => {
    await converse(t.chat, 'r49-unit-pending')
      .sendAll('老板欠我3千', '1')
      .expect(/拖欠金额「3,000元」。对吗？/)
      .send('千 写错 是 万')
      .expect(/我理解的是：拖欠金额「30,000元」。对吗？/)
      .send('对');
    expect((await session('r49-unit-pending')).answers.amount).toMatchObject({ yuan: 30000 });
  });

  it('after 3千 was kept: the change to 30,000 proposed', async () => {
    await converse(t.chat, 'r49-unit-kept')
      .sendAll('老板欠我3千', '1', '对')
      .expect(UNIT_ASKED)
      .send('千 写错 是 万')
      .expect(/您是要改成：拖欠金额「30,000元」，对吗？/);
    expect((await session('r49-unit-kept')).answers.amount).toMatchObject({ yuan: 3000 });
  });

  // guard: passed before the fix (what the new reading must leave alone).
  it('guard: not when the digit before 千 is not plain (3千5) or no sum is known', () => {
    expect(taken(read('wage', 'employer', '千 写错 是 万', { ...AFTER_CONSENT, amount: { yuan: 3500, approx: false, upTo: null } })).amount).toBeUndefined();
    expect(taken(read('wage', 'employer', '千 写错 是 万', AFTER_CONSENT)).amount).toBeUndefined();
  });
});

describe('a first message: a company said last after 在 is the unit', () => {
  it('三个月工资没有 拿到 在宏达建筑: 宏达建筑, as at the start', () => {
    // guard: said first, it was read already.
    expect(taken(read('wage', null, '在宏达建筑干活 三个月工资没拿到')).employer).toBe('宏达建筑');
    for (const text of ['三个月工资没有 拿到 在宏达建筑', '老板欠我工资 在宏达建筑']) expect(taken(read('wage', null, text)).employer).toBe('宏达建筑');
    // guard: a kind of place is no unit.
    expect(taken(read('wage', null, '三个月工资没拿到 在建筑工地')).employer).toBeUndefined();
  });

  it('in the chat: proposed with the months after the consent', async () => {
    await converse(t.chat, 'r49-unit-last')
      .sendAll('三个月工资没有 拿到 在宏达建筑', '1')
      .expect(/用人单位「宏达建筑」、拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/);
  });
});

describe('sums and months typed in pinyin: proposed, never kept as typed', () => {
  const AT_AMOUNT = ['老板拖了我三个月工资', '1', '对', '宏达建筑', '东龙镇', '不清楚', '2'];

  it('liang wan at the sum: 20,000 proposed; wan alone is nothing', async () => {
    await converse(t.chat, 'r49-py-sum')
      .sendAll(...AT_AMOUNT)
      .expect(/您自己一共被拖欠了多少钱/)
      .send('liang wan')
      .expect(/我理解的是：拖欠金额「20,000元」。对吗？/);
    expect((await session('r49-py-sum')).answers.amount).toBeUndefined();
    await converse(t.chat, 'r49-py-wan').sendAll(...AT_AMOUNT).send('wan').expectNot(/我理解的是/);
    expect((await session('r49-py-wan')).answers.amount).toBeUndefined();
  });

  it('qu nian 10 yue at the months and at the month left: 2025-10 proposed; yue alone is nothing', async () => {
    await converse(t.chat, 'r49-py-period')
      .sendAll('老板欠我工资', '1', '宏达建筑', '东龙镇', '不清楚', '2')
      .expect(/拖欠的是哪段时间的工资/)
      .send('qu nian 10 yue')
      .expect(/我理解的是：拖欠时间「2025年10月（1个月）」。对吗？/);
    expect((await session('r49-py-period')).answers.period).toBeUndefined();
    await converse(t.chat, 'r49-py-left')
      .sendAll('老板欠我工资', '1', '宏达建筑', '东龙镇', '不清楚', '2', '去年8月到10月', '两万', '就我一个', '走了')
      .expect(/什么时候离开的/)
      .send('yue')
      .expectNot(/我理解的是/)
      .send('qu nian 10 yue')
      .expect(/我理解的是：离开时间「2025年10月」。对吗？/);
    expect((await session('r49-py-left')).answers.leftSince).toBeUndefined();
  });
});
