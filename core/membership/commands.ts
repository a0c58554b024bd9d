import type { StaffRole } from '../directory/index.js';
import { unionsReviewedBy } from '../directory/index.js';
import { reviewerText, shortTime } from './texts.js';
import { approve, loadForReview, reject } from './review.js';
import { membersOf, type Membership } from './store.js';
import { registerStaffCommands, takeRecordNo, type StaffCommandContext } from '../staff/index.js';

/**
 * Membership review for union administrators: `通过 RH…`, `驳回 RH… 原因`,
 * `入会申请` (what waits for me) and `入会申请 RH…` (one application). The
 * staff API (api/membership.ts) calls the same functions.
 */

/** Roles that may review membership applications; the application's union is checked as well. */
export const MEMBERSHIP_REVIEW_ROLES: StaffRole[] = ['union_reviewer', 'township_supervisor', 'district_supervisor'];

export async function approveByStaff(ctx: StaffCommandContext, appNo: string | null): Promise<Membership> {
  const m = await loadForReview(ctx.core, ctx.staff.staff.id, appNo);
  return approve(ctx.core, m.id, ctx.staff.staff.id);
}

export async function rejectByStaff(ctx: StaffCommandContext, appNo: string | null, reason: string): Promise<Membership> {
  const m = await loadForReview(ctx.core, ctx.staff.staff.id, appNo);
  return reject(ctx.core, m.id, ctx.staff.staff.id, reason);
}

/** Applications this person may decide that are still waiting: assigned to them, or pending in a union they review. */
export async function waitingForReviewer(ctx: StaffCommandContext): Promise<Membership[]> {
  const members = membersOf(ctx.core);
  const mine = await members.waitingFor(ctx.staff.staff.id);
  return mine.sort((a, b) => Date.parse(a.reviewer!.deadline) - Date.parse(b.reviewer!.deadline));
}

export async function viewByStaff(ctx: StaffCommandContext, appNo: string | null): Promise<Membership> {
  return loadForReview(ctx.core, ctx.staff.staff.id, appNo);
}

registerStaffCommands(
  {
    names: ['通过'],
    usage: '通过 RH… —— 入会申请审核通过，会员卡自动发给申请人',
    roles: MEMBERSHIP_REVIEW_ROLES,
    async run(ctx, args) {
      const { no } = takeRecordNo(args);
      const m = await approveByStaff(ctx, no);
      return `已通过入会申请 ${m.appNo}，会员编号 ${m.memberNo}。电子会员卡已发给申请人。`;
    },
  },
  {
    names: ['驳回'],
    usage: '驳回 RH… 原因 —— 入会申请不通过，原因会告诉申请人',
    roles: MEMBERSHIP_REVIEW_ROLES,
    async run(ctx, args) {
      const { no, rest } = takeRecordNo(args);
      const m = await rejectByStaff(ctx, no, rest);
      return `已驳回入会申请 ${m.appNo}，已把原因告诉申请人，对方可以修改后重新提交。`;
    },
  },
  {
    names: ['入会申请'],
    usage: '入会申请 —— 列出等您审核的入会申请；入会申请 RH… 查看一份',
    roles: MEMBERSHIP_REVIEW_ROLES,
    async run(ctx, args) {
      const { no } = takeRecordNo(args);
      if (no) return reviewerText(ctx.core.config, ctx.core.directory.index(), await viewByStaff(ctx, no), ctx.staff.staff.id);
      const list = await waitingForReviewer(ctx);
      if (list.length === 0) {
        const unions = unionsReviewedBy(ctx.core.directory.index(), ctx.staff.staff.id).filter((u) => !u.asEscalation);
        return unions.length > 0 ? `现在没有等您审核的入会申请（${unions.map((u) => u.union.name).join('、')}）。` : '现在没有等您审核的入会申请。';
      }
      return `等您审核的入会申请（${list.length}份）：\n${list
        .slice(0, 20)
        .map((m) => `· ${m.appNo} ${m.applicant.name ?? ''} ${m.union.name}，期限${shortTime(m.reviewer!.deadline)}`)
        .join('\n')}\n回复「入会申请 编号」查看详情。`;
    },
  },
);
