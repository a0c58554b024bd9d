/*
 * The console pages of the roles console.test.ts does not click through, in
 * Debian's chromium under the app's strict CSP: the procuratorate liaison
 * taking a referral (受理, then 记录结果) and refusing another (不予支持 with a
 * reason); the union reviewer approving one membership application and
 * rejecting another; a lawyer marking today's bookings 已完成 and 爽约 (asked again first); the
 * supervisor's board following a case live over Server-Sent Events; a grid
 * worker's 上班/休息. Every action is checked in the store (or the staff API)
 * as well as on the page, and no page may show a CSP violation or an error.
 *
 * A live refresh of a case page keeps a form being filled in (the liaison's
 * 不予支持 reason survives a note the grid worker adds meanwhile).
 *
 * The clock stands still on a working morning of the suite's day (the first
 * on which lawyer-1 keeps two slots at the district's legal-aid station),
 * and each test moves it forward: bookings are made at 08:00, everything
 * else happens from 10:00 on.
 */
import { adminPost as adminPostTo, launchConsoleBrowser, shot, type ConsoleBrowser, type Person } from './support.js';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/index.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { chinaDay, chinaInstant } from '../../core/infra/time.js';
import { createBookings } from '../../core/legal-aid/store.js';
import { membersOf } from '../../core/membership/store.js';
import { dutyOverrides } from '../../core/staff/index.js';
import { QINGXI_LEGAL, atOf, bookDirect, freeSlots } from '../legal-aid/helpers.js';
import { WANG, ZHANG, courierUpToReview, reviewed } from '../membership/support.js';
import { routeTo, waitFor, wageCase, workingDayAt } from '../staff/support.js';
import { startHttp, type TestHttp } from '../support/http.js';


let http: TestHttp;
let browser: ConsoleBrowser;
let clock: ManualClock;
/** The scenario's day (Beijing `YYYY-MM-DD`). */
let day: string;

/** Moves the app's clock to `hhmm` (Beijing) on the scenario's day. */
const at = (hhmm: string) => clock.set(chinaInstant(day, hhmm));

/** lawyer-1's free slots at 青溪区法律援助工作站 on the day of `now`. */
async function lawyerSlotsOn(now: Date) {
  return (await freeSlots(http.t.core, { help: 'lawyer', pointId: QINGXI_LEGAL, now })).filter((s) => s.day === chinaDay(now) && s.key.startsWith('lawyer-1@'));
}

beforeAll(async () => {
  clock = manualClock(workingDayAt('08:00'));
  http = await startHttp({ workers: true, clock });
  // A working morning on which lawyer-1 still has two slots to book (a working Saturday may have none).
  for (let offset = 0; offset < 10; offset++) {
    const morning = workingDayAt('08:00', offset);
    if ((await lawyerSlotsOn(morning)).length >= 2) {
      day = chinaDay(morning);
      break;
    }
  }
  if (!day) throw new Error('no working morning in the next ten working days with two free slots of lawyer-1 at the district station');
  at('08:00');
  browser = await launchConsoleBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await http?.stop();
});

const open = (width?: number) => browser.open(width);

const adminPost = (path: string, json: unknown) => adminPostTo(http.base, path, json);

/** Signs in with an admin's one-time link; the person lands on their role's first page. */
async function signIn(staffId: string, width?: number): Promise<Person> {
  const r = await adminPost('/api/v1/admin/console-links', { staffId });
  expect(r.status).toBe(201);
  const p = await open(width);
  await p.page.goto(String(r.body.url));
  await p.page.locator('#me').waitFor();
  await p.page.locator('main h1').waitFor();
  return p;
}

const tokens = new Map<string, string>();
/** A call to the staff API (`/api/v1/staff/*`) with the staff member's own token. */
async function staffApi(staffId: string, method: 'GET' | 'POST', path: string, json?: unknown) {
  let token = tokens.get(staffId);
  if (!token) {
    const r = await adminPost('/api/v1/admin/staff-tokens', { staffId });
    expect(r.status).toBe(201);
    token = String(r.body.token);
    tokens.set(staffId, token);
  }
  const res = await fetch(`${http.base}/api/v1/staff${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}


/** A wage case in 东龙镇 routed to gw-001, accepted by them and referred to the procuratorate, all through the staff API. */
async function referredCase(amount: number, reason: string): Promise<Case> {
  const core = http.t.core;
  const c = await routeTo(core, await wageCase(core, { townshipId: 't01', gridId: 't01-g1', amount }), 'gw-001');
  expect((await staffApi('gw-001', 'POST', `/cases/${c.caseNo}/accept`)).status).toBe(200);
  const r = await staffApi('gw-001', 'POST', `/cases/${c.caseNo}/refer`, { reason });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return waitFor(core, c.id, (x) => x.status === 'referred' && x.referral?.status === 'pending', 'referred');
}

describe('the console for each role', () => {
  it("a lawyer marks one of today's bookings 已完成 and another 爽约 on the day's agenda", async () => {
    at('08:00');
    const [s1, s2] = await lawyerSlotsOn(clock.now());
    const a = await bookDirect(http.t.core, http.t.chat, { staffId: 'lawyer-1', pointId: QINGXI_LEGAL, at: atOf(s1!), name: '张三', phone: '13800138000' });
    const b = await bookDirect(http.t.core, http.t.chat, { staffId: 'lawyer-1', pointId: QINGXI_LEGAL, at: atOf(s2!), name: '李四', phone: '13800138001', forWhom: '父亲' });
    // After both appointments' times: either may be recorded now.
    clock.set(new Date(Date.parse(s2!.end) + 10 * 60_000));

    const lawyer = await signIn('lawyer-1');
    expect(await lawyer.page.locator('#agenda-day').inputValue()).toBe(day);
    const card = (name: string) => lawyer.page.locator('#agenda .card', { hasText: name });
    await card('张三').waitFor();
    await card('李四').waitFor();
    expect(await card('张三').textContent()).toContain('13800138000');
    // 李四 booked for his father: the lawyer reads who comes; 张三's own booking says nothing of the kind.
    expect(await card('李四').locator('.for-whom').textContent()).toBe('为父亲预约，本人到场；下面是预约人的联系方式');
    expect(await card('张三').locator('.for-whom').count()).toBe(0);
    await shot(lawyer, 'lawyer-agenda-today');

    // A double click sends it once: the button is disabled while the request runs.
    const posts: string[] = [];
    lawyer.page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/console/staff/bookings/')) posts.push(r.url().replace(/^.*\/bookings\//, ''));
    });
    await card('张三').getByRole('button', { name: '已完成' }).dblclick();
    await lawyer.page.locator('#notice.ok').getByText('已标记完成').waitFor();
    // Marked: no buttons any more on that card; the other still has both.
    await expect.poll(() => card('张三').getByRole('button').count()).toBe(0);
    expect(await card('李四').getByRole('button').count()).toBe(2);

    // 爽约 tells the worker and cannot be undone: the first click only asks, on the button itself.
    await card('李四').getByRole('button', { name: '爽约' }).click();
    await card('李四').getByRole('button', { name: '确认爽约？再点一次' }).waitFor();
    expect(posts).toEqual([`${a.bookingNo}/done`]);
    await card('李四').getByRole('button', { name: '确认爽约？再点一次' }).click();
    await lawyer.page.locator('#notice.ok').getByText('已标记爽约').waitFor();
    await expect.poll(() => card('李四').getByRole('button').count()).toBe(0);

    expect(posts).toEqual([`${a.bookingNo}/done`, `${b.bookingNo}/no-show`]);
    expect(await lawyer.page.locator('#notice').getAttribute('class')).toBe('ok');

    const store = createBookings(http.t.core);
    expect((await store.get(a.id))!.status).toBe('done');
    expect((await store.get(b.id))!.status).toBe('no_show');
    const agenda = await staffApi('lawyer-1', 'GET', `/bookings?day=${day}`);
    expect(agenda.body.bookings.map((x: { bookingNo: string; status: string }) => [x.bookingNo, x.status])).toEqual([
      [a.bookingNo, 'done'],
      [b.bookingNo, 'no_show'],
    ]);
    expect(agenda.body.bookings.map((x: { forWhom: string | null }) => x.forWhom)).toEqual([null, '父亲']);
    expect(await lawyer.problems()).toEqual([]);
  }, 60_000);

  it('the procuratorate liaison takes one referral (受理, then 记录结果) and refuses another (不予支持 with a reason)', async () => {
    at('10:15');
    const core = http.t.core;
    const taken = await referredCase(28500, '调解不成，老板拒不支付，农民工');
    const refused = await referredCase(12000, '调解不成，超龄务工人员');

    const liaison = await signIn('liaison-1', 1280);
    expect(await liaison.page.locator('#me').getAttribute('data-role')).toBe('procuratorate_liaison');
    // Both are on the liaison's list of referred cases.
    await liaison.page.locator(`#queue [data-case="${taken.caseNo}"]`).waitFor();
    await liaison.page.locator(`#queue [data-case="${refused.caseNo}"]`).waitFor();

    // 受理
    await liaison.page.locator(`#queue [data-case="${taken.caseNo}"]`).click();
    await liaison.page.locator(`#case[data-case="${taken.caseNo}"][data-status=referred]`).waitFor();
    // The liaison calls back: the whole phone number.
    expect(await liaison.page.locator('#phone').textContent()).toBe('13800138000');
    await shot(liaison, 'liaison-referral');
    await liaison.page.locator('#referral-accept').click();
    await liaison.page.locator('#notice.ok').getByText('已受理').waitFor();
    await liaison.page.locator('#act-referral-outcome').waitFor();
    expect(await liaison.page.locator('#referral-accept').count()).toBe(0);
    const accepted = await waitFor(core, taken.id, (c) => c.referral?.status === 'accepted', 'referral accepted');
    expect(accepted.status).toBe('referred');

    // 记录结果: money recovered, the case is resolved.
    await liaison.page.locator('#act-referral-outcome summary').click();
    await liaison.page.locator('#act-referral-outcome textarea').fill('已出具支持起诉意见书，追回 28500');
    await liaison.page.locator('#act-referral-outcome button[type=submit]').click();
    await liaison.page.locator('#notice.ok').getByText('已记录结果').waitFor();
    await liaison.page.locator(`#case[data-case="${taken.caseNo}"][data-status=resolved]`).waitFor();
    const done = await waitFor(core, taken.id, (c) => c.status === 'resolved', 'resolved by the outcome');
    expect(done).toMatchObject({ referral: { status: 'done', outcome: '已出具支持起诉意见书，追回 28500' }, outcome: { recovered: 28500, by: 'liaison-1' } });

    // A refresh of this case still on its way when another case is opened never draws over it
    // (under load it once did, and the liaison saw the case they had left).
    let holding = true;
    const held: Route[] = [];
    const takenUrl = new RegExp(`/staff/cases/${taken.caseNo}$`);
    await liaison.page.route(takenUrl, (r) => (holding ? void held.push(r) : r.continue()));
    await liaison.page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    await expect.poll(() => held.length, { timeout: 5000 }).toBeGreaterThan(0);

    // 不予支持: the reason is required, then the case is back with the grid worker.
    await liaison.page.evaluate((no) => (location.hash = `#/case/${encodeURIComponent(no)}`), refused.caseNo);
    await liaison.page.locator(`#case[data-case="${refused.caseNo}"][data-status=referred]`).waitFor();
    holding = false;
    const late = liaison.page.waitForResponse(takenUrl);
    for (const r of held.splice(0)) await r.continue();
    await late;
    await liaison.page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(await liaison.page.locator(`#case[data-case="${refused.caseNo}"]`).count()).toBe(1);
    await liaison.page.unroute(takenUrl);
    // The same from the case list: the list's answer arriving after a case was opened is not drawn over it.
    const listUrl = /\/staff\/cases$/;
    const heldList: Route[] = [];
    let holdingList = true;
    await liaison.page.route(listUrl, (r) => (holdingList ? void heldList.push(r) : r.continue()));
    await liaison.page.evaluate(() => (location.hash = '#/cases'));
    await expect.poll(() => heldList.length, { timeout: 5000 }).toBeGreaterThan(0);
    await liaison.page.evaluate((no) => (location.hash = `#/case/${encodeURIComponent(no)}`), refused.caseNo);
    await liaison.page.locator(`#case[data-case="${refused.caseNo}"][data-status=referred]`).waitFor();
    holdingList = false;
    const lateList = liaison.page.waitForResponse(listUrl);
    for (const r of heldList.splice(0)) await r.continue();
    await lateList;
    await liaison.page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(await liaison.page.locator(`#case[data-case="${refused.caseNo}"]`).count()).toBe(1);
    expect(await liaison.page.locator('#queue').count()).toBe(0);
    expect(await liaison.page.locator('#notice').textContent()).toBe('');
    await liaison.page.unroute(listUrl);
    await liaison.page.locator('#act-referral-decline summary').click();
    await liaison.page.locator('#act-referral-decline button[type=submit]').click();
    // The browser refuses the empty reason (required): nothing sent, nothing changed.
    expect((await core.cases.get(refused.id))!.referral!.status).toBe('pending');
    const why = liaison.page.locator('#act-referral-decline textarea');
    await why.fill('劳动关系证据不足');
    // Meanwhile the grid worker adds a note (staff API): the page refreshes live, and the form being
    // filled in stays open with its text and focus.
    expect((await staffApi('gw-001', 'POST', `/cases/${refused.caseNo}/note`, { text: '已补充工资条照片' })).status).toBe(200);
    await liaison.page.locator('#timeline').getByText('已补充工资条照片').waitFor({ timeout: 5000 });
    expect(await liaison.page.locator('#act-referral-decline').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    expect(await why.inputValue()).toBe('劳动关系证据不足');
    expect(await why.evaluate((el) => el === document.activeElement)).toBe(true);
    await why.press('End');
    await why.pressSequentially('，请补充考勤记录');
    // Another change arrives while the mouse button is down on 提交: the refresh waits for the release
    // (it rebuilt the button under the pointer, and the click was lost), then the click submits.
    const submit = liaison.page.locator('#act-referral-decline button[type=submit]');
    const box = (await submit.boundingBox())!;
    await liaison.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await liaison.page.mouse.down();
    expect((await staffApi('gw-001', 'POST', `/cases/${refused.caseNo}/note`, { text: '已电话联系用人单位' })).status).toBe(200);
    await liaison.page.locator('body[data-live=held]').waitFor({ state: 'attached', timeout: 5000 });
    await liaison.page.mouse.up();
    await liaison.page.locator('#notice.ok').getByText('已答复不予支持').waitFor();
    await liaison.page.locator(`#case[data-case="${refused.caseNo}"][data-status=accepted]`).waitFor();
    await liaison.page.locator('#timeline').getByText('已电话联系用人单位').waitFor({ timeout: 5000 });
    expect(await liaison.page.locator('#referral-accept').count()).toBe(0);
    const declined = await waitFor(core, refused.id, (c) => c.referral?.status === 'declined', 'referral declined');
    expect(declined).toMatchObject({ status: 'accepted', assignee: { staffId: 'gw-001' }, referral: { declineReason: '劳动关系证据不足，请补充考勤记录' } });
    // The grid worker sees it back through the API.
    const back = await staffApi('gw-001', 'GET', `/cases/${refused.caseNo}`);
    expect(back.body.case).toMatchObject({ status: 'accepted', referral: { status: 'declined' } });
    expect(await liaison.problems()).toEqual([]);
  }, 90_000);

  it('the union reviewer approves one membership application and rejects another with a reason', async () => {
    at('10:30');
    const core = http.t.core;
    const apply = async (user: string, p: typeof ZHANG) => {
      await courierUpToReview(http.t.chat, user, p).send('确认').expect(/入会申请已提交/);
      const m = await reviewed(core, user);
      expect(m.reviewer?.staffId).toBe('urev-nef');
      return m;
    };
    const yes = await apply('web:roles-m1', ZHANG);
    const no = await apply('web:roles-m2', WANG);

    const reviewer = await signIn('urev-nef', 1280);
    expect(await reviewer.page.locator('#me').getAttribute('data-role')).toBe('union_reviewer');
    const card = (appNo: string) => reviewer.page.locator(`[data-app="${appNo}"]`);
    await card(yes.appNo).waitFor();
    await card(no.appNo).waitFor();
    expect(await card(yes.appNo).textContent()).toContain(ZHANG.name);
    await shot(reviewer, 'reviewer-two-applications');

    await card(yes.appNo).getByRole('button', { name: '通过' }).click();
    await reviewer.page.locator('#notice.ok').getByText(`已通过 ${yes.appNo}`).waitFor();
    await expect.poll(() => card(yes.appNo).count()).toBe(0);
    const approved = (await membersOf(core).get(yes.id))!;
    expect(approved).toMatchObject({ status: 'approved', decision: { by: 'urev-nef', reason: null } });
    expect(approved.memberNo).toMatch(/^NEF-QINGXI-\d{6}$/);

    await reviewer.page.locator(`#act-reject-${no.appNo} summary`).click();
    await reviewer.page.locator(`#act-reject-${no.appNo} textarea`).fill('身份证照片看不清，请重新提交');
    await reviewer.page.locator(`#act-reject-${no.appNo} button[type=submit]`).click();
    await reviewer.page.locator('#notice.ok').getByText(`已驳回 ${no.appNo}`).waitFor();
    await expect.poll(() => card(no.appNo).count()).toBe(0);
    const rejected = (await membersOf(core).get(no.id))!;
    expect(rejected).toMatchObject({ status: 'rejected', decision: { by: 'urev-nef', reason: '身份证照片看不清，请重新提交' } });

    const waiting = await staffApi('urev-nef', 'GET', '/memberships');
    expect(waiting.body.memberships.map((m: { appNo: string }) => m.appNo)).not.toEqual(expect.arrayContaining([yes.appNo]));
    expect(waiting.body.memberships.map((m: { appNo: string }) => m.appNo)).not.toEqual(expect.arrayContaining([no.appNo]));
    expect(await reviewer.problems()).toEqual([]);
  }, 90_000);

  it("the supervisor's board follows cases live (Server-Sent Events), without a reload", async () => {
    at('10:45');
    const core = http.t.core;
    const sup = await signIn('sup-t01', 1280);
    await sup.page.goto(`${http.base}/console/#/board`);
    await sup.page.locator('#board-unassigned').waitFor();
    // A mark on this very document: gone if the page were loaded again.
    await sup.page.evaluate(() => ((window as unknown as { __same: number }).__same = 1));
    const on = (section: string, caseNo: string) => sup.page.locator(`#${section} [data-case="${caseNo}"]`);

    // A new report in the township: on the board as waiting for routing.
    const c0 = await wageCase(core, { townshipId: 't01', gridId: 't01-g3', amount: 6400 });
    await on('board-unassigned', c0.caseNo).waitFor({ timeout: 5000 });

    // Routed to gw-006 (gw-007, the grid's other worker, 休息): off the waiting list.
    await routeTo(core, c0, 'gw-006');
    await expect.poll(() => on('board-unassigned', c0.caseNo).count(), { timeout: 5000 }).toBe(0);

    // gw-006 hands it back through the staff API: nobody else in the grid, so it goes up to the
    // township (sup-t01 itself), and the board shows it as gone up.
    const r = await staffApi('gw-006', 'POST', `/cases/${c0.caseNo}/decline`, { reason: '本人下周请假，无法跟进' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const up = await waitFor(core, c0.id, (c) => c.assignee?.level === 'township', 'routed to the township');
    expect(up.assignee?.staffId).toBe('sup-t01');
    await on('board-lapsed', c0.caseNo).waitFor({ timeout: 5000 });
    expect(await on('board-lapsed', c0.caseNo).textContent()).toContain('镇（街道）承办');
    await shot(sup, 'supervisor-board-live');
    const board = await staffApi('sup-t01', 'GET', '/board');
    expect(board.body.lapsed.map((c: { caseNo: string }) => c.caseNo)).toContain(c0.caseNo);
    expect(board.body.unassigned.map((c: { caseNo: string }) => c.caseNo)).not.toContain(c0.caseNo);

    expect(await sup.page.evaluate(() => (window as unknown as { __same?: number }).__same)).toBe(1);
    expect(await sup.problems()).toEqual([]);
  }, 60_000);

  it('a grid worker goes 休息 and back 上班 with the duty button, stored where routing reads it', async () => {
    at('11:00');
    const core = http.t.core;
    const worker = await signIn('gw-009');
    const duty = worker.page.locator('#duty');
    // The button shows the stored state once the page has asked for it.
    await worker.page.locator('#duty[data-on]').waitFor();
    const before = (await staffApi('gw-009', 'GET', '/me')).body.onDuty as boolean;
    expect(await duty.getAttribute('data-on')).toBe(before ? '1' : '0');
    if (!before) {
      await duty.click();
      await worker.page.locator('#notice.ok').getByText('已设为上班').waitFor();
    }
    await expect.poll(() => duty.textContent()).toBe('上班中 · 点此休息');

    await duty.click();
    await worker.page.locator('#notice.ok').getByText('已设为休息').waitFor();
    expect(await duty.textContent()).toBe('休息中 · 点此上班');
    expect((await staffApi('gw-009', 'GET', '/me')).body.onDuty).toBe(false);
    expect((await dutyOverrides(core)).get('gw-009')).toBe(false);

    // Still 休息 after a reload: the page shows what is stored.
    await worker.page.reload();
    await worker.page.locator('#duty[data-on="0"]').waitFor();
    expect(await duty.textContent()).toBe('休息中 · 点此上班');

    await duty.click();
    await worker.page.locator('#notice.ok').getByText('已设为上班').waitFor();
    expect(await duty.getAttribute('data-on')).toBe('1');
    expect((await staffApi('gw-009', 'GET', '/me')).body.onDuty).toBe(true);
    expect((await dutyOverrides(core)).get('gw-009')).toBe(true);
    expect(await worker.problems()).toEqual([]);
  }, 60_000);
});
