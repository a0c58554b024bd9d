/*
 * What a worker types in the days after submitting a wage report, third round (helper h90), the report of
 * SUBMITTED_REPORT (6,000 yuan, 王芳, 13700001111), a day or more later:
 *  - the boss holds the worker's things (`老板把我工资卡收了`, `工资卡在老板手里`, `老板扣了我押金`, `老板收了我的身份证`) or
 *    deducts from the wages (`厂里说要扣我工资`, `老板扣了我两百块工资`): news for the case worker after a yes, with the
 *    knowledge base's answer on it (wage-card-held, id-card-deposit, wage-late-deduction); each was another report
 *    offered, or 没太明白. Asked (`老板扣身份证合法吗`) is the knowledge base's, as before;
 *  - `老板让我签个字说已经结清了`: not to sign before the money is in hand, after a yes (it was news that he paid, 「太好了！」);
 *  - a relative's phone changed (`我老婆的电话也换了`): nothing on the case changes, a number sent next is the relative's
 *    spare one, never the reporter's new phone (it was 没太明白); `我老婆电话也换了 139…` likewise (it was the reporter's
 *    new phone); `我的号也换了` is the reporter's, asked for (it was 没太明白);
 *  - a bare `继续`: what can be done now (it was 没太明白);
 *  - `工友说老板已经给了` … `没收到`: the advice says who said so (it said 「老板说给了」);
 *  - `过不下去了`, `日子没法过了`: a kind word and the hotline 12351, passed on only after a yes (没太明白);
 *  - `这是工资条的照片`, `这张是考勤表`: send it here (another report was offered);
 *  - `负责我的人是谁`: who handles it (答不上来); `上周五网格员说这周给答复`: wait as told, then say (没太明白, or the
 *    knowledge answer on 工格员); `我回老家了还能办吗`: it goes on by phone (答不上来); `钱到了告诉我一声`: how they will
 *    hear (没太明白); `我换工作了`: the case goes on (没太明白); `我自己去劳动局了 还用你们吗`, `我已经去仲裁了`: both go
 *    on, news after a yes (答不上来); `我工友也被欠了 能一起吗`: he can report, or be reported for (a knowledge answer on
 *    group claims).
 *  - `老板把工资打到我卡上了`: paid, after a yes (another report was offered).
 *  - guards: nothing about the case (status, amount, phone) changes; another boss is another report.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { afterReport } from '../support/after-report.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const someone = (tag: string) => `web:h90-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;
const SECOND_REPORT = /要再反映另一件欠薪吗/;
const { dayLater, get, notesOf, unchanged: unchangedCase } = afterReport(t, clock);
/** The case as submitted: nothing about it changed by what was said. */
const unchanged = (c: Case) => unchangedCase(c);

describe('the boss holds the worker\'s things, or deducts', () => {
  it.each([
    ['老板把我工资卡收了', /工资卡、社保卡要您自己拿着/],
    ['工资卡在老板手里', /工资卡、社保卡要您自己拿着/],
    ['老板扣了我押金', /单位扣您身份证、收押金或保证金，都是违法的.*《劳动合同法》第九条/],
    ['老板收了我的身份证', /单位扣您身份证、收押金或保证金，都是违法的/],
    ['厂里说要扣我工资', /老板不能随便扣/],
    ['老板扣了我两百块工资', /老板不能随便扣/],
  ])('%s: the knowledge answer, news for the case worker after a yes', async (said, advice) => {
    const { chat, c } = await reportSubmitted(t, someone('held'));
    dayLater();
    await chat.send(said).expect(advice).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(UNKNOWN).expectNot(SECOND_REPORT);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', said]]);
    await unchanged(c);
  });

  // guard: asked, not said to have happened: the knowledge base answers, nothing offered to pass on.
  it('guard: 老板扣身份证合法吗: the knowledge answer, nothing to pass on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('held-q'));
    await chat.send('老板扣身份证合法吗').expect(/都是违法的/).expectNot(/您要转告的话/);
    expect(await notesOf(c)).toEqual([]);
  });

  it('老板让我签个字说已经结清了: not to sign, news after a yes (it was news that he paid)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('sign'));
    await chat.send('老板让我签个字说已经结清了').expect(/别签「已结清」/).expectNot(/太好了/).send('转');
    expect(await notesOf(c)).toEqual([['other', '老板让我签个字说已经结清了']]);
    await unchanged(c);
  });
});

describe("a relative's phone", () => {
  it('我老婆的电话也换了, then the number: a spare number for the case worker, never the reporter\'s', async () => {
    const { chat, c } = await reportSubmitted(t, someone('kin'));
    dayLater();
    await chat.send('我老婆的电话也换了').expect(/家里人换号码不影响您的案件/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('13912345678').expect(/作为联系不上您时的备用电话/).expect(/您要转告的话：「我老婆的新电话 139\*\*\*\*5678」/).expectNot(/换了号码要让工作人员知道/);
    await chat.send('转').expect(/已转给负责您案件/).expectNot(/新号码/);
    expect(await notesOf(c)).toEqual([['other', '我老婆的新电话 139****5678']]);
    await unchanged(c);
  });

  // guard: nothing sent after it, nothing kept.
  it('guard: 我老婆的电话也换了, then 进度: nothing kept, the progress', async () => {
    const { chat, c } = await reportSubmitted(t, someone('kin-none'));
    await chat.send('我老婆的电话也换了').send('进度').expect(new RegExp(c.caseNo));
    expect(await notesOf(c)).toEqual([]);
  });

  it.each(['我老婆电话也换了 13912345678', '我老婆换号了 新号13912345678'])('%s: a spare number (it was the reporter\'s new phone)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('kin-num'));
    await chat.send(said).expect(/作为联系不上您时的备用电话/).expectNot(/换了号码要让工作人员知道/).send('转');
    expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['other']);
    await unchanged(c);
  });

  it('我的号也换了: the reporter\'s new number asked for (it was 没太明白)', async () => {
    const { chat } = await reportSubmitted(t, someone('own'));
    await chat.send('我的号也换了').expect(/新的手机号是多少/);
  });

  // guard: their own phone out of use, another's to call now: a new phone, as before.
  it('guard: 我电话停机了 打我老婆的 13912345678: the number to call now', async () => {
    const { chat } = await reportSubmitted(t, someone('own-gone'));
    await chat.send('我电话停机了 打我老婆的 13912345678').expect(/换了号码要让工作人员知道/).expectNot(/备用电话/);
  });
});

describe('said back in a line, nothing passed on', () => {
  it('继续: what can be done now (it was 没太明白)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('go-on'));
    dayLater();
    await chat.send('继续').expect(new RegExp(`${c.caseNo}.*正在办理`)).expect(/「进度」/).expect(/「人工」/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
  });

  it.each([
    ['这是工资条的照片', /照片或文件直接发过来就行/],
    ['这张是考勤表', /照片或文件直接发过来就行/],
    ['负责我的人是谁', /接电话时可以问怎么称呼/],
    ['上周五网格员说这周给答复', /就按工作人员说的，等他们的答复/],
    ['上周五工作人员说这周给答复', /就按工作人员说的，等他们的答复/],
    ['我回老家了还能办吗', /都不影响案件办理/],
    ['钱到了告诉我一声', /案件有进展，会在这里告诉您/],
    ['我换工作了', /换工作不影响这件案子/],
  ])('%s', async (said, answer) => {
    const { chat, c } = await reportSubmitted(t, someone('line'));
    dayLater();
    await chat.send(said).expect(answer).expectNot(UNKNOWN).expectNot(SECOND_REPORT).expectNot(/您要转告的话|工格员是工会/);
    expect(await notesOf(c)).toEqual([]);
    await unchanged(c);
  });

  it('我工友也被欠了 能一起吗: he can report himself, or be reported for', async () => {
    const { chat, c } = await reportSubmitted(t, someone('mate'));
    await chat.send('我工友也被欠了 能一起吗').expect(/您的工友可以自己加我/).expectNot(/推选几个代表/);
    expect(await notesOf(c)).toEqual([]);
  });

  // guard: another boss owing is another report, as before.
  it.each(['我还有一个老板也欠我钱', '我在另一个厂也没拿到工资'])('guard: %s: another report offered', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('another'));
    await chat.send(said).expect(SECOND_REPORT);
    expect(await notesOf(c)).toEqual([]);
  });
});

describe('news after a yes', () => {
  it.each(['工友说老板已经给了', '听说老板已经给了'])('%s, then 没收到: the advice says who said so', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('heard'));
    const who = said.slice(0, said.indexOf('老板'));
    await chat.send(said).send('没收到').expect(new RegExp(`${who}老板给了、钱却没到您手上`)).expectNot(/^老板说给了/m);
    expect(await notesOf(c)).toEqual([]);
  });

  // guard: the boss's own word is still said as his.
  it('guard: 老板说已经给了, then 没收到: 「老板说给了」', async () => {
    const { chat } = await reportSubmitted(t, someone('says'));
    await chat.send('老板说已经给了').send('没收到').expect(/老板说给了、钱却没到您手上/);
  });

  it('老板把工资打到我卡上了: paid, after a yes (it was another report offered)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('paid-card'));
    await chat.send('老板把工资打到我卡上了').expect(/太好了！/).expectNot(SECOND_REPORT).send('转');
    expect(await notesOf(c)).toEqual([['paid', '老板把工资打到我卡上了']]);
    await unchanged(c);
  });

  it.each(['过不下去了', '日子没法过了'])('%s: a kind word and 12351, passed on only after a yes (it was 没太明白)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('distress'));
    dayLater();
    await chat.send(said).expect(/听得出来您现在很难/).expect(/12351/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转');
    expect(await notesOf(c)).toEqual([['other', said]]);
    await unchanged(c);
  });

  // guard: self-harm words are flows/safety.ts's, as before.
  it('guard: 我不想活了: the safety answer', async () => {
    const { chat } = await reportSubmitted(t, someone('harm'));
    await chat.send('我不想活了').expect(/12356/).expectNot(/听得出来您现在很难/);
  });

  it.each(['我自己去劳动局了 还用你们吗', '我已经去仲裁了'])('%s: both go on, news after a yes (it was 答不上来)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('elsewhere'));
    await chat.send(said).expect(/两边不冲突/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转');
    expect(await notesOf(c)).toEqual([['other', said]]);
    await unchanged(c);
  });
});
