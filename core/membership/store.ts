import { z } from 'zod';
import type { Clock } from '../infra/clock.js';
import type { Core } from '../context.js';
import { chinaDay, compactDay } from '../infra/time.js';
import type { Redis } from '../infra/redis.js';
import { createRecordStore, type IndexOp } from '../infra/records.js';
import { membershipKeys, type MembershipKeys } from './keys.js';
import { SealedPhoneFields } from '../infra/privacy.js';
import { historySchema } from '../infra/states.js';
import { MEMBERSHIP_STATUSES } from './state.js';

/**
 * Membership applications and members (会员). One record goes from
 * application (`pending`) to member (`approved`, with a member number) or
 * `rejected`; a rejected applicant submits a new application. `erased` is
 * what is left after 删除我的信息: numbers, union and history, no personal
 * data. Every change is a compare-and-set with an entry in the record's
 * append-only audit stream, like cases (core/cases/store.ts).
 *
 * The ID number and phone are sealed (AES-256-GCM) with keyed hashes for
 * look-ups (core/infra/privacy.ts); nothing here logs them, and job data carries
 * the record id only.
 */

export { MEMBERSHIP_STATUSES, type MembershipStatus } from './state.js';

/** New-employment-form occupations (新就业形态) offered as choices. */
export const OCCUPATIONS = ['truck_driver', 'courier', 'food_delivery', 'ride_hailing', 'domestic', 'streamer', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/**
 * How a rider or courier takes orders from their platform: 专送 (`dedicated`:
 * a station or delivery company manages them, with shifts) or 众包 (`crowd`:
 * they grab orders in the app when they like). It changes who the employer
 * may be, so the reviewer sees it.
 */
export const RIDER_TYPES = ['dedicated', 'crowd'] as const;
export type RiderType = (typeof RIDER_TYPES)[number];
/** Occupations asked 专送 or 众包 (when they work through a platform). */
export const RIDER_OCCUPATIONS: readonly Occupation[] = ['food_delivery', 'courier'];

export const EmploymentSchema = z.discriminatedUnion('kind', [
  z.object({
    /** An employee of a unit (单位职工). */
    kind: z.literal('employee'),
    employer: z.string(),
    /** Set when the directory knows the employer. */
    employerId: z.string().nullable(),
    /** Where the unit is, when the directory does not know it (its township union then reviews). */
    workplace: z.object({ districtId: z.string(), townshipId: z.string() }).nullable(),
  }),
  z.object({
    /** New employment form (新就业形态劳动者): platform and gig work. */
    kind: z.literal('new_form'),
    occupation: z.enum(OCCUPATIONS),
    /** What they do, in their words, for `other`. */
    occupationText: z.string().nullable(),
    /** 美团, 顺丰, 满帮, 滴滴… or null. */
    platform: z.string().nullable(),
    /** Riders and couriers on a platform: 专送 or 众包; null when not asked or not known (records before it was asked). */
    riderType: z.enum(RIDER_TYPES).nullable().default(null),
  }),
]);
export type Employment = z.infer<typeof EmploymentSchema>;

export const PlaceSchema = z.object({
  /** 户籍地 (`hukou`) or 常住地 (`residence`). */
  kind: z.enum(['hukou', 'residence']),
  districtId: z.string(),
  townshipId: z.string(),
});
export type Place = z.infer<typeof PlaceSchema>;

/** Lines shown to the applicant. */
export const MembershipHistorySchema = historySchema(MEMBERSHIP_STATUSES);

export const MembershipSchema = z.object({
  /** 1: counted in the dashboard's counters (`stats`); absent on a record written before them, until the counting pass. */
  ix: z.literal(1).optional(),
  id: z.string(),
  /** Application number, `RH20261121-0001`. */
  appNo: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  createdAt: z.string(),
  /** The chat the application came from (the card goes back there); '' once erased. */
  userKey: z.string(),
  applicant: z.object({
    /** As on the ID card. */
    name: z.string().nullable(),
    idSealed: z.string().nullable(),
    idHash: z.string().nullable(),
    ...SealedPhoneFields,
  }),
  employment: EmploymentSchema.nullable(),
  place: PlaceSchema.nullable(),
  /** The union that reviews the application and that the member belongs to (name kept as when chosen). */
  union: z.object({ id: z.string(), name: z.string(), districtId: z.string() }),
  /** Who must decide, by when; `seq` counts assignments (1 = first). */
  reviewer: z
    .object({ staffId: z.string(), assignedAt: z.string(), deadline: z.string(), seq: z.number().int(), escalated: z.boolean() })
    .nullable(),
  /** Reviewers who let the deadline pass (not asked again). */
  lapsed: z.array(z.string()),
  /** Member numbers of other members who gave the same phone: flagged to the reviewer, never merged. */
  phoneSharedWith: z.array(z.string()),
  decision: z.object({ at: z.string(), by: z.string(), reason: z.string().nullable() }).nullable(),
  /** Unique serial per union, e.g. `TU-T01-000001`; set on approval. */
  memberNo: z.string().nullable(),
  joinedAt: z.string().nullable(),
  /** The rejected application this one corrects. */
  previousAppNo: z.string().nullable(),
  /**
   * When the applicant confirmed the voluntary-joining declaration (承认《中国工会章程》,
   * 自愿加入工会, 履行会员义务); null on records from before it was asked.
   */
  declaredAt: z.string().nullable().default(null),
  history: MembershipHistorySchema,
});

export type Membership = z.infer<typeof MembershipSchema>;
export type NewMembership = Omit<
  Membership,
  'appNo' | 'status' | 'reviewer' | 'lapsed' | 'decision' | 'memberNo' | 'joinedAt' | 'history' | 'ix'
>;

/**
 * The dashboard's counter changes a write makes: `YYYY-MM|status` of the
 * month applied. A record written before the counters (no `ix`) is
 * counted whole at its first write.
 */
function statOps(keys: MembershipKeys, written: Membership | null, after: Membership): IndexOp[] {
  const field = (m: Membership) => `${chinaDay(new Date(m.createdAt)).slice(0, 7)}|${m.status}`;
  const before = written?.ix ? written : null;
  if (before && field(before) === field(after)) return [];
  return [
    ...(before ? [{ op: 'hincrby' as const, key: keys.stats(), field: field(before), by: -1 }] : []),
    { op: 'hincrby' as const, key: keys.stats(), field: field(after), by: 1 },
  ];
}

/** A change to an application: the new record, its audit line, and the indexes that change with it. */
export interface Change {
  record: Membership;
  action: string;
  /** Audit detail: ids and numbers of records only, never personal data. */
  detail: string;
  ops?: IndexOp[];
  /**
   * Gives the record the next member number of its union: wherever the
   * record or the detail holds the `memberNo` passed to the change, the
   * number stands.
   */
  assignMemberNo?: boolean;
}

export type CreateResult =
  | { result: 'created' | 'existing'; record: Membership }
  /** The same ID number already has a pending application or is a member. */
  | { result: 'duplicate'; record: Membership };

/** `tu-t01` → `TU-T01-` */
export function memberNoPrefix(unionId: string): string {
  return `${unionId.toUpperCase()}-`;
}

/**
 * Applications on the shared record store (core/infra/records.ts): created
 * with their number, the person's index and the ID-number index in one
 * step, refused while the ID number has a pending or approved record;
 * changed by compare-and-set with their index changes and, on approval,
 * the union's next member number.
 */
export function createMemberStore(redis: Redis, keys: MembershipKeys, clock: Clock) {
  const records = createRecordStore<Membership>(redis, clock, { name: 'membership', schema: MembershipSchema, key: keys.record, audit: keys.audit, numbers: keys.numbers() });

  /** Creates an application with its indexes and `more` (e.g. a timer), in one step. */
  async function create(input: NewMembership, actor: string, note: string, more: IndexOp[] = []): Promise<CreateResult> {
    const day = compactDay(new Date(input.createdAt));
    const idHash = input.applicant.idHash;
    const res = await records.create(input.id, actor, (appNo) => ({
      record: {
        ix: 1,
        ...input,
        appNo,
        status: 'pending',
        reviewer: null,
        lapsed: [],
        decision: null,
        memberNo: null,
        joinedAt: null,
        history: [{ at: input.createdAt, status: 'pending', note }],
      },
      action: 'created',
      detail: appNo,
      number: { seq: keys.daySeq(day), prefix: `RH${day}-`, width: 4, seqTtlSeconds: 2 * 86400, index: keys.numbers() },
      guards: idHash ? [{ kind: 'absent', key: keys.byId(idHash) }] : [],
      ops: [
        { op: 'zadd', key: keys.byUser(input.userKey), score: Date.parse(input.createdAt), member: input.id },
        ...(idHash ? [{ op: 'set' as const, key: keys.byId(idHash), value: input.id }] : []),
        { op: 'hincrby', key: keys.stats(), field: `${chinaDay(new Date(input.createdAt)).slice(0, 7)}|pending`, by: 1 },
        ...more,
      ],
    }));
    if (res.result !== 'refused') return res;
    // The ID number's current record: the person applied before, or is a member.
    const other = await records.get(res.found);
    if (!other) throw new Error(`membership index of an ID number points at a missing record ${res.found}`);
    return { result: 'duplicate', record: other };
  }

  async function getByNo(appNo: string): Promise<Membership | null> {
    return /^RH\d{8}-\d{4,}$/.test(appNo) ? records.byNumber(appNo) : null;
  }

  /** The pending or approved record of an ID number (keyed hash), if any. */
  async function byIdHash(idHash: string): Promise<Membership | null> {
    const id = await redis.get(keys.byId(idHash));
    const rec = id ? await records.get(id) : null;
    return rec && (rec.status === 'pending' || rec.status === 'approved') ? rec : null;
  }

  /** Approved members who gave this phone (keyed hash). */
  async function membersWithPhone(phoneHash: string): Promise<Membership[]> {
    return (await records.getMany(await redis.sMembers(keys.byPhone(phoneHash)))).filter((r) => r.status === 'approved');
  }

  /**
   * Changes a record with optimistic concurrency: `change` returns the new
   * record (or null for no change; it may throw to refuse); on a concurrent
   * write it runs again on the fresh record.
   */
  async function update(id: string, actor: string, change: (m: Membership, memberNo: string) => Change | null): Promise<Membership> {
    const res = await records.update(id, actor, (cur, memberNo) => {
      const next = change(cur, memberNo);
      if (!next) return null;
      const u = next.record.union.id;
      const record: Membership = { ...next.record, ix: 1 };
      return {
        ...next,
        record,
        ops: [...(next.ops ?? []), ...statOps(keys, cur, record)],
        number: next.assignMemberNo ? { seq: keys.unionSeq(u), prefix: memberNoPrefix(u), width: 6, seqTtlSeconds: 0 } : undefined,
      };
    });
    return res.record;
  }

  /** The person's records, newest first (application numbers break ties within a second). */
  async function listByUser(userKey: string, limit = 20): Promise<Membership[]> {
    const list = await records.getMany(await redis.zRange(keys.byUser(userKey), 0, limit - 1, { REV: true }));
    return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.appNo.localeCompare(a.appNo));
  }

  /** Applications waiting for `staffId`, earliest deadline first. */
  async function waitingFor(staffId: string): Promise<Membership[]> {
    const list = await records.getMany(await redis.zRange(keys.review(staffId), 0, -1));
    return list.filter((r) => r.status === 'pending' && r.reviewer?.staffId === staffId);
  }

  async function waitingCount(staffId: string): Promise<number> {
    return redis.zCard(keys.review(staffId));
  }

  /** Every application (for the admin figures): a read of the number index. */
  async function all(): Promise<Membership[]> {
    return records.getMany(Object.values(await redis.hGetAll(keys.numbers())));
  }

  /** Applications by month applied and status (`YYYY-MM` → status → count), from the counters: no record is read. */
  async function counts(): Promise<Map<string, Partial<Record<Membership['status'], number>>>> {
    const out = new Map<string, Partial<Record<Membership['status'], number>>>();
    for (const [field, v] of Object.entries(await redis.hGetAll(keys.stats()))) {
      const [month, status] = field.split('|') as [string, Membership['status']];
      const m = out.get(month) ?? {};
      m[status] = (m[status] ?? 0) + Number(v);
      out.set(month, m);
    }
    return out;
  }

  /**
   * Counts the applications written before the counters, `limit` per call
   * from where the last call stopped, each by its own compare-and-set write
   * (so one changed meanwhile is counted once). Returns whether it is done.
   */
  async function countOlder(limit = 500): Promise<{ counted: number; done: boolean }> {
    const at = await redis.get(keys.statsPass());
    if (at === 'done') return { counted: 0, done: true };
    const { cursor, entries } = await redis.hScan(keys.numbers(), at ?? '0', { COUNT: limit });
    let counted = 0;
    for (const { value: id } of entries) {
      const m = await records.get(id);
      if (!m || m.ix) continue;
      await update(id, 'system:index', (cur) => (cur.ix ? null : { record: cur, action: 'counted', detail: 'dashboard counters' }));
      counted += 1;
    }
    const done = String(cursor) === '0';
    await redis.set(keys.statsPass(), done ? 'done' : String(cursor));
    return { counted, done };
  }

  return { keys, create, get: records.get, getByNo, byIdHash, membersWithPhone, update, listByUser, waitingFor, waitingCount, all, counts, countOlder, audit: records.audit, note: records.note };
}

export type MemberStore = ReturnType<typeof createMemberStore>;

const stores = new WeakMap<Core, MemberStore>();

/** The member store of a core (built once; the core's Redis client and prefix). */
export function membersOf(core: Core): MemberStore {
  let s = stores.get(core);
  if (!s) {
    s = createMemberStore(core.redis, membershipKeys(core.config.REDIS_PREFIX), core.clock);
    stores.set(core, s);
  }
  return s;
}

/** The latest record of a person that still matters: approved, else pending, else the newest. */
export function currentOf(records: Membership[]): Membership | null {
  return (
    records.find((r) => r.status === 'approved') ??
    records.find((r) => r.status === 'pending') ??
    records.find((r) => r.status !== 'erased') ??
    null
  );
}
