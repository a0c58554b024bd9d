/*
 * A close a supervisor sent back (`退回 QX… 原因` in WeChat): the grid worker's case page in the console says why, in
 * its facts and its timeline (the reason was kept on the case but shown only in the WeChat notice). An amount above
 * the claim is refused in the console's words (it told staff to add `"confirmed": true` to the API call).
 */
import { type ConsoleBrowser, type Person, signInByLink, startConsole, stopConsole } from './support.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTo, staffChat, waitFor, wageCase } from '../staff/support.js';
import type { TestHttp } from '../support/http.js';

let http: TestHttp;
let browser: ConsoleBrowser;

beforeAll(async () => void ({ http, browser } = await startConsole()), 60_000);
afterAll(() => stopConsole({ http, browser }));

const signIn = (staffId: string): Promise<Person> => signInByLink({ http, browser }, staffId, 375);

describe('closing a case in the console', () => {
  it('when the supervisor sends a close back with a reason, then the grid worker’s case page shows it in the facts and the timeline', async () => {
    const core = http.t.core;
    // A group case closed without money: it waits for the township supervisor's yes.
    const c = await routeTo(core, await wageCase(core, { headcount: 12, amount: 200000 }), 'gw-001');
    const gw = await staffChat(core, 'gw-001');
    expect(await gw(`接单 ${c.caseNo}`)).toMatch(/已接单/);
    expect(await gw(`办结 ${c.caseNo} 未追回 老板跑了 下一步 仲裁`)).toMatch(/已请对方审批/);
    const sup = await staffChat(core, 'sup-t01');
    expect(await sup(`退回 ${c.caseNo} 工资条还没收齐，请补齐再办结`)).not.toMatch(/不能|没有/);
    await waitFor(core, c.id, (x) => x.status === 'accepted' && x.closeReviews.length === 1, 'sent back');

    const worker = await signIn('gw-001');
    await worker.page.goto(`${http.base}/console/#/case/${c.caseNo}`);
    await worker.page.locator(`#case[data-case="${c.caseNo}"]`).waitFor();
    const facts = await worker.page.locator('dl.facts').innerText();
    expect(facts).toContain('办结被退回');
    expect(facts).toContain('工资条还没收齐，请补齐再办结');
    expect(await worker.page.locator('#timeline').innerText()).toContain('办结被退回：工资条还没收齐，请补齐再办结');
    expect(await worker.problems()).toEqual([]);
  });

  it('when the amount recovered is above the claim, then the refusal names the console’s checkbox and never the API', async () => {
    const core = http.t.core;
    const c = await routeTo(core, await wageCase(core, { amount: 12000 }), 'gw-001');
    const gw = await staffChat(core, 'gw-001');
    expect(await gw(`接单 ${c.caseNo}`)).toMatch(/已接单/);
    await waitFor(core, c.id, (x) => x.status === 'accepted', 'accepted');
    const worker = await signIn('gw-001');
    const page = worker.page;
    await page.goto(`${http.base}/console/#/case/${c.caseNo}`);
    await page.locator(`#case[data-case="${c.caseNo}"]`).waitFor();
    await page.locator('#act-resolve summary').click();
    await page.locator('#act-resolve input[name=recovered]').fill('20000');
    await page.locator('#act-resolve button[type=submit]').click();
    const notice = page.locator('#notice:not(.ok)').filter({ hasText: /比报告人反映的/ });
    await notice.waitFor();
    const said = await notice.innerText();
    expect(said).toContain('勾选「金额已核实」');
    expect(said).not.toMatch(/接口|confirmed/);
    expect((await core.cases.get(c.id))!.status).toBe('accepted');
  });
});
