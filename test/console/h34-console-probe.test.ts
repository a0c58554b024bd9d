/*
 * What a fresh probe of the console found as staff really use it, in
 * Debian's chromium at phone size (375 px): an amount typed by hand in the
 * 办结 form (「2万5」 once became 25元 in a number box), what is missing from
 * 办结 said before anything is sent, the API's field names (`reason`,
 * `recovered`) kept out of what staff read, 退回 and 退出 saying they were
 * done, a long note refused whole rather than cut at 500 characters without
 * a word, a long unbroken note not widening the page, a login code typed with
 * full-width digits, an emptied agenda date, the holiday calendar's sources
 * in words and its example year not saved as it stands, and 改派's choices
 * without nested brackets.
 */
import { adminPost as adminPostTo, type ConsoleBrowser, type Person, signInByLink, startConsole, stopConsole } from './support.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/index.js';
import { membersOf } from '../../core/membership/store.js';
import { courierUpToReview, reviewed } from '../membership/support.js';
import { ADMIN, routeTo, staffChat, waitFor, wageCase } from '../staff/support.js';
import type { TestHttp } from '../support/http.js';

let http: TestHttp;
let browser: ConsoleBrowser;

beforeAll(async () => void ({ http, browser } = await startConsole()), 60_000);
afterAll(() => stopConsole({ http, browser }));

const adminPost = (path: string, json: unknown) => adminPostTo(http.base, path, json);

/** Signs in with an admin's one-time link (a phone by default). */
const signIn = (staffId: string, width?: number): Promise<Person> => signInByLink({ http, browser }, staffId, width);

async function signInAdmin(): Promise<Person> {
  const p = await browser.open();
  await p.page.goto(`${http.base}/console`);
  await p.page.getByRole('tab', { name: '管理员' }).click();
  await p.page.locator('#admin-token').fill(ADMIN);
  await p.page.locator('#sign-in button[type=submit]').click();
  await p.page.locator('#me[data-role=admin]').waitFor();
  return p;
}

/** A wage case of 12,000元 in 东龙镇第一网格, routed to gw-001 and, unless `accept` is false, accepted by them in WeChat. */
async function gw001Case(accept = true): Promise<Case> {
  const core = http.t.core;
  const c = await routeTo(core, await wageCase(core, { amount: 12000 }), 'gw-001');
  if (!accept) return c;
  const say = await staffChat(core, 'gw-001');
  expect(await say(`接单 ${c.caseNo}`)).toMatch(/已接单/);
  return waitFor(core, c.id, (x) => x.status === 'accepted', 'accepted');
}

async function openCase(p: Person, c: Case) {
  await p.page.goto(`${http.base}/console/#/case/${c.caseNo}`);
  await p.page.locator(`#case[data-case="${c.caseNo}"]`).waitFor();
}

const noticeText = (p: Person) => p.page.locator('#notice').textContent();
/** What staff read never names an API field (`recovered`, `reason`, `nextStep.kind`…). */
const API_WORDS = /\b(recovered|reason|text|days|outcome|staffId|nextStep|unit|followUpOn|confirmed)\b/;

describe('a fresh probe of the console', () => {
  it('办结: an amount typed by hand is read as written or refused with what to write; nothing half-understood is recorded', async () => {
    const core = http.t.core;
    const c = await gw001Case();
    const worker = await signIn('gw-001');
    const { page } = worker;
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/resolve')) posts.push(r.postData() ?? '');
    });
    await openCase(worker, c);
    await page.locator('#act-resolve summary').click();
    const amount = page.locator('#act-resolve input[name=recovered]');
    const submit = page.locator('#act-resolve button[type=submit]');
    const refused = async (message: RegExp) => {
      await submit.click();
      await page.locator('#notice:not(.ok)').filter({ hasText: message }).waitFor();
      expect(await noticeText(worker)).not.toMatch(API_WORDS);
    };

    // 「2万5」 as a worker types it: a number box kept 25 of it, and the case was closed with 25元.
    await amount.pressSequentially('2万5');
    await refused(/追回金额请只写数字（单位：元），例如 25000；您填的是「2万5」/);
    // What was typed stays there to be corrected.
    expect(await amount.inputValue()).toBe('2万5');
    for (const typed of ['1e12', '-5']) {
      await amount.fill(typed);
      await refused(/追回金额请只写数字/);
    }
    await amount.fill('99999999');
    await refused(/追回金额最多填1000万元/);

    // Nothing filled in, both filled in, no next step, a transfer without its unit or date: said before sending.
    await amount.fill('');
    await refused(/^请填写追回金额；没有追回的，请写明原因并选择下一步。$/);
    await amount.fill('5000');
    await page.locator('#act-resolve textarea[name=reason]').fill('部分追回');
    await refused(/追回了钱就不用填「未追回的原因」/);
    await amount.fill('');
    await refused(/请在「下一步」里选一项/);
    await page.locator('#act-resolve select[name=kind]').selectOption('transfer');
    await refused(/请写上移交单位/);
    await page.locator('#act-resolve input[name=unit]').fill('青溪区劳动保障监察大队');
    await refused(/请选择跟进日期/);
    expect(posts).toEqual([]);
    expect((await core.cases.get(c.id))!.status).toBe('accepted');

    // Full-width digits, a thousands comma and 元, as a Chinese keyboard writes them: 12,000元.
    await page.locator('#act-resolve textarea[name=reason]').fill('');
    await page.locator('#act-resolve select[name=kind]').selectOption('');
    await amount.fill('１２,０００元');
    await submit.click();
    await page.locator('#notice.ok').getByText('已办结').waitFor();
    expect(posts.map((p) => JSON.parse(p))).toEqual([{ recovered: 12000 }]);
    const done = await waitFor(core, c.id, (x) => x.status === 'resolved', 'resolved');
    expect(done.outcome?.recovered).toBe(12000);
    expect(await worker.problems()).toEqual([]);
  }, 60_000);

  it("a server's refusal is worded without the API's field names (a reviewer's reason of spaces only)", async () => {
    const core = http.t.core;
    // The union reviewer rejects with a reason of spaces only (the browser's `required` lets it through).
    const user = 'web:h34-courier';
    await courierUpToReview(http.t.chat, user).send('确认').expect(/入会申请已提交/);
    const m = await reviewed(core, user);
    const reviewer = await signIn(m.reviewer!.staffId);
    await reviewer.page.locator(`#act-reject-${m.appNo} summary`).click();
    await reviewer.page.locator(`#act-reject-${m.appNo} textarea`).fill('   ');
    await reviewer.page.locator(`#act-reject-${m.appNo} button[type=submit]`).click();
    await reviewer.page.locator('#notice:not(.ok)').getByText('不能为空').waitFor();
    expect(await noticeText(reviewer)).toBe('原因不能为空：驳回要写明原因');
    expect((await membersOf(core).get(m.id))!.status).toBe('pending');
  }, 60_000);

  it('a note pasted over 500 characters is refused whole and kept to shorten, not cut at 500 without a word', async () => {
    const core = http.t.core;
    const c = await gw001Case();
    const worker = await signIn('gw-001');
    await openCase(worker, c);
    await worker.page.locator('#act-note summary').click();
    const long = `${'老板说月底一定结清，'.repeat(60)}`;
    expect(long.length).toBe(600);
    await worker.page.locator('#act-note textarea').fill(long);
    await worker.page.locator('#act-note button[type=submit]').click();
    await worker.page.locator('#notice:not(.ok)').getByText('内容不能超过500字').waitFor();
    expect(await worker.page.locator('#act-note textarea').inputValue()).toBe(long);
    expect((await core.cases.get(c.id))!.notes).toEqual([]);
  }, 60_000);

  it('退回 lands on the list saying it was done; 退出 says so too', async () => {
    const core = http.t.core;
    const c = await gw001Case(false);
    const worker = await signIn('gw-001');
    await openCase(worker, c);
    await worker.page.locator('#act-decline summary').click();
    await worker.page.locator('#act-decline textarea').fill('不是我们网格的，请改派');
    await worker.page.locator('#act-decline button[type=submit]').click();
    await worker.page.waitForURL(/#\/cases$/);
    await worker.page.locator('main h1').getByText('我的案件').waitFor();
    await worker.page.locator('#notice.ok').getByText('已退回，会重新分派。').waitFor();
    await waitFor(core, c.id, (x) => x.assignee?.staffId !== 'gw-001', 'declined');

    await worker.page.locator('#sign-out').click();
    await worker.page.locator('#sign-in').waitFor();
    await worker.page.locator('#notice.ok').getByText('您已退出登录。').waitFor();
    expect(await worker.problems()).toEqual([]);
  }, 60_000);

  it('a long unbroken note (a pasted link) does not widen the page at 375 px', async () => {
    const c = await gw001Case();
    const worker = await signIn('gw-001', 375);
    await openCase(worker, c);
    await worker.page.locator('#act-note summary').click();
    const link = `https://example.com/${'a'.repeat(300)}`;
    await worker.page.locator('#act-note textarea').fill(link);
    await worker.page.locator('#act-note button[type=submit]').click();
    await worker.page.locator('#timeline').getByText(link).waitFor();
    expect(await worker.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }, 60_000);

  it('a login code typed with full-width digits (a Chinese keyboard) signs in', async () => {
    const say = await staffChat(http.t.core, 'gw-002');
    const code = /(\d{6})/.exec(await say('控制台'))![1]!;
    const p = await browser.open();
    await p.page.goto(`${http.base}/console`);
    await p.page.locator('#code').fill(code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
    await p.page.locator('#sign-in button[type=submit]').click();
    await p.page.locator('#me[data-role=grid_worker]').waitFor();
  }, 60_000);

  it('an emptied date on the agenda asks for a date instead of sending one the server refuses', async () => {
    const lawyer = await signIn('lawyer-1');
    const gets: string[] = [];
    lawyer.page.on('request', (r) => {
      if (r.url().includes('/staff/bookings')) gets.push(r.url());
    });
    await lawyer.page.locator('#agenda-day').evaluate((el: HTMLInputElement) => {
      el.value = '';
      el.dispatchEvent(new Event('change'));
    });
    await lawyer.page.locator('#notice').getByText('请选择日期。').waitFor();
    expect(gets).toEqual([]);
  }, 60_000);

  it("the holiday calendar names its sources in words, and its example year is not saved as it stands", async () => {
    const admin = await signInAdmin();
    await admin.page.goto(`${http.base}/console/#/calendar`);
    await admin.page.locator('#year-json').waitFor();
    const table = await admin.page.locator('table').innerText();
    expect(table).not.toMatch(/chinese-days|none|directory/);
    expect(table).toMatch(/内置数据（国务院办公厅通知）|没有数据（只按周末和法定节日计算）/);
    const year = await admin.page.locator('#year').inputValue();
    const before = http.t.core.directory.index().directory.calendar.years[year];
    await admin.page.getByRole('button', { name: '保存这一年' }).click();
    await admin.page.locator('#calendar-result').getByText('这是示例').waitFor();
    expect(http.t.core.directory.index().directory.calendar.years[year]).toEqual(before);
    const saved = await fetch(`${http.base}/api/v1/admin/calendar`, { headers: { authorization: `Bearer ${ADMIN}` } }).then((r) => r.json());
    expect(saved.calendar.years[year]).toEqual(before);
  }, 60_000);

  it("改派's choices and the header read without brackets inside brackets", async () => {
    const c = await routeTo(http.t.core, await wageCase(http.t.core, { amount: 5000 }), 'gw-001');
    const sup = await signIn('sup-t01');
    expect(await sup.page.locator('#me').textContent()).toBe('陈秀兰 · 镇（街道）工会负责人');
    await openCase(sup, c);
    await sup.page.locator('#act-reassign summary').click();
    const labels = await sup.page.locator('#act-reassign select option').evaluateAll((os) => os.map((o) => o.textContent ?? ''));
    expect(labels.some((l) => /^陈秀兰 · 镇（街道）（本人） · 在办\d+件$/.test(l))).toBe(true);
    for (const l of labels) expect(l).not.toMatch(/（[^）]*（/);
    expect(await sup.problems()).toEqual([]);
  }, 60_000);
});
