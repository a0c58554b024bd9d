/*
 * Workers' own words misread in the chat flows (helper h28), on real Redis.
 *  - `八千块钱还有两个月的` at the amount question: months more besides the figure; the whole asked, never 8,000 taken.
 *  - `我一万五 三个人` at the amount question or in a first message (the report begun): her own and the count, confirmed
 *    together.
 *  - `一人一个月五千` as a first message: whether a wage report is wanted is asked (never the bare menu).
 *  - `老板叫陈大海` at the contact's name: the boss's name, said to be so; never the contact, never the unit changed.
 *  - `同上` at joining's phone question: asked for plainly, never stored.
 *  - `好的` to 「您说的…还能约，回复1就约这个时间」: that time booked (the one offered).
 *  - `我在石岭干活 不是东龙` as a first message: what we can help with, never 「没明白」.
 *  - Near them: `五千还有十天的`, `八千 另外还有三千加班费` (both parts), `同上` at a name or the employer.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h28-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_AMOUNT = ['老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是'];
const TO_CONTACT = [...TO_AMOUNT, '6000', '就我一个', '还在干', '都跳过', '没有'];

describe('the own amount', () => {
  it('八千块钱还有两个月的: the whole asked, 8,000 never taken', async () => {
    const user = someone('months-more');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('八千块钱还有两个月的')
      .expect(/一共被拖欠多少钱/)
      .expectNot(/拖欠金额「8,000元」/);
    const s = await session(user);
    expect(s.answers.amount).toBeUndefined();
    expect(s.pending).toBeNull();
  });

  it('我一万五 三个人: her own and the three people, confirmed together', async () => {
    const user = someone('own-count');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('我一万五 三个人')
      .expect(/拖欠金额「15,000元」、被拖欠人数「3人」。对吗/);
    let s = await session(user);
    expect(s.answers.amount).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/你们3个人一共被拖欠多少钱/);
    s = await session(user);
    expect(s.answers.amount).toEqual({ yuan: 15000, approx: false, upTo: null });
    expect(s.answers.headcount).toEqual({ count: 3, approximate: false });
  });
});

describe('a first message', () => {
  it('我一万五 三个人: the report begun; the amount and the count confirmed together after the consent', async () => {
    const user = someone('first-own-count');
    await converse(t.chat, user)
      .send('我一万五 三个人')
      .expect(/反映欠薪前/)
      .send('同意')
      .expect(/拖欠金额「15,000元」、被拖欠人数「3人」。对吗/);
  });

  it('一人一个月五千: a wage report offered, never the bare menu', async () => {
    const user = someone('per-head');
    await converse(t.chat, user)
      .send('一人一个月五千')
      .expect(/是想反映欠薪吗/)
      .send('是的')
      .expect(/反映欠薪前/);
  });

  it('我在石岭干活 不是东龙: what we can help with, never 没明白', async () => {
    const user = someone('place-not');
    await converse(t.chat, user)
      .send('我在石岭干活 不是东龙')
      .expect(/不管做哪一行/)
      .expectNot(/没太明白/);
  });
});

describe('the contact\'s name', () => {
  it('老板叫陈大海: the boss\'s name, said to be so; the unit unchanged, no contact kept', async () => {
    const user = someone('boss-name');
    await converse(t.chat, user)
      .sendAll(...TO_CONTACT)
      .send('老板叫陈大海')
      .expect(/陈大海」是老板的名字/)
      .expect(/您自己的姓名/)
      .expectNot(/改成/);
    let s = await session(user);
    expect(s.answers.contactName).toBeUndefined();
    expect(s.answers.employer).toBe('好再来饭店');
    expect(s.pending).toBeNull();
    await converse(t.chat, user).send('王芳').expect(/手机号/);
    s = await session(user);
    expect(s.answers.contactName).toBe('王芳');
  });
});

describe('joining\'s phone', () => {
  it('同上: asked for plainly, never stored', async () => {
    const user = someone('same-above');
    await converse(t.chat, user)
      .sendAll('入会', '1', '1', '1', '王芳', '11010519491231002X')
      .send('同上')
      .expect(/前面留的号码/)
      .expect(/11位手机号/);
    const s = await session(user);
    expect(s.answers.phone).toBeUndefined();
  });
});

describe('legal-aid booking', () => {
  it('好的 to 「回复1就约这个时间」: the time offered', async () => {
    const user = someone('ok-time');
    await converse(t.chat, user)
      .sendAll('我想约律师 周四上午9点', '1', '欠薪', '1', '1', '1')
      .send('1')
      .expect(/回复1就约这个时间/)
      .send('好的')
      .expect(/怎么称呼您/);
    const s = await session(user);
    const slot = s.answers.slot as { day: string; time: string };
    expect(slot.day).toBe('2026-12-03');
    expect(slot.time).toBe('09:00');
  });

  it('嗯 there stays a nod: no time taken', async () => {
    const user = someone('nod-time');
    await converse(t.chat, user)
      .sendAll('我想约律师 周四上午9点', '1', '欠薪', '1', '1', '1', '1')
      .send('嗯')
      .expect(/回复1就约这个时间/);
    const s = await session(user);
    expect(s.answers.slot).toBeUndefined();
  });
});

describe('near variants', () => {
  it('五千还有十天的: the whole asked, 5,000 never taken', async () => {
    const user = someone('days-more');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('五千还有十天的')
      .expect(/还有十天的/)
      .expectNot(/拖欠金额「5,000元」/);
    const s = await session(user);
    expect(s.answers.amount).toBeUndefined();
  });

  it('八千 另外还有三千加班费: 11,000 in all, confirmed (never 8,000 kept alone)', async () => {
    const user = someone('parts-besides');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('八千 另外还有三千加班费')
      .expect(/拖欠金额「11,000元」。对吗/);
    const s = await session(user);
    expect(s.answers.amount).toBeUndefined();
  });

  it('同上 at the contact\'s name: asked for plainly, never the name 「同上」', async () => {
    const user = someone('same-name');
    await converse(t.chat, user)
      .sendAll(...TO_CONTACT)
      .send('同上')
      .expect(/前面写的名字/)
      .expectNot(/联系人「同上」/);
    const s = await session(user);
    expect(s.answers.contactName).toBeUndefined();
    expect(s.pending).toBeNull();
  });

  it('一样的 at the employer\'s question: asked for plainly, never a unit named 一样', async () => {
    const user = someone('same-employer');
    await converse(t.chat, user)
      .sendAll('反映欠薪', '1')
      .send('一样的')
      .expect(/看不到您前面写的/);
    const s = await session(user);
    expect(s.answers.employer).toBeUndefined();
  });
});

describe('the employer question answered with the person themself', () => {
  for (const said of ['我本人', '是我本人', '我本人啊']) {
    it(`${said}: no unit named 「本人」 kept; what is asked said again`, async () => {
      const user = someone('self-employer');
      await converse(t.chat, user).sendAll('老板拖了我三个月工资', '1', '对').send(said).expect(/这里问的是欠您工资的单位或老板/);
      const s = await session(user);
      expect(s.answers.employer).toBeUndefined();
      expect(s.fieldId).toBe('employer');
    });
  }

  it('本人饭店: a unit of that name (guard)', async () => {
    const user = someone('self-named-unit');
    await converse(t.chat, user).sendAll('老板拖了我三个月工资', '1', '对').send('本人饭店');
    expect((await session(user)).answers.employer).toBe('本人饭店');
  });
});

describe('the count and the group total said without a verb', () => {
  for (const said of ['三个人一共一万五', '我们一共一万五 三个人', '我们一共一万五，三个人']) {
    it(`${said}: 3 people and 15,000 for them all, confirmed; never 15,000 as her own`, async () => {
      const user = someone('count-total');
      await converse(t.chat, user)
        .sendAll(...TO_AMOUNT)
        .send(said)
        .expect(/被拖欠人数「3人」、大家一共被拖欠「15,000元」。对吗/)
        .send('对')
        .expect(/您自己被拖欠了多少钱/);
      const s = await session(user);
      expect(s.answers.amount).toBeUndefined();
      expect(s.answers.headcount).toEqual({ count: 3, approximate: false });
      expect(s.answers.groupAmount).toMatchObject({ yuan: 15000 });
    });
  }
});
