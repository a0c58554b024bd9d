/*
 * Corrections and amounts in workers' own words at the wage report (helper h26), on real Redis.
 *  - `6000 不是我一个人的 是我们俩的` at the own amount's question: the two people's total (never her own), her own asked.
 *  - `就我一个人 不对 还有我老乡 两个人` at the headcount question: two in all (the correction replaces, never adds).
 *  - `刚才说错了 是王芬` at the summary: the contact's name (the answer the name fits), never tried as the phone.
 *  - `应该是八千吧` at the amount question: about 8,000 (a guess), as `八千左右` is.
 *  - `800改成900` at the summary: the amount of 800 changed; with no answer of 800, said so plainly.
 *  - `老板欠了我工资8000 加班费2000` as a first message: 10,000 in all, confirmed at the amount's turn (never lost).
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h26-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_AMOUNT = ['老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是'];
const toSummary = (amount: string) => [...TO_AMOUNT, amount, '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111'];

describe('the own amount', () => {
  it('6000 不是我一个人的 是我们俩的: the two people\'s total, her own asked', async () => {
    const user = someone('ours');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('6000 不是我一个人的 是我们俩的')
      .expect(/你们两个人一共被拖欠6,000元/)
      .expect(/您自己被拖欠了多少钱/);
    let s = await session(user);
    expect(s.answers.amount ?? null).toBeNull();
    expect(s.answers.groupAmount).toEqual({ yuan: 6000, approx: false, upTo: null });
    await converse(t.chat, user).send('3000').expectNot(/多少人被拖欠/);
    s = await session(user);
    expect(s.answers.amount).toEqual({ yuan: 3000, approx: false, upTo: null });
    expect(s.answers.headcount).toEqual({ count: 2, approximate: false });
  });

  it('应该是八千吧: about 8,000', async () => {
    const user = someone('guess');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('应该是八千吧')
      .expect(/多少人被拖欠/)
      .expectNot(/已改为/);
    const s = await session(user);
    expect(s.answers.amount).toEqual({ yuan: 8000, approx: true, upTo: null });
  });
});

describe('the headcount', () => {
  it('就我一个人 不对 还有我老乡 两个人: two in all', async () => {
    const user = someone('two-in-all');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT, '6000')
      .send('就我一个人 不对 还有我老乡 两个人')
      .expect(/一共2人/)
      .expectNot(/3人/)
      .send('对');
    const s = await session(user);
    expect(s.answers.headcount).toEqual({ count: 2, approximate: false });
  });
});

describe('corrections at the summary', () => {
  it('刚才说错了 是王芬: the contact\'s name, confirmed (never the phone)', async () => {
    const user = someone('slip-name');
    await converse(t.chat, user)
      .sendAll(...toSummary('6000'))
      .send('刚才说错了 是王芬')
      .expect(/联系人「王芬」/)
      .expectNot(/手机号只能包含数字/)
      .send('对')
      .expect(/联系人：王芬/);
    const s = await session(user);
    expect(s.answers.contactName).toBe('王芬');
    expect(s.answers.phone).toBe('13700001111');
  });

  it('800改成900 with the amount 800: the amount changed', async () => {
    const user = someone('change-800');
    await converse(t.chat, user)
      .sendAll(...toSummary('800'))
      .send('800改成900')
      .expect(/拖欠金额已改为「900元」/);
    const s = await session(user);
    expect(s.answers.amount).toEqual({ yuan: 900, approx: false, upTo: null });
  });

  it('800改成900 with no answer of 800: said so, nothing changed', async () => {
    const user = someone('change-none');
    await converse(t.chat, user)
      .sendAll(...toSummary('6000'))
      .send('800改成900')
      .expect(/没有找到是「800」的那一项/);
    const s = await session(user);
    expect(s.answers.amount).toEqual({ yuan: 6000, approx: false, upTo: null });
  });
});

describe('a first message', () => {
  it('老板欠了我工资8000 加班费2000: 10,000 in all, confirmed', async () => {
    const user = someone('parts');
    await converse(t.chat, user)
      .sendAll('老板欠了我工资8000 加班费2000', '1', '好再来饭店', '东龙', '新塘', '不是')
      .send('三个月')
      .expect(/拖欠金额「10,000元」。对吗/)
      .send('对');
    const s = await session(user);
    expect(s.answers.amount).toEqual({ yuan: 10000, approx: false, upTo: null });
  });
});
