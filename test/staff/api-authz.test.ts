/*
 * Who may do what on the staff API, over real HTTP: every staff route against
 * every kind of caller, for a case routed (by the routing worker) to grid
 * worker gw-001 of 东龙镇第一网格. Deny by default: each refusal must leave the
 * case record and its audit trail exactly as they were.
 */
import { suiteNow } from '../support/clock.js';
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import type { Case } from '../../core/cases/store.js';
import { TEST_ENV } from '../support/core.js';
import { signToken } from '../../core/infra/tokens.js';
import { ADMIN, MASKED, PHONE, routeTo, snapshot, startStaffApi, wageCase } from './support.js';
import { addReporterNote } from '../../core/cases/index.js';

const ASSIGNEE = 'gw-001';
const SAME_GRID = 'gw-002';
const OTHER_TOWNSHIP = 'gw-008'; // 白沙镇
const TOWNSHIP_SUP = 'sup-t01';
const OTHER_TOWNSHIP_SUP = 'sup-t02';
const DISTRICT_SUP = 'dsup-1';
const LIAISON = 'liaison-1';

/** Every POST route with a body that would be valid for it. */
const ACTIONS: [string, unknown][] = [
  ['accept', undefined],
  ['decline', { reason: '不在我的片区' }],
  ['note', { text: '已电话联系' }],
  ['resolve', { recovered: 28500 }],
  ['refer', { reason: '调解不成，老板拒付，农民工' }],
  ['referral/accept', undefined],
  ['referral/decline', { reason: '证据不足' }],
  ['referral/outcome', { outcome: '已出具支持起诉意见书' }],
];

const api = useFixture(() => startStaffApi({ workers: true }), 'all');

const detail = (c: Case) => `/api/v1/staff/cases/${c.caseNo}`;
const action = (c: Case, a: string) => `/api/v1/staff/cases/${c.caseNo}/${a}`;

async function assignedCase(): Promise<Case> {
  return routeTo(api.core, await wageCase(api.core), ASSIGNEE);
}

async function post(c: Case, a: string, token: string | undefined, json?: unknown) {
  return api.req('POST', action(c, a), { token, json });
}

/** Runs `fn` and checks the case record and its audit trail did not move. */
async function unchanged(c: Case, fn: () => Promise<void>) {
  const before = await snapshot(api.core, c.id);
  await fn();
  const after = await snapshot(api.core, c.id);
  expect(after.status).toBe(before.status);
  expect(after.audit).toBe(before.audit);
  expect(after.record).toEqual(before.record);
}

/** Callers that are no staff member at all, with the status each must get. */
const STRANGERS: [string, number, string | undefined][] = [
  ['the ADMIN_TOKEN used as a bearer', 401, ADMIN],
  ['a signed token with the admin role', 403, signToken(TEST_ENV.TOKEN_SECRET, { sub: 'admin', role: 'admin' }, 3600, suiteNow().getTime())],
  ['a web-chat user token', 403, signToken(TEST_ENV.TOKEN_SECRET, { sub: 'web:curious-user', role: 'user' }, 3600, suiteNow().getTime())],
  ['a staff token for someone not in the directory', 401, signToken(TEST_ENV.TOKEN_SECRET, { sub: 'gw-999', role: 'staff' }, 3600, suiteNow().getTime())],
  ['a garbage token', 401, 'not.a-token'],
  ['no token', 401, undefined],
];

describe('what the reporter asked to pass on', () => {
  it('the assignee reads the note with the number in it whole; a supervisor reads it masked', async () => {
    const c = await assignedCase();
    const added = await addReporterNote(api.core, c.id, c.reporter.userKey, { kind: 'phone', text: '我换号了 新号13911112222' });
    expect(added.ok).toBe(true);
    const own = await api.req('GET', detail(c), { token: await api.staff(ASSIGNEE) });
    expect(own.body.case.reporterNotes).toEqual([expect.objectContaining({ kind: 'phone', text: expect.stringContaining('139****2222'), phones: ['13911112222'] })]);
    const sup = await api.req('GET', detail(c), { token: await api.staff(TOWNSHIP_SUP) });
    expect(sup.body.case.reporterNotes[0].phones).toEqual(['139****2222']);
    expect(JSON.stringify(sup.body)).not.toContain('13911112222');
  });
});

describe('reading a case assigned to a grid worker', () => {
  it('the assignee sees it in full; supervisors of the place see it with the phone masked; everyone else gets 403 and no details', async () => {
    const c = await assignedCase();

    const own = await api.req('GET', detail(c), { token: await api.staff(ASSIGNEE) });
    expect(own.status).toBe(200);
    expect(own.body.case).toMatchObject({ caseNo: c.caseNo, status: 'assigned', reporter: { name: '张三', phone: PHONE }, assignee: { staffId: ASSIGNEE } });

    for (const sup of [TOWNSHIP_SUP, DISTRICT_SUP]) {
      const r = await api.req('GET', detail(c), { token: await api.staff(sup) });
      expect(r.status, sup).toBe(200);
      expect(r.body.case.reporter.phone, sup).toBe(MASKED);
      expect(JSON.stringify(r.body), sup).not.toContain(PHONE);
    }

    for (const other of [SAME_GRID, OTHER_TOWNSHIP, OTHER_TOWNSHIP_SUP, LIAISON]) {
      const r = await api.req('GET', detail(c), { token: await api.staff(other) });
      expect(r.status, other).toBe(403);
      expect(r.body.error.code, other).toBe('forbidden');
      expect(r.body.error.message, other).toContain(`案件 ${c.caseNo} 不是您负责的`);
      // Nothing about the case leaks with the refusal.
      expect(JSON.stringify(r.body), other).not.toMatch(/13800138000|138\*\*\*\*8000|张三|宏达/);
    }
  });

  it('case lists: the assignee and the supervisors over the place list it; another worker, another township’s supervisor and the liaison do not', async () => {
    const c = await assignedCase();
    const list = async (id: string) => {
      const r = await api.req('GET', '/api/v1/staff/cases', { token: await api.staff(id) });
      expect(r.status, id).toBe(200);
      return (r.body.cases as { caseNo: string; reporter: { phone: string } }[]).find((x) => x.caseNo === c.caseNo);
    };
    expect((await list(ASSIGNEE))?.reporter.phone).toBe(PHONE);
    expect((await list(TOWNSHIP_SUP))?.reporter.phone).toBe(MASKED);
    expect((await list(DISTRICT_SUP))?.reporter.phone).toBe(MASKED);
    for (const other of [SAME_GRID, OTHER_TOWNSHIP, OTHER_TOWNSHIP_SUP, LIAISON]) expect(await list(other), other).toBeUndefined();
  });

  it.each(STRANGERS)('%s gets %i on GET list and GET detail', async (_what, status, token) => {
    const c = await assignedCase();
    for (const path of ['/api/v1/staff/cases', detail(c)]) {
      const r = await api.req('GET', path, { token });
      expect(r.status, path).toBe(status);
      expect(r.body.error.code).toBe(status === 401 ? 'unauthorized' : 'forbidden');
      expect(JSON.stringify(r.body)).not.toContain(c.caseNo);
    }
  });

  it('an unknown or malformed case number is 404 for the assignee on every route, and for GET', async () => {
    const token = await api.staff(ASSIGNEE);
    for (const no of ['QX20991231-0001', 'nonsense']) {
      const r = await api.req('GET', `/api/v1/staff/cases/${no}`, { token });
      expect(r.status, no).toBe(404);
      expect(r.body.error.code).toBe('not_found');
      for (const [a, json] of ACTIONS) {
        const p = await api.req('POST', `/api/v1/staff/cases/${no}/${a}`, { token, json });
        expect(p.status, `${no} ${a}`).toBe(404);
        expect(p.body.error.code).toBe('not_found');
      }
    }
  });
});

describe('acting on a case waiting for its grid worker to accept', () => {
  it.each([
    ['another grid worker of the same grid', SAME_GRID, /不是您负责的/],
    ['a grid worker of another township', OTHER_TOWNSHIP, /不是您负责的/],
    ['the supervisor of another township', OTHER_TOWNSHIP_SUP, /不是您负责的/],
    ['the liaison (nothing referred yet)', LIAISON, /不是您负责的/],
  ])('%s is refused (403) on every action and the case is unchanged', async (_who, staffId, message) => {
    const c = await assignedCase();
    const token = await api.staff(staffId);
    await unchanged(c, async () => {
      for (const [a, json] of ACTIONS) {
        const r = await post(c, a, token, json);
        expect(r.status, a).toBe(403);
        expect(r.body.error.code, a).toBe('forbidden');
        expect(r.body.error.message, a).toMatch(message);
      }
    });
  });

  it.each([
    ['the township supervisor', TOWNSHIP_SUP],
    ['the district supervisor', DISTRICT_SUP],
  ])('%s may look but not work the case: accept, decline, resolve, refer and the liaison routes are 403, the case unchanged', async (_who, staffId) => {
    const c = await assignedCase();
    const token = await api.staff(staffId);
    await unchanged(c, async () => {
      for (const [a, json] of ACTIONS.filter(([x]) => x !== 'note')) {
        const r = await post(c, a, token, json);
        expect(r.status, a).toBe(403);
        expect(r.body.error.message, a).toMatch(a.startsWith('referral/') ? /没有转给您审查/ : /没有分派给您/);
      }
    });
  });

  it.each(STRANGERS)('%s gets %i on every action and the case is unchanged', async (_what, status, token) => {
    const c = await assignedCase();
    await unchanged(c, async () => {
      for (const [a, json] of ACTIONS) {
        const r = await post(c, a, token, json);
        expect(r.status, a).toBe(status);
      }
    });
  });

  it('the assignee cannot use the liaison routes (403) nor resolve or refer before accepting (409); nothing changes', async () => {
    const c = await assignedCase();
    const token = await api.staff(ASSIGNEE);
    await unchanged(c, async () => {
      for (const a of ['referral/accept', 'referral/decline', 'referral/outcome']) {
        const r = await post(c, a, token, ACTIONS.find(([x]) => x === a)![1]);
        expect(r.status, a).toBe(403);
        expect(r.body.error.message).toMatch(/没有转给您审查/);
      }
      expect((await post(c, 'resolve', token, { recovered: 28500 })).status).toBe(409);
      expect((await post(c, 'refer', token, { reason: '调解不成' })).status).toBe(409);
    });
  });

  it('supervisors of the place may add a supervision note (recorded under their id); they still cannot accept', async () => {
    const c = await assignedCase();
    const r = await post(c, 'note', await api.staff(TOWNSHIP_SUP), { text: '请今天内联系报告人' });
    expect(r.status).toBe(200);
    expect(r.body.case.reporter.phone).toBe(MASKED);
    const after = (await api.core.cases.get(c.id))!;
    expect(after.notes).toEqual([expect.objectContaining({ staffId: TOWNSHIP_SUP, text: '请今天内联系报告人' })]);
    expect(after.status).toBe('assigned');
    expect((await post(c, 'accept', await api.staff(TOWNSHIP_SUP))).status).toBe(403);
  });
});

describe('the assignee works the case to a referral; the liaison takes over only then', () => {
  it('each step is allowed for the right person only; every refusal on the way leaves the case unchanged', async () => {
    const c = await assignedCase();
    const me = await api.staff(ASSIGNEE);
    const liaison = await api.staff(LIAISON);
    const refusedAll = async (who: string[], actions: string[]) => {
      await unchanged(c, async () => {
        for (const id of who) {
          const token = await api.staff(id);
          for (const [a, json] of ACTIONS.filter(([x]) => actions.includes(x))) {
            const r = await post(c, a, token, json);
            expect(r.status, `${id} ${a}`).toBe(403);
          }
        }
      });
    };

    const accepted = await post(c, 'accept', me);
    expect(accepted.status).toBe(200);
    expect(accepted.body.case).toMatchObject({ status: 'accepted', reporter: { phone: PHONE } });
    await refusedAll([SAME_GRID, OTHER_TOWNSHIP, TOWNSHIP_SUP, DISTRICT_SUP, LIAISON], ['decline', 'resolve', 'refer', 'referral/accept']);

    expect((await post(c, 'note', me, { text: '约了周一去工地' })).status).toBe(200);
    expect((await api.req('GET', detail(c), { token: liaison })).status).toBe(403);

    const referred = await post(c, 'refer', me, { reason: '调解不成，老板拒付，农民工' });
    expect(referred.status).toBe(200);
    expect(referred.body.case).toMatchObject({ status: 'referred', referral: { liaisonId: LIAISON, status: 'pending' } });

    // Now the liaison may read it, with the full phone, and find it in their list.
    const seen = await api.req('GET', detail(c), { token: liaison });
    expect(seen.status).toBe(200);
    expect(seen.body.case.reporter.phone).toBe(PHONE);
    const list = await api.req('GET', '/api/v1/staff/cases', { token: liaison });
    expect(list.body.cases.map((x: { caseNo: string }) => x.caseNo)).toContain(c.caseNo);

    // Only the liaison decides; the liaison does not accept, decline or resolve the union's case.
    await refusedAll([ASSIGNEE, SAME_GRID, TOWNSHIP_SUP, DISTRICT_SUP], ['referral/accept', 'referral/decline', 'referral/outcome']);
    await refusedAll([LIAISON], ['accept', 'decline', 'refer', 'resolve']);
    await unchanged(c, async () => {
      // An outcome before accepting the referral is the wrong order: 409.
      const early = await post(c, 'referral/outcome', liaison, { outcome: '已出具支持起诉意见书' });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toContain(`请先回复「受理 ${c.caseNo}」再记录结果`);
    });

    const taken = await post(c, 'referral/accept', liaison);
    expect(taken.status).toBe(200);
    expect(taken.body.case.referral.status).toBe('accepted');
    await refusedAll([LIAISON], ['resolve']);
    await refusedAll([ASSIGNEE, TOWNSHIP_SUP], ['referral/outcome']);

    const done = await post(c, 'referral/outcome', liaison, { outcome: '已出具支持起诉意见书，追回 28500' });
    expect(done.status).toBe(200);
    expect(done.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: 28500, by: LIAISON }, referral: { status: 'done' } });

    // Decided: no second decision, by anyone.
    await unchanged(c, async () => {
      for (const a of ['referral/accept', 'referral/decline']) {
        const r = await post(c, a, liaison, ACTIONS.find(([x]) => x === a)![1]);
        expect(r.status, a).toBe(403);
      }
      expect((await post(c, 'accept', me)).status).toBe(409);
    });
  });

  it('after the liaison declines, the case is the grid worker’s again and the liaison can no longer decide on it', async () => {
    const c = await assignedCase();
    const me = await api.staff(ASSIGNEE);
    const liaison = await api.staff(LIAISON);
    expect((await post(c, 'accept', me)).status).toBe(200);
    expect((await post(c, 'refer', me, { reason: '调解不成' })).status).toBe(200);
    const declined = await post(c, 'referral/decline', liaison, { reason: '证据不足，请补充工资条' });
    expect(declined.status).toBe(200);
    expect(declined.body.case).toMatchObject({ status: 'accepted', referral: { status: 'declined', declineReason: '证据不足，请补充工资条' } });
    await unchanged(c, async () => {
      for (const a of ['referral/accept', 'referral/decline', 'referral/outcome', 'resolve']) {
        const r = await post(c, a, liaison, ACTIONS.find(([x]) => x === a)![1]);
        expect(r.status, a).toBe(403);
      }
    });
    const resolved = await post(c, 'resolve', me, { reason: '老板已跑路，无财产可执行', nextStep: { kind: 'court' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.case).toMatchObject({ status: 'resolved', outcome: { recovered: null, reason: '老板已跑路，无财产可执行', by: ASSIGNEE } });
  });
});
