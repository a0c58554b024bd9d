import { afterEach } from 'vitest';
import { GongyouBot } from '../../bot/plugin.js';
import { manualClock } from '../../core/infra/clock.js';
import { startTestCore, type TestCore } from '../support/core.js';
import { startMockWechaty, type ContactMock, type MockWechat } from '../support/wechaty.js';

/**
 * The GongyouBot plugin on wechaty-puppet-mock over a test core whose clock
 * stands at `now`: `start()` in a test, stopped after it (afterEach).
 */
export function botOnMockWechaty(now: Date): () => Promise<{ t: TestCore; w: MockWechat }> {
  let running: { t: TestCore; w: MockWechat } | undefined;
  afterEach(async () => {
    if (!running) return;
    const { t, w } = running;
    running = undefined;
    await w.stop();
    await t.stop();
  });
  return async () => {
    const t = await startTestCore({ clock: manualClock(now) });
    const w = await startMockWechaty([GongyouBot({ core: t.core, chat: t.chat })]);
    running = { t, w };
    return running;
  };
}

/** `who` says each text in turn, each answered by a message matching its pattern. */
export async function saySteps(w: MockWechat, who: ContactMock, steps: readonly (readonly [string, RegExp])[]): Promise<void> {
  for (const [text, expected] of steps) {
    await w.say(who, text);
    await w.waitFor(who.payload.name, expected);
  }
}
