import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
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
      expect((await client.configGet('appendfsync')).appendfsync).toBe('always');

      // AOF fsynced once a second: acknowledged cases can be lost in a power cut; said at start-up.
      await client.configSet('appendfsync', 'everysec');
      const weaker = await checkRedisServer(client);
      expect(weaker).toMatchObject({ ok: true, problems: [] });
      expect(weaker.warnings.join()).toMatch(/appendfsync is "everysec".*appendfsync always/);

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

  it('goes when the process that started it is killed (kill -9): no redis-server left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongyou-redis-'));
    // A process that starts one and says where, then waits to be killed.
    const script = `import { startPrivateRedis } from ${JSON.stringify(new URL('../../core/infra/redis.ts', import.meta.url).pathname)};
const s = await startPrivateRedis(${JSON.stringify(dir)}, { persist: false });
console.log(s.url);
setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const line = out.split('\n').find((l) => l.startsWith('redis://'));
          if (line) res(line.trim());
        });
        child.once('exit', (code) => rej(new Error(`exited ${code}`)));
      });
      const client = await connectRedis(url);
      const pid = Number(/process_id:(\d+)/.exec(await client.info('server'))?.[1]);
      await client.quit();
      expect(pid).toBeGreaterThan(0);
      child.kill('SIGKILL');
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      const deadline = Date.now() + 8000;
      while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(alive()).toBe(false);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for a password, and keeps its folder and files to the owner (0700, 0600)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongyou-redis-'));
    const server = await startPrivateRedis(dir);
    try {
      const client = await connectRedis(server.url);
      await client.set('k', 'v');
      await client.bgRewriteAof();
      await new Promise((r) => setTimeout(r, 300));
      await client.quit();
      const password = new URL(server.url).password;
      expect(password).toMatch(/^[0-9a-f]{64}$/);
      expect(server.address).not.toContain(password);

      const open = createClient({ url: server.address, socket: { reconnectStrategy: false } });
      open.on('error', () => {});
      const refused = await open
        .connect()
        .then(() => open.get('k'))
        .then(
          () => null,
          (e: Error) => e,
        );
      expect(String(refused)).toMatch(/NOAUTH/);
      if (open.isOpen) open.destroy();

      const modes: Record<string, string> = {};
      const walk = (d: string, rel: string) => {
        for (const name of readdirSync(d)) {
          const path = join(d, name);
          const st = statSync(path);
          modes[`${rel}${name}`] = (st.mode & 0o777).toString(8);
          if (st.isDirectory()) walk(path, `${rel}${name}/`);
        }
      };
      expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
      walk(dir, '');
      expect(Object.keys(modes)).toEqual(expect.arrayContaining(['password', 'redis.conf', 'appendonlydir']));
      expect(Object.keys(modes).some((k) => k.startsWith('appendonlydir/'))).toBe(true);
      for (const [name, mode] of Object.entries(modes)) expect(`${name} ${mode}`).toBe(`${name} ${name === 'appendonlydir' ? '700' : '600'}`);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
