/**
 * Production bot process, one per WeChat account: logs in with
 * WECHATY_PUPPET and sends every outbound message (the outbound queue is
 * consumed here, where the account and its rate limit are).
 */
import { join } from 'node:path';
import { metricsApp } from '../api/operator.js';
import { closeServer, listen } from '../api/server.js';
import { boot } from '../core/boot.js';
import { createEvidenceStore } from '../core/cases/index.js';
import { onShutdown } from '../core/infra/process.js';
import { createChatService } from '../flows/service.js';
import { startEvidenceSweep } from '../flows/evidence-sweep.js';
import { startWorkers } from '../workers/index.js';
import { startWechat } from './wechat.js';

const booted = await boot();
const { core, config } = booted;
if (!config.WECHATY_PUPPET) {
  core.log.error('WECHATY_PUPPET is not set: the bot process needs a puppet (e.g. wechaty-puppet-wechat4u)');
  await booted.stop();
  process.exit(1);
}
const chat = createChatService(core, { evidence: createEvidenceStore(join(config.VAR_DIR, 'evidence'), config.DATA_KEY) });
const bot = await startWechat(core, chat);
// Evidence files of drafts that expired: deleted after DRAFT_TTL_DAYS (flows/evidence-sweep.ts).
const sweep = startEvidenceSweep(chat.sweepEvidence, core.log);
const workers = startWorkers(core, { outbound: true });
// Failed sends and job times are counted here: /metrics on METRICS_PORT for Prometheus.
const metrics = config.METRICS_PORT ? await listen(metricsApp(core), config.METRICS_PORT, config.HOST) : null;
onShutdown(core.log, async () => {
  sweep.stop();
  if (metrics) await closeServer(metrics);
  await workers.close();
  await bot.stop();
  await booted.stop();
});
