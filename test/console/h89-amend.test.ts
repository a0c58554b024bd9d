/*
 * 更正 in the web console (helper h89): on an open wage case's page, the
 * assignee — or a supervisor of the case's township or district, as
 * core/cases/work.ts amendCase allows — corrects the amount owed, the
 * employer or the reporter's phone. The server alone checks the value
 * (core/infra/amend.ts); its refusal (400, 409) is shown under the field
 * and above, and nothing changes; a correction shows the new value (a phone
 * masked for whoever sees it masked), the facts and the 办理经过 line. Who
 * may not amend, and a resolved case, show no 更正. Debian's chromium over
 * the real Koa app and a real-Redis core with the workers.
 */
import { type ConsoleBrowser, type Person, shot, signInByLink, startConsole, stopConsole } from './support.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/index.js';
import { unseal } from '../../core/infra/privacy.js';
import { PHONE, routeTo, staffChat, waitFor, wageCase } from '../staff/support.js';
import type { TestHttp } from '../support/http.js';

let http: TestHttp;
let browser: ConsoleBrowser;

beforeAll(async () => void ({ http, browser } = await startConsole()), 60_000);
afterAll(() => stopConsole({ http, browser }));

const GW = 'gw-001'; // 东龙镇第一网格
const OTHER_GW = 'gw-002';
const SUP = 'sup-t01'; // 东龙镇

const signIn = (staffId: string): Promise<Person> => signInByLink({ http, browser }, staffId);
const get = async (c: Case) => (await http.t.core.cases.get(c.id))!;

/** A wage case of `amount` routed to gw-001 and accepted by them. */
async function acceptedCase(amount = 12000): Promise<Case> {
  const core = http.t.core;
  const c = await routeTo(core, await wageCase(core, { amount }), GW);
  expect(await (await staffChat(core, GW))(`接单 ${c.caseNo}`)).toMatch(/已接单/);
  return waitFor(core, c.id, (x) => x.status === 'accepted', 'accepted');
}

/** `p` at the case's page, drawn. */
async function openCase(p: Person, c: Case) {
  await p.page.goto(`${http.base}/console/#/case/${c.caseNo}`);
  await p.page.locator(`#case[data-case="${c.caseNo}"]`).waitFor();
}

/** Opens 更正, picks the field, types the value and sends it; waits for the server's answer. */
async function amend(p: Person, field: 'amount' | 'employer' | 'phone', value: string) {
  const form = p.page.locator('#act-amend');
  if (!(await form.evaluate((d: HTMLDetailsElement) => d.open))) await form.locator('summary').click();
  await form.locator('select[name=field]').selectOption(field);
  await form.locator('input[name=value]').fill(value);
  const answered = p.page.waitForResponse((r) => r.url().endsWith(`/amend`) && r.request().method() === 'POST');
  await form.locator('button[type=submit]').click();
  return (await answered).status();
}

const notice = (p: Person) => p.page.locator('#notice');
const factsText = (p: Person) => p.page.locator('.facts').innerText();

describe('更正 on the console case page', () => {
  it('the assignee corrects the amount: the answer, the facts and the 办理经过 line show 28,500元', async () => {
    const c = await acceptedCase(12000);
    const worker = await signIn(GW);
    await openCase(worker, c);
    expect(await factsText(worker)).toContain('12,000元');
    expect(await amend(worker, 'amount', '28500')).toBe(200);
    await worker.page.locator('#notice.ok').getByText('已更正：金额改为28,500元').waitFor();
    await expect.poll(() => factsText(worker)).toContain('28,500元');
    await expect.poll(() => worker.page.locator('#timeline').innerText()).toContain('工作人员把案件里的欠薪金额改为28,500元');
    // The form is drawn afresh, closed: no leftover value or refusal.
    expect(await worker.page.locator('#act-amend').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await worker.page.locator('#amend-error').isHidden()).toBe(true);
    expect((await get(c)).wage!.amount).toBe(28500);
    // The employer as well, by the same form.
    expect(await amend(worker, 'employer', '青溪顺发物流有限公司（河西分公司）')).toBe(200);
    await notice(worker).getByText('已更正：用人单位改为「青溪顺发物流有限公司（河西分公司）」').waitFor();
    await expect.poll(() => factsText(worker)).toContain('青溪顺发物流有限公司（河西分公司）');
    expect((await get(c)).wage!.employer).toBe('青溪顺发物流有限公司（河西分公司）');
    expect(await worker.problems()).toEqual([]);
  }, 90_000);

  it('a bad value (两三万, empty, the same amount) shows the reason under the field and changes nothing', async () => {
    const c = await acceptedCase(12000);
    const before = await get(c);
    const worker = await signIn(GW);
    await openCase(worker, c);
    const refused = worker.page.locator('#amend-error');

    expect(await amend(worker, 'amount', '两三万')).toBe(400);
    await refused.getByText('不能是大概或范围').waitFor();
    expect(await notice(worker).textContent()).toContain('不能是大概或范围');
    expect(await notice(worker).getAttribute('class')).not.toContain('ok');
    // What was typed stays to be put right.
    expect(await worker.page.locator('#act-amend input[name=value]').inputValue()).toBe('两三万');

    expect(await amend(worker, 'amount', '')).toBe(400);
    await refused.getByText('还没写金额').waitFor();
    expect(await refused.textContent()).not.toContain('不能是大概或范围');

    expect(await amend(worker, 'phone', '1391234')).toBe(400);
    await refused.getByText('不是有效的手机号').waitFor();

    // 409: the amount it already is.
    expect(await amend(worker, 'amount', '12000')).toBe(409);
    await refused.getByText('不用更正').waitFor();
    await shot(worker, 'h89-amend-refused');

    const after = await get(c);
    expect(after.wage).toEqual(before.wage);
    expect(after.reporter.phoneSealed && unseal(http.t.core.config.DATA_KEY, after.reporter.phoneSealed)).toBe(PHONE);
    expect(after.history).toHaveLength(before.history.length);
    expect(await factsText(worker)).toContain('12,000元');
    // A field picked afresh clears the last refusal.
    await worker.page.locator('#act-amend select[name=field]').selectOption('employer');
    expect(await refused.isHidden()).toBe(true);
    expect(await worker.problems()).toEqual([]);
  }, 90_000);

  it('a supervisor of the township may amend (the phone shown masked); a grid worker not assigned sees no 更正', async () => {
    const c = await acceptedCase(12000);
    const sup = await signIn(SUP);
    await openCase(sup, c);
    expect(await amend(sup, 'phone', '139 1234 5678')).toBe(200);
    await notice(sup).getByText('已更正：反映人电话改为139****5678').waitFor();
    expect(await notice(sup).textContent()).not.toContain('13912345678');
    await expect.poll(() => sup.page.locator('#phone').textContent()).toBe('139****5678');
    const stored = (await get(c)).reporter.phoneSealed!;
    expect(unseal(http.t.core.config.DATA_KEY, stored)).toBe('13912345678');
    // The assignee, who calls back, sees it whole.
    const worker = await signIn(GW);
    await openCase(worker, c);
    expect(await worker.page.locator('#phone').textContent()).toBe('13912345678');

    // guard: a grid worker of the same grid, not assigned, may not even see the case: no 更正.
    const other = await signIn(OTHER_GW);
    await other.page.goto(`${http.base}/console/#/case/${c.caseNo}`);
    await other.page.locator('#refused').waitFor();
    expect(await other.page.locator('#act-amend').count()).toBe(0);
    expect(await sup.problems()).toEqual([]);
  }, 90_000);

  it('the assignee sees 更正 while the case is open and none once it is resolved', async () => {
    const c = await acceptedCase(12000);
    const worker = await signIn(GW);
    await openCase(worker, c);
    await worker.page.locator('#act-amend').waitFor();
    await worker.page.locator('#act-resolve summary').click();
    await worker.page.locator('#act-resolve input[name=recovered]').fill('12000');
    await worker.page.locator('#act-resolve button[type=submit]').click();
    await worker.page.locator('#notice.ok').getByText('已办结').waitFor();
    await worker.page.locator('#case[data-status="resolved"]').waitFor();
    expect(await worker.page.locator('#act-amend').count()).toBe(0);
    // Opened afresh, the same.
    await worker.page.reload();
    await worker.page.locator('#case[data-status="resolved"]').waitFor();
    expect(await worker.page.locator('#act-amend').count()).toBe(0);
    expect(await worker.problems()).toEqual([]);
  }, 90_000);
});
