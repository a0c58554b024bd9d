/*
 * The provider's side: agenda, done, no-show and the procurator's 支持起诉
 * referral, through the staff command code (runStaffText, what bound WeChat
 * contacts reach) and the staff API. WeChat itself: test/legal-aid/wechat.test.ts.
 *
 * The scenario: bookings are made at 10:00 on the suite's first day on which
 * lawyer-2 has no hours at 东龙 (Saturday 21 November 2026 by default), in
 * the first free slots the slot engine offers (Tuesday 24 November 09:00 and
 * 09:30 at 东龙, Thursday 26 November 09:00 at 凤栖); the providers then act
 * at moments reckoned from those slots.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { createBookings } from '../../core/legal-aid/store.js';
import type { ManualClock } from '../../core/infra/clock.js';
import { addDays, chinaInstant, dayLabel, slotLabel, type Slot } from '../../core/legal-aid/slots.js';
import { runStaffText } from '../../core/staff/commands.js';
import '../../core/commands.js';
import { compactDay } from '../../core/infra/time.js';
import { signToken } from '../../core/infra/tokens.js';
import { createWageCase } from '../support/cases.js';
import { TEST_NOW, scenarioClock } from '../support/clock.js';
import { TEST_ENV, startTestCore } from '../support/core.js';
import { startHttp, type TestHttp } from '../support/http.js';
import { DONGLONG, FENGQI, QINGXI_LEGAL, atOf, bookDirect, donglongOpen, donglongSlots, freeSlots, nth, waitInbox } from './helpers.js';

let clock: ManualClock;
/** When the bookings were made. */
let start: Date;
const t = useFixture(async () => {
  clock = scenarioClock('2026-11-21', '10:00', (d) => !donglongOpen(d));
  start = clock.now();
  return startTestCore({ workers: true, clock });
});

/** `minutes` after the start of `slot` (before it when negative). */
const from = (slot: Slot, minutes: number) => new Date(Date.parse(slot.start) + minutes * 60_000);

/** `staffId` acting at `at`: the app's clock is moved there first. */
const as = (staffId: string, at: Date) => {
  clock.set(at);
  return { core: t.core, staff: t.core.directory.index().staffById.get(staffId)! };
};
const run = (staffId: string, at: Date, text: string) => runStaffText(as(staffId, at), text);
const store = () => createBookings(t.core);

/** lawyer-2's first two free slots at 东龙, on one day (Tuesday 24 November 09:00 and 09:30 by default). */
async function twoAtDonglong(): Promise<[Slot, Slot]> {
  const slots = await donglongSlots(t.core);
  const [a, b] = [nth(slots, 0, 'lawyer-2 at 东龙'), nth(slots, 1, 'lawyer-2 at 东龙')];
  if (a.day !== b.day) throw new Error(`lawyer-2's first two free slots at 东龙 are on different days (${a.key}, ${b.key}); the agenda needs two on one day`);
  if (!TEST_NOW) expect([a.key, b.key]).toEqual(['lawyer-2@202611240900', 'lawyer-2@202611240930']);
  return [a, b];
}

/** liaison-1's first free slot at 凤栖 (Thursday 26 November 09:00 by default). */
async function procuratorSlot(): Promise<Slot> {
  const p = nth(await freeSlots(t.core, { help: 'procurator', pointId: FENGQI }), 0, 'liaison-1 at 凤栖');
  if (!TEST_NOW) expect(p.key).toBe('liaison-1@202611260900');
  return p;
}

describe('the day’s agenda', () => {
  it('a lawyer sees today’s bookings with full phone numbers; someone who is not a provider cannot use the command', async () => {
    const [s1, s2] = await twoAtDonglong();
    // lawyer-1 at the district station at the same time: not on lawyer-2's agenda.
    const other = (await freeSlots(t.core, { help: 'lawyer', pointId: QINGXI_LEGAL })).find((s) => s.start === s1.start);
    if (!other) throw new Error(`lawyer-1 has no free slot at ${s1.start} at ${QINGXI_LEGAL} in this scenario`);
    const a = await bookDirect(t.core, t.chat, { staffId: 'lawyer-2', pointId: DONGLONG, at: atOf(s1), name: '张三', phone: '13800138000' });
    await bookDirect(t.core, t.chat, { staffId: 'lawyer-2', pointId: DONGLONG, at: atOf(s2), name: '李四', phone: '13800138001' });
    await bookDirect(t.core, t.chat, { staffId: 'lawyer-1', pointId: QINGXI_LEGAL, at: atOf(other) });
    // An hour before the first one (08:00).
    const agenda = await run('lawyer-2', from(s1, -60), '今日预约');
    expect(agenda.startsWith(`【今日预约】${dayLabel(s1.day)}，共2个：`), agenda).toBe(true);
    if (!TEST_NOW) expect(agenda).toMatch(/^【今日预约】11月24日（周二），共2个：/);
    expect(agenda).toContain(`1. ${s1.time}-${s1.endTime} 东龙镇工会驿站 张三 13800138000 欠薪\n   预约号 ${a.bookingNo}`);
    expect(agenda).toContain(`2. ${s2.time}-${s2.endTime} 东龙镇工会驿站 李四 13800138001 欠薪`);
    // The evening before, and the morning after.
    expect(await run('lawyer-2', chinaInstant(addDays(s1.day, -1), '18:00'), '明日预约')).toMatch(new RegExp(`^【明日预约】${dayLabel(s1.day)}，共2个`));
    expect(await run('lawyer-2', chinaInstant(addDays(s1.day, 1), '08:00'), '今日预约')).toBe(`【今日预约】${dayLabel(addDays(s1.day, 1))}您没有预约。`);
    expect(await run('gw-001', from(s1, -60), '今日预约')).toBe('您的岗位不能使用这条指令。');
  });
});

describe('done and no-show', () => {
  it('each refusal is specific, and a no-show is told to the worker', async () => {
    const [sa, sb] = await twoAtDonglong();
    const a = await bookDirect(t.core, t.chat, { userKey: 'web:ns1', staffId: 'lawyer-2', pointId: DONGLONG, at: atOf(sa) });
    const b = await bookDirect(t.core, t.chat, { userKey: 'web:ns2', staffId: 'lawyer-2', pointId: DONGLONG, at: atOf(sb) });
    const unknown = `YY${compactDay(start)}-0099`;

    // An hour before a (08:00): too early even for 完成.
    expect(await run('lawyer-2', from(sa, -60), `完成 ${a.bookingNo}`)).toBe(
      `预约 ${a.bookingNo} 在${slotLabel(sa)}，还没到时间，见面后再回复「完成 ${a.bookingNo}」。`,
    );
    if (!TEST_NOW) expect(slotLabel(sa)).toBe('11月24日（周二） 09:00-09:30');
    // A quarter of an hour before (08:45): people come early.
    expect(await run('lawyer-2', from(sa, -15), `已到 ${a.bookingNo}`)).toBe(`已记为完成：预约 ${a.bookingNo}（${slotLabel(sa)}）。`);
    expect(await run('lawyer-2', from(sa, 10), `爽约 ${a.bookingNo}`)).toBe(`预约 ${a.bookingNo} 已经是「已完成」了，不能再记。`);

    // b has not begun (09:10), then has (09:40).
    expect(await run('lawyer-2', from(sb, -20), `爽约 ${b.bookingNo}`)).toMatch(/还没到时间，现在不能记爽约/);
    expect(await run('lawyer-1', from(sb, 10), `爽约 ${b.bookingNo}`)).toBe(`预约 ${b.bookingNo} 不是约您的，不能查看或办理。`);
    expect(await run('lawyer-2', from(sb, 10), `爽约 ${unknown}`)).toBe(`没有找到预约 ${unknown}，请核对预约号。`);
    expect(await run('lawyer-2', from(sb, 10), '爽约')).toMatch(/^请写上预约号/);
    expect(await run('lawyer-2', from(sb, 10), `爽约 ${b.bookingNo}`)).toMatch(/^已记为未到场/);

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
    const p = await procuratorSlot();
    // A lawyer's booking (at the same time when lawyer-2 is at 东龙 then): not the procurator's to refer.
    const lawyerSlots = await donglongSlots(t.core);
    const l = lawyerSlots.find((s) => s.start === p.start) ?? nth(lawyerSlots, 0, 'lawyer-2 at 东龙');
    const b = await bookDirect(t.core, t.chat, {
      userKey: 'web:ref1',
      staffId: 'liaison-1',
      pointId: FENGQI,
      at: atOf(p),
      linkedCaseId: wage.id,
    });
    const lawyerBooking = await bookDirect(t.core, t.chat, { staffId: 'lawyer-2', pointId: DONGLONG, at: atOf(l) });

    expect(await run('lawyer-2', from(p, 30), `转支持起诉 ${lawyerBooking.bookingNo}`)).toBe('您的岗位不能使用这条指令。');
    expect(await run('liaison-1', from(p, 30), `转支持起诉 ${lawyerBooking.bookingNo}`)).toMatch(/不是约您的/);
    // The day before (09:30), or when the bookings were made if that is later: not met yet.
    const dayBefore = new Date(Math.max(start.getTime(), from(p, -24 * 60 + 30).getTime()));
    expect(await run('liaison-1', dayBefore, `转支持起诉 ${b.bookingNo}`)).toMatch(/见面之后才能转支持起诉/);

    const reply = await run('liaison-1', from(p, 40), `转支持起诉 ${b.bookingNo} 调解不成，老板拒付，农民工`);
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
    expect(await t.core.redis.zScore(t.core.cases.keys.unassigned(), c.id)).toBeNull();
    expect((await store().get(b.id))!).toMatchObject({ status: 'done', referralCaseId: c.id });
    const w = (await t.core.cases.get(wage.id))!;
    expect(w.history.at(-1)!.note).toBe(`检察官已将此事转为支持起诉案件 ${caseNo}`);
    await waitInbox(t.core, 'web:ref1', new RegExp(`您的案件 ${wage.caseNo} 有新进展：检察官已将此事转为支持起诉案件 ${caseNo}`));

    // Again: the same case, not a second one.
    expect(await run('liaison-1', from(p, 45), `转支持起诉 ${b.bookingNo}`)).toMatch(new RegExp(`这个预约已经转过了，案件是 ${caseNo}`));
    // The procurator records the result with the case commands, the next day (10:00).
    expect(await run('liaison-1', from(p, 25 * 60), `结果 ${caseNo} 已出具支持起诉意见书`)).toMatch(/已记录结果/);
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
    const [s1, s2] = await twoAtDonglong();
    const mine = await bookDirect(t.core, t.chat, { userKey: 'web:apiu1', staffId: 'lawyer-2', pointId: DONGLONG, at: atOf(s1) });
    const theirs = await bookDirect(t.core, t.chat, { userKey: 'web:apiu2', staffId: 'lawyer-2', pointId: DONGLONG, at: atOf(s2) });
    const token = await userToken('apiu1');

    const list = await req('GET', '/api/v1/me/bookings', token);
    expect(list.status).toBe(200);
    expect(list.body.bookings).toEqual([
      expect.objectContaining({
        bookingNo: mine.bookingNo,
        status: 'booked',
        helpText: '工会律师咨询',
        when: slotLabel(s1),
        servicePoint: expect.objectContaining({ name: '东龙镇工会驿站' }),
        provider: '吴芳',
        contact: { name: '张三', phone: '138****8000' },
      }),
    ]);
    if (!TEST_NOW) expect(list.body.bookings[0].when).toBe('11月24日（周二） 09:00-09:30');
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
    const [sa] = await twoAtDonglong();
    const a = await bookDirect(t.core, t.chat, { staffId: 'lawyer-2', pointId: DONGLONG, at: atOf(sa), phone: '13800138000' });
    const token = staffToken('lawyer-2');

    const day = await req('GET', `/api/v1/staff/bookings?day=${sa.day}`, token);
    expect(day.status).toBe(200);
    expect(day.body.bookings).toEqual([expect.objectContaining({ bookingNo: a.bookingNo, contact: { name: '张三', phone: '13800138000' } })]);
    expect((await req('GET', '/api/v1/staff/bookings?day=24号', token)).status).toBe(400);

    // Ten minutes before (08:50).
    clock.set(from(sa, -10));
    const early = await req('POST', `/api/v1/staff/bookings/${a.bookingNo}/no-show`, token);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('too_early');
    expect((await req('POST', `/api/v1/staff/bookings/${a.bookingNo}/done`, staffToken('lawyer-1'))).status).toBe(403);
    expect((await req('POST', `/api/v1/staff/bookings/YY${compactDay(start)}-0099/done`, token)).status).toBe(404);
    expect((await req('POST', `/api/v1/staff/bookings/${a.bookingNo}/refer`, token, {})).status).toBe(403);

    // Twenty minutes after (09:20).
    clock.set(from(sa, 20));
    const noShow = await req('POST', `/api/v1/staff/bookings/${a.bookingNo}/no-show`, token);
    expect(noShow.status).toBe(200);
    expect(noShow.body.booking.status).toBe('no_show');
  });

  it('a procurator refers a consultation over the API', async () => {
    const wage = await createWageCase(t.core, { userKey: 'web:apiref' });
    const p = await procuratorSlot();
    const b = await bookDirect(t.core, t.chat, { userKey: 'web:apiref', staffId: 'liaison-1', pointId: FENGQI, at: atOf(p), linkedCaseId: wage.id });
    // An hour after the start (10:00).
    clock.set(from(p, 60));
    const r = await req('POST', `/api/v1/staff/bookings/${b.bookingNo}/refer`, staffToken('liaison-1'), { reason: '调解不成' });
    expect(r.status).toBe(201);
    expect(r.body.case).toMatchObject({ kind: 'legal_aid', status: 'referred' });
    expect(r.body.booking).toMatchObject({ status: 'done', linkedCaseNo: wage.caseNo, referralCaseNo: r.body.case.caseNo });
    const again = await req('POST', `/api/v1/staff/bookings/${b.bookingNo}/refer`, staffToken('liaison-1'), {});
    expect(again.status).toBe(200);
    expect(again.body.case.caseNo).toBe(r.body.case.caseNo);
  });
});
