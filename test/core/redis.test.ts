import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { checkRedisServer, connectRedis, startPrivateRedis } from '../../core/infra/redis.js';

describe('private redis-server and the settings check', () => {
  it('starts with AOF and noeviction under the given folder, passes the check, and stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongyou-redis-'));
    const server = await startPrivateRedis(dir);
    const client = await connectRedis(server.url);
    try {
      expect(await checkRedisServer(client)).toEqual({ ok: true, problems: [], warnings: [] });
      expect((await client.configGet('dir')).dir).toBe(dir);

      await client.configSet('maxmemory-policy', 'allkeys-lru');
      await client.configSet('appendonly', 'no');
      const bad = await checkRedisServer(client);
      expect(bad.ok).toBe(false);
      expect(bad.problems.join()).toMatch(/maxmemory-policy.*noeviction/);
      expect(bad.warnings.join()).toMatch(/appendonly/);
    } finally {
      await client.quit();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    const probe = createClient({ url: server.url, socket: { reconnectStrategy: false, connectTimeout: 500 } });
    probe.on('error', () => {});
    await expect(probe.connect()).rejects.toThrow();
  });
});
