/**
 * 反映欠薪: the wage report as typed fields. Every field has its parser for a
 * direct answer; `extract` finds the same facts inside any sentence (the
 * first message too), with the same parsers, for the engine to confirm.
 */
import { z } from 'zod';
import { matchCommunity } from '../core/directory/index.js';
import { chinaMonth } from '../core/infra/time.js';
import { formatYuan, monthsBetween, showMonth } from './choices.js';
import { PlaceSchema, defineFlow, type Value } from './define.js';
import { CONSTRUCTION_WORDS, NOT_SAID, employerFromAnswer, findEmployer, findLeftSince, findPersonName, findPhone, findStillEmployed, nameAnswer } from './nlu/facts.js';
import { findAmounts, findHeadcount, findPeriod } from './parsers/mentions.js';
import { parseAmount, parseHeadcount, parseMonthDetailed, parseOrgName, parsePeriod, type Amount } from './parsers/index.js';
import { findCommunity, findTownship, townshipName } from './places.js';
import type { FileRef } from './types.js';

/** Months after leaving at which the one-year arbitration limit is near. */
export const NEAR_LIMIT_MONTHS = 10;
export const MAX_EVIDENCE_FILES = 10;

const UNKNOWN_COMMUNITY = '不清楚';

export const AmountSchema = z.object({ yuan: z.number().positive(), approx: z.boolean(), upTo: z.number().positive().nullable() });
export const WagePeriodSchema = z.object({ start: z.string().regex(/^\d{4}-\d{2}$/), end: z.string().regex(/^\d{4}-\d{2}$/).nullable(), months: z.number().int().min(1) });
const FileRefSchema = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number() });

/** The wage report's answers; every field optional until answered, `null` = skipped or unknown. */
export const WageAnswers = z.object({
  consent: z.boolean(),
  employer: z.string().min(2),
  location: PlaceSchema,
  community: z.object({ community: z.string().nullable(), gridId: z.string().nullable() }),
  construction: z.boolean(),
  project: z.string().nullable(),
  period: WagePeriodSchema,
  amount: AmountSchema,
  /** The whole group's unpaid total, when the person says it besides their own. */
  groupAmount: AmountSchema.nullable(),
  headcount: z.object({ count: z.number().int().min(1), approximate: z.boolean() }),
  stillEmployed: z.boolean(),
  leftSince: z.string().regex(/^\d{4}-\d{2}$/),
  evidence: z.array(FileRefSchema),
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
  return `${showMonth(p.start)}至${p.end ? showMonth(p.end) : '今'}（${p.months}个月）`;
}

/** An employer as a direct answer: the name, without the framing (`老板叫`, `在…干活`) or a role (`个人包工头`). */
export function parseEmployer(text: string, isPlace: (name: string) => boolean = () => false) {
  const name = employerFromAnswer(text, isPlace);
  return name ? parseOrgName(name) : parseOrgName(text.length <= 12 && !/[,，\s]/.test(text) && !NOT_SAID.test(text) ? text : '');
}

/** A period answer without the words around it: `上个月的`, `就十月份一个月的`, `十月和十一月的`, `正月里开工到现在一分没有`. */
function periodText(t: string): string {
  let s = t
    .replace(/^(?:就|只有|只是|只|是|大概|差不多)+/u, '')
    .replace(/(?:一分(?:钱)?(?:都|也)?(?:没有|没给|没拿到|没发)|一直没(?:给|发|结)|都没(?:给|发|结)|没(?:给|发|结)钱?)$/u, '')
    .replace(/(?:一个月)?(?:的钱|的工资|的工钱|的|吧|啊|呢|那段|这段)+$/u, '')
    .replace(/(?<=[月年底初])(?:里|份)?(?:开工|上工|干活|进场|开始干)/u, '');
  // 十月和十一月: two months in a row are a range; two apart would be a guess.
  const pair = /^(.+?月份?)(?:和|跟|、)(.+?月份?)$/u.exec(s);
  if (pair) s = `${pair[1]}到${pair[2]}`;
  return s;
}

export const wageFlow = defineFlow({
  id: 'wage',
  version: 2,
  title: '反映欠薪',
  schema: WageAnswers,
  reviewIntro: '请核对您要反映的欠薪情况：',
  fields: (f) => [
    f.consent('consent', {
      ask:
        '反映欠薪前，需要您同意我们收集一些信息：\n' +
        '· 用途：只用于处理您这次的欠薪问题；\n' +
        '· 谁能看到：负责您案件的工格员和工会工作人员，手机号只有负责人能看到完整号码；\n' +
        '· 保存多久：案件办结后保存3年，期间您可以随时回复「删除我的信息」。\n' +
        '您同意吗？',
      refusedExit: '好的，没有您的同意我们不会收集任何信息，也没有保存您的回答。需要时随时可以再来找我。',
      help: '我们需要您的同意才能记录您的信息并转给工作人员处理。不同意也没关系，我们不会保存任何内容。',
    }),
    f.text('employer', {
      label: '用人单位',
      ask: '欠您工资的单位叫什么名字？写公司名，或者包工头、老板的名字都可以。',
      notText: '请用文字告诉我单位名称。',
      freeText: true,
      names: /用人单位|单位名称|单位|公司名?|老板(?:的名字)?|包工头/,
      parse: (t, _a, ctx) => {
        const p = parseEmployer(t, (name) => findTownship(ctx, name) !== null);
        return p.ok ? { ok: true, value: p.value } : { ok: false, error: `${p.error.replace(/，?请重新输入.*$|，?例如.*$/u, '')}。写公司名，或者老板、包工头的名字都行，例如「青溪宏达建筑」「老板叫刘大壮」。` };
      },
      show: (v) => v,
      help: '写营业执照上的公司名最好；不知道的话，写工地、店名或老板的名字也可以，工作人员会核实。',
    }),
    f.township('location', {
      label: '干活的地方',
      ask: '您在哪个镇或街道干活？例如：东龙镇、河西街道。',
      clears: ['community'],
      names: /干活的地方|地方|地点|镇|街道|乡/,
      help: '告诉我干活的地方属于哪个镇或街道，我们会把案件交给当地的网格员。',
    }),
    f.text('community', {
      label: '村或社区',
      ask: (a, ctx) => `在${townshipName(ctx, a.location)}的哪个村或社区？不清楚就回复「不清楚」。`,
      options: (a, ctx) => {
        const tw = a.location ? ctx.index.townshipById.get(a.location.townshipId)?.township : undefined;
        const names = tw ? [...new Set(tw.grids.flatMap((g) => g.communities))] : [];
        return [
          ...names.map((n) => ({ label: n, value: n })),
          { label: UNKNOWN_COMMUNITY, value: UNKNOWN_COMMUNITY, words: /不清楚|不知道|不确定|不晓得|搞不清|没印象|莫得印象|记不得|记不清|忘了/ },
        ];
      },
      notText: '请用文字回答村或社区的名字。',
      names: /村|社区|小区/,
      parse: (t, a, ctx) => {
        if (/^(不清楚|不知道|不确定|不晓得)$/.test(t)) return { ok: true, value: { community: null, gridId: null } };
        const tw = a.location ? ctx.index.townshipById.get(a.location.townshipId)?.township : undefined;
        if (!tw) return { ok: false, error: '请先告诉我是哪个镇或街道。' };
        const m = matchCommunity(tw, t.replace(/(?:那边|这边|一带|附近|那块|那里)$/u, ''));
        if (m.kind === 'exact') return { ok: true, value: { community: m.community, gridId: m.grid.id } };
        if (m.kind === 'candidates') {
          const quoted = [...t].slice(0, 20).join('');
          const near = m.communities.map((c) => ({ label: c.community, value: c.community }));
          const unknown = { label: UNKNOWN_COMMUNITY, value: UNKNOWN_COMMUNITY };
          if (near.length === 1) return { ok: false, error: `没找到「${quoted}」。您是说「${near[0]!.label}」吗？`, options: [{ ...near[0]!, yes: true as const }, unknown] };
          return { ok: false, error: `没找到「${quoted}」。您是说下面哪一个？`, options: [...near, unknown] };
        }
        return { ok: false, error: `${tw.name}没有叫「${[...t].slice(0, 20).join('')}」的村或社区。请从下面选一个，不清楚就回复「不清楚」。` };
      },
      show: (v) => v.community ?? UNKNOWN_COMMUNITY,
      help: '知道村或社区，我们能直接交给那里的网格员，处理更快。不清楚也没关系。',
    }),
    f.yesNo('construction', {
      label: '工程建设项目',
      ask: '是工程建设项目吗？比如盖楼、修路、装修工地。',
      yes: { label: '是', words: CONSTRUCTION_WORDS },
      no: { label: '不是', words: /(?:不是|不算)(?:工地|工程)|工厂|厂里|饭店|餐馆|酒店|超市|商场|店里|快递|外卖|送货|保姆|家政|保洁|物业|保安|开车|司机|(?<!建筑|装修)公司上班|办公室|种地|农场|养殖/ },
      retry: '请回复1（是）或2（不是）。盖楼、修路、装修这类工地上的活，就是工程建设项目。',
      clears: ['project'],
      names: /工程|工地|建设项目/,
      help: '工程建设领域的欠薪有专门的处理办法（比如工资专用账户、保证金），所以要先问清楚。',
    }),
    f.text('project', {
      label: '项目名称',
      when: (a) => a.construction === true,
      ask: '项目或工地叫什么名字？例如：青溪花园二期。',
      notText: '请用文字告诉我项目名称。',
      optional: true,
      freeText: true,
      names: /项目|工地名|工地名称|楼盘名/,
      parse: (t) => {
        const name = t
          .replace(/^(?:项目|工地|楼盘)(?:名字|名称)?(?:叫|是)/u, '')
          .replace(/^(?:叫|是)/u, '')
          .replace(/(?:那个|这个)?(?:楼盘|工地|项目|小区)$/u, '');
        if (/^(?:那个|这个|那|这)?(?:楼|工地|项目|地方|那边|这边)?$/u.test(name) || /几个|好几|很多/u.test(name)) {
          return { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」；不知道就回复「不知道」。' };
        }
        const p = parseOrgName(name);
        return p.ok ? { ok: true, value: p.value } : { ok: false, error: '请写项目或工地的名字，例如「青溪花园二期」；不知道就回复「不知道」。' };
      },
      show: (v) => v ?? '不清楚',
      help: '工地门口的牌子上一般有项目名称。不知道可以回复「不知道」或「跳过」。',
    }),
    f.text('period', {
      label: '拖欠时间',
      ask: '拖欠的是哪段时间的工资？例如：去年5月到现在、今年3月到8月、三个月。',
      notText: '请用文字告诉我拖欠的时间。',
      names: /拖欠时间|时间|月份|几个月|从几月/,
      parse: (t, _a, ctx) => {
        const p = parsePeriod(periodText(t), ctx.now);
        if (!p.ok) return p;
        const { inferred, ...period } = p.value;
        return { ok: true, value: period, confirm: inferred !== null };
      },
      show: (v) => showPeriod(v),
      help: '说大概的起止月份就行，比如「今年3月到现在」。这个月的工资一般下个月才发，不算在内。',
    }),
    f.text('amount', {
      label: '拖欠金额',
      ask: '一共被拖欠了多少钱？例如：28500、两万八、2万多。',
      notText: '请用文字告诉我金额。',
      names: /拖欠金额|金额|钱数|工钱|工资|钱/,
      parse: (t) => {
        const p = parseAmount(t);
        return p.ok ? { ok: true, value: p.value } : p;
      },
      show: (v) => showAmount(v),
      help: '说被拖欠的工钱总数，大概的数也可以（比如「两万多」），工作人员会和您核对。大家一起被欠的，可以说「我自己两万八，我们一共三十多万」。',
    }),
    f.text('headcount', {
      label: '被拖欠人数',
      ask: '一共有多少人被拖欠？例如：就我一个、二十多个人。',
      notText: '请用文字告诉我人数。',
      names: /被拖欠人数|人数|几个人|多少人/,
      parse: (t) => {
        const p = parseHeadcount(t);
        return p.ok ? { ok: true, value: p.value } : p;
      },
      show: (v) => (v.count === 1 && !v.approximate ? '就我一个' : `${v.count}${v.approximate ? '多' : ''}人`),
      help: '包括您在内，同一个老板欠工资的人数，大概就行。10人以上我们会优先处理。',
    }),
    f.text('groupAmount', {
      label: '大家一共被拖欠',
      when: (a) => (a.headcount?.count ?? 1) >= 2,
      optional: true,
      ask: (a) => `你们${a.headcount?.count ?? ''}${a.headcount?.approximate ? '多' : ''}个人一共被拖欠多少钱？知道个大概就行，不清楚回复「不知道」。`,
      names: /一共|总共|大家|加起来/,
      parse: (t) => {
        const p = parseAmount(
          t.replace(/^(?:我们|大家|大伙儿?|大家伙|全班组|整个班组|班组|全部|所有人)?(?:加起来|合起来|加一起|加在一起|合在一起)?(?:总共|一共|合计|总的)?(?:欠|拖欠|被欠|被拖欠|差(?!不多))?(?:了)?(?:是)?/u, ''),
        );
        return p.ok ? { ok: true, value: p.value } : p;
      },
      show: (v) => (v ? showAmount(v) : '不清楚'),
      help: '所有被拖欠的人加起来的数，知道个大概就行，能帮工作人员判断事情有多大。',
    }),
    f.yesNo('stillEmployed', {
      label: '是否还在职',
      ask: '您现在还在这家单位干吗？',
      yes: { label: '还在干', words: /还在|在干|没走|没离开|还没走|继续干|干着呢|在职|在上班/ },
      no: { label: '已经离开', words: /(?<!没|还没|没有)(?:走了|走的|离开|辞职|辞工|辞了|辞的|辞掉|离职|不干|不做|没干|被开|被辞|被炒|回老家|回家了)|早走|早就走|老早/ },
      retry: '请回复1（还在干）或2（已经离开）。',
      clears: ['leftSince'],
      names: /在职|还在干|离职|离开/,
      help: '离开单位后，申请劳动仲裁的时效一般是1年，所以要问清楚。',
    }),
    f.text('leftSince', {
      label: '离开时间',
      when: (a) => a.stillEmployed === false,
      ask: '什么时候离开的？例如：今年3月、去年10月。',
      notText: '请用文字告诉我离开的月份。',
      names: /离开时间|离开|走的时间|辞职时间/,
      parse: (t, _a, ctx) => {
        const p = parseMonthDetailed(t, ctx.now);
        if (!p.ok) return p;
        const st = arbitrationStatus(p.value.month, ctx.now);
        const ack = st.pastLimit
          ? '提醒您：离开单位已经超过1年，可能过了劳动仲裁时效，但仍可以反映，工作人员会帮您想办法。我们会加急处理。'
          : st.nearLimit
            ? '提醒您：劳动仲裁时效一般是离开单位后1年，您的时间快到了，我们会加急处理。'
            : undefined;
        return { ok: true, value: p.value.month, ack, confirm: p.value.inferred !== null };
      },
      show: (v) => showMonth(v),
      help: '说离开的月份就行，比如「今年3月」。',
    }),
    f.input('evidence', {
      label: '证据材料',
      acceptsFiles: true,
      optional: true,
      ask: (a) => {
        const n = (a.evidence ?? []).length;
        return n > 0
          ? `已收到${n}份材料。还有可以继续发，发完请回复「完成」。`
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
        const t = input.text.trim();
        if (/^(完成|好了|发完了|没了|就这些|结束|完了|就这么多|发完|ok)$/i.test(t)) return { ok: true, value: have };
        if (/^(没有|无|没|没得|莫得|跳过|没有证据|啥也没有|什么都没有)$/.test(t)) return { ok: true, value: have };
        return { ok: false, error: '请直接发送照片或文件；发完回复「完成」，没有证据回复「没有」。' };
      },
      show: (files) => (files.length === 0 ? '暂无' : `${files.length}份（${files.map((x) => x.name).join('、').slice(0, 60)}）`),
      help: '证据能帮工作人员更快核实。支持照片（jpg、png）和文件（pdf、word、excel），每份不超过20MB。没有也可以先提交。',
    }),
    f.text('contactName', {
      label: '联系人',
      ask: '怎么称呼您？请写您的姓名。',
      notText: '请用文字告诉我您的姓名。',
      freeText: true,
      names: /联系人|姓名|名字/,
      parse: nameAnswer,
      show: (v) => v,
      help: '工作人员联系您时会用到。',
    }),
    f.phone('phone', { ask: '您的手机号是多少？工作人员会打这个电话联系您。', help: '请填能打通的11位手机号，只有负责您案件的工作人员能看到完整号码。', names: /手机号|手机|电话|号码/ }),
  ],
  extract: (text, a, ctx) => {
    const out: WageAnswers = {};
    const place = findTownship(ctx, text);
    if (place) {
      out.location = place;
      const c = findCommunity(ctx, place.townshipId, text);
      if (c) out.community = c;
    } else if (a.location) {
      const c = findCommunity(ctx, a.location.townshipId, text);
      if (c) out.community = c;
    }
    if (CONSTRUCTION_WORDS.test(text)) out.construction = true;
    const money = findAmounts(text);
    if (money.own) out.amount = money.own;
    if (money.group) out.groupAmount = money.group;
    const head = findHeadcount(text);
    if (head) out.headcount = head.value;
    const period = findPeriod(text, ctx.now);
    if (period) out.period = { start: period.value.start, end: period.value.end, months: period.value.months };
    const still = findStillEmployed(text);
    if (still !== null) out.stillEmployed = still;
    const left = findLeftSince(text, ctx.now);
    if (left) out.leftSince = left.month;
    const employer = findEmployer(text, (name) => findTownship(ctx, name) !== null);
    if (employer) out.employer = employer;
    const phone = findPhone(text);
    if (phone) out.phone = phone;
    const name = findPersonName(text);
    if (name) out.contactName = name;
    // `项目叫翠湖湾`, `工地名字是青溪花园二期`.
    const project = /(?:项目|工地|楼盘|工程)(?:的)?(?:名字|名称)?(?:叫|是|名叫)([\p{Script=Han}A-Za-z0-9·（）()-]{2,20}?)(?=[,，。;；!！\s]|$)/u.exec(text);
    if (project && !/不知道|不晓得|不清楚|啥|什么/u.test(project[1]!)) {
      const p = parseOrgName(project[1]!);
      if (p.ok) out.project = p.value;
    }
    return out;
  },
});

/** The confirmed report, every required field present (the summary could not be confirmed otherwise). */
export const WageReport = WageAnswers.required({
  employer: true,
  location: true,
  construction: true,
  period: true,
  amount: true,
  headcount: true,
  stillEmployed: true,
  contactName: true,
  phone: true,
});
export type WageReport = z.infer<typeof WageReport>;
export type WageValue<K extends keyof WageAnswers> = Value<WageAnswers, K>;
