/*
 * The web console (/console) in Debian's chromium under the app's strict CSP:
 * signing in for each role (a code sent in WeChat with 控制台, an admin's
 * one-time link, the ADMIN_TOKEN), a grid worker accepting and resolving a
 * case end to end while the supervisor's page updates live, a supervisor
 * seeing a lapse on the board and reassigning, the admin's charts carrying the
 * figures, another grid's case refused, revocation ending the session at once,
 * and a write from another origin refused. Screenshots of the main pages go
 * to var/screenshots/.
 */
import QRCode from 'qrcode';
import { adminPost as adminPostTo, shot, type ConsoleBrowser, type Person, startConsole, stopConsole } from './support.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/index.js';
import { releaseAssignment } from '../../core/cases/index.js';
import { route } from '../../core/cases/queue.js';
import { createAuth } from '../../core/auth/index.js';
import { setDuty } from '../../core/staff/index.js';
import { ADMIN, routeTo, staffChat, waitFor, wageCase } from '../staff/support.js';
import type { TestHttp } from '../support/http.js';


let http: TestHttp;
let browser: ConsoleBrowser;

beforeAll(async () => void ({ http, browser } = await startConsole()), 60_000);
afterAll(() => stopConsole({ http, browser }));

const open = (width?: number) => browser.open(width);

const adminPost = (path: string, json: unknown) => adminPostTo(http.base, path, json);

/** Signs in with a code the person got by sending 控制台 in WeChat. */
async function signInWithCode(staffId: string, width?: number): Promise<Person> {
  const say = await staffChat(http.t.core, staffId);
  const reply = await say('控制台');
  expect(reply).toMatch(/控制台登录码是 \d{6}，10分钟内有效/);
  const code = /(\d{6})/.exec(reply)![1]!;
  const p = await open(width);
  await p.page.goto(`${http.base}/console`);
  await p.page.locator('#code').fill(code);
  await p.page.locator('#sign-in button[type=submit]').click();
  await p.page.locator('#me').waitFor();
  return p;
}

/** Signs in with an admin's one-time link; with `once`, also checks that the link then no longer works. */
async function signInWithLink(staffId: string, width?: number, once = false): Promise<Person> {
  const r = await adminPost('/api/v1/admin/console-links', { staffId });
  expect(r.status).toBe(201);
  const url = String(r.body.url);
  expect(url).toMatch(/\/console\/#link=[A-Za-z0-9_-]{43}$/);
  const p = await open(width);
  await p.page.goto(url);
  await p.page.locator('#me').waitFor();
  if (once) {
    // The link works once.
    const again = await open();
    await again.page.goto(url);
    await again.page.getByText('登录链接无效或已失效').waitFor();
    await again.context.close();
  }
  return p;
}

async function signInAdmin(width = 1280): Promise<Person> {
  const p = await open(width);
  await p.page.goto(`${http.base}/console`);
  await p.page.getByRole('tab', { name: '管理员' }).click();
  await p.page.locator('#admin-token').fill(ADMIN);
  await p.page.locator('#sign-in button[type=submit]').click();
  await p.page.locator('#me[data-role=admin]').waitFor();
  return p;
}


async function addImage(c: Case): Promise<void> {
  const png = await QRCode.toBuffer('工友', { type: 'png' });
  const id = http.t.chat.evidence.save(png);
  await http.t.core.cases.update(c.id, 'test', (cur) => ({ record: { ...cur, evidence: [...cur.evidence, { id, name: '工资条.png', mediaType: 'image/png', size: png.length }] }, action: 'evidence', detail: id }));
}

describe('the web console', () => {
  it('signs in every role: a WeChat code, an admin link (once only), the ADMIN_TOKEN; a wrong code is refused', async () => {
    const p = await open();
    await p.page.goto(`${http.base}/console`);
    await shot(p, 'sign-in');
    await p.page.locator('#code').fill('000000');
    await p.page.locator('#sign-in button[type=submit]').click();
    await p.page.getByText('登录码不对或已失效').waitFor();

    const roles: [string, string][] = [
      ['gw-004', 'grid_worker'],
      ['sup-t02', 'township_supervisor'],
      ['dsup-1', 'district_supervisor'],
      ['liaison-1', 'procuratorate_liaison'],
      ['lawyer-1', 'union_lawyer'],
    ];
    const reviewer = [...http.t.core.directory.index().staffById.values()].find((s) => s.staff.role === 'union_reviewer');
    if (reviewer) roles.push([reviewer.staff.id, 'union_reviewer']);
    for (const [id, role] of roles) {
      // Each link works once: checked for the first (a page of its own costs seconds; the rule is the same for every role).
      const person = id === 'gw-004' ? await signInWithCode(id) : await signInWithLink(id, undefined, id === 'sup-t02');
      expect(await person.page.locator('#me').getAttribute('data-role')).toBe(role);
      // Each role lands on its own first page.
      await person.page.locator('main h1').waitFor();
      if (role === 'union_lawyer') {
        await person.page.locator('#agenda').waitFor();
        await shot(person, 'lawyer-agenda');
      }
      if (role === 'union_reviewer') await shot(person, 'reviewer-memberships');
      expect(await person.problems()).toEqual([]);
      // Chart.js (210 KB) is for the admin's dashboard only: no staff page fetches it.
      expect(await person.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/chart.js')))).toEqual([]);
      await person.context.close();
    }
    const admin = await signInAdmin();
    await admin.page.locator('#totals').waitFor();
    expect(await admin.problems()).toEqual([]);
    expect(await p.problems()).toEqual([]);
  }, 90_000);

  it('a grid worker accepts and resolves a case end to end, and the supervisor watching it sees each step live', async () => {
    const core = http.t.core;
    const c0 = await wageCase(core, { townshipId: 't01', gridId: 't01-g1', amount: 28500, headcount: { count: 5, approximate: true, upTo: 6 } });
    await routeTo(core, c0, 'gw-001');
    await addImage(c0);
    const worker = await signInWithCode('gw-001');
    const card = worker.page.locator(`#queue [data-case="${c0.caseNo}"]`);
    await card.waitFor();
    await expect.poll(() => card.locator('.countdown').textContent()).toMatch(/接单期限：剩/);
    await shot(worker, 'grid-queue');
    await card.click();
    await worker.page.locator(`#case[data-status=assigned]`).waitFor();
    // The evidence image is shown from the evidence download, the phone whole for the assignee.
    await expect.poll(() => worker.page.locator('#evidence img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await worker.page.locator('#phone').textContent()).toBe('13800138000');
    // The headcount as the reporter said it (五六个), not the lower figure alone.
    expect(await worker.page.locator('#case').textContent()).toContain('5至6人');
    // The months owed in words (the case's period: from 2026-09, still owed), never `2026-09 至 现在`.
    expect(await worker.page.locator('#case').textContent()).toContain('2026年9月至今（3个月）');

    const sup = await signInWithLink('sup-t01', 1280);
    await sup.page.goto(`${http.base}/console/#/case/${c0.caseNo}`);
    await sup.page.locator('#case[data-status=assigned]').waitFor();
    expect(await sup.page.locator('#phone').textContent()).toBe('138****8000');

    await worker.page.locator('#accept').click();
    await worker.page.locator('#case[data-status=accepted]').waitFor();
    await sup.page.locator('#case[data-status=accepted]').waitFor({ timeout: 5000 });
    await expect.poll(() => worker.page.locator('#case .countdown').textContent()).toMatch(/办结期限：剩/);
    await shot(worker, 'grid-case');

    await worker.page.locator('#act-note summary').click();
    await worker.page.locator('#act-note textarea').fill('已电话联系反映人，约定明天去工地');
    await worker.page.locator('#act-note button[type=submit]').click();
    await worker.page.locator('#timeline').getByText('已电话联系反映人').waitFor();

    await worker.page.locator('#act-resolve summary').click();
    await worker.page.locator('#act-resolve input[name=recovered]').fill('28500');
    await worker.page.locator('#act-resolve button[type=submit]').click();
    await worker.page.locator('#case[data-status=resolved]').waitFor();
    await sup.page.locator('#case[data-status=resolved]').waitFor({ timeout: 5000 });
    const done = await waitFor(core, c0.id, (c) => c.status === 'resolved', 'resolved');
    expect(done.outcome?.recovered).toBe(28500);
    expect(done.notes.map((n) => n.text)).toContain('已电话联系反映人，约定明天去工地');
    expect(await worker.problems()).toEqual([]);
    expect(await sup.problems()).toEqual([]);
  }, 90_000);

  it('a supervisor sees a lapsed case on the board and reassigns it', async () => {
    const core = http.t.core;
    const c0 = await wageCase(core, { townshipId: 't01', gridId: 't01-g2' });
    await routeTo(core, c0, 'gw-004');
    // The accept limit passed: taken from gw-004, routed again (to gw-005, the grid's other worker).
    await setDuty(core, 'gw-005', true);
    const released = await releaseAssignment(core, c0.id, 'gw-004', 'lapsed', '超时未接单，已改派');
    expect(released).not.toBeNull();
    await route(core, c0.id);
    const lapsed = await waitFor(core, c0.id, (c) => c.assignee?.staffId === 'gw-005', 'routed again');
    expect(lapsed.lapses).toBe(1);

    const sup = await signInWithLink('sup-t01');
    await sup.page.goto(`${http.base}/console/#/board`);
    const card = sup.page.locator(`#board-lapsed [data-case="${c0.caseNo}"]`);
    await card.waitFor();
    await shot(sup, 'supervisor-board');
    await card.click();
    await sup.page.locator('#act-reassign summary').click();
    // Routing's own candidates: never gw-004 (who let it lapse), nor gw-005 (who holds it).
    const options = await sup.page.locator('#act-reassign select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options).not.toContain('gw-004');
    expect(options).not.toContain('gw-005');
    expect(options).toContain('sup-t01');
    await sup.page.locator('#act-reassign select').selectOption('sup-t01');
    await sup.page.locator('#act-reassign textarea').fill('网格人手不足，由镇工会直接办理');
    await sup.page.locator('#act-reassign button[type=submit]').click();
    await sup.page.locator('#notice.ok').getByText('已改派').waitFor();
    const after = await waitFor(core, c0.id, (c) => c.assignee?.staffId === 'sup-t01', 'reassigned');
    expect(after.status).toBe('assigned');
    expect(after.lapsed).toEqual(expect.arrayContaining(['gw-004', 'gw-005']));
    // Now the supervisor holds it: accept is offered.
    await sup.page.locator('#accept').waitFor();
    expect(await sup.problems()).toEqual([]);
  }, 90_000);

  it("a grid worker who opens another grid's case is refused", async () => {
    const core = http.t.core;
    const other = await wageCase(core, { townshipId: 't02', gridId: 't02-g1' });
    const worker = await signInWithCode('gw-002');
    await worker.page.goto(`${http.base}/console/#/case/${other.caseNo}`);
    await worker.page.locator('#refused').getByText('无权查看').waitFor();
    expect(await worker.page.locator('#case').count()).toBe(0);
    const res = await worker.page.evaluate(async (no) => (await fetch(`/api/v1/console/staff/cases/${no}`)).status, other.caseNo);
    expect(res).toBe(403);
    expect(await worker.problems()).toEqual([]);
  });

  it("the admin's dashboard charts carry the figures, and the CSV opens in Excel (UTF-8 with a BOM)", async () => {
    const core = http.t.core;
    // A rating on the resolved case of the end-to-end test.
    const all = (await core.cases.recent()).filter((c) => c.kind === 'wage_arrears');
    const resolved = all.find((c) => c.status === 'resolved')!;
    await core.cases.update(resolved.id, 'test', (cur) => ({ record: { ...cur, ratings: ['satisfied'], satisfaction: 'satisfied' }, action: 'rated', detail: 'satisfied' }));
    const admin = await signInAdmin();
    await admin.page.locator('#chart-townships').waitFor();
    await admin.page.waitForFunction(() => !!(window as unknown as { Chart?: { getChart(c: HTMLCanvasElement): unknown } }).Chart?.getChart(document.getElementById('chart-satisfaction') as HTMLCanvasElement));
    const data = (id: string) =>
      admin.page.evaluate((cid) => {
        const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { labels: string[]; datasets: { label?: string; data: number[] }[] } } } }).Chart.getChart(document.getElementById(cid) as HTMLCanvasElement);
        return { labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) };
      }, id);
    const townships = await data('chart-townships');
    const i = townships.labels.indexOf('东龙镇');
    const j = townships.labels.indexOf('白沙镇');
    expect(townships.datasets[0]!.data[i]).toBe(all.filter((c) => c.location.townshipId === 't01').length);
    expect(townships.datasets[0]!.data[j]).toBe(all.filter((c) => c.location.townshipId === 't02').length);
    expect(townships.datasets[1]!.data[i]).toBe(1);
    const recovered = await data('chart-recovered');
    expect(recovered.datasets[0]!.data[recovered.labels.indexOf('东龙镇')]).toBe(28500);
    expect((await data('chart-satisfaction')).datasets[0]!.data).toEqual([1, 0, 0]);
    const months = await data('chart-months');
    expect(months.datasets[0]!.data.reduce((a, b) => a + b, 0)).toBe(all.length);
    const ontime = await data('chart-ontime');
    expect(ontime.datasets[0]!.data).toEqual([all.filter((c) => c.acceptedAt && !c.missed.includes('accept')).length, 1]);
    // The same figures in the page's data- attribute.
    expect(JSON.parse((await admin.page.locator('figure:has(#chart-townships)').getAttribute('data-chart'))!).datasets[0].data).toEqual(townships.datasets[0]!.data);
    await shot(admin, 'admin-dashboard');
    const csv = await admin.page.evaluate(async () => {
      const r = await fetch('/api/v1/console/admin/dashboard.csv');
      return { type: r.headers.get('content-type'), bytes: Array.from(new Uint8Array(await r.arrayBuffer())) };
    });
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(csv.bytes).toString('utf8');
    expect(text).toMatch(/东龙镇,\d+,\d+,\d+,1,1,1,1,\d+,28500/);
    expect(await admin.problems()).toEqual([]);
  }, 60_000);

  it('the admin issues console links and bind codes, and a broken directory shows every problem at its path', async () => {
    const admin = await signInAdmin(375);
    await admin.page.goto(`${http.base}/console/#/access`);
    await admin.page.locator('#staff-id').fill('gw-007');
    await admin.page.getByRole('button', { name: '生成工作台登录链接' }).click();
    expect(await admin.page.locator('#console-link').textContent()).toMatch(/\/console\/#link=/);
    await admin.page.getByRole('button', { name: '生成微信绑定码' }).click();
    expect(await admin.page.locator('#bind-code').textContent()).toMatch(/^\d{6}$/);
    await shot(admin, 'admin-access');
    await admin.page.goto(`${http.base}/console/#/directory`);
    const area = admin.page.locator('#directory-json');
    await area.waitFor();
    const dir = JSON.parse(await area.inputValue());
    dir.districts[0].townships[0].grids[0].workers[0].role = 'nobody';
    dir.districts[0].townships[0].supervisor.capacity = -1;
    // Typed in as one line: the page reads the box with JSON.parse, so the indentation it showed changes nothing; typing
    // the indented text (40 KB, two thousand lines) took chromium five to eight seconds, a line break at a time.
    await area.fill(JSON.stringify(dir));
    await admin.page.getByRole('button', { name: '保存名录' }).click();
    const problems = admin.page.locator('#problems li code');
    await problems.first().waitFor();
    const paths = await problems.allTextContents();
    expect(paths.some((p) => p.includes('districts[0].townships[0].grids[0].workers[0].role') || p.includes('districts.0.townships.0.grids.0.workers.0.role'))).toBe(true);
    expect(paths.length).toBeGreaterThanOrEqual(2);
    await shot(admin, 'admin-directory');
    expect(await admin.problems()).toEqual([]);
  }, 60_000);

  it('revokeStaff and 解绑 end a console session at once; signing out deletes it', async () => {
    const worker = await signInWithCode('gw-003');
    expect(await worker.page.evaluate(async () => (await fetch('/api/v1/console/staff/cases')).status)).toBe(200);
    // An open event stream, with no case changing meanwhile.
    const sessionCookie = (await worker.context.cookies()).find((c) => c.name === 'gy_console' && c.path === '/api/v1/console')!;
    const stream = await fetch(`${http.base}/api/v1/console/events`, { headers: { cookie: `gy_console=${sessionCookie.value}` } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(': connected');
    await createAuth(http.t.core).revokeStaff('gw-003');
    expect(await worker.page.evaluate(async () => (await fetch('/api/v1/console/staff/cases')).status)).toBe(401);
    // The stream ends by itself within a few seconds (it used to stay open until the next case change).
    const ended = await Promise.race([
      (async () => {
        for (;;) if ((await reader.read()).done) return true;
      })(),
      new Promise<false>((r) => setTimeout(() => r(false), 8000)),
    ]);
    expect(ended).toBe(true);
    await worker.page.reload();
    await worker.page.locator('#code').waitFor();

    // 解绑 in WeChat ends it too.
    const again = await signInWithCode('gw-006');
    const say = await staffChat(http.t.core, 'gw-006');
    expect(await say('解绑')).toMatch(/已解除绑定/);
    expect(await again.page.evaluate(async () => (await fetch('/api/v1/console/session')).status)).toBe(401);

    // Signing out: the same cookie no longer works even if kept.
    const third = await signInWithLink('gw-007');
    const cookie = (await third.context.cookies()).find((c) => c.name === 'gy_console' && c.path === '/api/v1/console')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await third.page.locator('#sign-out').click();
    await third.page.locator('#code').waitFor();
    const res = await fetch(`${http.base}/api/v1/console/session`, { headers: { cookie: `gy_console=${cookie.value}` } });
    expect(res.status).toBe(401);
  }, 60_000);

  it('a write from another origin is refused, the same write from the page goes through', async () => {
    const worker = await signInWithCode('gw-008');
    const cookie = (await worker.context.cookies()).find((c) => c.name === 'gy_console' && c.path === '/api/v1/console')!;
    const post = (headers: Record<string, string>) =>
      fetch(`${http.base}/api/v1/console/staff/duty`, { method: 'POST', headers: { cookie: `gy_console=${cookie.value}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ onDuty: false }) });
    const foreign = await post({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toMatch(/本站/);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const signOut = await fetch(`${http.base}/api/v1/console/sign-out`, { method: 'POST', headers: { cookie: `gy_console=${cookie.value}`, origin: 'https://evil.example' } });
    expect(signOut.status).toBe(403);
    // From the page itself (same origin): accepted. The duty state comes late (a busy server): a click as soon
    // as the page is drawn waits for it, and does what the button said, not the opposite.
    await worker.page.route('**/api/v1/console/staff/me', async (r) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      await r.continue();
    });
    await worker.page.reload();
    await worker.page.locator('#me').waitFor();
    await worker.page.locator('#duty').click();
    await worker.page.locator('#notice.ok').getByText('已设为休息').waitFor();
    await worker.page.locator('#duty[data-on="0"]').waitFor();
    expect(await worker.problems()).toEqual([]);
  }, 60_000);
});
