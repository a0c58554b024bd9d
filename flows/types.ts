import type { Directory } from '../core/directory/index.js';
import type { DirectoryIndex } from '../core/directory/index.js';

import type { Option, Reply } from '../core/infra/replies.js';

export type { Option, Reply };

/** A file the channel has already checked and stored (encrypted). */
export interface FileRef {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

export type Incoming =
  | { kind: 'text'; text: string }
  | { kind: 'file'; file: FileRef }
  /** A file the channel refused (type or size); `reason` is Chinese for the user. */
  | { kind: 'file-rejected'; reason: string };

export interface FlowContext {
  directory: Directory;
  index: DirectoryIndex;
  /** "Now" for the conversation: the app's clock, read once per message. */
  now: Date;
  /** Loaded by the chat service while a legal-aid booking is being made (flows/legal-aid.ts). */
  booking?: {
    /** Places taken per slot key (`staffId@YYYYMMDDHHMM`), to offer only free slots. */
    taken: ReadonlyMap<string, number>;
    /** The name and phone the person gave before (a booking or a case), offered for reuse. */
    knownContact: { name: string; phone: string } | null;
    /** The person's own bookings still to come: a time of theirs is said to be theirs, never 「已经有人约了」. */
    mine?: readonly { bookingNo: string; slotKey: string }[];
  };
  /**
   * Where the person's wage report stands, loaded by the chat service while a report sent from this chat is
   * remembered (`session.submitted`): what is said of "the report under way" fits it. Absent: taken as under way.
   */
  reported?: ReportedWage;
}

/**
 * The person's wage reports as they stand: `open` while any is still worked (today's 「已经在办理了」); else the
 * latest, in the township's review (`closing`), resolved (`resolved`, `receipt`: 收到了 / 没收到 waits; `rating`:
 * 满意 / 不满意 waits; `ratingLater`: it will be asked) or closed.
 */
export type ReportedWage =
  | { status: 'open' }
  | { status: 'closing' | 'closed'; caseNo: string }
  | { status: 'resolved'; caseNo: string; receipt: boolean; rating: boolean; ratingLater: boolean };

/**
 * The answers of a flow as the engine carries them between messages. Flows
 * never read this shape: each flow has a zod schema of its fields, and every
 * function a flow writes gets its answers parsed by that schema
 * (flows/define.ts), so what the flow sees is typed and checked.
 */
export type Answers = { readonly [field: string]: unknown };

/** A choice with the words that pick it by meaning (synonyms, dialect, the label). */
export interface Choice extends Option {
  /** Matched against the normalised message; the label and the number always work too. */
  words?: RegExp;
}

export type FieldResult =
  | {
      ok: true;
      value: unknown;
      /** Stay on this field (e.g. more evidence files may follow); `ack` is said. */
      stay?: boolean;
      ack?: string;
      /** Leave the flow without submitting, saying this. */
      exit?: string;
      /**
       * Other answers set at the same time (a key set to undefined is
       * removed), e.g. "改为电话咨询" picked where a service point was asked.
       * With `stay`, `value` may be undefined: the field stays unanswered.
       */
      set?: Answers;
      /**
       * The value is a reading of the words, not the words themselves (a
       * festival taken as a month): confirmed in one line before it counts.
       */
      confirm?: boolean;
      /**
       * Other values read from the words this answer was picked after (a leaving day said with two matters, the
       * matter picked next): held and confirmed in one line like facts read with an answer, never set unasked.
       */
      held?: Answers;
    }
  /**
   * `conflict`: the words answer this question but cannot be taken (they
   * contradict another answer, the error says which; or are too vague), or
   * they answer the question that comes after it and needs it first (a day
   * said before the service point): the error says so, the question is
   * asked again, the words never read as another field's value.
   */
  | { ok: false; error: string; options?: Offered[]; conflict?: boolean };

/**
 * An option offered after an answer that could not be taken. `yes`: it is the
 * one near miss ("您是说「东龙镇」吗？"), so a plain `是的` picks it.
 */
export interface Offered extends Option {
  yes?: true;
}

/** One question of a flow, as the engine runs it (built by flows/define.ts). */
export interface Field {
  id: string;
  /** Name in the review summary and in "…改为…"; fields without one are not listed. */
  label?: string;
  ask(answers: Answers, ctx: FlowContext): string;
  options?(answers: Answers, ctx: FlowContext): Choice[];
  parse(input: Incoming, answers: Answers, ctx: FlowContext): FieldResult;
  /** Ask only when this holds. */
  when?(answers: Answers): boolean;
  help: string;
  /** The user may answer `跳过` (or `不知道`). */
  optional?: boolean;
  /**
   * A bare `不知道` (`不清楚`, `说不好`) here gets this help, once, before the usual answer to not
   * knowing: e.g. rough figures to choose from (十来个 / 二三十个 …). Said again at that help, the
   * usual answer follows (an optional question left empty, another asked to think), never the help again.
   */
  unsure?(answers: Answers, ctx: FlowContext): { ask: string; options: Choice[] };
  /**
   * Not knowing said again at a required question (`不知道` twice in a row): another way on than 「想想看」 said a
   * second time (the amount: a monthly wage, worked out over the months owed).
   */
  stuck?(answers: Answers, ctx: FlowContext): string;
  /**
   * `stuck` is the way on at the first 不知道 already (the township: the nearest one will do, said at once rather than
   * 「想想看」 first); said again, the usual answer follows.
   */
  stuckFirst?: boolean;
  /**
   * What the question means asked again at it (`啥意思` twice): said in another, more concrete way than `help`
   * (the period: an example from today's date). Without it, a second 啥意思 gets the ways on (回头再填, 人工).
   */
  helpAgain?(answers: Answers, ctx: FlowContext): string;
  /** The same error about to be said twice in a row at the question (`没有手机` twice): another way on, if there is one. */
  errorAgain?(error: string): string | null;
  /**
   * A value read from the person's words and refused at its 「…对吗？」 (`不对`): answers to set so
   * that reading is never proposed again in this report (a report said to be for someone else,
   * refused: not asked about again).
   */
  denied?(value: unknown, answers: Answers): Answers;
  /**
   * A value read from the person's words, set aside unconfirmed because they went on twice past its 「…对吗？」,
   * for a question that does not come again (代为反映, asked before the consent): answers to set so the question is
   * asked plainly in its turn (whom the wages are owed to, as a choice), never the value dropped unasked.
   */
  setAside?(value: unknown, answers: Answers): Answers;
  /**
   * Words this question answers itself, before anything reads them as its answer: a question about how
   * to answer it (`用我老婆的行吗` where the phone is asked: yes, a number that reaches them), or what rules
   * the answer out (`我在东莞上班` where the work is asked: only this area is served). What to say, then
   * the question again; null for anything else. Never a value taken.
   */
  asked?(text: string, answers: Answers, ctx: FlowContext): string | null;
  /** Files are accepted here. */
  acceptsFiles?: boolean;
  /** How the answer reads in the summary and in confirmations. */
  show?(value: unknown, answers: Answers, ctx: FlowContext): string;
  /**
   * How a value the opening message chose is said back, as a clause after 「好的，」
   * (`您想找工会律师咨询`); without it, 「我先记下：<label>「<value>」」.
   */
  saidBack?(value: unknown, answers: Answers, ctx: FlowContext): string;
  /** Answers to forget when this one changes (they depend on it). */
  clears?: string[];
  /** Words that name this field in a correction: `金额不对` → the amount. */
  names?: RegExp;
  /** A yes/no question: the ordinary ways of saying yes and no answer it. */
  yesNo?: boolean;
  /** A yes/no question's answers that are neither (see `Neither`). */
  neither?: Neither;
  /** A consent: facts a first message gave are confirmed only after it. */
  gate?: boolean;
  /**
   * The flow's consent to collect the person's information (同意 / 不同意, flows/define.ts `consent`). Until one
   * is answered yes, nothing the person says is kept among the answers or confirmed: facts wait in the
   * session's pending facts, said so, and are confirmed once after the yes (engine.ts `holdTillConsent`).
   */
  consent?: boolean;
  /**
   * A consent that has to come before some words (an ID number, before 同意提供身份证号): while it is the question
   * behind a 「…对吗？」 and not yet answered, such words are never kept nor taken as no answer. `say` tells the person
   * so plainly; `rest` is the message without them (read as ever when not empty). Null for other words.
   */
  before?: (text: string) => { say: string; rest: string } | null;
  /** Free text like a name: a whole sentence with other facts in it is not taken as this answer. */
  freeText?: boolean;
  /** Answered with a number (an amount, a count): a bare `0` is this answer, never the menu's 0. */
  numeric?: boolean;
  /** Never asked: filled only when a message says it (shown in the summary then). */
  extractOnly?: boolean;
  /**
   * The whole message is the answer, in the person's words (an account of
   * what happened, an address, a roster): nothing else is read from it.
   */
  verbatim?: boolean;
}

/**
 * Words at a yes/no question that are neither answer and must not be taken as one (`老板让我回家等通知` at
 * 「还在这家单位干吗？」: sent home is neither still working there nor gone). Which one is asked, once, with what
 * each means (`ask`, the two answers as `options`); said again, `again` and a person to help. An answer in the
 * terms asked (`等着回去`) is read by `answer` and confirmed. A long break does not hold such words up: they are
 * about the question left open.
 */
export interface Neither {
  /** Whether the words are neither answer (and nothing else in them says which). */
  test(text: string): boolean;
  /** The two answers offered then, yes first (values `yes` and `no`), each label saying what it means. */
  options: readonly Option[];
  /** Which one is meant, asked with what decides it. */
  ask(answers: Answers): string;
  /** Said again, or not known: what decides it, once more (a person is offered with it). */
  again(answers: Answers): string;
  /** The answer to `ask` in its own terms (`等着回去`: yes, `说不要我了`: no); null when neither or both. */
  answer(text: string): boolean | null;
}

export interface Flow {
  id: string;
  /** Bump when fields change incompatibly: older sessions are restarted politely. */
  version: number;
  title: string;
  fields: Field[];
  /** Text shown on the review screen before the numbered fields. */
  reviewIntro(answers: Answers, ctx: FlowContext): string;
  /**
   * Every fact a message states about this flow's fields, found inside any
   * sentence with the same parsers a direct answer gets, precision first.
   */
  extract(text: string, answers: Answers, ctx: FlowContext): Answers;
  /**
   * Keys `extract` may return that are no question of the flow (a wish such
   * as the day to meet, which narrows a list of choices): taken into the
   * answers as said, without a "对吗？". Other keys no field takes are dropped.
   */
  wishes?: readonly string[];
  /**
   * What is said when the words held only wishes (`我在美团送外卖 东龙镇这边` at 专送/众包: the town held for a
   * later question): a short line saying what was noted, before the question asked again. Null: nothing said.
   */
  wishSaid?(wished: Answers, answers: Answers, ctx: FlowContext): string | null;
  /**
   * Values waiting at 「…对吗？」 that hang on another one (an amount said as a relative's, offered with whom the
   * report is for): when `id` is picked as wrong at 「哪一项不对？」, the keys that go with it (never kept alone).
   */
  dropsWith?(id: string, values: Answers): readonly string[];
  /**
   * What is said once a yes at 「…对吗？」 keeps `values`, as their question would have said it on an answer (the
   * work-injury deadline for a day of injury confirmed with the matter); null when nothing is.
   */
  confirmedSay?(values: Answers, answers: Answers, ctx: FlowContext): string | null;
  /**
   * Words that take up this flow right after it was offered and say something for it (`明天下午可以不` at
   * 「要帮您预约工会律师吗？」: a yes, with the day wished for): the wishes they hold, or null (not such words).
   */
  takesOfferWith?(text: string, ctx: FlowContext): Answers | null;
  /**
   * Why values about to be asked at 「…对吗？」 read the words one way of several, said just before it (a day
   * said in the opening message not yet come this year, read as last year's: `今年的12月5日还没到…`); null when
   * none was. `held`: all that waited, with the flow's notes of such readings (keys no field takes, dropped
   * after); `asked`: the values the confirmation asks about.
   */
  readingSaid?(held: Answers, asked: Answers, answers: Answers, ctx: FlowContext): string | null;
  /**
   * Words at 「…对吗？」 that answer the question what waits brings in, not the one behind it (`上上个月` at
   * 「是否还在职「已经离开」。对吗？」 with the period behind: when they left): never taken for the question behind;
   * the engine holds them for the question brought in.
   */
  answersBrought?(waiting: Answers, text: string, answers: Answers, ctx: FlowContext): boolean;
  /** How values waiting at 「…对吗？」 were worked out (`怎么算的`: 12,000 is 4,000 a month × 3 months); null if none was. */
  workedOut?(values: Answers): string | null;
  /** Validates answers the engine carries (a record saved by an older release may not pass). */
  check(answers: Answers): boolean;
  /**
   * Said once the answers are submitted, after the submission's own replies
   * (e.g. what to do next); `offer` names a flow offered with 好的 / 不用了.
   */
  afterSubmit?(answers: Answers, ctx: FlowContext): { text: string; offer?: string } | null;
  /**
   * Said when the person asks to change an answer after submitting (`刚才名字填错了`, `我要改一下`): what was
   * submitted is not changed here, and how it can be. None: the flow's own desk answers that (a wage report's case).
   */
  fixAfterSubmit?: string;
}

/** Work the engine asks its caller to do; results come back as replies. */
export type Effect =
  | { kind: 'submit'; flowId: string; runId: string; answers: Answers }
  /** 人工: `question` is what the person said the problem is (personal numbers masked). */
  /** `phone`: the person's own number, typed with the request or already answered in the flow (sealed by the case). */
  | { kind: 'handover'; flowId: string | null; runId: string; fieldId: string | null; answers: Answers; question: string; phone: string | null }
  | { kind: 'show-cases' }
  /** 删除我的信息, confirmed: remove the person's data. */
  | { kind: 'forget-me' }
  /** 我的会员卡: the member's card, or where their application stands. */
  | { kind: 'show-card' };
