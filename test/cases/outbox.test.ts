/*
 * Case notices in the cases' outbox (core/infra/outbox.ts, core/cases/due.ts)
 * and time limits as timers (core/infra/timers.ts): both are written in the
 * same atomic step as the record that wants them, so a process that dies
 * right after the write loses nothing; the outbox loop (core/infra/outbox.ts `startOutbox`)
 * sends each notice once, by its fixed id (a notice that went out, or may
 * have: its delivery mark, is never sent a second time), retries a send
 * that throws 1 s, 2 s, 4 s… later by the app's clock and gives up after 8
 * tries, recorded on the case. The sweep moves what is left of the old
 * `jobs-due` index (notices queued on the outbound queue before the
 * outbox) to the outbox.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sweepJobs } from '../../core/cases/jobs.js';
import { caseJobIds, caseJobKeys, outboxMember, route, timerMember } from '../../core/cases/queue.js';
import { routeCase } from '../../core/cases/routing.js';
import { acceptCase, extendCase, referCase } from '../../core/cases/work.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import type { Messenger } from '../../core/infra/messenger.js';
import { OUTBOX_ATTEMPTS } from '../../core/infra/outbox.js';
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
  // No workers until a test starts them: what the write left is looked at before anything sends it.
  t = await startTestCore({ clock });
}

const staffNotices = async (staffId: string, caseNo: string) =>
  (await t.core.inbox.read(`staff:${staffId}`)).items.filter((i) => JSON.stringify(i).includes(caseNo) && JSON.stringify(i).includes('新案件')).length;

const keys = () => caseJobKeys(t.core.config.REDIS_PREFIX);
const outbox = async () => (await t.core.redis.zRange(keys().outbox(), 0, -1)).sort();
const due = async () => (await t.core.redis.zRange(keys().jobsDue(), 0, -1)).sort();
const timers = async () => (await t.core.redis.zRange(keys().timers(), 0, -1)).sort();
const mark = (id: string) => t.core.redis.get(outboundKeys(t.core.config.REDIS_PREFIX).delivery(id));

describe('case notices in the outbox, and time limits as timers', () => {
  it('when the process died right after the assignment was written, its notices are in the outbox with it; a worker started later sends each once, and the accept limit fires when due', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    // The routing job's work, and then nothing: the process "died" after the write.
    const routed = await routeCase(t.core, c0.id);
    const c = routed!.record;
    const staffId = c.assignee!.staffId;
    const noticeId = caseJobIds.notice('staff-case-assigned', c.id, staffId, 1);
    expect(await outbox()).toEqual([outboxMember('reporter-case-assigned', c.id), outboxMember('staff-case-assigned', c.id, staffId, 1)].sort());
    expect(await t.core.queues.outbound.getJobState(noticeId)).toBe('unknown');
    expect(await timers()).toEqual([timerMember('accept-deadline', c.id, 1), timerMember('accept-reminder', c.id, 1)]);
    expect(await timerAt(t.core, 'accept-deadline', c.id, 1)).toEqual(new Date(c.acceptBy!));

    workers = startWorkers(t.core, { outbound: true });
    await eventually(async () => (await staffNotices(staffId, c.caseNo)) === 1, 10_000, 'the assignee notice');
    // The reporter hears that someone has the case, once.
    const told = async () => (await t.core.inbox.history.before(c.reporter.userKey, 50)).items.filter((i) => JSON.stringify(i.replies).includes(`${c.caseNo} 已交给`)).length;
    await eventually(async () => ((await told()) === 1 ? true : null), 10_000, 'the reporter notice');
    await eventually(async () => ((await outbox()).length === 0 ? true : null), 5000, 'the outbox emptied');
    expect(await mark(noticeId)).toBe('sent');
    expect(await mark(caseJobIds.notice('reporter-case-assigned', c.id))).toBe('sent');
    // Written again (a re-run of the write, a sweep): the delivery mark says it went out; nothing is sent twice.
    await t.core.redis.zAdd(keys().outbox(), { score: clock.now().getTime(), value: outboxMember('staff-case-assigned', c.id, staffId, 1) });
    await eventually(async () => ((await outbox()).length === 0 ? true : null), 5000, 'the entry taken');
    await new Promise((r) => setTimeout(r, 300));
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
    // The reminder came due with the lapse (the clock jumped past both): whichever runs first, the worker is told the case went on
    // (a reminder taken after the lapse is skipped: core/cases/jobs.ts).
    await eventually(async () => (await t.core.inbox.read(`staff:${staffId}`)).items.some((i) => JSON.stringify(i).includes('已超过接单期限')), 10_000, 'the lapse notice');
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
    await eventually(async () => ((await outbox()).length === 0 ? true : null), 5000, 'the outbox emptied');
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
    // Everything due went: the outbox is empty, and nothing was written to the old index.
    await eventually(async () => ((await outbox()).length === 0 ? true : null), 10_000, 'outbox drained');
    expect(await due()).toEqual([]);
  });

  it('a notice whose delivery mark says a run was sending it (the process died mid-send) is not sent again; the possible loss is on the case', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const c = (await routeCase(t.core, c0.id))!.record;
    const staffId = c.assignee!.staffId;
    await t.core.redis.set(outboundKeys(t.core.config.REDIS_PREFIX).delivery(caseJobIds.notice('staff-case-assigned', c.id, staffId, 1)), 'sending');
    workers = startWorkers(t.core, { outbound: true });
    const failed = await eventually(async () => {
      const x = await t.core.cases.get(c.id);
      return x && x.deliveryFailures.length > 0 ? x : null;
    }, 10_000, 'the possible loss recorded');
    expect(failed.deliveryFailures[0]).toMatchObject({ job: 'staff-case-assigned' });
    expect(failed.deliveryFailures[0]!.reason).toMatch(/mid-send/);
    // The reporter's notice (never started) went; the assignee's did not go a second time.
    await eventually(async () => ((await outbox()).length === 0 ? true : null), 5000, 'the outbox emptied');
    expect(await mark(caseJobIds.notice('reporter-case-assigned', c.id))).toBe('sent');
    expect(await staffNotices(staffId, c.caseNo)).toBe(0);
  });

  it('a send that keeps failing is tried again 1 s, 2 s, 4 s… later by the app\'s clock, then given up after 8 tries and kept on the case', async () => {
    await start();
    const tries: number[] = [];
    const broken: Messenger = {
      canReachUser: () => false,
      canReachStaff: () => true,
      sendToUser: async () => undefined,
      sendToStaff: async () => {
        tries.push(clock.now().getTime());
        throw new Error('WeChat said no');
      },
    };
    t.core.messengers.unshift(broken);
    const c0 = await createWageCase(t.core);
    const c = (await routeCase(t.core, c0.id))!.record;
    const member = outboxMember('staff-case-assigned', c.id, c.assignee!.staffId, 1);
    workers = startWorkers(t.core, { outbound: true });
    for (let n = 1; n < OUTBOX_ATTEMPTS; n++) {
      await eventually(async () => (tries.length === n ? true : null), 5000, `try ${n}`);
      // Not before its time by the app's clock: a while later, still n tries.
      await new Promise((r) => setTimeout(r, 400));
      expect(tries).toHaveLength(n);
      expect(await t.core.redis.hGet(keys().outboxFailures(), member)).toBe(String(n));
      const waitMs = (await t.core.redis.zScore(keys().outbox(), member))! - clock.now().getTime();
      expect(waitMs).toBe(1000 * 2 ** (n - 1));
      clock.advance(waitMs);
    }
    const failed = await eventually(async () => {
      const x = await t.core.cases.get(c.id);
      return x && x.deliveryFailures.length > 0 ? x : null;
    }, 5000, 'the failure kept on the case');
    expect(tries).toHaveLength(OUTBOX_ATTEMPTS);
    expect(failed.deliveryFailures[0]).toMatchObject({ job: 'staff-case-assigned', reason: 'WeChat said no' });
    expect((await t.core.cases.audit(c.id)).some((a) => a.action === 'delivery-failed')).toBe(true);
    // Given up: gone from the outbox and its failure count, and not tried again.
    expect(await outbox()).toEqual([]);
    expect(await t.core.redis.hLen(keys().outboxFailures())).toBe(0);
    clock.advance(3_600_000);
    await new Promise((r) => setTimeout(r, 600));
    expect(tries).toHaveLength(OUTBOX_ATTEMPTS);
  });

  it('a referral: the liaison notice is written with it and goes out once; the answer deadline, a timer, fires when due', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const routed = (await routeCase(t.core, c0.id))!.record;
    const gw = { core: t.core, staff: t.core.directory.index().staffById.get(routed.assignee!.staffId)! };
    await acceptCase(gw, routed.caseNo);
    const c = await referCase(gw, routed.caseNo, '调解不成，老板拒不支付，农民工');
    const liaison = c.referral!.liaisonId;
    expect(await outbox()).toContain(outboxMember('staff-referral', c.id, liaison, c.history.length - 1));
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

  it('staff told of someone else’s step: the copy to the township supervisor (a group case) and the 延期 notice are written with their records and go out once', async () => {
    await start();
    const c0 = await createWageCase(t.core, { headcount: 20 });
    const routed = (await routeCase(t.core, c0.id))!.record;
    expect(routed.copied).toEqual(['sup-t01']);
    expect(await outbox()).toContain(outboxMember('staff-case-copied', routed.id, 'sup-t01'));
    const gw = { core: t.core, staff: t.core.directory.index().staffById.get(routed.assignee!.staffId)! };
    await acceptCase(gw, routed.caseNo);
    const c = await extendCase(gw, routed.caseNo, 3, '等住建部门核实');
    expect(await outbox()).toContain(outboxMember('staff-extension', c.id, 'sup-t01', 0));
    workers = startWorkers(t.core, { outbound: true });
    const sup = async (re: RegExp) => (await t.core.inbox.read('staff:sup-t01')).items.filter((i) => re.test(JSON.stringify(i)) && JSON.stringify(i).includes(c.caseNo)).length;
    await eventually(async () => ((await sup(/【抄送】/)) >= 1 && (await sup(/延期/)) >= 1 ? true : null), 10_000, 'the copy and the extension notice');
    await eventually(async () => ((await outbox()).length === 0 ? true : null), 5000, 'the outbox emptied');
    await new Promise((r) => setTimeout(r, 500));
    expect(await sup(/延期/)).toBe(1);
    expect(await sup(/【抄送】/)).toBe(1);
  });

  it('the old index of notices queued on the outbound queue: a notice never sent moves to the outbox and goes once; one sent, one whose job ran and one still queued are not sent again', async () => {
    await start();
    const c0 = await createWageCase(t.core, { headcount: 20 });
    const c = (await routeCase(t.core, c0.id))!.record;
    const staffId = c.assignee!.staffId;
    // As a deployment before the outbox left it: the notices in `jobs-due` (not in the outbox), in four states.
    await t.core.redis.del(keys().outbox());
    const at = Date.parse(c.assignee!.assignedAt);
    const entry = (name: string, staff = '', seq: number | '' = '') => `outbound|${name}|${c.id}|${staff}|${seq}||0`;
    await t.core.redis.zAdd(keys().jobsDue(), [
      { score: at, value: entry('staff-case-assigned', staffId, 1) },
      { score: at, value: entry('reporter-case-assigned') },
      { score: at, value: entry('staff-case-copied', 'sup-t01') },
    ]);
    // The reporter's went out; the supervisor's copy is still waiting on the outbound queue.
    await t.core.redis.set(outboundKeys(t.core.config.REDIS_PREFIX).delivery(caseJobIds.notice('reporter-case-assigned', c.id)), 'sent');
    await t.core.queues.outbound.add('staff-case-copied', { caseId: c.id, staffId: 'sup-t01' }, { jobId: caseJobIds.notice('staff-case-copied', c.id, 'sup-t01') });
    // Too early: the writer may still be about to queue them.
    expect(await sweepJobs(t.core)).toMatchObject({ checked: 0 });
    clock.advance(31_000);
    expect(await sweepJobs(t.core)).toMatchObject({ checked: 3, moved: 1, dropped: 1 });
    expect(await outbox()).toEqual([outboxMember('staff-case-assigned', c.id, staffId, 1)]);
    expect(await due()).toEqual([entry('staff-case-copied', 'sup-t01')]);
    workers = startWorkers(t.core, { outbound: true });
    await eventually(async () => (await staffNotices(staffId, c.caseNo)) === 1, 10_000, 'the assignee notice');
    await eventually(async () => (await t.core.queues.outbound.getJobState(caseJobIds.notice('staff-case-copied', c.id, 'sup-t01'))) === 'completed', 10_000, 'the queued copy ran');
    // Its job ran: the entry goes, and nothing goes twice.
    expect(await sweepJobs(t.core)).toMatchObject({ checked: 1, done: 1, moved: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await due()).toEqual([]);
    expect(await outbox()).toEqual([]);
    expect(await staffNotices(staffId, c.caseNo)).toBe(1);
    const told = (await t.core.inbox.history.before(c.reporter.userKey, 50)).items.filter((i) => JSON.stringify(i.replies).includes(`${c.caseNo} 已交给`));
    expect(told).toHaveLength(0);
    expect((await t.core.inbox.read('staff:sup-t01')).items.filter((i) => JSON.stringify(i).includes('【抄送】') && JSON.stringify(i).includes(c.caseNo))).toHaveLength(1);
  });

  it('an entry that names no notice (malformed, unknown, of a case that is gone) is dropped and logged; the good one beside it goes once', async () => {
    await start();
    const c0 = await createWageCase(t.core);
    const c = (await routeCase(t.core, c0.id))!.record;
    const now = clock.now().getTime();
    const bad = ['garbage', `staff-case-assigned|${c.id}|gw-001|one`, `no-such-notice|${c.id}||`, `staff-case-assigned|${c.id}`, `reporter-update||||`];
    await t.core.redis.zAdd(keys().outbox(), bad.map((value) => ({ score: now, value })));
    // A notice of a case that no longer exists cannot be rendered: given up at once, not retried.
    await t.core.redis.zAdd(keys().outbox(), { score: now, value: outboxMember('reporter-update', 'wGONE', undefined, 3) });
    workers = startWorkers(t.core, { outbound: true });
    await eventually(async () => (await staffNotices(c.assignee!.staffId, c.caseNo)) === 1, 10_000, 'the good notice');
    await eventually(async () => ((await outbox()).length === 0 ? true : null), 5000, 'every entry taken');
    expect(await t.core.redis.hLen(keys().outboxFailures())).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(await staffNotices(c.assignee!.staffId, c.caseNo)).toBe(1);
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
