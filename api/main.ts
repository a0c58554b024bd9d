/**
 * Production API process: `NODE_ENV=production tsx api/main.ts`. Many can
 * run side by side; queue workers and the WeChat bot run in their own
 * processes (workers/main.ts, bot/main.ts).
 */
import { join } from 'node:path';
import { boot } from '../core/boot.js';
import { createEvidenceStore } from '../core/cases/index.js';
import { onShutdown } from '../core/infra/process.js';
import { startEvidenceSweep } from '../flows/evidence-sweep.js';
import { createChatService } from '../flows/service.js';
import { createApp } from './app.js';
import { closeServer, listen } from './server.js';
import { startWorkers } from '../workers/index.js';

const booted = await boot();
const { core, config } = booted;
const chat = createChatService(core, { evidence: createEvidenceStore(join(config.VAR_DIR, 'evidence'), config.DATA_KEY) });
const server = await listen(createApp({ core, chat }), config.PORT, config.HOST);
// Messages WeChat pushes are handled where the conversation runs: here (nothing else when no push channel is set).
const workers = startWorkers(core, { inbound: true }, { chat });
// Evidence is written here (the web chat and the mini-program): files no draft or case holds any more are swept here too.
const sweep = startEvidenceSweep(chat.sweepEvidence, core.log);
core.log.info({ host: config.HOST, port: config.PORT }, 'api listening');
onShutdown(core.log, async () => {
  sweep.stop();
  await closeServer(server);
  await workers.close();
  await booted.stop();
});
