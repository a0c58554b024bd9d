import { bodyParser } from '@koa/bodyparser';
import type { Context, Middleware, Next } from 'koa';
import helmet from 'koa-helmet';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Core } from '../core/context.js';
import { AppError, DocumentRejectedError, ForbiddenError, UnauthorizedError, ValidationError } from '../core/infra/errors.js';
import type { StaffCommandContext } from '../core/staff/index.js';
import { inRequest, type Logger } from '../core/infra/logger.js';
import { randomId } from '../core/infra/random-ids.js';
import { chineseReasons } from '../core/infra/zod-zh.js';
import { isRedisUnavailable, shortReason } from '../core/infra/redis.js';
import { createAuth } from '../core/auth/index.js';
import { verifyToken, type Claims } from '../core/infra/tokens.js';

/** What people read when Redis (or anything the app cannot work without) is down. */
export const UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试。';

/** An incoming `X-Request-Id` we keep: short and plain (it goes into logs and headers). */
const SANE_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** bull-board's addresses (api/operator.ts): one route label for all of them. */
export const QUEUES_PATH = '/admin/queues';
export const isQueuesPath = (path: string) => path === QUEUES_PATH || path.startsWith(`${QUEUES_PATH}/`);

/**
 * The route a request matched, as the router's pattern
 * (`/api/v1/staff/cases/:caseNo`): what metrics and the request log name —
 * never the raw path, which holds case numbers and download tokens.
 */
export function routeLabel(ctx: Context): string {
  if (isQueuesPath(ctx.path)) return `${QUEUES_PATH}/*`;
  const matched = ((ctx as Context & { matched?: { path: string | RegExp; methods: string[] }[] }).matched ?? []).filter((l) => l.methods.length > 0);
  const exact = matched.filter((l) => l.methods.includes(ctx.method));
  const layer = exact.at(-1) ?? matched.at(-1);
  return layer ? String(layer.path) : '(unmatched)';
}

/** Requests not worth a log line even at debug level: probes and scrapes. */
const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Every request has an id: a sane incoming `X-Request-Id` (a proxy's), or
 * a new one. It is answered as `X-Request-Id`, added to every error body
 * (`error.requestId`) and to every log line written while the request is
 * handled, however deep (core/infra/logger.ts). Each request ends with one
 * line — method, route pattern, status, milliseconds — at `info` when it
 * was refused or failed, at `debug` otherwise.
 */
export function requestIds(log: Logger): Middleware {
  return async (ctx, next) => {
    const given = ctx.get('x-request-id');
    const id = SANE_REQUEST_ID.test(given) ? given : randomId(9);
    const start = Date.now();
    ctx.state.requestId = id;
    ctx.set('X-Request-Id', id);
    await inRequest({ requestId: id }, async () => {
      try {
        await next();
      } finally {
        if (!QUIET.has(ctx.path)) {
          log[ctx.status >= 400 ? 'info' : 'debug']({ method: ctx.method, route: routeLabel(ctx), status: ctx.status, ms: Date.now() - start }, 'request');
        }
      }
    });
    const body = ctx.body as { error?: unknown } | null | undefined;
    if (ctx.status >= 400 && body && typeof body === 'object' && !Buffer.isBuffer(body) && body.error && typeof body.error === 'object') {
      // A new object: an error body may be a shared constant.
      const status = ctx.status;
      ctx.body = { ...body, error: { ...body.error, requestId: id } };
      ctx.status = status;
    }
  };
}

/**
 * The Content-Security-Policy of every response: scripts, styles, fonts and
 * fetches from this origin only — no inline script or style anywhere (the
 * web chat's are api/static/chat.js and chat.css) — images also as data:
 * URLs (QR codes), no plugins, never framed. /admin/queues relaxes it for
 * bull-board's page (api/operator.ts); pages built inline set their own.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** CSP directives as a header value. */
export function cspHeader(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/**
 * Security headers on every response (koa-helmet): the strict CSP above,
 * `X-Content-Type-Options: nosniff` (downloads included), `Referrer-Policy:
 * no-referrer`, no framing, HSTS for this host only (a deployment's other
 * subdomains are not ours to decide), same-origin resources.
 */
export function securityHeaders(): Middleware {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES as unknown as Record<string, string[]> },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 180 * 86400, includeSubDomains: false },
    xContentTypeOptions: true,
  });
}

/**
 * Errors as `{ error: { code, message, field?, requestId } }`. Exposed
 * AppErrors keep their message; Redis out of reach is a 503 to try again
 * later; anything else is an apology with a reference id, and the details
 * go to the log only.
 */
export function errorHandler(log: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (err) {
      const e = err as { status?: number; statusCode?: number; type?: string; expose?: boolean; message?: string };
      // An oversized body is left partly unread: close the connection, or the
      // client would send its next request on a socket nobody reads any more.
      if ((e.status ?? e.statusCode) === 413) ctx.set('Connection', 'close');
      if (err instanceof AppError && err.expose) {
        ctx.status = err.status;
        const problems = err instanceof DocumentRejectedError ? { problems: err.problems } : {};
        ctx.body = { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...problems } };
        return;
      }
      const status = e.status ?? e.statusCode ?? 500;
      if (status === 413) {
        ctx.status = 413;
        ctx.body = { error: { code: 'payload_too_large', message: '提交的内容太大了。' } };
        return;
      }
      // Malformed JSON from the body parser is a plain SyntaxError with status 400 (no `expose`).
      if (status === 400 && (e.expose || err instanceof SyntaxError)) {
        ctx.status = 400;
        ctx.body = { error: { code: 'bad_request', message: '请求格式不对，请发送 JSON。', field: 'body' } };
        return;
      }
      if (status === 415) {
        ctx.status = 415;
        ctx.body = { error: { code: 'unsupported_media_type', message: '请使用 application/json。' } };
        return;
      }
      // Redis down or restarting: commands fail at once (core/infra/redis.ts), and people are told to try later.
      if (isRedisUnavailable(err)) {
        log.warn({ reason: shortReason(err), path: ctx.path }, 'service unavailable: redis');
        ctx.status = 503;
        ctx.set('Retry-After', '5');
        ctx.body = { error: { code: 'unavailable', message: UNAVAILABLE_MESSAGE } };
        return;
      }
      const ref = randomUUID().slice(0, 8);
      log.error({ ref, err, path: ctx.path }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: `抱歉，系统出了点问题，请稍后再试（参考号 ${ref}）。` } };
    }
  };
}

/**
 * Parses `ctx.request.body` with a zod schema; 400 names the field and the reason.
 * Schemas give their own Chinese reasons; core/infra/zod-zh.ts words the rest
 * (zod's own zh-CN leaves English in: 「期望 number >=0」, 「实际接收 undefined」).
 */
export function parseBody<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  const body = (ctx.request as { body?: unknown }).body;
  const r = schema.safeParse(body ?? {}, { error: chineseReasons });
  if (!r.success) {
    const issue = r.error.issues[0]!;
    // A field the route does not take (`{"code":"x","evil":1}`): named as the field, in plain words (zod's zh-CN names it 「键(key)」 on `body`).
    if (issue.code === 'unrecognized_keys') {
      const key = String(issue.keys[0]).slice(0, 40);
      throw new ValidationError([...issue.path, key].join('.'), `不支持字段「${key}」，请去掉后再发。`);
    }
    // A body that is no JSON object (an array, a string, a number).
    if (issue.path.length === 0 && issue.code === 'invalid_type') throw new ValidationError('body', '请求内容要是一个 JSON 对象（{…}）。');
    throw new ValidationError(issue.path.join('.') || 'body', issue.message);
  }
  return r.data;
}

/** The Bearer token of a request; 401 without one. */
export function bearerToken(ctx: Context): string {
  const m = ctx.get('authorization').match(/^Bearer (\S+)$/i);
  if (!m) throw new UnauthorizedError('缺少登录凭证（Authorization: Bearer …）。');
  return m[1]!;
}

/**
 * The claims of `token` if it is authentic, well formed and unexpired
 * (`verifyToken`), else null; its signature checked once per request: a
 * chat message's place in line (api/chat-turn.ts) and its sign-in with the
 * rate limit (`asUser`) read the same token.
 */
export function signedClaims(core: Core, ctx: Context, token: string): Claims | null {
  const now = core.clock.now().getTime();
  const seen = ctx.state.signedToken as { token: string; claims: Claims | null } | undefined;
  if (seen && seen.token === token) return seen.claims && seen.claims.exp * 1000 > now ? seen.claims : null;
  const claims = verifyToken(core.config.TOKEN_SECRET, token, now);
  ctx.state.signedToken = { token, claims };
  return claims;
}

/** What a router's auth middleware puts on `ctx.state`. */
export interface UserState {
  userKey: string;
}
export interface StaffState {
  /** The staff member acting, from their token (core/staff/commands.ts). */
  sc: StaffCommandContext;
}

/** A per-person rate limit checked with the sign-in (see {@link asUser}). */
export interface PersonLimit {
  subject: (userKey: string) => string;
  perMinute: number;
  message: string;
}

/**
 * Routes for workers: the token's user key on `ctx.state.userKey`; 401
 * without a valid user token. With `limit`, the person's rate limit is
 * counted in the same round trip as the token's revocation check (the
 * token's signature names the person first); a refused token is a 401
 * whatever the limit says.
 */
export function asUser(core: Core, limit?: PersonLimit): Middleware<UserState> {
  // Made once per router, not per request (it builds the auth key space).
  const auth = createAuth(core);
  return async (ctx, next) => {
    const token = bearerToken(ctx);
    const signed = limit ? signedClaims(core, ctx, token) : null;
    if (!limit || !signed || signed.role !== 'user') {
      ctx.state.userKey = (await auth.verify(token, ['user'])).sub;
    } else {
      // The signature was checked once for the request (here, or by api/chat-turn.ts): the role and revocation remain.
      const [who, counted] = await Promise.allSettled([auth.verifyClaims(signed, ['user']), core.conversation.limit(limit.subject(signed.sub), limit.perMinute, limit.message)]);
      if (who.status === 'rejected') throw who.reason;
      if (counted.status === 'rejected') throw counted.reason;
      ctx.state.userKey = who.value.sub;
    }
    await next();
  };
}

/** Routes for staff: who is acting on `ctx.state.sc`; 401 without a staff token or for someone no longer in the directory. */
export function asStaff(core: Core): Middleware<StaffState> {
  const auth = createAuth(core);
  return async (ctx, next) => {
    const claims = await auth.verify(bearerToken(ctx), ['staff']);
    const staff = core.directory.index().staffById.get(claims.sub);
    if (!staff) throw new UnauthorizedError('您已不在工作人员名录中。');
    ctx.state.sc = { core, staff };
    await next();
  };
}

/** Routes for administrators: the ADMIN_TOKEN, compared in constant time. */
export function asAdmin(core: Core): Middleware {
  return async (ctx, next) => {
    const m = ctx.get('authorization').match(/^Bearer\s+(\S+)$/i);
    if (!m) throw new UnauthorizedError('缺少管理员凭证。');
    const given = Buffer.from(m[1]!);
    const expected = Buffer.from(core.config.ADMIN_TOKEN);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ForbiddenError('管理员凭证不正确。');
    await next();
  };
}

/** At most `perMinute` calls a minute per subject (core/conversation/delivery.ts); 429 with `message` beyond that. */
export function limited(core: Core, subjectOf: (ctx: Context) => string, perMinute: number, message: string): Middleware {
  return async (ctx, next) => {
    await core.conversation.limit(subjectOf(ctx), perMinute, message);
    await next();
  };
}

/** JSON bodies up to `limit` (a router's own parser: the directory takes more than a chat message). */
export function jsonBodies(limit: string): Middleware {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: limit, encoding: 'utf-8' });
  return (ctx, next) => {
    // A body sent as text or a form is not read at all: refused as such, never for a field it did send (`text 必须是字符串`).
    const sent = ctx.request.length !== undefined ? ctx.request.length > 0 : ctx.get('transfer-encoding') !== '';
    if (sent && !ctx.is('json', '+json')) throw new AppError('unsupported_media_type', '请求格式不对，请用 JSON 发送（Content-Type: application/json）。', 415, true, 'body');
    return parse(ctx, next);
  };
}

/**
 * `?after=` of an inbox: a whole number of items already seen. Anything else
 * (fractions, 1e400, words) would reach Redis LRANGE as a non-integer and fail.
 */
export function inboxPosition(ctx: Context): number {
  const n = Math.floor(Number(ctx.query.after ?? 0));
  return Number.isFinite(n) ? Math.max(0, Math.min(n, 1e9)) : n > 0 ? 1e9 : 0;
}
