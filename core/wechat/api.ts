import { z } from 'zod';
import type { Logger } from '../infra/logger.js';
import type { Redis } from '../infra/redis.js';
import { chinaDay, chinaTime } from '../infra/time.js';
import { wechatKeys } from './keys.js';

/**
 * WeChat's server API for the mini-program and the Official Account (one
 * client per AppID): sign-in (code2session), the access token, subscribe
 * messages, customer-service messages (客服消息: the mini-program's and the
 * Official Account's share one path), temporary media, user info and the
 * menu (Official Account). WeChat answers HTTP 200 with an
 * `errcode` even when a call fails; every failure, WeChat's or the
 * network's, becomes a `WechatApiError` that says whether trying again later
 * can help. The AppSecret, access tokens, session keys and sign-in codes
 * never reach a log line or an error message.
 */

export type WechatApiName =
  | 'jscode2session'
  | 'stable_token'
  | 'subscribe'
  | 'custom'
  | 'typing'
  | 'media_upload'
  | 'media_get'
  | 'user_info'
  | 'menu_create';

/**
 * - invalid_code: the sign-in code is unknown, expired or used (ask the mini-program for a new one)
 * - rate_limited: a WeChat quota was hit (try again later)
 * - token: the access token was refused even after one renewal (try again later)
 * - refused: the person has no subscription left for this template (do not retry; they must subscribe again)
 * - window_closed: a customer-service message can no longer reach the person — 48 hours passed since they last
 *   wrote, the messages allowed per their message are used up, or they unfollowed (do not retry; wait until they write)
 * - busy: WeChat or the network failed (try again later)
 * - bad_request: anything else; a bug or a misconfiguration (retrying cannot help)
 */
export type WechatErrorKind = 'invalid_code' | 'rate_limited' | 'token' | 'refused' | 'window_closed' | 'busy' | 'bad_request';

const KIND_OF_ERRCODE: Record<number, WechatErrorKind> = {
  40029: 'invalid_code', // invalid code
  40163: 'invalid_code', // code been used
  45011: 'rate_limited', // api minute-quota reach limit
  45009: 'rate_limited', // reach max api daily quota limit
  40001: 'token', // invalid credential / access_token is invalid or not latest
  42001: 'token', // access_token expired
  40014: 'token', // invalid access_token
  43101: 'refused', // user refuse to accept the msg
  45015: 'window_closed', // response out of time limit or subscription is canceled
  45047: 'window_closed', // out of response count limit
  43004: 'window_closed', // require subscribe (the person does not follow the Official Account)
  [-1]: 'busy', // system busy
};

const RETRYABLE: ReadonlySet<WechatErrorKind> = new Set(['rate_limited', 'busy', 'token']);

/** The errcode given to failures that never reached WeChat's answer (network, timeout, HTTP status): WeChat's "system busy". */
const TRANSPORT_ERRCODE = -1;

export class WechatApiError extends Error {
  readonly kind: WechatErrorKind;
  /** Whether the same call may succeed later (a job may retry it). */
  readonly retryable: boolean;

  constructor(
    readonly api: WechatApiName,
    readonly errcode: number,
    readonly errmsg: string,
    kind: WechatErrorKind = KIND_OF_ERRCODE[errcode] ?? 'bad_request',
  ) {
    super(`WeChat ${api} failed: ${errcode} ${errmsg}`);
    this.name = 'WechatApiError';
    this.kind = kind;
    this.retryable = RETRYABLE.has(kind);
  }
}

export interface WechatApiOptions {
  /** https://api.weixin.qq.com; tests point it at test/support/fake-wechat.ts. */
  baseUrl: string;
  appId: string;
  secret: string;
  redis: Redis;
  /** REDIS_PREFIX */
  prefix: string;
  log: Logger;
  fetch?: typeof fetch;
  /** Per call; default 5000. */
  timeoutMs?: number;
  /** Per media upload or download; default 30000. */
  mediaTimeoutMs?: number;
}

export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

export interface SubscribeMessage {
  /** The recipient's openid in this mini-program. */
  toUser: string;
  templateId: string;
  /** The mini-program page the card opens, e.g. `pages/case/index?no=QX…`. */
  page?: string;
  /** Build the values with `templateValue`: WeChat refuses the whole message (47003) if one breaks its rules. */
  data: Record<string, { value: string }>;
  /** Which version of the mini-program the card opens; WeChat's default is formal. */
  state?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN';
}

/**
 * A customer-service message (客服消息). The mini-program takes text,
 * image, link and miniprogrampage; the Official Account text, image and
 * miniprogrampage (whose `appId` it needs: the mini-program's, which must
 * be linked to it). Media ids come from `uploadTempMedia`.
 */
export type CustomMessage =
  | { type: 'text'; content: string }
  | { type: 'image'; mediaId: string }
  | { type: 'miniprogrampage'; title: string; pagePath: string; thumbMediaId: string; appId?: string }
  | { type: 'link'; title: string; description: string; url: string; thumbUrl: string };

/** A menu button as WeChat takes it (/cgi-bin/menu/create): a leaf with a type, or a group of at most 5 sub-buttons. */
export type MenuButton =
  | { name: string; sub_button: MenuButton[] }
  | { name: string; type: 'click' | 'scancode_push' | 'scancode_waitmsg' | 'pic_sysphoto' | 'pic_photo_or_album' | 'pic_weixin' | 'location_select'; key: string }
  | { name: string; type: 'view'; url: string }
  | { name: string; type: 'miniprogram'; url: string; appid: string; pagepath: string }
  | { name: string; type: 'media_id'; media_id: string }
  | { name: string; type: 'article_id' | 'article_view_limited'; article_id: string };

/** The Official Account's menu: 1–3 buttons. */
export interface WechatMenu {
  button: MenuButton[];
}

export interface TempMedia {
  bytes: Buffer;
  /** As WeChat labelled it (image/jpeg, audio/amr, …), without parameters. */
  contentType: string;
}

/**
 * Cache a token this much shorter than WeChat says it lives: in its last
 * five minutes WeChat already hands out the next one, and a token read just
 * before it expires must still be good when the call that uses it lands.
 */
const TOKEN_MARGIN_SECONDS = 5 * 60;

/** A WeChat answer: errcode 0 or absent means success. */
const Answer = z.looseObject({ errcode: z.number().optional(), errmsg: z.string().optional() });
const SessionAnswer = z.object({ openid: z.string().min(1), session_key: z.string().min(1), unionid: z.string().min(1).optional() });
const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
const UploadAnswer = z.object({ media_id: z.string().min(1) });
const UserInfoAnswer = z.object({ subscribe: z.number().int(), unionid: z.string().min(1).optional() });

/** The most read of a JSON answer. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** The most read of a temporary media file (WeChat's limit for images is 10 MB, voice 2 MB). */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

type CallRequest = {
  query?: Record<string, string>;
  /** A JSON body (POST). */
  body?: unknown;
  /** A multipart body (POST). */
  form?: () => FormData;
  hide?: string[];
  timeoutMs?: number;
};

export function createWechatApi(opts: WechatApiOptions) {
  const { appId, secret, redis, log } = opts;
  const base = new URL(opts.baseUrl).href.replace(/\/+$/, ''); // a misconfigured address fails here, at start-up
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const mediaTimeoutMs = opts.mediaTimeoutMs ?? 30_000;
  const tokenKey = wechatKeys(opts.prefix).accessToken(appId);

  /**
   * Blanks credentials out of text that came from elsewhere (WeChat's
   * errmsg), should any be echoed back: the call's own, and any long opaque
   * run (tokens, secrets, codes) this process may not know of, e.g. a token
   * another process fetched.
   */
  function scrub(text: string, hide: readonly string[]): string {
    const known = [secret, ...hide].filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join('***'), text);
    return known.replace(/[A-Za-z0-9_\-+/=]{32,}/g, '***');
  }

  /**
   * One exchange with WeChat: the answer's status, type and bytes (at most
   * `maxBytes`). `hide` lists the call's own credentials (a code, a token)
   * besides the secret. Neither the URL (its query holds the secret or the
   * token) nor a network error's own message (which may quote the URL) is
   * ever logged or kept.
   */
  async function exchange(
    api: WechatApiName,
    path: string,
    req: CallRequest,
    maxBytes: number,
  ): Promise<{ bytes: Buffer; contentType: string; fail: (errcode: number, errmsg: string, kind?: WechatErrorKind) => WechatApiError; done: () => void }> {
    const started = Date.now();
    const fail = (errcode: number, errmsg: string, kind?: WechatErrorKind) => {
      const err = new WechatApiError(api, errcode, scrub(errmsg, req.hide ?? []), kind);
      log.warn({ api, errcode, kind: err.kind, errmsg: err.errmsg, ms: Date.now() - started }, 'wechat api call failed');
      return err;
    };
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const limit = req.timeoutMs ?? timeoutMs;
    let status: number;
    let bytes: Buffer | null;
    let contentType: string;
    try {
      const post = req.body !== undefined || req.form !== undefined;
      const res = await doFetch(url, {
        method: post ? 'POST' : 'GET',
        headers: req.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: req.form ? req.form() : req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(limit),
      });
      status = res.status;
      contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      bytes = await readLimited(res, maxBytes);
    } catch (err) {
      throw fail(TRANSPORT_ERRCODE, transportFailure(err, limit), 'busy');
    }
    if (status >= 500) throw fail(TRANSPORT_ERRCODE, `HTTP ${status}`, 'busy');
    if (status < 200 || status > 299) throw fail(TRANSPORT_ERRCODE, `HTTP ${status}`, 'bad_request');
    if (bytes === null) throw fail(TRANSPORT_ERRCODE, `the answer is larger than ${maxBytes} bytes`, maxBytes === MAX_ANSWER_BYTES ? 'busy' : 'bad_request');
    return { bytes, contentType, fail, done: () => log.debug({ api, ms: Date.now() - started }, 'wechat api call') };
  }

  /** WeChat's JSON answer checked: errcode 0 or absent, and the fields `schema` needs. */
  function answerOf<T>(text: string, schema: z.ZodType<T>, fail: (errcode: number, errmsg: string, kind?: WechatErrorKind) => WechatApiError): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw fail(TRANSPORT_ERRCODE, 'the answer is not JSON', 'busy');
    }
    const answer = Answer.safeParse(json);
    if (!answer.success) throw fail(TRANSPORT_ERRCODE, 'the answer is not a JSON object', 'busy');
    if (answer.data.errcode) throw fail(answer.data.errcode, answer.data.errmsg ?? '');
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw fail(TRANSPORT_ERRCODE, 'the answer lacks expected fields', 'busy');
    return parsed.data;
  }

  /** One call to WeChat that answers JSON. */
  async function call<T>(api: WechatApiName, path: string, schema: z.ZodType<T>, req: CallRequest): Promise<T> {
    const { bytes, fail, done } = await exchange(api, path, req, MAX_ANSWER_BYTES);
    const result = answerOf(bytes.toString('utf8'), schema, fail);
    done();
    return result;
  }

  /** Token fetches in flight in this process, normal and forced: concurrent callers share one. */
  const inflight = new Map<'normal' | 'force', Promise<string>>();
  function shared(mode: 'normal' | 'force', fn: () => Promise<string>): Promise<string> {
    let p = inflight.get(mode);
    if (!p) {
      p = fn().finally(() => inflight.delete(mode));
      inflight.set(mode, p);
    }
    return p;
  }

  async function fetchToken(force: boolean): Promise<string> {
    const a = await call('stable_token', '/cgi-bin/stable_token', TokenAnswer, {
      body: { grant_type: 'client_credential', appid: appId, secret, force_refresh: force },
    });
    const ttl = a.expires_in - TOKEN_MARGIN_SECONDS;
    // A token with less than the margin left is used but not shared: the next caller fetches the one after it.
    if (ttl > 0) await redis.set(tokenKey, a.access_token, { EX: ttl });
    else await redis.del(tokenKey);
    log.info({ api: 'stable_token', force, expiresIn: a.expires_in }, 'wechat access token fetched');
    return a.access_token;
  }

  async function accessToken({ force = false }: { force?: boolean } = {}): Promise<string> {
    if (!force) {
      const cached = await redis.get(tokenKey);
      if (cached) return cached;
    }
    return shared(force ? 'force' : 'normal', () => fetchToken(force));
  }

  /**
   * A token to use instead of `stale`, which WeChat just refused. A forced
   * refresh kills the token every other process is using (and WeChat allows
   * 20 a day), so it is the last resort: first the token another process
   * may have stored meanwhile, then a normal fetch, which gives the same new
   * token to every process asking (enough when `stale` simply expired);
   * only if WeChat still hands back `stale` is it forced out.
   */
  async function renewToken(stale: string): Promise<string> {
    const cached = await redis.get(tokenKey);
    if (cached && cached !== stale) return cached;
    const fresh = await shared('normal', () => fetchToken(false));
    if (fresh !== stale) return fresh;
    return shared('force', () => fetchToken(true));
  }

  /** Calls `fn` with the access token; a refused token is renewed once and `fn` called once more. */
  async function withToken<T>(api: WechatApiName, fn: (token: string) => Promise<T>): Promise<T> {
    const token = await accessToken();
    try {
      return await fn(token);
    } catch (err) {
      if (!(err instanceof WechatApiError) || err.kind !== 'token') throw err;
      log.info({ api, errcode: err.errcode }, 'wechat refused the access token; renewing it and calling again');
      return fn(await renewToken(token));
    }
  }

  return {
    /** The person a mini-program sign-in code (wx.login) belongs to. The session key is for server-side use only. */
    async code2session(code: string): Promise<WechatSession> {
      const a = await call('jscode2session', '/sns/jscode2session', SessionAnswer, {
        query: { appid: appId, secret, js_code: code, grant_type: 'authorization_code' },
        hide: [code],
      });
      return { openid: a.openid, sessionKey: a.session_key, ...(a.unionid ? { unionid: a.unionid } : {}) };
    },

    /** The app's access token, from Redis when another call or process already has one; `force` replaces it at WeChat. */
    accessToken,

    /**
     * Sends one subscribe message (it uses up one subscription the person
     * accepted in the mini-program). A refused token is renewed once and
     * the message sent once more.
     */
    async sendSubscribeMessage(m: SubscribeMessage): Promise<void> {
      const body = {
        touser: m.toUser,
        template_id: m.templateId,
        ...(m.page ? { page: m.page } : {}),
        data: m.data,
        ...(m.state ? { miniprogram_state: m.state } : {}),
        lang: m.lang ?? 'zh_CN',
      };
      await withToken('subscribe', (token) =>
        call('subscribe', '/cgi-bin/message/subscribe/send', Answer, { query: { access_token: token }, body, hide: [token] }),
      );
    },

    /**
     * Sends one customer-service message (客服消息) to a person who wrote
     * to the mini-program's customer service or the Official Account in
     * the last 48 hours (at most 5 per message of theirs). When that window
     * has closed WeChat answers 45015/45047: a `window_closed` error, not
     * retryable. A refused token is renewed once and the message sent once more.
     */
    async sendCustomMessage(toUser: string, message: CustomMessage): Promise<void> {
      const body = { touser: toUser, ...customBody(message) };
      await withToken('custom', (token) => call('custom', '/cgi-bin/message/custom/send', Answer, { query: { access_token: token }, body, hide: [token] }));
    },

    /** Shows (or stops showing) "typing…" to a person in the 48-hour window; WeChat shows it for at most 15 seconds. */
    async typing(toUser: string, on = true): Promise<void> {
      const body = { touser: toUser, command: on ? 'Typing' : 'CancelTyping' };
      await withToken('typing', (token) => call('typing', '/cgi-bin/message/custom/typing', Answer, { query: { access_token: token }, body, hide: [token] }));
    },

    /**
     * Uploads a temporary media file (kept 3 days by WeChat) for a
     * customer-service message or a card's thumbnail; gives its media_id.
     * The mini-program takes images only.
     */
    async uploadTempMedia(type: 'image' | 'voice', bytes: Buffer, fileName: string, contentType: string): Promise<string> {
      const form = () => {
        const f = new FormData();
        f.append('media', new Blob([Uint8Array.from(bytes)], { type: contentType }), fileName);
        return f;
      };
      const a = await withToken('media_upload', (token) =>
        call('media_upload', '/cgi-bin/media/upload', UploadAnswer, { query: { access_token: token, type }, form, hide: [token], timeoutMs: mediaTimeoutMs }),
      );
      return a.media_id;
    },

    /**
     * A temporary media file a person sent (an image's or a voice message's
     * MediaId), at most MAX_MEDIA_BYTES. An unknown or expired id (40007)
     * is a bad_request.
     */
    async getTempMedia(mediaId: string): Promise<TempMedia> {
      return withToken('media_get', async (token) => {
        const { bytes, contentType, fail, done } = await exchange(
          'media_get',
          '/cgi-bin/media/get',
          { query: { access_token: token, media_id: mediaId }, hide: [token], timeoutMs: mediaTimeoutMs },
          MAX_MEDIA_BYTES,
        );
        // A failure comes back as JSON (with errcode) instead of the file.
        const json = contentType.includes('json') || contentType === 'text/plain' || (bytes.length < 4096 && bytes.subarray(0, 1).toString() === '{');
        if (json) {
          answerOf(bytes.toString('utf8'), Answer, fail);
          throw fail(TRANSPORT_ERRCODE, 'the answer is not a file', 'bad_request');
        }
        if (bytes.length === 0) throw fail(TRANSPORT_ERRCODE, 'the file is empty', 'busy');
        done();
        return { bytes, contentType: contentType || 'application/octet-stream' };
      });
    },

    /** Whether a person follows the Official Account, and their unionid when the account is linked to an open-platform account. */
    async userInfo(openid: string): Promise<{ subscribed: boolean; unionid?: string }> {
      const a = await withToken('user_info', (token) =>
        call('user_info', '/cgi-bin/user/info', UserInfoAnswer, { query: { access_token: token, openid, lang: 'zh_CN' }, hide: [token] }),
      );
      return { subscribed: a.subscribe === 1, ...(a.unionid ? { unionid: a.unionid } : {}) };
    },

    /** Replaces the Official Account's menu. */
    async createMenu(menu: WechatMenu): Promise<void> {
      await withToken('menu_create', (token) => call('menu_create', '/cgi-bin/menu/create', Answer, { query: { access_token: token }, body: menu, hide: [token] }));
    },
  };
}

export type WechatApi = ReturnType<typeof createWechatApi>;

/** The body of a customer-service message of this type, as WeChat takes it. */
function customBody(m: CustomMessage): Record<string, unknown> {
  switch (m.type) {
    case 'text':
      return { msgtype: 'text', text: { content: m.content } };
    case 'image':
      return { msgtype: 'image', image: { media_id: m.mediaId } };
    case 'miniprogrampage':
      return {
        msgtype: 'miniprogrampage',
        miniprogrampage: { title: m.title, pagepath: m.pagePath, thumb_media_id: m.thumbMediaId, ...(m.appId ? { appid: m.appId } : {}) },
      };
    case 'link':
      return { msgtype: 'link', link: { title: m.title, description: m.description, url: m.url, thumb_url: m.thumbUrl } };
  }
}

/** A response's body, or null if it is longer than `max` bytes (reading stops there). */
async function readLimited(res: Response, max: number): Promise<Buffer | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Why a fetch failed, without its message (undici's may quote the URL, and with it the secret or the token). */
function transportFailure(err: unknown, timeoutMs: number): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? `network error (${code})` : 'network error';
}

export type TemplateKind = 'thing' | 'character_string' | 'phrase' | 'time' | 'number';

/**
 * A subscribe-message value that keeps WeChat's rules for its kind (the
 * kind is the prefix of the template's key: `thing1`, `time2`, …); one
 * broken value makes WeChat refuse the whole message (47003).
 *
 * - thing: at most 20 characters, one line; longer text ends in '…' as the 20th
 * - character_string: at most 32 of A–Z a–z 0–9 _ - (case numbers fit), others dropped
 * - phrase: at most 5 Chinese characters, others dropped
 * - time: `YYYY-MM-DD HH:mm` in Beijing, from a Date, an ISO string or epoch milliseconds
 * - number: digits with an optional decimal part, at most 32 characters
 *
 * A value left empty would be refused too: thing and phrase then read 无,
 * character_string '-'. A time or number that cannot be read throws, since
 * cutting it would change what it says.
 */
export function templateValue(kind: TemplateKind, input: string | number | Date): { value: string } {
  return { value: templateText(kind, input) };
}

function templateText(kind: TemplateKind, input: string | number | Date): string {
  switch (kind) {
    case 'thing': {
      // One line without control characters or emoji (WeChat refuses both).
      const chars = [...String(input).replace(/[\p{Cc}\p{Extended_Pictographic}\uFE0F\u200D]+/gu, ' ').replace(/\s+/g, ' ').trim()];
      if (chars.length === 0) return '无';
      return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
    }
    case 'character_string':
      return String(input).replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || '-';
    case 'phrase':
      return [...String(input).replace(/\P{Script=Han}/gu, '')].slice(0, 5).join('') || '无';
    case 'time': {
      if (typeof input === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(input)) return input;
      const at = input instanceof Date ? input : new Date(input);
      if (Number.isNaN(at.getTime())) throw new RangeError('templateValue: not a time');
      return `${chinaDay(at)} ${chinaTime(at)}`;
    }
    case 'number': {
      const text = typeof input === 'number' ? numberText(input) : String(input).replace(/[\s,]/g, '');
      if (!/^\d+(\.\d+)?$/.test(text) || text.length > 32) throw new RangeError('templateValue: not a number WeChat takes');
      return text;
    }
  }
}

/** A non-negative number in plain digits (never `1e+21`). */
function numberText(n: number): string {
  if (!Number.isFinite(n) || n < 0) return 'NaN';
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
