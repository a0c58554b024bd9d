import { RateLimitError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { subscribeNotices } from '../core/auth/index.js';
import { channelMessenger, channelSendAgain, channelSends } from '../core/channels/index.js';
import { caseNotices, caseOutbox, caseSubscribeContent, caseTimers, scheduleSweep, slaProcessor, startRouting } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import { countOutboundFailure, observeJob } from '../core/infra/metrics.js';
import { QUEUES, WORKER_RECOVERY, type NoticeHandler } from '../core/infra/queues.js';
import { deliverNotice, startOutbox, type OutboxTimings } from '../core/infra/outbox.js';
import type { ClaimLoop, ClaimTimings } from '../core/infra/claim-loop.js';
import { reportRedisTrouble } from '../core/infra/redis.js';
import { startTimers } from '../core/infra/timers.js';
import { bookingNotices, bookingOutbox, bookingSubscribeContent, bookingTimers, remindersProcessor, scheduleMorningAgenda } from '../core/legal-aid/index.js';
import { membershipNotices, membershipOutbox, membershipProcessor, membershipSubscribeContent, membershipTimers } from '../core/membership/index.js';
import type { ChatService } from '../flows/service.js';
import { startInboundWorker } from './inbound.js';

/**
 * The outbound queue's processor: hands each notice to the feature it is
 * about, at most once per job id (core/infra/outbox.ts `deliverNotice`), within
 * the WeChat account's send budget, which the outbox loops share
 * (`Queues.sendBudget`): a job that finds it spent goes back to waiting
 * until the next window (BullMQ's manual rate limit).
 */
export function outboundProcessor(core: Core, notices: readonly NoticeHandler[]) {
  return async (job: Job) => {
    const handler = notices.find((h) => h.names.includes(job.name));
    if (!handler) throw new UnrecoverableError(`unknown notice ${job.name}`);
    const budget = await core.queues.sendBudget(1);
    if (budget.granted === 0) {
      await core.queues.outbound.rateLimit(budget.retryMs);
      throw new RateLimitError();
    }
    // A job always has an id once it is on a queue.
    return deliverNotice(core, handler, { name: job.name, data: job.data, id: job.id! });
  };
}

export interface WorkerSet {
  workers: Worker[];
  /** The routing loop (core/cases/jobs.ts `startRouting`), when this process routes cases. */
  routing: ClaimLoop | null;
  close(): Promise<void>;
}

/**
 * Starts the queue workers: each feature's processors (core/<feature>/jobs.ts)
 * on their queues. `outbound` is rate-limited per WeChat account (WeChat
 * bans chatty accounts); it runs where the messengers are (the bot process,
 * or the all-in-one dev process) and hands each notice to the feature it
 * is about.
 */
export function startWorkers(
  core: Core,
  which: { routing?: boolean; outbound?: boolean; sla?: boolean; reminders?: boolean; inbound?: boolean } = { routing: true, outbound: true, sla: true, inbound: true },
  /** The conversation, for messages WeChat pushed (only processes that run one handle them); `outbox`: its claim timings (tests). */
  deps: { chat?: ChatService; outbox?: OutboxTimings; routing?: ClaimTimings } = {},
): WorkerSet {
  const { connection, prefix } = core.queues;
  const workers: Worker[] = [];
  const pushChannels = !!(core.config.WECHAT_OA_TOKEN || core.config.WECHAT_PUSH_TOKEN);
  const notices: NoticeHandler[] = [
    caseNotices(core),
    membershipNotices(core),
    bookingNotices(core),
    // Subscribe messages to mini-program users: each feature renders its own.
    subscribeNotices(core, { case: caseSubscribeContent(core), booking: bookingSubscribeContent(core), membership: membershipSubscribeContent(core) }),
    // Replies and notices on WeChat's push channels (Official Account, mini-program customer service).
    channelSends(core),
    // «请过几分钟再发一次» to the sender of a pushed message that could not be handled after every retry (workers/inbound.ts).
    channelSendAgain(core),
  ];
  const noticeFor = (job: Job) => notices.find((h) => h.names.includes(job.name));
  const timers: { close(): Promise<void> }[] = [];
  let routing: ClaimLoop | null = null;
  if (which.routing) {
    // Cases are routed by a loop over the cases put to route (core/cases/jobs.ts `startRouting`), not by a job each.
    routing = startRouting(core, deps.routing);
    timers.push(routing);
    // Membership applications are routed where cases are.
    workers.push(new Worker(QUEUES.membership, membershipProcessor(core), { connection, prefix, ...WORKER_RECOVERY, concurrency: 4 }));
  }
  if (which.outbound) {
    // People and staff who chat on a push channel get their notices there (asked first: a
    // staff member bound on the Official Account is reached there even where a Wechaty bot runs).
    if (pushChannels && !core.messengers.some((m) => m.name === 'channels')) core.messengers.unshift(channelMessenger(core));
    const send = outboundProcessor(core, notices);
    workers.push(
      new Worker(QUEUES.outbound, send, {
        connection,
        prefix,
        ...WORKER_RECOVERY,
        // Sends wait on WeChat (a few hundred ms each) and on Redis, not on this process: 16 in flight; the
        // account's send budget (OUTBOUND_PER_SECOND, shared with the outboxes) caps the rate.
        concurrency: 16,
      }),
    );
  }
  // Notices of cases, applications and bookings are written to their feature's outbox with the record that wants them
  // (core/infra/outbox.ts) and sent from here.
  if (which.outbound) timers.push(startOutbox(core, [caseOutbox(core), membershipOutbox(core), bookingOutbox(core)], notices, deps.outbox));
  if (which.sla) {
    workers.push(new Worker(QUEUES.sla, slaProcessor(core), { connection, prefix, ...WORKER_RECOVERY, concurrency: 4 }));
    // Time limits of cases, membership applications and bookings are timers (core/infra/timers.ts), fired from here.
    timers.push(startTimers(core, [caseTimers(core), membershipTimers(core), bookingTimers(core)]));
    // The sweep re-routes cases left without an assignee; what it does not cover (a time limit or notice never queued) is in README (Production).
    scheduleSweep(core).catch((err: Error) => core.log.error({ err }, 'could not schedule the sweep'));
  }
  // Appointment reminders and the morning agenda are timers too: by default they run where the SLA timers run.
  if (which.reminders ?? which.sla) {
    workers.push(new Worker(QUEUES.reminders, remindersProcessor(core), { connection, prefix, ...WORKER_RECOVERY, concurrency: 4 }));
    scheduleMorningAgenda(core).catch((err: Error) => core.log.error({ err }, 'could not schedule the morning agenda'));
  }
  if (which.inbound && deps.chat && pushChannels) workers.push(startInboundWorker(core, deps.chat));
  for (const w of workers) {
    // No listener crashes the process: failures are logged with the job id.
    w.on('failed', (job, err) => {
      core.log.warn({ queue: w.name, jobId: job?.id, err }, 'job failed');
      if (job) observeJob(w.name, job, 'failed');
      const final = job && (job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError');
      // A notice that could not be delivered after every retry stays visible on its record.
      if (final && w.name === QUEUES.outbound) {
        countOutboundFailure(job.name);
        noticeFor(job)?.failed(job, err.message).catch((e: Error) => core.log.error({ err: e }, 'could not record a delivery failure'));
      }
    });
    w.on('completed', (job) => observeJob(w.name, job, 'completed'));
    // Lost connections and the like: one short line in the JSON log (throttled), never a stack on stderr.
    w.on('error', (err) => reportRedisTrouble(core.log, `worker:${w.name}`, err));
  }
  return {
    workers,
    routing,
    async close() {
      await Promise.all([...timers.map((t) => t.close()), ...workers.map((w) => w.close())]);
    },
  };
}
