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
  ErrorReply,
  MaxCommandRedirectionsError,
  ReconnectStrategyError,
  RootNodesUnavailableError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
  createClient,
  createCluster,
} from 'redis';
import { processEnv } from './config.js';
import type { Logger } from './logger.js';

/**
 * No per-command timeout (node-redis 6 defaults to 5 s). That timeout only
 * covers a command's wait to be written to the socket — it is cleared once
 * written, so it never bounds a slow reply — and with no offline queue a
 * command waits for nothing: it is written on the next turn of the event
 * loop, or fails at once when the connection is down. Yet it cost every
 * command an `AbortSignal.timeout` (a timer that fires 5 s later anyway,
 * making a DOMException), about 5 % of the CPU of a chat turn.
 */
const COMMAND_OPTIONS = { timeout: 0 };

/**
 * No offline queue: while the connection is down a command fails at once
 * (ClientOfflineError) instead of waiting for a reconnect, so an API call
 * answers 503 at once rather than hanging (api/http.ts errorHandler).
 * BullMQ's own connections are duplicates of this client and behave alike.
 */
function newClient(url: string) {
  return createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 5000 }, commandOptions: COMMAND_OPTIONS });
}

export type Redis = ReturnType<typeof newClient>;

/**
 * Where the app's Redis is: one server (`REDIS_URL`), or a Redis Cluster
 * given by some of its masters (`REDIS_CLUSTER_NODES`; the client finds
 * the rest). A plain string is one server's URL.
 */
export type RedisTarget = string | { cluster: readonly string[] };

/** The app's Redis settings as a target, or null when neither is set (`npm start` then runs its own). */
export function redisTargetOf(config: { REDIS_URL?: string; REDIS_CLUSTER_NODES?: readonly string[] }): RedisTarget | null {
  if (config.REDIS_CLUSTER_NODES?.length) return { cluster: config.REDIS_CLUSTER_NODES };
  return config.REDIS_URL ?? null;
}

/**
 * A cluster client with the same settings as one server's: no offline
 * queue, a 5 s connect timeout. The seed nodes' user and password (and
 * TLS, `rediss://`) are every node's: the nodes the client discovers come
 * without them.
 */
function newCluster(nodes: readonly string[]) {
  const first = new URL(nodes[0]!);
  return createCluster({
    rootNodes: nodes.map((url) => ({ url })),
    commandOptions: COMMAND_OPTIONS,
    defaults: {
      ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
      ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
      disableOfflineQueue: true,
      socket: first.protocol === 'rediss:' ? { tls: true, connectTimeout: 5000 } : { connectTimeout: 5000 },
    },
  });
}

type Cluster = ReturnType<typeof newCluster>;
const CLUSTER = Symbol('redis cluster');

/** The cluster client behind a `Redis` from `connectRedis`, or null for one server. */
export function clusterOf(redis: Redis): Cluster | null {
  return ((redis as unknown as Record<symbol, unknown>)[CLUSTER] as Cluster | undefined) ?? null;
}

/**
 * Every master's own connection, with its address (for one server: the
 * client itself): for what must hold on every shard (the settings check)
 * or be asked of each (INFO).
 */
export async function redisMasters(redis: Redis): Promise<{ address: string; client: Redis }[]> {
  const cluster = clusterOf(redis);
  if (!cluster) return [{ address: '', client: redis }];
  return Promise.all(cluster.masters.map(async (m) => ({ address: m.address, client: (await cluster.nodeClient(m)) as unknown as Redis })));
}

/** Channels of `Redis` events the cluster client names differently. */
const CLUSTER_EVENTS: Record<string, readonly string[]> = {
  // A single client says `ready` when it can take commands; the cluster says `connect` once its slots are known.
  ready: ['connect'],
  end: ['disconnect'],
  // A node's socket trouble is `node-error` on the cluster; listeners of `error` want it too.
  error: ['error', 'node-error'],
};

/**
 * Why this exists: the app and BullMQ are written against node-redis's
 * single-server client (`Redis`), and a cluster client differs in just
 * enough places to break them. BullMQ's node-redis adapter has no cluster
 * support (`isCluster = false // TODO` in bullmq 6.7): it waits for a
 * `ready` event the cluster never sends (a Worker hangs), calls
 * `sendCommand(args)` where the cluster takes `(firstKey, isReadonly,
 * args)`, and names its connections. And the cluster client has no
 * `scanIterator`, and loads a script on one random node. So this Proxy keeps the `Redis` type
 * for the app's hundreds of call sites and changes only those:
 *
 * - events: `ready` → `connect`, `end` → `disconnect`, `error` also hears
 *   `node-error`;
 * - `connect()` and `duplicate()` answer with the adapter (BullMQ and the
 *   case-events subscriber duplicate the app's client);
 * - `sendCommand(args)` runs on any node (BullMQ: `CLIENT LIST`);
 * - `scanIterator` walks every master in turn; `scriptLoad` loads on every
 *   master (BullMQ runs EVALSHA inside MULTI, where no NOSCRIPT fallback
 *   helps); `clientSetName` does nothing (a cluster's connections are
 *   shared by every caller).
 *
 * Everything else is node-redis's own cluster routing, which covers what
 * the app needs: keyed commands go to their slot's master; DEL, EXISTS and
 * MGET of several slots are split per slot; PING and FLUSHALL go to every
 * master; INFO and CONFIG GET to one (the settings check asks each master:
 * `redisMasters`); MULTI goes to its first key's slot, and a Lua script to
 * its first key's (WATCH is not used: records change by Lua
 * compare-and-set). What cannot work on a cluster is caught by the server,
 * not here: a script or MULTI whose keys are in two slots fails with
 * CROSSSLOT (each feature's keys share a hash tag: core/infra/keys.ts).
 */
function clusterAsRedis(cluster: Cluster): Redis {
  const listen = (method: 'on' | 'once' | 'off' | 'addListener' | 'removeListener' | 'prependListener') =>
    (event: string | symbol, fn: (...args: unknown[]) => void) => {
      for (const e of typeof event === 'string' ? (CLUSTER_EVENTS[event] ?? [event]) : [event]) cluster[method](e, fn);
      return self;
    };
  const overrides: Record<PropertyKey, unknown> = {
    [CLUSTER]: cluster,
    on: listen('on'),
    once: listen('once'),
    off: listen('off'),
    addListener: listen('addListener'),
    removeListener: listen('removeListener'),
    prependListener: listen('prependListener'),
    async connect() {
      await cluster.connect();
      return self;
    },
    // A duplicate serves one purpose (BullMQ's blocking pops on the queues' master, a subscriber): it connects
    // to a node when it first needs it, not to every master at once.
    duplicate: () => clusterAsRedis(cluster.duplicate({ minimizeConnections: true })),
    sendCommand: (args: string[], options?: Parameters<Cluster['sendCommand']>[3]) => cluster.sendCommand(undefined, false, args, options),
    async *scanIterator(options?: Parameters<Redis['scanIterator']>[0]) {
      for (const master of cluster.masters) {
        const client = await cluster.nodeClient(master);
        yield* client.scanIterator(options);
      }
    },
    async scriptLoad(script: string) {
      const shas = await Promise.all(cluster.masters.map(async (m) => (await cluster.nodeClient(m)).scriptLoad(script)));
      return shas[0];
    },
    clientSetName: async () => 'OK',
  };
  const self = new Proxy(cluster, {
    get(target, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Redis;
  return self;
}

/**
 * Connects to one server or a cluster (`RedisTarget`); the answer is a
 * `Redis` either way (a cluster through `clusterAsRedis`). Errors are
 * logged (short, throttled) instead of crashing the process.
 */
export async function connectRedis(target: RedisTarget, log?: Logger): Promise<Redis> {
  const client = typeof target === 'string' ? newClient(target) : clusterAsRedis(newCluster(target.cluster));
  let troubled = false;
  client.on('error', (err: Error) => {
    troubled = true;
    if (log) reportRedisTrouble(log, 'redis', err);
  });
  const restored = () => {
    if (troubled) log?.info({ source: 'redis' }, 'redis connection restored');
    troubled = false;
  };
  client.on('ready', restored);
  // A cluster's node that came back (a single client never says this).
  client.on('node-ready', restored);
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
  // A cluster: no seed node answers; a slot moved more often than the client follows (a failover or resharding in progress).
  RootNodesUnavailableError,
  MaxCommandRedirectionsError,
];
/**
 * A cluster's answers while it heals: no master for some slots
 * (CLUSTERDOWN), a multi-key command during a slot's migration (TRYAGAIN),
 * a replica promoted but not yet serving (MASTERDOWN), and a server still
 * loading its data (LOADING). CROSSSLOT is not one: it is our bug.
 */
const UNAVAILABLE_REPLIES = /^(CLUSTERDOWN|TRYAGAIN|MASTERDOWN|LOADING)\b/;
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
    if (e instanceof ErrorReply && UNAVAILABLE_REPLIES.test(e.message)) return true;
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
 * Checks the server settings a queue-backed store depends on, on every
 * master of a cluster (each holds some features' data and must be as
 * safe as one server). `noeviction` is required (evicted BullMQ keys
 * corrupt queues); AOF is strongly advised (a crash would lose accepted
 * cases).
 */
export async function checkRedisServer(client: Redis): Promise<RedisCheck> {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const { address, client: server } of await redisMasters(client)) {
    const on = address ? `${address}: ` : '';
    const policy = (await server.configGet('maxmemory-policy'))['maxmemory-policy'];
    if (policy !== 'noeviction') {
      problems.push(
        `${on}maxmemory-policy is "${policy}"; set "maxmemory-policy noeviction" in redis.conf (or CONFIG SET maxmemory-policy noeviction) — evicted queue keys lose cases`,
      );
    }
    const aof = (await server.configGet('appendonly')).appendonly;
    if (aof !== 'yes') {
      warnings.push(`${on}appendonly is "no": a Redis restart loses recent cases; set "appendonly yes" and "appendfsync always" in production`);
    } else {
      // Zero loss of acknowledged records needs each write on disk before it is answered (README, Production).
      const fsync = (await server.configGet('appendfsync')).appendfsync;
      if (fsync !== 'always') warnings.push(`${on}appendfsync is "${fsync}": a power cut or OS crash can lose about the last second of acknowledged cases; set "appendfsync always" in production`);
    }
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
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const password = passwordIn(dir);
  ownerOnly(dir);
  const server = await spawnRedis(dir, password, { persist: opts.persist ?? true });
  opts.log?.info({ url: server.address, dir }, 'private redis-server started');
  return server;
}

/**
 * Runs `redis-server "$0"` and passes on its exit status; stops it on
 * SIGTERM, SIGINT or SIGHUP, and when process `$1` (the app) is gone —
 * checked every second.
 */
const WATCHDOG = [
  'umask 077',
  'redis-server "$0" &',
  'r=$!',
  'stop=""',
  'trap \'stop=1; kill -TERM "$r" 2>/dev/null\' TERM INT HUP',
  'while [ -z "$stop" ] && kill -0 "$1" 2>/dev/null && kill -0 "$r" 2>/dev/null; do sleep 1 & wait $!; done',
  'kill -TERM "$r" 2>/dev/null',
  'wait "$r"',
].join('\n');

/**
 * One `redis-server` with the private settings (see startPrivateRedis) and
 * `extra` lines, answering PING with the password before this returns.
 */
async function spawnRedis(dir: string, password: string, opts: { persist: boolean; port?: number; extra?: string[] }): Promise<PrivateRedis> {
  const port = opts.port ?? (await freePort());
  const conf = join(dir, 'redis.conf');
  const settings = [
    `port ${port}`,
    'bind 127.0.0.1',
    `dir "${resolve(dir)}"`,
    'maxmemory-policy noeviction',
    `appendonly ${opts.persist ? 'yes' : 'no'}`,
    // Every acknowledged write on disk before it is answered (README, Production: what it costs).
    'appendfsync always',
    // A person's chat history is a sorted set of sealed entries of 100–600 bytes; Redis keeps a small sorted set
    // compact (a listpack) only while every member is at most this long (default 64): a one-entry history took
    // 1.3 KB as a skip list, 0.5 KB compact. Up to 128 entries (zset-max-listpack-entries) it stays compact.
    'zset-max-listpack-value 1024',
    'save ""',
    'daemonize no',
    'protected-mode yes',
    'loglevel warning',
    `requirepass ${password}`,
    ...(opts.extra ?? []),
  ];
  writeFileSync(conf, `${settings.join('\n')}\n`, { mode: 0o600 });
  chmodSync(conf, 0o600);
  let child: ChildProcess;
  try {
    // umask 077: the AOF, RDB and appendonlydir the server creates are the owner's only. The shell stays as a
    // watchdog: the server goes when this process does, however it ends (a killed test run or `npm start`
    // left a redis-server behind for good before).
    child = spawn('/bin/sh', ['-c', WATCHDOG, conf, String(process.pid)], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  return {
    url,
    address,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      // The 5 s bound is cleared once the server is gone: a pending timer kept the process that stopped it alive
      // for those 5 s (each test run ended 5 s late).
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (bound = setTimeout(r, 5000)))]);
      clearTimeout(bound);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export interface PrivateCluster {
  /** Every node's URL (masters first, then any replicas), with the password: the seed nodes (`REDIS_CLUSTER_NODES`). */
  nodes: string[];
  /** The same without the password: for logs. */
  addresses: string[];
  /** Starts node `i` (of `nodes`) again after it stopped (it rejoins with its slots, from its nodes.conf), and waits for `cluster_state:ok`. */
  restartNode(i: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a Redis Cluster of `masters` masters (and `replicas` replicas of
 * each, none by default) owned by this process, for tests (and to try the app on a cluster): each a private
 * redis-server as startPrivateRedis's (loopback, one password, noeviction,
 * owner-only files) in `<dir>/node-<n>`, with cluster mode on and its bus
 * on a free port of its own (`cluster-port`: the default, port + 10000,
 * may be taken or out of range). `redis-cli --cluster create` spreads the
 * 16384 slots over them; this returns once every node says
 * `cluster_state:ok`. Without `persist` nothing is written to disk but
 * each node's `nodes.conf`.
 */
export async function startPrivateCluster(
  dir: string,
  opts: {
    masters?: number;
    /** Replicas of each master (default none): with one, a master that fails is replaced by its replica. */
    replicas?: number;
    persist?: boolean;
    log?: Logger;
    /** How long a silent master takes to be declared failed (default 5 s). */
    nodeTimeoutMs?: number;
  } = {},
): Promise<PrivateCluster> {
  const masters = opts.masters ?? 3;
  if (masters < 3) throw new Error('a Redis Cluster needs at least 3 masters');
  const replicas = opts.replicas ?? 0;
  const count = masters * (1 + replicas);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const password = passwordIn(dir);
  ownerOnly(dir);
  const servers: PrivateRedis[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
  const ports = await freePorts(count * 2);
  const startNode = (i: number) => {
    const nodeDir = join(dir, `node-${i + 1}`);
    mkdirSync(nodeDir, { recursive: true, mode: 0o700 });
    return spawnRedis(nodeDir, password, {
      persist: opts.persist ?? false,
      port: ports[2 * i],
      extra: [
        'cluster-enabled yes',
        'cluster-config-file nodes.conf',
        `cluster-port ${ports[2 * i + 1]}`,
        `cluster-node-timeout ${opts.nodeTimeoutMs ?? 5000}`,
        // A replica promoted after a failover must reach its old master with the password.
        `masterauth ${password}`,
      ],
    });
  };
  try {
    for (let i = 0; i < count; i++) servers.push(await startNode(i));
    const hosts = servers.map((s) => s.address.replace('redis://', ''));
    await runRedisCli(['--cluster', 'create', ...hosts, '--cluster-replicas', String(replicas), '--cluster-yes'], password);
    await waitClusterOk(servers.map((s) => s.url));
    // Each replica has its master's data before anything is written (so a failover test starts from a synced pair).
    if (replicas > 0) await waitReplicasSynced(servers.map((s) => s.url));
  } catch (err) {
    await stop();
    throw err;
  }
  opts.log?.info({ nodes: servers.map((s) => s.address), dir }, 'private redis cluster started');
  return {
    nodes: servers.map((s) => s.url),
    addresses: servers.map((s) => s.address),
    async restartNode(i) {
      await servers[i]!.stop();
      servers[i] = await startNode(i);
      await waitClusterOk(servers.map((s) => s.url));
    },
    stop,
  };
}

/** Waits until every replica among `urls` reports its link to its master up. */
async function waitReplicasSynced(urls: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const url of urls) {
    const c = createClient({ url, socket: { reconnectStrategy: false } });
    await c.connect();
    try {
      for (;;) {
        const info = await c.info('replication');
        if (!/role:slave/.test(info) || /master_link_status:up/.test(info)) break;
        if (Date.now() > deadline) throw new Error(`replica ${new URL(url).host} did not sync with its master`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      c.destroy();
    }
  }
}

/** `n` distinct free loopback ports. */
async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** `redis-cli` with the password in its environment (not on its command line); rejects with its output on failure. */
async function runRedisCli(args: string[], password: string): Promise<string> {
  const child = spawn('redis-cli', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...processEnv(), REDISCLI_AUTH: password } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((res, rej) => {
    child.once('error', (e) => rej(new Error(`could not run redis-cli (${e.message}); install it (apt-get install redis-tools)`)));
    child.once('exit', res);
  });
  if (code !== 0) throw new Error(`redis-cli ${args.slice(0, 2).join(' ')} failed (${code}): ${output.trim().slice(-500)}`);
  return output;
}

/** Until every node sees every slot served (`cluster_state:ok`), for at most 20 s. */
async function waitClusterOk(urls: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  const clients = await Promise.all(
    urls.map(async (url) => {
      const c = createClient({ url, socket: { reconnectStrategy: false } });
      c.on('error', () => {});
      await c.connect();
      return c;
    }),
  );
  try {
    for (;;) {
      const states = await Promise.all(clients.map(async (c) => /cluster_state:ok/.test(await c.clusterInfo())));
      if (states.every(Boolean)) return;
      if (Date.now() > deadline) throw new Error('the redis cluster did not reach cluster_state:ok in 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  }
}
