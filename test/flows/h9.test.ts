/*
 * The wage report (helper h9): amounts, groups and periods in workers' own words, as transcripts on real Redis:
 *  - a sum the boss promised to the person and family they name (`老板跟我和我老公说 过年前给三万`) is the two of
 *    them's total (confirmed with the count), never the person's own; money paid to them is never owed;
 *  - a month's wage of two together with the months unpaid (`我跟我老公一个月一共一万二 三个月没发了`): the months,
 *    2 people and about 36,000 for both (confirmed), the person's own asked;
 *  - `我和我老婆加起来欠了两万`: 2 people, their total 20,000; `欠我跟我哥一人五千`: own 5,000, 2 people, 10,000;
 *  - parts and the total said after them (`工资一万加班费两千一共一万二`): the total;
 *  - `十几二十个` at the headcount question: 10 to 20 people, confirmed;
 *  - months written with dots (`8.9.10三个月`): August to October, confirmed, never a figure.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findAmounts } from '../../flows/parsers/index.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const someone = (tag: string) => `web:h9-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** Up to the own amount's question: consent, the period, employer, town, village, not construction. */
const toAmount = (user: string) =>
  converse(t.chat, user).send('老板拖了我三个月工资').send('1').send('对').send('好再来饭店').send('东龙').send('新塘').send('不是').expect(/您自己一共被拖欠了多少钱/);

describe('a sum promised to the person and family they name', () => {
  it('老板跟我和我老公说 过年前给三万, first message: 2 people and their total, confirmed; no own amount', async () => {
    const user = someone('promised');
    await converse(t.chat, user)
      .send('老板跟我和我老公说 过年前给三万')
      .expect(/需要您同意/)
      .send('1')
      .expect(/被拖欠人数「2人」、大家一共被拖欠「30,000元」。对吗/)
      .expectNot(/拖欠金额「/)
      .send('对');
    const a = (await session(user)).answers;
    expect(a.groupAmount).toEqual({ yuan: 30000, approx: false, upTo: null });
    expect(a.headcount).toEqual({ count: 2, approximate: false });
    expect(a).not.toHaveProperty('amount');
  });

  it('the same at the amount question: the total kept, the own amount asked', async () => {
    const user = someone('promised-q');
    await toAmount(user).send('老板跟我和我老公说，过年前给三万').expect(/大家一共被拖欠「30,000元」/).expectNot(/拖欠金额「/).send('对').expect(/那您自己被拖欠了多少钱/);
    const a = (await session(user)).answers;
    expect(a).not.toHaveProperty('amount');
    expect(a.groupAmount).toMatchObject({ yuan: 30000 });
  });

  it('money paid to the two of them is never owed; what is left is theirs, never the own amount', () => {
    expect(findAmounts('老板给了我和我老公三万').own).toBeNull();
    const left = findAmounts('老板给了我和我老公一万 还欠两万');
    expect(left.ownSaidForGroup).toBe(true);
  });
});

describe('a month wage of two together, with the months unpaid', () => {
  it('我跟我老公一个月一共一万二 三个月没发了: the months, 2 people, about 36,000 for both; the own asked', async () => {
    const user = someone('joint');
    await converse(t.chat, user)
      .send('我跟我老公一个月一共一万二 三个月没发了')
      .expect(/需要您同意/)
      .send('1')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」、被拖欠人数「2人」、大家一共被拖欠「约36,000元」。对吗/)
      .expectNot(/拖欠金额「/)
      .send('对');
    const a = (await session(user)).answers;
    expect(a.groupAmount).toEqual({ yuan: 36000, approx: true, upTo: null });
    expect(a).not.toHaveProperty('amount');
    // With the own amount beside it (我自己的六千), no total is worked out (never 6,000 times the months).
    await converse(t.chat, someone('joint-own')).send('我和我老婆一个月一共一万二 欠了三个月 我自己的六千').send('1').expectNot(/约18,000元|约36,000元/);
  });
});

describe('family named one by one', () => {
  it('我和我老婆加起来欠了两万: 2 people, their total 20,000; the own amount asked later', async () => {
    const user = someone('together');
    await converse(t.chat, user).send('我和我老婆加起来欠了两万').send('1').expect(/被拖欠人数「2人」、大家一共被拖欠「20,000元」。对吗/).expectNot(/拖欠金额「/).send('对');
    const a = (await session(user)).answers;
    expect(a.groupAmount).toMatchObject({ yuan: 20000 });
    expect(a).not.toHaveProperty('amount');
  });

  it('欠我跟我哥一人五千: own 5,000, 2 people, their total 10,000', async () => {
    const user = someone('each');
    await converse(t.chat, user).send('欠我跟我哥一人五千').send('1').expect(/拖欠金额「5,000元」、被拖欠人数「2人」、大家一共被拖欠「10,000元」。对吗/).send('对');
    const a = (await session(user)).answers;
    expect(a.amount).toMatchObject({ yuan: 5000 });
    expect(a.groupAmount).toMatchObject({ yuan: 10000 });
  });
});

describe('parts of the pay, then the total', () => {
  it('工资一万加班费两千一共一万二, first message: 12,000, confirmed', async () => {
    const user = someone('parts');
    await converse(t.chat, user).send('工资一万加班费两千一共一万二').send('1').expect(/拖欠金额「12,000元」。对吗/);
  });

  it('the same at the amount question', async () => {
    const user = someone('parts-q');
    await toAmount(user).send('工资一万加班费两千一共一万二').expect(/拖欠金额「12,000元」。对吗/).send('对');
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 12000 });
    // Parts that do not add up to the total: nothing taken.
    await toAmount(someone('parts-bad')).send('工资一万加班费两千一共一万三').expectNot(/拖欠金额「/);
  });
});

describe('十几二十个 at the headcount question', () => {
  it('10 to 20 people, approximate, confirmed', async () => {
    const user = someone('tens');
    await toAmount(user).send('6000').expect(/多少人被拖欠/).send('十几二十个').expect(/被拖欠人数「10至20人」。对吗/).send('对');
    expect((await session(user)).answers.headcount).toEqual({ count: 10, approximate: true, upTo: 20 });
  });
});

describe('months written with dots', () => {
  it('8.9.10三个月没发工资, first message: August to October, confirmed', async () => {
    const user = someone('dots');
    await converse(t.chat, user).send('8.9.10三个月没发工资').send('1').expect(/拖欠时间「2026年8月至2026年10月（3个月）」。对吗/).expectNot(/金额/).send('对');
    const a = (await session(user)).answers;
    expect(a.period).toEqual({ start: '2026-08', end: '2026-10', months: 3 });
    expect(a).not.toHaveProperty('amount');
  });

  it('8.9.10三个月 at the period question: confirmed before it is kept', async () => {
    const user = someone('dots-q');
    await converse(t.chat, user)
      .sendAll('老板拖了我工资', '1', '好再来饭店', '东龙', '新塘', '不是')
      .expect(/哪段时间/)
      .send('8.9.10三个月')
      .expect(/拖欠时间「2026年8月至2026年10月（3个月）」。对吗/);
    expect((await session(user)).answers).not.toHaveProperty('period');
    await converse(t.chat, user).send('对').expect(/您自己一共被拖欠了多少钱/);
    expect((await session(user)).answers.period).toEqual({ start: '2026-08', end: '2026-10', months: 3 });
  });
});

describe('a house bought is not wages', () => {
  it('我买的房子三个月没发了 一万二: no wage report started, nothing offered', async () => {
    await converse(t.chat, someone('house')).send('我买的房子三个月没发了 一万二').expectNot(/需要您同意|拖欠金额/);
  });

  it('首付还差一万二 beside wages unpaid: the months offered, never the down payment as the amount', async () => {
    const user = someone('house-pay');
    await converse(t.chat, user).send('我在工地干活 买的房子首付还差一万二 老板三个月没发工资').expect(/需要您同意/).send('1').expect(/拖欠时间「2026年9月至2026年11月（3个月）」/).expectNot(/拖欠金额「/);
  });
});

describe('nearby: promised to us two, and a part of the pay', () => {
  it.each([
    ['老板说过年给我们两个结两万', 20000],
    ['老板答应给我和我哥结三万 到现在没给', 30000],
    ['我和我爸两个人 老板欠了四五万', 40000],
  ])('%s: the two of them, their total; never the own amount', async (said, yuan) => {
    const user = someone('pair');
    await converse(t.chat, user).send(said).send('1').expect(/被拖欠人数「2人」、大家一共被拖欠「/).expectNot(/拖欠金额「/).send('对');
    const a = (await session(user)).answers;
    expect(a).not.toHaveProperty('amount');
    expect(a.groupAmount).toMatchObject({ yuan });
  });

  it('一个月四千 加班费一千 三个月没发工资: the overtime alone is never the amount owed', async () => {
    await converse(t.chat, someone('overtime')).send('一个月四千 加班费一千 三个月没发工资').send('1').expect(/拖欠时间「2026年9月至2026年11月（3个月）」/).expectNot(/1,000元/);
  });
});

describe('nearby, at the amount question: the family member\'s share or total', () => {
  it('我的一万二 加上我老公的一共两万四: own 12,000 and both 24,000; never added up to 36,000', async () => {
    const user = someone('mine-and-his');
    await toAmount(user).send('我的一万二 加上我老公的一共两万四').expect(/您自己12,000元，你们大家一共24,000元/).expectNot(/36,000/);
    const a = (await session(user)).answers;
    expect(a.amount).toMatchObject({ yuan: 12000 });
    expect(a.groupAmount).toMatchObject({ yuan: 24000 });
  });

  it.each([
    ['跟我老公加起来四万', 40000],
    ['我跟我老婆的加起来两万', 20000],
  ])('%s: their total, the own amount asked', async (said, yuan) => {
    const user = someone('with-kin');
    await toAmount(user).send(said).expectNot(/拖欠金额「/).expect(/那您自己被拖欠了多少钱/);
    const a = (await session(user)).answers;
    expect(a).not.toHaveProperty('amount');
    expect(a.groupAmount).toMatchObject({ yuan });
  });
});

describe('a family member\'s figure, never the own amount', () => {
  /** Up to the group's total: own 6000, the person and her husband. */
  const toGroup = (user: string) => toAmount(user).send('6000').send('就我和我老公').expect(/你们2个人一共被拖欠多少钱/);

  it('我老公八千 at the group question: both added up, confirmed; the own 6,000 unchanged', async () => {
    const user = someone('kin-group');
    await toGroup(user).send('我老公八千').expect(/您自己6,000元，加上您老公的8,000元，一共14,000元/).expectNot(/拖欠金额「8,000元」/).send('对');
    const a = (await session(user)).answers;
    expect(a.amount).toMatchObject({ yuan: 6000 });
    expect(a.groupAmount).toMatchObject({ yuan: 14000 });
  });

  it('两个人一万二 at the group question: the total, never a new own amount', async () => {
    const user = someone('count-group');
    await toGroup(user).send('两个人一万二').expectNot(/拖欠金额「12,000元」/);
    const a = (await session(user)).answers;
    expect(a.amount).toMatchObject({ yuan: 6000 });
    expect(a.groupAmount).toMatchObject({ yuan: 12000 });
  });

  it('我老公八千 at the own amount question: said to be his, the own asked', async () => {
    const user = someone('kin-own');
    await toAmount(user).send('我老公八千').expect(/8,000元是您老公的。这里问的是您自己被拖欠了多少钱/).expectNot(/拖欠金额「/);
    expect((await session(user)).answers).not.toHaveProperty('amount');
  });
});

describe('the same figure for each', () => {
  it('我和我老婆都是六千 at the amount question: 6,000 each (the own), never their total', async () => {
    for (const said of ['我和我老婆都是六千', '我们两个都是六千']) {
      const user = someone('each-same');
      await toAmount(user).send(said).expect(/拖欠金额「6,000元」/).expectNot(/大家一共被拖欠「6,000元」/).send('对');
      const a = (await session(user)).answers;
      expect(a.amount).toMatchObject({ yuan: 6000 });
      expect((a.groupAmount as { yuan?: number } | undefined)?.yuan).not.toBe(6000);
    }
  });
});

describe('一人 before a figure', () => {
  it('老板欠我们一人五千: 5,000 each (the own), never a count of one', async () => {
    const user = someone('one-each');
    await converse(t.chat, user).send('老板欠我们一人五千').send('1').expect(/拖欠金额「5,000元」/).expectNot(/被拖欠人数「(?:1人|就我一个)」/).send('对');
    expect((await session(user)).answers).not.toHaveProperty('headcount');
  });
});

describe('a family member\'s figure in a clause of its own, at the headcount question', () => {
  it('我跟我老公 他八千: 2 people; the own 6,000 never changed to 8,000', async () => {
    const user = someone('kin-clause');
    await toAmount(user).send('6000').expect(/多少人被拖欠/).send('我跟我老公 他八千').expectNot(/拖欠金额「8,000元」/);
    const a = (await session(user)).answers;
    expect(a.amount).toMatchObject({ yuan: 6000 });
    expect(a.headcount).toMatchObject({ count: 2 });
  });
});
