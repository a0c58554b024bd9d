/*
 * Words said at the amount question (helper h68), as transcripts on real Redis and as the readers' results:
 *  - `厂里有3000人`, `我们厂有两百多人`, `车间里有50个人`: a workplace's size was proposed as how many are owed
 *    (「被拖欠人数「3000人」。对吗？」). Now the amount is asked again with a short hint; the headcount question asks
 *    how many are owed (the size is never taken or offered as it, at any question).
 *  - `欠了一万多 差不多一万三`: 「这个金额没看明白」; `大概8000 具体是8200`: 8,000 kept silently; in a first message
 *    `老板欠我一万多 差不多一万三` proposed 约10,000元. A rough figure then a closer one where it points is one amount,
 *    the closer one, proposed (its own hedge kept: 约13,000元); two far apart are asked.
 *  - `有个一万三`: proposed as exactly 13,000. Now about 13,000, as `大概一万三`.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { findAmounts, findHeadcount } from '../../flows/parsers/mentions.js';
import { parseAmount, workplaceSize } from '../../flows/parsers/index.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:h68-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** After the first words, to the period question (the unit, its place, not a building site). */
const TO_PERIOD = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是'];
/** To the amount question (September to November). */
const TO_AMOUNT = [...TO_PERIOD, '今年9月到11月'];
const AMOUNT_ASK = /您自己一共被拖欠了多少钱？/;
const SIZE_HINT = /这是单位里一共有多少人吧？这里问的是您自己被拖欠了多少钱/;

describe('a workplace\'s size at the amount question', () => {
  for (const words of ['厂里有3000人', '我们厂有两百多人', '车间里有50个人', '我们车间有50个人']) {
    it(`\`${words}\`: the amount asked again with a hint, no headcount proposed or kept`, async () => {
      const user = someone('size');
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_AMOUNT).expect(AMOUNT_ASK);
      await chat.send(words).expect(SIZE_HINT).expectNot(/被拖欠人数「/);
      const a = await answers(user);
      expect(a.headcount).toBeUndefined();
      expect(a.amount).toBeUndefined();
      // The amount said next is taken as ever, and the headcount is asked at its own question.
      await chat.send('8000').expect(/一共有多少人被拖欠？/);
    });
  }

  // guard: people said to be owed are still proposed as the headcount there.
  for (const [words, n] of [['我们3个人都没拿到', 3], ['欠了我们5个人的', 5]] as const) {
    it(`\`${words}\`: ${n} people owed, proposed as before`, async () => {
      await converse(t.chat, someone('owed'))
        .sendAll(...TO_AMOUNT, words)
        .expect(new RegExp(`被拖欠人数「${n}人」。对吗？`));
    });
  }

  it('`我们车间有50个人` at the period question: not proposed as the headcount', async () => {
    await converse(t.chat, someone('size-period'))
      .sendAll(...TO_PERIOD, '我们车间有50个人')
      .expectNot(/被拖欠人数「50人」/);
  });

  it('`我们厂有两百多人` at the headcount question: how many are owed asked; `都被欠了，两百多人` taken', async () => {
    const user = someone('size-head');
    const chat = converse(t.chat, user);
    await chat.sendAll(...TO_AMOUNT, '8000').expect(/一共有多少人被拖欠？/);
    await chat.send('我们厂有两百多人').expect(/这是单位里一共有多少人吧？这里问的是被拖欠工资的有多少人/);
    expect((await answers(user)).headcount).toBeUndefined();
    await chat.send('都被欠了，两百多人').expect(/你们200多个人一共被拖欠多少钱？/);
  });

  it('the readers: a size is no headcount found; people owed still are', () => {
    expect(workplaceSize('厂里有3000人')).toBe(true);
    expect(workplaceSize('公司有500人左右')).toBe(true);
    expect(findHeadcount('我们车间有50个人')).toBeNull();
    expect(findHeadcount('我们公司一共有80人')).toBeNull();
    // guard: a count said with who is owed, or a crew's count, stays a headcount.
    expect(findHeadcount('我们厂有两百多人 都没发工资')?.value).toMatchObject({ count: 200, approximate: true });
    expect(workplaceSize('我们班组有8个人')).toBe(false);
    expect(workplaceSize('我们3个人都没拿到')).toBe(false);
  });
});

describe('a rough figure, then a closer one', () => {
  for (const [words, shown, yuan, approx, guard] of [
    ['欠了一万多 差不多一万三', '约13,000元', 13000, true, false],
    ['大概8000 具体是8200', '8,200元', 8200, false, false],
    // guard: with 应该是 between, already proposed as the one meant (read as a correction before; now the same answer).
    ['两万左右 应该是两万一', '21,000元', 21000, false, true],
    ['一万多 应该是一万三吧', '约13,000元', 13000, true, true],
  ] as const) {
    it(`\`${words}\`: ${shown} proposed, taken on 对${guard ? ' (guard)' : ''}`, async () => {
      const user = someone('refined');
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_AMOUNT, words).expect(new RegExp(`拖欠金额「${shown}」。对吗？`));
      expect((await answers(user)).amount).toBeUndefined();
      await chat.send('对');
      expect((await answers(user)).amount).toMatchObject({ yuan, approx, upTo: null });
    });
  }

  it('`老板欠我一万多 差不多一万三` (first message): 约13,000元 proposed (never 约10,000元)', async () => {
    await converse(t.chat, someone('refined-first'))
      .sendAll('老板欠我一万多 差不多一万三', '同意')
      .expect(/拖欠金额「约13,000元」。对吗？/);
    expect(findAmounts('一万多 差不多三万').own).toBeNull();
  });

  it('`一万多 差不多三万`: far apart, which one asked (never either kept)', async () => {
    const user = someone('apart');
    const chat = converse(t.chat, user);
    await chat.sendAll(...TO_AMOUNT, '一万多 差不多三万').expect(/您说了「一万多」，又说了「差不多三万」，相差比较大。是哪个数？/);
    expect((await answers(user)).amount).toBeUndefined();
  });

  // guard: two different sums are read as before (the deposit apart; the wage and overtime added and confirmed).
  // (h101: the amount is said back and confirmed with the deposit kept apart, no longer taken before the 对.)
  it('`欠了一万 还有押金3000`: 10,000 the amount, the deposit offered as the account', async () => {
    const user = someone('deposit');
    await converse(t.chat, user).sendAll(...TO_AMOUNT, '欠了一万 还有押金3000').expect(/拖欠金额「10,000元」、事情经过「押金3000」。对吗？/).send('对');
    expect((await answers(user)).amount).toMatchObject({ yuan: 10000, approx: false });
  });

  // guard
  it('`工资5000 加班费2000`: added up and confirmed', async () => {
    await converse(t.chat, someone('parts'))
      .sendAll(...TO_AMOUNT, '工资5000 加班费2000')
      .expect(/5,000元加2,000元，一共7,000元。/)
      .expect(/拖欠金额「7,000元」。对吗？/);
  });
});

describe('other ways of saying 13,000', () => {
  it('`有个一万三`: about 13,000 (有个 a hedge, as 大概)', () => {
    expect(parseAmount('有个一万三')).toMatchObject({ ok: true, value: { yuan: 13000, approx: true, upTo: null } });
    expect(parseAmount('得有个8000吧')).toMatchObject({ ok: true, value: { yuan: 8000, approx: true, upTo: null } });
  });

  // guard: each read as meant today.
  it('`一万三左右吧`, `1万3`, `一万三四`, `一万三到一万四`, `有一万三`', () => {
    expect(parseAmount('一万三左右吧')).toMatchObject({ ok: true, value: { yuan: 13000, approx: true, upTo: null } });
    expect(parseAmount('1万3')).toMatchObject({ ok: true, value: { yuan: 13000, approx: false, upTo: null } });
    expect(parseAmount('一万三四')).toMatchObject({ ok: true, value: { yuan: 13000, approx: true, upTo: 14000 } });
    expect(parseAmount('一万三到一万四')).toMatchObject({ ok: true, value: { yuan: 13000, approx: true, upTo: 14000 } });
    expect(parseAmount('有一万三')).toMatchObject({ ok: true, value: { yuan: 13000, approx: false, upTo: null } });
  });
});
