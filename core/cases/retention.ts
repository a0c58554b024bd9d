import type { Core } from '../context.js';
import type { Case } from './record.js';
import { luaScript, runScript } from '../infra/scripts.js';

const RELEASE = luaScript(new URL('./evidence-release.lua', import.meta.url));

/**
 * How long a case is kept after it ended (办结): what the wage report's
 * consent promises (flows/wage.ts: 案件办结后保存3年). Counted from when it
 * was resolved, in calendar years; a reopened case starts again when it
 * ends again.
 */
export const CASE_RETENTION_YEARS = 3;

/** Cases removed per run: a run is bounded, the next one takes the rest. */
const BATCH = 200;

/** The moment before which an ended case is due to go: `years` calendar years before `now`. */
export function retentionCutoff(now: Date, years = CASE_RETENTION_YEARS): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/**
 * Removes the cases that ended more than CASE_RETENTION_YEARS ago, oldest
 * first, at most `limit` per run, reading the index of ended cases by when
 * (never every case): for each, in one step (MULTI, one hash tag), the
 * record, its audit, its number look-up and every index it is in — the
 * reporter's list, the all-cases index, the assignee's, its place's and its
 * liaison's lists, its group, the waiting list and the ended index; then
 * its evidence files' counts go down (`evidence-held`), and the evidence
 * sweep (flows/evidence-sweep.ts) deletes a file no case holds any more; documents are never stored (their
 * links only name the case, which is gone). The figures keep their counts
 * (no personal data). Runs on the injected clock.
 */
export async function purgeEndedCases(core: Core, limit = BATCH): Promise<{ removed: number; skipped: number }> {
  const k = core.cases.keys;
  // Cases from before the indexes get theirs first (a one-off pass, a batch per run), so none is missed.
  const pass = await core.cases.indexOlder();
  if (pass.indexed) core.log.info({ indexed: pass.indexed, done: pass.done }, 'older cases indexed');
  const cutoff = retentionCutoff(core.clock.now()).getTime();
  const ids = await core.redis.zRangeByScore(k.ended(), 0, cutoff, { LIMIT: { offset: 0, count: limit } });
  const out = { removed: 0, skipped: 0 };
  for (const id of ids) {
    const c = await core.cases.get(id);
    if (!c || (c.status !== 'resolved' && c.status !== 'closed')) {
      // Gone already, or reopened since (its write took it out of the index; an entry left behind goes).
      await core.redis.zRem(k.ended(), id);
      out.skipped += 1;
      continue;
    }
    await removeCase(core, c);
    out.removed += 1;
  }
  if (out.removed) core.log.info({ removed: out.removed }, 'cases past their retention removed');
  return out;
}

async function removeCase(core: Core, c: Case): Promise<void> {
  const k = core.cases.keys;
  const m = core.redis.multi();
  m.del([k.record(c.id), k.audit(c.id)]);
  m.hDel(k.numbers(), c.caseNo);
  if (c.reporter.userKey) m.zRem(k.byUser(c.reporter.userKey), c.id);
  m.zRem(k.all(), c.id);
  m.zRem(k.unassigned(), c.id);
  if (c.assignee) m.zRem(k.byStaff(c.assignee.staffId), c.id);
  if (c.location.townshipId) m.zRem(k.openInTownship(c.location.townshipId), c.id);
  m.zRem(k.openInDistrict(c.location.districtId), c.id);
  if (c.referral) m.zRem(k.referredTo(c.referral.liaisonId), c.id);
  if (c.groupId) m.zRem(k.group(c.groupId), c.id);
  m.zRem(k.ended(), c.id);
  await m.exec();
  // Its files' counts after the removal, not before: a crash in between keeps a file (never loses one a case holds).
  const files = c.ix === 2 ? [...new Set(c.evidence.map((e) => e.id))] : [];
  if (files.length) await runScript(core.redis, RELEASE, [k.evidenceHeld()], files);
}

/** The retention job: once an hour, one scheduler however many worker processes run. */
export async function scheduleRetention(core: Core): Promise<void> {
  await core.queues.sla.upsertJobScheduler('retention', { every: 3600_000 }, { name: 'retention', data: { caseId: 'retention', seq: 0 } });
}
