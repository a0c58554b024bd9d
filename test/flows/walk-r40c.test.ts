/**
 * After a wage report is sent, what workers say next, as they type it (walk round 40c):
 *  1. Another sum owed on the same case remembered later (`我又想起来了 还有加班费没给`, `押金也没退`,
 *     `老板还欠我2000押金`): offered to the case worker as an update, passed on only after a yes (it was the knowledge
 *     answer on overtime, or nothing, and the words went nowhere). Asked (`加班费没给怎么办`) it stays the knowledge answer.
 *  2. The money not come, said of the person's side (`还没收到钱`, `一分钱都没给`): the case's progress (it was 「没太明白」
 *     and the menu, or another report offered). Nothing is recorded or passed on.
 *  3. `你们这个没用`, `你们这个根本没用`: told we will act, as `没用` is (it was 「没太明白」 and the menu).
 *  4. `撤了吧`, `那就撤了吧`, `算了 撤了吧`: the wish to withdraw, passed on only after a yes, the case never closed here
 *     (it was 「没太明白」 and the menu); `工地撤了` is no withdrawal.
 *  5. `拿了一半`, `只拿了一半`: part of the money come, passed on after a yes; no sum recorded, the case kept (it was
 *     「没太明白」 and the menu).
 *  6. More about the boss remembered (`我想起来了 老板是四川人 姓刘`, `老板微信是liu123`): offered to the case worker as
 *     more information (it was 「没太明白」 and the menu); `我想起来了 进度怎么看` is not passed on.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { reportSubmitted } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

const someone = (tag: string) => `web:r40c-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes;
const MENU = /我是工友助手，可以帮您办理/;

describe('1. another sum owed on the same case, remembered after it was sent', () => {
  it.each(['我又想起来了 还有加班费没给', '还有加班费没给', '加班费也没给', '对了 还有押金没退', '我又想起来了 老板还欠我2000押金'])(
    '%s: offered to the case worker, passed on after a yes',
    async (said) => {
      const user = someone('item');
      const { chat, c } = await reportSubmitted(t, user);
      await chat
        .send(said)
        .expect(/欠的钱有变化，要让工作人员知道/)
        .expect(/的工作人员吗？/)
        .expectNot(/没太明白|劳动法》第四十四条/);
      expect(await notesOf(c.id)).toEqual([]);
      await chat.send('转给工作人员').expect(/已转给负责您案件/);
      const notes = await notesOf(c.id);
      expect(notes).toHaveLength(1);
      expect(JSON.stringify(notes[0])).toContain(said);
      const after = await t.core.cases.get(c.id);
      expect(after!.status).toBe(c.status);
    },
  );

  // guard: asked, it is the knowledge answer, nothing offered or passed on.
  it('guard: 加班费没给怎么办: the knowledge answer, nothing passed on', async () => {
    const user = someone('item-asked');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('加班费没给怎么办').expect(/加班费按您的工资算/).expectNot(/的工作人员吗？/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('2. the money not come, said of the person’s side', () => {
  it.each(['还没收到钱', '一分钱都没给', '老板一分钱都没给我'])('%s: the progress, nothing recorded or passed on', async (said) => {
    const user = someone('notyet');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send(said)
      .expect(/状态：已提交/)
      .expect(/钱什么时候能到手/)
      .expectNot(/没太明白|要再反映另一件欠薪吗|的工作人员吗？/)
      .expectNot(MENU);
    expect(await notesOf(c.id)).toEqual([]);
    const after = await t.core.cases.get(c.id);
    expect(after!.status).toBe(c.status);
  });
});

describe('3. doubt that anyone will act', () => {
  it.each(['你们这个没用', '你们这个根本没用'])('%s: told we will act (never 没太明白 and the menu)', async (said) => {
    const user = someone('doubt');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send(said).expect(/我们会管的/).expectNot(/没太明白/).expectNot(MENU);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('4. a short wish to withdraw', () => {
  it.each(['撤了吧', '那就撤了吧', '算了 撤了吧'])('%s: the withdrawal offered to the case worker, the case kept', async (said) => {
    const user = someone('withdraw');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send(said)
      .expect(/撤回要由工作人员跟您确认后再办/)
      .expect(/的工作人员吗？/)
      .expectNot(/没太明白/)
      .expectNot(MENU);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('转给工作人员').expect(/已转给负责您案件/).expect(/在这之前案件照常办理/);
    expect(await notesOf(c.id)).toHaveLength(1);
    expect((await t.core.cases.get(c.id))!.status).toBe(c.status);
  });
});

describe('5. part of the money come, said shortly', () => {
  it.each(['拿了一半', '只拿了一半'])('%s: passed on after a yes, nothing recorded as recovered', async (said) => {
    const user = someone('half');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send(said).expect(/拿到一部分也是进展/).expect(/的工作人员吗？/).expectNot(/没太明白/).expectNot(MENU);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    const after = (await t.core.cases.get(c.id))!;
    expect(after.status).toBe(c.status);
    expect(after.reporterNotes).toHaveLength(1);
  });
});

describe('6. more about the boss remembered after the report', () => {
  it.each(['我想起来了 老板是四川人 姓刘', '老板微信是liu123'])('%s: offered to the case worker', async (said) => {
    const user = someone('more');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send(said).expect(/我可以把更正转给工作人员/).expect(/的工作人员吗？/).expectNot(/没太明白/).expectNot(MENU);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    expect(await notesOf(c.id)).toHaveLength(1);
  });

  // guard: a question after 想起来 is not news to pass on.
  it('guard: 我想起来了 进度怎么看: nothing offered to pass on', async () => {
    const user = someone('more-q');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('我想起来了 进度怎么看').expectNot(/的工作人员吗？/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});
