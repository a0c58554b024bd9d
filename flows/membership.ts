import { normalizePlaceText } from '../core/directory/match.js';
import {
  employerById,
  employerMentioned,
  employerUnion,
  matchEmployer,
  newEmploymentUnion,
  townshipUnion,
  type Union,
} from '../core/directory/unions.js';
import { OCCUPATION_NAMES, placeText } from '../core/member-notices.js';
import { OCCUPATIONS, type Employment, type Occupation, type Place } from '../core/members.js';
import { maskIdNumber } from '../core/privacy.js';
import { parseIdNumber, parseMobile, parseOrgName, parsePersonName, type IdNumber } from './parsers/index.js';
import { consentStep, fromParsed, parseTownship, textStep, townshipStep, type TownshipMatchOptions } from './step-kit.js';
import type { Answers, Flow, FlowContext, Option, Step, StepResult } from './types.js';

/** Joining the union (加入工会): consent, ID consent, who, how they work, where; the union follows from the answers. */

/** Youngest age at which a worker may join (劳动法: the minimum working age). */
export const MIN_MEMBER_AGE = 16;

export interface TownshipAnswer {
  districtId: string;
  townshipId: string;
}
export interface EmployerAnswer {
  /** As typed, or the directory's name when it is known. */
  name: string;
  employerId: string | null;
}

const short = (t: string) => [...t].slice(0, 20).join('');

/** Membership's township matching: a bare district name asks which of its townships; nothing near lists the districts too. */
const MEMBER_TOWNSHIP: TownshipMatchOptions = {
  quote: short,
  before: (t, ctx) => {
    const n = normalizePlaceText(t);
    const district = ctx.directory.districts.find((d) =>
      [d.name, ...d.aliases].some((name) => {
        const k = normalizePlaceText(name);
        return k === n || k.replace(/[区县市]$/u, '') === n;
      }),
    );
    if (!district) return undefined;
    return {
      ok: false,
      error: `请具体到镇或街道。${district.name}有下面这些镇街，回复数字即可：`,
      options: district.townships.map((tw) => ({ label: tw.name, value: tw.id })),
    };
  },
  none: (quoted, ctx) => {
    const served = ctx.directory.districts.map((d) => `${d.name}（${d.townships.map((tw) => tw.name).join('、')}）`).join('；');
    return `没找到「${quoted}」这个镇或街道。我们目前服务：${served}。请回复其中一个；如果不在这些地方，可以回复「人工」咨询。`;
  },
};

/** A township or street from what was typed (or a picked candidate's id); a bare district name asks which of its townships. */
export function parseTownshipAnswer(t: string, ctx: FlowContext): StepResult {
  return parseTownship(ctx, t, MEMBER_TOWNSHIP);
}

/** Words workers use for each occupation, most specific first. */
const OCCUPATION_WORDS: [Occupation, RegExp][] = [
  ['food_delivery', /外卖|骑手|送餐|跑腿|配送员|美团|饿了么/],
  ['courier', /快递|快件|揽件|派件|收件|送件/],
  ['truck_driver', /货车|卡车|货运|大车|重卡|拉货|货拉拉|满帮|运满满|跑运输/],
  ['ride_hailing', /网约车|滴滴|专车|快车|顺风车|出租车|的哥/],
  ['domestic', /家政|保洁|保姆|月嫂|育儿嫂|护工|钟点工/],
  ['streamer', /主播|直播|带货|网红/],
  ['other', /^(其他|其它|别的|都不是|以上都不是)$/],
];

export function occupationFrom(t: string): Occupation | null {
  if ((OCCUPATIONS as readonly string[]).includes(t)) return t as Occupation;
  const byName = (Object.entries(OCCUPATION_NAMES) as [Occupation, string][]).find(([, name]) => name === t);
  if (byName) return byName[0];
  return OCCUPATION_WORDS.find(([, re]) => re.test(t))?.[0] ?? null;
}

const OCCUPATION_OPTIONS: Option[] = OCCUPATIONS.map((o) => ({ label: OCCUPATION_NAMES[o], value: o }));

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
const PLATFORM_ALIASES: [RegExp, string][] = [
  [/美团/, '美团'],
  [/饿了么|蜂鸟/, '饿了么'],
  [/顺丰/, '顺丰'],
  [/京东/, '京东'],
  [/满帮|运满满|货车帮/, '满帮'],
  [/货拉拉/, '货拉拉'],
  [/滴滴/, '滴滴'],
  [/抖音/, '抖音'],
  [/快手/, '快手'],
];
const NO_PLATFORM = /^(没有|无|没|不跑平台|没有平台|没有固定平台|自己干|个人)$/;

export function platformFrom(t: string): string | null {
  return PLATFORM_ALIASES.find(([re]) => re.test(t))?.[1] ?? null;
}

/** The union that would review these answers (and that the worker joins). */
export function unionForAnswers(a: Answers, ctx: FlowContext): Union | undefined {
  if (a.employment === 'employee') {
    const emp = a.employer as EmployerAnswer | undefined;
    if (emp?.employerId) return employerUnion(ctx.index, emp.employerId);
    const wp = a.workplace as TownshipAnswer | undefined;
    return wp ? townshipUnion(ctx.index, wp.townshipId) : undefined;
  }
  if (a.employment === 'new_form') {
    const r = a.residence as TownshipAnswer | undefined;
    return r ? newEmploymentUnion(ctx.index, r.townshipId) : undefined;
  }
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

const steps: Step[] = [
  consentStep({
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
  }),
  consentStep({
    id: 'idConsent',
    ask:
      '另外，身份证号需要您单独同意：\n' +
      '· 为什么要：核实身份、防止重复入会，每人只有一个会员编号；\n' +
      '· 谁能看到：号码加密保存，审核的工作人员也只能看到一部分，例如4503**********123X；\n' +
      '· 保存多久：和会籍一样，您删除信息或退会时一并删除。\n' +
      '您同意提供身份证号吗？',
    retry: '请回复1表示同意提供身份证号，回复2表示不同意。',
    refusedExit: '好的。没有身份证号没法在这里办理入会，您可以带上身份证到附近的工会服务站现场办理，或回复「人工」咨询。刚才的回答没有保存。',
    help: '工会要确认每位会员的身份，身份证号只用于这个目的，加密保存。',
  }),
  textStep({
    id: 'name',
    label: '姓名',
    ask: '请输入您的姓名，要和身份证上的一致。',
    notText: '请用文字输入您的姓名。',
    parse: (t) => fromParsed(parsePersonName(t)),
    show: (v) => String(v),
    help: '写身份证上的姓名，少数民族姓名中间的「·」可以用点代替。',
  }),
  textStep({
    id: 'idNumber',
    label: '身份证号',
    ask: '请输入您的18位身份证号码（港澳台居民居住证、外国人永久居留身份证也可以）。',
    notText: '请用文字输入身份证号。',
    parse: (t, _a, ctx) => {
      const p = parseIdNumber(t, ctx.now);
      if (!p.ok) return { ok: false, error: p.error };
      if (p.value.age < MIN_MEMBER_AGE) {
        return {
          ok: true,
          value: null,
          exit:
            `按身份证号，您还不满${MIN_MEMBER_AGE}周岁。工会会员要年满${MIN_MEMBER_AGE}周岁，所以现在还不能办理入会，谢谢您对工会的信任！` +
            '如果号码输错了，可以回复「我要入会」重新填写。刚才的回答没有保存。',
        };
      }
      return { ok: true, value: p.value };
    },
    show: (v) => maskIdNumber((v as IdNumber).id),
    help: '身份证正面下方的18位号码，最后一位可能是X。号码加密保存，工作人员只能看到一部分。',
  }),
  textStep({
    id: 'phone',
    label: '手机号',
    ask: '您的手机号是多少？审核结果和会员服务会用到。',
    notText: '请用文字输入手机号。',
    parse: (t) => fromParsed(parseMobile(t)),
    show: (v) => String(v),
    help: '请填能打通的11位手机号，加密保存。',
  }),
  textStep({
    id: 'employment',
    label: '工作方式',
    ask: '您现在是怎么工作的？',
    options: () => [
      { label: '单位职工（在公司、工厂、商店、机关等单位上班）', value: 'employee' },
      { label: '新就业形态劳动者（货车司机、快递员、外卖配送员、网约车司机、家政、网络主播等）', value: 'new_form' },
    ],
    parse: (t) => {
      if (t === 'employee' || /^(单位职工|职工|员工|上班族)$|单位|公司|工厂|厂里|上班/.test(t)) return { ok: true, value: 'employee' };
      const o = occupationFrom(t);
      if (t === 'new_form' || /新就业|新业态|平台|灵活就业|跑单|接单/.test(t) || (o && o !== 'other')) return { ok: true, value: 'new_form' };
      return { ok: false, error: '请回复1（单位职工）或2（新就业形态劳动者）。' };
    },
    show: (v) => (v === 'employee' ? '单位职工' : '新就业形态劳动者'),
    clears: ['employer', 'workplace', 'occupation', 'occupationOther', 'platform'],
    help: '在一家单位上班、单位给您发工资的，选1；在平台接单、没有固定单位的，选2。',
  }),
  textStep({
    id: 'employer',
    label: '工作单位',
    when: (a) => a.employment === 'employee',
    ask: '您在哪家单位工作？请写单位全称，例如：青溪纺织有限公司。',
    notText: '请用文字告诉我单位名称。',
    parse: (t, _a, ctx) => {
      const known = t.startsWith('employer:') ? employerById(ctx.index, t.slice('employer:'.length)) : undefined;
      if (known) {
        return { ok: true, value: { name: known.employer.name, employerId: known.employer.id } satisfies EmployerAnswer, ack: unionNote(ctx, known.employer.id) };
      }
      const typed = t.startsWith('typed:') ? t.slice('typed:'.length) : t;
      const p = parseOrgName(typed);
      if (!p.ok) return { ok: false, error: p.error };
      const m = t.startsWith('typed:') ? ({ kind: 'none' } as const) : matchEmployer(ctx.directory, p.value);
      if (m.kind === 'exact') {
        return { ok: true, value: { name: m.employer.name, employerId: m.employer.id } satisfies EmployerAnswer, ack: unionNote(ctx, m.employer.id) };
      }
      if (m.kind === 'near') {
        return {
          ok: false,
          error: '您说的是下面哪一家？都不是就选最后一项。',
          options: [
            ...m.employers.map((e) => ({ label: e.name, value: `employer:${e.id}` })),
            { label: `都不是，就填「${short(p.value)}」`, value: `typed:${p.value}` },
          ],
        };
      }
      return { ok: true, value: { name: p.value, employerId: null } satisfies EmployerAnswer };
    },
    show: (v) => (v as EmployerAnswer).name,
    clears: ['workplace'],
    help: '写营业执照上的名称最好。单位有自己工会的，由单位工会审核；没有的，由单位所在镇街的工会审核。',
  }),
  townshipStep({
    id: 'workplace',
    label: '单位所在地',
    when: (a) => a.employment === 'employee' && !!a.employer && !(a.employer as EmployerAnswer).employerId,
    ask: (a) => `「${short((a.employer as EmployerAnswer).name)}」在哪个镇或街道？您的申请会交给那里的工会审核。例如：东龙镇、河西街道。`,
    match: MEMBER_TOWNSHIP,
    show: (v, _a, ctx) => placeText(ctx.index, v as TownshipAnswer),
    help: '单位在哪个镇或街道，就由那里的工会（乡镇、街道总工会）审核您的申请。',
  }),
  textStep({
    id: 'occupation',
    label: '职业',
    when: (a) => a.employment === 'new_form',
    ask: '您做的是哪种工作？回复数字即可。',
    options: () => OCCUPATION_OPTIONS,
    parse: (t) => {
      const o = occupationFrom(t);
      if (o) return { ok: true, value: o };
      return { ok: false, error: `没认出「${short(t)}」是哪种工作。请从下面选一个，都不是就选「其他」。` };
    },
    show: (v) => OCCUPATION_NAMES[v as Occupation],
    clears: ['occupationOther', 'platform'],
    help: '选最接近您现在工作的一项；都不是的话选「其他」，再简单写一下。',
  }),
  textStep({
    id: 'occupationOther',
    label: '具体工作',
    when: (a) => a.employment === 'new_form' && a.occupation === 'other',
    ask: '请简单写一下您做什么工作，例如：代驾、跑腿、网店客服。',
    parse: (text) => {
      const t = text.trim();
      if (!/^[\p{Script=Han}A-Za-z0-9 ·、，,（）()-]{2,20}$/u.test(t) || /^\d+$/.test(t)) {
        return { ok: false, error: '请用2到20个字写一下您做什么工作，例如：代驾。' };
      }
      return { ok: true, value: t };
    },
    show: (v) => String(v),
    help: '一句话说清楚就行，工会工作人员会和您核对。',
  }),
  textStep({
    id: 'platform',
    label: '接单平台',
    when: (a) => a.employment === 'new_form',
    optional: true,
    ask: (a) => {
      const list = PLATFORMS[(a.occupation as Occupation) ?? 'other'];
      return `您主要在哪个平台接单？${list.length > 0 ? `例如：${list.join('、')}。` : ''}没有固定平台就回复「没有」。`;
    },
    options: (a) => [...PLATFORMS[(a.occupation as Occupation) ?? 'other'].map((p) => ({ label: p, value: p })), { label: '没有固定平台', value: '没有' }],
    parse: (text) => {
      const t = text.trim();
      // '' = no platform (null would read as "not answered" in the summary).
      if (NO_PLATFORM.test(t)) return { ok: true, value: '' };
      const known = platformFrom(t);
      if (known) return { ok: true, value: known };
      if (!/^[\p{Script=Han}A-Za-z0-9 ·&-]{1,20}$/u.test(t) || /^\d+$/.test(t)) {
        return { ok: false, error: '平台名称请用文字写，例如：美团。没有固定平台就回复「没有」。' };
      }
      return { ok: true, value: t };
    },
    show: (v) => (v ? String(v) : '没有固定平台'),
    help: '平台是您接单用的App，例如美团、顺丰、满帮、滴滴。没有也可以。',
  }),
  textStep({
    id: 'placeKind',
    label: '登记地',
    ask: (a) =>
      `请选择按哪里登记：常住地（现在住的地方）还是户籍地（户口所在地）？${a.employment === 'new_form' ? '新就业形态劳动者按这个地方确定由哪个工会审核。' : ''}`,
    options: () => [
      { label: '常住地（现在住的地方）', value: 'residence' },
      { label: '户籍地（户口所在地）', value: 'hukou' },
    ],
    parse: (t) => {
      if (t === 'residence' || /常住|现在住|居住|住的地方/.test(t)) return { ok: true, value: 'residence' };
      if (t === 'hukou' || /户籍|户口|老家/.test(t)) return { ok: true, value: 'hukou' };
      return { ok: false, error: '请回复1（按常住地）或2（按户籍地）。' };
    },
    show: (v) => (v === 'hukou' ? '户籍地' : '常住地'),
    // The other kind of place is usually somewhere else: ask for it again.
    clears: ['residence'],
    help: '常住地是您现在长期住的地方，户籍地是户口本上的地址，选一个就行。',
  }),
  townshipStep({
    id: 'residence',
    label: '地址',
    ask: (a) => `您的${a.placeKind === 'hukou' ? '户籍地' : '常住地'}在哪个区、哪个镇或街道？例如：青溪区东龙镇、河西街道。`,
    match: MEMBER_TOWNSHIP,
    show: (v, _a, ctx) => placeText(ctx.index, v as TownshipAnswer),
    help: '说到镇或街道就行，例如「东龙镇」。',
  }),
];

/** What an opening message already says: "我是外卖骑手想加入工会", "我在青溪纺织厂上班，想入会". */
function prefill(t: string, ctx: FlowContext): Answers {
  const out: Answers = {};
  const employer = employerMentioned(ctx.directory, t);
  if (employer) {
    out.employment = 'employee';
    out.employer = { name: employer.name, employerId: employer.id } satisfies EmployerAnswer;
    return out;
  }
  const occupation = OCCUPATION_WORDS.find(([o, re]) => o !== 'other' && re.test(t))?.[0];
  if (occupation) {
    out.employment = 'new_form';
    out.occupation = occupation;
    const platform = platformFrom(t);
    if (platform) out.platform = platform;
  }
  return out;
}

export const membershipFlow: Flow = {
  id: 'membership',
  version: 1,
  title: '加入工会',
  steps,
  reviewIntro: (a, ctx) => {
    const u = unionForAnswers(a, ctx);
    return `请核对您的入会申请${u ? `（提交后由「${u.name}」审核）` : ''}：`;
  },
  prefill,
};

/** The application as the records keep it, from the flow's answers. */
export function applicationFromAnswers(
  a: Answers,
  ctx: FlowContext,
): { name: string; id: IdNumber; phone: string; employment: Employment; place: Place; union: Union | undefined } {
  const employment: Employment =
    a.employment === 'employee'
      ? {
          kind: 'employee',
          employer: (a.employer as EmployerAnswer).name,
          employerId: (a.employer as EmployerAnswer).employerId,
          workplace: (a.workplace as TownshipAnswer | undefined) ?? null,
        }
      : {
          kind: 'new_form',
          occupation: a.occupation as Occupation,
          occupationText: (a.occupationOther as string | undefined) ?? null,
          platform: (a.platform as string | null | undefined) || null,
        };
  const r = a.residence as TownshipAnswer;
  return {
    name: a.name as string,
    id: a.idNumber as IdNumber,
    phone: a.phone as string,
    employment,
    place: { kind: a.placeKind === 'hukou' ? 'hukou' : 'residence', districtId: r.districtId, townshipId: r.townshipId },
    union: unionForAnswers(a, ctx),
  };
}

/**
 * The answers of an earlier application (to correct a rejected one): every
 * field but the consents, which are asked again. Fields that no longer parse
 * (a place gone from the directory) are left out and asked again.
 */
export function answersFromApplication(
  prev: { name: string | null; id: string | null; phone: string | null; employment: Employment | null; place: Place | null },
  ctx: FlowContext,
): Answers {
  const out: Answers = {};
  if (prev.name) out.name = prev.name;
  const id = prev.id ? parseIdNumber(prev.id, ctx.now) : null;
  if (id?.ok && id.value.age >= MIN_MEMBER_AGE) out.idNumber = id.value;
  if (prev.phone) out.phone = prev.phone;
  const e = prev.employment;
  if (e?.kind === 'employee') {
    out.employment = 'employee';
    out.employer = { name: e.employer, employerId: e.employerId && employerById(ctx.index, e.employerId) ? e.employerId : null } satisfies EmployerAnswer;
    if (e.workplace && ctx.index.townshipById.has(e.workplace.townshipId)) out.workplace = e.workplace;
  } else if (e?.kind === 'new_form') {
    out.employment = 'new_form';
    out.occupation = e.occupation;
    if (e.occupationText) out.occupationOther = e.occupationText;
    out.platform = e.platform ?? '';
  }
  if (prev.place) {
    out.placeKind = prev.place.kind;
    if (ctx.index.townshipById.has(prev.place.townshipId)) out.residence = { districtId: prev.place.districtId, townshipId: prev.place.townshipId };
  }
  return out;
}
