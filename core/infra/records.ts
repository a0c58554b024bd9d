import type { z } from 'zod';
import type { Clock } from './clock.js';
import { NotFoundError } from './errors.js';
import type { Redis } from './redis.js';
import { randomHex } from './random-ids.js';
import { luaScript, runScript } from './scripts.js';

/**
 * The one record store every record kind uses (cases, membership
 * applications, bookings): a record is JSON under one key, validated by its
 * zod schema on every read and write, with an append-only audit beside
 * it (a list of compact lines: a stream cost 4.6 KB for two entries). Every write is one atomic step (record-write.lua): the record,
 * its audit entry, the index changes that go with it (user and staff
 * indexes, counters), guards that must hold (a slot below capacity, an ID
 * number not yet taken) and a new number (`QX20261121-0001`).
 *
 * Changes are compare-and-set: `update` reads, lets `change` build the next
 * record from the fresh one, and writes only if nothing changed meanwhile;
 * otherwise it runs `change` again on the newer record.
 */

const WRITE = luaScript(new URL('./record-write.lua', import.meta.url));
const AUDIT_APPEND = luaScript(new URL('./audit-append.lua', import.meta.url));

/** A field of an audit line: its separators (tab, line breaks) become spaces. */
const field = (s: string) => s.replace(/[\t\r\n]/g, ' ');

/** An audit line as stored: `at TAB actor TAB action TAB detail` (the detail may hold anything but a tab). */
function parseAuditLine(line: string): AuditEntry {
  const [at = '', actor = '', action = '', ...rest] = line.split('\t');
  return { at, actor, action, detail: rest.join('\t') };
}

/** An index change made in the same step as the record. Keys are passed to the script, never built in it. */
export type IndexOp =
  | { op: 'zadd'; key: string; score: number; member: string }
  | { op: 'zrem' | 'sadd' | 'srem'; key: string; member: string }
  | { op: 'set' | 'delifeq'; key: string; value: string }
  | { op: 'del'; key: string }
  | { op: 'hset'; key: string; field: string; value: string }
  | { op: 'hincrby'; key: string; field: string; by: number }
  /** Minus one, and the field goes at zero. */
  | { op: 'hdecr'; key: string; field: string }
  | { op: 'expire'; key: string; seconds: number };

/** What must hold for the write to happen; the write is refused otherwise (nothing changes). */
export type Guard =
  /** `HGET key field` is below `max` (a slot with places left). */
  | { kind: 'below'; key: string; field: string; max: number }
  /** `key` does not exist (an ID number with no current application). */
  | { kind: 'absent'; key: string };

/**
 * A number given out in the write: `prefix` and the day's (or union's)
 * count from `seq`, zero-padded to `width`. Wherever the record or the
 * audit detail holds the token the store handed to the builder, the number
 * stands instead; `index` (a hash) maps it to the record's id.
 */
export interface NumberSpec {
  seq: string;
  prefix: string;
  width: number;
  /** Seconds the counter lives after the last number (0: for good). */
  seqTtlSeconds: number;
  index?: string;
}

export interface Audit {
  action: string;
  /** Ids and numbers only, never personal data. */
  detail: string;
}

export interface Write<T> extends Audit {
  record: T;
  ops?: IndexOp[];
  guards?: Guard[];
  number?: NumberSpec;
}

export type CreateResult<T> =
  | { result: 'created' | 'existing'; record: T }
  /** A guard did not hold: `guard` is its position in `guards`, `found` what it found. */
  | { result: 'refused'; guard: number; found: string };

export type UpdateResult<T> = { result: 'written' | 'unchanged'; record: T } | { result: 'refused'; guard: number; found: string; record: T };

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  detail: string;
}

export interface RecordKind<T> {
  /** For messages: `case`, `membership`, `booking`. */
  name: string;
  schema: z.ZodType<T>;
  key(id: string): string;
  audit(id: string): string;
  /** Hash of number → id, when records have numbers. */
  numbers?: string;
  /**
   * What is stored of a valid record: it may leave out what the schema's
   * defaults give back on reading (empty lists, nulls), to keep records small.
   */
  compact?: (record: T) => unknown;
  /**
   * Every write is published on `channel` in the same step (`message`: ids
   * only; a number given out in a create is in it as it is in the record).
   */
  changed?: { channel: string; message: (record: T) => string };
}

/** Parsed records kept per store and process (`recent` in createRecordStore). */
const RECENT_MAX = 1000;

/**
 * Freezes a record and everything in it: records are never changed in
 * place (every change spreads a new object), and a parsed record is shared
 * by every reader of the same JSON, so a change in place would be seen by
 * them all. Frozen, it throws where it is made instead.
 */
function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Attempts of one change before giving up (each lost only to a concurrent write). */
const MAX_ATTEMPTS = 20;

export function createRecordStore<T extends { id: string }>(redis: Redis, clock: Clock, kind: RecordKind<T>) {
  /**
   * The stored JSON each record read or written here came from: `update`
   * given a record it handed out (`from`) starts from it instead of reading
   * and parsing it again (the compare-and-set still refuses a stale one,
   * and the next attempt reads). Records are never changed in place (every
   * change spreads a new object), which is what makes the object a faithful
   * stand-in for its JSON; a caller that changed one must not pass it.
   */
  const rawOf = new WeakMap<object, string>();
  /**
   * The records this process parsed last, by id, with their JSON: reading
   * one whose stored JSON is unchanged gives back the same (frozen) object
   * without parsing and validating it again. A routed case was parsed four
   * times (its write, its two notices, the routing read); JSON.parse and
   * the schema were about a sixth of the routing bench's CPU.
   */
  const recent = new Map<string, { raw: string; record: T }>();
  const remember = (id: string, raw: string, record: T) => {
    recent.delete(id);
    recent.set(id, { raw, record });
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  };
  const parse = (raw: string, id?: string): T => {
    const hit = id === undefined ? undefined : recent.get(id);
    if (hit && hit.raw === raw) return hit.record;
    const record = deepFreeze(kind.schema.parse(JSON.parse(raw)));
    rawOf.set(record, raw);
    if (id !== undefined) remember(id, raw, record);
    return record;
  };
  /** The record a write stored as `raw`: `written` itself (validated, frozen) when the stored JSON is the one made from it. */
  const stored = (id: string, raw: string, written: { valid: T; json: string }): T => {
    if (raw !== written.json) return parse(raw, id);
    const record = deepFreeze(written.valid);
    rawOf.set(record, raw);
    remember(id, raw, record);
    return record;
  };

  async function write(id: string, expected: string, w: Write<T>, actor: string, token: string): Promise<[number, string, string | undefined, { valid: T; json: string }]> {
    const keys = [kind.key(id), kind.audit(id)];
    const at = (key: string) => {
      const i = keys.indexOf(key);
      if (i >= 0) return i + 1;
      keys.push(key);
      return keys.length;
    };
    const guards = (w.guards ?? []).map((g) => (g.kind === 'below' ? ['below', at(g.key), g.field, g.max] : ['absent', at(g.key)]));
    const ops = (w.ops ?? []).map((o) => {
      switch (o.op) {
        case 'zadd':
          return [o.op, at(o.key), o.score, o.member];
        case 'zrem':
        case 'sadd':
        case 'srem':
          return [o.op, at(o.key), o.member];
        case 'set':
        case 'delifeq':
          return [o.op, at(o.key), o.value];
        case 'del':
          return [o.op, at(o.key)];
        case 'hset':
          return [o.op, at(o.key), o.field, o.value];
        case 'hincrby':
          return [o.op, at(o.key), o.field, o.by];
        case 'hdecr':
          return [o.op, at(o.key), o.field];
        case 'expire':
          return [o.op, at(o.key), o.seconds];
      }
    });
    const n = w.number;
    const number = n
      ? JSON.stringify({ seq: at(n.seq), prefix: n.prefix, width: n.width, token, ttl: n.seqTtlSeconds, index: n.index ? at(n.index) : 0 })
      : '';
    const valid = kind.schema.parse(w.record);
    const json = JSON.stringify(kind.compact ? kind.compact(valid) : valid);
    const res = (await runScript(redis, WRITE, keys, [
      expected,
      json,
      clock.now().toISOString(),
      field(actor),
      field(w.action),
      field(w.detail),
      JSON.stringify(guards),
      JSON.stringify(ops),
      number,
      id,
      kind.changed?.channel ?? '',
      kind.changed ? kind.changed.message(w.record) : '',
    ])) as [number, string | number, string?];
    return [res[0], String(res[1]), res[2], { valid, json }];
  }

  /** A fresh token for a number given out in a write (hex: nothing in it means anything to Lua patterns). */
  const newToken = () => `#N${randomHex(8)}#`;

  return {
    /**
     * Creates the record `build(number)` makes, unless `id` exists already
     * (a retried submission gets the first record back). `number` is what
     * to put where the record's new number goes.
     */
    async create(id: string, actor: string, build: (number: string) => Write<T>): Promise<CreateResult<T>> {
      const token = newToken();
      const w = build(token);
      const [code, value, found, written] = await write(id, '', w, actor, token);
      if (code === 2) return { result: 'refused', guard: Number(value), found: found ?? '' };
      return { result: code === 1 ? 'created' : 'existing', record: code === 1 ? stored(id, value, written) : parse(value, id) };
    },

    async get(id: string): Promise<T | null> {
      const raw = await redis.get(kind.key(id));
      return raw ? parse(raw, id) : null;
    },

    /** The records of these ids that exist, in that order (one round trip). */
    async getMany(ids: readonly string[]): Promise<T[]> {
      if (ids.length === 0) return [];
      const raws = await redis.mGet(ids.map((id) => kind.key(id)));
      return raws.flatMap((r, i) => (r === null ? [] : [parse(r, ids[i])]));
    },

    async byNumber(no: string): Promise<T | null> {
      if (!kind.numbers) return null;
      const id = await redis.hGet(kind.numbers, no);
      return id ? this.get(id) : null;
    },

    /**
     * Changes a record with optimistic concurrency. `change` sees the fresh
     * record and returns the write (or null for no change); it may throw
     * to refuse. On a concurrent write it runs again on the newer record.
     */
    async update(id: string, actor: string, change: (current: T, number: string) => Write<T> | null, from?: T): Promise<UpdateResult<T>> {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const known = attempt === 0 && from?.id === id ? rawOf.get(from) : undefined;
        const raw = known ?? (await redis.get(kind.key(id)));
        if (!raw) throw new NotFoundError(`没有找到这条记录（${kind.name} ${id}）。`);
        const current = known ? from! : parse(raw, id);
        const token = newToken();
        const w = change(current, token);
        if (!w) return { result: 'unchanged', record: current };
        const [code, value, found, written] = await write(id, raw, w, actor, token);
        if (code === 1) return { result: 'written', record: stored(id, value, written) };
        if (code === 2) return { result: 'refused', guard: Number(value), found: found ?? '', record: current };
      }
      throw new Error(`${kind.name} ${id}: too many concurrent updates`);
    },

    /** An audit entry alone, the record unchanged (a notice that could not be delivered). */
    async note(id: string, actor: string, a: Audit): Promise<void> {
      await runScript(redis, AUDIT_APPEND, [kind.audit(id)], [[clock.now().toISOString(), field(actor), field(a.action), field(a.detail)].join('\t')]);
    },

    /** Every audit entry, oldest first (an audit still kept as a stream, from before, is read as one). */
    async audit(id: string): Promise<AuditEntry[]> {
      const key = kind.audit(id);
      if ((await redis.type(key)) === 'stream') {
        const entries = (await redis.xRange(key, '-', '+')) ?? [];
        return entries.map((e) => ({ at: e.message.at ?? '', actor: e.message.actor ?? '', action: e.message.action ?? '', detail: e.message.detail ?? '' }));
      }
      return (await redis.lRange(key, 0, -1)).map(parseAuditLine);
    },
  };
}

export type RecordStore<T extends { id: string }> = ReturnType<typeof createRecordStore<T>>;
