import type { Case } from '../core/cases/store.js';
import type { DirectoryIndex } from '../core/directory/load.js';
import { progressName } from '../core/cases/state.js';

/**
 * What anyone allowed to see a case reads first: no personal data. The
 * reporter's view is exactly this; staff views add to it (api/staff.ts).
 */
export function caseSummary(index: DirectoryIndex, c: Case) {
  return {
    caseNo: c.caseNo,
    kind: c.kind,
    status: c.status,
    statusText: progressName(c.status),
    priority: c.priority,
    createdAt: c.createdAt,
    township: c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township.name ?? null : null,
    employer: c.wage?.employer ?? null,
    amount: c.wage?.amount ?? null,
    history: c.history,
  };
}
