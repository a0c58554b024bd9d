import { UnrecoverableError } from 'bullmq';
import { performance } from 'node:perf_hooks';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { countOutboundFailure, observeOutboxSend } from './metrics.js';
import type { Notice, NoticeHandler, Queues } from './queues.js';
import type { IndexOp } from './records.js';
import type { Redis } from './redis.js';
import type { z } from 'zod';
import { endClaim, startClaimLoop, type ClaimSet, type ClaimTimings } from './claim-loop.js';

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
export interface OutboxFamily extends ClaimSet {
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

/** How a loop holds its claims while it sends (core/infra/claim-loop.ts `ClaimTimings`). */
export type OutboxTimings = ClaimTimings;

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

const wakers = new WeakMap<object, Map<string, Set<() => void>>>();

/** Wakes this process's loops of `channel` (`outbox`, `routing`) started with the same `owner` (the core): something was just added. */
export function wakeLoop(owner: object, channel: string): void {
  for (const w of wakers.get(owner)?.get(channel) ?? []) w();
}

/** Wakes this process's outbox loops (those started with the same `owner`, the core): a notice was just added. */
export function wakeOutbox(owner: object): void {
  wakeLoop(owner, 'outbox');
}

/** Registers a loop's waker under `owner` and `channel`; returns how to take it off. */
export function onLoopWake(owner: object, channel: string, wake: () => void): () => void {
  let byChannel = wakers.get(owner);
  if (!byChannel) wakers.set(owner, (byChannel = new Map()));
  let set = byChannel.get(channel);
  if (!set) byChannel.set(channel, (set = new Set()));
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
  /** Sends one claimed entry; true when it went (its claim is ended with the batch's), false when its claim was ended here. */
  async function sendOne(f: OutboxFamily, member: string, claim: { readonly lease: string }): Promise<boolean> {
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

  return startClaimLoop(core, {
    name: 'outbox',
    sets: families,
    run: sendOne,
    batch: CLAIM_BATCH,
    concurrency: SEND_CONCURRENCY,
    timings,
    tickMs: OUTBOX_TICK_MS,
    onWake: (wake) => onLoopWake(core, 'outbox', wake),
    // Each round takes its sends from the WeChat account's budget, shared with the outbound queue.
    budget: { take: (want) => core.queues.sendBudget(want), giveBack: (n) => core.queues.sendBudget(-n) },
  });
}
