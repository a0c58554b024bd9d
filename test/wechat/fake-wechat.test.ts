/*
 * The fake WeChat itself, spoken to over plain HTTP: other suites rely on
 * it answering as WeChat documents.
 */
import { createDecipheriv, createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';
import { useFixture } from '../support/fixture.js';

const fake = useFixture(async () => {
  const f = await startFakeWechat({ templates: ['T-CASE'] });
  return { ...f, stop: f.close };
});
afterEach(() => vi.restoreAllMocks());

async function get(f: FakeWechat, path: string, query: Record<string, string>) {
  const res = await fetch(`${f.url}${path}?${new URLSearchParams(query)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

async function post(f: FakeWechat, path: string, body: unknown, query: Record<string, string> = {}) {
  const res = await fetch(`${f.url}${path}?${new URLSearchParams(query)}`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const session = (f: FakeWechat, js_code: string, over: Record<string, string> = {}) =>
  get(f, '/sns/jscode2session', { appid: f.appId, secret: f.secret, js_code, grant_type: 'authorization_code', ...over });
const token = (f: FakeWechat, force_refresh = false) =>
  post(f, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: f.appId, secret: f.secret, force_refresh });
const send = (f: FakeWechat, access_token: string, body: Record<string, unknown>) =>
  post(f, '/cgi-bin/message/subscribe/send', { touser: 'o-a', template_id: 'T-CASE', data: { thing1: { value: '你好' } }, ...body }, { access_token });

describe('fake WeChat', () => {
  it('jscode2session checks the app, then the code: valid 5 minutes, once', async () => {
    expect(fake.appId).toMatch(/^wx[0-9a-f]{16}$/);
    const code = fake.issueCode('o-a');
    expect(await session(fake, code, { appid: 'wx0000000000000000' })).toMatchObject({ errcode: 40013 });
    expect(await session(fake, code, { secret: 'nope' })).toMatchObject({ errcode: 40125 });
    expect(await session(fake, code)).toEqual({ openid: 'o-a', session_key: expect.any(String) });
    expect(await session(fake, code)).toMatchObject({ errcode: 40163, errmsg: expect.stringMatching(/^code been used/) });
    const late = fake.issueCode('o-a');
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 5 * 60_000 + 1);
    expect(await session(fake, late)).toMatchObject({ errcode: 40029, errmsg: expect.stringMatching(/^invalid code/) });
  });

  it('stable_token gives the live token again; force_refresh kills it (40001) and issues another', async () => {
    const a = await token(fake);
    expect(a).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect((await token(fake)).access_token).toBe(a.access_token);
    const b = await token(fake, true);
    expect(b.access_token).not.toBe(a.access_token);
    expect(fake.tokensIssued()).toBe(2);
    fake.grant('o-a', 'T-CASE');
    expect(await send(fake, a.access_token as string, {})).toMatchObject({ errcode: 40001 });
    expect(await send(fake, '', {})).toMatchObject({ errcode: 40001 });
    fake.expireTokens();
    expect(await send(fake, b.access_token as string, {})).toMatchObject({ errcode: 42001 });
    const c = await token(fake);
    expect(c.access_token).not.toBe(b.access_token);
    expect(await send(fake, c.access_token as string, {})).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('subscribe/send checks the template, every value, then a subscription left', async () => {
    const t = (await token(fake)).access_token as string;
    fake.grant('o-a', 'T-CASE', 1);
    expect(await send(fake, t, { template_id: 'tplOther' })).toMatchObject({ errcode: 40037 });
    expect(await send(fake, t, { data: { character_string2: { value: 'QX 1' } } })).toMatchObject({ errcode: 47003 });
    expect(await send(fake, t, { data: { phrase3: { value: '处理中了吗' + '呀' } } })).toMatchObject({ errcode: 47003 });
    expect(await send(fake, t, { data: { time4: { value: '明天' } } })).toMatchObject({ errcode: 47003 });
    expect(await send(fake, t, { data: { thing1: { value: '' } } })).toMatchObject({ errcode: 47003 });
    expect(await send(fake, t, { touser: 'o-b' })).toMatchObject({ errcode: 43101 });
    expect(fake.sent).toEqual([]);
    expect(await send(fake, t, { page: 'pages/index' })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(fake.sent).toEqual([{ toUser: 'o-a', templateId: 'T-CASE', page: 'pages/index', data: { thing1: { value: '你好' } }, at: expect.any(Date) }]);
    expect(await send(fake, t, {})).toMatchObject({ errcode: 43101, errmsg: expect.stringMatching(/^user refuse to accept the msg/) });
  });

  it('failNext answers the given error the given number of times, and records every call', async () => {
    fake.failNext('stable_token', 45011, 2);
    expect(await token(fake)).toMatchObject({ errcode: 45011 });
    expect(await token(fake)).toMatchObject({ errcode: 45011 });
    expect(await token(fake)).toMatchObject({ access_token: expect.any(String) });
    expect(fake.tokensIssued()).toBe(1);
    expect(fake.calls.map((c) => c.path)).toEqual(Array(3).fill('/cgi-bin/stable_token'));
  });
});

describe('fake WeChat: the push side and the customer-service calls, over plain HTTP', () => {
  const f = useFixture(async () => {
    const wechat = await startFakeWechat();
    const seen: { url: URL; headers: Record<string, unknown>; body: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: new URL(req.url ?? '/', 'http://x'), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.end('success');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    return {
      wechat,
      seen,
      url: `http://127.0.0.1:${port}/push`,
      async stop() {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
        await wechat.close();
      },
    };
  });
  const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

  it('push POSTs WeChat’s XML with a signed query, and the safe-mode envelope with msg_signature', async () => {
    const target = { url: f.url, token: 'tok123', appId: 'wx1234567890abcdef' };
    const r = await f.wechat.push(target, { kind: 'text', from: 'o-a', to: 'gh_x', text: '你好', msgId: '9', createTime: 1700000000 }, { timestamp: 1700000001, nonce: '77' });
    expect(r).toMatchObject({ status: 200, body: 'success', timedOut: false });
    const plain = f.seen[0]!;
    expect(Object.fromEntries(plain.url.searchParams)).toEqual({ signature: sha1(['tok123', '1700000001', '77']), timestamp: '1700000001', nonce: '77', openid: 'o-a' });
    expect(plain.headers['content-type']).toBe('text/xml');
    expect(plain.body).toBe(
      '<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[o-a]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>9</MsgId></xml>',
    );

    const key = 'A'.repeat(43);
    await f.wechat.push({ ...target, encodingAesKey: key }, { kind: 'event', event: 'user_enter_tempsession', to: 'gh_x' }, { format: 'json', timestamp: 1700000001, nonce: '78' });
    const safe = f.seen[1]!;
    const body = JSON.parse(safe.body) as { ToUserName: string; Encrypt: string };
    expect(Object.keys(body)).toEqual(['ToUserName', 'Encrypt']);
    expect(body.ToUserName).toBe('gh_x');
    const q = Object.fromEntries(safe.url.searchParams);
    expect(q).toMatchObject({ encrypt_type: 'aes', msg_signature: sha1(['tok123', '1700000001', '78', body.Encrypt]), openid: 'o-fake-user' });
    const k = Buffer.from(`${key}=`, 'base64');
    const d = createDecipheriv('aes-256-cbc', k, k.subarray(0, 16)).setAutoPadding(false);
    const padded = Buffer.concat([d.update(Buffer.from(body.Encrypt, 'base64')), d.final()]);
    expect(padded.length % 32).toBe(0);
    const plainText = padded.subarray(0, padded.length - padded[padded.length - 1]!);
    const len = plainText.readUInt32BE(16);
    expect(JSON.parse(plainText.subarray(20, 20 + len).toString())).toMatchObject({ MsgType: 'event', Event: 'user_enter_tempsession', ToUserName: 'gh_x' });
    expect(plainText.subarray(20 + len).toString()).toBe('wx1234567890abcdef');
  });

  it('media/get serves registered bytes, and answers an unknown id with JSON labelled text/plain', async () => {
    const t = (await token(f.wechat)).access_token as string;
    const id = f.wechat.addMedia(Buffer.from('AMRDATA'), 'audio/amr');
    const ok = await fetch(`${f.wechat.url}/cgi-bin/media/get?${new URLSearchParams({ access_token: t, media_id: id })}`);
    expect(ok.headers.get('content-type')).toBe('audio/amr');
    expect(Buffer.from(await ok.arrayBuffer()).toString()).toBe('AMRDATA');
    const bad = await fetch(`${f.wechat.url}/cgi-bin/media/get?${new URLSearchParams({ access_token: t, media_id: 'x' })}`);
    expect(bad.headers.get('content-type')).toBe('text/plain');
    expect(await bad.json()).toMatchObject({ errcode: 40007 });
    const noToken = await fetch(`${f.wechat.url}/cgi-bin/media/get?${new URLSearchParams({ access_token: 'nope', media_id: id })}`);
    expect(await noToken.json()).toMatchObject({ errcode: 40001 });
  });
});
