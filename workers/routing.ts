import { UnrecoverableError, type Job } from 'bullmq';
import type { Core } from '../core/context.js';
import { RouteJob } from '../core/infra/queues.js';
import { routeCase } from '../core/cases/routing.js';
import { acceptDeadline, reminderAt } from '../core/cases/deadlines.js';

/**
 * Routing processor: assign the case, then queue the notices and the accept
 * time limit. Every step is idempotent (atomic claim per assignment, job ids
 * carrying the assignment number), so a retry or a duplicated job yields one
 * assignment and one notice each.
 */
export function routingProcessor(core: Core) {
  return async (job: Job) => {
    const data = RouteJob.safeParse(job.data);
    if (!data.success) throw new UnrecoverableError(`invalid route job data: ${data.error.message}`);
    const { caseId } = data.data;
    const c = await core.cases.get(caseId);
    if (!c) throw new UnrecoverableError(`case ${caseId} not found`);
    const decision = await routeCase(
      {
        redis: core.redis,
        keys: core.keys,
        cases: core.cases,
        clock: core.clock,
        index: () => core.directory.index(),
        acceptDeadline: (priority, now) => acceptDeadline(core.config, core.directory.index().calendar, priority, now),
      },
      caseId,
    );
    if (!decision) return null;
    const routed = (await core.cases.get(caseId))!;
    const { seq } = decision;
    // Independent jobs with deterministic ids: queued together.
    const jobs: Promise<unknown>[] = [
      core.queues.notify('staff-case-assigned', caseId, decision.staffId, seq),
      ...decision.copy.map((sup) => core.queues.notify('staff-case-copied', caseId, sup)),
      seq === 1
        ? core.queues.notify('reporter-case-assigned', caseId)
        : core.queues.notify('reporter-update', caseId, undefined, routed.history.length - 1),
    ];
    if (routed.acceptBy && routed.assignee) {
      const by = new Date(routed.acceptBy);
      jobs.push(
        core.queues.schedule('accept-reminder', caseId, seq, reminderAt(new Date(routed.assignee.assignedAt), by)),
        core.queues.schedule('accept-deadline', caseId, seq, by),
      );
    }
    await Promise.all(jobs);
    core.log.info({ caseId, jobId: job.id, level: decision.level, staffId: decision.staffId, priority: decision.priority, seq }, 'case routed');
    return decision;
  };
}
