import { shortTime } from '../infra/time.js';
import type { Config } from '../infra/config.js';
import type { DirectoryIndex } from '../directory/index.js';
import { membershipStatusText } from './state.js';
import type { Membership, Occupation } from './store.js';

export { membershipStatusText };
import { maskIdNumber, maskPhone, unseal } from '../infra/privacy.js';

/** Texts about membership applications, for applicants and reviewers. No ID number is ever shown in full. */

export const OCCUPATION_NAMES: Record<Occupation, string> = {
  truck_driver: '货车司机',
  courier: '快递员',
  food_delivery: '外卖配送员',
  ride_hailing: '网约车司机',
  domestic: '家政服务员',
  streamer: '网络主播',
  other: '其他',
};

export { shortTime };

export function workText(m: Membership): string {
  const e = m.employment;
  if (!e) return '';
  if (e.kind === 'employee') return `单位职工：${e.employer}`;
  const what = e.occupation === 'other' ? e.occupationText ?? '其他' : OCCUPATION_NAMES[e.occupation];
  return `新就业形态：${what}${e.platform ? `（${e.platform}）` : ''}`;
}

export function placeText(index: DirectoryIndex, p: { districtId: string; townshipId: string } | null): string {
  if (!p) return '';
  const district = index.directory.districts.find((d) => d.id === p.districtId)?.name ?? '';
  const township = index.townshipById.get(p.townshipId)?.township.name ?? '';
  return `${district}${township}`;
}

/** What the applicant sees about an application (进度, 我的会员卡 while pending or after a rejection). */
export function applicantStatusText(m: Membership): string {
  const head = `入会申请 ${m.appNo}（${m.union.name}）\n状态：${membershipStatusText(m.status)}`;
  const steps = m.history.map((h) => `  ${shortTime(h.at)} ${h.note}`).join('\n');
  let tail = '';
  if (m.status === 'pending' && m.reviewer) tail = `\n预计${shortTime(m.reviewer.deadline)}前有审核结果。`;
  if (m.status === 'rejected') tail = '\n回复「我要入会」可以修改后重新提交，上次填写的内容会自动带出。';
  return `${head}\n${steps}${tail}`;
}

/**
 * The application as a reviewer reads it. The ID number is always masked;
 * the phone is complete only for the assigned reviewer, who may have to call.
 */
export function reviewerText(config: Config, index: DirectoryIndex, m: Membership, viewerId: string): string {
  const a = m.applicant;
  const id = a.idSealed ? maskIdNumber(unseal(config.DATA_KEY, a.idSealed)) : '（已删除）';
  const phone = a.phoneSealed ? unseal(config.DATA_KEY, a.phoneSealed) : null;
  const lines = [
    `申请编号：${m.appNo}`,
    `申请加入：${m.union.name}`,
    `姓名：${a.name ?? '（已删除）'}`,
    `身份证号：${id}`,
    `手机：${phone ? (m.reviewer?.staffId === viewerId ? phone : maskPhone(phone)) : '（已删除）'}`,
    workText(m),
  ];
  if (m.employment?.kind === 'employee' && m.employment.workplace) lines.push(`单位所在地：${placeText(index, m.employment.workplace)}`);
  if (m.place) lines.push(`${m.place.kind === 'hukou' ? '户籍地' : '常住地'}：${placeText(index, m.place)}`);
  if (m.previousAppNo) lines.push(`（上次申请 ${m.previousAppNo} 未通过，这是修改后重新提交的）`);
  if (m.phoneSharedWith.length > 0) {
    lines.push(`⚠ 这个手机号已被其他会员（会员编号 ${m.phoneSharedWith.join('、')}）登记使用，请核实是否本人，不要合并。`);
  }
  lines.push(`状态：${membershipStatusText(m.status)}`);
  if (m.status === 'pending' && m.reviewer) lines.push(`审核期限：${shortTime(m.reviewer.deadline)}前`);
  if (m.decision?.reason) lines.push(`驳回原因：${m.decision.reason}`);
  if (m.memberNo) lines.push(`会员编号：${m.memberNo}`);
  return lines.filter(Boolean).join('\n');
}

export function reviewerAssignedNotice(config: Config, index: DirectoryIndex, m: Membership, staffId: string): string {
  const head = m.reviewer?.escalated ? '【入会申请·超时转交】原审核人未按时处理，现转给您审核。' : '【入会申请】有一份新的入会申请，请审核。';
  return `${head}\n${reviewerText(config, index, m, staffId)}\n\n通过请回复：通过 ${m.appNo}\n驳回请回复：驳回 ${m.appNo} 原因`;
}

export function reviewerReminderNotice(m: Membership): string {
  return `【催办】入会申请 ${m.appNo}（${m.applicant.name ?? ''}）还没有审核，期限是${shortTime(m.reviewer!.deadline)}。\n通过请回复：通过 ${m.appNo}\n驳回请回复：驳回 ${m.appNo} 原因`;
}

export function rejectedNotice(m: Membership): string {
  return (
    `很抱歉，您的入会申请 ${m.appNo} 没有通过${m.union.name}的审核。\n原因：${m.decision?.reason ?? ''}\n` +
    '回复「我要入会」可以修改后重新提交，上次填写的内容会自动带出，只需改有问题的部分。'
  );
}

export function approvedNotice(m: Membership): string {
  return `恭喜您！您的入会申请 ${m.appNo} 已通过${m.union.name}的审核，欢迎加入工会！下面是您的电子会员卡：`;
}
