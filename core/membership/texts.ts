import { shortTime } from '../infra/time.js';
import type { Config } from '../infra/config.js';
import type { DirectoryIndex } from '../directory/index.js';
import { membershipStatusText } from './state.js';
import type { Membership, Occupation, RiderType } from './store.js';

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

export const RIDER_TYPE_NAMES: Record<RiderType, string> = { dedicated: '专送', crowd: '众包' };

export { shortTime };

export function workText(m: Membership): string {
  const e = m.employment;
  if (!e) return '';
  if (e.kind === 'employee') return `单位职工：${e.employer}`;
  const what = e.occupation === 'other' ? e.occupationText ?? '其他' : OCCUPATION_NAMES[e.occupation];
  const how = [e.platform, e.riderType ? RIDER_TYPE_NAMES[e.riderType] : null].filter(Boolean).join('，');
  return `新就业形态：${what}${how ? `（${how}）` : ''}`;
}

/** What the applicant confirms before applying: the voluntary-joining declaration (中国工会章程, 总则 and 第一章). */
export const DECLARATION_LINES = ['我承认《中国工会章程》；', '我自愿加入工会；', '我愿意履行会员义务，按规定交纳会费。'];

/** Dues in general, before the union is known. */
export const DUES_IN_GENERAL =
  '会费一般是每月基本工资的0.5%（例如基本工资3000元，每月15元），通常由单位工会从工资里代扣；新就业形态劳动者的会费按所在工会规定，有的减免或少交。';

/**
 * Dues (会费) in plain words for a member of this union: 0.5% of the monthly
 * basic wage, deducted by an enterprise union; for the district's
 * 新业态工会联合会 and township unions, what the union decides (new-employment-
 * form workers may pay less or nothing). Union ids say the kind
 * (core/directory/unions.ts: `eu-`, `nef-`, `tu-`).
 */
export function duesText(m: Pick<Membership, 'union' | 'employment'>): string {
  const id = m.union.id;
  if (id.startsWith('eu-')) return '会费：每月交基本工资的0.5%（例如基本工资3000元，每月15元），一般由单位工会从工资里代扣，不用您自己去交。';
  if (id.startsWith('nef-')) return '会费：按所在工会规定。新就业形态劳动者的会费可能减免或少交，怎么交工会会告诉您。';
  if (m.employment?.kind === 'new_form') return '会费：按所在工会规定，新就业形态劳动者可能减免或少交，怎么交工会会告诉您。';
  return '会费：一般是每月基本工资的0.5%（例如基本工资3000元，每月15元），具体按所在工会规定，怎么交工会会告诉您。';
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
  if (m.declaredAt) lines.push(`入会声明：本人已确认承认《中国工会章程》、自愿入会、履行会员义务（${shortTime(m.declaredAt)}）`);
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
  return `恭喜您！您的入会申请 ${m.appNo} 已通过${m.union.name}的审核，欢迎加入工会！\n${duesText(m)}\n下面是您的电子会员卡：`;
}
