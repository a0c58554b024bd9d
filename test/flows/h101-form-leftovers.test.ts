/*
 * Workers' words the wage-report form still mishandled (helper h101), on real Redis.
 *  - a bare 对 / 是的 at the person's own amount (the group's sum known), or to 「…是您自己一个人的，还是你们一共的？」:
 *    what is wanted said plainly (never 「您输入的不是数字」), the choices kept;
 *  - `一共的` to 「…是3个月一共欠的，还是每个月的工资？」: the choice whose words they are;
 *  - `一共十二万 我们三个人`: the count and the group's total proposed together (never asked as maybe her own, the count
 *    never lost);
 *  - `干到过年`, `打算干到过年就走`, `打算干到月底就辞职` at 「还在这家单位干吗？」: still there (a plan), never gone;
 *  - `美团`, `滴滴` as the employer: kept as the name, never asked whether a family; who runs the work asked for;
 *  - `我自己干的` at the headcount question: 就我一个, confirmed;
 *  - `欠我工资5000 还有押金500`: 5,000 only, said back with the deposit kept apart (never summed), confirmed;
 *  - `按天算 300一天 干了40天`, `老乡一起 我们五个人` at the employer question: never kept (or proposed) as its name.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h101-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** Up to the amount question: a restaurant in 河西街道, owed September to November (3 months). */
const TO_AMOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'];
/** Up to 「您现在还在这家单位干吗？」. */
const TO_STILL = [...TO_AMOUNT, '6000', '就我一个'];

describe('a bare yes where a figure or a choice is wanted', () => {
  it('对 / 是的 at the own amount after the group sum: said plainly what is wanted, never 「不是数字」', async () => {
    const user = someone('yes-own');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('我们三个人一共欠12万')
      .expect(/被拖欠人数「3人」、大家一共被拖欠「120,000元」。对吗/)
      .send('对')
      .expect(/那您自己被拖欠了多少钱/)
      .send('对')
      .expect(/大家一共的120,000元已经记下了。现在要问的是您自己被拖欠了多少钱/)
      .expectNot(/不是数字|拖欠的工资总数/)
      .send('是的')
      .expectNot(/不是数字|还没有输入金额/)
      .send('2万')
      .expect(/还在这家单位干吗/);
    const s = await session(user);
    expect(s.answers.amount).toMatchObject({ yuan: 20000 });
    expect(s.answers.groupAmount).toMatchObject({ yuan: 120000 });
  });

  it('对 at the amount question with nothing known: the figure asked for plainly', async () => {
    const user = someone('yes-amount');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('对')
      .expect(/这里要说的是钱数/)
      .expectNot(/不是数字/);
    expect((await session(user)).answers.amount).toBeUndefined();
  });

  it('对 to 「…是您自己一个人的，还是你们大家一共的？」: which one asked, the choices kept; then 2 picks', async () => {
    const user = someone('yes-whose');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('一万五 三个人')
      .expect(/是您自己一个人被拖欠的，还是你们大家一共被拖欠的/)
      .send('对')
      .expect(/这里要选一个：是「大家一共的」，还是「我自己的」/)
      .expectNot(/不是数字/)
      .send('是的')
      .expect(/这里要选一个/)
      .send('不是')
      .expect(/还是没看出您选的是哪一个/)
      .send('2')
      // The count said with it is confirmed with her own sum (h105: it was dropped, and asked again).
      .expect(/拖欠金额「15,000元」、被拖欠人数「3人」。对吗？/)
      .send('对')
      .expectNot(/一共有多少人被拖欠/);
    const s = await session(user);
    expect(s.answers.amount).toMatchObject({ yuan: 15000 });
    expect(s.answers.headcount).toMatchObject({ count: 3 });
    expect(s.answers.groupAmount ?? null).toBeNull();
  });

  it('一共的 to 「…是3个月一共欠的，还是每个月的工资？」: that choice', async () => {
    const user = someone('words-pick');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('工资6000')
      .expect(/是3个月一共欠的，还是每个月的工资/)
      .send('一共的')
      .expectNot(/还没有输入金额/)
      .expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 6000 });
  });

  it('每个月的 to the same: the wage times the months, confirmed', async () => {
    const user = someone('words-monthly');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('工资6000')
      .send('每个月的')
      .expect(/拖欠金额「18,000元」。对吗/);
    expect((await session(user)).answers.amount).toBeUndefined();
  });
});

describe('the group total said with the count after it', () => {
  for (const [words, yuan] of [
    ['一共十二万 我们三个人', 120000],
    ['一共三万 我们三个人', 30000],
  ] as const) {
    it(`${words}: the count and the group's total proposed, then the own amount asked`, async () => {
      const user = someone('total-count');
      await converse(t.chat, user)
        .sendAll(...TO_AMOUNT)
        .send(words)
        .expect(new RegExp(`被拖欠人数「3人」、大家一共被拖欠「${yuan.toLocaleString('en-US')}元」。对吗`))
        .send('对')
        .expect(/那您自己被拖欠了多少钱/);
      const s = await session(user);
      expect(s.answers.headcount).toMatchObject({ count: 3 });
      expect(s.answers.groupAmount).toMatchObject({ yuan });
      expect(s.answers.amount).toBeUndefined();
    });
  }
});

describe('a plan to leave at 「还在这家单位干吗？」', () => {
  for (const words of ['干到过年', '打算干到过年就走', '我打算干到月底就辞职']) {
    it(`${words}: still there, never gone`, async () => {
      const user = someone('plan');
      await converse(t.chat, user)
        .sendAll(...TO_STILL)
        .send(words)
        .expectNot(/已经离开」。对吗|什么时候离开的|请回复1（还在干）或2（已经离开）/);
      const s = await session(user);
      expect(s.answers.stillEmployed ?? s.pending?.values?.stillEmployed).toBe(true);
    });
  }

  // guard: a time past said (去年) stays gone.
  it('去年干到年底就走了: gone', async () => {
    const user = someone('past');
    await converse(t.chat, user).sendAll(...TO_STILL).send('去年干到年底就走了').expect(/什么时候离开的/);
    expect((await session(user)).answers.stillEmployed).toBe(false);
  });
});

describe('a platform as the employer', () => {
  for (const name of ['美团', '滴滴', '饿了么']) {
    it(`${name}: kept as the name, never asked whether a family; the station or agency asked for`, async () => {
      const user = someone('platform');
      await converse(t.chat, user)
        .sendAll('老板欠我工资', '同意')
        .send(name)
        .expectNot(/是哪一种|个人或家庭/)
        .expect(/站点、配送公司或劳务公司/)
        .expect(/哪个镇或街道/);
      expect((await session(user)).answers.employer).toBe(name);
    });
  }
});

describe('worked alone, at the headcount question', () => {
  it('我自己干的: 就我一个, confirmed', async () => {
    const user = someone('alone');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT, '6000')
      .send('我自己干的')
      .expect(/被拖欠人数「1人（就您自己）」。对吗/)
      .send('对')
      .expect(/还在这家单位干吗/);
    expect((await session(user)).answers.headcount).toMatchObject({ count: 1 });
  });
});

describe('a deposit said with the wages', () => {
  it('欠我工资5000 还有押金500: 5,000 said back with the deposit apart, confirmed; never 5,500', async () => {
    const user = someone('deposit');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('欠我工资5000 还有押金500')
      .expect(/押金不算在拖欠的工资里，这里先只记工资5,000元/)
      .expect(/拖欠金额「5,000元」/)
      .expectNot(/5,500/);
    const before = await session(user);
    expect(before.answers.amount).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 5000 });
  });

  it('工资6000 押金扣了800没退: the deposit said apart, with which the 6,000 is asked', async () => {
    const user = someone('deposit-wage');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('工资6000 押金扣了800没退')
      .expect(/押金不算在拖欠的工资里/)
      .expect(/是3个月一共欠的，还是每个月的工资/)
      .expectNot(/6,800/);
    expect((await session(user)).answers.amount).toBeUndefined();
  });
});

describe('how the pay is counted, at the employer question', () => {
  it('按天算 300一天 干了40天: never the employer\'s name', async () => {
    const user = someone('pay-counted');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .send('按天算 300一天 干了40天')
      .expectNot(/「按天算」是哪一种/)
      .expect(/单位或老板的名字/);
    expect((await session(user)).answers.employer).toBeUndefined();
  });

  it('老乡一起 我们五个人: the count proposed, never 「老乡一起」 as the employer', async () => {
    const user = someone('fellows');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .send('老乡一起 我们五个人')
      .expectNot(/用人单位「老乡一起」/)
      .expect(/被拖欠人数「5人」。对吗/);
    const s = await session(user);
    expect(s.answers.employer).toBeUndefined();
    expect(s.pending?.values?.employer).toBeUndefined();
  });
});
