import type { Clock } from './clock.js';
import type { Key } from './keys.js';
import { seal, unseal } from './privacy.js';
import type { Redis } from './redis.js';
import type { Reply } from './replies.js';
import { luaScript, runScript } from './scripts.js';

const APPEND = luaScript(new URL('./history-append.lua', import.meta.url));

/** How many entries of a person's chat are kept (older ones drop off). */
export const HISTORY_LIMIT = 500;

/** One entry of a person's chat: what they sent, what the assistant answered, or a notice that came later. */
export interface HistoryItem {
  seq: number;
  at: string;
  from: 'user' | 'bot' | 'notice';
  replies: Reply[];
}

export interface HistoryPage {
  items: HistoryItem[];
  /** More entries exist beyond this page, in the direction asked. */
  more: boolean;
  /** The newest seq there is (0: an empty chat). */
  last: number;
}

export interface HistoryKeys {
  items: Key<readonly ['userKey']>;
  seq: Key<readonly ['userKey']>;
}

/**
 * A person's chat as the web chat and the mini-program show it when they
 * open: sealed at rest (a person types their phone number into it),
 * numbered in order, the last 500 entries, kept `ttlDays` after the last.
 */
export function createHistory(redis: Redis, keys: HistoryKeys, dataKey: Buffer, clock: Clock, ttlDays: number) {
  async function page(userKey: string, raw: { value: string; score: number }[], asked: number): Promise<HistoryPage> {
    const more = raw.length > asked;
    const items = raw.slice(0, asked).map(({ value, score }) => ({ seq: score, ...(JSON.parse(unseal(dataKey, value)) as Omit<HistoryItem, 'seq'>) }));
    return { items, more, last: Number((await redis.get(keys.seq(userKey))) ?? 0) };
  }
  return {
    /**
     * `inOrder`: a lock given up in the same round trip follows it (core/infra/scripts.ts `runScript`).
     * `inbox`: a list (same hash tag) that gets `@<seq>` of the last entry in the same step, `limit` kept,
     * expiring with the history; `legacy`: where that list was kept before, moved to `key` if `key` is new.
     */
    async append(
      userKey: string,
      entries: { from: HistoryItem['from']; replies: Reply[] }[],
      opts: { inOrder?: boolean; inbox?: { key: string; limit: number; legacy?: string } } = {},
    ): Promise<number> {
      if (entries.length === 0) return 0;
      const at = clock.now().toISOString();
      const sealed = entries.map((e) => seal(dataKey, JSON.stringify({ at, from: e.from, replies: e.replies })));
      const base = [String(HISTORY_LIMIT), String(ttlDays * 86400)];
      const [k, args] = opts.inbox
        ? [[keys.items(userKey), keys.seq(userKey), opts.inbox.key, ...(opts.inbox.legacy ? [opts.inbox.legacy] : [])], [...base, String(opts.inbox.limit), ...sealed]]
        : [[keys.items(userKey), keys.seq(userKey)], [...base, ...sealed]];
      return Number(await runScript(redis, APPEND, k, args, { inOrder: opts.inOrder }));
    },
    /** The entries of these seqs that are still kept (older ones drop off), by seq. */
    async entries(userKey: string, seqs: readonly number[]): Promise<Map<number, HistoryItem>> {
      const out = new Map<number, HistoryItem>();
      if (seqs.length === 0) return out;
      const raw = await redis.zRangeWithScores(keys.items(userKey), Math.min(...seqs), Math.max(...seqs), { BY: 'SCORE' });
      const wanted = new Set(seqs);
      for (const { value, score } of raw) if (wanted.has(score)) out.set(score, { seq: score, ...(JSON.parse(unseal(dataKey, value)) as Omit<HistoryItem, 'seq'>) });
      return out;
    },
    /** Takes back entries just appended, by seq (a turn taken again: flows/service.ts `commit`); the numbering goes on. */
    async retract(userKey: string, seqs: readonly number[]): Promise<void> {
      if (seqs.length === 0) return;
      await redis.zRemRangeByScore(keys.items(userKey), Math.min(...seqs), Math.max(...seqs));
    },
    /** Drops every entry (删除我的信息); the numbering goes on, so a client polling `after=` sees what comes next. */
    async clear(userKey: string): Promise<void> {
      await redis.del(keys.items(userKey));
    },
    /** The newest `limit` entries, or those before `before`; oldest first. */
    async before(userKey: string, limit: number, before?: number): Promise<HistoryPage> {
      const max = before === undefined ? '+inf' : `(${before}`;
      const raw = await redis.zRangeWithScores(keys.items(userKey), max, '-inf', { BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: limit + 1 } });
      const p = await page(userKey, raw, limit);
      return { ...p, items: p.items.reverse() };
    },
    /** Entries after `after`, oldest first (polling). */
    async after(userKey: string, limit: number, after: number): Promise<HistoryPage> {
      const raw = await redis.zRangeWithScores(keys.items(userKey), `(${after}`, '+inf', { BY: 'SCORE', LIMIT: { offset: 0, count: limit + 1 } });
      return page(userKey, raw, limit);
    },
  };
}

export type History = ReturnType<typeof createHistory>;
