import { MENU, T } from './texts.js';
import { newSession, type Session } from './session.js';
import type { Answers, Effect, Flow, FlowContext, Incoming, Option, Reply, Step } from './types.js';

export interface Outcome {
  session: Session;
  /** Said first. */
  replies: Reply[];
  /** The caller runs these and says what they return, then `followUp`. */
  effects: Effect[];
  followUp: Reply[];
}

export interface EngineOptions {
  flows: Flow[];
  /** Idle minutes after which a half-filled flow is paused and offered for resumption. */
  idleMinutes: number;
  newRunId: () => string;
  /** Longest message the engine reads; longer ones get a polite re-prompt. */
  maxTextLength?: number;
}

type Command = 'menu' | 'cancel' | 'back' | 'help' | 'human' | 'progress' | 'forget' | 'card';

const COMMANDS: Record<string, Command> = {
  菜单: 'menu', 主菜单: 'menu', '0': 'menu', menu: 'menu',
  取消: 'cancel', 退出: 'cancel', 不办了: 'cancel',
  返回: 'back', 上一步: 'back', 上一个: 'back',
  帮助: 'help', '?': 'help', help: 'help',
  人工: 'human', 转人工: 'human', 人工服务: 'human', 找人工: 'human',
  进度: 'progress', 查询进度: 'progress', 查进度: 'progress', 我的案件: 'progress',
  我的会员卡: 'card', 会员卡: 'card', 电子会员卡: 'card', 查看会员卡: 'card',
  删除我的信息: 'forget', 删除信息: 'forget', 删除个人信息: 'forget',
};

const FLOW_MENU: Record<string, string> = { 'menu:membership': 'membership', 'menu:wage': 'wage', 'menu:legal': 'legal' };
const NOT_YET: Record<string, string> = {};

/** Intent keywords for free text typed at the menu. */
const INTENTS: { flow: string; pattern: RegExp }[] = [
  { flow: 'wage', pattern: /欠薪|讨薪|工资|工钱|薪水|拖欠|血汗钱|欠(我|俺|咱|我们)|(欠|拖|扣).{0,8}(钱|元|块|万)|(没|不)(发|给|结)(钱|工钱)/ },
  { flow: 'membership', pattern: /入会|加入工会|会员|工会会员/ },
  { flow: 'legal', pattern: /律师|法律援助|法援|检察|起诉|打官司/ },
];

/** Full-width to half-width, trimmed; used for commands and option picks only. */
function normalize(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .replace(/[。.!！~～]+$/u, '')
    .trim();
}

/**
 * The conversation engine: (session, message) → (new session, replies,
 * effects). Pure apart from `newRunId`; knows nothing of WeChat or HTTP.
 */
export function createEngine(opts: EngineOptions) {
  const flows = new Map(opts.flows.map((f) => [f.id, f]));
  const maxLen = opts.maxTextLength ?? 500;

  function handle(prev: Session, input: Incoming, ctx: FlowContext): Outcome {
    const s: Session = structuredClone(prev);
    const out: Outcome = { session: s, replies: [], effects: [], followUp: [] };
    const say = (text: string, options?: Option[]) => {
      out.replies.push(options && options.length > 0 ? { type: 'text', text, options } : { type: 'text', text });
      if (options) s.options = options;
    };
    const flow = s.flowId ? flows.get(s.flowId) : undefined;

    // A session saved under another version of its flow is restarted politely.
    if (s.flowId && (!flow || flow.version !== s.flowVersion)) {
      clearFlow(s);
      say(T.restarted);
      showMenu(s, say);
      return finish(out, ctx);
    }
    if (s.draft && (!flows.get(s.draft.flowId) || flows.get(s.draft.flowId)!.version !== s.draft.flowVersion)) {
      s.draft = null;
    }

    let text = input.kind === 'text' ? normalize(input.text) : null;

    if (text !== null && [...text].length > maxLen) {
      say(T.tooLong([...text].length));
      reask(s, flow, ctx, say);
      return finish(out, ctx);
    }

    // At the menu the menu numbers always work, even in a brand-new chat.
    if (!flow && s.options.length === 0) s.options = MENU;
    // A bare number picks from the options last shown.
    if (text !== null && /^\d{1,3}$/.test(text) && text !== '0' && s.options.length > 0) {
      const picked = s.options[Number(text) - 1];
      if (!picked) {
        s.invalidCount += 1;
        say(T.notAnOption(s.options.length), s.options);
        return finish(out, ctx);
      }
      text = picked.value;
    } else if (text !== null) {
      const byLabel = s.options.find((o) => o.label === text);
      if (byLabel) text = byLabel.value;
    }

    const command = text !== null ? COMMANDS[text.toLowerCase()] : undefined;
    if (command) {
      runCommand(command, s, flow, ctx, say, out);
      return finish(out, ctx);
    }

    // Idle too long inside a flow: pause it and offer to continue.
    if (flow && s.mode !== 'resume' && ctx.now.getTime() - Date.parse(s.updatedAt) > opts.idleMinutes * 60_000) {
      stashDraft(s);
      offerResume(s, flow, say);
      return finish(out, ctx);
    }

    if (s.mode === 'forget') {
      atForget(s, text, say, out);
    } else if (s.mode === 'resume') {
      atResume(s, text, ctx, say);
    } else if (!flow || s.mode === 'idle') {
      atMenu(s, input, text, ctx, say, out);
    } else if (s.mode === 'review') {
      atReview(s, flow, text, ctx, say, out);
    } else {
      atStep(s, flow, input, text, ctx, say);
    }
    return finish(out, ctx);
  }

  function finish(out: Outcome, ctx: FlowContext): Outcome {
    out.session.updatedAt = ctx.now.toISOString();
    return out;
  }

  function clearFlow(s: Session) {
    s.flowId = null;
    s.flowVersion = 0;
    s.runId = '';
    s.stepId = null;
    s.mode = 'idle';
    s.answers = {};
    s.trail = [];
    s.options = [];
    s.invalidCount = 0;
  }

  function stashDraft(s: Session) {
    if (!s.flowId) return;
    s.draft = { flowId: s.flowId, flowVersion: s.flowVersion, runId: s.runId, stepId: s.stepId, answers: s.answers, trail: s.trail };
    clearFlow(s);
  }

  function showMenu(s: Session, say: Say) {
    say(T.greeting, MENU);
    s.options = MENU;
  }

  function offerResume(s: Session, flow: Flow, say: Say) {
    s.mode = 'resume';
    say(T.resume(flow.title), [
      { label: '继续填写', value: '继续' },
      { label: '重新开始', value: '重新开始' },
      { label: '放弃', value: '放弃' },
    ]);
  }

  function runCommand(cmd: Command, s: Session, flow: Flow | undefined, ctx: FlowContext, say: Say, out: Outcome) {
    s.invalidCount = 0;
    switch (cmd) {
      case 'menu': {
        if (flow && s.mode !== 'resume') {
          stashDraft(s);
          say(`${T.menuBack}${T.draftKept(flow.title)}`);
        } else if (s.mode === 'resume') {
          clearFlow(s);
        }
        showMenu(s, say);
        return;
      }
      case 'cancel': {
        if (flow || s.mode === 'resume') {
          if (s.mode === 'resume') s.draft = null;
          clearFlow(s);
          say(T.cancelled);
        } else {
          say(T.nothingToCancel);
        }
        showMenu(s, say);
        return;
      }
      case 'back': {
        if (!flow || s.mode === 'idle' || s.mode === 'resume') {
          showMenu(s, say);
          return;
        }
        if (s.mode === 'edit') {
          showReview(s, flow, ctx, say);
          return;
        }
        const prev = s.trail.pop();
        if (!prev) {
          say(T.firstQuestion);
          reask(s, flow, ctx, say);
          return;
        }
        s.mode = 'ask';
        askStep(s, stepOf(flow, prev), ctx, say, true);
        return;
      }
      case 'help': {
        const step = flow && s.stepId ? stepOf(flow, s.stepId) : undefined;
        if (step && (s.mode === 'ask' || s.mode === 'edit')) {
          say(`${step.help}\n\n${T.commands}`);
          askStep(s, step, ctx, say);
        } else if (flow && s.mode === 'review') {
          say(`${T.reviewHint}\n\n${T.commands}`);
        } else {
          say(T.commands);
          showMenu(s, say);
        }
        return;
      }
      case 'human': {
        out.effects.push({ kind: 'handover', flowId: s.flowId, runId: s.runId, stepId: s.stepId, answers: s.answers });
        if (flow) reaskLater(s, flow, ctx, out);
        return;
      }
      case 'card': {
        out.effects.push({ kind: 'show-card' });
        if (flow) reaskLater(s, flow, ctx, out);
        return;
      }
      case 'progress': {
        out.effects.push({ kind: 'show-cases' });
        if (flow) reaskLater(s, flow, ctx, out);
        return;
      }
      case 'forget': {
        // Whatever was being filled in is kept as a draft until the answer is known.
        if (flow && s.mode !== 'resume') stashDraft(s);
        s.mode = 'forget';
        say(T.forgetAsk, [
          { label: '确认删除', value: '确认删除' },
          { label: '不删除', value: '不删除' },
        ]);
        return;
      }
    }
  }

  function atForget(s: Session, text: string | null, say: Say, out: Outcome) {
    if (text === '确认删除') {
      clearFlow(s);
      s.draft = null;
      out.effects.push({ kind: 'forget-me' });
      return;
    }
    if (text === '不删除') {
      clearFlow(s);
      say(T.forgetKept);
      showMenu(s, say);
      return;
    }
    s.invalidCount += 1;
    say(T.forgetAsk, s.options);
  }

  /** After an effect's replies, remind the user where they were. */
  function reaskLater(s: Session, flow: Flow, ctx: FlowContext, out: Outcome) {
    const later: Say = (text, options) => {
      out.followUp.push(options && options.length > 0 ? { type: 'text', text, options } : { type: 'text', text });
      if (options) s.options = options;
    };
    out.followUp.push({ type: 'text', text: `我们接着填「${flow.title}」：` });
    reask(s, flow, ctx, later);
  }

  function reask(s: Session, flow: Flow | undefined, ctx: FlowContext, say: Say) {
    const draftFlow = s.draft ? flows.get(s.draft.flowId) : undefined;
    if (s.mode === 'resume' && draftFlow) return offerResume(s, draftFlow, say);
    if (!flow || s.mode === 'idle') return showMenu(s, say);
    if (s.mode === 'review' || !s.stepId) return showReview(s, flow, ctx, say);
    askStep(s, stepOf(flow, s.stepId), ctx, say);
  }

  function atMenu(s: Session, input: Incoming, text: string | null, ctx: FlowContext, say: Say, out: Outcome) {
    if (text === null) {
      say(input.kind === 'file-rejected' ? input.reason : T.unknown);
      showMenu(s, say);
      return;
    }
    let flowId = FLOW_MENU[text];
    let prefillText: string | null = null;
    if (!flowId) {
      const intent = INTENTS.find((i) => i.pattern.test(text));
      if (intent) {
        flowId = intent.flow;
        prefillText = text;
      }
    }
    const flow = flowId ? flows.get(flowId) : undefined;
    if (flowId && !flow) {
      out.effects.push({ kind: 'not-yet', feature: NOT_YET[flowId] ?? flowId });
      out.followUp.push({ type: 'text', text: '还可以办理：', options: MENU });
      s.options = MENU;
      return;
    }
    if (!flow) {
      if (text.length > 0 && !/^(你好|您好|hi|hello|在吗|在不在)$/i.test(text)) say(T.unknown);
      showMenu(s, say);
      return;
    }
    if (s.draft && s.draft.flowId === flow.id) {
      s.flowId = flow.id;
      s.flowVersion = flow.version;
      offerResume(s, flow, say);
      return;
    }
    startFlow(s, flow, prefillText ? flow.prefill?.(prefillText, ctx) ?? {} : {}, ctx, say);
  }

  function startFlow(s: Session, flow: Flow, prefill: Answers, ctx: FlowContext, say: Say) {
    clearFlow(s);
    s.flowId = flow.id;
    s.flowVersion = flow.version;
    s.runId = opts.newRunId();
    s.mode = 'ask';
    s.answers = { ...prefill };
    const noted = flow.steps.filter((st) => st.id in prefill && st.label && st.show);
    if (noted.length > 0) {
      say(`好的，我先记下：${noted.map((st) => `${st.label}「${st.show!(prefill[st.id], s.answers, ctx)}」`).join('，')}。`);
    }
    advance(s, flow, ctx, say);
  }

  function atResume(s: Session, text: string | null, ctx: FlowContext, say: Say) {
    const draft = s.draft;
    const flow = draft ? flows.get(draft.flowId) : undefined;
    if (!draft || !flow) {
      clearFlow(s);
      showMenu(s, say);
      return;
    }
    if (text === '继续' || text === '继续填写') {
      s.flowId = draft.flowId;
      s.flowVersion = draft.flowVersion;
      s.runId = draft.runId;
      s.answers = draft.answers;
      s.trail = draft.trail;
      s.stepId = draft.stepId;
      s.draft = null;
      s.mode = draft.stepId ? 'ask' : 'review';
      say('好的，我们接着填。');
      reask(s, flow, ctx, say);
    } else if (text === '重新开始') {
      s.draft = null;
      startFlow(s, flow, {}, ctx, say);
    } else if (text === '放弃') {
      s.draft = null;
      clearFlow(s);
      say(T.cancelled);
      showMenu(s, say);
    } else {
      s.invalidCount += 1;
      offerResume(s, flow, say);
    }
  }

  function visibleSteps(flow: Flow, answers: Answers): Step[] {
    return flow.steps.filter((st) => !st.when || st.when(answers));
  }

  /** Asks the first visible step without an answer, or shows the review. */
  function advance(s: Session, flow: Flow, ctx: FlowContext, say: Say) {
    const next = visibleSteps(flow, s.answers).find((st) => !(st.id in s.answers));
    if (next) {
      s.mode = s.mode === 'edit' ? 'edit' : 'ask';
      askStep(s, next, ctx, say);
    } else {
      showReview(s, flow, ctx, say);
    }
  }

  function askStep(s: Session, step: Step, ctx: FlowContext, say: Say, showPrevious = false) {
    s.stepId = step.id;
    let text = step.ask(s.answers, ctx);
    if (showPrevious && step.id in s.answers && step.show) {
      const prev = s.answers[step.id];
      text += `\n（之前填的是：${prev === null ? T.skipped : step.show(prev, s.answers, ctx)}）`;
    }
    if (step.optional) text += '\n（可回复「跳过」）';
    const options = step.options?.(s.answers, ctx) ?? [];
    say(text, options);
    s.options = options;
  }

  function summaryFields(flow: Flow, answers: Answers): Step[] {
    return visibleSteps(flow, answers).filter((st) => st.label && st.id in answers);
  }

  function showReview(s: Session, flow: Flow, ctx: FlowContext, say: Say) {
    s.mode = 'review';
    s.stepId = null;
    const lines = summaryFields(flow, s.answers).map((st, i) => {
      const v = s.answers[st.id];
      return `${i + 1}. ${st.label}：${v === null || v === undefined ? T.skipped : st.show ? st.show(v, s.answers, ctx) : String(v)}`;
    });
    const intro = typeof flow.reviewIntro === 'function' ? flow.reviewIntro(s.answers, ctx) : flow.reviewIntro;
    say(`${intro}\n${lines.join('\n')}\n\n${T.reviewHint}`, [
      { label: '确认提交', value: '确认' },
      { label: '取消', value: '取消' },
    ]);
  }

  function atReview(s: Session, flow: Flow, text: string | null, ctx: FlowContext, say: Say, out: Outcome) {
    if (text !== null && /^(确认|确认提交|提交|确定|没问题|对)$/.test(text)) {
      out.effects.push({ kind: 'submit', flowId: flow.id, runId: s.runId, answers: s.answers });
      clearFlow(s);
      return;
    }
    const edit = text?.match(/^(?:改|修改|更改)\s*第?\s*(\d{1,3})\s*项?$/);
    if (edit) {
      const fields = summaryFields(flow, s.answers);
      const n = Number(edit[1]);
      const step = fields[n - 1];
      if (!step) {
        s.invalidCount += 1;
        say(T.noSuchField(n, fields.length));
        return;
      }
      s.invalidCount = 0;
      s.mode = 'edit';
      askStep(s, step, ctx, say, true);
      return;
    }
    s.invalidCount += 1;
    say(T.reviewRetry, s.options);
  }

  function atStep(s: Session, flow: Flow, input: Incoming, text: string | null, ctx: FlowContext, say: Say) {
    const step = stepOf(flow, s.stepId!);
    const retry = (error: string, options?: Option[]) => {
      s.invalidCount += 1;
      let msg = error;
      if (s.invalidCount >= 3) msg += `\n${step.optional ? T.stuckOptional : T.stuck}`;
      const opts = options ?? step.options?.(s.answers, ctx) ?? [];
      say(msg, opts);
      s.options = opts;
    };
    if (input.kind === 'file-rejected') return retry(input.reason);
    if (input.kind === 'file' && !step.acceptsFiles) return retry(`${T.textNeeded}${step.ask(s.answers, ctx)}`);
    if (text !== null && text.length === 0) return retry(`${T.empty}${step.ask(s.answers, ctx)}`);
    if (text !== null && step.optional && /^(跳过|略过|不填)$/.test(text)) {
      return accept(s, flow, step, null, ctx, say);
    }
    const parsed = step.parse(text !== null ? { kind: 'text', text } : input, s.answers, ctx);
    if (!parsed.ok) return retry(parsed.error, parsed.options);
    s.invalidCount = 0;
    if (parsed.exit) {
      clearFlow(s);
      say(parsed.exit);
      showMenu(s, say);
      return;
    }
    if (parsed.set) {
      for (const [k, v] of Object.entries(parsed.set)) {
        if (v === undefined) delete s.answers[k];
        else s.answers[k] = v;
      }
    }
    if (parsed.stay) {
      if (parsed.value !== undefined) s.answers[step.id] = parsed.value;
      if (parsed.ack) say(parsed.ack, step.options?.(s.answers, ctx));
      return;
    }
    if (parsed.ack) say(parsed.ack);
    accept(s, flow, step, parsed.value, ctx, say);
  }

  function accept(s: Session, flow: Flow, step: Step, value: unknown, ctx: FlowContext, say: Say) {
    const before = s.answers[step.id];
    if (step.clears && JSON.stringify(before) !== JSON.stringify(value)) {
      for (const id of step.clears) delete s.answers[id];
    }
    s.answers[step.id] = value;
    if (!s.trail.includes(step.id)) s.trail.push(step.id);
    s.invalidCount = 0;
    if (s.mode === 'edit') {
      // Back to the summary unless the change made another question necessary.
      const missing = visibleSteps(flow, s.answers).find((st) => !(st.id in s.answers));
      if (missing) return askStep(s, missing, ctx, say);
      return showReview(s, flow, ctx, say);
    }
    advance(s, flow, ctx, say);
  }

  function stepOf(flow: Flow, id: string): Step {
    const step = flow.steps.find((st) => st.id === id);
    if (!step) throw new Error(`flow ${flow.id} has no step ${id}`);
    return step;
  }

  /**
   * Opens `flowId` with answers already known (rescheduling a booking,
   * booking help for a case, or a confirmation refused because the slot was
   * taken meanwhile) and asks the first question still unanswered. A
   * different flow in progress is kept as a draft, as with 菜单.
   */
  function open(prev: Session, flowId: string, answers: Answers, ctx: FlowContext, intro?: string): Outcome {
    const flow = flows.get(flowId);
    if (!flow) throw new Error(`no flow ${flowId}`);
    const s: Session = structuredClone(prev);
    const out: Outcome = { session: s, replies: [], effects: [], followUp: [] };
    const say: Say = (text, options) => {
      out.replies.push(options && options.length > 0 ? { type: 'text', text, options } : { type: 'text', text });
      if (options) s.options = options;
    };
    if (s.flowId && s.flowId !== flowId && (s.mode === 'ask' || s.mode === 'review' || s.mode === 'edit')) stashDraft(s);
    clearFlow(s);
    s.flowId = flow.id;
    s.flowVersion = flow.version;
    s.runId = opts.newRunId();
    s.mode = 'ask';
    s.answers = structuredClone(answers);
    // 返回 walks back through the known answers before the first open question.
    const visible = visibleSteps(flow, s.answers);
    const firstOpen = visible.findIndex((st) => !(st.id in s.answers));
    s.trail = visible.slice(0, firstOpen < 0 ? visible.length : firstOpen).map((st) => st.id);
    if (intro) say(intro);
    advance(s, flow, ctx, say);
    return finish(out, ctx);
  }

  /** After something answered outside the engine (我的预约, 取消预约 …): where the person was, asked again as a follow-up. */
  function reprompt(prev: Session, ctx: FlowContext): Outcome {
    const s: Session = structuredClone(prev);
    const out: Outcome = { session: s, replies: [], effects: [], followUp: [] };
    const flow = s.flowId ? flows.get(s.flowId) : undefined;
    if (flow && s.mode !== 'idle') reaskLater(s, flow, ctx, out);
    return finish(out, ctx);
  }

  return { handle, open, reprompt, flows, newSession };
}

type Say = (text: string, options?: Option[]) => void;

export type Engine = ReturnType<typeof createEngine>;

export { renderText } from '../core/replies.js';
