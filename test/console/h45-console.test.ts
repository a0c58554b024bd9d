/*
 * The console's message line after a refusal (helper h45): a later action
 * that works clears it. The lawyer's agenda kept 「请选择日期。」 (or the
 * server's refusal of a day) after a good day was picked and its bookings
 * shown; 办结's over-claim refusal (a guard) gives way to 「已办结。」.
 * Debian's chromium over the real Koa app and a real-Redis core.
 */
import { type ConsoleBrowser, type Person, signInByLink, startConsole, stopConsole } from './support.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/index.js';
import { routeTo, staffChat, waitFor, wageCase } from '../staff/support.js';
import type { TestHttp } from '../support/http.js';

let http: TestHttp;
let browser: ConsoleBrowser;

beforeAll(async () => void ({ http, browser } = await startConsole()), 60_000);
afterAll(() => stopConsole({ http, browser }));

/** Signs in with an admin's one-time link. */
const signIn = (staffId: string): Promise<Person> => signInByLink({ http, browser }, staffId);

const notice = (p: Person) => p.page.locator('#notice');
/** Sets the agenda's day as the date picker does. */
const pickDay = (p: Person, value: string) =>
  p.page.locator('#agenda-day').evaluate((el: HTMLInputElement, v: string) => {
    el.value = v;
    el.dispatchEvent(new Event('change'));
  }, value);

describe('a refusal is not left standing once a later action works', () => {
  it('the agenda: 「请选择日期。」 is gone once a day is picked and shown', async () => {
    const lawyer = await signIn('lawyer-1');
    const day = await lawyer.page.locator('#agenda-day').inputValue();
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await pickDay(lawyer, '');
    await notice(lawyer).getByText('请选择日期。').waitFor();
    const shown = lawyer.page.waitForResponse((r) => r.url().includes(`/staff/bookings?day=${day}`) && r.ok());
    await pickDay(lawyer, day);
    await shown;
    await lawyer.page.locator('#agenda > *').first().waitFor();
    await expect.poll(() => notice(lawyer).isHidden()).toBe(true);
    expect(await notice(lawyer).textContent()).toBe('');
    expect(await lawyer.problems()).toEqual([]);
  }, 60_000);

  // guard: a form's refusal is replaced by its success (action() says the success).
  it('guard: 办结 refused for an over-claim, then sent with 金额已核实: only 「已办结。」 is shown', async () => {
    const core = http.t.core;
    const c: Case = await routeTo(core, await wageCase(core, { amount: 12000 }), 'gw-001');
    expect(await (await staffChat(core, 'gw-001'))(`接单 ${c.caseNo}`)).toMatch(/已接单/);
    await waitFor(core, c.id, (x) => x.status === 'accepted', 'accepted');
    const worker = await signIn('gw-001');
    await worker.page.goto(`${http.base}/console/#/case/${c.caseNo}`);
    await worker.page.locator(`#case[data-case="${c.caseNo}"]`).waitFor();
    await worker.page.locator('#act-resolve summary').click();
    await worker.page.locator('#act-resolve input[name=recovered]').fill('50000');
    await worker.page.locator('#act-resolve button[type=submit]').click();
    await worker.page.locator('#notice:not(.ok)').waitFor();
    expect(await notice(worker).textContent()).not.toBe('');
    await worker.page.locator('#act-resolve input[name=confirmed]').check();
    await worker.page.locator('#act-resolve button[type=submit]').click();
    await worker.page.locator('#notice.ok').getByText('已办结').waitFor();
    expect(await notice(worker).textContent()).toBe('已办结。');
  }, 90_000);
});
