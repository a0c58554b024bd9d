import { stateMachine, type StateOf } from '../infra/states.js';

/**
 * The life of a case, in one table: its statuses, what staff and reporters
 * call each, and the moves allowed from it. Every change of status goes
 * through `moved` (routing, staff work, time limits, the reporter's
 * rating), so no path can make a move the table does not allow
 * (core/infra/states.ts).
 *
 * submitted (waiting for routing) → assigned (waiting for accept) →
 * accepted → referred (with the procuratorate) → [closing (the supervisor
 * approves the close of a group or construction case) →] resolved → closed.
 */
export const CASE_STATUSES = ['submitted', 'assigned', 'accepted', 'referred', 'closing', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const STATES: Record<CaseStatus, StateOf<CaseStatus> & { progress: string }> = {
  // A procurator turns a consultation into a 支持起诉 case (core/legal-aid/commands.ts): theirs from the start.
  submitted: { name: '待分派', progress: '已提交，正在分派', next: ['assigned', 'referred'] },
  // Declined or let lapse: back to routing.
  assigned: { name: '待接单', progress: '已分派，等待工作人员接单', next: ['accepted', 'submitted'] },
  accepted: { name: '办理中', progress: '工作人员已接单，正在处理', next: ['resolved', 'closing', 'referred', 'submitted'] },
  // Approved: resolved; returned by the supervisor: back to the assignee.
  closing: { name: '待审批', progress: '办理结果已报镇（街道）工会审核', next: ['resolved', 'accepted'] },
  // Not supported by the procuratorate: back to the union's assignee.
  referred: { name: '检察审查中', progress: '已转检察机关审查是否支持起诉', next: ['accepted', 'resolved'] },
  // 不满意 reopens: back to routing; 没收到 (the money did not arrive): back to the assignee.
  resolved: { name: '已办结', progress: '已办结', next: ['closed', 'submitted', 'accepted'] },
  closed: { name: '已结案', progress: '已结案', next: [] },
};

interface Stateful {
  caseNo: string;
  status: CaseStatus;
  history: { at: string; status: CaseStatus; note: string }[];
}

const machine = stateMachine<CaseStatus, Stateful>(STATES, (c, _to, what) => `案件 ${c.caseNo} 现在是「${STATES[c.status].name}」，不能${what}。`);

/** What staff call a status (`待接单`). */
export const statusName = machine.name;

/** What the reporter reads in 进度 (`已分派，等待工作人员接单`). */
export function progressName(s: CaseStatus): string {
  return STATES[s].progress;
}

export const canMove = machine.canMove;
/** Throws a 409 with a Chinese reason when the case may not move to `to`; `what` names the act (`接单`). */
export const assertMove = machine.assertMove.bind(machine);
/** The case moved to `to`, with the line the reporter reads in its history; refused (409) when the table does not allow it. */
export const moved = machine.moved.bind(machine);
/** A line in the history without a change of status (the procuratorate accepted: still referred; personal data erased). */
export const noted = machine.noted.bind(machine);
