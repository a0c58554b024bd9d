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
  sla: 'sla',
} as const;

export const RouteJob = z.object({ caseId: z.string().min(1) });
export type RouteJob = z.infer<typeof RouteJob>;

/** Notices about a case; the text is rendered from the record when sent (workers/outbound.ts). */
export const OUTBOUND_NAMES = [
  'staff-case-assigned',
  'staff-case-copied',
  'reporter-case-assigned',
  /** The reporter is told the latest step of `history` (`seq` = its index). */
  'reporter-update',
  'reporter-survey',
  'staff-accept-reminder',
  'staff-resolve-reminder',
  'staff-overdue',
  'staff-referral',
  'staff-referral-reminder',
  'staff-referral-result',
] as const;
export type OutboundName = (typeof OUTBOUND_NAMES)[number];

export const OutboundJob = z.object({
  caseId: z.string().min(1),
  /** For staff notices: who receives it. */
  staffId: z.string().optional(),
  /** Which assignment or history entry the notice is about (part of the job id). */
  seq: z.number().int().optional(),
});
export type OutboundJob = z.infer<typeof OutboundJob>;

/** Time limits: delayed jobs that check the case when they fire and do nothing if it moved on. */
export const SLA_NAMES = [
  'accept-reminder',
  'accept-deadline',
  'resolve-reminder',
  'resolve-deadline',
  'referral-deadline',
  'satisfaction',
  'sweep',
] as const;
export type SlaName = (typeof SLA_NAMES)[number];
export const SlaJob = z.object({ caseId: z.string().min(1), seq: z.number().int() });
export type SlaJob = z.infer<typeof SlaJob>;

/** Job ids are deterministic (so duplicates are no-ops) and contain no `:`. */
export const jobIds = {
  route: (caseId: string, seq = 1) => (seq <= 1 ? `route-${caseId}` : `route-${caseId}-${seq}`),
  outbound: (name: OutboundName, caseId: string, staffId?: string, seq?: number) =>
    [name, caseId, staffId, seq].filter((x) => x !== undefined && x !== '').join('-'),
  sla: (name: SlaName, caseId: string, seq: number) => `${name}-${caseId}-${seq}`,
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
  const sla = new Queue<SlaJob>(QUEUES.sla, { connection, prefix: keys.bullPrefix, defaultJobOptions: defaults });
  return {
    routing,
    outbound,
    sla,
    /** `seq`: the assignment about to be made (1 for a new case); each re-route gets its own job. */
    async route(caseId: string, seq = 1) {
      await routing.add('route', { caseId }, { jobId: jobIds.route(caseId, seq) });
    },
    async notify(name: OutboundName, caseId: string, staffId?: string, seq?: number) {
      await outbound.add(name, { caseId, staffId, seq }, { jobId: jobIds.outbound(name, caseId, staffId, seq) });
    },
    /** A time limit firing at `at` (now if already past). */
    async schedule(name: SlaName, caseId: string, seq: number, at: Date) {
      const delay = Math.max(0, at.getTime() - Date.now());
      await sla.add(name, { caseId, seq }, { jobId: jobIds.sla(name, caseId, seq), delay });
    },
    /** Removes a pending time limit (a fired one checks the case anyway). */
    async unschedule(name: SlaName, caseId: string, seq: number) {
      await sla.remove(jobIds.sla(name, caseId, seq)).catch(() => 0);
    },
    async close() {
      await Promise.all([routing.close(), outbound.close(), sla.close()]);
    },
  };
}

export type Queues = ReturnType<typeof createQueues>;
