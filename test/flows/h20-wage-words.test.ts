/*
 * Words at the wage report's questions (helper h20), on real Redis.
 *  - `我们老板开的好再来饭店` at the unit question: 好再来饭店 (whose it is is no part of the name); `老板开的饭店` is
 *    no name at all.
 *  - `1 3` at the township list: one choice asked for, never 「没有这个选项」.
 *  - `3` at 「什么时候离开的？」: 3月, 3号 or 3个月前 asked, never the 3rd guessed.
 *  - `还有我老婆` at the headcount question: two in all, confirmed (never asked again); `还有我老乡` too (changed by h22).
 *  - `嗯…` at 「…对吗？」: no 「好的。」 when nothing was taken.
 *  - first messages: `一人一个月五千 三个月没发` and `我和老公都被欠了一万五` start the report (never 「没太明白」), the
 *    latter's sum never taken as her own unasked; `我和老公在厂里干 每个月各六千 三个月没发`: 6,000 a month each, confirmed; `我们村五个人在工地 每人欠了两万` reads the 5 owed.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h20-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_UNIT = ['老板拖了我三个月工资', '1', '对'];
const TO_LEFT = [...TO_UNIT, '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '不干了'];

describe('the unit question', () => {
  it('我们老板开的好再来饭店: the unit 好再来饭店', async () => {
    const user = someone('owned');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT)
      .send('我们老板开的好再来饭店')
      .expect(/哪个镇或街道/);
    const s = await session(user);
    expect(s.answers.employer).toBe('好再来饭店');
  });

  it('老板开的饭店: no name, asked again', async () => {
    const user = someone('owned-generic');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT)
      .send('老板开的饭店')
      .expect(/这还不是单位或老板的名字/);
    const s = await session(user);
    expect(s.answers.employer ?? null).toBeNull();
  });
});

describe('a choice list', () => {
  it('1 3 at the township list: one choice asked for', async () => {
    await converse(t.chat, someone('two-picks'))
      .sendAll(...TO_UNIT, '好再来饭店')
      .send('1 3')
      .expect(/只能选一个/)
      .expectNot(/没有这个选项/)
      .send('1')
      .expect(/东龙镇的哪个村或社区/);
  });
});

describe('the month left', () => {
  it('3 alone: 3月, 3号 or 3个月前 asked; 3号 then read as a day', async () => {
    const user = someone('bare-3');
    await converse(t.chat, user)
      .sendAll(...TO_LEFT)
      .send('3')
      .expect(/是指3月，还是3号，还是3个月前/)
      .expectNot(/按2026年11月3日算/)
      .send('2')
      .expect(/按2026年11月3日算/)
      .send('对');
    const s = await session(user);
    expect(s.answers.leftSince).toBe('2026-11');
  });

  it('25 alone: still the 25th (no month 25)', async () => {
    await converse(t.chat, someone('bare-25'))
      .sendAll(...TO_LEFT)
      .send('25')
      .expect(/按2026年11月25日算/);
  });
});

describe('the headcount question', () => {
  const TO_HEADCOUNT = [...TO_UNIT, '好再来饭店', '东龙', '新塘', '不是', '6000'];
  it('还有我老婆: 2 people, confirmed', async () => {
    const user = someone('wife-too');
    await converse(t.chat, user)
      .sendAll(...TO_HEADCOUNT)
      .send('还有我老婆')
      .expect(/被拖欠人数「2人」/)
      .send('对')
      .expect(/你们2个人一共被拖欠多少钱/);
    const s = await session(user);
    expect(s.answers.headcount).toMatchObject({ count: 2 });
  });

  // Changed by h22: a 老乡 named alone is one more person, as 还有我老婆 is (two in all, confirmed); see h22-amount-words.
  it('还有我老乡: two in all, confirmed', async () => {
    await converse(t.chat, someone('fellow-too'))
      .sendAll(...TO_HEADCOUNT)
      .send('还有我老乡')
      .expect(/被拖欠人数「2人」。对吗/);
  });
});

describe('a hesitation at 「…对吗？」', () => {
  it('嗯… is no yes, and no 好的', async () => {
    const user = someone('hmm');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1')
      .send('嗯…')
      .expectNot(/^好的。/)
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」/);
    const s = await session(user);
    expect(s.answers.period ?? null).toBeNull();
  });
});

describe('first messages', () => {
  it('一人一个月五千 三个月没发: the report started', async () => {
    await converse(t.chat, someone('each-monthly'))
      .send('一人一个月五千 三个月没发')
      .expectNot(/没太明白/)
      .expect(/您同意吗/);
  });

  it('我和老公都被欠了一万五: the report started, the sum never her own unasked', async () => {
    const user = someone('both-owed');
    await converse(t.chat, user)
      .send('我和老公都被欠了一万五')
      .expectNot(/没太明白/)
      .send('1')
      .expectNot(/拖欠金额「15,000元」/);
    const s = await session(user);
    expect(s.answers.amount ?? null).toBeNull();
  });

  it('我和老公在厂里干 每个月各六千 三个月没发: 6,000×3 her own, 2 people, 36,000 in all, all confirmed', async () => {
    const user = someone('couple-each');
    await converse(t.chat, user)
      .send('我和老公在厂里干 每个月各六千 三个月没发')
      .expect(/您同意吗/)
      .send('1')
      .expect(/拖欠金额「18,000元（6,000元×3个月）」、被拖欠人数「2人」、大家一共被拖欠「36,000元」。对吗/);
    expect((await session(user)).answers.amount ?? null).toBeNull();
  });

  it('我们村五个人在工地 每人欠了两万: 5 people owed', async () => {
    await converse(t.chat, someone('village'))
      .send('我们村五个人在工地 每人欠了两万')
      .send('1')
      .expect(/被拖欠人数「5人」/);
  });
});
