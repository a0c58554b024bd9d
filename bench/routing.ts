import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Core } from '../core/context.js';
import { loadDemoDirectory } from '../core/directory/load.js';
import type { Directory, Staff } from '../core/directory/schema.js';
import type { Messenger } from '../core/infra/messenger.js';
import { bullConnection, SHORT_LIVED } from '../core/infra/queues.js';
import type { Reply } from '../core/infra/replies.js';
import type { Level } from '../core/cases/routing.js';
import { startWorkers } from '../workers/index.js';
import { route } from '../core/cases/queue.js';
import { ROUTING_CONCURRENCY } from '../core/cases/jobs.js';
import { benchReporter, benchWageCase } from './cases.js';

/** The demo directory with every grid worker's capacity raised, so routing stays at grid level. */
export function benchDirectory(capacity: number): Directory {
  const d = loadDemoDirectory();
  for (const district of d.districts) {
    for (const township of district.townships) {
      for (const grid of township.grids) for (const w of grid.workers) w.capacity = capacity;
    }
  }
  return d;
}

export interface Target {
  districtId: string;
  townshipId: string;
  gridId: string;
  community: string;
}

/** Every grid (of every township) that has someone on duty, with one of its communities. */
export function routingTargets(d: Directory): Target[] {
  const out: Target[] = [];
  for (const district of d.districts) {
    for (const township of district.townships) {
      for (const grid of township.grids) {
        if (!grid.workers.some((w) => w.onDuty)) continue;
        out.push({ districtId: district.id, townshipId: township.id, gridId: grid.id, community: grid.communities[0]! });
      }
    }
  }
  return out;
}

/**
 * A messenger that delivers like the inbox does (one Redis write) and
 * records when each notice was delivered. Pushed into `core.messengers`, so
 * the outbound worker picks it as it would pick WeChat.
 */
export function recordingMessenger(core: Core) {
  const staffAt = new Map<string, number>();
  let userNotices = 0;
  const messenger: Messenger = {
    canReachUser: () => true,
    canReachStaff: () => true,
    async sendToUser(userKey: string, replies: Reply[]) {
      await core.inbox.push(userKey, replies);
      userNotices++;
    },
    async sendToStaff(staff: Staff, replies: Reply[]) {
      await core.inbox.push(`staff:${staff.id}`, replies);
      const text = replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
      const caseNo = text.match(/接单 (\S+)/)?.[1];
      if (!caseNo) throw new Error(`staff notice to ${staff.id} names no case: ${text.slice(0, 120)}`);
      if (!staffAt.has(caseNo)) staffAt.set(caseNo, performance.now());
    },
  };
  return {
    messenger,
    staffAt,
    userNotices: () => userNotices,
  };
}

export interface PhaseResult {
  latencies: number[];
  seconds: number;
}

async function waitFor(what: string, timeoutMs: number, done: () => boolean, progress: () => string, failed: () => Error | null) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const err = failed();
    if (err) throw err;
    if (done()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what} (${progress()})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Runs `count` items through `submitters` concurrent submitters; each gets a
 * global sequence number. After an error the rest stop and are waited for.
 */
async function submitAll(count: number, submitters: number, submit: (n: number) => Promise<void>) {
  let next = 0;
  let failed = false;
  const results = await Promise.allSettled(
    Array.from({ length: submitters }, async () => {
      try {
        for (let n = next++; n < count && !failed; n = next++) await submit(n);
      } catch (err) {
        failed = true;
        throw err;
      }
    }),
  );
  const firstError = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (firstError) throw firstError.reason;
}

export interface RoutingRun {
  result: PhaseResult;
  levels: Record<Level, number>;
  assignees: number;
  maxLoad: number;
}

/**
 * The real pipeline, started for one measurement: routing and outbound
 * workers (startWorkers) and a recording messenger; `submit` files a case as
 * submitWage does (core.cases.create then route), case `n` in
 * the grid `n mod grids`. `close` stops the workers and takes the messenger
 * out again.
 */
async function startRoutingPipeline(core: Core) {
  const targets = routingTargets(core.directory.index().directory);
  const rec = recordingMessenger(core);
  core.messengers.push(rec.messenger);
  const workers = startWorkers(core);
  let failure: Error | null = null;
  for (const w of workers.workers) {
    w.on('failed', (job, err) => (failure ??= new Error(`${w.name} job ${job?.id} failed: ${err.message}`)));
    w.on('error', (err) => (failure ??= new Error(`${w.name} worker error: ${err.message}`)));
  }
  const reporter = benchReporter(core.config);
  const caseIds: string[] = [];

  async function close(): Promise<void> {
    await workers.close();
    core.messengers.splice(core.messengers.indexOf(rec.messenger), 1);
  }

  try {
    await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
  } catch (err) {
    await close();
    throw err;
  }

  return {
    /** The ids of the cases submitted, in the order their submissions returned. */
    caseIds,
    failure: () => failure,
    close,

    /** Files case `n` (user `web:bench-<tag>-<n>`); its id and case number. */
    async submit(n: number, tag: string): Promise<{ id: string; caseNo: string }> {
      const t = targets[n % targets.length]!;
      const id = `w${randomBytes(9).toString('base64url')}`;
      const userKey = `web:bench-${tag}-${n}`;
      const { record } = await core.cases.create(
        benchWageCase({
          id,
          userKey,
          createdAt: new Date().toISOString(),
          reporter,
          location: { districtId: t.districtId, townshipId: t.townshipId, gridId: t.gridId, community: t.community },
          wage: { construction: true, project: '青溪花园二期', stillEmployed: false, leftSince: '2026-09' },
        }),
        userKey,
        '已受理：反映青溪宏达建筑工程有限公司拖欠工资28,500元',
      );
      await route(core, record.id);
      caseIds.push(id);
      return { id, caseNo: record.caseNo };
    },

    /** Notices delivered so far (assignee, reporter): pass to `delivered` as its starting point. */
    mark: () => ({ staff: rec.staffAt.size, users: rec.userNotices() }),

    /** Waits for `count` more assignee and reporter notices than at `since`. */
    async delivered(since: { staff: number; users: number }, count: number, timeoutMs: number): Promise<void> {
      await waitFor(
        `${count} assignee notices and ${count} reporter notices`,
        timeoutMs,
        () => rec.staffAt.size - since.staff >= count && rec.userNotices() - since.users >= count,
        () => `${rec.staffAt.size - since.staff} assignee and ${rec.userNotices() - since.users} reporter notices delivered`,
        () => failure,
      );
    },

    /**
     * Latency of each case (case number → its start, performance.now()) to its
     * assignee notice; seconds: first start → last notice.
     */
    latencies(started: Map<string, number>): PhaseResult {
      const latencies: number[] = [];
      let first = Infinity;
      let last = -Infinity;
      for (const [caseNo, t0] of started) {
        const t1 = rec.staffAt.get(caseNo);
        if (t1 === undefined) throw new Error(`no assignee notice for ${caseNo}`);
        latencies.push(t1 - t0);
        first = Math.min(first, t0);
        last = Math.max(last, t1);
      }
      return { latencies, seconds: (last - first) / 1000 };
    },

    /** Where these cases went: assignment levels, staff; and the highest open load. */
    async outcome(ids: readonly string[]): Promise<Omit<RoutingRun, 'result'>> {
      const levels: Record<Level, number> = { grid: 0, township: 0, district: 0 };
      const assignees = new Set<string>();
      for (const id of ids) {
        const c = await core.cases.get(id);
        if (!c?.assignee) throw new Error(`case ${id} has no assignee`);
        levels[c.assignee.level]++;
        assignees.add(c.assignee.staffId);
      }
      const loads = Object.values(await core.redis.hGetAll(core.cases.keys.load())).map(Number);
      return { levels, assignees: assignees.size, maxLoad: Math.max(0, ...loads) };
    },
  };
}

/**
 * The real pipeline (startRoutingPipeline) in a closed-loop burst: `count`
 * cases by `submitters` concurrent submitters as fast as they go, one per
 * grid in turn. Latency: from just before cases.create to the assignee's
 * notice being delivered by the messenger.
 */
export async function benchRouting(
  core: Core,
  opts: { warmup: number; count: number; submitters: number; timeoutMs: number },
): Promise<RoutingRun> {
  const pipeline = await startRoutingPipeline(core);

  async function run(count: number, tag: string): Promise<PhaseResult> {
    const submitted = new Map<string, number>();
    const since = pipeline.mark();
    await submitAll(count, opts.submitters, async (n) => {
      const t0 = performance.now();
      submitted.set((await pipeline.submit(n, tag)).caseNo, t0);
    });
    await pipeline.delivered(since, count, opts.timeoutMs);
    return pipeline.latencies(submitted);
  }

  try {
    await run(opts.warmup, 'warm');
    const measuredFrom = pipeline.caseIds.length;
    const result = await run(opts.count, 'run');
    return { result, ...(await pipeline.outcome(pipeline.caseIds.slice(measuredFrom))) };
  } finally {
    await pipeline.close();
  }
}

export interface SteadyRun extends RoutingRun {
  /** Cases measured (after the warm-up). */
  count: number;
  /** The rate asked for, cases/s. */
  offered: number;
  /** Measured submissions per second as they actually started: (count − 1) / (first start → last start). */
  startedRate: number;
  /** How late each measured submission actually started after its scheduled time (ms). */
  startLag: number[];
  /** The most submissions in flight (cases.create + route not yet returned) at once. */
  maxInFlight: number;
}

/**
 * The real pipeline (startRoutingPipeline) in an open loop: case `i` is
 * submitted at t0 + i / rate, whether or not earlier submissions have
 * returned (a submission that falls behind its schedule starts as soon as
 * the event loop gets to it). The first `warmupSeconds` of the schedule warm
 * up and are not measured; the schedule runs on into the measured
 * `seconds` without a pause, so those start on a pipeline already under the
 * load. Latency: from the case's *scheduled* time (not when its submission
 * actually started: a late start is the system's delay too, so coordinated
 * omission is not hidden) to the assignee's notice being delivered;
 * result.seconds: first measured scheduled time → last measured notice.
 */
export async function benchSteadyRouting(
  core: Core,
  opts: { rate: number; seconds: number; warmupSeconds: number; timeoutMs: number },
): Promise<SteadyRun> {
  const warmup = Math.round(opts.rate * opts.warmupSeconds);
  const count = Math.round(opts.rate * opts.seconds);
  if (!(opts.rate > 0) || count < 1) throw new Error(`steady routing: rate ${opts.rate}/s for ${opts.seconds}s gives no case to measure`);
  const pipeline = await startRoutingPipeline(core);
  try {
    const since = pipeline.mark();
    const scheduled = new Map<string, number>();
    const measured: string[] = [];
    const actualStart: number[] = [];
    const startLag: number[] = [];
    const inFlight = new Set<Promise<void>>();
    let maxInFlight = 0;
    let error: unknown = null;
    const t0 = performance.now() + 10;
    const at = (i: number) => t0 + (i * 1000) / opts.rate;
    for (let i = 0; i < warmup + count && error === null && !pipeline.failure(); ) {
      const now = performance.now();
      // Everything due by now starts now, however far behind (a blocked event loop does not skip or push back a case).
      for (; i < warmup + count && at(i) <= now; i++) {
        const n = i;
        const p = pipeline.submit(n, 'steady').then(
          ({ id, caseNo }) => {
            if (n < warmup) return;
            scheduled.set(caseNo, at(n));
            measured.push(id);
          },
          (err: unknown) => {
            error ??= err;
          },
        );
        if (n >= warmup) {
          actualStart.push(now);
          startLag.push(now - at(n));
        }
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        maxInFlight = Math.max(maxInFlight, inFlight.size);
      }
      if (i < warmup + count) await new Promise((r) => setTimeout(r, Math.max(0, at(i) - performance.now())));
    }
    await Promise.all(inFlight);
    if (error !== null) throw error;
    await pipeline.delivered(since, warmup + count, opts.timeoutMs);
    const result = pipeline.latencies(scheduled);
    const startedSeconds = (actualStart[actualStart.length - 1]! - actualStart[0]!) / 1000;
    return {
      result,
      ...(await pipeline.outcome(measured)),
      count,
      offered: opts.rate,
      startedRate: count > 1 ? (count - 1) / startedSeconds : NaN,
      startLag,
      maxInFlight,
    };
  } finally {
    await pipeline.close();
  }
}

/**
 * The baseline: a no-op BullMQ Worker (same connection kind and prefix as
 * the queues, the routing loop's concurrency) on the same Redis; jobs added
 * exactly as routing jobs were added before the routing loop (name, data
 * shape, job-id scheme, and the options of a short-lived job: the
 * outbound queue's), so the baseline is the one the target was set
 * against. Latency: from just before add to the worker's `completed` event.
 */
export async function benchNoopQueue(
  core: Core,
  opts: { warmup: number; count: number; submitters: number; timeoutMs: number },
): Promise<PhaseResult> {
  const connection = bullConnection(core.redis);
  const prefix = core.keys.bullPrefix;
  const name = 'bench-noop';
  const queue = new Queue(name, { connection, prefix, defaultJobOptions: SHORT_LIVED.outbound! });
  const worker = new Worker(name, async () => undefined, { connection, prefix, concurrency: ROUTING_CONCURRENCY });
  const completedAt = new Map<string, number>();
  let failure: Error | null = null;
  worker.on('completed', (job) => {
    if (job.id) completedAt.set(job.id, performance.now());
  });
  worker.on('failed', (job, err) => (failure ??= new Error(`no-op job ${job?.id} failed: ${err.message}`)));
  worker.on('error', (err) => (failure ??= new Error(`no-op worker error: ${err.message}`)));

  async function run(count: number): Promise<PhaseResult> {
    const added = new Map<string, number>();
    await submitAll(count, opts.submitters, async () => {
      const caseId = `w${randomBytes(9).toString('base64url')}`;
      const jobId = `route-${caseId}`;
      const t0 = performance.now();
      await queue.add('route', { caseId }, { jobId });
      added.set(jobId, t0);
    });
    await waitFor(
      `${count} no-op jobs`,
      opts.timeoutMs,
      () => [...added.keys()].every((id) => completedAt.has(id)),
      () => `${[...added.keys()].filter((id) => completedAt.has(id)).length} completed`,
      () => failure,
    );
    const latencies: number[] = [];
    let first = Infinity;
    let last = -Infinity;
    for (const [id, t0] of added) {
      const t1 = completedAt.get(id)!;
      latencies.push(t1 - t0);
      first = Math.min(first, t0);
      last = Math.max(last, t1);
    }
    return { latencies, seconds: (last - first) / 1000 };
  }

  try {
    await worker.waitUntilReady();
    await run(opts.warmup);
    return await run(opts.count);
  } finally {
    await worker.close();
    await queue.close();
  }
}
