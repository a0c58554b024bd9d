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
  headcount: z.object({ count: z.number(), approximate: z.boolean() }),
  stillEmployed: z.boolean(),
  leftSince: z.string().nullable(),
  nearArbitrationLimit: z.boolean(),
});

const EnquiryDetailsSchema = z.object({
  /** Which flow and question the person was on when they asked for a person. */
  fromFlow: z.string().nullable(),
  fromStep: z.string().nullable(),
  /** The problem in the person's own words (personal numbers masked). */
  question: z.string().nullable().default(null),
});

/** Lines shown to the reporter in 进度. */
export const HistorySchema = historySchema(CASE_STATUSES);

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
    .object({ staffId: z.string(), level: z.enum(['grid', 'township', 'district']), assignedAt: z.string() })
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
  resolveBy: z.string().nullable().default(null),
  acceptedAt: z.string().nullable().default(null),
  /** Deadlines that passed (for the admin figures). */
  missed: z.array(z.enum(['accept', 'resolve', 'referral'])).default([]),
  notes: z.array(z.object({ at: z.string(), staffId: z.string(), text: z.string() })).default([]),
  /** What staff wrote to the reporter (回复 QX… 内容), in order. */
  replies: z.array(z.object({ at: z.string(), staffId: z.string(), text: z.string() })).default([]),
  outcome: z
    .object({ at: z.string(), recovered: z.number().nullable(), reason: z.string().nullable(), by: z.string() })
    .nullable()
    .default(null),
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
  /** Supported-prosecution (支持起诉) cases made from a legal-aid booking: the booking and the wage case it is about. */
  legalAid: z.object({ bookingId: z.string(), bookingNo: z.string(), linkedCaseId: z.string().nullable() }).optional(),
});

export type Case = z.infer<typeof CaseSchema>;
export type CaseKind = Case['kind'];
export type NewCase = Omit<
  Case,
  | 'caseNo' | 'history' | 'status' | 'assignee' | 'copied' | 'assignmentSeq' | 'lapsed' | 'lapses' | 'acceptBy' | 'resolveBy'
  | 'acceptedAt' | 'missed' | 'notes' | 'replies' | 'outcome' | 'referral' | 'groupId' | 'satisfaction' | 'ratings' | 'deliveryFailures'
>;
