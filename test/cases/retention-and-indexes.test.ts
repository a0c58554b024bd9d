/*
 * Closed cases leave Redis CASE_RETENTION_YEARS after they ended (the
 * consent's 案件办结后保存3年), by the scheduled job, on the app's clock; and
 * supervisors' lists, group totals and the figures read indexes kept with
 * each write, not the most recent thousands of cases. Real Redis.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../core/context.js';
import { createCaseStore, type Case } from '../../core/cases/store.js';
import { listCases } from '../../core/cases/work.js';
import { groupSummary } from '../../core/cases/groups.js';
import { purgeEndedCases } from '../../core/cases/retention.js';
import { moved } from '../../core/cases/state.js';
import { caseFigures, dashboardFigures } from '../../core/stats.js';
import { manualClock } from '../../core/infra/clock.js';
import type { Redis } from '../../core/infra/redis.js';
import { createEvidenceStore } from '../../core/cases/evidence.js';
import { sweepEvidence } from '../../flows/evidence-sweep.js';
import { createWageCase } from '../support/cases.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-11-23T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

/** The case through assigned and accepted to resolved (办结) now, with money recovered. */
async function resolve(core: Core, c: Case, recovered = 1000): Promise<Case> {
  const now = core.clock.now();
  return core.cases.update(c.id, 'test', (cur) => ({
    record: {
      ...moved(moved(moved(cur, 'assigned', 'x', now), 'accepted', 'x', now), 'resolved', '已办结', now),
      assignee: { staffId: 'gw-001', level: 'grid', assignedAt: now.toISOString() },
      acceptedAt: now.toISOString(),
      outcome: { at: now.toISOString(), by: 'gw-001', recovered, reason: null, full: false, nextStep: null },
    },
    action: 'resolved',
    detail: 'test',
  }));
}

describe('retention', () => {
  it('a case resolved more than three years ago is gone everywhere; an open one and a recently resolved one stay', async () => {
    const { core } = t;
    const old = await createWageCase(core, { userKey: 'web:old' });
    await resolve(core, old);
    clock.set(new Date(NOW.getTime() + 200 * 86400_000));
    const recent = await createWageCase(core, { userKey: 'web:recent' });
    const open = await createWageCase(core, { userKey: 'web:open' });
    // Three calendar years and a day after the old one ended; the recent one ended 200 days later.
    clock.set(new Date(NOW.getTime() + (3 * 365 + 2) * 86400_000));
    await resolve(core, recent);
    expect(await purgeEndedCases(core)).toEqual({ removed: 1, skipped: 0 });
    const k = core.cases.keys;
    expect(await core.cases.get(old.id)).toBeNull();
    expect(await core.cases.getByNo(old.caseNo)).toBeNull();
    expect(await core.redis.hGet(k.numbers(), old.caseNo)).toBeNull();
    expect(await core.cases.audit(old.id)).toEqual([]);
    expect(await core.cases.listByUser('web:old')).toEqual([]);
    expect(await core.redis.exists(k.byUser('web:old'))).toBe(0);
    for (const key of [k.all(), k.ended(), k.unassigned(), k.byStaff('gw-001'), k.openInTownship('t01'), k.openInDistrict('qingxi')]) {
      expect(await core.redis.zScore(key, old.id), key).toBeNull();
    }
    expect((await core.cases.get(recent.id))?.status).toBe('resolved');
    expect((await core.cases.get(open.id))?.status).toBe('submitted');
    expect((await core.cases.listByUser('web:recent')).map((c) => c.id)).toEqual([recent.id]);
    // A second run finds nothing more to do.
    expect(await purgeEndedCases(core)).toEqual({ removed: 0, skipped: 0 });
  });

  it("a removed case's evidence files are deleted by the evidence sweep (no case names them any more); a kept case's stay", async () => {
    const { core } = t;
    const evidence = createEvidenceStore(t.evidenceDir, core.config.DATA_KEY);
    const files = [evidence.save(Buffer.from('old'), NOW), evidence.save(Buffer.from('kept'), NOW)];
    const withFile = async (id: string) => {
      const c = await createWageCase(core);
      return core.cases.update(c.id, 'test', (cur) => ({ record: { ...cur, evidence: [{ id, name: '工资条.jpg', mediaType: 'image/jpeg', size: 3 }] }, action: 'evidence', detail: 'test' }));
    };
    const old = await resolve(core, await withFile(files[0]!));
    const kept = await withFile(files[1]!);
    clock.set(new Date(NOW.getTime() + (3 * 365 + 2) * 86400_000));
    await sweepEvidence(core, evidence);
    expect(evidence.list().map((f) => f.id).sort()).toEqual([...files].sort());
    await purgeEndedCases(core);
    expect(await core.cases.get(old.id)).toBeNull();
    expect(await sweepEvidence(core, evidence)).toBe(1);
    expect(evidence.list().map((f) => f.id)).toEqual([files[1]]);
    expect((await core.cases.get(kept.id))?.evidence.map((e) => e.id)).toEqual([files[1]]);
  });

  it('a case reopened after it was resolved is not counted from its first end', async () => {
    const { core } = t;
    const c = await resolve(core, await createWageCase(core));
    await core.cases.update(c.id, 'test', (cur) => ({ record: { ...moved(cur, 'accepted', '没收到', core.clock.now()) }, action: 'reopened', detail: 'test' }));
    clock.set(new Date(NOW.getTime() + 4 * 365 * 86400_000));
    expect(await purgeEndedCases(core)).toEqual({ removed: 0, skipped: 0 });
    expect(await core.cases.get(c.id)).not.toBeNull();
  });

  it('the retention job is scheduled with the sweep', async () => {
    const { scheduleSweep } = await import('../../core/cases/jobs.js');
    await scheduleSweep(t.core);
    const ids = (await t.core.queues.sla.getJobSchedulers()).map((s) => s.key);
    expect(ids).toContain('retention');
  });
});

describe('indexes, not scans', () => {
  /** A core whose reads of case records are counted (GET and MGET of record keys). */
  function counted(core: Core) {
    const seen = { records: 0 };
    const isRecord = (key: unknown) => typeof key === 'string' && core.cases.keys.record.matches(key);
    const redis = new Proxy(core.redis, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === 'mGet') return (keys: string[]) => ((seen.records += keys.filter(isRecord).length), (v as (k: string[]) => unknown).call(target, keys));
        if (prop === 'get') return (key: string) => ((seen.records += isRecord(key) ? 1 : 0), (v as (k: string) => unknown).call(target, key));
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const cases = createCaseStore({ redis: redis as Redis, keys: core.cases.keys, clock: core.clock, caseNoPrefix: () => 'QX' });
    return { core: { ...core, redis: redis as Redis, cases } as Core, seen };
  }

  it('with 3,000 older cases elsewhere, a supervisor list, a group total and the figures read only what they need', async () => {
    const { core } = t;
    // Older cases in another township (t02), closed or open, and a few in t01.
    const others: Case[] = [];
    for (let i = 0; i < 3000; i++) others.push(await createWageCase(core, { townshipId: 't02', gridId: 't02-g1', employer: `别处${i}公司`, createdAt: new Date(NOW.getTime() - (i + 1) * 60_000) }));
    for (const c of others.slice(0, 20)) await resolve(core, c, 500);
    const mine = [await createWageCase(core, { amount: 1000 }), await createWageCase(core, { amount: 2000 })];
    const groupId = 'Gtest';
    for (const c of mine) await core.cases.update(c.id, 'test', (cur) => ({ record: { ...cur, groupId }, action: 'grouped', detail: groupId }));

    const { core: watched, seen } = counted(core);
    const sup = core.directory.index().staffById.get('sup-t01')!;
    const list = await listCases({ core: watched, staff: sup } as never);
    expect(list.map((c) => c.id).sort()).toEqual(mine.map((c) => c.id).sort());
    expect(seen.records).toBe(2);

    seen.records = 0;
    const g = await groupSummary(watched, groupId);
    expect(g).toMatchObject({ reports: 2, amount: 3000 });
    expect([...g.caseNos].sort()).toEqual(mine.map((c) => c.caseNo).sort());
    expect(seen.records).toBe(2);

    seen.records = 0;
    const figures = await caseFigures(watched);
    const dash = await dashboardFigures(watched);
    expect(seen.records).toBe(0);
    const qingxi = figures.find((d) => d.districtId === 'qingxi')!;
    expect(qingxi.received).toBe(3002);
    expect(qingxi.resolved).toBe(20);
    expect(qingxi.amountRecovered).toBe(20 * 500);
    expect(qingxi.townships.find((x) => x.townshipId === 't01')).toMatchObject({ received: 2, amountClaimed: 3000 });
    expect(dash.total).toMatchObject({ received: 3002, resolved: 20, accepted: 20 });
  }, 120_000);

  it("the evidence sweep reads no case once every case's files are counted; an older case's are counted by the pass before anything goes; a file two cases name stays until neither does", async () => {
    const { core } = t;
    const k = core.cases.keys;
    const evidence = createEvidenceStore(t.evidenceDir, core.config.DATA_KEY);
    const saved = (what: string) => evidence.save(Buffer.from(what), NOW);
    const holding = async (id: string) => {
      const c = await createWageCase(core);
      return core.cases.update(c.id, 'test', (cur) => ({ record: { ...cur, evidence: [{ id, name: '工资条.jpg', mediaType: 'image/jpeg', size: 3 }] }, action: 'evidence', detail: 'test' }));
    };
    const [mine, older, shared] = [saved('mine'), saved('older'), saved('shared')];
    await holding(mine);
    // As an older release wrote it (ix 1, the index-pass of then done): its file is in no count yet.
    const o = await holding(older);
    await core.redis.set(k.record(o.id), JSON.stringify({ ...(await core.cases.get(o.id))!, ix: 1 }));
    await core.redis.hDel(k.evidenceHeld(), older);
    await core.redis.set(k.indexPass(), 'done');
    const [s1, s2] = [await holding(shared), await holding(shared)];
    expect(await core.redis.hGet(k.evidenceHeld(), shared)).toBe('2');
    const orphan = saved('orphan');
    clock.set(new Date(NOW.getTime() + (core.config.DRAFT_TTL_DAYS + 1) * 86400_000));
    const left = () => evidence.list().map((f) => f.id).sort();

    // The first sweep counts the older case (the pass), then deletes only the file nobody holds.
    expect(await sweepEvidence(core, evidence)).toBe(1);
    expect(left()).toEqual([mine, older, shared].sort());
    expect(await core.redis.get(k.indexPass())).toBe('v2:done');
    expect(await core.redis.hGet(k.evidenceHeld(), older)).toBe('1');
    expect(evidence.list().some((f) => f.id === orphan)).toBe(false);

    // From then on not one case record is read.
    const another = saved('another orphan');
    const { core: watched, seen } = counted(core);
    expect(await sweepEvidence(watched, evidence)).toBe(1);
    expect(seen.records).toBe(0);
    expect(left()).not.toContain(another);

    // One of the two cases naming a file lets it go (删除我的信息 empties `evidence`): it stays; when both have, it goes.
    const erase = (id: string) => core.cases.update(id, 'test', (cur) => ({ record: { ...cur, evidence: [] }, action: 'personal-data-erased', detail: 'test' }));
    await erase(s1.id);
    expect(await sweepEvidence(core, evidence)).toBe(0);
    expect(left()).toContain(shared);
    await erase(s2.id);
    expect(await core.redis.hGet(k.evidenceHeld(), shared)).toBeNull();
    expect(await sweepEvidence(core, evidence)).toBe(1);
    expect(left()).toEqual([mine, older].sort());
  });

  it('cases written before the indexes get them from the one-off pass, each counted once, even when changed meanwhile', async () => {
    const { core } = t;
    const k = core.cases.keys;
    const a = await createWageCase(core, { amount: 1000 });
    const b = await createWageCase(core, { amount: 2000 });
    // As an older release wrote them: no `ix`, in none of the derived indexes, no counters.
    for (const c of [a, b]) {
      const { ix: _ix, ...old } = (await core.cases.get(c.id))!;
      await core.redis.set(k.record(c.id), JSON.stringify(old));
    }
    await core.redis.del([k.openInTownship('t01'), k.openInDistrict('qingxi'), k.stats(), k.indexPass()]);
    expect(await core.cases.openIn({ townshipId: 't01' })).toEqual([]);
    // One of them changes before the pass reaches it: its first write adds it whole.
    await resolve(core, b, 700);
    expect((await core.cases.openIn({ townshipId: 't01' })).map((c) => c.id)).toEqual([b.id]);
    expect(await core.cases.indexOlder()).toEqual({ indexed: 1, done: true });
    expect((await core.cases.openIn({ townshipId: 't01' })).map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    const qingxi = (await caseFigures(core)).find((d) => d.districtId === 'qingxi')!;
    expect(qingxi).toMatchObject({ received: 2, resolved: 1, amountClaimed: 3000, amountRecovered: 700 });
    expect(await core.redis.zScore(k.ended(), b.id)).not.toBeNull();
    expect(await core.cases.indexOlder()).toEqual({ indexed: 0, done: true });
  });
});
