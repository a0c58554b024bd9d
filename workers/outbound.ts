import { shortTime } from '../core/infra/time.js';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Case } from '../core/cases/store.js';
import type { Core } from '../core/context.js';
import type { DirectoryIndex } from '../core/directory/load.js';
import { bookingKeys } from '../core/legal-aid/store.js';
import { groupSummary } from '../core/cases/groups.js';
import { memberKeys } from '../core/membership/store.js';
import { reporterAssignedNotice, staffAssignedNotice, staffCaseText, staffCopiedNotice } from '../core/cases/texts.js';
import { unseal } from '../core/infra/privacy.js';
import { OutboundJob, isBookingNotice, isMembershipNotice, type OutboundName } from '../core/infra/queues.js';
import type { Reply } from '../core/infra/replies.js';
import { teamOf } from '../core/cases/routing.js';
import { sendBookingNotice } from './booking-notices.js';
import { sendMembershipNotice } from './membership.js';

interface RenderContext {
  core: Core;
  index: DirectoryIndex;
  c: Case;
  staffId: string | undefined;
  seq: number | undefined;
  phone: string | null;
}

const when = shortTime;

/** Reporter notices (to the chat they used) and staff notices, rendered from the record at send time. */
const REPORTER: Partial<Record<OutboundName, (r: RenderContext) => string>> = {
  'reporter-case-assigned': ({ index, c }) => reporterAssignedNotice(c, teamOf(index, c.assignee!.level, c.assignee!.staffId)),
  'reporter-update': ({ c, seq }) => {
    const h = c.history[seq ?? c.history.length - 1] ?? c.history.at(-1)!;
    return `您的案件 ${c.caseNo} 有新进展：${h.note}。回复「进度」可查看全部记录。`;
  },
  'reporter-message': ({ index, c, seq }) => {
    const r = c.replies[seq ?? c.replies.length - 1] ?? c.replies.at(-1)!;
    const team = c.assignee ? teamOf(index, c.assignee.level, c.assignee.staffId) : '工会';
    return `【${team}工作人员回复】关于 ${c.caseNo}：${r.text}`;
  },
  'reporter-survey': ({ c }) =>
    `您的案件 ${c.caseNo} 已经办结。您对处理结果满意吗？请回复「满意」「基本满意」或「不满意」。如果不满意，我们会请镇（街道）工会重新处理。`,
};

const STAFF: Partial<Record<OutboundName, (r: RenderContext) => string>> = {
  'staff-case-assigned': ({ index, c, staffId, phone }) => staffAssignedNotice(index, c, c.assignee?.staffId === staffId ? phone : null),
  'staff-case-copied': ({ index, c, phone }) =>
    staffCopiedNotice(index, c, c.assignee ? index.staffById.get(c.assignee.staffId)?.staff.name ?? '' : '', phone),
  'staff-accept-reminder': ({ c }) => `【催办】案件 ${c.caseNo} 还没有接单，请在${when(c.acceptBy)}前回复「接单 ${c.caseNo}」，超时将改派他人。`,
  'staff-resolve-reminder': ({ c }) => `【催办】案件 ${c.caseNo} 的办结期限是${when(c.resolveBy)}，请抓紧办理；办结请回复「办结 ${c.caseNo} 追回 金额」。`,
  'staff-overdue': ({ index, c }) => {
    const who = c.status === 'referred' ? '检察联络员' : index.staffById.get(c.assignee?.staffId ?? '')?.staff.name ?? '工作人员';
    return `【超期】案件 ${c.caseNo} 已超过${c.status === 'referred' ? '转检察答复' : '办结'}期限，负责人：${who}。请督促办理。`;
  },
  'staff-referral': ({ index, c, phone }) =>
    `【转检察】工会申请支持起诉，请在${when(c.referral?.decideBy ?? null)}前答复。\n理由：${c.referral?.reason ?? ''}\n${staffCaseText(index, c, { phone, isAssignee: true })}\n受理请回复「受理 ${c.caseNo}」，不予支持请回复「不予支持 ${c.caseNo} 理由」。`,
  'staff-referral-reminder': ({ c }) => `【催办】转检察案件 ${c.caseNo} 已超过答复期限，请尽快回复「受理 ${c.caseNo}」或「不予支持 ${c.caseNo} 理由」。`,
  'staff-referral-result': ({ c }) =>
    c.referral?.status === 'declined'
      ? `【检察答复】案件 ${c.caseNo} 检察机关暂不支持起诉：${c.referral.declineReason ?? ''}。案件回到您手上继续办理。`
      : `【检察结果】案件 ${c.caseNo}：${c.referral?.outcome ?? ''}。案件已办结。`,
};

/**
 * Outbound processor: renders the notice from the record at send time (job
 * data holds ids only, so no personal number sits in a queue) and sends it
 * through the first messenger that reaches the person, else the inbox.
 */
export function outboundProcessor(core: Core) {
  return async (job: Job) => {
    if (isMembershipNotice(job.name)) return sendMembershipNotice(core, job);
    if (isBookingNotice(job.name)) return sendBookingNotice(core, job);
    const parsed = OutboundJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid outbound job data: ${parsed.error.message}`);
    const { caseId, staffId, seq } = parsed.data;
    const c = await core.cases.get(caseId);
    if (!c) throw new UnrecoverableError(`case ${caseId} not found`);
    const index = core.directory.index();
    const name = job.name as OutboundName;
    const phone = c.reporter.phoneSealed ? unseal(core.config.DATA_KEY, c.reporter.phoneSealed) : null;
    const rc: RenderContext = { core, index, c, staffId, seq, phone };
    const text = (t: string): Reply[] => [{ type: 'text', text: t }];

    const toReporter = REPORTER[name];
    if (toReporter) {
      if (name === 'reporter-case-assigned' && !c.assignee) throw new Error(`case ${caseId} has no assignee yet`);
      const replies = text(toReporter(rc));
      const m = core.messengers.find((x) => x.canReachUser(c.reporter.userKey));
      await (m ? m.sendToUser(c.reporter.userKey, replies) : core.inbox.push(c.reporter.userKey, replies));
      return { to: 'reporter' };
    }
    const toStaff = STAFF[name];
    if (!toStaff) throw new UnrecoverableError(`unknown outbound job ${job.name}`);
    const staff = staffId ? index.staffById.get(staffId)?.staff : undefined;
    if (!staff) throw new UnrecoverableError(`staff ${staffId} not in directory`);
    let body = toStaff(rc);
    if (c.groupId && (name === 'staff-case-assigned' || name === 'staff-case-copied')) {
      const g = await groupSummary(core, c.groupId);
      body += `\n\n【群体欠薪】同一单位30天内共${g.reports}起反映，合计${g.headcount}人、${g.amount.toLocaleString('zh-CN')}元：${g.caseNos.join('、')}`;
    }
    const replies = text(body);
    const m = core.messengers.find((x) => x.canReachStaff(staff));
    if (m) await m.sendToStaff(staff, replies);
    else await core.inbox.push(`staff:${staff.id}`, replies);
    core.log.info({ caseId, staffId: staff.id, jobId: job.id, via: m ? 'wechat' : 'inbox' }, 'staff notified');
    return { to: staff.id };
  };
}

/**
 * After the last retry: the failure stays visible — on a case, in its
 * `deliveryFailures` (staff detail) and audit; on a membership application or
 * a booking, in its audit stream.
 */
export async function recordDeliveryFailure(core: Core, job: Job, reason: string): Promise<void> {
  const data = job.data as { applicationId?: unknown; bookingId?: unknown };
  const auditKey =
    typeof data.applicationId === 'string'
      ? memberKeys(core.keys.prefix).audit(data.applicationId)
      : typeof data.bookingId === 'string'
        ? bookingKeys(core.keys.prefix).audit(data.bookingId)
        : null;
  if (auditKey) {
    await core.redis.xAdd(auditKey, '*', {
      at: core.clock.now().toISOString(),
      actor: 'system:outbound',
      action: 'delivery-failed',
      detail: `${job.name} ${job.id}: ${reason.slice(0, 200)}`,
    });
    return;
  }
  const parsed = OutboundJob.safeParse(job.data);
  if (!parsed.success) return;
  const c = await core.cases.get(parsed.data.caseId);
  if (!c) return;
  await core.cases.update(c.id, 'system:outbound', (cur) => ({
    record: { ...cur, deliveryFailures: [...cur.deliveryFailures, { at: core.clock.now().toISOString(), job: job.name, reason: reason.slice(0, 200) }] },
    action: 'delivery-failed',
    detail: `${job.name} ${job.id}`,
  }));
}
