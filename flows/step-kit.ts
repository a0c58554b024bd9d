/**
 * Building blocks for the steps of a flow (wage.ts, membership.ts,
 * legal-aid.ts): reading a typed answer, turning a parser's result into a
 * step result, and the step shapes the flows share (a text question, a
 * yes/no question, a consent question, a township question). Every text the
 * user sees is passed in by the flow; only the generic retry for a consent
 * and the township fallbacks live here.
 */
import { matchTownship } from '../core/directory/match.js';
import { parseYesNo } from './choices.js';
import type { Parsed } from './parsers/index.js';
import type { Answers, FlowContext, Incoming, Option, Step, StepResult } from './types.js';

/** The typed text of an answer, or null for a file (or a refused file). */
export function textOf(input: Incoming): string | null {
  return input.kind === 'text' ? input.text : null;
}

/** A parser's result (`flows/parsers`) as a step result: the value, or the parser's re-prompt. */
export function fromParsed<T>(parsed: Parsed<T>): StepResult {
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: parsed.error };
}

/** A question's wording: fixed, or built from the answers so far. */
export type Ask = string | Step['ask'];

function askFn(ask: Ask): Step['ask'] {
  return typeof ask === 'string' ? () => ask : ask;
}

/** A step as {@link textStep} takes it: a {@link Step} whose `parse` gets the typed text. */
export interface TextStepSpec extends Omit<Step, 'ask' | 'parse' | 'acceptsFiles'> {
  ask: Ask;
  /** Parses the typed text (never null: see `notText`). */
  parse(text: string, answers: Answers, ctx: FlowContext): StepResult;
  /**
   * The error for an answer that is not text. Without it, such an answer is
   * parsed as empty text. (The engine turns files away before `parse` at steps
   * that do not accept them, so this is a safeguard.)
   */
  notText?: string;
}

/**
 * A question answered in words.
 *
 * @example
 * textStep({
 *   id: 'amount',
 *   label: '拖欠金额',
 *   ask: '一共被拖欠多少钱？',
 *   notText: '请用文字告诉我金额。',
 *   parse: (t) => fromParsed(parseAmount(t)),
 *   help: '…',
 * })
 */
export function textStep(spec: TextStepSpec): Step {
  const { ask, parse, notText, ...rest } = spec;
  return {
    ...rest,
    ask: askFn(ask),
    parse: (input, answers, ctx) => {
      const t = textOf(input);
      if (t === null && notText !== undefined) return { ok: false, error: notText };
      return parse(t ?? '', answers, ctx);
    },
  };
}

/**
 * A yes/no question (numbered options, or a short answer such as 是, 不是,
 * 还在, 离开了): the answer is `true` or `false`. `retry` is said for any
 * other answer, and for one that is not text.
 */
export function yesNoStep(spec: Omit<TextStepSpec, 'parse' | 'notText'> & { retry: string }): Step {
  const { retry, ...rest } = spec;
  return textStep({ ...rest, notText: retry, parse: (t) => parseYesNo(t, retry) });
}

/** The options of a consent question: 1 同意, 2 不同意. */
export const CONSENT_OPTIONS: Option[] = [
  { label: '同意', value: 'yes' },
  { label: '不同意', value: 'no' },
];

/** The usual reply to anything but 同意 or 不同意 at a consent question. */
export const CONSENT_RETRY = '请回复1表示同意，回复2表示不同意。';

export interface ConsentStepSpec {
  /** Defaults to `consent`. */
  id?: string;
  /** What is collected, why, who sees it, how long it is kept; ends with the question. */
  ask: string;
  help: string;
  /** Said when the person does not agree; the flow is left without saving anything. */
  refusedExit: string;
  /** Said for any other answer; defaults to {@link CONSENT_RETRY}. */
  retry?: string;
}

/**
 * A consent question: 同意 answers `true` and goes on; 不同意 answers `false`
 * and leaves the flow saying `refusedExit`. It has no label, so it is not
 * listed on the review screen.
 */
export function consentStep(spec: ConsentStepSpec): Step {
  const retry = spec.retry ?? CONSENT_RETRY;
  return {
    id: spec.id ?? 'consent',
    ask: () => spec.ask,
    options: () => CONSENT_OPTIONS,
    parse: (input) => {
      const t = textOf(input);
      const r = t === null ? null : parseYesNo(t, '');
      if (!r || !r.ok) return { ok: false, error: retry };
      if (r.value === false) return { ok: true, value: false, exit: spec.refusedExit };
      return { ok: true, value: true };
    },
    help: spec.help,
  };
}

// --- townships ----------------------------------------------------------------------------

/** A township or street, with the district it belongs to: the answer of a township question. */
export interface TownshipPlace {
  districtId: string;
  townshipId: string;
}

/** The name of the township in a {@link TownshipPlace} answer, or '' if it is not (or no longer) in the directory. */
export function townshipName(ctx: FlowContext, place: unknown): string {
  const id = (place as TownshipPlace | undefined)?.townshipId;
  return (id && ctx.index.townshipById.get(id)?.township.name) || '';
}

/** Where {@link parseTownship} differs between flows. */
export interface TownshipMatchOptions {
  /** How the typed text is quoted back in a message; defaults to its first 20 UTF-16 units. */
  quote?(text: string): string;
  /** Tried after a picked township id and before matching names, e.g. a bare district name. */
  before?(text: string, ctx: FlowContext): StepResult | undefined;
  /** The error when nothing is near; defaults to listing every township served. */
  none?(quoted: string, ctx: FlowContext): string;
}

/**
 * A township from what was typed: a picked candidate (it arrives as its
 * township id), or a name matched by {@link matchTownship}. A near miss offers
 * the candidates as options ("did you mean"); nothing near gets `opts.none`.
 */
export function parseTownship(ctx: FlowContext, text: string, opts: TownshipMatchOptions = {}): StepResult {
  const picked = ctx.index.townshipById.get(text);
  if (picked) return { ok: true, value: { districtId: picked.districtId, townshipId: picked.township.id } satisfies TownshipPlace };
  const early = opts.before?.(text, ctx);
  if (early) return early;
  const quoted = opts.quote ? opts.quote(text) : text.slice(0, 20);
  const m = matchTownship(ctx.directory, text);
  if (m.kind === 'exact') {
    const entry = ctx.index.townshipById.get(m.township.id)!;
    return { ok: true, value: { districtId: entry.districtId, townshipId: m.township.id } satisfies TownshipPlace };
  }
  if (m.kind === 'candidates') {
    return { ok: false, error: `没找到「${quoted}」。您是说下面哪一个？回复数字即可。`, options: m.townships.map((tw) => ({ label: tw.name, value: tw.id })) };
  }
  if (opts.none) return { ok: false, error: opts.none(quoted, ctx) };
  const names = ctx.directory.districts.flatMap((d) => d.townships.map((tw) => tw.name));
  return { ok: false, error: `没找到「${quoted}」。我们服务的镇街有：${names.join('、')}。请回复其中一个。` };
}

/** A step as {@link townshipStep} takes it; `show` defaults to the township's name. */
export interface TownshipStepSpec extends Omit<TextStepSpec, 'parse' | 'notText' | 'show'> {
  show?: Step['show'];
  /** Where matching differs from the default (see {@link parseTownship}). */
  match?: TownshipMatchOptions;
}

/** A question answered with a township or street; the answer is a {@link TownshipPlace}. */
export function townshipStep(spec: TownshipStepSpec): Step {
  const { match, show, ...rest } = spec;
  return textStep({
    ...rest,
    notText: '请用文字告诉我镇或街道的名字。',
    parse: (t, _a, ctx) => parseTownship(ctx, t, match),
    show: show ?? ((v, _a, ctx) => townshipName(ctx, v)),
  });
}
