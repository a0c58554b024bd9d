/**
 * What people read about legal-aid bookings: the worker's confirmation,
 * list and reminders, and the provider's notices and agenda. Plain
 * Simplified Chinese; phone numbers appear in full only to the provider, who
 * has to call back.
 */
import { STATUS_NAMES, type Award, type Booking, type Hearing, type Matter } from './store.js';
import type { Case } from '../cases/index.js';
import type { DirectoryIndex } from '../directory/index.js';
import type { ConsultMode, Directory, HelpKind, ServicePoint } from '../directory/index.js';
import { maskPhone } from '../infra/privacy.js';
import { addDays, chinaDay, chinaTime, dayLabel } from './slots.js';
import { yuan } from '../infra/money.js';

export const MATTER_NAMES: Record<Matter, string> = { wage: '欠薪', injury: '工伤', contract: '劳动合同', social_insurance: '社保', other: '其他' };
export const HELP_NAMES: Record<HelpKind, string> = { lawyer: '工会律师咨询', procurator: '检察官面对面（支持起诉咨询）' };
export const HELP_SHORT: Record<HelpKind, string> = { lawyer: '工会律师咨询', procurator: '检察官面对面' };
export const MODE_NAMES: Record<ConsultMode, string> = { in_person: '到服务点面谈', phone: '电话咨询', video: '视频咨询' };
export const POINT_KIND_NAMES: Record<ServicePoint['kind'], string> = { union_station: '工会驿站', rights_station: '维权联络站', legal_aid_station: '法律援助工作站' };

/**
 * Formal legal aid, for a lawyer's consultation: the consultation is advice;
 * a lawyer who represents the worker is applied for at the legal aid centre
 * (the flow explains it in full: flows/legal-aid.ts `legalAidNote`).
 */
export const FORMAL_AID_LINE =
  '提醒：这次是免费咨询。需要律师代理您仲裁或打官司的，可以向法律援助中心申请法律援助（农民工讨薪、工伤赔偿不用审查经济困难条件），咨询时律师会告诉您怎么申请，也可以拨打12348问。';

/** For a procurator's consultation: when the procuratorate supports a suit, and that it does not sue for the worker. */
export const SUPPORT_SUIT_LINE =
  '关于支持起诉：检察机关支持的是自己打官司有困难的弱势一方（例如被拖欠工资的农民工），案子要是民事纠纷、在检察机关支持起诉的范围内；检察机关支持您起诉，不替您起诉，原告还是您本人。符不符合，检察官面谈时会帮您判断。';

/** A hearing told of whose (first possible) day is within this many days of `today` makes the booking urgent. */
export const HEARING_SOON_DAYS = 7;

/** A hearing (or arbitration) day that may fall within HEARING_SOON_DAYS of `today` (`YYYY-MM-DD`), and is not past. */
export function hearingSoon(h: Pick<Hearing, 'from' | 'to'> | null | undefined, today: string): boolean {
  return !!h && h.to >= today && h.from <= addDays(today, HEARING_SOON_DAYS);
}

/**
 * Where a day (`YYYY-MM-DD`) falls against a hearing told of: before it; on its day; after it; or, when only the
 * week was said (`下周开庭`), within those days (it may be after the hearing). Null: no hearing, or before it.
 */
export function againstHearing(day: string, h: Pick<Hearing, 'from' | 'to'> | null | undefined): 'same' | 'after' | 'maybe' | null {
  if (!h || day < h.from) return null;
  if (day > h.to) return 'after';
  return h.from === h.to ? 'same' : 'maybe';
}

/** How a time against the hearing is marked where it is offered or shown: `（开庭当天）`, `（开庭之后）`. */
export const AGAINST_HEARING: Record<'same' | 'after' | 'maybe', string> = { same: '开庭当天', after: '开庭之后', maybe: '可能在开庭之后' };

/** Why a booking is urgent: the limits that end within 7 days (the arbitration limit, applying for work-injury recognition), a hearing within 7 days. */
export function urgentReasons(b: Pick<Booking, 'urgent' | 'limitEndsOn' | 'injury'> & Partial<Pick<Booking, 'hearing' | 'createdAt' | 'history'>>): string[] {
  if (!b.urgent) return [];
  const injury = b.injury?.urgent ? b.injury.limitEndsOn : null;
  // The day `urgent` was reckoned: booked, or last rescheduled.
  const at = b.history?.findLast((h) => h.status === 'booked')?.at ?? b.createdAt;
  const booked = at ? chinaDay(new Date(at)) : null;
  const hearing = !!booked && hearingSoon(b.hearing, booked);
  // The booking is urgent for its arbitration limit unless only the injury limit (or the hearing) made it so;
  // with both limits, the arbitration limit counts when it ends no later than the urgent injury one; with a
  // hearing soon, when it ended within 7 days of the booking.
  const arbitration = b.limitEndsOn !== null && (!injury || b.limitEndsOn <= injury) && (!hearing || b.limitEndsOn <= addDays(booked!, 7));
  return [...(arbitration ? ['仲裁时效'] : []), ...(injury ? ['工伤认定申请期限'] : []), ...(hearing ? ['开庭日期'] : [])];
}

const AWARD_DOCS: Record<NonNullable<Award['doc']>, string> = { award: '裁决书', judgment: '判决书', mediation: '调解书' };

/** An award or judgment the worker told of, as said back and as staff read it: `还没有裁决或判决`, `有判决书，对方没有全部给`. */
export function awardText(v: Award): string {
  return v.state === 'none' ? '还没有裁决或判决' : `有${v.doc ? AWARD_DOCS[v.doc] : ''}，${v.state === 'paid' ? '钱已经给了' : '对方没有全部给'}`;
}

/** A lawyer is not chosen: the one on duty at the time booked receives the worker. */
export const NO_CHOOSING_LAWYER = '预约不能指定律师，由您约的那个时间值班的律师接待，预约成功后会告诉您是哪位律师。';

/** What to bring (issue 4): the papers a lawyer or procurator asks for first (for unpaid wages: `whatToBring`). */
export const WHAT_TO_BRING = '身份证；劳动合同（没有的话，工牌、工作服、考勤记录也能证明在那里干活）；工资条或银行流水；欠条、聊天记录、录音等证据。';

/** The papers to bring for a booking's matter: the wage list, or what the matter needs in its place. */
export function whatToBring(matter: Matter): string {
  const work = '身份证；劳动合同（没有的话，工牌、工作服、考勤记录也能证明在那里干活）；';
  switch (matter) {
    case 'wage':
      return WHAT_TO_BRING;
    case 'injury':
      return `${work}病历、诊断证明和医药费票据；受伤经过的照片、视频或工友的联系方式；工伤已经认定的，带上认定书。`;
    case 'contract':
      return `${work}工资条或银行流水；辞退通知、聊天记录、录音等证据。`;
    case 'social_insurance':
      return `${work}工资条或银行流水；社保缴费记录（可以在社保APP或社保局查）。`;
    case 'other':
      return `${work}和这件事有关的聊天记录、照片、单据等。`;
  }
}

/** The materials line of a booking: `请带上：…`, or for a call or video what to have at hand. */
export function bringLine(b: Pick<Booking, 'mode' | 'matter'>): string {
  return b.mode === 'in_person' ? `请带上：${whatToBring(b.matter)}` : `请提前准备好（咨询时可能要拍照发给对方看）：${whatToBring(b.matter)}`;
}

export function pointOf(directory: Directory, pointId: string): ServicePoint | undefined {
  for (const d of directory.districts) {
    const p = d.servicePoints.find((x) => x.id === pointId);
    if (p) return p;
  }
  return undefined;
}

/** `11月24日（周二）09:00-09:30` of a booked slot. */
export function whenText(slot: { start: string; end: string }): string {
  const start = new Date(slot.start);
  return `${dayLabel(chinaDay(start))} ${chinaTime(start)}-${chinaTime(new Date(slot.end))}`;
}

export function providerText(index: DirectoryIndex, staffId: string, help: HelpKind): string {
  const name = index.staffById.get(staffId)?.staff.name ?? '';
  return help === 'lawyer' ? `${name}（工会律师）` : `${name}（检察官）`;
}

/** Where or how the consultation happens. */
export function placeLines(index: DirectoryIndex, b: Pick<Booking, 'mode' | 'slot'>, phone: string | null, forProvider = false): string[] {
  const point = pointOf(index.directory, b.slot.pointId);
  if (b.mode === 'in_person') {
    return [`地点：${point?.name ?? ''}`, `地址：${point?.address ?? ''}${point?.phone ? `（电话 ${point.phone}）` : ''}`];
  }
  if (forProvider) return [b.mode === 'phone' ? `方式：电话咨询，请您按时拨打对方手机` : '方式：视频咨询，请您按时发起视频通话'];
  const number = phone ? maskPhone(phone) : '您留的手机';
  return b.mode === 'phone'
    ? [`方式：电话咨询，到时会拨打您的手机 ${number}，请保持畅通`]
    : [`方式：视频咨询，到时会通过微信视频或电话（${number}）联系您`];
}

/** How to change or cancel: `来不了` only for a meeting someone comes to; a call or a video is not come to. */
export function changeLine(b: Pick<Booking, 'mode' | 'bookingNo'>): string {
  return b.mode === 'in_person'
    ? `来不了请回复「取消预约 ${b.bookingNo}」，改时间请回复「改约 ${b.bookingNo}」。`
    : `时间不方便请回复「改约 ${b.bookingNo}」，不需要了请回复「取消预约 ${b.bookingNo}」。`;
}

/** The confirmation after 确认. */
export function bookingConfirmation(index: DirectoryIndex, b: Booking, phone: string | null, rescheduled = false): string {
  const lines = [
    rescheduled ? `改约成功！预约号仍是 ${b.bookingNo}，原来的时间已取消。` : `预约成功！您的预约号是 ${b.bookingNo}。`,
    `时间：${whenText(b.slot)}`,
    `内容：${HELP_NAMES[b.help]}（${MATTER_NAMES[b.matter]}）`,
    ...placeLines(index, b, phone),
    `接待：${providerText(index, b.slot.staffId, b.help)}`,
  ];
  const urgent = urgentReasons(b);
  if (urgent.length > 0) lines.push(`已标为加急：您的${urgent.join('和')}快到了，接待人员会优先处理。`);
  lines.push(
    bringLine(b),
    b.help === 'procurator' ? SUPPORT_SUIT_LINE : FORMAL_AID_LINE,
    '我们会在前一天晚上和开始前1小时提醒您。',
    `${changeLine(b)}回复「我的预约」可以查看。`,
  );
  return lines.join('\n');
}

/** One booking in 我的预约. */
export function bookingLine(index: DirectoryIndex, b: Booking): string {
  const point = pointOf(index.directory, b.slot.pointId);
  const where = b.mode === 'in_person' ? point?.name ?? '' : MODE_NAMES[b.mode];
  return `${b.bookingNo}  ${whenText(b.slot)}\n  ${HELP_SHORT[b.help]} · ${where} · ${STATUS_NAMES[b.status]}${b.urgent && b.status === 'booked' ? ' · 加急' : ''}`;
}

export function bookingList(index: DirectoryIndex, list: readonly Booking[], now: Date): string {
  if (list.length === 0) return '您还没有预约。回复「3」或「预约法律援助」可以预约律师或检察官。';
  const upcoming = list.filter((b) => b.status === 'booked' && Date.parse(b.slot.end) > now.getTime());
  const others = list.filter((b) => !upcoming.includes(b)).slice(0, 5);
  const parts: string[] = [];
  if (upcoming.length > 0) {
    parts.push(`您的预约：\n${upcoming.sort((a, b) => a.slot.start.localeCompare(b.slot.start)).map((b) => bookingLine(index, b)).join('\n')}`);
    parts.push(`取消请回复「取消预约 预约号」，改时间请回复「改约 预约号」，例如「改约 ${upcoming[0]!.bookingNo}」。`);
  } else {
    parts.push('您现在没有待参加的预约。');
  }
  if (others.length > 0) parts.push(`以前的预约：\n${others.map((b) => bookingLine(index, b)).join('\n')}`);
  return parts.join('\n\n');
}

/** The reminder the evening before and one hour before. */
export function reminderText(index: DirectoryIndex, b: Booking, kind: 'day-before' | 'hour-before', phone: string | null): string {
  const start = new Date(b.slot.start);
  const head =
    kind === 'day-before'
      ? `【预约提醒】您明天（${dayLabel(chinaDay(start))}）${chinaTime(start)} 有${HELP_SHORT[b.help]}，预约号 ${b.bookingNo}。`
      : `【预约提醒】您的${HELP_SHORT[b.help]}1小时后（${chinaTime(start)}）开始，预约号 ${b.bookingNo}。`;
  const lines = [head, ...placeLines(index, b, phone)];
  if (b.mode === 'in_person') lines.push(bringLine(b));
  lines.push(changeLine(b));
  return lines.join('\n');
}

/** Whom a booking made for someone else is for (`为父亲预约`), as its provider reads it. */
export function forWhomLine(forWhom: string): string {
  return `咨询人：预约人的${forWhom === '他人' ? '亲友（他人）' : forWhom}，本人到场；联系人和电话是预约人的`;
}

/** A hearing (or arbitration) day told of, as staff read it: the day (or the days of the week said), and the words said. */
export function hearingText(h: Hearing): string {
  return `${hearingDays(h)}（本人说「${h.said}」）`;
}

/** A hearing's day, or the days it falls in (`12月7日（周一）至12月13日（周日）之间`), as the worker confirms it. */
export function hearingDays(h: Pick<Hearing, 'from' | 'to'>): string {
  return h.from === h.to ? dayLabel(h.from) : `${dayLabel(h.from)}至${dayLabel(h.to)}之间`;
}

/** The provider's view of one booking: the full phone number (they call back). */
export function providerBookingText(index: DirectoryIndex, b: Booking, phone: string | null, linked: Case | null): string {
  const lines = [
    `预约号：${b.bookingNo}${b.urgent ? '（加急）' : ''}`,
    `时间：${whenText(b.slot)}`,
    `内容：${HELP_NAMES[b.help]}，事项：${MATTER_NAMES[b.matter]}`,
    ...(b.forWhom ? [forWhomLine(b.forWhom)] : []),
    ...placeLines(index, b, phone, true),
  ];
  const urgent = urgentReasons(b);
  if (b.limitEndsOn) lines.push(`仲裁时效：${b.limitEndsOn}截止${urgent.includes('仲裁时效') ? '，7天内到期，请优先处理' : ''}`);
  if (b.hearing) {
    // Soon (within 7 days of booking): said to be seen to first; a time booked on or after the hearing day: said.
    const soon = urgent.includes('开庭日期') ? '，7天内开庭，请优先处理' : '';
    const at = againstHearing(chinaDay(new Date(b.slot.start)), b.hearing);
    lines.push(`开庭/仲裁：${hearingText(b.hearing)}${soon}${at ? `；约的时间在${AGAINST_HEARING[at]}` : ''}`);
  }
  // What was already decided (the award question): the lawyer's first thing to know (unpaid: enforcement, not a new claim).
  if (b.award) lines.push(`裁决或判决：${awardText(b.award)}`);
  if (b.injury?.recognized) lines.push('工伤认定：已经认定');
  else if (b.injury?.on) {
    lines.push(`工伤认定：${b.injury.on}受伤，本人申请期限${b.injury.limitEndsOn ?? ''}截止${b.injury.urgent ? '，7天内到期，请优先处理' : ''}`);
  }
  if (linked) {
    const w = linked.wage;
    lines.push(`关联案件：${linked.caseNo}${w ? `（${w.employer}，拖欠${yuan(w.amount)}，${w.headcount.count}人）` : ''}`);
  }
  lines.push(`联系人：${b.contact.name ?? '（已删除）'}`, `电话：${phone ?? '（已删除）'}`);
  return lines.join('\n');
}

function providerActions(b: Booking): string {
  const refer = b.help === 'procurator' ? `，需要支持起诉回复「转支持起诉 ${b.bookingNo}」` : '';
  return `见面后回复「完成 ${b.bookingNo}」，对方没来回复「爽约 ${b.bookingNo}」${refer}。`;
}

export function providerNewNotice(index: DirectoryIndex, b: Booking, phone: string | null, linked: Case | null): string {
  return `【新预约】${b.urgent ? '【加急】' : ''}有人预约了您的${HELP_SHORT[b.help]}。\n${providerBookingText(index, b, phone, linked)}\n${providerActions(b)}`;
}

export function providerMovedNotice(index: DirectoryIndex, b: Booking, phone: string | null, linked: Case | null): string {
  const from = b.previous ? `由${whenText(b.previous)}改到${whenText(b.slot)}` : `改到${whenText(b.slot)}`;
  return `【改约】预约 ${b.bookingNo} ${from}。\n${providerBookingText(index, b, phone, linked)}\n${providerActions(b)}`;
}

export function providerMovedAwayNotice(b: Booking): string {
  return `【改约】预约 ${b.bookingNo}${b.previous ? `（原定${whenText(b.previous)}）` : ''}已改到其他时间，由其他人员接待，您不用再等了。`;
}

export function providerCancelledNotice(b: Booking): string {
  return `【取消】预约 ${b.bookingNo}（${whenText(b.slot)}）已被本人取消，这个时间空出来了。`;
}

export function noShowText(b: Booking): string {
  return `您预约的${HELP_SHORT[b.help]}（${whenText(b.slot)}，预约号 ${b.bookingNo}）没有等到您。如果还需要帮助，回复「预约法律援助」可以重新预约，或回复「人工」找工作人员。`;
}

/** The provider's morning agenda (or 今日预约). */
export function agendaText(index: DirectoryIndex, day: string, list: readonly Booking[], phoneOf: (b: Booking) => string | null): string {
  const active = list.filter((b) => b.status !== 'cancelled');
  if (active.length === 0) return `【今日预约】${dayLabel(day)}您没有预约。`;
  const lines = active.map((b, i) => {
    const start = new Date(b.slot.start);
    const where = b.mode === 'in_person' ? pointOf(index.directory, b.slot.pointId)?.name ?? '' : MODE_NAMES[b.mode];
    const state = b.status === 'booked' ? '' : `【${STATUS_NAMES[b.status]}】`;
    return `${i + 1}. ${chinaTime(start)}-${chinaTime(new Date(b.slot.end))} ${where} ${b.contact.name ?? ''} ${phoneOf(b) ?? ''} ${MATTER_NAMES[b.matter]}${b.forWhom ? `（为${b.forWhom}预约）` : ''}${b.urgent ? '【加急】' : ''}${state}${b.hearing ? `\n   开庭/仲裁：${hearingText(b.hearing)}` : ''}\n   预约号 ${b.bookingNo}`;
  });
  return `【今日预约】${dayLabel(day)}，共${active.length}个：\n${lines.join('\n')}\n见面后回复「完成 预约号」，对方没来回复「爽约 预约号」。`;
}
