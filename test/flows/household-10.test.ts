/*
 * Household and informal workers at the wage report (probe round 10, /tmp/p10/findings.md), as tables and as
 * transcripts on real Redis. Only a value the person meant is kept:
 *  - A1: `我在家政公司上班 …`: never 「政公司」 (家 of 家政 is no measure word).
 *  - A2: `我在电子厂上班 公司欠我…`: never 「电子厂上班公司」 (a unit glued across the work verb and the space).
 *  - A3: `干了半年 最后三个月没给钱`: the last three months, never the half year worked; when the part said unpaid
 *    cannot be read (`… 8月就不干了`), the half year is not taken either.
 *  - A4: `搬家公司欠我三千`, `保洁公司欠我三千`: a kind of company, never kept as its name.
 *  - B1: `我是做家政的 雇主欠我…`: a family employs them (proposed, confirmed), so `张太太` is not asked which kind;
 *    never so when a 家政公司 is named.
 *  - B2: `我在医院当护工 是病人家属请的`: the family employs them.
 *  - B3: `我 是 做 保 姆 的 雇 主 不 给 工 资 三 个 月 了`: read as typed without the spaces.
 *  - B4: `她儿子欠我三个月工资 一个月五千`, `老板不给钱三个月了 一个月四千`: the months times the monthly wage.
 *  - A5: `是私人的房子` at the project question: no project name, never kept as one.
 *  - B7: at 「还在这家单位干吗？」 `还没干完` is still there (never 已经离开); `活干完了` is gone.
 *  - B8: `保母` (the older spelling of 保姆) is read as 保姆.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { findEmployerKind } from '../../flows/nlu/wage-facts.js';
import { findPeriod } from '../../flows/parsers/mentions.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const TWO_MONTHS = '拖欠时间「2026年10月至2026年11月（2个月）」';
const THREE_MONTHS = '拖欠时间「2026年9月至2026年11月（3个月）」';
const TOWN_Q = /您在哪个镇或街道干活？/;

describe('A1, A2: the unit said with where they work', () => {
  it('家政公司 and 电子厂 said with 上班 are no name; nothing glued', async () => {
    await converse(t.chat, 'web:h10a1')
      .send('我在家政公司上班 公司欠我两个月工资')
      .send('同意')
      .expect(new RegExp(`我理解的是：${TWO_MONTHS}。对吗？`))
      .expectNot(/政公司|上班公司/);
    await converse(t.chat, 'web:h10a2')
      .send('我在电子厂上班 公司欠我两个月工资')
      .send('同意')
      .expect(new RegExp(`我理解的是：${TWO_MONTHS}。对吗？`))
      .expectNot(/电子厂上班公司/);
    // A name of its own is still read.
    await converse(t.chat, 'web:h10a3').send('我在宏达电子厂上班 公司欠我两个月工资').send('同意').expect(/用人单位「宏达电子厂」/);
  });
});

describe('A3: the months said unpaid out of the time worked', () => {
  const today = new Date(NOW);
  it.each([
    ['干了半年 最后三个月没给钱', { start: '2026-09', end: '2026-11', months: 3 }],
    ['干了一年 有四个月没发工资', { start: '2026-08', end: '2026-11', months: 4 }],
    ['干了半年 最后三个月没给钱 8月就不干了', null],
    ['干了半年 三个月没给钱 8月就不干了', null],
    ['干了半年 一分钱没给', { start: '2026-06', end: '2026-11', months: 6 }],
    ['做了三个月没发工资', { start: '2026-09', end: '2026-11', months: 3 }],
  ])('%s', (text, value) => {
    const found = findPeriod(text, today);
    if (value === null) expect(found).toBeNull();
    else expect(found?.value).toMatchObject(value);
  });

  it('住家阿姨 who worked half a year, the last three months unpaid: three months proposed', async () => {
    const user = 'web:h10a3b';
    await converse(t.chat, user)
      .send('我在雇主家当住家阿姨 干了半年 最后三个月没给钱')
      .send('同意')
      .expect(new RegExp(`我理解的是：雇主类型「个人或家庭」、${THREE_MONTHS}。对吗？`))
      .expectNot(/6个月/)
      .send('对')
      .expect(/雇您干活的人怎么称呼？/);
    expect((await session(user)).answers).toMatchObject({ employerKind: 'household', period: { start: '2026-09', end: '2026-11', months: 3 } });
  });
});

describe('A4: a kind of company is no name', () => {
  it('搬家公司, 保洁公司 are not kept as the employer', async () => {
    await converse(t.chat, 'web:h10a4a').send('搬家公司欠我三千 干了一个月').send('同意').expect(/我理解的是：拖欠金额「3,000元」。对吗？/).expectNot(/搬家公司/);
    await converse(t.chat, 'web:h10a4b').send('保洁公司欠我三千').send('同意').expect(/我理解的是：拖欠金额「3,000元」。对吗？/).expectNot(/保洁公司/);
  });
});

describe('B1, B2: a family employs them, said in the opening', () => {
  it.each([
    ['我是做家政的 雇主欠我两个月工资', 'household'],
    ['我是护工 雇主不给钱', 'household'],
    ['帮人装修 房主欠我一万二', 'household'],
    ['我在医院当护工 是病人家属请的 欠我20天的钱', 'household'],
    ['我在阳光家政公司做保洁 雇主欠我', null],
    ['家政公司派我去雇主家 公司欠我', null],
    ['我在医院当护工 欠我20天的钱', null],
    ['我不是做家政的 雇主欠钱', null],
    ['做保洁的 老板欠我', null],
  ])('%s → %s', (text, kind) => {
    expect(findEmployerKind(text)).toBe(kind);
  });

  it('做家政 + 雇主: household proposed and confirmed; 张太太 is not asked which kind; on to the review', async () => {
    const user = 'web:h10b1';
    await converse(t.chat, user)
      .send('我是做家政的 雇主欠我两个月工资 一个月四千五')
      .send('同意')
      .expect(new RegExp(`我理解的是：雇主类型「个人或家庭」、${TWO_MONTHS}、拖欠金额「9,000元（4,500元×2个月）」。对吗？`))
      .send('对')
      .expect(/雇您干活的人怎么称呼？/)
      .send('张太太')
      .expectNot(/是哪一种/)
      .expect(TOWN_Q)
      .sendAll('东龙', '新塘', '不干了', '11月20号走的', '都跳过', '没有', '王芳')
      .send('13700001111')
      .expect(/请核对您要反映的欠薪情况（个人或家庭雇用）/);
    expect((await session(user)).answers).toMatchObject({ employer: '张太太', employerKind: 'household' });
  });

  it('a 家政公司 named: the company is the employer, no household proposed', async () => {
    await converse(t.chat, 'web:h10b1b')
      .send('我在阳光家政公司做保洁 雇主欠我两个月工资')
      .send('同意')
      .expect(/用人单位「阳光家政公司」/)
      .expectNot(/个人或家庭/);
  });

  it('a hospital carer hired by the patient’s family: household proposed', async () => {
    await converse(t.chat, 'web:h10b2').send('我在医院当护工 是病人家属请的 欠我20天的钱 一天250').send('同意').expect(/我理解的是：雇主类型「个人或家庭」、拖欠金额「5,000元（250元×20天）」。对吗？/);
  });
});

describe('B3: one character at a time', () => {
  it('runs of single characters are joined; names and words parted by spaces stay', () => {
    expect(normalizeMessage('我 是 做 保 姆 的 雇 主 不 给 工 资 三 个 月 了')).toBe('我是做保姆的雇主不给工资三个月了');
    expect(normalizeMessage('王 芳')).toBe('王 芳');
    expect(normalizeMessage('欠薪 东龙镇 宏达建筑 12000')).toBe('欠薪 东龙镇 宏达建筑 12000');
    // A message typed a word at a time, mostly single characters (set S, h199): joined as Chinese is written.
    expect(normalizeMessage('老板 欠 我 钱')).toBe('老板欠我钱');
  });

  it('the period is read from such a sentence', async () => {
    await converse(t.chat, 'web:h10b3')
      .send('我 是 做 保 姆 的 雇 主 不 给 工 资 三 个 月 了')
      .send('同意')
      .expect(new RegExp(`我理解的是：雇主类型「个人或家庭」、${THREE_MONTHS}。对吗？`));
  });
});

describe('B4: months times the monthly wage', () => {
  it('她儿子欠我…, 老板不给钱…了: the total worked out', async () => {
    await converse(t.chat, 'web:h10b4a')
      .send('她儿子欠我三个月工资 一个月五千')
      .send('同意')
      .expect(new RegExp(`我理解的是：${THREE_MONTHS}、拖欠金额「15,000元（5,000元×3个月）」。对吗？`));
    await converse(t.chat, 'web:h10b4b')
      .send('老板不给钱三个月了 一个月四千')
      .send('同意')
      .expect(new RegExp(`我理解的是：${THREE_MONTHS}、拖欠金额「12,000元（4,000元×3个月）」。对吗？`));
  });
});

describe('B7: 还在干吗 answered as informal workers do', () => {
  const toStill = (user: string) =>
    converse(t.chat, user)
      .sendAll('我要反映欠薪', '同意', '宏达建筑', '东龙', '不清楚', '是', '翠湖湾', '3月到8月', '两万')
      .send('就我一个')
      .expect(/您现在还在这家单位干吗？/);

  it('还没干完 is still there, never gone', async () => {
    await toStill('web:h10b7a').send('还没干完').expectNot(/什么时候离开的/);
    expect((await session('web:h10b7a')).answers).toMatchObject({ stillEmployed: true });
  });

  it('活干完了 is gone', async () => {
    await toStill('web:h10b7b').send('活干完了').expect(/什么时候离开的？/);
    expect((await session('web:h10b7b')).answers).toMatchObject({ stillEmployed: false });
  });
});

describe('A5: a private home at the project question', () => {
  it('是私人的房子 is no project name', async () => {
    const user = 'web:h10a5';
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '同意', '宏达建筑', '东龙', '不清楚', '是')
      .send('是私人的房子')
      .expect(/私人的房子不用写项目名称/)
      .expect(/拖欠的是哪段时间的工资？/);
    const answers = (await session(user)).answers as Record<string, unknown>;
    expect(answers.project ?? null).toBeNull();
  });
});

describe('B8: 保母, the older spelling of 保姆', () => {
  it('is read as 保姆: a family employs them', async () => {
    expect(normalizeMessage('我在人家家里做保母')).toBe('我在人家家里做保姆');
    await converse(t.chat, 'web:h10b8')
      .send('你好 我想问一下 我在人家家里做保母 他们家欠我工资没给 有三个月了')
      .send('同意')
      .expect(new RegExp(`我理解的是：雇主类型「个人或家庭」、${THREE_MONTHS}。对吗？`));
  });
});
