import type { WechatyPlugin } from 'wechaty';
import { GongyouBot } from '../../bot/plugin.js';
import type { Case } from '../../core/cases/index.js';
import { route } from '../../core/cases/queue.js';
import { createBindings } from '../../core/staff/binding.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';
import { createWageCase } from './cases.js';
import { eventually, startTestCore, type TestCore } from './core.js';
import { startMockWechaty, type MockWechat } from './wechaty.js';

export interface WechatApp {
  t: TestCore;
  w: MockWechat;
  workers: WorkerSet;
  /** `name` says `text`; resolves with the bot's first answer to `name` matching `expected`. */
  say(name: string, text: string, expected: RegExp): Promise<string>;
  /** Binds the contact `name` to the directory person `staffId` with a fresh one-time code; resolves with the bot's 绑定成功 answer. */
  bindStaff(name: string, staffId: string): Promise<string>;
  /** A wage case created directly and routed; resolves once someone holds it. */
  routedCase(opts?: Parameters<typeof createWageCase>[1]): Promise<Case>;
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
  const say = async (name: string, text: string, expected: RegExp) => {
    await w.say(w.contact(name), text);
    return (await w.waitFor(name, expected)).text;
  };
  return {
    t,
    w,
    workers,
    say,
    async bindStaff(name, staffId) {
      const code = await createBindings(t.core).issueCode(staffId);
      return say(name, `绑定 ${code}`, /绑定成功/);
    },
    async routedCase(opts = {}) {
      const c = await createWageCase(t.core, opts);
      await route(t.core, c.id);
      return eventually(async () => {
        const x = await t.core.cases.get(c.id);
        return x?.assignee ? x : null;
      }, 8000, 'assignment');
    },
    async stop() {
      await workers.close();
      await w.stop();
      await t.stop();
    },
  };
}
