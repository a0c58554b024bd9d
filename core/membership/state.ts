import { stateMachine, type StateOf } from '../infra/states.js';

/**
 * The life of a membership application, in one table: pending → approved
 * (a member, with a number) or rejected (the applicant applies anew);
 * erased is what is left after 删除我的信息.
 */
export const MEMBERSHIP_STATUSES = ['pending', 'approved', 'rejected', 'erased'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

const STATES: Record<MembershipStatus, StateOf<MembershipStatus>> = {
  pending: { name: '审核中', next: ['approved', 'rejected', 'erased'] },
  approved: { name: '已通过', next: ['erased'] },
  rejected: { name: '未通过', next: ['erased'] },
  erased: { name: '已删除', next: [] },
};

const machine = stateMachine<MembershipStatus, { appNo: string; status: MembershipStatus; history: { at: string; status: MembershipStatus; note: string }[] }>(
  STATES,
  (m, to) => `入会申请 ${m.appNo} 现在是「${STATES[m.status].name}」，不能改为「${STATES[to].name}」。`,
);

export const membershipStatusText = machine.name;
export const moved = machine.moved.bind(machine);
export const noted = machine.noted.bind(machine);
