/*
 * Known misunderstandings left from earlier sessions (round 39), read as meant, as transcripts on real Redis:
 *  1. After booking legal aid, `改时间` / `我想改预约时间` asks 「您要改时间的是这个预约吗？」; an ordinary yes there
 *     (`是的`, `对`, `是`, `嗯是的`, `对的`) is that 改时间 (was 「没太明白」 and the menu). The same yeses at
 *     「您要取消的是这个预约吗？」 cancel (guard). Where both are offered with no question (`周四去不了了`), a yes picks none.
 *  2. A project's name said at 是工程建设项目吗 without 叫 (`幸福小区二期`, `是 幸福小区二期`, `是的，幸福小区二期的工地`)
 *     is proposed with the yes (was 「请回复1或2」, or the yes taken and the name asked again); `是 项目叫幸福小区二期` at a
 *     「…对吗？」 about other answers keeps the name, with building work, for a yes (it was dropped: its question had not come).
 *  3. A case number that is none of the person's (`QX20260101-0099`) typed in a form: said plainly not to be found among
 *     theirs (never whether it exists), their own cases under it, and the form's question again.
 *  4. `这个要多久才有结果`, `什么时候有人联系我`, `要等几天`, `多久能处理好`: how long a report takes (the knowledge base's
 *     gongyou-timeline), at the menu and in the report; while joining, `什么时候有人联系我` is joining's wait.
 *  5. `送外卖兼职 白天在厂里` at 「您现在是怎么工作的？」: two jobs, which one to join by asked (never 新就业形态 stored unasked).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { bookedThursday, converse } from '../support/converse.js';
import { knowledgeBase } from '../../flows/knowledge/kb.js';
import { workFrom } from '../../flows/membership-work.js';
import { ZHANG } from '../membership/support.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);

const MENU = /我是工友助手，可以帮您办理/;
const WAGE = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111', '确认'];

/** Booked: unpaid wages, still there, at 东龙镇工会驿站 on Thursday 3 December 09:00. */
const bookThursday = (user: string) => bookedThursday(t.chat, user);

describe('1. a yes to 「您要改时间的是这个预约吗？」', () => {
  it.each([
    ['改时间', '是的'],
    ['我想改预约时间', '对'],
    ['我想改预约时间', '是'],
    ['能不能改时间', '嗯是的'],
    ['我要改时间', '对的'],
  ])('%s, then %s: the times to move to (the booking kept until a new one is confirmed)', async (ask, yes) => {
    const user = 'web:r39-move';
    await bookThursday(user)
      .send(ask)
      .expect(/您要改时间的是这个预约吗？/)
      .expect(/1\. 改时间/)
      .send(yes)
      .expect(/为预约 YY\d{8}-\d{4} 改时间/)
      .expect(/最近的空闲时间/)
      .expectNot(/没太明白/)
      .expectNot(MENU);
    expect((await session(user)).fieldId).toBe('slot');
    expect((await booked(user)).map((b) => b.status)).toEqual(['booked']);
  });

  // guard: the same yeses at 「您要取消的是这个预约吗？」 were read so already.
  it.each(['是的', '对的', '嗯是的'])('guard: 我要取消预约, then %s: cancelled', async (yes) => {
    const user = 'web:r39-cancel';
    await bookThursday(user).send('我要取消预约').expect(/您要取消的是这个预约吗？/).send(yes).expect(/已取消预约 YY/);
    expect((await booked(user)).map((b) => b.status)).toEqual(['cancelled']);
  });

  // guard: where both are offered with no question, a yes picked nothing before; it still picks nothing.
  it('guard: 「周四去不了了」 (changing and cancelling both offered, no question): a yes moves nothing and cancels nothing', async () => {
    const user = 'web:r39-either';
    await bookThursday(user).send('周四去不了了').expect(/可以改个时间，也可以取消/).expectNot(/您要改时间的是/).send('是的').expectNot(/已取消预约|改时间（现在是/);
    expect((await booked(user)).map((b) => b.status)).toEqual(['booked']);
    expect((await session(user)).flowId).toBeNull();
  });

  // A yes there was 「没太明白」 and the menu (found in session 39's review): which one is asked, with both choices kept,
  // and a number then picks as before.
  it('「周四去不了了」 then 是的: which one is asked, the choices kept; 2 then cancels', async () => {
    const user = 'web:r39-either-ask';
    await bookThursday(user).send('周四去不了了').send('是的').expect(/您是想改个时间，还是取消这个预约？/).expectNot(/没太明白/);
    expect((await session(user)).options.map((o) => o.label)).toEqual(['改时间', '取消这个预约']);
    await converse(t.chat, user).send('2').expect(/已取消预约 YY/);
    expect((await booked(user)).map((b) => b.status)).toEqual(['cancelled']);
  });
});

describe('2. a project named beside a yes', () => {
  const toConstruction = (user: string) =>
    converse(t.chat, user).sendAll('老板欠我工资', '同意', '宏达建筑', '河西街道', '不清楚').expect(/是工程建设项目吗/);

  it.each([
    ['幸福小区二期', '幸福小区二期'],
    ['是 幸福小区二期', '幸福小区二期'],
    ['是的，幸福小区二期的工地', '幸福小区二期'],
    ['对 翠湖湾项目', '翠湖湾'],
    ['幸福小区', '幸福小区'],
  ])('「%s」 at 是工程建设项目吗: building work and the project 「%s」, proposed, kept on 对', async (words, project) => {
    const user = 'web:r39-project';
    await toConstruction(user)
      .send(words)
      .expect(new RegExp(`工程建设项目「是」、项目名称「${project}」。对吗？`))
      .expectNot(/请回复1（是）或2（不是）/)
      .send('对')
      .expect(/拖欠的是哪段时间/)
      .expectNot(/项目或工地叫什么名字/);
    expect((await session(user)).answers).toMatchObject({ construction: true, project });
  });

  it('a 不对 to it keeps neither', async () => {
    const user = 'web:r39-project-no';
    await toConstruction(user).send('幸福小区二期').expect(/项目名称「幸福小区二期」。对吗？/).send('不对');
    const s = await session(user);
    expect(s.answers.project).toBeUndefined();
    expect(s.answers.construction).toBeUndefined();
  });

  // guard: the kind of work, where the site is, or a bare yes names no project (as before the change).
  it.each([['是 装修工程'], ['是 在幸福小区'], ['住在幸福小区'], ['做了二期'], ['这个项目'], ['是']])('guard: 「%s」: no project name taken from it', async (words) => {
    const user = 'web:r39-project-none';
    await toConstruction(user).send(words).expectNot(/项目名称「/);
    expect((await session(user)).answers.project).toBeUndefined();
  });

  it('「是 项目叫幸福小区二期」 at a 「…对吗？」 about the unit and the months: the name kept, with building work, for a yes', async () => {
    const user = 'web:r39-project-confirm';
    await converse(t.chat, user)
      .sendAll('宏达建筑欠我三个月工资', '同意')
      .expect(/用人单位「宏达建筑」、拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .send('是 项目叫幸福小区二期')
      .expect(/工程建设项目「是」、项目名称「幸福小区二期」。对吗？/)
      .send('对')
      .expect(/您在哪个镇或街道干活/)
      .sendAll('河西街道', '不清楚')
      .expectNot(/是工程建设项目吗|项目或工地叫什么名字/);
    expect((await session(user)).answers).toMatchObject({ employer: '宏达建筑', construction: true, project: '幸福小区二期' });
  });
});

describe('3. a case number that is none of theirs, typed in a form', () => {
  const NOT_FOUND = /没有找到您名下编号是 QX20260101-0099 的案件，请核对一下编号。为了保护个人信息，案件只有本人能查。/;

  it('no cases yet: not found, said plainly; the form\'s question again', async () => {
    const user = 'web:r39-case-none';
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道')
      .send('QX20260101-0099')
      .expect(NOT_FOUND)
      .expect(/在河西街道的哪个村或社区/);
    const s = await session(user);
    expect(s.flowId).toBe('wage');
    expect(s.fieldId).toBe('community');
  });

  it('someone else\'s number: not found (never said to exist), their own cases under it, the form kept', async () => {
    const other = 'web:r39-case-other';
    await converse(t.chat, other).sendAll(...WAGE).expect(/提交成功/);
    const user = 'web:r39-case-mine';
    await converse(t.chat, user).sendAll(...WAGE).expect(/提交成功/).expect(/QX20261201-0002/);
    await converse(t.chat, user)
      .sendAll('我想参加工会', '同意', '同意', '1', ZHANG.name)
      .expect(/身份证/)
      .send('QX20261201-0001')
      .expect(/没有找到您名下编号是 QX20261201-0001 的案件/)
      .expect(/您最近的案件：[\s\S]*QX20261201-0002/)
      .expect(/身份证/);
    expect((await session(user)).fieldId).toBe('idNumber');
  });

  // guard: their own number in a form shows their cases, as before.
  it('guard: their own number: their cases, no 「没有找到」', async () => {
    const user = 'web:r39-case-own';
    await converse(t.chat, user).sendAll(...WAGE).expect(/提交成功/);
    await converse(t.chat, user)
      .sendAll('我想参加工会', '同意', '同意', '1', ZHANG.name)
      .send('QX20261201-0001')
      .expect(/QX20261201-0001（反映欠薪/)
      .expectNot(/没有找到/);
  });
});

describe('4. how long it takes, asked plainly', () => {
  // (`多久能处理好` was matched already: a guard among them.)
  it.each(['这个要多久才有结果', '多久能处理好', '要等几天', '什么时候有人联系我', '大概要等多久', '多久才有结果'])('「%s」: how long a report takes', (q) => {
    expect(knowledgeBase().match(q)?.entry.id).toBe('gongyou-timeline');
  });

  // guard: other entries' questions of time stay theirs (加入工会什么时候有人联系我 is new: joining's wait).
  it.each([
    ['仲裁要多久出结果', 'arbitration-duration'],
    ['入会要等几天', 'union-join-wait'],
    ['加入工会什么时候有人联系我', 'union-join-wait'],
    ['试用期最长多久', 'probation-pay'],
  ])('「%s」 is %s', (q, id) => {
    expect(knowledgeBase().match(q)?.entry.id).toBe(id);
  });

  // guard: not stolen by the new rules.
  it.each(['律师什么时候联系我', '老板什么时候发工资'])('「%s」 is not taken for the report\'s timeline', (q) => {
    expect(knowledgeBase().match(q)?.entry.id).not.toBe('gongyou-timeline');
  });

  it('「什么时候有人联系我」, 「这个要多久才有结果」 in the wage report: answered, the question asked again', async () => {
    await converse(t.chat, 'web:r39-kb')
      .sendAll('老板欠我工资', '同意', '好再来饭店')
      .send('什么时候有人联系我')
      .expect(/一般一个工作日内接单/)
      .expect(/您在哪个镇或街道干活/)
      .expectNot(/答不上来/)
      .send('这个要多久才有结果')
      .expect(/15个工作日内给出处理结果/)
      .expect(/您在哪个镇或街道干活/);
  });

  it('「什么时候有人联系我」, 「多久能处理好」 while booking a lawyer: never the wage report\'s timeline; the question again', async () => {
    await converse(t.chat, 'web:r39-kb-lawyer')
      .sendAll('我想找律师咨询', '1')
      .send('什么时候有人联系我')
      .expectNot(/一个工作日内接单/)
      .expect(/您想咨询什么事/)
      .send('多久能处理好')
      .expectNot(/一个工作日内接单/)
      .expect(/您想咨询什么事/);
    expect((await session('web:r39-kb-lawyer')).flowId).toBe('legal');
  });

  it.each(['什么时候有人联系我', '要等几天'])('「%s」 after booking a lawyer (no wage case): the booked time and who receives them', async (q) => {
    await bookThursday('web:r39-kb-booked')
      .send(q)
      .expect(/您预约的工会律师咨询（12月3日（周四） 09:00-09:30）由吴芳（工会律师）接待/)
      .expect(/前一天晚上和开始前1小时提醒您/)
      .expectNot(/一个工作日内接单|答不上来/);
  });

  it('「什么时候有人联系我」 while joining: joining\'s wait, never the wage report\'s', async () => {
    await converse(t.chat, 'web:r39-kb-join')
      .sendAll('我想参加工会')
      .send('什么时候有人联系我')
      .expect(/入会由工会审核批准/)
      .expectNot(/工格员/);
  });
});

describe('5. two jobs at 「您现在是怎么工作的？」', () => {
  const toWork = (user: string) =>
    converse(t.chat, user).sendAll('我想参加工会', '同意', '同意', '1', ZHANG.name, ZHANG.id, ZHANG.phone).expect(/您现在是怎么工作的/);

  it.each(['送外卖兼职 白天在厂里', '白天在厂里 晚上送外卖', '我在电子厂上班 下班跑美团'])('「%s」: which job to join by, asked; nothing stored', async (words) => {
    const user = 'web:r39-two-jobs';
    await toWork(user)
      .send(words)
      .expect(/您说了两份工作：在单位上班，也做外卖配送员/)
      .expect(/1\. 按单位的工作（单位职工）/)
      .expect(/2\. 按外卖配送员的工作（新就业形态劳动者）/)
      .expectNot(/您做的是哪种工作/);
    const s = await session(user);
    expect(s.fieldId).toBe('employment');
    expect(s.answers.employment).toBeUndefined();
  });

  it('2 picked: 新就业形态 with the delivery work, for a yes; 1 picked: 单位职工, the unit asked', async () => {
    await toWork('web:r39-two-2').send('送外卖兼职 白天在厂里').send('2').expect(/工作方式「新就业形态劳动者」、职业「外卖配送员」。对吗？/);
    await toWork('web:r39-two-1').send('送外卖兼职 白天在厂里').send('1').expect(/您在哪家单位工作/);
    expect((await session('web:r39-two-1')).answers.employment).toBe('employee');
  });

  it('one job alone reads as before', () => {
    // guard: delivery alone is 新就业形态; a factory alone says nothing by itself.
    expect(workFrom('送外卖')).toEqual({ kind: 'new_form', occupation: 'food_delivery' });
    expect(workFrom('在美团送外卖')).toEqual({ kind: 'new_form', occupation: 'food_delivery' });
    expect(workFrom('送外卖兼职 白天在厂里')).toMatchObject({ kind: 'ask', occupation: 'food_delivery' });
  });
});
