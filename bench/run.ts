/**
 * `npm run bench`: throughput and latency of the chat endpoint and of case
 * routing, each next to a baseline measured in the same run on the same
 * Redis; then routing and case writes on AOF with `appendfsync always`
 * next to `everysec` (two more private redis-servers, same disk). Uses REDIS_URL when set (under a unique key prefix, deleted at the
 * end), otherwise a private redis-server without persistence in a temp dir.
 * Figures are informational; the exit code is non-zero only if something
 * errored (a failed request, a wrong chat answer, a notice that never came).
 *
 * Options: `--rate N` and `--seconds N` (default 200 and 5): the steady-rate
 * routing phase submits N cases a second for that long (after a second's
 * warm-up at the same rate), e.g. `npm run bench -- --rate 100 --seconds 10`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { shiftedClock } from '../core/infra/clock.js';
import { createCore, loadDirectory, type Core } from '../core/context.js';
import { createEvidenceStore } from '../core/cases/evidence.js';
import { createLogger } from '../core/infra/logger.js';
import { checkRedisServer, startPrivateRedis, type PrivateRedis } from '../core/infra/redis.js';
import { createChatService } from '../flows/service.js';
import { SHELL_ANSWER, WAGE_SCRIPT, closeServer, turnCpu, driveBaseline, driveBaselinePaced, driveChat, driveChatPaced, driveShell, startBaselineServer, startChatServer, type LoadPlan, type PacedPlan, type PacedResult } from './chat.js';
import { benchDirectory, benchNoopQueue, benchRouting, benchSteadyRouting, routingTargets } from './routing.js';
import { ROUTING_CONCURRENCY } from '../core/cases/jobs.js';
import { ms, percentile, rate, ratio, summarize, type Summary } from './stats.js';
import { benchConfig, benchReporter, benchWageCase } from './cases.js';

/** Load shape; small enough for < 60 s on 2 cores. */
/** Issue 14's target is at 50 concurrent users (p99 ≤ 25 ms, 0.6× the baseline). */
const CHAT_USERS = 50;
const CHAT_WARMUP: LoadPlan = { users: CHAT_USERS, conversations: 1 };
const CHAT_MEASURED: LoadPlan = { users: CHAT_USERS, conversations: 3 };
/** Baseline and chat alternate this many times (measured runs pooled), so drift hits both alike. */
const CHAT_ROUNDS = 5;
/**
 * The same 50 users at a person's pace (open loop): a message a second each
 * (a quick typist; 50 msgs/s in all), and a stress pace of five a second each
 * (250 msgs/s). The closed loop above sends the next message the moment an
 * answer comes, so its p99 is mostly queueing: the baseline's own is over
 * 25 ms there on 2 cores.
 */
const CHAT_PACES: PacedPlan[] = [
  { users: CHAT_USERS, intervalMs: 1000, seconds: 8 },
  { users: CHAT_USERS, intervalMs: 200, seconds: 4 },
];
const CHAT_P99_TARGET_MS = 25;
/** One person at a time, in process: rounds alternating with understanding and with the fixed answer, conversations each. */
const TURN_CPU = { rounds: 5, conversations: 20 };
const ROUTING = { warmup: 40, count: 300, submitters: 20, timeoutMs: 20_000 };
/**
 * No-op baseline and routing alternate this many measured times (pooled),
 * after one unmeasured run of each: a no-op job is so cheap that, measured
 * once and cold, the baseline varied 2,300–7,500 jobs/s between runs and the
 * ratio with it.
 */
const ROUTING_ROUNDS = 4;
/** Issue 14's routing target: submit-to-notified p99 at most this at a steady 200 cases/s. */
const STEADY_TARGET = { rate: 200, p99Ms: 100 };
/** timeoutMs: for the backlog left when the schedule ends (1,200 cases at 52/s took 23 s on a loaded 2-core machine). */
const STEADY = { ...steadyOptions(), warmupSeconds: 1, timeoutMs: 60_000 };
const OUTBOUND_PER_SECOND = 10_000;
const GRID_CAPACITY = 1000;
/** The conversation's dates are relative to "now"; a fixed day keeps the script valid on any clock. */
const CHAT_NOW = new Date('2026-11-21T10:00:00+08:00');
/** Longer when the steady phase is (its schedule, and its backlog's drain, at most its timeout). */
const WATCHDOG_MS = 150_000 + (STEADY.warmupSeconds + STEADY.seconds) * 1000 + STEADY.timeoutMs;
/** The durability section: routing on a redis-server with AOF fsynced on every write, and once a second. */
const DURABILITY = { warmup: 20, count: 200, submitters: 20, timeoutMs: 30_000 };
const DURABILITY_ROUNDS = 2;
/** Case records written straight (cases.create: one atomic script per case), 20 at a time, per round. */
const DURABILITY_CREATES = 1000;


let core: Core | null = null;
let privateRedis: PrivateRedis | null = null;
const aofRedis: PrivateRedis[] = [];
const aofCores: Core[] = [];
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
  for (const c of aofCores.splice(0)) await c.close().catch(() => undefined);
  for (const r of aofRedis.splice(0)) await r.stop().catch(() => undefined);
  await privateRedis?.stop().catch(() => undefined);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

/** `count` cases written with cases.create, `concurrency` at a time: latency per call, seconds in all. */
async function benchCreates(c: Core, count: number, concurrency: number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const reporter = benchReporter(c.config);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < count; n = next++) {
        const id = `d${randomBytes(9).toString('base64url')}`;
        const started = performance.now();
        await c.cases.create(
          benchWageCase({
            id,
            userKey: `web:durability-${id}`,
            createdAt: c.clock.now().toISOString(),
            reporter,
            location: { districtId: 'qingxi', townshipId: 't01', gridId: 't01-g1', community: null },
          }),
          'bench',
          '已受理',
        );
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

/** The file system a folder is on (ext4, tmpfs …), as `stat -f` says; fsync costs depend on it. */
function statfsType(dir: string): string {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' }).trim();
  } catch {
    return 'file system unknown';
  }
}

/** `--rate N --seconds N` from the command line (defaults: the target's 200 cases/s, for 5 s); exits with 2 on a bad option. */
function steadyOptions(): { rate: number; seconds: number } {
  let values: { rate?: string; seconds?: string };
  try {
    ({ values } = parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' } } }));
  } catch (err) {
    console.error(`bench: ${(err as Error).message} (options: --rate N --seconds N)`);
    process.exit(2);
  }
  const out = { rate: Number(values.rate ?? STEADY_TARGET.rate), seconds: Number(values.seconds ?? 5) };
  if (!(out.rate > 0 && out.seconds > 0 && out.rate * out.seconds >= 2)) {
    console.error(`bench: --rate ${values.rate ?? out.rate} --seconds ${values.seconds ?? out.seconds}: want positive numbers, at least two cases in all`);
    process.exit(2);
  }
  return out;
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
  const config = benchConfig(url, prefix, tmp, { OUTBOUND_PER_SECOND: String(OUTBOUND_PER_SECOND) });

  core = await createCore(config, { log: createLogger(config.LOG_LEVEL), redisUrl: url, clock: shiftedClock(CHAT_NOW) });
  const check = await checkRedisServer(core.redis);
  if (!check.ok) console.warn(`warning: ${check.problems.join('; ')}`);
  const version = (await core.redis.info('server')).match(/redis_version:(\S+)/)?.[1] ?? '?';
  const directory = benchDirectory(GRID_CAPACITY);
  await core.directory.seed(directory, true);
  await loadDirectory(core);
  const chat = createChatService(core, { evidence: createEvidenceStore(join(tmp, 'evidence'), config.DATA_KEY) });

  console.log(`Gongyou bench · node ${process.version} · ${availableParallelism()} CPUs · Redis ${version}: ${redisNote} · key prefix ${prefix}`);
  console.log(`running: chat baseline, chat, routing baseline, routing, routing at a steady ${STEADY.rate}/s for ${STEADY.seconds}s, routing on AOF everysec and always …`);

  // --- 1. chat endpoint vs a bare Koa route with GET + SET ----------------------
  const chatApp = await startChatServer(core, chat);
  servers.push(chatApp.server);
  const baseApp = await startBaselineServer(core);
  servers.push(baseApp.server);
  // The same endpoint and service with the conversation replaced by a fixed answer (flows/service.ts `fixedAnswer`).
  const shellChat = createChatService(core, { evidence: createEvidenceStore(join(tmp, 'evidence'), config.DATA_KEY), fixedAnswer: SHELL_ANSWER });
  const shellApp = await startChatServer(core, shellChat);
  servers.push(shellApp.server);
  await driveBaseline(baseApp.url, core, CHAT_WARMUP, 'bw');
  await driveChat(chatApp.url, core, CHAT_WARMUP, 'cw');
  await driveShell(shellApp.url, core, CHAT_WARMUP, 'sw');
  const base = { latencies: [] as number[], seconds: 0 };
  const chatRun = { latencies: [] as number[], seconds: 0 };
  const shellRun = { latencies: [] as number[], seconds: 0 };
  for (let r = 0; r < CHAT_ROUNDS; r++) {
    const b = await driveBaseline(baseApp.url, core, CHAT_MEASURED, `bm${r}`);
    const c = await driveChat(chatApp.url, core, CHAT_MEASURED, `cm${r}`);
    const sh = await driveShell(shellApp.url, core, CHAT_MEASURED, `sm${r}`);
    base.latencies.push(...b.latencies);
    base.seconds += b.seconds;
    chatRun.latencies.push(...c.latencies);
    chatRun.seconds += c.seconds;
    shellRun.latencies.push(...sh.latencies);
    shellRun.seconds += sh.seconds;
  }
  const paced: { plan: PacedPlan; chat: PacedResult; base: PacedResult }[] = [];
  for (const [i, plan] of CHAT_PACES.entries()) {
    const b = await driveBaselinePaced(baseApp.url, core, plan, `bp${i}`);
    const c = await driveChatPaced(chatApp.url, core, plan, `cp${i}`);
    paced.push({ plan, chat: c, base: b });
  }
  for (const s of servers.splice(0)) await closeServer(s);
  const oneAtATime = await turnCpu(chat, shellChat, TURN_CPU.rounds, TURN_CPU.conversations);
  const chatS = summarize(chatRun.latencies, chatRun.seconds);
  const baseS = summarize(base.latencies, base.seconds);
  const shellS = summarize(shellRun.latencies, shellRun.seconds);

  // --- 2. routing: submit → assignee notice vs a no-op BullMQ worker ------------
  await benchNoopQueue(core, ROUTING);
  await benchRouting(core, ROUTING);
  const noop = { latencies: [] as number[], seconds: 0 };
  const routed = { latencies: [] as number[], seconds: 0 };
  const routeRatios: number[] = [];
  let routing: Awaited<ReturnType<typeof benchRouting>> | null = null;
  for (let r = 0; r < ROUTING_ROUNDS; r++) {
    const n = await benchNoopQueue(core, ROUTING);
    routing = await benchRouting(core, ROUTING);
    noop.latencies.push(...n.latencies);
    noop.seconds += n.seconds;
    routed.latencies.push(...routing.result.latencies);
    routed.seconds += routing.result.seconds;
    routeRatios.push(routing.result.latencies.length / routing.result.seconds / (n.latencies.length / n.seconds));
  }
  const noopS = summarize(noop.latencies, noop.seconds);
  const routeS = summarize(routed.latencies, routed.seconds);

  // --- 2b. routing in an open loop: cases submitted on a fixed schedule, latency from the scheduled time ---
  const steady = await benchSteadyRouting(core, STEADY);
  const steadyS = summarize(steady.result.latencies, steady.result.seconds);
  const steadyP95 = percentile([...steady.result.latencies].sort((a, b) => a - b), 95);
  const lag = [...steady.startLag].sort((a, b) => a - b);
  const steadyMet = steadyS.p99 <= STEADY_TARGET.p99Ms;
  const steadyVerdict =
    steady.offered === STEADY_TARGET.rate
      ? `p99 ≤ ${STEADY_TARGET.p99Ms}ms at ${STEADY_TARGET.rate}/s (issue 14): ${steadyMet ? 'met' : 'NOT met'}`
      : `p99 ≤ ${STEADY_TARGET.p99Ms}ms: ${steadyMet ? 'yes' : 'no'} at ${rate(steady.offered)}/s (issue 14's target is at ${STEADY_TARGET.rate}/s)`;

  // --- 3. durability: the same routing on AOF fsynced at every write vs once a second ---
  const durability: Record<'always' | 'everysec', Summary> = {} as never;
  const rounds: ('always' | 'everysec')[] = ['everysec', 'always'];
  const fsyncCores = new Map<string, Core>();
  for (const fsync of rounds) {
    // Each its own redis-server (AOF on) in the temp dir, on the same disk; the same app, directory and load.
    const r = await startPrivateRedis(join(tmp, `redis-${fsync}`), { persist: true });
    aofRedis.push(r);
    const probe = createClient({ url: r.url });
    probe.on('error', () => {});
    await probe.connect();
    await probe.configSet('appendfsync', fsync);
    await probe.quit();
    const c = await createCore({ ...config, REDIS_URL: r.url }, { log: createLogger(config.LOG_LEVEL), redisUrl: r.url, clock: shiftedClock(CHAT_NOW) });
    aofCores.push(c);
    await c.directory.seed(directory, true);
    await loadDirectory(c);
    fsyncCores.set(fsync, c);
  }
  // Alternated and pooled (as the chat rounds are), so drift on a shared machine hits both alike.
  const pooled = { always: { latencies: [] as number[], seconds: 0 }, everysec: { latencies: [] as number[], seconds: 0 } };
  const creates = { always: { latencies: [] as number[], seconds: 0 }, everysec: { latencies: [] as number[], seconds: 0 } };
  for (let round = 0; round < DURABILITY_ROUNDS; round++) {
    for (const fsync of rounds) {
      const run = await benchRouting(fsyncCores.get(fsync)!, DURABILITY);
      pooled[fsync].latencies.push(...run.result.latencies);
      pooled[fsync].seconds += run.result.seconds;
      const w = await benchCreates(fsyncCores.get(fsync)!, DURABILITY_CREATES, 20);
      creates[fsync].latencies.push(...w.latencies);
      creates[fsync].seconds += w.seconds;
    }
  }
  for (const fsync of rounds) durability[fsync] = summarize(pooled[fsync].latencies, pooled[fsync].seconds);
  const createS = { always: summarize(creates.always.latencies, creates.always.seconds), everysec: summarize(creates.everysec.latencies, creates.everysec.seconds) };
  const aofDir = tmp;

  const msgs = CHAT_ROUNDS * CHAT_MEASURED.users * CHAT_MEASURED.conversations * WAGE_SCRIPT.length;
  const grids = routingTargets(directory).length;
  const out = [
    '',
    `chat     ${line('msgs/s', '', chatS)} | baseline bare Koa + 2 Redis RTT: ${line('req/s', '', baseS)} | ratio ${ratio(chatS.rate / baseS.rate)} throughput, ${ratio(chatS.p99 / baseS.p99)} p99`,
    `chat     without understanding (the same endpoint, a fixed answer): ${line('msgs/s', '', shellS)} | ratio ${ratio(shellS.rate / baseS.rate)} throughput: the most the chat can reach with its order lock, sign-in, rate limit, reply cache, encrypted session and history`,
    `chat     one person at a time, in process: CPU ${Math.round(oneAtATime.chatUs)} µs a message with understanding | fixed answer ${Math.round(oneAtATime.shellUs)} µs | ratio ${ratio(oneAtATime.shellUs / oneAtATime.chatUs)} (the fixed answer's CPU over the real turn's)`,
    ...paced.map(({ plan, chat: c, base: b }) => {
      const cs = summarize(c.latencies, c.seconds);
      const bs = summarize(b.latencies, b.seconds);
      const lag = percentile([...c.lag].sort((x, y) => x - y), 99);
      return `chat     paced ${plan.users} users × a message every ${ms(plan.intervalMs)} (${rate((plan.users * 1000) / plan.intervalMs)} msgs/s planned, ${cs.count} sent): p50 ${ms(cs.p50)}  p99 ${ms(cs.p99)}  max ${ms(cs.max)} (p99 ≤ ${CHAT_P99_TARGET_MS}ms: ${cs.p99 <= CHAT_P99_TARGET_MS ? 'yes' : 'no'}), sends behind plan p99 ${ms(lag)} | baseline p50 ${ms(bs.p50)}  p99 ${ms(bs.p99)}`;
    }),
    `routing  ${line('cases/s', '', routeS)} | baseline no-op BullMQ worker: ${line('jobs/s', '', noopS)} | ratio ${ratio(routeS.rate / noopS.rate)} throughput (rounds: ${routeRatios.map(ratio).join(' ')}), ${ratio(routeS.p99 / noopS.p99)} p99`,
    `routing  steady ${rate(steady.offered)}/s offered for ${STEADY.seconds}s (${steady.count} cases): cases/s ${rate(steadyS.rate)}  p50 ${ms(steadyS.p50)}  p95 ${ms(steadyP95)}  p99 ${ms(steadyS.p99)}  max ${ms(steadyS.max)} | ${steadyVerdict}`,
    `         submissions started at ${rate(steady.startedRate)}/s, behind schedule p50 ${ms(percentile(lag, 50))}  p99 ${ms(percentile(lag, 99))}  max ${ms(lag[lag.length - 1]!)}; at most ${steady.maxInFlight} in flight`,
    `durability routing on AOF appendfsync always: ${line('cases/s', '', durability.always)} | baseline appendfsync everysec: ${line('cases/s', '', durability.everysec)} | ratio ${ratio(durability.always.rate / durability.everysec.rate)} throughput, ${ratio(durability.always.p99 / durability.everysec.p99)} p99 (no AOF, above: ${rate(routeS.rate)} cases/s)`,
    `           case writes alone, appendfsync always: ${line('creates/s', '', createS.always)} | baseline everysec: ${line('creates/s', '', createS.everysec)} | ratio ${ratio(createS.always.rate / createS.everysec.rate)} throughput, ${ratio(createS.always.p99 / createS.everysec.p99)} p99`,
    '',
    'method:',
    `  chat: real app (createApp + listen on 127.0.0.1:0), node:http keep-alive client in the same process; ${CHAT_USERS} concurrent`,
    `    simulated web users (closed loop), each walking the wage conversation consent → review (${WAGE_SCRIPT.length} messages, every answer`,
    `    checked, a clientMsgId on each as the web page sends), as fresh users each time; after a ${CHAT_WARMUP.conversations}-conversation warm-up,`,
    `    ${CHAT_ROUNDS} rounds × ${CHAT_MEASURED.conversations} conversations = ${msgs} measured messages (${chatS.seconds.toFixed(2)}s in all). Baseline: a bare Koa route reading`,
    `    the same JSON body and doing GET + SET on the same node-redis client; same users, request count, bodies and warm-up, run`,
    `    alternately with the chat rounds (${baseS.seconds.toFixed(2)}s in all). The app's clock starts at ${CHAT_NOW.toISOString().slice(0, 10)} so`,
    `    the script's dates (三个月, 上个月) read the same every run; the per-user rate limit (CHAT_RATE_PER_MINUTE) is left at its default.`,
    `  chat without understanding: a second chat service on the same core whose conversation (safety, desks, engine) is one fixed`,
    `    answer (flows/service.ts fixedAnswer; the person's place in line, the session read and saved, the reply cache and the history`,
    `    stay); the same users, script and rounds, run third in each round; every answer checked to be the fixed one.`,
    `  chat one person at a time: chat.handle in process (no HTTP), fresh users walking the script one after another, each answer`,
    `    checked; ${TURN_CPU.rounds} rounds of ${TURN_CPU.conversations} conversations alternating with the fixed-answer service, after one of each unmeasured;`,
    `    process CPU (user + system) per message, the best round of each. The closed loop sends 50 users the same words at once;`,
    `    here each message is read on its own, as in a real chat.`,
    `  chat paced: the same app, users and script in an open loop: user u sends its k-th message at t0 + (u/users + k) × interval, or when`,
    `    the answer before it came if later (a person waits for the answer); latency from sending to the answer. The closed loop's p99`,
    `    (above) is mostly waiting in line behind the other 49 users' messages; these say what one person waits at a given load.`,
    `  routing: ${ROUTING.count} cases a round (after ${ROUTING.warmup} warm-up) submitted as submitWage does (cases.create + route) by ${ROUTING.submitters} concurrent`,
    `    submitters, spread round-robin over the ${grids} grids (all townships) that have on-duty workers; every grid worker's capacity`,
    `    raised to ${GRID_CAPACITY}. Real routing + outbound workers (startWorkers); OUTBOUND_PER_SECOND=${OUTBOUND_PER_SECOND} so the WeChat rate limit does not`,
    `    dominate. Latency: just before cases.create → assignee notice delivered (a recording messenger in core.messengers that writes`,
    `    to the inbox); cases/s = cases / (first submit → last notice). Last round: ${routing!.levels.grid} grid-level, ${routing!.levels.township} township, ${routing!.levels.district} district`,
    `    assignments over ${routing!.assignees} staff (max open load ${routing!.maxLoad}). Baseline: a no-op Worker (concurrency ${ROUTING_CONCURRENCY} as routing's, same connection`,
    `    and prefix) on the same Redis, ${ROUTING.count} jobs a round added as routing jobs were before the routing loop (same job name, id scheme and options); add → 'completed' event.`,
    `    One unmeasured run of each, then ${ROUTING_ROUNDS} measured rounds alternating baseline and routing, pooled (the ratio of each round in brackets).`,
    `  routing steady: the same pipeline (workers started afresh, same grids) in an open loop: case i is submitted at t0 + i/rate,`,
    `    whether or not earlier submissions have returned (all that are due start at once when the event loop gets to them);`,
    `    ${STEADY.warmupSeconds}s of warm-up at the same rate (${Math.round(STEADY.warmupSeconds * steady.offered)} cases, not measured) runs straight into the ${steady.count} measured ones.`,
    `    Latency: the case's scheduled time (not its actual start) → assignee notice, so time a submission waited behind its`,
    `    schedule is counted (no coordinated omission; the generator, node-redis client and workers share this process and its`,
    `    event loop); cases/s = cases / (first scheduled → last notice). Result: ${steady.levels.grid} grid-level, ${steady.levels.township} township,`,
    `    ${steady.levels.district} district assignments over ${steady.assignees} staff.`,
    `  durability: the routing measurement above (${DURABILITY.count} cases after ${DURABILITY.warmup} warm-up, same directory and load) and ${DURABILITY_CREATES} case`,
    `    records written straight (cases.create, 20 at a time), on two more private redis-servers with AOF on, in ${aofDir} (${statfsType(aofDir)}):`,
    `    appendfsync everysec and always (every write on disk before Redis answers, README Production), alternated, ${DURABILITY_ROUNDS} rounds each, pooled.`,
    `    The cost is the disk's fsync time per event-loop turn of Redis (writes arriving together share one fsync); it depends on the disk.`,
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
