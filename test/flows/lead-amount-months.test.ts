/*
 * The amount owed said with a month's wage and the months paid or still owed:
 * `一个月五千 给了两个月的 还差一个月` was 15,000 (the whole period's months) proposed, a quick 对 storing it; now
 * 5,000 (the month still owed). `每个月四千 发了一个月` is two of the three months. And a day's wage said as what was
 * agreed (`说好一天250 干了20天 一分没给`) got 「这看起来不是钱数」; now 5,000, proposed. Today is Tuesday
 * 1 December 2026; the period is September to November (3 months).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { monthsOwedOrPaid } from '../../flows/parsers/amount.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const TO_AMOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'];
const atAmount = (user: string) => converse(t.chat, user).sendAll(...TO_AMOUNT).expect(/您自己一共被拖欠了多少钱/);

describe('a month’s wage with the months paid or owed', () => {
  it('一个月五千 给了两个月的 还差一个月: 5,000 proposed, never 15,000', async () => {
    await atAmount('web:am1').send('一个月五千 给了两个月的 还差一个月').expect(/按每月5,000元、1个月算，一共5,000元/).expect(/拖欠金额「5,000元」。对吗/).expectNot(/15,000/);
  });

  it('每个月四千 发了一个月: the two months left, 8,000', async () => {
    await atAmount('web:am2').send('每个月四千 发了一个月').expect(/按每月4,000元、2个月算，一共8,000元/).expectNot(/12,000/);
  });

  it('一个月五千 给了三个月 (all the period paid): what is still owed asked, nothing proposed', async () => {
    await atAmount('web:am3').send('一个月五千 给了三个月').expect(/现在还欠您多少钱/).expectNot(/拖欠金额「/);
  });

  // guard: a month's wage alone is the period's months, as before.
  it('一个月四千: 12,000 (3 months)', async () => {
    await atAmount('web:am4').send('一个月四千').expect(/按每月4,000元、3个月算，一共12,000元/);
  });

  it('the months read', () => {
    expect(monthsOwedOrPaid('一个月五千 给了两个月的 还差一个月')).toEqual({ owed: 1 });
    expect(monthsOwedOrPaid('发了一个月')).toEqual({ paid: 1 });
    // guard: no months paid or owed said.
    expect(monthsOwedOrPaid('一个月五千')).toBeNull();
  });
});

describe('a day’s wage said as what was agreed', () => {
  for (const [i, said] of ['说好一天250 干了20天 一分没给', '说好一天两百五 干了二十天'].entries()) {
    it(`${said}: 5,000 proposed`, async () => {
      await atAmount(`web:ad${i}`).send(said).expect(/250元×20天，一共按5,000元算/).expect(/拖欠金额「5,000元」。对吗/).expectNot(/不是钱数/);
    });
  }
});
