/*
 * Fifty people racing for one slot, against the real redis-server.
 */
import { createClient } from 'redis';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { bookingKeys, createBookings, type BookResult } from '../../core/bookings.js';
import type { Core } from '../../core/context.js';
import type { Redis } from '../../core/redis.js';
import { resolveSlot } from '../../core/slots.js';
import { startTestCore, type TestCore } from '../support/core.js';
import { lawyerSummaryAtDonglong, optionLines } from './helpers.js';

const SATURDAY = new Date('2026-11-21T10:00:00+08:00');
const RACERS = 50;

let t: TestCore;
const extra: Redis[] = [];

beforeEach(async () => {
  t = await startTestCore({ workers: true, now: () => SATURDAY });
});
afterEach(async () => {
  for (const c of extra.splice(0)) await c.quit();
  await t.stop();
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
    const key = 'lawyer-2@202611240900';
    // Each racer has its own connection, so the server really interleaves them.
    const racers = await Promise.all(
      Array.from({ length: RACERS }, async (_, i) => {
        const redis = createClient({ url: inject('redisUrl') }) as unknown as Redis;
        await redis.connect();
        extra.push(redis);
        const core = { ...t.core, redis } as Core;
        return () => createBookings(core).book(`brace${i}`, `web:racer${i}`, request(core, key, 'sp-t01-station', `1380013${String(8000 + i)}`));
      }),
    );
    const results: BookResult[] = await Promise.all(racers.map((go) => go()));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'taken')).toHaveLength(RACERS - 1);

    const k = bookingKeys(t.core.keys.prefix);
    expect(await t.core.redis.hGet(k.slots('20261124'), key)).toBe('1');
    const ids = await t.core.redis.zRange(k.provider('lawyer-2'), 0, -1);
    expect(ids).toHaveLength(1);
    // Losers left nothing behind: no record, no number, no index entry.
    const records = await t.core.redis.keys(`${t.core.keys.prefix}:booking:*`);
    expect(records).toHaveLength(1);
    expect(await t.core.redis.get(`${t.core.keys.prefix}:bookingseq:20261121`)).toBe('1');

    // A cancelled slot is free again at once: the next racer gets it.
    const winner = won[0]!.ok ? won[0]!.booking : null;
    await createBookings(t.core).cancel(winner!.bookingNo, winner!.userKey);
    const again = await createBookings(t.core).book('brace-again', 'web:racer-again', request(t.core, key, 'sp-t01-station', '13800138999'));
    expect(again.ok).toBe(true);
  });

  it('when 50 people in the chat confirm the same slot at once, then one is booked and 49 are offered the next free slots', async () => {
    const users = Array.from({ length: RACERS }, (_, i) => `web:chat${i}`);
    // Everyone fills in the same booking up to the summary.
    await Promise.all(
      users.map((u) =>
        lawyerSummaryAtDonglong(t.chat, u)
          .expect(/时间：11月24日（周二） 09:00-09:30/),
      ),
    );
    const answers = await Promise.all(users.map((u) => t.chat.handle(u, { kind: 'text', text: '确认' })));
    const texts = answers.map((r) => r.map((x) => (x.type === 'text' ? `${x.text}\n${(x.options ?? []).map((o, i) => `${i + 1}. ${o.label}`).join('\n')}` : '')).join('\n'));
    const winners = texts.filter((x) => /预约成功！/.test(x));
    const losers = texts.filter((x) => /刚刚被别人约走了，这次没有预约成功/.test(x));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(RACERS - 1);
    for (const l of losers) {
      expect(l).not.toMatch(/\d\. 11月24日（周二） 09:00-09:30/);
      expect(optionLines(l)[0]).toBe('1. 11月24日（周二） 09:30-10:00');
    }
    const k = bookingKeys(t.core.keys.prefix);
    expect(await t.core.redis.hGet(k.slots('20261124'), 'lawyer-2@202611240900')).toBe('1');
    expect(await t.core.redis.keys(`${t.core.keys.prefix}:booking:*`)).toHaveLength(1);

    // The losers are back at the time question: the next slot goes to exactly one of them too.
    const second = await Promise.all(users.map((u) => t.chat.handle(u, { kind: 'text', text: '1' })));
    const atReview = second.filter((r) => r.some((x) => x.type === 'text' && /请核对您的预约/.test(x.text))).length;
    expect(atReview).toBe(RACERS - 1);
    const confirmed = await Promise.all(users.map((u) => t.chat.handle(u, { kind: 'text', text: '确认' })));
    expect(confirmed.filter((r) => r.some((x) => x.type === 'text' && /预约成功！/.test(x.text)))).toHaveLength(1);
    expect(await t.core.redis.hGet(k.slots('20261124'), 'lawyer-2@202611240930')).toBe('1');
  }, 60_000);
});
