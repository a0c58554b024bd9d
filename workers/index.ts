import { Worker } from 'bullmq';
import type { Core } from '../core/context.js';
import { QUEUES, bullConnection } from '../core/queues.js';
import { outboundProcessor } from './outbound.js';
import { routingProcessor } from './routing.js';

export interface WorkerSet {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * Starts the queue workers. `outbound` is rate-limited per WeChat account
 * (WeChat bans chatty accounts); it runs where the messengers are (the bot
 * process, or the all-in-one dev process).
 */
export function startWorkers(core: Core, which: { routing?: boolean; outbound?: boolean } = { routing: true, outbound: true }): WorkerSet {
  const connection = bullConnection(core.redis);
  const prefix = core.keys.bullPrefix;
  const workers: Worker[] = [];
  if (which.routing) {
    workers.push(new Worker(QUEUES.routing, routingProcessor(core), { connection, prefix, concurrency: 8 }));
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
  for (const w of workers) {
    // No listener crashes the process: failures are logged with the job id.
    w.on('failed', (job, err) => core.log.warn({ queue: w.name, jobId: job?.id, err: err.message }, 'job failed'));
    w.on('error', (err) => core.log.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
