/*
 * What a worker types in the days after submitting a wage report, fourth round (helper h92), the report of
 * SUBMITTED_REPORT (6,000 yuan, 王芳, 13700001111), a day or more later:
 *  - asked, or said not come, of the same case (`老板说要扣我工资吗`, `老板把工资打到我卡上了吗`,
 *    `老板还没把工资打到我卡上`): the knowledge answer on deductions, or the progress (each was another report offered);
 *  - `我要回老家过年 钱能拿到吗`: the case goes on while away, and 进度 from anywhere (答不上来);
 *  - `网格员说老板下周给钱`: staff's news, acknowledged, nothing passed on (the knowledge answer on 工格员);
 *  - `老板要我身份证`: to see it or to keep it, asked, with the words that say «keep» (没太明白);
 *  - `我发了个语音`: what becomes of a voice message (没太明白);
 *  - `3000` alone, under the report's sum: paid, or the sum? asked, nothing offered (a correction of the sum was);
 *  - `laoban pao le` (pinyin): as 老板跑了, after a yes; `progress`, `how is my case` (English): the progress;
 *    `近度`, `尽度`, `进程`: the progress (each was 没太明白).
 *  - guards: nothing about the case (status, amount, phone) changes without a yes.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { afterReport } from '../support/after-report.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const someone = (tag: string) => `web:h92-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;
const SECOND_REPORT = /要再反映另一件欠薪吗/;
const PASS_ON = /您要转告的话/;
const { dayLater, get, notesOf, unchanged: unchangedCase } = afterReport(t, clock);
/** The case as submitted: nothing about it changed by what was said (no note left either). */
const unchanged = (c: Case) => unchangedCase(c, { noNotes: true });

describe('asked, or said not come, of the same case', () => {
  it('老板说要扣我工资吗: the knowledge answer on deductions, nothing offered (it was another report offered)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('deduct-q'));
    dayLater();
    await chat.send('老板说要扣我工资吗').expect(/老板不能随便扣/).expectNot(SECOND_REPORT).expectNot(PASS_ON).expectNot(UNKNOWN);
    await unchanged(c);
  });

  it.each(['老板把工资打到我卡上了吗', '老板还没把工资打到我卡上'])('%s: the progress (it was another report offered)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('card-q'));
    dayLater();
    await chat.send(said).expect(new RegExp(c.caseNo)).expect(/状态/).expectNot(SECOND_REPORT).expectNot(PASS_ON).expectNot(/太好了/);
    await unchanged(c);
  });

  // guard: said as done, it is still the news that he paid, after a yes.
  it('guard: 老板把工资打到我卡上了: paid, after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('card-done'));
    await chat.send('老板把工资打到我卡上了').expect(/太好了！/);
    expect(await notesOf(c)).toEqual([]);
  });

  // guard: a deduction said, not asked: news after a yes, as before.
  it('guard: 厂里说要扣我工资: news for the case worker', async () => {
    const { chat } = await reportSubmitted(t, someone('deduct'));
    await chat.send('厂里说要扣我工资').expect(/老板不能随便扣/).expect(PASS_ON);
  });
});

describe('said in a line, nothing passed on', () => {
  it('我要回老家过年 钱能拿到吗: the case goes on while away, 进度 from anywhere (it was 答不上来)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('away'));
    dayLater();
    await chat.send('我要回老家过年 钱能拿到吗').expect(/都不影响案件办理/).expect(/「进度」/).expectNot(UNKNOWN).expectNot(PASS_ON);
    await unchanged(c);
  });

  it('网格员说老板下周给钱: staff\'s news acknowledged, nothing passed on (it was the answer on 工格员)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('staff-news'));
    dayLater();
    await chat.send('网格员说老板下周给钱').expect(/案件照常办理/).expect(/收到了跟我说一声/).expectNot(/工格员是工会/).expectNot(PASS_ON);
    await unchanged(c);
  });

  // guard: staff said he paid: whether it came is asked, as before.
  it('guard: 网格员说老板已经给了: asked whether it came', async () => {
    const { chat } = await reportSubmitted(t, someone('staff-paid'));
    await chat.send('网格员说老板已经给了').expect(/您自己收到了吗/);
  });

  it('我发了个语音: what becomes of a voice message (it was 没太明白)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('voice'));
    await chat.send('我发了个语音').expect(/转给工作人员/).expect(/直接打字/).expectNot(UNKNOWN);
    await unchanged(c);
  });
});

describe('老板要我身份证', () => {
  it('to see it or to keep it asked (it was 没太明白); keeping it is the knowledge answer and a note after a yes', async () => {
    const { chat, c } = await reportSubmitted(t, someone('id'));
    dayLater();
    await chat.send('老板要我身份证').expect(/只看一下/).expect(/收走押着/).expectNot(UNKNOWN).expectNot(PASS_ON);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('老板要扣我身份证').expect(/单位扣您身份证、收押金或保证金，都是违法的/).expect(PASS_ON);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', '老板要扣我身份证']]);
  });
});

describe('a figure alone', () => {
  it('3000, under the report\'s sum: paid or the sum, asked; nothing offered (it was a correction offered)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('figure'));
    await chat.send('3000').expect(/老板给了3000/).expect(/金额应该是3000/).expectNot(PASS_ON);
    await chat.send('转');
    await unchanged(c);
    await chat.send('老板给了3000').expect(PASS_ON).send('转');
    expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['partly_paid']);
  });

  // guard: more than the sum, or said as the sum: the correction asked, as before.
  it.each(['8000', '是3000'])('guard: %s: the correction of the sum asked', async (said) => {
    const { chat } = await reportSubmitted(t, someone('figure-more'));
    await chat.send(said).expect(/您是要把欠薪金额更正为/);
  });

  // guard: the report's own sum: nothing to change.
  it('guard: 6000: the sum as reported', async () => {
    const { chat } = await reportSubmitted(t, someone('figure-same'));
    await chat.send('6000').expect(/就是6,000元，不用改/);
  });
});

describe('pinyin, English, typos', () => {
  it('laoban pao le: as 老板跑了, passed on only after a yes (it was 没太明白)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('pinyin'));
    await chat.send('laoban pao le').expect(/这个情况很重要/).expect(PASS_ON).expectNot(UNKNOWN);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转');
    expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['absconded']);
  });

  it.each(['progress', 'how is my case', 'any news?', '近度', '尽度', '进程'])('%s: the progress (it was 没太明白)', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('typo'));
    await chat.send(said).expect(new RegExp(c.caseNo)).expectNot(UNKNOWN);
    await unchanged(c);
  });

  // guard: another's case number: not shown (only one's own), as before.
  it('guard: someone else\'s case number: not found, one\'s own shown', async () => {
    const { chat, c } = await reportSubmitted(t, someone('other-no'));
    await chat.send('QX20261130-0007').expect(/没有找到您名下编号是 QX20261130-0007 的案件/).expect(new RegExp(c.caseNo));
  });

  // guard: emoji alone: a short word, nothing passed on.
  it.each(['👍', '🙏'])('guard: %s: nothing passed on', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('emoji'));
    await chat.send(said).expectNot(PASS_ON).expectNot(UNKNOWN);
    await unchanged(c);
  });
});
