/*
 * The provider's side: agenda, done, no-show and the procurator's 支持起诉
 * referral, through the staff command code (runStaffText, what bound WeChat
 * contacts reach) and the staff API. WeChat itself: test/legal-aid/wechat.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBookings } from '../../core/bookings.js';
import { runStaffText } from '../../core/staff/commands.js';
import '../../core/staff/all-commands.js';
import { signToken } from '../../core/tokens.js';
import { createWageCase } from '../support/cases.js';
import { TEST_ENV, startTestCore, type TestCore } from '../support/core.js';
import { startHttp, type TestHttp } from '../support/http.js';
import { bookDirect, waitInbox } from './helpers.js';

let t: TestCore;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-11-21T10:00:00+08:00');
  t = await startTestCore({ workers: true, now: () => clock });
});
afterEach(async () => {
  await t.stop();
});

/** `staffId` acting at `at`: the app's clock is moved there first. */
const as = (staffId: string, at: string) => {
  clock = new Date(at);
  return { core: t.core, staff: t.core.directory.index().staffById.get(staffId)! };
};
const run = (staffId: string, at: string, text: string) => runStaffText(as(staffId, at), text);
const store = () => createBookings(t.core);

describe('the day’s agenda', () => {
  it('a lawyer sees today’s bookings with full phone numbers; someone who is not a provider cannot use the command', async () => {
    const a = await bookDirect(t.core, t.chat, { staffId: 'lawyer-2', pointId: 'sp-t01-station', at: '202611240900', name: '张三', phone: '13800138000' });
    await bookDirect(t.core, t.chat, { staffId: 'lawyer-2', pointId: 'sp-t01-station', at: '202611240930', name: '李四', phone: '13800138001' });
    await bookDirect(t.core, t.chat, { staffId: 'lawyer-1', pointId: 'sp-qingxi-legal', at: '202611240900' });
    const agenda = await run('lawyer-2', '2026-11-24T08:00:00+08:00', '今日预约');
    expect(agenda).toMatch(/^【今日预约】11月24日（周二），共2个：/);
    expect(agenda).toContain(`1. 09:00-09:30 东龙镇工会驿站 张三 13800138000 欠薪\n   预约号 ${a.bookingNo}`);
    expect(agenda).toContain('2. 09:30-10:00 东龙镇工会驿站 李四 13800138001 欠薪');
    expect(await run('lawyer-2', '2026-11-23T18:00:00+08:00', '明日预约')).toMatch(/^【明日预约】11月24日（周二），共2个/);
    expect(await run('lawyer-2', '2026-11-25T08:00:00+08:00', '今日预约')).toBe('【今日预约】11月25日（周三）您没有预约。');
    expect(await run('gw-001', '2026-11-24T08:00:00+08:00', '今日预约')).toBe('您的岗位不能使用这条指令。');
  });
});

describe('done and no-show', () => {
  it('each refusal is specific, and a no-show is told to the worker', async () => {
    const a = await bookDirect(t.core, t.chat, { userKey: 'web:ns1', staffId: 'lawyer-2', pointId: 'sp-t01-station', at: '202611240900' });
    const b = await bookDirect(t.core, t.chat, { userKey: 'web:ns2', staffId: 'lawyer-2', pointId: 'sp-t01-station', at: '202611240930' });

    expect(await run('lawyer-2', '2026-11-24T08:00:00+08:00', `完成 ${a.bookingNo}`)).toBe(
      `预约 ${a.bookingNo} 在11月24日（周二） 09:00-09:30，还没到时间，见面后再回复「完成 ${a.bookingNo}」。`,
    );
    expect(await run('lawyer-2', '2026-11-24T08:45:00+08:00', `已到 ${a.bookingNo}`)).toBe(`已记为完成：预约 ${a.bookingNo}（11月24日（周二） 09:00-09:30）。`);
    expect(await run('lawyer-2', '2026-11-24T09:10:00+08:00', `爽约 ${a.bookingNo}`)).toBe(`预约 ${a.bookingNo} 已经是「已完成」了，不能再记。`);

    expect(await run('lawyer-2', '2026-11-24T09:10:00+08:00', `爽约 ${b.bookingNo}`)).toMatch(/还没到时间，现在不能记爽约/);
    expect(await run('lawyer-1', '2026-11-24T09:40:00+08:00', `爽约 ${b.bookingNo}`)).toBe(`预约 ${b.bookingNo} 不是约您的，不能查看或办理。`);
    expect(await run('lawyer-2', '2026-11-24T09:40:00+08:00', '爽约 YY20261121-0099')).toBe('没有找到预约 YY20261121-0099，请核对预约号。');
    expect(await run('lawyer-2', '2026-11-24T09:40:00+08:00', '爽约')).toMatch(/请写上预约号/);
    expect(await run('lawyer-2', '2026-11-24T09:40:00+08:00', `爽约 ${b.bookingNo}`)).toMatch(/^已记为未到场/);

    expect((await store().get(a.id))!.status).toBe('done');
    expect((await store().get(b.id))!.status).toBe('no_show');
    const told = await waitInbox(t.core, 'web:ns2', /没有等到您/);
    expect(told).toContain(`预约号 ${b.bookingNo}`);
    expect(told).toContain('回复「预约法律援助」可以重新预约');
  });
});

describe('a procurator turns a consultation into a 支持起诉 referral', () => {
  it('the new case is linked to the wage case, accepted by the procurator, and the worker is told', async () => {
    const wage = await createWageCase(t.core, { userKey: 'web:ref1' });
    const b = await bookDirect(t.core, t.chat, {
      userKey: 'web:ref1',
      staffId: 'liaison-1',
      pointId: 'sp-t09-rights',
      at: '202611260900',
      linkedCaseId: wage.id,
    });
    const lawyerBooking = await bookDirect(t.core, t.chat, { staffId: 'lawyer-2', pointId: 'sp-t01-station', at: '202611260900' });

    expect(await run('lawyer-2', '2026-11-26T09:30:00+08:00', `转支持起诉 ${lawyerBooking.bookingNo}`)).toBe('您的岗位不能使用这条指令。');
    expect(await run('liaison-1', '2026-11-26T09:30:00+08:00', `转支持起诉 ${lawyerBooking.bookingNo}`)).toMatch(/不是约您的/);
    expect(await run('liaison-1', '2026-11-25T09:30:00+08:00', `转支持起诉 ${b.bookingNo}`)).toMatch(/见面之后才能转支持起诉/);

    const reply = await run('liaison-1', '2026-11-26T09:40:00+08:00', `转支持起诉 ${b.bookingNo} 调解不成，老板拒付，农民工`);
    const caseNo = reply.match(/已转为支持起诉案件 (QX\d{8}-\d{4})/)?.[1];
    expect(caseNo, reply).toBeDefined();
    expect(reply).toContain(`关联欠薪案件 ${wage.caseNo}`);

    const c = (await t.core.cases.getByNo(caseNo!))!;
    expect(c).toMatchObject({
      kind: 'legal_aid',
      status: 'referred',
      referral: { liaisonId: 'liaison-1', status: 'accepted', reason: '调解不成，老板拒付，农民工' },
      legalAid: { bookingId: b.id, bookingNo: b.bookingNo, linkedCaseId: wage.id },
      wage: { employer: '青溪宏达建筑工程有限公司' },
      reporter: { userKey: 'web:ref1' },
    });
    // Not for routing: it is nobody's grid case.
    expect(await t.core.redis.zScore(t.core.keys.unassigned(), c.id)).toBeNull();
    expect((await store().get(b.id))!).toMatchObject({ status: 'done', referralCaseId: c.id });
    const w = (await t.core.cases.get(wage.id))!;
    expect(w.history.at(-1)!.note).toBe(`检察官已将此事转为支持起诉案件 ${caseNo}`);
    await waitInbox(t.core, 'web:ref1', new RegExp(`您的案件 ${wage.caseNo} 有新进展：检察官已将此事转为支持起诉案件 ${caseNo}`));

    // Again: the same case, not a second one.
    expect(await run('liaison-1', '2026-11-26T09:45:00+08:00', `转支持起诉 ${b.bookingNo}`)).toMatch(new RegExp(`这个预约已经转过了，案件是 ${caseNo}`));
    // The procurator records the result with the case commands.
    expect(await run('liaison-1', '2026-11-27T10:00:00+08:00', `结果 ${caseNo} 已出具支持起诉意见书`)).toMatch(/已记录结果/);
    expect((await t.core.cases.get(c.id))!.status).toBe('resolved');
  });
});

describe('the bookings API', () => {
  let http: TestHttp;
  let base: string;

  beforeEach(async () => {
    http = await startHttp({}, t);
    base = http.base;
  });
  afterEach(async () => {
    await http.stop();
  });

  async function req(method: string, path: string, token?: string, json?: unknown) {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    return { status: res.status, body: (await res.json()) as any };
  }
  const userToken = async (id: string) => (await req('POST', '/api/v1/auth/dev', undefined, { userId: id })).body.token as string;
  const staffToken = (staffId: string) => signToken(TEST_ENV.TOKEN_SECRET, { sub: staffId, role: 'staff' }, 30 * 86400, t.core.clock.now().getTime());

  it('a worker lists and cancels their own bookings; someone else’s reads as not found', async () => {
    const mine = await bookDirect(t.core, t.chat, { userKey: 'web:apiu1', staffId: 'lawyer-2', pointId: 'sp-t01-station', at: '202611240900' });
    const theirs = await bookDirect(t.core, t.chat, { userKey: 'web:apiu2', staffId: 'lawyer-2', pointId: 'sp-t01-station', at: '202611240930' });
    const token = await userToken('apiu1');

    const list = await req('GET', '/api/v1/me/bookings', token);
    expect(list.status).toBe(200);
    expect(list.body.bookings).toEqual([
      expect.objectContaining({
        bookingNo: mine.bookingNo,
        status: 'booked',
        helpText: '工会律师咨询',
        when: '11月24日（周二） 09:00-09:30',
        servicePoint: expect.objectContaining({ name: '东龙镇工会驿站' }),
        provider: '吴芳',
        contact: { name: '张三', phone: '138****8000' },
      }),
    ]);
    expect((await req('GET', `/api/v1/me/bookings/${theirs.bookingNo}`, token)).status).toBe(404);
    const other = await req('POST', `/api/v1/me/bookings/${theirs.bookingNo}/cancel`, token);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    expect((await store().get(theirs.id))!.status).toBe('booked');

    const cancelled = await req('POST', `/api/v1/me/bookings/${mine.bookingNo}/cancel`, token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking.status).toBe('cancelled');
    const again = await req('POST', `/api/v1/me/bookings/${mine.bookingNo}/cancel`, token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('booking_cancelled');
    expect((await req('GET', '/api/v1/me/bookings', await staffToken('lawyer-2'))).status).toBe(403);
  });

  it('a provider reads the day and marks done or no-show; not theirs is 403, unknown 404, too early 409', async () => {
    const a = await bookDirect(t.core, t.chat, { staffId: 'lawyer-2', pointId: 'sp-t01-station', at: '202611240900', phone: '13800138000' });
    const token = staffToken('lawyer-2');

    const day = await req('GET', '/api/v1/staff/bookings?day=2026-11-24', token);
    expect(day.status).toBe(200);
    expect(day.body.bookings).toEqual([expect.objectContaining({ bookingNo: a.bookingNo, contact: { name: '张三', phone: '13800138000' } })]);
    expect((await req('GET', '/api/v1/staff/bookings?day=24号', token)).status).toBe(400);

    clock = new Date('2026-11-24T08:50:00+08:00');
    const early = await req('POST', `/api/v1/staff/bookings/${a.bookingNo}/no-show`, token);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('too_early');
    expect((await req('POST', `/api/v1/staff/bookings/${a.bookingNo}/done`, staffToken('lawyer-1'))).status).toBe(403);
    expect((await req('POST', '/api/v1/staff/bookings/YY20261121-0099/done', token)).status).toBe(404);
    expect((await req('POST', `/api/v1/staff/bookings/${a.bookingNo}/refer`, token, {})).status).toBe(403);

    clock = new Date('2026-11-24T09:20:00+08:00');
    const noShow = await req('POST', `/api/v1/staff/bookings/${a.bookingNo}/no-show`, token);
    expect(noShow.status).toBe(200);
    expect(noShow.body.booking.status).toBe('no_show');
  });

  it('a procurator refers a consultation over the API', async () => {
    const wage = await createWageCase(t.core, { userKey: 'web:apiref' });
    const b = await bookDirect(t.core, t.chat, { userKey: 'web:apiref', staffId: 'liaison-1', pointId: 'sp-t09-rights', at: '202611260900', linkedCaseId: wage.id });
    clock = new Date('2026-11-26T10:00:00+08:00');
    const r = await req('POST', `/api/v1/staff/bookings/${b.bookingNo}/refer`, staffToken('liaison-1'), { reason: '调解不成' });
    expect(r.status).toBe(201);
    expect(r.body.case).toMatchObject({ kind: 'legal_aid', status: 'referred' });
    expect(r.body.booking).toMatchObject({ status: 'done', linkedCaseNo: wage.caseNo, referralCaseNo: r.body.case.caseNo });
    const again = await req('POST', `/api/v1/staff/bookings/${b.bookingNo}/refer`, staffToken('liaison-1'), {});
    expect(again.status).toBe(200);
    expect(again.body.case.caseNo).toBe(r.body.case.caseNo);
  });
});
