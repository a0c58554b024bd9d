/**
 * The legal-aid side of the chat service: what the pure flow cannot do on
 * its own. It loads what is booked (so only free slots are offered), makes
 * the booking atomically on 确认 and, when the slot was taken meanwhile,
 * reopens the time question with fresh choices; it answers 我的预约,
 * 取消预约 YY…, 改约 YY… and 预约 QX… (help for a wage case); and it reads
 * the time words the engine would misread: `3号` at the slot list (a day of
 * the month, never option 3) and a wish to change the time at the review
 * (the slot list again, never a screen where 1 confirms the old time).
 */
import { NO_CHOOSING_LAWYER, bookingConfirmation, bookingList, bringLine, hearingSoon, whenText, whatToBring } from '../core/legal-aid/index.js';
import { MATTERS, MAX_ACTIVE_BOOKINGS, createBookings, type BookResult, type Booking, type BookingRequest } from '../core/legal-aid/index.js';
import { casesForNotes, lawyerMayHelp, type Case } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import type { ConsultMode } from '../core/directory/index.js';
import { AppError } from '../core/infra/errors.js';
import { unseal } from '../core/infra/privacy.js';
import type { Reply } from '../core/infra/replies.js';
import { workingDaysFrom } from '../core/infra/calendar.js';
import { dayLabel } from '../core/infra/time.js';
import { addDays, chinaDay, reminderTimes, resolveSlot, slotLabel, type Slot } from '../core/legal-aid/index.js';
import type { Engine, Outcome } from './engine.js';
import {
  DAY_ONLY,
  ANY_MODE_SAID,
  EARLIEST_SHOWN,
  ANOTHER_TIME,
  NEAR_SAID,
  anyModeSaid,
  EARLIEST_SLOT,
  EITHER_HELP,
  LEFT_PICKED,
  LEGAL_FLOW_ID,
  SLOT_NUMBER_OR_HOUR,
  hourOfNumber,
  saysWhen,
  type BookingSnapshot,
  LegalAnswers,
  UNSURE_MATTER,
  answersForCase,
  bookedForOtherText,
  bookingForOther,
  forWhomOf,
  dayHalfKnown,
  injuryStatus,
  lawyerNamed,
  limitStatus,
  modeAnswered,
  modeOf,
  modesFor,
  matterOf,
  withoutSettled,
  NO_TRIP,
  slotWords,
  timeChange,
  trustAsked,
  bookingAsked,
  bossLearnsAsked,
  bossLearnsText,
  eveningAsked,
  eveningFree,
  onlineSaid,
  ONLINE_MODE,
  whenAlone,
  whenThenElse,
  timeOnlyWish,
  whenSaidLast,
  NO_PHONE_SAID,
} from './legal-aid.js';
import { FORMAL_AID_LINE, HELP_SHORT, MATTER_NAMES, MODE_NAMES, changeLine, placeLines, pointOf } from '../core/legal-aid/index.js';
import { maskPhone } from '../core/infra/privacy.js';
import { findPhone, findStillEmployed, nameAnswer } from './nlu/facts.js';
import { commonSurname } from './nlu/surnames.js';
import { parseBookingWhen, parseDayTime, parsePastDay } from './parsers/day.js';
import { findTownship } from './places.js';
import { compact, normalizeMessage } from './nlu/normalize.js';
import type { Session } from './session.js';
import type { Effect, FlowContext, Incoming } from './types.js';
import { understandConfirm } from './nlu/understand.js';
import { whichCase } from './case-desk.js';
import { asksCost } from './nlu/talk.js';
import { bookingCostEntry, knowledgeBase, withBasis } from './knowledge/kb.js';
import { numberPicked, pickExact } from './nlu/choose.js';
import type { Option } from './types.js';

/** A confirmed booking's answers: every question answered (the summary could not be confirmed otherwise). */
/** `是我爸的事`, `我妈的事情`: the matter a relative's (group 1). */
const OTHERS_MATTER = /(?:^|[,，。]|是)(?:我|俺)(?:家)?(?:的)?(爸爸|老爸|父亲|爸|爹|妈妈|老妈|母亲|妈|老婆|媳妇|妻子|爱人|老公|丈夫|儿子|女儿|闺女|哥哥|哥|弟弟|弟|姐姐|姐|妹妹|妹)的事/u;
const LegalBooking = LegalAnswers.required({ matter: true, help: true, place: true, slot: true, contactName: true, phone: true });
type LegalBooking = import('zod').infer<typeof LegalBooking>;

/** How far ahead the free-slot snapshot reaches (the widened list's working days). */
const SNAPSHOT_WORKING_DAYS = 14;

const NO = '(YY\\d{8}-\\d{4,})';
const MY_BOOKINGS = /^(我的预约|查看预约|查预约|预约记录|查看我的预约)$/;
const CANCEL = new RegExp(`^(?:取消预约|取消|退约|不约了)\\s*${NO}$`, 'i');
/** `改约 YY…`; the option offered after `周四去不了了` carries the day they cannot come (` avoid:2026-12-03`, never typed). */
const RESCHEDULE = new RegExp(`^(?:改约|改预约|改时间|改期|重新预约)\\s*${NO}(?:\\s+avoid:(\\d{4}-\\d{2}-\\d{2}))?$`, 'i');
/**
 * 取消预约, 改约 with no booking number (`帮我取消预约`, `我要改约`, `麻烦把预约取消一下` too; the booking said first:
 * `预约取消吧`, `那个预约取消掉`, `我的预约取消一下`).
 */
const BARE =
  /^(?:帮我|我要|我想|我想要|请|麻烦|麻烦帮我|请帮我)?(?:取消预约|改约|改预约|取消我的预约|取消这个预约|把(?:我的|这个|那个)?预约取消(?:掉|了)?|(?:我的|这个|那个)?预约(?:就|先|帮我)?取消(?:掉|了)?)(?:吧|一下|下)?$/;
const FOR_CASE = /^(?:预约|预约法律援助|法律援助|申请法律援助|找律师|预约律师|预约检察官)\s*((?!YY)[A-Z]{2}\d{8}-\d{4,})$/i;
const VIEW = new RegExp(`^(?:查看预约|查预约|预约|我的预约)\\s*${NO}$`, 'i');

/** Still working there, said alone (`还在干`, `我还在那干`): the answer to another question than the matter. */
const STILL_AT_MATTER = /^(?:我|俺)?(?:现在)?(?:还在|还在干|在职|还在职|没走|没离开|没离职|还没走|还干着|还在上班)(?:干|做|上班|那干|那儿干|这干|厂里|单位)?(?:活)?(?:着|的)?(?:呢|啊|吧|哦|呀|嘛)*$/u;

const text = (t: string): Reply[] => [{ type: 'text', text: t }];

/** `1号`, `5号走的`, `十五号`: a day of the month at the leaving-day or injury-day question (never option 1). */
const DAY_OF_MONTH_FIRST = /^(?:是|就是|大概)?(\d{1,2}|[一二两三四五六七八九十]{1,3})号/u;
/** `不知道算哪种`, `说不清`: at the matter question, 其他. */
const UNSURE_MATTER_WORDS = /^(?:我也|我|也)?(?:不知道|不清楚|说不清楚?|说不好|不好说|不太清楚|搞不清楚?|都不是|都不像|不懂)(?:算|是|属于)?(?:哪种|哪个|哪一种|哪一类|哪类|啥|什么)?(?:的)?(?:吧|呢|啊|呀|哦)?$/u;
/** `都行`, `不知道找谁`, `哪个好`: at the help question, the union lawyer. */
const EITHER_HELP_WORDS = /^(?:都行|都可以|都好|随便|无所谓|哪个都行|哪个都可以|不知道找谁|不知道|不清楚|不懂|哪个好|哪个更好|选哪个|找谁好|找哪个|你们看着办|你们定|你定|听你的|听你们的)(?:吧|呢|啊|呀|哦)?$/u;
/** `越快越好`, `随便`, `都可以`, `哪个快选哪个`: at the time question, the earliest time (proposed, for a yes). */
const ANY_TIME_WORDS = /^(?:越快越好|越早越好|尽快|最快|最早|最早的|随便|随便吧|都可以|都行|哪个都行|哪个都可以|什么时候都行|什么时候都可以|随时都行|随时|都方便|你定|你们定|你们安排|看着安排|听你们的|早点|随便(?:哪天|哪个|什么时候|几点)?(?:都行|都可以|都好)|随便(?:哪天|哪一天|哪个|哪个时间|什么时候|几点)|(?:哪个|哪天|哪个时间)(?:最)?(?:快|早)(?:的)?(?:就)?(?:选|要|约|定)?(?:哪个|哪天)?|(?:我)?(?:哪天|哪一天|什么时间|啥时候|啥时间|哪个时间|时间)(?:都行|都可以|都方便|都有空|都有时间|都没问题|无所谓)|(?:我)?(?:都有空|都有时间|都没问题)|无所谓|随时都可以|(?:你们?)(?:看着)?安排)(?:吧|呗|啊|就行|的)?$/u;
/** Soonest said (`越快越好`): the earliest time of all, whatever list is shown. */
const ASAP_WORDS = /^(?:越快越好|越早越好|尽快|最快|最早|最早的|早点|(?:哪个|哪天|哪个时间)(?:最)?(?:快|早)(?:的)?(?:就)?(?:选|要|约|定)?(?:哪个|哪天)?$)/u;
/** 最早, 最近的 with a day or a page shown: the list from its start (as the time question reads them), not a pick. */
const LIST_START = /^(?:最早|最早的|最近的)$/u;
/** `改成电话咨询`, `方式改成电话`, `换成视频吧`: the way to meet, changed (the phone number is `电话改成…`). */
const MODE_CHANGE = /^(?:我|那)?(?:想|要|能不能|可以|可不可以|还是)?(?:把)?(?:咨询)?(?:方式)?(?:不对|错了)?[,，\s]*(?:改成|改为|换成|换为|改用|换到|改到|改|还是)(.+?)(?:吧|行吗|可以吗|行不行|好了)?$/u;
const MODE_ONLY = /^(?:打)?(?:电话|手机|视频|面谈|当面谈?|见面谈?|现场|面对面|到服务点|去服务点|服务点)(?:咨询|的|谈|聊|面谈|方式)?$/u;
/** `名字是李敏`, `姓名改成李敏`: a new contact name at the review. */
const NAME_FIX = /(?:名字|姓名|联系人|称呼)(?:也)?(?:错了|不对|写错了)?[,，\s]*(?:是|改成|改为|应该是|叫|换成)\s*([\p{Script=Han}·]{2,6})/u;
/** What is left of a correction at the review once the new values are taken out: nothing else asked for. */
const FIX_FILLER = /手机号?码?|电话号?码?|号码|手机|名字|姓名|联系人|写错了|错了|不对|应该是|改成|改为|换成|也|还有|是|和|跟|的|一下|了|吧|帮我|麻烦|\+?86|[\d\s,，。.;；、!！]/gu;
/** A yes at the summary with more after it (`确认 要带什么材料`): the rest (group 1). */
const YES_THEN = /^(?:确认提交|确认|确定|提交|没问题|可以|好的?|对的?)[,，。.!！\s]+(.{2,})$/u;
/** Asking what to bring (`要带什么材料`, `需要准备啥`, `带哪些证件`). */
const ASKS_BRING = /(?:带|准备|拿)(?:些|点)?(?:什么|啥|哪些|哪样)|(?:什么|啥|哪些)(?:材料|资料|证件|东西)|材料|证件/u;

/** Questions about a booking made (`我约的律师是几点`, `预约号是多少`, `我明天去不了`), asked outside the booking. */
const ABOUT_BOOKING =
  /预约号|(?:约|预约)的(?:律师|检察官|时间|是|在)|(?:律师|检察官)(?:是)?(?:什么时候|几点|哪天|啥时候)|(?:预约|约)(?:的)?(?:是)?(?:几点|哪天|什么时候|啥时候)|(?:改|换)(?:个|一个|一下|下)?(?:预约)?时间|(?:去|来|到)不了|没(?:时间|空)去|不能去/u;
/** Of those, a wish to change or cancel (the two are offered as choices). */
const CANNOT_COME = /(?:改|换)(?:个|一个|一下|下)?(?:预约)?时间|(?:去|来|到)不了|没(?:时间|空)去|不能去/u;
/** Of those, not coming (changing or cancelling both fit): never the change of time alone. */
const NOT_COMING = /(?:去|来|到)不了|没(?:时间|空)去|不能去|有事|取消|不约|不去/u;

/**
 * After a booking, outside a flow, in the person's own words (one booking to come):
 * cancelling (`不去了`, `我不约了`): asked which, confirmed before anything is cancelled.
 */
const CANCEL_SAID =
  /^(?:那|那我|我|那就|算了)?[,，\s]*(?:(?:那个|这个|我的|我那个|约的|预约的)?(?:预约|律师|咨询)(?:我)?[,，\s]*)?(?:就|还是)?(?:不去了|不想去了|不过去了|去不成了|不约了|不预约了|不想约了|不要约了|不用约了|预约不要了|这个预约不要了|取消(?:这个)?预约吧|不咨询了|不想咨询了)(?:吧|啊|哈|呀|哦)?$/u;
/**
 * Either way (`那天有事 改天吧`, `临时有事`, `不去了 改天再说`, `周四不行`, `我那天要加班`): changing and
 * cancelling offered.
 */
const EITHER_SAID =
  /(?:有事|忙|走不开|来不及|赶不上|去不成|不去了).{0,6}(?:改天|换一天|换个日子|换天|下次|以后再)|^(?:改天|改日|换一天|换个日子)(?:吧|再去|再说|去吧)?$|^(?:我)?(?:那天|那时候|那个时间|这个时间|(?:周|星期|礼拜)[一二三四五六日天]|\d{1,2}[日号])(?:我)?(?:不行|不方便|没空|没时间|有事|(?:要|得)(?:加班|上班))(?:了)?(?:啊|呀)?$/u;
/** Where to go (`地址在哪`, `在哪里`, `怎么走`): the booked place and its address. */
const WHERE_SAID = /^(?:那个|那|请问|我)?(?:约的|预约的)?(?:地址|地点|地方|服务点|驿站|律师|检察官|你们)?(?:是)?(?:在哪里?|在哪儿|在什么地方|在啥地方|是哪里|是哪儿|是什么|是啥|怎么走|咋走|怎么去|咋去)(?:呢|啊|呀)?$|^(?:地址|地点)(?:呢|是多少|多少)?$/u;
/** Lost on the way, or which floor (`找不到地方`, `找不着路`, `在几楼`, `哪个门进`): the booked place, and its phone to ask the way. */
const LOST_SAID =
  /^(?:我|我们)?(?:到了|到这了|到了但是?)?(?:还是|怎么)?(?:找不到|找不着|没找到|找了半天没找到)(?:地方|地址|路|门|服务点|驿站|工作站|在哪里?|在哪儿)?(?:了|啊|呀|呢)?$|^(?:那个|请问)?(?:地方|服务点|驿站|工作站)?(?:是|在)?(?:几楼|几层|哪一?层|哪一?栋|哪个门|哪个房间|几号房间?)(?:进)?(?:啊|呀|呢|来着)?$/u;
/** Where they meet (`在哪里见面`, `在哪见面啊`, `去哪儿见律师`): the booked place, as for `地址在哪` (it was 「答不上来」, or the menu). */
const WHERE_MEET_SAID =
  /^(?:那|那个|请问|我们?)?(?:是)?(?:在|去|到)(?:哪里|哪儿|哪|什么地方|啥地方)(?:见面|碰面|碰头|面谈|谈|咨询|见(?:律师|检察官|他|她)?|找(?:律师|检察官|他|她))(?:呢|啊|呀)?$/u;
/**
 * The lawyer's phone asked for (`律师电话多少`, `律师的电话给我一下`, `怎么联系律师`): who receives them and the service
 * point's phone (it was the list of hotlines, or a new booking begun). Never `律师电话咨询` (a way to meet).
 */
const LAWYER_PHONE_SAID =
  /^(?:那|那个|请问|能不能|能|可以|可不可以)?(?:给我|把)?(?:律师|检察官)(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|联系方式)(?:是)?(?:多少|是多少|给我(?:一下)?|发我(?:一下)?|发给我|呢|有吗|有没有)?(?:吗|啊|呀)?$|^(?:怎么|咋|如何|怎样)(?:联系|找到?)(?:律师|检察官)(?:呢|啊)?$/u;
/** Whether the lawyer is a man or a woman (`那个律师是男的女的`): not known here, said, with who receives them (it was a new booking begun). */
const GENDER_SAID = /(?:律师|检察官).{0,3}(?:男的|女的|男是女|男还是女|是男|是女|性别)|(?:是)?(?:男|女)(?:律师|检察官)(?:吗|么|嘛|不)$/u;
/** The knowledge base's entry for those who cannot type or read (`我不会打字 能打电话吗`). */
const CANNOT_TYPE = 'cannot-read-or-type';
/** A man or a woman wished for (`能找个女律师吗`, `我想要女律师`, `律师最好是女的`). */
const GENDER_WISH =
  /(?:能不能|能|可以|可不可以|想|想要|要|希望|最好|麻烦|帮我)(?:给我)?(?:找|约|要|安排|换|派|是)?(?:成)?(?:个|一个|一位|位)?(?:女|男)(?:的)?(?:律师|检察官)|(?:律师|检察官)(?:能不能|能|可以|最好|希望)(?:是|找|安排|换成?)?(?:个)?(?:女的|男的)/u;
const genderWishAnswer = (g: '女' | '男') =>
  `预约时没法指定律师，男女也选不了，由您约的那个时间值班的律师接待。您希望是${g}律师的话，可以回复「人工」跟工作人员说，看能不能帮您协调。`;
/** Said before who receives them, to a man-or-woman question. */
const GENDER_UNKNOWN = '律师是男是女，我这里查不到。';

/** Arrived (`我到了`, `到门口了`, `我在驿站楼下`): where to go in and whom to ask for. */
const ARRIVED_SAID = /^(?:我|我们|人)?(?:已经|现在)?(?:到了|到啦|来了|到门口了?|在门口了?|到楼下了?|在楼下了?|到地方了|到驿站了?|到服务点了?|在(?:驿站|服务点)(?:门口|楼下)?了?)(?:了|啦|呢|哦)?$/u;
/** Late (`我会晚到10分钟`, `路上堵车 晚一点到`): to go anyway, and the point's phone to tell them. */
const LATE_SAID = /晚到|迟到|晚一?点到|晚些到|晚几分钟|堵车|赶过去|在路上/u;
/** Whether it costs anything (`收费吗`, `要钱吗`, `见律师要交钱吗`). */
const COST_SAID =
  /^(?:那|请问|这个|这次|咨询|预约|见律师|找律师|律师|去)?(?:要钱|收费|收钱|要不要钱|收不收费|收不收钱|免费|是免费的|要交钱|要花钱|花钱|要付钱|付费|要给钱|要不要给钱)(?:吗|不|么|嘛|的吗|没)?$/u;
/** Who receives them (`律师叫什么名字`, `接待的是谁`, `哪位律师`): the provider the booking names. */
const WHO_SAID =
  /(?:律师|检察官|接待(?:我|我们)?的(?:人)?|给我咨询的(?:人)?)(?:叫|姓)(?:什么|啥|哪个)|(?:律师|检察官)(?:是谁|是哪位|是哪个|的名字|名字|叫啥|姓啥|贵姓|姓什么)|(?:是)?(?:谁|哪位|哪个律师|哪个检察官)(?:来)?(?:接待|给我咨询|跟我谈)|(?:接待的|接待我的)(?:是谁|是哪位)|^(?:那|请问)?(?:是)?(?:哪个|哪位|哪一位)(?:律师|检察官)(?:啊|呢|呀)?$/u;
/** A wait asked after booking (`什么时候有人联系我`, `要等几天`, `这个要多久才有结果`): the booked time answers it. */
const BOOKING_WAIT =
  /^(?:那|请问)?(?:我)?(?:这个|这事)?(?:大概|一般)?(?:还)?(?:要|得)?(?:等)?(?:多久|几天|多长时间|什么时候|啥时候)(?:才|能|会)?(?:有人)?(?:联系我|找我|有结果|处理好|有消息|有回音)(?:呢|啊|呀|吗)?$|^(?:那|请问)?(?:大概|一般)?(?:还)?(?:要|得)等(?:几天|多久)(?:呢|啊|呀)?$/u;
/** What to bring asked as a question (`我要带什么`, `要带什么材料`, `要带身份证吗`), not told (`材料我发过了`). */
const BRING_SAID = (t: string) => (ASKS_BRING.test(t) && /什么|啥|哪些|哪样|(?:吗|么|呢|不)$/u.test(t) && !/怎么|咋/u.test(t)) || /(?:要|需要|用)(?:不要|不用)?带.{0,8}(?:吗|么|不)$/u.test(t);
/** Another lawyer (`能换个律师吗`, `我想找王律师`): the one on duty then receives them; not chosen. */
const OTHER_LAWYER = /(?:换|换一个|换个|另外一个|别的|其他)(?:的)?律师|(?:找|约|要|指定|预约)[\p{Script=Han}]{1,3}律师(?!咨询)/u;

/** `能来我家吗`, `律师能上门吗`: a home visit asked for. */
const HOME_VISIT = /(?:来|到|上|去)(?:我|我们)?(?:家|家里|屋里|住的地方|住处)|上门/u;

/** `换到区法律援助工作站`, `地点换成区里的`, `服务点改成东龙镇工会驿站`: a point (or the district's) named as the new one. */
const POINT_CHANGE = /^(?:我|那)?(?:想|要)?(?:把)?(?:地点|服务点|地方)?(?:改成|改为|换成|换到|改到|改去|换去)((?:[^，,。\s]*?(?:站|驿站|服务点|中心))|(?:去|到)?区里(?:的|那个|那边的?)?)(?:吧|行吗|可以吗|行不行)?$/u;
/** Another service point asked for (`换个地方`, `能不能换个近点的地方`, `地方太远了`), no place named. */
const PLACE_CHANGE = /^(?:那个|这个)?(?:地方|地点|服务点|驿站)(?:能不能|可以|想|要)?(?:换一下|换一换|换换|换个|换掉|改一下|改改|换)(?:吧|了)?(?:吗|行吗|可以吗|行不行)?$|^(?:我|那)?(?:想|要|能不能|可以|可不可以|能否)?(?:换|换个|换一个|换到)(?:近点的?|近一点的?|近些的?|别的|其他的?|另外的?|一个)?(?:地方|地点|服务点|驿站)(?:吗|吧|行吗|可以吗|行不行)?$|^(?:那个|这个)?(?:地方|地点|服务点|驿站)(?:有点|太)?(?:远了?|不方便|不合适)(?:了|啊)?$/u;

/** The questions before the contact's where a name alone is no answer (kept for the contact question instead). */
const NAME_ELSEWHERE_AT = ['matter', 'limit', 'injury', 'mode', 'place', 'point', 'slot'];
/** Words of everyday replies (`都行`, `好吧`, `没有`), which a surname's character may begin: never a name kept from them. */
const NOT_NAME_WORDS = /行|可以|好|吧|吗|呢|了|的|是|不|没|都|也|要|想|有|在|去|来|说|问/u;

/** `都行`, `随便` at the matter question: no matter picked. */
const ANY_MATTER_WORDS = /^(?:都行|都可以|都好|随便|无所谓|哪个都行|哪个都可以|哪种都行|都一样)(?:吧|呢|啊|呀|哦)?$/u;
/** A bare wish to change the time (`改个时间`, `改约`, `我想换个时间`), no time said. */
const MOVE_WORDS = /^(?:那|那就|我|我要|我想|想|帮我|麻烦)?(?:改约|改预约|改期|重新约|(?:改|换|调)(?:个|一个|一下|下)?(?:预约)?时间)(?:吧|呗|一下|下)?$/u;
/** Changing the time named in a request (`能不能改时间`, `可以换一下时间吗`). */
const MOVE_TIME = /(?:改|换|调)(?:个|一个|一下|下)?(?:预约的?)?时间/u;
/** Words that say they cannot come (`去不了`, `那天有事`, `周四不行`), not just that another time would be better. */
const CANNOT_MAKE = /(?:去|来|到|过)不了|去不成|没(?:空|时间)|不能去|有事|不行|不方便|(?:要|得)(?:加班|上班)|赶不上|走不开|来不及/u;
/** A day named in such words (`周四去不了了`, `明天有事`, `3号不行`). */
const DAY_NAMED = /(?:这|下|下个)?(?:周|星期|礼拜)[一二三四五六日天]|大后天|今天|明天|后天|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]/u;

/**
 * The day someone says they cannot come (`周四去不了了`: that Thursday; `那天有事`, `去不了了`: the booking's
 * day), left out of the times offered when they then move the booking. None when they only ask to change it.
 */
function dayNotSuited(t: string, b: Booking, ctx: FlowContext): string | undefined {
  if (!CANNOT_MAKE.test(t)) return undefined;
  const named = DAY_NAMED.exec(t);
  const r = named ? parseDayTime(named[0], ctx.now, 'future') : null;
  const day = named ? (r?.ok ? r.value.day : undefined) : chinaDay(new Date(b.slot.start));
  return day && day >= chinaDay(ctx.now) ? day : undefined;
}

/** About a booking of one's own, asked with none to come (`我要改时间`, `改一下预约时间`, `预约号是多少`). */
const NO_BOOKING_ASKED = /(?:改|换)(?:个|一个|一下|下)?(?:预约)?时间|预约号|(?:约|预约)的(?:律师|检察官|时间)|(?:预约|约)(?:的)?(?:是)?(?:几点|哪天|什么时候|啥时候)/u;

/**
 * 改约, 取消预约 or 我要改时间 with no booking to come: there is nothing to change; while a booking is being
 * made, that one can still be changed before it is sent, at its summary.
 */
function noBookingText(session: Session, what: '改' | '取消' | '问'): string {
  if (session.flowId === LEGAL_FLOW_ID) return `您还没有约好的时间。这次预约还没提交，${what === '取消' ? '不想约了回复「取消」就行' : '提交前哪一项都可以改，核对时回复「改」加序号就行'}。`;
  const not = what === '取消' ? '，不用取消' : what === '改' ? '，不用改约' : '';
  return `您现在没有待参加的法律援助预约${not}。需要的话，回复「预约法律援助」可以约律师或检察官。`;
}

/** The confirmation's line about reminders (core/legal-aid/texts.ts), said as if both will come. */
const BOTH_REMINDERS = '我们会在前一天晚上和开始前1小时提醒您。';

/**
 * The confirmation with only the reminders that will come: a booking made
 * the same afternoon gets no evening-before reminder, one starting within
 * the hour none (the booking store sets only reminders still ahead).
 */
export function withReminders(confirmation: string, b: Pick<Booking, 'slot'>, now: Date): string {
  const kinds = reminderTimes(b)
    .filter((r) => r.at.getTime() > now.getTime())
    .map((r) => r.kind);
  const line =
    kinds.length === 2
      ? BOTH_REMINDERS
      : kinds.includes('hour-before')
        ? '我们会在开始前1小时提醒您。'
        : kinds.includes('day-before')
          ? '我们会在前一天晚上提醒您。'
          : '离开始已经不到1小时，就不另外提醒了，请准时参加。';
  return confirmation.replace(BOTH_REMINDERS, line);
}

/** The values of askWhichCase's choices: a case (`aid:case:QX…`), or 别的事 with the words that began the booking (`aid:other:0:找律师`; 1: asked again). */
const CASE_PICK = 'aid:case:';
const CASE_OTHER = 'aid:other:';

export function createLegalAidDesk(core: Core, deps: { engine: Engine }) {
  const { engine } = deps;
  const bookings = createBookings(core);

  /** Whether this turn may reach the time question (the snapshot is loaded only then). */
  function needsContext(session: Session): boolean {
    return session.flowId === LEGAL_FLOW_ID || session.draft?.flowId === LEGAL_FLOW_ID;
  }

  /** The conversation context with what is booked and the person's known contact. */
  async function withBooking(ctx: FlowContext, userKey: string): Promise<FlowContext> {
    const today = chinaDay(ctx.now);
    const last = workingDaysFrom(ctx.index.calendar, today, SNAPSHOT_WORKING_DAYS).at(-1) ?? today;
    const days: string[] = [];
    for (let d = today; d <= last; d = addDays(d, 1)) days.push(d);
    const [taken, knownContact, own] = await Promise.all([bookings.taken(days), bookings.knownContact(userKey), activeBookings(userKey, ctx)]);
    // Their own bookings too: a time of theirs is said to be theirs, never 「已经有人约了」.
    const booking: BookingSnapshot = { taken, knownContact, mine: own.map((b) => ({ bookingNo: b.bookingNo, slotKey: b.slot.key })) };
    return { ...ctx, booking };
  }

  /** The person's bookings still to come (not yet over). */
  async function activeBookings(userKey: string, ctx: FlowContext): Promise<Booking[]> {
    return (await bookings.listByUser(userKey, 20)).filter((b) => b.status === 'booked' && Date.parse(b.slot.end) > ctx.now.getTime());
  }

  /** The answers a booking was made with, to reschedule it (everything but the time is kept). */
  function answersForBooking(b: Booking): LegalAnswers {
    const a: LegalAnswers = {
      consent: true,
      matter: b.matter,
      help: b.help,
      mode: b.mode,
      rescheduleOf: b.id,
      rescheduleNo: b.bookingNo,
      currentSlotKey: b.slot.key,
    };
    if (b.employment) {
      a.limit = b.employment.stillEmployed ? { employed: true } : b.employment.leftOn ? { leftOn: b.employment.leftOn } : null;
    } else if (b.matter !== 'other') {
      a.limit = null;
    }
    if (b.matter === 'injury') a.injury = b.injury?.recognized ? { recognized: true } : b.injury?.on ? { on: b.injury.on } : null;
    if (b.townshipId) a.place = { districtId: b.districtId, townshipId: b.townshipId };
    if (b.mode === 'in_person') a.point = b.slot.pointId;
    if (b.contact.name) a.contactName = b.contact.name;
    const phone = bookings.phoneOf(b);
    if (phone) a.phone = phone;
    if (b.linkedCaseId) a.linkedCaseId = b.linkedCaseId;
    // Asked once: a reschedule keeps the answer.
    if (b.award) a.award = b.award;
    // Told once: a reschedule keeps the hearing day too.
    if (b.hearing) a.hearing = b.hearing;
    if (b.forWhom) a.forWhom = b.forWhom;
    return a;
  }

  /** After an answer given outside the engine, the question the person was on. */
  function andBack(session: Session, ctx: FlowContext, replies: Reply[], opts: { sameForm?: boolean } = {}): { session: Session; replies: Reply[] } {
    const o = engine.reprompt(session, ctx, opts);
    return { session: o.session, replies: [...replies, ...o.followUp] };
  }

  /**
   * 我的预约, 取消预约 YY…, 改约 YY…, 预约 QX…: handled before the engine, from
   * anywhere in the chat. Null when the message is none of them.
   */
  async function command(userKey: string, session: Session, incoming: Incoming, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (incoming.kind !== 'text') return null;
    // Read as the engine reads it (`週三上午`, `禮拜三` in traditional characters are 周三, 礼拜三 here too).
    let t = normalizeMessage(incoming.text).trim().replace(/[。！!？?]+$/u, '');
    if (t.length > 60) return null;
    // `1` / `2` to 改时间 / 取消预约 offered for one booking: the command itself.
    const offered = session.options.some((o) => /^(?:改约|取消预约) YY/.test(o.value)) ? pickExact(t, session.options) : null;
    if (offered) t = offered.value;
    // `是的`, `对` at 「您要取消的是这个预约吗？」 (取消 offered first, only there): that yes is the 取消 (was 「没太明白」 and the menu).
    const first = session.options[0];
    if (!offered && first && /^取消预约 YY/.test(first.value) && understandConfirm(t) === 'yes') t = first.value;
    // `是的`, `对的`, `嗯是的` at 「您要改时间的是这个预约吗？」 (改时间 marked as the one asked about): that yes is the 改约
    // (was 「没太明白」 and the menu). Where both are offered without a question (「可以改个时间，也可以取消」), no yes picks.
    const asked = !offered ? session.options.find((o) => o.yes && /^改约 YY/.test(o.value)) : undefined;
    if (asked && understandConfirm(t) === 'yes') t = asked.value;
    // `是的`, `好` where both are offered with no question (「可以改个时间，也可以取消」, the booking shown): which one, asked
    // with the same choices (was 「没太明白」 and the menu, and the choices gone).
    const both = !offered && !asked && !(first && /^取消预约 YY/.test(first.value)) && session.options.some((o) => /^改约 YY/.test(o.value)) && session.options.some((o) => /^取消预约 YY/.test(o.value));
    if (both && understandConfirm(t) === 'yes') return { session, replies: [{ type: 'text', text: '好的。您是想改个时间，还是取消这个预约？请回复数字选择：', options: session.options }] };
    // `改个时间`, `改约` with 改时间 offered for that booking: that choice (never the same choices again).
    const moveChoice = !offered && MOVE_WORDS.test(t) ? session.options.find((o) => /^改约 YY/.test(o.value)) : undefined;
    if (moveChoice) t = moveChoice.value;
    // `改约` then `下周二上午` (the booking shown, 改时间 offered): the time said is where to move it.
    const moveOffered = !offered && !session.flowId ? session.options.find((o) => /^改约 YY/.test(o.value)) : undefined;
    if (moveOffered && saysWhen(t) && !/^\d{1,2}$/u.test(t)) {
      const wish = timeChange(t)?.wish || t;
      try {
        const offer = RESCHEDULE.exec(moveOffered.value)!;
        const b = await bookings.ownActive(offer[1]!, userKey, '改约');
        return await moveTo(userKey, session, b, wish, ctx, offer[2]);
      } catch (err) {
        if (err instanceof AppError && err.expose) return andBack(session, ctx, text(err.message));
        throw err;
      }
    }
    try {
      // 好的 to the legal aid offered after a report: booked for that case, like 预约 QX….
      if (session.mode === 'offer' && session.offer === LEGAL_FLOW_ID && session.offerCase && (t === 'offer:yes' || understandConfirm(t) === 'yes')) {
        const c = await core.cases.getByNo(session.offerCase);
        if (c && c.reporter.userKey === userKey && lawyerMayHelp(c)) return openForCase(userKey, { ...session, mode: 'idle', offer: null, offerCase: null, offerFacts: null }, c, ctx);
      }
      // 「这次找律师是为了案件 QX… 吗？」 waiting: its answer (a case → linked as 预约 QX…; 别的事 → the booking asked for, unlinked).
      const answered = await caseAnswered(userKey, session, t, ctx);
      if (answered) return answered;
      if (MY_BOOKINGS.test(t)) {
        return andBack(session, ctx, text(bookingList(ctx.index, await bookings.listByUser(userKey, 20), ctx.now)));
      }
      if (BARE.test(t)) {
        const active = (await bookings.listByUser(userKey, 20)).filter((b) => b.status === 'booked' && Date.parse(b.slot.start) > ctx.now.getTime());
        // One booking, outside a flow: that one is offered, nothing to type back.
        const cancelling = /取消/u.test(t);
        if (active.length === 1 && !session.flowId) return oneBooking(session, active[0]!, ctx, cancelling ? 'cancel' : 'move');
        // None to come: said plainly (never asked for a booking number there is none of).
        if (active.length === 0) return andBack(session, ctx, text(noBookingText(session, cancelling ? '取消' : '改')));
        const example = active[0]!.bookingNo;
        const list = `\n${bookingList(ctx.index, active, ctx.now)}`;
        return andBack(session, ctx, text(`请在后面写上预约号，例如「${cancelling ? '取消预约' : '改约'} ${example}」。${list}`));
      }
      const view = t.match(VIEW);
      if (view) {
        const no = view[1]!.toUpperCase();
        const b = await bookings.getByNo(no);
        if (!b || b.userKey !== userKey) return andBack(session, ctx, text(`没有找到您的预约 ${no}，请核对预约号；回复「我的预约」可以查看您的预约。`));
        return andBack(session, ctx, text(bookingList(ctx.index, [b], ctx.now)));
      }
      const cancel = t.match(CANCEL);
      if (cancel) {
        const b = await bookings.cancel(cancel[1]!.toUpperCase(), userKey);
        return andBack(session, ctx, text(`已取消预约 ${b.bookingNo}（${whenText(b.slot)}），这个时间已经让给别人了。需要时回复「预约法律援助」可以重新预约。`));
      }
      const move = t.match(RESCHEDULE);
      if (move) {
        const b = await bookings.ownActive(move[1]!.toUpperCase(), userKey, '改约');
        const full = await withBooking(ctx, userKey);
        const avoid = move[2];
        const o = engine.open(
          session,
          LEGAL_FLOW_ID,
          { ...answersForBooking(b), ...(avoid ? { slotAvoid: avoid } : {}) },
          full,
          `好的，为预约 ${b.bookingNo} 改时间（现在是${whenText(b.slot)}）。${avoid ? `${dayLabel(avoid)}的时间就不列了。` : ''}在您确认新的时间之前，原来的预约一直保留。`,
        );
        return { session: o.session, replies: o.replies };
      }
      const forCase = t.match(FOR_CASE);
      if (forCase) {
        const no = forCase[1]!.toUpperCase();
        const c = await core.cases.getByNo(no);
        if (!c || c.reporter.userKey !== userKey) {
          return andBack(session, ctx, text(`没有找到您的案件 ${no}。请核对编号，回复「进度」可以查看您的案件。`));
        }
        if (c.kind !== 'wage_arrears') {
          return andBack(session, ctx, text(`案件 ${no} 不是欠薪案件。预约法律援助请回复「预约法律援助」。`));
        }
        if (!lawyerMayHelp(c)) {
          return andBack(session, ctx, text(`案件 ${no} 的工资已经全部追回了。还有别的法律问题，可以回复「预约法律援助」。`));
        }
        return openForCase(userKey, session, c, ctx);
      }
      if (!session.flowId && session.mode === 'idle') {
        const said = await afterBooking(userKey, session, t, ctx);
        if (said) return said;
      }
      // `我不方便过去` after booking a meeting in person: what can be done (another time, or a call booked instead).
      const noTrip = NO_TRIP.test(t) && !ABOUT_BOOKING.test(t);
      if (!session.flowId && session.mode === 'idle' && (ABOUT_BOOKING.test(t) || noTrip)) {
        const active = (await bookings.listByUser(userKey, 20)).filter((b) => b.status === 'booked' && Date.parse(b.slot.end) > ctx.now.getTime());
        if (noTrip && active.length === 1 && active[0]!.mode !== 'in_person') return null;
        // `改时间`, `我想改预约时间` (a new time asked for, nothing said of not coming): asked whether it is this booking.
        const moveOnly = CANNOT_COME.test(t) && !NOT_COMING.test(t);
        if (active.length === 1) return oneBooking(session, active[0]!, ctx, noTrip ? 'trip' : moveOnly ? 'move' : CANNOT_COME.test(t) ? 'either' : 'show', dayNotSuited(t, active[0]!, ctx));
        if (active.length > 1) return { session, replies: text(bookingList(ctx.index, active, ctx.now)) };
        // `我要改时间`, `预约号是多少` with no booking to come: said plainly, never 「没太明白」.
        if (active.length === 0 && !noTrip && NO_BOOKING_ASKED.test(t)) return { session, replies: text(noBookingText(session, /取消/u.test(t) ? '取消' : /改|换/u.test(t) ? '改' : '问')) };
      }
      // Each of these but the last answers only inside a legal-aid booking (each returns null at once outside one).
      if (session.flowId !== LEGAL_FLOW_ID) return await bookingStarted(userKey, session, incoming.text, ctx);
      return (
        (await changeAtReview(userKey, session, t, ctx)) ??
        (await answerThenWhen(userKey, session, t, ctx)) ??
        choiceWords(session, t, ctx) ??
        bringWhileBooking(session, t, ctx) ??
        (await askedWhileBooking(userKey, session, t, ctx)) ??
        stillAtMatter(session, t) ??
        phoneAtConsent(session, t, ctx) ??
        settledAtMatter(session, t) ??
        homeVisitAsked(session, t, ctx) ??
        (await inOtherWords(userKey, session, t, ctx)) ??
        (await timeWords(userKey, session, t, ctx)) ??
        (await nameElsewhere(userKey, session, t, ctx)) ??
        (await forOtherMidForm(userKey, session, t, ctx)) ??
        (await bookingStarted(userKey, session, incoming.text, ctx))
      );
    } catch (err) {
      if (err instanceof AppError && err.expose) return andBack(session, ctx, text(err.message));
      throw err;
    }
    return null;
  }

  /**
   * What someone with one booking to come says of it in their own words, outside a flow:
   * `不去了`, `我不约了` (cancelling, confirmed first), `那天有事 改天吧` (either),
   * `改到下周`, `下周一可以吗` (the reschedule opened at that time; the booking stays until
   * the new time is confirmed), `地址在哪` (the booked place), `能换个律师吗` (the one on duty
   * receives them). Null otherwise, or with no booking (or several) to come.
   */
  async function afterBooking(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (t.length > 30) return null;
    const cancelling = CANCEL_SAID.test(t);
    const either = !cancelling && EITHER_SAID.test(t);
    const lost = LOST_SAID.test(t.replace(/[\s?？。!！~～]+/gu, ''));
    const where = lost || WHERE_SAID.test(t) || WHERE_MEET_SAID.test(t.replace(/\s+/gu, ''));
    const lawyerPhone = LAWYER_PHONE_SAID.test(t.replace(/\s+/gu, ''));
    const gender = GENDER_SAID.test(t.replace(/\s+/gu, ''));
    const cost = COST_SAID.test(t);
    const lawyer = OTHER_LAWYER.test(t);
    const who = !lawyer && (WHO_SAID.test(t) || lawyerPhone || gender);
    const bring = !cancelling && BRING_SAID(t);
    // `律师会不会告诉老板`, `老板会知道吗` after booking: who sees what was said (it was the wage report's answer).
    const secret = bossLearnsAsked(t);
    const arrived = ARRIVED_SAID.test(t);
    const late = !cancelling && !either && !arrived && LATE_SAID.test(t);
    // `什么时候有人联系我`, `要等几天` after booking, with no wage case of theirs: the booked time and who receives them
    // (never the wage report's 「一个工作日内接单」, nor 「答不上来」).
    const wait = BOOKING_WAIT.test(compact(t).replace(/[?？。!！~～]+$/u, ''));
    // `取消` with no form under way: about the booking (asked which, confirmed), never 「没有正在办理的事项」 alone.
    const bareCancel = /^(?:取消|取消吧|取消了吧|我要取消|帮我取消)$/u.test(t);
    // `能不能改成电话`, `改成视频吧`: the booking's way to meet changed (its time asked again for that way).
    const modeSaid = MODE_CHANGE.exec(t);
    const mode = modeSaid && MODE_ONLY.test(modeSaid[1]!.trim()) ? modeAnswered(modeSaid[1]!) : undefined;
    if (bareCancel || mode) {
      const active = await activeBookings(userKey, ctx);
      if (active.length > 1) return { session, replies: text(`${bookingList(ctx.index, active, ctx.now)}\n请在后面写上预约号，例如「${bareCancel ? '取消预约' : '改约'} ${active[0]!.bookingNo}」。`) };
      if (active.length === 1 && bareCancel) return oneBooking(session, active[0]!, ctx, 'cancel');
      if (active.length === 1 && mode) return changeMode(userKey, session, active[0]!, mode, ctx);
      return null;
    }
    // `换个地方` after booking a meeting in person: the reschedule opened at the service point (then its times).
    if (PLACE_CHANGE.test(t)) {
      const active = await activeBookings(userKey, ctx);
      if (active.length > 1) return { session, replies: text(`${bookingList(ctx.index, active, ctx.now)}\n请在后面写上预约号，例如「改约 ${active[0]!.bookingNo}」。`) };
      if (active.length === 1 && active[0]!.mode === 'in_person') return changePoint(userKey, session, active[0]!, ctx);
      return null;
    }
    const asked = timeChange(t);
    // `下周一可以吗`, `周四下午行吗`: a time asked about is a wish to move to it.
    // (`换个时间` with no time said: asked which, change or cancel, below, as ever.)
    const wish = asked ? (asked.wish || null) : (/(?:可以|行|成|方便|有空|能约)(?:吗|不|不行|嘛)?$|呢$/u.test(t) ? slotWords(t) : null);
    if (!cancelling && !either && !where && !cost && !lawyer && !who && !bring && !arrived && !late && !secret && !wait && wish === null) return null;
    if (wait && !cancelling && !either && wish === null && (await core.cases.listByUser(userKey, 5)).some((c) => c.reporter.userKey === userKey)) return null;
    const active = (await bookings.listByUser(userKey, 20)).filter((b) => b.status === 'booked' && Date.parse(b.slot.end) > ctx.now.getTime());
    // `律师叫什么名字` with no booking to come: said plainly, never a booking begun unasked.
    if (active.length === 0 && who) {
      const role = /检察官/u.test(t) && !/律师/u.test(t) ? '检察官' : '律师';
      return { session: { ...session, options: [] }, replies: text(`您现在没有约好的咨询。接待的${role}是按约的时间安排的，约好后会告诉您是哪一位。要预约，请回复「预约法律援助」。`) };
    }
    if (active.length === 0) return null;
    if (active.length > 1) return { session, replies: text(bookingList(ctx.index, active, ctx.now)) };
    const b = active[0]!;
    if (cancelling) return oneBooking(session, b, ctx, 'cancel');
    if (either) return oneBooking(session, b, ctx, 'either', dayNotSuited(t, b, ctx));
    if (where) return { session: { ...session, options: [] }, replies: text(whereText(b, ctx, lost)) };
    if (cost) return { session: { ...session, options: [] }, replies: text(costText(b)) };
    if (lawyer) return oneBooking(session, b, ctx, 'lawyer');
    if (who && lawyerPhone) return { session: { ...session, options: [] }, replies: text(phoneText(b, ctx)) };
    if (who) return { session: { ...session, options: [] }, replies: text(`${gender ? GENDER_UNKNOWN : ''}${whoText(b, ctx)}`) };
    if (bring) return { session: { ...session, options: [] }, replies: text(bringText(b)) };
    if (secret) return { session: { ...session, options: [] }, replies: text(bossLearnsText(b.help)) };
    if (arrived || late) return { session: { ...session, options: [] }, replies: text(arrived ? arrivedText(b, ctx) : lateText(b, ctx)) };
    if (wait && wish === null) return { session: { ...session, options: [] }, replies: text(`${whoText(b, ctx)}我们会在前一天晚上和开始前1小时提醒您。`) };
    // `周四不行了 周五可以吗`: the day that does not suit, said before the wish, is not offered instead of it.
    const head = t.endsWith(wish!) ? t.slice(0, t.length - wish!.length) : '';
    return moveTo(userKey, session, b, wish!, ctx, head ? dayNotSuited(head, b, ctx) : undefined);
  }

  /**
   * `能不能改成电话` after booking: the reschedule of booking `b` opened for that way to meet (its time asked
   * again, from the providers of that way); nothing changes until the new time is confirmed.
   */
  async function changeMode(userKey: string, session: Session, b: Booking, mode: ConsultMode, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] }> {
    const offered = modesFor(ctx, b.help);
    if (!offered.includes(mode)) return { session, replies: text(`${HELP_SHORT[b.help]}暂时没有${MODE_NAMES[mode]}，可以选：${offered.map((x) => MODE_NAMES[x]).join('、')}。`) };
    if (mode === b.mode) return { session, replies: text(`您的预约 ${b.bookingNo} 就是${MODE_NAMES[mode]}（${whenText(b.slot)}），不用改。`) };
    const full = await withBooking(ctx, userKey);
    const { point: _p, currentSlotKey: _c, ...rest } = answersForBooking(b);
    const intro = `好的，把预约 ${b.bookingNo}（现在是${whenText(b.slot)}，${MODE_NAMES[b.mode]}）改成${MODE_NAMES[mode]}，请选${mode === 'in_person' ? '服务点和' : ''}时间。在您确认之前，原来的预约一直保留。`;
    const o = engine.open(session, LEGAL_FLOW_ID, { ...rest, mode }, full, intro);
    return { session: o.session, replies: o.replies };
  }

  /**
   * `换个地方` after booking: the reschedule of booking `b` opened at the service point question (the points near
   * the township said before); nothing changes until the new point and time are confirmed.
   */
  async function changePoint(userKey: string, session: Session, b: Booking, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] }> {
    const full = await withBooking(ctx, userKey);
    const { point: _p, ...rest } = answersForBooking(b);
    const at = pointOf(ctx.index.directory, b.slot.pointId)?.name ?? MODE_NAMES[b.mode];
    const intro = `好的，为预约 ${b.bookingNo} 换服务点（现在是${whenText(b.slot)}，${at}），请选服务点和时间。在您确认之前，原来的预约一直保留。`;
    const o = engine.open(session, LEGAL_FLOW_ID, rest, full, intro);
    return { session: o.session, replies: o.replies };
  }

  /** Asked after booking whether it costs anything: it does not; representation is applied for separately. */
  function costText(b: Booking): string {
    return b.help === 'procurator'
      ? `不收费。您预约的${HELP_SHORT[b.help]}是免费的。`
      : `不收费。您预约的${HELP_SHORT[b.help]}是免费的。${FORMAL_AID_LINE.replace(/^提醒：这次是免费咨询。/u, '')}`;
  }

  /**
   * Who receives them: the provider named on the booking (the confirmation names them too), and how they
   * meet. A provider no longer in the directory is not named: whoever is on duty then, at the time booked.
   */
  function whoText(b: Booking, ctx: FlowContext): string {
    const name = ctx.index.staffById.get(b.slot.staffId)?.staff.name;
    const role = b.help === 'procurator' ? '检察官' : '工会律师';
    const phone = bookings.phoneOf(b);
    const how =
      b.mode === 'phone'
        ? `到时会打您的手机${phone ? ` ${maskPhone(phone)}` : ''}，请保持畅通。`
        : b.mode === 'video'
          ? `到时会通过微信视频或电话联系您。`
          : `请按时到${pointOf(ctx.index.directory, b.slot.pointId)?.name ?? '服务点'}。`;
    return `您预约的${HELP_SHORT[b.help]}（${whenText(b.slot)}）由${name ? `${name}（${role}）` : `那个时间值班的${role}`}接待，${how}`;
  }

  /** `律师电话多少` after booking: who receives them, and the service point's phone to reach them (or this chat). */
  function phoneText(b: Booking, ctx: FlowContext): string {
    const point = b.mode === 'in_person' ? pointOf(ctx.index.directory, b.slot.pointId) : null;
    return `${whoText(b, ctx)}${point?.phone ? `有事可以打${point.name}的电话 ${point.phone}，或回复「人工」找工作人员。` : '有事可以回复「人工」找工作人员。'}`;
  }

  /**
   * Who receives them, asked before the booking is made: the provider of the time picked, if one is (settled once
   * it is submitted); otherwise that whoever is on at the time booked receives them, named once it is booked.
   */
  function whoBeforeBooked(a: LegalAnswers, ctx: FlowContext): string {
    const role = a.help === 'procurator' ? '检察官' : '工会律师';
    const name = a.slot ? ctx.index.staffById.get(a.slot.staffId)?.staff.name : undefined;
    if (name) return `您选的这个时间由${name}（${role}）接待，预约提交成功后就定下来了。`;
    if (a.rescheduleNo) return `改约后接待您的${role}按新约的时间安排，改约成功后会告诉您是哪一位。`;
    return `接待您的${role}是按您约的时间安排的，预约成功后会告诉您是哪一位。`;
  }

  /** Where they meet, asked before the booking is made: the service point chosen, or that it is chosen next. */
  function whereBeforeBooked(a: LegalAnswers, ctx: FlowContext): string {
    if (a.mode && a.mode !== 'in_person') return `您选的是${MODE_NAMES[a.mode]}，不用跑路，到时会联系您。`;
    const point = a.point ? pointOf(ctx.index.directory, a.point) : undefined;
    if (point) return `见面的地方是${point.name}（${point.address}）。`;
    return '见面的地方是您选的服务点，选好服务点后会告诉您地址。';
  }

  /** What to bring for the booking's matter (the list its confirmation gave), and that nothing missing stops it. */
  function bringText(b: Booking): string {
    const who = b.help === 'procurator' ? '检察官' : '律师';
    return `您预约的是${MATTER_NAMES[b.matter]}的${HELP_SHORT[b.help]}（${whenText(b.slot)}）。\n${bringLine(b)}\n没有的也不要紧，${b.mode === 'in_person' ? '先来谈' : '先谈'}，${who}会告诉您怎么补。`;
  }

  /** `我到了`: whom to ask for, by the booking's number; for a call or a video, that nobody needs to come. */
  function arrivedText(b: Booking, ctx: FlowContext): string {
    if (b.mode !== 'in_person') return whoText(b, ctx);
    const point = pointOf(ctx.index.directory, b.slot.pointId);
    const name = ctx.index.staffById.get(b.slot.staffId)?.staff.name;
    const role = b.help === 'procurator' ? '检察官' : '律师';
    return `好的。请进${point?.name ?? '服务点'}，说您约了${name ? `${name}${role}` : role}，预约号 ${b.bookingNo}（${whenText(b.slot)}）。${point?.phone ? `找不到的话，打 ${point.phone}。` : ''}`;
  }

  /** `我会晚到10分钟`: come anyway; the point's phone to say so. A call or a video: keep the phone on. */
  function lateText(b: Booking, ctx: FlowContext): string {
    if (b.mode !== 'in_person') return `没关系。您约的是${whenText(b.slot)}的${MODE_NAMES[b.mode]}，到时请留意手机。${changeLine(b)}`;
    const point = pointOf(ctx.index.directory, b.slot.pointId);
    return `好的，路上注意安全，到了直接进去就行。${point?.phone ? `晚得多的话，请打 ${point.phone} 跟服务点说一声。` : ''}\n${changeLine(b)}`;
  }

  /** The booked place and its address (or how a call or video happens), with the time. */
  function whereText(b: Booking, ctx: FlowContext, lost = false): string {
    const lines = placeLines(ctx.index, b, bookings.phoneOf(b));
    const head = b.mode === 'in_person' ? `您预约的时间：${whenText(b.slot)}` : `您预约的是${whenText(b.slot)}的${MODE_NAMES[b.mode]}，不用跑路。`;
    // `找不到地方`, `在几楼`: the floor and the way are known to the point, not here; its phone is the way to ask.
    const phone = b.mode === 'in_person' ? pointOf(ctx.index.directory, b.slot.pointId)?.phone : undefined;
    const ask = !lost || b.mode !== 'in_person' ? '' : phone ? `\n找不到或者不知道在几楼，请打服务点电话 ${phone} 问一下，他们会告诉您怎么走。` : '\n找不到的话，请回复「人工」，工作人员帮您问路。';
    return `${head}\n${lines.join('\n')}${ask}\n${changeLine(b)}`;
  }

  /**
   * `改到下周`, `下周一可以吗`: the reschedule of booking `b`, its time question answered with
   * the wish (the times of that day shown). Nothing changes until the new time is confirmed.
   */
  async function moveTo(userKey: string, session: Session, b: Booking, wish: string, ctx: FlowContext, avoid?: string): Promise<{ session: Session; replies: Reply[] }> {
    const full = await withBooking(ctx, userKey);
    const intro = `好的，为预约 ${b.bookingNo} 改时间（现在是${whenText(b.slot)}）。在您确认新的时间之前，原来的预约一直保留。`;
    const opened = engine.open(session, LEGAL_FLOW_ID, { ...answersForBooking(b), ...(avoid ? { slotAvoid: avoid } : {}) }, full, intro);
    const said = slotWords(wish) ?? wish;
    if (opened.session.fieldId !== 'slot') return { session: opened.session, replies: opened.replies };
    const o = engine.handle(opened.session, { kind: 'text', text: said }, full);
    if (o.effects.length > 0 || o.session.flowId !== LEGAL_FLOW_ID || o.session.mode !== 'ask') return { session: opened.session, replies: opened.replies };
    // The same hours on the day wished for, when free there: pointed out (picked only by the person).
    const hours = whenText(b.slot).split(' ').at(-1)!;
    const slots = o.session.options.filter((x) => x.value.startsWith('slot:'));
    const oneDay = slots.length > 1 && new Set(slots.map((x) => x.label.split(' ')[0])).size === 1;
    // Not on the booked day itself: the same hours there are no new time (`能改个时间吗`, no day wished).
    const otherDay = slots.length > 0 && slots[0]!.label.split(' ')[0] !== whenText(b.slot).split(' ')[0];
    const same = oneDay && otherDay ? o.session.options.findIndex((x) => x.value.startsWith('slot:') && x.label.endsWith(` ${hours}`)) : -1;
    const head = same >= 0 ? `${intro}\n${slots[0]!.label.split(' ')[0]}和原来一样的时间（${hours}）还空着，是下面第${same + 1}个。` : intro;
    const [first, ...later] = [...o.replies, ...o.followUp];
    const replies: Reply[] = first?.type === 'text' ? [{ ...first, text: `${head}\n${first.text}` }, ...later] : [...text(head), ...(first ? [first] : []), ...later];
    return { session: o.session, replies };
  }

  /**
   * One booking, asked about outside a flow (`我约的律师是几点`, `我明天去不了`,
   * a bare 取消预约): shown, with changing and cancelling offered as choices.
   */
  function oneBooking(
    session: Session,
    b: Booking,
    ctx: FlowContext,
    what: 'show' | 'either' | 'trip' | 'cancel' | 'move' | 'lawyer',
    avoid?: string,
  ): { session: Session; replies: Reply[] } {
    // The day they cannot come rides on the choice, so the times offered next leave it out.
    // Asked about by name (「您要改时间的是这个预约吗？」): marked, so a plain yes picks it.
    const move: Option = { label: '改时间', value: `改约 ${b.bookingNo}${avoid ? ` avoid:${avoid}` : ''}`, ...(what === 'move' ? { yes: true as const } : {}) };
    const cancel: Option = { label: '取消这个预约', value: `取消预约 ${b.bookingNo}` };
    const options = what === 'cancel' ? [cancel, move] : [move, cancel];
    // A meeting in person that the person cannot come to: another time, or (where there is one) a call instead.
    const remote = modesFor(ctx, b.help).filter((m) => m !== 'in_person');
    const head =
      what === 'either'
        ? '没关系，可以改个时间，也可以取消。'
        : what === 'trip'
          ? `没关系，可以改个时间。${remote.length > 0 ? `想${remote.map((m) => MODE_NAMES[m]).join('或')}、不用跑路的话，可以取消这个预约，再回复「预约法律援助」重新约，方式选「${MODE_NAMES[remote[0]!]}」。` : '实在去不了，也可以取消，打12348公共法律服务热线电话咨询。'}`
        : what === 'cancel'
          ? '您要取消的是这个预约吗？'
          : what === 'move'
            ? '您要改时间的是这个预约吗？'
            : what === 'lawyer'
              ? '预约不能指定或更换律师，接待的是您约的那个时间值班的律师。想换人的话，可以改个时间（别的时间可能是别的律师接待），也可以取消。'
              : '';
    const ask = what === 'show' ? '要改时间或取消，请回复对应的数字。' : '请回复数字选择：';
    const body = `${head}${head ? '\n' : ''}${bookingList(ctx.index, [b], ctx.now).split('\n\n')[0]}\n${ask}`;
    return { session: { ...session, options }, replies: [{ type: 'text', text: body, options }] };
  }

  /**
   * At the summary (or a question after the way to meet): a new way to meet
   * (`改成电话咨询`, `方式改成电话`) asks the time again for it; a new phone
   * number and name said together are both taken and the summary shown
   * again; and after 哪一项要改 nothing is booked until the summary was seen.
   */
  async function changeAtReview(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId !== LEGAL_FLOW_ID) return null;
    const answers = LegalAnswers.safeParse(session.answers);
    if (!answers.success) return null;
    const a = answers.data;
    const later = session.mode === 'review' || ((session.mode === 'ask' || session.mode === 'edit') && ['place', 'point', 'slot', 'contactName', 'phone'].includes(session.fieldId ?? ''));
    if (!later || !a.mode) return null;
    const full = await withBooking(ctx, userKey);
    const wanted = MODE_CHANGE.exec(t) ?? /^(?:咨询)?方式(?:不对|错了)?[,，\s]*(?:要|是|用)(.+?)(?:吧)?$/u.exec(t);
    if (wanted && MODE_ONLY.test(wanted[1]!.trim())) {
      const m = modeAnswered(wanted[1]!);
      if (m) {
        const help = a.help ?? 'lawyer';
        const offered = modesFor(full, help);
        if (!offered.includes(m)) return andBack(session, full, text(`${HELP_SHORT[help]}暂时没有${MODE_NAMES[m]}，可以选：${offered.map((x) => MODE_NAMES[x]).join('、')}。`));
        // `我想改电话` with a phone consultation booked: the phone number (the way to meet is that already); never
        // `改成电话`, which names a way to meet.
        if (m === modeOf(a) && m === 'phone' && !/咨询|方式|打电话|改成|改为|换成|换为|改用|换到|改到|还是/u.test(t)) return null;
        if (m === modeOf(a)) return andBack(session, full, text(`现在就是${MODE_NAMES[m]}，不用改。`));
        const { mode: _m, point: _p, slot: _s, slotFrom: _f, slotDay: _d, slotTo: _to, slotPart: _pt, slotAfter: _after, ...rest } = a;
        const o = engine.open(session, LEGAL_FLOW_ID, { ...rest, mode: m }, full, `好的，方式改为${MODE_NAMES[m]}${!a.place ? '' : m === 'in_person' ? '，请选服务点和时间' : '，请重新选时间'}。`);
        return { session: o.session, replies: o.replies };
      }
    }
    if (session.mode !== 'review') return null;
    // `换个地方` at the summary of a meeting in person: the service point asked again (then its times).
    if (PLACE_CHANGE.test(t) && modeOf(a) === 'in_person') {
      const o = engine.handle(session, { kind: 'text', text: '改服务点' }, full);
      if (o.effects.length === 0 && o.session.flowId === LEGAL_FLOW_ID && o.session.fieldId === 'point') return { session: o.session, replies: [...o.replies, ...o.followUp] };
    }
    // `换到区法律援助工作站`, `地点换成区里的`: the service point asked again, and the one named taken there.
    const pointNamed = POINT_CHANGE.exec(t);
    if (pointNamed && modeOf(a) === 'in_person') {
      const o = engine.handle(session, { kind: 'text', text: '改服务点' }, full);
      if (o.effects.length === 0 && o.session.flowId === LEGAL_FLOW_ID && o.session.fieldId === 'point') {
        const picked = engine.handle(o.session, { kind: 'text', text: pointNamed[1]!.trim() }, full);
        if (picked.effects.length === 0 && picked.session.flowId === LEGAL_FLOW_ID && picked.session.fieldId !== 'point') return { session: picked.session, replies: [...picked.replies, ...picked.followUp] };
        return { session: o.session, replies: [...o.replies, ...o.followUp] };
      }
    }
    // `手机号错了 是13900001111 名字是李敏`: both taken, then the summary again (never booked unseen).
    const phone = findPhone(t);
    const named = NAME_FIX.exec(t);
    const name = named ? nameAnswer(named[1]!) : null;
    if (phone && name?.ok && !name.confirm && t.replace(named![0], '').replace(FIX_FILLER, '') === '') {
      const o = engine.open(session, LEGAL_FLOW_ID, { ...a, phone, contactName: name.value }, full, `好的，手机号已改为「${phone}」，联系人已改为「${name.value}」。请再核对一下：`);
      return { session: o.session, replies: o.replies };
    }
    // `确认 要带什么材料`: booked, and the question answered (the confirmation says what to bring and where to go).
    const yesThen = YES_THEN.exec(t);
    if (yesThen && ASKS_BRING.test(yesThen[1]!)) {
      const o = engine.handle(session, { kind: 'text', text: '确认' }, full);
      const effect = o.effects.find((e): e is Extract<Effect, { kind: 'submit' }> => e.kind === 'submit' && e.flowId === LEGAL_FLOW_ID);
      if (effect && o.effects.length === 1) {
        const booked = await submit(userKey, effect, full, o);
        const done = booked.some((r) => r.type === 'text' && /^(?:预约成功|改约成功)/u.test(r.text));
        const answer = done ? text('您问的要带什么，就在上面「请带上」那一行。') : [];
        return { session: o.session, replies: [...o.replies, ...booked, ...answer, ...o.followUp] };
      }
    }
    // 确认 right after 哪一项要改 (the change asked for was not understood): the summary again, not a booking.
    const which = session.options.length > 0 && session.options.every((o) => o.value.startsWith('改 '));
    if (which && (understandConfirm(t) === 'yes' || /^(?:确认|确定|提交|确认提交)/u.test(t))) {
      const o = engine.open(session, LEGAL_FLOW_ID, a, full, '刚才您说要修改，但还没有改动。请再核对一次，没问题就回复「确认」，要改哪一项就回复「改」加序号：');
      return { session: o.session, replies: o.replies };
    }
    return null;
  }

  /**
   * A booking just begun, unlinked, by someone with a wage case a lawyer may help with (`找律师`,
   * `我想预约法律援助`): whether it is about that case, asked once (several: which, or 别的事) before
   * its consent. Never linked without their pick. Null when there is nothing to ask.
   */
  async function askWhichCase(userKey: string, session: Session, raw: string, o: Outcome): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId !== null || o.session.answers.linkedCaseId !== undefined) return null;
    const said = { ...o.session.answers, ...(o.session.pending?.values ?? {}) } as Record<string, unknown>;
    if (said.matter !== undefined && said.matter !== 'wage') return null;
    const open = (await casesForNotes(core, userKey)).filter((c) => c.kind === 'wage_arrears' && lawyerMayHelp(c)).slice(0, 5);
    if (open.length === 0) return null;
    const other: Option = { label: '别的事', value: `${CASE_OTHER}0:${raw.trim().slice(0, 60)}` };
    const options: Option[] =
      open.length === 1
        ? [{ label: '是，为这件案子', value: `${CASE_PICK}${open[0]!.caseNo}` }, { ...other, label: '不是，别的事' }]
        : [...open.map((c) => ({ label: caseName(c), value: `${CASE_PICK}${c.caseNo}` })), other];
    const ask =
      open.length === 1
        ? `您有一件欠薪案件正在办理：${caseName(open[0]!)}。这次预约律师是为了这件案子吗？是的话，预约会和案件关联，事项和地点按案件填好。`
        : '您有几件欠薪案件正在办理。这次预约律师是为了哪一件？选了案件，预约会和它关联。';
    return { session: { ...session, mode: 'idle', offer: null, offerCase: null, offerFacts: null, options }, replies: [{ type: 'text', text: ask, options }] };
  }

  /** The answer to askWhichCase's question, or null when it is not waiting or this is no answer to it (the question then ends). */
  async function caseAnswered(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    const other = session.options.find((o) => o.value.startsWith(CASE_OTHER));
    if (!other || session.flowId !== null) return null;
    const cases = session.options.filter((o) => o.value.startsWith(CASE_PICK));
    const again = other.value.slice(CASE_OTHER.length).startsWith('1:');
    const raw = other.value.slice(CASE_OTHER.length + 2);
    // Any message ends the question (in place, as the session is saved with whatever answers).
    session.options = [];
    const yn = understandConfirm(t);
    // `不是`, `别的事`: another matter; a bare `不用了` (no lawyer after all) ends the question, no booking begun.
    const no = /^(?:不是|不对|别的|其他|其它|另外的?事|另一件事)/u.test(t);
    // Its number, `第二个`, the case number or the employer in part (`宏达那个`), as the case desk reads a pick.
    const nos = cases.map((o) => o.value.slice(CASE_PICK.length));
    const open = (await casesForNotes(core, userKey)).filter((c) => nos.includes(c.caseNo));
    const named = pickExact(t, [...cases, other]) ? null : whichCase(t, nos, open);
    const pick =
      pickExact(t, [...cases, other]) ??
      (named === 'none' ? other : named ? cases.find((o) => o.value === `${CASE_PICK}${named}`) : undefined) ??
      (no ? other : yn === 'yes' && cases.length === 1 ? cases[0] : undefined);
    const bare = { ...session, options: [] };
    if (!pick && yn === 'no') return { session: bare, replies: text('好的，先不约了。以后需要律师帮忙，回复「预约法律援助」就行。') };
    if (!pick) {
      // `是` with several cases: which one, asked once more.
      if (yn === 'yes' && cases.length > 1 && !again) {
        const options = [...cases, { ...other, value: `${CASE_OTHER}1:${raw}` }];
        return { session: { ...bare, options }, replies: [{ type: 'text', text: '请回复数字，选是哪一件：', options }] };
      }
      return null;
    }
    if (pick.value.startsWith(CASE_PICK)) {
      const c = await core.cases.getByNo(pick.value.slice(CASE_PICK.length));
      if (c && c.reporter.userKey === userKey && lawyerMayHelp(c)) return openForCase(userKey, bare, c, ctx);
    }
    return bookingStarted(userKey, bare, raw || '预约法律援助', ctx, true);
  }

  /**
   * A message that takes the person into the booking (from the menu, or from the middle of another form, the
   * engine's switch: that form saved, and said so), with what the switch leaves unsaid: the price asked with it
   * (`我想找律师 要钱吗` while reporting wages: the knowledge base's answer first, as at the menu), and whom
   * it is for (`我想帮我爸约个律师`: said before the consent what a booking for someone else is). Null when
   * the message asks neither, or does not start the booking.
   */
  async function bookingStarted(userKey: string, session: Session, raw: string, ctx: FlowContext, caseAsked = false): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId === LEGAL_FLOW_ID) return null;
    // Read as normalized (traditional characters folded: `預約律師` is 预约律师); the engine is still given the raw words.
    const words = normalizeMessage(raw);
    // A price asked names money (COST_ASKED: 钱, 费 or 贵 in every reading): without, none, and no need to read whether it asks.
    const cost = /[钱费贵]/u.test(words) && asksCost(words);
    const other = bookingForOther(words);
    // Words that may start a booking (or the menu's 3): whether one is to come already is said when it starts.
    const mayStart = /律师|法律|法援|检察|援助|预约|再约/u.test(words) || (!session.flowId && words.trim() === '3');
    if (!cost && !other && !mayStart) return null;
    const o = engine.handle(session, { kind: 'text', text: raw }, needsContext(session) ? await withBooking(ctx, userKey) : ctx);
    if (o.effects.length > 0 || o.session.flowId !== LEGAL_FLOW_ID) return null;
    const replies = [...o.replies, ...o.followUp];
    const said = (line: string) => replies.some((r) => r.type === 'text' && r.text.includes(line));
    const help = LegalAnswers.safeParse(o.session.answers).data?.help;
    const entry = cost ? bookingCostEntry(knowledgeBase(), raw, help) : null;
    const price = entry ? withBasis(entry) : null;
    // A booking just begun (its consent asked), not a saved one taken up again.
    const fresh = o.session.mode === 'ask' && o.session.fieldId === 'consent' && !('consent' in o.session.answers);
    const forOther = other && fresh ? bookedForOtherText(other) : null;
    // A booking of theirs still to come: said before another is begun (moving it may be what they want).
    const booked = fresh ? await activeBookings(userKey, ctx) : [];
    const already = booked.length > 0 ? alreadyBooked(booked, ctx) : null;
    // About an open wage case? Asked first (the booking then begins as their answer says).
    if (fresh && !caseAsked && !other) {
      const which = await askWhichCase(userKey, session, raw, o);
      if (which) return which;
    }
    if ((!price || said(price)) && !forOther && !already) return caseAsked ? { session: o.session, replies } : null;
    const out = [...replies];
    // Before the consent (the last question asked), after what the start said back.
    const beforeAsk = (lines: Reply[]) => {
      const at = out.findLastIndex((r) => r.type === 'text' && r.options !== undefined && r.options.length > 0);
      out.splice(at < 0 ? out.length : at, 0, ...lines);
    };
    if (already) beforeAsk(text(already));
    if (forOther && other) {
      // Kept on the booking, so whoever receives it knows who is coming (core/legal-aid/store.ts forWhom).
      o.session.answers = { ...o.session.answers, forWhom: forWhomOf(other) };
      beforeAsk(text(forOther));
    }
    if (price && !said(price)) out.unshift(...text(price));
    return { session: o.session, replies: out };
  }

  /**
   * Said in the middle of the booking that it is for a relative (`我是帮我爸问的 …工伤了` at the matter, `是我爸的事 工伤`):
   * the message taken as usual, and what a booking for someone else is said once before it (as when said with the
   * request), whom it is for kept on it. Null when it is not said, or already known.
   */
  async function forOtherMidForm(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId !== LEGAL_FLOW_ID || session.mode === 'idle' || 'forWhom' in session.answers) return null;
    const s = t.replace(/\s+/gu, '');
    const who = bookingForOther(s) ?? OTHERS_MATTER.exec(s)?.[1] ?? null;
    if (!who || /(?:不是|没有|没|并非)(?:帮|替|给|代)?(?:我|俺)/u.test(s)) return null;
    const o = engine.handle(session, { kind: 'text', text: t }, await withBooking(ctx, userKey));
    if (o.effects.length > 0 || o.session.flowId !== LEGAL_FLOW_ID) return null;
    o.session.answers = { ...o.session.answers, forWhom: forWhomOf(who) };
    if (!LegalAnswers.partial().safeParse(o.session.answers).success) return null;
    return { session: o.session, replies: [...text(bookedForOtherText(who)), ...o.replies, ...o.followUp] };
  }

  /** `您已经约了：YY… 12月3日（周四） 11:00-11:30。这次是再约一个新的；只想改那个的时间，请回复「改约 YY…」。` */
  function alreadyBooked(active: readonly Booking[], ctx: FlowContext): string {
    const list = active.map((b) => `${b.bookingNo}（${whenText(b.slot)}，${b.mode === 'in_person' ? (pointOf(ctx.index.directory, b.slot.pointId)?.name ?? MODE_NAMES[b.mode]) : MODE_NAMES[b.mode]}）`);
    const full = active.length >= MAX_ACTIVE_BOOKINGS ? `每人最多同时有${MAX_ACTIVE_BOOKINGS}个预约，要先取消一个才能再约。` : '这次是再约一个新的；';
    return `您已经约了：${list.join('、')}。${full}只想改原来的时间，请回复「改约 ${active[0]!.bookingNo}」。`;
  }

  /**
   * Words the engine would misread at a question of the booking, given to it
   * as the question reads them: `1号` / `5号` at the leaving-day or
   * injury-day question are days of the month (never option 1); a bare `5`
   * there is asked about; `不知道算哪种` is 其他, `都行` at 想找谁 the union
   * lawyer, `越快越好` at the time question the earliest time.
   */
  async function inOtherWords(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId !== LEGAL_FLOW_ID || !(session.mode === 'ask' || session.mode === 'edit')) return null;
    const field = session.fieldId;
    let said: string | null = null;
    if (field === 'limit' || field === 'injury') {
      const a = LegalAnswers.safeParse(session.answers);
      // 「是2026年11月几号离开的？」 (or 「是几月5号…」) offers no option: `1` is the 1st (or January).
      const half = a.success && dayHalfKnown(field, a.data);
      const gone = field === 'limit' && a.success && a.data.limitLeft === true;
      if (DAY_OF_MONTH_FIRST.test(t)) said = t.replace(DAY_OF_MONTH_FIRST, '$1日');
      else if (/^\d{1,2}$/u.test(t)) {
        if (half) said = t;
        // A number of the options shown (after 「还在干，又说不让干了」 both ways are offered): picked as ever.
        else if (pickExact(t, session.options) && session.options.length > 1) said = null;
        // `2` where 还在干 is 1: the wage flow's 「2. 已经离开」; the day is asked next, never day 2 taken.
        else if (field === 'limit' && t === '2' && !gone) said = LEFT_PICKED;
        // `5` where only 1 is offered: a day of a month not said yet, whose month is asked next.
        else if (t !== '1' && t !== '0') said = `${DAY_ONLY}${t}`;
      }
    } else if (field === 'matter' && UNSURE_MATTER_WORDS.test(t)) said = UNSURE_MATTER;
    else if (field === 'mode' && t.length <= 20 && onlineSaid(t)) said = ONLINE_MODE;
    // `哪个快选哪个`, `越快越好`: the quickest way proposed (flows/legal-aid.ts), never a question for the knowledge base.
    else if (field === 'mode' && anyModeSaid(t)) said = ANY_MODE_SAID;
    else if (field === 'help' && EITHER_HELP_WORDS.test(t)) said = EITHER_HELP;
    else if (field === 'help' && lawyerNamed(t)) {
      // `我要找吴芳律师`: the union lawyer; nobody is chosen, said so before the next question.
      const o = engine.handle(session, { kind: 'text', text: 'lawyer' }, await withBooking(ctx, userKey));
      if (o.effects.length > 0 || o.session.flowId !== LEGAL_FLOW_ID) return null;
      const [first, ...later] = [...o.replies, ...o.followUp];
      const replies: Reply[] = first?.type === 'text' ? [{ ...first, text: `${NO_CHOOSING_LAWYER}\n${first.text}` }, ...later] : [...text(NO_CHOOSING_LAWYER), ...(first ? [first] : []), ...later];
      return { session: o.session, replies };
    }
    else if (field === 'slot' && ANY_TIME_WORDS.test(t.replace(/[\s,，]+/gu, ''))) {
      const filtered = 'slotFrom' in session.answers || 'slotDay' in session.answers || 'slotTo' in session.answers || 'slotPart' in session.answers;
      // `都行` at a list narrowed to a day or a week (`下周都行` then `都行`): the first of those shown, never an earlier day
      // they did not want; `越快越好` still the earliest of all.
      if (!(filtered && LIST_START.test(t))) said = filtered && !ASAP_WORDS.test(t.replace(/[\s,，]+/gu, '')) ? EARLIEST_SHOWN : EARLIEST_SLOT;
    }
    if (said === null) return null;
    const o = engine.handle(session, { kind: 'text', text: said }, await withBooking(ctx, userKey));
    if (o.effects.length > 0 || o.session.flowId !== LEGAL_FLOW_ID) return null;
    return { session: o.session, replies: [...o.replies, ...o.followUp] };
  }

  /**
   * `越快越好`, `离我近的`, `都行` at a question before the time (the matter, 「…对吗？」, whether they still work there,
   * the town): a wish about the time or the place, said back, and the same question again; nothing taken from it and
   * nothing said before dropped. `都行` at the matter: how to pick, never a matter picked for them. (At the way to
   * consult and at the service point, their own questions answer these words.)
   */
  function choiceWords(session: Session, t: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (session.flowId !== LEGAL_FLOW_ID || !['ask', 'edit', 'confirm'].includes(session.mode)) return null;
    const field = session.fieldId ?? '';
    if ('slot' in session.answers || field === 'slot') return null;
    const words = t.replace(/[\s,，。.!！~～]+/gu, '');
    // `我换个时间`, `能不能改时间` before any time was shown (the consent, the matter, the town): the times come later,
    // to pick from; the same question again, nothing taken from it (it was 「请回复数字选择」 or 「答不上来」).
    const bare = words.replace(/[吗吧呢嘛啊？?]+$/u, '');
    if (MOVE_WORDS.test(bare) || (MOVE_TIME.test(bare) && timeChange(bare)?.wish === '')) {
      return andBack(session, ctx, text('时间在后面选：再回答几个问题，就会列出能约的空闲时间，您挑方便的就行；想约哪天，现在说也可以，例如「下周二下午」。'), { sameForm: true });
    }
    if (field === 'consent' && session.mode !== 'confirm') return null;
    const asking = session.mode !== 'confirm';
    if (ASAP_WORDS.test(words) && !(asking && ['mode', 'point'].includes(field))) {
      const a = session.answers;
      const held = a.slotDay !== undefined || a.slotPart !== undefined || a.slotAfter !== undefined || a.slotNight !== undefined;
      return andBack(session, ctx, text(held ? '好的，会尽快给您约。' : '好的，会尽快给您约：到选时间时，最早能约的时间排在最前面。'), { sameForm: true });
    }
    if (NEAR_SAID.test(words) && !(asking && ['mode', 'point'].includes(field))) {
      const ack = asking && field === 'place' ? '好的，就近安排。' : '好的，到服务点面谈的话，后面会按您所在的镇街找离您最近的服务点。';
      return andBack(session, ctx, text(ack), { sameForm: true });
    }
    if (asking && field === 'matter' && ANY_MATTER_WORDS.test(words)) {
      return andBack(session, ctx, text('咨询什么事要按您的情况选，律师好提前准备：几样都有的话，选最要紧的一个，别的见面时跟律师说；说不好是哪一种，回复「其他」。'), { sameForm: true });
    }
    return null;
  }

  /**
   * `要带身份证吗`, `要带什么材料` while booking: what to bring for the matter said so far (the list the
   * confirmation will give; a general one before the matter is known), and the question asked again.
   */
  function bringWhileBooking(session: Session, t: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (session.flowId !== LEGAL_FLOW_ID || !['ask', 'edit', 'confirm', 'review'].includes(session.mode)) return null;
    if (t.length > 30 || !BRING_SAID(t)) return null;
    const a = session.answers as LegalAnswers;
    const who = a.help === 'procurator' ? '检察官' : '律师';
    const line = a.matter ? bringLine({ mode: modeOf(a), matter: a.matter }) : `请带上：${whatToBring('other')}`;
    return andBack(session, ctx, text(`${line}\n没有的也不要紧，${who}会告诉您怎么补。预约成功后也会再告诉您。`));
  }

  /**
   * Asked while booking, and answered before the question is asked again (never 「答不上来」, never the
   * question alone in a loop): `律师靠谱吗`, `律师叫什么名字` anywhere in the booking (at 「…对吗？」 too); `晚上可以吗`, `我只有晚上有空` at a
   * question before the times (at the time list itself the list answers it: its evening, or the latest times).
   */
  async function askedWhileBooking(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId !== LEGAL_FLOW_ID || !['ask', 'edit', 'review', 'confirm'].includes(session.mode)) return null;
    const a = LegalAnswers.safeParse(session.answers);
    if (!a.success) return null;
    // `律师叫什么名字`, `哪个律师` before the booking is made (at 「…对吗？」 too): who receives them comes with the
    // time (told once booked), and the question where they were asked again.
    if (t.length <= 30 && WHO_SAID.test(t.replace(/\s+/gu, '')) && !OTHER_LAWYER.test(t)) return andBack(session, ctx, text(whoBeforeBooked(a.data, ctx)));
    // `那个律师是男的女的`, `律师电话多少`, `在哪里见面` while booking: said, and the question again (it was a repeat of
    // the question, the hotlines, or 「答不上来」).
    const bare = t.replace(/\s+/gu, '');
    // `能找个女律师吗`, `律师最好是女的`: a wish, not a question about who; nobody is chosen, and whom to ask said.
    if (t.length <= 30 && GENDER_WISH.test(bare)) return andBack(session, ctx, text(genderWishAnswer(/女/u.test(bare) ? '女' : '男')));
    if (t.length <= 30 && GENDER_SAID.test(bare) && !OTHER_LAWYER.test(t)) return andBack(session, ctx, text(`${GENDER_UNKNOWN}${whoBeforeBooked(a.data, ctx)}`));
    if (t.length <= 30 && LAWYER_PHONE_SAID.test(bare)) return andBack(session, ctx, text(`${whoBeforeBooked(a.data, ctx)}${a.data.mode && a.data.mode !== 'in_person' ? '' : '约好后会告诉您服务点的电话；'}有急事可以回复「人工」找工作人员。`));
    if (t.length <= 30 && (WHERE_MEET_SAID.test(bare) || /^(?:那个|请问)?(?:地址|地点)(?:在哪里?|在哪儿|是哪里|是哪儿)?(?:呢|啊)?$/u.test(bare))) return andBack(session, ctx, text(whereBeforeBooked(a.data, ctx)));
    const trust = trustAsked(t, a.data);
    if (trust) return andBack(session, ctx, text(trust));
    // `会不会被老板知道`, `能匿名吗`, `要多久` while booking: who sees what is said (the consent's own words), and when
    // the consultation is (the time chosen); never the wage report's answer, nor 「答不上来」.
    const booking = bookingAsked(t, a.data);
    if (booking) return andBack(session, ctx, text(booking));
    // `我不会打字 能打电话吗` before the way to meet is chosen: the entry's answer, and that the consultation itself can
    // be a call (it was the answer alone, the phone consultation unsaid).
    if (session.mode === 'ask' && !a.data.mode && t.length <= 30 && /电话/u.test(t)) {
      const m = knowledgeBase().match(t);
      if (m?.entry.id === CANNOT_TYPE && a.data.help && modesFor(ctx, a.data.help).includes('phone')) {
        return andBack(session, ctx, text(`${withBasis(m.entry)}\n咨询也可以选「电话咨询」，到时${a.data.help === 'procurator' ? '检察官' : '律师'}打您的手机，不用打字。`));
      }
    }
    if (session.mode === 'confirm') return null;
    if (session.mode === 'review' || session.fieldId === 'slot' || 'slot' in session.answers) return null;
    const full = await withBooking(ctx, userKey);
    const evening = eveningAsked(t, a.data, full);
    return evening ? andBack(session, full, text(evening)) : null;
  }

  /**
   * `我不想留电话` at the consent: no refusal of the consent, a worry about the number; why it is needed (the
   * lawyer calls) said, and the consent asked again. A plain 不同意 still refuses (the consent question reads it).
   */
  function phoneAtConsent(session: Session, t: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (session.flowId !== LEGAL_FLOW_ID || session.mode !== 'ask' || session.fieldId !== 'consent') return null;
    if (!NO_PHONE_SAID.test(t.replace(/[\s。.!！?？，,~～]+/gu, ''))) return null;
    return andBack(
      session,
      ctx,
      text('预约需要留一个手机号：律师或检察官要打这个号码联系您、确认时间，预约提醒也会发到这里。完整号码只有为您咨询的律师或检察官能看到，不会给别人。'),
    );
  }

  /** `工资没问题` alone at the matter question: a matter said to be fine is none asked about; the question again. */
  function settledAtMatter(session: Session, t: string): { session: Session; replies: Reply[] } | null {
    if (session.flowId !== LEGAL_FLOW_ID || session.mode !== 'ask' || session.fieldId !== 'matter') return null;
    const said = t.replace(/[\s。.!！，,]+/gu, '');
    if (said === '' || withoutSettled(said).replace(/[\s。.!！，,]+/gu, '') !== '') return null;
    return { session, replies: [{ type: 'text', text: '好的。那您想咨询什么事？请回复数字选择：', options: session.options }] };
  }

  /** `能来我家吗` at the way to meet: no home visits; the ways there are, and the question again. */
  function homeVisitAsked(session: Session, t: string, ctx: FlowContext): { session: Session; replies: Reply[] } | null {
    if (session.flowId !== LEGAL_FLOW_ID || session.mode !== 'ask' || session.fieldId !== 'mode') return null;
    if (!HOME_VISIT.test(t.replace(/[\s。.!！?？，,]+/gu, ''))) return null;
    const ways = modesFor(ctx, session.answers.help === 'procurator' ? 'procurator' : 'lawyer').map((m) => MODE_NAMES[m]);
    const remote = ways.filter((w) => w !== MODE_NAMES.in_person);
    return andBack(
      session,
      ctx,
      text(`律师和检察官不上门服务。可以${ways.length > 1 ? `${ways.slice(0, -1).join('、')}或${ways.at(-1)}` : ways.join('')}${remote.length > 0 ? `；不方便出门的话，${remote.join('或')}不用跑路` : ''}。`),
    );
  }

  /**
   * `还在干` at the matter question (or its list of the matters said): no matter, and never picked as one; it answers
   * the question about still working there, so it waits for that one (confirmed when it comes) and the matter is asked
   * again with the choices last shown.
   */
  function stillAtMatter(session: Session, t: string): { session: Session; replies: Reply[] } | null {
    if (session.flowId !== LEGAL_FLOW_ID || session.mode !== 'ask' || session.fieldId !== 'matter') return null;
    if (matterOf(t) !== undefined || !(STILL_AT_MATTER.test(t.replace(/[\s。.!！]+/gu, '')) || findStillEmployed(t) === true)) return null;
    const options = session.options;
    const several = options.length > 0 && options.length < MATTERS.length;
    const ask = several ? '预约先记一件主要的，请选：' : '您想咨询什么事？';
    return {
      session: { ...session, later: { ...session.later, limit: { employed: true } } },
      replies: [{ type: 'text', text: `好的，记下您还在这家单位干。${ask}`, options }],
    };
  }

  /**
   * A name alone at a question before the contact's (`王芳` where the place or the time is asked): no answer there
   * (never a place, a time or a matter), kept for the contact question, where it is confirmed before it counts;
   * said so, and this question asked again. Null when this question takes the words, or they are no plain name.
   */
  async function nameElsewhere(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId !== LEGAL_FLOW_ID || session.mode !== 'ask') return null;
    if (!NAME_ELSEWHERE_AT.includes(session.fieldId ?? '') || 'contactName' in session.answers || 'contactName' in session.later) return null;
    const said = t.replace(/[\s。.!！]+$/u, '');
    if (!/^[\p{Script=Han}]{2,4}$/u.test(said) || NOT_NAME_WORDS.test(said) || !commonSurname(said) || saysWhen(said) || matterOf(said) !== undefined) return null;
    // Never words a day is read from (`国庆前`, `初三`, `元宵节`): the questions about days read them.
    if (parseBookingWhen(said, ctx.now, ctx.index.calendar) || parseDayTime(said, ctx.now, 'future') || parsePastDay(said, ctx.now)) return null;
    const name = nameAnswer(said);
    if (!name.ok || name.confirm || name.value !== said) return null;
    const full = await withBooking(ctx, userKey);
    const field = engine.flows.get(LEGAL_FLOW_ID)?.fields.find((f) => f.id === session.fieldId);
    if (!field || findTownship(full, said) || field.parse({ kind: 'text', text: said }, session.answers, full).ok) return null;
    const kept = { ...session, later: { ...session.later, contactName: said } };
    return andBack(kept, full, text(`「${said}」是您的名字吧？先记下，问到联系人时再跟您核对。`));
  }

  /**
   * An answer with when to meet said after it, at a question before the time (`1 下周一上午` at the matter
   * list, `对 下周一上午` at 「…对吗？」, `还在干 明天下午`): the answer taken as if said alone and the day kept
   * as a wish for the time question (its times shown first there, as a day said with the request is).
   * Null when the answer alone is not taken (the message then goes the usual way).
   */
  async function answerThenWhen(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId !== LEGAL_FLOW_ID || !['ask', 'edit', 'confirm'].includes(session.mode)) return null;
    if (session.fieldId === 'slot' || 'slot' in session.answers) return null;
    const split = whenSaidLast(t, ctx);
    if (!split) return whenOnly(userKey, session, t, ctx);
    const { slotPart: _part, slotNight: _night, slotAt: _at, ...before } = session.answers;
    // `明天` late at night: which day is asked at the time question.
    const day = split.night ? { slotNight: true as const } : { slotDay: split.day };
    const wished = { ...session, answers: { ...before, ...day, ...(split.part ? { slotPart: split.part } : {}), ...(split.at ? { slotAt: split.at } : {}) } };
    if (!LegalAnswers.safeParse(wished.answers).success) return null;
    const o = engine.handle(wished, { kind: 'text', text: split.head }, await withBooking(ctx, userKey));
    if (o.effects.length > 0 || o.session.flowId !== LEGAL_FLOW_ID) return null;
    // Not taken (the same question again): nothing is kept, the whole message goes the usual way.
    if (o.session.mode === session.mode && o.session.fieldId === session.fieldId) return null;
    if (split.night ? o.session.answers.slotNight !== true : o.session.answers.slotDay !== split.day) return null;
    return { session: o.session, replies: [...o.replies, ...o.followUp] };
  }

  /**
   * When to meet said alone at a question before the time (`下周三上午` at 「您想怎么咨询？」 or at whether
   * they still work there, where a day ahead is no day they left): kept as the wish for the time question,
   * said back, and the question asked again. Nothing else changes.
   */
  async function whenOnly(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    // At the service point the time is the next question: the wish is kept for it, and the point asked first.
    // `下礼拜二下午吧 不行就周三`, `明天 越早越好`: the first day kept, the rest left for the time question.
    const alone = whenAlone(t, ctx);
    const withElse = alone ? null : whenThenElse(t, ctx);
    const wish = alone ?? withElse;
    if (!wish) return timeOnly(userKey, session, t, ctx);
    // `周末`, `周六上午可以吗`: a day with no consultations is said so now, not promised for the time question.
    const holiday = wish.night ? undefined : ctx.index.calendar.holidayName(wish.day);
    if (!wish.night && (holiday || !ctx.index.calendar.isWorkingDay(wish.day))) {
      const why = holiday ? `是${holiday}假期` : '不上班';
      // `最好周末`: the weekend said as such (never only the Saturday it was read as).
      const day = !holiday && /周末|礼拜末/u.test(t) ? '周末' : dayLabel(wish.day);
      // Said of this form's own time question: its question follows with no 「我们接着填」.
      return andBack(session, ctx, text(`${day}${why}，不安排咨询，咨询都安排在工作日的白天。`), { sameForm: true });
    }
    const { slotPart: _part, slotTo: _to, slotFrom: _from, slotNight: _night, slotAt: _at, slotDay: _day, ...before } = session.answers;
    // `明天上午` at 00:30: the coming day or the next, asked at the time question (never taken silently).
    const day = wish.night ? { slotNight: true as const } : { slotDay: wish.day };
    const wished = { ...session, answers: { ...before, ...day, ...(wish.part ? { slotPart: wish.part } : {}), ...(wish.at ? { slotAt: wish.at } : {}) } };
    if (!LegalAnswers.safeParse(wished.answers).success) return null;
    const o = engine.reprompt(wished, await withBooking(ctx, userKey), { sameForm: true });
    if (o.session.flowId !== LEGAL_FLOW_ID) return null;
    const rest = withElse ? `，${/^(?:越|尽|早点)/u.test(withElse.rest) ? '按能约上的最早时间排' : '这天约不上再看别的'}` : '';
    const ack = wish.night ? `好的，想约「明天」${wish.said.replace(/^.*）/u, '')}。现在是凌晨，选时间时先跟您确认是哪一天。` : `好的，想约${wish.said}，选时间时先给您看这天的${rest}。`;
    return { session: o.session, replies: [...text(pointFirst(session, ack)), ...o.followUp] };
  }

  /**
   * A time with no day (`下午三点以后都行`) or a date alone (`三号`) at a question before the time: kept to narrow
   * the time question's list (nothing is booked), said back, and the question asked again; never read as a place.
   */
  async function timeOnly(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    // (At the matter and at whom to see too: `下午`, `上午比较方便` there were 「请回复数字选择」.)
    if (session.mode !== 'ask' || !['matter', 'help', 'place', 'mode', 'point'].includes(session.fieldId ?? '')) return null;
    const wish = timeOnlyWish(t, ctx);
    // `三号` where numbered choices are shown (the way to meet, the service points, the towns): maybe its option 3;
    // never read as a day there.
    if (!wish || (wish.day && (session.fieldId === 'mode' || session.options.length > 0))) return null;
    // `晚上`, `晚上七点以后` with no evening time to book: said so (as to `晚上可以吗`), never 「想约晚上」 kept.
    if (wish.part === 'evening') {
      const a = LegalAnswers.safeParse(session.answers);
      const full = await withBooking(ctx, userKey);
      if (a.success && !eveningFree(a.data, full)) return andBack(session, full, text(eveningAsked('晚上', a.data, full)!));
    }
    if (wish.day && (ctx.index.calendar.holidayName(wish.day) || !ctx.index.calendar.isWorkingDay(wish.day))) {
      const holiday = ctx.index.calendar.holidayName(wish.day);
      return andBack(session, ctx, text(`${dayLabel(wish.day)}${holiday ? `是${holiday}假期` : '不上班'}，不安排咨询，咨询都安排在工作日的白天。`), { sameForm: true });
    }
    const { slotPart: _part, slotTo: _to, slotFrom: _from, slotNight: _night, slotAt: _at, slotDay: _day, slotAfter: _after, ...before } = session.answers;
    const kept = wish.day ? { slotDay: wish.day } : { ...(wish.part ? { slotPart: wish.part } : {}), ...(wish.after ? { slotAfter: wish.after } : {}) };
    const wished = { ...session, answers: { ...before, ...kept } };
    if (!LegalAnswers.safeParse(wished.answers).success) return null;
    const o = engine.reprompt(wished, await withBooking(ctx, userKey), { sameForm: true });
    if (o.session.flowId !== LEGAL_FLOW_ID) return null;
    const ack = wish.day ? `好的，想约${wish.said}，选时间时先给您看这天的。` : `好的，想约${wish.said}，选时间时先给您看这些时间。`;
    return { session: o.session, replies: [...text(pointFirst(session, ack)), ...o.followUp] };
  }

  /** At the service point, a time wished for is kept for the next question: said so, the point first. */
  function pointFirst(session: Session, ack: string): string {
    return session.fieldId === 'point' ? ack.replace(/，选时间时/u, '。先选服务点，下一步选时间时') : ack;
  }

  /**
   * Time words the engine would misread. At the slot list, `3号` (a day of
   * the month: the number list would take it as option 3) and `时间改成下午`
   * are given to the time question as it reads them. At the review, or a
   * question after the time, a wish to change the time opens the slot list
   * again, narrowed by what was said (`下周一上午`); nothing else changes.
   */
  async function timeWords(userKey: string, session: Session, t: string, ctx: FlowContext): Promise<{ session: Session; replies: Reply[] } | null> {
    if (session.flowId !== LEGAL_FLOW_ID) return null;
    const asking = session.mode === 'ask' || session.mode === 'edit';
    if (asking && session.fieldId === 'slot') {
      // `10` with option 10 at 15:30 and a time at 10:00 on the list: which one is asked, never guessed.
      const hour = hourOfNumber(t);
      if (hour) {
        const numbered = session.options[Number(t) - 1];
        const atHour = session.options.find((o) => o.value.startsWith('slot:') && o.value.endsWith(hour.replace(':', '')));
        if (numbered?.value.startsWith('slot:') && atHour && atHour.value !== numbered.value) {
          const o = engine.handle(session, { kind: 'text', text: `${SLOT_NUMBER_OR_HOUR}${t}` }, await withBooking(ctx, userKey));
          if (o.effects.length === 0 && o.session.flowId === LEGAL_FLOW_ID) return { session: o.session, replies: [...o.replies, ...o.followUp] };
        }
      }
      // `我换个时间`, `能换个时间吗` at the list from its start: how to see other times (`更多`, a day), not the same list.
      const narrowed = (['slotFrom', 'slotDay', 'slotTo', 'slotPart'] as const).some((k) => session.answers[k] !== undefined);
      const bare = t.replace(/[吗吧呢嘛？?]+$/u, '');
      const another = !narrowed && (MOVE_WORDS.test(bare) || timeChange(bare)?.wish === '');
      const said = another ? ANOTHER_TIME : slotWords(t);
      if (said === null) return null;
      const o = engine.handle(session, { kind: 'text', text: said }, await withBooking(ctx, userKey));
      // Anything more than the time question (none is expected): the message takes the usual way.
      if (o.effects.length > 0 || o.session.flowId !== LEGAL_FLOW_ID) return null;
      return { session: o.session, replies: [...o.replies, ...o.followUp] };
    }
    if (!(session.mode === 'review' || asking) || !('slot' in session.answers)) return null;
    // `周五吧`, `下周一上午可以吗` alone at the summary (or at the name or phone after the time): a new time wished
    // for, as `改成周五` is (the times of that day shown; nothing is booked until one is picked and confirmed).
    const alone = !timeChange(t) && (session.mode === 'review' || ['contactName', 'phone'].includes(session.fieldId ?? '')) ? whenAlone(t, ctx) : null;
    const kept = alone ? LegalAnswers.shape.slot.safeParse(session.answers.slot) : null;
    // The day already booked (`周五吧` with a Friday time): agreeing, not a change; said so, and the question again.
    if (alone && !alone.part && kept?.success && kept.data?.day === alone.day) {
      return andBack(session, ctx, text(`您选的就是${slotLabel(kept.data)}。${session.mode === 'review' ? '没问题就回复「确认」；' : ''}想换这天别的时间，请回复「改成${alone.said.replace(/（.*$/u, '')}」。`));
    }
    const asked = alone ? { wish: t } : timeChange(t);
    if (!asked) return null;
    const full = await withBooking(ctx, userKey);
    const { slot: _slot, slotFrom: _from, slotDay: _day, slotTo: _to, slotPart: _part, slotAfter: _after, ...rest } = session.answers;
    const plain = () => {
      const o = engine.open(session, LEGAL_FLOW_ID, rest, full, '好的，请重新选时间。');
      return { session: o.session, replies: o.replies };
    };
    const wish = slotWords(asked.wish) ?? asked.wish;
    const field = engine.flows.get(LEGAL_FLOW_ID)?.fields.find((f) => f.id === 'slot');
    if (!field || wish === '' || numberPicked(wish) !== null) return plain();
    // Words the time question cannot read (nothing it could show for them): the whole list.
    const r = field.parse({ kind: 'text', text: wish }, rest, full);
    if (!r.ok && !r.options) return plain();
    const opened = engine.open(session, LEGAL_FLOW_ID, rest, full);
    const o = engine.handle(opened.session, { kind: 'text', text: wish }, full);
    if (o.effects.length > 0 || o.session.flowId !== LEGAL_FLOW_ID) return plain();
    const slot = o.session.mode === 'review' ? LegalAnswers.shape.slot.safeParse(o.session.answers.slot) : null;
    const head = slot?.success && slot.data ? `好的，时间改为「${slotLabel(slot.data)}」。` : '好的，请重新选时间。';
    const [first, ...later] = [...o.replies, ...o.followUp];
    const replies: Reply[] = first?.type === 'text' ? [{ ...first, text: `${head}\n${first.text}` }, ...later] : [...text(head), ...(first ? [first] : []), ...later];
    return { session: o.session, replies };
  }

  /** A case as the person knows it: its number and employer. */
  function caseName(c: Case): string {
    return `${c.caseNo}${c.wage ? `（${c.wage.employer.slice(0, 20)}）` : ''}`;
  }

  async function openForCase(userKey: string, session: Session, c: Case, ctx: FlowContext) {
    const a = answersForCase(c);
    // The case's contact is known: pre-filled (the summary shows it and 改 N changes it).
    if (c.reporter.name && c.reporter.phoneSealed) {
      a.contactName = c.reporter.name;
      a.phone = unseal(core.config.DATA_KEY, c.reporter.phoneSealed);
    }
    const full = await withBooking(ctx, userKey);
    const o = engine.open(
      session,
      LEGAL_FLOW_ID,
      a,
      full,
      `好的，为您的案件 ${c.caseNo}${c.wage ? `（${c.wage.employer}）` : ''}预约律师或检察官，事项和地点已经按案件填好，预约会和案件关联。`,
    );
    return { session: o.session, replies: o.replies };
  }

  /** The booking request from confirmed answers (the slot re-resolved from the directory). */
  function requestOf(a: LegalBooking, slot: Slot, ctx: FlowContext): BookingRequest {
    const limit = a.limit;
    const st = limitStatus(a, ctx.now);
    const injury = injuryStatus(a, ctx.now);
    return {
      matter: a.matter,
      help: a.help,
      mode: modeOf(a),
      // Either limit ending within 7 days: the arbitration limit, or applying for work-injury recognition; or a hearing within 7 days.
      urgent: (st?.urgent ?? false) || (injury?.urgent ?? false) || hearingSoon(a.hearing, chinaDay(ctx.now)),
      employment: limit ? ('employed' in limit ? { stillEmployed: true, leftOn: null } : { stillEmployed: false, leftOn: limit.leftOn }) : null,
      limitEndsOn: st?.endsOn ?? null,
      districtId: a.place.districtId,
      townshipId: a.place.townshipId,
      slot,
      contact: { name: a.contactName, phone: a.phone },
      injury:
        a.matter !== 'injury' || !a.injury
          ? null
          : 'recognized' in a.injury
            ? { recognized: true, on: null, limitEndsOn: null, urgent: false }
            : { recognized: false, on: a.injury.on, limitEndsOn: injury?.endsOn ?? null, urgent: injury?.urgent ?? false },
      linkedCaseId: a.linkedCaseId ?? null,
      award: a.award ?? null,
      hearing: a.hearing ?? null,
      forWhom: a.forWhom ?? null,
    };
  }

  /** The time question again with fresh choices (nothing was booked or changed). */
  async function reopen(userKey: string, out: Outcome, answers: LegalAnswers, ctx: FlowContext, intro: string): Promise<Reply[]> {
    const fresh = await withBooking(ctx, userKey);
    const { slot: _slot, slotFrom: _from, slotDay: _day, slotTo: _to, slotPart: _part, slotAfter: _after, ...rest } = answers;
    const o = engine.open(out.session, LEGAL_FLOW_ID, rest, fresh, intro);
    out.session = o.session;
    return o.replies;
  }

  /** 确认: book (or move) atomically; a lost race reopens the time question. */
  async function submit(userKey: string, effect: Extract<Effect, { kind: 'submit' }>, ctx: FlowContext, out: Outcome): Promise<Reply[]> {
    const a = LegalBooking.parse(effect.answers);
    const h = a;
    const chosen = a.slot;
    const resolved = resolveSlot(ctx.index.calendar, ctx.directory, chosen.key, chosen.pointId);
    const keep = h.rescheduleNo ? `，您原来的预约 ${h.rescheduleNo} 不变` : '，这次没有预约成功';
    if (!resolved) return reopen(userKey, out, a, ctx, `${slotLabel(chosen)}现在不能约了（安排有变化）${keep}。请重新选一个时间：`);
    let result: BookResult;
    try {
      const req = requestOf(a, resolved.slot, ctx);
      result = h.rescheduleOf ? await bookings.reschedule(h.rescheduleOf, userKey, req) : await bookings.book(`b${effect.runId}`, userKey, req);
    } catch (err) {
      // E.g. the booking being moved was cancelled in between: say so; nothing was changed.
      if (err instanceof AppError && err.expose) return text(err.message);
      throw err;
    }
    if (!result.ok) {
      switch (result.reason) {
        case 'taken':
          return reopen(userKey, out, a, ctx, `很抱歉，${slotLabel(resolved.slot)}刚刚被别人约走了${keep}。请从下面的空闲时间里重新选一个：`);
        case 'past':
          return reopen(userKey, out, a, ctx, `${slotLabel(resolved.slot)}已经过了（或马上就开始，来不及了）${keep}。请重新选一个时间：`);
        case 'same':
          return reopen(userKey, out, a, ctx, '这就是您现在预约的时间，请选一个新的时间，或回复「取消」保持原预约不变：');
        case 'limit':
          return text(`您已经有${MAX_ACTIVE_BOOKINGS}个还没参加的预约了，请先参加或取消一个再约（回复「我的预约」查看）。这次没有预约。`);
      }
    }
    const b = result.booking;
    return text(withReminders(bookingConfirmation(ctx.index, b, bookings.phoneOf(b), Boolean(h.rescheduleOf)), b, ctx.now));
  }

  /** A line under 进度 for wage cases: help can be booked for them. */
  async function caseHint(userKey: string, cases: readonly Case[], ctx: FlowContext): Promise<Reply[]> {
    // A case with a booking still to come is not offered another (the booking is listed under it instead).
    const booked = new Set((await bookings.listByUser(userKey, 20)).filter((b) => b.status === 'booked' && Date.parse(b.slot.end) > ctx.now.getTime()).map((b) => b.linkedCaseId));
    const wage = cases.find((c) => c.kind === 'wage_arrears' && c.status !== 'closed' && !booked.has(c.id));
    return wage ? text(`需要律师或检察官帮忙？回复「预约 ${wage.caseNo}」可以为这件案子预约法律援助，预约会和案件关联。`) : [];
  }

  /** Under 进度: the person's bookings still to come (a booking is not a case, but it is what they asked for). */
  async function bookingHint(userKey: string, ctx: FlowContext): Promise<Reply[]> {
    const active = (await bookings.listByUser(userKey, 20)).filter((b) => b.status === 'booked' && Date.parse(b.slot.end) > ctx.now.getTime());
    return active.length > 0 ? text(`您的法律援助预约：\n${bookingList(ctx.index, active, ctx.now)}`) : [];
  }

  return { bookings, needsContext, withBooking, command, submit, caseHint, bookingHint, forget: (userKey: string) => bookings.forgetUser(userKey) };
}

export type LegalAidDesk = ReturnType<typeof createLegalAidDesk>;
