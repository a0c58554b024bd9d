import { Queue, createNodeRedisClient, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import type { Keys } from './keys.js';
import type { Redis } from './redis.js';

/**
 * Queue and job names, defined once. Job data carries ids only — never names,
 * phone or ID numbers; processors load the record and check it.
 */
export const QUEUES = {
  routing: 'routing',
  outbound: 'outbound',
} as const;

export const RouteJob = z.object({ caseId: z.string().min(1) });
export type RouteJob = z.infer<typeof RouteJob>;

export const OUTBOUND_NAMES = ['staff-case-assigned', 'staff-case-copied', 'reporter-case-assigned'] as const;
export type OutboundName = (typeof OUTBOUND_NAMES)[number];

export const OutboundJob = z.object({
  caseId: z.string().min(1),
  /** For staff notices: who receives it. */
  staffId: z.string().optional(),
});
export type OutboundJob = z.infer<typeof OutboundJob>;

/** Job ids are deterministic (so duplicates are no-ops) and contain no `:`. */
export const jobIds = {
  route: (caseId: string) => `route-${caseId}`,
  outbound: (name: OutboundName, caseId: string, staffId?: string) =>
    [name, caseId, staffId].filter(Boolean).join('-'),
};

const defaults: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Kept for a week so a re-added duplicate id stays a no-op.
  removeOnComplete: { age: 7 * 86400, count: 10000 },
  removeOnFail: { age: 30 * 86400 },
};

/** BullMQ on the app's node-redis client library (BullMQ 6 needs the client passed in). */
export function bullConnection(redis: Redis) {
  return createNodeRedisClient(redis);
}

export function createQueues(redis: Redis, keys: Keys) {
  const connection = bullConnection(redis);
  const routing = new Queue<RouteJob>(QUEUES.routing, { connection, prefix: keys.bullPrefix, defaultJobOptions: defaults });
  const outbound = new Queue<OutboundJob>(QUEUES.outbound, { connection, prefix: keys.bullPrefix, defaultJobOptions: defaults });
  return {
    routing,
    outbound,
    async route(caseId: string) {
      await routing.add('route', { caseId }, { jobId: jobIds.route(caseId) });
    },
    async notify(name: OutboundName, caseId: string, staffId?: string) {
      await outbound.add(name, { caseId, staffId }, { jobId: jobIds.outbound(name, caseId, staffId) });
    },
    async close() {
      await Promise.all([routing.close(), outbound.close()]);
    },
  };
}

export type Queues = ReturnType<typeof createQueues>;
