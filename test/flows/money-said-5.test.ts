/*
 * The wage report, money as workers say it (probe 5), as transcripts on real Redis:
 *  - A3: `一块` is no yuan when it means together (`我们一块的`, `跟他们一块儿`, `一块干活的`) or not a cent
 *    (`一块钱都没给`); an amount under 100 said with its unit (`一块`, `5块`) is confirmed, never taken silently;
 *  - A4: a sum said for a count of people (`我们班组12个人 老板欠了二十多万`, `欠薪15万 涉及40人`, `3个人欠了3万`,
 *    `欠我们三十多个人 大概五十多万`) is the group's total, never the person's own: their own is asked;
 *  - A8: `8.000` is 8,000 yuan to confirm, never 8 people;
 *  - B9: amounts in parts (`10月份的3000 11月份的3500`) are added up and confirmed; `万二` is 12,000, `參仟` 3,000;
 *    `8OOO` (the letter O) is explained, never guessed;
 *  - the pieces the wage flow's proposed changes use (a rate × months against the period known, a rate said
 *    alone, a share per person, a total said for everyone) read what they should.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { parseAmount, readRate } from '../../flows/parsers/amount.js';
import { parseHeadcount } from '../../flows/parsers/headcount.js';
import { findAmounts, findHeadcount, groupSaid, perPersonAmount, saidForEveryone } from '../../flows/parsers/mentions.js';
import { checkHeadcount, checkOwnAmount, checkRateMonths } from '../../flows/wage-checks.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A report about 宏达建筑公司 in 东龙镇 (not construction), September to November, up to the amount question. */
const toAmount = (user: string) =>
  converse(t.chat, user).sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是').send('今年9月到11月').expect(/您自己一共被拖欠了多少钱/);
/** The same, 8,000 given, up to the headcount question. */
const toHeadcount = (user: string) => toAmount(user).send('8000').expect(/一共有多少人被拖欠/);
/** An opening message, then the consent. */
const opening = (user: string, said: string) => converse(t.chat, user).send(said).expect(/您同意吗/).send('同意');

const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });
const approx = (yuan: number) => ({ yuan, approx: true, upTo: null });
const PERIOD = { start: '2026-09', end: '2026-11', months: 3 };

describe('A3: 一块 that is no money, and amounts under 100', () => {
  it('一块钱都没给 at the amount question is "not a cent": the amount is asked, nothing stored', async () => {
    await toAmount('web:m5a1').send('一块钱都没给').expect(/^明白，一分钱都没拿到。那一共被拖欠了多少工钱？/).expectNot(/1元/);
    expect((await session('web:m5a1')).answers).not.toHaveProperty('amount');
  });

  it('我们一块的, 跟他们一块儿 (together) are no amount: asked again, never 1元', async () => {
    await toAmount('web:m5a2').send('我们一块的').expect(/^这里问的是钱数/).expectNot(/1元/).send('跟他们一块儿').expect(/^这里问的是钱数/).expectNot(/1元/);
    expect((await session('web:m5a2')).answers).not.toHaveProperty('amount');
  });

  it('一块 alone is 1 yuan only if confirmed; 不对 keeps nothing', async () => {
    await toAmount('web:m5a3').send('一块').expect(/被拖欠1元，这个数很小，请再核对一下/).expect(/拖欠金额「1元」。对吗？/).send('不对').expect(/被拖欠了多少钱/);
    expect((await session('web:m5a3')).answers).not.toHaveProperty('amount');
  });

  it('5块 is confirmed before it counts (a bare 50 was already asked again)', async () => {
    await toAmount('web:m5a4').send('5块').expect(/被拖欠5元，这个数很小/).expect(/拖欠金额「5元」。对吗？/).send('对').expect(/一共有多少人被拖欠/);
    expect((await session('web:m5a4')).answers).toMatchObject({ amount: exact(5) });
  });

  it('老板一块钱都没给 欠了三个月: the period is proposed, no 1元', async () => {
    await opening('web:m5a5', '老板一块钱都没给 欠了三个月').expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/).expectNot(/拖欠金额/);
  });

  it('我们一块的都没拿到 at the headcount question proposes no change of the amount', async () => {
    await toHeadcount('web:m5a6').send('我们一块的都没拿到').expectNot(/1元|改成/).expect(/人数/);
    expect((await session('web:m5a6')).answers).toMatchObject({ amount: exact(8000) });
  });

  it('我们一块干活的十几个人: the ten-odd people are read, never 1元', () => {
    expect(findAmounts('我们一块干活的十几个人都没拿到钱')).toEqual({ own: null, group: null, spans: [] });
    expect(findHeadcount('我们一块干活的十几个人都没拿到钱')?.value).toEqual({ count: 10, approximate: true });
    // 一块 inside a figure is money still (二十一块).
    expect(findAmounts('欠了我二十一块').own).toEqual(exact(21));
  });
});

describe('A4: a sum said for a count of people is the group\'s total', () => {
  it('我们工地老板跑路了 欠我们三十多个人 大概五十多万: the total and the count, confirmed; the person\'s own is asked', async () => {
    await opening('web:m5g1', '我们工地老板跑路了 欠我们三十多个人 大概五十多万')
      .expect(/被拖欠人数「30多人」、大家一共被拖欠「约500,000元」。对吗？/)
      .expectNot(/拖欠金额/)
      .send('对');
    const a = (await session('web:m5g1')).answers;
    expect(a).toMatchObject({ headcount: { count: 30, approximate: true }, groupAmount: approx(500_000) });
    expect(a).not.toHaveProperty('amount');
  });

  it.each([
    ['我们班组12个人 老板欠了二十多万', /被拖欠人数「12人」、大家一共被拖欠「约200,000元」。对吗？/, 12, approx(200_000)],
    ['欠薪15万 涉及40人', /被拖欠人数「40人」、大家一共被拖欠「150,000元」。对吗？/, 40, exact(150_000)],
    ['3个人欠了3万', /被拖欠人数「3人」、大家一共被拖欠「30,000元」。对吗？/, 3, exact(30_000)],
  ] as const)('%s: the group\'s total, with its headcount', async (said, line, count, total) => {
    const user = `web:m5g-${count}`;
    await opening(user, said).expect(line).expectNot(/拖欠金额/).send('对');
    const a = (await session(user)).answers;
    expect(a).toMatchObject({ headcount: { count }, groupAmount: total });
    expect(a).not.toHaveProperty('amount');
  });

  it('near misses stay the person\'s own: 我们12个人 老板欠我两万, 一个人欠了三万, 还差工钱7万4 after the crew', () => {
    expect(findAmounts('我们12个人 老板欠我两万')).toEqual({ own: exact(20_000), group: null, spans: [[11, 13]] });
    expect(findAmounts('一个人欠了三万')).toMatchObject({ own: exact(30_000), group: null });
    expect(findAmounts('一个人欠了三万')).not.toHaveProperty('ownSaidForGroup');
    expect(findHeadcount('一个人欠了三万')).toBeNull();
  });

  it('a total for everyone, even with no headcount said (大家一共三十万, 我自己的不知道 总共欠了二十万), is read as such', () => {
    for (const [said, total] of [
      ['大家一共三十万', exact(300_000)],
      ['我们班组一共十万', exact(100_000)],
      ['全部工人加起来五十多万', approx(500_000)],
      ['包括我老乡的一共两万', exact(20_000)],
      ['我自己的不知道 总共欠了二十万', exact(200_000)],
    ] as const) {
      expect(saidForEveryone(said), said).toEqual(total);
      expect(groupSaid(said), said).toBe(true);
    }
    // 我们 alone may be one person's way of talking (LABELS.md): not everyone's; nor one's own share said with it.
    expect(saidForEveryone('我们一共被欠了7万')).toBeNull();
    expect(saidForEveryone('我自己两万 我们一共三十万')).toBeNull();
    expect(groupSaid('我自己两万 我们一共三十万')).toBe(false);
    expect(groupSaid('总共欠了二十万')).toBe(false);
  });

  it('每人八千, 一人一万左右 are each one\'s share, read as such (never the total as said)', () => {
    expect(perPersonAmount('每人八千')).toEqual(exact(8000));
    expect(perPersonAmount('一人一万左右')).toEqual(approx(10_000));
    expect(perPersonAmount('每人八千 一共二十万')).toBeNull();
    expect(perPersonAmount('一共二十万')).toBeNull();
  });

  it('就我一个 after a total for everyone is confirmed, saying the total no longer counts', () => {
    expect(checkHeadcount({ count: 1, approximate: false }, { groupAmount: exact(300_000) })).toEqual({
      kind: 'confirm',
      ack: expect.stringMatching(/^您前面说大家一共被拖欠300,000元。如果被拖欠的只有您一个人，那个总数就不算了/),
    });
    expect(checkHeadcount({ count: 1, approximate: false }, {})).toBeNull();
  });
});

describe('A8: 8.000 is eight thousand yuan, confirmed; never 8 people', () => {
  it('8.000 at the amount question proposes 8,000元; 对 keeps it, and no headcount', async () => {
    await toAmount('web:m5d1').send('8.000').expect(/我理解的是：拖欠金额「8,000元」。对吗？/).expectNot(/人数/).send('对').expect(/一共有多少人被拖欠/);
    const a = (await session('web:m5d1')).answers;
    expect(a).toMatchObject({ amount: exact(8000) });
    expect(a).not.toHaveProperty('headcount');
  });

  it('8.000 at the headcount question is no count of people', async () => {
    await toHeadcount('web:m5d2').send('8.000').expect(/这看起来不是人数/).expectNot(/8人/);
    expect((await session('web:m5d2')).answers).not.toHaveProperty('headcount');
    expect(parseHeadcount('8,000').ok).toBe(false);
    // A decimal point with a unit stays one; a leading zero is no grouping.
    expect(parseAmount('1.005元')).toEqual({ ok: true, value: { yuan: 1.01, approx: false, upTo: null } });
  });
});

describe('B9: amounts in parts, 万二, 參仟, 8OOO', () => {
  it('10月份的3000 11月份的3500 is added up: 6,500 proposed, and kept after 对', async () => {
    await toAmount('web:m5p1').send('10月份的3000 11月份的3500').expect(/我理解的是：拖欠金额「6,500元」。对吗？/).send('对').expect(/一共有多少人被拖欠/);
    expect((await session('web:m5p1')).answers).toMatchObject({ amount: exact(6500), period: PERIOD });
  });

  it('9月4000 10月4000 11月4000 is 12,000 proposed; a month said twice is not added', async () => {
    await toAmount('web:m5p2').send('9月4000 10月4000 11月4000').expect(/我理解的是：拖欠金额「12,000元」。对吗？/);
    expect(findAmounts('10月3000 10月3500').own).toBeNull();
  });

  it('万二 is 12,000 and 參仟 is 3,000, taken as said', async () => {
    await toAmount('web:m5p3').send('万二').expect(/一共有多少人被拖欠/);
    expect((await session('web:m5p3')).answers).toMatchObject({ amount: exact(12_000) });
    await toAmount('web:m5p4').send('參仟').expect(/一共有多少人被拖欠/);
    expect((await session('web:m5p4')).answers).toMatchObject({ amount: exact(3000) });
  });

  it('8OOO (the letter O) is explained and asked again, never guessed', async () => {
    await toAmount('web:m5p5').send('8OOO').expect(/^金额里好像有字母O，请用数字0再写一遍/).send('8000').expect(/一共有多少人被拖欠/);
    expect((await session('web:m5p5')).answers).toMatchObject({ amount: exact(8000) });
  });
});

describe('rates: what the wage flow reads a rate with', () => {
  it('a monthly rate said alone is read as a rate (the months known multiply it); a range or a base pay is not', () => {
    expect(readRate('一个月4000')).toEqual({ rate: exact(4000), per: 'month' });
    expect(readRate('月薪4000')).toEqual({ rate: exact(4000), per: 'month' });
    expect(readRate('4000一个月')).toEqual({ rate: exact(4000), per: 'month' });
    expect(readRate('一天两百')).toEqual({ rate: exact(200), per: 'day' });
    expect(readRate('月薪四五千')).toBeNull();
    expect(readRate('底薪3000')).toBeNull();
    expect(readRate('8000')).toBeNull();
  });

  it('欠了八个月每月3500 against three months known is raised, with what three months come to; fewer months are not', () => {
    expect(checkRateMonths(exact(3500), 8, { period: PERIOD })).toEqual({
      kind: 'refuse',
      error: expect.stringMatching(/^您前面说拖欠的是2026年9月至2026年11月（3个月），这里说的是8个月，对不上。.*按3个月算是10,500元，是的话回复「10500」就行。/),
    });
    expect(checkRateMonths(exact(3500), 3, { period: PERIOD })).toBeNull();
    expect(checkRateMonths(exact(5500), 2, { period: PERIOD })).toBeNull();
    expect(checkRateMonths(exact(3500), 8, {})).toBeNull();
  });

  it('an own amount under 100 is confirmed; 100 or more needs no check', () => {
    expect(checkOwnAmount(exact(50), {})).toMatchObject({ kind: 'confirm', ack: expect.stringMatching(/被拖欠50元，这个数很小/) });
    expect(checkOwnAmount(exact(100), {})).toBeNull();
  });
});
