/*
 * The wage report (helper h6), as transcripts on real Redis:
 *  - H1: two figures said as either one at the headcount question (`5个吧 也可能6个`, `5个或者6个`, `五个或六个`) are a
 *    rough count from the lower to the higher (5至6人), as `五六个` is, never an exact 5;
 *  - H2: two different answers and nothing else at a question (`三个月 嗯 四个月吧`): which one is asked, the two as
 *    options, nothing stored until one is picked; one answer beside an alternative (`3月到5月 或者6月`) is confirmed;
 *  - H3: a monthly wage said of the person and someone else together (`我和我老婆每月工资加起来一万 欠了三个月`) is
 *    never the person's own amount: the two of them's total, that wage times the months (about), is confirmed with the
 *    count, and the person's own asked (changed by h9, as its brief asked: it was no total at all).
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** Up to the period question: consent, employer, town, village, not construction. */
const toPeriod = (user: string) =>
  converse(t.chat, user).send('老板拖了我工资').send('1').send('好再来饭店').send('东龙').send('新塘').send('不是').expect(/哪段时间/);

describe('H1: two figures said as either one at the headcount question', () => {
  it.each([
    ['5个吧 也可能6个', 'web:h6a'],
    ['5个或者6个', 'web:h6b'],
    ['五个或六个', 'web:h6c'],
    ['5到6个人', 'web:h6d'],
  ])('%s: 5至6人, approximate, never an exact 5', async (said, user) => {
    await toPeriod(user).send('三个月').send('6000').expect(/多少人被拖欠/).send(said).expect(/你们5至6个人一共被拖欠多少钱/);
    const a = (await session(user)).answers;
    expect(a.headcount).toEqual({ count: 5, approximate: true, upTo: 6 });
  });
});

describe('H2: two different answers at one question', () => {
  it('三个月 嗯 四个月吧: which one asked, nothing kept until picked', async () => {
    await toPeriod('web:h6e').send('三个月 嗯 四个月吧').expect(/是三个月还是四个月/).expect(/1\. 三个月/).expect(/2\. 四个月/).expectNot(/没看明白/);
    expect((await session('web:h6e')).answers).not.toHaveProperty('period');
    await converse(t.chat, 'web:h6e').send('2').expect(/您自己一共被拖欠了多少钱/);
    expect((await session('web:h6e')).answers.period).toMatchObject({ months: 4 });
  });

  it('3月到5月 或者6月: the range read is confirmed, never kept silently', async () => {
    await toPeriod('web:h6j').send('3月到5月 或者6月').expect(/我理解的是：拖欠时间「2026年3月至2026年5月（3个月）」。对吗/);
    expect((await session('web:h6j')).answers).not.toHaveProperty('period');
  });
});

describe('H3: a monthly wage of the person and someone else together', () => {
  it.each([
    ['我和我老婆每月工资加起来一万 欠了三个月', 'web:h6f'],
    ['我老婆和我 每月一共一万 欠三个月了', 'web:h6g'],
    ['我们两口子每个月加起来一万 欠了三个月', 'web:h6h'],
  ])('%s: never the own amount; the two of them\'s total, about, confirmed', async (said, user) => {
    await converse(t.chat, user).send(said).expect(/需要您同意/).send('同意').expect(/拖欠时间「2026年9月至2026年11月（3个月）」/).expectNot(/拖欠金额「/).expect(/被拖欠人数「2人」、大家一共被拖欠「约30,000元」/);
    await converse(t.chat, user).send('对');
    const a = (await session(user)).answers;
    expect(a).not.toHaveProperty('amount');
    expect(a.groupAmount).toEqual({ yuan: 30000, approx: true, upTo: null });
  });
});
