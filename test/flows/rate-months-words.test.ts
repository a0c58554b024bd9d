/*
 * A monthly wage and the months owed in the opening message, in the words people use for who owes and for
 * the wage: 雇主 / 东家 (household work) as well as 老板, and `工资一个月4500` with 工资 before the rate. It was
 * the period alone (the amount asked again later); now rate × months is offered with the period, confirmed.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

describe('rate × months from the opening message', () => {
  it('我是做家政的 雇主欠我两个月工资 一个月四千五: 9,000 offered with the two months, kept on yes', async () => {
    await converse(t.chat, 'web:rm1')
      .send('我是做家政的 雇主欠我两个月工资 一个月四千五')
      .send('同意')
      .expect(/拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「9,000元（4,500元×2个月）」。对吗？/)
      .send('对');
    expect((await session('web:rm1')).answers).toMatchObject({ amount: { yuan: 9000 }, period: { months: 2 } });
  });

  it('工资一个月4500，欠了两个月 and 东家欠了我三个月 每个月三千', async () => {
    await converse(t.chat, 'web:rm2').send('工资一个月4500，欠了两个月').send('同意').expect(/拖欠金额「9,000元（4,500元×2个月）」/);
    await converse(t.chat, 'web:rm3').send('东家欠了我三个月 每个月三千').send('同意').expect(/拖欠金额「9,000元（3,000元×3个月）」/);
  });

  it('老板两个月没发工资了 一个月3500 and 三个月都没给 每个月四千: months said as left unpaid', async () => {
    await converse(t.chat, 'web:rm6')
      .send('我在白沙镇的一个饭店当服务员 老板两个月没发工资了 一个月3500')
      .send('同意')
      .expect(/拖欠金额「7,000元（3,500元×2个月）」/);
    await converse(t.chat, 'web:rm7').send('三个月都没给 每个月四千').send('同意').expect(/拖欠金额「12,000元（4,000元×3个月）」/);
  });

  it('days owed, then the day rate: 欠我20天的钱 一天250, 老板欠我20天的工资 一天250', async () => {
    await converse(t.chat, 'web:rm8').send('欠我20天的钱 一天250').send('同意').expect(/拖欠金额「5,000元（250元×20天）」。对吗？/);
    await converse(t.chat, 'web:rm9').send('老板欠我20天的工资 一天250').send('同意').expect(/拖欠金额「5,000元（250元×20天）」。对吗？/);
  });

  it('nothing is kept before the yes; 不对 keeps no amount', async () => {
    await converse(t.chat, 'web:rm4').send('工资一个月4500，欠了两个月').send('同意').expect(/对吗？/);
    expect((await session('web:rm4')).answers).not.toHaveProperty('amount');
  });

  it('a monthly wage with no months owed is no amount: 工资一个月4500 alone is not multiplied', async () => {
    await converse(t.chat, 'web:rm5').send('工资一个月4500，老板不给').send('同意').expectNot(/拖欠金额「/);
  });
});
