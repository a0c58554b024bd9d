import { UnrecoverableError } from 'bullmq';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { reportRedisTrouble, type Redis } from './redis.js';
import type { IndexOp } from './records.js';
import { luaScript, runScript } from './scripts.js';

const CLAIM = luaScript(new URL('./timers-claim.lua', import.meta.url));
const DONE = luaScript(new URL('./timers-done.lua', import.meta.url));
const DONE_MANY = luaScript(new URL('./claims-done.lua', import.meta.url));
const RENEW = luaScript(new URL('./claims-renew.lua', import.meta.url));

/*
 * Timers kept in Redis: time limits (接单 and 办结 limits, reminders, the
 * satisfaction question…) as entries of a sorted set per feature, member →
 * when due by the app's clock, written in the same atomic step as the
 * record that wants them (`timerOp`, an IndexOp).
 *
 * Why not BullMQ delayed jobs, as before: a delayed job was about 780 bytes
 * in Redis (mostly its options) against about 100 for an entry here, it
 * was queued after the record's write (a crash in between lost it, and a
 * sweep had to look for it), and it fired by Redis's own clock, while
 * everything else runs by the app's (core/infra/clock.ts). A routed case
 * with two delayed jobs cost two more BullMQ jobs per routing.
 *
 * Every worker process that runs time limits polls the due entries every
 * `TIMER_TICK_MS` (one ZRANGEBYSCORE when nothing is due). Claiming moves
 * an entry `TIMER_LEASE_MS` ahead (timers-claim.lua), so two processes
 * never fire one timer at once, and one that dies while firing leaves it to
 * be claimed again once the lease is over (recovery within the issue's
 * 10 s). A fired entry goes; one whose handler threw is tried again a
 * minute later, then two, four… up to hourly while it keeps failing (never
 * dropped: a time limit outlives trouble that passes); an UnrecoverableError
 * drops it (logged). Handlers check
 * their record when they run (a timer of a case that moved on does nothing)
 * and send notices through fixed job ids, so a second firing after a lost
 * lease sends nothing twice.
 */

export const TIMER_TICK_MS = 500;
export const TIMER_LEASE_MS = 10_000;
/** A timer whose handler threw is tried again this much later, doubled with each failure in a row… */
export const TIMER_RETRY_MS = 60_000;
/** …up to once an hour: never dropped (a time limit is never lost to trouble that passes), never a log line a minute. */
export const TIMER_RETRY_MAX_MS = 3_600_000;
const CLAIM_BATCH = 100;
/** Timers of one batch fired together (each is a few Redis round trips). */
const FIRE_CONCURRENCY = 8;

/** One feature's timers: its sorted set and what firing one does. */
export interface TimerFamily {
  name: string;
  key: string;
  /** Its timers' failures in a row (a hash in the same hash tag), while they fail. */
  failuresKey: string;
  fire(member: string): Promise<unknown>;
}

/** The index op that sets timer `member` to fire at `at` (with the record's write, same hash tag). */
export function timerOp(key: string, member: string, at: Date): IndexOp {
  return { op: 'zadd', key, score: at.getTime(), member };
}

/** The index op that cancels timer `member` (one that fires anyway finds its record moved on). */
export function cancelTimerOp(key: string, member: string): IndexOp {
  return { op: 'zrem', key, member };
}

/**
 * Claims up to `max` entries of sorted set `key` due by `now` (timers and
 * outbox entries alike): each moves `leaseMs` ahead, so no other process
 * takes it while it runs, and one whose process dies is claimed again
 * once the lease is over. Returns the lease score and the members.
 */
export async function claimDue(redis: Redis, key: string, now: number, leaseMs: number, max: number): Promise<{ lease: string; members: string[] }> {
  const res = (await runScript(redis, CLAIM, [key], [String(now), String(leaseMs), String(max)])) as string[];
  return { lease: res[0]!, members: res.slice(1) };
}

/**
 * Ends one claim (timers-done.lua): a member that ran (or is dropped) goes;
 * one that failed is due again after `retryMs`, doubled with each failure
 * in a row up to `retryMaxMs`, or dropped at `maxFailures` in a row (when
 * given). Returns the failures in a row (0: it went; -1: it was set again
 * meanwhile and is kept as set).
 */
export async function endClaim(
  redis: Redis,
  keys: { key: string; failuresKey: string },
  member: string,
  lease: string,
  failed: boolean,
  now: number,
  retry: { retryMs: number; retryMaxMs: number; maxFailures?: number },
): Promise<number> {
  const args = [member, lease, failed ? '1' : '', String(now), String(retry.retryMs), String(retry.retryMaxMs), retry.maxFailures ? String(retry.maxFailures) : ''];
  return Number(await runScript(redis, DONE, [keys.key, keys.failuresKey], args));
}

/** Ends the claims of `members` that ran, in one call (each as `endClaim` with no failure); returns how many went. */
export async function endClaims(redis: Redis, keys: { key: string; failuresKey: string }, members: readonly string[], lease: string): Promise<number> {
  if (members.length === 0) return 0;
  return Number(await runScript(redis, DONE_MANY, [keys.key, keys.failuresKey], [lease, ...members]));
}

/**
 * Moves the claims of `members` still at `lease` to `next` (a longer
 * lease for work still running); the others are left as they are. Returns
 * how many were renewed.
 */
export async function renewClaims(redis: Redis, key: string, members: readonly string[], lease: string, next: string): Promise<number> {
  if (members.length === 0) return 0;
  // As text (never NOSCRIPT and sent again later): a claim ended after this was sent names the new lease.
  return Number(await runScript(redis, RENEW, [key], [lease, next, ...members], { inOrder: true }));
}

/** Claims and fires what is due now in `family`; returns how many fired (thrown ones included). */
export async function fireDue(redis: Redis, clock: Clock, family: TimerFamily, log?: Logger): Promise<number> {
  let fired = 0;
  for (;;) {
    const { lease, members } = await claimDue(redis, family.key, clock.now().getTime(), TIMER_LEASE_MS, CLAIM_BATCH);
    for (let i = 0; i < members.length; i += FIRE_CONCURRENCY) {
      await Promise.all(
        members.slice(i, i + FIRE_CONCURRENCY).map(async (member) => {
          let failure: unknown = null;
          try {
            await family.fire(member);
          } catch (err) {
            if (err instanceof UnrecoverableError) log?.error({ timer: family.name, member, err }, 'timer cannot fire: dropped');
            else failure = err;
          }
          const inARow = await endClaim(redis, family, member, lease, !!failure, clock.now().getTime(), { retryMs: TIMER_RETRY_MS, retryMaxMs: TIMER_RETRY_MAX_MS });
          if (failure && inARow < 0) log?.warn({ timer: family.name, member, err: failure }, 'timer failed; it was set again meanwhile');
          else if (failure) {
            const retryMs = Math.min(TIMER_RETRY_MS * 2 ** Math.min(inARow - 1, 30), TIMER_RETRY_MAX_MS);
            const line = { timer: family.name, member, err: failure, failures: inARow, retryInSeconds: retryMs / 1000 };
            if (retryMs < TIMER_RETRY_MAX_MS) log?.warn(line, 'timer failed: tried again later');
            else log?.error(line, 'timer keeps failing: tried again hourly');
          }
        }),
      );
    }
    fired += members.length;
    if (members.length < CLAIM_BATCH) return fired;
  }
}

/** When timer `member` is due (null when it is not set): for tests and the operator. */
export async function timerDue(redis: Redis, key: string, member: string): Promise<Date | null> {
  const score = await redis.zScore(key, member);
  return score === null ? null : new Date(score);
}

/**
 * Fires the families' due timers every `TIMER_TICK_MS` until closed. A tick
 * that is still running when the next is due is not doubled; Redis trouble
 * is reported (throttled) and the next tick tries again.
 */
export function startTimers(on: { redis: Redis; clock: Clock; log: Logger }, families: readonly TimerFamily[], tickMs = TIMER_TICK_MS) {
  const { redis, clock, log } = on;
  let running: Promise<void> | null = null;
  const tick = async () => {
    for (const f of families) {
      try {
        await fireDue(redis, clock, f, log);
      } catch (err) {
        reportRedisTrouble(log, `timers:${f.name}`, err);
      }
    }
  };
  const handle = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, tickMs);
  return {
    async close() {
      clearInterval(handle);
      await running;
    },
  };
}
