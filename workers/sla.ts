import { UnrecoverableError, type Job } from 'bullmq';
import type { Core } from '../core/context.js';
import { SlaJob, type SlaName } from '../core/infra/queues.js';
import { releaseAssignment } from '../core/cases/routing.js';

/** Cases waiting longer than this without an assignee are routed again by the sweep. */
const SWEEP_AFTER_MS = 30_000;

/**
 * Time limits. Each job carries the assignment number it was set for; when
 * it fires it re-reads the case and does nothing if the case has moved on
 * (accepted, resolved, reassigned), so a job that could not be removed is
 * harmless.
 */
export function slaProcessor(core: Core) {
  return async (job: Job) => {
    if (job.name === 'sweep') return sweep(core);
    const parsed = SlaJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid sla job data: ${parsed.error.message}`);
    const { caseId, seq } = parsed.data;
    const c = await core.cases.get(caseId);
    if (!c) throw new UnrecoverableError(`case ${caseId} not found`);
    const name = job.name as SlaName;
    const current = c.assignmentSeq === seq && c.assignee;

    switch (name) {
      case 'accept-reminder':
        if (current && c.status === 'assigned') await core.queues.notify('staff-accept-reminder', caseId, c.assignee!.staffId, seq);
        return { done: name };
      case 'accept-deadline': {
        if (!current || c.status !== 'assigned') return { skipped: 'moved on' };
        // Only a case still waiting: an accept that lands while this runs is not undone.
        const released = await releaseAssignment(core, caseId, c.assignee!.staffId, 'lapsed', '超时未接单，正在改派', seq, 'assigned');
        if (released) await core.queues.route(caseId, seq + 1);
        core.log.info({ caseId, staffId: c.assignee!.staffId, seq }, 'accept deadline passed; re-routing');
        return { lapsed: c.assignee!.staffId };
      }
      case 'resolve-reminder':
        if (current && c.status === 'accepted') await core.queues.notify('staff-resolve-reminder', caseId, c.assignee!.staffId, seq);
        return { done: name };
      case 'resolve-deadline': {
        if (!current || c.status !== 'accepted') return { skipped: 'moved on' };
        await core.cases.update(caseId, 'system:sla', (cur) =>
          cur.missed.includes('resolve') ? null : { record: { ...cur, missed: [...cur.missed, 'resolve'] }, action: 'resolve-overdue', detail: `seq:${seq}` },
        );
        for (const sup of supervisorsOf(core, c.location.townshipId, c.location.districtId)) {
          await core.queues.notify('staff-overdue', caseId, sup, seq);
        }
        return { overdue: true };
      }
      case 'referral-deadline': {
        if (c.status !== 'referred' || c.referral?.status !== 'pending') return { skipped: 'decided' };
        await core.cases.update(caseId, 'system:sla', (cur) =>
          cur.missed.includes('referral') ? null : { record: { ...cur, missed: [...cur.missed, 'referral'] }, action: 'referral-overdue', detail: cur.referral!.liaisonId },
        );
        await core.queues.notify('staff-referral-reminder', caseId, c.referral.liaisonId, seq);
        for (const sup of supervisorsOf(core, null, c.location.districtId)) await core.queues.notify('staff-overdue', caseId, sup, seq);
        return { overdue: true };
      }
      case 'satisfaction':
        if (c.status !== 'resolved' || c.satisfaction) return { skipped: 'not resolved' };
        await core.redis.set(core.keys.survey(c.reporter.userKey), caseId, { EX: 14 * 86400 });
        await core.queues.notify('reporter-survey', caseId, undefined, seq);
        return { asked: true };
      default:
        throw new UnrecoverableError(`unknown sla job ${job.name}`);
    }
  };
}

function supervisorsOf(core: Core, townshipId: string | null, districtId: string): string[] {
  const index = core.directory.index();
  if (townshipId) {
    const tw = index.townshipById.get(townshipId);
    if (tw) return [tw.township.supervisor.id];
  }
  const d = index.directory.districts.find((x) => x.id === districtId);
  return d ? d.supervisors.filter((s) => s.role === 'district_supervisor').map((s) => s.id) : [];
}

/**
 * Re-routes every case that has waited too long without an assignee — e.g.
 * its routing job was lost when a process died between creating the case and
 * queueing the job. Routing is idempotent, so a sweep that overlaps a normal
 * routing job is harmless.
 */
async function sweep(core: Core) {
  const now = core.clock.now().getTime();
  const before = now - SWEEP_AFTER_MS;
  const ids = await core.redis.zRangeByScore(core.keys.unassigned(), 0, before, { LIMIT: { offset: 0, count: 200 } });
  let requeued = 0;
  for (const id of ids) {
    const c = await core.cases.get(id);
    if (!c || c.assignee || c.status !== 'submitted') {
      await core.redis.zRem(core.keys.unassigned(), id);
      continue;
    }
    const seq = c.assignmentSeq + 1;
    // A fresh id per sweep minute, so a failed or finished earlier job does not block it.
    await core.queues.routing.add('route', { caseId: id }, { jobId: `route-${id}-${seq}-sweep${Math.floor(now / 60_000)}` });
    requeued += 1;
  }
  if (requeued) core.log.warn({ requeued }, 'sweep re-queued cases without an assignee');
  return { requeued };
}
