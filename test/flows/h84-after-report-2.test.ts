/*
 * What a worker types in the days after submitting a wage report, second round (helper h84), the report of
 * SUBMITTED_REPORT (6,000 yuan, 王芳, 13700001111), a day or more later:
 *  - `老板说已经给了`, `老板说他给过了`, `老板说钱已经打给我了`, `老板说给了我3000` (the boss's word): whether the money came is
 *    asked, nothing kept; `没收到` is the news that he says so and it did not come, `收到了` that he paid (part of it, by
 *    the sum), each shown back for a yes; `算了` passes nothing (it was read as a promise, 「老板答应给钱是好事」, or as paid);
 *    `老板说已经给了，但我没收到` is that news at once (it was the promise); hearsay (`工友说老板已经给了`) is asked back the
 *    same way (it was news that he paid);
 *  - `有人找我了`, `有人来找我了`, `来了几个人找我`: who is asked (the case worker, or the boss's people, or a stranger),
 *    never guessed; the staff is good news, the others news for the case worker after a yes (it was 没太明白);
 *  - another's phone (`这是我老婆的电话139…`, `有事打我儿子电话 139…`): a spare number for the case worker, masked, after a
 *    yes; never the reporter's new phone (it was 没太明白, or a `phone` note, 「工作人员会用新号码联系您」);
 *  - progress in everyday words, dialect and voice slips (`有信没`, `有回信没有`, `我那个事有眉目了没`, `我的事情有进站吗`,
 *    `咋个还没得人理我哦`, `搞得怎么样了嘛`, `钱好久能拿到`, `拖了这么久了`, `到底还要多久嘛`, `钱要回来了吗`, `工资还能要回来不`):
 *    the progress (each was 没太明白 or 答不上来; the last another report offered); `老板说已经给了吗` too (it was the promise);
 *  - `我被老板辞了`, `老板又来找我麻烦了`: retaliation, urgent news (没太明白, or plain news); `我媳妇手机 139… 我的打不通就打
 *    她的`: the number to call now, a new phone (没太明白);
 *  - `老板跑陆了` (跑路), `老板把厂子关了`: the boss gone, urgent news (both were 没太明白);
 *  - `老板说要告我`, `老板要起诉我`, `老板说我诬告`: intimidation, advice and urgent news (没太明白, or how to sue the boss);
 *  - `我不撤了`, `我还是想要`, `我改主意了 还是要追`: the case goes on; passed on for a yes after a withdrawal was (没太明白);
 *  - `你们是真的吗`, `你们是不是真的工会`: who we are (答不上来); `你们不会把我电话给老板吧`, `我不想让老板知道`: who sees
 *    what (答不上来, 没太明白); `网格员让我去仲裁`: how (the knowledge answer on 工格员); `工作人员说要我签字`: what to look at
 *    first (没太明白); `我等不及了`: urgent, after a yes (没太明白); `你们收不收钱`: free (it was a complaint that the staff
 *    take money);
 *  - `老板说不给了`, `老板说没钱`: news, after a yes (the ways to claim wages, another report offered); `老板今天又来找我了`:
 *    news (没太明白).
 *  - guards: nothing about the case (status, amount, phone) changes; a promise stays a promise; a question is no threat.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { afterReport } from '../support/after-report.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const someone = (tag: string) => `web:h84-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;
const MINUTE = 60_000;
const { dayLater, get, notesOf, unchanged: unchangedCase } = afterReport(t, clock);
/** The case as submitted: nothing about it changed by what was said. */
const unchanged = (c: Case) => unchangedCase(c);

const ASKS_RECEIVED = /说是已经给了，那钱您自己收到了吗？/;

describe('the boss says he paid', () => {
  it.each(['老板说已经给了', '老板说他给过了', '老板说钱已经打给我了', '老板说钱打到我卡上了'])('%s: whether it came asked; 没收到 is that news, after a yes', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('says'));
    dayLater();
    await chat.send(said).expect(ASKS_RECEIVED).expectNot(/老板答应给钱是好事|太好了|您要转告的话/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('没收到').expect(/老板说给了、钱却没到您手上/).expect(new RegExp(`您要转告的话：「${said}，但我没收到」`));
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', `${said}，但我没收到`]]);
    await unchanged(c);
  });

  it('老板说已经给了, then 收到了: the news that he paid, after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('says-got'));
    await chat.send('老板说已经给了').expect(ASKS_RECEIVED).send('收到了').expect(/太好了！/).expect(/您要转告的话：「老板说已经给了，我收到了」/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/工作人员核实后会办结案件/);
    expect(await notesOf(c)).toEqual([['paid', '老板说已经给了，我收到了']]);
    await unchanged(c);
  });

  it.each(['工友说老板已经给了', '听说老板已经给了'])('%s: hearsay, asked back the same way (it was news that he paid)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('heard'));
    await chat.send(said).expect(ASKS_RECEIVED).expectNot(/太好了|您要转告的话/).send('没收到').expect(new RegExp(`您要转告的话：「${said}，但我没收到」`));
    expect(await notesOf(c)).toEqual([]);
  });

  it.each(['老板说已经给了吗'])('%s: asked, so the progress answers; nothing offered to pass on (it was the promise)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('says-q'));
    await chat.send(said).expect(new RegExp(c.caseNo)).expectNot(/老板答应给钱是好事|您要转告的话/).expectNot(ASKS_RECEIVED);
    expect(await notesOf(c)).toEqual([]);
  });

  it('老板说已经给了一半, then 收到了: part of it (it was part paid at once, on his word)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('says-half'));
    await chat.send('老板说已经给了一半').expect(ASKS_RECEIVED).expectNot(/您要转告的话/).send('收到了').expect(/拿到一部分也是进展/).send('转');
    expect(await notesOf(c)).toEqual([['partly_paid', '老板说已经给了一半，我收到了']]);
  });

  it('老板说给了我3000, then 收到了: part of the 6,000, not all of it', async () => {
    const { chat, c } = await reportSubmitted(t, someone('says-part'));
    await chat.send('老板说给了我3000').expect(ASKS_RECEIVED).expectNot(/老板答应给钱是好事/).send('收到了').expect(/拿到一部分也是进展/).send('转');
    expect(await notesOf(c)).toEqual([['partly_paid', '老板说给了我3000，我收到了']]);
  });

  it('老板说已经给了, then 算了: nothing passed on (never read as 没收到)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('says-never'));
    await chat.send('老板说已经给了').expect(ASKS_RECEIVED).send('算了').expect(/好的，先不转/).expectNot(/您要转告的话/);
    expect(await notesOf(c)).toEqual([]);
  });

  it('老板说已经给了，但我没收到: that news at once, not a promise', async () => {
    const { chat, c } = await reportSubmitted(t, someone('says-not'));
    await chat.send('老板说已经给了，但我没收到').expect(/老板说给了、钱却没到您手上/).expectNot(/老板答应给钱是好事/);
    expect(await notesOf(c)).toEqual([]);
  });

  // guard: a promise to pay is still a promise.
  it('guard: 老板说下个月给: the promise, as before', async () => {
    const { chat } = await reportSubmitted(t, someone('promise'));
    await chat.send('老板说下个月给').expect(/老板答应给钱是好事/).expectNot(ASKS_RECEIVED);
  });
});

describe('someone came', () => {
  const WHO = /是谁找您？/;

  it.each(['有人找我了', '有人来找我了', '来了几个人找我', '有个陌生人找我', '有人来厂里找我了'])('%s: who asked, nothing passed on; the case worker is good news', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('came'));
    dayLater();
    await chat.send(said).expect(WHO).expectNot(UNKNOWN).expectNot(/您要转告的话/).send('1').expect(/好的，工作人员联系上您就好/);
    expect(await notesOf(c)).toEqual([]);
  });

  it.each([
    ['2', '有人找我了（老板那边的人）'],
    ['不认识', '有人找我了（不认识的人）'],
  ])('有人找我了, then %s: news for the case worker after a yes', async (answer, note) => {
    const { chat, c } = await reportSubmitted(t, someone('came-boss'));
    await chat.send('有人找我了').expect(WHO).send(answer).expect(/找您的人说了什么/).expect(new RegExp(`您要转告的话：「${note.replace(/[()（）]/g, '.')}」`));
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', note]]);
    await unchanged(c);
  });

  // guard: pressed to withdraw, said with it, is that news at once (never asked who).
  it('guard: 有人找我了 让我撤诉: pressed to withdraw, not asked who', async () => {
    const { chat } = await reportSubmitted(t, someone('came-pressed'));
    await chat.send('有人找我了 让我撤诉').expect(/撤不撤由您自己决定/).expectNot(WHO);
  });
});

describe("another person's phone", () => {
  it.each([
    ['这是我老婆的电话13912345678', '这是我老婆的电话139****5678'],
    ['有事打我儿子电话 13912345678', '有事打我儿子电话 139****5678'],
  ])('%s: a spare number for the case worker, masked, after a yes; the reporter\'s phone unchanged', async (said, masked) => {
    const { chat, c } = await reportSubmitted(t, someone('kin'));
    dayLater();
    await chat.send(said).expect(/作为联系不上您时的备用电话。您报告里留的手机号不变/).expect(new RegExp(`您要转告的话：「${masked.replace(/\*/g, '\\*')}」`)).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/).expectNot(/新号码/);
    expect(await notesOf(c)).toEqual([['other', masked]]);
    await unchanged(c);
  });

  it('我媳妇手机 139… 我的打不通就打她的: the number to call now, as a new phone (it was 没太明白)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('kin-reach'));
    await chat.send('我媳妇手机 13912345678 我的打不通就打她的').expect(/换了号码要让工作人员知道/).expect(/139\*\*\*\*5678/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await unchanged(c);
  });

  // guard: their own phone out of use, another's to call now: a new phone, as before.
  it('guard: 我电话停机了 打我老婆的 13912345678: the number to call now, as a new phone', async () => {
    const { chat } = await reportSubmitted(t, someone('kin-own'));
    await chat.send('我电话停机了 打我老婆的 13912345678').expect(/换了号码要让工作人员知道/).expectNot(/备用电话/);
  });

  // guard: a new number of the person's own is still that.
  it('guard: 我换手机号了 新号13912345678: the reporter\'s new phone, as before', async () => {
    const { chat } = await reportSubmitted(t, someone('own'));
    await chat.send('我换手机号了 新号13912345678').expect(/换了号码要让工作人员知道/).expectNot(/备用电话/);
  });
});

describe('progress in everyday words', () => {
  it.each(['有信没', '有回信没有', '我那个事有眉目了没', '我的事情有进站吗', '咋个还没得人理我哦', '搞得怎么样了嘛', '钱好久能拿到', '拖了这么久了', '到底还要多久嘛', '工资还能要回来不', '钱要回来了吗', '我想要回我的钱'])('%s: the progress', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('progress'));
    clock.advance(60 * MINUTE);
    await chat.send(said).expect(new RegExp(c.caseNo)).expect(/状态：/).expectNot(UNKNOWN).expectNot(/您要转告的话|要再反映另一件欠薪吗/);
    expect(await notesOf(c)).toEqual([]);
  });
});

describe('news, intimidation, a change of mind', () => {
  it.each(['老板跑陆了', '老板把厂子关了'])('%s: the boss gone, news for the case worker', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('gone'));
    await chat.send(said).expect(/这个情况很重要，工作人员需要尽快知道/).expectNot(UNKNOWN).send('转');
    expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['absconded']);
  });

  it.each(['我被老板辞了', '老板又来找我麻烦了'])('%s: retaliation, urgent news after a yes (没太明白, or plain news)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('fired'));
    await chat.send(said).expect(/是违法的，可以要求赔偿/).expect(/会标为紧急/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
  });

  it.each(['老板说要告我', '老板要起诉我', '老板说我诬告'])('%s: advice, urgent news after a yes', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('sued'));
    await chat.send(said).expect(/如实反映不是诬告/).expect(/会标为紧急/).expectNot(UNKNOWN).expectNot(/劳动人事争议仲裁委员会申请仲裁/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转');
    expect(await notesOf(c)).toEqual([['retaliation', said]]);
    await unchanged(c);
  });

  it.each(['老板说不给了', '老板说没钱'])('%s: news for the case worker after a yes (no second report, no ways to claim)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('refused'));
    await chat.send(said).expect(/没钱也不是拖欠工资的理由/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(/要再反映另一件欠薪吗|有几条路/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转');
    expect(await notesOf(c)).toEqual([['other', said]]);
    await unchanged(c);
  });

  it('老板今天又来找我了: news for the case worker after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('boss-came'));
    await chat.send('老板今天又来找我了').expect(/您要转告的话：「老板今天又来找我了」/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
  });

  // guard: asked, not said to have happened.
  it('guard: 老板会不会告我: no news to pass on', async () => {
    const { chat } = await reportSubmitted(t, someone('sued-q'));
    await chat.send('老板会不会告我').expectNot(/您要转告的话/);
  });

  it.each(['我不撤了', '我还是想要', '我改主意了 还是要追', '那我还是继续吧', '我又不想撤了'])('%s: the case goes on, nothing passed on', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('keeps'));
    await chat.send(said).expect(/案件照常办理，不会撤回/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
  });

  it('我还是想要 after a withdrawal was passed on: passed on too, after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('keeps-after'));
    await chat.send('算了不要了').send('转').expect(/已转给负责您案件/);
    await chat.send('我还是想要').expect(/您之前说过要撤回，我把您改主意的话转给负责的工作人员/).expect(/您要转告的话：「我还是想要（不撤回了）」/).send('转');
    expect(await notesOf(c)).toEqual([
      ['withdraw', '算了不要了'],
      ['other', '我还是想要（不撤回了）'],
    ]);
    await unchanged(c);
  });
});

describe('questions answered in a line, nothing passed on', () => {
  it.each([
    ['你们是真的吗', /是工会开通的线上服务/],
    ['你们是不是真的工会', /是工会开通的线上服务/],
    ['你们不会把我电话给老板吧', /您的手机号只有负责的工作人员能看到，不会给老板/],
    ['我不想让老板知道', /老板一般会知道是谁的工资/],
    ['网格员让我去仲裁', /劳动仲裁不收费/],
    ['工作人员说要我签字', /签字前先看清楚写的是什么/],
    ['你们收不收钱', /不收费/],
  ])('%s', async (said, answer) => {
    const { chat, c } = await reportSubmitted(t, someone('line'));
    await chat.send(said).expect(answer).expectNot(UNKNOWN).expectNot(/您要转告的话|您要反映的意见|工格员是工会/);
    expect(await notesOf(c)).toEqual([]);
  });

  it('我等不及了: urgent, passed on only after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('urgent'));
    await chat.send('我等不及了').expect(/知道您急着用钱/).expect(/您要转告的话：「我等不及了」/);
    expect(await notesOf(c)).toEqual([]);
  });
});
