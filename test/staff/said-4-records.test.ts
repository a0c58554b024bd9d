/*
 * Probe 4 (staff side, /tmp/probe-4-staff.md): what gets recorded and shown
 * from staff's ordinary words, in WeChat (the real GongyouBot plugin on
 * wechaty-puppet-mock, real Redis and workers), at a fixed working-day
 * clock (Tue 2026-12-01 10:00 Beijing).
 * - A2: a liaison's 结果 takes money only from 追回 N / 已追回 N元, and a
 *   step under way (尚未判决, 余款追回中, 已立案) is progress, not a close.
 * - A3: 转检察 reasons: a denied category (不是农民工, 没有残疾) is no tag.
 * - A4, C2: staff notes: ID numbers never whole, phones whole only for
 *   whoever calls, and who wrote each.
 * - B2: a supervisor paged to call about a safety alert on an unassigned
 *   case gets the numbers whole (notice and 详情), only while paged.
 * - B3: an alert on an assigned case is copied to the township supervisor.
 * - B7: a grid worker whose case lapsed is told, and 详情 says why.
 * - C3: a resolve reminder sent after the limit says 已超期.
 */
import { describe, expect, it } from 'vitest';
import { createWageCase } from '../support/cases.js';
import { eventually } from '../support/core.js';
import { route } from '../../core/cases/queue.js';
import { raiseSafetyAlert } from '../../core/cases/notes.js';
import { readReferralResult, staffNotesView, weakCapacityOf } from '../../core/cases/work.js';
import { caseNotice } from '../../core/cases/texts.js';
import { DSUP, GW1, LIAISON, SUP, staffInWechat } from './in-wechat.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const staff = staffInWechat(NOW, 3);
const { clock, app, say, bind, routedCase } = staff;
const texts = (name: string) => staff.texts(name).join('\n---\n');

/** A case of GW1's, accepted, referred and accepted by the liaison. */
async function referredCase(employer: string) {
  const c = await routedCase({ employer });
  await say(GW1, `接单 ${c.caseNo}`, /已接单/);
  await say(GW1, `转检察 ${c.caseNo} 调解不成，老板拒不支付，农民工`, /已转给检察联络员/);
  await say(LIAISON, `受理 ${c.caseNo}`, /已受理/);
  return c;
}

describe('A2: a liaison’s 结果', () => {
  it('reads money only from 追回 N or 已追回/已支付 N元, and closes only on a finished result', () => {
    const claimed = 28500;
    // A claim is no money; the opinion issued is the procuratorate's part done.
    expect(readReferralResult('已出具支持起诉意见书，请求法院判令追回28500元', claimed)).toEqual({ close: true, recovered: null });
    expect(readReferralResult('已出具支持起诉意见书，建议缓交诉讼费', claimed)).toEqual({ close: true, recovered: null });
    // Steps under way: progress.
    expect(readReferralResult('法院已立案，诉请追回 28500 元工资，尚未判决', claimed)).toEqual({ close: false, paidSoFar: null });
    expect(readReferralResult('已调解，老板当场支付3000元，余款追回中', claimed)).toEqual({ close: false, paidSoFar: null });
    expect(readReferralResult('老板已支付3000元，余款追回中', claimed)).toEqual({ close: false, paidSoFar: null });
    expect(readReferralResult('正在起草支持起诉意见书', claimed)).toEqual({ close: false, paidSoFar: null });
    expect(readReferralResult('已出具支持起诉意见书，法院已立案', claimed)).toEqual({ close: false, paidSoFar: null });
    // The explicit form and money said as paid in full.
    expect(readReferralResult('追回 28500', claimed)).toEqual({ close: true, recovered: 28500 });
    expect(readReferralResult('追回28,500元 法院调解', claimed)).toEqual({ close: true, recovered: 28500 });
    expect(readReferralResult('追回 2.85万', claimed)).toEqual({ close: true, recovered: 28500 });
    expect(readReferralResult('已出具支持起诉意见书，追回 28500', claimed)).toEqual({ close: true, recovered: 28500 });
    expect(readReferralResult('已建议法院缓交诉讼费', claimed)).toEqual({ close: true, recovered: null });
    expect(readReferralResult('法院已立案 请求追回 28500', claimed)).toEqual({ close: false, paidSoFar: null });
    expect(readReferralResult('已出具支持起诉意见书，请求判令被告支付 28500', claimed)).toEqual({ close: true, recovered: null });
    expect(readReferralResult('法院判决后老板已支付28500元', claimed)).toEqual({ close: true, recovered: 28500 });
    // Paid in part, said as a fact: not guessed to be the result.
    expect(readReferralResult('老板已支付3000元', claimed)).toEqual({ close: false, paidSoFar: 3000 });
    // Nothing known: progress.
    expect(readReferralResult('已约谈老板', claimed)).toEqual({ close: false, paidSoFar: null });
    expect(() => readReferralResult('追回 -5', claimed)).toThrow(/大于0/);
  });

  it('a claim or a step under way is recorded as progress (the case stays with the procuratorate); 追回 N then closes it', async () => {
    await bind(GW1, 'gw-001');
    await bind(LIAISON, 'liaison-1');
    const a = await referredCase('青溪宏达建筑工程有限公司');
    const b = await referredCase('东龙永盛电子厂');

    // A claim in the opinion: closed as the procuratorate's result, with no money recovered.
    await say(LIAISON, `结果 ${a.caseNo} 已出具支持起诉意见书，请求法院判令追回28500元`, /已记录结果/);
    const doneA = (await app.t.core.cases.get(a.id))!;
    expect(doneA).toMatchObject({ status: 'resolved', outcome: { recovered: null, nextStep: { kind: 'procuratorate' } }, receipt: null });

    // The lawsuit filed, no judgment: progress only.
    const answer = await say(LIAISON, `结果 ${b.caseNo} 法院已立案，诉请追回 28500 元工资，尚未判决`, new RegExp(b.caseNo));
    expect(answer).toMatch(/检察审查中/);
    expect(answer).not.toMatch(/已办结/);
    let now = (await app.t.core.cases.get(b.id))!;
    expect(now).toMatchObject({ status: 'referred', outcome: null, receipt: null, referral: { status: 'accepted', outcome: null } });
    expect(now.notes.at(-1)).toMatchObject({ staffId: 'liaison-1', text: '检察进展：法院已立案，诉请追回 28500 元工资，尚未判决' });
    const progress = await app.w.waitFor(GW1, /【检察进展】/);
    expect(progress.text).toContain(`案件 ${b.caseNo}：法院已立案，诉请追回 28500 元工资，尚未判决`);
    expect(progress.text).toMatch(/没有办结/);
    // The reporter reads the step, never 已办结 or money.
    const inbox = await eventually(async () => {
      const r = JSON.stringify((await app.t.core.inbox.read(b.reporter.userKey)).items);
      return r.includes('尚未判决') ? r : null;
    }, 8000, 'the reporter told of the step');
    expect(inbox).not.toMatch(/已办结|追回工资28,500元/);

    // A settlement with money still owed: progress again.
    await say(LIAISON, `结果 ${b.caseNo} 已调解，老板当场支付3000元，余款追回中`, /检察审查中/);
    expect((await app.t.core.cases.get(b.id))!).toMatchObject({ status: 'referred', outcome: null });

    // The explicit form: the result, with the money.
    await say(LIAISON, `结果 ${b.caseNo} 追回 28500`, /已办结/);
    now = (await app.t.core.cases.get(b.id))!;
    expect(now).toMatchObject({ status: 'resolved', referral: { status: 'done' }, outcome: { recovered: 28500, full: true } });
    await app.w.waitFor(GW1, /【检察结果】/);
  }, 60_000);
});

describe('A3: 转检察 reasons', () => {
  it('a denied category is no 诉讼能力较弱 tag', () => {
    expect(weakCapacityOf('老板拒付，当事人不是农民工，是公司文员')).toEqual([]);
    expect(weakCapacityOf('调解不成，本人没有残疾，也没有退休')).toEqual([]);
    expect(weakCapacityOf('非农民工，调解不成')).toEqual([]);
    expect(weakCapacityOf('当事人不属于农民工，无残疾，未到退休年龄')).toEqual([]);
    expect(weakCapacityOf('本人退休年龄还没到，残疾证没有')).toEqual([]);
    expect(weakCapacityOf('调解不成，老板拒不支付，农民工')).toEqual(['农民工']);
    expect(weakCapacityOf('老板不给农民工发工资，当事人已退休，是残疾人')).toEqual(['农民工', '超过退休年龄', '残疾人']);
    expect(weakCapacityOf('农民工没有签合同，年纪大')).toEqual(['农民工', '超过退休年龄']);
    expect(weakCapacityOf('不是文员，是农民工')).toEqual(['农民工']);
  });

  it('in WeChat: 不是农民工 is not sent to the liaison as 诉讼能力较弱', async () => {
    await bind(GW1, 'gw-001');
    await bind(LIAISON, 'liaison-1');
    const c = await routedCase();
    await say(GW1, `接单 ${c.caseNo}`, /已接单/);
    await say(GW1, `转检察 ${c.caseNo} 老板拒付，当事人不是农民工，是公司文员`, /已转给检察联络员/);
    expect((await app.t.core.cases.get(c.id))!.referral!.reason).toBe('老板拒付，当事人不是农民工，是公司文员');
    const notice = await app.w.waitFor(LIAISON, /【转检察】/);
    expect(notice.text).not.toContain('诉讼能力较弱');
  }, 30_000);
});

describe('A4, C2: staff notes', () => {
  it('ID numbers are never shown whole; phones only to whoever calls; each note says who wrote it', async () => {
    await bind(GW1, 'gw-001');
    await bind(SUP, 'sup-t01');
    await bind(DSUP, 'dsup-1');
    await bind(LIAISON, 'liaison-1');
    const c = await routedCase();
    await say(GW1, `接单 ${c.caseNo}`, /已接单/);
    await say(GW1, `备注 ${c.caseNo} 当事人身份证440301199001011234，老板电话13800001111，住东龙镇幸福路8号302`, /已记下备注/);
    await say(SUP, `备注 ${c.caseNo} 镇工会已督办`, /已记下备注/);
    // Stored with the ID number masked.
    expect((await app.t.core.cases.get(c.id))!.notes[0]!.text).toBe('当事人身份证4403**********1234，老板电话13800001111，住东龙镇幸福路8号302');

    for (const who of [SUP, DSUP]) {
      const d = await say(who, `详情 ${c.caseNo}`, /案件编号/);
      expect(d, who).toContain('备注（12月1日 10:00，林志强）：当事人身份证4403**********1234，老板电话138****1111');
      expect(d, who).toContain('备注（12月1日 10:00，陈秀兰）：镇工会已督办');
      expect(d, who).not.toMatch(/440301199001011234|13800001111|13800138000/);
    }
    // The assignee calls: the phones whole, the ID number still masked.
    const mine = await say(GW1, `详情 ${c.caseNo}`, /案件编号/);
    expect(mine).toContain('老板电话13800001111');
    expect(mine).not.toContain('440301199001011234');
    // The staff API's view of the notes (api/views.ts) reads the same.
    const after = (await app.t.core.cases.get(c.id))!;
    expect(staffNotesView(app.t.core, after, false)[0]).toMatchObject({ by: '林志强', text: '当事人身份证4403**********1234，老板电话138****1111，住东龙镇幸福路8号302' });
    // After referral the liaison calls: phones whole, never the ID number.
    await say(GW1, `转检察 ${c.caseNo} 调解不成，老板拒不支付，农民工`, /已转给检察联络员/);
    // Not the 【转检察】 notice, which names the case too and may arrive just after 详情 is sent.
    const liaison = await say(LIAISON, `详情 ${c.caseNo}`, /^(?!【)[\s\S]*案件编号/);
    expect(liaison).toContain('老板电话13800001111');
    expect(liaison).not.toContain('440301199001011234');
  }, 60_000);
});

describe('B2, B3: safety alerts and the supervisor', () => {
  it('on an unassigned case, the paged supervisor gets the numbers whole in the notice and in 详情, only while paged', async () => {
    await bind(SUP, 'sup-t01');
    await bind(DSUP, 'dsup-1');
    await bind(GW1, 'gw-001');
    const c = await createWageCase(app.t.core, {});
    const r = await raiseSafetyAlert(app.t.core, c, c.reporter.userKey, '钱再要不回来我就不想活了 我电话13712345678');
    expect(r).toMatchObject({ paged: 1 });
    const notice = await app.w.waitFor(SUP, /【紧急·当事人留言】/);
    expect(notice.text).toContain('留言里的电话：13712345678');
    expect(notice.text).toContain('本人电话：13800138000');
    expect(notice.text).not.toContain('回复 ');

    const paged = await say(SUP, `详情 ${c.caseNo}`, /案件编号/);
    expect(paged).toContain('电话：13800138000');
    expect(paged).toContain('当事人留言里的电话：13712345678');
    // The district supervisor was not paged: masked.
    const district = await say(DSUP, `详情 ${c.caseNo}`, /案件编号/);
    expect(district).toContain('电话：138****8000');
    expect(district).not.toMatch(/13712345678|13800138000/);

    // Once someone holds the case, the supervisor is no longer the one to call.
    await route(app.t.core, c.id);
    await eventually(async () => ((await app.t.core.cases.get(c.id))?.assignee ? true : null), 8000, 'assignment');
    const later = await say(SUP, `详情 ${c.caseNo}`, /案件编号/);
    expect(later).toContain('电话：138****8000');
    expect(later).not.toMatch(/13712345678|13800138000/);
  }, 60_000);

  it('on an assigned case, the township supervisor gets a copy (phone masked, the assignee asked to call); a repeat sends none', async () => {
    await bind(SUP, 'sup-t01');
    await bind(GW1, 'gw-001');
    const c = await routedCase({ phone: '13912345678' });
    await say(GW1, `接单 ${c.caseNo}`, /已接单/);
    const first = await raiseSafetyAlert(app.t.core, c, c.reporter.userKey, '老板不给钱我就去楼顶跳下去');
    expect(first).toMatchObject({ told: true, paged: 0, copied: 1 });
    // Said again within half an hour: nothing more.
    const again = await raiseSafetyAlert(app.t.core, (await app.t.core.cases.get(c.id))!, c.reporter.userKey, '我真的会跳');
    expect(again).toMatchObject({ repeated: true, copied: 0 });
    await raiseSafetyAlert(app.t.core, (await app.t.core.cases.get(c.id))!, c.reporter.userKey, '我要拿刀去找老板算账', 'threat');

    const copy = await app.w.waitFor(SUP, /【紧急·抄送】[\s\S]*楼顶/);
    expect(copy.text).toContain(`案件 ${c.caseNo} 的报告人在对话中说了轻生或过激的话，原话：「老板不给钱我就去楼顶跳下去」`);
    expect(copy.text).toContain('林志强');
    expect(copy.text).toMatch(/已请负责人.*立即打电话联系本人/);
    expect(copy.text).toContain('本人电话：139****5678');
    expect(copy.text).not.toContain('13912345678');
    expect(copy.text).not.toContain('回复 ');
    await app.w.waitFor(SUP, /【紧急·抄送】[\s\S]*扬言要伤害他人[\s\S]*拿刀/);
    // The assignee still gets the alert with the number whole.
    const mine = await app.w.waitFor(GW1, /【紧急·当事人留言】/);
    expect(mine.text).toContain('本人电话：13912345678');
    await new Promise((res) => setTimeout(res, 1000));
    expect(texts(SUP).match(/【紧急·抄送】/g)).toHaveLength(2);
  }, 60_000);
});

describe('B7: a case that lapsed to someone else', () => {
  it('the grid worker is told, and 详情 / 接单 give the reason', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    expect(c.assignee!.staffId).toBe('gw-001');
    clock.set(new Date(Date.parse(c.acceptBy!) + 60 * 60_000));
    const moved = await eventually(async () => {
      const x = await app.t.core.cases.get(c.id);
      return x?.assignee && x.assignee.staffId !== 'gw-001' ? x : null;
    }, 15_000, 'the case lapsed and routed again');
    expect(moved.lapsed).toContain('gw-001');
    const told = await app.w.waitFor(GW1, /已超过接单期限/, 8000);
    // Rendered when sent: usually after the case was routed again (已改派给其他工格员), but the notice may win
    // the race with the new routing under load, and then says so truthfully (正在改派).
    expect([
      `案件 ${c.caseNo} 已超过接单期限，已改派给其他工格员，您不用再处理。`,
      `案件 ${c.caseNo} 已超过接单期限，正在改派给其他工作人员，您不用再处理。`,
    ]).toContain(told.text);
    // The answer, not an accept reminder (【催办】…) that may still arrive after the lapse notice under load.
    expect(await say(GW1, `详情 ${c.caseNo}`, new RegExp(`^案件 ${c.caseNo} (?:已超过|不是)`))).toBe(`案件 ${c.caseNo} 已超过接单期限，已改派给其他工格员，您不用再处理。`);
    expect(await say(GW1, `接单 ${c.caseNo}`, /超过接单期限|不是您负责/)).toMatch(/已超过接单期限/);
  }, 60_000);

  it('one the worker gave back (退回) says so too', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    await say(GW1, `退回 ${c.caseNo} 不在我的片区`, /已退回/);
    await eventually(async () => ((await app.t.core.cases.get(c.id))?.assignee ? true : null), 8000, 'reassignment');
    expect(await say(GW1, `详情 ${c.caseNo}`, /您已退回|不是您负责/)).toMatch(/您已退回/);
  }, 30_000);
});

describe('C3: a resolve reminder after the limit', () => {
  it('says 已超期, not 请抓紧办理 with a past time', async () => {
    const c = await createWageCase(app.t.core, {});
    const base = { index: app.t.core.directory.index(), staffId: 'gw-001', seq: 1, phone: null };
    const held = { ...c, status: 'accepted' as const, resolveBy: '2026-12-22T02:00:00.000Z' };
    expect(caseNotice('staff-resolve-reminder', { ...base, c: held, now: new Date('2026-12-21T10:00:00+08:00') })).toMatch(/办结期限是12月22日 10:00，请抓紧办理/);
    const late = caseNotice('staff-resolve-reminder', { ...base, c: held, now: new Date('2026-12-23T09:00:00+08:00') });
    expect(late).toMatch(/办结期限（12月22日 10:00）已过，已超期/);
    expect(late).not.toMatch(/请抓紧办理/);
  });

  it('in WeChat, when the clock jumps past the limit', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    await say(GW1, `接单 ${c.caseNo}`, /已接单/);
    const accepted = (await app.t.core.cases.get(c.id))!;
    clock.set(new Date(Date.parse(accepted.resolveBy!) + 60 * 60_000));
    const reminder = await app.w.waitFor(GW1, /【催办】/, 15_000);
    expect(reminder.text).toMatch(/已超期/);
    expect(reminder.text).not.toMatch(/请抓紧办理/);
  }, 60_000);
});
