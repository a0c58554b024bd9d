/**
 * `npm run bench`: throughput and latency of the chat endpoint and of case
 * routing, each next to a baseline measured in the same run on the same
 * Redis. Uses REDIS_URL when set (under a unique key prefix, deleted at the
 * end), otherwise a private redis-server without persistence in a temp dir.
 * Figures are informational; the exit code is non-zero only if something
 * errored (a failed request, a wrong chat answer, a notice that never came).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { loadConfig } from '../core/infra/config.js';
import { shiftedClock } from '../core/infra/clock.js';
import { createCore, loadDirectory, type Core } from '../core/context.js';
import { createEvidenceStore } from '../core/cases/evidence.js';
import { createLogger } from '../core/infra/logger.js';
import { checkRedisServer, startPrivateRedis, type PrivateRedis } from '../core/infra/redis.js';
import { createChatService } from '../flows/service.js';
import { WAGE_SCRIPT, closeServer, driveBaseline, driveChat, startBaselineServer, startChatServer, type LoadPlan } from './chat.js';
import { benchDirectory, benchNoopQueue, benchRouting, routingTargets } from './routing.js';
import { ms, rate, ratio, summarize, type Summary } from './stats.js';

/** Load shape; small enough for < 60 s on 2 cores. */
const CHAT_USERS = 20;
const CHAT_WARMUP: LoadPlan = { users: CHAT_USERS, conversations: 2 };
const CHAT_MEASURED: LoadPlan = { users: CHAT_USERS, conversations: 6 };
/** Baseline and chat alternate this many times (measured runs pooled), so drift hits both alike. */
const CHAT_ROUNDS = 5;
const ROUTING = { warmup: 40, count: 300, submitters: 20, timeoutMs: 20_000 };
const OUTBOUND_PER_SECOND = 10_000;
const GRID_CAPACITY = 1000;
/** The conversation's dates are relative to "now"; a fixed day keeps the script valid on any clock. */
const CHAT_NOW = new Date('2026-11-21T10:00:00+08:00');
const WATCHDOG_MS = 60_000;

const hex32 = () => randomBytes(32).toString('hex');

let core: Core | null = null;
let privateRedis: PrivateRedis | null = null;
let tmp: string | null = null;
const servers: Parameters<typeof closeServer>[0][] = [];
let cleaned = false;

async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const s of servers.splice(0)) await closeServer(s).catch(() => undefined);
  if (core) {
    const c = core;
    try {
      if (c.redis.isOpen) {
        const keys: string[] = [];
        for await (const batch of c.redis.scanIterator({ MATCH: `${c.keys.prefix}:*`, COUNT: 1000 })) keys.push(...batch);
        for (let i = 0; i < keys.length; i += 1000) await c.redis.del(keys.slice(i, i + 1000));
      }
    } catch (err) {
      console.error(`cleanup: could not delete bench keys: ${(err as Error).message}`);
    }
    await c.close().catch(() => undefined);
  }
  await privateRedis?.stop().catch(() => undefined);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

function line(label: string, unit: string, s: Summary): string {
  return `${label} ${rate(s.rate)} ${unit}  p50 ${ms(s.p50)}  p99 ${ms(s.p99)}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  tmp = mkdtempSync(join(tmpdir(), 'gongyou-bench-'));
  let url = process.env.REDIS_URL || '';
  let redisNote: string;
  if (url) {
    redisNote = `REDIS_URL ${url.replace(/\/\/[^@/]*@/, '//***@')}`;
    // Fail fast on an unreachable server (the app's client would retry forever).
    const probe = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 5000 } });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
    } catch (err) {
      throw new Error(`REDIS_URL ${redisNote.slice(10)} is not reachable: ${(err as Error).message}`);
    } finally {
      if (probe.isOpen) await probe.quit();
    }
  } else {
    privateRedis = await startPrivateRedis(join(tmp, 'redis'), { persist: false });
    url = privateRedis.url;
    // The address without its password (the private redis-server has one now).
    redisNote = `private redis-server at ${url.replace(/\/\/[^@/]*@/, '//')} (no persistence, temp dir)`;
  }
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_KEY: hex32(),
    HASH_KEY: hex32(),
    TOKEN_SECRET: hex32(),
    ADMIN_TOKEN: hex32(),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'error',
    REDIS_URL: url,
    REDIS_PREFIX: prefix,
    OUTBOUND_PER_SECOND: String(OUTBOUND_PER_SECOND),
    VAR_DIR: tmp,
  });
  core = await createCore(config, { log: createLogger(config.LOG_LEVEL), redisUrl: url, clock: shiftedClock(CHAT_NOW) });
  const check = await checkRedisServer(core.redis);
  if (!check.ok) console.warn(`warning: ${check.problems.join('; ')}`);
  const version = (await core.redis.info('server')).match(/redis_version:(\S+)/)?.[1] ?? '?';
  const directory = benchDirectory(GRID_CAPACITY);
  await core.directory.seed(directory, true);
  await loadDirectory(core);
  const chat = createChatService(core, { evidence: createEvidenceStore(join(tmp, 'evidence'), config.DATA_KEY) });

  console.log(`Gongyou bench · node ${process.version} · ${availableParallelism()} CPUs · Redis ${version}: ${redisNote} · key prefix ${prefix}`);
  console.log('running: chat baseline, chat, routing baseline, routing …');

  // --- 1. chat endpoint vs a bare Koa route with GET + SET ----------------------
  const chatApp = await startChatServer(core, chat);
  servers.push(chatApp.server);
  const baseApp = await startBaselineServer(core);
  servers.push(baseApp.server);
  await driveBaseline(baseApp.url, core, CHAT_WARMUP, 'bw');
  await driveChat(chatApp.url, core, CHAT_WARMUP, 'cw');
  const base = { latencies: [] as number[], seconds: 0 };
  const chatRun = { latencies: [] as number[], seconds: 0 };
  for (let r = 0; r < CHAT_ROUNDS; r++) {
    const b = await driveBaseline(baseApp.url, core, CHAT_MEASURED, `bm${r}`);
    const c = await driveChat(chatApp.url, core, CHAT_MEASURED, `cm${r}`);
    base.latencies.push(...b.latencies);
    base.seconds += b.seconds;
    chatRun.latencies.push(...c.latencies);
    chatRun.seconds += c.seconds;
  }
  for (const s of servers.splice(0)) await closeServer(s);
  const chatS = summarize(chatRun.latencies, chatRun.seconds);
  const baseS = summarize(base.latencies, base.seconds);

  // --- 2. routing: submit → assignee notice vs a no-op BullMQ worker ------------
  const noop = await benchNoopQueue(core, ROUTING);
  const routing = await benchRouting(core, ROUTING);
  const noopS = summarize(noop.latencies, noop.seconds);
  const routeS = summarize(routing.result.latencies, routing.result.seconds);

  const msgs = CHAT_ROUNDS * CHAT_MEASURED.users * CHAT_MEASURED.conversations * WAGE_SCRIPT.length;
  const grids = routingTargets(directory).length;
  const out = [
    '',
    `chat     ${line('msgs/s', '', chatS)} | baseline bare Koa + 2 Redis RTT: ${line('req/s', '', baseS)} | ratio ${ratio(chatS.rate / baseS.rate)} throughput, ${ratio(chatS.p99 / baseS.p99)} p99`,
    `routing  ${line('cases/s', '', routeS)} | baseline no-op BullMQ worker: ${line('jobs/s', '', noopS)} | ratio ${ratio(routeS.rate / noopS.rate)} throughput, ${ratio(routeS.p99 / noopS.p99)} p99`,
    '',
    'method:',
    `  chat: real app (createApp + listen on 127.0.0.1:0), node:http keep-alive client in the same process; ${CHAT_USERS} concurrent`,
    `    simulated web users (closed loop), each walking the wage conversation consent → review (${WAGE_SCRIPT.length} messages, every answer`,
    `    checked, a clientMsgId on each as the web page sends), as fresh users each time; after a ${CHAT_WARMUP.conversations}-conversation warm-up,`,
    `    ${CHAT_ROUNDS} rounds × ${CHAT_MEASURED.conversations} conversations = ${msgs} measured messages (${chatS.seconds.toFixed(2)}s in all). Baseline: a bare Koa route reading`,
    `    the same JSON body and doing GET + SET on the same node-redis client; same users, request count, bodies and warm-up, run`,
    `    alternately with the chat rounds (${baseS.seconds.toFixed(2)}s in all). The app's clock starts at ${CHAT_NOW.toISOString().slice(0, 10)} so`,
    `    the script's dates (三个月, 上个月) read the same every run; the per-user rate limit (CHAT_RATE_PER_MINUTE) is left at its default.`,
    `  routing: ${ROUTING.count} cases (after ${ROUTING.warmup} warm-up) submitted as submitWage does (cases.create + queues.route) by ${ROUTING.submitters} concurrent`,
    `    submitters, spread round-robin over the ${grids} grids (all townships) that have on-duty workers; every grid worker's capacity`,
    `    raised to ${GRID_CAPACITY}. Real routing + outbound workers (startWorkers); OUTBOUND_PER_SECOND=${OUTBOUND_PER_SECOND} so the WeChat rate limit does not`,
    `    dominate. Latency: just before cases.create → assignee notice delivered (a recording messenger in core.messengers that writes`,
    `    to the inbox); cases/s = cases / (first submit → last notice). Result: ${routing.levels.grid} grid-level, ${routing.levels.township} township, ${routing.levels.district} district`,
    `    assignments over ${routing.assignees} staff (max open load ${routing.maxLoad}). Baseline: a no-op Worker (concurrency 8, same connection and prefix)`,
    `    on the same Redis, ${ROUTING.count} jobs added like queues.route (same job name, id scheme and options); add → 'completed' event.`,
    `  whole run ${((Date.now() - started) / 1000).toFixed(1)}s; bench keys and processes removed at exit.`,
  ];
  console.log(out.join('\n'));
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000}s, giving up`);
  void cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`bench: ${sig}, cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// A rejection nobody handled (e.g. in app code under load) fails the run but still lets it clean up.
let unhandled: unknown = null;
process.on('unhandledRejection', (reason) => {
  unhandled ??= reason;
});

let code = 0;
try {
  await main();
} catch (err) {
  code = 1;
  console.error(`bench failed: ${(err as Error).stack ?? String(err)}`);
}
await cleanup();
if (unhandled) {
  code = 1;
  console.error(`bench failed: unhandled rejection: ${(unhandled as Error).stack ?? String(unhandled)}`);
}
clearTimeout(watchdog);
process.exit(code);
