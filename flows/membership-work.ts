import type { FlowContext } from './types.js';
import { OCCUPATION_NAMES, type Occupation } from '../core/membership/index.js';
import { withoutDenied } from './nlu/choose.js';
import { compact } from './nlu/normalize.js';

/**
 * How someone works, read from what they say they do (`保洁阿姨 在商场`,
 * `开出租车`, `跑闪送`), for joining the union: 单位职工 or 新就业形态. The
 * same job can be either: a cleaner hired by a mall's property company is an
 * employee, one taking orders on 58到家 is platform work. So the words decide
 * only when they say which (a workplace, a platform); otherwise the person is
 * asked, with a line that helps them choose. Precision first: a guess here
 * sends the application to the wrong union.
 */

/**
 * Words for each occupation. A platform's name alone (`美团`, `滴滴`) names
 * where they take orders, not what they do: it counts for the occupation
 * only with a verb (`跑滴滴`, `在美团送`), see PLATFORM_WORK. A taxi is not
 * ride-hailing (see TAXI).
 */
export const OCCUPATION_WORDS: [Occupation, RegExp][] = [
  // A rider alone (`骑手`) may deliver meals or run errands (跑腿, 闪送): which one is asked, never guessed (RIDER).
  ['food_delivery', /外卖|(?:蜂鸟|专送)骑手|送餐|配送员|跑单送餐/],
  ['courier', /快递|快件|揽件|派件|收件|送件/],
  ['truck_driver', /货车|卡车|货运|大车|重卡|拉货|跑运输|跑长途/],
  ['ride_hailing', /网约车|专车|快车|顺风车/],
  ['domestic', /家政|保洁|保姆|月嫂|育儿嫂|护工|钟点工/],
  ['streamer', /主播|直播|带货|网红/],
  ['other', /^(?:[7７][\s.、,，]*)?(?:选)?(?:其他|其它|别的|都不是|以上都不是)(?:的|吧|啊|呀|哦)*$/],
];
export const PLATFORM_WORK: [Occupation, RegExp][] = [
  // `在饿了么跑专送`, `美团上送外卖`: the verb may come between the platform and the work.
  ['food_delivery', /(?:跑|送)(?:个)?(?:美团|饿了么)|(?:美团|饿了么)(?:上|那边|平台)?(?:跑|送|做|干|当)?(?:个)?(?:骑手|外卖|专送|众包)|饿了么(?:上|那边|平台)?(?:跑单|接单|抢单)/],
  ['truck_driver', /(?:跑|开|拉)(?:个)?(?:货拉拉|满帮|运满满)|(?:用|在)(?:货拉拉|满帮|运满满)(?:上)?(?:接单|接活|拉货|抢单)/],
  ['ride_hailing', /(?:跑|开)(?:个)?滴滴|滴滴司机/],
];

/** The occupation the words name (an option's value or label, or a worker's words), if one. */
export function occupationWords(t: string): Occupation | null {
  // `我不是骑手 我在厂里上班`: work denied is not the work done (it was taken as 外卖配送员).
  const said = withoutDenied(t);
  return OCCUPATION_WORDS.find(([, re]) => re.test(said))?.[0] ?? PLATFORM_WORK.find(([, re]) => re.test(said))?.[0] ?? null;
}

/**
 * Work described rather than named, where the kinds of platform work are asked (`给人家带小孩`, `每天开着电驴送包裹`,
 * `在家里对着手机唱歌 有人刷礼物`): the kind it is, proposed (confirmed). Someone else's home for household work
 * (`在家带孩子` is one's own child, no work); parcels for couriers; gifts and going live for streamers.
 */
const DESCRIBED_WORK: [Occupation, RegExp][] = [
  ['domestic', /(?:给|帮|替|在)(?:人家|别人|别个|雇主|东家|客户|有钱人)(?:家)?(?:里)?(?:带|看|照顾|照看|伺候|陪)(?:小孩|孩子|娃娃?|宝宝|小宝宝|老人|病人)|(?:给|帮|替|在|去)(?:人家|别人|雇主|东家|客户)家(?:里)?(?:做饭|煮饭|打扫|搞卫生|做卫生|洗衣服)/u],
  ['courier', /(?:送|派|揽|收|拉)(?:个|些)?包裹/u],
  ['streamer', /刷礼物|送礼物|打赏|开播|连麦|(?:对着|用|拿)手机(?:唱歌|跳舞|卖货|卖东西|聊天)/u],
];
export function describedWork(t: string): Occupation | null {
  const said = withoutDenied(t);
  const kinds = DESCRIBED_WORK.filter(([, re]) => re.test(said)).map(([o]) => o);
  return kinds.length === 1 ? kinds[0]! : null;
}

/** Every kind of work the words name (`跑外卖也送快递`: 外卖配送员 and 快递员), in the options' order. */
export function occupationsSaid(t: string): Occupation[] {
  const said = withoutDenied(t);
  return [...new Set(OCCUPATION_WORDS.filter(([, re]) => re.test(said)).map(([o]) => o))];
}

/** Platforms by the names workers use; anything else typed is kept as typed. */
export const PLATFORM_ALIASES: [RegExp, string][] = [
  [/美团/, '美团'],
  [/饿了么|蜂鸟/, '饿了么'],
  [/顺丰/, '顺丰'],
  [/京东/, '京东'],
  [/满帮|运满满|货车帮/, '满帮'],
  [/货拉拉/, '货拉拉'],
  [/滴滴/, '滴滴'],
  [/抖音/, '抖音'],
  [/快手/, '快手'],
  [/中通/, '中通'],
  [/圆通/, '圆通'],
  [/申通/, '申通'],
  [/韵达/, '韵达'],
  [/极兔/, '极兔'],
  [/高德/, '高德'],
  [/曹操/, '曹操出行'],
  [/视频号/, '视频号'],
  [/闪送/, '闪送'],
  [/58到家/, '58到家'],
  [/天鹅到家/, '天鹅到家'],
];

/** The names above as one pattern (for `跑…`, `…上`, `…的` around them). */
export const PLATFORM_NAMES = '(?:美团|饿了么|蜂鸟|顺丰|京东|中通|圆通|申通|韵达|极兔|满帮|运满满|货拉拉|滴滴|高德|曹操|抖音|快手|视频号|闪送|58到家|天鹅到家)';

/** Orders taken through an app: the sign of platform work. */
const PLATFORM_SIGN =
  /平台|接单|抢单|派单|跑单|众包|专送|网约|(?:app|软件|手机)上|美团|饿了么|蜂鸟|滴滴|高德|曹操|花小猪|货拉拉|满帮|运满满|快狗|闪送|达达|uu跑腿|58到家|58同城|天鹅到家|抖音|快手|视频号|直播|主播/u;
/** Platforms that are the work itself (闪送: one courier, one parcel, booked in the app). */
const PLATFORM_JOB = /(?:跑|送|干|做|在|开)(?:个|的)?(?:闪送|uu跑腿|达达|快狗)|(?:闪送|uu跑腿|达达|快狗)(?:员|骑手|小哥|师傅|司机)/u;
/** A place people are employed at (a unit), not a home or an app. */
const WORKPLACE =
  /商场|超市|医院|卫生院|诊所|小区|物业|公司|企业|工厂|厂|车间|酒店|宾馆|饭店|饭馆|餐馆|餐厅|酒楼|食堂|学校|幼儿园|写字楼|大厦|银行|单位|机关|养老院|敬老院|福利院|商店|店|仓库|车站|机场|景区|工业园|园区|营业厅|停车场|加油站/u;
/** Homes, not a unit: where household work is done. */
const HOUSEHOLD = /上门|私人家|雇主家|别人家|人家家里|客户家|东家家/u;

/** Household work (家政): platform work unless a unit is named. */
const DOMESTIC = /家政|保姆|月嫂|育儿嫂|住家阿姨|育婴师/u;
/** Cleaners, carers and guards: employees where a unit is named, platform work through an app or in homes, else asked. */
const CLEAN_CARE_GUARD = /保洁|清洁工?|打扫卫生|搞卫生|做卫生|护工|陪护|护理员|保安|门卫|看大门|钟点工|环卫/u;
const GUARD = /保安|门卫|看大门|环卫/u;
/** A cleaner, carer or guard named bare (`门卫`, `清洁阿姨`, `环卫工`): a trade, whoever employs them. */
const CLEAN_CARE_GUARD_WORD = new RegExp(`^(?:${CLEAN_CARE_GUARD.source})(?:员|工|阿姨|大姐|大爷|师傅)?$`, 'u');
export const cleanCareGuardWord = (word: string): boolean => CLEAN_CARE_GUARD_WORD.test(word);
/** Taxis (出租车): a taxi company's drivers are employees; ride-hailing is 网约车. */
const TAXI = /出租车|出租司机|开出租|跑出租|的士|的哥|的姐/u;
const TAXI_COMPANY = /公司|单位|合同/u;
/** Courier networks whose couriers mostly sign a labour contract (顺丰, 京东, 邮政): asked unless the words say which. */
const COURIER_EMPLOYERS = /顺丰|京东|邮政|ems|德邦/u;
const CONTRACT = /员工|合同|正式|公司的人|社保/u;
const CROWD = /众包|同城|抢单|app|兼职|时间自由|想跑就跑/u;
/** Work done at a unit by its nature (a cashier, a forklift driver). */
export const UNIT_JOBS = /收银|端盘子?|服务员|传菜|洗碗|帮厨|配菜|厨师|厨子|大厨|后厨|炒菜|面点师?|叉车|普工|流水线|打螺丝|装配工|仓管|库管|理货|导购|售货员?|营业员|护士|文员|前台/u;

/** Work done through an app that none of the occupations names (代驾): platform work, 其他 with what it is. */
export const OTHER_PLATFORM_WORK: [RegExp, string][] = [[/代驾/u, '代驾']];

/** Any work these readings decide on (the options' own words defer to them). */
const JOB_SAID = [DOMESTIC, CLEAN_CARE_GUARD, TAXI, COURIER_EMPLOYERS, ...OCCUPATION_WORDS.filter(([o]) => o !== 'other').map(([, re]) => re), PLATFORM_JOB, ...OTHER_PLATFORM_WORK.map(([re]) => re)]
  .map((re) => re.source)
  .join('|');

/** Not working now (`退休职工`, `没上班`): never the options' words. */
const NOT_WORKING_WORDS = /退休|离休|学生|读书|上学|失业|待业|下岗|没有?(?:工作|上班)|找工作/u;

/**
 * The options' words at 「您现在是怎么工作的？」: only when no job is named
 * (`在厂里上班`, `新就业形态`); with one, workFrom reads the whole message
 * (`保洁 物业公司的` is not picked by 公司 alone, nor `保安 平台派单` by 平台).
 */
/** A unit denied (`没有单位 打零工`, `不是单位职工`, `没固定的厂`): never the 单位职工 option. */
const NO_UNIT = /(?:没有|没|无|不是|不在|不算|莫得|冇)(?:固定|正式)?(?:的)?(?:单位|公司|工厂|厂|上班)/u;
export const EMPLOYEE_WORDS = new RegExp(`^(?!.*(?:${JOB_SAID}|${PLATFORM_SIGN.source}|${NOT_WORKING_WORDS.source}|${NO_UNIT.source})).*(?:单位职工|职工|员工|上班族|单位|公司|工厂|厂里|在厂|车间|上班|打工)`, 'u');
export const NEW_FORM_WORDS = new RegExp(`^(?!.*(?:${JOB_SAID}|${UNIT_JOBS.source}|${WORKPLACE.source})).*(?:新就业|新业态|平台|灵活就业|跑单|接单|自由职业|滴滴)`, 'u');

export type WorkReading =
  /** Employed at a unit: inferred, so confirmed before it counts. */
  | { kind: 'employee' }
  | { kind: 'new_form'; occupation: Occupation | null }
  /**
   * Could be either: `question` helps them choose (1 单位职工, 2 新就业形态). The work and the courier
   * network said with it (`送快递 顺丰`), when they are: kept for the choice of 2, never asked again.
   */
  | { kind: 'ask'; question: string; occupation?: Occupation; network?: string; labels?: [string, string] };

const EITHER =
  '您是由单位（公司、工厂、商店等）发工资，还是自己在平台上接单、没有固定单位？单位发工资的，回复1（单位职工）；在平台接单或没有固定单位的，回复2（新就业形态劳动者）。';
/** A second job besides the other one said (`兼职`, `下班跑美团`, `白天在厂里`): two jobs, not one. */
const SIDE_JOB = /兼职|副业|业余|下班|晚上|白天|周末|空闲|闲(?:的)?时候|休息(?:日|天|的时候)|另外|两份|两个工作|(?:也|还)(?:在|送|跑|开|做|干|兼)/u;
/** A rider (`骑手`, `我是骑手`): platform work, whether meals (外卖) or errands (跑腿) not said. */
export const RIDER = /骑手/u;
/** Odd jobs, no unit (`打零工`): not an employee of one; which option, said. */
const ODD_JOBS = /打零工|打散工|做零工|干零活|打短工|日结|零工/u;
/** Working on one's own, nothing else said: `自己干`, `我是单干的`, `个人干活`. */
const ON_MY_OWN = /^(?:我|俺)?(?:是|就是|一直)?(?:自己|自个儿?|个人|一个人)(?:单)?(?:干|做|搞|接活|找活)(?:的|活儿?|事)?$|^(?:我|俺)?(?:是)?单干(?:的)?$/u;
/** `我是单干的`, `自己干`: working on one's own, nothing else said (how they work, not what work nor which platform). */
export const onMyOwn = (text: string): boolean => ON_MY_OWN.test(compact(text).replace(/[。.!！~～]+$/u, ''));
/** Hired by a family or finding the work themselves (`家属请的护工`, `自己接的活`): no unit. */
const SELF_HIRED = /自己接|自己找|私人请|家属请|病人家属|家里人请|雇主请/u;

/**
 * A place said not to be where they work (`我没在厂里上班 送外卖`, `没有在公司干了`): none of their work (the rest is).
 * Only in its own clause; never across another denial.
 */
const NOT_WORKING_THERE = /(?:没有?|莫得|没得|冇)(?:再)?在[^，,。\s没不]{1,6}?(?:上班|干活|干|做事|做|打工|工作)(?:了|过)?/gu;

/**
 * `以前在厂里 现在跑外卖`, `原来进厂的 后来改跑滴滴`: work given up, said before the work done now, is none of it; only
 * what follows 现在 (目前, 如今, 后来) is read. It was 「单位职工还是新就业形态」 asked, the 厂 read as today's unit.
 */
const FORMERLY_THEN_NOW = /(?:以前|之前|原来|原先|过去|早先|早些年|前几年|去年)[^]*?(?:现在|目前|如今|后来)(?:改|换|转)?(?:成|为|去|到)?/u;
/** `以前跑外卖`, nothing said of now: work given up, which says nothing of today's (asked, never taken). */
const FORMERLY_ONLY = /^(?:我|俺)?(?:以前|之前|原来|原先|过去|早先|早些年|前几年|去年)(?!.*(?:现在|目前|如今|后来|还在|一直))/u;
export const workNow = (text: string): string => {
  const m = FORMERLY_THEN_NOW.exec(text);
  const after = m ? text.slice(m.index + m[0].length) : '';
  if (/\p{Script=Han}/u.test(after)) return after;
  return FORMERLY_ONLY.test(text.trim()) ? '' : text;
};

/** What the words say about how someone works, or null when they say nothing of it. */
export function workFrom(text: string): WorkReading | null {
  const s = compact(withoutDenied(workNow(text).replace(NOT_WORKING_THERE, ' '))).toLowerCase();
  if (s === '') return null;
  const platform = PLATFORM_SIGN.test(s) || PLATFORM_JOB.test(s);
  // `没单位 自己开货车`: a unit denied is none.
  const unit = WORKPLACE.test(s.replace(/(?:没有?|无|莫得|没得|不在|不是)(?:啥|什么)?(?:固定的?)?(?:单位|公司|工厂|厂子?)/gu, ''));
  const home = HOUSEHOLD.test(s);

  const domestic = DOMESTIC.exec(s);
  if (domestic) {
    if (unit && !platform && !home) {
      return {
        kind: 'ask',
        question: `做${domestic[0]}的：和家政公司或单位签了劳动合同、由它发工资的，回复1（单位职工）；公司只介绍活，或者自己在App上接单的，回复2（新就业形态劳动者）。`,
      };
    }
    return { kind: 'new_form', occupation: 'domestic' };
  }

  const job = CLEAN_CARE_GUARD.exec(s);
  if (job) {
    const guard = GUARD.test(job[0]);
    if (unit && !platform && !SELF_HIRED.test(s)) return { kind: 'employee' };
    if ((platform || home) && !unit && !guard) return { kind: 'new_form', occupation: 'domestic' };
    if (guard) {
      return {
        kind: 'ask',
        question: `做${job[0]}的：保安公司、物业或其他单位雇的，回复1（单位职工）；没有固定单位、自己在App上接活的，回复2（新就业形态劳动者）。`,
      };
    }
    return {
      kind: 'ask',
      question:
        `做${job[0]}的，要看是谁雇的您：\n` +
        '· 物业、保洁公司、商场、医院、小区等单位雇的，回复1（单位职工）；\n' +
        '· 自己在58到家、天鹅到家等App上接单，或者上门给私人家里干的，回复2（新就业形态劳动者）。',
    };
  }

  if (TAXI.test(s)) {
    if (TAXI_COMPANY.test(s) && !platform) return { kind: 'employee' };
    return { kind: 'ask', question: '开出租车的：在出租车公司开车的，回复1（单位职工）；开网约车、在滴滴等App上接单的，回复2（新就业形态劳动者）。' };
  }

  const network = COURIER_EMPLOYERS.exec(s);
  if (network) {
    const courier = /快递|送件|揽件|派件|快件/u.test(s) ? 'courier' : null;
    if (CROWD.test(s) && !CONTRACT.test(s)) return { kind: 'new_form', occupation: courier };
    if (CONTRACT.test(s) && !CROWD.test(s)) return { kind: 'employee' };
    const name = network[0] === 'ems' ? '邮政' : network[0];
    return {
      kind: 'ask',
      ...(courier ? { occupation: courier as Occupation } : {}),
      network: name,
      question: `${name}的快递员很多是和公司签了劳动合同的员工：签了合同、由公司发工资的，回复1（单位职工）；自己在App上抢单、按单算钱的（比如众包），回复2（新就业形态劳动者）。`,
    };
  }

  if (UNIT_JOBS.test(s)) return platform ? { kind: 'ask', question: EITHER } : { kind: 'employee' };

  // `代驾`: taken through an app (e代驾, 滴滴代驾), whoever else it is done for.
  if (OTHER_PLATFORM_WORK.some(([re]) => re.test(s)) && !unit) return { kind: 'new_form', occupation: 'other' };

  const occupation = occupationWords(s);
  // Two jobs, a unit's and platform work besides it (`送外卖兼职 白天在厂里`, `我在电子厂上班 下班跑美团`): which one they
  // join by, asked (the options), the work kept for the choice of 2. Never one of them taken silently (was 新就业形态).
  if (occupation && occupation !== 'other' && unit && !home && SIDE_JOB.test(s)) {
    const name = OCCUPATION_NAMES[occupation];
    return {
      kind: 'ask',
      occupation,
      question: `您说了两份工作：在单位上班，也做${name}。入会按一份工作登记，由那份工作对应的工会审核。按单位的工作入会，回复1（单位职工）；按${name}的工作入会，回复2（新就业形态劳动者）。`,
      labels: ['按单位的工作（单位职工）', `按${name}的工作（新就业形态劳动者）`],
    };
  }
  if (occupation && occupation !== 'other') return unit && !platform ? { kind: 'ask', question: EITHER } : { kind: 'new_form', occupation };
  // `骑手`: platform work, meals or errands not said (the kind of work asked with the others, not guessed).
  if (RIDER.test(s)) return unit && !platform ? { kind: 'ask', question: EITHER } : { kind: 'new_form', occupation: null };
  if (ODD_JOBS.test(s)) {
    return { kind: 'ask', question: '打零工、没有固定单位的，可以回复2（新就业形态劳动者）；如果有固定的单位、由单位发工资，回复1（单位职工）。' };
  }
  // `自己干`, `单干`: on their own, but taking work (no unit) or running a shop? The ways told, never guessed.
  if (ON_MY_OWN.test(s)) {
    return {
      kind: 'ask',
      question: '自己接活干、没有固定单位的，可以回复2（新就业形态劳动者）；在单位上班、由单位发工资的，回复1（单位职工）。自己开店当老板的，店主本人一般不办理入会。',
    };
  }
  // `在美团上班`: an office or the app? Asked.
  if (platform && /上班|打工|员工|职工/u.test(s)) return { kind: 'ask', question: EITHER };
  // `跑闪送`, `在平台上接单`: platform work, the kind of work not said.
  // (`平台乱扣钱` is about a platform, not work on one.)
  if (PLATFORM_JOB.test(s) || /平台上?(?:接单|接活|跑|干|做)|接单|抢单|跑单|众包/u.test(s)) return unit ? { kind: 'ask', question: EITHER } : { kind: 'new_form', occupation: null };
  return null;
}

/** A taxi, said where the occupations are asked (all of them platform work). */
export const isTaxi = (text: string): boolean => TAXI.test(compact(withoutDenied(text)));

/**
 * Work not read above, said as work (`在工地干活`, `搬砖的`, `装卸工`, `在医院`): not
 * inferred either way, but asked with what decides it rather than the bare numbers.
 */
export function saysSomeWork(text: string): boolean {
  const s = compact(text);
  if (s.length > 16 || /\d/.test(s)) return false;
  return WORKPLACE.test(s) || /工地|工程|项目/u.test(s) || /^(?:我是|我|俺)?(?:在|做|干|搞|当|开|跑|送|搬|修|拉|扛|装|卸)[\p{Script=Han}]/u.test(s) || /(?:工|员|师傅|司机)(?:的)?$|的$/u.test(s);
}

export { EITHER as WORK_EITHER_QUESTION };

/**
 * Not working now, said where the work is asked: retired, a student, out of
 * work. Each is told honestly whether they can join (members are workers
 * who live on their wages, 中国工会章程 第一条) rather than given the options again.
 * Work said with it (`退休了 现在在小区当保安`, `学生 周末送外卖`) is not this.
 */
export type NotWorking = 'retired' | 'student' | 'jobless';
const NOT_WORKING: [NotWorking, RegExp][] = [
  ['retired', /^(?:我|俺)?(?:已经|早就?)?(?:退休|退了休|离休|退下来)(?:了|的|啦|人员|工人|职工)?$|^(?:我|俺)?(?:是)?退休(?:人员|工人|职工|老人)$/u],
  ['student', /^(?:我|俺)?(?:还)?(?:是|在)?(?:个|一个|一名)?(?:学生|在校生|在校学生|大学生|中学生|高中生|大专生|中专生|研究生|读书|上学|念书)(?:的|呢|啊|哦|了)?$/u],
  ['jobless', /^(?:我|俺)?(?:现在|目前|暂时|还)?(?:没有?|无|莫得|没得|冇)(?:工作|活干|活|事做|上班)(?:了|的|呢|啊)?$|^(?:我|俺)?(?:现在|目前|暂时)?(?:失业|待业|下岗|在家|闲着)(?:了|中|的|呢)?$|^(?:我|俺)?(?:现在|目前|暂时)?(?:在)?找工作(?:呢|中)?$/u],
];

export function notWorking(text: string): NotWorking | null {
  const s = compact(text).replace(/[。.!！~～]+$/u, '');
  return NOT_WORKING.find(([, re]) => re.test(s))?.[0] ?? null;
}

/** What each is told: who can join, and the way on when the words did not say all. */
export const NOT_WORKING_REPLY: Record<NotWorking, string> = {
  retired:
    '工会会员是在职、靠工资收入生活的劳动者，已经退休的一般不再新办入会。退休前已经是会员的，会籍可以保留，请找原单位的工会。如果您退休后又在单位上班或在平台接单，请按现在的工作选1或2。',
  student:
    '在校学生还不算职工，一般不能入会，毕业参加工作后欢迎再来。如果您已经不上学、在工作了，请按现在的工作选1或2。',
  jobless:
    '入会要在工作：现在没有工作的，暂时还不能办理（原来是会员的，失业期间会籍保留）。如果您在打零工或在平台接单，可以选2；找到工作后欢迎再来。',
};

/**
 * Said to someone who works or lives outside the area served (`我在东莞上班`): in the opening message
 * (flows/membership-chat.ts) and where the work is asked (the employment question's `asked`).
 */
export function elsewhereText(place: string, ctx: FlowContext): string {
  const served = ctx.directory.districts.map((d) => d.name).join('、');
  return (
    `先说明一下：这里只能办理${served}的入会。在${place}的单位上班的，一般在单位所在地的工会入会，可以拨打职工服务热线12351问当地工会。` +
    `如果您是在平台接单的新就业形态劳动者，常住地或户籍地在${served}，也可以在这里办理。`
  );
}
