import type { Case } from './store.js';
import { ConflictError } from '../infra/errors.js';

type Status = Case['status'];

/** Allowed moves of a case; anything else is refused. */
const ALLOWED: Record<Status, Status[]> = {
  submitted: ['assigned'],
  assigned: ['accepted', 'submitted'],
  accepted: ['resolved', 'referred', 'submitted'],
  referred: ['accepted', 'resolved'],
  // Reopened (不满意) cases go back to routing.
  resolved: ['closed', 'submitted'],
  closed: [],
};

const NAMES: Record<Status, string> = {
  submitted: '待分派',
  assigned: '待接单',
  accepted: '办理中',
  referred: '检察审查中',
  resolved: '已办结',
  closed: '已结案',
};

export function statusName(s: Status): string {
  return NAMES[s];
}

export function canMove(from: Status, to: Status): boolean {
  return ALLOWED[from].includes(to);
}

/** Throws a 409 with a Chinese reason when the move is not allowed. */
export function assertMove(c: Case, to: Status, what: string): void {
  if (!canMove(c.status, to)) {
    throw new ConflictError('invalid_transition', `案件 ${c.caseNo} 现在是「${NAMES[c.status]}」，不能${what}。`);
  }
}
