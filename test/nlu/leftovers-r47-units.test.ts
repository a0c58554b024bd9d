/**
 * Leftovers of review round 47: words at a question asking for a unit or a name that are about something else, never
 * stored as the value: a lawyer turned down at the union's unit question, who the person is to the one owed at the
 * wage report's unit question, and a plain no at the roster. Each test failed before its fix; `guard:` lines keep what
 * already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const EMPLOYEE = { employment: 'employee' };
const AFTER_CONSENT = { consent: true };

describe('joining the union, 您在哪家单位工作？: a lawyer turned down is no unit', () => {
  it('律师就算了, 我还是不找律师算了: nothing taken', () => {
    for (const text of ['律师就算了', '我还是不找律师算了', '律师不用了']) {
      expect(taken(read('membership', 'employer', text, EMPLOYEE)).employer).toBeUndefined();
    }
    // guard: a unit said with it is still read.
    expect(JSON.stringify(taken(read('membership', 'employer', '律师就算了 我在青溪纺织有限公司上班', EMPLOYEE)).employer)).toContain('青溪纺织');
  });

  it('in the chat: said back, the unit asked again, nothing kept', async () => {
    await converse(t.chat, 'r47-join-lawyer')
      .sendAll('我要入会', '1', '1', '1', '张伟', '110101199001011237', '13800138000', '1')
      .expect(/您在哪家单位工作/)
      .send('律师就算了')
      .expect(/不约律师.*单位的名称/);
    const s = await session('r47-join-lawyer');
    expect(s.answers.employer).toBeUndefined();
  });
});

describe('wage report, 欠您工资的单位叫什么名字？: who the person is to the one owed is no unit', () => {
  it('我是她女儿 我帮她问: for the mother, never 「我是她女儿」 as the unit', () => {
    const p = read('wage', 'employer', '我是她女儿 我帮她问', AFTER_CONSENT);
    expect(taken(p).employer).toBeUndefined();
    expect(taken(p).onBehalf).toEqual({ relation: '妈' });
    // Said alone: still no unit.
    for (const text of ['我是她女儿', '我是他老婆啊']) expect(taken(read('wage', 'employer', text, AFTER_CONSENT)).employer).toBeUndefined();
    // guard: a unit is still read at the question.
    expect(taken(read('wage', 'employer', '青溪宏达建筑工程有限公司', AFTER_CONSENT)).employer).toBe('青溪宏达建筑工程有限公司');
  });

  it('in the chat: for whom proposed alone, then her questions', async () => {
    await converse(t.chat, 'r47-wage-daughter')
      .sendAll('我要讨薪', '1')
      .expect(/欠您工资的单位叫什么名字/)
      .send('我是她女儿 我帮她问')
      .expect(/代为反映「替母亲反映」。对吗/)
      .send('1')
      .expect(/被欠工资的人叫什么名字/);
    const s = await session('r47-wage-daughter');
    expect(s.answers.employer).toBeUndefined();
    expect(s.answers.onBehalf).toEqual({ relation: '妈' });
  });
});

describe('wage report, the roster: a plain no is never a name', () => {
  const upToRoster = (user: string) =>
    converse(t.chat, user)
      .send('我要反映欠薪')
      .sendAll('1', '青溪宏达建筑工程有限公司', '东龙', '新塘', '不是', '三个月', '8000', '我们三个人', '两万五', '还在干', '不知道', '普工')
      .expect(/有被拖欠工友的名单吗/);

  it('不对 first: not asked about as a co-worker; the question again', async () => {
    await upToRoster('r47-roster-first')
      .send('不对')
      .expect(/没有就回复「没有」/)
      .expectNot(/不对是和您一起被拖欠工资的工友吗/);
    const s = await session('r47-roster-first');
    expect(s.answers.roster).toBeUndefined();
  });

  it('不对 after a line: never put on the list; a line typed again replaces its own', async () => {
    await upToRoster('r47-roster-after')
      .send('张三 8000')
      .expect(/名单上现在一共1人/)
      .send('不对')
      .expect(/哪一行不对/)
      .expectNot(/记下了不对/)
      .send('张三 9000')
      .expect(/记下了张三 9,000元，名单上现在一共1人/);
    const s = await session('r47-roster-after');
    expect((s.answers.roster as { entries: { name: string }[] }).entries.map((e) => e.name)).toEqual(['张三']);
  });

  it('guard: 不对 to 「李四是您的工友吗？」 is still a no to that name', async () => {
    await upToRoster('r47-roster-maybe')
      .send('李四')
      .expect(/李四是和您一起被拖欠工资的工友吗/)
      .send('不对')
      .expect(/李四不记到名单上/);
  });
});

describe('first messages at the menu: the boss called 王总, the unit where she works', () => {
  it('王总欠我工资: the employer 王总; 老总, or no wages said, nothing', () => {
    expect(taken(read(null, null, '王总欠我工资')).employer).toBe('王总');
    expect(taken(read(null, null, '王总欠我两个月工资')).employer).toBe('王总');
    for (const text of ['老总欠我工资', '王总欠我钱']) expect(taken(read(null, null, text)).employer).toBeUndefined();
    // guard: social insurance is no wage report's employer.
    expect(taken(read('legal', 'matter', '王总不给我买社保')).employer).toBeUndefined();
  });

  it('她在新时代服装厂 被欠工资了: the unit; with the person’s own workplace said too, that one', () => {
    expect(taken(read(null, null, '她在新时代服装厂 被欠工资了')).employer).toBe('新时代服装厂');
    expect(taken(read(null, null, '他在宏达建筑公司 我在新时代服装厂 都被欠工资')).employer).toBe('新时代服装厂');
    // guard: the person's own, as before.
    expect(taken(read(null, null, '我在新时代服装厂 被欠工资了')).employer).toBe('新时代服装厂');
  });
});
