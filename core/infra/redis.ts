import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createClient } from 'redis';
import type { Logger } from './logger.js';

function newClient(url: string) {
  return createClient({ url });
}

export type Redis = ReturnType<typeof newClient>;

/** Connects a node-redis client; errors are logged instead of crashing the process. */
export async function connectRedis(url: string, log?: Logger): Promise<Redis> {
  const client = newClient(url);
  client.on('error', (err: Error) => log?.error({ err }, 'redis client error'));
  await client.connect();
  return client;
}

export interface RedisCheck {
  ok: boolean;
  problems: string[];
  warnings: string[];
}

/**
 * Checks the server settings a queue-backed store depends on. `noeviction` is
 * required (evicted BullMQ keys corrupt queues); AOF is strongly advised (a
 * crash would lose accepted cases).
 */
export async function checkRedisServer(client: Redis): Promise<RedisCheck> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const policy = (await client.configGet('maxmemory-policy'))['maxmemory-policy'];
  if (policy !== 'noeviction') {
    problems.push(
      `maxmemory-policy is "${policy}"; set "maxmemory-policy noeviction" in redis.conf (or CONFIG SET maxmemory-policy noeviction) — evicted queue keys lose cases`,
    );
  }
  const aof = (await client.configGet('appendonly')).appendonly;
  if (aof !== 'yes') {
    warnings.push('appendonly is "no": a Redis restart loses recent cases; set "appendonly yes" in production');
  }
  return { ok: problems.length === 0, problems, warnings };
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a `redis-server` owned by this process: loopback only, AOF on,
 * `noeviction`, data under `dir`. Used by `npm start` when no REDIS_URL is
 * set and by the test setup.
 */
export async function startPrivateRedis(dir: string, opts: { persist?: boolean; log?: Logger } = {}): Promise<PrivateRedis> {
  const persist = opts.persist ?? true;
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', resolve(dir),
    '--maxmemory-policy', 'noeviction',
    '--appendonly', persist ? 'yes' : 'no',
    '--save', '',
    '--daemonize', 'no',
    '--protected-mode', 'yes',
    '--loglevel', 'warning',
  ];
  let child: ChildProcess;
  try {
    child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`could not start redis-server (${(err as Error).message}); install it (apt-get install redis-server) or set REDIS_URL`);
  }
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const spawnError = new Promise<Error>((res) => child.once('error', res));
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const early = await Promise.race([
      exited.then((code) => new Error(`redis-server exited (${code}): ${output.trim()}`)),
      spawnError.then((e) => new Error(`could not start redis-server (${e.message}); install it (apt-get install redis-server) or set REDIS_URL`)),
      new Promise<null>((r) => setTimeout(() => r(null), 50)),
    ]);
    if (early) throw early;
    const probe = createClient({ url, socket: { reconnectStrategy: false } });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      await probe.quit();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`redis-server did not answer on ${url}: ${output.trim()}`);
      }
    }
  }
  opts.log?.info({ url, dir }, 'private redis-server started');
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
