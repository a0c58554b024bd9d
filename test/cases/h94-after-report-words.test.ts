/*
 * What a worker says about the case after submitting a wage report (helper h94), the report of SUBMITTED_REPORT
 * (6,000 yuan, 王芳, 13700001111), a day later:
 *  - someone unnamed called (`有人打电话给我了`, `有人给我打电话`, `陌生人给我打电话了`): who called is asked (the staff, the
 *    boss's side, a stranger), never assumed to be the staff (it was 「工作人员联系上您就好」, or 没太明白); the staff named
 *    (`工作人员给我打电话了`, `网格员联系我了`) stay good news;
 *  - news and a new phone in one message (`老板跑了 而且我电话也换了 139…`): two notes on one yes, the news and a phone note of
 *    its own (which asks the case worker to 更正 the phone), the number masked where shown and nowhere in Redis in clear
 *    (it was one note, the phone buried in the absconded one);
 *  - what the staff said of the boss's refusal (`网格员说老板不给钱`, `工作人员说老板没钱`): news about this case, passed on
 *    after a yes (it was a second report offered, or the knowledge answer on 工格员 / the ways to claim wages);
 *  - `钱到账了一部分`: part of it paid (it was all of it, 「太好了！…才办结」);
 *  - the boss dares the worker to sue (`老板让我去仲裁`, `老板说让我去告他`): news after a yes (the menu, or a lawyer's booking
 *    offered); `老板约我明天谈`: what to keep in mind, news after a yes (没太明白).
 *  - guards: real second reports (`另一个老板也欠我钱`, `我还有一个工地也欠钱`) still ask about another report; a relative's
 *    new phone with news is not split off as the worker's own; nothing about the case (status, amount, phone) changes.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { readCaseMessage } from '../../flows/case-desk.js';
import { afterReport } from '../support/after-report.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';
import { dumpPrefix } from '../support/redis-dump.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const someone = (tag: string) => `web:h94-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;
const SECOND_REPORT = /要再反映另一件欠薪吗/;
const PASS_ON = /您要转告的话/;
const STAFF_CALLED = /工作人员联系上您就好/;
const WHO_CALLED = /是谁给您打的电话/;
const { dayLater, notesOf, unchanged: unchangedCase } = afterReport(t, clock);
const unchanged = (c: Case) => unchangedCase(c);

describe('someone called, who not said', () => {
  it.each(['有人打电话给我了', '有人给我打电话', '刚才有人给我打了个电话', '陌生人给我打电话了'])('%s: who called is asked, never taken as the staff', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('who-called'));
    dayLater();
    await chat.send(said).expect(WHO_CALLED).expect(/老板那边的人/).expect(/不认识的人/).expectNot(STAFF_CALLED).expectNot(UNKNOWN).expectNot(PASS_ON);
    await unchangedCase(c, { noNotes: true });
  });

  it('有人打电话给我了, then 2: the boss\'s side, news passed on after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('who-called-boss'));
    dayLater();
    await chat.send('有人打电话给我了').expect(WHO_CALLED);
    await chat.send('2').expect(/您要转告的话：「有人打电话给我了（老板那边的人）」/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', '有人打电话给我了（老板那边的人）']]);
    await unchanged(c);
  });

  it('有人打电话给我了, then 1: the staff, good news, nothing passed on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('who-called-staff'));
    dayLater();
    await chat.send('有人打电话给我了').expect(WHO_CALLED);
    await chat.send('1').expect(STAFF_CALLED).expectNot(PASS_ON);
    await unchangedCase(c, { noNotes: true });
  });

  // guard: the staff named: good news, as before.
  it.each(['工作人员给我打电话了', '网格员联系我了', '网格员刚给我打电话了'])('guard: %s: the staff in touch, nothing asked or passed on', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('staff-called'));
    dayLater();
    await chat.send(said).expect(STAFF_CALLED).expectNot(WHO_CALLED).expectNot(PASS_ON);
    await unchangedCase(c, { noNotes: true });
  });

  // guard: asked, not said: the progress, as before.
  it('guard: 有人打电话给我了吗: the progress', async () => {
    const { chat, c } = await reportSubmitted(t, someone('called-asked'));
    await chat.send('有人打电话给我了吗').expect(new RegExp(c.caseNo)).expectNot(WHO_CALLED).expectNot(PASS_ON);
  });
});

describe('news and a new phone in one message', () => {
  it.each([
    ['老板跑了 而且我电话也换了 13912345678', '老板跑了', '我电话也换了 13912345678'],
    ['我换号了 13912345678 老板跑路了', '老板跑路了', '我换号了 13912345678'],
    ['老板跑路了，还有我手机号换成13912345678了', '老板跑路了', '我手机号换成13912345678了'],
  ])('%s: the news and a phone note of its own, on one yes', async (said, news, phone) => {
    const { chat, c } = await reportSubmitted(t, someone('split'));
    dayLater();
    await chat
      .send(said)
      .expect(/这个情况很重要/)
      .expect(new RegExp(`您要转告的话：「${news}」`))
      .expect(/您换了手机号，这个也单独转过去/)
      .expect(/139\*\*\*\*5678/)
      .expect(/把这两条消息转给/)
      .expectNot(/13912345678/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/).expect(/新手机号也单独转过去了/).expectNot(/13912345678/);
    expect(await notesOf(c)).toEqual([
      ['absconded', news],
      ['phone', phone.replace('13912345678', '139****5678')],
    ]);
    await unchanged(c);
  });

  it('the new number is nowhere in Redis in clear (notes, outbox, session, history)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('split-privacy'));
    dayLater();
    await chat.send('老板跑了 而且我电话也换了 13966661234').expect(/139\*\*\*\*1234/);
    await chat.send('转').expect(/新手机号也单独转过去了/);
    expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['absconded', 'phone']);
    const leaks = [...(await dumpPrefix(t.core.redis, t.core.config.REDIS_PREFIX)).values()].filter((v) => /13966661234|1396666 ?1234/.test(v));
    expect(leaks).toEqual([]);
  });

  it('不用了: neither is passed on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('split-no'));
    await chat.send('老板跑了 而且我电话也换了 13912345678').expect(/把这两条消息转给/);
    await chat.send('不用了').expect(/没有转/);
    await unchangedCase(c, { noNotes: true });
  });

  // guard: a relative's new phone with the news: not split off as the worker's own (one note, as before).
  it('guard: 老板跑了 我老婆电话也换了 139…: not the worker\'s own phone', async () => {
    const { chat } = await reportSubmitted(t, someone('split-kin'));
    await chat.send('老板跑了 我老婆电话也换了 13912345678').expect(PASS_ON).expectNot(/您换了手机号/).expectNot(/两条消息/);
  });

  // guard: the new phone alone: one phone note, as before.
  it('guard: 我电话换了 139…: one phone note', async () => {
    const { chat, c } = await reportSubmitted(t, someone('phone-alone'));
    await chat.send('我电话换了 13912345678').expect(/换了号码要让工作人员知道/).expectNot(/两条消息/).send('转');
    expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['phone']);
  });

  it('the reading: the rest with the phone\'s words beside it', () => {
    expect(readCaseMessage('老板跑了 而且我电话也换了 13912345678')).toEqual({ kind: 'note', note: 'absconded', phone: '我电话也换了 13912345678' });
    // guard: the boss's new number is no phone of the worker's.
    expect(readCaseMessage('老板跑了 老板的号码换了 13912345678')?.kind).toBe('note');
    expect((readCaseMessage('老板跑了 老板的号码换了 13912345678') as { phone?: string }).phone).toBeUndefined();
  });
});

describe('what the staff said of the boss', () => {
  it.each(['网格员说老板不给钱', '工作人员说老板没钱', '网格员跟我说老板还是不给'])('%s: news about this case after a yes, never a second report', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('staff-refused'));
    dayLater();
    await chat.send(said).expect(/工作人员会去找他协调/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(SECOND_REPORT).expectNot(/工格员是工会/).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', said]]);
    await unchanged(c);
  });

  // guard: another boss, another site: another report, as before.
  it.each(['另一个老板也欠我钱', '我还有一个工地也欠钱'])('guard: %s: another report asked about', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('second'));
    dayLater();
    await chat.send(said).expect(SECOND_REPORT).expectNot(PASS_ON);
    await unchangedCase(c, { noNotes: true });
  });

  // guard: staff's news of a promise: acknowledged, nothing passed on, as before.
  it('guard: 网格员说老板下周给钱: acknowledged', async () => {
    const { chat, c } = await reportSubmitted(t, someone('staff-news'));
    await chat.send('网格员说老板下周给钱').expect(/工作人员在跟老板协调/).expectNot(PASS_ON);
    await unchangedCase(c, { noNotes: true });
  });
});

describe('the money, part of it', () => {
  it.each(['钱到账了一部分', '拿到了一半', '一部分钱到账了'])('%s: part of it paid, never all of it', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('part'));
    dayLater();
    await chat.send(said).expect(/拿到一部分也是进展/).expectNot(/太好了/).expect(PASS_ON);
    await chat.send('转');
    expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['partly_paid']);
    await unchanged(c);
  });

  // guard: all of it: paid, as before.
  it('guard: 钱都到账了: paid', async () => {
    const { chat } = await reportSubmitted(t, someone('all'));
    await chat.send('钱都到账了').expect(/太好了/);
  });

  // guard: a promise of part: a promise, as before.
  it('guard: 老板说下个月给一部分: a promise, not paid', () => {
    expect(readCaseMessage('老板说下个月给一部分')).toEqual({ kind: 'note', note: 'other', about: 'promise' });
  });
});

describe('the boss\'s doing', () => {
  it.each([
    ['老板让我去仲裁', /不打算主动给/],
    ['老板说让我去告他', /不打算主动给/],
    ['老板约我明天谈', /谈好的金额和哪天给/],
  ])('%s: advice, news for the case worker after a yes', async (said, advice) => {
    const { chat, c } = await reportSubmitted(t, someone('boss'));
    dayLater();
    await chat.send(said).expect(advice).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(UNKNOWN).expectNot(/这次预约律师|要帮您预约/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', said]]);
    await unchanged(c);
  });

  // guard: the staff advised arbitration: how, in a line, as before.
  it('guard: 网格员让我去仲裁: how, nothing passed on', async () => {
    const { chat } = await reportSubmitted(t, someone('staff-arb'));
    await chat.send('网格员让我去仲裁').expect(/劳动仲裁不收费/).expectNot(PASS_ON);
  });
});

describe('money asked for in the union\'s name', () => {
  it.each(['有人给我打电话说是工会的要我交手续费', '网格员让我先转500块办案费'])('%s: a warning, news for the case worker after a yes (it was 没太明白)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('fee'));
    dayLater();
    await chat.send(said).expect(/不会让您转账/).expect(/先别给/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(UNKNOWN).expectNot(STAFF_CALLED);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', said]]);
    await unchanged(c);
  });

  // guard: asked, or a lawyer's fee: not taken as a swindle.
  it.each(['律师说要我交律师费吗', '工作人员让我交材料'])('guard: %s: no warning of a swindle', (said) => {
    expect(readCaseMessage(said)).not.toEqual({ kind: 'note', note: 'other', about: 'fee' });
  });
});
