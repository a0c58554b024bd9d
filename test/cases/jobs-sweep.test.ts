/*
 * The sweep behind notices and time limits (core/cases/jobs.ts `sweepJobs`):
 * a routed case whose assignee notice or accept limit never reached BullMQ
 * (the process died between writing the record and queueing the jobs), or
 * whose job was removed, gets the job back under its fixed id, and the job
 * fires; a case whose jobs are there is left alone; a notice that went out
 * (or may have: its delivery mark) is never queued a second time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sweepJobs } from '../../core/cases/jobs.js';
import { caseJobIds, caseJobKeys, route } from '../../core/cases/queue.js';
import { routeCase } from '../../core/cases/routing.js';
import { acceptCase, referCase } from '../../core/cases/work.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { outboundKeys } from '../../core/infra/queues.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';
import { createWageCase } from '../support/cases.js';
import { eventually, startTestCore, type TestCore } from '../support/core.js';

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

describe('the sweep behind notices and time limits', () => {
  it('when the process died after the assignment was written and before its jobs were queued, the sweep queues the assignee notice and the accept limit, and the notice goes out once', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    // The routing job's first half: the record (and its index entries) written, no job queued.
    const routed = await routeCase(t.core, c0.id);
    const c = routed!.record;
    const staffId = c.assignee!.staffId;
    const noticeId = caseJobIds.notice('staff-case-assigned', c.id, staffId, 1);
    const deadlineId = caseJobIds.sla('accept-deadline', c.id, 1);
    const reminderId = caseJobIds.sla('accept-reminder', c.id, 1);
    expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('unknown');
    expect(await due()).toHaveLength(3);

    // Too early: the writer may still be about to queue them.
    expect((await sweepJobs(t.core)).requeued).toBe(0);
    clock.advance(31_000);
    expect(await sweepJobs(t.core)).toMatchObject({ checked: 1, requeued: 1 });
    expect(await t.core.queues.outbound.getJobState(noticeId)).not.toBe('unknown');
    // The limits are not due yet: not looked at (they would be, once due).
    expect(await t.core.queues.sla.getJobState(deadlineId)).toBe('unknown');

    workers = startWorkers(t.core, { outbound: true });
    await eventually(async () => (await staffNotices(staffId, c.caseNo)) === 1, 10_000, 'the assignee notice');
    await eventually(async () => (await t.core.queues.outbound.getJobState(noticeId)) === 'completed', 5000, 'notice job completed');
    expect(await t.core.redis.get(outboundKeys(t.core.config.REDIS_PREFIX).delivery(noticeId))).toBe('sent');

    // Another sweep: the notice is done (its entry goes), nothing is queued again.
    expect(await sweepJobs(t.core)).toMatchObject({ requeued: 0, done: 1 });
    // Even with the completed job removed from BullMQ and its entry back, the delivery mark says it went out.
    await t.core.queues.outbound.remove(noticeId);
    await t.core.redis.zAdd(caseJobKeys(t.core.config.REDIS_PREFIX).jobsDue(), { score: Date.parse(c.assignee!.assignedAt), value: `outbound|staff-case-assigned|${c.id}|${staffId}|1||0` });
    expect(await sweepJobs(t.core)).toMatchObject({ requeued: 0, dropped: 1 });
    expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('unknown');
    await new Promise((r) => setTimeout(r, 500));
    expect(await staffNotices(staffId, c.caseNo)).toBe(1);

    // The accept limit, once due and still missing, is queued and fires: reminder first, then the case lapses and is routed again.
    await workers.close();
    clock.set(new Date(Date.parse(c.acceptBy!) + 31_000));
    const swept = await sweepJobs(t.core);
    expect(swept.requeued).toBe(2);
    expect(await t.core.queues.sla.getJobState(reminderId)).not.toBe('unknown');
    workers = startWorkers(t.core, { outbound: true, routing: true, sla: true });
    const lapsed = await eventually(async () => {
      const now = await t.core.cases.get(c.id);
      return now && now.assignmentSeq >= 2 && now.assignee ? now : null;
    }, 15_000, 'the lapsed case routed again');
    expect(lapsed.lapsed).toEqual([staffId]);
    expect((await t.core.cases.audit(c.id)).filter((a) => a.action === 'lapsed')).toHaveLength(1);
  });

  it('a case whose jobs are in BullMQ is left alone; a deleted resolve deadline comes back and fires', async () => {
    await start();
    workers = startWorkers(t.core, { outbound: true, routing: true });
    const c0 = await createWageCase(t.core);
    await route(t.core, c0.id);
    const c1 = await eventually(async () => {
      const c = await t.core.cases.get(c0.id);
      return c?.assignee ? c : null;
    }, 10_000, 'routing');
    const staffId = c1.assignee!.staffId;
    await eventually(async () => (await staffNotices(staffId, c1.caseNo)) === 1, 10_000, 'the assignee notice');
    clock.advance(31_000);
    const quiet = await sweepJobs(t.core);
    expect(quiet).toMatchObject({ requeued: 0, retried: 0 });
    // Routed normally: every job is there; nothing changed on the case.
    const before = (await t.core.cases.audit(c1.id)).length;

    const c = await acceptCase({ core: t.core, staff: t.core.directory.index().staffById.get(staffId)! }, c1.caseNo);
    const entries = await due();
    expect(entries.filter((e) => e.includes('resolve-'))).toHaveLength(2);
    const deadlineId = caseJobIds.sla('resolve-deadline', c.id, 1);
    expect(await t.core.queues.sla.getJobState(deadlineId)).toBe('delayed');
    // Lost: removed from BullMQ (bull-board, or a failed add).
    await t.core.queues.sla.remove(deadlineId);
    await t.core.queues.sla.remove(caseJobIds.sla('resolve-reminder', c.id, 1));
    expect(await t.core.queues.sla.getJobState(deadlineId)).toBe('unknown');

    await workers.close();
    clock.set(new Date(Date.parse(c.resolveBy!) + 31_000));
    const swept = await sweepJobs(t.core);
    expect(swept.requeued).toBe(2);
    workers = startWorkers(t.core, { outbound: true, routing: true, sla: true });
    const overdue = await eventually(async () => {
      const now = await t.core.cases.get(c.id);
      return now?.missed.includes('resolve') ? now : null;
    }, 15_000, 'the resolve deadline fired');
    expect(overdue.status).toBe('accepted');
    expect((await t.core.cases.audit(c.id)).length).toBeGreaterThan(before);
    // The overdue notice went to the township supervisor once.
    await eventually(async () => (await t.core.inbox.read('staff:sup-t01')).items.some((i) => JSON.stringify(i).includes(c.caseNo)), 10_000, 'overdue notice');
    await new Promise((r) => setTimeout(r, 500));
    // The accept limit's entries (case accepted since) and the notice were dropped, not re-queued.
    expect(await staffNotices(staffId, c.caseNo)).toBe(1);
    expect((await t.core.cases.audit(c.id)).filter((a) => a.action === 'resolve-overdue')).toHaveLength(1);
    // Everything due is done: the next sweep (resolve jobs completed) empties the index.
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
    expect(await sweepJobs(t.core)).toMatchObject({ requeued: 0, dropped: 1 });
    expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('unknown');
  });

  it('a time limit that failed for good is retried by the sweep (same id), three times at most, then left failed', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const c = (await routeCase(t.core, c0.id))!.record;
    const deadlineId = caseJobIds.sla('accept-deadline', c.id, 1);
    // A job under the deadline's id that cannot succeed (no assignment number in its data): failed at once, for good.
    await t.core.queues.sla.add('accept-deadline', { caseId: c.id }, { jobId: deadlineId, attempts: 1 });
    workers = startWorkers(t.core, { sla: true });
    await eventually(async () => (await t.core.queues.sla.getJobState(deadlineId)) === 'failed', 10_000, 'the job failed');
    await workers.close();
    workers = null;
    const key = caseJobKeys(t.core.config.REDIS_PREFIX).jobsDue();
    clock.set(new Date(Date.parse(c.acceptBy!) + 31_000));
    for (let round = 1; round <= 3; round++) {
      const swept = await sweepJobs(t.core);
      expect(swept.retried, `round ${round}`).toBe(1);
      expect(await t.core.queues.sla.getJobState(deadlineId)).toBe('waiting');
      expect((await t.core.redis.zRange(key, 0, -1)).find((e) => e.includes('accept-deadline'))).toMatch(new RegExp(`\\|${round}$`));
      // It fails again (its data is still wrong); looked at again ten minutes later.
      workers = startWorkers(t.core, { sla: true });
      await eventually(async () => (await t.core.queues.sla.getJobState(deadlineId)) === 'failed', 10_000, 'failed again');
      await workers.close();
      workers = null;
      expect((await sweepJobs(t.core)).retried).toBe(0);
      clock.advance(10 * 60_000 + 31_000);
    }
    expect(await sweepJobs(t.core)).toMatchObject({ retried: 0, requeued: 0 });
    expect((await t.core.redis.zRange(key, 0, -1)).some((e) => e.includes('accept-deadline'))).toBe(false);
    expect(await t.core.queues.sla.getJobState(deadlineId)).toBe('failed');
  });

  it('a referral whose liaison notice and answer deadline were lost: the sweep queues both; the notice goes out once, the deadline fires', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const routed = (await routeCase(t.core, c0.id))!.record;
    const gw = { core: t.core, staff: t.core.directory.index().staffById.get(routed.assignee!.staffId)! };
    await acceptCase(gw, routed.caseNo);
    const c = await referCase(gw, routed.caseNo, '调解不成，老板拒不支付，农民工');
    const liaison = c.referral!.liaisonId;
    const noticeId = caseJobIds.notice('staff-referral', c.id, liaison, c.history.length - 1);
    const deadlineId = caseJobIds.sla('referral-deadline', c.id, c.assignmentSeq);
    // Lost after the write (a failed add, or removed).
    await t.core.queues.outbound.remove(noticeId);
    await t.core.queues.sla.remove(deadlineId);
    clock.advance(31_000);
    const swept = await sweepJobs(t.core);
    // The referral's notice comes back; the assignment's notice (the case is referred now) does not.
    expect(swept.requeued).toBe(1);
    expect(await t.core.queues.outbound.getJobState(noticeId)).not.toBe('unknown');
    expect(await t.core.queues.outbound.getJobState(caseJobIds.notice('staff-case-assigned', c.id, routed.assignee!.staffId, 1))).toBe('unknown');
    workers = startWorkers(t.core, { outbound: true });
    const liaisonNotices = async () => (await t.core.inbox.read(`staff:${liaison}`)).items.filter((i) => JSON.stringify(i).includes(c.caseNo)).length;
    await eventually(async () => (await liaisonNotices()) === 1, 10_000, 'the liaison notice');
    await workers.close();
    clock.set(new Date(Date.parse(c.referral!.decideBy) + 31_000));
    expect((await sweepJobs(t.core)).requeued).toBe(1);
    workers = startWorkers(t.core, { outbound: true, sla: true });
    await eventually(async () => ((await t.core.cases.get(c.id))?.missed.includes('referral') ? true : null), 10_000, 'the referral deadline fired');
    await new Promise((r) => setTimeout(r, 500));
    // The referral notice went once; the deadline's own chase (催办) once.
    const items = (await t.core.inbox.read(`staff:${liaison}`)).items.map((i) => JSON.stringify(i)).filter((i) => i.includes(c.caseNo));
    expect(items.filter((i) => i.includes('【转检察】'))).toHaveLength(1);
    expect(items.filter((i) => i.includes('【催办】'))).toHaveLength(1);
  });
});
