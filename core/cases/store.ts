import type { Clock } from '../infra/clock.js';
import { createRecordStore, type IndexOp } from '../infra/records.js';
import type { Redis } from '../infra/redis.js';
import { compactDay } from '../infra/time.js';
import { derivedOps } from './indexes.js';
import type { CaseKeys } from './keys.js';
import { CaseSchema, type Case, type NewCase } from './record.js';

export { CaseSchema, type Case, type CaseKind, type NewCase } from './record.js';

/** Case numbers: the directory's prefix (`QX`), the day, a serial: `QX20261121-0001`. */
const CASE_NO = /^[A-Z]{2}\d{8}-\d{4,}$/;

/**
 * Fields the schema gives back when absent (record.ts defaults): a case
 * stores them only when they differ, which saves about 300 bytes a case.
 */
const DEFAULTS: Partial<Record<keyof Case, unknown>> = {
  assignmentSeq: 0, lapsed: [], lapses: 0, acceptBy: null, acceptFrom: null, resolveBy: null, acceptedAt: null, missed: [], notes: [], reporterNotes: [], replies: [],
  outcome: null, closeRequest: null, closeReviews: [], receipt: null, extensions: [], deadlineRound: 0, referral: null, groupId: null,
  satisfaction: null, ratings: [], deliveryFailures: [],
};
const WAGE_DEFAULTS: Record<string, unknown> = { amountApprox: false, amountUpTo: null, groupAmount: null };

const isDefault = (v: unknown, d: unknown) => v === d || (Array.isArray(v) && Array.isArray(d) && v.length === 0 && d.length === 0);

/** The case as stored: without the fields equal to their default. */
export function compactCase(c: Case): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (!(k in DEFAULTS && isDefault(v, DEFAULTS[k as keyof Case]))) out[k] = v;
  if (c.wage) {
    const wage: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c.wage)) if (!(k in WAGE_DEFAULTS && isDefault(v, WAGE_DEFAULTS[k]))) wage[k] = v;
    out.wage = wage;
  }
  return out;
}

/** A change to a case: the new record, its audit line, and the indexes that change with it. */
export interface CaseChange {
  record: Case;
  action: string;
  /** Ids and numbers only, never personal data. */
  detail: string;
  ops?: IndexOp[];
}

export interface CaseStoreDeps {
  redis: Redis;
  keys: CaseKeys;
  clock: Clock;
  /** The case-number prefix the directory names. */
  caseNoPrefix: () => string;
}

/**
 * Cases on the shared record store (core/infra/records.ts): created with
 * their number, the reporter's index, the all-cases index and the waiting
 * list in one step; changed by compare-and-set with their index changes.
 */
export function createCaseStore({ redis, keys, clock, caseNoPrefix }: CaseStoreDeps) {
  const records = createRecordStore<Case>(redis, clock, {
    name: 'case',
    schema: CaseSchema,
    key: keys.record,
    audit: keys.audit,
    numbers: keys.numbers(),
    compact: compactCase,
    // Live views (the web console) refresh: one message per change, the case's ids only, published by the write itself.
    changed: { channel: keys.changedChannel, message: (c) => JSON.stringify({ id: c.id, caseNo: c.caseNo }) },
  });

  /**
   * Creates the case unless its id exists (a retried submission gets the
   * first one back, `created: false`).
   */
  async function create(input: NewCase, actor: string, note: string): Promise<{ created: boolean; record: Case }> {
    const day = compactDay(new Date(input.createdAt));
    const at = Date.parse(input.createdAt);
    const res = await records.create(input.id, actor, (caseNo) => {
      const record = CaseSchema.parse({
        ...input,
        ix: 2,
        caseNo,
        status: 'submitted',
        assignee: null,
        copied: [],
        history: [{ at: input.createdAt, status: 'submitted', note }],
      });
      return {
        record,
        action: 'created',
        detail: caseNo,
        number: { seq: keys.daySeq(day), prefix: `${caseNoPrefix()}${day}-`, width: 4, seqTtlSeconds: 2 * 86400, index: keys.numbers() },
        ops: [
          { op: 'zadd', key: keys.byUser(input.reporter.userKey), score: at, member: input.id },
          { op: 'zadd', key: keys.all(), score: at, member: input.id },
          { op: 'zadd', key: keys.unassigned(), score: at, member: input.id },
          ...derivedOps(keys, null, record, clock.now()),
        ],
      };
    });
    if (res.result === 'refused') throw new Error(`case ${input.id}: refused by a guard it does not have`);
    return { created: res.result === 'created', record: res.record };
  }

  async function getByNo(caseNo: string): Promise<Case | null> {
    return CASE_NO.test(caseNo) ? records.byNumber(caseNo) : null;
  }

  /**
   * Changes a case with optimistic concurrency: `change` sees the fresh
   * record and returns the change (null for none; it may throw to refuse);
   * on a concurrent write it runs again on the newer record.
   */
  /** `from`: the case as just read here, if the caller has it (saves reading it again; a stale one is read anew). */
  async function update(id: string, actor: string, change: (c: Case) => CaseChange | null, from?: Case): Promise<Case> {
    const res = await records.update(id, actor, (c) => {
      const ch = change(c);
      // The indexes derived from the record (lists, figures, retention) change in the same step.
      if (!ch) return null;
      const record: Case = { ...ch.record, ix: 2 };
      return { ...ch, record, ops: [...(ch.ops ?? []), ...derivedOps(keys, c, record, clock.now())] };
    }, from);
    return res.record;
  }

  /** Newest first. */
  async function listByUser(userKey: string, limit = 20): Promise<Case[]> {
    return records.getMany(await redis.zRange(keys.byUser(userKey), 0, limit - 1, { REV: true }));
  }

  /** Newest assignment first. */
  async function listByStaff(staffId: string): Promise<Case[]> {
    return records.getMany(await redis.zRange(keys.byStaff(staffId), 0, -1, { REV: true }));
  }

  /** The most recent cases, newest first (`limit` 0: all). */
  async function recent(limit = 0): Promise<Case[]> {
    return records.getMany(await redis.zRange(keys.all(), 0, limit > 0 ? limit - 1 : -1, { REV: true }));
  }

  /** Cases not yet closed (结案) in a township or a district, newest first: supervisors' lists and boards. */
  async function openIn(place: { townshipId: string } | { districtId: string }): Promise<Case[]> {
    const key = 'townshipId' in place ? keys.openInTownship(place.townshipId) : keys.openInDistrict(place.districtId);
    return records.getMany(await redis.zRange(key, 0, -1, { REV: true }));
  }

  /** Cases not yet closed referred to a liaison, newest first. */
  async function referredTo(staffId: string): Promise<Case[]> {
    return records.getMany(await redis.zRange(keys.referredTo(staffId), 0, -1, { REV: true }));
  }

  /** The cases of a linked group, oldest first. */
  async function groupMembers(groupId: string): Promise<Case[]> {
    return records.getMany(await redis.zRange(keys.group(groupId), 0, -1));
  }

  /**
   * Adds the derived indexes of cases written before them (below ix 2: see
   * record.ts `ix`), oldest first, at most `limit` per call, from where the
   * last call stopped (the `index-pass` key: `v2:` and the creation time
   * reached, then `v2:done`; what an earlier pass left there starts this one
   * afresh). Each case is indexed by its own compare-and-set write, so a
   * change racing it is counted once. Returns how many it indexed and
   * whether the pass is over.
   */
  async function indexOlder(limit = 500): Promise<{ indexed: number; done: boolean }> {
    const at = await redis.get(keys.indexPass());
    if (at === 'v2:done') return { indexed: 0, done: true };
    // Inclusive: cases created in the same millisecond as the last one reached are looked at again (indexed ones are skipped).
    const from = at?.startsWith('v2:') ? at.slice(3) : '-inf';
    const batch = await redis.zRangeByScoreWithScores(keys.all(), from, '+inf', { LIMIT: { offset: 0, count: limit } });
    let indexed = 0;
    for (const { value: id } of batch) {
      const c = await records.get(id);
      if (!c || c.ix === 2) continue;
      await update(id, 'system:index', (cur) => (cur.ix === 2 ? null : { record: cur, action: 'indexed', detail: 'indexes added' }));
      indexed += 1;
    }
    const last = batch.at(-1);
    const done = batch.length < limit;
    await redis.set(keys.indexPass(), done ? 'v2:done' : `v2:${last!.score}`);
    return { indexed, done };
  }

  /** Of these evidence files, those some case holds (`evidence-held`; complete once `indexOlder` is done). */
  async function evidenceHeld(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const counts = await redis.hmGet(keys.evidenceHeld(), [...ids]);
    return new Set(ids.filter((_, i) => Number(counts[i] ?? 0) > 0));
  }

  /** The figures' counters (core/cases/indexes.ts `parseStats`). */
  async function statsCounters(): Promise<Record<string, string>> {
    return redis.hGetAll(keys.stats());
  }

  return {
    keys, create, get: records.get, getMany: records.getMany, getByNo, update, listByUser, listByStaff, recent, audit: records.audit,
    openIn, referredTo, groupMembers, statsCounters, indexOlder, evidenceHeld,
  };
}

export type CaseStore = ReturnType<typeof createCaseStore>;
