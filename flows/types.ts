import type { Directory } from '../core/directory/schema.js';
import type { DirectoryIndex } from '../core/directory/load.js';

import type { Option, Reply } from '../core/replies.js';

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
  /** "Now" for the conversation; injected so tests are deterministic. */
  now: Date;
  /** Loaded by the chat service while a legal-aid booking is being made (flows/legal-aid.ts). */
  booking?: {
    /** Places taken per slot key (`staffId@YYYYMMDDHHMM`), to offer only free slots. */
    taken: ReadonlyMap<string, number>;
    /** The name and phone the person gave before (a booking or a case), offered for reuse. */
    knownContact: { name: string; phone: string } | null;
  };
}

export type Answers = Record<string, unknown>;

export type StepResult =
  | {
      ok: true;
      value: unknown;
      /** Stay on this step (e.g. more evidence files may follow); `ack` is said. */
      stay?: boolean;
      ack?: string;
      /** Leave the flow without submitting, saying this. */
      exit?: string;
      /**
       * Other answers set at the same time (a key set to undefined is
       * removed), e.g. "改为电话咨询" picked where a service point was asked.
       * With `stay`, `value` may be undefined: the step stays unanswered.
       */
      set?: Answers;
    }
  | { ok: false; error: string; options?: Option[] };

/**
 * One question of a flow. Flows are data: an ordered list of these, run by
 * the generic engine in `engine.ts`.
 */
export interface Step {
  id: string;
  /** Field name in the review summary; steps without one are not listed. */
  label?: string;
  ask(answers: Answers, ctx: FlowContext): string;
  options?(answers: Answers, ctx: FlowContext): Option[];
  parse(input: Incoming, answers: Answers, ctx: FlowContext): StepResult;
  /** Ask only when this holds. */
  when?(answers: Answers): boolean;
  help: string;
  /** The user may answer `跳过`. */
  optional?: boolean;
  /** Files are accepted at this step. */
  acceptsFiles?: boolean;
  /** How the answer reads in the summary. */
  show?(value: unknown, answers: Answers, ctx: FlowContext): string;
  /** Answers to forget when this one changes (they depend on it). */
  clears?: string[];
}

export interface Flow {
  id: string;
  /** Bump when steps change incompatibly: older sessions are restarted politely. */
  version: number;
  title: string;
  steps: Step[];
  /** Text shown on the review screen before the numbered fields. */
  reviewIntro: string | ((answers: Answers, ctx: FlowContext) => string);
  /** Pulls answers out of a free-text opening message ("老板欠我三个月工资"). */
  prefill?(text: string, ctx: FlowContext): Answers;
}

/** Work the engine asks its caller to do; results come back as replies. */
export type Effect =
  | { kind: 'submit'; flowId: string; runId: string; answers: Answers }
  | { kind: 'handover'; flowId: string | null; runId: string; stepId: string | null; answers: Answers }
  | { kind: 'show-cases' }
  /** 删除我的信息, confirmed: remove the person's data. */
  | { kind: 'forget-me' }
  | { kind: 'not-yet'; feature: string }
  /** 我的会员卡: the member's card, or where their application stands. */
  | { kind: 'show-card' };
