import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPrivateRedis, type PrivateRedis } from '../../core/infra/redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let server: PrivateRedis | undefined;
let dir: string | undefined;

/**
 * Tests talk to a real redis-server: REDIS_URL if given, otherwise a private
 * one started here (no persistence) and stopped at the end. Each test then
 * uses its own key prefix (see `test/support/redis.ts`).
 */
export async function setup(project: TestProject) {
  let url = process.env.REDIS_URL;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'gongyou-test-redis-'));
    server = await startPrivateRedis(dir, { persist: false });
    url = server.url;
  }
  project.provide('redisUrl', url);
}

export async function teardown() {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
