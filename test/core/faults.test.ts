/*
 * Faults: a worker that dies mid-send sends no notice twice; a crashed
 * worker's job is taken up by another within seconds.
 */
import { Queue, Worker, type Job } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { caseNotices } from '../../core/cases/index.js';
import { caseJobKeys, notify } from '../../core/cases/queue.js';
import { channelSends, createChannelStore } from '../../core/channels/index.js';
import type { Messenger } from '../../core/infra/messenger.js';
import { WORKER_RECOVERY, outboundKeys } from '../../core/infra/queues.js';
import { OUTBOX_TIMINGS } from '../../core/infra/outbox.js';
import { outboundProcessor, startWorkers, type WorkerSet } from '../../workers/index.js';
import { createWageCase } from '../support/cases.js';
import { eventually, startTestCore, type TestCore } from '../support/core.js';

let t: TestCore;
let more: WorkerSet | null = null;
afterEach(async () => {
  await more?.close();
  more = null;
  await t.stop();
});

/** A messenger that reaches staff only and lists whom it sent to; `after(n)` runs once the n-th send has gone out. */
function staffMessenger(after: (n: number) => Promise<void>) {
  const delivered: string[] = [];
  const m: Messenger = {
    canReachUser: () => false,
    canReachStaff: () => true,
    sendToUser: async () => undefined,
    sendToStaff: async (staff) => {
      delivered.push(staff.id);
      await after(delivered.length);
    },
  };
  return { m, delivered };
}

/** `staffMessenger` that sends and returns; `hang`: the first send goes out and never returns (the process "dies"). */
const countingMessenger = (opts: { hang?: boolean } = {}) =>
  staffMessenger(async (n) => {
    if (opts.hang && n === 1) await new Promise(() => undefined);
  });

const fakeJob = (id: string, name: string, data: object) => ({ id, name, data, opts: {}, attemptsMade: 0 }) as unknown as Job;

describe('no notice twice', () => {
  it('a notice job run again after its send went out (the process died before completing it) sends nothing', async () => {
    t = await startTestCore();
    const { m, delivered } = countingMessenger();
    t.core.messengers.unshift(m);
    const c = await createWageCase(t.core);
    const send = outboundProcessor(t.core, [caseNotices(t.core)]);
    const job = fakeJob('staff-case-copied-x1', 'staff-case-copied', { caseId: c.id, staffId: 'sup-t01' });
    expect(await send(job)).toEqual({ to: 'sup-t01' });
    expect(await send(job)).toEqual({ skipped: 'sent before' });
    expect(delivered).toEqual(['sup-t01']);
    const mark = outboundKeys(t.core.keys.prefix).delivery('staff-case-copied-x1');
    expect(await t.core.redis.get(mark)).toBe('sent');
    expect(await t.core.redis.ttl(mark)).toBeGreaterThan(6 * 86400);
  });

  it('a send that throws leaves no mark: the retry sends (nothing went out)', async () => {
    t = await startTestCore();
    let tries = 0;
    t.core.messengers.unshift({
      canReachUser: () => false,
      canReachStaff: () => true,
      sendToUser: async () => undefined,
      sendToStaff: async () => {
        tries += 1;
        if (tries === 1) throw new Error('WeChat busy');
      },
    });
    const c = await createWageCase(t.core);
    const send = outboundProcessor(t.core, [caseNotices(t.core)]);
    const job = fakeJob('staff-case-copied-x2', 'staff-case-copied', { caseId: c.id, staffId: 'sup-t01' });
    await expect(send(job)).rejects.toThrow('WeChat busy');
    expect(await send(job)).toEqual({ to: 'sup-t01' });
    expect(tries).toBe(2);
  });

  it('a worker killed mid-send: another worker takes the job up within 10 s and does not send it again; the possible loss is on the case', async () => {
    t = await startTestCore({ workers: true });
    const { m, delivered } = countingMessenger({ hang: true });
    t.core.messengers.unshift(m);
    const c = await createWageCase(t.core);
    await t.core.queues.outbound.add('staff-case-copied', { caseId: c.id, staffId: 'sup-t01' }, { jobId: 'crash-1' });
    await eventually(async () => delivered.length === 1, 5000, 'the first send');
    // The worker dies: its lock is no longer renewed, its job never completes.
    await Promise.all(t.workers!.workers.map((w) => w.close(true)));
    const died = Date.now();
    more = startWorkers(t.core, { outbound: true });
    await eventually(async () => (await t.core.queues.outbound.getJobState('crash-1')) === 'completed', 12_000, 'the job completed by another worker');
    const took = Date.now() - died;
    expect(took).toBeLessThan(10_000);
    expect(delivered).toEqual(['sup-t01']);
    const after = await t.core.cases.get(c.id);
    expect(after!.deliveryFailures.at(-1)).toMatchObject({ job: 'staff-case-copied' });
    expect(after!.deliveryFailures.at(-1)!.reason).toMatch(/mid-send/);
    console.log(`crashed outbound job taken up again after ${took} ms`);
  }, 20_000);

  it('a process killed mid-send from the cases\' outbox: another takes the notice up within 10 s and does not send it again; the possible loss is on the case', async () => {
    // The production lease, and no renewal (maxHoldMs 1: the first renewal is let go), as from a process that died.
    t = await startTestCore({ workers: true, outbox: { ...OUTBOX_TIMINGS, maxHoldMs: 1 } });
    let release = () => undefined as void;
    // The first send goes out and never returns while the test holds it: its process "died" mid-send.
    const { m, delivered } = staffMessenger(async (n) => {
      if (n === 1) await new Promise<void>((r) => (release = r));
    });
    t.core.messengers.unshift(m);
    const c = await createWageCase(t.core);
    await notify(t.core, 'staff-case-copied', c.id, 'sup-t01');
    await eventually(async () => delivered.length === 1, 5000, 'the first send');
    const died = Date.now();
    // Another process's loop (here: a second one in this process; the first stays stuck in its send).
    more = startWorkers(t.core, { outbound: true });
    const after = await eventually(async () => {
      const x = await t.core.cases.get(c.id);
      return x && x.deliveryFailures.length > 0 ? x : null;
    }, 12_000, 'the notice taken up by another loop');
    const took = Date.now() - died;
    expect(took).toBeLessThan(10_000);
    expect(after.deliveryFailures.at(-1)).toMatchObject({ job: 'staff-case-copied' });
    expect(after.deliveryFailures.at(-1)!.reason).toMatch(/mid-send/);
    // The loop ends its claim (the entry leaves the outbox) just after recording the failure, in a second write.
    await eventually(async () => (await t.core.redis.zCard(caseJobKeys(t.core.config.REDIS_PREFIX).outbox())) === 0, 5000, 'the notice gone from the outbox');
    release();
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered).toEqual(['sup-t01']);
    console.log(`notice of a crashed outbox loop taken up again after ${took} ms`);
  }, 20_000);

  it('a send slower than the outbox lease keeps its claim (renewed while it runs): no other loop takes it up, nothing is written off, it goes once', async () => {
    // A 1 s lease renewed every 300 ms; the send takes 2.5 s while a second loop looks every 250 ms.
    const timings = { leaseMs: 1000, renewMs: 300, maxHoldMs: 10_000 };
    t = await startTestCore({ workers: true, outbox: timings });
    const { m, delivered } = staffMessenger(() => new Promise((r) => setTimeout(r, 2500)));
    t.core.messengers.unshift(m);
    more = startWorkers(t.core, { outbound: true }, { outbox: timings });
    const c = await createWageCase(t.core);
    await notify(t.core, 'staff-case-copied', c.id, 'sup-t01');
    const outbox = caseJobKeys(t.core.config.REDIS_PREFIX).outbox();
    await eventually(async () => delivered.length === 1, 5000, 'the send begun');
    await eventually(async () => (await t.core.redis.zCard(outbox)) === 0, 8000, 'the claim ended');
    expect(delivered).toEqual(['sup-t01']);
    expect((await t.core.cases.get(c.id))!.deliveryFailures).toEqual([]);
  }, 20_000);

  it('channel-send: an interrupted send writes off the reply in flight, and the rest goes on', async () => {
    t = await startTestCore();
    const store = createChannelStore(t.core);
    const replies = ['一', '二', '三'].map((text) => ({ type: 'text' as const, text }));
    await store.keepOutbox('s1', { userKey: 'oa:x', replies, sent: 1, cardSent: false });
    await channelSends(t.core).interrupted!(fakeJob('chs-s1', 'channel-send', { sendId: 's1' }));
    expect((await store.loadOutbox('s1'))!.sent).toBe(2);
  });
});

describe('recovery within 10 s', () => {
  it('a job whose worker died twice is taken up again each time within 10 s, and is not failed for stalling twice', async () => {
    t = await startTestCore();
    const { connection, prefix } = t.core.queues;
    const queue = new Queue('faults', { connection, prefix });
    const runs: number[] = [];
    const start = (hang: boolean) =>
      new Worker('faults', async () => {
        runs.push(Date.now());
        if (hang) await new Promise(() => undefined);
        return 'done';
      }, { connection, prefix, ...WORKER_RECOVERY });
    try {
      await queue.add('x', {}, { jobId: 'stall-1' });
      const gaps: number[] = [];
      for (let i = 0; i < 2; i++) {
        const w = start(true);
        await eventually(async () => runs.length === i + 1, 10_000, `run ${i + 1}`);
        await w.close(true);
        const died = Date.now();
        const next = start(i === 1 ? false : true);
        await eventually(async () => runs.length === i + 2, 12_000, `run ${i + 2}`);
        gaps.push(Date.now() - died);
        if (i === 0) await next.close(true);
        else {
          await eventually(async () => (await queue.getJobState('stall-1')) === 'completed', 5000, 'completed');
          await next.close();
        }
      }
      expect(Math.max(...gaps)).toBeLessThan(10_000);
      console.log(`stalled job taken up again after ${gaps.join(' ms, ')} ms`);
    } finally {
      await queue.close();
    }
  }, 40_000);
});

describe('rate limiting never reorders', () => {
  const BURST = ['老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '2', '两万八千五', '就我一个', '还在干'];
  const REST = ['都跳过', '没有', '张三', '13800138000', '确认'];

  it('ten messages sent back to back, the first of them the first of its minute, reach the conversation in order', async () => {
    t = await startTestCore();
    const { core, chat } = t;
    const user = 'web:burst';
    // As the chat route does: the limiter, then the conversation; all ten in flight at once, in the order they came.
    const order: number[] = [];
    const sent = BURST.map((text, i) =>
      core.conversation.limit(user, 100, '太快了').then(() => {
        order.push(i);
        return chat.handle(user, { kind: 'text', text }, `m${i}`);
      }),
    );
    await Promise.all(sent);
    expect(order).toEqual(BURST.map((_, i) => i));
    for (const [i, text] of REST.entries()) await chat.handle(user, { kind: 'text', text }, `r${i}`);
    const [c] = await core.cases.listByUser(user);
    expect(c).toBeDefined();
    expect(c!.wage?.employer).toBe('青溪宏达建筑工程有限公司');
    const township = core.directory.index().townshipById.get(c!.location.townshipId!);
    expect(township?.township.name).toMatch(/东龙/);
  });

  it('every call to the limiter is one round trip to Redis', async () => {
    t = await startTestCore();
    const { core } = t;
    const mon = core.redis.duplicate();
    await mon.connect();
    const seen: string[] = [];
    // Only this core's key: MONITOR sees every client of the shared test Redis (other files run alongside).
    const mine = `${core.config.REDIS_PREFIX}:{chat}:rate:web:rt:`;
    await mon.monitor((line) => {
      if (line.includes(mine)) seen.push(line);
    });
    for (let i = 0; i < 3; i++) await core.conversation.limit('web:rt', 100, '太快了');
    await new Promise((r) => setTimeout(r, 100));
    await mon.disconnect().catch(() => undefined);
    // Each call: INCR and EXPIRE inside one MULTI … EXEC (MONITOR shows the queued commands at EXEC).
    const cmds = seen.map((l) => /"([a-zA-Z]+)"/.exec(l)?.[1]?.toLowerCase());
    expect(cmds).toEqual(['incr', 'expire', 'incr', 'expire', 'incr', 'expire']);
  });
});
