import { UnrecoverableError } from 'bullmq';
import { performance } from 'node:perf_hooks';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { countOutboundFailure, observeOutboxSend } from './metrics.js';
import type { Notice, NoticeHandler, Queues } from './queues.js';
import type { IndexOp } from './records.js';
import { reportRedisTrouble, type Redis } from './redis.js';
import type { z } from 'zod';
import { claimDue, endClaim, endClaims, renewClaims } from './timers.js';

/*
 * Outboxes: notices written in the same atomic step as the record that
 * wants them, and sent from there.
 *
 * Each feature that uses one has a sorted set in its own hash tag
 * (`gy:{cases}:outbox`, `gy:{members}:outbox`, `gy:{bookings}:outbox`), member → when due (ms, the app's clock). The
 * member names the notice and its ids (never a name, phone or ID number);
 * `parse` turns it into the notice with its fixed id, the same id a job on
 * the outbound queue would have, so the delivery mark (core/infra/queues.ts
 * `deliverOnce`) keeps a notice at most once whichever way it comes.
 *
 * Why not a BullMQ job per notice, as before: a routed case cost three
 * jobs (routing, the assignee's notice, the reporter's), each added,
 * fetched, locked and completed by its own scripts, and a notice queued
 * after its record's write needed an index (`jobs-due`) and a sweep to
 * find one lost when the writer died in between. An outbox entry is part
 * of the record's write (nothing to lose), and the sending loop
 * (`startOutbox`, below) claims up to a hundred entries in one call, as the
 * timers do (core/infra/timers.ts: the same claim script; the lease is renewed
 * while sends run, `OutboxTimings`), within the
 * WeChat account's send budget shared with the outbound queue.
 *
 * A notice that no record write wants (a reminder a timer sends) is added
 * on its own (`addToOutbox`): one ZADD, as durable as queueing a job.
 */

/** What the outbox loop and `deliverNotice` use of the core. */
export interface OutboxDeps {
  redis: Redis;
  clock: Clock;
  log: Logger;
  queues: Pick<Queues, 'deliverOnce' | 'forgetDelivery' | 'sendBudget'>;
}

/** One feature's outbox: its sorted set, its failures (a hash in the same hash tag) and what an entry means. */
export interface OutboxFamily {
  name: string;
  key: string;
  failuresKey: string;
  /** The notice an entry stands for, with its fixed id; null for an entry that is not one (dropped, logged). */
  parse(member: string): (Notice & { id: string }) | null;
  /** Calls `wake` when the feature's records change in any process (the loop then looks at once); returns how to stop. */
  watch?(wake: () => void): () => void;
}

/** A loop looks at its outboxes at least this often (a wake-up missed, an entry due later, a process that died mid-send). */
export const OUTBOX_TICK_MS = 250;
/** A claimed entry is taken up by another process this long after its claim if the claimer died (as a crashed worker's job: core/infra/queues.ts WORKER_RECOVERY). */
export const OUTBOX_LEASE_MS = 6_000;

/**
 * How a loop holds its claims while it sends. The claims of a batch whose
 * sends are still running are renewed every `renewMs` (to `leaseMs` from
 * then), as BullMQ renews a running job's lock, so a slow send is not
 * taken for a dead process's and written off as a possible loss; but for
 * `maxHoldMs` at most: a send still running then is taken as hung, its
 * claim lapses, and another process takes the entry up as after a crash
 * (not sending it again: its mark says it was being sent).
 */
export interface OutboxTimings {
  leaseMs: number;
  renewMs: number;
  maxHoldMs: number;
}

/** Renewed every 2 s, so a claim outlives an event loop held up to 4 s; a dead process's lapse within 6 s (recovery under the 10 s). */
export const OUTBOX_TIMINGS: OutboxTimings = { leaseMs: OUTBOX_LEASE_MS, renewMs: OUTBOX_LEASE_MS / 3, maxHoldMs: 60_000 };
/** A send that threw is tried again 1 s later, then 2, 4…, as the outbound queue's jobs were (attempts 8, exponential 1 s)… */
export const OUTBOX_RETRY_MS = 1000;
export const OUTBOX_RETRY_MAX_MS = 5 * 60_000;
/** …and given up (recorded where a failed delivery is) after this many tries. */
export const OUTBOX_ATTEMPTS = 8;

/** The index op that puts notice `member` in outbox `key`, due at `at` (with the record's write, same hash tag). */
export function outboxOp(key: string, member: string, at: Date): IndexOp {
  return { op: 'zadd', key, score: at.getTime(), member };
}

/**
 * The outbox entry of a notice that is a name and data of ids (membership
 * applications', bookings'): `name|<data as JSON>`, as their backstop
 * timers were.
 */
export function noticeMember(name: string, data: object): string {
  return `${name}|${JSON.stringify(data)}`;
}

/** What a feature's notices are: their names, their data (ids only), their fixed ids. */
export interface NoticeKinds<N extends string, D> {
  names: readonly N[];
  data: z.ZodType<D>;
  jobId: (name: N, data: D) => string;
}

/** The notice a `noticeMember` of `kinds` stands for, with its fixed id; null for anything else. */
export function parseNoticeMember<N extends string, D>(member: string, kinds: NoticeKinds<N, D>): { name: N; data: D; id: string } | null {
  const bar = member.indexOf('|');
  if (bar < 0) return null;
  const name = member.slice(0, bar) as N;
  let data: unknown;
  try {
    data = JSON.parse(member.slice(bar + 1));
  } catch {
    return null;
  }
  const d = kinds.data.safeParse(data);
  if (!d.success || !kinds.names.includes(name)) return null;
  return { name, data: d.data, id: kinds.jobId(name, d.data) };
}

/** The outbox of a feature whose entries are `noticeMember`s of `kinds` (an entry that is none of them is dropped, logged). */
export function noticeOutbox<N extends string, D extends object>(spec: {
  name: string;
  key: string;
  failuresKey: string;
  kinds: NoticeKinds<N, D>;
  watch?: OutboxFamily['watch'];
}): OutboxFamily {
  return {
    name: spec.name,
    key: spec.key,
    failuresKey: spec.failuresKey,
    ...(spec.watch ? { watch: spec.watch } : {}),
    parse: (member) => parseNoticeMember(member, spec.kinds),
  };
}

/**
 * Fires timer `member` if it is a notice's backstop: `notice|` and a
 * `noticeMember` of `kinds`, which membership and bookings wrote with the
 * record, 30 s on, while they queued their notices after the write (before
 * their outboxes; one may still wait in a deployment from then). It queues
 * the notice again if it was lost (`Queues.requeueLostNotice`: never one a
 * run started sending) and says what it found; null for any other timer of
 * the family. A backstop that is none of `kinds` cannot fire
 * (UnrecoverableError).
 */
export async function fireNoticeBackstop<N extends string, D extends object>(
  queues: Pick<Queues, 'requeueLostNotice'>,
  member: string,
  kinds: NoticeKinds<N, D>,
): Promise<'requeued' | 'sent' | 'queued' | null> {
  if (!member.startsWith('notice|')) return null;
  const n = parseNoticeMember(member.slice('notice|'.length), kinds);
  if (!n) throw new UnrecoverableError(`invalid notice timer ${member}`);
  return queues.requeueLostNotice(n.name, n.data, n.id);
}

/**
 * Puts a notice that no record write carries (a reminder a timer sends)
 * in outbox `key`, due now, and wakes this process's outbox loops. One
 * already waiting there stays as it is; one
 * already sent is not sent again (its delivery mark).
 */
export async function addToOutbox(core: { redis: Redis; clock: Clock }, key: string, member: string): Promise<void> {
  await core.redis.zAdd(key, { score: core.clock.now().getTime(), value: member }, { NX: true });
  wakeOutbox(core);
}

type Wakers = Set<() => void>;
const wakers = new WeakMap<object, Wakers>();

/** Wakes this process's outbox loops (those started with the same `owner`, the core): something was just added. */
export function wakeOutbox(owner: object): void {
  for (const w of wakers.get(owner) ?? []) w();
}

/** Registers a loop's waker under `owner`; returns how to take it off. */
export function onOutboxWake(owner: object, wake: () => void): () => void {
  let set = wakers.get(owner);
  if (!set) wakers.set(owner, (set = new Set()));
  set.add(wake);
  return () => set.delete(wake);
}

/**
 * Sends one notice at most once per id (core/infra/queues.ts
 * `deliverOnce`), whether it came as a job on the outbound queue or as an
 * outbox entry.
 *
 * At most once, not at least once: WeChat takes no idempotency key, so a
 * process killed between sending a message and completing its job (or
 * ending its outbox claim) would otherwise send it again when the notice is
 * taken up again — a duplicate message in someone's WeChat. A notice whose
 * earlier run finished sending is done without sending. A notice whose
 * earlier run stopped mid-send (the message may or may not have gone out)
 * is not sent again either: it is logged, and the possible loss is recorded
 * where a failed delivery is (the case's `deliveryFailures`, the
 * application's or booking's audit), while the notice's text is where it
 * always is (the person's chat history or the inbox, for the messengers
 * that keep one). A handler with its own progress (channel-send: per reply)
 * goes on with what surely did not go out. A send that throws is retried
 * by the caller: nothing went out.
 */
export async function deliverNotice(core: OutboxDeps, handler: NoticeHandler, notice: Notice & { id: string }): Promise<unknown> {
  const done = await core.queues.deliverOnce(notice.id, () => handler.send(notice));
  if ('sent' in done) return done.sent;
  if (done.skipped === 'sent') {
    core.log.info({ jobId: notice.id, notice: notice.name }, 'notice sent by an earlier run: not sent again');
    return { skipped: 'sent before' };
  }
  core.log.warn({ jobId: notice.id, notice: notice.name }, 'an earlier run stopped mid-send: not sent again (at most once)');
  if (handler.interrupted) {
    // Writes off what may have gone out, then sends the rest (a second crash in between writes off one more piece).
    await handler.interrupted(notice);
    await core.queues.forgetDelivery(notice.id);
    const rest = await core.queues.deliverOnce(notice.id, () => handler.send(notice));
    return 'sent' in rest ? rest.sent : { skipped: rest.skipped };
  }
  await handler.failed(notice, 'the sending process stopped mid-send; not sent again (it may not have arrived)');
  countOutboundFailure(notice.name);
  return { skipped: 'interrupted' };
}

/** Entries claimed at most per call (and sends taken from the budget at once). */
const CLAIM_BATCH = 100;
/** Sends of one batch in flight together: they wait on WeChat and Redis, not on this process (16 held the routing bench's notices back). */
const SEND_CONCURRENCY = 64;

/**
 * Sends what is due in the outboxes of `families` until closed: at once
 * when woken (a write in any process that the family watches, or
 * `wakeOutbox` in this one), and every OUTBOX_TICK_MS in any case. Each
 * round counts what is due, takes that many sends from the account's
 * budget, claims as many entries (claimed entries are leased: no other
 * process sends them, and they are taken up again if this one dies), and
 * sends them. When the budget is spent it waits for the next window.
 *
 * A send that throws is tried again 1 s later, then 2, 4… and given up
 * after OUTBOX_ATTEMPTS tries (recorded by the feature's `failed`, as the
 * outbound queue's last retry was); an UnrecoverableError gives up at once.
 * An entry that names no notice is dropped and logged.
 */
export function startOutbox(core: OutboxDeps, families: readonly OutboxFamily[], handlers: readonly NoticeHandler[], timings: OutboxTimings = OUTBOX_TIMINGS) {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let budgetWait: NodeJS.Timeout | null = null;

  /** Sends one claimed entry; true when it went (its claim is ended with the batch's), false when its claim was ended here. */
  async function sendOne(f: OutboxFamily, claim: { lease: string }, member: string): Promise<boolean> {
    const notice = f.parse(member);
    const handler = notice && handlers.find((h) => h.names.includes(notice.name));
    const ends = { retryMs: OUTBOX_RETRY_MS, retryMaxMs: OUTBOX_RETRY_MAX_MS, maxFailures: OUTBOX_ATTEMPTS };
    if (!notice || !handler) {
      core.log.error({ outbox: f.name, member }, 'an outbox entry names no notice this process sends: dropped');
      await endClaim(core.redis, f, member, claim.lease, false, core.clock.now().getTime(), ends);
      return false;
    }
    const started = performance.now();
    let failure: Error | null = null;
    try {
      await deliverNotice(core, handler, notice);
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
    }
    const seconds = (performance.now() - started) / 1000;
    if (!failure) {
      observeOutboxSend('completed', seconds);
      return true;
    }
    const givenUp = failure instanceof UnrecoverableError || failure?.name === 'UnrecoverableError';
    const inARow = await endClaim(core.redis, f, member, claim.lease, !givenUp, core.clock.now().getTime(), ends);
    if (givenUp || inARow >= OUTBOX_ATTEMPTS) {
      observeOutboxSend('failed', seconds);
      countOutboundFailure(notice.name);
      core.log.warn({ outbox: f.name, jobId: notice.id, err: failure, tries: givenUp ? 1 : inARow }, 'notice failed for good');
      await handler.failed(notice, failure.message).catch((err: Error) => core.log.error({ err }, 'could not record a delivery failure'));
    } else if (inARow > 0) {
      core.log.warn({ outbox: f.name, jobId: notice.id, err: failure, tries: inARow }, 'notice failed: tried again later');
    }
    return false;
  }

  /** Sends what is due in `f` now; false when the budget ran out (the loop waits for its next window). */
  async function drain(f: OutboxFamily): Promise<boolean> {
    for (;;) {
      const now = core.clock.now().getTime();
      const due = await core.redis.zCount(f.key, '-inf', now);
      if (due === 0 || closed) return true;
      const want = Math.min(due, CLAIM_BATCH);
      const budget = await core.queues.sendBudget(want);
      if (budget.granted === 0) {
        waitForBudget(budget.retryMs);
        return false;
      }
      const { lease, members } = await claimDue(core.redis, f.key, now, timings.leaseMs, budget.granted);
      // Another process took some meanwhile: the sends not needed go back.
      if (members.length < budget.granted) await core.queues.sendBudget(members.length - budget.granted);
      // A pool, not chunks: one slow send does not hold the others back. The claims of what went end together.
      let next = 0;
      const went: string[] = [];
      const claim = { lease };
      const stopRenewing = holdClaims(f, members, claim);
      try {
        await Promise.all(
          Array.from({ length: Math.min(SEND_CONCURRENCY, members.length) }, async () => {
            while (next < members.length) {
              const m = members[next++]!;
              if (await sendOne(f, claim, m)) went.push(m);
            }
          }),
        );
      } finally {
        stopRenewing();
      }
      await endClaims(core.redis, f, went, claim.lease);
      if (budget.granted < want) {
        waitForBudget(budget.retryMs);
        return false;
      }
    }
  }

  /**
   * Renews the batch's claims every `renewMs` while its sends run, for
   * `maxHoldMs` at most (OutboxTimings). The new lease is in `claim` from
   * the moment it is sent, so a claim ended later names it; one ended
   * before it (same connection, same slot: in order) is left alone by it.
   */
  function holdClaims(f: OutboxFamily, members: readonly string[], claim: { lease: string }): () => void {
    const since = performance.now();
    const timer = setInterval(() => {
      if (performance.now() - since >= timings.maxHoldMs) {
        clearInterval(timer);
        core.log.warn({ outbox: f.name, heldMs: Math.round(performance.now() - since) }, 'outbox sends still running: their claims are let go');
        return;
      }
      const held = claim.lease;
      claim.lease = String(core.clock.now().getTime() + timings.leaseMs);
      renewClaims(core.redis, f.key, members, held, claim.lease).catch((err: unknown) => reportRedisTrouble(core.log, `outbox:${f.name}:renew`, err));
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
      for (const f of families) {
        try {
          if (!(await drain(f))) break;
        } catch (err) {
          reportRedisTrouble(core.log, `outbox:${f.name}`, err);
        }
      }
    } while (again && !closed);
  }

  function kick() {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = null;
    });
  }

  const stops = [onOutboxWake(core, kick), ...families.map((f) => f.watch?.(kick) ?? (() => undefined))];
  const tick = setInterval(kick, OUTBOX_TICK_MS);
  kick();
  return {
    async close() {
      closed = true;
      clearInterval(tick);
      if (budgetWait) clearTimeout(budgetWait);
      for (const stop of stops) stop();
      await running;
    },
  };
}
