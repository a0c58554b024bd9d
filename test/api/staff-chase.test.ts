/*
 * 催办 over the staff API: `POST /api/v1/staff/cases/:caseNo/chase` runs the
 * very function the WeChat command 催办 runs (core/cases/work.ts chaseCase):
 * the holder gets the same 【催办】, the case the same note, 进度 line and
 * audit entry, and one case is chased at most once an hour whichever way
 * it was chased. Supervisors of the place only; a bad body is a 400 naming
 * `text`; refusals leave the record and its audit as they were and send
 * nothing. The real Koa app over real Redis with the workers (routing, the
 * outbox); a manual clock on a working morning.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { manualClock } from '../../core/infra/clock.js';
import { shortTime } from '../../core/infra/time.js';
import { caseJobKeys } from '../../core/cases/due.js';
import type { Case } from '../../core/cases/store.js';
import { eventually } from '../support/core.js';
import { inboxTexts, routeTo, snapshot, staffChat, startStaffApi, wageCase, workingDayAt } from '../staff/support.js';

const ASSIGNEE = 'gw-001';
const SUP = 'sup-t01'; // 东龙镇
const DSUP = 'dsup-1';
const OTHER_SUP = 'sup-t02'; // 白沙镇

const T0 = workingDayAt('10:00');
const clock = manualClock(T0);
const api = useFixture(() => {
  clock.set(T0);
  return startStaffApi({ workers: true, clock });
});

const chase = async (c: Case, staffId: string | null, json?: unknown) =>
  api.req('POST', `/api/v1/staff/cases/${c.caseNo}/chase`, { ...(staffId ? { token: await api.staff(staffId) } : {}), json });

const get = async (c: Case) => (await api.core.cases.get(c.id))!;

/** A case routed to gw-001 and accepted by them over the API. */
async function acceptedCase(): Promise<Case> {
  const c = await routeTo(api.core, await wageCase(api.core), ASSIGNEE);
  const r = await api.req('POST', `/api/v1/staff/cases/${c.caseNo}/accept`, { token: await api.staff(ASSIGNEE) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return get(c);
}

/** Everything in the outbox sent, and a moment more for anything sent twice to arrive. */
async function settled() {
  const key = caseJobKeys(api.core.config.REDIS_PREFIX).outbox();
  await eventually(async () => ((await api.core.redis.zCard(key)) === 0 ? true : null), 8000, 'outbox empty');
  await new Promise((r) => setTimeout(r, 300));
}

const chasesOf = async (c: Case) => (await inboxTexts(api.core, `staff:${ASSIGNEE}`)).filter((t) => t.startsWith('【催办】') && t.includes(`催您办理案件 ${c.caseNo}`));

/** Runs `fn`, then checks the case record and its audit did not move and no 【催办】 went out. */
async function unchanged(c: Case, fn: () => Promise<void>) {
  await settled();
  const before = await snapshot(api.core, c.id);
  const sent = (await chasesOf(c)).length;
  await fn();
  const after = await snapshot(api.core, c.id);
  expect(after.audit).toBe(before.audit);
  expect(after.record).toEqual(before.record);
  await settled();
  expect(await chasesOf(c)).toHaveLength(sent);
}

describe('POST /api/v1/staff/cases/:caseNo/chase', () => {
  it('a township supervisor chases: the holder gets the same 【催办】 as from WeChat, and the case records it', async () => {
    const c = await acceptedCase();
    const r = await chase(c, SUP, { text: '  老板电话打不通，请今天上门看看，身份证号110101199003071234  ' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const masked = '老板电话打不通，请今天上门看看，身份证号1101**********1234';
    expect(r.body.case).toMatchObject({ caseNo: c.caseNo, status: 'accepted', assignee: { staffId: ASSIGNEE } });
    expect(r.body.case.notes.at(-1)).toMatchObject({ staffId: SUP, by: '陈秀兰', text: `催办：${masked}` });

    const x = await get(c);
    expect(x.notes.at(-1)).toMatchObject({ staffId: SUP, at: T0.toISOString(), text: `催办：${masked}` });
    expect(x.history.at(-1)!.note).toBe('工会已督促工作人员抓紧办理');
    expect((await api.core.cases.audit(c.id)).filter((a) => a.action === 'chased').map((a) => a.detail)).toEqual([`${SUP}->${ASSIGNEE}`]);

    await settled();
    expect(await chasesOf(c)).toEqual([
      [
        `【催办】镇（街道）工会陈秀兰催您办理案件 ${c.caseNo}。`,
        `留言：${masked}`,
        `办结期限：${shortTime(c.resolveBy)}`,
        `办结请回复「办结 ${c.caseNo} 追回 金额」；有困难请回复「备注 ${c.caseNo} 情况」说明。`,
      ].join('\n'),
    ]);
  });

  it('once an hour per case, whether chased over the API or in WeChat; an hour later again', async () => {
    const c = await acceptedCase();
    expect((await chase(c, SUP, { text: '请抓紧' })).status).toBe(200);
    const again = new Date(T0.getTime() + 3600_000);
    const refusal = `案件 ${c.caseNo} 您在${shortTime(T0.toISOString())}已经催办过了。同一件案件一小时内只催办一次，请${shortTime(again.toISOString())}以后再发。`;
    await unchanged(c, async () => {
      const r = await chase(c, SUP, { text: '再催一次' });
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'chased_recently', message: refusal });
      // Another supervisor over the API, and in WeChat: the same limit.
      const d = await chase(c, DSUP, { text: '抓紧' });
      expect(d.status).toBe(409);
      expect(d.body.error.message).toMatch(new RegExp(`^案件 ${c.caseNo} 陈秀兰在.*已经催办过了。`));
      const wechat = await staffChat(api.core, DSUP);
      expect(await wechat(`督办 ${c.caseNo} 抓紧`)).toMatch(new RegExp(`^案件 ${c.caseNo} 陈秀兰在.*已经催办过了。`));
    });

    // 61 minutes on: chased in WeChat, which blocks the API for the next hour.
    clock.set(new Date(T0.getTime() + 61 * 60_000));
    const wechat = await staffChat(api.core, DSUP);
    expect(await wechat(`督办 ${c.caseNo} 今天务必联系报告人`)).toBe(`已催办，已通知林志强。办结期限：${shortTime(c.resolveBy)}。`);
    const blocked = await chase(c, SUP, { text: '请抓紧' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(new RegExp(`^案件 ${c.caseNo} 方淑珍在.*已经催办过了。`));

    clock.set(new Date(T0.getTime() + 122 * 60_000));
    const third = await chase(c, DSUP, { text: '第三次提醒' });
    expect(third.status).toBe(200);
    await settled();
    const sent = await chasesOf(c);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatch(new RegExp(`^【催办】区总工会方淑珍催您办理案件 ${c.caseNo}。\\n留言：第三次提醒\\n`));
    expect((await get(c)).notes.map((n) => n.text)).toEqual(['催办：请抓紧', '催办：今天务必联系报告人', '催办：第三次提醒']);
  });

  it('supervisors only: everyone else gets 403 before the body or the case is looked at', async () => {
    const c = await acceptedCase();
    await unchanged(c, async () => {
      for (const who of [ASSIGNEE, 'gw-002', 'liaison-1', 'lawyer-1', 'urev-t01']) {
        for (const [path, json] of [
          [`/api/v1/staff/cases/${c.caseNo}/chase`, { text: '请抓紧' }],
          [`/api/v1/staff/cases/${c.caseNo}/chase`, {}],
          ['/api/v1/staff/cases/QX20990101-0001/chase', { text: '请抓紧' }],
        ] as const) {
          const r = await api.req('POST', path, { token: await api.staff(who), json });
          expect(r.status, `${who} ${path}`).toBe(403);
          expect(r.body.error, who).toMatchObject({ code: 'forbidden', message: '只有镇（街道）或区工会的负责人可以催办案件。' });
        }
      }
      // Another township's supervisor may not see the case.
      const other = await chase(c, OTHER_SUP, { text: '请抓紧' });
      expect(other.status).toBe(403);
      expect(other.body.error.message).toBe(`案件 ${c.caseNo} 不是您负责的，不能查看或办理。`);
      expect(JSON.stringify(other.body)).not.toMatch(/张三|13800138000/);
      // No staff token at all.
      expect((await chase(c, null, { text: '请抓紧' })).status).toBe(401);
    });
  });

  it('an unknown case is 404; a case nobody holds or one already closed is 409', async () => {
    const unknown = await api.req('POST', '/api/v1/staff/cases/QX20990101-0001/chase', { token: await api.staff(SUP), json: { text: '请抓紧' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found', message: '没有找到案件 QX20990101-0001，请核对编号。' });

    const c = await acceptedCase();
    const waiting = await wageCase(api.core);
    await unchanged(waiting, async () => {
      const r = await chase(waiting, SUP, { text: '请抓紧' });
      expect(r.status).toBe(409);
      expect(r.body.error.message).toBe(`案件 ${waiting.caseNo} 还没有分派给工作人员，没有人可以催办。要交给某人办理，请发「改派 ${waiting.caseNo} 姓名」。`);
    });
    const done = await api.req('POST', `/api/v1/staff/cases/${c.caseNo}/resolve`, { token: await api.staff(ASSIGNEE), json: { recovered: 28500, full: true } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await unchanged(c, async () => {
      const r = await chase(c, SUP, { text: '请抓紧' });
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(new RegExp(`^案件 ${c.caseNo} 现在是「.+」，不在办理中，不能催办。$`));
    });
  });

  it('400 naming text for a missing, empty, too long or hostile text; nothing recorded, nothing sent', async () => {
    const c = await acceptedCase();
    const bodies: [string, unknown, RegExp][] = [
      ['no body', undefined, /text 必须是字符串/],
      ['no text', {}, /text 必须是字符串/],
      ['a number', { text: 42 }, /text 必须是字符串/],
      ['an array', { text: ['请抓紧'] }, /text 必须是字符串/],
      ['null', { text: null }, /text 必须是字符串/],
      ['empty', { text: '' }, /^text 不能为空/],
      ['spaces only', { text: ' \n\t\u3000 ' }, /^text 不能为空/],
      ['501 characters', { text: '催'.repeat(501) }, /^text 不能超过500字$/],
      ['a NUL', { text: '请抓紧\u0000' }, /^text 里有看不见的控制字符/],
      ['a terminal escape', { text: '\u001b[31m请抓紧\u001b[0m' }, /^text 里有看不见的控制字符/],
      ['a right-to-left override', { text: '请抓紧\u202e办理' }, /^text 里有看不见的控制字符/],
      ['a zero-width space', { text: '请\u200b抓紧' }, /^text 里有看不见的控制字符/],
    ];
    await unchanged(c, async () => {
      for (const [what, json, message] of bodies) {
        const r = await chase(c, SUP, json);
        expect(r.status, what).toBe(400);
        expect(r.body.error.field, what).toBe('text');
        expect(r.body.error.message, what).toMatch(message);
      }
    });
    // Markup, line breaks and emoji are words like any other: kept as written, sent as plain text.
    const words = '<b>请抓紧</b>\n明天上午前回电 👨‍👩‍👧';
    const ok = await chase(c, SUP, { text: words });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await get(c)).notes.at(-1)!.text).toBe(`催办：${words}`);
    await settled();
    expect((await chasesOf(c))[0]).toContain(`留言：${words}`);
  });

  it('500 characters are taken whole', async () => {
    const c = await acceptedCase();
    const r = await chase(c, DSUP, { text: '催'.repeat(500) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await get(c)).notes.at(-1)!.text).toBe(`催办：${'催'.repeat(500)}`);
  });
});
