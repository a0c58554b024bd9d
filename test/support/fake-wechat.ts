import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A local stand-in for WeChat's server API (api.weixin.qq.com), answering
 * as WeChat documents: JSON with `errcode`/`errmsg`, HTTP 200 even on
 * errors. It knows the three calls the app makes — mini-program sign-in
 * (`/sns/jscode2session`), the stable access token (`/cgi-bin/stable_token`)
 * and subscribe messages (`/cgi-bin/message/subscribe/send`) — and keeps
 * what a test needs to look at: every call, every message delivered.
 * Time is real time (codes live 5 minutes, tokens 2 hours).
 */

export type FakeWechatApi = 'jscode2session' | 'stable_token' | 'subscribe';

export interface FakeWechatCall {
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body of a POST, else null. */
  body: unknown;
}

export interface FakeWechatMessage {
  toUser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  at: Date;
}

export interface FakeWechat {
  /** `http://127.0.0.1:<port>`: the client's baseUrl. */
  url: string;
  appId: string;
  secret: string;
  /** A one-time sign-in code for `openid` (what wx.login gives the mini-program): valid 5 minutes, once. */
  issueCode(openid: string, opts?: { unionid?: string }): string;
  /** The person accepted `n` one-time subscriptions to the template (wx.requestSubscribeMessage). */
  grant(openid: string, templateId: string, n?: number): void;
  /** Messages delivered, in order. */
  sent: FakeWechatMessage[];
  /** Every call received, in order (failed ones too). */
  calls: FakeWechatCall[];
  /** The next `times` calls of `api` answer `errcode` (45011 frequency limit, -1 system busy, …) and do nothing else. */
  failNext(api: FakeWechatApi, errcode: number, times?: number): void;
  /** Every access token issued so far now answers 42001 (expired). */
  expireTokens(): void;
  tokensIssued(): number;
  close(): Promise<void>;
}

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;

const PATHS: Record<string, FakeWechatApi> = {
  '/sns/jscode2session': 'jscode2session',
  '/cgi-bin/stable_token': 'stable_token',
  '/cgi-bin/message/subscribe/send': 'subscribe',
};

/** WeChat's wording for the errors the fake gives (errmsg is followed by a request id, as WeChat's are). */
const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41008: 'missing code',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
};

/** Why WeChat would refuse a template value of this kind (the key's prefix: thing1 → thing), or null. */
function valueProblem(key: string, value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return 'is empty';
  const kind = /^([a-z_]+?)\d*$/.exec(key)?.[1];
  const chars = [...value];
  switch (kind) {
    case 'thing':
      return chars.length > 20 ? 'exceeds max length 20' : /\p{Cc}/u.test(value) ? 'has a control character' : null;
    case 'character_string':
      return chars.length > 32 ? 'exceeds max length 32' : /^[A-Za-z0-9_-]+$/.test(value) ? null : 'is not a character string';
    case 'phrase':
      return chars.length > 5 ? 'exceeds max length 5' : /^\p{Script=Han}+$/u.test(value) ? null : 'is not a chinese phrase';
    case 'time':
      return /^(\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}(:\d{2})?$/.test(value) || /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(value) ? null : 'is not a time';
    case 'number':
      return chars.length <= 32 && /^\d+(\.\d+)?$/.test(value) ? null : 'is not a number';
    default:
      return null;
  }
}

export async function startFakeWechat(opts: { appId?: string; secret?: string; templates?: string[] } = {}): Promise<FakeWechat> {
  const appId = opts.appId ?? `wx${randomBytes(8).toString('hex')}`;
  const secret = opts.secret ?? randomBytes(16).toString('hex');
  const knownTemplate = (id: string) => (opts.templates ? opts.templates.includes(id) : id.startsWith('tpl'));

  const codes = new Map<string, { openid: string; unionid?: string; expiresAt: number; used: boolean }>();
  /** Every token issued: when it stops working, and whether something made it stop sooner. */
  const tokens = new Map<string, { expiresAt: number; state: 'live' | 'expired' | 'replaced' }>();
  let current: string | null = null;
  const grants = new Map<string, number>();
  const failures = new Map<FakeWechatApi, number[]>();
  const sent: FakeWechatMessage[] = [];
  const calls: FakeWechatCall[] = [];

  const error = (errcode: number, detail = '') => ({
    errcode,
    errmsg: `${ERRMSG[errcode] ?? 'error'}${detail} rid: ${randomBytes(6).toString('hex')}`,
  });
  const grantKey = (openid: string, templateId: string) => `${openid}\n${templateId}`;
  const liveToken = () => {
    const t = current ? tokens.get(current) : undefined;
    return current && t && t.state === 'live' && t.expiresAt > Date.now() ? current : null;
  };

  function jscode2session(q: Record<string, string>) {
    if (q.appid !== appId) return error(40013);
    if (q.secret !== secret) return error(40125);
    if (!q.js_code) return error(41008);
    const c = codes.get(q.js_code);
    if (!c || c.expiresAt <= Date.now()) return error(40029);
    if (c.used) return error(40163);
    c.used = true;
    return { openid: c.openid, session_key: randomBytes(16).toString('base64'), ...(c.unionid ? { unionid: c.unionid } : {}) };
  }

  function stableToken(b: Record<string, unknown>) {
    if (b.grant_type !== 'client_credential') return error(47001, ' grant_type');
    if (b.appid !== appId) return error(40013);
    if (b.secret !== secret) return error(40125);
    const live = liveToken();
    // Normal mode gives the live token again (all callers share it); forced mode kills it and issues another.
    if (live && b.force_refresh !== true) return { access_token: live, expires_in: Math.round((tokens.get(live)!.expiresAt - Date.now()) / 1000) };
    if (live) tokens.get(live)!.state = 'replaced';
    current = randomBytes(48).toString('base64url');
    tokens.set(current, { expiresAt: Date.now() + TOKEN_TTL_S * 1000, state: 'live' });
    return { access_token: current, expires_in: TOKEN_TTL_S };
  }

  function subscribe(q: Record<string, string>, b: Record<string, unknown>) {
    const t = q.access_token ? tokens.get(q.access_token) : undefined;
    if (!t || t.state === 'replaced') return error(40001);
    if (t.state === 'expired' || t.expiresAt <= Date.now()) return error(42001);
    if (typeof b.touser !== 'string' || !b.touser) return error(40003);
    if (typeof b.template_id !== 'string' || !knownTemplate(b.template_id)) return error(40037);
    if (b.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(b.miniprogram_state as string)) {
      return error(47003, ' miniprogram_state');
    }
    if (typeof b.data !== 'object' || b.data === null) return error(47003, ' data is empty');
    const data = b.data as Record<string, { value?: unknown }>;
    for (const [key, v] of Object.entries(data)) {
      const problem = valueProblem(key, v?.value);
      if (problem) return error(47003, ` data.${key}.value ${problem}`);
    }
    const g = grantKey(b.touser, b.template_id);
    const left = grants.get(g) ?? 0;
    if (left <= 0) return error(43101);
    grants.set(g, left - 1);
    sent.push({
      toUser: b.touser,
      templateId: b.template_id,
      ...(typeof b.page === 'string' ? { page: b.page } : {}),
      data: data as Record<string, { value: string }>,
      at: new Date(),
    });
    return { errcode: 0, errmsg: 'ok' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query = Object.fromEntries(url.searchParams);
    let body: unknown = null;
    let badJson = false;
    if (req.method === 'POST') {
      try {
        body = JSON.parse(raw);
      } catch {
        badJson = true;
      }
    }
    calls.push({ path: url.pathname, query, body });
    const api = PATHS[url.pathname];
    if (!api) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let answer: object;
    const injected = failures.get(api);
    if (injected?.length) answer = error(injected.shift()!);
    else if (api === 'jscode2session') answer = req.method === 'GET' ? jscode2session(query) : error(47001);
    else if (req.method !== 'POST' || badJson || typeof body !== 'object' || body === null) answer = error(47001);
    else if (api === 'stable_token') answer = stableToken(body as Record<string, unknown>);
    else answer = subscribe(query, body as Record<string, unknown>);
    // jscode2session answers text/plain, as WeChat's does.
    res.writeHead(200, { 'content-type': api === 'jscode2session' ? 'text/plain' : 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(answer));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('fake WeChat has no port');

  return {
    url: `http://127.0.0.1:${addr.port}`,
    appId,
    secret,
    issueCode(openid, o = {}) {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { openid, ...(o.unionid ? { unionid: o.unionid } : {}), expiresAt: Date.now() + CODE_TTL_MS, used: false });
      return code;
    },
    grant(openid, templateId, n = 1) {
      const g = grantKey(openid, templateId);
      grants.set(g, (grants.get(g) ?? 0) + n);
    },
    sent,
    calls,
    failNext(api, errcode, times = 1) {
      failures.set(api, [...(failures.get(api) ?? []), ...Array<number>(times).fill(errcode)]);
    },
    expireTokens() {
      for (const t of tokens.values()) if (t.state === 'live') t.state = 'expired';
    },
    tokensIssued: () => tokens.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
