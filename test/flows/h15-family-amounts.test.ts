/*
 * Amounts said for the person and a family member together, or for someone else (helper h15), on real Redis.
 *  - `我和老公在饭店干 老板欠了一万五` as a first message: never her own amount unasked; at the amount question whose it
 *    is (hers alone, or the two together) is asked, `我自己的` / `一共的` taken as chosen.
 *  - the same words at the amount question: asked at once, with the two answers as options.
 *  - the same words at the employer question: never 「和老公在饭店」 as the unit's name.
 *  - `我和我媳妇在厂里干 一人一个月五千 三个月没发`: 5,000 a month (never 5,300), 3 months, 2 people, 30,000 in all.
 *  - `帮我老公问一下 他老板欠他两万` as a first message: 两万 kept for him (asked at his amount question once the report
 *    is his), never the writer's own when the report is theirs.
 *  - `我老公的三个月` at the amount question: said to be how long, never 「不是钱数」 alone.
 *  - `一个月4000` at the amount question, then `怎么算的`: how it was worked out.
 *  - `一家人都在这个厂干 老板欠了我们五万多`: never the writer's own amount.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h15-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** From the unit's question to the months question (a restaurant, not building work). */
const UNIT_TO_MONTHS = ['好再来饭店', '东龙', '新塘', '不是'];
/** Up to the amount question (the months known). */
const TO_AMOUNT = ['老板拖了我三个月工资', '1', '对', ...UNIT_TO_MONTHS];

describe('a sum said with a family member beside the person', () => {
  it('我和老公在饭店干 老板欠了一万五 first: not her own unasked; 我自己的 at the amount question takes it', async () => {
    const user = someone('pair-own');
    await converse(t.chat, user)
      .send('我和老公在饭店干 老板欠了一万五')
      .send('1')
      .expectNot(/拖欠金额「15,000元」/)
      .sendAll(...UNIT_TO_MONTHS)
      .send('三个月')
      .expect(/您前面说欠了15,000元，这是您自己一个人的，还是您和老公两个人一共的/)
      .send('我自己的')
      .expect(/一共有多少人被拖欠/);
    const s = await session(user);
    expect(s.answers.amount).toMatchObject({ yuan: 15000 });
    expect(s.answers.groupAmount ?? null).toBeNull();
  });

  it('我和老公在饭店干 老板欠了一万五 first, 一共的: the two together, her own asked', async () => {
    const user = someone('pair-both');
    await converse(t.chat, user)
      .sendAll('我和老公在饭店干 老板欠了一万五', '1', ...UNIT_TO_MONTHS, '三个月')
      .send('一共的')
      .expect(/你们两个人一共被拖欠15,000元，记下了。那您自己被拖欠了多少钱/)
      .send('8000')
      .expect(/一共有多少人被拖欠/);
    const s = await session(user);
    expect(s.answers.amount).toMatchObject({ yuan: 8000 });
    expect(s.answers.groupAmount).toMatchObject({ yuan: 15000 });
  });

  it('我和老公在饭店干 老板欠了一万五 at the amount question: whose asked at once, with options', async () => {
    const user = someone('pair-at-amount');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .expect(/您自己一共被拖欠了多少钱/)
      .send('我和老公在饭店干 老板欠了一万五')
      .expect(/这是您自己一个人的，还是您和老公两个人一共的/)
      .expect(/我自己的/)
      .expectNot(/一共有多少人被拖欠/)
      .send('1')
      .expect(/一共有多少人被拖欠/);
    const s = await session(user);
    expect(s.answers.amount).toMatchObject({ yuan: 15000 });
  });

  it('我和老公在饭店干 老板欠了一万五 at the employer question: never 「和老公在饭店」 as the unit', async () => {
    await converse(t.chat, someone('pair-at-unit'))
      .sendAll('老板拖了我工资', '1')
      .expect(/欠您工资的单位叫什么名字/)
      .send('我和老公在饭店干 老板欠了一万五')
      .expectNot(/和老公在饭店」/)
      .expectNot(/拖欠金额「15,000元」/);
  });

  it('我在饭店 or 我跟我哥 typed at the employer question: never kept as the unit’s name', async () => {
    await converse(t.chat, someone('pair-name'))
      .sendAll('老板拖了我工资', '1')
      .send('我在饭店')
      .expect(/是哪个饭店呢？请写它的名字/)
      .send('我跟我哥')
      .expectNot(/用人单位「/)
      .expectNot(/我跟我哥」/);
  });

  it('我和我媳妇在厂里干 一人一个月五千 三个月没发: 5,000 a month, never 5,300', async () => {
    await converse(t.chat, someone('each-monthly'))
      .send('我和我媳妇在厂里干 一人一个月五千 三个月没发')
      .send('1')
      .expect(/拖欠金额「15,000元（5,000元×3个月）」/)
      .expect(/被拖欠人数「2人」、大家一共被拖欠「30,000元」/)
      .expectNot(/5,300/);
  });

  it('一家人都在这个厂干 老板欠了我们五万多: never the writer’s own amount', async () => {
    await converse(t.chat, someone('family'))
      .send('一家人都在这个厂干 老板欠了我们五万多')
      .send('1')
      .expectNot(/拖欠金额「约50,000元」/);
  });
});

describe('a sum said for someone else in a first message', () => {
  it('帮我老公问一下 他老板欠他两万: for him, offered at his amount question (是 takes it); 我本人, never the writer’s own', async () => {
    const user = someone('his-sum');
    await converse(t.chat, user)
      .send('帮我老公问一下 他老板欠他两万')
      .expect(/替丈夫反映/)
      .sendAll('2', '1', '王强', ...UNIT_TO_MONTHS, '三个月')
      .expect(/您前面说欠他20,000元。他一共被拖欠的就是这些吗/)
      .send('是')
      .expect(/一共有多少人被拖欠/);
    const s = await session(user);
    expect(s.answers.amount).toMatchObject({ yuan: 20000 });
    await converse(t.chat, someone('his-sum-own'))
      .sendAll('帮我老公问一下 他老板欠他两万', '1', '1')
      .expectNot(/拖欠金额「20,000元」/)
      .sendAll(...UNIT_TO_MONTHS, '三个月')
      .expect(/您自己一共被拖欠了多少钱/)
      .expectNot(/20,000/);
  });
});

describe('other words at the amount question', () => {
  it('我老公的三个月: said to be how long, the own amount asked', async () => {
    await converse(t.chat, someone('kin-time'))
      .sendAll(...TO_AMOUNT)
      .send('我老公的三个月')
      .expect(/「三个月」是您老公被拖欠的时间。这里问的是您自己被拖欠了多少钱/)
      .expectNot(/不是钱数/);
  });

  it('一个月4000 then 怎么算的: how it was worked out, and the question again', async () => {
    await converse(t.chat, someone('how'))
      .sendAll(...TO_AMOUNT)
      .send('一个月4000')
      .expect(/一共12,000元/)
      .send('怎么算的')
      .expect(/拖欠金额12,000元是按每月4,000元、3个月算的/)
      .expect(/对吗/)
      .expectNot(/答不上来/);
  });
});

describe('what each is owed, at the group’s question', () => {
  const TO_GROUP = ['我们三个人每人欠了一万', '1', '对', ...UNIT_TO_MONTHS, '三个月'];
  it('每人一万: that times the three counted, confirmed', async () => {
    const user = someone('each-group');
    await converse(t.chat, user)
      .sendAll(...TO_GROUP)
      .expect(/你们3个人一共被拖欠多少钱/)
      .send('每人一万')
      .expect(/按每人10,000元、3个人算，一共30,000元/)
      .expect(/大家一共被拖欠「30,000元」。对吗/)
      .send('对');
    const s = await session(user);
    expect(s.answers.groupAmount).toMatchObject({ yuan: 30000 });
  });

  it('都一样: the writer’s own times the three counted, confirmed', async () => {
    await converse(t.chat, someone('same-group'))
      .sendAll(...TO_GROUP)
      .send('都一样')
      .expect(/按每人10,000元、3个人算，一共30,000元/);
  });
});
