import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HistorySchema } from '../../api/contract.js';
import { devSignIn, useMiniprogram } from './support/app.js';
import { until, type Page } from './support/harness.js';

const mp = useMiniprogram();

const uid = () => `mp${randomBytes(4).toString('hex')}`;

/** The server's own record of the person's chat. */
async function serverHistory(userKey: string, limit = 100) {
  return mp.http.t.core.inbox.history.before(userKey, limit);
}

/** What the person sees in the chat, bubble by bubble. */
function bubbles(page: Page): { side: string; text: string; pending: boolean; options: string[] }[] {
  return page.data.bubbles.map((b: any) => ({ side: b.side, text: b.text, pending: b.pending, options: b.options.map((o: any) => o.label) }));
}

function say(userKey: string, text: string) {
  return mp.http.t.chat.handle(userKey, { kind: 'text', text }, undefined, { keepHistory: true });
}

describe('对话: opening the chat', () => {
  it('shows the history kept on the server, and sends nothing on the person’s behalf', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    await say(user, '你好');
    const before = await serverHistory(user);
    expect(before.last).toBe(2);

    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat to open', page);

    const shown = bubbles(page);
    expect(shown[0]).toMatchObject({ side: 'me', text: '你好', pending: false });
    expect(shown.slice(1).every((b) => b.side === 'bot')).toBe(true);
    const botText = (before.items[1]!.replies[0] as { text: string }).text;
    expect(page.text()).toContain(botText.split('\n')[0]);
    expect(app.fake.http.some((h) => h.url.startsWith('/api/v1/chat/history?limit=30'))).toBe(true);

    // Nothing was sent: no message call, and the server's chat is as it was.
    expect(app.fake.http.filter((h) => h.method === 'POST' && h.url.startsWith('/api/v1/chat/'))).toEqual([]);
    expect((await serverHistory(user)).last).toBe(2);
  });

  it('with an empty history, shows the welcome with its options, stored nowhere and sent by no one', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat to open', page);

    const welcome = mp.http.t.chat.welcome[0] as { text: string; options: { label: string }[] };
    expect(bubbles(page)).toEqual([{ side: 'bot', text: welcome.text, pending: false, options: welcome.options.map((o) => o.label) }]);
    expect(page.all('.chip').length).toBe(welcome.options.length);
    expect(app.fake.http.filter((h) => h.method === 'POST' && h.url.startsWith('/api/v1/chat/'))).toEqual([]);
    expect((await serverHistory(user)).last).toBe(0);
  });
});

describe('对话: talking', () => {
  it('a typed message and a tapped option go through the real conversation', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat to open', page);

    page.comp.querySelector('.input')!.dispatchEvent('input', { detail: { value: '老板欠我三个月工资' } });
    await until(() => page.data.draft === '老板欠我三个月工资', 'the draft', page);
    await page.tap('.send');

    // The consent question, with its options as chips, as the server keeps it.
    await until(() => page.data.bubbles.some((b: any) => !b.pending && /同意吗/.test(b.text)), 'the consent question', page);
    expect(page.data.draft).toBe('');
    const consent = page.data.bubbles.find((b: any) => /同意吗/.test(b.text));
    expect(consent.options.length).toBeGreaterThanOrEqual(2);
    expect(page.data.activeKey).toBe(consent.key);
    const firstLabel: string = consent.options[0].label;

    let h = HistorySchema.parse({ ...(await serverHistory(user)), welcome: [] });
    expect(h.items[0]).toMatchObject({ from: 'user', replies: [{ type: 'text', text: '老板欠我三个月工资' }] });
    expect(h.items).toHaveLength(2);

    // The chips of the question being asked are the ones to tap; the first continues the report.
    const chips = page.all('.chip');
    const live = chips.filter((c) => !c.dom.className.includes('chip-old'));
    expect(live.map((c) => c.dom.textContent?.trim())).toEqual(consent.options.map((o: any) => o.label));
    await page.tap('.chip', chips.indexOf(live[0]!));
    await until(() => page.data.bubbles.filter((b: any) => b.side === 'me' && !b.pending).length === 2, 'the tapped option to be kept', page);
    h = HistorySchema.parse({ ...(await serverHistory(user)), welcome: [] });
    expect(h.items[2]).toMatchObject({ from: 'user', replies: [{ type: 'text', text: firstLabel }] });
    const next = (h.items[3]!.replies[0] as { text: string }).text;
    expect(next).toMatch(/对吗|单位叫什么/);
    await until(() => page.text().includes(next.split('\n')[0]!), 'the next question on the page', page);
    // The consent chips are spent: tapping them again sends nothing.
    const posts = app.fake.http.filter((x) => x.url === '/api/v1/chat/messages').length;
    const oldChip = page.all('.chip').find((c) => c.dom.textContent?.trim() === firstLabel && c.dom.className.includes('chip-old'));
    expect(oldChip).toBeDefined();
    oldChip!.dispatchEvent('tap');
    await new Promise((r) => setTimeout(r, 50));
    expect(app.fake.http.filter((x) => x.url === '/api/v1/chat/messages').length).toBe(posts);
  });

  it('when the history comes back while a finger is on the chat, the bubbles wait for it to lift, and a tap on the chip it held still counts, once', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat to open', page);
    // The history fetched after the answer is held until the finger is down.
    let release: () => void = () => {};
    const released = new Promise<void>((r) => (release = r));
    let held = 0;
    app.fake.hold = (url) => (url.startsWith('/api/v1/chat/history?after=') ? (held++, released) : undefined);

    page.comp.querySelector('.input')!.dispatchEvent('input', { detail: { value: '我要反映欠薪' } });
    await until(() => page.data.draft === '我要反映欠薪', 'the draft', page);
    await page.tap('.send');
    // The answer shown from the reply (pending), its copy in the history not back yet.
    await until(() => held > 0 && page.data.bubbles.some((b: any) => b.pending && /同意吗/.test(b.text)), 'the answer, before the history', page);
    const shown = page.data.bubbles.find((b: any) => b.pending && /同意吗/.test(b.text));
    expect(page.data.activeKey).toBe(shown.key);

    page.comp.querySelector('.log')!.dispatchEvent('touchstart');
    const fetched = app.fake.http.length;
    release();
    await until(() => app.fake.http.length > fetched, 'the history to come back', page);
    await new Promise((r) => setTimeout(r, 100));
    // Under the finger nothing is replaced.
    expect(page.data.bubbles.find((b: any) => b.key === shown.key)?.pending).toBe(true);

    // The finger lifts: the history's copy replaces the bubble; WeChat then sends the tap, decided on the chip pressed.
    page.comp.querySelector('.log')!.dispatchEvent('touchend');
    await until(() => !page.data.bubbles.some((b: any) => b.pending), 'the history in place', page);
    expect(page.data.activeKey).not.toBe(shown.key);
    const posts = () => app.fake.http.filter((x) => x.url === '/api/v1/chat/messages').length;
    const before = posts();
    page.comp.instance.onOption({ currentTarget: { dataset: { key: shown.key, label: shown.options[0].label } } });
    await until(() => posts() === before + 1, 'the tap to be sent', page);
    const h = await serverHistory(user);
    expect(h.items.filter((i) => i.from === 'user').map((i) => (i.replies[0] as { text: string }).text)).toEqual(['我要反映欠薪', shown.options[0].label]);
    // A chip of an older question is still spent.
    page.comp.instance.onOption({ currentTarget: { dataset: { key: 'p0r0', label: '同意' } } });
    await new Promise((r) => setTimeout(r, 50));
    expect(posts()).toBe(before + 1);
  });

  it('the box is a textarea: a story of several lines reaches the chat with its lines, sent with the keyboard’s send key', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat to open', page);
    // An <input> is one line: WeChat drops the line breaks of what is pasted into it.
    const box = page.comp.querySelector('.input')!;
    expect(box.dom.tagName.toLowerCase()).toContain('textarea');

    const story = '我叫罗永福\n老板欠我三个月工资\n一个月4200';
    box.dispatchEvent('input', { detail: { value: story } });
    await until(() => page.data.draft === story, 'the draft', page);
    // The keyboard's send key: the box's confirm, carrying what is in the box.
    box.dispatchEvent('confirm', { detail: { value: story } });
    await until(() => page.data.bubbles.some((b: any) => !b.pending && /同意吗/.test(b.text)), 'the consent question', page);
    expect(page.data.draft).toBe('');
    const h = HistorySchema.parse({ ...(await serverHistory(user)), welcome: [] });
    expect(h.items[0]).toMatchObject({ from: 'user', replies: [{ type: 'text', text: story }] });
    expect(app.fake.http.filter((x) => x.url === '/api/v1/chat/messages')).toHaveLength(1);
  });

  it('option chips are at least 44 px high (88rpx)', async () => {
    const app = mp.launch();
    devSignIn(app, uid());
    const page = app.open('chat');
    await until(() => page.all('.chip').length > 0, 'the welcome chips', page);
    const chip = page.all('.chip')[0]!;
    // simulate turns rpx into px one to one; WeChat renders 88rpx as 44 px on a 375 px-wide screen.
    expect(getComputedStyle(chip.dom).minHeight).toBe('88px');
  });

  it('pulling down loads the earlier messages, in order, above the ones shown', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const history = mp.http.t.core.inbox.history;
    for (let i = 1; i <= 40; i++) await history.append(user, [{ from: i % 2 ? 'user' : 'bot', replies: [{ type: 'text', text: `第${i}条` }] }]);

    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat to open', page);
    expect(bubbles(page).map((b) => b.text)).toEqual(Array.from({ length: 30 }, (_, i) => `第${i + 11}条`));
    expect(page.data.more).toBe(true);

    page.comp.querySelector('.log')!.dispatchEvent('refresherrefresh');
    await until(() => page.data.bubbles.length === 40, 'the earlier messages', page);
    expect(bubbles(page).map((b) => b.text)).toEqual(Array.from({ length: 40 }, (_, i) => `第${i + 1}条`));
    expect(page.data.more).toBe(false);
    expect(page.data.refreshing).toBe(false);
    expect(app.fake.http.some((h) => h.url.includes('before=11'))).toBe(true);
  });

  it('while shown, it polls and shows a notice that came later; hidden, it stops', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    app.config.pollMs = 50;
    await say(user, '你好');
    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat to open', page);

    await mp.http.t.core.inbox.history.append(user, [{ from: 'notice', replies: [{ type: 'text', text: '已交给东龙镇第一网格处理' }] }]);
    await until(() => page.text().includes('已交给东龙镇第一网格处理'), 'the notice', page);
    expect(app.fake.http.some((h) => h.url.includes('after=2'))).toBe(true);
    expect(page.data.bubbles.at(-1)).toMatchObject({ side: 'notice', pending: false });

    page.it.onHide();
    // A poll already on its way may still land; after that, none (polls were 50 ms apart).
    await new Promise((r) => setTimeout(r, 300));
    const polls = app.fake.http.filter((h) => h.url.includes('after=')).length;
    await new Promise((r) => setTimeout(r, 300));
    expect(app.fake.http.filter((h) => h.url.includes('after=')).length).toBe(polls);
  });
});

describe('对话: evidence', () => {
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(512, 7), Buffer.from([0xff, 0xd9])]);

  it('a photo chosen with wx.chooseMedia reaches the server as multipart and is taken as evidence', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    for (const text of ['老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '1', '青溪花园二期', '两万八千五', '就我一个', '2', '上个月', '都跳过']) {
      await say(user, text);
    }
    const page = app.open('chat');
    await until(() => /证据/.test(page.text()), 'the evidence question', page);
    const filesBefore = readdirSync(mp.http.t.evidenceDir, { recursive: true }).length;

    app.fake.nextMedia.push({ path: 'http://tmp/wx3f1e2d.jpg', bytes: JPEG });
    await page.tap('.tool', 0);
    expect(app.fake.callsOf('chooseMedia')).toHaveLength(1);
    await until(() => page.data.bubbles.some((b: any) => !b.pending && /收到「/.test(b.text)), 'the receipt', page);

    const upload = app.fake.callsOf('uploadFile')[0];
    expect(upload).toMatchObject({ name: 'file', filePath: 'http://tmp/wx3f1e2d.jpg' });
    expect(app.fake.http.find((h) => h.url === '/api/v1/chat/files')).toMatchObject({ method: 'POST', status: 200 });
    expect(page.text()).toMatch(/收到「[^」]+\.jpg」，共1份/);
    expect(readdirSync(mp.http.t.evidenceDir, { recursive: true }).length).toBeGreaterThan(filesBefore);
    const h = await serverHistory(user);
    expect(h.items.at(-2)).toMatchObject({ from: 'user', replies: [{ type: 'text', text: expect.stringMatching(/^\[文件\] .+\.jpg$/) }] });
  });

  it('a file chosen from a WeChat chat (wx.chooseMessageFile) is sent with its own name', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    for (const text of ['老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '1', '青溪花园二期', '两万八千五', '就我一个', '2', '上个月', '都跳过']) {
      await say(user, text);
    }
    const page = app.open('chat');
    await until(() => /证据/.test(page.text()), 'the evidence question', page);

    const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 32), Buffer.from('\n%%EOF\n')]);
    app.fake.nextMessageFiles.push({ path: 'wxfile://tmp_8c1d2e.pdf', name: '工资条2026年9月.pdf', bytes: PDF });
    await page.tap('.tool', 1);
    await until(() => page.data.bubbles.some((b: any) => !b.pending && /收到「/.test(b.text)), 'the receipt', page);
    // The person's own name goes with the file (field fileName; the multipart part is named after the temp file).
    expect(app.fake.callsOf('uploadFile')[0]).toMatchObject({ name: 'file', filePath: 'wxfile://tmp_8c1d2e.pdf', formData: { fileName: '工资条2026年9月.pdf' } });
    expect(page.text()).toMatch(/收到「[^」]+\.pdf」，共1份/);
  });
});
