import { Worker } from 'bullmq';
import type { Core } from '../core/context.js';
import { QUEUES, bullConnection } from '../core/infra/queues.js';
import { membershipProcessor } from './membership.js';
import { outboundProcessor, recordDeliveryFailure } from './outbound.js';
import { remindersProcessor, scheduleMorningAgenda } from './reminders.js';
import { routingProcessor } from './routing.js';
import { slaProcessor } from './sla.js';

export interface WorkerSet {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * Starts the queue workers. `outbound` is rate-limited per WeChat account
 * (WeChat bans chatty accounts); it runs where the messengers are (the bot
 * process, or the all-in-one dev process).
 */
export function startWorkers(
  core: Core,
  which: { routing?: boolean; outbound?: boolean; sla?: boolean; reminders?: boolean } = { routing: true, outbound: true, sla: true },
): WorkerSet {
  const connection = bullConnection(core.redis);
  const prefix = core.keys.bullPrefix;
  const workers: Worker[] = [];
  if (which.routing) {
    workers.push(new Worker(QUEUES.routing, routingProcessor(core), { connection, prefix, concurrency: 8 }));
    // Membership applications are routed where cases are.
    workers.push(new Worker(QUEUES.membership, membershipProcessor(core), { connection, prefix, concurrency: 4 }));
  }
  if (which.outbound) {
    workers.push(
      new Worker(QUEUES.outbound, outboundProcessor(core), {
        connection,
        prefix,
        // Several sends in flight; the limiter still caps the account's rate.
        concurrency: 4,
        limiter: { max: core.config.OUTBOUND_PER_SECOND, duration: 1000 },
      }),
    );
  }
  if (which.sla) {
    workers.push(new Worker(QUEUES.sla, slaProcessor(core), { connection, prefix, concurrency: 4 }));
    // The sweep: one scheduler however many worker processes run.
    core.queues.sla
      .upsertJobScheduler('sweep', { every: core.config.SWEEP_SECONDS * 1000 }, { name: 'sweep', data: { caseId: 'sweep', seq: 0 } })
      .catch((err: Error) => core.log.error({ err: err.message }, 'could not schedule the sweep'));
  }
  // Appointment reminders and the morning agenda are timers too: by default they run where the SLA timers run.
  if (which.reminders ?? which.sla) {
    workers.push(new Worker(QUEUES.reminders, remindersProcessor(core), { connection, prefix, concurrency: 4 }));
    scheduleMorningAgenda(core).catch((err: Error) => core.log.error({ err: err.message }, 'could not schedule the morning agenda'));
  }
  for (const w of workers) {
    // No listener crashes the process: failures are logged with the job id.
    w.on('failed', (job, err) => {
      core.log.warn({ queue: w.name, jobId: job?.id, err: err.message }, 'job failed');
      const final = job && (job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError');
      if (final && w.name === QUEUES.outbound) {
        recordDeliveryFailure(core, job, err.message).catch((e: Error) => core.log.error({ err: e.message }, 'could not record a delivery failure'));
      }
    });
    w.on('error', (err) => core.log.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
