/*
 * What a worker says in the days after submitting a wage report (helper h80), the report of SUBMITTED_REPORT
 * (6,000 yuan, 王芳, 13700001111), a day or more later, before and after a grid worker took the case:
 *  - `老板已经给了`, `老板给我了` (paid, nothing said after it): news for the case worker, shown back for a yes (it was
 *    没太明白 and the menu); `老板给了吗` asks, and the case's progress answers (it was 答不上来);
 *  - `能换个人吗`: someone else asked for, for the union's supervisor after a yes (it was 答不上来);
 *  - `要我去哪里`, `去哪里找你们`: no trip needed, they call; `需要带什么材料`, `要准备什么材料`: nothing to take now, the
 *    evidence sent here, originals kept (both were 答不上来);
 *  - `我把截图发你`, `我发几张截图给你`: send them here, they go to the case (it was the knowledge answer on evidence);
 *  - `老板又欠我这个月的`, `这个月又没发`, `老板这个月也没给`: more owed now, news for the case worker after a yes (it was
 *    another report offered, 没太明白, or the ways to claim wages);
 *  - `网格员刚给我打电话了`, `工作人员联系我了`: good news, said so (it was the knowledge answer on 工格员, or 没太明白);
 *    `工作人员叫我明天去`: go as agreed, with the evidence (it was 没太明白); `材料要原件吗`: as `需要带什么材料`;
 *  - `钱我不要了`: a wish to withdraw, shown back for a yes like `不想告了` (it was 没太明白);
 *  - `金额不对`, `金额错了` (the item, not the value): the right amount asked, then asked to be confirmed; `电话错了`: the
 *    number asked as a new one's (both were 没太明白). Only a note after a yes: the report's amount and phone never change;
 *  - `工作人员电话多少` once the contact date passed: that answered with the delay and how to press (it showed the
 *    question back as a complaint for the supervisor); `怎么还没人联系我` on a case a grid worker took: that someone
 *    has it and calls the number on the report (it said only 「要是到时还没办好」).
 *  - guards: a withdrawal (`我不想报了`, `撤回`, `算了不要了`), a changed amount or a new phone is only ever shown back and
 *    passed on as a note after a yes (never applied to the case); `算了` at that question passes nothing.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h80-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;
const MINUTE = 60_000;
/** A day and an hour on: past the contact date of the receipt (12月2日 10:00). */
const dayLater = () => clock.advance(25 * 60 * MINUTE);
const get = async (c: Case) => (await t.core.cases.get(c.id))!;
const notesOf = async (c: Case) => (await get(c)).reporterNotes.map((n) => [n.kind, n.text]);

/** The report submitted now, a grid worker of its town having taken it (as routing and 接单 leave it). */
async function taken(user: string) {
  const out = await reportSubmitted(t, user);
  const grid = [...t.core.directory.index().gridById.values()].find((g) => g.grid.id.startsWith(`${out.c.location.townshipId}-`))!.grid;
  await t.core.cases.update(out.c.id, 'test', (cur) => ({
    record: {
      ...cur,
      location: { ...cur.location, gridId: grid.id },
      status: 'accepted',
      assignee: { staffId: grid.workers[0]!.id, level: 'grid', assignedAt: clock.now().toISOString() },
      acceptedAt: clock.now().toISOString(),
      resolveBy: new Date('2026-12-22T18:00:00+08:00').toISOString(),
    },
    action: 'test',
    detail: 'accepted',
  }));
  return out;
}

/** The case as submitted: nothing about it changed by what was said. */
async function unchanged(c: Case, status = 'submitted') {
  const now = await get(c);
  expect(now.status).toBe(status);
  expect(now.wage?.amount).toBe(6000);
  expect(now.reporter.phoneHash).toBe(c.reporter.phoneHash);
}

describe('paid, said with nothing after it', () => {
  it.each(['老板已经给了', '老板给我了', '老板今天已经给了'])('%s: shown back for a yes, passed on as news only then', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('paid'));
    dayLater();
    await chat.send(said).expect(/太好了！案件要由工作人员跟您核实后才办结/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/).expect(/工作人员核实后会办结案件/);
    expect(await notesOf(c)).toEqual([['paid', said]]);
    await unchanged(c);
  });

  it('老板给了吗: asked, so the progress answers; nothing offered to pass on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('paid-q'));
    await chat.send('老板给了吗').expect(new RegExp(`${c.caseNo}（反映欠薪，`)).expect(/钱什么时候能到手/).expectNot(UNKNOWN).expectNot(/您要转告的话|太好了/);
    expect(await notesOf(c)).toEqual([]);
  });
});

describe('questions about what happens now', () => {
  it('能换个人吗 on a case taken: for the union\'s supervisor, only after a yes', async () => {
    const { chat, c } = await taken(someone('change'));
    dayLater();
    await chat.send('能换个人吗').expect(/换人处理要由工会的负责同志来安排/).expect(/您要反映的意见：「能换个人吗」/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转给工会负责同志').expect(/工会的负责同志/);
    expect(await notesOf(c)).toEqual([['complaint', '能换个人吗']]);
  });

  it.each(['要我去哪里', '我需要去哪里', '去哪里找你们'])('%s: no trip needed, they call first', async (said) => {
    const { chat, c } = await taken(someone('where'));
    dayLater();
    await chat.send(said).expect(/不用专门跑一趟。工作人员会先打您留的电话联系您/).expectNot(UNKNOWN).expectNot(/您要转告的话/);
    expect(await notesOf(c)).toEqual([]);
  });

  it.each(['需要带什么材料', '要带什么', '要准备什么材料'])('%s: nothing to take now; evidence sent here, originals kept', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('bring'));
    dayLater();
    await chat.send(said).expect(/现在不用专门准备什么送过去/).expect(/拍照直接发给我，会补充到您的案件；原件自己留好/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
  });

  it.each(['材料要原件吗'])('%s: the same answer on what to bring (it was 答不上来)', async (said) => {
    const { chat } = await reportSubmitted(t, someone('copy'));
    await chat.send(said).expect(/原件自己留好/).expectNot(UNKNOWN);
  });

  // `刚才有人打电话给我了` left this list (h94): someone unnamed may be the boss or a stranger, so who called is asked.
  it.each(['网格员刚给我打电话了', '工作人员联系我了'])('%s: good news, said so; nothing passed on', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('called'));
    dayLater();
    await chat.send(said).expect(/好的，工作人员联系上您就好/).expectNot(UNKNOWN).expectNot(/您要转告的话|您要反映的意见|工格员是工会/);
    expect(await notesOf(c)).toEqual([]);
  });

  it.each(['工作人员叫我明天去', '工作人员让我明天去街道'])('%s: go as agreed, with the evidence; nothing passed on', async (said) => {
    const { chat, c } = await taken(someone('come'));
    dayLater();
    await chat.send(said).expect(/按工作人员约的时间、地点去就行/).expectNot(UNKNOWN).expectNot(/您要转告的话/);
    expect(await notesOf(c)).toEqual([]);
  });

  it.each(['我把截图发你', '截图发给你', '我发几张截图给你'])('%s: send them here, they go to the case', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('shots'));
    dayLater();
    await chat.send(said).expect(new RegExp(`照片或文件直接发过来就行，会补充到案件 ${c.caseNo}`)).expectNot(/从今天起留好/);
  });
});

describe('more owed now', () => {
  it.each(['老板又欠我这个月的', '这个月又没发', '老板这个月也没给'])('%s: news for the case worker after a yes, no second report', async (said) => {
    const user = someone('more');
    const { chat, c } = await reportSubmitted(t, user);
    dayLater();
    await chat.send(said).expect(/欠的钱有变化，要让工作人员知道/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(UNKNOWN).expectNot(/要再反映另一件欠薪吗/);
    expect((await session(user))?.mode).not.toBe('offer');
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['correction', said]]);
    await unchanged(c);
    expect(await t.core.cases.listByUser(user, 5)).toHaveLength(1);
  });
});

describe('an item said to be wrong, not what is right', () => {
  it.each(['金额不对', '金额错了'])('%s: the right amount asked, then confirmed; the report\'s amount unchanged', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('amount'));
    dayLater();
    await chat
      .send(said)
      .expect(new RegExp(`报告已经提交（案件编号 ${c.caseNo}），原来的内容改不了。金额应该是多少？`))
      .expectNot(UNKNOWN)
      .send('六千五')
      .expect(/您是要把欠薪金额更正为6,500元吗？/)
      .expect(/您要转告的话：「欠薪金额应该是6,500元」/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['correction', '欠薪金额应该是6,500元']]);
    await unchanged(c);
  });

  it('电话错了: the number asked, shown back masked, passed on only after a yes; the phone on file unchanged', async () => {
    const { chat, c } = await reportSubmitted(t, someone('phone'));
    dayLater();
    await chat.send('电话错了').expect(/新的手机号是多少？/).expectNot(UNKNOWN).send('13912345678').expect(/您要转告的话：「我的新手机号：139\*\*\*\*5678」/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/工作人员会用新号码联系您/);
    expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['phone']);
    await unchanged(c);
  });

  // guard: at «哪一项填错了？», `金额不对` still names the item (it now reads as wrong on its own too).
  it('guard: 我填错了, then 金额不对: the amount asked, as before', async () => {
    const { chat } = await reportSubmitted(t, someone('wrong-item'));
    await chat.send('我填错了').expect(/请说一下哪一项填错了/).send('金额不对').expect(/金额应该是多少？/).expectNot(/还是没看出/);
  });
});

describe('pressing', () => {
  it('工作人员电话多少 once the contact date passed: not given out, the delay said, and how to press; 催一下 then offers the supervisor', async () => {
    const { chat, c } = await reportSubmitted(t, someone('staff-phone'));
    dayLater();
    await chat
      .send('工作人员电话多少')
      .expect(/很抱歉让您久等了。按说最晚12月2日（周三）10:00就该有工作人员联系您，现在已经过了。/)
      .expect(/他们的电话不在这里公开/)
      .expect(/回复「催一下」/)
      .expectNot(/您要反映的意见/)
      .send('催一下')
      .expect(/您要反映的意见：「催一下」/)
      .expect(/把这条意见转给.+负责同志吗？/);
    expect(await notesOf(c)).toEqual([]);
  });

  it('怎么还没人联系我 on a case a grid worker took: someone has it and calls the number on the report', async () => {
    const { chat, c } = await taken(someone('taken'));
    dayLater();
    await chat
      .send('怎么还没人联系我')
      .expect(/案件已经有工作人员接手，他们会打您报告里留的手机号联系您/)
      .expect(/办结期限：12月22日/)
      .expectNot(/很抱歉/);
    expect(await notesOf(c)).toEqual([]);
  });

  // guard: before the contact date, pressing is heard with the date, nothing passed on.
  it('guard: 怎么还没人联系我 before the contact date: the date, no complaint offered', async () => {
    const { chat, c } = await reportSubmitted(t, someone('early'));
    clock.advance(60 * MINUTE);
    await chat.send('怎么还没人联系我').expect(/按规定工作人员最晚12月2日（周三）10:00联系您/).expectNot(/您要反映的意见|很抱歉/);
    expect(await notesOf(c)).toEqual([]);
  });
});

describe('the money given up', () => {
  it.each(['钱我不要了', '这钱我不要了'])('%s: a wish to withdraw, shown back for a yes (it was 没太明白); 算了 passes nothing', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('give-up'));
    dayLater();
    await chat.send(said).expect(/撤回要由工作人员跟您确认后再办/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(UNKNOWN);
    await chat.send('算了').expect(/这条没有转/);
    expect(await notesOf(c)).toEqual([]);
    await unchanged(c);
  });
});

describe('guards: nothing about the case changes without a yes', () => {
  // guard: a withdrawal is only passed on as a wish, after a yes; the case goes on.
  it.each(['我不想报了', '撤回', '算了不要了'])('guard: %s: shown back, nothing kept; 算了 there passes nothing', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('withdraw'));
    dayLater();
    await chat.send(said).expect(/撤回要由工作人员跟您确认后再办/).expect(new RegExp(`您要转告的话：「${said}」`));
    expect(await notesOf(c)).toEqual([]);
    await chat.send('算了').expect(/这条没有转/);
    expect(await notesOf(c)).toEqual([]);
    await unchanged(c);
  });

  // guard: a yes passes the wish on as a note; the case stays open for staff to confirm.
  it('guard: 撤回 then 转: a note, the case still open', async () => {
    const { chat, c } = await taken(someone('withdraw-yes'));
    await chat.send('撤回').send('转').expect(/撤回要等工作人员跟您确认后才办理，在这之前案件照常办理/);
    expect(await notesOf(c)).toEqual([['withdraw', '撤回']]);
    await unchanged(c, 'accepted');
  });

  // guard: a new amount or phone with its value is shown back for a yes, never applied.
  it.each([
    ['金额写错了 应该是六千五', /您要转告的话：「金额写错了 应该是六千五」/],
    ['我换手机号了 新号13912345678', /您要转告的话：「我换手机号了 新号139\*\*\*\*5678」/],
  ])('guard: %s: shown back, nothing kept before a yes', async (said, shown) => {
    const { chat, c } = await reportSubmitted(t, someone('value'));
    dayLater();
    await chat.send(said).expect(shown).expect(/把这条消息转给负责您案件/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('不用了').expect(/这条没有转/);
    expect(await notesOf(c)).toEqual([]);
    await unchanged(c);
  });
});
