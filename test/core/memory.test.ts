/*
 * What Redis keeps per routed case and per idle user, measured on the real
 * test redis-server: every key under the test's prefix (BullMQ's included),
 * `MEMORY USAGE key SAMPLES 0` summed, minus the same sum taken before
 * (directory, schedulers, queues' own keys). The figures are printed
 * (`[memory]` lines, by key) so the README's sizing can quote them.
 *
 * - A routed case: submitted, linked (another employer each), routed by the
 *   workers, its notices sent (to the inboxes: no WeChat here) and its
 *   routing and notice jobs done. Three rounds: the first two fill what is
 *   capped (staff inboxes, BullMQ's event streams and completed jobs), the
 *   third shows what each further case adds. Asserted: once its jobs are
 *   done — everything but the accept limit's two timers (pending until 接单)
 *   and its notices' entries in the due index (gone at the next sweep) —
 *   at most 4 KB, the reporter's copy of the notice in their chat included;
 *   a month on (claim, delivery marks and grouping expired, timers fired),
 *   what a million stored cases need each; and ceilings on the case's own
 *   keys and on everything, against regressions.
 * - An idle user: someone who sent four messages through the web chat
 *   (你好, a question, 菜单, a menu pick) and then was quiet for an hour (keys
 *   expiring within the hour left out): besides the chat history they see
 *   when they open the chat again (HISTORY_DAYS, printed apart), what is
 *   left must be at most 1 KB — their session (DRAFT_TTL_DAYS); the replies
 *   kept for a resent message are gone after 30 minutes.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submitWageReport } from '../../core/cases/submit.js';
import { caseJobKeys } from '../../core/cases/queue.js';
import { allKeys } from '../../core/keys.js';
import type { Core } from '../../core/context.js';
import { manualClock } from '../../core/infra/clock.js';
import { eventually, startTestCore, type TestCore } from '../support/core.js';

const NOW = new Date('2026-11-23T10:00:00+08:00');
/** Three rounds of this many (the third shows what each further case adds). */
const CASES = 250;
const USERS = 100;
const MONTH_SECONDS = 31 * 86400;

/** Bytes of every key under the test's prefix, by declared key name (`bull` for BullMQ's). */
async function usage(t: TestCore, goneWithinSeconds = 0): Promise<{ total: number; by: Map<string, number> }> {
  const declared = allKeys(t.core.config.REDIS_PREFIX);
  const by = new Map<string, number>();
  let total = 0;
  const keys = await t.keys();
  for (let i = 0; i < keys.length; i += 200) {
    const batch = keys.slice(i, i + 200);
    const sizes = await Promise.all(batch.map((k) => t.core.redis.sendCommand(['MEMORY', 'USAGE', k, 'SAMPLES', '0'])));
    const ttls = await Promise.all(batch.map((k) => t.core.redis.pTTL(k)));
    batch.forEach((k, j) => {
      // Keys that expire within the idle time are gone by then.
      if (ttls[j]! > 0 && ttls[j]! <= goneWithinSeconds * 1000) return;
      const n = Number(sizes[j] ?? 0);
      total += n;
      const d = declared.find((x) => x.matches(k));
      const name = d ? `${d.decl.owner}:${d.decl.name}` : k.includes(':{bull}:') ? bullName(k) : `undeclared:${k}`;
      by.set(name, (by.get(name) ?? 0) + n);
    });
  }
  return { total, by };
}

/** `bull:<queue>:<what>`, a job's keys by its name (its id without the case id). */
function bullName(k: string): string {
  const [, , queue = '', what = '', ...more] = k.split(':');
  return ['bull', queue, what.replace(/-[we][A-Za-z0-9_-]{12}.*$/, '-*'), ...more].join(':');
}

function report(what: string, n: number, before: Awaited<ReturnType<typeof usage>>, after: Awaited<ReturnType<typeof usage>>): number {
  const per = Math.round((after.total - before.total) / n);
  const rows = [...after.by.entries()]
    .map(([k, v]) => [k, Math.round((v - (before.by.get(k) ?? 0)) / n)] as const)
    .filter(([, v]) => v !== 0)
    .sort((a, b) => b[1] - a[1]);
  console.log(`[memory] ${what}: ${per} bytes each (${n} measured)\n${rows.map(([k, v]) => `  ${String(v).padStart(6)}  ${k}`).join('\n')}`);
  return per;
}

/** The i-th report: another reporter, another employer (so no grouping), two grids. */
function report1(core: Core, i: number): Parameters<typeof submitWageReport>[1] {
  return {
    runId: randomBytes(9).toString('base64url'),
    userKey: `web:${randomBytes(6).toString('hex')}`,
    at: core.clock.now(),
    wage: {
      employer: `青溪第${i}建筑劳务有限公司`,
      construction: true,
      project: '锦绣花园二期',
      period: { start: '2026-08', end: '2026-10', months: 3 },
      amount: 28500,
      amountApprox: false,
      amountUpTo: null,
      groupAmount: null,
      headcount: { count: 1, approximate: false },
      stillEmployed: false,
      leftSince: '2026-10',
      nearArbitrationLimit: false,
      labourContractor: '老王',
      trade: '钢筋工',
      account: '干了三个月，包工头说工程款没下来，一直拖着不给。',
    },
    location: { districtId: 'qingxi', townshipId: 't01', gridId: `t01-g${(i % 2) + 1}`, community: '新塘社区' },
    contactName: '张三',
    phone: '13800138000',
    evidence: [],
    note: '已提交，正在分派',
  };
}

async function queuesIdle(core: Core): Promise<boolean> {
  for (const q of [core.queues.outbound]) {
    const c = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    if ((c.waiting ?? 0) + (c.prioritized ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) > 0) return false;
  }
  // The cases: routed once nothing is left to route; their notices sent once the outbox is empty.
  const keys = caseJobKeys(core.config.REDIS_PREFIX);
  return (await core.redis.zCard(keys.toRoute())) === 0 && (await core.redis.zCard(keys.outbox())) === 0;
}

describe('memory', () => {
  it(`a routed case whose jobs are done keeps at most 4 KB`, async () => {
    const t = await startTestCore({ workers: true, clock: manualClock(NOW) });
    // The recommended server setting (README, Production; the private redis-servers have it): a REDIS_URL server may not.
    const listpack = (await t.core.redis.configGet('zset-max-listpack-value'))['zset-max-listpack-value'];
    await t.core.redis.configSet('zset-max-listpack-value', '1024');
    try {
      await eventually(() => queuesIdle(t.core), 8000, 'an idle start');
      const base = await usage(t);
      let i = 0;
      /** `n` more cases submitted and routed, their notices sent; then what Redis holds. */
      const more = async (n: number) => {
        const ids: string[] = [];
        for (const end = i + n; i < end; i++) ids.push((await submitWageReport(t.core, report1(t.core, i))).id);
        await eventually(async () => (await t.core.cases.getMany(ids)).every((c) => c.status === 'assigned') && (await queuesIdle(t.core)), 120_000, 'every case routed and told');
        // The workers' last writes (a job's completion) settle.
        await new Promise((r) => setTimeout(r, 500));
        return { now: await usage(t), month: await usage(t, MONTH_SECONDS) };
      };
      // The first two rounds fill what is capped (each staff inbox keeps 200 notices; BullMQ's event streams and completed jobs their last 1,000 and 100).
      await more(CASES);
      const firstAll = await more(CASES);
      const secondAll = await more(CASES);
      const first = firstAll.now;
      const second = secondAll.now;
      // From the empty start: what the first cases cost, shared structures (capped queues' lists, staff inboxes) included.
      report('routed case, average over the first', 3 * CASES, base, second);
      // The next ones: what each further case adds once the capped structures are full — the figure that scales.
      const per = report('routed case, each further one', CASES, first, second);
      // Not done yet: its accept limit's two timers (until 接单 or the deadline).
      const pending = (k: string) => k === 'cases:timers';
      const sumOf = (u: { by: Map<string, number> }, skip: (k: string) => boolean) => [...u.by.entries()].filter(([k]) => !skip(k)).reduce((sum, [, v]) => sum + v, 0);
      const done = Math.round((sumOf(second, pending) - sumOf(first, pending)) / CASES);
      // The case's own keys: besides, not the reporter's copy of its notice (their chat history and /updates inbox:
      // per person, HISTORY_DAYS).
      const mine = (k: string) => pending(k) || k.startsWith('inbox:');
      const own = Math.round((sumOf(second, mine) - sumOf(first, mine)) / CASES);
      console.log(`[memory] routed case once its jobs are done: ${done} bytes (its own keys ${own}, the reporter's copy of its notice the rest); with the pending accept limit: ${per} bytes`);
      expect(own).toBeLessThanOrEqual(3500);
      expect(done).toBeLessThanOrEqual(4096);
      // Everything, the pending limit included, against regressions.
      expect(per).toBeLessThanOrEqual(4700);
      // What a case costs for the years it is kept (the sizing figure): a month on, the keys that expire by then are
      // gone (claim, delivery marks, employer grouping), its timers have fired,
      // BullMQ's jobs removed; the reporter's copy of the notice stays (HISTORY_DAYS).
      const transient = (k: string) => pending(k) || k.startsWith('bull:');
      const longTerm = Math.round((sumOf(secondAll.month, transient) - sumOf(firstAll.month, transient)) / CASES);
      console.log(`[memory] routed case, a month on (what a million cases need): ${longTerm} bytes`);
      report('routed case, a month on', CASES, firstAll.month, secondAll.month);
      expect(longTerm).toBeLessThanOrEqual(3700);
    } finally {
      if (listpack) await t.core.redis.configSet('zset-max-listpack-value', listpack);
      await t.stop();
    }
  }, 300_000);

  it(`an idle user keeps at most 1 KB besides their chat history`, async () => {
    const t = await startTestCore({ clock: manualClock(NOW) });
    try {
      const before = await usage(t);
      for (let i = 0; i < USERS; i++) {
        const user = `web:${randomBytes(6).toString('hex')}`;
        let n = 0;
        for (const text of ['你好', '仲裁要交钱吗', '菜单', '4']) await t.chat.handle(user, { kind: 'text', text }, `m${++n}-${randomBytes(4).toString('hex')}`, { keepHistory: true });
      }
      // An hour later: rate windows and locks have expired.
      const after = await usage(t, 3600);
      const history = [...after.by.entries()].filter(([k]) => k.startsWith('inbox:history')).reduce((s, [, v]) => s + v, 0);
      report('idle user', USERS, before, after);
      const per = Math.round((after.total - before.total - history) / USERS);
      console.log(`[memory] idle user besides the chat history: ${per} bytes; chat history: ${Math.round(history / USERS)} bytes`);
      expect(per).toBeLessThanOrEqual(1024);
    } finally {
      await t.stop();
    }
  }, 120_000);
});
