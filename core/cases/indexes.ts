import type { IndexOp } from '../infra/records.js';
import { chinaDay } from '../infra/time.js';
import type { CaseKeys } from './keys.js';
import type { Case } from './record.js';

/**
 * The indexes every write of a case keeps, derived from the record before
 * and after the write and written in the same step (the record store's
 * script, one hash tag): who may list it (the open cases of a township and
 * a district, a liaison's referrals), when it ended (办结, for retention) and
 * the figures (counters per month, township and metric). Lists, boards,
 * figures and group totals read these; none reads every case.
 */
export function derivedOps(k: CaseKeys, written: Case | null, after: Case, now: Date): IndexOp[] {
  const ops: IndexOp[] = [];
  // A case written before these indexes existed is in none of them: its first write adds it whole.
  const before = written?.ix ? written : null;
  const score = Date.parse(after.createdAt);
  const member = after.id;
  // Open: anything not 结案 (closed); a resolved case may still be reopened (不满意, 没收到).
  const wasOpen = !!before && before.status !== 'closed';
  const isOpen = after.status !== 'closed';
  const places = (c: Case | null) => (c ? [c.location.townshipId ? k.openInTownship(c.location.townshipId) : null, k.openInDistrict(c.location.districtId)].filter((x): x is string => !!x) : []);
  const was = wasOpen ? places(before) : [];
  const is = isOpen ? places(after) : [];
  for (const key of was) if (!is.includes(key)) ops.push({ op: 'zrem', key, member });
  for (const key of is) if (!was.includes(key)) ops.push({ op: 'zadd', key, score, member });
  const liaisonBefore = wasOpen ? before?.referral?.liaisonId : undefined;
  const liaisonAfter = isOpen ? after.referral?.liaisonId : undefined;
  if (liaisonBefore && liaisonBefore !== liaisonAfter) ops.push({ op: 'zrem', key: k.referredTo(liaisonBefore), member });
  if (liaisonAfter && liaisonAfter !== liaisonBefore) ops.push({ op: 'zadd', key: k.referredTo(liaisonAfter), score, member });
  // A linked group's members.
  if (after.groupId && after.groupId !== before?.groupId) ops.push({ op: 'zadd', key: k.group(after.groupId), score, member });
  if (before?.groupId && before.groupId !== after.groupId) ops.push({ op: 'zrem', key: k.group(before.groupId), member });
  // Ended (办结): resolved or closed, from the moment it was resolved; reopened, it is not.
  const ended = (c: Case | null) => !!c && (c.status === 'resolved' || c.status === 'closed');
  if (ended(after) && !ended(before)) ops.push({ op: 'zadd', key: k.ended(), score: endedAt(after) ?? now.getTime(), member });
  if (!ended(after) && ended(before)) ops.push({ op: 'zrem', key: k.ended(), member });
  // Evidence files held, a count per file (two cases may name one): the evidence sweep deletes a file no case
  // holds. A record not yet at ix 2 counted none of its files; its first write at 2 counts them all.
  const heldBefore = new Set(written?.ix === 2 ? written.evidence.map((e) => e.id) : []);
  const heldAfter = new Set(after.evidence.map((e) => e.id));
  for (const id of heldAfter) if (!heldBefore.has(id)) ops.push({ op: 'hincrby', key: k.evidenceHeld(), field: id, by: 1 });
  for (const id of heldBefore) if (!heldAfter.has(id)) ops.push({ op: 'hdecr', key: k.evidenceHeld(), field: id });
  // Figures: what the write changes in the case's counters.
  const a = contribution(before);
  const b = contribution(after);
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const by = (b.get(field) ?? 0) - (a.get(field) ?? 0);
    if (by !== 0) ops.push({ op: 'hincrby', key: k.stats(), field, by });
  }
  return ops;
}

/** When the case was last resolved (its history), in ms. */
function endedAt(c: Case): number | null {
  for (let i = c.history.length - 1; i >= 0; i--) if (c.history[i]!.status === 'resolved') return Date.parse(c.history[i]!.at);
  return null;
}

/** The metrics a case counts in (wage-arrears cases only; enquiries are not counted). */
export const STAT_METRICS = [
  'received', 'accepted', 'acceptedOnTime', 'resolved', 'resolvedOnTime', 'rated', 'satisfied',
  'satisfaction:satisfied', 'satisfaction:basically', 'satisfaction:unsatisfied', 'amountClaimedFen', 'amountRecoveredFen', 'deadlinesMissed',
] as const;
export type StatMetric = (typeof STAT_METRICS)[number];

/** What one case adds to the figures: `month|districtId|townshipId|metric` → amount. */
export function contribution(c: Case | null): Map<string, number> {
  const out = new Map<string, number>();
  if (!c || c.kind !== 'wage_arrears') return out;
  const head = `${chinaDay(new Date(c.createdAt)).slice(0, 7)}|${c.location.districtId}|${c.location.townshipId ?? 'unknown'}|`;
  const add = (m: StatMetric, n: number) => {
    if (n !== 0) out.set(head + m, (out.get(head + m) ?? 0) + n);
  };
  add('received', 1);
  if (c.acceptedAt) {
    add('accepted', 1);
    if (!c.missed.includes('accept')) add('acceptedOnTime', 1);
  }
  if (c.status === 'resolved' || c.status === 'closed') {
    add('resolved', 1);
    if (!c.missed.includes('resolve')) add('resolvedOnTime', 1);
  }
  const rating = c.ratings.at(-1);
  if (rating) {
    add('rated', 1);
    if (rating !== 'unsatisfied') add('satisfied', 1);
    add(`satisfaction:${rating}`, 1);
  }
  add('amountClaimedFen', Math.round((c.wage?.amount ?? 0) * 100));
  add('amountRecoveredFen', Math.round((c.outcome?.recovered ?? 0) * 100));
  add('deadlinesMissed', c.missed.length);
  return out;
}

/** One counter of the figures hash, read back. */
export interface StatCell {
  month: string;
  districtId: string;
  townshipId: string;
  metric: StatMetric;
  value: number;
}

export function parseStats(raw: Record<string, string>): StatCell[] {
  return Object.entries(raw).flatMap(([field, v]) => {
    const [month, districtId, townshipId, metric] = field.split('|');
    if (!month || !districtId || !townshipId || !metric) return [];
    return [{ month, districtId, townshipId, metric: metric as StatMetric, value: Number(v) }];
  });
}
