/**
 * 反映欠薪: the wage report as typed fields. Every field has its parser for a
 * direct answer; `extract` finds the same facts inside any sentence (the
 * first message too), with the same parsers, for the engine to confirm.
 */
import { z } from 'zod';
import { behalfText, headcountText, relationTitle, type Case } from '../core/cases/index.js';
import { employerTypedBySound, matchCommunity } from '../core/directory/index.js';
import { chinaDay, chinaMonth } from '../core/infra/time.js';
import { formatYuan, monthsBetween, showMonth } from './choices.js';
import { PlaceSchema, defineFlow, type Result, type Value } from './define.js';
import { maskNumbers, withLabel } from './engine.js';
import { CONSTRUCTION_WORDS, PLAN_TO_LEAVE, TRADE, UNIT_OR_BOSS_END, WHERE_BEFORE_ONE, NOT_SAID, ORG_SUFFIX, SAME_AS_BEFORE, describesEmployer, withoutCompanions, keywords, pleaOf, spokenDigits, isRoleWord, employerFromAnswer, beforeRunOn, findEmployer, genericWorkplace, findLeftSince, findPersonName, findOwedLater, findPhone, kinOf, findStillEmployed, nameAnswer, onlySpeakerKin, relationOf, UNCLEAR_EMPLOYMENT_OPTIONS, WRITTEN_ON, employmentUnclear, unclearEmploymentAgain, unclearEmploymentAnswer, unclearEmploymentAsk } from './nlu/facts.js';
import { compact, fromPinyin, typedInPinyin } from './nlu/normalize.js';
import { plainYesNo, smallTalkOf, yesNo } from './nlu/talk.js';
import { HEDGED, HOUSEHOLD_WORDS, PLATFORM, SAME_AS, addressAnswer, chainNamed, mayBePerson, personCalled, findEmployerKind, foremanAlone, foremanAndUnit, foremanOf, labourContractorAnswer, labourContractorWithPhone, looksLikeOrganisation, iouDebtor, iouPasted, mapCard, siteAndBoss, knownTrade, tradeAnswer, unitAnswer } from './nlu/wage-facts.js';
import { AMOUNT_MESSAGES, MAX_AMOUNT_YUAN, amountShapeSlip, monthsOwedOrPaid, perHeadDropped, readAmount, readRate, spokenFigures, tooManyDecimals } from './parsers/amount.js';
import { amountSaidAsTotal, findAmounts, findHeadcount, findPeriod, monthByMonth, pairSumUnclear, paidFigures, perPersonAmount, saidForEveryone, saysPaid } from './parsers/mentions.js';

/** Relations read as a woman (`妻子`, `老婆`, `我妈`, `姐姐`): she is 她 in what we ask. */
const WOMAN = /^(?:妈妈?|母亲|老妈|娘|老婆|妻子|媳妇|儿媳妇?|女儿|闺女|姐姐?|妹妹?|表姐|表妹|堂姐|堂妹|姑姑?|姨|阿姨|婆婆|丈母娘|奶奶|外婆|姥姥|嫂子)$/u;
/** The person reported for, as a pronoun: 她 for a woman by the relation said (`替妻子反映`), else 他. */
const them = (a: WageAnswers): '他' | '她' => (a.onBehalf && a.onBehalf.relation && WOMAN.test(a.onBehalf.relation) ? '她' : '他');
/** Who is owed, in a question: 您, or 他 (她) when the person reports for someone else. */
const owed = (a: WageAnswers) => (a.onBehalf ? them(a) : '您');

/** Said once, when the person reports for someone else. */
/** The person's name said not to matter (`我叫啥不重要`, `名字无所谓`, `叫什么你别管`). */
const NAME_NOT_MATTERING = /(?:叫啥|叫什么|名字|姓名|称呼)[^，,。!！?？]{0,3}(?:不重要|无所谓|别管|不用管|没关系|不要紧)/u;

export const BEHALF_NOTE = '好的。下面的问题请按被欠工资的人的情况回答；联系人和手机号留您自己的就行。工作人员会联系您，也可能要和本人核实。';

import { dayOfMonth, dayOfMonthNumber, parsePastDay } from './parsers/day.js';
import { besidesMe, othersToo } from './parsers/headcount.js';
import { HEDGED_FIT, withoutDenied } from './nlu/choose.js';
import { currentMonthIndex, recentDaysSaid, toMonthIndex } from './parsers/month.js';
import { FESTIVAL_WORDS } from './parsers/festival.js';
import { PERIOD_MESSAGES, monthsRangeSaid, parseAmount, parseChineseNumber, parseHeadcount, parseMonthDetailed, parseOrgName, parsePeriod, withinRough, workplaceSize, type Amount } from './parsers/index.js';
import { mobileSpans } from './parsers/mobile.js';
import { orgNonAnswer, parsePersonName, saysChangeWanted } from './parsers/name.js';
import { SAID_WHEN } from './parsers/when-said.js';
import { knownSurname } from './nlu/surnames.js';
import { parseRoster } from './parsers/roster.js';
import { communityTownshipAsk, findCommunity, findTownship, pinyinPlace, placeNamed, townshipName, workTownship } from './places.js';
import type { Field, FieldResult, FileRef, FlowContext, Incoming } from './types.js';
import { checkGroupAmount, checkHeadcount, checkLeft, checkOwnAmount, checkPeriod, checkRateMonths, checkRoster, checkWorkStart, endsWhenLeft, periodUpTo, PLAUSIBLE_OWN_MONTHLY_YUAN, PLAUSIBLE_OWN_TOTAL_YUAN, type Check, type Known } from './wage-checks.js';

/** Said with the first question after a report turned out, later on, to be for someone else (the consent came before it). */
/** Swearing (`傻逼`, `他妈的`, `狗日的`): never part of a name. */
const SWEARING = /傻[逼比屄b]|煞笔|沙比|[sS][bB](?![a-zA-Z])|他妈的?|特么的?|妈的|tmd|[尼你]玛的?|草泥马|操你妈?|卧槽|我靠|狗日的?|王八蛋|混蛋|畜生|狗东西|垃圾东西|不是人的?|缺德的?/gu;
const withoutSwearing = (t: string): string => t.replace(SWEARING, ' ').replace(/\s+/gu, ' ').trim();
/** What is left of an angry answer that names no one (`老板`, `这个`, `草`, `!!`). */
const NO_NAME_LEFT = /老板|老板娘|包工头|工头|这个|那个|这|那|的|草|艹|靠|啊|呀|[\p{P}\p{S}\s]/gu;

const behalfNoteLater = (a: WageAnswers) => `好的，按替别人反映来记。下面的问题请按被欠工资的人的情况回答；联系人和手机号留您自己的就行。也请先告诉本人您在替${them(a)}反映。`;
/** That note, when the report turned out to be for someone else only after the consent (nothing said it before). */
const laterNote = (a: WageAnswers) => (a.onBehalf && a.behalfSaid === undefined ? `${behalfNoteLater(a)}\n` : '');

/** Asked when the answer says part was paid but not what is still owed. */
const amountAfterPaid = (a: WageAnswers) => `您说已经给过一部分。现在还欠${owed(a)}多少钱？例如：还差2万、还有8000没给。`;

/** The districts served, as said to people (`青溪区`). */
function servedArea(ctx: FlowContext): string {
  return ctx.directory.districts.map((d) => d.name).join('、');
}

/** Before the consent, when the opening message said the work is outside the area served: what is served, and where to turn. */
function awayNote(a: WageAnswers, ctx: FlowContext): string {
  if (!a.awaySaid || a.consent !== undefined) return '';
  const served = servedArea(ctx);
  return (
    `先跟您说明一下：我们这里只受理${served}的欠薪反映，在${a.awaySaid.place}干活被欠薪的，可以找当地的工会或劳动监察，` +
    `也可以打全国总工会职工服务热线12351，会帮您联系当地工会。如果活其实是在${served}干的，可以接着在这里登记。\n\n`
  );
}

/** Who the person is to the one owed: `我是他老婆`, `我是她女儿`, `俺是他媳妇儿` (他/她 in group 1, the word in 2). */
const SELF_AS_KIN = /^(?:我|俺)(?:是|就是)(他|她)(?:的)?(老婆|媳妇儿?|妻子|爱人|老公|丈夫|儿子|女儿|闺女|弟弟|妹妹|哥哥|姐姐|家属|家里人|亲戚)(?:啊|呀|哦)?[。.!！]*$/u;

/** Whom the person reports for, as an answer (`我爸`, `老乡`, `一个朋友`, `父亲`): the relation word, or null. */
function relationAnswer(t: string): string | null {
  const said = compact(t).replace(/[。.!！~～]+$/u, '');
  return relationOf(said) ?? relationOf(said.replace(/^(?:是|就是)?(?:替|帮|代|给)?(?:我|俺)?(?:的)?(?:一个|一位|个)/u, ''));
}
const BEHALF_WHO_AGAIN = '请说说您替谁反映，比如父亲、老乡、朋友；不想说就回复「跳过」。';

/**
 * At any question after the consent, words saying the wages are someone else's (`这是帮我爸报的`,
 * `不是我 是我老乡被欠的`): no answer to the question (never the person's name, never an employer). What
 * they do depends on what the report holds (`behalfHeard`): who it is for is confirmed (the facts of the
 * message, flows/wage.ts `extract`, hold it), or, when it says what is recorded already, said so briefly.
 * Asked of the answer given before (a correction, `不是我 是…`), that answer stays as it was. Never at
 * questions answered in the person's own words (unless the words correct the answer before).
 */
function heedBehalf(field: Field): Field {
  if (field.id === 'onBehalf' || field.id === 'behalfWho') return field;
  const parse = field.parse.bind(field);
  return Object.assign(field, {
    parse: (input: Incoming, raw: Record<string, unknown>, ctx: FlowContext): FieldResult => {
      const heard = input.kind === 'text' ? behalfHeard(input.text, raw as WageAnswers) : null;
      if (!heard) return parse(input, raw, ctx);
      if (heard.kind === 'noted') {
        // The answer given before stays (nothing new to confirm): the words said back, and on with the question open.
        if (field.id in raw) return { ok: true, value: raw[field.id], confirm: true, ack: heard.ack };
        if (field.verbatim) return parse(input, raw, ctx);
        return { ok: false, error: `${heard.ack}\n${field.ask(raw, ctx)}` };
      }
      const set = { onBehalf: heard.said, ...(heard.again ? { behalfReasked: true as const } : {}) };
      if (field.id in raw) return { ok: true, value: raw[field.id], confirm: true, set };
      // `帮我老公问一下 他老板欠他两万` at the amount question: his amount, confirmed with whom it is for.
      const his = field.id === 'amount' && input.kind === 'text' ? OWED_TO_HIM.exec(compact(input.text)) : null;
      const hisSum = his ? readAmount(his[1]!) : null;
      if (hisSum?.ok) return { ok: true, value: hisSum.value, confirm: true, set };
      if (field.verbatim) return parse(input, raw, ctx);
      return { ok: false, error: field.ask(raw, ctx) };
    },
  });
}

/**
 * Words about someone else's wages said after the consent (`不是我 是我爸被欠的`), by what the report holds:
 *  - not said either way, or denied once (`不对` to 「代为反映…对吗？」): who it is for, `propose`d for a yes
 *    (after a denial only once: `again` marks it asked, and only an explicit yes overrides the denial);
 *  - already for that person (a yes before): `noted`, what is recorded said back;
 *  - denied and asked again already: `noted`, the report stays the person's own (said how to change it).
 * Null when nothing says so, or the words name someone else than the one recorded (left to the question).
 */
type BehalfHeard = { kind: 'propose'; said: Exclude<NonNullable<WageAnswers['onBehalf']>, false>; again: boolean } | { kind: 'noted'; ack: string };

function behalfHeard(text: string, a: WageAnswers): BehalfHeard | null {
  if (a.consent !== true || /^(?:yes|no)$/u.test(text)) return null;
  // Owed among others (`我和我老公两个人`): a relative's wages named as a first message names them are theirs in the group.
  const amongOthers = Boolean((a.headcount && (a.headcount.count > 1 || a.headcount.approximate)) || a.groupAmount);
  const b = findOwedLater(text, { opening: !amongOthers });
  if (!b) return null;
  if (a.onBehalf) {
    const worker = a.workerName ?? a.onBehalf.name ?? null;
    const same = (b.relation === null || relationTitle(b.relation) === relationTitle(a.onBehalf.relation)) && (b.name === null || b.name === worker);
    return same ? { kind: 'noted', ack: `好的，已经记下了，是${behalfText({ relation: a.onBehalf.relation, workerName: worker })}。` } : null;
  }
  if (a.behalfDenied && a.behalfReasked) return { kind: 'noted', ack: BEHALF_KEPT_OWN };
  return { kind: 'propose', said: { relation: b.relation, ...(b.name ? { name: b.name } : {}) }, again: a.behalfDenied === true };
}

/** Someone else's wages said again after the person denied it twice (or went on without a yes): their own report stays. */
const BEHALF_KEPT_OWN = '您前面说过不是替别人反映，我先按您本人的情况记。如果弄错了，可以回复「人工」请工作人员帮您改。';

/** Months after leaving at which the one-year arbitration limit is near. */
export const NEAR_LIMIT_MONTHS = 10;
export const MAX_EVIDENCE_FILES = 10;
/** Photos or spreadsheets of a group's roster, at most. */
export const MAX_ROSTER_FILES = 5;
/** An arrears period this long asks when the work started (to check the period against it). */
export const LONG_PERIOD_MONTHS = 12;

const UNKNOWN_COMMUNITY = '不清楚';

export const AmountSchema = z.object({ yuan: z.number().positive(), approx: z.boolean(), upTo: z.number().positive().nullable() });
export const WagePeriodSchema = z.object({ start: z.string().regex(/^\d{4}-\d{2}$/), end: z.string().regex(/^\d{4}-\d{2}$/).nullable(), months: z.number().int().min(1) });
const FileRefSchema = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number() });
const MonthSchema = z.string().regex(/^\d{4}-\d{2}$/);
/** A group's roster: people typed in the chat (name, amount, phone) and photos or spreadsheets of it. */
export const RosterSchema = z.object({
  entries: z.array(z.object({ name: z.string().min(1), amount: AmountSchema.nullable(), phone: z.string().regex(/^1\d{10}$/).nullable() })),
  files: z.array(FileRefSchema),
  /**
   * A name alone sent first (`李建国`: perhaps the person's own name, one question late), asked about
   * (「李建国是您的工友吗？」): on the roster after a yes only. Never part of the report.
   */
  maybe: z.string().optional(),
  /** `完成` said while the name was still asked about: asked once more, then left off (never a loop). */
  maybeAgain: z.literal(true).optional(),
});
export type WageRoster = z.infer<typeof RosterSchema>;

/** The wage report's answers; every field optional until answered, `null` = skipped or unknown. */
export const WageAnswers = z.object({
  /** The opening message said or suggested that the wages are someone else's (never an answer: it only asks whose). */
  behalfSaid: z.object({ relation: z.string().nullable() }),
  /**
   * The opening message said the work is outside the area served (`我在深圳打工`): told so before the consent, and the
   * place question says it again (never an answer: where the work is, is still asked).
   */
  awaySaid: z.object({ place: z.string() }),
  /**
   * Reported for someone else (a relative, a 老乡): the relation, when said; `false` = the person's own wages.
   * Said later in the report (`是我爸的名字 王大军`), the worker's name said with it (confirmed with it).
   */
  onBehalf: z.union([z.literal(false), z.object({ relation: z.string().nullable(), name: z.string().min(2).optional() })]),
  /**
   * Said after the consent that the report is not for someone else (`不对` to 「代为反映…对吗？」, `不是 是我自己的`):
   * never proposed again in this report (no question of its own).
   */
  behalfDenied: z.literal(true),
  /**
   * After such a denial, someone else's wages said again: proposed once more (a `wishes` key, kept when that
   * 「对吗？」 is shown, so it is never asked a third time); only a yes makes the report someone else's.
   */
  behalfReasked: z.literal(true),
  /**
   * A sum said with someone working beside the person (`我和老公在饭店干 老板欠了一万五`), neither as theirs alone nor
   * as the two together: whose it is is asked at the amount's question (a `wishes` key, never an amount by itself).
   * `who`: the one named (`老公`), or null (`我们俩`).
   */
  sumWhose: AmountSchema.extend({ who: z.string().nullable() }),
  /**
   * A sum said owed to someone else in a first message that says the wages may be theirs (`帮我老公问一下 他老板欠他两万`):
   * whose the report is is asked first (a `wishes` key); for them, it is confirmed at the amount's question; never the
   * person's own.
   */
  behalfSum: AmountSchema,
  /**
   * One number of months or the other said as owed before the period's question (`老板欠我三四个月工资`, `拖了3-4个月`):
   * which is asked at that question, as the same words there are (a `wishes` key, never a period by itself).
   * `rate`: a month's wage said with it (`欠了3-4个月 每个月3000`): once the months are picked, that wage times them is
   * proposed at the amount's question (rangeRate), never stored before a yes.
   */
  monthsRange: z.object({ lo: z.number().int().positive(), hi: z.number().int().positive(), rate: z.number().positive().optional() }),
  /** Whom the person reports for, asked once when they did not say (`我替别人问一下`): the relation, or null (not said). */
  behalfWho: z.string().nullable(),
  /** The name of the worker owed, when reported on their behalf (personal data, like `contactName`). */
  workerName: z.string().min(2),
  consent: z.boolean(),
  employer: z.string().min(2),
  /** A unit (company, factory, site, shop, 包工头), or a family or private person (nanny, carer, private renovation). */
  employerKind: z.enum(['organisation', 'household']),
  location: PlaceSchema,
  community: z.object({ community: z.string().nullable(), gridId: z.string().nullable() }),
  employerAddress: z.string().nullable(),
  construction: z.boolean(),
  project: z.string().nullable(),
  projectAddress: z.string().nullable(),
  generalContractor: z.string().nullable(),
  subcontractor: z.string().nullable(),
  /** 包工头 or 班组长. */
  labourContractor: z.string().nullable(),
  /**
   * The foreman named at the employer question (`包工头老李`) was refused as the one to report (`不对` to
   * 用人单位「老李（包工头）」): never proposed so again in this report; the unit is asked plainly.
   */
  foremanDenied: z.literal(true),
  /**
   * A name read after 在 refused at its 「…对吗？」 (`在水一方酒店` read as 水一方酒店, then `不对`): the same words again
   * propose the name with the 在 (在水一方酒店), never the refused reading a second time.
   */
  atNameDenied: z.string(),
  /** 工种. */
  trade: z.string().nullable(),
  period: WagePeriodSchema,
  /** When the work started (asked for long periods). */
  workStart: MonthSchema.nullable(),
  /**
   * The person's own unpaid wages; `how`, when worked out from words said beside the question (`一天两百，干了二十天`
   * in the opening message): how (`200元×20天`), said with it wherever it is shown so the person can check it.
   * `monthly`, when it is a monthly wage times the months (`how` 「3,500元×2个月」): that wage and those months,
   * so the amount can follow the months when they change (amountForMonths), never read back from `how`.
   * `worked`, when worked out at the amount's question from a month's wage said there (`一个月4000`): how, unshown (the
   * answer's ack said it), for `怎么算的`.
   * `readTotal`, when a figure said alone beside the months owed (`老板欠我两个月 6000`) was read as what they come to
   * (it might have been a month's wage): those months, shown as 「6,000元（2个月一共）」 so the reading is confirmed in
   * words (while the period known, if any, is as many months).
   */
  amount: AmountSchema.extend({ how: z.string().optional(), worked: z.string().optional(), readTotal: z.number().int().positive().optional(), monthly: z.object({ rate: z.number().positive(), months: z.number().int().positive() }).optional() }),
  /** The whole group's unpaid total, when the person says it besides their own. */
  groupAmount: AmountSchema.nullable(),
  headcount: z.object({ count: z.number().int().min(1), approximate: z.boolean(), about: z.literal(true).optional(), upTo: z.number().int().optional() }),
  roster: RosterSchema.nullable(),
  stillEmployed: z.boolean(),
  leftSince: MonthSchema,
  /** What happened, in the person's words (numbers masked). */
  account: z.string().nullable(),
  evidence: z.array(FileRefSchema),
  /** Evidence the person has but cannot send now (`有欠条 但在老乡手机里`), in their words, numbers masked. */
  evidenceHeld: z.string().nullable(),
  /**
   * Evidence said before its question (`老板欠我6000 我有欠条`, `有欠条` at a 「…对吗？」): the kinds named, the words
   * (numbers masked), and whether it is only inferred (`老板给我打了欠条`: who holds it not said). A `wishes` key,
   * said back at the evidence question; kept as `evidenceHeld` there (an inference only with a yes).
   */
  evidenceSaid: z.object({ kinds: z.array(z.string()).min(1), words: z.string(), inferred: z.boolean() }),
  /**
   * How to count the sum, asked beside the report before the amount's question (`老板欠我3个月工资 要写税前的吗`):
   * answered at that question, before it (a `wishes` key, never a value of the sum).
   */
  amountAsked: z.enum(['tax', 'overtime']),
  contactName: z.string(),
  phone: z.string().regex(/^1\d{10}$/),
}).partial();
export type WageAnswers = z.infer<typeof WageAnswers>;
export type WageAmount = z.infer<typeof AmountSchema>;
export type WagePeriodAnswer = z.infer<typeof WagePeriodSchema>;

/** Months since the worker left, and whether the one-year arbitration limit is near. */
export function arbitrationStatus(leftMonth: string, now: Date): { monthsSince: number; nearLimit: boolean; pastLimit: boolean } {
  const monthsSince = monthsBetween(leftMonth, chinaMonth(now));
  return { monthsSince, nearLimit: monthsSince >= NEAR_LIMIT_MONTHS, pastLimit: monthsSince >= 12 };
}

/** `28,500元`, `约28,000元`, `约20,000至30,000元`. */
export function showAmount(a: Amount): string {
  if (a.upTo !== null) return `约${formatYuan(a.yuan).replace(/元$/, '')}至${formatYuan(a.upTo)}`;
  return `${a.approx ? '约' : ''}${formatYuan(a.yuan)}`;
}

export function showPeriod(p: WagePeriodAnswer): string {
  // One month is that month (`2026年11月（1个月）`), not `2026年11月至2026年11月`.
  if (p.end === p.start) return `${showMonth(p.start)}（${p.months}个月）`;
  // Two months apart (`8月、10月`, chosen so): those two, never the months between.
  if (p.end !== null && p.months === 2 && monthsBetween(p.start, p.end) > 1) return `${showMonth(p.start)}和${showMonth(p.end)}（2个月）`;
  // Months paid inside it (`2月到9月 中间6月份发了`: 7 of 8): said, so the count never reads as a mistake.
  const span = monthsBetween(p.start, p.end ?? p.start) + 1;
  if (p.end !== null && p.months < span) return `${showMonth(p.start)}至${showMonth(p.end)}，中间有${span - p.months}个月发了（欠${p.months}个月）`;
  return `${showMonth(p.start)}至${p.end ? showMonth(p.end) : '今'}（${p.months}个月）`;
}

/** A boss known only by surname, at the end of the answer: 老板姓陈, 包工头是姓王的 (A); 姓李的老板 (B). */
const SURNAME_ROLE_A = /(老板|包工头|工头|老板娘|老总)(?:他|她)?(?:是)?(?:[\p{Script=Han}]{1,4}人)?姓([^啥什么名不\P{Script=Han}])(?:的)?$/u;
const SURNAME_ROLE_B = /姓([^啥什么名不\P{Script=Han}])的(老板|包工头|工头|老板娘|老总)$/u;
/** A family by its surname: 一户姓王的人家, 姓王的那家. */
const SURNAME_FAMILY = /^(?:在|给|是|就是)?(?:一户|一家|那户|这户|那家|这家)?姓([^啥什么名不\P{Script=Han}])的(?:(?:那户|那家|一户|一家)(?:人家)?|人家|家里|家|东家|雇主家?|主人家)$/u;
/** Someone called by surname and title, or their family: 姓张的阿姨, 姓张的阿姨家, 姓刘的先生家. */
const SURNAME_TITLE = /^(?:在|给|是|就是)?(?:一个|一位|那个)?姓([^啥什么名不\P{Script=Han}])的(阿姨|大姐|大哥|先生|女士|老师|奶奶|爷爷|大爷|阿婆|婆婆|老太太|老大爷)(家)?$/u;
/** A unit named in the answer: its name wins over a boss's surname (`鸿运装饰工程公司 老板姓黄`). */
// A named eatery (`川味小馆`, `兰州拉面馆`), not a kind pointed at (`在面馆`, `一个小饭馆`, `馆子`).
const UNIT_WORDS = /公司|厂|店|集团|工程|建筑|装饰|物业|酒店|超市|中心|项目部|工作室|合作社|学校|医院|饭馆|餐馆|车队|队$|(?<=\p{Script=Han}{2})(?:鞋业|实业|商贸|贸易|五金|制品|服饰)|(?<=\p{Script=Han})(?<![一那这个家在我你他她俺们的到去小大])(?:小馆|面馆|菜馆|茶馆|酒馆)(?!子)/u;

/** After a surname, the name said not to be known: `包工头姓陈 叫啥不知道`, `老板姓王，全名不清楚`. */
const NAME_NOT_KNOWN =
  /[,，]*(?:但是?|不过|就是)?(?:(?:他|她)?(?:的)?(?:叫啥|叫什么|叫个啥|名字|全名|大名|真名)(?:叫啥|是啥|是什么|叫什么)?(?:我|俺)?(?:也|都|就|真|实在)?(?:不知道|不晓得|不清楚|不记得|记不得|记不清|忘了|没问|没问过)|(?:我|俺)?(?:不知道|不晓得|不清楚|不记得|记不得|记不清|忘了)(?:他|她)?(?:的)?(?:叫啥|叫什么|叫个啥|名字|全名|大名|真名)(?:叫啥|是啥|是什么)?|(?:别的|其他的?|其它的?|其余的?)(?:我|俺)?(?:也|都|就)?(?:不知道|不晓得|不清楚|不记得|记不得|忘了))(?:了|啊|呀|哦)?$/u;

/**
 * A name made from more words than it keeps (`包工头姓陈 叫啥不知道` → 陈包工头, `一户姓王的人家` → 王家): shown
 * back before it counts. (`包工头姓陈` alone is kept as 陈包工头, as staff write it.)
 */
const built = (r: ReturnType<typeof parseOrgName>) => (r.ok ? { ...r, built: true as const } : r);

const NAME_RUN = '[\\p{Script=Han}A-Za-z0-9·]{2,12}?';
/** `原来叫鑫源 后来改名叫鑫达了`: the old name (1), the new one (2). */
const RENAMED = new RegExp(`^(?:原来|以前|之前|本来|原先)(?:是|叫|的名字是|名字叫)(${NAME_RUN})[,，]?(?:后来|现在|今年|去年)?(?:又)?(?:改名|改名字|改叫|换名|换名字|更名|改成|换成)(?:叫|成|为|成了|叫做)?(${NAME_RUN})(?:了|啦)?$`, 'u');
/** `老板外号叫光头强`, `我们老板姓王 大家都叫他王胖子`: a nickname (3) of the boss (1), known by surname (2). */
const NICKNAME = new RegExp(
  `^(?:不知道(?:公司|厂子?|单位)?(?:叫啥|叫什么|名字|的名字)?(?:了)?)?(?:我们|俺们)?(老板|老板娘|包工头|工头)?(?:是)?(?:姓([^啥什么名不\\P{Script=Han}]))?(?:的)?(?:外号|绰号|小名|诨名)?(?:叫|是)?(?:大家|别人|我们|工友们)?(?:都)?(?:叫他|叫她|喊他|喊她|外号|绰号)(?:叫)?(${NAME_RUN})$`,
  'u',
);
/** `在鑫源做保安`, `在宏达厂里干活`, `我在鑫源上班`: where (1), without the work done there. */
const WORKS_AT = /^(?:我|俺)?(?:一直|之前|以前|原来)?在([\p{Script=Han}A-Za-z0-9·]{2,12}?)(?:里|那里|那边|这边)?(?:做|当|干|上班|打工|干活|做事)[\p{Script=Han}]{0,5}?(?:的)?$/u;
/** `鑫源厂的车间主任扣我工资`: the unit (1) whose staff did the wrong. */
const UNIT_STAFF = /^([\p{Script=Han}A-Za-z0-9·]{2,14}?)的(?:车间主任|主任|主管|经理|班长|组长|领班|老板娘|老板|包工头|工头|厂长|老总|会计|人事)(?:一直|老是|总是|故意)?(?:扣|欠|拖|克扣|不给|没给|不发|没发)[\p{Script=Han}]{0,6}$/u;
/**
 * `是劳务派遣公司派我去鑫源的`, `中介介绍我进的宏发电子厂`: the unit sent to (1), where the work was done; the
 * agency, which has no field of its own, is not the name.
 */
const DISPATCHED =
  /^(?:是|我是)?(?:被)?(?:一家|一个|那个)?(?:[\p{Script=Han}]{2,6}?)?(?:劳务派遣|派遣|劳务|中介|人力资源|人力)(?:公司|所)?(?:把我|给我|将我)?(?:派|介绍|送|安排)(?:我)?(?:去|到|进)(?:了|的)?([\p{Script=Han}A-Za-z0-9·]{2,12}?)(?:里|那里|那边)?(?:上班|干活|打工|做事|做工|干)?(?:的)?(?:了)?$/u;
/** A kind of workplace, not its name: 一个厂, 那家公司, 工地上. */
const GENERIC_UNIT = /^(?:一个|一家|那个|这个|那家|这家|个|家)?(?:电子|服装|物流|建筑)?(?:厂|公司|工地|工厂|店|单位|厂子)(?:里|上)?$/u;
/** A family or a person not named: 人家, 别人家, 一户人家, 雇主家. */
const UNNAMED_FAMILY = /^(?:一户|一家|那户|这户|那家|这家)?(?:人家|别人|他人|私人|个人|雇主|东家|主人|主家)(?:家)?$/u;
/** `好像叫什么鑫源`: a name said with a hedge (1). */
const HEDGED_NAME = /^(?:好像|应该|大概|可能|估计|似乎)(?:是|叫)?(?:个|什么|啥)?(?:叫)?([\p{Script=Han}A-Za-z0-9·]{2,12}?)(?:吧|来着)?$/u;
/** `叫鑫源还是鑫园记不清了`: two names (1, 2), which one not remembered. */
const EITHER_NAME = /^(?:好像)?(?:是|叫)?([\p{Script=Han}A-Za-z0-9·]{2,12}?)还是(?:叫)?([\p{Script=Han}A-Za-z0-9·]{2,12}?)(?:我)?(?:也)?(?:记不清|记不得|不记得|搞不清|分不清|忘了|不确定|说不准)(?:了|楚|啦)*$/u;

/**
 * An employer read out of a sentence that says more than the name (`在鑫源做保安`, `原来叫鑫源 后来改名叫鑫达了`,
 * `老板外号叫光头强`, `宏达建筑'; DROP TABLE…`): what is usable, built to be shown back and confirmed. Null
 * when none of these readings fits.
 */
function employerReading(text: string, isPlace: (name: string) => boolean) {
  // Code or markup typed after a name (`宏达建筑'; DROP TABLE cases;--`): the name before it, confirmed.
  const code = /^([\p{Script=Han}]{2,20})\s*['"`;<>{}|\\]/u.exec(text.trim());
  if (code) return built(parseOrgName(code[1]!));
  const t = text.replace(/[\s。！!,，]+/gu, '');
  // `在人家家里做钟点工`: a family not named (人家, 别人家) is no name.
  const usable = (name: string) => !NOT_AN_EMPLOYER.test(name) && !UNNAMED_FAMILY.test(name) && !isPlace(name) && !/[我你他她俺咱]|什么|啥|不知道|名字/u.test(name) && !isRoleWord(name);
  const renamed = RENAMED.exec(t);
  if (renamed && usable(renamed[1]!) && usable(renamed[2]!)) return built(parseOrgName(`${renamed[2]}（原名${renamed[1]}）`));
  const nick = NICKNAME.exec(t);
  if (nick && usable(nick[3]!)) {
    const role = nick[1] ?? '老板';
    return built(parseOrgName(nick[2] ? `${nick[2]}${role}（外号${nick[3]}）` : `${nick[3]}（${role}外号）`));
  }
  const either = EITHER_NAME.exec(t);
  if (either && usable(either[1]!) && usable(either[2]!)) return built(parseOrgName(`${either[1]}（也可能是${either[2]}）`));
  const hedged = HEDGED_NAME.exec(t);
  if (hedged && usable(hedged[1]!) && !describesEmployer(hedged[1]!)) return built(parseOrgName(hedged[1]!));
  const sent = DISPATCHED.exec(t);
  if (sent && usable(sent[1]!) && !/^(?:厂|公司|工地|店|单位|家|别的|其他)/u.test(sent[1]!) && !GENERIC_UNIT.test(sent[1]!)) return built(parseOrgName(sent[1]!));
  const staff = UNIT_STAFF.exec(t);
  if (staff && usable(staff[1]!) && ORG_SUFFIX.test(staff[1]!)) return built(parseOrgName(staff[1]!));
  const at = WORKS_AT.exec(t);
  if (at && usable(at[1]!) && !/^(?:厂|公司|工地|店|单位|家)/u.test(at[1]!) && !genericWorkplace(at[1]!)) return built(parseOrgName(at[1]!));
  // `站点叫飞毛腿配送 lb姓赵`, `饭店叫好再来 老板姓赵`: the unit's name as said (confirmed), never the boss in its place
  // (赵老板) nor the words `饭店叫` kept in the name.
  const kindCalled = KIND_CALLED.exec(t);
  // A full name of a unit alone (`我们厂叫金达电子厂`) is read as before, kept as said.
  if (kindCalled && usable(kindCalled[2]!) && !/老板|包工头|工头|老总|经理/u.test(kindCalled[2]!) && (kindCalled[3] || !ORG_SUFFIX.test(kindCalled[2]!))) return built(parseOrgName(kindCalled[2]!));
  // `叫金利塑料老板姓陈的 我在里面做了两年` (the question's 叫什么名字 answered with 叫, voice run on): the name up to the
  // clause that starts next (「金利塑料」, never the boss's surname in its place, nor a refusal), proposed for a yes.
  const calledOn = CALLED_RUN_ON.exec(t);
  if (calledOn) {
    const name = beforeRunOn(calledOn[1]!);
    if (name !== calledOn[1] && [...name].length >= 2 && usable(name) && !/什么|啥|哪|某/u.test(name)) return built(parseOrgName(name));
  }
  return null;
}

/** An answer opening with 叫 (the kind of unit before it or not) and going on past the name (1), spaces dropped. */
const CALLED_RUN_ON =
  /^(?:我们|我|俺们|俺|他们|她们)?(?:的)?(?:那个|这个|那间|这间|那家|这家)?(?:站点|配送站|饭店|饭馆|餐馆|超市|厂子|工厂|厂|公司|单位|工地|店)?(?:的?名字)?(?:叫做|名叫|叫)([\p{Script=Han}A-Za-z0-9·]{4,40})$/u;

/**
 * A kind of unit (1) said with what it is called (2), and maybe its boss after (3: `站点叫飞毛腿配送老板姓赵`,
 * `饭店叫好再来`, `我们厂叫鑫源`), the message without spaces.
 */
const KIND_CALLED =
  /^(?:我们|我|俺们|俺|他们|她们|我们的|我的|他们的|她们的)?(?:那个|这个|那间|这间|那家|这家)?(站点|配送站|饭店|饭馆|餐馆|超市|厂子|工厂|厂|公司|单位|工地|店)(?:的?名字)?(?:叫做|名叫|叫)([\p{Script=Han}A-Za-z0-9·]{2,20}?)(?:的)?((?:老板娘|老板|老总|包工头|工头|负责人|经理)(?:他|她)?(?:是|叫|姓)[\p{Script=Han}]{1,3})?$/u;

/** Hedges said after a name (`宏达建筑公司吧应该是`, `王建国吧`, `宏达建筑吧好像是`): the name before them, to be confirmed. */
const HEDGE_AFTER = /(?<![网酒水书氧话陶迪茶])(?:吧|来着)?\s*(?:应该是|好像是|可能是|大概是|估计是|应该|好像|可能|大概|估计|吧|来着)(?:吧|啊|呀|的)?$/u;
/** Sounds and pointing words before a name (`嗯那个宏达建筑`, `呃 就是`): no part of it. */
const FILLER_FIRST = /^(?:(?:[嗯呃额啊哦噢唔]+|那个|这个|那家(?!人)|这家(?!人)|就是|就(?=那个|这个|那家|这家))[,，、\s]*)+(?:(?:叫|是)[,，、\s]*(?:(?:那个|这个|就是)[,，、\s]*)*)?/u;
/**
 * A kind of unit pointed at, not named (`就那个厂`, `就是那个饭店`, `一个小饭馆`, `那家店`): the kind (1), which
 * one still to be said. Never kept as the name (`就那个厂` was stored as it was).
 */
const POINTED_KIND =
  /^(?:[嗯呃额啊哦噢唔]+)?(?:就是|就|也就是|是)?(?:那个|这个|那家|这家|那间|这间|一个|一家|一间|个|家)(?:小|大|私人|个体|路边|黑心)?((?:电子|服装|制衣|鞋|五金|家具|塑料|玩具|印刷|包装|食品|机械|建筑|装修|物流|快递|餐饮)?(?:工厂|厂子|厂|公司|饭店|饭馆|餐馆|面馆|餐厅|小吃店|快餐店|酒店|酒楼|宾馆|店|超市|工地|车间|单位|作坊|工程队|施工队|项目))(?:里|上|里面|那里|那边)?(?:吧|啊|呀|呢|嘛)?$/u;
/**
 * `去饭店`, `跑快递`, `以前干的饭店`, `在电子厂`: a kind of work or workplace said with a verb, no name (both were kept
 * as the unit's name, 「以前干」 proposed): which one asked, as `那个饭店` asks.
 */
const KIND_BY_VERB =
  /^(?:[嗯呃额啊哦噢唔]+)?(?:我|俺)?(?:以前|之前|原来|现在|一直)?(?:(?:在|去|到|跑|送|给|帮|跟|进)(?:了)?|(?:干|做|待|呆|上班|打工)(?:过)?的)(?:那个|这个|一个|一家|个|家)?(?:小|大|私人|个体)?((?:电子|服装|制衣|鞋|五金|家具|塑料|玩具|印刷|包装|食品|机械|建筑|装修|物流|餐饮)?(?:工厂|厂子|厂|公司|饭店|饭馆|餐馆|面馆|餐厅|小吃店|快餐店|酒店|酒楼|宾馆|店|超市|工地|车间|单位|作坊|工程队|施工队|项目|快递|外卖))(?:里|上|里面|那里|那边)?(?:干活|上班|打工|干)?(?:的)?(?:吧|啊|呀|呢|嘛)?$/u;
/**
 * `电子厂`, `饭店`, `厂里`, `小饭店`: a kind of workplace said alone, no name (`电子厂`, `饭店` were kept as the unit's
 * name): which one asked, as `去饭店` asks. A name before the kind (`鑫源电子厂`) never matches.
 */
const KIND_ALONE =
  /^(?:[嗯呃额啊哦噢唔]+)?(?:就是|就|是|在)?(?:小|大|私人|个体|黑心)?((?:电子|服装|制衣|鞋|五金|家具|塑料|玩具|印刷|包装|食品|机械|建筑|装修|物流|餐饮)?(?:工厂|厂子|厂|公司|饭店|饭馆|餐馆|面馆|餐厅|小吃店|快餐店|酒店|酒楼|宾馆|店|超市|工地|车间|单位|作坊|工程队|施工队))(?:里|上|里面|那里|那边)?(?:吧|啊|呀|呢|嘛)?$/u;
/**
 * `龙岗的一个电子厂`, `在深圳龙岗一家饭店上班`: where, then a kind of workplace after 一个/一家 — which one is still
 * unsaid (the words were kept whole as the unit's name, unasked). Whatever stands before 一个 is never taken as the
 * name either (`富士康的一个厂` is asked too: the one it is, said again, is better than a place kept as a unit); a unit or a
 * boss before it (`宏达建筑一个工地`, `王老板的一个厂`) is read as before.
 */
function kindAfterPlace(said: string): RegExpExecArray | null {
  const w = WHERE_BEFORE_ONE.exec(said.replace(/^[嗯呃额啊哦噢唔]+/u, ''));
  if (!w || UNIT_OR_BOSS_END.test(w[1]!)) return null;
  const rest = said.replace(/^[嗯呃额啊哦噢唔]+/u, '').slice(w[0].length);
  return POINTED_KIND.exec(rest) ?? KIND_BY_VERB.exec(`在${rest}`);
}
/** Which one of a kind of workplace said with no name (`电子厂`, `去饭店`) is asked with these words first. */
/**
 * `在老乡开的店 老乡叫啥不方便说`, `朋友开的厂`: a kind of workplace said by whose it is, someone the person knows, and no
 * name (「老乡开」, 「朋友开」 were proposed as the unit): which one asked. Only with nothing after it, or words saying the
 * name is not known or not to be said (`店叫好再来` after it names it).
 */
const KIND_OF_ACQUAINTANCE =
  /^(?:[嗯呃额啊哦噢唔]+)?(?:我|俺)?(?:是|就是|在|给)?(?:我|俺)?(?:的)?(?:一个)?(?:老乡|朋友|亲戚|熟人|同学|同乡|老表|表哥|表姐|表弟|表妹|堂哥|堂弟|姐夫|舅舅|叔叔|邻居)(?:开|办)的((?:工厂|厂子|厂|公司|饭店|饭馆|餐馆|面馆|餐厅|小吃店|快餐店|酒店|酒楼|宾馆|店|超市|作坊|工地|装修队|工程队))(?:里|上|里面)?(?:干活|上班|打工|干)?(?:的)?(?:$|(?=.*(?:叫啥|叫什么|不方便|不想说|不能说|不知道|不清楚|记不得|忘了)))/u;
const KIND_ASKED = (which: string) => `是哪个${which}呢？`;
/** The kind said again with still no name: a way to name it that needs no full name, or a person (never the same words twice). */
export const KIND_AGAIN = '还需要能找到它的说法：招牌上的一两个字、老板姓什么都行，例如「王老板的厂」「姓李的老板」。实在想不起来，可以回复「人工」请工作人员帮您。';
/** `那个什么鑫源电子厂`: 什么 said while recalling, before the name (not 那个什么时候, not 那个什么厂). */
const WHAT_RECALLING = /((?:那个|这个)+)(?:什么|啥)(?!时候|意思|情况|东西|地方|厂|公司|店|单位|工地)(?=[\p{Script=Han}A-Za-z]{2})/gu;
/** `宏达或者宏大`, `好像是叫鑫源 也可能是鑫园`, `我也不太清楚好像叫宏达还是宏大`: two names (1, 2), which one not known. */
const EITHER_SAID = new RegExp(
  `^(?:(?:我|俺)?(?:也)?(?:不太|不是很|不大|不)(?:清楚|记得|确定|敢肯定)(?:了)?)?(?:好像|应该|大概|可能|估计)?(?:是)?(?:叫)?(${NAME_RUN})(?:吧)?(?:也可能是|也可能叫|也有可能是|也有可能叫|或者是|或者叫|或者|或是|还是)(?:叫)?(${NAME_RUN})(?:吧)?$`,
  'u',
);
/** Where someone is from (`湖南人`, `是四川的`, `本地人`): said of a boss, never a name. */
const ORIGIN_CLAUSE =
  /^(?:是|他是|她是)?(?:(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古?|西藏|宁夏|新疆|重庆|东北|潮汕|本地|外地)(?:的)?(?:人|老乡)?|[\p{Script=Han}]{2,3}(?:省|市|县)(?:的)?(?:人|老乡))(?:的)?$/u;
/** `宏达建筑公司老板姓王`, `宏达建筑公司老板叫王建国`: a unit (1) with its boss said right after it (2). */
const UNIT_THEN_BOSS = /^(.{2,30}?)(?:的)?((?:老板娘|老板|老总|包工头|工头|负责人|经理)(?:他|她)?(?:是|叫|名字叫)?(?:姓[^啥什么名不\P{Script=Han}]|[\p{Script=Han}]{2,3})(?:的)?)$/u;
/** Words no English name of a unit has: a sentence typed in English (`my boss didnt pay me`). */
const ENGLISH_SENTENCE = /\b(?:i|my|me|we|our|you|he|she|they|the|is|are|was|not|no|don'?t|didn'?t|pay|paid|boss|want|know|help|wages?|salary|money)\b/i;
/** A building site or project named (not only work done, as 搬砖, 木工, 刷墙 is in other places too). */
const SITE_NAMED = /工地|楼盘|盖楼|建楼|修路|铺路|修桥|架桥|施工队|工程队|建筑工地|项目部|土建|小区工程|盖房|建房|工程建设|建设项目/u;
/** A boss's phone number said with the unit: kept nowhere (as at the 包工头 question), never the person's own. */
export const BOSS_PHONE_NOT_KEPT = '老板的电话这里先不用记，需要时工作人员会再问您。';

/**
 * The words of an employer answer made plainer: sounds and pointing words before the name, 什么 said while
 * recalling it, where the boss is from, and a boss said after the unit (`宏达建筑公司老板姓王` → `宏达建筑公司 老板姓王`,
 * which reads as the unit). Null when nothing was taken off.
 */
function plainerEmployer(text: string): string | null {
  const clauses = text
    .trim()
    // `老板叫那个什么来着叫陈德贵`: the name looked for, then said; what is between is no part of it.
    .replace(/(叫|是)(?:那个|这个)*(?:什么|啥)来着[,，\s]*(?:叫|是)?(?=[\p{Script=Han}]{2})/gu, '$1')
    .replace(WHAT_RECALLING, '$1')
    .replace(FILLER_FIRST, '')
    .split(/[\s,，。;；!！、]+/u)
    .filter(Boolean)
    // Spoken, the name begun again and said whole (`宏达 宏达建筑`): the whole one.
    .filter((c, i, all) => !(all[i + 1] !== undefined && all[i + 1]!.length > c.length && all[i + 1]!.startsWith(c)));
  const kept = clauses
    .filter((c) => !(clauses.length > 1 && ORIGIN_CLAUSE.test(c)))
    .map((c) => {
      const m = UNIT_THEN_BOSS.exec(c);
      return m && ORG_SUFFIX.test(m[1]!) && !NOT_AN_EMPLOYER.test(m[1]!) ? `${m[1]} ${m[2]}` : c;
    });
  const out = kept.join(' ');
  return out !== text.trim() && out !== '' ? out : null;
}

/**
 * A pause while the name is looked up (`等下`, `稍等 我找找合同上怎么写的`, `我去看看合同`, `等下 我看下`, `我查下`): the whole
 * answer. (`我看下`, `我看一下`: the person looking, never a name: 「看下」 was proposed.)
 */
const PAUSE_TO_LOOK =
  /^(?:(?:你|您)?(?:等下|等一下|等一等|等等|稍等|等会儿?|等我)(?:一下)?(?:啊|哈|哦|吧)?(?:[\s,，。.!！]*(?:我|俺)?(?:先|再)?(?:去)?(?:找找|找一下|找下|翻翻|翻一下|翻下|看看|看一下|看一看|看下|查查|查一下|查下|问问|问一下|问下|想想|想一下|想下)[^\s,，。!！]{0,14})?|(?:我|俺)(?:先|再)?(?:去)?(?:找找|找一下|找下|翻翻|翻一下|翻下|看看|看一下|看一看|看下|查查|查一下|查下)[^\s,，。!！]{0,14})[。.!！~～]*$/u;
const EMPLOYER_LOOKED_UP = '好的，不着急。找到了直接告诉我单位或老板的名字就行；实在找不到，写个大概也可以。';
/** The one said to owe the wages now (`现在欠钱的是李老四`, `欠我工资的就是李老四`): the name (1), a clause of its own. */
const OWING_NOW = /^(?:但是?|可是|不过)?(?:现在|目前|最后|真正)?(?:欠(?:钱|工资|工钱|(?:我|俺)(?:们)?(?:的)?(?:钱|工资|工钱)?)|拖欠工资|该给钱)的(?:人)?(?:是|就是)([\p{Script=Han}]{2,4})$/u;
/** A site or project named (`楼盘叫锦绣华府`, `项目名字叫…`): the project's name, not the employer's. */
const SITE_CALLED = /^(?:只知道|就知道|只晓得|就晓得)?(?:那个|这个)?(?:楼盘|项目|小区|工地)(?:的?名字)?(?:叫做|名叫|叫)/u;

/** Not knowing the employer's name, said at its question. */
export const EMPLOYER_NOT_KNOWN = '不知道全称也没关系，写个大概就行：店名、厂名、工地名或老板的名字都可以。实在不知道，可以回复「人工」请工作人员帮您。';
/**
 * Not knowing it said again (`不知道` twice): another way to find it, never the same words twice (a third time,
 * the engine's own way on: the question, and a person).
 */
const EMPLOYER_NOT_KNOWN_AGAIN =
  '没关系，我们换个方式：老板或管事的人姓什么、平时怎么叫他？在哪个店、厂或工地干的？知道一样就写一样，例如「姓刘的包工头」「青溪花园工地」。实在想不起来，回复「人工」，工作人员帮您一起查。';

/** An employer as a direct answer: the name, without the framing (`老板叫`, `在…干活`) or a role (`个人包工头`). */
/**
 * Who told the person the unit's name (`HR说公司叫天成建材`, `听工友说厂子叫鑫源`): no part of the name; what they
 * said is read as the person's own `公司叫…`.
 */
const HEARSAY_NAME =
  /^(?:听)?(?:[A-Za-z]{2,4}|人事|老板|同事|工友|别人|他们|大家|朋友|老乡|中介|介绍人|领班|组长|班长)(?:跟我|和我|告诉我)?(?:说|讲)(?=(?:我们|俺们)?(?:的)?(?:那个)?(?:外包|劳务|派遣)?(?:公司|工厂|厂子|厂|单位|店|饭店)(?:的)?(?:名字)?(?:叫|是))/u;

/** A farm or a kind of rural workplace, no name (`果园`, `养鸡场`, `茶场`): where, never what it is called. */
const FARM_KIND = /^(?:在)?(?:一个|一家|个|家|那个|这个)?(?:小|大)?(?:果园|茶园|菜园|橘园|桔园|橘子园|葡萄园|苗圃|茶场|林场|农场|果场|鸡场|猪场|鸭场|牛场|羊场|鱼塘|大棚|种植园|种植基地|基地|养殖场|养鸡场|养猪场|养鸭场|养牛场|养羊场|养鱼场)(?:里|上|里面)?(?:的)?$/u;
/** An agency named (1: `鑫源劳务`, `众力人力资源公司`) that sent the person to a unit named (2), the words run together. */
const SENT_BY_NAMED =
  /^(?:是|我是)?(?:被)?((?![那这一个家某])[\p{Script=Han}A-Za-z0-9]{2,8}?(?:劳务派遣|派遣|劳务|人力资源|人力|中介)(?:服务)?(?:有限公司|公司)?)(?:把我|给我|将我)?(?:派|介绍|送|安排)(?:我)?(?:去|到|进)(?:了|的)?([\p{Script=Han}A-Za-z0-9·]{2,20}?)(?:里|那里|那边)?(?:上班|干活|打工|做事|做工|干)?(?:的)?(?:了)?$/u;

/** `鑫源劳务派我去青溪电子科技有限公司干的`: both the agency and the unit sent to, each named; null otherwise. */
function sentByNamedAgency(text: string, isPlace: (name: string) => boolean): { agency: string; unit: string } | null {
  const m = SENT_BY_NAMED.exec(compact(text).replace(/[，,。.!！]/gu, ''));
  if (!m) return null;
  const [agency, unit] = [m[1]!, m[2]!];
  const agencyName = agency.replace(/(?:劳务派遣|派遣|劳务|人力资源|人力|中介)(?:服务)?(?:有限公司|公司)?$/u, '');
  if ([...agencyName].length < 2 || /[我你他她俺]|什么|啥/u.test(agencyName) || !ORG_SUFFIX.test(unit) || genericWorkplace(unit) || !usableName(unit, isPlace) || !usableName(agency, isPlace)) return null;
  return { agency, unit };
}

/**
 * The boss named in pinyin (`laoban jiao liu dazhuang`, `bao gong tou shi wang jianguo`, `老板叫 liu dazhuang`): the
 * name (1), as typed (「liu」 alone had been proposed from `老板叫 liu dazhuang`).
 */
const PINYIN_BOSS_NAMED = /^(?:(?:(?:wo|women|an)\s?(?:de\s+)?)?(?:lao\s?ban(?:\s?niang)?|bao\s?gong\s?tou|gong\s?tou|lao\s?zong)\s+(?:jiao(?:\s?zuo)?|shi|ming\s?jiao|ming\s?zi\s?jiao)\s+|(?:我们|俺们)?(?:的)?(?:老板娘|老板|东家|包工头|工头|老总)(?:是|叫|名叫|叫做|名字叫|就是)\s*)([a-z]+(?:\s+[a-z]+){0,2})$/iu;
/** The words before a boss's name with nothing after them (`laoban jiao`, `bao gong tou shi`, `老板叫`). */
const BOSS_FRAME_ALONE = /^(?:(?:(?:wo|women|an)\s?(?:de\s?)?)?(?:lao\s?ban(?:\s?niang)?|bao\s?gong\s?tou|gong\s?tou|lao\s?zong)\s?(?:jiao(?:\s?zuo)?|shi|ming\s?jiao|ming\s?zi\s?jiao|ming\s?zi\s?shi)|(?:我们|俺们)?(?:的)?(?:老板娘|老板|东家|包工头|工头|老总)(?:是|叫|名叫|叫做|名字叫|名字是))[\s:：,，。.…]*$/iu;
const BOSS_NAME_MISSING = '名字还没写上。请接着把老板或包工头的名字写出来，例如「老板叫刘大壮」；用汉字最好，拼音也行，不会打字可以发语音。';
/** The boss named in a clause of its own (`老板叫黄德贵`, `老板是罗老三`): the name (1). */
const BOSS_NAMED_CLAUSE = /^(?:我们|俺们)?(?:的)?(?:老板娘|老板|东家|包工头|工头|老总)(?:是|叫|名叫|叫做|名字叫|就是)([\p{Script=Han}]{2,3})$/u;
/** A kind of unit, said with what it does and no name (`直播公司`, `奶茶店`, `一家物流公司`). */
const TRADE_UNIT_KIND = new RegExp(`^(?:是|就是)?(?:一家|一个|个|家)?(?:小|大)?(?:${TRADE.source}|直播|传媒|网络|文化|科技|配送|外卖)?(?:公司|工厂|厂子|厂|店|单位)(?:的)?$`, 'u');

/**
 * `在茶场摘茶 老板叫黄德贵`, `养鸡场的 老板是罗老三`: the work or the place said first (no unit's name in it), then the
 * boss named in a clause of its own: the boss (「茶场摘茶」, 「养鸡场」 were proposed). `直播公司 星耀传媒`: a kind of
 * unit, then its name alone: the name, confirmed (「直播公司」 was proposed). Null for any other answer.
 */
function namedAfterKind(said: string, isPlace: (name: string) => boolean, household: boolean): ReturnType<typeof parseEmployerSaid> | null {
  const clauses = said.split(/[\s,，。;；!！]+/u).filter(Boolean);
  if (clauses.length !== 2) return null;
  const [first, second] = clauses as [string, string];
  const boss = BOSS_NAMED_CLAUSE.exec(second);
  // Only a description (`在…` work said, or `…的`), never a unit named (`宏达建筑 老板叫刘大壮` keeps the unit).
  const described = /^(?:在|给|帮|跟着)|的$/u.test(first) && !/[我你他她俺]/u.test(first);
  const firstUnit = employerFromAnswer(first, isPlace);
  const unitNamed = firstUnit !== null && ORG_SUFFIX.test(firstUnit) && !genericWorkplace(firstUnit) && !TRADE_UNIT_KIND.test(firstUnit);
  if (boss && described && !unitNamed && personCalled(boss[1]!)) return parseOrgName(boss[1]!);
  if (TRADE_UNIT_KIND.test(first) && /^[\p{Script=Han}A-Za-z0-9·]{2,12}$/u.test(second) && !TRADE_UNIT_KIND.test(second) && !genericWorkplace(second) && usableName(second, isPlace)) {
    const p = parseEmployer(second, isPlace, household);
    return p.ok ? built(p) : null;
  }
  return null;
}

/** `老板是他哥王建国`: a relative (of the one named before) and the relative's name (1). */
const KIN_NAMED = /^(?:(?:老板|包工头|工头|老总)(?:是|其实是)?)?(?:他|她|老板|包工头)(?:的)?(?:亲)?(?:哥哥?|弟弟?|姐姐?|妹妹?|爸爸?|儿子|女儿|老婆|老公|媳妇|小舅子|表哥|表弟|堂哥|堂弟|侄子|外甥)(?:叫)?([\p{Script=Han}]{2,3})$/u;

export function parseEmployer(said0: string, isPlace: (name: string) => boolean = () => false, household = false): ReturnType<typeof parseEmployerSaid> {
  // `我和老公在饭店干`: read as `我在饭店干` (the one beside the person is no part of a name).
  // `在美团上接单的`: the platform one takes orders on (「美团上接单」 was proposed).
  // `在美团跑众包`: the platform, without the kind of riding done on it (「美团跑众包」 was proposed).
  const text = withoutCompanions(said0.replace(HEARSAY_NAME, ''))
    .replace(/(?<=[\p{Script=Han}A-Za-z]{2})上(?:面)?(?:接单|跑单|抢单|接活)(?:的)?(?=$|[\s,，。!！])/u, '')
    .replace(/(?<=^(?:在|给)?(?:美团|饿了么|饿了吗|蜂鸟|滴滴|货拉拉|闪送|达达|UU跑腿|顺丰同城|京东到家))(?:上|里)?(?:跑|送|做|当|干)(?:众包|专送|外卖|骑手|配送|单子|单)(?:的)?(?=$|[\s,，。!！])/u, '');
  // `营业执照上的全称是青溪宏达建筑工程有限公司`, `合同上写的是宏达劳务`: the name as written on a paper, without where it is
  // written (「营业执照上」 was proposed, `营业执照上是宏达电子厂` kept whole); read alone, and confirmed.
  const onPaper = WRITTEN_ON.exec(compact(text));
  const written = onPaper ? compact(text).slice(onPaper[0].length).replace(/[。.!！]+$/u, '') : '';
  if (onPaper && /^[\p{Script=Han}A-Za-z]{2}/u.test(written)) {
    const p = parseEmployer(written, isPlace, household);
    return p.ok ? built(p) : p;
  }
  // `laoban jiao liu dazhuang`: the boss named with the words around the name typed in pinyin too: the name as typed
  // (「laobanjiaoliudazhuang」 was kept), confirmed like any name in pinyin.
  const pinyinBoss = PINYIN_BOSS_NAMED.exec(text.trim());
  if (pinyinBoss) return built(parseOrgName(pinyinBoss[1]!.replace(/\s+/gu, ' ')));
  // `老板是他哥王建国`, `他哥王建国`: the boss is someone's relative, named: the name alone, confirmed (「他哥王建国」 was kept).
  const kin = KIN_NAMED.exec(compact(text).replace(/[。.!！]+$/u, ''));
  if (kin && personCalled(kin[1]!)) return built(parseOrgName(kin[1]!));
  // `等下 我找找合同上怎么写的`, `稍等`: a pause while the person looks the name up, never a name (「等下」 was proposed).
  if (PAUSE_TO_LOOK.test(text.trim())) return { ok: false as const, error: EMPLOYER_LOOKED_UP, whole: true };
  // `一开始是跟着张德胜干 后来他把活转给了李老四 现在欠钱的是李老四`: the one said to owe the money now, in the last clause,
  // never the first boss named (「一开始是跟着张德胜」 was proposed); confirmed.
  const owing = OWING_NOW.exec(text.trim().split(/[\s,，。;；!！]+/u).filter(Boolean).at(-1) ?? '');
  if (owing && /[\s,，。;；!！]/u.test(text.trim()) && personCalled(owing[1]!) && parseOrgName(owing[1]!).ok) return built(parseOrgName(owing[1]!));
  // `快点帮我`, `麻烦了`, `我很着急`: no name; asked again, kindly.
  if (pleaOf(text)) return { ok: false as const, error: '别着急，我们一步步来。欠工资的单位或老板叫什么？写公司名，或者老板、包工头的名字都行。', whole: true };
  // `好像叫什么鑫什么的`: half remembered, the rest forgotten: not knowing it, what will do said (it was 「这还不是…名字」).
  if (/^(?:好像|大概|可能|应该|记得)?(?:是|叫)?(?:什么|啥)[\p{Script=Han}]{1,2}(?:什么|啥)(?:的|来着)?[。.!！]*$/u.test(text.trim())) {
    return { ok: false as const, error: EMPLOYER_NOT_KNOWN, whole: true };
  }
  // `不好说`, `说不准`: not knowing it, said another way.
  if (/^(?:我|俺)?(?:也|真|实在)?(?:说不好|说不准|不好说|说不上来?|讲不清|拿不准|不太确定|不确定)(?:了|啊|呀|哦|呢|吧)*[。.!！]*$/u.test(text.trim())) {
    return { ok: false as const, error: EMPLOYER_NOT_KNOWN, whole: true };
  }
  // `Hongda Construction Co.`: a name in English, whole (never its first word); an English sentence is no name.
  const latin = text.trim().replace(/\s+/g, ' ');
  if (/^[A-Za-z][A-Za-z0-9 .,&'()-]*$/u.test(latin) && /[A-Za-z]{2}/u.test(latin) && latin.includes(' ')) {
    if (ENGLISH_SENTENCE.test(latin)) return { ok: false as const, error: '请用中文写欠工资的单位或老板的名字，例如「青溪宏达建筑」「老板叫刘大壮」；英文的公司名照着写也行。', whole: true };
    return built(parseOrgName(latin.replace(/[,，]+$/u, '')));
  }
  // `'; DROP TABLE cases; --`: code, and no name before it.
  if (!/[\p{Script=Han}]/u.test(text) && /['"`;<>{}]|--/u.test(text)) return { ok: false as const, error: '请写欠工资的单位或老板的名字，例如「青溪宏达建筑」「老板叫刘大壮」。', whole: true };
  const said = text.trim().replace(/[\s。.!！~～]+$/u, '');
  // `在茶场摘茶 老板叫黄德贵`, `直播公司 星耀传媒`: the work or a kind of unit, then the name in a clause of its own.
  const afterKind = namedAfterKind(said, isPlace, household);
  if (afterKind) return afterKind;
  // `就那个厂`, `就是那个饭店`: a kind of unit pointed at, no name: which one asked (never the words kept).
  const kind = POINTED_KIND.exec(compact(said)) ?? KIND_BY_VERB.exec(compact(said)) ?? KIND_ALONE.exec(compact(said)) ?? kindAfterPlace(compact(said)) ?? KIND_OF_ACQUAINTANCE.exec(compact(said));
  if (kind) {
    const which = kind[1]!.replace(/^(?:工厂|厂子)$/u, '厂').replace(/^快递$/u, '快递公司').replace(/^外卖$/u, '外卖平台');
    const example = /快递/u.test(which) ? '「顺丰」「韵达」' : /外卖/u.test(which) ? '「美团」「饿了么」' : /工地|项目|工程队|施工队/u.test(which) ? '「宏达建筑」「青溪花园项目」' : /厂|作坊|车间/u.test(which) ? '「鑫源电子厂」「王老板的厂」' : /公司|单位/u.test(which) ? '「宏达建筑公司」「老板叫刘大壮」' : '「好再来饭店」「王老板的店」';
    return { ok: false as const, error: `${KIND_ASKED(which)}请写它的名字，记不清全称的话，写招牌上的字或者老板姓什么都行，例如${example}。`, whole: true };
  }
  // `果园`, `在养鸡场`: a farm of a kind, no name: which one asked (「果园」 was kept as the name).
  const farm = FARM_KIND.test(compact(said)) ? compact(said).replace(/^(?:在)?(?:一个|一家|个|家|那个|这个)?(?:小|大)?|(?:里|上|里面)?(?:的)?$/gu, '') : null;
  if (farm) return { ok: false as const, error: `${KIND_ASKED(farm)}请写它的名字，记不清的话，写老板的名字或者姓什么都行，例如「老板叫刘大壮」「王老板」。`, whole: true };
  // `湖南人`: where someone is from, never a name.
  if (ORIGIN_CLAUSE.test(compact(said))) return { ok: false as const, error: `「${[...compact(said)].slice(0, 12).join('')}」还不是名字。厂、公司或店叫什么？老板叫什么？写一个就行，例如「好再来饭店」「老板叫刘大壮」。`, whole: true };
  // `外包公司叫蜂鸟还是啥 记不清`: a name half remembered (`…还是啥`): the name said, confirmed.
  const orWhat = said.replace(/(?:还是|或者)(?:啥|什么)(?:的)?(?:[,，\s]*(?:我|俺)?(?:也)?(?:记不清|不记得|记不得|不知道|不清楚|忘了)(?:了)?)?$/u, '').trim();
  if (orWhat !== said && /[\p{Script=Han}A-Za-z]{2}$/u.test(orWhat)) {
    const p = parseEmployer(orWhat, isPlace, household);
    return p.ok ? built(p) : p;
  }
  // `去宏达厂`, `跑顺丰快递`, `给王老板干`: the name after a verb of going or working for (the words were kept whole
  // as the name); the name alone proposed, for a yes.
  const led = VERB_LED.exec(compact(said));
  const ledName = led && !/[我你他她俺咱]/u.test(led[1]!) && !NOT_AN_EMPLOYER.test(led[1]!) && (nameShaped(led[1]!) || BOSS_BY_SURNAME.test(led[1]!)) ? led[1]! : null;
  // `给一个老板干`, `替包工头干`: who, but no name: the name or the surname asked (the words were kept as the name).
  if (led && !ledName && /^(?:一个|这个|那个|个)?(?:老板娘|老板|包工头|工头|老总)$/u.test(led[1]!)) {
    return { ok: false as const, error: '老板或包工头叫什么？知道姓也行，例如「王老板」「包工头姓刘」。', whole: true };
  }
  const p0 = ledName ? built(parseOrgName(ledName)) : employerSaid(text, said, isPlace, household);
  // `开元酒店`, `开心农场`, `做好家政`, `想家饭馆`: a whole answer shaped as a unit's name (two or more characters before a
  // kind of unit) whose first character reads as a verb (开饭店的, 做家政) was refused at every try, a loop for a
  // worker whose unit is called so: proposed as said instead, for a yes (never kept unasked).
  const p = !p0.ok && nameShaped(said) ? built(parseOrgName(compact(said))) : p0;
  // `九月份开始的 到现在`, `9月到现在`, `从9月开始`: when the arrears began (the period question's answer), never a
  // name; a unit's own name with a month in it keeps its kind of unit (`九月花园项目`).
  if (p.ok && !ORG_SUFFIX.test(p.value.replace(/（.*）$/u, '')) && TIME_NOT_NAME.test(p.value)) {
    const when = compact(said).replace(/[，,]/gu, '');
    return { ok: false as const, error: `「${[...when].slice(0, 12).join('')}」说的是时间。这里请写欠您工资的单位或老板的名字，例如「好再来饭店」「老板叫刘大壮」。`, whole: true };
  }
  // `那个什么厂`: a workplace not named is no name, whatever was taken off around it.
  // `早跑路了 上个月底`, `上个月底跑的`: a time (when someone left or ran off) taken out of the words, never a name.
  // `忘了 上个月还在`, `去年还在那干`: when the person was still there (「上个月还在」 was proposed as the unit).
  const time = p.ok ? compact(p.value).replace(/(?:就|都|早就|还|也|刚|刚刚|才)?(?:跑路|跑|走|离开|不干|辞职|辞|在那?干活?|在那?里?干活?|在)(?:的|了)?$/u, '') : '';
  if (p.ok && SAID_WHEN.test(time)) {
    return { ok: false as const, error: `「${[...time].slice(0, 12).join('')}」说的是时间。这里请写欠您工资的单位或老板的名字，例如「好再来饭店」「老板叫刘大壮」。`, whole: true };
  }
  // `站长说等总部打款 一直拖`: what someone said (what happened), never a name.
  if (p.ok && /[\p{Script=Han}]说(?:等|要|过|下|再|明天|后天|年底|月底|没钱|会给|马上|先)/u.test(compact(p.value)) && !looksLikeOrganisation(p.value)) {
    return { ok: false as const, error: '事情经过后面会请您再说。这里请先写欠您工资的单位或老板的名字，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  }
  if (p.ok && /什么|啥/u.test(p.value)) return { ok: false as const, error: '这还不是单位或老板的名字。写店名、厂名、工地名或老板的名字都行，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  // `今年7月开始工资就不正常发了`, `我在那里做了两年多`: what happened to the pay, or work done "there", read as a name
  // (「那里做了两年多」 was proposed): never one.
  if (p.ok && !ORG_SUFFIX.test(p.value) && (/工资|工钱|(?:没|不|少|晚)发|欠(?:了|我|钱)/u.test(p.value) || /^(?:那里|这里|那边|这边|那儿|这儿)/u.test(p.value))) {
    return { ok: false as const, error: '这还不是单位或老板的名字。写店名、厂名、工地名或老板的名字都行，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  }
  // `在老李那干活`, `给王哥那儿干`, `在宏达那上班`: at a person's or a unit's, said with 那 (there) after it: the person or
  // the unit, never 「老李那」 (a name built from the words: confirmed unless the question of who it is shows it next).
  const atWhere = p.ok ? /^([\p{Script=Han}A-Za-z0-9]{2,8}?)(?:那里|那儿|那边|那块|那)$/u.exec(p.value) : null;
  if (atWhere && parseOrgName(atWhere[1]!).ok) return built(parseOrgName(atWhere[1]!));
  // `老板姓李 饭店叫李记饭庄`: the unit's clause kept, its frame with it (「饭店叫李记饭庄」 was proposed): the name after 叫.
  const unitFrame = p.ok ? UNIT_THEN_NAME.exec(compact(p.value)) : null;
  const framed = unitFrame && p.ok ? compact(p.value).slice(unitFrame[0].length) : '';
  if (unitFrame && [...framed].length >= 2 && parseOrgName(framed).ok) return built(parseOrgName(framed));
  // `只知道楼盘叫锦绣华府`: the site's or the project's name (read as the project), never who owes the wages.
  if (p.ok && SITE_CALLED.test(compact(p.value))) return { ok: false as const, error: '这是楼盘或项目的名字。欠您工资的是哪家公司，或者哪个老板、包工头？知道一样就写一样；不知道就回复「不知道」。', whole: true };
  return p;
}

/**
 * A whole answer that is only a unit's name: letters or characters, a kind of unit at the end (`开元酒店`), two or
 * more before it that are no pointer, person, question or kind of work (`开饭店`, `那个厂`, `做装修公司` are not).
 */
function nameShaped(said: string): boolean {
  const c = compact(said);
  if (!/^[\p{Script=Han}A-Za-z0-9]{3,14}$/u.test(c)) return false;
  const kind = ORG_SUFFIX.exec(c);
  if (!kind) return false;
  const before = c.slice(0, kind.index);
  return (
    [...before].length >= 2 &&
    !/[我你他她俺咱们]|什么|啥|哪|不知道|不清楚|名字|那个|这个|一个|一家|那家|这家|某|装修|建筑|工地|工程|搬运|外卖|快递|保洁|保姆|打零工|没|不|欠|钱|工资|月|年|干活|上班|打工|工作|的$/u.test(before) &&
    ORG_SUFFIX.exec(before)?.index !== 0 &&
    !/^(?:开|做|干|搞|在|去|到|给|帮|跟|跑|送|当|是)(?:了个|了|个|家|的|小|大)?$/u.test(before)
  );
}

/** A verb of going to or working for before a name (1), and what working there is called after it. */
const VERB_LED = /^(?:我|俺)?(?:以前|之前|原来|现在|一直)?(?:去|到|跑|进|给|帮|替)(?:了)?([\p{Script=Han}A-Za-z0-9]{2,14}?)(?:干活|干|上班|打工|做事|做工|的活)?(?:的)?$/u;
/** `王老板`, `刘包工头`: a boss known by surname. */
const BOSS_BY_SURNAME = /^(?![一这那某个每])[\p{Script=Han}]{1,2}(?:老板娘|老板|包工头|工头|老总)$/u;

/** A last clause saying when the boss promised to pay (`老板说年底一起结`, `他说过年再给`), after other words. */
const PROMISED_AFTER =
  /(?<=\S)[\s,，。]+(?:老板娘|老板|包工头|工头|老总|他|她)?(?:又|也|就|还)?(?:说|讲|答应|说好|讲好|承诺)(?:了|过)?(?:等)?(?:到)?(?:年底|年前|过年|月底|明年|下个?月|过段时间|以后)(?:再|就|才|会)?(?:一起|一块|一次性|统一)?(?:结|给|发|算|付)(?:清)?(?:的|了|呢)*[。.!！]*$/u;

/** Words of when, in what was read as a name: a month by number (not a name's start: 九月花园), `到现在`, `至今`. */
const TIME_NOT_NAME = /(?:^|[从到至自是])[0-9一二三四五六七八九十两]+个?月份?(?:$|开始|以来|以后|之后|起|到|至|底|初|末|中旬|上旬|下旬|的|了|没|都)|到现在|至今|到今天/u;

/** The person themself, nothing else: `我本人`, `是我自己`, `本人啊`. */
const SELF_ONLY = /^(?:是|就是)?(?:我|俺)?(?:本人|自己)(?:的)?(?:啊|呀|吧|哈)?[。.!！]*$/u;

/** `parseEmployer` past the answers that are no name at all. */
function employerSaid(text: string, said: string, isPlace: (name: string) => boolean, household: boolean): ReturnType<typeof parseEmployerSaid> {
  // `我本人`, `是我自己`: the person, never a unit named 「本人」 (the question may have been read as who is owed).
  if (SELF_ONLY.test(said.trim())) return { ok: false as const, error: '这里问的是欠您工资的单位或老板，请写单位或老板的名字，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  // `同上`, `一样的`: said elsewhere, which this question cannot see; never a unit named 「同上」.
  if (SAME_AS_BEFORE.test(said.trim())) return { ok: false as const, error: '这里看不到您前面写的。请写欠您工资的单位或老板的名字，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  // `在宏达建筑工地上扎钢筋`, `宏达建筑的工地上干活`: the builder whose site it is, confirmed; the site and the work are
  // no part of its name (「宏达建筑工地上扎钢筋」 was proposed). Only a builder's name (a project's, `锦绣华府工地`, is not
  // the one who owes).
  const site = ON_BUILDERS_SITE.exec(compact(said).replace(/[。！!]+$/u, ''));
  if (site && usableName(site[1]!, isPlace)) {
    const p = parseEmployer(site[1]!, isPlace, household);
    return p.ok ? built(p) : p;
  }
  // `宏达建筑公司吧应该是`, `王建国吧`: the name before the hedge, confirmed.
  const unhedged = said.replace(HEDGE_AFTER, '').trim();
  if (unhedged !== said && /[\p{Script=Han}A-Za-z]{2}/u.test(unhedged)) {
    const p = parseEmployer(unhedged, isPlace, household);
    return p.ok ? built(p) : p;
  }
  // `宏达或者宏大`, `好像是叫鑫源 也可能是鑫园`: the first, the other kept beside it for staff, confirmed.
  const either = EITHER_SAID.exec(compact(said).replace(FILLER_FIRST, ''));
  if (either && usableName(either[1]!, isPlace) && usableName(either[2]!, isPlace) && either[1] !== either[2]) {
    const [one, other] = [either[1]!, either[2]!];
    // Two names alike (宏达/宏大, 鑫源/鑫园), or said not to be known: never `宏达还是欠着`.
    const unsure = /清楚|记得|确定|肯定|好像|应该|大概|可能|估计|或/u.test(compact(said));
    if (unsure || [...one].some((c) => other.includes(c))) return built(parseOrgName(`${one}（也可能是${other}）`));
  }
  // `一个包工头 姓刘 湖南人`, `宏达建筑公司老板姓王`, `嗯那个宏达建筑`: read as plainer words; confirmed when more was taken off
  // than sounds before the name.
  const plainer = plainerEmployer(said);
  if (plainer !== null) {
    const p = parseEmployerSaid(plainer, isPlace, household);
    const onlySounds = compact(said).replace(FILLER_FIRST, '') === compact(plainer);
    return p.ok && !onlySounds ? built(p) : p;
  }
  return parseEmployerSaid(text, isPlace, household);
}

/** A builder's name, then its site and what was done there (`在宏达建筑工地上扎钢筋`): the name in group 1. */
const ON_BUILDERS_SITE =
  /^(?:我|俺)?(?:是|就是|一直)?(?:在|给|帮|跟)?([\p{Script=Han}A-Za-z0-9]{2,14}?(?:建筑|建设|建工|工程|集团|劳务|路桥|装饰|公司))(?:的)?(?:工地|项目部|项目|楼盘)(?:上|里)?(?:干活|做事|做工|打工|上班|干|做|搬砖|扎钢筋|绑钢筋|砌墙|打灰|开塔吊|[\p{Script=Han}]{1,4}工)?(?:的)?$/u;

/** Whether a name read from an answer may be an employer's (not a place, a role, a pronoun or 什么). */
function usableName(name: string, isPlace: (name: string) => boolean): boolean {
  return !NOT_AN_EMPLOYER.test(name) && !UNNAMED_FAMILY.test(name) && !isPlace(name) && !/[我你他她俺咱]|什么|啥|不知道|名字|记不|清楚|确定/u.test(name) && !isRoleWord(name) && !describesEmployer(name);
}

function parseEmployerSaid(text: string, isPlace: (name: string) => boolean, household: boolean) {
  // `在工业园二号`, `在滨江路18号`: where the unit is, never its name; `滨江路88号` too, without 在 (it was kept as the name).
  const where = text.replace(/[\s。！!]+/g, '');
  if ((/^(?:就)?(?:在|位于)/u.test(where) && ADDRESS_PLACE.test(where) && !ORG_SUFFIX.test(where.replace(/(?:里|那边|那里|附近)$/u, '')) && !UNIT_WORDS.test(where)) || BARE_ADDRESS.test(where)) {
    return { ok: false as const, error: '这像是地址。单位叫什么名字？不知道全称，写个大概或老板的名字也行，例如「鑫源厂」「老板叫刘大壮」。', whole: true };
  }
  // `过年前`, `今年`, `前几天`: when something happened (an answer to another question), never a name.
  const when = text.replace(/[\s。！!，,]+/gu, '');
  if (SAID_WHEN.test(when)) return { ok: false as const, error: `「${[...when].slice(0, 12).join('')}」说的是时间。这里请写欠您工资的单位或老板的名字，例如「好再来饭店」「老板叫刘大壮」。`, whole: true };
  const reading = employerReading(text, isPlace);
  if (reading?.ok) return reading;
  const compactText = text.replace(/[\s。！!]+/g, '');
  // `女主人叫林美华`, `给一户人家当保姆 女主人叫林美华 半年没给我钱`: the household's head named (「女主人叫林美华」 was kept
  // whole as the name); the name, confirmed when the message said more than it.
  // Said with 是 (`男主人是陈建国`), only a name with a known surname (`主人家是好人` is no name).
  const head = text.split(/[\s,，。;；!！]+/u).map((c) => HOUSEHOLD_HEAD_CALLED.exec(c)).find((m) => m && (m[2] !== '是' || knownSurname(m[3]!) !== null));
  if (head) return head[0] === compactText ? parseOrgName(head[3]!) : built(parseOrgName(head[3]!));
  // `不知道叫啥，就知道老板姓陈`: no unit named, but the boss's surname and role, as staff would write them (陈老板).
  if (!UNIT_WORDS.test(compactText.replace(/(?:不知道|不晓得|不清楚|不记得)[^，,]{0,6}?(?:名字?|叫啥|叫什么)/gu, ''))) {
    // `包工头姓陈 叫啥不知道`: the surname, then the name not known.
    const surnamed = compactText.replace(NAME_NOT_KNOWN, '');
    const more = surnamed !== compactText ? built : (r: ReturnType<typeof parseOrgName>) => r;
    const a = SURNAME_ROLE_A.exec(surnamed);
    const b = a ? null : SURNAME_ROLE_B.exec(surnamed);
    if (a) return more(parseOrgName(`${a[2]}${a[1]}`));
    if (b) return more(parseOrgName(`${b[1]}${b[2]}`));
    // A family known by surname (household work): `一户姓王的人家` is 王家, `姓张的阿姨家` is 张阿姨家.
    const family = SURNAME_FAMILY.exec(surnamed);
    if (family) return built(parseOrgName(`${family[1]}家`));
    const title = SURNAME_TITLE.exec(surnamed);
    if (title) return built(parseOrgName(`${title[1]}${title[2]}${title[3] ?? ''}`));
    // `他姓陈`: a surname, but whose? Not a name to keep as it is.
    // `给一户人家当保姆 她姓张 叫啥不知道`: the surname in a clause of its own, after others.
    const clauses = text.trim().replace(/[\s。！!]+/gu, '，').replace(/^，|，$/gu, '').replace(NAME_NOT_KNOWN, '');
    const bareRe = /(?:^|[，,]|[就只](?:知道|晓得)?)(他|她|雇主|东家|(?:那|这)(?:家人|户人家|家|户)|主家|主人家)?(?:是)?姓([^啥什么名不\P{Script=Han}])(?:的)?$/u;
    const bare = bareRe.exec(surnamed) ?? bareRe.exec(clauses);
    if (bare) {
      // `雇主姓张`, `在一户人家做育儿嫂 雇主姓张`: a family's or a private person's surname, said so (never 老板 or 包工头 asked).
      household ||= /^(?:雇主|东家|主家|主人家)$/u.test(bare[1] ?? '') || findEmployerKind(compactText) === 'household';
      // A family's, the name said not to be known (`她姓张 叫啥不知道`, `雇主姓张 名字不知道`): the surname with how
      // such an employer is called (张女士, 张先生, 张姓雇主), as 陈包工头 is built, and confirmed.
      if (household && more === built) return built(parseOrgName(`${bare[2]}${bare[1] === '她' ? '女士' : bare[1] === '他' ? '先生' : bare[1] && /家|户/u.test(bare[1]) ? '家' : '姓雇主'}`));
      // A family's (household work): how the person calls them, never a name made up from the surname.
      if (household) return { ok: false as const, error: `知道姓就行。平时怎么称呼？例如「${bare[2]}阿姨」「${bare[2]}先生家」。`, whole: true };
      return { ok: false as const, error: `知道姓就行，是老板还是包工头？例如「${bare[2]}老板」「包工头姓${bare[2]}」。`, whole: true };
    }
  }
  // `微信名叫发财哥`: only a WeChat name is known; kept as that, said so.
  const wechat = /微信(?:名|名字|昵称|上)(?:叫|是)?([\p{Script=Han}A-Za-z0-9]{2,8})$/u.exec(compactText);
  if (wechat) return parseOrgName(`${wechat[1]}（微信名）`);
  // `按天算 300一天 干了40天`, `点工`: how the pay is counted, never a name (`按天算` was once kept as the employer).
  if (PAY_COUNTED.test(compactText) && !UNIT_WORDS.test(compactText)) return { ok: false as const, error: '这是工钱怎么算，后面问到金额时再说就行。现在请先写欠您工资的单位或老板的名字，例如「宏达建筑」「包工头叫老张」。', whole: true };
  const name = employerFromAnswer(text, isPlace);
  // `在水一方酒店`, `我在家宏达饭店上班`: a 在 taken off before the name may be the name's own (在水一方) and a 家 kept may
  // be a measure word (在家…): the name read so is proposed for a yes, never stored unasked.
  if (name && !NOT_AN_EMPLOYER.test(name)) return AFTER_AT(compact(text), name) ? built(parseOrgName(name)) : parseOrgName(name);
  // `老乡介绍的 一个叫老黑的人`, `跟着我表哥干的 他叫李强`, `那个搞装修的刘老板`: the person named, not the words around.
  // `我叫他陈哥`, `平时喊她王姐`: how the person calls them (陈哥), never 「他陈哥」.
  const called = /(?:(?:我|俺|平时|都)(?:叫|喊)[他她]|叫|名叫|叫做)((?:老|小|阿)[\p{Script=Han}]|[\p{Script=Han}]{2,3}?)(?:的人|的|这个人)?(?:$|[,，。\s我他她])/u.exec(text);
  const boss = /的([\p{Script=Han}](?:老板娘|老板|老总|包工头|工头))(?:$|[,，。\s他她])/u.exec(text);
  const person = called?.[1] ?? boss?.[1];
  if (person && !NOT_AN_EMPLOYER.test(person) && !/^(?:啥|什么|不|没)/u.test(person)) return parseOrgName(person);
  // `一个姓陈的包工头`.
  const surname = /姓([^啥什么名不\P{Script=Han}])的(老板娘|老板|包工头|工头|老总)/u.exec(compactText);
  if (surname) return parseOrgName(`${surname[1]}${surname[2]}`);
  if (name) return { ok: false as const, error: '这还不是单位或老板的名字。写店名、厂名、工地名或老板的名字都行，例如「好再来饭店」「老板叫刘大壮」；实在不知道，可以回复「人工」。', whole: true };
  // `开饭店的`, `老板电话打不通`: said of the employer, never kept as its name.
  if (describesEmployer(text)) return { ok: false as const, error: '这还不是单位或老板的名字。写店名、厂名、工地名或老板的名字都行，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  // `公司名字不晓得 只知道是做电子的`: not knowing the name, and nothing that is one.
  if (/不知道|不晓得|不清楚|不记得|忘了/u.test(text)) return { ok: false as const, error: EMPLOYER_NOT_KNOWN, whole: true };
  // `同意`, `可以` (a second yes after tapping 1 for consent): never a name.
  if (yesNo(compactText) !== null) return { ok: false as const, error: '好的。这里请写欠您工资的单位或老板的名字，例如「青溪宏达建筑」「老板叫刘大壮」。', whole: true };
  if (NOT_AN_EMPLOYER.test(compactText)) return { ok: false as const, error: `「${[...compactText].slice(0, 12).join('')}」还不是名字。厂、公司或店叫什么？老板叫什么？写一个就行，例如「好再来饭店」「老板叫刘大壮」。`, whole: true };
  // `劳务公司派我去的`: sent somewhere not named; never these words as the name.
  if (/(?:派遣|劳务|中介|人力)[^，,]*(?:派|介绍|送|安排)(?:我)?(?:去|到|进)/u.test(compactText)) return { ok: false as const, error: '派您去干活的是哪个单位？写那个单位的名字就行，例如「鑫源厂」；也可以写派遣公司的名字。', whole: true };
  // `在人家家里做钟点工`: the work said (for a family), not who employs them.
  if (findEmployerKind(compactText) === 'household') return { ok: false as const, error: '请写雇主的姓名或称呼，例如「王秀英」「锦绣花园刘先生家」；只知道姓，就写「姓张，名字不知道」。', whole: true };
  // `我在饭店`, `我跟我哥`: the person said where they work, or with whom; never a name as typed.
  // `在间餐厅做事` (a measure word before the kind of place, no name): where the person works, said as a sentence.
  if (/^(?:我|俺)(?:们)?(?:和|跟|与|同|在|给|还有)|^在[\p{Script=Han}]{1,8}(?:做事|做工|干活|上班|打工|做|干)$/u.test(compactText)) return { ok: false as const, error: '这还不是单位或老板的名字。写店名、厂名、工地名或老板的名字都行，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  // `老板我不认识`, `名字记不住`: the person saying what they do not know, never a name (`老板我不认识` was kept as one).
  if (NOT_KNOWN_SAID.test(compactText)) return { ok: false as const, error: EMPLOYER_NOT_KNOWN, whole: true };
  // `老板是我表哥`, `在不在呀`: a relative of the person's, or a question (在不在, 是不是), never a name kept as typed.
  if (/(?:我|俺)(?:的)?(?:表哥|表弟|表姐|表妹|堂哥|堂弟|亲戚|老乡|朋友|同学|哥|姐|弟|妹|叔|舅|姑|姨|叔叔|舅舅|姑父|姨父|大伯|老公|老婆)$|([\p{Script=Han}])[不没]\1/u.test(compactText)) return { ok: false as const, error: '这还不是单位或老板的名字。写店名、厂名、工地名或老板的名字都行，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  // `我是在工地干的`, `我爸是在工地干的`: a sentence saying someone worked somewhere not named, never kept whole as the
  // name (it was, unasked). (A foreman or the construction chain said in it is read by the chain's own words.)
  if (/[我你他她俺咱]/u.test(compactText) && /(?:干|做|上班|打工|做工|做事|干活|工作)(?:的|了|过)?(?:啊|呀|哦|吧)?$/u.test(compactText) && !/包工头|工头|班组长|总包|分包|劳务/u.test(compactText)) {
    return { ok: false as const, error: '这还不是单位或老板的名字。写店名、厂名、工地名或老板的名字都行，例如「好再来饭店」「老板叫刘大壮」。', whole: true };
  }
  return parseOrgName(text.length <= 12 && !/[,，\s]/.test(text) && !NOT_SAID.test(text) ? text : '');
}

/** Whether the name read (`name`) follows a 在 in the words (`text`, spaces dropped): where, or part of the name. */
const AFTER_AT = (text: string, name: string): boolean => {
  const at = text.indexOf(name);
  return at > 0 && /^(?:我|俺|我们|俺们)?(?:一直|之前|以前|原来|现在|就)?在$/u.test(text.slice(0, at));
};

/** The person saying what they do not know or will not say: `我不认识`, `记不住`, `不好意思说`. */
const NOT_KNOWN_SAID = /不认识|不认得|记不住|记不清|想不起|说不出|不好意思|(?:我|俺)(?:也|都|真)?(?:不|没)(?:认识|知道|晓得|记得|清楚|问过|见过)/u;

/** Said to someone for whom typing or reading is hard: a voice message will do, or a person to help. */
export const CANNOT_TYPE_HELP = '没关系，看字、打字不方便的话，直接发语音说单位或老板的名字就行，工作人员听了会帮您登记。也可以回复「人工」，请工作人员帮您。';
const TO_STAFF = { label: '请工作人员帮忙', value: '人工' };

/**
 * What is said at the employer question instead of a name (flows/parsers/name.ts `orgNonAnswer`), answered as
 * its Chinese words are (`buzhidao` as 不知道, `laoban` as 老板), or with help to answer another way; null otherwise.
 */
function employerNonAnswer(t: string, a: WageAnswers): { ok: false; error: string; options?: { label: string; value: string }[] } | null {
  const kind = orgNonAnswer(t);
  if (kind === null) return null;
  if (kind === 'cannot-type') return { ok: false, error: CANNOT_TYPE_HELP, options: [TO_STAFF] };
  if (kind === 'placeholder') {
    return { ok: false, error: household(a) ? '请写雇主的姓名或称呼，例如「王秀英」「锦绣花园刘先生家」。' : `这还不是名字。请写欠${owed(a)}工资的单位名，或者老板、包工头的名字，例如「青溪宏达建筑」「老板叫刘大壮」。不知道全称写个大概就行。` };
  }
  const said = parseEmployer(kind === 'dont-know' ? '不知道' : kind === 'none' ? '没有' : '老板', () => false, household(a));
  return said.ok ? null : { ok: false, error: said.error };
}

/** A greeting before a self-introduction (`你好 我叫王芳`). */
const GREETING = /^(?:你好|您好|你们好|喂|哈喽|嗨|hello|hi|在吗|老师好|同志你好)(?:啊|呀)?[,，。.!！\s]*/iu;
/**
 * The person's own name said alone, or with their phone (`我是王芳，电话13700001111`, `你好 我叫王芳`): the
 * name, when it is one (a known surname, no trade: never `我是木工`); null otherwise.
 */
export function selfIntroduction(text: string): string | null {
  const clauses = text.trim().replace(GREETING, '').split(/[,，。;；!！\s]+/u).filter(Boolean);
  const m = clauses.length > 0 ? /^(?:我|俺|本人)(?:的名字)?(?:是|叫|名叫)([\p{Script=Han}·]{2,4})$/u.exec(clauses[0]!) : null;
  if (!m) return null;
  const rest = clauses.slice(1).join('');
  if (rest !== '' && !/^(?:(?:我的?)?(?:电话|手机|手机号|电话号码|号码)(?:是|:|：)?)?(?:\+?86)?1[3-9]\d{9}$/u.test(rest)) return null;
  const name = m[1]!;
  // `我是干木工的`, `俺是卖菜的`: what the person does (干 and 卖 are surnames too), never a name; no name ends in 的.
  if (/的$/u.test(name)) return null;
  const p = parsePersonName(name);
  return p.ok && knownSurname(name) !== null && !isRoleWord(name) && !ORG_SUFFIX.test(name) ? p.value : null;
}

/**
 * Words that are not an employer's name (a relative, who introduced the job, a place word, the trade,
 * something that happened, what the boss does: `老板不认账`, `老板不给`, `老板赖账` were kept as the unit): never
 * kept, never offered as the employer.
 */
const NOT_AN_EMPLOYER =
  /^(?:就是|就在|在|是)?(?:厂里|厂子里?|工厂里?|公司里?|单位里?|工地上?|店里|车间里?|(?:小|大)?老板|老板娘|(?:小|大)?包工头|(?:小|大)?工头|东家|雇主|表哥|表弟|表姐|表妹|堂哥|堂弟|老乡|朋友|亲戚|同学|邻居|熟人|同事|工友|他|她|那个人|这个人)$|介绍|走了|去世|没了|跑了|没干|不干|^就没|^(?:我|俺)?(?:还在|已经)|搞装修|^搞|^做|^干|^开(?!发)|带孩子|当保姆|打工|上班|干活|^姓[^\P{Script=Han}]|一起$|一起(?:干|做|打工|来的|去的|出来)|^(?:和|跟)?老乡(?:们)?(?:一起|一块|都)|(?:让|叫)(?:我|俺)(?:来|过来)?(?:问|反映|登记)|问一下|问问|来问|把(?:我|俺)|拉黑|删了(?:我|俺)|不理(?:我|俺)?|不接(?:电话)?|来(?:讨|要|反映|登记|报)(?:个|下|一下)?(?:薪|欠薪|工资|工钱)|讨薪|讨工资|要工资|不认|不承认|赖账|赖皮|耍赖|失联|玩失踪|玩消失|不见了|找不到|联系不上|(?:不|没|不肯|不想)(?:给|发|还|结|付)|拖着|说没钱|没钱/u;

/** The head of the household one works for, named (`女主人叫林美华`, `那家男主人是陈建国`): who (1), the verb (2), the name (3). */
const HOUSEHOLD_HEAD_CALLED = /^(?:那家|这家|那户|这户|他家|她家)?(?:的)?(女主人|男主人|女雇主|男雇主|女东家|主人家|主人)(?:的名字)?(叫做|名叫|叫|是)(?![^]*(?:谁|啥|什么|哪|不|没|知道|记得))([\p{Script=Han}]{2,4})$/u;

/** How the pay is counted (`按天算`, `300一天`, `干了40天`, `日结`), said at the employer's question: no name. */
const PAY_COUNTED = /^(?:是|就是|我们|我|俺)?(?:按(?:天|日|月|件|小时|钟点|工|方|平方|米|吨|车|趟)(?:算|计|结|给)?(?:的|钱|工资|工钱)?|点工|日结|月结|包工包料|计件|[0-9零一二两三四五六七八九十百千]+(?:块|元)?(?:一|每)(?:天|个工|个月|月|件)|(?:一|每)(?:天|个工)[0-9零一二两三四五六七八九十百千]+|干了[0-9零一二两三四五六七八九十百]+(?:多)?(?:天|个工|个月))/u;

/** Words that only frame an employer's name in an answer (`就是那个…的`, `老板叫…`, `在…干活`). */
const NAME_FRAME =
  /只知道|就知道|只晓得|就晓得|就是|是|叫做|叫|名字|名称|全称|老板娘|老板|包工头|工头|雇主|东家|个人|私人|个体|公司|单位|厂子|的|在|给|帮|跟着|干活|上班|打工|做事|工作|那个|这个|那家|这家|一个|一家|我们|咱们|俺们|我|俺|咱|那边|这边|里面|啊|吧|呢|哦|嗯|对/gu;

/**
 * Whether the answer says more than the name taken from it (besides framing
 * and a township, which is confirmed as a fact of its own): then the name is
 * a reading to confirm. A name built from the words (`老板姓陈` → 陈老板) is not.
 */
function saidMoreThan(text: string, name: string, ctx: FlowContext): boolean {
  const t = text.replace(/[\s,，。.!！、;；:：]+/gu, '');
  const at = t.indexOf(name);
  if (at < 0) return false;
  let rest = (t.slice(0, at) + ' ' + t.slice(at + name.length)).replace(NAME_FRAME, '');
  const town = townshipName(ctx, findTownship(ctx, rest));
  if (town) rest = rest.replace(town, '').replace(town.replace(/(?:镇|街道|乡)$/u, ''), '');
  return rest.replace(/\s+/g, '').length >= 2;
}

/**
 * `东龙镇新塘村` (a township and a village of it no one by that name, 新塘社区 its one near name): that one, read as a
 * fact, so confirmed (never taken unasked), rather than the village asked from scratch. Only the two said alone.
 */
function nearCommunityAfterTown(ctx: FlowContext, place: NonNullable<WageAnswers['location']>, text: string): WageAnswers['community'] | null {
  const tw = ctx.index.townshipById.get(place.townshipId)?.township;
  if (!tw) return null;
  const town = townshipName(ctx, place);
  const short = town.replace(/(?:镇|街道|乡)$/u, '');
  const m = new RegExp(`^(?:在|就在|是)?(?:${town}|${short})(?:的)?(\\p{Script=Han}{1,6}(?:村|社区|居委会|村委会?))$`, 'u').exec(compact(text));
  if (!m) return null;
  const r = matchCommunity(tw, m[1]!);
  return r.kind === 'candidates' && r.communities.length === 1 ? { community: r.communities[0]!.community, gridId: r.communities[0]!.grid.id } : null;
}

/**
 * A unit's name that begins with a village or community of the township said with it (`新塘好再来饭店` in 东龙镇):
 * the community, and the unit after it; null unless what follows is itself a unit's name (`新塘电子厂` keeps its
 * place: `电子厂` alone names nothing).
 */
function communityBeforeUnit(ctx: FlowContext, place: NonNullable<WageAnswers['location']>, name: string): { community: NonNullable<WageAnswers['community']>; unit: string } | null {
  const tw = ctx.index.townshipById.get(place.townshipId)?.township;
  if (!tw) return null;
  for (const g of tw.grids) {
    for (const c of g.communities) {
      const core = c.replace(/(?:社区居委会|居委会|村委会|社区|村)$/u, '');
      const head = name.startsWith(c) ? c : core.length >= 2 && name.startsWith(core) ? core : null;
      if (!head) continue;
      const unit = name.slice(head.length).replace(/^(?:的|那个|那家|这家)/u, '');
      const r = unit.length >= 4 && ORG_SUFFIX.test(unit) ? parseEmployer(unit) : null;
      if (r?.ok && !NOT_AN_EMPLOYER.test(r.value) && !SITE_NAME.test(r.value) && !placeNamed(ctx, r.value)) return { community: { community: c, gridId: g.id }, unit: r.value };
    }
  }
  return null;
}

/**
 * `东龙 新塘` (the township, then one of its villages or communities by its short name): that one, read as a fact,
 * so confirmed. Only two words, the first the township's name.
 */
function communityBesideTown(ctx: FlowContext, place: NonNullable<WageAnswers['location']>, text: string): WageAnswers['community'] | null {
  const tw = ctx.index.townshipById.get(place.townshipId)?.township;
  if (!tw) return null;
  const town = townshipName(ctx, place);
  const words = text.trim().split(/[\s,，、;；]+/u).filter(Boolean);
  if (words.length !== 2 || (words[0] !== town && words[0] !== town.replace(/(?:镇|街道|乡)$/u, ''))) return null;
  const m = matchCommunity(tw, words[1]!);
  return m.kind === 'exact' ? { community: m.community, gridId: m.grid.id } : null;
}

/**
 * A village or community as answered, without the words around it: `白沙镇下面一个村 叫沙湾` is 沙湾,
 * `东龙村那边` is 东龙村.
 */
function communityText(t: string, town: string): string {
  const short = town.replace(/(?:镇|街道|乡)$/u, '');
  const s = compact(t)
    .replace(new RegExp(`^(?:在|就在|是)?(?:${town}|${short})?(?:下面|底下|下边|里面|里头|里)?(?:的)?(?:一个|那个|有个)?(?:村子?|社区|小区)?(?:名字)?(?:叫做|叫|名叫|是)`, 'u'), '')
    // `物流园那` (那边 with 边 left off, typed or spoken short) too.
    .replace(/(?:那边|这边|一带|附近|那块|那里|那儿|那)$/u, '');
  return s === '' ? t : s;
}

/** Months said, then how many they are (`5月到9月 一共5个月`, `七月份到十月份 四个月`): the months (1), the count (2). */
const COUNT_AFTER_MONTHS = /^(.*月份?(?:的)?)[,，、\s]*(?:一共|总共|共|整整|就是|是)*([0-9一二两三四五六七八九十]{1,3})个月(?:的)?(?:工资|工钱|钱)?(?:吧|啊|呢|了)?[。.!！]*$/u;

/** Months to now, then how long that is (`去年年底到现在 整整一年`, `9月到现在 整整三个月`): the months (1), the length (2). */
const LENGTH_AFTER_TO_NOW = /^(.*(?:到|至)(?:现在|今天|如今|目前)|.*至今)[,，、\s]*(?:一共|总共|共|整整|足足|都|已经|快)*([0-9]{1,2}个月|[一二两三四五六七八九十]{1,3}个月|[一二两三]年|半年)(?:了|啦|啊)?[。.!！]*$/u;

/**
 * `5月到9月 一共5个月`, `今年七月份到十月份 四个月`: the months named, with their count said after them; the count
 * agreeing with the months, the months alone (the two were read as two periods, and asked again). A count that does
 * not agree is left as said (asked).
 */
function withoutAgreeingCount(said: string, now: Date): string {
  const toNow = LENGTH_AFTER_TO_NOW.exec(said.trim());
  if (toNow) {
    // `去年年底到现在 整整一年`: the months due since the start (this month's is not due yet) are the length said.
    const since = parsePeriod(periodText(toNow[1]!), now);
    const unit = toNow[2]!;
    const length = unit === '半年' ? 6 : /年$/u.test(unit) ? 12 * (parseChineseNumber(unit.slice(0, -1)) ?? 0) : /^\d/u.test(unit) ? Number(unit.replace(/\D/gu, '')) : (parseChineseNumber(unit.replace(/个月$/u, '')) ?? 0);
    if (since.ok && !since.value.inferred && since.value.end === null) {
      const [y, m] = since.value.start.split('-').map(Number) as [number, number];
      if (currentMonthIndex(now) - toMonthIndex(y, m) === length) return toNow[1]!;
    }
    return said;
  }
  const m = COUNT_AFTER_MONTHS.exec(said.trim());
  if (!m) return said;
  const months = parsePeriod(periodText(m[1]!), now);
  const count = /^\d+$/u.test(m[2]!) ? Number(m[2]) : parseChineseNumber(m[2]!);
  return months.ok && !months.value.inferred && months.value.end !== null && months.value.months === count ? m[1]! : said;
}

/** A period answer without the words around it: `上个月的`, `就十月份一个月的`, `十月和十一月的`, `正月里开工到现在一分没有`. */
/** When the work began said at the end of a period's answer (`九月份开始干的`, `去年年底进场的`): a start only. */
const WORK_BEGUN_AT_END = /(?<=[月年底初])(?:里|份)?(?:开工|上工|进场|开始干)(?:活)?$/u;

function periodText(t: string): string {
  let s = t
    .replace(/^(?:就|只有|只是|只|是|大概|差不多)+/u, '')
    .replace(/(?:一分(?:钱)?(?:都|也)?(?:没有|没给|没拿到|没发)|一直没(?:给|发|结)|都没(?:给|发|结)|没(?:给|发|结)钱?)$/u, '')
    .replace(/(?:一个月)?(?:的钱|的工资|的工钱|的|吧|啊|呢|那段|这段)+$/u, '')
    // `十月开始欠的`, `从九月起拖的`: the start said, with the debt after it.
    .replace(/(?<=开始|起)(?:就)?(?:被)?(?:拖欠|欠|拖)(?:了|着)?$/u, '')
    // `九月份开始干的` alone: when the work began (the start said, the months since owed), never that month alone.
    .replace(WORK_BEGUN_AT_END, '开始')
    .replace(/(?<=[月年底初])(?:里|份)?(?:开工|上工|干活|进场|开始干)/u, '');
  // `上个月和上上个月`: the two months before this one, said latest first: a range.
  s = s.replace(/^(?:上个月|上月)(?:和|跟|、|还有)(?:上上个月|上上月)$/u, '上上个月到上个月').replace(/^(?:上上个月|上上月)(?:和|跟|、|还有)(?:上个月|上月)$/u, '上上个月到上个月');
  // 十月和十一月: two months in a row are a range; two apart would be a guess.
  const pair = /^(.+?月份?)(?:和|跟|、)(.+?月份?)$/u.exec(s);
  if (pair) s = `${pair[1]}到${pair[2]}`;
  return s;
}

/**
 * One month said alone, maybe as when someone left (`上上个月`, `10月份`, `去年十月底走的`): no range, no other number
 * (`9月到11月` is a period; `10月 6000` more than a month).
 */
const MONTH_LEFT_ALONE =
  /^(?:是|在|就是|我|俺)*(?:上上个月|上个月|这个月|本月|(?:今年|去年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?)(?:初|中|底|末|中旬|下旬|上旬)?(?:就|的时候)?(?:走的|离开的|走了|离开了|不干了|不干的|辞职的|辞职了|辞的|辞工的|辞了)?(?:啊|呀|吧|哦|了)*$/u;

/** The month left, as said: `就是10月份走的啊`, `我10月走的 你听不懂吗` (each clause tried). */
function readLeft(t: string, now: Date): ReturnType<typeof parseMonthDetailed> | { ok: false; error: string; conflict: true } {
  const clean = (x: string) =>
    x
      .replace(/^(?:就是|都说了|我说了|我都说了|不是说了|是|我|俺|就)+/u, '')
      .replace(/(?:啊|呀|嘛|呢|吧|哦|噢|啦)+$/u, '');
  const whole = parseMonthDetailed(t, now);
  if (whole.ok) return whole;
  const parts = [clean(compact(t)), ...t.split(/[\s,，。!！?？]+/u).filter((x) => x !== '').map((x) => clean(x))];
  const read = parts.map((x) => parseMonthDetailed(x, now));
  const hits = read.filter((r) => r.ok);
  const months = new Set(hits.map((r) => (r.ok ? r.value.month : '')));
  if (hits.length > 0 && months.size === 1) return hits[0]!;
  // `去年`, `今年上半年`: a year said, the month not; asked for it, never read as the arrears period.
  const year = /(去年|今年|前年|上一年|\d{4}年)/u.exec(t);
  if (year && !/\d{1,2}月|[一二三四五六七八九十]+月/u.test(t)) {
    return { ok: false, error: `${year[1]}几月离开的？例如「${year[1]}10月」；记不清就说个大概，比如「${year[1]}年底」。`.replace('年年底', '年底'), conflict: true };
  }
  return /[年月]|底|初|春节|过年/u.test(t) ? { ...whole, conflict: true } : whole;
}

/**
 * The month left is inside the arrears period, before it ends: said so, with the periods it may mean as
 * choices (cut at that month; or, for a period ending last month that was most likely counted back from
 * now, as many months counted back from the month left). A choice takes the month and that period;
 * the month said again is the same choice offered, never a bare refusal.
 */
function leftAgainstPeriod(left: string, a: WageAnswers, now: Date): Result<string, WageAnswers> | null {
  const p = a.period;
  // Left before the period starts: the period itself is in doubt, said so (checkLeft).
  if (!p || p.end === null || monthsBetween(p.start, left) < 0 || (a.workStart && monthsBetween(a.workStart, left) < 0)) return null;
  // Cut at the month left, months said to be paid inside it still left out.
  const cut: WagePeriodAnswer = periodUpTo(p, left, now);
  const back: WagePeriodAnswer = { start: addMonths(left, -(p.months - 1)), end: left, months: p.months };
  const countedBack = p.end === addMonths(chinaMonth(now), -1) && p.months <= LONG_PERIOD_MONTHS;
  const choices = countedBack ? [back, cut] : [cut, back];
  return {
    ok: false,
    conflict: true,
    error: `您说${showMonth(left)}就离开了，可前面记的拖欠时间是${showPeriod(p)}，算到了离开以后。拖欠的是哪段时间？如果是离开的月份说错了，直接回复离开的月份就行。`,
    options: choices.map((c) => ({ label: showPeriod(c), value: `离开${left} 拖欠${c.start}至${c.end}${c.months !== monthsBetween(c.start, c.end!) + 1 ? ` m${c.months}` : ''}` })),
  };
}

/** `2026年12月5日`. */
const spokenDay = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

type LeftDay = { ok: true; value: { month: string; inferred: string | null }; ack?: string; confirm?: true } | { ok: false; error: string; conflict: true; options?: { label: string; value: string }[] };

/**
 * An amount worked out from a monthly wage (`how`: 「3,500元×2个月」) when the months owed change (the period cut
 * at the month left): the same wage times the new months, to be confirmed with it; null for any other amount.
 */
function amountForMonths(a: WageAnswers, months: number): WageAnswers['amount'] | null {
  const m = a.amount?.monthly;
  if (!m || m.months === months || months < 1) return null;
  return timesMonths(m.rate, months, a.amount!.approx);
}

/** A monthly wage (a plain figure) times the months: the amount, with how it was worked out. */
function timesMonths(rate: number, months: number, approx = false): NonNullable<WageAnswers['amount']> {
  const yuan = Math.round(rate * months * 100) / 100;
  return { yuan, approx, upTo: null, how: `${showAmount({ yuan: rate, approx: false, upTo: null })}×${months}个月`, monthly: { rate, months } };
}

const amountAgainAck = (amount: NonNullable<WageAnswers['amount']>) => `拖欠金额也按${amount.how}改为${showAmount(amount)}。`;

/** The month someone left, as answered at 「什么时候离开的？」 (also when said at whether they still work there). */
function leftSinceAnswer(t: string, a: WageAnswers, ctx: FlowContext): Result<string, WageAnswers> {
  // An IOU pasted here (`今欠到张三工资款…欠款人：李四 2026年10月5日`): its date is when it was written, never when they left.
  if (iouPasted(t)) return { ok: false, error: '收到欠条的内容了，上面的日期是写欠条的日子。您是什么时候离开的？例如：今年3月、去年10月。' };
  // A choice offered when the month left did not fit the period (see `leftAgainstPeriod`).
  const chosen = LEFT_CHOICE.exec(t);
  if (chosen) {
    const [left, start, end] = [chosen[1]!, chosen[2]!, chosen[3]!];
    // The months as offered (a period cut at the month left keeps out those said to be paid: periodUpTo).
    const span = monthsBetween(start, end) + 1;
    const months = chosen[4] !== undefined && Number(chosen[4]) >= 1 && Number(chosen[4]) <= span ? Number(chosen[4]) : span;
    const again = amountForMonths(a, months);
    if (again) return { ok: true, value: left, set: { period: { start, end, months }, amount: again }, confirm: true, ack: amountAgainAck(again) };
    return { ok: true, value: left, set: { period: { start, end, months } } };
  }
  // `八月到十月` where 「拖欠的是哪段时间？」 was asked (`leftAgainstPeriod`): the period as said, both months named
  // (never a guess), kept as its own answer; the month left is asked again (never made up from the period).
  const range = a.period && /到|至/u.test(t) && !/走|离开|不干|辞/u.test(t) ? parsePeriod(periodText(compact(t)), ctx.now) : null;
  if (range?.ok && range.value.inferred == null && range.value.end !== null && !(range.value.start === a.period!.start && range.value.end === a.period!.end)) {
    const { inferred: _read, ...period } = range.value;
    return { ok: true, stay: true, set: { period }, ack: `好的，拖欠时间改为${showPeriod(period)}。那是什么时候离开的？例如：今年3月、去年10月。` };
  }
  const around = festivalAround(t, ctx.now);
  if (around) return { ok: false, conflict: true, error: around };
  const day = leftDayRead(t, ctx.now, a);
  if (day && !day.ok) return day;
  const p = day ?? readLeft(t, ctx.now);
  if (!p.ok) return p;
  const left = p.value.month;
  const dayAck = day?.ok ? day.ack : undefined;
  const c = checkLeft(left, a);
  if (c?.kind === 'refuse') return leftAgainstPeriod(left, a, ctx.now) ?? { ok: false, error: c.error, conflict: true };
  // Household work is usually a civil matter: no labour-arbitration limit to warn about.
  const st = arbitrationStatus(left, ctx.now);
  const warn = household(a)
    ? undefined
    : st.pastLimit
      ? `提醒您：${a.onBehalf ? them(a) : ''}离开单位已经超过1年，可能过了劳动仲裁时效，但仍可以反映，工作人员会帮您想办法。我们会加急处理。`
      : st.nearLimit
        ? `提醒您：劳动仲裁时效一般是离开单位后1年，${owed(a)}的时间快到了，我们会加急处理。`
        : undefined;
  // "到现在" said before, by someone who left earlier: the period ends when they left (confirmed with it).
  if (a.period && endsWhenLeft(a.period, left, ctx.now)) {
    const trimmed = `您${showMonth(left)}已经离开，拖欠时间就算到${showMonth(left)}为止。`;
    const period = periodUpTo(a.period, left, ctx.now);
    const again = amountForMonths(a, period.months);
    const said = [warn, trimmed, again ? amountAgainAck(again) : undefined].filter(Boolean).join('\n');
    return { ok: true, value: left, set: { period, ...(again ? { amount: again } : {}) }, confirm: true, ack: said };
  }
  // `国庆后`, `过完年`: the reading said back with the month, to be confirmed.
  const readAck = !day && p.value.inferred !== null && FESTIVAL_WORDS.test(compact(t)) ? `${p.value.inferred}。` : undefined;
  const ack = [readAck ?? dayAck, warn].filter(Boolean).join('\n') || undefined;
  return { ok: true, value: left, ack, confirm: p.value.inferred !== null || (day?.ok === true && day.confirm === true) };
}

const FIGURE = /[0-9零一二两三四五六七八九十百千万]/u;
/** A figure supposed (`要是只欠两千`, `如果有一万`): no sum said to be owed. */
const SUPPOSED = /^(?:那|但是?|可是|不过)?(?:我|俺)?(?:要是|如果|假如|假设|万一|比如说?)/u;
/** A figure still to come (`下个月还要再欠五千`, `明年可能还得拖一万`): nothing owed yet. */
const STILL_TO_COME = /(?:下个?月|下月|明年|下半年|过几个?月)(?:还|可能|又|会|要|得|再|也)*(?:欠|拖|扣|少给|不发|发不出)/u;
/** Someone else's words (`老板说…`, `工头讲的是…`), as opposed to the person's own (`其实是…`, `实际…`, `应该是…`). */
const QUOTED = /^(?:老板娘|老板|老总|工头|包工头|经理|会计|公司|厂里|财务|他|她|他们|她们)(?:跟我|对我|和我|给我)?(?:说|讲|讲的|说的|算的)/u;
// (A bare 但是 or 可是 disputes nothing: `老板说欠我五千 但是还有加班费两千` adds to it; the 2,000 was proposed alone.)
const OWN_WORDS = /^(?:但是?|可是|不过)?(?:其实|实际上?|事实上|我算(?:的|了)?|我自己算|按我算|应该)/u;

/**
 * The clauses of an amount's answer that say a sum owed now: `rest` without those that do not (undefined when all
 * do); `none` when no clause does (what to say first).
 */
function ownFigures(t: string): { rest?: string; none?: string } {
  const clauses = t.trim().split(/[,，。;；!！\s]+/u).filter(Boolean);
  const supposed = (c: string) => SUPPOSED.test(compact(c)) || STILL_TO_COME.test(compact(c));
  const disputed = clauses.some((c) => OWN_WORDS.test(compact(c)) && FIGURE.test(c)) ? (c: string) => QUOTED.test(compact(c)) : () => false;
  const kept = clauses.filter((c) => !supposed(c) && !disputed(c));
  if (kept.length === clauses.length) {
    // `老板说我只值三千`: what the boss says the work is worth, no sum owed.
    if (clauses.some((c) => QUOTED.test(compact(c)) && /值(?=[0-9零一二两三四五六七八九十百千万])/u.test(compact(c))) && !clauses.some((c) => !QUOTED.test(compact(c)) && FIGURE.test(c))) return { none: '这是老板说的吧。' };
    return {};
  }
  if (!kept.some((c) => FIGURE.test(c))) {
    return { none: clauses.some((c) => STILL_TO_COME.test(compact(c))) ? '还没欠下的先不算。' : clauses.some((c) => SUPPOSED.test(compact(c)) && /吗|么|能不能|可不可以|行不行|能报|能反映|能要/u.test(c)) ? '欠多少钱都可以反映。' : '' };
  }
  return { rest: kept.join(' ') };
}

/** The words without the clauses that are supposed, still to come, or someone else's figure disputed (ownFigures). */
function withoutSupposed(t: string): string {
  const own = ownFigures(t);
  return own.none !== undefined ? '' : (own.rest ?? t);
}

/** Where someone lives (`我住河西`, `家在东龙`, `住在白沙那边`): not where they work. */
const HOME_SAID = /(?:^|[我俺他她]|[,，。\s])(?:家)?住(?:在|的)?|(?:我|俺|他|她)(?:们)?家(?:在|是|住)/u;
/** The work said beside it (`我家是东龙的 在石岭干活`): the township of the work is said too (workTownship). */
const WORK_SAID = /干活|上班|打工|做工|做事|工作|干的|做的/u;
/**
 * A place said to be near a township (`东龙镇附近的`, `河西旁边`, `离白沙近`), not in it: it may be the one next to it.
 * (`东龙那边`, `东龙一带` say in it; `大概`, `好像` are a guess at the name, taken as elsewhere.)
 */
const NEAR_PLACE = /附近|旁边|边上|周边|周围|隔壁|挨着|靠近|离.{1,8}?(?:近|不远)/u;
/** Near a place in the township (`河西街道办旁边`, `东龙镇政府附近`): in it, taken as said. */
const NEAR_INSIDE = /(?:街道办|办事处|政府|镇上|街上|中心|市场|车站|医院|学校|广场|派出所|村委会?|居委会?)(?:的)?(?:附近|旁边|边上|周边|周围|隔壁|对面)/u;

/** The township of the work read from words that may mean another (see HOME_SAID, NEAR_PLACE): what to ask, or null. */
function townshipUnsure(t: string, name: string): string | null {
  if (HOME_SAID.test(t) && !WORK_SAID.test(t)) return `您住在「${name}」，干活的地方也在「${name}」吗？不是的话，请从下面选干活的镇或街道。`;
  const core = name.replace(/(?:街道办事处|街道办|街道|镇|乡)$/u, '');
  // `老家梅岗的`, `老板倒是柳溪人`: a home town (the person's or anyone's), not said to be where the work is.
  if (core.length >= 2 && (/老家|家乡|籍贯|户口/u.test(t) || new RegExp(`${core}(?:镇|街道|乡)?(?:本地)?人(?!家)`, 'u').test(t)) && !WORK_SAID.test(t)) {
    return `您说的「${name}」是老家吧？干活的地方也在「${name}」吗？不是的话，请从下面选干活的镇或街道。`;
  }
  // `是隔壁白沙`: the township next door named, that township itself (`白沙隔壁` is near it).
  // `白沙隔壁那个 石岭`: the one next to another named, then named itself: that one (it was asked as if near it).
  const near = core.length >= 2 ? t.replace(new RegExp(`(?:[\\p{Script=Han}]{2,4}?(?:镇|街道)?)?(?:隔壁|旁边)(?:的|那个|那)?[\\s,，]*(?=${core})`, 'u'), '') : t;
  if (NEAR_PLACE.test(near) && !NEAR_INSIDE.test(near)) return `是在「${name}」吗？附近的地方也可能属于旁边的镇街，不是的话请从下面选；不清楚就选离得最近的一个。`;
  return null;
}

/**
 * A village or community said to be near where the work is (`田心村隔壁`, `在滨江社区附近`), not that it is there: the
 * question again, saying so, with the township's villages to pick from (the one named first); null when the words do
 * not say near one of them, or say in it (`田心村村委会旁边`, `是隔壁田心村`: the one next door named).
 */
function nearCommunity(t: string, tw: Parameters<typeof matchCommunity>[0]): { ok: false; conflict: true; error: string; options: { label: string; value: string }[] } | null {
  const c = compact(t);
  if (!NEAR_PLACE.test(c) || NEAR_INSIDE.test(c) || /(?:隔壁|旁边)(?:的)?(?=[\p{Script=Han}]{2,}(?:村|社区)$)/u.test(c)) return null;
  const named = c.replace(/^(?:在|就在|是)/u, '').replace(/(?:的)?(?:附近|旁边|边上|周边|周围|隔壁|挨着|那边|这边|一带)+(?:的)?(?:地方|那里|那儿|这里)?$/u, '');
  if (named === c || named === '') return null;
  const m = matchCommunity(tw, named);
  if (m.kind !== 'exact') return null;
  const names = [...new Set(tw.grids.flatMap((g) => g.communities))];
  const options = [m.community, ...names.filter((n) => n !== m.community)].map((n) => ({ label: n, value: n }));
  return {
    ok: false,
    conflict: true,
    error: `「${m.community}」旁边的地方，也可能属于别的村或社区。干活的地方具体在哪个村或社区？就在${m.community}的话回复「${m.community}」；不清楚就回复「不清楚」。`,
    options: [...options, { label: UNKNOWN_COMMUNITY, value: UNKNOWN_COMMUNITY }],
  };
}

/** A time alone (`10月底`, `上个月`, `上周五`, `前几天`): at whether they still work there, when they left. */
const LEFT_WHEN_ALONE = /^(?:是|就|大概|差不多)?(?:(?:今年|去年)?[0-9一二三四五六七八九十]+月(?:份)?(?:底|初|中|中旬|下旬|上旬)?(?:[0-9一二三四五六七八九十]+[日号])?|上个?月(?:底|初)?|(?:上上|上)周[一二三四五六日天]?|(?:上上|上)个?星期[一二三四五六日天]?|(?:上上|上)个?礼拜[一二三四五六日天]?|前几天|前天|昨天)(?:的时候)?(?:就)?(?:走的|走了|离开的|不干的|不干了|辞职的|辞职了|辞工的|辞的|离职的|离职了|被(?:老板)?(?:辞退|开除|炒|开)(?:的|了))?$/u;

/**
 * A holiday alone as when they left (`国庆后就走了`, `过完年走的`, `春节前`): read like the month alone is, the
 * reading (`国庆后按2026年10月算`) confirmed. Around a holiday whose day is near a month's edge (`中秋前后` on 25
 * September) is no one month: not read here (asked at 「什么时候离开的？」).
 */
function leftAtFestival(t: string, now: Date): boolean {
  const said = compact(t)
    .replace(/^(?:是|就是|就|大概|差不多)+/u, '')
    .replace(/(?:的时候)?(?:就)?(?:走的|走了|离开的|离开了|不干的|不干了|辞职的|辞职了|辞工的|辞的|离职的|离职了|没去了|不去了)$/u, '');
  if (!FESTIVAL_WORDS.test(said) || /[0-9一二三四五六七八九十]+月(?!一)/u.test(said.replace(/十月一|腊月|正月|冬月/gu, ''))) return false;
  const read = parseMonthDetailed(said, now);
  return read.ok && read.value.inferred !== null && festivalAround(said, now) === null;
}

/**
 * Around a festival's day (`中秋前后`, `国庆左右`): the days either side may be in another month, so no one month
 * left; which month is asked, the festival's own month as the example (never a month picked for them).
 */
function festivalAround(said: string, now: Date): string | null {
  const s = compact(said).replace(/^(?:是|就是|就|大概|差不多)+/u, '').replace(/(?:的时候)?(?:就)?(?:走的|走了|离开的|离开了|不干的|不干了|辞职的|辞职了|辞工的|辞的|离职的|离职了|没去了|不去了)$/u, '');
  const m = /^(.+?)(前后|左右)$/u.exec(s);
  if (!m || !FESTIVAL_WORDS.test(m[1]!)) return null;
  const on = parseMonthDetailed(m[1]!, now);
  if (!on.ok || on.value.inferred === null) return null;
  return `“${s}”具体是几月走的？例如「${showMonth(on.value.month)}」；记不清就说个大概。`;
}

/** A weekday alone, this week's or an earlier week's (`上周五`, `上上个星期三`, `礼拜一`). */
const LEFT_WEEKDAY = /^(?:上上个?|上个?|这个?|本)?(?:周|星期|礼拜)[一二三四五六日天1-7]$/u;

/**
 * The day someone left, as a day (`12月5号`, `11月20`, `25` after `前几天`): its month. A day still to come
 * this year is never taken as said: without a year it is last year's, confirmed as the legal-aid flow does
 * (`今年的12月5日还没到…`); with this year named it is asked again. `前几天` reaching back into last month is
 * asked as a day. Null when the words are no day (left to `readLeft`).
 */
function leftDayRead(t: string, now: Date, a: WageAnswers): LeftDay | null {
  const said = compact(t)
    .replace(/^(?:是|就是|我|俺|已经|大概|差不多)+/u, '')
    .replace(/(?:就)?(?:走的|走了|离开的|离开了|不干的|不干了|辞职的|辞职了|辞的|辞了|没去了|不去了)$/u, '')
    .replace(/(?:吧|啊|呀|哦|左右)+$/u, '');
  if (said === '') return null;
  const today = chinaDay(now);
  // `25`, `25号`: a day of the month alone, the latest one not after today.
  const n = dayOfMonthNumber(said);
  // `3` alone (no 号, no 月) could be a month as well as a day (the example says 今年3月): which is asked, never guessed.
  if (n !== null && n <= 12 && /^(?:\d{1,2}|[一二两三四五六七八九十]{1,2})$/u.test(said)) {
    const options = [`${n}月`, `${n}号`, `${n}个月前`].map((x) => ({ label: x, value: x }));
    return { ok: false, conflict: true, error: `您说的「${said}」是指${n}月，还是${n}号，还是${n}个月前？`, options };
  }
  if (n !== null) {
    for (let back = 0; back < 3; back++) {
      const month = chinaMonth(new Date(now.getTime() - back * 28 * 86_400_000));
      const day = dayOfMonth(month, n);
      if (day !== null && day <= today) return { ok: true, value: { month: day.slice(0, 7), inferred: null }, ack: `按${spokenDay(day)}算。`, confirm: true };
    }
    return null;
  }
  const recent = recentDaysSaid(said, now);
  if (recent && recent.from.slice(0, 7) !== recent.to.slice(0, 7)) {
    const example = `${Number(recent.from.slice(5, 7))}月${Number(recent.from.slice(8, 10)) + 1}号`;
    return { ok: false, conflict: true, error: `“${recent.said}”是哪天走的？说几号就行，例如「${example}」。` };
  }
  // `上周五`, `上个礼拜三`, `周一`: a weekday, the latest one not after today, said back as its date.
  const weekday = LEFT_WEEKDAY.test(said);
  // `国庆前两天`, `元旦第二天`: a day counted from a festival's, read as the legal-aid flow reads it (said back, confirmed);
  // it was refused as no month.
  const nearFestival = FESTIVAL_WORDS.test(said) && /(?:前|后)(?:[一两二三123])天$|第(?:[二三23])天$/u.test(said);
  if (!weekday && !nearFestival && !/[日号]|月\d{1,2}$|月[一二三四五六七八九十廿初]+$/u.test(said)) return null;
  const p = parsePastDay(said, now);
  if (!p?.ok) return null;
  const day = p.value.day;
  if (weekday) return { ok: true, value: { month: day.slice(0, 7), inferred: null }, ack: `按${spokenDay(day)}算。`, confirm: true };
  if (nearFestival && p.value.inferred !== null && day <= today) return { ok: true, value: { month: day.slice(0, 7), inferred: null }, ack: `${p.value.inferred}。`, confirm: true };
  if (day > today) return { ok: false, conflict: true, error: `${spokenDay(day)}还没到。是什么时候离开的？例如「11月25号」「上个月」。` };
  const thisYear = `${today.slice(0, 4)}${day.slice(4)}`;
  if (!/年|\d{4}/u.test(said) && day.slice(0, 4) < today.slice(0, 4) && thisYear > today) {
    const notYet = `今年的${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日还没到`;
    // Last year's does not fit the arrears period either: most likely a slip; asked again, never a year guessed.
    if (checkLeft(day.slice(0, 7), a)?.kind === 'refuse') return { ok: false, conflict: true, error: `${notYet}。是什么时候离开的？例如「11月25号」「上个月」。` };
    return { ok: true, value: { month: day.slice(0, 7), inferred: null }, ack: `今年的${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日还没到，您说的应该是${spokenDay(day)}。`, confirm: true };
  }
  return { ok: true, value: { month: day.slice(0, 7), inferred: p.value.inferred } };
}

/** A choice made when the month left did not fit the period: `离开2026-10 拖欠2026-08至2026-10`. */
const LEFT_CHOICE = /^离开(\d{4}-\d{2}) 拖欠(\d{4}-\d{2})至(\d{4}-\d{2})(?: m(\d{1,3}))?$/u;

/** A duration alone (`三个月`, `3个多月`, `半年`): counted back from now by the parser. */
const DURATION_ONLY = /^(?:欠了?|拖了?|差了?)?(?:我|俺)?(?:大概|差不多|快|将近|整整)?(?:[0-9零一二两三四五六七八九十]+个?多?月|半年多?|一年多?)(?:了|的)?(?:工资|工钱|的钱)?$/u;

/** A duration counted back from now, counted back from the month the worker left instead (when that is earlier). */
function countBackFrom(p: WagePeriodAnswer, said: string, left: string): WagePeriodAnswer {
  if (p.end === null || !DURATION_ONLY.test(compact(said)) || monthsBetween(left, p.end) <= 0) return p;
  return { start: addMonths(left, -(p.months - 1)), end: left, months: p.months };
}

/**
 * The period question explained again (`啥意思` twice), with months from today's date: the three before this one
 * (this month's pay is not due yet), `今年9月到11月` in December, `去年11月到今年1月` in February.
 */
function periodExample(now: Date): string {
  const current = chinaMonth(now);
  const from = addMonths(current, -3);
  const to = addMonths(current, -1);
  const num = (m: string) => Number(m.slice(5));
  const year = (m: string) => (m.slice(0, 4) === current.slice(0, 4) ? '今年' : '去年');
  const range = `${year(from)}${num(from)}月到${from.slice(0, 4) === to.slice(0, 4) ? '' : year(to)}${num(to)}月`;
  const months = [from, addMonths(current, -2), to].map((m) => `${num(m)}月`).join('、');
  return `就是哪几个月的工资没拿到。比如现在是${num(current)}月，${months}的工资都没发，就回复「${range}」；从${num(from)}月起一直没发，就回复「${year(from)}${num(from)}月到现在」。记不清的话，说个大概就行。`;
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

type AmountRead = { ok: true; value: Amount & { how?: string }; ack?: string } | { ok: false; error: string; conflict: true; options?: Array<{ label: string; value: string }> };

// `3k`, `1w2` (typed chat): k and w only right after a digit, never a letter's word (`3kg`, `5km`).
const MONEY_FIGURE = '[0-9零一二两三四五六七八九十百千万](?:[0-9零一二两三四五六七八九十百千万.]|(?<=\\d)[kKwW](?![A-Za-z]))*(?:块钱|块|元)?';
/** Who owes, before the word for owing (`老板欠了我两个月`, `站长拖了三个月`): only with that word. */
const OWED_SUBJECT = '(?:(?:老板|包工头|工头|雇主|东家|主家|站长|店长|经理|主管|公司|厂里|他|她)(?=(?:一共|总共)?(?:欠|拖|差|没给|没发)))?';
/** Who owes and the word for owing, before the months owed: `老板欠我工资两个月`, `包工头拖了我`, `欠了`. */
const OWED_LEAD =
  '(?:(?:老板|包工头|工头|雇主|东家|主家|站长|店长|经理|主管|公司|厂里|(?:他|她)(?:儿子|女儿|家里?|家属|老公|老婆|爱人)?)?(?:欠薪|拖欠工资)?(?:欠了?|拖欠了?|拖了?|差了?|(?:不|没)(?:给|发)(?=钱|工资|工钱))(?:我|俺)?(?:的)?(?:工资|工钱|钱)?)?';
/** Who owes said right before the months left unpaid (`老板两个月没发工资了`). */
// `干了三个月 没发工资`, `在厂里做了两个月都没发工资` (the months worked, said unpaid right after them: the months owed) too.
const OWNER_BEFORE_MONTHS = '(?:(?:(?:老板|包工头|工头|雇主|东家|主家|站长|店长|经理|主管|公司|厂里)(?:已经|都)?|(?:我|俺)?(?:在\\p{Script=Han}{1,8}?)?(?:干了|做了|上了))(?=[0-9一二两俩仨三四五六七八九十]+个?月(?:的?工资)?(?:都|一直|还)?(?:没发|没给|没结|不给)))?';
/** The months left unpaid said after them (`两个月没发工资了`, `三个月都没给`). */
const NOT_PAID_AFTER_MONTHS = '(?:(?:都|一直|还)?(?:没发|没给|没结|不给)(?:工资|工钱)?(?:了)?)?';
/** Who pays, before a month's wage (`老板一个月五千三个月没发`, `老板给我一个月五千`): no part of the wage. */
const PAYER_FIRST = '(?:(?:老板|包工头|工头|雇主|东家|主家|公司|厂里)(?:给我|给)?(?=每个?月|一个月|月薪|月工资))?';
/**
 * `每个月4500 欠三个月`, `欠了三个月 一个月4500`, `一天三百 干了40天`: a rate and how long. Never `一个月…` right after
 * the word for not paying (`三个月没给一个月3000`: the 3,000 of one month not given, or 3,000 a month?); `每个月` is.
 */
const RATE_TIMES = [
  new RegExp(`^${PAYER_FIRST}(?:我的?)?(?:工资|工钱)?(?:是)?(?:每个?月|一个月|月薪|月工资)(?:是|有|给|工资)?(${MONEY_FIGURE})[,，\s]*${OWED_SUBJECT}(?:共|一共|总共)?(?:欠了?|拖了?|差了?|没给|没发)?(?:我)?(?:的)?([0-9一二两俩仨三四五六七八九十]+)个?月(?:的?工资|的钱)?(?:没给|没发)?$`, 'u'),
  new RegExp(`^${OWED_LEAD}${OWNER_BEFORE_MONTHS}([0-9一二两俩仨三四五六七八九十]+)个?月(?:的?工资)?${NOT_PAID_AFTER_MONTHS}(?:了)?[,，\s]*(?:我|俺)?(?:的)?(?:工资|工钱)?(?:每个?月|(?<!没给|没发|没结|不给)一个月|月薪)(?:是|有|给)?(${MONEY_FIGURE})$`, 'u'),
  // `工资一天两百干了四十天`, `一天200 干了40天没给`: the days of work at that rate (the words around them dropped).
  new RegExp(`^(?:我的?)?(?:工资|工钱)?(?:是)?(?:每天|一天|日薪|日工资|一个工)(?:是|有|给|算)?(${MONEY_FIGURE})[,，\s]*(?:我)?(?:一共|总共)?(?:干了|做了|欠了?|上了)(?:我)?([0-9一二两三四五六七八九十百]+)(?:天|个工)(?:的?工资|的?工钱|的钱)?(?:都|全|一直|还)?(?:没给|没发|没结|没拿到|不给)?(?:了|呢|啊)?$`, 'u'),
  // `5500一个月，两个月`, `五千五一个月 欠了俩月`: the rate before its unit.
  new RegExp(`^(${MONEY_FIGURE})(?:一个月|每个?月|一月|一个月的)[,，\s]*${OWED_SUBJECT}(?:共|一共|总共)?(?:欠了?|拖了?|差了?|没给|没发|干了|做了)?(?:我)?(?:的)?([0-9一二两俩仨三四五六七八九十]+)个?月(?:的?工资|的钱)?(?:没给|没发)?$`, 'u'),
  // `老板欠薪欠了三个月了 两千五百块一个月`: the months, then the rate before its unit.
  new RegExp(`^${OWED_LEAD}${OWNER_BEFORE_MONTHS}([0-9一二两俩仨三四五六七八九十]+)个?月(?:的?工资)?${NOT_PAID_AFTER_MONTHS}(?:了)?[,，\s]*(?:工资|工钱)?(?:是)?(${MONEY_FIGURE})(?:一个月|每个?月|一月)(?:了|的)?$`, 'u'),
  // `干了二十天，一天两百`, `20个工 一个工250`: the days of work first, then the rate of one.
  new RegExp(`^(?:(?:老板|包工头|工头|雇主|东家|主家)(?=欠|拖))?(?:我)?(?:一共|总共)?(?:干了|做了|上了|干|做|欠了?|拖了?)?(?:我)?([0-9一二两三四五六七八九十百]+)(?:天|个工)(?:的?活|的钱|的工资|的工钱)?[,，\s]*(?:工资|工钱)?(?:是)?(?:每天|一天|日薪|日工资|一个工)(?:是|有|给|算)?(${MONEY_FIGURE})(?:的?工资|的?工钱|的钱)?(?:都|全|一直|还)?(?:没给|没发|没结|没拿到|不给)?(?:了|呢|啊)?$`, 'u'),
  // `干了二十天 两百一天`: the days, then the rate before its unit.
  new RegExp(`^(?:我)?(?:一共|总共)?(?:干了|做了|上了|干|做|欠了?)?(?:我)?([0-9一二两三四五六七八九十百]+)(?:天|个工)(?:的?活)?[,，\s]*(?:工资|工钱)?(?:是)?(${MONEY_FIGURE})(?:一天|每天|一个工)(?:的?工资|的?工钱|的钱)?(?:都|全|一直|还)?(?:没给|没发|没结|没拿到|不给)?(?:了|呢|啊)?$`, 'u'),
];
/** The RATE_TIMES that say a daily rate (the rest say a monthly one). */
const DAILY_TIMES: readonly RegExp[] = [RATE_TIMES[2]!, RATE_TIMES[5]!, RATE_TIMES[6]!];
/** The RATE_TIMES that say the count before the rate. */
const COUNT_FIRST: readonly RegExp[] = [RATE_TIMES[1]!, RATE_TIMES[4]!, RATE_TIMES[5]!, RATE_TIMES[6]!];

/**
 * A figure that is one family member's, said with nothing else (`我老公八千`, `我老婆的也是六千`, `他的一万`): theirs, never
 * the person's own. Group 1 or 2: who; group 3: the figure.
 */
const KIN_FIGURE =
  /^(?:那|还有)?(?:(?:我|俺)(?:的)?(老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟|弟|哥哥|哥|姐姐|姐|妹妹|妹|爸爸|爸|妈妈|妈|老乡|工友|同事)|(他|她))(?:的)?(?:工资|工钱)?(?:也|都)?(?:是|有|被欠了?|欠了?)?((?:大概|差不多|也就)?[0-9零一二两三四五六七八九十百千万.]+(?:块钱|块|元)?(?:左右|多)?)(?:吧|啊|呢)?[。.!！]*$/u;

/** A family member's months unpaid, said with nothing else (`我老公的三个月`, `我老婆也是两个月`): group 1, who; group 2, how long. */
const KIN_TIME =
  /^(?:那|还有)?(?:我|俺)(?:的)?(老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟|弟|哥哥|哥|姐姐|姐|妹妹|妹|爸爸|爸|妈妈|妈)(?:的)?(?:工资|工钱)?(?:也|都)?(?:是|有|被)?(?:欠了?|拖了?)?((?:[0-9一二两俩三四五六七八九十]+)个?多?月|半年多?|一年多?)(?:了|的)?(?:工资|工钱)?(?:吧|啊|呢)?[。.!！]*$/u;

/**
 * How long wages have been owed, and nothing else (`她的工资老板拖了三个月了`, `我老婆的拖了三个月`, `老板两个月没发了`):
 * group 1, a family member named (or none); group 2, how long.
 */
const OWED_TIME_ONLY =
  /^(?:那|还有)?(?:(?:我|俺)(?:的)?(老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟|哥哥|姐姐|妹妹|爸爸|爸|妈妈|妈)|他|她)?(?:的)?(?:工资|工钱)?(?:老板|包工头|工头|公司|厂里)?(?:也|都|已经|一共)?(?:被)?(?:欠了?|拖了?|拖欠了?)?(?:我|俺|我们|俺们)?(?:的)?((?:[0-9一二两俩三四五六七八九十]+)个?月|半年|一年)(?:了|的)?(?:工资|工钱)?(?:都|也)?(?:没发|没给|没结)?(?:了)?(?:吧|啊|呢)?[。.!！]*$/u;

/** `三个月` → 3, `半年` → 6, `一年` → 12 (the months in {@link OWED_TIME_ONLY}); null when not a count of months. */
function monthsSaid(s: string): number | null {
  if (s === '半年') return 6;
  if (s === '一年') return 12;
  const m = /^([0-9一二两俩仨三四五六七八九十]+)个?月$/u.exec(s);
  return m ? parseChineseNumber(m[1]!.replace('俩', '两').replace('仨', '三')) : null;
}

/** A sum owed to others, several (`老板欠他们十几万`): group 1, the figure. */
const OWED_TO_THEM = /(?:欠|拖欠|拖|差|没给|没发|少给)(?:了|着)?(?:他们|她们)(?:的)?(?:工资|工钱|钱)?(?:一共|总共|加起来)?(?:有|是)?((?:大概|差不多)?[0-9零〇一二两三四五六七八九十百千万几.]+(?:块钱|块|元)?(?:多|左右)?)(?=$|[,，。.!！;；\s吧啊呢了])/u;

/** A sum owed to the one the report is for (`他老板欠他两万`): group 1, the figure. */
const OWED_TO_HIM = /(?:欠|拖欠|拖|差|没给|没发|少给)(?:了|着)?(?:他|她)(?!们)(?:的)?(?:工资|工钱|钱)?(?:一共|总共)?(?:有|是)?((?:大概|差不多)?[0-9零〇一二两三四五六七八九十百千万几.]+(?:块钱|块|元)?(?:多|左右)?)(?=$|[,，。.!！;；\s吧啊呢了])/u;

const RANGE_RATE_TOTAL = new RegExp(
  `^((?:今年|去年)?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:到|至|-|~)(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月份?)(?:的工资)?[,，]?(?:每个?月|一个月|每月|月薪)(?:是|有)?(${MONEY_FIGURE})[,，]?(?:一共|总共|合计)(?:是|有|欠了?)?(${MONEY_FIGURE})$`,
  'u',
);

/** `8月到10月 每个月四千 一共一万二`: the months, and the total when it is the month's wage times them (else null). */
function rangeRateTotal(text: string, now: Date): { period: WagePeriodAnswer; amount: Amount & { how: string } } | null {
  const m = RANGE_RATE_TOTAL.exec(compact(text));
  if (!m) return null;
  const p = parsePeriod(m[1]!, now);
  const rate = readAmount(m[2]!);
  const total = readAmount(m[3]!);
  if (!p.ok || !rate.ok || !total.ok || p.value.inferred !== null || rate.value.approx || rate.value.upTo !== null) return null;
  if (Math.abs(rate.value.yuan * p.value.months - total.value.yuan) > 0.005) return null;
  const { inferred: _inferred, ...period } = p.value;
  return { period, amount: { ...total.value, how: `${showAmount(rate.value)}×${p.value.months}个月` } };
}

/** Each one's month's wage (`每人每月六千`, `每个月各六千`): group 1, the figure. */
// The figure may not run on into a count (`一人一个月五千三个月没发`: 五千 a month for 三个月, or 五千三?): not read.
const EACH_MONTHLY = new RegExp(`(?:(?:每人|每个人|一人|一个人)(?:每个?月|一个月|每月)|(?:每个?月|一个月|每月)(?:各|各自|每人|一人))(?:是|有)?(${MONEY_FIGURE})(?![0-9零一二两三四五六七八九十]*个?多?[月天年])`, 'u');

/** {@link EACH_MONTHLY} in one clause of the words (a space parts clauses: `一人一个月五千 三个月没发`). */
function eachMonthly(text: string): RegExpExecArray | null {
  for (const clause of text.split(/[\s,，。;；!！?？、]+/u)) {
    const m = EACH_MONTHLY.exec(compact(clause));
    if (m) return m;
  }
  return null;
}

/** A relative owed too (`我老公也三个月没发工资了`): whose the months or money are is not said. Group 1: who. */
const KIN_ALSO = /^(?:那|还有|另外)?(?:我|俺)(?:的)?(老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟|弟|哥哥|哥|姐姐|姐|妹妹|妹|爸爸|爸|妈妈|妈|老乡|工友|同事)(?:的)?(?:工资|工钱)?(?:也|都)/u;

/** A clause that is one family member's figure (`…两个 我老公八千`, `我跟我老公 他八千`): group 1, the figure. */
const KIN_CLAUSE =
  /(?:^|[\s,，。;；])(?:那|还有)?(?:(?:我|俺)(?:的)?(?:老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟|弟|哥哥|哥|姐姐|姐|妹妹|妹|爸爸|爸|妈妈|妈|老乡|工友|同事)|他|她)(?:的)?(?:工资|工钱)?(?:也|都)?(?:是|有|被欠了?|欠了?)?((?:大概|差不多|也就)?[0-9零一二两三四五六七八九十百千万.]+(?:块钱|块|元)?(?:左右|多)?)(?=$|[\s,，。;；!！吧啊呢])/gu;

/** The figures said as one family member's, each in a clause of its own ({@link KIN_CLAUSE}). */
function kinFigures(text: string): Amount[] {
  return [...text.trim().matchAll(KIN_CLAUSE)].flatMap((m) => {
    const r = readAmount(m[1]!);
    return r.ok ? [r.value] : [];
  });
}

/** Someone besides the person named (`我老公的`, `老乡的`, `他的`): two sums said are not simply both the person's. */
const OTHERS_NAMED = /老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟?|哥哥?|姐姐?|妹妹?|兄弟|老乡|同事|工友|朋友|老表|爸爸?|妈妈?|父亲|母亲|他的|她的|他们|我们|大家/u;

/** Money for rent, board or bills (`住3k宿舍`, `房租3000`, `饭钱`): never wages. */
const NOT_WAGE_MONEY = /宿舍|住宿|房租|房费|租金|水电|伙食|饭钱|饭费|餐费/u;

/** The amount not understood a second time in a row: one figure asked for, a rough one allowed, or a person. */
const AMOUNT_UNPARSEABLE_AGAIN = '还是没看明白，抱歉。请只回复一个总数（几笔钱请自己先加在一起），例如“5200”；说不准就写个大概，例如“五千多”。实在说不清，回复「人工」请工作人员帮您。';

/** A deposit (`押金`, `保证金`) the boss kept: money owed besides the wages, never part of them. */
const DEPOSIT = /押金|保证金/u;
/**
 * The clauses of the words, a clause also starting at `还有`, `另外`, `加上` (`6000还有500押金没退`, `工资八千 加班费两千`);
 * `另外还有`, `再加上` each open one clause (never a clause of `另外` alone).
 */
const clausesAtLinks = (t: string) => t.split(/[,，。;；!！?？\s]+|(?=(?<!另外)还有|另外|(?<!再)加上|外加|再加上?)/u).filter((c) => c !== '');

/** What the words say of a deposit kept (`还扣了我500押金`, `押金500也没退`), as said: a note for staff (the account). */
function depositNote(t: string): string | null {
  const said = clausesAtLinks(t.trim())
    .filter((c) => DEPOSIT.test(c) && /扣|押|收|交|退|还|给|欠|[0-9一二两三四五六七八九十百千万]/u.test(c))
    .map((c) => c.replace(/^(?:另外还有|还有|另外|再加上?|加上|外加|而且)/u, ''));
  return said.length > 0 ? [...maskNumbers(said.join('，'))].slice(0, ACCOUNT_MAX).join('') : null;
}

/** The words without their clauses about a deposit (`6000 还扣了我500押金` → `6000`). */
const withoutDeposit = (t: string) => clausesAtLinks(t.trim()).filter((c) => !DEPOSIT.test(c)).join(' ');

/** A part of the pay besides the wage (`加班费两千`, `奖金一千`). */
const PAY_PART = /加班费|加班工资|加班的钱|奖金|提成|补贴|全勤奖?|绩效|餐补|饭补|房补|车补/u;
/** The wage or a part of the pay, as named before or after its figure. */
const PAY_WORD = '(?:(?:基本|基础)?工资|工钱|加班费|加班工资|加班的钱|奖金|提成|补贴|全勤奖?|绩效|餐补|饭补|房补|车补)';
/** The words before a part's figure (`还有加班费`, `欠了我工资`). */
const PART_LEAD = new RegExp(`^(?:另外还有|还有|另外|再加上?|加上|外加)?(?:欠了?|差了?|拖了?|没给|没发)?(?:我)?(?:的)?${PAY_WORD}?(?:还有|是|有|也)?(?:欠了?|差了?|没给|没发)?`, 'u');
/** The words after a part's figure (`加班费也没给`, `的奖金`). */
const PART_TAIL = new RegExp(`(?:的)?${PAY_WORD}?(?:也|都|还)?(?:没给|没发|没结|欠着)?(?:了|呢|吧|啊)*$`, 'u');

/**
 * `工资八千 加班费两千`, `欠了八千多 还有两千加班费`: the wage and parts of the pay besides it, each in a clause of its own,
 * added up, with how (to be confirmed). Null unless a part of the pay is named and every clause is one such figure (no
 * total said, no rate, no payment, no one else's).
 */
function payParts(t: string): { total: Amount; ack: string } | null {
  if (!PAY_PART.test(t) || /一共|总共|加起来|合起来|合计|总计|每个?月|一个月|每天|一天|给了|发了|付了|结了/u.test(t) || OTHERS_NAMED.test(t) || DEPOSIT.test(t)) return null;
  // `加班费还有1200`: the part named in a clause of its own, its figure in the next (split at `还有`): one clause.
  const named = new RegExp(`^${PAY_WORD}$`, 'u');
  const clauses = clausesAtLinks(t.trim()).reduce<string[]>((all, c) => (all.length > 0 && named.test(all.at(-1)!) ? [...all.slice(0, -1), `${all.at(-1)!}${c}`] : [...all, c]), []);
  const figures = clauses.map((c) => parseAmountLoose(c.replace(PART_LEAD, '').replace(PART_TAIL, '')));
  if (figures.length < 2 || figures.some((x) => !x || x.upTo !== null)) return null;
  const said = figures as Amount[];
  const total = { yuan: Math.round(said.reduce((n, x) => n + x.yuan, 0) * 100) / 100, approx: said.some((x) => x.approx), upTo: null };
  return { total, ack: `${said.map(showAmount).join('加')}，一共${showAmount(total)}。` };
}

/** A count, then a total (`三个人一共一万五`); or a total said for 我们, then the count (`我们一共一万五 三个人`). */
const COUNT_THEN_TOTAL = /^(?:我们|咱们|俺们)?((?:\d{1,3}|[两三四五六七八九十]{1,3}|十[一二三四五六七八九]?)个?人)[,，\s]*(?:一共|总共)(?!欠|被|拖)(.+)$/u;
const TOTAL_THEN_COUNT = /^(?:我们|咱们|俺们)(?:一共|总共)(?!欠|被|拖)(.+?)[,，\s]+(?:我们|咱们|俺们)?(?:一共|总共)?((?:\d{1,3}|[两三四五六七八九十]{1,3}|十[一二三四五六七八九]?)个?人)$/u;
/** A total, then the count said for 我们 (`一共十二万 我们三个人`): as `我们三个人一共欠了十二万`. */
const TOTAL_THEN_OUR_COUNT = /^(?:一共|总共)(?!欠|被|拖)(.+?)[,，\s]+(?:我们|咱们|俺们)(?:一共|总共)?((?:\d{1,3}|[两三四五六七八九十]{1,3}|十[一二三四五六七八九]?)个?人)$/u;

/**
 * `三个人一共一万五`, `我们一共一万五 三个人`: the count and the group's total said without a verb, as the words
 * `我们三个人一共欠了一万五` say them (a count of two or more, a figure alone after 一共); null for anything else.
 */
function groupTotalWithCount(t: string): string | null {
  const s = t.trim().replace(/[。.!！]+$/u, '');
  const a = COUNT_THEN_TOTAL.exec(s);
  const b = a ? null : (TOTAL_THEN_COUNT.exec(s) ?? TOTAL_THEN_OUR_COUNT.exec(s));
  const [count, figure] = a ? [a[1]!, a[2]!] : b ? [b[2]!, b[1]!] : [null, null];
  if (!count || !figure) return null;
  const n = parseHeadcount(count);
  return n.ok && n.value.count >= 2 && parseAmountLoose(figure) ? `我们${count}一共欠了${figure}` : null;
}

/** A count of people in a clause of its own (`三个人`, `我们5个`). */
const COUNT_CLAUSE = /^(?:我们|咱们|俺们|一共|总共)*(?:\d{1,3}|[两三四五六七八九十]{1,3}|十[一二三四五六七八九]?)(?:个人|个|人)(?:的)?$/u;
/**
 * The clauses of an answer, a count of people split off at 、 too: `1万5 3个人` reaches the flow as `1万5、3个人` and is
 * read as `一万五 三个人` is. Only where one side is a count (`2、3万` stays a range).
 */
const clausesBesideCount = (t: string) =>
  clausesAtLinks(t.trim()).flatMap((c) => {
    const m = /^([^、]+)、([^、]+)$/u.exec(c);
    return m && (COUNT_CLAUSE.test(m[1]!) || COUNT_CLAUSE.test(m[2]!)) ? [m[1]!, m[2]!] : [c];
  });

/**
 * `一万五 三个人`: one figure and, in a clause of its own, a count of two or more: the person's own, or the people's
 * together? The figure, for {@link whoseSum} to ask; null otherwise (`我一万五` says whose it is).
 */
function sumBesideCount(t: string): { sum: Amount; count: string } | null {
  const clauses = clausesBesideCount(t);
  // `我一万五` says whose it is; `大家一共三万` too ({@link groupTotalAtOwn}). `三个人 一共三万` may still be one person's
  // way of talking (LABELS.md): asked.
  if (clauses.length !== 2 || /(?:我|俺)(?!们)|自己|每人|每个人|一人|各|大家|全部/u.test(t)) return null;
  const count = clauses.find((c) => COUNT_CLAUSE.test(c));
  const figure = clauses.find((c) => c !== count);
  if (!count || !figure) return null;
  const n = parseHeadcount(count);
  const sum = parseAmountLoose(figure.replace(/^(?:欠了?|差了?|拖了?|一共|总共)+/u, ''));
  return n.ok && n.value.count >= 2 && sum ? { sum, count: count.replace(/^(?:我们|咱们|俺们|一共|总共)+|的$/gu, '') } : null;
}

/**
 * `我一万五 三个人`: the person's own figure (我 before it) and, in a clause of its own, a count of two or more. Both
 * read (the figure as hers, the count as everyone's), to be confirmed together; null otherwise.
 */
function ownBesideCount(t: string): { own: Amount; count: { count: number; approximate: boolean } } | null {
  // The count's clause (COUNT_CLAUSE) says 个 or 人: with neither in the words, there is none.
  if (!/[个人]/u.test(t)) return null;
  // Other clauses (`老板欠我工资`) may tell the story; none of them says another figure.
  const clauses = clausesBesideCount(t).filter((c) => /[0-9零一二两三四五六七八九十百千万俩仨]/u.test(c));
  if (clauses.length !== 2 || /每人|每个人|一人|各|大家|全部/u.test(t)) return null;
  const count = clauses.find((c) => COUNT_CLAUSE.test(c));
  const figure = clauses.find((c) => c !== count);
  if (!count || !figure) return null;
  // `我一共一万五`: hers in all (我, never 我们, before it).
  const mine = /^(?:我|俺)(?!们)(?:自己|个人|本人)?(?:的)?(?:是|有)?(.+)$/u.exec(figure);
  const n = parseHeadcount(count);
  const own = mine ? parseAmountLoose(mine[1]!.replace(/^(?:一共|总共|被欠了?|欠了?|差了?)+/u, '')) : null;
  return n.ok && n.value.count >= 2 && own ? { own, count: { count: n.value.count, approximate: n.value.approximate } } : null;
}

/**
 * `八千块钱还有两个月的`, `五千还有十天的`: a figure and months (or days) more besides it, for which no money is said:
 * what they come to in all is not known, so it is asked, never the figure taken as the whole. The figure and the time
 * said; null otherwise.
 */
const MONTHS_MORE = /^(.+?)[,，\s]*(?:另外还有|还有|另外|外加|再加上?|加上)(?:还有)?([0-9一二两俩三四五六七八九十半]+(?:个?(?:多)?月|天|个?星期|个?礼拜|周))(?:的)?(?:工资|工钱|钱)?(?:也)?(?:没给|没发|没结|没算|没拿到|欠着)?(?:的)?(?:呢|啊|吧|呀)?[。.!！]*$/u;
function monthsMore(t: string): { said: Amount; time: string } | null {
  const m = MONTHS_MORE.exec(t.trim());
  if (!m) return null;
  const said = parseAmountLoose(m[1]!.replace(/^(?:欠了?(?:我)?|差了?|一共|总共)+/u, ''));
  return said && said.upTo === null ? { said, time: m[2]! } : null;
}

/**
 * `6000×2`, `6000*2`, `6000x2`, `3000乘2`, `6千×2个月`, `6000×2=12000`: a figure times a count, typed the way a calculator
 * would be. Group 1: the figure; 2: the count; 3: its unit (none, months, days, people); 4: a result typed after `=`.
 */
const TIMES_TYPED =
  /^(?:一共|总共|共)?(?:欠了?|差了?|拖了?)?(?:我)?(?:的)?(?:工资|工钱)?(?:是)?(.+?)\s*(?:[×xX*✕✖]|乘以?)\s*([0-9]{1,3}|[一二两俩三四五六七八九十]{1,3})\s*(个月|月|天|个工|个人|人|个)?(?:\s*[=＝]\s*(.+?))?(?:吧|啊|呢)?[。.!！]*$/u;

/**
 * {@link TIMES_TYPED} read: what the figure times the count comes to, with how, for the bot to confirm. A count of people
 * (`6000×3人`: each one's, or everyone's?) and a result typed that does not agree are asked, never one taken. Null when
 * the words are no such product.
 */
function timesTyped(t: string, a: WageAnswers): AmountRead | null {
  const m = TIMES_TYPED.exec(t.trim());
  if (!m) return null;
  const figure = parseAmountLoose(m[1]!.trim());
  const n = parseChineseNumber(m[2]!.replace('俩', '两'));
  if (!figure || figure.upTo !== null || !n || !Number.isInteger(n) || n < 1) return null;
  const unit = m[3] === '月' ? '个月' : m[3] === '个' ? '' : (m[3] ?? '');
  const total: Amount = { yuan: Math.round(figure.yuan * n * 100) / 100, approx: figure.approx, upTo: null };
  const said = [...t.trim()].slice(0, 20).join('');
  if (unit === '人' || unit === '个人') {
    return { ok: false, conflict: true, error: `「${said}」里的${n}是人数吗？这里问的是${owed(a)}自己一共被拖欠多少钱，例如：${Math.round(figure.yuan)}；大家一共多少，后面会再问。` };
  }
  if (m[4] !== undefined) {
    const result = parseAmountLoose(m[4]);
    if (!result || Math.abs(result.yuan - total.yuan) > 0.005) {
      return { ok: false, conflict: true, error: `${showAmount(figure)}×${n}是${showAmount(total)}，和您写的「${m[4]}」对不上。请再说一下${owed(a)}一共被拖欠多少钱，例如：${Math.round(total.yuan)}。` };
    }
  }
  if (unit === '个月' || (unit === '' && a.period)) {
    const c = checkRateMonths(figure, n, a);
    if (c?.kind === 'refuse') return { ok: false, conflict: true, error: c.error };
  }
  if (total.yuan > MAX_AMOUNT_YUAN) return { ok: false, conflict: true, error: AMOUNT_MESSAGES.tooLarge };
  return { ok: true, value: total, ack: `${showAmount(figure)}×${n}${unit}，一共按${showAmount(total)}算。${unit === '个月' || (unit === '' && a.period) ? fewerMonthsNote(n, a) : ''}` };
}

/**
 * A monthly wage times fewer months than the period stored (`三千五一个月 俩月没发` with 3 months kept): the sum is
 * proposed as before (confirmed), with the mismatch said and how to correct the period, never passed over in silence.
 */
function fewerMonthsNote(n: number, a: WageAnswers): string {
  const p = a.period;
  if (!p || n >= p.months) return '';
  return `\n前面记的拖欠时间是${showPeriod(p)}，这里按您说的${n}个月算。如果是拖欠时间说错了，可以直接说「拖欠时间说错了，是…」。`;
}

/**
 * An amount answer with more in it than one figure (a direct answer to the amount question):
 * `欠了我一万二，不对是一万三` (the corrected one), `每个月4500 欠三个月` (rate × months),
 * `加班费3000和工资5000` (the sum): each a reading, confirmed. `1,2000` (12000 or 2000?) is asked.
 * Null when none of these.
 */
/** `说好`, `当时讲好的` before a wage: what was agreed (the wage follows). */
const AGREED_LEAD = /^(?:当时|当初|原来|本来)?(?:说好|讲好|谈好|约好|定好)(?:了|的)?/u;
/** `一分没给`, `一分钱都没拿到` after the rate and the time: nothing paid (all of it is owed). */
const NONE_PAID_TAIL = /(?:一分|一分钱|一毛|一毛钱)(?:都|也)?(?:没|没有)(?:给|发|结|拿到|拿|见到)(?:过)?$/u;

function amountInWords(t: string, a: WageAnswers = {}): AmountRead | null {
  const s = compact(t);
  // `1,2000`: a comma that does not group thousands; which figure is meant is asked, never one guessed.
  const raw = t.replace(/\s+/gu, '');
  if ([...raw.matchAll(/\d+(?:[,，]\d+)+/gu)].some((m) => !/^\d{1,3}(?:,\d{3})+$/u.test(m[0]))) {
    return { ok: false, conflict: true, error: `「${[...t.trim()].slice(0, 20).join('')}」没看明白是多少钱，请不加逗号再写一遍，例如「12000」「一万二」。` };
  }
  // `一万二，不对是一万三`: said, then corrected in the same message.
  const fixed = /^(.+?)[,，\s]*(不对不对|不对|不是|说错了|错了|哦不|啊不)[,，\s]*(是|应该是|应该)?(.+)$/u.exec(t.trim());
  if (fixed && parseAmountLoose(fixed[1]!) && parseAmountLoose(fixed[4]!)) {
    // `是8000不是6000`, `一万二 不是一万三`: what it is not comes last; `一万二 不是 是一万三`: the one after.
    const first = fixed[2] === '不是' && fixed[3] === undefined;
    return { ok: true, value: parseAmountLoose(first ? fixed[1]!.replace(/^(?:是|应该是)/u, '') : fixed[4]!)! };
  }
  // `一万多 差不多一万三`, `大概8000 具体是8200`: a rough figure, then a closer one: the closer one (confirmed).
  const refined = refinedFigure(t);
  if (refined) return refined;
  // `三万多吧三万七千八`, `两万八左右 我算算 两万八千六`, `七千还是七千二来着 七千二吧`: figures said while working the sum
  // out, the last one meant (confirmed); `八千 九千`: which one is asked, neither kept. (Words the amount's reader takes
  // whole, `七千还是七千二` between the two, stay as it reads them.)
  const spoken = parseAmount(t).ok ? null : spokenFigures(t);
  if (spoken?.kind === 'last') return { ok: true, value: spoken.value };
  if (spoken?.kind === 'which') {
    return { ok: false, conflict: true, error: `您说了${spoken.said.map((x) => `「${x}」`).join('，又说了')}，是哪个数？请选一个，或直接说一共多少：`, options: spoken.said.map((l) => ({ label: l, value: l })) };
  }
  // `两万的一半`: a share of the figure said, worked out (never the figure itself), confirmed.
  const share = shareOfFigure(t);
  if (share && !saysPaid(t)) return { ok: true, value: share.value, ack: `${showAmount(share.of)}的${share.said}，按${showAmount(share.value)}算。` };
  // `做了两千件 一件三块钱`: pieces times the price of one, never the price alone (a paid sum said too: netOfPaid).
  const pieces = piecesTimesPrice(t);
  if (pieces && !saysPaid(t)) return { ok: true, value: pieces.total, ack: `${pieces.n}件×${showAmount(pieces.price)}，一共按${showAmount(pieces.total)}算。` };
  // `月薪八千 欠了一个半月`: a month's wage times months with a half (never the months known, nor two for 一个半).
  const half = halfMonthsTimes(t);
  if (half) return half;
  // `一人一个月五千三个月没发`: each one's wage is the person's own too.
  // `说好一天250 干了20天 一分没给`: what was agreed, and that nothing came, around the rate and the days.
  const times = rateTimes(perHeadDropped(s.replace(AGREED_LEAD, '').replace(NONE_PAID_TAIL, '')));
  if (times === null) return null;
  if (times) {
    // `欠了八个月每月3500` with three months known: more months than the period has do not fit; said, and asked again.
    const c = times.unit === '个月' ? checkRateMonths(times.rate, times.n, a) : null;
    if (c?.kind === 'refuse') return { ok: false, conflict: true, error: c.error };
    return { ok: true, value: times.total, ack: `${showAmount(times.rate)}×${times.n}${times.unit}，一共按${showAmount(times.total)}算。${times.unit === '个月' ? fewerMonthsNote(times.n, a) : ''}` };
  }
  // `加班费3000和工资5000`, `一万二 还有上次欠的五千`: two sums, added up.
  const two = /^(.+?)[,，\s]*(?:还有|另外还有|另外|再加上?|外加|加上|和|跟)(.+)$/u.exec(t.trim());
  // `我的一万二 加上我老公的一共两万四`: someone else's, or a total said after (never added to what came before).
  if (two && !OTHERS_NAMED.test(t) && !DEPOSIT.test(t) && !/一共|总共|加起来|合起来|合计|总计/u.test(two[2]!)) {
    const x = parseAmountLoose(two[1]!.replace(/^[^0-9零一二两三四五六七八九十]*?(?=[0-9零一二两三四五六七八九十])/u, ''));
    const y = parseAmountLoose(two[2]!.replace(/^[^0-9零一二两三四五六七八九十]*?(?=[0-9零一二两三四五六七八九十])/u, ''));
    if (x && y && x.upTo === null && y.upTo === null) {
      const total = { yuan: x.yuan + y.yuan, approx: x.approx || y.approx, upTo: null };
      return { ok: true, value: total, ack: `${showAmount(x)}加${showAmount(y)}，一共${showAmount(total)}。` };
    }
  }
  return null;
}

/** Months owed with a half (`一个半月`, `半个月`, `两个半月`), with the words of owing around them; group 1 the count said. */
const HALF_MONTHS = /(?:共|一共|总共)?(?:欠了?|拖了?|差了?|没给|没发)?(?:我|俺)?(?:的)?(半个|[0-9一二两俩三四五六七八九十]+个半)月(?:的?工资|的?工钱|的钱)?(?:都|还|一直)?(?:没给|没发|没结)?(?:了|的)?/u;

/** `一个半` → 1.5, `半个` → 0.5 (HALF_MONTHS' group 1); null for a count out of bounds. */
function halfCount(said: string): number | null {
  const whole = said === '半个' ? 0 : parseChineseNumber(said.replace(/个半$/u, '').replace('俩', '两'));
  return whole === null || whole < 0 || whole > 120 ? null : whole + 0.5;
}

/**
 * A monthly wage and months owed with a half (`月薪八千 欠了一个半月`, `每月4500 拖了半个月`, `欠了两个半月 一个月六千`):
 * the wage times them (12,000 = 8,000 × 1.5), with how, to be confirmed. Null unless a monthly wage (one figure) and
 * such a count are all that is said.
 */
function halfMonthsTimes(t: string): AmountRead | null {
  const s = compact(t);
  const m = HALF_MONTHS.exec(s);
  if (!m) return null;
  const rate = readRate(`${s.slice(0, m.index)}${s.slice(m.index + m[0].length)}`);
  if (!rate || rate.per !== 'month' || rate.rate.upTo !== null) return null;
  const n = halfCount(m[1]!);
  if (n === null) return null;
  const total = { yuan: Math.round(rate.rate.yuan * n * 100) / 100, approx: rate.rate.approx, upTo: null };
  const how = `${showAmount(rate.rate)}×${n}个月`;
  return { ok: true, value: { ...total, how }, ack: `${how}，一共按${showAmount(total)}算。` };
}

/**
 * A rough figure, then words that give a closer one (`一万多 差不多一万三`, `两万左右 应该是两万一`, `大概8000 具体是8200`):
 * group 1 the rough one, group 2 the closer one with its own hedge (`差不多一万三` is about 13,000).
 */
const REFINED =
  /^(.+?)[,，。、\s]*(?:(?:具体|确切|准确|精确|仔细)(?:的|地)?(?:数|数字|数目|金额)?(?:来说|说|算|算下来|算的话)?(?:是|有|应该是)?|(?:实际|其实|实际上)(?:是|有|应该是)?|(?:算下来|仔细算算?|细算)(?:是|有|应该是)?|(?=(?:差不多|大概|大约|将近|估计|应该)(?:是|有)?[0-9零一二两三四五六七八九十]))[,，:：\s]*(.+)$/u;
/**
 * `一万多 差不多一万三`: the closer figure, to confirm, when it lies where the rough one said (一万多: 10,000 to 20,000;
 * 两万左右: within a fifth of 20,000); the two far apart (`一万多 差不多三万`): which one is asked. Null when the words
 * are not a rough figure and a closer one (`欠了一万 还有押金3000`, `工资5000 加班费2000` are read elsewhere).
 */
function refinedFigure(t: string): AmountRead | null {
  const m = REFINED.exec(t.trim());
  if (!m) return null;
  const [roughSaid, closeSaid] = [m[1]!.trim(), m[2]!.trim()];
  const rough = parseAmountLoose(roughSaid);
  const close = parseAmountLoose(closeSaid);
  // The first said as rough (`一万多`, `大概8000`, a range); the second one figure (a range is no closer figure).
  if (!rough || !close || !rough.approx || close.upTo !== null || sameAmount(rough, close)) return null;
  const fits = withinRough(rough, roughSaid, close);
  const shown = (s: string) => s.replace(/^(?:欠了?|一共|总共|还欠)+/u, '').replace(/[吧啊呀呢]+$/u, '');
  if (!fits) {
    const [x, y] = [shown(roughSaid), shown(closeSaid)];
    return { ok: false, conflict: true, error: `您说了「${x}」，又说了「${y}」，相差比较大。是哪个数？请选一个，或直接说一共多少：`, options: [x, y].map((l) => ({ label: l, value: l })) };
  }
  return { ok: true, value: close };
}

/** A share of a figure: `两万的一半`, `三万的三分之一`, `欠了两万的一半吧`. */
const SHARE_OF = /^(?:一共|总共|还欠|欠了?|欠我|差|大概|就是|是)*(.+?)的?(一半|半数|([0-9一二两三四五六七八九十]+)分之([0-9一二两三四五六七八九十]+))(?:吧|啊|呢|的样子)*$/u;

/** `两万的一半` → 10,000 (of 20,000): the share worked out; null unless a figure and a share of it less than all are said. */
function shareOfFigure(t: string): { value: Amount; of: Amount; said: string } | null {
  const m = SHARE_OF.exec(compact(t));
  if (!m) return null;
  const of = parseAmountLoose(m[1]!);
  const [num, den] = m[3] ? [parseChineseNumber(m[4]!), parseChineseNumber(m[3])] : [1, 2];
  if (!of || !num || !den || num >= den) return null;
  const part = (yuan: number) => Math.round(((yuan * num) / den) * 100) / 100;
  const value: Amount = { yuan: part(of.yuan), approx: of.approx, upTo: of.upTo === null ? null : part(of.upTo) };
  return value.yuan > 0 ? { value, of, said: m[2]! } : null;
}

/**
 * A rate and how long (`RATE_TIMES`, in compacted words): the total with the rate and the count; null when
 * the words say one but not a usable one (a range, a count out of bounds); undefined when they say none.
 */
function rateTimes(s: string, res: readonly RegExp[] = RATE_TIMES): { total: Amount; rate: Amount; n: number; unit: string } | null | undefined {
  for (const re of res) {
    const m = re.exec(s);
    if (!m) continue;
    const rateFirst = !COUNT_FIRST.includes(re);
    const rate = parseAmountLoose(rateFirst ? m[1]! : m[2]!);
    const n = parseChineseNumber((rateFirst ? m[2] : m[1])!.replace('俩', '两').replace('仨', '三'));
    if (!rate || !n || rate.upTo !== null || n < 1 || n > 120 * 30) return null;
    const count = (rateFirst ? m[2] : m[1])!;
    // `10、11月没发工资 一个月5000`, `11月没发 一个月5000`: a month named (11月, never eleven months, nor 1011 of them),
    // no count of months: not a rate times months. A count says 个 (`3个月`), or is 两/俩/仨 (`俩月`).
    if (!DAILY_TIMES.includes(re) && new RegExp(`(?<![0-9一二两俩三四五六七八九十])${count}月`, 'u').test(m[0]) && !/^[两俩仨]$/u.test(count)) return null;
    // `20个工 一个工250`: the days said as 个工 are said back so.
    const unit = DAILY_TIMES.includes(re) ? (m[0].includes(`${count}个工`) ? '个工' : '天') : '个月';
    return { total: { yuan: Math.round(rate.yuan * n * 100) / 100, approx: rate.approx, upTo: null }, rate, n, unit };
  }
  return undefined;
}

/**
 * Inside a sentence (`拖了我两个月工资 每个月六千`, `反映欠薪 欠我两个月 一个月6000`): a monthly wage
 * times the months owed, said in a run of its clauses, as the amount owed (a fact, confirmed). A daily
 * rate (`一天三百 干了40天`: days worked, not always all owed) is left to the amount question. Null unless
 * the runs that say one agree.
 */
function monthlyTimesMonths(text: string): Amount | null {
  return monthlyRun(text)?.total ?? null;
}

type RateRun = { total: Amount; rate: Amount; n: number; unit: string };

/**
 * Clauses (each compacted) read as one run: put together as said, but a comma kept where a figure's last numeral would
 * run into the next clause's first (`一个月八千` then `一共干了六个月` was read 八千一, 8,100 a month); RATE_TIMES allow
 * a comma between the rate and the count.
 */
function joinRun(clauses: string[]): string {
  return clauses.reduce((run, c) => (/[0-9零一二两三四五六七八九十百千万]$/u.test(run) && /^[0-9零一二两三四五六七八九十百千万]/u.test(c) ? `${run}，${c}` : `${run}${c}`), '');
}

/** {@link monthlyTimesMonths} with the rate and the months it was worked out from. */
function monthlyRun(text: string): RateRun | null {
  // Every monthly RATE_TIMES says 月 (半年 is read as 6个月): with neither in the words, no run reads as one.
  if (!text.includes('月') && !(text.includes('半') && text.includes('年'))) return null;
  const clauses = text.split(/[,，。;；!！?？\s]+/u).filter(Boolean);
  const monthly = RATE_TIMES.filter((re) => !DAILY_TIMES.includes(re));
  const totals = new Map<string, RateRun>();
  for (let i = 0; i < clauses.length; i++) {
    for (let j = i + 1; j <= Math.min(clauses.length, i + 3); j++) {
      const run = joinRun(clauses.slice(i, j).map((c) => compact(c)));
      // `嗯那个就是说我在工地干活啊老板欠薪欠了三个月了两千五百块一个月` (speech, no commas): the run from who owes on.
      const froms = [0, ...[...run.matchAll(/(?:老板|包工头|工头|雇主|东家|主家|站长|店长|经理|主管)(?=欠|拖|差)/gu)].map((m) => m.index ?? 0).filter((k) => k > 0)];
      for (const from of froms) {
        // `欠我半年工资 每月3000`: half a year owed is six months (as the period reads it); never 大半年, 半年多.
        const t = rateTimes(run.slice(from).replace(/(?<![大上下前后去今明近])半年(?![多前后])/gu, '6个月'), monthly);
        if (t) totals.set(JSON.stringify(t.total), t);
      }
    }
  }
  return totals.size === 1 ? [...totals.values()][0]! : null;
}

/**
 * At the own amount's question, a sum said for the group (`大家一共三十万`, `全部人加起来三十万`; `我们一共被欠了三十万`
 * when two or more are known to be owed): their total, said back, and the person's own asked (never taken as theirs).
 * `我们一共…` alone may be one person's way of talking (LABELS.md): a sum more than one person is plausibly owed is
 * asked about (大家一共的 / 我自己的); a smaller one is left to be read as the person's own, confirmed.
 * Null when the words give no such sum.
 */
function groupTotalAtOwn(t: string, a: WageAnswers): Result<Amount, WageAnswers> | null {
  if (household(a)) return null;
  const everyone = saidForEveryone(t);
  const found = everyone ? null : findAmounts(t);
  const who = owed(a);
  // `我自己两万 大家一共三十万`: both, each as said (the person's own checked against the total).
  if (found?.own && found.group && !found.ownSaidForGroup && !(a.headcount?.count === 1 && !a.headcount.approximate)) {
    const both = { ...a, groupAmount: found.group };
    const g = checkGroupAmount(found.group, { ...a, amount: found.own });
    if (g?.kind === 'refuse') return { ok: false, conflict: true, error: g.error };
    // Taken as said (a fact confirmed later could not keep the total before a headcount is known).
    const r = checked(found.own, checkOwnAmount(found.own, both));
    if (!r.ok) return r;
    return { ...r, set: { ...(r.set ?? {}), groupAmount: found.group }, ack: r.ack ?? `好的，${who}自己${showAmount(found.own)}，你们大家一共${showAmount(found.group)}，都记下了。` };
  }
  const weak = found?.ownSaidForGroup && found.own && found.group === null ? found.own : null;
  const total = everyone ?? weak;
  if (!total) return null;
  // `我们8个人总共被欠了7万4`: the count too; both confirmed as facts (extract), then the person's own asked.
  if (findHeadcount(t) || headcountClause(t)) return null;
  if (a.headcount && a.headcount.count === 1 && !a.headcount.approximate) {
    if (!everyone) return null;
    return { ok: false, conflict: true, error: `您前面说被拖欠的就${who}一个人。这里问的是${who}自己被拖欠了多少钱，例如：8000、一万二。如果不止一个人，可以直接说「人数说错了，是…」。` };
  }
  if (!everyone && (a.headcount?.count ?? 0) < 2) return moreThanOneIsOwed(total, a) ? whoseSum(total, a) : null;
  if (a.groupAmount && sameAmount(a.groupAmount, total)) {
    return { ok: false, conflict: true, error: `大家一共的${showAmount(total)}已经记下了。这里问的是${who}自己被拖欠了多少钱，说个大概就行，例如：8000、一万二、1万多。` };
  }
  const c = checkGroupAmount(total, a);
  if (c?.kind === 'refuse') return { ok: false, conflict: true, error: c.error };
  return {
    ok: true,
    stay: true,
    set: { groupAmount: total },
    ack: `好的，${TWO_OF_US.test(compact(t)) ? '你们两个人' : '你们大家'}一共被拖欠${showAmount(total)}，记下了。那${who}自己被拖欠了多少钱？${
      OWN_NOT_KNOWN.test(compact(t)) ? '不用很准，按每月工资乘上欠的月数估个数就行，' : ''
    }例如：8000、一万二、1万多。`,
  };
}

/**
 * At another question (the period's, the headcount's), a sum said for everyone and nothing else (`大家一共被欠了
 * 三十万`): the group's total, said back and kept (the person's own is asked at its question), and the question
 * asked again. Null when the words say more (a count of people, a period, the person's own) or a total is known.
 */
function groupSumAside<V>(t: string, a: WageAnswers, again: string, now: Date): Result<V, WageAnswers> | null {
  if (household(a) || a.groupAmount || findHeadcount(t) || headcountClause(t) || findPeriod(t, now)) return null;
  let total = saidForEveryone(t);
  if (!total) {
    // `我们一共被欠了三十万`: with the person's own known and less, everyone's; else, when more than one person is
    // plausibly owed, whose it is is asked (never taken as the own).
    const found = findAmounts(t);
    const weak = found.ownSaidForGroup && found.own && found.group === null && (a.headcount?.count ?? 0) < 2 ? found.own : null;
    if (!weak) return null;
    if (a.amount && weak.yuan > (a.amount.upTo ?? a.amount.yuan)) total = weak;
    else return !a.amount && moreThanOneIsOwed(weak, a) ? whoseSum(weak, a) : null;
  }
  const c = checkGroupAmount(total, a);
  if (c?.kind === 'refuse') return { ok: false, conflict: true, error: c.error };
  return { ok: true, stay: true, set: { groupAmount: total }, ack: `好的，你们大家一共被拖欠${showAmount(total)}，记下了。${again}` };
}

/** A count with no unit after it: `3个`, `三个吧`, `3个多` (at the period question: months). */
const BARE_COUNT = /^(?:大概|差不多|有|快|将近|整整)?([0-9一二两三四五六七八九十]+)个(多)?(?:吧|了|啊|左右)?$/u;

/**
 * At a question that is not the amount's (the period's, the headcount's), money said to be paid already and nothing
 * else (`老板昨天给了3000`): no answer to it (never a count of people, never a period). Said back, with how what is
 * still owed is given (the amount known is never changed by it), and the question asked again.
 * Null when the words say more (what is owed, a count of people, a period) or no one figure paid.
 */
function paidAside<V>(t: string, a: WageAnswers, again: string, now: Date): Result<V, WageAnswers> | null {
  if (!saysPaid(t) || findAmounts(t).own || findHeadcount(t) || headcountClause(t) || findPeriod(t, now)) return null;
  const paid = paidFigures(t);
  if (paid.length !== 1) return null;
  const then = a.amount
    ? `前面记的拖欠金额是${showAmount(a.amount)}；如果给了这笔以后还欠的数不一样，可以直接说「金额说错了，是…」。`
    : '问到金额时，请说除去这笔以后还欠多少。';
  return { ok: false, conflict: true, error: `明白，已经给了${owed(a)}${showAmount(paid[0]!)}。${then}\n${again}` };
}

/**
 * A figure said not to be the person's alone (`6000 不是我一个人的 是我们俩的`, `八千 是我们两个人的`): the people's
 * total, never the person's own. Whether two are meant (`俩`, `两个人`) is in `pair`. Never the people who worked
 * with them (`还欠我两万八我们一起的还有七八个人`: 一起的 are co-workers, the 两万八 stays the person's own).
 */
const NOT_MINE_ALONE = /不是(?:我|俺)(?:一个人|自己|个人)?的|不(?:只|光|单|止)是?(?:我|俺)(?:一个人|自己)?的|(?:是|算)?(?:我们|咱们|俺们|我和老乡|我跟老乡)(?:俩|两个人?|几个人?|大家|一起)(?:一共)?的(?=$|[，,。.!！?？~～]|工资|工钱|钱|[啊吧呀呢哦])/u;

/** `6000 不是我一个人的 是我们俩的`: the one figure said, and whether two people are meant; null otherwise. */
function notMineAlone(t: string): { total: Amount; pair: boolean } | null {
  const s = compact(t);
  const m = NOT_MINE_ALONE.exec(s);
  if (!m || m.index === 0) return null;
  const figure = s.slice(0, m.index);
  const found = findAmounts(figure);
  const total = found.own ?? found.group ?? parseAmountLoose(figure.replace(/[,，。.!！\s]+$/u, ''));
  if (!total) return null;
  return { total, pair: /俩|两个/u.test(s.slice(figure.length)) };
}

/** The person and one family member said together (`我和老公一共…`, `我们俩`, `两口子`): two of them, never 大家. */
const TWO_OF_US = /^(?:我|俺)(?:和|跟|与)(?:我|俺)?(?:的)?(?:老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟?|哥哥?|姐姐?|妹妹?|爸爸?|妈妈?)(?:两个人?)?(?:的)?一共|^(?:我们|咱们|俺们|我|咱|俺)俩|两口子|夫妻俩?/u;

/** Whose a sum said with 我们 is (`我们一共被欠了三十万`), asked: 大家一共的 / 我自己的 (each read back by the parsers). */
function whoseSum<V>(total: Amount, a: WageAnswers, count: string | null = null): Result<V, WageAnswers> {
  const who = owed(a);
  const me = who === '您' ? '我' : who;
  // In 万 from ten thousand up (`11万到19万`): six-digit figures side by side would read as a phone number.
  const figure = (yuan: number) => (yuan >= 10_000 ? `${yuan / 10_000}万` : `${yuan}元`);
  const words = `${figure(total.yuan)}${total.upTo !== null ? `到${figure(total.upTo)}` : ''}${total.approx && total.upTo === null ? '左右' : ''}`;
  return {
    ok: false,
    conflict: true,
    error: `${showAmount(total)}是${who}自己一个人被拖欠的，还是你们大家一共被拖欠的？`,
    options: [
      { label: '大家一共的', value: count && me === '我' ? `我们${count}一共欠了${words}` : `大家一共${words}` },
      // The value is read back by the parsers, which know 我 and 他; the label says 她 where meant.
      { label: `${me}自己的`, value: `${me === '我' ? '我' : '他'}自己${words}${count && me === '我' ? ` ${count}` : ''}` },
    ],
  };
}

/** Everyone owed as much as the person (`都一样`, `每人都一样`, `大家都是这么多`), at the group's question. */
const SAME_EACH = /^(?:都|每人都|每个人都|大家都|我们都|他们都|其他人也)?(?:一样|是这么多|这么多|一样多)(?:的)?(?:吧|啊|呀)?$/u;

/** A sum said owed to the one the report is for, in the first message (`behalfSum`), waits to be confirmed. */
const heldForThem = (a: WageAnswers) => a.behalfSum !== undefined && Boolean(a.onBehalf) && !('amount' in a) && !a.groupAmount;

/** A question (no figure in it) about before or after tax: `要写税前的吗`, `税后还是税前`, `是写到手的吗`. */
const TAX_ASKED = /^(?=.*(?:税前|税后|扣税|个税|交税|到手|实发|应发|扣了?社保|扣(?:了)?五险))(?=.*(?:吗|(?<![怎什那这多])么|嘛|呢|还是|是不是|要不要|算不算|哪个|[?？]))[^0-9]*$/u;
/** A question (no figure in it) about counting overtime pay in: `加班费算不算`, `包括加班费吗`, `要不要算加班费`. */
const OVERTIME_ASKED = /^(?!.*(?:怎么算|怎样算|怎么计算|咋算|几倍|多少倍|标准))(?=.*加班(?:费|工资|的钱|钱))(?=.*(?:吗|(?<![怎什那这多])么|嘛|呢|还是|是不是|要不要|算不算|包不包括|包括|含不含|也算|能算|可以算|算进|[?？]))[^0-9]*$/u;

const TAX_ANSWER = '写老板该给您、实际没给的钱就行；分不清税前税后的，就写您平时实际拿到手的数，工作人员会再核实。';
const OVERTIME_ANSWER = '没发的加班费也可以算进去。说不清具体多少的话，先写工资部分，加班的情况后面问到事情经过时说一下就行。';

/** How to count the sum owed, asked at the amount's question: the answer, or null. */
function amountHowAsked(text: string): string | null {
  const t = compact(text);
  if (TAX_ASKED.test(t)) return TAX_ANSWER;
  if (OVERTIME_ASKED.test(t)) return OVERTIME_ANSWER;
  return null;
}

/**
 * The same asked in a clause of its own beside the report, before the amount's question (`老板欠我3个月工资 要写税前的吗`,
 * `欠了两个月 加班费算不算`): which one, held for that question (amountAsked). Only the plain words of tax
 * (never `到手`, `实发`: `钱啥时候能到手呢` asks something else) and of counting overtime in.
 */
function amountAskedBeside(text: string): 'tax' | 'overtime' | null {
  const clauses = text.split(/[,，。;；!！\s]+/u).filter((c) => c !== '');
  // `老板欠我3个月工资要写税前的吗`: the same run on at the end of a clause saying what is owed, no mark between.
  if (clauses.map(compact).some(taxAskedRunOn)) return 'tax';
  if (clauses.length < 2) return null;
  for (const c of clauses.slice(1).map(compact)) {
    if (TAX_ASKED.test(c) && /税前|税后|个税|扣税|扣了?社保|扣了?五险/u.test(c)) return 'tax';
    if (OVERTIME_ASKED.test(c) && /算不算|包不包括|包括|含不含|也算|能算|可以算|算进|要不要算|要算/u.test(c)) return 'overtime';
  }
  return null;
}

/**
 * A clause saying wages are owed (a figure in it) that ends in a question of tax, no mark between (`…工资要写税前的吗`,
 * `…工资税前还是税后`): the question read as amountAskedBeside reads one apart. Only a question that starts as one (要,
 * 是, 写, …) or asks which of the two (`税前还是税后`), never a word of tax said in the report (`欠我3个月税后工资`).
 */
function taxAskedRunOn(c: string): boolean {
  for (const m of c.matchAll(/要|需要|应该|该|是|得|写|填|算|按|税前|税后/gu)) {
    const head = c.slice(0, m.index);
    const tail = c.slice(m.index);
    if (tail.length > 12 || !/[0-9一二两三四五六七八九十百千万]/u.test(head) || !UNPAID.test(head)) continue;
    if (/^(?:税前|税后)/u.test(tail) && !/还是/u.test(tail)) continue;
    if (TAX_ASKED.test(tail) && /税前|税后|个税|扣税|扣了?社保|扣了?五险/u.test(tail)) return true;
  }
  return false;
}
const AMOUNT_ASKED_EARLIER: Record<'tax' | 'overtime', string> = {
  tax: `您前面问到税前税后：${TAX_ANSWER}`,
  overtime: `您前面问到加班费：${OVERTIME_ANSWER}`,
};

/** A range of months said before (`monthsRange`) waits to be asked, no period known. */
const rangeHeld = (a: WageAnswers) => a.monthsRange !== undefined && !('period' in a);

/**
 * A month's wage said with a range of months (`欠了3-4个月 每个月3000`), one of the two then picked: that wage times the
 * months, proposed at the amount's question (a yes takes it; anything else is read as the answer). Null otherwise.
 */
function rangeRate(a: WageAnswers): NonNullable<WageAnswers['amount']> | null {
  const r = a.monthsRange;
  if (r?.rate === undefined || !a.period || 'amount' in a || a.groupAmount || a.onBehalf || a.sumWhose || a.behalfSum) return null;
  const months = a.period.months;
  if (months !== r.lo && months !== r.hi) return null;
  const rate: Amount = { yuan: r.rate, approx: false, upTo: null };
  return { yuan: Math.round(r.rate * months * 100) / 100, approx: false, upTo: null, how: `${showAmount(rate)}×${months}个月`, monthly: { rate: r.rate, months } };
}

/**
 * `老板欠我三四个月工资`, `拖了3-4个月`, `三四个月没发工资`: one number of months or the other, said as the months owed (in a
 * clause saying so): the two counts, held to be asked which; null for anything else (`干了三四个月` alone: the months worked).
 */
function monthsRangeOwed(text: string): { lo: number; hi: number } | null {
  const clause = text.replace(/(?<=\d) (?=\d个)/gu, "-").split(/[,，。;；!！?？\s]+/u).find((c) => monthsRangeSaid(c) !== null);
  return clause && UNPAID.test(compact(clause)) ? monthsRangeSaid(clause) : null;
}

/**
 * A plain month's wage said beside a range of months (`欠了3-4个月 每个月3000`, at the period question `3到4个月 每月3000`),
 * in a clause of its own: kept with the range and proposed once the months are picked ({@link rangeRate}). Null with
 * anyone else named, anything said paid, a sum already taken, or a wage that is not plain (约, a range).
 */
function rateBesideRange(text: string, a: WageAnswers): number | null {
  if ('amount' in a || a.onBehalf || household(a) || TOGETHER_WITH.test(compact(text)) || saysPaid(text) || OTHERS_NAMED.test(text)) return null;
  const rates = text.split(/[\s,，。;；!！]+/u).filter(Boolean).map((c) => readRate(c)).filter((r) => r !== null);
  const rate = rates.length === 1 && rates[0]!.per === 'month' ? rates[0]!.rate : null;
  return rate && !rate.approx && rate.upTo === null ? rate.yuan : null;
}

/** A sum whose it is waits to be asked (`sumWhose`), nothing else said for the amount or the group's total yet. */
const whoseAsked = (a: WageAnswers) => a.sumWhose !== undefined && !a.onBehalf && !('amount' in a) && !a.groupAmount;

/** The ones the sum may be owed to together: `您和老公两个人`, `您和老乡们`, `你们`. */
function pairCalled(who: string | null): string {
  if (!who) return '你们';
  return /们$/u.test(who) ? `您和${who}` : `您和${who}两个人`;
}

/** The sum in words an answer is read back from (`一万五` as `1.5万`; see whoseSum). */
function sumWords(v: Amount): string {
  const figure = (yuan: number) => (yuan >= 10_000 ? `${yuan / 10_000}万` : `${yuan}元`);
  return `${figure(v.yuan)}${v.upTo !== null ? `到${figure(v.upTo)}` : ''}${v.approx && v.upTo === null ? '左右' : ''}`;
}

/** 「…是您自己一个人的，还是您和老公两个人一共的？」: asked when the question comes (`said`), or at once with options. */
function whoseQuestion(v: Amount & { who: string | null }, said = true): string {
  const q = `${said ? '您前面说' : '您说'}欠了${showAmount(v)}，这是您自己一个人的，还是${pairCalled(v.who)}一共的？`;
  return said ? `${q}请回复「我自己的」或「一共的」；也可以直接说您自己被欠了多少。` : q;
}

/** The two answers to {@link whoseQuestion}, each read back by the parsers (`我自己1.5万`, `我和老公一共1.5万`, `大家一共1.5万`). */
function whoseOptions(v: Amount & { who: string | null }): { label: string; value: string }[] {
  const words = sumWords(v);
  return [
    { label: '我自己的', value: `我自己${words}` },
    { label: v.who ? `${pairCalled(v.who).replace(/^您/u, '我')}一共的` : '我们一共的', value: v.who ? `我和${v.who}一共${words}` : `大家一共${words}` },
  ];
}

/** `我自己的`, `一共的`, `两个人的` to {@link whoseQuestion}: the words of the option meant; null for anything else. */
function whoseChoice(t: string, v: Amount & { who: string | null }): string | null {
  const s = compact(t).replace(/(?:吧|啊|呀|哦|呢|的吧)+$/u, '');
  const [mine, both] = whoseOptions(v);
  if (/^(?:是|就是)?(?:我|俺)(?:自己|个人|本人)?(?:一个人)?(?:的)?$|^(?:是)?(?:自己|个人)(?:一个人)?的$/u.test(s)) return mine!.value;
  if (/^(?:是|就是)?(?:(?:我们|咱们|俺们|我|咱|俺)?(?:俩|仨|两个人?|两人|俩人)|(?:我|俺)(?:和|跟)(?:我|俺)?(?:的)?[\p{Script=Han}]{1,3}|两口子|夫妻俩?|我们|咱们|大家)?(?:的)?(?:一共|总共|加起来|合起来|合计|一起)(?:的)?$|^(?:是)?(?:(?:我们|咱们|俺们|我|咱|俺)?(?:俩|仨|两个人?|两人|俩人)|两口子|夫妻俩?)的$/u.test(s)) return both!.value;
  return null;
}

/** The person's own share said to be unknown (`我自己不清楚`, `我的不知道`). */
const OWN_NOT_KNOWN = /(?:我|俺|他|她)(?:自己|个人)?(?:的|那份)?(?:多少)?(?:不知道|不清楚|说不清|算不清|记不清|不晓得|没算)/u;

/** A sum said with 我们 (`我们一共被欠了三十万`) more than one person is plausibly owed: likely everyone's. */
function moreThanOneIsOwed(total: Amount, a: WageAnswers): boolean {
  const months = a.period?.months ?? 0;
  return total.yuan > (months > 0 ? PLAUSIBLE_OWN_MONTHLY_YUAN * months : PLAUSIBLE_OWN_TOTAL_YUAN);
}

/**
 * A monthly wage said alone at the own amount's question (`一个月4000`, `每个月四千`, `月工资4000`) with the
 * months owed known: what they come to (4,000 × 3 = 12,000), to be confirmed. Null without a known period
 * (the parser then asks for the total), or for a daily wage (the days are not known).
 */
function monthlyRateTimesPeriod(t: string, a: WageAnswers): Result<Amount, WageAnswers> | null {
  // (`一个月五千 给了两个月的`: the wage in a clause of its own, the months paid in another.)
  const said0 = monthsOwedOrPaid(t);
  // `每月四千五 欠了三个月的`, `三个月工资 每个月3000多`: the months owed said with the wage decide, as `一个月4500 三个月`
  // does (the period's months were used: 4,500 × 2 proposed beside a change of the period to 3 months). More than the
  // period has do not fit: said, and asked again; fewer are what is still owed. With no period known, they are the months.
  const stated = said0 ? null : monthsSaidWithRate(t);
  if (stated === 'unclear') return null;
  const rate = readRate(t) ?? (said0 || stated !== null ? t.split(/[,，。;；\s]+/u).map((c) => readRate(c)).find((r) => r !== null) ?? null : null);
  const period = a.period?.months ?? 0;
  if (!rate || rate.per !== 'month' || (period < 1 && stated === null)) return null;
  // `3个月 每个月4千 一共1万2`: a sum said outright is what is owed, never the one worked out beside it.
  if (findAmounts(t).own) return null;
  // `一个月五千 给了两个月的 还差一个月`: the months still owed, said (1), or the months paid (2) taken off the period's;
  // it came to 15,000 (the whole period) proposed.
  const said = said0;
  if (said === 'unclear' || (said?.paid !== undefined && said.paid >= period)) return { ok: false, conflict: true, error: amountAfterPaid(a) };
  if (stated !== null) {
    const c = checkRateMonths(rate.rate, stated, a);
    if (c?.kind === 'refuse') return { ok: false, conflict: true, error: c.error };
  }
  const months = stated ?? said?.owed ?? (said?.paid !== undefined ? period - said.paid : period);
  // How it was worked out is kept with it, unshown (the ack says it): `怎么算的` at its 「…对吗？」 is answered from it.
  const total: NonNullable<WageAnswers['amount']> = {
    yuan: Math.round(rate.rate.yuan * months * 100) / 100,
    approx: rate.rate.approx,
    upTo: null,
    worked: `每月${showAmount(rate.rate)}、${months}个月`,
  };
  const r = checked(total, checkOwnAmount(total, a), true);
  return r.ok && !r.ack ? { ...r, ack: `按每月${showAmount(rate.rate)}、${months}个月算，一共${showAmount(total)}。${stated !== null ? fewerMonthsNote(stated, a) : ''}` } : r;
}

/**
 * A count of months said beside a month's wage (`欠了三个月的`, `三个月工资`), never the wage's own 一个月/每个月
 * (`一个月4500`): the count; `unclear` for `两个多月`, `一个半月`, or two counts that differ; null when none is said.
 */
function monthsSaidWithRate(t: string): number | 'unclear' | null {
  const c = compact(t);
  const counts = new Set<number | 'unclear'>();
  for (const m of c.matchAll(/(?<![每0-9零一二两俩三四五六七八九十百千万])([0-9]{1,2}|[一二两俩三四五六七八九十]{1,3})个(多|半)?月/gu)) {
    // `一个月4500`, `6000一个月`: the wage's own month; one month owed is said so (`欠了一个月`, `共欠一个月`).
    if (/^[1一]$/u.test(m[1]!) && !m[2] && !/(?:欠|拖|差|压|共)(?:了|着|我|我们)?$/u.test(c.slice(0, m.index))) continue;
    const n = parseChineseNumber(m[1]!.replace('俩', '两'));
    counts.add(m[2] || !n || !Number.isInteger(n) || n < 1 ? 'unclear' : n);
  }
  if (counts.size === 0) return null;
  return counts.size === 1 ? [...counts][0]! : 'unclear';
}

/** A piece count and the price of one: `做了两千件`, `一件三块钱`, `3元一件`, `每件2.5元`. */
const PIECE_PRICE = [
  new RegExp(`(?:每件|(?<![0-9零一二两三四五六七八九十百千万])一件)(?:是|给|算|的?工钱|的?单价)?(${MONEY_FIGURE})`, 'gu'),
  new RegExp(`(${MONEY_FIGURE})(?:每件|一件|/件)`, 'gu'),
];
const PIECE_COUNT = /([0-9零一二两三四五六七八九十百千万]+)件/gu;

/**
 * `计件的，做了两千件，一件三块钱`, `一件3元 做了2000件`: pieces made times the price of one (2,000 × 3 = 6,000), as
 * the amount owed (a reading, confirmed). Null unless one price and one count of pieces are said.
 */
function piecesTimesPrice(text: string): { total: Amount; price: Amount; n: number } | null {
  let s = compact(text);
  const prices = new Map<string, Amount>();
  for (const re of PIECE_PRICE) {
    for (const m of s.matchAll(re)) {
      const r = readAmount(m[1]!);
      if (!r.ok || r.value.upTo !== null || r.value.yuan >= 10_000) return null;
      prices.set(JSON.stringify(r.value), r.value);
    }
    s = s.replace(re, ' ');
  }
  const counts = new Set([...s.matchAll(PIECE_COUNT)].map((m) => parseChineseNumber(m[1]!)));
  if (prices.size !== 1 || counts.size !== 1) return null;
  const price = [...prices.values()][0]!;
  const n = [...counts][0];
  if (!n || n < 2) return null;
  const yuan = Math.round(price.yuan * n * 100) / 100;
  if (yuan > MAX_AMOUNT_YUAN) return null;
  return { total: { yuan, approx: price.approx, upTo: null }, price, n };
}

/**
 * A total worked out from a rate (`一个月五千，三个月`, `一天三百 干了一百五十天`, `两千件 一件三块`) with a sum paid
 * already said beside it (`只给了两千`, `中间给过一万`) and nothing said as still owed: the total less what was paid,
 * said back with how it was worked out (confirmed). `ask` when a payment is said but what it leaves is not clear
 * (`给了一半`, two sums paid, more paid than the total); null when no total or no payment is said.
 */
function netOfPaid(text: string): { value: Amount; ack: string; how: string } | 'ask' | null {
  if (!saysPaid(text) || findAmounts(text).own) return null;
  // `一个月五千，干了三个月，只给了两千`: the months worked, all of it earned; what was paid comes off it.
  const worked = text.replace(/(?:干了|做了|上了|干|做)(?=[0-9一二两俩三四五六七八九十]+个?月)/gu, '');
  const pieces = piecesTimesPrice(text);
  const run = monthlyRun(worked) ?? dailyRun(text);
  const total = run?.total ?? pieces?.total ?? null;
  if (!total) return null;
  const paid = paidFigures(text);
  if (paid.length !== 1 || paid[0]!.approx || paid[0]!.yuan >= total.yuan) return 'ask';
  const value: Amount = { yuan: Math.round((total.yuan - paid[0]!.yuan) * 100) / 100, approx: total.approx, upTo: null };
  // How the total came about (`每月5,000元×3个月，一共15,000元`), said with it.
  const times = run ? `${run.unit === '个月' ? '每月' : run.unit === '个工' ? '每个工' : '每天'}${showAmount(run.rate)}×${run.n}${run.unit}，` : pieces ? `${pieces.n}件×${showAmount(pieces.price)}，` : '';
  const how = `${times}一共${showAmount(total)}`;
  return { value, ack: `按您说的，${how}，减去已经给的${showAmount(paid[0]!)}，还欠${showAmount(value)}。`, how: `${how}，减去已经给的${showAmount(paid[0]!)}` };
}

/** Days worked and nothing else: `干了二十天`, `做了20个工`, `20个工`, `20天`. */
const DAYS_WORKED_ONLY = /^(?:我)?(?:一共|总共)?(?:干了|做了|上了|干|做)?([0-9一二两三四五六七八九十百]+)(天|个工)(?:的?活)?(?:了|吧)?$/u;

/** Words that say the money was not paid (`没给`, `欠`). */
const UNPAID = /欠|拖|没给|没发|没结|没拿到|没到手|不给|不发|一分(?:钱)?(?:都|也)?没/u;

/**
 * `工资一天两百干了四十天`, `一天200 干了40天没给`: a daily wage times the days worked, said in a run of clauses,
 * as the amount owed (a fact, confirmed). Only inside a report (after the consent) or with words that say it was
 * not paid: the days worked are not always all owed, so it is proposed, never taken; never a period either.
 */
function dailyTimesDays(text: string): Amount | null {
  return dailyRun(text)?.total ?? null;
}

/** {@link dailyTimesDays} with the rate and the days it was worked out from. */
function dailyRun(text: string): RateRun | null {
  const clauses = text.split(/[,，。;；!！?？\s]+/u).filter(Boolean);
  const totals = new Map<string, RateRun>();
  for (let i = 0; i < clauses.length; i++) {
    for (let j = i + 1; j <= Math.min(clauses.length, i + 3); j++) {
      const t = rateTimes(joinRun(clauses.slice(i, j).map((c) => compact(c))), DAILY_TIMES);
      if (t) totals.set(JSON.stringify(t.total), t);
    }
  }
  return totals.size === 1 ? [...totals.values()][0]! : null;
}

/** An amount said as money (a bare `3` is not), or null. */
function parseAmountLoose(t: string): Amount | null {
  const p = parseAmount(t);
  return p.ok ? p.value : null;
}

/**
 * A period answer as meant: `6月到8月 不对 是6月到9月` (the corrected one), `好像是七月到九月吧 记不清了`
 * (hedged: the months said, to be confirmed), `1-10月份` (1月到10月), `7、8、9三个月` (7月到9月).
 */
function periodSaid(t: string): { text: string; hedged: boolean } {
  let s = t.trim();
  const fixed = /^.+?[,，\s]*(?:不对不对|不对|说错了|错了|哦不)[,，\s]*(?:是|应该是)?(.+)$/u.exec(s);
  if (fixed) s = fixed[1]!;
  const unsure = /(?:记不清|记不太清|记不得|不太确定|不确定|说不准)(?:了|楚)?(?:吧|啊)?[。!！]*$/u;
  let hedged = unsure.test(s) || /^(?:好像|可能|应该|估计)/u.test(s);
  s = s.replace(unsure, '').replace(/^(?:好像是?|可能是?|应该是?|估计是?|大概是)/u, '').replace(/[,，\s]+$/u, '').replace(/(?:吧|啊)$/u, '');
  s = s
    .replace(/^(\d{1,2})\s*[-~到至]\s*(\d{1,2})月(份)?/u, '$1月到$2月')
    .replace(/^(\d{1,2}(?:[、，,]\d{1,2})+)(?!\d)(?=[两二三四五六七八九十\d]个?月)/u, '$1月');
  s = monthListCounted(s);
  if (s === '') hedged = false;
  return { text: s || t, hedged };
}

const MONTH_NUMERAL: Record<string, number> = { 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/**
 * `八九十三个月`, `七八九三个月`: months run together, then how many they are. Read as a range only when the
 * months follow one another and their count is the number said (八九十 and 三); anything else is left as said.
 */
function monthListCounted(s: string): string {
  const m = /^((?:十[一二]?|[一二两三四五六七八九])+?)(?:月份?)?(?:这|那)?([两二三四五六七八九十]|十[一二])个月(.*)$/u.exec(s);
  if (!m) return s;
  const count = MONTH_NUMERAL[m[2]!] ?? 0;
  const numeral = (n: number) => ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][n]!;
  for (let first = 1; count >= 2 && first + count - 1 <= 12; first++) {
    const run = Array.from({ length: count }, (_, i) => numeral(first + i)).join('');
    if (run === m[1]!.replace(/两/gu, '二')) return `${first}月到${first + count - 1}月${m[3]}`;
  }
  return s;
}

/** Worked alone (`我自己干的`, `就我一个人干`), at the headcount's question. */
const WORKED_ALONE = /^(?:是|就是|都是)?(?:就|只有)?(?:我|俺)(?:自己|一个人?|自个儿?|单独)(?:一个人?)?(?:在)?(?:干|做)(?:的|活|活的)?(?:啊|呀|吧|嘛)?[。.!！]*$/u;
/** Said when a platform (`美团`, `滴滴`) is named as the employer: kept, and who runs the work there asked for, no more. */
const PLATFORM_NOTE = '好的，先记下这个平台。跑单、开车这类活，很多是站点、配送公司或劳务公司在管、在发钱；知道它们的名字的话，后面说事情经过时告诉我就行。';
/** Whether who the employer is (a unit, or a family or private person) is asked: their name may be a person's. */
const kindAsked = (a: WageAnswers) => a.employerKind === undefined && a.employer !== undefined && mayBePerson(a.employer) && a.construction !== true;
/** A unit said, then its name: `公司叫宏达`, `外包公司叫蜂鸟`, `我们厂叫鑫源`. */
const UNIT_THEN_NAME = /^(?:我们|俺们|我|俺)?(?:的)?(?:那个)?(?:外包|劳务|派遣|物流|快递)?(?:公司|工厂|厂子|厂|单位|店|饭店|餐馆|超市)(?:的)?(?:名字)?(?:叫|是|叫做)(?!什么|啥|不)/u;
/** Work for a family or a private person (a nanny, a carer, private renovation): a civil matter, its own branch. */
const household = (a: WageAnswers) => a.employerKind === 'household';
/** The construction questions: a unit's construction project. */
const building = (a: WageAnswers) => !household(a) && a.construction === true;
/** A group case: a unit's workers, two or more of them. */
const group = (a: WageAnswers) => !household(a) && (a.headcount?.count ?? 1) >= 2;

const EMPLOYER_KINDS = [
  // `家政公司派的`: sent by an agency, who employs them not said (asked in the parse), never 单位 for 公司.
  { label: '单位、工地或店铺（包括包工头）', value: 'organisation', words: /单位|(?<!家政|中介)公司|工地|工厂|厂里|店|包工头|工头|项目|个体户|开厂|厂子|开店|作坊/ },
  { label: '个人或家庭（当保姆、护工、钟点工，私人装修等）', value: 'household', words: new RegExp(`^个人|家庭|人家(?!.{0,3}(?:店|铺|厂|公司|工地|仓库))|私人|东家|(?:她|他)家|带孩子|看孩子|照顾老人|伺候老人|${HOUSEHOLD_WORDS.source}`, 'u') },
];

/**
 * The supplementary questions (the clue platform's), asked after the core
 * facts. At any of them `都跳过` leaves it and the ones after it unanswered.
 */
const SUPPLEMENT = ['employerAddress', 'projectAddress', 'generalContractor', 'subcontractor', 'labourContractor', 'trade', 'roster', 'account'] as const;
type Supplement = (typeof SUPPLEMENT)[number];
const SKIP_REST = '都跳过';
const SKIP_REST_WORDS =
  /^(?:都跳过|全跳过|全部跳过|后面(?:的)?都跳过|这几项都跳过|剩下的都跳过|都不填了?|都不知道|全都不知道|都不清楚|后面的?都不知道|啥都不知道)(?:了|吧|啊)?$|^(?:这些|这几个|这几项|后面的?|剩下的?|下面的?|其他的?|别的)(?:我|俺)?(?:都|全|全都|也都)?(?:不填|不想填|不用填|跳过|不知道|不清楚|不晓得|搞不清楚?)(?:了|吧|啊)*$|^(?:太|好|真)麻烦(?:了|啦|啊)*$|^麻烦死了$/u;
const SUPPLEMENT_OPTIONS = [
  { label: '不知道', value: '不知道', words: /^(?:不知道|不清楚|不晓得|不记得|没注意|没见过)(?:啊|呀|哦)?$/u },
  { label: SKIP_REST, value: SKIP_REST, words: SKIP_REST_WORDS },
];
const asked: Record<Supplement, (a: WageAnswers) => boolean> = {
  employerAddress: () => true,
  projectAddress: (a) => building(a),
  generalContractor: (a) => building(a),
  subcontractor: (a) => building(a),
  labourContractor: (a) => building(a),
  trade: () => true,
  roster: (a) => group(a),
  account: () => true,
};

/** `都跳过` at `from`: it and the supplementary questions after it not yet answered, left unanswered (null). */
function skipRest(from: Supplement, a: WageAnswers): { ok: true; value: null; set: Partial<WageAnswers> } {
  const set: Partial<WageAnswers> = {};
  for (const id of SUPPLEMENT.slice(SUPPLEMENT.indexOf(from) + 1)) if (a[id] === undefined && asked[id](a)) set[id] = null;
  return { ok: true, value: null, set };
}
const skipsRest = (t: string) => t === SKIP_REST || SKIP_REST_WORDS.test(compact(t));
const NOT_KNOWN = /^(?:不知道|不清楚|不晓得|晓不得|不记得|记不清|记不得|记不住|忘了|忘记了|搞不清|说不清|没注意|没见过|没听说过?|没印象|没有印象|没什么印象|莫得印象|想不起来|记不起来|不造|唔知)(?:楚)?(?:啊|呀|哦|了|哦|嘞|噻|撒)*$/u;
/** The boss's figure for everyone (1: who, 2: it), then the workers' own (3), spaces dropped. */
const BOSS_THEN_OURS =
  /^(包工头|老板娘|老板|工头|公司|项目部|班组长)(?:那边|那里)?(?:记|算|说)(?:的)?(?:是)?([^我俺咱]+?)(?:我们|俺们|咱们|大家)(?:自己)?(?:算|记)(?:的)?(?:是)?(.+?)(?:差了?一截|差了?不少|差了?一点|对不上|不一样)?(?:的|了)?$/u;
/** `不知道别人的 各算各的 他们自己会报` (spaces dropped): the others' sums not known, each to report their own. */
const OTHERS_NOT_KNOWN =
  /^(?:我|俺)?(?:也)?(?:不知道|不清楚|不晓得)(?:别人|他们|其他人|工友们?|大家)(?:的)?(?:各算各的?|各报各的?|(?:他们|别人|大家)(?:自己|各自)(?:会)?(?:报|来报|去报))+$/u;
/** `项目名字记不住了`, `工地叫啥不清楚`: the project's name said not to be known, as a clause of its own. */
const NAME_NOT_KNOWN_CLAUSE =
  /^(?:项目|工地|楼盘|盘)(?:的)?(?:名字|名称|叫啥|叫什么)?(?:我|俺)?(?:也|真|都)?(?:不知道|不晓得|晓不得|不清楚|不记得|记不得|记不清|记不住|忘了|想不起来?)(?:了|啊|呀)*$|^(?:我|俺)?(?:也|真|都)?(?:不知道|不晓得|晓不得|不清楚|不记得|记不得|记不清|记不住|忘了)(?:项目|工地|楼盘|它|这个|那个)?(?:的)?(?:叫啥|叫什么|叫个啥|名字|名称)(?:名字)?(?:了|啊|呀)*$/u;

/** The project's name, as answered at its question (flows/wage.ts `project`); also read in a yes at 是工程建设项目吗. */
/** Said beside a project's name: who builds it (`宏达建筑承建的`: 1) or where on the site one works (`我们在3号楼`). */
const SITE_BUILDER = /^(?:是|由)?([\p{Script=Han}A-Za-z0-9]{2,14}?)(?:承建|承包|施工|总包|盖)(?:的)?$/u;
const SITE_BESIDE = new RegExp(`${SITE_BUILDER.source}|^(?:我们|我|俺们|俺)?(?:在|是|干的是|做的是)[0-9一二三四五六七八九十]+(?:号楼|号|栋|幢|标段|期)(?:的)?$`, 'u');

/** What became of a site: stopped, left unfinished, an accident, closed. */
const SITE_STATE = /停了|停工|停下来|烂尾|出过事|出事|封了|塌了|黄了|没人干了|没人了|跑了|跑路/u;
/** What became of the site said after its name (`…烂尾了`, `…也停工了`, `…早就黄了`). */
const SITE_STATE_TAIL = /(?:的)?(?:工地|项目|楼盘)?(?:也|都|早就|早|已经|现在|去年|上个月)*(?:停了|停工了?|停下来了?|烂尾了?|出过事|出事了|被封了|封了|塌了|黄了|没人干了)(?:了|啦|呀|啊)*$/u;
/** Words a project's name is made of (`青溪花园二期`, `上坪安置房`, `凤栖书院府`): then the name is read as before. */
const SITE_NAME_MARK = /花园|小区|大厦|[一二三四五六七八九十\d]期|安置房|广场|中心|公寓|家园|[府苑庭阁湾城]|学校|医院|厂房|项目部|工程|大道|[0-9]+号/u;

function projectAnswer(t: string, a: WageAnswers, ctx: FlowContext): Result<string | null, WageAnswers> {
  // `都跳过` (offered at the questions after this one), `不知道`: not known, never a name.
  if (skipsRest(t) || NOT_KNOWN.test(compact(t)) || /^(?:都|全部|全都)?(?:跳过|不填)/u.test(compact(t))) return { ok: true, value: null };
  // `不是工地 是在厂里` at the project's name: the yes to 是工程建设项目吗 taken back, said plainly: that no, set (「不是工地是在厂里」
  // was kept as the name). `在厂里`, `饭店里` alone: a workplace of other work, never the name; asked which it is.
  const otherWork = t.trim().replace(/[\s。.!！]+/gu, '，').replace(/^(?:搞错了|弄错了|说错了|不对)[了,，]*/u, '');
  if (/^(?:不是|不算)(?:在)?(?:工地|工程|工程项目|建筑工地|建筑)(?:上|的|项目)?(?:[,，]|$)/u.test(otherWork)) {
    return { ok: true, value: null, set: { construction: false }, ack: '好的，改成了不是工程建设项目。' };
  }
  if (NOT_CONSTRUCTION.test(otherWork) && !/[叫是]/u.test(otherWork.replace(/^(?:是|在)+/u, ''))) {
    return { ok: false, error: `「${[...otherWork].slice(0, 10).join('')}」不是项目名称。如果不是在工地或工程上干活，回复「不是工地」就行；是的话，请写项目或工地的名字，不知道就回复「不知道」。` };
  }
  // `没有地址 工地在龙湾村 搞钢筋的`: a clause says there is no name (or it is not known); the others say other things.
  // Not known, never all of it kept as the name.
  const clauses = t.trim().split(/[\s,，。;；]+/u).filter(Boolean).map((c) => compact(c));
  if (clauses.length >= 2 && clauses.some((c) => NONE.test(c) || NOT_KNOWN.test(c) || NAME_NOT_KNOWN_CLAUSE.test(c) || /^没(?:有)?(?:名字|名称|牌子)/u.test(c))) return { ok: true, value: null };
  // `工地大门上写的凤栖书院府 宏达建筑承建的 我们在3号楼`: the name where it is written, then who builds it and where the
  // person works on the site, each a clause of its own: the name alone (the whole line was kept as it), and the builder as
  // the employer when none is known yet; all confirmed.
  if (clauses.length >= 2 && /(?:写的是|写着的是|写着|写的|叫做|叫)/u.test(clauses[0]!) && clauses.slice(1).every((c) => SITE_BESIDE.test(c))) {
    const first = projectAnswer(clauses[0]!, a, ctx);
    const builder = clauses.slice(1).map((c) => SITE_BUILDER.exec(c)?.[1]).find((x) => x !== undefined);
    const unit = builder && !a.employer && ORG_SUFFIX.test(builder) ? parseEmployer(builder) : null;
    if (first.ok && typeof first.value === 'string') return { ok: true, value: first.value, confirm: true, ...(unit?.ok ? { set: { employer: unit.value } } : {}) };
  }
  // `项目名字不知道`, `工地叫啥不清楚`: the name said not to be known (「项目名字不知道」 was kept as the name).
  if (/^(?:项目|工地|楼盘)(?:的)?(?:名字|名称|叫啥|叫什么)(?:我|俺)?(?:也|真|都)?(?:不知道|不晓得|不清楚|不记得|记不得|记不清|忘了)(?:了|啊|呀)*$/u.test(compact(t))) return { ok: true, value: null };
  // `停工了`, `老板跑了 工地也停了`, `就是那个出过事的工地`, `烂尾楼一个`: what became of the site, no name in it (「停工了」,
  // 「工地也停了」, 「出过事」 were kept as the name).
  if (SITE_STATE.test(compact(t)) && !SITE_NAME_MARK.test(compact(t))) {
    return { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」（工地门口的牌子上一般有）；不知道就回复「不知道」。' };
  }
  // `青溪花园烂尾了`, `翠湖湾小区早就停工了`: the name, then what became of it (kept whole as the name): the name, confirmed.
  const stateTail = SITE_STATE_TAIL.exec(compact(t));
  if (stateTail && stateTail.index >= 2) {
    const r = projectAnswer(compact(t).slice(0, stateTail.index), a, ctx);
    return r.ok && !r.stay && typeof r.value === 'string' ? { ok: true, value: r.value, confirm: true, ...(r.set ? { set: r.set } : {}) } : r;
  }
  // `搞钢筋的`: the work said; `工地在龙湾村`: where the site is. Never a project's name.
  if (/(?:搞|干|做|扎|绑)(?:钢筋|木工|水电|泥瓦|小工|杂工)|^(?:工地|项目|楼盘)(?:就)?(?:在|位于)/u.test(compact(t))) {
    return { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」（工地门口的牌子上一般有）；不知道就回复「不知道」。' };
  }
  // `在东龙镇政府旁边`, `老板姓陈` (beside the name, `翠湖湾 在东龙镇政府旁边 老板姓陈`): where it is, who the boss is; not its name.
  // `总包是中建三局` (beside the name: `青溪花园二期 总包是中建三局`): a unit of the construction chain, its own question.
  if (/(?:旁边|附近|对面|隔壁|后面|前面|边上)$|老板|老总|包工头|工头|姓|总包|分包|承包|开发商|建设单位/u.test(compact(t))) {
    return { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」（工地门口的牌子上一般有）；不知道就回复「不知道」。' };
  }
  // `是私人的房子`, `业主自己住的房子`: a private home has no project name; never kept as one.
  if (/^(?:就是|是|在)?(?:给)?(?:私人|个人|业主|房主|人家|别人)(?:家)?(?:自己)?(?:住)?(?:的)?(?:房子|家里?|住宅|装修)$/u.test(compact(t))) {
    return { ok: true, value: null, ack: '好的，私人的房子不用写项目名称。' };
  }
  // `在修的那个学校`: what the site is, not its name.
  if (/的(?:那个|这个|那|这)?(?:学校|医院|楼|房子|小区|工地|项目|厂房|路|桥)$/u.test(compact(t)) && !/[叫是]/u.test(t)) {
    return { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」（工地门口的牌子上一般有）；不知道就回复「不知道」。' };
  }
  // `就是东龙镇那个翠湖湾小区`: the framing and the township (known, or a fact of its own) go.
  const town = townshipName(ctx, findTownship(ctx, t) ?? a.location);
  // `不是`, `对的`: a yes or no (to the question before), never a name.
  if (yesNo(t) !== null && [...compact(t)].length <= 4) {
    return { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」；不知道就回复「不知道」。' };
  }
  // Spoken sounds before the name (`嗯 叫 那个 青溪花园二期`) go too. So does the name looked for (`叫啥锦绣家园
  // 三期`, `叫什么来着 锦绣家园`): what follows is the name, confirmed (never 「啥锦绣家园三期」 kept).
  const looked = /^(?:[嗯呃额啊哦噢唔]+|那个|这个|就是|好像)*(?:项目|工地|楼盘)?叫(?:啥|什么)(?:来着)?(?:[嗯呃额啊哦噢唔]+|那个|这个|叫)*(?=[\p{Script=Han}A-Za-z0-9]{2})/u.exec(compact(t));
  // `好像叫锦城花园二期`, `应该是翡翠湾`: a hedge before the name (「好像叫锦城花园二期」 was kept whole): the name, confirmed.
  const hedged = /^(?:[嗯呃额啊哦噢唔]+|那个|这个|就是)*(?:好像|好象|应该|大概|可能|估计|似乎|貌似)(?:是|叫)?(?:叫)?(?=[\p{Script=Han}A-Za-z0-9]{2})/u.exec(compact(t));
  // `售楼处写的是幸福里二期`, `门口牌子上写着翠湖湾`: where the name is written, then the name (confirmed).
  const written = /^(?:[\p{Script=Han}]{1,5}?)?(?:的)?(?:牌子|招牌)?(?:上|里)?(?:写的是|写着的是|写着|写的)(?=[\p{Script=Han}A-Za-z0-9]{2})/u.exec(compact(t));
  // `上一期的工程 叫锦绣华府二期`, `我们干的那个工地叫翠湖湾`: which site is meant, then its name (the whole was kept as
  // the name, unasked): the name, confirmed.
  const described = /^[\p{Script=Han}]{1,8}?的(?:那个|这个)?(?:工程|工地|项目|楼盘|活)(?:的)?(?:名字|名称)?(?:叫做|叫)(?=[\p{Script=Han}A-Za-z0-9]{2})/u.exec(compact(t));
  const lead = looked ?? hedged ?? written ?? described;
  let bare = compact(t).slice(lead ? lead[0].length : 0).replace(/^(?:[嗯呃额啊哦噢唔]+|那个|这个|就是|就在|是|在|叫)+/u, '').replace(HEDGE_AFTER, '');
  if (town) bare = bare.replace(town, '').replace(town.replace(/(?:镇|街道|乡)$/u, ''), '');
  bare = bare.replace(/^(?:的)?(?:那个|这个|那|这)/u, '');
  const name = bare
    // `那个盘叫阳光水岸`: 盘 (楼盘) as builders say it.
    // `项目名叫翡翠湾`: 名 alone for 名字 (「项目名叫翡翠湾」 was kept whole as the name).
    .replace(/^(?:项目|工地|楼盘|盘)(?:的)?(?:名字|名称|名)?(?:叫做|叫|是)/u, '')
    .replace(/^(?:叫|是)/u, '')
    .replace(/(?:上|里)?(?:干活|上班|打工|做工)(?:的)?$/u, '')
    // `青溪花园工地`, `幸福小区的工地`: the site's word after the name goes; 小区 is the estate's own name (`幸福小区` was
    // kept as 「幸福」, unasked), gone only after 那个/这个.
    .replace(/(?:的)?(?:那个|这个)?(?:楼盘|工地|项目)$/u, '')
    .replace(/(?:的)?(?:那个|这个)小区$/u, '');
  // `好像叫` (a clause of `好像叫 滨江一号`): a hedge with no name after it is no name.
  if (/^(?:那个|这个|那|这)?(?:楼|工地|项目|小区|地方|那边|这边)?$/u.test(name) || /几个|好几|很多/u.test(name) || /^(?:好像|好象|应该|大概|可能|估计|似乎|貌似)?(?:是|叫)?$/u.test(name)) {
    return { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」；不知道就回复「不知道」。' };
  }
  const p = parseOrgName(name);
  return p.ok ? { ok: true, value: p.value, ...(lead ? { confirm: true } : {}) } : { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」；不知道就回复「不知道」。' };
}

/** What says the work is no building work, at 是工程建设项目吗 (a factory, an eatery, a shop…). */
const NOT_CONSTRUCTION = /(?:不是|不算)(?:工地|工程)|工厂|厂里|饭店|餐馆|酒店|超市|商场|店里|快递|外卖|送货|保姆|家政|保洁|物业|保安|开车|司机|(?<!建筑|装修)公司上班|办公室|种地|农场|养殖|仓库|搬货|装卸货|卸货/;

/**
 * A project named at 是工程建设项目吗 (`叫幸福小区二期`, `是 叫幸福小区二期`, `叫啥，幸福小区，二期，` said by voice):
 * a yes, with the project's name; both proposed (「…对吗？」), never kept without a yes. Null when no name is said
 * with 叫, or the name says other work (`叫好再来饭店`), or a name not known (`叫啥不知道`).
 */
function constructionNamed(t: string, a: WageAnswers, ctx: FlowContext): Result<boolean, WageAnswers> | null {
  const unsure = constructionUnsure(t, a);
  if (unsure) return unsure;
  // `不是 叫幸福小区二期`: a no, and a project's name with it; which is meant is asked (the no was taken, the name dropped).
  const noButNamed = /^(?:不是|不算|不)[,，。\s]*((?:项目|工地|楼盘|工程)?(?:的)?(?:名字|名称)?(?:叫|名叫)(?![我你他她人俺]).+)$/u.exec(t.trim());
  if (noButNamed && !/不知道|不清楚|不晓得|不记得|忘了|记不/u.test(noButNamed[1]!) && !NOT_CONSTRUCTION.test(noButNamed[1]!)) {
    const p = projectAnswer(noButNamed[1]!, a, ctx);
    if (p.ok && typeof p.value === 'string') {
      return {
        ok: false,
        conflict: true,
        error: `您说「不是」，又说了项目名称「${p.value}」。是在工地或工程项目上干活吗？`,
        options: [
          { label: `是，项目叫${p.value}`, value: `是 项目叫${p.value}` },
          { label: '不是工程建设项目', value: 'no' },
        ],
      };
    }
  }
  const named = /^(?:(?:是|是的|对|对的|嗯|是啊|对啊|是呀|对呀)(?=项目|工地|楼盘|工程|叫))?((?:项目|工地|楼盘|工程)?(?:的)?(?:名字|名称)?(?:叫|名叫).+)$/u.exec(compact(t));
  if (!named) return projectNamedBare(t, a, ctx);
  if (/^(?:叫|名叫)(?:我|你|他|她|人|俺)/u.test(named[1]!) || /不知道|不清楚|不晓得|不记得|忘了|记不/u.test(named[1]!) || NOT_CONSTRUCTION.test(named[1]!)) return null;
  const p = projectAnswer(named[1]!, a, ctx);
  return p.ok && typeof p.value === 'string' ? { ok: true, value: true, confirm: true, set: { project: p.value } } : null;
}

/** 还在干 or 已经离开, as options after words that said neither. */
const STILL_OPTIONS = [
  { label: '还在干', value: 'yes' },
  { label: '已经离开', value: 'no' },
];

/** A relative named first (`我老公是在工地`, `我老婆早走了`): what follows is that relative's, not the person's. */
const KIN_FIRST = /^(?:我|俺)(?:的|家)?(老公|丈夫|爱人|对象|媳妇|老婆|妻子|儿子|女儿|闺女|爸爸|爸|妈妈|妈|哥哥|哥|弟弟|弟|姐姐|姐|妹妹|妹)(?:的)?(?:也|都|是|在|早|已经|还)/u;
/** A canteen or shop on a site, maybe run apart from the building (`在工地食堂做饭`): whether it counts is asked. */
const SITE_SERVICE = /食堂|饭堂|小卖部|开小卖/u;
const YES_NO_OPTIONS = [
  { label: '是', value: 'yes' },
  { label: '不是', value: 'no' },
];

/**
 * Words at 是工程建设项目吗 that decide nothing: a relative's work when the report is not known to be for them
 * (`我老公是在工地`), a hedge (`跟工地有点关系吧`), a site's canteen (`在工地食堂做饭`). The question again with
 * what it means, never a yes taken from 工地 in them.
 */
function constructionUnsure(t: string, a: WageAnswers): Result<boolean, WageAnswers> | null {
  const c = compact(t);
  const kin = a.onBehalf ? null : KIN_FIRST.exec(c);
  if (kin && !/[我俺]/u.test(c.slice(kin[0].length))) {
    return { ok: false, conflict: true, error: `您说的是您${kin[1]}的活。被拖欠工资的这份活，是盖楼、修路、装修这类工地上的活吗？`, options: YES_NO_OPTIONS };
  }
  if (HEDGED_FIT.test(c)) {
    return { ok: false, conflict: true, error: '盖楼、修路、装修这类工地上的活，就是工程建设项目。您干的活是这一类吗？', options: YES_NO_OPTIONS };
  }
  if (CONSTRUCTION_WORDS.test(c) && SITE_SERVICE.test(c)) {
    return { ok: false, conflict: true, error: '您是在工地的食堂或小卖部干活。雇您的是工地上的施工方或包工头吗？是的话回复1；是食堂老板等另外的人雇的，回复2。', options: YES_NO_OPTIONS };
  }
  return null;
}

/** How a building project's own name ends (`幸福小区二期`, `翠湖花园`, `锦绣家园`, `滨江安置房`, `3号标段`). */
const PROJECT_NAME_END = /(?:[一二三四五六七八九十\d]+期|小区|花园|家园|新村|公寓|大厦|安置房|安置区|苑|标段)$/u;
/**
 * `沙湾村安置房`, `龙湾村小区二期`: a project named after a village or community (the village's name, then how a
 * project's name ends, with nothing between): the project's name, never where the work is said to be (「沙湾村」 was
 * proposed as the community, and the project lost). Only where the community is said nowhere else in the message.
 */
function projectNamedAfter(text: string, community: string): boolean {
  const s = compact(text);
  const at = s.indexOf(community);
  if (at < 0 || s.indexOf(community, at + 1) >= 0) return false;
  return /^(?:[一二三四五六七八九十\d]+期|小区|花园|家园|新村|公寓|大厦|安置房|安置区|苑|标段)/u.test(s.slice(at + community.length));
}

/** Words for the kind of work, never a project's own name (`装修工程`, `修路的项目`). */
const WORK_KIND = /装修|盖楼|修路|建筑|市政|道路|绿化|水电|钢筋|木工|泥瓦|拆迁|施工|工程|房子|楼房|私人|自建/u;

/**
 * A project's name said without 叫 at 是工程建设项目吗, alone or after a yes (`幸福小区二期`, `是 幸福小区二期`,
 * `是的，幸福小区二期的工地`, `对 翠湖湾项目`): a yes, with that name; both proposed (「…对吗？」), never kept without
 * a yes (the name was lost: 「请回复1或2」, or the yes taken and the name asked again). Only a name that ends as a
 * project's does (小区, 花园, 二期…), or one said to be the project or site (`翠湖湾项目`); null otherwise.
 */
function projectNamedBare(t: string, a: WageAnswers, ctx: FlowContext): Result<boolean, WageAnswers> | null {
  const c = compact(t).replace(/[?？!！。.~～]+$/u, '');
  const m = /^(?:(?:嗯|恩)?(?:是的|是啊|是呀|是滴|是|对的|对啊|对呀|对|嗯)(?:的)?)?(.+?)(?:(?:的|那个)?(工地|项目|楼盘)(?:上|里)?(?:的)?)?$/u.exec(c);
  if (!m) return null;
  const name = m[1]!;
  if (NOT_CONSTRUCTION.test(c) || WORK_KIND.test(name) || yesNo(name) !== null) return null;
  if (!PROJECT_NAME_END.test(name) && !m[2]) return null;
  // With 项目 or 工地 said after it, the name still needs two characters of its own (`这个项目` is none).
  // `在幸福小区`, `就在翠湖花园旁边`: where the site is, not its name.
  if ([...name].length < 2 || /^(?:这|那|哪|什么|啥|我|我们|你|他|她|在|就在|住|位于|离|靠近|挨着|做|干|搞|修|盖|给|帮|跟)/u.test(name)) return null;
  const p = projectAnswer(name, a, ctx);
  if (!p.ok || typeof p.value !== 'string') return null;
  return { ok: true, value: true, confirm: true, set: { project: p.value } };
}

/** Working under a foreman not named: `跟着包工头干的`, `我老公是跟着工头干活`, `一直跟着班组长做`. */
const UNDER_UNNAMED_FOREMAN =
  /(?:跟着?|随)(?:一个|那个|个|我们|俺们|他们)?(?:的)?(?:包工头|工头|班组长|带班的)(?:干|做|打工|干活|做事|做工)(?:的|了|活|过)*(?:啊|呀|哦|吧)?$/u;
const UNNAMED_FOREMAN_ASK = '包工头或老板叫什么？写他的名字就行，例如「老王」「王建军」；知道他给哪家公司干活，写公司名也行。';

/** Asked whom the foreman works for: he is all there is (`就是他`, `没有公司`, `就包工头`). */
const FOREMAN_IS_ALL = /^(?:就是他|就他|就是包工头|就包工头|就是这个包工头|没有公司|没公司|没有单位|不是公司|没有|没)(?:啊|呀|哦|吧|了)*$/u;

/** `没有` (no such thing, nothing to say): left empty, never kept as a value. */
const NONE = /^(?:没有|没|无|木有|没得|莫得|没有的|没有这个|不存在|没这个|没(?:有)?(?:地址|名字|具体地址|固定地址|门牌号?))(?:了|啦|啊|呀|哦|吧)*$/u;
/** `你问这个干啥`: why the question is asked; its reason, and the question again. */
const WHY_ASKED =
  /^(?:你们?)?(?:问|要|打听)(?:我)?(?:这个|这些|这|那个)?(?:干啥|干嘛|干吗|做什么|做啥|有什么用|有啥用|为了啥)|^(?:为什么|为啥|干嘛|干啥|凭什么)(?:要|还要)?(?:问|填|写|知道|告诉你)|^(?:这个|这些|问这个)(?:有什么用|有啥用|干啥用|干嘛用)/u;

/** Why each supplementary question is asked (its help), and the question again, short. */
const SUPPLEMENT_HELP: Record<Supplement, { why: string; again: string }> = {
  employerAddress: { why: '工作人员上门核实、调解时要用到地址。说个大概就行，比如哪个工业园、哪条路、哪个小区。', again: '地址大概在哪里？不知道就回复「不知道」。' },
  projectAddress: { why: '工地大门口的项目公示牌上一般写着项目地址。说个大概就行，比如哪条路、挨着哪个小区。', again: '工地大概在哪里？不知道就回复「不知道」。' },
  generalContractor: { why: '欠农民工工资，总包单位要先行清偿，所以总包很重要。工地大门口的公示牌、工资专用账户的打款记录上一般都有。', again: '总包单位是哪家？不知道就回复「不知道」。' },
  subcontractor: { why: '总包下面把活分出去的公司，常见的是劳务公司。劳动合同、工资条、考勤表上可能有它的名字。', again: '分包单位是哪家？不知道就回复「不知道」。' },
  labourContractor: { why: '包工头或班组长的名字能帮工作人员尽快找到人。叫「老王」「王哥」也可以。', again: '包工头或班组长叫什么？不知道就回复「不知道」。' },
  trade: { why: '工种能帮工作人员核算工钱。说您平时干的活就行，比如「扎钢筋」「开车」「当保姆」。', again: '您做的是什么活？不想说就回复「跳过」。' },
  roster: { why: '名单能帮工作人员逐个核实、一起讨薪。电话只有负责的工作人员能看到。', again: '有名单的话发过来；没有就回复「没有」。' },
  account: { why: '工作人员会先看这段话，了解事情经过能帮他们更快处理。', again: '请用一两句话说说；不想说就回复「跳过」。' },
};

/** A supplementary answer: `都跳过` (the rest of them too), `不知道` and `没有` (null), why it is asked, or what `parse` reads. */
function supplement<V>(id: Supplement, t: string, a: WageAnswers, parse: () => Result<V, WageAnswers>): Result<V | null, WageAnswers> {
  if (skipsRest(t)) return skipRest(id, a);
  const c = compact(t).replace(/[?？!！。.~～]+$/u, '');
  // `没看到牌子`, `记不住名字`, `buzhidao`, `meiyou`: not known, or nothing, as 不知道 and 没有 are.
  const instead = orgNonAnswer(t);
  if (NOT_KNOWN.test(c) || NONE.test(c) || instead === 'dont-know' || instead === 'none') return { ok: true, value: null };
  if (WHY_ASKED.test(c)) return { ok: false, error: `${SUPPLEMENT_HELP[id].why}\n${SUPPLEMENT_HELP[id].again}` };
  // `等会发`, `等一下再发`, `回头告诉你`: left empty for now (never kept as the answer); how to send it later, said.
  if (SEND_LATER.test(c)) return { ok: true, value: null, ack: T_SEND_LATER };
  const r = parse();
  // `有工资条 还有聊天记录`, `截图等会发` at an address, a contractor or the trade: the evidence, asked for a few questions
  // on (where photos and files are taken), said so; this question again. Never kept as its answer.
  // Evidence said held (`有工资条 还有微信聊天记录`) is noted for that question (said back there), as said elsewhere.
  if (!r.ok && EVIDENCE_SAID.test(c) && id !== 'roster' && id !== 'account') {
    const said = evidenceSaidMore(t, a);
    if (said) return { ok: true, value: undefined, stay: true, set: { evidenceSaid: said }, ack: `好的，您说有${said.kinds.join('、')}，我记下了，证据过一会儿会专门问您。\n${SUPPLEMENT_HELP[id].again}` };
    return { ok: false, error: `${T_EVIDENCE_LATER}\n${SUPPLEMENT_HELP[id].again}` };
  }
  return r;
}

/** The evidence is with the employer, none in the person's hands (`都在老板那`, `考勤表在厂里 我没有`). */
/** Who on the unit's side may hold the papers (`老板`, `厂里`, `财务`). */
const EVIDENCE_HOLDER = '(?:老板|老板娘|公司|厂里|厂子|单位|包工头|工头|项目部|财务)';
const EVIDENCE_WITH_EMPLOYER = new RegExp(`^(?:(?:工资条|工资单|考勤表?|打卡记录|合同|材料|东西|证据)?(?:都|全|全都)?(?:在|放在|被)${EVIDENCE_HOLDER}(?:那|那里|那儿|那边|手上|手里|拿着|收走了|拿走了)?(?:了|呢)?(?:[,，\\s]*(?:我|俺)?(?:手上|手里)?(?:没有|没))?)$`, 'u');
/** Papers said to be with the unit, anywhere in the words (`工资条在老板那`). */
const HELD_BY_UNIT = new RegExp(`在${EVIDENCE_HOLDER}`, 'u');

/** Sending the answer later (`等会发`, `等一下再发`, `晚点告诉你`): not now, never the answer itself. */
const SEND_LATER =
  /^(?:我|俺)?(?:等会儿?|等一会儿?|等一?下|待会儿?|一会儿?|过会儿?|晚点|晚些|稍后|回头|改天|明天)(?:再|我再|我)?(?:发|给|补|填|写|告诉|说)(?:给|一下)?(?:你|您|你们)?(?:吧|啊|哈|哦|啦)*$/u;
const T_SEND_LATER = '好的，这项先空着。报完以后想补上，回复「补充」发给我们就行。';

/** Words about evidence (pay slips, chat records, IOUs, photos) said at a question about something else. */
const EVIDENCE_SAID = /工资条|工资单|聊天记录|欠条|借条|考勤|打卡|截图|截屏|照片|录音|转账记录|证据|合同/u;
const T_EVIDENCE_LATER = '好的，证据过一会儿会专门问您，到时直接发照片或文件就行。';

/**
 * A unit of the construction chain: `就是他`/`就是这家` is the employer named before when that is a unit
 * (confirmed); a hedged name (`好像是中建三局`) is confirmed too. Anything else is `unitAnswer`'s, never a
 * clause of it (`公示牌上写`).
 */
function chainAnswer(t: string, a: WageAnswers, example: string, what: string): Result<string, WageAnswers> {
  if (SAME_AS.test(compact(t).replace(/[?？!！。.]+$/u, ''))) {
    if (a.employer && looksLikeOrganisation(a.employer)) return { ok: true, value: a.employer, confirm: true };
    return { ok: false, conflict: true, error: `${what}一般是一家公司，请写公司的名字，例如「${example}」；不知道就回复「不知道」。` };
  }
  // `木工`, `钢筋工` (the trade, said a question late): never a company. While the trade is still to be asked, kept
  // as the trade (said back); this question asked again.
  const said = compact(t).replace(/^(?:我|俺)?(?:是|就是|做|干)?/u, '').replace(/(?:的|啊|吧)$/u, '');
  // `绑钢筋的`: a trade as people say it, as well.
  if ((isRoleWord(said) || knownTrade(said) !== null) && !ORG_SUFFIX.test(said)) {
    const trade = tradeAnswer(said);
    if (a.trade === undefined && trade.ok) return { ok: true, stay: true, set: { trade: trade.value }, ack: `工种「${trade.value}」我记下了。${what}是哪家公司？不知道就回复「不知道」。` };
    return { ok: false, error: `「${said}」是工种，不是公司。${what}是哪家公司？不知道就回复「不知道」。` };
  }
  if (orgNonAnswer(t) !== null) return { ok: false, error: `${what}一般是一家公司，请写公司的名字，例如「${example}」；不知道就回复「不知道」。`, conflict: true };
  // `开发商`, `甲方`: another party of the project (the one building it), not this company's name.
  const bare = said.replace(/^(?:好像|应该|大概|可能)?(?:是|叫)?(?:那个|一个|一家)?/u, '');
  const orWhere = what === '总包单位' ? '工地大门口公示牌上「施工单位」那一栏写的一般就是总包；' : '';
  if (DEVELOPER.test(bare)) return { ok: false, conflict: true, error: `开发商（建设单位）和${what}一般不是同一家。请写${what}的名字，例如「${example}」，${orWhere}不知道就回复「不知道」。` };
  // `总包单位`, `劳务公司`, `国企`: a kind of company, no name.
  if (KIND_OF_UNIT.test(bare)) return { ok: false, conflict: true, error: `「${bare}」不是公司的名字。请写${what}的名字，例如「${example}」，${orWhere}不知道就回复「不知道」。` };
  // `劳务公司叫汇通劳务 老板说是他表弟开的`: the link named by its own cue, more said after it: the name, confirmed (it was
  // read only beside an employer proposed from the same words).
  const cued = what === '分包单位' ? chainNamed(t).subcontractor : what === '总包单位' ? chainNamed(t).generalContractor : undefined;
  if (typeof cued === 'string' && !unitAnswer(t, example).ok) return { ok: true, value: cued, confirm: true };
  // `就是干完活他不给钱 说上面没拨款`: what happened, not a company's name; kept as the account (asked later
  // otherwise), this question again. Never kept as the unit.
  if (ACCOUNT_WORDS.test(t) && [...compact(t)].length >= 6 && !looksLikeOrganisation(compact(t))) {
    if (a.account === undefined) {
      return { ok: true, stay: true, set: { account: [...maskNumbers(t.trim())].slice(0, 500).join('') }, ack: `这段经过我记下了，后面不用再说。那${what}是哪家公司？不知道就回复「不知道」。` };
    }
    return { ok: false, conflict: true, error: `${what}一般是一家公司，请写公司的名字，例如「${example}」；不知道就回复「不知道」。` };
  }
  const p = unitAnswer(t, example);
  if (!p.ok) return { ok: false, error: p.error, conflict: true };
  // `张三`, `老王`: a person's name where a company's is asked: whose, asked with the "对吗？" (never kept unasked).
  if (personCalled(p.value)) {
    return { ok: true, value: p.value, confirm: true, ack: `「${p.value}」听着像人名，${what}一般是一家公司。如果这是包工头或老板的名字，请回复「不对」，再告诉我公司的名字（不知道就回复「不知道」）；如果就是公司的名字，回复「对」。` };
  }
  return HEDGED.test(compact(t)) ? { ok: true, value: p.value, confirm: true } : p;
}

/** The project's developer or owner (`开发商`, `甲方`), said where the general contractor or a subcontractor is asked. */
const DEVELOPER = /^(?:开发商|开发公司|房地产(?:公司|商|老板)?|地产(?:公司|商)|甲方|业主|业主方|建设(?:单位|方))$/u;
/** A kind of company, no name (`总包单位`, `劳务公司`, `国企`). */
const KIND_OF_UNIT = /^(?:总包|总承包|总包(?:单位|方|公司)|总承包(?:单位|方|公司)|分包(?:单位|方|公司)?|劳务分包|施工(?:单位|方|公司)|劳务(?:公司|单位)?|建筑公司|建设公司|工程公司|大公司|国企|央企|公司|上市公司)$/u;

/** Words of what happened (`老板说年底结 现在人都找不到了`), said where a name was asked. */
const ACCOUNT_WORDS = /说|找不到|联系不上|跑了|不接|拉黑|答应|拖着|不给|没给|欠|结账|结算|年底|过年/u;

/** Said of everyone owed, not of the person: `大家一共`, `我们加起来`. */
const SAID_FOR_ALL = /大家|大伙|我们|咱们|俺们|一共|总共|加起来|合起来|加一起|加在一起|所有人|全部人|全班|整个班/u;

/** A roster typed where another answer was asked: two or more people, or one with a name and a phone or an amount. */
function typedRoster(t: string): WageRoster['entries'] | null {
  if (!/[\p{Script=Han}]{2}[\s:：]*[0-9零一二两三四五六七八九十]/u.test(t)) return null;
  const p = parseRoster(t);
  if (!p.ok) return null;
  const full = p.value.filter((e) => e.amount !== null || e.phone !== null);
  // `加起来 差不多 三十来万吧`: words said with pauses before a figure are no list of people unless each is a name
  // (a known surname's, or how someone is called: 老李, 小王, 阿明).
  if (!p.value.every((e) => knownSurname(e.name) !== null || /^(?:老|小|阿)[\p{Script=Han}]$/u.test(e.name))) return null;
  return p.value.length >= 2 && full.length >= 1 ? p.value : null;
}

const sameAmount = (x: Amount, y: Amount) => x.yuan === y.yuan && x.approx === y.approx && x.upTo === y.upTo;

/** A result with words said before its confirmation (none on a refusal). */
function withAck<V>(r: Result<V, WageAnswers>, ack: string): Result<V, WageAnswers> {
  return r.ok ? { ...r, ack } : r;
}

/** A building said alone (`就2号楼那边`, `3栋`, `B座那里`): a part of a site, never the unit's name (group 1: the building). */
const BUILDING_SAID = /^(?:就|就是|在|就在|是)?(?:那个|这个)?((?:[0-9]{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})(?:号楼|栋楼?|幢楼?|座楼?|单元|楼))(?:那边|那里|那块|这边|这里|附近|那儿|这儿)?(?:的)?(?:工地)?[。.!！]*$/u;

/**
 * A sum typed with a handwriting pad's look-alike (`三干块` for 三千块: parsers/amount.ts amountShapeSlip): the words
 * as typed are read first; only where they give no sum is the slip read, and then said back to be confirmed
 * (「我理解的是：拖欠金额「3,000元」。对吗？」), never taken as said.
 */
function withShapeSlip<V>(typed: string, read: (t: string) => Result<V, WageAnswers>): Result<V, WageAnswers> {
  const r = read(typed);
  if (r.ok) return r;
  const meant = amountShapeSlip(typed);
  if (meant === null) return r;
  const m = read(meant);
  if (!m.ok || m.stay || m.exit || m.value === undefined) return r;
  return { ...m, confirm: true };
}

/** A message's facts, with a sum typed with a handwriting pad's look-alike (`三干块`) read as meant where none is read as typed. */
function slipAmountFact(typed: string, a: WageAnswers, read: (t: string) => WageAnswers): WageAnswers {
  const out = read(typed);
  if (out.amount || out.groupAmount || 'amount' in a) return out;
  const meant = amountShapeSlip(typed);
  const slip = meant === null ? null : read(meant).amount;
  return slip ? { ...out, amount: slip } : out;
}

/** A value that passed its consistency check, or the check's objection; a check's question is asked as "对吗？". */
function checked<V>(value: V, c: Check, confirm = false, shownWith?: Partial<WageAnswers>): Result<V, WageAnswers> {
  if (c?.kind === 'refuse') return { ok: false, error: c.error, conflict: true };
  // The two answers that do not quite fit are confirmed together.
  return c?.kind === 'confirm' ? { ok: true, value, confirm: true, ack: c.ack, set: shownWith } : { ok: true, value, confirm };
}

/** When the work started, without the words around it: `从去年3月开始干的`, `前年春节后进的场`. */
function workStartText(t: string): string {
  return t
    .replace(/^(?:是|就是|从|自从|大概|差不多|好像是?|应该是?)+/u, '')
    .replace(/(?:的时候|那会儿?|左右|吧|啊|的)+$/u, '')
    // `25年过完年来的` (its 的 gone above), `过完就来了`: came then; the time alone.
    .replace(/(?:就|才)?(?:开始(?:干|做|上班|干活)?|进的?场|进的?厂|进去|进来|来的|(?<!以|后|回|起|出|下|上)来了?|开的?工|上的?工|入的?职|干起)(?:的)?$/u, '')
    // `2024年的4月份`: the year's month.
    .replace(/(?<=年)的(?=[0-9一二三四五六七八九十])/u, '');
}

function rosterSize(r: WageRoster | null | undefined): number {
  return r ? r.entries.length + r.files.length : 0;
}

/** `3人（张三 8,000元、李四 9,500元、王五）；照片或表格1份`: phones are not repeated. */
function showRoster(r: WageRoster): string {
  const people = r.entries.map((e) => `${e.name}${e.amount ? ` ${showAmount(e.amount)}` : ''}`);
  const parts: string[] = [];
  if (people.length > 0) parts.push(`${people.length}人（${people.slice(0, 5).join('、')}${people.length > 5 ? '等' : ''}）`);
  if (r.files.length > 0) parts.push(`照片或表格${r.files.length}份`);
  return parts.join('；') || '暂无';
}

/** A yes, then more names: `是的 还有王强`, `对，王强也是`. */
const YES_THEN_MORE = /^([^，,。.!！~～\s]{1,4})[，,。.!！~～\s]*(?:还有|另外还有|另外|以及|和|跟)?[，,:：\s]*([\p{Script=Han}].*)$/u;
const ROSTER_DONE = /^(?:完成|好了|发完了|没了|就这些|就这么多|结束|完了|发完|ok|没有了|就这几个)$/iu;
/** `没有别人 就我`, `就我自己`, `没别的工友了`: no one else owed. */
const ONLY_ME = /^(?:没有?(?:别人|其他人|其他工友|别的工友|别的人|其他的人)了?(?:(?:就|只有)?(?:我|俺)(?:一个人?|自己|本人)?)?|(?:就|只有)(?:我|俺)(?:一个人?|自己|本人)?)(?:了|啊|呀|的)*$/u;
const ROSTER_NONE = /^(?:没有|无|没|没得|莫得|没有名单|没名单|不知道|不清楚|跳过|算了)$/u;
/** No list at hand: `名单在班长那里 我没有`, `我手上没有`, `名单不在我这`. */
const ROSTER_ELSEWHERE = /(?:名单|单子|花名册|表)?(?:在|放在)[\p{Script=Han}]{1,8}(?:那里|那儿|那边|手上|手里|那)|(?:我|俺)(?:手上|手里|这里|这儿)?(?:没有|没得|莫得)|不在(?:我|俺)(?:这|手上|手里)|没有名单|没名单/u;
/** The list will come later: `有 等会拍照发你`, `回头发你`. */
const ROSTER_LATER = /(?:等会|等会儿|等一会儿?|等下|等一下|晚点|晚些|回头|明天|过两天|下次|一会儿?|稍后|之后|以后)[^，,。]{0,6}(?:发|传|拍|给)/u;

/**
 * A group's roster, over as many messages as it takes: lines typed (name,
 * amount, phone), photos or spreadsheets of it. Names typed again replace
 * their line. Nothing that contradicts the headcount or the group's total
 * is kept; `完成` (or a list as long as the headcount) moves on.
 */
function rosterInput(input: Incoming, a: WageAnswers): Result<WageRoster | null, WageAnswers> {
  const have: WageRoster = a.roster ?? { entries: [], files: [] };
  if (input.kind === 'file-rejected') return { ok: false, error: input.reason };
  if (input.kind === 'file') {
    if (have.files.length >= MAX_ROSTER_FILES) return { ok: false, error: `名单最多发${MAX_ROSTER_FILES}份，已经够了。请回复「完成」继续。` };
    const files = [...have.files, input.file];
    return { ok: true, value: { ...have, files }, stay: true, ack: `收到名单「${input.file.name}」。还有可以接着发，发完请回复「完成」。` };
  }
  const t = input.text.trim();
  const { maybe, maybeAgain, ...sure } = have;
  const kept = rosterSize(sure) > 0 ? sure : null;
  const said = compact(t).replace(/[吧啊呀哦嘛呢啦～~。.!！]+$/u, '');
  if (maybe !== undefined) {
    // 「李建国是您的工友吗？」: a yes puts the name on the roster; a no leaves it off.
    const yes = yesNo(said);
    if (yes === true) return rosterAdded(sure, [{ name: maybe, amount: null, phone: null }], a);
    if (yes === false) {
      return { ok: true, stay: true, value: sure, ack: `好的，${maybe}不记到名单上。有被拖欠工友的名单就发过来，没有就回复「没有」。` };
    }
    // `是的 还有王强`, `对 王强也是`, `是，还有王强 8000`: the name asked about, and the others with it.
    const yesAnd = YES_THEN_MORE.exec(t.trim());
    if (yesAnd && yesNo(yesAnd[1]!) === true) {
      // `是的 就这些`: the name, and done.
      if (ROSTER_DONE.test(compact(yesAnd[2]!).replace(/[吧啊呀哦嘛呢啦了]+$/u, ''))) {
        const entries = [...sure.entries.filter((e) => e.name !== maybe), { name: maybe, amount: null, phone: null }];
        const c = checkRoster(entries, a);
        if (c?.kind === 'refuse') return { ok: false, error: c.error, conflict: true };
        return { ok: true, value: { ...sure, entries }, ack: `记下了${maybe}，名单上一共${entries.length}人。` };
      }
      const more = parseRoster(yesAnd[2]!.replace(/(?:也是|也是的|也被欠了|也一样|也算|也有)[吧啊呀的]*$/u, ''));
      const asked = { name: maybe, amount: null, phone: null };
      if (more.ok) return rosterAdded(sure, [asked, ...more.value.filter((e) => e.name !== maybe)], a);
      // What follows the yes does not read: the yes holds, what did not read is said.
      return rosterAdded(sure, [asked], a, `后面的「${yesAnd[2]!.slice(0, 12)}」没看明白，${more.error}`);
    }
    // `完成` before answering: the name is asked about once more, then left off (said so), never silently dropped.
    if (ROSTER_DONE.test(said)) {
      if (maybeAgain) return { ok: true, value: kept, ack: `好的，${maybe}没有记到名单上。` };
      return { ok: true, stay: true, value: { ...sure, maybe, maybeAgain: true }, ack: `还没确认：${maybe}是和您一起被拖欠工资的工友吗？是的话回复「是」，我记到名单上；不是的话回复「不是」。` };
    }
  }
  if (ROSTER_DONE.test(said) || ROSTER_NONE.test(said)) return { ok: true, value: kept };
  if (skipsRest(t)) return { ...skipRest('roster', a), value: kept };
  if (WHY_ASKED.test(said)) return { ok: false, error: `${SUPPLEMENT_HELP.roster.why}\n${SUPPLEMENT_HELP.roster.again}` };
  // `没有别人 就我`: no one else owed, so no list (「没有别人」 was read as a roster line, and asked again and again). Where
  // several were said to be owed, the count is offered as the person now says it (1), to confirm; never changed unasked.
  if (ONLY_ME.test(said.replace(/[,，、]+/gu, ''))) {
    const many = a.headcount && (a.headcount.count > 1 || a.headcount.approximate);
    return many ? { ok: true, value: kept, set: { headcount: { count: 1, approximate: false } }, confirm: true } : { ok: true, value: kept };
  }
  // Photographed later: on with the questions; the photos can come with the evidence, or after submitting.
  if (ROSTER_LATER.test(said)) return { ok: true, value: kept, ack: '好的。名单拍好了直接发给我就行，后面发证据材料时一起发，或者提交以后再发都可以，会补充到案件里。' };
  if (ROSTER_ELSEWHERE.test(said) && !/[0-9]/u.test(said)) return { ok: true, value: kept, ack: '好的，没有名单也没关系，工作人员核实时会再问。' };
  // `不对`, `不是` (no name asked about): a no, or a line said to be wrong, never a name (「不对」 was asked about as a
  // co-worker, or put on the list after other names); how to put a line right said, or the question again.
  if (yesNo(said) === false) {
    return kept
      ? { ok: false, error: '哪一行不对？钱数或电话写错了，再发一遍这个人的名字和对的钱数就行，会替换原来那一行。还有可以接着发，发完请回复「完成」。' }
      : { ok: false, error: '有被拖欠工友的名单就发过来，没有就回复「没有」。要改前面填的内容，可以回复「返回」回到上一题。' };
  }
  const p = parseRoster(t);
  if (!p.ok) return { ok: false, error: p.error };
  // A name alone, first (`李建国`): maybe a coworker, maybe the person's own name answering an earlier question
  // late. Asked, never kept unsaid.
  const one = p.value.length === 1 ? p.value[0]! : null;
  const alone = one && !one.amount && !one.phone && said === one.name ? one.name : null;
  if (alone !== null && alone === maybe) return { ok: false, error: `${alone}是和您一起被拖欠工资的工友吗？请回复「是」或「不是」。` };
  if (one && alone !== null && rosterSize(sure) === 0 && maybe === undefined) {
    return {
      ok: true,
      stay: true,
      value: { ...sure, maybe: one.name },
      ack: `${one.name}是和您一起被拖欠工资的工友吗？是的话回复「是」，我记到名单上；不是的话回复「不是」。`,
    };
  }
  // A name asked about and not answered, then the roster: the roster taken, the name left off, said so (one
  // message puts it on).
  const left = maybe !== undefined && !p.value.some((e) => e.name === maybe) ? `${maybe}没有记上，是您工友的话，再发一次「${maybe}」就行。` : '';
  return rosterAdded(sure, p.value, a, left);
}

/** People typed for the roster added to it (names typed again replace their line), said back; checked against the rest. */
function rosterAdded(have: WageRoster, added: WageRoster['entries'], a: WageAnswers, note = ''): Result<WageRoster | null, WageAnswers> {
  const entries = [...have.entries.filter((e) => !added.some((n) => n.name === e.name)), ...added];
  const c = checkRoster(entries, a);
  if (c?.kind === 'refuse') return { ok: false, error: c.error, conflict: true };
  const value = { ...have, entries };
  const h = a.headcount;
  // What was read is said back with the amounts (`张三一万二` read as 张三 12,000元), so a misreading shows.
  const noted = `记下了${added.map((e) => `${e.name}${e.amount ? ` ${showAmount(e.amount)}` : ''}`).join('、')}，名单上现在一共${entries.length}人。${note}`;
  // Everyone owed is listed: on to the next question.
  if (h && !h.approximate && entries.length === h.count) return { ok: true, value, ack: `${noted}和被拖欠的人数一样，名单齐了。` };
  return { ok: true, value, stay: true, ack: `${noted}还有可以接着发，发完请回复「完成」。` };
}

const NOTHING_TO_SAY = /^(?:不想说|不说了|没什么(?:好|要)?说的?|没啥(?:好|要)?说的?|没有|没了|不用了?|算了|就这些|没什么|不知道|不清楚|说不清|说不清楚|说不上来|不知道(?:怎么|咋)说)(?:了|吧|啊)?$/u;

/** What happened in the person's words, numbers masked; nothing to say is `null`. */
function accountAnswer(t: string): Result<string | null, WageAnswers> {
  const s = t.trim();
  if (NOTHING_TO_SAY.test(compact(s))) return { ok: true, value: null };
  // A phone number and nothing else (`13800138000`, `我电话138…`): no account of what happened (it was kept as
  // 「138****8000」 and the form went on); the phone has its own question.
  const besides = compact(s).replace(/[+\d\-－—()（）]/gu, '').replace(/^(?:我|俺)?的?(?:电话|手机|手机号码?|号码|联系电话|联系方式)?(?:是|号码)?[:：]?/u, '');
  if (besides === '' && mobileSpans(spokenDigits(s)).length > 0) return { ok: false, error: PHONE_AT_ACCOUNT };
  if (compact(s).length < 4 || smallTalkOf(s)) {
    return { ok: false, error: '请用一两句话说说事情经过，例如「老板说年底一起结，到现在也没给」；不想说就回复「跳过」。' };
  }
  const chars = [...maskNumbers(s)];
  if (chars.length <= ACCOUNT_MAX) return { ok: true, value: chars.join('') };
  // A long dictated story: what is kept is said (never refused, never cut without a word).
  return { ok: true, value: chars.slice(0, ACCOUNT_MAX).join(''), ack: `您说得很详细。事情经过先记下前${ACCOUNT_MAX}个字，其余的工作人员联系您时可以再细说。` };
}

const PHONE_AT_ACCOUNT = '这是手机号吧？手机号最后会专门问您。这里请用一两句话说说事情经过，例如「老板说年底一起结，到现在也没给」；不想说就回复「跳过」。';

/** Words that make a name a unit's (a company, a factory, a site): never a person's name. */
const UNIT_NAMED = /公司|厂|集团|工程|建筑|装饰|装修队|物业|酒店|超市|饭店|饭馆|餐馆|工地|项目部|工作室|有限|劳务/u;

/** Nothing owed, as an answer to how much: `0`, `0元`, `零`, `没欠`, `一分都没欠`. */
const ZERO_OWED = /^(?:[0０]+|零)(?:元|块钱?)?$|^(?:他|老板)?(?:一分(?:钱)?(?:都|也)?)?(?:没|没有|不)欠(?:我|了|啊)*$/u;

/** The longest account of what happened kept (characters); the rest is said to the staff on the phone. */
export const ACCOUNT_MAX = 500;

/** At the evidence step: the files sent are all (also after none: the value is the same). */
const EVIDENCE_DONE = /^(?:完成|完成了|好了|发完|发完了|都发了|发好了|没了|没有了|就这些|就这些了|结束|完了|就这么多|ok)$/i;
/** No files, or none now: 没有, 跳过, 先提交 (whatever else the message says, submitting first is asked for). */
const EVIDENCE_NONE =
  /^(?:没有|无|没|没得|莫得|跳过|没有证据|没证据|啥也没有|什么都没有|啥都没有|先不发了?|不发了|不用了|不用发了)$|先提交|直接提交|^(?:我|俺)?(?:也)?没(?:有)?(?:什么|啥|别的|其他的?)(?:要|可|可以|需要|好)?(?:补充|发|交|给|补)的?(?:了|啦|啊|呀)*$/u;
/** The files will come later: 等会再发, 晚点拍了发给你, 明天找到再发. */
const EVIDENCE_LATER = /(?:等会|等会儿|等一会儿?|等下|等一下|晚点|晚些|回头|明天|过两天|下次|一会儿?|稍后)[^，,。]{0,6}(?:发|传|拍|找|补)/u;
/** `怎么发`, `咋发`, `发不了`: how to send a photo or a file in WeChat. */
const HOW_TO_SEND = /(?:怎么|咋|如何|怎样|咋样)(?:个)?(?:发|传|弄|上传)|(?:不会|不知道怎么|不晓得怎么)(?:发|传|弄)/u;
const EVIDENCE_HOW =
  '在微信里这样发：点输入框旁边的「+」，选「相册」发照片或截图，选「文件」发手机里的文件。聊天记录可以先截图，再从相册发。发完回复「完成」；现在发不了就回复「没有」，以后再发也行。';
/** Kinds of evidence, as workers name them. */
const EVIDENCE_KINDS = /欠条|借条|工资条|考勤|打卡|记工|工时|合同|协议|聊天记录|微信记录|转账|收据|录音|录像|视频|照片|截图|工牌|工资表|结算单|对账单|证人|证据|单子|条子|本子|记录/u;

/** Whether a kind of evidence counts, asked (`截图行不行`, `录音算不算证据`, `手写的记工本可以吗`): group 1, the kind. */
const KIND_COUNTS_ASKED =
  /^(?:那|那我|我|俺)?(?:的|手机里的|手写的|自己记的|拍的)?(欠条|借条|工资条|工资单|工资表|考勤记录|考勤表?|打卡记录|记工本|本子|聊天记录|微信记录|聊天截图|转账记录|银行流水|劳动合同|合同|结算单|对账单|录音|录像|视频|照片|相片|截图|截屏|工牌)(?:也|都)?(?:行不行|可不可以|算不算|能不能用|有没有用|管不管用|行吗|可以吗|算吗|能用吗|有用吗|管用吗|算证据吗|能当证据吗|算不算证据|能不能当证据)(?:啊|呀|呢)?$/u;
function kindCountsAsked(t: string): string | null {
  const m = KIND_COUNTS_ASKED.exec(compact(t).replace(/[？?。！!～~]+$/u, ''));
  if (!m) return null;
  const kind = m[1] === '本子' ? '记工的本子' : m[1]!;
  return `可以，${kind}也能当证据，能证明您干过活、被欠了多少钱的，都有用。直接发给我：点输入框旁边的「+」，选「相册」或「文件」发送，发完回复「完成」。`;
}

/** A kind of evidence named alone at its question (`照片`, `截图`, `我拍了照片`, `录音了`): group 1, the kind. */
const KIND_NAMED_ALONE =
  /^(?:我|俺)?(?:手机里|手机上|手上)?(?:拍了|拍过|录了|录过|截了|截过|存了|存着|留了|留着|保存了)?(?:一些|一张|几张|一段|几段|一个|张|段|份|些)?(欠条|借条|工资条|工资单|工资表|考勤记录|考勤表?|打卡记录|记工本|聊天记录|微信记录|聊天截图|转账记录|银行流水|劳动合同|合同|结算单|对账单|录音|录像|视频|照片|相片|截图|截屏|工牌)(?:的|了|啊|呢)*$/u;

/**
 * Evidence said to exist but not sent: `有欠条`, `有 但在老乡手机里`, `有考勤表 不过在厂里`. The person's
 * words (numbers masked), or null when they say nothing of the kind (`有`, `没有`).
 */
function evidenceHeld(t: string): string | null {
  const s = compact(t);
  if (/^(?:没有|没|无)/u.test(s) || (/不在了|丢了|删了|没了/u.test(s) && !EVIDENCE_KINDS.test(s))) return null;
  // `有…`, and `工作群里有聊天记录`, `手机里都有`: held where it is.
  const has = /^(?:有|有的|我有|俺有|都有|有是有)/u.test(s) || /(?:群里|群里面|手机里|手机上|微信里|微信上)(?:都|也|还)?有/u.test(s);
  const elsewhere = /在[\p{Script=Han}]{1,8}(?:手机|手上|手里|那里|那儿|家里|厂里|工地|宿舍|老家|那)|不在(?:身边|手上|手里|我这)|发不了|拍不了|没带/u.test(s);
  // `就记了个本子`, `我自己记了账`: their own record of the days, kept (a notebook of work is evidence too).
  const kept = /(?:^|就|我|俺|自己|都|也)记(?:了|着|过|的有)(?:个|一个|一本|本)?(?:小)?(?:本子|账本?|工|笔记)/u.test(s);
  if (!kept && !(has && (EVIDENCE_KINDS.test(s) || elsewhere)) && !(EVIDENCE_KINDS.test(s) && elsewhere)) return null;
  return [...maskNumbers(t.trim())].slice(0, 100).join('');
}

/** A work group chat (`工作群`, `微信群`, `群里`): where a boss's words may be kept. */
const WORK_GROUP = /(?:工作|微信|班组|工友|项目|工地|厂里|公司)?群(?:里|里面|上|聊)|工作群|微信群|群聊/u;

/**
 * What was said in a work group chat, with no kind of evidence named (`工作群里老板说过会给钱`): chat records are
 * likely held, but only inferred; asked with a yes to take (never kept unasked). Null when the words deny it or
 * the group is gone (`群解散了`), or they name evidence plainly (evidenceHeld reads them).
 */
function groupChatSaid(t: string): { ok: false; error: string; options: { label: string; value: string; yes?: true }[] } | null {
  const s = compact(t);
  if (!WORK_GROUP.test(s) || EVIDENCE_KINDS.test(s) || /解散|踢|退群|退出|删|没了|不在了|没有|没说|没讲/u.test(s)) return null;
  return {
    ok: false,
    error: '工作群里的聊天记录可以当证据。您手机里还有这些聊天记录吗？方便的话截图发给我；现在发不了，回复「有」我先记下来。',
    options: [
      { label: '有聊天记录', value: `有工作群聊天记录：${[...maskNumbers(t.trim())].slice(0, 60).join('')}`, yes: true },
      { label: '没有', value: '没有' },
    ],
  };
}

/** Kinds of evidence named before their question, as said back there (`考勤` is 考勤记录, `微信记录` 聊天记录). */
const EVIDENCE_NAMED: [RegExp, string][] = [
  [/欠条/u, '欠条'],
  [/借条/u, '借条'],
  [/工资条|工资单/u, '工资条'],
  [/工资表/u, '工资表'],
  [/考勤/u, '考勤记录'],
  [/打卡记录|打卡截图/u, '打卡记录'],
  [/记工本|记工单|记工表/u, '记工本'],
  [/(?:微信)?聊天记录|微信记录/u, '聊天记录'],
  [/转账记录|银行流水|流水/u, '转账记录'],
  [/劳动合同|合同/u, '劳动合同'],
  [/结算单|对账单/u, '结算单'],
  [/录音/u, '录音'],
  [/截图|截屏/u, '截图'],
  [/照片|相片/u, '照片'],
  [/视频|录像/u, '视频'],
];
/** Any of EVIDENCE_NAMED's kinds named. */
const EVIDENCE_ANY_NAMED = new RegExp(EVIDENCE_NAMED.map(([re]) => `(?:${re.source})`).join('|'), 'u');
/** A clause that asks (`欠条怎么写`, `有欠条吗`, `有欠条有用吗`), supposes (`有欠条的话`) or denies (`没有欠条`, `欠条丢了`). */
const EVIDENCE_NOT_HELD =
  /怎么|怎样|咋|如何|什么|啥|吗|么|嘛|能不能|可不可以|算不算|有没有|有用|管用|行不行|要不要|需要|是不是|的话|如果|要是|万一|假如|没有|没|无|不在|丢|删|撕|烧|不见|找不到|不给|不肯|不愿|不写|不签|不打|拒绝|被.{0,4}(?:拿|收|抢)|在(?:老板|公司|厂里|单位|包工头|工头|项目部|财务)/u;
/** Held, in words: `有欠条`, `我有一张欠条`, `欠条我有`, `欠条在我手上`, `手机里有聊天记录`. */
const EVIDENCE_HAS =
  /(?:^|我|俺|我们|俺们)(?:手上|手里|手机里|手机上|微信里|群里|这里|这边)?(?:都|也|还)?有(?:的)?(?:一?[张个份些])?(?:(?:老板|包工头|工头|公司|厂里|他|她)(?:写|打|签|开|发|给我)?的)?(?:微信)?(?:欠条|借条|工资条|工资单|工资表|考勤|记工|聊天记录|微信记录|转账记录|流水|合同|结算单|对账单|录音|(?:聊天)?截图|截屏|照片|相片|视频|录像)|(?:欠条|借条|工资条|工资单|工资表|考勤表?|考勤记录|打卡记录|聊天记录|微信记录|转账记录|合同|结算单|录音|截图|照片|视频|录像)(?:我|俺)?(?:都|也|还)?(?:有|留着|保存着|存着|还在|在我手上|在手上|在我这|在手机里)(?:的|呢|啊|呀|哦|了|着)*$/u;
/** Where a statement that evidence is held starts, run on after another (`…没给钱我有欠条`, `…我手上有工资条`). */
const EVIDENCE_RUN_ON = /(?:我|俺)(?:手上|手里|手机里)?(?:都|也|还)?有/u;
/** Words before such a statement that make it no statement of the person's own (a supposition, a question, reported words). */
const RUN_ON_HEAD_NOT = /如果|要是|万一|假如|假设|的话|吗|么|嘛|怎么|什么|啥|是不是|不知道|问|除了|(?:说|以为|觉得|认为|怕|担心|知道|承认|听说|骗|想|是|不管|就算|即使|哪怕|因为|只要)$/u;
/** Before a statement that evidence is held: what makes it a belief or someone's words (`以为`, `他说`), not a fact. */
const HELD_HEAD_NOT = /以为|觉得|认为|听说|说|骗|想|怕|担心|假装|装作|谎称|误会|不知道/u;
/** An IOU written for them, said (`老板给我打了欠条`): who holds it is only inferred. */
const IOU_WRITTEN = /(?:打|写|签|开|立)(?:了|过)(?:一?[张个份])?(?:欠条|借条)|(?:欠条|借条)(?:也|都)?(?:打|写|签|开|立)(?:了|过)/u;

/**
 * Evidence said before its question (`老板欠我6000 我有欠条`, `有工资条和考勤`, `有欠条` at a 「…对吗？」): each clause
 * that says it is held (or, inferred, that an IOU was written for them), never one that asks, supposes or denies.
 */
export function evidenceSaidEarly(text: string): { kinds: string[]; words: string; inferred: boolean } | null {
  // A clause counts only with a kind of evidence named in it (EVIDENCE_NAMED); each clause's words, run together, are
  // words of the whole message run together (compact drops the same marks): none named there, none in any clause.
  if (!EVIDENCE_ANY_NAMED.test(compact(text))) return null;
  const kinds: string[] = [];
  const words: string[] = [];
  let inferred = false;
  for (const m of text.matchAll(/[^，,。.;；!！?？\s]+[?？]?/gu)) {
    let clause = compact(m[0]);
    let said = m[0].trim();
    // `老板三个月没给钱我有欠条`: a statement of its own run on with no mark, from where 我有 / 我手上有 starts it; only the
    // words before neither suppose, ask nor report someone's words or thoughts (`要是我有欠条`, `老板以为我有欠条`).
    const runOn = /[?？]$/u.test(clause) ? null : EVIDENCE_RUN_ON.exec(clause);
    if (runOn && runOn.index > 0 && EVIDENCE_NOT_HELD.test(clause) && !RUN_ON_HEAD_NOT.test(clause.slice(0, runOn.index))) {
      clause = clause.slice(runOn.index);
      said = clause;
    }
    if (/[?？]$/u.test(clause) || EVIDENCE_NOT_HELD.test(clause)) continue;
    const plain = EVIDENCE_HAS.exec(clause);
    const written = !plain && IOU_WRITTEN.test(clause);
    if (!plain && !written) continue;
    // `老板以为我有欠条`, `我以为我有欠条`, `他骗我说我有欠条`: someone's belief or words, never evidence the person holds.
    if (plain && HELD_HEAD_NOT.test(clause.slice(0, plain.index))) continue;
    const named = EVIDENCE_NAMED.filter(([re]) => re.test(clause)).map(([, k]) => k);
    if (named.length === 0) continue;
    for (const k of named) if (!kinds.includes(k)) kinds.push(k);
    words.push(said);
    if (written) inferred = true;
  }
  if (kinds.length === 0) return null;
  return { kinds, words: [...maskNumbers(words.join('，'))].slice(0, 100).join(''), inferred };
}

/** Evidence said before its question, added to what was said before (an inference stays one); null when nothing new. */
function evidenceSaidMore(text: string, a: WageAnswers): WageAnswers['evidenceSaid'] | null {
  // At the evidence question (asked once the account is, after whether they still work there) its own answer reads them.
  if ('evidence' in a || a.evidenceHeld || ('account' in a && 'stillEmployed' in a)) return null;
  const said = evidenceSaidEarly(text);
  if (!said) return null;
  const before = a.evidenceSaid;
  if (!before) return said;
  const kinds = said.kinds.filter((k) => !before.kinds.includes(k));
  if (kinds.length === 0) return null;
  return { kinds: [...before.kinds, ...kinds], words: [...`${before.words}；${said.words}`].slice(0, 100).join(''), inferred: before.inferred || said.inferred };
}

/** A yes to the evidence said before (`有`, `对`, `在`, `先记下`). */
const EVIDENCE_YES = /^(?:有|有的|对|对的|是|是的|在|在的|在我手上|在手上|还在|都在|先记下|记下|记下来|先记下来|好|好的|嗯)$/u;
/** None now, said plainly: what was said before is no longer held (`没有`, `没了`, `丢了`). */
const EVIDENCE_GONE = /^(?:没有|无|没|没得|莫得|没有证据|没证据|啥也没有|什么都没有|啥都没有|没有了|没了|丢了|删了|找不到了)$/u;

/** The evidence question when evidence was said before it: what was said, and how to keep it without a photo. */
function evidenceSaidAsk(said: NonNullable<WageAnswers['evidenceSaid']>, a: WageAnswers): string {
  const what = said.kinds.join('、');
  const whose = a.onBehalf ? them(a) : '您';
  if (said.inferred) {
    return `您之前说过「${[...said.words].slice(0, 30).join('')}」。${what}在${whose}手上吗？在的话可以直接发照片，发完回复「完成」；现在发不了就回复「有」，我先记下来；没有就回复「没有」。`;
  }
  return `您之前说过有${what}。可以直接发照片或文件，发完回复「完成」；现在发不了也回复「完成」，我会记下${whose}手上有${what}；已经没有了就回复「没有」。`;
}

const EVIDENCE_LATER_REPLY = '好的，不着急。材料准备好了直接发给我，发完回复「完成」。也可以先回复「没有」提交，以后找到了再发给我，会补充到您的案件里。';

export const wageFlow = defineFlow({
  id: 'wage',
  version: 3,
  title: '反映欠薪',
  schema: WageAnswers,
  reviewIntro: (a) => (household(a) ? '请核对您要反映的欠薪情况（个人或家庭雇用）：' : '请核对您要反映的欠薪情况：'),
  // `对` to 「代为反映「替弟弟反映」。对吗？」: the reminder a picked 2 gets (BEHALF_NOTE), once the yes keeps it.
  confirmedSay: (values, a) => (values.onBehalf ? (a.consent === true ? behalfNoteLater(a) : BEHALF_NOTE) : null),
  fields: (f) => [
    withLabel(f.text('onBehalf', {
      label: '代为反映',
      // Asked (before the consent, which differs) only when the opening message said or suggested someone else's wages.
      when: (a) => a.onBehalf !== undefined || a.behalfSaid !== undefined,
      gate: true,
      ask: (a) => `被欠工资的是您本人，还是您替${a.behalfSaid?.relation ? relationTitle(a.behalfSaid.relation) : '家人或老乡'}反映？`,
      options: (a) => [
        { label: '我本人', value: 'self' },
        { label: a.behalfSaid?.relation ? `替${relationTitle(a.behalfSaid.relation)}反映` : '替别人反映', value: 'other' },
      ],
      notText: '请回复1（我本人）或2（替别人反映）。',
      names: /代为反映|替别人|替谁/,
      parse: (t, a) => {
        const said = compact(t);
        // After the consent (`不对 是我自己的` to 「代为反映…对吗？」): never proposed again.
        if (said === 'self' || /^(?:是)?(?:我|俺)?(?:本人|自己|我|俺)(?:的)?(?:工资)?(?:被欠)?$/u.test(said)) return { ok: true, value: false, ...(a.consent === true ? { set: { behalfDenied: true as const } } : {}) };
        // `帮我妈报的 她在厂里被欠了 她不会弄手机`: whose, said first, then about them (never when the rest says it is the
        // person's own: `…其实是我自己的`).
        const first = t.trim().split(/[\s,，。!！]+/u)[0] ?? '';
        const relation = relationOf(said) ?? (first !== t.trim() && !/自己|本人|我的(?:工资|钱)/u.test(said) ? relationOf(first) : null);
        // `他的`, `是他的工资` where the opening named whose (`我爸…欠他工资`): that one's.
        const his = a.behalfSaid !== undefined && /^(?:是)?(?:他|她|他们|她们)(?:的)?(?:工资)?(?:被欠)?(?:啊|呀|哦)?$/u.test(said);
        // `我是他老婆`, `我是她女儿`: the person says who they are to the one owed, so the wages are that one's.
        const kin = SELF_AS_KIN.exec(said);
        // `我帮他问问`, `我是替他问的`: asking for someone else is saying whose wages they are.
        if (said === 'other' || relation !== null || his || kin || /^(?:我|俺)?(?:是|就是)?(?:替|帮|代)(?:别人|他|她|家人|亲戚)/u.test(said)) {
          const value = { relation: relation ?? a.behalfSaid?.relation ?? (kin ? kinOf(kin[1]!, kin[2]!) : null) };
          // Chosen after the consent (asked again, `setAside`): the consent said nothing of someone else, so this does.
          return { ok: true, value, ack: a.consent === true ? behalfNoteLater({ ...a, onBehalf: value }) : BEHALF_NOTE };
        }
        const whom = a.behalfSaid?.relation ? relationTitle(a.behalfSaid.relation) : '家人或老乡';
        // `对`, `同意` (a yes to a question that asks which one, often meant for the consent): the choice, said plainly.
        // A bare `对`/`是` where the opening named whose wages (`我爸的老板欠他工资`): a yes to the one the question
        // proposes (替父亲反映), asked back as a yes/no before it counts; never refused again and again.
        if (a.behalfSaid?.relation && /^(?:对|对的|是|是的|嗯|嗯嗯|是啊|对啊|是呀|对呀)[。.!！]*$/u.test(said)) {
          return { ok: true, value: { relation: a.behalfSaid.relation }, confirm: true };
        }
        if (/^(?:对|对的|是|是的|同意|好|好的|嗯|嗯嗯|可以|行|ok)[。.!！]*$/iu.test(said)) {
          return { ok: false, error: `这里要选一个：是您自己的工资被欠，回复1；是${whom}的工资被欠、您替${whom === '家人或老乡' ? '他们' : whom}反映，回复2。` };
        }
        return { ok: false, error: '请回复1（被欠工资的是我本人）或2（我替家人或老乡反映）。' };
      },
      // `不对` to 「代为反映「替父亲反映」。对吗？」 said after the consent: the report stays the person's own, never asked again.
      denied: () => ({ behalfDenied: true }),
      // Gone past twice without a yes (`宏达建筑`, then `白沙镇`): whose wages they are, asked as this choice, never the
      // report left the person's own unasked.
      setAside: (v) => (v ? { behalfSaid: { relation: v.relation } } : {}),
      show: (v, a) => (v ? behalfText({ relation: v.relation, workerName: a.workerName ?? v.name ?? null }) : '我本人'),
      help: '替家人、老乡反映也可以。我们要知道被欠工资的是谁，工作人员才不会联系错人。',
    }), (a) => (a.onBehalf ? '代为反映' : '被欠工资的人')),
    f.text('behalfWho', {
      // Asked once when the person reports for someone without saying whom (`我替别人问一下`); a skip is fine.
      when: (a) => Boolean(a.onBehalf && (a.onBehalf.relation === null || a.behalfWho !== undefined)),
      gate: true,
      optional: true,
      ask: (a) => `${laterNote(a)}您是替谁反映？比如父亲、老乡、朋友。不想说可以回复「跳过」。`,
      notText: BEHALF_WHO_AGAIN,
      parse: (t, a) => {
        const relation = relationAnswer(t);
        if (relation && a.onBehalf) return { ok: true, value: relation, set: { onBehalf: { ...a.onBehalf, relation } } };
        if (/^(?:不想说|不说|不方便说?|跳过|算了|保密|不用了?|不告诉你)(?:了|吧|啊)*$/u.test(compact(t))) return { ok: true, value: null };
        // Asked once more; a second unclear answer leaves it unsaid (never asked a third time).
        if (a.behalfWho === '') return { ok: true, value: null, ack: '好的，这一项先不填。' };
        return { ok: true, stay: true, value: '', ack: BEHALF_WHO_AGAIN };
      },
      show: (v) => v ?? '未说',
      help: '告诉我们您替谁反映（比如父亲、老乡、朋友），工作人员联系时心里有数。不想说也可以回复「跳过」。',
    }),
    f.consent('consent', {
      ask: (a, ctx) =>
        awayNote(a, ctx) +
        (a.onBehalf
          ? '反映欠薪前，需要您同意我们收集您和被欠工资的人的一些信息：\n' +
            `· 用途：只用于处理${them(a)}这次的欠薪问题；\n` +
            '· 谁能看到：负责这个案件的工格员和工会工作人员，手机号只有负责人能看到完整号码；\n' +
            '· 保存多久：案件办结后保存3年，期间您可以随时回复「删除我的信息」。\n' +
            `· 替别人反映的，请先告诉本人您在替${them(a)}反映。\n` +
            '您同意吗？'
          : '反映欠薪前，需要您同意我们收集一些信息：\n' +
            '· 用途：只用于处理您这次的欠薪问题；\n' +
            '· 谁能看到：负责您案件的工格员和工会工作人员，手机号只有负责人能看到完整号码；\n' +
            '· 保存多久：案件办结后保存3年，期间您可以随时回复「删除我的信息」。\n' +
            '您同意吗？'),
      refusedExit: '好的，没有您的同意我们不会收集任何信息，也没有保存您的回答。需要时随时可以再来找我。',
      help: '我们需要您的同意才能记录您的信息并转给工作人员处理。不同意也没关系，我们不会保存任何内容。',
    }),
    f.text('workerName', {
      label: '被欠工资的人',
      // Said with who it is for later on (`是我爸的名字 王大军`), the name was confirmed with it.
      when: (a) => Boolean(a.onBehalf) && !(a.onBehalf && a.onBehalf.name),
      ask: (a) => `${a.behalfWho === undefined ? laterNote(a) : ''}被欠工资的人叫什么名字？`,
      notText: '请用文字告诉我被欠工资的人的姓名。',
      freeText: true,
      names: /被欠工资的人|本人(?:的)?(?:姓名|名字)/,
      parse: (t) => {
        // `张小明 我是他儿子`: the person's own name, said with who they are to the one owed; never kept as the one owed.
        const self = /^([\p{Script=Han}·]{2,5})[,，\s]+(?:我|俺)是(?:他|她)(?:的)?(?:儿子|女儿|闺女|老婆|媳妇|妻子|爱人|老公|丈夫|孩子|哥|哥哥|姐|姐姐|弟|弟弟|妹|妹妹|侄子|侄女|孙子|孙女|老乡|朋友|同事|工友)$/u.exec(t.trim());
        if (self) return { ok: false, conflict: true, error: `「${self[1]}」是您自己的名字吧？您的名字最后留联系人时再写。这里请写被欠工资的人的姓名，例如「王大军」。` };
        // `我爸叫张德贵`, `他叫张德贵`, `张德贵 我爸`: the name, without who they are to the person.
        const kin = '(?:我|俺)?(?:的)?(?:爸|爸爸|父亲|老爸|妈|妈妈|母亲|老妈|老公|丈夫|爱人|媳妇|老婆|妻子|儿子|女儿|闺女|哥|哥哥|姐|姐姐|弟|弟弟|妹|妹妹)';
        const named = new RegExp(`^(?:${kin}|他|她)(?:的名字|名字)?(?:叫|是)([\\p{Script=Han}·]{2,5})$|^([\\p{Script=Han}·]{2,5})[,，\\s]+(?:是)?${kin}$`, 'u').exec(t.trim());
        const r = nameAnswer(named ? (named[1] ?? named[2])! : t);
        if (!r.ok && /您的姓名|您自己/u.test(r.error)) {
          // `包工头姓周 叫周什么不晓得`: the boss, not the one owed; and never 「请输入您的姓名」 (the person's own name
          // would be kept as the one owed).
          const boss = /老板|包工头|工头|老总|东家|雇主|厂长|经理/u.test(t);
          return { ok: false, error: boss ? '老板、包工头的名字等一下会问。这里请写被欠工资的人的姓名，例如「王大军」。' : '请写被欠工资的人的姓名，例如「王大军」。' };
        }
        return r.ok && typeof r.value === 'string' && UNIT_NAMED.test(r.value) ? { ok: false, error: '这像是单位的名字。请写被欠工资的人的姓名，例如「王大军」。' } : r;
      },
      show: (v) => v,
      help: '工作人员核实时要用到被欠工资的人的姓名。',
    }),
    withLabel(f.text('employer', {
      label: '用人单位',
      ask: (a) =>
        household(a)
          ? `雇${owed(a)}干活的人怎么称呼？写雇主的姓名就行，例如「王秀英」「锦绣花园刘先生家」。`
          : a.labourContractor && !a.foremanDenied && !a.generalContractor && !a.subcontractor
            ? `包工头「${a.labourContractor}」是带${owed(a)}给哪家公司、哪个工地干活的？写名字就行；不知道就回复「不知道」。`
            : `欠${owed(a)}工资的单位叫什么名字？写公司名，或者包工头、老板的名字都可以。`,
      notText: '请用文字告诉我单位名称。',
      freeText: true,
      names: /用人单位|单位名称|单位|公司名?|老板(?:的名字)?|包工头|雇主/,
      // `电子厂` said again after 「是哪个电子厂呢？」, `不知道` twice: another way on, never the same words again.
      errorAgain: (error) => (error === EMPLOYER_NOT_KNOWN ? EMPLOYER_NOT_KNOWN_AGAIN : /^是哪个.{1,8}呢？/u.test(error) ? KIND_AGAIN : null),
      parse: (t, a, ctx) => {
        // `laoban jiao`, `老板叫`: the words before a boss's name, and no name after them (「laoban jiao」 was proposed as
        // the unit): the name asked for, how to write it said.
        if (!household(a) && BOSS_FRAME_ALONE.test(t.trim())) return { ok: false, error: BOSS_NAME_MISSING, conflict: true };
        // `laoban qian wo gongzi` (typed in pinyin): letters spelling our own words (老板欠我工资) are words, never a name
        // typed in pinyin (it was proposed as the unit 「laoban qian wo gongzi」).
        const spelt = typedInPinyin(t) ? fromPinyin(t) : null;
        if (spelt) return { ok: false, error: `您打的是拼音，我理解为「${spelt}」。这一题请写${household(a) ? '雇主的姓名' : '欠您工资的单位或老板的名字'}，用汉字最好；不会打字可以发语音。` };
        // `傻逼老板`, `他妈的黑心老板`: anger, no name (never kept as one); `他妈的 老板叫刘大壮`: the rest read as ever.
        const calm = withoutSwearing(t);
        if (calm !== t) {
          if (!/[\p{Script=Han}A-Za-z0-9]/u.test(calm.replace(NO_NAME_LEFT, ''))) {
            return { ok: false, error: `理解您的心情，被欠钱谁都窝火。${household(a) ? '雇您干活的人怎么称呼？写雇主的姓名就行。' : `欠${owed(a)}工资的单位或老板叫什么？写公司名，或者老板、包工头的名字都行；记不清全称，写个大概也行。`}` };
          }
          t = calm;
        }
        // `就是写欠条的这个人：今欠到…欠款人：李四 2026年10月5日`, an IOU pasted at this question: the one who wrote it (欠款人)
        // owes the wages, confirmed; never the figure or the date read as the name.
        const debtor = household(a) ? null : iouDebtor(t);
        if (debtor) return { ok: true, value: debtor, confirm: true };
        // `【高德地图】青溪宏达建筑工程有限公司 地址：… https://…`: a map card pasted here: the place's name, confirmed (never the
        // address or the link).
        const card = household(a) ? null : mapCard(t);
        const carded = card?.name ? parseEmployer(card.name, (name) => findTownship(ctx, name) !== null, false) : null;
        if (carded?.ok) return { ok: true, value: carded.value, confirm: true };
        // `跟着包工头干的`, `我老公是跟着包工头干的`, `一直跟着工头干活`: under a foreman not named (the words, or what was
        // left of them, 「一直跟着」, were kept as the employer, unasked): his name asked for, or the unit he works for.
        if (!household(a) && UNDER_UNNAMED_FOREMAN.test(compact(t))) return { ok: false, error: UNNAMED_FOREMAN_ASK };
        // `老板电话我有 136… 名字不知道`: only the boss's number, his name not known: the number is not kept (it was taken as
        // the person's own), and what else would do said.
        if (!household(a) && bossPhoneNameUnknown(t)) {
          return { ok: false, error: `${BOSS_PHONE_NOT_KEPT}不知道名字也没关系：写店名、厂名、工地名，或者老板姓什么都行；实在不知道，可以回复「人工」。` };
        }
        // `人工湖路 选错了`, `老板名字要改`: something said to be wrong or to be changed, no name (the words were kept or
        // proposed as the unit): how to change an earlier answer, or this one asked again.
        if (saysChangeWanted(t)) {
          return { ok: false, error: `要改前面填的内容，可以回复「返回」回到上一题。这一题请写欠${owed(a)}工资的${household(a) ? '雇主的姓名或称呼' : '单位名称，或者老板、包工头的名字'}。` };
        }
        // `东龙镇`, `新塘`: where they worked (a question of its own), not who employed them.
        const place = placeNamed(ctx, t);
        if (place) {
          const what = household(a) ? '雇主的姓名，例如「王秀英」「锦绣花园刘先生家」' : `欠${owed(a)}工资的单位或老板的名字，例如「青溪宏达建筑」「老板叫刘大壮」`;
          return { ok: false, error: `「${place}」是地名。这里请写${what}。` };
        }
        // `就2号楼那边`, `3栋`: a building of the site, where the work is, never the unit's name; the name asked for.
        const building = BUILDING_SAID.exec(compact(t));
        if (building && !household(a)) {
          return { ok: false, error: `「${building[1]}」是楼号。这里请写欠${owed(a)}工资的单位或老板的名字，例如「青溪宏达建筑」「老板叫刘大壮」；工地的名字也可以。` };
        }
        // `记不住名字`, `我不会打字`, `buzhidao`, `xxx`: no name; what the words say instead, answered.
        const instead = employerNonAnswer(t, a);
        if (instead) return instead;
        // `我是她女儿` (alone, or beside `我帮她问`, which says whose the report is): who the person is to the one owed,
        // never the unit (it was kept, or proposed as it); the unit asked again, of no one in particular.
        if (onlySpeakerKin(t)) return { ok: false, error: '明白。欠工资的单位叫什么名字？写公司名，或者包工头、老板的名字都可以。' };
        // `我是王芳，电话137…`, `你好 我叫王芳`: the person's own name (and phone), never the employer's; those facts
        // are confirmed and this question asked again.
        if (selfIntroduction(t)) return { ok: false, error: `欠${owed(a)}工资的单位或老板叫什么？写公司名，或者老板、包工头的名字都行。` };
        // `快点帮我`, `麻烦了`, `我很着急`: no name; asked again, kindly.
        if (pleaOf(t)) return { ok: false, error: `别着急，我们一步步来。${household(a) ? '雇您干活的人怎么称呼？写雇主的姓名就行。' : `欠${owed(a)}工资的单位或老板叫什么？写公司名，或者老板、包工头的名字都行。`}` };
        // `还有几个人没拿到`, `站点好几个兄弟都没拿到`: others owed too, and no name (how many is asked at its own
        // question; nothing is kept from these words).
        if (!household(a) && othersToo(t) && !findHeadcount(t) && !/公司|厂|店|工地|项目|老板|包工头|工头|姓|叫/u.test(t)) {
          return { ok: false, error: `明白，还有别人也没拿到，后面会问一共几个人。先说欠${owed(a)}工资的单位或老板叫什么？写公司名，或者老板、包工头的名字都行。` };
        }
        // `。。。`, `？`: nothing typed yet; said as the question says it (a boss's name will do).
        if (!/[\p{Script=Han}A-Za-z0-9]/u.test(t)) {
          return { ok: false, error: household(a) ? '请写雇主的姓名或称呼，例如「王秀英」「锦绣花园刘先生家」。' : `请写欠${owed(a)}工资的单位名，或者老板、包工头的名字，例如「青溪宏达建筑」「老板叫刘大壮」。不知道全称写个大概就行。` };
        }
        // `包工头叫李强 给宏达建筑干的`: the unit he works for is the employer, he its 包工头; both confirmed.
        // `包工头老李`, `老李是包工头`, `包工头李强给一家公司干的`: a person, the labour contractor, kept as such; whom he
        // works for is asked (the unit is the employer). Not known (`不知道`, `就是他`), or he is named so again: the foreman, as staff write him.
        const both = household(a) || a.foremanDenied ? null : foremanAndUnit(t, (name) => findTownship(ctx, name) !== null);
        if (both?.unit) return { ok: true, value: both.unit, confirm: true, set: { labourContractor: both.foreman } };
        const foreman = household(a) ? null : (foremanAlone(t) ?? both?.foreman ?? null);
        const lc = household(a) || a.foremanDenied ? null : (a.labourContractor ?? null);
        if (lc && (foreman === lc || NOT_KNOWN.test(compact(t)) || FOREMAN_IS_ALL.test(compact(t)))) return { ok: true, value: `${lc}（包工头）`, confirm: true };
        if (foreman && !a.foremanDenied) {
          return {
            ok: true,
            stay: true,
            set: { labourContractor: foreman },
            ack: `好的，包工头是「${foreman}」，记下了。他是带${owed(a)}给哪家公司、哪个工地干活的？写名字就行；不知道就回复「不知道」。`,
          };
        }
        // `青溪花园二期 包工头是老王`: the site is where the work is (the project, when the words say it is building
        // work), never who owes; the foreman or the boss is. All of it read, so all of it confirmed.
        const site = household(a) ? null : siteAndBoss(t, (name) => findTownship(ctx, name) !== null);
        if (site) {
          const building = a.construction !== false && (a.construction === true || site.construction);
          return { ok: true, value: site.employer, confirm: true, ...(building ? { set: { ...(a.construction === true ? {} : { construction: true }), project: site.site } } : {}) };
        }
        // The choice `分不清` just offered: both units, as staff read them (the agency, and where it sent the person).
        const bothSent = /^([\p{Script=Han}A-Za-z0-9]{2,20})[（(]派到([\p{Script=Han}A-Za-z0-9·]{2,20})[）)]$/u.exec(t.trim());
        if (bothSent && !household(a)) return { ok: true, value: `${bothSent[1]}（派到${bothSent[2]}）` };
        // `鑫源劳务派我去青溪电子科技有限公司干的`: the agency and the unit sent to, both named: either may employ them (who pays,
        // whose contract), so which one is asked, never picked (the unit was proposed).
        const sent = household(a) ? null : sentByNamedAgency(t, (name) => findTownship(ctx, name) !== null);
        if (sent) {
          return {
            ok: false,
            error: `明白，是「${sent.agency}」派${owed(a)}去「${sent.unit}」干活的。工资是哪家发的（或者劳动合同是跟哪家签的）？请选一个；分不清就选「分不清」，两家都记下，工作人员来核实。`,
            options: [
              { label: sent.agency, value: sent.agency },
              { label: sent.unit, value: sent.unit },
              { label: '分不清', value: `${sent.agency}（派到${sent.unit}）` },
            ],
          };
        }
        // `给一户人家当保姆 她姓张 叫啥不知道`: household work said in this answer too.
        const p0 = parseEmployer(t, (name) => findTownship(ctx, name) !== null, household(a) || findEmployerKind(t) === 'household');
        // `在水一方酒店` again after 「水一方酒店」 was refused: the 在 is the name's.
        const withAt = p0.ok && a.atNameDenied === p0.value && AFTER_AT(compact(t), p0.value) ? compact(t).slice(compact(t).indexOf(p0.value) - 1, compact(t).indexOf(p0.value) + p0.value.length) : null;
        const p = withAt ? built(parseOrgName(withAt)) : p0;
        // `没走`, `我在职`, `回老家了`: whether they still work there (a question of its own), in the words taken as
        // the name; without those words nothing says it. Never the employer.
        if (p.ok && findStillEmployed(t) !== null && (findStillEmployed(p.value) !== null || findStillEmployed(compact(t).replace(compact(p.value), ' ')) === null)) {
          return { ok: false, error: household(a) ? '请写雇主的姓名或称呼，例如「王秀英」「锦绣花园刘先生家」。' : `请写欠${owed(a)}工资的单位名，或者老板、包工头的名字，例如「青溪宏达建筑」「老板叫刘大壮」。` };
        }
        // A name taken out of a longer sentence is confirmed: `是个老乡带我去的 叫老刘` is not 「个老乡带我去」.
        // So is a name made from more words (`包工头姓陈 叫啥不知道` → 陈包工头), unless the question of who they are shows it next (陈老板).
        // `宏达建筑公司老板姓王 电话137…`: the boss's number is no field's (as at the 包工头 question), and never the person's own.
        const bossPhone = mobileSpans(spokenDigits(t)).length > 0 && findPhone(t) === null;
        // `包工头张三带我们干的，劳务公司是宏达劳务，总包是中建三局`: the chain, each in its own field (building work, then),
        // the unit nearest the worker as the employer; all of it confirmed.
        // `公司叫宏达`, `外包公司叫蜂鸟还是啥`: a unit said in words, its name a short one that might be a person's: a unit
        // (never asked whether 「宏达」 is a family).
        const unitSaid = p.ok && a.employerKind === undefined && kindAsked({ ...a, employer: p.value }) && UNIT_THEN_NAME.test(compact(t));
        // `美团`, `滴滴`: the platform kept as the name, and the station or agency that runs the work asked for as well.
        const platform = p.ok && !bossPhone && PLATFORM.test(compact(p.value)) ? PLATFORM_NOTE : null;
        // `青溪纺只厂`, `宏大建筑`: a known unit's name with one character of the same sound typed wrong: the known name
        // proposed (「宏达建筑」，对吗？), never the typed one kept unconfirmed; once refused, what was typed is (confirmed).
        const bySound = p.ok && !household(a) ? employerTypedBySound(ctx.directory, p.value) : undefined;
        if (bySound && p.ok) return { ok: true, value: a.atNameDenied === bySound.name ? p.value : bySound.name, confirm: true };
        if (p.ok) return { ok: true, value: p.value, ...(saidMoreThan(t, p.value, ctx) || bossPhone || ('built' in p && !kindAsked({ ...a, employer: p.value })) ? { confirm: true } : {}), ...(bossPhone ? { ack: BOSS_PHONE_NOT_KEPT } : platform ? { ack: platform } : {}), ...(unitSaid ? { set: { employerKind: 'organisation' as const } } : {}) };
        // A question of its own (`他姓陈`: whose?) as it is; a name refused, with what would do.
        if ('whole' in p) return { ok: false, error: p.error };
        return { ok: false, error: `${p.error.replace(/，?请重新输入.*$|，?例如.*$/u, '')}。写公司名，或者老板、包工头的名字都行，例如「青溪宏达建筑」「老板叫刘大壮」。` };
      },
      // 老李（包工头） refused: never proposed again (the unit is asked plainly; never a loop).
      denied: (v, a) => ({
        ...(foremanOf(v) !== null && foremanOf(v) === a.labourContractor ? { foremanDenied: true as const } : {}),
        ...(typeof v === 'string' ? { atNameDenied: v } : {}),
      }),
      show: (v) => v,
      help: '写营业执照上的公司名最好；不知道的话，写工地、店名或老板的名字也可以，工作人员会核实。',
    }), (a) => (a.employerKind === 'household' ? '雇主' : '用人单位')),
    f.text('employerKind', {
      label: '雇主类型',
      // Asked when the name does not say it (a person's name), unless the work is known to be a construction site's
      // (a person there is a 包工头); said in words (`给一户人家当保姆`), it is confirmed instead.
      when: (a) => a.employerKind !== undefined || kindAsked(a),
      ask: (a) => `「${a.employer ?? '雇主'}」是哪一种？`,
      options: () => EMPLOYER_KINDS,
      notText: '请回复1或2。',
      names: /雇主类型|单位还是个人|个人还是单位/,
      parse: (t) => {
        if (t === 'organisation') return { ok: true, value: 'organisation' };
        if (t === 'household') return { ok: true, value: 'household', ack: '好的。给个人或家庭干活的，要钱的办法和单位欠薪不太一样，登记完我跟您细说。' };
        // `家政公司派的`, `中介介绍去的`: sent to a family by an agency; who pays them decides it (never taken as 单位).
        if (/家政|中介/u.test(t) && /派|介绍|安排|推荐|找的/u.test(t)) return { ok: false, error: '明白，是家政公司或中介介绍您去的。工资是谁发给您的？家政公司或中介发的回复1，雇主家直接给的回复2。' };
        return { ok: false, error: '请回复1（单位、工地或店铺）或2（个人或家庭）。' };
      },
      show: (v) => (v === 'household' ? '个人或家庭' : '单位'),
      help: '公司、工厂、工地、店铺（包括包工头）欠的，选1；给一户人家当保姆、月嫂、护工、钟点工，或者私人装修的个人老板欠的，选2。两种情况维权的办法不一样。',
    }),
    f.township('location', {
      label: '干活的地方',
      // `龙湾村`: a village or community of the directory, typed for its township; which township that is, asked.
      match: {
        before: (text, ctx) => {
          // `8000 三个月`: money and months said early; which the figure is, asked (then held, and this asked again).
          const money = totalOrMonthly(text, ctx.now);
          if (money) return money;
          return communityTownshipAsk(text, ctx);
        },
        // `深圳`, `在深圳打工`: not ours, said plainly with where to turn; `南宁` (the city the area is in): which township.
        away: ({ place, own }, ctx) => {
          const served = ctx.directory.districts.map((d) => d.name).join('、');
          if (own) return `我们这里只受理${served}的欠薪反映。如果您是在${served}干活，请告诉我是哪个镇或街道，可以从下面选；不在${served}的，请找干活所在地的工会，或打职工服务热线12351。`;
          return (
            `我们这里只受理${served}的欠薪反映，${place}不在我们的服务范围。在${place}干活被欠薪的，请找当地的工会，或打全国总工会职工服务热线12351，会帮您联系当地工会。` +
            `如果您其实是在${served}干活，请告诉我是哪个镇或街道，可以从下面选，我们接着登记。`
          );
        },
      },
      ask: (a, ctx) =>
        a.awaySaid
          ? `您前面提到在${a.awaySaid.place}干活。如果活其实是在${servedArea(ctx)}干的，请告诉我是哪个镇或街道；不在${servedArea(ctx)}的，可以回复「人工」问问怎么办。`
          : `${owed(a)}在哪个镇或街道干活？例如：东龙镇、河西街道。`,
      // `我住河西`, `我家在河西`: where they live, said for where they work: asked, never taken as the work's unasked.
      // `东龙镇附近的`: it may be the township next to it (the case goes to the grid worker there): asked the same way.
      unsure: (t, name) => townshipUnsure(t, name),
      clears: ['community'],
      community: 'community',
      names: /干活的地方|地方|地点|镇|街道|乡/,
      help: '告诉我干活的地方属于哪个镇或街道，我们会把案件交给当地的工格员。',
    }),
    f.text('community', {
      label: '村或社区',
      ask: (a, ctx) => `在${townshipName(ctx, a.location)}的哪个村或社区？不清楚就回复「不清楚」。`,
      options: (a, ctx) => {
        const tw = a.location ? ctx.index.townshipById.get(a.location.townshipId)?.township : undefined;
        const names = tw ? [...new Set(tw.grids.flatMap((g) => g.communities))] : [];
        return [
          ...names.map((n) => ({ label: n, value: n })),
          { label: UNKNOWN_COMMUNITY, value: UNKNOWN_COMMUNITY, words: /不清楚|不知道|不确定|不晓得|搞不清|没印象|莫得印象|记不得|记不清|忘了|唔知|^(?:没有|没得|莫得|么得|木有|冇)(?:啊|呀|哦|的)?$/ },
        ];
      },
      notText: '请用文字回答村或社区的名字。',
      names: /村|社区|小区/,
      parse: (t, a, ctx) => {
        if (/^(不清楚|不知道|不确定|不晓得)$/.test(t)) return { ok: true, value: { community: null, gridId: null } };
        const tw = a.location ? ctx.index.townshipById.get(a.location.townshipId)?.township : undefined;
        if (!tw) return { ok: false, error: '请先告诉我是哪个镇或街道。' };
        // `。。。`, `对头`, `好的`: no name typed (a yes is not 「岭头村」); never quoted back as one.
        if (!/[\p{Script=Han}A-Za-z0-9]/u.test(t) || yesNo(compact(t)) !== null) {
          return { ok: false, error: `请告诉我在${tw.name}的哪个村或社区，可以从下面选；不清楚就回复「不清楚」。` };
        }
        // `田心村隔壁`, `田心村附近`: near a village, not in it (next to it may be another): which one is asked, the one
        // named offered among them, never kept unasked (it was, or proposed). `村委会旁边`, `是隔壁田心村` are in it.
        const beside = nearCommunity(t, tw);
        if (beside) return beside;
        // `bin jiang` (typed in pinyin): a village or community of this township spelled, proposed in characters (it was
        // 「干活的地方已经记下了」 and the same question again, the township spelled with it read as said again).
        const spelled = typedInPinyin(t) ? pinyinPlace(ctx, t) : null;
        if (spelled?.community && spelled.gridId && spelled.place.townshipId === tw.id) return { ok: true, value: { community: spelled.community, gridId: spelled.gridId }, confirm: true };
        const m = matchCommunity(tw, communityText(t, tw.name));
        if (m.kind === 'exact') return { ok: true, value: { community: m.community, gridId: m.grid.id } };
        if (m.kind === 'candidates' && [...compact(t)].length <= 12) {
          const quoted = [...t].slice(0, 20).join('');
          const near = m.communities.map((c) => ({ label: c.community, value: c.community }));
          const unknown = { label: UNKNOWN_COMMUNITY, value: UNKNOWN_COMMUNITY };
          if (near.length === 1) return { ok: false, error: `没找到「${quoted}」。您是说「${near[0]!.label}」吗？`, options: [{ ...near[0]!, yes: true as const }, unknown] };
          return { ok: false, error: `没找到「${quoted}」。您是说下面哪一个？`, options: [...near, unknown] };
        }
        // A long message (the first one pasted again) is no name to quote back.
        const said = [...compact(t)];
        if (said.length > 12) return { ok: false, error: `没找到您说的村或社区。请从下面选一个${tw.name}的村或社区，不清楚就回复「不清楚」。` };
        return { ok: false, error: `${tw.name}没有叫「${said.join('')}」的村或社区。请从下面选一个，不清楚就回复「不清楚」。` };
      },
      show: (v) => v.community ?? UNKNOWN_COMMUNITY,
      help: '知道村或社区，我们能直接交给那里的工格员，处理更快。不清楚也没关系。',
    }),
    f.yesNo('construction', {
      label: '工程建设项目',
      when: (a) => !household(a),
      ask: '是工程建设项目吗？比如盖楼、修路、装修工地。',
      yes: { label: '是', words: CONSTRUCTION_WORDS },
      no: { label: '不是', words: NOT_CONSTRUCTION },
      retry: '请回复1（是）或2（不是）。盖楼、修路、装修这类工地上的活，就是工程建设项目。',
      // `叫幸福小区二期`, `是 叫幸福小区二期`: building work, with its project's name (both proposed for a yes).
      beside: constructionNamed,
      clears: ['project'],
      names: /工程|工地|建设项目/,
      help: '工程建设领域的欠薪有专门的处理办法（比如工资专用账户、保证金），所以要先问清楚。',
    }),
    f.text('project', {
      label: '项目名称',
      when: building,
      ask: '项目或工地叫什么名字？例如：青溪花园二期。',
      notText: '请用文字告诉我项目名称。',
      optional: true,
      freeText: true,
      names: /项目名|项目名称|工地名|工地名称|楼盘名|项目(?!地址)/,
      parse: projectAnswer,
      show: (v) => v ?? '不清楚',
      help: '工地门口的牌子上一般有项目名称。不知道可以回复「不知道」或「跳过」。',
    }),
    f.text('period', {
      label: '拖欠时间',
      // `老板欠我三四个月工资` said before: which of the two is asked, each a choice (as the same words here are).
      ask: (a) => (rangeHeld(a) ? `您前面说${PERIOD_MESSAGES.range(a.monthsRange!.lo, a.monthsRange!.hi).replace(/^您说/u, '')}` : '拖欠的是哪段时间的工资？例如：去年5月到现在、今年3月到8月、三个月。'),
      options: (a) => (rangeHeld(a) ? [a.monthsRange!.lo, a.monthsRange!.hi].map((n) => ({ label: `${n}个月`, value: `${n}个月` })) : []),
      notText: '请用文字告诉我拖欠的时间。',
      names: /拖欠时间|时间|月份|几个月|从几月/,
      parse: (answer, a, ctx) => {
        // `3个`, `三个吧`: months with 月 left off (how long, asked here), never a count of people; confirmed.
        const count = BARE_COUNT.exec(compact(answer));
        // `8.9.10`, `8 9 10` alone (asked which months): three or more month numbers in a row, read as those months.
        const bareList = /^\s*\d{1,2}(?:\s*[.．、]\s*\d{1,2}|\s+\d{1,2}){2,}\s*$/u.test(answer) ? `${answer.trim().replace(/\s*[.．、]\s*|\s+/gu, '.')}月` : null;
        const t = count ? `${count[1]}个${count[2] ?? ''}月` : (bareList ?? answer);
        // `三四个月`, `3-4个月`: one number of months or the other; which is asked (each a choice), never either end taken.
        const range = monthsRangeSaid(t);
        // `3到4个月 每月3000`: the month's wage said with the range is kept with it (as in a first message), and which of
        // the two is asked (each a choice); 3,000 × the months picked is then proposed at the amount's question.
        const rate = range && !a.monthsRange?.rate ? rateBesideRange(t, a) : null;
        if (range && rate !== null) return { ok: true, stay: true, set: { monthsRange: { ...range, rate } }, ack: PERIOD_MESSAGES.range(range.lo, range.hi) };
        if (range) {
          return {
            ok: false,
            conflict: true,
            error: PERIOD_MESSAGES.range(range.lo, range.hi),
            options: [range.lo, range.hi].map((n) => ({ label: `${n}个月`, value: `${n}个月` })),
          };
        }
        // `我老公也三个月没发工资了`: a relative's months, said besides (也) the person's own or instead of them (a
        // report for him): whose is asked, never taken as the person's own.
        const also = a.onBehalf ? null : KIN_ALSO.exec(compact(t));
        if (also && findPeriod(t, ctx.now)) {
          const title = relationTitle(also[1]!);
          return {
            ok: false,
            conflict: true,
            error: `您说您${also[1]}也${compact(t).slice(also[0].length)}。这段时间是您自己被拖欠的，还是您在替${title}反映？`,
            options: [
              { label: '我自己也是这段时间', value: compact(t).replace(also[0], '我也') },
              { label: `替${title}反映`, value: `替我${also[1]}反映` },
            ],
          };
        }
        // `大家一共被欠了三十万`: the group's total, kept; the period asked again.
        const aside = groupSumAside<WagePeriodAnswer>(t, a, '拖欠的是哪段时间的工资？例如：去年5月到现在、今年3月到8月、三个月。', ctx.now);
        if (aside) return aside;
        // `老板昨天给了3000`: money paid, no period; said back, and the period asked again.
        const paid = paidAside<WagePeriodAnswer>(t, a, '拖欠的是哪段时间的工资？例如：去年5月到现在、今年3月到8月、三个月。', ctx.now);
        if (paid) return paid;
        // The choice offered for two months apart (`8月、10月`): only those two months.
        const two = TWO_MONTHS_CHOICE.exec(t);
        if (two) return checked({ start: two[1]!, end: two[2]!, months: 2 }, checkPeriod({ start: two[1]!, end: two[2]!, months: 2 }, a));
        // `8000 三个月`, `欠了两个月 一个月4000`: the months and the money said with them, offered together in one line
        // (never the months taken while the money is dropped or waits).
        const withMoney = periodWithMoney(t, a, ctx.now);
        if (withMoney) return withMoney;
        // `过完年来的 一直没发 老板说年底一起结`: when the boss promised to pay, said after the months, is no part of them
        // (年底 made the whole unread).
        const { text: said0, hedged } = periodSaid(t.replace(PROMISED_AFTER, ''));
        const words = withoutAgreeingCount(said0, ctx.now);
        // `8月、10月`, `8月和10月`: two months apart are never read as the months between (asked which).
        const apart = monthsApart(words, ctx.now);
        if (apart) return apart;
        // `去年年底那个月的`: the month pointed at after the time said, the time alone (it was not read at all).
        const p = parsePeriod(periodText(words.replace(/(?<=年底|年初|月底|月初)(?:那个|那一个|那)月(?:份)?(?:的)?(?:工资|工钱|钱)?$/u, '')), ctx.now);
        if (!p.ok) return p;
        const { inferred: read, ...said } = p.value;
        // `好像是七月到九月吧 记不清了`: a guess, confirmed.
        // `8.9.10三个月`: months written with dots between (never a figure), a reading; confirmed.
        const dots = bareList ? answer.trim() : /(?<![\d.．])\d{1,2}(?:[.．]\d{1,2}){2,}(?![\d.．])/u.exec(t)?.[0];
        const dotted = dots ? `您写的「${dots}」我按月份来理解` : null;
        // `做了半年`, `在厂里干了三个月`: how long they worked, nothing said of it unpaid: taken as the months owed only
        // with a yes (how long someone worked is not always how long they are owed).
        // `九月份开始干的`: when the work began, not said to be when the pay stopped: the months since, confirmed.
        const begun = WORK_BEGUN_AT_END.test(compact(words).replace(/(?:的|了|吧|啊|呢)+$/u, '')) ? '您说的是开始干活的时间，先按从那时起工资一直没发来算' : null;
        const inferred = read ?? (hedged ? '您说记不太清，先按这个算' : null) ?? (count ? `您说的「${answer.trim()}」，我按${t}算` : null) ?? dotted ?? begun;
        // `三个月`, from someone who left in October: the three months before they left, confirmed.
        const period = a.stillEmployed === false && a.leftSince ? countBackFrom(said, periodText(t), a.leftSince) : said;
        if (period !== said) {
          return { ok: true, value: period, confirm: true, ack: `您${showMonth(a.leftSince!)}就离开了，${period.months}个月就从${showMonth(a.leftSince!)}往前算。` };
        }
        // "到现在", from someone who left earlier: up to the month they left, confirmed.
        if (a.stillEmployed === false && a.leftSince && endsWhenLeft(period, a.leftSince, ctx.now)) {
          return { ok: true, value: periodUpTo(period, a.leftSince, ctx.now), confirm: true, ack: `您${showMonth(a.leftSince)}已经离开，拖欠时间就算到${showMonth(a.leftSince)}为止。` };
        }
        const r = checked(period, checkPeriod(period, a), inferred !== null, a.workStart ? { workStart: a.workStart } : undefined);
        // What was inferred is said with the question that confirms it (`这个月的工资一般下个月才发，先算到2026年11月`).
        return r.ok && inferred !== null && !r.ack ? { ...r, ack: `${inferred}。` } : r;
      },
      show: (v) => showPeriod(v),
      help: '说大概的起止月份就行，比如「今年3月到现在」。这个月的工资一般下个月才发，不算在内。',
      helpAgain: (_a, ctx) => periodExample(ctx.now),
    }),
    f.text('workStart', {
      label: '开始干活',
      when: (a) => (a.period?.months ?? 0) >= LONG_PERIOD_MONTHS,
      optional: true,
      ask: (a) => `拖欠的时间比较长（${a.period?.months ?? ''}个月）。${owed(a)}是从什么时候开始在这里干的？例如：前年3月、去年春节后。不记得就回复「不记得」。`,
      notText: '请用文字告诉我开始干活的月份。',
      names: /开始干活|开始干|进场|入职|上工/,
      parse: (t, a, ctx) => {
        // `都跳过` (offered at the questions after this one): not remembered, like 不记得.
        if (SKIP_REST_WORDS.test(compact(t))) return { ok: true, value: null };
        const p0 = parseMonthDetailed(workStartText(t), ctx.now);
        // `2024年的4月份进去的，那时候还是老厂长管事`: the month in the first clause, the rest saying no other time: that
        // month, confirmed (the whole was not understood).
        const [first, ...others] = t.trim().split(/[,，。;；\s]+/u).filter(Boolean);
        const firstMonth = !p0.ok && first && others.length > 0 && !others.some((c) => /[0-9一二三四五六七八九十]月|[年前去今]年|月份|开始|进厂|进场|入职/u.test(c)) ? parseMonthDetailed(workStartText(first), ctx.now) : null;
        const p = firstMonth?.ok ? { ...firstMonth, value: { ...firstMonth.value, inferred: firstMonth.value.inferred ?? '' } } : p0;
        // `从前年开始干的`: about when the work began, too vague to take; never read as the arrears period.
        if (!p.ok) return /开始|进场|进厂|来的|干起|开工|上工|入职|[年月]/u.test(t) ? { ...p, conflict: true } : p;
        return checked(p.value.month, checkWorkStart(p.value.month, a), p.value.inferred !== null, a.period ? { period: a.period } : undefined);
      },
      show: (v) => (v ? showMonth(v) : '不记得'),
      help: '说开始在这干活的月份就行，比如「去年3月」。这能帮工作人员核对拖欠的时间。',
    }),
    f.text('amount', {
      label: '拖欠金额',
      // `不知道` said twice: worked out from a monthly wage (said with 一个月, never a bare figure read as the total).
      stuck: (a) =>
        `那换个算法：您一个月工资多少？请这样回复，例如：一个月6000。${a.period?.months ? `我按欠的${a.period.months}个月帮您算个大概。` : '再说说欠了几个月，例如：一个月6000 欠了3个月。'}实在算不出来，回复「人工」请工作人员帮您。`,
      // `老板欠我3个月工资 要写税前的吗`: that question answered here first (once: the sum then answered ends it).
      ask: (a) =>
        (a.amountAsked ? `${AMOUNT_ASKED_EARLIER[a.amountAsked]}\n` : '') +
        (whoseAsked(a)
          ? whoseQuestion(a.sumWhose!)
          : heldForThem(a)
          ? `您前面说欠${them(a)}${showAmount(a.behalfSum!)}。${them(a)}一共被拖欠的就是这些吗？是的话回复「是」，不是请直接说一共多少。`
          : rangeRate(a)
          ? `您前面说每个月${showAmount({ yuan: a.monthsRange!.rate!, approx: false, upTo: null })}，${a.period!.months}个月一共是${showAmount(rangeRate(a)!)}（${rangeRate(a)!.how}）。对吗？不对的话请直接说您一共被拖欠了多少钱。`
          : a.onBehalf
          ? a.groupAmount
            ? '那被欠工资的人自己被拖欠了多少钱？例如：8000、一万二、1万多。'
            : '被欠工资的人一共被拖欠了多少钱？例如：28500、两万八、2万多。'
          : a.groupAmount
            ? '那您自己被拖欠了多少钱？例如：8000、一万二、1万多。'
            : '您自己一共被拖欠了多少钱？例如：28500、两万八、2万多。'),
      // 对 / 不对 to the wage times the months picked (rangeRate), each a choice (a plain 不对 is never read as going back).
      options: (a) => (rangeRate(a) ? [{ label: '对', value: '对' }, { label: '不对', value: '不对' }] : []),
      notText: '请用文字告诉我金额。',
      // Not understood twice in a row: another way on (one figure, a rough one will do, or a person), never the same words.
      errorAgain: (error) => (error === AMOUNT_MESSAGES.unparseable ? AMOUNT_UNPARSEABLE_AGAIN : null),
      // `要写税前的吗`, `加班费算不算`: how to count the sum, answered here (never 答不上来, never the overtime rates),
      // then the question again; nothing taken from them.
      // (Asked again here, what was asked before: pointed to the answer shown with the question, never said twice.)
      asked: (t, a) => {
        const how = amountHowAsked(t);
        return how && a.amountAsked && how === (a.amountAsked === 'tax' ? TAX_ANSWER : OVERTIME_ANSWER) ? '您问的这个，说明在下面：' : how;
      },
      names: /拖欠金额|金额|钱数|工钱|工资|钱/,
      numeric: true,
      // `欠我工资5000 还有押金500`: the deposit is never summed into the wages; the wage figure taken is said back with
      // that, and confirmed (the deposit goes to the account for staff, proposed on its own).
      // `三干块`, `五方多`, `8000无` (a handwriting pad's look-alikes): read as meant only where the words as typed read as
      // no sum, and said back to be confirmed.
      parse: (typed, a, ctx) => withShapeSlip(typed, (said0) => {
        // `要是只欠两千也能报吗`, `下个月还要再欠五千`, `老板说只欠我五千 其实是八千`: figures supposed, still to come, or
        // someone else's that the person disputes are no sum owed; read without them (confirmed), or asked plainly.
        const own = ownFigures(said0);
        if (own.none) return { ok: false, error: `${own.none}这里问的是${owed(a)}到现在实际被拖欠了多少钱，例如：8000、一万二、2万多。` };
        const said = own.rest ?? said0;
        const r0 = ((t: string): Result<Value<WageAnswers, 'amount'>, WageAnswers> => {
          // `0`, `没欠`: nothing owed is no report; said kindly, and asked again (the answers so far stay).
          if (ZERO_OWED.test(compact(t))) return { ok: false, error: `0元就是没有被拖欠。老板还欠着${owed(a)}工钱的话，说个大概的数就行，例如：8000、两万多。` };
          // `厂里有3000人`, `我们厂有两百多人`: how many work there, neither money nor how many are owed (the headcount has its
          // own question): said so, and the amount asked again.
          if (workplaceSize(t)) return { ok: false, conflict: true, error: `这是单位里一共有多少人吧？这里问的是${owed(a)}自己被拖欠了多少钱，例如：8000、一万二、2万多。${a.headcount ? '' : '被拖欠的人数后面会单独问。'}` };
          // `6000 还扣了我500押金`: the deposit is no wage (noted in the account: extract); the rest is the answer.
          const depositSaid = DEPOSIT.test(t);
          if (depositSaid) {
            const rest = withoutDeposit(t);
            if (!/[0-9一二两三四五六七八九十百千万]/u.test(rest)) return { ok: false, conflict: true, error: `押金不算在拖欠的工资里，后面问到事情经过时可以说一下。这里问的是${owed(a)}被拖欠的工资一共多少钱，例如：8000、一万二、2万多。` };
            t = rest;
          }
          // `对` to 「您前面说每个月3,000元，4个月一共是12,000元（3,000元×4个月）。对吗？」: that sum; `不对`: asked plainly
          // (never proposed again).
          const proposed = rangeRate(a);
          const yn = proposed ? yesNo(compact(t)) : null;
          if (proposed && yn === true) return checked(proposed, checkOwnAmount(proposed, a));
          if (proposed && yn === false) return { ok: true, stay: true, set: { monthsRange: { lo: a.monthsRange!.lo, hi: a.monthsRange!.hi } }, ack: '好的。那您自己一共被拖欠了多少钱？例如：28500、两万八、2万多。' };
          // `我自己的` / `一共的` to 「…是您自己一个人的，还是您和老公两个人一共的？」: the sum said before, as chosen.
          const chosen = whoseAsked(a) ? whoseChoice(t, a.sumWhose!) : null;
          if (chosen) t = chosen;
          // `是` to 「您前面说欠他20,000元。…就是这些吗？」: that sum.
          if (heldForThem(a) && /^(?:是|是的|对|对的|没错|就是|就是这些|就这些|嗯|嗯嗯)(?:的|啊|呀|吧)?[。.!！]*$/u.test(compact(t))) return checked(a.behalfSum!, checkOwnAmount(a.behalfSum!, a));
          // `一共十二万 我们三个人`, `我们一共三万 三个人`: said for 我们 with the count, read as `我们三个人一共欠了十二万` is
          // (the count and the group's total proposed together, confirmed; then the person's own asked).
          const ours = a.onBehalf || household(a) || !/我们|咱们|俺们/u.test(t) ? null : groupTotalWithCount(t);
          if (ours) t = ours;
          // A bare `对`, `是的`, `不是` (to a question before, or to whose the sum is): no figure; what is wanted, said plainly
          // (never 「您输入的不是数字」).
          if (plainYesNo(t) !== null && !/[0-9零一二两三四五六七八九十百千万]/u.test(t)) {
            return {
              ok: false,
              error: whoseAsked(a)
                ? `请回复「我自己的」或「一共的」；也可以直接说${owed(a)}自己被拖欠了多少钱，例如：8000、一万二。`
                : a.groupAmount
                ? `大家一共的${showAmount(a.groupAmount)}已经记下了。现在要问的是${owed(a)}自己被拖欠了多少钱，请直接说个数，例如：8000、一万二、1万多；不清楚就说个大概。`
                : `这里要说的是钱数：${owed(a)}${a.onBehalf ? '' : '自己'}一共被拖欠了多少钱？请直接说个数，例如：28500、两万八、2万多；不清楚就说个大概。`,
            };
          }
          // `我和老公在饭店干 老板欠了一万五`: whose the sum is (hers alone, or the two together?) is asked, never taken.
          const pairSaid = a.onBehalf || household(a) ? null : pairSumUnclear(t);
          const pairSum = pairSaid ? { ...pairSaid.value, who: pairSaid.who } : null;
          if (pairSum) return { ok: false, conflict: true, error: whoseQuestion(pairSum, false), options: whoseOptions(pairSum) };
          // `5000 三个月`: what they owe in all, or a month's wage? Asked (each choice is read back here), never the figure taken.
          const totalOrRate = totalOrMonthly(t, ctx.now);
          // `欠我两个月 6000 另外押金500`: the deposit is said to be apart (and where it goes), with the question.
          if (totalOrRate) return depositSaid ? { ...totalOrRate, error: `押金不算在拖欠的工资里，后面问到事情经过时可以说一下。${totalOrRate.error}` } : totalOrRate;
          // `工资5000`, `我工资是5000` with several months owed: the wage named, a month's or the months' in all? Asked the same way.
          const wageNamed = WAGE_FIGURE_ONLY.exec(compact(t));
          const wageAsked = wageNamed && a.period && a.period.months > 1 && !a.onBehalf ? totalOrMonthly(`${wageNamed[1]} ${a.period.months}个月`, ctx.now) : null;
          if (wageAsked) return depositSaid ? { ...wageAsked, error: `押金不算在拖欠的工资里，后面问到事情经过时可以说一下。${wageAsked.error}` } : wageAsked;
          // `工资八千 加班费两千`: the wage and a part of the pay besides it, added up (confirmed), never the first alone.
          const parts = payParts(t);
          if (parts) return withAck(checked(parts.total, checkOwnAmount(parts.total, a), true), parts.ack);
          // `一万五 三个人`: the person's own, or what the people counted are owed together? Asked, never taken.
          const counted = a.onBehalf || household(a) ? null : sumBesideCount(t);
          // The count said with it goes with either answer (`我自己的`: hers and the count, confirmed together; `大家一共的`:
          // the group's total with the count), never dropped to be asked again.
          if (counted) return whoseSum(counted.sum, a, a.headcount ? null : counted.count);
          // `我一万五 三个人`: her own and the count, said back and confirmed together (the count never dropped).
          const ownAndCount = a.onBehalf || household(a) ? null : ownBesideCount(t);
          if (ownAndCount) {
            const head = a.headcount ? {} : { headcount: ownAndCount.count };
            const c = checkOwnAmount(ownAndCount.own, a);
            if (c?.kind === 'refuse') return { ok: false, conflict: true, error: c.error };
            return { ok: true, value: ownAndCount.own, confirm: true, set: head, ack: `${owed(a)}自己被拖欠${showAmount(ownAndCount.own)}${a.headcount ? '' : `，一共${ownAndCount.count.count}个人被拖欠`}。${c?.kind === 'confirm' ? c.ack : ''}` };
          }
          // `八千块钱还有两个月的`: the figure and months more with no money said for them; the whole asked, never the figure.
          const more = monthsMore(t);
          if (more) {
            return { ok: false, conflict: true, error: `您说了${showAmount(more.said)}，还有${more.time}的。请说一下${owed(a)}一共被拖欠多少钱（把那${more.time}的也算上），例如：16000、两万多。` };
          }
          // `我老公八千`: one family member's, never the person's own; theirs asked (the group's total comes later).
          const kin = a.onBehalf ? null : KIN_FIGURE.exec(compact(t));
          const kinSaid = kin ? parseAmount(kin[3]!) : null;
          if (kin && kinSaid?.ok) {
            // A report of the person alone so far (`我老公的工资一万二`): perhaps it is his report; offered, with his figure.
            const alone = !a.behalfDenied && !a.groupAmount && !((a.headcount?.count ?? 1) > 1 || a.headcount?.approximate);
            if (kin[1] && alone) {
              const title = relationTitle(kin[1]);
              return {
                ok: false,
                conflict: true,
                error: `${showAmount(kinSaid.value)}是您${kin[1]}的。这里问的是您自己被拖欠了多少钱，例如：8000、一万二；如果您是替${title}反映，请选「替${title}反映」。`,
                options: [{ label: `替${title}反映`, value: `帮我${kin[1]}问的 欠${WOMAN.test(kin[1]) ? '她' : '他'}${kin[3]!}` }],
              };
            }
            return { ok: false, conflict: true, error: `${showAmount(kinSaid.value)}是${kin[1] ? `您${kin[1]}` : kin[2]}的。这里问的是您自己被拖欠了多少钱，例如：8000、一万二、1万多。` };
          }
          // `6000 不是我一个人的 是我们俩的`: the people's total, kept as it (confirmed with the count), and her own asked.
          const notMine = a.onBehalf || household(a) ? null : notMineAlone(t);
          if (notMine) {
            const c = checkGroupAmount(notMine.total, a);
            if (c?.kind === 'refuse') return { ok: false, conflict: true, error: c.error };
            return {
              ok: true,
              stay: true,
              // Two said (`我们俩`) with no count yet: the count too, said back in the words below.
              set: { groupAmount: notMine.total, ...(notMine.pair && !a.headcount ? { headcount: { count: 2, approximate: false } } : {}) },
              ack: `好的，${notMine.pair ? '你们两个人' : '你们大家'}一共被拖欠${showAmount(notMine.total)}，记下了。那${owed(a)}自己被拖欠了多少钱？例如：3000、一万二、1万多。`,
            };
          }
          // `大家一共三十万`, `全部人加起来三十万`: the group's total, never the person's own (theirs is asked).
          const group = groupTotalAtOwn(t, a);
          if (group) return group;
          // `一个月五千，三个月，只给了两千`: the total less what was paid, said back and confirmed (or what is owed asked).
          const net = netOfPaid(t);
          if (net === 'ask') return { ok: false, error: amountAfterPaid(a) };
          if (net) return withAck(checked(net.value, checkOwnAmount(net.value, a), true), net.ack);
          // `6000×2`, `3000乘2`: a figure times a count, typed; what it comes to, confirmed (a count of people asked).
          const typed = timesTyped(t, a);
          if (typed) return typed.ok ? { ...checked(typed.value, checkOwnAmount(typed.value, a), true), ...(typed.ack ? { ack: typed.ack } : {}) } : typed;
          const read = amountInWords(t, a);
          // `每月四千五 欠了三个月的`: a month's wage and the months owed, worked out where the words' own reading only
          // refused the wage (the wage alone was then taken times the period's months, clause by clause).
          const rateAndMonths = read && !read.ok && !read.conflict && typeof monthsSaidWithRate(t) === 'number' ? monthlyRateTimesPeriod(t, a) : null;
          if (rateAndMonths) return rateAndMonths;
          if (read) return read.ok ? { ...checked(read.value, checkOwnAmount(read.value, a), true), ...(read.ack ? { ack: read.ack } : {}) } : read;
          // `欠了3-4个月 每个月3000`: a month's wage with one number of months or the other: what it comes to is not known.
          const range = monthsRangeSaid(t);
          if (range && readRate(t)) return { ok: false, conflict: true, error: `您说的是${range.lo}到${range.hi}个月，一共多少没法替您算准。请说一下${owed(a)}一共被拖欠多少钱，例如：9000、一万二；记不清就说个大概。` };
          // `一个月4000` with the months known: what they come to, confirmed (`不对` asks the total).
          const monthly = monthlyRateTimesPeriod(t, a);
          if (monthly) return monthly;
          // `干了二十天`: the days worked, no money (never 20元, never 20 people); the day's pay asked with them.
          const days = DAYS_WORKED_ONLY.exec(compact(t));
          if (days) {
            const n = parseChineseNumber(days[1]!);
            if (n) return { ok: false, error: `${n}${days[2]}是干活的天数。请说${owed(a)}一共被拖欠多少钱；按天算的，可以连一天多少钱一起说，例如「干了${n}天，一天200」。` };
          }
          // `我老公的三个月`: how long a family member has not been paid, no money: never a figure; whose the money asked is said.
          const kinTime = KIN_TIME.exec(compact(t));
          if (kinTime) {
            const kin = kinTime[1]!;
            const theirs = a.onBehalf && a.onBehalf.relation && relationTitle(a.onBehalf.relation) === relationTitle(kin);
            return {
              ok: false,
              conflict: true,
              error: theirs
                ? `「${kinTime[2]}」是拖欠的时间。这里问的是${them(a)}一共被拖欠了多少钱，说个大概的数就行，例如：8000、一万二、2万多。`
                : `「${kinTime[2]}」是您${kin}被拖欠的时间。这里问的是${owed(a)}自己被拖欠了多少钱，例如：8000、一万二、2万多。`,
            };
          }
          // `她的工资老板拖了三个月了` (the months known already): the time owed again, no money; what is needed is said.
          const time = OWED_TIME_ONLY.exec(compact(t));
          const kinNamed = time?.[1];
          const forThem = !kinNamed || (a.onBehalf && a.onBehalf.relation && relationTitle(a.onBehalf.relation) === relationTitle(kinNamed));
          if (time && forThem && a.period && monthsSaid(time[2]!) === a.period.months) {
            return { ok: false, conflict: true, error: `拖欠时间「${showPeriod(a.period)}」已经记下了。这里问的是${owed(a)}一共被拖欠了多少钱，说个大概的数就行，例如：8000、一万二、2万多。` };
          }
          // `4500.555`: more decimals than fen; said so, never rounded away (`4500.5` is taken as said).
          if (tooManyDecimals(t)) return { ok: false, error: AMOUNT_MESSAGES.decimals };
          const p = parseAmount(t);
          // `总共3万 给了1万`: what is still owed is not said; asked for plainly rather than worked out.
          if (!p.ok && saysPaid(t)) return { ok: false, error: amountAfterPaid(a) };
          // `住3k宿舍`, `房租3000`: money for rent or board, no wages; said so, and the question again.
          if (!p.ok && NOT_WAGE_MONEY.test(t)) return { ok: false, conflict: true, error: `住宿、房租、伙食、水电这些钱不算在拖欠的工资里，后面问到事情经过时可以说一下。这里问的是${owed(a)}被拖欠的工资一共多少钱，例如：8000、一万二、2万多。` };
          if (!p.ok) return p;
          // `两万不到`, `不到两万`: below the figure, kept as about it; said back and confirmed.
          // `好像是8千还是9千 记不清了`: one figure or the other, said with doubt; between the two, said back and confirmed
          // (never taken as said). `七千还是七千二` alone stays the range it reads as.
          const either = p.value.upTo !== null && /还是|或者|或是/u.test(t) && /记不清|记不太清|不记得|记不得|忘了|说不准|说不清|不确定|好像|可能|也许|大概/u.test(t);
          const below = /不到|不足|没到|以内|以下/u.test(t) || either;
          const r = checked(p.value, checkOwnAmount(p.value, a), below);
          return below && r.ok && !r.ack ? { ...r, ack: `您说“${t.trim()}”，先按${showAmount(p.value)}记。` } : r;
        })(said);
        const r = own.rest !== undefined && r0.ok && !r0.stay && !r0.exit && r0.value !== undefined ? { ...r0, confirm: true as const } : r0;
        if (!DEPOSIT.test(said) || !r.ok || r.stay || !('value' in r) || !r.value) return r;
        return { ...r, confirm: true, ack: `${r.ack ?? ''}押金不算在拖欠的工资里，这里先只记工资${showAmount(r.value)}；押金的事记在事情经过里，工作人员会一起看。` };
      }),
      show: (v, a) => (v.how ? `${showAmount(v)}（${v.how}）` : v.readTotal && (a.period?.months ?? v.readTotal) === v.readTotal ? `${showAmount(v)}（${v.readTotal}个月一共）` : showAmount(v)),
      help: '说被拖欠的工钱总数，大概的数也可以（比如「两万多」），工作人员会和您核对。大家一起被欠的，可以说「我自己两万八，我们一共三十多万」。',
    }),
    f.text('headcount', {
      label: '被拖欠人数',
      when: (a) => !household(a),
      ask: (a) => (a.onBehalf ? `一共有多少人被拖欠？例如：就${them(a)}一个、二十多个人。` : '一共有多少人被拖欠？例如：就我一个、二十多个人。'),
      notText: '请用文字告诉我人数。',
      names: /被拖欠人数|人数|几个人|多少人/,
      numeric: true,
      parse: (t0, a, ctx) => {
        // `现在被欠钱的大概十五六个`: who is counted said before the count (the words were not read at all).
        const t = t0.replace(/^\s*(?:现在|目前|真正|实际)?(?:被欠(?:钱|工资|工钱)?|没拿到(?:钱|工资|工钱)?)的(?:人)?(?:有|是|一共)?(?=[0-9一二两三四五六七八九十几大差估将]|大概|差不多)/u, '');
        // `我们一个班组的算吗`: whom to count, asked; answered, and the number asked (never read as 就我一个).
        if (WHO_COUNTS.test(compact(t)) && isQuestionLike(t)) {
          return { ok: false, conflict: true, error: `算的。和${owed(a)}一起被这个老板欠工资的都算，班组里的工友也算，包括${owed(a)}自己。一共大概多少人？例如「8个人」「二十多个」。` };
        }
        // `我自己干的`, `我一个人干的`: worked alone, so likely the only one owed; read as 就我一个, said back and confirmed
        // (never taken unasked: it says who did the work, not who is owed).
        if (!a.onBehalf && WORKED_ALONE.test(compact(t))) return { ok: true, value: { count: 1, approximate: false }, confirm: true };
        // `我们几个`, `就几个人`: a few, no figure (an answer, not a question): the small rough figures to choose from.
        // `好几个`, `有好几个人`: more than a few, still no figure (never a count): the same, from three up.
        if (A_FEW.test(compact(t))) return { ok: false, conflict: true, error: `连${owed(a)}自己算上，大概几个人？选一个最接近的就行：`, options: /好几/u.test(t) ? SEVERAL_HEADCOUNTS : FEW_HEADCOUNTS };
        // `厂里有3000人`, `我们车间有50个人`: how many work there, not how many are owed: asked (never taken, nor offered
        // at another question as the headcount).
        if (workplaceSize(t)) return { ok: false, conflict: true, error: `这是单位里一共有多少人吧？这里问的是被拖欠工资的有多少人（连${owed(a)}自己算上），例如「就我一个」「二十多个人」；大家都被欠了的话，就说「都被欠了，两百多人」。` };
        // `他们有五个人`, Cantonese `佢哋有五个人`: a count said of "them", which may or may not take the person in: said
        // back with the person counted in, and confirmed (never taken as said).
        const theirs = /^(?:他们|她们)(?:一共|总共|加起来)?(?:有|是)?(?=.)(.+)$/u.exec(compact(t));
        const theirCount = theirs && !/自己|连我|加上我|算上我|包括我/u.test(theirs[1]!) ? parseHeadcount(theirs[1]!) : null;
        if (theirCount?.ok && theirCount.value.count >= 2) {
          const n = theirCount.value;
          return { ...checked(n, checkHeadcount(n, a), true), ...(checkHeadcount(n, a) ? {} : { ack: `连${owed(a)}自己算上，一共${headcountText(n)}。` }) };
        }
        // `还有我老乡两个`, `还有两个人`: others besides the person; counted with them, and confirmed.
        const others = besidesMe(t);
        if (others) return { ...checked(others, checkHeadcount(others, a), true), ...(checkHeadcount(others, a) ? {} : { ack: `连${owed(a)}自己算上，一共${headcountText(others)}。` }) };
        // `我一个人 还有个老乡也被欠了`: others owed too, no figure for them; never 就我一个 (read from its first clause).
        // One other named is two in all, said back and confirmed; more (`还有几个工友`), the count asked.
        const beside = othersToo(t);
        const said = beside ? parseHeadcount(t) : null;
        // `五六个吧 我 我表哥 还有几个老乡`: the count said first, then who they are (others among them): that count,
        // confirmed (the count was asked again).
        // Only with the person listed first among them (`我 我表哥 …`): the count is then of all of them.
        const [head, ...listed] = t.trim().split(/[\s,，。、]+/u);
        const first = beside && !said?.ok && /^(?:我|俺)(?:自己)?$/u.test(listed[0] ?? '') ? parseHeadcount(head ?? '') : null;
        if (first?.ok && first.value.count >= 2) return checked(first.value, checkHeadcount(first.value, a), true);
        if (beside && !(said?.ok && said.value.count >= 2)) {
          if (beside.one) {
            const two = { count: 2, approximate: false };
            return { ...checked(two, checkHeadcount(two, a), true), ...(checkHeadcount(two, a) ? {} : { ack: `连${owed(a)}自己算上，一共2个人。` }) };
          }
          return { ok: false, conflict: true, error: `还有别人也被欠了的话，连${owed(a)}自己算上，一共几个人？例如「3个人」「五六个」「十几个」。` };
        }
        // `不清楚 反正很多人`: no figure, but many; a rough one chosen (recorded as approximate), never left unknown.
        // `好几十个`, `几十个人吧`: tens, no figure either.
        const tens = /^(?:大概|差不多|估计|得有|有|反正)?(?:好)?几十(?:个|个人|人|号人|来个)?(?:吧|左右|呢)?$/u.test(compact(t));
        // `全厂的人都没拿到`, `全店都欠着`: everyone at the workplace, no figure; rough figures to choose from, small ones too.
        if ((EVERYONE_THERE.test(compact(t)) || (a.construction !== undefined && EVERYONE_ON_SITE.test(compact(t)))) && !/\d|[一二两三四五六七八九十百几]/u.test(compact(t))) {
          // `整个工地的人` after 「工程建设项目：不是」: the count asked; the project answer only offered to change, never changed.
          const site = a.construction === false && /工地|项目/u.test(t) ? '您前面说不是工程建设项目，如果其实是工地上的活，回复「改工程建设项目」就行。\n' : '';
          return { ok: false, conflict: true, error: `${site}${ROUGH_HEADCOUNT_ASK}`, options: [...FEW_HEADCOUNTS.slice(0, 2), ...ROUGH_HEADCOUNTS] };
        }
        if (tens || (MANY_PEOPLE.test(compact(t)) && !/\d|[一二两三四五六七八九十百]/u.test(compact(t).replace(/一大?(?:帮|群|堆|伙)/u, '')))) {
          return { ok: false, conflict: true, error: ROUGH_HEADCOUNT_ASK, options: ROUGH_HEADCOUNTS };
        }
        // `上百个`, `一百来个` (also the rough choice): about a hundred.
        if (/^(?:大概|差不多|估计|得有|有)?(?:上百|近百|百来|一百来|将近一百|快一百)(?:个|个人|人|号人|名)?(?:吧|左右)?$/u.test(compact(t))) {
          const about = { count: 100, approximate: true, about: true as const };
          return checked(about, checkHeadcount(about, a));
        }
        // `大家一共三十万`: the group's total, kept; the count asked again.
        const aside = groupSumAside<NonNullable<WageAnswers['headcount']>>(t, a, `一共有多少人被拖欠？例如：${a.onBehalf ? `就${them(a)}一个` : '就我一个'}、二十多个人。`, ctx.now);
        if (aside) return aside;
        // `老板昨天给了3000`: money paid, no people: never a count; said back, and the count asked again.
        const paid = paidAside<NonNullable<WageAnswers['headcount']>>(t, a, `一共有多少人被拖欠？例如：${a.onBehalf ? '就他一个' : '就我一个'}、二十多个人。`, ctx.now);
        if (paid) return paid;
        // `八千 三个月`: money and months said again (or anew) here, no people: never a count; said so, asked again.
        const notPeople = moneyAtHeadcount(t, a);
        if (notPeople) return notPeople;
        // For someone else, `就他一个` is the worker alone, as `就我一个` is for the person.
        // `二十多个摘茶的`, `十来个搬砖的`: the count, then what those people do (the words were not read at all).
        const doers = t.trim().replace(/(?<=[0-9一二两三四五六七八九十百几多来]个)(?:人)?(?:摘|采|搬|扎|绑|砌|挑|种|割|收|送|开|做|干|打|扛|修|装|拉|跑)[\p{Script=Han}]{1,3}的(?:人|工人)?$/u, '');
        const p = parseHeadcount(a.onBehalf ? doers.replace(/^(就|只有?|仅)?(?:他|她)(?=自己|一个|1个|一人|1人|$)/u, '$1我') : doers);
        // `十几二十个`: between two tens, a reading of the words; said back and confirmed.
        return p.ok ? checked(p.value, checkHeadcount(p.value, a), p.value.upTo !== undefined && /几/u.test(t)) : p;
      },
      // `不知道`, `说不好`: the same rough figures to choose from (once; said again, the usual answer to not knowing).
      // Small figures first: not knowing how many is no sign that many are owed.
      unsure: () => ({ ask: `没关系，${ROUGH_HEADCOUNT_ASK}`, options: [...FEW_HEADCOUNTS.slice(0, 2), ...ROUGH_HEADCOUNTS] }),
      // One, as understood (`就我一个`, `只有我`, `1`): a figure, with whom it means; never the bot saying 「就我一个」.
      show: (v, a) => (v.count === 1 && !v.approximate ? `1人（就${a.onBehalf ? them(a) : '您'}自己）` : headcountText(v)),
      help: '包括您在内，同一个老板欠工资的人数，大概就行。10人以上我们会优先处理。',
    }),
    f.text('groupAmount', {
      label: '大家一共被拖欠',
      when: group,
      optional: true,
      ask: (a) =>
        `${a.onBehalf ? `${them(a)}们` : '你们'}${a.headcount ? headcountText(a.headcount, '个人') : ''}一共被拖欠多少钱？${a.amount ? `（${owed(a)}自己的${showAmount(a.amount)}已经记下了）` : ''}知道个大概就行，不清楚回复「不知道」。`,
      names: /一共|总共|大家|加起来/,
      numeric: true,
      parse: (t, a) => {
        if (NOT_KNOWN.test(compact(t))) return { ok: true, value: null };
        // `不知道别人的 各算各的 他们自己会报`: the others' sums not known, each reporting their own: not known.
        if (OTHERS_NOT_KNOWN.test(compact(t).replace(/[，,。.!！]/gu, ''))) return { ok: true, value: null };
        // `张三 12000 13800138000 李四 9500`: the roster, typed here; kept for the roster question, and this one asked again.
        const roster = typedRoster(t);
        if (roster) {
          const c = checkRoster(roster, a);
          if (c?.kind === 'refuse') return { ok: false, error: c.error, conflict: true };
          const n = a.headcount ? headcountText(a.headcount, '个人') : '';
          return {
            ok: true,
            stay: true,
            set: { roster: { entries: roster, files: a.roster?.files ?? [] } },
            ack: `名单记下了（${roster.map((e) => e.name).join('、')}），后面不用再发。那你们${n}一共被拖欠多少钱？知道个大概就行，不清楚回复「不知道」。`,
          };
        }
        // `我老公八千` with the two of them counted: his share; with the person's own, what the two come to (confirmed).
        const kin = KIN_FIGURE.exec(compact(t));
        const kinSaid = kin && !a.onBehalf ? parseAmount(kin[3]!) : null;
        const whose = kin ? (kin[1] ? `您${kin[1]}` : kin[2]!) : '';
        if (kin && kinSaid?.ok) {
          const mine = a.amount;
          if (mine && mine.upTo === null && kinSaid.value.upTo === null && a.headcount?.count === 2 && !a.headcount.approximate) {
            const total = { yuan: mine.yuan + kinSaid.value.yuan, approx: mine.approx || kinSaid.value.approx, upTo: null };
            return { ok: true, value: total, confirm: true, ack: `您自己${showAmount(mine)}，加上${whose}的${showAmount(kinSaid.value)}，一共${showAmount(total)}。` };
          }
          return { ok: false, conflict: true, error: `${showAmount(kinSaid.value)}是${whose}的。你们${a.headcount ? headcountText(a.headcount, '个人') : ''}加起来一共被拖欠多少？不清楚就回复「不知道」。` };
        }
        // `每人一万`, `都一样` (each owed as much as the person): that share times the count, when the count is exact
        // (worked out, and confirmed); never the share itself as everyone's total.
        const share = perPersonAmount(t) ?? (SAME_EACH.test(compact(t)) && a.amount && !a.onBehalf ? a.amount : null);
        if (share && share.upTo === null && a.headcount && !a.headcount.approximate && a.headcount.count >= 2) {
          const n = a.headcount.count;
          const total = { yuan: Math.round(share.yuan * n * 100) / 100, approx: share.approx, upTo: null };
          const c = checkGroupAmount(total, a);
          if (c?.kind === 'refuse') return { ok: false, conflict: true, error: c.error };
          return { ok: true, value: total, confirm: true, ack: `按每人${showAmount(share)}、${n}个人算，一共${showAmount(total)}。` };
        }
        // `包工头那边记的是十八万多 我们自己算是二十万 差了一截`: the boss's figure and the workers' own: their own, said back
        // with the other and confirmed (the two figures made the words unread).
        const both = BOSS_THEN_OURS.exec(compact(t).replace(/[，,。.!！]/gu, ''));
        const [theirs, ours] = both ? [parseAmount(both[2]!), parseAmount(both[3]!)] : [null, null];
        if (both && theirs?.ok && ours?.ok && !sameAmount(theirs.value, ours.value)) {
          return { ...checked(ours.value, checkGroupAmount(ours.value, a), true), ack: `${both[1]}那边记的是${showAmount(theirs.value)}，你们自己算的是${showAmount(ours.value)}，先按你们算的记。` };
        }
        // `两个人一万二`: the count said again before the total (the same as counted).
        const counted = /^(?:我们|咱们|俺们)?([0-9两俩二三四五六七八九十]+)个?人(?:的)?(?:工资|工钱)?(?:一共|总共|加起来|合计)?(?=.)/u.exec(compact(t));
        const sameCount = counted && a.headcount && parseHeadcount(`${counted[1]}个人`).ok && (parseHeadcount(`${counted[1]}个人`) as { value: { count: number } }).value.count === a.headcount.count;
        const p = parseAmount(
          // `加起来 差不多 三十来万吧`: the words for everyone's sum said with a pause after them (voice input) too.
          (sameCount ? compact(t).slice(counted[0].length) : t).replace(/^(?:我们|大家|大伙儿?|大家伙|全班组|整个班组|班组|全部|所有人)?[\s,，]*(?:加起来|合起来|加一起|加在一起|合在一起)?[\s,，]*(?:总共|一共|合计|总的)?[\s,，]*(?:(?:我|我们|俺|俺们|大家)?(?:算|合计|统计)了?(?:一下|下)?(?:是|有)?[\s,，]*)?(?:欠|拖欠|被欠|被拖欠|差(?!不多))?(?:了)?(?:是)?[\s,，]*/u, ''),
        );
        if (!p.ok) return p;
        const c = checkGroupAmount(p.value, a);
        // The same figure as "own" for two or more people. Said as everyone's (`大家一共12000`): it was the group's total,
        // and their own share is asked. Said bare (`一万二`), it is most likely their own share again: asked, never a guess.
        if (!c && a.amount && sameAmount(a.amount, p.value) && a.headcount && a.headcount.count >= 2) {
          if (SAID_FOR_ALL.test(compact(t))) return { ok: true, value: p.value, set: { amount: undefined }, ack: `好的，你们一共${showAmount(p.value)}。` };
          const own = showAmount(a.amount);
          return {
            ok: false,
            conflict: true,
            error: `${own}是您自己被拖欠的。你们${headcountText(a.headcount, '个人')}加起来一共被拖欠多少？不清楚就回复「不知道」。`,
            options: [
              { label: '不知道', value: '不知道' },
              { label: `${own}就是大家一共的`, value: `大家一共${p.value.yuan}元` },
            ],
          };
        }
        return checked(p.value, c);
      },
      show: (v) => (v ? showAmount(v) : '不清楚'),
      help: '所有被拖欠的人加起来的数，知道个大概就行，能帮工作人员判断事情有多大。',
    }),
    f.yesNo('stillEmployed', {
      label: '是否还在职',
      ask: (a) => `${owed(a)}现在还在这家${household(a) ? '' : '单位'}干吗？`,
      // `还没干完`: the job not finished yet, still there; `活干完了`, `完工了`: a job done (informal work), gone.
      // `干到过年`, `打算干到过年就走`, `打算干到月底就辞职`: a plan to leave later, still there now (never read as gone;
      // `去年干到年底就走了` is gone; `干到过年就不干了`, maybe past, picks neither: its 不干 is no 已经离开 alone).
      yes: { label: '还在干', words: new RegExp(`还在|在干|没走|没离开|还没走|继续干|干着呢|在职|在上班|还(?:天天|每天)?(?:去|得去)(?:上班|干活|干|做)|没辞|没离职|请假|没(?:干|做)完|没完工|^在(?:呢|的|啊|哦)?$|^在(?:呢|的|啊|哦)[,，。\\s]|(?:不让|不准|不放|不许)(?:我|俺|我们|俺们)?走|${PLAN_TO_LEAVE.source}`, 'u') },
      // `在的 老板不让走`: still there, held (a boss who will not let them go). `回老家了 还没辞`: gone home, not quit.
      // `准备走了`, `不敢走`: not gone yet. `走` alone (a terse 走了) at this question: gone.
      no: { label: '已经离开', words: /(?<!没|还没|没有|准备|打算|想|要|快|不敢|怕)(?<!(?:这个?月底|下个?月|下周|下礼拜|明天|明年|过几天|过两天)(?:就|再|才)?(?:要)?)(?<!^(?!.*(?:去年|前年|上个?月|那年|当时|之前|以前|那会|已经|早就)).*(?:干|做|待|呆|上班)到(?:过年|过完年|年底|年前|年后|月底|春节|明年|下个?月|腊月|完工|工程完|活干完)(?:就|再|才)?)(?:走了|走的|离开|辞职|辞工|辞了|辞的|辞掉|离职|不干|不做|没干(?!完)|被开|被辞|被炒|(?<!(?:没|没有|还没)(?:辞(?![退掉了])|辞职|辞工|离职).*)(?:回老家|回家了)(?!.*(?:没|没有|还没)(?:辞(?![退掉了])|辞职|辞工|离职))|(?:干|做)完了|完工了)|(?:冇|唔)(?:做|干|返工)(?:了|咗|啦)?$|(?<!还)没(?:做|返工)(?:了|啦)$|走咗|辞咗|早走|早就走|老早|被[\p{Script=Han}]{1,3}(?:开了|开除|辞退|炒了)|开除|没去了|不去了|没再去|倒闭|关门了|关了门|黄了|停产了|(?:老板|包工头|工头)(?:都|已经|早)?(?:跑了|跑路|找不到|联系不上)|^不在(?:了|那|那儿|那里|那干了?)?$|^走$/u },
      retry: '请回复1（还在干）或2（已经离开）。',
      // `老板让我回家等通知`, `停工了`, `没活了`: sent home is neither answer (it decides how long they have to claim);
      // which one is asked, never guessed.
      neither: {
        test: employmentUnclear,
        options: UNCLEAR_EMPLOYMENT_OPTIONS,
        ask: (a) => unclearEmploymentAsk(Boolean(a.onBehalf)),
        again: (a) => unclearEmploymentAgain(Boolean(a.onBehalf)),
        answer: unclearEmploymentAnswer,
      },
      // `五一后就不干了`, `我5月就不干了` with wages owed from September: gone, and the month said is said back with why it
      // does not fit before 「什么时候离开的？」 is asked (never dropped without a word); one inside the period is asked
      // about with its choices, as the month alone is (read below).
      beside: (t, a, ctx) => {
        // `我老婆早走了 我还没定`: a relative's leaving and the person's own said apart, where the report is not known to be
        // for the relative: the person's own asked.
        const kin = a.onBehalf ? null : KIN_FIRST.exec(compact(t));
        if (kin && /[我俺]/u.test(compact(t).slice(kin[0].length))) return { ok: false, conflict: true, error: `您说的是您${kin[1]}的情况。您自己现在还在这家${household(a) ? '' : '单位'}干吗？`, options: STILL_OPTIONS };
        // `合同没到期 但两个月没去了`: not going, but not said to have left; which, asked.
        if (/合同(?:还)?(?:没|未|没有)(?:到期|满|结束)/u.test(t) && /没去|不去|没上班|没干/u.test(t)) {
          return { ok: false, conflict: true, error: '合同没到期，但您已经有一阵没去了。您是已经不在那干了，还是请假、放假之类，之后还要回去干？', options: STILL_OPTIONS };
        }
        if (findStillEmployed(t) !== false || LEFT_CHOICE.test(t)) return null;
        const said = findLeftSince(t, ctx.now);
        const c = said ? checkLeft(said.month, a) : null;
        if (!said || c?.kind !== 'refuse') return null;
        const against = leftAgainstPeriod(said.month, a, ctx.now);
        return against && !against.ok ? against : { ok: true, value: false, ack: c.error };
      },
      // `10月底`, `上个月`: when they left, said for whether they still work there: gone, and that month (confirmed).
      read: (t, a, ctx) => {
        // A choice offered below when the month left did not fit the period: gone, that month, and the period chosen.
        if (LEFT_CHOICE.test(t)) {
          const chosen = leftSinceAnswer(t, { ...a, stillEmployed: false }, ctx);
          return chosen.ok && !chosen.stay && !chosen.exit ? { ok: true, value: false, set: { ...(chosen.set ?? {}), leftSince: chosen.value }, ...(chosen.ack ? { ack: chosen.ack } : {}), ...(chosen.confirm ? { confirm: true } : {}) } : null;
        }
        // `早不干了 十月底走的`: gone said first, then the month (read as the month alone is).
        const after = t.trim().replace(/^(?:早|早就|老早|已经|早都)?(?:不干了|走了|没干了|不做了|离开了?|辞了|辞职了|辞工了|离职了|被(?:老板)?(?:辞退|开除|炒)了)[,，。\s]*(?=\S)/u, '');
        if (after !== t.trim()) t = after;
        if (!LEFT_WHEN_ALONE.test(compact(t)) && !leftAtFestival(t, ctx.now)) return null;
        // A month that is no month left (a day still ahead): no answer here.
        const day = leftDayRead(t, ctx.now, a);
        const said = day ? (day.ok ? day.value.month : null) : (() => { const r = readLeft(t, ctx.now); return r.ok ? r.value.month : null; })();
        if (said === null) return null;
        const left = leftSinceAnswer(t, { ...a, stillEmployed: false }, ctx);
        if (left.ok && !left.stay && !left.exit) return { ok: true, value: false, set: { ...(left.set ?? {}), leftSince: left.value }, confirm: true, ack: left.ack };
        // `10月份就不干了` with wages owed to November: which period is meant is asked here, with the month said kept in
        // its choices (never the month dropped and 「什么时候离开的？」 asked from scratch).
        if (!left.ok && left.options?.length) return left;
        // The month does not fit the arrears period said (`10月底` with wages owed to now): gone, confirmed; the month
        // is asked next, where how it fits the period is sorted out. Never the period changed from here.
        return { ok: true, value: false, confirm: true };
      },
      clears: ['leftSince'],
      names: /在职|还在干|离职|离开/,
      help: '离开以后，要钱有时间限制（比如劳动仲裁一般是离开后1年），所以要问清楚。',
    }),
    f.text('leftSince', {
      label: '离开时间',
      when: (a) => a.stillEmployed === false,
      ask: '什么时候离开的？例如：今年3月、去年10月。',
      notText: '请用文字告诉我离开的月份。',
      names: /离开时间|离开|走的时间|辞职时间/,
      parse: leftSinceAnswer,
      show: (v) => showMonth(v),
      help: '说离开的月份就行，比如「今年3月」。',
    }),
    withLabel(f.text('employerAddress', {
      label: '单位地址',
      optional: true,
      verbatim: true,
      ask: (a) =>
        `还有几项补充信息，能帮工作人员更快核实。不知道的回复「不知道」，都不想填就回复「${SKIP_REST}」。\n` +
        (household(a) ? '雇主家住在哪里？写个大概就行，例如「河西街道锦绣花园3栋」。' : '单位的地址在哪里？写个大概就行，例如「东龙镇工业园2号」。'),
      notText: '请用文字告诉我地址。',
      names: /单位地址|公司地址|雇主(?:家)?(?:的)?地址|老板(?:家)?(?:的)?地址/,
      parse: (t, a) => supplement('employerAddress', t, a, () => addressAnswer(t, household(a) ? '河西街道锦绣花园3栋' : '东龙镇工业园2号')),
      show: (v) => v ?? '不清楚',
      help: '工作人员上门核实、调解时要用到地址。说个大概就行，比如哪个工业园、哪条路、哪个小区。',
    }), (a) => (a.employerKind === 'household' ? '雇主家地址' : '单位地址')),
    f.text('projectAddress', {
      label: '项目地址',
      when: building,
      optional: true,
      verbatim: true,
      ask: `工地在什么地址？写个大概就行，例如「河西街道滨江路18号」。不知道就回复「不知道」，后面的都不想填就回复「${SKIP_REST}」。`,
      notText: '请用文字告诉我工地的地址。',
      names: /项目地址|工地地址|工地在哪/,
      parse: (t, a) => supplement('projectAddress', t, a, () => addressAnswer(t, '河西街道滨江路18号')),
      show: (v) => v ?? '不清楚',
      help: '工地大门口的项目公示牌上一般写着项目地址。说个大概就行，比如哪条路、挨着哪个小区。',
    }),
    f.text('generalContractor', {
      label: '总包单位',
      when: building,
      optional: true,
      freeText: true,
      ask: '这个项目的总包单位（总承包的公司）是哪家？工地大门口的公示牌上一般写着。',
      options: () => SUPPLEMENT_OPTIONS,
      notText: '请用文字告诉我总包单位的名字。',
      names: /总包|总承包/,
      parse: (t, a) => supplement('generalContractor', t, a, () => chainAnswer(t, a, '中建三局', '总包单位')),
      show: (v) => v ?? '不清楚',
      help: '欠农民工工资，总包单位要先行清偿，所以总包很重要。工地大门口的公示牌、工资专用账户的打款记录上一般都有。',
    }),
    f.text('subcontractor', {
      label: '分包单位',
      when: building,
      optional: true,
      freeText: true,
      ask: '分包单位（比如劳务公司）是哪家？',
      options: () => SUPPLEMENT_OPTIONS,
      notText: '请用文字告诉我分包单位的名字。',
      names: /分包|劳务公司/,
      parse: (t, a) => supplement('subcontractor', t, a, () => chainAnswer(t, a, '青溪宏图劳务有限公司', '分包单位')),
      show: (v) => v ?? '不清楚',
      help: '总包下面把活分出去的公司，常见的是劳务公司。劳动合同、工资条、考勤表上可能有它的名字。',
    }),
    f.text('labourContractor', {
      label: '包工头',
      when: building,
      optional: true,
      ask: (a) => {
        // A person who owes (`老王`, or a foreman written 老王（包工头）) may be the one: said by name.
        const boss = foremanOf(a.employer) ?? (a.employer && mayBePerson(a.employer) ? a.employer : null);
        return `带${owed(a)}干活的包工头或班组长叫什么？${boss ? `就是「${boss}」的话，回复「就是他」。` : ''}`;
      },
      options: () => SUPPLEMENT_OPTIONS,
      notText: '请用文字告诉我包工头的名字。',
      names: /包工头|班组长|工头|带班/,
      parse: (t, a) =>
        supplement<string>('labourContractor', t, a, () => {
          // `刘大壮 13912345678`: the name, confirmed; the number is the contractor's (no field keeps it), never the person's.
          const withPhone = labourContractorWithPhone(t, a.employer)?.answer;
          if (withPhone?.ok) return { ok: true, value: withPhone.value, confirm: true, ack: '包工头的电话这里先不用记，需要时工作人员会再问您。' };
          // `王建军 大家都叫他王工`: the name, then what people call him (two names made it unread): the name, confirmed.
          const called = /^(\S+?)[,，。\s]+(?:大家|我们|工友们?|平时|平常|工地上|大伙儿?)?(?:都|一般|平时)?(?:叫|喊|称呼)(?:他|她)[\p{Script=Han}A-Za-z]{1,4}(?:的)?$/u.exec(t.trim());
          const calledName = called ? labourContractorAnswer(called[1]!, a.employer) : null;
          if (calledName?.ok) return { ...calledName, confirm: true };
          const p = labourContractorAnswer(t, a.employer);
          if (p.ok) return /[,，\s]/u.test(t.trim()) ? { ...p, confirm: true } : p;
          // `老板说年底结 现在人都找不到了`: what happened, not a name; kept as the account (asked later otherwise).
          if (ACCOUNT_WORDS.test(t) && compact(t).length >= 6 && a.account === undefined) {
            return {
              ok: true,
              stay: true,
              set: { account: [...maskNumbers(t.trim())].slice(0, 500).join('') },
              ack: `这段经过我记下了，后面不用再说。那包工头或班组长叫什么？不知道就回复「不知道」。`,
            };
          }
          return { ok: false, error: p.error, conflict: true };
        }),
      show: (v) => v ?? '不清楚',
      help: '包工头或班组长的名字能帮工作人员尽快找到人。叫「老王」「王哥」也可以。',
    }),
    f.text('trade', {
      label: '工种',
      optional: true,
      freeText: true,
      ask: (a) =>
        `${owed(a)}做的是什么${household(a) ? '活？例如：保姆、月嫂、护工、钟点工、装修。' : '工种？例如：钢筋工、木工、普工、服务员、司机。'}`,
      options: () => SUPPLEMENT_OPTIONS,
      notText: '请用文字告诉我您做什么活。',
      names: /工种|干什么活|做什么活/,
      parse: (t, a) =>
        supplement('trade', t, a, () => {
          const p = tradeAnswer(t);
          return p.ok ? p : { ok: false, error: p.error, conflict: true };
        }),
      show: (v) => v ?? '未填写',
      help: '工种能帮工作人员核算工钱。说您平时干的活就行，比如「扎钢筋」「开车」「当保姆」。',
    }),
    f.input('roster', {
      label: '工友名单',
      when: group,
      acceptsFiles: true,
      optional: true,
      verbatim: true,
      ask: (a) => {
        const have = rosterSize(a.roster);
        return have > 0
          ? `名单已经记下${have}项。还有可以接着发，发完请回复「完成」。`
          : '有被拖欠工友的名单吗？可以直接发名单的照片或表格；也可以一个人写一行：名字、被拖欠的钱，电话可写可不写，例如：\n张三 8000 13800138000\n李四 9500\n发完回复「完成」，没有名单就回复「没有」。';
      },
      input: (input, a) => rosterInput(input, a),
      show: (v) => (v ? showRoster(v) : '暂无'),
      help: '名单能帮工作人员逐个核实、一起讨薪。电话只有负责的工作人员能看到。名单照片、Excel表格都可以，每份不超过20MB。',
    }),
    f.text('account', {
      label: '事情经过',
      optional: true,
      verbatim: true,
      ask: (a) => `请用一两句话说说事情经过，比如${household(a) ? '雇主' : '老板'}怎么说的、答应什么时候给钱。不想说就回复「跳过」。`,
      notText: '请用文字说说事情经过；照片和文件下一步再发。',
      names: /事情经过|经过|情况说明/,
      parse: (t) => (skipsRest(t) ? { ok: true, value: null } : accountAnswer(t)),
      show: (v) => (v ? ([...v].length > 40 ? `${[...v].slice(0, 40).join('')}…` : v) : '未填写'),
      help: '用您自己的话说就行，比如「老板说年底一起结，过完年人就联系不上了」。工作人员会先看这段话。',
    }),
    f.input('evidence', {
      label: '证据材料',
      acceptsFiles: true,
      optional: true,
      // `截图行不行`, `录音算证据吗`, `手写的本子也可以吗`: whether a kind counts, answered (it was the knowledge base's list
      // of what to keep), then the question again; nothing taken.
      asked: (t) => kindCountsAsked(t),
      ask: (a) => {
        const n = (a.evidence ?? []).length;
        return n > 0
          ? `已收到${n}份材料。还有可以继续发，发完请回复「完成」。`
          : a.evidenceSaid && !a.evidenceHeld
            ? evidenceSaidAsk(a.evidenceSaid, a)
          : a.onBehalf
            ? `${them(a)}有工资条、考勤记录、欠条、聊天记录之类的证据吗？您手上有的话，可以直接发照片或文件，发完回复「完成」；没有就回复「没有」。`
            : '有工资条、考勤记录、欠条、聊天记录之类的证据吗？可以直接发照片或文件，发完回复「完成」；没有就回复「没有」。';
      },
      input: (input, a) => {
        const have: FileRef[] = a.evidence ?? [];
        if (input.kind === 'file') {
          if (have.length >= MAX_EVIDENCE_FILES) {
            return { ok: false, error: `最多可以发${MAX_EVIDENCE_FILES}份材料，已经够了。请回复「完成」继续。` };
          }
          const files = [...have, input.file];
          return { ok: true, value: files, stay: true, ack: `收到「${input.file.name}」，共${files.length}份。还有可以继续发，发完请回复「完成」。` };
        }
        if (input.kind === 'file-rejected') return { ok: false, error: input.reason };
        // Trailing particles and stops off: 发完了吧 is 发完了, 没有啊 is 没有.
        const t = input.text.trim().replace(/[吧啊呀哦嘛呢啦～~。.!！,，\s]+$/u, '');
        // Evidence said before (`我有欠条` in the first message): kept as held once the question is answered, as `有欠条` said
        // here is; an inference (`老板给我打了欠条`) only with a yes; `没有` (no longer) keeps nothing.
        const early = a.evidenceSaid && !a.evidenceHeld ? a.evidenceSaid : null;
        if (early && (EVIDENCE_YES.test(t) || (!early.inferred && (EVIDENCE_DONE.test(t) || (EVIDENCE_NONE.test(t) && !EVIDENCE_GONE.test(t)))))) {
          return { ok: true, value: have, set: { evidenceHeld: early.words }, ack: have.length > 0 ? undefined : `好的，记下了您手上有${early.kinds.join('、')}，工作人员联系您时会跟您要。以后方便了，拍照直接发给我就行，会补充到案件里。` };
        }
        if (EVIDENCE_DONE.test(t) || EVIDENCE_NONE.test(t)) return { ok: true, value: have };
        // `等会再发`: not a no, and not yet: the question stays, said kindly (files sent after submitting join the report: flows/evidence-desk.ts).
        if (EVIDENCE_LATER.test(t)) return { ok: false, error: EVIDENCE_LATER_REPLY };
        // `有聊天记录 怎么发`: how to send in WeChat.
        if (HOW_TO_SEND.test(t)) return { ok: false, error: EVIDENCE_HOW, conflict: true };
        // `有欠条`, `有 但在老乡手机里`, `有考勤表 不过在厂里`: that it exists is recorded for staff, and on.
        const held = evidenceHeld(t);
        if (held) {
          const all = a.evidenceHeld ? `${a.evidenceHeld}；${held}` : held;
          // `工资条在老板那`: the unit holds it (staff ask the unit, never the person); `有个欠条 但是找不到了`: lost (staff
          // will not ask for it either). Each said so; what was said is noted for staff all the same.
          const c = compact(t);
          const ack = HELD_BY_UNIT.test(c)
            ? '好的，记下了。材料在单位那边也没关系，工作人员核实时可以找单位要。以后您手上有了，拍照发给我就行。'
            : /找不到|丢了|弄丢|删了|不见了/u.test(c)
              ? '好的，记下了。找不到也没关系，工作人员核实时会想别的办法；找到了拍照发给我就行，会补充到案件里。'
              : '好的，记下了，工作人员联系您时会跟您要。以后方便了，拍照直接发给我就行，会补充到案件里。';
          return { ok: true, value: have, set: { evidenceHeld: all }, ack };
        }
        // `照片`, `截图`, `我拍了照片`: a kind of evidence named alone, neither sent nor said held: how to send it, and a
        // choice to note it as held (never the same request again and again).
        const named = KIND_NAMED_ALONE.exec(compact(t));
        if (named) {
          return {
            ok: false,
            conflict: true,
            error: `有${named[1]}的话，可以直接发给我：点输入框旁边的「+」，选「相册」或「文件」发送，发完回复「完成」。现在发不了就选「先记下」，我记下您手上有${named[1]}；没有就回复「没有」。`,
            options: [
              { label: '先记下', value: `我有${named[1]}` },
              { label: '没有', value: '没有' },
            ],
          };
        }
        // `都在老板那`, `考勤在厂里`: nothing in their own hands; the unit keeps it, which staff can ask for. On, said so.
        if (EVIDENCE_WITH_EMPLOYER.test(t)) return { ok: true, value: have, ack: '好的。材料在单位那边也没关系，工作人员核实时可以找单位要。以后您手上有了，拍照发给我就行。' };
        // `工作群里老板说过会给钱`: chat records likely held, asked (a yes takes them as held).
        const group = groupChatSaid(t);
        if (group) return group;
        const said = compact(t);
        // `没有欠条`, `没欠条也没合同`: none, said with the kinds.
        if (/^(?:没有|没|无)/u.test(said) && EVIDENCE_KINDS.test(said) && !/(?<!没)有(?!用)/u.test(said.replace(/^(?:没有|没|无)/u, ''))) return { ok: true, value: have };
        // `朋友有欠条`, `老板以为我有欠条`, `他说有欠条`: evidence named, not said to be in the person's own hands: asked
        // whose hands it is in (only their own is kept as held; in someone else's, kept as said), never the same request again.
        const kind = EVIDENCE_NAMED.find(([re]) => re.test(said))?.[1];
        if (kind && [...said].length <= 30) {
          return {
            ok: false,
            conflict: true,
            error: `${kind}在您自己手上吗？在的话可以直接拍照发给我，发完回复「完成」；现在发不了就选「在我手上」，我先记下来。`,
            options: [
              { label: '在我手上', value: `我有${kind}` },
              { label: '在别人手上', value: `${kind}在别人手上` },
              { label: '没有', value: '没有' },
            ],
          };
        }
        return { ok: false, error: '请直接发送照片或文件；发完回复「完成」，没有证据回复「没有」。' };
      },
      show: (files, a) => {
        const sent = files.length === 0 ? '暂无' : `${files.length}份（${files.map((x) => x.name).join('、').slice(0, 60)}）`;
        // What was said of evidence not sent, as said (`有考勤表 但是在老板那`, `欠条找不到了`): never called 「手上有」.
        const said = a.evidenceHeld ? [...a.evidenceHeld].slice(0, 30).join('') : null;
        return said ? (sent === '暂无' ? `未发送（您说：${said}）` : `${sent}；另外您说：${said}`) : sent;
      },
      help: '证据能帮工作人员更快核实。支持照片（jpg、png）和文件（pdf、word、excel），每份不超过20MB。没有也可以先提交，以后找到了再发给我，会补充到案件里。',
    }),
    f.text('contactName', {
      label: '联系人',
      ask: (a) => (a.onBehalf ? `${a.onBehalf.name ? laterNote(a) : ''}怎么称呼您？请写您自己的姓名，工作人员会联系您。` : '怎么称呼您？请写您的姓名。'),
      notText: '请用文字告诉我您的姓名。',
      freeText: true,
      names: /联系人|姓名|名字/,
      // `我叫啥不重要 你们找黄老板就行`, `名字不重要`: why a name is asked, and that a surname will do (「啥不重」 was
      // proposed as the name; then 「这个问题我还答不上来」).
      asked: (t) => (NAME_NOT_MATTERING.test(t) ? '名字只是方便工作人员联系您时称呼，写个姓就可以，比如「黄先生」「李女士」。' : null),
      // `马坪电子厂`: a unit's name, never the person's (it was once taken as 联系人 at 「哪一项不对？」).
      parse: (t) => {
        const r = nameAnswer(t);
        return r.ok && typeof r.value === 'string' && UNIT_NAMED.test(r.value) ? { ok: false, error: '这像是单位的名字。请写您自己的姓名，例如「王大军」。' } : r;
      },
      show: (v) => v,
      help: '工作人员联系您时会用到。',
    }),
    f.phone('phone', { ask: '您的手机号是多少？工作人员会打这个电话联系您。', help: '请填能打通的11位手机号，只有负责您案件的工作人员能看到完整号码。', names: /手机号|手机|电话|号码/ }),
  ].map(heedBehalf),
  // `老板欠我三干块` (a handwriting pad's 干 for 千): the sum as meant, where the words as typed hold none (facts are
  // confirmed before they are kept).
  extract: (typed, a, ctx) => slipAmountFact(typed, a, (said) => {
    const out: WageAnswers = {};
    // `三个人一共一万五`, `我们一共一万五 三个人`: read as `我们三个人一共欠了一万五` (the count and the group's total).
    // `要是再不发我就不干了`, `下个月还要再欠五千`: what is supposed or still to come is no fact (nor a figure disputed).
    const text = withoutSupposed(groupTotalWithCount(said) ?? said);
    // `我是东龙镇人`, `老家在东龙`: where the person is from, not where they work.
    // `我在石岭干活 不是东龙`, `我家是东龙的 在石岭干活`: the township of the work (the other one is home, or denied).
    // `我住河西`, `东龙镇附近的工地`: where they live, or a place near the work, is no township of the work (its question asks).
    const place = findTownship(ctx, text.replace(FROM_PLACE, ' ')) ?? workTownship(ctx, text);
    const placeUnsure = place !== null && !workTownship(ctx, text) && townshipUnsure(text, '') !== null;
    if (place && !placeUnsure) {
      out.location = place;
      const c = findCommunity(ctx, place.townshipId, text) ?? nearCommunityAfterTown(ctx, place, text) ?? communityBesideTown(ctx, place, text);
      if (c && !(c.community && projectNamedAfter(text, c.community))) out.community = c;
    } else if (a.location) {
      const c = findCommunity(ctx, a.location.townshipId, text) ?? communityBesideTown(ctx, a.location, text);
      if (c && !(c.community && projectNamedAfter(text, c.community))) out.community = c;
    }
    // `饭店 不是工地`: a site denied is no construction work.
    // Said not to be one (「不是」): the work done (`烧砖的搬砖的都干` at the trade question, at a brickworks) is no
    // change of that; only a site named is (`其实是在工地`).
    const siteText = withoutDenied(text);
    if (CONSTRUCTION_WORDS.test(siteText) && (a.construction !== false || SITE_NAMED.test(siteText))) out.construction = true;
    const money = findAmounts(text);
    // `还有加班费两千` after the amount was given: more besides it, the two added up (confirmed as a change).
    const added = amountAdded(text, a);
    if (added) out.amount = added;
    // `我老公八千`: one family member's figure, never the person's own (unless the report is for that person).
    else if (money.own && !(!a.onBehalf && kinFigures(text).some((x) => sameAmount(x, money.own!)))) out.amount = money.own;
    // `拖了我两个月工资 每个月六千`: a monthly wage times the months (no figure of the total said).
    else if (!money.group) {
      const times = monthlyRun(text) ?? (a.consent === true || UNPAID.test(compact(text)) ? (dailyRun(text) ?? piecesTimesPrice(text) ?? null) : null);
      // `…三个月，只给了两千`: a total with money paid beside it is not what is owed, never proposed as the gross.
      // How it was worked out goes with it (`200元×20天`), as the amount's question says it.
      if (times && !saysPaid(text)) {
        // A plain monthly wage (never `约…`, never a range) is kept with its months: the amount follows them (amountForMonths).
        const monthly = 'unit' in times && times.unit === '个月' && !times.rate.approx && times.rate.upTo === null && Number.isInteger(times.n);
        out.amount = monthly
          ? { ...times.total, how: `${showAmount(times.rate)}×${times.n}${times.unit}`, monthly: { rate: times.rate.yuan, months: times.n } }
          : { ...times.total, how: 'unit' in times ? `${showAmount(times.rate)}×${times.n}${times.unit}` : `${times.n}件×${showAmount(times.price)}` };
      }
      // `老板欠我工资，一个月五千，干了三个月，只给了两千` (the first message too): the total less what was paid, as the
      // amount's question works it out (netOfPaid), proposed (confirmed); not clear what it leaves (`给了一半`): nothing.
      else if (saysPaid(text) && (a.consent === true || UNPAID.test(compact(text)))) {
        const net = netOfPaid(text);
        if (net && net !== 'ask') out.amount = { ...net.value, how: net.how };
      }
    }
    if (money.group) out.groupAmount = money.group;
    // `欠我们10个人的工资 我的8000`: the person's own share, said beside the group's wages owed.
    const share = !out.amount && !('amount' in a) ? ownShare(text) : null;
    if (share) out.amount = share;
    // `老板欠了我工资8000 加班费2000`: the wage and a part of the pay besides it, added up (confirmed, as any fact read).
    const parts = !out.amount && !out.groupAmount && !('amount' in a) ? payParts(text.trim().replace(/^(?:老板|包工头|工头|公司|厂里|他)/u, '')) : null;
    if (parts) out.amount = parts.total;
    // `我在3楼车间 20个人都没发工资`: a space ends a clause too, as a comma does (a count opening its clause).
    const head = findHeadcount(text) ?? (/\S\s+\S/u.test(text.trim()) ? findHeadcount(text.replace(/(?<=[^\d\s])\s+|\s+(?=[^\d\s])/gu, '，')) : null);
    if (head) out.headcount = head.value;
    // `我一万五 三个人`: her own figure and, in a clause of its own, the count (both confirmed, as facts are).
    const ownCount = !out.headcount && !household(a) && !a.onBehalf ? ownBesideCount(text) : null;
    if (ownCount && out.amount && sameAmount(out.amount, ownCount.own)) out.headcount = ownCount.count;
    // `我还有个工友也没拿到钱` once 就我一个 is recorded: one other owed besides the person, two in all (confirmed as a
    // change, never taken unasked); others with no figure (`还有几个工友`) are left to the question itself.
    if (!out.headcount && a.headcount?.count === 1 && !household(a) && othersToo(text)?.one) out.headcount = { count: 2, approximate: false };
    // `王小二 13800138000 宏达建筑 8000 3个月`: a report typed as keywords, a unit among them. Its bare figure is the
    // amount owed, its months the period, its `N个人` who is owed (each confirmed, as any fact read is).
    const isPlace = (name: string) => findTownship(ctx, name) !== null;
    const form = formWords(text, isPlace);
    // The employer the words name (read once: asked here and below of the same words).
    const employerNamed = findEmployer(text, isPlace);
    let formEmployer: string | null = null;
    if (form) {
      if (form.amount && !out.amount && !out.groupAmount) out.amount = form.amount;
      if (!employerNamed) formEmployer = form.employer;
      if (form.headcount && !out.headcount) out.headcount = form.headcount;
    }
    // `我们五六个人…一共六万`: one figure, said for the group, when two or more are owed, is their total, never the
    // person's own (which the documents claim for them): their own share is asked.
    // So is a bare total said with the headcount (`5个人 一共欠了六万`).
    if (!share && (money.ownSaidForGroup || amountSaidAsTotal(text)) && out.amount && (out.headcount ?? a.headcount ?? headcountClause(text))?.count !== undefined && (out.headcount ?? a.headcount ?? headcountClause(text))!.count >= 2) {
      out.groupAmount = out.amount;
      delete out.amount;
    }
    // `大家一共被欠了三十万`, `全部人加起来三十万`: said for everyone, even with no headcount known; never the person's own.
    // (Before two or more are known to be owed, the total has no question to wait for: the own amount is asked.)
    if (!share && money.ownSaidForGroup && out.amount && !household(a) && findEmployerKind(text) !== 'household' && saidForEveryone(text)) {
      out.groupAmount = out.amount;
      delete out.amount;
    }
    // `6000 不是我一个人的 是我们俩的`: the figure is the people's total, never the person's own.
    const notMine = !share && out.amount && !household(a) && !a.onBehalf ? notMineAlone(text) : null;
    if (notMine && sameAmount(notMine.total, out.amount!)) {
      out.groupAmount = out.amount!;
      delete out.amount;
    }
    // `我们工地十二个人都没拿到钱 老板欠了二十多万`: two or more said to be owed, and one figure said for no one (no 我
    // in the words, only 我们) that more than one person is plausibly owed: everyone's total (confirmed with the count),
    // never the person's own (their own is asked at its question).
    if (!share && out.amount && out.amount === money.own && (out.headcount?.count ?? 0) >= 2 && !out.groupAmount && !perPersonAmount(text) && !/[我俺](?!们)/u.test(text)) {
      if (moreThanOneIsOwed(out.amount, a) && !household(a) && findEmployerKind(text) !== 'household') {
        out.groupAmount = out.amount;
        delete out.amount;
      }
    }
    // `欠我跟我哥一人五千`: what each is owed, the person's own; with an exact count of two or more, everyone's total is
    // that times the count (confirmed with the rest).
    // Only the people named one by one (`我跟我哥`, `我和我老婆`), each counted as said: a count said as a figure
    // (`我们三个人每人欠了一万`) leaves the total to its own question (LABELS.md: a share is never the group's).
    const each = out.amount && !out.groupAmount && !('groupAmount' in a) ? perPersonAmount(text) : null;
    const counted = out.headcount;
    const namedPair = TOGETHER_WITH.exec(compact(text))?.[0];
    const namedCount = namedPair && !/俩|仨|个/u.test(namedPair) ? [parseHeadcount(namedPair), parseHeadcount(`我${namedPair}`)].find((x) => x.ok) : undefined;
    if (each && out.amount && sameAmount(each, out.amount) && counted && !counted.approximate && counted.count >= 2 && namedCount?.ok && namedCount.value.count === counted.count && !household(a)) {
      out.groupAmount = { yuan: each.yuan * counted.count, approx: each.approx, upTo: each.upTo === null ? null : each.upTo * counted.count };
    }
    // `我和我老婆每月工资加起来一万 欠了三个月`: a month's wage of the person and someone else together is neither the
    // person's own amount nor anyone's total (nor that times the months): nothing kept, both asked at their questions.
    // Said with the months unpaid (`我跟我老公一个月一共一万二 三个月没发了`), that wage times the months is what the two of
    // them are owed together: their total, about (confirmed, with how many they are), never the person's own.
    let joint: Amount | null = null;
    if ((out.amount || out.groupAmount) && !share && combinedMonthlyWage(text)) {
      joint = jointMonthlyWage(text);
      delete out.amount;
      delete out.groupAmount;
    }
    // `我和老公在饭店干 老板欠了一万五`: hers alone, or the two together? Never the person's own unasked: held, and whose
    // it is asked at the amount's question (said again there, it is asked at once).
    const pairSaid = out.amount && money.own && sameAmount(out.amount, money.own) && !a.onBehalf && !behalfHeard(text, a) && !household(a) && findEmployerKind(text) !== 'household' ? pairSumUnclear(text) : null;
    if (pairSaid) {
      delete out.amount;
      if (!('amount' in a) && !a.groupAmount) out.sumWhose = { ...pairSaid.value, who: pairSaid.who };
    }
    // `还扣了我500押金`: a deposit kept is no wage; noted for staff in the account (confirmed), never the amount.
    const deposit = !('account' in a) ? depositNote(text) : null;
    if (deposit) out.account = deposit;
    // `我有欠条`, `有聊天记录` before the evidence question: held for it (said back there, kept there).
    const evidence = evidenceSaidMore(text, a);
    if (evidence) out.evidenceSaid = evidence;
    // `要写税前的吗` beside the report, before the amount's question: answered at it (amountAsked).
    const howAsked = !('amount' in a) && !a.amountAsked ? amountAskedBeside(text) : null;
    if (howAsked) out.amountAsked = howAsked;
    const still = findStillEmployed(text);
    if (still !== null) out.stillEmployed = still;
    const left = findLeftSince(text, ctx.now);
    if (left) out.leftSince = left.month;
    // `月薪五千五 欠了俩月`, `月薪八千 欠了一个半月` once the period is known: a wage times its months (the amount), not a new period.
    // `欠薪！！！三个月！！！一万五！！！`: marks shouted between words part them as spaces do, one clause.
    const shouted = /[!！]{2,}/u.test(text) ? text.replace(/[!！]+/gu, ' ').trim() : null;
    // `8月到10月 每个月四千 一共一万二`: months, a month's wage and a total that agree (4,000 × 3 = 12,000), said with no
    // word of arrears: the months and the total (each confirmed, how it was worked out with it).
    const agreed = !out.period && !a.period ? rangeRateTotal(text, ctx.now) : null;
    if (agreed && !('amount' in a)) out.amount = agreed.amount;
    // `我老公也三个月没发工资了`: whose months they are is asked at the question (never the person's own here).
    const kinAlso = !a.onBehalf && KIN_ALSO.test(compact(text));
    const period = agreed ? { value: agreed.period, span: [0, 0] as [number, number] } : kinAlso || (a.period && (RATE_TIMES.some((re) => re.test(compact(text))) || halfMonthsTimes(text) !== null)) ? null : (findPeriod(text, ctx.now) ?? (shouted ? findPeriod(shouted, ctx.now) : null));
    // `老板欠我三四个月工资`: no period taken (findPeriod); the two held, and which asked at the period's question.
    const range = !period && !('period' in a) && !kinAlso ? monthsRangeOwed(text) : null;
    if (range) out.monthsRange = range;
    // `欠了3-4个月 每个月3000`: one month's wage, in a clause of its own, kept with the range (proposed once the months
    // are picked, rangeRate). Never with anyone else named, anything said paid, or a sum taken.
    if (range && !out.amount && !out.groupAmount && !namedPair) {
      const rate = rateBesideRange(text, a);
      if (rate !== null) out.monthsRange = { ...range, rate };
    }
    if (period) {
      out.period = { start: period.value.start, end: period.value.end, months: period.value.months };
      // `欠我3个月工资…我10月份就不干了`: the months owed count back from the month left, not from now.
      const leftAt = out.leftSince ?? (a.stillEmployed === false ? a.leftSince : undefined);
      if (leftAt) out.period = countBackFrom(out.period, text.slice(period.span[0], period.span[1]), leftAt);
      // `10月份的3000 11月份的3500` once 9月到11月 is known: some months' wages listed, inside the months known, say
      // nothing of the others: the sum, never the months proposed as a change of the period.
      const months = a.period ? monthByMonth(text, ctx.now) : null;
      if (months && a.period && months.value.start >= a.period.start && (months.value.end ?? '9999-12') <= (a.period.end ?? '9999-12')) delete out.period;
    }
    // `对了 时间是7月开始的`: the period given before, starting earlier (confirmed as a change).
    const startSaid = period ? null : periodStartSaid(text, a, ctx.now);
    if (startSaid) out.period = startSaid;
    // `好再来饭店 河西街道 9月到11月 一共一万八 就我一个`: the answers to several questions at once, in the report (it says
    // the wages are owed): one word of them that is a range of months is the period (confirmed, as any fact read is).
    // Only while no period is known (never a change proposed from a list of words).
    const listed = !out.period && !period && !range && !kinAlso && a.consent === true && !a.period ? monthRangeListed(text, ctx.now) : null;
    if (listed) out.period = listed;
    if (joint && period && out.period && !household(a) && findEmployerKind(text) !== 'household') {
      const together = TOGETHER_WITH.exec(compact(text));
      // `老婆和我` is read as `我老婆和我` (the person said last).
      const pair = together ? [parseHeadcount(together[0]), parseHeadcount(`我${together[0]}`)].find((x) => x.ok) : null;
      const count = out.headcount ?? (pair?.ok && pair.value.count >= 2 ? pair.value : null);
      if (count && count.count >= 2 && !(a.headcount && a.headcount.count !== count.count)) {
        out.headcount = count;
        out.groupAmount = { yuan: joint.yuan * out.period.months, approx: true, upTo: null };
      }
    }
    // `我跟我哥 每人每月六千 拖了两个月`: each one's month's wage times the months, the person's own; with the people
    // named one by one (`我跟我哥`: two), how many and everyone's total too (all confirmed, never taken unasked).
    const eachMonth = !out.amount && !out.groupAmount && out.period && !('amount' in a) && !household(a) && !HALF_MONTHS.test(compact(text)) ? eachMonthly(text) : null;
    const eachRate = eachMonth ? readAmount(eachMonth[1]!) : null;
    // `一人一个月五千 三个月没发` (no one named): each one's wage is the person's own too; their amount only (confirmed).
    if (eachRate?.ok && out.period && eachRate.value.upTo === null && !eachRate.value.approx && (!namedCount || (namedCount.ok && namedCount.value.count >= 2 && !namedCount.value.approximate))) {
      const months = out.period.months;
      out.amount = { yuan: eachRate.value.yuan * months, approx: false, upTo: null, how: `${showAmount(eachRate.value)}×${months}个月` };
      if (namedCount?.ok) {
        if (!out.headcount && !a.headcount) out.headcount = namedCount.value;
        if ((out.headcount ?? a.headcount)?.count === namedCount.value.count && !('groupAmount' in a)) out.groupAmount = { yuan: eachRate.value.yuan * months * namedCount.value.count, approx: false, upTo: null };
      }
    }
    // `一人一个月五千三个月没发` (no space, no one named): each one's month's wage times the months, the person's own
    // (read as `一个月五千三个月没发` is: never 五千三), confirmed with how it was worked out.
    if (!out.amount && !out.groupAmount && !('amount' in a) && !household(a) && !namedPair && !saysPaid(text) && perHeadDropped(compact(text)) !== compact(text)) {
      const run = monthlyRun(perHeadDropped(compact(text)));
      const plain = run && !run.rate.approx && run.rate.upTo === null && Number.isInteger(run.n);
      if (run) out.amount = { ...run.total, how: `${showAmount(run.rate)}×${run.n}${run.unit}`, ...(plain ? { monthly: { rate: run.rate.yuan, months: run.n } } : {}) };
    }
    // `10月11月两个月没发 每个月5000`: the months named (no reading in them) and, in a clause of its own, a month's wage:
    // what they come to, the person's own (confirmed, with how it was worked out). Never with anyone else named.
    if (!out.amount && !out.groupAmount && !('amount' in a) && period && out.period && !('inferred' in period.value && period.value.inferred !== null) && !namedPair && !saysPaid(text) && !OTHERS_NAMED.test(text)) {
      const rates = text.split(/[\s,，。;；!！]+/u).filter(Boolean).map((c) => readRate(c)).filter((r) => r !== null);
      const rate = rates.length === 1 && rates[0]!.per === 'month' ? rates[0]!.rate : null;
      // `月薪八千 欠了一个半月`: the months with their half (never the whole months the period rounds them to).
      const half = HALF_MONTHS.exec(compact(text));
      const halves = half ? halfCount(half[1]!) : null;
      if (rate && !rate.approx && rate.upTo === null && half) {
        if (halves !== null) out.amount = { yuan: Math.round(rate.yuan * halves * 100) / 100, approx: false, upTo: null, how: `${showAmount(rate)}×${halves}个月` };
      } else if (rate && !rate.approx && rate.upTo === null) {
        const months = out.period.months;
        out.amount = { yuan: Math.round(rate.yuan * months * 100) / 100, approx: false, upTo: null, how: `${showAmount(rate)}×${months}个月`, monthly: { rate: rate.yuan, months } };
      }
    }
    if (!out.period && form?.months) {
      const p = parsePeriod(form.months, ctx.now);
      if (p.ok) out.period = { start: p.value.start, end: p.value.end, months: p.value.months };
    }
    // `一共8000 三个月` in a report (at the township question, say): a total and a number of months, nothing else: the
    // amount owed and how long (each confirmed, as any fact read is). A bare figure (`8000 三个月`) may be a month's
    // wage: asked at the question (totalOrMonthly), never read here.
    const pair = a.consent === true ? figureAndMonths(text, ctx.now) : null;
    if (pair?.total) {
      if (!out.amount && !out.groupAmount && !('amount' in a && a.amount !== undefined && sameAmount(a.amount, pair.amount))) out.amount = pair.amount;
      const leftAt = out.leftSince ?? (a.stillEmployed === false ? a.leftSince : undefined);
      const months = leftAt ? countBackFrom(pair.period, pair.months, leftAt) : pair.period;
      // The same months known already (`八千 三个月` again at the headcount question) are nothing new.
      if (!out.period && !(a.period && a.period.start === months.start && a.period.end === months.end)) out.period = months;
    }
    // `老板欠了我们十几万`, `我们被欠了二十万` before anyone was counted: a sum more than one person is plausibly owed,
    // said for 我们, is never taken as the person's own; the group's total, confirmed once two or more are owed
    // (their own is asked at its question). `就我一个` said before keeps it theirs.
    const alone = (out.headcount ?? a.headcount)?.count === 1 && !(out.headcount ?? a.headcount)?.approximate;
    if (!share && money.ownSaidForGroup && out.amount === money.own && out.amount && !out.groupAmount && !alone && !('amount' in a) && !household(a) && findEmployerKind(text) !== 'household') {
      if (moreThanOneIsOwed(out.amount, { ...a, ...(out.period ? { period: out.period } : {}) })) {
        out.groupAmount = out.amount;
        delete out.amount;
      }
    }
    const employer = employerNamed ?? formEmployer;
    // `老板姓陈` said of a unit's site (宏达建筑公司): the boss there, not another employer to replace the unit with.
    // `我是在东龙镇新塘村那个饭店干的…` after 好再来饭店 was named: that restaurant pointed at, not another name for it.
    const pointedAt = a.employer !== undefined && employer !== null && POINTED_UNIT.test(employer);
    if (employer && !pointedAt && !(a.employer && looksLikeOrganisation(a.employer) && /^[\p{Script=Han}](?:老板|老板娘|老总|包工头|工头)$/u.test(employer))) out.employer = employer;
    // `凤栖街道的海底捞` (at the employer question): the place, and the unit there. Not a building site or an estate
    // (`在东龙镇那个翠湖湾小区` at the project question is the project), and never in place of an employer already named.
    else if (place && a.employer === undefined) {
      const town = townshipName(ctx, place);
      // `在东龙工业园的鑫源厂`: a park or a road of the township between, the unit after it (named like one).
      const m = unitAfterTown(town, 0).exec(compact(text)) ?? unitAfterTown(town, 1).exec(compact(text));
      const unit = m ? parseEmployer(m[1]!) : null;
      if (unit?.ok && !placeNamed(ctx, m![1]!) && !NOT_AN_EMPLOYER.test(unit.value) && !SITE_NAME.test(unit.value) && !FARM_KIND.test(unit.value)) out.employer = unit.value;
    }
    // `就在新塘村那个安置房工地` once the one who owes is named: a building site, where the work was, never another
    // employer in its place (「您是要改成：用人单位「安置房工地」」 was proposed): the project, building work then (the
    // change to 是 proposed with it after 不是, as the project's name is).
    if (out.employer && a.employer !== undefined && a.employer !== null && !household(a) && /工地$/u.test(out.employer) && out.employer.length >= 4) {
      const site = projectAnswer(out.employer, a, ctx);
      if (site.ok && typeof site.value === 'string' && !('project' in a) && a.construction !== false) {
        out.project = site.value;
        if (a.construction !== true) out.construction = true;
      }
      delete out.employer;
    }
    // `我在东龙镇新塘好再来饭店干活`: 新塘 is a community of 东龙镇 and 好再来饭店 the unit (both confirmed).
    const split = out.employer && place && !a.employer ? communityBeforeUnit(ctx, place, out.employer) : null;
    if (split) {
      out.employer = split.unit;
      if (!out.community) out.community = split.community;
    }
    // At the labour contractor's question (`刘大壮 13912345678`), a name and a phone are the contractor's, never the person's.
    const contractorAsked = building(a) && 'subcontractor' in a && !('labourContractor' in a) && labourContractorWithPhone(text, a.employer)?.answer.ok === true;
    const phone = contractorAsked ? null : findPhone(text);
    if (phone) out.phone = phone;
    const name = contractorAsked ? null : (findPersonName(text) ?? selfIntroduction(text));
    if (name) out.contactName = name;
    // `这是帮我爸报的`, `不是我 是我老乡被欠的` after the consent: who it is for, confirmed once (never the person's name).
    const heard = behalfHeard(text, a);
    const behalf = heard?.kind === 'propose' ? heard.said : null;
    if (behalf) {
      out.onBehalf = behalf;
      if (heard?.kind === 'propose' && heard.again) out.behalfReasked = true;
    }
    // `替我们村的老乡问问 老板欠他们十几万`: the sum owed to them (several), never one worker's own: their total
    // (confirmed with whom the report is for); the worker's own is asked at its question.
    const theirs = (behalf || a.onBehalf) && !out.amount && !out.groupAmount && !('groupAmount' in a) ? OWED_TO_THEM.exec(compact(text)) : null;
    const theirSum = theirs ? readAmount(theirs[1]!) : null;
    if (theirSum?.ok) out.groupAmount = theirSum.value;
    // `帮我老公问一下 他老板欠他两万`: the sum owed to the one the report is for, his amount (confirmed with whom it is
    // for, and going with it: dropsWith).
    const his = (behalf || a.onBehalf || a.behalfSaid) && !out.amount && !out.groupAmount && !('amount' in a) ? OWED_TO_HIM.exec(compact(text)) : null;
    const hisSum = his ? readAmount(his[1]!) : null;
    // Before whose wages they are was asked (a first message: `behalfSaid`), held: never proposed as the person's own.
    if (hisSum?.ok) {
      if (behalf || a.onBehalf) out.amount = hisSum.value;
      else out.behalfSum = hisSum.value;
    }
    // Never the person's name: the worker's (said with who they are), or any name said with the wages recorded as someone else's.
    const worker = behalf?.name ?? (heard?.kind === 'noted' ? findOwedLater(text)?.name : undefined);
    if (out.contactName && out.contactName === worker) delete out.contactName;
    // `包工头 姓刘 叫刘大海 欠了我两万三` (a voice message's pauses part 姓刘 from 包工头): the name said is the one who owes,
    // read as the employer; never the person's own name too.
    if (out.contactName && typeof out.employer === 'string' && out.employer.includes(out.contactName) && !a.employer) delete out.contactName;
    // `项目叫翠湖湾`, `工地名字是青溪花园二期`.
    const project = /(?:项目|工地|楼盘|工程)(?:的)?(?:名字|名称)?(?:叫|是|名叫)([\p{Script=Han}A-Za-z0-9·（）()-]{2,20}?)(?=[,，。;；!！\s]|$)/u.exec(text);
    if (project && !/不知道|不晓得|不清楚|啥|什么/u.test(project[1]!)) {
      const p = parseOrgName(project[1]!);
      if (p.ok) out.project = p.value;
      // Its name said before 是工程建设项目吗 was answered (`是 项目叫幸福小区二期` at a 「…对吗？」 about the unit): building
      // work, proposed with the name (a project's question comes only after that yes; the name alone was dropped).
      // After 不是 (`项目叫幸福小区二期` at the next question): the 不是 was a slip; the change to 是 proposed with the name
      // (the name alone was dropped: no project question follows a no).
      if (p.ok && a.construction !== true && !household(a)) out.construction = true;
    }
    // `给一户人家当保姆`: a family or a private person employs them (unless a unit is named).
    const kind = findEmployerKind(text);
    // `公司名字忘了 在工业园二号` (no employer yet): the name not known, and where the unit is: its address, confirmed.
    const where = a.employer === undefined && !out.employer && !('employerAddress' in a) ? addressBesideForgottenName(text) : null;
    if (where) out.employerAddress = where;
    // `滨江路88号那个好再来饭店`: the unit named after the address it is at (那个, 那家): that address is the unit's.
    const pointed = !where && out.employer && a.employer === undefined && !('employerAddress' in a) ? /^([\p{Script=Han}]{1,6}?[路街巷道][0-9一二三四五六七八九十百零〇]+号)(?:的)?(?:那个|那家)/u.exec(compact(text)) : null;
    if (pointed) {
      const r = addressAnswer(pointed[1]!, '东龙镇工业园2号');
      if (r.ok) out.employerAddress = r.value;
    }
    // `给一户人家当保姆 她姓张 叫啥不知道`: the family by its surname, the name said not to be known (张女士), confirmed.
    if (kind && !out.employer && a.employer === undefined) {
      const family = householdBySurname(text, (name) => findTownship(ctx, name) !== null);
      if (family) out.employer = family;
    }
    const named = out.employer ?? a.employer;
    if (kind && !(named && looksLikeOrganisation(named))) out.employerKind = kind;
    // `总包是中建三局，分包是宏图劳务`, `包工头张三带我们干的，劳务公司是宏达劳务`: the chain, building work then (all confirmed).
    // A foreman alone (`包工头叫王建军`) says no chain (no building work is read from him).
    // `包工头李强给宏达建筑干活 欠我三个月工资`: the unit he works for is the employer, he its 包工头 (the words were
    // proposed whole as the employer, 「包工头李强给一家公司」); no unit named, he alone (whom he works for asked later).
    const both = out.employer && a.employer === undefined && !household(a) && kind !== 'household' ? foremanAndUnit(out.employer, (name) => findTownship(ctx, name) !== null) : null;
    if (both) {
      if (both.unit) out.employer = both.unit;
      else delete out.employer;
      out.labourContractor = both.foreman;
    }
    const chain = chainNamed(text);
    const links = [chain.generalContractor, chain.subcontractor, chain.labourContractor].filter(Boolean).length;
    if (!chain.generalContractor && !/分包/u.test(text) && links < 2) {
      // `包工头老李欠我工资`: the foreman is a person, kept as the 包工头 (when building work is known, its question
      // confirms him); as the one who owes, he is written as staff write him (老李（包工头）), never as a unit 老李.
      // Named alone (`包工头老李` at the employer question), whom he works for is asked there (the employer's parse).
      // Named alone at another question (`包工头叫王建军`, `包工头姓王 叫王建军` at 「工程建设项目「是」。对吗？」), he is
      // proposed as the foreman who owes, as staff write him (was the unit 「王建军」, then 「王建军」是哪一种？ asked).
      const alone = foremanAlone(text);
      const lc = chain.labourContractor ?? alone ?? undefined;
      const owes = lc ? new RegExp(`${lc}[,，\\s]*(?:他)?(?:又|一直|还|就)?(?:欠|拖|不给|没给|没发|不发|跑)`, 'u').test(text) : false;
      if (lc && (owes || (alone === lc && a.consent === true)) && a.employer === undefined && out.employer === lc && !household(a) && kind !== 'household') {
        out.employer = `${lc}（包工头）`;
        // Named alone, only the one who owes: at the employer's own question (this reading set aside there) whom he
        // works for is asked, with him kept as the 包工头 (the employer's parse).
        if (owes) out.labourContractor = lc;
      }
      delete chain.labourContractor;
    }
    Object.assign(out, chain);
    if ((chain.generalContractor || chain.subcontractor || chain.labourContractor) && !household(a) && kind !== 'household') {
      if (a.construction === undefined) out.construction = true;
      // An employer read from the chain's own words (`总包是中建三局`, a foreman's bare name): the unit nearest the
      // worker instead (the labour company, else the foreman), or none; a unit named besides stays.
      const nearest = chain.subcontractor ?? (chain.labourContractor ? `${chain.labourContractor}（包工头）` : null);
      if (a.employer === undefined && out.employer && (/总包|总承包|分包|包工头|工头|班组长|劳务公司/u.test(out.employer) || out.employer === chain.labourContractor || out.employer === chain.generalContractor)) {
        if (nearest) out.employer = nearest;
        else delete out.employer;
      }
      // Once the employer is known, a link of the chain named (`劳务公司叫鑫源劳务有限公司` at the 分包 question) is that link
      // only, never a new employer too (a change to it was proposed).
      if (a.employer !== undefined && out.employer && (out.employer === chain.generalContractor || out.employer === chain.subcontractor)) delete out.employer;
    }
    // `老板欠我两个月 6000`, `欠薪 三个月 8000块`: a figure beside the months owed with no word saying whether it is
    // what those months come to or a month's wage: read as the total, and proposed in words that say so.
    // The same figure known already (`八千 三个月` again at the headcount question) is nothing new: left as it is.
    const besideMonths = out.amount && !out.amount.how && !out.amount.monthly && !(a.amount && sameAmount(a.amount, out.amount)) ? figureBesideMonths(text, out.amount) : null;
    if (out.amount && besideMonths) out.amount = { ...out.amount, readTotal: besideMonths };
    return consistent(out, a, ctx.now);
  }),
  // `behalfReasked`: kept when the 「对吗？」 that asks again after a denial is shown (see behalfHeard).
  wishes: ['behalfReasked', 'sumWhose', 'behalfSum', 'monthsRange', 'evidenceSaid', 'amountAsked'],
  // Only evidence said at another question (`有欠条` at the employer's): noted for the evidence question, said so.
  wishSaid: (wished) => (wished.evidenceSaid ? `好的，您说有${wished.evidenceSaid.kinds.join('、')}，我记下了，证据过一会儿会专门问您。` : null),
  // `一万二是我老公的` (代为反映 and the amount offered together): the amount said with whom the report is for is that
  // person's; 代为反映 picked as wrong leaves it no one's (asked again), never the person's own.
  // `怎么算的` at 「拖欠金额「12,000元」。对吗？」: a month's wage times the months.
  // `上上个月`, `10月份走的` at 「是否还在职「已经离开」。对吗？」: when they left, held for that question (it was taken
  // for the period asked before, 2026年10月（1个月）, and nobody asked).
  answersBrought: (waiting, text, a, ctx) => {
    if (waiting.stillEmployed !== false || waiting.leftSince !== undefined || (a.leftSince !== undefined && a.leftSince !== null)) return false;
    if (!MONTH_LEFT_ALONE.test(compact(text))) return false;
    const r = readLeft(text, ctx.now);
    return r.ok && checkLeft(r.value.month, { ...a, ...waiting, stillEmployed: false } as WageAnswers)?.kind !== 'refuse';
  },
  workedOut: (v) => (v.amount?.how ? `拖欠金额${showAmount(v.amount)}是按${v.amount.how}算的。` : v.amount?.worked ? `拖欠金额${showAmount(v.amount)}是按${v.amount.worked}算的。` : v.amount?.monthly ? `拖欠金额${showAmount(v.amount)}是按每月${showAmount({ yuan: v.amount.monthly.rate, approx: false, upTo: null })}、${v.amount.monthly.months}个月算的。` : null),
  dropsWith: (id, v) => (id === 'onBehalf' && v.onBehalf && v.amount !== undefined ? ['amount'] : []),
  afterSubmit: (a) => afterWageSubmit(a),
});

/** The readings of a unit after its township (see the wage flow's `extract`), built once per township and kind. */
const UNITS_AFTER_TOWN = new Map<string, RegExp>();
/**
 * `在东龙镇的鑫源厂` (kind 0: the unit right after the township) or `在东龙工业园的鑫源厂` (kind 1: a park or a road of the
 * township between, the unit after it, named like one), for the township `town`.
 */
function unitAfterTown(town: string, kind: 0 | 1): RegExp {
  const key = `${kind}${town}`;
  let re = UNITS_AFTER_TOWN.get(key);
  if (re === undefined) {
    re =
      kind === 0
        ? new RegExp(`^(?:在)?(?:${town}|${town.replace(/(?:镇|街道|乡)$/u, '')})(?:的|那个|那边的|那家|这家)([\\p{Script=Han}A-Za-z0-9]{2,12})$`, 'u')
        : new RegExp(`^(?:在)?(?:${town}|${town.replace(/(?:镇|街道|乡)$/u, '')})[\\p{Script=Han}0-9]{0,8}?(?:工业园|工业区|开发区|产业园|园区|路|街|大道|广场|村|社区)(?:的|那个|那边的|那家|这家|里的)((?=[\\p{Script=Han}A-Za-z0-9]{2,12}$)[\\p{Script=Han}A-Za-z0-9]+${ORG_SUFFIX.source.replace(/\$$/u, '')})$`, 'u');
    UNITS_AFTER_TOWN.set(key, re);
  }
  return re;
}

/**
 * A report typed as keywords with a unit among them (`王小二 13800138000 宏达建筑 8000 3个月`, `宏达建筑 8000 3个月
 * 1个人 还在干`): the one bare figure (not a phone, not a year), the one number of months, the one number of people.
 * Null when the words are not keywords or name no unit.
 */
function formWords(text: string, isPlace: (name: string) => boolean): { employer: string; amount?: Amount; months?: string; headcount?: { count: number; approximate: boolean } } | null {
  // `还在干`, `已经走了`: whether they still work there (found on its own), a keyword too.
  const said = text.replace(/还在干|还在做|还在上班|已经离开|已离开|已经走了|已经不干了|不干了|走了|离职了?/gu, ' ');
  const words = keywords(said);
  const employer = words ? findEmployer(said, isPlace) : null;
  if (!words || !employer) return null;
  const one = (re: RegExp) => {
    const hits = words.filter((w) => re.test(w));
    return hits.length === 1 ? hits[0]! : null;
  };
  const out: { employer: string; amount?: Amount; months?: string; headcount?: { count: number; approximate: boolean } } = { employer };
  const figure = one(/^(?:\d{3,7}|\d+(?:\.\d+)?[万wW千kK])(?:元|块钱?)?$/u);
  if (figure && !/^(?:19|20)\d\d$/u.test(figure)) {
    const p = parseAmount(figure);
    if (p.ok && p.value.yuan >= 100) out.amount = p.value;
  }
  const months = one(/^(?:\d{1,2}|[一二两三四五六七八九十]{1,3})个?月$/u);
  if (months) out.months = months;
  // `1个人`, `8人` (never `3个`: months or people?).
  const people = one(/^(?:\d{1,4}|[一二两三四五六七八九十]{1,3})(?:个人|人)$/u);
  if (people) {
    const p = parseHeadcount(people);
    if (p.ok) out.headcount = p.value;
  }
  return out;
}

/**
 * At the period question, months said with money (`8000 三个月`, `欠了两个月 一个月4000`): the period, confirmed,
 * with the amount they say (a figure beside them, or a monthly wage times them) in the same line. Null when the
 * words are not such, or either does not fit what is known (the usual reading then answers).
 */
function periodWithMoney(t: string, a: WageAnswers, now: Date): Result<WagePeriodAnswer, WageAnswers> | null {
  const pair = figureAndMonths(t, now);
  // `8000 三个月`: the total, or a month's wage? Asked (the months are confirmed with the choice).
  if (pair && !pair.total) return totalOrMonthly(t, now);
  const rated = pair ? null : monthlyTimesMonths(t);
  const found = pair ? null : rated ? findPeriod(t, now) : null;
  const said = pair?.period ?? (found && found.value.inferred === null ? { start: found.value.start, end: found.value.end, months: found.value.months } : null);
  const amount = pair?.amount ?? rated;
  if (!said || !amount) return null;
  const period = a.stillEmployed === false && a.leftSince ? countBackFrom(said, pair?.months ?? t.slice(found!.span[0], found!.span[1]), a.leftSince) : said;
  if (checkPeriod(period, a)?.kind === 'refuse' || (a.stillEmployed === false && a.leftSince && endsWhenLeft(period, a.leftSince, now))) return null;
  // The same months known already (read from another question, `八千 三个月` at the headcount's): nothing new here.
  if (a.period && a.period.start === period.start && a.period.end === period.end) return null;
  const keep = checkOwnAmount(amount, { ...a, period })?.kind !== 'refuse' && !(a.amount && sameAmount(a.amount, amount));
  return { ok: true, value: period, confirm: true, ...(keep ? { set: { amount } } : {}) };
}

/** A bare figure of money: `8000`, `8000元`, `八千`, `一万二`, `1.2万`. */
const FIGURE_WORD = /^(?:(?:我|俺)?(?:的)?(?:工资|工钱)(?:是|有)?)?(?:一共|总共|共)?(?:欠了?|拖了?|差了?)?(?:\d{3,7}|\d+(?:\.\d+)?[万wW千kK]\d*|[一二两三四五六七八九十][一二两三四五六七八九十百千万]*[千万][一二两三四五六七八九]?)(?:块钱?|元)?$/u;
/** A number of months owed: `三个月`, `3个月`, `欠了两个月`, `两个月的工资`, `俩月没发` (俩, 仨: two, three). */
const MONTHS_WORD = /^(?:欠了?|拖了?|差了?)?(?:我)?(?:\d{1,2}|[一二两三四五六七八九十]{1,3}|[俩仨])个?多?月(?:了|的)?(?:工资|工钱)?(?:(?:都|还|一直)?(?:没发|没给|没结)(?:工资|工钱)?)?(?:了)?$/u;

/**
 * `8000 三个月`, `三个月 8000块`, `欠了8000 两个月`: a message of two words, a figure of money and a number of
 * months, and nothing else: the amount owed and the months (counted back from now), each a reading to confirm.
 * A bare figure is money only from 1000 up (`300 两个月` may be a day's pay, or people). Null for anything else.
 */
function figureAndMonths(text: string, now: Date): { amount: Amount; period: WagePeriodAnswer; months: string; total: boolean } | null {
  const words = text.trim().split(/[\s,，、;；。]+/u).filter(Boolean);
  if (words.length !== 2) return null;
  const figure = words.find((w) => FIGURE_WORD.test(w));
  const months = words.find((w) => MONTHS_WORD.test(w));
  if (!figure || !months || figure === months) return null;
  // `我的工资5000 三个月没发`: the wage named with its figure (a month's, or the months' in all) is such a figure too.
  const unframed = figure.replace(/^(?:(?:我|俺)?(?:的)?(?:工资|工钱)(?:是|有)?)/u, '');
  const total = /^(?:一共|总共|共)/u.test(unframed);
  const bare = unframed.replace(/^(?:一共|总共|共)?(?:欠了?|拖了?|差了?)?/u, '');
  if (/^(?:19|20)\d\d$/u.test(bare)) return null;
  const p = parseAmount(bare);
  if (!p.ok || p.value.yuan < (/^\d+$/u.test(bare) ? 1000 : 100)) return null;
  const q = parsePeriod(months.replace(/^(?:欠了?|拖了?|差了?)(?:我)?/u, ''), now);
  if (!q.ok || q.value.inferred !== null) return null;
  return { amount: p.value, period: { start: q.value.start, end: q.value.end, months: q.value.months }, months, total };
}

/** A range of months standing as a word of its own: `9月到11月`, `今年3月-8月`, `去年10月份到现在`. */
const MONTH_RANGE_WORD = /^(?:(?:今年|去年|前年|\d{4}年|20\d\d[.\/-]?)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份?)(?:到|至|-|~)(?:(?:今年|去年|\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份?(?:底|初)?|现在|今天|如今)$/u;

/**
 * The one range of months in a message of several words parted by spaces or commas (`好再来饭店 河西街道 9月到11月
 * 一共一万八`): read as the period; null unless exactly one word is such a range and it reads with no guess.
 */
function monthRangeListed(text: string, now: Date): WagePeriodAnswer | null {
  const words = text.trim().split(/[\s,，、;；。]+/u).filter(Boolean);
  if (words.length < 2) return null;
  const ranges = words.filter((w) => MONTH_RANGE_WORD.test(w));
  if (ranges.length !== 1) return null;
  const p = parsePeriod(ranges[0]!, now);
  return p.ok && p.value.inferred === null ? { start: p.value.start, end: p.value.end, months: p.value.months } : null;
}

/** A wage named with a figure and nothing else (`工资5000`, `我的工资是五千`): group 1, the figure. */
const WAGE_FIGURE_ONLY = /^(?:我|俺)?(?:的)?(?:工资|工钱)(?:是|有)?((?:\d{4,7}|\d+(?:\.\d+)?[万wW千kK]\d*|[一二两三四五六七八九十][一二两三四五六七八九十百千万]*[千万][一二两三四五六七八九]?)(?:块钱?|元)?)$/u;

/** A figure standing as a word of its own: `6000`, `8000块`, `一万五`, `1.2万`. */
const BARE_FIGURE = /^(?:\d{3,7}|\d+(?:\.\d+)?[万wW千kK]\d*|[一二两三四五六七八九十][一二两三四五六七八九十百千万]*[千万][一二两三四五六七八九]?)(?:多|来)?(?:块钱?|元)?$/u;
/** A word ending in a count of months owed (`老板欠我两个月`, `三个多月了`, `两个月没发`), not their wages (`三个月工资`). */
const MONTHS_WORD_END = /(?:[0-9一二两三四五六七八九十]+|[俩仨])(?:个)?多?月(?:了|的)?(?:(?:都|还|一直)?(?:没发|没给|没结)(?:工资|工钱)?)?(?:了)?$/u;
const MONTHS_WORD_START = /^(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?多?月/u;

/**
 * Whether `amount` was said as a figure alone beside a count of months (`老板欠我两个月 6000`, `欠薪 三个月 8000块`,
 * `宏达建筑 8000 3个月`, `欠我两个月6000`): nothing says whether it is what the months come to or a month's wage. The
 * months said, or null; null too when words tie it to the debt or the months (`欠我6000 两个月`, `三个月工资 一万二`,
 * `一共8000`).
 */
function figureBesideMonths(text: string, amount: Amount): number | null {
  const words = text.split(/[\s!！。，,、~～;；]+/u).filter(Boolean);
  const same = (w: string) => {
    const p = parseAmount(w);
    return p.ok && p.value.yuan === amount.yuan;
  };
  const months = (w: string, after = false) => {
    // The count nearest the figure: the last one in the words before it, the first after it.
    const said = [...w.matchAll(/([0-9一二两三四五六七八九十]+)(?:个)?多?月/gu)];
    const n = parseChineseNumber(((after ? said[0] : said.at(-1))?.[1] ?? '').replace('俩', '两'));
    return n && n >= 1 && n <= 120 ? n : null;
  };
  for (const [i, said] of words.entries()) {
    const joined = /^(.*?[0-9一二两三四五六七八九十]+(?:个)?多?月(?:了|的)?)(\d{4,6}(?:多|来)?)$/u.exec(said);
    if (joined && MONTHS_WORD_END.test(joined[1]!) && same(joined[2]!)) return months(joined[1]!);
    // `我的工资5000 三个月没发`: the wage named with the figure ties it to no debt: as bare a figure.
    const w = said.replace(/^(?:我|俺)?(?:的)?(?:工资|工钱)(?:是|有)?(?=[0-9一二两三四五六七八九十])/u, '');
    if (!BARE_FIGURE.test(w) || !same(w)) continue;
    if (i > 0 && MONTHS_WORD_END.test(words[i - 1]!)) return months(words[i - 1]!);
    if (i + 1 < words.length && MONTHS_WORD_START.test(words[i + 1]!)) return months(words[i + 1]!, true);
  }
  return null;
}

/**
 * `8000 三个月`: is the figure what they owe in all, or a month's wage? Asked, never guessed (a bare figure beside the
 * months may be either); each choice is read back as said (`一共8000 3个月`, `欠了3个月 每个月8000`) and confirmed.
 * Null unless the words are such a pair with a bare figure.
 */
export function totalOrMonthly(text: string, now: Date): { ok: false; conflict: true; error: string; options: { label: string; value: string }[] } | null {
  const pair = figureAndMonths(text, now);
  if (!pair || pair.total) return null;
  const n = pair.period.months;
  const figure = showAmount(pair.amount);
  const monthly = { yuan: Math.round(pair.amount.yuan * n * 100) / 100, approx: pair.amount.approx, upTo: null };
  return {
    ok: false,
    conflict: true,
    error: `您说的${figure}，是${n}个月一共欠的，还是每个月的工资？`,
    options: [
      { label: `${n}个月一共欠${figure}`, value: `一共${pair.amount.yuan} ${n}个月` },
      { label: `每个月${figure}（一共${showAmount(monthly)}）`, value: `欠了${n}个月 每个月${pair.amount.yuan}` },
    ],
  };
}

/** `我的8000`, `我自己的是一万二`: the person's own share in its clause, in a message about wages owed. */
const OWN_SHARE = /(?:^|[\s,，。;；!！])(?:我|俺)(?:自己|个人|本人)?(?:的)?(?:是|有)?((?:\d{3,7}|\d+(?:\.\d+)?[万wW千kK]\d*|[一二两三四五六七八九十][一二两三四五六七八九十百千万]*[千万][一二两三四五六七八九]?)(?:块钱?|元)?)(?=$|[\s,，。;；!！])/u;
function ownShare(text: string): Amount | null {
  if (!/欠|拖|没发|没给|没结|工资|工钱/u.test(text)) return null;
  const m = OWN_SHARE.exec(text);
  if (!m || /^(?:19|20)\d\d$/u.test(m[1]!)) return null;
  const p = parseAmount(m[1]!);
  return p.ok && p.value.yuan >= 100 ? p.value : null;
}

/** Where the person (or someone) is from: `我是东龙镇人`, `俺是白沙的人`, `我是东龙镇本地人`, `老家在东龙`. */
const FROM_PLACE = /(?:^|(?<=[,，。;；!！\s]))(?:我|俺|人)?(?:家)?住(?:在)?[\p{Script=Han}]{2,6}?(?:那边|这边)?(?:的)?(?=$|[,，。;；!！\s])|(?:我|俺|他|她|我们|俺们|老板娘|老板|包工头|工头|老总)(?:倒|也|都)?(?:是|系)[\p{Script=Han}]{2,6}?(?:本地)?(?:的)?人(?=$|[,，。;；!！\s]|[在老我俺他她])|(?:老家|户口|家乡|籍贯)(?:是|在)?[\p{Script=Han}]{2,6}?(?:的|人)?(?=$|[,，。;；!！\s]|[在我俺他她现])/gu;

/** The unit's name said not to be known: `公司名字忘了`, `不知道厂叫啥`. */
const NAME_FORGOTTEN =
  /(?:公司|厂子?|单位|店|老板)(?:的)?(?:名字|名称|全称|全名|名|叫啥|叫什么)(?:我|俺)?(?:也|都)?(?:忘了|忘记了?|不记得|记不得|记不清|不知道|不晓得|不清楚)|(?:忘了|不记得|记不清|不知道|不晓得)(?:公司|厂子?|单位|店)(?:的)?(?:名字|名称|全称|叫啥|叫什么)/u;
/** Only the boss's number and his name said not to be known (`老板电话我有 136… 名字不知道`). */
function bossPhoneNameUnknown(text: string): boolean {
  if (mobileSpans(spokenDigits(text)).length === 0 || findPhone(text) !== null) return false;
  const clauses = text.split(/[\s,，。;；!！]+/u).filter((c) => c !== '' && !/^[\d-]+$/u.test(c));
  return clauses.length > 0 && clauses.some((c) => /不知道|不晓得|不清楚/u.test(c)) && clauses.every((c) =>
    /^(?:老板|老板娘|包工头|工头)(?:的)?(?:电话|手机|手机号|号码)(?:我|俺)?(?:有|知道)?(?:的)?(?:是)?[\d-]*$/u.test(c) ||
    /^(?:他|她)?(?:的)?(?:名字|全名|叫啥|叫什么)(?:我|俺)?(?:不知道|不晓得|不清楚)$|^(?:不知道|不晓得|不清楚)(?:他|她)?(?:叫啥|叫什么|的?名字)$/u.test(c));
}
/** Only an address, no name (`滨江路88号`, `在人民路12号那边`). */
const BARE_ADDRESS = /^(?:就)?(?:在|地址是?|地址在)?[\p{Script=Han}]{1,6}?[路街巷道][0-9一二三四五六七八九十百零〇]+号(?:楼)?(?:那里|那边|附近|那儿)?$/u;
/** What makes a clause an address rather than just a township: a park, a road, a number, a building. */
const ADDRESS_PLACE = /工业园|工业区|开发区|产业园|科技园|物流园|园区|[路街巷道]|\d+号|[一二三四五六七八九十]+号|[栋幢]|大厦|广场|小区|花园/u;

/**
 * `公司名字忘了 在工业园二号`: beside the name said not to be known, a clause saying where the unit is
 * (`在…`), read as the unit's address. Null when nothing says the name is not known, or no clause is an address.
 */
function addressBesideForgottenName(text: string): string | null {
  const clauses = text.trim().split(/[\s,，。;；!！]+/u).filter(Boolean);
  if (clauses.length < 2 || !NAME_FORGOTTEN.test(compact(text))) return null;
  const at = clauses.filter((c) => /^(?:就)?(?:在|位于|地址在|地址是)/u.test(c) && !NAME_FORGOTTEN.test(c) && ADDRESS_PLACE.test(c));
  if (at.length !== 1) return null;
  const r = addressAnswer(at[0]!, '东龙镇工业园2号');
  return r.ok ? r.value : null;
}

/**
 * In a sentence about household work, the employer known only by surname, from the clause that says it on
 * (`…当保姆 她姓张 叫啥不知道` → 张女士, `…就知道姓张 别的不知道` → 张姓雇主). Only a name built that way
 * (the rest said not to be known); a bare `她姓张` is left to the question, which asks how she is called.
 */
function householdBySurname(text: string, isPlace: (name: string) => boolean): string | null {
  const clauses = text.trim().split(/[\s,，。;；!！]+/u).filter(Boolean);
  const at = clauses.findIndex((c) => /姓[^啥什么名不\P{Script=Han}]/u.test(c));
  if (at < 0) return null;
  // The clause with the surname, and the next one when it says the rest is not known (`叫啥不知道`).
  const next = clauses[at + 1];
  const said = next !== undefined && NAME_NOT_KNOWN.test(`，${next}`) ? `${clauses[at]}，${next}` : clauses[at]!;
  const p = parseEmployer(said, isPlace, true);
  return p.ok && 'built' in p ? p.value : null;
}

/** Money that is part of the wages besides what was said (`加班费`, `提成`): an add-on, when said with `还有`. */
const WAGE_PART = '(?:加班费|加班工资|加班的钱|工资|工钱|奖金|提成|补贴|绩效|全勤|押金|工程款|钱)';
/**
 * `还有加班费两千`, `少说了 还有2000的加班费`, `另外还有两千没给`, `再加上三千`: more owed besides the amount
 * already given (group 1: the figure). Never with anything else in it (`还有两个人` has no money).
 */
const ADD_ON = new RegExp(
  `^(?:(?:我|俺)?(?:刚才)?(?:少说了|说少了|漏说了|漏了|忘了说|忘说了|还忘了)[了啊,，\\s]*)?(?:对了[,，\\s]*)?(?:还有|另外还有|另外|再加上?|外加|加上|还要加上?)(?:一笔|一份)?(?:${WAGE_PART}(?:是|有)?)?(${MONEY_FIGURE})(?:的)?(?:${WAGE_PART})?(?:也)?(?:没给|没发|没结|没算|没算上|没算进去)?(?:呢|啊|哦|吧)?$`,
  'u',
);

/** More owed besides the amount already given (`还有加班费两千` after 8000): the two together, to be confirmed. */
function amountAdded(text: string, a: WageAnswers): Amount | null {
  if (!a.amount || a.amount.upTo !== null) return null;
  const m = ADD_ON.exec(compact(text).replace(/[。.!！]+$/u, ''));
  const more = m ? parseAmountLoose(m[1]!) : null;
  if (!more || more.upTo !== null) return null;
  return { yuan: a.amount.yuan + more.yuan, approx: a.amount.approx || more.approx, upTo: null };
}

/** `对了 时间是7月开始的`, `是从7月份开始欠的`: a new first month of the arrears period already given (group 1). */
const PERIOD_STARTS =
  /^(?:对了|哦对了|还有|另外|不好意思)?[,，\s]*(?:拖欠(?:的)?)?(?:时间|工资)?(?:应该)?(?:是)?(?:从)?((?:今年|去年)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月份?)(?:就)?(?:开始|起)(?:的|算|欠的|拖的|没给的|没发的)?(?:吧|啊|哦)?$/u;

/** The arrears period with a new first month said later (`时间是7月开始的`), its end kept: confirmed, never taken silently. */
function periodStartSaid(text: string, a: WageAnswers, now: Date): WagePeriodAnswer | null {
  const p = a.period;
  const m = p ? PERIOD_STARTS.exec(compact(text).replace(/[。.!！]+$/u, '')) : null;
  if (!p || !m) return null;
  const month = parseMonthDetailed(m[1]!, now);
  if (!month.ok || month.value.month === p.start) return null;
  const start = month.value.month;
  if (p.end !== null && monthsBetween(start, p.end) < 0) return null;
  if (p.end !== null) return { start, end: p.end, months: monthsBetween(start, p.end) + 1 };
  const open = parsePeriod(`${m[1]}到现在`, now);
  return open.ok && open.value.end === null ? { start: open.value.start, end: null, months: open.value.months } : null;
}

/** Many people, no figure: `很多人`, `好多人`, `反正不少`, `一大帮`. */
const MANY_PEOPLE = /很多人?|好多人?|不少人?|挺多人?|老多人?|人(?:很|挺|老|特别)?多|一大?(?:帮|群|堆|伙)人?|一大帮子/u;
/**
 * Everyone at the workplace, no figure: `全厂的人`, `全店都欠着`, `所有工人`. (`全工地的人` is left to the facts: a
 * building site, proposed as one, while whether it is one is not answered yet: EVERYONE_ON_SITE.)
 */
const EVERYONE_THERE = /全(?:厂|店|公司|车间|班组|组|队)|整个(?:厂子?|店|公司|车间|班组|队)|所有(?:的)?(?:人|工人|工友)/u;
/**
 * `整个工地的人都没拿到` with 「工程建设项目」 answered: a count (rough ones to choose from), never that answer changed
 * from the headcount (a change of it is only mentioned, when it was 不是).
 */
const EVERYONE_ON_SITE = /全(?:工地|项目)|整个(?:工地|项目)|工地上?(?:的)?(?:所有|全部)(?:的)?(?:人|工人|工友)?/u;
/** Asking for a rough headcount when no figure is known. */
const ROUGH_HEADCOUNT_ASK = '不用很准。大概多少人？选一个最接近的就行：';
/** A workplace pointed at by where it is, not named (`新塘村那个饭店`, `镇上那家厂`). */
const POINTED_UNIT = /(?:那个|那家|这个|这家)(?:[\p{Script=Han}]{0,2}?)(?:公司|厂|厂子|工厂|工地|店|饭店|酒店|餐馆|饭馆|餐厅|超市|车间|单位)$/u;

/** A few people, no figure, said as an answer (`我们几个`, `就几个人`, `也就几个`, `不止我 还有好几个`); never asked (`几个人？`, `几个人算吗`). */
const A_FEW = /^(?:(?:不止|除了|不光|不只)(?:我|俺)(?:一个)?(?:一个人)?(?:以外|之外)?(?:[,，])?(?:还有|也有|另外还有)?)?(?:就|只有|也就|就是|反正|大概|估计)?(?:我们|咱们|俺们|我们就|我们也就)?(?:这|就|也就|有|得有)?(?:好)?几个(?:人|工友|兄弟|老乡|工人)?(?:而已|吧|啊|呀|呢|哦)?$/u;
/** Small rough headcounts to choose from (each as a typed answer reads it: 2至3人, 4至5人, 6至7人, 约10人). */
const FEW_HEADCOUNTS = [
  { label: '两三个', value: '两三个' },
  { label: '四五个', value: '四五个' },
  { label: '六七个', value: '六七个' },
  { label: '十来个', value: '十来个' },
];

/** `好几个`: more than two or three, no figure (each as a typed answer reads it: 3至4人, 5至6人, 7至8人, 约10人). */
const SEVERAL_HEADCOUNTS = [
  { label: '三四个', value: '三四个' },
  { label: '五六个', value: '五六个' },
  { label: '七八个', value: '七八个' },
  { label: '十来个', value: '十来个' },
];

/** Rough headcounts to choose from when no figure is known: each as a typed answer reads it (约10人, 20至30人, 约50人, 约100人). */
const ROUGH_HEADCOUNTS = [
  { label: '十来个', value: '十来个' },
  { label: '二三十个', value: '二三十个' },
  { label: '五十个左右', value: '五十个左右' },
  { label: '上百个', value: '上百个' },
];

/** Who counts among those owed, asked about (`我们一个班组的算吗`, `老乡也算吗`). */
const WHO_COUNTS = /(?:班组|一个班|班里|组里|工友|老乡|同事|我们|大家|一起干|其他人|别人|家里人|老婆|媳妇)[^，,。]*(?:算吗|算不算|算么|也算|都算|算进去|算上|包括|要算)/u;
const isQuestionLike = (t: string) => /[吗么嘛?？]|不算|要不要|是不是/u.test(t);

/** A count of people in words (`8个人`, `十几个`, `就我一个`): the words are about people, not only money. */
const PEOPLE_SAID = /[0-9零〇一二两俩仨三四五六七八九十百几](?:多|来|余)?(?:个人|个工友|个兄弟|个老乡|号人|人|名|位|个(?!多?月|小时|星期|礼拜|钟|工|半月))|就我|只有我|我一个|我自己|我们俩|我俩|咱俩|俺俩|我们仨|夫妻|两口子/u;
/** A number of months (`三个月`, `3个多月`). */
const MONTHS_SAID = /(?<![0-9零〇一二两三四五六七八九十])([0-9零〇一二两三四五六七八九十]+)个多?月/u;

/**
 * At the headcount question, money or months with no people in the words (`八千 三个月`, `八千`, `欠了三个月`):
 * never a count (8000人). What is already known is said to be noted, and the count asked again; a figure that
 * differs is left to be proposed as a change (the facts the message gives), the way to change it said.
 */
function moneyAtHeadcount(t: string, a: WageAnswers): { ok: false; error: string } | null {
  if (PEOPLE_SAID.test(compact(t))) return null;
  const money = findAmounts(t);
  const sum = money.own ?? money.group ?? (/[千万萬仟]/u.test(compact(t)) ? parseAmountLoose(t) : null);
  const monthsWords = MONTHS_SAID.exec(compact(t));
  const months = monthsWords ? parseChineseNumber(monthsWords[1]!) : null;
  const known = (x: Amount) => (a.amount !== undefined && sameAmount(a.amount, x)) || (a.groupAmount != null && sameAmount(a.groupAmount, x));
  // A figure alone (`一千二`) may be a large workforce: money only as said (元, 块, 万), or as the amount known.
  if (!months && !(sum && (known(sum) || /[元块钱万萬¥]/u.test(t)))) return null;
  const noted: string[] = [];
  const other: string[] = [];
  if (sum) {
    if (known(sum)) noted.push(showAmount(sum));
    else other.push('如果金额要改，可以直接说「金额说错了，是…」。');
  }
  if (months) {
    if (a.period?.months === months) noted.push(`${months}个月`);
    else other.push('如果拖欠时间要改，可以直接说「拖欠时间说错了，是…」。');
  }
  const ask = `请告诉我一共有多少人被拖欠（包括${owed(a)}自己），例如：${a.onBehalf ? `就${them(a)}一个` : '就我一个'}、二十多个人。`;
  // Never a conflict: a figure that differs is then proposed as a change (understand.ts reads the facts).
  return { ok: false, error: `这看起来不是人数。${noted.length > 0 ? `${noted.join('、')}前面已经记下了，` : ''}${ask}${other.join('')}` };
}

/** A choice made for two months apart: `只有2026-08和2026-10`. */
const TWO_MONTHS_CHOICE = /^只有(\d{4}-\d{2})和(\d{4}-\d{2})$/u;

/**
 * `8月、10月`, `8月和10月`: two months said, not next to each other. Whether only those two are owed or
 * the months between too is asked (the months between were never said); null for anything else.
 */
function monthsApart(words: string, now: Date): Result<WagePeriodAnswer, WageAnswers> | null {
  const m = /^(.+?月份?)(?:的)?(?:和|跟|还有|、|,|，|(?=\d|[一二三四五六七八九十]))(.+?月份?)(?:的|这两个月|两个月)*$/u.exec(words.replace(/\s+/gu, ''));
  if (!m) return null;
  // `去年11月和12月`: the year said before the first month is the second's too (never 2025-11 and 2026-12).
  const year = /^(?:去年|前年|今年|\d{2,4}年|[零〇一二三四五六七八九]{2,4}年)/u.exec(m[1]!)?.[0];
  const [x, y] = [parseMonthDetailed(m[1]!, now), parseMonthDetailed(year && !/年/u.test(m[2]!) ? `${year}${m[2]}` : m[2]!, now)];
  if (!x.ok || !y.ok) return null;
  const [from, to] = [x.value.month, y.value.month];
  const gap = monthsBetween(from, to);
  if (gap <= 1) return null;
  const range = { start: from, end: to, months: gap + 1 };
  return {
    ok: false,
    conflict: true,
    error: `您说的是${showMonth(from)}和${showMonth(to)}。是只有这两个月，还是从${showMonth(from)}到${showMonth(to)}这${gap + 1}个月都欠着？`,
    options: [
      { label: `只有这两个月`, value: `只有${from}和${to}` },
      { label: showPeriod(range), value: `${from.replace('-', '年').replace(/年0?/u, '年')}月到${to.replace('-', '年').replace(/年0?/u, '年')}月` },
    ],
  };
}

/** A building site or a housing estate by its name (`翠湖湾小区`, `青溪花园二期`): a project, never an employer. */
const SITE_NAME = /(?:小区|花园|家园|楼盘|项目|工地|新村|公寓|[一二三四五六七八九十\d]期)$/u;

/** The person and someone else named together (`我和我老婆`, `我老公跟我`, `我们两口子`, `我们俩`). */
const TOGETHER_WITH =
  /(?:我|俺)(?:和|跟|与|还有|、)(?:我|俺)?(?:的)?(?:老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟?|哥哥?|姐姐?|妹妹?|兄弟|老乡|同事|工友|朋友|老表|爸爸?|妈妈?|父亲|母亲)|(?:老婆|媳妇|爱人|老公|对象|丈夫|妻子|儿子|女儿|闺女|弟弟?|哥哥?|姐姐?|妹妹?|兄弟|老乡|同事|工友|朋友|老表|爸爸?|妈妈?)(?:和|跟|与)(?:我|俺)(?!们)|(?:我们|咱们|俺们|我|咱|俺)(?:俩|仨)(?!个?[多来]?(?:月|年|天|星期|礼拜))|(?:我们|咱们|俺们)(?:两|三)个(?!月|多月|半)|两口子|夫妻/u;
/** A monthly wage word (`每月`, `一个月`, `月薪`). */
const MONTH_RATE_WORDS = /每个?月|一个月|月薪|月工资/u;
/** Said per person (`每人`, `每个人`, `各`): one person's figure. */
const PER_HEAD = /每人|每个人|一人|各(?:自|是|有)?[0-9一二两三四五六七八九十]/u;

/**
 * A monthly wage said of the person and someone else together (`我和我老婆每月工资加起来一万`, `我们两口子一个月一共
 * 一万二`): not the person's own wage, and not (times the months) what anyone is owed. Not when said per person
 * (`我和老乡每人每月六千`) or as the person's own (`我和老乡一起干 我每月六千`).
 */
function combinedMonthlyWage(text: string): boolean {
  const t = compact(text);
  if (!TOGETHER_WITH.test(t) || !MONTH_RATE_WORDS.test(t) || PER_HEAD.test(t)) return false;
  return !/(?:^|[，,。\s])(?:我|俺)(?:自己)?(?:的)?(?:工资)?(?:每个?月|一个月|月薪|月工资)/u.test(text);
}

/** The month's wage of the two together, the figure after its words (`一个月一共一万二`, `每月工资加起来一万`). */
const JOINT_RATE = /(?:每个?月|一个月|月薪|月工资)(?:的)?(?:工资|工钱)?(?:一共|总共|加起来|合起来|加一起|加在一起)(?:是|有)?((?:大概|差不多)?[0-9零一二两三四五六七八九十百千万.]+(?:块钱|块|元)?)/u;

/**
 * The monthly wage of the person and someone else together ({@link combinedMonthlyWage}), when it is the only money
 * in the words (`我跟我老公一个月一共一万二 三个月没发了` → 12000); null with any other figure beside it
 * (`…我自己的六千`), or a range.
 */
function jointMonthlyWage(text: string): Amount | null {
  // Clause by clause (`一万二 三个月`: the next clause's figure is no part of it).
  const m = text.split(/[\s,，。;；!！]+/u).map((c) => JOINT_RATE.exec(compact(c))).find((x) => x !== null);
  if (!m) return null;
  const r = readAmount(m[1]!);
  if (!r.ok || r.value.upTo !== null) return null;
  const rest = findAmounts(text.replace(/\s+/gu, ' ').replace(m[1]!, '，'));
  return rest.own || rest.group ? null : r.value;
}

function headcountClause(text: string): { count: number } | null {
  for (const c of text.split(/[\s,，。;；!！]+/u)) {
    if (!/人|个/u.test(c)) continue;
    const p = parseHeadcount(c);
    if (p.ok) return p.value;
  }
  return null;
}

/**
 * Facts found in a message, without those that contradict each other or
 * what is already known (the question is asked instead, and its answer
 * checked with a message saying what does not fit). Household work has no
 * construction or headcount questions: such facts are left out too.
 */
function consistent(out: WageAnswers, a: WageAnswers, now: Date): WageAnswers {
  if (household({ ...a, ...out })) {
    for (const k of ['construction', 'project', 'generalContractor', 'subcontractor', 'headcount', 'groupAmount'] as const) delete out[k];
  }
  if (out.leftSince !== undefined) {
    const period = out.period ?? a.period;
    if (checkLeft(out.leftSince, { ...a, period })?.kind === 'refuse' || (period && endsWhenLeft(period, out.leftSince, now))) delete out.leftSince;
  }
  if (out.period !== undefined) {
    const k: Known = { ...a, stillEmployed: out.stillEmployed ?? a.stillEmployed, leftSince: out.leftSince ?? a.leftSince };
    if (checkPeriod(out.period, k)?.kind === 'refuse' || (k.stillEmployed === false && k.leftSince && endsWhenLeft(out.period, k.leftSince, now))) delete out.period;
  }
  if (out.groupAmount && checkGroupAmount(out.groupAmount, { ...a, amount: out.amount ?? a.amount })?.kind === 'refuse') delete out.groupAmount;
  if (out.amount && checkOwnAmount(out.amount, { ...a, groupAmount: out.groupAmount ?? a.groupAmount })?.kind === 'refuse') delete out.amount;
  if (out.headcount && checkHeadcount(out.headcount, a)?.kind === 'refuse') delete out.headcount;
  return out;
}

/** The confirmed report, every required field present (the summary could not be confirmed otherwise). */
export const WageReport = WageAnswers.required({
  employer: true,
  location: true,
  period: true,
  amount: true,
  stillEmployed: true,
  contactName: true,
  phone: true,
});
export type WageReport = z.infer<typeof WageReport>;
export type WageValue<K extends keyof WageAnswers> = Value<WageAnswers, K>;

/** A confirmed report as the case records it (core/cases/record.ts); `seal` encrypts a roster's phones. */
export function wageDetails(a: WageReport, now: Date, seal: (phone: string) => string): NonNullable<Case['wage']> {
  const own = household(a);
  const building = !own && a.construction === true;
  const many = !own && (a.headcount?.count ?? 1) >= 2;
  const leftSince = a.stillEmployed ? null : (a.leftSince ?? null);
  const roster = many && a.roster ? a.roster : null;
  return {
    employer: a.employer,
    employerKind: own ? 'household' : 'organisation',
    construction: building,
    project: building ? (a.project ?? null) : null,
    period: a.period,
    amount: a.amount.yuan,
    amountApprox: a.amount.approx,
    amountUpTo: a.amount.upTo,
    groupAmount: many ? (a.groupAmount?.yuan ?? null) : null,
    groupAmountApprox: many && a.groupAmount ? a.groupAmount.approx : false,
    groupAmountUpTo: many ? (a.groupAmount?.upTo ?? null) : null,
    // Household work has no headcount question: the report is the worker's own.
    headcount: own || !a.headcount ? { count: 1, approximate: false } : a.headcount,
    stillEmployed: a.stillEmployed,
    leftSince,
    // Household work is usually a civil matter: no labour-arbitration limit.
    nearArbitrationLimit: !own && leftSince ? arbitrationStatus(leftSince, now).nearLimit : false,
    employerAddress: a.employerAddress ?? null,
    projectAddress: building ? (a.projectAddress ?? null) : null,
    generalContractor: building ? (a.generalContractor ?? null) : null,
    subcontractor: building ? (a.subcontractor ?? null) : null,
    labourContractor: building ? (a.labourContractor ?? null) : null,
    trade: a.trade ?? null,
    workStart: a.period.months >= LONG_PERIOD_MONTHS ? (a.workStart ?? null) : null,
    roster: roster
      ? {
          entries: roster.entries.map((e) => ({
            name: e.name,
            amount: e.amount?.yuan ?? null,
            amountApprox: e.amount?.approx ?? false,
            amountUpTo: e.amount?.upTo ?? null,
            phoneSealed: e.phone ? seal(e.phone) : null,
          })),
          files: roster.files.map((f) => ({ id: f.id, name: f.name })),
        }
      : null,
    account: a.account ?? null,
    evidenceHeld: a.evidenceHeld ?? null,
    onBehalf: a.onBehalf ? { relation: a.onBehalf.relation, workerName: a.workerName ?? a.onBehalf.name ?? null } : null,
  };
}

/** The files a report brings: its evidence, and a roster sent as photos or spreadsheets (kept even if the headcount changed since). */
export function wageFiles(a: WageReport): FileRef[] {
  return [...(a.evidence ?? []), ...(a.roster?.files ?? [])];
}

/**
 * Said after a household or private employer's report is submitted: the
 * civil route in plain words, and legal aid offered (the engine asks "好的 /
 * 不用了" and opens the booking).
 */
export const HOUSEHOLD_ADVICE =
  '给家庭或个人干活（比如当保姆、月嫂、护工、钟点工，或者给私人装修），一般不算劳动关系，不走劳动仲裁，可以这样要回工钱：\n' +
  '1. 先和雇主协商，把欠多少、哪天给写下来，请对方签字；\n' +
  '2. 谈不拢，可以找社区或村里的人民调解委员会免费调解，调解协议可以请法院确认；\n' +
  '3. 还不行，可以到当地基层人民法院起诉，钱不多的可以走小额诉讼，快、费用低。\n' +
  '工作人员也会联系您帮忙。需要律师免费帮您（写欠条、起诉状，陪您调解）吗？可以现在预约法律援助。';

export function afterWageSubmit(a: WageAnswers): { text: string; offer: string } | null {
  return household(a) ? { text: HOUSEHOLD_ADVICE, offer: 'legal' } : null;
}
