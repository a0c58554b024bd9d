import { performance } from 'node:perf_hooks';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { reportRedisTrouble, type Redis } from './redis.js';
import { luaScript, runScript } from './scripts.js';

const CLAIM = luaScript(new URL('./timers-claim.lua', import.meta.url));
const DONE = luaScript(new URL('./timers-done.lua', import.meta.url));
const DONE_MANY = luaScript(new URL('./claims-done.lua', import.meta.url));
const RENEW = luaScript(new URL('./claims-renew.lua', import.meta.url));


/*
 * A loop that works through the entries of sorted sets (member → when due,
 * by the app's clock) as they fall due, in batches: the outboxes' notices
 * (core/infra/outbox.ts), the cases waiting to be routed
 * (core/cases/jobs.ts `startRouting`) and the time limits
 * (core/infra/timers.ts `startTimers`). Each round counts what is due,
 * claims up to a batch of it (claimed entries are leased: no other process
 * takes them, and they are taken up again if this one dies; the lease is
 * renewed while the batch runs), runs them in a pool, and ends the claims
 * of those that ran in one call. What to do with an entry that fails is the
 * runner's (it ends that claim itself, with its retry).
 *
 * Why our own and not one BullMQ job per entry: an entry is written in the
 * same atomic step as the record that wants it (nothing to lose between
 * the two), and a batch costs a few Redis calls where each job costs its
 * own add, fetch, lock and completion scripts.
 */

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

/** One sorted set a loop works through. */
export interface ClaimSet {
  name: string;
  key: string;
  /** Its entries' failures in a row (a hash in the same hash tag), while they fail. */
  failuresKey: string;
  /** Calls `wake` when there may be something new in any process (the loop then looks at once); returns how to stop. */
  watch?(wake: () => void): () => void;
}

/**
 * How a loop holds its claims while a batch runs: renewed every `renewMs`
 * (to `leaseMs` from then), as BullMQ renews a running job's lock, so slow
 * work is not taken for a dead process's; but for `maxHoldMs` at most:
 * work still running then is taken as hung, its claim lapses, and another
 * process takes the entry up as after a crash.
 */
export interface ClaimTimings {
  leaseMs: number;
  renewMs: number;
  maxHoldMs: number;
}

/** What a loop needs of the core. */
export interface ClaimLoopDeps {
  redis: Redis;
  clock: Clock;
  log: Logger;
}

export interface ClaimLoopSpec<S extends ClaimSet> {
  /** For log lines: `outbox`, `routing`. */
  name: string;
  sets: readonly S[];
  /**
   * Runs one claimed entry. True: it is done, and its claim is ended with
   * the batch's; false: the runner ended its claim itself (a failure to
   * try again later, an entry dropped).
   */
  run(set: S, member: string, claim: { readonly lease: string }): Promise<boolean>;
  /** Entries claimed at most per call. */
  batch: number;
  /** Entries of a batch run at once. */
  concurrency: number;
  timings: ClaimTimings;
  /** A loop looks at least this often (a wake-up missed, an entry due later, a process that died mid-run). */
  tickMs: number;
  /** Called with `wake` by whoever adds entries in this process; returns how to stop. */
  onWake?(wake: () => void): () => void;
  /**
   * A limit on how many entries may run now (the outboxes' WeChat send
   * budget): asked for `want`, it grants up to that many, or none with how
   * long to wait; `giveBack` returns what was granted and not claimed.
   */
  budget?: { take(want: number): Promise<{ granted: number; retryMs: number }>; giveBack(n: number): Promise<unknown> };
}

export interface ClaimLoop {
  /** Stops taking entries (a batch running finishes first); `resume` goes on. */
  pause(): Promise<void>;
  resume(): void;
  close(): Promise<void>;
}

/** Works through what is due in `spec.sets` until closed (see above). */
export function startClaimLoop<S extends ClaimSet>(core: ClaimLoopDeps, spec: ClaimLoopSpec<S>): ClaimLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let paused = false;
  let budgetWait: NodeJS.Timeout | null = null;
  const { timings } = spec;

  /** Runs what is due in `s` now; false when the budget ran out (the loop waits for its next window). */
  async function drain(s: S): Promise<boolean> {
    for (;;) {
      const now = core.clock.now().getTime();
      const due = await core.redis.zCount(s.key, '-inf', now);
      if (due === 0 || closed || paused) return true;
      const want = Math.min(due, spec.batch);
      const budget = spec.budget ? await spec.budget.take(want) : { granted: want, retryMs: 0 };
      if (budget.granted === 0) {
        waitForBudget(budget.retryMs);
        return false;
      }
      const { lease, members } = await claimDue(core.redis, s.key, now, timings.leaseMs, budget.granted);
      // Another process took some meanwhile: what is not needed goes back.
      if (spec.budget && members.length < budget.granted) await spec.budget.giveBack(budget.granted - members.length);
      // A pool, not chunks: one slow entry does not hold the others back. The claims of what ran end together.
      let next = 0;
      const done: string[] = [];
      const claim = { lease };
      const stopRenewing = holdClaims(s, members, claim);
      try {
        await Promise.all(
          Array.from({ length: Math.min(spec.concurrency, members.length) }, async () => {
            while (next < members.length) {
              const m = members[next++]!;
              if (await spec.run(s, m, claim)) done.push(m);
            }
          }),
        );
      } finally {
        stopRenewing();
      }
      await endClaims(core.redis, s, done, claim.lease);
      if (budget.granted < want) {
        waitForBudget(budget.retryMs);
        return false;
      }
    }
  }

  /**
   * Renews the batch's claims every `renewMs` while it runs, for `maxHoldMs`
   * at most. The new lease is in `claim` from the moment it is sent, so a
   * claim ended later names it; one ended before it (same connection, same
   * slot: in order) is left alone by it.
   */
  function holdClaims(s: S, members: readonly string[], claim: { lease: string }): () => void {
    const since = performance.now();
    const timer = setInterval(() => {
      if (performance.now() - since >= timings.maxHoldMs) {
        clearInterval(timer);
        core.log.warn({ loop: spec.name, set: s.name, heldMs: Math.round(performance.now() - since) }, 'entries still running: their claims are let go');
        return;
      }
      const held = claim.lease;
      claim.lease = String(core.clock.now().getTime() + timings.leaseMs);
      renewClaims(core.redis, s.key, members, held, claim.lease).catch((err: unknown) => reportRedisTrouble(core.log, `${spec.name}:${s.name}:renew`, err));
    }, timings.renewMs);
    return () => clearInterval(timer);
  }

  function waitForBudget(ms: number) {
    if (budgetWait || closed) return;
    budgetWait = setTimeout(() => {
      budgetWait = null;
      kick();
    }, ms);
  }

  async function run() {
    do {
      again = false;
      for (const s of spec.sets) {
        try {
          if (!(await drain(s))) break;
        } catch (err) {
          reportRedisTrouble(core.log, `${spec.name}:${s.name}`, err);
        }
      }
    } while (again && !closed && !paused);
  }

  function kick() {
    if (closed || paused) return;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = null;
    });
  }

  const stops = [spec.onWake?.(kick) ?? (() => undefined), ...spec.sets.map((s) => s.watch?.(kick) ?? (() => undefined))];
  const tick = setInterval(kick, spec.tickMs);
  kick();
  return {
    async pause() {
      paused = true;
      await running;
    },
    resume() {
      paused = false;
      kick();
    },
    async close() {
      closed = true;
      clearInterval(tick);
      if (budgetWait) clearTimeout(budgetWait);
      for (const stop of stops) stop();
      await running;
    },
  };
}
