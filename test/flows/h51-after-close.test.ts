/**
 * What workers say once their case left the grid worker's hands (helper h51): resolved (办结 追回 6000), with the
 * township for review (`closing`: a construction case's close), or closed:
 *  - `老板又不给了`, `老板又拖着不给了` after a knowledge answer ended 「您反映的欠薪已经在办理了」 whatever the case's
 *    status: now it says where the case stands and what can be done (没收到, 反映欠薪 again, 人工); a case still worked
 *    keeps that line;
 *  - `说是追回了但我没收到钱` with the close in review was 没太明白: now the case, and that 收到了 / 没收到 is asked once
 *    the review is done (and, since, the words offered to pass on: test/staff/lead-review-notes.test.ts);
 *  - `只收到3000`, `收到一半`, `还差三千没给` at 「钱收到了吗？」 were pointed at 没收到, so the staff were told nothing
 *    arrived: now the sum that arrived is asked to be confirmed, recorded with 没收到, and the staff told 只收到3,000元.
 */
import { describe, expect, it } from 'vitest';
import { askForRating } from '../../core/cases/feedback.js';
import type { Case } from '../../core/cases/store.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';
import { caseNotice } from '../../core/cases/texts.js';
import { staffChat } from '../staff/support.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { t, clock, session } = chatOnClock(NOW.toISOString());

const someone = (tag: string) => `web:h51-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const get = async (c: Case) => (await t.core.cases.get(c.id))!;

/**
 * The report of SUBMITTED_REPORT (6,000 yuan, 河西街道), accepted by a grid worker of the town (set directly, as
 * routing would leave it; `construction`: a construction case, whose close the township reviews), then the staff's
 * `command` run in their WeChat chat.
 */
async function actedOn(user: string, command: (no: string) => string[], construction = false) {
  const { chat, c } = await reportSubmitted(t, user);
  const grid = [...t.core.directory.index().gridById.values()].find((g) => g.grid.id.startsWith(`${c.location.townshipId}-`))!.grid;
  const staffId = grid.workers[0]!.id;
  await t.core.cases.update(c.id, 'test', (cur) => ({
    record: {
      ...cur,
      ...(construction && cur.wage ? { wage: { ...cur.wage, construction: true } } : {}),
      location: { ...cur.location, gridId: grid.id },
      status: 'accepted',
      assignee: { staffId, level: 'grid', assignedAt: clock.now().toISOString() },
    },
    action: 'test',
    detail: '',
  }));
  const say = await staffChat(t.core, staffId);
  for (const line of command(c.caseNo)) await say(line);
  return { chat, c: await get(c), staffId };
}

const recovered = (user: string) => actedOn(user, (no) => [`办结 ${no} 追回 6000`]);
const inReview = (user: string) => actedOn(user, (no) => [`办结 ${no} 追回 6000`], true);

describe('the boss not paying again, after the case left the grid worker', () => {
  it.each(['老板又不给了', '老板又拖着不给了'])('%s, resolved with 收到了 waiting: said it was resolved, 没收到 and 反映欠薪 offered', async (said) => {
    const { chat, c } = await recovered(someone('res'));
    expect(c.status).toBe('resolved');
    await chat
      .send(said)
      .expect(new RegExp(`您反映的欠薪（${c.caseNo}）已经办结了。追回的钱还没收到的话，请回复「没收到」`))
      .expect(/回复「反映欠薪」再反映一次；需要工作人员帮忙，回复「人工」/)
      .expectNot(/已经在办理了/);
    // Nothing applied: the question still waits.
    expect((await get(c)).receipt?.answer).toBeNull();
  });

  it('老板又不给了, resolved without money and the rating asked: 不满意 offered', async () => {
    const user = someone('rate');
    const out = await actedOn(user, (no) => [`办结 ${no} 未追回 老板跑路 下一步 起诉`]);
    await askForRating(t.core, out.c);
    await out.chat
      .send('老板又不给了')
      .expect(new RegExp(`您反映的欠薪（${out.c.caseNo}）已经办结了。对处理结果不满意，回复「不满意」`))
      .expectNot(/已经在办理了|没收到/);
  });

  it('老板又不给了, closed: said it was closed, 反映欠薪 offered', async () => {
    const { chat, c } = await recovered(someone('closed'));
    await chat.send('收到了').expect(/谢谢您确认已经收到工资/).send('满意').expect(/已结案/);
    expect((await get(c)).status).toBe('closed');
    await chat.send('老板又不给了').expect(new RegExp(`您反映的欠薪（${c.caseNo}）已经结案了。老板又欠了新的工资，回复「反映欠薪」`)).expectNot(/已经在办理了/);
  });

  it('老板又不给了, the close in review: said so, not 「已经在办理了」', async () => {
    const { chat, c } = await inReview(someone('rev'));
    expect(c.status).toBe('closing');
    await chat.send('老板又不给了').expect(new RegExp(`您反映的欠薪（${c.caseNo}）已经有办理结果，正在报镇（街道）工会审核`)).expectNot(/已经在办理了/);
  });

  // guard: a case still worked keeps today's line.
  it('guard: 老板又不给了 with the case still worked: 「已经在办理了」 as before', async () => {
    const { chat } = await reportSubmitted(t, someone('open'));
    await chat.send('老板又不给了').expect(/您反映的欠薪已经在办理了/);
  });
});

describe('the close with the township for review', () => {
  // The words are offered to pass on (test/staff/lead-review-notes.test.ts: the approver hears them too).
  it.each(['说是追回了但我没收到钱', '钱还冒到'])('%s: the case, when 收到了 / 没收到 is asked (not 没太明白), the words offered to pass on', async (said) => {
    const { chat, c } = await inReview(someone('review'));
    await chat
      .send(said)
      .expect(new RegExp(`案件 ${c.caseNo} 的办理结果（追回6,000元）已报镇（街道）工会审核，还没有最后办结。审核通过后，会在这里问您钱收到了没有`))
      .expect(new RegExp(`还没收到的话，可以先告诉工作人员，审核的人也会看到。\n您要转告的话：「${said}」`))
      .expectNot(/没太明白/);
    const now = await get(c);
    expect([now.status, now.reporterNotes]).toEqual(['closing', []]);
  });
});

describe('part of the money with the close in review', () => {
  it('只收到3000: the review said, the words shown for a yes, then passed on as news', async () => {
    const { chat, c } = await inReview(someone('review-part'));
    await chat
      .send('只收到3000')
      .expect(/还没有最后办结。审核通过后，会在这里问您钱收到了没有/)
      .expect(/只收到一部分的话，可以先告诉工作人员，审核的人也会看到。\n您要转告的话：「只收到3000」/)
      .expectNot(/没太明白/);
    expect((await get(c)).reporterNotes).toEqual([]);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    expect((await get(c)).reporterNotes.map((n) => [n.kind, n.text])).toEqual([['partly_paid', '只收到3000']]);
  });
});

describe('part of the money at 「钱收到了吗？」: the sum confirmed, then recorded and told to the staff', () => {
  it.each([
    ['只收到3000', '3,000元', '3,000元'],
    ['收到一半', '3,000元', '3,000元'],
    ['还差两千没给', '4,000元', '2,000元'],
  ])('%s → 对: 没收到 with %s received, the staff told 只收到', async (said, got, missing) => {
    const user = someone('part');
    const { chat, c, staffId } = await recovered(user);
    await chat.send(said).expect(new RegExp(`您是说只收到了${got}，还差${missing}吗？`));
    // Asked only: nothing recorded yet.
    expect((await get(c)).receipt?.answer).toBeNull();
    await chat.send('对').expect(new RegExp(`好的，记下了：追回的6,000元只收到了${got}，还差${missing}。案件 ${c.caseNo} 已重新打开`));
    const now = await get(c);
    expect(now.status).toBe('accepted');
    expect(now.receipt).toMatchObject({ answer: 'not_received', part: { received: Number(got.replace(/\D/g, '')), recovered: 6000 } });
    expect(now.history.at(-1)!.note).toMatch(new RegExp(`^您说追回的6,000元只收到了${got}，案件已重新打开`));
    // What the assignee is sent (the outbox runs the notice on the record as it is now).
    const notice = caseNotice('staff-receipt-missing', { index: t.core.directory.index(), c: now, staffId, seq: now.history.length - 1, phone: null });
    expect(notice).toMatch(new RegExp(`^【没收全】案件 ${c.caseNo} 的报告人说追回的6,000元只收到了${got}，还差${missing}，案件已回到您手上`));
    expect(notice).not.toMatch(/还没收到/);
  });

  it('a wrong sum corrected (`不对 只收到2000`), then 没错: the sum said last recorded', async () => {
    const { chat, c } = await recovered(someone('fix'));
    await chat.send('只收到3000').expect(/只收到了3,000元/).send('不对 只收到2000').expect(/您是说只收到了2,000元，还差4,000元吗？/);
    expect((await get(c)).receipt?.answer).toBeNull();
    await chat.send('没错').expect(/只收到了2,000元，还差4,000元/);
    expect((await get(c)).receipt?.part).toEqual({ received: 2000, recovered: 6000 });
  });

  it('钱没给全: how much is asked; `2000` alone is then asked to be confirmed', async () => {
    const { chat, c } = await recovered(someone('howmuch'));
    await chat.send('钱没给全').expect(/您是说只收到了一部分吗？请告诉我收到了多少/).send('2000').expect(/您是说只收到了2,000元，还差4,000元吗？/);
    expect((await get(c)).receipt?.answer).toBeNull();
  });

  it('对 at «只收到了一部分吗？»: how much asked plainly, once; a sum then asked to be confirmed', async () => {
    const { chat, c } = await recovered(someone('yes-part'));
    await chat.send('收到一部分').expect(/您是说只收到了一部分吗？/).send('对').expect(/^好的。请告诉我收到了多少钱，直接发数字就行/).send('两千五').expect(/您是说只收到了2,500元，还差3,500元吗？/);
    expect((await get(c)).receipt?.answer).toBeNull();
  });

  it('不是 at the sum: nothing recorded, how much asked', async () => {
    const { chat, c } = await recovered(someone('no'));
    await chat.send('只收到3000').send('不是').expect(/好的，没有记。请告诉我收到了多少钱/).send('不对').expectNot(/请告诉我收到了多少钱/);
    expect((await get(c)).receipt?.answer).toBeNull();
  });

  // guard: 没收到 at the sum's question is 没收到 (nothing said arrived), as ever.
  it('guard: 没收到 at the sum: plain 没收到', async () => {
    const { chat, c } = await recovered(someone('none'));
    await chat.send('只收到3000').send('没收到').expect(/抱歉让您久等了/);
    expect((await get(c)).receipt).toMatchObject({ answer: 'not_received' });
    expect((await get(c)).receipt?.part).toBeUndefined();
  });
});
