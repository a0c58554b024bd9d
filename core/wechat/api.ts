import { z } from 'zod';
import type { Logger } from '../infra/logger.js';
import type { Redis } from '../infra/redis.js';
import { chinaDay, chinaTime } from '../infra/time.js';
import { wechatKeys } from './keys.js';

/**
 * WeChat's server API for the mini-program: sign-in (code2session), the
 * access token, and subscribe messages. WeChat answers HTTP 200 with an
 * `errcode` even when a call fails; every failure, WeChat's or the
 * network's, becomes a `WechatApiError` that says whether trying again later
 * can help. The AppSecret, access tokens, session keys and sign-in codes
 * never reach a log line or an error message.
 */

export type WechatApiName = 'jscode2session' | 'stable_token' | 'subscribe';

/**
 * - invalid_code: the sign-in code is unknown, expired or used (ask the mini-program for a new one)
 * - rate_limited: a WeChat quota was hit (try again later)
 * - token: the access token was refused even after one renewal (try again later)
 * - refused: the person has no subscription left for this template (do not retry; they must subscribe again)
 * - busy: WeChat or the network failed (try again later)
 * - bad_request: anything else; a bug or a misconfiguration (retrying cannot help)
 */
export type WechatErrorKind = 'invalid_code' | 'rate_limited' | 'token' | 'refused' | 'busy' | 'bad_request';

const KIND_OF_ERRCODE: Record<number, WechatErrorKind> = {
  40029: 'invalid_code', // invalid code
  40163: 'invalid_code', // code been used
  45011: 'rate_limited', // api minute-quota reach limit
  45009: 'rate_limited', // reach max api daily quota limit
  40001: 'token', // invalid credential / access_token is invalid or not latest
  42001: 'token', // access_token expired
  40014: 'token', // invalid access_token
  43101: 'refused', // user refuse to accept the msg
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
 * Cache a token this much shorter than WeChat says it lives: in its last
 * five minutes WeChat already hands out the next one, and a token read just
 * before it expires must still be good when the call that uses it lands.
 */
const TOKEN_MARGIN_SECONDS = 5 * 60;

/** A WeChat answer: errcode 0 or absent means success. */
const Answer = z.looseObject({ errcode: z.number().optional(), errmsg: z.string().optional() });
const SessionAnswer = z.object({ openid: z.string().min(1), session_key: z.string().min(1), unionid: z.string().min(1).optional() });
const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

export function createWechatApi(opts: WechatApiOptions) {
  const { appId, secret, redis, log } = opts;
  const base = new URL(opts.baseUrl).href.replace(/\/+$/, ''); // a misconfigured address fails here, at start-up
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 5000;
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
   * One call to WeChat. `hide` lists the call's own credentials (a code, a
   * token) besides the secret. Neither the URL (its query holds the secret
   * or the token) nor a network error's own message (which may quote the
   * URL) is ever logged or kept.
   */
  async function call<T>(api: WechatApiName, path: string, schema: z.ZodType<T>, req: { query?: Record<string, string>; body?: unknown; hide?: string[] }): Promise<T> {
    const started = Date.now();
    const fail = (errcode: number, errmsg: string, kind?: WechatErrorKind) => {
      const err = new WechatApiError(api, errcode, scrub(errmsg, req.hide ?? []), kind);
      log.warn({ api, errcode, kind: err.kind, errmsg: err.errmsg, ms: Date.now() - started }, 'wechat api call failed');
      return err;
    };
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    let status: number;
    let text: string;
    try {
      const res = await doFetch(url, {
        method: req.body === undefined ? 'GET' : 'POST',
        headers: req.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      throw fail(TRANSPORT_ERRCODE, transportFailure(err, timeoutMs), 'busy');
    }
    if (status >= 500) throw fail(TRANSPORT_ERRCODE, `HTTP ${status}`, 'busy');
    if (status < 200 || status > 299) throw fail(TRANSPORT_ERRCODE, `HTTP ${status}`, 'bad_request');
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
    log.debug({ api, ms: Date.now() - started }, 'wechat api call');
    return parsed.data;
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
      const send = (token: string) =>
        call('subscribe', '/cgi-bin/message/subscribe/send', Answer, { query: { access_token: token }, body, hide: [token] });
      const token = await accessToken();
      try {
        await send(token);
      } catch (err) {
        if (!(err instanceof WechatApiError) || err.kind !== 'token') throw err;
        log.info({ api: 'subscribe', errcode: err.errcode }, 'wechat refused the access token; renewing it and sending again');
        const renewed = await renewToken(token);
        await send(renewed);
      }
    },
  };
}

export type WechatApi = ReturnType<typeof createWechatApi>;

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
