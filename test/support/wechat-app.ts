import type { WechatyPlugin } from 'wechaty';
import { GongyouBot } from '../../bot/plugin.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';
import { startTestCore, type TestCore } from './core.js';
import { startMockWechaty, type MockWechat } from './wechaty.js';

export interface WechatApp {
  t: TestCore;
  w: MockWechat;
  workers: WorkerSet;
  /** `name` says `text`; resolves with the bot's first answer to `name` matching `expected`. */
  say(name: string, text: string, expected: RegExp): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole product over WeChat: a test core (real Redis), the real
 * GongyouBot plugin on wechaty-puppet-mock, and the queue workers — started
 * after login, so notices go out through WeChat from the first job on.
 */
export async function startWechatApp(opts: Parameters<typeof startTestCore>[0] = {}): Promise<WechatApp> {
  const t = await startTestCore(opts);
  const plugin: WechatyPlugin = (bot) => GongyouBot({ core: t.core, chat: t.chat })(bot);
  const w = await startMockWechaty([plugin]);
  const workers = startWorkers(t.core);
  return {
    t,
    w,
    workers,
    async say(name, text, expected) {
      await w.say(w.contact(name), text);
      return (await w.waitFor(name, expected)).text;
    },
    async stop() {
      await workers.close();
      await w.stop();
      await t.stop();
    },
  };
}
