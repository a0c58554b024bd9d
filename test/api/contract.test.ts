/*
 * The bodies people's clients read, checked against api/contract.ts — the
 * schemas the mini-program takes its types from. A field renamed, dropped
 * or retyped on the server fails here (and the mini-program's type check
 * fails on the client side).
 */
import { describe, expect, it } from 'vitest';
import { BookingSchema, BookingsSchema, CaseSummarySchema, CasesSchema, MembershipSchema } from '../../api/contract.js';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { eventually } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';
import { bookDirect, donglongSlots, nth } from '../legal-aid/helpers.js';
import { courierUpToReview, reviewed, staffSays } from '../membership/support.js';

const http = useFixture(() => startHttp({ workers: true, clock: manualClock(new Date('2026-11-21T10:00:00+08:00')) }), 'all');

async function signIn(userId: string) {
  const r = await fetch(`${http.base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  return { authorization: `Bearer ${((await r.json()) as { token: string }).token}` };
}
const get = async (path: string, headers: Record<string, string>) => {
  const r = await fetch(`${http.base}${path}`, { headers });
  expect(r.status, path).toBe(200);
  return (await r.json()) as unknown;
};

describe('the contract of /api/v1/me', () => {
  it('when a person has a case, a booking and a membership, then every answer parses with the contract', async () => {
    const { core, chat } = http.t;
    const me = await signIn('contract1');
    await converse(chat, 'web:contract1')
      .sendAll('老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '2', '两万八千五', '就我一个', '还在干', '都跳过', '没有', '张三', '13800138000', '确认')
      .expect(/提交成功/);
    const cases = CasesSchema.parse(await get('/api/v1/me/cases', me)).cases;
    expect(cases).toHaveLength(1);
    expect(cases[0]!.history.length).toBeGreaterThan(0);
    const one = (await get(`/api/v1/me/cases/${cases[0]!.caseNo}`, me)) as { case: unknown };
    expect(CaseSummarySchema.parse(one.case).caseNo).toBe(cases[0]!.caseNo);

    const slot = nth(await donglongSlots(core), 0, 'a slot at 东龙');
    const b = await bookDirect(core, chat, { userKey: 'web:contract1', staffId: slot.staffId, pointId: slot.pointId, at: slot.key.slice(slot.key.indexOf('@') + 1) });
    const bookings = BookingsSchema.parse(await get('/api/v1/me/bookings', me)).bookings;
    expect(bookings.map((x) => x.bookingNo)).toEqual([b.bookingNo]);
    expect(BookingSchema.parse(await get(`/api/v1/me/bookings/${b.bookingNo}`, me)).booking.servicePoint?.name).toBeTruthy();

    expect(MembershipSchema.parse(await get('/api/v1/me/membership', me)).membership).toBeNull();
    await courierUpToReview(chat, 'web:contract1').send('确认');
    const m = await reviewed(core, 'web:contract1');
    await staffSays(core, m.reviewer!.staffId, `通过 ${m.appNo}`);
    const card = await eventually(async () => MembershipSchema.parse(await get('/api/v1/me/membership', me)).membership?.card ?? null, 8000, 'the card');
    expect(card.qr).toMatch(/^data:image\/png;base64,/);
  });
});
