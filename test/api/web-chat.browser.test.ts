import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCore } from '../support/core.js';
import { startHttp, type TestHttp } from '../support/http.js';
import { manualClock } from '../../core/infra/clock.js';

/**
 * The web chat page (api/static/index.html) driven in Debian's chromium on a
 * phone-size screen: a whole wage report by tapping options and typing.
 */
const CHROMIUM = '/usr/bin/chromium';
const NOW = new Date('2026-11-21T10:00:00+08:00');
const SCREENSHOT = '/tmp/web-chat.png';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(512, 7), Buffer.from([0xff, 0xd9])]);

let http: TestHttp | undefined;
let t: TestCore | undefined;
let browser: Browser | undefined;
let base = '';

beforeAll(async () => {
  http = await startHttp({ clock: manualClock(NOW) });
  ({ t, base } = http);
});

afterAll(async () => {
  await browser?.close();
  await http?.stop();
});

/** Bot bubbles so far: the next expectation only looks at newer ones. */
const botCount = (page: Page) => page.locator('.msg.bot').count();

async function waitForBot(page: Page, after: number, pattern: RegExp) {
  try {
    await page.waitForFunction(
      ([n, source, flags]) =>
        Array.from(document.querySelectorAll('.msg.bot')).slice(n).some((el) => new RegExp(source, flags).test(el.textContent ?? '')),
      [after, pattern.source, pattern.flags] as const,
      { timeout: 5000 },
    );
  } catch {
    const log = await page.locator('#log').innerText();
    throw new Error(`the page never said ${pattern} after bubble ${after}; it shows:\n${log.slice(-1500)}`);
  }
}

/** Taps the newest option button whose label is `label`. */
async function tap(page: Page, label: string, expected: RegExp) {
  const n = await botCount(page);
  await page.locator('.opts button').filter({ hasText: new RegExp(`^\\d+ ${label}$`) }).last().click();
  await waitForBot(page, n, expected);
}

async function type(page: Page, text: string, expected: RegExp) {
  const n = await botCount(page);
  await page.locator('#text').fill(text);
  await page.locator('#text').press('Enter');
  await waitForBot(page, n, expected);
}

/** The browser, started once for the file. */
async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: this test needs Debian's chromium. Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  }
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return browser;
}

describe('web chat page in chromium', () => {
  it('when a worker taps and types through a wage report on a phone, then the page shows the case number', async () => {
    const context = await (await launch()).newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // Failed requests are checked below with their address.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    });

    await page.goto(`${base}/`);
    expect(await page.title()).toMatch(/工友/);
    await waitForBot(page, 0, /您好，我是工友助手/);
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-start.png') });

    await tap(page, '反映欠薪', /您同意吗/);
    await tap(page, '同意', /单位叫什么/);
    await type(page, '青溪宏达建筑工程有限公司', /哪个镇或街道/);
    await type(page, '东龙', /东龙镇的哪个村或社区/);
    await tap(page, '新塘社区', /工程建设项目/);
    await tap(page, '是', /项目或工地/);
    await type(page, '青溪花园二期', /拖欠的是哪段时间/);
    await type(page, '今年9月到现在', /多少钱/);
    await type(page, '两万八千五', /多少人/);
    await type(page, '就我一个', /还在这家单位/);
    await tap(page, '已经离开', /什么时候离开/);
    await type(page, '上个月', /补充信息/);
    await type(page, '都跳过', /证据/);

    // Evidence through the 📎 file input, as a phone would pick a photo.
    const n = await botCount(page);
    await page.locator('#file').setInputFiles({ name: '工资条.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await waitForBot(page, n, /收到「工资条\.jpg」，共1份/);

    await type(page, '完成', /怎么称呼/);
    await type(page, '张三', /手机号/);
    await type(page, '13800138000', /请核对[\s\S]*拖欠金额：28,500元[\s\S]*证据材料：1份/);
    await tap(page, '确认提交', /提交成功！您的案件编号是 QX20261121-\d{4}/);

    const caseNo = (await page.locator('#log').innerText()).match(/QX20261121-\d{4}/)?.[0];
    expect(caseNo).toBeDefined();
    expect((await t!.core.cases.getByNo(caseNo!))?.evidence).toHaveLength(1);

    // Usable on a phone: nothing wider than the screen, the input bar on screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const send = await page.locator('#send').boundingBox();
    expect(send).not.toBeNull();
    expect(send!.x + send!.width).toBeLessThanOrEqual(390);
    expect(send!.y + send!.height).toBeLessThanOrEqual(844);
    expect(await page.locator('.msg.note').allInnerTexts()).toEqual([]);
    expect(problems).toEqual([]);

    await page.screenshot({ path: SCREENSHOT });
    await context.close();
    // A whole report typed in a browser: about 12 s on a quiet machine, more beside other files on two cores.
  }, 60_000);
  it('when the history catches up while a finger is on an option, then the tap still counts, once', async () => {
    const context = await (await launch()).newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    // The history the page fetches after each answer is held until the finger is down.
    let holding = false;
    const held: Route[] = [];
    await page.route(/\/api\/v1\/chat\/history\?after=/, (route) => (holding ? void held.push(route) : route.continue()));
    await page.goto(`${base}/`);
    await waitForBot(page, 0, /您好，我是工友助手/);
    holding = true;
    await tap(page, '反映欠薪', /您同意吗/);
    // The answer is on screen from the POST; its copy in the history has not come back yet.
    await expect.poll(() => held.length, { timeout: 5000 }).toBeGreaterThan(0);
    const option = page.locator('.opts button').filter({ hasText: /^1 同意$/ }).last();
    const box = (await option.boundingBox())!;
    const n = await botCount(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // The history arrives between the finger going down and coming up (the page once rebuilt the bubbles then, and the tap was lost).
    holding = false;
    const applied = page.waitForResponse(/\/api\/v1\/chat\/history\?after=/);
    for (const r of held.splice(0)) await r.continue();
    await applied;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    await page.mouse.up();
    await waitForBot(page, n, /单位叫什么/);
    // Taken once: one 同意 from the person, and the chat as the server keeps it agrees.
    await expect.poll(() => page.locator('.msg.me').allInnerTexts(), { timeout: 5000 }).toEqual(['反映欠薪', '同意']);
    await context.close();
  });
});
