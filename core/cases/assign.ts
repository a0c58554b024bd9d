import type { Core } from '../context.js';
import { reminderAt } from './deadlines.js';
import { notify, schedule, tellReporter } from './queue.js';
import type { Case } from './record.js';
import type { RouteDecision } from './routing.js';

/**
 * What follows an assignment (the routing job, a supervisor's reassignment):
 * the assignee and any supervisor copied are told, the reporter is told, the
 * accept reminder and deadline are set. Job ids carry the assignment number,
 * so running it twice sends nothing twice.
 */
export async function afterRouted(core: Core, routed: RouteDecision & { record: Case }): Promise<void> {
  const { record: c, seq } = routed;
  const caseId = c.id;
  const jobs: Promise<unknown>[] = [
    notify(core, 'staff-case-assigned', caseId, routed.staffId, seq),
    ...routed.copy.map((sup) => notify(core, 'staff-case-copied', caseId, sup)),
    seq === 1 ? notify(core, 'reporter-case-assigned', caseId) : tellReporter(core, c),
  ];
  if (c.acceptBy && c.assignee) {
    const by = new Date(c.acceptBy);
    // Two thirds into the accept clock, which may start at the next working hour.
    const from = new Date(c.acceptFrom ?? c.assignee.assignedAt);
    jobs.push(schedule(core, 'accept-reminder', caseId, seq, reminderAt(from, by)), schedule(core, 'accept-deadline', caseId, seq, by));
  }
  await Promise.all(jobs);
}

