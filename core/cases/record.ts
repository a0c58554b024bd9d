import { z } from 'zod';
import { SealedPhoneFields } from '../infra/privacy.js';
import { historySchema } from '../infra/states.js';
import { CASE_STATUSES } from './state.js';

/**
 * A case as stored (one JSON record, core/infra/records.ts): what was
 * reported, where, by whom (phone sealed), who has it, its time limits and
 * its history. Statuses and their moves are in state.ts.
 */

/** A wage report, a 支持起诉 case made from a legal-aid consultation, a 人工 request. */
export const CASE_KINDS = ['wage_arrears', 'legal_aid', 'enquiry'] as const;

const FileRefSchema = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number() });

const WageDetailsSchema = z.object({
  employer: z.string(),
  construction: z.boolean(),
  project: z.string().nullable(),
  period: z.object({ start: z.string(), end: z.string().nullable(), months: z.number() }),
  amount: z.number(),
  /** The amount was said as "about" (二十来万) or as a range up to `amountUpTo` (两三万). */
  amountApprox: z.boolean().default(false),
  amountUpTo: z.number().nullable().default(null),
  /** The whole group's unpaid total, when the reporter said it. */
  groupAmount: z.number().nullable().default(null),
  /** How many are owed, as said: around `count` (`about`), `count` to `upTo`, or more than `count` (approximate alone). */
  headcount: z.object({ count: z.number(), approximate: z.boolean(), about: z.literal(true).optional(), upTo: z.number().optional() }),
  stillEmployed: z.boolean(),
  leftSince: z.string().nullable(),
  nearArbitrationLimit: z.boolean(),
  /**
   * Who employs the worker: a unit, or a family or private person (a nanny,
   * a carer, private renovation), which is usually a civil matter. Absent: a unit.
   */
  employerKind: z.enum(['organisation', 'household']).optional(),
  /** What the national wage-arrears clue platform asks besides; null = not known. */
  employerAddress: z.string().nullable().optional(),
  projectAddress: z.string().nullable().optional(),
  generalContractor: z.string().nullable().optional(),
  subcontractor: z.string().nullable().optional(),
  /** 包工头 or 班组长. */
  labourContractor: z.string().nullable().optional(),
  /** 工种. */
  trade: z.string().nullable().optional(),
  /** `YYYY-MM`: when the work started (asked for long arrears periods). */
  workStart: z.string().nullable().optional(),
  groupAmountApprox: z.boolean().optional(),
  groupAmountUpTo: z.number().nullable().optional(),
  /** A group's roster: people typed in the chat (phones sealed), and its photos or spreadsheets (also in `evidence`). */
  roster: z
    .object({
      entries: z.array(z.object({ name: z.string(), amount: z.number().nullable(), amountApprox: z.boolean(), amountUpTo: z.number().nullable(), phoneSealed: z.string().nullable() })),
      files: z.array(z.object({ id: z.string(), name: z.string() })),
    })
    .nullable()
    .optional(),
  /** What happened, in the reporter's words (personal numbers masked). */
  account: z.string().nullable().optional(),
  /** Evidence the reporter has but did not send, in their words (`有欠条 但在老乡手机里`; numbers masked). */
  evidenceHeld: z.string().nullable().optional(),
  /**
   * Reported on behalf of the worker owed (a relative, a 老乡): the relation as said (爸, 老乡; null: not said) and
   * the worker's name (personal data like the reporter's name: null once 删除我的信息). The reporter stays the contact.
   */
  onBehalf: z.object({ relation: z.string().nullable(), workerName: z.string().nullable() }).nullable().optional(),
});

const EnquiryDetailsSchema = z.object({
  /** Which flow and question the person was on when they asked for a person. */
  fromFlow: z.string().nullable(),
  fromStep: z.string().nullable(),
  /** The problem in the person's own words (personal numbers masked). */
  question: z.string().nullable().default(null),
});

/**
 * Where an unrecovered case goes next (every close has one): handed to
 * another authority with a date the union follows up by, arbitration or
 * court with a legal-aid booking offered, or the procuratorate's result.
 */
export const TRANSFER_AGENCIES = ['labour_inspection', 'housing_construction', 'other'] as const;
export const NextStepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('transfer'),
    /** 人社（劳动保障监察）, 住建, or another unit. */
    agency: z.enum(TRANSFER_AGENCIES),
    /** The receiving unit as named by staff, e.g. 青溪区劳动保障监察大队. */
    unit: z.string(),
    /** `YYYY-MM-DD`: when the union checks back with the unit. */
    followUpOn: z.string(),
  }),
  z.object({ kind: z.literal('arbitration') }),
  z.object({ kind: z.literal('court') }),
  z.object({ kind: z.literal('procuratorate'), outcome: z.string() }),
]);
export type NextStep = z.infer<typeof NextStepSchema>;

/** What a close records: money recovered (all of it or not), or why not, and the next step. */
const CloseOutcomeFields = {
  recovered: z.number().nullable(),
  reason: z.string().nullable(),
  /** All the claimed wages were paid: nothing more is offered (no lawyer). */
  full: z.boolean().default(false),
  nextStep: NextStepSchema.nullable().default(null),
  /**
   * The reporter withdrew (`withdrawn`), or settled with the employer
   * themselves (`settled`, with the amount when they said it): no money
   * counted as recovered, no next step.
   */
  end: z.object({ kind: z.enum(['withdrawn', 'settled']), amount: z.number().nullable() }).nullable().optional(),
};

/** Lines shown to the reporter in 进度. */
export const HistorySchema = historySchema(CASE_STATUSES);

/**
 * What a reporter's message to their case worker is about (notes.ts): a
 * correction or addition, money paid (all or part), a wish to withdraw,
 * retaliation, a boss gone, a new phone, violence, something else;
 * `complaint` is about the staff themselves (it goes to the township's
 * supervisor, never to the assignee); `safety` (self-harm) and `threat`
 * (the worker threatening to hurt someone) are alerts the chat raised
 * itself (flows/safety.ts).
 */
export const REPORTER_NOTE_KINDS = ['correction', 'paid', 'partly_paid', 'withdraw', 'retaliation', 'absconded', 'phone', 'violence', 'safety', 'threat', 'complaint', 'other'] as const;
export type ReporterNoteKind = (typeof REPORTER_NOTE_KINDS)[number];

/** A message the reporter left for the case worker after submitting (confirmed by them first), or a safety alert. */
export const ReporterNoteSchema = z.object({
  at: z.string(),
  kind: z.enum(REPORTER_NOTE_KINDS),
  /** The reporter's words, personal numbers masked (`138****2222`): what every staff view shows. */
  text: z.string(),
  /** Mobile numbers the words held, sealed: shown whole only to the assignee. */
  phonesSealed: z.array(z.string()).default([]),
  /** Retaliation, violence, a safety alert: the assignee reads it first. */
  urgent: z.boolean().default(false),
  /** Its line in `history` (the reporter's 进度), blanked with the words on 删除我的信息. */
  hist: z.number().int(),
});
export type ReporterNote = z.infer<typeof ReporterNoteSchema>;

export const CaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(['normal', 'high', 'urgent']),
  createdAt: z.string(),
  reporter: z.object({
    userKey: z.string(),
    name: z.string().nullable(),
    ...SealedPhoneFields,
  }),
  location: z.object({
    districtId: z.string(),
    townshipId: z.string().nullable(),
    gridId: z.string().nullable(),
    community: z.string().nullable(),
  }),
  wage: WageDetailsSchema.nullable(),
  enquiry: EnquiryDetailsSchema.nullable(),
  evidence: z.array(FileRefSchema),
  assignee: z
    .object({
      staffId: z.string(),
      level: z.enum(['grid', 'township', 'district']),
      assignedAt: z.string(),
      /** Given to the person on call (值班) outside working hours. */
      onCall: z.boolean().optional(),
    })
    .nullable(),
  /** Supervisors copied (group cases). */
  copied: z.array(z.string()),
  history: HistorySchema,
  /** Bumped at every (re)assignment; deadline jobs carry it so stale ones do nothing. */
  assignmentSeq: z.number().int().default(0),
  /** Staff who declined or let the accept deadline pass: never routed this case again. */
  lapsed: z.array(z.string()).default([]),
  /** How many accept deadlines passed; two send it up to the township supervisor. */
  lapses: z.number().int().default(0),
  acceptBy: z.string().nullable().default(null),
  /** When the accept clock started: the next working moment for an urgent or group case assigned outside working hours. */
  acceptFrom: z.string().nullable().default(null),
  resolveBy: z.string().nullable().default(null),
  acceptedAt: z.string().nullable().default(null),
  /** Deadlines that passed (for the admin figures). */
  missed: z.array(z.enum(['accept', 'resolve', 'referral'])).default([]),
  notes: z.array(z.object({ at: z.string(), staffId: z.string(), text: z.string() })).default([]),
  /** What the reporter asked to pass on to the case worker after submitting, in order (notes.ts). */
  reporterNotes: z.array(ReporterNoteSchema).default([]),
  /** What staff wrote to the reporter (回复 QX… 内容), in order. */
  replies: z.array(z.object({ at: z.string(), staffId: z.string(), text: z.string() })).default([]),
  outcome: z
    .object({ at: z.string(), by: z.string(), ...CloseOutcomeFields })
    .nullable()
    .default(null),
  /** A close waiting for the supervisor's approval (group and construction cases): status `closing`. */
  closeRequest: z
    .object({ at: z.string(), by: z.string(), approverId: z.string(), ...CloseOutcomeFields })
    .nullable()
    .default(null),
  /** The supervisor's decisions on closes, oldest first (同意 / 退回 with the reason). */
  closeReviews: z.array(z.object({ at: z.string(), by: z.string(), approved: z.boolean(), reason: z.string().nullable() })).default([]),
  /** After a 追回 close: the reporter is asked whether the money arrived (收到了 / 没收到). */
  receipt: z
    .object({
      askedAt: z.string(),
      answer: z.enum(['received', 'not_received']).nullable(),
      answeredAt: z.string().nullable(),
      /** With 没收到: only part of it arrived, as the reporter said and confirmed (`只收到3000`): what of the sum recovered. */
      part: z.object({ received: z.number(), recovered: z.number() }).optional(),
    })
    .nullable()
    .default(null),
  /** Extensions of the resolve limit (延期), each with its reason; capped in total (deadlines.ts). */
  extensions: z
    .array(z.object({ at: z.string(), by: z.string(), days: z.number().int(), reason: z.string(), from: z.string(), to: z.string() }))
    .default([]),
  /** Bumped whenever the resolve limit moves (延期, a returned close, 没收到): its jobs carry it, so earlier ones do nothing. */
  deadlineRound: z.number().int().default(0),
  referral: z
    .object({
      liaisonId: z.string(),
      by: z.string(),
      reason: z.string(),
      at: z.string(),
      decideBy: z.string(),
      status: z.enum(['pending', 'accepted', 'declined', 'done']),
      declineReason: z.string().nullable(),
      outcome: z.string().nullable(),
    })
    .nullable()
    .default(null),
  /** Reports against one employer within 30 days share a group id. */
  groupId: z.string().nullable().default(null),
  /** The answer to the latest satisfaction question; cleared when 不满意 reopens the case, so it is asked again. */
  satisfaction: z.enum(['satisfied', 'basically', 'unsatisfied']).nullable().default(null),
  /** Every answer given, oldest first (the figures use the last). */
  ratings: z.array(z.enum(['satisfied', 'basically', 'unsatisfied'])).default([]),
  /** Notices that could not be delivered after every retry, kept visible to staff. */
  deliveryFailures: z.array(z.object({ at: z.string(), job: z.string(), reason: z.string() })).default([]),
  /**
   * Which of the indexes derived from the record (core/cases/indexes.ts)
   * are kept with its writes: 1 the lists, the ended index and the figures;
   * 2 also the count of its evidence files (`evidence-held`). Absent on a
   * case written before any existed; the indexing pass (store.ts
   * `indexOlder`) brings every older case to 2.
   */
  ix: z.union([z.literal(1), z.literal(2)]).optional(),
  /** Supported-prosecution (支持起诉) cases made from a legal-aid booking: the booking and the wage case it is about. */
  legalAid: z.object({ bookingId: z.string(), bookingNo: z.string(), linkedCaseId: z.string().nullable() }).optional(),
});

export type Case = z.infer<typeof CaseSchema>;
export type CaseKind = Case['kind'];
export type NewCase = Omit<
  Case,
  | 'caseNo' | 'history' | 'status' | 'assignee' | 'copied' | 'assignmentSeq' | 'lapsed' | 'lapses' | 'acceptBy' | 'resolveBy'
  | 'acceptedAt' | 'missed' | 'notes' | 'replies' | 'outcome' | 'referral' | 'groupId' | 'satisfaction' | 'ratings' | 'deliveryFailures'
  | 'acceptFrom' | 'closeRequest' | 'closeReviews' | 'receipt' | 'extensions' | 'deadlineRound' | 'ix' | 'reporterNotes'
>;
export type CloseOutcome = Pick<NonNullable<Case['outcome']>, 'recovered' | 'reason' | 'full' | 'nextStep' | 'end'>;

/**
 * A headcount in words, as the person said it: 8人, 20多人 (二十多个),
 * 约50人 (大概五十, 将近五十, 十来个), 5至6人 (五六个). `unit` replaces 人
 * (`个人` inside a sentence).
 */
export function headcountText(h: { count: number; approximate: boolean; about?: true; upTo?: number }, unit = '人'): string {
  if (h.upTo !== undefined) return `${h.count}至${h.upTo}${unit}`;
  if (h.about) return `约${h.count}${unit}`;
  return `${h.count}${h.approximate ? '多' : ''}${unit}`;
}
