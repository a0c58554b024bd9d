/*
 * The wage report, money said in sentences at the period, amount and headcount questions (probe 6), as
 * transcripts on real Redis:
 *  - 1: a sum said for everyone at the own amount's question (`大家一共三十万`, `全部人加起来三十万`) is the group's
 *    total, said back, and the person's own asked (never stored as theirs); `我们一共被欠了三十万` (我们 alone may be
 *    one person's way of talking) is asked about when more than one person is plausibly owed; both figures said
 *    (`我自己两万 大家一共三十万`) are both kept; the same at the period's and the headcount's questions;
 *  - 2: a monthly wage said alone (`一个月4000`, `每个月四千`, `月工资4000`) with three months known comes to 12,000,
 *    confirmed (`不对` asks the total); more months than the period (`欠了八个月每月3500`) are refused;
 *  - 3: a daily wage and the days (`工资一天两百干了四十天`, `一天200 干了40天没给`): 8,000 confirmed, at the amount
 *    question and (as a fact) at the period's, never a period;
 *  - 4: money and months at the headcount question (`八千 三个月`) are no count of people (never 8000人);
 *  - 5: `俺们村一起去的八个人`, `我们村里一起出来的十几个人` are 8 and ten-odd people.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { parseHeadcount } from '../../flows/parsers/headcount.js';
import { findHeadcount, saidForEveryone } from '../../flows/parsers/mentions.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A report about 好再来饭店 in 河西街道 (not construction), up to the period question. */
const toPeriod = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚').send('不是').expect(/拖欠的是哪段时间的工资/);
/** The same, September to November, up to the amount question. */
const toAmount = (user: string) => toPeriod(user).send('今年9月到11月').expect(/您自己一共被拖欠了多少钱/);
/** The same, 8,000 given, up to the headcount question. */
const toHeadcount = (user: string) => toAmount(user).send('8000').expect(/一共有多少人被拖欠/);

const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });
const approx = (yuan: number) => ({ yuan, approx: true, upTo: null });

describe('1: a sum for everyone at the own amount question is the group\'s total', () => {
  it.each([
    ['大家一共三十万', 'web:m6g1'],
    ['全部人加起来三十万', 'web:m6g2'],
  ])('%s: said back as everyone\'s, the own asked, then kept apart', async (said, user) => {
    await toAmount(user)
      .send(said)
      .expect(/^好的，你们大家一共被拖欠300,000元，记下了。那您自己被拖欠了多少钱？/)
      .expectNot(/拖欠金额「300,000元」/);
    let a = (await session(user)).answers;
    expect(a).toMatchObject({ groupAmount: exact(300_000) });
    expect(a).not.toHaveProperty('amount');
    await converse(t.chat, user).send('两万').expect(/一共有多少人被拖欠/);
    a = (await session(user)).answers;
    expect(a).toMatchObject({ amount: exact(20_000), groupAmount: exact(300_000) });
  });

  it('全部工人加起来五十多万 我自己不清楚: the total kept, the own asked with how to estimate it', async () => {
    await toAmount('web:m6g3').send('全部工人加起来五十多万 我自己不清楚').expect(/你们大家一共被拖欠约500,000元，记下了。那您自己被拖欠了多少钱？不用很准/);
    expect((await session('web:m6g3')).answers).not.toHaveProperty('amount');
  });

  it('我们一共被欠了三十万 (three months known): whose it is, asked; 大家一共的 keeps the total, 我自己的 the own', async () => {
    await toAmount('web:m6w1')
      .send('我们一共被欠了三十万')
      .expect(/^300,000元是您自己一个人被拖欠的，还是你们大家一共被拖欠的？/)
      .expect(/1\. 大家一共的\n2\. 我自己的/)
      .send('1')
      .expect(/你们大家一共被拖欠300,000元，记下了。那您自己被拖欠了多少钱/);
    let a = (await session('web:m6w1')).answers;
    expect(a).toMatchObject({ groupAmount: exact(300_000) });
    expect(a).not.toHaveProperty('amount');
    await toAmount('web:m6w2').send('我们一共被欠了三十万').expect(/还是你们大家一共被拖欠的/).send('我自己的').expect(/一共有多少人被拖欠/);
    a = (await session('web:m6w2')).answers;
    expect(a).toMatchObject({ amount: exact(300_000) });
    expect(a).not.toHaveProperty('groupAmount');
  });

  it('我自己两万 大家一共三十万: both kept, each as said', async () => {
    await toAmount('web:m6b1').send('我自己两万 大家一共三十万').expect(/^好的，您自己20,000元，你们大家一共300,000元，都记下了。/).expect(/一共有多少人被拖欠/);
    expect((await session('web:m6b1')).answers).toMatchObject({ amount: exact(20_000), groupAmount: exact(300_000) });
  });

  it('我们8个人总共被欠了7万4 at the amount question: the count and the total confirmed, then the own asked', async () => {
    await toAmount('web:m6b2')
      .send('我们8个人总共被欠了7万4')
      .expect(/被拖欠人数「8人」、大家一共被拖欠「74,000元」。对吗？/)
      .send('对')
      .expect(/那您自己被拖欠了多少钱/);
    const a = (await session('web:m6b2')).answers;
    expect(a).toMatchObject({ headcount: { count: 8 }, groupAmount: exact(74_000) });
    expect(a).not.toHaveProperty('amount');
  });

  it('大家一共被欠了三十万 at the period question: the total kept, the period asked again, the own asked in its turn', async () => {
    await toPeriod('web:m6p1')
      .send('大家一共被欠了三十万')
      .expect(/^好的，你们大家一共被拖欠300,000元，记下了。拖欠的是哪段时间的工资？/)
      .expectNot(/拖欠金额「300,000元」/)
      .send('今年9月到11月')
      .expect(/那您自己被拖欠了多少钱/);
    const a = (await session('web:m6p1')).answers;
    expect(a).toMatchObject({ groupAmount: exact(300_000) });
    expect(a).not.toHaveProperty('amount');
  });

  it('我们一共被欠了三十万 at the headcount question, 8,000 own known: the group\'s total, the count asked again', async () => {
    await toHeadcount('web:m6h1').send('我们一共被欠了三十万').expect(/你们大家一共被拖欠300,000元，记下了。一共有多少人被拖欠/).expectNot(/改成/);
    expect((await session('web:m6h1')).answers).toMatchObject({ amount: exact(8000), groupAmount: exact(300_000) });
  });

  it('the pieces: 全部人 is everyone', () => {
    expect(saidForEveryone('全部人加起来三十万')).toEqual(exact(300_000));
    expect(saidForEveryone('所有工人一共二十万')).toEqual(exact(200_000));
  });
});

describe('2: a monthly wage with the months known', () => {
  it.each([
    ['一个月4000', 'web:m6r1'],
    ['每个月四千', 'web:m6r2'],
    ['月工资4000', 'web:m6r3'],
  ])('%s with three months known: 12,000 confirmed, kept after 对', async (said, user) => {
    await toAmount(user)
      .send(said)
      .expect(/^按每月4,000元、3个月算，一共12,000元。/)
      .expect(/拖欠金额「12,000元」。对吗？/)
      .expectNot(/这看起来是每月或每天的工钱/)
      .send('对')
      .expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers).toMatchObject({ amount: exact(12_000) });
  });

  it('不对 to the product asks the total; nothing kept', async () => {
    await toAmount('web:m6r4').send('一个月4000').expect(/一共12,000元/).send('不对').expect(/被拖欠了多少钱/);
    expect((await session('web:m6r4')).answers).not.toHaveProperty('amount');
  });

  it('一个月四千五左右 is about 13,500', async () => {
    await toAmount('web:m6r5').send('一个月四千五左右').expect(/一共约13,500元/).send('对');
    expect((await session('web:m6r5')).answers).toMatchObject({ amount: approx(13_500) });
  });

  it('欠了八个月每月3500 with three months known: refused, with what three months come to', async () => {
    await toAmount('web:m6r6').send('欠了八个月每月3500').expect(/^您前面说拖欠的是2026年9月至2026年11月（3个月），这里说的是8个月，对不上。.*按3个月算是10,500元/).expectNot(/28,000/);
    expect((await session('web:m6r6')).answers).not.toHaveProperty('amount');
  });
});

describe('3: a daily wage and the days worked', () => {
  it.each([
    ['工资一天两百干了四十天', 'web:m6d1'],
    ['一天200 干了40天没给', 'web:m6d2'],
  ])('%s at the amount question: 8,000 confirmed', async (said, user) => {
    await toAmount(user).send(said).expect(/200元×40天，一共按8,000元算。/).expect(/拖欠金额「8,000元」。对吗？/).send('对').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers).toMatchObject({ amount: exact(8000) });
  });

  it.each([
    ['工资一天两百干了四十天', 'web:m6d3'],
    ['一天200 干了40天没给', 'web:m6d4'],
  ])('%s at the period question: 8,000 proposed, no period made up; the period asked again', async (said, user) => {
    await toPeriod(user).send(said).expect(/我理解的是：拖欠金额「8,000元（200元×40天）」。对吗？/).expectNot(/没看明白拖欠的时间段|拖欠时间「/).send('对').expect(/拖欠的是哪段时间的工资/);
    const a = (await session(user)).answers;
    expect(a).toMatchObject({ amount: exact(8000) });
    expect(a).not.toHaveProperty('period');
  });
});

describe('4: money and months at the headcount question are no count of people', () => {
  it('八千 三个月 (both known): said to be noted, the count asked again, never 8000人', async () => {
    await toHeadcount('web:m6n1').send('八千 三个月').expect(/^这看起来不是人数。8,000元、3个月前面已经记下了，请告诉我一共有多少人被拖欠/).expectNot(/8000人|对吗/);
    expect((await session('web:m6n1')).answers).not.toHaveProperty('headcount');
  });

  it('八千 五个月: the months differ; how to change them is said', async () => {
    await toHeadcount('web:m6n2').send('八千 五个月').expect(/8,000元前面已经记下了.*如果拖欠时间要改，可以直接说「拖欠时间说错了，是…」/).expectNot(/8000人/);
    expect((await session('web:m6n2')).answers).not.toHaveProperty('headcount');
  });

  it('一万 三个月: the new amount is proposed as a change, no count taken', async () => {
    await toHeadcount('web:m6n3').send('一万 三个月').expect(/您是要改成：拖欠金额「10,000元（3个月一共）」，对吗？/).expectNot(/人数「/);
    expect((await session('web:m6n3')).answers).not.toHaveProperty('headcount');
  });

  it('一千二 alone may still be a large workforce: read as people, and checked', () => {
    expect(parseHeadcount('一千二')).toEqual({ ok: true, value: { count: 1200, approximate: false } });
  });
});

describe('5: people who came together from a village', () => {
  it('俺们村一起去的八个人 is 8', async () => {
    await toHeadcount('web:m6v1').send('俺们村一起去的八个人').expect(/你们8个人一共被拖欠多少钱/);
    expect((await session('web:m6v1')).answers).toMatchObject({ headcount: { count: 8, approximate: false } });
  });

  it('我们村里一起出来的十几个人 is ten-odd', async () => {
    await toHeadcount('web:m6v2').send('我们村里一起出来的十几个人').expect(/你们10多个人一共被拖欠多少钱/);
    expect((await session('web:m6v2')).answers).toMatchObject({ headcount: { count: 10, approximate: true } });
  });

  it('in a sentence too; a village\'s size is not a count of those owed', () => {
    expect(findHeadcount('俺们村一起出来打工的二十多个人都没拿到钱')?.value).toEqual({ count: 20, approximate: true });
    expect(findHeadcount('我们村有200多人在外打工')).toBeNull();
  });
});
