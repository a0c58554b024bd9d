import type { Core } from '../context.js';
import { notify, tellReporter } from './queue.js';
import type { Case } from './record.js';
import type { RouteDecision } from './routing.js';

/**
 * What follows an assignment (the routing job, a supervisor's reassignment):
 * the assignee and any supervisor copied are told, the reporter is told.
 * Job ids carry the assignment number,
 * so running it twice sends nothing twice.
 */
export async function afterRouted(core: Core, routed: RouteDecision & { record: Case }): Promise<void> {
  const { record: c, seq } = routed;
  const caseId = c.id;
  // The accept limit's timers were written with the assignment (routing.ts, due.ts `assignmentJobs`).
  const jobs: Promise<unknown>[] = [
    notify(core, 'staff-case-assigned', caseId, routed.staffId, seq),
    ...routed.copy.map((sup) => notify(core, 'staff-case-copied', caseId, sup)),
    seq === 1 ? notify(core, 'reporter-case-assigned', caseId) : tellReporter(core, c),
  ];
  await Promise.all(jobs);
}

