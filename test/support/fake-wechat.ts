import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { PushKind } from '../../core/wechat/index.js';

/**
 * A local stand-in for WeChat's server API (api.weixin.qq.com), answering
 * as WeChat documents: JSON with `errcode`/`errmsg`, HTTP 200 even on
 * errors. It knows the calls the app makes — mini-program sign-in
 * (`/sns/jscode2session`), the stable access token (`/cgi-bin/stable_token`),
 * subscribe messages (`/cgi-bin/message/subscribe/send`), customer-service
 * messages and typing (`/cgi-bin/message/custom/send|typing`), temporary
 * media (`/cgi-bin/media/upload|get`), and for an Official Account user
 * info (`/cgi-bin/user/info`) and the menu (`/cgi-bin/menu/create`) — and
 * keeps what a test needs to look at: every call, every message delivered.
 * It also plays WeChat's side of the message push: `push` POSTs a message
 * to our server as WeChat would (signed, optionally encrypted), `verify`
 * makes the URL check. Its crypto is written apart from core/wechat/push.ts,
 * so the two check each other. Time is real time (codes live 5 minutes,
 * tokens 2 hours).
 */

export type FakeWechatApi =
  | 'jscode2session'
  | 'stable_token'
  | 'subscribe'
  | 'custom'
  | 'typing'
  | 'media_upload'
  | 'media_get'
  | 'user_info'
  | 'menu_create';

/** A customer-service message delivered (the fields of its type). */
export interface FakeCustomMessage {
  toUser: string;
  type: 'text' | 'image' | 'miniprogrampage' | 'link';
  content?: string;
  mediaId?: string;
  title?: string;
  pagePath?: string;
  thumbMediaId?: string;
  appId?: string;
  description?: string;
  url?: string;
  thumbUrl?: string;
  at: Date;
}

export interface FakeUpload {
  mediaId: string;
  type: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
  at: Date;
}

/** Where `push` and `verify` send: our server's push URL and its push settings. */
export interface FakePushTarget {
  url: string;
  token: string;
  encodingAesKey?: string;
  appId: string;
}

/** A message for `push`: its kind and any fields (the rest get defaults: a fresh MsgId, now, …). */
export type FakePushMessage = { kind: PushKind } & Partial<{
  from: string;
  to: string;
  createTime: number;
  msgId: string;
  text: string;
  mediaId: string;
  picUrl: string;
  format: string;
  recognition: string;
  latitude: number;
  longitude: number;
  scale: number;
  label: string;
  event: string;
  eventKey: string;
  sessionFrom: string;
  title: string;
  pagePath: string;
  appId: string;
  thumbMediaId: string;
  thumbUrl: string;
  /** For kind 'other'. */
  msgType: string;
  /** Raw fields added as they are (WeChat's names). */
  extra: Record<string, string | number>;
}>;

export interface FakePushOptions {
  /** WeChat's default is XML; the mini-program can be set to JSON. */
  format?: 'xml' | 'json';
  /** Safe mode; defaults to whether the target has an EncodingAESKey. */
  encrypt?: boolean;
  /** Compatibility mode: the plaintext fields beside Encrypt. */
  compat?: boolean;
  /** Seconds; default now. */
  timestamp?: number;
  nonce?: string;
  /** Sign with a wrong token. */
  badSignature?: boolean;
  /** Sign the ciphertext wrongly (msg_signature). */
  badMsgSignature?: boolean;
  /** Encrypt naming another AppID. */
  appId?: string;
  /** Leave the `openid` query parameter out. */
  noOpenid?: boolean;
}

export interface FakePushResult {
  status: number;
  body: string;
  ms: number;
  /** Our server did not answer within WeChat's 5 seconds (status 0). */
  timedOut: boolean;
}

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

  /** 'miniprogram' (default) or 'official': an Official Account, which alone has user info and a menu, and whose cards need an appid. */
  account: 'miniprogram' | 'official';
  /** Customer-service messages delivered, in order. */
  customSent: FakeCustomMessage[];
  /** Typing commands received: `{ toUser, command }`. */
  typingSent: { toUser: string; command: string }[];
  /** The person's customer-service window is closed: sends to them answer 45015. */
  closeWindow(openid: string): void;
  /** Files uploaded as temporary media, in order. */
  uploads: FakeUpload[];
  /** A temporary media file (what a person sent) that media/get serves; gives its media_id. */
  addMedia(bytes: Buffer, contentType: string): string;
  /** What user/info says of an openid (unknown ones: not following, no unionid). */
  setUser(openid: string, info: { subscribed: boolean; unionid?: string }): void;
  /** Menus created, in order. */
  menus: unknown[];
  /** POSTs `msg` to our push URL as WeChat does, waiting at most WeChat's 5 seconds. */
  push(target: FakePushTarget, msg: FakePushMessage, opts?: FakePushOptions): Promise<FakePushResult>;
  /** The URL check WeChat makes when the push address is saved: a GET with signature, timestamp, nonce, echostr. */
  verify(target: FakePushTarget, opts?: { timestamp?: number; badSignature?: boolean; echostr?: string }): Promise<{ status: number; body: string; echostr: string }>;
  close(): Promise<void>;
}

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;
/** How long WeChat waits for our answer to a push. */
const PUSH_TIMEOUT_MS = 5000;
/** WeChat's limits for temporary media (bytes). */
const MEDIA_LIMITS: Record<string, number> = { image: 10 * 1024 * 1024, voice: 2 * 1024 * 1024, video: 10 * 1024 * 1024, thumb: 64 * 1024 };
/** The fake's limit on a text customer-service message, in UTF-8 bytes (WeChat's for text is 2048). */
const TEXT_LIMIT_BYTES = 2048;

const PATHS: Record<string, FakeWechatApi> = {
  '/sns/jscode2session': 'jscode2session',
  '/cgi-bin/stable_token': 'stable_token',
  '/cgi-bin/message/subscribe/send': 'subscribe',
  '/cgi-bin/message/custom/send': 'custom',
  '/cgi-bin/message/custom/typing': 'typing',
  '/cgi-bin/media/upload': 'media_upload',
  '/cgi-bin/media/get': 'media_get',
  '/cgi-bin/user/info': 'user_info',
  '/cgi-bin/menu/create': 'menu_create',
};

/** The calls only an Official Account has. */
const OFFICIAL_ONLY: ReadonlySet<FakeWechatApi> = new Set(['user_info', 'menu_create']);

/** WeChat's wording for the errors the fake gives (errmsg is followed by a request id, as WeChat's are). */
const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40004: 'invalid media type',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40009: 'invalid image size',
  40010: 'invalid voice size',
  40016: 'invalid button size',
  40017: 'invalid button type',
  40018: 'invalid button name size',
  40019: 'invalid button key size',
  40023: 'invalid sub button size',
  40024: 'invalid sub button type',
  40025: 'invalid sub button name size',
  40026: 'invalid sub button key size',
  40027: 'invalid sub button url size',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41005: 'media data missing',
  41008: 'missing code',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  44002: 'empty post data',
  44004: 'empty content',
  45002: 'content size out of limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
  48001: 'api unauthorized',
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

export async function startFakeWechat(
  opts: { appId?: string; secret?: string; templates?: string[]; account?: 'miniprogram' | 'official' } = {},
): Promise<FakeWechat> {
  const account = opts.account ?? 'miniprogram';
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
  const customSent: FakeCustomMessage[] = [];
  const typingSent: { toUser: string; command: string }[] = [];
  const closedWindows = new Set<string>();
  const uploads: FakeUpload[] = [];
  const media = new Map<string, { bytes: Buffer; contentType: string; type: string }>();
  const users = new Map<string, { subscribed: boolean; unionid?: string }>();
  const menus: unknown[] = [];
  const newMediaId = () => randomBytes(32).toString('base64url');

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

  /** The token's error, or null if it is good. */
  function tokenProblem(q: Record<string, string>) {
    const t = q.access_token ? tokens.get(q.access_token) : undefined;
    if (!t || t.state === 'replaced') return error(40001);
    if (t.state === 'expired' || t.expiresAt <= Date.now()) return error(42001);
    return null;
  }

  function subscribe(q: Record<string, string>, b: Record<string, unknown>) {
    const bad = tokenProblem(q);
    if (bad) return bad;
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

  const str = (v: unknown): v is string => typeof v === 'string' && v !== '';
  const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

  function custom(b: Record<string, unknown>) {
    if (!str(b.touser)) return error(40003);
    const type = b.msgtype;
    const p = obj(type === undefined ? undefined : b[type as string]);
    const at = new Date();
    let m: FakeCustomMessage;
    switch (type) {
      case 'text':
        if (!p || !str(p.content)) return error(44004);
        if (Buffer.byteLength(p.content) > TEXT_LIMIT_BYTES) return error(45002);
        m = { toUser: b.touser, type, content: p.content, at };
        break;
      case 'image':
        if (!p || !str(p.media_id) || !media.has(p.media_id)) return error(40007);
        m = { toUser: b.touser, type, mediaId: p.media_id, at };
        break;
      case 'miniprogrampage':
        if (!p || !str(p.pagepath)) return error(47001, ' pagepath');
        if (!str(p.thumb_media_id) || !media.has(p.thumb_media_id)) return error(40007);
        // An Official Account's card names the (linked) mini-program; the mini-program's own does not.
        if (account === 'official' && !str(p.appid)) return error(47001, ' appid');
        m = {
          toUser: b.touser,
          type,
          title: typeof p.title === 'string' ? p.title : '',
          pagePath: p.pagepath,
          thumbMediaId: p.thumb_media_id,
          ...(str(p.appid) ? { appId: p.appid } : {}),
          at,
        };
        break;
      case 'link':
        if (account === 'official') return error(40008);
        if (!p || !str(p.title) || !str(p.url) || !str(p.thumb_url) || typeof p.description !== 'string') return error(47001, ' link');
        m = { toUser: b.touser, type, title: p.title, description: p.description, url: p.url, thumbUrl: p.thumb_url, at };
        break;
      default:
        return error(40008);
    }
    if (closedWindows.has(b.touser)) return error(45015);
    customSent.push(m);
    return { errcode: 0, errmsg: 'ok' };
  }

  function typing(b: Record<string, unknown>) {
    if (!str(b.touser)) return error(40003);
    if (b.command !== 'Typing' && b.command !== 'CancelTyping') return error(47001, ' command');
    if (closedWindows.has(b.touser)) return error(45015);
    typingSent.push({ toUser: b.touser, command: b.command });
    return { errcode: 0, errmsg: 'ok' };
  }

  async function upload(q: Record<string, string>, raw: Buffer, contentType: string) {
    const type = q.type ?? '';
    if (!(type in MEDIA_LIMITS) || (account === 'miniprogram' && type !== 'image')) return error(40004);
    let file: File | null = null;
    try {
      const form = await new Response(Uint8Array.from(raw), { headers: { 'content-type': contentType } }).formData();
      const f = form.get('media');
      file = f instanceof File ? f : null;
    } catch {
      file = null;
    }
    if (!file) return error(41005);
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length === 0) return error(41005);
    if (bytes.length > MEDIA_LIMITS[type]!) return error(type === 'voice' ? 40010 : 40009);
    const mediaId = newMediaId();
    const ct = file.type || 'application/octet-stream';
    media.set(mediaId, { bytes, contentType: ct, type });
    uploads.push({ mediaId, type, fileName: file.name, contentType: ct, bytes, at: new Date() });
    return { type, media_id: mediaId, created_at: Math.floor(Date.now() / 1000) };
  }

  function userInfo(q: Record<string, string>) {
    if (!q.openid) return error(40003);
    const u = users.get(q.openid);
    if (!u?.subscribed) return { subscribe: 0, openid: q.openid, ...(u?.unionid ? { unionid: u.unionid } : {}) };
    return {
      subscribe: 1,
      openid: q.openid,
      language: 'zh_CN',
      subscribe_time: Math.floor(Date.now() / 1000),
      remark: '',
      groupid: 0,
      tagid_list: [],
      subscribe_scene: 'ADD_SCENE_QR_CODE',
      qr_scene: 0,
      qr_scene_str: '',
      ...(u.unionid ? { unionid: u.unionid } : {}),
    };
  }

  /** WeChat's checks of a menu: 1–3 buttons of at most 16 bytes' name, each a leaf or a group of 1–5 sub-buttons of at most 60 bytes. */
  function menuCreate(b: Record<string, unknown>) {
    const buttons = b.button;
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return error(40016);
    const leafProblem = (btn: Record<string, unknown>, sub: boolean) => {
      const [typeErr, keyErr, urlErr] = sub ? [40024, 40026, 40027] : [40017, 40019, 40027];
      switch (btn.type) {
        case 'click':
        case 'scancode_push':
        case 'scancode_waitmsg':
        case 'pic_sysphoto':
        case 'pic_photo_or_album':
        case 'pic_weixin':
        case 'location_select':
          return str(btn.key) && Buffer.byteLength(btn.key) <= 128 ? null : error(keyErr);
        case 'view':
          return str(btn.url) && Buffer.byteLength(btn.url) <= 1024 ? null : error(urlErr);
        case 'miniprogram':
          return str(btn.url) && str(btn.appid) && str(btn.pagepath) ? null : error(47001, ' miniprogram button');
        case 'media_id':
          return str(btn.media_id) ? null : error(40007);
        case 'article_id':
        case 'article_view_limited':
          return str(btn.article_id) ? null : error(47001, ' article_id');
        default:
          return error(typeErr);
      }
    };
    for (const raw of buttons) {
      const btn = obj(raw);
      if (!btn) return error(47001);
      if (!str(btn.name) || Buffer.byteLength(btn.name) > 16) return error(40018);
      // A button is a group when it has sub-buttons or no type (WeChat's own listings give leaves `sub_button: []`).
      const group = btn.type === undefined || (Array.isArray(btn.sub_button) && btn.sub_button.length > 0);
      if (group) {
        if (!Array.isArray(btn.sub_button) || btn.sub_button.length < 1 || btn.sub_button.length > 5) return error(40023);
        for (const rawSub of btn.sub_button) {
          const sub = obj(rawSub);
          if (!sub) return error(47001);
          if (!str(sub.name) || Buffer.byteLength(sub.name) > 60) return error(40025);
          const problem = leafProblem(sub, true);
          if (problem) return problem;
        }
      } else {
        const problem = leafProblem(btn, false);
        if (problem) return problem;
      }
    }
    menus.push(b);
    return { errcode: 0, errmsg: 'ok' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBytes = Buffer.concat(chunks);
    const raw = rawBytes.toString('utf8');
    const query = Object.fromEntries(url.searchParams);
    const api = PATHS[url.pathname];
    const multipart = api === 'media_upload';
    let body: unknown = null;
    let badJson = false;
    if (req.method === 'POST' && !multipart) {
      try {
        body = JSON.parse(raw);
      } catch {
        badJson = true;
      }
    }
    calls.push({ path: url.pathname, query, body: multipart ? { multipart: true, bytes: rawBytes.length } : body });
    if (!api) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let answer: object;
    const injected = failures.get(api);
    const needsToken = api !== 'jscode2session' && api !== 'stable_token';
    const tokenBad = needsToken && api !== 'subscribe' ? tokenProblem(query) : null;
    const isGet = api === 'jscode2session' || api === 'media_get' || api === 'user_info';
    if (injected?.length) answer = error(injected.shift()!);
    else if (tokenBad) answer = tokenBad;
    else if (OFFICIAL_ONLY.has(api) && account !== 'official') answer = error(48001);
    else if (isGet && req.method !== 'GET') answer = error(47001);
    else if (api === 'jscode2session') answer = jscode2session(query);
    else if (api === 'media_get') {
      const m = query.media_id ? media.get(query.media_id) : undefined;
      if (m) {
        res.writeHead(200, {
          'content-type': m.contentType,
          'content-disposition': `attachment; filename="${query.media_id}.${m.contentType.split('/')[1] ?? 'bin'}"`,
          'content-length': m.bytes.length,
        });
        res.end(m.bytes);
        return;
      }
      // WeChat answers a bad media_id in JSON, labelled text/plain.
      res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(error(40007)));
      return;
    } else if (api === 'user_info') answer = userInfo(query);
    else if (req.method !== 'POST') answer = error(47001);
    else if (api === 'media_upload') answer = await upload(query, rawBytes, req.headers['content-type'] ?? '');
    else if (badJson || typeof body !== 'object' || body === null) answer = error(raw === '' ? 44002 : 47001);
    else if (api === 'stable_token') answer = stableToken(body as Record<string, unknown>);
    else if (api === 'subscribe') answer = subscribe(query, body as Record<string, unknown>);
    else if (api === 'custom') answer = custom(body as Record<string, unknown>);
    else if (api === 'typing') answer = typing(body as Record<string, unknown>);
    else answer = menuCreate(body as Record<string, unknown>);
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
    account,
    customSent,
    typingSent,
    closeWindow(openid) {
      closedWindows.add(openid);
    },
    uploads,
    addMedia(bytes, contentType) {
      const mediaId = newMediaId();
      media.set(mediaId, { bytes, contentType, type: contentType.startsWith('audio/') ? 'voice' : 'image' });
      return mediaId;
    },
    setUser(openid, info) {
      users.set(openid, info);
    },
    menus,
    push: (target, msg, o) => pushTo(target, msg, o),
    verify: (target, o) => verifyAt(target, o),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------
// WeChat's side of the message push, written from WeChat's documentation
// (not from core/wechat/push.ts, which it tests).

const sha1 = (parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');

/** WXBizMsgCrypt: AES-256-CBC, IV the key's first 16 bytes, of random(16) + length(4) + msg + appid, PKCS#7 to 32. */
function wechatEncrypt(encodingAesKey: string, appId: string, plain: string): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const msg = Buffer.from(plain, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const full = Buffer.concat([randomBytes(16), len, msg, Buffer.from(appId, 'utf8')]);
  const pad = 32 - (full.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([full, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** WeChat's fields for a message, in its order. */
function pushFields(m: FakePushMessage, now: number): [string, string | number][] {
  const f: [string, string | number][] = [
    ['ToUserName', m.to ?? 'gh_fake0000001'],
    ['FromUserName', m.from ?? 'o-fake-user'],
    ['CreateTime', m.createTime ?? now],
  ];
  const add = (name: string, v: string | number | undefined) => {
    if (v !== undefined) f.push([name, v]);
  };
  const msgId = m.msgId ?? (m.kind === 'event' ? undefined : BigInt.asUintN(63, randomBytes(8).readBigUInt64BE()).toString());
  switch (m.kind) {
    case 'text':
      f.push(['MsgType', 'text'], ['Content', m.text ?? '你好']);
      break;
    case 'image':
      f.push(['MsgType', 'image'], ['PicUrl', m.picUrl ?? 'http://mmbiz.qpic.cn/fake.jpg'], ['MediaId', m.mediaId ?? 'media-fake']);
      break;
    case 'voice':
      f.push(['MsgType', 'voice'], ['MediaId', m.mediaId ?? 'media-fake'], ['Format', m.format ?? 'amr']);
      add('Recognition', m.recognition);
      break;
    case 'location':
      f.push(['MsgType', 'location'], ['Location_X', m.latitude ?? 23.134521], ['Location_Y', m.longitude ?? 113.358803], ['Scale', m.scale ?? 20]);
      add('Label', m.label);
      break;
    case 'event':
      f.push(['MsgType', 'event'], ['Event', m.event ?? 'subscribe']);
      add('EventKey', m.eventKey);
      add('SessionFrom', m.sessionFrom);
      break;
    case 'miniprogrampage':
      f.push(['MsgType', 'miniprogrampage'], ['Title', m.title ?? '工友'], ['AppId', m.appId ?? 'wx0000000000000000'], ['PagePath', m.pagePath ?? 'pages/index/index']);
      f.push(['ThumbUrl', m.thumbUrl ?? 'http://mmbiz.qpic.cn/thumb.jpg'], ['ThumbMediaId', m.thumbMediaId ?? 'thumb-fake']);
      break;
    case 'other':
      f.push(['MsgType', m.msgType ?? 'video']);
      break;
  }
  add('MsgId', msgId);
  for (const [k, v] of Object.entries(m.extra ?? {})) f.push([k, v]);
  return f;
}

const cdataOf = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** Fields WeChat writes as bare numbers (MsgId too: a 64-bit integer, bare in XML and in JSON). */
const NUMERIC = new Set(['CreateTime', 'MsgId', 'Location_X', 'Location_Y', 'Scale']);
const bare = (k: string, v: string | number) => typeof v === 'number' || (NUMERIC.has(k) && /^\d{1,20}$/.test(v));

function serialise(fields: [string, string | number][], format: 'xml' | 'json'): string {
  if (format === 'json') return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${bare(k, v) ? String(v) : JSON.stringify(v)}`).join(',')}}`;
  // As WeChat writes it: strings in CDATA, numbers bare.
  return `<xml>${fields.map(([k, v]) => `<${k}>${bare(k, v) ? v : cdataOf(String(v))}</${k}>`).join('')}</xml>`;
}

/**
 * The HTTP request WeChat would make to push `msg` (signed, and encrypted in
 * safe mode), without sending it: for tests that send many at chosen moments.
 */
export function pushRequest(target: FakePushTarget, msg: FakePushMessage, o: FakePushOptions = {}): { url: string; contentType: string; body: string } {
  const format = o.format ?? 'xml';
  const now = Math.floor(Date.now() / 1000);
  const timestamp = String(o.timestamp ?? now);
  const nonce = o.nonce ?? String(randomBytes(4).readUInt32BE(0));
  const fields = pushFields(msg, now);
  const openid = String(fields.find(([k]) => k === 'FromUserName')![1]);
  const token = o.badSignature ? `${target.token}x` : target.token;
  const query = new URLSearchParams({ signature: sha1([token, timestamp, nonce]), timestamp, nonce });
  if (!o.noOpenid) query.set('openid', openid);
  let body: string;
  const encrypt = o.encrypt ?? target.encodingAesKey !== undefined;
  if (encrypt) {
    if (!target.encodingAesKey) throw new Error('fake push: encrypt needs the target EncodingAESKey');
    const ciphertext = wechatEncrypt(target.encodingAesKey, o.appId ?? target.appId, serialise(fields, format));
    query.set('encrypt_type', 'aes');
    query.set('msg_signature', sha1([o.badMsgSignature ? `${token}x` : token, timestamp, nonce, ciphertext]));
    const to = fields[0]!;
    body = serialise(o.compat ? [...fields, ['Encrypt', ciphertext]] : [to, ['Encrypt', ciphertext]], format);
  } else {
    body = serialise(fields, format);
  }
  return { url: `${target.url}?${query}`, contentType: format === 'json' ? 'application/json' : 'text/xml', body };
}

async function pushTo(target: FakePushTarget, msg: FakePushMessage, o: FakePushOptions = {}): Promise<FakePushResult> {
  const { url, contentType, body } = pushRequest(target, msg, o);
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, body: text, ms: Date.now() - started, timedOut: false };
  } catch (err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return { status: 0, body: '', ms: Date.now() - started, timedOut: true };
    throw err;
  }
}

async function verifyAt(
  target: FakePushTarget,
  o: { timestamp?: number; badSignature?: boolean; echostr?: string } = {},
): Promise<{ status: number; body: string; echostr: string }> {
  const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = String(randomBytes(4).readUInt32BE(0));
  const echostr = o.echostr ?? BigInt.asUintN(63, randomBytes(8).readBigUInt64BE()).toString();
  const token = o.badSignature ? `${target.token}x` : target.token;
  const query = new URLSearchParams({ signature: sha1([token, timestamp, nonce]), echostr, timestamp, nonce });
  const res = await fetch(`${target.url}?${query}`, { signal: AbortSignal.timeout(PUSH_TIMEOUT_MS) });
  return { status: res.status, body: await res.text(), echostr };
}
