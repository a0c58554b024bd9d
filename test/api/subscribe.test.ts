/*
 * Subscribe messages (一次性订阅消息) to people signed in to the
 * mini-program, against a local fake of WeChat's server: the client tells
 * us what the person accepted; a notice that goes into their chat also goes
 * out as a service notification while an acceptance is left; WeChat's
 * refusals and busy answers are handled; without an acceptance the notice
 * waits in the chat history.
 */
import { describe, expect, it } from 'vitest';
import { ClientConfigSchema, ErrorBodySchema, HistorySchema, SessionSchema, SubscriptionsSchema } from '../../api/contract.js';
import { createSubscriptions, offerSubscribe } from '../../core/auth/index.js';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { eventually } from '../support/core.js';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';
import { useFixture } from '../support/fixture.js';
import { startHttp, type TestHttp } from '../support/http.js';
import { staffSays, courierUpToReview, reviewed } from '../membership/support.js';
import { bookDirect, donglongSlots, nth } from '../legal-aid/helpers.js';

const TEMPLATES = { WECHAT_TEMPLATE_CASE: 'tplCaseProgress', WECHAT_TEMPLATE_BOOKING: 'tplBookingReminder', WECHAT_TEMPLATE_MEMBERSHIP: 'tplMemberResult' };

interface Rig {
  fake: FakeWechat;
  http: TestHttp;
  stop(): Promise<void>;
}

const rig = useFixture(async (): Promise<Rig> => {
  const fake = await startFakeWechat();
  const http = await startHttp({
    workers: true,
    clock: manualClock(new Date('2026-11-21T10:00:00+08:00')),
    env: { WECHAT_APPID: fake.appId, WECHAT_SECRET: fake.secret, WECHAT_API_BASE_URL: fake.url, ...TEMPLATES },
  });
  return {
    fake,
    http,
    async stop() {
      await http.stop();
      await fake.close();
    },
  };
}, 'all');

let n = 0;
/** A person signed in through wx.login's code: their token, user key and openid. */
async function signIn(): Promise<{ token: string; userKey: string; openid: string }> {
  const openid = `o-sub-${process.pid}-${++n}`;
  const r = await fetch(`${rig.http.base}/api/v1/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: rig.fake.issueCode(openid) }),
  });
  expect(r.status).toBe(200);
  return { token: SessionSchema.parse(await r.json()).token, userKey: `mp:${openid}`, openid };
}

async function accept(token: string, results: Record<string, string>) {
  const r = await fetch(`${rig.http.base}/api/v1/me/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ results }),
  });
  return { status: r.status, body: (await r.json()) as unknown };
}

/** A wage report through the chat; resolves with the case once routed to a grid worker. */
async function reportAndRoute(userKey: string) {
  const { core, chat } = rig.http.t;
  await converse(chat, userKey)
    .sendAll('老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '2', '两万八千五', '就我一个', '还在干', '都跳过', '没有', '张三', '13800138000', '确认')
    .expect(/提交成功/);
  const [c] = await core.cases.listByUser(userKey);
  const assignee = await eventually(async () => (await core.cases.get(c!.id))?.assignee, 8000, 'assignment');
  return { c: c!, staffId: assignee.staffId };
}

const sentTo = (openid: string) => rig.fake.sent.filter((m) => m.toUser === openid);
const notices = async (token: string) => {
  const r = await fetch(`${rig.http.base}/api/v1/chat/history?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  return HistorySchema.parse(await r.json()).items.filter((i) => i.from === 'notice');
};

describe('subscribe messages', () => {
  it('when the client asks for the configuration, then it names the template for each moment', async () => {
    const r = await fetch(`${rig.http.base}/api/v1/client-config`);
    expect(ClientConfigSchema.parse(await r.json())).toEqual({
      devLogin: true,
      subscribe: { afterReport: ['tplCaseProgress'], afterBooking: ['tplBookingReminder'], afterMembership: ['tplMemberResult'] },
    });
  });

  it('when a person accepted once, then the first case notice reaches them in WeChat with the case, later ones wait in the chat', async () => {
    const p = await signIn();
    const r = await accept(p.token, { tplCaseProgress: 'accept', tplMemberResult: 'reject', tplNotOurs: 'accept' });
    expect(r.status).toBe(200);
    expect(SubscriptionsSchema.parse(r.body).remaining).toEqual({ tplCaseProgress: 1, tplBookingReminder: 0, tplMemberResult: 0 });
    rig.fake.grant(p.openid, 'tplCaseProgress', 1);

    const { c, staffId } = await reportAndRoute(p.userKey);
    const [msg] = await eventually(async () => (sentTo(p.openid).length ? sentTo(p.openid) : null), 8000, 'a subscribe message');
    expect(msg).toMatchObject({ templateId: 'tplCaseProgress', page: `pages/cases/index?caseNo=${c.caseNo}` });
    expect(msg!.data.character_string1!.value).toBe(c.caseNo);
    expect(msg!.data.thing3!.value.length).toBeLessThanOrEqual(20);
    expect(await notices(p.token)).toHaveLength(1);

    // Accepted: a second notice has no acceptance left, so it waits in the chat only.
    await staffSays(rig.http.t.core, staffId, `接单 ${c.caseNo}`);
    await eventually(async () => ((await notices(p.token)).length >= 2 ? true : null), 8000, 'the second notice in the chat');
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTo(p.openid)).toHaveLength(1);
    const left = await fetch(`${rig.http.base}/api/v1/me/subscriptions`, { headers: { authorization: `Bearer ${p.token}` } });
    expect(SubscriptionsSchema.parse(await left.json()).remaining.tplCaseProgress).toBe(0);
  });

  it('when WeChat says the person has no subscription left (43101), then ours goes to zero and the notice stays in the chat', async () => {
    const p = await signIn();
    await accept(p.token, { tplCaseProgress: 'accept' });
    await accept(p.token, { tplCaseProgress: 'accept' });
    // No grant at the fake: WeChat answers 43101.
    await reportAndRoute(p.userKey);
    await eventually(async () => ((await notices(p.token)).length >= 1 ? true : null), 8000, 'the notice in the chat');
    const subscriptions = createSubscriptions(rig.http.t.core);
    await eventually(async () => ((await subscriptions.remaining(p.userKey)).tplCaseProgress === 0 ? true : null), 8000, 'acceptances cleared');
    const r = await fetch(`${rig.http.base}/api/v1/me/subscriptions`, { headers: { authorization: `Bearer ${p.token}` } });
    const remaining = SubscriptionsSchema.parse(await r.json()).remaining.tplCaseProgress;
    expect(remaining).toBe(0);
    expect(sentTo(p.openid)).toHaveLength(0);
  });

  it('when WeChat is rate-limited (45011), then the message is retried and delivered once, and the acceptance spent once', async () => {
    const p = await signIn();
    await accept(p.token, { tplCaseProgress: 'accept' });
    rig.fake.grant(p.openid, 'tplCaseProgress', 1);
    rig.fake.failNext('subscribe', 45011);
    await reportAndRoute(p.userKey);
    await eventually(async () => (sentTo(p.openid).length ? true : null), 10_000, 'delivered after a retry');
    await new Promise((r) => setTimeout(r, 500));
    expect(sentTo(p.openid)).toHaveLength(1);
    expect(await notices(p.token)).toHaveLength(1);
  });

  it('when a membership is approved, then the result goes out with the membership template and opens the card', async () => {
    const p = await signIn();
    await accept(p.token, { tplMemberResult: 'accept' });
    rig.fake.grant(p.openid, 'tplMemberResult', 1);
    const { core, chat } = rig.http.t;
    await courierUpToReview(chat, p.userKey).send('确认');
    const m = await reviewed(core, p.userKey);
    await staffSays(core, m.reviewer!.staffId, `通过 ${m.appNo}`);
    const [msg] = await eventually(async () => (sentTo(p.openid).length ? sentTo(p.openid) : null), 8000, 'the result');
    expect(msg).toMatchObject({ templateId: 'tplMemberResult', page: 'pages/card/index' });
    expect(msg!.data.character_string1!.value).toBe(m.appNo);
    expect(msg!.data.phrase2!.value).toBe('已通过');
  });

  it("when WeChat's access token has expired (42001), then a fresh one is fetched and the message goes out once", async () => {
    const p = await signIn();
    await accept(p.token, { tplCaseProgress: 'accept' });
    rig.fake.grant(p.openid, 'tplCaseProgress', 1);
    await reportAndRoute(p.userKey);
    await eventually(async () => (sentTo(p.openid).length ? true : null), 8000, 'the first message');
    rig.fake.expireTokens();
    const issued = rig.fake.tokensIssued();
    // A second acceptance, and a second notice: the send meets 42001, renews, and is delivered.
    await accept(p.token, { tplCaseProgress: 'accept' });
    rig.fake.grant(p.openid, 'tplCaseProgress', 1);
    const [c] = await rig.http.t.core.cases.listByUser(p.userKey);
    await staffSays(rig.http.t.core, c!.assignee!.staffId, `接单 ${c!.caseNo}`);
    await eventually(async () => (sentTo(p.openid).length === 2 ? true : null), 8000, 'the second message');
    expect(rig.fake.tokensIssued()).toBe(issued + 1);
  });

  it('when a booking reminder is due, then it goes out with the booking template: number, time, place and a word on what to do', async () => {
    const p = await signIn();
    await accept(p.token, { tplBookingReminder: 'accept' });
    rig.fake.grant(p.openid, 'tplBookingReminder', 1);
    const { core, chat } = rig.http.t;
    const slot = nth(await donglongSlots(core), 0, 'a slot at 东龙');
    const b = await bookDirect(core, chat, { userKey: p.userKey, staffId: slot.staffId, pointId: slot.pointId, at: slot.key.slice(slot.key.indexOf('@') + 1) });
    // The reminder job itself runs at 18:00 the day before; what it queues after telling the chat is this.
    await offerSubscribe(core, 'booking', p.userKey, b.id, 'hour-before', `test-reminder-${b.id}`);
    const [msg] = await eventually(async () => (sentTo(p.openid).length ? sentTo(p.openid) : null), 8000, 'the reminder');
    expect(msg).toMatchObject({ templateId: 'tplBookingReminder', page: 'pages/bookings/index' });
    expect(msg!.data.character_string1!.value).toBe(b.bookingNo);
    expect(msg!.data.time2!.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(msg!.data.thing3!.value).toBe('东龙镇工会驿站');
    expect(msg!.data.thing4!.value).toContain('一小时后');
  });

  it('when a web-chat person (not signed in to the mini-program) gets a notice, then nothing is sent to WeChat', async () => {
    const before = rig.fake.sent.length;
    await reportAndRoute('web:sub-web');
    await new Promise((r) => setTimeout(r, 500));
    expect(rig.fake.sent.length).toBe(before);
  });

  it.each([
    ['not an object', { results: ['tplCaseProgress'] }],
    ['missing', {}],
    ['a hostile template id', { results: { '<script>': 'accept' } }],
    ['too many templates', { results: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`tpl${i}`, 'accept'])) }],
    ['a huge result', { results: { tplCaseProgress: 'accept'.repeat(100) } }],
  ])('when the results are %s, then 400 names them and nothing is counted', async (_what, body) => {
    const p = await signIn();
    const r = await fetch(`${rig.http.base}/api/v1/me/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(400);
    expect(ErrorBodySchema.parse(await r.json()).error.field).toMatch(/^results/);
    const left = await fetch(`${rig.http.base}/api/v1/me/subscriptions`, { headers: { authorization: `Bearer ${p.token}` } });
    expect(SubscriptionsSchema.parse(await left.json()).remaining).toEqual({ tplCaseProgress: 0, tplBookingReminder: 0, tplMemberResult: 0 });
  });
});
