import type { Clock } from '../infra/clock.js';
import { z } from 'zod';
import type { Core } from '../context.js';
import { caseDay } from '../cases/store.js';
import type { Redis } from '../infra/redis.js';

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

export const MEMBERSHIP_STATUSES = ['pending', 'approved', 'rejected', 'erased'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** New-employment-form occupations (新就业形态) offered as choices. */
export const OCCUPATIONS = ['truck_driver', 'courier', 'food_delivery', 'ride_hailing', 'domestic', 'streamer', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

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

export const MembershipHistorySchema = z.object({
  at: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  /** Chinese, shown to the applicant; no personal numbers. */
  note: z.string(),
});

export const MembershipSchema = z.object({
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
    phoneSealed: z.string().nullable(),
    phoneHash: z.string().nullable(),
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
  history: z.array(MembershipHistorySchema),
});

export type Membership = z.infer<typeof MembershipSchema>;
export type NewMembership = Omit<
  Membership,
  'appNo' | 'status' | 'reviewer' | 'lapsed' | 'decision' | 'memberNo' | 'joinedAt' | 'history'
>;

/** Redis keys of membership records, under the app prefix (personal numbers only as keyed hashes). */
export function memberKeys(prefix: string) {
  const k = (...parts: string[]) => [prefix, 'member', ...parts].join(':');
  return {
    record: (id: string) => k('rec', id),
    recordPrefix: () => k('rec', ''),
    appNo: (appNo: string) => k('no', appNo),
    appNoPrefix: () => k('no', ''),
    appSeq: (day: string) => k('appseq', day),
    /** Member-number serial of one union. */
    unionSeq: (unionId: string) => k('seq', unionId),
    audit: (id: string) => k('audit', id),
    user: (userKey: string) => k('user', userKey),
    /** The current (pending or approved) record of an ID number, by keyed hash. */
    byId: (idHash: string) => k('by-id', idHash),
    /** Approved members with a phone number, by keyed hash. */
    byPhone: (phoneHash: string) => k('by-phone', phoneHash),
    /** Applications waiting for a reviewer's decision, scored by deadline. */
    review: (staffId: string) => k('review', staffId),
  };
}
export type MemberKeys = ReturnType<typeof memberKeys>;

const APP_NO_PLACEHOLDER = '__APP_NO__';
const MEMBER_NO_PLACEHOLDER = '__MEMBER_NO__';

/**
 * Creates the application atomically: its number, the indexes and the first
 * audit entry. Returns {0, existing} when the id is taken (a retried
 * submission), {2, other} when the same ID number already has a pending or
 * approved record, else {1, created}.
 * KEYS: record, day serial, user index, audit, by-id. ARGV: number prefix,
 * json, id, number-key prefix, score, at, actor, record-key prefix, note.
 */
const CREATE = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
local otherId = redis.call('GET', KEYS[5])
if otherId then
  local other = redis.call('GET', ARGV[8] .. otherId)
  if other then
    local st = cjson.decode(other).status
    if st == 'pending' or st == 'approved' then return {2, other} end
  end
end
local seq = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], 172800)
local appNo = ARGV[1] .. string.format('%04d', seq)
local json = string.gsub(ARGV[2], '${APP_NO_PLACEHOLDER}', appNo)
redis.call('SET', KEYS[1], json)
redis.call('SET', ARGV[4] .. appNo, ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3])
redis.call('SET', KEYS[5], ARGV[3])
redis.call('XADD', KEYS[4], '*', 'at', ARGV[6], 'actor', ARGV[7], 'action', 'created', 'detail', appNo)
return {1, json}
`;

/**
 * Compare-and-set of the record with its audit entry and index changes in
 * one step; with a union serial key, the member number placeholder becomes
 * the next number of that union. Returns the stored JSON or false.
 * KEYS: record, audit, union serial. ARGV: current json, next json, at,
 * actor, action, detail, member-number prefix ('' = none), index ops (JSON).
 */
const UPDATE = `
local cur = redis.call('GET', KEYS[1])
if cur ~= ARGV[1] then return false end
local json = ARGV[2]
local detail = ARGV[6]
if ARGV[7] ~= '' then
  local memberNo = ARGV[7] .. string.format('%06d', redis.call('INCR', KEYS[3]))
  json = string.gsub(json, '${MEMBER_NO_PLACEHOLDER}', memberNo)
  detail = string.gsub(detail, '${MEMBER_NO_PLACEHOLDER}', memberNo)
end
redis.call('SET', KEYS[1], json)
redis.call('XADD', KEYS[2], '*', 'at', ARGV[3], 'actor', ARGV[4], 'action', ARGV[5], 'detail', detail)
for _, op in ipairs(cjson.decode(ARGV[8])) do
  if op[1] == 'DELIFEQ' then
    if redis.call('GET', op[2]) == op[3] then redis.call('DEL', op[2]) end
  else
    redis.call(unpack(op))
  end
end
return json
`;

/** An index change made together with a record update. */
export type IndexOp =
  | ['SADD' | 'SREM' | 'ZREM', string, string]
  | ['ZADD', string, string, string]
  | ['SET', string, string]
  | ['DEL', string]
  /** Deletes the key only while it still holds this value. */
  | ['DELIFEQ', string, string];

export interface Change {
  record: Membership;
  action: string;
  /** Audit detail: ids and numbers of records only, never personal data. */
  detail: string;
  ops?: IndexOp[];
  /** Gives the record the next member number of its union: every {@link MEMBER_NO} in the record and the detail becomes it. */
  assignMemberNo?: boolean;
}

/** Put this in `memberNo` with `assignMemberNo` to get the union's next number. */
export const MEMBER_NO = MEMBER_NO_PLACEHOLDER;

export type CreateResult =
  | { result: 'created' | 'existing'; record: Membership }
  /** The same ID number already has a pending application or is a member. */
  | { result: 'duplicate'; record: Membership };

/** `tu-t01` → `TU-T01-` */
export function memberNoPrefix(unionId: string): string {
  return `${unionId.toUpperCase()}-`;
}

export function createMemberStore(redis: Redis, prefix: string, clock: Clock) {
  const mk = memberKeys(prefix);

  async function create(input: NewMembership, actor: string, note: string): Promise<CreateResult> {
    const record: Membership = {
      ...input,
      appNo: APP_NO_PLACEHOLDER,
      status: 'pending',
      reviewer: null,
      lapsed: [],
      decision: null,
      memberNo: null,
      joinedAt: null,
      history: [{ at: input.createdAt, status: 'pending', note }],
    };
    const day = caseDay(new Date(input.createdAt));
    const res = (await redis.eval(CREATE, {
      keys: [mk.record(input.id), mk.appSeq(day), mk.user(input.userKey), mk.audit(input.id), mk.byId(input.applicant.idHash ?? '')],
      arguments: [
        `RH${day}-`,
        JSON.stringify(MembershipSchema.parse(record)),
        input.id,
        mk.appNoPrefix(),
        String(Date.parse(input.createdAt)),
        input.createdAt,
        actor,
        mk.recordPrefix(),
      ],
    })) as [number, string];
    const stored = MembershipSchema.parse(JSON.parse(res[1]));
    return { result: res[0] === 1 ? 'created' : res[0] === 0 ? 'existing' : 'duplicate', record: stored };
  }

  async function get(id: string): Promise<Membership | null> {
    const raw = await redis.get(mk.record(id));
    return raw ? MembershipSchema.parse(JSON.parse(raw)) : null;
  }

  async function getByNo(appNo: string): Promise<Membership | null> {
    if (!/^RH\d{8}-\d{4,}$/.test(appNo)) return null;
    const id = await redis.get(mk.appNo(appNo));
    return id ? get(id) : null;
  }

  /** The pending or approved record of an ID number (keyed hash), if any. */
  async function byIdHash(idHash: string): Promise<Membership | null> {
    const id = await redis.get(mk.byId(idHash));
    const rec = id ? await get(id) : null;
    return rec && (rec.status === 'pending' || rec.status === 'approved') ? rec : null;
  }

  /** Approved members who gave this phone (keyed hash). */
  async function membersWithPhone(phoneHash: string): Promise<Membership[]> {
    const ids = await redis.sMembers(mk.byPhone(phoneHash));
    const out: Membership[] = [];
    for (const id of ids) {
      const r = await get(id);
      if (r?.status === 'approved') out.push(r);
    }
    return out;
  }

  /**
   * Changes a record with optimistic concurrency: `change` returns the new
   * record (or null for no change); on a concurrent write it runs again on
   * the fresh record.
   */
  async function update(id: string, actor: string, change: (m: Membership) => Change | null, at = clock.now()): Promise<Membership> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const raw = await redis.get(mk.record(id));
      if (!raw) throw new Error(`membership ${id} not found`);
      const cur = MembershipSchema.parse(JSON.parse(raw));
      const next = change(cur);
      if (!next) return cur;
      const json = JSON.stringify(MembershipSchema.parse(next.record));
      const res = await redis.eval(UPDATE, {
        keys: [mk.record(id), mk.audit(id), mk.unionSeq(next.record.union.id)],
        arguments: [
          raw,
          json,
          at.toISOString(),
          actor,
          next.action,
          next.detail,
          next.assignMemberNo ? memberNoPrefix(next.record.union.id) : '',
          JSON.stringify(next.ops ?? []),
        ],
      });
      if (typeof res === 'string') return MembershipSchema.parse(JSON.parse(res));
    }
    throw new Error(`membership ${id}: too many concurrent updates`);
  }

  /** The person's records, newest first (application numbers break ties within a second). */
  async function listByUser(userKey: string, limit = 20): Promise<Membership[]> {
    const ids = await redis.zRange(mk.user(userKey), 0, limit - 1, { REV: true });
    const out: Membership[] = [];
    for (const id of ids) {
      const r = await get(id);
      if (r) out.push(r);
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.appNo.localeCompare(a.appNo));
  }

  /** Applications waiting for `staffId`, earliest deadline first. */
  async function waitingFor(staffId: string): Promise<Membership[]> {
    const ids = await redis.zRange(mk.review(staffId), 0, -1);
    const out: Membership[] = [];
    for (const id of ids) {
      const r = await get(id);
      if (r?.status === 'pending' && r.reviewer?.staffId === staffId) out.push(r);
    }
    return out;
  }

  async function waitingCount(staffId: string): Promise<number> {
    return redis.zCard(mk.review(staffId));
  }

  async function audit(id: string): Promise<{ at: string; actor: string; action: string; detail: string }[]> {
    const entries = await redis.xRange(mk.audit(id), '-', '+');
    return (entries ?? []).map((e) => ({
      at: e.message.at ?? '',
      actor: e.message.actor ?? '',
      action: e.message.action ?? '',
      detail: e.message.detail ?? '',
    }));
  }

  return { keys: mk, create, get, getByNo, byIdHash, membersWithPhone, update, listByUser, waitingFor, waitingCount, audit };
}

export type MemberStore = ReturnType<typeof createMemberStore>;

const stores = new WeakMap<Core, MemberStore>();

/** The member store of a core (built once; the core's Redis client and prefix). */
export function membersOf(core: Core): MemberStore {
  let s = stores.get(core);
  if (!s) {
    s = createMemberStore(core.redis, core.keys.prefix, core.clock);
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
