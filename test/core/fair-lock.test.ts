/*
 * The per-person lock is fair across processes (core/conversation/locks.ts):
 * first come, first served, in the order the calls reached Redis; a holder
 * that dies is skipped once its lifetime lapses, a waiter that gives up or
 * dies blocks nobody behind it; taking it uncontended is one round trip.
 * Real redis-server; several clients stand for several processes.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { conversationKeys } from '../../core/conversation/keys.js';
import { createLocks, LOCK_TIMINGS, type LockTimings } from '../../core/conversation/locks.js';
import { connectRedis, type Redis } from '../../core/infra/redis.js';

const prefix = `t${randomBytes(5).toString('hex')}`;
const keys = conversationKeys(prefix);
/** Short lifetimes so lapses happen within a test. */
const FAST: LockTimings = { lockMs: 600, waitMs: 300, reserveMs: 600, stuckMs: 900, maxPollMs: 30 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let clients: Redis[] = [];
beforeAll(async () => {
  clients = await Promise.all([0, 1, 2].map(() => connectRedis(inject('redisUrl'))));
});
afterAll(async () => {
  const r = clients[0]!;
  const found: string[] = [];
  for await (const batch of r.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) found.push(...batch);
  if (found.length) await r.del(found);
  await Promise.all(clients.map((c) => c.quit()));
});

describe('the fair lock', () => {
  it('serves many callers from three clients one at a time, in the order they took their tickets', async () => {
    const locks = clients.map((c) => createLocks(c, keys));
    const user = `web:fifo-${randomBytes(3).toString('hex')}`;
    const order: number[] = [];
    let inside = 0;
    let most = 0;
    const calls: Promise<void>[] = [];
    // Each call sent only after the previous one's ticket is in Redis: the order of arrival is defined.
    for (let i = 0; i < 30; i++) {
      const ticket = locks[i % 3]!.takeTicket(user);
      await ticket;
      calls.push(
        locks[i % 3]!.withUserLock(
          user,
          async () => {
            inside++;
            most = Math.max(most, inside);
            order.push(i);
            await sleep(i % 4);
            inside--;
          },
          ticket,
        ),
      );
    }
    await Promise.all(calls);
    expect(most).toBe(1);
    expect(order).toEqual([...Array(30).keys()]);
    // Nothing left behind.
    expect(await clients[0]!.exists([keys.lock(user), keys.lockLive(user)])).toBe(0);
  });

  it('keeps the call order of one process with no ticket given (each call takes its place before anything is awaited)', async () => {
    const [a] = clients.map((c) => createLocks(c, keys));
    const user = `web:calls-${randomBytes(3).toString('hex')}`;
    const order: number[] = [];
    await Promise.all([...Array(20).keys()].map((i) => a!.withUserLock(user, async () => void order.push(i))));
    expect(order).toEqual([...Array(20).keys()]);
  });

  it('skips a holder that died once its lifetime lapses, and the waiters keep their order', async () => {
    const [a, b, c] = clients.map((cl) => createLocks(cl, keys, FAST));
    const user = `web:dead-${randomBytes(3).toString('hex')}`;
    // A holder that never releases (its process died): a ticket first in line, never given back.
    const dead = await a!.takeTicket(user);
    expect(dead.ahead).toBe(0);
    const started = performance.now();
    const order: string[] = [];
    const second = b!.withUserLock(user, async () => void order.push('b'));
    await sleep(20);
    const third = c!.withUserLock(user, async () => void order.push('c'));
    await Promise.all([second, third]);
    const waited = performance.now() - started;
    expect(order).toEqual(['b', 'c']);
    // Not before the holder's lifetime, and not much after it.
    expect(waited).toBeGreaterThanOrEqual(FAST.lockMs - 50);
    expect(waited).toBeLessThan(FAST.lockMs + 500);
  });

  it('a waiter that gives up (or dies) does not block the ones behind it', async () => {
    // The holder is alive and slow (its lifetime is long); waiters give up after 300 ms without moving up.
    // The third is patient: with the same 300 ms its own give-up came ~20 ms after the second's, and on a loaded
    // machine it could give up before it saw the second leave (fresh-clone CI, twice): the test is of the second.
    const [a, b] = clients.map((cl) => createLocks(cl, keys, { ...FAST, lockMs: 3000, stuckMs: 300 }));
    const c = createLocks(clients[2]!, keys, { ...FAST, lockMs: 3000, stuckMs: 3000 });
    const user = `web:giveup-${randomBytes(3).toString('hex')}`;
    const order: string[] = [];
    // The first holds the lock longer than the second is willing to wait without moving up.
    let release!: () => void;
    const first = a!.withUserLock(user, () => new Promise<void>((r) => (release = r)).then(() => void order.push('a')));
    await sleep(20);
    const gaveUp = b!.withUserLock(user, async () => void order.push('b')).catch((err: Error) => err.message);
    await sleep(20);
    // A waiter whose process dies: its ticket is taken and never polled again.
    const ghost = await b!.takeTicket(user);
    expect(ghost.ahead).toBe(2);
    const third = c!.withUserLock(user, async () => void order.push('c'));
    // The second gives up after stuckMs without moving up: its ticket is removed at once.
    expect(await gaveUp).toMatch(/not acquired/);
    release();
    const t0 = performance.now();
    await Promise.all([first, third]);
    // The third went next to the holder, past the ghost, once the ghost's last poll (its ticket taken) was waitMs old.
    expect(order).toEqual(['a', 'c']);
    expect(performance.now() - t0).toBeLessThan(FAST.waitMs + 300);
  });

  it('a place taken ahead of the turn (a WeChat push) keeps it until its turn begins, in another process', async () => {
    const [a, b] = clients.map((cl) => createLocks(cl, keys, FAST));
    const user = `in:mp:reserve-${randomBytes(3).toString('hex')}`;
    const order: number[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) tokens.push((await a!.takeTicket(user, { reserve: true })).token);
    // The jobs start in another order, in another process.
    await Promise.all(
      [3, 1, 0, 2].map(async (i) => {
        await sleep(10 * i);
        await b!.withUserLock(user, async () => void order.push(i), { token: tokens[i]!, ahead: -1, at: 0, holder: false });
      }),
    );
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('taking it uncontended is one round trip to Redis, releasing it one more', async () => {
    let sent = 0;
    // Every call on the client is a command sent (the script's EVALSHA included; node-redis sends each as it is called).
    const counting = new Proxy(clients[0]!, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          sent++;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const locks = createLocks(counting as Redis, keys, LOCK_TIMINGS);
    const user = `web:rt-${randomBytes(3).toString('hex')}`;
    // The scripts are loaded once (a first EVALSHA can meet NOSCRIPT on a fresh server).
    await locks.withUserLock(user, async () => undefined);
    sent = 0;
    let before = -1;
    await locks.withUserLock(user, async () => {
      before = sent;
    });
    expect(before).toBe(1);
    expect(sent).toBe(2);
  });

  it('a holder that releases right after sending its last write lets the next in before it ends, and the next sees the write done', async () => {
    const [a, b] = clients.map((cl) => createLocks(cl, keys, FAST));
    const user = `web:early-${randomBytes(3).toString('hex')}`;
    const key = keys.session(user);
    const seen: (string | null)[] = [];
    let firstEnded = false;
    let nextBeganFirst = false;
    const first = a!.withUserLock(user, async (release) => {
      // Sent, not awaited, then the release behind it on the same connection.
      const write = clients[0]!.set(key, 'written');
      release();
      await write;
      await sleep(150);
      firstEnded = true;
    });
    await sleep(20);
    await b!.withUserLock(user, async () => {
      nextBeganFirst = !firstEnded;
      seen.push(await clients[1]!.get(key));
    });
    await first;
    expect(nextBeganFirst).toBe(true);
    expect(seen).toEqual(['written']);
    // Released once: the line is empty.
    expect(await clients[0]!.exists([keys.lock(user), keys.lockLive(user)])).toBe(0);
  });
});
