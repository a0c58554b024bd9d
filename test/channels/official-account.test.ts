/*
 * The Official Account (服务号) as a channel of the bot, end to end: the
 * fake WeChat pushes to the real app as WeChat does (safe mode, XML), the
 * conversation runs on the inbound queue after WeChat got its `success`,
 * and the replies and notices come back through the fake's
 * customer-service API. The server is configured for the Official Account
 * only, with WECHAT_APPID naming the mini-program its cards open (no fake
 * answers for that app: nothing here may need its API).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createIdentities } from '../../core/auth/index.js';
import { channelKeys, channelMessenger } from '../../core/channels/index.js';
import { renderText, type Reply } from '../../core/infra/replies.js';
import { connectRedis } from '../../core/infra/redis.js';
import { MENU_KEYS } from '../../workers/inbound.js';
import { courierUpToReview, reviewed, staffSays } from '../membership/support.js';
import { converse } from '../support/converse.js';
import { TEST_ENV, eventually } from '../support/core.js';
import { startFakeWechat, type FakeCustomMessage } from '../support/fake-wechat.js';
import { useFixture } from '../support/fixture.js';
import { AES_KEY, MINI_PROGRAM_APPID, adminPost, joined, msgId, quietly, startChannelRig, wageAnswer, wageReport } from './support.js';

const rig = useFixture(() => startChannelRig('oa'), 'all');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CONSENT = /反映欠薪前，需要您同意我们收集一些信息[\s\S]*您同意吗？\n1\. 同意\n2\. 不同意$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The text an OA follower says, handled and answered. */
const say = (from: string, text: string) => rig.say({ kind: 'text', from, text });

/** The whole wage report over the Official Account (routing held until the confirmation's replies went out); the case. */
async function reportOverOa(from: string) {
  const { core } = rig.http.t;
  // The case is routed (and its notices sent) only after the confirmation's replies: they are seen alone.
  const routing = rig.http.t.workers!.routing!;
  let sent: FakeCustomMessage[] = [];
  try {
    const transcript = await wageReport(
      async (text) => {
        sent = (await say(from, text)).sent;
        return joined(sent);
      },
      () => routing.pause(),
    );
    expect(transcript[1]).toMatch(CONSENT);
  } finally {
    routing.resume();
  }
  const userKey = `oa:${from}`;
  const [c] = await core.cases.listByUser(userKey);
  expect(c, joined(sent)).toBeTruthy();
  return { c: c!, sent, userKey };
}

/** A text's replies, joined as the channel's messages are. */
const textOf = (replies: Reply[]) => replies.map(renderText).join('\n---\n');

describe('the push URL', () => {
  it('answers the URL check with the echostr; a bad signature or a stale timestamp gets a bare 401', async () => {
    const ok = await rig.fake.verify(rig.target);
    expect(ok).toMatchObject({ status: 200, body: ok.echostr });
    expect(await rig.fake.verify(rig.target, { badSignature: true })).toMatchObject({ status: 401, body: 'invalid' });
    expect(await rig.fake.verify(rig.target, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).toMatchObject({ status: 401, body: 'invalid' });
  });

  it('the mini-program push is not served on a server without it', async () => {
    const r = await rig.fake.verify({ ...rig.target, url: `${rig.http.base}/wechat/push/mp` });
    expect(r.status).toBe(404);
  });

  it('refuses a forged push (bad signature, bad msg_signature, another app, plaintext in safe mode) with no reason, and nothing is queued or ever sent', async () => {
    const me = rig.openid('forger');
    const jobs = await rig.inboundJobs();
    const text = { kind: 'text' as const, from: me, text: '老板欠我三个月工资' };
    for (const o of [{ badSignature: true }, { badMsgSignature: true }]) {
      expect(await rig.push(text, o)).toMatchObject({ status: 401, body: 'invalid' });
    }
    expect(await rig.push(text, { appId: 'wx99999999999999ff' })).toMatchObject({ status: 400, body: 'invalid' });
    expect(await rig.push(text, { encrypt: false })).toMatchObject({ body: 'invalid' });
    await quietly(800);
    expect(await rig.inboundJobs()).toBe(jobs);
    expect(rig.sendCallsTo(me)).toBe(0);
  });
});

describe('a message', () => {
  it('gets WeChat its success well within 5 s, then the replies as customer-service messages: the consent question, options as numbered lines', async () => {
    const me = rig.openid();
    const { push, sent } = await say(me, '老板欠我三个月工资');
    expect(push.ms).toBeLessThan(1000);
    expect(sent.map((m) => m.type)).toEqual(['text']);
    expect(sent[0]!.content).toMatch(CONSENT);
  });

  it('the same signed request again, a retry of the same MsgId, the same signature on another message, a stale timestamp: one set of replies only', async () => {
    const me = rig.openid();
    const timestamp = Math.floor(Date.now() / 1000);
    const nonce = '271828182';
    const first = { kind: 'text' as const, from: me, text: '老板欠我三个月工资', msgId: msgId(), createTime: timestamp };
    const { sent } = await rig.say(first, { timestamp, nonce });
    expect(sent).toHaveLength(1);
    const jobs = await rig.inboundJobs();

    // Replayed as it was (WeChat never does: someone who saw it does).
    expect(await rig.push(first, { timestamp, nonce })).toMatchObject({ status: 200, body: 'success' });
    // WeChat's retry: the same message, freshly signed.
    expect(await rig.push(first, { nonce: '314159265' })).toMatchObject({ status: 200, body: 'success' });
    // The signature reused for another message.
    expect(await rig.push({ ...first, msgId: msgId(), text: '我要入会' }, { timestamp, nonce })).toMatchObject({ status: 200, body: 'success' });
    // A stale timestamp (WeChat's are fresh: 5 minutes at most).
    expect(await rig.push({ ...first, msgId: msgId() }, { timestamp: timestamp - 600, nonce: '161803398' })).toMatchObject({ status: 401, body: 'invalid' });

    await quietly(1000);
    expect(await rig.inboundJobs()).toBe(jobs);
    expect(rig.sentTo(me)).toHaveLength(1);
    expect(rig.sendCallsTo(me)).toBe(1);
    // What the person wrote is not kept once handled: only a marker that the push was taken.
    const kept = (await rig.http.t.keys()).filter((k) => k.includes(':{channels}:inbound:'));
    expect(kept.length).toBeGreaterThan(0);
    for (const k of kept) expect(await rig.http.t.core.redis.get(k)).toBe('handled');
  });

  it("WeChat's retries arriving together (our answer was late) are taken once", async () => {
    const me = rig.openid();
    const m = { kind: 'text' as const, from: me, text: '老板欠我三个月工资', msgId: msgId(), createTime: Math.floor(Date.now() / 1000) };
    const answers = await Promise.all([1, 2, 3].map((i) => rig.push(m, { nonce: `${i}00000${i}` })));
    expect(answers.map((a) => a.body)).toEqual(['success', 'success', 'success']);
    await rig.handled(m);
    await quietly(800);
    expect(rig.sentTo(me)).toHaveLength(1);
  });

  it("a slow conversation still gets WeChat's success at once; the replies come after", async () => {
    const me = rig.openid();
    const { core } = rig.http.t;
    // A first message makes the follower known: oa:<openid>.
    await say(me, '你好');
    const lockKey = core.conversation.keys.lock(`oa:${me}`);
    let released = 0;
    const held = core.conversation.withLock(`oa:${me}`, async () => {
      await sleep(6000);
      released = Date.now();
    });
    await eventually(async () => (await core.redis.exists(lockKey)) === 1, 2000, 'the lock held');
    const before = rig.sentTo(me).length;
    const m = { kind: 'text' as const, from: me, text: '老板欠我三个月工资', msgId: msgId(), createTime: Math.floor(Date.now() / 1000) };
    const push = await rig.push(m);
    expect(push).toMatchObject({ status: 200, body: 'success', timedOut: false });
    expect(push.ms).toBeLessThan(1000);
    await held;
    await rig.handled(m);
    const after = rig.sentTo(me).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]!.content).toMatch(CONSENT);
    expect(after[0]!.at.getTime()).toBeGreaterThanOrEqual(released);
  }, 30_000);

  it('a voice message WeChat recognised is taken as typed: what was heard, then the consent question', async () => {
    const me = rig.openid();
    const mediaId = rig.fake.addMedia(Buffer.from('#!AMR\n'), 'audio/amr');
    const { sent } = await rig.say({ kind: 'voice', from: me, mediaId, format: 'amr', recognition: '老板欠我三个月工资。' });
    const text = joined(sent);
    expect(text).toMatch(/听到您说：「老板欠我三个月工资。」/);
    expect(text).toMatch(/您同意吗？\n1\. 同意\n2\. 不同意/);
    // Nothing was fetched: WeChat's transcript was enough.
    expect(rig.fake.calls.some((c) => c.path === '/cgi-bin/media/get' && c.query.media_id === mediaId)).toBe(false);
  });

  it('a shared location gets the nearest service points: 东龙镇工会驿站 first, with its distance, address and phone', async () => {
    const me = rig.openid();
    const { sent } = await rig.say({ kind: 'location', from: me, latitude: 22.8765, longitude: 108.2845, scale: 15, label: '东龙镇新塘社区' });
    const text = joined(sent);
    expect(text).toMatch(/^离您最近的服务点：\n1\. 东龙镇工会驿站（约\d+米）\n/);
    expect(text).toContain('电话 0771-5550101');
    expect(text.match(/^\d\. /gm)).toHaveLength(3);
    // The chat history has it too (the mini-program shows the same conversation).
    const { items } = await rig.http.t.core.inbox.history.before(`oa:${me}`, 10);
    expect(items.map((i) => i.from)).toEqual(['user', 'bot']);
  });
});

describe('messages the chat cannot open', () => {
  it('a link at the employer question: a screenshot or words asked for, the question again, and [链接] in the chat history; a mini-program card with nothing under way: the same and the menu', async () => {
    const me = rig.openid();
    for (const text of ['老板拖了我三个月工资', '1', '对']) await say(me, text);
    const { sent } = await rig.say({ kind: 'other', from: me, msgType: 'link' });
    expect(joined(sent)).toMatch(/^链接我这里打不开。要让我看的内容，请截图发给我，或者打字告诉我。\n欠您工资的单位叫什么名字？/);
    expect(joined((await say(me, '好再来饭店')).sent)).toMatch(/哪个镇或街道/);
    const { items } = await rig.http.t.core.inbox.history.before(`oa:${me}`, 20);
    expect(items.filter((i) => i.from === 'user').map((i) => renderText(i.replies[0]!))).toContain('[链接]');

    const other = rig.openid();
    const card = await rig.say({ kind: 'miniprogrampage', from: other, title: '工友', pagePath: 'pages/index/index' });
    expect(joined(card.sent)).toMatch(/^小程序卡片我这里打不开。[\s\S]*1\. 加入工会\n2\. 反映欠薪/);
    expect(joined(card.sent)).not.toMatch(/暂时只能看懂/);
  });

  it('a location in the middle of the wage report: words asked for and the question again, not the service points; the answer typed after it is taken', async () => {
    const me = rig.openid();
    for (const text of ['老板拖了我三个月工资', '1', '对', '好再来饭店']) await say(me, text);
    const { sent } = await rig.say({ kind: 'location', from: me, latitude: 22.8765, longitude: 108.2845, scale: 15, label: '东龙镇新塘社区' });
    expect(joined(sent)).toMatch(/^位置我这里看不出是哪个镇、哪个村，请打字回答。\n您在哪个镇或街道干活？/);
    expect(joined(sent)).not.toMatch(/服务点/);
    expect(joined((await say(me, '东龙')).sent)).toMatch(/东龙镇的哪个村或社区/);
  });
});

describe('events and the menu', () => {
  it('following the account is greeted with the menu', async () => {
    const me = rig.openid();
    const { sent } = await rig.say({ kind: 'event', from: me, event: 'subscribe' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.content).toMatch(/^您好，我是工友助手[\s\S]*\n1\. 加入工会\n2\. 反映欠薪\n3\. 预约法律援助/);
  });

  it('the 反映欠薪 button starts the wage report, and reads as 反映欠薪 in the chat history', async () => {
    const me = rig.openid();
    const { sent } = await rig.say({ kind: 'event', from: me, event: 'CLICK', eventKey: 'menu:wage' });
    expect(joined(sent)).toMatch(CONSENT);
    const { items } = await rig.http.t.core.inbox.history.before(`oa:${me}`, 10);
    expect(items.find((i) => i.from === 'user')?.replies).toEqual([{ type: 'text', text: '反映欠薪' }]);
  });

  it('every button of bot/oa-menu.json is one the inbound worker acts on, and each gets an answer', async () => {
    const menu = JSON.parse(readFileSync(new URL('../../bot/oa-menu.json', import.meta.url), 'utf8')) as {
      button: { key?: string; type?: string; sub_button?: { key?: string; type?: string }[] }[];
    };
    const keys = menu.button.flatMap((b) => [b, ...(b.sub_button ?? [])]).filter((b) => b.type === 'click').map((b) => b.key!);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) {
      expect(Object.keys(MENU_KEYS), key).toContain(key);
      const me = rig.openid('menu');
      const { sent } = await rig.say({ kind: 'event', from: me, event: 'CLICK', eventKey: key });
      expect(sent.length, key).toBeGreaterThan(0);
      expect(joined(sent), key).not.toMatch(/暂时只能看懂/);
    }
  });

  it('an unknown button or a view event gets no answer', async () => {
    const me = rig.openid();
    expect((await rig.say({ kind: 'event', from: me, event: 'CLICK', eventKey: 'menu:nothing' })).sent).toHaveLength(0);
    expect((await rig.say({ kind: 'event', from: me, event: 'VIEW', eventKey: 'https://example.org/' })).sent).toHaveLength(0);
  });
});

describe('unfollowing', () => {
  it('closes the channel: a notice after it waits in the chat history and is not tried on WeChat', async () => {
    const { core } = rig.http.t;
    const me = rig.openid('leaver');
    await say(me, '你好');
    const calls = rig.sendCallsTo(me);
    expect((await rig.say({ kind: 'event', from: me, event: 'unsubscribe' })).sent).toEqual([]);
    await channelMessenger(core).sendToUser(`oa:${me}`, [{ type: 'text', text: '您的案件有新进展。' }]);
    await quietly(800);
    expect(rig.sendCallsTo(me)).toBe(calls);
    const { items } = await core.inbox.history.before(`oa:${me}`, 10);
    expect(items.at(-1)).toMatchObject({ from: 'notice', replies: [{ type: 'text', text: '您的案件有新进展。' }] });
  });
});

describe('two messages in a row', () => {
  it('are answered in the order they were sent (one process)', async () => {
    const me = rig.openid('quick');
    await say(me, '你好');
    const before = rig.textsTo(me).length;
    const first = { kind: 'text' as const, from: me, text: '老板欠我三个月工资', msgId: msgId(), createTime: Math.floor(Date.now() / 1000) };
    const second = { ...first, text: '1', msgId: msgId() };
    expect((await rig.push(first)).body).toBe('success');
    expect((await rig.push(second)).body).toBe('success');
    await rig.handled(first);
    await rig.handled(second);
    const texts = rig.textsTo(me).slice(before);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(CONSENT);
    expect(texts[1]).not.toMatch(CONSENT);
  });
});

describe('one person across the mini-program and the Official Account', () => {
  it('a follower with the unionid of a mini-program user continues their wage report', async () => {
    const { core, chat } = rig.http.t;
    const unionid = `union-${randomBytes(4).toString('hex')}`;
    const mpKey = await createIdentities(core).userOfWechat({ openid: `omp-${randomBytes(4).toString('hex')}`, unionid, sessionKey: 'c2Vzc2lvbg==' });
    const keep = { keepHistory: true };
    expect(textOf(await chat.handle(mpKey, { kind: 'text', text: '老板欠我三个月工资' }, undefined, keep))).toMatch(CONSENT);
    const asked = textOf(await chat.handle(mpKey, { kind: 'text', text: '1' }, undefined, keep));
    const answer = wageAnswer(asked.split('\n---\n').at(-1)!)!;
    // What the same answers get in a fresh conversation.
    const control = await converse(chat, `web:control-${randomBytes(3).toString('hex')}`).sendAll('老板欠我三个月工资', '1', answer);

    const follower = rig.openid('union');
    rig.fake.setUser(follower, { subscribed: true, unionid });
    const { sent } = await say(follower, answer);
    expect(joined(sent)).toBe(control.text);
    expect(joined(sent)).not.toMatch(CONSENT);
    // One conversation: the follower's message and its replies are in the mini-program user's history.
    const { items } = await core.inbox.history.before(mpKey, 20);
    expect(items.map((i) => i.from)).toEqual(['user', 'bot', 'user', 'bot', 'user', 'bot']);
    expect(items[4]!.replies).toEqual([{ type: 'text', text: answer }]);
    expect(textOf(items[5]!.replies)).toBe(joined(sent));
    // And the same user: the follower's openid is the mini-program user's Official Account identity.
    expect(await createIdentities(core).oaOpenidOf(mpKey)).toBe(follower);
  });

  it('a follower who signs in to the mini-program later (same unionid) finds the conversation begun on the Official Account', async () => {
    const { core, chat } = rig.http.t;
    const unionid = `union-${randomBytes(4).toString('hex')}`;
    const follower = rig.openid('union-first');
    rig.fake.setUser(follower, { subscribed: true, unionid });
    expect(joined((await say(follower, '老板欠我三个月工资')).sent)).toMatch(CONSENT);
    const mpKey = await createIdentities(core).userOfWechat({ openid: `omp-${randomBytes(4).toString('hex')}`, unionid, sessionKey: 'c2Vzc2lvbg==' });
    expect(mpKey).toBe(`oa:${follower}`);
    const replies = await chat.handle(mpKey, { kind: 'text', text: '1' }, undefined, { keepHistory: true });
    expect(replies.map(renderText).join('\n')).not.toMatch(CONSENT);
    const { items } = await core.inbox.history.before(mpKey, 10);
    expect(items.map((i) => i.from)).toEqual(['user', 'bot', 'user', 'bot']);
  });
});

describe('staff on the Official Account', () => {
  it('binds with an admin code, works with staff commands, and gets its case notices there (without a card for the reporter’s page)', async () => {
    const { core, chat } = rig.http.t;
    // The grid workers of 东龙镇第一网格 (新塘社区): whoever the case goes to is bound here.
    const staff = ['gw-001', 'gw-002', 'gw-003'].map((id) => ({ id, openid: rig.openid(id) }));
    for (const s of staff) {
      const issued = await adminPost(rig.http.base, '/api/v1/admin/bind-codes', { staffId: s.id });
      expect(issued.status).toBe(201);
      const { sent } = await say(s.openid, `绑定 ${String(issued.body.code)}`);
      expect(joined(sent)).toMatch(/^绑定成功！您好，/);
    }
    const reporter = `web:oa-staff-${randomBytes(3).toString('hex')}`;
    await wageReport(async (text) => textOf(await chat.handle(reporter, { kind: 'text', text })));
    const [c0] = await core.cases.listByUser(reporter);
    const assignee = await eventually(async () => (await core.cases.get(c0!.id))?.assignee, 8000, 'the assignment');
    const bound = staff.find((s) => s.id === assignee.staffId)!;
    expect(bound, assignee.staffId).toBeTruthy();

    const notice = await eventually(async () => rig.textsTo(bound.openid).find((t) => t.includes(c0!.caseNo)), 8000, 'the notice on the Official Account');
    expect(notice).toMatch(/^【.+】您有一件新案件/);
    expect(notice).toContain(`接单 ${c0!.caseNo}`);

    const list = await say(bound.openid, '我的案件');
    expect(joined(list.sent)).toMatch(new RegExp(`^您的案件（\\d+件）：[\\s\\S]*${c0!.caseNo}`));
    const accepted = await say(bound.openid, `接单 ${c0!.caseNo}`);
    expect(joined(accepted.sent)).toMatch(/^已接单。/);
    expect((await core.cases.get(c0!.id))!.status).toBe('accepted');
    // Neither the notice nor the answers to staff commands open the mini-program's case page (a reporter's own).
    await quietly(500);
    expect(rig.sentTo(bound.openid).filter((m) => m.type === 'miniprogrampage')).toEqual([]);
    // Staff messages are not the worker conversation's.
    const { items } = await core.inbox.history.before(`oa:${bound.openid}`, 10);
    expect(items).toEqual([]);
  });
});

describe('notices', () => {
  it('a report over the Official Account ends with a card opening the case in the mini-program, and its notices come there', async () => {
    const me = rig.openid('reporter');
    const { c, sent } = await reportOverOa(me);
    const last = sent.at(-1)!;
    expect(sent.slice(0, -1).every((m) => m.type === 'text'), joined(sent)).toBe(true);
    expect(joined(sent.slice(0, -1))).toContain(c.caseNo);
    expect(last).toMatchObject({ type: 'miniprogrampage', pagePath: `pages/cases/index?caseNo=${c.caseNo}`, appId: MINI_PROGRAM_APPID });
    expect(rig.fake.uploads.some((u) => u.mediaId === last.thumbMediaId && u.contentType === 'image/png')).toBe(true);
    // Routed: the reporter hears who has it, on the Official Account.
    await eventually(async () => rig.textsTo(me).find((t) => t.startsWith(`您的案件 ${c.caseNo} 已交给`)), 8000, 'the assignment notice');
  }, 60_000);

  it('when the window closed, a notice stays in the chat history, nothing more is tried, and the next message opens the channel again', async () => {
    const { core } = rig.http.t;
    const me = rig.openid('closed');
    const { c, userKey } = await reportOverOa(me);
    await eventually(async () => rig.textsTo(me).find((t) => t.startsWith(`您的案件 ${c.caseNo} 已交给`)), 8000, 'the assignment notice');
    await quietly(300);
    const staffId = (await core.cases.get(c.id))!.assignee!.staffId;
    const delivered = rig.sentTo(me).length;
    const calls = rig.sendCallsTo(me);

    rig.fake.closeWindow(me);
    await staffSays(core, staffId, `接单 ${c.caseNo}`);
    await eventually(async () => rig.sendCallsTo(me) === calls + 1, 8000, 'one try on the channel');
    const lastKey = channelKeys(core.config.REDIS_PREFIX).last(userKey);
    await eventually(async () => (await core.redis.exists(lastKey)) === 0, 8000, 'the channel closed');
    const history = async () => (await core.inbox.history.before(userKey, 100)).items.filter((i) => i.from === 'notice').map((i) => JSON.stringify(i.replies));
    const notices = await history();
    expect(notices.some((t) => t.includes('已接单')), notices.join('\n')).toBe(true);

    // A second notice: into the history only, not tried on the channel.
    await staffSays(core, staffId, `办结 ${c.caseNo} 追回 28500`);
    await eventually(async () => ((await history()).length > notices.length ? true : null), 8000, 'the second notice in the history');
    await quietly(800);
    expect(rig.sendCallsTo(me)).toBe(calls + 1);
    expect(rig.sentTo(me)).toHaveLength(delivered);

    // The person writes again: their channel is open (and is tried) again.
    const m = { kind: 'text' as const, from: me, text: '进度', msgId: msgId(), createTime: Math.floor(Date.now() / 1000) };
    expect(await rig.push(m)).toMatchObject({ status: 200, body: 'success' });
    await eventually(async () => rig.sendCallsTo(me) > calls + 1, 8000, 'the reply tried on the channel');
  }, 60_000);

  it('an approved membership reaches an Official Account user with the card as an uploaded image', async () => {
    const { core, chat } = rig.http.t;
    const me = rig.openid('member');
    await say(me, '你好');
    const userKey = `oa:${me}`;
    await courierUpToReview(chat, userKey).send('确认').expect(/RH\d{8}-\d{4}/);
    const m = await reviewed(core, userKey);
    const uploadsBefore = rig.fake.uploads.length;
    await staffSays(core, m.reviewer!.staffId, `通过 ${m.appNo}`);
    const image = await eventually(async () => rig.sentTo(me).find((x) => x.type === 'image'), 8000, 'the card image');
    const upload = rig.fake.uploads.slice(uploadsBefore).find((u) => u.mediaId === image.mediaId);
    expect(upload).toBeTruthy();
    expect(upload!.contentType).toBe('image/png');
    expect(upload!.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(rig.textsTo(me).some((t) => t.startsWith('【工会会员卡】'))).toBe(true);
  }, 30_000);
});

describe('npm run wechat:menu', () => {
  it('publishes bot/oa-menu.json to the Official Account', async () => {
    const fake = await startFakeWechat({ account: 'official' });
    const prefix = `t${randomBytes(5).toString('hex')}`;
    try {
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        ...TEST_ENV,
        LOG_LEVEL: 'warn',
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: prefix,
        WECHAT_API_BASE_URL: fake.url,
        WECHAT_OA_APPID: fake.appId,
        WECHAT_OA_SECRET: fake.secret,
        WECHAT_OA_TOKEN: 'oaPushToken42',
        WECHAT_OA_AES_KEY: AES_KEY,
      };
      const root = new URL('../../', import.meta.url).pathname;
      const child = spawn(process.execPath, ['--import', 'tsx', 'bot/publish-menu.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(code, out).toBe(0);
      expect(out).toContain('menu is published');
      expect(fake.menus).toEqual([JSON.parse(readFileSync(new URL('../../bot/oa-menu.json', import.meta.url), 'utf8'))]);
    } finally {
      await fake.close();
      const redis = await connectRedis(inject('redisUrl'));
      const keys: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch);
      if (keys.length) await redis.del(keys);
      await redis.quit();
    }
  }, 30_000);
});
