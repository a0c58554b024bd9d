import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devSignIn, useMiniprogram } from './support/app.js';
import { MINIPROGRAM_DIR } from './support/build.js';
import { until, type Page } from './support/harness.js';

/**
 * 对话: talking instead of typing, through WeChat's speech plugin (WechatSI,
 * a fake here that the test drives): hold 按住 说话, and what was heard goes
 * into the input box for the person to check and send.
 */
const mp = useMiniprogram();
const uid = () => `mpv${randomBytes(4).toString('hex')}`;

async function openChat() {
  const app = mp.launch();
  const user = devSignIn(app, uid());
  const page = app.open('chat');
  await until(() => page.data.ready, 'the chat to open', page);
  return { app, user, page };
}

const posts = (app: ReturnType<typeof mp.launch>) => app.fake.http.filter((h) => h.method === 'POST' && h.url.startsWith('/api/v1/chat/'));

/** A finger on 按住 说话, then lifted. */
async function hold(page: Page, whileDown: () => void | Promise<void> = () => undefined) {
  page.comp.querySelector('.talk')!.dispatchEvent('touchstart', { touches: [{ pageX: 10, pageY: 10 }] } as any);
  await until(() => page.data.talking, 'the recording to start', page);
  await whileDown();
  page.comp.querySelector('.talk')!.dispatchEvent('touchend', { changedTouches: [{ pageX: 10, pageY: 10 }] } as any);
  // j-component dispatches on a microtask; let the handler run.
  await new Promise((r) => setTimeout(r, 0));
}

describe('对话: speaking instead of typing', () => {
  it('the app declares WeChat’s speech plugin', () => {
    const app = JSON.parse(readFileSync(join(MINIPROGRAM_DIR, 'app.json'), 'utf8'));
    expect(app.plugins.WechatSI).toEqual({ version: '0.3.5', provider: 'wx069ba97219f66d99' });
  });

  it('hold to talk: the words heard go into the input box, nothing is sent until the person taps 发送', async () => {
    const { app, user, page } = await openChat();
    expect(page.all('.talk')).toHaveLength(0);
    await page.tap('.voice-toggle');
    expect(page.all('.input')).toHaveLength(0);
    expect(page.comp.querySelector('.talk')!.dom.textContent?.trim()).toBe('按住 说话');

    app.fake.speech.next = { result: '老板欠我三个月工资一万五。' };
    await hold(page, async () => {
      expect(app.fake.callsOf('speech.start')).toEqual([{ lang: 'zh_CN', duration: 60000 }]);
      expect(page.comp.querySelector('.talk')!.dom.textContent?.trim()).toBe('松开 结束');
      app.fake.speech.partial('老板欠我');
      await until(() => page.text().includes('正在听，说完松开手指') && page.text().includes('老板欠我'), 'what is heard so far', page);
    });
    expect(app.fake.callsOf('speech.stop')).toHaveLength(1);
    await until(() => page.data.draft === '老板欠我三个月工资一万五。', 'the words in the input box', page);
    // Back to the keyboard, the words there to check; nothing sent, no overlay.
    expect(page.data.voiceMode).toBe(false);
    expect(page.all('.input')).toHaveLength(1);
    expect(page.text()).not.toContain('正在听');
    expect(posts(app)).toEqual([]);

    await page.tap('.send');
    await until(() => page.data.bubbles.some((b: any) => !b.pending && /同意吗/.test(b.text)), 'the consent question', page);
    const h = await mp.http.t.core.inbox.history.before(user, 10);
    expect(h.items[0]).toMatchObject({ from: 'user', replies: [{ type: 'text', text: '老板欠我三个月工资一万五。' }] });
  });

  it('words already typed are kept: what is heard is added after them', async () => {
    const { app, page } = await openChat();
    page.comp.querySelector('.input')!.dispatchEvent('input', { detail: { value: '我在东龙，' } });
    await until(() => page.data.draft === '我在东龙，', 'the draft', page);
    await page.tap('.voice-toggle');
    app.fake.speech.next = { result: '老板拖了两个月工资' };
    await hold(page);
    await until(() => page.data.draft === '我在东龙，老板拖了两个月工资', 'the words added', page);
  });

  it('nothing heard, an error, or no microphone: a polite toast that suggests typing, and the input box as it was', async () => {
    const { app, page } = await openChat();
    await page.tap('.voice-toggle');
    const cases: [typeof app.fake.speech.next, string][] = [
      [{ result: '' }, '没听清，请再说一次，或者直接打字'],
      [{ error: { retcode: -30003, msg: 'record data transfer failed' } }, '没听清，请再说一次，或者直接打字'],
      [{ error: { retcode: -30001, msg: 'operateRecorder:fail auth deny' } }, '需要允许使用麦克风才能说话，也可以直接打字'],
      [{ error: { retcode: -30006, msg: 'over time limit' } }, '一次最多说60秒，请分几次说，或者直接打字'],
    ];
    for (const [next, toast] of cases) {
      const before = app.fake.callsOf('showToast').length;
      app.fake.speech.next = next;
      await hold(page);
      await until(() => app.fake.callsOf('showToast').length > before, `the toast for ${JSON.stringify(next)}`, page);
      expect(app.fake.callsOf('showToast').at(-1)).toEqual({ title: toast });
      expect(page.data.talking).toBe(false);
      expect(page.data.draft).toBe('');
      // Still ready to try again.
      expect(page.all('.talk')).toHaveLength(1);
    }
    expect(posts(app)).toEqual([]);
  });

  it('the voice buttons are at least 44 px high (88rpx), like every other target', async () => {
    const { page } = await openChat();
    expect(getComputedStyle(page.comp.querySelector('.voice-toggle')!.dom).minHeight).toBe('88px');
    await page.tap('.voice-toggle');
    expect(getComputedStyle(page.comp.querySelector('.talk')!.dom).minHeight).toBe('88px');
  });

  it('without the plugin (an older WeChat), there is no voice button and typing works as before', async () => {
    const app = mp.launch();
    devSignIn(app, uid());
    (globalThis as any).requirePlugin = () => {
      throw new Error('plugin not available');
    };
    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat to open', page);
    expect(page.all('.voice-toggle')).toHaveLength(0);
    expect(page.all('.input')).toHaveLength(1);
  });
});
