import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistorySchema, SessionSchema, type HistoryBody } from '../../api/contract.js';
import { manualClock } from '../../core/infra/clock.js';
import type { Reply } from '../../core/infra/replies.js';
import { qrPng } from '../../core/membership/card.js';
import { startHttp, type TestHttp } from '../support/http.js';

/**
 * The web chat page (api/static/index.html) in Debian's chromium on a small
 * phone (375×740): what it shows from the server's history, what it sends,
 * how it looks. The server's clock stands still at SERVER_NOW (moved by
 * hand); the browser's clock is fixed later that month and in another time
 * zone, so time stamps must be Beijing time with the date.
 */
const CHROMIUM = '/usr/bin/chromium';
const VIEW = { width: 375, height: 740 };
const SERVER_NOW = '2026-12-02T09:30:00+08:00';
const BROWSER_NOW = '2026-12-20T12:00:00+08:00';
const MINUTE = 60_000;
const PAGE_TEST_TIMEOUT = 60_000;
/** Screenshots to look at after a run. */
const SHOT = (name: string) => `/tmp/web-chat-page-${name}.png`;

const clock = manualClock(SERVER_NOW);
let http: TestHttp | undefined;
let prod: TestHttp | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: this test needs Debian's chromium. Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  }
  http = await startHttp({ clock, env: { DEV_LOGIN: '1' } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await http?.stop();
  await prod?.stop();
});

interface Seen {
  method: string;
  path: string;
  body: string | null;
}

interface Opened {
  page: Page;
  requests: Seen[];
  responses: { status: number; method: string; path: string }[];
  errors: string[];
}

/** A phone-size page with its requests and script errors recorded; `userId` picks whose chat it is. */
async function open(base: string, userId?: string): Promise<Opened> {
  const context = await browser!.newContext({
    viewport: VIEW,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'America/New_York',
  });
  contexts.push(context);
  if (userId) await context.addInitScript((id) => localStorage.getItem('gongyou.userId') || localStorage.setItem('gongyou.userId', id), userId);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(BROWSER_NOW));
  const o: Opened = { page, requests: [], responses: [], errors: [] };
  const pathOf = (url: string) => {
    const u = new URL(url);
    return u.pathname + u.search;
  };
  page.on('request', (r) => o.requests.push({ method: r.method(), path: pathOf(r.url()), body: r.postData() }));
  page.on('response', (r) => o.responses.push({ status: r.status(), method: r.request().method(), path: pathOf(r.url()) }));
  page.on('pageerror', (e) => o.errors.push(e.message));
  // Refused requests (401, the aborted send) are checked by address; anything else (a CSP refusal, a script error) is a fault.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) o.errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${base}/`);
  return o;
}

const tokens = new Map<string, string>();

/** The test's own session for a person (signed in once: sign-ins are limited per address). */
async function tokenFor(userId: string): Promise<string> {
  const known = tokens.get(userId);
  if (known) return known;
  const res = await fetch(`${http!.base}/api/v1/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  expect(res.status).toBe(200);
  const { token } = SessionSchema.parse(await res.json());
  tokens.set(userId, token);
  return token;
}

async function serverHistory(userId: string): Promise<HistoryBody> {
  const res = await fetch(`${http!.base}/api/v1/chat/history?limit=100`, { headers: { authorization: `Bearer ${await tokenFor(userId)}` } });
  expect(res.status).toBe(200);
  return HistorySchema.parse(await res.json());
}

const userIdOf = (page: Page) => page.evaluate(() => localStorage.getItem('gongyou.userId')) as Promise<string>;

/** Every message row on screen, in order, as `kind: text`. */
function rows(page: Page): Promise<string[]> {
  return page.$$eval('#items .msg', (els) =>
    els.map((e) => `${['me', 'bot', 'notice', 'error', 'system'].find((k) => e.classList.contains(k)) ?? '?'}: ${(e as HTMLElement).innerText.trim()}`),
  );
}

/** Waits until every message sent from the page has come back from the server's history. */
async function synced(page: Page) {
  await page.waitForFunction(() => !document.querySelector('#items .entry.local') && document.querySelectorAll('#items .entry[data-seq]').length > 0, null, {
    timeout: 10_000,
  });
}

async function waitForRow(page: Page, selector: string, pattern: RegExp, timeout = 10_000) {
  try {
    await page.waitForFunction(
      ([sel, source, flags]) => Array.from(document.querySelectorAll(sel)).some((el) => new RegExp(source, flags).test(el.textContent ?? '')),
      [selector, pattern.source, pattern.flags] as const,
      { timeout },
    );
  } catch {
    throw new Error(`the page never showed ${pattern} in ${selector}; it shows:\n${(await rows(page)).join('\n').slice(-1500)}`);
  }
}

async function send(page: Page, text: string) {
  await page.locator('#text').fill(text);
  await page.locator('#text').press('Enter');
}

/** Taps the option button labelled `label` (shown as `N label`) that can still be tapped. */
async function tap(page: Page, label: string) {
  await page.locator('.opts button:not([disabled])').filter({ hasText: new RegExp(`^\\d+ ${label}$`) }).last().click();
}

const visibleStamps = (page: Page) =>
  page.$$eval('#items .time', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent));

/** Boxes of whatever matches, in page pixels. */
const boxes = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, text: (e.textContent ?? '').trim() };
    }),
  );

const messagePosts = (o: Opened) => o.requests.filter((r) => r.method === 'POST' && (r.path === '/api/v1/chat/messages' || r.path === '/api/v1/chat/files'));

describe('web chat page on a 375 px phone', () => {
  let main: Opened;
  let userKey = '';

  it('when opened fresh, then it sends nothing, shows the welcome, and after a chat and a reload shows the same messages in order', async () => {
    main = await open(http!.base);
    const { page } = main;
    expect(await page.title()).toMatch(/工友/);

    // The page polls history (so it is running) and has not said anything on the person's behalf.
    await page.waitForRequest((r) => r.url().includes('/api/v1/chat/history?after='), { timeout: 10_000 });
    const userId = await userIdOf(page);
    userKey = `web:${userId}`;
    const empty = await serverHistory(userId);
    expect(empty.items).toEqual([]);
    expect(empty.last).toBe(0);
    expect(messagePosts(main)).toEqual([]);
    const welcome = empty.welcome[0];
    expect(welcome?.type).toBe('text');
    await waitForRow(page, '.msg.bot', new RegExp(welcome!.type === 'text' ? welcome!.text.slice(0, 12) : 'x'));
    expect(await page.locator('.msg.me').count()).toBe(0);
    // Nothing to date yet: the welcome was not sent at any time.
    expect(await visibleStamps(page)).toEqual([]);

    await send(page, '你好');
    await waitForRow(page, '.entry:not(.welcome) .msg.bot', /您好，我是工友助手/);
    await tap(page, '反映欠薪');
    await waitForRow(page, '.msg.bot', /您同意吗/);
    await synced(page);

    await page.screenshot({ path: SHOT('first-chat') });
    const before = await rows(page);
    expect(before.filter((r) => r.startsWith('me:'))).toEqual(['me: 你好', 'me: 反映欠薪']);
    // The server has the same chat: what was typed, and the option's number.
    const stored = await serverHistory(userId);
    expect(stored.items.map((i) => `${i.from}:${i.replies[0]?.type === 'text' ? i.replies[0].text.slice(0, 6) : 'image'}`)).toEqual([
      'user:你好',
      'bot:您好，我是工',
      'user:2',
      expect.stringMatching(/^bot:/),
    ]);
    // Only the newest question's options can be tapped.
    const enabled = await page.$$eval('.opts button:not([disabled])', (els) => els.map((e) => e.textContent));
    expect(enabled.length).toBeGreaterThan(0);
    expect(enabled).not.toContain('2 反映欠薪');

    await page.reload();
    await waitForRow(page, '.msg.me', /反映欠薪/);
    await synced(page);
    expect(await rows(page)).toEqual(before);
    expect(messagePosts(main).map((r) => JSON.parse(r.body!).text)).toEqual(['你好', '2']);
    expect(new Set(messagePosts(main).map((r) => JSON.parse(r.body!).clientMsgId)).size).toBe(2);

    // One time stamp, Beijing time with the date (every message came at 09:30 on the server's clock).
    expect(await visibleStamps(page)).toEqual(['12月2日 09:30']);
    expect(main.errors).toEqual([]);
  }, PAGE_TEST_TIMEOUT);

  it('when a notice comes and a message fails to send, then the notice is a card, the failure a red row with 重试, and both fit 375 px', async () => {
    const { page } = main;
    clock.advance(10 * MINUTE);
    const url = `https://gongyou.example/verify/${'A'.repeat(90)}`;
    await http!.t.core.inbox.push(userKey, [{ type: 'text', text: `您反映的欠薪已由东龙镇第一网格接单。详情：${url}` }]);
    await waitForRow(page, '.msg.notice', /已由东龙镇第一网格接单/);

    // More than five minutes after the chat before it: a second stamp, on the notice.
    expect(await visibleStamps(page)).toEqual(['12月2日 09:30', '12月2日 09:40']);
    expect(await page.locator('.entry', { has: page.locator('.msg.notice') }).locator('.time').innerText()).toBe('12月2日 09:40');
    expect(await page.locator('.msg.notice .tag').last().innerText()).toBe('通知');
    // The address in it is a link (a document's download link comes this way), built as an element, not HTML.
    const link = page.locator('.msg.notice a.link').last();
    expect(await link.getAttribute('href')).toBe(url);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');

    await page.route('**/api/v1/chat/messages', (route) => route.abort('internetdisconnected'));
    await send(page, '同意');
    await waitForRow(page, '.msg.error', /没有发出去/);
    const retry = page.locator('.msg.error button', { hasText: '重试' });
    expect(await retry.count()).toBe(1);
    await page.screenshot({ path: SHOT('notice-and-error') });

    const looks = await page.evaluate(() => {
      const notice = document.querySelector('.msg.notice .card') as HTMLElement;
      const error = document.querySelector('.msg.error .b') as HTMLElement;
      const style = (e: HTMLElement) => ({ cls: e.parentElement!.className, bg: getComputedStyle(e).backgroundColor, color: getComputedStyle(e).color });
      return { notice: style(notice), error: style(error), bot: getComputedStyle(document.querySelector('.msg.bot .b')!).backgroundColor };
    });
    expect(looks.notice.cls).toBe('msg notice');
    expect(looks.error.cls).toBe('msg error');
    expect(looks.notice.bg).not.toBe(looks.error.bg);
    expect(looks.notice.bg).not.toBe(looks.bot);
    expect(looks.error.bg).not.toBe(looks.bot);
    const rgb = (s: string) => s.match(/\d+/g)!.map(Number) as [number, number, number];
    const [r, g, b] = rgb(looks.error.color);
    expect(r).toBeGreaterThan(2 * g); // red text on the failure
    expect(r).toBeGreaterThan(2 * b);
    expect(rgb(looks.notice.bg)[2]).toBeLessThan(rgb(looks.notice.bg)[1] - 10); // yellow card, not white or red

    // Touch targets: option chips, send, file, retry.
    const targets = [
      ...(await boxes(page, '.opts button')),
      ...(await boxes(page, '#send')),
      ...(await boxes(page, 'label.file')),
      ...(await boxes(page, '.msg.error button')),
    ];
    expect(targets.length).toBeGreaterThan(8);
    for (const t of targets) expect(t.height, `「${t.text}」 is ${t.height}px high`).toBeGreaterThanOrEqual(44);

    // Nothing wider than the phone, not even the long link.
    const widths = await page.evaluate(() =>
      [document.documentElement, document.body, document.getElementById('log')!].map((e) => ({ scroll: e.scrollWidth, client: e.clientWidth })),
    );
    for (const w of widths) expect(w.scroll).toBeLessThanOrEqual(w.client);
    for (const m of await boxes(page, '#items .msg > *')) expect(m.right).toBeLessThanOrEqual(VIEW.width);

    // 重试 sends the same message again, with the same clientMsgId.
    await page.unroute('**/api/v1/chat/messages');
    await retry.click();
    await waitForRow(page, '.msg.bot', /单位叫什么/);
    await synced(page);
    expect(await page.locator('.msg.error').count()).toBe(0);
    const agreed = main.requests.filter((q) => q.path === '/api/v1/chat/messages' && JSON.parse(q.body!).text === '同意');
    expect(agreed).toHaveLength(2);
    expect(JSON.parse(agreed[1]!.body!).clientMsgId).toBe(JSON.parse(agreed[0]!.body!).clientMsgId);
    expect((await rows(page)).filter((x) => x === 'me: 同意')).toHaveLength(1);
    expect(main.errors).toEqual([]);
  }, PAGE_TEST_TIMEOUT);

  it('when the membership card arrives, then its QR code is fully on screen above the input bar', async () => {
    const { page } = main;
    clock.advance(MINUTE);
    const png = await qrPng(`${http!.base}/api/v1/membership/verify/test-card-token`);
    const card: Reply[] = [
      { type: 'text', text: '您的入会申请已通过，欢迎加入青溪区建筑业工会！' },
      {
        type: 'text',
        text: '【工会会员卡】\n会员编号：QX2026000123\n姓名：张三\n所属工会：青溪区建筑业工会\n入会日期：2026年12月2日\n办事时请出示下面的二维码，工作人员扫码即可核验。',
      },
      { type: 'image', url: `data:image/png;base64,${png.toString('base64')}`, alt: '会员卡二维码-QX2026000123' },
    ];
    await http!.t.core.inbox.push(userKey, card);
    await page.waitForFunction(() => {
      const img = document.querySelector('.msg.notice img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 10_000 });

    // The chat is longer than the screen, so this is about scrolling.
    expect(await page.evaluate(() => document.getElementById('log')!.scrollHeight > document.getElementById('log')!.clientHeight * 1.5)).toBe(true);
    await page.waitForTimeout(300);
    const [img] = await boxes(page, '.msg.notice img');
    const [bar] = await boxes(page, '#f');
    const [log] = await boxes(page, '#log');
    expect(img!.height).toBeGreaterThan(100);
    expect(img!.top).toBeGreaterThanOrEqual(log!.top);
    expect(img!.bottom).toBeLessThanOrEqual(bar!.top);
    expect(bar!.bottom).toBeLessThanOrEqual(VIEW.height);
    await page.screenshot({ path: SHOT('membership-card') });
    expect(main.errors).toEqual([]);
  }, PAGE_TEST_TIMEOUT);

  it('when the token has expired, is refused, or cannot be refreshed, then the page signs in again and shows the same chat', async () => {
    const { page } = main;
    const expected = await rows(page);
    const session = () => page.evaluate(() => JSON.parse(localStorage.getItem('gongyou.session')!)) as Promise<{ token: string; refreshToken: string }>;
    const reloadWith = async (change: string) => {
      await page.evaluate(change);
      main.requests.length = 0;
      main.responses.length = 0;
      await page.reload();
      await waitForRow(page, '.msg.notice', /会员卡/);
      await synced(page);
      expect(await rows(page)).toEqual(expected);
      return main.responses.filter((r) => r.path.startsWith('/api/v1/auth/') || r.path.startsWith('/api/v1/chat/history?limit')).map((r) => `${r.status} ${r.method} ${r.path}`);
    };

    // About to expire: refreshed before any call is refused.
    const old = await session();
    expect(
      await reloadWith(`(() => { const s = JSON.parse(localStorage.getItem('gongyou.session')); s.expiresAt = Date.now() - 1000; localStorage.setItem('gongyou.session', JSON.stringify(s)); })()`),
    ).toEqual(['200 POST /api/v1/auth/refresh', '200 GET /api/v1/chat/history?limit=30']);
    const renewed = await session();
    expect(renewed.refreshToken).not.toBe(old.refreshToken);
    expect(renewed.token).not.toBe(old.token);

    // Refused (401): refreshed, and the call made again.
    expect(
      await reloadWith(`(() => { const s = JSON.parse(localStorage.getItem('gongyou.session')); s.token = 'not-a-token'; localStorage.setItem('gongyou.session', JSON.stringify(s)); })()`),
    ).toEqual(['401 GET /api/v1/chat/history?limit=30', '200 POST /api/v1/auth/refresh', '200 GET /api/v1/chat/history?limit=30']);

    // The refresh token was used already (it works once): signed in again, the same person.
    expect(
      await reloadWith(
        `(() => { const s = JSON.parse(localStorage.getItem('gongyou.session')); s.token = 'not-a-token'; s.refreshToken = ${JSON.stringify(renewed.refreshToken)}; localStorage.setItem('gongyou.session', JSON.stringify(s)); })()`,
      ),
    ).toEqual(['401 GET /api/v1/chat/history?limit=30', '401 POST /api/v1/auth/refresh', '200 POST /api/v1/auth/dev', '200 GET /api/v1/chat/history?limit=30']);
    expect(messagePosts(main)).toEqual([]);
    expect(main.errors).toEqual([]);
  }, PAGE_TEST_TIMEOUT);

  it('when a long chat is opened, then 更早的消息 brings the earlier part above without moving what is on screen, with no duplicates', async () => {
    const userId = 'page-history-1';
    const key = `web:${userId}`;
    for (let n = 1; n <= 45; n++) {
      clock.advance(MINUTE);
      await http!.t.core.inbox.push(key, [{ type: 'text', text: `第${n}条通知` }]);
    }
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const o = await open(http!.base, userId);
    const { page } = o;
    await page.route((u) => u.pathname === '/api/v1/chat/history' && u.searchParams.has('before'), async (route) => {
      await held;
      await route.continue();
    });
    await waitForRow(page, '.msg.notice', /第45条通知/);
    const seqs = () => page.$$eval('#items .entry[data-seq]', (els) => els.map((e) => Number(e.getAttribute('data-seq'))));
    expect(await seqs()).toHaveLength(30);
    const earlier = page.locator('#earlier');
    expect(await earlier.isVisible()).toBe(true);
    expect((await earlier.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    const first = (await seqs())[0]!;
    // The message itself (its time stamp above may go: the one before it is now on screen).
    const anchor = page.locator(`#items .entry[data-seq="${first}"] .msg`);
    const asked = page.waitForRequest((r) => r.url().includes('before='), { timeout: 10_000 });
    await page.locator('#log').evaluate((e) => (e.scrollTop = 0));
    await asked;
    const y0 = (await anchor.boundingBox())!.y;
    release();
    await page.waitForFunction(() => document.querySelectorAll('#items .entry[data-seq]').length === 45, null, { timeout: 10_000 });
    const y1 = (await anchor.boundingBox())!.y;
    expect(Math.abs(y1 - y0)).toBeLessThanOrEqual(2);
    expect(await earlier.isVisible()).toBe(false);
    expect(await seqs()).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));

    // New items come once, even when the poll after sending overlaps the regular one (history answers slowly here).
    await page.route(
      (u) => u.pathname === '/api/v1/chat/history' && u.searchParams.has('after'),
      async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue().catch(() => undefined);
      },
    );
    await page.waitForRequest((r) => r.url().includes('after='), { timeout: 10_000 });
    await http!.t.core.inbox.push(key, [{ type: 'text', text: '第46条通知' }]);
    await send(page, '你好');
    await waitForRow(page, '.msg.notice', /第46条通知/);
    await waitForRow(page, '.entry[data-seq] .msg.bot', /您好，我是工友助手/);
    await synced(page);
    await page.waitForTimeout(4500);
    expect(await seqs()).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    const texts = await page.$$eval('#items .msg.notice', (els) => els.map((e) => e.textContent));
    expect(texts).toHaveLength(46);
    expect(new Set(texts).size).toBe(46);
    expect(await page.locator('.msg.me').allInnerTexts()).toEqual(['你好']);
    expect(messagePosts(o)).toHaveLength(1);
    expect(o.errors).toEqual([]);
  }, PAGE_TEST_TIMEOUT);

  it('when a story is typed over several lines, then Shift+Enter starts a line, Enter sends it whole, and it shows as typed', async () => {
    // The box was an <input>, which strips line breaks from what is pasted or typed (`我叫罗永福` and `老板欠我…` ran
    // together); WeChat keeps them, and the chat reads a story line by line.
    const o = await open(http!.base);
    const { page } = o;
    await page.waitForRequest((r) => r.url().includes('/api/v1/chat/history?after='), { timeout: 10_000 });
    const box = page.locator('#text');
    const oneLine = (await box.boundingBox())!.height;
    await box.fill('我叫罗永福');
    await box.press('Shift+Enter');
    await box.pressSequentially('老板欠我三个月工资');
    await box.press('Shift+Enter');
    await box.pressSequentially('一个月4200');
    expect(await box.inputValue()).toBe('我叫罗永福\n老板欠我三个月工资\n一个月4200');
    expect(messagePosts(o)).toEqual([]);
    // The box grows with its lines.
    expect((await box.boundingBox())!.height).toBeGreaterThan(oneLine);
    await box.press('Enter');
    await waitForRow(page, '.msg.bot', /您同意吗/);
    expect(messagePosts(o).map((r) => JSON.parse(r.body ?? '{}').text)).toEqual(['我叫罗永福\n老板欠我三个月工资\n一个月4200']);
    expect(await box.inputValue()).toBe('');
    expect((await box.boundingBox())!.height).toBe(oneLine);
    expect(await page.locator('.msg.me').last().innerText()).toBe('我叫罗永福\n老板欠我三个月工资\n一个月4200');
    await page.screenshot({ path: SHOT('lines') });
    expect(o.errors).toEqual([]);
  }, PAGE_TEST_TIMEOUT);

  it('when development sign-in is off (production), then the page asks to use the mini-program and has no input bar', async () => {
    prod = await startHttp({ clock, env: { DEV_LOGIN: '0' } });
    const o = await open(prod.base);
    const { page } = o;
    await waitForRow(page, '.msg.system', /请在微信中打开「工友」小程序使用。/);
    expect(await page.locator('#f').isVisible()).toBe(false);
    await page.screenshot({ path: SHOT('sign-in-needed') });
    expect(o.requests.filter((r) => r.path.startsWith('/api/v1/auth/') || r.path.startsWith('/api/v1/chat/'))).toEqual([]);
    expect(o.errors).toEqual([]);
  }, PAGE_TEST_TIMEOUT);
});
