import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Queue, Worker } from 'bullmq';
import { MaxCommandRedirectionsError, RootNodesUnavailableError, SimpleError } from 'redis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { onCaseChange, type CaseChanged } from '../../core/cases/index.js';
import { route as queueRoute } from '../../core/cases/queue.js';
import {
  checkRedisServer,
  clusterOf,
  connectRedis,
  isRedisUnavailable,
  redisMasters,
  startPrivateCluster,
  type PrivateCluster,
  type Redis,
} from '../../core/infra/redis.js';
import { createLogger } from '../../core/infra/logger.js';
import { createWageCase } from '../support/cases.js';
import { ON_CLUSTER, eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { crossSlotErrors } from '../support/redis-cluster.js';

/**
 * The app on a real three-master Redis Cluster (the `cluster` project:
 * test/support/global-setup.ts starts it). The main flows' suites run on
 * it too (vitest.config.ts); this file checks what they take for granted:
 * the data really is spread over the masters, BullMQ and pub/sub work, and
 * what a cluster refuses or suffers is told apart.
 */

/** The hash tag of a key: what is between its first `{` and the next `}`. */
const tagOf = (key: string) => /\{([^}]*)\}/.exec(key)?.[1] ?? '';

/** Every key under `prefix`, with the address of the master that holds it. */
async function keysByMaster(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const where = new Map<string, string>();
  for (const { address, client } of await redisMasters(redis)) {
    for await (const batch of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) for (const k of batch) where.set(k, address);
  }
  return where;
}

describe('the app on the test cluster', () => {
  const t = useFixture(() => startTestCore({ workers: true }), 'all');

  it('runs on a cluster of three masters', () => {
    expect(ON_CLUSTER).toBe(true);
    const cluster = clusterOf(t.core.redis);
    expect(cluster).not.toBeNull();
    expect(cluster!.masters).toHaveLength(3);
  });

  it('a case routed by its BullMQ job on the cluster: assigned, the assignee told, the change heard by pub/sub', async () => {
    const heard: CaseChanged[] = [];
    const stop = onCaseChange(t.core, (e) => heard.push(e));
    try {
      // The subscriber is listening once some master counts it on the cases' channel.
      const channel = t.core.cases.keys.changedChannel;
      await eventually(async () => {
        let n = 0;
        for (const { client } of await redisMasters(t.core.redis)) n += Number(((await client.sendCommand(['PUBSUB', 'NUMSUB', channel])) as unknown[])[1]);
        return n > 0;
      }, 5000, 'the subscription');
      const c = await createWageCase(t.core, { gridId: 't01-g2' });
      await queueRoute(t.core, c.id);
      const assignee = await eventually(async () => (await t.core.cases.get(c.id))?.assignee, 8000, 'the assignment');
      expect(['gw-004', 'gw-005']).toContain(assignee.staffId);
      await eventually(async () => (await t.core.inbox.read(`staff:${assignee.staffId}`)).items.length > 0, 8000, "the assignee's notice");
      await eventually(async () => heard.some((e) => e.id === c.id), 5000, 'the case event');
    } finally {
      stop();
    }
  });

  it("keeps each feature's keys in one slot and spreads the features over more than one master", async () => {
    const where = await keysByMaster(t.core.redis, t.core.keys.prefix);
    const byTag = new Map<string, Set<string>>();
    for (const [key, master] of where) byTag.set(tagOf(key), (byTag.get(tagOf(key)) ?? new Set()).add(master));
    // The run above wrote the directory, the case, its jobs and notices: several features.
    expect([...byTag.keys()]).toEqual(expect.arrayContaining(['directory', 'cases', 'bull', 'inbox']));
    expect(byTag.has('')).toBe(false);
    for (const [tag, masters] of byTag) expect(`${tag}: ${[...masters].join(' ')}`).toBe(`${tag}: ${[...masters][0]}`);
    // One slot per feature, as the server computes it.
    const slots = new Map<string, Set<number>>();
    for (const key of where.keys()) {
      const slot = Number(await t.core.redis.sendCommand(['CLUSTER', 'KEYSLOT', key]));
      slots.set(tagOf(key), (slots.get(tagOf(key)) ?? new Set()).add(slot));
    }
    for (const [tag, s] of slots) expect(`${tag}: ${s.size}`).toBe(`${tag}: 1`);
    expect(new Set(where.values()).size).toBeGreaterThan(1);
  });

  it('runs immediate, delayed and scheduled BullMQ jobs on the cluster, all in the queues’ one slot', async () => {
    const { connection, prefix } = t.core.queues;
    const queue = new Queue('cluster-probe', { connection, prefix });
    const ran: string[] = [];
    const worker = new Worker('cluster-probe', async (job) => void ran.push(job.name), { connection, prefix });
    try {
      await queue.add('now', {});
      await queue.add('later', {}, { delay: 300 });
      await queue.upsertJobScheduler('every', { every: 200 }, { name: 'scheduled' });
      await eventually(async () => ran.includes('now') && ran.includes('later') && ran.filter((n) => n === 'scheduled').length >= 2, 8000, 'the jobs');
      await queue.removeJobScheduler('every');
    } finally {
      await worker.close();
      await queue.close();
    }
    const tags = new Set([...(await keysByMaster(t.core.redis, `${prefix}:cluster-probe`)).keys()].map(tagOf));
    expect([...tags]).toEqual(['bull']);
  });

  it("checks the settings on every master, naming each (the test cluster runs without AOF)", async () => {
    const check = await checkRedisServer(t.core.redis);
    expect(check.ok).toBe(true);
    const masters = (await redisMasters(t.core.redis)).map((m) => m.address);
    expect(masters).toHaveLength(3);
    expect(check.warnings.map((w) => w.split(': ')[0]).sort()).toEqual([...masters].sort());
  });

  it('scans, counts and deletes keys of several features across the masters', async () => {
    const p = `${t.core.keys.prefix}:scan`;
    const keys = ['cases', 'directory', 'auth', 'staff', 'bull'].flatMap((tag) => [0, 1, 2].map((i) => `${p}:{${tag}}:${i}`));
    for (const k of keys) await t.core.redis.set(k, '1');
    const found: string[] = [];
    for await (const batch of t.core.redis.scanIterator({ MATCH: `${p}:*`, COUNT: 100 })) found.push(...batch);
    expect(found.sort()).toEqual([...keys].sort());
    expect(await t.core.redis.exists(keys)).toBe(keys.length);
    expect(await t.core.redis.mGet(keys)).toEqual(keys.map(() => '1'));
    expect(await t.core.redis.del(keys)).toBe(keys.length);
    expect(await t.core.redis.exists(keys)).toBe(0);
  });
});

describe('what a cluster answers while it heals is an outage; what our code got wrong is not', () => {
  it('tells them apart by kind and by the reply’s code', () => {
    const outage = [
      new SimpleError('CLUSTERDOWN The cluster is down'),
      new SimpleError('TRYAGAIN Multiple keys request during rehashing of slot'),
      new SimpleError('MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to no'),
      new SimpleError('LOADING Redis is loading the dataset in memory'),
      new MaxCommandRedirectionsError(new SimpleError('MOVED 9263 127.0.0.1:7002')),
      new RootNodesUnavailableError(),
    ];
    for (const e of outage) expect(isRedisUnavailable(e), e.message).toBe(true);
    const bugs = [
      new SimpleError("CROSSSLOT Keys in request don't hash to the same slot"),
      new SimpleError('ERR wrong number of arguments'),
      new SimpleError('WRONGTYPE Operation against a key holding the wrong kind of value'),
      new Error('CLUSTERDOWN in a message of our own'),
    ];
    for (const e of bugs) expect(isRedisUnavailable(e), e.message).toBe(false);
  });
});

describe('a cluster of our own: mistakes and outages', () => {
  const logged: { msg: string; reason?: string }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) logged.push(JSON.parse(l) as { msg: string });
      done();
    },
  });
  let dir: string;
  let own: PrivateCluster;
  let redis: Redis;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongyou-own-cluster-'));
    // A master silent for 1 s is declared failed: the outage below is seen in seconds.
    own = await startPrivateCluster(dir, { masters: 3, nodeTimeoutMs: 1000 });
    redis = await connectRedis({ cluster: [own.nodes[0]!] }, createLogger('info', sink));
  }, 60_000);

  afterAll(async () => {
    if (redis?.isOpen) redis.destroy();
    await own?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds every master from one seed node, with the password', async () => {
    expect((await redisMasters(redis)).map((m) => `redis://${m.address}`).sort()).toEqual([...own.addresses].sort());
    expect(await redis.ping()).toBe('PONG');
  });

  it('refuses a MULTI or a script touching two features with CROSSSLOT, reports it as our bug (not an outage), and the run’s check counts it', async () => {
    const before = await crossSlotErrors(own.nodes);
    const multi = await redis
      .multi()
      .set('gy:{cases}:x', '1')
      .set('gy:{members}:x', '1')
      .exec()
      .then(() => null, (e: unknown) => e);
    expect(String(multi)).toMatch(/CROSSSLOT/);
    expect(isRedisUnavailable(multi)).toBe(false);
    const script = await redis
      .sendCommand(['EVAL', "return redis.call('GET', KEYS[2])", '2', 'gy:{cases}:x', 'gy:{members}:x'])
      .then(() => null, (e: unknown) => e);
    expect(String(script)).toMatch(/CROSSSLOT/);
    expect(isRedisUnavailable(script)).toBe(false);
    expect(await crossSlotErrors(own.nodes)).toBe(before + 2);
    // Nothing of the refused MULTI was written.
    expect(await redis.exists(['gy:{cases}:x', 'gy:{members}:x'])).toBe(0);
  });

  it('FLUSHALL empties every master', async () => {
    const keys = ['cases', 'directory', 'auth', 'staff'].map((tag) => `gy:{${tag}}:flush`);
    for (const k of keys) await redis.set(k, '1');
    const sizes = async () => Promise.all((await redisMasters(redis)).map(async (m) => m.client.dbSize()));
    expect((await sizes()).filter((n) => n > 0).length).toBeGreaterThan(1);
    await redis.flushAll();
    expect(await sizes()).toEqual([0, 0, 0]);
  });

  it('finds a master that evicts, by its address', async () => {
    const [first, second] = await redisMasters(redis);
    await second!.client.configSet('maxmemory-policy', 'allkeys-lru');
    try {
      const check = await checkRedisServer(redis);
      expect(check.ok).toBe(false);
      expect(check.problems).toHaveLength(1);
      expect(check.problems[0]).toMatch(new RegExp(`^${second!.address}: maxmemory-policy is "allkeys-lru"`));
      expect(check.problems[0]).not.toContain(first!.address);
    } finally {
      await second!.client.configSet('maxmemory-policy', 'noeviction');
    }
  });

  it('when a master stops, its keys fail at once as unavailable, once the cluster is down every key does (CLUSTERDOWN); when it is back, so is everything', async () => {
    const masters = await redisMasters(redis);
    // A key on each master: the first and one elsewhere.
    const keyOn = async (address: string) => {
      for (let i = 0; ; i++) {
        const k = `gy:{f${i}}:k`;
        const slot = Number(await redis.sendCommand(['CLUSTER', 'KEYSLOT', k]));
        if (clusterOf(redis)!.getSlotMaster(slot).address === address) return k;
      }
    };
    const gone = masters[0]!;
    const alive = masters[1]!;
    const onGone = await keyOn(gone.address);
    const onAlive = await keyOn(alive.address);
    await redis.set(onAlive, 'v');
    await gone.client.sendCommand(['SHUTDOWN', 'NOSAVE']).catch(() => undefined);

    // Not queued until the master is back: refused at once (no offline queue), as an outage.
    let took = 0;
    const err = await eventually(
      async () => {
        const started = Date.now();
        const e = await redis.get(onGone).then(() => null, (e: unknown) => e);
        took = Date.now() - started;
        return e;
      },
      3000,
      'a refusal',
    );
    expect(took).toBeLessThan(1000);
    expect(isRedisUnavailable(err), String(err)).toBe(true);

    // The other masters agree it failed (1 s without an answer): the cluster is down, for every key.
    const down = await eventually(
      async () => redis.get(onAlive).then(() => null, (e: unknown) => (/CLUSTERDOWN/.test(String(e)) ? e : null)),
      10_000,
      'CLUSTERDOWN',
    );
    expect(isRedisUnavailable(down), String(down)).toBe(true);
    // Said as an outage in the log, a few lines and not one per refused command.
    expect(logged.some((l) => l.msg === 'redis unavailable')).toBe(true);
    expect(logged.some((l) => l.msg === 'redis error')).toBe(false);

    // The master starts again (with its slots, its data gone: no persistence here); the same client carries on.
    await own.restartNode(own.addresses.indexOf(`redis://${gone.address}`));
    expect(await eventually(async () => redis.get(onAlive).catch(() => null), 10_000, 'the live master again')).toBe('v');
    await eventually(async () => redis.set(onGone, 'back').then(() => true, () => false), 10_000, 'the restarted master');
    expect(await redis.get(onGone)).toBe('back');
    expect(logged.some((l) => l.msg === 'redis connection restored')).toBe(true);
  }, 40_000);
});

describe('a cluster with a replica of each master', () => {
  let dir: string;
  let own: PrivateCluster;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongyou-replicated-cluster-'));
    own = await startPrivateCluster(dir, { masters: 3, replicas: 1, nodeTimeoutMs: 1000 });
  }, 60_000);

  afterAll(async () => {
    await own?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("when the master holding the cases fails, its replica takes over: the same core reads every case written before and goes on writing, routing and notifying", async () => {
    const t = await startTestCore({ workers: true, env: { REDIS_CLUSTER_NODES: own.nodes.join(',') } });
    try {
      const { core } = t;
      const before = [];
      for (let i = 0; i < 5; i++) before.push(await createWageCase(core, { userKey: `web:failover-${i}` }));
      const casesKey = core.cases.keys.record(before[0]!.id);
      const slot = Number(await core.redis.sendCommand(['CLUSTER', 'KEYSLOT', casesKey]));
      const master = clusterOf(core.redis)!.getSlotMaster(slot);
      const node = (await redisMasters(core.redis)).find((m) => m.address === master.address)!;
      // What was acknowledged is on the replica too before the master goes (replication is asynchronous).
      expect(Number(await node.client.sendCommand(['WAIT', '1', '5000']))).toBe(1);
      await node.client.sendCommand(['SHUTDOWN', 'NOSAVE']).catch(() => undefined);

      // The replica is promoted (1 s without an answer, then an election); the client follows it by itself.
      const c = await eventually(
        async () => createWageCase(core, { userKey: 'web:failover-after' }).catch(() => null),
        20_000,
        'a case written after the failover',
      );
      const masters = await redisMasters(core.redis);
      expect(masters.map((m) => m.address)).not.toContain(master.address);
      expect(masters).toHaveLength(3);
      for (const b of before) expect((await core.cases.get(b.id))?.caseNo).toBe(b.caseNo);
      // The whole pipeline on the new master: routed by its job, the assignee told.
      await queueRoute(core, c.id);
      const routed = await eventually(async () => (await core.cases.get(c.id))?.assignee, 15_000, 'routing after the failover');
      await eventually(async () => (await core.inbox.read(`staff:${routed.staffId}`)).items.some((i) => JSON.stringify(i).includes(c.caseNo)), 15_000, 'the assignee told');
    } finally {
      await t.stop();
    }
  }, 60_000);
});
