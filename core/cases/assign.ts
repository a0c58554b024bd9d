import type { Core } from '../context.js';
import { wakeOutbox } from '../infra/outbox.js';
import type { Case } from './record.js';
import type { RouteDecision } from './routing.js';

/**
 * What follows an assignment (the routing job, a supervisor's reassignment):
 * the assignee, any supervisor copied and the reporter are told. Their
 * notices were written with the assignment (routing.ts, due.ts
 * `assignmentJobs`: the cases' outbox, with the accept limit's timers), so
 * this only wakes this process's outbox loop; one in another process is
 * woken by the case's change message.
 */
export async function afterRouted(core: Core, _routed: RouteDecision & { record: Case }): Promise<void> {
  wakeOutbox(core);
}
