/*
 * The operator's kit on the real app: bull-board behind the admin sign-in
 * (cookie flags, wrong token, sign-out, cross-site requests), /metrics
 * behind its token (chat turns by flow, HTTP latency by route pattern,
 * queue depth per queue, job latency), the OpenAPI document (3.1, every
 * route, request schemas that refuse what the routes refuse, the docs
 * page), security headers (the page, an API answer, an evidence download)
 * and request ids (round trip, error bodies, every log line of a request,
 * even from deep in core).
 */
import { get as httpGet } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApp, registeredRoutes } from '../../api/app.js';
import { openapiPath, undocumented } from '../../api/openapi.js';
import { metricsApp } from '../../api/operator.js';
import { closeServer, listen } from '../../api/server.js';
import { routeCase } from '../../core/cases/routing.js';
import { route } from '../../core/cases/queue.js';
import { manualClock } from '../../core/infra/clock.js';
import { createLogger } from '../../core/infra/logger.js';
import { QUEUES } from '../../core/infra/queues.js';
import { signToken } from '../../core/infra/tokens.js';
import { createWageCase } from '../support/cases.js';
import { TEST_ENV, eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';

const NOW = '2026-11-21T10:00:00+08:00';
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function signIn(base: string, userId: string): Promise<{ token: string; refreshToken: string }> {
  const r = await fetch(`${base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  expect(r.status).toBe(200);
  return (await r.json()) as { token: string; refreshToken: string };
}

async function say(base: string, token: string, text: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/chat/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { replies: { text?: string }[] }).replies.map((x) => x.text ?? '').join('\n');
}

/** The `name=value` of a Set-Cookie header, and its attributes in lower case. */
function setCookie(res: Response, name: string): { pair: string; value: string; attrs: string[] } | null {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) return null;
  const [pair, ...attrs] = line.split(';').map((p) => p.trim());
  return { pair: pair!, value: pair!.slice(name.length + 1), attrs: attrs.map((a) => a.toLowerCase()) };
}

const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() });

describe('/admin/queues behind the admin sign-in', () => {
  // TRUST_PROXY: a request that came over https (X-Forwarded-Proto) gets a Secure cookie.
  const http = useFixture(() => startHttp({ env: { TRUST_PROXY: '1' } }), 'all');
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${http.base}${path}`, { headers, redirect: 'manual' });
  async function adminSignIn(token: string, headers: Record<string, string> = {}) {
    const f = form({ token });
    return fetch(`${http.base}/admin/sign-in`, { method: 'POST', headers: { 'content-type': f['content-type'], ...headers }, body: f.body, redirect: 'manual' });
  }

  it('without the cookie, the page sends a browser to sign in and the API answers 401', async () => {
    const page = await get('/admin/queues', { accept: 'text/html' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/admin/sign-in');
    const api = await get('/admin/queues/api/queues', { accept: 'application/json' });
    expect(api.status).toBe(401);
    expect(((await api.json()) as Json).error.code).toBe('unauthorized');
    // Not even with the ADMIN_TOKEN as a Bearer header: the board is for a signed-in browser.
    expect((await get('/admin/queues/api/queues', { authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}` })).status).toBe(401);
    const signInPage = await get('/admin/sign-in');
    expect(signInPage.status).toBe(200);
    expect(await signInPage.text()).toMatch(/<form method="post" action="\/admin\/sign-in">/);
  });

  it('a wrong token is refused without a cookie', async () => {
    const res = await adminSignIn('wrong-token-0123456789');
    expect(res.status).toBe(403);
    expect(setCookie(res, 'gy_admin')).toBeNull();
    expect(await res.text()).toMatch(/管理员凭证不正确/);
    expect((await adminSignIn('')).status).toBe(403);
  });

  it('after sign-in the board shows every queue; the cookie is HttpOnly, SameSite=Strict, for /admin, short-lived; sign-out ends it', async () => {
    const res = await adminSignIn(TEST_ENV.ADMIN_TOKEN);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/queues');
    const c = setCookie(res, 'gy_admin')!;
    expect(c).not.toBeNull();
    expect(c.attrs).toContain('httponly');
    expect(c.attrs).toContain('samesite=strict');
    expect(c.attrs).toContain('path=/admin');
    expect(c.attrs).not.toContain('secure'); // plain http here
    const expires = Date.parse(c.attrs.find((a) => a.startsWith('expires='))!.slice('expires='.length));
    expect(expires - Date.now()).toBeGreaterThan(3600_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(2 * 3600_000 + 5000);
    const cookie = { cookie: c.pair };

    const page = await get('/admin/queues', { ...cookie, accept: 'text/html' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<div id="root">/);
    // bull-board's own, looser policy: inline styles, still no inline or foreign script.
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const asset = html.match(/src="(static\/js\/[^"]+\.js)"/)![1]!;
    expect((await get(`/admin/queues/${asset}`, cookie)).status).toBe(200);

    const api = await get('/admin/queues/api/queues', { ...cookie, accept: 'application/json' });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as Json).queues.map((q: { name: string }) => q.name) as string[];
    for (const q of Object.values(QUEUES)) expect(names.some((n) => n === q || n.endsWith(`:${q}`) || n.endsWith(q))).toBe(true);
    expect(names).toHaveLength(Object.values(QUEUES).length);

    // A state-changing request from another site is refused, cookie or not.
    const cross = await fetch(`${http.base}/admin/queues/api/queues/pause`, { method: 'PUT', headers: { ...cookie, origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);

    // Signed in, the sign-in page offers the sign-out (a POST: nothing changes on a GET).
    expect(await (await get('/admin/sign-in', cookie)).text()).toMatch(/<form method="post" action="\/admin\/sign-out">/);
    const out = await fetch(`${http.base}/admin/sign-out`, { method: 'POST', headers: cookie, redirect: 'manual' });
    expect(out.status).toBe(303);
    const cleared = setCookie(out, 'gy_admin')!;
    expect(cleared.value).toBe('');
    expect(Date.parse(cleared.attrs.find((a) => a.startsWith('expires='))!.slice(8))).toBeLessThan(Date.now());
    // The browser now sends what sign-out left it: nothing.
    expect((await get('/admin/queues/api/queues', { cookie: cleared.pair })).status).toBe(401);
  });

  it('a forged or tampered cookie is refused, and over https the cookie is Secure', async () => {
    const forged = signToken(TEST_ENV.TOKEN_SECRET, { sub: 'admin', role: 'admin' }, 3600, Date.now());
    expect((await get('/admin/queues/api/queues', { cookie: `gy_admin=${forged}` })).status).toBe(401);
    const res = await adminSignIn(TEST_ENV.ADMIN_TOKEN, { 'x-forwarded-proto': 'https' });
    const c = setCookie(res, 'gy_admin')!;
    expect(c.attrs).toContain('secure');
    const tampered = c.value.slice(0, -2) + (c.value.endsWith('AA') ? 'BB' : 'AA');
    expect((await get('/admin/queues/api/queues', { cookie: `gy_admin=${tampered}` })).status).toBe(401);
    // A sign-in posted from another site is refused.
    expect((await adminSignIn(TEST_ENV.ADMIN_TOKEN, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('without METRICS_TOKEN there is no /metrics', async () => {
    expect((await get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(404);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const http = useFixture(() => startHttp({ workers: true, clock: manualClock(NOW), env: { METRICS_TOKEN } }), 'all');
  const scrape = async () => {
    const r = await fetch(`${http.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return r.text();
  };

  it('is refused without the token or with a wrong one', async () => {
    expect((await fetch(`${http.base}/metrics`)).status).toBe(401);
    expect((await fetch(`${http.base}/metrics`, { headers: { authorization: 'Bearer wrong-metrics-token-0000' } })).status).toBe(403);
  });

  it('after chat turns and a routed case: turns by flow, latency by route pattern (no ids), depth of every queue, job latency', async () => {
    const { core } = http.t;
    // One registry per process: what ran before in this process counts too, so the figures are compared with a scrape before.
    const before = await scrape();
    const count = (text: string, re: RegExp) => Number(text.match(re)?.[1] ?? 0);
    const caseReads = /^gongyou_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me\/cases\/:caseNo",status="200"\} (\d+)$/m;
    const chatPosts = /^gongyou_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/chat\/messages",status="200"\} (\d+)$/m;
    const { token } = await signIn(http.base, 'metrics1');
    await say(http.base, token, '你好');
    expect(await say(http.base, token, '老板拖了我三个月工资')).toBeTruthy();
    await say(http.base, token, '好的');

    const c = await createWageCase(core, { userKey: 'web:metrics1' });
    await route(core, c.id);
    await eventually(async () => (await core.cases.get(c.id))?.status === 'assigned', 8000, 'the case routed');
    const mine = await fetch(`${http.base}/api/v1/me/cases/${c.caseNo}`, { headers: { authorization: `Bearer ${token}` } });
    expect(mine.status).toBe(200);
    expect((await fetch(`${http.base}/no/such/path/123456789`)).status).toBe(404);

    const text = await scrape();
    // Chat turns by the flow the person was in: the first two at the menu, the third inside the wage report.
    const turns = (flow: string) => new RegExp(`^gongyou_chat_turns_total\\{flow="${flow}"\\} (\\d+)`, 'm');
    expect(count(text, turns('none')) - count(before, turns('none'))).toBe(2);
    expect(count(text, turns('wage')) - count(before, turns('wage'))).toBe(1);
    // HTTP latency by the route's pattern and status.
    expect(text).toMatch(caseReads);
    expect(count(text, caseReads)).toBe(count(before, caseReads) + 1);
    expect(count(text, chatPosts)).toBe(count(before, chatPosts) + 3);
    expect(text.split('\n').some((l) => l.startsWith('gongyou_http_request_duration_seconds_bucket{') && l.includes('le="0.1"') && l.includes('route="/api/v1/chat/messages"'))).toBe(true);
    expect(text).toMatch(/route="\(unmatched\)",status="404"/);
    // No case number, id or raw path in any label.
    expect(text).not.toContain(c.caseNo);
    expect(text).not.toContain('123456789');
    const known = new Set(registeredRoutes(createApp({ core, chat: http.t.chat })).map((r) => r.path));
    for (const [, label] of text.matchAll(/route="([^"]*)"/g)) expect(known.has(label!) || label === '(unmatched)' || label === '/admin/queues/*', label).toBe(true);
    // Depth of every queue, by state, read at the scrape.
    for (const q of Object.values(QUEUES)) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(text).toMatch(new RegExp(`^gongyou_queue_jobs\\{queue="${q}",state="${state}"\\} \\d+$`, 'm'));
    }
    // The cases' outbox: what is due now and later (its notices went: none due).
    expect(text).toMatch(/^gongyou_queue_jobs\{queue="outbox-cases",state="waiting"\} 0$/m);
    expect(text).toMatch(/^gongyou_queue_jobs\{queue="outbox-cases",state="delayed"\} \d+$/m);
    // The cases to route (this one was: none due), and how long its routing took, as a job's of queue `routing`.
    expect(text).toMatch(/^gongyou_queue_jobs\{queue="routing-cases",state="waiting"\} 0$/m);
    expect(Number(text.match(/^gongyou_job_duration_seconds_count\{queue="routing",outcome="completed"\} (\d+)/m)?.[1])).toBeGreaterThanOrEqual(1);
    // Process metrics.
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('processes without the API (workers, bot) serve the same /metrics on a port of their own', async () => {
    const server = await listen(metricsApp(http.t.core), 0, '127.0.0.1');
    try {
      const addr = server.address();
      const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^gongyou_queue_jobs\{queue="sla",state="delayed"\} \d+$/m);
      // Nothing else: no API, no pages.
      expect((await fetch(`${base}/api/v1/client-config`)).status).toBe(404);
      expect((await fetch(`${base}/`)).status).toBe(404);
    } finally {
      await closeServer(server);
    }
  });

  it('a message given up for good on the outbound queue is counted', async () => {
    // A notice nobody knows fails at once and for good (UnrecoverableError).
    await http.t.core.queues.add('outbound', 'no-such-notice', {}, 'operator-test-fail-1');
    await eventually(async () => /^gongyou_outbound_failures_total\{notice="no-such-notice"\} 1$/m.test(await scrape()), 8000, 'the failure counted');
    expect(await scrape()).toMatch(/^gongyou_job_duration_seconds_count\{queue="outbound",outcome="failed"\} [1-9]/m);
  });

  it('a reminder and a lapse of a case are counted', async () => {
    const { core } = http.t;
    const c = await createWageCase(core, {});
    const d = await routeCase(core, c.id);
    expect(d).toBeTruthy();
    const before = await scrape();
    const count = (text: string, re: RegExp) => Number(text.match(re)?.[1] ?? 0);
    const { slaProcessor } = await import('../../core/cases/jobs.js');
    const run = slaProcessor(core);
    const seq = (await core.cases.get(c.id))!.assignmentSeq;
    await run({ name: 'accept-reminder', data: { caseId: c.id, seq } } as never);
    await run({ name: 'accept-deadline', data: { caseId: c.id, seq } } as never);
    const after = await scrape();
    expect(count(after, /^gongyou_reminders_sent_total\{kind="case-accept"\} (\d+)/m)).toBe(count(before, /^gongyou_reminders_sent_total\{kind="case-accept"\} (\d+)/m) + 1);
    expect(count(after, /^gongyou_lapses_total\{kind="case-accept"\} (\d+)/m)).toBe(count(before, /^gongyou_lapses_total\{kind="case-accept"\} (\d+)/m) + 1);
  });
});

/** A small JSON Schema check: enough of the vocabulary zod-openapi writes for request bodies. */
function validates(schema: Json, value: unknown): boolean {
  if (schema.anyOf) return schema.anyOf.some((s: Json) => validates(s, value));
  if (schema.oneOf) return schema.oneOf.filter((s: Json) => validates(s, value)).length === 1;
  if ('const' in schema && value !== schema.const) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const o = value as Record<string, unknown>;
      if ((schema.required ?? []).some((k: string) => !(k in o))) return false;
      for (const [k, v] of Object.entries(o)) {
        const p = schema.properties?.[k];
        if (p ? !validates(p, v) : schema.additionalProperties === false) return false;
      }
      return true;
    }
    case 'string':
      if (typeof value !== 'string') return false;
      if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return false;
      if (schema.minLength !== undefined && [...value].length < schema.minLength) return false;
      return schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(value);
    case 'number':
    case 'integer':
      return typeof value === 'number' && (schema.type === 'number' || Number.isInteger(value));
    case 'boolean':
      return typeof value === 'boolean';
    case undefined:
      return true;
    default:
      return false;
  }
}

describe('the OpenAPI document and the docs page', () => {
  const http = useFixture(() => startHttp({ env: { METRICS_TOKEN } }), 'all');

  it('is OpenAPI 3.1 with its security schemes, and lists exactly the routes the app answers, each described', async () => {
    const res = await fetch(`${http.base}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Json;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.components.securitySchemes.userToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.staffToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.adminSession).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'gy_admin' });

    const routes = registeredRoutes(createApp({ core: http.t.core, chat: http.t.chat }));
    expect(routes.length).toBeGreaterThan(50);
    expect(undocumented(routes), 'describe these routes in api/openapi.ts (OPS)').toEqual([]);
    const inDoc = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    const inApp = routes.map((r) => `${r.method} ${openapiPath(r.path)}`);
    expect([...inDoc].sort()).toEqual([...new Set(inApp)].sort());
    for (const path of ['/api/v1/chat/messages', '/api/v1/staff/cases/{caseNo}/resolve', '/metrics', '/admin/sign-in', '/api/v1/openapi.json', '/api/docs']) {
      expect(doc.paths[path], path).toBeTruthy();
    }
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        expect(op['x-undocumented'], `${method} ${path}`).toBeUndefined();
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        for (const p of path.match(/\{[^}]+\}/g) ?? []) expect(op.parameters.some((x: Json) => x.in === 'path' && `{${x.name}}` === p), `${method} ${path} ${p}`).toBe(true);
      }
    }
    expect(doc.paths['/api/v1/me/cases'].get.security).toEqual([{ userToken: [] }]);
    expect(doc.paths['/api/v1/staff/cases'].get.security).toEqual([{ staffToken: [] }]);
    expect(doc.paths['/api/v1/admin/stats'].get.security).toEqual([{ adminToken: [] }]);
    expect(doc.paths['/api/v1/me/cases'].get.responses['200'].content['application/json'].schema).toBeTruthy();
  });

  it('its request schema for /api/v1/chat/messages refuses what the route refuses', async () => {
    const doc = (await (await fetch(`${http.base}/api/v1/openapi.json`)).json()) as Json;
    const schema = doc.paths['/api/v1/chat/messages'].post.requestBody.content['application/json'].schema;
    const { token } = await signIn(http.base, 'openapi1');
    const cases: [unknown, boolean][] = [
      [{ text: '你好' }, true],
      [{ text: '你好', clientMsgId: 'm-1_a' }, true],
      [{ text: 'x'.repeat(20_000) }, true],
      [{ text: 'x'.repeat(20_001) }, false],
      [{ text: 42 }, false],
      [{}, false],
      [{ text: '你好', clientMsgId: 'has space' }, false],
      [{ text: '你好', clientMsgId: 'a'.repeat(65) }, false],
    ];
    for (const [body, ok] of cases) {
      expect(validates(schema, body), JSON.stringify(body).slice(0, 60)).toBe(ok);
      const r = await fetch(`${http.base}/api/v1/chat/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (ok) {
        await r.arrayBuffer();
        continue;
      }
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      await r.arrayBuffer();
    }
  });

  it('the docs page lists the routes from the document, self-contained', async () => {
    const res = await fetch(`${http.base}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('/api/v1/chat/messages');
    expect(html).toContain('/api/v1/staff/cases/{caseNo}/resolve');
    expect(html).toContain('发一条文字消息');
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});

describe('security headers', () => {
  const http = useFixture(() => startHttp({ clock: manualClock(NOW) }), 'all');

  const strict = (res: Response) => {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  };

  it('the web chat page: a strict CSP, its script and style as files with their types and a long cache', async () => {
    const res = await fetch(`${http.base}/`);
    expect(res.status).toBe(200);
    strict(res);
    const html = await res.text();
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    for (const tag of html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(tag).toMatch(/^<script src="[^"]+"><\/script>$/);
    const js = html.match(/<script src="([^"]+)"/)![1]!;
    const css = html.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!;
    expect(js).toMatch(/^\/static\/chat\.js\?v=[0-9a-f]+$/);
    expect(css).toMatch(/^\/static\/chat\.css\?v=[0-9a-f]+$/);
    const script = await fetch(`${http.base}${js}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toMatch(/max-age=\d{6,}/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toMatch(/'use strict'/);
    const style = await fetch(`${http.base}${css}`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    // A browser revalidating (fetch() would add Cache-Control: no-cache, which forbids the 304).
    const again = await new Promise<number>((resolve, reject) =>
      httpGet(`${http.base}${css}`, { headers: { 'if-none-match': style.headers.get('etag')! } }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      }).on('error', reject),
    );
    expect(again).toBe(304);
  });

  it('an API answer and an error carry them too', async () => {
    const ok = await fetch(`${http.base}/api/v1/client-config`);
    expect(ok.status).toBe(200);
    strict(ok);
    const refused = await fetch(`${http.base}/api/v1/me/cases`);
    expect(refused.status).toBe(401);
    strict(refused);
  });

  it('an evidence download is nosniff and an attachment', async () => {
    const { core, chat } = http.t;
    const c = await createWageCase(core, {});
    const bytes = Buffer.from('<html><script>alert(1)</script></html>');
    const id = chat.evidence.save(bytes);
    await core.cases.update(c.id, 'test', (cur) => ({
      record: { ...cur, evidence: [{ id, name: '工资条.jpg', mediaType: 'image/jpeg', size: bytes.length }] },
      action: 'evidence',
      detail: id,
    }));
    const d = await routeCase(core, c.id);
    const staff = `Bearer ${signToken(TEST_ENV.TOKEN_SECRET, { sub: d!.staffId, role: 'staff' }, 600, core.clock.now().getTime())}`;
    const res = await fetch(`${http.base}/api/v1/staff/cases/${c.caseNo}/evidence/${id}`, { headers: { authorization: staff } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe('request ids', () => {
  const lines: Json[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  const clock = manualClock(NOW);
  const http = useFixture(async () => {
    const t = await startTestCore({ clock });
    // Every log line of this app, deep core included, to the sink (the app takes core.log when built).
    t.core.log = createLogger('debug', sink);
    return startHttp({}, t).then((h) => ({ ...h, stop: async () => (await h.stop(), await t.stop()) }));
  }, 'all');

  it('a sane incoming id comes back, is in the error body and in every log line of that request, even from core', async () => {
    const { refreshToken } = await signIn(http.base, 'rid1');
    const refresh = (id?: string) =>
      fetch(`${http.base}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(id ? { 'x-request-id': id } : {}) },
        body: JSON.stringify({ refreshToken }),
      });
    expect((await refresh()).status).toBe(200);
    // The same refresh token again, long after: a copy. core/auth logs it and signs the person out.
    clock.advance(5 * 60_000);
    const id = 'trace-Abc_123-xyz';
    const res = await refresh(id);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe(id);
    expect(((await res.json()) as Json).error.requestId).toBe(id);
    const mine = lines.filter((l) => l.requestId === id);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['a refresh token was used twice: the person is signed out everywhere', 'request']));
    expect(mine.find((l) => l.msg === 'request')).toMatchObject({ method: 'POST', route: '/api/v1/auth/refresh', status: 401 });
  });

  it('an id that is not sane is replaced; without one, one is made; each answer has its own', async () => {
    const bad = await fetch(`${http.base}/api/v1/me/cases`, { headers: { 'x-request-id': 'x'.repeat(65) } });
    const made = bad.headers.get('x-request-id')!;
    expect(made).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(made).not.toBe('x'.repeat(65));
    expect(((await bad.json()) as Json).error.requestId).toBe(made);
    const weird = await fetch(`${http.base}/healthz`, { headers: { 'x-request-id': 'a b<c>' } });
    expect(weird.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const a = await fetch(`${http.base}/healthz`);
    const b = await fetch(`${http.base}/healthz`);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    // A log line written outside any request has no requestId.
    http.t.core.log.info('outside');
    expect(lines.at(-1)).toMatchObject({ msg: 'outside' });
    expect(lines.at(-1).requestId).toBeUndefined();
  });
});
