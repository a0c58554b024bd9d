/**
 * `npm run bench:scale`: the cost of routing a case as the number of stored
 * cases grows (issue 14: flat within ±20 % from 1,000 to 1,000,000).
 *
 * One private redis-server (no persistence) in a temp dir. Stored cases are
 * loaded through the real store (core.cases.create, then closed through
 * core.cases.update, so every index a real case has is written), 64 at a
 * time; at each level the bench routes the same batch as `npm run bench`
 * (bench/routing.ts: real routing and outbound workers, the assignee's and
 * the reporter's notices) and measures the cost per routed case: CPU time
 * of this process (API side and workers) plus Redis's own CPU time (INFO
 * cpu), over the cases routed. CPU rather than elapsed time, so another
 * process on the machine moves the figure less.
 *
 * After one unmeasured round (compiling the code is not what grows with
 * stored cases): levels 1,000 then 100,000 stored cases by default (about a minute);
 * `--max 1000000` adds 1,000,000 (memory about 4 GB in Redis, and a long
 * load: the load rate is printed).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { shiftedClock } from '../core/infra/clock.js';
import { createCore, loadDirectory, type Core } from '../core/context.js';
import { createLogger } from '../core/infra/logger.js';
import { startPrivateRedis, type PrivateRedis } from '../core/infra/redis.js';
import { benchDirectory, benchRouting, routingTargets } from './routing.js';
import { ratio } from './stats.js';
import { benchConfig, benchReporter, benchWageCase } from './cases.js';

const MAX = Number(process.argv[process.argv.indexOf('--max') + 1]) || 100_000;
const LEVELS = [1_000, 100_000, 1_000_000].filter((n) => n <= MAX);
const ROUTED = { warmup: 40, count: 300, submitters: 20, timeoutMs: 60_000 };
const LOAD_CONCURRENCY = 64;
const NOW = new Date('2026-11-21T10:00:00+08:00');

let redis: PrivateRedis | null = null;
let core: Core | null = null;
const tmp = mkdtempSync(join(tmpdir(), 'gongyou-scale-'));

async function redisCpuMs(c: Core): Promise<number> {
  const info = await c.redis.info('cpu');
  const f = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (f('used_cpu_user') + f('used_cpu_sys')) * 1000;
}

/** Stored cases up to `target`: created and closed through the store, as real ones are. */
async function loadTo(c: Core, from: number, target: number): Promise<number> {
  const targets = routingTargets(c.directory.index().directory);
  const reporter = benchReporter(c.config, '李四', '13900139000');
  let next = from;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: LOAD_CONCURRENCY }, async () => {
      for (;;) {
        const n = next++;
        if (n >= target) return;
        const t = targets[n % targets.length]!;
        const userKey = `web:stored-${n}`;
        const createdAt = new Date(NOW.getTime() - (n % 900) * 86_400_000).toISOString();
        const { record } = await c.cases.create(
          benchWageCase({
            id: `s${n.toString(36)}`,
            userKey,
            createdAt,
            reporter,
            location: { districtId: t.districtId, townshipId: t.townshipId, gridId: t.gridId, community: t.community },
            wage: { employer: '青溪某某建材有限公司', period: { start: '2025-03', end: '2025-06', months: 4 }, amount: 12000, stillEmployed: false, leftSince: '2025-06' },
          }),
          userKey,
          '已受理：反映青溪某某建材有限公司拖欠工资12,000元',
        );
        await c.cases.update(record.id, 'bench', (cur) => ({
          record: {
            ...cur,
            status: 'closed',
            history: [...cur.history, { at: createdAt, status: 'closed', note: '已办结：追回工资12,000元' }],
            outcome: { at: createdAt, by: 'gw-001', recovered: 12000, reason: null, full: true, nextStep: null },
          },
          action: 'closed',
          detail: 'bench: stored case',
          ops: [{ op: 'zrem', key: c.cases.keys.unassigned(), member: cur.id }],
        }));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return (target - from) / seconds;
}

async function main(): Promise<void> {
  redis = await startPrivateRedis(join(tmp, 'redis'), { persist: false });
  const prefix = `scale${randomBytes(3).toString('hex')}`;
  const config = benchConfig(redis.url, prefix, tmp, { OUTBOUND_PER_SECOND: '10000' });

  core = await createCore(config, { log: createLogger(config.LOG_LEVEL), redisUrl: redis.url, clock: shiftedClock(NOW) });
  await core.directory.seed(benchDirectory(1_000_000), true);
  await loadDirectory(core);
  console.log(`Gongyou scale bench · node ${process.version} · ${availableParallelism()} CPUs · levels ${LEVELS.map((n) => n.toLocaleString('en')).join(', ')} stored cases`);

  // One round before any level, unmeasured: the first routings also pay for compiling the code, which is not what grows with stored cases.
  await benchRouting(core, ROUTED);
  const rows: { stored: number; perCaseMs: number; rate: number; memory: string }[] = [];
  let stored = 0;
  for (const level of LEVELS) {
    const loadRate = await loadTo(core, stored, level);
    stored = level;
    const memory = /used_memory_human:(\S+)/.exec(await core.redis.info('memory'))?.[1] ?? '?';
    const cpu0 = process.cpuUsage();
    const redis0 = await redisCpuMs(core);
    const run = await benchRouting(core, ROUTED);
    const cpu = process.cpuUsage(cpu0);
    const redisMs = (await redisCpuMs(core)) - redis0;
    const cases = ROUTED.warmup + ROUTED.count;
    const perCaseMs = ((cpu.user + cpu.system) / 1000 + redisMs) / cases;
    const rate = ROUTED.count / run.result.seconds;
    rows.push({ stored: level, perCaseMs, rate, memory });
    console.log(
      `stored ${level.toLocaleString('en').padStart(9)} (loaded at ${loadRate.toFixed(0)}/s, Redis ${memory}): ` +
        `${perCaseMs.toFixed(2)} ms CPU per routed case (this process + Redis), ${rate.toFixed(0)} cases/s`,
    );
  }
  const base = rows[0]!;
  for (const r of rows.slice(1)) {
    const change = r.perCaseMs / base.perCaseMs;
    console.log(`cost per routed case at ${r.stored.toLocaleString('en')} vs ${base.stored.toLocaleString('en')} stored: ${ratio(change)} (${Math.abs(change - 1) <= 0.2 ? 'within' : 'outside'} ±20 %)`);
  }
}

let code = 0;
try {
  await main();
} catch (err) {
  code = 1;
  console.error(`bench:scale failed: ${(err as Error).stack ?? String(err)}`);
}
await (core as Core | null)?.close().catch(() => undefined);
await (redis as PrivateRedis | null)?.stop().catch(() => undefined);
rmSync(tmp, { recursive: true, force: true });
process.exit(code);
