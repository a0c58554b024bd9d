/*
 * Group arrears (群体欠薪): reports about one employer within 30 days are
 * linked, however the company name is typed. Then the admin figures
 * (GET /api/v1/admin/stats) over a seeded set of cases in known states.
 */
import { suiteNow } from '../support/clock.js';
import type { Job } from 'bullmq';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import type { Case } from '../../core/cases/store.js';
import { rateCase } from '../../core/cases/feedback.js';
import { linkGroup } from '../../core/cases/groups.js';
import { employerKey } from '../../core/infra/text.js';
import { routeCase } from '../../core/cases/routing.js';
import { acceptDeadline } from '../../core/cases/deadlines.js';
import { acceptCase, resolveCase } from '../../core/cases/work.js';
import { signToken } from '../../core/infra/tokens.js';
import { slaProcessor } from '../../core/cases/jobs.js';
import { TEST_ENV } from '../support/core.js';
import { ADMIN, MASKED, PHONE, inboxMessage, inboxTexts, routeTo, startStaffApi, wageCase, type CaseInput } from './support.js';

const DAY = 86400_000;

describe('reports against one employer within 30 days', () => {
  const api = useFixture(() => startStaffApi({ workers: true }), 'all');

  /** As the chat service does it: create, link, then route. */
  async function report(input: CaseInput): Promise<{ c: Case; groupId: string | null }> {
    const c = await wageCase(api.core, input);
    const groupId = await linkGroup(api.core, c);
    const routed = await routeTo(api.core, (await api.core.cases.get(c.id))!, 'gw-001');
    return { c: routed, groupId };
  }

  it('three spellings of 青溪宏达建筑工程 are one employer: linked under one group id, each its own case number, all high priority, the township supervisor copied, the assignee told the group totals', async () => {
    const names = ['青溪宏达建筑工程有限公司', '青溪宏达建筑工程 有限责任公司', '青溪宏达建筑工程（有限公司）'];
    expect(new Set(names.map((n) => employerKey(n).core)).size).toBe(1);

    const a = await report({ employer: names[0], amount: 28500, headcount: 1 });
    expect(a.groupId).toBeNull();
    expect(a.c).toMatchObject({ groupId: null, priority: 'normal', copied: [] });

    const b = await report({ employer: names[1], amount: 12000, headcount: 2, phone: '13900139000' });
    const c = await report({ employer: names[2], amount: 9500, headcount: 3, phone: '13700137000' });
    expect(b.groupId).toMatch(/^G[0-9a-f]{12}$/);
    expect(c.groupId).toBe(b.groupId);

    const all = await Promise.all([a, b, c].map(async (x) => (await api.core.cases.get(x.c.id))!));
    expect(new Set(all.map((x) => x.caseNo)).size).toBe(3);
    for (const x of all) {
      expect(x, x.caseNo).toMatchObject({ groupId: b.groupId, priority: 'high', status: 'assigned' });
      expect(x.copied, x.caseNo).toContain('sup-t01');
    }
    // Each keeps its own employer text and amount.
    expect(all.map((x) => [x.wage!.employer, x.wage!.amount])).toEqual([
      [names[0], 28500],
      [names[1], 12000],
      [names[2], 9500],
    ]);

    // The township supervisor gets a copy of each, with the phone masked.
    for (const x of all) {
      const copy = await inboxMessage(api.core, 'staff:sup-t01', new RegExp(`【抄送】[\\s\\S]*${x.caseNo}`), `copy of ${x.caseNo}`);
      expect(copy).toContain('群体欠薪');
      expect(copy).not.toMatch(/13800138000|13900139000|13700137000/);
    }
    expect((await inboxTexts(api.core, 'staff:sup-t01')).join('\n')).toContain(MASKED);

    // The third report's assignee reads the totals of the whole group.
    const nos = all.map((x) => x.caseNo);
    const notice = await inboxMessage(api.core, 'staff:gw-001', new RegExp(`【群体欠薪·优先】[\\s\\S]*${nos[2]}`), 'the third assignment');
    expect(notice).toContain(`【群体欠薪】同一单位30天内共3起反映，合计6人、50,000元：${nos.join('、')}`);
    expect(notice).toContain('优先级：优先（群体欠薪）');
    expect(notice).toContain('电话：13700137000');
  });

  it('a report against another employer is not linked', async () => {
    const { c, groupId } = await report({ employer: '青溪顺达物流有限公司', amount: 5000 });
    expect(groupId).toBeNull();
    expect(c).toMatchObject({ groupId: null, priority: 'normal', copied: [] });
  });

  it('a report older than 30 days is not linked; one 29 days old is', async () => {
    const old = await wageCase(api.core, { employer: '青溪新城建材有限公司', createdAt: new Date(api.core.clock.now().getTime() - 31 * DAY) });
    expect(await linkGroup(api.core, old)).toBeNull();
    const fresh = await report({ employer: '青溪新城建材 有限责任公司' });
    expect(fresh.groupId).toBeNull();
    expect((await api.core.cases.get(old.id))!.groupId).toBeNull();
    expect(fresh.c).toMatchObject({ groupId: null, priority: 'normal' });

    const recent = await wageCase(api.core, { employer: '青溪恒昌电子厂', createdAt: new Date(api.core.clock.now().getTime() - 29 * DAY) });
    expect(await linkGroup(api.core, recent)).toBeNull();
    const now = await report({ employer: '青溪恒昌电子厂' });
    expect(now.groupId).not.toBeNull();
    expect((await api.core.cases.get(recent.id))!).toMatchObject({ groupId: now.groupId, priority: 'high' });
  });
});

describe('GET /api/v1/admin/stats', () => {
  const api = useFixture(() => startStaffApi(), 'all');
  let body: { districts: Record<string, unknown>[] };

  /**
   * Seeds, without workers, cases in known states:
   * 东龙镇 t01: c1 routed only (10,000); c2 accepted, then its resolve deadline passed (20,000);
   *   c3 not accepted in time and reassigned (5,000); c4 accepted, resolved 追回 8,000, 满意 (8,000);
   *   c5 accepted, resolved 未追回, 不满意 → reopened to sup-t01, who accepted (6,000).
   * 白沙镇 t02: d1 accepted, resolved 追回 12,000, 基本满意 (12,000); d2 accepted, resolved 未追回,
   *   not rated (7,000); d3 not accepted in time, reassigned and accepted by the next (4,000).
   */
  beforeAll(async () => {
    const core = api.core;
    const sla = slaProcessor(core);
    const get = async (id: string) => (await core.cases.get(id))!;
    const as = (c: Case) => ({ core, staff: core.directory.index().staffById.get(c.assignee!.staffId)! });
    const routed = async (input: CaseInput) => {
      const c = await wageCase(core, input);
      await routeCase(core, c.id);
      return get(c.id);
    };
    const accepted = async (input: CaseInput) => {
      const c = await routed(input);
      await acceptCase(as(c), c.caseNo);
      return get(c.id);
    };
    const lapsed = async (c: Case) => {
      await sla({ name: 'accept-deadline', data: { caseId: c.id, seq: c.assignmentSeq }, id: 'seed' } as Job);
      await routeCase(core, c.id);
      const again = await get(c.id);
      expect(again.assignee!.staffId).not.toBe(c.assignee!.staffId);
      return again;
    };
    const t01 = { townshipId: 't01', gridId: 't01-g1' };
    const t02 = { townshipId: 't02', gridId: 't02-g1' };

    await routed({ ...t01, amount: 10_000 });
    const c2 = await accepted({ ...t01, amount: 20_000 });
    await sla({ name: 'resolve-deadline', data: { caseId: c2.id, seq: c2.assignmentSeq }, id: 'seed' } as Job);
    await lapsed(await routed({ ...t01, amount: 5_000 }));
    const c4 = await accepted({ ...t01, amount: 8_000 });
    await resolveCase(as(c4), c4.caseNo, { recovered: 8_000, reason: null });
    await rateCase(core, c4.id, 'satisfied');
    const c5 = await accepted({ ...t01, amount: 6_000 });
    await resolveCase(as(c5), c5.caseNo, { recovered: null, reason: '单位已停业', nextStep: { kind: 'arbitration' } });
    await rateCase(core, c5.id, 'unsatisfied');
    await routeCase(core, c5.id);
    const c5again = await get(c5.id);
    expect(c5again.assignee).toMatchObject({ staffId: 'sup-t01', level: 'township' });
    await acceptCase(as(c5again), c5.caseNo);

    const d1 = await accepted({ ...t02, amount: 12_000 });
    await resolveCase(as(d1), d1.caseNo, { recovered: 12_000, reason: null });
    await rateCase(core, d1.id, 'basically');
    const d2 = await accepted({ ...t02, amount: 7_000 });
    await resolveCase(as(d2), d2.caseNo, { recovered: null, reason: '证据不足', nextStep: { kind: 'court' } });
    const d3 = await lapsed(await routed({ ...t02, amount: 4_000 }));
    await acceptCase(as(d3), d3.caseNo);

    // The seeded states, as described above.
    expect((await get(c2.id)).missed).toEqual(['resolve']);
    expect((await get(c4.id)).status).toBe('closed');
    expect((await get(c5.id)).status).toBe('accepted');
    expect((await get(d1.id)).status).toBe('closed');
    expect((await get(d3.id))).toMatchObject({ status: 'accepted', missed: ['accept'] });

    const r = await api.req('GET', '/api/v1/admin/stats', { token: ADMIN });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    body = r.body;
  });

  const figures = (x: Record<string, unknown>) => {
    const { received, accepted, acceptedOnTime, responseRate, resolved, resolutionRate, rated, satisfied, satisfactionRate, amountClaimed, amountRecovered, deadlinesMissed } = x;
    return { received, accepted, acceptedOnTime, responseRate, resolved, resolutionRate, rated, satisfied, satisfactionRate, amountClaimed, amountRecovered, deadlinesMissed };
  };
  const district = () => body.districts.find((d) => d.districtId === 'qingxi')!;
  const township = (id: string) => (district().townships as Record<string, unknown>[]).find((t) => t.townshipId === id)!;

  it('the district totals', () => {
    expect(body.districts).toHaveLength(1);
    expect(district().name).toBe('青溪区');
    expect(figures(district())).toEqual({
      received: 8,
      accepted: 6,
      acceptedOnTime: 5,
      responseRate: 0.625,
      resolved: 3,
      resolutionRate: 0.375,
      rated: 3,
      satisfied: 2,
      satisfactionRate: 0.667,
      amountClaimed: 72_000,
      amountRecovered: 20_000,
      deadlinesMissed: 3,
    });
  });

  it.each<[string, string, string, Record<string, number>]>([
    [
      '东龙镇',
      'a lapsed accept and a missed resolve deadline count as missed; the reopened case counts as rated but not resolved',
      't01',
      {
        received: 5,
        accepted: 3,
        acceptedOnTime: 3,
        responseRate: 0.6,
        resolved: 1,
        resolutionRate: 0.2,
        rated: 2,
        satisfied: 1,
        satisfactionRate: 0.5,
        amountClaimed: 49_000,
        amountRecovered: 8_000,
        deadlinesMissed: 2,
      },
    ],
    [
      '白沙镇',
      '基本满意 counts as satisfied; a case accepted only after a lapse is not on time',
      't02',
      {
        received: 3,
        accepted: 3,
        acceptedOnTime: 2,
        responseRate: 0.667,
        resolved: 2,
        resolutionRate: 0.667,
        rated: 1,
        satisfied: 1,
        satisfactionRate: 1,
        amountClaimed: 23_000,
        amountRecovered: 12_000,
        deadlinesMissed: 1,
      },
    ],
  ])('%s: %s', (name, _rule, id, expected) => {
    expect(township(id).name).toBe(name);
    expect(figures(township(id))).toEqual(expected);
  });

  it('a township without cases has zero counts and no rates (null, not 0 or NaN)', () => {
    expect(figures(township('t03'))).toEqual({
      received: 0, accepted: 0, acceptedOnTime: 0, responseRate: null, resolved: 0, resolutionRate: null,
      rated: 0, satisfied: 0, satisfactionRate: null, amountClaimed: 0, amountRecovered: 0, deadlinesMissed: 0,
    });
    expect((district().townships as unknown[]).length).toBe(10);
  });

  it('without the admin token: 401; with a wrong one, a staff token or a user token: 403; no figures leak', async () => {
    const none = await api.req('GET', '/api/v1/admin/stats');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    for (const token of [
      'wrong-admin-token-0123',
      `${ADMIN}x`,
      await api.staff('dsup-1'),
      signToken(TEST_ENV.TOKEN_SECRET, { sub: 'web:u1', role: 'user' }, 3600, suiteNow().getTime()),
      signToken(TEST_ENV.TOKEN_SECRET, { sub: 'admin', role: 'admin' }, 3600, suiteNow().getTime()),
    ]) {
      const r = await api.req('GET', '/api/v1/admin/stats', { token });
      expect(r.status).toBe(403);
      expect(r.body).toEqual({ error: { code: 'forbidden', message: '管理员凭证不正确。', requestId: expect.any(String) } });
    }
  });

  it('figures do not expose personal data', () => {
    expect(JSON.stringify(body)).not.toMatch(new RegExp(`${PHONE}|张三`));
  });
});
