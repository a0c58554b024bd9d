/**
 * Measures the bot's understanding against the labelled corpus
 * (test/nlu/corpus/*.jsonl, format in test/nlu/LABELS.md): for every line,
 * what the engine would take from the message where it was said, compared
 * with what a careful reader takes. Used by `npm run nlu:report` and by
 * test/nlu/corpus.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { indexDirectory, loadDemoDirectory } from '../../core/directory/load.js';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { membershipFlow } from '../../flows/membership.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { factsAfterNo, pendingCorrection, pinyinHeard, understandAtMenu, understandConfirm, understandInFlow, type Understood } from '../../flows/nlu/understand.js';
import { menuPicked } from '../../flows/engine.js';
import { correctionOf, yesBut } from '../../flows/nlu/talk.js';
import { parseIdNumber } from '../../flows/parsers/index.js';
import { currentMonthIndex, toMonthIndex } from '../../flows/parsers/month.js';
import type { Answers, Flow, FlowContext } from '../../flows/types.js';
import { wageFlow } from '../../flows/wage.js';

const CORPUS_DIR = join(import.meta.dirname, 'corpus');
/** "Today" for every line of the corpus. */
export const CORPUS_NOW = new Date('2026-12-01T10:00:00+08:00');

const LineSchema = z.strictObject({
  id: z.string(),
  flow: z.enum(['wage', 'membership', 'legal']).nullable(),
  asking: z.string().nullable(),
  known: z.record(z.string(), z.unknown()),
  text: z.string(),
  expect: z.strictObject({ intent: z.string(), fields: z.record(z.string(), z.unknown()).default({}), entry: z.string().optional() }),
});
export type CorpusLine = z.infer<typeof LineSchema>;

export function loadCorpus(dir = CORPUS_DIR): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (raw.trim() === '') return;
        const r = LineSchema.safeParse(JSON.parse(raw));
        if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.message}`);
        out.push(r.data);
      });
  }
  return out;
}

const FLOWS: Record<string, Flow> = { wage: wageFlow, membership: membershipFlow, legal: legalAidFlow };

/** What the bot predicted for one line. */
export interface Prediction {
  intent: string;
  entry?: string;
  /** Values taken as the answer to the question asked (no confirmation). */
  direct: Record<string, unknown>;
  /** Values found on the side (confirmed before they count). */
  inferred: Record<string, unknown>;
}

// --- between the corpus's value shapes and the flows' ------------------------------------

/** What a message is, in one word: `question:<entry>`, `command:<cmd>`, `switch:<service>`, `smalltalk:<kind>`, or the kind. */
export function understoodAs(u: Understood): string {
  switch (u.kind) {
    case 'question':
      return `question:${u.entry?.id ?? 'none'}`;
    case 'command':
      return `command:${u.command}`;
    case 'switch':
      return `switch:${u.service}`;
    case 'smalltalk':
      return `smalltalk:${u.talk}`;
    default:
      return u.kind;
  }
}

export function ctxOf(): FlowContext {
  const directory = loadDemoDirectory();
  return { directory, index: indexDirectory(directory), now: CORPUS_NOW };
}

/** The corpus's `known` in the flow's answer shapes. */
export function toAnswers(flow: Flow, known: Record<string, unknown>, ctx: FlowContext): Answers {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(known)) {
    if ((k === 'location' || k === 'place' || k === 'residence' || k === 'workplace') && typeof v === 'string') {
      const tw = ctx.index.townshipById.get(v);
      if (tw) out[k] = { districtId: tw.districtId, townshipId: v };
    } else if (k === 'community' && flow.id === 'wage') {
      const name = typeof v === 'string' ? v : null;
      const grid = name ? [...ctx.index.gridById.values()].find((g) => g.grid.communities.includes(name)) : undefined;
      out[k] = { community: name, gridId: grid?.grid.id ?? null };
    } else if (k === 'employer' && flow.id === 'membership' && typeof v === 'string') {
      out[k] = { name: v, employerId: null };
    } else if (k === 'idNumber' && typeof v === 'string') {
      const p = parseIdNumber(v, ctx.now);
      if (p.ok) out[k] = p.value;
    } else if (k === 'period' && v && typeof v === 'object') {
      const p = v as { start: string; end: string | null };
      // The months counted as the period's reader counts them (to the last month due when it is still unpaid): a
      // period said again is then the same value.
      const index = (m: string) => toMonthIndex(Number(m.slice(0, 4)), Number(m.slice(5, 7)));
      const last = p.end !== null ? index(p.end) : currentMonthIndex(ctx.now) - 1;
      out[k] = { start: p.start, end: p.end, months: Math.max(1, last - index(p.start) + 1) };
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** A flow's value in the corpus's shape. */
function fromAnswer(flowId: string, k: string, v: unknown): unknown {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('townshipId' in o) return o.townshipId;
    if (k === 'community' && 'community' in o) return o.community;
    if (k === 'employer' && flowId === 'membership' && 'name' in o) return o.name;
    if (k === 'idNumber' && 'id' in o) return o.id;
    if (k === 'period' && 'start' in o) return { start: o.start, end: o.end };
    if (k === 'slot') return undefined;
    // How a figure beside the months was read (said back as 「…（3个月一共）」): no part of the value.
    if (k === 'amount' && 'readTotal' in o) {
      const { readTotal: _said, ...value } = o;
      return value;
    }
  }
  return v;
}

function shape(flowId: string, values: Answers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const x = fromAnswer(flowId, k, v);
    if (x !== undefined && k !== 'point' && k !== 'slot') out[k] = x;
  }
  return out;
}

// --- predicting ------------------------------------------------------------------------------------

function fromUnderstood(u: Understood, flow: Flow | null, asking: string | null, known: Answers = {}, ctx?: FlowContext): Prediction {
  const flowId = flow?.id ?? 'wage';
  switch (u.kind) {
    case 'command':
      return { intent: u.command, direct: {}, inferred: {} };
    case 'smalltalk':
      return { intent: 'smalltalk', direct: {}, inferred: {} };
    case 'question':
      return u.entry ? { intent: 'question', entry: u.entry.id, direct: {}, inferred: {} } : { intent: 'unclear', direct: {}, inferred: {} };
    case 'switch':
      return { intent: u.service, direct: shape(u.service, u.given ?? {}), inferred: shape(u.service, u.facts) };
    case 'correction':
      return { intent: 'correction', direct: u.field && u.result?.ok ? shape(flowId, { [u.field.id]: u.result.value }) : {}, inferred: {} };
    case 'dont-know': {
      const field = flow && asking ? flow.fields.find((f) => f.id === asking) : undefined;
      return field?.optional ? { intent: 'answer', direct: { [asking!]: null }, inferred: {} } : { intent: 'unclear', direct: {}, inferred: {} };
    }
    case 'answer': {
      // One near miss offered (「您是说「桂山镇」吗？」): the value proposed, as the chat takes it on a yes (the option's
      // value read by the field's own parse), confirmed before it is kept.
      // Only the "did you mean" of a name (not 「…是老家吧？干活的地方也在「柳溪镇」吗？」, a question about another place).
      const near = u.result && !u.result.ok ? (u.result.options ?? []).filter((o) => o.yes && u.result!.ok === false && /^没找到「[^」]*」。您是说「/u.test(u.result!.error) && u.result!.error.endsWith(`您是说「${o.label}」吗？`)) : [];
      const field = flow && asking ? flow.fields.find((f) => f.id === asking) : undefined;
      const offered = near.length === 1 && field && ctx ? field.parse({ kind: 'text', text: near[0]!.value }, known, ctx) : null;
      if (offered?.ok && offered.value !== undefined) {
        return { intent: 'answer', direct: {}, inferred: { ...shape(flowId, u.facts), ...shape(flowId, { [asking!]: offered.value, ...(offered.set ?? {}) }) } };
      }
      const taken = u.result?.ok && asking && u.result.value !== undefined ? shape(flowId, { [asking]: u.result.value, ...(u.result.set ?? {}) }) : {};
      // A reading of the words (a festival as a month) is confirmed like a fact.
      const confirmed = u.result?.ok === true && u.result.confirm === true;
      const direct = confirmed ? {} : taken;
      const inferred = { ...shape(flowId, u.facts), ...(confirmed ? taken : {}) };
      if (Object.keys(direct).length === 0 && Object.keys(inferred).length === 0) return { intent: 'unclear', direct: {}, inferred: {} };
      return { intent: 'answer', direct, inferred };
    }
    case 'unclear':
      return { intent: 'unclear', direct: {}, inferred: {} };
  }
}

let fixCtx: FlowContext | null = null;
/**
 * One message read at a question as the corpus reads its lines (the held-out sets' fix tests): its prediction. `known`
 * as a line's. The context is made once.
 */
export function readAt(flow: 'wage' | 'membership' | 'legal' | null, asking: string | null, text: string, known: Record<string, unknown> = {}): Prediction {
  fixCtx ??= ctxOf();
  return predict({ id: 'fix', flow, asking, known, text, expect: { intent: 'answer', fields: {} } }, fixCtx);
}

/** What a prediction keeps, confirmed or not. */
export const takenBy = (p: Prediction): Record<string, unknown> => ({ ...p.inferred, ...p.direct });

export function predict(line: CorpusLine, ctx: FlowContext = ctxOf()): Prediction {
  const text = normalizeMessage(line.text);
  const flow = line.flow ? FLOWS[line.flow]! : null;
  if (!flow) {
    // A bare number as a first message (`2`): the menu's pick, as the engine reads it at the menu.
    const pick = menuPicked(text);
    if (pick) return pick.flow ? { intent: pick.flow, direct: {}, inferred: {} } : fromUnderstood(understandAtMenu(Object.values(FLOWS), pick.value, ctx), null, null);
    return fromUnderstood(understandAtMenu(Object.values(FLOWS), text, ctx), null, null);
  }
  const known = toAnswers(flow, line.known, ctx);
  // Typed in pinyin (`tong yi`, `ren gong`): read as the chat reads it (flows/service.ts), then as the words it spells.
  const asked = line.asking && line.asking !== 'confirm' && line.asking !== 'review' ? (flow.fields.find((f) => f.id === line.asking) ?? null) : null;
  const shown = line.asking === 'confirm' ? ['对', 'yes', '不对', 'no'] : line.asking === 'review' ? ['确认提交', '确认', '取消'] : [];
  const heard = pinyinHeard(text, { flow, field: asked, shown, yesShown: false, answers: known, ctx, flows: Object.values(FLOWS) });
  if (heard) return predict({ ...line, text: heard }, ctx);
  if (line.asking === 'confirm') {
    // The options shown under 「…对吗？」 (`1. 对 2. 不对`): their numbers, as the engine reads them.
    const c = text === '1' ? 'yes' : text === '2' ? 'no' : understandConfirm(text);
    // The engine's step at 「…对吗？」 (flows/engine.ts, the confirmation): `不对 是两万六`, `对 但地方不对 是白沙镇` are first
    // read against the values waiting there (here the line's `known`); one that takes the words is the correction,
    // proposed in turn. A no, as the labels write it (LABELS.md: yes or no at 「…对吗？」, the value in `fields`).
    const but = c === 'yes' ? yesBut(text) : null;
    const instead = but ?? (c === 'correction' ? (correctionOf(text)?.rest ?? '') : '');
    const change = instead !== '' ? pendingCorrection(flow, instead, known, {}, ctx) : null;
    if (change && 'result' in change) {
      const value = shape(flow.id, { ...(change.result.set ?? {}), [change.field.id]: change.result.value });
      // A question still to come answered after the yes (`对 另外还有两个工友也没拿到`): the yes, the fact confirmed with it.
      if (change.ahead) return { intent: c === 'yes' ? 'yes' : 'no', direct: {}, inferred: value };
      // `是的 宏达的` to 「青溪宏达建筑工程有限公司」: the yes in fewer words (the engine keeps the fuller name).
      const old = known[change.field.id];
      const v = change.result.value;
      if (but !== null && typeof old === 'string' && typeof v === 'string' && v.length >= 2 && old.includes(v)) return { intent: 'yes', direct: {}, inferred: {} };
      return { intent: 'no', direct: {}, inferred: value };
    }
    if (c === 'yes') return { intent: c, direct: {}, inferred: {} };
    // `不是 我说的是南塘`: a no, and what was meant, to be confirmed in turn.
    if (c === 'no') return { intent: 'no', direct: {}, inferred: shape(flow.id, factsAfterNo(flow, text, known, ctx)) };
    const u = understandInFlow(flow, null, text, known, ctx, null, Object.values(FLOWS));
    if (u.kind === 'correction') return { ...fromUnderstood(u, flow, null), intent: 'no' };
    return fromUnderstood(u, flow, null);
  }
  if (line.asking === 'review') {
    if (/^(确认|确认提交|提交|确定)$/.test(text) || understandConfirm(text) === 'yes') return { intent: 'yes', direct: {}, inferred: {} };
    // `第3条不对`, `改 3`: the summary's number picks the field to change.
    if (/^(?:改|修改|更改|改一下)\s*第?\s*\d{1,3}\s*(?:项|个|条)?$|^第?\s*\d{1,3}\s*(?:项|个|条)\s*(?:不对|错了|要改|有问题|改一下)$/.test(text)) return { intent: 'correction', direct: {}, inferred: {} };
    return fromUnderstood(understandInFlow(flow, null, text, known, ctx, null, Object.values(FLOWS)), flow, null);
  }
  const field = line.asking ? (flow.fields.find((f) => f.id === line.asking) ?? null) : null;
  const last = Object.keys(line.known).length > 0 ? (flow.fields.find((f) => f.id === Object.keys(line.known).at(-1)) ?? null) : null;
  return fromUnderstood(understandInFlow(flow, field, text, known, ctx, last, Object.values(FLOWS)), flow, field?.id ?? null, known, ctx);
}

// --- scoring -----------------------------------------------------------------------------------------

function canonical(v: unknown): string {
  // Text is compared as the bot reads it: simplified characters, no spaces, full-width brackets.
  if (typeof v === 'string') return normalizeMessage(v).replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${k}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export interface Report {
  lines: number;
  fields: Map<string, Counts>;
  allFields: Counts;
  /** Values taken without confirmation (direct answers): the ones that must almost never be wrong. */
  direct: Counts;
  intents: Map<string, Counts>;
  allIntents: Counts;
  errors: { line: CorpusLine; prediction: Prediction; problems: string[] }[];
}

export function evaluate(lines: CorpusLine[] = loadCorpus()): Report {
  const ctx = ctxOf();
  const report: Report = { lines: lines.length, fields: new Map(), allFields: counts(), direct: counts(), intents: new Map(), allIntents: counts(), errors: [] };
  const fieldCounts = (key: string) => {
    let c = report.fields.get(key);
    if (!c) report.fields.set(key, (c = counts()));
    return c;
  };
  const intentCounts = (key: string) => {
    let c = report.intents.get(key);
    if (!c) report.intents.set(key, (c = counts()));
    return c;
  };
  for (const line of lines) {
    const p = predict(line, ctx);
    const problems: string[] = [];
    const flowId = line.flow ?? (['wage', 'membership', 'legal'].includes(line.expect.intent) ? line.expect.intent : 'wage');
    // Intents (a question counts only with the right entry).
    const expectedIntent = line.expect.intent === 'question' ? `question:${line.expect.entry}` : line.expect.intent;
    const predictedIntent = p.intent === 'question' ? `question:${p.entry}` : p.intent;
    const ek = line.expect.intent;
    const pk = p.intent;
    if (expectedIntent === predictedIntent) {
      intentCounts(ek).tp += 1;
      report.allIntents.tp += 1;
    } else {
      intentCounts(ek).fn += 1;
      intentCounts(pk).fp += 1;
      report.allIntents.fn += 1;
      report.allIntents.fp += 1;
      problems.push(`intent ${predictedIntent} (expected ${expectedIntent})`);
    }
    // Fields.
    const predicted = { ...p.inferred, ...p.direct };
    const expected = line.expect.fields;
    for (const key of new Set([...Object.keys(predicted), ...Object.keys(expected)])) {
      const name = `${flowId}.${key}`;
      const c = fieldCounts(name);
      const has = key in predicted;
      const want = key in expected;
      const same = has && want && canonical(predicted[key]) === canonical(expected[key]);
      if (same) {
        c.tp += 1;
        report.allFields.tp += 1;
      } else {
        if (has) {
          c.fp += 1;
          report.allFields.fp += 1;
          problems.push(`${key}: took ${JSON.stringify(predicted[key])}${want ? ` (expected ${JSON.stringify(expected[key])})` : ' (not said)'}${key in p.direct ? ' WITHOUT CONFIRMING' : ''}`);
        }
        if (want) {
          c.fn += 1;
          report.allFields.fn += 1;
          if (!has) problems.push(`${key}: missed ${JSON.stringify(expected[key])}`);
        }
      }
      if (key in p.direct) {
        if (same) report.direct.tp += 1;
        else report.direct.fp += 1;
      } else if (want && !has) {
        report.direct.fn += 1;
      }
    }
    if (problems.length > 0) report.errors.push({ line, prediction: p, problems });
  }
  return report;
}
