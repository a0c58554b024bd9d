import { UnrecoverableError } from 'bullmq';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { Redis } from './redis.js';
import { claimDue, endClaim, endClaims, startClaimLoop, type ClaimLoop, type ClaimSet } from './claim-loop.js';
import type { IndexOp } from './records.js';

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
 * `TIMER_TICK_MS` (one ZCOUNT when nothing is due). Claiming moves
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
export interface TimerFamily extends ClaimSet {
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
 * Fires one claimed timer. True: it fired (or cannot fire: an
 * UnrecoverableError, logged), and its claim is to end with the batch's;
 * false: its handler threw, and its claim was ended here with the retry.
 */
async function fireOne(on: { redis: Redis; clock: Clock; log?: Logger }, family: TimerFamily, member: string, claim: { readonly lease: string }): Promise<boolean> {
  const { redis, clock, log } = on;
  try {
    await family.fire(member);
    return true;
  } catch (err) {
    if (err instanceof UnrecoverableError) {
      log?.error({ timer: family.name, member, err }, 'timer cannot fire: dropped');
      return true;
    }
    const inARow = await endClaim(redis, family, member, claim.lease, true, clock.now().getTime(), { retryMs: TIMER_RETRY_MS, retryMaxMs: TIMER_RETRY_MAX_MS });
    if (inARow < 0) log?.warn({ timer: family.name, member, err }, 'timer failed; it was set again meanwhile');
    else {
      const retryMs = Math.min(TIMER_RETRY_MS * 2 ** Math.min(inARow - 1, 30), TIMER_RETRY_MAX_MS);
      const line = { timer: family.name, member, err, failures: inARow, retryInSeconds: retryMs / 1000 };
      if (retryMs < TIMER_RETRY_MAX_MS) log?.warn(line, 'timer failed: tried again later');
      else log?.error(line, 'timer keeps failing: tried again hourly');
    }
    return false;
  }
}

/** Claims and fires what is due now in `family`, once through (tests, and what the loop does each round); returns how many fired (thrown ones included). */
export async function fireDue(redis: Redis, clock: Clock, family: TimerFamily, log?: Logger): Promise<number> {
  let fired = 0;
  for (;;) {
    const claim = await claimDue(redis, family.key, clock.now().getTime(), TIMER_LEASE_MS, CLAIM_BATCH);
    const done: string[] = [];
    for (let i = 0; i < claim.members.length; i += FIRE_CONCURRENCY) {
      await Promise.all(
        claim.members.slice(i, i + FIRE_CONCURRENCY).map(async (member) => {
          if (await fireOne({ redis, clock, log }, family, member, claim)) done.push(member);
        }),
      );
    }
    await endClaims(redis, family, done, claim.lease);
    fired += claim.members.length;
    if (claim.members.length < CLAIM_BATCH) return fired;
  }
}

/** When timer `member` is due (null when it is not set): for tests and the operator. */
export async function timerDue(redis: Redis, key: string, member: string): Promise<Date | null> {
  const score = await redis.zScore(key, member);
  return score === null ? null : new Date(score);
}

/**
 * Fires the families' due timers until closed: every `TIMER_TICK_MS`, a
 * hundred claimed at a time and fired eight at once, on the loop the
 * outboxes and routing use (core/infra/claim-loop.ts): a claim is renewed
 * while its handler runs, so a slow handler's timer is not taken for a dead
 * process's and fired twice. Redis trouble is reported (throttled) and the
 * next tick tries again.
 */
export function startTimers(on: { redis: Redis; clock: Clock; log: Logger }, families: readonly TimerFamily[], tickMs = TIMER_TICK_MS): ClaimLoop {
  return startClaimLoop(on, {
    name: 'timers',
    sets: families,
    run: (family, member, claim) => fireOne(on, family, member, claim),
    batch: CLAIM_BATCH,
    concurrency: FIRE_CONCURRENCY,
    timings: { leaseMs: TIMER_LEASE_MS, renewMs: TIMER_LEASE_MS / 3, maxHoldMs: 60_000 },
    tickMs,
  });
}
