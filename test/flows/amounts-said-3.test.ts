/*
 * Amounts, headcounts and periods, what the person meant (probe round 3), as parser checks and transcripts on
 * real Redis:
 *  - a sum owed to 我们 as the subject (`我们十二个人被欠了二十万`) is the group's total, never the person's own;
 *    what each is owed (`每个人大概五六千`) is the person's own share, never the group's total;
 *  - `几千块` is no figure (never 1,000元); `两万不到` is about 20,000, not exactly;
 *  - how long they worked (`做了半年欠我五千`), time gone by (`又过了一年了`), a count of months with another
 *    year named for the work, and `上个月和这个月` (this month's wage not due yet) are not taken from a sentence;
 *    nothing paid for the time worked (`干了半年 一分钱莫得`) still is;
 *  - a message of keywords (`欠薪 东龙镇 宏达建筑 12000 3个月 …`) gives its sum and its period;
 *  - the period question understands 今年开春到现在, 9.15到现在, 9/15到现在, 俩月, 仨月, 两月, 十月一以后, and asks
 *    which months for a festival's day alone (`中秋节前`, `春节前后`); the leaving and start-work questions
 *    understand 9.15, 十月一以后, 前年开春;
 *  - one person's own amount far above a plausible wage for the months (`100万` for three months) is confirmed.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findAmounts, findPeriod } from '../../flows/parsers/mentions.js';
import { parseMonthDetailed } from '../../flows/parsers/month.js';
import { parsePeriod } from '../../flows/parsers/period.js';
import { checkGroupAmount, checkOwnAmount } from '../../flows/wage-checks.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const TODAY = new Date(NOW);
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });
const approx = (yuan: number) => ({ yuan, approx: true, upTo: null });
const range = (yuan: number, upTo: number) => ({ yuan, approx: true, upTo });

/** A wage report up to the period question (河西物业, 河西街道, community not known, not construction). */
const toPeriod = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意', '河西物业', '河西', '不清楚').send('2').expect(/哪段时间的工资/);

describe('whose sum: the group\'s total or each one\'s share', () => {
  it('a sum owed to 我们 as the subject is said for the group (the caller makes it the total when two or more are owed)', () => {
    expect(findAmounts('我帮我们班组的人问一下 我们十二个人被欠了二十万')).toMatchObject({ own: exact(200_000), ownSaidForGroup: true });
    expect(findAmounts('我们十几个人 欠了大概二三十万')).toMatchObject({ own: range(200_000, 300_000), ownSaidForGroup: true });
    expect(findAmounts('我们都被老板欠了三万')).toMatchObject({ own: exact(30_000), ownSaidForGroup: true });
  });

  it('near misses: our boss (我们老板欠了两万), the person named (欠了我两万), stay the person\'s own', () => {
    expect(findAmounts('我们老板欠了两万')).toEqual({ own: exact(20_000), group: null, spans: [[6, 8]] });
    expect(findAmounts('我们五个人 老板欠了我两万')).not.toHaveProperty('ownSaidForGroup');
  });

  it('what each is owed (每个人大概五六千, 每人欠了一万) is the person\'s own share, never the group\'s total', () => {
    const said = '喂你好那个我想问一下就是我们老板欠了我们工资不给我们一共有十几个人每个人大概五六千的样子在白沙镇那边一个砖厂';
    const r = findAmounts(said);
    expect(r).toMatchObject({ own: range(5000, 6000), group: null });
    expect(r).not.toHaveProperty('ownSaidForGroup');
    expect(findAmounts('我们三个人每人欠了一万')).toMatchObject({ own: exact(10_000), group: null });
    expect(findAmounts('我们三个人每人欠了一万')).not.toHaveProperty('ownSaidForGroup');
    // A total besides it is still the group's.
    expect(findAmounts('每人五千 我们一共五万')).toMatchObject({ own: exact(5000), group: exact(50_000) });
  });

  it('几千块 is no figure; 十几万 reads as the range it leaves (110,000–190,000); 两万不到 is about two thousand, not exactly', () => {
    expect(findAmounts('几千块')).toEqual({ own: null, group: null, spans: [] });
    expect(findAmounts('老板欠了我好几千')).toEqual({ own: null, group: null, spans: [] });
    expect(findAmounts('欠了十几万').own).toEqual(range(110_000, 190_000));
    expect(findAmounts('欠我两万不到').own).toEqual(approx(20_000));
    expect(findAmounts('欠了三千块').own).toEqual(exact(3000));
    // 几十万 and 数万 are no figures either; 总数两万 is one.
    expect(findAmounts('欠了几十万').own).toBeNull();
    expect(findAmounts('欠了数万').own).toBeNull();
    expect(findAmounts('工资总数两万没给').own).toEqual(exact(20_000));
  });

  it('a message of keywords gives its one sum; two sums, or no word about wages owed, give none', () => {
    const said = '欠薪 东龙镇 宏达建筑 12000 3个月 王大军 13812345678';
    expect(findAmounts(said)).toEqual({ own: exact(12_000), group: null, spans: [[12, 17]] });
    expect(findAmounts('欠薪 宏达建筑 12000 8000')).toEqual({ own: null, group: null, spans: [] });
    expect(findAmounts('东龙镇 宏达建筑 12000 王大军')).toEqual({ own: null, group: null, spans: [] });
  });
});

describe('the period in a sentence: only months said as owed', () => {
  it.each([
    ['how long they worked, with a sum owed', '我在宏达做了半年欠我五千'],
    ['how long they worked, with what is still owed', '我们班组8个人在河西街道锦绣社区的楼盘干了三个月 还差工钱7万4'],
    ['time gone by since', '那个我老板欠我两万块钱然后他说过完年再给但是现在又过了一年了还是不给我在桂山镇做装修的'],
    ['a count of months, the work in another year', '嗯嗯就是说我去年在河西街道那边的河西物业干保安干了大半年然后到现在还有四个月工资没发每个月三千五'],
    ['last month and this month (this month\'s wage not due: asked, never last month alone)', '我在石岭镇青溪电子上班上个月工资和这个月工资都没发一个月四千二'],
  ])('%s (%j): none', (_, said) => {
    expect(findPeriod(said, TODAY)).toBeNull();
  });

  it.each([
    ['nothing paid for the time worked', '俺在桂山镇的厂子干了半年 一分钱莫得', '2026-06', '2026-11'],
    ['the boss gives nothing', '干了三个月老板不给钱', '2026-09', '2026-11'],
    ['俩月, nothing paid', '俺在工地干了俩月 一分钱都没拿到', '2026-10', '2026-11'],
    ['the months unpaid, not the time worked', '干了半年 三个月没发工资', '2026-09', '2026-11'],
    ['the months unpaid, the years worked in another clause', '在这干了两年，最近三个月没发工资了', '2026-09', '2026-11'],
    ['a year named for leaving (counted back from it later)', '去年10月走的 欠了三个月工资', '2026-09', '2026-11'],
    ['two months before this one', '上上个月和上个月的工资都没发', '2026-10', '2026-11'],
    ['a message of keywords', '欠薪 东龙镇 宏达建筑 12000 3个月 王大军 13812345678', '2026-09', '2026-11'],
  ])('%s (%j): %s to %s', (_, said, start, end) => {
    expect(findPeriod(said, TODAY)?.value).toMatchObject({ start, end });
  });
});

describe('the period as answered', () => {
  it.each([
    ['俩月', '2026-10', '2026-11', null],
    ['仨月', '2026-09', '2026-11', null],
    ['两月', '2026-10', '2026-11', null],
    ['欠了两月', '2026-10', '2026-11', null],
    ['9.15到现在', '2026-09', null, null],
    ['9/15到现在', '2026-09', null, null],
    ['今年开春到现在', '2026-03', null, '今年开春按2026年3月算'],
    ['开春以后', '2026-03', null, '开春以后按2026年3月算'],
    ['十月一以后', '2026-10', null, '十月一以后按2026年10月算'],
    ['10月1号以后', '2026-10', null, null],
    ['上个月工资和这个月工资', '2026-11', '2026-11', '这个月的工资一般下个月才发，先算到2026年11月'],
    // Near misses that stay as they were.
    ['二月', '2026-02', '2026-02', null],
    ['今年7月到中秋节前', '2026-07', '2026-09', '中秋节前按2026年9月算'],
    ['中秋后', '2026-09', null, '中秋后按2026年9月算'],
    ['腊月', '2026-01', '2026-01', '腊月按2026年1月算'],
  ])('%j is %s to %s', (said, start, end, inferred) => {
    const p = parsePeriod(said, TODAY);
    expect(p.ok && { start: p.value.start, end: p.value.end, inferred: p.value.inferred }).toEqual({ start, end, inferred });
  });

  it.each(['中秋节前', '春节前后', '年前', '国庆前'])('%j alone (a festival\'s day) asks which months', (said) => {
    expect(parsePeriod(said, TODAY)).toEqual({ ok: false, error: `“${said}”具体是哪几个月的工资？请说从哪个月到哪个月，例如“今年3月到8月”或“三个月”。` });
  });

  it('9.15 alone is a day, not a period', () => {
    expect(parsePeriod('9.15', TODAY).ok).toBe(false);
  });
});

describe('the month left, and when the work started', () => {
  it.each([
    ['9.15', '2026-09', null],
    ['9/15', '2026-09', null],
    ['十月一以后', '2026-10', '十月一以后按2026年10月算'],
    ['前年开春', '2024-02', '前年开春按2024年2月算'],
  ])('%j is %s', (said, month, inferred) => {
    expect(parseMonthDetailed(said, TODAY)).toEqual({ ok: true, value: { month, inferred } });
  });

  it('not a day: 13.5, 9.32; 两月 is no month', () => {
    expect(parseMonthDetailed('13.5', TODAY).ok).toBe(false);
    expect(parseMonthDetailed('9.32', TODAY).ok).toBe(false);
    expect(parseMonthDetailed('两月', TODAY).ok).toBe(false);
  });
});

describe('an own amount far above what one person is owed', () => {
  const period = (months: number) => ({ start: '2026-09', end: '2026-11', months });
  it('is confirmed (above 10万 a month, or 50万 with the months not known); within it, nothing to say', () => {
    expect(checkOwnAmount(exact(1_000_000), { period: period(3) })).toMatchObject({ kind: 'confirm', ack: expect.stringMatching(/您一个人3个月被拖欠1,000,000元，比一般多不少/) });
    expect(checkOwnAmount(exact(600_000), {})).toMatchObject({ kind: 'confirm' });
    expect(checkOwnAmount(exact(300_000), { period: period(3) })).toBeNull();
    expect(checkOwnAmount(exact(400_000), {})).toBeNull();
  });
});

describe('transcripts', () => {
  it('我们十二个人被欠了二十万: the group\'s total with 12 people, and the person\'s own share asked', async () => {
    await converse(t.chat, 'web:a3s1')
      .sendAll('我帮我们班组的人问一下 我们十二个人被欠了二十万')
      .send('同意')
      .expect(/我理解的是：被拖欠人数「12人」、大家一共被拖欠「200,000元」。对吗？/)
      .expectNot(/拖欠金额「200,000元」/)
      .send('对');
    const s = await session('web:a3s1');
    expect(s.answers).toMatchObject({ groupAmount: exact(200_000), headcount: { count: 12 } });
    expect(s.answers).not.toHaveProperty('amount');
  });

  it('我们十几个人 欠了大概二三十万: the group\'s total, never 「您自己的…已经记下了」', async () => {
    await converse(t.chat, 'web:a3s2')
      .sendAll('我们十几个人 欠了大概二三十万')
      .send('同意')
      .expect(/大家一共被拖欠「约200,000至300,000元」/)
      .expectNot(/拖欠金额「/);
  });

  it('每个人大概五六千 is the person\'s own (about 5,000 to 6,000), never the group\'s total', async () => {
    await converse(t.chat, 'web:a4s1')
      .sendAll('喂你好那个我想问一下就是我们老板欠了我们工资不给我们一共有十几个人每个人大概五六千的样子在白沙镇那边一个砖厂')
      .send('同意')
      .expect(/拖欠金额「约5,000至6,000元」/)
      .expectNot(/大家一共被拖欠/);
  });

  it('做了半年欠我五千: the sum, and no period from the time worked', async () => {
    await converse(t.chat, 'web:a10s1').sendAll('我在宏达做了半年欠我五千').send('同意').expect(/拖欠金额「5,000元」/).expectNot(/拖欠时间/);
  });

  it('a message of keywords keeps its sum and its period', async () => {
    await converse(t.chat, 'web:b2s1')
      .sendAll('欠薪 东龙镇 宏达建筑 12000 3个月 王大军 13812345678')
      .send('同意')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」/)
      .expect(/拖欠金额「12,000元（3个月一共）」/);
  });

  it('几千块 at the amount question is asked again, never 1,000元', async () => {
    await toPeriod('web:a11s1').send('今年9月到11月').send('几千块').expect(/没法记下来/).expectNot(/1,000元/);
  });

  it.each([
    ['今年开春到现在', /今年开春按2026年3月算[\s\S]*拖欠时间「2026年3月至今（9个月）」。对吗？/],
    ['十月一以后', /十月一以后按2026年10月算[\s\S]*拖欠时间「2026年10月至今（2个月）」。对吗？/],
  ])('%s at the period question is read, and confirmed', async (said, confirmed) => {
    await toPeriod(`web:b3-${said}`).send(said).expect(confirmed);
  });

  it.each(['9.15到现在', '9/15到现在', '俩月', '仨月'])('%s at the period question is taken', async (said) => {
    await toPeriod(`web:b3-${said}`).send(said).expect(/您自己一共被拖欠了多少钱/);
    expect((await session(`web:b3-${said}`)).answers).toHaveProperty('period');
  });

  it('中秋节前 at the period question asks which months', async () => {
    await toPeriod('web:c9s1').send('中秋节前').expect(/“中秋节前”具体是哪几个月的工资？/).expectNot(/对吗/);
    expect((await session('web:c9s1')).answers).not.toHaveProperty('period');
  });

  it('100万 for three months is confirmed; 不对 asks again; 8000 goes straight on', async () => {
    await toPeriod('web:b17s1')
      .send('三个月')
      .send('100万')
      .expect(/您一个人3个月被拖欠1,000,000元，比一般多不少/)
      .expect(/我理解的是：拖欠金额「1,000,000元」。对吗？/)
      .send('不对')
      .expect(/您自己一共被拖欠了多少钱/)
      .send('8000')
      .expect(/一共有多少人被拖欠/);
    expect((await session('web:b17s1')).answers).toMatchObject({ amount: exact(8000) });
    await toPeriod('web:b17s2').send('三个月').send('3万').expect(/一共有多少人被拖欠/).expectNot(/比一般多不少/);
  });

  it('the leaving question understands 9.15 and 十月一以后 (confirmed)', async () => {
    const upToLeft = (user: string) =>
      toPeriod(user).sendAll('今年3月到9月', '8000', '就我一个').send('已经离开').expect(/什么时候离开的/);
    await upToLeft('web:b4s1').send('9.15').expectNot(/没看明白/);
    expect((await session('web:b4s1')).answers).toMatchObject({ leftSince: '2026-09' });
    await upToLeft('web:b4s2').send('十月一以后就没去了').expect(/离开时间「2026年10月」。对吗？/);
  });
});

describe('a group total no more than one person’s (replay 3)', () => {
  it('十几个人, 每个人五六千, then 五千多 for all: confirmed with why, never taken silently; 不对 asks again', async () => {
    await converse(t.chat, 'web:g3a')
      .sendAll('喂你好那个我想问一下就是我们老板欠了我们工资不给我们一共有十几个人每个人大概五六千的样子在白沙镇那边一个砖厂', '1', '对', '白沙砖厂', '不清楚', '2', '今年8月到11月')
      .send('五千多')
      .expect(/和您自己的（约5,000至6,000元）差不多。你们10多个人加起来，一般比一个人的多/)
      .expect(/大家一共被拖欠「约5,000元」。对吗？/);
    expect((await session('web:g3a')).answers).not.toHaveProperty('groupAmount');
  });

  it('checkGroupAmount: the same figure is left to the flow; a bigger total passes', () => {
    const own = { yuan: 12000, approx: false, upTo: null };
    const k = { amount: own, headcount: { count: 5, approximate: false } };
    expect(checkGroupAmount({ ...own }, k)).toBeNull();
    expect(checkGroupAmount({ yuan: 60000, approx: false, upTo: null }, k)).toBeNull();
    expect(checkGroupAmount({ yuan: 12000, approx: true, upTo: null }, k)).toMatchObject({ kind: 'confirm' });
    expect(checkGroupAmount({ yuan: 12000, approx: true, upTo: null }, { amount: own, headcount: { count: 1, approximate: false } })).toBeNull();
  });
});
