import { shortTime } from '../infra/time.js';
import type { Case } from './store.js';
import type { DirectoryIndex } from '../directory/load.js';
import { maskPhone } from '../infra/privacy.js';

const PRIORITY: Record<Case['priority'], string> = { normal: '普通', high: '优先（群体欠薪）', urgent: '加急' };
const STATUS: Record<Case['status'], string> = {
  submitted: '已受理，正在分派',
  assigned: '已分派，等待工作人员接单',
  accepted: '工作人员已接单，正在处理',
  referred: '已转检察机关审查是否支持起诉',
  resolved: '已办结',
  closed: '已结案',
};

export function statusText(s: Case['status']): string {
  return STATUS[s];
}

function place(index: DirectoryIndex, c: Case): string {
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township.name : null;
  return [tw, c.location.community].filter(Boolean).join(' ') || '未说明';
}

function month(m: string): string {
  const [y, mo] = m.split('-');
  return `${y}年${Number(mo)}月`;
}

function yuan(n: number): string {
  return `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
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
      `拖欠时间：${month(w.period.start)}至${w.period.end ? month(w.period.end) : '今'}`,
      w.stillEmployed ? '在职情况：仍在职' : `在职情况：${w.leftSince ? month(w.leftSince) : ''}已离职${w.nearArbitrationLimit ? '（仲裁时效将到，请尽快处理）' : ''}`,
    );
    if (c.evidence.length > 0) lines.push(`证据材料：${c.evidence.length}份`);
  } else {
    lines.push(c.kind === 'legal_aid' ? '类型：支持起诉（检察官面对面咨询后转来）' : `类型：求助人工`, `地点：${place(index, c)}`);
    if (c.enquiry?.question) lines.push(`问题：${c.enquiry.question}`);
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
  return `${c.caseNo}（${kind}，${place(index, c)}）\n状态：${statusText(c.status)}\n${steps}`;
}
