/*
 * Reviewing applications: routing to the union's reviewer, approval and rejection through the
 * staff commands (the same functions the WeChat desk and the staff API run), the card delivered
 * as a PNG image, correcting and resubmitting, duplicate phones, and the review time limits.
 */
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { checkCard } from '../../core/membership/card.js';
import { membersOf } from '../../core/membership/store.js';
import { addWorkingDays } from '../../core/infra/calendar.js';
import { DEFAULT_WORKING_HOURS, isWorkingTime } from '../../core/cases/hours.js';
import { TEST_NOW } from '../support/clock.js';
import { membershipProcessor } from '../../core/membership/jobs.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { staffKeys } from '../../core/staff/keys.js';
import {
  LI,
  NOW,
  RH_OF_DAY,
  WANG,
  ZHANG,
  appNoOf,
  cardLinkIn,
  courierUpToReview,
  employeeUpToReview,
  inboxReplies,
  inboxTexts,
  pngOf,
  reviewed,
  staffSays,
  waitInbox,
} from './support.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import type { Membership } from '../../core/membership/store.js';
import { ROUTE_CHECK_MS } from '../../core/membership/timers.js';
import { membershipTimer } from '../support/timers.js';
import { timerDue } from '../../core/infra/timers.js';
import { noticeMember } from '../../core/infra/outbox.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';

const t = useFixture(() => startTestCore({ workers: true, clock: manualClock(NOW) }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function courierApplied(user: string, p = ZHANG) {
  const done = await courierUpToReview(t.chat, user, p).send('确认').expect(/入会申请已提交/);
  const m = await reviewed(t.core, user);
  expect(m.appNo).toBe(appNoOf(done.text));
  return m;
}

describe('approval', () => {
  it('when the federation reviewer approves, the applicant gets the card in their chat: text, then a real PNG whose QR names a valid token', async () => {
    const m = await courierApplied('web:a1');
    const from = t.core.clock.now().getTime();
    const answer = await staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`);
    expect(answer).toBe(`已通过入会申请 ${m.appNo}，会员编号 NEF-QINGXI-000001。电子会员卡已发给申请人。`);

    await waitInbox(t.core, 'web:a1', /【工会会员卡】/);
    const replies = await inboxReplies(t.core, 'web:a1');
    expect(replies.map((r) => r.type)).toEqual(['text', 'text', 'image']);
    expect(replies[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/恭喜您！您的入会申请 RH\d{8}-\d{4} 已通过青溪区新业态工会联合会的审核/) });
    const card = replies[1]!.type === 'text' ? replies[1]!.text : '';
    expect(card).toMatch(/会员编号：NEF-QINGXI-000001\n姓名：张三\n所属工会：青溪区新业态工会联合会\n入会日期：\d{4}年\d+月\d+日/);
    const png = pngOf(replies[2]);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(replies[2]).toMatchObject({ alt: '会员卡二维码-NEF-QINGXI-000001' });
    const link = cardLinkIn(t.core, png, m.id, from, t.core.clock.now().getTime());
    expect(link, 'the PNG is the QR code of this member’s verify link').not.toBeNull();
    expect(await checkCard(t.core, link!.token)).toEqual({ valid: true, name: '张*', union: '青溪区新业态工会联合会' });

    const approved = (await membersOf(t.core).get(m.id))!;
    expect(approved).toMatchObject({ status: 'approved', memberNo: 'NEF-QINGXI-000001', decision: { by: 'urev-nef', reason: null } });
    expect(approved.history.at(-1)!.note).toBe('审核通过，会员编号 NEF-QINGXI-000001');
    const audit = await membersOf(t.core).audit(m.id);
    expect(audit.map((a) => a.action)).toEqual(['created', 'assigned', 'approved']);
    expect(audit[2]).toMatchObject({ actor: 'urev-nef', detail: 'by:urev-nef memberNo:NEF-QINGXI-000001' });
    // Nothing waits for the reviewer any more.
    expect(await staffSays(t.core, 'urev-nef', '入会申请')).toMatch(/现在没有等您审核的入会申请（青溪区新业态工会联合会）/);
  });

  it('member numbers are a serial per union', async () => {
    const a = await courierApplied('web:a2', ZHANG);
    const b = await courierApplied('web:a3', WANG);
    await staffSays(t.core, 'urev-nef', `通过 ${b.appNo}`);
    await staffSays(t.core, 'urev-nef', `通过 ${a.appNo}`);
    expect((await membersOf(t.core).get(b.id))!.memberNo).toBe('NEF-QINGXI-000001');
    expect((await membersOf(t.core).get(a.id))!.memberNo).toBe('NEF-QINGXI-000002');
    await employeeUpToReview(t.chat, 'web:a4').send('1').send('东龙').send('确认');
    const c = await reviewed(t.core, 'web:a4');
    await staffSays(t.core, 'urev-e01', `通过 ${c.appNo}`);
    expect((await membersOf(t.core).get(c.id))!.memberNo).toBe('EU-E01-000001');
  });

  it('approving twice is refused with the member number; another union’s reviewer and the wrong role are refused', async () => {
    const m = await courierApplied('web:a5');
    expect(await staffSays(t.core, 'urev-t01', `通过 ${m.appNo}`)).toBe(`入会申请 ${m.appNo} 是交给青溪区新业态工会联合会审核的，不归您审核。`);
    expect(await staffSays(t.core, 'urev-e01', `驳回 ${m.appNo} 不认识`)).toMatch(/不归您审核/);
    expect(await staffSays(t.core, 'gw-001', `通过 ${m.appNo}`)).toBe('您的岗位不能使用这条指令。');
    expect(await staffSays(t.core, 'urev-nef', '通过')).toMatch(/^请写上申请编号/);
    expect(await staffSays(t.core, 'urev-nef', '通过 RH20991231-0001')).toBe('没有找到入会申请 RH20991231-0001，请核对编号。');
    expect((await membersOf(t.core).get(m.id))!.status).toBe('pending');

    await staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`);
    expect(await staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`)).toMatch(new RegExp(`入会申请 ${m.appNo} 已经审核通过了（会员编号 NEF-QINGXI-000001，.*），不用重复操作。`));
    expect(await staffSays(t.core, 'urev-nef', `驳回 ${m.appNo} 重复`)).toMatch(/已经审核通过了/);
    const audit = await membersOf(t.core).audit(m.id);
    expect(audit.filter((a) => a.action === 'approved')).toHaveLength(1);
    // One card, not two.
    await waitInbox(t.core, 'web:a5', /【工会会员卡】/);
    await new Promise((r) => setTimeout(r, 200));
    expect((await inboxTexts(t.core, 'web:a5')).filter((x) => x.startsWith('【工会会员卡】'))).toHaveLength(1);
  });

  it('two reviewers approving at the same moment give one member number and one refusal', async () => {
    const m = await courierApplied('web:a6');
    const results = await Promise.all([staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`), staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`)]);
    expect(results.filter((r) => r.startsWith('已通过'))).toHaveLength(1);
    expect(results.filter((r) => /已经审核通过了/.test(r))).toHaveLength(1);
    expect(await t.core.redis.get(membersOf(t.core).keys.unionSeq('nef-qingxi'))).toBe('1');
  });

  it('我的会员卡 shows the card again with a fresh token; 我要入会 shows it instead of a new form', async () => {
    const m = await courierApplied('web:a7');
    await staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`);
    const r = await converse(t.chat, 'web:a7').send('我的会员卡').expect(/【工会会员卡】[\s\S]*会员编号：NEF-QINGXI-000001/);
    const png = pngOf(r.replies.at(-1));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    await converse(t.chat, 'web:a7')
      .send('我要入会')
      .expect(/您已经是青溪区新业态工会联合会的会员了，不用再申请。这是您的电子会员卡/)
      .expect(/\[图片\] 会员卡二维码-NEF-QINGXI-000001/)
      .expect(/还可以办理/);
    // In the middle of another flow, 我的会员卡 answers and then returns to the question.
    await converse(t.chat, 'web:a7').send('2').send('我的会员卡').expect(/【工会会员卡】/).expect(/我们接着填「反映欠薪」/);
  });

  it('the same name and ID from a new WeChat never get the card (a name and ID number are no proof): they are sent to 人工', async () => {
    const m = await courierApplied('web:a8');
    await staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`);
    await converse(t.chat, 'wx:a8-new')
      .sendAll('我要入会', '1', '1', '1', ZHANG.name, ZHANG.id)
      .expect(/已经有入会记录/)
      .expectNot(/\[图片\]|会员卡|青溪区新业态/);
    expect(await membersOf(t.core).listByUser('wx:a8-new')).toEqual([]);
  });
});

describe('rejection and resubmission', () => {
  it('the applicant is told the reason, starts again with last time’s answers, corrects one and resubmits', async () => {
    const first = await courierApplied('web:r1');
    expect(await staffSays(t.core, 'urev-nef', `驳回 ${first.appNo}`)).toMatch(/^驳回需要写明原因/);
    expect(await staffSays(t.core, 'urev-nef', `驳回 ${first.appNo} 请按户籍地填写，您的户籍在马坪镇`)).toMatch(/已驳回入会申请/);
    const notice = await waitInbox(t.core, 'web:r1', /没有通过/);
    expect(notice).toContain('原因：请按户籍地填写，您的户籍在马坪镇');
    expect(notice).toContain('回复「我要入会」可以修改后重新提交');
    expect(await staffSays(t.core, 'urev-nef', `通过 ${first.appNo}`)).toMatch(/已经在.*驳回了/);

    const done = await converse(t.chat, 'web:r1')
      .send('我的会员卡')
      .expect(/状态：未通过/)
      .send('我要入会')
      .expect(new RegExp(`您上次的入会申请 ${first.appNo} 没有通过，原因：请按户籍地填写`))
      .expect(/您同意吗/)
      .send('1')
      .send('1')
      .expect(/入会声明/)
      .send('1')
      .expect(/请核对您的入会申请/)
      .expect(/1\. 姓名：张三/)
      .expect(/6\. 接单平台：顺丰\n7\. 接单方式：专送/)
      .send('改 8')
      .send('户籍地')
      .expect(/户籍地在哪个区/)
      .send('马坪镇')
      .expect(/登记地：户籍地[\s\S]*地址：青溪区马坪镇/)
      .send('确认')
      .expect(new RegExp(`入会申请已提交，申请编号 ${RH_OF_DAY}0002`));
    expect(appNoOf(done.text)).not.toBe(first.appNo);
    const second = await reviewed(t.core, 'web:r1');
    expect(second).toMatchObject({ previousAppNo: first.appNo, place: { kind: 'hukou', townshipId: 't07' }, status: 'pending' });
    const reviewNotice = await waitInbox(t.core, 'staff:urev-nef', new RegExp(`申请编号：${second.appNo}`));
    expect(reviewNotice).toContain(`上次申请 ${first.appNo} 未通过，这是修改后重新提交的`);
    expect(await staffSays(t.core, 'urev-nef', `通过 ${second.appNo}`)).toMatch(/NEF-QINGXI-000001/);
    expect((await membersOf(t.core).get(first.id))!.status).toBe('rejected');
  });

  it('the staff API and WeChat give the same refusal for a missing reason (one code path)', async () => {
    const m = await courierApplied('web:r2');
    expect(await staffSays(t.core, 'urev-nef', `驳回 ${m.appNo}   `)).toMatch(/驳回需要写明原因/);
    expect(await staffSays(t.core, 'urev-nef', `驳回 ${m.appNo} ${'很长'.repeat(101)}`)).toMatch(/原因太长了/);
    expect((await membersOf(t.core).get(m.id))!.status).toBe('pending');
  });
});

describe('a phone number already used by another member', () => {
  it('is flagged to the reviewer with the other member number, and the records stay apart', async () => {
    const first = await courierApplied('web:f1', ZHANG);
    await staffSays(t.core, 'urev-nef', `通过 ${first.appNo}`);
    const second = await courierApplied('web:f2', { ...LI, phone: ZHANG.phone });
    expect(second.phoneSharedWith).toEqual(['NEF-QINGXI-000001']);
    const notice = await waitInbox(t.core, 'staff:urev-nef', new RegExp(`申请编号：${second.appNo}`));
    expect(notice).toContain('⚠ 这个手机号已被其他会员（会员编号 NEF-QINGXI-000001）登记使用，请核实是否本人，不要合并。');
    await staffSays(t.core, 'urev-nef', `通过 ${second.appNo}`);
    const a = (await membersOf(t.core).get(first.id))!;
    const b = (await membersOf(t.core).get(second.id))!;
    expect(a.memberNo).not.toBe(b.memberNo);
    expect(a.applicant.idHash).not.toBe(b.applicant.idHash);
    expect(a.applicant.phoneHash).toBe(b.applicant.phoneHash);
  });
});

describe('time limits', () => {
  const job = (name: string, applicationId: string, seq: number) => ({ name, id: `test-${name}`, data: { applicationId, seq } }) as unknown as Job;

  it('the reviewer has the accept deadline of a case (1 working day), with the reminder and the deadline as timers set with the assignment', async () => {
    const m = await courierApplied('web:t1');
    const assigned = new Date(m.reviewer!.assignedAt);
    expect(m.reviewer!.deadline).toBe(addWorkingDays(t.core.directory.index().calendar, assigned, t.core.config.ACCEPT_WORKING_DAYS).toISOString());
    // The app's clock stands at NOW: the times are exact, the reminder two thirds into the office hours
    // (08:30–12:00, 14:00–17:30) before the deadline, counted from NOW on a working day and from the next
    // working day's start on a day off.
    const cal = t.core.directory.index().calendar;
    expect(await membershipTimer.at(t.core, 'review-deadline', m.id, 1)).toEqual(new Date(m.reviewer!.deadline));
    const reminder = (await membershipTimer.at(t.core, 'review-reminder', m.id, 1))!;
    if (!TEST_NOW) {
      // NOW's own day, 2026-11-21, is a Saturday: the reminder is Monday 15:10 (280 of Monday's 420 minutes).
      expect(reminder).toEqual(new Date('2026-11-23T15:10:00+08:00'));
    } else {
      expect(isWorkingTime(cal, DEFAULT_WORKING_HOURS, reminder)).toBe(true);
      expect(reminder.getTime()).toBeLessThan(Date.parse(m.reviewer!.deadline));
      expect(reminder.getTime()).toBeGreaterThan(NOW.getTime());
    }
    // The routing was done: the check behind it went with the assignment's write.
    expect(await membershipTimer.at(t.core, 'review', m.id, 1)).toBeNull();
    // No delayed job any more.
    expect(await t.core.queues.membership.getJob(`mreview-deadline-${m.id}-1`)).toBeUndefined();
  });

  it('the reminder reaches the reviewer; at the deadline the application goes up to the district union, whose reviewer may then decide', async () => {
    const m = await courierApplied('web:t2');
    await membershipTimer.fireNow(t.core, 'review-reminder', m.id, 1);
    // Fired once, then gone (the workers' own loop may be the one that fired it).
    await expect.poll(() => membershipTimer.at(t.core, 'review-reminder', m.id, 1)).toBeNull();
    expect(await waitInbox(t.core, 'staff:urev-nef', /【催办】/)).toContain(`通过 ${m.appNo}`);
    // Before escalation the district union's reviewer may not decide.
    expect(await staffSays(t.core, 'urev-qx', `通过 ${m.appNo}`)).toMatch(/不归您审核/);

    await membershipTimer.fireNow(t.core, 'review-deadline', m.id, 1);
    const up = await eventually(async () => {
      const x = await membersOf(t.core).get(m.id);
      return x?.reviewer?.seq === 2 ? x : null;
    }, 8000, 'reassignment');
    expect(up.reviewer).toMatchObject({ staffId: 'urev-qx', escalated: true });
    expect(up.lapsed).toEqual(['urev-nef']);
    expect(up.history.at(-1)!.note).toBe('审核超时，已转交区总工会审核');
    expect(await waitInbox(t.core, 'staff:urev-qx', /【入会申请·超时转交】/)).toContain(m.appNo);
    // The second assignment's time limits are set; the first's are gone, and so is the check behind the re-routing.
    expect(await membershipTimer.at(t.core, 'review-deadline', m.id, 2)).toEqual(new Date(up.reviewer!.deadline));
    expect(await membershipTimer.at(t.core, 'review-reminder', m.id, 2)).not.toBeNull();
    expect(await membershipTimer.at(t.core, 'review-deadline', m.id, 1)).toBeNull();
    expect(await membershipTimer.at(t.core, 'review', m.id, 2)).toBeNull();
    // A late reminder or deadline of the first assignment (a delayed job queued before timers) does nothing.
    const run = membershipProcessor(t.core);
    expect(await run(job('review-reminder', m.id, 1))).toEqual({ skipped: true });
    expect(await run(job('review-deadline', m.id, 1))).toEqual({ skipped: true });

    expect(await staffSays(t.core, 'urev-qx', '入会申请')).toContain(m.appNo);
    expect(await staffSays(t.core, 'urev-qx', `通过 ${m.appNo}`)).toMatch(/已通过/);
    const audit = await membersOf(t.core).audit(m.id);
    expect(audit.map((a) => a.action)).toEqual(['created', 'assigned', 'reassigned', 'approved']);
    expect(audit[2]!.detail).toBe('reviewer:urev-qx seq:2 escalated lapsed:urev-nef');
  });

  it('when the union’s only reviewer is off duty (休息), the application goes straight to the district union’s reviewer', async () => {
    await t.core.redis.hSet(staffKeys(t.core.keys.prefix).duty(), 'urev-t03', '0');
    await employeeUpToReview(t.chat, 'web:t3', LI, '青溪好味道餐饮有限公司').send('石岭').send('1').send('石岭').send('确认');
    const m = await reviewed(t.core, 'web:t3');
    expect(m.union.id).toBe('tu-t03');
    expect(m.reviewer).toMatchObject({ staffId: 'urev-qx', escalated: true });
  });

  it('a decision in time cancels the time limits in the same write, and a late one does nothing', async () => {
    const m = await courierApplied('web:t4');
    expect(await membershipTimer.at(t.core, 'review-deadline', m.id, 1)).not.toBeNull();
    await staffSays(t.core, 'urev-nef', `驳回 ${m.appNo} 信息不全`);
    expect(await membershipTimer.at(t.core, 'review-reminder', m.id, 1)).toBeNull();
    expect(await membershipTimer.at(t.core, 'review-deadline', m.id, 1)).toBeNull();
    // Nothing but the notices' backstops (which only look for lost notices) is left set.
    expect((await t.core.redis.zRange(membersOf(t.core).keys.timers(), 0, -1)).filter((x) => !x.startsWith('notice|'))).toEqual([]);
    const run = membershipProcessor(t.core);
    expect(await run(job('review-deadline', m.id, 1))).toEqual({ skipped: true });
    expect((await membersOf(t.core).get(m.id))!.reviewer!.seq).toBe(1);
  });

  it('the deadline, due by the app clock, is fired by the timer loop: the application goes to the next reviewer', async () => {
    const m = await courierApplied('web:t5');
    const clock = t.core.clock as ManualClock;
    clock.set(new Date(Date.parse(m.reviewer!.deadline) + 1));
    // The workers' own timer loop (every half second) fires the reminder and the deadline, now both due.
    const up = await eventually(async () => {
      const x = await membersOf(t.core).get(m.id);
      return x?.reviewer?.seq === 2 ? x : null;
    }, 8000, 'reassignment by the timer loop');
    expect(up.reviewer).toMatchObject({ staffId: 'urev-qx', escalated: true });
    expect(await waitInbox(t.core, 'staff:urev-qx', /【入会申请·超时转交】/)).toContain(m.appNo);
    expect(await membershipTimer.at(t.core, 'review-deadline', m.id, 1)).toBeNull();
    expect(await membershipTimer.at(t.core, 'review-reminder', m.id, 1)).toBeNull();
  });

  it("the reviewer's notice is written with the assignment: with no process sending, it waits in the applications' outbox; one that starts sends it once; written again, or named by a backstop timer from before the outbox, it is not sent twice", async () => {
    // Routing runs, nothing sends (as if the sending process were down).
    await t.workers!.close();
    const routing = startWorkers(t.core, { routing: true });
    let sending: WorkerSet | null = null;
    try {
      const m = await courierApplied('web:t7', LI);
      const outbox = membersOf(t.core).keys.outbox();
      const timers = membersOf(t.core).keys.timers();
      const member = noticeMember('membership-review', { applicationId: m.id, staffId: m.reviewer!.staffId, seq: 1 });
      expect(await t.core.redis.zRange(outbox, 0, -1)).toEqual([member]);
      const aboutIt = async () => (await inboxTexts(t.core, `staff:${m.reviewer!.staffId}`)).filter((x) => x.includes(m.appNo));
      expect(await aboutIt()).toEqual([]);
      sending = startWorkers(t.core, { outbound: true, sla: true });
      await eventually(async () => (await aboutIt()).length === 1, 8000, "the reviewer's notice");
      await expect.poll(() => t.core.redis.zCard(outbox)).toBe(0);
      // A re-run of the write puts it back; a backstop timer written before the outbox names it: both find it sent.
      const now = t.core.clock.now().getTime();
      await t.core.redis.zAdd(outbox, { score: now, value: member });
      await t.core.redis.zAdd(timers, { score: now, value: `notice|${member}` });
      await expect.poll(() => t.core.redis.zCard(outbox), { timeout: 8000 }).toBe(0);
      await expect.poll(() => timerDue(t.core.redis, timers, `notice|${member}`), { timeout: 8000 }).toBeNull();
      await new Promise((r) => setTimeout(r, 300));
      expect(await aboutIt()).toHaveLength(1);
      // The decision's notice, written with it, goes once.
      await staffSays(t.core, m.reviewer!.staffId, `通过 ${m.appNo}`);
      await waitInbox(t.core, 'web:t7', /【工会会员卡】/);
      await expect.poll(() => t.core.redis.zCard(outbox)).toBe(0);
      expect((await inboxTexts(t.core, 'web:t7')).filter((x) => /【工会会员卡】/.test(x))).toHaveLength(1);
    } finally {
      await routing.close();
      await sending?.close();
    }
  });

  it('a review job lost after the application was written is made up for by the timer written with it, 30 s later', async () => {
    const queue = t.core.queues.membership;
    await queue.pause();
    let m;
    try {
      await courierUpToReview(t.chat, 'web:t6', ZHANG).send('确认').expect(/入会申请已提交/);
      m = (await membersOf(t.core).listByUser('web:t6'))[0]!;
      // The job never ran (as if its process died before queueing it).
      expect(await queue.remove(`mreview-${m.id}-1`)).toBe(1);
    } finally {
      await queue.resume();
    }
    expect(m.reviewer).toBeNull();
    const check = await membershipTimer.at(t.core, 'review', m.id, 1);
    expect(check).toEqual(new Date(NOW.getTime() + ROUTE_CHECK_MS));
    (t.core.clock as ManualClock).set(check!);
    const routed = await reviewed(t.core, 'web:t6');
    expect(routed.reviewer).toMatchObject({ staffId: 'urev-nef', seq: 1 });
    expect(await membershipTimer.at(t.core, 'review', m.id, 1)).toBeNull();
    expect(await membershipTimer.at(t.core, 'review-deadline', m.id, 1)).toEqual(new Date(routed.reviewer!.deadline));
  });
});
