/*
 * The liaison's 结果 is sent twice at the same moment (a double tap, or
 * WeChat and the API together) with different texts. Exactly one wins; the
 * loser is refused and changes nothing, so the referral's outcome and the
 * case's outcome tell the same story.
 */
import { expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { routeTo, startStaffApi, wageCase } from '../staff/support.js';

const api = useFixture(() => startStaffApi({ workers: true }), 'all');

it('two outcomes at once: one 200, one 409, and the record keeps the winner’s outcome only', async () => {
  const c = await routeTo(api.core, await wageCase(api.core), 'gw-001');
  const gw = await api.staff('gw-001');
  const liaison = await api.staff('liaison-1');
  const post = (path: string, token: string, json?: unknown) => api.req('POST', `/api/v1/staff/cases/${c.caseNo}/${path}`, { token, json });
  expect((await post('accept', gw)).status).toBe(200);
  expect((await post('refer', gw, { reason: '调解不成，老板拒付，农民工' })).status).toBe(200);
  expect((await post('referral/accept', liaison)).status).toBe(200);

  const texts = ['已出具支持起诉意见书', '追回 100'];
  const results = await Promise.all(texts.map((outcome) => post('referral/outcome', liaison, { outcome })));
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  const winner = texts[results.findIndex((r) => r.status === 200)]!;

  const cur = (await api.core.cases.get(c.id))!;
  expect(cur.status).toBe('resolved');
  expect(cur.referral).toMatchObject({ status: 'done', outcome: winner });
  expect(cur.outcome!.recovered === 100 ? '追回 100' : cur.outcome!.reason).toBe(winner === '追回 100' ? '追回 100' : `检察机关：${winner}`);
  // One outcome recorded in the audit trail, not two.
  expect((await api.core.cases.audit(c.id)).filter((e) => e.action === 'referral-outcome')).toHaveLength(1);
});
