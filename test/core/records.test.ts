import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { manualClock } from '../../core/infra/clock.js';
import { keySpace } from '../../core/infra/keys.js';
import { createRecordStore } from '../../core/infra/records.js';
import { connectRedis, type Redis } from '../../core/infra/redis.js';

/** The shared record store (core/infra/records.ts) on a real redis-server, with a record kind of its own. */
const Thing = z.object({ id: z.string(), no: z.string(), status: z.enum(['open', 'done']), note: z.string() });
type Thing = z.infer<typeof Thing>;

let redis: Redis;
const prefix = `t${randomBytes(5).toString('hex')}`;
const key = keySpace(prefix, 'things');
const k = {
  record: key('thing', ['id'], 'string', null, 'a thing'),
  audit: key('audit', ['id'], 'list', null, 'its audit'),
  numbers: key('numbers', [], 'hash', null, 'number to id'),
  seq: key('seq', ['day'], 'string', '2 days', 'numbers given out'),
  byOwner: key('by-owner', ['owner'], 'zset', null, 'things of an owner'),
  places: key('places', [], 'hash', null, 'taken places'),
  taken: key('taken', ['what'], 'string', null, 'who took it'),
};
const clock = manualClock(new Date('2026-11-21T10:00:00+08:00'));
let store: ReturnType<typeof createRecordStore<Thing>>;

beforeAll(async () => {
  redis = await connectRedis(inject('redisUrl'));
  store = createRecordStore<Thing>(redis, clock, { name: 'thing', schema: Thing, key: k.record, audit: k.audit, numbers: k.numbers() });
});
afterAll(async () => {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch);
  if (keys.length) await redis.del(keys);
  await redis.quit();
});

const numbered = (id: string, note = '') => (no: string) => ({
  record: { id, no, status: 'open' as const, note },
  action: 'created',
  detail: `number ${no}`,
  number: { seq: k.seq('20261121'), prefix: 'TH20261121-', width: 4, seqTtlSeconds: 172800, index: k.numbers() },
  ops: [{ op: 'zadd' as const, key: k.byOwner('ann'), score: 1, member: id }],
});

describe('the record store', () => {
  it('a record read again unchanged is the same frozen object, parsed once; changed elsewhere, it is read afresh; changing one in place throws', async () => {
    // Another store on the same keys: as another process would be, with nothing cached.
    const other = createRecordStore<Thing>(redis, clock, { name: 'thing', schema: Thing, key: k.record, audit: k.audit, numbers: k.numbers() });
    let parsed = 0;
    const counting = Thing.transform((t) => {
      parsed += 1;
      return t;
    });
    const mine = createRecordStore<Thing>(redis, clock, { name: 'thing', schema: counting as never, key: k.record, audit: k.audit, numbers: k.numbers() });
    await redis.set(k.record('cache1'), JSON.stringify({ id: 'cache1', no: 'TH20260102-0011', status: 'open', note: 'first' }));
    const a = (await mine.get('cache1'))!;
    const b = (await mine.get('cache1'))!;
    expect(b).toBe(a);
    expect(parsed).toBe(1);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a as { note: string }).note = 'changed in place';
    }).toThrow(TypeError);
    // Written by the other store: this one reads the new JSON, not what it kept.
    await other.update('cache1', 'bob', (c) => ({ record: { ...c, note: 'second' }, action: 'note', detail: '' }));
    const c = (await mine.get('cache1'))!;
    expect(c.note).toBe('second');
    expect(parsed).toBe(2);
    // Its own write: the record it wrote is what it reads next, without parsing it again (only the write's check).
    const d = await mine.update('cache1', 'ann', (cur) => ({ record: { ...cur, status: 'done' }, action: 'done', detail: '' }), c);
    const before = parsed;
    expect(await mine.get('cache1')).toBe(d.record);
    expect((await mine.getMany(['cache1', 'nope']))[0]).toBe(d.record);
    expect(parsed).toBe(before);
    expect(d.record).toEqual({ id: 'cache1', no: 'TH20260102-0011', status: 'done', note: 'second' });
    expect(Object.isFrozen(d.record)).toBe(true);
  });

  it('an update from a record it handed out skips reading it again; a stale one is read again and the change applied to the fresh record', async () => {
    await redis.set(k.record('from1'), JSON.stringify({ id: 'from1', no: 'TH20260102-0009', status: 'open', note: 'first' }));
    const read = (await store.get('from1'))!;
    // This file's own client: count the records read through it.
    const original = redis.get.bind(redis);
    let gets = 0;
    const client = redis as { get: typeof redis.get };
    client.get = ((...args: Parameters<typeof original>) => {
      gets += 1;
      return original(...args);
    }) as typeof redis.get;
    try {
      const a = await store.update('from1', 'ann', (c) => ({ record: { ...c, note: `${c.note}+a` }, action: 'a', detail: '' }), read);
      expect(a.record.note).toBe('first+a');
      expect(gets).toBe(0);
      // `read` is stale now: the compare-and-set refuses it, the next attempt reads the record as it is.
      const b = await store.update('from1', 'ann', (c) => ({ record: { ...c, note: `${c.note}+b` }, action: 'b', detail: '' }), read);
      expect(b.record.note).toBe('first+a+b');
      expect(gets).toBe(1);
      // A record of another id is never taken for this one.
      const c = await store.update('from1', 'ann', (x) => ({ record: { ...x, note: `${x.note}+c` }, action: 'c', detail: '' }), { ...read, id: 'other' });
      expect(c.record.note).toBe('first+a+b+c');
      expect(gets).toBe(2);
    } finally {
      client.get = original;
    }
    expect((await store.get('from1'))!.note).toBe('first+a+b+c');
  });

  it('keeps the audit as one compact line per change; an audit kept as a stream before becomes those lines at the next change, nothing lost', async () => {
    await redis.xAdd(k.audit('old1'), '*', { at: '2026-01-02T03:04:05.000Z', actor: 'bob', action: 'created', detail: 'number TH20260102-0001' });
    await redis.set(k.record('old1'), JSON.stringify({ id: 'old1', no: 'TH20260102-0001', status: 'open', note: '' }));
    expect(await store.audit('old1')).toEqual([{ at: '2026-01-02T03:04:05.000Z', actor: 'bob', action: 'created', detail: 'number TH20260102-0001' }]);
    await store.update('old1', 'ann\tx', (c) => ({ record: { ...c, status: 'done' }, action: 'done', detail: 'a\tb\nc' }));
    await store.note('old1', 'sys', { action: 'noted', detail: 'ok' });
    expect(await redis.type(k.audit('old1'))).toBe('list');
    expect(await store.audit('old1')).toEqual([
      { at: '2026-01-02T03:04:05.000Z', actor: 'bob', action: 'created', detail: 'number TH20260102-0001' },
      { at: clock.now().toISOString(), actor: 'ann x', action: 'done', detail: 'a b c' },
      { at: clock.now().toISOString(), actor: 'sys', action: 'noted', detail: 'ok' },
    ]);
    // Far smaller than the stream it replaces (4.6 KB for two entries).
    expect(Number(await redis.sendCommand(['MEMORY', 'USAGE', k.audit('old1'), 'SAMPLES', '0']))).toBeLessThan(400);
  });

  it('creates a record with its number, index entry, number look-up and audit entry in one step; a second create of the id returns the first', async () => {
    const a = await store.create('a1', 'ann', numbered('a1'));
    expect(a).toMatchObject({ result: 'created', record: { id: 'a1', no: 'TH20261121-0001' } });
    expect(await redis.zRange(k.byOwner('ann'), 0, -1)).toEqual(['a1']);
    expect((await store.byNumber('TH20261121-0001'))?.id).toBe('a1');
    expect(await redis.ttl(k.seq('20261121'))).toBeGreaterThan(0);
    expect(await store.audit('a1')).toEqual([{ at: clock.now().toISOString(), actor: 'ann', action: 'created', detail: 'number TH20261121-0001' }]);
    const again = await store.create('a1', 'ann', numbered('a1'));
    expect(again).toMatchObject({ result: 'existing', record: { no: 'TH20261121-0001' } });
    expect(await redis.get(k.seq('20261121'))).toBe('1');
  });

  it('puts the number only where the builder put its token, not in text that looks like a number placeholder', async () => {
    const b = await store.create('b1', 'ann', (no) => ({ ...numbered('b1', '#N0011223344556677# __CASE_NO__ %d')(no) }));
    expect(b).toMatchObject({ result: 'created', record: { no: 'TH20261121-0002', note: '#N0011223344556677# __CASE_NO__ %d' } });
  });

  it('updates by compare-and-set: a change made meanwhile is seen, and the change runs again on it', async () => {
    let runs = 0;
    const res = await store.update('a1', 'bob', (cur) => {
      runs++;
      // A concurrent writer gets in between the read and the first write.
      if (runs === 1) void redis.set(k.record('a1'), JSON.stringify({ ...cur, note: 'meanwhile' }));
      return { record: { ...cur, status: 'done', note: `${cur.note}+done` }, action: 'done', detail: '' };
    });
    expect(runs).toBe(2);
    expect(res).toMatchObject({ result: 'written', record: { status: 'done', note: 'meanwhile+done' } });
  });

  it('writes nothing when a guard does not hold, and says which', async () => {
    await redis.hSet(k.places(), 'slot-1', '2');
    const refused = await store.create('c1', 'cat', (no) => ({
      ...numbered('c1')(no),
      guards: [
        { kind: 'absent', key: k.taken('x') },
        { kind: 'below', key: k.places(), field: 'slot-1', max: 2 },
      ],
      ops: [{ op: 'hincrby', key: k.places(), field: 'slot-1', by: 1 }],
    }));
    expect(refused).toEqual({ result: 'refused', guard: 2, found: '2' });
    expect(await store.get('c1')).toBeNull();
    expect(await redis.hGet(k.places(), 'slot-1')).toBe('2');
    // No number was used up.
    expect(await redis.get(k.seq('20261121'))).toBe('2');

    await redis.set(k.taken('x'), 'z9');
    const taken = await store.create('c1', 'cat', (no) => ({ ...numbered('c1')(no), guards: [{ kind: 'absent', key: k.taken('x') }] }));
    expect(taken).toEqual({ result: 'refused', guard: 1, found: 'z9' });
  });

  it('applies every kind of index change with the record', async () => {
    await redis.hSet(k.places(), { 'slot-2': '1', 'slot-3': '5' });
    await redis.set(k.taken('y'), 'a1');
    await redis.set(k.taken('z'), 'other');
    const res = await store.update('a1', 'bob', (cur) => ({
      record: { ...cur, note: 'indexed' },
      action: 'indexed',
      detail: '',
      ops: [
        { op: 'zrem', key: k.byOwner('ann'), member: 'a1' },
        { op: 'zadd', key: k.byOwner('bob'), score: 5, member: 'a1' },
        { op: 'hdecr', key: k.places(), field: 'slot-2' },
        { op: 'hincrby', key: k.places(), field: 'slot-3', by: -2 },
        { op: 'hset', key: k.places(), field: 'slot-4', value: '7' },
        { op: 'delifeq', key: k.taken('y'), value: 'a1' },
        { op: 'delifeq', key: k.taken('z'), value: 'a1' },
        { op: 'set', key: k.taken('w'), value: 'a1' },
        { op: 'expire', key: k.taken('w'), seconds: 60 },
      ],
    }));
    expect(res.result).toBe('written');
    expect(await redis.zRange(k.byOwner('ann'), 0, -1)).toEqual(['b1']);
    expect(await redis.zRange(k.byOwner('bob'), 0, -1)).toEqual(['a1']);
    expect(await redis.hGetAll(k.places())).toMatchObject({ 'slot-1': '2', 'slot-3': '3', 'slot-4': '7' });
    expect(await redis.hExists(k.places(), 'slot-2')).toBe(0);
    expect(await redis.exists(k.taken('y'))).toBe(0);
    expect(await redis.get(k.taken('z'))).toBe('other');
    expect(await redis.ttl(k.taken('w'))).toBeGreaterThan(0);
  });

  it('returns the record unchanged when the change is null, and refuses a record its schema does not allow', async () => {
    const before = await store.get('a1');
    expect(await store.update('a1', 'bob', () => null)).toEqual({ result: 'unchanged', record: before });
    await expect(store.update('a1', 'bob', (cur) => ({ record: { ...cur, status: 'lost' as 'done' }, action: 'x', detail: '' }))).rejects.toThrow();
    expect(await store.get('a1')).toEqual(before);
  });

  it('reads many records in one step, in the order asked, skipping missing ones', async () => {
    expect((await store.getMany(['b1', 'nope', 'a1'])).map((t) => t.id)).toEqual(['b1', 'a1']);
    expect(await store.getMany([])).toEqual([]);
  });

  it('answers a missing record with a not-found error', async () => {
    await expect(store.update('missing', 'bob', (c) => ({ record: c, action: '', detail: '' }))).rejects.toMatchObject({ status: 404 });
  });
});
