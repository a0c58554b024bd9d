import { z } from 'zod';
import type { Clock } from '../infra/clock.js';
import type { Keys } from '../infra/keys.js';
import { compactDay } from '../infra/time.js';
import type { Redis } from '../infra/redis.js';

export const CASE_KINDS = ['wage_arrears', 'legal_aid', 'membership', 'enquiry'] as const;
/**
 * submitted (waiting for routing) → assigned (waiting for accept) → accepted
 * → referred (with the procuratorate) → resolved → closed. See
 * `core/cases/state.ts` for the allowed moves.
 */
export const CASE_STATUSES = ['submitted', 'assigned', 'accepted', 'referred', 'resolved', 'closed'] as const;

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

export const HistoryEntrySchema = z.object({
  at: z.string(),
  status: z.enum(CASE_STATUSES),
  /** Chinese, shown to the reporter in 进度; no personal numbers. */
  note: z.string(),
});

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
    /** AES-256-GCM sealed; see core/infra/privacy.ts. */
    phoneSealed: z.string().nullable(),
    phoneHash: z.string().nullable(),
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
  history: z.array(HistoryEntrySchema),
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

/** Case-number prefix per kind: QX… for cases, as in DESIGN §5. */
export function caseDay(now: Date): string {
  return compactDay(now);
}

const CASE_NO_PLACEHOLDER = '__CASE_NO__';

/**
 * Creates the case, its number, its index entries and its first audit entry
 * in one atomic step; returns the existing case when the id is already taken,
 * so a retried submission never makes a second case.
 */
const CREATE_CASE = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
local seq = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], 172800)
local caseNo = ARGV[1] .. string.format('%04d', seq)
-- Only the caseNo field: quotes inside user text are escaped in JSON, so it cannot match there.
local json = string.gsub(ARGV[2], '"caseNo":"${CASE_NO_PLACEHOLDER}"', '"caseNo":"' .. caseNo .. '"', 1)
redis.call('SET', KEYS[1], json)
redis.call('SET', ARGV[4] .. caseNo, ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3])
redis.call('XADD', KEYS[4], '*', 'at', ARGV[6], 'actor', ARGV[7], 'action', 'created', 'detail', caseNo)
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[3])
redis.call('ZADD', KEYS[6], ARGV[5], ARGV[3])
return {1, json}
`;

/** Compare-and-set of the whole record, with an audit entry in the same step. */
const UPDATE_CASE = `
local cur = redis.call('GET', KEYS[1])
if cur ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('XADD', KEYS[2], '*', 'at', ARGV[3], 'actor', ARGV[4], 'action', ARGV[5], 'detail', ARGV[6])
return 1
`;

export interface CaseStoreDeps {
  redis: Redis;
  keys: Keys;
  clock: Clock;
  caseNoPrefix: string;
}

export function createCaseStore({ redis, keys, clock, caseNoPrefix }: CaseStoreDeps) {
  async function create(input: NewCase, actor: string, note: string): Promise<{ created: boolean; record: Case }> {
    const now = new Date(input.createdAt);
    const record: Case = CaseSchema.parse({
      ...input,
      caseNo: CASE_NO_PLACEHOLDER,
      status: 'submitted',
      assignee: null,
      copied: [],
      history: [{ at: input.createdAt, status: 'submitted', note }],
    });
    const day = caseDay(now);
    const res = (await redis.eval(CREATE_CASE, {
      keys: [keys.case(input.id), keys.caseSeq(day), keys.userCases(input.reporter.userKey), keys.caseAudit(input.id), keys.allCases(), keys.unassigned()],
      arguments: [
        `${caseNoPrefix}${day}-`,
        JSON.stringify(CaseSchema.parse(record)),
        input.id,
        `${keys.caseNo('')}`,
        String(now.getTime()),
        input.createdAt,
        actor,
      ],
    })) as [number, string];
    return { created: res[0] === 1, record: CaseSchema.parse(JSON.parse(res[1])) };
  }

  async function get(id: string): Promise<Case | null> {
    const raw = await redis.get(keys.case(id));
    return raw ? CaseSchema.parse(JSON.parse(raw)) : null;
  }

  async function getByNo(caseNo: string): Promise<Case | null> {
    if (!/^[A-Z]{2}\d{8}-\d{4,}$/.test(caseNo)) return null;
    const id = await redis.get(keys.caseNo(caseNo));
    return id ? get(id) : null;
  }

  /**
   * Changes a case with optimistic concurrency: `change` returns the new
   * record (or null for no change) and an audit line; on a concurrent write
   * it runs again on the fresh record.
   */
  async function update(
    id: string,
    actor: string,
    change: (c: Case) => { record: Case; action: string; detail: string } | null,
  ): Promise<Case> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const raw = await redis.get(keys.case(id));
      if (!raw) throw new Error(`case ${id} not found`);
      const cur = CaseSchema.parse(JSON.parse(raw));
      const next = change(cur);
      if (!next) return cur;
      const json = JSON.stringify(CaseSchema.parse(next.record));
      const ok = await redis.eval(UPDATE_CASE, {
        keys: [keys.case(id), keys.caseAudit(id)],
        arguments: [raw, json, clock.now().toISOString(), actor, next.action, next.detail],
      });
      if (ok === 1) return next.record;
    }
    throw new Error(`case ${id}: too many concurrent updates`);
  }

  async function listByUser(userKey: string, limit = 20): Promise<Case[]> {
    const ids = await redis.zRange(keys.userCases(userKey), 0, limit - 1, { REV: true });
    const out: Case[] = [];
    for (const id of ids) {
      const c = await get(id);
      if (c) out.push(c);
    }
    return out;
  }

  async function listByStaff(staffId: string): Promise<Case[]> {
    const ids = await redis.zRange(keys.staffCases(staffId), 0, -1, { REV: true });
    const out: Case[] = [];
    for (const id of ids) {
      const c = await get(id);
      if (c) out.push(c);
    }
    return out;
  }

  async function audit(id: string): Promise<{ at: string; actor: string; action: string; detail: string }[]> {
    const entries = await redis.xRange(keys.caseAudit(id), '-', '+');
    return (entries ?? []).map((e) => ({
      at: e.message.at ?? '',
      actor: e.message.actor ?? '',
      action: e.message.action ?? '',
      detail: e.message.detail ?? '',
    }));
  }

  return { create, get, getByNo, update, listByUser, listByStaff, audit };
}

export type CaseStore = ReturnType<typeof createCaseStore>;
