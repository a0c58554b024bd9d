/*
 * Leftovers of h37 and h39 (helper h41): once every district supervisor let a
 * case lapse, the staff side no longer promises a reassignment that will not
 * come (the accept reminder, the desk's 「…前不接单…」 line, the lapse notice);
 * after 删除我的信息, pressing (`怎么还没人联系我`) promises no call.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers;
 * a manual clock on the suite's working day at 10:00.
 */
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { slaProcessor } from '../../core/cases/jobs.js';
import type { Case } from '../../core/cases/store.js';
import { shortTime } from '../../core/infra/time.js';
import { eventually } from '../support/core.js';
import { workingDayAt } from './support.js';
import { DSUP, GW1, staffInWechat } from './in-wechat.js';

const T0 = workingDayAt('10:00');
const { app, say, get, bind, texts, clock } = staffInWechat(T0);

/** The worker, in WeChat. */
const W = '王芳（打工人）';
const workerKey = () => `wx:${app.w.contact(W).id}`;

/** A wage case of the worker's routed to gw-001 (GW1 bound), once the worker was told. */
async function workersCase(): Promise<Case> {
  await bind(GW1, 'gw-001');
  await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0 });
  const c = await app.routedCase({ userKey: workerKey() });
  await app.w.waitFor(W, new RegExp(`您的案件 ${c.caseNo} 已交给`));
  return c;
}

/** The case once it is with someone new (after assignment `seq`). */
const reassigned = (c: Case, seq: number) => eventually(async () => ((await get(c)).assignmentSeq > seq && (await get(c)).assignee ? get(c) : null), 8000, 'the new assignment');

/** Lets the accept limit pass `n` times in a row (each time routed again). */
async function lapse(c: Case, n: number): Promise<Case> {
  for (let i = 0; i < n; i++) {
    const x = await get(c);
    clock.set(new Date(x.acceptBy!));
    await slaProcessor(app.t.core)({ name: 'accept-deadline', data: { caseId: c.id, seq: x.assignmentSeq }, id: `lapse-${i}` } as Job);
    await reassigned(c, x.assignmentSeq);
  }
  return get(c);
}

/** The accept reminder of the case's current assignment, sent to whoever holds it (DSUP bound to them). */
async function remind(c: Case): Promise<string> {
  const x = await get(c);
  await slaProcessor(app.t.core)({ name: 'accept-reminder', data: { caseId: c.id, seq: x.assignmentSeq }, id: `remind-${x.assignmentSeq}` } as Job);
  return (await app.w.waitFor(DSUP, new RegExp(`【催办】案件 ${c.caseNo} 还没有接单`))).text;
}

describe('nobody left at the district union: the staff side promises no reassignment', () => {
  it('the accept reminder and the desk line under a 备注 say it stays with the district union and is chased', async () => {
    const c = await workersCase();
    // gw-001 → another grid worker → the township → 方淑珍 → 石国栋 → back to the district union.
    const now = await lapse(c, 5);
    expect(now.assignee!.level).toBe('district');
    expect(now.lapsed).toContain(now.assignee!.staffId);
    await bind(DSUP, now.assignee!.staffId);
    const reminder = await remind(c);
    expect(reminder).toBe(`【催办】案件 ${c.caseNo} 还没有接单，请在${shortTime(now.acceptBy)}前回复「接单 ${c.caseNo}」；已没有别人可以改派，超时仍由区总工会办理，系统会继续催办。`);
    expect(reminder).not.toContain('改派他人');
    const desk = await say(DSUP, `备注 ${c.caseNo} 打了电话没人接`, /已记下备注/);
    expect(desk).toContain(`这件还没接单，请在${shortTime(now.acceptBy)}前接单；已没有别人可以改派，超时系统会继续催办。请发：接单 ${c.caseNo}`);
    expect(desk).not.toContain('改派给别人');
  });

  it('the district supervisor who let the case lapse when nobody else is left is not told 「您不用再处理」: it comes back to them', async () => {
    const c = await workersCase();
    const now = await lapse(c, 5);
    const mine = now.assignee!.staffId;
    await bind(DSUP, mine);
    // The other district supervisor is busier: routing gives it back to the same one.
    const other = mine === 'dsup-1' ? 'dsup-2' : 'dsup-1';
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { [other]: 99, [mine]: 0 });
    const again = await lapse(c, 1);
    expect(again.assignee!.staffId).toBe(mine);
    const told = await app.w.waitFor(DSUP, new RegExp(`案件 ${c.caseNo} 已超过接单期限`));
    // Rendered when sent: before routing ran (the usual case) or after it.
    expect([
      `案件 ${c.caseNo} 已超过接单期限；已没有别人可以改派，案件会再交给区总工会，交给您时会另行通知。`,
      `案件 ${c.caseNo} 已超过接单期限；没有别人可以改派，案件仍交给您办理，请尽快处理。`,
    ]).toContain(told.text);
    expect(texts(DSUP).join('\n')).not.toContain('您不用再处理');
  });

  it('guard: while another district supervisor is left, the reminder and the desk line still say it goes to someone else (worked before)', async () => {
    const c = await workersCase();
    const now = await lapse(c, 3);
    expect(now.assignee!.level).toBe('district');
    await bind(DSUP, now.assignee!.staffId);
    expect(await remind(c)).toContain('超时将改派他人。');
    expect(await say(DSUP, `备注 ${c.caseNo} 打了电话没人接`, /已记下备注/)).toContain('前不接单会改派给别人。');
  });
});

describe('after 删除我的信息, pressing promises no call', () => {
  it('怎么还没人联系我 says news comes here, not 「要是到时还没人联系您」', async () => {
    const c = await workersCase();
    await say(W, '删除我的信息', /确定要删除/);
    await say(W, '确认', /已删除您的个人信息/);
    const answer = await say(W, '怎么还没人联系我', /收到|按说/);
    expect(answer).toContain('收到，知道您着急。想让工作人员打电话给您，可以把手机号发给我，我转给他们。要是到时还没人接手，您再跟我说一声');
    // The progress view under it says why nobody calls.
    expect(answer).toContain('您的联系方式已删除，工作人员没法打电话给您，有进展会在这里告诉您。');
    expect(answer).not.toContain('还没人联系您');
    // What it offers works: the number is offered to be passed on to whoever has the case.
    await app.w.waitFor(W, /回复「文书」/);
    expect(await say(W, '13912345678', /把这条消息转给/)).toContain(`负责您案件 ${c.caseNo}`);
  });

  it('past the date, 怎么还没人联系我 says the case should have been taken by then, not that someone should have called', async () => {
    const c = await workersCase();
    await say(W, '删除我的信息', /确定要删除/);
    await say(W, '确认', /已删除您的个人信息/);
    clock.set(new Date(Date.parse((await get(c)).acceptBy!) + 60_000));
    const answer = await say(W, '怎么还没人联系我', /按说最晚/);
    expect(answer).toMatch(/按说最晚.+就该有工作人员接手办理，现在已经过了。/);
    expect(answer).not.toContain('就该有工作人员联系您');
  });

  it('guard: a worker who kept their details is still told to say so if nobody calls (worked before)', async () => {
    await workersCase();
    expect(await say(W, '怎么还没人联系我', /收到|按说/)).toContain('要是到时还没人联系您');
  });
});
