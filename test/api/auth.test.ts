/*
 * Sign-in over HTTP: development sign-in only when asked for (never in
 * production), strict tokens, short-lived tokens with one-time refresh and
 * reuse detection, sign-out and revocation, staff tokens and their
 * revocation, and WeChat sign-in (code2session) against the local fake.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HistorySchema, SessionSchema, type SessionBody } from '../../api/contract.js';
import { authKeys, createAuth, createIdentities } from '../../core/auth/index.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { createLogger } from '../../core/infra/logger.js';
import { unseal } from '../../core/infra/privacy.js';
import { connectRedis } from '../../core/infra/redis.js';
import { createBindings } from '../../core/staff/index.js';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';
import { TEST_ENV, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { startHttp, type TestHttp } from '../support/http.js';

/** A fixed moment: token lifetimes are measured on the manual clock from here. */
const NOW = '2026-11-21T10:00:00+08:00';
const admin = `Bearer ${TEST_ENV.ADMIN_TOKEN}`;

/** Untyped JSON from the server; each test asserts what it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
interface Res {
  status: number;
  body: Json;
  text: string;
}

/** Every response body any test of this file received (the session_key must never be among them). */
const responses: string[] = [];

async function call(base: string, method: string, path: string, o: { token?: string; auth?: string; json?: unknown; raw?: string } = {}): Promise<Res> {
  const headers: Record<string, string> = {};
  if (o.auth !== undefined) headers.authorization = o.auth;
  else if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
  let body: string | undefined;
  if (o.json !== undefined || o.raw !== undefined) {
    headers['content-type'] = 'application/json';
    body = o.raw ?? JSON.stringify(o.json);
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  responses.push(text);
  return { status: res.status, text, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

/** A development sign-in (DEV_LOGIN is on in TEST_ENV); the answer must follow the contract. */
async function devLogin(base: string, userId = `u${randomBytes(4).toString('hex')}`): Promise<SessionBody & { userKey: string }> {
  const r = await call(base, 'POST', '/api/v1/auth/dev', { json: { userId } });
  expect(r.status, r.text).toBe(200);
  return { ...SessionSchema.parse(r.body), userKey: `web:${userId}` };
}

async function refresh(base: string, refreshToken: string): Promise<Res> {
  return call(base, 'POST', '/api/v1/auth/refresh', { json: { refreshToken } });
}

/** A refresh that must succeed: the new pair, by the contract. */
async function refreshed(base: string, refreshToken: string): Promise<SessionBody> {
  const r = await refresh(base, refreshToken);
  expect(r.status, r.text).toBe(200);
  return SessionSchema.parse(r.body);
}

/** The status a person's own read (`GET /api/v1/me/cases`) answers with this token. */
async function meStatus(base: string, token: string): Promise<number> {
  return (await call(base, 'GET', '/api/v1/me/cases', { token })).status;
}

/** The claims a token carries (readable by anyone; only the mac makes them true). */
function claimsOf(token: string): { sub: string; role: string; exp: number; gen?: number } {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
}

/** The status a staff member's inbox answers with this token. */
async function inboxStatus(base: string, token: string): Promise<number> {
  return (await call(base, 'GET', '/api/v1/staff/inbox', { token })).status;
}

async function staffToken(base: string, staffId: string): Promise<{ token: string; expiresIn: number }> {
  const r = await call(base, 'POST', '/api/v1/admin/staff-tokens', { auth: admin, json: { staffId } });
  expect(r.status, r.text).toBe(201);
  expect(r.body.staff.id).toBe(staffId);
  return r.body;
}

/**
 * Rate limits count requests per minute of real time. A test that counts up
 * to a limit starts early in a minute, so its requests all fall in one window.
 */
async function startOfAMinute(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 8_000) await new Promise((r) => setTimeout(r, left + 50));
}

/** What a 4xx/5xx answer says: its status, code and field. */
const refusal = (r: Res) => ({ status: r.status, code: r.body?.error?.code, field: r.body?.error?.field });

// -------------------------------------------------------------------------------------------

describe('development sign-in (DEV_LOGIN)', () => {
  describe('when DEV_LOGIN is not set', () => {
    const http = useFixture(() => startHttp({ env: { DEV_LOGIN: '' } }), 'all');

    it('then POST /api/v1/auth/dev does not exist (404), while the other sign-in routes do', async () => {
      expect(http.t.core.config.DEV_LOGIN).toBe(false);
      const r = await call(http.base, 'POST', '/api/v1/auth/dev', { json: { userId: 'someone' } });
      expect(refusal(r)).toMatchObject({ status: 404, code: 'not_found' });
      // The auth router is mounted: WeChat sign-in answers (not configured here), refresh refuses an unknown token.
      expect((await call(http.base, 'POST', '/api/v1/auth/wechat', { json: { code: 'abc' } })).status).toBe(503);
      expect((await refresh(http.base, randomBytes(32).toString('base64url'))).status).toBe(401);
    });
  });

  describe('when DEV_LOGIN=1 (outside production)', () => {
    const http = useFixture(() => startHttp(), 'all');

    it('then POST /api/v1/auth/dev signs a person in by id, with a session by the contract', async () => {
      const s = await devLogin(http.base, 'dev-person');
      expect(claimsOf(s.token)).toMatchObject({ sub: 'web:dev-person', role: 'user' });
      expect(await meStatus(http.base, s.token)).toBe(200);
      expect(refusal(await call(http.base, 'POST', '/api/v1/auth/dev', { json: { userId: 'a b' } }))).toEqual({ status: 400, code: 'invalid', field: 'userId' });
    });
  });
});

// -------------------------------------------------------------------------------------------

const root = new URL('../../', import.meta.url).pathname;

/** What `npm start` runs after `tsx` (package.json). */
function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const [runner, ...args] = pkg.scripts.start.split(/\s+/);
  expect(runner).toBe('tsx');
  expect(args).toContain('--demo');
  return args;
}

interface MainProcess {
  base: string;
  adminToken: string;
  /** Every secret it was given, the admin token included. */
  secrets: string[];
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM; resolves with the exit code. */
  terminate(): Promise<number | null | 'timeout'>;
  stop(): Promise<void>;
}

/** main.ts as `npm start` runs it, on the test redis-server under a fresh prefix, with strong secrets. */
async function startMain(nodeEnv: 'production' | 'development'): Promise<MainProcess> {
  const varDir = mkdtempSync(join(tmpdir(), 'gongyou-auth-main-'));
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const adminToken = randomBytes(24).toString('base64url');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: nodeEnv,
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: prefix,
    PORT: '0',
    VAR_DIR: varDir,
    LOG_LEVEL: 'info',
    DATA_KEY: randomBytes(32).toString('hex'),
    HASH_KEY: randomBytes(32).toString('hex'),
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: adminToken,
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...startArgs()], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let terminated: Promise<number | null | 'timeout'> | null = null;
  const terminate = () =>
    (terminated ??= (async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
    })());
  const cleanUp = async () => {
    if ((await terminate()) === 'timeout') child.kill('SIGKILL');
    const redis = await connectRedis(inject('redisUrl'));
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await redis.del(keys);
    await redis.quit();
    rmSync(varDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 45_000;
    let base = '';
    while (!base) {
      const m = /is running\. Web chat: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) base = m[1]!;
      else if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${out}`);
      else await new Promise((r) => setTimeout(r, 100));
    }
    // The rest of the banner is written with the same console.log.
    const secrets = [env.DATA_KEY!, env.HASH_KEY!, env.TOKEN_SECRET!, adminToken];
    return { base, adminToken, secrets, output: () => out, terminate, stop: cleanUp };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

/** useFixture for a main.ts process (scope 'all'), with room for a slow start on busy cores. */
function useMain(nodeEnv: 'production' | 'development'): MainProcess {
  const live = {} as MainProcess;
  let running: MainProcess | undefined;
  beforeAll(async () => {
    running = await startMain(nodeEnv);
    Object.assign(live, running);
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  }, 30_000);
  return live;
}

describe('main.ts (npm start)', () => {
  describe('when NODE_ENV=production, with --demo', () => {
    const main = useMain('production');

    it('then the banner and the logs never show the admin token, which nonetheless works', async () => {
      expect(main.output()).toMatch(/工友 is running/);
      for (const secret of main.secrets) expect(main.output()).not.toContain(secret);
      expect(main.output()).not.toMatch(/Admin token/i);
      const stats = await call(main.base, 'GET', '/api/v1/admin/stats', { auth: `Bearer ${main.adminToken}` });
      expect(stats.status, stats.text).toBe(200);
      expect((await call(main.base, 'GET', '/api/v1/admin/stats', { auth: 'Bearer not-the-admin-token-0123' })).status).toBe(403);
    });

    it('then --demo does not turn development sign-in on: POST /api/v1/auth/dev is 404', async () => {
      expect(main.output()).not.toMatch(/DEV_LOGIN=1/);
      expect(refusal(await call(main.base, 'POST', '/api/v1/auth/dev', { json: { userId: 'intruder' } }))).toMatchObject({ status: 404, code: 'not_found' });
      expect((await call(main.base, 'POST', '/api/v1/auth/wechat', { json: { code: 'abc' } })).body.error.code).toBe('wechat_not_configured');
    });

    it('then it stops cleanly on SIGTERM, without printing the admin token on the way out', async () => {
      expect(await main.terminate()).toBe(0);
      for (const secret of main.secrets) expect(main.output()).not.toContain(secret);
    });
  });

  // The same check outside production, where the token is shown: the assertions above would catch a print.
  describe('when NODE_ENV=development, with --demo', () => {
    const main = useMain('development');

    it('then the banner shows the admin token and development sign-in is on', async () => {
      expect(main.output()).toContain(`Admin token (dev): ${main.adminToken}`);
      expect(main.output()).toMatch(/DEV_LOGIN=1/);
      const r = await call(main.base, 'POST', '/api/v1/auth/dev', { json: { userId: 'newcomer' } });
      expect(r.status, r.text).toBe(200);
      SessionSchema.parse(r.body);
      expect(await main.terminate()).toBe(0);
    });
  });
});

// -------------------------------------------------------------------------------------------

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `s` with the spare low bits of its last base64url character set differently: another spelling of the same bytes. */
function otherSpelling(s: string): string {
  const i = B64URL.indexOf(s.at(-1)!);
  const alt = s.slice(0, -1) + B64URL[i ^ 1];
  expect(Buffer.from(alt, 'base64url').equals(Buffer.from(s, 'base64url'))).toBe(true);
  expect(alt).not.toBe(s);
  return alt;
}

/** A token with a correct mac over `body` exactly as written (the tests know TOKEN_SECRET). */
const signed = (body: string) => `${body}.${createHmac('sha256', TEST_ENV.TOKEN_SECRET).update(body).digest('base64url')}`;

/**
 * The claims as JSON, with JSON whitespace added before and after until
 * `fits` accepts its bytes: still the same claims to JSON.parse.
 */
function claimsBytes(claims: object, fits: (bytes: Buffer) => boolean): Buffer {
  const json = JSON.stringify(claims);
  const ws = [' ', '\t', '\n', '\r'];
  const pad = (n: number) => {
    let p = '';
    for (let k = n; k > 0; k = Math.floor(k / 4)) p += ws[k % 4];
    return p;
  };
  for (let before = 0; before < 8; before++) {
    for (let after = 0; after < 64; after++) {
      const bytes = Buffer.from(`${pad(before)}${json}${pad(after)}`);
      if (fits(bytes)) return bytes;
    }
  }
  throw new Error('no padding fits');
}

describe('strict tokens', () => {
  const http = useFixture(() => startHttp({ clock: manualClock(NOW) }));

  it('when a token is exactly as issued, then it works; any other spelling of it is 401', async () => {
    const { token } = await devLogin(http.base);
    expect(await meStatus(http.base, token)).toBe(200);
    const [body, mac] = token.split('.') as [string, string];
    const spellings: [string, string][] = [
      ['a third segment', `${token}.x`],
      ['an empty third segment', `${token}.`],
      ['trailing characters', `${token}x`],
      ['trailing padding', `${token}=`],
      ['the mac with its spare bits set otherwise', `${body}.${otherSpelling(mac)}`],
      ['the mac in standard base64 with padding', `${body}.${Buffer.from(mac, 'base64url').toString('base64')}`],
      ['a leading dot', `.${token}`],
    ];
    for (const [what, spelling] of spellings) {
      expect(spelling, what).not.toBe(token);
      const r = await call(http.base, 'GET', '/api/v1/me/cases', { token: spelling });
      expect(refusal(r), what).toMatchObject({ status: 401, code: 'unauthorized' });
    }
    const headers: [string, string][] = [
      ['a leading space inside the Bearer value', `Bearer  ${token}`],
      ['a trailing no-break space inside the Bearer value', `Bearer ${token}\u00a0`],
      ['a space and more after the token', `Bearer ${token} x`],
      ['a tab instead of the space', `Bearer\t${token}`],
    ];
    for (const [what, auth] of headers) {
      expect((await call(http.base, 'GET', '/api/v1/me/cases', { auth })).status, what).toBe(401);
    }
    // Still fine as issued.
    expect(await meStatus(http.base, token)).toBe(200);
  });

  it('when the claims are re-encoded and correctly signed in another spelling, then only the canonical base64url one works', async () => {
    const { token } = await devLogin(http.base);
    const claims = claimsOf(token);
    expect(signed(token.split('.')[0]!)).toBe(token);

    // Standard base64 (+ and /) of the same bytes: the url-safe spelling works, the standard one does not.
    // ASCII JSON gives + and / only from a few characters ("~", "?", ">"): a subject holding them does.
    const odd = { ...claims, sub: `${claims.sub}~~~???` };
    const plusSlash = claimsBytes(odd, (b) => b.length % 3 === 0 && /\+/.test(b.toString('base64')) && /\//.test(b.toString('base64')));
    expect(await meStatus(http.base, signed(plusSlash.toString('base64url')))).toBe(200);
    expect(await meStatus(http.base, signed(plusSlash.toString('base64')))).toBe(401);

    // Standard base64 with its padding.
    const padded = claimsBytes(claims, (b) => b.length % 3 !== 0);
    expect(padded.toString('base64')).toMatch(/=$/);
    expect(await meStatus(http.base, signed(padded.toString('base64url')))).toBe(200);
    expect(await meStatus(http.base, signed(padded.toString('base64')))).toBe(401);

    // The spare bits of the body's last character set otherwise: the same bytes, another spelling.
    expect(await meStatus(http.base, signed(otherSpelling(padded.toString('base64url'))))).toBe(401);
  });

  describe('when READ_RATE_PER_MINUTE is 3', () => {
    const limited = useFixture(() => startHttp({ clock: manualClock(NOW), env: { READ_RATE_PER_MINUTE: '3' } }));

    it('then the 4th read in a minute is 429, even with another valid token of the same person', async () => {
      const first = await devLogin(limited.base);
      const other = await devLogin(limited.base);
      await startOfAMinute();
      for (let i = 0; i < 3; i++) expect(await meStatus(limited.base, first.token)).toBe(200);
      (limited.t.core.clock as ManualClock).advance(1000);
      const second = await refreshed(limited.base, first.refreshToken);
      expect(second.token).not.toBe(first.token);
      expect(claimsOf(second.token).sub).toBe(first.userKey);
      // A valid token…
      expect((await createAuth(limited.t.core).verify(second.token, ['user'])).sub).toBe(first.userKey);
      // …but the 4th read of the minute, though the first with this token, is one too many.
      const r = await call(limited.base, 'GET', '/api/v1/me/cases', { token: second.token });
      expect(refusal(r)).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(await meStatus(limited.base, first.token)).toBe(429);
      // Someone else is not held up.
      expect(await meStatus(limited.base, other.token)).toBe(200);
      // Nor can a fresh sign-in of the same person start a new count.
      expect(await meStatus(limited.base, (await devLogin(limited.base, first.userKey.slice('web:'.length))).token)).toBe(429);
    }, 30_000);
  });
});

// -------------------------------------------------------------------------------------------

describe('short-lived tokens with one-time refresh', () => {
  const http = useFixture(() => startHttp({ clock: manualClock(NOW), env: { TOKEN_TTL_MINUTES: '5', REFRESH_TTL_DAYS: '7' } }));
  const clock = () => http.t.core.clock as ManualClock;

  it('when TOKEN_TTL_MINUTES have passed, then the token is 401 and /refresh gives a new working pair', async () => {
    const s = await devLogin(http.base);
    expect(s.expiresIn).toBe(5 * 60);
    expect(s.refreshExpiresIn).toBe(7 * 86400);
    clock().advance(5 * 60_000 - 1000);
    expect(await meStatus(http.base, s.token)).toBe(200);
    clock().advance(1000);
    expect(refusal(await call(http.base, 'GET', '/api/v1/me/cases', { token: s.token }))).toMatchObject({ status: 401, code: 'unauthorized' });

    const next = await refreshed(http.base, s.refreshToken);
    expect(next.token).not.toBe(s.token);
    expect(next.refreshToken).not.toBe(s.refreshToken);
    expect(claimsOf(next.token).sub).toBe(s.userKey);
    expect(await meStatus(http.base, next.token)).toBe(200);
    clock().advance(5 * 60_000);
    expect(await meStatus(http.base, next.token)).toBe(401);
    expect(await meStatus(http.base, (await refreshed(http.base, next.refreshToken)).token)).toBe(200);
  });

  it('when a refresh token is traded, then it works once: a second use is 401', async () => {
    const s = await devLogin(http.base);
    clock().advance(1000);
    const next = await refreshed(http.base, s.refreshToken);
    expect(refusal(await refresh(http.base, s.refreshToken))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await meStatus(http.base, next.token)).toBe(200);
  });

  it('when an already traded refresh token comes again within 60 s (a double send), then the person stays signed in', async () => {
    const s = await devLogin(http.base);
    clock().advance(1000);
    const next = await refreshed(http.base, s.refreshToken);
    clock().advance(59_000);
    expect((await refresh(http.base, s.refreshToken)).status).toBe(401);
    expect(await meStatus(http.base, s.token)).toBe(200);
    expect(await meStatus(http.base, next.token)).toBe(200);
    const after = await refreshed(http.base, next.refreshToken);
    expect(await meStatus(http.base, after.token)).toBe(200);
  });

  it('when an already traded refresh token comes again more than 60 s later, then the person is signed out everywhere', async () => {
    const s = await devLogin(http.base);
    const bystander = await devLogin(http.base);
    clock().advance(1000);
    const second = await refreshed(http.base, s.refreshToken);
    clock().advance(30_000);
    const newest = await refreshed(http.base, second.refreshToken);
    expect(await meStatus(http.base, newest.token)).toBe(200);

    clock().advance(31_000); // 61 s after the first refresh token was traded
    expect((await refresh(http.base, s.refreshToken)).status).toBe(401);
    expect(refusal(await call(http.base, 'GET', '/api/v1/me/cases', { token: newest.token }))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await meStatus(http.base, second.token)).toBe(401);
    expect((await refresh(http.base, newest.refreshToken)).status).toBe(401);
    // Only that person: someone else is still signed in.
    expect(await meStatus(http.base, bystander.token)).toBe(200);
    // Signing in again works.
    const again = await devLogin(http.base, s.userKey.slice('web:'.length));
    expect(await meStatus(http.base, again.token)).toBe(200);
  });

  it('when a person logs out, then 204, and their token and refresh token are 401', async () => {
    const s = await devLogin(http.base);
    const bystander = await devLogin(http.base);
    expect((await call(http.base, 'POST', '/api/v1/auth/logout')).status).toBe(401);
    const r = await call(http.base, 'POST', '/api/v1/auth/logout', { token: s.token });
    expect(r.status).toBe(204);
    expect(await meStatus(http.base, s.token)).toBe(401);
    expect(refusal(await refresh(http.base, s.refreshToken))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await meStatus(http.base, bystander.token)).toBe(200);
    const again = await devLogin(http.base, s.userKey.slice('web:'.length));
    expect(await meStatus(http.base, again.token)).toBe(200);
  });

  it('when a refresh token from before a sign-out is presented again and again, then it is refused without signing the person out of their new session', async () => {
    const s = await devLogin(http.base);
    expect((await call(http.base, 'POST', '/api/v1/auth/logout', { token: s.token })).status).toBe(204);
    clock().advance(1000);
    const again = await devLogin(http.base, s.userKey.slice('web:'.length));
    // A client whose answer got lost tries again later: the stale token was refused, never traded.
    expect((await refresh(http.base, s.refreshToken)).status).toBe(401);
    clock().advance(61_000);
    expect((await refresh(http.base, s.refreshToken)).status).toBe(401);
    expect(await meStatus(http.base, again.token)).toBe(200);
    expect(await meStatus(http.base, (await refreshed(http.base, again.refreshToken)).token)).toBe(200);
  });

  it('when an admin revokes a person (POST /api/v1/admin/users/revoke), then their token and refresh token are 401', async () => {
    const s = await devLogin(http.base);
    const bystander = await devLogin(http.base);
    expect((await call(http.base, 'POST', '/api/v1/admin/users/revoke', { json: { userKey: s.userKey } })).status).toBe(401);
    expect(await meStatus(http.base, s.token)).toBe(200);
    const r = await call(http.base, 'POST', '/api/v1/admin/users/revoke', { auth: admin, json: { userKey: s.userKey } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ revoked: true });
    expect(await meStatus(http.base, s.token)).toBe(401);
    expect((await refresh(http.base, s.refreshToken)).status).toBe(401);
    expect(await meStatus(http.base, bystander.token)).toBe(200);
  });

  it('when an admin revokes with a malformed userKey, then 400 names the field', async () => {
    for (const userKey of ['no-channel', 'web:', 'web: x', ':x', 'WEB:x', 'web:a b', 42, null, `web:${'x'.repeat(201)}`]) {
      const r = await call(http.base, 'POST', '/api/v1/admin/users/revoke', { auth: admin, json: { userKey } });
      expect(refusal(r), JSON.stringify(userKey)).toEqual({ status: 400, code: 'invalid', field: 'userKey' });
    }
    expect(refusal(await call(http.base, 'POST', '/api/v1/admin/users/revoke', { auth: admin, json: {} }))).toEqual({ status: 400, code: 'invalid', field: 'userKey' });
  });

  it('when a refresh token is malformed or unknown, then 401 (or 400 for a body without one)', async () => {
    for (const refreshToken of ['x', randomBytes(32).toString('base64url'), `${randomBytes(32).toString('base64url')}=`, 'a'.repeat(200)]) {
      expect((await refresh(http.base, refreshToken)).status, refreshToken).toBe(401);
    }
    expect(refusal(await call(http.base, 'POST', '/api/v1/auth/refresh', { json: {} }))).toEqual({ status: 400, code: 'invalid', field: 'refreshToken' });
    expect(refusal(await call(http.base, 'POST', '/api/v1/auth/refresh', { json: { refreshToken: 'a'.repeat(201) } }))).toEqual({ status: 400, code: 'invalid', field: 'refreshToken' });
  });
});

// -------------------------------------------------------------------------------------------

/** A grid worker of the demo directory (东龙镇第二网格), and another. */
const STAFF = 'gw-004';
const COLLEAGUE = 'gw-005';

/** The directory as the admin API gives it, without the grid worker `id`. */
function withoutGridWorker(directory: Json, id: string): Json {
  const d = structuredClone(directory);
  let removed = 0;
  for (const district of d.districts) {
    for (const township of district.townships) {
      for (const grid of township.grids) {
        const before = grid.workers.length;
        grid.workers = grid.workers.filter((w: { id: string }) => w.id !== id);
        removed += before - grid.workers.length;
      }
    }
  }
  expect(removed).toBe(1);
  return d;
}

describe('staff tokens', () => {
  const http = useFixture(() => startHttp({ clock: manualClock(NOW), env: { STAFF_TOKEN_TTL_HOURS: '2' } }));
  const clock = () => http.t.core.clock as ManualClock;

  it('when an admin issues a staff token, then it works on the staff inbox (and only with the admin token may one be issued)', async () => {
    const { token, expiresIn } = await staffToken(http.base, STAFF);
    expect(expiresIn).toBe(2 * 3600);
    expect(claimsOf(token)).toMatchObject({ sub: STAFF, role: 'staff' });
    expect(await inboxStatus(http.base, token)).toBe(200);
    // A staff token is not a person's token, and the other way round.
    expect(await meStatus(http.base, token)).toBe(403);
    expect(await inboxStatus(http.base, (await devLogin(http.base)).token)).toBe(403);
    expect((await call(http.base, 'POST', '/api/v1/admin/staff-tokens', { json: { staffId: STAFF } })).status).toBe(401);
    expect(refusal(await call(http.base, 'POST', '/api/v1/admin/staff-tokens', { auth: admin, json: { staffId: 'nobody-here' } }))).toEqual({
      status: 400,
      code: 'invalid',
      field: 'staffId',
    });
  });

  it('when STAFF_TOKEN_TTL_HOURS have passed, then the staff token is 401', async () => {
    const { token } = await staffToken(http.base, STAFF);
    clock().advance(2 * 3600_000 - 1000);
    expect(await inboxStatus(http.base, token)).toBe(200);
    clock().advance(1000);
    expect(await inboxStatus(http.base, token)).toBe(401);
  });

  it('when an admin deletes the binding of a staff member who was never bound, then their token is 401 at once', async () => {
    const { token } = await staffToken(http.base, STAFF);
    const colleague = await staffToken(http.base, COLLEAGUE);
    const r = await call(http.base, 'DELETE', `/api/v1/admin/bindings/${STAFF}`, { auth: admin });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ unbound: false });
    expect(refusal(await call(http.base, 'GET', '/api/v1/staff/inbox', { token }))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await inboxStatus(http.base, colleague.token)).toBe(200);
    expect(await inboxStatus(http.base, (await staffToken(http.base, STAFF)).token)).toBe(200);
  });

  it('when an admin deletes the binding of a bound staff member, then the binding ends and their token is 401', async () => {
    const { token } = await staffToken(http.base, STAFF);
    const issued = await call(http.base, 'POST', '/api/v1/admin/bind-codes', { auth: admin, json: { staffId: STAFF } });
    expect(issued.status, issued.text).toBe(201);
    const bindings = createBindings(http.t.core);
    expect(await bindings.redeem('wx:staff-phone', issued.body.code)).toEqual({ ok: true, staffId: STAFF });
    expect(await inboxStatus(http.base, token)).toBe(200);
    const r = await call(http.base, 'DELETE', `/api/v1/admin/bindings/${STAFF}`, { auth: admin });
    expect(r.body).toEqual({ unbound: true });
    expect(await bindings.userOf(STAFF)).toBeNull();
    expect(await inboxStatus(http.base, token)).toBe(401);
  });

  it('when an admin revokes a staff member, then their token is 401, and a token issued afterwards works', async () => {
    const { token } = await staffToken(http.base, STAFF);
    const colleague = await staffToken(http.base, COLLEAGUE);
    expect((await call(http.base, 'POST', `/api/v1/admin/staff/${STAFF}/revoke`)).status).toBe(401);
    expect(await inboxStatus(http.base, token)).toBe(200);
    const r = await call(http.base, 'POST', `/api/v1/admin/staff/${STAFF}/revoke`, { auth: admin });
    expect(r.status, r.text).toBe(200);
    expect(await inboxStatus(http.base, token)).toBe(401);
    expect(await inboxStatus(http.base, colleague.token)).toBe(200);
    const fresh = await staffToken(http.base, STAFF);
    expect(await inboxStatus(http.base, fresh.token)).toBe(200);
    expect(await inboxStatus(http.base, token)).toBe(401);
  });

  it('when a staff member is removed from the directory, then their token is 401 at once, and putting them back does not revive it', async () => {
    const { token } = await staffToken(http.base, STAFF);
    const colleague = await staffToken(http.base, COLLEAGUE);
    const got = await call(http.base, 'GET', '/api/v1/admin/directory', { auth: admin });
    expect(got.status).toBe(200);
    const original = got.body.directory;

    const removed = await call(http.base, 'PUT', '/api/v1/admin/directory', { auth: admin, json: { directory: withoutGridWorker(original, STAFF) } });
    expect(removed.status, removed.text).toBe(200);
    expect(await inboxStatus(http.base, token)).toBe(401);
    expect(await inboxStatus(http.base, colleague.token)).toBe(200);
    expect((await call(http.base, 'POST', '/api/v1/admin/staff-tokens', { auth: admin, json: { staffId: STAFF } })).status).toBe(400);

    const back = await call(http.base, 'PUT', '/api/v1/admin/directory', { auth: admin, json: { directory: original } });
    expect(back.status, back.text).toBe(200);
    expect(http.t.core.directory.index().staffById.has(STAFF)).toBe(true);
    expect(refusal(await call(http.base, 'GET', '/api/v1/staff/inbox', { token }))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await inboxStatus(http.base, (await staffToken(http.base, STAFF)).token)).toBe(200);
    expect(await inboxStatus(http.base, colleague.token)).toBe(200);
  });
});

// -------------------------------------------------------------------------------------------

/**
 * A pass-through in front of the fake WeChat that keeps every answer, so a
 * test knows the session_keys WeChat handed out (the fake does not say).
 */
async function recordingProxy(target: string): Promise<{ url: string; answers: string[]; close(): Promise<void> }> {
  const answers: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const r = await fetch(target + (req.url ?? '/'), {
        method: req.method,
        headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {},
        body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
      });
      const text = await r.text();
      answers.push(text);
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' }).end(text);
    })().catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface WechatHttp extends TestHttp {
  fake: FakeWechat;
  /** The session_keys the fake handed out so far. */
  sessionKeys(): string[];
  /** Every log line of the core, at trace level. */
  logs: string[];
}

/** The app with WeChat sign-in configured against the fake (through the recording proxy), its log kept. */
async function startWechatHttp(env: Record<string, string> = {}): Promise<WechatHttp> {
  const fake = await startFakeWechat();
  const proxy = await recordingProxy(fake.url);
  const t = await startTestCore({ clock: manualClock(NOW), env: { WECHAT_APPID: fake.appId, WECHAT_SECRET: fake.secret, WECHAT_API_BASE_URL: proxy.url, ...env } });
  const logs: string[] = [];
  // startTestCore's logger is silent; this one keeps every line (set before the app and the WeChat client are made).
  t.core.log = createLogger('trace', { write: (line: string) => void logs.push(line) });
  const http = await startHttp({}, t);
  return {
    ...http,
    fake,
    logs,
    sessionKeys: () =>
      proxy.answers.flatMap((a) => {
        const k = (JSON.parse(a) as { session_key?: string }).session_key;
        return k ? [k] : [];
      }),
    async stop() {
      await http.stop();
      await t.stop();
      await proxy.close();
      await fake.close();
    },
  };
}

async function wechatLogin(base: string, code: unknown): Promise<Res> {
  return call(base, 'POST', '/api/v1/auth/wechat', { json: { code } });
}

/** A WeChat sign-in that must succeed: the session, by the contract. */
async function wechatSession(w: WechatHttp, openid: string, unionid?: string): Promise<SessionBody> {
  const r = await wechatLogin(w.base, w.fake.issueCode(openid, unionid ? { unionid } : {}));
  expect(r.status, r.text).toBe(200);
  return SessionSchema.parse(r.body);
}

async function say(base: string, token: string, text: string): Promise<void> {
  const r = await call(base, 'POST', '/api/v1/chat/messages', { token, json: { text } });
  expect(r.status, r.text).toBe(200);
}

/** What the person sent, as their chat history shows it. */
async function sentTexts(base: string, token: string): Promise<string[]> {
  const r = await call(base, 'GET', '/api/v1/chat/history', { token });
  expect(r.status, r.text).toBe(200);
  return HistorySchema.parse(r.body)
    .items.filter((i) => i.from === 'user')
    .flatMap((i) => i.replies.flatMap((x) => (x.type === 'text' ? [x.text] : [])));
}

/** Every key and value under the core's prefix, as text: strings, hashes, lists, sets, sorted sets, streams. */
async function redisDump(w: WechatHttp): Promise<string[]> {
  const { redis } = w.t.core;
  const out: string[] = [];
  for (const key of await w.t.keys()) {
    out.push(key);
    const type = await redis.type(key);
    if (type === 'string') out.push((await redis.get(key)) ?? '');
    else if (type === 'hash') out.push(...Object.entries(await redis.hGetAll(key)).flat());
    else if (type === 'list') out.push(...(await redis.lRange(key, 0, -1)));
    else if (type === 'set') out.push(...(await redis.sMembers(key)));
    else if (type === 'zset') out.push(...(await redis.zRange(key, 0, -1)));
    else if (type === 'stream') out.push(...((await redis.xRange(key, '-', '+')) ?? []).flatMap((e) => (e ? [e.id, ...Object.entries(e.message).flat()] : [])));
    else throw new Error(`key ${key} of type ${type} not read`);
  }
  return out;
}

/** How a session_key could be written in clear: as WeChat gives it (base64), url-safe, or as hex. */
function spellingsOf(sessionKey: string): string[] {
  const bytes = Buffer.from(sessionKey, 'base64');
  return [sessionKey, sessionKey.replace(/=+$/, ''), bytes.toString('base64url'), bytes.toString('hex')];
}

describe('WeChat sign-in (POST /api/v1/auth/wechat)', () => {
  const w = useFixture(() => startWechatHttp());

  it('when a wx.login code is sent, then a session comes back and its token works', async () => {
    const s = await wechatSession(w, 'o-alice');
    expect(s.expiresIn).toBe(w.t.core.config.TOKEN_TTL_MINUTES * 60);
    expect(claimsOf(s.token)).toMatchObject({ sub: 'mp:o-alice', role: 'user' });
    expect(await meStatus(w.base, s.token)).toBe(200);
    expect(HistorySchema.parse((await call(w.base, 'GET', '/api/v1/chat/history', { token: s.token })).body).last).toBe(0);
    expect(await createIdentities(w.t.core).mpOpenidOf('mp:o-alice')).toBe('o-alice');
    // The session refreshes like any other (the manual clock stands still: move it, or the new token is the same string).
    (w.t.core.clock as ManualClock).advance(1000);
    expect(await meStatus(w.base, (await refreshed(w.base, s.refreshToken)).token)).toBe(200);
  });

  it('when the same openid signs in again, then it is the same person (their chat history carries over)', async () => {
    const first = await wechatSession(w, 'o-alice');
    await say(w.base, first.token, '老板拖欠我工资怎么办');
    (w.t.core.clock as ManualClock).advance(1000);
    const second = await wechatSession(w, 'o-alice');
    expect(second.token).not.toBe(first.token);
    expect(await sentTexts(w.base, second.token)).toContain('老板拖欠我工资怎么办');
    // Someone else does not see it.
    const bob = await wechatSession(w, 'o-bob');
    expect(claimsOf(bob.token).sub).not.toBe(claimsOf(first.token).sub);
    expect(await sentTexts(w.base, bob.token)).toEqual([]);
  });

  it('when an openid of another app with the same unionid is known, then the mini-program sign-in is that person', async () => {
    const elsewhere = await createIdentities(w.t.core).userOfWechat({ openid: 'o-other-app', unionid: 'u-carol', sessionKey: randomBytes(16).toString('base64') });
    expect(elsewhere).toBe('mp:o-other-app');
    const s = await wechatSession(w, 'o-carol-mp', 'u-carol');
    expect(claimsOf(s.token).sub).toBe(elsewhere);
    // Subscribe messages go to the mini-program's openid of that person.
    expect(await createIdentities(w.t.core).mpOpenidOf(elsewhere)).toBe('o-carol-mp');
  });

  it('when two openids with the same unionid sign in, then they are one person; another unionid is someone else', async () => {
    const a = await wechatSession(w, 'o-dave-1', 'u-dave');
    await say(w.base, a.token, '我想加入工会');
    const b = await wechatSession(w, 'o-dave-2', 'u-dave');
    expect(claimsOf(b.token).sub).toBe(claimsOf(a.token).sub);
    expect(await sentTexts(w.base, b.token)).toContain('我想加入工会');
    const other = await wechatSession(w, 'o-erin', 'u-erin');
    expect(claimsOf(other.token).sub).not.toBe(claimsOf(a.token).sub);
    expect(await sentTexts(w.base, other.token)).toEqual([]);
  });

  it('when the code is unknown or already used, then 401 wechat_code_invalid on the field code', async () => {
    const unknown = await wechatLogin(w.base, 'not-a-code-WeChat-gave');
    expect(refusal(unknown)).toEqual({ status: 401, code: 'wechat_code_invalid', field: 'code' });
    const code = w.fake.issueCode('o-frank');
    expect((await wechatLogin(w.base, code)).status).toBe(200);
    expect(refusal(await wechatLogin(w.base, code))).toEqual({ status: 401, code: 'wechat_code_invalid', field: 'code' });
  });

  it('when WeChat is rate-limited (45011) or busy (-1), then 503 wechat_busy, and the code works on a retry', async () => {
    const code = w.fake.issueCode('o-grace');
    for (const errcode of [45011, -1]) {
      w.fake.failNext('jscode2session', errcode);
      const r = await wechatLogin(w.base, code);
      expect(refusal(r), String(errcode)).toEqual({ status: 503, code: 'wechat_busy', field: undefined });
    }
    const r = await wechatLogin(w.base, code);
    expect(r.status, r.text).toBe(200);
    expect(claimsOf(SessionSchema.parse(r.body).token).sub).toBe('mp:o-grace');
  });

  it('when the code is malformed or missing, then 400 on the field code, and WeChat is not asked', async () => {
    for (const code of ['', 'a b', 'x'.repeat(200), '<script>', 12345, null, ['abc'], { code: 'abc' }]) {
      expect(refusal(await wechatLogin(w.base, code)), JSON.stringify(code)).toEqual({ status: 400, code: 'invalid', field: 'code' });
    }
    expect(refusal(await call(w.base, 'POST', '/api/v1/auth/wechat', { json: {} }))).toEqual({ status: 400, code: 'invalid', field: 'code' });
    expect(w.fake.calls).toEqual([]);
  });

  it('when people sign in, then the session_key is in no response, in no Redis key or value, and in no log line — only sealed', async () => {
    const alice = await wechatSession(w, 'o-alice');
    await say(w.base, alice.token, '你好');
    (w.t.core.clock as ManualClock).advance(1000);
    await wechatSession(w, 'o-alice');
    const henry = await wechatSession(w, 'o-henry', 'u-henry');
    await wechatSession(w, 'o-henry-2', 'u-henry');
    await refreshed(w.base, henry.refreshToken);
    expect((await wechatLogin(w.base, 'an-unknown-code')).status).toBe(401);
    w.fake.failNext('jscode2session', -1);
    expect((await wechatLogin(w.base, w.fake.issueCode('o-ivy'))).status).toBe(503);
    await call(w.base, 'GET', '/api/v1/chat/history', { token: alice.token });
    expect((await call(w.base, 'POST', '/api/v1/auth/logout', { token: alice.token })).status).toBe(204);

    const keys = w.sessionKeys();
    expect(keys).toHaveLength(4);
    // Kept sealed, for the server's own use: the newest one of each person.
    const k = authKeys(w.t.core.config.REDIS_PREFIX);
    const sealed = await w.t.core.redis.get(k.sessionKey('mp:o-alice'));
    expect(unseal(w.t.core.config.DATA_KEY, sealed!)).toBe(keys[1]);
    expect(await w.t.core.redis.ttl(k.sessionKey('mp:o-alice'))).toBeGreaterThan(0);

    const stored = await redisDump(w);
    expect(stored.length).toBeGreaterThan(10);
    expect(w.logs.length).toBeGreaterThan(0);
    expect(responses.length).toBeGreaterThan(10);
    for (const key of keys) {
      for (const spelling of spellingsOf(key)) {
        expect(responses.filter((r) => r.includes(spelling)), 'a response').toEqual([]);
        expect(stored.filter((v) => v.includes(spelling)), 'Redis').toEqual([]);
        expect(w.logs.filter((l) => l.includes(spelling)), 'the log').toEqual([]);
      }
    }
    // Nor the AppSecret.
    expect(w.logs.filter((l) => l.includes(w.fake.secret))).toEqual([]);
    expect(stored.filter((v) => v.includes(w.fake.secret))).toEqual([]);
  });

});

describe('WeChat sign-in with the default limit per address', () => {
  // TEST_ENV lifts the limit for the other suites; blank, it is the default.
  const w = useFixture(() => startWechatHttp({ SIGN_IN_RATE_PER_MINUTE: '' }));

  it('when one address signs in more than 20 times a minute, then the 21st is 429', async () => {
    expect(w.t.core.config.SIGN_IN_RATE_PER_MINUTE).toBe(20);
    await startOfAMinute();
    for (let i = 0; i < 20; i++) expect((await wechatLogin(w.base, w.fake.issueCode(`o-many-${i}`))).status, `sign-in ${i + 1}`).toBe(200);
    const r = await wechatLogin(w.base, w.fake.issueCode('o-many-20'));
    expect(refusal(r)).toMatchObject({ status: 429, code: 'rate_limited' });
    // Nor does a refresh or a development sign-in get past it.
    expect((await refresh(w.base, randomBytes(32).toString('base64url'))).status).toBe(429);
    expect((await call(w.base, 'POST', '/api/v1/auth/dev', { json: { userId: 'one-more' } })).status).toBe(429);
  }, 30_000);
});

describe('sign-in limits behind a reverse proxy (TRUST_PROXY)', () => {
  const proxied = useFixture(() => startHttp({ clock: manualClock(NOW), env: { SIGN_IN_RATE_PER_MINUTE: '2', TRUST_PROXY: 'true' } }));
  const dev = (base: string, forwardedFor: string) =>
    fetch(`${base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ userId: 'proxied' }) });

  it('when two clients come through one proxy, then each has its own limit', async () => {
    await startOfAMinute();
    expect((await dev(proxied.base, '203.0.113.7')).status).toBe(200);
    expect((await dev(proxied.base, '203.0.113.7')).status).toBe(200);
    expect((await dev(proxied.base, '203.0.113.7')).status).toBe(429);
    expect((await dev(proxied.base, '198.51.100.9')).status).toBe(200);
  });
});

describe('WeChat sign-in when WeChat is not configured', () => {
  const http = useFixture(() => startHttp(), 'all');

  it('then POST /api/v1/auth/wechat is 503 wechat_not_configured', async () => {
    expect(http.t.core.config.WECHAT_APPID).toBeUndefined();
    expect(refusal(await wechatLogin(http.base, 'a-well-formed-code'))).toEqual({ status: 503, code: 'wechat_not_configured', field: undefined });
  });
});
