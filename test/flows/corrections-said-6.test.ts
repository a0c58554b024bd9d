/*
 * Corrections and period wording as people say them (probe round 6), as transcripts on real Redis:
 *  - A1: a new start said for a period that had an end (`时间不对 是5月开始的`, `改 6` then `5月开始`,
 *    `是从5月开始欠的` for 6月至11月) keeps that end (5月至11月) and is confirmed; never 「至今」.
 *  - A2, B13: `不是X 是Y` / `是Y不是X`, where X says an answer given (宏达 for 宏达建筑, 两万三 for 23,000元,
 *    11月 for the month left), changes that answer: the employer confirmed (never the project's name), the
 *    amount said back; the month left checked against the period as any answer to it is.
 *  - A5: `2月到9月 中间6月份发了` is said back as 7 months, June taken out, and confirmed; pay received that the
 *    period does not account for (`发了一点`) is said back with it, never dropped silently.
 *  - B14: `时间是今年5月到10月`, `8 9 10三个月` are read; `11月到1月` on 1 December 2026 is proposed as
 *    2025年11月至2026年1月 and confirmed.
 *  - B15: a question asked with the report's facts (`…东龙的宏达 欠我钱 两万三 过年前要回来行不行`) keeps the
 *    facts (confirmed), never drops them for a general answer.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { parsePeriod } from '../../flows/parsers/period.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A report about 宏达建筑 in 东龙镇, 23,000元, answered up to the period question (项目名称 不知道). */
const OPENING = ['我要举报欠薪', '1', '宏达建筑欠我两万三 东龙镇', '对', '不清楚', '1', '不知道'];
const toPeriod = (user: string) => converse(t.chat, user).sendAll(...OPENING.slice(0, -1)).send('不知道').expect(/拖欠的是哪段时间的工资？/);
/** The same report to its summary: 6月至11月, alone, left last month, contact 张伟. */
const toSummary = (user: string) =>
  toPeriod(user)
    .sendAll('今年6月到11月', '就我一个', '2', '上个月', '都跳过', '没有', '张伟')
    .send('13912345678')
    .expect(/请核对您要反映的欠薪情况/)
    .expect(/拖欠时间：2026年6月至2026年11月（6个月）/);
const NOT_READ = /没看明白/;

describe('A1: a new start keeps the end said before', () => {
  it('时间不对 是5月开始的 at the summary: 5月至11月, confirmed; never 至今', async () => {
    await toSummary('web:c6-a1a')
      .send('时间不对 是5月开始的')
      .expect(/结束还按之前说的2026年11月/)
      .expect(/拖欠时间「2026年5月至2026年11月（7个月）」，对吗？/)
      .expectNot(/至今|已改为/)
      .send('对')
      .expect(/拖欠时间：2026年5月至2026年11月（7个月）/);
    expect((await session('web:c6-a1a')).answers).toMatchObject({ period: { start: '2026-05', end: '2026-11', months: 7 }, leftSince: '2026-11' });
  });

  it('改 6, then 5月开始: the same, confirmed before it counts', async () => {
    await toSummary('web:c6-a1b')
      .send('改 6')
      .expect(/之前填的是：2026年6月至2026年11月/)
      .send('5月开始')
      .expect(/拖欠时间「2026年5月至2026年11月（7个月）」，对吗？/)
      .expectNot(/至今/);
    expect((await session('web:c6-a1b')).answers).toMatchObject({ period: { start: '2026-06', end: '2026-11' } });
  });

  it('是从5月开始欠的 at the summary: proposed as 5月至11月', async () => {
    await toSummary('web:c6-a1c')
      .send('是从5月开始欠的')
      .expect(/拖欠时间「2026年5月至2026年11月（7个月）」，对吗？/)
      .expectNot(/至今/)
      .send('对')
      .expect(/拖欠时间：2026年5月至2026年11月（7个月）/);
  });
});

describe('A2, B13: not this but that, where this says an answer given', () => {
  it('说错了 不是宏达 是宏远 (the project name answered last): the employer, confirmed; never the project name', async () => {
    await toPeriod('web:c6-a2a')
      .send('说错了 不是宏达 是宏远')
      .expect(/用人单位「宏远」，对吗？/)
      .expect(/之前填的是：用人单位「宏达建筑」/)
      .expectNot(/项目名称已改为/)
      .send('对')
      .expect(/拖欠的是哪段时间的工资？/);
    const a = (await session('web:c6-a2a')).answers;
    expect(a).toMatchObject({ employer: '宏远' });
    expect(a.projectName ?? null).toBeNull();
  });

  it('单位不是宏达 是宏远 at the headcount question: the employer, confirmed, then the headcount again', async () => {
    await toPeriod('web:c6-a2b')
      .send('今年6月到11月')
      .expect(/一共有多少人被拖欠？/)
      .send('单位不是宏达 是宏远')
      .expectNot(/没看明白有多少人/)
      .expect(/用人单位「宏远」，对吗？/)
      .send('对')
      .expect(/一共有多少人被拖欠？/);
    expect((await session('web:c6-a2b')).answers).toMatchObject({ employer: '宏远', period: { start: '2026-06', end: '2026-11' } });
  });

  it('欠的是两万五不是两万三 at the summary: the amount changed and said', async () => {
    await toSummary('web:c6-b13a')
      .send('欠的是两万五不是两万三')
      .expect(/拖欠金额已改为「25,000元」/)
      .expect(/拖欠金额：25,000元/);
    expect((await session('web:c6-b13a')).answers).toMatchObject({ amount: { yuan: 25000 } });
  });

  it('我是10月走的 不是11月 at the summary: the month left, checked against the period (which ends in November)', async () => {
    await toSummary('web:c6-b13b')
      .send('我是10月走的 不是11月')
      .expect(/2026年10月就离开了/)
      .expect(/2026年6月至2026年10月（5个月）/)
      .send('2')
      .expect(/拖欠时间：2026年6月至2026年10月（5个月）/)
      .expect(/离开时间：2026年10月/);
    expect((await session('web:c6-b13b')).answers).toMatchObject({ leftSince: '2026-10', period: { start: '2026-06', end: '2026-10', months: 5 } });
  });
});

describe('A5: months paid inside the period', () => {
  const toPeriodB = (user: string) =>
    converse(t.chat, user).sendAll('我要举报欠薪', '1', '鑫源电子厂', '石岭镇', '1', '不清楚').send('2').expect(/拖欠的是哪段时间的工资？/);

  it('2月到9月 中间6月份发了: 7 months, June said taken out, confirmed', async () => {
    await toPeriodB('web:c6-a5a')
      .send('2月到9月 中间6月份发了')
      .expect(/6月的发了.*除去6月，一共7个月/)
      .expect(/拖欠时间「2026年2月至2026年9月[^」]*7个月）」。对吗？/)
      .expectNot(/一共被拖欠了多少钱/)
      .send('对')
      .expect(/一共被拖欠了多少钱/);
    expect((await session('web:c6-a5a')).answers).toMatchObject({ period: { start: '2026-02', end: '2026-09', months: 7 } });
  });

  it('2月到9月 中间6月份发了一点: the words said back with the period, confirmed, never taken silently', async () => {
    await toPeriodB('web:c6-a5b')
      .send('2月到9月 中间6月份发了一点')
      .expect(/「中间6月份发了一点」/)
      .expect(/拖欠时间「2026年2月至2026年9月（8个月）」。对吗？/)
      .expectNot(/一共被拖欠了多少钱/);
    expect((await session('web:c6-a5b')).answers).not.toHaveProperty('period');
  });

  it('the parser: a paid end month moves the end; a paid month outside the period is asked about', () => {
    const now = new Date(NOW);
    expect(parsePeriod('2月到9月，9月的发了', now)).toMatchObject({ ok: true, value: { start: '2026-02', end: '2026-08', months: 7 } });
    expect(parsePeriod('2月到9月 除了6月', now)).toMatchObject({ ok: true, value: { start: '2026-02', end: '2026-09', months: 7 } });
    expect(parsePeriod('2月到9月 中间11月发了', now)).toMatchObject({ ok: false });
  });
});

describe('B14: period wording', () => {
  it('时间是今年5月到10月 is read', async () => {
    await toPeriod('web:c6-b14a').send('时间是今年5月到10月').expectNot(NOT_READ).expect(/一共有多少人被拖欠？/);
    expect((await session('web:c6-b14a')).answers).toMatchObject({ period: { start: '2026-05', end: '2026-10', months: 6 } });
  });

  it('8 9 10三个月 is August to October', async () => {
    await toPeriod('web:c6-b14b').send('8 9 10三个月').expectNot(NOT_READ).expect(/一共有多少人被拖欠？/);
    expect((await session('web:c6-b14b')).answers).toMatchObject({ period: { start: '2026-08', end: '2026-10', months: 3 } });
  });

  it('11月到1月 on 1 December 2026: 2025年11月至2026年1月, confirmed', async () => {
    await toPeriod('web:c6-b14c')
      .send('11月到1月')
      .expectNot(/结束月份不能晚于/)
      .expect(/按2025年11月至2026年1月算/)
      .expect(/拖欠时间「2025年11月至2026年1月（3个月）」。对吗？/)
      .send('对')
      .expect(/一共有多少人被拖欠？/);
    expect((await session('web:c6-b14c')).answers).toMatchObject({ period: { start: '2025-11', end: '2026-01', months: 3 } });
  });
});

describe('B15: a question asked with the facts of the report', () => {
  it('…东龙的宏达 欠我钱 两万三 过年前要回来行不行 at the employer question: the town and amount kept, confirmed', async () => {
    await converse(t.chat, 'web:c6-b15a')
      .sendAll('我要举报欠薪', '1')
      .send('就是那个东龙的宏达 欠我钱 两万三 过年前要回来行不行')
      .expect(/干活的地方「东龙镇」、拖欠金额「23,000元」。对吗？/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字？/);
    const a = (await session('web:c6-b15a')).answers;
    expect(a).toMatchObject({ amount: { yuan: 23000 } });
    expect(a).toHaveProperty('location');
  });

  it('欠了三个月工资 能要回来吗 (one fact) stays a question', async () => {
    await converse(t.chat, 'web:c6-b15b').sendAll('我要举报欠薪', '1').send('欠了三个月工资 能要回来吗').expectNot(/我理解的是/).expect(/欠您工资的单位叫什么名字？/);
  });
});
