import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPrivateCluster, startPrivateRedis, type PrivateCluster, type PrivateRedis } from '../../core/infra/redis.js';
import { crossSlotErrors } from './redis-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    /** The private cluster's seed nodes (with the password), in the project that runs on it (`GONGYOU_TEST_REDIS=cluster`); else empty. */
    redisClusterNodes: string[];
  }
}

/**
 * What the setups started. Vitest may call setup for several projects on one
 * copy of this module, so each start is kept (not the last one only): a
 * server left running kept the run from exiting for seconds after the tests.
 */
const started: (PrivateRedis | PrivateCluster)[] = [];
const dirs: string[] = [];
/** The cluster this project's tests run on, and its CROSSSLOT count before them. */
let clusterNodes: string[] = [];
let crossSlotBefore = 0;

/**
 * Tests talk to a real redis-server: REDIS_URL if given, otherwise a private
 * one started here (no persistence) and stopped at the end. Each test then
 * uses its own key prefix (see `test/support/redis.ts`).
 *
 * A project whose env says `GONGYOU_TEST_REDIS=cluster` (vitest.config.ts)
 * also gets a private three-master Redis Cluster on free loopback ports
 * under a temporary folder (REDIS_CLUSTER_NODES if given instead), and its
 * test cores connect to it (test/support/core.ts). Vitest runs this setup
 * once per project, each with its own copy of this module, so only that
 * project starts a cluster. At the end the cluster's masters are asked
 * whether any command failed with CROSSSLOT: a script or MULTI of the app
 * touching keys of two slots fails the run, even where the app swallowed
 * the error (a best-effort write, a job's retry).
 */
export async function setup(project: TestProject) {
  let url = process.env.REDIS_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'gongyou-test-redis-'));
    dirs.push(dir);
    const server = await startPrivateRedis(dir, { persist: false });
    started.push(server);
    url = server.url;
  }
  project.provide('redisUrl', url);
  let nodes: string[] = [];
  if (project.config.env?.GONGYOU_TEST_REDIS === 'cluster') {
    nodes = process.env.REDIS_CLUSTER_NODES?.split(',').filter(Boolean) ?? [];
    if (nodes.length === 0) {
      const dir = mkdtempSync(join(tmpdir(), 'gongyou-test-cluster-'));
      dirs.push(dir);
      const cluster = await startPrivateCluster(dir, { masters: 3, persist: false });
      started.push(cluster);
      nodes = cluster.nodes;
    }
    crossSlotBefore = await crossSlotErrors(nodes);
    clusterNodes = nodes;
  }
  project.provide('redisClusterNodes', nodes);
}

export async function teardown() {
  let crossSlot = 0;
  try {
    if (clusterNodes.length) crossSlot = (await crossSlotErrors(clusterNodes)) - crossSlotBefore;
  } finally {
    await Promise.all(started.splice(0).map((s) => s.stop()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
  if (crossSlot > 0) {
    // Vitest prints what a teardown throws but does not fail the run for it.
    process.exitCode = 1;
    throw new Error(`the Redis Cluster refused ${crossSlot} command(s) with CROSSSLOT: a Lua script or MULTI touched keys of two hash slots (give them one feature's hash tag, or split them)`);
  }
}
