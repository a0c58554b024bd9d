/**
 * 预约法律援助: book a union lawyer's consultation or a face-to-face meeting
 * with a procurator about supported prosecution (支持起诉), at a service
 * point, by phone or by video. Flows are data; what is already booked comes
 * in through `ctx.booking` (loaded by the chat service), and the booking
 * itself is made atomically when the person confirms (flows/legal-aid-desk.ts).
 */
import { COMPOUND_SURNAMES, commonSurname } from './nlu/surnames.js';
import { workingDaysFrom, type Calendar } from '../core/infra/calendar.js';
import { z } from 'zod';
import { HELP_NAMES, HELP_SHORT, MATTER_NAMES, MODE_NAMES, NO_CHOOSING_LAWYER, POINT_KIND_NAMES } from '../core/legal-aid/index.js';
import { AGAINST_HEARING, AwardSchema, HearingSchema, MATTERS, MatterSchema, againstHearing, awardText, hearingDays, hearingSoon, type Award, type Hearing, type Matter } from '../core/legal-aid/index.js';
import { ConsultModeSchema, HelpKindSchema, matchTownship, type ConsultMode, type HelpKind, type ServicePoint } from '../core/directory/index.js';
import { maskPhone } from '../core/infra/privacy.js';
import {
  BOOKING_WORKING_DAYS,
  MIN_LEAD_MINUTES,
  addDays,
  chinaDay,
  dayLabel,
  nearestPoints,
  providersFor,
  resolveSlot,
  slotLabel,
  slotsOn,
  upcomingFreeSlots,
  weekdayOf,
  type ProviderAt,
  type Slot,
} from '../core/legal-aid/index.js';
import { showMonth } from './choices.js';
import { violence } from './safety.js';
import { PlaceSchema, TOWNSHIP_STUCK, defineFlow, type Result } from './define.js';
import { findPersonName, findPhone, findStillEmployed, nameAnswer } from './nlu/facts.js';
import { HEDGED_FIT, oneOf } from './nlu/choose.js';
import { yesNo } from './nlu/talk.js';

import { spokenLast } from './parsers/said-last.js';
import { parseChineseNumber } from './parsers/chinese-number.js';
import { DAY_MESSAGES, dayOfMonth, dayOfMonthNumber, expandDayShorthand, parseBookingWhen, parseDayTime, parsePastDay, vagueDaysSaid } from './parsers/day.js';
import { parseMonthDetailed, recentDaysSaid, type RecentDays } from './parsers/month.js';
import { communityTownshipAsk, findTownship, townshipName, type TownshipPlace } from './places.js';
import type { Choice, FlowContext, Option } from './types.js';
import { chinaTime, dayText } from '../core/infra/time.js';

export const LEGAL_FLOW_ID = 'legal';

/** Slots shown at once; `更多` pages on. */
export const SLOTS_PER_PAGE = 6;
/** When the coming working days are full, the list looks this far ahead instead. */
const WIDENED_WORKING_DAYS = 14;
/** A day or a time of day said as a wish for the appointment (`明天上午`, `下周一`, `周六可以吗`, `越快越好`). */
const WHEN_WORDS = /今天|明天|后天|下周|下个?星期|下个?礼拜|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|上午|下午|晚上|中午|(?<![\d路街道巷弄])\d{1,2}[号日点]|[一二三四五六七八九十]{1,3}[号点]|越快越好|尽快|越早越好|早点|什么时候|哪天|几点/u;
/** Whether words say when to meet (`下周二上午`, `明天`, `3号`): a wish for a time. */
export function saysWhen(t: string): boolean {
  return WHEN_WORDS.test(t);
}

/** One of the person's own bookings still to come, as the time question reads them (loaded with `ctx.booking`). */
export interface OwnBooking {
  bookingNo: string;
  slotKey: string;
}
/** What flows/legal-aid-desk.ts loads into `ctx.booking`: what is taken, the known contact, and the person's own bookings. */
export type BookingSnapshot = NonNullable<FlowContext['booking']> & { mine?: readonly OwnBooking[] };

/** The person's own bookings still to come (none when not loaded). */
function ownBookings(ctx: FlowContext): readonly OwnBooking[] {
  return (ctx.booking as BookingSnapshot | undefined)?.mine ?? [];
}

/** A claim whose arbitration limit (or work-injury recognition limit) ends within this many days is urgent (issue 4). */
export const URGENT_LIMIT_DAYS = 7;

/** Where the worker is (the district comes with the township). */
export type LegalPlace = z.infer<typeof PlaceSchema>;
const RecentDaysSchema = z.object({ said: z.string(), from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const LimitSchema = z.union([z.object({ employed: z.literal(true) }), z.object({ leftOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })]);
export type LimitAnswer = z.infer<typeof LimitSchema>;
/** A work injury: the day it happened (or the occupational disease was diagnosed), or recognised already. */
const InjuryAnswerSchema = z.union([z.object({ recognized: z.literal(true) }), z.object({ on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })]);
export type InjuryAnswer = z.infer<typeof InjuryAnswerSchema>;
const SlotSchema = z.object({
  key: z.string(),
  staffId: z.string(),
  pointId: z.string(),
  day: z.string(),
  time: z.string(),
  endTime: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.number().int(),
});

/**
 * Booking legal aid's answers. Besides the questions, some answers are never
 * asked: set when the flow is opened for a wage case (`linkedCaseId`,
 * `linkedCaseNo`, `linkedLeftMonth`) or to reschedule a booking
 * (`rescheduleOf`, `rescheduleNo`, `currentSlotKey`), and the slot list's
 * paging and filters (`slotFrom`, `slotDay`, `slotTo`, `slotPart`).
 */
export const LegalAnswers = z
  .object({
    consent: z.boolean(),
    matter: MatterSchema,
    /** Work-injury matters: when it happened, for the one-year recognition limit (null = skipped). */
    injury: InjuryAnswerSchema.nullable(),
    limit: LimitSchema.nullable(),
    award: AwardSchema.nullable(),
    /** A hearing (or arbitration) day said in passing (`下礼拜三开庭`): never asked, kept once confirmed (hearingSaid). */
    hearing: HearingSchema,
    help: HelpKindSchema,
    mode: ConsultModeSchema,
    place: PlaceSchema,
    point: z.string().nullable(),
    slot: SlotSchema,
    contactName: z.string(),
    phone: z.string().regex(/^1\d{10}$/),
    linkedCaseId: z.string(),
    linkedCaseNo: z.string(),
    linkedLeftMonth: z.string(),
    /** The linked case is work for a family or a private person: a civil matter, no arbitration limit to ask about. */
    linkedHousehold: z.boolean(),
    rescheduleOf: z.string(),
    /** The booking is for someone else (`帮我爸约个律师`): how they were called, politely (父亲, 爱人, 他人). */
    forWhom: z.string().max(8),
    rescheduleNo: z.string(),
    currentSlotKey: z.string(),
    /**
     * A reschedule asked for because the person cannot come that day (`周四去不了了`): that day is left out of the
     * slot list unless they name it themselves.
     */
    slotAvoid: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    slotFrom: z.string(),
    slotDay: z.string(),
    /** With `slotDay`, the last day of a range the list is narrowed to (`下周一到周三都行`). */
    slotTo: z.string(),
    /** The part of the day the slot list is narrowed to (`下午`, `后天上午`). */
    slotPart: z.enum(['morning', 'noon', 'afternoon', 'evening']),
    /** With `slotPart`, the hour the list starts at (`三点以后`: `15:00`). */
    slotAfter: z.string().regex(/^\d{2}:\d{2}$/),
    /**
     * `明天` said between 00:00 and 04:59 (the coming day or the next?): which day is asked at the time question.
     * `dayAfter`: `后天9点` said there then (which of the two days after), the time kept in `slotAt`.
     */
    slotNight: z.union([z.literal(true), z.literal('dayAfter')]),
    /**
     * The time said with the day (`明天9点`): with `slotNight`, kept for the day picked next; with `slotDay`
     * (said before the time question), that time is offered first there, to be picked (never booked unasked).
     */
    slotAt: z.string().regex(/^\d{2}:\d{2}$/),
    /** A month said alone at the leaving-day (or injury-day) question: `15号` next is a day of that month. */
    limitMonth: z.string().regex(/^\d{4}-\d{2}$/),
    /** They said they left (`走的`) but no day was understood: 还在干 is no longer offered for a bare 1. */
    limitLeft: z.literal(true),
    /**
     * Two or more matters named in a message before the matter question (`我被开除了 没给工资 想找律师`): that
     * question then asks which one to book, from those, as it does for such an answer (never one picked unasked).
     */
    mattersSaid: z.array(MatterSchema).min(2).max(4),
    /**
     * A surname said of themselves (`我姓张 想问下工伤的事`), no full name: no name to keep (张先生 or 张女士 is not
     * known), but offered at the contact question (a wish, never the name set unasked).
     */
    contactSurname: z.string().regex(/^\p{Script=Han}{1,2}$/u),
    injuryMonth: z.string().regex(/^\d{4}-\d{2}$/),
    /**
     * Days back said for that month (`前几天`, `上礼拜`): the days they reach. A day of the month said next
     * outside them (`前几天` then `1` on 1 December) is confirmed, never taken silently.
     */
    limitNear: RecentDaysSchema,
    injuryNear: RecentDaysSchema,
    /** A day of the month said alone first (`5`): the month is asked next, and the two make the day. */
    limitDay: z.number().int().min(1).max(31),
    injuryDay: z.number().int().min(1).max(31),
    /**
     * Notes held with a day said before the consent (`我12月5号摔伤了想找律师` on 1 December): it is not yet come this
     * year and was read as last year's, which is said at its 「…对吗？」 (readingSaid). No question takes them: never kept.
     */
    limitLastYear: z.literal(true),
    injuryLastYear: z.literal(true),
  })
  .partial();
export type LegalAnswers = z.infer<typeof LegalAnswers>;

/** The words naming each matter; `要钱` is money to get back, never the price asked (`要钱吗`, `要不要钱`). */
export const MATTER_WORDS: [RegExp, Matter][] = [
  // `老板不给我钱`, `干了活不给结账`, `老板一直拖着不发钱`, `老板跑路了`: pay withheld, in workers' words;
  // `被站长扣钱`, `乱扣钱`, `克扣`: pay deducted (`还说要扣我钱吓唬我`, a threat, and `身份证也被扣着`, papers held, are not).
  [/欠薪|工资|工钱|工前|薪水|拖欠|讨薪|欠钱|欠了?(?:我|我们)(?!.*(?:伤|合同|社保))|欠(?:我|我们)?(?:的)?钱|(?:不|没)(?:给|发)(?:我|我们)?(?:的)?钱|钱(?:不给|没给|没发|不发|没到手|没拿到)|(?:不给|没|不)结(?:账|钱)|拖着不给|(?:老板|包工头|工头)(?:跑路|跑了|卷款)|(?<![不免])要钱(?![吗么嘛不没])|血汗钱|钱的事|克扣|(?:乱|(?<!(?:身份证|证件|押金|保证金)[^，,。\s]{0,3})被[^，,。\s]{0,4})扣(?!押|留|住|证|身份)|(?<!要|会|威胁|吓唬我?)扣(?:了)?(?:我|我们|俺)?(?:的)?(?:钱|提成)|加班费|加班(?:的)?(?:钱|工资)/, 'wage'],
  // `手被机器压了`, `手被机器轧了`, `从架子上掉下来`, `腰扭了`, `手指头切掉了`: hurt at work, in workers' words (a body part said with it).
  [/工伤|受伤|伤残|摔伤|砸伤|弄伤|伤了|伤到|摔下来|摔了|摔断|断腿|断手|骨折|(?<![交缴停保费]|突然)断了|烫伤|割伤|压伤|职业病|尘肺|闪了腰|腰闪|扭伤|被车撞|被[^，,。\s]{1,4}车(?:给)?撞|撞伤|车祸|交通事故|被砸|(?:架子|楼上|梯子|高处|车上|脚手架)上?(?:掉|摔|跌)下|(?:手(?!机|续|表|套|里|上)|脚|腿|腰|(?<![工老包带])头|眼睛?|胳膊|手指头?|脚趾|脖子)[^，,。\s]{0,5}(?:压|夹|砸|切|扭|烫|烧|溅|划|碰|绞|轧|碾)(?:了|到|伤|断|掉|着)|(?:压|夹|砸|切|绞|轧|烫|割)(?:到|了|伤|断|掉)了?(?:我的?|俺的?)?(?:手(?!机|续|表|套|里|上)|脚|腿|腰|眼睛?|胳膊|手指头?|脚趾|脖子)/, 'injury'],
  // `老板把我开了`, `厂里把我辞了`, `被老板开了`: sent away, in workers' words.
  // `突然说不要我了`, `叫我走人`: sent away, in workers' words.
  // `加班费`, `加班的钱没给`: overtime pay is pay (the wage matter above); overtime itself (`天天逼我加班`) is the contract's.
  [/合同|辞退|劝退|开除|解雇|赔偿金|补偿金|加班(?!费|(?:的)?(?:钱|工资)|[^，,。\s]{0,3}(?:给|发|结)(?:我|我们)?(?:的)?钱)|试用期|炒鱿鱼|被炒|(?:说|就|厂里|老板|公司)不要我了|(?:叫|让)我走人|赶我走|把(?:我|俺)(?:给)?(?:开|辞|炒)了|被(?:老板|厂里|公司|工头|包工头)(?:给)?开了/, 'contract'],
  // `社保 交了两年突然断了`: contributions stopped (断了 after 交/缴/突然 is no broken bone).
  [/社保|(?<!工伤|没买|没有)保险|五险|公积金|养老|医保/, 'social_insurance'],
  [/其他|别的|其它/, 'other'],
];

/**
 * `工资没问题 就是被开除了`, `社保都交了`: a matter said to be fine is none of the ones asked about (`工资发了一半` still is).
 * `没受伤`, `人没有伤着`: an injury denied is none either (`没有工伤保险`, `没工伤认定` still name their matters).
 */
export function withoutSettled(t: string): string {
  return t
    .replace(/(?:人)?(?:没|没有|并没有?|未|不是)(?:受(?:过|了)?伤|伤(?:着|到)|工伤|摔(?:着|伤))(?:了|过)?(?!保险|险|认定|鉴定|赔|待遇|补|的钱)/gu, ' ')
    // `加班的时候切到手了`: when it happened, no overtime matter (`加班费`, `加班不给钱` still are).
    .replace(/加班(?:的)?(?:时候|时|那会儿?)/gu, ' ')
    .replace(/(?:工资|工钱|钱|社保|保险|合同)(?:都|也|倒是|倒|是)?(?:没问题|没事|没啥问题|没什么问题|给了|发了|结了|结清了|交了|签了)(?=$|[，,。\s]|就|但|可是|只是)/gu, ' ')
    // `工资结到26号`: paid up to a day, beside when they left (`工资只结到10月` still tells pay withheld).
    .replace(/(?<![只才就])(?:工资|工钱)(?:已经|都)?(?:结|算|发)到(?:了)?[^，,。;；\s]{1,6}?(?:号|日|底)(?:为止)?(?=$|[，,。;；\s])/gu, ' ')
    // `我把合同和工资条都带过去`, `带上合同`: papers to bring along, no matter told.
    .replace(PAPERS_BROUGHT, ' ')
    // `还说要扣我钱吓唬我`: a threat to dock pay, no pay withheld; `身份证也被扣着`: papers held, no pay deducted.
    .replace(/(?:说|威胁|吓唬我?)(?:要|会)?扣(?:我|我们|俺)?(?:的)?(?:钱|工资)(?:来)?(?:吓唬|威胁)?(?:我|我们|俺)?/gu, ' ')
    .replace(/(?:身份证|证件|毕业证|押金|保证金)[^，,。\s]{0,3}?被?扣(?:着|了|住|下)?(?:了)?/gu, ' ');
}
const PAPER = '(?:劳动合同|合同|工资条|工资单|工资表|欠条|考勤(?:表|记录|卡)?|打卡记录|银行流水|流水|聊天记录|病历|诊断书|社保(?:记录|清单|卡)|身份证|工牌|工作证)';
const PAPERS_BROUGHT = new RegExp(
  `把(?:${PAPER}(?:和|跟|、|还有|以及)?)+(?:都|也)?(?:带|拿)(?:过去|过来|上|着|去|来|好|齐)|(?:带|拿)(?:上|着|好)(?:${PAPER}(?:和|跟|、|还有|以及)?)+`,
  'gu',
);

/** `您说的有「欠薪」和「劳动合同」两件事…预约先记一件主要的，请选：`: which of the matters said to book. */
function severalAsk(several: readonly Matter[], a: Pick<LegalAnswers, 'help'>): string {
  return `您说的有${several.slice(0, -1).map((x) => `「${MATTER_NAMES[x]}」`).join('、')}和「${MATTER_NAMES[several.at(-1)!]}」${'两三四'[several.length - 2] ?? '几'}件事，咨询时都可以跟${a.help === 'procurator' ? '检察官' : '律师'}说。预约先记一件主要的，请选：`;
}

/** Every matter a message names, in the usual order, negations dropped (`工伤和欠薪都有`: injury and wage). */
function mattersNamed(t: string): Matter[] {
  const said = withoutSettled(t).replace(/(?:也)?(?:不是|不算)[^，,。\s是也]{1,8}(?:的事)?/gu, ' ');
  return MATTERS.filter((m) => m !== 'other' && MATTER_WORDS.some(([re, x]) => x === m && re.test(said)));
}

/** The matter a message names, negations dropped: `不是工资也不是工伤 是房东不退押金` is something else. */
export function matterOf(t: string): Matter | undefined {
  const said = withoutSettled(t).replace(/(?:也)?(?:不是|不算)[^，,。\s是也]{1,8}(?:的事)?/gu, ' ');
  const hits = [...new Set(MATTER_WORDS.filter(([re]) => re.test(said)).map(([, m]) => m))];
  if (hits.length === 1) return hits[0];
  // Everything it named was denied, and something else remains: other.
  if (hits.length === 0 && said !== t && /是.{2,}/u.test(said)) return 'other';
  return undefined;
}
export const HELP_WORDS: [RegExp, HelpKind][] = [
  [/检察|起诉|支持起诉|面对面/, 'procurator'],
  [/律师|法律咨询|法援|法律援助/, 'lawyer'],
];
/**
 * Who is asked to help: 法律援助 (and 法援, 法律咨询) is the name of the whole service as well as a lawyer's, so beside a
 * procurator named (`想预约检察院的法律援助`) it names no one else; 律师 with 检察官 is still both (asked which).
 */
export function helpOf(text: string): HelpKind | undefined {
  return oneOf(HELP_WORDS, text) ?? (/检察/u.test(text) ? oneOf(HELP_WORDS, text.replace(/法律援助|法援|法律咨询/gu, '')) : undefined);
}
/** Who to ask told without naming them: support to sue (a procurator), or advice only (a lawyer); with how it was read. */
const HELP_DESCRIBED: [RegExp, HelpKind, string][] = [
  [/(?:不敢|没法|没办法|不会|打不起)(?:自己)?(?:一个人)?(?:去)?(?:打官司|起诉|告)|(?:想|要|需要|希望)有人(?:支持|撑腰|帮我撑)/u, 'procurator', '自己打官司有困难、想有人支持的，可以找检察官面对面，看检察机关能不能支持您起诉。'],
  [/(?:就|只)?想(?:先)?咨询(?:一下|下)?|(?:就|只)?想(?:先)?问问|出(?:个|出)?主意/u, 'lawyer', '只是咨询、出主意的话，找工会律师就行。'],
];
/** Words naming a help without asking for it: its fee, or it not understood (`检察官那个我不太懂`). */
const HELP_NOT_ASKED = /律师费|(?:检察官|检察院|律师)(?:那个|这个|那种|这种|那块)?(?:我)?(?:不太|不大|不|没)(?:懂|了解|清楚|明白|知道|听说过)/gu;
export const MODE_WORDS: [RegExp, ConsultMode][] = [
  // `不要视频 电话就行`: the way wanted, said after the one declined.
  [/电话(?:咨询|联系|说|打|沟通|问|里|聊|上)|打电话|(?:^|改成|换成|还是|用)电话(?:吧|好了)?$|(?:^|[\s,，])电话(?:就行|就好|就可以|也行|可以)(?:了|吧)?$/, 'phone'],
  [/视频/, 'video'],
  // 面对面 names the procurator service (检察官面对面), not a way of meeting.
  // `我老爸想当面问 我在外地`: face to face wished beside being away names no way (asked).
  [/^(?!.*(?:在外地|不在本地|人不在(?:这边|本地|这里)))[\s\S]*?(?:面谈|当面|现场|见面|去服务点|到服务点|驿站|工作站|联络站)/, 'in_person'],
];
/** Away from here (`我在外地`): a meeting face to face is no pick beside it. */
const AWAY = /在外地|不在本地|人不在(?:这边|本地|这里)/u;
/**
 * The way to meet told without naming it: `能看到脸就行` (video), `要见到人我才放心`, `我离得近 走过去就到` (face to
 * face), `晚上能打给我吗` (a call); proposed (「…对吗？」) with how it was read.
 */
const MODE_DESCRIBED: [RegExp, ConsultMode, string][] = [
  [/看(?:到|得到|见|得见)(?:脸|人脸)|露(?:个)?脸/u, 'video', '能看到脸，又不用跑路，那就是视频咨询。'],
  [/(?<!不(?:用|要|想|必)?)见(?:到|着)(?:人|律师|本人|面)|走(?:路)?(?:过去|着去|过去就)(?:就到|就行|很近|几分钟)?(?:就到)?|离(?:得|那儿?|那里|服务点)?(?:很|挺|比较|蛮)?近(?!的)/u, 'in_person', '那就到服务点当面谈。'],
  [/打给我|给我打(?:电话|过来)?|打我(?:的)?(?:电话|手机)|打过来|来个电话/u, 'phone', '那就电话咨询，到时律师打电话给您。'],
];

/**
 * The way to meet as answered at the mode question, where more words mean it
 * than in an opening message (`电话吧`, `电话的`, `手机上说`, `面对面`: there
 * 电话 is not a phone number and 面对面 is not the procurator service).
 */
export const MODE_ANSWER_WORDS: [RegExp, ConsultMode][] = [
  // Not a way said not to do (`电话里说不清楚`, `视频不方便`, `不要电话`): `当面说吧 电话里说不清楚` is 面谈.
  [/(?<!不(?:要|用|想)(?:打)?)(?:电话|手机上?(?:说|聊|讲|谈|问|沟通|联系)?$|手机上?(?:说|聊|讲|谈|问|沟通|联系))(?!(?:里|上|中)?(?:也)?(?:说|讲|聊|谈)?(?:得)?(?:不清楚?|不明白|不方便|不行|不好|不会))|语音/, 'phone'],
  [/(?<!不(?:要|用|想)(?:开)?)视频(?!(?:里|上|中)?(?:也)?(?:说|讲|聊|谈)?(?:得)?(?:不清楚?|不明白|不方便|不行|不好|不会))/, 'video'],
  // `我过去找他`, `我自己去一趟`: going there.
  // `线下`: in person (never `不要线下`).
  // `我老爸想当面问 我在外地`: not while away (asked).
  [/^(?!.*(?:在外地|不在本地|人不在(?:这边|本地|这里)))[\s\S]*?(?:(?<!不(?:要|用|想))线下|面谈|当面|现场|见面|面对面|去服务点|到服务点|去驿站|到驿站|驿站|工作站|联络站|我(?:自己|亲自)?(?:过去|去)(?:找|见|一趟|那边|那里)|亲自(?:去|过去))/, 'in_person'],
];

/** `我不想留电话`, `不留电话行吗`, `电话不想给`: a worry about the phone number, not a refusal of the consent. */
export const NO_PHONE_SAID =
  /^(?:我|但是?|可是|就是)?(?:不想|不愿意?|不太想|不方便|不敢|能不|可以不|能不能不|可不可以不)(?:留|给|告诉你们?|填|写|提供)(?:我的)?(?:电话|手机号?|号码|手机号码|电话号码?|联系方式)(?:吗|吧|啊|呢|行吗|可以吗|行不行|可不可以)?$|^(?:我的)?(?:电话|手机号?|号码|电话号码?)(?:就|能|可以)?(?:不想|不|不用)(?:留|给|填)(?:了|吧|吗|行吗|可以吗)?$|^(?:不留|不给)(?:电话|手机号?|号码|电话号码?)(?:行吗|可以吗|行不行|可不可以|吧)?$/u;

/**
 * `能不能不留电话` at the booking's phone question: why a number is needed (the way to meet decides what it is for),
 * how it is kept, and what can be done without one (a service point, or the 12351 hotline).
 */
export function noPhoneAnswer(a: LegalAnswers): string {
  const who = a.help === 'procurator' ? '检察官' : '律师';
  const forWhat =
    a.mode === 'phone'
      ? `电话咨询时${who}要打这个号码给您`
      : a.mode === 'video'
        ? `视频接不通时${who}要打这个号码找您`
        : `${who}要打这个号码跟您确认见面的时间`;
  return `预约要留一个能打通的手机号：${forWhat}，预约提醒和时间有变化也会发到这里。完整号码只有为您咨询的${who}能看到，不会给单位或别人。实在不想留的话，也可以不预约，直接到工会驿站等服务点问，或者打职工服务热线12351咨询。`;
}

/** Cannot come in person (`我不方便过去`, `去不了`, `太远了`): said at the mode question, no way named. */
export const NO_TRIP = /不方便(?:过去|去|过来|来|跑|出门|到场|见面|当面)|(?:去|来|过|走|跑)不了|过不去|走不开|抽不开身|没(?:空|时间)(?:过去|去|跑)|太远|离(?:得)?(?:太)?远|腿脚不便|不想(?:跑|过去)/;

/** Online, no way named (`能不能线上`, `网上咨询`, `微信上说行吗`): the phone or video, asked which. */
const ONLINE_SAID = /线上|网上|在线|远程|微信上?(?:说|聊|谈|问|咨询|沟通)|不(?:用)?见面|不用(?:过去|跑)/u;
/** What the desk gives the mode question for online asked as a question (`能不能线上`), which it would otherwise take for a question to answer. */
export const ONLINE_MODE = 'mode:online';
/** Online asked for at the mode question, no way named (`能不能线上`, `微信上说行吗`; `微信视频` names video). */
export function onlineSaid(t: string): boolean {
  return ONLINE_SAID.test(t) && !modeAnswered(t) && MODE_DESCRIBED.filter(([re]) => re.test(t)).length !== 1;
}

/** The way to meet an answer at the mode question names (`视频电话` is video), or undefined. */
export function modeAnswered(t: string): ConsultMode | undefined {
  return oneOf(MODE_ANSWER_WORDS, t.replace(/视频电话|视频通话|微信视频/gu, '视频'));
}

/** How the consultation happens. */
export function modeOf(a: LegalAnswers): ConsultMode {
  return a.mode ?? 'in_person';
}

function districtOf(ctx: FlowContext, a: LegalAnswers) {
  return ctx.directory.districts.find((d) => d.id === a.place?.districtId) ?? ctx.directory.districts[0]!;
}

/** `都行`, `随便`, `越快越好`, `哪个快选哪个` where the way to consult is asked (spaces and stops taken out). */
const ANY_MODE =
  /^(?:都行|都可以|随便|无所谓|哪个都行|哪个都可以|怎么都行|都好|都ok|越快越好|越早越好|尽快|最快|(?:哪个|哪种)(?:最)?(?:快|早)(?:的)?(?:就)?(?:选|要|约|用)?(?:哪个|哪种)?)(?:吧|的|啊|呀)?$/iu;

/** `哪个快选哪个` at 「您想怎么咨询？」, given by flows/legal-aid-desk.ts before it can be read as a question. */
export const ANY_MODE_SAID = 'mode:any';

/** Whether the words leave the way to consult to us (`都行`, `越快越好`, `哪个快选哪个`). */
export function anyModeSaid(t: string): boolean {
  return ANY_MODE.test(t.replace(/[\s,，。.!！~～]+/gu, ''));
}

/**
 * Of the ways offered, the one with the soonest free time anywhere (a way that can be booked quickest), the remote ways
 * first when as soon; null when none has a free time. Where the person is is not asked yet: it is how soon, in general.
 */
function quickestMode(offered: readonly ConsultMode[], help: HelpKind, ctx: FlowContext): ConsultMode | null {
  const opts = { calendar: ctx.index.calendar, now: ctx.now, taken: ctx.booking?.taken, workingDays: BOOKING_WORKING_DAYS };
  let best: { mode: ConsultMode; start: string } | null = null;
  for (const mode of (['phone', 'video', 'in_person'] as const).filter((x) => offered.includes(x))) {
    const first = upcomingFreeSlots(providersFor(ctx.directory, help, mode), opts)[0];
    if (first && (!best || first.start < best.start)) best = { mode, start: first.start };
  }
  return best?.mode ?? null;
}

/** Modes someone in the directory offers for this kind of help, in the usual order. */
export function modesFor(ctx: FlowContext, help: HelpKind): ConsultMode[] {
  return (['in_person', 'phone', 'video'] as const).filter((m) => providersFor(ctx.directory, help, m).length > 0);
}

// --- the arbitration limit --------------------------------------------------------

/** Last day of the one-year arbitration limit after leaving on `leftOn` (劳动争议调解仲裁法 第27条). */
export function limitEndsOn(leftOn: string): string {
  const d = new Date(`${leftOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
}

/** The limit as it stands today: null while still employed or unknown. */
export function limitStatus(a: Pick<LegalAnswers, 'limit'>, now: Date): { endsOn: string; daysLeft: number; urgent: boolean; past: boolean } | null {
  const l = a.limit;
  if (!l || !('leftOn' in l)) return null;
  const endsOn = limitEndsOn(l.leftOn);
  const daysLeft = daysBetween(chinaDay(now), endsOn);
  return { endsOn, daysLeft, urgent: daysLeft >= 0 && daysLeft <= URGENT_LIMIT_DAYS, past: daysLeft < 0 };
}

// --- the work-injury recognition limit ------------------------------------------------------

/**
 * Last day to apply for work-injury recognition (工伤认定) oneself after an
 * injury or diagnosis on `on`: one year (工伤保险条例 第17条; the employer has
 * 30 days).
 */
export const injuryLimitEndsOn = limitEndsOn;

/** Days the employer has to apply for recognition after the injury (工伤保险条例 第17条). */
export const EMPLOYER_INJURY_DAYS = 30;

/** The recognition limit as it stands today: null when recognised already, unknown or not an injury. */
export function injuryStatus(a: Pick<LegalAnswers, 'injury' | 'matter'>, now: Date): { on: string; endsOn: string; daysLeft: number; sinceDays: number; urgent: boolean; past: boolean } | null {
  const i = a.injury;
  if (a.matter !== 'injury' || !i || !('on' in i)) return null;
  const endsOn = injuryLimitEndsOn(i.on);
  const today = chinaDay(now);
  const daysLeft = daysBetween(today, endsOn);
  return { on: i.on, endsOn, daysLeft, sinceDays: daysBetween(i.on, today), urgent: daysLeft >= 0 && daysLeft <= URGENT_LIMIT_DAYS, past: daysLeft < 0 };
}

/** `律师见面时`, `检察官咨询时`: when what was skipped is asked again, by whom. */
export function laterAsked(a: Pick<LegalAnswers, 'help' | 'mode'>): string {
  const who = a.help === 'procurator' ? '检察官' : '律师';
  return a.mode === 'in_person' ? `${who}见面时会再问您` : `咨询时${who}会再问您`;
}

/**
 * A day typed without a year that is still to come this year, within a
 * month, read as last year's (`12月5号` on 1 December): the reading is
 * confirmed, never taken silently (it may be a slip for 11月5号, and it
 * would make the booking urgent).
 */
function lastYearReading(said: string, day: string, now: Date): boolean {
  if (/年|\d{4}/u.test(said)) return false;
  const today = chinaDay(now);
  const thisYear = `${today.slice(0, 4)}${day.slice(4)}`;
  // Only a day a month or less ahead: `12月15日` said in January is last December, plainly.
  return day.slice(0, 4) < today.slice(0, 4) && thisYear > today && daysBetween(today, thisYear) <= 31;
}

/** `12月5日还没到，您说的应该是2025年12月5日。` */
function lastYearAck(day: string): string {
  return `今年的${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日还没到，您说的应该是${showDay(day)}。`;
}

// --- the day someone left, or got hurt ------------------------------------------------------

/** The two questions asking for a day: when the worker left the job (the arbitration limit), when they got hurt. */
type DayField = 'limit' | 'injury';
const DAY_FIELDS: Readonly<Record<DayField, { did: string; what: string; example: string }>> = {
  limit: { did: '离开的', what: '离开', example: '10月25日' },
  injury: { did: '受的伤', what: '受伤', example: '3月5日' },
};

/**
 * What the desk gives the day questions for a bare number that is no option
 * (`5` when only 1 is offered): a day of a month not yet said.
 */
export const DAY_ONLY = 'day-only:';

/** What is known of the day so far: its month (`上个月`), or the day of the month alone (`5`). */
function dayKnown(field: DayField, a: LegalAnswers): { month?: string; day?: number; near?: RecentDays } {
  return field === 'limit' ? { month: a.limitMonth, day: a.limitDay, near: a.limitNear } : { month: a.injuryMonth, day: a.injuryDay, near: a.injuryNear };
}

/** Whether the question now asks for the rest of a day (its day of the month, or its month): no numbered option then. */
export function dayHalfKnown(field: DayField, a: LegalAnswers): boolean {
  const k = dayKnown(field, a);
  return k.month !== undefined || k.day !== undefined;
}

/** The month of the day asked; `near`: the days back the words said (`前几天`), which the day must fall in. */
function knowMonth(field: DayField, month: string, near?: RecentDays): Partial<LegalAnswers> {
  return field === 'limit' ? { limitMonth: month, limitDay: undefined, limitNear: near } : { injuryMonth: month, injuryDay: undefined, injuryNear: near };
}

function knowDay(field: DayField, day: number): Partial<LegalAnswers> {
  return field === 'limit' ? { limitDay: day, limitMonth: undefined, limitNear: undefined } : { injuryDay: day, injuryMonth: undefined, injuryNear: undefined };
}

/** Once the day is answered (or skipped, or 还在干), what was half known is forgotten. */
function dayDone(field: DayField): Partial<LegalAnswers> {
  return field === 'limit'
    ? { limitMonth: undefined, limitDay: undefined, limitLeft: undefined, limitNear: undefined }
    : { injuryMonth: undefined, injuryDay: undefined, injuryNear: undefined };
}

/** The latest month (`YYYY-MM`) up to this one that has a day `d` not after today: the example for `是几月5号…`. */
function exampleMonthFor(d: number, now: Date): string {
  const today = chinaDay(now);
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < 13; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const day = dayOfMonth(month, d);
    if (day && day <= today) return month;
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return today.slice(0, 7);
}

/**
 * The question for the rest of the day, once part of it is known
 * (`是2026年11月几号离开的？`, `是几月5号受的伤？`); null when nothing is.
 * Asked as the field's question, the engine adds 「可回复跳过」 itself
 * (`asField`); said right after an answer, the question says it.
 */
function restOfDayAsk(field: DayField, a: LegalAnswers, now: Date, asField = false): string | null {
  const k = dayKnown(field, a);
  const w = DAY_FIELDS[field];
  const unsure = asField ? '。' : `；记不清就回复「跳过」，${laterAsked(a)}。`;
  // `前几天`: the example is one of the days the words reach; over a month's turn, the month is said with the day.
  if (k.near) {
    const mid = middleDay(k.near);
    const example = `${Number(mid.slice(5, 7))}月${Number(mid.slice(8, 10))}日`;
    if (k.near.from.slice(0, 7) !== k.near.to.slice(0, 7)) return `您说的「${k.near.said}」，具体是几月几号${w.did}？例如「${example}」${unsure}`;
    if (k.month) return `您说的「${k.near.said}」，是${showMonth(k.month)}几号${w.did}？例如「${example}」${unsure}`;
  }
  if (k.month) return `是${showMonth(k.month)}几号${w.did}？例如「${Number(k.month.slice(5))}月15日」${unsure}`;
  if (k.day) {
    const month = field === 'limit' && a.linkedLeftMonth && dayOfMonth(a.linkedLeftMonth, k.day) ? a.linkedLeftMonth : exampleMonthFor(k.day, now);
    return `是几月${k.day}号${w.did}？请说月份，例如「${Number(month.slice(5))}月」「上个月」${unsure}`;
  }
  return null;
}

/** A lunar month without its day: `腊月`, `去年正月里`, `农历八月中旬`. */
const LUNAR_MONTH_ONLY = /^(?:大概|差不多)?((?:今年|去年|前年)?(?:(?:农历|阴历|老历)?(?:正|冬|腊)|(?:农历|阴历|老历)(?:十二|十一|[一二三四五六七八九十]|1[0-2]|[1-9]))月)(?:份|里)?(?:初|中|中旬|上旬|下旬|底|末|的时候|那会儿?)?$/u;

/** A day read from an answer at a day question, or the question to stay on, or what to say. */
type DayRead =
  | { kind: 'day'; field: DayField; day: string; said: string; inferred: string | null; lastYear: boolean; composed?: true; about?: true }
  | { kind: 'stay'; set: Partial<LegalAnswers>; ack: string }
  | { kind: 'error'; error: string };

/**
 * The day an answer at the day-they-left or injury-day question names, with
 * what was known before: the month asked about (`15`, `十五`, `1号` are days
 * of it, never option 1), or the day said alone (`11月`, `上个月`, `11` are
 * its month). A festival, a lunar date or a month's end is a reading, to
 * confirm; a month alone asks its day (once).
 */
function readDay(field: DayField, text: string, a: LegalAnswers, ctx: FlowContext): DayRead {
  const w = DAY_FIELDS[field];
  const today = chinaDay(ctx.now);
  // `26年7月3号`: a year in two digits before a month is this century's (`27年1月` then is a day to come, said so;
  // never 1927), unless well past this year (`98年`: 1998).
  const said = (field === 'limit' ? leftDayText(text) : injuryDayText(text)).replace(/^(\d{2})年(?=(?:1[0-2]|0?[1-9])月)/u, (_y, n: string) =>
    2000 + Number(n) <= Number(today.slice(0, 4)) + 5 ? `20${n}年` : `19${n}年`,
  );
  const k = dayKnown(field, a);
  const future: DayRead = { kind: 'error', error: `${w.what}的日子不能在今天以后，请再说一次，例如「${w.example}」。` };
  if (text.startsWith(DAY_ONLY)) {
    const n = Number(text.slice(DAY_ONLY.length));
    if (!Number.isInteger(n) || n < 1 || n > 31) return { kind: 'error', error: `没有${text.slice(DAY_ONLY.length)}号，请告诉我哪天${w.did}，例如「${w.example}」。` };
    const set = knowDay(field, n);
    return { kind: 'stay', set, ack: restOfDayAsk(field, { ...a, ...set }, ctx.now)! };
  }
  // `不是25号 是20号`, `日期改成20号` (a day of the month alone, the whole day known before): that month's, said back in
  // full (was the latest such day, 11月20日 for 10月25日 corrected).
  const before = field === 'limit' ? (a.limit && 'leftOn' in a.limit ? a.limit.leftOn : null) : a.injury && 'on' in a.injury ? a.injury.on : null;
  const sameMonth = before && !k.month && !k.day && /[号日]/u.test(said) ? dayOfMonthNumber(said) : null;
  if (before && sameMonth !== null) {
    const day = dayOfMonth(before.slice(0, 7), sameMonth);
    if (!day) return { kind: 'error', error: `${showMonth(before.slice(0, 7))}没有${sameMonth}号，请再说一次是哪天${w.did}，例如「${w.example}」。` };
    return day > today ? future : { kind: 'day', field, day, said, inferred: null, lastYear: false, composed: true };
  }
  // The day of the month asked about (`月底`: its last day, a reading to confirm).
  if (k.month) {
    if (/^(?:是|就是|大概|应该是)?(?:月底|月末|最后一天|那个月底)$/u.test(said.trim())) {
      const end = dayOfMonth(k.month, 31) ?? dayOfMonth(k.month, 30) ?? dayOfMonth(k.month, 29) ?? dayOfMonth(k.month, 28)!;
      if (end > today) return future;
      return { kind: 'day', field, day: end, said, inferred: `月底按${showDay(end)}算`, lastYear: false };
    }
    const n = dayOfMonthNumber(said);
    // `前几天` then `28`: the latest such day not after today (the days back may cross a month's turn), checked against them.
    if (n !== null && k.near) return nearDay(field, k.near, k.month, n, said, today);
    if (n !== null) {
      const day = dayOfMonth(k.month, n);
      if (!day) return { kind: 'error', error: `${showMonth(k.month)}没有${n}号，请再说一次是几号；记不清就回复「跳过」。` };
      return day > today ? future : { kind: 'day', field, day, said, inferred: null, lastYear: false, composed: true };
    }
  }
  // The month of the day said alone: `11`, `11月`, `上个月`.
  if (k.day) {
    const bare = /^(\d{1,2})(?:月份?)?$/u.exec(said.trim());
    if (bare && Number(bare[1]) >= 1 && Number(bare[1]) <= 12) {
      const words = `${Number(bare[1])}月${k.day}日`;
      const r = parsePastDay(words, ctx.now);
      if (!r || !r.ok) return { kind: 'error', error: `没有${words}，请再说一次是哪天${w.did}，例如「${w.example}」。` };
      return { kind: 'day', field, day: r.value.day, said: words, inferred: null, lastYear: lastYearReading(words, r.value.day, ctx.now), composed: true };
    }
    if (parsePastDay(said, ctx.now) === null) {
      const m = parseMonthDetailed(said, ctx.now);
      if (m.ok) {
        const day = dayOfMonth(m.value.month, k.day);
        if (!day) return { kind: 'error', error: `${showMonth(m.value.month)}没有${k.day}号，请再说一次是哪天${w.did}，例如「${w.example}」。` };
        if (day > today) return future;
        return { kind: 'day', field, day, said, composed: true, inferred: m.value.inferred ? `${m.value.inferred}，${k.day}号就是${showDay(day)}` : null, lastYear: false };
      }
    }
  }
  const d = parsePastDay(said, ctx.now);
  // `31号` where the latest month has no 31st: the day alone, its month asked.
  const alone = !k.month && !k.day && d && !d.ok && /[号日]$/u.test(said) ? dayOfMonthNumber(said) : null;
  if (alone !== null) {
    const set = knowDay(field, alone);
    return { kind: 'stay', set, ack: restOfDayAsk(field, { ...a, ...set }, ctx.now)! };
  }
  if (d && !d.ok) return { kind: 'error', error: d.error };
  if (d) {
    if (d.value.day > today) return future;
    // `前几天` then `11月1日`: a whole day outside the days just said contradicts them; confirmed with that said.
    const away = k.near ? beyondNear(k.near, d.value.day, today) : null;
    if (away) return { kind: 'day', field, day: d.value.day, said, inferred: [away, d.value.inferred].filter(Boolean).join('；'), lastYear: false };
    // `好像是十一月三号`: taken as said, and said back (`好的，记为…`) since it was hedged.
    const hedged = DAY_HEDGE_BEFORE.test(text.trim()) || DAY_HEDGE_AFTER.test(text.trim());
    // `上个月二十号左右`: about that day, said back so (the day itself is what is kept).
    const about = DAY_ABOUT.test(text.trim());
    return { kind: 'day', field, day: d.value.day, said, inferred: d.value.inferred, lastYear: !d.value.inferred && lastYearReading(said, d.value.day, ctx.now), ...(hedged ? { composed: true as const } : {}), ...(about ? { about: true as const } : {}) };
  }
  // `腊月`, `去年腊月底`: a lunar month spans two of ours; its day is asked in lunar words (`二十` alone would be read in the wrong calendar).
  const lunar = LUNAR_MONTH_ONLY.exec(said.trim());
  if (lunar) {
    const name = lunar[1]!;
    return { kind: 'error', error: `是${name}几号${w.did}？请连「${name}」一起说，例如「${name}二十」；记不清就回复「跳过」，${laterAsked(a)}。` };
  }
  // `上个月中旬`, `去年年底`, `国庆节后走的`: the month is known, the day is what is asked (once: the same month again is not a new answer).
  const m = parseMonthDetailed(said.replace(/(?:的)?(?:年底|年末)$/u, '12月').replace(/(?:的)?(?:上旬|中旬|下旬)$/u, '').replace(/月(?:初|中|末|底)/u, '月'), ctx.now);
  if (m.ok && m.value.month <= today.slice(0, 7)) {
    const set = knowMonth(field, m.value.month, recentDaysSaid(said, ctx.now) ?? undefined);
    const ask = restOfDayAsk(field, { ...a, ...set }, ctx.now)!;
    if (m.value.month === k.month) return { kind: 'error', error: ask };
    return { kind: 'stay', set, ack: ask };
  }
  // `上个月在厂里切到手了 厂里不给报`: the day (or month) opening a sentence that tells of the injury, read as if said
  // alone (a month keeps its day asked; a day is said back). Only one such time, and nothing else about when.
  if (field === 'injury' && !k.month && !k.day) {
    const head = injuryHead(text.trim().replace(DAY_HEDGE_BEFORE, '').replace(/^(?:是|在|我|俺|就|大概|差不多)+/u, ''));
    if (head) {
      const r = readDay(field, head, a, ctx);
      if (r.kind === 'stay') return r;
      if (r.kind === 'day') return { ...r, composed: true };
    }
  }
  // `上周五走的 他当场把我东西扔出来`: the day they left opening the message, then what happened, with no other time in
  // it: read as if said alone (said back). Never when the rest tells of a time (which is meant is not known) or of staying.
  if (field === 'limit' && !k.month && !k.day) {
    const [head, ...rest] = text.trim().split(/[\s,，。;；!！]+/u);
    const tail = rest.join('');
    if (head && tail !== '' && LEFT_SAID.test(head) && !TIME_IN_TAIL.test(tail) && !STAYED_IN_TAIL.test(tail)) {
      const r = readDay(field, head, a, ctx);
      if (r.kind === 'day') return { ...r, composed: true };
      if (r.kind === 'stay' && r.set.limitMonth) return r;
    }
  }
  // Half a day known, and the rest not understood: asked again, without 回复1 (no option is offered then).
  if (k.month) return { kind: 'error', error: `请告诉我具体哪天${w.did}：是${showMonth(k.month)}几号？例如「${Number(k.month.slice(5))}月15日」；记不清就回复「跳过」。` };
  if (k.day) return { kind: 'error', error: `请告诉我具体哪天${w.did}：是几月${k.day}号？例如「${Number(exampleMonthFor(k.day, ctx.now).slice(5))}月${k.day}日」；记不清就回复「跳过」。` };
  // `十一月头上走的`: gone, on a day not understood; a bare 1 next is no 还在干. Not when a day is in the words
  // (`日期错了 是11月12号走的`, a correction read again without its opening words): that is no answer here.
  if (field === 'limit' && (a.limitLeft || (LEFT_SAID.test(text) && !/\d|[号日]/u.test(text)))) {
    const ask = '请告诉我具体哪天离开的，例如「10月25日」「去年12月1日」；记不清就回复「跳过」。';
    // Not understood again: asked differently (a month alone is enough to go on), never the same words.
    const again = `还是没看明白。请告诉我具体哪天离开的，连月份一起说，例如「10月25日」；只记得月份就说月份，例如「10月」「上个月」；记不清就回复「跳过」，${laterAsked(a)}。`;
    // `是`, `对` to 「您说已经离开这家单位了，是哪天离开的？」: yes, they left (never 还在干); the day is what is asked.
    if (a.limitLeft && LEFT_YES.test(text.trim())) return { kind: 'error', error: `好的，您已经离开了。是哪天离开的？例如「10月25日」「上个月」；记不清就回复「跳过」，${laterAsked(a)}。` };
    return a.limitLeft ? { kind: 'error', error: again } : { kind: 'stay', set: { limitLeft: true }, ack: ask };
  }
  return {
    kind: 'error',
    error:
      field === 'limit'
        ? '请告诉我具体哪天离开的，例如「10月25日」「去年12月1日」；还在干回复1，记不清回复「跳过」。'
        : '请告诉我哪天受的伤，例如「3月5日」「去年12月1日」；已经认定工伤回复1，记不清回复「跳过」。',
  };
}

/** Words telling of getting hurt, in a sentence opened by when (`上个月在厂里切到手了`). */
const HURT_TOLD = /伤|摔|跌|砸|压|烫|割|切|扭|撞|碰|夹|绞|轧|碾|砍|扎|刮|掉下|骨折|断了|出事|事故|确诊|查出/u;

/**
 * What happened, told at a question it does not answer (`我的手指断了两根 老板不给报销` at the way or place question):
 * a matter or an injury told, and nothing of the question (no place, no way to meet, no time, no change, no question).
 * Said to be for the lawyer (it was 「没找到「我的手指断了两根…」」, or the options again without a word).
 */
export function storyTold(t: string, a: LegalAnswers, ctx: FlowContext): string | null {
  const s = t.trim();
  const told = matterOf(s);
  // Another matter than the one chosen (`老板不给我交社保` while 工伤 is): a change, proposed as ever.
  if ([...s].length < 6 || (told !== undefined && told !== a.matter) || (told === undefined && !(HURT_TOLD.test(s) && a.matter === 'injury'))) return null;
  if (/不对|不是|改|换|[吗么嘛呢?？]$|怎么|咋|什么|啥|能不能|可不可以|要不要/u.test(s) || WHEN_WORDS.test(s)) return null;
  if (/电话|视频|面谈|当面|见面|服务点|驿站|网上|线上/u.test(s) || findTownship(ctx, s)) return null;
  return '您说的情况，到时候咨询时详细说就行。';
}
/** Words about when, or a no, after the opening time: the sentence is then not read for it. */
const HEAD_REST_BLOCKS = /\d|[零〇一二两三四五六七八九十廿][日号月]|[号日月年]|天前|礼拜|星期|周[一二三四五六日天1-7]|以前|之前|以后|之后|前后|还是|或者|没(?:有)?(?:受伤|伤|摔|事)|不是|工资|欠薪|钱/u;
/**
 * The time opening a sentence about the injury (`上个月在厂里切到手了 厂里不给报` → `上个月`,
 * `去年十月份干活时手被机器绞了` → `去年十月份`), or null: the rest must tell of getting hurt and say nothing else of when.
 */
function injuryHead(said: string): string | null {
  const t = said.trim();
  const m = DATE_HEAD.exec(t);
  if (!m) return null;
  const rest = t.slice(m[0].length);
  if (rest.length < 2 || !HURT_TOLD.test(rest) || HEAD_REST_BLOCKS.test(rest)) return null;
  return m[1]!;
}

/** A bare yes to 「您说已经离开这家单位了，是哪天离开的？」 (`是`, `对的`, `嗯`, `是啊`). */
const LEFT_YES = /^(?:是|是的|对|对的|嗯|嗯嗯|没错|是啊|对啊|对呀|是呀)[。.!！]*$/u;

/** The day halfway through days back said (`前几天` on 1 December: 25 November), for an example. */
function middleDay(near: RecentDays): string {
  const from = Date.parse(`${near.from}T00:00:00Z`);
  const to = Date.parse(`${near.to}T00:00:00Z`);
  return new Date(from + Math.round((to - from) / 86_400_000 / 2) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Day `n` of the month after days back were said (`前几天` then `28`): inside the days the words reach (in
 * either month, over a month's turn) it is taken and said back; outside them (`前几天` then `1` on 1 December:
 * a month ago) it contradicts what was just said: the day of the month asked, confirmed with that said, never taken silently.
 */
function nearDay(field: DayField, near: RecentDays, month: string, n: number, said: string, today: string): DayRead {
  const w = DAY_FIELDS[field];
  // Day `n` of each month the words reach (two over a month's turn), not after today.
  const months = [...new Set([near.from.slice(0, 7), near.to.slice(0, 7)])];
  const days = months.map((m) => dayOfMonth(m, n)).filter((d): d is string => d !== null && d <= today);
  const inside = days.filter((d) => d >= near.from && d <= near.to).pop();
  if (inside) return { kind: 'day', field, day: inside, said, inferred: null, lastYear: false, composed: true };
  // Outside them: the day of the month that was asked about, confirmed with what was said before.
  // (A day still to come in that month is the month before's: `前几天` then `10` on 5 December.)
  const asked = dayOfMonth(month, n);
  const before = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
  const day = asked && asked > today ? dayOfMonth(before, n) : asked;
  if (!day) return { kind: 'error', error: `${showMonth(month)}没有${n}号，请再说一次是几号${w.did}；记不清就回复「跳过」。` };
  return { kind: 'day', field, day, said, inferred: beyondNear(near, day, today, true), lastYear: false, composed: true };
}

/**
 * What a day outside the days back just said (`前几天`, then `11月1日` on 1 December) is, said with them:
 * 「您刚才说是「前几天」，2026年11月1日已经是30天前了」; null for a day inside them (unless `always`).
 */
function beyondNear(near: RecentDays, day: string, today: string, always: true): string;
function beyondNear(near: RecentDays, day: string, today: string): string | null;
function beyondNear(near: RecentDays, day: string, today: string, always = false): string | null {
  if (!always && day >= near.from && day <= near.to) return null;
  const gap = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
  const when = gap === 0 ? '是今天' : `已经是${gap}天前了`;
  return `您刚才说是「${near.said}」，${showDay(day)}${when}`;
}

/** A time, or a staying, told after the day left (`上周五走的 他当场…` has neither). */
const TIME_IN_TAIL = /\d|[号日月天周年]|礼拜|星期|昨|前天|时候|那会|之前|以后|之后|后来/u;
const STAYED_IN_TAIL = /还在|没走|没离开|没辞|又回|回去了?上班/u;
/** Gone from there, said (`走的`, `不干了`, `被开除`), never denied (`没走`, `还没离开`). */
const LEFT_SAID = /(?<!没|还没|没有|不想|准备|打算)(?:走|离开|离职|辞职|辞工|不干|不做|开除|辞退|炒)/u;

/**
 * Sent away by the boss, in words the general reading of 还在干 / 走了 misses (`老板不让我干了`, `叫我走`,
 * `不要我了`); with 还在干 in the same message the two contradict each other.
 */
const SENT_AWAY = /不让(?:我|俺)?(?:再)?(?:干|做|上班|来|去|上工)了?|不要(?:我|俺)了|(?:叫|让|赶)(?:我|俺)(?:走|滚|回家|别来)|开除|辞退|解雇|炒(?:了|鱿鱼)|被辞|被裁|把我裁/u;

/** `还在干 不过老板不让我干了`: still there and sent away, both said. */
export function stillButSentAway(t: string): boolean {
  const away = SENT_AWAY.exec(t);
  // Denied or feared (`还在干 没被开除`, `老板没说不让我干`, `怕被辞退`): no contradiction.
  if (!away || /(?:没|没有|还没|不会|没说|没有说|怕|担心)被?$/u.test(t.slice(0, away.index)) || HYPOTHETICAL.test(t)) return false;
  return findStillEmployed(t.replace(SENT_AWAY, ' ')) === true || /^(?:还在|在职|在干|没走)/u.test(t.trim());
}

/** Pressed to resign and refused (`逼我签自愿离职 我没签`, `让我写辞职报告 我不写`): no leaving. */
const RESIGN_REFUSED =
  /(?:天天|一直|老是|总是|非要|硬要|都)?(?:逼|让|叫|要|劝|催)(?:我|俺)(?:签|写|交|打)?(?:自愿|主动)?(?:离职|辞职)(?:书|申请|协议|报告|单)?[,，。\s]*(?:但是?|可是)?(?:我|俺)?(?:就是|一直)?(?:没|不|没有|不肯|不想|不愿意?)(?:签|写|交|同意|答应)/gu;

/** Leaving planned, not done, after the answer (`还在 但是想走`, `还在干 准备辞职了`). */
const LEAVING_PLANNED = /[,，。\s]*(?:但是|不过|可是|就是)?(?:我)?(?:想|准备|打算|正想|想要|正准备|快要?)(?:走|离开|离职|辞职|辞工|不干)了?$/u;

/**
 * Leaving feared or supposed, not told (`怕被开除`, `要是被辞退了`, a threat: `不去就算我自动离职`): no leaving read from it.
 */
const HYPOTHETICAL = /怕|担心|会不会|要是|如果|万一|可能|以后|不(?:去|来|干|做|同意|签|答应)(?:的话)?就(?:算|当|按|是|让|叫|把)/u;

/** What the limit question is given for 「已经离开」 (a bare `2` there, or picked after a contradiction). */
export const LEFT_PICKED = 'left:ask';
const LEFT_DAY_ASK = '好的，您已经离开这家单位了。是哪天离开的？例如「10月25日」「上个月」；记不清就回复「跳过」。';
/** Asked when both were said. */
const STILL_BUT_GONE_ASK =
  '您说还在干，又说老板不让您干了，这两样我分不清。老板已经不让您去上班的，算「已经离开」；还照常去上班的，算「还在干」。现在是哪种？';
const STILL_OR_GONE: Option[] = [
  { label: '还在干，照常上班', value: 'employed' },
  { label: '已经离开了（老板不让干了）', value: LEFT_PICKED },
];

/** Still working there, as the whole answer (`还在干`, `没走`); `是` and `在` only answer 「您还在这家单位干吗？」. */
const STILL_THERE_SAID = /^(?:还在|还在干|在职|在干|没走|没离开|没离职|还没走|还没离职)$/u;
/**
 * The words picking 还在干: the whole answer, give or take a particle (`还在干着呢`), never the start of a day (`是10月25号走的`).
 * A platform worker's own words for it (`还在跑单`, `还在送外卖`): still taking orders there.
 */
const STILL_THERE_WORDS = /^(?:还在|还在干|在职|在干|没走|没离开|还没走|还干着|还在上班|是的?|对的?|在)(?:干|做|上班|这儿|这里|厂里|单位|工地上?|干活)?(?:着|的)?(?:呢|啊|吧|哦|呀|嘛)*$|^(?:还在|还|一直)(?:在)?(?:跑单|跑外卖|跑快递|跑|接单|送单|送外卖|送快递|开车|拉货)(?:着|的)?(?:呢|啊|吧|哦|呀|嘛)*$/u;
/**
 * A yes to 「您还在这家单位干吗？」 as voice input writes it: a filler glued before it (`嗯对的`, `呃是的`, `那个对的`), or
 * the yes said over (`对对对`, `是是是`, `对的对的`). Only yes words (`好的` is an acknowledgement, never 还在干).
 */
const STILL_YES_SPOKEN = /^(?:(?:嗯+|恩+|呃+|额+|啊+|哦+|噢+|那个|这个|就是)[\s,，、]*)*(?:(?:是的?|对的?|对呀|对啊|是呀|是啊|没错|在的)[\s,，、!！。]*)+(?:呢|啊|吧|哦|呀|嘛)*[。.!！]*$/u;
/** Recognised already (`已经认定了`, `有认定书`), never when denied or under way (`还没认定下来`, `正在申请认定`). */
const RECOGNIZED_WORDS = /^(?!.*(?:没|未|不|正在|申请中|在办|还在)).*(?:已经?认定|认定(?:了|下来|过了|好了)|有认定书|认定书)/u;

/** What is said before the consequence of a day read from the words: how it was read, to confirm. */
function readingAck(r: Extract<DayRead, { kind: 'day' }>): string | undefined {
  // `中秋节前后`: the reading says it is about that day (`…按2026年9月25日左右算`), never the day as if said.
  if (r.inferred) return `${r.about ? r.inferred.replace(/算$/u, '左右算') : r.inferred}。`;
  return r.lastYear ? lastYearAck(r.day) : undefined;
}

/** The day as taken, said back when the words did not name it whole (`昨天`, `5号`; `15` after the month): `好的，记为2026年11月30日受伤。` */
function takenAck(r: Extract<DayRead, { kind: 'day' }>): string | undefined {
  const whole = /^(?:\d{4}年|今年|去年|前年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:\d{1,2}|[一二三四五六七八九十廿]{1,3})[日号]?$/u.test(r.said);
  return whole && !r.composed ? undefined : `好的，记为${showDay(r.day)}${r.about ? '左右' : ''}${DAY_FIELDS[r.field].what}。`;
}

/** Who applies for recognition, and by when, in plain words. */
const INJURY_RULE =
  `申请工伤认定，单位应在受伤（或确诊职业病）之日起${EMPLOYER_INJURY_DAYS}日内提出；单位没有申请的，您本人、近亲属或工会可以在1年内自己向人社部门申请（《工伤保险条例》第十七条）。`;

/** What is said after the day of the injury is given: the limit, urgent when close. */
function injuryAck(st: NonNullable<ReturnType<typeof injuryStatus>>): string {
  const ends = showDay(st.endsOn);
  if (st.past) return `提醒：受伤已经超过1年，自己申请工伤认定的期限（到${ends}）可能已经过了。别着急，有的情形可以不算在期限里，律师会帮您看看还有什么办法。`;
  if (st.urgent) {
    return (
      `⚠ 您自己申请工伤认定的期限${st.daysLeft === 0 ? '今天' : `还有${st.daysLeft}天，${ends}`}就到期了！我们会标为加急，并给您排最早的时间。\n` +
      '单位没有申请的，请尽快带上身份证和受伤、看病的材料到人社部门申请，不用等到咨询那天。'
    );
  }
  const soon = st.daysLeft <= 60 ? `只剩${st.daysLeft}天了，请抓紧。` : '';
  const employer = st.sinceDays <= EMPLOYER_INJURY_DAYS ? '现在还在单位申请的30日内，可以先问问单位有没有申请。' : '';
  return `提醒：${INJURY_RULE}${employer}您自己申请的期限到${ends}。${soon}`;
}

/** What is said after the day someone left is given: the arbitration limit, when it is close or past. */
function limitAck(st: NonNullable<ReturnType<typeof limitStatus>>): string | undefined {
  return st.past
    ? `提醒：离开单位已经超过1年，申请劳动仲裁的时效（到${showDay(st.endsOn)}）可能已经过了。别着急，时效有中断、中止的情形，律师会帮您看看还有什么办法。`
    : st.urgent
      ? `⚠ 您申请劳动仲裁的时效${st.daysLeft === 0 ? '今天' : `还有${st.daysLeft}天，${showDay(st.endsOn)}`}就到期了！我们会标为加急，并给您排最早的时间。`
      : st.daysLeft <= 60
        ? `提醒：您申请劳动仲裁的时效到${showDay(st.endsOn)}，只剩${st.daysLeft}天了，请抓紧。`
        : undefined;
}

/** Why the booking is urgent, for the time question: the limits ending within 7 days. */
function urgentLimits(a: LegalAnswers, now: Date): { what: string; endsOn: string }[] {
  const st = limitStatus(a, now);
  const inj = injuryStatus(a, now);
  return [...(st?.urgent ? [{ what: '仲裁时效', endsOn: st.endsOn }] : []), ...(inj?.urgent ? [{ what: '工伤认定申请期限', endsOn: inj.endsOn }] : [])];
}

// --- a union lawyer's consultation, formal legal aid, 支持起诉 -------------------------------

/**
 * A union lawyer's consultation (free advice) told apart from formal legal
 * aid (法律援助: a lawyer who represents the worker, applied for at the legal
 * aid centre, with the financial-hardship check; migrant workers claiming
 * wages or work-injury compensation are exempt from it: 法律援助法 第四十二条).
 * Both are offered: the booking goes on.
 */
export function legalAidNote(matter: Matter): string {
  const exempt =
    matter === 'wage' || matter === 'injury'
      ? '农民工（进城务工人员）讨要工资、工伤赔偿的，不用审查经济困难条件（《法律援助法》第四十二条）。'
      : '';
  return (
    '说明：工会律师咨询是免费的，律师帮您分析情况、出主意、写材料。\n' +
    `如果需要律师代理您去仲裁或打官司，可以另外向法律援助中心申请法律援助，一般要符合经济困难条件；${exempt}\n` +
    '两样可以都办：先把咨询约上，律师也会告诉您怎么申请；法律援助的事也可以拨打12348公共法律服务热线问。'
  );
}

/** When a procurator's help (支持起诉) applies, and what it is not. */
export const SUPPORT_SUIT_CONDITIONS =
  '检察机关支持起诉，一般要同时满足：\n' +
  '1. 您是弱势的一方，自己打官司有困难，例如被拖欠工资的农民工、超龄劳动者、残疾人；\n' +
  '2. 是民事纠纷（例如追讨工资、工伤赔偿），属于检察机关支持起诉的范围；\n' +
  '3. 检察机关是支持您起诉（帮您收集证据、向法院出具支持起诉意见），不是替您起诉，原告还是您本人。\n' +
  '符不符合，检察官面谈时会帮您判断。';

const showDay = dayText;

// --- service points and slots ---------------------------------------------------------------

function pointOption(p: ServicePoint): Option {
  return { label: `${p.name}（${p.address}）`, value: `point:${p.id}` };
}

/** The point list: the township's own points, else the district's plus phone or video. */
function pointChoices(a: LegalAnswers, ctx: FlowContext): { local: ServicePoint[]; district: ServicePoint[]; remote: ConsultMode[] } {
  const help = a.help ?? 'lawyer';
  const near = nearestPoints(districtOf(ctx, a), a.place?.townshipId ?? '', help);
  const remote = modesFor(ctx, help).filter((m) => m !== 'in_person');
  return { ...near, remote };
}

function pointOptions(a: LegalAnswers, ctx: FlowContext): Choice[] {
  const c = pointChoices(a, ctx);
  const points = c.local.length > 0 ? [...c.local, ...c.district] : c.district;
  return [...points.map(pointOption), ...(c.local.length > 0 ? [] : c.remote.map((m) => ({ label: `改为${MODE_NAMES[m]}`, value: `mode:${m}` })))];
}

/** Providers whose slots are offered: at the chosen point, or (phone, video) the district's, the township's own first. */
function slotProviders(a: LegalAnswers, ctx: FlowContext): ProviderAt[] {
  const help = a.help ?? 'lawyer';
  const mode = modeOf(a);
  if (mode === 'in_person') return a.point ? providersFor(ctx.directory, help, 'in_person', a.point) : [];
  const all = providersFor(ctx.directory, help, mode).filter((p) => p.districtId === a.place?.districtId);
  const rank = (p: ProviderAt) => (p.point.townshipId === a.place?.townshipId ? 0 : p.point.townshipId ? 2 : 1);
  return [...all].sort((x, y) => rank(x) - rank(y));
}

/** Every free slot on offer, and whether the list had to look past the usual working days. */
function freeSlots(a: LegalAnswers, ctx: FlowContext): { slots: Slot[]; widened: boolean } {
  const providers = slotProviders(a, ctx);
  const current = a.currentSlotKey;
  const opts = { calendar: ctx.index.calendar, now: ctx.now, taken: ctx.booking?.taken };
  const keep = (s: Slot) => s.key !== current;
  const slots = upcomingFreeSlots(providers, { ...opts, workingDays: BOOKING_WORKING_DAYS }).filter(keep);
  if (slots.length > 0) return { slots, widened: false };
  return { slots: upcomingFreeSlots(providers, { ...opts, workingDays: WIDENED_WORKING_DAYS }).filter(keep), widened: true };
}

/** A part of the day said for the appointment (`下午`, `后天上午`). */
export type DayPart = 'morning' | 'noon' | 'afternoon' | 'evening';
const PART_OF: Readonly<Record<string, DayPart>> = { 上午: 'morning', 早上: 'morning', 早晨: 'morning', 中午: 'noon', 下午: 'afternoon', 傍晚: 'evening', 晚上: 'evening' };
/** How a part of the day is said back: 中午 is around noon (the last morning times, and any before 14:00). */
const PART_NAMES: Readonly<Record<DayPart, string>> = { morning: '上午', noon: '中午前后', afternoon: '下午', evening: '晚上' };

function inPart(s: Pick<Slot, 'time'>, part: DayPart): boolean {
  switch (part) {
    case 'morning':
      return s.time < '12:00';
    case 'noon':
      return s.time >= '11:00' && s.time < '14:00';
    case 'afternoon':
      return s.time >= '12:00' && s.time < '18:00';
    case 'evening':
      return s.time >= '18:00';
  }
}

/** A page of the slot list, with the filters it shows (a day, a part of the day, later than `from`). */
interface SlotPage {
  slots: Slot[];
  more: boolean;
  widened: boolean;
  all: Slot[];
  day?: string;
  /** With `day`, the last day of a range shown. */
  to?: string;
  part?: DayPart;
  from?: string;
  /** The day they said they cannot come, left out of the list (`slotAvoid`). */
  avoid?: string;
  /** The day and part wished for before the time question (`下周三上午`), which has no free time: said, not dropped silently. */
  missed?: { day?: string; part?: DayPart };
  /** The time wished for with the day (`明天9点`, `slotAt`): whether it is free (then first on the page). */
  at?: { time: string; free: boolean };
}

/** Most times shown for a day or a range of days at once. */
const DAY_PAGE = 12;

/** Up to `n` of a day's times, spread over it (`下周一到周三`: each day's morning and afternoon, not its first hours). */
function spread(slots: readonly Slot[], n: number): Slot[] {
  if (slots.length <= n) return [...slots];
  return Array.from({ length: n }, (_, i) => slots[Math.floor((i * slots.length) / n)]!);
}

/**
 * The page of slots shown now: a chosen day and/or part of the day, from
 * `slotFrom` on. When nothing chosen is left (booked meanwhile), the first page.
 */
function slotPage(a: LegalAnswers, ctx: FlowContext): SlotPage {
  const { slots: all, widened } = freeSlots(a, ctx);
  const avoid = a.slotAvoid;
  const { slotDay: day, slotPart: part, slotFrom: from } = a;
  const to = day && a.slotTo && a.slotTo > day ? a.slotTo : undefined;
  const wanted = all.filter((s) => (!day || (to ? s.day >= day && s.day <= to : s.day === day)) && (!part || inPart(s, part)) && (!a.slotAfter || s.time >= a.slotAfter));
  // The day they cannot come (a reschedule asked for that reason): not offered again, unless they name it or nothing else is free.
  const avoided = avoid && !day ? wanted.filter((s) => s.day !== avoid) : wanted;
  const chosen = avoided.length > 0 ? avoided : wanted;
  if ((day || part) && chosen.length === 0) {
    return { ...slotPage({ ...a, slotDay: undefined, slotTo: undefined, slotPart: undefined, slotAfter: undefined, slotFrom: undefined }, ctx), missed: { day, part } };
  }
  if (to) {
    // A range: every day of it on the page, its times spread over the day.
    const days = [...new Set(chosen.map((s) => s.day))];
    const each = Math.max(1, Math.floor(DAY_PAGE / days.length));
    return { slots: days.flatMap((d) => spread(chosen.filter((s) => s.day === d), each)), more: false, widened, all, day, to, part };
  }
  if (day && a.slotAt && !a.slotNight) {
    // `明天9点` said before the question: that time first, when free; the day's other times after it.
    const hit = chosen.find((s) => s.time === a.slotAt);
    const slots = hit ? [hit, ...chosen.filter((s) => s !== hit)] : chosen;
    return { slots: slots.slice(0, DAY_PAGE), more: false, widened, all, day, part, at: { time: a.slotAt, free: !!hit } };
  }
  if (day) return { slots: chosen.slice(0, DAY_PAGE), more: false, widened, all, day, part };
  const rest = from ? chosen.filter((s) => s.start > from) : chosen;
  return { slots: rest.slice(0, SLOTS_PER_PAGE), more: rest.length > SLOTS_PER_PAGE, widened, all, part, from, avoid };
}

/** The hearing day told of, while it is still to come (a past one no longer marks the times offered). */
function liveHearing(a: Pick<LegalAnswers, 'hearing'>, ctx: FlowContext): Hearing | null {
  return a.hearing && a.hearing.to >= chinaDay(ctx.now) ? a.hearing : null;
}

/** A slot as offered: marked when it is on or after the hearing day told of (`（开庭之后）`), never offered as if fine. */
function slotOption(s: Slot, hearing?: Hearing | null): Option {
  const at = againstHearing(s.day, hearing);
  return { label: `${slotLabel(s)}${at ? `（${AGAINST_HEARING[at]}）` : ''}`, value: `slot:${s.pointId}/${s.key}` };
}

function slotOptions(a: LegalAnswers, ctx: FlowContext): Option[] {
  const p = slotPage(a, ctx);
  return [...p.slots.map((s) => slotOption(s, liveHearing(a, ctx))), ...(p.more ? [{ label: '更多时间', value: '更多' }] : [])];
}

function whereText(a: LegalAnswers, ctx: FlowContext): string {
  if (modeOf(a) === 'in_person') {
    const p = districtOf(ctx, a).servicePoints.find((x) => x.id === a.point);
    return p?.name ?? '服务点';
  }
  return `${MODE_NAMES[modeOf(a)]}`;
}

/** Fresh choices after a refused pick, from the first page. */
function freshOptions(a: LegalAnswers, ctx: FlowContext): Option[] {
  return slotOptions({ ...a, slotFrom: undefined, slotDay: undefined, slotTo: undefined, slotPart: undefined }, ctx);
}

// --- examples, from what is offered ---------------------------------------------------------------

/** A day as typed in an example: `12月3日`. */
function typedDay(day: string): string {
  return dayLabel(day).replace(/（.*$/u, '');
}

/** A slot's start as said: `上午9点`, `下午2点半`. */
function spokenTime(time: string): string {
  const h = Number(time.slice(0, 2));
  const m = Number(time.slice(3, 5));
  const when = h < 12 ? '上午' : h < 13 ? '中午' : h < 18 ? '下午' : '晚上';
  return `${when}${h > 12 ? h - 12 : h}点${m === 0 ? '' : m === 30 ? '半' : `${m}分`}`;
}

/** A free slot to build examples from: on another day than the first shown, so trying it shows something new. */
function exampleSlot(p: SlotPage): Slot | undefined {
  // Never the day they said they cannot come (a reschedule for that reason), when there is another.
  const all = p.avoid && p.all.some((x) => x.day !== p.avoid) ? p.all.filter((x) => x.day !== p.avoid) : p.all;
  return all.find((x) => x.day !== p.slots[0]?.day) ?? all[0];
}

/** The date in examples: a day with free slots, else the next working day (never a fixed or past date). */
function exampleDay(a: LegalAnswers, ctx: FlowContext): string {
  const p = slotPage(a, ctx);
  // Before the hearing day told of, when any such day is free (never the hearing day itself as the example).
  const h = liveHearing(a, ctx);
  const s = (h ? exampleSlot({ ...p, all: p.all.filter((x) => x.day < h.from) }) : undefined) ?? exampleSlot(p);
  if (s) return typedDay(s.day);
  const tomorrow = addDays(chinaDay(ctx.now), 1);
  return typedDay(workingDaysFrom(ctx.index.calendar, tomorrow, 1)[0] ?? tomorrow);
}

// --- picking ---------------------------------------------------------------------------------------

/** A slot the worker picked (or typed), checked against the schedule, the clock and what is booked. */
type SlotResult = Result<Slot, LegalAnswers>;

function pickSlot(key: string, pointId: string, a: LegalAnswers, ctx: FlowContext): SlotResult {
  const r = resolveSlot(ctx.index.calendar, ctx.directory, key, pointId);
  const help = a.help ?? 'lawyer';
  const mode = modeOf(a);
  if (!r || r.at.provider.help !== help || !r.at.provider.modes.includes(mode) || (mode === 'in_person' && pointId !== a.point)) {
    return { ok: false, error: '这个时间现在不能约了，请从下面重新选一个：', options: freshOptions(a, ctx) };
  }
  const s = r.slot;
  if (Date.parse(s.start) < ctx.now.getTime() + MIN_LEAD_MINUTES * 60_000) {
    return {
      ok: false,
      error: `${slotLabel(s)}已经过了（或不到${MIN_LEAD_MINUTES}分钟就开始，来不及赶到），请选一个新的时间：`,
      options: freshOptions(a, ctx),
    };
  }
  if (a.currentSlotKey === s.key) {
    return { ok: false, error: '这就是您现在预约的时间。请选一个新的时间，或回复「取消」保持原预约不变：', options: freshOptions(a, ctx) };
  }
  if ((ctx.booking?.taken.get(s.key) ?? 0) >= s.capacity) {
    return { ok: false, error: `${slotLabel(s)}刚刚被别人约走了，请选一个新的时间：`, options: freshOptions(a, ctx) };
  }
  const set = { slotFrom: undefined, slotDay: undefined, slotTo: undefined, slotPart: undefined };
  // On or after the hearing day told of: never taken as if fine; said, and confirmed before it counts.
  const hearing = liveHearing(a, ctx);
  const against = againstHearing(s.day, hearing);
  if (against && hearing) return { ok: true, value: s, set, confirm: true, ack: hearingWarning(against, hearing) };
  return { ok: true, value: s, set };
}

/** Why a time on or after the hearing day is said before it is taken: the lawyer cannot help prepare for it then. */
function hearingWarning(against: 'same' | 'after' | 'maybe', h: Hearing): string {
  const said = `您说${hearingDays(h)}开庭（仲裁）`;
  return against === 'after'
    ? `${said}，这个时间在开庭之后，律师来不及在开庭前帮您准备了。`
    : against === 'same'
      ? `${said}，这个时间在开庭当天，律师可能来不及在开庭前帮您准备。`
      : `${said}，这个时间可能已经在开庭之后了，律师可能来不及在开庭前帮您准备。`;
}

/** The one free slot matching what was said (`后天下午`): a reading of the words, confirmed before it counts. */
function confirmOne(s: Slot, said: string, a: LegalAnswers, ctx: FlowContext): SlotResult {
  const r = pickSlot(s.key, s.pointId, a, ctx);
  return r.ok && !r.stay ? { ...r, confirm: true, ack: `${said}只有这一个时间还能约。${r.ack ?? ''}` } : r;
}

/** Who gives the help asked for, as said in a sentence: 律师, 检察官. */
function whoHelps(a: LegalAnswers): string {
  return a.help === 'procurator' ? '检察官' : '律师';
}

/** Every time scheduled on `day` with the providers on offer, free or not (their hours on that day). */
function scheduledOn(day: string, a: LegalAnswers, ctx: FlowContext): Slot[] {
  const seen = new Set<string>();
  return slotProviders(a, ctx)
    .flatMap((p) => slotsOn(ctx.index.calendar, p, day))
    .filter((s) => !seen.has(s.time) && seen.add(s.time))
    .sort((x, y) => x.time.localeCompare(y.time));
}

/** How many free times of each neighbouring day are offered instead of a day that cannot be had. */
const NEAREST_PER_DAY = 4;

/** The free times nearest to `day`: the last of the closest day before it and the first of the closest day after it. */
function nearestTo(day: string, a: LegalAnswers, ctx: FlowContext): Option[] {
  const free = freeSlots(a, ctx).slots;
  // Never the day they said they cannot come (a reschedule for that reason), when there is another.
  const all = a.slotAvoid && free.some((s) => s.day !== a.slotAvoid) ? free.filter((s) => s.day !== a.slotAvoid) : free;
  const days = [...new Set(all.map((s) => s.day))];
  const before = days.filter((d) => d < day).at(-1);
  const after = days.find((d) => d > day);
  const near = [...all.filter((s) => s.day === before).slice(-NEAREST_PER_DAY), ...all.filter((s) => s.day === after).slice(0, NEAREST_PER_DAY)];
  return (near.length > 0 ? near : all.slice(0, SLOTS_PER_PAGE)).map((s) => slotOption(s, liveHearing(a, ctx)));
}

/** A day that cannot be had (nobody on duty, a day off, all taken): what is true, then the free times nearest to it. */
function nearestInstead(day: string, why: string, a: LegalAnswers, ctx: FlowContext): SlotResult {
  const options = nearestTo(day, a, ctx);
  if (options.length === 0) return { ok: false, error: `${why}现在没有别的空闲时间了，请回复「返回」换个服务点或方式，或者回复「人工」请工作人员帮您安排。` };
  return { ok: false, error: `${why}离这天最近还能约的时间（回复数字选择）：`, options };
}

/** Where nobody is on duty on a day: `12月2日（周三）东龙镇工会驿站没有律师值班。`, and the other ways there are. */
function nobodyOn(label: string, a: LegalAnswers, ctx: FlowContext): string {
  if (modeOf(a) !== 'in_person') return `${label}没有安排${whoHelps(a)}${MODE_NAMES[modeOf(a)]}。`;
  const phone = modesFor(ctx, a.help ?? 'lawyer').includes('phone') ? '，或者回复「改成电话咨询」' : '';
  return `${label}${whereText(a, ctx)}没有${whoHelps(a)}值班（可以回复「返回」换个服务点${phone}）。`;
}

/** The parts of the day a day's times fall in: `上午`, `上午和下午`. */
function partsOf(slots: readonly Slot[]): string {
  const parts = (['morning', 'afternoon', 'evening'] as const).filter((p) => slots.some((s) => inPart(s, p)));
  return parts.map((p) => PART_NAMES[p]).join('和');
}

/**
 * A day (and maybe a time, or a part of the day) typed at the slot question. `reading`: how words were read
 * as that day (`元宵节是2月20日（周六）`), said first, so a wrong reading can be corrected.
 */
function pickByDay(day: string, time: string | null, a: LegalAnswers, ctx: FlowContext, part?: DayPart, reading?: string): SlotResult {
  const r = dayPick(day, time, a, ctx, part, reading ? '这天' : undefined);
  if (!reading) return r;
  // `元宵节上午10点`: a time taken on a day read from the words: the reading said, and the time kept only on a yes.
  if (r.ok && !r.stay && r.value && !r.confirm) return { ...r, confirm: true, ack: `${reading}。` };
  if (!r.ok) return { ...r, error: `${reading}，${r.error}` };
  return r.ack ? { ...r, ack: `${reading}${CORRECT_IT}${r.ack}` } : r;
}

/** A time said in words and taken (`周三上午十点半`, `10点半`): said back in a short line (`好的，约在…`). */
function saidBackSlot(r: SlotResult): SlotResult {
  return r.ok && !r.stay && r.value && !r.confirm && !r.ack ? { ...r, ack: `好的，约在${slotLabel(r.value)}。` } : r;
}

/** Said after a reading of the words as a day: how to correct it. */
const CORRECT_IT = '；不是这天的话，请直接说日期。';

function dayPick(day: string, time: string | null, a: LegalAnswers, ctx: FlowContext, part?: DayPart, called?: string): SlotResult {
  const today = chinaDay(ctx.now);
  const label = called ?? dayLabel(day);
  const again = (error: string): SlotResult => ({ ok: false, error, options: slotOptions(a, ctx) });
  if (day < today) return again(`${label}已经过去了，请选今天以后的时间：`);
  const holiday = ctx.index.calendar.holidayName(day);
  const { slots: all, widened } = freeSlots(a, ctx);
  const window = workingDaysFrom(ctx.index.calendar, today, widened ? WIDENED_WORKING_DAYS : BOOKING_WORKING_DAYS);
  // Beyond the days that can be booked: that is the reason, said first (`20号以后` where the 20th is a Sunday two
  // weeks on was told 「是周末」 only); a holiday named is said after it (the weekend is in the label already).
  if (day > window.at(-1)!) {
    const also = holiday ? `而且这天是${holiday}假期，不安排咨询。` : '';
    return again(`${label}还约不了：只能预约最近${widened ? WIDENED_WORKING_DAYS : BOOKING_WORKING_DAYS}个工作日内的时间（到${dayLabel(window.at(-1)!)}）${also ? `，${also}` : '，'}请换一天：`);
  }
  if (holiday) return nearestInstead(day, `${label}是${holiday}假期，不安排咨询。`, a, ctx);
  if (!ctx.index.calendar.isWorkingDay(day)) {
    // The label already names the weekday (`12月5日（周六）`): 「…是周末」, never 「12月5日（周六）是周六」.
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
    return nearestInstead(day, `${label}${weekend ? '是周末' : '不上班'}，不安排咨询。`, a, ctx);
  }
  const onDay = all.filter((s) => s.day === day);
  const scheduled = scheduledOn(day, a, ctx);
  // Nobody on duty that day: said so (it is not 约满了), with the nearest free times.
  if (scheduled.length === 0) return nearestInstead(day, nobodyOn(label, a, ctx), a, ctx);
  // Their own booking at that time (a second booking, or the time being moved): said so, never 「已经有人约了」 or 约满了.
  const own = time ? ownBookings(ctx).find((b) => scheduled.some((s) => s.time === time && s.key === b.slotKey)) : undefined;
  if (own) {
    const moving = a.rescheduleNo === own.bookingNo;
    const head = moving ? `${label} ${time} 就是您现在预约的时间，请选一个新的时间` : `${label} ${time} 您已经约好了（预约号 ${own.bookingNo}），不用再约。要再约一个别的时间`;
    if (onDay.length > 0) return { ok: false, error: `${head}，这天还能约：`, options: onDay.slice(0, 12).map((s) => slotOption(s, liveHearing(a, ctx))) };
    return nearestInstead(day, `${head}；这天别的时间都约满了，`, a, ctx);
  }
  // Everything of that day taken, or past.
  if (onDay.length === 0) {
    const late = scheduled.filter((s) => Date.parse(s.start) < ctx.now.getTime() + MIN_LEAD_MINUTES * 60_000).length;
    const why = late === scheduled.length ? '今天能约的时间已经过了' : late > 0 ? '剩下的时间都约满了' : '的时间都约满了';
    return nearestInstead(day, `${label}${whereText(a, ctx)}${why}。`, a, ctx);
  }
  if (time) {
    const hit = onDay.find((s) => s.time === time);
    // `周三上午十点半`: taken, and said back (a number picks what the person sees on the list; words are read).
    if (hit) return saidBackSlot(pickSlot(hit.key, hit.pointId, a, ctx));
    if (Date.parse(`${day}T${time}:00+08:00`) <= ctx.now.getTime()) return again(`${label} ${time} 已经过了，请选一个新的时间：`);
    const options = onDay.slice(0, 12).map((s) => slotOption(s, liveHearing(a, ctx)));
    // A part of the day the day has no hours in (`12月8日下午三点` where the lawyer comes only in the morning): said so.
    const wanted = (['morning', 'afternoon', 'evening'] as const).find((p) => inPart({ time }, p));
    if (wanted && !scheduled.some((s) => inPart(s, wanted))) {
      return { ok: false, error: `${label}只有${partsOf(scheduled)}的时间，${PART_NAMES[wanted]}没有安排。这天能约的是：`, options };
    }
    return {
      ok: false,
      error: scheduled.some((s) => s.time === time) ? `${label} ${time} 已经有人约了，这天还能约：` : `${label} ${time} 没有可约的时间，这天能约的是：`,
      options,
    };
  }
  if (part) {
    const said = `${label}${PART_NAMES[part]}`;
    const hits = onDay.filter((s) => inPart(s, part));
    if (hits.length === 0) {
      // No such times that day at all (`明天下午` where the lawyer comes only in the morning), or all of them taken.
      const none = scheduled.some((s) => inPart(s, part)) ? `${said}的时间都约满了，` : `${label}只有${partsOf(scheduled)}的时间，${PART_NAMES[part]}没有安排。`;
      return { ok: true, stay: true, set: { slotDay: day, slotTo: undefined, slotPart: undefined, slotFrom: undefined }, ack: `${none}这天还能约的是（回复数字选择）：` };
    }
    if (hits.length === 1) return confirmOne(hits[0]!, said, a, ctx);
    return { ok: true, stay: true, set: { slotDay: day, slotTo: undefined, slotPart: part, slotFrom: undefined }, ack: `${said}还能约的时间（回复数字选择）：` };
  }
  return { ok: true, stay: true, set: { slotDay: day, slotTo: undefined, slotPart: undefined, slotFrom: undefined }, ack: `${label}还能约的时间（回复数字选择）：` };
}

/** `2月1日（周一）`, `2月1日到2月3日`: days as said back in a sentence. */
function daysSaid(days: readonly string[]): string {
  return days.map((d) => dayLabel(d)).join('、');
}

/**
 * A range of days said at the slot question (`下周一到周三都行`): the free times of all its days, each day's
 * spread over it; days off in it are named. `reading` says how the words were read.
 */
function pickRange(from: string, to: string, a: LegalAnswers, ctx: FlowContext, part?: DayPart, reading?: string): SlotResult {
  const today = chinaDay(ctx.now);
  const cal = ctx.index.calendar;
  const head = reading ? `${reading}，` : '';
  const again = (error: string): SlotResult => ({ ok: false, error, options: slotOptions(a, ctx) });
  if (to < today) return again(`${head}这几天已经过去了，请选今天以后的时间：`);
  const start = from < today ? today : from;
  const days: string[] = [];
  for (let d = start; d <= to; d = addDays(d, 1)) days.push(d);
  const off = days.filter((d) => !cal.isWorkingDay(d));
  const offSaid = off.length === 0 ? '' : `其中${daysSaid(off)}不上班（${[...new Set(off.map((d) => cal.holidayName(d) ? `${cal.holidayName(d)}假期` : '周末'))].join('、')}），不安排咨询；`;
  const name = PART_NAMES[part ?? 'morning'];
  const hits = freeSlots(a, ctx).slots.filter((s) => s.day >= start && s.day <= to && (!part || inPart(s, part)));
  if (hits.length === 0) {
    const why = off.length === days.length ? `${head}这几天都不上班，不安排咨询。` : `${head}${offSaid}这几天${part ? name : ''}没有可约的时间。`;
    return nearestInstead(to, why, a, ctx);
  }
  // Days past the booking window (7 working days, more when those are full): said, not silently left out.
  const { widened } = freeSlots(a, ctx);
  const last = workingDaysFrom(cal, today, widened ? WIDENED_WORKING_DAYS : BOOKING_WORKING_DAYS).at(-1)!;
  const far = days.filter((d) => d > last && cal.isWorkingDay(d));
  const farSaid = far.length === 0 ? '' : `${daysSaid(far)}还约不了（只能约到${dayLabel(last)}）；`;
  const said = `${head}${offSaid}${farSaid}`;
  if (hits.length === 1) {
    const r = pickSlot(hits[0]!.key, hits[0]!.pointId, a, ctx);
    return r.ok && !r.stay ? { ...r, confirm: true, ack: `${said}这几天${part ? name : ''}只有这一个时间还能约。${r.ack ?? ''}` } : r;
  }
  const spanned = [...new Set(hits.map((s) => s.day))];
  const each = spanned.length > 1 && hits.length > DAY_PAGE ? '每天列出几个，' : '';
  return {
    ok: true,
    stay: true,
    set: { slotDay: start, slotTo: to, slotPart: part, slotFrom: undefined },
    ack: `${said}${reading ? '不对的话请直接说日期。' : ''}这几天${part ? name : ''}还能约的时间（${each}回复数字选择${each ? '；说哪一天可以看那天全部的时间' : ''}）：`,
  };
}

/**
 * Some days said at the slot question, any of which will do: either of them (`周一或者周三`), or a range at one
 * time (`下周一到周三9点`: the time is each day's). Their free times (at that time, in that part of the day) are
 * offered to pick from, the reading said first; one alone is confirmed. Days that cannot be had are named.
 */
function pickAmong(days: readonly string[], time: string | null, a: LegalAnswers, ctx: FlowContext, part: DayPart | undefined, reading: string): SlotResult {
  const today = chinaDay(ctx.now);
  const cal = ctx.index.calendar;
  const head = `${reading}，`;
  const ahead = days.filter((d) => d >= today);
  if (ahead.length === 0) return { ok: false, error: `${head}这几天已经过去了，请选今天以后的时间：`, options: slotOptions(a, ctx) };
  const these = ahead.length === 2 ? '这两天' : '这几天';
  const past = days.filter((d) => d < today);
  const off = ahead.filter((d) => !cal.isWorkingDay(d));
  const { slots: all, widened } = freeSlots(a, ctx);
  const last = workingDaysFrom(cal, today, widened ? WIDENED_WORKING_DAYS : BOOKING_WORKING_DAYS).at(-1)!;
  const far = ahead.filter((d) => d > last && cal.isWorkingDay(d));
  const notes =
    (past.length === 0 ? '' : `${daysSaid(past)}已经过去了；`) +
    (off.length === 0 ? '' : `其中${daysSaid(off)}不上班（${[...new Set(off.map((d) => (cal.holidayName(d) ? `${cal.holidayName(d)}假期` : '周末')))].join('、')}），不安排咨询；`) +
    (far.length === 0 ? '' : `${daysSaid(far)}还约不了（只能约到${dayLabel(last)}）；`);
  const at = time ? spokenTime(time) : part ? PART_NAMES[part] : '';
  const onDays = all.filter((s) => ahead.includes(s.day) && (!part || inPart(s, part)));
  const hits = time ? onDays.filter((s) => s.time === time) : onDays;
  /** Each day's times, spread over it, up to a page in all. */
  const offer = (slots: readonly Slot[]): Option[] => {
    const withTimes = ahead.filter((d) => slots.some((s) => s.day === d));
    const each = Math.max(1, Math.floor(DAY_PAGE / withTimes.length));
    return withTimes.flatMap((d) => spread(slots.filter((s) => s.day === d), each)).map((s) => slotOption(s, liveHearing(a, ctx)));
  };
  if (hits.length === 0) {
    if (off.length === ahead.length) return nearestInstead(ahead[0]!, `${head}${these}都不上班，不安排咨询。`, a, ctx);
    // Nothing at that time: the other times of those days, never one of them taken for it.
    if (time && onDays.length > 0) {
      return { ok: false, error: `${head}${notes}${these}${at}都没有能约的时间。${these}还能约的是（回复数字选择）：`, options: offer(onDays) };
    }
    return nearestInstead(ahead[0]!, `${head}${notes}${these}${at}没有可约的时间。`, a, ctx);
  }
  if (hits.length === 1) {
    const r = pickSlot(hits[0]!.key, hits[0]!.pointId, a, ctx);
    return r.ok && !r.stay ? { ...r, confirm: true, ack: `${head}${notes}${these}${at}只有这一个时间还能约。${r.ack ?? ''}` } : r;
  }
  return { ok: false, error: `${head}${notes}不对的话请直接说日期。${these}${at}还能约的时间（回复数字选择）：`, options: offer(hits) };
}

/**
 * Words read as when to come (parsers/day.ts `parseBookingWhen`: `元宵节`, `国庆节后`, `国庆前`, `初八`, `下周一到周三`,
 * `周一或者周三`): the day, the days from one on, a range or some days, offered with the reading said back; null
 * when the words are not such.
 */
function pickByWhen(said: string, a: LegalAnswers, ctx: FlowContext): SlotResult | null {
  const w = parseBookingWhen(said, ctx.now, ctx.index.calendar);
  if (!w) return null;
  if (w.kind === 'ask') {
    const example = w.example ? typedDay(w.example) : exampleDay(a, ctx);
    return { ok: false, error: `${w.why}请直接说日期，例如「${example}」，或者回复下面时间前面的数字：`, options: slotOptions(a, ctx) };
  }
  const part = w.part ? PART_OF[w.part] : undefined;
  if (w.kind === 'days') return pickAmong(w.days, w.time, a, ctx, part, w.reading);
  if (w.kind === 'range' && w.time) {
    const days: string[] = [];
    for (let d = w.from < chinaDay(ctx.now) ? chinaDay(ctx.now) : w.from; d <= w.to; d = addDays(d, 1)) days.push(d);
    return pickAmong(days.length > 0 ? days : [w.to], w.time, a, ctx, part, w.reading);
  }
  if (w.kind === 'range') return pickRange(w.from, w.to, a, ctx, part, w.reading);
  if (w.kind === 'day') return pickByDay(w.day, w.time, a, ctx, part, w.reading);
  // From a day on (`国庆节后`): the free times from that day, unless that day itself cannot be had (then why).
  const from = new Date(Date.parse(`${w.day}T00:00:00+08:00`) - 1000).toISOString();
  const p = slotPage({ ...a, slotFrom: from, slotDay: undefined, slotTo: undefined, slotPart: part }, ctx);
  if (w.time || p.slots.length === 0 || p.slots[0]!.start < from) {
    const r = pickByDay(w.day, w.time, a, ctx, part, w.reading);
    // `过三天下午3点`, `周五以后下午3点`: that day's time is a reading (any day from it on was meant), proposed and kept
    // only on a yes; it was taken silently.
    return w.time && r.ok && !r.stay && r.value ? { ...r, confirm: true, ack: `${w.reading}，这天${slotLabel(r.value).replace(/^.*?）\s*/u, '')}还能约。` } : r;
  }
  return {
    ok: true,
    stay: true,
    set: { slotFrom: from, slotDay: undefined, slotTo: undefined, slotPart: part },
    ack: `${w.reading}${CORRECT_IT}从这天起${part ? PART_NAMES[part] : ''}还能约的时间（回复数字选择）：`,
  };
}

/** A part of the day said alone (`下午`): of the day shown, else of every day on offer. */
function pickByPart(part: DayPart, a: LegalAnswers, ctx: FlowContext): SlotResult {
  if (a.slotDay && a.slotTo) return pickRange(a.slotDay, a.slotTo, a, ctx, part);
  if (a.slotDay) return pickByDay(a.slotDay, null, a, ctx, part);
  const name = PART_NAMES[part];
  const free = freeSlots(a, ctx).slots;
  const hits = free.filter((s) => inPart(s, part));
  if (hits.length === 0 && part === 'evening') {
    // `晚上下班后`: there are no evening times; the latest of each day, and (at a service point) a call instead.
    const latest = [...new Set(free.map((s) => s.day))].map((d) => free.filter((s) => s.day === d).at(-1)!).slice(0, SLOTS_PER_PAGE);
    const phone = modeOf(a) === 'in_person' && modesFor(ctx, a.help ?? 'lawyer').includes('phone') ? '白天走不开的话，也可以回复「改成电话咨询」。\n' : '';
    if (latest.length > 0) {
      return { ok: false, error: `晚上没有可约的时间（咨询都安排在白天上班的时间）。${phone}每天最晚能约的是（回复数字选择）：`, options: latest.map((s) => slotOption(s, liveHearing(a, ctx))) };
    }
  }
  if (hits.length === 0) {
    const why = part === 'noon' || part === 'evening' ? '（咨询都安排在白天上班的时间）' : '';
    return { ok: true, stay: true, set: { slotDay: undefined, slotTo: undefined, slotPart: undefined, slotFrom: undefined }, ack: `${name}没有可约的时间${why}，能约的是（回复数字选择）：` };
  }
  if (hits.length === 1) return confirmOne(hits[0]!, name, a, ctx);
  return { ok: true, stay: true, set: { slotPart: part, slotFrom: undefined }, ack: `${name}还能约的时间（回复数字选择）：` };
}

/** The evening asked about before the times are shown (`晚上可以吗`, `我只有晚上有空`, `下班后行不行`): no day named. */
const EVENING_ASKED = /^(?:那|我|请问)?(?:只有|只能|能不能|可不可以|可以|能)?(?:晚上|傍晚|夜里|下班(?:以后|之后|后)|下了班)(?:才)?(?:可以|行|能约|能去|去|来|约|有空|有时间|方便|咨询|打电话)?(?:吗|么|嘛|不|呢|不行|行不行|可不可以|可以不)?(?:[?？。!！~]*)$/u;

/** Whether any evening time is free for what is chosen so far (the help, the way to meet). */
export function eveningFree(a: LegalAnswers, ctx: FlowContext): boolean {
  const help = a.help ?? 'lawyer';
  const modes = a.mode ? [a.mode] : modesFor(ctx, help);
  const opts = { calendar: ctx.index.calendar, now: ctx.now, taken: ctx.booking?.taken, workingDays: WIDENED_WORKING_DAYS };
  return modes.some((m) => upcomingFreeSlots(providersFor(ctx.directory, help, m), opts).some((s) => inPart(s, 'evening')));
}

/**
 * `晚上可以吗` at a question before the times (the mode, the place, the service point): whether there are
 * evening times for this help, and what to do instead; null for other words. The question is asked again after it.
 */
export function eveningAsked(t: string, a: LegalAnswers, ctx: FlowContext): string | null {
  if (!EVENING_ASKED.test(t.trim().replace(/\s+/gu, ''))) return null;
  const help = a.help ?? 'lawyer';
  if (eveningFree(a, ctx)) return '有晚上的时间。选时间时回复「晚上」，就只给您看晚上能约的。';
  // A meeting in person (or no way chosen yet): a call or video needs no trip, which may fit around work.
  const remote = modeOf(a) === 'in_person' ? modesFor(ctx, help).filter((m) => m !== 'in_person') : [];
  const instead = remote.length === 0 ? '' : a.mode ? `白天走不开的话，可以回复「改成${MODE_NAMES[remote[0]!]}」，不用跑路。` : `白天走不开的话，可以选${remote.map((m) => MODE_NAMES[m]).join('或')}，不用跑路。`;
  return `晚上没有可约的时间，咨询都安排在工作日的白天（上班时间）。${instead}选时间时会给您看每天最晚的时间。`;
}

/** Whether the lawyer (or procurator) can be trusted, asked while booking (`律师靠谱吗`, `律师专业不`, `是真律师吗`). */
const TRUST_ASKED = /(?:律师|检察官)(?:们)?(?:真的|到底|都)?(?:靠谱|靠得住|可靠|专业|正规|厉害|有用|管用|能信|可信|信得过|负责|水平(?:高|怎么样|咋样|行)?|有水平|有经验|怎么样|咋样|行不行|好不好|是真的|真的假的)(?:吗|么|嘛|不|没|没有|吧|啊|呀|呢)?[?？。!！~]*$|^(?:是)?真(?:的)?律师(?:吗|么|嘛)?[?？。!！~]*$/u;

/** `律师靠谱吗` while booking: who the union lawyer (or procurator) is; null for other words. */
export function trustAsked(t: string, a: LegalAnswers): string | null {
  const s = t.trim().replace(/\s+/gu, '');
  if (s.length > 16 || !TRUST_ASKED.test(s)) return null;
  if (a.help === 'procurator' || (/检察官/u.test(s) && !/律师/u.test(s))) {
    return '接待您的是检察院的检察官，听您说情况，帮您看能不能支持起诉。咨询免费；您说的情况只给为您咨询的检察官和工会工作人员看。';
  }
  return '工会律师是工会为职工安排的律师，专门帮职工看欠薪、工伤、劳动合同这些事，咨询免费；您说的情况只给为您咨询的律师和工会工作人员看。预约成功后会告诉您是哪位律师接待。';
}

/** Whether the employer will learn of the booking, or whether it can be made without a name, asked while booking. */
const BOSS_LEARNS_ASKED = /^(?:那|请问)?(?:会不会|会|能不能|可以|能|可不可以)?(?:被|让)?(?:老板|单位|公司|厂里|包工头|工头)(?:会不会|会|能不能|能)?(?:知道|晓得|发现)(?:吗|么|嘛|不|没|啊|呀|呢)?$|^(?:能不能|可不可以|能|可以)?(?:匿名|不留名字?|不写名字|不用真名)(?:吗|么|嘛|不|啊|呀|呢)?$|^(?:会|能)?保密(?:吗|么|嘛|不)$|^(?:那|请问)?(?:律师|检察官)(?:会不会|会|能不能|能|要不要|要|是不是)?(?:告诉|通知|联系|找|跟|和)(?:我的?)?(?:老板|单位|公司|厂里|包工头|工头)(?:说)?(?:吗|么|嘛|不|啊|呀|呢)?$/u;
/** How long it takes, asked while booking with nothing else named (`要多久`, `多长时间`, `等多久`). */
const HOW_LONG_ASKED = /^(?:那|请问)?(?:要|得|需要|大概|一般)?(?:多久|多长时间|多少时间|等多久|几天)(?:啊|呀|呢|吗)?$/u;

/** `会不会被老板知道`, `律师会不会告诉老板`, `能匿名吗`: whether the employer learns of it (while booking, or once booked). */
export function bossLearnsAsked(t: string): boolean {
  return BOSS_LEARNS_ASKED.test(t.trim().replace(/[\s?？。!！~～]+/gu, ''));
}

/** Who sees what was said for the booking: never the employer. */
export function bossLearnsText(help: HelpKind | undefined): string {
  return `预约时您说的情况，只有为您咨询的${help === 'procurator' ? '检察官' : '律师'}和工会工作人员能看到，我们不会告诉老板或单位。`;
}

/** `会不会被老板知道`, `能匿名吗`, `要多久` while booking: a short true answer; null for other words. */
export function bookingAsked(t: string, a: LegalAnswers): string | null {
  const s = t.trim().replace(/[\s?？。!！~～]+/gu, '');
  const who = a.help === 'procurator' ? '检察官' : '律师';
  if (bossLearnsAsked(t)) return `${bossLearnsText(a.help)}预约要留姓名和手机号，${who}要打电话联系您、确认时间，所以不能匿名。`;
  if (HOW_LONG_ASKED.test(s)) return `这几个问题填完，选好时间就约上了，${who}按您约的时间接待您。能约哪些时间，后面会给您看。`;
  return null;
}

/**
 * What the desk gives the time question for a bare number that is both an option's number and the hour
 * a listed time starts at (`10` with option 10 at 15:30 and a time at 10:00): `slot-number-or-hour:10`.
 */
export const SLOT_NUMBER_OR_HOUR = 'slot-number-or-hour:';

/** The hour (7 to 12 o'clock) a bare number at the slot list may mean, as `HH:00`; null for other numbers. */
export function hourOfNumber(t: string): string | null {
  const n = /^\d{1,2}$/u.test(t) ? Number(t) : NaN;
  return n >= 7 && n <= 12 ? `${String(n).padStart(2, '0')}:00` : null;
}

/** Which of two times a bare number meant (option `n`, or the time starting at `n` o'clock): asked, both offered. */
function numberOrHour(said: string, a: LegalAnswers, ctx: FlowContext): SlotResult {
  const options = slotOptions(a, ctx);
  const n = Number(said);
  const hour = hourOfNumber(said);
  const byNumber = options[n - 1];
  const byHour = hour ? slotPage(a, ctx).slots.find((x) => x.time === hour) : undefined;
  const numbered = byNumber?.value.startsWith('slot:') ? slotPage(a, ctx).slots[n - 1] : undefined;
  if (!numbered || !byHour || numbered.key === byHour.key) {
    if (numbered) return pickSlot(numbered.key, numbered.pointId, a, ctx);
    return { ok: false, error: `请回复时间前面的数字，例如「1」；也可以说几点，例如「${spokenTime(slotPage(a, ctx).slots[0]?.time ?? '09:00')}」。` };
  }
  const both = [byHour, numbered].sort((x, y) => x.start.localeCompare(y.start));
  return {
    ok: false,
    error: `您回复的「${n}」，是要第${n}个时间（${slotLabel(numbered)}），还是${n}点开始的（${slotLabel(byHour)}）？请回复下面的数字：`,
    options: both.map((s) => slotOption(s, liveHearing(a, ctx))),
  };
}

// --- what people say at the slot list ----------------------------------------------------------------

/** Words naming the booking's time (`那天` too: `那天去不了了`). */
const TIME_NAMED = /^(?:(?:把|我的?|那个|这个)?(?:预约的?|约的)?(?:时间|日子|日期|哪天|几点|时段)(?:的话)?|那天(?:我)?)[,，\s]*/u;
/** Said before a change: `不对，`, `说错了，`. */
const WRONG_FIRST = /^(?:不对|错了|说错了|搞错了|弄错了)(?:了|啊)?[,，\s]*/u;
/** The time does not suit: `不合适`, `写错了`, `有事`, `去不了`. */
const NOT_SUITED = /^(?:(?:写|填|选|说|搞|弄)?错了|不(?:太|大)?(?:合适|行|方便|对|好|可以)|有(?:点)?(?:问题|冲突)|冲突了?|(?:我)?(?:去|来|到)不了|(?:那天|那时候?|那会儿?)?(?:我)?有事)(?:了|啊|呀|哦)?[,，\s]*/u;
/** The day (or time) that does not suit, said before it: `周四来不了`, `明天上午不行`, `3号有事`. */
const DAY_FIRST = /^(?:(?:这个?|本|下下个?|下个?)?(?:周|星期|礼拜)[一二三四五六日天]|今天|明天|后天|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])(?:的话)?(?:上午|下午|早上|中午)?(?:的话)?(?:我)?[,，\s]*/u;
/** Asked to change it: `改成`, `换到`, `能不能改一下`, `换个时间`; or `应该是` after the time is named. */
const CHANGE_TO = /^(?:那|那就|还是|那还是)?(?:要不然|要不|不如)?(?:就)?(?:能不能|能否|可以|可不可以|可否|我想|想|我要|要|帮我|麻烦|请|能)?(?:再)?(?:(改|换|调|挪)(?:一下|下(?![周星礼个月午])|个|一个)?(时间|日子|一天|天|时段)?(?:吧)?(成|为|到|在)?|(应该是|应该|是))[,，\s]*/u;

/**
 * A request to change the booking's time (`时间改成下周一上午`,
 * `时间不合适，换到下午`, `换个时间`, `改到周四`): the words saying when
 * ('' when none). Null when the message is not one: without naming the
 * time, the words must say when (`改成王五` is a name; `改3号` may be item 3).
 */
export function timeChange(text: string): { wish: string } | null {
  let t = text.trim().replace(/[。！!~～]+$/u, '');
  const eat = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(t);
    if (!m || m[0] === '') return null;
    t = t.slice(m[0].length);
    return m;
  };
  const wrong = eat(WRONG_FIRST) !== null;
  let named = eat(TIME_NAMED) !== null;
  let change = eat(NOT_SUITED) !== null;
  // `周四来不了 改周五`: the day that does not suit named first, then why (the wish is what follows).
  let week: string | undefined;
  let dayOnly: string | undefined;
  if (!named && !change) {
    const whole = t;
    const first = eat(DAY_FIRST);
    if (first && eat(NOT_SUITED)) {
      change = true;
      week = /^(这个?|本|下下个?|下个?)(?:周|星期|礼拜)/u.exec(first[0])?.[1];
      // `周四上午不行 下午可以`: only the part of that day did not suit.
      const part = /^(.+?)(?:的话)?(?:上午|下午|早上|中午)/u.exec(first[0]);
      if (part) dayOnly = part[1];
    } else t = whole;
  }
  let toward = false;
  const before = t;
  const m = eat(CHANGE_TO);
  if (m?.[4]) {
    // `应该是周四` changes only the time named (or after `不对`), to a day or time said (`时间是对的` changes nothing).
    if ((named || wrong) && WHEN_WORDS.test(t)) change = true;
    else t = before;
  } else if (m) {
    change = true;
    if (m[2]) named = true;
    if (m[3]) toward = true;
  }
  if (!change) return null;
  // `改2 20号`, `改第2项 20号`: an item of the summary picked by its number, and its new value (never the time's wish).
  if (m && !m[2] && !named && /^(?:第)?\d{1,2}(?:项|条|个)?\s+\S|^第\d{1,2}(?:项|条|个)?/u.test(t.trim())) return null;
  let wish = t.trim();
  // `下周三不行 周四可以`: a bare weekday after a week's day that does not suit is of that week (下周四), as said.
  // (`那就周四吧`, `改周四` too: the first weekday said, when nothing says its week.)
  if (week && !/[这本下上]个?(?:周|星期|礼拜)|今天|明天|后天|\d{1,2}[日号]/u.test(wish)) {
    wish = wish.replace(/(?:周|星期|礼拜)[一二三四五六日天]/u, (d) => `${week}${d}`);
  }
  // `周四上午不行 下午可以`: the afternoon of that Thursday (a part of the day alone is of the day said).
  if (dayOnly && /^(?:那|那就|就)?(?:上午|下午|早上|中午)/u.test(wish)) wish = `${dayOnly}${wish.replace(/^(?:那|那就|就)/u, '')}`;
  if (!named && (!WHEN_WORDS.test(wish) || (!toward && /^\d{1,2}号$/u.test(wish)))) return null;
  return { wish };
}

/** The evening asked for in a longer message (`上午都不行 我要上班 晚上可以吗`, `晚上七点以后`, `下班以后`). */
const EVENING_SAID = /晚上|夜里|傍晚|下班(?:以后|之后|后)/u;

/** Asked about a time rather than picking it: `周六行吗`, `明天下午有空吗`, `周末呢`. */
const ASKED_TAIL = /(?:行吗|行不行|行不|可以吗|可不可以|可以不|成吗|好吗|方便吗|有空吗|有时间吗|有没有(?:时间|空)?|有吗|能约吗|可以约吗|能不能约|呢|吗)[?？。!！~]*$/u;
/** Asking for a time, before it: `能不能约明天`, `可以约在下周一吗`, `能否改到周四`. */
const ASKED_HEAD = /^(?:请问|那)?(?:能不能|能否|可不可以|可否|可以|能)(?:帮我)?(?:约|预约|改到|换到|定在|约到|改成|换成)(?:在|到)?/u;
/** Suggesting a time, before it: `要不下周二吧`, `那就周五`, `不如下午`, `最好周末`, `希望是下午`. */
const SUGGEST_HEAD = /^(?:那|那就|要不然|要不|不如|还是|就|我|最好|希望|想)+(?:是|在)?/u;
/** Any time of the day said (`几点都行`, `随便几点`, `一整天都有空`), after the day it is of. */
const ANY_HOUR_TAIL = /[\s,，]*(?:(?:随便|不管|无论)?(?:几点|什么时候|啥时候|哪个时间|哪个时候|全天|一整天|整天|一天)(?:都|也)(?:行|可以|方便|有空|有时间|没问题|成)|随便(?:几点|什么时候|啥时候)(?:都行|都可以)?)(?:吧|的|啊)?$/u;
/** After work: the evening (`晚上下班后`, `下了班`, `明天收工以后`). */
const AFTER_WORK = /(?:晚上)?(?:下班|下了班|收工|放工)(?:了)?(?:以后|之后|后)?(?:的?(?:时间|时候))?$/u;
/** When they are free said as such (`只有周末有空`, `我周四上午才有时间`): the time it names. */
const FREE_SAID = /^(?:我)?(?:只有|只)?(.+?)(?:才|都)?(?:有空|有时间|方便)(?:吧|啊|呀)?[。!！~]*$/u;

/**
 * What is said at the slot list as the time question reads it: a question
 * about a time is that time (`周六行吗` is `周六`), after work is the evening
 * (`晚上下班后`, `明天下班后`), the weekend its Saturday (`周末`).
 */
export function slotWish(text: string): string {
  let t = text.trim();
  const asked = t.replace(ASKED_TAIL, '');
  if (asked !== t && asked !== '') t = asked;
  // `能不能约明天`, `可以约下周一上午吗`: asked with the words before the time (only when a time follows them).
  const head = t.replace(ASKED_HEAD, '');
  if (head !== t && WHEN_WORDS.test(head)) t = head;
  // `要不下周二吧`, `那就周五吧`, `还是下午吧`: suggested (only when a time follows the words).
  const suggested = t.replace(SUGGEST_HEAD, '');
  if (suggested !== t && (WHEN_WORDS.test(suggested) || /^(?:下个?|这个?|本)?(?:周末|礼拜末)$/u.test(suggested))) t = suggested;
  // `明天几点都行`, `周四随便几点`: any time of that day, so the day.
  const day = t.replace(ANY_HOUR_TAIL, '');
  if (day !== t && day !== '') t = day;
  const free = FREE_SAID.exec(t);
  // Only a time said so (`都有空` alone is no time).
  if (free && (WHEN_WORDS.test(free[1]!) || /周末|礼拜末/u.test(free[1]!))) t = free[1]!;
  if (AFTER_WORK.test(t)) t = `${t.replace(AFTER_WORK, '')}晚上`;
  // `后天下午三点左右`, `大概明天上午`: hedged, the time said (said back when it is taken).
  if (WHEN_WORDS.test(t)) t = aboutTime(t);
  return t.replace(/^(下个?|这个?|本)?(?:周末|礼拜末)$/u, '$1周六');
}

/** A time hedged (`三点左右吧`, `大概下午三点`, `3点前后`): about that time, no pick from a list. */
const HEDGED_TIME = /左右|前后|的样子|大概|大约|差不多|估计/u;

/** Any day said first, and more after it (`随便哪天都行 下午好点`, `哪天都可以，上午吧`): 1, the words after it. */
const ANY_DAY_FIRST = /^(?:我)?(?:随便|都行|都可以|无所谓|(?:随便)?(?:哪天|哪一天|什么时候|啥时候|哪个时间)(?:都行|都可以|都有空|都方便|都没问题)?)(?:吧|啊)?[,，。;；!！\s]+(.+)$/u;

/** `3号`, `选3号`, `就9号吧`, `3号下午`: a day of the month (what the number list must never take as option 3). */
const DAY_OF_MONTH = /^(?:选|选择|就|我选|要|约|回复)?(\d{1,2}|[一二两三四五六七八九十]{1,3})号/u;

/**
 * A message at the slot list as the time question reads it, when that
 * differs from the words: `3号` is the 3rd of the month, never option 3;
 * `时间改成下午` is `下午`; `换个时间` is the list from the start. Null
 * when the words are read as they are.
 */
export function slotWords(text: string): string | null {
  const t = text.trim();
  // `不是周三 是周四`, `不是下周三，是周四`: the day said after the one denied (of its week, when a week was said).
  const denied = /^(?:不是|不要)(.+?)[,，\s]*(?:而)?(?:是|要)(.+)$/u.exec(t);
  if (denied && WHEN_WORDS.test(denied[1]!) && WHEN_WORDS.test(denied[2]!)) {
    const week = /^(这个?|本|下下个?|下个?)(?:周|星期|礼拜)[一二三四五六日天]$/u.exec(denied[1]!)?.[1];
    const said = denied[2]!.trim();
    return week && /^(?:周|星期|礼拜)[一二三四五六日天]/u.test(said) ? `${week}${said}` : said;
  }
  const asked = timeChange(t);
  const wish = asked ? asked.wish || '最早' : t;
  // `周六行吗`, `晚上下班后`: only when what is left says when (`有吗` alone is no time).
  const plain = slotWish(wish);
  const read = (plain !== wish && WHEN_WORDS.test(plain) ? plain : wish).replace(DAY_OF_MONTH, '$1日');
  // `三点左右吧`: the hedge kept in front (`大概三点`), so the time question knows the hour was not picked from its list.
  const w = HEDGED_TIME.test(wish) && !HEDGED_TIME.test(read) && WHEN_WORDS.test(read) ? `大概${read}` : read;
  return w !== t ? w : null;
}

// --- the fields ---------------------------------------------------------------------------------

/** Words that only hedge a day (`好像是十一月三号`, `大概11月3号`, `十一月三号吧`): the day is what was said. */
const DAY_HEDGE_BEFORE = /^(?:[嗯呃额]+|那个|好像|好象|大概|大约|差不多|应该|可能|估计|(?:我)?记得)+(?:是|在)?/u;
const DAY_HEDGE_AFTER = /(?:吧|左右|前后|的样子|那样子?)+[。.!！~～]*$/u;
/** After a day, words saying it is about that day (`二十号左右`, `20号前后`). */
const DAY_ABOUT = /(?:左右|前后|的样子|那样子?)(?:吧)?[。.!！~～]*$/u;
/** `上个月月底`: the month said twice (上个月 + 月底), read as 上个月底. */
const MONTH_TWICE = /月月(?=底|末|初|中)/u;

/** The day inside `昨天被辞了`, `前天刚走`, `今年6月8号离职`, `11月12号走的`. */
function leftDayText(t: string): string {
  return t
    .trim()
    .replace(DAY_HEDGE_AFTER, '')
    .replace(DAY_HEDGE_BEFORE, '')
    .replace(MONTH_TWICE, '月')
    .trim()
    .replace(/^(?:是|在|我|俺|就|日期错了|干到|做到|上班到|干完)+/u, '')
    // `10月31号最后一天上班 11月1号就没去了`: the last day worked is the day they left (the day after, not gone to, is not).
    .replace(/^(.+?[号日底])(?:是|就是)?(?:我|俺)?最后一天(?:上班|干活|上工|干|做)(?:了|的)?(?:[,，。\s]+[^,，。\s]{0,10}?(?:就|再|都)?(?:没|没有|不)(?:再)?(?:去|来|上班|干|做)了?)?$/u, '$1')
    // `被开除了昨天`, `离职是10月5号`: the leaving said first, the day after it.
    // `早不干了 九月份走的`: the leaving said first as its own clause, the day after it.
    .replace(/^(?:早就?|早已|已经)?(?:被(?:厂里|公司|老板)?(?:辞退?|开除|炒(?:鱿鱼)?)|离职|辞职|辞工|离开|不干)(?:了|的)?(?:是|在)?[,，\s]*(?=.)/u, '')
    // `走了半个月了`, `离开一个多月了`: how long ago, as `半个月前` (its month kept, the day asked).
    .replace(/^(?:都|已经)?(?:走|离开|离职|辞职|不干)了?(?:有)?((?:半|[一两二三四五六七八九十]|\d{1,2})(?:个)?(?:多)?(?:月|礼拜|星期|周)|[一两二三四五六七八九十\d]{1,2}(?:多)?天)(?:了)?$/u, '$1前')
    // `十月底开除的`, `10月30号辞退的`: 被 left out, the same.
    // `今天早上刚被赶走`: sent away in other words, the same.
    .replace(/(?:就|才|刚|刚刚|已经)?(?:被(?:厂里|公司|老板)?(?:辞退?|开除?|炒(?:鱿鱼)?|赶(?:走|出来))(?:了|的)?|(?:开除|辞退|解雇)(?:了|的)|被辞|走的|走了|离开的|离开了|离职的?|离职了|辞职的?|辞职了|辞工的?|辞工了|辞的工|辞了工|不干的|不干了|没干了|刚走|走|(?:就|再)?(?:没|没有)(?:再)?去(?:了|的)?|被?(?:叫|让|喊)(?:我)?走(?:人)?(?:了|的)?)$/u, '')
    // `上个月20号我就不干了`: the person named between the day and the leaving is no part of the day.
    .replace(/(?:就|才|刚|刚刚)$/u, '')
    .replace(/(?<=[号日月底初旬天])(?:我|俺)(?:就|才|刚|刚刚|已经)?$/u, '');
}

/**
 * A township said in passing, as part of the story (`在南塘摔了`, `在梅岗一个厂做了八个月`, `老家是白沙的`): where it
 * happened, a job done (perhaps left), or home elsewhere, not where they are now; no place to consult (asked at its
 * question). Named as where they are, live or work (`我在东龙`, `我住在柳溪乡下`, `在石岭镇工地干活`: the question itself
 * takes those) or with the meeting (`东龙那个驿站`, `在河西面谈`), it is (proposed, as any fact read).
 */
const STORY_PLACE = /老家|家乡|户口|户籍|原籍|祖籍|在[^，,。\s]{1,10}?(?:摔|伤|撞|砸|压|被|出的事|(?:做|干)了)/u;
const PLACE_CHOSEN = /面谈|见面|当面|服务点|驿站|工作站|附近|近的|那个|(?:就|选|约)[^，,。\s]{1,6}吧/u;
function placeTold(ctx: FlowContext, t: string): TownshipPlace | null {
  const place = findTownship(ctx, t);
  if (!place) return null;
  const clauses = t.split(/[,，。;；!！?？\s]+/u).filter((c) => c && findTownship(ctx, c)?.townshipId === place.townshipId);
  return clauses.length > 0 && clauses.every((c) => STORY_PLACE.test(c) && !PLACE_CHOSEN.test(c)) ? null : place;
}

/** A clause telling of an injury without the matter's words (`去年10月8号摔的`, `上个月10号被机器压了手`). */
const INJURY_CLAUSE = /摔的|摔倒|(?:被|让)[^，,。]{0,8}(?:压|砸|撞|夹|割|烫|切|绞|卷|轧)|受的伤|伤的/u;

/** The day inside `3月5号摔伤的`, `上个月10号受的伤`, `去年12月1日确诊的`. */
function injuryDayText(t: string): string {
  return t
    .trim()
    .replace(DAY_HEDGE_AFTER, '')
    .replace(DAY_HEDGE_BEFORE, '')
    .replace(MONTH_TWICE, '月')
    .trim()
    .replace(/^(?:是|在|我|俺|就|大概|差不多)+/u, '')
    // `被机器压了手`, `让钢管砸了脚`, `在厂里`: how it happened, after the day.
    .replace(/(?:在[^\d，,。]{1,6}?)?(?:被|让|叫)[^\d，,。]{0,8}?(?:压|砸|撞|夹|割|烫|切|绞|卷|轧|碾|砍|扎|咬|刮|碰|弄|打)[^\d，,。]*$/u, '')
    .replace(/在(?:工地上?|厂里|车间|单位|店里|路上)$/u, '')
    .replace(
      /(?:在工地上?|在厂里|在车间|干活(?:的)?时候?|上班(?:的)?时候?)?(?:就|才|刚|刚刚)?(?:受的伤|受伤(?:的|了)?|(?:摔|砸|弄|压|烫|割|扭|撞|碰|夹)(?:伤|断)?(?:的|了)?|伤(?:的|了)|出的事|出事(?:的|了)?|确诊(?:的|了)?|诊断(?:的|了)?|查出来(?:的|了)?|查出的)$/u,
      '',
    )
    .replace(/(?:就|才|刚|刚刚)$/u, '');
}

/** What the desk gives the matter question for `不知道算哪种`. */
export const UNSURE_MATTER = 'other:unsure';
/** Added to a matter's value in the several-matters list when having left was said with them. */
const LEFT_PICK_SUFFIX = ':left';
/** Having left the job, said with the matter (`我被开除了 没给赔偿`), not still there nor a what-if. */
function leftWith(t: string): boolean {
  return !stillButSentAway(t) && findStillEmployed(t) === false && !HYPOTHETICAL.test(t);
}
/** What the desk gives the help question for `都行`, `不知道找谁`, `哪个好`. */
export const EITHER_HELP = 'lawyer:either';
/** What the desk gives the time question for `越快越好`, `随便`, `都可以`. */
export const EARLIEST_SLOT = 'slot:earliest';
/** The same for `都行`, `随便` at a list narrowed (a day, a week): the first time of those shown. */
export const EARLIEST_SHOWN = 'slot:earliest-shown';
/** What the desk gives the time question for `我换个时间`, `能换个时间吗` at the list from its start: how to see other times. */
export const ANOTHER_TIME = 'slot:another';
/** `离我近的`, `就近`, `近一点的`: nearness wished for (the service point, never a time). */
export const NEAR_SAID = /^(?:我)?(?:要|想要|找|选|约|去)?(?:个)?(?:离(?:我|家|我家|我们|住的地方)?(?:比较|最|稍微)?近(?:一点|一些|点)?的?|就近(?:的)?|近(?:一点|一些|点)(?:的)?|附近的)(?:吧|就行|就好|那个|(?:找|约|选)?(?:个|一个)?(?:服务点|地方))?(?:吧)?$/u;
/** The words around a township named for nearness at the way question (`离河西近的`, `河西那个`, `河西附近的`). */
const NEAR_PLACE_BEFORE = /^(?:我)?(?:要|想要|找|选|约|去|就)?(?:个)?(?:离|在|到)?/u;
const NEAR_PLACE_AFTER = /(?:(?:比较|最)?近(?:一点|一些|点)?|那个|那边|那里|那儿|这边|附近|一带)?(?:的)?(?:服务点|地方)?(?:吧|就行|就好)?$/u;
/** `离河西近的`, `河西那个`, `河西的`: a township of the directory named at the way question, or null. */
function townshipAtMode(ctx: FlowContext, t: string): TownshipPlace | null {
  const s = t.trim().replace(/[\s,，。.!！~～]+/gu, '');
  if (WHEN_WORDS.test(s)) return null;
  const inside = findTownship(ctx, s);
  if (inside) return inside;
  const word = s.replace(NEAR_PLACE_BEFORE, '').replace(NEAR_PLACE_AFTER, '');
  if (word === s || word.length < 2) return null;
  const m = matchTownship(ctx.directory, word);
  if (m.kind !== 'exact') return null;
  const entry = ctx.index.townshipById.get(m.township.id);
  return entry ? { districtId: entry.districtId, townshipId: m.township.id } : null;
}
/** The option value of 到服务点面谈 near a township (`in_person@<township id>`), proposed at the way question. */
const MODE_NEAR = /^in_person@(.+)$/u;

/** Matters none of the four names, said plainly: 其他, with what to do meanwhile. */
const OTHER_MATTERS: [RegExp, string][] = [
  // `被组长打了`: beaten by someone named between (never `被老板打了电话`).
  [/打人|打了我|打我|被打|挨打|动手打|揍|被[^，,。\s]{1,4}打(?:了|伤)(?!电话|卡|款|钱|针)/u, '好的，记为「其他」。被打了请先打110报警，受了伤要去医院看，病历、照片都留好。'],
  [/骂人|骂我|辱骂|侮辱|威胁|性骚扰|扣(?:了|押)?(?:我的?)?身份证/u, '好的，记为「其他」，律师会帮您看看怎么维权。'],
  // `押金不退 身份证也被扣着`: the employer holding papers or a deposit (the landlord's deposit is the next one).
  [/^(?!.*(?:房东|房租|租房)).*(?:身份证|证件)[^，,。\s]{0,3}被?扣/u, '好的，记为「其他」。单位扣身份证、收押金都是不允许的，律师会帮您看看怎么要回来。'],
  [/房东|押金|房租|租房/u, '好的，记为「其他」。房东和租房的事不算劳动纠纷，律师可以给您出出主意，也可以打12348问。'],
];

/** A matter hedged (HEDGED_FIT): none picked; how to choose. */
const MATTER_HEDGE_ASK = '不好归类也没关系，选最接近的一项就行，律师咨询时会帮您弄清楚；拿不准就选「其他」。请回复数字选择：1 欠薪、2 工伤、3 劳动合同、4 社保、5 其他。';
/** What happened, told without a matter's words: the matter it comes to, and how that is said before the 「…对吗？」. */
const MATTER_DESCRIBED: [RegExp, Matter, string][] = [
  [/不用(?:再)?来了|别(?:再)?来(?:上班|干)?了|不让(?:我|俺)(?:再)?(?:来|干|上班)了/u, 'contract', '单位不让您去了，算是被辞退，先按「劳动合同」记。'],
  [/(?:上个?月|这个?月|本月|[一两二三四五六七八九十\d]{1,2}个?月|今年|去年|年底)(?:的)?钱[^，,。\s]{0,6}?(?:没发|没给|没结|不发|不给|没到)/u, 'wage', '该发的钱没发，先按「欠薪」记。'],
  [/(?:上班|下班|上下班)(?:的)?(?:路上|途中)[^，,。]{0,12}?(?:撞|摔|车祸|出事)/u, 'injury', '上下班路上遇到不是自己主要责任的交通事故，一般也能认定工伤，先按「工伤」记。'],
];

/** Matters of family, inheritance, loans between people: none of work (`离婚的事`, `我爸的遗产`, `朋友借钱不还`). */
const NOT_WORK_MATTER = /离婚|婚姻|结婚|彩礼|抚养|赡养|继承|遗产|遗嘱|分家|宅基地|家暴|(?:朋友|亲戚|邻居|同学|别人)(?:借|欠)(?:了)?(?:我的?)?钱|借(?:给)?(?:了)?(?:朋友|亲戚|邻居|同学|别人)(?:的)?钱|邻居/u;
const NOT_WORK_ANSWER =
  '这里的工会律师主要帮大家解决工作上的事，比如欠薪、工伤、劳动合同、社保。别的事（比如婚姻家庭、借钱欠款），可以打12348公共法律服务热线咨询。\n' +
  '要是和工作也有关系，请回复数字选择：1 欠薪、2 工伤、3 劳动合同、4 社保、5 其他。';

const MATTER_CHOICES: Choice[] = MATTERS.map((m) => ({ label: MATTER_NAMES[m], value: m, words: MATTER_WORDS.find(([, x]) => x === m)?.[0] }));

/** What a message already says: 我想找律师, 预约检察官, 工伤想电话咨询律师, a place, a name, a phone. */
/** A time said alone, asking if it suits (`明天下午可以不`, `那就周五上午吧`): its when, then the asking words. */
const WHEN_ASKED = /^(?:那就|那|就|嗯|好的|好|行|可以)?[,，\s]*(?:约在?|约个)?([^,，\s]+?)(?:吧|呢|啊)?(?:可以不|行不|好不|可以吗|行吗|好吗|可不可以|行不行|有空吗|有时间吗|方便吗|有没有空|能约吗|能约不)?[?？!！。.~～]*$/u;
/** What a when said alone is made of: days, parts of the day, hours (nothing else said with it). */
const WHEN_ONLY = /^[今明后下这本个周星期礼拜一二三四五六七八九十日天上午中晚早\d号点半:：]+$/u;

/**
 * `明天下午可以不` at 「要帮您预约工会律师吗？」 (offered after a legal answer): a yes, with the day wished for
 * (kept for the slot list, as `我想约律师 明天下午` keeps it). Only a when said alone or asked about; any no in
 * it (`明天不行`, `下周再说吧`) is none (the offer's own reading answers those).
 */
function offerWish(text: string, ctx: FlowContext): Partial<LegalAnswers> | null {
  const t = text.trim();
  if ([...t].length > 16 || /不行|不用|不要|别|算了|没空|没时间|不方便|再说/u.test(t.replace(/(?:可以|行|好)不$|可不可以|行不行/u, ''))) return null;
  const when = WHEN_ASKED.exec(t)?.[1];
  if (!when || !WHEN_ONLY.test(when) || !saysWhen(when)) return null;
  const wish = timeWish(when, ctx);
  if (!wish) return null;
  return wish.night ? { slotNight: true, ...(wish.part ? { slotPart: wish.part } : {}) } : { slotDay: wish.day, ...(wish.part ? { slotPart: wish.part } : {}), ...(wish.at ? { slotAt: wish.at } : {}) };
}

/** Who is wanted, named alone in a clause of its own (`律师 电话咨询`, `找检察官，面谈`). */
function helpNamedAlone(t: string): HelpKind | undefined {
  return t.split(/[\s,，。;；]+/u).some((c) => /^(?:找|约)?(?:个)?(?:工会)?(?:律师|检察官)(?:吧|的)?$/u.test(c)) ? helpOf(t) : undefined;
}

/**
 * `我老婆也可能打电话过来`, `她会打电话给你们`: someone else who may phone (a relative, a friend), no choice of a phone
 * consultation. The clause is not read for the way to meet (`我想打电话咨询` still is).
 */
const OTHERS_PHONING =
  /(?:她|他|我?(?:老婆|老公|爱人|媳妇|妻子|丈夫|对象|家人|家里人|儿子|女儿|孩子|闺女|爸爸?|妈妈?|父亲|母亲|哥哥?|姐姐?|弟弟?|妹妹?|亲戚|朋友|同事|老乡)|别人)[^，,。;；!！\s]{0,8}?打电话[^，,。;；!！\s]*/gu;

/** A lawyer named (`周明律师`), then met or booked in the next clause (`我想约他`, `想找她`); never someone else's wish. */
const NAMED_LAWYER_WISHED = /律师(?:在吗|在不在|有空吗|有时间吗|在不)?[\s,，。!！?？]+(?:我|俺)?(?:想|要|想要|能不能|可以)?(?:约|找|预约|见|联系)(?:一下|下)?(?:他|她)/u;

function extractLegal(t: string, a: LegalAnswers, ctx: FlowContext): LegalAnswers {
  const out: LegalAnswers = {};
  const help = helpOf(t);
  // Asked for, not just mentioned (`仲裁的时候想有个律师` does not book one).
  // `帮我约个靠谱的律师`: the kind of lawyer wished for, between the verb and the noun; `想让检察院帮我告它`: asked to help.
  if (help && /(?:找|约|预约|请|要|需要|咨询|问问|联系|见|安排)(?:个|一个|一下|下)?(?:(?:靠谱|专业|正规|厉害|好)(?:点|一点|些)?的?)?(?:工会)?(?:的)?(?:律师|检察官|检察院)|律师(?:咨询|预约)|检察官面对面|支持起诉|(?:让|请|叫|想要|希望)(?:工会)?(?:的)?(?:律师|检察官|检察院)(?:帮|替|给)(?:我|俺|我们)/.test(t)) out.help = help;
  const mode = oneOf(MODE_WORDS, t.replace(OTHERS_PHONING, ' '));
  // `律师 电话咨询`: who, named alone beside the way to meet (a lawyer said in passing, `律师说…`, books none).
  if (!out.help && help && mode && helpNamedAlone(t)) out.help = help;
  // `周明律师在吗 我想约他`: a lawyer named, then wished for in the next clause (约他, 找她).
  if (!out.help && help === 'lawyer' && NAMED_LAWYER_WISHED.test(t)) out.help = help;
  // A way the help asked for does not offer (a procurator by phone) is not kept: the mode question says what there is.
  const helpAsked = out.help ?? a.help;
  if (mode && (!helpAsked || modesFor(ctx, helpAsked).includes(mode))) out.mode = mode;
  // `跟工伤有点关系吧 又不全是`: a matter hedged is none read (the question says what to pick).
  const read = HEDGED_FIT.test(t) ? undefined : matterOf(t);
  // `十月底开除的` at a later question (the leaving day), the matter known (工伤): how they left, not the matter
  // changed (「您是要改成：劳动合同」 was asked, and the day lost). A change said as one (`不对 是被开除的事`) still is.
  // Not where the matter is 其他 (`上个月底被开除了` at 「您想怎么咨询？」): that is no matter the leaving day goes with,
  // and being sent away is 劳动合同; the change is proposed with the day (both were dropped without a word).
  const howLeft = a.matter !== undefined && a.matter !== 'contract' && a.matter !== 'other' && read === 'contract' &&
    matterOf(t.replace(/被?(?:开除|辞退|解雇|炒鱿鱼|被炒|炒了)/gu, ' ')) === undefined && !/不对|不是|改|其实|主要|想问|咨询|的事/u.test(t);
  // `我还没走，但是下个月合同到期他说不续了` at the leaving question (the matter known: 欠薪), `上礼拜五走的 工资结到26号`
  // (known: 劳动合同): another matter's words beside still there or gone tell the story, not a change of the matter (「您是要改成：劳动合同」
  // was asked and the answer lost). A change said as one (`不对 是合同的事`, `其实主要是工伤`) still is.
  // Only beside the answer about leaving (a matter told alone at another question, `老板不给我交社保`, is still proposed).
  const inPassing = a.matter !== undefined && a.matter !== 'other' && read !== undefined && read !== 'other' && read !== a.matter &&
    findStillEmployed(t) !== null && !/不对|不是|改|其实|主要|想问|咨询|的事|说错|选错|弄错|搞错/u.test(t);
  const matter = howLeft || inPassing ? null : read;
  if (matter && matter !== 'other') out.matter = matter;
  // `我被开除了 没给工资`: two matters, none of them the one; the matter question asks which to book, from those.
  else if (!matter && !a.matter) {
    const several = mattersNamed(t);
    if (several.length >= 2) out.mattersSaid = several;
  }
  // `3月5号在工地摔伤了`: the day of a work injury, said in the clause that names it
  // (or right before the words that tell it: `上礼拜三在工地上摔的`); a month alone is kept for its day to be asked.
  // The matter known (or waiting for its yes) and the words saying only when (`10月5日受的伤`): that day too.
  // Before the consent (the opening message), a day not yet come this year (`12月5号` on 1 December) is read as last
  // year's, noted so that why is said when it is confirmed (readingSaid), as the day question itself does. Later,
  // at other questions, such a day is left to its own question (asked there, with why).
  const lastYearOk = a.consent === undefined || a.matter === undefined;
  if (matter === 'injury' || (!matter && a.matter === 'injury')) {
    for (const clause of t.split(/[,，。;；!！\s]+/u)) {
      if (!MATTER_WORDS.find(([, m]) => m === 'injury')![0].test(clause) && !INJURY_CLAUSE.test(clause)) continue;
      const day = pastDayIn(injuryDayText(clause), ctx.now, lastYearOk);
      if (day) {
        out.injury = { on: day.day };
        if (day.lastYear) out.injuryLastYear = true;
        break;
      }
    }
    const before = out.injury ? null : dayBefore(t, HURT_VERB, ctx.now, lastYearOk);
    if (before && 'day' in before) {
      out.injury = { on: before.day };
      if (before.lastYear) out.injuryLastYear = true;
    } else if (before) out.injuryMonth = before.month;
  }
  const still = stillButSentAway(t) ? null : findStillEmployed(t);
  if (still === true) out.limit = { employed: true };
  else if (still === false) {
    for (const clause of t.split(/[,，。;；!！\s]+/u)) {
      const day = pastDayIn(leftDayText(clause), ctx.now, lastYearOk);
      if (day) {
        out.limit = { leftOn: day.day };
        if (day.lastYear) out.limitLastYear = true;
        break;
      }
    }
    // `我已经不干了上个月走的`: the day (or the month) said right before leaving.
    const before = out.limit ? null : dayBefore(t, LEFT_VERB, ctx.now, lastYearOk);
    if (before && 'day' in before) {
      out.limit = { leftOn: before.day };
      if (before.lastYear) out.limitLastYear = true;
    } else if (before) out.limitMonth = before.month;
    // Said with the request or its matter (`我被开除了 想问问律师`), as what happened (`怕被开除` is no leaving);
    // at the day question itself the question reads it (flows/legal-aid.ts readDay).
    else if (!out.limit && (out.matter || out.help) && !HYPOTHETICAL.test(t)) out.limitLeft = true;
  }
  // `下礼拜三开庭`: the hearing day, for the lawyer (confirmed like any fact read; never the day to book).
  const hearing = hearingSaid(t, ctx.now);
  if (hearing && (a.hearing?.from !== hearing.from || a.hearing.to !== hearing.to)) out.hearing = hearing;
  const place = placeTold(ctx, t);
  if (place) out.place = place;
  const name = findPersonName(t);
  if (name) out.contactName = name;
  // `我姓张 想问下工伤的事`: a surname only, said of themselves: kept to offer at the contact question (never the name).
  const surname = name || a.contactName ? null : surnameSaid(t);
  if (surname) out.contactSurname = surname;
  const phone = findPhone(t);
  if (phone) out.phone = phone;
  // `想约个律师 明天下午 电话咨询`: when they would like it, kept for the slot list (a wish, not an answer to confirm).
  // Only with the request or other facts (a day alone, at another question, is not understood as this).
  const wish = Object.keys(out).length > 0 || /约|律师|检察官|咨询|面谈|见面/u.test(t) ? timeWish(t, ctx) : null;
  if (wish) {
    if (wish.night) out.slotNight = true;
    else out.slotDay = wish.day;
    if (wish.part) out.slotPart = wish.part;
    if (wish.at) out.slotAt = wish.at;
  }
  // `我想找律师 问下工伤怎么认定 11月20号的事`: 工伤 named in the message, and its one day said in a clause of its own
  // (the month and day, `的事` at most): the day of the injury, confirmed with the matter. Only a day already past this
  // year, and no other day, time or reading in the message (a booking day, a month, leaving): those are not this.
  if (matter === 'injury' && out.injury === undefined && out.injuryMonth === undefined && out.limit === undefined && out.limitMonth === undefined && out.limitLeft === undefined && !wish) {
    const alone = (t.match(/月/gu) ?? []).length === 1 && (t.match(/[日号]/gu) ?? []).length === 1 && !OTHER_TIME.test(t);
    for (const clause of alone ? t.split(/[,，。;；!！\s]+/u) : []) {
      const m = DAY_ALONE.exec(clause);
      if (!m) continue;
      const day = pastDayIn(m[1]!, ctx.now);
      if (day) out.injury = { on: day.day };
      break;
    }
  }
  return out;
}

/** `我姓张`, `本人姓李`, `免贵姓王`: a surname said of oneself, not a name (`我姓张 叫张伟` has the name). */
const SURNAME_SAID = /(?:我|俺|本人|免贵)(?:就|是)?姓(\p{Script=Han}{1,2})(?=$|[\s,，。.!！;；]|想|要|的|呢|啊|哈|，)/u;
/** The surname of `我姓张`, a common or compound one, else null. */
function surnameSaid(t: string): string | null {
  const m = SURNAME_SAID.exec(t.trim());
  if (!m) return null;
  const said = m[1]!;
  if (said.length === 2) return COMPOUND_SURNAMES.includes(said) ? said : null;
  return commonSurname(said) ? said : null;
}

/** A clause that is only a day of a month (`11月20号的事`, `是10月3日那天`). */
const DAY_ALONE = new RegExp(`^(?:是|就是)?((?:[0-9]{1,2}|${'[零〇一二两三四五六七八九十]'}{1,3})月(?:[0-9]{1,2}|[零〇一二两三四五六七八九十廿]{1,3})[日号])(?:的事(?:情|儿)?|那天(?:的事(?:情|儿)?)?|那次)?$`, 'u');
/** Other words of time: with them, the one day said may be another's (`上个月`, `明天`, `去年`, `下午`, `几点`). */
const OTHER_TIME = /年|(?<!那)天|周|星期|礼拜|上午|下午|晚上|早上|中午|点|时候|以前|之前|以后|之后|前后|左右|开除|辞退|离职|走的|不干/u;

/**
 * A past day the words are (a reading such as `腊月二十` too: facts of a
 * message are confirmed, with the day shown). A day still to come this year
 * (`12月5号摔伤的` on 1 December) is asked about, not read as last year's,
 * unless `lastYearOk`: then it is last year's, marked so (why is said with it).
 */
function pastDayIn(said: string, now: Date, lastYearOk = false): { day: string; lastYear: boolean } | null {
  const d = parsePastDay(said, now);
  if (!d || !d.ok || d.value.day > chinaDay(now)) return null;
  // A reading already (`腊月二十`, `月底`) says itself in the day shown; only a plain day is read as last year's.
  const lastYear = lastYearReading(said, d.value.day, now);
  if (lastYear && (!lastYearOk || d.value.inferred)) return null;
  return { day: d.value.day, lastYear };
}

const CN = '[0-9零〇一二两三四五六七八九十廿]';
const YEAR_SAID = '(?:今年|去年|前年|\\d{4}年)?';
/** Words for a day (or a month) ending a text: what is said right before 走的, 摔的. */
const DATE_WORDS = `(?:${[
    `${YEAR_SAID}(?:农历|阴历|老历)?(?:${CN}{1,3}|正|冬|腊)月份?(?:${CN}{1,3}[日号]?|初${CN}|底|末|初|中旬|上旬|下旬)?`,
    `(?:上上个?|上个?|这个?|本)月(?:${CN}{1,3}[日号]|底|末|初|中旬|上旬|下旬)?`,
    `(?:上上个?|上个?|这个?|本)?(?:周|星期|礼拜)[一二三四五六日天1-7]`,
    `(?:大前天|前天|昨天|昨晚|昨儿|今天|今早|今儿)(?:上午|下午|晚上|早上|中午|傍晚|夜里)?`,
    `${CN}{1,3}天(?:以|之)?前`,
    `${YEAR_SAID}(?:元旦|国庆节?|五一|劳动节|中秋节?|端午节?|春节|大年初一|元宵节?|除夕|大年三十|八月十五)`,
    `${CN}{1,3}[日号]`,
  ].join('|')})`;
const DATE_TAIL = new RegExp(`${DATE_WORDS}(?:那天|当天|那一天|的时候)?$`, 'u');
/** The same words for a day (or a month) opening a text, before what happened (group 1: the day's words). */
const DATE_HEAD = new RegExp(`^(${DATE_WORDS})(?:那天|当天|那一天|的时候)?[,，\\s]*(?=[^\\d号日月底初旬末中份])`, 'u');
/** Leaving, said after the day: `上个月走的`, `10月底不干了`. */
// `上个月底老板把我开除了`, `上个月底被老板开了`: sent away, the one who did it said between the day and the verb.
const LEFT_VERB = /被(?:厂里|公司|老板|工头|包工头)?(?:给)?(?:辞退?|开除|炒|开了)|(?:老板|厂里|公司|单位|工头|包工头|领导)?(?:就|又)?把(?:我|俺)(?:给)?(?:辞退?|开除|炒|开了)|(?:开除|辞退|解雇)(?:的|了)|走的|走了|离开|离职|辞职|辞工|不干|没干|不做|没做/gu;
/** Getting hurt, said after the day: `上礼拜三在工地上摔的`. */
const HURT_VERB = /受的伤|受伤|摔|砸|压|烫|割|切|绞|轧|碾|扭|撞|碰|夹|伤|骨折|出的事|出事|确诊|查出/gu;

/**
 * The day (or only the month) said right before words for what happened,
 * in a message without commas (`我已经不干了上个月走的`, `就是上礼拜三在工地上摔的腿断了`).
 * Two different days, or a day and a month, are no answer.
 */
function dayBefore(t: string, verb: RegExp, now: Date, lastYearOk = false): { day: string; lastYear: boolean } | { month: string } | null {
  const days = new Set<string>();
  const lastYear = new Set<string>();
  const months = new Set<string>();
  for (const m of t.matchAll(verb)) {
    const before = t.slice(0, m.index).replace(/(?:在[^\d，,。;；!！\s]{1,6}?|就|才|刚|刚刚|已经|是)+$/u, '').replace(/(?<=[号日月底初旬天])(?:我|俺)(?:就|才|刚|刚刚|已经)?$/u, '');
    const words = DATE_TAIL.exec(before)?.[0];
    if (!words) continue;
    // `上个月还是上上个月摔的`: one of two times, not known which (no answer).
    if (/(?:还是|或者|或是|要么|或)$/u.test(before.slice(0, before.length - words.length))) return null;
    const day = pastDayIn(words, now, lastYearOk);
    if (day) {
      days.add(day.day);
      if (day.lastYear) lastYear.add(day.day);
      continue;
    }
    if (parsePastDay(words, now) || LUNAR_MONTH_ONLY.test(words)) continue;
    const month = parseMonthDetailed(words.replace(/(?:上旬|中旬|下旬|月初|初)$/u, ''), now);
    if (month.ok) months.add(month.value.month);
  }
  if (days.size === 1 && months.size === 0) return { day: [...days][0]!, lastYear: lastYear.size > 0 };
  if (days.size === 0 && months.size === 1) return { month: [...months][0]! };
  return null;
}

/** Someone a booking may be for besides the person typing (`我爸`, `我老婆`, `老乡`, `他`). */
const BOOKED_FOR =
  '爸爸|老爸|老爹|父亲|爸|爹|妈妈|老妈|母亲|妈|娘|老婆|媳妇|妻子|爱人|老公|丈夫|对象|儿子|女儿|闺女|孩子|哥哥|哥|弟弟|弟|姐姐|姐|妹妹|妹|' +
  '公公|婆婆|岳父|岳母|丈母娘|老丈人|叔叔|舅舅|姑姑|阿姨|侄子|外甥|家里人|家人|家里老人|老人|亲戚|朋友|同事|工友|老乡|他|她|别人';
/** `帮我爸约个律师`, `给我老婆预约法律咨询`, `替老乡找律师`, `帮我爸问一下`, `我是帮我妈问的`: the booking asked for someone else (group 1). */
const FOR_OTHER = new RegExp(`(?:帮|替|给|代)(?:我|俺)?(?:家)?(?:的)?(${BOOKED_FOR})(?:们)?(?:来)?(?:约|预约|找|请|联系|安排|问|咨询|申请|挂)`, 'u');
/** `我爸想找个律师`, `我老婆要咨询律师`: someone else wants it (group 1). */
const OTHER_WANTS = new RegExp(`(?:我|俺)(?:家)?(?:的)?(${BOOKED_FOR})(?:想|要|需要|打算)(?:找|约|预约|咨询|见|问问)`, 'u');
/** The polite word for them in what is said back (`您父亲`, `您爱人`, `他`). */
const BOOKED_FOR_SAID: Record<string, string> = {
  爸爸: '父亲', 老爸: '父亲', 老爹: '父亲', 爸: '父亲', 爹: '父亲', 妈妈: '母亲', 老妈: '母亲', 妈: '母亲', 娘: '母亲',
  老婆: '爱人', 媳妇: '爱人', 妻子: '爱人', 老公: '爱人', 丈夫: '爱人', 闺女: '女儿', 哥: '哥哥', 弟: '弟弟', 姐: '姐姐', 妹: '妹妹',
  老丈人: '岳父', 丈母娘: '岳母', 家里人: '家人', 家里老人: '家里老人', 老人: '家里老人',
};
const SHE = /^(?:妈妈|老妈|母亲|妈|娘|老婆|媳妇|妻子|女儿|闺女|姐姐|姐|妹妹|妹|婆婆|岳母|丈母娘|姑姑|阿姨|她)$/u;
const HE = /^(?:爸爸|老爸|老爹|父亲|爸|爹|老公|丈夫|儿子|哥哥|哥|弟弟|弟|公公|岳父|老丈人|叔叔|舅舅|侄子|外甥|他)$/u;

/**
 * Whom a booking asked for is for, when not the person typing (`我想帮我爸约个律师` → 爸); null for their own
 * (`我想约个律师`, `我爸让我来约律师`: no one else is said to need it) or when denied (`不是帮我爸约的`).
 */
export function bookingForOther(text: string): string | null {
  const s = text.replace(/\s+/gu, '');
  const m = FOR_OTHER.exec(s) ?? OTHER_WANTS.exec(s);
  if (!m || /(?:不是|没有|没|并非|不用)$/u.test(s.slice(0, m.index))) return null;
  return m[1]!;
}

/**
 * Whom a booking is for, as kept on it and shown to the lawyer or procurator: the polite word for the one
 * `bookingForOther` found (`爸` → 父亲, `老婆` → 爱人); 他, 她 and 别人 are 他人.
 */
export function forWhomOf(who: string): string {
  if (who === '他' || who === '她' || who === '别人') return '他人';
  return BOOKED_FOR_SAID[who] ?? who;
}

/**
 * What a booking for someone else is, said before its consent: no new record of them, the booking is the
 * person's own (their name and phone, the reminders theirs), and the one it is for comes to it (or is beside
 * them on the phone), and the questions are answered about them.
 */
export function bookedForOtherText(who: string): string {
  const plain = who === '他' || who === '她';
  const name = plain ? who : who === '别人' ? '对方' : `您${BOOKED_FOR_SAID[who] ?? who}`;
  const them = plain ? who : SHE.test(who) ? '她' : HE.test(who) ? '他' : '对方';
  return (
    `这次是帮${name}预约：预约记在您名下，联系人和手机号留您的，提醒也发给您。` +
    `咨询时请${them}本人来，您可以陪${them}一起；电话或视频咨询时，请${them}在旁边一起说，律师好问清情况。` +
    `下面的问题请按${name}的情况回答。`
  );
}

/** Who helps, said back after a first message that asked for them: 「好的，您想找工会律师咨询。」 */
const HELP_SAID: Record<'lawyer' | 'procurator', string> = { lawyer: '您想找工会律师咨询', procurator: '您想和检察官面对面咨询（支持起诉）' };

/** A lawyer asked for by name (`我想找王律师`, `我要找吴芳律师`), not a kind (`工会律师`, `免费律师`). */
const LAWYER_NAMED = /(?:找|约|要|指定|预约|选)([\p{Script=Han}]{1,4})律师/u;
const NOT_A_NAME = /^(?:[个位名]|一[个位名]|一下|下|的|工会|免费|专业|好的?|厉害的?|靠谱的?|正规的?|法援|援助|公益|女的?|男的?|值班的?|别的|其他|其它|另外的?|这个|那个|哪个|什么|啥|换个?|请|去|来|问|问问|找|咨询|.*检察.*|.*[吧呢啊吗])$/u;
export function lawyerNamed(t: string): string | null {
  const m = LAWYER_NAMED.exec(t.replace(/\s+/gu, ''));
  if (!m) return null;
  const who = m[1]!.replace(/^(?:找|约|要|想|请|去|指定|预约|选)+/u, '').replace(/^(?:一个|一位|个|位|那个|这个)/u, '');
  return who === '' || NOT_A_NAME.test(who) ? null : who;
}

/** A relative of the person's, said where their own name is asked (`我爸 李建国`, `是我妈的事 她叫刘秀英`): group 1. */
const RELATIVE_AT_NAME =
  /(?:我|俺)(?:家)?(?:的)?(爸爸|老爸|父亲|爸|爹|妈妈|老妈|母亲|妈|老婆|媳妇|妻子|爱人|老公|丈夫|儿子|女儿|闺女|哥哥|哥|弟弟|弟|姐姐|姐|妹妹|妹|公公|婆婆|岳父|岳母|老丈人|丈母娘|叔叔|舅舅|姑姑|阿姨)(?!们)/u;

/**
 * At the contact's name, words naming a relative and no name said to be the person's own (`我爸 李建国`, `是我爸要咨询
 * 他叫李建国`): what to write instead, said kindly. Null when no relative is named, or the person names themselves
 * (`我叫王建军 帮我爸约的`).
 */
export function relativeNamed(t: string): string | null {
  const s = t.replace(/\s+/gu, '');
  // `老爸 李建国`: a relative said without 我 is theirs too, as a clause's first word.
  const m = RELATIVE_AT_NAME.exec(s) ?? t.split(/[,，。;；\s]+/u).map((c) => /^(老爸|老妈|老公|老婆|媳妇)/u.exec(c)).find((x) => x !== null) ?? null;
  // `写我爸的 李长顺`, `填我妈的名字`: the relative's name asked for as the contact, plainly: theirs to choose.
  if (m && /(?:写|填|留|用|记)(?:成|上)?(?:我|俺)(?:家)?(?:的)?$/u.test(s.slice(0, s.indexOf(m[1]!)))) return null;
  // `我爸叫王德顺 电话打我的 我叫王小明`: their own name said too (whichever clause), so the usual reading takes it.
  if (!m || /(?:我|俺)(?:叫|的名字|名字)|本人/u.test(s) || /(?:^|[,，。;；\s])(?:我|俺)是(?!帮|替|给|代)/u.test(t)) return null;
  const who = forWhomOf(m[1]!);
  const them = SHE.test(m[1]!) ? '她' : HE.test(m[1]!) ? '他' : '对方';
  return `这里的联系人请写您本人的姓名：预约记在您名下，律师或检察官会打您留的电话。要由您${who}接电话的话，请回复「我${m[1]}接电话 ${them}叫某某」。`;
}

/** `我老婆接电话 她叫刘梅`, `让我儿子接 他叫王强`: who answers the calls instead, and their name. */
const OTHER_CONTACT =
  /^(?:让|叫|找|由)?(?:我|俺)?(?:家)?(老婆|媳妇|爱人|妻子|老公|丈夫|儿子|女儿|闺女|爸爸?|妈妈?|老爸|老妈|爹|父亲|母亲|哥哥?|姐姐?|弟弟?|妹妹?|公公|婆婆|岳父|岳母|老丈人|丈母娘|叔叔|舅舅|姑姑|阿姨)(?:来|帮我)?接(?:电话)?(?:吧)?[,，\s]+(?:她|他)?(?:叫|名字叫|名字是|是)([\p{Script=Han}]{2,4})$/u;

/** A day still to come said as when to meet: `明天下午`, `下周一上午`, `后天`, `12月3号上午`; never a day something happened. */
const WISH_DAY = /^(?:(今天|明天|明儿|后天|大后天|(?:这个?|本|下下个?|下个?)?(?:周|星期|礼拜)[一二三四五六日天])|(\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]))的?(上午|早上|早晨|中午|下午|傍晚|晚上)?((?:\d{1,2}|[一二两三四五六七八九十]{1,3})点(?:钟|半|30分?|三十分?)?|\d{1,2}[:：]\d{2})?(?:的?(?:时候|时间))?(?:吧|可以|行|方便|有空)?(?:吗|么|嘛|不)?$/u;

/**
 * When to meet said last, after another answer in the same message (`1 下周一上午`, `对 下周一上午`,
 * `欠薪 下周一上午有空`): the answer before it and the day (with its part) wished for. Null unless the
 * last clause is only a day still ahead (a date with a part of the day) and something comes before it.
 */
export function whenSaidLast(t: string, ctx: FlowContext): { head: string; day: string; part?: DayPart; at?: string; night?: true } | null {
  const m = /^(.*?[^,，。;；!！\s])[,，。;；!！\s]+([^,，。;；!！\s]+)[,，。;；!！\s]*$/u.exec(t.trim());
  if (!m) return null;
  const wish = timeWish(slotWish(m[2]!), ctx);
  return wish ? { head: m[1]!, ...wish } : null;
}

/** A part of the day or an hour alone, no day (`上午`, `四点左右`, `下午三点`): what may follow a day as a clause of its own. */
const PART_OR_HOUR = /^(?:上午|早上|早晨|中午|下午|傍晚|晚上)?(?:(?:\d{1,2}|[一二两三四五六七八九十]{1,3})点(?:钟|半)?|\d{1,2}[:：]\d{2})?(?:左右|前后|的样子)?$/u;

/**
 * A day and then its part or hour as a clause of their own (`周五下午 四点左右`, `明天 下午三点`, `下周一，上午`): the
 * two run together as one time (`周五下午四点左右`). Anything else is left as it was.
 */
function dayThenTime(t: string): string {
  const m = /^([^,，。;；!！\s]+)[,，\s]+([^,，。;；!！\s]+)$/u.exec(t);
  if (!m || m[2] === '' || !PART_OR_HOUR.test(m[2]!) || PART_OR_HOUR.test(m[1]!)) return t;
  return `${m[1]}${m[2]}`;
}

/**
 * Words that only hedge a time (`大概周五下午`, `四点左右`, `差不多明天上午`): the time is what was said, kept as a wish
 * (shown first at the time question, never booked unasked).
 */
function aboutTime(t: string): string {
  return t
    .replace(/^(?:大概|大约|差不多|估计|应该)(?:是|在)?(?=\S)/u, '')
    .replace(/((?:\d{1,2}|[一二两三四五六七八九十]{1,3})点(?:钟|半)?|\d{1,2}[:：]\d{2})(?:左右|前后|的样子)/u, '$1');
}

/**
 * When to meet said alone, at a question before the time (`下周三上午` at 「您想怎么咨询？」): the day
 * wished for and how to say it back (`12月9日（周三）上午`). Null unless the whole message is one day
 * still ahead (with a part of the day, or a day word such as 明天 or 下周三).
 */
export function whenAlone(t: string, ctx: FlowContext): { day: string; part?: DayPart; at?: string; said: string; night?: true } | null {
  const joined = dayThenTime(t.trim().replace(/[,，。.!！~～?？]+$/u, ''));
  const one = aboutTime(joined);
  if (one === '' || /[,，。;；!！\s]/u.test(one)) return null;
  const wish = timeWish(slotWish(one), ctx);
  // `四点左右`: said back as about that hour, as it was said.
  const about = wish?.at && one !== joined && /点(?:钟|半)?(?:左右|前后|的样子)|[:：]\d{2}(?:左右|前后|的样子)/u.test(joined) ? '左右' : '';
  return wish ? { ...wish, said: `${dayLabel(wish.day)}${wish.at ? `${spokenTime(wish.at)}${about}` : wish.part ? PART_NAMES[wish.part] : ''}` } : null;
}

/** A second choice or a hurry said after the day wished for (`不行就周三`, `或者后天`, `越早越好`): no other answer. */
const WISH_AFTER = /^(?:(?:不行|不可以|没空|约不上|没有)(?:的话)?(?:就|那就)?|实在不行(?:就)?|或者|要么)[^,，。;；!！\s]{1,8}$|^(?:越早越好|越快越好|尽快|尽早|早点|都行|都可以)(?:吧)?$/u;

/**
 * When to meet said first, with a second choice or a hurry after it (`下礼拜二下午吧 不行就周三`, `明天 越早越好`,
 * `明天上午。不行就后天`), at a question before the time: the first day wished for (as `whenAlone` reads it) and
 * the rest as said. Null unless every clause after the first is such words.
 */
export function whenThenElse(t: string, ctx: FlowContext): { day: string; part?: DayPart; at?: string; said: string; night?: true; rest: string } | null {
  const clauses = t.trim().replace(/[,，。.!！~～?？]+$/u, '').split(/[,，。;；!！\s]+/u).filter((c) => c !== '');
  if (clauses.length < 2 || !clauses.slice(1).every((c) => WISH_AFTER.test(c))) return null;
  const wish = whenAlone(clauses[0]!, ctx);
  return wish ? { ...wish, rest: clauses.slice(1).join('，') } : null;
}

/**
 * A time said alone at a question before the time, with no day (`下午三点以后都行`, `下午`, `三点以后`) or a date
 * alone (`三号`): what it narrows the list to (a part of the day, from an hour on; or the day), and how to say it
 * back. Null for anything else. (A bare hour is read in the working day: `三点` is 15:00, `九点` 09:00.)
 */
export function timeOnlyWish(t: string, ctx: FlowContext): { part?: DayPart; after?: string; day?: string; said: string } | null {
  const one = t
    .trim()
    .replace(/[,，。.!！~～]+$/u, '')
    .replace(/^(?:我|我们)?(?:最好|一般)?(?:是)?/u, '')
    .replace(/(?:都行|都可以|可以|也行|就行|吧|的时间|的时候|比较方便|方便些|方便点|方便|比较好|有空|有时间)+$/u, '');
  const date = /^(?:这个月|本月)?(\d{1,2}|[一二三四五六七八九十]{1,3})[日号]$/u.exec(one);
  if (date) {
    const d = parseDayTime(one, ctx.now, 'future');
    if (!d || !d.ok || !d.value.day || d.value.day < chinaDay(ctx.now)) return null;
    return { day: d.value.day, said: dayLabel(d.value.day) };
  }
  const m = /^(上午|早上|早晨|中午|下午|傍晚|晚上)?(?:((?:\d{1,2}|[一二两三四五六七八九十]{1,3}))点(半)?(?:钟)?(?:以后|之后|后|往后))?$/u.exec(one);
  if (!m || (!m[1] && !m[2])) return null;
  const part = m[1] ? PART_OF[m[1]]! : undefined;
  if (!m[2]) return part ? { part, said: m[1]! } : null;
  const n = Number(/^\d+$/u.test(m[2]) ? m[2] : chineseHour(m[2]));
  if (!Number.isInteger(n) || n < 1 || n > 12) return null;
  // Working hours: `三点` is 15:00 (1–6 in the afternoon), `九点` 09:00; said with 上午 or 下午, as said.
  const hour = part === 'afternoon' || part === 'evening' ? (n < 12 ? n + 12 : n) : part ? n : n <= 6 ? n + 12 : n;
  if (hour < 7 || hour > 20) return null;
  const after = `${String(hour).padStart(2, '0')}:${m[3] ? '30' : '00'}`;
  const inferred: DayPart = hour < 12 ? 'morning' : 'afternoon';
  return { part: part ?? inferred, after, said: `${m[1] ?? (hour < 12 ? '上午' : '下午')}${n}点${m[3] ? '半' : ''}以后` };
}

/** `三`, `十一`, `两`: the hour said in Chinese numerals (1 to 12). */
function chineseHour(s: string): number {
  const digit: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (digit[s.slice(1)] ?? NaN);
  return s.length === 1 ? (digit[s] ?? NaN) : NaN;
}

function timeWish(said: string, ctx: FlowContext): { day: string; part?: DayPart; at?: string; night?: true } | null {
  // `下周三 哦不 周四`: the day said last.
  const t = spokenLast(said);
  for (const clause of t.split(/[,，。;；!！?？\s]+/u)) {
    // `明天上午电话咨询`: the way said right after the day is no part of it (the wish was lost).
    const m = WISH_DAY.exec(expandDayShorthand(clause.replace(/^(?:想|要|约|约在|最好|最好是|希望|我想|我要)/u, '').replace(/(?<=.)(?:打)?(?:电话|视频|当面|见面|面对面)(?:咨询|谈|聊|沟通)?$|(?<=.)面谈$/u, '')));
    // A date alone could be any day told; with a part of the day (`3号上午`) or a time (`3号9点`) it is when to meet.
    if (!m || (!m[1] && !m[3] && !m[4])) continue;
    // `明天9点`: the time is kept with the day, to be offered at the time question (never booked unasked).
    const d = parseDayTime(`${m[1] ?? m[2]!}${m[4] ? `${m[3] ?? ''}${m[4]}` : ''}`, ctx.now, 'future');
    if (!d || !d.ok || !d.value.day || (d.value.time && !m[4]) || d.value.day < chinaDay(ctx.now)) continue;
    const at = m[4] && d.value.time ? { at: d.value.time } : {};
    // `明天` at 00:30: the coming day or the next, asked at the time question (never taken silently).
    const night = m[1] && nightTomorrow(m[1], ctx.now, ctx.index.calendar) ? { night: true as const } : {};
    return { day: d.value.day, ...(m[3] ? { part: PART_OF[m[3]]! } : {}), ...at, ...night };
  }
  return null;
}

/**
 * Between 00:00 and 04:59 Beijing time, a day said as `明天` (`明早`, `明儿`) may mean the coming day (someone
 * still awake) or the one after: both days, to ask which. Null at other hours or for other words, and when
 * neither day has consultations (01:40 on a Saturday: whichever they meant, the usual 「…不上班」 answer
 * is right, and asking which of two days off would only lead there).
 */
export function nightTomorrow(said: string, now: Date, cal: Pick<Calendar, 'isWorkingDay'>): [string, string] | null {
  if (Number(chinaTime(now).slice(0, 2)) >= 5) return null;
  if (!/^明天/u.test(expandDayShorthand(said.trim()))) return null;
  const today = chinaDay(now);
  const days: [string, string] = [today, addDays(today, 1)];
  return days.some((d) => cal.isWorkingDay(d)) ? days : null;
}

/**
 * Between 00:00 and 04:59 Beijing time, `后天` may mean the day after the coming one (someone still awake, for whom
 * it is yesterday's 后天) or the one after that: both days, to ask which, as `明天` is (null as `nightTomorrow` is).
 */
export function nightDayAfter(said: string, now: Date, cal: Pick<Calendar, 'isWorkingDay'>): [string, string] | null {
  if (Number(chinaTime(now).slice(0, 2)) >= 5) return null;
  if (!/^后天/u.test(said.trim())) return null;
  const today = chinaDay(now);
  const days: [string, string] = [addDays(today, 1), addDays(today, 2)];
  return days.some((d) => cal.isWorkingDay(d)) ? days : null;
}

/** The two days asked about late at night (`slotNight`): for `明天`, or for `后天` (`dayAfter`). */
function nightDays(a: LegalAnswers, ctx: FlowContext): [string, string] | null {
  if (!a.slotNight) return null;
  return a.slotNight === 'dayAfter' ? nightDayAfter('后天', ctx.now, ctx.index.calendar) : nightTomorrow('明天', ctx.now, ctx.index.calendar);
}

/** The word asked about late at night (`slotNight`): `明天` or `后天`. */
function nightWord(a: LegalAnswers): string {
  return a.slotNight === 'dayAfter' ? '后天' : '明天';
}

/** Which day `明天` (or `后天`) means, asked late at night, with both days as options (the part of the day and time said kept). */
function nightQuestion(days: [string, string], part: DayPart | undefined, at?: string, word = '明天'): { error: string; options: Option[] } {
  const p = at ? spokenTime(at) : part ? PART_NAMES[part] : '';
  return {
    error: `现在是凌晨，您说的「${word}」是${dayLabel(days[0])}还是${dayLabel(days[1])}？`,
    options: days.map((d) => ({ label: `${dayLabel(d)}${p}`, value: `night:${d}${part ? `/${part}` : ''}` })),
  };
}

// --- a hearing day told of ----------------------------------------------------------------------------

/** A day as said before a hearing: a weekday, a date, `明天`, or a week alone (`下周`: the days of that week). */
const HEARING_DAY =
  '(今天|明天|后天|大后天|(?:下下?个?|这个?|本)?(?:周|星期|礼拜)[一二三四五六日天]|下下?个?(?:周|星期|礼拜)|这个?(?:周|星期|礼拜)|本周|\\d{1,2}月\\d{1,2}[日号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十廿]{1,3}[日号]|\\d{1,2}[日号])';
/**
 * What is on that day: a hearing (`开庭`, `庭审`, `仲裁开庭`). Never `去仲裁` alone (`下周要去仲裁`): that may be filing
 * the claim as well as a hearing, so no hearing day is kept from it (h96; the award question reads it as no award yet).
 */
const HEARING_WHAT = '(?:去|到)?(?:(?:劳动)?仲裁(?:委)?的?)?(?:开庭|庭审|出庭|上庭)';
/**
 * `下礼拜三开庭`, `仲裁12月9号开庭`, `下周一仲裁开庭`, `开庭时间是12月9号`: the day right before what is on it, or named
 * as its time. Only a day stated as fixed (never `想去仲裁`, `准备`, `如果`), only with nothing between but 要/就/得.
 */
const HEARING_SAID = new RegExp(
  `${HEARING_DAY}(?:的)?(?:上午|下午|早上)?(?:就|要|得|还|该|还要|就要|得要)?(?:${HEARING_WHAT})|(?:开庭|庭审)(?:的)?(?:时间|日期|日子)?(?:是|在|定在|定于|安排在)${HEARING_DAY}`,
  'u',
);
const HEARING_NOT = /想|准备|打算|如果|要是|万一|可能|会不会|是不是|能不能|不开庭|没开庭|取消|改期|延期|推迟|[?？吗]/u;

/** The Monday of the week after `day` and that Sunday. */
function nextWeek(day: string): [string, string] {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  const monday = addDays(day, (8 - dow) % 7 || 7);
  return [monday, addDays(monday, 6)];
}

/**
 * A hearing (or arbitration) day told of in passing (`下礼拜三开庭`, `仲裁12月9号开庭`, `下周要去仲裁`): the day, or the
 * days of the week said; today or later only (a past day is something else). The words as said are kept with it, to
 * be confirmed and shown to the lawyer as said. Null when none, or when it is wished, planned or doubted.
 */
export function hearingSaid(text: string, now: Date): Hearing | null {
  for (const clause of text.split(/[,，。;；!！\s]+/u)) {
    const m = HEARING_SAID.exec(clause);
    if (!m || HEARING_NOT.test(clause)) continue;
    const said = (m[1] ?? m[2])!;
    const today = chinaDay(now);
    let from: string;
    let to: string;
    if (/^下下?个?(?:周|星期|礼拜)$/u.test(said)) {
      [from, to] = nextWeek(today);
      if (said.startsWith('下下')) [from, to] = [addDays(from, 7), addDays(to, 7)];
    } else if (/^(?:这个?(?:周|星期|礼拜)|本周)$/u.test(said)) {
      [from, to] = [today, addDays(nextWeek(today)[0], -1)];
    } else {
      const d = parseDayTime(expandDayShorthand(said), now, 'future');
      if (!d || !d.ok || !d.value.day) continue;
      from = to = d.value.day;
    }
    if (to < today) continue;
    return { from: from < today ? today : from, to, said: m[0].slice(0, 40) };
  }
  return null;
}

// --- an award or judgment already made --------------------------------------------------------------

const AWARD_CHOICES: Choice[] = [
  { label: '还没有裁决或判决', value: 'none' },
  { label: '有，钱已经给了', value: 'paid' },
  { label: '有，对方没给或者只给了一部分', value: 'unpaid' },
];

/** `有判决书，老板一直没给` → unpaid judgment; `还没仲裁` → none; `有` alone is not an answer. */
function awardOf(t: string): Award | null {
  const doc = /判决/.test(t) ? 'judgment' : /裁决/.test(t) ? 'award' : /调解/.test(t) ? 'mediation' : null;
  // `仲裁还没开庭`, `正在仲裁`, `下礼拜三开庭`: a case under way, no award or judgment yet.
  if (/^(?:仲裁|官司|案子)?(?:还)?没(?:开庭|出结果|结果|下来|结案)|^(?:正在|还在)(?:仲裁|打官司|走程序|等开庭)|^(?:还在)?等(?:着)?开庭|^(?:下个?(?:周|星期|礼拜)[一二三四五六日天]?|过几天|\d{1,2}月\d{1,2}[号日]|\d{1,2}[号日])开庭$/u.test(t.replace(/[\s,，。]+/gu, ''))) return { state: 'none', doc: null };
  // `下周要去仲裁`: going to arbitration (to file, or to a hearing), so nothing decided yet; no hearing day is kept from it.
  if (/^(?:(?:下个?|这个?|本)(?:周|星期|礼拜)[一二三四五六日天]?|过几天|过两天|明天|后天|最近|马上|\d{1,2}月\d{1,2}[号日]|\d{1,2}[号日])?(?:就|要|得|还要|就要|准备|打算)?(?:去|到)(?:劳动)?仲裁(?:委)?(?:了|呢)?$/u.test(t.replace(/[\s,，。]+/gu, ''))) return { state: 'none', doc: null };
  if (t === 'none' || /没(?:有)?(?:仲裁|起诉|打官司|告|判|裁决|判决|调解书)|^(?:还)?(?:没有|没|无|否|不是|没呢)(?:的|呢|啊)?$/.test(t)) return { state: 'none', doc: null };
  if (t === 'unpaid' || /(?:没|没有|不|还没|一直没|至今没|拒不|不肯)(?:给|付|发|履行|执行|兑现)|(?:给|付)了?(?:一部分|一半|一点|一些|部分)|还差|还欠|赖账/.test(t)) return { state: 'unpaid', doc };
  if (t === 'paid' || /给了|付了|给清|付清|结清|拿到了|到账|执行完/.test(t)) return { state: 'paid', doc };
  return null;
}

/** `下周要去仲裁` at the award question: no award yet; whether it is a hearing is not known, so its day is asked for, not kept. */
const GOING_TO_ARBITRATION = '好的，还没有裁决或判决。要是仲裁已经定了哪天开庭，可以告诉我开庭日期（例如「12月9号开庭」），我转告律师；是去申请仲裁的话，不用管这句。';

/** 申请强制执行 explained, and the document offered. */
const ENFORCEMENT_HINT =
  '对方不按生效的裁决书、判决书或者调解书给钱，可以申请法院强制执行，不用再仲裁或者起诉：\n' +
  '· 向哪个法院：判决书和法院的调解书，向第一审人民法院申请；劳动仲裁的裁决书、调解书，向对方住所地或者财产所在地的人民法院申请；\n' +
  '· 什么时候：从文书写的付款期限最后一天起2年内；\n' +
  '· 带什么：裁决书（判决书、调解书）和它的生效证明、身份证，知道对方的银行账户、房产、车辆等财产线索也带上。\n' +
  '预约好以后，回复「文书」可以下载已经帮您填好一部分的「强制执行申请书」。';

export const legalAidFlow = defineFlow({
  id: LEGAL_FLOW_ID,
  version: 2,
  title: '预约法律援助',
  schema: LegalAnswers,
  fixAfterSubmit: '预约已经提交，联系人和手机号在这里改不了。填错了的话，请回复「人工」，告诉工作人员对的是什么，他们帮您更正。要换时间，请回复「改约」加预约号（回复「我的预约」可以查看预约号）。',
  reviewIntro: (a) =>
    a.rescheduleNo
      ? `请核对改约后的预约（原预约 ${a.rescheduleNo} 在您确认之前保持不变）：`
      : `请核对${a.forWhom ? `为${a.forWhom === '他人' ? '他人' : `您${a.forWhom}`}约的咨询` : '您的预约'}${a.linkedCaseNo ? `（关于案件 ${a.linkedCaseNo}）` : ''}：`,
  extract: extractLegal,
  takesOfferWith: offerWish,
  // The day and part of the day wished for narrow the slot list: kept as said, never asked about;
  // the month someone left or got hurt (`上个月走的`) is the month whose day the question asks.
  // So is having left, said with no day (`我被开除了 想问问律师`): the limit question asks the day, not whether they still work there.
  // A surname said (`我姓张`) is kept for the contact question to offer.
  wishes: ['slotDay', 'slotPart', 'slotAfter', 'slotNight', 'slotAt', 'limitMonth', 'injuryMonth', 'limitLeft', 'mattersSaid', 'contactSurname'],
  // A day of injury kept by a yes (said with the matter, or typed while it waited): the deadline, as its question says it.
  confirmedSay: (values, a, ctx) => {
    const st = values.injury && 'on' in values.injury ? injuryStatus(a, ctx.now) : null;
    return st ? injuryAck(st) : null;
  },
  // `我12月5号摔伤了想找律师` on 1 December, confirmed after the consent: why the day is last year's, with what it means
  // (the limit, urgent or past), as the day question says it for such a reading, so the yes is given knowing it.
  readingSaid: (held, asked, _a, ctx) => {
    const lines: string[] = [];
    const hurt = held.injuryLastYear && asked.injury && 'on' in asked.injury ? asked.injury.on : null;
    if (hurt) lines.push(lastYearAck(hurt), injuryAck(injuryStatus({ matter: 'injury', injury: { on: hurt } }, ctx.now)!));
    const left = held.limitLastYear && asked.limit && 'leftOn' in asked.limit ? asked.limit.leftOn : null;
    if (left && left !== hurt) lines.push(lastYearAck(left));
    const limitSaid = left ? limitAck(limitStatus({ limit: { leftOn: left } }, ctx.now)!) : undefined;
    if (limitSaid) lines.push(limitSaid);
    return lines.length > 0 ? lines.join('\n') : null;
  },
  fields: (f) => [
    f.consent('consent', {
      ask:
        '预约法律援助前，需要您同意我们收集一些信息：\n' +
        '· 用途：只用于安排这次咨询；\n' +
        '· 谁能看到：为您咨询的律师或检察官，和工会工作人员；\n' +
        '· 保存多久：咨询结束后保存1年，期间您可以随时回复「删除我的信息」。\n' +
        '您同意吗？',
      refusedExit: '好的，没有您的同意我们不会记录任何信息。您也可以直接打12348公共法律服务热线咨询。',
      help: '我们需要您的同意，才能把您的姓名和电话交给为您咨询的律师或检察官。不同意也没关系，我们不会保存任何内容。',
    }),
    f.text('matter', {
      label: '咨询的事',
      // `我被开除了 没给工资 想找律师`: the matters said, to pick the one to book from (as for such an answer here).
      ask: (a) => (a.mattersSaid && !a.matter ? severalAsk(a.mattersSaid, a) : '您想咨询什么事？'),
      options: (a) => (a.mattersSaid && !a.matter ? a.mattersSaid.map((x) => ({ label: MATTER_NAMES[x], value: x, words: MATTER_WORDS.find(([, m]) => m === x)?.[0] })) : MATTER_CHOICES),
      names: /咨询的事|事情|事项/,
      parse: (t, a, ctx) => {
        // `不知道算哪种` (given as 'other:unsure' by flows/legal-aid-desk.ts): 其他, and the lawyer sorts it out.
        if (t === UNSURE_MATTER) return { ok: true, value: 'other', ack: '没关系，先记为「其他」，咨询时会帮您弄清楚。' };
        // One of several picked (`我被开除了，工资也没结` → 1 欠薪): having left, said with them, travels in the option's
        // value (`wage:left`), so the day they left is asked, not whether they still work there.
        // The day they left said with them too (`上个月20号被辞退了 工资没结`) travels after it (`wage:left@2026-10-20`,
        // `!` when read as last year's): held with the pick, and confirmed as such a day is (never asked again).
        const leftPick = new RegExp(`^(${MATTERS.join('|')})${LEFT_PICK_SUFFIX}(?:@(\\d{4}-\\d{2}-\\d{2})(!)?)?$`).exec(t);
        if (leftPick) {
          const picked = leftPick[1] as Matter;
          const note = picked === 'other' || a.help === 'procurator' ? undefined : legalAidNote(picked);
          const day = leftPick[2];
          const held: LegalAnswers | undefined = day ? { limit: { leftOn: day }, ...(leftPick[3] ? { limitLastYear: true as const } : {}) } : undefined;
          return { ok: true, value: picked, set: { limitLeft: true }, ...(held ? { held } : {}), ...(note ? { ack: note } : {}) };
        }
        const exact = (MATTERS as readonly string[]).includes(t);
        // `跟工伤有点关系吧 又不全是`, `差不多算工伤吧`: a hedge decides nothing; what to pick is said, and asked again.
        if (!exact && HEDGED_FIT.test(t)) return { ok: false, error: MATTER_HEDGE_ASK };
        const m = exact ? MATTERS.find((x) => x === t) : matterOf(t);
        // `我想找王律师`: nobody is chosen; said so, and the question goes on.
        const named = lawyerNamed(t);
        if (!m) {
          // `工伤和欠薪都有`, `老板不给我交社保还扣我工资`: two of them; one is picked for the booking, both are told the lawyer.
          const several = mattersNamed(t);
          if (several.length >= 2) {
            const left = leftWith(t);
            const said = left ? extractLegal(t, a, ctx) : {};
            const day = said.limit && 'leftOn' in said.limit ? `@${said.limit.leftOn}${said.limitLastYear ? '!' : ''}` : '';
            return {
              ok: false,
              error: severalAsk(several, a),
              options: several.map((x) => ({ label: MATTER_NAMES[x], value: left ? `${x}${LEFT_PICK_SUFFIX}${x === 'other' ? '' : day}` : x })),
            };
          }
          // `老板说我不用来了`, `上个月的钱到现在没发`, `下班路上被人撞了`: what happened, without the matter's words; the
          // matter it comes to, proposed (「…对吗？」), never kept unasked.
          const described = MATTER_DESCRIBED.find(([re]) => re.test(t));
          if (described) {
            const gone = described[1] !== 'other' && leftWith(t) ? { set: { limitLeft: true as const } } : {};
            return { ok: true, value: described[1], confirm: true, ack: described[2], ...gone };
          }
          // Not one of the four, but plainly something: 其他 (`老板打人`, `房东不退押金`).
          // `被老板打了`, `工头把我打了一顿`: the violence the safety notice answered is 其他 too (never the matter asked again).
          const other = OTHER_MATTERS.find(([re]) => re.test(t)) ?? (violence(t) ? OTHER_MATTERS[0] : undefined);
          if (other) return { ok: true, value: 'other', ack: named ? `${NO_CHOOSING_LAWYER}\n${other[1]}` : other[1] };
          // `离婚的事`, `遗产怎么分`: no work matter; the union's lawyers here are for work, 12348 for the rest
          // (still asked, for a work matter they may also have).
          if (NOT_WORK_MATTER.test(t)) return { ok: false, error: NOT_WORK_ANSWER };
          if (named) return { ok: false, error: `${NO_CHOOSING_LAWYER}\n请先说说您想咨询什么事，回复数字选择：1 欠薪、2 工伤、3 劳动合同、4 社保、5 其他。` };
          // Asked which of the matters said to book (`都有` to it): those are the numbers, and why one is picked.
          if (a.mattersSaid) {
            const pick = a.mattersSaid.map((x, i) => `${i + 1} ${MATTER_NAMES[x]}`).join('、');
            const both = /都|两[个件样]|全部|一起/u.test(t) ? `${a.mattersSaid.length === 2 ? '两' : '几'}件事咨询时都可以说，` : '';
            return { ok: false, error: `${both}预约先记一件主要的，请回复数字选择：${pick}。` };
          }
          return { ok: false, error: '请回复数字选择：1 欠薪、2 工伤、3 劳动合同、4 社保、5 其他。' };
        }
        // A procurator asked for already hears of 支持起诉 instead (the help question, the confirmation).
        const note = m === 'other' || a.help === 'procurator' ? undefined : legalAidNote(m);
        // `我被开除了 没给赔偿`: gone from there, said with the matter; the day they left is asked next, not whether they still work there.
        const gone = m !== 'other' && leftWith(t) ? { limitLeft: true as const } : undefined;
        return { ok: true, value: m, ...(gone ? { set: gone } : {}), ack: named ? [NO_CHOOSING_LAWYER, note].filter(Boolean).join('\n') : note };
      },
      show: (v) => MATTER_NAMES[v],
      clears: ['limit', 'injury', 'limitMonth', 'injuryMonth', 'limitDay', 'injuryDay', 'limitLeft', 'limitNear', 'injuryNear'],
      help: '选最接近的一项就行，律师会在咨询时问清楚。',
    }),
    f.text('injury', {
      label: '受伤日期',
      when: (a) => a.matter === 'injury',
      optional: true,
      ask: (a, ctx) => restOfDayAsk('injury', a, ctx.now, true) ?? '您是哪天受伤的？职业病就说哪天确诊的，例如「3月5日」「去年12月1日」。工伤已经认定下来了就回复1。',
      // While the rest of a day is asked (`是2026年11月几号受的伤？`), `1` is the 1st: no option then.
      options: (a) => (dayHalfKnown('injury', a) ? [] : [{ label: '工伤已经认定了', value: 'recognized', words: RECOGNIZED_WORDS }]),
      notText: '请用文字告诉我受伤的日子，例如「3月5日」。',
      names: /受伤|哪天伤|确诊/,
      parse: (t, a, ctx) => {
        if (t === 'recognized' || RECOGNIZED_WORDS.test(t)) return { ok: true, value: { recognized: true }, set: dayDone('injury') };
        const r = readDay('injury', t, a, ctx);
        if (r.kind === 'error') return { ok: false, error: r.error };
        if (r.kind === 'stay') return { ok: true, stay: true, set: r.set, ack: r.ack };
        const on = r.day;
        const st = injuryStatus({ matter: 'injury', injury: { on } }, ctx.now)!;
        const reading = readingAck(r);
        // A reading is confirmed, said with the consequence (urgent, or past), so the yes is given knowing it.
        if (reading) return { ok: true, value: { on }, set: dayDone('injury'), confirm: true, ack: `${reading}\n${injuryAck(st)}` };
        return { ok: true, value: { on }, set: dayDone('injury'), ack: [takenAck(r), injuryAck(st)].filter(Boolean).join('\n') };
      },
      show: (v, _a, ctx) => {
        if (!v) return '未填写';
        if ('recognized' in v) return '已经认定工伤';
        const st = injuryStatus({ matter: 'injury', injury: v }, ctx.now)!;
        return `${showDay(v.on)}受伤，工伤认定申请期限到${showDay(st.endsOn)}${st.urgent ? '（加急）' : st.past ? '（可能已过）' : ''}`;
      },
      help: `${INJURY_RULE}知道哪天受的伤，我们能提醒您期限，快到期的会加急安排。`,
    }),
    f.text('limit', {
      label: '在职情况',
      when: (a) => a.matter !== undefined && a.matter !== 'other' && !a.linkedHousehold,
      optional: true,
      ask: (a, ctx) =>
        restOfDayAsk('limit', a, ctx.now, true) ??
        (a.limitLeft ? '您说已经离开这家单位了，是哪天离开的？例如「10月25日」「上个月」；要是还在那干，回复「还在干」。' : null) ??
        '您还在这家单位干吗？已经离开的，请告诉我是哪天离开的，例如「10月25日」「去年12月1日」；还在干就回复1。' +
          (a.linkedLeftMonth ? `\n（您反映欠薪时说是${showMonth(a.linkedLeftMonth)}离开的，请说具体哪一天。）` : ''),
      // While the rest of a day is asked (`是2026年11月几号离开的？`), `1` is the 1st: no option then.
      options: (a) => (dayHalfKnown('limit', a) || a.limitLeft ? [] : [{ label: '还在干', value: 'employed', words: STILL_THERE_WORDS }]),
      notText: '请用文字告诉我离开的日子，例如「10月25日」。',
      names: /在职|离开|离职/,
      parse: (said, a, ctx) => {
        // `在职情况改成20号`, `离开日期改成11月3号` at the summary: the answer's own name is no 还在干 (在职), nor is what is left
        // of it (`情况`, `日期`).
        const t = said.replace(/^(?:情况|日期|时间|日子|状态)(?=\s|$)/u, ' ').replace(/在职(?:情况|状态)/gu, ' ').replace(/\s+/gu, ' ').trim();
        if (t === '') return { ok: false, error: '请告诉我具体哪天离开的，例如「10月25日」「去年12月1日」；还在干回复1，记不清回复「跳过」。' };
        // `2` (the wage flow's 「2. 已经离开」), or 「已经离开了」 picked after a contradiction: gone; the day is asked.
        if (t === LEFT_PICKED) return { ok: true, stay: true, set: { ...dayDone('limit'), limitLeft: true }, ack: LEFT_DAY_ASK };
        // `还在上班 不过他们天天逼我签自愿离职 我没签`: pressed to resign and refused; still there (that 离职 is no leaving).
        const unpressed = t.replace(RESIGN_REFUSED, ' ');
        if (unpressed !== t && !HYPOTHETICAL.test(t) && findStillEmployed(unpressed) === true) {
          return { ok: true, value: { employed: true }, set: dayDone('limit') };
        }
        // `还在干 不过老板不让我干了`: both said; which is true is asked, never guessed (it decides the time limit).
        if (stillButSentAway(t)) return { ok: false, error: STILL_BUT_GONE_ASK, options: STILL_OR_GONE, conflict: true };
        // `还在 但是想走`: still there, leaving only planned (never 「哪天离开的」).
        const planned = LEAVING_PLANNED.exec(t);
        if (planned && planned.index > 0) {
          const rest = t.slice(0, planned.index).trim();
          if (STILL_THERE_SAID.test(rest) || STILL_THERE_WORDS.test(rest) || findStillEmployed(rest) === true) {
            return { ok: true, value: { employed: true }, set: dayDone('limit'), ack: '好的，记为「还在干」（还没离开）。' };
          }
        }
        // `是` and `在` answer 「您还在这家单位干吗？」, not 「是几号离开的？」, nor 「您说已经离开这家单位了，是哪天离开的？」
        // (there `是` says yes, they left: never 还在干).
        const still = dayHalfKnown('limit', a) || a.limitLeft ? STILL_THERE_SAID.test(t) : t === '是' || t === '在' || STILL_THERE_SAID.test(t) || STILL_YES_SPOKEN.test(t.trim());
        if (t === 'employed' || still || findStillEmployed(t) === true) return { ok: true, value: { employed: true }, set: dayDone('limit') };
        const r = readDay('limit', t, a, ctx);
        if (r.kind === 'error') return { ok: false, error: r.error };
        if (r.kind === 'stay') return { ok: true, stay: true, set: r.set, ack: r.ack };
        const leftOn = r.day;
        const ack = limitAck(limitStatus({ limit: { leftOn } }, ctx.now)!);
        const reading = readingAck(r);
        // A reading is confirmed, said with the consequence (urgent, or past), so the yes is given knowing it.
        if (reading) return { ok: true, value: { leftOn }, set: dayDone('limit'), confirm: true, ack: [reading, ack].filter(Boolean).join('\n') };
        return { ok: true, value: { leftOn }, set: dayDone('limit'), ack: [takenAck(r), ack].filter(Boolean).join('\n') || undefined };
      },
      show: (l, a, ctx) => {
        if (!l) return '未填写';
        if ('employed' in l) return '还在干';
        const st = limitStatus({ limit: l }, ctx.now)!;
        return `${showDay(l.leftOn)}离开，仲裁时效到${showDay(st.endsOn)}${st.urgent ? '（加急）' : st.past ? '（可能已过）' : ''}`;
      },
      help: '离开单位后，申请劳动仲裁一般要在1年内。知道哪天离开，我们能提醒您时效，快到期的会加急安排。',
    }),
    // An award or judgment already made (asked once, of those who have left): unpaid, it is enforced, not argued again (core/documents).
    f.text('award', {
      label: '裁决或判决',
      when: (a) => !!a.limit && 'leftOn' in a.limit,
      optional: true,
      ask: '这件事是不是已经有了劳动仲裁的裁决书、法院的判决书或者调解书？有的话，对方按上面写的给钱了吗？',
      options: () => AWARD_CHOICES,
      names: /裁决|判决|调解书/,
      parse: (t, a) => {
        const award = awardOf(t);
        if (!award) return { ok: false, error: '请回复数字：1 还没有裁决或判决；2 有，钱已经给了；3 有，对方没给或者只给了一部分。不清楚可以回复「跳过」。' };
        // `下周要去仲裁`: filing or a hearing, unknown; no hearing day kept, the day asked for if it is a hearing.
        const going = award.state === 'none' && /(?:去|到)(?:劳动)?仲裁/u.test(t) && !/开庭|庭审/u.test(t) && !a.hearing;
        return { ok: true, value: award, ack: award.state === 'unpaid' ? ENFORCEMENT_HINT : going ? GOING_TO_ARBITRATION : undefined };
      },
      show: (v) => (!v ? '未填写' : awardText(v)),
      help: '已经有生效的裁决书、判决书或者调解书，对方却不给钱的，不用再仲裁或者起诉，可以直接申请法院强制执行。',
    }),
    // A hearing day said in passing (`下礼拜三开庭`): never asked; shown, and told to the lawyer, once confirmed.
    f.text('hearing', {
      label: '开庭（仲裁）日期',
      extractOnly: true,
      optional: true,
      ask: '哪天开庭（或者去仲裁）？例如「12月9号开庭」。',
      names: /开庭|庭审/,
      parse: (t, _a, ctx) => {
        const h = hearingSaid(/开庭|庭审|仲裁/u.test(t) ? t : `${t}开庭`, ctx.now);
        return h ? { ok: true, value: h } : { ok: false, error: '请说哪天开庭，例如「12月9号开庭」「下周三开庭」；不清楚可以回复「跳过」。' };
      },
      show: (v) => (v ? hearingDays(v) : '未填写'),
      help: '告诉律师哪天开庭，律师能把开庭前要准备的先跟您说。',
    }),
    f.text('help', {
      label: '预约类型',
      ask: '您想找谁帮忙？',
      options: () => [
        { label: HELP_NAMES.lawyer, value: 'lawyer', words: /律师|法律咨询|法援|法律援助/ },
        { label: HELP_NAMES.procurator, value: 'procurator', words: /检察|起诉|支持起诉|面对面/ },
      ],
      names: /找谁|律师|检察官/,
      parse: (t) => {
        if (t === EITHER_HELP) {
          return {
            ok: true,
            value: 'lawyer',
            ack: '那就先约工会律师：免费，面谈、电话、视频都可以。律师看了您的情况，需要检察院支持起诉的，会告诉您怎么办。',
          };
        }
        // `律师费我出不起`, `检察官那个我不太懂`: a lawyer's fee or a help not understood names no one, beside the one asked for.
        const h = t === 'lawyer' || t === 'procurator' ? t : (helpOf(t) ?? helpOf(t.replace(HELP_NOT_ASKED, ' ')));
        // `我一个人不敢去打官司 想有人支持`, `就想咨询一下`: who it comes to, proposed (「…对吗？」).
        const told = h ? undefined : HELP_DESCRIBED.find(([re]) => re.test(t));
        if (told) return { ok: true, value: told[1], confirm: true, ack: told[2] };
        if (!h) return { ok: false, error: '请回复1（工会律师咨询）或2（检察官面对面）。' };
        return {
          ok: true,
          value: h,
          ack: h === 'procurator' ? `检察官面对面：和检察官当面谈，看检察机关能不能支持您起诉。${SUPPORT_SUIT_CONDITIONS}` : undefined,
        };
      },
      show: (v) => HELP_NAMES[v],
      saidBack: (v) => HELP_SAID[v],
      clears: ['mode', 'point', 'slot', 'slotFrom', 'slotDay', 'slotTo', 'slotPart', 'slotAfter'],
      help:
        '工会律师免费解答法律问题、帮您写材料；需要律师代理打官司的，可以另外向法律援助中心申请法律援助（可拨打12348询问）。' +
        '检察官面对面是和检察官当面谈，看能不能由检察机关支持您起诉：适合自己打官司有困难的人，检察机关支持您起诉，不替您起诉。',
    }),
    f.text('mode', {
      label: '方式',
      ask: (a, ctx) => {
        // A way not offered (检察官面对面 has no phone time) is said, so nobody who asked for it waits for a call.
        const offered = modesFor(ctx, a.help ?? 'lawyer');
        const missing = (['phone', 'video'] as const).filter((m) => !offered.includes(m));
        return missing.length > 0 && offered.length > 0 ? `${HELP_SHORT[a.help ?? 'lawyer']}暂时没有${missing.map((m) => MODE_NAMES[m]).join('、')}。您想怎么咨询？` : '您想怎么咨询？';
      },
      options: (a, ctx) =>
        modesFor(ctx, a.help ?? 'lawyer').map((m) => ({
          label: m === 'in_person' ? '到服务点面谈（工会驿站、维权联络站、法律援助工作站）' : MODE_NAMES[m],
          value: m,
          words: MODE_ANSWER_WORDS.find(([, x]) => x === m)?.[0],
        })),
      names: /方式|怎么咨询/,
      asked: (text, a, ctx) => storyTold(text, a, ctx),
      parse: (t, a, ctx) => {
        const offered = modesFor(ctx, a.help ?? 'lawyer');
        const m = (['in_person', 'phone', 'video'] as const).find((x) => x === t) ?? modeAnswered(t);
        // `能看到脸就行 不用跑过去`, `我离得近 走过去就到`, `上班走不开 晚上能打给我吗`: the way it comes to, proposed.
        const told = m ? [] : MODE_DESCRIBED.filter(([re]) => re.test(t));
        if (told.length === 1 && offered.includes(told[0]![1])) return { ok: true, value: told[0]![1], confirm: true, ack: told[0]![2].replace('律师', a.help === 'procurator' ? '检察官' : '律师') };
        // `我老爸想当面问 我在外地`: face to face wished, but away; which way, asked with what each needs.
        if (!m && AWAY.test(t) && offered.length > 1) {
          const remote = offered.filter((x) => x !== 'in_person');
          return {
            ok: false,
            error: `您在外地的话，可以${remote.map((x) => MODE_NAMES[x]).join('或')}，不用跑路；要到服务点面谈，得有人能到场。请选：`,
            options: offered.map((x) => ({ label: MODE_NAMES[x], value: x })),
          };
        }
        // `我不方便过去`: the ways with no trip are offered (never read as a pick); with none, what there is instead.
        if (!m && NO_TRIP.test(t)) {
          const remote = offered.filter((x) => x !== 'in_person');
          if (remote.length === 0) return { ok: false, error: `${HELP_SHORT[a.help ?? 'lawyer']}只能到服务点面谈，时间可以挑您方便的。实在去不了，也可以打12348公共法律服务热线，电话咨询律师。` };
          return {
            ok: false,
            error: `不方便过去的话，可以${remote.map((x) => MODE_NAMES[x]).join('或')}，不用跑路，到时${a.help === 'procurator' ? '检察官' : '律师'}会联系您。请选：`,
            options: remote.map((x) => ({ label: MODE_NAMES[x], value: x })),
          };
        }
        // `能不能线上`, `微信上说行吗`: online is either remote way; both offered (never one of them guessed).
        if (!m && (t === ONLINE_MODE || ONLINE_SAID.test(t))) {
          const remote = offered.filter((x) => x !== 'in_person');
          if (remote.length === 0) return { ok: false, error: `${HELP_SHORT[a.help ?? 'lawyer']}只能到服务点面谈，时间可以挑您方便的。` };
          return { ok: false, error: `可以，不用跑路：${remote.map((x) => MODE_NAMES[x]).join('或')}，到时${a.help === 'procurator' ? '检察官' : '律师'}会联系您。请选：`, options: remote.map((x) => ({ label: MODE_NAMES[x], value: x })) };
        }
        // `都行`, `随便`, `越快越好`, `哪个快选哪个`: no way picked; the one that can be booked soonest is proposed, what each is
        // good for said, and it is picked only by a yes (anything else: the question as it was, never one picked for them).
        if (!m && (t === ANY_MODE_SAID || anyModeSaid(t)) && offered.length > 1) {
          const who = a.help === 'procurator' ? '检察官' : '律师';
          const why: Record<ConsultMode, string> = { in_person: `到服务点面谈可以把材料带给${who}看`, phone: '电话咨询不用跑路', video: `视频咨询不用跑路，还能给${who}看材料` };
          const fast = quickestMode(offered, a.help ?? 'lawyer', ctx);
          if (!fast) return { ok: false, error: `${offered.map((x) => why[x]).join('；')}。请选一个：`, options: offered.map((x) => ({ label: MODE_NAMES[x], value: x })) };
          // The quickest offered as the one near miss (`yes`): a plain yes picks it; a no, or anything else, the question as it was.
          return {
            ok: false,
            error: `${offered.map((x) => why[x]).join('；')}。${MODE_NAMES[fast]}一般最快能约上。按${MODE_NAMES[fast]}给您找时间，可以吗？`,
            options: offered.map((x) => ({ label: MODE_NAMES[x], value: x, ...(x === fast ? { yes: true as const } : {}) })),
          };
        }
        // `离我近的`: no way picked; what nearness means for each way said (the point comes at its own question).
        if (!m && NEAR_SAID.test(t.trim().replace(/[\s,，。.!！~～]+/gu, ''))) {
          const remote = offered.filter((x) => x !== 'in_person');
          const near = offered.includes('in_person') ? '到服务点面谈的话，下一步按您所在的镇街找离您最近的服务点' : '';
          const none = remote.length > 0 ? `${remote.map((x) => MODE_NAMES[x]).join('、')}不用跑路` : '';
          return { ok: false, error: `${[near, none].filter(Boolean).join('；')}。请选一个：`, options: offered.map((x) => ({ label: MODE_NAMES[x], value: x })) };
        }
        // `离河西近的`, `河西那个`: a township named means face to face near it; proposed with it (a yes takes both).
        const nearId = MODE_NEAR.exec(t)?.[1];
        const nearEntry = nearId ? ctx.index.townshipById.get(nearId) : undefined;
        if (nearEntry && offered.includes('in_person')) {
          return { ok: true, value: 'in_person', set: { place: { districtId: nearEntry.districtId, townshipId: nearEntry.township.id } } };
        }
        const tw = !m && offered.includes('in_person') ? townshipAtMode(ctx, t) : null;
        if (tw) {
          const name = townshipName(ctx, tw);
          return {
            ok: false,
            error: `您是想到${name}附近的服务点面谈，对吗？`,
            options: [
              { label: `对，到${name}附近的服务点面谈`, value: `in_person@${tw.townshipId}`, yes: true as const },
              ...offered.filter((x) => x !== 'in_person').map((x) => ({ label: `改为${MODE_NAMES[x]}`, value: x })),
            ],
          };
        }
        if (!m) return { ok: false, error: `请回复数字选择：${offered.map((x, i) => `${i + 1} ${MODE_NAMES[x]}`).join('、')}。` };
        // `律师 电话咨询` after 检察官面对面 was picked: both changed, confirmed first (was 「检察官面对面暂时没有电话咨询」).
        const who = helpNamedAlone(t);
        if (who && a.help && who !== a.help && modesFor(ctx, who).includes(m)) return { ok: true, value: m, set: { help: who }, confirm: true };
        if (!offered.includes(m)) {
          return { ok: false, error: `${HELP_SHORT[a.help ?? 'lawyer']}暂时没有${MODE_NAMES[m]}，可以选：${offered.map((x) => MODE_NAMES[x]).join('、')}。` };
        }
        return { ok: true, value: m };
      },
      show: (v) => MODE_NAMES[v],
      clears: ['point', 'slot', 'slotFrom', 'slotDay', 'slotTo', 'slotPart', 'slotAfter'],
      help: '到服务点可以把材料带给律师看；电话、视频不用跑路，到时律师或检察官会联系您。',
    }),
    f.township('place', {
      label: '所在镇街',
      // `新塘`, `在龙湾村那边`: a village or community typed for the township; which township that is, asked.
      // `随便哪天`: a time, never a place looked up; the time comes once the place (and the point) is known.
      match: {
        before: (text, ctx) => {
          if (WHEN_WORDS.test(text)) return { ok: false, error: '先说您在哪个镇或街道，下一步就选时间。', conflict: true };
          return communityTownshipAsk(text, ctx);
        },
      },
      // `我不记得是哪个街道` again, face to face: the ways with no trip, where there are any (no place then needed for a trip).
      stuck: (a, ctx) => {
        const remote = modeOf(a) === 'in_person' ? modesFor(ctx, a.help ?? 'lawyer').filter((x) => x !== 'in_person') : [];
        return remote.length > 0 ? `${TOWNSHIP_STUCK}不方便跑路的话，也可以回复「返回」改成${remote.map((x) => MODE_NAMES[x]).join('或')}。` : TOWNSHIP_STUCK;
      },
      ask: (a) =>
        modeOf(a) === 'in_person'
          ? '您在哪个镇或街道？我帮您找最近的服务点。例如：东龙镇、河西街道。'
          : // Needed for phone and video too: they go to the district's own lawyers (or procurators), the township's first.
            `您在哪个镇或街道？我们会安排离您最近的律师或检察官（${MODE_NAMES[modeOf(a)]}也按所在地安排，熟悉当地情况，以后要见面也方便）。例如：东龙镇、河西街道。`,
      clears: ['point', 'slot', 'slotFrom', 'slotDay', 'slotTo', 'slotPart', 'slotAfter'],
      names: /镇街|镇|街道|地方/,
      hereAsked: () => true,
      // `我的手指断了两根 老板不给报销`: what happened, for the consultation; then the township, asked again.
      asked: (text, a, ctx) => storyTold(text, a, ctx),
      help: '说您住的地方或干活的地方都可以，我们按镇街安排最近的服务点；电话、视频咨询也按所在地安排当地的律师或检察官。',
    }),
    f.text('point', {
      label: '服务点',
      when: (a) => modeOf(a) === 'in_person',
      ask: (a, ctx) => {
        const c = pointChoices(a, ctx);
        const tw = townshipName(ctx, a.place);
        const help = HELP_SHORT[a.help ?? 'lawyer'];
        if (c.local.length > 0) return `离${tw}最近、能提供${help}的服务点如下，请选一个：`;
        const alt = [c.district.length > 0 ? '去区里的服务点' : '', ...c.remote.map((m) => `改成${MODE_NAMES[m]}`)].filter(Boolean);
        if (alt.length === 0) return `${tw}附近暂时没有能提供${help}的服务点。请回复「人工」，工作人员会帮您安排。`;
        return `${tw}还没有能提供${help}的服务点。您可以${alt.join('，或')}：`;
      },
      options: pointOptions,
      names: /服务点|驿站|工作站|地点/,
      parse: (t, a, ctx) => {
        const c = pointChoices(a, ctx);
        const switchTo = (['phone', 'video'] as const).find((m) => t === `mode:${m}`);
        // Offered when no point is near, or when the person cannot come (below).
        if (switchTo && c.remote.includes(switchTo)) {
          return { ok: true, value: null, set: { mode: switchTo }, ack: `好的，改为${MODE_NAMES[switchTo]}。` };
        }
        // `我不方便过去`: no point picked; the ways with no trip are offered instead, if there are any.
        if (NO_TRIP.test(t) && !WHEN_WORDS.test(t) && c.remote.length > 0) {
          return {
            ok: false,
            error: `不方便过去的话，可以改成${c.remote.map((m) => MODE_NAMES[m]).join('或')}，不用跑路。请选：`,
            options: [...pointOptions(a, ctx).filter((o) => !o.value.startsWith('mode:')), ...c.remote.map((m) => ({ label: `改为${MODE_NAMES[m]}`, value: `mode:${m}` }))],
          };
        }
        const offered = c.local.length > 0 ? [...c.local, ...c.district] : c.district;
        const id = t.startsWith('point:') ? t.slice(6) : undefined;
        const p = id ? offered.find((x) => x.id === id) : offered.find((x) => t.length >= 2 && (x.name.includes(t) || t.includes(x.name)));
        if (p) return { ok: true, value: p.id };
        // `驿站那个`, `人民路那个`, `滨河路的`: words of one offered point's name or address (only one), that point.
        const words = t.trim().replace(/^(?:去|到|就|选|要|我要|我选)+/u, '').replace(/(?:那个|那家|那边|那里|那儿|这个|的|吧|就行)+$/u, '');
        const named = words.length >= 2 && !WHEN_WORDS.test(words) ? offered.filter((x) => x.name.includes(words) || x.address.includes(words)) : [];
        if (named.length === 1) return { ok: true, value: named[0]!.id };
        // `区里的`, `去区里那个`: the district's point, when there is one.
        if (/^(?:去|到|就|选|要)?区里(?:的|那个|那边的?|面)?(?:服务点|工作站|那个)?(?:吧)?$/u.test(t.trim()) && c.district.length === 1) return { ok: true, value: c.district[0]!.id };
        if (offered.length === 0 && c.remote.length === 0) return { ok: false, error: '这里暂时没有能约的服务点，请回复「人工」，工作人员会帮您安排。' };
        // `明天上午`, `周六可以吗`, `越快越好`: the time comes next, once the point is known (its free times differ).
        if (WHEN_WORDS.test(t)) return { ok: false, error: '先选服务点，下一步就选时间。请回复服务点前面的数字：', conflict: true };
        return { ok: false, error: '请回复服务点前面的数字。' };
      },
      show: (v, _a, ctx) => {
        for (const d of ctx.directory.districts) {
          const p = d.servicePoints.find((x) => x.id === v);
          if (p) return `${p.name}（${POINT_KIND_NAMES[p.kind]}，${p.address}）`;
        }
        return '';
      },
      clears: ['slot', 'slotFrom', 'slotDay', 'slotTo', 'slotPart', 'slotAfter'],
      help: '工会驿站、维权联络站和法律援助工作站都是免费的。选离您近的就行；去不了的话，可以回复「返回」改成电话或视频咨询。',
    }),
    f.text('slot', {
      label: '时间',
      ask: (a, ctx) => {
        // `明天` said late at night before this question: which day, asked first.
        const night = nightDays(a, ctx);
        if (night) return nightQuestion(night, a.slotPart, a.slotAt, nightWord(a)).error;
        const p = slotPage(a, ctx);
        const where = whereText(a, ctx);
        const limits = urgentLimits(a, ctx.now);
        const limitLine = limits.length > 0 ? `⚠ 您的${limits.map((l) => `${l.what}${showDay(l.endsOn)}`).join('、')}就到期了，已为您加急，建议约最早的时间（第1个）。\n` : '';
        // A hearing day told of: within 7 days, urgent (the times before it asked for); with no free time before
        // it, said so (the times offered are marked 开庭当天/开庭之后, never offered as if fine).
        const h = liveHearing(a, ctx);
        const soon = h && hearingSoon(h, chinaDay(ctx.now)) ? '已为您加急，' : '';
        const noneBefore = h && p.all.length > 0 && !p.all.some((s) => s.day < h.from);
        const hearingLine = !h
          ? ''
          : noneBefore
            ? `⚠ 您说${hearingDays(h)}开庭（仲裁），${soon}可是开庭前已经约不上了，下面的时间都在开庭当天或之后。着急的话可以回复「人工」，请工作人员帮您安排。\n`
            : soon
              ? `⚠ 您说${hearingDays(h)}开庭（仲裁），${soon}请尽量约开庭之前的时间。\n`
              : '';
        const urgent = `${limitLine}${hearingLine}`;
        if (p.all.length === 0) {
          return `${urgent}${where}接下来${WIDENED_WORKING_DAYS}个工作日都约满了。您可以回复「返回」换个服务点或方式，或者回复「人工」请工作人员帮您安排。`;
        }
        const part = p.part ? PART_NAMES[p.part] : '';
        // `明天9点` said before: that time offered (option 1) to pick, or said to be taken, never booked unasked.
        if (p.at && p.day) {
          const said = `${dayLabel(p.day)}${spokenTime(p.at.time)}`;
          return p.at.free
            ? `${urgent}您说的${said}还能约，回复1就约这个时间；这天别的时间也可以选：`
            : `${urgent}您说的${said}约不了（已经约满或者没有安排），${dayLabel(p.day)}${part}${where}还能约的时间（回复数字选择）：`;
        }
        const head = p.to
          ? `${dayLabel(p.day!)}到${dayLabel(p.to)}${part}${where}还能约的时间（每天列出几个；说哪一天可以看那天全部的时间）：`
          : p.day
          ? `${dayLabel(p.day)}${part}${where}还能约的时间：`
          : p.part
            ? `${where}${p.from ? '更晚一些的' : ''}${part}空闲时间：`
            : p.from
              ? `${where}更晚一些的空闲时间：`
              : p.widened
                ? `${where}最近${BOOKING_WORKING_DAYS}个工作日都约满了，下面是之后的空闲时间（节假日不安排）：`
                : `${where}最近的空闲时间（接下来${BOOKING_WORKING_DAYS}个工作日，节假日不安排）：`;
        const missed = p.missed ? `${p.missed.day ? dayLabel(p.missed.day) : ''}${p.missed.part ? PART_NAMES[p.missed.part] : ''}${where}没有可约的时间。\n` : '';
        // A hearing day told of: the list goes by time, so the times before it come first; said when the page starts before it.
        const first = p.slots[0];
        const before = h && !hearingLine && first && first.day < h.from ? `您说${hearingDays(h)}开庭（仲裁），时间按先后排，排在前面的在开庭之前。\n` : '';
        // The example date is another day that still has free slots, so trying it shows something.
        return `${urgent}${before}${missed}${head}\n回复数字选择${p.more ? '；回复「更多」看更晚的时间' : ''}；也可以回复日期，例如「${exampleDay(a, ctx)}」。`;
      },
      options: (a, ctx) => {
        const night = nightDays(a, ctx);
        return night ? nightQuestion(night, a.slotPart, a.slotAt, nightWord(a)).options : slotOptions(a, ctx);
      },
      names: /时间|几点|哪天/,
      // `过几天`: no day said (read as a question, it got 「答不上来」); which day is asked, with the list again.
      asked: (text, a, ctx) => {
        const vague = vagueDaysSaid(text);
        return vague ? `「${vague}」是哪天呢？请直接说日期，例如「${exampleDay(a, ctx)}」，或者回复下面时间前面的数字。` : null;
      },
      parse: (text, a, ctx) => {
        // The day asked late at night (`明天`): any answer clears the question, the day picked is taken.
        if (a.slotNight) {
          const { slotNight: _n, slotAt: at, ...rest } = a;
          // `明天9点`: the time said goes with the day picked (`1`, `周三`, `12月3日`), not dropped.
          // (`后天` said there is read by the calendar: both days of 「明天」 were just shown with their dates.)
          const r = (at ? nightDayAt(text, at, rest, ctx, nightDays(a, ctx), nightWord(a)) : null) ?? slotParse(text, rest, ctx, true);
          return r.ok ? { ...r, set: { slotAfter: undefined, ...r.set, slotNight: undefined, slotAt: undefined } } : r;
        }
        // A new answer here lists anew: the hour said before (`三点以后`) no longer narrows it, unless said again.
        // So does the time wished for before (`明天9点`): once answered here, it is not offered again.
        // `好的`, `可以` to 「您说的明天上午9点还能约，回复1就约这个时间」: that time, as 1 is.
        const wished = a.slotAt && a.slotDay && yesNo(text) === true ? slotPage(a, ctx) : null;
        const r = wished?.at?.free ? pickSlot(wished.slots[0]!.key, wished.slots[0]!.pointId, a, ctx) : slotParse(text, a, ctx);
        const held = r.ok && a.slotAt ? { ...r, set: { slotAt: undefined, ...r.set } } : r;
        return held.ok && held.stay && held.set && 'slotPart' in held.set ? { ...held, set: { slotAfter: undefined, ...held.set } } : held;
      },
      // Marked on the summary too when on or after the hearing day (`（开庭之后）`).
      show: (v, a, ctx) => {
        const at = againstHearing(v.day, liveHearing(a, ctx));
        return `${slotLabel(v)}${at ? `（${AGAINST_HEARING[at]}）` : ''}`;
      },
      help: '选一个您方便的时间。节假日和周末不安排，调休上班的周末照常。约好后，前一天晚上和开始前1小时我们都会提醒您。',
    }),
    f.text('contactName', {
      label: '联系人',
      ask: (a, ctx) => {
        const k = ctx.booking?.knownContact;
        if (k) return `怎么称呼您？请写您的姓名；也可以回复1，用上次留的联系方式（${k.name}，${maskPhone(k.phone)}）。`;
        // `我姓张` said before: offered (先生 or 女士 is theirs to say), never taken as the name.
        if (a.contactSurname) return `怎么称呼您？您说过姓${a.contactSurname}，请写您的全名；不想留全名的话，回复1（${a.contactSurname}先生）或2（${a.contactSurname}女士）也可以。`;
        return '怎么称呼您？请写您的姓名。';
      },
      options: (a, ctx) => {
        const k = ctx.booking?.knownContact;
        if (k) return [{ label: `用上次的：${k.name}，${maskPhone(k.phone)}`, value: 'known-contact', words: /^(?:用上次的?|上次的|和上次一样|跟上次一样|一样的?)$/ }];
        return a.contactSurname ? [`${a.contactSurname}先生`, `${a.contactSurname}女士`].map((x) => ({ label: x, value: x })) : [];
      },
      notText: '请用文字告诉我您的姓名。',
      freeText: true,
      names: /联系人|姓名|名字/,
      parse: (t, _a, ctx) => {
        const k = ctx.booking?.knownContact;
        if (t === 'known-contact') return k ? { ok: true, value: k.name, set: { phone: k.phone } } : { ok: false, error: '请写您的姓名。' };
        // `我老婆接电话 她叫刘梅`: someone else answers for them; that name is the contact, confirmed before it counts.
        const other = OTHER_CONTACT.exec(t.replace(/[。.!！]+$/u, '').trim());
        if (other) {
          const n = nameAnswer(other[2]!);
          if (n.ok && n.value === other[2]) return { ok: true, value: n.value, confirm: true, ack: `好的，到时打电话找${n.value}。` };
        }
        // `我爸 李建国`, `是我爸要咨询 他叫李建国`: a relative's name where the person's own is asked. Never kept as the
        // contact (it was, unasked: the booking is the person's, their phone called); their own asked, and how to
        // have the relative answer the calls instead.
        const rel = relativeNamed(t);
        if (rel) {
          // `刘德明，我老婆也可能打电话过来，她叫陈小梅`: their own name first, alone in its clause, then a relative who
          // may call: the first is the contact (confirmed, the relative's name said beside it), never the relative's.
          const head = /^([\p{Script=Han}]{2,4})[,，。;；!！\s]+(.+)$/u.exec(t.trim());
          const own = head && !/^(?:老|我|俺|家)/u.test(head[1]!) && relativeNamed(head[1]!) === null ? nameAnswer(head[1]!) : null;
          if (own?.ok && !own.confirm && own.value === head![1] && relativeNamed(head![2]!) !== null) return { ok: true, value: own.value, confirm: true };
          return { ok: false, error: rel, conflict: true };
        }
        return nameAnswer(t);
      },
      show: (v) => v,
      help: '律师或检察官联系您、接待您时会用到。',
    }),
    ((phoneField) => ({
      ...phoneField,
      // The number is what a phone or video consultation calls; in person, it is for reminders and changes.
      ask: (raw: Record<string, unknown>) =>
        raw.mode === 'phone'
          ? '您的手机号是多少？到时律师或检察官会打这个号码，提醒也会发到这里。'
          : raw.mode === 'video'
            ? '您的手机号是多少？视频接不通时会打这个号码，提醒也会用到。'
            : '您的手机号是多少？预约提醒和时间有变化时会用到。',
      // `能不能不留电话`, `不留电话行吗`: why the booking needs a number, and what to do without one (never the wage
      // report's answer on staying anonymous, which the knowledge base would give); nothing taken.
      asked: (text: string, raw: Record<string, unknown>, ctx: FlowContext) => {
        const t = text.replace(/[\s。.!！?？，,~～]+/gu, '');
        if (NO_PHONE_SAID.test(t)) return noPhoneAnswer(raw as LegalAnswers);
        return phoneField.asked?.(text, raw, ctx) ?? null;
      },
    }))(f.phone('phone', { ask: '您的手机号是多少？', help: '请填能打通的11位手机号，只有为您咨询的律师或检察官能看到完整号码。' })),
  ],
});


/**
 * `三点以后`: the part of the day's list (`r`) narrowed to times from that hour on (`after`, `15:00`), when any
 * is left; the list said so. Otherwise `r` as it is.
 */
function fromHour(r: SlotResult, after: string | undefined, a: LegalAnswers, ctx: FlowContext): SlotResult {
  if (!after || !r.ok || !r.stay || !r.set?.slotPart) return r;
  const narrowed = { ...a, ...r.set, slotAfter: after };
  const p = slotPage(narrowed, ctx);
  if (p.missed || p.slots.length === 0) return r;
  const h = Number(after.slice(0, 2));
  const said = `${h > 12 ? h - 12 : h}点${after.endsWith('30') ? '半' : ''}以后`;
  return { ...r, set: { ...r.set, slotAfter: after }, ack: (r.ack ?? '').replace(/(上午|早上|早晨|中午|下午|傍晚|晚上)(还能约的时间)/u, `$1${said}$2`) };
}

/**
 * The day picked at 「现在是凌晨，您说的「明天」是…？」 asked for `明天9点` (an option, or a day said: `周三`, `12月3日`,
 * `今天`), with the time said before (`at`); null for other answers (read as ever).
 */
function nightDayAt(text: string, at: string, a: LegalAnswers, ctx: FlowContext, night: [string, string] | null, word: string): SlotResult | null {
  const picked = /^night:(\d{4}-\d{2}-\d{2})(?:\/(?:morning|noon|afternoon|evening))?(?:@\d{2}:\d{2})?$/u.exec(text.trim());
  if (picked) return pickByDay(picked[1]!, at, a, ctx);
  const said = text.trim().replace(/^(?:是|就|选|要)+/u, '').replace(/(?:的|那天|那个|吧|啊|呀)+$/u, '');
  if (said === '' || (word === '后天' ? /后天/u : /明天|明早|明儿/u).test(said)) return null;
  // `12月2日下午` after `明天9点`: another part of the day said, so the time said before is not it (read as ever).
  const part = /(上午|早上|早晨|中午|下午|傍晚|晚上)/u.exec(said)?.[1];
  if (part && !inPart({ time: at }, PART_OF[part]!)) return null;
  const d = parseDayTime(said, ctx.now, 'future');
  // Only one of the two days asked about (`后天` is neither: read as ever).
  if (!d?.ok || !d.value.day || d.value.time || !night?.includes(d.value.day)) return null;
  return pickByDay(d.value.day, at, a, ctx);
}

// --- hours said as a bound or a choice (`下午4点前`, `上午10点到11点之间`, `9点或者10点`) ------------------------

/** An hour as said (`4`, `四`, `10点半`) with the part of the day said before it, as `HH:MM` (afternoon for 1 to 6 alone). */
function hourSaid(h: string, half: boolean, part: string | undefined): string | null {
  const n = /\d/u.test(h) ? Number(h) : (parseChineseNumber(h) ?? NaN);
  if (!Number.isInteger(n) || n < 0 || n > 23) return null;
  const pm = part ? /下午|傍晚|晚上/u.test(part) : n >= 1 && n <= 6;
  const h24 = pm && n < 12 ? n + 12 : n;
  if (h24 < 7 || h24 > 20) return null;
  return `${String(h24).padStart(2, '0')}:${half ? '30' : '00'}`;
}

const HOUR_PART = '(上午|早上|中午|下午|傍晚|晚上)?';
const HOUR = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})(?:点|:00)(?:钟)?(半)?';
/** `下午4点前`, `四点之前`, `明天上午11点以前`: before an hour. */
const BEFORE_HOUR = new RegExp(`^(.*?)${HOUR_PART}${HOUR}(?:以前|之前|前)$`, 'u');
/** `上午10点到11点之间`, `10点到11点`, `下午2点至4点`: between two hours. */
const BETWEEN_HOURS = new RegExp(`^(.*?)${HOUR_PART}${HOUR}(?:到|至|-|~|～)${HOUR_PART}${HOUR}(?:之间|中间|之内|内)?$`, 'u');
/** `9点或者10点`, `下午2点或3点`: either of two hours. */
const EITHER_HOUR = new RegExp(`^(.*?)${HOUR_PART}${HOUR}(?:或者|或是|或|还是|、)${HOUR_PART}${HOUR}$`, 'u');

/**
 * Hours said at the slot list as a bound or a choice (`下午4点前`, `上午10点到11点之间`, `9点或者10点`, with a day
 * before them or not): the free times within what was said (of the day said, else of the days shown), never one
 * outside it; one alone is confirmed. Null for other words.
 */
function pickByHours(said: string, a: LegalAnswers, ctx: FlowContext): SlotResult | null {
  let dayWords: string;
  let test: (time: string) => boolean;
  let named: string;
  const spoken = (t: string): string => spokenTime(t);
  const before = BEFORE_HOUR.exec(said);
  const between = before ? null : BETWEEN_HOURS.exec(said);
  const either = before || between ? null : EITHER_HOUR.exec(said);
  if (before) {
    const end = hourSaid(before[3]!, !!before[4], before[2]);
    if (!end) return null;
    dayWords = before[1]!;
    const part = before[2] ? PART_OF[before[2]] : undefined;
    test = (t) => t < end && (!part || inPart({ time: t }, part));
    named = `${spoken(end)}以前`;
  } else if (between) {
    const from = hourSaid(between[3]!, !!between[4], between[2]);
    // The second hour is of the first one's part of the day unless it says its own (`上午10点到11点`, `下午2点到4点`).
    const to = hourSaid(between[6]!, !!between[7], between[5] ?? between[2]);
    if (!from || !to || to <= from) return null;
    dayWords = between[1]!;
    test = (t) => t >= from && t < to;
    named = `${spoken(from)}到${sameHalf(from, to) ? spoken(to).replace(/^(?:上午|中午|下午|晚上)/u, '') : spoken(to)}之间`;
  } else if (either) {
    const one = hourSaid(either[3]!, !!either[4], either[2]);
    const two = hourSaid(either[6]!, !!either[7], either[5] ?? either[2]);
    if (!one || !two || one === two) return null;
    dayWords = either[1]!;
    test = (t) => t === one || t === two;
    named = `${spoken(one)}或者${sameHalf(one, two) ? spoken(two).replace(/^(?:上午|中午|下午|晚上)/u, '') : spoken(two)}`;
  } else return null;
  dayWords = dayWords.replace(/的$/u, '');
  let day: string | undefined;
  if (dayWords !== '') {
    // `明天` at 00:30 is asked about elsewhere; words that are no day are no such hours.
    if (nightTomorrow(dayWords, ctx.now, ctx.index.calendar)) return null;
    const d = parseDayTime(dayWords, ctx.now, 'future');
    if (!d?.ok || !d.value.day || d.value.time) return null;
    day = d.value.day;
  }
  const today = chinaDay(ctx.now);
  if (day && day < today) return { ok: false, error: `${dayLabel(day)}已经过去了，请选今天以后的时间：`, options: slotOptions(a, ctx) };
  const { slots: free } = freeSlots(a, ctx);
  // The day said, else the days shown (a day or a range picked before), else every day on offer.
  const to = a.slotDay && a.slotTo && a.slotTo > a.slotDay ? a.slotTo : a.slotDay;
  const onDays = free.filter((s) => (day ? s.day === day : !a.slotDay || (s.day >= a.slotDay && s.day <= to!)));
  const hits = onDays.filter((s) => test(s.time));
  const where = day ? dayLabel(day) : a.slotDay ? (to !== a.slotDay ? '这几天' : dayLabel(a.slotDay)) : '';
  if (hits.length === 0) {
    if (day && onDays.length === 0) return pickByDay(day, null, a, ctx);
    const others = (onDays.length > 0 ? onDays : free).slice(0, DAY_PAGE).map((s) => slotOption(s, liveHearing(a, ctx)));
    if (others.length === 0) return { ok: false, error: `${where}${named}没有可约的时间了，请回复「返回」换个服务点或方式，或者回复「人工」请工作人员帮您安排。` };
    return { ok: false, error: `${where}${named}没有可约的时间了。${onDays.length > 0 && where ? (day || a.slotDay === to ? '这天' : '这几天') : ''}还能约的是（回复数字选择）：`, options: others };
  }
  if (hits.length === 1) return confirmOne(hits[0]!, `${where}${named}`, a, ctx);
  // The earliest of them (a day said shows more of that day: `明天4点前`).
  const more = hits.length > DAY_PAGE ? `；想约别的日子，请说日期，例如「${typedDay(hits[DAY_PAGE]!.day)}${named}」` : '';
  return { ok: false, error: `${where}${named}还能约的时间（回复数字选择${more}）：`, options: hits.slice(0, DAY_PAGE).map((s) => slotOption(s, liveHearing(a, ctx))) };
}

/** Two times said in the same part of the day (`上午10点到11点`: the second said without it). */
function sameHalf(x: string, y: string): boolean {
  return spokenTime(x).slice(0, 2) === spokenTime(y).slice(0, 2);
}

/**
 * A bare weekday with nothing before it (`周四`, `周四9点`, `星期四下午`) said on that weekday once its times are over
 * (or there were none): the same weekday next week is likely meant, so its free times (at that time, in that part of
 * the day) are offered with the question, nothing taken. Null otherwise (read as ever).
 */
function laterWeekday(said: string, a: LegalAnswers, ctx: FlowContext): SlotResult | null {
  const m = /^(?:周|星期|礼拜)([一二三四五六日天])(?:(上午|早上|早晨|中午|下午|傍晚|晚上)|(.+))?$/u.exec(said.trim());
  if (!m) return null;
  const today = chinaDay(ctx.now);
  const d = parseDayTime(said, ctx.now, 'future');
  if (!d?.ok || d.value.day !== today) return null;
  if (m[3] && !d.value.time) return null;
  const part = m[2] ? PART_OF[m[2]] : undefined;
  const time = d.value.time;
  const free = freeSlots(a, ctx).slots;
  const fits = (s: Slot): boolean => (!part || inPart(s, part)) && (!time || s.time === time);
  if (free.some((s) => s.day === today && fits(s))) return null;
  const next = addDays(today, 7);
  const hits = free.filter((s) => s.day === next && fits(s));
  if (hits.length === 0) return null;
  const at = time ? spokenTime(time) : part ? PART_NAMES[part] : '';
  const over = free.some((s) => s.day === today) ? `今天${at}已经没有能约的时间了` : '今天能约的时间已经过了';
  return {
    ok: false,
    error: `${over}。您是说下${m[0].slice(0, m[0].indexOf(m[1]!) + 1)}（${typedDay(next)}）吗？是的话请回复数字选择；不是的话请直接说日期：`,
    options: hits.slice(0, DAY_PAGE).map((s) => slotOption(s, liveHearing(a, ctx))),
    conflict: true,
  };
}

/** A day said not to suit, alone: `周三不行`, `下周一有事`, `明天没空`, `3号去不了`. */
const DAY_OFF =
  /^((?:这个?|本|下下个?|下个?)?(?:周|星期|礼拜)[一二三四五六日天]|今天|明天|后天|大后天|(?:\d{1,2}月)?\d{1,2}[日号])(?:的话)?(?:我)?(?:都|也)?(?:不行|不可以|不方便|没空|没时间|有事|去不了|来不了|不去|(?:要|得)(?:上班|加班))(?:了|啊|呀|哦)?$/u;

/** Asked whether weekends or holidays can be had, no day named: `周末有人吗`, `节假日可以约吗`, `放假的时候上班吗`. */
const OFF_DAYS_ASKED =
  /^(?:请问)?(?:你们|律师|检察官)?(?:周末|双休日?|礼拜天|星期天|节假日|节日|假日|假期|放假|过节)(?:的时候|期间|里)?(?:你们|律师|检察官)?(?:也|还)?(?:有人|有律师|有人值班|上班|值班|开门|能约|可以约|能预约|可以预约|能咨询|可以咨询|可以|行|能)(?:吗|么|嘛|不|没有|呢)[?？。]*$/u;

/** As late as can be (`越晚越好`, `最晚的`, `晚一点好`). */
const LATEST_WORDS = /^(?:越晚越好|越往后越好|越迟越好|尽量晚(?:一?点|些)?|最晚的?|晚一?点好|晚些好)(?:吧|的|啊|呀)?$/u;

/** `越晚越好`: the latest free time of each day, to pick from; other days can be named. */
function latestTimes(a: LegalAnswers, ctx: FlowContext): SlotResult {
  const free = freeSlots(a, ctx).slots;
  const latest = [...new Set(free.map((s) => s.day))].map((d) => free.filter((s) => s.day === d).at(-1)!).slice(0, SLOTS_PER_PAGE);
  if (latest.length === 0) return { ok: false, error: '现在没有可约的时间了，请回复「返回」换个服务点或方式，或者回复「人工」请工作人员帮您安排。' };
  return { ok: false, error: `每天最晚能约的时间如下（回复数字选择）；想约更往后的日子，直接说日期就行，例如「${exampleDay(a, ctx)}」：`, options: latest.map((s) => slotOption(s, liveHearing(a, ctx))) };
}

/** One window of `周四上午或者周五下午`: a day and maybe a part of it. */
const WINDOW = /^(.+?)的?(上午|早上|早晨|中午|下午|傍晚|晚上)?$/u;

/**
 * Two or more windows said as either (`周四上午或者周五下午`, `明天下午还是后天上午`): the free times in each, each
 * window's spread over it, to pick from; one alone is confirmed. Null unless every piece is a day ahead and one
 * has a part of the day (days alone are read by parseBookingWhen).
 */
function pickWindows(said: string, a: LegalAnswers, ctx: FlowContext): SlotResult | null {
  const pieces = said.split(/或者|或是|或|还是|要么/u).map((x) => x.trim().replace(/^(?:要么|就)/u, '')).filter((x) => x !== '');
  if (pieces.length < 2) return null;
  // `明天下午还是后天上午` at 00:30: which days is asked as ever (never a window read silently).
  if (pieces.some((x) => nightTomorrow(x, ctx.now, ctx.index.calendar) || nightDayAfter(x, ctx.now, ctx.index.calendar))) return null;
  const today = chinaDay(ctx.now);
  const windows: { day: string; part?: DayPart }[] = [];
  for (const piece of pieces) {
    const m = WINDOW.exec(piece);
    const d = m ? parseDayTime(m[1]!, ctx.now, 'future') : null;
    if (!m || !d?.ok || !d.value.day || d.value.time || d.value.day < today) return null;
    windows.push({ day: d.value.day, ...(m[2] ? { part: PART_OF[m[2]]! } : {}) });
  }
  if (!windows.some((w) => w.part)) return null;
  const named = (w: { day: string; part?: DayPart }) => `${dayLabel(w.day)}${w.part ? PART_NAMES[w.part] : ''}`;
  const reading = windows.map(named).join('或');
  const free = freeSlots(a, ctx).slots;
  const each = Math.max(1, Math.floor(DAY_PAGE / windows.length));
  const inWindow = windows.map((w) => free.filter((s) => s.day === w.day && (!w.part || inPart(s, w.part))));
  const none = windows.filter((_, i) => inWindow[i]!.length === 0).map(named);
  const noneSaid = none.length > 0 && none.length < windows.length ? `${none.join('、')}没有可约的时间。` : '';
  const hits = inWindow.flatMap((slots) => spread(slots, each));
  if (hits.length === 0) return nearestInstead(windows[0]!.day, `${reading}都没有可约的时间。`, a, ctx);
  if (hits.length === 1) {
    const r = pickSlot(hits[0]!.key, hits[0]!.pointId, a, ctx);
    return r.ok && !r.stay ? { ...r, confirm: true, ack: `${noneSaid}${reading}只有这一个时间还能约。${r.ack ?? ''}` } : r;
  }
  return { ok: false, error: `${noneSaid}${reading}还能约的时间（回复数字选择）：`, options: hits.map((s) => slotOption(s, liveHearing(a, ctx))) };
}

/** The time question's answer read (the list's options, a day, a part of the day, a time). */
function slotParse(text: string, a: LegalAnswers, ctx: FlowContext, nightAsked = false): SlotResult {
  // `10` where option 10 is 15:30 and 10:00 is listed too (given as SLOT_NUMBER_OR_HOUR by flows/legal-aid-desk.ts): which is asked.
  if (text.startsWith(SLOT_NUMBER_OR_HOUR)) return numberOrHour(text.slice(SLOT_NUMBER_OR_HOUR.length), a, ctx);
  const picked = text.trim().match(/^slot:([a-z0-9]+(?:-[a-z0-9]+)*)\/(.+)$/);
  if (picked) return pickSlot(picked[2]!, picked[1]!, a, ctx);
  // The day picked at 「现在是凌晨，您说的「明天」是…？」 (its part of the day kept).
  // (`@09:00`: the time said with `后天9点`, asked about at night.)
  const nightPick = /^night:(\d{4}-\d{2}-\d{2})(?:\/(morning|noon|afternoon|evening))?(?:@(\d{2}:\d{2}))?$/u.exec(text.trim());
  if (nightPick) return pickByDay(nightPick[1]!, nightPick[3] ?? null, a, ctx, nightPick[3] ? undefined : ((nightPick[2] as DayPart | undefined) ?? a.slotPart));
  // `越快越好`, `随便`, `都可以` (given as EARLIEST_SLOT by flows/legal-aid-desk.ts): the earliest free time, confirmed.
  if (text === EARLIEST_SLOT || text === EARLIEST_SHOWN) {
    const shown = text === EARLIEST_SHOWN ? slotPage(a, ctx) : null;
    const first = (shown && !shown.missed ? shown.slots[0] : undefined) ?? freeSlots(a, ctx).slots[0];
    if (!first) return { ok: false, error: '现在没有可约的时间了，请回复「返回」换个服务点或方式，或者回复「人工」请工作人员帮您安排。' };
    const r = pickSlot(first.key, first.pointId, a, ctx);
    const which = shown && !shown.missed && shown.slots[0] ? '上面这些时间里最早的是' : '最早能约的是';
    return r.ok && !r.stay ? { ...r, confirm: true, ack: `${which}${slotLabel(first)}。${r.ack ?? ''}` } : r;
  }
  // `我换个时间` at the list from its start (given as ANOTHER_TIME by flows/legal-aid-desk.ts): how to see other times,
  // never the same list again as if it were new.
  if (text === ANOTHER_TIME) {
    const p = slotPage(a, ctx);
    const day = exampleDay(a, ctx);
    return { ok: false, error: `好的，换个时间：${p.more ? '想看更晚的时间，回复「更多」；' : ''}也可以直接说哪天方便，例如「${day}」「${day}下午」。` };
  }
  // `离我近的`: the place is chosen at its own question, before the times; how to change it is said.
  if (NEAR_SAID.test(text.trim().replace(/[\s,，。.!！~～]+/gu, ''))) {
    const point = modeOf(a) === 'in_person' && a.point ? districtOf(ctx, a).servicePoints.find((x) => x.id === a.point) : undefined;
    const where = point
      ? `服务点已经选了${point.name}；想换离您更近的，回复「改服务点」。`
      : `${MODE_NAMES[modeOf(a)]}不用跑路，${a.help === 'procurator' ? '检察官' : '律师'}按您所在的镇街${a.place ? `（${townshipName(ctx, a.place)}）` : ''}安排；镇街不对的话，回复「改镇街」。`;
    return { ok: false, error: `${where}这里请选时间，回复时间前面的数字：` };
  }
  // `下周三 哦不 周四吧`: what was said last is meant.
  text = spokenLast(text);
  // `时间改成下午`, `换到周四`: the words that say when; `换个时间`: the list from the start.
  const asked = timeChange(text);
  if (asked && asked.wish === '') {
    return { ok: true, stay: true, set: { slotFrom: undefined, slotDay: undefined, slotTo: undefined, slotPart: undefined }, ack: '好的，请重新选时间（回复数字选择）：' };
  }
  // `随便哪天都行 下午好点`, `哪天都可以，上午吧`: any day, then what narrows it: that is what is read (it was 「请回复时间前面的数字」).
  const said0 = asked ? asked.wish : text.trim();
  const anyDayFirst = ANY_DAY_FIRST.exec(said0);
  const t = anyDayFirst && WHEN_WORDS.test(anyDayFirst[1]!) ? anyDayFirst[1]!.trim() : said0;
  if (/^(更多|更多时间|还有吗|还有别的吗|再晚点|再晚一点|后面的|下一页|往后|晚一点)$/.test(t)) {
    const p = slotPage(a, ctx);
    if (!p.more) {
      return { ok: false, error: `后面没有更多空闲时间了（只能约最近${p.widened ? WIDENED_WORKING_DAYS : BOOKING_WORKING_DAYS}个工作日）。请从下面选一个，或回复「返回」换个服务点或方式：` };
    }
    return { ok: true, stay: true, set: { slotFrom: p.slots.at(-1)!.start, slotDay: undefined, slotTo: undefined }, ack: '更晚一些的空闲时间（回复数字选择，回复「最早」回到最早的时间）：' };
  }
  // `下周`, `改到下个星期`: the free times from next Monday on (`下下周`: from the Monday after).
  // `这周都不行`: this week left out, so the free times from next Monday on, said so.
  const thisWeekOff = /^(?:这|本)个?(?:周|星期|礼拜)(?:都|也)?(?:不行|不可以|不方便|没空|没时间|有事|去不了|来不了)(?:了|啊|呀)?$/u.test(t);
  const weekSaid = thisWeekOff ? ['', '下'] : /^(下下个?|下个?)(?:周|星期|礼拜)(?:吧|的时间|的时候|哪天都行|都行)?$/u.exec(t);
  if (weekSaid) {
    const today = chinaDay(ctx.now);
    const later = weekSaid[1]!.startsWith('下下');
    const monday = addDays(today, (((8 - weekdayOf(today)) % 7) || 7) + (later ? 7 : 0));
    const name = later ? '下下周' : '下周';
    const from = new Date(Date.parse(`${monday}T00:00:00+08:00`) - 1000).toISOString();
    const p = slotPage({ ...a, slotFrom: from, slotDay: undefined, slotTo: undefined, slotPart: undefined }, ctx);
    if (p.slots.length === 0) return { ok: false, error: `${name}（${typedDay(monday)}起）能约的时间还没有放出来或者已经约满了，请从下面选一个：` };
    return { ok: true, stay: true, set: { slotFrom: from, slotDay: undefined, slotTo: undefined, slotPart: undefined }, ack: `${thisWeekOff ? '好的，不约这周。' : ''}${name}（${typedDay(monday)}起）的空闲时间（回复数字选择）：` };
  }
  // `周末有人吗`, `节假日可以约吗`: no consultations then, said plainly, with the nearest times.
  if (OFF_DAYS_ASKED.test(t.replace(/\s+/gu, ''))) {
    const options = freeSlots(a, ctx).slots.slice(0, SLOTS_PER_PAGE).map((s) => slotOption(s, liveHearing(a, ctx)));
    if (options.length === 0) return { ok: false, error: '周末和节假日不安排咨询。现在也没有别的空闲时间了，请回复「返回」换个服务点或方式，或者回复「人工」请工作人员帮您安排。', conflict: true };
    return { ok: false, error: '周末和节假日不安排咨询，只约工作日的时间。最近还能约的是（回复数字选择）：', options, conflict: true };
  }
  // `下个月`: past the days that can be booked (said so; never a day of it guessed).
  if (/^(?:(?:要不|那就|就|约)?下个?月(?:吧|的时间|的时候|再说|可以吗|行吗|行不行)?|下个?月(?:初|中旬?|底))$/u.test(t)) {
    const { slots: free, widened } = freeSlots(a, ctx);
    const last = workingDaysFrom(ctx.index.calendar, chinaDay(ctx.now), widened ? WIDENED_WORKING_DAYS : BOOKING_WORKING_DAYS).at(-1)!;
    if (last.slice(0, 7) === chinaDay(ctx.now).slice(0, 7)) {
      const options = free.slice(0, SLOTS_PER_PAGE).map((s) => slotOption(s, liveHearing(a, ctx)));
      return { ok: false, error: `下个月的时间还约不了：只能预约最近${widened ? WIDENED_WORKING_DAYS : BOOKING_WORKING_DAYS}个工作日内的时间（到${dayLabel(last)}）。到时候再来约就行；现在能约的是（回复数字选择）：`, options, conflict: true };
    }
  }
  if (/^(最早|从头|前面的|第一页|最近的|最早的)$/.test(t)) {
    return { ok: true, stay: true, set: { slotFrom: undefined, slotDay: undefined, slotTo: undefined, slotPart: undefined }, ack: '最早的空闲时间（回复数字选择）：' };
  }
  // 「下午两点半那个」「就3点吧」「下午都行」: the time, without the words around it.
  // `明早`, `明晚7点`: said in full (明天早上), so the part of the day is kept.
  let said = expandDayShorthand(slotWish(t).replace(/^(?:就|选|要|约|我要|我选|我想约|想约)/, ''))
    .replace(/(?:的?那个|的?这个|那一个|的那一个|吧|就行|可以|都行|都可以|也行|行|有空|有时间|方便|比较好|比较方便|好点|好一点|好些|最好|更好)+$/, '');
  // `越晚越好`: each day's latest free times (never one taken for them).
  if (LATEST_WORDS.test(said)) return latestTimes(a, ctx);
  // `周四上午或者周五下午`: the free times in each window said, offered to pick from (never one booked unasked).
  const windows = pickWindows(said, a, ctx);
  if (windows) return windows;
  // `下午4点前`, `上午10点到11点之间`, `9点或者10点`: the free times within the hours said.
  const hours = pickByHours(said, a, ctx);
  if (hours) return hours;
  // `三点以后`, `下午三点后`, `周四上午十点之后`: the part of the day that time falls in (its times listed to pick from).
  let after: string | undefined;
  said = said.replace(
    // The hour's numeral never takes a weekday's (`周四三点以后` is 三点 on 周四, not 四三点).
    /(上午|早上|中午|下午|傍晚|晚上)?(?<![周期拜])(\d{1,2}|[一二两三四五六七八九十]{1,3})点(?:钟|半)?(?:以后|之后|往后|过后|后)(?:都行|都可以|可以|吧)?$/u,
    (m, part: string | undefined, h: string) => {
      const hour = /\d/u.test(h) ? Number(h) : (parseChineseNumber(h) ?? 0);
      // The hour itself narrows the list (`三点以后`: from 15:00, not the whole afternoon).
      const h24 = (part && /下午|傍晚|晚上/u.test(part)) || (!part && hour >= 1 && hour <= 6) ? (hour < 12 ? hour + 12 : hour) : hour;
      if (h24 >= 7 && h24 <= 20) after = `${String(h24).padStart(2, '0')}:${/半/u.test(m) ? '30' : '00'}`;
      if (part) return part;
      return hour >= 7 && hour <= 11 ? '上午' : '下午';
    },
  );
  // `周三不行`, `下周一有事`: that day left out of the list (nothing else said, nothing taken).
  // `除了周三都行`: that day does not suit (as `周三不行`).
  const except = /^除了(.+?)(?:以外|之外)?(?:其他|别的|其它)?(?:时间|哪天|日子)?(?:都|也)(?:行|可以|方便|有空|有时间)(?:吧|的|啊)?$/u.exec(t);
  const off = DAY_OFF.exec(except ? `${except[1]}不行` : t);
  if (off) {
    // `明天不行` at 00:30: which day is not known; the list as it is (never the question which day, which offers it).
    if (nightTomorrow(off[1]!, ctx.now, ctx.index.calendar)) {
      return { ok: false, error: `好的。请从下面选一个您方便的时间，或者直接说日期，例如「${exampleDay(a, ctx)}」：`, options: slotOptions(a, ctx) };
    }
    const offDay = parseDayTime(off[1]!, ctx.now, 'future');
    if (offDay?.ok && offDay.value.day && !offDay.value.time && offDay.value.day >= chinaDay(ctx.now)) {
      const avoid = offDay.value.day;
      const clear = { slotDay: undefined, slotTo: undefined, slotPart: undefined, slotAfter: undefined, slotFrom: undefined };
      if (slotPage({ ...a, ...clear, slotAvoid: avoid }, ctx).slots.some((x) => x.day === avoid)) {
        return { ok: false, error: `除了${dayLabel(avoid)}，现在没有别的空闲时间了。可以回复「返回」换个服务点或方式，或者回复「人工」请工作人员帮您安排。` };
      }
      return { ok: true, stay: true, set: { ...clear, slotAvoid: avoid }, ack: `好的，不约${dayLabel(avoid)}。其他还能约的时间（回复数字选择）：` };
    }
  }
  // `后天9点` at 01:30: the day after the coming one or the one after that, asked as `明天` is (the time kept in the options).
  const night2 = nightAsked ? null : nightDayAfter(said, ctx.now, ctx.index.calendar);
  if (night2) {
    const part = /(上午|早上|早晨|中午|下午|傍晚|晚上)/u.exec(said)?.[1];
    const dayPart = part ? PART_OF[part] : undefined;
    const d2 = parseDayTime(said, ctx.now, 'future');
    const at = d2?.ok && d2.value.time ? d2.value.time : undefined;
    const p = at ? spokenTime(at) : dayPart ? PART_NAMES[dayPart] : '';
    // `后天9点`: the time is kept with the question, so a day typed next (`周四`) is taken at 9点 (as `明天9点` is).
    if (at) {
      return {
        ok: true,
        stay: true,
        set: { slotNight: 'dayAfter', slotAt: at, slotPart: dayPart, slotDay: undefined, slotTo: undefined, slotFrom: undefined, slotAfter: undefined },
        ack: nightQuestion(night2, dayPart, at, '后天').error,
      };
    }
    return {
      ok: false,
      error: `现在是凌晨，您说的「后天」是${dayLabel(night2[0])}还是${dayLabel(night2[1])}？`,
      options: night2.map((d) => ({ label: `${dayLabel(d)}${p}`, value: `night:${d}${dayPart ? `/${dayPart}` : ''}${at ? `@${at}` : ''}` })),
      conflict: true,
    };
  }
  // `明天上午` at 00:30: the coming day or the next, asked (both days offered), never taken silently.
  const night = nightTomorrow(said, ctx.now, ctx.index.calendar);
  if (night) {
    const part = /(上午|早上|早晨|中午|下午|傍晚|晚上)/u.exec(said)?.[1];
    const dayPart = part ? PART_OF[part] : undefined;
    // `明天9点`: the time is kept with the question, for the day picked next.
    const said9 = parseDayTime(said, ctx.now, 'future');
    const at = said9?.ok && said9.value.time ? said9.value.time : undefined;
    if (!at) return { ok: false, ...nightQuestion(night, dayPart) };
    return {
      ok: true,
      stay: true,
      set: { slotNight: true, slotAt: at, slotPart: dayPart, slotDay: undefined, slotTo: undefined, slotFrom: undefined, slotAfter: undefined },
      ack: nightQuestion(night, dayPart, at).error,
    };
  }
  // `周四` said on a Thursday whose times are over (22:30): likely next Thursday; its times offered, nothing taken.
  const sameWeekday = laterWeekday(said, a, ctx);
  if (sameWeekday) return sameWeekday;
  const badDay = (error: string): SlotResult => ({ ok: false, error: error === DAY_MESSAGES.noSuchDay ? `没有这一天，请核对日期，例如「${exampleDay(a, ctx)}」。` : error });
  // `国庆节后`, `节后第一天`, `国庆前`, `初八`, `正月初十上午`, `元宵节`, `下周一到周三都行`, `周一或者周三`: read, and the reading said back.
  const when = pickByWhen(said, a, ctx);
  if (when) return when;
  // A part of the day, with or without a day (`后天上午`, `下周三下午`, `3号中午`, `下午`): the matching slots.
  const inDay = said.match(/^(.*?)的?(上午|早上|早晨|中午|下午|傍晚|晚上)的?(?:时间|时候|时段)?$/u);
  if (inDay) {
    const part = PART_OF[inDay[2]!]!;
    if (inDay[1] === '') return fromHour(pickByPart(part, a, ctx), after, a, ctx);
    const d = parseDayTime(inDay[1]!, ctx.now, 'future');
    if (d && !d.ok) return badDay(d.error);
    if (d && d.value.day && !d.value.time) return fromHour(pickByDay(d.value.day, null, a, ctx, part), after, a, ctx);
  }
  const d = parseDayTime(said, ctx.now, 'future');
  if (d && !d.ok) return badDay(d.error);
  if (d && d.value.day) return pickByDay(d.value.day, d.value.time, a, ctx);
  if (d && d.value.time) {
    // A time alone picks the one shown slot starting then (the review shows the day and time before anything is booked);
    // two days with that time are asked about, never guessed.
    const p = slotPage(a, ctx);
    const shown = p.slots.filter((x) => x.time === d.value.time);
    const days = [...new Set(shown.map((x) => x.day))];
    // One day: its first slot then (two of them at one time read the same to the worker, as tapping either would).
    // A time said plainly (`下午2点半那个`, `10点半`) picks the listed one, as decided before (the summary shows it before
    // anything is booked). Hedged, with no day (`三点左右吧`, `大概下午三点`), it picks nothing on the list: that time on the
    // day shown is proposed, kept only on a yes (it was taken, on a day nobody said).
    if (days.length === 1 && HEDGED_TIME.test(text)) {
      const r = pickSlot(shown[0]!.key, shown[0]!.pointId, a, ctx);
      return r.ok && !r.stay && r.value ? { ...r, confirm: true, ack: `${dayLabel(days[0]!)}${spokenTime(d.value.time)}有空。` } : r;
    }
    if (days.length === 1) return saidBackSlot(pickSlot(shown[0]!.key, shown[0]!.pointId, a, ctx));
    if (days.length > 1) {
      return { ok: false, error: `${d.value.time}有${days.length}天可以约，请选是哪一天：`, options: days.map((day) => slotOption(shown.find((x) => x.day === day)!, liveHearing(a, ctx))) };
    }
    const ex = exampleSlot(p);
    const example = ex ? `，例如「${typedDay(ex.day)}${spokenTime(ex.time)}」` : '';
    return { ok: false, error: `上面没有${d.value.time}开始的时间。请说是哪一天${example}，或直接回复时间前面的数字。` };
  }
  // `上午都不行 我要上班 晚上可以吗`, `晚上七点以后`: the evening, which has no hours; the latest times and a call instead.
  if (EVENING_SAID.test(t) && !d) return pickByPart('evening', a, ctx);
  const p = slotPage(a, ctx);
  // `我不方便过去` at the times of a point: the ways with no trip (as `改成电话咨询` changes it), and later times.
  const remote = modeOf(a) === 'in_person' ? modesFor(ctx, a.help ?? 'lawyer').filter((m) => m !== 'in_person') : [];
  if (NO_TRIP.test(t) && remote.length > 0) {
    return { ok: false, error: `不方便过去的话，可以改成${remote.map((m) => MODE_NAMES[m]).join('或')}，回复「改成${MODE_NAMES[remote[0]!]}」就行；是时间不合适的话，${p.more ? '回复「更多」看更晚的时间，或者' : ''}回复别的日期，例如「${exampleDay(a, ctx)}」。` };
  }
  return { ok: false, error: `请回复时间前面的数字，例如「1」${p.more ? '；想看更晚的时间回复「更多」' : ''}；也可以回复日期，例如「${exampleDay(a, ctx)}」「${exampleDay(a, ctx)}下午」。` };
}

/** Answers to open the flow with for a wage case (its matter, place and contact already known). */
export function answersForCase(c: {
  id: string;
  caseNo: string;
  location: { districtId: string; townshipId: string | null };
  wage: { stillEmployed: boolean; leftSince: string | null; employerKind?: 'organisation' | 'household' } | null;
}): LegalAnswers {
  const a: LegalAnswers = { linkedCaseId: c.id, linkedCaseNo: c.caseNo, matter: 'wage' };
  if (c.wage?.employerKind === 'household') a.linkedHousehold = true;
  if (c.location.townshipId) a.place = { districtId: c.location.districtId, townshipId: c.location.townshipId };
  if (c.wage?.stillEmployed) a.limit = { employed: true };
  else if (c.wage?.leftSince) a.linkedLeftMonth = c.wage.leftSince;
  return a;
}

