import { Queue, createNodeRedisClient, type JobsOptions } from 'bullmq';
import { delayUntil, type Clock } from './clock.js';
import { keySpace, type Keys, perPrefix } from './keys.js';
import type { Logger } from './logger.js';
import { reportRedisTrouble, type Redis } from './redis.js';
import { luaScript, runScript } from './scripts.js';

const BUDGET = luaScript(new URL('./outbound-budget.lua', import.meta.url));
/** The WeChat account's send budget is counted per window of this length (OUTBOUND_PER_SECOND a window). */
const BUDGET_WINDOW_MS = 1000;

/**
 * The BullMQ queues, created once per process. Which jobs go on them, with
 * what data and ids, is each feature's own (core/cases/jobs.ts,
 * core/membership/jobs.ts, core/legal-aid/jobs.ts). Job data carries ids
 * only — never names, phone or ID numbers; processors load the record and
 * check it. Job ids are deterministic (so duplicates are no-ops) and
 * contain no `:`.
 */
export const QUEUES = {
  /** Every message to a person, at the WeChat account's rate (rendered when sent). */
  outbound: 'outbound',
  /** Case time limits and the sweep. */
  sla: 'sla',
  /** Membership review and its time limits. */
  membership: 'membership',
  /** Legal-aid appointment reminders and the providers' morning agenda. */
  reminders: 'reminders',
  /** Messages WeChat pushed (Official Account, mini-program customer service), handled after WeChat got its answer. */
  inbound: 'inbound',
} as const;

const defaults: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Kept for a week so a re-added duplicate id stays a no-op.
  removeOnComplete: { age: 7 * 86400, count: 10000 },
  removeOnFail: { age: 30 * 86400 },
};

/**
 * Notices leave no completed job behind for long (a job kept a week cost
 * about 1 KB a case): a re-run is harmless without it (a notice's delivery
 * mark, kept a week, stops a second send). The last 100 of an hour stay
 * for bull-board.
 */
export const SHORT_LIVED: Partial<Record<string, JobsOptions>> = {
  outbound: { ...defaults, removeOnComplete: { age: 3600, count: 100 } },
};

/** Each queue's event stream (bull-board, QueueEvents) keeps its last 1,000 events (BullMQ's default: 10,000). */
const EVENTS_KEPT = 1000;

/** How long a notice's delivery mark is kept: as long as a completed job's id (`removeOnComplete`). */
const DELIVERY_MARK_SECONDS = 7 * 86400;

/** The outbound queue's own keys (beside BullMQ's). */
export const outboundKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'outbound');
  return {
    delivery: key('delivery', ['jobId'], 'string', '7 days', "where one notice's send stands (by its fixed id, on the outbound queue or in an outbox): `sending` while it is attempted, `sent` once it went out (a re-run never sends twice)"),
    budget: key('budget', [], 'string', '1 second', "sends taken from the WeChat account's budget (OUTBOUND_PER_SECOND) in the current second, by the outbound queue and the outboxes alike"),
  };
});

/** What `deliverOnce` did: sent now, or found the notice sent already, or found an earlier run stopped mid-send. */
export type Delivery<T> = { sent: T } | { skipped: 'sent' | 'interrupted' };

/**
 * How fast a crashed worker's jobs are taken up again (every Worker takes
 * these). A worker holds a lock on each active job for `lockDuration` and
 * renews it every half of that while its process lives; every
 * `stalledInterval` one worker (whichever checks first) moves active jobs
 * whose lock is gone back to waiting. A job whose process died is taken up
 * again after at most lockDuration + stalledInterval: 8 s here (BullMQ's
 * defaults, 30 s + 30 s, left it a minute). The price: a process whose
 * event loop is blocked for more than 6 s loses its locks (4 s proved too
 * short on a loaded 2-core machine: locks were lost while a process was busy) and its jobs run
 * again elsewhere — harmless, every processor is idempotent and notices go
 * out at most once (`deliverOnce`). A job that stalls is not failed for
 * good at the second stall (BullMQ's `maxStalledCount: 1`) but at the
 * sixth: a deploy or two in a row must not lose a time limit, while a job
 * that kills every process that runs it still ends.
 */
export const WORKER_RECOVERY = { lockDuration: 6_000, stalledInterval: 2_000, maxStalledCount: 5 } as const;

/**
 * BullMQ on the app's node-redis client library (BullMQ 6 needs the client
 * passed in). On a Redis Cluster `redis` is core/infra/redis.ts's adapter
 * over the cluster client, which BullMQ's own node-redis adapter cannot
 * drive; every queue key is under `keys.bullPrefix`, one hash slot.
 */
export function bullConnection(redis: Redis) {
  return createNodeRedisClient(redis);
}

/**
 * One notice to send: its name, its data (ids only) and its fixed id — a
 * job on the outbound queue, or an entry of a feature's outbox
 * (core/infra/outbox.ts). A BullMQ job is one.
 */
export interface Notice {
  name: string;
  data: unknown;
  id?: string;
}

/**
 * Notices, by feature: which names it sends, how (rendered from the record
 * at send time), and what to keep when a notice could not be delivered
 * after every retry.
 */
export interface NoticeHandler {
  names: readonly string[];
  send(job: Notice): Promise<unknown>;
  failed(job: Notice, reason: string): Promise<void>;
  /**
   * A notice whose earlier run stopped mid-send (the process died): by
   * default it is not sent again (workers/index.ts). A handler that keeps
   * its own progress writes off here the piece that may have gone out;
   * then `send` runs again and sends what surely did not.
   */
  interrupted?(job: Notice): Promise<void>;
}

/**
 * Notices about records of one kind: `send` renders and sends one; a notice
 * that could not be delivered after every retry is kept in its record's
 * audit (`note`), found by the id in the job's data.
 */
export function recordNotices<T>(spec: {
  names: readonly string[];
  data: { safeParse(v: unknown): { success: true; data: T } | { success: false } };
  idOf: (data: T) => string | undefined;
  send: (job: Notice) => Promise<unknown>;
  note: (id: string, audit: { action: string; detail: string }) => Promise<void>;
}): NoticeHandler {
  return {
    names: spec.names,
    send: spec.send,
    async failed(job, reason) {
      const parsed = spec.data.safeParse(job.data);
      const id = parsed.success ? spec.idOf(parsed.data) : undefined;
      if (id) await spec.note(id, { action: 'delivery-failed', detail: `${job.name} ${job.id}: ${reason.slice(0, 200)}` });
    },
  };
}

/** The states /metrics counts on each queue (prioritized jobs count as waiting). */
export const DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueDepth = Record<(typeof DEPTH_STATES)[number], number>;

/**
 * `log`: where a queue's `error` events go (one short line, throttled:
 * core/infra/redis.ts). Without a listener BullMQ prints them to stderr.
 */
export function createQueues(redis: Redis, keys: Keys, clock: Clock, log?: Logger, perSecond = 2) {
  const bullPrefix = keys.bullPrefix;
  const marks = outboundKeys(keys.prefix);
  const connection = bullConnection(redis);
  const make = (name: string) => {
    const q = new Queue(name, { connection, prefix: bullPrefix, defaultJobOptions: SHORT_LIVED[name] ?? defaults, streams: { events: { maxLen: EVENTS_KEPT } } });
    q.on('error', (err: Error) => {
      if (log) reportRedisTrouble(log, `queue:${name}`, err);
    });
    return q;
  };
  const queues = {
    outbound: make(QUEUES.outbound),
    sla: make(QUEUES.sla),
    membership: make(QUEUES.membership),
    reminders: make(QUEUES.reminders),
    inbound: make(QUEUES.inbound),
  };
  return {
    ...queues,
    /** For the workers: the same client library and prefix as the queues. */
    connection,
    prefix: bullPrefix,
    /** Adds a job with its id, at `at` by the app's clock (now when absent or past). */
    async add(queue: keyof typeof queues, name: string, data: object, jobId: string, at?: Date) {
      await queues[queue].add(name, data, { jobId, delay: at ? delayUntil(clock, at) : 0 });
    },
    /** Removes a pending job (one already running checks its record anyway). */
    async remove(queue: keyof typeof queues, jobId: string) {
      await queues[queue].remove(jobId).catch(() => 0);
    },
    /**
     * Sends one outbound job's message at most once, however often the job
     * runs: `sending` is marked (if nothing is) just before `send`, `sent`
     * after it. A send that throws clears the mark (nothing went out, or
     * WeChat refused it: the job's retry sends again). A mark found `sent`
     * means the process died after the send and before the job completed;
     * a mark found `sending` means it died during the send, or a run still
     * in flight lost its lock. Either way this does not send: the caller
     * decides what an interrupted send becomes.
     */
    async deliverOnce<T>(jobId: string, send: () => Promise<T>): Promise<Delivery<T>> {
      const key = marks.delivery(jobId);
      if ((await redis.set(key, 'sending', { NX: true, EX: DELIVERY_MARK_SECONDS })) !== 'OK') {
        // Gone in between (expired): as good as never marked, but not worth a loop; call it interrupted.
        return { skipped: (await redis.get(key)) === 'sent' ? 'sent' : 'interrupted' };
      }
      let result: T;
      try {
        result = await send();
      } catch (err) {
        await redis.del(key).catch(() => 0);
        throw err;
      }
      await redis.set(key, 'sent', { EX: DELIVERY_MARK_SECONDS });
      return { sent: result };
    },
    /** Where a notice's delivery stands (`deliverOnce`'s mark): null when no run has started sending it (or every send threw). */
    async deliveryMark(jobId: string): Promise<'sending' | 'sent' | null> {
      const v = await redis.get(marks.delivery(jobId));
      return v === 'sending' || v === 'sent' ? v : null;
    },
    /**
     * Queues notice `name` again under its fixed id if it was lost: the
     * job is on no list (never queued: its writer died after the write; or
     * removed) and no run started sending it (its delivery mark). A job
     * still on the queue, done or failed for good is left as it is.
     */
    async requeueLostNotice(name: string, data: object, jobId: string): Promise<'requeued' | 'sent' | 'queued'> {
      const state = await queues.outbound.getJobState(jobId);
      if (state !== 'unknown') return 'queued';
      if ((await redis.get(marks.delivery(jobId))) !== null) return 'sent';
      await queues.outbound.add(name, data, { jobId });
      log?.warn({ jobId, notice: name }, 'a lost notice was queued again');
      return 'requeued';
    },
    /**
     * Takes up to `want` sends from the WeChat account's budget
     * (OUTBOUND_PER_SECOND, shared by the outbound queue's worker and the
     * outbox loops of every process): how many it may send now, and when
     * the next window opens (ms) if that is fewer. A negative `want` gives
     * unused sends back.
     */
    async sendBudget(want: number): Promise<{ granted: number; retryMs: number }> {
      const [granted, ttl] = (await runScript(redis, BUDGET, [marks.budget()], [String(perSecond), String(want), String(BUDGET_WINDOW_MS)])) as [number, number];
      return { granted: Number(granted), retryMs: Math.max(1, Number(ttl)) };
    },
    /** Clears a job's delivery mark (after an interrupted send was written off: what is left may go). */
    async forgetDelivery(jobId: string): Promise<void> {
      await redis.del(marks.delivery(jobId));
    },
    /** Jobs per state on every queue, read now (for /metrics). */
    async depth(): Promise<Record<keyof typeof queues, QueueDepth>> {
      const entries = await Promise.all(
        Object.entries(queues).map(async ([name, q]) => {
          const c = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
          const depth: QueueDepth = { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
          return [name, depth] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<keyof typeof queues, QueueDepth>;
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}

export type Queues = ReturnType<typeof createQueues>;
