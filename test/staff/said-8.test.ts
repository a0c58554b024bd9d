/*
 * Staff in WeChat, probe 8: a case the worker withdrew or settled is not
 * followed by an offer of a lawyer or documents under 进度, and a withdrawal
 * by no satisfaction question (a settlement is asked about the staff's
 * handling); `延期两天` without a number names the one case held; after
 * submitting, `老板的电话多少` is a question about the boss's phone, never a
 * correction to pass on.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { asksRating, endedByReporter, helpOffered } from '../../core/cases/index.js';
import { readCaseMessage } from '../../flows/case-desk.js';
import { converse } from '../support/converse.js';
import { eventually } from '../support/core.js';
import { fireTimerNow } from '../support/timers.js';
import { A_WORKING_DAY, inboxTexts } from './support.js';
import { GW1, staffInWechat } from './in-wechat.js';

const T0 = A_WORKING_DAY;
const { app, ask, get, bind, routedToGw1, acceptedByGw1 } = staffInWechat(T0);

/** Closed by GW1 with `how` (`撤回 …`, `和解 5000`, `未追回 … 下一步 仲裁`); the case as stored. */
async function closedAs(how: string): Promise<Case> {
  const c = await acceptedByGw1();
  expect(await ask(GW1, `办结 ${c.caseNo} ${how}`)).toContain('已办结。');
  const x = await get(c);
  expect(x.status).toBe('resolved');
  return x;
}

/** The worker's 进度, as one text. */
async function progressOf(c: Case): Promise<string> {
  return (await converse(app.t.chat, c.reporter.userKey).send('进度')).text;
}

/** Fires the next-morning satisfaction timer of the close now; whether the worker was asked (the survey key). */
async function satisfactionFired(c: Case): Promise<boolean> {
  await fireTimerNow(app.t.core, 'satisfaction', c.id, c.history.length);
  return (await app.t.core.redis.get(app.t.core.cases.keys.survey(c.reporter.userKey))) === c.id;
}

describe('withdrawn and settled: 进度 and the satisfaction question (1)', () => {
  it('撤回: 进度 says so and offers no lawyer, documents or arbitration; no satisfaction question comes the next morning', async () => {
    await bind(GW1, 'gw-001');
    const c = await closedAs('撤回 本人不想追究了');
    expect(endedByReporter(c)).toBe(true);
    expect(helpOffered(c)).toBe(false);
    expect(asksRating(c)).toBe(false);

    const progress = await progressOf(c);
    expect(progress).toContain('已按您的意思撤回，不再办理');
    expect(progress).not.toMatch(/预约|文书|仲裁|律师/);

    expect(await satisfactionFired(c)).toBe(false);
    // The survey notice would have come through the outbox: give it the time it takes, then look.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await inboxTexts(app.t.core, c.reporter.userKey)).filter((t) => /满意吗/.test(t))).toEqual([]);
    // A 满意 typed anyway is no rating.
    await converse(app.t.chat, c.reporter.userKey).send('满意');
    expect((await get(c)).satisfaction).toBeNull();
  });

  it('和解: 进度 offers no lawyer or documents; the satisfaction question asks about the staff’s handling, and 满意 closes it', async () => {
    await bind(GW1, 'gw-001');
    const c = await closedAs('和解 5000');
    expect(helpOffered(c)).toBe(false);
    expect(asksRating(c)).toBe(true);

    const progress = await progressOf(c);
    expect(progress).toContain('您已和老板自己谈妥，案件已办结');
    expect(progress).not.toMatch(/预约|文书|仲裁/);

    expect(await satisfactionFired(c)).toBe(true);
    const question = await eventually(async () => (await inboxTexts(app.t.core, c.reporter.userKey)).find((t) => /满意吗/.test(t)), 8000, 'the survey');
    expect(question).toBe(`您的案件 ${c.caseNo} 已经办结（您和老板自己谈妥了）。您对工作人员的办理满意吗？请回复「满意」「基本满意」或「不满意」。如果不满意，我们会请镇（街道）工会重新处理。`);
    await converse(app.t.chat, c.reporter.userKey).send('满意').expect(/谢谢您的评价/);
    expect(await get(c)).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
  });

  it('未追回 with arbitration next: 进度 still offers the lawyer and the documents, and the usual satisfaction question comes', async () => {
    await bind(GW1, 'gw-001');
    const c = await closedAs('未追回 老板跑路了 下一步 仲裁');
    expect(helpOffered(c)).toBe(true);
    expect(asksRating(c)).toBe(true);
    const progress = await progressOf(c);
    expect(progress).toContain(`回复「预约 ${c.caseNo}」`);
    expect(progress).toContain('回复「文书」');
    expect(await satisfactionFired(c)).toBe(true);
    const question = await eventually(async () => (await inboxTexts(app.t.core, c.reporter.userKey)).find((t) => /满意吗/.test(t)), 8000, 'the survey');
    expect(question).toContain(`您的案件 ${c.caseNo} 已经办结。您对处理结果满意吗？`);
  });
});

describe('延期 glued to its length, no number (2)', () => {
  it('with one case held: the hint names it and keeps the length (and the reason) as typed; sent, it runs', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const no = c.caseNo;
    expect(await ask(GW1, '延期两天')).toBe(`是要延期吗？请发：延期 ${no} 两天 原因`);
    expect(await ask(GW1, '延期三个工作日，等住建核实')).toBe(`是要延期吗？请发：延期 ${no} 三个工作日 等住建核实`);
    // Not a plain length: the form as it is, on the one case.
    expect(await ask(GW1, '延期两天左右')).toBe(`是要延期吗？请发：延期 ${no} 天数 原因`);
    expect((await get(c)).extensions).toEqual([]);
    expect(await ask(GW1, `延期 ${no} 两天 等住建核实`)).toMatch(/^已延期2个工作日/);
  });

  it('none guessed: two cases held, or the one held not yet accepted (延期 needs an accepted case)', async () => {
    await bind(GW1, 'gw-001');
    const waiting = await routedToGw1();
    expect(waiting.status).toBe('assigned');
    expect(await ask(GW1, '延期两天')).toBe('是要延期吗？请发：延期 QX… 两天 原因');
    await ask(GW1, `接单 ${waiting.caseNo}`);
    const other = await acceptedByGw1();
    expect(await ask(GW1, '延期两天')).toBe('是要延期吗？请发：延期 QX… 两天 原因');
    expect((await get(waiting)).extensions).toEqual([]);
    expect((await get(other)).extensions).toEqual([]);
  });
});

describe('the boss’s phone after submitting (3)', () => {
  it('reading: asked for or offered with no number, given with one, news about it', () => {
    for (const m of ['老板的电话多少', '老板电话是多少？', '你们有老板的电话吗', '能把包工头电话给我吗'])
      expect(readCaseMessage(m), m).toMatchObject({ kind: 'boss-phone', offers: false });
    for (const m of ['需要老板的电话吗', '老板的电话你们要不要', '我有包工头电话']) expect(readCaseMessage(m), m).toMatchObject({ kind: 'boss-phone', offers: true });
    expect(readCaseMessage('包工头电话多少')).toMatchObject({ who: '包工头' });
    expect(readCaseMessage('老板电话13712345678')).toEqual({ kind: 'note', note: 'correction', about: 'boss-phone' });
    // As before: news about the boss's phone, the staff's phone, the person's own.
    expect(readCaseMessage('老板电话打了好几次都没人接')).toEqual({ kind: 'note', note: 'correction' });
    expect(readCaseMessage('网格员的电话多少')).toEqual({ kind: 'progress', staffPhone: true });
    expect(readCaseMessage('我电话换了')).toEqual({ kind: 'new-phone' });
  });

  it('老板的电话多少 is answered plainly, nothing to pass on; the number sent next is shown back as the boss’s and passed on after a yes', async () => {
    const c = await app.routedCase();
    await converse(app.t.chat, c.reporter.userKey)
      .send('老板的电话多少')
      .expect(/^老板的电话我这里没有，也不能提供。联系老板的事，工作人员会去办。您要是知道老板的电话，直接发给我，我转给负责您案件的工作人员。$/)
      .expectNot(/更正|转告/)
      .send('13712345678')
      .expect(/这个电话对工作人员有用，我可以转给他们。/)
      .expect(/您要转告的话：「老板的电话：137\*\*\*\*5678」/)
      .send('好')
      .expect(new RegExp(`已转给负责您案件 ${c.caseNo} 的工作人员`));
    expect((await get(c)).reporterNotes.map((n) => [n.kind, n.text])).toEqual([['correction', '老板的电话：137****5678']]);
  });

  it('offered (需要老板的电话吗): asked for; anything but a number after it goes on as usual, and nothing is passed on', async () => {
    const c = await app.routedCase();
    await converse(app.t.chat, c.reporter.userKey)
      .send('需要老板的电话吗')
      .expect(/^有老板的电话，工作人员联系起来更方便。直接把号码发给我，我转给负责您案件的工作人员。$/)
      .send('好的')
      .expectNot(/转告|老板的电话/);
    expect((await get(c)).reporterNotes).toEqual([]);
  });
});
