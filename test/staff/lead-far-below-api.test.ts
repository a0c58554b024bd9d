/*
 * Less than a hundredth of the claim (`28.5` on 28,500元, a unit left out) is asked back in WeChat (h49); the staff
 * API and the console (which posts to it) did not ask and recorded 28.5元. Now the API answers 400 on `recovered`
 * with the reason, nothing recorded; `confirmed: true` (the console's 金额已核实) records it as typed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { manualClock } from '../../core/infra/clock.js';
import { useFixture } from '../support/fixture.js';
import { routeTo, staffChat, startStaffApi, wageCase, workingDayAt } from './support.js';

const GW = 'gw-001';
const api = useFixture(() => startStaffApi({ workers: true, clock: manualClock(workingDayAt('10:00')) }), 'all');
let gwToken: string;
let gw: (text: string) => Promise<string>;

beforeAll(async () => {
  gwToken = await api.staff(GW);
  gw = await staffChat(api.core, GW);
});

const post = (c: Case, action: string, json?: unknown) => api.req('POST', `/api/v1/staff/cases/${c.caseNo}/${action}`, { token: gwToken, json });
const get = async (c: Case) => (await api.core.cases.get(c.id))!;

/** A 28,500元 case of gw-001's, accepted. */
async function accepted(): Promise<Case> {
  const c = await routeTo(api.core, await wageCase(api.core, { gridId: 't01-g1' }), GW);
  expect(await gw(`接单 ${c.caseNo}`)).toMatch(/^已接单/);
  return get(c);
}

describe('the staff API: far below the claim', () => {
  it('28.5 on a 28,500元 claim is 400 on recovered, nothing recorded; confirmed records it as typed', async () => {
    const c = await accepted();
    expect(c.wage!.amount).toBe(28500);
    const before = await get(c);
    const r = await post(c, 'resolve', { recovered: 28.5 });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ field: 'recovered', message: expect.stringContaining('追回28.5元比报告人反映的28,500元少很多') });
    const after = await get(c);
    expect(after.status).toBe('accepted');
    expect(after.history).toHaveLength(before.history.length);

    const ok = await post(c, 'resolve', { recovered: 28.5, confirmed: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: 28.5 } });
  });

  it('guard: a hundredth of the claim or more is recorded at once', async () => {
    // guard: the check must not ask about a real partial recovery (285 of 28,500 is the hundredth itself).
    const c = await accepted();
    const r = await post(c, 'resolve', { recovered: 285 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.case.outcome).toMatchObject({ recovered: 285, full: false });
  });

  it('in WeChat, 追回 28.5 确认 still records it (the word is the check)', async () => {
    // guard: the close's new check must let WeChat's confirmed form through, as before.
    const c = await accepted();
    expect(await gw(`办结 ${c.caseNo} 追回 28.5`)).toContain('比反映的少很多。还没有记录。');
    expect((await get(c)).status).toBe('accepted');
    await gw(`办结 ${c.caseNo} 追回 28.5 确认`);
    expect((await get(c)).outcome).toMatchObject({ recovered: 28.5 });
  });
});
