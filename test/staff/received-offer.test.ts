/*
 * `收到` with no quote, the usual answer to a new case's notice in WeChat: it is no 接单, and must not look like
 * one (the time to take the case would run out unseen). The case waiting for this person is named and 接单
 * offered on 好; with two waiting, both are listed; with none waiting, the plain acknowledgement. A liaison's 收到
 * for the one referral waiting for their answer: 受理 and 不予支持 said (a decision, never offered on 好); a
 * supervisor's for the one close waiting for their approval: 同意 and 退回 said, the same way.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, LIAISON, SUP, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const s = staffInWechat(workingDayAt('10:00'));

describe('收到 after a new case', () => {
  it('one case waiting: named, 接单 offered; 好 takes it', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.routedToGw1();
    expect(await s.ask(GW1, '收到')).toBe(`案件 ${c.caseNo} 还等您接单，请发：接单 ${c.caseNo}\n回复「好」就接单。`);
    expect((await s.get(c)).status).toBe('assigned');
    expect(await s.ask(GW1, '好')).toMatch(/^已接单。/);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('two waiting: both listed, nothing offered', async () => {
    await s.bind(GW1, 'gw-001');
    const a = await s.routedToGw1();
    const b = await s.routedToGw1();
    const said = await s.ask(GW1, '明白');
    expect(said).toMatch(/有2件案件还等您接单/);
    expect(said).toContain(a.caseNo);
    expect(said).toContain(b.caseNo);
    expect(await s.ask(GW1, '好')).not.toMatch(/已接单/);
    expect((await s.get(a)).status).toBe('assigned');
  });

  it('nothing waiting (the case already taken): the plain acknowledgement', async () => {
    await s.bind(GW1, 'gw-001');
    await s.acceptedByGw1();
    expect(await s.ask(GW1, '收到')).toBe('好的。需要办理时请发指令，发「帮助」看全部指令。');
  });

  it('a liaison\'s 收到 for the referral waiting: 受理 and 不予支持 said, nothing offered', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(LIAISON, 'liaison-1');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `转检察 ${c.caseNo} 老板拒不支付`)).toMatch(/^已转给检察联络员/);
    expect(await s.ask(LIAISON, '收到')).toBe(`案件 ${c.caseNo} 等您答复：受理请发：受理 ${c.caseNo}\n不予支持请发：不予支持 ${c.caseNo} 理由`);
    expect(await s.ask(LIAISON, '好')).not.toMatch(/已受理/);
    expect((await s.get(c)).referral?.status).toBe('pending');
  });

  it('a supervisor\'s 收到 for the close waiting: 同意 and 退回 said, nothing offered', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(SUP, 'sup-t01');
    await s.app.t.core.redis.hSet(s.app.t.core.cases.keys.load(), { 'gw-001': 0 });
    const c = await s.routedCase({ headcount: 12, amount: 200000 });
    expect(c.assignee?.staffId).toBe('gw-001');
    await s.ask(GW1, `接单 ${c.caseNo}`);
    expect(await s.ask(GW1, `办结 ${c.caseNo} 未追回 老板跑了 下一步 仲裁`)).toMatch(/已请对方审批/);
    expect(await s.ask(SUP, '收到')).toBe(`案件 ${c.caseNo} 的办结等您审批：同意办结请发：同意 ${c.caseNo}\n不同意请发：退回 ${c.caseNo} 原因`);
    expect(await s.ask(SUP, '好')).not.toMatch(/已同意|已办结/);
    expect((await s.get(c)).status).toBe('closing');
  });
});
