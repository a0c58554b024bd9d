/**
 * Production worker process: routing, membership review, time limits and
 * reminders. Outbound messages are sent by the bot process, which owns the
 * WeChat account and its rate limit; a deployment without WeChat passes
 * `--outbound` to one worker process so notices still reach the inboxes.
 */
import { metricsApp } from '../api/operator.js';
import { closeServer, listen } from '../api/server.js';
import { boot } from '../core/boot.js';
import { onShutdown } from '../core/infra/process.js';
import { startWorkers } from './index.js';

const booted = await boot();
const { core, config } = booted;
const outbound = process.argv.includes('--outbound');
const workers = startWorkers(core, { routing: true, sla: true, reminders: true, outbound });
// Reminders, lapses and job times are counted here: /metrics on METRICS_PORT for Prometheus.
const metrics = config.METRICS_PORT ? await listen(metricsApp(core), config.METRICS_PORT, config.HOST) : null;
core.log.info({ outbound, metricsPort: config.METRICS_PORT ?? null }, 'workers running');
onShutdown(core.log, async () => {
  if (metrics) await closeServer(metrics);
  await workers.close();
  await booted.stop();
});
