/*
 * 转检察 (referral to the procuratorate for supported prosecution) end to end
 * over the staff API with the real workers, no WeChat: notices land in the
 * inboxes. Then the satisfaction question and the reporter's answer in chat.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import type { Case } from '../../core/cases/store.js';
import { nextWorkingMorning } from '../../core/infra/calendar.js';
import { eventually } from '../support/core.js';
import { fireTimerNow, timerAt } from '../support/timers.js';
import { renderText } from '../../core/infra/replies.js';
import { PHONE, inboxMessage, inboxTexts, routeTo, snapshot, startStaffApi, waitFor, wageCase } from './support.js';

const GW = 'gw-001';
const LIAISON = 'liaison-1';

const api = useFixture(() => startStaffApi({ workers: true }), 'all');
let gw: string;
let liaison: string;

beforeAll(async () => {
  gw = await api.staff(GW);
  liaison = await api.staff(LIAISON);
});

const post = (c: Case, a: string, token: string, json?: unknown) => api.req('POST', `/api/v1/staff/cases/${c.caseNo}/${a}`, { token, json });

async function acceptedCase(): Promise<Case> {
  const c = await routeTo(api.core, await wageCase(api.core), GW);
  expect((await post(c, 'accept', gw)).status).toBe(200);
  return (await api.core.cases.get(c.id))!;
}

async function referred(reason = '调解不成，老板拒不支付，农民工'): Promise<Case> {
  const c = await acceptedCase();
  const r = await post(c, 'refer', gw, { reason });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (await api.core.cases.get(c.id))!;
}

describe('a referral the procuratorate takes up', () => {
  it('the liaison is sent the case with the full phone; accepts; records 支持起诉 and 追回 28500 → resolved; the union and the reporter are told each step', async () => {
    const c = await referred();
    expect(c).toMatchObject({
      status: 'referred',
      referral: { liaisonId: LIAISON, by: GW, status: 'pending', reason: '调解不成，老板拒不支付，农民工（诉讼能力较弱：农民工）' },
    });

    const notice = await inboxMessage(api.core, `staff:${LIAISON}`, /【转检察】/);
    expect(notice).toContain(`案件编号：${c.caseNo}`);
    expect(notice).toContain('诉讼能力较弱：农民工');
    expect(notice).toContain(`电话：${PHONE}`);
    expect(notice).toContain(`受理 ${c.caseNo}`);
    expect(await timerAt(api.core, 'referral-deadline', c.id, 1)).toEqual(new Date(c.referral!.decideBy));

    const taken = await post(c, 'referral/accept', liaison);
    expect(taken.status).toBe(200);
    expect(taken.body.case).toMatchObject({ status: 'referred', referral: { status: 'accepted' } });
    // Decided in time: the referral deadline is gone.
    expect(await timerAt(api.core, 'referral-deadline', c.id, 1)).toBeNull();

    const done = await post(c, 'referral/outcome', liaison, { outcome: '已出具支持起诉意见书，追回 28500' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = (await api.core.cases.get(c.id))!;
    expect(after).toMatchObject({
      status: 'resolved',
      outcome: { recovered: 28500, reason: null, by: LIAISON },
      referral: { status: 'done', outcome: '已出具支持起诉意见书，追回 28500' },
      assignee: { staffId: GW },
    });
    // The grid worker's capacity is free again.
    expect(await api.core.redis.hGet(api.core.cases.keys.load(), GW)).toBe('0');

    for (const who of [GW, 'sup-t01']) {
      const told = await inboxMessage(api.core, `staff:${who}`, /【检察结果】/);
      expect(told, who).toBe(`【检察结果】案件 ${c.caseNo}：已出具支持起诉意见书，追回 28500。案件已办结。`);
    }

    const updates = await eventually(async () => {
      const texts = (await inboxTexts(api.core, c.reporter.userKey)).filter((x) => x.includes('有新进展'));
      return texts.length >= 3 ? texts : null;
    }, 8000, 'three reporter updates');
    // Sent by concurrent outbound workers: compared as a set, one update per step. The referral's says by when the
    // procuratorate answers while it has not (rendered when sent: after 受理 it is the plain step).
    const referralStep = new RegExp(`^您的案件 ${c.caseNo} 有新进展：(?:已转给检察机关，审查是否支持起诉，最晚.+答复是否受理|已转检察机关，审查是否支持起诉)。回复「进度」可查看全部记录。$`);
    expect(updates.filter((x) => referralStep.test(x))).toHaveLength(1);
    expect([...updates].filter((x) => !referralStep.test(x)).sort()).toEqual([
      `您的案件 ${c.caseNo} 有新进展：东龙镇第一网格已接单，工作人员会尽快联系您。回复「进度」可查看全部记录。`,
      `您的案件 ${c.caseNo} 有新进展：检察机关已受理，正在审查支持起诉。回复「进度」可查看全部记录。`,
    ].sort());
    // The close itself: the money, and whether it arrived (收到了 / 没收到).
    const closed = await inboxMessage(api.core, c.reporter.userKey, /已办结：追回工资/);
    expect(closed).toContain(`您的案件 ${c.caseNo} 已办结：追回工资28,500元。`);
    expect(closed).toContain('收到了请回复「收到了」；还没收到请回复「没收到」');
    // The reporter never sees the liaison's or the grid worker's internal notices.
    expect((await inboxTexts(api.core, c.reporter.userKey)).join('\n')).not.toMatch(/【转检察】|【检察结果】|诉讼能力较弱/);
  });

  it('an outcome without money recorded: resolved with the procuratorate’s words as the reason, nothing counted as recovered', async () => {
    const c = await referred('调解不成，超龄务工人员');
    expect(c.referral!.reason).toContain('诉讼能力较弱：超过退休年龄');
    expect((await post(c, 'referral/accept', liaison)).status).toBe(200);
    const done = await post(c, 'referral/outcome', liaison, { outcome: '已建议法院缓交诉讼费' });
    expect(done.status).toBe(200);
    expect(done.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: null, reason: '检察机关：已建议法院缓交诉讼费' } });
  });
});

describe('a referral the procuratorate declines', () => {
  it('不予支持 with a reason: the case is back with the grid worker (accepted), who is told why; the reporter is told too', async () => {
    const c = await referred();
    const before = await snapshot(api.core, c.id);
    const noReason = await post(c, 'referral/decline', liaison, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    const blank = await post(c, 'referral/decline', liaison, { reason: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatchObject({ field: 'reason', message: expect.stringContaining('请写上不予支持的理由') });
    expect((await snapshot(api.core, c.id)).audit).toBe(before.audit);

    const r = await post(c, 'referral/decline', liaison, { reason: '劳动关系证据不足，请补充考勤记录' });
    expect(r.status).toBe(200);
    const after = (await api.core.cases.get(c.id))!;
    expect(after).toMatchObject({
      status: 'accepted',
      assignee: { staffId: GW },
      referral: { status: 'declined', declineReason: '劳动关系证据不足，请补充考勤记录' },
    });
    expect(await timerAt(api.core, 'referral-deadline', c.id, 1)).toBeNull();

    const told = await inboxMessage(api.core, `staff:${GW}`, /【检察答复】/);
    expect(told).toBe(`【检察答复】案件 ${c.caseNo} 检察机关暂不支持起诉：劳动关系证据不足，请补充考勤记录。案件回到您手上继续办理。`);
    await inboxMessage(api.core, c.reporter.userKey, /检察机关暂不支持起诉，案件回到原工作人员继续办理/);

    // The grid worker carries on and can resolve it.
    const resolved = await post(c, 'resolve', gw, { recovered: 12000 });
    expect(resolved.status).toBe(200);
    expect(resolved.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: 12000, by: GW } });
  });

  it('referred again after a decline (more evidence): the liaison is sent the new referral too', async () => {
    const c = await referred('调解不成');
    await inboxMessage(api.core, `staff:${LIAISON}`, new RegExp(`【转检察】[\\s\\S]*${c.caseNo}`));
    // The first referral's answer is late: its deadline fires (the liaison is chased) before the decline.
    await fireTimerNow(api.core, 'referral-deadline', c.id, 1);
    await inboxMessage(api.core, `staff:${LIAISON}`, new RegExp(`【催办】转检察案件 ${c.caseNo}`));
    expect((await waitFor(api.core, c.id, (x) => x.missed.includes('referral'), 'missed referral deadline')).missed).toEqual(['referral']);
    expect((await post(c, 'referral/decline', liaison, { reason: '请补充工资条' })).status).toBe(200);
    const again = await post(c, 'refer', gw, { reason: '已补充工资条和考勤记录，老板仍拒付，农民工' });
    expect(again.status).toBe(200);
    expect(again.body.case.referral).toMatchObject({ status: 'pending', reason: expect.stringContaining('已补充工资条') });
    const second = await eventually(async () => {
      const all = (await inboxTexts(api.core, `staff:${LIAISON}`)).filter((x) => x.startsWith('【转检察】') && x.includes(c.caseNo));
      return all.length >= 2 ? all : null;
    }, 8000, 'the second referral notice');
    expect(second[1]).toContain('已补充工资条和考勤记录');
    // The new referral has its own answer deadline, waiting.
    expect(await timerAt(api.core, 'referral-deadline', c.id, 1)).toEqual(new Date(again.body.case.referral.decideBy));
    expect((await post(c, 'referral/accept', liaison)).status).toBe(200);
  });
});

describe('the satisfaction question after resolving', () => {
  /** Resolves the case without money (next step: arbitration), checks the question is due the next working morning, and asks it now. */
  async function resolvedAndAsked(): Promise<Case> {
    const c = await acceptedCase();
    const r = await post(c, 'resolve', gw, { reason: '老板避而不见', nextStep: { kind: 'arbitration' } });
    expect(r.status).toBe(200);
    const resolved = (await api.core.cases.get(c.id))!;
    // Set as the case was resolved, to fire the next working morning (by the app's clock).
    const due = nextWorkingMorning(api.core.directory.index().calendar, new Date(resolved.outcome!.at));
    expect(await timerAt(api.core, 'satisfaction', c.id, resolved.history.length)).toEqual(due);
    await fireTimerNow(api.core, 'satisfaction', c.id, resolved.history.length);
    const question = await inboxMessage(api.core, c.reporter.userKey, /您对处理结果满意吗/);
    expect(question).toContain(c.caseNo);
    return resolved;
  }

  it('不满意 reopens the case and sends it to the township supervisor (never back to the grid worker)', async () => {
    const c = await resolvedAndAsked();
    const replies = await api.t.chat.handle(c.reporter.userKey, { kind: 'text', text: '不满意' });
    expect(replies.map(renderText).join('\n')).toBe(`收到，很抱歉没有让您满意。案件 ${c.caseNo} 已重新打开，交给镇（街道）工会复查，会有人联系您。`);
    const reopened = await waitFor(api.core, c.id, (x) => x.status === 'assigned', 'reassignment after 不满意');
    expect(reopened).toMatchObject({
      satisfaction: null,
      ratings: ['unsatisfied'],
      assignee: { staffId: 'sup-t01', level: 'township' },
      assignmentSeq: 2,
    });
    expect(reopened.lapsed).toContain(GW);
    expect(reopened.history.map((h) => h.note)).toContain('您对结果不满意，案件已重新打开，交镇（街道）工会复查');
    const notice = await inboxMessage(api.core, 'staff:sup-t01', new RegExp(`【新案件】[\\s\\S]*${c.caseNo}`));
    expect(notice).toContain(`接单 ${c.caseNo}`);
    // The township supervisor now works it like an assignee.
    const sup = await api.staff('sup-t01');
    expect((await post(c, 'accept', sup)).status).toBe(200);
    expect((await post(c, 'accept', gw)).status).toBe(403);
    // The survey was answered: asking again does not rate twice.
    expect(await api.core.redis.get(api.core.cases.keys.survey(c.reporter.userKey))).toBeNull();
    // Resolved again by the supervisor, the reporter is asked again and can close it.
    expect((await post(c, 'resolve', sup, { recovered: 28500 })).status).toBe(200);
    const again = (await api.core.cases.get(c.id))!;
    expect(await timerAt(api.core, 'satisfaction', c.id, again.history.length), 'second satisfaction timer').not.toBeNull();
    // Money recovered: the morning timer asks first whether it arrived; 收到了 brings the satisfaction question.
    await fireTimerNow(api.core, 'satisfaction', c.id, again.history.length);
    await inboxMessage(api.core, c.reporter.userKey, new RegExp(`${c.caseNo} 追回的工资28,500元收到了吗`));
    expect(await api.core.redis.get(api.core.cases.keys.survey(c.reporter.userKey))).toBeNull();
    const confirmed = await api.t.chat.handle(c.reporter.userKey, { kind: 'text', text: '收到了' });
    expect(confirmed.map(renderText).join('\n')).toMatch(/您对处理结果满意吗/);
    await api.t.chat.handle(c.reporter.userKey, { kind: 'text', text: '基本满意' });
    expect((await api.core.cases.get(c.id))!).toMatchObject({ status: 'closed', satisfaction: 'basically', ratings: ['unsatisfied', 'basically'] });
  });

  it('满意 closes the case', async () => {
    const c = await resolvedAndAsked();
    const replies = await api.t.chat.handle(c.reporter.userKey, { kind: 'text', text: '满意' });
    expect(replies.map(renderText).join('\n')).toBe(`谢谢您的评价！案件 ${c.caseNo} 已结案。以后有需要随时找我。`);
    const closed = (await api.core.cases.get(c.id))!;
    expect(closed).toMatchObject({ status: 'closed', satisfaction: 'satisfied', assignee: { staffId: GW } });
    expect(closed.history.at(-1)!.note).toBe('您的评价：满意，案件已结案');
    await new Promise((r) => setTimeout(r, 200));
    expect((await api.core.cases.get(c.id))!.status).toBe('closed');
  });
});
