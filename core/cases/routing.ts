import type { Core } from '../context.js';
import type { DirectoryIndex } from '../directory/index.js';
import type { Staff } from '../directory/index.js';
import { NotFoundError, ValidationError } from '../infra/errors.js';
import { wakeOutbox } from '../infra/outbox.js';
import { luaScript, runScript } from '../infra/scripts.js';
import { dutyOverrides } from '../staff/index.js';
import { acceptClockStart, acceptDeadline } from './deadlines.js';
import { isWorkingTime, onCallFor, workingHoursOf } from './hours.js';
import type { Case } from './record.js';
import { moved } from './state.js';
import { RELEASE_NOTICE_GRACE_MS, assignmentJobs, cancelAccept, cancelResolve, dueOps, reporterJob, staffJob } from './due.js';

const CLAIM = luaScript(new URL('./claim.lua', import.meta.url));

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

/**
 * Routes one case: claims an assignee atomically (claim.lua: their load,
 * their case index and the waiting list change in the same step), then
 * records the assignment on the case with the accept deadline. Running it
 * twice (a retried or duplicated job) changes nothing the second time and
 * returns the same decision; a case not waiting for an assignee (accepted,
 * resolved…) is left alone (null). A crash between the claim and the record
 * is finished by the job's retry, which gets the same claim back.
 */
export async function routeCase(core: Core, caseId: string, opts: { to?: string } = {}): Promise<(RouteDecision & { record: Case }) | null> {
  const now = core.clock.now();
  // Read together (one write to the socket): who is on duty is needed whenever there is something to route.
  const [c, duty] = await Promise.all([core.cases.get(caseId), dutyOverrides(core)]);
  if (!c) throw new NotFoundError(`没有找到案件 ${caseId}。`);
  const index = core.directory.index();
  if (c.assignee) return c.status === 'assigned' ? { ...decisionOf(c), record: c } : null;
  if (c.status !== 'submitted') return null;
  const seq = c.assignmentSeq + 1;
  const priority = priorityOf(c);
  const hours = workingHoursOf(index);
  // Outside working hours an urgent or group case goes at once to whoever is on call (值班), one by one in the directory's order.
  const onCall = priority !== 'normal' && !isWorkingTime(index.calendar, hours, now) && !opts.to ? onCallFor(index, c, duty) : [];
  let tiers: { level: Level; staff: Staff[]; anyLoad?: boolean }[] = [
    ...onCall.map((s) => ({ level: levelOf(index, s.id), staff: [s], anyLoad: true })),
    ...candidateTiers(index, c, duty),
  ];
  if (opts.to) {
    // A supervisor's reassignment: the one person named, by the same rules as routing (on duty, never
    // someone who declined the case or let it lapse, of the case's grid, township or district).
    const tier = tiers.find((t) => t.staff.some((s) => s.id === opts.to));
    if (!tier) throw new ValidationError('staffId', reassignRefusal(index, opts.to));
    tiers = [{ level: tier.level, staff: tier.staff.filter((s) => s.id === opts.to), anyLoad: true }];
  }
  let claimed: string | null = null;
  for (let t = 0; t < tiers.length && !claimed; t++) {
    const tier = tiers[t]!;
    if (tier.staff.length === 0) continue;
    claimed = await claim(core, c.id, seq, tier.level, tier.staff, now, !!tier.anyLoad || t === tiers.length - 1);
  }
  if (!claimed) {
    // No tier had anyone at all (an empty directory): someone must still see it.
    const anyone = index.directory.districts.flatMap((d) => d.supervisors);
    if (anyone.length === 0) throw new Error('directory has no district supervisors to fall back to');
    claimed = await claim(core, c.id, seq, 'district', anyone, now, true);
  }
  const [level, staffId] = claimed!.split('|') as [Level, string];
  const copy = copiesFor(index, c, priority, staffId);
  const teamName = teamOf(index, level, staffId);
  const onCallNow = onCall.some((s) => s.id === staffId);
  // On call: real minutes from now; anyone else: working minutes (or working days for ordinary cases).
  const clockHours = onCallNow ? undefined : hours;
  const acceptBy = acceptDeadline(core.config, index.calendar, priority, now, clockHours).toISOString();
  const acceptFrom = acceptClockStart(index.calendar, priority, now, clockHours).toISOString();
  const updated = await core.cases.update(c.id, 'system:routing', (cur) => {
    if (cur.assignee || cur.assignmentSeq >= seq) return null;
    const again = cur.assignmentSeq > 0;
    // Routed again to the same team (a grid worker declined, another of the grid takes it): said so, or nothing seems to change.
    const before = again ? [...cur.history].reverse().map((h) => h.note.match(/^已(?:再次交给|交给|改派给)(.+?)(?:的另一位工作人员)?处理/u)?.[1]).find(Boolean) : undefined;
    // Back to someone who let it lapse before (every district supervisor did: candidateTiers): never 「另一位」.
    const line = !again
      ? `已交给${teamName}处理`
      : cur.lapsed.includes(staffId)
        ? `已再次交给${teamName}处理`
        : before === teamName
          ? `已改派给${teamName}的另一位工作人员处理`
          : `已改派给${teamName}处理`;
    const record: Case = {
      ...moved(cur, 'assigned', line, now),
      priority,
      assignee: { staffId, level, assignedAt: now.toISOString(), ...(onCallNow ? { onCall: true } : {}) },
      assignmentSeq: seq,
      acceptBy,
      acceptFrom,
      copied: [...new Set([...cur.copied, ...copy])],
    };
    return {
      record,
      action: again ? 'reassigned' : 'assigned',
      detail: `${level}:${staffId}${copy.length ? ` copy:${copy.join(',')}` : ''} priority:${priority} seq:${seq}`,
      // The notices (the cases' outbox) and the accept limit's timers, with the assignment.
      ops: dueOps(core, [...assignmentJobs(record, { cal: index.calendar, hours }), ...copy.map((sup) => staffJob(record, 'staff-case-copied', sup, now))]),
    };
  }, c);
  // The assignee's, the reporter's and any copied supervisor's notices were written with it: this process's outbox
  // loop looks now (one elsewhere hears the case's change message).
  wakeOutbox(core);
  return { ...decisionOf(updated), record: updated };
}

/** Why a case cannot go to `staffId`, in words for the supervisor. */
function reassignRefusal(index: DirectoryIndex, staffId: string): string {
  const name = index.staffById.get(staffId)?.staff.name;
  if (!name) return `名录中没有 ${staffId}。`;
  return `不能改派给${name}：只能改派给这个案件所在网格、镇（街道）或区里在岗的工作人员，且不能是退回过或超时未接这个案件的人。`;
}

function copiesFor(index: DirectoryIndex, c: Case, priority: Case['priority'], staffId: string): string[] {
  if (priority === 'normal' || !c.location.townshipId) return [];
  const sup = index.townshipById.get(c.location.townshipId)?.township.supervisor;
  return sup && sup.id !== staffId ? [sup.id] : [];
}

function decisionOf(c: Case): RouteDecision {
  return { level: c.assignee!.level, staffId: c.assignee!.staffId, copy: c.copied, priority: c.priority, seq: c.assignmentSeq };
}

/**
 * Takes the case away from its assignee (declined, or the accept deadline
 * passed) so it can be routed again, never back to them; their load and case
 * index and the waiting list change in the same step. Returns the new
 * record, or null when `staffId` no longer holds it (a stale job).
 */
export async function releaseAssignment(
  core: Core,
  caseId: string,
  staffId: string,
  why: 'declined' | 'lapsed',
  note: string,
  seq?: number,
  /** Only from this status (the one the staff member saw), so a concurrent accept is not undone. */
  from?: 'assigned' | 'accepted',
): Promise<Case | null> {
  const now = core.clock.now();
  const k = core.cases.keys;
  let released = false;
  const c = await core.cases.update(caseId, why === 'lapsed' ? 'system:sla' : `staff:${staffId}`, (cur) => {
    // Per attempt: an attempt that lost a concurrent write and then found nothing to release must not count.
    released = false;
    if (cur.assignee?.staffId !== staffId || (seq !== undefined && cur.assignmentSeq !== seq)) return null;
    if (cur.status !== 'assigned' && cur.status !== 'accepted') return null;
    if (from !== undefined && cur.status !== from) return null;
    released = true;
    const record: Case = {
      ...moved(cur, 'submitted', note, now),
      assignee: null,
      acceptBy: null,
      resolveBy: null,
      acceptedAt: null,
      lapsed: [...new Set([...cur.lapsed, staffId])],
      lapses: cur.lapses + (why === 'lapsed' ? 1 : 0),
      missed: why === 'lapsed' ? [...cur.missed, 'accept' as const] : cur.missed,
    };
    return {
      record,
      action: why,
      detail: `${staffId}`,
      ops: [
        { op: 'hincrby', key: k.load(), field: staffId, by: -1 },
        { op: 'zrem', key: k.byStaff(staffId), member: caseId },
        { op: 'zadd', key: k.unassigned(), score: now.getTime(), member: caseId },
        // Its time limits end with the assignment.
        ...cancelAccept(core, cur),
        ...cancelResolve(core, cur),
        // A 退回 is told to the reporter (declineCase) a little later: routed again by then, the new assignment's notice
        // tells both (due.ts RELEASE_NOTICE_GRACE_MS). A lapse is told to the one who let it pass (`seq`: their
        // assignment), so they know the case is no longer theirs.
        ...(why === 'declined' ? dueOps(core, [reporterJob(record, 'reporter-update', new Date(now.getTime() + RELEASE_NOTICE_GRACE_MS))]) : []),
        ...(why === 'lapsed' ? dueOps(core, [{ queue: 'outbound', name: 'staff-case-lapsed', caseId: cur.id, staffId, seq: cur.assignmentSeq, at: now }]) : []),
      ],
    };
  });
  return released ? c : null;
}

async function claim(core: Core, caseId: string, seq: number, level: Level, staff: Staff[], now: Date, ignoreCapacity: boolean) {
  const k = core.cases.keys;
  const args = [String(now.getTime()), level, ignoreCapacity ? '1' : '0', caseId];
  for (const s of staff) args.push(s.id, String(s.capacity));
  const res = await runScript(core.redis, CLAIM, [k.claim(caseId, seq), k.load(), k.lastAssigned(), k.unassigned(), ...staff.map((s) => k.byStaff(s.id))], args);
  return typeof res === 'string' ? res : null;
}

/** The tier a person works at: a grid worker, a township or a district supervisor. */
function levelOf(index: DirectoryIndex, staffId: string): Level {
  const role = index.staffById.get(staffId)?.staff.role;
  return role === 'grid_worker' ? 'grid' : role === 'township_supervisor' ? 'township' : 'district';
}

/** The team a reporter is told about: "东龙镇第一网格", "东龙镇总工会", "青溪区总工会". */
export function teamOf(index: DirectoryIndex, level: Level, staffId: string): string {
  const entry = index.staffById.get(staffId);
  if (!entry) return '工会工作人员';
  if (level === 'grid' && entry.gridId) return index.gridById.get(entry.gridId)?.grid.name ?? '网格团队';
  if (level === 'township' && entry.townshipId) return index.townshipById.get(entry.townshipId)?.township.union.name ?? '镇街工会';
  return index.directory.districts.find((d) => d.id === entry.districtId)?.union.name ?? '区总工会';
}
