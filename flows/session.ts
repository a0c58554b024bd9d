import { z } from 'zod';

const OptionSchema = z.object({ label: z.string(), value: z.string(), yes: z.literal(true).optional() });
const AnswersSchema = z.record(z.string(), z.unknown());

/** The paused state of a flow, kept so nothing typed is lost. */
const DraftSchema = z.object({
  flowId: z.string(),
  flowVersion: z.number().int(),
  runId: z.string(),
  fieldId: z.string().nullable(),
  answers: AnswersSchema,
  trail: z.array(z.string()),
  /** Facts waiting for their question (`Session.later`), kept with the draft. */
  later: AnswersSchema.default({}),
  /** Values set aside unconfirmed, offered at their questions (`Session.offered`), kept with the draft. */
  offered: AnswersSchema.default({}),
  /** Saved because the person said they would stop (`先不报了`), and asked whether to stop: a yes stops. */
  stop: z.boolean().optional(),
});

/**
 * Values taken from the person's words that are not yet answers: facts a
 * message mentioned besides the question asked, or a new value for a field
 * already answered. They count once the person says "对".
 */
const PendingSchema = z.object({
  values: AnswersSchema,
  /** What the changed fields held before (for "之前填的是…"). */
  previous: AnswersSchema,
  /** After a plain 不对 to two or more: asked which one is wrong (the others are then kept). */
  which: z.boolean().optional(),
  /** Raised from `later` (said earlier, waited for its question): left unanswered once, it is not kept again. */
  deferred: z.boolean().optional(),
  /**
   * The fields whose values are a reading of the answer to the question asked (`三个多月` as 3 months).
   * Like every value waiting, never kept without a yes (engine.ts `setPendingAside`).
   */
  answered: z.array(z.string()).optional(),
  /**
   * A bare number was asked about once ("「1」是选…还是「对」？"): a second one is offered both ways as
   * options of their own (对 / 不对 / 我要选「…」 / 人工), which a number then picks.
   */
  digit: z.boolean().optional(),
  /** A value waiting here was said again and kept; these were asked once more: not a third time. */
  repeated: z.boolean().optional(),
  /**
   * What was said right before this confirmation about the reading of its values (Flow.readingSaid: the deadline of an
   * injury day said in the opening message): not said again after the yes (Flow.confirmedSay).
   */
  said: z.string().optional(),
});

/**
 * Small, keyed, versioned conversation state (one per user). `version` is the
 * optimistic-concurrency counter used by the session store.
 */
export const SessionSchema = z.object({
  userKey: z.string(),
  version: z.number().int().nonnegative(),
  flowId: z.string().nullable(),
  flowVersion: z.number().int(),
  runId: z.string(),
  /** The field asked; null with a flow = on the review screen. */
  fieldId: z.string().nullable(),
  /**
   * `ask`: answering fields; `review`: summary; `edit`: changing one field, then back to review;
   * `confirm`: asked "…，对吗？" about `pending`; `resume`: asked whether to continue a draft;
   * `forget`: asked to confirm 删除我的信息; `human`: asked what the problem is before 人工;
   * `offer`: after an answer from the knowledge base, offered `offer`.
   */
  mode: z.enum(['idle', 'ask', 'review', 'edit', 'confirm', 'resume', 'forget', 'human', 'offer']),
  answers: AnswersSchema,
  /** Fields answered, in order, for `返回` and for a bare correction (the last one). */
  trail: z.array(z.string()),
  /** The numbered options last shown; a number picks one, a plain yes the one marked `yes`. */
  options: z.array(OptionSchema),
  /** Answers at the current question the bot could not take, in a row. */
  misses: z.number().int().nonnegative(),
  pending: PendingSchema.nullable(),
  /** Where `confirm`, `human` or `offer` returns to. */
  back: z.enum(['ask', 'review', 'edit', 'idle']),
  /** The service offered after an answer (`offer` mode). */
  offer: z.string().nullable(),
  /**
   * The case the offer is for (legal aid offered after a household report):
   * 好的 books help for that case, linked to it (flows/legal-aid-desk.ts).
   */
  offerCase: z.string().nullable().default(null),
  /**
   * What the question that led to the offer said for the offered flow
   * (`手被机器压伤了，能找律师吗`: the matter is an injury): it opens with
   * these, confirmed after the consent like a first message's.
   */
  offerFacts: z.object({ facts: AnswersSchema, given: AnswersSchema }).nullable().default(null),
  /**
   * The knowledge base's entry whose answer made the offer (`入会要钱吗`: union-dues), so a follow-up about it
   * (`要交多少`) is answered again with the offer still standing.
   */
  offerTopic: z.string().nullable().default(null),
  /** Another service asked for in the message that began this flow (`…另外我还想入工会`): offered once it is submitted. */
  also: z.string().nullable().default(null),
  /** What that message told for `also` (`11月20号摔伤了`: the injury and its day): it opens with these when offered and taken. */
  alsoFacts: AnswersSchema.nullable().default(null),
  draft: DraftSchema.nullable(),
  /**
   * Facts said before their question could come (`在河西那边的厂里上班`: the
   * unit's town, before the unit is named): when the question comes, the
   * fact is confirmed instead of the question asked. Values of the typed
   * fields only, never a phone or an ID number (flows/nlu/understand.ts
   * `mayWait`); they go with the flow.
   */
  later: AnswersSchema.default({}),
  /**
   * Values read from the person's words that were set aside unconfirmed (went on twice instead of
   * 对 or 不对, engine.ts `setPendingAside`): when their question is asked, the value is offered as its
   * option (a plain 对 picks it), so nothing they said is lost; offered once, then gone.
   */
  offered: AnswersSchema.default({}),
  /** The question asked again by 返回, its answer shown (「之前填的是：…」): a plain 对 there keeps that answer. */
  backAt: z.string().nullable().default(null),
  /**
   * The field the person answered or changed last (`改 2` then 河西街道; `单位名字写错了 是…`): a bare 不对 right
   * after means it, not the last of `trail` (a changed answer keeps its place there, for 返回).
   */
  lastSet: z.string().nullable().default(null),
  /**
   * The question's own answer to what was asked at it (Field.asked: `身份证丢了` at the ID question), as
   * `fieldId:text`: asked again at the same question, it is not said word for word again.
   */
  aside: z.string().optional(),
  /**
   * The consent question whose whole text was shown last, and how often in a row (`idConsent:1`, `idConsent:2`):
   * asked again while the person goes on telling other things (a name, the workplace), its short form after the
   * second time, never the same long text again and again.
   */
  consentShown: z.string().optional(),
  /**
   * A voice message nobody could read went to staff as this help request
   * (case id), and the person was asked once, at `askedAt`, for a phone
   * number: the next message answers it (flows/service.ts), whatever the
   * flow is doing.
   */
  voice: z.object({ caseId: z.string(), askedAt: z.string() }).nullable().default(null),
  /**
   * `补充 QX…`: files sent from now on (while no flow is under way, within
   * the idle time since `at`) are added to this case of the person's
   * (flows/evidence-desk.ts). Needed only when more than one is open.
   */
  attachTo: z.object({ caseNo: z.string(), at: z.string() }).nullable().default(null),
  /**
   * A message for the case worker waiting for the person's yes
   * (flows/case-desk.ts «把这条消息转给负责您案件的工作人员吗？»): its words
   * (sealed with the session, a phone in them too), what it is about, the
   * open cases it may go to (one, or the person picks), since `at`. Empty
   * words: the person said `我想补充一下` and the next message is the note. `phone`: the person's new number said with
   * the words (`老板跑了 而且我电话也换了 139…`), passed on as a phone note of its own on the same yes.
   */
  caseNote: z
    .object({ text: z.string(), kind: z.string(), caseNos: z.array(z.string()), at: z.string(), phone: z.string().optional() })
    .nullable()
    .default(null),
  /**
   * The flow last submitted, and when: `确认` said again right after is told it was submitted
   * (never 没太明白). Kept when the flow is cleared; cleared when another flow starts.
   */
  submitted: z.object({ flowId: z.string(), at: z.string() }).nullable().default(null),
  /**
   * A consent just refused (`不同意`), with the consents given before it: 同意 said right after
   * (`算了还是同意吧`, `好吧同意`) opens the flow again with that consent given (engine.ts `reopenRefused`).
   * Kept for the next message only.
   */
  refused: z.object({ flowId: z.string(), fieldId: z.string(), answers: AnswersSchema, at: z.string() }).nullable().default(null),
  /**
   * Where the person works, said in a message at the menu that told nothing else (`我在河西街道干活`, `我在合西街道干活`
   * read as 河西街道), and when: a wage report begun from the menu within the idle time opens with it, confirmed
   * after its consent like a first message's facts (never kept unconfirmed). Gone once any flow begins. Set (its facts
   * perhaps empty) by any such message: one more right after is answered the short way.
   */
  toldAtMenu: z.object({ facts: AnswersSchema, at: z.string() }).nullable().default(null),
  /**
   * A "did you mean" refused (`不是` to 「您是说「石岭镇」吗？」), as `fieldId:value`: the same near miss typed again
   * at that question is not offered again (engine.ts atField). Gone with the flow.
   */
  nearRefused: z.string().nullable().default(null),
  /**
   * What waited at a 「…对吗？」 set aside after the third answer that was neither (said 先不记): a plain `对` as the next
   * message is the yes that came late, and keeps it (it was read as the question's answer, 「没看明白…」). One message only.
   */
  setAside: AnswersSchema.nullable().default(null),
  updatedAt: z.string(),
});

export type Session = z.infer<typeof SessionSchema>;
export type Draft = z.infer<typeof DraftSchema>;
export type Pending = z.infer<typeof PendingSchema>;

/** A session with no flow under way (what leaving a flow resets). */
export const NO_FLOW = {
  flowId: null,
  flowVersion: 0,
  runId: '',
  fieldId: null,
  mode: 'idle',
  answers: {},
  trail: [],
  options: [],
  misses: 0,
  pending: null,
  back: 'idle',
  offer: null,
  offerCase: null,
  offerFacts: null,
  offerTopic: null,
  later: {},
  offered: {},
  backAt: null,
  lastSet: null,
  nearRefused: null,
  setAside: null,
} as const satisfies Partial<Session>;

export function newSession(userKey: string, now: Date): Session {
  return { userKey, version: 0, ...NO_FLOW, answers: {}, trail: [], options: [], later: {}, offered: {}, also: null, alsoFacts: null, draft: null, voice: null, attachTo: null, caseNote: null, submitted: null, refused: null, toldAtMenu: null, updatedAt: now.toISOString() };
}
