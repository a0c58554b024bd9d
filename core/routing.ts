import type { DirectoryIndex } from './directory/load.js';
import type { Staff } from './directory/schema.js';
import type { Case, CaseStore } from './cases.js';
import type { Keys } from './keys.js';
import type { Redis } from './redis.js';

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
}

/**
 * Candidate tiers for a case, most local first: the case's grid (or every
 * grid of the township when the community is unknown), the township union
 * supervisor, the district union supervisors. Only people on duty count.
 */
export function candidateTiers(index: DirectoryIndex, c: Case): { level: Level; staff: Staff[] }[] {
  const tiers: { level: Level; staff: Staff[] }[] = [];
  const onDuty = (s: Staff) => s.onDuty;
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId) : undefined;
  if (tw) {
    const grids = c.location.gridId ? tw.township.grids.filter((g) => g.id === c.location.gridId) : tw.township.grids;
    tiers.push({ level: 'grid', staff: grids.flatMap((g) => g.workers).filter(onDuty) });
    tiers.push({ level: 'township', staff: [tw.township.supervisor].filter(onDuty) });
  }
  const district = index.directory.districts.find((d) => d.id === c.location.districtId);
  if (district) tiers.push({ level: 'district', staff: district.supervisors.filter((s) => s.role === 'district_supervisor') });
  return tiers;
}

/** Urgent when the arbitration limit is near; high for group arrears (≥10 workers). */
export function priorityOf(c: Pick<Case, 'wage'>): Case['priority'] {
  if (c.wage?.nearArbitrationLimit) return 'urgent';
  if ((c.wage?.headcount.count ?? 0) >= 10) return 'high';
  return 'normal';
}

export interface RoutingDeps {
  redis: Redis;
  keys: Keys;
  cases: CaseStore;
  index: () => DirectoryIndex;
}

/**
 * Routes one case: claims an assignee atomically and records it on the case.
 * Running it twice (a retried or duplicated job) changes nothing the second
 * time and returns the same decision.
 */
export async function routeCase(deps: RoutingDeps, caseId: string, now = new Date()): Promise<RouteDecision> {
  const { redis, keys, cases } = deps;
  const c = await cases.get(caseId);
  if (!c) throw new Error(`case ${caseId} not found`);
  const index = deps.index();
  const tiers = candidateTiers(index, c);
  let claimed: string | null = null;
  for (let t = 0; t < tiers.length && !claimed; t++) {
    const tier = tiers[t]!;
    const last = t === tiers.length - 1;
    if (tier.staff.length === 0) continue;
    claimed = await claim(redis, keys, c.id, tier.level, tier.staff, now, last);
  }
  if (!claimed) {
    // No tier had anyone at all (an empty directory): someone must still see it.
    const anyone = index.directory.districts.flatMap((d) => d.supervisors);
    if (anyone.length === 0) throw new Error('directory has no district supervisors to fall back to');
    claimed = await claim(redis, keys, c.id, 'district', anyone, now, true);
  }
  const [level, staffId] = claimed!.split('|') as [Level, string];
  const priority = priorityOf(c);
  const copy: string[] = [];
  if (priority !== 'normal' && c.location.townshipId) {
    const sup = index.townshipById.get(c.location.townshipId)?.township.supervisor;
    if (sup && sup.id !== staffId) copy.push(sup.id);
  }
  const teamName = teamOf(index, level, staffId);
  await cases.update(c.id, 'system:routing', (cur) => {
    if (cur.assignee) return null;
    return {
      record: {
        ...cur,
        status: 'assigned',
        priority,
        assignee: { staffId, level, assignedAt: now.toISOString() },
        copied: copy,
        history: [...cur.history, { at: now.toISOString(), status: 'assigned', note: `已交给${teamName}处理` }],
      },
      action: 'assigned',
      detail: `${level}:${staffId}${copy.length ? ` copy:${copy.join(',')}` : ''} priority:${priority}`,
    };
  });
  return { level, staffId, copy, priority };
}

async function claim(redis: Redis, keys: Keys, caseId: string, level: Level, staff: Staff[], now: Date, ignoreCapacity: boolean) {
  const args = [String(now.getTime()), level, ignoreCapacity ? '1' : '0', caseId];
  for (const s of staff) args.push(s.id, String(s.capacity));
  const res = await redis.eval(CLAIM, {
    keys: [keys.caseAssignment(caseId), keys.staffLoad(), keys.staffLastAssigned(), keys.staffCases('')],
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
