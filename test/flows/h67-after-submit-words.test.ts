/*
 * Words right after a wage report is submitted, and an employer said with fillers and its township (helper h67),
 * as transcripts on real Redis. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 *  - `上一个填错了`, `刚才填错了`, `有一项填错了`, `我填错了`: nothing of what is wrong, so nothing to pass on; which item
 *    and what is right are asked, and the next message with words in it is shown back for a yes (only that message,
 *    never with the empty words before it). A figure alone then is asked as the amount. A second answer with nothing
 *    in it is asked another way, a third stops asking (never the same question again). `不用了` passes nothing;
 *    `不对，金额是8000` is what is right, never a no. An item named alone (`名字`): its right value asked, then passed on with it.
 *  - `返回上一步`, `上一步`, `返回` right after submitting: it is submitted (its number said), cannot be changed here,
 *    and a correction is asked for the same way; never the main menu as if nothing had happened. Said again: the menu.
 *  - guards: `金额填错了 应该是8000` (a correction with content) is still offered as it is; `我说错了` at a note shown
 *    back is still put with it.
 *  - At the employer question, `呃就是那个东龙镇宏达电子厂`: the unit and the township, proposed together; never the
 *    township alone with the unit dropped. `东龙镇上的宏达电子厂`: the unit without 「上的」.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse, reportSubmitted } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h67-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes.map((n) => n.text);

/** The question asked after words that say something is wrong, and not what. */
const WHAT_IS_WRONG = /请说一下哪一项填错了、正确的是什么，例如「金额应该是8000」/;
const OFFERED_AS_SAID = /您要转告的话：「(?:上一个|刚才|有一项|我)?填错了」/;

describe('wrong, and not what, right after submitting', () => {
  it.each(['上一个填错了', '刚才填错了', '有一项填错了', '我填错了', '我说错了', '刚才说错了一个地方'])('%s: what is wrong asked; the next message with words is what is passed on', async (said) => {
    const user = someone('wrong');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send(said)
      .expect(WHAT_IS_WRONG)
      .expect(new RegExp(`报告已经提交（案件编号 ${c.caseNo}），原来的内容改不了`))
      .expectNot(OFFERED_AS_SAID)
      .expectNot(/您要转告的话/)
      .send('金额应该是8000')
      .expect(/您要转告的话：「金额应该是8000」/)
      .expectNot(/合在一起|填错了；/)
      .send('1')
      .expect(new RegExp(`已转给负责您案件 ${c.caseNo} 的工作人员`));
    expect(await notesOf(c.id)).toEqual(['金额应该是8000']);
  });

  it('改金额 at the question names the item: its right value asked, then passed on; 改一下 there is asked another way', async () => {
    const { chat, c } = await reportSubmitted(t, someone('fix-item'));
    await chat
      .send('上一个填错了')
      .expect(WHAT_IS_WRONG)
      .send('改金额')
      .expect(/金额应该是多少？/)
      .expectNot(/原来的内容改不了/)
      .send('8000')
      .expect(/您要转告的话：「欠薪金额应该是8,000元」/)
      .send('1')
      .expect(/已转给/);
    expect(await notesOf(c.id)).toEqual(['欠薪金额应该是8,000元']);

    const again = await reportSubmitted(t, someone('fix-again'));
    await again.chat.send('我填错了').expect(WHAT_IS_WRONG).send('改一下').expect(/还是没看出哪一项要改/).send('改一下').expect(/我先不转/);
    expect(await notesOf(again.c.id)).toEqual([]);
  });

  it('a figure alone after the question is asked as the amount; 不用了 at the question passes nothing', async () => {
    const user = someone('figure');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send('刚才填错了')
      .expect(WHAT_IS_WRONG)
      .send('8000')
      .expect(/您是要把欠薪金额更正为8,000元吗？/)
      .expect(/您要转告的话：「欠薪金额应该是8,000元」/)
      .send('转给工作人员')
      .expect(/已转给/);
    expect(await notesOf(c.id)).toEqual(['欠薪金额应该是8,000元']);

    const other = someone('none');
    const second = await reportSubmitted(t, other);
    await second.chat.send('有一项填错了').expect(WHAT_IS_WRONG).send('不用了').expect(/不转了/).expectNot(/您要转告的话/);
    expect(await notesOf(second.c.id)).toEqual([]);
    expect((await session(other)).caseNote).toBeNull();
  });

  it('不对，金额是8000 at the question: what is right, passed on (never taken for a no); 名字 alone: its right value asked, then passed on with it', async () => {
    const user = someone('item');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send('我填错了')
      .expect(WHAT_IS_WRONG)
      .send('不对，金额是8000')
      .expect(/您要转告的话：「不对,金额是8000」/)
      .expectNot(/不转了/)
      .send('1')
      .expect(/已转给/);
    await chat
      .send('上一个填错了')
      .expect(WHAT_IS_WRONG)
      .send('名字')
      .expect(/^名字应该是什么？直接说正确的就行/)
      .expectNot(/您要转告的话/)
      .send('王芳芳')
      .expect(/您要转告的话：「名字应该是：王芳芳」/)
      .send('1')
      .expect(/已转给/);
    expect(await notesOf(c.id)).toEqual(['不对,金额是8000', '名字应该是：王芳芳']);
  });

  it('nothing of what is wrong again: asked another way, then no more asking (never the same reply forever)', async () => {
    const user = someone('again');
    const { chat, c } = await reportSubmitted(t, user);
    const replies: string[] = [];
    await chat
      .send('我填错了')
      .expect(WHAT_IS_WRONG)
      .check((_r, text) => replies.push(text))
      .send('就是填错了')
      .expectNot(WHAT_IS_WRONG)
      .expectNot(/您要转告的话/)
      .expect(/人工/)
      .check((_r, text) => replies.push(text))
      .send('填错了')
      .expectNot(/您要转告的话/)
      .check((_r, text) => replies.push(text));
    expect(new Set(replies).size).toBe(3);
    expect((await session(user)).caseNote).toBeNull();
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('返回 right after submitting', () => {
  it.each(['返回上一步', '上一步', '返回'])('%s: submitted, its number, not changed here, how to correct; never the menu alone', async (said) => {
    const user = someone('back');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send(said)
      .expect(new RegExp(`已经提交了（案件编号 ${c.caseNo}），不能返回修改`))
      .expect(/请说一下正确的是什么，例如「金额应该是8000」/)
      .expectNot(/可以帮您办理下面的事情/)
      .send('人数应该是3个')
      .expect(/您要转告的话：「人数应该是3个」/)
      .send('1')
      .expect(/已转给/);
    expect(await notesOf(c.id)).toEqual(['人数应该是3个']);
  });

  it('返回 said again at that question: the menu, as before (not the same answer twice)', async () => {
    const { chat } = await reportSubmitted(t, someone('back2'));
    await chat.send('返回').expect(/不能返回修改/).send('返回').expect(/可以帮您办理下面的事情/).expectNot(/不能返回修改/);
  });
});

describe('corrections that say something (guards)', () => {
  // guard: a correction with content is offered as it is, as before.
  it('金额填错了 应该是8000: offered to pass on at once', async () => {
    const { chat, c } = await reportSubmitted(t, someone('content'));
    await chat
      .send('金额填错了 应该是8000')
      .expect(/报告已经提交，原来的内容改不了，我可以把更正转给工作人员。/)
      .expect(/您要转告的话：「金额填错了 应该是8000」/)
      .expectNot(WHAT_IS_WRONG)
      .send('1')
      .expect(/已转给/);
    expect(await notesOf(c.id)).toEqual(['金额填错了 应该是8000']);
  });

  // guard: at a note shown back, 我说错了 is about that note and is put with it, as before.
  it('我说错了 at a note shown back: put with it, never asked what is wrong with the report', async () => {
    const { chat } = await reportSubmitted(t, someone('note'));
    await chat
      .send('老板给了我3000')
      .expect(/您要转告的话：「老板给了我3000」/)
      .send('我说错了')
      .expect(/您要转告的话：「老板给了我3000；我说错了」/)
      .expectNot(WHAT_IS_WRONG);
  });
});

describe('an employer said with fillers and its township', () => {
  it.each([
    ['呃就是那个东龙镇宏达电子厂', '宏达电子厂'],
    ['就是那个东龙镇宏达电子厂', '宏达电子厂'],
    ['呃，就是那个东龙镇的宏达电子厂', '宏达电子厂'],
    ['东龙镇上的宏达电子厂', '宏达电子厂'],
  ])('%s: the unit and the township proposed together; a yes keeps both', async (said, unit) => {
    const user = someone('emp');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .send(said)
      .expect(new RegExp(`用人单位「${unit}」、干活的地方「东龙镇」。对吗？`))
      .send('对')
      .expect(/在东龙镇的哪个村或社区/)
      .expectNot(/欠您工资的单位叫什么名字/);
    const s = await session(user);
    expect(s.answers.employer).toBe(unit);
    expect(s.answers.location).toMatchObject({ townshipId: 't01' });
  });

  // guard: said without the township, fillers and pointing words are no part of the name (as before).
  it.each(['就是那个宏达电子厂', '呃 宏达电子厂'])('%s: the unit, then the township asked', async (said) => {
    const user = someone('emp-alone');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').send(said).expect(/您在哪个镇或街道干活/);
    expect((await session(user)).answers.employer).toBe('宏达电子厂');
  });

  // guard: a township and a unit pointed at, not named: no name made of it; the unit is still asked.
  it('呃就是那个东龙镇那个厂: the township only, the unit asked again; never 「厂」 kept as a name', async () => {
    const user = someone('emp-unnamed');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .send('呃就是那个东龙镇那个厂')
      .expectNot(/用人单位「/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session(user)).answers.employer).toBeUndefined();
  });
});
