import type { Core } from '../context.js';
import type { Staff } from '../directory/index.js';
import { reviewsFor, unionById, type Union } from '../directory/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../infra/errors.js';
import { shortTime } from './texts.js';
import type { IndexOp } from '../infra/records.js';
import { noticeMember, outboxOp, wakeOutbox } from '../infra/outbox.js';
import { moved, noted } from './state.js';
import { membersOf, type Membership } from './store.js';
import { dutyOverrides } from '../staff/index.js';
import { acceptClockStart, acceptDeadline, reminderAt, workingTimeOf } from '../cases/index.js';
import { cancelAllMembershipTimers, cancelMembershipTimers, membershipTimerOp } from './timers.js';

/**
 * Reviewing membership applications: who reviews (routing to the union's
 * reviewer, reassignment when a deadline lapses, escalation to the district
 * union), and the decision itself. The WeChat commands (`通过 RH…`,
 * `驳回 RH… 原因`) and the staff API both call `approve`/`reject` here, so one
 * set of checks applies. Refusals are AppErrors with a Chinese message (404
 * unknown, 403 not this reviewer's union, 409 already decided, 400 bad input).
 */

const MAX_REASON = 200;

/** Whether `staffId` may decide this application: its union's reviewers, the current assignee, the district union once escalated. */
export function mayDecide(core: Core, staffId: string, m: Membership): boolean {
  if (m.reviewer?.staffId === staffId) return true;
  const union = unionById(core.directory.index(), m.union.id);
  return union ? reviewsFor(union, staffId, m.reviewer?.escalated ?? false) : false;
}

/** The application `appNo`, if this reviewer may see it. */
export async function loadForReview(core: Core, staffId: string, appNo: string | null): Promise<Membership> {
  if (!appNo) throw new ValidationError('appNo', '请写上申请编号，例如：通过 RH20261121-0001');
  const m = await membersOf(core).getByNo(appNo);
  if (!m) throw new NotFoundError(`没有找到入会申请 ${appNo}，请核对编号。`);
  if (!mayDecide(core, staffId, m)) throw new ForbiddenError(`入会申请 ${appNo} 是交给${m.union.name}审核的，不归您审核。`);
  return m;
}

function assertPending(m: Membership): void {
  if (m.status === 'approved') {
    throw new ConflictError('already_approved', `入会申请 ${m.appNo} 已经审核通过了（会员编号 ${m.memberNo}，${shortTime(m.decision?.at ?? m.joinedAt ?? m.createdAt)}），不用重复操作。`);
  }
  if (m.status === 'rejected') {
    throw new ConflictError('already_rejected', `入会申请 ${m.appNo} 已经在${shortTime(m.decision?.at ?? m.createdAt)}驳回了，申请人修改后会重新提交。`);
  }
  if (m.status === 'erased') throw new ConflictError('erased', `申请人已删除个人信息，入会申请 ${m.appNo} 已失效。`);
}

/**
 * Approves: the next member number of the union, the phone index (for
 * duplicate flags), and the card to the applicant's chat (outbound queue).
 * `by` is a staff id, or `system:auto-approve`.
 */
export async function approve(core: Core, id: string, by: string): Promise<Membership> {
  const now = core.clock.now();
  const members = membersOf(core);
  const at = now.toISOString();
  const m = await members.update(id, by, (cur, memberNo) => {
    assertPending(cur);
    const auto = by === 'system:auto-approve';
    const ops: IndexOp[] = [];
    if (cur.applicant.phoneHash) ops.push({ op: 'sadd', key: members.keys.byPhone(cur.applicant.phoneHash), member: cur.id });
    if (cur.reviewer) ops.push({ op: 'zrem', key: members.keys.review(cur.reviewer.staffId), member: cur.id });
    ops.push(...cancelAllMembershipTimers(members.keys.timers(), cur));
    // The applicant's notice, with the write (the applications' outbox).
    ops.push(outboxOp(members.keys.outbox(), noticeMember('membership-decided', { applicationId: cur.id }), now));
    return {
      record: {
        ...moved(cur, 'approved', `${auto ? '已自动审核通过' : '审核通过'}，会员编号 ${memberNo}`, now),
        memberNo,
        joinedAt: at,
        decision: { at, by, reason: null },
      },
      action: 'approved',
      detail: `by:${by} memberNo:${memberNo}`,
      assignMemberNo: true,
      ops,
    };
  });
  wakeOutbox(core);
  core.log.info({ module: 'membership', applicationId: m.id, appNo: m.appNo, memberNo: m.memberNo, by }, 'membership approved');
  return m;
}

export async function reject(core: Core, id: string, by: string, reasonText: string): Promise<Membership> {
  const now = core.clock.now();
  const reason = reasonText.trim();
  if (!reason) throw new ValidationError('reason', '驳回需要写明原因，申请人会看到它。例如：驳回 RH20261121-0001 姓名和身份证号对不上');
  if ([...reason].length > MAX_REASON) throw new ValidationError('reason', `原因太长了，请控制在${MAX_REASON}字以内`);
  const members = membersOf(core);
  const at = now.toISOString();
  const m = await members.update(id, by, (cur) => {
    assertPending(cur);
    const ops: IndexOp[] = [];
    if (cur.reviewer) ops.push({ op: 'zrem', key: members.keys.review(cur.reviewer.staffId), member: cur.id });
    // The ID number is free again: the person corrects and applies anew.
    if (cur.applicant.idHash) ops.push({ op: 'delifeq', key: members.keys.byId(cur.applicant.idHash), value: cur.id });
    ops.push(...cancelAllMembershipTimers(members.keys.timers(), cur));
    ops.push(outboxOp(members.keys.outbox(), noticeMember('membership-decided', { applicationId: cur.id }), now));
    return {
      record: { ...moved(cur, 'rejected', `未通过：${reason}`, now), decision: { at, by, reason } },
      // The reason is free text by staff: it stays in the record (erased with it), not in the audit stream.
      action: 'rejected',
      detail: `by:${by}`,
      ops,
    };
  });
  wakeOutbox(core);
  core.log.info({ module: 'membership', applicationId: m.id, appNo: m.appNo, by }, 'membership rejected');
  return m;
}

/**
 * Routes an application (assignment `seq`, 1 = first): approves at once for
 * an auto-approve union; otherwise picks the union's reviewer on duty with
 * the fewest applications waiting, skipping anyone who let this one lapse,
 * then the district union's reviewers; sets the same accept deadline as a
 * case, with the reminder and the deadline as timers in the same write
 * (timers.ts). Idempotent: an
 * assignment already made (same or later `seq`) is left alone.
 */
export async function assignReviewer(core: Core, id: string, seq: number): Promise<Membership | null> {
  const now = core.clock.now();
  const members = membersOf(core);
  const m = await members.get(id);
  if (!m || m.status !== 'pending') return null;
  if (m.reviewer && m.reviewer.seq >= seq) return m;
  const index = core.directory.index();
  const union: Union | undefined = unionById(index, m.union.id);

  if (seq === 1 && union?.autoApprove) return approve(core, id, 'system:auto-approve');

  const lapsedNow = m.reviewer && m.reviewer.seq === seq - 1 ? m.reviewer.staffId : null;
  const lapsed = new Set([...m.lapsed, ...(lapsedNow ? [lapsedNow] : [])]);
  const duty = await dutyOverrides(core);
  const eligible = (s: Staff) => (duty.get(s.id) ?? s.onDuty) && !lapsed.has(s.id);
  const escalation = union?.escalation ?? districtFallback(core, m.union.districtId);
  const tiers: { staff: Staff[]; escalated: boolean }[] = [
    { staff: (union?.reviewers ?? []).filter(eligible), escalated: false },
    { staff: escalation.filter(eligible), escalated: true },
    // Someone must own it: when everyone lapsed, the district union's reviewers count again.
    { staff: escalation, escalated: true },
  ];
  const tier = tiers.find((t) => t.staff.length > 0);
  if (!tier) throw new Error(`no reviewer for union ${m.union.id}`);
  let pick = tier.staff[0]!;
  let least = Infinity;
  for (const s of tier.staff) {
    const n = await members.waitingCount(s.id);
    if (n < least) {
      least = n;
      pick = s;
    }
  }
  const deadline = acceptDeadline(core.config, index.calendar, 'normal', now);
  const at = now.toISOString();
  const updated = await members.update(id, 'system:membership', (cur) => {
      if (cur.status !== 'pending' || (cur.reviewer && cur.reviewer.seq >= seq)) return null;
      const timers = members.keys.timers();
      const ops: IndexOp[] = [
        { op: 'zadd', key: members.keys.review(pick.id), score: deadline.getTime(), member: cur.id },
        // The reminder and the deadline with the assignment; the previous one's go, as does the check behind this routing.
        membershipTimerOp(timers, 'review-reminder', cur.id, seq, reminderAt(acceptClockStart(index.calendar, 'normal', now), deadline, workingTimeOf(index))),
        membershipTimerOp(timers, 'review-deadline', cur.id, seq, deadline),
        ...cancelMembershipTimers(timers, cur.id, seq, ['review']),
        ...(cur.reviewer ? cancelMembershipTimers(timers, cur.id, cur.reviewer.seq, ['review-reminder', 'review-deadline']) : []),
        // The reviewer's notice, with the assignment (the applications' outbox).
        outboxOp(members.keys.outbox(), noticeMember('membership-review', { applicationId: cur.id, staffId: pick.id, seq }), now),
      ];
      if (cur.reviewer && cur.reviewer.staffId !== pick.id) ops.unshift({ op: 'zrem', key: members.keys.review(cur.reviewer.staffId), member: cur.id });
      const note = seq === 1 ? `已交给${cur.union.name}审核` : tier.escalated ? '审核超时，已转交区总工会审核' : `审核超时，已转交${cur.union.name}其他工作人员审核`;
      return {
        record: {
          ...noted(cur, note, now),
          lapsed: [...lapsed],
          reviewer: { staffId: pick.id, assignedAt: at, deadline: deadline.toISOString(), seq, escalated: tier.escalated },
        },
        action: seq === 1 ? 'assigned' : 'reassigned',
        detail: `reviewer:${pick.id} seq:${seq}${tier.escalated ? ' escalated' : ''}${lapsedNow ? ` lapsed:${lapsedNow}` : ''}`,
        ops,
      };
    });
  if (updated.reviewer?.seq !== seq) return updated;
  // The assignment as written (a run that lost the race to another finds the other's pick); its notice was written with it.
  const reviewer = updated.reviewer;
  wakeOutbox(core);
  core.log.info({ module: 'membership', applicationId: id, reviewer: reviewer.staffId, seq, escalated: reviewer.escalated }, 'membership assigned');
  return updated;
}

/** District union reviewers when the union is gone from the directory. */
function districtFallback(core: Core, districtId: string): Staff[] {
  const d = core.directory.index().directory.districts.find((x) => x.id === districtId) ?? core.directory.index().directory.districts[0]!;
  return d.union.reviewers.length > 0 ? d.union.reviewers : d.supervisors.filter((s) => s.role === 'district_supervisor');
}
