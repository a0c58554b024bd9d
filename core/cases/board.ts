import type { Core } from '../context.js';
import { ForbiddenError } from '../infra/errors.js';
import { dutyOverrides, type StaffCommandContext } from '../staff/index.js';
import { candidateTiers } from './routing.js';
import { groupSummary } from './groups.js';
import type { Case } from './record.js';
import { listCases } from './work.js';

/** A case counts as lapsing when its next time limit falls within this long. */
export const LAPSING_WITHIN_MS = 2 * 3600_000;

/** The time limit a case is running against now: accept (waiting for 接单) or resolve (being worked). */
export function runningLimit(c: Case): { kind: 'accept' | 'resolve'; by: string } | null {
  if (c.status === 'assigned' && c.acceptBy) return { kind: 'accept', by: c.acceptBy };
  if (c.status === 'accepted' && c.resolveBy) return { kind: 'resolve', by: c.resolveBy };
  return null;
}

/**
 * A supervisor's board, over the cases they may see (listCases): waiting
 * for an assignee, lapsing within two hours, lapsed or escalated (a time
 * limit missed, or gone up to the township or district), closes waiting
 * for their approval, and linked groups (reports against one employer).
 */
export async function supervisorBoard(ctx: StaffCommandContext) {
  const role = ctx.staff.staff.role;
  if (role !== 'township_supervisor' && role !== 'district_supervisor') throw new ForbiddenError('只有镇（街道）或区工会的负责人有督办看板。');
  const now = ctx.core.clock.now().getTime();
  const open = (await listCases(ctx)).filter((c) => c.status !== 'closed' && c.status !== 'resolved');
  // Each case in one group only (an escalated case about to lapse again was listed twice): the first that fits of
  // a close waiting for my approval, waiting for an assignee, lapsing within two hours (its limit still ahead),
  // lapsed (its limit passed) or escalated.
  const closing = open.filter((c) => c.status === 'closing' && c.closeRequest?.approverId === ctx.staff.staff.id);
  const rest = open.filter((c) => !closing.includes(c));
  const unassigned = rest.filter((c) => c.status === 'submitted');
  const left = (c: Case) => {
    const limit = runningLimit(c);
    return limit ? Date.parse(limit.by) - now : null;
  };
  const lapsing = rest.filter((c) => {
    const ms = left(c);
    return ms !== null && ms > 0 && ms <= LAPSING_WITHIN_MS;
  });
  const lapsed = rest.filter((c) => {
    if (unassigned.includes(c) || lapsing.includes(c)) return false;
    const ms = left(c);
    return (ms !== null && ms <= 0) || c.lapses > 0 || c.missed.length > 0 || (c.assignee !== null && c.assignee.level !== 'grid');
  });
  const groupIds = [...new Set(open.map((c) => c.groupId).filter((g): g is string => !!g))];
  const groups = await Promise.all(groupIds.map(async (groupId) => ({ groupId, ...(await groupSummary(ctx.core, groupId)) })));
  return { unassigned, lapsing, lapsed, closing, groups };
}

/** Who a supervisor may hand a case to: routing's own candidates for it (core/cases/routing.ts), with their open cases. */
export async function reassignOptions(core: Core, c: Case): Promise<{ id: string; name: string; level: string; openCases: number }[]> {
  const index = core.directory.index();
  const duty = await dutyOverrides(core);
  const load = await core.redis.hGetAll(core.cases.keys.load());
  const seen = new Set<string>();
  return candidateTiers(index, c, duty)
    .flatMap((t) => t.staff.map((s) => ({ id: s.id, name: s.name, level: t.level, openCases: Number(load[s.id] ?? 0) })))
    .filter((s) => s.id !== c.assignee?.staffId && !seen.has(s.id) && (seen.add(s.id), true));
}
