/*
 * What the worker sees of each step staff take on their report (helper h36):
 * `进度 QX…` of their own closed case shows it, and a number not theirs is
 * said to be none of theirs; after 删除我的信息 their 进度 says the deletion
 * as theirs; a liaison's 结果 that is progress reaches them once, plainly,
 * and the liaison is told the reporter reads it; 进度 no longer offers to
 * book help for a case that has a booking to come; 取消 while moving a
 * booking says the booking stands. Guards: an internal 备注 (with a phone
 * in it) never reaches the worker, while 接单, 回复 and 延期 do, and 进度
 * shows the same steps.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers;
 * a manual clock on the suite's working day at 10:00.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { DONGLONG, atOf, bookDirect, donglongSlots, nth } from '../legal-aid/helpers.js';
import { workingDayAt } from './support.js';
import { GW1, LIAISON, staffInWechat } from './in-wechat.js';

const T0 = workingDayAt('10:00');
const { app, say, get, bind, texts } = staffInWechat(T0);

/** The worker, in WeChat. */
const W = '王芳（打工人）';
const workerKey = () => `wx:${app.w.contact(W).id}`;
/** The worker says `text`; the bot's first answer matching `expected`. */
const worker = (text: string, expected: RegExp) => say(W, text, expected);

/** A wage case of the worker's routed to gw-001 (GW1 bound), optionally accepted. */
async function workersCase(opts: { accepted?: boolean; employer?: string } = {}): Promise<Case> {
  await bind(GW1, 'gw-001');
  await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
  const c = await app.routedCase({ userKey: workerKey(), employer: opts.employer });
  await app.w.waitFor(W, new RegExp(`您的案件 ${c.caseNo} 已交给`));
  if (opts.accepted) {
    await say(GW1, `接单 ${c.caseNo}`, /^已接单。/);
    await app.w.waitFor(W, new RegExp(`${c.caseNo} 有新进展：东龙镇第一网格已接单`));
  }
  return c;
}

describe('进度 with a case number', () => {
  it('the worker’s own closed case is shown (it was 「没太明白」), with 查 QX… too', async () => {
    const c = await workersCase({ accepted: true });
    await say(GW1, `办结 ${c.caseNo} 未追回 老板跑路 下一步 起诉`, /^已办结/);
    await app.w.waitFor(W, /已办结，这次没能追回工资/);
    const shown = await worker(`进度 ${c.caseNo}`, /您的案件|没太明白/);
    expect(shown).toMatch(new RegExp(`^您的案件：\\n\\n${c.caseNo}（反映欠薪，东龙镇）\\n状态：已办结`));
    expect(shown).toContain('已办结，未能追回：老板跑路');
    expect(await worker(`查 ${c.caseNo.replace('-', '')}`, /您的案件|没太明白/)).toMatch(new RegExp(`^您的案件：\\n\\n${c.caseNo}`));
  });

  it('someone else’s number is said to be none of theirs (never whether it exists), with their own case under it', async () => {
    const mine = await workersCase();
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
    const other = await app.routedCase({ userKey: 'web:someone-else', employer: '别人家的饭店' });
    const answer = await worker(`进度 ${other.caseNo}`, /案件/);
    expect(answer).toMatch(new RegExp(`^没有找到您名下编号是 ${other.caseNo} 的案件，请核对一下编号。为了保护个人信息，案件只有本人能查。`));
    expect(answer).toContain(`${mine.caseNo}（反映欠薪，东龙镇）`);
    expect(answer).not.toContain('别人家的饭店');
    expect(answer).not.toMatch(new RegExp(`${other.caseNo}（`));
  });
});

describe('after 删除我的信息', () => {
  it('进度 says 「您已删除个人信息」, not the staff’s 「报告人已删除个人信息」; a 回复 still arrives', async () => {
    const c = await workersCase({ accepted: true });
    await worker('删除我的信息', /确定要删除您的个人信息吗/);
    await worker('1', /已删除您的个人信息/);
    await say(GW1, `回复 ${c.caseNo} 您好，老板说下周结钱，有消息再告诉您`, /^已发给报告人/);
    await app.w.waitFor(W, /【东龙镇第一网格工作人员回复】/);
    const progress = await worker('进度', /您最近的案件/);
    expect(progress).toContain('您已删除个人信息');
    expect(progress).not.toContain('报告人');
  });
});

describe('the procuratorate’s progress', () => {
  it('the worker reads 「检察机关有新进展：…」 once (not 「有新进展：检察机关进展：」), and the liaison is told the reporter reads it', async () => {
    const c = await workersCase({ accepted: true });
    await bind(LIAISON, 'liaison-1');
    await say(GW1, `转检察 ${c.caseNo} 老板恶意欠薪`, /^已转给检察联络员/);
    await say(LIAISON, `受理 ${c.caseNo}`, /^已受理/);
    const answer = await say(LIAISON, `结果 ${c.caseNo} 法院已立案，尚未判决。`, /^已记下进展/);
    expect(answer).toMatch(/^已记下进展，已告诉工会和报告人。/);
    const notice = await app.w.waitFor(W, /检察机关有新进展/);
    expect(notice.text).toBe(`您的案件 ${c.caseNo} 检察机关有新进展：法院已立案，尚未判决。回复「进度」可查看全部记录。`);
    expect(texts(W).join('\n')).not.toContain('检察机关进展：');
  });
});

describe('legal aid under 进度', () => {
  it('a case with a booking to come is not offered another 「预约 QX…」; the booking is listed instead', async () => {
    const c = await workersCase();
    const before = await worker('进度', /您最近的案件/);
    expect(before).toMatch(/您最近的案件/);
    await app.w.waitFor(W, new RegExp(`回复「预约 ${c.caseNo}」`));
    const slot = nth(await donglongSlots(app.t.core), 2, 'a booking linked to the case');
    const b = await bookDirect(app.t.core, app.t.chat, { userKey: workerKey(), staffId: slot.staffId, pointId: DONGLONG, at: atOf(slot), linkedCaseId: c.id });
    await worker('进度', /您最近的案件/);
    await app.w.waitFor(W, /您的法律援助预约/);
    const lastProgress = texts(W).slice(texts(W).map((x) => /^您最近的案件/.test(x)).lastIndexOf(true));
    expect(lastProgress.join('\n')).not.toContain(`预约 ${c.caseNo}」`);
    expect(lastProgress.join('\n')).toContain(b.bookingNo);
  });

  it('取消 at the times of 改约 says the booking stands (never a bare 「已取消」), and it does', async () => {
    const slot = nth(await donglongSlots(app.t.core), 2, 'a booking to move');
    const b = await bookDirect(app.t.core, app.t.chat, { userKey: workerKey(), staffId: slot.staffId, pointId: DONGLONG, at: atOf(slot) });
    await worker(`改约 ${b.bookingNo}`, /最近的空闲时间/);
    const answer = await worker('取消', /好的/);
    expect(answer).toBe(`好的，不改了。预约 ${b.bookingNo} 还是原来的时间，照常有效。`);
    expect(await app.t.chat.bookings.get(b.id)).toEqual(b);
    expect(await worker('我的预约', /您的预约/)).toContain(b.bookingNo);
  });
});

// Guard (worked before and must stay): an internal note never reaches the worker; 接单, 回复 and 延期 do, and 进度 shows them.
describe('guard: what staff do and what the worker reads', () => {
  it('备注 stays internal (its phone too); 回复 and 延期 arrive with what happens next, and 进度 shows the same steps', async () => {
    const c = await workersCase({ accepted: true });
    await say(GW1, `备注 ${c.caseNo} 老板电话13912345678 工人脾气急 别乱承诺`, /^已记下备注/);
    await say(GW1, `回复 ${c.caseNo} 您好，我们明天去公司找老板`, /^已发给报告人/);
    expect((await app.w.waitFor(W, /工作人员回复/)).text).toBe(`【东龙镇第一网格工作人员回复】关于 ${c.caseNo}：您好，我们明天去公司找老板`);
    await say(GW1, `延期 ${c.caseNo} 5 等住建部门核实`, /^已延期/);
    const extended = (await app.w.waitFor(W, /办理期限延长了/)).text;
    expect(extended).toMatch(new RegExp(`^您的案件 ${c.caseNo} 办理期限延长了5个工作日，现在最晚.+办结。原因：等住建部门核实。`));
    const progress = await worker('查询进度', /您最近的案件/);
    expect(progress).toContain('东龙镇第一网格已接单');
    expect(progress).toContain('工作人员回复：您好，我们明天去公司找老板');
    expect(progress).toContain('办理期限延长5个工作日');
    const all = texts(W).join('\n');
    expect(all).not.toMatch(/13912345678|139\*{4}5678|脾气急|别乱承诺/);
    expect((await get(c)).notes.map((n) => n.text)).toContain('老板电话13912345678 工人脾气急 别乱承诺');
  });
});
