import { yuan } from '../infra/money.js';
import { monthText, shortTime } from '../infra/time.js';
import type { Case } from './record.js';
import { teamOf } from './routing.js';
import { progressName } from './state.js';
import type { DirectoryIndex } from '../directory/index.js';
import { maskPhone } from '../infra/privacy.js';
import { isAudio } from './voice.js';

const PRIORITY: Record<Case['priority'], string> = { normal: '普通', high: '优先（群体欠薪）', urgent: '加急' };

function place(index: DirectoryIndex, c: Case): string {
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township.name : null;
  return [tw, c.location.community].filter(Boolean).join(' ') || '未说明';
}


/** The claimed amount as said: `28,500元`, `约200,000元`, `约20,000至30,000元`. */
export function claimedAmount(w: NonNullable<Case['wage']>): string {
  if (w.amountUpTo !== null) return `约${yuan(w.amount).replace(/元$/, '')}至${yuan(w.amountUpTo)}`;
  return `${w.amountApprox ? '约' : ''}${yuan(w.amount)}`;
}

/**
 * What a staff member reads about a case. The phone number is complete only
 * for the assignee, who has to call back; anyone else sees it masked.
 */
export function staffCaseText(index: DirectoryIndex, c: Case, opts: { phone: string | null; isAssignee: boolean }): string {
  const lines = [`案件编号：${c.caseNo}`];
  if (c.wage) {
    const w = c.wage;
    lines.push(
      c.kind === 'legal_aid' ? '类型：支持起诉（检察官面对面咨询后转来）' : `类型：反映欠薪`,
      `用人单位：${w.employer}${w.construction ? `（工程建设${w.project ? `：${w.project}` : ''}）` : ''}`,
      `地点：${place(index, c)}`,
      `金额：${claimedAmount(w)}${w.groupAmount !== null ? `（大家一共约${yuan(w.groupAmount)}）` : ''}`,
      `人数：${w.headcount.count}${w.headcount.approximate ? '多' : ''}人`,
      `拖欠时间：${monthText(w.period.start)}至${w.period.end ? monthText(w.period.end) : '今'}`,
      w.stillEmployed ? '在职情况：仍在职' : `在职情况：${w.leftSince ? monthText(w.leftSince) : ''}已离职${w.nearArbitrationLimit ? '（仲裁时效将到，请尽快处理）' : ''}`,
    );
    if (c.evidence.length > 0) lines.push(`证据材料：${c.evidence.length}份`);
  } else {
    const voices = c.evidence.filter(isAudio).length;
    lines.push(c.kind === 'legal_aid' ? '类型：支持起诉（检察官面对面咨询后转来）' : `类型：求助人工${voices > 0 ? '（语音留言）' : ''}`, `地点：${place(index, c)}`);
    if (c.enquiry?.question) lines.push(`问题：${c.enquiry.question}`);
    if (voices > 0) lines.push(`语音留言：${voices}条，请在案件详情中下载收听，${opts.phone ? '然后回电。' : '对方没留电话，请在对话里答复。'}`);
  }
  lines.push(`优先级：${PRIORITY[c.priority]}`);
  if (c.reporter.name) lines.push(`联系人：${c.reporter.name}`);
  if (opts.phone) lines.push(`电话：${opts.isAssignee ? opts.phone : maskPhone(opts.phone)}`);
  return lines.join('\n');
}

export function staffAssignedNotice(index: DirectoryIndex, c: Case, phone: string | null): string {
  const head = c.priority === 'normal' ? '【新案件】' : c.priority === 'urgent' ? '【加急案件】' : '【群体欠薪·优先】';
  return `${head}您有一件新案件，请尽快处理。\n${staffCaseText(index, c, { phone, isAssignee: true })}\n\n接单请回复：接单 ${c.caseNo}${c.kind === 'enquiry' ? `\n答复对方请发：回复 ${c.caseNo} 内容` : ''}`;
}

/** A supervisor's copy: the phone number masked, since they are not the one to call. */
export function staffCopiedNotice(index: DirectoryIndex, c: Case, assigneeName: string, phone: string | null): string {
  return `【抄送】${c.priority === 'urgent' ? '加急' : '群体欠薪'}案件已分派给${assigneeName}，请关注。\n${staffCaseText(index, c, { phone, isAssignee: false })}`;
}

export function reporterAssignedNotice(c: Case, team: string): string {
  return `您的案件 ${c.caseNo} 已交给${team}处理，工作人员会尽快联系您。回复「进度」可以随时查看。`;
}

/** The progress view (进度) of one case. */
export function progressText(index: DirectoryIndex, c: Case): string {
  const kind = c.kind === 'wage_arrears' ? '反映欠薪' : c.kind === 'enquiry' ? '人工求助' : c.kind === 'legal_aid' ? '支持起诉' : c.kind;
  const steps = c.history.map((h) => `  ${shortTime(h.at)} ${h.note}`).join('\n');
  return `${c.caseNo}（${kind}，${place(index, c)}）\n状态：${progressName(c.status)}\n${steps}`;
}

export type CaseNoticeName =
  | 'staff-case-assigned'
  | 'staff-case-copied'
  | 'reporter-case-assigned'
  | 'reporter-update'
  | 'reporter-survey'
  | 'reporter-message'
  | 'staff-accept-reminder'
  | 'staff-resolve-reminder'
  | 'staff-overdue'
  | 'staff-referral'
  | 'staff-referral-reminder'
  | 'staff-referral-result'
  | 'staff-enquiry-voice'
  | 'staff-enquiry-phone';

export interface NoticeContext {
  index: DirectoryIndex;
  c: Case;
  /** Who receives a staff notice. */
  staffId: string | undefined;
  /** Which history entry, reply or assignment the notice is about. */
  seq: number | undefined;
  /** The reporter's phone, unsealed: shown whole only to the assignee. */
  phone: string | null;
}

const NOTICES: Record<CaseNoticeName, (r: NoticeContext) => string> = {
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
  'staff-case-assigned': ({ index, c, staffId, phone }) => staffAssignedNotice(index, c, c.assignee?.staffId === staffId ? phone : null),
  'staff-case-copied': ({ index, c, phone }) => staffCopiedNotice(index, c, c.assignee ? (index.staffById.get(c.assignee.staffId)?.staff.name ?? '') : '', phone),
  'staff-accept-reminder': ({ c }) => `【催办】案件 ${c.caseNo} 还没有接单，请在${shortTime(c.acceptBy)}前回复「接单 ${c.caseNo}」，超时将改派他人。`,
  'staff-resolve-reminder': ({ c }) => `【催办】案件 ${c.caseNo} 的办结期限是${shortTime(c.resolveBy)}，请抓紧办理；办结请回复「办结 ${c.caseNo} 追回 金额」。`,
  'staff-overdue': ({ index, c }) => {
    const who = c.status === 'referred' ? '检察联络员' : (index.staffById.get(c.assignee?.staffId ?? '')?.staff.name ?? '工作人员');
    return `【超期】案件 ${c.caseNo} 已超过${c.status === 'referred' ? '转检察答复' : '办结'}期限，负责人：${who}。请督促办理。`;
  },
  'staff-referral': ({ index, c, phone }) =>
    `【转检察】工会申请支持起诉，请在${shortTime(c.referral?.decideBy ?? null)}前答复。\n理由：${c.referral?.reason ?? ''}\n${staffCaseText(index, c, { phone, isAssignee: true })}\n受理请回复「受理 ${c.caseNo}」，不予支持请回复「不予支持 ${c.caseNo} 理由」。`,
  'staff-referral-reminder': ({ c }) => `【催办】转检察案件 ${c.caseNo} 已超过答复期限，请尽快回复「受理 ${c.caseNo}」或「不予支持 ${c.caseNo} 理由」。`,
  'staff-referral-result': ({ c }) =>
    c.referral?.status === 'declined'
      ? `【检察答复】案件 ${c.caseNo} 检察机关暂不支持起诉：${c.referral.declineReason ?? ''}。案件回到您手上继续办理。`
      : `【检察结果】案件 ${c.caseNo}：${c.referral?.outcome ?? ''}。案件已办结。`,
  'staff-enquiry-voice': ({ c }) =>
    `【新语音】求助 ${c.caseNo} 的求助人又发来语音留言，现在一共${c.evidence.filter(isAudio).length}条。请在案件详情中下载收听。`,
  'staff-enquiry-phone': ({ c, staffId, phone }) =>
    phone
      ? `【补充电话】求助 ${c.caseNo} 的求助人留了手机号：${c.assignee?.staffId === staffId ? phone : maskPhone(phone)}。${c.evidence.some(isAudio) ? '听完语音后请回电。' : '请回电。'}`
      : `【补充电话】求助 ${c.caseNo} 的求助人已删除联系方式。`,
};

/** A notice about a case, rendered from the record when it is sent. */
export function caseNotice(name: CaseNoticeName, r: NoticeContext): string {
  return NOTICES[name](r);
}
