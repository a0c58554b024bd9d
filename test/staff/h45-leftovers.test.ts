/*
 * Leftovers on the staff side and the worker's view of it (helper h45):
 * 取消 then 放弃 at the summary of a 改约 says the booking stands (never
 * 「已取消」), and it does; after 删除我的信息 the mini-program's 我的案件
 * (GET /api/v1/me/cases) reads the deletion as the worker's own, while
 * staff keep 「报告人已删除个人信息」; the supervisor's board lists an
 * escalated case once, in one group.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers,
 * and the real Koa app over the same core; a manual clock on the suite's
 * working day at 10:00.
 */
import type { Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slaProcessor } from '../../core/cases/jobs.js';
import type { Case } from '../../core/cases/store.js';
import { signToken } from '../../core/infra/tokens.js';
import { DONGLONG, atOf, bookDirect, donglongSlots, nth } from '../legal-aid/helpers.js';
import { TEST_ENV, eventually } from '../support/core.js';
import { startHttp, type TestHttp } from '../support/http.js';
import { ADMIN, workingDayAt } from './support.js';
import { GW1, staffInWechat } from './in-wechat.js';

const T0 = workingDayAt('10:00');
const { app, say, get, bind, clock } = staffInWechat(T0);

/** The worker, in WeChat. */
const W = '王芳（打工人）';
const workerKey = () => `wx:${app.w.contact(W).id}`;
const worker = (text: string, expected: RegExp) => say(W, text, expected);

/** The real HTTP API over the WeChat app's core, for each test. */
let http: TestHttp;
beforeEach(async () => {
  http = await startHttp({}, app.t);
});
afterEach(async () => {
  await http.stop();
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function getJson(path: string, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${http.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}
const userToken = (userKey: string) => signToken(TEST_ENV.TOKEN_SECRET, { sub: userKey, role: 'user' }, 600, app.t.core.clock.now().getTime());
async function staffToken(staffId: string): Promise<string> {
  const res = await fetch(`${http.base}/api/v1/admin/staff-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ staffId }),
  });
  expect(res.status).toBe(201);
  return String(((await res.json()) as { token: string }).token);
}

describe('改约: 取消 at the summary, then 放弃', () => {
  it('says the booking stays as it was (never 「已取消」), and it does', async () => {
    const slot = nth(await donglongSlots(app.t.core), 2, 'a booking to move');
    const b = await bookDirect(app.t.core, app.t.chat, { userKey: workerKey(), staffId: slot.staffId, pointId: DONGLONG, at: atOf(slot) });
    await worker(`改约 ${b.bookingNo}`, /最近的空闲时间/);
    await worker('1', /请核对改约后的预约/);
    await worker('取消', /要先停在这里吗/);
    const answer = await worker('放弃', /^好的/);
    expect(answer).toBe(`好的，不改了。预约 ${b.bookingNo} 还是原来的时间，照常有效。`);
    expect(answer).not.toContain('已取消');
    expect(await app.t.chat.bookings.get(b.id)).toEqual(b);
    expect(await worker('我的预约', /您的预约/)).toContain(b.bookingNo);
  });
});

describe('我的案件 after 删除我的信息', () => {
  it('the worker reads 「您已删除个人信息」 (as 进度 says); staff still read 「报告人已删除个人信息」', async () => {
    await bind(GW1, 'gw-001');
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
    const c = await app.routedCase({ userKey: workerKey() });
    await app.w.waitFor(W, new RegExp(`您的案件 ${c.caseNo} 已交给`));
    await worker('删除我的信息', /确定要删除您的个人信息吗/);
    await worker('1', /已删除您的个人信息/);

    const list = await getJson('/api/v1/me/cases', userToken(workerKey()));
    expect(list.status).toBe(200);
    const mine = list.body.cases.find((x: { caseNo: string }) => x.caseNo === c.caseNo);
    const notes = mine.history.map((h: { note: string }) => h.note);
    expect(notes).toContain('您已删除个人信息');
    expect(notes.join('\n')).not.toContain('报告人');
    const one = await getJson(`/api/v1/me/cases/${c.caseNo}`, userToken(workerKey()));
    expect(one.body.case.history.map((h: { note: string }) => h.note)).toContain('您已删除个人信息');

    const staff = await getJson(`/api/v1/staff/cases/${c.caseNo}`, await staffToken('gw-001'));
    expect(staff.status).toBe(200);
    expect(staff.body.case.history.map((h: { note: string }) => h.note)).toContain('报告人已删除个人信息');
  });
});

describe("the supervisor's board", () => {
  /** Lets the accept limit pass `n` times in a row (each time routed again). */
  async function lapse(c: Case, n: number): Promise<Case> {
    for (let i = 0; i < n; i++) {
      const x = await get(c);
      clock.set(new Date(x.acceptBy!));
      await slaProcessor(app.t.core)({ name: 'accept-deadline', data: { caseId: c.id, seq: x.assignmentSeq }, id: `lapse-${i}` } as Job);
      await eventually(async () => ((await get(c)).assignmentSeq > x.assignmentSeq && (await get(c)).assignee ? true : null), 8000, 'the new assignment');
    }
    return get(c);
  }
  const groupsOf = (board: Record<string, unknown>, caseNo: string) =>
    (['unassigned', 'lapsing', 'lapsed', 'closing'] as const).filter((g) => (board[g] as { caseNo: string }[]).some((x) => x.caseNo === caseNo));
  const countOf = (board: Record<string, unknown>, caseNo: string) =>
    (['unassigned', 'lapsing', 'lapsed', 'closing'] as const).reduce((n, g) => n + (board[g] as { caseNo: string }[]).filter((x) => x.caseNo === caseNo).length, 0);

  it('an escalated group case about to lapse again is listed once, under 两小时内到期', async () => {
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
    const c = await app.routedCase({ headcount: 12, amount: 200000 });
    expect(c.priority).not.toBe('normal');
    // Two lapses: gone up to the township (sup-t01), with minutes to accept.
    const up = await lapse(c, 2);
    expect(up.assignee!.level).toBe('township');
    expect(Date.parse(up.acceptBy!) - app.t.core.clock.now().getTime()).toBeLessThanOrEqual(2 * 3600_000);
    const board = await getJson('/api/v1/staff/board', await staffToken('sup-t01'));
    expect(board.status).toBe(200);
    expect(countOf(board.body, c.caseNo)).toBe(1);
    expect(groupsOf(board.body, c.caseNo)).toEqual(['lapsing']);
  });

  it('an escalated case whose time limit has passed is listed once, under 已超时或已上交 (or 待分派 once taken back)', async () => {
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
    const c = await app.routedCase({ headcount: 12, amount: 200000 });
    const up = await lapse(c, 2);
    // Its new limit passed: late, never 「两小时内到期」 (the workers may have taken it back already: waiting for routing).
    clock.set(new Date(Date.parse(up.acceptBy!) + 60_000));
    const board = await getJson('/api/v1/staff/board', await staffToken('sup-t01'));
    expect(countOf(board.body, c.caseNo)).toBe(1);
    expect(['lapsed', 'unassigned']).toContain(groupsOf(board.body, c.caseNo)[0]);
  });

  // guard: a case escalated with its limit days away is under 已超时或已上交 only, as before.
  it('guard: an escalated case with a day to accept is listed once, under 已超时或已上交', async () => {
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
    const c = await app.routedCase();
    const up = await lapse(c, 2);
    expect(up.assignee!.level).toBe('township');
    const board = await getJson('/api/v1/staff/board', await staffToken('sup-t01'));
    expect(groupsOf(board.body, c.caseNo)).toEqual(['lapsed']);
  });
});
