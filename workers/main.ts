/**
 * Production worker process: routing, membership review, time limits and
 * reminders. Outbound messages are sent by the bot process, which owns the
 * WeChat account and its rate limit; a deployment without WeChat passes
 * `--outbound` to one worker process so notices still reach the inboxes.
 */
import { boot } from '../core/boot.js';
import { onShutdown } from '../core/infra/process.js';
import { startWorkers } from './index.js';

const booted = await boot();
const { core } = booted;
const outbound = process.argv.includes('--outbound');
const workers = startWorkers(core, { routing: true, sla: true, reminders: true, outbound });
core.log.info({ outbound }, 'workers running');
onShutdown(core.log, async () => {
  await workers.close();
  await booted.stop();
});
