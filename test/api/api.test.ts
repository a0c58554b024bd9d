import { suiteNow } from '../support/clock.js';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { z } from 'zod';
import { signToken } from '../../core/infra/tokens.js';
import { TEST_ENV, eventually, startTestCore, type TestCore } from '../support/core.js';
import { startHttp } from '../support/http.js';
import { EMPLOYER_TO_LEAVING, type Step } from '../support/wage-script.js';
import { manualClock } from '../../core/infra/clock.js';

/** The day the conversations happen: "三个月" depends on it. */
const NOW = new Date('2026-11-21T10:00:00+08:00');

// --- the reply contract (core/infra/replies.ts), checked on every chat response ------------
const OptionSchema = z.object({ label: z.string().min(1), value: z.string().min(1) }).strict();
const ReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1), options: z.array(OptionSchema).min(1).optional() }).strict(),
  z.object({ type: z.literal('image'), url: z.string().min(1), alt: z.string() }).strict(),
]);
const RepliesBody = z.object({ replies: z.array(ReplySchema).min(1) }).strict();
type Replies = z.infer<typeof RepliesBody>['replies'];
const ErrorBody = z.object({
  error: z.object({ code: z.string().min(1), message: z.string().min(1), field: z.string().optional(), requestId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(),
});

/** Untyped JSON from the server; each test asserts what it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Res {
  status: number;
  headers: Headers;
  body: Json;
}

interface Api {
  t: TestCore;
  base: string;
  req(method: string, path: string, opts?: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> }): Promise<Res>;
  /** A fresh web-chat user; returns their token. */
  login(userId?: string): Promise<string>;
  /** Sends chat text and checks the response against the reply contract. */
  send(token: string, text: string, clientMsgId?: string): Promise<Replies>;
  stop(): Promise<void>;
}

let userSeq = 0;

async function startApi(opts: Parameters<typeof startTestCore>[0] = {}): Promise<Api> {
  const http = await startHttp({ clock: manualClock(NOW), ...opts });
  const { t, base } = http;

  const api: Api = {
    t,
    base,
    async req(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body = o.body;
      if (o.json !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = JSON.stringify(o.json);
      }
      const res = await fetch(base + path, { method, headers, body });
      const raw = await res.text();
      let parsed: Json = raw;
      if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(raw);
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async login(userId = `u${process.pid}x${++userSeq}`) {
      const r = await api.req('POST', '/api/v1/auth/dev', { json: { userId } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.token as string;
    },
    async send(token, text, clientMsgId) {
      const r = await api.req('POST', '/api/v1/chat/messages', { token, json: clientMsgId ? { text, clientMsgId } : { text } });
      expect(r.status, `${text.slice(0, 40)} → ${JSON.stringify(r.body)}`).toBe(200);
      return RepliesBody.parse(r.body).replies;
    },
    async stop() {
      await http.stop();
    },
  };
  return api;
}

/** Replies as one string, options included (as WeChat would show them). */
function render(replies: Replies): string {
  return replies
    .map((r) => (r.type === 'image' ? `[图片] ${r.alt}` : [r.text, ...(r.options ?? []).map((o, i) => `${i + 1}. ${o.label}`)].join('\n')))
    .join('\n---\n');
}

/** A conversation over HTTP: each step's replies must match its pattern. */
async function talk(api: Api, token: string, steps: readonly Step[]): Promise<Replies> {
  let last: Replies = [];
  const transcript: string[] = [];
  for (const [text, pattern] of steps) {
    last = await api.send(token, text);
    transcript.push(`> ${text}`, render(last));
    expect(render(last), transcript.join('\n')).toMatch(pattern);
  }
  return last;
}

/** The answers of test/flows/wage-flow.test.ts, up to the evidence question. */
const TO_EVIDENCE: readonly Step[] = [
  ['老板拖了我三个月工资', /同意吗/],
  ['1', /我理解的是：拖欠时间「2026年8月至2026年10月（3个月）」。对吗？/],
  ['对', /单位叫什么/],
  ...EMPLOYER_TO_LEAVING,
  // Left last month: the three months owed end then. The clue platform's questions, skipped.
  ['上个月', /补充信息/],
  ['都跳过', /证据/],
];
const FROM_EVIDENCE: readonly Step[] = [
  ['没有', /怎么称呼/],
  ['张三', /手机号/],
  ['+86 138 0013 8000', /请核对[\s\S]*拖欠金额：28,500元[\s\S]*手机号：13800138000/],
  ['确认', /提交成功！您的案件编号是 QX20261121-\d{4}/],
];

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(512, 7), Buffer.from([0xff, 0xd9])]);

// =============================================================================

describe('auth, chat and health on a shared app', () => {
  const api = useFixture(() => startApi(), 'all');

  describe('POST /api/v1/auth/dev', () => {
    it('when the userId is well-formed, then a user token is returned', async () => {
      const r = await api.req('POST', '/api/v1/auth/dev', { json: { userId: 'web-abc_1' } });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        token: expect.stringMatching(/^[\w-]+\.[\w-]{43}$/),
        expiresIn: 3600,
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        refreshExpiresIn: 30 * 86400,
      });
    });

    it.each([
      ['empty', { userId: '' }],
      ['65 characters long', { userId: 'a'.repeat(65) }],
      ['markup', { userId: '<script>alert(1)</script>' }],
      ['not a string', { userId: 42 }],
      ['missing from the body', {}],
    ])('when the userId is %s, then 400 names the userId field', async (_what, json) => {
      const r = await api.req('POST', '/api/v1/auth/dev', { json });
      expect(r.status).toBe(400);
      expect(ErrorBody.parse(r.body).error).toMatchObject({ code: 'invalid', field: 'userId' });
    });

    it('when there is no body at all, then 400 names the userId field', async () => {
      const r = await api.req('POST', '/api/v1/auth/dev');
      expect(r.status).toBe(400);
      expect(ErrorBody.parse(r.body).error.field).toBe('userId');
    });

    it('when DEV_LOGIN is not set, then there is no dev login at all (404), and production refuses to start with it', async () => {
      const off = await startApi({ env: { DEV_LOGIN: '' } });
      try {
        const r = await off.req('POST', '/api/v1/auth/dev', { json: { userId: 'web-abc' } });
        expect(r.status).toBe(404);
      } finally {
        await off.stop();
      }
      await expect(startApi({ env: { NODE_ENV: 'production', REDIS_URL: inject('redisUrl'), DEV_LOGIN: '1' } })).rejects.toThrow(/DEV_LOGIN must be off/);
    });
  });

  describe('POST /api/v1/chat/messages: authentication', () => {
    const expect401 = (r: Res) => {
      expect(r.status).toBe(401);
      expect(ErrorBody.parse(r.body).error.code).toBe('unauthorized');
    };

    it('when no token is sent, then 401', async () => {
      expect401(await api.req('POST', '/api/v1/chat/messages', { json: { text: '你好' } }));
    });

    it('when the Authorization header is not a Bearer token, then 401', async () => {
      expect401(await api.req('POST', '/api/v1/chat/messages', { json: { text: '你好' }, headers: { authorization: 'Basic dXNlcjpwYXNz' } }));
    });

    it('when the token is garbage, then 401', async () => {
      expect401(await api.req('POST', '/api/v1/chat/messages', { token: 'garbage', json: { text: '你好' } }));
      expect401(await api.req('POST', '/api/v1/chat/messages', { token: 'a.b', json: { text: '你好' } }));
    });

    it('when the token has expired, then 401', async () => {
      const expired = signToken(TEST_ENV.TOKEN_SECRET, { sub: 'web:old', role: 'user' }, 60, api.t.core.clock.now().getTime() - 3600_000);
      expect401(await api.req('POST', '/api/v1/chat/messages', { token: expired, json: { text: '你好' } }));
    });

    it('when the token claims were tampered with, then 401', async () => {
      const token = await api.login('tamper1');
      const [, mac] = token.split('.');
      const forged = Buffer.from(JSON.stringify({ sub: 'web:someone-else', role: 'user', exp: 9999999999 })).toString('base64url');
      expect401(await api.req('POST', '/api/v1/chat/messages', { token: `${forged}.${mac}`, json: { text: '你好' } }));
    });

    it('when the token was signed with another secret, then 401', async () => {
      const other = signToken('another-secret-another-secret-0123', { sub: 'web:x', role: 'user' }, 3600, suiteNow().getTime());
      expect401(await api.req('POST', '/api/v1/chat/messages', { token: other, json: { text: '你好' } }));
    });
  });

  describe('POST /api/v1/chat/messages: input validation', () => {
    let token: string;
    beforeAll(async () => {
      token = await api.login();
    });

    it.each([
      ['missing', {}],
      ['a number', { text: 123 }],
      ['null', { text: null }],
      ['longer than 20,000 characters', { text: 'a'.repeat(20_001) }],
    ])('when text is %s, then 400 names the text field', async (_what, json) => {
      const r = await api.req('POST', '/api/v1/chat/messages', { token, json });
      expect(r.status).toBe(400);
      expect(ErrorBody.parse(r.body).error).toMatchObject({ code: 'invalid', field: 'text' });
    });

    it.each([
      ['contains spaces', 'a b'],
      ['is 65 characters long', 'x'.repeat(65)],
      ['is empty', ''],
      ['is a number', 7],
    ])('when clientMsgId %s, then 400 names the clientMsgId field', async (_what, clientMsgId) => {
      const r = await api.req('POST', '/api/v1/chat/messages', { token, json: { text: '你好', clientMsgId } });
      expect(r.status).toBe(400);
      expect(ErrorBody.parse(r.body).error).toMatchObject({ code: 'invalid', field: 'clientMsgId' });
    });

    it('when the JSON body is larger than 64kb, then 413', async () => {
      const r = await api.req('POST', '/api/v1/chat/messages', { token, json: { text: 'a'.repeat(70_000) } });
      expect(r.status).toBe(413);
      expect(ErrorBody.parse(r.body).error.code).toBe('payload_too_large');
      // The unread rest of the body would poison a kept-alive connection.
      expect(r.headers.get('connection')).toBe('close');
    });

    it('when the body is malformed JSON, then 400 with a JSON error', async () => {
      const r = await api.req('POST', '/api/v1/chat/messages', { token, body: '{"text": "你好"', headers: { 'content-type': 'application/json' } });
      expect(r.status).toBe(400);
      expect(ErrorBody.parse(r.body).error.code).toBe('bad_request');
    });

    it('when the body is not JSON at all, then it is refused (400/415) with a JSON error', async () => {
      const r = await api.req('POST', '/api/v1/chat/messages', { token, body: 'text=你好', headers: { 'content-type': 'text/plain' } });
      expect([400, 415]).toContain(r.status);
      ErrorBody.parse(r.body);
    });

    it('when the text is 10,000 characters, then 200 with a polite re-prompt that it is too long', async () => {
      const replies = await api.send(token, '工'.repeat(10_000));
      expect(render(replies)).toMatch(/10000个字，太长了/);
    });

    it('when 20,000 Chinese characters are sent (within 64kb), then 200 with the re-prompt', async () => {
      const replies = await api.send(token, '钱'.repeat(20_000));
      expect(render(replies)).toMatch(/太长/);
    });
  });

  describe('POST /api/v1/chat/messages: conversation', () => {
    it('when a user greets the bot, then the replies follow the contract and offer the menu as options', async () => {
      const token = await api.login();
      const replies = await api.send(token, '你好');
      const menu = replies.find((r) => r.type === 'text' && r.options);
      expect(menu).toMatchObject({ type: 'text', text: expect.stringContaining('工友助手') });
      expect(menu?.type === 'text' && menu.options?.map((o) => o.label)).toContain('反映欠薪');
    });

    it('when the same clientMsgId is sent twice, then the second response equals the first and the flow moves once', async () => {
      const token = await api.login();
      await api.send(token, '你好');
      const first = await api.send(token, '2', 'msg-A');
      expect(render(first)).toMatch(/同意吗/);
      const again = await api.send(token, '2', 'msg-A');
      expect(again).toEqual(first);
      // Had the retry acted, "2" would have answered 不同意 and left the flow.
      const next = await api.send(token, '1', 'msg-B');
      expect(render(next)).toMatch(/单位叫什么/);
    });

    it('when a clientMsgId is reused by another user, then it does not replay the first user\u2019s replies', async () => {
      const a = await api.login();
      const b = await api.login();
      await api.send(a, '你好');
      const ra = await api.send(a, '2', 'shared-id');
      expect(render(ra)).toMatch(/同意吗/);
      const rb = await api.send(b, '你好', 'shared-id');
      expect(render(rb)).not.toMatch(/同意吗/);
      expect(render(rb)).toMatch(/工友助手/);
    });

    it('when two users talk at the same time, then their conversations are independent', async () => {
      const x = await api.login();
      const y = await api.login();
      await Promise.all([api.send(x, '你好'), api.send(y, '你好')]);
      expect(render(await api.send(x, '2'))).toMatch(/同意吗/);
      // y is still at the menu: "1" is 加入工会 there, not consent.
      expect(render(await api.send(y, '1'))).toMatch(/加入工会后，您可以/);
      expect(render(await api.send(x, '1'))).toMatch(/单位叫什么/);
    });

    it('when a user has no cases, then GET /api/v1/me/cases is an empty list', async () => {
      const token = await api.login();
      const r = await api.req('GET', '/api/v1/me/cases', { token });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ cases: [] });
    });

    it('when a user asks for updates before anything happened, then the list is empty', async () => {
      const token = await api.login();
      const r = await api.req('GET', '/api/v1/chat/updates?after=0', { token });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ items: [], next: 0 });
      const junk = await api.req('GET', '/api/v1/chat/updates?after=-5', { token });
      expect(junk.body).toEqual({ items: [], next: 0 });
    });
  });

  describe('health and unknown paths', () => {
    it('when /healthz and /readyz are asked, then both answer 200', async () => {
      const h = await api.req('GET', '/healthz');
      expect(h.status).toBe(200);
      expect(h.body).toEqual({ ok: true });
      const r = await api.req('GET', '/readyz');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ ok: true });
    });

    it('when a path does not exist, then 404 with a JSON error', async () => {
      const r = await api.req('GET', '/api/v1/nope');
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/application\/json/);
      expect(ErrorBody.parse(r.body).error.code).toBe('not_found');
    });

    it('when a known path is called with the wrong method, then 405 with a JSON error', async () => {
      const r = await api.req('GET', '/api/v1/chat/messages');
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toContain('POST');
      expect(ErrorBody.parse(r.body).error.code).toBe('method_not_allowed');
    });

    it('when / is opened, then the web chat page is served', async () => {
      const r = await api.req('GET', '/');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(r.body).toContain('工友');
    });
  });
});

// =============================================================================

describe('a wage report over HTTP, then cases, updates and staff', () => {
  const api = useFixture(() => startApi({ workers: true }), 'all');
  let reporter: string;
  let finalReplies: Replies;
  let caseNo: string;
  let assignee: string;

  beforeAll(async () => {
    reporter = await api.login('reporter-1');
    finalReplies = await talk(api, reporter, [...TO_EVIDENCE, ...FROM_EVIDENCE]);
    caseNo = render(finalReplies).match(/QX20261121-\d{4}/)![0];
    const routed = await eventually(async () => {
      const c = await api.t.core.cases.getByNo(caseNo);
      return c?.assignee ? c : null;
    }, 8000, 'assignment');
    assignee = routed.assignee!.staffId;
  });

  const staffToken = async (staffId: string) => {
    const r = await api.req('POST', '/api/v1/admin/staff-tokens', { token: TEST_ENV.ADMIN_TOKEN, json: { staffId } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.token as string;
  };

  it('when every question is answered, then the report is submitted and the case number is given', () => {
    expect(render(finalReplies)).toMatch(/已交给东龙镇第一网格处理，工作人员会在\d+个工作日内联系您，最晚\d+月\d+日（周.）(?:\d\d:\d\d)?；接单后\d+个工作日内办结，最晚\d+月\d+日（周.）/);
    expect(['gw-001', 'gw-002', 'gw-003']).toContain(assignee);
  });

  /** The case list at `path` as `token` sees it, which must be a 200 holding exactly one case. */
  const listOfOne = async (path: string, token: string) => {
    const r = await api.req('GET', path, { token });
    expect(r.status).toBe(200);
    expect(r.body.cases).toHaveLength(1);
    return r.body;
  };

  it('when the reporter lists their cases, then the case is there with its status and without the phone number', async () => {
    const body = await listOfOne('/api/v1/me/cases', reporter);
    expect(body.cases[0]).toMatchObject({
      caseNo,
      kind: 'wage_arrears',
      status: 'assigned',
      statusText: '已分派，等待工作人员接单',
      township: '东龙镇',
      employer: '青溪宏达建筑工程有限公司',
      amount: 28500,
    });
    expect(JSON.stringify(body)).not.toContain('13800138000');
  });

  it('when the reporter opens the case by number, then it is returned', async () => {
    const r = await api.req('GET', `/api/v1/me/cases/${caseNo}`, { token: reporter });
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ caseNo, status: 'assigned' });
    expect(r.body.case.history.length).toBeGreaterThan(0);
  });

  it("when another user asks for the reporter's case number, then 404 (its existence is not disclosed)", async () => {
    const other = await api.login('someone-else');
    const r = await api.req('GET', `/api/v1/me/cases/${caseNo}`, { token: other });
    expect(r.status).toBe(404);
    expect(ErrorBody.parse(r.body).error.code).toBe('not_found');
    const none = await api.req('GET', '/api/v1/me/cases/QX20990101-0001', { token: reporter });
    expect(none.status).toBe(404);
  });

  it('when the workers have routed the case, then chat updates carry the "已交给…处理" notice', async () => {
    const updates = await eventually(async () => {
      const r = await api.req('GET', '/api/v1/chat/updates?after=0', { token: reporter });
      return JSON.stringify(r.body).includes('已交给') ? r.body : null;
    }, 8000, 'reporter notice');
    expect(updates.next).toBe(updates.items.length);
    const text = updates.items.flatMap((i: { replies: Replies }) => i.replies.map((r) => (r.type === 'text' ? r.text : ''))).join('\n');
    expect(text).toContain(`您的案件 ${caseNo} 已交给东龙镇第一网格处理`);
    // Reading from `next` returns nothing new.
    const after = await api.req('GET', `/api/v1/chat/updates?after=${updates.next}`, { token: reporter });
    expect(after.body.items).toEqual([]);
  });

  describe('staff', () => {
    it('when no admin token is given, then issuing a staff token is 401', async () => {
      const r = await api.req('POST', '/api/v1/admin/staff-tokens', { json: { staffId: 'gw-001' } });
      expect(r.status).toBe(401);
    });

    it('when a wrong admin token is given, then issuing a staff token is 403', async () => {
      const r = await api.req('POST', '/api/v1/admin/staff-tokens', { token: 'not-the-admin-token', json: { staffId: 'gw-001' } });
      expect(r.status).toBe(403);
      const user = await api.req('POST', '/api/v1/admin/staff-tokens', { token: reporter, json: { staffId: 'gw-001' } });
      expect(user.status).toBe(403);
    });

    it('when the staff id is not in the directory, then 400 names the staffId field and says why in Chinese', async () => {
      const cases: [unknown, string][] = [
        [{ staffId: 'gw-999' }, '名录中没有 gw-999'],
        [{ staffId: '' }, 'staffId 不能为空'],
        [{}, 'staffId 必须是字符串'],
        [{ staffId: 7 }, 'staffId 必须是字符串'],
        [{ staffId: 'x'.repeat(65) }, 'staffId 不能超过64个字符'],
      ];
      for (const [json, message] of cases) {
        const r = await api.req('POST', '/api/v1/admin/staff-tokens', { token: TEST_ENV.ADMIN_TOKEN, json });
        expect(r.status).toBe(400);
        expect(ErrorBody.parse(r.body).error).toMatchObject({ field: 'staffId', message });
      }
    });

    it('when the body is JSON but not an object, then 400 names the body and the reason is Chinese', async () => {
      const r = await api.req('POST', '/api/v1/admin/staff-tokens', { token: TEST_ENV.ADMIN_TOKEN, json: ['gw-001'] });
      expect(r.status).toBe(400);
      const { error } = ErrorBody.parse(r.body);
      expect(error.field).toBe('body');
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(error.message).not.toMatch(/Invalid|expected/);
    });

    it('when a staff token is issued, then it names the staff member', async () => {
      const r = await api.req('POST', '/api/v1/admin/staff-tokens', { token: TEST_ENV.ADMIN_TOKEN, json: { staffId: 'gw-004' } });
      expect(r.status).toBe(201);
      expect(r.body.staff).toEqual({ id: 'gw-004', name: '李桂英', role: 'grid_worker' });
    });

    it('when the assignee lists their cases, then the case is there with the full phone number', async () => {
      const body = await listOfOne('/api/v1/staff/cases', await staffToken(assignee));
      expect(body.cases[0]).toMatchObject({
        caseNo,
        grid: '东龙镇第一网格',
        community: '新塘社区',
        reporter: { name: '张三', phone: '13800138000' },
        assignee: { staffId: assignee },
      });
    });

    it('when another grid worker lists their cases, then the list is empty', async () => {
      const sameGrid = ['gw-001', 'gw-002', 'gw-003'].find((id) => id !== assignee)!;
      for (const id of [sameGrid, 'gw-004']) {
        const r = await api.req('GET', '/api/v1/staff/cases', { token: await staffToken(id) });
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ cases: [] });
      }
    });

    it('when a user token is used on staff routes, then 403', async () => {
      for (const path of ['/api/v1/staff/cases', '/api/v1/staff/inbox']) {
        const r = await api.req('GET', path, { token: reporter });
        expect(r.status).toBe(403);
        expect(ErrorBody.parse(r.body).error.code).toBe('forbidden');
      }
    });

    it('when a staff token is used on user routes, then 403', async () => {
      const r = await api.req('POST', '/api/v1/chat/messages', { token: await staffToken(assignee), json: { text: '你好' } });
      expect(r.status).toBe(403);
    });

    it('when the assignee reads their inbox, then it holds the assignment notice', async () => {
      const token = await staffToken(assignee);
      const inbox = await eventually(async () => {
        const r = await api.req('GET', '/api/v1/staff/inbox', { token });
        return r.body.items?.length > 0 ? r.body : null;
      }, 8000, 'staff notice');
      const text = JSON.stringify(inbox.items);
      expect(text).toContain('【新案件】');
      expect(text).toContain(`接单 ${caseNo}`);
      expect(text).toContain('13800138000');
    });
  });
});

// =============================================================================

describe('POST /api/v1/chat/files (MAX_UPLOAD_MB=1)', () => {
  const api = useFixture(() => startApi({ env: { MAX_UPLOAD_MB: '1' } }), 'all');
  let token: string;
  const upload = (body: BodyInit, headers: Record<string, string>, tok = token) => api.req('POST', '/api/v1/chat/files', { token: tok, body, headers });
  const stored = () => readdirSync(api.t.evidenceDir).length;

  beforeAll(async () => {
    token = await api.login();
    await talk(api, token, TO_EVIDENCE);
  });

  it('when no token is sent, then 401 and nothing is stored', async () => {
    const r = await upload(JPEG, { 'content-type': 'image/jpeg', 'x-file-name': 'a.jpg' }, '');
    expect(r.status).toBe(401);
    expect(stored()).toBe(0);
  });

  it('when a JPEG is sent at the evidence step, then it is acknowledged and stored encrypted', async () => {
    const r = await upload(JPEG, { 'content-type': 'image/jpeg', 'x-file-name': encodeURIComponent('工资条.jpg') });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(render(RepliesBody.parse(r.body).replies)).toMatch(/收到「工资条\.jpg」，共1份/);
    expect(stored()).toBe(1);
  });

  it('when an .exe is sent, then a Chinese re-prompt comes back and nothing is stored', async () => {
    const r = await upload(Buffer.from('MZ\x90\x00fake exe'), { 'content-type': 'application/octet-stream', 'x-file-name': 'setup.exe' });
    expect(r.status).toBe(200);
    expect(render(RepliesBody.parse(r.body).replies)).toMatch(/「setup\.exe」这种文件暂时收不了/);
    expect(stored()).toBe(1);
  });

  it('when the file name header is badly encoded, then 400 names X-File-Name', async () => {
    const r = await upload(JPEG, { 'content-type': 'image/jpeg', 'x-file-name': '%E5%zz.jpg' });
    expect(r.status).toBe(400);
    expect(ErrorBody.parse(r.body).error.field).toBe('X-File-Name');
  });

  it('when the body is larger than MAX_UPLOAD_MB, then 413 and nothing is stored', async () => {
    const big = Buffer.alloc(2 * 1048576, 1);
    big.set(JPEG.subarray(0, 6));
    const r = await upload(big, { 'content-type': 'image/jpeg', 'x-file-name': 'big.jpg' });
    expect(r.status).toBe(413);
    expect(ErrorBody.parse(r.body).error.message).toMatch(/不能超过1MB/);
    expect(r.headers.get('connection')).toBe('close');
    expect(stored()).toBe(1);
  });

  it('when a too-large body is streamed without a length, then 413, the connection is closed and nothing is stored', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(2);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= 8) return c.close();
        sent++;
        c.enqueue(chunk);
      },
    });
    const res = await fetch(`${api.base}/api/v1/chat/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg', 'x-file-name': 'streamed.jpg' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect(stored()).toBe(1);
  });

  it('when the evidence is finished, then the review lists the uploaded file', async () => {
    await talk(api, token, [
      ['完成', /怎么称呼/],
      ['张三', /手机号/],
      ['13800138000', /证据材料：1份（工资条\.jpg）/],
    ]);
  });

  it('when a file is sent at a question that needs text, then the question is asked again and nothing is stored', async () => {
    const other = await api.login();
    await api.send(other, '你好');
    await api.send(other, '2');
    const r = await upload(JPEG, { 'content-type': 'image/jpeg', 'x-file-name': 'x.jpg' }, other);
    expect(r.status).toBe(200);
    expect(render(RepliesBody.parse(r.body).replies)).toMatch(/这一步需要文字回答[\s\S]*同意吗/);
    expect(stored()).toBe(1);
  });
});

// =============================================================================

describe('rate limit (CHAT_RATE_PER_MINUTE=3)', () => {
  const api = useFixture(() => startApi({ env: { CHAT_RATE_PER_MINUTE: '3' } }), 'all');

  it('when a user sends a 4th message within a minute, then 429 with a Chinese message, and other users are unaffected', async () => {
    // The limit counts per clock minute: keep all four inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 57_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
    const token = await api.login();
    for (let i = 0; i < 3; i++) await api.send(token, '你好');
    const r = await api.req('POST', '/api/v1/chat/messages', { token, json: { text: '你好' } });
    expect(r.status).toBe(429);
    expect(ErrorBody.parse(r.body).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/太快了/) });
    const files = await api.req('POST', '/api/v1/chat/files', { token, body: JPEG, headers: { 'content-type': 'image/jpeg' } });
    expect(files.status).toBe(429);
    await api.send(await api.login(), '你好');
  });
});
