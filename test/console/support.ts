/**
 * What the console's browser tests share: Debian's chromium, a person per
 * browser context (closed at the end), what a page did wrong (CSP
 * violations, page errors, console errors except the 4xx answers the tests
 * provoke, junk text such as `[object …]`, `null`, `undefined`), admin calls
 * and screenshots under var/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN, workingDayClock } from '../staff/support.js';
import { startHttp, type TestHttp } from '../support/http.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = new URL('../../var/screenshots/', import.meta.url).pathname;

export interface Person {
  page: Page;
  context: BrowserContext;
  /** Problems seen: CSP violations, page errors, console errors (except 4xx answers), junk text on the page. */
  problems(): Promise<string[]>;
}

export interface ConsoleBrowser {
  /** A new person at `width` px wide (a phone by default). */
  open(width?: number): Promise<Person>;
  close(): Promise<void>;
}

export async function launchConsoleBrowser(): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(SHOTS, { recursive: true });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const contexts: BrowserContext[] = [];
  return {
    async open(width = 375) {
      const context = await browser.newContext({ viewport: { width, height: 812 }, locale: 'zh-CN' });
      contexts.push(context);
      await context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __csp: string[] }).__csp = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        // Refusals the page shows (a wrong code, a broken directory, a signed-out call) are answers, not faults.
        if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`);
      });
      return {
        page,
        context,
        async problems() {
          const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [] as string[]);
          // What a page shows is text for people: never a stringified element, null or undefined.
          const shown = await page.locator('main').innerText().catch(() => '');
          const junk = /\[object \w+\]|null|undefined/.exec(shown);
          return [...csp.map((v) => `CSP: ${v}`), ...errors, ...(junk ? [`page shows ${junk[0]}: ${shown.slice(0, 200)}`] : [])];
        },
      };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** An admin call with the ADMIN_TOKEN. */
export async function adminPost(base: string, path: string, json: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(json) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A full-page screenshot at var/screenshots/console-<name>.png. */
export const shot = (p: Person, name: string) => p.page.screenshot({ path: `${SHOTS}console-${name}.png`, fullPage: true });

/** The app with its workers on a working day at 09:30 and one chromium: what a console file starts before its tests. */
export async function startConsole(): Promise<{ http: TestHttp; browser: ConsoleBrowser }> {
  const http = await startHttp({ workers: true, clock: workingDayClock('09:30') });
  try {
    return { http, browser: await launchConsoleBrowser() };
  } catch (err) {
    await http.stop();
    throw err;
  }
}

/** Stops what startConsole started (either may be missing when the start failed). */
export async function stopConsole(started: { http?: TestHttp; browser?: ConsoleBrowser }): Promise<void> {
  await started.browser?.close();
  await started.http?.stop();
}

/** Signs `staffId` in with a one-time link the admin made, in a fresh page of `width` (the default's otherwise): at their start page. */
export async function signInByLink(started: { http: TestHttp; browser: ConsoleBrowser }, staffId: string, width?: number): Promise<Person> {
  const r = await adminPost(started.http.base, '/api/v1/admin/console-links', { staffId });
  if (r.status !== 201) throw new Error(`console link for ${staffId}: HTTP ${r.status}`);
  const p = await started.browser.open(width);
  await p.page.goto(String(r.body.url));
  await p.page.locator('#me').waitFor();
  await p.page.locator('main h1').waitFor();
  return p;
}
