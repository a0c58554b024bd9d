import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { QUEUES } from '../../core/infra/queues.js';
import { TEST_ENV } from '../support/core.js';
import { startHttp, type TestHttp } from '../support/http.js';

/**
 * The pages the app serves, in Debian's chromium under the app's strict
 * Content-Security-Policy: the web chat (its script and style are files),
 * the admin sign-in and the API docs break no rule; bull-board, behind the
 * sign-in, runs under its own policy with no script refused.
 */
const CHROMIUM = '/usr/bin/chromium';

let http: TestHttp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: this test needs Debian's chromium. Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  }
  http = await startHttp({ clock: manualClock('2026-11-21T10:00:00+08:00') });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

afterAll(async () => {
  await browser?.close();
  await http?.stop();
});

interface Watched {
  page: Page;
  /** `securitypolicyviolation` events: the directive and what was blocked. */
  violations(): Promise<{ directive: string; blocked: string }[]>;
  errors: string[];
}

async function watch(): Promise<Watched> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await context.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    (window as unknown as { __csp: typeof seen }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors, violations: () => page.evaluate(() => (window as unknown as { __csp: { directive: string; blocked: string }[] }).__csp) };
}

describe('pages under the strict CSP in chromium', () => {
  it('the web chat loads its script and style from files, answers a message, and breaks no rule', async () => {
    const w = await watch();
    await w.page.goto(`${http!.base}/`);
    await w.page.waitForSelector('.msg.bot', { timeout: 10_000 });
    // The stylesheet applied (the header's red), so chat.css loaded under the policy.
    expect(await w.page.$eval('header', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(200, 16, 46)');
    const before = await w.page.locator('.msg.bot').count();
    await w.page.locator('#text').fill('你好');
    await w.page.locator('#text').press('Enter');
    await w.page.waitForFunction((n) => document.querySelectorAll('.msg.bot').length > n, before, { timeout: 10_000 });
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('the admin sign-in and the API docs break no rule', async () => {
    const w = await watch();
    await w.page.goto(`${http!.base}/admin/sign-in`);
    expect(await w.page.$eval('main', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    await w.page.goto(`${http!.base}/api/docs`);
    await w.page.waitForSelector('section.op');
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('bull-board, after signing in with the form, shows every queue with no script refused', async () => {
    const w = await watch();
    await w.page.goto(`${http!.base}/admin/queues`);
    // Not signed in: the sign-in page.
    expect(new URL(w.page.url()).pathname).toBe('/admin/sign-in');
    await w.page.locator('#token').fill(TEST_ENV.ADMIN_TOKEN);
    await w.page.locator('button[type=submit]').click();
    await w.page.waitForURL(/\/admin\/queues/);
    for (const q of Object.values(QUEUES)) await w.page.getByText(q, { exact: false }).first().waitFor({ timeout: 15_000 });
    const violations = await w.violations();
    expect(violations.filter((v) => v.directive.startsWith('script'))).toEqual([]);
    // The only thing refused is bull-board's web font from Google (no CDN here; the page falls back to local fonts).
    expect(violations.filter((v) => !/fonts\.(googleapis|gstatic)\.com/.test(v.blocked))).toEqual([]);
    expect(w.errors.filter((e) => !/fonts\.googleapis\.com|Content Security Policy/.test(e))).toEqual([]);
  });
});
