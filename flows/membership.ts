import { normalizePlaceText } from '../core/directory/index.js';
import {
  employerById,
  employerMentioned,
  employerTypedBySound,
  employerUnion,
  matchEmployer,
  newEmploymentUnion,
  townshipUnion,
  type Union,
} from '../core/directory/index.js';
import { DECLARATION_LINES, DUES_IN_GENERAL, OCCUPATION_NAMES, RIDER_TYPE_NAMES, placeText } from '../core/membership/index.js';
import { OCCUPATIONS, RIDER_OCCUPATIONS, RIDER_TYPES, type Employment, type Occupation, type Place, type RiderType } from '../core/membership/index.js';
import { maskIdNumber } from '../core/infra/privacy.js';
import { z } from 'zod';
import { PlaceSchema, defineFlow } from './define.js';
import { asksDues, declinesLegal, isQuestion, refusesToSay, yesNo } from './nlu/talk.js';
import { partAsTyped, spellsPinyin, syllablesOf, typedInPinyin } from './nlu/normalize.js';
import { commonSurname } from './nlu/surnames.js';
import { RULE_BONUS, knowledgeBase } from './knowledge/kb.js';
import { NOT_SAID, TRADE, UNIT_OR_BOSS_END, WHERE_BEFORE_ONE, describesEmployer, employerFromAnswer, findEmployer, findIdNumber, findPersonName, findPhone, idCardNameAnswer, isFormOfAddress, isRoleWord, kinOf } from './nlu/facts.js';
import { parseChineseNumber, parseIdNumber, parseOrgName, type IdNumber } from './parsers/index.js';
import { idDigits } from './parsers/id-number.js';
import { ORG_MESSAGES, orgNonAnswer, saysChangeWanted } from './parsers/name.js';
import { CITIES, communityTownshipAsk, findTownship, homeTownshipOnly, ownRegion, placeNamed, PROVINCES, regionCore, townshipsIn, townshipsOfCommunity, type TownshipMatchOptions, type TownshipPlace } from './places.js';
import { matchTownship } from '../core/directory/index.js';
import {
  EMPLOYEE_WORDS,
  NEW_FORM_WORDS,
  NOT_WORKING_REPLY,
  OCCUPATION_WORDS,
  OTHER_PLATFORM_WORK,
  PLATFORM_ALIASES,
  PLATFORM_NAMES,
  PLATFORM_WORK,
  UNIT_JOBS,
  WORK_EITHER_QUESTION,
  cleanCareGuardWord,
  elsewhereText,
  isTaxi,
  notWorking,
  occupationWords,
  occupationsSaid,
  describedWork,
  workNow,
  onMyOwn,
  saysSomeWork,
  workFrom,
} from './membership-work.js';
import type { Answers, Choice, Field, FlowContext } from './types.js';

/**
 * Joining the union (加入工会): consent, ID consent, the voluntary-joining
 * declaration, who, how they work, where; the union follows from the answers.
 */

/** Youngest age at which a worker may join (劳动法: the minimum working age). */
export const MIN_MEMBER_AGE = 16;

export type TownshipAnswer = z.infer<typeof PlaceSchema>;
const EmployerSchema = z.object({
  /** As typed, or the directory's name when it is known. */
  name: z.string().min(2),
  employerId: z.string().nullable(),
});
export type EmployerAnswer = z.infer<typeof EmployerSchema>;
const IdNumberSchema = z.object({ id: z.string().length(18), kind: z.enum(['resident', 'hk_macau_tw_permit', 'foreign_permanent']), birthDate: z.string(), age: z.number().int() });

/** Joining the union's answers; every field optional until answered (`platform: ''` = none). */
export const MembershipAnswers = z
  .object({
    consent: z.boolean(),
    idConsent: z.boolean(),
    /** When the voluntary-joining declaration was confirmed (ISO time); a refusal ends the flow. */
    declaration: z.iso.datetime(),
    name: z.string(),
    idNumber: IdNumberSchema,
    phone: z.string().regex(/^1\d{10}$/),
    employment: z.enum(['employee', 'new_form']),
    employer: EmployerSchema,
    workplace: PlaceSchema,
    occupation: z.enum(OCCUPATIONS),
    occupationOther: z.string(),
    /** '' = no platform; null = skipped. */
    platform: z.string().nullable(),
    /** Riders and couriers on a platform: 专送 or 众包 (`unknown`: 不清楚; null = skipped). */
    riderType: z.enum([...RIDER_TYPES, 'unknown']).nullable(),
    placeKind: z.enum(['residence', 'hukou']),
    residence: PlaceSchema,
    /**
     * Never an answer (a wish, kept as said): a town a platform worker named with the work, not said to be
     * where they live or their 户口 (`我在美团送外卖 东龙镇这边`). The 登记地 question offers it by name.
     */
    placeSaid: PlaceSchema,
    /**
     * Never an answer (a wish, kept as said): a 户口 said to be outside the area served, before the 登记地 question
     * (`户口在湖南` at the work's 「…对吗？」): noted, and said again when that question comes (按常住地登记).
     */
    hukouAway: z.literal(true),
    /** Not asked: the rejected application this one corrects. */
    previousAppNo: z.string(),
    /**
     * Never an answer (no field takes them, so a confirmation drops them): what an opening message
     * said that the chat side answers at once (flows/membership-chat.ts). Work outside the area
     * served (`我在东莞上班`), and an application for someone else (`帮我老婆申请`).
     */
    elsewhere: z.string(),
    forSomeoneElse: z.string(),
    /** The boss said to stand against joining (`我想入会但是老板不让`): told that no consent of theirs is needed. */
    bossAgainst: z.literal(true),
    /** And a question whether they may join (`我16岁能入会吗`, `我在家带孩子没工作能入会吗`), answered before anything is asked. */
    eligibility: z.object({
      /**
       * `worker`, `disabled`: who they are, asked of joining (`临时工可以入会吗`, `残疾人可以入会吗`), answered from the
       * knowledge base's entry for it (ELIGIBILITY_TOPICS).
       */
      kind: z.enum(['under_age', 'of_age', 'older', 'jobless', 'retired', 'student', 'flexible', 'worker', 'disabled']),
      age: z.number().int().nullable(),
      /** Asked for someone else (`我儿子15岁能入会吗`: `儿子`): the answer is about them, and nothing of it is the asker's. */
      who: z.string().optional(),
    }),
  })
  .partial();
export type MembershipAnswers = z.infer<typeof MembershipAnswers>;

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const short = (t: string) => [...t].slice(0, 20).join('');

/** Membership's township matching: a bare district name asks which of its townships; nothing near lists the districts too. */
const MEMBER_TOWNSHIP: TownshipMatchOptions = {
  quote: short,
  before: (t, ctx) => {
    // `对`, `好的` at a question that is not a yes-or-no one: never a place looked up (「没找到「对」」).
    if (yesNo(t.trim()) !== null) return { ok: false as const, error: '这里请告诉我镇或街道的名字，例如：东龙镇。也可以从下面选一个，回复数字即可。' };
    const n = normalizePlaceText(t);
    const district = ctx.directory.districts.find((d) =>
      [d.name, ...d.aliases].some((name) => {
        const k = normalizePlaceText(name);
        return k === n || k.replace(/[区县市]$/u, '') === n;
      }),
    );
    // `新塘`, `在龙湾村那边`: a village or community; its township asked.
    if (!district) return communityTownshipAsk(t, ctx);
    return {
      ok: false as const,
      error: `请具体到镇或街道。${district.name}有下面这些镇街，回复数字即可：`,
      options: district.townships.map((tw) => ({ label: tw.name, value: tw.id })),
    };
  },
  none: (quoted, ctx) => {
    const served = ctx.directory.districts.map((d) => `${d.name}（${d.townships.map((tw) => tw.name).join('、')}）`).join('；');
    return `没找到「${quoted}」这个镇或街道。我们目前服务：${served}。请回复其中一个；如果不在这些地方，可以回复「人工」咨询。`;
  },
  // `我住在广州白云区`: outside the area, said plainly (never quoted back as a town not found); `南宁`: which town.
  away: ({ place, own }, ctx) => {
    const served = ctx.directory.districts.map((d) => d.name).join('、');
    if (own) return `这里只能办理${served}的入会。请告诉我是${served}的哪个镇或街道，可以从下面选。`;
    return (
      `这里只能办理${served}的入会，${place}不在我们的服务范围，可以在当地的工会办理，或拨打职工服务热线12351问当地工会。` +
      `如果您在${served}也有住处或户口，请告诉我是哪个镇或街道，可以从下面选。`
    );
  },
};

/** The unit's town: as {@link MEMBER_TOWNSHIP}, a unit outside the area pointed to the union where it is. */
const MEMBER_WORKPLACE: TownshipMatchOptions = {
  ...MEMBER_TOWNSHIP,
  // `我住在白沙镇`: where home is, not the unit (the application goes to the union where the unit is); asked again.
  before: (t, ctx) => {
    const home = homeTownshipOnly(ctx, t);
    const name = home ? ctx.index.townshipById.get(home.townshipId)?.township.name : undefined;
    if (name) return { ok: false, error: `「${name}」是您住的地方吧？这里问的是单位在哪个镇或街道，申请会交给那里的工会审核；住的地方等一下问登记地时再说。`, conflict: true };
    return MEMBER_TOWNSHIP.before?.(t, ctx);
  },
  away: ({ place, own }, ctx) => {
    const served = ctx.directory.districts.map((d) => d.name).join('、');
    if (own) return `这里只能办理${served}的入会。请告诉我单位在${served}的哪个镇或街道，可以从下面选。`;
    return (
      `这里只能办理${served}的入会。单位在${place}的，一般在单位所在地的工会入会，可以拨打职工服务热线12351问当地工会。` +
      `如果单位其实在${served}，请告诉我是哪个镇或街道，可以从下面选。`
    );
  },
};

export function occupationFrom(t: string): Occupation | null {
  if ((OCCUPATIONS as readonly string[]).includes(t)) return t as Occupation;
  const byName = (Object.entries(OCCUPATION_NAMES) as [Occupation, string][]).find(([, name]) => name === t);
  if (byName) return byName[0];
  return occupationWords(t);
}

/** `我是做代驾的`, `搞装卸的`: work none of the options names. */
function otherWork(t: string): string | null {
  // A verb (做代驾, 搞装卸) or 的 (修飞机的, 我是跑腿的) says it is work; a bare word (蓝色) does not.
  const m = /^(?:都不是)?[,，\s]*(?:我是|我|俺)?(?:(?:做|干|搞|当)([\p{Script=Han}]{2,8}?)(?:的|工作|活)?|([\p{Script=Han}]{2,8}?)的)$/u.exec(t.trim());
  // `工地上干活`, `在码头做工`: where they work, then 干活 (no verb before it): said whole, as other work.
  const where = m ? null : /^(?:我|俺)?(?:就)?(?:在)?([\p{Script=Han}]{2,6}?(?:上|里|那边|这边)?(?:干活|做工|打杂))(?:的)?$/u.exec(t.trim());
  const work = m ? (m[1] ?? m[2] ?? null) : (where?.[1] ?? null);
  return work && !occupationFrom(work) && !platformFrom(work) && !/^(?:其他|其它|别的|都不是|不知道)/.test(work) ? work : null;
}

/**
 * Not a trade (a status, a post, a crew's rank, a word for someone): never read as the work done, though the
 * words for trades (isRoleWord) list them. 小时工 is 钟点工 (家政) more often than not; 司机 is asked which.
 */
const NOT_A_TRADE =
  /^(?:学生|大学生|实习生|师傅|师父|老板|老板娘|包工头|工头|农民|工人|打工的?|打工仔|打工妹|打工人|员工|职工|会员|党员|团员|委员|成员|人员|队员|本地人|外地人|新人|新来的|兼职|全职|临时|临时的|临时工|正式的|合同的|正式工|合同工|退休|下岗|失业|残疾人|老乡|家属|老员工|农民工|民工|外来工|外地工|散工|零工|小工|大工|小时工|学徒|徒弟|司机|动员|复员|裁员|满员|全员|减员|超员|出师|拜师|誓师)$/u;
/** Work done, not a trade, though it ends as trades do (`开工`, `务工`, `加工`): no job. */
const WORK_DONE = /^(?:开|停|收|上|下|完|复|加|打|做|罢|怠|旷|误|务|招|用|包|分|竣|施|动|赶|记|结|换|返|出|歇|放|义)工$/u;
/** Of the words ending in 手, only these are trades (`对手`, `二手`, `新手` are none). */
const HAND_TRADE = /^(?:歌手|水手|鼓手|舵手|机手|骑手)$/u;

/**
 * A trade named bare (`保安`, `门卫`, `电焊工`, `我是搬运工`) where the kind of work is asked: what `当保安的` says,
 * read the same way (其他, with the trade, confirmed). Only a word the code knows as a trade (isRoleWord, or a
 * cleaner's, carer's or guard's word of the work reading), never a status (`学生`, `临时工`) nor any other bare
 * word (`蓝色`, `开工`, `对手`).
 */
function tradeNamed(t: string): string | null {
  const w = t
    .replace(/\s+/gu, '')
    .replace(/^(?:我|俺)(?:是|就是)?(?:一个|一名|个)?/u, '')
    .replace(/(?:啊|呀|哦|嘛|呢)?[。.!！~～]*$/u, '');
  return /^[\p{Script=Han}]{2,4}$/u.test(w) && (isRoleWord(w) || cleanCareGuardWord(w)) && !NOT_A_TRADE.test(w) && !WORK_DONE.test(w) && (!w.endsWith('手') || HAND_TRADE.test(w)) && !occupationFrom(w) && !platformFrom(w) ? w : null;
}

/** `司机` where the kind of work is asked: which of the drivers (never 其他「司机」 unasked). */
const DRIVER_ONLY = /^(?:我|俺)?(?:是|就是)?(?:一个|一名|个)?(?:司机|开车的?|驾驶员)(?:啊|呀|哦)?[。.!！]*$/u;
const WHICH_DRIVER = '您开的是什么车？开货车的回复1，开网约车的回复4；开出租车的是单位职工，请回复「返回」回到上一题改选1；都不是就选「其他」。';
/** `骑手` alone where the kind of work is asked: meals or errands, asked (never taken as 外卖 nor kept as 其他). */
const RIDER_ONLY = /^(?:我|俺)?(?:是|就是)?(?:一个|一名|个)?骑手(?:啊|呀|哦)?[。.!！]*$/u;
const WHICH_RIDER = '您送的是什么？送外卖的回复3；跑腿、闪送这类帮人送东西的，回复7（其他）。';

/** `我是单干的` where the kind of work is asked. */
const ON_MY_OWN_WORK = '单干、自己接活的也一样，请选一下您做的是哪种工作，回复数字即可；都不是就选「其他」。';

const OCCUPATION_OPTIONS: Choice[] = OCCUPATIONS.map((o) => ({
  label: OCCUPATION_NAMES[o],
  value: o,
  words: OCCUPATION_WORDS.find(([x]) => x === o)?.[1],
}));

/** Platforms offered per occupation; anything else typed is kept as typed. */
const PLATFORMS: Record<Occupation, string[]> = {
  food_delivery: ['美团', '饿了么'],
  courier: ['顺丰', '京东', '中通', '圆通', '申通', '韵达', '极兔'],
  truck_driver: ['满帮', '货拉拉'],
  ride_hailing: ['滴滴', '高德', '曹操出行', 'T3出行'],
  domestic: ['58到家', '天鹅到家'],
  streamer: ['抖音', '快手', '视频号'],
  other: [],
};
// `自己找的活 没平台`: 没平台 said after the work found on their own (the whole words were kept as the platform).
const NO_PLATFORM = /^(?:没有|无|没|莫得|没得|冇|不跑平台|没有平台|没有固定平台|没固定的|自己干|个人|自己接活|不用平台|不在平台)|不跑平台|没有?(?:固定的?)?平台|自己接活|自己找(?:的)?活|都(?:冇|没有?|莫得|没得)|(?:熟人|朋友|老乡|亲戚)介绍/;

/** No app used, in other words: `不用app`, `不上软件`, `店里直接打电话叫我`. */
const NO_APP = /不(?:用|跑|上|下|装|走)(?:什么|任何)?(?:app|软件|手机软件|平台)|没(?:有)?(?:用|装|下)?(?:什么|任何)?(?:app|软件)|直接(?:打电话|打个电话|微信|发微信)(?:叫|找|喊|联系|约)我/iu;

/**
 * No platform, said beside the work (`做家政的 没有平台`): the platform question's answer ('' = none), kept with
 * the work rather than asked again. Only these plain words (never a bare `没有`, which answers something else there).
 */
const NO_PLATFORM_BESIDE = /没有?(?:固定的?)?(?:接单)?平台|不(?:跑|用|在|上)(?:任何)?平台/u;
function noPlatformBeside(t: string): boolean {
  return NO_PLATFORM_BESIDE.test(t.replace(/\s+/gu, '')) && platformsIn(t).length === 0;
}

/** Why the work is asked (`为啥要问这个`, `问这个干嘛`): the whole message, no answer beside it. */
const WHY_WORK_ASKED =
  /^(?:(?:你们?|您)?(?:问|要问|打听)(?:我)?(?:这个|这些|这|工作)(?:是)?(?:干嘛|干啥|干吗|做什么|做啥|干什么|有什么用|有啥用)|(?:为什么|为啥|干嘛|干啥|凭什么)(?:还|一定)?(?:要|得)?(?:问|填|写|知道)(?:我)?(?:的)?(?:这个|这些|这|工作)?)(?:呢|啊|呀|嘛|吗|哦)*[？?。！!]*$/u;
function whyWorkAsked(t: string): boolean {
  return WHY_WORK_ASKED.test(t.replace(/\s+/gu, ''));
}
/** Why how they work is asked: which union reviews the application depends on it (as the questions after it say). */
const WHY_EMPLOYMENT =
  '问这个是因为入会要看您怎么工作：单位职工由单位工会审核，单位没有工会的，由单位所在镇街的工会审核；新就业形态劳动者按常住地或户籍地，由那里的镇、街道工会审核。';
/** Why the kind of platform work is asked. */
const WHY_OCCUPATION = '问这个是因为新就业形态劳动者的入会要按具体做什么工作登记，工会审核和以后帮您维权时会用到。';

/** The work picked before said to be wrong (`刚才选错了`, `不对`, `不是货车司机`). */
const WORK_WRONG = /选错|错了|不对|搞错|弄错|点错|说错|不是/u;
/** A platform named as not, or no longer, theirs (`不跑美团了`, `以前在美团`). */
const PLATFORM_DENIED = /不是|不跑|不在|没在|以前|之前|原来|不做|不干|没跑/u;

export function platformFrom(t: string): string | null {
  return PLATFORM_ALIASES.find(([re]) => re.test(t))?.[1] ?? null;
}

/** A platform's name typed in pinyin (`mei tuan`, `eleme`, `huo la la`): that platform, when it spells exactly one. */
function platformSpelled(t: string): string | null {
  if (!typedInPinyin(t)) return null;
  const names = [...new Set(PLATFORM_ALIASES.map(([, name]) => name))].filter((n) => /^\p{Script=Han}+$/u.test(n));
  const hits = names.filter((n) => spellsPinyin(t, syllablesOf(n)));
  return hits.length === 1 ? hits[0]! : null;
}

/** Every platform a message names, once each (`美团和饿了么都跑`: both). */
export function platformsIn(t: string): string[] {
  return [...new Set(PLATFORM_ALIASES.filter(([re]) => re.test(t)).map(([, name]) => name))];
}

/**
 * Of several platforms named, the one said to be the main or the only one now (`现在只跑饿了么`, `主要是滴滴`), the others
 * said of before or now and then only (`之前在美团干过半年`, `有时候晚上也接点货拉拉`). Null when not so said.
 */
export function mainPlatformOf(t: string): string | null {
  const clauses = t.split(/[\s,，。;；!！]+/u).filter((c) => platformsIn(c).length > 0);
  const main = clauses.filter((c) => MAIN_PLATFORM.test(c) && platformsIn(c).length === 1);
  const names = new Set(main.map((c) => platformsIn(c)[0]!));
  if (names.size !== 1) return null;
  const [name] = names;
  const aside = clauses.filter((c) => !main.includes(c) && !(platformsIn(c).length === 1 && platformsIn(c)[0] === name));
  return aside.every((c) => !platformsIn(c).includes(name!) && SIDE_PLATFORM.test(c)) ? name! : null;
}
const MAIN_PLATFORM = /现在(?:只|就|都|主要)?(?:跑|在|是|做|用|接)|只(?:跑|在|做|用|接)|主要(?:是|跑|在|做|用|接)|为主$/u;
const SIDE_PLATFORM = /之前|以前|原来|过去|早先|前几年|去年|[干跑做]过|有时候?|偶尔|顺便|也接点|也跑点|兼职/u;

/** Several platforms, none named: `都跑`, `不一定`, `好几个`, `哪个都跑`, `在几个平台都跑`, `好几个平台都在跑`. */
const SEVERAL_PLATFORMS =
  /^(?:我|俺)?(?:同时)?在?(?:都|全都|哪个都|哪个平台都|(?:好)?几个(?:平台)?都|两个(?:平台)?都|各个平台都|多个平台都)在?(?:跑|接|用|做|干|有|行|可以)|^(?:好几个|几个|很多|不少|多个|好多)(?:平台)?(?:都)?(?:跑|接|用|有)?(?:的|吧|啊)?$|^(?:不一定|说不定|看情况|不固定)(?:的|吧|啊)?$|^(?:轮着|换着|混着)(?:跑|接|用)|^哪(?:个|边|家)(?:平台)?(?:单|订单|活)(?:多|好)(?:就)?(?:跑|接|用|做)哪(?:个|边|家)/u;

/**
 * Leaving the answer to us or saying none (`随便`, `都行`, `无所谓`, `你猜`, `说不好`, `啥都有`): never a unit's, a
 * work's or a platform's name (「您在随便是专送还是众包？」, 「「无所谓」在哪个镇或街道？」 were said).
 */
const LEFT_TO_US =
  /^(?:我|俺)?(?:也|真|实在)?(?:随便|随意|都行|都可以|都好|都一样|无所谓|没所谓|哪个都行|哪个都可以|哪个都好|怎么都行|什么都行|啥都行|都ok|你定|你们定|你看着办|你们看着办|看着办|看着填|你帮我填|你猜|猜猜|说不好|说不准|不好说|说不上来?|讲不清|拿不准|不确定|不太确定|(?:啥|什么)都(?:有|干|做|跑|接)|都有|各种各样|各种)(?:吧|呗|啊|呀|哦|呢|了|啦|嘛|的)*$/iu;
/** Not knowing, in the words of `LEFT_TO_US` that say so (`说不好`, `不确定`): at an optional question, passed over as 不知道 is. */
const CANNOT_TELL = /^(?:我|俺)?(?:也|真|实在)?(?:说不好|说不准|不好说|说不上来?|讲不清|拿不准|不确定|不太确定)/u;
const leftToUs = (t: string): boolean => LEFT_TO_US.test(t.replace(/[\s。.!！~～,，]+/gu, ''));

/** Whether 专送 or 众包 is asked: riders and couriers who take orders on a platform. */
/** Work at a unit said in words (`在厂里上班`, `在宏达公司打工`, `我是单位职工`), spaces dropped. */
const UNIT_JOB = /(?:在|进)[\p{Script=Han}A-Za-z0-9]{0,8}?(?:厂|公司|单位|商店|超市|饭店|酒店|医院|学校|机关|工地)(?:子|里|里面|上)?(?:上班|打工|干活|做事|工作|做工)|单位职工|单位上班|正式工|合同工/u;

export function asksRiderType(a: Pick<MembershipAnswers, 'employment' | 'occupation' | 'platform'>): boolean {
  return a.employment === 'new_form' && !!a.occupation && RIDER_OCCUPATIONS.includes(a.occupation) && !!a.platform;
}

const RIDER_WORDS: [RiderType | 'unknown', RegExp][] = [
  ['dedicated', /专送|站点|站长|网点|排班|全职|配送商/],
  ['crowd', /众包|抢单|兼职|时间自由|想跑就跑|自己安排/],
  ['unknown', /不清楚|不知道|不确定|说不清|搞不清|不懂|分不清|没听说/],
];

/** What 专送 or 众包 means, asked (`啥是众包`, `什么意思`, `有啥区别`). */
const RIDER_MEANING_ASKED = /啥是|什么是|什么叫|啥叫|啥意思|什么意思|啥子意思|是啥|是什么|啥区别|什么区别|有啥不同|有什么不同|怎么区分|咋区分|怎么分|咋分/u;
const RIDER_MEANING_TEXT =
  '专送一般由站点（配送商）管理，要排班、跑固定区域、听站长安排；众包是自己在App上注册抢单，想什么时候接单就什么时候接。您是哪一种？回复1（专送）、2（众包），不清楚就回复3。';

/** A choice's words, unless the message asks what they mean. */
const riderWords = (re: RegExp): RegExp => new RegExp(`^(?!.*(?:${RIDER_MEANING_ASKED.source})).*(?:${re.source})`, 'u');

/** 专送 or 众包 in a message (one of them only). */
export function riderTypeFrom(t: string): RiderType | 'unknown' | null {
  if (RIDER_MEANING_ASKED.test(t.replace(/\s+/gu, ''))) return null;
  const hits = RIDER_WORDS.filter(([, re]) => re.test(t)).map(([k]) => k);
  return hits.length === 1 ? hits[0]! : null;
}

/** `不方便`, `等一下`, `回头再说` at the declaration: not now, never a no. */
const DECLARATION_LATER = /^(?:我|俺)?(?:现在|暂时|这会儿?)?(?:不方便|不太方便|没空|没时间|在忙|忙着呢?|等一?下|等等|稍等|等会儿?|待会儿?|回头再说|以后再说|晚点再说|改天再说)(?:了|啊|呀|吧|哦|呢|再说)?$/u;
const DECLARATION_LATER_TEXT =
  '好的，不着急。办理入会需要您本人确认上面的入会声明，确认后再填姓名、身份证号等信息。您刚才的回答都还在，方便的时候回复1确认就能接着办。';
const ID_AT_DECLARATION_TEXT =
  '这个身份证号核对不上（可能有一位输错了），没有记下，等一下问到身份证号时请核对后再输入。现在请先确认上面的入会声明：回复1确认，回复2不确认。';

/**
 * The declaration, with `不方便` (read as a no by yesNo) taken as not now: what is needed is said, and what was
 * given is kept for when they go on, never the application ended.
 */
function declarationField(field: Field): Field {
  return {
    ...field,
    neither: {
      test: (text) => DECLARATION_LATER.test(text.replace(/[\s,，。.!！~～]+/gu, '')),
      options: [
        { label: '确认，自愿加入', value: 'yes' },
        { label: '不想加入了', value: 'no' },
      ],
      ask: () => DECLARATION_LATER_TEXT,
      again: () => '入会声明要您本人确认才能继续办理。想好了回复1；不想加入回复2；有疑问回复3找工作人员。',
      answer: () => null,
    },
  };
}

/** The declaration's answer: yes in any words (`我承认`, `自愿的`), or no (`不愿意`). */
function declarationAnswer(t: string): boolean | null {
  if (t === 'yes') return true;
  if (t === 'no') return false;
  const yn = yesNo(t);
  if (yn !== null) return yn;
  if (/不(?:承认|自愿|愿意|确认|想)|没想好|考虑一下|再想想/.test(t)) return false;
  if (/^(?:我|俺)?(?:承认|自愿|愿意|确认|同意)/.test(t)) return true;
  return null;
}

/** A worry about the dues said at the declaration (`不想交会费`, `我没钱交会费`, `会费太贵了`). */
const DUES_WORRY =
  /(?:会费|工会费|交钱|缴费|交费).{0,6}(?:太贵|贵了|太多|交不起|付不起|负担不起|没钱|不想|不愿|不交|不要交|不用交)|(?:不想|不愿意?|不要|不用|没钱|交不起|付不起|没能力)(?:交|缴|付|出)?(?:会费|工会费|钱|这个钱)/u;
/**
 * The dues option's words, read with what is denied taken out (flows/nlu/choose.ts): `没钱交会费`, `会费太贵`,
 * and a yes whose "but" was all denied (`愿意 但是不想交会费` reads `愿意但是`).
 */
const DUES_WORDS = /会费|交钱|交不起|付不起|太贵|(?:愿意|承认|同意|确认|可以|行|好的?|自愿|是)(?:是\S{0,4})?(?:但是|可是|不过|就是|但)$/u;
/** The dues in brief, asked as a question at the declaration; the declaration follows. */
const DUES_ANSWER =
  '会费不多：一般是每月基本工资的0.5%（例如基本工资3000元，每月15元），通常由单位工会从工资里代扣；新就业形态劳动者有的减免或少交，生活确实困难的，也可以跟工会说明，问问能不能减免。';
/** The dues in brief (core/membership/texts.ts), the way on, and the declaration asked again. */
const DUES_REPLY =
  `${DUES_ANSWER}\n` +
  '按规定交会费是会员的义务。您确认入会声明吗？回复1确认，回复2不确认。';

/**
 * Where someone works or lives, when it is outside the area served
 * (`我在东莞上班`, `人在广州`): said at once, before any personal data is asked.
 */
function elsewhere(t: string, ctx: FlowContext): string | null {
  const s = t.replace(/\s+/gu, '');
  const m = new RegExp(`(?:在|去|人在|住在|家在)(${CITIES}|[\\p{Script=Han}]{2,4}(?:市|省))(?:那边|这边|那里|市区)?(?:上班|打工|工作|干活|做事|住|生活|跑|送|开|当|做|$|[，,。])`, 'u').exec(s);
  if (!m) return null;
  const place = m[1]!;
  // `户口在外地`, `老家在湖南省`: the 户口 is there, not the work (registering by where they live is asked later).
  if (/(?:户口|户籍|老家|原籍|身份证)(?:本来|本|原来)?(?:是|就|都|也)?(?:在|是)?$/u.test(s.slice(0, s.indexOf(place, m.index)))) return null;
  // `在大超市上班`: a market or a shop, not a city.
  if (/(?:超|菜|城|门|夜|集|股|花|早|闹|商)市$/u.test(place)) return null;
  // A place served (`青溪`, a township) is not away; nor the province or city the area is in (it may be here).
  if (findTownship(ctx, place) || ctx.directory.districts.some((d) => [d.name, ...d.aliases].some((n) => n.startsWith(place.replace(/[市省]$/u, ''))))) return null;
  if (ownRegion(ctx).includes(regionCore(place))) return null;
  return place;
}

/** Applying for someone else (`帮我老婆申请入会`, `帮我老公入工会`): joining is by one's own wish, so the person applies. */
const SOMEONE = '老婆|媳妇|爱人|妻子|老公|丈夫|对象|儿子|女儿|孩子|爸爸?|妈妈?|父亲|母亲|老爸|老妈|弟弟|妹妹|哥哥|姐姐|朋友|同事|工友|老乡|亲戚|家里人|家人|他|她|别人';
function forSomeoneElse(t: string): string | null {
  const s = t.replace(/\s+/gu, '');
  const m = new RegExp(`(?:帮|替|给|代)(?:我|我们|俺)?(?:家)?(?:的)?(${SOMEONE})(?:们)?(?:申请|办理?|报名|登记|入(?:个)?(?:工)?会|进(?:个)?工会|参加(?:个)?工会|加入|加(?:个)?工会|报个名|弄|搞|填)`, 'u').exec(s);
  return m ? m[1]! : null;
}

/** 她, 他 or TA for the person named (`妈`, `老公`, `朋友`). */
export function pronounOf(who: string): string {
  if (/^(?:老婆|媳妇|妻子|妈妈?|母亲|老妈|妹妹|姐姐|女儿|闺女|侄女|外甥女|孙女|婆婆|岳母|丈母娘|她)$/u.test(who)) return '她';
  if (/^(?:他|老公|丈夫|爸爸?|父亲|老爸|弟弟|哥哥|儿子|侄子|外甥|孙子|公公|岳父|老丈人)$/u.test(who)) return '他';
  return 'TA';
}

/**
 * Said in the middle of the form that it is for someone else (`是给我妈办的 她叫李秀英`, `帮我老婆填的`):
 * whom for. Joining is by one's own wish: the form's answers must be the person's own.
 */
function behalfMidForm(t: string): string | null {
  const s = t.replace(/\s+/gu, '');
  // `帮我妈入 她叫谭秀兰`: 入 alone, then who she is.
  const m = new RegExp(`(?:帮|替|给|代)(?:我|我们|俺)?(?:家)?(?:的)?(${SOMEONE})(?:们)?(?:申请|办理?|报名|登记|入会|入的|入(?=$|[他她，,。.!！])|填|弄|搞)`, 'u').exec(s);
  if (!m) return null;
  if (m[1] !== '他' && m[1] !== '她') return m[1]!;
  // `我是他老婆 他叫黄志勇 帮他入会`: 他 is the one the person said they are kin to (her 老公).
  const self = /(?:我|俺)(?:是|就是)(他|她)(?:的)?(老婆|媳妇儿?|妻子|爱人|老公|丈夫|儿子|女儿|闺女|弟弟|妹妹|哥哥|姐姐)/u.exec(s);
  return self && self[1] === m[1] ? kinOf(self[1]!, self[2]!) : null;
}

/** `是帮我妈问的`, `替我老公问问`: asking for someone else (whom), said in the form. */
const BEHALF_ASKED = new RegExp(`(?:帮|替|给|代)(?:我|我们|俺)?(?:家)?(?:的)?(${SOMEONE})(?:们)?问(?:的|问|一下|下)`, 'u');
function behalfAsked(t: string): string | null {
  const m = BEHALF_ASKED.exec(t.replace(/\s+/gu, ''));
  return m && m[1] !== '他' && m[1] !== '她' ? m[1]! : null;
}

function behalfMidFormText(who: string, ask: string): string {
  const them = pronounOf(who);
  return (
    `入会要本人自愿、本人申请，别人不能代办。${them}想入会的话，请让${them}用自己的微信来找我，回复「我要入会」，身份证号等信息由${them}自己填写。` +
    `这里要填的都是您本人的信息：您本人入会的话，请${ask}；不入会就回复「取消」。`
  );
}

/**
 * Every joining question answers for the person typing only. `帮我老婆办 她在超市上班`: applying for someone
 * else (she applies herself, said so); `我老公跑外卖`, `我老婆做家政`: a relative's work, never the person's own
 * (it had been stored as theirs). The question is asked again; nothing of what was said is kept.
 */
function ownAnswersOnly(field: Field): Field {
  if (field.id === 'consent') return field;
  return {
    ...field,
    asked: (t, a, ctx) => notOwnAnswer(t, !OWN_BEHALF_READING.has(field.id)) ?? field.asked?.(t, a, ctx) ?? null,
    parse: (input, raw, ctx) => {
      const not = input.kind === 'text' ? notOwnAnswer(input.text, !OWN_BEHALF_READING.has(field.id)) : null;
      return not ? { ok: false, error: not, conflict: true } : field.parse(input, raw, ctx);
    },
  };
}

/** Questions that say of an application for someone else in their own words (`请输入您自己的身份证号`). */
const OWN_BEHALF_READING = new Set(['name', 'idNumber']);

/** What is said to words that answer for someone else (see ownAnswersOnly); null for the person's own. */
function notOwnAnswer(text: string, behalf = true): string | null {
  const t = text.trim();
  const who = behalf ? (behalfMidForm(t) ?? forSomeoneElse(t) ?? behalfAsked(t)) : null;
  if (who) return behalfMidFormText(who, '回答您本人的情况');
  const about = relativeOnly(t);
  if (!about) return null;
  const them = pronounOf(about);
  return `这里要填的是您本人的情况，您${about}的不算。${them}想入会的话，请让${them}用自己的微信来找我。`;
}

/** Words all about a relative (`我老公跑外卖`, `老婆做家政的`): whom; null when the person speaks of themselves too. */
function relativeOnly(t: string): string | null {
  const s = t.replace(/\s+/gu, ' ').trim();
  if (withoutRelativeClauses(s) !== '') return null;
  const m = RELATIVE_CLAUSE.exec(s);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** `我不想给身份证`, `不想填身份证号`, `身份证不方便给`, `算了 身份证号还是不想给`: not giving the number at its question. */
const ID_REFUSED = /(?:不想|不愿意?|不要|不能|不方便|不肯|不敢|不打算|不太想|没必要)(?:给|填|写|提供|留|告诉|发|说)?(?:你们?)?(?:我的)?(?:身份证|证件|号码)|(?:身份证|证件)(?:号码?)?(?:就|还是|也|都|实在|真的)*(?:不想|不愿意?|不方便|不能|不给|不填|不写|不提供)/u;
/** `不想给`, `不方便填`, `不给`: the same said at the ID question alone, the number being what it asks for. */
const ID_REFUSED_BARE = /^(?:我|俺)?(?:这个|这项)?(?:不想|不愿意?|不方便|不肯|不敢|不打算|不太想|不)(?:给|填|写|提供|留|告诉你们?|发)(?:你们?)?(?:这个|这项|这一项|这些)?(?:了|啊|呀|吧|哦)?$|^(?:我|俺)?(?:不想|不愿意|不方便)(?:了|啊|呀|吧)?$/u;
/** The card is not at hand yet (`等下 我去拿身份证`, `身份证不在身上`, `记不住号码`). */
const ID_LATER = /^(?:等一?下|等等|稍等|等会儿?|待会儿?|回头)|(?:去|先|要)(?:拿|找|翻|看|查)(?:一下|下)?(?:身份证|证件)|(?:身份证|证件)(?:没|不)在(?:身上|手边|家|这)|(?:记不住|记不清|不记得|忘了)(?:身份证)?(?:号码?)?/u;
/** `没错啊 就是这个`, `我核对过了`: the number typed is said to be right. */
const ID_INSISTED = /^(?:啊|呀|嗯|我)?(?:没错|没有错|没输错|不会错|是对的|就是这个|就是这个号码?|核对过了?|检查过了?|看过了?|对着身份证(?:输|打|填)的)(?:啊|呀|的|了|吧|呢)?(?:就是这个(?:号码?)?)?(?:啊|呀|的|了|吧|呢)?$/u;
const ID_INSISTED_TEXT =
  '号码核对不上，一般是少输、多输了一位，或者有一位输错、两位顺序颠倒了。请对着身份证逐位再核对一遍，重新输入18位号码；还是不行的话，可以回复「人工」请工作人员帮您。';
/**
 * The year of birth or the age said where the ID number is asked (`九零年的`, `90年出生`, `今年36岁`, `我今年五十八了`, `属马的`),
 * or the whole birth date (`1988年3月5号`, `88年3月5日出生的`).
 */
const BORN_SAID = /^(?:我|俺)?(?:是)?(?:(?:19|20)?[\d零〇一二三四五六七八九]{2}年(?:的|生的?|出生的?)|(?:19|20)?[\d零〇一二三四五六七八九]{2}年[\d一二三四五六七八九十]{1,2}月(?:[\d一二三四五六七八九十]{1,3}(?:日|号))?(?:的|生的?|出生的?)?|(?:今年)?[\d一二三四五六七八九十]{1,3}岁(?:了|啦)?|今年[\d一二三四五六七八九十]{1,3}(?:了|啦)|属[鼠牛虎兔龙蛇马羊猴鸡狗猪](?:的)?)(?:啊|呀|哦)?$/u;
const BORN_SAID_TEXT = '出生年月会从身份证号里读出来，不用另外说。请输入身份证上的18位号码（最后一位可能是X）。';
const ID_LATER_TEXT = '好的，不着急。拿到身份证后，把上面的18位号码发给我就行，刚才填的内容都还在。';
const ID_REFUSED_TEXT =
  '身份证号是用来核实是您本人、防止重复入会的，入会一定要填；号码加密保存，工作人员只能看到一部分，不会给老板。' +
  '不方便在这里填的话，可以回复「人工」找工作人员，或带上身份证到附近的工会服务站现场办理；不办了就回复「取消」，刚才的回答不会提交。';

/** Why the number is asked, or whether it is safe (`你问这个干嘛`, `要身份证干什么`, `身份证安全吗`): no digits. */
const ID_WHY =
  /^(?:你们?|您)?(?:问|要)(?:我)?(?:的)?(?:这个|这|身份证号?码?|号码)(?:是)?(?:干嘛|干啥|干吗|做什么|做啥|干什么|有什么用|有啥用)|^(?:为什么|为啥|干嘛|干啥|凭什么)(?:一定)?(?:要|得|需要|还要)(?:问|填|给|写|提供|知道)?(?:我的?)?(?:这个|这|身份证号?码?|号码)?(?:啊|呀|呢|嘛|吗)*$|(?:身份证号?码?|号码|这个)(?:有什么用|有啥用|干嘛用|干啥用|用来干(?:嘛|啥|什么)|安全吗|安不安全|给谁看|谁能看到?)|(?:会不会|会|不会)(?:被)?(?:泄露|泄漏|外泄|被卖|拿去)/u;
const ID_WHY_TEXT =
  '身份证号用来核实是您本人、防止重复入会，每人只有一个会员编号。号码加密保存，审核的工作人员也只能看到一部分（例如4503**********123X），不会给老板，也不会给别人。';
/** The card lost or being replaced (`身份证丢了`, `身份证被偷了`, `在补办`): no digits. */
const ID_LOST = /(?:丢了|掉了|弄丢|丢失|遗失|被偷|被抢|不见了|找不到了|补办)/u;
const ID_LOST_TEXT =
  '身份证丢了不要紧，号码是不会变的。记得号码的话直接发给我就行；记不住的话，户口本、社保卡、驾驶证或以前的复印件上都有这个号码。' +
  '补办身份证可以去户籍地或现在住的地方的派出所。入会一定要填身份证号，找到号码前，前面填的内容会帮您保存着；也可以回复「人工」请工作人员帮您。';
/** The number not known by heart (`不记得号码`, `记不住`, `忘了`): no digits. */
const ID_FORGOT = /(?:记不住|记不清|不记得|忘了|忘记了?|背不下来|想不起来?)/u;
const ID_FORGOT_TEXT = '没关系，不用背。身份证正面下方有18位号码，户口本、社保卡上也有，对着抄一下发给我就行；手边没有的话，找到后再发，前面填的内容都还在。';
/** Whether the number may be left out (`能不能不填`, `必须填吗`, `可以跳过吗`). */
const ID_SKIP_ASKED = /(?:能不能|可不可以|可以|能)(?:不填|不给|不写|跳过|先跳过|不提供)|(?:不填|不给|跳过)(?:行不行|可以吗|行吗|能行吗|也行吗)|(?:必须|一定|非得|非要)(?:要)?(?:填|给|写|提供)/u;

/**
 * What the ID question answers itself (Field.asked): why it is asked and how it is kept, a card lost, a
 * number not known by heart, whether it may be left out. Never with digits typed (those are the number).
 */
function idAsked(text: string): string | null {
  const t = text.replace(/[\s,，。.!！?？~～]+/gu, '');
  if (t === '' || /\d/u.test(t) || /[零〇洞幺一二三四五六七八九]{6,}/u.test(t)) return null;
  if (ID_SKIP_ASKED.test(t)) return ID_REFUSED_TEXT;
  if (ID_WHY.test(t)) return ID_WHY_TEXT;
  if (ID_LOST.test(t) && (/身份证|证件|证/u.test(t) || t.length <= 5)) return ID_LOST_TEXT;
  if (ID_FORGOT.test(t) && !/带/u.test(t)) return ID_FORGOT_TEXT;
  // `等下 我去拿身份证`: not at hand yet; said here, ahead of the chat's pause for a moment asked (its own words).
  if (ID_LATER.test(t) && /身份证|证件/u.test(t)) return ID_LATER_TEXT;
  return null;
}

/** Relatives and others a question may be about (`我儿子15岁能入会吗`, `我爸65了还能入工会吗`). */
const RELATIVE =
  '老婆|媳妇|爱人|妻子|老公|丈夫|对象|儿子|女儿|闺女|孩子|小孩|娃|爸爸?|妈妈?|父亲|母亲|老爸|老妈|弟弟|妹妹|哥哥|姐姐|侄子|侄女|外甥女?|孙子|孙女|公公|婆婆|岳父|岳母|老丈人|丈母娘|朋友|同事|工友|老乡|亲戚|家里人|家人';
/** Words before the subject of a question (`请问`, `想问一下`). */
const ASK_OPENING = '(?:(?:你好|您好|请问|问一下|想问一下|问下|我想问一下|我想问下|我想问问|麻烦问一下)[,，、\s]*)*';
/** Asked for someone: `帮我儿子问一下`, `替我妈咨询一下`. */
const ASKING_FOR = new RegExp(`(?:帮|替|给|代)(?:我|我们|俺)?(?:家)?(?:的)?(${RELATIVE}|他|她|别人)(?:们)?(?:问|咨询|打听)`, 'u');
/** A relative as the subject: `我儿子15岁…`, `我家孩子…`, `俺爸65了…`. */
const RELATIVE_SUBJECT = new RegExp(`^${ASK_OPENING}(?:我|俺)(?:们)?(?:家)?(?:的)?(${RELATIVE})(?!们|介绍|让|叫|喊|说|推荐|告诉|建议|带)`, 'u');
/** A clause with a relative as its subject (`我老婆在厂里上班`, `俺爸在工地干活`): about them, not the person. */
// (`老公跑滴滴的 我在超市上班`: a spouse or parent needs no 我 before it.)
const RELATIVE_CLAUSE = new RegExp(`^(?:(?:我|俺)(?:们)?(?:家)?(?:的)?(${RELATIVE})|(老公(?!司|寓|园|交)|老婆|媳妇|丈夫|妻子|爱人|老爸|老妈)(?=[^\\p{Script=Han}]*\\p{Script=Han}))(?!们|介绍|让|叫|喊|说|推荐|告诉|建议|带)`, 'u');

/** The words without the clauses about a relative (`我想入会 我老婆在厂里上班` → `我想入会`); all of them when none is. */
export function withoutRelativeClauses(text: string): string {
  const clauses = text.split(/(?<=[,，。;；!！\s])/u);
  const kept = clauses.filter((c) => !RELATIVE_CLAUSE.test(c.trim()));
  return kept.length === clauses.length ? text : kept.join('').trim();
}

/** 他 or 她 as the subject, said first (`他15岁能入会吗`). */
const PRONOUN_SUBJECT = new RegExp(`^${ASK_OPENING}(他|她)(?!们)`, 'u');
/** The asker speaking of themselves after all (`我老婆在家带孩子 我能入会吗`). */
const SELF_SUBJECT = /(?:^|[,，、。\s那])(?:我|俺)(?:自己|本人)?(?:能|可以|可不可以|能不能|也|想|要|还|现在|今年|是|没|不|在|才|已经|都|[0-9一二两三四五六七八九十])/u;

/**
 * Where the asker starts speaking of themselves after speaking of someone else (`我老婆没工作 我能入会吗`:
 * `我能入会吗`); null when the message does not speak of someone else first.
 */
export function ownPart(text: string): string | null {
  const s = text.replace(/\s+/gu, ' ').trim();
  const m = ASKING_FOR.exec(s) ?? RELATIVE_SUBJECT.exec(s) ?? (/我|俺/u.test(s) ? null : PRONOUN_SUBJECT.exec(s));
  if (!m) return null;
  const rest = s.slice(m.index + m[0].length);
  const self = SELF_SUBJECT.exec(rest);
  return self ? rest.slice(self.index).replace(/^[,，、。\s那]/u, '') : null;
}

/**
 * Whom a message about joining is about, when it is not the person typing: `我帮我儿子问一下 他15岁能入会吗`
 * (儿子), `我老婆没工作能入会吗` (老婆), `他15岁能入会吗` (他). Null when it is the person themselves, or
 * when the words also speak of the asker (`我老婆在家 我能入会吗`): precision first, nothing is taken for either.
 */
export function askedAbout(text: string): string | null {
  const s = text.replace(/\s+/gu, ' ').trim();
  const m = ASKING_FOR.exec(s) ?? RELATIVE_SUBJECT.exec(s) ?? (/我|俺/u.test(s) ? null : PRONOUN_SUBJECT.exec(s));
  if (!m) return null;
  if (SELF_SUBJECT.test(s.slice(m.index + m[0].length))) return null;
  return m[1]!;
}

/** Fillers before a name (`嗯张小明`, `呃 那个 张小明`): no part of it. */
const NAME_FILLER_BEFORE = /^(?:(?:嗯+|呃+|额+|唔+|哦+|噢+|喔+|啊+|哎+|诶+|欸+|那个|这个|好的|好|对的|对)[,，、。.\s~～]*)+(?=[\p{Script=Han}])/u;
/** The person saying the name is theirs (`张小明就是我`, `张小明 是我本人`): no part of it. */
const NAME_SELF_AFTER = /[,，、\s]*(?:就是我本人|就是我|就是本人|就是|是我本人|是我|是本人|我本人|本人|我自己)(?:的名字)?(?:啊|呀|哈|哦|了)?[。.!！~～]*$/u;
/** Where a sentence goes on after the name (`我叫张小明然后身份证是…`): the name ends there. */
const NAME_GOES_ON = /(?:然后|还有|而且|并且|另外|接着|那个|这个)[\s\S]*$/u;

/**
 * The name as on the ID card, said with words around it (`嗯张小明`, `张小明就是我`): the name
 * without them, shown back before it counts (it must match the card). Unchanged otherwise.
 */
export function nameWithoutAsides(text: string): string {
  const t = text.trim();
  const cut = t.replace(NAME_FILLER_BEFORE, '').replace(NAME_SELF_AFTER, '');
  // `张小明然后`: a name of four characters or more that runs into the next words.
  const run = /^[\p{Script=Han}]{4,}/u.test(cut) ? cut.replace(NAME_GOES_ON, '') : cut;
  return [...run].length >= 2 ? run : t;
}

/** `身份证上叫张伟`, `身份证上的名字是张伟`: the name as the card has it, after the words that say so. */
const ON_THE_CARD = /^(?:我|俺)?(?:的)?身份证上(?:面)?(?:的)?(?:名字|姓名)?(?:叫做|叫|是|写的是|写着|写的)[,，:：\s]*(?=\p{Script=Han}{2})/u;

/** The name question's answer (see {@link nameWithoutAsides}); a form of address is refused (idCardNameAnswer). */
function memberNameAnswer(said: string): { ok: true; value: string; confirm?: true } | { ok: false; error: string } {
  const text = said.trim().replace(ON_THE_CARD, '');
  const bare = nameWithoutAsides(text);
  if (bare === text.trim()) return idCardNameAnswer(text);
  const r = idCardNameAnswer(bare);
  // What is left is no name (`王师傅就是我`): its own objection, never the whole words as a name.
  return r.ok ? { ok: true, value: r.value, confirm: true } : r;
}

/** Said after the name about the numbers still to come (`身份证马上发`, `手机号等下给你`): no part of the name. */
const NUMBERS_LATER = /^(?:我的?)?(?:身份证号?码?|身份证|证件号?码?|手机号?码?|电话号?码?|号码)(?:号|号码)?(?:我|等下|等会儿?|一会儿?|马上|稍后|待会儿?|回头|随后|后面|下面|接着|再)?(?:就|再)?(?:发|给|填|写|告诉|输|打)?(?:你|您|给你|给您)?(?:吧|哈|啊)?$/u;
/**
 * `蒙志刚 18977345621 这个号码也是微信`: a mobile number after the name (read as a fact of the message, confirmed), and
 * a word about it (`这个号码也是微信`, `微信同号`): no part of the name.
 */
const PHONE_ASIDE =
  /^(?:(?:我的?)?(?:手机号码|手机号|手机|电话号码|电话|号码)?(?:是|:)?1\d{10}|(?:这个|这|此)?(?:号码?|手机号?|电话)(?:也是|就是|是)(?:我的?)?微信(?:号)?(?:的)?|(?:微信|微信号)(?:也是这个|就是这个|同号|一样)(?:的)?|(?:手机号?|电话|号码)(?:和|跟)?微信同号)$/u;
/** Picked at 「姓名「zhang wei」是用字母写的…」: the name is written so on the card (a foreign permanent-residence card). */
const LATIN_NAME = 'latin:';

/**
 * An ID number typed or read out (`450321199001011234`, `嗯 身份证是 四五零三…`): 15 digits or more in a row,
 * never a name (nor any part of one), and never quoted back.
 */
export function saysIdNumber(t: string): boolean {
  return /\d{15,}/u.test(idDigits(t).text.replace(/[\s\u3000-]/gu, ''));
}

/**
 * The name question's answer, as the person gives it: their own (never someone else's, `是给我妈办的`), without the
 * numbers said to come after it (`张伟，身份证马上发`), never a place (`东龙镇`), and a name in letters
 * (`zhang wei`) only when the card has it so: asked, never kept as typed.
 */
function memberName(t: string, ctx: FlowContext): { ok: true; value: string; confirm?: true } | { ok: false; error: string; options?: Choice[]; conflict?: true } {
  if (t.startsWith(LATIN_NAME)) return { ok: true, value: t.slice(LATIN_NAME.length) };
  // The ID number where the name is asked: said so, and the name asked again (a valid one is offered by extract,
  // confirmed masked as at its own question; one that does not check is kept nowhere).
  if (saysIdNumber(t)) {
    const valid = findIdNumber(idDigits(t).text, ctx.now) !== null;
    return {
      ok: false,
      error: `这像是身份证号，不是姓名。${valid ? '身份证号等一下就会问到。' : '这个号码核对不上（可能有一位输错了），没有记下，等一下问到身份证号时请对着身份证再输入一遍。'}现在请先输入您的姓名，要和身份证上的一致。`,
    };
  }
  // `这个号码也是微信`, `微信同号`: a word about the phone, never a name (「号码也是微信」 was read as one).
  if (PHONE_ASIDE.test(t.replace(/[\s。.!！]+/gu, '')) && !/\d/u.test(t)) return { ok: false, error: '好的，微信和手机号一样就方便了。手机号等一下会问到，现在请先输入您的姓名，要和身份证上的一致。' };
  const who = behalfMidForm(t);
  if (who) return { ok: false, error: behalfMidFormText(who, '输入您自己的姓名'), conflict: true };
  const place = placeNamed(ctx, t.replace(/[\s。.!！]/gu, ''));
  if (place) return { ok: false, error: `「${place}」是地名。这里请写您身份证上的姓名，例如“王建国”。` };
  // `张伟，身份证马上发`: the name (read as if said alone), the rest about what comes next.
  const clauses = t.split(/[,，、。;；\s]+/u).filter(Boolean);
  // `张伟 在好再来饭店当服务员`: the name, then where they work (read as a fact of the message).
  const first =
    clauses.length >= 2 && clauses.slice(1).every((c) => NUMBERS_LATER.test(c) || PHONE_ASIDE.test(c) || unitSaidWithEn(c, ctx) !== null) ? memberNameAnswer(clauses[0]!) : null;
  const r = first?.ok ? first : memberNameAnswer(t);
  // `给身份证可以 电话就不留了`: what they will give of the numbers still to come, no name (「给身份证可以」 was proposed
  // as the name): those are asked in their turn, the name now.
  if (!r.ok && !/\d/u.test(t) && /身份证|证件|电话|手机|号码/u.test(t)) return { ok: false, error: '好的，身份证号和手机号后面会一项一项问到，到时候再说。现在请先输入您的姓名，要和身份证上的一致。' };
  if (r.ok && /^[A-Za-z][A-Za-z ·.'-]*$/u.test(r.value)) {
    return {
      ok: false,
      error: `姓名「${short(r.value)}」是用字母写的。身份证上的姓名是汉字的话，请写汉字，例如“张伟”；证件上本来就是外文姓名的（例如外国人永久居留身份证），回复「证件上就是这样」。`,
      options: [{ label: '证件上就是这样', value: `${LATIN_NAME}${r.value}` }],
    };
  }
  // `张乾`, `於小梅`: 乾 and 於 as typed (never 干, 于). `張偉`, typed in traditional characters: read as simplified,
  // and confirmed as it will be kept (it must match the card).
  const typed = r.ok ? partAsTyped(t, r.value) : null;
  if (r.ok && typed) return typed.converted ? { ok: true, value: typed.text, confirm: true } : { ...r, value: typed.text };
  return r;
}

/**
 * The one township a work site names, in a clause saying work is done there: `在南塘物流园…上班` (a park called by a
 * township's name), `在滨江社区那个小区上班` (a community only one township has). Null otherwise.
 */
function workSiteTownship(ctx: FlowContext, t: string): TownshipPlace | null {
  const found = new Set<string>();
  let out: TownshipPlace | null = null;
  for (const clause of t.split(/[,，。;；!！\s]+/u)) {
    if (!/在/u.test(clause) || !/上班|干活|做事|工作|打工/u.test(clause)) continue;
    const park = /在([\p{Script=Han}]{2,3}?)(?:物流园|工业园|产业园|科技园)/u.exec(clause);
    if (park) {
      const m = matchTownship(ctx.directory, park[1]!);
      const entry = m.kind === 'exact' ? ctx.index.townshipById.get(m.township.id) : undefined;
      if (entry && m.kind === 'exact') {
        found.add(m.township.id);
        out = { districtId: entry.districtId, townshipId: m.township.id };
      }
    }
    const community = /在([\p{Script=Han}]{2,4}?(?:社区|村))/u.exec(clause);
    if (community) {
      const of = townshipsOfCommunity(ctx, community[1]!);
      if (of.length === 1) {
        found.add(of[0]!.township.id);
        out = { districtId: of[0]!.districtId, townshipId: of[0]!.township.id };
      }
    }
  }
  return found.size === 1 ? out : null;
}

/** Joining, in the words of a question about it (`能入会吗`, `能不能加入工会`, `可以参加工会吗`). */
const JOIN_WORDS = /(?<![收出投输录])入(?:个|了)?(?:工)?会(?!场|议|计)|加入|参加(?:工会)?|进工会|成为(?:工会)?会员|当(?:个)?(?:工会)?会员|办(?:理)?入会/u;
/** An age said (`16岁`, `十五岁`, `今年65了`, `都六十多了`, `五十好几了`, `快六十了`). */
const AGE_SAID = new RegExp(
  `([0-9]{1,3}|[一二两三四五六七八九十]{1,3})(多|出头|好几|来)?(?:周岁|岁)|(?:^|今年|才|已经|都|满|快|将近|接近|不到|差不多|有|我|俺|${RELATIVE}|他|她)([0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:了|(多|出头|好几|来))`,
  'u',
);
/** Said just before an age that is not reached yet (`快六十了`, `将近六十`, `不到十六岁`). */
const AGE_BELOW = /(?:快|将近|接近|不到|没到|还没到)(?:有|满)?$/u;
/** Said just before an age given roughly (`差不多六十了`). */
const AGE_ABOUT = /(?:差不多|大概|大约|估计)(?:有)?$/u;

/**
 * The ages an age said may be: `60岁` just 60; `快六十了` below it (57–59), `六十出头`, `都六十多了`, `五十好几了`
 * above it (61–69, 55–59), `差不多六十`, `六十来岁` around it. Only an exact age is ever kept or said back.
 */
function agesSaid(s: string): { age: number | null; lo: number; hi: number } | null {
  const m = AGE_SAID.exec(s);
  const n = m ? parseChineseNumber((m[1] ?? m[3])!) : null;
  if (!m || n === null || !Number.isInteger(n)) return null;
  const before = s.slice(0, m.index) + m[0].slice(0, m[0].indexOf((m[1] ?? m[3])!));
  const over = m[2] ?? m[4];
  const ten = n >= 20 && n % 10 === 0 ? 9 : 4;
  if (AGE_BELOW.test(before)) return { age: null, lo: n - 3, hi: n - 1 };
  if (over === '来' || AGE_ABOUT.test(before)) return { age: null, lo: n - 3, hi: n + 3 };
  if (over === '好几') return { age: null, lo: n + 3, hi: n + ten };
  if (over) return { age: null, lo: n + 1, hi: n + ten };
  return { age: n, lo: n, hi: n };
}
/** Not working now, said in a question about joining. */
const IDLE_ASKED: [Exclude<Eligibility['kind'], 'under_age' | 'of_age' | 'older' | 'flexible' | 'worker' | 'disabled'>, RegExp][] = [
  ['retired', /退休|离休/u],
  ['student', /学生|在校|上学|读书|念书|读大学|读高中/u],
  ['jobless', /没(?:有)?(?:工作|上班|活干|事做|找到工作)|失业|待业|下岗|在家(?:带|照顾|看)|带(?:孩子|娃|小孩)|全职(?:妈妈|主妇|太太)|家庭(?:主妇|妇女)|在找工作|找不到工作/u],
];
export type Eligibility = NonNullable<MembershipAnswers['eligibility']>;
/** The knowledge base's entries that answer who may join, by the kind of question they answer. */
export const ELIGIBILITY_TOPICS: readonly (readonly [Extract<Eligibility['kind'], 'worker' | 'disabled'>, string])[] = [
  ['worker', 'who-can-join-union'],
  ['disabled', 'disabled-join'],
];

/**
 * A question whether the person may join, in an opening message: by age (`我才十五岁能不能加入工会`,
 * `我今年65了还能入会吗`), or not working (`我在家带孩子没工作能入会吗`, `退休了能入会吗`). Work said with
 * it (`退休了 在小区当保安 能入会吗`) is no such question: the flow asks about it.
 */
export function eligibilityAsked(said: string): Eligibility | null {
  // `我老婆没工作 我能入会吗`: only what the asker says of themselves.
  const text = ownPart(said) ?? said;
  const s = text.replace(/\s+/gu, '');
  if (!isQuestion(text) || !JOIN_WORDS.test(s)) return null;
  // `我儿子15岁能入会吗`: about someone else, said so in the answer (and any question about them is one).
  const who = askedAbout(text);
  const about = (e: Eligibility): Eligibility => (who ? { ...e, who } : e);
  // `快六十了能入会吗`: a rough age is never kept as an exact one (60); answered for all the ages it may be.
  const ages = agesSaid(s);
  if (ages && ages.lo >= 10 && ages.hi <= 100) {
    const kind = ages.hi < MIN_MEMBER_AGE ? 'under_age' : ages.lo >= 60 ? 'older' : 'of_age';
    return about({ kind, age: ages.age });
  }
  // `打零工的能不能入会`, `没有固定单位可以入会吗`: flexible work, the way in said.
  if (ODD_JOB.test(s) || /(?:没有?|无)(?:固定的?)(?:单位|工作|公司)/u.test(s)) return about({ kind: 'flexible', age: null });
  const idle = workFrom(s) !== null ? undefined : IDLE_ASKED.find(([, re]) => re.test(s));
  if (idle) return about({ kind: idle[0], age: null });
  // `临时工可以入会吗`, `送外卖的可以入会吗`, `残疾人可以入会吗`: who they are, asked of joining, which the knowledge base
  // answers by one of its rules (never a guess from likeness alone): that answer, then joining offered.
  const kb = knowledgeBase().match(text);
  const topic = kb && kb.score >= RULE_BONUS ? ELIGIBILITY_TOPICS.find(([, id]) => id === kb.entry.id) : undefined;
  if (topic) return about({ kind: topic[0], age: null });
  // `我老婆在宏达建筑上班能入会吗`: who may join, said of them (their work is theirs to tell when they apply).
  return who ? { kind: 'of_age', age: null, who } : null;
}

/** The union that would review these answers (and that the worker joins). */
export function unionForAnswers(a: MembershipAnswers, ctx: FlowContext): Union | undefined {
  if (a.employment === 'employee') {
    if (a.employer?.employerId) return employerUnion(ctx.index, a.employer.employerId);
    return a.workplace ? townshipUnion(ctx.index, a.workplace.townshipId) : undefined;
  }
  if (a.employment === 'new_form') return a.residence ? newEmploymentUnion(ctx.index, a.residence.townshipId) : undefined;
  return undefined;
}

function unionNote(ctx: FlowContext, employerId: string): string {
  const hit = employerById(ctx.index, employerId);
  const u = employerUnion(ctx.index, employerId);
  if (!hit || !u) return '';
  return u.kind === 'enterprise'
    ? `「${hit.employer.name}」有自己的工会，您的申请会交给${u.name}审核。`
    : `「${hit.employer.name}」的职工由${u.name}负责，您的申请会交给它审核。`;
}

/** Back to 「您现在是怎么工作的？」 (the option's value is the 返回 command). */
const BACK_TO_WORK: Choice = { label: '回到上一题，重新选工作方式', value: '返回' };
/** Not the name yet: they will find out (`等一下我问问`). */
const WILL_ASK = /^(?:等一?下|等等|稍等|等会儿?|待会儿?|回头)|(?:我|俺)(?:去|先|得|再|要)问(?:问|一下|下)?|问问(?:老板|同事|别人|工友)|(?:我|俺)问问(?:吧|啊|看)?$|(?:查|看)一下再/u;
/** `我想入会但是老板不让`, `单位不同意我入会`, `老板不准我们加入工会`: the employer against it (joining needs no one's consent). */
const BOSS_AGAINST =
  /(?:老板|老总|领导|单位|公司|厂里|厂长|经理|包工头|工头|主管)(?:说|讲)?(?:不让|不许|不准|不同意|不批准?|反对)(?:我|我们|俺|俺们)?(?:入会|加入工会|参加工会|入工会|加入|参加)?(?=$|[，,。.!！?？吧啊呀呢怎咋能可])/u;

/** The unit said to have no union (`我们单位没有工会`, `厂里没工会`, `公司还没成立工会`), no name said. */
const NO_UNION_AT_UNIT = /^(?:我们|俺们|我|俺)?(?:单位|公司|厂里|厂|店里|工地|那边|这边)?(?:里|里面|上)?(?:也|都|还|根本)?(?:没有?|没得|莫得|无)(?:成立|建立|建|设|组建)?(?:的)?工会(?:的|啊|呀|哦|呢|吧|了)*$/u;
const NO_UNION_AT_UNIT_REPLY = '单位没有工会也可以入会，您的申请会交给单位所在镇、街道的工会审核。请写您工作单位的名称，例如「青溪纺织有限公司」「好再来饭店」。';

/** Not to be told (`老板不让说`). */
const NOT_TOLD = /不让说|不能说|不好说|不便说|保密|不方便/u;
/** No unit at all (`没有单位 打零工`): not an employee of one. */
const NO_UNIT = /^(?:没有?|无|莫得|没得|冇)(?:的|啊|呀|哦)?$|(?:没有?|无|莫得|没得|冇)(?:啥|什么|固定的?)?(?:单位|公司)(?!名|的名|叫|全称)|不在单位|打零工|打散工|做零工|干零活|打短工|自己干/u;
/** A unit said to be lacking (`没固定单位`, `没有单位`, `不在单位`); never a bare `没有`. */
const UNIT_DENIED = /(?:没有?|无|莫得|没得|冇)(?:啥|什么)?(?:固定的?)?(?:工作)?(?:单位|公司)(?!名|的名|叫|全称)|不在单位/u;
/** Odd jobs or flexible work, in the person's words (`到处打零工`, `灵活就业`): 其他, kept as said. */
const ODD_JOB = /灵活就业|自由职业|打零工|打散工|做零工|干零活|打短工|做短工|打临工|零工|散工|日结/u;

/** The odd job as said (`打零工`), for 具体工作; null when none is said. */
export function oddJobSaid(text: string): string | null {
  const m = ODD_JOB.exec(text.replace(/\s+/gu, ''));
  if (!m) return null;
  return m[0] === '零工' || m[0] === '散工' ? `打${m[0]}` : m[0];
}

/**
 * No fixed unit, said at the unit question (`没固定单位`, `没有固定单位到处打零工`, `灵活就业`): not a unit's
 * employee but a flexible worker, who joins as 新就业形态劳动者 by where they live (the union of the township).
 * Not when a boss, a unit without a name, or a shop of their own is what was said (each answered there).
 */
export function noFixedUnit(text: string): boolean {
  const s = text.replace(/\s+/gu, '');
  // `我是自己干的`: taking work on their own, or running a shop of their own? Told at the question, never read.
  if (isQuestion(text) || BOSS.test(s) || NAMELESS.test(s) || SELF_EMPLOYED.test(s) || onMyOwn(text)) return false;
  return NO_UNIT.test(s) || ODD_JOB.test(s);
}

/** The unit has no name (`没有单位名字 就是个小饭馆`): no name either. */
const NAMELESS = /^(?:没有?|无|莫得|没得|冇)(?:单位|公司|厂|店)?(?:的)?(?:名字|名称|全称|招牌)/u;
/** Ends as a unit's name does. */
const ORG_LIKE = /(?:公司|厂|店|馆|超市|商场|医院|学校|酒店|宾馆|集团|中心|项目|工地|物业|银行|局|所|站|院|社|场|楼)$/u;
/** A person one works for, not a unit (`包工头姓王`). */
const BOSS = /包工头|工头|老板娘?|东家|雇主/u;
const A_PERSON = /(?:包工头|工头|老板娘?|东家|雇主|老乡|朋友|亲戚|熟人|师傅|工友)$/u;
/**
 * `我老板叫张三`, `老板是张三`, `包工头王建军`: the name read is the boss's, a person's (a unit's name, such as
 * `老板是宏达建筑的`, ends as units do and is one).
 */
function bossNamed(t: string, name: string): boolean {
  if (ORG_LIKE.test(name) || /公司|厂|店|集团|中心|项目|工地|队/u.test(name)) return false;
  return new RegExp(`(?:${BOSS.source})(?:的)?(?:名字|姓名)?(?:叫|是|姓[\\p{Script=Han}]{1,2}叫)?[\\s，,:：]*${escapeRegExp(name)}`, 'u').test(t);
}
/** `姓陈` (left of `我老板姓陈`): a person's surname, never a unit's name. */
const SURNAME_ONLY = /^姓[\p{Script=Han}]{1,2}(?:的)?$/u;

/** Where a unit ends as units do, the job done there may follow (`饭店端盘子`, `超市当收银员`). */
const UNIT_END = /(?:公司|工厂|厂子|厂里|厂|店里|店|馆|超市|商场|医院|学校|酒店|宾馆|酒楼|集团|中心|项目|工地上|工地|物业|银行|食堂|餐厅|车间|仓库|幼儿园|市场)$/u;
/** A job after the unit: `当收银员`, `做服务员`, `端盘子`. */
const JOB_AFTER = new RegExp(`^(?:(?:当|做|干|搞|打)[\\p{Script=Han}]{1,5}|(?:${UNIT_JOBS.source})[\\p{Script=Han}]{0,2})$`, 'u');

/**
 * The unit in an answer to 「您在哪家单位工作？」: without 在/我在 before it and the
 * work or job after it (`我在超市当收银员` → 超市, `在宏达建筑上班` → 宏达建筑).
 */
export function unitPart(text: string): string {
  let s = text.trim().replace(/[。.!！~～]+$/u, '');
  s = s.replace(/^(?:我|俺)?(?:现在|目前|一直|平时)?(?:就|也|都)?(?:是)?(?:在|于)(?=[\p{Script=Han}A-Za-z]{2})/u, '');
  s = s.replace(/(?<=[\p{Script=Han}A-Za-z]{2})(?:上班|打工|干活|工作|做事|做工)(?:的|呢|啊|哦)?$/u, '');
  // `鞋厂叫金鹰鞋业`, `那个超市名字是惠民`: the kind said first, then the name.
  const framed = new RegExp(
    `^(?:${MEASURE.source.slice(1)})?[\\p{Script=Han}]{0,3}?(?:的)?${KIND_END.source.replace(/\$$/u, '')}(?:的)?(?:(?:名字|名称|全称|招牌)(?:叫做|叫|是|上写的?)|叫做|叫)(?=[\\p{Script=Han}A-Za-z]{2})`,
    'u',
  );
  s = s.replace(framed, '');
  const chars = [...s];
  for (let cut = 2; cut < chars.length; cut++) {
    const head = chars.slice(0, cut).join('');
    const tail = chars.slice(cut).join('').replace(/的$/u, '');
    if (UNIT_END.test(head) && JOB_AFTER.test(tail)) return head;
  }
  return s === '' ? text.trim() : s;
}

/**
 * A unit named with the job done there, after 在 (`在河西街道的好再来饭店当服务员`, `在白沙镇的鑫源电子厂 流水线`):
 * the unit, without the town before it (found as the place) and the job after it. Null for a kind of unit
 * (`在一个饭店当服务员`), a place, or words that end as no unit does.
 */
function unitWithJob(text: string, ctx: FlowContext): string | null {
  // `…当服务员想入会`: the wish after it is no part of the job.
  const t = text
    .trim()
    .split(/[,，。;；!！]/u)[0]!
    .replace(/(?:我|俺)?(?:想|要|能|可以|准备|打算)(?:申请)?(?:入会|入工会|加入工会|参加工会|入个会)[\s\S]*$/u, '')
    .trim();
  if (!/^(?:我|俺)?(?:现在|目前|一直|平时)?(?:就|也|都)?(?:是)?在/u.test(t)) return null;
  // `…鑫源电子厂 流水线`: the job as its own word after a space.
  const words = t.split(/\s+/u);
  const said = words.length === 2 && UNIT_JOBS.test(words[1]!) ? words[0]! : t;
  const unit = unitPart(said);
  if (unit === said || /\s/u.test(unit)) return null;
  const name = unit.replace(/^([\p{Script=Han}]{2,4}?(?:镇|乡|街道))(?:的|那边的?|这边的?)?(?=[\p{Script=Han}]{2})/u, (m, town: string) => (findTownship(ctx, town) ? '' : m));
  if (!UNIT_END.test(name) || /[的个家]/u.test(name) || genericUnit(name) || placeNamed(ctx, name) || describesEmployer(name)) return null;
  const p = parseOrgName(name);
  return p.ok && [...p.value].length >= 3 ? p.value : null;
}

/** Before a kind of unit: `一个`, `我们`, `附近的`. */
const MEASURE = /^(?:(?:一|这|那|某)?(?:个|家|所|间|座)|我们的?|俺们的?|咱们的?|本地的?|附近的?|镇上的?|村里的?|街上的?)/u;
/**
 * Words before a kind of unit that still say no name (`学校食堂`, `小饭馆`). A trade before it with nothing
 * else (`服装厂`, `一个鞋厂`) says no name either (TRADE): which one is asked.
 */
const UNIT_KIND = /(?:学校|医院|私人|个体|小|大|路边|黑心|本地|外地|附近)*/u;
const KIND_END =
  /(?:工厂|厂子|厂|公司|饭店|饭馆|餐馆|面馆|餐厅|小吃店|快餐店|店|超市|食堂|工地|商场|酒店|宾馆|酒楼|车间|单位|工程队|施工队|项目|医院|学校|幼儿园|仓库|作坊|市场)(?:里|上|里面|那里|这里|那边|这边)?$/u;

/**
 * A kind of unit said instead of its name (`厂里`, `工地上`, `超市`, `学校食堂`, `鞋厂`,
 * `东龙镇的一个鞋厂`): which one is still to be said.
 */
export function genericUnit(text: string): boolean {
  // `东龙镇的一个鞋厂`: the place before it says where, not which.
  const s = withoutWhere(text.replace(/\s+/gu, '').replace(/^[\p{Script=Han}]{2,4}?(?:镇|乡|街道|区|县|市|村)(?:的|那个|那家|这个|这家|那边的?|这边的?)?(?=.)/u, ''));
  const rest = s.replace(MEASURE, '');
  const kind = new RegExp(`^${UNIT_KIND.source}(?:的)?${KIND_END.source}`, 'u');
  if (kind.test(rest)) return true;
  // `鞋厂`, `小电子厂`, `建筑公司`: a trade and a kind, no name.
  if (new RegExp(`^${UNIT_KIND.source}(?:${TRADE.source})(?:的)?${KIND_END.source}`, 'u').test(rest)) return true;
  // `一个鞋厂`, `一家叫不出名的小饭馆`: with a measure word, a few words of kind before the end.
  return rest !== s && /^[\p{Script=Han}]{0,3}$/u.test(rest.replace(KIND_END, '')) && KIND_END.test(rest);
}

/**
 * `龙岗的一个电子厂`, `深圳龙岗一家饭店`: whatever stands before 一个/一家/一间 says where (or whose), not which one —
 * taken off, so the kind is read as said alone.
 */
function withoutWhere(s: string): string {
  const m = WHERE_BEFORE_ONE.exec(s);
  return m && !UNIT_OR_BOSS_END.test(m[1]!) ? s.slice(m[0].length) : s;
}

/** What to say when only the kind of unit was said. */
function askWhichUnit(said: string): string {
  if (/工地|项目|工程队|施工队/u.test(said)) {
    return '是哪个工地？请写施工单位（建筑公司）或工地项目的名字，例如「宏达建筑」「青溪花园项目」，工地门口的牌子上一般有。';
  }
  if (/食堂/u.test(said)) return '食堂是哪个单位的？请写学校或单位的名字；食堂包给餐饮公司的，写那家公司的名字也行。';
  // `鞋厂`, `一个电子厂`: the trade said, so the example is one of its kind.
  const factory = new RegExp(`(${TRADE.source})?(?:工厂|厂子|厂)$`, 'u').exec(kindOnly(said));
  if (factory) {
    const trade = factory[1] ?? '';
    return `光说「${short(said)}」还不知道是哪一家。请写厂的名字，例如「金鹰${trade || '鞋'}厂」，厂门口的牌子、工牌或工资条上一般都有；不知道厂名的话，写老板姓什么也行，例如「王老板的${trade}厂」。`;
  }
  return `光说「${short(said)}」还不知道是哪一家。请写它的名字，没有正式名称的，写招牌上的名字就行，例如「好再来饭店」；不知道名字的话，写老板姓什么也行，例如「王老板的饭店」。`;
}

/** A kind of unit without the place and the measure word before it (`东龙镇的一个鞋厂` → 鞋厂). */
function kindOnly(said: string): string {
  const s = withoutWhere(said.replace(/\s+/gu, '').replace(/^[\p{Script=Han}]{2,4}?(?:镇|乡|街道|区|县|市|村)(?:的|那个|那家|这个|这家|那边的?|这边的?)?(?=.)/u, ''));
  return s.replace(MEASURE, '').replace(/(?:里|上|里面|那里|这里|那边|这边)$/u, '') || s;
}

/**
 * Only the kind of unit said (`鞋厂`): asked which one, with the ways out a person who does not know the
 * name has (never the same question again in the same words): write the kind for now, said so, or 人工.
 */
function whichUnitAnswer(said: string) {
  const kind = kindOnly(said);
  const options = [
    ...(/^[\p{Script=Han}]{2,8}$/u.test(kind) && !/^(?:单位|公司|厂|工厂|店|项目|工地|车间)$/u.test(kind) ? [{ label: `实在不知道名字，先写「${kind}」`, value: `typed:${kind}` }] : []),
    { label: '请工作人员帮忙', value: '人工' },
  ];
  return { ok: false as const, error: askWhichUnit(said), options, conflict: true };
}

/** The unit's name said not to be remembered whole (`厂名我记不全`, `名字想不起来`), or only a piece of it (`叫什么鑫什么的`). */
const NAME_HALF_REMEMBERED =
  /(?:名字|名称|厂名|店名|全称|全名|单位名|公司名|叫啥|叫什么)(?:我|俺)?(?:也|都)?(?:记不全|记不清|记不住|记不得|不记得|想不起来?|忘了|忘记了?|说不全|写不全)|叫(?:什么|啥)\p{Script=Han}{1,3}(?:什么|啥)的/u;
/** Said at the unit question when the name is not known (`不知道名字`, `不知道叫什么`): the ways to find or write it. */
const UNIT_NAME_UNKNOWN = {
  ask:
    '不知道全称也没关系，下面这些写一个就行：\n' +
    '· 厂门口、店门口招牌上的字；\n' +
    '· 工牌、工资条、劳动合同或发工资的转账记录上的单位名称；\n' +
    '· 大家平时怎么叫它，或者老板姓什么，例如「王老板的鞋厂」。\n' +
    '一时想不起来，可以先问问工友，回来再接着填；也可以回复「人工」请工作人员帮忙。',
  // One way on as an option: the same help is not said twice (flows/engine.ts `unsure`).
  options: [{ label: '请工作人员帮忙', value: '人工' }],
};

/** Working for oneself (`自己开店`, `个体户`): not an employee of a unit. */
const SELF_EMPLOYED =
  /^(?:我|俺)?(?:是)?(?:自己|自家)(?:开(?:了)?(?:个|家|的)?(?:小)?(?:店|饭店|饭馆|餐馆|超市|厂|公司|档口|铺子)|(?:做|干)(?:点)?(?:小)?(?:生意|买卖)|当老板)|个体户|个体工商户|^(?:我|俺)(?:就)?是老板/u;
const SELF_EMPLOYED_REPLY =
  '自己开店、当老板的，不算单位职工：工会会员是靠工资收入生活的劳动者，店主本人一般不办理入会。如果您是在别人开的店里打工，请写店名或招牌上的名字。';

/** A platform named alone at the unit question (`美团`, `在饿了么上`): where orders are taken, usually not an employer. */
function platformAsUnit(text: string): string | null {
  const t = text.replace(/[\s，,。.!！]/gu, '');
  if (!new RegExp(`^(?:我|俺)?(?:在|跑|是)?(?:个)?${PLATFORM_NAMES}(?:的|上|上面|平台|App|app|APP)*(?:接单|跑单|跑|送)?(?:的)?$`, 'u').test(t)) return null;
  return platformFrom(t);
}

/**
 * A unit said to be left (`以前在宏达`, `宏达不干了`, `我不在宏达干了`): what is said of it is the past, never the
 * unit to register by.
 */
const PAST_UNIT = /以前|之前|原来|原先|过去|早先|先前|上一家|不在[\p{Script=Han}A-Za-z]{2,12}?(?:干|上班|做|打工)了|不(?:干|做)了|辞职|辞工|辞了|离职|跳槽/u;
/** Where the present starts after it (`现在在好再来饭店`, `后来去了好再来饭店`). */
const NOW_UNIT = /(?:现在|目前|如今|后来|眼下|这会儿)(?:改|换|又|就|已经)?(?:去了?|到了?|换到了?|跳到了?|进了?)?/u;

/**
 * The words for the unit worked at now, in a message that also speaks of one left (`以前在宏达 现在在好再来饭店`:
 * `好再来饭店`); null when only a unit left is said (`宏达不干了`); undefined when nothing is said of a unit left.
 */
export function currentUnitWords(text: string): string | null | undefined {
  const s = text.trim();
  const past = PAST_UNIT.exec(s);
  if (!past) return undefined;
  const now = NOW_UNIT.exec(s);
  if (!now) return null;
  // `现在在好再来饭店，以前在宏达`: the present up to the next clause.
  const rest = s
    .slice(now.index + now[0].length)
    .split(/[,，。;；!！\s]+/u)
    .filter(Boolean)[0] ?? '';
  const words = rest.replace(/^(?:就|也|还)?(?:是|在)(?=[\p{Script=Han}A-Za-z]{2})/u, '');
  return words === '' || PAST_UNIT.test(words) ? null : words;
}

/** The unit of now said by its name alone (`好再来饭店`, after `现在在`): a name that ends as units do. */
function unitFromNow(words: string, ctx: FlowContext): string | null {
  const name = unitPart(words);
  if (!UNIT_END.test(name) && !ORG_LIKE.test(name)) return null;
  if (/[的个家]/u.test(name) || genericUnit(name) || placeNamed(ctx, name) || describesEmployer(name)) return null;
  const p = parseOrgName(name);
  return p.ok && [...p.value].length >= 3 ? p.value : null;
}

/** `1`, `单位职工`, `是单位的` before the unit's name at the work question: the choice of 单位职工. */
const EMPLOYEE_CHOICE = /^(?:1|１|一|选1|单位职工|(?:是)?单位(?:的|上的)?|职工|员工)(?:[\s,，、。:：]+|$)/u;

/**
 * The unit named at the work question: after the choice of 单位职工 (`1 好再来饭店`), in a 在…上班 frame
 * (`我在富士康上班`), or a name ending as units do (`好再来饭店`). Work, platforms, places, a boss and
 * units of a kind only (`在厂里上班`) are none.
 */
function unitAtWorkQuestion(text: string, ctx: FlowContext): EmployerAnswer | null {
  const t = text.trim().replace(/[。.!！~～]+$/u, '');
  const chose = EMPLOYEE_CHOICE.exec(t);
  const said = chose ? t.slice(chose[0].length).trim() : t;
  // `好再来饭店 做服务员`: the unit, then the job as a word of its own (was read as no unit, and the name asked again).
  const words = said.split(/\s+/u);
  const rest = words.length === 2 && UNIT_END.test(words[0]!) && JOB_AFTER.test(words[1]!.replace(/的$/u, '')) ? words[0]! : said;
  if (rest === '' || [...rest].length > 30) return null;
  const at = /^(?:我|俺)?(?:现在|目前|一直|平时)?(?:就|也|都)?(?:是)?在([\p{Script=Han}A-Za-z0-9（）()·&-]{2,20}?)(?:上班|打工|干活|工作|做事|做工)(?:的|呢|啊|哦)?$/u.exec(rest)?.[1];
  // `在外面上班`, `在镇上上班`, `在我叔那干活`, `在人家家里干活`: where, or whose, not a unit's name.
  const framed = at !== undefined && !/(?:上|里|边|面|头|那|那里|那儿|这里|这儿|附近|周边|家|一带|区|园|城|市|县|镇|乡|村|街道|街|路|巷|小区|社区)$/u.test(at) && !/[我你他她俺咱]|人家|别人|自己|亲戚|老乡|朋友|熟人/u.test(at);
  const named = UNIT_END.test(rest.replace(/\s+/gu, '')) && !/[\s,，]/u.test(rest);
  // `青溪纺织` at 「您现在是怎么工作的？」: a known unit's name, or how it begins (four characters or more), said alone
  // (it was 「请回复1或2」 again and again); proposed with its full name, never taken unconfirmed.
  const known = !chose && !framed && !named && knownUnitBegun(rest, ctx);
  if (!chose && !framed && !named && !known) return null;
  if (workFrom(rest) || notWorking(rest) || platformFrom(rest) || NO_UNIT.test(rest) || BOSS.test(rest) || NOT_SAID.test(rest)) return null;
  if (yesNo(rest) !== null || isQuestion(rest) || findTownship(ctx, rest) !== null || genericUnit(unitPart(rest))) return null;
  const r = parseEmployerWords(rest, ctx);
  if (!r.ok || typeof r.value !== 'object' || r.value === null || !('name' in r.value)) return null;
  const value = r.value as EmployerAnswer;
  if (!value.employerId && (A_PERSON.test(value.name) || SURNAME_ONLY.test(value.name) || describesEmployer(value.name))) return null;
  // A bare word after the choice that may be a person's name (`1 张伟`): never a unit.
  if (!value.employerId && !framed && !named && !ORG_LIKE.test(value.name) && [...value.name].length <= 3 && commonSurname(value.name)) return null;
  return value;
}

/** A known employer's name or alias, or how one of them begins, typed alone (four characters or more). */
function knownUnitBegun(text: string, ctx: FlowContext): boolean {
  const t = text.replace(/\s+/gu, '');
  if (!/^[\p{Script=Han}]{4,20}$/u.test(t)) return false;
  const hits = ctx.directory.districts.flatMap((d) => d.employers).filter((e) => [e.name, ...e.aliases].some((n) => n.replace(/\s+/gu, '').startsWith(t)));
  return hits.length === 1;
}

/** A clause naming the unit after 在 (`在好再来饭店当服务员`, `在好再来饭店上班`): its name. */
function unitSaidWithEn(clause: string, ctx: FlowContext): string | null {
  const c = clause.trim();
  if (!/^(?:我|俺)?(?:现在|目前|一直|平时)?(?:就|也|都)?(?:是)?在/u.test(c)) return null;
  return unitWithJob(c, ctx) ?? unitFromNow(c, ctx);
}

/** Only a unit left is said: the unit worked at now is asked (nothing is kept of the one left). */
const CURRENT_UNIT_ASK = '入会登记的是您现在工作的单位。您现在在哪家单位上班？请写单位名称；现在没有单位的话，可以回复「返回」重新选工作方式。';

/** Known employers the short name typed begins (`宏达` → 宏达建筑): offered, never taken. */
function employersBeginning(ctx: FlowContext, typed: string): { id: string; name: string }[] {
  const t = typed.replace(/\s+/gu, '');
  if (!/^[\p{Script=Han}]{2,4}$/u.test(t)) return [];
  const districts = ctx.directory.districts.flatMap((d) => [d.name, ...d.aliases]).map((n) => n.replace(/[区县市]$/u, ''));
  const bare = (n: string) => districts.reduce((x, d) => (x.startsWith(d) && x.length > d.length + 1 ? x.slice(d.length) : x), n);
  return ctx.directory.districts
    .flatMap((d) => d.employers)
    .filter((e) => [e.name, ...e.aliases].some((n) => n !== t && (n.startsWith(t) || bare(n).startsWith(t))))
    .slice(0, 5)
    .map((e) => ({ id: e.id, name: e.name }));
}

/** The name parser's messages, in this question's words (it was written for the wage report). */
function orgError(text: string, error: string): string {
  if (error === ORG_MESSAGES.digitsOnly && /\d/.test(text)) return '请写单位的名称，不能只写数字，例如「青溪纺织有限公司」。';
  if (error === ORG_MESSAGES.digitsOnly || error === ORG_MESSAGES.empty || error === ORG_MESSAGES.notAName || error === ORG_MESSAGES.tooShort) {
    return '请写您工作单位的名称，例如「青溪纺织有限公司」「好再来饭店」。';
  }
  return error;
}

/** 常住地 or 户籍地 named alone (`户籍地`, `按户口所在地`): the kind of place to register by. */
function placeKindSaid(text: string): 'residence' | 'hukou' | null {
  const t = text.replace(/[\s，,。.!！]/gu, '').replace(/^(?:改成|改为|换成|应该是|我要|我想|想|要|就)+/u, '');
  // Slips of the pen as typed on a phone (`常驻地`, `长住地`, `户藉地`) name the same kinds.
  if (/^(?:按|用|填|写|选)?(?:户[籍藉]地?|户口(?:所在地|地)?|老家|原籍)(?:登记|吧|的)?$/u.test(t)) return 'hukou';
  if (/^(?:按|用|填|写|选)?(?:[常长](?:住|驻)地?|现住地|居住地|现在住的地方?)(?:登记|吧|的)?$/u.test(t)) return 'residence';
  return null;
}

/** Said of a 户口 or 老家 that is not here (`户口在外地`, `户口不在这边`). */
const AWAY_WORDS = /外地|外省|外县|外市|外乡|别的地方|别处|其他地方|其它地方|不在(?:这|本地|当地|我们这|咱这)|不是(?:这|本地|当地)/u;
/** Where the person's 户口 is: `户口`, `户籍`, `老家`, `原籍`. */
const HUKOU_CUE = '户口|户籍|老家|原籍|身份证上';
/** Where they live: `住`, `常住`, `租房` (not `包吃住`, `住院`, `记住`). */
const LIVE_CUE = '常住|居住|暂住|现住|租房|租的房|(?<![吃记抓挡顶忍守保站握拉稳扛撑包])住(?![院宿手])';
const PLACE_CUES = new RegExp(`(${HUKOU_CUE})|(${LIVE_CUE})`, 'gu');

/** Whether words name a place outside the area served (`湖南`, `长沙`, `外地`), and none inside it. */
export function placeAway(text: string, ctx: FlowContext): boolean {
  const s = text.replace(/\s+/gu, '');
  if (findTownship(ctx, s) || placeNamed(ctx, s)) return false;
  if (ctx.directory.districts.some((d) => [d.name, ...d.aliases].some((n) => s.includes(n.replace(/[区县市]$/u, ''))))) return false;
  // The province or city the area is in (`老家是广西的` where the area is in 广西) says nothing of away; another one named with it does.
  const rest = ownRegion(ctx).reduce((t, n) => t.replace(new RegExp(`${escapeRegExp(n)}(?:(?:壮族|回族|维吾尔)?自治区|省|市)?`, 'gu'), ''), s);
  return AWAY_WORDS.test(rest) || new RegExp(`${PROVINCES}|${CITIES}|[\\p{Script=Han}]{2,4}(?:省|自治区)`, 'u').test(rest);
}

/** Said of a home left (`以前住东龙`, `原来在白沙住`): where they lived, never where they live. */
const PAST_HOME = /以前|之前|原来|原先|过去|早先|先前|曾经|小时候|以往|上次|去年|前年|搬走/u;

/**
 * Whether every town the words name is in a clause about a home left (`以前住东龙`): none of them is where
 * they live now.
 */
function pastPlacesOnly(text: string, ctx: FlowContext): boolean {
  const placed = clausesOf(text).filter((c) => townshipsIn(ctx, c).length > 0);
  return placed.length > 0 && placed.every(homeLeft);
}

const clausesOf = (text: string) => text.split(/[\s，,。;；!！?？、]+/u).filter(Boolean);
const homeLeft = (clause: string) => PAST_HOME.test(clause) && !/(?:现在|目前|如今|眼下|这会儿)/u.test(clause);

/** The words without the clauses about a home left (`以前住东龙 现在住这边`: 现在住这边). */
const withoutHomeLeft = (text: string) => clausesOf(text).filter((c) => !homeLeft(c)).join('，');

/** The towns words name, each once (`东龙 白沙`: a bare name in a clause of its own counts too). */
function townsNamed(text: string, ctx: FlowContext) {
  return [...new Map([...clausesOf(text), text].flatMap((c) => townshipsIn(ctx, c)).map((h) => [h.township.id, h.township] as const)).values()];
}

/** `「东龙镇」是您以前住的地方。`: the home left, said back (the towns named, in the words' order). */
function pastHomeLead(text: string, ctx: FlowContext): string {
  const towns = [...new Set(townshipsIn(ctx, text).map((h) => placeText(ctx.index, { districtId: h.districtId, townshipId: h.township.id })))];
  return `${towns.map((n) => `「${n}」`).join('、')}是您以前住的地方。`;
}

/** What a message says of where the person is registered (户口) and where they live, in parts. */
interface PlaceSaid {
  kind: 'hukou' | 'residence';
  place: TownshipPlace | null;
  /** A 户口 outside the area served. */
  away: boolean;
}

/**
 * The parts of a message about the 户口 and about where one lives (`老家是湖南的我住马坪镇`:
 * 老家 湖南, 住 马坪镇), each from its cue to the next; a clause's words before its first cue
 * (`在东龙住`) go with it. A cue said not to count (`不按户口`) is left out.
 */
function placeParts(text: string, ctx: FlowContext): PlaceSaid[] {
  const parts: PlaceSaid[] = [];
  for (const clause of clausesOf(text)) {
    // `以前住东龙 现在住白沙`: a home left is no place to register by (a 户口 is where it is, whenever said).
    const left = homeLeft(clause);
    const cues = [...clause.matchAll(PLACE_CUES)].filter((m) => !(left && !m[1]));
    cues.forEach((m, i) => {
      const start = i === 0 ? 0 : m.index;
      const end = i + 1 < cues.length ? cues[i + 1]!.index : clause.length;
      if (/(?:不按|不用|不要|不想按|不是按|别按)$/u.test(clause.slice(start, m.index))) return;
      const seg = clause.slice(start, end);
      const kind = m[1] ? 'hukou' : 'residence';
      const place = findTownship(ctx, seg);
      parts.push({ kind, place, away: kind === 'hukou' && !place && placeAway(seg.slice(m.index - start + m[0].length), ctx) });
    });
  }
  return parts;
}

/**
 * Where the person would register, as the words say it: by where they live (`我住马坪镇`), and
 * always so when the 户口 is outside the area served (`户口在外地 我住东龙`: 常住地 东龙镇, the
 * 户口 is no place to register by here); by the 户口 (`户口就在马坪镇`). `both`: a 户口 here and a
 * home elsewhere here, which one is the person's to choose. Null when the words say nothing of it.
 */
type PlaceReading =
  | { placeKind: 'residence' | 'hukou'; residence: TownshipPlace | null; hukouAway: boolean }
  | { both: { hukou: TownshipPlace; residence: TownshipPlace } };
function placeReading(text: string, ctx: FlowContext): PlaceReading | null {
  const parts = placeParts(text, ctx);
  if (parts.length === 0) return null;
  const one = (list: PlaceSaid[]) => {
    const ids = new Set(list.flatMap((p) => (p.place ? [p.place.townshipId] : [])));
    return ids.size === 1 ? list.find((p) => p.place)!.place : null;
  };
  const hukou = parts.filter((p) => p.kind === 'hukou');
  const live = parts.filter((p) => p.kind === 'residence');
  const away = hukou.some((p) => p.away);
  const hukouHere = one(hukou);
  const liveAt = one(live);
  // Two places for one of them (`住东龙 也住白沙`), or a 户口 both here and away: not read.
  if (live.filter((p) => p.place).length > 0 && !liveAt) return null;
  if (hukou.filter((p) => p.place).length > 0 && (!hukouHere || away)) return null;
  // `按现在住的地方 东龙镇`, `户口在外地 东龙`: the one town of the message, said beside the kind named.
  const beside = parts.every((p) => !p.place) && hukou.length + live.length > 0 && !(hukou.length > 0 && live.length > 0 && !away) ? findTownship(ctx, withoutHomeLeft(text)) : null;
  if (away) return { placeKind: 'residence', residence: liveAt ?? beside, hukouAway: true };
  if (beside) return { placeKind: live.length > 0 ? 'residence' : 'hukou', residence: beside, hukouAway: false };
  if (hukouHere && liveAt) {
    return hukouHere.townshipId === liveAt.townshipId
      ? { placeKind: 'residence', residence: liveAt, hukouAway: false }
      : { both: { hukou: hukouHere, residence: liveAt } };
  }
  if (hukouHere) return { placeKind: 'hukou', residence: hukouHere, hukouAway: false };
  if (liveAt) return { placeKind: 'residence', residence: liveAt, hukouAway: false };
  // A kind named without a place (`按老家`, `现在住的地方`); both named, which one is not said.
  if (hukou.length > 0 && live.length === 0) return { placeKind: 'hukou', residence: null, hukouAway: false };
  if (live.length > 0 && hukou.length === 0) return { placeKind: 'residence', residence: null, hukouAway: false };
  return null;
}

/** The option at 「「东龙镇」是您住的地方…」 for neither: the kind asked plainly. */
const PLACE_KIND_PLAIN = 'placeKind:plain';

/**
 * A town said alone where the kind of place is asked, by an employee (or before the unit is settled): it may be
 * where the unit is (said after the unit's name), so it is never taken as where they live. Asked which it is,
 * with the town in each option.
 */
function townAloneAnswer(place: TownshipPlace, a: MembershipAnswers, ctx: FlowContext) {
  const town = placeText(ctx.index, place);
  const unitTown = a.employer?.employerId ? ctx.directory.districts.flatMap((d) => d.employers).find((e) => e.id === a.employer!.employerId)?.townshipId : a.workplace?.townshipId;
  const lead = unitTown === place.townshipId ? `${town}是您单位所在的地方。入会登记按您自己的常住地或户籍地，` : `「${town}」是您住的地方，还是户口所在地？`;
  return {
    ok: false as const,
    error: `${lead}请选一个：`,
    options: [
      { label: `现在住在${town}（按常住地登记）`, value: `residence:${place.townshipId}` },
      { label: `户口在${town}（按户籍地登记）`, value: `hukou:${place.townshipId}` },
      { label: '都不是，按别的地方登记', value: PLACE_KIND_PLAIN },
    ],
  };
}

/** The town said with the work (`placeSaid`), while no place is answered: offered at the 登记地 question. */
function townSaid(a: MembershipAnswers, ctx: FlowContext): { place: TownshipPlace; name: string } | null {
  if (!a.placeSaid || a.residence || !ctx.index.townshipById.get(a.placeSaid.townshipId)) return null;
  return { place: a.placeSaid, name: ctx.index.townshipById.get(a.placeSaid.townshipId)!.township.name };
}

/** Said when a 户口 outside the area served is told: the way to register here. */
const HUKOU_AWAY_ACK = '户口不在这里的，按常住地（现在住的地方）登记就行。';
/** The 户籍地 question's way out when the 户口 is not here: 常住地 instead. */
const TO_RESIDENCE = '改按常住地登记';

/** An employer answer: a picked directory employer, a typed name (matched against the directory), or "use what I typed". */
/**
 * The person's own name said as a clause of its own (`我叫黄丽`, `我是陈家豪`): never the unit's name. After 是/系 only
 * a common surname starts a name (`我是焊工`, `我是自己干的` say what they are, not who).
 */
const SELF_NAMED_CLAUSE = /^(?:我|俺|本人)(?:的名字)?(?:(?:叫|名叫)[\p{Script=Han}·]{2,4}|(?:是|系)([\p{Script=Han}]{2,3}))$/u;
const selfNamed = (clause: string) => {
  const m = SELF_NAMED_CLAUSE.exec(clause);
  return !!m && (m[1] === undefined || commonSurname(m[1]));
};

function parseEmployerAnswer(t: string, ctx: FlowContext) {
  if (t.startsWith('employer:') || t.startsWith('typed:')) return parseEmployerWords(t, ctx);
  // `我叫黄丽 在天成鞋业`: the person's name (a fact of its own) beside the unit: the unit; `我叫黄丽` alone: no unit.
  const clauses = t.trim().split(/[\s,，。;；!！]+/u).filter(Boolean);
  const own = clauses.filter((c) => selfNamed(c) && !/(?:公司|厂|店|集团|中心|医院|学校|超市|酒店|饭店|物业|单位)$/u.test(c));
  if (own.length > 0) {
    const rest = clauses.filter((c) => !own.includes(c)).join(' ');
    if (rest === '') return { ok: false as const, error: '这里问的是您上班的单位。请写单位名称，例如「青溪纺织有限公司」。' };
    return parseEmployerAnswer(rest, ctx);
  }
  // `就叫它老刘的厂`: what it is called, read as `就叫老刘的厂` is (「它老刘」 was kept).
  if (CALLED_IT.test(t)) return parseEmployerAnswer(t.replace(CALLED_IT, '叫'), ctx);
  // `以前在宏达 现在在好再来饭店`: the unit of now, read from its own words and said back; `宏达不干了`: asked.
  const current = currentUnitWords(t);
  if (current === undefined) return parseEmployerWords(t, ctx);
  if (current === null) return { ok: false as const, error: CURRENT_UNIT_ASK };
  const r = parseEmployerWords(current, ctx);
  return r.ok ? { ...r, confirm: true as const } : r;
}

/** `就叫它`, `都叫它做`: 它 is the unit, no part of what it is called. */
const CALLED_IT = /叫(?:它|牠)(?:做)?(?=\s*\p{Script=Han})/u;

function parseEmployerWords(t: string, ctx: FlowContext) {
  if (!t.startsWith('employer:') && !t.startsWith('typed:')) {
    if (WILL_ASK.test(t)) return { ok: false as const, error: '好的，不着急。问清楚了，直接把单位名称发给我就行，例如「青溪纺织有限公司」。' };
    // `我们单位没有工会`: no name (it was kept as 「没有工会」), but whether that matters: the town's union reviews it.
    if (NO_UNION_AT_UNIT.test(t.replace(/[\s,，。.!！~～]+/gu, ''))) return { ok: false as const, error: NO_UNION_AT_UNIT_REPLY };
    // `我问一下，要写全称吗`: a question, never a name (the engine answers it as one).
    if (isQuestion(t) || /^(?:我|俺)?(?:想|再)?(?:请问|问(?:一)?下|问问)$/u.test(t)) return { ok: false as const, error: '这里请写单位的名称，例如「青溪纺织有限公司」。' };
    // `记不住名字`, `buzhidao`: not known, answered as 不知道 is; `我不会打字`, `我眼睛不好`: help to answer another
    // way; `meiyou`, `laoban`, `xxx`: no unit's name, asked again.
    // `厂名我记不全 好像叫什么鑫什么的`: the name half remembered (什么 standing for what is forgotten): not known, never a
    // name (「厂名我记不全」 was kept as the unit, unconfirmed).
    if (NAME_HALF_REMEMBERED.test(t.replace(/[\s,，。]+/gu, ''))) return { ok: false as const, error: UNIT_NAME_UNKNOWN.ask, options: UNIT_NAME_UNKNOWN.options };
    // `人工湖路 选错了`, `老板名字要改`: something said to be wrong or to be changed, no name (「人工湖路」 was kept).
    if (saysChangeWanted(t)) return { ok: false as const, error: '要改前面填的内容，可以回复「返回」回到上一题。这一题请写您工作单位的名称，例如「青溪纺织有限公司」。' };
    const instead = orgNonAnswer(t);
    if (instead === 'dont-know') return { ok: false as const, error: UNIT_NAME_UNKNOWN.ask, options: UNIT_NAME_UNKNOWN.options };
    if (instead === 'cannot-type') return { ok: false as const, error: '没关系，看字、打字不方便的话，直接发语音说单位的名字就行，工作人员听了会帮您登记。也可以回复「人工」，请工作人员帮您。', options: UNIT_NAME_UNKNOWN.options };
    if (instead === 'none' || instead === 'boss') return parseEmployerWords(instead === 'none' ? '没有' : '老板', ctx);
    if (instead !== null) return { ok: false as const, error: '这还不是单位的名字。请写您工作单位的名称，例如「青溪纺织有限公司」「好再来饭店」；不知道名字的话，写老板姓什么也行。' };
    // `随便`, `都行`, `无所谓`: no unit's name (it was kept as one: 「「随便」在哪个镇或街道？」); `说不好`: not known.
    if (leftToUs(t)) {
      if (CANNOT_TELL.test(t)) return { ok: false as const, error: UNIT_NAME_UNKNOWN.ask, options: UNIT_NAME_UNKNOWN.options };
      return { ok: false as const, error: '这里要写您上班的那个单位的名称，例如「青溪纺织有限公司」「好再来饭店」；不知道全称的话，写大家平时怎么叫它、或者老板姓什么也行。' };
    }
    // `律师就算了`, `我还是不找律师算了`: a lawyer turned down, about something else than the unit (the words were kept as
    // its name); nothing taken, the unit asked again.
    if (declinesLegal(t)) return { ok: false as const, error: '好的，不约律师。这一题请写您工作单位的名称，例如「青溪纺织有限公司」「好再来饭店」。' };
    // `确认`, `好的` (a yes typed where the name is asked): never a unit's name.
    if (yesNo(t.replace(/[\s。.!！]+/gu, '')) === true) return { ok: false as const, error: '这里请写您工作单位的名称，例如「青溪纺织有限公司」「好再来饭店」。' };
    if (NOT_TOLD.test(t)) {
      return { ok: false as const, error: '入会要靠单位名称确定由哪个工会审核。不方便写全称的话，写大家平时怎么叫它也行；也可以回复「人工」。' };
    }
    // `自己开店`: no employer at all.
    if (SELF_EMPLOYED.test(t.replace(/\s+/gu, ''))) return { ok: false as const, error: SELF_EMPLOYED_REPLY, conflict: true };
    // `美团`: a platform, where orders are taken (an office worker there may still say so).
    const platform = platformAsUnit(t);
    if (platform) {
      return {
        ok: false as const,
        error: `「${platform}」是接单平台。在${platform}这样的App上接单的，属于新就业形态劳动者，请回到上一题改选2；如果您是${platform}公司的员工，就选第2项。`,
        options: [BACK_TO_WORK, { label: `我是${platform}公司的员工，就填「${platform}」`, value: `typed:${platform}` }],
        conflict: true,
      };
    }
    // `厂里`, `在超市当收银员`, `学校食堂`, `鞋厂`: which one is still to be said (a unit of the directory is named).
    const unit = unitPart(t);
    if (genericUnit(unit) && matchEmployer(ctx.directory, unit).kind !== 'exact') return whichUnitAnswer(unit);
    const found = employerFromAnswer(t, (name) => findTownship(ctx, name) !== null);
    // `没啥公司` is no name either.
    const named = found && !NO_UNIT.test(found) ? found : null;
    // `包工头姓王，没啥公司`: who they work for, not where. Union membership goes by the unit.
    if ((named && (A_PERSON.test(named) || SURNAME_ONLY.test(named) || bossNamed(t, named))) || (BOSS.test(t) && !named && !NOT_SAID.test(t))) {
      return {
        ok: false as const,
        error:
          '入会登记的是您干活的单位，不是包工头或老板本人。知道在哪家公司或哪个工地项目干活的，请写它的名称，例如「宏达建筑公司」「青溪花园项目」；确实没有单位的，可以回到上一题重新选工作方式。',
        options: [BACK_TO_WORK],
        // It contradicts 单位职工: said so, never read as a question (`没啥公司`) or another answer.
        conflict: true,
      };
    }
    // `送快递 顺丰`: the work (送快递), never the unit's name; the company said with it offered as the unit.
    if (named && !platformFrom(named) && !ORG_LIKE.test(named) && !/公司|厂|店|集团|中心|站|部|局|院|所|馆|社|行/u.test(named) && OCCUPATION_WORDS.some(([o, re]) => o !== 'other' && re.test(named))) {
      const company = platformFrom(t);
      return {
        ok: false as const,
        error: `「${short(named)}」是您做的工作。这里请写发工资的单位名称，例如「顺丰速运有限公司」；在App上接单、没有单位的，可以回到上一题改选2。`,
        options: [...(company ? [{ label: `我是${company}公司的员工，就填「${company}」`, value: `typed:${company}` }] : []), BACK_TO_WORK],
        conflict: true,
      };
    }
    if (NAMELESS.test(t)) return { ok: false as const, error: '单位没有正式名称的话，写招牌上的名字或大家平时怎么叫它就行，例如「好再来饭店」。' };
    // `我是自己干的`: on their own, but taking work (no unit: 新就业形态) or running a shop (no member)? Both told.
    if (onMyOwn(t)) {
      return {
        ok: false as const,
        error: '自己接活干、没有固定单位的，不算单位职工，可以回到上一题改选2（新就业形态劳动者）；自己开店当老板的，店主本人一般不办理入会。在单位上班的，请直接写单位名称。',
        options: [BACK_TO_WORK],
        conflict: true,
      };
    }
    // `没有公司 跟着老乡干`: whatever else is named there is not a unit's name.
    if (NO_UNIT.test(t) && !(named && ORG_LIKE.test(named))) {
      return {
        ok: false as const,
        error: '没有固定单位的话，就不算单位职工，可以按别的工作方式入会：回复1回到上一题重新选。如果有单位，直接写单位名称就行。',
        options: [BACK_TO_WORK],
        // It contradicts 单位职工: said so, never read as a question (`没啥公司`) or another answer.
        conflict: true,
      };
    }
  }
  const known = t.startsWith('employer:') ? employerById(ctx.index, t.slice('employer:'.length)) : undefined;
  if (known) return { ok: true as const, value: { name: known.employer.name, employerId: known.employer.id }, ack: unionNote(ctx, known.employer.id) };
  // `东龙镇`, `新塘`, `在河西街道上班`: a place, never the unit's name (the place is asked on its own).
  const place = t.startsWith('typed:') ? null : (placeNamed(ctx, t) ?? placeNamed(ctx, unitPart(t)));
  if (place) return { ok: false as const, error: `「${place}」是地名。这里请写您工作单位的名称，例如「青溪纺织有限公司」「好再来饭店」。` };
  // Without 在 before it and the job after it (`在饭店端盘子`: 饭店).
  const said = t.startsWith('typed:') ? t : unitPart(t);
  const found = t.startsWith('typed:') ? null : employerFromAnswer(said, (name) => findTownship(ctx, name) !== null);
  // `开饭店的`, `老板电话打不通`: said of the unit, never kept as its name.
  if (!t.startsWith('typed:') && !found && (describesEmployer(t) || describesEmployer(said))) {
    return { ok: false as const, error: '这还不是单位的名字。请写单位的名称，例如「青溪纺织有限公司」「好再来饭店」。' };
  }
  // `就是那个做电子的厂 名字记不住`: what the unit does and its kind, no name: which one asked (「做电子的厂」 was kept).
  const does = t.startsWith('typed:') || found ? null : /^(?:就是|是|在)?(?:那个|这个|一个|一家|那家|这家)?(?:做|搞|干|开|卖|生产|弄)[\p{Script=Han}]{1,4}的(工厂|厂子|厂|公司|店|饭店|超市)/u.exec(t.replace(/[\s,，]+/gu, ''));
  if (does) return whichUnitAnswer(does[1]!);
  const typed = t.startsWith('typed:') ? t.slice('typed:'.length) : (found ?? (NOT_SAID.test(t) ? '' : said));
  const p = parseOrgName(typed);
  if (!p.ok) return { ok: false as const, error: orgError(typed, p.error) };
  const m = t.startsWith('typed:') ? ({ kind: 'none' } as const) : matchEmployer(ctx.directory, p.value);
  // What is left is only a kind of unit (`就在东龙镇的一个鞋厂` → 一个鞋厂).
  if (!t.startsWith('typed:') && m.kind !== 'exact' && genericUnit(p.value)) return whichUnitAnswer(p.value);
  if (m.kind === 'exact') return { ok: true as const, value: { name: m.employer.name, employerId: m.employer.id }, ack: unionNote(ctx, m.employer.id) };
  if (m.kind === 'near') {
    return {
      ok: false as const,
      error: '您说的是下面哪一家？都不是就选最后一项。',
      options: [...m.employers.map((e) => ({ label: e.name, value: `employer:${e.id}` })), { label: `都不是，就填「${short(p.value)}」`, value: `typed:${p.value}` }],
    };
  }
  // `青溪纺只厂`, `河西物叶`: a known unit's name with one character of the same sound typed wrong: offered, never
  // taken (it was kept as another unit, unconfirmed); 都不是 keeps what was typed.
  const bySound = t.startsWith('typed:') || m.kind !== 'none' ? undefined : employerTypedBySound(ctx.directory, p.value);
  if (bySound) {
    return {
      ok: false as const,
      error: `您说的是「${bySound.employer.name}」吗？是的话选它；都不是就选最后一项。`,
      options: [{ label: bySound.employer.name, value: `employer:${bySound.employer.id}` }, { label: `都不是，就填「${short(p.value)}」`, value: `typed:${p.value}` }],
    };
  }
  // `宏达` for 宏达建筑: a short name a known unit's begins with is offered, never taken.
  const begins = t.startsWith('typed:') ? [] : employersBeginning(ctx, p.value);
  if (begins.length > 0) {
    return {
      ok: false as const,
      error: '您说的是下面哪一家？都不是就选最后一项。',
      options: [...begins.map((e) => ({ label: e.name, value: `employer:${e.id}` })), { label: `都不是，就填「${short(p.value)}」`, value: `typed:${p.value}` }],
    };
  }
  return { ok: true as const, value: { name: p.value, employerId: null } };
}

/** Whether every question is answered (the summary is shown). */
function atSummary(a: MembershipAnswers): boolean {
  return 'residence' in a && membershipFlow.fields.every((f) => (f.when && !f.when(a)) || f.id in a || f.extractOnly || f.optional);
}

/** A town named alone, maybe after `改成`, `应该是` (`应该是白沙镇`): that town; null for anything more. */
function townAlone(text: string, ctx: FlowContext): TownshipPlace | null {
  const t = text.replace(/[\s，,。.!！]/gu, '').replace(/^(?:不对|错了)?(?:改成|改为|换成|应该是|应该在|其实是|是|在)?/u, '');
  return placeNamed(ctx, t) ? findTownship(ctx, t) : null;
}

/**
 * A town said alone where a platform worker's job, platform or 接单方式 is asked (`河西街道`): never that answer.
 * Held already for the 登记地 question (`placeSaid`, said early once): said to be noted, before what is asked; a
 * town not held: said to be a place. Null for anything else. (Said the first time, extract holds it: see below.)
 */
function townNotAnswer(t: string, a: MembershipAnswers, ctx: FlowContext): string | null {
  const place = townAlone(t, ctx);
  const name = place ? ctx.index.townshipById.get(place.townshipId)?.township.name : undefined;
  if (!place || !name) return null;
  return a.placeSaid?.townshipId === place.townshipId && !a.residence && !a.placeKind ? `${name}已经记下了，等一下问登记地时再和您核对。` : `「${name}」是地方。`;
}

/** Whether the question asked now is 登记地 or 地址 (the first one still open is). */
function placeAsked(a: MembershipAnswers): boolean {
  const next = nextAsked(a);
  return next === 'placeKind' || next === 'residence';
}

/** The question asked now (the first one still open). */
/**
 * `7 开叉车的` at the occupation question (新就业形态 chosen): 其他 picked by its number, with the work said after it.
 * The pick is what they chose; the work's words (叉车: mostly a unit's job) are kept as 具体工作, never read as
 * 单位职工 against it (「您是要改成：工作方式「单位职工」」 was asked).
 */
function otherPicked(t: string, a: MembershipAnswers): boolean {
  const n = OCCUPATION_OPTIONS.findIndex((o) => o.value === 'other') + 1;
  // The occupation's options are only shown once 新就业形态 is chosen (or read: the number then is that question's).
  return a.employment !== 'employee' && !a.occupation && new RegExp(`^\\s*${n}\\s+(?=\\S)`, 'u').test(t);
}

function nextAsked(a: MembershipAnswers): string | undefined {
  return membershipFlow.fields.find((f) => (!f.when || f.when(a)) && !(f.id in a) && !f.extractOnly)?.id;
}

/**
 * The address question, where the 户籍地 was chosen: a 户口 said to be outside the area served
 * (`湖南`, `外地`), or `常住地` asked for, registers by where they live instead, said so, and the
 * question goes on as 常住地 (a town given next is where they live, never a 户籍地 they do not
 * have here). A town not found gets that way out as its last option.
 */
function residenceField(field: Field): Field {
  return {
    ...field,
    parse: (input, raw, ctx) => {
      const a = MembershipAnswers.safeParse(raw);
      const hukou = a.success && a.data.placeKind === 'hukou';
      if (input.kind === 'text' && pastPlacesOnly(input.text, ctx)) {
        return { ok: false, error: `${pastHomeLead(input.text, ctx)}请告诉我您${hukou ? '户口所在' : '现在住'}的镇或街道，例如：东龙镇、河西街道。` };
      }
      // Where 常住地 is asked, `我老家在石岭`: where they come from, not where they live (it was stored, with 户籍地);
      // `天天在东龙和马坪两边跑`: where the work takes them. Neither is said to be home: asked again, saying so.
      if (!hukou && input.kind === 'text') {
        const c = input.text.replace(/\s+/gu, '');
        if (/老家|家乡|原籍/u.test(c) && !/住|户口|户籍/u.test(c)) {
          return { ok: false, error: '老家是您从哪里来。这里问的是您现在住在哪个镇或街道，例如：东龙镇、河西街道。想按户口所在地登记的话，回复「户籍地」。', conflict: true };
        }
        if (/跑|送单|接单|拉客|上班|干活|打工/u.test(c) && !/住|家|户口|户籍|宿舍|租/u.test(c)) {
          return { ok: false, error: '这里问的是您住在哪里，不是在哪里干活。请告诉我您现在住的镇或街道，例如：东龙镇、河西街道。', conflict: true };
        }
      }
      // `以前住东龙 现在住白沙` where 常住地 is asked: where they live now, said back.
      if (!hukou && input.kind === 'text' && PAST_HOME.test(input.text)) {
        const said = placeReading(input.text.trim(), ctx);
        if (said && !('both' in said) && said.placeKind === 'residence' && said.residence) return { ok: true, value: said.residence, confirm: true };
      }
      // `东龙 白沙`, `东龙镇还是白沙镇`: two towns, which one is asked (never the one a reading lands on). Not where
      // the words say which is the 户口 and which the home (read below).
      const towns = input.kind === 'text' ? townsNamed(input.text, ctx) : [];
      if (towns.length >= 2 && (input.kind !== 'text' || !placeReading(input.text.trim(), ctx))) {
        return { ok: false, error: `您说了${towns.map((tw) => tw.name).join('、')}，是哪一个？回复数字即可。`, options: towns.map((tw) => ({ label: tw.name, value: tw.id })) };
      }
      if (!hukou || input.kind !== 'text') return field.parse(input, raw, ctx);
      const t = input.text.trim();
      const toHome = t === TO_RESIDENCE || placeKindSaid(t) === 'residence' || /^(?:改|换|就)?(?:成|为)?按?(?:常住地|现在住的地方?)(?:吧|登记)?$/u.test(t.replace(/\s+/gu, ''));
      const away = !toHome && placeAway(t, ctx) && !findTownship(ctx, t);
      if (toHome || away) {
        return {
          ok: true,
          value: undefined,
          stay: true,
          set: { placeKind: 'residence' },
          ack: `${away ? HUKOU_AWAY_ACK : '好的，按常住地登记。'}您现在住在哪个镇或街道？例如：东龙镇、河西街道。`,
        };
      }
      // `我住东龙` at the 户籍地 question: where they live, so 常住地 there, confirmed.
      const said = placeReading(t, ctx);
      if (said && !('both' in said) && said.placeKind === 'residence' && said.residence) {
        return { ok: true, value: said.residence, set: { placeKind: 'residence' }, confirm: true, ...(said.hukouAway ? { ack: HUKOU_AWAY_ACK } : {}) };
      }
      const r = field.parse(input, raw, ctx);
      if (r.ok || (r.options && r.options.length > 0)) return r;
      return { ...r, options: [...(field.options?.(raw, ctx) ?? []), { label: '户口不在这些地方，改按常住地登记', value: TO_RESIDENCE }] };
    },
  };
}

/** Picked at 「按这个号码，出生日期是…还不满16周岁」: the number is right. */
const UNDER_AGE_SURE = 'idNumber:under-age';
const UNDER_AGE_EXIT =
  `好的。工会会员要年满${MIN_MEMBER_AGE}周岁（法律规定${MIN_MEMBER_AGE}周岁才能参加工作），所以现在还不能办理入会，谢谢您对工会的信任！` +
  `等满了${MIN_MEMBER_AGE}周岁、参加工作以后，欢迎再来申请。刚才的回答没有保存。`;

/** Why the ID number is asked, who sees it and how long it is kept (the ID consent says it). */
const ID_CONSENT_LINES =
  '· 为什么要：核实身份、防止重复入会，每人只有一个会员编号；\n' +
  '· 谁能看到：号码加密保存，审核的工作人员也只能看到一部分，例如4503**********123X；\n' +
  '· 保存多久：和会籍一样，您删除信息或退会时一并删除。\n';

/**
 * The ID consent asked again after the number was typed at it (`430521199003152318` where 同意 was asked):
 * the number is not kept before the yes, and a yes takes the number typed (flows/membership-chat.ts holds it).
 */
export const ID_HELD_ASK =
  '要先征得您同意，才能记下身份证号。您刚才发来的号码还没有保存。\n' +
  ID_CONSENT_LINES +
  '您同意的话，就用刚才发来的号码，不用再输一遍。您同意吗？';

/** An 18-digit ID number inside a message (spaced in groups too). */
const ID_SPAN = /(?<![\dA-Za-z])\d{6}\s?\d{8}\s?\d{3}[\dXx](?![\dA-Za-z])/gu;

/** Said of an ID number typed while a 「…对吗？」 waits before the ID consent: not kept, asked after the yes. */
export const ID_BEFORE_CONSENT = '身份证号要等您同意提供以后才能记下，刚才发来的号码没有保存；您同意后，我会再请您输入。';

/** Words that only name the number (`身份证号是`, `我的身份证：`), left over once it is taken out. */
const ID_WORDS = /^(?:我的?)?(?:身份证号?码?|证件号码?|号码)(?:是|为)?[:：,，。.\s]*$/u;

/**
 * An ID number (or what reads as one, a digit wrong too) in a message at a 「…对吗？」 before the ID consent:
 * the note, and the message without it (and without the words naming it).
 */
function idBeforeConsent(text: string): { say: string; rest: string } | null {
  if (!new RegExp(ID_SPAN.source, 'u').test(text)) return null;
  const rest = text
    .replace(ID_SPAN, ' ')
    .split(/\s+/u)
    .filter((w) => w !== '' && !ID_WORDS.test(w))
    .join(' ')
    .replace(/(?:我的?)?(?:身份证号?码?|证件号码?)(?:是|为)?[:：]?\s*$/u, '')
    .trim();
  return { say: ID_BEFORE_CONSENT, rest };
}

/**
 * The ID consent, which also reads a yes or no said after the number (`430521199003152318 同意`): the yes is
 * the consent, and the number (a fact of the message) is confirmed after it, as a fact said with a yes is.
 */
/** Agreeing to give the ID number in the question's own verb: `给吧`, `可以给`, `给你呗 没事`. */
const GIVE_IT = /^(?:那|行|好)?(?:就)?(?:可以|能)?(?:给就给|给|给你|给你们)(?:吧|呗|啊|呀|了|的)*(?:没事|没关系|无所谓|没问题)?(?:的|了|啊|吧)*$/u;

/** The ID number agreed to in a clause naming it: `给身份证可以`, `身份证号可以给`, `身份证给你们吧`. */
const ID_GIVEN = /^(?:那|行|好)?(?:给(?:你们?)?身份证号?码?(?:可以|行|没问题|没事|也行|是可以的)|身份证号?码?(?:可以|能|就)?给(?:你们?)?)(?:吧|呗|啊|的|了)*$/u;

function idConsentField(field: Field): Field {
  return {
    ...field,
    before: idBeforeConsent,
    parse: (input, raw, ctx) => {
      const r = field.parse(input, raw, ctx);
      if (r.ok || input.kind !== 'text') return r;
      // `给吧 没事`, `可以给`, `给你呗`: the number agreed to be given (给 is the question's own verb), a yes.
      if (GIVE_IT.test(input.text.replace(/[\s,，。.!！~～]+/gu, ''))) return field.parse({ kind: 'text', text: 'yes' }, raw, ctx);
      // `给身份证可以 电话就不留了`: the number agreed to in a clause of its own; what else is said (the phone not to be
      // left) is for its own question. Never when the number is refused in the same words.
      const clauses = input.text.split(/[\s,，。.!！~～;；]+/u).filter(Boolean);
      if (clauses.length > 1 && clauses.some((c) => ID_GIVEN.test(c)) && !ID_REFUSED.test(input.text.replace(/\s+/gu, ''))) return field.parse({ kind: 'text', text: 'yes' }, raw, ctx);
      const rest = input.text.replace(ID_SPAN, ' ').trim();
      return rest !== '' && rest !== input.text.trim() && yesNo(rest) !== null ? field.parse({ kind: 'text', text: rest }, raw, ctx) : r;
    },
  };
}

/** How the person works: the two choices of the employment question. */
const EMPLOYMENT_OPTIONS = [
  { label: '单位职工（在公司、工厂、商店、机关等单位上班）', value: 'employee', words: EMPLOYEE_WORDS },
  {
    label: '新就业形态劳动者（货车司机、快递员、外卖配送员、网约车司机、家政、网络主播等）',
    value: 'new_form',
    words: NEW_FORM_WORDS,
  },
];
/** A unit said to pay (`公司给底薪`, `学校发工资`). */
const UNIT_PAYS = /(?:公司|厂|单位|学校|医院|超市|店|老板|站里|站点|公会)(?:里)?(?:给|发|开)(?:底薪|工资|保底|月薪|基本工资)/u;
/** Work inside a parcel station or warehouse (`在快递站里面分拣`): its staff or a platform's, which is not said. */
const AT_PARCEL_STATION = /(?:快递站|快递点|驿站|网点|分拣中心|分拨中心)(?:里面?|里头)?(?:分拣|上班|干活|打包|理货|卸货)|^在?(?:快递|仓库)?分拣/u;
/** Work that may be either (`在公司当主播 公司给底薪`): what tells them apart. */
const EMPLOYMENT_EITHER =
  '这样的工作两种都有可能：是公司、单位招的，由单位发工资（有底薪也算）的，选1；主要靠平台接单、按单算钱的，选2。';
/** Not knowing which of the two: what tells them apart. */
const EMPLOYMENT_UNSURE =
  '没关系，这样分：在公司、工厂、商店、机关这些单位上班，由单位发工资的，选1；送外卖、送快递、开货车或网约车、做家政、当主播，靠平台或自己接活的，选2。';

export const membershipFlow = defineFlow({
  id: 'membership',
  version: 3,
  title: '加入工会',
  schema: MembershipAnswers,
  fixAfterSubmit: '入会申请已经提交，提交后的内容在这里改不了。哪一项填错了，请回复「人工」，告诉工作人员对的是什么，他们核实后帮您处理。',
  reviewIntro: (a, ctx) => {
    const u = unionForAnswers(a, ctx);
    return `请核对您的入会申请${u ? `（提交后由「${u.name}」审核）` : ''}：`;
  },
  fields: (f) => [
    f.consent('consent', {
      ask:
        '加入工会后，您可以：\n' +
        '· 遇到欠薪、工伤、劳动纠纷时，得到工会的帮助和免费法律服务；\n' +
        '· 享受工会的困难帮扶、互助保障、节日慰问等会员服务；\n' +
        '· 参加技能培训和工会活动，有事有人替您说话。\n\n' +
        '办理入会需要您的姓名、身份证号、手机号、工作情况和户籍地或常住地：\n' +
        '· 用途：只用于办理入会、管理会籍和为您提供会员服务；\n' +
        '· 谁能看到：审核您申请的工会工作人员；\n' +
        '· 保存多久：会籍存续期间一直保存，您随时可以回复「删除我的信息」删除。\n' +
        '您同意吗？',
      refusedExit: '好的，没有您的同意我们不会收集任何信息，也没有保存您的回答。需要时随时可以再来找我。',
      help: '入会要登记会员信息，所以需要您的同意。不同意也没关系，我们不会保存任何内容；也可以到工会服务站现场办理。',
      // `不是我入 是帮我妈问的`: for someone else, neither a yes nor a no (its 不是 was taken as 不同意, the flow left):
      // she applies herself; the person's own consent asked again.
      asked: (t) => {
        const who = behalfMidForm(t) ?? behalfAsked(t);
        return who ? behalfMidFormText(who, '回复1同意') : null;
      },
    }),
    idConsentField(
      f.consent('idConsent', {
        // A number already among the answers (a rejected application's, filled in again): the question is about keeping it.
        ask: (a) =>
          (a.idNumber ? '您的身份证号，要您单独同意后我们才能保存：\n' : '另外，身份证号需要您单独同意：\n') +
          ID_CONSENT_LINES +
          (a.idNumber ? '您同意吗？' : '您同意提供身份证号吗？'),
        retry: '请回复1表示同意提供身份证号，回复2表示不同意。',
        refusedExit: '好的。没有身份证号没法在这里办理入会，您可以带上身份证到附近的工会服务站现场办理，或回复「人工」咨询。刚才的回答没有保存。',
        help: '工会要确认每位会员的身份，身份证号只用于这个目的，加密保存。',
      }),
    ),
    declarationField(f.text('declaration', {
      // A gate like the consents: facts from the opening message wait until it is confirmed.
      gate: true,
      yesNo: true,
      ask: `入会声明：加入工会要本人自愿。请确认：\n${DECLARATION_LINES.map((l) => `· ${l}`).join('\n')}\n${DUES_IN_GENERAL}\n您确认以上声明吗？`,
      options: () => [
        { label: '确认，自愿加入', value: 'yes' },
        { label: '不确认', value: 'no' },
        // `承认 但是我没钱交会费`: the worry is answered and the declaration asked again, never taken as a yes.
        { label: '先问问会费', value: 'dues', words: DUES_WORDS },
      ],
      parse: (t, _a, ctx) => {
        // `愿意 但是不想交会费`: not a yes to a declaration that says 按规定交纳会费. The worry is answered.
        // Answered and asked again, not a wrong answer (no miss counted).
        if (t === 'dues' || DUES_WORRY.test(t.replace(/\s+/gu, ''))) return { ok: true, stay: true, ack: DUES_REPLY };
        const yes = declarationAnswer(t.trim());
        if (yes === null) {
          // An ID number typed here that cannot be one (a digit wrong): said so, nothing kept; the declaration first.
          const span = t.match(ID_SPAN)?.[0];
          const id = span ? parseIdNumber(span.replace(/\s+/gu, ''), ctx.now) : null;
          if (id && !id.ok) return { ok: false, error: ID_AT_DECLARATION_TEXT };
          return { ok: false, error: '请回复1表示确认入会声明，回复2表示不确认。' };
        }
        if (!yes) {
          return {
            ok: true,
            value: ctx.now.toISOString(),
            exit: '好的。加入工会完全自愿，不确认声明就不能办理，我们也没有保存您的回答。以后想加入，随时回复「我要入会」。',
          };
        }
        return { ok: true, value: ctx.now.toISOString() };
      },
      // The value is when it was confirmed; asked again (返回), what was picked reads as its option.
      show: () => '确认，自愿加入',
      // `要交多少钱啊`, `一个月要给多少`: at the declaration, a price asked is the dues (option 3), never 「答不上来」.
      asked: (t) => (asksDues(t) ? DUES_ANSWER : null),
      help: '《中国工会章程》是工会的基本规定，写明了会员的权利和义务，例如参加工会活动、按规定交会费。入会必须本人自愿，确认后才能继续填写；不确认也没关系，我们不会保存任何内容。',
    })),
    f.text('name', {
      label: '姓名',
      ask: '请输入您的姓名，要和身份证上的一致。',
      notText: '请用文字输入您的姓名。',
      freeText: true,
      names: /姓名|名字/,
      // The name on the ID card: a form of address (王师傅, 小王) is not one; words around it are no part of it.
      // `是给我妈办的 她叫李秀英`: someone else's, never taken as the applicant's.
      // `随便`, `你定`: no name (「我理解的是：姓名「随便」」 was asked).
      parse: (t, _a, ctx) => (leftToUs(t) ? { ok: false, error: '这里要写您自己的姓名，和身份证上的一致，例如“王建国”。' } : memberName(t, ctx)),
      show: (v) => v,
      help: '写身份证上的姓名，少数民族姓名中间的「·」可以用点代替。',
    }),
    f.text('idNumber', {
      label: '身份证号',
      ask: '请输入您的18位身份证号码（港澳台居民居住证、外国人永久居留身份证也可以）。',
      notText: '请用文字输入身份证号。',
      names: /身份证号?|证件号/,
      parse: (t, _a, ctx) => {
        // Under 16 by the number, said to be right (the option offered below): told kindly, nothing kept.
        // (The flow is left: no value is kept, so none is given.)
        if (t === UNDER_AGE_SURE) return { ok: true, value: undefined as unknown as IdNumber, exit: UNDER_AGE_EXIT };
        const typed = parseIdNumber(t.replace(/^(?:我的)?(?:身份证号码?|身份证|证件号)(?:是|:)?/u, ''), ctx.now);
        // `身份证 110101 1990 0307 1233 手机 139 1234 5678`: the one number in the words (the phone is read as a fact).
        const inWords = typed.ok || behalfMidForm(t) ? null : findIdNumber(idDigits(t).text, ctx.now);
        const p = inWords ? ({ ok: true, value: inWords } as const) : typed;
        if (!p.ok) {
          // `是给我妈办的`: someone else's number is not asked for here; `我不想给身份证`: why it is needed, and the ways on.
          const who = behalfMidForm(t);
          if (who) return { ok: false, error: behalfMidFormText(who, '输入您自己的身份证号'), conflict: true };
          if (ID_REFUSED.test(t.replace(/\s+/gu, '')) || ID_REFUSED_BARE.test(t.replace(/[\s,，。.!！]+/gu, ''))) return { ok: false, error: ID_REFUSED_TEXT, conflict: true };
          // `九零年的`, `我36岁`: the age or the year of birth, which the number gives; the number asked for plainly.
          if (!/\d{6,}/u.test(t) && BORN_SAID.test(t.replace(/\s+/gu, ''))) return { ok: false, error: BORN_SAID_TEXT };
          // `等下 我去拿身份证`: not at hand yet.
          if (!/\d/u.test(t) && ID_LATER.test(t.replace(/\s+/gu, ''))) return { ok: false, error: ID_LATER_TEXT };
          // `没错啊 就是这个` after a number that did not check: what is wrong said plainly (not 「只能包含数字」).
          if (!/\d/u.test(t) && ID_INSISTED.test(t.replace(/[\s,，。.!！~～]+/gu, ''))) return { ok: false, error: ID_INSISTED_TEXT };
          return p;
        }
        // Under 16 by the number: most often a digit typed wrong. The birth date it gives is read back and the
        // number asked again; nothing is thrown away (or kept) before the person says it is right.
        if (p.value.age < MIN_MEMBER_AGE) {
          const [y, m, d] = p.value.birthDate.split('-').map(Number);
          return {
            ok: false,
            error:
              `按这个号码，出生日期是${y}年${m}月${d}日，还不满${MIN_MEMBER_AGE}周岁。是不是有一位输错了？` +
              `请核对身份证，重新输入18位号码；号码没有错的话，回复「号码没错」。`,
            options: [{ label: '号码没错', value: UNDER_AGE_SURE, yes: true }],
          };
        }
        // Read out in Chinese numerals (`四五零一…`): a reading of the words, shown back masked before it counts.
        return idDigits(t).spoken ? { ok: true, value: p.value, confirm: true } : { ok: true, value: p.value };
      },
      // Why it is asked, a lost card, a number not remembered, a wish to skip (idAsked); `我不想填这个`, `不想说`
      // (read elsewhere as not saying): why the number is needed, and the ways on.
      asked: (t) => idAsked(t) ?? (!/\d/u.test(t) && refusesToSay(t) ? ID_REFUSED_TEXT : null),
      show: (v) => maskIdNumber(v.id),
      help: '身份证正面下方的18位号码，最后一位可能是X。号码用来核实是您本人、防止重复入会；加密保存，工作人员只能看到一部分，不会给老板。',
    }),
    f.phone('phone', { ask: '您的手机号是多少？审核结果和会员服务会用到。', help: '请填能打通的11位手机号，加密保存。' }),
    f.text('employment', {
      label: '工作方式',
      ask: '您现在是怎么工作的？',
      options: () => EMPLOYMENT_OPTIONS,
      names: /工作方式|工作情况/,
      // `不知道选哪个`: what tells the two apart, with the same two choices (said again, the usual answer to not knowing).
      unsure: () => ({ ask: EMPLOYMENT_UNSURE, options: EMPLOYMENT_OPTIONS }),
      // `我在东莞上班`: outside the area served, said as the opening message says it; never 单位职工 read from 上班.
      asked: (t, _a, ctx) => {
        const away = elsewhere(t, ctx);
        if (away) return elsewhereText(away, ctx);
        // `在公司当主播 公司给底薪`, `在快递站里面分拣`: work of a platform's kind at a unit (or paid by it), which may be
        // either: what tells them apart, then the question again (新就业形态 had been stored from 主播, 快递).
        const c = t.replace(/\s+/gu, '');
        if ((UNIT_PAYS.test(c) && workFrom(t)?.kind === 'new_form') || AT_PARCEL_STATION.test(c)) return EMPLOYMENT_EITHER;
        // `为啥要问这个`: why (which union reviews it), then the question again.
        return whyWorkAsked(t) ? WHY_EMPLOYMENT : null;
      },
      parse: (t, a) => {
        if (t === 'employee' || t === 'new_form') return { ok: true, value: t };
        // 2 picked where `送快递 顺丰` asked which: the work and the network said with it, confirmed with the choice.
        const kept = /^new_form:([a-z_]+):(.*)$/u.exec(t);
        if (kept && OCCUPATION_OPTIONS.some((o) => o.value === kept[1])) {
          const occupation = kept[1] as Occupation;
          const platform = kept[2] && PLATFORMS[occupation].includes(kept[2]) ? kept[2] : null;
          return { ok: true, value: 'new_form', set: { employment: 'new_form', occupation, ...(platform ? { platform } : {}) }, confirm: true };
        }
        // `退休了`, `学生`, `没工作`: told honestly who can join, not the options again.
        const idle = notWorking(t);
        if (idle) return { ok: false, error: NOT_WORKING_REPLY[idle], conflict: true };
        // `以前跑外卖`, nothing said of now: the work given up is none of today's (it was stored as 新就业形态).
        if (workNow(t) === '') return { ok: false, error: '这里问的是您现在的工作。现在在单位上班、由单位发工资的，回复1；现在在平台接单或没有固定单位的，回复2。' };
        const work = workFrom(t);
        // `没固定单位`, `没有单位` (what option 2 is said to be): that option, confirmed. Never a bare `没有`.
        if (work === null && noFixedUnit(t) && UNIT_DENIED.test(t.replace(/\s+/gu, ''))) return { ok: true, value: 'new_form', confirm: true };
        if (work?.kind === 'new_form') {
          // A change from 单位职工 (`不对 是送快递的` at its confirmation, or at the summary): the work said
          // with it is kept too, as the occupation question would take it (it would be asked again otherwise).
          if (a.employment === 'employee' && work.occupation) {
            const other = work.occupation === 'other' ? OTHER_PLATFORM_WORK.find(([re]) => re.test(t))?.[1] : undefined;
            if (work.occupation !== 'other' || other) {
              return { ok: true, value: 'new_form', set: { employment: 'new_form', occupation: work.occupation, ...(other ? { occupationOther: other } : {}) } };
            }
          }
          return { ok: true, value: 'new_form' };
        }
        // A job at a unit (`在饭店端盘子`) is a reading, not a choice: extract offers it with the rest
        // the words say, to confirm (a confirmed answer here would clear the unit said with it).
        if (work?.kind === 'employee') return a.employment === 'employee' ? { ok: true, value: 'employee' } : { ok: false, error: WORK_EITHER_QUESTION };
        // Could be either (`送快递 顺丰`): the whole message says so, never a clause of it read alone (`送快递`: 新就业形态,
        // the 顺丰 said with it dropped). The work said is kept for the choice of 2 (not asked again).
        if (work?.kind === 'ask' && work.occupation) {
          return {
            ok: false,
            error: work.question,
            options: [
              { label: work.labels?.[0] ?? '单位职工（签了劳动合同、由公司发工资）', value: 'employee' },
              { label: work.labels?.[1] ?? '新就业形态劳动者（在App上抢单、按单算钱）', value: `new_form:${work.occupation}:${work.network ?? ''}` },
            ],
            conflict: true,
          };
        }
        if (work?.kind === 'ask') return { ok: false, error: work.question };
        if (saysSomeWork(t)) return { ok: false, error: WORK_EITHER_QUESTION };
        // `美团`, `饿了么`, `货拉拉`: where orders are taken (its office's staff are employees): which one, asked.
        const platform = platformAsUnit(t);
        if (platform) return { ok: false, error: `在${platform}上接单的，回复2（新就业形态劳动者）；如果您是${platform}公司的员工，由公司发工资，回复1（单位职工）。` };
        return { ok: false, error: '请回复1（单位职工）或2（新就业形态劳动者）。' };
      },
      show: (v) => (v === 'employee' ? '单位职工' : '新就业形态劳动者'),
      clears: ['employer', 'workplace', 'occupation', 'occupationOther', 'platform', 'riderType'],
      help: '在一家单位上班、单位给您发工资的，选1；在平台接单、没有固定单位的，选2。',
    }),
    f.text('employer', {
      label: '工作单位',
      when: (a) => a.employment === 'employee',
      ask: '您在哪家单位工作？请写单位全称，例如：青溪纺织有限公司。',
      notText: '请用文字告诉我单位名称。',
      freeText: true,
      names: /工作单位|单位|公司/,
      parse: (t, _a, ctx) => parseEmployerAnswer(t, ctx),
      // `好像叫什么鑫什么的` (read as a question for its 什么): the name half remembered; where a name can be found.
      asked: (t) => (NAME_HALF_REMEMBERED.test(t.replace(/[\s,，。]+/gu, '')) ? UNIT_NAME_UNKNOWN.ask : null),
      // `不知道名字`: where a name can be found, and the ways on (once; said again, the usual answer to not knowing).
      unsure: () => UNIT_NAME_UNKNOWN,
      show: (v) => v.name,
      clears: ['workplace'],
      help: '写营业执照上的名称最好。单位有自己工会的，由单位工会审核；没有的，由单位所在镇街的工会审核。',
    }),
    f.township('workplace', {
      label: '单位所在地',
      when: (a) => a.employment === 'employee' && !!a.employer && !a.employer.employerId,
      ask: (a) => `「${short(a.employer?.name ?? '')}」在哪个镇或街道？您的申请会交给那里的工会审核。例如：东龙镇、河西街道。`,
      match: MEMBER_WORKPLACE,
      names: /单位所在地|单位在/,
      show: (v, _a, ctx) => placeText(ctx.index, v),
      help: '单位在哪个镇或街道，就由那里的工会（乡镇、街道总工会）审核您的申请。',
    }),
    f.text('occupation', {
      label: '职业',
      when: (a) => a.employment === 'new_form',
      ask: '您做的是哪种工作？回复数字即可。',
      options: () => OCCUPATION_OPTIONS,
      names: /职业|工种/,
      // `问这个干嘛`: why it is asked, then the question again.
      asked: (t) => (whyWorkAsked(t) ? WHY_OCCUPATION : null),
      parse: (t, a, ctx) => {
        // A taxi is none of these (网约车 is ride-hailing): a taxi company's driver is an employee.
        if (isTaxi(t) && !/网约|滴滴|专车|快车/u.test(t)) {
          return { ok: false, error: '出租车不算网约车。在出租车公司开车的是单位职工，可以回复「返回」回到上一题改选1；开网约车的，回复4。' };
        }
        // `我不是骑手 我在厂里上班`, `我在公司上班`: work at a unit, which 单位职工 (the question before) is; the way back to it
        // said (the words were 「没认出…是哪种工作」, and 其他 the only way on).
        if (UNIT_JOB.test(t.replace(/\s+/gu, '')) && !occupationFrom(t) && platformsIn(t).length === 0) {
          return { ok: false, error: '在单位上班、由单位发工资的，是「单位职工」。请回复「返回」回到上一题改选1；如果您还在平台接单，就从下面选这份工作。' };
        }
        // `跑外卖也送快递`: two kinds of work, which is the main one asked (never the first taken).
        const several = occupationsSaid(t);
        if (several.length >= 2) {
          const names = OCCUPATION_OPTIONS.filter((o) => several.includes(o.value as Occupation)).map((o) => o.label);
          return { ok: false, error: `您说了${names.join('和')}，主要做的是哪一个？请从下面选，回复数字即可。`, conflict: true };
        }
        const o = occupationFrom(t);
        // `跑美团的`: the platform is said too (a verb and its name), taken with it rather than asked about.
        // `刚才选错了 我是送外卖的 美团`: a platform of that work named beside it, no other and none denied, too.
        const beside = o ? platformFrom(t) : null;
        const own = !!beside && PLATFORMS[o!].includes(beside) && !PLATFORM_DENIED.test(t);
        const platform = o && (own || PLATFORM_WORK.some(([x, re]) => x === o && re.test(t))) ? platformFrom(t) : null;
        if (o && platform && platformsIn(t).length === 1) return { ok: true, value: o, set: { occupation: o, platform } };
        // `跑滴滴的 主要是滴滴 有时候晚上也接点货拉拉`: the main platform of that work, confirmed with it.
        const main = o && platformsIn(t).length >= 2 ? mainPlatformOf(t) : null;
        if (o && main && PLATFORMS[o].includes(main) && !PLATFORM_DENIED.test(t)) return { ok: true, value: o, set: { occupation: o, platform: main }, confirm: true };
        if (o) return { ok: true, value: o };
        // `给人家带小孩`, `每天开着电驴送包裹`: the work described, not named (it was 「没认出…是哪种工作」): proposed.
        const described = describedWork(t);
        if (described) return { ok: true, value: described, confirm: true };
        // `美团和饿了么都跑`: platforms of one kind of work, with a verb: that work, confirmed (the main platform is asked next).
        const named = platformsIn(t);
        const kinds = [...new Set(named.map((p) => (Object.entries(PLATFORMS) as [Occupation, string[]][]).find(([, list]) => list.includes(p))?.[0] ?? null))];
        if (named.length >= 2 && kinds.length === 1 && kinds[0] && /跑|送|接单|开|拉/u.test(t)) return { ok: true, value: kinds[0], confirm: true };
        // `我是单干的`: how they work (on their own), not what work: never kept as 其他「单干」.
        if (onMyOwn(t)) return { ok: false, error: ON_MY_OWN_WORK };
        // `打零工`, `灵活就业`: 其他, with what they said, confirmed first.
        const odd = oddJobSaid(t);
        if (odd && !occupationWords(t)) return { ok: true, value: 'other', set: { occupation: 'other', occupationOther: odd }, confirm: true };
        // `7 在菜市场卖菜`: 其他 picked by its number, the work said after it in any words (as 具体工作 takes them).
        const afterOther = new RegExp(`^\\s*${OCCUPATION_OPTIONS.findIndex((o) => o.value === 'other') + 1}[\\s,，、.。]+([\\p{Script=Han}]{2,12}?)(?:的)?[。.!！]*$`, 'u').exec(t)?.[1];
        if (afterOther && !occupationWords(afterOther) && !platformFrom(afterOther) && !NOT_A_TRADE.test(afterOther) && !/不|没|吗|呢|吧|其他|其它|别的|随便|什么|啥|怎么|谢谢|好的/u.test(afterOther)) {
          return { ok: true, value: 'other', set: { occupation: 'other', occupationOther: afterOther }, confirm: true };
        }
        // Work none of the options names: read as 其他 with what they said, and confirmed first.
        const work = otherWork(t);
        // The field itself first in `set`: confirmed values are set in order, and a changed 职业 clears 具体工作.
        if (work) return { ok: true, value: 'other', set: { occupation: 'other', occupationOther: work }, confirm: true };
        // `保安`, `电焊工`: a trade said bare is that work too (it was 「没认出「保安」是哪种工作」).
        if (RIDER_ONLY.test(t.replace(/\s+/gu, ''))) return { ok: false, error: WHICH_RIDER };
        const trade = tradeNamed(t);
        if (trade) return { ok: true, value: 'other', set: { occupation: 'other', occupationOther: trade }, confirm: true };
        if (DRIVER_ONLY.test(t.replace(/\s+/gu, ''))) return { ok: false, error: WHICH_DRIVER };
        const town = townNotAnswer(t, a, ctx);
        if (town) return { ok: false, error: `${town}您做的是哪种工作？请从下面选一个，都不是就选「其他」。` };
        // `对` after a town said early was noted (「我先记下…」): heard, and the job asked again (never 「没认出「对」」).
        if (a.placeSaid && !a.residence && !a.placeKind && yesNo(t) === true) return { ok: false, error: '好的。您做的是哪种工作？请从下面选一个，都不是就选「其他」。' };
        return { ok: false, error: `没认出「${short(t)}」是哪种工作。请从下面选一个，都不是就选「其他」。` };
      },
      show: (v) => OCCUPATION_NAMES[v],
      clears: ['occupationOther', 'platform', 'riderType'],
      help: '选最接近您现在工作的一项；都不是的话选「其他」，再简单写一下。',
    }),
    f.text('occupationOther', {
      label: '具体工作',
      when: (a) => a.employment === 'new_form' && a.occupation === 'other',
      ask: '请简单写一下您做什么工作，例如：代驾、跑腿、网店客服。',
      freeText: true,
      parse: (text, a, ctx) => {
        if (onMyOwn(text)) return { ok: false, error: '单干的也请写一下具体做什么工作，例如：代驾、跑腿、网店客服。' };
        // `河西街道`: a place, never kept as the work.
        const town = townNotAnswer(text, a, ctx);
        if (town) return { ok: false, error: `${town}请简单写一下您做什么工作，例如：代驾、跑腿、网店客服。` };
        // `随便`, `说不好`: no work's name (it was kept as the 具体工作).
        if (leftToUs(text)) return { ok: false, error: '请说说您平时具体干什么活，例如：代驾、跑腿、网店客服。说不清的话，可以回复「人工」请工作人员帮您。' };
        // `我是搞绿化的 给园林公司修剪树 按天算钱`: the work said first (a verb or 的 says it is work), then how it goes:
        // the work, confirmed (never the whole story, nor a clause of it like 按天算钱).
        const clauses = text.trim().split(/[,，。;；!！\s]+/u).filter(Boolean);
        const lead = otherWork(text) === null && clauses.length >= 2 ? otherWork(clauses[0]!) : null;
        if (lead && /^[\p{Script=Han}]{2,8}$/u.test(lead)) return { ok: true, value: lead, confirm: true };
        const t = (otherWork(text) ?? text.trim())
          .replace(/^(?:就是|主要是|其实是|我是|我做|做|干|我干|搞)+/u, '')
          .replace(/(?:的|啦|呀|哦|嘛|吧|呢|哈|咯|噢|嘞)+[。.!！~～]*$/u, '');
        if (!/^[\p{Script=Han}A-Za-z0-9 ·、，,（）()-]{2,20}$/u.test(t) || /^\d+$/.test(t)) {
          return { ok: false, error: '请用2到20个字写一下您做什么工作，例如：代驾。' };
        }
        return { ok: true, value: t };
      },
      show: (v) => v,
      help: '一句话说清楚就行，工会工作人员会和您核对。',
    }),
    f.text('platform', {
      label: '接单平台',
      when: (a) => a.employment === 'new_form',
      optional: true,
      ask: (a) => {
        const list = PLATFORMS[a.occupation ?? 'other'];
        return `您主要在哪个平台接单？${list.length > 0 ? `例如：${list.join('、')}。` : ''}没有固定平台就回复「没有」。`;
      },
      options: (a) => [...PLATFORMS[a.occupation ?? 'other'].map((p) => ({ label: p, value: p })), { label: '没有固定平台', value: '没有', words: NO_PLATFORM }],
      names: /平台/,
      parse: (text, a, ctx) => {
        const t = text.trim();
        // '' = no platform (null would read as "not answered" in the summary).
        if (NO_PLATFORM.test(t)) return { ok: true, value: '' };
        // `不用app 附近饭店直接打电话叫我`: no platform, in other words (confirmed; it was kept as the platform's name).
        if (NO_APP.test(t.replace(/\s+/gu, '')) && platformsIn(t).length === 0) return { ok: true, value: '', confirm: true };
        // `美团和饿了么都跑`: several named; the main one is asked, none dropped unasked.
        const named = platformsIn(t);
        // `饿了么的 之前在美团干过半年 现在只跑饿了么`: the one run now, the other left; said back to confirm.
        const main = named.length >= 2 ? mainPlatformOf(t) : null;
        if (main) return { ok: true, value: main, confirm: true };
        if (named.length >= 2) {
          return {
            ok: false,
            error: `您在${named.join('、')}都接单。请选一个主要的（接单最多的那个）：`,
            options: named.map((p) => ({ label: p, value: p })),
            conflict: true,
          };
        }
        const known = platformFrom(t);
        // `顺丰 刚才选错了 我是快递员`: the platform, and the work picked before said to be wrong. Both confirmed (the
        // work was kept as it was, 货车司机 with 顺丰, the change lost).
        const work = known && a.occupation ? occupationFrom(t) : null;
        if (known && work && work !== a.occupation && WORK_WRONG.test(t) && PLATFORMS[work].includes(known)) {
          return { ok: true, value: known, set: { occupation: work, platform: known }, confirm: true };
        }
        if (known) return { ok: true, value: known };
        // `mei tuan`, `huo la la` (typed in pinyin): the platform spelled, proposed in characters.
        const spelled = platformSpelled(t);
        if (spelled) return { ok: true, value: spelled, confirm: true };
        // `说不好`: not known, passed over as 不知道 is; `随便`, `你猜`, `啥都有`: no platform's name, asked again.
        if (leftToUs(t)) {
          if (CANNOT_TELL.test(t)) return { ok: true, value: null };
          return { ok: false, error: '这里请写您接单最多的那个平台（App），例如：美团。没有固定平台就回复「没有」，不清楚就回复「跳过」。', conflict: true };
        }
        // `对`, `好的`: no platform's name (never kept as one: 「您在对是专送还是众包？」).
        if (yesNo(t) !== null) return { ok: false, error: '这里请写接单用的平台（App）名称，例如：美团。没有固定平台就回复「没有」。' };
        // `专送`, `众包`: how orders are taken (asked next), not where.
        if (/^(?:是|跑|做|干|我是|我跑)?(?:专送|众包)(?:的|骑手|吧)?$/u.test(t.replace(/\s+/gu, ''))) {
          return { ok: false, error: '专送、众包是接单方式，等一下会问。这里请写接单用的平台（App），例如：美团、饿了么。没有固定平台就回复「没有」。', conflict: true };
        }
        // `我是单干的`: on their own, which says nothing of the app they take orders on (never kept as its name).
        if (onMyOwn(t)) return { ok: false, error: '自己单干也可以在平台上接单。您主要在哪个平台（App）接单？没有固定平台就回复「没有」。' };
        // `都跑`, `不一定`, `好几个`: several, none named.
        if (SEVERAL_PLATFORMS.test(t.replace(/\s+/gu, ''))) {
          return { ok: false, error: '在几个平台都接单的话，写接单最多的那一个就行，例如：美团。没有固定平台就回复「没有」。', conflict: true };
        }
        // `东龙镇`, `我住东龙镇`: where they live (the residence question's, held for it), never kept as a platform's name.
        if (placeNamed(ctx, t) || findTownship(ctx, t) || /^(?:我|俺)?(?:住|家住|常住|户籍|户口|老家)|(?:镇|街道|乡|村|社区|县)$/u.test(t.replace(/\s+/gu, ''))) {
          return { ok: false, error: `${townNotAnswer(t, a, ctx) ?? ''}这里请写接单用的平台（App）名称，例如：美团。没有固定平台就回复「没有」。` };
        }
        // `开出租的`, `送快递的`: what they do, not where they take orders (never kept as a platform's name).
        if (isTaxi(t)) return { ok: false, error: '出租车不算网约车平台。这里请写接单用的App名称，例如：滴滴；开的是出租车的话，可以回复「返回」改前面的选择。' };
        if (occupationFrom(t) || /^(?:我是|我|俺)?(?:开|跑|送|做|干|当|搞|拉)[\p{Script=Han}]{1,8}的?$/u.test(t)) {
          return { ok: false, error: '这里请写接单用的平台（App）名称，例如：美团。没有固定平台就回复「没有」。' };
        }
        // A sentence (`我是…`, `…的`, `…吗`) is no platform's name.
        if (/^(?:我|俺|是)|[的吗呢吧啊呀哦嘛]$/u.test(t.replace(/[\s。.!！~～]+$/gu, ''))) {
          return { ok: false, error: '这里请写接单用的平台（App）名称，例如：美团。没有固定平台就回复「没有」。' };
        }
        if (!/^[\p{Script=Han}A-Za-z0-9 ·&-]{1,20}$/u.test(t) || /^\d+$/.test(t) || /几个|好几|很多|不少|退回|返回/.test(t)) {
          return { ok: false, error: '平台名称请用文字写，例如：美团。没有固定平台就回复「没有」。' };
        }
        return { ok: true, value: t };
      },
      show: (v) => (v ? v : v === '' ? '没有固定平台' : '未填写'),
      clears: ['riderType'],
      help: '平台是您接单用的App，例如美团、顺丰、满帮、滴滴。没有也可以。',
    }),
    f.text('riderType', {
      label: '接单方式',
      when: asksRiderType,
      optional: true,
      ask: (a) => `您在${a.platform ?? '平台'}是专送还是众包？`,
      // (A question about the words, `啥是众包`, picks none: see RIDER_MEANING_ASKED.)
      options: () => [
        { label: '专送（站点或网点管理，按排班上线）', value: 'dedicated', words: riderWords(RIDER_WORDS[0]![1]) },
        { label: '众包（自己在App上抢单，时间自由）', value: 'crowd', words: riderWords(RIDER_WORDS[1]![1]) },
        { label: '不清楚', value: 'unknown', words: riderWords(RIDER_WORDS[2]![1]) },
      ],
      names: /接单方式|专送|众包/,
      parse: (t, a, ctx) => {
        // `啥是众包`, `不知道啥意思`: a question about the words, never the answer they name (it was kept as 众包).
        if (RIDER_MEANING_ASKED.test(t.replace(/\s+/gu, ''))) return { ok: false, error: RIDER_MEANING_TEXT, conflict: true };
        const v = (['dedicated', 'crowd', 'unknown'] as const).find((x) => x === t) ?? riderTypeFrom(t);
        // `我是单干的`: no station over them, as 众包 is; a reading, confirmed before it counts.
        if (!v && onMyOwn(t)) return { ok: true, value: 'crowd', confirm: true };
        if (!v) return { ok: false, error: `${townNotAnswer(t, a, ctx) ?? ''}请回复1（专送）、2（众包），不清楚就回复3。` };
        return { ok: true, value: v };
      },
      show: (v) => (v && v !== 'unknown' ? RIDER_TYPE_NAMES[v] : '不清楚'),
      help: '专送一般由站点（配送商）管理，要排班、听站长安排；众包是自己在App上注册，想什么时候接单就什么时候接。两种的用工关系不一样，工会审核和以后帮您维权时会用到。',
    }),
    f.text('placeKind', {
      label: '登记地',
      ask: (a, ctx) => {
        const said = townSaid(a, ctx);
        if (said) return `您刚才说在${said.name}。入会按常住地（现在住的地方）或户籍地（户口所在地）登记。${said.name}是您现在住的地方，还是户口所在地？`;
        if (a.hukouAway) return `您说过户口不在这里，按常住地（现在住的地方）登记就行。请选择按哪里登记：常住地还是户籍地？`;
        return `请选择按哪里登记：常住地（现在住的地方）还是户籍地（户口所在地）？${a.employment === 'new_form' ? '新就业形态劳动者按这个地方确定由哪个工会审核。' : ''}`;
      },
      // No words here: what is said of the 户口 and the home is read whole by `parse` (`户口在外地 我住东龙`
      // names the 户口, but says to register by where they live).
      options: (a, ctx) => {
        const said = townSaid(a, ctx);
        if (said) {
          return [
            { label: `现在住在${said.name}（按常住地登记）`, value: `residence:${said.place.townshipId}` },
            { label: `户口在${said.name}（按户籍地登记）`, value: `hukou:${said.place.townshipId}` },
            { label: '都不是，按别的地方登记', value: PLACE_KIND_PLAIN },
          ];
        }
        return [
          { label: '常住地（现在住的地方）', value: 'residence' },
          { label: '户籍地（户口所在地）', value: 'hukou' },
        ];
      },
      names: /登记地|按哪里/,
      parse: (t, a, ctx) => {
        if (t === 'residence' || t === 'hukou') return { ok: true, value: t };
        // `都不是`, picked where a town was said alone (below): the kind is asked plainly.
        // (The town said with the work is offered no more.)
        if (t === PLACE_KIND_PLAIN) return { ok: true, value: undefined, stay: true, set: { placeSaid: undefined }, ack: '好的。请选择按哪里登记：常住地（现在住的地方）还是户籍地（户口所在地）？' };
        // A pick between the 户口 and the home, both here (below).
        const picked = /^(residence|hukou):(.+)$/u.exec(t);
        const at = picked ? ctx.index.townshipById.get(picked[2]!) : undefined;
        if (picked && at) {
          const kind = picked[1] as 'residence' | 'hukou';
          return { ok: true, value: kind, set: { placeKind: kind, residence: { districtId: at.districtId, townshipId: at.township.id } } };
        }
        // `户籍地`, `改成户籍地` (at the summary too): the kind named.
        const kind = placeKindSaid(t);
        if (kind) return { ok: true, value: kind };
        const said = placeReading(t, ctx);
        if (said && 'both' in said) {
          const home = placeText(ctx.index, said.both.residence);
          const hukou = placeText(ctx.index, said.both.hukou);
          return {
            ok: false,
            error: `您现在住在${home}，户口在${hukou}，按哪个登记都可以。请选一个：`,
            options: [
              { label: `常住地：${home}`, value: `residence:${said.both.residence.townshipId}` },
              { label: `户籍地：${hukou}`, value: `hukou:${said.both.hukou.townshipId}` },
            ],
          };
        }
        if (said) {
          const ack = said.hukouAway ? HUKOU_AWAY_ACK : undefined;
          // 登记地 first in `set`: confirmed values are set in order, and a changed 登记地 clears the place.
          if (said.residence) return { ok: true, value: said.placeKind, set: { placeKind: said.placeKind, residence: said.residence }, confirm: true, ...(ack ? { ack } : {}) };
          // `老家是湖南的`: by where they live, which is asked next.
          if (said.hukouAway) return { ok: true, value: 'residence', confirm: true, ack: HUKOU_AWAY_ACK };
          // `住这边` where the town said with the work is offered: that town, said back.
          const offered = townSaid(a, ctx);
          if (offered && /这边|这里|这儿|这块|这$/u.test(t.replace(/[\s。.!！]+/gu, ''))) {
            return { ok: true, value: said.placeKind, set: { placeKind: said.placeKind, residence: offered.place }, confirm: true };
          }
          // A kind in a few words (`按户口那边`, `现在住的地方吧`): that one; in a longer message, confirmed.
          return [...t.replace(/\s+/gu, '')].length <= 10 ? { ok: true, value: said.placeKind } : { ok: true, value: said.placeKind, confirm: true };
        }
        // `以前住东龙`: a home left, never where they live now; the kind asked again.
        if (pastPlacesOnly(t, ctx)) return { ok: false, error: `${pastHomeLead(t, ctx)}入会按您现在住的地方（常住地）或户口所在地（户籍地）登记，请选一个：` };
        // `东龙 白沙`: two towns, neither said to be the home or the 户口: the kind asked, with both named.
        const towns = townsNamed(t, ctx);
        if (towns.length >= 2) return { ok: false, error: `您说了${towns.map((tw) => tw.name).join('、')}。先请选择按哪里登记：常住地（现在住的地方）还是户籍地（户口所在地）？` };
        // A place instead of the kind: taken as where they live now, and the place itself is kept too.
        const place = findTownship(ctx, t);
        // An employee's town said alone (`东龙镇`, `对 东龙镇的` at the unit's 「…对吗？」) may be where the unit is:
        // never read as where they live. Which it is, is asked.
        if (place && a.employment !== 'new_form') return townAloneAnswer(place, a, ctx);
        if (place) return { ok: true, value: 'residence', set: { placeKind: 'residence', residence: place }, confirm: true };
        const offered = townSaid(a, ctx);
        if (offered) return { ok: false, error: `现在住在${offered.name}的，回复1；户口在${offered.name}的，回复2；都不是，回复3。` };
        return { ok: false, error: '请回复1（按常住地）或2（按户籍地）。' };
      },
      show: (v) => (v === 'hukou' ? '户籍地' : '常住地'),
      // The other kind of place is usually somewhere else: ask for it again.
      clears: ['residence'],
      help: '常住地是您现在长期住的地方，户籍地是户口本上的地址，选一个就行。户口不在这里的，按常住地登记。',
    }),
    residenceField(
      f.township('residence', {
        label: '地址',
        // Asked after 常住地 or 户籍地 is chosen: a town said before that (`东龙镇的一个鞋厂` at the unit) is not the address.
        when: (a) => a.placeKind !== undefined || a.residence !== undefined,
        ask: (a) => `您的${a.placeKind === 'hukou' ? '户籍地' : '常住地'}在哪个区、哪个镇或街道？例如：青溪区东龙镇、河西街道。`,
        match: MEMBER_TOWNSHIP,
        // At 常住地 (not 户籍地): `现在住在河西锦绣社区 户口还在老家柳溪` is 河西.
        hereAsked: (a) => a.placeKind !== 'hukou',
        // `户籍地` alone names the kind of place (登记地); with a place after it (`户籍地 柳溪镇`), the address.
        names: /地址|住址|住的地方|(?:户籍地|常住地)(?=\s*\S)/u,
        show: (v, _a, ctx) => placeText(ctx.index, v),
        help: '说到镇或街道就行，例如「东龙镇」。户口不在这里的，可以回复「常住地」改按现在住的地方登记。',
      }),
    ),
  ].map(ownAnswersOnly),
  wishes: ['placeSaid', 'hukouAway'],
  // `我在美团送外卖 东龙镇这边` where 专送/众包 is asked: the town noted is said (never silently dropped from view), then
  // the question again, its choices saying which is which.
  wishSaid: (wished, a, ctx) => {
    if (wished.hukouAway && !wished.placeSaid) return `好的，${HUKOU_AWAY_ACK}等一下问登记地时再说。`;
    const town = wished.placeSaid ? ctx.index.townshipById.get(wished.placeSaid.townshipId)?.township.name : undefined;
    if (!town) return null;
    const rider = asksRiderType(a) && a.riderType === undefined ? '\n现在想问的是接单方式：专送是站点（配送商）管理、按排班跑固定区域；众包是自己在App上抢单、时间自由。' : '';
    return `好的，您在${town}，我先记下，等一下问登记地时再和您核对。${rider}`;
  },
  /** What a message already says: "我是外卖骑手想加入工会", "我在青溪纺织厂上班，想入会", a name, a phone. */
  extract: (typed, a, ctx) => {
    const out: MembershipAnswers = {};
    // `我老婆在宏达建筑上班 我能入会吗`: an opening message speaks of the asker from where they say 我 (what
    // comes before is someone else's).
    const t = Object.keys(a).length === 0 ? (ownPart(typed) ?? typed) : typed;
    // Mid-form, `帮我妈办 她叫黄桂兰`, `我老公跑外卖`: nothing of theirs (the question says so: ownAnswersOnly).
    if (Object.keys(a).length > 0 && (notOwnAnswer(t) || behalfMidForm(t))) return {};
    const isPlace = (name: string) => findTownship(ctx, name) !== null;
    // `我想入会 我老婆在厂里上班`: a clause whose subject is a relative tells their work, never the person's.
    const own = withoutRelativeClauses(t);
    // `以前在宏达 现在在好再来饭店`: the unit is read from what is said of now only; a unit left is never one.
    const current = currentUnitWords(own);
    const unitWords = current === undefined ? own : (current ?? '');
    const employer = unitWords === '' ? undefined : employerMentioned(ctx.directory, unitWords);
    const found = employer || unitWords === '' ? null : findEmployer(unitWords, isPlace);
    // `包工头姓王`: a person, not a unit (membership goes by the unit). `家政公司`: a kind of company, not
    // 「政公司」 (findEmployer reads 家 there as a measure word).
    // `东龙镇的一个鞋厂`: a kind of unit, not its name (asked at its question).
    const named =
      (found && !A_PERSON.test(found) && !bossNamed(t, found) && !genericUnit(found) && !new RegExp(`(?<![一那这哪某每几])家${escapeRegExp(found)}`, 'u').test(t) ? found : null) ??
      (employer || unitWords === '' ? null : unitWithJob(current ? `在${unitWords}` : t, ctx) ?? (current ? unitFromNow(unitWords, ctx) : null)) ??
      // `张伟 在好再来饭店当服务员`: a clause of its own after the name.
      (employer || current !== undefined ? null : (t.split(/[,，。;；\s]+/u).slice(1).map((c) => unitSaidWithEn(c, ctx)).find((u) => u !== null) ?? null));
    // `张伟 在好再来饭店当服务员` where the name is asked: the name before it too (confirmed with it).
    const nameBefore = named && !employer && nextAsked(a) === 'name' ? memberName(t, ctx) : null;
    if (employer) {
      out.employment = 'employee';
      out.employer = { name: employer.name, employerId: employer.id };
    } else if (named) {
      const m = matchEmployer(ctx.directory, named);
      out.employment = 'employee';
      out.employer = m.kind === 'exact' ? { name: m.employer.name, employerId: m.employer.id } : { name: named, employerId: null };
    } else {
      // What the work says (`送外卖的`, `保洁阿姨 在商场`); work that could be either says nothing here.
      const work = workFrom(own);
      if (work?.kind === 'new_form') {
        out.employment = 'new_form';
        if (work.occupation) out.occupation = work.occupation;
        // `代驾`: 其他, with what it is.
        const other = work.occupation === 'other' ? OTHER_PLATFORM_WORK.find(([re]) => re.test(t))?.[1] : undefined;
        if (other) out.occupationOther = other;
        else if (work.occupation === 'other') delete out.occupation;
      } else if (work?.kind === 'employee' && !otherPicked(t, a)) {
        out.employment = 'employee';
      } else if (!work && found && genericUnit(found) && /(?:厂|公司|店|超市|饭馆|餐馆|面馆|餐厅|商场|酒店|宾馆|酒楼)$/u.test(kindOnly(found))) {
        // `我在东龙镇一个鞋厂上班`: a unit, its name still to be asked.
        out.employment = 'employee';
      } else if (!work && !a.employment && unitWords !== '' && UNIT_JOB.test(unitWords.replace(/\s+/gu, '')) && EMPLOYEE_WORDS.test(unitWords.replace(/\s+/gu, ''))) {
        // `我想入会 我在电子厂上班`, `在厂里上班`: work at a unit said in the 在…上班 frame, no unit named (a kind of unit
        // the directory's reading leaves out: 电子厂, 厂里). A reading, confirmed; the unit is asked at its question.
        // (Was dropped: 「您现在是怎么工作的？」 came as if nothing had been said.)
        out.employment = 'employee';
      }
    }
    // At the unit question (单位职工 chosen, no unit yet), no fixed unit: the flexible way in, 新就业形态
    // registered by where they live, with the odd job as said. A reading, confirmed before it counts.
    if (a.employment === 'employee' && !a.employer && !out.employer && !out.employment && noFixedUnit(t)) {
      out.employment = 'new_form';
      const odd = oddJobSaid(t);
      if (odd) {
        out.occupation = 'other';
        out.occupationOther = odd;
      }
    }
    // At the work question, a unit named with the choice or in place of it (`1 好再来饭店`, `单位职工 好再来饭店`,
    // `我在富士康上班`, `好再来饭店`): the unit, read as its own question reads it, and confirmed with the rest
    // (otherwise it is asked again at the unit question).
    // In an opening message (`我想入会 我在富士康上班`), a clause of its own in the 在…上班 frame only.
    const opening = Object.keys(a).length === 0;
    if (!out.employer && !a.employer && out.employment !== 'new_form' && (opening || nextAsked(a) === 'employment')) {
      const clauses = own.split(/[,，。;；!！\s]+/u);
      const unit = opening
        ? (clauses.map((c) => (/^(?:我|俺)?(?:现在|目前|一直|平时)?(?:就|也|都)?(?:是)?在/u.test(c) ? unitAtWorkQuestion(c, ctx) : null)).find((u) => u !== null) ??
          // `我想入会 好再来饭店 做服务员`: a unit's name, then the job done there as a clause of its own.
          clauses.map((c, i) => (i + 1 < clauses.length && JOB_AFTER.test(clauses[i + 1]!.replace(/的$/u, '')) ? unitAtWorkQuestion(`${c} ${clauses[i + 1]}`, ctx) : null)).find((u) => u !== null) ??
          null)
        : unitAtWorkQuestion(t, ctx);
      if (unit) {
        out.employment = 'employee';
        out.employer = unit;
      }
    }
    const platform = platformFrom(t);
    const PLATFORMS_RE = PLATFORM_NAMES;
    const platformSaid =
      new RegExp(`(?:跑|送|在|开|拉|给|帮|用)(?:个)?\\S{0,2}${PLATFORMS_RE}|${PLATFORMS_RE}(?:的|上|骑手|快递员?|司机|主播|专送|众包|接单|接活|抢单|跑单|网点)`).test(t) ||
      new RegExp(`^${PLATFORMS_RE}$`).test(t.replace(/[\s，,。.!！]/g, '')) ||
      // A platform standing as its own clause next to the work (`送外卖的 饿了么`).
      (out.employment === 'new_form' && t.split(/[\s，,。.!！]+/u).some((c) => new RegExp(`^${PLATFORMS_RE}(?:的|上|平台)?$`).test(c)));
    // Only of platform work: `跑顺丰` may be a 顺丰 employee's work (the platform is not asked of employees).
    // Two named (`美团和饿了么都跑`): which is the main one is asked, not guessed.
    if (platform && platformSaid && platformsIn(t).length === 1 && (out.employment ?? a.employment) === 'new_form') out.platform = platform;
    // `做家政的 没有平台`: no platform, said with the work (confirmed with it), never asked again after.
    else if (!platform && !('platform' in a) && (out.employment ?? a.employment) === 'new_form' && noPlatformBeside(t)) out.platform = '';
    // `做家政的 在好几户人家做钟点工 没有公司`: a domestic worker's 家政公司 is where the work comes from (its platform);
    // none said beside the work is no platform (confirmed with it). Only of domestic work.
    else if (!platform && !('platform' in a) && (out.employment ?? a.employment) === 'new_form' && (out.occupation ?? a.occupation) === 'domestic' && /(?:没有|没|不通过|不找|不靠)(?:家政)?公司/u.test(t.replace(/\s+/gu, '')) && platformsIn(t).length === 0) out.platform = '';
    // `美团众包`, `我是专送骑手`: how they take orders, when the words say it of the work.
    const rider = /专送|众包/.test(t) ? riderTypeFrom(t) : null;
    if (rider && rider !== 'unknown') out.riderType = rider;
    // `我叫张小明然后身份证是…`: the name without the words it ran into (confirmed with the rest).
    const said = findPersonName(t);
    const name = said ? nameWithoutAsides(said) : null;
    // `同意 430521…` at a consent: the yes is no name.
    // `我是鞋厂的`: a kind of unit, never a name.
    // `我叫張乾`: 乾 as typed (confirmed with the rest).
    if (name && !isFormOfAddress(name) && yesNo(name) === null && !genericUnit(name) && !saysIdNumber(name)) out.name = partAsTyped(t, name).text;
    else if (nameBefore?.ok) out.name = nameBefore.value;
    const phone = findPhone(t);
    if (phone) out.phone = phone;
    // `四五零一…` read out in Chinese numerals too (confirmed with the rest, as any fact found).
    const id = findIdNumber(idDigits(t).text, ctx.now);
    if (id && id.age >= MIN_MEMBER_AGE) out.idNumber = id;
    // `户籍地`, `改成户籍地`: the kind of place to register by, named alone.
    const kind = placeKindSaid(t);
    if (kind) out.placeKind = kind;
    // Said in the opening message, for the chat side to answer at once (see the schema): never an answer.
    if (Object.keys(a).length === 0) {
      const away = elsewhere(t, ctx);
      if (away) out.elsewhere = away;
      if (BOSS_AGAINST.test(t.replace(/\s+/gu, ''))) out.bossAgainst = true;
      // (`是帮我妈问的`: asking for her, as applying for her is.)
      const other = forSomeoneElse(t) ?? behalfAsked(t);
      const asked = eligibilityAsked(t);
      // `帮我妈办个入会 她做保姆的`: her work, her name, is none of the asker's facts (she applies herself): only whom for.
      // (Asked whether they may join, `帮我儿子问下 他15岁能入会吗`: that question is answered, below.)
      if (other && !asked?.who) return { forSomeoneElse: other, ...(asked ? { eligibility: asked } : {}) };
      if (asked) out.eligibility = asked;
      // About someone else (`我儿子15岁能入会吗`, `我老婆想入会`): nothing said of them is the asker's.
      const wants = isQuestion(t) || /(?:想|要|打算|准备)(?:申请)?(?:入|加入|参加)/u.test(t);
      const who = asked?.who ?? (!other && wants && JOIN_WORDS.test(t.replace(/\s+/gu, '')) ? askedAbout(t) : null);
      if (who) return asked ? { eligibility: asked } : { forSomeoneElse: who };
    }
    const place = findTownship(ctx, t);
    // `就在东龙镇的一个鞋厂` at the unit question: which unit is asked first; the place is asked after it. (Said
    // where the work is asked, the place waits for the unit's name.)
    const unnamedUnit = !out.employer && a.employment === 'employee' && !a.employer && genericUnit(unitPart(t));
    if (place && !unnamedUnit && (out.employment === 'employee' || /公司|厂|店|超市|医院|学校|酒店|单位/.test(t)) && !/住|户籍|户口|老家/.test(t)) out.workplace = place;
    // `在南塘物流园那个京东仓库上班`, `在滨江社区那个小区上班`: an employee's work site, named by a park or a community
    // of one township only (the township itself not named): that township is where the unit is (confirmed with it).
    const site = place || out.workplace || a.workplace || unnamedUnit || /住|户籍|户口|老家/.test(t) ? null : workSiteTownship(ctx, t);
    const unitTown = out.employer?.employerId ? ctx.directory.districts.flatMap((d) => d.employers).find((e) => e.id === out.employer!.employerId)?.townshipId : undefined;
    if (site && (out.employment ?? a.employment) === 'employee' && (unitTown === undefined || unitTown === site.townshipId)) out.workplace = site;
    // Where they would register, as the words say it (`老家湖南的 现在住马坪镇`: 常住地 马坪镇; `户口就在马坪镇`:
    // 户籍地 马坪镇; `户口在外地`: 常住地, the place asked). Which of a 户口 and a home both here is asked.
    // Not while the place questions are asked: their own reading takes the whole answer (and a fact
    // here would be set before 登记地, whose change clears the place).
    const where = placeAsked(a) ? null : placeReading(t, ctx);
    if (where && !('both' in where) && where.residence) {
      out.placeKind = where.placeKind;
      out.residence = where.residence;
    }
    // At the summary, a town said alone (`白沙镇`, `应该是白沙镇`): the address, when that is the only place among
    // the answers (a unit's town is one too: which one is asked). A reading, confirmed before it counts.
    const town = !out.residence && !out.workplace && atSummary(a) && !a.workplace ? townAlone(t, ctx) : null;
    if (town && town.townshipId !== a.residence?.townshipId) out.residence = town;
    // `我在美团送外卖 东龙镇这边`: a platform worker's town, not said to be the home or the 户口 (where orders are
    // taken, maybe). Held for the 登记地 question, which offers it; never the address unasked.
    // (Said with the work in the same words: a town alone is no more than it was, at a confirmation too.)
    const worker = (out.employment ?? a.employment) === 'new_form' && (out.employment !== undefined || out.occupation !== undefined || out.platform !== undefined || out.riderType !== undefined);
    if (worker && place && !where && !out.residence && !out.workplace && !a.residence && !a.placeKind && !placeAsked(a) && !pastPlacesOnly(t, ctx) && place.townshipId !== a.placeSaid?.townshipId) {
      out.placeSaid = place;
    }
    // `河西` alone where a platform worker's job, platform or 接单方式 is asked (or at the 「工作方式…对吗？」 before them):
    // the town said ahead, never the job, the platform or the unit. Held the same way for the 登记地 question, which
    // offers it by name (kept only when picked there).
    const ahead = nextAsked(a);
    const aheadTown = !out.placeSaid && a.employment === 'new_form' && ahead !== undefined && !['placeKind', 'residence', 'workplace', 'employer'].includes(ahead) && !a.residence && !a.placeKind && !placeAsked(a) ? townAlone(t, ctx) : null;
    if (aheadTown && Object.keys(out).length === 0 && aheadTown.townshipId !== a.placeSaid?.townshipId) out.placeSaid = aheadTown;
    // `我想入会 我是河西街道的`: a town in the opening message (the one that asks to join), said to be neither the home,
    // the 户口 nor the unit's place, is no answer; held the same way for the 登记地 question, which offers it by name
    // (never kept unasked).
    if (Object.keys(a).length === 0 && JOIN_WORDS.test(t.replace(/\s+/gu, '')) && place && !out.placeSaid && !where && !out.residence && !out.workplace && !out.elsewhere && townshipsIn(ctx, t).length === 1 && !pastPlacesOnly(t, ctx)) {
      out.placeSaid = place;
    }
    // `户口在湖南` after the opening (at the work's 「…对吗？」, at the name): a 户口 outside the area served, nothing else
    // said. Held for the 登记地 question, said so (was 「请回复对或不对」 at a confirmation); never a place or a kind taken.
    const hukou = Object.keys(a).length > 0 && Object.keys(out).length === 0 && !a.placeKind && !a.residence && !a.hukouAway && !placeAsked(a) ? HUKOU_ALONE.exec(t.replace(/\s+/gu, '')) : null;
    if (hukou && placeAway(hukou[1]!, ctx)) out.hukouAway = true;

    return out;
  },
});

/** A 户口 said alone (`户口在湖南`, `我老家是湖南的`, `户籍在外省`): where it is (group 1). */
const HUKOU_ALONE = /^(?:我的?|俺的?)?(?:户口|户籍|老家|原籍)(?:本来|原来|本)?(?:是|就|都|也)?(?:在|是)?([\p{Script=Han}]{1,12}?)(?:的|那边|那里|那儿)?(?:人)?[。.!！~～]*$/u;

/** The application as the records keep it, from the flow's answers. */
export function applicationFromAnswers(
  raw: Answers,
  ctx: FlowContext,
): {
  name: string;
  id: IdNumber;
  phone: string;
  employment: Employment;
  place: Place;
  union: Union | undefined;
  previousAppNo: string | null;
  declaredAt: string;
} {
  const a = MembershipApplication.parse(raw);
  const rider = asksRiderType(a) && a.riderType && a.riderType !== 'unknown' ? a.riderType : null;
  const employment: Employment =
    a.employment === 'employee'
      ? { kind: 'employee', employer: a.employer?.name ?? '', employerId: a.employer?.employerId ?? null, workplace: a.workplace ?? null }
      : { kind: 'new_form', occupation: a.occupation ?? 'other', occupationText: a.occupationOther ?? null, platform: a.platform || null, riderType: rider };
  return {
    name: a.name,
    id: a.idNumber,
    phone: a.phone,
    employment,
    place: { kind: a.placeKind, districtId: a.residence.districtId, townshipId: a.residence.townshipId },
    union: unionForAnswers(a, ctx),
    previousAppNo: a.previousAppNo ?? null,
    declaredAt: a.declaration,
  };
}

/** A confirmed application: the fields every application has. */
const MembershipApplication = MembershipAnswers.required({ declaration: true, name: true, idNumber: true, phone: true, employment: true, placeKind: true, residence: true });

/**
 * The answers of an earlier application (to correct a rejected one): every
 * field but the consents and the declaration, which are asked again. Fields that no longer parse
 * (a place gone from the directory) are left out and asked again.
 */
export function answersFromApplication(
  prev: { name: string | null; id: string | null; phone: string | null; employment: Employment | null; place: Place | null },
  ctx: FlowContext,
): MembershipAnswers {
  const out: MembershipAnswers = {};
  if (prev.name) out.name = prev.name;
  const id = prev.id ? parseIdNumber(prev.id, ctx.now) : null;
  if (id?.ok && id.value.age >= MIN_MEMBER_AGE) out.idNumber = id.value;
  if (prev.phone) out.phone = prev.phone;
  const e = prev.employment;
  if (e?.kind === 'employee') {
    out.employment = 'employee';
    out.employer = { name: e.employer, employerId: e.employerId && employerById(ctx.index, e.employerId) ? e.employerId : null };
    if (e.workplace && ctx.index.townshipById.has(e.workplace.townshipId)) out.workplace = e.workplace;
  } else if (e?.kind === 'new_form') {
    out.employment = 'new_form';
    out.occupation = e.occupation;
    if (e.occupationText) out.occupationOther = e.occupationText;
    out.platform = e.platform ?? '';
    if (e.riderType) out.riderType = e.riderType;
  }
  if (prev.place) {
    out.placeKind = prev.place.kind;
    if (ctx.index.townshipById.has(prev.place.townshipId)) out.residence = { districtId: prev.place.districtId, townshipId: prev.place.townshipId };
  }
  return out;
}
