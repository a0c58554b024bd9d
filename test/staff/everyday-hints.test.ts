/*
 * Staff in WeChat write what happened in their own words, not as commands. Each of these got
 * 「没看懂这条消息」 and now gets the command it points to, filled in with the one case they hold,
 * to send back; nothing is ever recorded or closed from them. The real GongyouBot plugin on
 * wechaty-puppet-mock, real Redis and workers (test/staff/in-wechat.ts).
 */
import { describe, expect, it } from 'vitest';
import { GW1, LIAISON, SUP, staffInWechat } from './in-wechat.js';

const s = staffInWechat(new Date('2026-11-23T10:00:00+08:00'));

describe('everyday words from a grid worker holding one accepted case', () => {
  it('a call made and what the boss promised: the note to send, with the words as said', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const said of ['我已经给老板打过电话了 他说月底给', '跟老板沟通过了', '老板说下周给']) {
      expect(await s.ask(GW1, said)).toBe(`要记下办理情况，请发：备注 ${c.caseNo} ${said}\n回复「好」就这样记下。`);
    }
    // Nothing was written to the case.
    expect((await s.get(c)).notes).toEqual([]);
  });

  it('the money back, with the amount or without: the 办结 form, the amount as said (below the claim: part of it, h114), the case left open', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '钱已经追回来了')).toMatch(new RegExp(`^要办结请发：办结 ${c.caseNo} 追回 金额\n`));
    expect(await s.ask(GW1, '钱追回来了 6000')).toMatch(new RegExp(`^报告人反映欠28,500元，这是其中一部分。[^]*\n不再追的话，请发：办结 ${c.caseNo} 追回 6000 还欠 金额$`));
    expect(await s.ask(GW1, '工资追回来了6000元')).toMatch(new RegExp(`^报告人反映欠28,500元，这是其中一部分。[^]*\n不再追的话，请发：办结 ${c.caseNo} 追回 6000 还欠 金额$`));
    // Said after the case was done (`办完了 追回6000`): the amount too, never 「追回 金额」 with the 6000 dropped.
    expect(await s.ask(GW1, '办完了 追回6000')).toMatch(new RegExp(`^报告人反映欠28,500元，这是其中一部分。[^]*\n不再追的话，请发：办结 ${c.caseNo} 追回 6000 还欠 金额$`));
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('no money in sight (`这个办不了 老板跑路了`): the ways on — not recovered, the procuratorate, a note; asked as a question, no note of its words', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '这个办不了 老板跑路了')).toBe(
      [`追不回的话，请发：办结 ${c.caseNo} 未追回 原因 下一步 仲裁`, `需要检察院支持起诉的，请发：转检察 ${c.caseNo} 理由`, `只记下情况的，请发：备注 ${c.caseNo} 这个办不了 老板跑路了`].join('\n'),
    );
    const asked = await s.ask(GW1, '老板跑了怎么办');
    expect(asked).toMatch(/^追不回的话，请发：办结 QX\S+ 未追回 原因 下一步 仲裁\n需要检察院支持起诉的/);
    expect(asked).not.toMatch(/备注/);
    expect((await s.get(c)).status).toBe('accepted');
  });
});

describe('a procuratorate liaison with one referral', () => {
  it('`这个可以支持起诉` → 受理 (then 结果 once taken), `不符合条件` → 不予支持, `材料不够 让工格员补一下` → a note or 不予支持, all with the case filled in; `收到 我看一下材料` names it too; nothing is decided from them', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(LIAISON, 'liaison-1');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `转检察 ${c.caseNo} 老板失联 金额较大`)).toMatch(/^已转给检察联络员/);
    expect(await s.ask(LIAISON, '这个可以支持起诉')).toBe(`受理请发：受理 ${c.caseNo}`);
    expect(await s.ask(LIAISON, '不符合条件')).toBe(`不予支持请发：不予支持 ${c.caseNo} 理由`);
    expect(await s.ask(LIAISON, '材料不够 让工格员补一下')).toBe(
      `要请工格员补材料，可以先记下：备注 ${c.caseNo} 材料不够 让工格员补一下\n不予支持请发：不予支持 ${c.caseNo} 理由`,
    );
    expect(await s.ask(LIAISON, '收到 我看一下材料')).toBe(`好的。有了办理情况，请发：备注 ${c.caseNo} 情况`);
    expect((await s.get(c)).referral).toMatchObject({ status: 'pending', declineReason: null });
    await s.ask(LIAISON, `受理 ${c.caseNo}`);
    expect(await s.ask(LIAISON, '这个可以支持起诉')).toBe(`有了结果请发：结果 ${c.caseNo} 已出具支持起诉意见书`);
    expect((await s.get(c)).referral).toMatchObject({ status: 'accepted', outcome: null });
  });
});

describe('a township supervisor with one close waiting for their approval', () => {
  it('a yes in words (`可以`, `没问题 结了吧`) → 同意 with the case; a no (`不同意 再核实一下`, `退回去让他再核实`, `先不结`) → 退回 with the words as the reason; the close still waits', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(SUP, 'sup-t01');
    const c = await s.routedCase({ headcount: 12 });
    await s.ask(GW1, `接单 ${c.caseNo}`);
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 28500`)).toMatch(/待审批/);
    for (const yes of ['可以', '没问题 结了吧', '这个可以结案']) {
      expect(await s.ask(SUP, yes)).toBe(`同意办结请发：同意 ${c.caseNo}\n不同意请发：退回 ${c.caseNo} 原因`);
    }
    expect(await s.ask(SUP, '不同意 再核实一下')).toBe(`不同意办结请发：退回 ${c.caseNo} 再核实一下`);
    expect(await s.ask(SUP, '退回去让他再核实')).toBe(`不同意办结请发：退回 ${c.caseNo} 再核实`);
    expect(await s.ask(SUP, '先不结')).toBe(`不同意办结请发：退回 ${c.caseNo} 原因`);
    expect((await s.get(c)).status).toBe('closing');
  });
});
