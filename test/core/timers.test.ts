/*
 * Timers in Redis (core/infra/timers.ts), on the real redis-server: fired
 * when due by the app's clock and not before, each once however many loops
 * poll, a failed one tried again a minute later, one whose process died
 * mid-fire claimed again once its lease is over, one set again while it
 * fires kept with its new time.
 */
import { UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { z } from 'zod';
import { TIMER_LEASE_MS, fireDue, startTimers, timerDue, type TimerFamily } from '../../core/infra/timers.js';
import { fireNoticeBackstop, noticeMember, noticeOutbox } from '../../core/infra/outbox.js';
import { eventually, startTestCore, type TestCore } from '../support/core.js';

let t: TestCore;
let started = false;
let clock: ManualClock;
afterEach(async () => {
  if (started) await t.stop();
  started = false;
});

async function start() {
  clock = manualClock('2026-11-23T10:00:00+08:00');
  t = await startTestCore({ clock });
  started = true;
}

/** A family on its own key (in the cases' hash tag, like the real one) that records what fired. */
function family(fire: (member: string) => Promise<unknown> = async () => undefined) {
  const fired: string[] = [];
  const f: TimerFamily = {
    name: 'test',
    key: `${t.core.config.REDIS_PREFIX}:{cases}:test-timers`,
    failuresKey: `${t.core.config.REDIS_PREFIX}:{cases}:test-timer-failures`,
    async fire(member) {
      fired.push(member);
      return fire(member);
    },
  };
  return { f, fired };
}

const set = (f: TimerFamily, member: string, at: number) => t.core.redis.zAdd(f.key, { score: at, value: member });

describe('timers', () => {
  it('fire when due by the app clock, not before, and are gone once fired', async () => {
    await start();
    const { f, fired } = family();
    const now = clock.now().getTime();
    await set(f, 'a', now - 1);
    await set(f, 'b', now + 60_000);
    expect(await fireDue(t.core.redis, clock, f)).toBe(1);
    expect(fired).toEqual(['a']);
    expect(await timerDue(t.core.redis, f.key, 'a')).toBeNull();
    expect(await timerDue(t.core.redis, f.key, 'b')).toEqual(new Date(now + 60_000));
    clock.advance(60_000);
    expect(await fireDue(t.core.redis, clock, f)).toBe(1);
    expect(fired).toEqual(['a', 'b']);
    expect(await t.core.redis.zCard(f.key)).toBe(0);
  });

  it('two loops polling the same timers fire each exactly once', async () => {
    await start();
    const { f, fired } = family(() => new Promise((r) => setTimeout(r, 2)));
    const now = clock.now().getTime();
    for (let i = 0; i < 250; i++) await set(f, `m${i}`, now - i);
    const loops = [startTimers(t.core, [f], 20), startTimers(t.core, [f], 20)];
    try {
      await eventually(async () => (fired.length >= 250 && (await t.core.redis.zCard(f.key)) === 0 ? true : null), 10_000, 'all fired');
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await Promise.all(loops.map((l) => l.close()));
    }
    expect(fired).toHaveLength(250);
    expect(new Set(fired).size).toBe(250);
  });

  it('a timer whose handler throws is tried again a minute later; an UnrecoverableError drops it', async () => {
    await start();
    let fail = true;
    const { f, fired } = family(async (m) => {
      if (m === 'broken') throw new UnrecoverableError('no such record');
      if (fail) throw new Error('Redis went away');
    });
    const now = clock.now().getTime();
    await set(f, 'flaky', now);
    await set(f, 'broken', now);
    expect(await fireDue(t.core.redis, clock, f)).toBe(2);
    expect(await timerDue(t.core.redis, f.key, 'broken')).toBeNull();
    expect(await timerDue(t.core.redis, f.key, 'flaky')).toEqual(new Date(now + 60_000));
    clock.advance(59_000);
    expect(await fireDue(t.core.redis, clock, f)).toBe(0);
    fail = false;
    clock.advance(1000);
    expect(await fireDue(t.core.redis, clock, f)).toBe(1);
    expect(fired.filter((m) => m === 'flaky')).toHaveLength(2);
    expect(await t.core.redis.zCard(f.key)).toBe(0);
  });

  it('a timer that keeps failing is tried again after 1, 2, 4… minutes, then hourly, never dropped; once it fires its count goes', async () => {
    await start();
    let failing = true;
    const { f, fired } = family(async () => {
      if (failing) throw new Error('Redis went away');
    });
    await set(f, 'stubborn', clock.now().getTime());
    const gaps: number[] = [];
    for (let i = 0; i < 9; i++) {
      const before = clock.now().getTime();
      expect(await fireDue(t.core.redis, clock, f)).toBe(1);
      const next = (await timerDue(t.core.redis, f.key, 'stubborn'))!.getTime();
      gaps.push((next - before) / 60_000);
      // Not a moment early.
      clock.set(new Date(next - 1));
      expect(await fireDue(t.core.redis, clock, f)).toBe(0);
      clock.advance(1);
    }
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(await t.core.redis.hGet(f.failuresKey, 'stubborn')).toBe('9');
    failing = false;
    expect(await fireDue(t.core.redis, clock, f)).toBe(1);
    expect(fired).toHaveLength(10);
    expect(await timerDue(t.core.redis, f.key, 'stubborn')).toBeNull();
    expect(await t.core.redis.exists(f.failuresKey)).toBe(0);
  });

  it('a failing timer set again meanwhile keeps its new time, and its failures are forgotten', async () => {
    await start();
    const { f } = family(async () => {
      // A write sets the same timer again while it fires (a new due time), then the handler fails.
      await set(f, 'moved', clock.now().getTime() + 3_600_000);
      throw new Error('Redis went away');
    });
    await t.core.redis.hSet(f.failuresKey, 'moved', '3');
    await set(f, 'moved', clock.now().getTime());
    expect(await fireDue(t.core.redis, clock, f)).toBe(1);
    expect(await timerDue(t.core.redis, f.key, 'moved')).toEqual(new Date(clock.now().getTime() + 3_600_000));
    expect(await t.core.redis.hGet(f.failuresKey, 'moved')).toBeNull();
  });

  it('a timer whose process died while firing it is claimed again once the lease is over, not before', async () => {
    await start();
    // The first process claims it and never finishes (killed).
    const dead = family(() => new Promise(() => undefined));
    await set(dead.f, 'x', clock.now().getTime());
    void fireDue(t.core.redis, clock, dead.f);
    await eventually(async () => (dead.fired.length === 1 ? true : null), 5000, 'claimed by the first process');
    const other = family();
    expect(await fireDue(t.core.redis, clock, other.f)).toBe(0);
    clock.advance(TIMER_LEASE_MS - 1);
    expect(await fireDue(t.core.redis, clock, other.f)).toBe(0);
    clock.advance(1);
    expect(await fireDue(t.core.redis, clock, other.f)).toBe(1);
    expect(other.fired).toEqual(['x']);
    expect(await t.core.redis.zCard(other.f.key)).toBe(0);
  });

  it('a timer set again (a new due time) while it fires keeps its new time', async () => {
    await start();
    const later = clock.now().getTime() + 3_600_000;
    const { f } = family(async (m) => {
      // The record's write sets the same timer again meanwhile (e.g. a new limit of the same round).
      await set(f, m, later);
    });
    await set(f, 'y', clock.now().getTime());
    expect(await fireDue(t.core.redis, clock, f)).toBe(1);
    expect(await timerDue(t.core.redis, f.key, 'y')).toEqual(new Date(later));
  });
});

describe("a notice's backstop", () => {
  const kinds = { names: ['n-one'] as const, data: z.object({ id: z.string().min(1) }), jobId: (name: string, d: { id: string }) => `${name}-${d.id}` };
  const asked: string[] = [];
  const queues = { requeueLostNotice: async (name: string, _d: object, jobId: string) => (asked.push(`${name} ${jobId}`), 'requeued' as const) };

  it('queues its notice under its fixed id; another timer of the family is not one; a malformed or unknown one cannot fire', async () => {
    expect(await fireNoticeBackstop(queues, 'notice|n-one|{"id":"a1"}', kinds)).toBe('requeued');
    expect(asked).toEqual(['n-one n-one-a1']);
    expect(await fireNoticeBackstop(queues, 'review|a1|1', kinds)).toBeNull();
    for (const bad of ['notice|n-one|{"id":', 'notice|n-one|{"id":""}', 'notice|n-two|{"id":"a1"}', 'notice|n-one', 'notice|']) {
      await expect(fireNoticeBackstop(queues, bad, kinds), bad).rejects.toBeInstanceOf(UnrecoverableError);
    }
    expect(asked).toHaveLength(1);
  });

  it("an outbox of such notices reads the same entries (without `notice|`), and nothing else: a malformed or unknown entry stands for no notice", () => {
    const family = noticeOutbox({ name: 'test', key: 'k', failuresKey: 'f', kinds });
    expect(family.parse(noticeMember('n-one', { id: 'a1' }))).toEqual({ name: 'n-one', data: { id: 'a1' }, id: 'n-one-a1' });
    for (const bad of ['n-one|{"id":', 'n-one|{"id":""}', 'n-two|{"id":"a1"}', 'n-one', '', '|{}', 'n-one|null', 'n-one|"a1"']) expect(family.parse(bad), bad).toBeNull();
  });
});
