import { ConflictError } from '../infra/errors.js';

/**
 * The life of a membership application, in one table: pending → approved
 * (a member, with a number) or rejected (the applicant applies anew);
 * erased is what is left after 删除我的信息. Every change of status goes
 * through `moved`.
 */
export const MEMBERSHIP_STATUSES = ['pending', 'approved', 'rejected', 'erased'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

const STATES: Record<MembershipStatus, { name: string; next: readonly MembershipStatus[] }> = {
  pending: { name: '审核中', next: ['approved', 'rejected', 'erased'] },
  approved: { name: '已通过', next: ['erased'] },
  rejected: { name: '未通过', next: ['erased'] },
  erased: { name: '已删除', next: [] },
};

export function membershipStatusText(s: MembershipStatus): string {
  return STATES[s].name;
}

interface Stateful {
  appNo: string;
  status: MembershipStatus;
  history: { at: string; status: MembershipStatus; note: string }[];
}

/** The application moved to `to`, with its history line; refused (409) when the table does not allow it. */
export function moved<M extends Stateful>(m: M, to: MembershipStatus, note: string, at: Date): M {
  if (!STATES[m.status].next.includes(to)) {
    throw new ConflictError('invalid_transition', `入会申请 ${m.appNo} 现在是「${STATES[m.status].name}」，不能改为「${STATES[to].name}」。`);
  }
  return { ...m, status: to, history: [...m.history, { at: at.toISOString(), status: to, note }] };
}

/** A line in the history without a change of status (assigned to a reviewer). */
export function noted<M extends Stateful>(m: M, note: string, at: Date): M {
  return { ...m, history: [...m.history, { at: at.toISOString(), status: m.status, note }] };
}
