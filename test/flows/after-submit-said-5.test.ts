/*
 * What a worker says after submitting a wage report, as the fifth probe typed it (B4–B7, B13, C3, C7),
 * on real Redis; the clock fixed at Tuesday 1 December 2026, 10:00 Beijing (later where a test says so).
 *  - A new phone with no number (`我电话换了`, `换手机号了`, `我想改一下电话`): the number is asked for, then
 *    shown back masked for a yes, and passed on as a `phone` note (sealed on the note, masked in its words).
 *  - More evidence in other words (`我想补充一个证据`, `我还有证据`, `我有欠条了 怎么发给你们`): as `我想补充证据`.
 *  - News about the case (`老板今天给了我3000`, `老板联系我了 说下个月给`, `老板又欠了我一个月 现在一共一万二了`):
 *    a note for the case worker, confirmed first; a workmate who wants to report is told he can write himself, or
 *    reported for (`替他反映`).
 *  - Pressing once the promised contact date has passed: sorry, the date said, the union's supervisor offered;
 *    `咋还没动静`, `上次那个提交成功了吗`, `案件编号多少`, `我忘了我的编号`: the status and the case number;
 *    `我想再反映一次`: asked whether it is another report. `你们到底管不管啊 一点用都没有`: the complaint path.
 *  - Deleting one's data in other words (`注销`, `删除`, `撤回我的个人信息`, `把我的东西都删了`, `不要保存我的电话`):
 *    the delete question, always asked first; never a withdrawal of the case.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { createWageCase } from '../support/cases.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { readCaseMessage } from '../../flows/case-desk.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

/** A wage report submitted by `user` today (not yet taken by anyone), owed 8,000 yuan. */
const reported = (user: string, employer = '青溪宏达建筑工程有限公司') => createWageCase(t.core, { userKey: user, amount: 8000, employer: `${employer}${user.slice(-3)}` });
const caseOf = async (id: string) => (await t.core.cases.get(id))!;
const notesOf = async (id: string) => (await caseOf(id)).reporterNotes.map((n) => [n.kind, n.text]);
const session = (user: string) => t.chat.sessions.load(user, clock.now());
const days = (n: number) => clock.set(new Date(NOW.getTime() + n * 86_400_000));

describe('a new phone said without the number', () => {
  it('我电话换了: the number is asked for, shown back masked, and passed on sealed after a yes', async () => {
    const c = await reported('web:p51');
    await converse(t.chat, 'web:p51')
      .send('我电话换了')
      .expect(/^新的手机号是多少？直接发过来，我转给负责您案件的工作人员。$/)
      .send('13900139000')
      .expect(/您要转告的话：「我的新手机号：139\*\*\*\*9000」/)
      .expect(/号码在这里只显示一部分，转过去的是完整的/)
      .expect(new RegExp(`把这条消息转给负责您案件 ${c.caseNo}（.+）的工作人员吗？`))
      .expectNot(/13900139000/)
      .send('转给工作人员')
      .expect(new RegExp(`已转给负责您案件 ${c.caseNo} 的工作人员。`))
      .expect(/工作人员会用新号码联系您。/);
    const after = await caseOf(c.id);
    expect(after.reporterNotes).toHaveLength(1);
    expect(after.reporterNotes[0]).toMatchObject({ kind: 'phone', text: '我的新手机号：139****9000' });
    expect(after.reporterNotes[0]!.phonesSealed).toHaveLength(1);
    expect(JSON.stringify(after)).not.toContain('13900139000');
    expect((await session('web:p51')).caseNote).toBeNull();
  });

  it('换手机号了 and 我想改一下电话 ask for it too; 还没办好 passes nothing, and two answers with no number are never a loop', async () => {
    const c = await reported('web:p52');
    await converse(t.chat, 'web:p52')
      .send('换手机号了')
      .expect(/新的手机号是多少？/)
      .send('还没办好')
      .expect(/^好的，有了新号直接发给我就行。$/)
      .send('我想改一下电话')
      .expect(/新的手机号是多少？/)
      .expectNot(/金额应该是8000/)
      .send('电话是一三九')
      .expect(/没看出手机号。请直接发新的11位手机号/)
      .send('电话是一三九零')
      .expect(/^还是没看出手机号。方便时直接把新号发给我就行/)
      .send('换了')
      .expectNot(/手机号/);
    expect(await notesOf(c.id)).toEqual([]);
    expect((await session('web:p52')).caseNote).toBeNull();
    await converse(t.chat, 'web:p52').send('我电话换了').send('换了个新手机 号没变').expect(/^好的，号码没变就不用转了。$/);
    const words = (await converse(t.chat, 'web:p52').send('电话打不通了 换了个号').send('139 0013 9000').send('好')).text;
    expect(words).toMatch(new RegExp(`已转给负责您案件 ${c.caseNo} 的工作人员`));
    expect(await notesOf(c.id)).toEqual([['phone', '我的新手机号：139****9000']]);
  });

  it('reading: a change of one\'s own number with no number in it; the boss\'s or the staff\'s is not', () => {
    for (const m of ['我电话换了', '换手机号了', '我手机号变了', '电话打不通了 换了个号', '我想改一下电话']) expect(readCaseMessage(m), m).toEqual({ kind: 'new-phone' });
    expect(readCaseMessage('我电话换了 新号13900139000')).toEqual({ kind: 'note', note: 'phone' });
    expect(readCaseMessage('老板换手机号了')?.kind).toBe('note');
    expect(readCaseMessage('你们电话换了吗')).toBeNull();
    // The number unchanged (a new handset only): acknowledged, never a new phone (probe 11).
    expect(readCaseMessage('换了个新手机 号没变')).toEqual({ kind: 'asks', about: 'same-phone' });
  });
});

describe('more evidence, in other words', () => {
  it('我想补充一个证据, 我还有证据, 我有欠条了 怎么发给你们: the same answer as 我想补充证据', async () => {
    const c = await reported('web:p53');
    for (const m of ['我想补充证据', '我想补充一个证据', '我还有证据', '我有欠条了 怎么发给你们']) {
      await converse(t.chat, 'web:p53')
        .send(m)
        .expect(new RegExp(`^照片或文件直接发过来就行，会补充到案件 ${c.caseNo}（.+），负责的工作人员能看到。$`));
    }
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('news about the case, for its worker', () => {
  it('老板今天给了我3000: part of the 8,000 owed, shown back and passed on as partly paid after a yes', async () => {
    const c = await reported('web:p54');
    await converse(t.chat, 'web:p54')
      .send('老板今天给了我3000')
      .expect(/拿到一部分也是进展，剩下的工作人员会接着帮您要。/)
      .expect(/您要转告的话：「老板今天给了我3000」/)
      .expect(/把这条消息转给负责您案件/)
      .send('转')
      .expect(/剩下的钱工作人员会接着帮您要。/);
    expect(await notesOf(c.id)).toEqual([['partly_paid', '老板今天给了我3000']]);
  });

  it('老板今天给了我8000 is all of it: paid, still only after a yes', async () => {
    const c = await reported('web:p55');
    await converse(t.chat, 'web:p55').send('老板今天给了我8000').expect(/太好了！案件要由工作人员跟您核实后才办结/).send('不用了').expect(/好的，这条没有转。/);
    expect(await notesOf(c.id)).toEqual([]);
    await converse(t.chat, 'web:p55').send('老板今天给了我8000').send('转给工作人员');
    expect(await notesOf(c.id)).toEqual([['paid', '老板今天给了我8000']]);
  });

  it('老板联系我了 说下个月给: advice on a promise, and a note after a yes', async () => {
    const c = await reported('web:p56');
    await converse(t.chat, 'web:p56')
      .send('老板联系我了 说下个月给')
      .expect(/老板答应给钱是好事。最好请他把金额和哪天给写下来签字；钱到手之前，案件照常办理。/)
      .expect(/您要转告的话：「老板联系我了 说下个月给」/)
      .expectNot(/没太明白/)
      .send('好的')
      .expect(/已转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([['other', '老板联系我了 说下个月给']]);
  });

  it('老板又欠了我一个月 现在一共一万二了: an update for the worker, not a second report', async () => {
    const c = await reported('web:p57');
    await converse(t.chat, 'web:p57')
      .send('老板又欠了我一个月 现在一共一万二了')
      .expect(/欠的钱有变化，要让工作人员知道/)
      .expect(/您要转告的话：「老板又欠了我一个月 现在一共一万二了」/)
      .expectNot(/要再反映另一件欠薪吗/)
      .send('转给工作人员');
    expect(await notesOf(c.id)).toEqual([['correction', '老板又欠了我一个月 现在一共一万二了']]);
    expect((await session('web:p57')).flowId).toBeNull();
    // With nothing more said, another report is still asked about.
    await converse(t.chat, 'web:p57').send('老板又欠我工资了').expect(/要再反映另一件欠薪吗/);
  });

  it('我还有工友也被欠了 他也想反映: he can write himself, or the person reports for him; never a correction', async () => {
    const c = await reported('web:p58');
    await converse(t.chat, 'web:p58')
      .send('我还有工友也被欠了 他也想反映')
      .expect(/您的工友可以自己加我，发「反映欠薪」登记，工作人员会直接联系他。/)
      .expect(/您也可以替他反映，我带您填他的情况。要现在替他反映吗？/)
      .expectNot(/更正|原来的内容改不了/)
      .send('替他反映')
      .expect(/替别人反映的，请先告诉本人/)
      .expectNot(/要再反映另一件欠薪吗/);
    expect(await notesOf(c.id)).toEqual([]);
    const s = await session('web:p58');
    expect(s.flowId).toBe('wage');
    expect(s.answers.onBehalf).toMatchObject({ relation: '工友' });
    await reported('web:p59');
    await converse(t.chat, 'web:p59').send('我老乡也想反映').send('让他自己来').expect(/有需要随时找我/);
    expect((await session('web:p59')).flowId).toBeNull();
  });
});

describe('pressing, the status and the case number', () => {
  it('怎么还没人联系我 after the promised contact date: sorry, the date said, and the union\'s supervisor offered', async () => {
    const c = await reported('web:p60');
    // Before the date: the status as before, no apology.
    await converse(t.chat, 'web:p60').send('怎么还没人联系我').expect(new RegExp(c.caseNo)).expectNot(/很抱歉|已经过了/);
    days(10);
    await converse(t.chat, 'web:p60')
      .send('怎么还没人联系我')
      .expect(/很抱歉让您久等了。按说最晚12月2日（周三）10:00就该有工作人员联系您，现在已经过了。/)
      .expect(new RegExp(`${c.caseNo}（反映欠薪，`))
      .expect(/您要反映的意见：「怎么还没人联系我」/)
      .expect(/把这条意见转给.+总工会的负责同志吗？/)
      .send('转给工会负责同志')
      .expect(/工会的负责同志/);
    expect(await notesOf(c.id)).toEqual([['complaint', '怎么还没人联系我']]);
    await converse(t.chat, 'web:p60').send('咋还没动静').expect(/按说最晚12月2日（周三）10:00就该有工作人员联系您，现在已经过了。/);
  });

  it('a date to settle by that passed, once the case was taken: said so too', async () => {
    const c = await reported('web:p61');
    await t.core.cases.update(c.id, 'test', (cur) => ({
      record: { ...cur, status: 'accepted', acceptedAt: NOW.toISOString(), resolveBy: new Date('2026-12-22T18:00:00+08:00').toISOString() },
      action: 'test',
      detail: 'accepted',
    }));
    days(25);
    await converse(t.chat, 'web:p61').send('到底啥时候能给钱').expect(/很抱歉让您久等了。按说最晚12月22日（周二）18:00就该办结，现在已经过了。/).expect(/把这条意见转给/);
  });

  it('咋还没动静, 上次那个提交成功了吗, 案件编号多少, 我忘了我的编号: the status, with the case number first when asked', async () => {
    const c = await reported('web:p62');
    await converse(t.chat, 'web:p62').send('咋还没动静').expect(new RegExp(`您的案件：\\s+${c.caseNo}`)).expectNot(/答不上来|没太明白|很抱歉/);
    await converse(t.chat, 'web:p62').send('上次那个提交成功了吗').expect(new RegExp(`^已经提交成功了，案件编号是 ${c.caseNo}。`));
    for (const m of ['案件编号多少', '我忘了我的编号']) await converse(t.chat, 'web:p62').send(m).expect(new RegExp(`^您的案件编号是 ${c.caseNo}。`)).expect(/状态：/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('我想再反映一次, 我还要再反映一个老板: asked whether it is another report; yes starts one', async () => {
    const c = await reported('web:p63');
    await converse(t.chat, 'web:p63').send('我想再反映一次').expect(new RegExp(`您已经反映过（${c.caseNo}），要再反映另一件欠薪吗？`)).send('不是').expect(/有需要随时找我/);
    await converse(t.chat, 'web:p63').send('我还要再反映一个老板').expect(/要再反映另一件欠薪吗？/).send('是，另一件').expect(/您同意吗？/);
    expect((await session('web:p63')).flowId).toBe('wage');
  });

  it('你们到底管不管啊 一点用都没有: acknowledged, and the complaint path offered', async () => {
    const c = await reported('web:p64');
    await converse(t.chat, 'web:p64')
      .send('你们到底管不管啊 一点用都没有')
      .expect(/很抱歉让您有这样的感受。/)
      .expect(/您要反映的意见：「你们到底管不管啊 一点用都没有」/)
      .expect(/把这条意见转给.+总工会的负责同志吗？/)
      .send('不用了')
      .expect(/好的，这条没有转。/);
    expect(await notesOf(c.id)).toEqual([]);
    // Asking alone is still the progress view; a question about a card or what the staff said is no complaint.
    expect(readCaseMessage('你们到底管不管')).toEqual({ kind: 'progress', staffPhone: false });
    for (const m of ['网格员说证据没什么用', '工会会员卡有什么用']) expect(readCaseMessage(m)?.kind, m).not.toBe('complaint');
  });

  it('a number the boss gave is shown masked, and the person is told the worker gets it whole', async () => {
    await reported('web:p65');
    await converse(t.chat, 'web:p65').send('老板叫王建国 电话13712345678').expect(/「老板叫王建国 电话137\*\*\*\*5678」/).expect(/号码在这里只显示一部分，转过去的是完整的/);
  });
});

describe('deleting one\'s data, in other words', () => {
  const ASK = /确定要删除您的个人信息吗？/;

  it('注销, 删除, 撤回我的个人信息, 我不想用了 把我的东西都删了: the delete question; no is no', async () => {
    const c = await reported('web:p66');
    for (const m of ['注销', '删除', '撤回我的个人信息', '我不想用了 把我的东西都删了']) {
      await converse(t.chat, 'web:p66').send(m).expect(ASK).expectNot(/撤回要由工作人员|没太明白|破产/).send('不删除').expect(/好的，没有删除任何信息。/);
    }
    expect(await notesOf(c.id)).toEqual([]);
    expect((await caseOf(c.id)).reporter.phoneSealed).not.toBeNull();
  });

  it('不要保存我的电话: the phone cannot go alone, said so, then the delete question; a yes deletes', async () => {
    const c = await reported('web:p67');
    await converse(t.chat, 'web:p67')
      .send('不要保存我的电话')
      .expect(/电话号码没法单独删除，只能把您在这里的个人信息一起删除。/)
      .expect(ASK)
      .send('确认删除')
      .expect(/已删除您的个人信息。/);
    expect((await caseOf(c.id)).reporter.phoneSealed).toBeNull();
  });

  it('a lone 删除 while words wait to be passed on is a no to them, not the delete question', async () => {
    const c = await reported('web:p69');
    await converse(t.chat, 'web:p69').send('老板叫王建国').expect(/把这条消息转给/).send('删除').expect(/^好的，这条没有转。$/).expectNot(ASK);
    expect(await notesOf(c.id)).toEqual([]);
    expect((await session('web:p69')).mode).toBe('idle');
  });

  it('with no report at all, 注销 is the delete question too, never an answer about a company closing', async () => {
    await converse(t.chat, 'web:p68').send('注销').expect(ASK).expectNot(/破产/);
  });
});
