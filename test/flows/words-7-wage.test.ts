/*
 * The wage report, words said early or loosely (probe 7), as transcripts on real Redis:
 *  - 1: an opening message with the months and a monthly wage (`老板欠我工资两个月 一个月四千`) offers both the
 *    period and what they come to (8,000元) after the consent, as the same words do at a later question;
 *  - 2: `十几万` is 110,000–190,000 (never 约100,000), `二十几万` 210,000–290,000, `一万几千` 11,000–19,000;
 *    `二十多万` stays about 200,000;
 *  - 3: `8000 三个月` at the township or the period question: whether 8,000 is the total or a month's wage is asked
 *    (never guessed), then the amount and the months are confirmed in one line and the township asked again;
 *    `欠了两个月 一个月4000` at the period question offers both pieces in one line;
 *  - 4: a period with a paid month in it (`2月到现在 中间6月份发了`) cut at the month left keeps the paid month out;
 *  - 5: openers with a trade (`我是钢筋工 …`, `我是瓦工 …`) take no trade as the employer or a name, and building
 *    trades are read as building work (confirmed);
 *  - 6: `工作群里有聊天记录` at the evidence question is chat records held; `工作群里老板说过会给钱` is asked
 *    about first (a yes keeps it, a no keeps nothing).
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { parseAmount } from '../../flows/parsers/amount.js';
import { findAmounts } from '../../flows/parsers/mentions.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A report about 青溪宏达建筑工程有限公司, up to the township question. */
const toTownship = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意').send('青溪宏达建筑工程有限公司').expect(/您在哪个镇或街道干活/);
/** The same in 东龙镇 (not construction), up to the period question. */
const toPeriod = (user: string) => toTownship(user).sendAll('东龙镇', '不清楚').send('不是').expect(/拖欠的是哪段时间的工资/);

const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });
const range = (yuan: number, upTo: number) => ({ yuan, approx: true, upTo });

describe('1: months and a monthly wage in the opening message', () => {
  it('老板欠我工资两个月 一个月四千: the period and 8,000元 confirmed together after the consent', async () => {
    await converse(t.chat, 'web:w7a1')
      .send('老板欠我工资两个月 一个月四千')
      .expect(/您同意吗/)
      .send('同意')
      .expect(/我理解的是：拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「8,000元（4,000元×2个月）」。对吗？/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session('web:w7a1')).answers).toMatchObject({ period: { start: '2026-10', end: '2026-11', months: 2 }, amount: exact(8000) });
  });

  it('一个月四千 老板欠了我两个月: the rate first, the same', async () => {
    await converse(t.chat, 'web:w7a2')
      .sendAll('一个月四千 老板欠了我两个月')
      .send('同意')
      .expect(/拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「8,000元（4,000元×2个月）」/);
  });
});

describe('2: 几 as a digit of the amount', () => {
  it.each([
    ['十几万', 110_000, 190_000],
    ['二十几万', 210_000, 290_000],
    ['一万几千', 11_000, 19_000],
    ['大概十几万吧', 110_000, 190_000],
  ])('%s is the range it leaves', (said, low, high) => {
    expect(parseAmount(said)).toEqual({ ok: true, value: range(low, high) });
    expect(findAmounts(`老板欠我${said}`).own).toEqual(range(low, high));
  });

  it('二十多万 stays about 200,000; 几十万 is still no figure', () => {
    expect(parseAmount('二十多万')).toEqual({ ok: true, value: { yuan: 200_000, approx: true, upTo: null } });
    expect(parseAmount('几十万').ok).toBe(false);
  });

  // Owed to 我们 and more than one person is plausibly owed: the group's total (test/flows/said-8.test.ts D5), never
  // the person's own amount; confirmed once two or more are owed.
  it('老板欠了我们十几万: offered as 约110,000至190,000元, never 约100,000元', async () => {
    await converse(t.chat, 'web:w7b1')
      .send('老板欠了我们十几万')
      .send('同意')
      .expectNot(/拖欠金额「/)
      .sendAll('好再来饭店', '东龙', '新塘', '不是', '9月到11月', '6000')
      .send('3个人')
      .expect(/大家一共被拖欠「约110,000至190,000元」/)
      .expectNot(/约100,000元/);
  });

  it('我们十几个人 老板欠了十几万: ten-odd people, and their total as the range', async () => {
    await converse(t.chat, 'web:w7b2').send('我们十几个人 老板欠了十几万').send('同意').expect(/被拖欠人数「10多人」、大家一共被拖欠「约110,000至190,000元」/);
  });
});

describe('3: money and months said early', () => {
  it('8000 三个月 at the township question: asked whether 8,000 is the total; 一共 holds both, confirmed; the township again', async () => {
    await toTownship('web:w7c1')
      .send('8000 三个月')
      .expect(/您说的8,000元，是3个月一共欠的，还是每个月的工资？/)
      .expectNot(/没找到/)
      .send('1')
      .expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「8,000元」。对吗？/)
      .send('对')
      .expect(/您在哪个镇或街道干活/);
    expect((await session('web:w7c1')).answers).toMatchObject({ period: { start: '2026-09', end: '2026-11', months: 3 }, amount: exact(8000) });
  });

  it('八千 三个月 at the township question, a month\'s wage: 24,000 with the months, confirmed', async () => {
    await toTownship('web:w7c2')
      .send('八千 三个月')
      .expect(/还是每个月的工资/)
      .send('2')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「24,000元（8,000元×3个月）」/)
      .send('对')
      .expect(/您在哪个镇或街道干活/);
    expect((await session('web:w7c2')).answers.amount).toEqual({ ...exact(24_000), how: '8,000元×3个月', monthly: { rate: 8000, months: 3 } });
  });

  it('8000 三个月 at the period question: asked which, then both offered in one line', async () => {
    await toPeriod('web:w7c3')
      .send('8000 三个月')
      .expect(/您说的8,000元，是3个月一共欠的，还是每个月的工资？/)
      .send('1')
      .expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「8,000元」。对吗？/)
      .send('对')
      .expect(/一共有多少人被拖欠/);
    expect((await session('web:w7c3')).answers).toMatchObject({ period: { months: 3 }, amount: exact(8000) });
  });

  it('欠了两个月 一个月4000 at the period question: both offered in one line', async () => {
    await toPeriod('web:w7c4')
      .send('欠了两个月 一个月4000')
      .expect(/我理解的是：拖欠时间「2026年10月至2026年11月（2个月）」、拖欠金额「8,000元」。对吗？/)
      .send('对')
      .expect(/一共有多少人被拖欠/);
    expect((await session('web:w7c4')).answers).toMatchObject({ period: { months: 2 }, amount: exact(8000) });
  });

  it('300 两个月 (a bare small figure) is not read as money', async () => {
    await toTownship('web:w7c5').send('300 两个月').expectNot(/拖欠金额|每个月的工资/);
  });
});

describe('4: a paid month kept out when the period is cut at the month left', () => {
  it('2月到现在 中间6月份发了, left in September: February to September less June, 7 months', async () => {
    await toPeriod('web:w7d1')
      .send('2月到现在 中间6月份发了')
      .expect(/9个月/)
      .sendAll('对', '8000', '就我一个')
      .send('走了')
      .expect(/什么时候离开的/)
      .send('9月')
      .expect(/拖欠时间「2026年2月至2026年9月，中间有1个月发了（欠7个月）」/)
      .send('对');
    expect((await session('web:w7d1')).answers.period).toEqual({ start: '2026-02', end: '2026-09', months: 7 });
  });

  it('2月到9月 中间6月份发了, left in August: the choice cut at August keeps June out (6), the other counts back (7)', async () => {
    await toPeriod('web:w7d2')
      .sendAll('2月到9月 中间6月份发了', '对', '8000', '就我一个', '走了')
      .send('8月')
      .expect(/2026年2月至2026年8月，中间有1个月发了（欠6个月）/)
      .send('1');
    expect((await session('web:w7d2')).answers.period).toEqual({ start: '2026-02', end: '2026-08', months: 6 });
    await toPeriod('web:w7d3').sendAll('2月到9月 中间6月份发了', '对', '8000', '就我一个', '走了', '8月').send('2');
    expect((await session('web:w7d3')).answers.period).toEqual({ start: '2026-02', end: '2026-08', months: 7 });
  });
});

describe('5: openers with a trade', () => {
  it.each([
    ['我是钢筋工 老板欠我三个月工资', true, 'web:w7e1'],
    ['我是木工 老板欠我三个月工资', true, 'web:w7e2'],
    ['我是瓦工 老板欠我三个月工资', true, 'web:w7e3'],
    ['我是架子工 老板欠我三个月工资', true, 'web:w7e4'],
    ['我是电焊工 老板欠我三个月工资', false, 'web:w7e5'],
    ['我是小工 老板欠我三个月工资', false, 'web:w7e6'],
  ])('%s: no employer or name taken; building work read only for a building trade', async (said, building, user) => {
    await converse(t.chat, user)
      .send(said)
      .send('同意')
      .expect(building ? /工程建设项目「是」、拖欠时间「2026年9月至2026年11月（3个月）」/ : /我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .expectNot(/用人单位|联系人/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
    const a = (await session(user)).answers;
    expect(a).not.toHaveProperty('employer');
    expect(a).not.toHaveProperty('contactName');
  });
});

describe('6: a work group chat at the evidence question', () => {
  /** Up to the evidence question (the supplements skipped). */
  const toEvidence = (user: string) =>
    toPeriod(user).sendAll('三个月', '8000', '就我一个', '还在干').send('都跳过').expect(/有工资条、考勤记录、欠条、聊天记录之类的证据吗/);

  it('工作群里有聊天记录: chat records held, noted for staff', async () => {
    await toEvidence('web:w7f1').send('工作群里有聊天记录').expect(/好的，记下了/).expect(/怎么称呼您/);
    expect((await session('web:w7f1')).answers.evidenceHeld).toBe('工作群里有聊天记录');
  });

  it('工作群里老板说过会给钱: asked whether the chat records are there; a yes keeps them', async () => {
    await toEvidence('web:w7f2')
      .send('工作群里老板说过会给钱')
      .expect(/工作群里的聊天记录可以当证据/)
      .expectNot(/请直接发送照片或文件/)
      .send('有')
      .expect(/好的，记下了/);
    expect((await session('web:w7f2')).answers.evidenceHeld).toMatch(/工作群聊天记录.*老板说过会给钱/);
  });

  it('工作群里老板说过会给钱, then 没有: nothing kept', async () => {
    await toEvidence('web:w7f3').send('工作群里老板说过会给钱').expect(/可以当证据/).send('没有').expect(/怎么称呼您/);
    expect((await session('web:w7f3')).answers.evidenceHeld).toBeUndefined();
  });
});
