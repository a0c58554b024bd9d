import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Clock } from '../../core/infra/clock.js';
import { TEST_NOW, suiteClock } from './clock.js';
import { MADE_UP_YEARS } from './test-calendar.js';
import { loadConfig } from '../../core/infra/config.js';
import { createCore, loadDirectory, type Core } from '../../core/context.js';
import { createEvidenceStore } from '../../core/cases/evidence.js';
import { loadDemoDirectory } from '../../core/directory/load.js';
import type { Directory } from '../../core/directory/schema.js';
import { directoryKeys } from '../../core/directory/keys.js';
import { createLogger } from '../../core/infra/logger.js';
import { createChatService, type ChatService } from '../../flows/service.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';
import type { OutboxTimings } from '../../core/infra/outbox.js';

export interface TestCore {
  core: Core;
  chat: ChatService;
  workers: WorkerSet | null;
  evidenceDir: string;
  /** Every key under this test's prefix. */
  keys(): Promise<string[]>;
  /**
   * Back to just started: every key under the prefix deleted but the directory's (seeded again if a test changed it),
   * the evidence folder emptied. For a core shared by the tests of a file (test/support/clocked.ts); not with workers.
   */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Test secrets: fixed so failures are reproducible; never used outside tests. */
export const TEST_ENV = {
  NODE_ENV: 'test',
  DATA_KEY: '11'.repeat(32),
  HASH_KEY: '22'.repeat(32),
  TOKEN_SECRET: 'test-token-secret-0123456789abcdef',
  ADMIN_TOKEN: 'test-admin-token-0123',
  LOG_LEVEL: 'silent',
  OUTBOUND_PER_SECOND: '100',
  /** Tests sign people in by id; test/api/auth.test.ts checks it is off unless asked for. */
  DEV_LOGIN: '1',
  /** Suites sign many people in from one address; test/api/auth.test.ts checks the limit itself. */
  SIGN_IN_RATE_PER_MINUTE: '10000',
};

/**
 * Whether this project's test cores run on the private Redis Cluster
 * (vitest.config.ts sets `GONGYOU_TEST_REDIS=cluster` for the `cluster`
 * project; test/support/global-setup.ts starts it).
 */
export const ON_CLUSTER = process.env.GONGYOU_TEST_REDIS === 'cluster';

/**
 * A core on the real test redis-server (or the test cluster: ON_CLUSTER)
 * under a unique key prefix (BullMQ queues included), with the demo
 * directory seeded.
 */
export async function startTestCore(
  opts: { workers?: boolean; env?: Record<string, string>; directory?: Directory; clock?: Clock; outbox?: OutboxTimings } = {},
): Promise<TestCore> {
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const redis = ON_CLUSTER ? { REDIS_CLUSTER_NODES: inject('redisClusterNodes').join(',') } : {};
  const config = loadConfig({ ...TEST_ENV, REDIS_PREFIX: prefix, ...redis, ...opts.env });
  const clock = opts.clock ?? suiteClock();
  const core = await createCore(config, { log: createLogger('silent'), ...(ON_CLUSTER ? {} : { redisUrl: inject('redisUrl') }), clock });
  const directory = opts.directory ?? suiteDirectory();
  await core.directory.seed(directory, true);
  await loadDirectory(core);
  let seeded = await core.redis.get(directoryKeys(prefix).document());
  const evidenceDir = mkdtempSync(join(tmpdir(), 'gongyou-evidence-'));
  const chat = createChatService(core, { evidence: createEvidenceStore(evidenceDir, config.DATA_KEY) });
  const workers = opts.workers ? startWorkers(core, undefined, { chat, ...(opts.outbox ? { outbox: opts.outbox } : {}) }) : null;
  return {
    core,
    chat,
    workers,
    evidenceDir,
    async keys() {
      const out: string[] = [];
      for await (const batch of core.redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) out.push(...batch);
      return out;
    },
    async reset() {
      if (workers) throw new Error('reset() is for a core without workers');
      const doc = directoryKeys(prefix).document();
      const keys: string[] = [];
      for await (const batch of core.redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch.filter((k) => k !== doc));
      // One key at a time on the cluster (keys of different slots), in one go on a single server.
      if (ON_CLUSTER) for (const k of keys) await core.redis.del(k);
      else if (keys.length) await core.redis.del(keys);
      if ((await core.redis.get(doc)) !== seeded) {
        await core.directory.seed(directory, true);
        seeded = await core.redis.get(doc);
      }
      for (const f of readdirSync(evidenceDir)) rmSync(join(evidenceDir, f), { recursive: true, force: true });
    },
    async stop() {
      await workers?.close();
      const keys: string[] = [];
      for await (const batch of core.redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch);
      if (keys.length) await core.redis.del(keys);
      await core.close();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo directory; on another day (GONGYOU_TEST_NOW) with made-up
 * holiday years for the years the package does not know yet.
 */
export function suiteDirectory(): Directory {
  const d = loadDemoDirectory();
  return TEST_NOW ? { ...d, calendar: { years: { ...MADE_UP_YEARS, ...d.calendar.years } } } : d;
}

/** Polls until `fn` returns a truthy value (jobs run asynchronously). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 8000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
