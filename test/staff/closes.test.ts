/*
 * Every close has a next step, as a union office and a procuratorate run it:
 * 未追回 names where the case goes (another authority with a follow-up date,
 * arbitration or court with a legal-aid booking offered, or 转检察); the
 * worker reads it in plain words with the hotlines, and 先行清偿 for
 * construction; group and construction closes wait for the township
 * supervisor (同意 / 退回, in WeChat and the staff API); 追回 asks the worker
 * 收到了 / 没收到, and 没收到 reopens the case to its assignee; a case paid in
 * full is not offered a lawyer.
 *
 * Staff speak through the staff desk (what every WeChat channel runs) and
 * the staff API; the worker through the chat.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReceipt } from '../../core/cases/feedback.js';
import { linkGroup } from '../../core/cases/groups.js';
import { route } from '../../core/cases/queue.js';
import type { Case } from '../../core/cases/store.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { addWorkingDays, createCalendar } from '../../core/infra/calendar.js';
import { renderText } from '../../core/infra/replies.js';
import { addDays, chinaDay, chinaInstant, dayLabel } from '../../core/infra/time.js';
import { converse } from '../support/converse.js';
import { suiteDirectory } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { reportByChat } from './report.js';
import { fireTimerNow, timerAt } from '../support/timers.js';
import { inboxMessage, routeTo, staffChat, startStaffApi, waitFor, wageCase, workingDayAt, type CaseInput } from './support.js';

const GW = 'gw-001';
const SUP = 'sup-t01';
const cal = createCalendar(suiteDirectory().calendar);
let clock: ManualClock;

const api = useFixture(() => {
  clock = manualClock(workingDayAt('10:00'));
  return startStaffApi({ workers: true, clock });
}, 'all');
let gwToken: string;
let supToken: string;
let gw: (text: string) => Promise<string>;
let sup: (text: string) => Promise<string>;

beforeAll(async () => {
  gwToken = await api.staff(GW);
  supToken = await api.staff(SUP);
  gw = await staffChat(api.core, GW);
  sup = await staffChat(api.core, SUP);
});

const post = (c: Case, action: string, token: string, json?: unknown) => api.req('POST', `/api/v1/staff/cases/${c.caseNo}/${action}`, { token, json });
const get = async (c: Case) => (await api.core.cases.get(c.id))!;

/** A case of gw-001's, accepted. */
async function accepted(input: CaseInput = {}, change?: (c: Case) => Case): Promise<Case> {
  let c = await wageCase(api.core, { gridId: 't01-g1', ...input });
  if (change) c = await api.core.cases.update(c.id, 'test', (cur) => ({ record: change(cur), action: 'test', detail: 'details' }));
  c = await routeTo(api.core, c, GW);
  expect(await gw(`接单 ${c.caseNo}`)).toMatch(/^已接单/);
  return get(c);
}

const construction = (c: Case): Case => ({ ...c, wage: { ...c.wage!, construction: true, project: '青溪花园二期' } });

/** A day some days ahead as staff type it (`12月9日`), and as stored: moved to the next working day when it is not one. */
function ahead(days: number): { typed: string; day: string } {
  const typedDay = addDays(chinaDay(clock.now()), days);
  let day = typedDay;
  while (!cal.isWorkingDay(day)) day = addDays(day, 1);
  return { typed: `${Number(typedDay.slice(5, 7))}月${Number(typedDay.slice(8, 10))}日`, day };
}

describe('未追回 needs a next step', () => {
  it('in WeChat: without one the assignee is told the three ways; 移交 with the unit and a follow-up date closes it; the worker reads where it went, when the union follows up, and 12333 / 12351 / 12348; on that day the assignee is reminded', async () => {
    const c = await accepted();
    expect(await gw(`办结 ${c.caseNo} 未追回 老板失联`)).toMatch(/^未追回的案件要写明下一步，三选一：[\s\S]*移交[\s\S]*仲裁[\s\S]*转检察 QX… 理由/);
    expect(await gw(`办结 ${c.caseNo} 未追回 老板失联 下一步 移交 青溪区劳动保障监察大队`)).toMatch(/请写上跟进日期/);
    expect(await gw(`办结 ${c.caseNo} 未追回 老板失联 下一步 转检察`)).toMatch(/转检察不用办结，请直接回复「转检察 QX… 理由」/);
    expect(await gw(`办结 ${c.caseNo} 未追回 老板失联 下一步 移交 青溪区劳动保障监察大队 ${ahead(90).typed}跟进`)).toMatch(/跟进日期要在今天之后、60天以内/);
    expect((await get(c)).status).toBe('accepted');

    const { typed, day } = ahead(7);
    const answer = await gw(`办结 ${c.caseNo} 未追回 老板失联 下一步 移交 青溪区劳动保障监察大队 ${typed}跟进`);
    expect(answer).toMatch(/^已办结。案件 .* 现在是「已办结」。\n已把下一步和求助电话告诉报告人/);
    const done = await get(c);
    expect(done).toMatchObject({
      status: 'resolved',
      outcome: { recovered: null, reason: '老板失联', nextStep: { kind: 'transfer', agency: 'labour_inspection', unit: '青溪区劳动保障监察大队', followUpOn: day } },
    });
    expect(await api.core.redis.hGet(api.core.cases.keys.load(), GW)).toBe('0');

    const told = await inboxMessage(api.core, c.reporter.userKey, /这次没能追回工资/);
    expect(told).toBe(
      [
        `您的案件 ${c.caseNo} 已办结，这次没能追回工资，原因是：老板失联。`,
        `下一步：我们已把您的案件移交给青溪区劳动保障监察大队处理，工会会在${dayLabel(day)}向他们了解进展，有消息会告诉您。您也可以打人社服务热线12333查询。`,
        '需要帮助可以打：人社服务热线12333、职工服务热线12351、法律援助热线12348。',
      ].join('\n'),
    );
    await converse(api.t.chat, c.reporter.userKey).send('进度').expect(new RegExp(`下一步：已移交青溪区劳动保障监察大队，工会${dayLabel(day).replace(/[（）]/g, '.')}跟进`));
    expect(await gw(`详情 ${c.caseNo}`)).toContain('办理结果：未追回：老板失联；下一步：已移交青溪区劳动保障监察大队');

    // The follow-up day (a working day) at 09:00.
    const due = day;
    expect(await timerAt(api.core, 'transfer-follow-up', c.id, done.history.length - 1)).toEqual(chinaInstant(due, '09:00'));
    await fireTimerNow(api.core, 'transfer-follow-up', c.id, done.history.length - 1);
    expect(await inboxMessage(api.core, `staff:${GW}`, /【跟进】/)).toBe(
      `【跟进】案件 ${c.caseNo} 已移交青溪区劳动保障监察大队，今天是约定的跟进日。请了解办理进展，并回复「备注 ${c.caseNo} 内容」记下。`,
    );
  });

  it('through the API: more recovered than reported (the top of a range) is 400 on recovered and records nothing; with confirmed it is recorded, not as 全额', async () => {
    // 28,500 reported: 285,000 is an extra zero until the official says it was checked.
    const c = await accepted();
    const before = await get(c);
    const typo = await post(c, 'resolve', gwToken, { recovered: 285000 });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatchObject({ field: 'recovered', message: expect.stringContaining('比报告人反映的28,500元还多，还没有记录') });
    const after = await get(c);
    expect(after.status).toBe('accepted');
    expect(after.history).toHaveLength(before.history.length);
    expect((await post(c, 'resolve', gwToken, { recovered: 285000, confirmed: 'yes' })).body.error).toMatchObject({ field: 'confirmed' });

    const r = await post(c, 'resolve', gwToken, { recovered: 285000, confirmed: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: 285000 } });
    expect(await gw(`详情 ${c.caseNo}`)).toContain('追回285,000元（比报告人反映的28,500元多）');

    // 约110,000至190,000元 (`十几万`): 150,000 is within what was reported, recorded at once and not full; 190,000 is full.
    const range = await accepted({}, (cur) => ({ ...cur, wage: { ...cur.wage!, amount: 110000, amountUpTo: 190000, amountApprox: true } }));
    const within = await post(range, 'resolve', gwToken, { recovered: 150000 });
    expect(within.status, JSON.stringify(within.body)).toBe(200);
    expect(within.body.case.outcome).toMatchObject({ recovered: 150000, full: false });
    const top = await accepted({}, (cur) => ({ ...cur, wage: { ...cur.wage!, amount: 110000, amountUpTo: 190000, amountApprox: true } }));
    expect((await post(top, 'resolve', gwToken, { recovered: 200000 })).status).toBe(400);
    expect((await post(top, 'resolve', gwToken, { recovered: 190000 })).body.case.outcome).toMatchObject({ recovered: 190000, full: true });
  });

  it('through the API: no next step, a past follow-up date, or the procuratorate are 400 and change nothing; 起诉 closes it and the worker is offered a lawyer, in the notice and in 进度', async () => {
    const c = await accepted();
    const noStep = await post(c, 'resolve', gwToken, { reason: '单位已注销' });
    expect(noStep.status).toBe(400);
    expect(noStep.body.error).toMatchObject({ field: 'nextStep', message: expect.stringContaining('未追回的案件要写明下一步') });
    const past = await post(c, 'resolve', gwToken, { reason: '单位已注销', nextStep: { kind: 'transfer', unit: '青溪区市场监管局', followUpOn: chinaDay(clock.now()) } });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ field: 'nextStep.followUpOn' });
    const procuratorate = await post(c, 'resolve', gwToken, { reason: '单位已注销', nextStep: { kind: 'procuratorate', outcome: 'x' } });
    expect(procuratorate.status).toBe(400);
    expect((await get(c)).status).toBe('accepted');

    const r = await post(c, 'resolve', gwToken, { reason: '单位已注销', nextStep: { kind: 'court' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.case).toMatchObject({ status: 'resolved', outcome: { nextStep: { kind: 'court' } } });
    const told = await inboxMessage(api.core, c.reporter.userKey, /这次没能追回工资/);
    expect(told).toContain(`下一步：建议您向人民法院起诉（有老板写的欠条的，可以直接起诉）。工会可以免费为您预约律师帮忙，回复「预约 ${c.caseNo}」即可。`);
    expect(told).not.toContain('先行清偿');
    await converse(api.t.chat, c.reporter.userKey).send('进度').expect(/下一步：向人民法院起诉/).expect(new RegExp(`回复「预约 ${c.caseNo}」`));
  });

  it('a family employer (a nanny): not arbitration nor labour inspection, a court', async () => {
    const c = await accepted({}, (x) => ({ ...x, wage: { ...x.wage!, employerKind: 'household' } }));
    expect(await gw(`办结 ${c.caseNo} 未追回 雇主不给 下一步 仲裁`)).toMatch(/个人或家庭雇用的案件，一般按民事纠纷处理，不能申请劳动仲裁/);
    expect(await gw(`办结 ${c.caseNo} 未追回 雇主不给 下一步 移交 青溪区劳动保障监察大队 ${ahead(5).typed}跟进`)).toMatch(/不归劳动保障监察管/);
    expect(await gw(`办结 ${c.caseNo} 未追回 雇主不给 下一步 起诉`)).toMatch(/^已办结/);
  });

  it('a transfer to 住建 through the API takes the agency from the unit’s name', async () => {
    const c = await accepted();
    const { day } = ahead(10);
    const r = await post(c, 'resolve', gwToken, { reason: '工程款未结算', nextStep: { kind: 'transfer', unit: '青溪区住房和城乡建设局', followUpOn: day } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.case.outcome.nextStep).toEqual({ kind: 'transfer', agency: 'housing_construction', unit: '青溪区住房和城乡建设局', followUpOn: day });
  });
});

describe('group and construction closes wait for the township supervisor', () => {
  it('a construction case: 办结 waits (待审批), the supervisor gets 同意 / 退回; 退回 with a reason gives it back with the waiting time added to the limit; 同意 closes it and the worker reads 先行清偿 and the hotlines', async () => {
    const c = await accepted({}, construction);
    const { typed, day } = ahead(5);
    const answer = await gw(`办结 ${c.caseNo} 未追回 分包老板跑了 下一步 移交住建 青溪区住建局 ${typed}跟进`);
    expect(answer).toMatch(/办结要经陈秀兰同意，已请对方审批。案件 .* 现在是「待审批」/);
    const waiting = await get(c);
    expect(waiting).toMatchObject({ status: 'closing', outcome: null, closeRequest: { by: GW, approverId: SUP, nextStep: { kind: 'transfer', agency: 'housing_construction', unit: '青溪区住建局' } } });
    expect(waiting.history.at(-1)!.note).toBe('办理结果已报东龙镇总工会审核，审核后告诉您');
    // Still in the grid worker's hands while it waits.
    expect(await api.core.redis.hGet(api.core.cases.keys.load(), GW)).toBe('1');
    const notice = await inboxMessage(api.core, `staff:${SUP}`, /【办结待审批】/);
    expect(notice).toContain(`林志强申请办结案件 ${c.caseNo}（工程建设领域，办结需要您同意）`);
    expect(notice).toContain(`结果：未追回：分包老板跑了；下一步：已移交青溪区住建局，工会${dayLabel(day)}跟进`);
    expect(notice).toContain(`同意请回复「同意 ${c.caseNo}」；不同意请回复「退回 ${c.caseNo} 原因」`);
    expect(notice).not.toContain('13800138000');
    await inboxMessage(api.core, c.reporter.userKey, /办理结果已报东龙镇总工会审核/);
    expect(await sup('我的案件')).toContain(`${c.caseNo} 待审批【待您审批】`);
    // Only the supervisor decides.
    expect(await gw(`同意 ${c.caseNo}`)).toBe('您的岗位不能使用这条指令。');
    expect((await post(c, 'close/approve', gwToken)).status).toBe(403);

    clock.advance(3600_000);
    expect(await sup(`退回 ${c.caseNo}`)).toMatch(/请写上退回的原因/);
    expect(await sup(`退回 ${c.caseNo} 先找施工总承包单位先行清偿，再办结`)).toMatch(/^已退回，案件回到原工作人员手上继续办理/);
    const back = await get(c);
    expect(back).toMatchObject({ status: 'accepted', closeRequest: null, assignee: { staffId: GW }, deadlineRound: 1 });
    expect(back.closeReviews).toMatchObject([{ by: SUP, approved: false, reason: '先找施工总承包单位先行清偿，再办结' }]);
    expect(Date.parse(back.resolveBy!) - Date.parse(waiting.resolveBy!)).toBe(3600_000);
    expect(await timerAt(api.core, 'resolve-deadline', c.id, 1, 1)).toEqual(new Date(back.resolveBy!));
    expect(await timerAt(api.core, 'resolve-deadline', c.id, 1, 0)).toBeNull();
    expect(await inboxMessage(api.core, `staff:${GW}`, /【办结退回】/)).toContain(`案件 ${c.caseNo} 的办结没有通过陈秀兰的审核：先找施工总承包单位先行清偿，再办结。案件回到您手上继续办理`);

    // Closed again, approved in WeChat.
    expect(await gw(`办结 ${c.caseNo} 未追回 总包单位也拒付 下一步 移交住建 青溪区住建局 ${typed}跟进`)).toMatch(/待审批/);
    expect(await sup(`同意 ${c.caseNo}`)).toMatch(/^已同意办结/);
    const done = await get(c);
    expect(done).toMatchObject({ status: 'resolved', closeRequest: null, outcome: { by: GW, reason: '总包单位也拒付' } });
    expect(done.closeReviews.map((r) => r.approved)).toEqual([false, true]);
    expect(await api.core.redis.hGet(api.core.cases.keys.load(), GW)).toBe('0');
    expect(await inboxMessage(api.core, `staff:${GW}`, /【办结已同意】/)).toBe(`【办结已同意】案件 ${c.caseNo} 的办结已经陈秀兰同意，案件已办结。`);
    const told = await inboxMessage(api.core, c.reporter.userKey, /这次没能追回工资/);
    expect(told).toContain('按照《保障农民工工资支付条例》，分包单位拖欠农民工工资的，由施工总承包单位先行清偿');
    expect(told).toContain('人社服务热线12333、职工服务热线12351、法律援助热线12348');
  });

  it('a group case (12 people) through the API: waits for approval, 退回 needs a reason, close/approve resolves it; a report linked into a group waits too; an ordinary one does not', async () => {
    const c = await accepted({ headcount: 12 });
    const r = await post(c, 'resolve', gwToken, { recovered: 60000 });
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ status: 'closing', closeRequest: { recovered: 60000, approverId: SUP } });
    expect(await inboxMessage(api.core, `staff:${SUP}`, new RegExp(`【办结待审批】[\\s\\S]*${c.caseNo}（群体欠薪`))).toContain('结果：追回60,000元');
    expect((await post(c, 'resolve', gwToken, { recovered: 60000 })).status).toBe(409);
    const noReason = await post(c, 'close/reject', supToken, { reason: ' ' });
    expect(noReason.status).toBe(400);
    const ok = await post(c, 'close/approve', supToken);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: 60000, full: true }, receipt: { answer: null } });
    expect((await post(c, 'close/approve', supToken)).status).toBe(409);

    const employer = '青溪顺发装饰有限公司';
    const first = await wageCase(api.core, { employer, phone: '13900139000' });
    await linkGroup(api.core, first);
    const linked = await accepted({ employer }, (x) => x);
    await linkGroup(api.core, linked);
    expect((await get(linked)).groupId).not.toBeNull();
    expect((await post(linked, 'resolve', gwToken, { recovered: 28500 })).body.case.status).toBe('closing');

    const ordinary = await accepted();
    expect((await post(ordinary, 'resolve', gwToken, { recovered: 28500 })).body.case.status).toBe('resolved');
  });
});

describe('a close nobody decides', () => {
  it('after a working day the approver and the district supervisors are chased, and the district union may decide', async () => {
    const c = await accepted({ headcount: 20 });
    expect((await post(c, 'resolve', gwToken, { reason: '老板失联', nextStep: { kind: 'arbitration' } })).body.case.status).toBe('closing');
    const waiting = await get(c);
    expect(await timerAt(api.core, 'close-approval', c.id, waiting.history.length - 1)).toEqual(addWorkingDays(cal, clock.now(), 1));
    await fireTimerNow(api.core, 'close-approval', c.id, waiting.history.length - 1);
    for (const who of [SUP, 'dsup-1', 'dsup-2']) {
      expect(await inboxMessage(api.core, `staff:${who}`, new RegExp(`【催办】林志强申请办结案件 ${c.caseNo}`))).toContain(`等陈秀兰审批已超过1个工作日。请回复「同意 ${c.caseNo}」`);
    }
    // A grid worker of another grid may not decide; the district supervisor may.
    expect((await post(c, 'close/approve', await api.staff('gw-004'))).status).toBe(403);
    const ok = await post(c, 'close/approve', await api.staff('dsup-1'));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.case).toMatchObject({ status: 'resolved', closeReviews: [{ by: 'dsup-1', approved: true }] });
  });
});

describe('追回 asks the worker whether the money arrived', () => {
  it.each([
    ['收到了', 'received'], ['已收到', 'received'], ['钱已经到账了', 'received'], ['收到钱了，谢谢！', 'received'], ['嗯，收到了', 'received'], ['钱到了', 'received'],
    ['没收到', 'not_received'], ['还没收到', 'not_received'], ['没有收到钱', 'not_received'], ['钱还没到', 'not_received'], ['还没到账呢', 'not_received'],
    ['收到', null], ['收到，谢谢', null], ['好的', null], ['到了', null], ['我收到短信了', null],
  ] as const)('%s → %s', (said, answer) => {
    expect(parseReceipt(said)).toBe(answer);
  });

  it('paid in full: the worker is asked 收到了 / 没收到; a bare 收到 is not an answer; 收到了 brings the satisfaction question; 进度 no longer offers a lawyer', async () => {
    const c = await accepted();
    expect(await gw(`办结 ${c.caseNo} 追回 28500`)).toMatch(/已请报告人确认是否收到钱/);
    const told = await inboxMessage(api.core, c.reporter.userKey, /已办结：追回工资/);
    expect(told).toBe(
      `您的案件 ${c.caseNo} 已办结：追回工资28,500元。\n钱到手了吗？收到了请回复「收到了」；还没收到请回复「没收到」，我们会继续跟进。\n有问题可以打职工服务热线12351。`,
    );
    await converse(api.t.chat, c.reporter.userKey)
      .send('进度')
      .expect(/钱收到了吗？/)
      .expectNot(/预约 QX/)
      .send('收到')
      .expectNot(/谢谢您确认/)
      .send('收到了')
      .expect(new RegExp(`好的，谢谢您确认已经收到工资！案件 ${c.caseNo} 就办好了。您对处理结果满意吗？`))
      .send('满意')
      .expect(/谢谢您的评价/);
    expect(await get(c)).toMatchObject({ status: 'closed', receipt: { answer: 'received' }, satisfaction: 'satisfied' });
    expect((await get(c)).history.map((h) => h.note)).toContain('您已确认收到追回的工资');
  });

  it('没收到 reopens the case to its assignee with five working days, who is told; the worker is told who follows it up', async () => {
    const c = await accepted();
    expect((await post(c, 'resolve', gwToken, { recovered: 28500 })).status).toBe(200);
    await inboxMessage(api.core, c.reporter.userKey, /钱到手了吗/);
    await converse(api.t.chat, c.reporter.userKey)
      .send('还没收到')
      .expect(new RegExp(`抱歉让您久等了。案件 ${c.caseNo} 已重新打开，交回东龙镇第一网格继续跟进，工作人员会尽快联系您。`));
    const back = await get(c);
    const resolveBy = addWorkingDays(cal, clock.now(), 5).toISOString();
    expect(back).toMatchObject({ status: 'accepted', assignee: { staffId: GW }, outcome: null, receipt: { answer: 'not_received' }, resolveBy, deadlineRound: 1 });
    expect(back.history.at(-1)!.note).toBe('您说还没收到钱，案件已重新打开，交回东龙镇第一网格继续跟进');
    expect(await api.core.redis.hGet(api.core.cases.keys.load(), GW)).toBe('1');
    expect(await timerAt(api.core, 'resolve-deadline', c.id, 1, 1)).toEqual(new Date(resolveBy));
    expect(await inboxMessage(api.core, `staff:${GW}`, /【没收到钱】/)).toContain(`案件 ${c.caseNo} 的报告人说还没收到追回的工资，案件已回到您手上`);
    // Asked once: a second 没收到 is not an answer any more.
    const again = await api.t.chat.handle(c.reporter.userKey, { kind: 'text', text: '没收到' });
    expect(again.map(renderText).join('\n')).not.toMatch(/已重新打开/);
    // Paid now: closed again, asked again.
    expect((await post(c, 'resolve', gwToken, { recovered: 28500 })).status).toBe(200);
    expect((await get(c)).receipt).toMatchObject({ answer: null });
  });

  it('paid in part: the worker reads what they reported, how to get the rest, and may book a lawyer from 进度', async () => {
    const c = await accepted();
    expect((await post(c, 'resolve', gwToken, { recovered: 10000 })).status).toBe(200);
    const told = await inboxMessage(api.core, c.reporter.userKey, /已办结：追回工资/);
    expect(told).toContain('追回工资10,000元（您反映的是28,500元）');
    expect(told).toContain(`剩下的部分，可以申请劳动仲裁或向法院起诉，工会可以免费为您预约律师帮忙，回复「预约 ${c.caseNo}」即可。`);
    expect(told).toContain('法律援助热线12348');
    expect((await get(c)).outcome).toMatchObject({ full: false });
    await converse(api.t.chat, c.reporter.userKey).send('进度').expect(new RegExp(`回复「预约 ${c.caseNo}」`));
  });
});

describe('a construction report through the chat', () => {
  it('is reported as construction, so its close waits for the supervisor, who approves it in WeChat', async () => {
    const { caseNo, receipt } = await reportByChat(api.t.chat, 'web:closes-construction', { construction: true });
    expect(receipt).toContain('工程建设项目的欠薪，按《保障农民工工资支付条例》由施工总承包单位先行清偿');
    const c0 = (await api.core.cases.getByNo(caseNo))!;
    const c = await waitFor(api.core, c0.id, (x) => !!x.assignee, 'routing');
    expect(c.wage!.construction).toBe(true);
    const who = await staffChat(api.core, c.assignee!.staffId);
    expect(await who(`接单 ${c.caseNo}`)).toMatch(/^已接单/);
    expect(await who(`办结 ${c.caseNo} 追回 28500`)).toMatch(/待审批/);
    await inboxMessage(api.core, `staff:${SUP}`, new RegExp(`【办结待审批】[\\s\\S]*${c.caseNo}（工程建设领域`));
    expect(await sup(`同意 ${c.caseNo}`)).toMatch(/^已同意办结/);
    await converse(api.t.chat, 'web:closes-construction').send('进度').expect(/已办结，追回工资28,500元/).expect(/钱收到了吗/);
  });
});
