/*
 * Staff in WeChat, probe 7: an amount above the claim is asked back (never
 * 全额); spoken amounts and the reason before 未追回 are read; a case the
 * reporter withdrew or settled closes as such (no arbitration advice, no
 * money counted); the number typed before the command; commands without a
 * number on the one case held; everyday phrases get a hint; a 退回 tells the
 * reporter another person of the grid takes the case.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { inboxMessage, workingDayAt } from './support.js';
import { GW1, staffInWechat } from './in-wechat.js';

const T0 = workingDayAt('10:00');
const { app, ask, get, bind, routedToGw1, acceptedByGw1 } = staffInWechat(T0);

describe('办结 amounts and wording (A1, B8, B9, B13)', () => {
  it('an amount above the claim is asked back and recorded only with 确认, never as 全额; 六千 / 6千 read; the number first and no number at all work on the one case', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const no = c.caseNo;

    // One zero too many: asked, nothing recorded.
    const asked = await ask(GW1, `办结 ${no} 追回 285000`);
    expect(asked).toContain('报告人反映欠28,500元，您写的是追回285,000元，比反映的还多。还没有记录。');
    expect(asked).toContain(`确认追回了285,000元，请发：办结 ${no} 追回 285000 确认`);
    expect(asked).toContain(`办结 ${no} 追回 28500`);
    expect((await get(c)).status).toBe('accepted');
    // 万 for 千: the same.
    expect(await ask(GW1, `办结 ${no} 追回 28.5万 全额`)).toContain('还没有记录');
    expect((await get(c)).status).toBe('accepted');

    // A note without a number: the one case held, said back.
    expect(await ask(GW1, '备注 已电话联系当事人')).toBe(`您手上只有一件案件，按 ${no} 办理：\n已记下备注（共1条）。案件 ${no} 现在是「办理中」。`);
    expect((await get(c)).notes.at(-1)!.text).toBe('已电话联系当事人');

    // The number first, a spoken amount: read as 办结 on that case (partial: 6,000 of 28,500).
    const closed = await ask(GW1, `${no} 办结 追回六千 下一步 仲裁`);
    expect(closed).toContain('已办结。');
    expect(closed).toContain('记录的结果：追回6,000元（部分，报告人反映欠28,500元）');
    const x = await get(c);
    expect(x.status).toBe('resolved');
    expect(x.notes).toHaveLength(1);
    expect(x.outcome).toMatchObject({ recovered: 6000, full: false });
  });

  it('above the claim confirmed: recorded and said as more than the claim, not 全额; the reason before 未追回 and 6千 read on other cases', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const done = await ask(GW1, `办结 ${c.caseNo} 追回 30000 确认`);
    expect(done).toContain('记录的结果：追回30,000元（比报告人反映的28,500元多）');
    expect(done).not.toContain('全额');
    const told = await inboxMessage(app.t.core, c.reporter.userKey, /已办结：追回工资/);
    expect(told).toContain(`您的案件 ${c.caseNo} 已办结：追回工资30,000元（您反映的是28,500元）。`);

    const d = await acceptedByGw1();
    expect(await ask(GW1, `办结 ${d.caseNo} 追回 6千`)).toContain('记录的结果：追回6,000元（部分');
    const e = await acceptedByGw1();
    const none = await ask(GW1, `办结 ${e.caseNo} 老板跑路了 未追回 下一步 仲裁`);
    expect(none).toContain('记录的结果：未追回：老板跑路了；下一步：');
    expect((await get(e)).outcome).toMatchObject({ recovered: null, reason: '老板跑路了', nextStep: { kind: 'arbitration' } });
  });
});

describe('withdrawn and settled cases (B1), hints and 退回 (C2, C3, C7)', () => {
  it('撤回 and 和解 close without a next step, tell the reporter plainly and count no money; 未追回 当事人撤回 shows how', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const how = await ask(GW1, `办结 ${c.caseNo} 未追回 当事人撤回`);
    expect(how).toContain(`「办结 ${c.caseNo} 撤回 原因」`);
    expect((await get(c)).status).toBe('accepted');

    const done = await ask(GW1, `办结 ${c.caseNo} 当事人撤回 老板答应月底给钱`);
    expect(done).toContain('已办结。');
    expect(done).toContain('记录的结果：报告人撤回：老板答应月底给钱');
    const x = await get(c);
    expect(x.status).toBe('resolved');
    expect(x.outcome).toMatchObject({ recovered: null, full: false, nextStep: null, end: { kind: 'withdrawn', amount: null } });
    expect(x.receipt).toBeNull();
    const told = await inboxMessage(app.t.core, c.reporter.userKey, /撤回/);
    expect(told).toBe(`您的案件 ${c.caseNo} 已按您的意思撤回，不再办理。\n以后再遇到欠薪，随时可以再来反映。有问题可以打职工服务热线12351。`);
    expect(told).not.toMatch(/仲裁|律师|预约/);

    const d = await acceptedByGw1();
    expect(await ask(GW1, `办结 ${d.caseNo} 已和解 老板已付清`)).toContain('记录的结果：报告人与用人单位和解（金额未知）：老板已付清');
    const e = await acceptedByGw1();
    expect(await ask(GW1, `办结 ${e.caseNo} 和解 5000`)).toContain('记录的结果：报告人与用人单位和解（5,000元）');
    expect((await get(e)).outcome).toMatchObject({ recovered: null, end: { kind: 'settled', amount: 5000 } });
    const settled = await inboxMessage(app.t.core, e.reporter.userKey, /谈妥/);
    expect(settled).toContain(`您的案件 ${e.caseNo} 已办结：您和老板已经自己谈妥了（5,000元）。`);
    expect(settled).not.toMatch(/仲裁|律师/);
  });

  it('everyday phrases get a hint with the one case held; 退回 without a number on it, the reporter told another person of the grid takes it', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedToGw1();
    const no = c.caseNo;
    expect(await ask(GW1, '这个案子我来处理')).toBe(`要接单请发：接单 ${no}\n回复「好」就接单。`);
    expect(await ask(GW1, '转给别人')).toContain(`退回 ${no} 原因`);
    expect(await ask(GW1, '我去看看')).toBe(`好的。有了办理情况，请发：备注 ${no} 情况`);
    expect(await ask(GW1, '我在开会 稍后处理')).toBe(`好的。有了办理情况，请发：备注 ${no} 情况`);
    expect(await ask(GW1, '追回了6000')).toContain(`办结 ${no} 追回 6000`);
    expect((await get(c)).status).toBe('assigned');
    expect((await get(c)).notes).toHaveLength(0);

    const back = await ask(GW1, '退回 不是我片区');
    expect(back).toContain(`您手上只有一件案件，按 ${no} 办理：\n已退回`);
    const routed = await import('../support/core.js').then(({ eventually }) =>
      eventually(async () => {
        const x = await get(c);
        return x.assignee && x.assignee.staffId !== 'gw-001' ? x : null;
      }, 8000, 'routed again'),
    );
    const notes = routed.history.map((h) => h.note);
    expect(notes).toContain('原来的工作人员不能继续办理，正在换一位工作人员');
    expect(notes.at(-1)).toBe('已改派给东龙镇第一网格的另一位工作人员处理');
  });
});
