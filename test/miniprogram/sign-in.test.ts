import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SessionSchema } from '../../api/contract.js';
import { verifyToken } from '../../core/infra/tokens.js';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';
import { useFixture } from '../support/fixture.js';
import { useMiniprogram } from './support/app.js';
import { until, type App } from './support/harness.js';

const wechat: FakeWechat = useFixture(async () => {
  const w = await startFakeWechat();
  return Object.assign(w, { stop: () => w.close() });
}, 'all');
const mp = useMiniprogram(() => ({
  env: { WECHAT_API_BASE_URL: wechat.url, WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret },
}));

const SESSION = 'gongyou.session';
const openid = () => `o${randomBytes(8).toString('hex')}`;

function stored(app: App): { token: string; expiresAt: number; refreshToken: string; refreshExpiresAt: number } {
  return JSON.parse(app.fake.storage.get(SESSION) ?? 'null');
}

/** Opens the chat and waits until it has shown the (empty) chat or an error. */
async function openChat(app: App) {
  const page = app.open('chat');
  await until(() => page.data.ready || page.data.error, 'the chat to open or fail', page);
  return page;
}

const posts = (app: App, path: string) => app.fake.http.filter((h) => h.method === 'POST' && h.url === path);

describe('sign-in: wx.login → POST /api/v1/auth/wechat', () => {
  it('on first open, the code from wx.login signs the person in and the session is kept in storage', async () => {
    const id = openid();
    const app = mp.launch({ login: () => wechat.issueCode(id) });
    const page = await openChat(app);
    expect(page.data.error).toBe('');
    expect(app.fake.callsOf('login')).toHaveLength(1);
    expect(posts(app, '/api/v1/auth/wechat')).toMatchObject([{ status: 200 }]);
    expect(wechat.calls.some((c) => c.path === '/sns/jscode2session')).toBe(true);

    const s = stored(app);
    expect(s.token).toMatch(/\S{20,}/);
    expect(s.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.expiresAt).toBeGreaterThan(Date.now() + 30 * 60_000);
    // The session is the person's: the API knows them by their openid.
    const claims = verifyToken(mp.http.t.core.config.TOKEN_SECRET, s.token, mp.http.t.core.clock.now().getTime());
    expect(claims).toMatchObject({ sub: `mp:${id}`, role: 'user' });
  });

  it('a stored session is used as it is: no second wx.login on the next launch', async () => {
    const id = openid();
    const first = mp.launch({ login: () => wechat.issueCode(id) });
    await openChat(first);
    const again = mp.launch({ login: () => wechat.issueCode(id) });
    for (const [k, v] of first.fake.storage) again.fake.storage.set(k, v);
    const page = await openChat(again);
    expect(page.data.ready).toBe(true);
    expect(again.fake.callsOf('login')).toHaveLength(0);
    expect(posts(again, '/api/v1/auth/refresh')).toHaveLength(0);
  });

  it('shortly before the token expires, it is renewed with the refresh token (once), and the new pair is kept', async () => {
    const id = openid();
    const app = mp.launch({ login: () => wechat.issueCode(id) });
    await openChat(app);
    const old = stored(app);

    for (let round = 0; round < 2; round++) {
      const next = mp.launch({ login: () => wechat.issueCode(id) });
      for (const [k, v] of app.fake.storage) next.fake.storage.set(k, v);
      const s = stored(next);
      next.fake.storage.set(SESSION, JSON.stringify({ ...s, expiresAt: Date.now() + 30_000 }));
      const page = await openChat(next);
      expect(page.data.ready).toBe(true);
      expect(posts(next, '/api/v1/auth/refresh')).toMatchObject([{ status: 200 }]);
      expect(next.fake.callsOf('login')).toHaveLength(0);
      const renewed = stored(next);
      expect(renewed.refreshToken).not.toBe(s.refreshToken);
      for (const [k, v] of next.fake.storage) app.fake.storage.set(k, v);
    }
    expect(stored(app).refreshToken).not.toBe(old.refreshToken);
  });

  it('after a 401 the token is renewed and the call made again', async () => {
    const id = openid();
    const app = mp.launch({ login: () => wechat.issueCode(id) });
    await openChat(app);
    const next = mp.launch({ login: () => wechat.issueCode(id) });
    const s = stored(app);
    next.fake.storage.set(SESSION, JSON.stringify({ ...s, token: `${s.token.slice(0, -4)}AAAA` }));
    const page = await openChat(next);
    expect(page.data.ready).toBe(true);
    const history = next.fake.http.filter((h) => h.url.startsWith('/api/v1/chat/history'));
    expect(history.map((h) => h.status)).toEqual([401, 200]);
    expect(posts(next, '/api/v1/auth/refresh')).toMatchObject([{ status: 200 }]);
    expect(next.fake.callsOf('login')).toHaveLength(0);
  });

  it('when the refresh token is refused, it signs in with wx.login again', async () => {
    const id = openid();
    const app = mp.launch({ login: () => wechat.issueCode(id) });
    app.fake.storage.set(
      SESSION,
      JSON.stringify({ token: 'expired', expiresAt: Date.now() - 1000, refreshToken: randomBytes(32).toString('base64url'), refreshExpiresAt: Date.now() + 86400_000 }),
    );
    const page = await openChat(app);
    expect(page.data.ready).toBe(true);
    expect(posts(app, '/api/v1/auth/refresh')).toMatchObject([{ status: 401 }]);
    expect(app.fake.callsOf('login')).toHaveLength(1);
    expect(posts(app, '/api/v1/auth/wechat')).toMatchObject([{ status: 200 }]);
    SessionSchema.pick({ token: true }).parse(stored(app));
  });
});

describe('sign-in: when WeChat says no', () => {
  it('an invalid code: a polite toast, the reason on the page, and 重试 signs in', async () => {
    const id = openid();
    let codes = ['not-a-code'];
    const app = mp.launch({ login: () => codes.shift() ?? wechat.issueCode(id) });
    const page = await openChat(app);
    expect(posts(app, '/api/v1/auth/wechat')).toMatchObject([{ status: 401 }]);
    expect(app.fake.callsOf('showToast').at(-1)).toEqual({ title: '微信登录没有成功，请再试一次。' });
    expect(page.text()).toContain('微信登录没有成功，请再试一次。');
    expect(page.data.ready).toBe(false);

    await page.tap('.retry');
    await until(() => page.data.ready, 'the retried sign-in', page);
    expect(posts(app, '/api/v1/auth/wechat').map((h) => h.status)).toEqual([401, 200]);
    expect(page.data.error).toBe('');
    codes = [];
  });

  it('WeChat busy (503): a polite toast, and 重试 signs in', async () => {
    const id = openid();
    const app = mp.launch({ login: () => wechat.issueCode(id) });
    wechat.failNext('jscode2session', -1);
    const page = await openChat(app);
    expect(posts(app, '/api/v1/auth/wechat')).toMatchObject([{ status: 503 }]);
    expect(app.fake.callsOf('showToast').at(-1)).toEqual({ title: '微信登录暂时繁忙，请稍后再试。' });
    expect(page.text()).toContain('微信登录暂时繁忙，请稍后再试。');

    await page.tap('.retry');
    await until(() => page.data.ready, 'the retried sign-in', page);
    expect(posts(app, '/api/v1/auth/wechat').map((h) => h.status)).toEqual([503, 200]);
  });

  it('offline: says so politely, and signs in once the network is back', async () => {
    const id = openid();
    const app = mp.launch({ login: () => wechat.issueCode(id) });
    app.fake.offline = true;
    const page = await openChat(app);
    expect(page.text()).toContain('网络好像断了，请检查网络后再试。');
    app.fake.offline = false;
    await page.tap('.retry');
    await until(() => page.data.ready, 'the retried sign-in', page);
  });
});
