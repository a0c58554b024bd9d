import { UnrecoverableError, type Job } from 'bullmq';
import type { Core } from '../core/context.js';
import { RouteJob } from '../core/queues.js';
import { routeCase } from '../core/routing.js';

/**
 * Routing processor: assign the case, then queue the notices. Every step is
 * idempotent (atomic claim, deterministic job ids), so a retry or a
 * duplicated job yields one assignment and one notice each.
 */
export function routingProcessor(core: Core) {
  return async (job: Job) => {
    const data = RouteJob.safeParse(job.data);
    if (!data.success) throw new UnrecoverableError(`invalid route job data: ${data.error.message}`);
    const { caseId } = data.data;
    const c = await core.cases.get(caseId);
    if (!c) throw new UnrecoverableError(`case ${caseId} not found`);
    const decision = await routeCase(
      { redis: core.redis, keys: core.keys, cases: core.cases, index: () => core.directory.index() },
      caseId,
    );
    await core.queues.notify('staff-case-assigned', caseId, decision.staffId);
    for (const sup of decision.copy) await core.queues.notify('staff-case-copied', caseId, sup);
    await core.queues.notify('reporter-case-assigned', caseId);
    core.log.info({ caseId, jobId: job.id, level: decision.level, staffId: decision.staffId, priority: decision.priority }, 'case routed');
    return decision;
  };
}
