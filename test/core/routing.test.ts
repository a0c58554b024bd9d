import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoDirectory } from '../../core/directory/load.js';
import { manualClock } from '../../core/infra/clock.js';
import type { Directory } from '../../core/directory/schema.js';
import { routeCase } from '../../core/cases/routing.js';
import { createWageCase } from '../support/cases.js';
import { eventually, startTestCore, type TestCore } from '../support/core.js';
import { caseJobKeys, route as queueRoute } from '../../core/cases/queue.js';

let t: TestCore;

/** Routes and expects a decision. */
async function route(caseId: string) {
  const d = await routeCase(t.core, caseId);
  if (!d) throw new Error('case was not routable');
  return d;
}

async function setLoad(loads: Record<string, number>) {
  for (const [id, n] of Object.entries(loads)) await t.core.redis.hSet(t.core.cases.keys.load(), id, n);
}

async function start(directory?: Directory, workers = false) {
  t = await startTestCore({ workers, directory });
}

afterEach(async () => {
  await t.stop();
});

describe('routing a case', () => {
  beforeEach(async () => start());

  it('when the grid is known, then an on-duty worker of that grid gets it and the case records it', async () => {
    const c = await createWageCase(t.core, { gridId: 't01-g2' });
    const d = await route(c.id);
    expect(d.level).toBe('grid');
    expect(['gw-004', 'gw-005']).toContain(d.staffId);
    const saved = await t.core.cases.get(c.id);
    expect(saved!.assignee!.staffId).toBe(d.staffId);
    expect(saved!.status).toBe('assigned');
    expect(saved!.history.at(-1)!.note).toBe('已交给东龙镇第二网格处理');
    expect(await t.core.redis.zRange(t.core.cases.keys.byStaff(d.staffId), 0, -1)).toEqual([c.id]);
    const audit = await t.core.cases.audit(c.id);
    expect(audit.map((a) => a.action)).toEqual(['created', 'assigned']);
  });

  it('when grid workers have different loads, then the one with the fewest open cases wins', async () => {
    await setLoad({ 'gw-001': 2, 'gw-002': 0, 'gw-003': 1 });
    const c = await createWageCase(t.core, { gridId: 't01-g1' });
    expect((await route(c.id)).staffId).toBe('gw-002');
    expect(await t.core.redis.hGet(t.core.cases.keys.load(), 'gw-002')).toBe('1');
  });

  it('when loads tie, then the one idle longest wins', async () => {
    await setLoad({ 'gw-001': 1, 'gw-002': 1, 'gw-003': 1 });
    await t.core.redis.hSet(t.core.cases.keys.lastAssigned(), { 'gw-001': 300, 'gw-002': 200, 'gw-003': 100 });
    const c = await createWageCase(t.core, { gridId: 't01-g1' });
    expect((await route(c.id)).staffId).toBe('gw-003');
  });

  it('when the least loaded worker is at capacity, then a busier one under capacity gets it', async () => {
    // gw-004 has capacity 5, gw-005 capacity 9 (demo directory).
    await setLoad({ 'gw-004': 5, 'gw-005': 7 });
    const c = await createWageCase(t.core, { gridId: 't01-g2' });
    expect((await route(c.id)).staffId).toBe('gw-005');
  });

  it('when a grid worker is off duty, then they are never chosen', async () => {
    // t02-g2: gw-011 on duty (capacity 7), gw-012 off duty.
    await setLoad({ 'gw-011': 3 });
    for (let i = 0; i < 3; i++) {
      const c = await createWageCase(t.core, { townshipId: 't02', gridId: 't02-g2' });
      expect((await route(c.id)).staffId).toBe('gw-011');
    }
  });

  it('when nobody in the grid is on duty, then the township supervisor gets it', async () => {
    const c = await createWageCase(t.core, { townshipId: 't03', gridId: 't03-g2' });
    expect(await route(c.id)).toMatchObject({ level: 'township', staffId: 'sup-t03' });
    expect((await t.core.cases.get(c.id))!.history.at(-1)!.note).toContain('石岭镇总工会');
  });

  it('when the grid has no workers at all, then the township supervisor gets it', async () => {
    const c = await createWageCase(t.core, { townshipId: 't05', gridId: 't05-g2' });
    expect(await route(c.id)).toMatchObject({ level: 'township', staffId: 'sup-t05' });
  });

  it('when the grid and the township supervisor are full, then the district union gets it', async () => {
    const dir = t.core.directory.index().directory;
    const sup = dir.districts[0]!.townships.find((x) => x.id === 't03')!.supervisor;
    await setLoad({ [sup.id]: sup.capacity });
    const c = await createWageCase(t.core, { townshipId: 't03', gridId: 't03-g2' });
    const d = await route(c.id);
    expect(d.level).toBe('district');
    expect(['dsup-1', 'dsup-2']).toContain(d.staffId);
  });

  it('when everyone is full, then the district union still takes it, so no case is left unowned', async () => {
    const dir = t.core.directory.index().directory;
    const loads: Record<string, number> = {};
    const tw = dir.districts[0]!.townships.find((x) => x.id === 't01')!;
    for (const g of tw.grids) for (const w of g.workers) loads[w.id] = w.capacity;
    loads[tw.supervisor.id] = tw.supervisor.capacity;
    for (const s of dir.districts[0]!.supervisors) loads[s.id] = s.capacity;
    await setLoad(loads);
    const c = await createWageCase(t.core, { gridId: 't01-g1' });
    expect((await route(c.id)).level).toBe('district');
  });

  it('when the community is unknown, then any grid of the township may take it, least loaded first', async () => {
    await setLoad({ 'gw-001': 3, 'gw-002': 3, 'gw-003': 3, 'gw-004': 2, 'gw-005': 2, 'gw-006': 2, 'gw-007': 0 });
    const c = await createWageCase(t.core, { gridId: null });
    expect((await route(c.id)).staffId).toBe('gw-007');
  });

  it('when ten or more workers are owed, then the case is high priority and the township supervisor is copied', async () => {
    const c = await createWageCase(t.core, { headcount: 20 });
    const d = await route(c.id);
    expect(d).toMatchObject({ priority: 'high', copy: ['sup-t01'] });
    expect((await t.core.cases.get(c.id))!).toMatchObject({ priority: 'high', copied: ['sup-t01'] });
  });

  it('when the arbitration limit is near, then the case is urgent', async () => {
    const c = await createWageCase(t.core, { nearLimit: true });
    expect((await route(c.id)).priority).toBe('urgent');
  });

  it('when the same case is routed twice, then it has one assignment and the load counts it once', async () => {
    const c = await createWageCase(t.core, { gridId: 't01-g1' });
    const [a, b] = await Promise.all([route(c.id), route(c.id)]);
    expect(a.staffId).toBe(b.staffId);
    const again = await route(c.id);
    expect(again.staffId).toBe(a.staffId);
    expect(await t.core.redis.hGet(t.core.cases.keys.load(), a.staffId)).toBe('1');
    expect((await t.core.cases.audit(c.id)).filter((x) => x.action === 'assigned')).toHaveLength(1);
  });

  it('when many cases arrive at once, then nobody is given more than their capacity', async () => {
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push((await createWageCase(t.core, { gridId: 't01-g2' })).id);
    const decisions = await Promise.all(ids.map((id) => route(id)));
    const counts = new Map<string, number>();
    for (const d of decisions) counts.set(d.staffId, (counts.get(d.staffId) ?? 0) + 1);
    // gw-004 capacity 5, gw-005 capacity 9, sup-t01 capacity from the directory; the rest go to the district.
    expect(counts.get('gw-004')).toBe(5);
    expect(counts.get('gw-005')).toBe(9);
    const sup = t.core.directory.index().staffById.get('sup-t01')!.staff;
    expect(counts.get('sup-t01')).toBe(sup.capacity);
    const district = (counts.get('dsup-1') ?? 0) + (counts.get('dsup-2') ?? 0);
    expect(district).toBe(30 - 5 - 9 - sup.capacity);
  });
});

describe('the routing loop', () => {
  beforeEach(async () => start(undefined, true));
  const toRoute = () => caseJobKeys(t.core.config.REDIS_PREFIX).toRoute();
  const failures = () => caseJobKeys(t.core.config.REDIS_PREFIX).toRouteFailures();

  it('when a case is put to route twice or routed again, then there is one assignment and one notice each', async () => {
    const c = await createWageCase(t.core, { gridId: 't01-g1', headcount: 12 });
    await queueRoute(t.core, c.id);
    await queueRoute(t.core, c.id); // put to route twice: one entry
    const routed = await eventually(async () => (await t.core.cases.get(c.id))?.assignee, 8000, 'assignment');
    // Put to route again once routed (a lease that lapsed, the sweep): it changes nothing.
    await queueRoute(t.core, c.id);
    await eventually(async () => (await t.core.redis.zScore(toRoute(), c.id)) === null, 8000, 'the entry done');
    await eventually(async () => (await t.core.inbox.read('staff:sup-t01')).items.length > 0, 8000, 'copy');
    await new Promise((r) => setTimeout(r, 300));
    expect((await t.core.inbox.read(`staff:${routed.staffId}`)).items).toHaveLength(1);
    expect((await t.core.inbox.read('staff:sup-t01')).items).toHaveLength(1);
    expect((await t.core.inbox.read(c.reporter.userKey)).items).toHaveLength(1);
    const copy = JSON.stringify((await t.core.inbox.read('staff:sup-t01')).items);
    expect(copy).toContain('138****8000');
    expect(copy).not.toContain('13800138000');
  });

  it('when a case to route does not exist, then its entry is dropped (not retried) and nothing is assigned', async () => {
    await queueRoute(t.core, 'no-such-case');
    await eventually(async () => (await t.core.redis.zScore(toRoute(), 'no-such-case')) === null, 8000, 'the entry dropped');
    expect(await t.core.redis.hGetAll(failures())).toEqual({});
    expect(await t.core.redis.hGetAll(t.core.cases.keys.load())).toEqual({});
  });

  it('when routing a case throws, then it is tried again a second later by the app clock, never dropped, and routed once the trouble passes', async () => {
    // The app's clock, held still: the retry is due when the clock says so, not when the machine gets to it.
    await t.stop();
    const clock = manualClock(new Date('2026-11-23T10:00:00+08:00'));
    t = await startTestCore({ workers: true, clock });
    const c = await createWageCase(t.core, { gridId: 't01-g1' });
    // A record that cannot be read (as if written by a newer release): routing throws, and keeps the case.
    const recordKey = t.core.cases.keys.record(c.id);
    const good = await t.core.redis.get(recordKey);
    await t.core.redis.set(recordKey, '{"not":"a case"');
    await queueRoute(t.core, c.id);
    await eventually(async () => (await t.core.redis.hGet(failures(), c.id)) === '1', 8000, 'a failure counted');
    expect(await t.core.redis.zScore(toRoute(), c.id)).toBe(clock.now().getTime() + 1000);
    await t.core.redis.set(recordKey, good!);
    // Not due yet: nothing happens however long the loop looks.
    await new Promise((r) => setTimeout(r, 400));
    expect((await t.core.cases.get(c.id))!.assignee).toBeNull();
    expect(await t.core.redis.hGet(failures(), c.id)).toBe('1');
    clock.advance(1000);
    const routed = await eventually(async () => (await t.core.cases.get(c.id))?.assignee, 8000, 'assignment after the retry');
    expect(routed.level).toBe('grid');
    await eventually(async () => (await t.core.redis.zScore(toRoute(), c.id)) === null, 8000, 'the entry done');
    expect(await t.core.redis.hGet(failures(), c.id)).toBeNull();
  });

  it('job data carries the case id only, never a phone number', async () => {
    const c = await createWageCase(t.core, { phone: '13912345678' });
    await queueRoute(t.core, c.id);
    await eventually(async () => (await t.core.cases.get(c.id))?.assignee, 8000, 'assignment');
    // What is queued about it: the routing and outbox entries (ids and numbers), and any job on the outbound queue.
    const keys = caseJobKeys(t.core.config.REDIS_PREFIX);
    await t.workers!.routing!.pause();
    await queueRoute(t.core, c.id);
    const entries = [...(await t.core.redis.zRange(keys.toRoute(), 0, -1)), ...(await t.core.redis.zRange(keys.outbox(), 0, -1))];
    const jobs = (await t.core.queues.outbound.getJobs()).map((j) => JSON.stringify(j.data));
    expect(entries.length).toBeGreaterThan(0);
    for (const x of [...entries, ...jobs]) expect(x).not.toMatch(/1391234|13912345678/);
    t.workers!.routing!.resume();
  });
});

describe('directory edge', () => {
  it('when the directory has a grid whose workers are all off duty and no township supervisor on duty, then the district takes it', async () => {
    const dir = loadDemoDirectory();
    const tw = dir.districts[0]!.townships.find((x) => x.id === 't03')!;
    tw.supervisor.onDuty = false;
    await start(dir);
    const c = await createWageCase(t.core, { townshipId: 't03', gridId: 't03-g2' });
    expect((await route(c.id)).level).toBe('district');
  });
});
