/*
 * 更正 (helper h85): staff correct one fact of a submitted wage case as the
 * reporter asked — the amount owed, the employer, the reporter's phone — in
 * WeChat (`更正 0001 金额 28500`) or over the staff API
 * (`POST /api/v1/staff/cases/:caseNo/amend`). One write: the record, an
 * audit entry (who, when, field, old → new; a phone only masked), a line in
 * the reporter's 进度 and its notice. Refused, with nothing written, when
 * the case is resolved, closed or waiting for a close's approval, the value
 * is invalid or the same, or the person may not act on the case. The next
 * resolve checks the over-claim against the new amount; documents and 详情
 * show the new value. The real Koa app over real Redis with the workers; a
 * manual clock on the suite's working morning.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseMobile, parseOrgName } from '../../flows/parsers/index.js';
import { amendEmployer, amendPhone, amendAmount } from '../../core/infra/amend.js';
import { caseJobKeys } from '../../core/cases/due.js';
import type { Case } from '../../core/cases/store.js';
import { documentFile, documentsFor } from '../../core/documents/index.js';
import { manualClock } from '../../core/infra/clock.js';
import { lookupHash, unseal } from '../../core/infra/privacy.js';
import { docxText } from '../documents/support.js';
import { eventually } from '../support/core.js';
import { dumpPrefix } from '../support/redis-dump.js';
import { useFixture } from '../support/fixture.js';
import { converse } from '../support/converse.js';
import { staffNotices, submittedAndRouted } from '../support/reports.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';
import { inboxMessage, inboxTexts, routeTo, snapshot, staffChat, startStaffApi, wageCase, workingDayAt } from '../staff/support.js';

const GW = 'gw-001'; // 东龙镇第一网格
const OTHER_GW = 'gw-002';
const SUP = 'sup-t01'; // 东龙镇
const OTHER_SUP = 'sup-t02'; // 白沙镇
const LIAISON = 'liaison-1';

const T0 = workingDayAt('10:00');
const clock = manualClock(T0);
const api = useFixture(() => {
  clock.set(T0);
  return startStaffApi({ workers: true, clock });
});

const get = async (c: Case) => (await api.core.cases.get(c.id))!;
const serial = (c: Case) => c.caseNo.slice(-4);
const amend = async (c: Case, staffId: string, json: unknown) => api.req('POST', `/api/v1/staff/cases/${c.caseNo}/amend`, { token: await api.staff(staffId), json });

/** A case routed to gw-001 and accepted by them. */
async function acceptedCase(input: Parameters<typeof wageCase>[1] = {}): Promise<Case> {
  const c = await routeTo(api.core, await wageCase(api.core, input), GW);
  const r = await api.req('POST', `/api/v1/staff/cases/${c.caseNo}/accept`, { token: await api.staff(GW) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return get(c);
}

/** Everything in the outbox sent. */
async function settled() {
  const key = caseJobKeys(api.core.config.REDIS_PREFIX).outbox();
  await eventually(async () => ((await api.core.redis.zCard(key)) === 0 ? true : null), 8000, 'outbox empty');
  await new Promise((r) => setTimeout(r, 200));
}

/** Runs `fn`, then checks the record and its audit did not move and the reporter was told nothing more. */
async function unchanged(c: Case, fn: () => Promise<void>) {
  await settled();
  const before = await snapshot(api.core, c.id);
  const told = (await inboxTexts(api.core, c.reporter.userKey)).length;
  await fn();
  const after = await snapshot(api.core, c.id);
  expect(after.audit).toBe(before.audit);
  expect(after.record).toEqual(before.record);
  await settled();
  expect(await inboxTexts(api.core, c.reporter.userKey)).toHaveLength(told);
}

const amended = async (c: Case) => (await api.core.cases.audit(c.id)).filter((a) => a.action === 'amended');

describe('更正 in WeChat', () => {
  it('the assignee corrects the amount by the last four digits: record, audit, 进度, the worker told, 详情 shows it', async () => {
    const c = await acceptedCase();
    const say = await staffChat(api.core, GW);
    const answer = await say(`更正 ${serial(c)} 金额 30000`);
    expect(answer).toContain(`已更正案件 ${c.caseNo} 的欠薪金额：28,500元 → 30,000元。已告诉报告人。`);
    const x = await get(c);
    expect(x.wage).toMatchObject({ amount: 30000, amountApprox: false, amountUpTo: null, employer: c.wage!.employer });
    expect(x.status).toBe('accepted');
    expect(x.history.at(-1)).toEqual({ at: T0.toISOString(), status: 'accepted', note: '工作人员把案件里的欠薪金额改为30,000元，有不对的请跟我说' });
    expect(await amended(c)).toEqual([{ at: T0.toISOString(), actor: `staff:${GW}`, action: 'amended', detail: 'amount 28,500元 -> 30,000元' }]);
    await inboxMessage(api.core, c.reporter.userKey, new RegExp(`您的案件 ${c.caseNo} 有新进展：工作人员把案件里的欠薪金额改为30,000元，有不对的请跟我说。`));
    expect(await say(`详情 ${c.caseNo}`)).toMatch(/30,000元/);
  });

  it('the employer and the phone: the phone sealed as at submission, masked in audit, 进度 and notice, and whole nowhere in Redis or the logs', async () => {
    const c = await acceptedCase();
    const say = await staffChat(api.core, GW);
    const logged: unknown[] = [];
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) vi.spyOn(api.core.log, level).mockImplementation(((...args: unknown[]) => void logged.push(args)) as never);
    try {
      expect(await say(`更正 ${c.caseNo} 单位 宏达电子厂`)).toContain('的用人单位：青溪宏达建筑工程有限公司 → 宏达电子厂');
      expect(await say(`更正 ${c.caseNo} 电话 139 1234 5678`)).toContain('的联系电话：138****8000 → 139****5678');
      await inboxMessage(api.core, c.reporter.userKey, /把案件里的联系电话改为139\*\*\*\*5678/);
      await settled();
    } finally {
      vi.restoreAllMocks();
    }
    const x = await get(c);
    expect(x.wage!.employer).toBe('宏达电子厂');
    expect(unseal(api.core.config.DATA_KEY, x.reporter.phoneSealed!)).toBe('13912345678');
    expect(x.reporter.phoneHash).toBe(lookupHash(api.core.config.HASH_KEY, 'phone', '13912345678'));
    expect(x.history.slice(-2).map((h) => h.note)).toEqual(['工作人员把案件里的用人单位改为「宏达电子厂」，有不对的请跟我说', '工作人员把案件里的联系电话改为139****5678，有不对的请跟我说']);
    expect((await amended(c)).map((a) => a.detail)).toEqual(['employer 青溪宏达建筑工程有限公司 -> 宏达电子厂', 'phone 138****8000 -> 139****5678']);
    // Whole nowhere: not in any key (jobs, outbox, audit, inboxes), not in the logs.
    const dump = [...(await dumpPrefix(api.core.redis, api.core.config.REDIS_PREFIX)).values()].join('\n');
    expect(dump).not.toMatch(/13912345678|139 1234 5678/);
    expect(JSON.stringify(logged)).not.toMatch(/13912345678/);
    // The documents made next carry the new employer.
    const kinds = await documentsFor(api.core, x);
    expect(kinds.length).toBeGreaterThan(0);
    const file = await documentFile(api.core, x, kinds[0]!.kind, { phone: true });
    const text = docxText(file!.bytes);
    expect(text).toContain('宏达电子厂');
    expect(text).not.toContain('青溪宏达建筑工程有限公司');
  });

  it('bad input asks again with the right form, and nothing is written', async () => {
    const c = await acceptedCase();
    const say = await staffChat(api.core, GW);
    await unchanged(c, async () => {
      expect(await say(`更正 ${c.caseNo} 年龄 30`)).toMatch(/还没有更正。没看懂要更正哪一项：只能更正金额、单位或电话。请这样写（一次更正一项）：\n更正 QX\d{8}-\d{4} 金额 28500\n更正 .+ 单位 宏达电子厂\n更正 .+ 电话 13912345678/);
      expect(await say(`更正 ${c.caseNo} 金额`)).toMatch(/^还没有更正。请写上更正后的欠薪金额。请这样写/);
      expect(await say(`更正 ${c.caseNo} 金额 两三万`)).toMatch(/^还没有更正：更正要写一个确定的数，不能是大概或范围/);
      expect(await say(`更正 ${c.caseNo} 金额 abc`)).toMatch(/^还没有更正：「abc」没看懂是多少钱.*\n例如：更正 QX\d{8}-\d{4} 金额 28500$/);
      expect(await say(`更正 ${c.caseNo} 金额 -500`)).toMatch(/不能是负数/);
      expect(await say(`更正 ${c.caseNo} 金额 0`)).toMatch(/金额要大于0/);
      expect(await say(`更正 ${c.caseNo} 金额 20000000`)).toMatch(/超过了1000万元/);
      expect(await say(`更正 ${c.caseNo} 金额 28500.123`)).toMatch(/两位小数/);
      expect(await say(`更正 ${c.caseNo} 电话 12345`)).toMatch(/^还没有更正：「12345」不是有效的手机号.*\n例如：更正 .+ 电话 13912345678$/);
      expect(await say(`更正 ${c.caseNo} 电话 0512-66881234`)).toMatch(/座机/);
      expect(await say(`更正 ${c.caseNo} 单位 <script>`)).toMatch(/^还没有更正：单位名称只能有汉字、字母、数字/);
      expect(await say(`更正 ${c.caseNo} 单位 ${'宏'.repeat(61)}`)).toMatch(/最多60个字/);
      expect(await say(`更正 ${c.caseNo} 金额 28500`)).toMatch(/欠薪金额已经是28,500元，不用更正/);
      expect(await say(`更正 ${c.caseNo} 电话 13800138000`)).toMatch(/联系电话已经是138\*\*\*\*8000，不用更正/);
      expect(await say('更正 金额 30000')).toMatch(/^还没有更正。请写上案件编号/);
      // Another fact about the employer: never its words taken as the employer's name.
      expect(await say(`更正 ${c.caseNo} 单位地址 河西街道建设路1号`)).toMatch(/^还没有更正。只能更正欠薪金额、用人单位名称和报告人的电话，其他情况请用「备注 QX\d{8}-\d{4} 内容」记下/);
      expect(await say(`更正 ${c.caseNo} 老板电话 13912345678`)).toMatch(/^还没有更正。只能更正/);
      expect(await say(`更正 ${c.caseNo} 单位的负责人 王建国`)).toMatch(/^还没有更正。只能更正/);
      expect(await say(`更正 ${c.caseNo} 工资 5000`)).toMatch(/^还没有更正。没看懂要更正哪一项/);
    });
    expect(await say(`更正 ${c.caseNo} 公司名称：宏达电子厂`)).toContain('→ 宏达电子厂。');
    expect(await say(`更正 ${c.caseNo} 金额改为2.6万元`)).toContain('28,500元 → 26,000元。');
  });

  it('who may: another grid worker and the liaison are refused; the township supervisor may, another township\'s may not', async () => {
    const c = await acceptedCase();
    await unchanged(c, async () => {
      expect(await (await staffChat(api.core, OTHER_GW))(`更正 ${c.caseNo} 金额 30000`)).toMatch(/不是您负责的/);
      expect(await (await staffChat(api.core, LIAISON))(`更正 ${c.caseNo} 金额 30000`)).toMatch(/不能使用这条指令/);
      expect(await (await staffChat(api.core, OTHER_SUP))(`更正 ${c.caseNo} 金额 30000`)).toMatch(/不是您负责的/);
    });
    expect(await (await staffChat(api.core, SUP))(`更正 ${c.caseNo} 金额 31000`)).toContain('28,500元 → 31,000元');
    expect((await amended(c)).map((a) => a.actor)).toEqual([`staff:${SUP}`]);
  });

  it('a resolved case and a close waiting for approval are not corrected', async () => {
    const waiting = await acceptedCase({ headcount: 12 });
    const say = await staffChat(api.core, GW);
    expect(await say(`办结 ${waiting.caseNo} 追回 28500`)).toMatch(/审核|审批/);
    expect((await get(waiting)).status).toBe('closing');
    await unchanged(waiting, async () => {
      expect(await say(`更正 ${waiting.caseNo} 金额 30000`)).toMatch(/办结正在等审批，现在不能更正/);
    });
    const done = await acceptedCase();
    expect(await say(`办结 ${done.caseNo} 追回 28500`)).toMatch(/办结/);
    expect((await get(done)).status).toBe('resolved');
    await unchanged(done, async () => {
      expect(await say(`更正 ${done.caseNo} 金额 30000`)).toMatch(/已经「已办结」，不能再更正/);
    });
  });
});

describe('from the worker\'s correction to the case', () => {
  it('the 【当事人留言】 of a correction says how to 更正; done so, the worker reads it in 进度', async () => {
    const c = await submittedAndRouted(api.core, api.t.chat, 'web:h85w', SUBMITTED_REPORT, SUBMITTED_REPORT[2]);
    await converse(api.t.chat, 'web:h85w').send('金额不对 老板欠我的是8000不是6000').expect(/转给负责您案件/).send('同意').expect(/已转给/);
    const staffId = c.assignee!.staffId;
    const notice = await eventually(async () => ((await staffNotices(api.core, staffId)).includes('【当事人留言】') ? staffNotices(api.core, staffId) : null), 8000, 'the assignee told');
    expect(notice).toContain(`跟本人核实后，要改案件里的金额、单位或电话，请发：更正 ${c.caseNo} 金额 新金额（单位、电话同样写）。`);
    const say = await staffChat(api.core, staffId);
    expect(await say(`更正 ${c.caseNo} 金额 8000`)).toContain('6,000元 → 8,000元');
    expect((await get(c)).wage!.amount).toBe(8000);
    await converse(api.t.chat, 'web:h85w').send('进度').expect(/工作人员按您的更正，把欠薪金额改为8,000元/);
  });
});

describe('the resolve after a correction', () => {
  it('checks the over-claim against the new amount, both ways', async () => {
    const c = await acceptedCase();
    const token = await api.staff(GW);
    const resolve = (json: unknown) => api.req('POST', `/api/v1/staff/cases/${c.caseNo}/resolve`, { token, json });
    // Lowered: what was within the old claim is now above it.
    expect((await amend(c, GW, { field: 'amount', value: 20000 })).status).toBe(200);
    const above = await resolve({ recovered: 25000 });
    expect(above.status).toBe(400);
    expect(above.body.error).toMatchObject({ field: 'recovered' });
    expect(JSON.stringify(above.body)).toContain('20,000元');
    // Raised: what was above the old claim is now within it.
    expect((await amend(c, GW, { field: 'amount', value: '4万' })).status).toBe(200);
    const within = await resolve({ recovered: 35000 });
    expect(within.status, JSON.stringify(within.body)).toBe(200);
    expect((await get(c)).outcome).toMatchObject({ recovered: 35000 });
  });
});

describe('POST /api/v1/staff/cases/:caseNo/amend', () => {
  it('the assignee amends over the API; wrong, empty, huge and hostile bodies are 400 with the field, and nothing is written', async () => {
    const c = await acceptedCase();
    await unchanged(c, async () => {
      const bad: [unknown, string][] = [
        [{ field: 'age', value: 30 }, 'field'],
        [{ field: 'amount' }, 'value'],
        [{ field: 'amount', value: '' }, 'value'],
        [{ field: 'amount', value: 1e12 }, 'value'],
        [{ field: 'amount', value: -1 }, 'value'],
        [{ field: 'amount', value: { $gt: 1 } }, 'value'],
        [{ field: 'employer', value: 'x'.repeat(10_000) }, 'value'],
        [{ field: 'employer', value: '<img src=x onerror=alert(1)>' }, 'value'],
        [{ field: 'employer', value: '宏达\u202E厂' + '🙂' }, 'value'],
        [{ field: 'phone', value: '13912345678; DROP' }, 'value'],
        [{ field: 'phone', value: 13912345678 }, 'value'],
        [{ field: 'amount', value: 1, extra: 1 }, 'extra'],
        [[], 'body'],
      ];
      for (const [json, field] of bad) {
        const r = await amend(c, GW, json);
        expect(r.status, JSON.stringify(json)).toBe(400);
        expect(r.body.error.field, JSON.stringify(r.body)).toBe(field);
        expect(typeof r.body.error.message).toBe('string');
      }
    });
    const r = await amend(c, GW, { field: 'employer', value: '  宏达电子厂(东龙)  ' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.case.caseNo).toBe(c.caseNo);
    expect((await get(c)).wage!.employer).toBe('宏达电子厂（东龙）');
    const again = await amend(c, GW, { field: 'employer', value: '宏达电子厂（东龙）' });
    expect(again.status).toBe(409);
  });

  it('two corrections to the same value at once: one is written, the other refused as unchanged; one audit entry, one notice', async () => {
    const c = await acceptedCase();
    await settled();
    const told = (await inboxTexts(api.core, c.reporter.userKey)).length;
    const [a, b] = await Promise.all([amend(c, GW, { field: 'amount', value: 26000 }), amend(c, SUP, { field: 'amount', value: '26000' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error).toMatchObject({ code: 'unchanged' });
    expect(await amended(c)).toHaveLength(1);
    expect((await get(c)).history.filter((h) => h.note.startsWith('工作人员把案件里的欠薪金额改为')).length).toBe(1);
    await settled();
    expect((await inboxTexts(api.core, c.reporter.userKey)).slice(told).filter((t) => t.includes('26,000元'))).toHaveLength(1);
  });

  it('a supervisor of another township is 403; the case\'s own may amend the phone', async () => {
    const c = await acceptedCase();
    await unchanged(c, async () => {
      expect((await amend(c, OTHER_SUP, { field: 'phone', value: '13912345678' })).status).toBe(403);
      expect((await amend(c, OTHER_GW, { field: 'phone', value: '13912345678' })).status).toBe(403);
    });
    const r = await amend(c, SUP, { field: 'phone', value: '+86 139-1234-5678' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain('13912345678');
    expect(unseal(api.core.config.DATA_KEY, (await get(c)).reporter.phoneSealed!)).toBe('13912345678');
  });
});

describe('the checks are the wage chat\'s', () => {
  // guard: the core's checks (core never imports the chat) answer as the chat's parsers do.
  it('employer names and phones are taken or refused alike', () => {
    const takes = (f: () => unknown) => {
      try {
        f();
        return true;
      } catch {
        return false;
      }
    };
    for (const name of ['宏达电子厂', '青溪宏达建筑工程有限公司', 'ABC Trading Co.', '宏达(深圳)公司', '宏', '12345', '宏达🙂', '宏达@厂', 'x'.repeat(61), '老王&小李', '华·联超市']) {
      expect(takes(() => amendEmployer(name)), name).toBe(parseOrgName(name).ok);
      if (parseOrgName(name).ok) expect(amendEmployer(name)).toBe((parseOrgName(name) as { value: string }).value);
    }
    for (const phone of ['13912345678', '139 1234 5678', '+86 13912345678', '8613912345678', '12912345678', '1391234567', '05126688123', '139123456789']) {
      expect(takes(() => amendPhone(phone)), phone).toBe(parseMobile(phone).ok);
    }
    expect(amendAmount('28,500')).toBe(28500);
    expect(amendAmount('2.85万')).toBe(28500);
    expect(amendAmount('两万八千五')).toBe(28500);
    expect(amendAmount('28500元')).toBe(28500);
    expect(amendAmount(10_000_000)).toBe(10_000_000);
  });
});
