/*
 * Fifty people racing for one slot, against the real redis-server.
 *
 * The scenario: 10:00 on the suite's day (Saturday 21 November 2026 unless
 * GONGYOU_TEST_NOW says otherwise), racing for the first free slot of
 * lawyer-2 at 东龙 as the slot engine computes it (Tuesday 24 November 09:00
 * on the default day).
 */
import { createClient } from 'redis';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { bookingKeys, createBookings, type BookResult } from '../../core/legal-aid/store.js';
import type { ManualClock } from '../../core/infra/clock.js';
import type { Core } from '../../core/context.js';
import type { Redis } from '../../core/infra/redis.js';
import { resolveSlot, slotLabel, type Slot } from '../../core/legal-aid/slots.js';
import { compactDay } from '../../core/infra/time.js';
import { TEST_NOW, scenarioClock } from '../support/clock.js';
import { startTestCore } from '../support/core.js';
import { DONGLONG, bookingNoOn, donglongSlots, literally, lawyerSummaryAtDonglong, nth, optionLines } from './helpers.js';

const RACERS = 50;

let clock: ManualClock;
/** The first free slot of lawyer-2 at 东龙 when the test starts (everyone wants it), and the one after it. */
let wanted: Slot;
let runnerUp: Slot;
const extra: Redis[] = [];

const t = useFixture(async () => {
  clock = scenarioClock('2026-11-21', '10:00');
  return startTestCore({ workers: true, clock });
});
beforeEach(async () => {
  const slots = await donglongSlots(t.core);
  wanted = nth(slots, 0, 'lawyer-2 at 东龙');
  runnerUp = nth(slots, 1, 'lawyer-2 at 东龙');
  if (!TEST_NOW) {
    expect(wanted.key).toBe('lawyer-2@202611240900');
    expect(runnerUp.key).toBe('lawyer-2@202611240930');
  }
});
afterEach(async () => {
  for (const c of extra.splice(0)) await c.quit();
});

function request(core: Core, key: string, pointId: string, phone: string) {
  const r = resolveSlot(core.directory.index().calendar, core.directory.index().directory, key, pointId)!;
  return {
    matter: 'wage' as const,
    help: 'lawyer' as const,
    mode: 'in_person' as const,
    urgent: false,
    employment: null,
    limitEndsOn: null,
    districtId: 'qingxi',
    townshipId: 't01',
    slot: r.slot,
    contact: { name: '张三', phone },
    linkedCaseId: null,
  };
}

describe('fifty people, one slot', () => {
  it('when 50 bookings of one slot run at once on 50 connections, then exactly one wins and the count is 1', async () => {
    const key = wanted.key;
    // Each racer has its own connection, so the server really interleaves them.
    const racers = await Promise.all(
      Array.from({ length: RACERS }, async (_, i) => {
        const redis = createClient({ url: inject('redisUrl') }) as unknown as Redis;
        await redis.connect();
        extra.push(redis);
        const core = { ...t.core, redis } as Core;
        return () => createBookings(core).book(`brace${i}`, `web:racer${i}`, request(core, key, DONGLONG, `1380013${String(8000 + i)}`));
      }),
    );
    const results: BookResult[] = await Promise.all(racers.map((go) => go()));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'taken')).toHaveLength(RACERS - 1);

    const k = bookingKeys(t.core.keys.prefix);
    expect(await t.core.redis.hGet(k.slots(wanted.day.replace(/-/g, '')), key)).toBe('1');
    const ids = await t.core.redis.zRange(k.byProvider('lawyer-2'), 0, -1);
    expect(ids).toHaveLength(1);
    // Losers left nothing behind: no record, no number, no index entry.
    const records = await t.core.redis.keys(k.record('*'));
    expect(records).toHaveLength(1);
    // The booking sequence of the day of booking (not of the slot).
    expect(await t.core.redis.get(k.daySeq(compactDay(clock.now())))).toBe('1');
    expect(won[0]!.ok && won[0]!.booking.bookingNo).toBe(bookingNoOn(clock.now()));

    // A cancelled slot is free again at once: the next racer gets it.
    const winner = won[0]!.ok ? won[0]!.booking : null;
    await createBookings(t.core).cancel(winner!.bookingNo, winner!.userKey);
    const again = await createBookings(t.core).book('brace-again', 'web:racer-again', request(t.core, key, DONGLONG, '13800138999'));
    expect(again.ok).toBe(true);
  });

  it('when 50 people in the chat confirm the same slot at once, then one is booked and 49 are offered the next free slots', async () => {
    const users = Array.from({ length: RACERS }, (_, i) => `web:chat${i}`);
    // Everyone fills in the same booking up to the summary.
    await Promise.all(
      users.map((u) =>
        lawyerSummaryAtDonglong(t.chat, u)
          .expect(literally(`时间：${slotLabel(wanted)}`)),
      ),
    );
    const answers = await Promise.all(users.map((u) => t.chat.handle(u, { kind: 'text', text: '确认' })));
    const texts = answers.map((r) => r.map((x) => (x.type === 'text' ? `${x.text}\n${(x.options ?? []).map((o, i) => `${i + 1}. ${o.label}`).join('\n')}` : '')).join('\n'));
    const winners = texts.filter((x) => /预约成功！/.test(x));
    const losers = texts.filter((x) => /刚刚被别人约走了，这次没有预约成功/.test(x));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(RACERS - 1);
    for (const l of losers) {
      expect(optionLines(l).some((o) => o.endsWith(` ${slotLabel(wanted)}`))).toBe(false);
      expect(optionLines(l)[0]).toBe(`1. ${slotLabel(runnerUp)}`);
    }
    if (!TEST_NOW) expect(optionLines(losers[0]!)[0]).toBe('1. 11月24日（周二） 09:30-10:00');
    const k = bookingKeys(t.core.keys.prefix);
    expect(await t.core.redis.hGet(k.slots(wanted.day.replace(/-/g, '')), wanted.key)).toBe('1');
    expect(await t.core.redis.keys(bookingKeys(t.core.keys.prefix).record('*'))).toHaveLength(1);

    // The losers are back at the time question: the next slot goes to exactly one of them too.
    const secondRound = await Promise.all(users.map((u) => t.chat.handle(u, { kind: 'text', text: '1' })));
    const atReview = secondRound.filter((r) => r.some((x) => x.type === 'text' && /请核对您的预约/.test(x.text))).length;
    expect(atReview).toBe(RACERS - 1);
    const confirmed = await Promise.all(users.map((u) => t.chat.handle(u, { kind: 'text', text: '确认' })));
    expect(confirmed.filter((r) => r.some((x) => x.type === 'text' && /预约成功！/.test(x.text)))).toHaveLength(1);
    expect(await t.core.redis.hGet(k.slots(runnerUp.day.replace(/-/g, '')), runnerUp.key)).toBe('1');
  }, 60_000);
});
