import { randomUUID } from 'node:crypto';
import { clusterOf, type Redis } from '../infra/redis.js';
import { luaScript, runScript } from '../infra/scripts.js';
import type { ConversationKeys } from './keys.js';

const TURN = luaScript(new URL('./lock-turn.lua', import.meta.url));
const RELEASE = luaScript(new URL('./lock-release.lua', import.meta.url));

/** How long a lock holds if its holder dies (it is not renewed while held). */
export const LOCK_MS = 15_000;
/** How long a waiting ticket lives without a poll: a waiter that died or gave up is skipped after this. */
export const WAIT_MS = 3_000;
/**
 * How long a ticket taken ahead of the turn lives before the turn begins
 * (a WeChat push: taken when the push arrives, used when its inbound job
 * runs). A process that dies in between holds the line no longer than this.
 */
export const RESERVE_MS = LOCK_MS;

/**
 * The timings of the lock, in milliseconds of real time: tests make them
 * short. `stuckMs`: a waiter whose place has not moved up for this long
 * gives up (its ticket is removed, so it blocks nobody behind it).
 */
export interface LockTimings {
  lockMs: number;
  waitMs: number;
  reserveMs: number;
  stuckMs: number;
  /** The longest pause between two polls (the first in line polls most often). */
  maxPollMs: number;
}

export const LOCK_TIMINGS: LockTimings = { lockMs: LOCK_MS, waitMs: WAIT_MS, reserveMs: RESERVE_MS, stuckMs: LOCK_MS + 1_000, maxPollMs: 100 };

/**
 * A place in a person's line, taken when a message arrives (`takeTicket`)
 * and used by `withUserLock` when its turn is handled.
 */
export interface Ticket {
  token: string;
  /** How many were ahead when it was taken (0: it held the lock). */
  ahead: number;
  /** performance.now() when it was taken. */
  at: number;
  /** Taken to hold the lock at once if first (else a reservation, renewed when its turn begins). */
  holder: boolean;
  /** Set once `withUserLock` has taken it over (it then releases it). */
  used?: boolean;
  /** Read when the lock was taken (`read`), for the turn. */
  read?: TurnRead;
}

/**
 * What a turn reads first, read in the same step as the lock is taken
 * (lock-turn.lua): the session's stored record and the replies kept for
 * the message's `clientMsgId` (null: none stored, or no id).
 */
export interface TurnRead {
  clientMsgId: string | null;
  session: string | null;
  reply: string | null;
}

/**
 * A fair lock per person, across processes: first come, first served.
 * Arriving takes a numbered ticket at the back of the person's line in
 * Redis; the first ticket holds the lock. So messages are handled in the
 * order they reached Redis, wherever they arrived, instead of by whoever
 * polls first after a release.
 *
 * - Uncontended, taking the lock is one round trip (`lock-turn.lua`
 *   'take' answers whether the ticket is first), releasing one more.
 * - A waiter polls (`wait`): each poll renews its ticket (WAIT_MS) and
 *   drops a first ticket whose deadline passed — a holder that died
 *   (LOCK_MS after it took the lock) or a waiter that stopped polling — so
 *   nobody waits forever. Deadlines are Redis server time, compared only
 *   inside the scripts; waits here are elapsed real time
 *   (performance.now(), never the business clock).
 * - A waiter that gives up removes its ticket; the ones behind move up.
 * - Keys: `lock` (the line) and `lock-live` (deadlines), one person's keys
 *   in the conversation's hash tag (one cluster slot).
 */
export function createLocks(redis: Redis, keys: ConversationKeys, timings: LockTimings = LOCK_TIMINGS) {
  const lineKeys = (userKey: string) => [keys.lock(userKey), keys.lockLive(userKey)];
  const keysMs = () => String(2 * Math.max(timings.lockMs, timings.reserveMs));
  /** A ticket in use: the holder's lifetime once first, a waiter's until its next poll. */
  const live = { headMs: timings.lockMs, waitMs: timings.waitMs };

  /**
   * One call of lock-turn.lua: how many are ahead (-1: the ticket is gone); with `read`, what the turn reads
   * first, when the lock is held.
   */
  async function turn(
    userKey: string,
    mode: 'take' | 'wait',
    token: string,
    lives: { headMs: number; waitMs: number },
    read?: { clientMsgId: string | null },
  ): Promise<{ ahead: number; read?: TurnRead }> {
    const args = [mode, token, String(lives.headMs), String(lives.waitMs), keysMs()];
    if (!read) return { ahead: Number(await runScript(redis, TURN, lineKeys(userKey), args)) };
    const out = await runScript(redis, TURN, [...lineKeys(userKey), keys.session(userKey), keys.replies(userKey)], [...args, read.clientMsgId ?? '']);
    if (!Array.isArray(out)) return { ahead: Number(out) };
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return { ahead: 0, read: { clientMsgId: read.clientMsgId, session: text(out[1]), reply: text(out[2]) } };
  }

  /**
   * A ticket at the back of the person's line, now (the command is sent
   * before this returns to the event loop, so calls in one process keep
   * their order). `reserve`: taken ahead of the turn, living RESERVE_MS
   * until `withUserLock` uses it.
   */
  async function takeTicket(userKey: string, opts: { reserve?: boolean; read?: { clientMsgId: string | null } } = {}): Promise<Ticket> {
    const token = randomUUID();
    const at = performance.now();
    const holder = !opts.reserve;
    const lives = holder ? live : { headMs: timings.reserveMs, waitMs: timings.reserveMs };
    const { ahead, read } = await turn(userKey, 'take', token, lives, holder ? opts.read : undefined);
    return { token, ahead, at, holder, ...(read ? { read } : {}) };
  }

  /** Gives up a ticket (idempotent): one not used, or the holder's when done. */
  async function dropTicket(userKey: string, ticket: Pick<Ticket, 'token'>): Promise<void> {
    await runScript(redis, RELEASE, lineKeys(userKey), [ticket.token]);
  }

  /**
   * Polls until `token` is first; it then holds the lock. Retakes a place at the back if its ticket lapsed.
   * `read`: what the turn reads first, read by the poll that finds the lock held (returned).
   */
  async function waitTurn(userKey: string, token: string, first: { ahead: number; read?: TurnRead }, read?: { clientMsgId: string | null }): Promise<TurnRead | undefined> {
    let { ahead } = first;
    let got = first.read;
    let best = ahead < 0 ? Number.POSITIVE_INFINITY : ahead;
    let movedAt = performance.now();
    for (;;) {
      if (ahead === 0) return got;
      if (ahead > 0) {
        if (ahead < best) {
          best = ahead;
          movedAt = performance.now();
        } else if (performance.now() - movedAt > timings.stuckMs) {
          await dropTicket(userKey, { token });
          throw new Error(`lock for ${userKey} not acquired`);
        }
        // The first in line polls most often.
        await new Promise((r) => setTimeout(r, Math.min(5 + 5 * ahead, timings.maxPollMs)));
        ({ ahead, read: got } = await turn(userKey, 'wait', token, live, read));
      } else {
        // Gone: it lapsed (this process stalled longer than WAIT_MS, or a reservation outlived RESERVE_MS). Back of the line.
        ({ ahead, read: got } = await turn(userKey, 'take', token, live, read));
        best = Number.POSITIVE_INFINITY;
      }
    }
  }

  /**
   * One server: the connection's commands run in order, so a release sent
   * right after a turn's last writes (same round trip) comes into effect
   * only once they are done. A cluster may send them to other nodes.
   */
  const ordered = clusterOf(redis) === null;

  /**
   * Runs `fn` while holding the person's lock. Without `ticket`, one is
   * taken now; with one (taken when the message arrived), that place in
   * line is used. `fn` may call `release` just after sending its last
   * writes (not waiting for them): on one server the lock is then given up
   * in the same round trip as those writes, behind them on the connection,
   * so whoever is next sees them done; on a cluster `release` does nothing
   * and the lock is given up once `fn` ends, as always. Nothing `fn` sends
   * after `release` is covered by the lock, and a write it sent before must
   * not be sent again later (an EVALSHA answered NOSCRIPT: send those as
   * text, `runScript`'s `inOrder`).
   *
   * `lease`: the lock's token, for a write that gives the lock up itself
   * (a turn's commit, turn-commit.lua) — only when `ordered`, for the same
   * reason — after which `fn` calls `lease.givenUp()`.
   */
  async function withUserLock<T>(
    userKey: string,
    fn: (release: () => void, lease: Lease) => Promise<T>,
    ticket?: Ticket | Promise<Ticket>,
    read?: { clientMsgId: string | null },
  ): Promise<T> {
    let t: Ticket;
    let got: TurnRead | undefined;
    if (ticket) {
      t = await ticket;
      t.used = true;
      // A holder's ticket taken moments ago holds the lock; anything else is confirmed (and a reservation renewed) first.
      const fresh = t.holder && t.ahead === 0 && performance.now() - t.at < timings.lockMs / 2;
      got = await waitTurn(userKey, t.token, fresh ? { ahead: 0, ...(t.read ? { read: t.read } : {}) } : await turn(userKey, 'wait', t.token, live, read), read);
    } else {
      t = await takeTicket(userKey, read ? { read } : {});
      t.used = true;
      got = await waitTurn(userKey, t.token, t, read);
    }
    let released: Promise<void> | null = null;
    const release = () => {
      if (!ordered || released) return;
      released = dropTicket(userKey, t);
      // Awaited below; a failure is the turn's, as when released at the end.
      released.catch(() => undefined);
    };
    const lease: Lease = {
      token: t.token,
      ordered,
      ...(got ? { read: got } : {}),
      givenUp: () => {
        released ??= Promise.resolve();
      },
    };
    try {
      return await fn(release, lease);
    } finally {
      await (released ?? dropTicket(userKey, t));
    }
  }

  return { takeTicket, dropTicket, withUserLock };
}

export type Locks = ReturnType<typeof createLocks>;

/** The lock a turn holds (`withUserLock`): a write may give it up itself (`ordered`: one server), then says so. */
export interface Lease {
  token: string;
  ordered: boolean;
  /** What the turn reads first, read as the lock was taken (for the clientMsgId it names). */
  read?: TurnRead;
  givenUp(): void;
}
