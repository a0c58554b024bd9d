import type { DirectoryIndex } from '../directory/load.js';
import type { Staff } from '../directory/schema.js';
import type { Case, CaseStore } from './store.js';
import type { Clock } from '../infra/clock.js';
import type { Keys } from '../infra/keys.js';
import type { Redis } from '../infra/redis.js';

/**
 * Atomic claim: among the candidates (id, capacity) pick the one with the
 * fewest open cases under capacity, ties to the longest idle, and record the
 * assignment and the per-staff index — unless the case already has an
 * assignment, which is returned instead (so a duplicated job is harmless).
 * ARGV: now, level, ignoreCapacity ('1' = last resort), caseId, then pairs.
 * KEYS[4] is the prefix of the per-staff case index (single-node Redis; a
 * cluster would need hash-tagged keys).
 */
const CLAIM = `
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
local best, bestLoad, bestIdle = nil, nil, nil
for i = 5, #ARGV, 2 do
  local id = ARGV[i]
  local cap = tonumber(ARGV[i + 1])
  local load = tonumber(redis.call('HGET', KEYS[2], id) or '0')
  local last = tonumber(redis.call('HGET', KEYS[3], id) or '0')
  if ARGV[3] == '1' or load < cap then
    if best == nil or load < bestLoad or (load == bestLoad and last < bestIdle) then
      best, bestLoad, bestIdle = id, load, last
    end
  end
end
if best == nil then return false end
redis.call('HINCRBY', KEYS[2], best, 1)
redis.call('HSET', KEYS[3], best, ARGV[1])
redis.call('SET', KEYS[1], ARGV[2] .. '|' .. best)
redis.call('ZADD', KEYS[4] .. best, ARGV[1], ARGV[4])
return ARGV[2] .. '|' .. best
`;

export type Level = 'grid' | 'township' | 'district';

export interface RouteDecision {
  level: Level;
  staffId: string;
  /** Supervisors to copy (group cases). */
  copy: string[];
  priority: Case['priority'];
  /** Which assignment of the case this is (1 = first). */
  seq: number;
}

/**
 * Candidate tiers for a case, most local first: the case's grid (or every
 * grid of the township when the community is unknown), the township union
 * supervisor, the district union supervisors. Only people on duty count
 * (the directory's flag, overridden by 上班/休息 in WeChat), never someone
 * who declined the case or let it lapse; after two lapses the grid tier is
 * skipped (escalation).
 */
export function candidateTiers(index: DirectoryIndex, c: Case, duty: ReadonlyMap<string, boolean> = new Map()): { level: Level; staff: Staff[] }[] {
  const tiers: { level: Level; staff: Staff[] }[] = [];
  const eligible = (s: Staff) => (duty.get(s.id) ?? s.onDuty) && !c.lapsed.includes(s.id);
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId) : undefined;
  if (tw) {
    if (c.lapses < 2) {
      const grids = c.location.gridId ? tw.township.grids.filter((g) => g.id === c.location.gridId) : tw.township.grids;
      tiers.push({ level: 'grid', staff: grids.flatMap((g) => g.workers).filter(eligible) });
    }
    tiers.push({ level: 'township', staff: [tw.township.supervisor].filter(eligible) });
  }
  const district = index.directory.districts.find((d) => d.id === c.location.districtId);
  if (district) {
    const sups = district.supervisors.filter((s) => s.role === 'district_supervisor');
    // Someone must own the case: if every district supervisor lapsed, they all count again.
    const open = sups.filter(eligible);
    tiers.push({ level: 'district', staff: open.length > 0 ? open : sups });
  }
  return tiers;
}

/** Urgent when the arbitration limit is near; high for group arrears (≥10 workers, or linked reports). */
export function priorityOf(c: Pick<Case, 'wage'> & Partial<Pick<Case, 'groupId'>>): Case['priority'] {
  if (c.wage?.nearArbitrationLimit) return 'urgent';
  if ((c.wage?.headcount.count ?? 0) >= 10 || c.groupId) return 'high';
  return 'normal';
}

export interface RoutingDeps {
  redis: Redis;
  keys: Keys;
  cases: CaseStore;
  clock: Clock;
  index: () => DirectoryIndex;
  /** When the assignee must accept by; default: no deadline recorded. */
  acceptDeadline?: (priority: Case['priority'], now: Date) => Date;
}

export async function dutyOverrides(redis: Redis, keys: Keys): Promise<Map<string, boolean>> {
  const raw = await redis.hGetAll(keys.staffDuty());
  return new Map(Object.entries(raw).map(([id, v]) => [id, v === '1']));
}

/**
 * Routes one case: claims an assignee atomically and records it on the case.
 * Running it twice (a retried or duplicated job) changes nothing the second
 * time and returns the same decision; a case that is not waiting for an
 * assignee (accepted, resolved…) is left alone (null).
 */
export async function routeCase(deps: RoutingDeps, caseId: string): Promise<RouteDecision | null> {
  const { redis, keys, cases } = deps;
  const now = deps.clock.now();
  const c = await cases.get(caseId);
  if (!c) throw new Error(`case ${caseId} not found`);
  const index = deps.index();
  if (c.assignee) return c.status === 'assigned' ? decisionOf(index, c) : null;
  if (c.status !== 'submitted') return null;
  const seq = c.assignmentSeq + 1;
  const tiers = candidateTiers(index, c, await dutyOverrides(redis, keys));
  let claimed: string | null = null;
  for (let t = 0; t < tiers.length && !claimed; t++) {
    const tier = tiers[t]!;
    if (tier.staff.length === 0) continue;
    claimed = await claim(redis, keys, c.id, seq, tier.level, tier.staff, now, t === tiers.length - 1);
  }
  if (!claimed) {
    // No tier had anyone at all (an empty directory): someone must still see it.
    const anyone = index.directory.districts.flatMap((d) => d.supervisors);
    if (anyone.length === 0) throw new Error('directory has no district supervisors to fall back to');
    claimed = await claim(redis, keys, c.id, seq, 'district', anyone, now, true);
  }
  const [level, staffId] = claimed!.split('|') as [Level, string];
  const priority = priorityOf(c);
  const copy = copiesFor(index, c, priority, staffId);
  const teamName = teamOf(index, level, staffId);
  const acceptBy = deps.acceptDeadline ? deps.acceptDeadline(priority, now).toISOString() : null;
  const updated = await cases.update(c.id, 'system:routing', (cur) => {
    if (cur.assignee || cur.assignmentSeq >= seq) return null;
    const again = cur.assignmentSeq > 0;
    return {
      record: {
        ...cur,
        status: 'assigned',
        priority,
        assignee: { staffId, level, assignedAt: now.toISOString() },
        assignmentSeq: seq,
        acceptBy,
        copied: [...new Set([...cur.copied, ...copy])],
        history: [...cur.history, { at: now.toISOString(), status: 'assigned', note: `${again ? '已改派给' : '已交给'}${teamName}处理` }],
      },
      action: again ? 'reassigned' : 'assigned',
      detail: `${level}:${staffId}${copy.length ? ` copy:${copy.join(',')}` : ''} priority:${priority} seq:${seq}`,
    };
  });
  await redis.zRem(keys.unassigned(), c.id);
  return decisionOf(index, updated);
}

function copiesFor(index: DirectoryIndex, c: Case, priority: Case['priority'], staffId: string): string[] {
  if (priority === 'normal' || !c.location.townshipId) return [];
  const sup = index.townshipById.get(c.location.townshipId)?.township.supervisor;
  return sup && sup.id !== staffId ? [sup.id] : [];
}

function decisionOf(index: DirectoryIndex, c: Case): RouteDecision {
  return { level: c.assignee!.level, staffId: c.assignee!.staffId, copy: c.copied, priority: c.priority, seq: c.assignmentSeq };
}

/**
 * Takes the case away from its assignee (declined, or the accept deadline
 * passed) so it can be routed again, never back to them. Returns the new
 * record, or null when `staffId` no longer holds it (a stale job).
 */
export async function releaseAssignment(
  deps: Pick<RoutingDeps, 'redis' | 'keys' | 'cases' | 'clock'>,
  caseId: string,
  staffId: string,
  why: 'declined' | 'lapsed',
  note: string,
  seq?: number,
  /** Only from this status (the one the staff member saw), so a concurrent accept is not undone. */
  from?: 'assigned' | 'accepted',
): Promise<Case | null> {
  const { redis, keys, cases } = deps;
  const now = deps.clock.now();
  let released = false;
  const c = await cases.update(caseId, why === 'lapsed' ? 'system:sla' : `staff:${staffId}`, (cur) => {
    // Per attempt: an attempt that lost a concurrent write and then found nothing to release must not count.
    released = false;
    if (cur.assignee?.staffId !== staffId || (seq !== undefined && cur.assignmentSeq !== seq)) return null;
    if (cur.status !== 'assigned' && cur.status !== 'accepted') return null;
    if (from !== undefined && cur.status !== from) return null;
    released = true;
    return {
      record: {
        ...cur,
        status: 'submitted',
        assignee: null,
        acceptBy: null,
        resolveBy: null,
        acceptedAt: null,
        lapsed: [...new Set([...cur.lapsed, staffId])],
        lapses: cur.lapses + (why === 'lapsed' ? 1 : 0),
        missed: why === 'lapsed' ? [...cur.missed, 'accept' as const] : cur.missed,
        history: [...cur.history, { at: now.toISOString(), status: 'submitted', note }],
      },
      action: why,
      detail: `${staffId}`,
    };
  });
  if (!released) return null;
  await redis
    .multi()
    .hIncrBy(keys.staffLoad(), staffId, -1)
    .zRem(keys.staffCases(staffId), caseId)
    .zAdd(keys.unassigned(), { score: now.getTime(), value: caseId })
    .exec();
  return c;
}

/** Frees the assignee's capacity when a case leaves their hands for good (resolved). */
export async function releaseLoad(redis: Redis, keys: Keys, staffId: string): Promise<void> {
  await redis.hIncrBy(keys.staffLoad(), staffId, -1);
}

async function claim(redis: Redis, keys: Keys, caseId: string, seq: number, level: Level, staff: Staff[], now: Date, ignoreCapacity: boolean) {
  const args = [String(now.getTime()), level, ignoreCapacity ? '1' : '0', caseId];
  for (const s of staff) args.push(s.id, String(s.capacity));
  const res = await redis.eval(CLAIM, {
    keys: [keys.caseAssignment(`${caseId}:${seq}`), keys.staffLoad(), keys.staffLastAssigned(), keys.staffCases('')],
    arguments: args,
  });
  return typeof res === 'string' ? res : null;
}

/** The team a reporter is told about: "东龙镇第一网格", "东龙镇总工会", "青溪区总工会". */
export function teamOf(index: DirectoryIndex, level: Level, staffId: string): string {
  const entry = index.staffById.get(staffId);
  if (!entry) return '工会工作人员';
  if (level === 'grid' && entry.gridId) return index.gridById.get(entry.gridId)?.grid.name ?? '网格团队';
  if (level === 'township' && entry.townshipId) return index.townshipById.get(entry.townshipId)?.township.union.name ?? '镇街工会';
  return index.directory.districts.find((d) => d.id === entry.districtId)?.union.name ?? '区总工会';
}
