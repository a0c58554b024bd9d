/*
 * What the worker is told when their case changes hands, and what they are
 * promised (helper h37): a grid worker's 退回 or a supervisor's 改派 reaches
 * them as one notice saying who has the case now and by when they will be
 * called, even across a crash; if routing waits, the 退回 is still told, and
 * then the new assignment. Once every district supervisor let the case
 * lapse, neither 进度 nor the notice promises someone new. The liaison's
 * closing 结果 answer says the reporter is told; after 删除我的信息 neither
 * 接单 nor the answer about the staff's phone promises a call; a case
 * waiting for the procuratorate shows by when it answers.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers;
 * a manual clock on the suite's working day at 10:00.
 */
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { slaProcessor } from '../../core/cases/jobs.js';
import { caseJobKeys, outboxMember } from '../../core/cases/queue.js';
import type { Case } from '../../core/cases/store.js';
import { latestAt } from '../../core/cases/texts.js';
import { shortTime } from '../../core/infra/time.js';
import { eventually } from '../support/core.js';
import { workingDayAt } from './support.js';
import { GW1, LIAISON, SUP, staffInWechat } from './in-wechat.js';

const T0 = workingDayAt('10:00');
const { app, say, ask, get, bind, texts, clock } = staffInWechat(T0);

/** The worker, in WeChat. */
const W = '王芳（打工人）';
const workerKey = () => `wx:${app.w.contact(W).id}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Notices about case `no` the worker received (the first assignment's 已交给 left out). */
const aboutCase = (no: string) => texts(W).filter((t) => t.includes(no) && !t.includes(`${no} 已交给`));
/** Moves the app's clock past the wait of a release's notice (and anything else then due). */
const afterGrace = () => clock.set(new Date(clock.now().getTime() + 2 * 60_000));

/** A wage case of the worker's routed to gw-001 (GW1 bound), once the worker was told. */
async function workersCase(employer?: string): Promise<Case> {
  await bind(GW1, 'gw-001');
  await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
  const c = await app.routedCase({ userKey: workerKey(), employer });
  await app.w.waitFor(W, new RegExp(`您的案件 ${c.caseNo} 已交给`));
  return c;
}

/** The case once it is with someone new (after assignment `seq`). */
const reassigned = (c: Case, seq: number) => eventually(async () => ((await get(c)).assignmentSeq > seq && (await get(c)).assignee ? get(c) : null), 8000, 'the new assignment');

describe('the case changes hands: one notice, who has it and by when', () => {
  it('a grid worker\'s 退回 reaches the worker once: why, who has it now, by when they call; nothing more later, nor after a re-run of the notices', async () => {
    const c = await workersCase();
    expect(await say(GW1, `退回 ${c.caseNo} 不在我的网格`, /^已退回/)).toMatch(/^已退回/);
    const now = await reassigned(c, 1);
    const one = `您的案件 ${c.caseNo} 原来的工作人员不能继续办理，现已改派给东龙镇第一网格的另一位工作人员处理，工作人员会在${shortTime(now.acceptBy)}前联系您。回复「进度」可查看全部记录。`;
    await app.w.waitFor(W, new RegExp(`${c.caseNo} 原来的工作人员`));
    // The release's own notice comes due later, and is not sent: the one above said it.
    afterGrace();
    await sleep(1500);
    expect(aboutCase(c.caseNo)).toEqual([one]);
    // Written again, as a process that died mid-way would leave them: each is sent at most once.
    const outbox = caseJobKeys(app.t.core.config.REDIS_PREFIX).outbox();
    const release = now.history.findIndex((h) => h.note.startsWith('原来的工作人员'));
    for (const seq of [release, release + 1]) await app.t.core.redis.zAdd(outbox, { score: clock.now().getTime(), value: outboxMember('reporter-update', c.id, undefined, seq) });
    await eventually(async () => ((await app.t.core.redis.zCard(outbox)) === 0 ? true : null), 8000, 'the outbox emptied');
    await sleep(500);
    expect(aboutCase(c.caseNo)).toEqual([one]);
  });

  it('a supervisor\'s 改派 reaches the worker once, saying who has it now and by when', async () => {
    await bind(SUP, 'sup-t01');
    const c = await workersCase();
    await say(SUP, `改派 ${c.caseNo} 黄丽娟`, /已改派/);
    const now = await reassigned(c, 1);
    await app.w.waitFor(W, new RegExp(`${c.caseNo} 镇（街道）工会已把案件改派`));
    afterGrace();
    await sleep(1500);
    expect(aboutCase(c.caseNo)).toEqual([
      `您的案件 ${c.caseNo} 镇（街道）工会已把案件改派给东龙镇第一网格的另一位工作人员处理，工作人员会在${shortTime(now.acceptBy)}前联系您。回复「进度」可查看全部记录。`,
    ]);
  });

  it('when routing waits, the 退回 is still told once its wait is over, then who has the case when it is routed', async () => {
    const c = await workersCase();
    await app.workers.routing!.pause();
    try {
      await say(GW1, `退回 ${c.caseNo} 不在我的网格`, /^已退回/);
      await sleep(1000);
      // Nothing yet: the case may be routed any moment, and then one notice says both.
      expect(aboutCase(c.caseNo)).toEqual([]);
      afterGrace();
      await app.w.waitFor(W, new RegExp(`${c.caseNo} 有新进展：原来的工作人员不能继续办理，正在换一位工作人员`));
    } finally {
      app.workers.routing!.resume();
    }
    const now = await reassigned(c, 1);
    await app.w.waitFor(W, new RegExp(`${c.caseNo} 原来的工作人员不能继续办理，现已改派`));
    await sleep(500);
    expect(aboutCase(c.caseNo)).toEqual([
      `您的案件 ${c.caseNo} 有新进展：原来的工作人员不能继续办理，正在换一位工作人员。回复「进度」可查看全部记录。`,
      `您的案件 ${c.caseNo} 原来的工作人员不能继续办理，现已改派给东龙镇第一网格的另一位工作人员处理，工作人员会在${shortTime(now.acceptBy)}前联系您。回复「进度」可查看全部记录。`,
    ]);
  });

  it('once every district supervisor let the case lapse, it goes back to one of them: said as 再次交给, and 进度 promises a chase, not someone new', async () => {
    const c = await workersCase();
    // gw-001 → another grid worker → the township → 方淑珍 → 石国栋 → back to the district union.
    for (let i = 0; i < 5; i++) {
      const x = await get(c);
      clock.set(new Date(x.acceptBy!));
      await slaProcessor(app.t.core)({ name: 'accept-deadline', data: { caseId: c.id, seq: x.assignmentSeq }, id: `lapse-${i}` } as Job);
      await reassigned(c, x.assignmentSeq);
    }
    const now = await get(c);
    expect(now.assignee!.level).toBe('district');
    expect(now.lapsed).toContain(now.assignee!.staffId);
    await app.w.waitFor(W, new RegExp(`${c.caseNo} 已再次交给青溪区总工会处理`));
    expect(aboutCase(c.caseNo).at(-1)).toBe(`您的案件 ${c.caseNo} 已再次交给青溪区总工会处理，工作人员会在${shortTime(now.acceptBy)}前联系您。回复「进度」可查看全部记录。`);
    const progress = await say(W, '进度', /状态：/);
    expect(progress).toContain(`工作人员会在${shortTime(now.acceptBy)}前联系您；到时还没人接，系统会继续催青溪区总工会办理。`);
    expect(progress).not.toContain('改派给其他工作人员');
  });

  it('guard: while someone else at the district union is left, 进度 still says the case goes to someone else (worked before)', async () => {
    const c = await workersCase();
    for (let i = 0; i < 3; i++) {
      const x = await get(c);
      clock.set(new Date(x.acceptBy!));
      await slaProcessor(app.t.core)({ name: 'accept-deadline', data: { caseId: c.id, seq: x.assignmentSeq }, id: `lapse-${i}` } as Job);
      await reassigned(c, x.assignmentSeq);
    }
    expect((await get(c)).assignee!.level).toBe('district');
    expect(await say(W, '进度', /状态：/)).toContain('到时还没人接，系统会催办并改派给其他工作人员。');
  });
});

describe('what else the worker is told', () => {
  it('the liaison\'s closing 结果 answer says the reporter is told too', async () => {
    await bind(LIAISON, 'liaison-1');
    const c = await workersCase();
    await say(GW1, `接单 ${c.caseNo}`, /^已接单。/);
    await say(GW1, `转检察 ${c.caseNo} 老板恶意欠薪`, /已转给检察联络员/);
    await say(LIAISON, `受理 ${c.caseNo}`, /^已受理/);
    expect(await ask(LIAISON, `结果 ${c.caseNo} 已出具支持起诉意见书`)).toMatch(/^已记录结果，已告诉工会和报告人。/);
    await app.w.waitFor(W, new RegExp(`${c.caseNo} 已办结`));
  });

  it('after 删除我的信息, 接单 promises no call: news comes in the chat', async () => {
    const c = await workersCase();
    await say(W, '删除我的信息', /确定要删除/);
    await say(W, '确认', /已删除您的个人信息/);
    await say(GW1, `接单 ${c.caseNo}`, /^已接单。/);
    const told = await app.w.waitFor(W, new RegExp(`${c.caseNo} 有新进展：东龙镇第一网格已接单`));
    expect(told.text).toBe(`您的案件 ${c.caseNo} 有新进展：东龙镇第一网格已接单，正在办理，有消息会在这里告诉您。回复「进度」可查看全部记录。`);
    const progress = await say(W, '进度', /状态：/);
    expect(progress).toContain('东龙镇第一网格已接单，正在办理，有消息会在这里告诉您');
    expect(progress).not.toContain('联系您');
    // Asked for the staff's phone: no call is promised either.
    const phone = await say(W, '工作人员电话多少', /电话不在这里公开/);
    expect(phone).toContain('您的联系方式已删除，工作人员没法打电话给您，有进展会在这里告诉您；他们的电话不在这里公开');
    expect(phone).not.toContain('打您留的电话');
  });

  it('guard: a worker who kept their details is still told staff will call (worked before)', async () => {
    const c = await workersCase();
    await say(GW1, `接单 ${c.caseNo}`, /^已接单。/);
    await app.w.waitFor(W, new RegExp(`${c.caseNo} 有新进展：东龙镇第一网格已接单，工作人员会尽快联系您。`));
  });

  it('while the procuratorate has not answered, the notice and 进度 say by when it will; once it took the case up, no date is promised', async () => {
    await bind(LIAISON, 'liaison-1');
    const c = await workersCase();
    await say(GW1, `接单 ${c.caseNo}`, /^已接单。/);
    await say(GW1, `转检察 ${c.caseNo} 老板恶意欠薪`, /已转给检察联络员/);
    const by = latestAt(new Date((await get(c)).referral!.decideBy));
    const told = await app.w.waitFor(W, new RegExp(`${c.caseNo} 有新进展：已转给检察机关`));
    expect(told.text).toBe(`您的案件 ${c.caseNo} 有新进展：已转给检察机关，审查是否支持起诉，最晚${by}答复是否受理。回复「进度」可查看全部记录。`);
    expect(await say(W, '进度', /状态：/)).toContain(`检察机关会在${by}前答复是否受理。`);
    await say(LIAISON, `受理 ${c.caseNo}`, /^已受理/);
    await app.w.waitFor(W, new RegExp(`${c.caseNo} 有新进展：检察机关已受理`));
    expect(await say(W, '进度', /检察机关已受理/)).not.toContain('答复是否受理。');
  });
});
