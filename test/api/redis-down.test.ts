/*
 * Redis goes away under a running app (API and queue workers, on a
 * redis-server of its own that this test stops): calls answer 503 with a
 * Chinese message within a second, /readyz says not ready within a second,
 * the trouble goes into the JSON log in short lines — never a stack on
 * stderr — and when Redis is back the app serves again without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app.js';
import { closeServer, listen } from '../../api/server.js';
import { createEvidenceStore } from '../../core/cases/evidence.js';
import { createCore, loadDirectory, type Core } from '../../core/context.js';
import { loadConfig } from '../../core/infra/config.js';
import { createLogger } from '../../core/infra/logger.js';
import { startPrivateRedis, type PrivateRedis } from '../../core/infra/redis.js';
import { createChatService } from '../../flows/service.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';
import { TEST_ENV, eventually, suiteDirectory } from '../support/core.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const lines: Json[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
    done();
  },
});

let dir = '';
let evidenceDir = '';
let redis: PrivateRedis | undefined;
let revived: ChildProcess | undefined;
let core: Core | undefined;
let workers: WorkerSet | undefined;
let server: Server | undefined;
let base = '';
let token = '';
const stderr: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongyou-down-redis-'));
  evidenceDir = mkdtempSync(join(tmpdir(), 'gongyou-down-evidence-'));
  redis = await startPrivateRedis(dir, { persist: false });
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'info', REDIS_PREFIX: 'down' });
  core = await createCore(config, { log: createLogger('info', sink), redisUrl: redis.url });
  await core.directory.seed(suiteDirectory(), true);
  await loadDirectory(core);
  const chat = createChatService(core, { evidence: createEvidenceStore(evidenceDir, config.DATA_KEY) });
  workers = startWorkers(core, undefined, { chat });
  server = await listen(createApp({ core, chat }), 0, '127.0.0.1');
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const r = await fetch(`${base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'down1' }) });
  token = ((await r.json()) as { token: string }).token;
});

afterAll(async () => {
  vi.restoreAllMocks();
  if (server) await closeServer(server);
  await workers?.close();
  await core?.close();
  await redis?.stop();
  revived?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  rmSync(evidenceDir, { recursive: true, force: true });
});

async function timed(path: string, init: RequestInit = {}): Promise<{ status: number; body: Json; ms: number }> {
  const start = Date.now();
  const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
  const body = await res.json();
  return { status: res.status, body, ms: Date.now() - start };
}

describe('when Redis goes away', () => {
  it('API calls answer 503 in Chinese and /readyz 503, each within a second; the log says so in short lines, stderr stays quiet', async () => {
    expect((await timed('/readyz')).status).toBe(200);
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      stderr.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write);
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');

    await redis!.stop();
    await new Promise((r) => setTimeout(r, 300));

    const chat = await timed('/api/v1/chat/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '你好' }),
    });
    expect(chat.status).toBe(503);
    expect(chat.ms).toBeLessThan(1000);
    expect(chat.body.error).toMatchObject({ code: 'unavailable', message: '服务暂时不可用，请稍后再试。' });
    expect(chat.body.error.requestId).toMatch(/^[A-Za-z0-9_-]+$/);

    const mine = await timed('/api/v1/me/cases', { headers: { authorization: `Bearer ${token}` } });
    expect(mine.status).toBe(503);
    expect(mine.ms).toBeLessThan(1000);

    const ready = await timed('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(1000);
    expect(ready.body.ok).toBe(false);

    // Let the clients, queues and workers try to reconnect a few times.
    await new Promise((r) => setTimeout(r, 1500));
    expect(stderr.join('')).not.toMatch(/\n\s+at /);
    expect(stderr.join('')).not.toMatch(/Error/);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();

    const trouble = lines.filter((l) => l.msg === 'redis unavailable');
    expect(trouble.length).toBeGreaterThan(0);
    for (const l of trouble) {
      expect(l.reason.length).toBeLessThanOrEqual(200);
      expect(l.err).toBeUndefined();
    }
    expect(JSON.stringify(lines)).not.toMatch(/\\n\s+at /);
    // Throttled: not a line per reconnect attempt and per listener.
    expect(trouble.length).toBeLessThan(10);
    expect(lines.some((l) => l.msg === 'service unavailable: redis' && l.requestId === chat.body.error.requestId)).toBe(true);
  });

  it('when Redis is back, the app serves again without a restart', async () => {
    const { port, password } = new URL(redis!.url);
    revived = spawn('redis-server', ['--port', port, '--requirepass', password, '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    await eventually(async () => (await timed('/readyz')).status === 200, 10_000, 'ready again');
    const r = await timed('/api/v1/chat/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '你好' }),
    });
    expect(r.status).toBe(200);
    expect(lines.some((l) => l.msg === 'redis connection restored')).toBe(true);
  });
});
