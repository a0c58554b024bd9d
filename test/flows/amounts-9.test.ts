/*
 * The wage report, amounts and counts read as meant (probe 9), as transcripts on real Redis:
 *  - A9: days worked times the day's pay (`干了二十天，一天两百`, `20个工 一个工250`) is the amount, said back with how
 *    and confirmed; the days alone (`干了二十天`) are never 20元 nor 20 people;
 *  - A10: a share of a figure (`两万的一半`) is worked out (10,000) and confirmed, never the figure (20,000);
 *  - A11: money said to be paid at another question (`老板昨天给了3000` at the period's or the headcount's) is no
 *    answer to it: said back, nothing stored, the question asked again;
 *  - A12: decimals to the fen (`4500.5`, `4500.50`) are an amount; more (`4500.555`) is refused, said why;
 *  - A13: `3个` at the period question is three months, confirmed; never a headcount;
 *  - A14: a first message with a monthly wage, the months and money paid offers the net (confirmed), and the
 *    amount is not asked again; the net said back shows the rate times the count.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findAmounts } from '../../flows/parsers/mentions.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A report about 好再来饭店 in 河西街道 (not construction), up to the period question. */
const toPeriod = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚').send('不是').expect(/拖欠的是哪段时间的工资/);

/** The same, September to November, up to the amount question. */
const toAmount = (user: string) => toPeriod(user).send('今年9月到11月').expect(/您自己一共被拖欠了多少钱/);

const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });

describe('A9: days worked times the pay of a day, confirmed', () => {
  it.each([
    ['干了二十天，一天两百', /200元×20天，一共按4,000元算/, /拖欠金额「4,000元」/, 4000, 'web:a9d1'],
    ['20个工 一个工250', /250元×20个工，一共按5,000元算/, /拖欠金额「5,000元」/, 5000, 'web:a9d2'],
    ['干了20天 两百一天', /200元×20天，一共按4,000元算/, /拖欠金额「4,000元」/, 4000, 'web:a9d3'],
  ])('%s: the product said back, taken after a yes', async (said, how, line, yuan, user) => {
    await toAmount(user).send(said).expect(how).expect(line).expectNot(/「200元」|「250元」|「20元」/);
    expect((await session(user)).answers).not.toHaveProperty('amount');
    await converse(t.chat, user).send('对').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers).toMatchObject({ amount: exact(yuan) });
  });

  it('干了二十天 alone: the days, never 20元 nor 20 people; the pay asked with them', async () => {
    await toAmount('web:a9d4').send('干了二十天').expect(/20天是干活的天数/).expect(/一天200/).expectNot(/「20元」|20人|被拖欠人数/);
    const a = (await session('web:a9d4')).answers;
    expect(a).not.toHaveProperty('amount');
    expect(a).not.toHaveProperty('headcount');
  });
});

describe('A10: a share of a figure is worked out, never the figure', () => {
  it('两万的一半: 10,000, said back with how and confirmed', async () => {
    await toAmount('web:a9h1').send('两万的一半').expect(/20,000元的一半，按10,000元算/).expect(/拖欠金额「10,000元」/).expectNot(/拖欠金额「20,000元」/);
    expect((await session('web:a9h1')).answers).not.toHaveProperty('amount');
    await converse(t.chat, 'web:a9h1').send('对').expect(/一共有多少人被拖欠/);
    expect((await session('web:a9h1')).answers).toMatchObject({ amount: exact(10_000) });
  });

  it('in a sentence, the figure of a share is no amount owed', () => {
    expect(findAmounts('两万的一半').own).toBeNull();
    expect(findAmounts('老板欠我三万的三分之一').own).toBeNull();
  });
});

describe('A11: money paid said at another question is no answer to it', () => {
  it('at the period question: said back, nothing stored, the period asked again', async () => {
    await toPeriod('web:a9p1').send('老板昨天给了3000').expect(/已经给了您3,000元/).expect(/拖欠的是哪段时间的工资/).expectNot(/人数|对吗/);
    const a = (await session('web:a9p1')).answers;
    expect(a).not.toHaveProperty('period');
    expect(a).not.toHaveProperty('headcount');
    expect(a).not.toHaveProperty('amount');
    await converse(t.chat, 'web:a9p1').send('今年9月到11月').expect(/您自己一共被拖欠了多少钱/);
  });

  it('at the headcount question: never a count; the amount known stays, the count asked again', async () => {
    await toAmount('web:a9p2')
      .send('8000')
      .expect(/一共有多少人被拖欠/)
      .send('老板昨天给了3000')
      .expect(/已经给了您3,000元。前面记的拖欠金额是8,000元/)
      .expect(/一共有多少人被拖欠/)
      .expectNot(/大概30人|对吗/);
    const a = (await session('web:a9p2')).answers;
    expect(a).not.toHaveProperty('headcount');
    expect(a).toMatchObject({ amount: exact(8000) });
    await converse(t.chat, 'web:a9p2').send('就我一个').expect(/还在这家单位/);
  });
});

describe('A12: decimals to the fen', () => {
  it.each([
    ['4500.5', 'web:a9f1'],
    ['4500.50', 'web:a9f2'],
  ])('%s: 4,500.5元, taken as said', async (said, user) => {
    await toAmount(user).send(said).expect(/一共有多少人被拖欠/).expectNot(/不是钱数/);
    expect((await session(user)).answers).toMatchObject({ amount: exact(4500.5) });
    // Shown to the fen.
    await converse(t.chat, user).send('老板昨天给了3000').expect(/前面记的拖欠金额是4,500.5元/);
  });

  it('4500.555: more than fen, refused and said why', async () => {
    await toAmount('web:a9f3').send('4500.555').expect(/小数点后两位/).expectNot(/一共有多少人被拖欠/);
    expect((await session('web:a9f3')).answers).not.toHaveProperty('amount');
  });
});

describe('A13: a bare count at the period question is months', () => {
  it('3个: three months, confirmed; never three people', async () => {
    await toPeriod('web:a9m1')
      .send('3个')
      .expect(/您说的「3个」，我按3个月算/)
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」/)
      .expectNot(/人数|3人/);
    expect((await session('web:a9m1')).answers).not.toHaveProperty('headcount');
    await converse(t.chat, 'web:a9m1').send('对').expect(/您自己一共被拖欠了多少钱/);
    const a = (await session('web:a9m1')).answers;
    expect(a).toMatchObject({ period: { start: '2026-09', end: '2026-11', months: 3 } });
    expect(a).not.toHaveProperty('headcount');
  });
});

describe('A14: money paid beside a worked-out total, the net offered', () => {
  it('a first message with the monthly wage, the months worked and money paid: the net confirmed, the amount not asked again', async () => {
    await converse(t.chat, 'web:a9n1')
      .send('老板欠我工资，一个月五千，干了三个月，老板只给了两千')
      .send('同意')
      .expect(/拖欠金额「13,000元（每月5,000元×3个月，一共15,000元，减去已经给的2,000元）」/)
      .expectNot(/拖欠金额「15,000元/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session('web:a9n1')).answers).toMatchObject({ amount: exact(13_000) });
    await converse(t.chat, 'web:a9n1')
      .sendAll('好再来饭店', '河西街道', '不清楚', '不是')
      .send('今年9月到11月')
      .expect(/一共有多少人被拖欠/)
      .expectNot(/您自己一共被拖欠了多少钱/);
  });

  it.each([
    ['一个月五千，干了三个月，老板只给了两千', /每月5,000元×3个月，一共15,000元，减去已经给的2,000元，还欠13,000元/, 13_000, 'web:a9n2'],
    ['一天三百 干了十天 给了一千', /每天300元×10天，一共3,000元，减去已经给的1,000元，还欠2,000元/, 2000, 'web:a9n3'],
  ])('at the amount question, %s: the rate times the count shown with the net', async (said, how, yuan, user) => {
    await toAmount(user).send(said).expect(how).expect(new RegExp(`拖欠金额「${yuan.toLocaleString('en-US')}元」`));
    await converse(t.chat, user).send('对').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers).toMatchObject({ amount: exact(yuan) });
  });
});
