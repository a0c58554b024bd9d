import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
  createClient,
} from 'redis';
import type { Logger } from './logger.js';

/**
 * No offline queue: while the connection is down a command fails at once
 * (ClientOfflineError) instead of waiting for a reconnect, so an API call
 * answers 503 at once rather than hanging (api/http.ts errorHandler).
 * BullMQ's own connections are duplicates of this client and behave alike.
 */
function newClient(url: string) {
  return createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 5000 } });
}

export type Redis = ReturnType<typeof newClient>;

/** Connects a node-redis client; errors are logged (short, throttled) instead of crashing the process. */
export async function connectRedis(url: string, log?: Logger): Promise<Redis> {
  const client = newClient(url);
  let troubled = false;
  client.on('error', (err: Error) => {
    troubled = true;
    if (log) reportRedisTrouble(log, 'redis', err);
  });
  client.on('ready', () => {
    if (troubled) log?.info({ source: 'redis' }, 'redis connection restored');
    troubled = false;
  });
  await client.connect();
  return client;
}

const UNAVAILABLE = [
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
];
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether an error means Redis cannot be reached (down, restarting,
 * unreachable) rather than a fault of the request or of our code. BullMQ
 * wraps node-redis's errors (its ConnectionClosedError keeps the cause).
 */
export function isRedisUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    if (UNAVAILABLE.some((c) => e instanceof c) || e.name === 'ConnectionClosedError') return true;
    if (depth === 0 && SOCKET_CODES.has(String((e as { code?: unknown }).code))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** An error in one short line: its name and message, never the stack. */
export function shortReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 200);
  const code = (err as { code?: unknown }).code;
  // node-redis's error classes keep the name "Error": the class says more.
  const name = err.name === 'Error' && err.constructor.name !== 'Error' ? err.constructor.name : err.name;
  return `${name}: ${err.message}${typeof code === 'string' && !err.message.includes(code) ? ` (${code})` : ''}`.slice(0, 200);
}

const lastReported = new WeakMap<Logger, Map<string, number>>();
/** Each source says the same thing at most once in this long. */
const REPORT_EVERY_MS = 30_000;

/**
 * Trouble with Redis from a client, a queue or a worker (`source`), in the
 * JSON log as one short line — no stack, and not once per reconnect
 * attempt or per listener: the same lost connection is said again only
 * after 30 s (another kind of error, per source). Anything that is not a
 * connection problem is an error.
 */
export function reportRedisTrouble(log: Logger, source: string, err: unknown): void {
  const reason = shortReason(err);
  let seen = lastReported.get(log);
  if (!seen) lastReported.set(log, (seen = new Map()));
  const unavailable = isRedisUnavailable(err);
  // Redis going away is one event, however many clients, queues and workers notice it.
  const key = unavailable ? reason : `${source}|${reason}`;
  const now = Date.now();
  if ((seen.get(key) ?? -Infinity) + REPORT_EVERY_MS > now) return;
  if (seen.size > 500) seen.clear();
  seen.set(key, now);
  if (unavailable) log.warn({ source, reason }, 'redis unavailable');
  else log.error({ source, reason }, 'redis error');
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
  /** With the password: for clients. */
  url: string;
  /** Without the password: for logs. */
  address: string;
  stop(): Promise<void>;
}

/** Owner only: the folder 0700, what is in it 0600 (0700 for folders such as `appendonlydir`), left from older runs too. */
function ownerOnly(dir: string): void {
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) ownerOnly(path);
    else chmodSync(path, 0o600);
  }
}

/** The server's password: random, kept in `<dir>/password` (0600) so `redis-cli -a` can use it across restarts. */
function passwordIn(dir: string): string {
  const file = join(dir, 'password');
  const kept = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (/^[0-9a-f]{64}$/.test(kept)) return kept;
  const fresh = randomBytes(32).toString('hex');
  writeFileSync(file, `${fresh}\n`, { mode: 0o600 });
  return fresh;
}

/**
 * Starts a `redis-server` owned by this process: loopback only, a password
 * (random, in `<dir>/password`), AOF on, `noeviction`, data under `dir`,
 * readable by the owner only (folder 0700, files 0600: the server runs
 * with umask 077). The settings, password included, are in
 * `<dir>/redis.conf` (0600), never on a command line other users can see.
 * Used by `npm start` when no REDIS_URL is set and by the test setup.
 */
export async function startPrivateRedis(dir: string, opts: { persist?: boolean; log?: Logger } = {}): Promise<PrivateRedis> {
  const persist = opts.persist ?? true;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const password = passwordIn(dir);
  ownerOnly(dir);
  const port = await freePort();
  const conf = join(dir, 'redis.conf');
  const settings = [
    `port ${port}`,
    'bind 127.0.0.1',
    `dir "${resolve(dir)}"`,
    'maxmemory-policy noeviction',
    `appendonly ${persist ? 'yes' : 'no'}`,
    'save ""',
    'daemonize no',
    'protected-mode yes',
    'loglevel warning',
    `requirepass ${password}`,
  ];
  writeFileSync(conf, `${settings.join('\n')}\n`, { mode: 0o600 });
  chmodSync(conf, 0o600);
  let child: ChildProcess;
  try {
    // umask 077: the AOF, RDB and appendonlydir the server creates are the owner's only. `exec` keeps one process to signal.
    child = spawn('/bin/sh', ['-c', 'umask 077 && exec redis-server "$0"', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`could not start redis-server (${(err as Error).message}); install it (apt-get install redis-server) or set REDIS_URL`);
  }
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const spawnError = new Promise<Error>((res) => child.once('error', res));
  const address = `redis://127.0.0.1:${port}`;
  const url = `redis://:${password}@127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const early = await Promise.race([
      exited.then((code) =>
        code === 127
          ? new Error('could not start redis-server (not found); install it (apt-get install redis-server) or set REDIS_URL')
          : new Error(`redis-server exited (${code}): ${output.trim()}`),
      ),
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
        throw new Error(`redis-server did not answer on ${address}: ${output.trim()}`);
      }
    }
  }
  opts.log?.info({ url: address, dir }, 'private redis-server started');
  return {
    url,
    address,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
