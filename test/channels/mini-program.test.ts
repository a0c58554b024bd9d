/*
 * The mini-program's customer-service chat (客服消息) as a channel of the
 * bot, end to end: the fake WeChat pushes to the real app as WeChat does
 * (safe mode, JSON), the conversation runs on the inbound queue after
 * WeChat got its `success`, and the replies come back through the fake's
 * customer-service API. The customer-service chat and the mini-program's
 * own pages are one conversation.
 */
import { describe, expect, it } from 'vitest';
import { HistorySchema, SessionSchema } from '../../api/contract.js';
import { renderText, type Reply } from '../../core/infra/replies.js';
import { eventually } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { joined, msgId, quietly, startChannelRig, wageAnswer, wageReport } from './support.js';
import type { FakeCustomMessage } from '../support/fake-wechat.js';

const rig = useFixture(() => startChannelRig('mp'), 'all');

const JSON_PUSH = { format: 'json' as const };
const CONSENT = /反映欠薪前，需要您同意我们收集一些信息[\s\S]*您同意吗？\n1\. 同意\n2\. 不同意$/;
const GREETING = /^您好，我是工友助手[\s\S]*\n1\. 加入工会\n2\. 反映欠薪\n3\. 预约法律援助/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A customer-service message, pushed as JSON, handled and answered. */
const say = (from: string, text: string) => rig.say({ kind: 'text', from, text }, JSON_PUSH);
const enter = (from: string) => rig.say({ kind: 'event', from, event: 'user_enter_tempsession', sessionFrom: 'chat-button' }, JSON_PUSH);

/** Signs `openid` in to the mini-program (wx.login's code through the fake): the token. */
async function signIn(openid: string): Promise<string> {
  const r = await fetch(`${rig.http.base}/api/v1/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: rig.fake.issueCode(openid) }),
  });
  expect(r.status).toBe(200);
  return SessionSchema.parse(await r.json()).token;
}

async function history(token: string) {
  const r = await fetch(`${rig.http.base}/api/v1/chat/history?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  expect(r.status).toBe(200);
  return HistorySchema.parse(await r.json());
}

describe('the customer-service push URL', () => {
  it('answers the URL check with the echostr; a bad signature gets a bare 401', async () => {
    const ok = await rig.fake.verify(rig.target);
    expect(ok).toMatchObject({ status: 200, body: ok.echostr });
    expect(await rig.fake.verify(rig.target, { badSignature: true })).toMatchObject({ status: 401, body: 'invalid' });
  });

  it('the Official Account push is not served on a server without it', async () => {
    expect((await rig.fake.verify({ ...rig.target, url: `${rig.http.base}/wechat/push/oa` })).status).toBe(404);
  });

  it('refuses a forged push with no reason: nothing queued, nothing ever sent', async () => {
    const me = rig.openid('forger');
    const jobs = await rig.inboundJobs();
    const text = { kind: 'text' as const, from: me, text: '老板欠我三个月工资' };
    expect(await rig.push(text, { ...JSON_PUSH, badSignature: true })).toMatchObject({ status: 401, body: 'invalid' });
    expect(await rig.push(text, { ...JSON_PUSH, badMsgSignature: true })).toMatchObject({ status: 401, body: 'invalid' });
    await quietly(800);
    expect(await rig.inboundJobs()).toBe(jobs);
    expect(rig.sendCallsTo(me)).toBe(0);
  });
});

describe('a customer-service message', () => {
  it('gets WeChat its success well within 5 s, then the consent question, options as numbered lines', async () => {
    const me = rig.openid();
    const { push, sent } = await say(me, '老板欠我三个月工资');
    expect(push.ms).toBeLessThan(1000);
    expect(sent.map((m) => m.type)).toEqual(['text']);
    expect(sent[0]!.content).toMatch(CONSENT);
  });

  it('the same signed request again, a retry of the same MsgId, a stale timestamp: one set of replies only', async () => {
    const me = rig.openid();
    const timestamp = Math.floor(Date.now() / 1000);
    const nonce = '577215664';
    const first = { kind: 'text' as const, from: me, text: '老板欠我三个月工资', msgId: msgId(), createTime: timestamp };
    expect((await rig.say(first, { ...JSON_PUSH, timestamp, nonce })).sent).toHaveLength(1);
    const jobs = await rig.inboundJobs();
    expect(await rig.push(first, { ...JSON_PUSH, timestamp, nonce })).toMatchObject({ status: 200, body: 'success' });
    expect(await rig.push(first, { ...JSON_PUSH, nonce: '141421356' })).toMatchObject({ status: 200, body: 'success' });
    expect(await rig.push({ ...first, msgId: msgId(), text: '我要入会' }, { ...JSON_PUSH, timestamp, nonce })).toMatchObject({ status: 200, body: 'success' });
    expect(await rig.push({ ...first, msgId: msgId() }, { ...JSON_PUSH, timestamp: timestamp - 600, nonce: '173205080' })).toMatchObject({ status: 401, body: 'invalid' });
    await quietly(1000);
    expect(await rig.inboundJobs()).toBe(jobs);
    expect(rig.sentTo(me)).toHaveLength(1);
    expect(rig.sendCallsTo(me)).toBe(1);
  });

  it("a slow conversation still gets WeChat's success at once; the replies come after", async () => {
    const me = rig.openid();
    const { core } = rig.http.t;
    const userKey = `mp:${me}`;
    let released = 0;
    const held = core.conversation.withLock(userKey, async () => {
      await sleep(6000);
      released = Date.now();
    });
    await eventually(async () => (await core.redis.exists(core.conversation.keys.lock(userKey))) === 1, 2000, 'the lock held');
    const m = { kind: 'text' as const, from: me, text: '老板欠我三个月工资', msgId: msgId(), createTime: Math.floor(Date.now() / 1000) };
    const push = await rig.push(m, JSON_PUSH);
    expect(push).toMatchObject({ status: 200, body: 'success', timedOut: false });
    expect(push.ms).toBeLessThan(1000);
    await held;
    await rig.handled(m);
    const sent = rig.sentTo(me);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.content).toMatch(CONSENT);
    expect(sent[0]!.at.getTime()).toBeGreaterThanOrEqual(released);
  }, 30_000);
});

describe('entering the customer-service chat', () => {
  it('is greeted with the menu once, not again within 30 minutes, and again after', async () => {
    const me = rig.openid();
    const first = await enter(me);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]!.content).toMatch(GREETING);

    // The greeting is in the chat the mini-program's pages show, too.
    const h = await history(await signIn(me));
    expect(h.items.map((i) => i.from)).toEqual(['bot']);
    expect(renderText(h.items[0]!.replies[0]!)).toBe(first.sent[0]!.content);

    rig.clock.advance(10 * 60_000);
    expect((await enter(me)).sent).toHaveLength(0);

    rig.clock.advance(31 * 60_000);
    const again = await enter(me);
    expect(again.sent).toHaveLength(1);
    expect(again.sent[0]!.content).toMatch(GREETING);
  });

  it('someone who wrote in the last 30 minutes is not greeted when they come back', async () => {
    const me = rig.openid();
    await say(me, '老板欠我三个月工资');
    rig.clock.advance(5 * 60_000);
    expect((await enter(me)).sent).toHaveLength(0);
  });
});

describe('one conversation with the mini-program’s pages', () => {
  it('the customer-service chat and the chat page show the same conversation, and each continues it', async () => {
    const me = rig.openid('pages');
    expect(joined((await say(me, '老板欠我三个月工资')).sent)).toMatch(CONSENT);
    const token = await signIn(me);
    const h = await history(token);
    expect(h.items.map((i) => i.from)).toEqual(['user', 'bot']);
    expect(h.items[0]!.replies).toEqual([{ type: 'text', text: '老板欠我三个月工资' }]);
    expect(renderText(h.items[1]!.replies[0]!)).toMatch(CONSENT);

    // The page answers the consent question; the customer-service chat answers the next one.
    const r = await fetch(`${rig.http.base}/api/v1/chat/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '1' }),
    });
    expect(r.status).toBe(200);
    const pageReplies = ((await r.json()) as { replies: { type: string }[] }).replies;
    expect(pageReplies.length).toBeGreaterThan(0);
    const pageText = pageReplies.map((r) => renderText(r as Reply)).join('\n---\n');
    expect(pageText).not.toMatch(CONSENT);
    const answer = wageAnswer(pageText.split('\n---\n').at(-1)!)!;
    const { sent } = await say(me, answer);
    expect(joined(sent)).not.toMatch(CONSENT);
    const after = await history(token);
    expect(after.items.map((i) => i.from)).toEqual(['user', 'bot', 'user', 'bot', 'user', 'bot']);
    expect(after.items[4]!.replies).toEqual([{ type: 'text', text: answer }]);
    expect(after.items[5]!.replies.map(renderText).join('\n---\n')).toBe(joined(sent));
  });

  it('a report in the customer-service chat ends with a card opening the case (no appid: it is this mini-program)', async () => {
    const me = rig.openid('reporter');
    const { core } = rig.http.t;
    // The case is routed (and its notices sent) only after the confirmation's replies: they are seen alone.
    const routing = rig.http.t.workers!.routing!;
    let sent: FakeCustomMessage[] = [];
    try {
      await wageReport(
        async (text) => {
          sent = (await say(me, text)).sent;
          return joined(sent);
        },
        () => routing.pause(),
      );
    } finally {
      routing.resume();
    }
    const [c] = await core.cases.listByUser(`mp:${me}`);
    expect(c, joined(sent)).toBeTruthy();
    const last = sent.at(-1)!;
    expect(sent.slice(0, -1).every((m) => m.type === 'text'), joined(sent)).toBe(true);
    expect(last).toMatchObject({ type: 'miniprogrampage', pagePath: `pages/cases/index?caseNo=${c!.caseNo}`, title: `查看案件 ${c!.caseNo} 的进度` });
    expect(last).not.toHaveProperty('appId');
    const cardCall = rig.fake.calls.findLast((x) => x.path === '/cgi-bin/message/custom/send' && (x.body as { msgtype?: string; touser?: string }).touser === me)!;
    expect(cardCall.body).toHaveProperty('msgtype', 'miniprogrampage');
    expect(cardCall.body).not.toHaveProperty('miniprogrampage.appid');
    expect(rig.fake.uploads.some((u) => u.mediaId === last.thumbMediaId && u.contentType === 'image/png')).toBe(true);
  }, 60_000);
});
