/*
 * Staff in WeChat, and the worker after a report (helper h118, round 28).
 * A grid worker (gw-001) with one case taken (claim 28,500元):
 *  - `追回六千元整`, `追回6000元整`: was 「办结 … 追回 金额」 (the figure lost to 元整); now read as `追回6000` is: part of
 *    the claim, a note offered and the close with what is still owed; `追回两万八千五百元整` keeps the whole close;
 *  - `钱拿到了 全部`: was 「没看懂」; now the 全额 question; `老板没全付`, `老板没给齐`: was 「没看懂」; now the note offered
 *    and the part-paid close; `工人要求加急`: was 「没看懂」; now the note offered and the 回复 form;
 *    `把工人电话发我`: was 「没看懂」; now 详情 offered (each role sees its own view there), no phone printed;
 *    `退单`, `我要退单`: was 「没看懂」; now the 退回 form;
 *  - 帮助: the 更正 line said 「按报告人的更正改案件信息」 (staff may amend on their own); now worded neutrally.
 * A liaison with a referral waiting: `转给检察院` (was 「没看懂」), `这个案子我来办` (was a 备注 hint): now their 受理;
 * once taken, said so with 结果.
 * The worker after a report: `他们说明天来`, `钱还没全到` (was 没太明白): a note offered, passed on after a yes;
 * `有人给我打电话了 是你们吗` (was 答不上来): who handles the case and how to tell, no phone.
 */
import { describe, expect, it } from 'vitest';
import { readCaseMessage } from '../../flows/case-desk.js';
import { afterReport } from '../support/after-report.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';
import type { Case } from '../../core/cases/store.js';
import { GW1, LIAISON, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';

describe('a grid worker in WeChat, one case taken (claim 28,500元)', () => {
  const s = staffInWechat(A_WORKING_DAY);
  const kept = async (c: Case) => {
    const now = await s.get(c);
    return { status: now.status, notes: now.notes.length, outcome: now.outcome };
  };

  it.each(['追回六千元整', '追回6000元整', '追回6000块钱整'])('%s: 6000 kept, read as 追回6000 (was 「追回 金额」)', async (said) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await kept(c);
    expect(await s.ask(GW1, said)).toBe(
      `报告人反映欠28,500元，这是其中一部分。还在追剩下的，先记下：备注 ${c.caseNo} ${said}\n回复「好」就这样记下。\n不再追的话，请发：办结 ${c.caseNo} 追回 6000 还欠 金额`,
    );
    expect(await kept(c)).toEqual(before);
  });

  it('追回两万八千五百元整 / 追回28500元整: the whole claim, the close shown with 28500', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of ['追回两万八千五百元整', '追回28500元整']) expect(await s.ask(GW1, w), w).toMatch(new RegExp(`^要办结请发：办结 ${c.caseNo} 追回 28500\n`));
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('钱拿到了 全部: asked whether all of the 28,500元 came back, nothing closed (was 「没看懂」)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '钱拿到了 全部')).toMatch(new RegExp(`^您是说报告人反映的28,500元全部追回了吗？还没有记录。\n是的话，请发：办结 ${c.caseNo} 追回 28500 全额\n`));
    expect((await s.get(c)).status).toBe('accepted');
  });

  it.each(['老板没全付', '老板没给齐'])('%s: part of it, the note offered and the part-paid close (was 「没看懂」)', async (said) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, said)).toBe(`还在追剩下的，先记下：备注 ${c.caseNo} ${said}\n回复「好」就这样记下。\n不再追的话，请发：办结 ${c.caseNo} 追回 金额 还欠 金额`);
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect((await s.get(c)).notes.map((n) => n.text)).toEqual([said]);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('工人要求加急: the note offered (run on 好) and the 回复 form (was 「没看懂」)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '工人要求加急')).toBe(`报告人着急的话，可以先记下：备注 ${c.caseNo} 工人要求加急\n回复「好」就这样记下。\n要回复报告人，请发：回复 ${c.caseNo} 内容`);
    await s.ask(GW1, '好');
    expect((await s.get(c)).notes.map((n) => n.text)).toEqual(['工人要求加急']);
    expect((await s.get(c)).replies).toEqual([]);
  });

  it('把工人电话发我: 详情 offered, no phone in the answer (was 「没看懂」)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of ['把工人电话发我', '工人手机号给我一下']) {
      const answer = await s.ask(GW1, w);
      expect(answer, w).toBe(`报告人的联系方式在案件详情里，按您的岗位能看到的都会列出，请发：详情 ${c.caseNo}\n回复「好」就发给您。`);
      expect(answer).not.toMatch(/1[3-9]\d{9}/);
    }
    expect(await s.ask(GW1, '好')).toContain(c.caseNo);
    expect((await s.get(c)).notes).toEqual([]);
  });

  it('退单 / 我要退单: the 退回 form, nothing given back (was 「没看懂」)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of ['退单', '我要退单']) {
      expect(await s.ask(GW1, w), w).toBe(`要把案件退回，请发：退回 ${c.caseNo} 原因\n系统会改派给别的工作人员；想指定谁来办，请联系您的上级。`);
    }
    const now = await s.get(c);
    expect([now.status, now.assignee?.staffId]).toEqual(['accepted', 'gw-001']);
  });

  it('帮助: the 更正 line no longer says it is only on the reporter\'s correction', async () => {
    await s.bind(GW1, 'gw-001');
    const help = await s.ask(GW1, '帮助');
    expect(help).toContain('· 更正 QX… 金额 28500 —— 改正案件信息（欠薪金额、用人单位或报告人的电话），会告诉报告人');
    expect(help).not.toMatch(/按报告人的更正/);
  });
});

describe('a liaison with a referral', () => {
  const s = staffInWechat(A_WORKING_DAY);

  it('转给检察院 / 这个案子我来办: their 受理 (was 「没看懂」 / a 备注 hint); once taken, 结果', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(LIAISON, 'liaison-1');
    const c = await s.acceptedByGw1();
    await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`);
    for (const w of ['转给检察院', '这个案子我来办']) {
      expect(await s.ask(LIAISON, w), w).toBe(`转来的案件由您受理，请发：受理 ${c.caseNo}\n不予支持请发：不予支持 ${c.caseNo} 理由`);
    }
    expect((await s.get(c)).referral?.status).toBe('pending');
    expect(await s.ask(LIAISON, `受理 ${c.caseNo}`)).toMatch(/^已受理。/);
    expect(await s.ask(LIAISON, '这个案子我来办')).toBe(`案件 ${c.caseNo} 您已经受理了，不用再受理。有了结果请发：结果 ${c.caseNo} 内容`);
  });

  // guard: a grid worker's 转给检察院 keeps the 转检察 form (h30).
  it('guard: a grid worker\'s 转给检察院 is the 转检察 form', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '转给检察院')).toBe(`要转检察院审查支持起诉，请发：转检察 ${c.caseNo} 理由`);
  });
});

describe('the worker, after a report', () => {
  const { t, clock } = chatOnClock('2026-12-01T10:00:00+08:00');
  const { dayLater, notesOf, unchanged } = afterReport(t, clock);
  const someone = (tag: string) => `web:r28b-${tag}-${Math.random().toString(36).slice(2, 8)}`;

  it('他们说明天来: a note offered, passed on only after a yes (was 没太明白)', async () => {
    expect(readCaseMessage('他们说明天来')).toEqual({ kind: 'note', note: 'other' });
    const { chat, c } = await reportSubmitted(t, someone('coming'));
    dayLater();
    await chat.send('他们说明天来').expect(/您要转告的话：「他们说明天来」/).expectNot(/没太明白/);
    await unchanged(c, { noNotes: true });
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c)).toEqual([['other', '他们说明天来']]);
  });

  it('钱还没全到: part of it, passed on only after a yes (was 没太明白)', async () => {
    expect(readCaseMessage('钱还没全到')).toEqual({ kind: 'note', note: 'partly_paid' });
    const { chat, c } = await reportSubmitted(t, someone('notall'));
    dayLater();
    await chat.send('钱还没全到').expect(/拿到一部分也是进展/).expect(/您要转告的话：「钱还没全到」/).expectNot(/没太明白/);
    await unchanged(c, { noNotes: true });
    await chat.send('转').expect(/已转给负责您案件/);
    expect((await notesOf(c)).map(([k]) => k)).toEqual(['partly_paid']);
  });

  it('有人给我打电话了 是你们吗: who handles the case and the case number to check, no phone, nothing passed on (was 答不上来)', async () => {
    expect(readCaseMessage('有人给我打电话了 是你们吗')).toEqual({ kind: 'progress', staffPhone: false, asks: 'caller' });
    const { chat, c } = await reportSubmitted(t, someone('caller'));
    const r = chat.send('有人给我打电话了 是你们吗');
    await r.expect(/工作人员的名字和电话不在这里公开/).expect(new RegExp(`可以请对方说一下您的案件编号（${c.caseNo}）`)).expectNot(/答不上来|1[3-9]\d{9}/);
    await unchanged(c, { noNotes: true });
  });

  // guard: the call said alone still asks who called (h110).
  it('guard: 有人打电话给我了 asks who called', async () => {
    expect(readCaseMessage('有人打电话给我了')).toEqual({ kind: 'who-came', call: true });
  });
});
