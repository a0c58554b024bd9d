/*
 * The wage report, what the person meant (third part), as transcripts on real Redis:
 *  - at the project question a site said after its township (`在东龙镇那个翠湖湾小区`) is the project,
 *    never a new employer;
 *  - a boss known only by surname with the name not known (`包工头姓陈 叫啥不知道`) is 陈包工头, confirmed;
 *  - pay held back in words the service words miss (`老板赖账`, `包工头赖着不给`) starts the report;
 *    赖账 is never the employer's name;
 *  - work for a family: the employer is labelled 雇主 (and its address 雇主家地址), a family's name
 *    (`张阿姨家`, `雇主是张阿姨家`, `姓张的阿姨家`, `一户姓王的人家`) is taken as the family, never a fragment;
 *  - at 「我理解的是…对吗？」 the unit typed for the question that comes next (`宏达建筑`) is taken, and
 *    what waited is confirmed at its own question; an unrelated answer never counts as a yes.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { parseEmployer } from '../../flows/wage.js';
import { findEmployer } from '../../flows/nlu/facts.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A construction report about 宏达建筑公司 in 东龙镇, up to the project question. */
const toProjectQuestion = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意', '宏达建筑公司', '东龙镇', '不清楚').send('是').expect(/项目或工地叫什么名字/);

describe('the project question: a site after its township is the project', () => {
  it('在东龙镇那个翠湖湾小区 is the project 翠湖湾小区 (小区 is the estate\'s own name, as said); the employer stays 宏达建筑公司', async () => {
    await toProjectQuestion('web:w3p1').send('在东龙镇那个翠湖湾小区').expectNot(/用人单位|对吗/).expect(/哪段时间/);
    expect((await session('web:w3p1')).answers).toMatchObject({ project: '翠湖湾小区', employer: '宏达建筑公司' });
  });

  it('at the employer question, a housing estate after a township is no employer (the place is confirmed, the name asked again)', async () => {
    await converse(t.chat, 'web:w3p2').sendAll('老板欠我工资', '同意').send('在东龙镇那个翠湖湾小区').expectNot(/翠湖湾/).expect(/干活的地方「东龙镇」/);
    expect((await session('web:w3p2')).answers).not.toHaveProperty('employer');
  });
});

describe('a boss known only by surname', () => {
  it('包工头姓陈 叫啥不知道 is 陈包工头, confirmed before it counts', async () => {
    await converse(t.chat, 'web:w3s1')
      .sendAll('老板欠我工资', '同意')
      .send('包工头姓陈 叫啥不知道')
      .expectNot(/需要知道个大概|还不是单位或老板的名字/)
      .expect(/我理解的是：用人单位「陈包工头」。对吗？/)
      .send('对')
      .expect(/哪个镇或街道/);
    expect((await session('web:w3s1')).answers).toMatchObject({ employer: '陈包工头' });
  });

  it('the name said not to be known, in other words: 包工头姓陈，不知道叫啥; 老板姓王 全名不清楚', () => {
    expect(parseEmployer('包工头姓陈，不知道叫啥')).toMatchObject({ ok: true, value: '陈包工头' });
    expect(parseEmployer('老板姓王 全名不清楚')).toMatchObject({ ok: true, value: '王老板' });
    // Whose surname is not said: asked, never kept as 「他姓陈」.
    expect(parseEmployer('他姓陈 叫啥不知道')).toMatchObject({ ok: false });
  });
});

describe('pay held back, told: the report starts', () => {
  it.each(['老板赖账', '包工头赖着不给', '工头耍赖不结账'])('%s starts the wage report, not advice', async (said) => {
    await converse(t.chat, `web:w3k-${said}`).send(said).expect(/反映欠薪前/).expectNot(/有几条路/);
  });

  it('赖账 is never the employer: 老板赖账不给钱 asks for the unit', async () => {
    expect(findEmployer('老板赖账不给钱')).toBeNull();
    expect(findEmployer('包工头赖着不给')).toBeNull();
    await converse(t.chat, 'web:w3k2').send('老板赖账不给钱').send('同意').expectNot(/赖账」/).expect(/欠您工资的单位叫什么名字/);
  });

  it('asked as a question (老板赖账怎么办) it is still answered, with the report offered; someone else\'s debt starts nothing', async () => {
    await converse(t.chat, 'web:w3k3').send('老板赖账怎么办').expect(/有几条路/).expect(/要我帮您登记欠薪/);
    await converse(t.chat, 'web:w3k4').send('邻居赖着不走').expectNot(/反映欠薪前/);
  });
});

describe('work for a family: 雇主, and the family as named', () => {
  /** A household report from its first message up to the summary. */
  const householdReview = (user: string) =>
    converse(t.chat, user)
      .sendAll('我在一户人家当保姆 欠我三个月工资', '同意', '对', '张阿姨家', '东龙镇', '不清楚', '8000', '已经离开', '上个月', '锦绣花园3栋', '跳过', '跳过', '没有', '王芳')
      .send('13800138000');

  it('the summary says 雇主 and 雇主家地址 for a family; a unit\'s says 用人单位 and 单位地址', async () => {
    await householdReview('web:w3h1')
      .expect(/个人或家庭雇用/)
      .expect(/1\. 雇主：张阿姨家/)
      .expect(/雇主家地址：锦绣花园3栋/)
      .expectNot(/用人单位|单位（雇主）/);
    await converse(t.chat, 'web:w3h1')
      .send('改 1')
      .expect(/雇您干活的人怎么称呼/)
      .send('李奶奶家')
      .expect(/1\. 雇主：李奶奶家/)
      .send('雇主不对 是王秀英')
      .expect(/好的，雇主已改为「王秀英」/)
      .expectNot(/用人单位/);
  });

  it('a unit\'s summary keeps 用人单位', async () => {
    await converse(t.chat, 'web:w3h2')
      .sendAll('老板欠我工资', '同意', '宏达公司', '东龙镇', '不清楚', '不是', '今年9月到11月', '一万二', '就我一个', '还在干', '东龙镇工业园2号', '跳过', '跳过', '没有', '王芳')
      .send('13800138000')
      .expect(/1\. 用人单位：宏达公司/)
      .expect(/单位地址：东龙镇工业园2号/);
  });

  it('给张阿姨家当保姆 is confirmed as 雇主「张阿姨家」 with the kind of employer', async () => {
    await converse(t.chat, 'web:w3h3').sendAll('老板欠我工资', '同意').send('给张阿姨家当保姆').expect(/我理解的是：雇主「张阿姨家」、雇主类型「个人或家庭」。对吗？/);
  });

  it('雇主是张阿姨家 is the family (雇主是 only frames it): taken, and who they are asked', async () => {
    await converse(t.chat, 'web:w3h4').sendAll('老板欠我工资', '同意').send('雇主是张阿姨家').expectNot(/对吗/).expect(/「张阿姨家」是哪一种？/);
    expect((await session('web:w3h4')).answers).toMatchObject({ employer: '张阿姨家' });
  });

  it('a family by surname is that family, never a fragment: 一户姓王的人家 is 王家; 姓张的阿姨家 is 张阿姨家, confirmed', async () => {
    await converse(t.chat, 'web:w3h5').sendAll('老板欠我工资', '同意').send('一户姓王的人家').expectNot(/一户姓王|「姓王」/).expect(/「王家」是哪一种？/);
    await converse(t.chat, 'web:w3h6')
      .sendAll('我在一户人家当保姆 欠我三个月工资', '同意', '对')
      .send('姓张的阿姨家')
      .expect(/我理解的是：雇主「张阿姨家」。对吗？/)
      .send('对')
      .expect(/哪个镇或街道/);
    expect((await session('web:w3h6')).answers).toMatchObject({ employer: '张阿姨家', employerKind: 'household' });
  });

  it('a surname alone for a family is asked how they are called, never 老板 or 包工头', async () => {
    await converse(t.chat, 'web:w3h7').sendAll('我在一户人家当保姆 欠我三个月工资', '同意', '对').send('她姓张').expect(/平时怎么称呼/).expectNot(/老板还是包工头/);
  });

  it('at a confirmation, 张阿姨家 typed for the employer question is taken, said so, and what waited is asked once more at its turn', async () => {
    await converse(t.chat, 'web:w3h8')
      .sendAll('我是钟点工 雇主欠我钱', '同意')
      .send('张阿姨家')
      .expectNot(/请回复「对」或「不对」/)
      .expect(/好的，雇主「张阿姨家」记下了。[\s\S]*我理解的是：雇主类型「个人或家庭」。对吗？/)
      .send('对')
      .expect(/哪个镇或街道/);
    expect((await session('web:w3h8')).answers).toMatchObject({ employer: '张阿姨家', employerKind: 'household' });
  });
});

describe('at 「我理解的是…对吗？」: no pile-up, and nothing unrelated is a yes', () => {
  it('宏达建筑 typed for the employer question is taken; the period waits and is confirmed at its own question', async () => {
    await converse(t.chat, 'web:w3c1')
      .send('老板欠我两个月工资没给')
      .send('1')
      .expect(/我理解的是：拖欠时间「2026年10月至2026年11月（2个月）」。对吗？/)
      .send('宏达建筑')
      .expectNot(/请回复「对」或「不对」/)
      .expect(/哪个镇或街道/);
    let s = await session('web:w3c1');
    expect(s.answers).toMatchObject({ employer: '宏达建筑' });
    expect(s.answers).not.toHaveProperty('period');
    expect(s.later).toMatchObject({ period: { start: '2026-10', end: '2026-11' } });
    await converse(t.chat, 'web:w3c1')
      .sendAll('东龙镇', '不清楚')
      .send('不是')
      .expect(/我理解的是：拖欠时间「2026年10月至2026年11月（2个月）」。对吗？/)
      .send('对')
      .expect(/被拖欠了多少钱/);
    s = await session('web:w3c1');
    expect(s.answers).toMatchObject({ employer: '宏达建筑', period: { start: '2026-10', end: '2026-11', months: 2 } });
  });

  it('a place typed at that confirmation is no yes: the period is not taken, and waits with the place', async () => {
    await converse(t.chat, 'web:w3c2').sendAll('老板欠我两个月工资没给', '1').send('东龙镇').expect(/欠您工资的单位叫什么名字/);
    const s = await session('web:w3c2');
    expect(s.answers).not.toHaveProperty('period');
    expect(s.answers).not.toHaveProperty('location');
    expect(s.later).toMatchObject({ period: { start: '2026-10' }, location: { townshipId: 't01' } });
  });
});
