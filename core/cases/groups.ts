import { createHash } from 'node:crypto';
import type { Case } from './store.js';
import type { Core } from '../context.js';
import { notify } from './queue.js';
import { employerKey } from '../infra/text.js';

const WINDOW_MS = 30 * 86400_000;

/**
 * Links reports about the same employer in the same township (街道/镇)
 * within 30 days, from at least two different people, into one group: each
 * keeps its own case number and updates, the group is high priority, and
 * the township supervisor is copied. Call it after creating a case and
 * before routing it. Returns the group id (or null if the report stands
 * alone).
 *
 * The township is part of the key: a name alone (「陈老板」, 「宏达公司」) is
 * shared by unrelated employers across the county, and one employer's sites
 * in two townships are worked by two township unions anyway. A person's
 * second report (a correction sent as a new report) is not a group.
 */
export async function linkGroup(core: Core, c: Case): Promise<string | null> {
  if (!c.wage) return null;
  const key = employerKey(c.wage.employer).core;
  if (key.length < 2) return null;
  const where = c.location.townshipId ?? `district:${c.location.districtId}`;
  const zkey = core.cases.keys.employerReports(createHash('sha256').update(`${where}|${key}`).digest('base64url').slice(0, 22));
  const now = Date.parse(c.createdAt);
  await core.redis
    .multi()
    .zAdd(zkey, { score: now, value: c.id })
    .zRemRangeByScore(zkey, 0, now - WINDOW_MS)
    .expire(zkey, 31 * 86400)
    .exec();
  const members = await core.redis.zRange(zkey, 0, -1);
  if (members.length < 2) return null;
  // Two or more people: one person's reports alone are not 群体欠薪.
  const reporters = new Set<string>();
  for (const id of members) {
    const m = id === c.id ? c : await core.cases.get(id);
    if (m) reporters.add(m.reporter.userKey);
  }
  if (reporters.size < 2) return null;
  const groupId = `G${createHash('sha256').update(`${where}|${key}|${members[0]}`).digest('hex').slice(0, 12)}`;
  for (const id of members) {
    const before = await core.cases.get(id);
    if (!before || before.groupId) continue;
    const after = await core.cases.update(id, 'system:group', (cur) =>
      cur.groupId
        ? null
        : {
            record: { ...cur, groupId, priority: cur.priority === 'urgent' ? 'urgent' : 'high' },
            action: 'grouped',
            detail: `${groupId} (${members.length} reports)`,
          },
    );
    // Cases already routed as ordinary ones: copy the township supervisor now.
    if (after.assignee && after.location.townshipId) {
      const sup = core.directory.index().townshipById.get(after.location.townshipId)?.township.supervisor;
      if (sup && sup.id !== after.assignee.staffId && !after.copied.includes(sup.id)) {
        await core.cases.update(id, 'system:group', (cur) => ({ record: { ...cur, copied: [...cur.copied, sup.id] }, action: 'copied', detail: sup.id }));
        await notify(core, 'staff-case-copied', id, sup.id);
      }
    }
  }
  return groupId;
}

/** Totals over a group's cases, for staff. */
export async function groupSummary(core: Core, groupId: string): Promise<{ reports: number; amount: number; headcount: number; caseNos: string[] }> {
  // The group's own index (kept with each member's write): its members only, however many cases there are.
  let amount = 0;
  let headcount = 0;
  const caseNos: string[] = [];
  for (const c of await core.cases.groupMembers(groupId)) {
    if (c.groupId !== groupId || !c.wage) continue;
    amount += c.wage.amount;
    headcount += c.wage.headcount.count;
    caseNos.push(c.caseNo);
  }
  return { reports: caseNos.length, amount, headcount, caseNos };
}
