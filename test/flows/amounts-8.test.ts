/*
 * The wage report, amounts worked out from what was said (probe 8), as transcripts on real Redis:
 *  - A6: piece-rate pay (`计件的，做了两千件，一件三块钱`, `一件3元 做了2000件`) is the pieces times the price
 *    (6,000), said back with how and confirmed; the price of one piece is never taken as the amount;
 *  - A7: a total worked out with money paid beside it (`一个月五千，三个月，只给了两千`) is the total less what was
 *    paid, said back with how; a share paid (`给了一半`) asks what is still owed; an opener never proposes the gross;
 *    an explicit 还欠 (`给过一万 还欠三万五`) wins over the daily wage times the days;
 *  - A8: `5k per month`, `一月5k` are a monthly wage (times the months known, confirmed), never the total.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findAmounts } from '../../flows/parsers/mentions.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A report about 好再来饭店 in 河西街道 (not construction), September to November, up to the amount question. */
const toAmount = (user: string) =>
  converse(t.chat, user)
    .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚')
    .send('不是')
    .expect(/拖欠的是哪段时间的工资/)
    .send('今年9月到11月')
    .expect(/您自己一共被拖欠了多少钱/);

const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });

describe('A6: piece-rate pay is pieces times the price, confirmed', () => {
  it.each([
    ['计件的，做了两千件，一件三块钱', 'web:a8p1'],
    ['一件3元 做了2000件', 'web:a8p2'],
  ])('%s: 2000件×3元 = 6,000元, said back and confirmed', async (said, user) => {
    await toAmount(user).send(said).expect(/2000件×3元，一共按6,000元算/).expect(/拖欠金额「6,000元」/).expectNot(/「3元」/);
    expect((await session(user)).answers).not.toHaveProperty('amount');
    await converse(t.chat, user).send('对').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers).toMatchObject({ amount: exact(6000) });
  });

  it('the price of one piece is never an amount found in a sentence', () => {
    expect(findAmounts('计件的，做了两千件，一件三块钱').own).toBeNull();
    expect(findAmounts('3元一件 做了2000件').own).toBeNull();
  });
});

describe('A7: money paid is taken off a worked-out total, or what is owed asked', () => {
  it('一个月五千，三个月，只给了两千: 15,000 less 2,000 is 13,000, said back with how', async () => {
    await toAmount('web:a8n1')
      .send('一个月五千，三个月，只给了两千')
      .expect(/一共15,000元，减去已经给的2,000元，还欠13,000元/)
      .expect(/拖欠金额「13,000元」/)
      .expectNot(/「15,000元」/);
    await converse(t.chat, 'web:a8n1').send('对').expect(/一共有多少人被拖欠/);
    expect((await session('web:a8n1')).answers).toMatchObject({ amount: exact(13_000) });
  });

  it('一个月五千 三个月 给了一半: what is still owed is asked, nothing kept', async () => {
    await toAmount('web:a8n2').send('一个月五千 三个月 给了一半').expect(/现在还欠您多少钱/).expectNot(/15,000元/);
    expect((await session('web:a8n2')).answers).not.toHaveProperty('amount');
  });

  it('an opener with a monthly wage, the months and money paid never proposes the gross', async () => {
    await converse(t.chat, 'web:a8n3').send('欠我三个月工资 一个月四千 上个月给了两千').send('同意').expect(/拖欠金额「10,000元（每月4,000元×3个月，一共12,000元，减去已经给的2,000元）」/).expectNot(/拖欠金额「12,000元/);
    expect((await session('web:a8n3')).answers).not.toHaveProperty('amount');
  });

  it('给过一万 还欠三万五: the explicit balance wins over a daily wage times the days', async () => {
    await converse(t.chat, 'web:a8n4').send('老板欠钱 一天三百 干了一百五十天 给过一万 还欠三万五').send('同意').expect(/拖欠金额「35,000元」/).expectNot(/45,000元/);
    const story =
      '我叫李建国，在东龙镇的工地上干木工，一天三百块钱，我干了一百五十天，总共应该是四万五，中间给过我一万块生活费，还欠三万五，我们班组一共十二个人都没拿到钱';
    expect(findAmounts(story).own).toEqual(exact(35_000));
  });
});

describe('A8: a monthly wage said with k is a rate, never the total', () => {
  it.each([
    ['5k per month', 'web:a8k1'],
    ['一月5k', 'web:a8k2'],
  ])('%s: 5,000 a month times 3 months, confirmed', async (said, user) => {
    await toAmount(user).send(said).expect(/按每月5,000元、3个月算，一共15,000元/).expectNot(/拖欠金额「5,000元」/);
    await converse(t.chat, user).send('对').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers).toMatchObject({ amount: exact(15_000) });
  });

  it('5k per month in a sentence is no amount owed', () => {
    expect(findAmounts('5k per month').own).toBeNull();
    expect(findAmounts('一月5k').own).toBeNull();
  });
});
