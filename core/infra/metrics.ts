import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What the process counts for Prometheus (`GET /metrics`, api/operator.ts).
 * One registry per process: counters add up whatever core, app or worker
 * set runs in it. Features count with the small functions below (one line
 * where it happens); only this file and api/ import prom-client. Labels are
 * bounded sets — flow ids, route patterns, queue and job names — never a
 * person, a case number or a raw URL.
 */
const registry = new Registry();

const chatTurns = new Counter({
  name: 'gongyou_chat_turns_total',
  help: 'Messages the conversation handled, by the flow the person was in when it arrived (menu: none yet).',
  labelNames: ['flow'] as const,
  registers: [registry],
});

const httpDuration = new Histogram({
  name: 'gongyou_http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern (the router\'s matched path) and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const jobDuration = new Histogram({
  name: 'gongyou_job_duration_seconds',
  help: 'How long a job ran (finished - started), by queue and outcome.',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

const jobLatency = new Histogram({
  name: 'gongyou_job_latency_seconds',
  help: 'From when a job was due (added, plus its delay) to when it finished, by queue.',
  labelNames: ['queue'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
  registers: [registry],
});

const reminders = new Counter({
  name: 'gongyou_reminders_sent_total',
  help: 'Reminders queued to people: case time limits (催办) and legal-aid appointments, by kind.',
  labelNames: ['kind'] as const,
  registers: [registry],
});

const lapses = new Counter({
  name: 'gongyou_lapses_total',
  help: 'Time limits that passed and moved work on (a case not accepted in time, reassigned), by kind.',
  labelNames: ['kind'] as const,
  registers: [registry],
});

const outboundFailures = new Counter({
  name: 'gongyou_outbound_failures_total',
  help: 'Messages to people or staff given up after every retry, by notice.',
  labelNames: ['notice'] as const,
  registers: [registry],
});

/** A message handled by the conversation (flows/service.ts). */
export function countTurn(flow: string | null | undefined): void {
  chatTurns.inc({ flow: flow ?? 'none' });
}

/** A reminder queued: `case-accept`, `case-resolve`, `booking`… */
export function countReminder(kind: string): void {
  reminders.inc({ kind });
}

/** A time limit that passed and moved the work on: `case-accept`… */
export function countLapse(kind: string): void {
  lapses.inc({ kind });
}

/** A notice on the outbound queue that failed for good. */
export function countOutboundFailure(notice: string): void {
  outboundFailures.inc({ notice });
}

/** An HTTP request answered; `route` is the matched pattern (`/api/v1/staff/cases/:caseNo`), never the raw path. */
export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  httpDuration.observe({ method, route, status: String(status) }, seconds);
}

/** BullMQ's times of a finished job (epoch milliseconds). */
export interface JobTimes {
  timestamp: number;
  delay?: number;
  processedOn?: number;
  finishedOn?: number;
}

/** A job finished (completed or failed): how long it ran, and how long after it was due. */
export function observeJob(queue: string, job: JobTimes, outcome: 'completed' | 'failed'): void {
  const finished = job.finishedOn ?? Date.now();
  if (job.processedOn) jobDuration.observe({ queue, outcome }, Math.max(0, finished - job.processedOn) / 1000);
  if (outcome === 'completed') jobLatency.observe({ queue }, Math.max(0, finished - (job.timestamp + (job.delay ?? 0))) / 1000);
}

/** A notice sent (or given up) from an outbox: how long its send took, as a job's of queue `outbox`. */
export function observeOutboxSend(outcome: 'completed' | 'failed', sendSeconds: number): void {
  jobDuration.observe({ queue: 'outbox', outcome }, sendSeconds);
}

/** A case routed (or a routing that threw) by the routing loop: how long it took, as a job's of queue `routing`. */
export function observeRouting(outcome: 'completed' | 'failed', seconds: number): void {
  jobDuration.observe({ queue: 'routing', outcome }, seconds);
}

let processMetrics = false;

/** Node's process metrics (CPU, memory, event loop, handles), once per process. */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}

/**
 * A registry whose gauge `gongyou_queue_jobs{queue,state}` is read from
 * Redis at each scrape (`depth`, core/infra/queues.ts). When Redis does not
 * answer, the gauge is left out and `onError` says why.
 */
export function queueDepthRegistry(depth: () => Promise<Record<string, Record<string, number>>>, onError: (err: unknown) => void): Registry {
  const own = new Registry();
  new Gauge({
    name: 'gongyou_queue_jobs',
    help: 'Jobs on each queue by state (waiting, active, delayed, failed), read at each scrape.',
    labelNames: ['queue', 'state'] as const,
    registers: [own],
    async collect() {
      this.reset();
      try {
        for (const [queue, states] of Object.entries(await depth())) {
          for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
        }
      } catch (err) {
        onError(err);
      }
    },
  });
  return own;
}

/** The exposition text of the process's metrics and `extra` registries. */
export async function metricsText(extra: Registry[] = []): Promise<{ contentType: string; body: string }> {
  const merged = extra.length ? Registry.merge([registry, ...extra]) : registry;
  return { contentType: registry.contentType, body: await merged.metrics() };
}
