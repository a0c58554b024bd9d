import { randomBytes } from 'node:crypto';
import type { Case } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import { checkEvidence, type EvidenceStore, type FileMeta } from '../core/cases/index.js';
import { answerRating, parseRating } from '../core/cases/index.js';
import { forgetReporter, requestHelp, submitWageReport } from '../core/cases/index.js';
import { progressText } from '../core/cases/index.js';
import type { Reply } from '../core/infra/replies.js';
import { PlaceSchema } from './define.js';
import { createEngine, type Outcome } from './engine.js';
import { createMembershipChat } from './membership-chat.js';
import { membershipFlow } from './membership.js';
import { createLegalAidDesk } from './legal-aid-desk.js';
import { legalAidFlow } from './legal-aid.js';
import { SessionConflict, createSessions } from './session-store.js';
import { MENU, T } from './texts.js';
import type { Answers, Effect, FileRef, FlowContext, Incoming } from './types.js';
import { WageReport, arbitrationStatus, showAmount, wageFlow } from './wage.js';

export type ChatInput =
  | { kind: 'text'; text: string }
  /** A file: `load` reads its bytes, called only after type and size pass. */
  | { kind: 'file'; meta: FileMeta; load: () => Promise<Buffer> };

/** The longest message kept in the history as typed (the engine answers longer ones with a request to shorten). */
const HISTORY_TEXT_MAX = 2000;

export interface ChatServiceOptions {
  evidence: EvidenceStore;
}

/**
 * What moves from one flow to another on a change of mind (`我还是先找个律师吧`
 * while reporting wages): the place, the name and phone, and what the matter is.
 * Only values the person gave in this chat; the new flow asks its consent first.
 */
function carryAnswers(from: string, to: string, a: Answers): Answers {
  const out: Record<string, unknown> = {};
  const place = PlaceSchema.safeParse(a.location ?? a.place ?? a.residence);
  const name = a.contactName ?? a.name;
  if (to === 'legal') {
    if (from === 'wage') out.matter = 'wage';
    if (place.success) out.place = place.data;
    if (typeof name === 'string') out.contactName = name;
  } else if (to === 'wage') {
    if (place.success && from === 'legal') out.location = place.data;
    if (typeof name === 'string') out.contactName = name;
  } else if (to === 'membership') {
    if (typeof name === 'string') out.name = name;
  }
  if (typeof a.phone === 'string') out.phone = a.phone;
  return out;
}

/**
 * The one way a message enters the conversation, whatever the channel:
 * messages from one person are handled in order (an in-process chain plus a
 * Redis lock across processes), the session is saved with optimistic
 * concurrency, effects run, and a `clientMsgId` seen before returns the
 * replies it got the first time without acting again.
 */
export function createChatService(core: Core, opts: ChatServiceOptions) {
  const engine = createEngine({
    flows: [wageFlow, membershipFlow, legalAidFlow],
    idleMinutes: core.config.SESSION_IDLE_MINUTES,
    newRunId: () => randomBytes(9).toString('base64url'),
    carry: carryAnswers,
  });
  const sessions = createSessions(core.conversation.sessions);
  const membership = createMembershipChat(core);
  const legalAid = createLegalAidDesk(core, { engine });
  const chains = new Map<string, Promise<unknown>>();

  function serial<T>(userKey: string, fn: () => Promise<T>): Promise<T> {
    const prev = chains.get(userKey) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(() => core.conversation.withLock(userKey, fn));
    chains.set(userKey, run);
    const clean = () => {
      if (chains.get(userKey) === run) chains.delete(userKey);
    };
    // Cleanup must not create a second, unhandled rejection: the caller gets the error.
    run.then(clean, clean);
    return run;
  }

  function flowContext(): FlowContext {
    const index = core.directory.index();
    return { directory: index.directory, index, now: core.clock.now() };
  }

  /**
   * `keepHistory`: the channel shows the chat from the server (the web chat,
   * the mini-program), so the message and its replies join the person's
   * history; WeChat chats keep their own.
   */
  async function handle(userKey: string, input: ChatInput, clientMsgId?: string, opts: { keepHistory?: boolean } = {}): Promise<Reply[]> {
    return serial(userKey, async () => {
      if (clientMsgId) {
        const seen = await core.conversation.repliesOf(userKey, clientMsgId);
        if (seen) return seen;
      }
      let replies: Reply[] = [];
      for (let attempt = 0; ; attempt++) {
        try {
          replies = await turn(userKey, input);
          break;
        } catch (err) {
          if (!(err instanceof SessionConflict) || attempt >= 3) throw err;
        }
      }
      if (clientMsgId) await core.conversation.rememberReplies(userKey, clientMsgId, replies);
      if (opts.keepHistory) {
        const said = input.kind === 'text' ? input.text.slice(0, HISTORY_TEXT_MAX) : `[文件] ${input.meta.name}`;
        await core.inbox.history.append(userKey, [
          { from: 'user', replies: [{ type: 'text', text: said }] },
          { from: 'bot', replies },
        ]);
      }
      return replies;
    });
  }

  async function turn(userKey: string, input: ChatInput): Promise<Reply[]> {
    const ctx = flowContext();
    const session = await sessions.load(userKey, ctx.now);
    let incoming: Incoming;
    if (input.kind === 'text') {
      incoming = { kind: 'text', text: input.text };
    } else {
      const step = session.flowId && session.fieldId ? engine.flows.get(session.flowId)?.fields.find((f) => f.id === session.fieldId) : undefined;
      // Size 0 here means "not known yet" (chunked upload); it is checked again on the bytes.
      const check = checkEvidence({ ...input.meta, size: input.meta.size || 1 }, core.config.MAX_UPLOAD_MB * 1048576);
      if (!step?.acceptsFiles) {
        // Not the moment for files: nothing is stored; the engine re-asks.
        incoming = { kind: 'file', file: { id: '', name: input.meta.name, mediaType: '', size: input.meta.size } };
      } else if (!check.ok) {
        incoming = { kind: 'file-rejected', reason: check.reason };
      } else {
        const bytes = await input.load();
        const recheck = checkEvidence({ ...input.meta, size: bytes.length }, core.config.MAX_UPLOAD_MB * 1048576);
        if (!recheck.ok) {
          incoming = { kind: 'file-rejected', reason: recheck.reason };
        } else {
          const id = opts.evidence.save(bytes);
          const file: FileRef = { id, name: input.meta.name.slice(0, 80), mediaType: check.mediaType, size: bytes.length };
          incoming = { kind: 'file', file };
        }
      }
    }
    // The answer to "满意吗？" after a case was resolved.
    const rating = incoming.kind === 'text' ? parseRating(incoming.text) : null;
    if (rating) {
      const c = await answerRating(core, userKey, rating);
      if (c) {
        return [
          {
            type: 'text',
            text:
              c.status === 'submitted'
                ? `收到，很抱歉没有让您满意。案件 ${c.caseNo} 已重新打开，交给镇（街道）工会复查，会有人联系您。`
                : `谢谢您的评价！案件 ${c.caseNo} 已结案。以后有需要随时找我。`,
          },
        ];
      }
    }
    // 我的预约, 取消预约 YY…, 改约 YY…, 预约 QX…: answered from anywhere (flows/legal-aid-desk.ts).
    const booking = await legalAid.command(userKey, session, incoming, ctx);
    if (booking) {
      await sessions.save(booking.session);
      return booking.replies;
    }
    // The time question of a legal-aid booking needs what is booked: loaded only during that flow.
    const fctx = legalAid.needsContext(session) ? await legalAid.withBooking(ctx, userKey) : ctx;
    // Joining the union checks the records (already a member? waiting?) around the pure engine.
    const out: Outcome = await membership.guard(userKey, session, engine.handle(session, incoming, fctx), fctx);
    const effectReplies: Reply[] = [];
    for (const effect of out.effects) effectReplies.push(...(await runEffect(userKey, effect, fctx, out)));
    await sessions.save(out.session);
    return [...out.replies, ...effectReplies, ...out.followUp];
  }

  /** `out` is the turn's outcome: a refused booking reopens its time question in `out.session`. */
  async function runEffect(userKey: string, effect: Effect, ctx: FlowContext, out: Outcome): Promise<Reply[]> {
    const text = (t: string): Reply[] => [{ type: 'text', text: t }];
    switch (effect.kind) {
      case 'submit': {
        if (effect.flowId === membershipFlow.id) return membership.submit(userKey, effect, ctx);
        if (effect.flowId === legalAidFlow.id) return legalAid.submit(userKey, effect, ctx, out);
        const c = await submitWage(userKey, effect.runId, effect.answers, ctx);
        const township = c.location.townshipId ? ctx.index.townshipById.get(c.location.townshipId)?.township.name : '';
        return text(
          `提交成功！您的案件编号是 ${c.caseNo}。\n` +
            `已转给${township}的网格团队，工作人员会尽快联系您${c.priority === 'normal' ? '' : '（已标为优先处理）'}。\n` +
            '回复「进度」可以随时查看办理情况。',
        );
      }
      case 'handover': {
        const c = await submitEnquiry(userKey, effect, ctx);
        return text(`已为您转人工，求助编号 ${c.caseNo}。工作人员会尽快在这里回复您，请留意消息。`);
      }
      case 'show-cases': {
        const list = await core.cases.listByUser(userKey, 5);
        const application = await membership.progress(userKey);
        if (list.length === 0) return application.length > 0 ? text(application.join('\n\n')) : text('您还没有提交过案件。回复「2」或「反映欠薪」可以开始。');
        return [...text(`您最近的案件：\n\n${list.map((c) => progressText(ctx.index, c)).join('\n\n')}`), ...legalAid.caseHint(list), ...application.flatMap(text)];
      }
      case 'forget-me': {
        await forgetReporter(core, userKey, (id) => opts.evidence.remove(id));
        await membership.forget(userKey);
        await legalAid.forget(userKey);
        // The chat itself: what they typed (a phone number, a name) and the notices.
        await core.inbox.forget(userKey);
        return text(T.forgotten);
      }
      case 'show-card':
        return membership.showCard(userKey, ctx);
    }
  }

  async function submitWage(userKey: string, runId: string, answers: Answers, ctx: FlowContext): Promise<Case> {
    const a = WageReport.parse(answers);
    const comm = a.community ?? { community: null, gridId: null };
    const leftSince = a.stillEmployed ? null : (a.leftSince ?? null);
    return submitWageReport(core, {
      runId,
      userKey,
      at: ctx.now,
      wage: {
        employer: a.employer,
        construction: a.construction,
        project: a.project ?? null,
        period: a.period,
        amount: a.amount.yuan,
        amountApprox: a.amount.approx,
        amountUpTo: a.amount.upTo,
        groupAmount: a.groupAmount?.yuan ?? null,
        headcount: a.headcount,
        stillEmployed: a.stillEmployed,
        leftSince,
        nearArbitrationLimit: leftSince ? arbitrationStatus(leftSince, ctx.now).nearLimit : false,
      },
      location: { districtId: a.location.districtId, townshipId: a.location.townshipId, gridId: comm.gridId, community: comm.community },
      contactName: a.contactName,
      phone: a.phone,
      evidence: a.evidence ?? [],
      note: `已受理：反映${a.employer}拖欠工资${showAmount(a.amount)}`,
    });
  }

  async function submitEnquiry(userKey: string, e: Extract<Effect, { kind: 'handover' }>, ctx: FlowContext): Promise<Case> {
    // Wherever the person said they are, in whichever flow they were.
    const placed = PlaceSchema.safeParse(e.answers.location ?? e.answers.place ?? e.answers.residence);
    return requestHelp(core, {
      userKey,
      runId: e.runId,
      at: ctx.now,
      place: placed.success ? placed.data : null,
      fromFlow: e.flowId,
      fromStep: e.fieldId,
      question: e.question,
    });
  }

  /** What the web chat and the mini-program show a person whose chat is empty: nothing is sent on their behalf. */
  const welcome: Reply[] = [{ type: 'text', text: T.greeting, options: MENU }];
  return { handle, sessions, engine, menu: MENU, welcome, bookings: legalAid.bookings, evidence: opts.evidence };
}

export type ChatService = ReturnType<typeof createChatService>;
