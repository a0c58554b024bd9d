import type { Case } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import type { Lease, Ticket } from '../core/conversation/index.js';
import { checkEvidence, evidenceIdsIn, isAudio, playableVoice, VOICE_TEXTS, type EvidenceStore, type FileMeta, type VoiceFormat } from '../core/cases/index.js';
import { answerRating, answerReceipt, asksRating, helpOffered, looseReceipt, parseRating, parseReceipt, pendingReceipt, ratingPending } from '../core/cases/index.js';
import { addHelpPhone, casesForNotes, forgetReporter, latestReporterPhone, requestHelp, submitWageReport, submittedReceipt } from '../core/cases/index.js';
import { countTurn } from '../core/infra/metrics.js';
import { sweepEvidence } from './evidence-sweep.js';
import { seal } from '../core/infra/privacy.js';
import { randomId } from '../core/infra/random-ids.js';
import { chinaTime, compactDay } from '../core/infra/time.js';
import { progressText, reporterForgotten, workingHoursOf } from '../core/cases/index.js';
import { nearestPointsText } from '../core/directory/index.js';
import type { Reply } from '../core/infra/replies.js';
import { PlaceSchema } from './define.js';
import { createEngine, type Outcome } from './engine.js';
import { createMembershipChat } from './membership-chat.js';
import { membershipFlow } from './membership.js';
import { createLegalAidDesk } from './legal-aid-desk.js';
import { createDocumentsDesk } from './documents-desk.js';
import { createEvidenceDesk } from './evidence-desk.js';
import { NOT_PASSED, RECEIPT_PART, askedCaseNo, callAsked, contactAsked, createCaseDesk, forgetAsked, forgetDoneAsked, formUnderWay, hotlineUnanswered, nothingSentAsked, officeHoursAsked, receiptAskedBack } from './case-desk.js';
import { createSafety } from './safety.js';
import { legalAidFlow } from './legal-aid.js';
import { findPhone } from './nlu/facts.js';
import { pinyinHeard, pinyinOption, understandConfirm } from './nlu/understand.js';
import { normalizeMessage, placeholderOnly, quotedReply, typedInPinyin } from './nlu/normalize.js';
import type { Session } from './session.js';
import { SessionConflict, createSessions } from './session-store.js';
import { withinOneReading } from './parsers/turn-memo.js';
import { MENU, T } from './texts.js';
import type { Answers, Effect, FileRef, FlowContext, Incoming, ReportedWage } from './types.js';
import { WageReport, showAmount, wageDetails, wageFiles, wageFlow } from './wage.js';

/** A voice message's sound: `load` reads its bytes; `format` is what the channel says it is (the bytes decide). */
export interface VoiceAudio {
  load: () => Promise<Buffer>;
  format: VoiceFormat;
  durationMs?: number;
}

export type ChatInput =
  | { kind: 'text'; text: string }
  /** A file: `load` reads its bytes, called only after type and size pass. */
  | { kind: 'file'; meta: FileMeta; load: () => Promise<Buffer> }
  /**
   * A voice message. With `recognition` (WeChat's text of it) it is handled
   * as if typed, and the person is shown what was heard; without, the audio
   * is kept (encrypted, SILK decoded to WAV) and goes to staff to listen to
   * and call back, like 人工.
   */
  | { kind: 'voice'; recognition?: string; audio?: VoiceAudio }
  /**
   * A WeChat message the chat cannot open (a forwarded chat record, a link,
   * a card…): what to send instead, then the question the person is at.
   */
  | { kind: 'unreadable'; what: Unreadable }
  /** A shared location: the nearest service points; in the middle of a form, words asked for and the question again. */
  | { kind: 'location'; latitude: number; longitude: number; label?: string };

export type Unreadable = keyof typeof T.unreadable;

/** A wage report still being worked (`closing`: its result is with the township for review). */
const OPEN_WAGE: ReadonlySet<Case['status']> = new Set(['submitted', 'assigned', 'accepted', 'referred']);

/** How each unreadable message shows in the person's chat history. */
const UNREADABLE_SHOWN: Record<Unreadable, string> = {
  'chat-record': '[聊天记录]',
  link: '[链接]',
  'mini-program': '[小程序]',
  card: '[名片]',
  location: '[位置]',
  video: '[视频]',
  other: '[消息]',
  picture: '[图片]',
  voice: '[语音]',
  call: '[通话]',
  money: '[转账]',
};

/** A voice message's audio, made playable and stored before the turn (which may be retried); `attached` once a case holds it. */
type KeptVoice = { ok: true; file: FileRef; attached: boolean } | { ok: false; reason: string };

/** After "请回复您的手机号", a plain no: the request goes on without, and the person is taken back to where they were. */
const PLAIN_NO = /^(?:不|没|别|算了|先不|暂时不|以后再|免了|就这样)/;

/** Office hours as said (`上午8:30-12:00，下午14:00-17:30`): a range starting before noon is 上午, after 下午; leading zeros off. */
function hoursSaid(hours: readonly string[]): string {
  const plain = (hm: string) => hm.replace(/^0/, '');
  return hours.map((r) => `${hours.length > 1 ? (r < '12:00' ? '上午' : '下午') : ''}${plain(r.slice(0, 5))}-${plain(r.slice(6))}`).join('，');
}

/** The delete command as the engine knows it: other words asking to delete one's data are read as it (`forgetAsked`). */
const FORGET_COMMAND = '删除我的信息';
/** 进度 as typed: what a status asked with a form unfinished, or an application only, is answered as. */
const PROGRESS_COMMAND = '进度';
/** Before the delete question when only the phone was named (`不要保存我的电话`): it cannot be deleted alone. */
const FORGET_PHONE_LEAD = '电话号码没法单独删除，只能把您在这里的个人信息一起删除。';

/** Following the account or entering the chat again with a form under way: before its question, how to do something else. */
const GREET_IN_FORM = '您好，欢迎回来！想办别的事，可以回复「菜单」。';

/** The longest message kept in the history as typed (the engine answers longer ones with a request to shorten). */
const HISTORY_TEXT_MAX = 2000;

export interface ChatServiceOptions {
  evidence: EvidenceStore;
  /**
   * Replaces the conversation (safety, desks, engine) with a fixed answer;
   * the rest of a turn (the person's place in line, the session read and
   * saved, the reply cache, the history) stays. Only `npm run bench` sets
   * it, to measure what the chat endpoint costs without understanding.
   */
  fixedAnswer?: Reply[];
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
 * A reply of a desk outside any form, with no numbered options of its own: the options of a question
 * shown before it (「这次预约律师是为了这件案子吗？」) are no longer on screen, so a bare number later
 * never answers it (a number only answers the question shown last).
 */
function shownLast(session: Session, replies: readonly Reply[]): Session {
  if (session.flowId !== null || session.options.length === 0) return session;
  if (replies.some((r) => r.type === 'text' && (r.options?.length ?? 0) > 0)) return session;
  return { ...session, options: [] };
}

/** A message's turn, kept to its end (`createChatService`, `staged`). */
interface Staged {
  base: number | null;
  version: number | null;
  json: string | null;
  letGo: string[];
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
    newRunId: () => randomId(9),
    carry: carryAnswers,
  });
  const store = createSessions(core.conversation.sessions);
  /**
   * A message's turn keeps its session saves to its end (`handle`), where they are written with the replies
   * kept for a resend, and the lock given up, in one step (`commitTurn`): one round trip fewer a message, and
   * never a session saved whose replies a resend would not find (it would be read as an answer to the next
   * question). Keyed by person: one turn per person at a time (the lock). `base`: the version the turn read;
   * `version`/`json`: the session as last saved in the turn (null: not saved); `letGo`: evidence files the turn let
   * go, deleted once it is written (a turn that fails to be written keeps them: its session still holds them).
   */
  const staged = new Map<string, Staged>();
  const sessions = {
    async load(userKey: string, now: Date): Promise<Session> {
      const st = staged.get(userKey);
      if (st?.json) return store.fromJson(userKey, st.json, now);
      const s = await store.load(userKey, now);
      if (st && st.base === null) st.base = st.version = s.version;
      return s;
    },
    /** Throws SessionConflict when someone else saved in between (in a turn: when its commit finds so). */
    async save(s: Session): Promise<Session> {
      const st = staged.get(s.userKey);
      if (!st) return store.save(s);
      st.base ??= s.version;
      if (s.version !== (st.version ?? s.version)) throw new SessionConflict(`session of ${s.userKey} saved twice from one version`);
      const next = { ...s, version: s.version + 1 };
      st.version = next.version;
      st.json = store.json(next);
      return next;
    },
    remove: (userKey: string) => store.remove(userKey),
  };
  const membership = createMembershipChat(core);
  const legalAid = createLegalAidDesk(core, { engine });
  const documents = createDocumentsDesk(core, { engine });
  const evidence = opts.evidence;
  const laterFiles = createEvidenceDesk(core, { engine, evidence });
  const caseDesk = createCaseDesk(core);
  const safety = createSafety(core);

  /**
   * One of a person's messages at a time, in the order they arrived, across
   * processes: the fair lock's ticket is taken now, before anything else is
   * awaited (or was taken when the request arrived: `ticket`). No
   * in-process queue in front of it: that would take the ticket late and
   * let a message that reached another process meanwhile go first.
   */
  function serial<T>(userKey: string, fn: (release: () => void, lease: Lease) => Promise<T>, ticket?: Ticket | Promise<Ticket>, read?: { clientMsgId: string | null }): Promise<T> {
    return core.conversation.withLock(userKey, fn, ticket, read);
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
  async function handle(
    userKey: string,
    input: ChatInput,
    clientMsgId?: string,
    opts: { keepHistory?: boolean; shownAs?: string; ticket?: Ticket | Promise<Ticket> } = {},
  ): Promise<Reply[]> {
    return serial(
      userKey,
      async (_release, lease) => {
        const ctx = flowContext();
        // The replies already given to a resend and the session: read as the lock was taken (core/conversation/locks.ts
        // `TurnRead`), or else asked for together now (one round trip).
        const read = lease.read && lease.read.clientMsgId === (clientMsgId ?? null) ? lease.read : null;
        const loading = read ? Promise.resolve(store.fromRecord(userKey, read.session, ctx.now)) : sessions.load(userKey, ctx.now);
        loading.catch(() => undefined); // a resend answered below does not wait for it
        if (clientMsgId) {
          const seen = read ? core.conversation.repliesFrom(read.reply) : await core.conversation.repliesOf(userKey, clientMsgId);
          if (seen) return seen;
        }
        // A voice message WeChat read for us is what the person said, as if typed.
        // Punctuation alone (`。`, `？`) is what WeChat gives for a voice it could not make out: nothing heard.
        const heard = input.kind === 'voice' ? (input.recognition ?? '').trim().replace(/^[\p{P}\p{S}\s]+$/u, '') : '';
        // A WeChat quoted reply (`「工友：…」`, dashes, the reply): only the reply is the person's message, for every reader.
        // Nothing but WeChat's placeholders for what is not text (`[图片]`, `[语音]`, `[视频通话] 通话时长 00:12`): what the
        // chat cannot see or hear, said so, and the question again.
        const typed = input.kind === 'text' ? quotedReply(input.text) : null;
        const placeholder = typed !== null ? placeholderOnly(typed) : null;
        const message: ChatInput = heard ? { kind: 'text', text: heard } : placeholder ? { kind: 'unreadable', what: placeholder } : typed !== null ? { kind: 'text', text: typed } : input;
        // A voice nobody read: decoded and stored once, whatever retries the turn needs.
        const kept = input.kind === 'voice' && !heard ? await keepVoice(input.audio) : null;
        // `shownAs`: what the person tapped (a menu button), rather than the key it sends.
        const said = opts.shownAs ??
          (input.kind === 'text'
            ? input.text.slice(0, HISTORY_TEXT_MAX)
            : input.kind === 'file'
              ? `[文件] ${input.meta.name}`
              : input.kind === 'unreadable'
                ? UNREADABLE_SHOWN[input.what]
                : input.kind === 'location'
                  ? `[位置] ${input.label ?? ''}`.trim().slice(0, HISTORY_TEXT_MAX)
                : heard
                  ? `[语音] ${heard.slice(0, HISTORY_TEXT_MAX)}`
                  : '[语音]');
        const first = await loading.catch(() => null);
        try {
          // One reading of the message for the whole turn (parsers/turn-memo.ts): the desks, the safety check and
          // the engine read the same text; each reader's work is done once, and dropped when the turn ends.
          return await withinOneReading(async () => {
            for (let attempt = 0; ; attempt++) {
              // A retry after someone else saved reads the session again.
              const st: Staged = { base: attempt === 0 && first ? first.version : null, version: attempt === 0 && first ? first.version : null, json: null, letGo: [] };
              staged.set(userKey, st);
              try {
                let replies = attempt === 0 ? await turnOn(userKey, await loading, message, kept, ctx) : await turn(userKey, message, kept);
                if (heard) replies = [{ type: 'text', text: T.heard([...heard].length > 120 ? `${[...heard].slice(0, 120).join('')}…` : heard) }, ...replies];
                await commit(userKey, st, replies, said, clientMsgId, opts.keepHistory === true, lease);
                for (const id of st.letGo) evidence.remove(id);
                return replies;
              } catch (err) {
                if (!(err instanceof SessionConflict) || attempt >= 3) throw err;
              } finally {
                staged.delete(userKey);
              }
            }
          });
        } catch (err) {
          // Nothing half-written: a stored voice no case holds goes again.
          if (kept?.ok && !kept.attached) evidence.remove(kept.file.id);
          throw err;
        }
      },
      opts.ticket,
      { clientMsgId: clientMsgId ?? null },
    );
  }

  /**
   * A turn's end: the history's two entries (the message, the replies) first, then, in the same round trip, the
   * session as the turn left it, the replies kept for a resend and the lock given up, all or nothing
   * (`commitTurn`). Someone else saved meanwhile (SessionConflict: the turn is taken again on the newer session):
   * the entries just added are taken back.
   */
  async function commit(
    userKey: string,
    st: Staged,
    replies: Reply[],
    said: string,
    clientMsgId: string | undefined,
    keepHistory: boolean,
    lease: Lease,
  ): Promise<void> {
    const history = keepHistory
      ? core.inbox.history.append(
          userKey,
          [
            { from: 'user', replies: [{ type: 'text', text: said }] },
            { from: 'bot', replies },
          ],
          { inOrder: true },
        )
      : null;
    history?.catch(() => undefined);
    const save = st.json !== null && st.base !== null && st.version !== null ? { expected: st.base, version: st.version, json: st.json } : null;
    try {
      await core.conversation.commitTurn(userKey, { save, clientMsgId, replies, lease });
    } catch (err) {
      if (err instanceof SessionConflict && history) {
        const last = await history.catch(() => null);
        if (last !== null) await core.inbox.history.retract(userKey, [last - 1, last]);
      }
      throw err;
    }
    await history;
  }

  /** The voice's sound as a file staff can play, stored encrypted; or why not (for the person). */
  async function keepVoice(audio: VoiceAudio | undefined): Promise<KeptVoice> {
    if (!audio) return { ok: false, reason: T.voiceNotHeard };
    const max = core.config.MAX_UPLOAD_MB * 1048576;
    const v = await playableVoice(await audio.load(), audio.format, max);
    if (!v.ok) return v;
    const now = core.clock.now();
    const name = `语音留言-${compactDay(now)}-${chinaTime(now).replace(':', '')}.${v.ext}`;
    const check = checkEvidence({ name, mediaType: v.mediaType, size: v.bytes.length }, max);
    if (!check.ok) return { ok: false, reason: VOICE_TEXTS.unreadable };
    const id = evidence.save(v.bytes, now);
    return { ok: true, attached: false, file: { id, name, mediaType: check.mediaType, size: v.bytes.length } };
  }

  /** Where the person was, asked again after something answered outside the engine; the session saved. */
  async function backToWhereTheyWere(session: Session, ctx: FlowContext, userKey = session.userKey): Promise<Reply[]> {
    // The time question of a legal-aid booking is asked with what is booked (as `elsewhere` answers it).
    const o = engine.reprompt(session, legalAid.needsContext(session) ? await legalAid.withBooking(ctx, userKey) : ctx);
    await sessions.save(o.session);
    return o.followUp;
  }

  /**
   * What following the Official Account or entering the customer-service chat is greeted with, kept in the
   * chat history: the menu; with a form under way, a welcome back and where the person was (a number said next
   * answers that question, so a menu shown beside it would be picked from by mistake).
   */
  async function greet(userKey: string): Promise<Reply[]> {
    return serial(userKey, async (release) => {
      const ctx = flowContext();
      const session = await sessions.load(userKey, ctx.now);
      let replies = welcome;
      if (session.flowId !== null && session.mode !== 'idle') {
        // A draft offered again (继续填写 / 重新开始) already says it is unfinished: no 「我们接着填」 before it.
        const o = engine.reprompt(session, legalAid.needsContext(session) ? await legalAid.withBooking(ctx, userKey) : ctx, { sameForm: session.mode === 'resume' });
        await sessions.save(o.session);
        replies = session.mode === 'resume' ? o.followUp : [{ type: 'text', text: GREET_IN_FORM }, ...o.followUp];
      }
      const writes = core.inbox.history.append(userKey, [{ from: 'bot', replies }], { inOrder: true });
      release();
      await writes;
      return replies;
    });
  }

  async function turn(userKey: string, input: ChatInput, kept: KeptVoice | null): Promise<Reply[]> {
    const ctx = flowContext();
    return turnOn(userKey, await sessions.load(userKey, ctx.now), input, kept, ctx);
  }

  async function turnOn(userKey: string, session: Session, input: ChatInput, kept: KeptVoice | null, ctx: FlowContext): Promise<Reply[]> {
    const held = evidenceIdsIn(session);
    const replies = await answerTurn(userKey, session, input, kept, ctx);
    if (held.size > 0) await dropLetGo(userKey, held);
    return replies;
  }

  /**
   * Files the session held before the turn and holds no more (取消, a draft
   * replaced or started over, 删除我的信息) are deleted, unless a case of
   * the person's holds them (a submitted report took them).
   */
  async function dropLetGo(userKey: string, held: Set<string>): Promise<void> {
    const still = evidenceIdsIn(await sessions.load(userKey, core.clock.now()));
    const gone = [...held].filter((id) => !still.has(id));
    if (gone.length === 0) return;
    const inCases = evidenceIdsIn((await core.cases.listByUser(userKey, 20)).map((c) => c.evidence));
    const letGo = gone.filter((id) => !inCases.has(id));
    // In a message's turn, once the turn is written (`handle`); outside one, now.
    const st = staged.get(userKey);
    if (st) st.letGo.push(...letGo);
    else for (const id of letGo) evidence.remove(id);
  }

  async function answerTurn(userKey: string, session: Session, input: ChatInput, kept: KeptVoice | null, ctx: FlowContext): Promise<Reply[]> {
    if (opts.fixedAnswer) {
      await sessions.save(session);
      return opts.fixedAnswer;
    }
    // Safety first, whatever the chat is doing (flows/safety.ts): self-harm is answered here and nothing is changed; violence's advice goes before the usual answer.
    const safe = input.kind === 'text' ? await safety.check(userKey, session, input.text) : null;
    if (safe?.stop) return safe.replies;
    const replies = await answerMessage(userKey, session, input, kept, ctx);
    return safe ? [...safe.replies, ...replies] : replies;
  }

  async function answerMessage(userKey: string, session: Session, input: ChatInput, kept: KeptVoice | null, ctx: FlowContext): Promise<Reply[]> {
    countTurn(session.flowId);
    // The phone number asked for once after a voice message: this message gives it, or the request goes on without. Never asked again.
    const asked = session.voice;
    session.voice = null;
    const before: Reply[] = [];
    const fresh = asked !== null && ctx.now.getTime() - Date.parse(asked.askedAt) <= core.config.SESSION_IDLE_MINUTES * 60_000;
    if (asked && fresh) {
      const typed = input.kind === 'text' ? input.text.trim() : null;
      const phone = typed !== null ? findPhone(typed) : null;
      if (phone) {
        await addHelpPhone(core, asked.caseId, userKey, phone);
        before.push({ type: 'text', text: T.voicePhoneKept(phone.slice(-4)) });
        // The same number answers the flow's own phone question, when that is what it was asking.
        const askingPhone = session.fieldId === 'phone' && (session.mode === 'ask' || session.mode === 'edit');
        if (!askingPhone) return [...before, ...(await backToWhereTheyWere(session, ctx))];
      } else {
        before.push({ type: 'text', text: T.voiceNoPhone });
        if (typed !== null && typed.length <= 12 && (PLAIN_NO.test(typed) || understandConfirm(typed) === 'no')) return [...before, ...(await backToWhereTheyWere(session, ctx))];
      }
    }
    if (input.kind === 'voice') {
      const replies = await voiceTurn(userKey, session, kept ?? { ok: false, reason: T.voiceNotHeard }, ctx, !!asked);
      return [...before, ...replies];
    }
    // Typed in pinyin where answers are offered (`bu dui` at "…对吗？"): read as the answer it spells, and said back.
    const heard = input.kind === 'text' ? pinyinAt(session, input.text, ctx) : null;
    if (heard) return [...before, { type: 'text', text: T.heardPinyin(heard) }, ...(await messageTurn(userKey, session, { kind: 'text', text: heard }, ctx, !!asked))];
    return [...before, ...(await messageTurn(userKey, session, input, ctx, !!asked))];
  }

  /**
   * A message typed in pinyin (no Chinese keyboard) where the person was asked
   * something with answers offered: the Chinese words of the one offered answer
   * it spells (an option's label, or yes or no at a yes/no question), or of a
   * command or another service asked for (`wo yao ru hui`); null otherwise.
   * At the menu the engine reads pinyin itself; a free-text answer (a name, an
   * employer) is never read from pinyin; deleting one's data is never said this way.
   */
  function pinyinAt(session: Session, text: string, ctx: FlowContext): string | null {
    const typed = normalizeMessage(text);
    if (!typedInPinyin(typed)) return null;
    // «转给工会负责同志吗？» waiting (flows/case-desk.ts): yes or no.
    if (caseDesk.noteWaiting(session, ctx.now)) return pinyinOption(typed, [], true);
    if (session.mode === 'idle' || session.mode === 'human' || session.mode === 'forget') return null;
    const flow = session.flowId ? (engine.flows.get(session.flowId) ?? null) : null;
    const asking = (session.mode === 'ask' || session.mode === 'edit') && flow && session.fieldId ? (flow.fields.find((f) => f.id === session.fieldId) ?? null) : null;
    return pinyinHeard(typed, {
      flow,
      field: asking,
      shown: session.options.flatMap((o) => [o.label, o.value]),
      yesShown: session.options.some((o) => o.yes),
      answers: session.answers,
      ctx,
      flows: [...engine.flows.values()],
    });
  }

  /**
   * A voice message nobody could read: it goes to staff as a help request
   * (one per flow run, or per day, collects them all), with the phone the
   * person gave before; without one, they are asked for it once. Whatever
   * they were filling in stays as it was.
   */
  async function voiceTurn(userKey: string, session: Session, kept: KeptVoice, ctx: FlowContext, changed: boolean): Promise<Reply[]> {
    if (!kept.ok) {
      // Nothing is written (only the spent phone question, if there was one).
      if (changed) await sessions.save(session);
      // Mid-form, the question waiting is said again, so the answer can follow (spoken again or typed).
      const again = session.flowId ? engine.reprompt(session, legalAid.needsContext(session) ? await legalAid.withBooking(ctx, userKey) : ctx).followUp : [];
      return [{ type: 'text', text: kept.reason }, ...again];
    }
    const answers = session.flowId ? session.answers : (session.draft?.answers ?? {});
    const given = [session.answers.phone, session.draft?.answers.phone].find((p): p is string => typeof p === 'string' && /^1\d{10}$/.test(p));
    const phone = given ?? (await latestReporterPhone(core, userKey));
    const placed = PlaceSchema.safeParse(answers.location ?? answers.place ?? answers.residence);
    const c = await requestHelp(core, {
      userKey,
      runId: session.runId,
      at: ctx.now,
      place: placed.success ? placed.data : null,
      fromFlow: session.flowId,
      fromStep: session.fieldId,
      question: '',
      voices: [kept.file],
      phone,
    });
    kept.attached = true;
    const first = c.evidence.filter(isAudio).length <= 1;
    const lines = [first ? T.voiceTaken(c.caseNo) : T.voiceMore(c.caseNo)];
    if (phone) lines.push(T.voiceCallBack(phone.slice(-4)));
    // The voice was what 人工 asked for: the problem, told.
    if (session.mode === 'human') {
      session.mode = session.flowId ? (session.back === 'review' || session.back === 'edit' ? session.back : 'ask') : 'idle';
      session.back = 'idle';
    }
    session.updatedAt = ctx.now.toISOString();
    if (!phone && !c.reporter.phoneSealed && first && !changed) {
      lines.push(T.voiceAskPhone);
      await sessions.save({ ...session, voice: { caseId: c.id, askedAt: ctx.now.toISOString() } });
      return [{ type: 'text', text: lines.join('\n') }];
    }
    return [{ type: 'text', text: lines.join('\n') }, ...(await backToWhereTheyWere(session, ctx))];
  }

  async function messageTurn(userKey: string, session: Session, input: Exclude<ChatInput, { kind: 'voice' }>, ctx: FlowContext, changed: boolean): Promise<Reply[]> {
    let incoming: Incoming;
    /** A file that passed its checks, not written yet. */
    let upload: { id: string; bytes: Buffer } | null = null;
    if (input.kind === 'text') {
      incoming = { kind: 'text', text: input.text };
    } else if (input.kind === 'unreadable') {
      // Said why and what to send instead; the question is asked again (flows/engine.ts), nothing is stored.
      incoming = { kind: 'file-rejected', reason: T.unreadable[input.what] };
    } else if (input.kind === 'location') {
      // Outside a form: the service points nearest to it. In a form it answers nothing (where someone is now need not
      // be where they worked): words asked for, and the question again.
      // A puppet's location that is no place on earth (NaN, out of range) is read as one the chat cannot open.
      const onEarth = Number.isFinite(input.latitude) && Number.isFinite(input.longitude) && Math.abs(input.latitude) <= 90 && Math.abs(input.longitude) <= 180;
      if (!formUnderWay(session) && onEarth) {
        if (changed) await sessions.save(session);
        return [{ type: 'text', text: nearestPointsText(ctx.directory, input) }];
      }
      incoming = { kind: 'file-rejected', reason: T.unreadable.location };
    } else {
      // After submitting, with no flow under way: the file is for the person's open report (flows/evidence-desk.ts).
      const later = await laterFiles.file(userKey, session, input, ctx);
      if (later) {
        if (changed || later.save) await sessions.save(session);
        return later.replies;
      }
      const step = session.flowId && session.fieldId ? engine.flows.get(session.flowId)?.fields.find((f) => f.id === session.fieldId) : undefined;
      // Size 0 here means "not known yet" (chunked upload); it is checked again on the bytes.
      const check = checkEvidence({ ...input.meta, size: input.meta.size || 1 }, core.config.MAX_UPLOAD_MB * 1048576);
      // At the summary of a form that takes files (the wage report's 「请核对…」), a file is offered for them (flows/engine.ts).
      if (!step?.acceptsFiles && !engine.filesWelcome(session)) {
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
          // An id only: the bytes are written once the flow has taken the file (the step's cap, its mode), below.
          const file: FileRef = { id: evidence.newId(), name: input.meta.name.slice(0, 80), mediaType: check.mediaType, size: bytes.length };
          incoming = { kind: 'file', file };
          upload = { id: file.id, bytes };
        }
      }
    }
    // The answer to "满意吗？" after a case was resolved.
    const rating = incoming.kind === 'text' ? parseRating(incoming.text) : null;
    if (rating) {
      const c = await answerRating(core, userKey, rating);
      if (c) {
        if (changed) await sessions.save(session);
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
    // 收到了 / 没收到 after wages were recovered.
    const receipt = incoming.kind === 'text' ? parseReceipt(incoming.text) : null;
    const received = receipt ? await answerReceipt(core, userKey, receipt) : null;
    if (received) {
      // A sum that waited to be confirmed as part of it (`只收到3000`) is answered by this.
      if (session.caseNote?.kind.startsWith(RECEIPT_PART)) {
        session.caseNote = null;
        changed = true;
      }
      if (changed) await sessions.save(session);
      return [{ type: 'text', text: received.text }];
    }
    // While that question waits, words about the money that are neither (`说是追回了但我没收到钱`, `只收到3000`, `钱还冒到`):
    // asked back with the two answers, nothing applied (it was 没太明白; part of the money is no 收到了). Part of it: the sum that
    // arrived asked to be confirmed (or asked for), then recorded with 没收到 so the staff are told what did arrive.
    if (incoming.kind === 'text' && !receipt && session.flowId === null && session.mode === 'idle' && !session.caseNote) {
      const waiting = looseReceipt(incoming.text) ? await pendingReceipt(core, userKey) : null;
      const asked = waiting ? receiptAskedBack(incoming.text, waiting) : null;
      if (asked) {
        // Part of it: the sum (or how much) asked, the answer the case desk's (a confirmed sum is recorded with 没收到).
        if (asked.part !== undefined) {
          await sessions.save({ ...session, caseNote: { text: '', kind: `${RECEIPT_PART}${asked.part ?? ''}`, caseNos: [waiting!.caseNo], at: ctx.now.toISOString() }, options: [] });
        } else if (changed) await sessions.save(session);
        return [{ type: 'text', text: asked.text }];
      }
    }
    // After submitting, what is said about the open case: its progress, or a note for its worker, confirmed first; a complaint
    // about the staff, in the middle of a form too (flows/case-desk.ts).
    const noteWaited = caseDesk.noteWaiting(session, ctx.now);
    // Deleting one's data in other words (`注销`, `撤回我的个人信息`, `把我的东西都删了`, `不要保存我的电话`), outside a form:
    // the delete question, which always asks first. A lone `删除` while words wait to be passed on is a no to those.
    // In the middle of a form (`别存我的信息了` at the village question) only words that name all the data: a lone `删除`
    // there may be about an answer, and `不要保存我的电话` at the phone question is a no to giving it.
    // Whether the deletion happened (`我的信息删了没`), outside a form: answered from what is still held; while a
    // name and phone (or an unfinished form) are held, said so before the delete question.
    const doneAsked = incoming.kind === 'text' && session.flowId === null && (session.mode === 'idle' || session.mode === 'offer') && forgetDoneAsked(incoming.text);
    const stillHeld = doneAsked ? session.draft !== null || (await legalAid.bookings.knownContact(userKey)) !== null : false;
    if (doneAsked && !stillHeld) {
      const cases = await core.cases.listByUser(userKey, 20);
      const bookings = await legalAid.bookings.listByUser(userKey, 20);
      if (cases.some(reporterForgotten) || bookings.some((b) => !b.contact.name && !b.contact.phoneSealed)) {
        if (changed || session.caseNote) await sessions.save({ ...session, caseNote: null });
        return [...(noteWaited ? [{ type: 'text' as const, text: NOT_PASSED }] : []), { type: 'text', text: cases.length ? `${T.forgottenAlready}${T.forgottenCasesGoOn}` : T.forgottenAlready }];
      }
    }
    const asked = incoming.kind === 'text' ? (doneAsked ? 'all' : forgetAsked(incoming.text)) : null;
    const forget = asked && (session.flowId === null ? session.mode === 'idle' || session.mode === 'offer' : asked === 'all') ? asked : null;
    if (forget && !(forget === 'bare' && noteWaited)) {
      session.caseNote = null;
      const replies = await elsewhere(userKey, session, { kind: 'text', text: FORGET_COMMAND }, null, ctx);
      const lead: Reply[] = forget === 'phone' ? [{ type: 'text', text: FORGET_PHONE_LEAD }] : stillHeld ? [{ type: 'text', text: T.notForgottenYet }] : [];
      return [...(noteWaited ? [{ type: 'text' as const, text: NOT_PASSED }] : []), ...lead, ...replies];
    }
    // `你们几点下班`, `周末有人吗`, `12351打不通`: answered anywhere (in a form, its question again); nothing taken. Not in a
    // legal-aid booking, whose own times answer them (`周末有人吗` at the time question: weekends are not booked).
    const aside = incoming.kind === 'text' && session.flowId !== legalAidFlow.id ? (officeHoursAsked(incoming.text) ? T.officeHours(hoursSaid(workingHoursOf(ctx.index))) : hotlineUnanswered(incoming.text) ? T.hotlineUnanswered : null) : null;
    if (aside) {
      if (formUnderWay(session)) return [{ type: 'text', text: aside }, ...(await backToWhereTheyWere(session, ctx, userKey))];
      if (changed) await sessions.save(session);
      return [{ type: 'text', text: aside }];
    }
    const found = await caseDesk.command(userKey, session, incoming, ctx);
    // A progress reply of the desk's (`催一下`) says under it what 进度 says: the legal-aid line, 文书, the bookings.
    const about = found?.shown ? { ...found, replies: [...found.replies, ...(await progressExtras(userKey, found.shown, ctx))] } : found;
    if (about) {
      // A complaint said in the middle of a form: once it is answered (no question of the desk's waits), the form's question again.
      if (formUnderWay(about.session) && about.session.caseNote === null) return [...about.replies, ...(await backToWhereTheyWere(about.session, ctx, userKey))];
      await sessions.save(shownLast(about.session, about.replies));
      return about.replies;
    }
    // `有人联系我了吗`, `法律援助批了没`, `律师什么时候来` from someone who has sent nothing here: said so, and how to start
    // (it was 「答不上来」, 没太明白, or a booking started). Anything sent (a case, an application, a booking): as before.
    // The same asked with a report unfinished (in the form, or kept as a draft), or with only a membership application:
    // what 进度 says there (not sent yet and how to go on; the application's status). It was 「答不上来」.
    const unsent = incoming.kind === 'text' && !noteWaited ? await notSentYet(userKey, session, incoming.text, ctx) : null;
    if (unsent) return unsent;
    const before = incoming.kind === 'text' && !noteWaited ? await nothingSentYet(userKey, session, incoming.text) : null;
    if (before) {
      if (changed) await sessions.save(session);
      return [{ type: 'text', text: before }];
    }
    const replies = await elsewhere(userKey, session, incoming, upload, ctx);
    // Words that waited for a yes and were not passed on (a menu button, 进度, 谢谢 instead): said so, never dropped in silence.
    return noteWaited && session.caseNote === null ? [{ type: 'text', text: NOT_PASSED }, ...replies] : replies;
  }

  /** A message the case desk did not answer: the other desks, then the conversation. `upload`: a file's bytes, written only if the flow keeps it. */
  async function elsewhere(userKey: string, session: Session, incoming: Incoming, upload: { id: string; bytes: Buffer } | null, ctx: FlowContext): Promise<Reply[]> {
    // 我的预约, 取消预约 YY…, 改约 YY…, 预约 QX…: answered from anywhere (flows/legal-aid-desk.ts).
    const booking = await legalAid.command(userKey, session, incoming, ctx);
    if (booking) {
      await sessions.save(shownLast(booking.session, booking.replies));
      return booking.replies;
    }
    // 文书, 文书 QX…: the person's legal documents, with download links (flows/documents-desk.ts).
    const docs = await documents.command(userKey, session, incoming, ctx);
    if (docs) {
      await sessions.save(shownLast(docs.session, docs.replies));
      return docs.replies;
    }
    // 补充 QX…: the report files sent next are added to (flows/evidence-desk.ts).
    const attach = await laterFiles.command(userKey, session, incoming, ctx);
    if (attach) {
      await sessions.save(shownLast(attach.session, attach.replies));
      return attach.replies;
    }
    // `我要仲裁申请书` with nothing to download: the knowledge answer, and how to get one here (put before its last question).
    const paper = await documents.howToGet(userKey, session, incoming);
    // A bare 取消 / 算了 from someone with a case open and no form under way: the case goes on, said so (flows/case-desk.ts).
    const kept = await caseDesk.cancelWithCase(userKey, session, incoming, ctx);
    if (kept) {
      await sessions.save(shownLast(kept.session, kept.replies));
      return kept.replies;
    }
    // The time question of a legal-aid booking needs what is booked: loaded only during that flow.
    const bctx = legalAid.needsContext(session) ? await legalAid.withBooking(ctx, userKey) : ctx;
    // A wage report sent from this chat: where it stands, so that what is said of it fits (not 「已经在办理了」 once resolved).
    const fctx = session.flowId === null && session.submitted?.flowId === wageFlow.id && incoming.kind === 'text' ? { ...bctx, reported: await reportedWage(userKey) } : bctx;
    // Joining the union checks the records (already a member? waiting?) around the pure engine.
    const out: Outcome = await membership.guard(userKey, session, engine.handle(session, incoming, fctx), fctx);
    // 反映欠薪 again after a report: asked first whether it is another one (a second report stays possible).
    const again = await reportedBefore(userKey, session, out, ctx);
    if (again) {
      await sessions.save(again);
      return [{ type: 'text', text: T.reportedBefore(again.offerCase!), options: again.options }];
    }
    // The file is written only if the flow kept it (not over its step's cap, not refused by the step or the mode).
    const written = upload !== null && evidenceIdsIn([out.session, out.effects]).has(upload.id);
    if (written) evidence.write(upload!.id, upload!.bytes, ctx.now);
    try {
      const effectReplies: Reply[] = [];
      const said = incoming.kind === 'text' ? incoming.text : null;
      for (const effect of out.effects) effectReplies.push(...(await runEffect(userKey, effect, fctx, out, said)));
      await sessions.save(out.session);
      const replies = [...out.replies, ...effectReplies, ...out.followUp];
      return paper && out.effects.length === 0 && out.session.flowId === null ? withLine(replies, paper) : replies;
    } catch (err) {
      // Not saved (a concurrent change retries the turn): no file left behind that nothing holds.
      if (written && !evidenceIdsIn(out.effects).has(upload!.id)) evidence.remove(upload!.id);
      throw err;
    }
  }

  /**
   * Where the person's wage reports stand (flows/types.ts `ReportedWage`): `open` while any is still worked, or none is
   * found; else the latest, as it stands.
   */
  async function reportedWage(userKey: string): Promise<ReportedWage> {
    const wage = (await core.cases.listByUser(userKey, 5)).filter((c) => c.reporter.userKey === userKey && c.kind === 'wage_arrears');
    const last = wage[0];
    if (!last || wage.some((c) => OPEN_WAGE.has(c.status))) return { status: 'open' };
    if (last.status === 'closing' || last.status === 'closed') return { status: last.status, caseNo: last.caseNo };
    const receipt = last.receipt?.answer === null;
    const rating = !receipt && last.satisfaction === null && (await ratingPending(core, userKey));
    return { status: 'resolved', caseNo: last.caseNo, receipt, rating, ratingLater: !receipt && !rating && last.satisfaction === null && asksRating(last) };
  }

  /**
   * `line` put with `replies`: before the last line of the reply that asks a question with choices (`要帮您预约工会律师…吗？`),
   * or last when none does.
   */
  function withLine(replies: Reply[], line: string): Reply[] {
    const at = replies.findLastIndex((r) => r.type === 'text' && (r.options?.length ?? 0) > 0);
    if (at < 0) return [...replies, { type: 'text', text: line }];
    const r = replies[at]!;
    if (r.type !== 'text') return replies;
    const cut = r.text.lastIndexOf('\n');
    const text = cut < 0 ? `${line}\n${r.text}` : `${r.text.slice(0, cut)}\n${line}${r.text.slice(cut)}`;
    return [...replies.slice(0, at), { ...r, text }, ...replies.slice(at + 1)];
  }

  /**
   * A wage report about to start (no flow was under way) while the person has
   * one open: the session that asks whether this is another one instead, with
   * what the message said kept for it (offer:yes opens the report with those
   * facts). Null when there is none open, or this was asked just now.
   */
  async function reportedBefore(userKey: string, before: Session, out: Outcome, ctx: FlowContext): Promise<Session | null> {
    if (before.flowId !== null || out.session.flowId !== wageFlow.id || out.session.mode === 'resume') return null;
    if (before.mode === 'offer' && before.offer === wageFlow.id && before.offerCase) return null;
    // One staff resolved and not closed yet counts too (`还差三千没给` after the close is most likely about it).
    const resolved = (await core.cases.listByUser(userKey, 5)).filter((c) => c.reporter.userKey === userKey && c.status === 'resolved');
    const open = [...(await casesForNotes(core, userKey)), ...resolved].filter((c) => c.kind === 'wage_arrears');
    if (open.length === 0) return null;
    const facts = out.session.pending?.values ?? {};
    return {
      ...before,
      mode: 'offer',
      offer: wageFlow.id,
      offerCase: open[0]!.caseNo,
      offerFacts: Object.keys(facts).length > 0 ? { facts, given: {} } : null,
      options: [
        { label: '是，另一件', value: 'offer:yes' },
        { label: '不是', value: 'offer:no' },
      ],
      updatedAt: ctx.now.toISOString(),
    };
  }

  /** What 进度 asked about, when nothing at all was sent: joining or a booking (wage words, or none: T.noCaseYet). */
  const NOTHING_YET_ABOUT: [RegExp, string][] = [
    [/入会|会员|入工会|加入工会|进工会/u, T.noApplicationYet],
    [/律师|法律援助|法援|预约/u, T.noBookingYet],
  ];

  /**
   * What a status asked (flows/case-desk.ts `nothingSentAsked`) says to someone idle who has sent nothing at all; else null.
   * A call asked for (`我想让工作人员给我打电话`): staff have no number and no matter yet (after a report it is a note for
   * the case worker, flows/case-desk.ts): what to do instead, nothing passed on.
   */
  async function nothingSentYet(userKey: string, session: Session, said: string): Promise<string | null> {
    if (session.flowId !== null || session.mode !== 'idle' || session.draft) return null;
    const about = nothingSentAsked(said) ?? (callAsked(said) ? 'call' : null);
    if (!about) return null;
    if ((await core.cases.listByUser(userKey, 1)).length > 0) return null;
    if ((await membership.progress(userKey)).length > 0 || (await legalAid.bookings.listByUser(userKey, 1)).length > 0) return null;
    return about === 'call' ? T.noCallYet : about === 'join' ? T.noApplicationYet : about === 'booking' ? T.noBookingYet : about === 'contact' ? T.nobodyYet : T.noCaseYet;
  }

  /** Where a form's 进度 says it is not sent and asks its question again (flows/engine.ts). */
  const FORM_MODES: ReadonlySet<Session['mode']> = new Set(['ask', 'review']);

  /** The form a status asked about is for (`wage`: the report's words, `join`, `booking`); `contact` fits any. */
  const FORM_ASKED: Record<string, string> = { wage: wageFlow.id, join: membershipFlow.id, booking: legalAidFlow.id };

  /**
   * A status asked (`有人联系我了吗`) by someone with no case: with a form under way or kept as a draft that it is about,
   * what 进度 says there (not sent yet, so nobody calls yet, and how to go on); idle with only a membership application
   * (no draft), that application's status, as 进度 shows it. Else null (as before).
   */
  async function notSentYet(userKey: string, session: Session, said: string, ctx: FlowContext): Promise<Reply[] | null> {
    // At a question, the summary, or 「欢迎回来！…还没填完」 (not where another question of the engine's waits: 要先停在这里吗？,
    // 确定要重新开始吗？, whose 进度 does not ask it again).
    const welcomed = session.mode === 'resume' && session.options.some((o) => o.label === '继续填写');
    const form = welcomed ? (session.flowId ?? session.draft?.flowId ?? null) : session.flowId !== null ? (FORM_MODES.has(session.mode) ? session.flowId : null) : session.mode === 'idle' ? (session.draft?.flowId ?? null) : null;
    const idle = session.flowId === null && session.mode === 'idle' && !session.draft;
    // In a form, only someone in touch asked in so many words (`你们到底管不管` there is doubt, answered as such). Where
    // the person is, and those words, are tested before what the status asked is read (the reading costs more; all
    // three are of the session and the words alone, so the order changes no answer).
    if (form !== null ? !contactAsked(said) : !idle) return null;
    const about = nothingSentAsked(said);
    if (!about) return null;
    if (form !== null ? about !== 'contact' && FORM_ASKED[about] !== form : about !== 'contact' && about !== 'join') return null;
    if ((await core.cases.listByUser(userKey, 1)).length > 0) return null;
    if (form === null && (await membership.progress(userKey)).length === 0) return null;
    const replies = await elsewhere(userKey, session, { kind: 'text', text: PROGRESS_COMMAND }, null, ctx);
    const nobody = about === 'contact' || about === 'wage';
    // At 「欢迎回来！」 进度 says no more than that: how to go on is said with it.
    const goOn = welcomed && !replies.some((r) => r.type === 'text' && r.text.includes('「继续」')) ? `\n${T.goOnWith}` : '';
    return replies.map((r) => (r.type === 'text' && r.text === T.noCaseYetInFlow ? { ...r, text: `${nobody ? T.nobodyYetInFlow : r.text}${goOn}` } : r));
  }

  /** What 进度 says under the cases shown: help can be booked for a wage case, its documents, the bookings to come. */
  async function progressExtras(userKey: string, list: readonly Case[], ctx: FlowContext): Promise<Reply[]> {
    return [...(await legalAid.caseHint(userKey, list.filter(helpOffered), ctx)), ...documents.hint(list), ...(await legalAid.bookingHint(userKey, ctx))];
  }

  /** `out` is the turn's outcome: a refused booking reopens its time question in `out.session`; `said`, the message's words. */
  async function runEffect(userKey: string, effect: Effect, ctx: FlowContext, out: Outcome, said: string | null = null): Promise<Reply[]> {
    const text = (t: string): Reply[] => [{ type: 'text', text: t }];
    switch (effect.kind) {
      case 'submit': {
        if (effect.flowId === membershipFlow.id) return membership.submit(userKey, effect, ctx);
        if (effect.flowId === legalAidFlow.id) return legalAid.submit(userKey, effect, ctx, out);
        const c = await submitWage(userKey, effect.runId, effect.answers, ctx);
        // Legal aid offered after the report (a household employer): 好的 books it for this case.
        // Not one kept for another matter told with the report (`11月20号摔伤了 老板也欠我工资`): booked for that matter.
        if (out.session.mode === 'offer' && out.session.offer === legalAidFlow.id && !out.session.offerFacts) out.session.offerCase = c.caseNo;
        return text(await submittedReceipt(core, c));
      }
      case 'handover': {
        const c = await submitEnquiry(userKey, effect, ctx);
        return text(`已为您转人工，求助编号 ${c.caseNo}。工作人员会尽快在这里回复您，请留意消息。`);
      }
      case 'show-cases': {
        const list = await core.cases.listByUser(userKey, 5);
        const application = await membership.progress(userKey);
        const booked = await legalAid.bookingHint(userKey, ctx);
        // `QX20260101-0099` typed in a form, a number that is none of theirs (someone else's, mistyped, none at all): said
        // plainly not to be found among theirs (never whether it exists: only its reporter may see a case), their own
        // cases under it; was their cases alone, as if that number were one of them.
        const asked = said !== null ? askedCaseNo(said) : null;
        const found = asked ? await core.cases.getByNo(asked) : null;
        const notFound = asked && !(found && found.reporter.userKey === userKey) ? `没有找到您名下编号是 ${asked} 的案件，请核对一下编号。为了保护个人信息，案件只有本人能查。` : null;
        if (list.length === 0) {
          if (application.length > 0 || booked.length > 0) return [...(notFound ? text(notFound) : []), ...application.flatMap(text), ...booked];
          // Nothing yet: what happens once they report (asked 多久能拿到钱 before reporting), and how to start, unless they are
          // reporting now or a report is kept unfinished (`进度` a day later: the engine says how to go on with it).
          if (out.session.flowId || out.session.draft?.flowId === wageFlow.id) return [...(notFound ? text(notFound) : []), ...text(T.noCaseYetInFlow)];
          if (notFound) return text(`${notFound}\n${T.noCaseYet}`);
          // `入会申请批了没`, `我预约的律师定了没` with nothing sent: said of what was asked about, not of a wage report.
          // Not where the same message asked for a service besides (`我想查一下进度 顺便问下入会的事`: joining is offered next).
          const about = said === null || out.session.mode === 'offer' ? null : NOTHING_YET_ABOUT.find(([re]) => re.test(said));
          return text(about ? about[1] : T.noCaseYet);
        }
        return [
          ...text(`${notFound ? `${notFound}\n\n` : ''}您最近的案件：\n\n${list.map((c) => progressText(ctx.index, c)).join('\n\n')}`),
          ...(await legalAid.caseHint(userKey, list.filter(helpOffered), ctx)),
          ...documents.hint(list),
          ...application.flatMap(text),
          ...booked,
        ];
      }
      case 'forget-me': {
        await forgetReporter(core, userKey, (id) => opts.evidence.remove(id));
        await membership.forget(userKey);
        await legalAid.forget(userKey);
        // The chat itself: what they typed (a phone number, a name) and the notices; and the replies kept for resent messages.
        await core.inbox.forget(userKey);
        await core.conversation.forgetReplies(userKey);
        return text(T.forgotten);
      }
      case 'show-card':
        // `会员证呢` while the application is being filled in (or kept to finish): not 「回复「我要入会」」 to someone applying.
        return membership.showCard(userKey, ctx, out.session.flowId === membershipFlow.id ? 'form' : out.session.draft?.flowId === membershipFlow.id ? 'draft' : null);
    }
  }

  async function submitWage(userKey: string, runId: string, answers: Answers, ctx: FlowContext): Promise<Case> {
    const a = WageReport.parse(answers);
    const comm = a.community ?? { community: null, gridId: null };
    return submitWageReport(core, {
      runId,
      userKey,
      at: ctx.now,
      // The clue platform's fields; a roster's phones sealed like the reporter's.
      wage: wageDetails(a, ctx.now, (phone) => seal(core.config.DATA_KEY, phone)),
      location: { districtId: a.location.districtId, townshipId: a.location.townshipId, gridId: comm.gridId, community: comm.community },
      contactName: a.contactName,
      phone: a.phone,
      evidence: wageFiles(a),
      note: `已提交：反映${a.employer}拖欠工资${showAmount(a.amount)}`,
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
      phone: e.phone ?? undefined,
      fromFlow: e.flowId,
      fromStep: e.fieldId,
      question: e.question,
    });
  }

  /** What the web chat and the mini-program show a person whose chat is empty: nothing is sent on their behalf. */
  const welcome: Reply[] = [{ type: 'text', text: T.greeting, options: MENU }];
  return {
    handle,
    greet,
    sessions,
    engine,
    menu: MENU,
    welcome,
    bookings: legalAid.bookings,
    evidence: opts.evidence,
    /** Deletes evidence files older than DRAFT_TTL_DAYS that no case and no live draft holds (flows/evidence-sweep.ts). */
    sweepEvidence: () => sweepEvidence(core, opts.evidence),
  };
}

export type ChatService = ReturnType<typeof createChatService>;
