/*
 * What the worker says about the money while a close waits for the township's approval (`closing`) reaches the one
 * who approves it, before they decide:
 *  - `说是追回了但我没收到钱` on a close that reports 追回 was only told to wait for the review; now the words are
 *    shown for a yes to pass them on, as `只收到3000` already was;
 *  - a note passed on while a close waits went to the assignee alone (who had asked to close it); the approver is
 *    now told too, with 同意 / 退回 (only the assignee answers in the chat).
 * The staff speak through the staff desk, the worker through the chat.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { useFixture } from '../support/fixture.js';
import { inboxMessage, inboxTexts, routeTo, staffChat, startStaffApi, wageCase, workingDayAt } from './support.js';

const GW = 'gw-001';
const SUP = 'sup-t01';
let clock: ManualClock;

const api = useFixture(() => {
  clock = manualClock(workingDayAt('10:00'));
  return startStaffApi({ workers: true, clock });
}, 'all');
let gw: (text: string) => Promise<string>;
let sup: (text: string) => Promise<string>;

beforeAll(async () => {
  gw = await staffChat(api.core, GW);
  sup = await staffChat(api.core, SUP);
});

const get = async (c: Case) => (await api.core.cases.get(c.id))!;

/** A construction case of gw-001's closed with `close`, waiting for sup-t01's approval. */
async function inReview(close: string): Promise<Case> {
  let c = await wageCase(api.core, { gridId: 't01-g1' });
  c = await api.core.cases.update(c.id, 'test', (cur) => ({ record: { ...cur, wage: { ...cur.wage!, construction: true } }, action: 'test', detail: 'construction' }));
  c = await routeTo(api.core, c, GW);
  expect(await gw(`接单 ${c.caseNo}`)).toMatch(/^已接单/);
  expect(await gw(`办结 ${c.caseNo} ${close}`)).toMatch(/待审批/);
  const now = await get(c);
  expect(now).toMatchObject({ status: 'closing', closeRequest: { approverId: SUP } });
  return now;
}

const notesTo = async (staffId: string, c: Case) => (await inboxTexts(api.core, `staff:${staffId}`)).filter((x) => x.startsWith('【当事人留言】') && x.includes(c.caseNo));

describe('money not received while the close waits for approval', () => {
  it('没收到 on a close reporting 追回: the words offered to pass on; 转给工作人员 tells the assignee and the approver, who may send it back', async () => {
    const c = await inReview('追回 28500');
    const chat = converse(api.t.chat, c.reporter.userKey);
    await chat
      .send('说是追回了但我没收到钱')
      .expect(new RegExp(`案件 ${c.caseNo} 的办理结果（追回28,500元）已报镇（街道）工会审核`))
      .expect(/还没收到的话，可以先告诉工作人员，审核的人也会看到。/)
      .expect(/您要转告的话：「说是追回了但我没收到钱/);
    // Offered only: nothing on the case yet.
    expect((await get(c)).reporterNotes).toEqual([]);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    expect((await get(c)).reporterNotes.map((n) => n.kind)).toEqual(['other']);
    const toSup = await inboxMessage(api.core, `staff:${SUP}`, new RegExp(`【当事人留言】案件 ${c.caseNo}`));
    expect(toSup).toContain('说是追回了但我没收到钱');
    expect(toSup).toContain(`案件的办结正等您审批，请核实后再决定：同意请回复「同意 ${c.caseNo}」；不同意请回复「退回 ${c.caseNo} 原因」。`);
    // Only the assignee answers in the chat.
    expect(toSup).not.toContain('答复本人请发');
    const toGw = await inboxMessage(api.core, `staff:${GW}`, new RegExp(`【当事人留言】案件 ${c.caseNo}`));
    expect(toGw).toContain(`答复本人请发：回复 ${c.caseNo} 内容`);
    expect(toGw).not.toContain('正等您审批');
    // The approver acts on it.
    expect(await sup(`退回 ${c.caseNo} 本人说钱没收到，请核实`)).toMatch(/^已退回/);
    expect((await get(c)).status).toBe('accepted');
  });

  it('只收到3000 passed on: the approver is told too', async () => {
    const c = await inReview('追回 28500');
    await converse(api.t.chat, c.reporter.userKey).send('只收到3000').expect(/您要转告的话：「只收到3000」/).send('转给工作人员').expect(/已转给负责您案件/);
    expect(await inboxMessage(api.core, `staff:${SUP}`, new RegExp(`【当事人留言】案件 ${c.caseNo}`))).toContain('只收到3000');
  });

  // guard: a close that reports nothing recovered: 没收到 says nothing new, so nothing is offered (the review is said, as before).
  it('guard: 没收到钱 on a close with nothing recovered: the review said, nothing offered', async () => {
    const c = await inReview('未追回 老板跑了 下一步 仲裁');
    await converse(api.t.chat, c.reporter.userKey)
      .send('钱还没收到')
      .expect(/状态：办理结果已报镇（街道）工会审核/)
      .expectNot(/您要转告的话/);
    expect((await get(c)).reporterNotes).toEqual([]);
  });

  // guard: a note on a case not waiting for approval goes to its assignee only, as ever.
  it('guard: a note on an accepted case: the assignee told, not the township supervisor', async () => {
    let c = await wageCase(api.core, { gridId: 't01-g1' });
    c = await routeTo(api.core, c, GW);
    expect(await gw(`接单 ${c.caseNo}`)).toMatch(/^已接单/);
    await converse(api.t.chat, c.reporter.userKey).send('老板跑了 联系不上').expect(/您要转告的话/).send('转给工作人员').expect(/已转给负责您案件/);
    await inboxMessage(api.core, `staff:${GW}`, new RegExp(`【当事人留言】案件 ${c.caseNo}`));
    expect(await notesTo(SUP, c)).toEqual([]);
  });
});
