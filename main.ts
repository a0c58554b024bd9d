/**
 * `npm start`: API, queue workers and (when WECHATY_PUPPET is set) the
 * WeChat bot in one process — the newcomer's way to run everything.
 * Production runs api/main.ts, workers/main.ts and bot/main.ts apart.
 */
import { join } from 'node:path';
import { createApp } from './api/app.js';
import { closeServer, listen } from './api/server.js';
import { startWechat } from './bot/wechat.js';
import { boot } from './core/boot.js';
import { createEvidenceStore } from './core/cases/index.js';
import { onShutdown } from './core/infra/process.js';
import { createChatService } from './flows/service.js';
import { startWorkers } from './workers/index.js';

const booted = await boot().catch((err: Error) => {
  console.error(`无法启动 / cannot start:\n${err.message}`);
  process.exit(1);
});
const { core, config } = booted;
const chat = createChatService(core, { evidence: createEvidenceStore(join(config.VAR_DIR, 'evidence'), config.DATA_KEY) });
const workers = startWorkers(core);
const server = await listen(createApp({ core, chat }), config.PORT, config.HOST);
const addr = server.address();
const url = typeof addr === 'object' && addr ? `http://${config.HOST}:${addr.port}` : '';

let bot: Awaited<ReturnType<typeof startWechat>> | null = null;
if (config.WECHATY_PUPPET) {
  bot = await startWechat(core, chat);
} else {
  console.log(
    [
      '',
      `工友 is running. Web chat: ${url}/`,
      `Admin token (dev): ${config.ADMIN_TOKEN}`,
      'WeChat is off. To connect a WeChat account, set WECHATY_PUPPET (e.g. WECHATY_PUPPET=wechaty-puppet-wechat4u) and restart.',
      ...(booted.calendarWarning ? [`Holiday calendar: ${booted.calendarWarning}`] : []),
      '',
    ].join('\n'),
  );
}

onShutdown(core.log, async () => {
  await closeServer(server);
  await bot?.stop().catch(() => undefined);
  await workers.close();
  await booted.stop();
});
