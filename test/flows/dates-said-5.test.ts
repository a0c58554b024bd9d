/*
 * Dates as people type them (probe round 5), as transcripts on real Redis:
 *  - B8: a whole day with its year and dots, slashes or dashes (`2026.11.5`, `2026/11/5`, `2026-11-05`) is the
 *    month left, at the question and in an opening message; as a period start (`2026.11.5以后`) it starts the
 *    period; alone at the period question it is one day, not a period (asked again). One not yet come
 *    (`2026.12.5` on 1 December) is said so and never stored; `12.5` (no year) is last year's, confirmed.
 *  - B8: `刚走` (`刚走的`, `我刚辞职`) at the leaving question: left lately. When that reaches back into last
 *    month the day is asked; later in a month its month is proposed and confirmed. `国庆后`, `国庆前走的`,
 *    `上上个月底` are read (pinned here).
 *  - A7: a start and its end said in two clauses (`从今年3月份开始干，一直干到10月底`) is one period ending in
 *    October, never 「3月至今」; `3月份开始干的` starts a period, never the single month March.
 *  - A8: `去年年底` at the period question is proposed as 2025年12月 and confirmed, never stored silently.
 *  - B15: at the legal-aid slot list, `明早` is tomorrow (as 明天上午 is), `明早9点` tomorrow at 9.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock, moved where a test says so).
 */
import { describe, expect, it } from 'vitest';
import { parseMonthDetailed } from '../../flows/parsers/month.js';
import { parsePeriod } from '../../flows/parsers/period.js';
import { parseDayTime } from '../../flows/parsers/day.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session } = chatOnClock(NOW);


/** A report about 宏达建筑公司, September to November, 8,000, one person: at 「什么时候离开的？」. */
const toLeft = (user: string, period = '今年9月到11月') =>
  converse(t.chat, user)
    .sendAll('我要反映欠薪', '同意', '宏达建筑公司', '东龙镇', '不清楚', '是', '青溪花园二期', period, '8000', '就我一个')
    .send('已经离开')
    .expect(/什么时候离开的？/);
/** The same report at the period question. */
const toPeriod = (user: string) =>
  converse(t.chat, user).sendAll('我要反映欠薪', '同意', '宏达建筑公司', '东龙镇', '不清楚', '是').send('青溪花园二期').expect(/拖欠的是哪段时间的工资？/);
const NOT_READ = /没看明白/;
const NEXT_SECTION = /还有几项补充信息/;

describe('B8: a day typed with its year', () => {
  for (const said of ['2026.11.5', '2026/11/5', '2026-11-05']) {
    it(`${said} at the leaving question is November 2026 (the period runs to November: nothing to ask)`, async () => {
      await toLeft(`web:d5a-${said}`).send(said).expectNot(NOT_READ).expect(NEXT_SECTION);
      expect((await session(`web:d5a-${said}`)).answers).toMatchObject({ stillEmployed: false, leftSince: '2026-11' });
    });
  }

  it('2026.12.5 (not yet come) is said so, and nothing is stored', async () => {
    await toLeft('web:d5b').send('2026.12.5').expect(/2026年12月5日还没到/).expectNot(NEXT_SECTION);
    expect((await session('web:d5b')).answers).not.toHaveProperty('leftSince');
  });

  it('12.5 without a year, on 1 December: last year\'s day, never this month as if it had come', () => {
    expect(parseMonthDetailed('12.5', new Date(NOW))).toEqual({ ok: true, value: { month: '2025-12', inferred: '今年的12月5日还没到，按2025年12月5日算' } });
    expect(parseMonthDetailed('12月5号', new Date(NOW))).toMatchObject({ ok: true, value: { month: '2025-12' } });
    expect(parseMonthDetailed('12.1', new Date(NOW))).toEqual({ ok: true, value: { month: '2026-12', inferred: null } });
  });

  for (const opener of ['2026.11.5离职的 工资到现在没结', '2026/11/5离职的 工资到现在没结']) {
    it(`「${opener}」: the leaving month is proposed with the leaving, never asked again`, async () => {
      await converse(t.chat, `web:d5c-${opener}`)
        .send(opener)
        .send('同意')
        .expect(/我理解的是：是否还在职「已经离开」、离开时间「2026年11月」。对吗？/)
        .send('对')
        .expectNot(/什么时候离开的/);
      expect((await session(`web:d5c-${opener}`)).answers).toMatchObject({ stillEmployed: false, leftSince: '2026-11' });
    });
  }

  it('2026.11.5以后 at the period question starts the period in November', async () => {
    await toPeriod('web:d5d').send('2026.11.5以后').expectNot(NOT_READ).expect(/您自己一共被拖欠了多少钱/);
    expect((await session('web:d5d')).answers).toMatchObject({ period: { start: '2026-11', end: null, months: 1 } });
  });

  it('2026.11.5 alone at the period question is one day, not a period: asked again, nothing stored', async () => {
    await toPeriod('web:d5e').send('2026.11.5').expect(NOT_READ);
    expect((await session('web:d5e')).answers).not.toHaveProperty('period');
    expect(parsePeriod('2026-11-05', new Date(NOW)).ok).toBe(false);
    expect(parsePeriod('2026.9.1到2026.11.30', new Date(NOW))).toMatchObject({ ok: true, value: { start: '2026-09', end: '2026-11', months: 3 } });
  });
});

describe('B8: other ways of saying when they left', () => {
  for (const said of ['刚走', '刚走的', '我刚辞职']) {
    it(`${said} on 1 December reaches back into November: the day is asked, then taken`, async () => {
      const shown = said === '我刚辞职' ? '刚辞职' : '刚走';
      await toLeft(`web:d5f-${said}`)
        .send(said)
        .expect(new RegExp(`“${shown}”是哪天走的？说几号就行`))
        .expectNot(NOT_READ)
        .send('11月28号')
        .expect(NEXT_SECTION);
      expect((await session(`web:d5f-${said}`)).answers).toMatchObject({ leftSince: '2026-11' });
    });
  }

  it('刚走 on 20 December: December is proposed and confirmed, not stored before 对', async () => {
    clock.set('2026-12-20T10:00:00+08:00');
    await toLeft('web:d5g').send('刚走').expect(/我理解的是：离开时间「2026年12月」。对吗？/);
    expect((await session('web:d5g')).answers).not.toHaveProperty('leftSince');
    await converse(t.chat, 'web:d5g').send('对').expect(NEXT_SECTION);
    expect((await session('web:d5g')).answers).toMatchObject({ leftSince: '2026-12' });
  });

  it('国庆后, 国庆前走的 are confirmed readings; 上上个月底 is October (pinned)', async () => {
    await toLeft('web:d5h1', '今年5月到8月').send('国庆后').expect(/我理解的是：离开时间「2026年10月」。对吗？/);
    await toLeft('web:d5h2', '今年5月到8月').send('国庆前走的').expect(/我理解的是：离开时间「2026年9月」。对吗？/);
    await toLeft('web:d5h3', '今年5月到8月').send('上上个月底').expectNot(NOT_READ);
    expect((await session('web:d5h3')).answers).toMatchObject({ leftSince: '2026-10' });
  });
});

describe('A7: a period said in two clauses', () => {
  it('从今年3月份开始干，一直干到10月底 at the period question is March to October, never 至今', async () => {
    await toPeriod('web:d5i').send('从今年3月份开始干，一直干到10月底').expectNot(NOT_READ).expectNot(/至今/);
    expect((await session('web:d5i')).answers).toMatchObject({ period: { start: '2026-03', end: '2026-10', months: 8 } });
  });

  it('3月份开始干的 starts a period (March on), never the single month March', () => {
    expect(parsePeriod('3月份开始干的', new Date(NOW))).toMatchObject({ ok: true, value: { start: '2026-03', end: null } });
    expect(parsePeriod('3月份开始干的，干到10月底', new Date(NOW))).toMatchObject({ ok: true, value: { start: '2026-03', end: '2026-10', months: 8 } });
  });
});

describe('A8: 去年年底 at the period question', () => {
  it('is proposed as 2025年12月 with the reading said, and stored only after 对', async () => {
    await toPeriod('web:d5j')
      .send('去年年底')
      .expect(/“去年年底”按2025年12月这一个月算。/)
      .expect(/我理解的是：拖欠时间「2025年12月（1个月）」。对吗？/);
    expect((await session('web:d5j')).answers).not.toHaveProperty('period');
    await converse(t.chat, 'web:d5j').send('对').expect(/您自己一共被拖欠了多少钱/);
    expect((await session('web:d5j')).answers).toMatchObject({ period: { start: '2025-12', end: '2025-12', months: 1 } });
  });

  it('去年年底到现在 is still a plain start, as said', () => {
    expect(parsePeriod('去年年底到现在', new Date(NOW))).toEqual({ ok: true, value: { start: '2025-12', end: null, months: 12, inferred: null } });
  });
});

describe('B15: 明早 at the legal-aid slot list', () => {
  const byPhone = (user: string) => converse(t.chat, user).sendAll('预约律师', '同意', '欠薪', '还在干', '东龙镇', '对').send('电话咨询').expect(/电话咨询最近的空闲时间/);

  it('明早 lists tomorrow\'s free times, as 明天上午 does', async () => {
    await byPhone('web:d5k').send('明早').expect(/12月2日（周三）(?:上午)?还能约的时间/).expectNot(/请回复时间前面的数字/);
  });

  it('明早 keeps the morning: tomorrow morning\'s times are listed', async () => {
    await byPhone('web:d5m').send('明早').expect(/12月2日（周三）上午还能约的时间/);
  });

  it('明早9点 takes tomorrow 09:00', async () => {
    await byPhone('web:d5l').send('明早9点').expect(/怎么称呼您/);
    expect((await session('web:d5l')).answers).toMatchObject({ slot: { day: '2026-12-02', time: '09:00' } });
  });

  it('the day words said short are read in full', () => {
    const now = new Date(NOW);
    expect(parseDayTime('明早', now, 'future')).toEqual({ ok: true, value: { day: '2026-12-02', time: null } });
    expect(parseDayTime('明晚7点', now, 'future')).toEqual({ ok: true, value: { day: '2026-12-02', time: '19:00' } });
    expect(parseDayTime('明天上午', now, 'future')).toEqual({ ok: true, value: { day: '2026-12-02', time: null } });
  });
});
