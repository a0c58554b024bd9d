import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/**
 * `npm start` as a newcomer runs it: no REDIS_URL, no secrets. It must start
 * its own redis-server under VAR_DIR, seed the directory, serve the chat and
 * route a case, then stop everything on SIGTERM.
 */
describe('npm start', () => {
  it('runs the whole product in one process with a private Redis, and stops cleanly', async () => {
    const varDir = mkdtempSync(join(tmpdir(), 'gongyou-start-'));
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', VAR_DIR: varDir, LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, ['--import', 'tsx', ...startArgs()], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const deadline = Date.now() + 60_000;
      let base = '';
      while (!base) {
        const m = out.match(/Web chat: (http:\/\/127\.0\.0\.1:\d+)\//);
        if (m) base = m[1]!;
        else if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${out}`);
        else await new Promise((r) => setTimeout(r, 100));
      }
      // The log lines may reach the pipe a moment after the banner (seen once in a CI run): waited for, still required.
      await expect.poll(() => out, { timeout: 5000 }).toMatch(/private redis-server started/);
      await expect.poll(() => out, { timeout: 5000 }).toMatch(/directory seeded/);
      expect(out).toMatch(/WECHATY_PUPPET/);

      const page = await fetch(`${base}/`);
      expect(await page.text()).toContain('工友');

      const { token } = (await (
        await fetch(`${base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"e2e"}' })
      ).json()) as { token: string };
      const say = async (text: string) => {
        const res = await fetch(`${base}/api/v1/chat/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ text }),
        });
        expect(res.status).toBe(200);
        return JSON.stringify(await res.json());
      };
      for (const m of ['老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘社区', '不是', '28500', '就我一个', '还在干', '都跳过', '没有', '张三', '13800138000']) {
        await say(m);
      }
      expect(await say('确认')).toMatch(/QX\d{8}-\d{4}/);
      let routed = '';
      for (let i = 0; i < 200 && !routed.includes('东龙镇第一网格'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        routed = await say('进度');
      }
      expect(routed).toContain('已交给东龙镇第一网格处理');
      expect(readdirSync(join(varDir, 'redis')).some((f) => f.startsWith('appendonly'))).toBe(true);
      // The private Redis: the owner's only, behind a password that is never printed.
      expect(statSync(join(varDir, 'redis')).mode & 0o777).toBe(0o700);
      expect(statSync(join(varDir, 'redis', 'password')).mode & 0o777).toBe(0o600);
      expect(out).not.toContain(readFileSync(join(varDir, 'redis', 'password'), 'utf8').trim());
      expect(out).not.toContain('13800138000');
    } finally {
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
      rmSync(varDir, { recursive: true, force: true });
      expect(code).toBe(0);
    }
  }, 120_000);
});

/** What `npm start` runs after `tsx` (package.json), so this test runs exactly that. */
function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const [runner, ...args] = pkg.scripts.start.split(/\s+/);
  expect(runner).toBe('tsx');
  return args;
}
