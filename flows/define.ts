/**
 * Typed flows. A flow is a zod schema of its fields (every field optional
 * until answered; `null` = skipped or unknown) and a list of field specs
 * written against the schema's type. `defineFlow` turns them into the
 * plain `Flow` the engine runs: each callback gets the answers parsed by the
 * schema, and each value it returns is checked by the field's own schema,
 * so a flow never casts and the engine never trusts an unchecked value.
 */
import { z } from 'zod';
import { NO_PHONE_AGAIN, NO_PHONE_REPLY, OTHERS_PHONE_REPLY, phoneAnswer } from './nlu/facts.js';
import { saidAgain } from './nlu/normalize.js';
import { declinesService, yesNo } from './nlu/talk.js';
import { formWord } from './parsers/name.js';
import { communityPlace, deniedTownship, findTownship, parseTownship, pinyinPlace, withoutHometown, type TownshipMatchOptions } from './places.js';
import type { Answers, Choice, Field, FieldResult, Flow, FlowContext, Incoming, Neither, Option } from './types.js';

/** Where a township question's answer points: the township and its district. */
export const PlaceSchema = z.object({ districtId: z.string(), townshipId: z.string() });
export type Place = z.infer<typeof PlaceSchema>;

/** The options of a consent question: 1 同意, 2 不同意. */
export const CONSENT_OPTIONS: Choice[] = [
  { label: '同意', value: 'yes' },
  { label: '不同意', value: 'no' },
];

/** The usual reply to anything but 同意 or 不同意 at a consent question. */
export const CONSENT_RETRY = '请回复1表示同意，回复2表示不同意。';

type Key<A> = keyof A & string;
/** A field's value once answered (`null` = skipped). */
export type Value<A, K extends keyof A> = Exclude<A[K], undefined>;

export type Result<V, A> =
  | { ok: true; value: V; ack?: string; exit?: string; set?: Partial<A>; confirm?: boolean; stay?: false; held?: Partial<A> }
  /** Stay on the field (more files may follow; a page of slots); `value` may be left out. */
  | { ok: true; stay: true; value?: V; ack?: string; set?: Partial<A> }
  | { ok: false; error: string; options?: Option[]; conflict?: boolean };

interface Common<A, K extends keyof A> {
  label?: string;
  ask: string | ((a: A, ctx: FlowContext) => string);
  options?: (a: A, ctx: FlowContext) => Choice[];
  when?: (a: A) => boolean;
  help: string;
  optional?: boolean;
  /** See `Field.unsure`. */
  unsure?: (a: A, ctx: FlowContext) => { ask: string; options: Choice[] };
  /** See `Field.stuck`. */
  stuck?: (a: A, ctx: FlowContext) => string;
  /** See `Field.helpAgain`. */
  helpAgain?: (a: A, ctx: FlowContext) => string;
  /** See `Field.errorAgain`. */
  errorAgain?: (error: string) => string | null;
  /** See `Field.denied`. */
  denied?: (v: Value<A, K>, a: A) => Partial<A>;
  /** See `Field.setAside`. */
  setAside?: (v: Value<A, K>, a: A) => Partial<A>;
  /** See `Field.asked`. */
  asked?: (text: string, a: A, ctx: FlowContext) => string | null;
  show?: (v: Value<A, K>, a: A, ctx: FlowContext) => string;
  /** See `Field.saidBack`. */
  saidBack?: (v: Value<A, K>, a: A, ctx: FlowContext) => string;
  clears?: Key<A>[];
  names?: RegExp;
  yesNo?: boolean;
  gate?: boolean;
  freeText?: boolean;
  numeric?: boolean;
  extractOnly?: boolean;
  verbatim?: boolean;
}

/** A field answered in words: `parse` gets the typed text (a file is refused with `notText`). */
export interface TextFieldSpec<A, K extends keyof A> extends Common<A, K> {
  parse: (text: string, a: A, ctx: FlowContext) => Result<Value<A, K>, A>;
  notText?: string;
}

/** A field that takes files too: `input` gets whatever arrived. */
export interface InputFieldSpec<A, K extends keyof A> extends Common<A, K> {
  input: (incoming: Incoming, a: A, ctx: FlowContext) => Result<Value<A, K>, A>;
  acceptsFiles: true;
}

export interface FlowSpec<S extends z.ZodObject> {
  id: string;
  version: number;
  title: string;
  schema: S;
  fields: (kit: FieldKit<z.infer<S>>) => Field[];
  reviewIntro: string | ((a: z.infer<S>, ctx: FlowContext) => string);
  /** Facts stated anywhere in a message (see `Flow.extract`). */
  extract?: (text: string, a: z.infer<S>, ctx: FlowContext) => Partial<z.infer<S>>;
  /** Said once submitted (see `Flow.afterSubmit`). */
  afterSubmit?: (a: z.infer<S>, ctx: FlowContext) => { text: string; offer?: string } | null;
  /** Said to a change asked for once submitted (see `Flow.fixAfterSubmit`). */
  fixAfterSubmit?: string;
  /** Keys `extract` may return that are no question: kept as said (see `Flow.wishes`). */
  wishes?: (keyof z.infer<S> & string)[];
  /** Said when only wishes were held (see `Flow.wishSaid`). */
  wishSaid?: (wished: Partial<z.infer<S>>, a: z.infer<S>, ctx: FlowContext) => string | null;
  /** Values going with one picked as wrong (see `Flow.dropsWith`). */
  dropsWith?: (id: string, values: Partial<z.infer<S>>) => (keyof z.infer<S> & string)[];
  /** Words answering the question what waits brings in (see `Flow.answersBrought`). */
  answersBrought?: (waiting: Partial<z.infer<S>>, text: string, answers: Partial<z.infer<S>>, ctx: FlowContext) => boolean;
  /** How values waiting were worked out (see `Flow.workedOut`). */
  workedOut?: (values: Partial<z.infer<S>>) => string | null;
  /** Said once a yes keeps values waiting (see `Flow.confirmedSay`). */
  confirmedSay?: (values: Partial<z.infer<S>>, a: z.infer<S>, ctx: FlowContext) => string | null;
  /** Words taking up the flow just offered, with wishes (see `Flow.takesOfferWith`). */
  takesOfferWith?: (text: string, ctx: FlowContext) => Partial<z.infer<S>> | null;
  /** Why values about to be confirmed are a reading (see `Flow.readingSaid`). */
  readingSaid?: (held: Partial<z.infer<S>>, asked: Partial<z.infer<S>>, a: z.infer<S>, ctx: FlowContext) => string | null;
}

/** A consent (同意 / 不同意): not listed in the summary; refusing leaves the flow saying `refusedExit`. */
export interface ConsentSpec<A = Record<string, unknown>> {
  ask: string | ((a: A, ctx: FlowContext) => string);
  help: string;
  refusedExit: string;
  /** Said for anything but yes or no; defaults to {@link CONSENT_RETRY}. */
  retry?: string;
  /** Words the consent answers itself before any yes or no is read in them (see `Field.asked`). */
  asked?: (text: string, a: A, ctx: FlowContext) => string | null;
}

/** A yes/no question; each side has its option label and the words that mean it. */
export interface YesNoSpec<A> {
  label: string;
  ask: string | ((a: A, ctx: FlowContext) => string);
  help: string;
  yes: { label: string; words?: RegExp };
  no: { label: string; words?: RegExp };
  /** Said for an answer that is neither. */
  retry: string;
  when?: (a: A) => boolean;
  clears?: Key<A>[];
  names?: RegExp;
  /** Words that are neither answer, asked about (see `Field.neither`); `ask` and `again` get the typed answers. */
  neither?: NeitherSpec<A>;
  /** An answer in other words (`10月底` for whether they still work there: no, and when); null when it is none. */
  read?: (text: string, a: A, ctx: FlowContext) => Result<boolean, A> | null;
  /**
   * An answer said with more beside it (`是 叫幸福小区二期`: yes, and the project's name): read before the plain yes or
   * no, so that what is beside it is not lost; null when nothing is.
   */
  beside?: (text: string, a: A, ctx: FlowContext) => Result<boolean, A> | null;
}

/** See `Neither` (flows/types.ts). */
export interface NeitherSpec<A> {
  test: (text: string) => boolean;
  options: readonly Option[];
  ask: (a: A) => string;
  again: (a: A) => string;
  answer: (text: string) => boolean | null;
}

/** Whether a result keeps a word of `formWord` as a text value (`完成` as the project's name, `下一步` as a unit's). */
function keepsWord(r: { value?: unknown; set?: object }, word: string): boolean {
  // A text, or one inside a value (`{ name: '下一步' }`, the unit at joining the union).
  const texts = [r.value, ...Object.values(r.set ?? {})]
    .flatMap((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : [v]))
    .filter((v): v is string => typeof v === 'string');
  const w = word.toLowerCase();
  return texts.some((v) => {
    const c = v.replace(/[\s,，。.!！~～、…]+/gu, '').toLowerCase();
    if (/^\d$/u.test(w)) return c === w;
    return c !== '' && (c.includes(w) || (/\p{Script=Han}/u.test(c) && w.includes(c)));
  });
}

/** A township or street (the value is `{ districtId, townshipId }`). */
/** `不清楚` said twice at a township question: the nearest one will do, or staff look it up. */
export const TOWNSHIP_STUCK = '不知道具体是哪个镇或街道的话，选离得最近的一个就行；实在不清楚，回复「人工」我们帮您查。';

export interface TownshipSpec<A> {
  label: string;
  ask: string | ((a: A, ctx: FlowContext) => string);
  help: string;
  when?: (a: A) => boolean;
  clears?: Key<A>[];
  names?: RegExp;
  show?: (place: { districtId: string; townshipId: string }, a: A, ctx: FlowContext) => string;
  match?: TownshipMatchOptions;
  /** What is said when not knowing the township is said again; defaults to the nearest one, or staff. */
  stuck?: (a: A, ctx: FlowContext) => string;
  /** Something the words ask or tell that the question answers itself (Field.asked), said before the question again. */
  asked?: (text: string, a: A, ctx: FlowContext) => string | null;
  /**
   * The words say the township named may not be the one asked (`我住河西` where the township of the work is asked,
   * `东龙镇附近的`): what to ask about it (its one choice a yes, said no to as a near miss is), or null to take it.
   */
  unsure?: (text: string, name: string) => string | null;
  /**
   * Where the person is is asked (not where they are registered): a hometown named beside it (`老家是马坪的 但我现在住在
   * 凤栖`) is no answer, and the township said in the other words is.
   */
  hereAsked?: (a: A) => boolean;
  /** The field a village or community named for the township (`沙湾村`) also answers, with the township confirmed. */
  community?: Key<A>;
}

export interface FieldKit<A> {
  text<K extends Key<A>>(id: K, spec: TextFieldSpec<A, K>): Field;
  input<K extends Key<A>>(id: K, spec: InputFieldSpec<A, K>): Field;
  consent<K extends Key<A>>(id: K, spec: ConsentSpec<A>): Field;
  yesNo<K extends Key<A>>(id: K, spec: YesNoSpec<A>): Field;
  township<K extends Key<A>>(id: K, spec: TownshipSpec<A>): Field;
  /** A mobile number: in a sentence, spaced or spoken in Chinese digits (flows/nlu/facts.ts). */
  phone<K extends Key<A>>(id: K, spec: PhoneSpec): Field;
}

export interface PhoneSpec {
  ask: string;
  help: string;
  /** Words that name the field in a correction; default 手机号, 手机, 电话. */
  names?: RegExp;
}

/** A flow the engine can run, plus typed access to its answers. */
export interface TypedFlow<S extends z.ZodObject> extends Flow {
  schema: S;
  /** The answers, parsed by the schema (throws on a value no field could have given). */
  read(raw: Answers): z.infer<S>;
}

/** A sound of thinking said alone, then a pause, before an answer: `嗯 跑腿`. */
const LEADING_SOUND = /^(?:嗯+|呃+)[\s,，、]+(?=\S)/u;

export function defineFlow<S extends z.ZodObject>(spec: FlowSpec<S>): TypedFlow<S> {
  type A = z.infer<S>;
  const { schema } = spec;
  /**
   * Answers parsed once per answers object: a turn reads the same answers
   * many times (every field's `when`, `ask`, `options`, each time the
   * visible fields are listed), and the engine never changes an answers
   * object in place (it sets a new one), so the parse of one still holds.
   */
  const parsed = new WeakMap<Answers, A>();
  /**
   * The schema's parse, compiled (zod's `z.compile`: generated code for this one shape, several times cheaper than
   * the general parser a turn otherwise runs for every answers object read). Same results: what the generated code
   * cannot take is handed to the general parser, so a rejection (and its error) is the general parser's own.
   */
  const fast = z.compile(schema);
  const read = (raw: Answers): A => {
    let a = parsed.get(raw);
    if (a === undefined) {
      a = fast.parse(raw);
      parsed.set(raw, a);
    }
    return a;
  };
  const shape = schema.shape as Record<string, z.ZodType>;
  /** Each field's schema compiled (as `fast`) when first used (an id of no field fails as before). */
  const fieldSchemas = new Map<string, z.ZodType>();
  const fieldSchema = (id: string): z.ZodType => {
    let f = fieldSchemas.get(id);
    if (f === undefined) {
      const own = shape[id]!;
      if (!(own instanceof z.ZodType)) return own;
      fieldSchemas.set(id, (f = z.compile(own)));
    }
    return f;
  };
  /** A field's value checked by the field's schema: what a parser returns must fit. */
  const checkValue = (id: string, v: unknown): unknown => fieldSchema(id).parse(v);
  const checkSet = (set: Partial<A> | undefined): Answers | undefined => {
    if (!set) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(set)) out[k] = v === undefined ? undefined : checkValue(k, v);
    return out;
  };

  function result(id: string, r: Result<unknown, A>): FieldResult {
    if (!r.ok) return r;
    return { ...r, value: r.value === undefined ? undefined : checkValue(id, r.value), set: checkSet(r.set) };
  }

  function common<K extends Key<A>>(id: K, c: Common<A, K>): Omit<Field, 'parse'> {
    const ask = c.ask;
    return {
      id,
      label: c.label,
      ask: (raw, ctx) => (typeof ask === 'string' ? ask : ask(read(raw), ctx)),
      options: c.options ? (raw, ctx) => c.options!(read(raw), ctx) : undefined,
      when: c.when ? (raw) => c.when!(read(raw)) : undefined,
      help: c.help,
      optional: c.optional,
      ...(c.unsure ? { unsure: (raw: Answers, ctx: FlowContext) => c.unsure!(read(raw), ctx) } : {}),
      ...(c.stuck ? { stuck: (raw: Answers, ctx: FlowContext) => c.stuck!(read(raw), ctx) } : {}),
      ...(c.errorAgain ? { errorAgain: c.errorAgain } : {}),
      ...(c.helpAgain ? { helpAgain: (raw: Answers, ctx: FlowContext) => c.helpAgain!(read(raw), ctx) } : {}),
      ...(c.asked ? { asked: (text: string, raw: Answers, ctx: FlowContext) => c.asked!(text, read(raw), ctx) } : {}),
      ...(c.denied ? { denied: (v: unknown, raw: Answers) => checkSet(c.denied!(checkValue(id, v) as Value<A, K>, read(raw))) ?? {} } : {}),
      ...(c.setAside ? { setAside: (v: unknown, raw: Answers) => checkSet(c.setAside!(checkValue(id, v) as Value<A, K>, read(raw))) ?? {} } : {}),
      show: c.show ? (v, raw, ctx) => c.show!(checkValue(id, v) as Value<A, K>, read(raw), ctx) : undefined,
      saidBack: c.saidBack ? (v, raw, ctx) => c.saidBack!(checkValue(id, v) as Value<A, K>, read(raw), ctx) : undefined,
      clears: c.clears,
      names: c.names,
      yesNo: c.yesNo,
      gate: c.gate,
      freeText: c.freeText,
      ...(c.numeric ? { numeric: true } : {}),
      extractOnly: c.extractOnly,
      verbatim: c.verbatim,
    };
  }

  const neitherOf = (n: NeitherSpec<A>): Neither => ({
    test: n.test,
    options: n.options.map((o) => ({ label: o.label, value: o.value })),
    ask: (raw) => n.ask(read(raw)),
    again: (raw) => n.again(read(raw)),
    answer: n.answer,
  });

  const askOf = (ask: string | ((a: A, ctx: FlowContext) => string)) => (raw: Answers, ctx: FlowContext) => (typeof ask === 'string' ? ask : ask(read(raw), ctx));

  const kit: FieldKit<A> = {
    consent(id, c) {
      const retry = c.retry ?? CONSENT_RETRY;
      return {
        id,
        gate: true,
        consent: true,
        yesNo: true,
        ask: askOf(c.ask),
        options: () => CONSENT_OPTIONS,
        show: (v) => (checkValue(id, v) === true ? CONSENT_OPTIONS[0]!.label : CONSENT_OPTIONS[1]!.label),
        help: c.help,
        ...(c.asked ? { asked: (text: string, raw: Answers, ctx: FlowContext) => c.asked!(text, read(raw), ctx) } : {}),
        parse: (input) => {
          const t = input.kind === 'text' ? input.text : null;
          // `不加了 谢谢`, `先不办了`: the service declined in its own words, a no.
          const yn = t === 'yes' ? true : t === 'no' ? false : t === null ? null : (yesNo(t) ?? (declinesService(t) ? false : null));
          if (yn === null) return { ok: false, error: retry };
          return yn ? { ok: true, value: checkValue(id, true) } : { ok: true, value: checkValue(id, false), exit: c.refusedExit };
        },
      };
    },
    yesNo(id, y) {
      const choices: Choice[] = [
        { label: y.yes.label, value: 'yes', words: y.yes.words },
        { label: y.no.label, value: 'no', words: y.no.words },
      ];
      return {
        id,
        label: y.label,
        yesNo: true,
        ask: askOf(y.ask),
        options: () => choices,
        when: y.when ? (raw) => y.when!(read(raw)) : undefined,
        help: y.help,
        clears: y.clears,
        names: y.names,
        ...(y.neither ? { neither: neitherOf(y.neither) } : {}),
        show: (v) => (checkValue(id, v) === true ? y.yes.label : y.no.label),
        parse: (input, raw, ctx) => {
          const t = input.kind === 'text' ? input.text : null;
          if (t === 'yes' || t === 'no') return { ok: true, value: checkValue(id, t === 'yes') };
          const beside = t !== null && y.beside ? y.beside(t, read(raw), ctx) : null;
          if (beside) return result(id, beside);
          const yn = t === null ? null : yesNo(t);
          if (yn === null && t !== null && y.read) {
            const r = y.read(t, read(raw), ctx);
            if (r) return result(id, r);
          }
          return yn === null ? { ok: false, error: y.retry } : { ok: true, value: checkValue(id, yn) };
        },
      };
    },
    township(id, t) {
      return {
        id,
        label: t.label,
        ask: askOf(t.ask),
        when: t.when ? (raw) => t.when!(read(raw)) : undefined,
        help: t.help,
        // `不清楚` said twice: the nearest one will do, or staff look it up (never 「想想看」 again).
        stuck: (raw, ctx) => (t.stuck ? t.stuck(read(raw), ctx) : TOWNSHIP_STUCK),
        // A township not known at once: the nearest one will do, said the first time (never 「想想看」 first).
        stuckFirst: true,
        asked: t.asked ? (text, raw, ctx) => t.asked!(text, read(raw), ctx) : undefined,
        clears: t.clears,
        names: t.names,
        show: (v, raw, ctx) => {
          const place = PlaceSchema.parse(v);
          return t.show ? t.show(place, read(raw), ctx) : (ctx.index.townshipById.get(place.townshipId)?.township.name ?? '');
        },
        // Every township as a numbered choice, when there are few enough to read on a phone.
        options: (_raw, ctx) => {
          const all = ctx.directory.districts.flatMap((d) => d.townships);
          return all.length <= 12 ? all.map((tw) => ({ label: tw.name, value: tw.id })) : [];
        },
        parse: (input, raw, ctx) => {
          if (input.kind !== 'text') return { ok: false, error: '请用文字告诉我镇或街道的名字。' };
          // `不是东龙镇`: the township said not to be it, and no other named, is never taken (nor offered as meant); which
          // one is asked.
          const denied = ctx.index.townshipById.get(input.text) ? null : deniedTownship(ctx, input.text);
          if (denied && !findTownship(ctx, denied.rest)) return { ok: false, error: `不是「${denied.name}」的话，是哪个镇或街道呢？` };
          const here = t.hereAsked?.(read(raw)) ? withoutHometown(input.text) : input.text;
          const said = here !== input.text && findTownship(ctx, input.text) === null && findTownship(ctx, here) !== null ? here : input.text;
          const r = parseTownship(ctx, said, t.match);
          // `白沙镇横岗村`, `在工业园 河西那边`: a township named exactly inside the answer (never past a conflict:
          // `我住在白沙镇` where the unit's town is asked).
          const named = r.ok ? r.value : r.conflict ? null : findTownship(ctx, said);
          // `沙湾村`, `在滨江社区那块`, `家在沙湾村`: a village or community of one township, that township read from it
          // (confirmed, never kept as said), with the village where the flow asks for it.
          const village = named || r.ok || r.conflict ? null : communityPlace(ctx, said);
          // `baisha`, `我在 zhu yuan cun` (typed in pinyin): the township or village spelled, confirmed in characters.
          const spelled = named || village || r.ok || r.conflict ? null : pinyinPlace(ctx, said);
          if (spelled) {
            const set = spelled.community && spelled.gridId && t.community ? { set: { [t.community]: { community: spelled.community, gridId: spelled.gridId } } } : {};
            return { ok: true, value: checkValue(id, spelled.place), confirm: true, ...set };
          }
          const place = named ?? village?.place;
          if (!place) return r;
          // `东龙镇附近的`, `我住河西` (where the work's township is asked): which township, asked with it as the one choice.
          const name = ctx.index.townshipById.get(place.townshipId)?.township.name;
          const ask = name && t.unsure ? t.unsure(said, name) : null;
          if (ask && name) return { ok: false, error: ask, options: [{ label: name, value: place.townshipId, yes: true }] };
          if (village) return { ok: true, value: checkValue(id, place), confirm: true, ...(t.community ? { set: { [t.community]: { community: village.community, gridId: village.gridId } } } : {}) };
          return { ok: true, value: checkValue(id, place) };
        },
      };
    },
    text(id, s) {
      return {
        ...common(id, s),
        parse: (input, raw, ctx) => {
          if (input.kind !== 'text') return { ok: false, error: s.notText ?? '这一步需要文字回答，不用发文件。' };
          const r = s.parse(input.text, read(raw), ctx);
          // `完成`, `提交`, `好的`, `1` (no choices listed) taken as the answer itself: never kept as a name or a text;
          // the question asked again with what to write (said again, the engine offers 跳过 or a person).
          const word = formWord(input.text);
          if (word !== null && r.ok && keepsWord(r, word) && !(/^\d$/u.test(word) && (s.options?.(read(raw), ctx).length ?? 0) > 0)) {
            const ask = typeof s.ask === 'string' ? s.ask : s.ask(read(raw), ctx);
            const lead = /^\d$/u.test(word) ? '这一题没有选项，请直接写答案：' : '还没填完呢，请先回答这一题：';
            return { ok: false, error: `${lead}${ask}${s.optional ? '不知道可以回复「跳过」。' : ''}` };
          }
          // `黄 黄 黄志强`, `网店客服 网店客服`: words said again as a restart, which a reader keeping the answer's own
          // words ran together (黄黄黄志强): read without the words restarted, and confirmed, never kept unconfirmed.
          const again = saidAgain(input.text);
          // `跳过 跳过吧` where the question may be skipped: the skip said again (as said once, nothing kept).
          if (again && s.optional && /^(?:跳过|略过|不填|先跳过)吧?$/u.test(again.said)) return result(id, { ok: true, value: null });
          // `嗯 跑腿`, `嗯 地址是南门路66号`: a sound of thinking said alone before the answer, which a reader keeping the
          // answer's own words kept with it: the answer read without it (the words meant are the same).
          const lead = r.ok && !r.stay && !r.exit && typeof r.value === 'string' ? LEADING_SOUND.exec(input.text.trim()) : null;
          if (lead && r.ok && typeof r.value === 'string' && LEADING_SOUND.test(r.value.trim())) {
            const rest = s.parse(input.text.trim().slice(lead[0].length), read(raw), ctx);
            if (rest.ok && !rest.stay && !rest.exit && typeof rest.value === 'string' && !LEADING_SOUND.test(rest.value)) return result(id, rest);
          }
          if (again && r.ok && !r.stay && !r.exit && typeof r.value === 'string') {
            const kept = r.value.replace(/[\s,、，]+/gu, '');
            if (again.runs.some((run) => kept.includes(run))) {
              const meant = s.parse(again.said, read(raw), ctx);
              const clean = meant.ok && !meant.stay && !meant.exit && typeof meant.value === 'string' && !again.runs.some((run) => (meant.value as string).replace(/[\s,、，]+/gu, '').includes(run));
              return result(id, clean ? { ...meant, confirm: true } : { ...r, confirm: true });
            }
          }
          return result(id, r);
        },
      };
    },
    input(id, s) {
      return { ...common(id, s), acceptsFiles: true, parse: (input, raw, ctx) => result(id, s.input(input, read(raw), ctx)) };
    },
    phone(id, p) {
      return {
        id,
        label: '手机号',
        ask: () => p.ask,
        help: p.help,
        names: p.names ?? /手机号|手机|电话/,
        // `不知道` said twice: where to find the number, or someone else's (never 「想想看」 again).
        stuck: () => '记不清号码的话，可以看看手机设置里的本机号码，或者问问家里人；自己的号码实在找不到，留家人或工友的手机号也可以。还不行的话，回复「人工」请工作人员帮您。',
        show: (v) => String(v),
        // Someone else's number (`这是老板的电话 137…`) is a conflict: the question asked again, the number never read
        // from a clause of its own as the answer after all.
        parse: (input) => {
          if (input.kind !== 'text') return { ok: false, error: '请用文字告诉我手机号。' };
          const r = phoneAnswer(input.text);
          return result(id, !r.ok && r.error === OTHERS_PHONE_REPLY ? { ...r, conflict: true } : r);
        },
        errorAgain: (error) => (error === NO_PHONE_REPLY ? NO_PHONE_AGAIN : null),
        asked: (text) => (OTHERS_NUMBER_ASKED.test(text) && !/\d/u.test(text) && !/老板|包工头|工头|单位|公司|厂/u.test(text) ? OTHERS_NUMBER_OK : null),
      };
    },
  };

  const fields = spec.fields(kit);
  const intro = spec.reviewIntro;
  return {
    id: spec.id,
    version: spec.version,
    title: spec.title,
    fields,
    schema,
    read,
    reviewIntro: (raw, ctx) => (typeof intro === 'string' ? intro : intro(read(raw), ctx)),
    extract: (text, raw, ctx) => {
      if (!spec.extract) return {};
      const found = spec.extract(text, read(raw), ctx);
      // Only fields of this flow, each value checked.
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(found)) if (v !== undefined && k in shape) out[k] = checkValue(k, v);
      return out;
    },
    check: (raw) => {
      if (parsed.has(raw)) return true;
      const r = fast.safeParse(raw);
      if (r.success) parsed.set(raw, r.data);
      return r.success;
    },
    afterSubmit: spec.afterSubmit ? (raw, ctx) => spec.afterSubmit!(read(raw), ctx) : undefined,
    ...(spec.fixAfterSubmit ? { fixAfterSubmit: spec.fixAfterSubmit } : {}),
    ...(spec.wishes ? { wishes: spec.wishes } : {}),
    ...(spec.wishSaid ? { wishSaid: (wished: Answers, raw: Answers, ctx: FlowContext) => spec.wishSaid!(wished as Partial<z.infer<S>>, read(raw), ctx) } : {}),
    ...(spec.workedOut ? { workedOut: (values: Answers) => spec.workedOut!(values as Partial<z.infer<S>>) } : {}),
    ...(spec.answersBrought
      ? { answersBrought: (waiting: Answers, text: string, answers: Answers, ctx: FlowContext) => spec.answersBrought!(waiting as Partial<z.infer<S>>, text, answers as Partial<z.infer<S>>, ctx) }
      : {}),
    ...(spec.takesOfferWith ? { takesOfferWith: (text: string, ctx: FlowContext) => (spec.takesOfferWith!(text, ctx) as Answers | null) } : {}),
    ...(spec.confirmedSay ? { confirmedSay: (values: Answers, raw: Answers, ctx: FlowContext) => spec.confirmedSay!(values as Partial<z.infer<S>>, read(raw), ctx) } : {}),
    ...(spec.readingSaid
      ? { readingSaid: (held: Answers, asked: Answers, raw: Answers, ctx: FlowContext) => spec.readingSaid!(held as Partial<z.infer<S>>, asked as Partial<z.infer<S>>, read(raw), ctx) }
      : {}),
    ...(spec.dropsWith ? { dropsWith: (id: string, values: Answers) => spec.dropsWith!(id, values as Partial<z.infer<S>>) } : {}),
  };
}

/** The typed text of an answer, or null for a file (or a refused file). */
export function textOf(input: Incoming): string | null {
  return input.kind === 'text' ? input.text : null;
}

/** Someone close to the person, whose phone may be given instead (the phone question's own help says so). */
const CLOSE_ONE = '老婆|媳妇|爱人|妻子|老公|丈夫|对象|儿子|女儿|闺女|孩子|爸爸?|妈妈?|父亲|母亲|老爸|老妈|弟弟|妹妹|哥哥|姐姐|亲戚|家里人|家人|家属|工友|老乡|朋友|同事';
/** `我没有手机 用我老婆的行吗`, `留家里人的电话可以不`: asking whether another's number will do (never giving one). */
const OTHERS_NUMBER_ASKED = new RegExp(
  `(?:${CLOSE_ONE})(?:的)?(?:手机号?|电话|号码?)?[^，,。？?]{0,6}(?:行吗|行不行|行不|可以吗|可以不|可不可以|能不能用|能用吗|成吗|中不中|得不得|好吗|也行吗)|(?:能|可以|行)不?(?:能|可以|行)?(?:用|留|填|写)(?:我)?(?:${CLOSE_ONE})的`,
  'u',
);
const OTHERS_NUMBER_OK = '可以。自己没有手机的话，留家人或工友的手机号也行，只要打这个号码能找到您。';
