/**
 * After a wage report is sent (6,000 yuan, 王芳), phone numbers and sums said next (walk round 41):
 *  1. A workmate owed too, with his number (`这是我老乡的电话 13912345678 他也被欠了`): news for the case worker, his
 *     number his (it was offered as the person's spare phone). Without a number (`我老乡也被欠了`): he can write himself,
 *     or be reported for (it was 没太明白). A workmate's number with nothing more (`这是我工友的电话 139…`): what for, asked.
 *  2. A number alone (`13912345678`): whose it is, asked; nothing passed on or taken as the person's before the answer
 *     (it was taken as their new phone). The number on file: no change, as before. Sent again and again: asked once
 *     more, then not kept (never a third question).
 *  3. A number with a name (`李哥 13912345678`): who that is, asked (it was 没太明白); with the boss's side named
 *     (`包工头李哥 139…`, `李哥是我们工头 139…`) the boss's number, offered at once; `张姐的电话是139…` is not the person's
 *     own (it was taken as their new phone); the report's own name (`王芳 139…`) is.
 *  4. A sum received and a sum left (`收到5000 还差3000`) that do not add up to the 6,000 reported: asked, nothing passed
 *     on (it was offered as part paid); said right, part paid after a yes; said again the same, or a plain yes, passed
 *     on for the case worker to check. The rest alone (`还差3000`): what came is said back to be checked.
 *  Also: `打我工友 139…` is a call, not violence; `他电话是139…` is not the person's own; `钱到了 但只有4000` is part of
 *  it, as is `钱打到我卡里了 4000`; `俺的工钱到现在还没见着` is the progress; `我还有个工友叫张三 也欠他五千` is a workmate
 *  owed too.
 * Numbers are sealed in notes: never in the words kept.
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

const someone = (tag: string) => `web:r41-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes;
const MENU = /我是工友助手，可以帮您办理/;
const OWN_PHONE = /换了号码要让工作人员知道|工作人员会用新号码联系您/;
const SPARE = /备用电话/;
const WHOSE = /这个号码是谁的？/;

describe('1. a workmate owed too, with his number', () => {
  it.each(['这是我老乡的电话 13912345678 他也被欠了', '我工友也被欠了 他电话13912345678', '我同事也没拿到钱 这是他手机 13912345678'])(
    '%s: news about the workmate, never the person’s phone nor a spare one',
    async (said) => {
      const user = someone('peer-owed');
      const { chat, c } = await reportSubmitted(t, user);
      await chat.send(said).expect(/工友也被欠了工资/).expect(/不会当成您的电话/).expect(/的工作人员吗？/).expectNot(SPARE).expectNot(OWN_PHONE).expectNot(MENU);
      expect(await notesOf(c.id)).toEqual([]);
      await chat.send('转给工作人员').expect(/已转给负责您案件/).expectNot(/新号码/);
      const notes = await notesOf(c.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.kind).toBe('other');
      expect(JSON.stringify(notes)).not.toContain('13912345678');
      const after = (await t.core.cases.get(c.id))!;
      expect(after.reporter.phoneHash).toBe(c.reporter.phoneHash);
    },
  );

  it('我老乡也被欠了: he can write himself, or be reported for', async () => {
    const { chat, c } = await reportSubmitted(t, someone('peer-no-number'));
    await chat.send('我老乡也被欠了').expect(/您的老乡可以自己加我/).expect(/替他反映/).expectNot(/没太明白/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('这是我工友的电话 139…: what for is asked; 他能给我作证: a witness, after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('peer-what-for'));
    await chat.send('这是我工友的电话 13912345678').expect(/要转给工作人员做什么用/).expectNot(SPARE).expectNot(/我自己的新号码/);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('他能给我作证').expect(/有人愿意作证很有用/).expect(/能给我作证/).expect(/的工作人员吗？/);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    expect(await notesOf(c.id)).toHaveLength(1);
  });

  // `打我工友 139…` is a call, not a blow (it was read as violence and marked urgent).
  it('联系不上我就打我工友 139…: a spare number, never violence', async () => {
    const { chat } = await reportSubmitted(t, someone('peer-spare'));
    await chat.send('联系不上我就打我工友 13912345678').expect(SPARE).expectNot(/人身安全|紧急/);
  });
});

describe('2. a number alone', () => {
  it('13912345678: whose is asked, nothing passed on; 1 (their own): a new phone, after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('bare-own'));
    await chat.send('13912345678').expect(WHOSE).expect(/1\. 我自己的新号码/).expectNot(OWN_PHONE).expectNot(/的工作人员吗？/);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('1').expect(/我的新手机号：139\*\*\*\*5678/).expect(/的工作人员吗？/);
    await chat.send('转给工作人员').expect(/工作人员会用新号码联系您/);
    const notes = await notesOf(c.id);
    expect(notes.map((n) => n.kind)).toEqual(['phone']);
  });

  it.each([
    ['2', /这个电话对工作人员有用/, /老板那边的电话/],
    ['老板的', /这个电话对工作人员有用/, /老板那边的电话/],
    ['工友的', /工友也被欠了工资/, /工友的电话/],
    ['是我老婆的', SPARE, /联系不上我时可以打/],
  ])('13912345678, then %s: passed on as such after a yes, never as the person’s own', async (answer, lead, words) => {
    const { chat, c } = await reportSubmitted(t, someone('bare-whose'));
    await chat.send('13912345678').expect(WHOSE);
    await chat.send(answer).expect(lead).expect(words).expectNot(OWN_PHONE);
    await chat.send('转给工作人员').expect(/已转给负责您案件/).expectNot(/新号码/);
    const notes = await notesOf(c.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).not.toBe('phone');
  });

  it('13912345678, then 不用了: nothing passed on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('bare-no'));
    await chat.send('13912345678').expect(WHOSE);
    await chat.send('不用了').expect(/这个号码没有转/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('the number sent three times: asked once more, then not kept (no third question)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('bare-again'));
    await chat.send('13912345678').expect(WHOSE);
    await chat.send('13912345678').expect(/请回复数字选一下/);
    await chat.send('13912345678').expect(/这个号码我先不转/).expectNot(/请回复数字/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  // guard: the number on the report, sent again: nothing to change, as before.
  it('guard: 13700001111 (the number on file): no change, nothing asked', async () => {
    const { chat } = await reportSubmitted(t, someone('bare-same'));
    await chat.send('13700001111').expect(/就是您登记时留的/).expectNot(WHOSE);
  });

  // guard: the person's own number said as theirs is a new phone, as before.
  it('guard: 我换号了 新号13912345678: a new phone of theirs', async () => {
    const { chat } = await reportSubmitted(t, someone('own-said'));
    await chat.send('我换号了 新号13912345678').expect(OWN_PHONE).expectNot(WHOSE);
  });
});

describe('3. a number with a name', () => {
  it('李哥 13912345678: who he is, asked; 老板或包工头那边的: the boss’s number, after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('named'));
    await chat.send('李哥 13912345678').expect(/李哥是您的什么人？/).expectNot(/我自己的新号码/).expectNot(/没太明白/).expectNot(MENU);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('1').expect(/这个电话对工作人员有用/).expect(/李哥 139\*\*\*\*5678（老板那边的人）/);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    const notes = await notesOf(c.id);
    expect(notes.map((n) => n.kind)).toEqual(['correction']);
    expect(JSON.stringify(notes)).not.toContain('13912345678');
  });

  it.each(['包工头李哥 13912345678', '李哥是我们工头 13912345678', '工头 13912345678'])('%s: the boss’s side’s number, offered at once', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('named-boss'));
    await chat.send(said).expect(/这个电话对工作人员有用/).expect(/的工作人员吗？/).expectNot(OWN_PHONE).expectNot(/没太明白/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('张姐的电话是13912345678: not the person’s own; who she is, asked', async () => {
    const { chat, c } = await reportSubmitted(t, someone('named-her'));
    await chat.send('张姐的电话是13912345678').expect(/张姐是您的什么人？/).expectNot(OWN_PHONE);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('他电话是13912345678: not the person’s own; who he is, asked', async () => {
    const { chat, c } = await reportSubmitted(t, someone('named-him'));
    await chat.send('他电话是13912345678').expect(/他是您的什么人？/).expectNot(OWN_PHONE);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('这个号码是我老板的 13912345678: the boss’s number (it was 没太明白)', async () => {
    const { chat } = await reportSubmitted(t, someone('named-mine-boss'));
    await chat.send('这个号码是我老板的 13912345678').expect(/这个电话对工作人员有用/).expectNot(/没太明白/).expectNot(OWN_PHONE);
  });

  it('这个号码是我的 13912345678: the person’s own new number (it was 没太明白)', async () => {
    const { chat } = await reportSubmitted(t, someone('named-mine'));
    await chat.send('这个号码是我的 13912345678').expect(OWN_PHONE).expectNot(/没太明白/);
  });

  it('王芳 13912345678 (the name on the report): the person’s own new number', async () => {
    const { chat } = await reportSubmitted(t, someone('named-self'));
    await chat.send('王芳 13912345678').expect(OWN_PHONE).expectNot(WHOSE).expectNot(/没太明白/);
  });
});

describe('4. a sum received and a sum left, checked against the report', () => {
  it.each(['收到5000 还差3000', '拿了5000 还欠我3000', '收到五千 还差三千'])('%s: they do not add up to 6,000; asked, nothing passed on', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('mismatch'));
    await chat.send(said).expect(/报告里的欠薪金额是6,000元/).expect(/加起来是8,000元，跟报告对不上/).expectNot(/的工作人员吗？/).expectNot(/您已经反映过/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('said right after the question: part paid, passed on after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('mismatch-fixed'));
    await chat.send('收到5000 还差3000').expect(/对不上/);
    await chat.send('收到5000 还差1000').expect(/拿到一部分也是进展/).expect(/「收到5000 还差1000」/);
    await chat.send('转给工作人员').expect(/剩下的钱工作人员会接着帮您要/);
    const notes = await notesOf(c.id);
    expect(notes.map((n) => n.kind)).toEqual(['partly_paid']);
  });

  it.each(['对', '收到5000 还差3000'])('then %s: passed on for the case worker to check (never asked a third time)', async (again) => {
    const { chat, c } = await reportSubmitted(t, someone('mismatch-again'));
    await chat.send('收到5000 还差3000').expect(/对不上/);
    await chat.send(again).expect(/请工作人员跟您核对/).expect(/「收到5000 还差3000」/).expect(/的工作人员吗？/);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    expect((await notesOf(c.id)).map((n) => n.kind)).toEqual(['partly_paid']);
  });

  it('then 金额应该是8000: the sums and the new total passed on together', async () => {
    const { chat } = await reportSubmitted(t, someone('mismatch-total'));
    await chat.send('收到5000 还差3000').expect(/对不上/);
    await chat.send('金额应该是8000').expect(/「收到5000 还差3000；金额应该是8000」/).expect(/的工作人员吗？/);
  });

  it('还差3000: what came is said back to be checked, passed on after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('left'));
    await chat.send('还差3000').expect(/您是说已经收到3,000元、还差3,000元吗？/).expect(/的工作人员吗？/).expectNot(/没太明白/);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    expect((await notesOf(c.id)).map((n) => n.kind)).toEqual(['partly_paid']);
  });

  it('还差6000 (all of it): nothing came, nothing to pass on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('left-all'));
    await chat.send('还差6000').expect(/一分还没拿到/).expectNot(/的工作人员吗？/).expectNot(/没太明白/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('老板还欠我8000没给: more than reported; asked, a yes passes it on as more owed', async () => {
    const { chat, c } = await reportSubmitted(t, someone('left-more'));
    await chat.send('老板还欠我8000没给').expect(/比报告里的还多/).expectNot(/的工作人员吗？/);
    await chat.send('对').expect(/欠的钱有变化/).expect(/的工作人员吗？/);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    expect((await notesOf(c.id)).map((n) => n.kind)).toEqual(['correction']);
  });

  it('钱到了 但只有4000: part of it, the sum said (it was 没太明白)', async () => {
    const { chat } = await reportSubmitted(t, someone('only'));
    await chat.send('钱到了 但只有4000').expect(/拿到一部分也是进展/).expect(/的工作人员吗？/).expectNot(/没太明白/);
  });

  it.each([
    ['钱打到我卡里了 4000', /拿到一部分也是进展/],
    ['钱打到我卡里了 6000', /太好了！/],
  ])('%s: paid into the account, part or all by the report’s sum (it was 没太明白)', async (said, lead) => {
    const { chat } = await reportSubmitted(t, someone('card'));
    await chat.send(said).expect(lead).expect(/的工作人员吗？/).expectNot(/没太明白/);
  });

  it('我还有个工友叫张三 也欠他五千: he can write himself, or be reported for (it was the answer on acting together)', async () => {
    const { chat } = await reportSubmitted(t, someone('peer-named'));
    await chat.send('我还有个工友叫张三 也欠他五千').expect(/您的工友可以自己加我/).expectNot(/推选几个代表/);
  });

  it('俺的工钱到现在还没见着: the progress (it was another report offered)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('not-seen'));
    await chat.send('俺的工钱到现在还没见着').expect(/状态：已提交/).expectNot(/要再反映另一件欠薪吗/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  // guard: sums that add up were part paid before, and are still.
  it('guard: 收到3000 还差3000: part paid, after a yes', async () => {
    const { chat } = await reportSubmitted(t, someone('fits'));
    await chat.send('收到3000 还差3000').expect(/拿到一部分也是进展/).expect(/的工作人员吗？/);
  });
});
