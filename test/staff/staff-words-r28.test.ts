/*
 * Staff in WeChat, and what the worker is told after staff change the case (helper h114, round 28).
 * A grid worker (gw-001) with one case taken (claim 28,500元):
 *  - `更正 QX… 金额 30000` on their own (no correction left by the worker): the worker's 进度 and notice said
 *    「工作人员按您的更正」; now 「工作人员把案件里的欠薪金额改为30,000元，有不对的请跟我说」. After the worker's own
 *    correction (a 更正 note) it still says 「按您的更正」, once: the next 更正 is staff's again;
 *  - `老板付了三千`, `追回3000元` (part of the claim): was 「要办结请发：办结 … 追回 3000」 as the one close; now the words
 *    as a note (run on 好) and the close with what is still owed, only shown. The whole claim (`老板付了28500`) keeps the
 *    close; `钱全部追回来了`: was 「没看懂」; now asked whether all of the 28,500元 came back, with the 全额 close to type;
 *  - `老板给了工人三千` (h106 showed 「工资已经全部付清…追回 3000」 beside the part-paid close): now the part-paid close only;
 *  - `全额追回`, `已全额追回`, `工人说钱全收到了`, `老板全付了`: was 「没看懂」 or 「追回 金额」; now the 全额 question;
 *  - `工人说不告了`: was 「没看懂」; now the 撤回 close form; `查 QX…`, `QX… 查一下`: was a note of 「查」 offered; now 详情;
 * The worker after a report: `钱全到了`, `钱全部到了`: was 没太明白; now paid, passed on only after a yes; `钱全到了吗`:
 * was 答不上来; now the progress.
 */
import { describe, expect, it } from 'vitest';
import { addReporterNote } from '../../core/cases/notes.js';
import { readCaseMessage } from '../../flows/case-desk.js';
import { afterReport } from '../support/after-report.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';
import type { Case } from '../../core/cases/store.js';
import { GW1, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY, inboxMessage, inboxTexts } from './support.js';

describe('a grid worker in WeChat, one case taken (claim 28,500元)', () => {
  const s = staffInWechat(A_WORKING_DAY);
  const kept = async (c: Case) => {
    const now = await s.get(c);
    return { status: now.status, outcome: now.outcome, amount: now.wage?.amount };
  };

  it('更正 on staff\'s own: the worker told a staff member changed it, never 「按您的更正」', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `更正 ${c.caseNo} 金额 30000`)).toMatch(/^已更正案件 .+的欠薪金额：28,500元 → 30,000元。已告诉报告人。/);
    const notes = (await s.get(c)).history.map((h) => h.note);
    expect(notes.at(-1)).toBe('工作人员把案件里的欠薪金额改为30,000元，有不对的请跟我说');
    expect(notes.some((n) => n.includes('按您的更正'))).toBe(false);
    await inboxMessage(s.app.t.core, c.reporter.userKey, new RegExp(`您的案件 ${c.caseNo} 有新进展：工作人员把案件里的欠薪金额改为30,000元，有不对的请跟我说。`));
    expect((await inboxTexts(s.app.t.core, c.reporter.userKey)).some((t) => t.includes('按您的更正'))).toBe(false);
  });

  it('更正 after the worker\'s own correction: 「按您的更正」 once; the next 更正 is staff\'s', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const left = await addReporterNote(s.app.t.core, c.id, c.reporter.userKey, { kind: 'correction', text: '金额不对 老板欠我的是30000' });
    expect(left.ok).toBe(true);
    await s.ask(GW1, `更正 ${c.caseNo} 金额 30000`);
    expect((await s.get(c)).history.at(-1)!.note).toBe('工作人员按您的更正，把欠薪金额改为30,000元');
    await s.ask(GW1, `更正 ${c.caseNo} 单位 宏达电子厂`);
    expect((await s.get(c)).history.at(-1)!.note).toBe('工作人员把案件里的用人单位改为「宏达电子厂」，有不对的请跟我说');
    await inboxMessage(s.app.t.core, c.reporter.userKey, /工作人员把案件里的用人单位改为「宏达电子厂」/);
  });

  it.each([
    ['老板付了三千', '3000'],
    ['追回3000元', '3000'],
    ['老板付了两万', '20000'],
  ])('%s: part of the claim, a note offered and the close with what is owed; never the close alone', async (said, sum) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await kept(c);
    const answer = await s.ask(GW1, said);
    expect(answer).toBe(
      `报告人反映欠28,500元，这是其中一部分。还在追剩下的，先记下：备注 ${c.caseNo} ${said}\n回复「好」就这样记下。\n不再追的话，请发：办结 ${c.caseNo} 追回 ${sum} 还欠 金额`,
    );
    expect(answer).not.toMatch(new RegExp(`办结 ${c.caseNo} 追回 ${sum}(?:\\n|$)`));
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect((await s.get(c)).notes.map((n) => n.text)).toEqual([said]);
    expect(await kept(c)).toEqual(before);
  });

  // guard: the whole claim said back keeps the close to type (h49, h74); nothing is recorded on the words.
  it('guard: 老板付了28500 / 老板付了两万八千五: the whole claim, the close shown', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of ['老板付了28500', '老板付了两万八千五']) expect(await s.ask(GW1, w), w).toMatch(new RegExp(`^要办结请发：办结 ${c.caseNo} 追回 28500\n`));
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('钱全部追回来了: asked whether all of the 28,500元 came back, the 全额 close to type (was 「没看懂」)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '钱全部追回来了')).toBe(
      `您是说报告人反映的28,500元全部追回了吗？还没有记录。\n是的话，请发：办结 ${c.caseNo} 追回 28500 全额\n只追回了一部分的，请写上金额：办结 ${c.caseNo} 追回 金额`,
    );
    expect(await s.ask(GW1, '好')).not.toMatch(/已办结/);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('老板给了工人三千: the part-paid close only, never 「全部付清」 with 3000; 老板给了工人28500: the full close only', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const part = await s.ask(GW1, '老板给了工人三千');
    expect(part).toMatch(new RegExp(`不再追的话，请发：办结 ${c.caseNo} 追回 3000 还欠 金额$`));
    expect(part).not.toMatch(/全部付清/);
    const all = await s.ask(GW1, '老板给了工人28500');
    expect(all).toMatch(new RegExp(`工资已经全部付清、要办结的，请发：办结 ${c.caseNo} 追回 28500$`));
    expect(all).not.toMatch(/只付了一部分/);
  });

  it.each(['全额追回', '已全额追回', '工人说钱全收到了', '老板全付了'])('%s: asked whether all of the 28,500元 came back, nothing closed', async (said) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, said)).toMatch(new RegExp(`^您是说报告人反映的28,500元全部追回了吗？还没有记录。\n是的话，请发：办结 ${c.caseNo} 追回 28500 全额\n`));
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('工人说不告了 / 工人不想告了: the 撤回 close shown; 老板说不告了 is none', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of ['工人说不告了', '工人不想告了']) expect(await s.ask(GW1, w), w).toBe(`本人不想追了的，请发：办结 ${c.caseNo} 撤回 原因`);
    expect(await s.ask(GW1, '老板说不告了')).not.toMatch(/撤回/);
  });

  it('查 QX… / QX… 查一下 / 查 QX… 老板电话: 详情 offered (was a note of 「查」); 好 sends it, no note', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of [`查 ${c.caseNo}`, `${c.caseNo} 查一下`, `查看 ${c.caseNo}`, `查 ${c.caseNo} 老板电话`]) {
      expect(await s.ask(GW1, w), w).toBe(`要查看这件案件，请发：详情 ${c.caseNo}\n回复「好」就发给您。`);
    }
    expect(await s.ask(GW1, '好')).toContain(c.caseNo);
    expect((await s.get(c)).notes).toEqual([]);
  });
});

describe('the worker, after a report', () => {
  const { t, clock } = chatOnClock('2026-12-01T10:00:00+08:00');
  const { dayLater, notesOf, unchanged } = afterReport(t, clock);
  const someone = (tag: string) => `web:r28-${tag}-${Math.random().toString(36).slice(2, 8)}`;

  it.each(['钱全到了', '钱全部到了'])('%s: the person\'s own money, paid passed on only after a yes (was 没太明白)', async (said) => {
    expect(readCaseMessage(said)).toMatchObject({ kind: 'note', note: 'paid' });
    const { chat, c } = await reportSubmitted(t, someone('all'));
    dayLater();
    await chat.send(said).expect(/太好了/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(/没太明白/);
    await unchanged(c, { noNotes: true });
    await chat.send('转').expect(/已转给负责您案件/);
    expect((await notesOf(c)).map(([k]) => k)).toEqual(['paid']);
  });

  it('钱全到了吗: asked, the progress; never paid (was 答不上来)', async () => {
    expect(readCaseMessage('钱全到了吗')).toEqual({ kind: 'progress', staffPhone: false });
    const { chat, c } = await reportSubmitted(t, someone('asked'));
    await chat.send('钱全到了吗').expect(/状态：已提交/).expectNot(/太好了|答不上来/);
    await unchanged(c, { noNotes: true });
  });
});
