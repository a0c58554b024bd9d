/*
 * A grid worker's words about a case in WeChat, and a worker's words after a report (helper h106).
 * The grid worker (gw-001, one case taken, claim 28,500元):
 *  - `老板给了工人三千`, `老板转了五千给工人`, `工人已经拿到三千了`: was 「没看懂」; now the words offered as a note (run on
 *    好) and both closes shown with the sum as said (all of it, or part of it), never run;
 *  - `老板给钱了`: was 「没看懂」; now a note offered and the 办结 form shown, as `老板把钱给工人了` was;
 *  - `这个老板在白沙镇还欠别人钱`: was a note with a part-paid close (「还欠」 read as this case's money); now the note only;
 *  - `老板同意先付一半`: was the part-paid close; now a note (a promise, no money yet); `工人说老板又给了一千`: was a close
 *    of 1000 as if all of it; now part of it (a note offered, the part-paid close shown);
 *  - more in their own words (`老板说要跟工人当面谈`, `店已经关门了`, `工人找了律师`, `钱还没到`…): was 「没看懂」; now a note
 *    offered; `老板找不到了` the ways on when nothing comes back. Nothing recorded without 好 or the command.
 * The worker, a day after submitting SUBMITTED_REPORT (6,000 yuan):
 *  - `钱到了`: was 没太明白; now paid, passed on only after a yes; `钱到了吗`: was 答不上来; now the progress, never paid;
 *  - `我不要了 太麻烦`: was 没太明白; now the withdraw path (passed on after a yes; staff confirm before acting).
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { readCaseMessage } from '../../flows/case-desk.js';
import { afterReport } from '../support/after-report.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';
import { GW1, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';

const NOTE_OFFERED = (no: string, w: string) => `要记下办理情况，请发：备注 ${no} ${w}\n回复「好」就这样记下。`;

describe('a grid worker in WeChat, one case taken', () => {
  const s = staffInWechat(A_WORKING_DAY);
  const unchanged = async (c: Case) => {
    const now = await s.get(c);
    return { status: now.status, amount: now.wage?.amount, assignee: now.assignee?.staffId };
  };

  it.each([
    ['老板给了工人三千', '3000'],
    ['老板转了五千给工人', '5000'],
    ['工人已经拿到三千了', '3000'],
  ])('%s: a note offered and, the sum below the claim, only the part-paid close (h114: never 「全部付清」); 好 records only the note', async (said, sum) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await unchanged(c);
    expect(await s.ask(GW1, said)).toBe(
      `报告人反映欠28,500元，这是其中一部分。还在追剩下的，先记下：备注 ${c.caseNo} ${said}\n回复「好」就这样记下。\n不再追的话，请发：办结 ${c.caseNo} 追回 ${sum} 还欠 金额`,
    );
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect((await s.get(c)).notes.map((n) => n.text)).toEqual([said]);
    expect(await unchanged(c)).toEqual(before);
  });

  it('老板给钱了: a note offered and the 办结 form shown; never closed', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '老板给钱了')).toBe(`${NOTE_OFFERED(c.caseNo, '老板给钱了')}\n工资已经全部付清、要办结的，请发：办结 ${c.caseNo} 追回 金额`);
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('这个老板在白沙镇还欠别人钱 / 老板欠了好多人钱: the note only, no part-paid close', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of ['这个老板在白沙镇还欠别人钱', '老板欠了好多人钱']) expect(await s.ask(GW1, w), w).toBe(NOTE_OFFERED(c.caseNo, w));
  });

  it('工人说老板又给了一千: more of it, part of it (was a close of 1000 shown as if all of it)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '工人说老板又给了一千')).toBe(
      `还在追剩下的，先记下：备注 ${c.caseNo} 工人说老板又给了一千\n回复「好」就这样记下。\n不再追的话，请发：办结 ${c.caseNo} 追回 1000 还欠 金额`,
    );
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('老板同意先付一半: a promise, the note only (no close shown)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '老板同意先付一半')).toBe(NOTE_OFFERED(c.caseNo, '老板同意先付一半'));
  });

  it('what was done or heard, in their own words: a note offered each time, nothing recorded without 好', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await unchanged(c);
    for (const w of [
      '老板说要跟工人当面谈', '店已经关门了', '老板同意付钱', '老板说下周一结', '老板让工人自己去找包工头', '老板说工人旷工',
      '工人找了律师', '今天去店里没见到老板', '老板要看考勤记录', '工人提供了聊天记录', '已经帮工人申请了法律援助',
      '劳动监察已经立案了', '钱还没到', '老板说考虑一下', '老板不配合', '老板说不欠', '工人不接电话', '工人已经回老家了 电话能打通',
    ]) {
      expect(await s.ask(GW1, w), w).toBe(NOTE_OFFERED(c.caseNo, w));
    }
    expect(await unchanged(c)).toEqual(before);
    expect((await s.get(c)).notes).toEqual([]);
  });

  // guard: the staff's own doings or asks (`我考虑一下`, `帮我找个律师`, `没找到这个案子`) are no case notes.
  it('guard: 我考虑一下 / 帮我找个律师 / 没找到这个案子: no note offered, nothing recorded on 好', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of ['我考虑一下', '帮我找个律师', '没找到这个案子']) expect(await s.ask(GW1, w), w).not.toContain(`备注 ${c.caseNo} ${w}`);
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下/);
    expect((await s.get(c)).notes).toEqual([]);
  });

  it('老板找不到了: the ways on (未追回, 转检察) and the note, only shown', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '老板找不到了')).toBe(
      `追不回的话，请发：办结 ${c.caseNo} 未追回 原因 下一步 仲裁\n需要检察院支持起诉的，请发：转检察 ${c.caseNo} 理由\n只记下情况的，请发：备注 ${c.caseNo} 老板找不到了`,
    );
    expect(await s.ask(GW1, '好')).not.toMatch(/已办结|已记下/);
    expect((await s.get(c)).status).toBe('accepted');
  });

  // guard: these were already answered as they should be (h98, h103); nothing changes on the words alone.
  it('guard: 老板答应月底给, 工人说钱收到了, 联系上了, 工人不想追了, 已经移交劳动监察了, 老板还欠工人三千: as before', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await unchanged(c);
    for (const w of ['老板答应月底给', '联系上了', '打了三次电话没人接', '约了明天去店里', '老板不承认欠钱', '已经移交劳动监察了']) {
      expect(await s.ask(GW1, w), w).toBe(NOTE_OFFERED(c.caseNo, w));
    }
    expect(await s.ask(GW1, '工人说钱收到了')).toBe(`${NOTE_OFFERED(c.caseNo, '工人说钱收到了')}\n工资已经全部付清、要办结的，请发：办结 ${c.caseNo} 追回 金额`);
    expect(await s.ask(GW1, '工人不想追了')).toBe(`本人不想追了的，请发：办结 ${c.caseNo} 撤回 原因`);
    expect(await s.ask(GW1, '老板还欠工人三千')).toMatch(new RegExp(`不再追的话，请发：办结 ${c.caseNo} 追回 金额 还欠 金额$`));
    expect(await s.ask(GW1, '老板给了工人三千吗')).not.toMatch(new RegExp(`(?:备注|办结) ${c.caseNo}`));
    expect(await unchanged(c)).toEqual(before);
    expect((await s.get(c)).notes).toEqual([]);
  });
});

describe('the worker, after a report', () => {
  const NOW = '2026-12-01T10:00:00+08:00';
  const { t, clock } = chatOnClock(NOW);
  const { dayLater, notesOf, unchanged } = afterReport(t, clock);
  const someone = (tag: string) => `web:h106-${tag}-${Math.random().toString(36).slice(2, 8)}`;

  it.each(['钱到了', '钱到了 收到了', '工资到了'])('%s: the person\'s own money, paid passed on only after a yes', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('came'));
    dayLater();
    await chat.send(said).expect(/太好了/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(/没太明白/);
    await unchanged(c, { noNotes: true });
    await chat.send('转').expect(/已转给负责您案件/);
    expect((await notesOf(c)).map(([k]) => k)).toEqual(['paid']);
    await unchanged(c);
  });

  it('钱到了 / 不用了: nothing passed on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('came-no'));
    await chat.send('钱到了').expect(/您要转告的话/);
    await chat.send('不用了').expect(/没有转/);
    await unchanged(c, { noNotes: true });
  });

  it('钱到了吗 / 工资到了没有: asked, the progress; never paid', async () => {
    expect(readCaseMessage('钱到了吗')).toEqual({ kind: 'progress', staffPhone: false });
    expect(readCaseMessage('工资到了没有')).toEqual({ kind: 'progress', staffPhone: false });
    const { chat, c } = await reportSubmitted(t, someone('came-asked'));
    await chat.send('钱到了吗').expect(/状态：已提交/).expectNot(/太好了/).expectNot(/答不上来/);
    await unchanged(c, { noNotes: true });
  });

  it('我不要了 太麻烦: the withdraw path, passed on after a yes; the case goes on until staff confirm', async () => {
    expect(readCaseMessage('我不要了 太麻烦')).toEqual({ kind: 'note', note: 'withdraw' });
    const { chat, c } = await reportSubmitted(t, someone('withdraw'));
    dayLater();
    await chat.send('我不要了 太麻烦').expect(/撤回要由工作人员跟您确认后再办/).expect(/您要转告的话/).expectNot(/没太明白/);
    await unchanged(c, { noNotes: true });
    await chat.send('转').expect(/已转给负责您案件/);
    expect((await notesOf(c)).map(([k]) => k)).toEqual(['withdraw']);
    await unchanged(c);
  });

  // guard: another's money or word, and a wish to be told, are not read as the person's own money come.
  it('guard: 钱到了告诉我一声, 工友说钱到账了, 老板说钱到了 are not the person\'s own money paid', () => {
    expect(readCaseMessage('钱到了告诉我一声')).toEqual({ kind: 'asks', about: 'tell-me' });
    expect(readCaseMessage('工友说钱到账了')).toEqual({ kind: 'boss-says-paid' });
    expect((readCaseMessage('老板说钱到了') as { note?: string } | null)?.note).not.toBe('paid');
  });
});
