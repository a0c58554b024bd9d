/*
 * WeChat's channels fed what people and WeChat really send (helper h38):
 * messages the chat cannot read at a 「…对吗？」, following the account or
 * entering the customer-service chat again with a report half filled in,
 * and API bodies sent as something other than JSON. Guards of behaviour
 * that already held are marked as such.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptPush } from '../../core/wechat/index.js';
import { useFixture } from '../support/fixture.js';
import { AES_KEY, joined, msgId, quietly, startChannelRig, type ChannelRig } from './support.js';

const oa = useFixture(() => startChannelRig('oa'), 'all');
const mp = useFixture(() => startChannelRig('mp'), 'all');

const sha1 = (parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
const MENU = /回复数字即可：\n1\. 加入工会/;
const ASKS_PERIOD = /我理解的是：拖欠时间「[^」]+」。对吗？/;

/** A follower of `rig` at 「拖欠时间「…」。对吗？」 of a wage report. */
async function atConfirmation(rig: ChannelRig, tag: string): Promise<string> {
  const me = rig.openid(tag);
  await rig.say({ kind: 'text', from: me, text: '老板欠我三个月工资' });
  const { sent } = await rig.say({ kind: 'text', from: me, text: '同意' });
  expect(joined(sent)).toMatch(ASKS_PERIOD);
  return me;
}

/** Posts `inner` to the Official Account's push URL sealed as WeChat seals it (safe mode). */
async function pushSealed(rig: ChannelRig, inner: string): Promise<{ status: number; body: string }> {
  const t = rig.target;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomBytes(4).readUInt32BE(0));
  const enc = encryptPush(AES_KEY, t.appId, inner);
  const q = new URLSearchParams({ signature: sha1([t.token, timestamp, nonce]), timestamp, nonce, encrypt_type: 'aes', msg_signature: sha1([t.token, timestamp, nonce, enc]) });
  const r = await fetch(`${t.url}?${q}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: `<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[${enc}]]></Encrypt></xml>` });
  return { status: r.status, body: await r.text() };
}

describe('a message the chat cannot read, at 「…对吗？」', () => {
  it('a link, a location and a photo are each answered with what to send instead and the confirmation again; what waits is never dropped for them', async () => {
    const rig = oa;
    const me = await atConfirmation(rig, 'confirm');
    const link = joined((await rig.say({ kind: 'other', from: me, msgType: 'link' })).sent);
    expect(link).toContain('链接我这里打不开');
    expect(link).toMatch(ASKS_PERIOD);
    const place = joined((await rig.say({ kind: 'location', from: me, latitude: 23.1, longitude: 113.2, label: '某地' })).sent);
    expect(place).toContain('位置我这里看不出');
    expect(place).toMatch(ASKS_PERIOD);
    const photo = joined((await rig.say({ kind: 'image', from: me, mediaId: rig.fake.addMedia(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 0xff, 0xd9]), 'image/jpeg') })).sent);
    expect(photo).toContain('这一步需要文字回答');
    expect(photo).toMatch(ASKS_PERIOD);
    for (const said of [link, place, photo]) expect(said).not.toMatch(/先不记/);
    // The yes still confirms what waited: on to the next question, nothing dropped.
    const yes = joined((await rig.say({ kind: 'text', from: me, text: '对' })).sent);
    expect(yes).not.toMatch(/先不记/);
    expect(yes).toMatch(/欠您工资的单位叫什么/);
  });
});

describe('following again, or entering the chat again, with a report half filled in', () => {
  it('the Official Account: welcomed back at the question the report is at, not shown the menu (whose numbers the question would take)', async () => {
    const rig = oa;
    const me = await atConfirmation(rig, 'follow');
    const back = joined((await rig.say({ kind: 'event', from: me, event: 'subscribe' })).sent);
    expect(back).not.toMatch(MENU);
    expect(back).toContain('欢迎回来');
    expect(back).toMatch(ASKS_PERIOD);
    // The number answers the question shown.
    const one = joined((await rig.say({ kind: 'text', from: me, text: '1' })).sent);
    expect(one).toMatch(/欠您工资的单位叫什么/);
  });

  it('the mini-program customer-service chat, entered again after half an hour: the same', async () => {
    const rig = mp;
    const me = await atConfirmation(rig, 'enter');
    rig.clock.advance(31 * 60_000);
    const back = joined((await rig.say({ kind: 'event', from: me, event: 'user_enter_tempsession' })).sent);
    expect(back).not.toMatch(MENU);
    expect(back).toMatch(ASKS_PERIOD);
  });

  it('guard (already held): someone with nothing under way is greeted with the menu', async () => {
    const rig = oa;
    const me = rig.openid('new');
    expect(joined((await rig.say({ kind: 'event', from: me, event: 'subscribe' })).sent)).toMatch(MENU);
  });
});

describe('a voice WeChat no longer has (40007)', () => {
  it('is answered at once (send it again, or type), not retried for minutes in silence', async () => {
    const rig = oa;
    const me = await atConfirmation(rig, 'gone');
    const { sent } = await rig.say({ kind: 'voice', from: me, mediaId: 'expired-media-id', format: 'amr' });
    const said = joined(sent);
    expect(said).toMatch(/再发一次|重新发送/);
    expect(said).toMatch(ASKS_PERIOD);
  });
});

describe('guards (already held): hostile or odd pushes', () => {
  it('a DTD, a body that is neither XML nor JSON, an unknown MsgType, the same MsgId three times', async () => {
    const rig = oa;
    const me = rig.openid('odd');
    const head = `<ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[${me}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>`;
    expect(await pushSealed(rig, `<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><xml>${head}<MsgType>text</MsgType><Content>&a;</Content><MsgId>1</MsgId></xml>`)).toEqual({ status: 400, body: 'invalid' });
    expect(await pushSealed(rig, 'hello')).toEqual({ status: 400, body: 'invalid' });
    const jobs = await rig.inboundJobs();
    const other = { kind: 'other' as const, from: me, msgType: 'hologram' };
    expect(joined((await rig.say(other)).sent)).toContain('这种消息我暂时看不懂');
    const id = msgId();
    for (let i = 0; i < 3; i++) expect(await rig.push({ kind: 'text', from: me, text: '你好', msgId: id })).toMatchObject({ status: 200, body: 'success' });
    await rig.handled({ kind: 'text', from: me, text: '你好', msgId: id });
    await quietly();
    expect(await rig.inboundJobs()).toBe(jobs + 2);
  });
});

describe('API bodies that are not JSON', () => {
  it('a chat message or a sign-in sent as text/plain is refused as such (415, body), never for a field it did send', async () => {
    const { base } = mp.http;
    const dev = (await (await fetch(`${base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'h38-plain' }) })).json()) as { token: string };
    const asText = (path: string, body: unknown, token?: string) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    for (const r of [await asText('/api/v1/chat/messages', { text: '你好' }, dev.token), await asText('/api/v1/auth/wechat', { code: 'abc' })]) {
      expect(r.status).toBe(415);
      const e = ((await r.json()) as { error: { field: string; message: string } }).error;
      expect(e.field).toBe('body');
      expect(e.message).toContain('JSON');
    }
    // Guard (already held): JSON itself, and no body at all, go on as before.
    const ok = await fetch(`${base}/api/v1/chat/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${dev.token}` }, body: JSON.stringify({ text: '你好' }) });
    expect(ok.status).toBe(200);
    const out = await fetch(`${base}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${dev.token}` } });
    expect(out.status).toBe(204);
  });
});
