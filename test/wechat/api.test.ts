/*
 * The WeChat server API client against the local fake WeChat, with the
 * access token shared through the real test redis-server.
 */
import { createServer, type Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { allKeys } from '../../core/keys.js';
import { templateValue, WechatApiError, wechatKeys } from '../../core/wechat/index.js';
import { useFixture } from '../support/fixture.js';
import { rejection, startWechatRig } from './support.js';

const rig = useFixture(() => startWechatRig());

/** A WechatApiError, or the test fails. */
async function wechatError(p: Promise<unknown>): Promise<WechatApiError> {
  const err = await rejection(p);
  expect(err).toBeInstanceOf(WechatApiError);
  return err as WechatApiError;
}

const subscribeCalls = () => rig.fake.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send');
const tokenCalls = () => rig.fake.calls.filter((c) => c.path === '/cgi-bin/stable_token');
const message = (toUser: string, templateId = 'tplCase') => ({
  toUser,
  templateId,
  page: 'pages/case/index?no=QX20261121-0001',
  data: { character_string1: { value: 'QX20261121-0001' }, thing2: { value: '已交给东龙镇第一网格处理' } },
});

describe('code2session', () => {
  it('gives the openid, unionid and session key of a sign-in code', async () => {
    const code = rig.fake.issueCode('o-alice', { unionid: 'u-alice' });
    const s = await rig.client().code2session(code);
    expect(s).toEqual({ openid: 'o-alice', unionid: 'u-alice', sessionKey: expect.any(String) });
    expect(s.sessionKey.length).toBeGreaterThan(10);
    expect(rig.fake.calls).toEqual([
      { path: '/sns/jscode2session', query: { appid: rig.fake.appId, secret: rig.fake.secret, js_code: code, grant_type: 'authorization_code' }, body: null },
    ]);
    const noUnion = await rig.client().code2session(rig.fake.issueCode('o-bob'));
    expect(noUnion).toEqual({ openid: 'o-bob', sessionKey: expect.any(String) });
    expect('unionid' in noUnion).toBe(false);
  });

  it('an unknown code (40029) and a code used twice (40163) are invalid codes, not worth retrying', async () => {
    const api = rig.client();
    const unknown = await wechatError(api.code2session('not-a-code'));
    expect(unknown).toMatchObject({ api: 'jscode2session', errcode: 40029, kind: 'invalid_code', retryable: false });
    expect(unknown.errmsg).toMatch(/^invalid code/);
    const code = rig.fake.issueCode('o-alice');
    await api.code2session(code);
    expect(await wechatError(api.code2session(code))).toMatchObject({ errcode: 40163, kind: 'invalid_code', retryable: false });
  });

  it('a minute quota (45011) is rate_limited and retryable; the code still works afterwards', async () => {
    const api = rig.client();
    const code = rig.fake.issueCode('o-alice');
    rig.fake.failNext('jscode2session', 45011);
    expect(await wechatError(api.code2session(code))).toMatchObject({ errcode: 45011, kind: 'rate_limited', retryable: true });
    expect((await api.code2session(code)).openid).toBe('o-alice');
  });

  it('a wrong AppSecret (40125) is a bad request, and the message does not quote it', async () => {
    const err = await wechatError(rig.client({ secret: 'a-wrong-secret-0123456789' }).code2session(rig.fake.issueCode('o-alice')));
    expect(err).toMatchObject({ errcode: 40125, kind: 'bad_request', retryable: false });
    expect(err.message).not.toContain('a-wrong-secret-0123456789');
  });
});

describe('the access token', () => {
  it('is fetched once and shared through Redis by every client, under its declared key', async () => {
    const [a, b] = [rig.client(), rig.client()];
    const token = await a.accessToken();
    expect(await b.accessToken()).toBe(token);
    expect(rig.fake.tokensIssued()).toBe(1);
    expect(tokenCalls()).toHaveLength(1);
    expect(tokenCalls()[0]!.body).toEqual({ grant_type: 'client_credential', appid: rig.fake.appId, secret: rig.fake.secret, force_refresh: false });
    // The secret goes in the POST body, never the URL.
    expect(tokenCalls()[0]!.query).toEqual({});

    const key = wechatKeys(rig.prefix).accessToken(rig.fake.appId);
    expect(allKeys(rig.prefix).filter((d) => d.matches(key))).toHaveLength(1);
    expect(await rig.redis.get(key)).toBe(token);
    const ttl = await rig.redis.ttl(key);
    expect(ttl).toBeGreaterThan(7200 - 300 - 5);
    expect(ttl).toBeLessThanOrEqual(7200 - 300);
  });

  it('concurrent callers in one process share one fetch', async () => {
    const api = rig.client();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => api.accessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(tokenCalls()).toHaveLength(1);
  });

  it('force replaces it at WeChat and in Redis', async () => {
    const [a, b] = [rig.client(), rig.client()];
    const old = await a.accessToken();
    const forced = await a.accessToken({ force: true });
    expect(forced).not.toBe(old);
    expect(await b.accessToken()).toBe(forced);
    expect(tokenCalls().map((c) => (c.body as { force_refresh: boolean }).force_refresh)).toEqual([false, true]);
  });
});

describe('sendSubscribeMessage', () => {
  it('delivers a message, using up one subscription', async () => {
    rig.fake.grant('o-alice', 'tplCase');
    await rig.client().sendSubscribeMessage({ ...message('o-alice'), state: 'trial' });
    expect(rig.fake.sent).toEqual([{ ...message('o-alice'), at: expect.any(Date) }]);
    expect(subscribeCalls()[0]!.body).toMatchObject({ touser: 'o-alice', template_id: 'tplCase', miniprogram_state: 'trial', lang: 'zh_CN' });
    const refused = await wechatError(rig.client().sendSubscribeMessage(message('o-alice')));
    expect(refused).toMatchObject({ api: 'subscribe', errcode: 43101, kind: 'refused', retryable: false });
    expect(rig.fake.sent).toHaveLength(1);
  });

  it('with no subscription (43101) is refused, not retryable, and tried once', async () => {
    const err = await wechatError(rig.client().sendSubscribeMessage(message('o-nobody')));
    expect(err).toMatchObject({ errcode: 43101, kind: 'refused', retryable: false });
    expect(err.errmsg).toMatch(/user refuse to accept the msg/);
    expect(subscribeCalls()).toHaveLength(1);
  });

  it('a frequency limit (45011) is rate_limited and retryable, not retried at once', async () => {
    rig.fake.grant('o-alice', 'tplCase');
    rig.fake.failNext('subscribe', 45011);
    const api = rig.client();
    expect(await wechatError(api.sendSubscribeMessage(message('o-alice')))).toMatchObject({ errcode: 45011, kind: 'rate_limited', retryable: true });
    expect(subscribeCalls()).toHaveLength(1);
    await api.sendSubscribeMessage(message('o-alice'));
    expect(rig.fake.sent).toHaveLength(1);
  });

  it('an unknown template (40037) and a value too long (47003) are bad requests', async () => {
    rig.fake.grant('o-alice', 'tplCase');
    const api = rig.client();
    expect(await wechatError(api.sendSubscribeMessage(message('o-alice', 'nope')))).toMatchObject({ errcode: 40037, kind: 'bad_request', retryable: false });
    const long = await wechatError(api.sendSubscribeMessage({ ...message('o-alice'), data: { thing2: { value: '已'.repeat(21) } } }));
    expect(long).toMatchObject({ errcode: 47003, kind: 'bad_request', retryable: false });
    expect(long.errmsg).toMatch(/data\.thing2\.value/);
    expect(rig.fake.sent).toHaveLength(0);
  });

  it('after the token expired (42001), renews it once and delivers the message once', async () => {
    rig.fake.grant('o-alice', 'tplCase', 2);
    const api = rig.client();
    await api.sendSubscribeMessage(message('o-alice'));
    const first = await api.accessToken();
    rig.fake.expireTokens();
    await api.sendSubscribeMessage(message('o-alice'));
    expect(rig.fake.sent).toHaveLength(2);
    expect(rig.fake.tokensIssued()).toBe(2);
    expect(subscribeCalls().map((c) => c.query.access_token === first)).toEqual([true, true, false]);
    // The renewed token is shared: another process uses it without fetching.
    const renewed = subscribeCalls()[2]!.query.access_token;
    expect(await rig.client().accessToken()).toBe(renewed);
    expect(rig.fake.tokensIssued()).toBe(2);
  });

  it('two processes renewing an expired token at once both deliver, on one new token (no forced refresh)', async () => {
    rig.fake.grant('o-alice', 'tplCase');
    rig.fake.grant('o-bob', 'tplCase');
    const [a, b] = [rig.client(), rig.client()];
    await a.accessToken();
    rig.fake.expireTokens();
    await Promise.all([a.sendSubscribeMessage(message('o-alice')), b.sendSubscribeMessage(message('o-bob'))]);
    expect(rig.fake.sent.map((m) => m.toUser).sort()).toEqual(['o-alice', 'o-bob']);
    expect(rig.fake.tokensIssued()).toBe(2);
    expect(tokenCalls().every((c) => (c.body as { force_refresh: boolean }).force_refresh === false)).toBe(true);
  });

  it('a token WeChat refuses (40001) though it still hands it out is forced out, and the message delivered', async () => {
    rig.fake.grant('o-alice', 'tplCase');
    const api = rig.client();
    const first = await api.accessToken();
    rig.fake.failNext('subscribe', 40001);
    await api.sendSubscribeMessage(message('o-alice'));
    expect(rig.fake.sent).toHaveLength(1);
    expect(tokenCalls().map((c) => (c.body as { force_refresh: boolean }).force_refresh)).toEqual([false, false, true]);
    expect(await api.accessToken()).not.toBe(first);
  });

  it('a token refused twice is given up after one retry: a retryable token error', async () => {
    rig.fake.grant('o-alice', 'tplCase');
    rig.fake.failNext('subscribe', 42001, 2);
    const err = await wechatError(rig.client().sendSubscribeMessage(message('o-alice')));
    expect(err).toMatchObject({ errcode: 42001, kind: 'token', retryable: true });
    expect(subscribeCalls()).toHaveLength(2);
    expect(rig.fake.sent).toHaveLength(0);
  });

  it('WeChat busy (-1) is retryable; so are a refused connection, a timeout and HTTP 5xx', async () => {
    rig.fake.grant('o-alice', 'tplCase');
    rig.fake.failNext('subscribe', -1);
    expect(await wechatError(rig.client().sendSubscribeMessage(message('o-alice')))).toMatchObject({ errcode: -1, kind: 'busy', retryable: true });

    const silent = await startRawServer(() => {}); // never answers
    const broken = await startRawServer((_req, res) => res.writeHead(502).end('bad gateway'));
    const closed = await startRawServer(() => {});
    const closedUrl = closed.url;
    await closed.close();
    try {
      const timedOut = await wechatError(rig.client({ baseUrl: silent.url, timeoutMs: 200 }).code2session('c'));
      expect(timedOut).toMatchObject({ kind: 'busy', retryable: true });
      expect(timedOut.errmsg).toMatch(/200 ms/);
      expect(await wechatError(rig.client({ baseUrl: broken.url }).code2session('c'))).toMatchObject({ kind: 'busy', errmsg: 'HTTP 502' });
      const refused = await wechatError(rig.client({ baseUrl: closedUrl }).code2session('c'));
      expect(refused).toMatchObject({ kind: 'busy', retryable: true });
      expect(refused.errmsg).toMatch(/network error/);
    } finally {
      await silent.close();
      await broken.close();
    }
  });
});

describe('secrets', () => {
  it('the AppSecret, access tokens, session keys and codes appear in no log line and no error', async () => {
    const { fake } = rig;
    const api = rig.client();
    const errors: unknown[] = [];
    const keep = (p: Promise<unknown>) => p.catch((err: unknown) => void errors.push(err));
    // Success and every kind of failure, on every call.
    const code = fake.issueCode('o-alice', { unionid: 'u-alice' });
    const session = await api.code2session(code);
    await keep(api.code2session(code));
    await keep(api.code2session('unknown-code-0001'));
    await keep(rig.client({ secret: 'wrong-secret-0123456789' }).code2session(fake.issueCode('o-alice')));
    fake.grant('o-alice', 'tplCase');
    await api.sendSubscribeMessage(message('o-alice'));
    fake.expireTokens();
    fake.grant('o-alice', 'tplCase');
    await api.sendSubscribeMessage(message('o-alice'));
    fake.failNext('subscribe', 40001);
    fake.grant('o-alice', 'tplCase');
    await api.sendSubscribeMessage(message('o-alice'));
    fake.failNext('subscribe', 42001, 2);
    await keep(api.sendSubscribeMessage(message('o-alice')));
    await keep(api.sendSubscribeMessage(message('o-nobody')));
    fake.failNext('stable_token', -1);
    await keep(api.accessToken({ force: true }));
    await keep(rig.client({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 500 }).accessToken({ force: true }));

    // Tokens: the first, the one after expiry, the one forced out after 40001, the one forced out after the two 42001.
    const tokens = [...new Set(subscribeCalls().map((c) => c.query.access_token!))];
    expect(fake.tokensIssued()).toBe(4);
    expect(tokens).toHaveLength(4);
    expect(errors.length).toBeGreaterThanOrEqual(7);
    expect(rig.logs.length).toBeGreaterThan(10);
    const texts = [...rig.logs, ...errors.map((e) => (e instanceof Error ? `${e.stack}\n${JSON.stringify(e)}` : String(e)))];
    for (const secret of [fake.secret, 'wrong-secret-0123456789', session.sessionKey, code, ...tokens]) {
      expect(texts.filter((t) => t.includes(secret))).toEqual([]);
    }
  });

  it('credentials WeChat might echo in an errmsg are blanked out', async () => {
    const { fake } = rig;
    const token = await rig.client().accessToken();
    // A WeChat that quotes what it was sent.
    const echoing: typeof fetch = async () =>
      new Response(JSON.stringify({ errcode: 40001, errmsg: `invalid credential ${token} for ${fake.appId} with ${fake.secret}` }));
    const err = await wechatError(rig.client({ fetch: echoing }).sendSubscribeMessage(message('o-alice')));
    expect(err.errmsg).toBe(`invalid credential *** for ${fake.appId} with ***`);
    expect(rig.logs.join('\n')).not.toContain(token);
    expect(rig.logs.join('\n')).not.toContain(fake.secret);
  });
});

describe('templateValue', () => {
  it('keeps WeChat rules for each kind', () => {
    const long = '青溪宏达建筑工程有限公司拖欠三个月工资共二万八千五百元';
    const thing = templateValue('thing', long).value;
    expect([...thing]).toHaveLength(20);
    expect(thing).toBe(`${long.slice(0, 19)}…`);
    expect(templateValue('thing', '已交给东龙镇第一网格处理')).toEqual({ value: '已交给东龙镇第一网格处理' });
    expect(templateValue('thing', `${'一'.repeat(20)}`).value).toBe('一'.repeat(20));
    expect(templateValue('thing', '第一行\n第二行 😀 ').value).toBe('第一行 第二行');
    expect(templateValue('thing', '\n').value).toBe('无');

    expect(templateValue('character_string', 'QX20261121-0001').value).toBe('QX20261121-0001');
    expect(templateValue('character_string', '编号：QX 2026/1121_0001').value).toBe('QX20261121_0001');
    expect(templateValue('character_string', 'A'.repeat(40)).value).toBe('A'.repeat(32));

    expect(templateValue('phrase', '处理中').value).toBe('处理中');
    expect(templateValue('phrase', '已受理，正在处理中').value).toBe('已受理正在');
    expect(templateValue('phrase', 'OK!').value).toBe('无');

    expect(templateValue('time', new Date('2026-11-21T01:05:00Z')).value).toBe('2026-11-21 09:05');
    expect(templateValue('time', '2026-11-21T23:30:00+08:00').value).toBe('2026-11-21 23:30');
    expect(templateValue('time', '2026-11-21 09:05').value).toBe('2026-11-21 09:05');
    expect(() => templateValue('time', '下周一')).toThrow(RangeError);

    expect(templateValue('number', 28500).value).toBe('28500');
    expect(templateValue('number', '28,500.5').value).toBe('28500.5');
    expect(templateValue('number', 1e21).value).toBe('1000000000000000000000');
    expect(() => templateValue('number', '两万')).toThrow(RangeError);
    expect(() => templateValue('number', -3)).toThrow(RangeError);
  });

  it('values it makes are accepted by WeChat, whatever they were made from', async () => {
    rig.fake.grant('o-alice', 'tplCase');
    const data = {
      thing1: templateValue('thing', '青溪宏达建筑工程有限公司（东龙镇新塘社区工地）拖欠工资'),
      character_string2: templateValue('character_string', '编号 QX20261121-0001'),
      phrase3: templateValue('phrase', '已经办结了'),
      time4: templateValue('time', new Date('2026-11-21T02:00:00Z')),
      number5: templateValue('number', 28500),
    };
    await rig.client().sendSubscribeMessage({ toUser: 'o-alice', templateId: 'tplCase', data });
    expect(rig.fake.sent[0]!.data).toEqual(data);
  });
});

/** A bare HTTP server on a free loopback port, answering with `handler`. */
async function startRawServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
