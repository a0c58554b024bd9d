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
import { processEnv } from './core/infra/config.js';
import { onShutdown } from './core/infra/process.js';
import { createChatService } from './flows/service.js';
import { startEvidenceSweep } from './flows/evidence-sweep.js';
import { startWorkers } from './workers/index.js';

// `npm start` passes --demo: the web chat signs people in without WeChat
// (DEV_LOGIN), unless told otherwise. Never in production (config refuses it).
const env = processEnv();
const demoEnv = process.argv.includes('--demo') && env.NODE_ENV !== 'production' && !env.DEV_LOGIN ? { ...env, DEV_LOGIN: '1' } : env;
const booted = await boot(demoEnv).catch((err: Error) => {
  console.error(`无法启动 / cannot start:\n${err.message}`);
  process.exit(1);
});
const { core, config } = booted;
const chat = createChatService(core, { evidence: createEvidenceStore(join(config.VAR_DIR, 'evidence'), config.DATA_KEY) });
const workers = startWorkers(core, undefined, { chat });
// Evidence files of drafts that expired: deleted after DRAFT_TTL_DAYS (flows/evidence-sweep.ts).
const sweep = startEvidenceSweep(chat.sweepEvidence, core.log);
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
      // The admin token is a credential: shown only outside production, where it came from var/dev-secrets.env.
      ...(config.NODE_ENV === 'production' ? [] : [`Admin token (dev): ${config.ADMIN_TOKEN}`]),
      `Queues: ${url}/admin/queues (sign in at ${url}/admin/sign-in). API docs: ${url}/api/docs`,
      ...(config.DEV_LOGIN ? ['Development sign-in is on (DEV_LOGIN=1): anyone can chat on the web page without WeChat.'] : []),
      'WeChat is off. To connect a WeChat account, set WECHATY_PUPPET (e.g. WECHATY_PUPPET=wechaty-puppet-wechat4u) and restart.',
      ...(booted.calendarWarning ? [`Holiday calendar: ${booted.calendarWarning}`] : []),
      '',
    ].join('\n'),
  );
}

onShutdown(core.log, async () => {
  sweep.stop();
  await closeServer(server);
  await bot?.stop().catch(() => undefined);
  await workers.close();
  await booted.stop();
});
