/*
 * Names as people say them (probe round 3, .scratch/probe-3.md A5, A6, A7, B2, B19), as tables and as
 * transcripts on real Redis. Only a name the person meant is kept:
 *  - the employer is never filler or the words around it (`老板呢一直拖着` → no 「呢一直」, `莫得给`,
 *    `月进厂`, `什么厂`, `的一家电子厂`, `我爸问一下他在宏达建筑`); with no real name, nothing is taken and
 *    the question is asked; `宏达建筑那个工地` is 宏达建筑, as typed alone; `老张的装修队` keeps 老张;
 *  - someone else's name (`包工头姓刘叫刘大壮`, `我爸叫王大军`, `我老公名字叫李强`) is never the person's own,
 *    and the name question is still asked; `findOwedName` gives the relative's name;
 *  - fillers and `就是我` around a name are left out (`王大军就是我`, `嗯那个王大军`, `张小明然后`), and what
 *    is left is asked about when it is no name;
 *  - a keyword message (`欠薪 东龙镇 宏达建筑 12000 3个月 王大军 138…`) gives the unit and the name beside the
 *    phone, never a word after `老板`, nor a place-like two-character word.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { employerFromAnswer, findEmployer, findOwedName, findPersonName, idCardNameAnswer, nameAnswer } from '../../flows/nlu/facts.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** The demo directory's townships, as `findTownship` knows them. */
const TOWNS = ['东龙镇', '东龙', '白沙镇', '白沙', '马坪镇', '马坪', '河西街道', '河西'];
const isPlace = (name: string) => TOWNS.includes(name);

/** A wage report about 河西物业, up to the name question. */
const toContactName = (user: string) =>
  converse(t.chat, user)
    .sendAll('老板欠我工资', '1', '河西物业', '河西', '不清楚', '2', '今年9月到11月', '8000', '就我一个', '还在干', '都跳过', '没有')
    .expect(/怎么称呼您？/);

/** Joining the union up to the name question. */
const toMemberName = (user: string) => converse(t.chat, user).sendAll('我要入会', '1', '1', '1').expect(/请输入您的姓名，要和身份证上的一致。/);

describe('A5 the employer is never filler or the words around it', () => {
  it.each([
    ['那个就是我在马坪镇一个厂里面打工然后老板呢一直拖着工资嗯反正欠了我差不多八千多块钱吧我叫李小红'],
    ['咱的工钱老板莫得给'],
    ['我是2025年10月进厂的老板欠了我5个月'],
    ['我在那个什么厂上班老板欠我工资'],
    ['我在马坪镇的一家电子厂做了三个月老板欠我工资'],
    ['老板呢也没办法'],
    ['在哪个厂干活我也不知道'],
  ])('%s: no employer', (text) => {
    expect(findEmployer(text, isPlace)).toBeNull();
  });

  it.each([
    ['我帮我爸问一下他在宏达建筑干了三个月老板不给钱', '宏达建筑'],
    ['我替我老公问 他在宏达建筑干活 欠了两万', '宏达建筑'],
    ['帮老乡问一下 他在宏达建筑干活', '宏达建筑'],
    ['嗯那个我在东龙镇宏达建筑那个工地干了三个月', '宏达建筑'],
    ['在宏达建筑的工地上干活', '宏达建筑'],
    ['我在东龙镇宏达建筑那个项目干了三个月', '宏达建筑'],
    ['我在老张的装修队干活他欠我工钱', '老张的装修队'],
    ['在刘大壮的施工队干活', '刘大壮的施工队'],
    ['包工头姓刘叫刘大壮欠我工钱', '刘大壮'],
    // Replay 3: pointing words before the name, and a name said as 叫X的公司.
    ['我在河西街道那边的河西物业上班老板欠我工资', '河西物业'],
    ['我在东龙镇那边一个叫宏达建筑的公司上班欠我工资', '宏达建筑'],
  ])('%s → %s', (text, employer) => {
    expect(findEmployer(text, isPlace)).toBe(employer);
  });

  it.each([
    // Near misses that stay as they were.
    ['老板叫阿强', '阿强'],
    ['包工头老王欠我钱', '老王'],
    ['老板姓刘', '刘老板'],
    ['在白沙镇那个鑫隆五金厂做事', '鑫隆五金厂'],
    ['在宏达建筑工程干活', '宏达建筑工程'],
    ['在白沙镇工地干活，包工头王建军欠我1万3', '王建军'],
  ])('near miss %s → %s', (text, employer) => {
    expect(findEmployer(text, isPlace)).toBe(employer);
  });

  it('the site of a housing estate still names no employer: 在锦绣社区的楼盘干活', () => {
    expect(findEmployer('在河西街道锦绣社区的楼盘干活', isPlace)).toBeNull();
  });

  it.each([
    ['那个什么厂', null],
    ['莫得给', null],
    ['呢一直', null],
    ['我替我老公问 他在宏达建筑干活', '宏达建筑'],
    ['我爸在宏达建筑干活', '宏达建筑'],
    ['宏达建筑那个工地', '宏达建筑'],
    ['我在老张的装修队干活', '老张的装修队'],
    ['在宏达建筑的工地上搬砖', '宏达建筑'],
  ])('typed at the employer question: %s → %s', (text, employer) => {
    expect(employerFromAnswer(text, isPlace)).toBe(employer);
  });

  it('「呢一直」 is never offered: the report asks for the unit, with what was said shown', async () => {
    await converse(t.chat, 'web:n3e1')
      .send('那个就是我在马坪镇一个厂里面打工然后老板呢一直拖着工资嗯反正欠了我差不多八千多块钱吧我叫李小红')
      .send('1')
      .expectNot(/呢一直|用人单位/)
      .expect(/我理解的是：干活的地方「马坪镇」、拖欠金额「约8,000元」、联系人「李小红」。对吗？/);
  });

  it.each(['咱的工钱老板莫得给', '我在那个什么厂上班老板欠我工资'])('%s: the unit is asked, nothing offered for it', async (said) => {
    await converse(t.chat, `web:n3e2-${said}`).send(said).send('1').expectNot(/用人单位|莫得给|什么厂/).expect(/欠您工资的单位叫什么名字/);
  });

  it('宏达建筑那个工地 is 宏达建筑, kept so on 对 (as a plain 宏达建筑 answer is)', async () => {
    await converse(t.chat, 'web:n3e3')
      .send('嗯那个我在东龙镇宏达建筑那个工地干了三个月老板一直不给钱一共欠我一万二我叫王大军电话13812345678')
      .send('1')
      .expect(/用人单位「宏达建筑」/)
      .expectNot(/那个工地」/)
      .send('对');
    expect((await session('web:n3e3')).answers).toMatchObject({ employer: '宏达建筑', contactName: '王大军' });
  });

  it('我帮我爸问一下他在宏达建筑… offers 宏达建筑, never 「我爸问一下他在宏达建筑」', async () => {
    await converse(t.chat, 'web:n3e4')
      .send('我帮我爸问一下他在宏达建筑干了三个月老板不给钱')
      .sendAll('2', '1')
      .expect(/用人单位「宏达建筑」/)
      .expectNot(/我爸问一下/);
  });

  it('老张的装修队 keeps the boss 老张', async () => {
    await converse(t.chat, 'web:n3e5').send('我在老张的装修队干活他欠我工钱').send('1').expect(/用人单位「老张的装修队」/);
  });
});

describe("A6 someone else's name is never the person's own", () => {
  it.each([
    '包工头姓刘叫刘大壮欠我工钱',
    '我爸名字叫王大军',
    '他姓王叫王大军',
    '我爸姓王叫王大军',
    '我帮我爸问一下 名字叫王大军',
    '老板的名字是赵铁柱',
  ])('%s: not the person\'s name', (text) => {
    expect(findPersonName(text)).toBeNull();
  });

  it.each([
    ['老板名字叫赵铁柱 我名字叫王强', '王强'],
    ['我是他女儿我叫王小红 我爸叫王大军 他老板欠他工资', '王小红'],
    ['我姓李叫李四', '李四'],
    ['姓陈，陈志明', '陈志明'],
    ['老板叫李明 我叫张大伟', '张大伟'],
    ['本人在宏达建筑上班 我叫王强', '王强'],
  ])('%s → %s (their own, said so)', (text, name) => {
    expect(findPersonName(text)).toBe(name);
  });

  it.each(['包工头叫刘大壮', '我爸 叫王大军', '他 叫王大军', '我帮我爸问一下 名字叫王大军'])('typed at the name question, %s is no name of theirs', (text) => {
    expect(nameAnswer(text).ok).toBe(false);
  });

  it('我是张三他媳妇 叫刘梅 is still the person (刘梅)', () => {
    expect(nameAnswer('我是张三他媳妇 叫刘梅')).toEqual({ ok: true, value: '刘梅' });
  });

  it('包工头姓刘叫刘大壮 is the employer 刘大壮, never 联系人; the name question is asked', async () => {
    await converse(t.chat, 'web:n3o1')
      .send('包工头姓刘叫刘大壮欠我工钱')
      .send('1')
      .expectNot(/联系人/)
      .expect(/用人单位「刘大壮」/)
      .sendAll('对', '1', '东龙', '不清楚', '1', '不知道', '三个月', '8000', '就我一个', '已经离开', '11月', '都跳过', '没有')
      .expect(/怎么称呼您？/);
    expect((await session('web:n3o1')).answers).not.toHaveProperty('contactName');
  });
});

describe('B19 the name of the one spoken for', () => {
  it.each([
    ['我是他女儿我叫王小红 我爸叫王大军 他老板欠他工资', { relation: '爸', name: '王大军' }],
    ['我老公叫李强在东龙镇工地上班老板欠他一万五', { relation: '老公', name: '李强' }],
    ['我替老乡反映 他叫张三 电话13912345678 欠他八千', { relation: '老乡', name: '张三' }],
    ['我老公的名字是李强', { relation: '老公', name: '李强' }],
  ])('%s → %o', (text, owed) => {
    expect(findOwedName(text)).toEqual(owed);
  });

  it.each(['我叫王小红 老板欠我工资', '包工头叫刘大壮', '我爸是工人', '我爸叫王大军 我妈叫李秀英'])('%s: none (or two) of them', (text) => {
    expect(findOwedName(text)).toBeNull();
  });

  it('王小红 is the contact, 王大军 is never taken as theirs', async () => {
    await converse(t.chat, 'web:n3r1').send('我是他女儿我叫王小红 我爸叫王大军 他老板欠他工资').sendAll('2', '1').expect(/被欠工资的人「王大军」、联系人「王小红」/).expectNot(/联系人「王大军」/);
  });
});

describe('A7 the words around a name are not part of it', () => {
  it.each([
    ['王大军就是我', '王大军'],
    ['嗯那个王大军', '王大军'],
    ['嗯张小明', '张小明'],
    ['张小明是我', '张小明'],
    ['我就是王大军', '王大军'],
    ['王大军然后', '王大军'],
  ])('%s → %s', (text, name) => {
    expect(nameAnswer(text)).toEqual({ ok: true, value: name });
    expect(idCardNameAnswer(text)).toEqual({ ok: true, value: name });
  });

  it.each(['就是我', '嗯', '那个', '是我'])('%s alone is no name: asked', (text) => {
    expect(nameAnswer(text).ok).toBe(false);
  });

  it('那英 keeps its surname (那 is one)', () => {
    expect(nameAnswer('那英')).toEqual({ ok: true, value: '那英' });
  });

  it('王师傅就是我 is a form of address, never the name on an ID card', () => {
    expect(idCardNameAnswer('王师傅就是我')).toMatchObject({ ok: false, error: expect.stringMatching(/像是称呼/) });
  });

  it('我叫张小明然后身份证是… → 张小明', () => {
    expect(findPersonName('嗯那个我叫张小明然后身份证是45010319900607123X电话13812345678在宏达建筑上班想入会')).toBe('张小明');
  });

  it('wage: 王大军就是我 at the name question is 王大军', async () => {
    await toContactName('web:n3a1').send('王大军就是我').expect(/手机号/);
    expect((await session('web:n3a1')).answers).toMatchObject({ contactName: '王大军' });
  });

  it('wage: 嗯那个王大军 is 王大军, never offered with 嗯那个', async () => {
    await toContactName('web:n3a2').send('嗯那个王大军').expectNot(/嗯那个/).expect(/手机号/);
    expect((await session('web:n3a2')).answers).toMatchObject({ contactName: '王大军' });
  });

  it('membership: 嗯张小明 is 张小明 (as on the ID card)', async () => {
    await toMemberName('web:n3a3').send('嗯张小明').expectNot(/嗯张小明/).expect(/张小明/);
  });

  it('membership in one message: 我叫张小明然后身份证是… is 姓名「张小明」', async () => {
    await converse(t.chat, 'web:n3a4')
      .send('嗯那个我叫张小明然后身份证是45010319900607123X电话13812345678在宏达建筑上班想入会')
      .sendAll('1', '1', '1')
      .expect(/姓名「张小明」/)
      .expectNot(/张小明然后/);
  });
});

describe('B2 a keyword message', () => {
  it('欠薪 东龙镇 宏达建筑 12000 3个月 王大军 138…: the unit and the name too', () => {
    const said = '欠薪 东龙镇 宏达建筑 12000 3个月 王大军 13812345678';
    expect(findEmployer(said, isPlace)).toBe('宏达建筑');
    expect(findPersonName(said)).toBe('王大军');
  });

  it.each([
    ['欠薪 老板 刘大壮 13812345678', null],
    ['欠薪 白沙 13812345678', null],
    ['王大军 13812345678 刘大壮 13912345678', null],
    ['张小明 45010319900607123X 13812345678 青溪电子', '张小明'],
  ])('the name beside the phone: %s → %s', (text, name) => {
    expect(findPersonName(text)).toBe(name);
  });

  it.each([
    ['不是 宏达建筑 是 河西物业', null],
    ['欠薪 东龙镇 电子厂 8000', null],
    ['张小明 45010319900607123X 13812345678 青溪电子', '青溪电子'],
  ])('the unit of a keyword message: %s → %s', (text, employer) => {
    expect(findEmployer(text, isPlace)).toBe(employer);
  });

  it('all of it is offered for confirmation', async () => {
    await converse(t.chat, 'web:n3k1')
      .send('欠薪 东龙镇 宏达建筑 12000 3个月 王大军 13812345678')
      .send('1')
      .expect(/用人单位「宏达建筑」/)
      .expect(/联系人「王大军」/)
      .expect(/手机号「13812345678」/);
  });
});
