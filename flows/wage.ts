import { matchCommunity } from '../core/directory/match.js';
import { YES_NO, formatYuan, monthOf, monthsBetween, showMonth } from './choices.js';
import { parseAmount, parseHeadcount, parseMobile, parseMonth, parseOrgName, parsePeriod, parsePersonName } from './parsers/index.js';
import { consentStep, fromParsed, textOf, textStep, townshipName, townshipStep, yesNoStep } from './step-kit.js';
import type { Answers, FileRef, Flow, FlowContext, Step } from './types.js';

/** Where the work is: the township, and the grid if the community is known. */
export interface WageLocation {
  districtId: string;
  townshipId: string;
}
export interface WageCommunity {
  community: string | null;
  gridId: string | null;
}
export interface WagePeriod {
  start: string;
  end: string | null;
  months: number;
}

/** Months after leaving at which the one-year arbitration limit is near. */
export const NEAR_LIMIT_MONTHS = 10;
export const MAX_EVIDENCE_FILES = 10;

const UNKNOWN_COMMUNITY = '不清楚';

/** Months since the worker left, and whether the one-year arbitration limit is near. */
export function arbitrationStatus(leftMonth: string, now: Date): { monthsSince: number; nearLimit: boolean; pastLimit: boolean } {
  const monthsSince = monthsBetween(leftMonth, monthOf(now));
  return { monthsSince, nearLimit: monthsSince >= NEAR_LIMIT_MONTHS, pastLimit: monthsSince >= 12 };
}

const steps: Step[] = [
  consentStep({
    ask:
      '反映欠薪前，需要您同意我们收集一些信息：\n' +
      '· 用途：只用于处理您这次的欠薪问题；\n' +
      '· 谁能看到：负责您案件的工格员和工会工作人员，手机号只有负责人能看到完整号码；\n' +
      '· 保存多久：案件办结后保存3年，期间您可以随时回复「删除我的信息」。\n' +
      '您同意吗？',
    refusedExit: '好的，没有您的同意我们不会收集任何信息，也没有保存您的回答。需要时随时可以再来找我。',
    help: '我们需要您的同意才能记录您的信息并转给工作人员处理。不同意也没关系，我们不会保存任何内容。',
  }),
  textStep({
    id: 'employer',
    label: '用人单位',
    ask: '欠您工资的单位叫什么名字？写公司名，或者包工头、老板的名字都可以。',
    notText: '请用文字告诉我单位名称。',
    parse: (t) => fromParsed(parseOrgName(t)),
    show: (v) => String(v),
    help: '写营业执照上的公司名最好；不知道的话，写工地、店名或老板的名字也可以，工作人员会核实。',
  }),
  townshipStep({
    id: 'location',
    label: '干活的地方',
    ask: '您在哪个镇或街道干活？例如：东龙镇、河西街道。',
    clears: ['community'],
    help: '告诉我干活的地方属于哪个镇或街道，我们会把案件交给当地的网格员。',
  }),
  textStep({
    id: 'community',
    label: '村或社区',
    ask: (a, ctx) => `在${townshipName(ctx, a.location)}的哪个村或社区？不清楚就回复「不清楚」。`,
    options: (a, ctx) => {
      const tw = ctx.index.townshipById.get((a.location as WageLocation).townshipId)?.township;
      const names = tw ? [...new Set(tw.grids.flatMap((g) => g.communities))] : [];
      return [...names.map((n) => ({ label: n, value: n })), { label: UNKNOWN_COMMUNITY, value: UNKNOWN_COMMUNITY }];
    },
    notText: '请用文字回答村或社区的名字。',
    parse: (t, a, ctx) => {
      if (/^(不清楚|不知道|不确定|不晓得)$/.test(t)) return { ok: true, value: { community: null, gridId: null } satisfies WageCommunity };
      const tw = ctx.index.townshipById.get((a.location as WageLocation).townshipId)!.township;
      const m = matchCommunity(tw, t);
      if (m.kind === 'exact') return { ok: true, value: { community: m.community, gridId: m.grid.id } satisfies WageCommunity };
      if (m.kind === 'candidates') {
        return {
          ok: false,
          error: `没找到「${t.slice(0, 20)}」。您是说下面哪一个？`,
          options: [...m.communities.map((c) => ({ label: c.community, value: c.community })), { label: UNKNOWN_COMMUNITY, value: UNKNOWN_COMMUNITY }],
        };
      }
      return { ok: false, error: `${tw.name}没有叫「${t.slice(0, 20)}」的村或社区。请从下面选一个，不清楚就回复「不清楚」。` };
    },
    show: (v) => (v as WageCommunity).community ?? UNKNOWN_COMMUNITY,
    help: '知道村或社区，我们能直接交给那里的网格员，处理更快。不清楚也没关系。',
  }),
  yesNoStep({
    id: 'construction',
    label: '工程建设项目',
    ask: '是工程建设项目吗？比如盖楼、修路、装修工地。',
    options: () => YES_NO,
    retry: '请回复1（是）或2（不是）。',
    show: (v) => (v ? '是' : '不是'),
    clears: ['project'],
    help: '工程建设领域的欠薪有专门的处理办法（比如工资专用账户、保证金），所以要先问清楚。',
  }),
  textStep({
    id: 'project',
    label: '项目名称',
    when: (a) => a.construction === true,
    ask: '项目或工地叫什么名字？例如：青溪花园二期。',
    notText: '请用文字告诉我项目名称。',
    parse: (t) => fromParsed(parseOrgName(t)),
    show: (v) => String(v),
    optional: true,
    help: '工地门口的牌子上一般有项目名称。不知道可以回复「跳过」。',
  }),
  textStep({
    id: 'period',
    label: '拖欠时间',
    ask: '拖欠的是哪段时间的工资？例如：去年5月到现在、2025年5月至8月、三个月。',
    notText: '请用文字告诉我拖欠的时间。',
    parse: (t, _a, ctx) => fromParsed(parsePeriod(t, ctx.now)),
    show: (v) => {
      const p = v as WagePeriod;
      return `${showMonth(p.start)}至${p.end ? showMonth(p.end) : '今'}（${p.months}个月）`;
    },
    help: '说大概的起止月份就行，比如「今年3月到现在」。',
  }),
  textStep({
    id: 'amount',
    label: '拖欠金额',
    ask: '一共被拖欠多少钱？例如：28500、两万八千五、2.85万。',
    notText: '请用文字告诉我金额。',
    parse: (t) => fromParsed(parseAmount(t)),
    show: (v) => formatYuan(v as number),
    help: '填您自己被拖欠的总数，大概的数也可以，工作人员会和您核对。',
  }),
  textStep({
    id: 'headcount',
    label: '被拖欠人数',
    ask: '一共有多少人被拖欠？例如：就我一个、二十多个人。',
    notText: '请用文字告诉我人数。',
    parse: (t) => fromParsed(parseHeadcount(t)),
    show: (v) => {
      const h = v as { count: number; approximate: boolean };
      return h.count === 1 && !h.approximate ? '就我一个' : `${h.count}${h.approximate ? '多' : ''}人`;
    },
    help: '包括您在内，同一个老板欠工资的人数，大概就行。10人以上我们会优先处理。',
  }),
  yesNoStep({
    id: 'stillEmployed',
    label: '是否还在职',
    ask: '您现在还在这家单位干吗？',
    options: () => [
      { label: '还在干', value: 'yes' },
      { label: '已经离开', value: 'no' },
    ],
    retry: '请回复1（还在干）或2（已经离开）。',
    show: (v) => (v ? '还在干' : '已经离开'),
    clears: ['leftSince'],
    help: '离开单位后，申请劳动仲裁的时效一般是1年，所以要问清楚。',
  }),
  textStep({
    id: 'leftSince',
    label: '离开时间',
    when: (a) => a.stillEmployed === false,
    ask: '什么时候离开的？例如：今年3月、去年10月。',
    notText: '请用文字告诉我离开的月份。',
    parse: (t, _a, ctx) => {
      const p = parseMonth(t, ctx.now);
      if (!p.ok) return { ok: false, error: p.error };
      const st = arbitrationStatus(p.value, ctx.now);
      const ack = st.pastLimit
        ? '提醒您：离开单位已经超过1年，可能过了劳动仲裁时效，但仍可以反映，工作人员会帮您想办法。我们会加急处理。'
        : st.nearLimit
          ? '提醒您：劳动仲裁时效一般是离开单位后1年，您的时间快到了，我们会加急处理。'
          : undefined;
      return ack ? { ok: true, value: p.value, ack } : { ok: true, value: p.value };
    },
    show: (v) => showMonth(String(v)),
    help: '说离开的月份就行，比如「今年3月」。',
  }),
  {
    id: 'evidence',
    label: '证据材料',
    acceptsFiles: true,
    optional: true,
    ask: (a) => {
      const n = ((a.evidence as FileRef[] | undefined) ?? []).length;
      return n > 0
        ? `已收到${n}份材料。还有可以继续发，发完请回复「完成」。`
        : '有工资条、考勤记录、欠条、聊天记录之类的证据吗？可以直接发照片或文件，发完回复「完成」；没有就回复「没有」。';
    },
    parse: (input, a) => {
      const have = (a.evidence as FileRef[] | undefined) ?? [];
      if (input.kind === 'file') {
        if (have.length >= MAX_EVIDENCE_FILES) {
          return { ok: false, error: `最多可以发${MAX_EVIDENCE_FILES}份材料，已经够了。请回复「完成」继续。` };
        }
        const files = [...have, input.file];
        return { ok: true, value: files, stay: true, ack: `收到「${input.file.name}」，共${files.length}份。还有可以继续发，发完请回复「完成」。` };
      }
      const t = textOf(input) ?? '';
      if (/^(完成|好了|发完了|没了|就这些|结束|完了)$/.test(t)) return { ok: true, value: have };
      if (/^(没有|无|没)$/.test(t)) return { ok: true, value: have.length > 0 ? have : [] };
      return { ok: false, error: '请直接发送照片或文件；发完回复「完成」，没有证据回复「没有」。' };
    },
    show: (v) => {
      const files = (v as FileRef[] | null) ?? [];
      return files.length === 0 ? '暂无' : `${files.length}份（${files.map((f) => f.name).join('、').slice(0, 60)}）`;
    },
    help: '证据能帮工作人员更快核实。支持照片（jpg、png）和文件（pdf、word、excel），每份不超过20MB。没有也可以先提交。',
  },
  textStep({
    id: 'contactName',
    label: '联系人',
    ask: '怎么称呼您？请写您的姓名。',
    notText: '请用文字告诉我您的姓名。',
    parse: (t) => fromParsed(parsePersonName(t)),
    show: (v) => String(v),
    help: '工作人员联系您时会用到。',
  }),
  textStep({
    id: 'phone',
    label: '手机号',
    ask: '您的手机号是多少？工作人员会打这个电话联系您。',
    notText: '请用文字告诉我手机号。',
    parse: (t) => fromParsed(parseMobile(t)),
    show: (v) => String(v),
    help: '请填能打通的11位手机号，只有负责您案件的工作人员能看到完整号码。',
  }),
];

/** Pulls what an opening message already says, e.g. "老板拖了我三个月工资". */
function prefill(textIn: string, ctx: FlowContext): Answers {
  const out: Answers = {};
  const period = textIn.match(/(去年|今年|前年)?[\d一二三四五六七八九十两]+月(份)?(到|至|以来|开始)(现在|今|今天)?|[\d一二三四五六七八九十两半]+个?(月|年)/);
  if (period) {
    const p = parsePeriod(period[0], ctx.now);
    if (p.ok) out.period = p.value;
  }
  const amount = textIn.match(/[\d.,一二三四五六七八九十两百千万零]+\s*(元|块|万)/);
  if (amount && !/(个月|年)$/.test(amount[0])) {
    const a = parseAmount(amount[0]);
    if (a.ok) out.amount = a.value;
  }
  return out;
}

export const wageFlow: Flow = {
  id: 'wage',
  version: 1,
  title: '反映欠薪',
  steps,
  reviewIntro: '请核对您要反映的欠薪情况：',
  prefill,
};

/** Whether a submitted wage report is a group case (≥10 workers owed). */
export function isGroupCase(a: Answers): boolean {
  const h = a.headcount as { count: number } | undefined;
  return (h?.count ?? 0) >= 10;
}
