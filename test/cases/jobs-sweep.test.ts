/*
 * The sweep behind notices (core/cases/jobs.ts `sweepJobs`) and the timers
 * behind time limits (core/infra/timers.ts, cases' `timers`): a routed case
 * whose assignee notice never reached BullMQ (the process died between
 * writing the record and queueing the job), or whose job was removed, gets
 * the job back under its fixed id, and it goes out once; a notice that went
 * out (or may have: its delivery mark) is never queued a second time. Time
 * limits are written with the record, so nothing can lose them: they fire
 * by the app's clock from the workers' timer loop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sweepJobs } from '../../core/cases/jobs.js';
import { caseJobIds, caseJobKeys, route, timerMember } from '../../core/cases/queue.js';
import { routeCase } from '../../core/cases/routing.js';
import { acceptCase, extendCase, referCase } from '../../core/cases/work.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { outboundKeys } from '../../core/infra/queues.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';
import { createWageCase } from '../support/cases.js';
import { eventually, startTestCore, type TestCore } from '../support/core.js';
import { timerAt } from '../support/timers.js';

let t: TestCore;
let workers: WorkerSet | null = null;
let clock: ManualClock;
afterEach(async () => {
  await workers?.close();
  workers = null;
  await t.stop();
});

/** A working Monday morning (the demo calendar): routing's limits are in working time. */
async function start() {
  clock = manualClock('2026-11-23T10:00:00+08:00');
  // The sweep's own scheduler is not started (no sla worker until asked), so each sweep here is the test's call.
  t = await startTestCore({ clock });
}

const staffNotices = async (staffId: string, caseNo: string) =>
  (await t.core.inbox.read(`staff:${staffId}`)).items.filter((i) => JSON.stringify(i).includes(caseNo) && JSON.stringify(i).includes('新案件')).length;

const due = async () => (await t.core.redis.zRange(caseJobKeys(t.core.config.REDIS_PREFIX).jobsDue(), 0, -1)).sort();
const timers = async () => (await t.core.redis.zRange(caseJobKeys(t.core.config.REDIS_PREFIX).timers(), 0, -1)).sort();

describe('the sweep behind notices, and time limits as timers', () => {
  it('when the process died after the assignment was written and before its jobs were queued, the sweep queues the assignee notice (sent once), and the accept limit, written with the assignment, fires when due', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    // The routing job's first half: the record (and its index entries and timers) written, no job queued.
    const routed = await routeCase(t.core, c0.id);
    const c = routed!.record;
    const staffId = c.assignee!.staffId;
    const noticeId = caseJobIds.notice('staff-case-assigned', c.id, staffId, 1);
    expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('unknown');
    const reporterNoticeId = caseJobIds.notice('reporter-case-assigned', c.id);
    expect(await due()).toEqual([`outbound|reporter-case-assigned|${c.id}||||0`, `outbound|staff-case-assigned|${c.id}|${staffId}|1||0`]);
    expect(await timers()).toEqual([timerMember('accept-deadline', c.id, 1), timerMember('accept-reminder', c.id, 1)]);
    expect(await timerAt(t.core, 'accept-deadline', c.id, 1)).toEqual(new Date(c.acceptBy!));

    // Too early: the writer may still be about to queue it.
    expect((await sweepJobs(t.core)).requeued).toBe(0);
    clock.advance(31_000);
    expect(await sweepJobs(t.core)).toMatchObject({ checked: 2, requeued: 2 });
    expect(await t.core.queues.outbound.getJobState(noticeId)).not.toBe('unknown');
    expect(await t.core.queues.outbound.getJobState(reporterNoticeId)).not.toBe('unknown');

    workers = startWorkers(t.core, { outbound: true });
    await eventually(async () => (await staffNotices(staffId, c.caseNo)) === 1, 10_000, 'the assignee notice');
    await eventually(async () => (await t.core.queues.outbound.getJobState(noticeId)) === 'completed', 5000, 'notice job completed');
    expect(await t.core.redis.get(outboundKeys(t.core.config.REDIS_PREFIX).delivery(noticeId))).toBe('sent');
    // The reporter hears that someone has the case, once.
    const told = async () => (await t.core.inbox.history.before(c.reporter.userKey, 50)).items.filter((i) => JSON.stringify(i.replies).includes(`${c.caseNo} 已交给`)).length;
    await eventually(async () => ((await told()) === 1 ? true : null), 10_000, 'the reporter notice');
    await eventually(async () => (await t.core.queues.outbound.getJobState(reporterNoticeId)) === 'completed', 5000, 'reporter notice completed');

    // Another sweep: the notices are done (their entries go), nothing is queued again.
    expect(await sweepJobs(t.core)).toMatchObject({ requeued: 0, done: 2 });
    // Even with the completed job removed from BullMQ and its entry back, the delivery mark says it went out.
    await t.core.queues.outbound.remove(noticeId);
    await t.core.redis.zAdd(caseJobKeys(t.core.config.REDIS_PREFIX).jobsDue(), { score: Date.parse(c.assignee!.assignedAt), value: `outbound|staff-case-assigned|${c.id}|${staffId}|1||0` });
    expect(await sweepJobs(t.core)).toMatchObject({ requeued: 0, dropped: 1 });
    expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('unknown');
    await new Promise((r) => setTimeout(r, 500));
    expect(await staffNotices(staffId, c.caseNo)).toBe(1);
    expect(await told()).toBe(1);

    // The accept limit, once due by the app's clock: reminder first, then the case lapses and is routed again.
    await workers.close();
    workers = startWorkers(t.core, { outbound: true, routing: true, sla: true });
    // Not due by the app's clock yet: the timer loop leaves them.
    await new Promise((r) => setTimeout(r, 1200));
    expect(await timers()).toHaveLength(2);
    clock.set(new Date(Date.parse(c.acceptBy!) + 1000));
    const lapsed = await eventually(async () => {
      const now = await t.core.cases.get(c.id);
      return now && now.assignmentSeq >= 2 && now.assignee ? now : null;
    }, 15_000, 'the lapsed case routed again');
    expect(lapsed.lapsed).toEqual([staffId]);
    expect((await t.core.cases.audit(c.id)).filter((a) => a.action === 'lapsed')).toHaveLength(1);
    await eventually(async () => (await t.core.inbox.read(`staff:${staffId}`)).items.some((i) => JSON.stringify(i).includes('【催办】')), 10_000, 'the accept reminder');
    // The first assignment's timers are gone; the second assignment has its own.
    expect((await timers()).filter((m) => m.endsWith('|1|0'))).toEqual([]);
    expect(await timerAt(t.core, 'accept-deadline', c.id, 2)).toEqual(new Date(lapsed.acceptBy!));
  });

  it('accepting replaces the accept limit with the resolve limit in the same write; the resolve deadline fires once when due', async () => {
    await start();
    workers = startWorkers(t.core, { outbound: true, routing: true, sla: true });
    const c0 = await createWageCase(t.core);
    await route(t.core, c0.id);
    const c1 = await eventually(async () => {
      const c = await t.core.cases.get(c0.id);
      return c?.assignee ? c : null;
    }, 10_000, 'routing');
    const staffId = c1.assignee!.staffId;
    await eventually(async () => (await staffNotices(staffId, c1.caseNo)) === 1, 10_000, 'the assignee notice');
    clock.advance(31_000);
    expect(await sweepJobs(t.core)).toMatchObject({ requeued: 0, retried: 0 });
    const before = (await t.core.cases.audit(c1.id)).length;

    const c = await acceptCase({ core: t.core, staff: t.core.directory.index().staffById.get(staffId)! }, c1.caseNo);
    expect(await timers()).toEqual([timerMember('resolve-deadline', c.id, 1), timerMember('resolve-reminder', c.id, 1)]);
    expect(await timerAt(t.core, 'resolve-deadline', c.id, 1)).toEqual(new Date(c.resolveBy!));

    clock.set(new Date(Date.parse(c.resolveBy!) + 1000));
    const overdue = await eventually(async () => {
      const now = await t.core.cases.get(c.id);
      return now?.missed.includes('resolve') ? now : null;
    }, 15_000, 'the resolve deadline fired');
    expect(overdue.status).toBe('accepted');
    expect((await t.core.cases.audit(c.id)).length).toBeGreaterThan(before);
    // The overdue notice went to the township supervisor once, and the fired timers are gone.
    await eventually(async () => (await t.core.inbox.read('staff:sup-t01')).items.some((i) => JSON.stringify(i).includes(c.caseNo)), 10_000, 'overdue notice');
    await eventually(async () => ((await timers()).length === 0 ? true : null), 5000, 'timers drained');
    await new Promise((r) => setTimeout(r, 1200));
    expect(await staffNotices(staffId, c.caseNo)).toBe(1);
    expect((await t.core.cases.audit(c.id)).filter((a) => a.action === 'resolve-overdue')).toHaveLength(1);
    expect((await t.core.inbox.read('staff:sup-t01')).items.filter((i) => JSON.stringify(i).includes('【超期】') && JSON.stringify(i).includes(c.caseNo))).toHaveLength(1);
    // Everything due is done: the next sweep empties the notices' index.
    await eventually(async () => ((await sweepJobs(t.core)).checked === 0 ? true : null), 10_000, 'index drained');
    expect(await due()).toEqual([]);
  });

  it('a missing notice whose delivery mark says a run was sending it is not queued again', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const c = (await routeCase(t.core, c0.id))!.record;
    const noticeId = caseJobIds.notice('staff-case-assigned', c.id, c.assignee!.staffId, 1);
    await t.core.redis.set(outboundKeys(t.core.config.REDIS_PREFIX).delivery(noticeId), 'sending');
    clock.advance(31_000);
    // The reporter's notice (never queued, never sent) comes back; the assignee's does not.
    expect(await sweepJobs(t.core)).toMatchObject({ requeued: 1, dropped: 1 });
    expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('unknown');
    expect(await t.core.queues.outbound.getJobState(caseJobIds.notice('reporter-case-assigned', c.id))).not.toBe('unknown');
  });

  it('a notice that failed for good is retried by the sweep (same id), three times at most, then left failed', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const c = (await routeCase(t.core, c0.id))!.record;
    const noticeId = caseJobIds.notice('staff-case-assigned', c.id, c.assignee!.staffId, 1);
    // A job under the notice's id that cannot succeed (nobody to send it to in its data): failed at once, for good.
    await t.core.queues.outbound.add('staff-case-assigned', { caseId: c.id }, { jobId: noticeId, attempts: 1 });
    workers = startWorkers(t.core, { outbound: true });
    await eventually(async () => (await t.core.queues.outbound.getJobState(noticeId)) === 'failed', 10_000, 'the job failed');
    await workers.close();
    workers = null;
    const key = caseJobKeys(t.core.config.REDIS_PREFIX).jobsDue();
    clock.advance(31_000);
    for (let round = 1; round <= 3; round++) {
      const swept = await sweepJobs(t.core);
      expect(swept.retried, `round ${round}`).toBe(1);
      expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('waiting');
      expect((await t.core.redis.zRange(key, 0, -1)).find((e) => e.includes('staff-case-assigned'))).toMatch(new RegExp(`\\|${round}$`));
      // It fails again (its data is still wrong); looked at again ten minutes later.
      workers = startWorkers(t.core, { outbound: true });
      await eventually(async () => (await t.core.queues.outbound.getJobState(noticeId)) === 'failed', 10_000, 'failed again');
      await workers.close();
      workers = null;
      expect((await sweepJobs(t.core)).retried).toBe(0);
      clock.advance(10 * 60_000 + 31_000);
    }
    expect(await sweepJobs(t.core)).toMatchObject({ retried: 0, requeued: 0 });
    expect((await t.core.redis.zRange(key, 0, -1)).some((e) => e.includes('staff-case-assigned'))).toBe(false);
    expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('failed');
  });

  it('a referral whose liaison notice was lost: the sweep queues it and it goes out once; the answer deadline, a timer, fires when due', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const routed = (await routeCase(t.core, c0.id))!.record;
    const gw = { core: t.core, staff: t.core.directory.index().staffById.get(routed.assignee!.staffId)! };
    await acceptCase(gw, routed.caseNo);
    const c = await referCase(gw, routed.caseNo, '调解不成，老板拒不支付，农民工');
    const liaison = c.referral!.liaisonId;
    const noticeId = caseJobIds.notice('staff-referral', c.id, liaison, c.history.length - 1);
    // Lost after the write (a failed add, or removed).
    await t.core.queues.outbound.remove(noticeId);
    clock.advance(31_000);
    const swept = await sweepJobs(t.core);
    // The referral's notice comes back, and the reporter's of the assignment (never queued here: routeCase alone);
    // the assignee's notice of the assignment (the case is referred now) does not.
    expect(swept.requeued).toBe(2);
    expect(await t.core.queues.outbound.getJobState(caseJobIds.notice('reporter-case-assigned', c.id))).not.toBe('unknown');
    expect(await t.core.queues.outbound.getJobState(noticeId)).not.toBe('unknown');
    expect(await t.core.queues.outbound.getJobState(caseJobIds.notice('staff-case-assigned', c.id, routed.assignee!.staffId, 1))).toBe('unknown');
    workers = startWorkers(t.core, { outbound: true, sla: true });
    const liaisonNotices = async () => (await t.core.inbox.read(`staff:${liaison}`)).items.filter((i) => JSON.stringify(i).includes(c.caseNo)).length;
    await eventually(async () => (await liaisonNotices()) === 1, 10_000, 'the liaison notice');
    expect(await timerAt(t.core, 'referral-deadline', c.id, c.assignmentSeq)).toEqual(new Date(c.referral!.decideBy));
    clock.set(new Date(Date.parse(c.referral!.decideBy) + 1000));
    await eventually(async () => ((await t.core.cases.get(c.id))?.missed.includes('referral') ? true : null), 10_000, 'the referral deadline fired');
    await new Promise((r) => setTimeout(r, 1200));
    // The referral notice went once; the deadline's own chase (催办) once.
    const items = (await t.core.inbox.read(`staff:${liaison}`)).items.map((i) => JSON.stringify(i)).filter((i) => i.includes(c.caseNo));
    expect(items.filter((i) => i.includes('【转检察】'))).toHaveLength(1);
    expect(items.filter((i) => i.includes('【催办】'))).toHaveLength(1);
  });

  it('staff told of someone else’s step: a lost copy to the township supervisor (a group case) and a lost 延期 notice are queued again and go out once', async () => {
    await start();
    const c0 = await createWageCase(t.core, { headcount: 20 });
    const routed = (await routeCase(t.core, c0.id))!.record;
    expect(routed.copied).toEqual(['sup-t01']);
    const copyId = caseJobIds.notice('staff-case-copied', routed.id, 'sup-t01');
    expect(await due()).toContain(`outbound|staff-case-copied|${routed.id}|sup-t01|||0`);
    const gw = { core: t.core, staff: t.core.directory.index().staffById.get(routed.assignee!.staffId)! };
    await acceptCase(gw, routed.caseNo);
    const c = await extendCase(gw, routed.caseNo, 3, '等住建部门核实');
    const extensionId = caseJobIds.notice('staff-extension', c.id, 'sup-t01', 0);
    expect(await due()).toContain(`outbound|staff-extension|${c.id}|sup-t01|0||0`);
    // extendCase queued its notices; as if that add had been lost.
    await t.core.queues.outbound.remove(extensionId);
    clock.advance(31_000);
    await sweepJobs(t.core);
    expect(await t.core.queues.outbound.getJobState(copyId)).not.toBe('unknown');
    expect(await t.core.queues.outbound.getJobState(extensionId)).not.toBe('unknown');
    workers = startWorkers(t.core, { outbound: true });
    const sup = async (re: RegExp) => (await t.core.inbox.read('staff:sup-t01')).items.filter((i) => re.test(JSON.stringify(i)) && JSON.stringify(i).includes(c.caseNo)).length;
    await eventually(async () => ((await sup(/【抄送】/)) >= 1 && (await sup(/延期/)) >= 1 ? true : null), 10_000, 'the copy and the extension notice');
    clock.advance(31_000);
    await sweepJobs(t.core);
    await new Promise((r) => setTimeout(r, 800));
    expect(await sup(/延期/)).toBe(1);
    expect(await sup(/【抄送】/)).toBe(1);
  });

  it('an entry of a time limit written before timers (a delayed job then) becomes a timer at its due time', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const c = (await routeCase(t.core, c0.id))!.record;
    const key = caseJobKeys(t.core.config.REDIS_PREFIX).jobsDue();
    await t.core.redis.zRem(caseJobKeys(t.core.config.REDIS_PREFIX).timers(), timerMember('accept-deadline', c.id, 1));
    const at = clock.now().getTime() - 60_000;
    await t.core.redis.zAdd(key, { score: at, value: `sla|accept-deadline|${c.id}||1||0` });
    expect(await sweepJobs(t.core)).toMatchObject({ dropped: 1 });
    expect(await timerAt(t.core, 'accept-deadline', c.id, 1)).toEqual(new Date(at));
    expect((await due()).some((e) => e.startsWith('sla|'))).toBe(false);
  });
});
