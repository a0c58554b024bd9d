import { bodyParser } from '@koa/bodyparser';
import type { Context, Middleware, Next } from 'koa';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Core } from '../core/context.js';
import { AppError, DocumentRejectedError, ForbiddenError, UnauthorizedError, ValidationError } from '../core/infra/errors.js';
import type { StaffCommandContext } from '../core/staff/index.js';
import type { Logger } from '../core/infra/logger.js';
import { createAuth } from '../core/auth/index.js';

/**
 * Errors as `{ error: { code, message, field? } }`. Exposed AppErrors keep
 * their message; anything else is an apology with a reference id, and the
 * details go to the log only.
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
      const ref = randomUUID().slice(0, 8);
      log.error({ ref, err, path: ctx.path }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: `抱歉，系统出了点问题，请稍后再试（参考号 ${ref}）。` } };
    }
  };
}

const zhCN = z.locales.zhCN().localeError;

/**
 * Parses `ctx.request.body` with a zod schema; 400 names the field and the reason.
 * Schemas give their own Chinese reasons; zod's zh-CN wording covers the rest
 * (e.g. a body that is an array, not an object).
 */
export function parseBody<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  const body = (ctx.request as { body?: unknown }).body;
  const r = schema.safeParse(body ?? {}, { error: zhCN });
  if (!r.success) {
    const issue = r.error.issues[0]!;
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

/** What a router's auth middleware puts on `ctx.state`. */
export interface UserState {
  userKey: string;
}
export interface StaffState {
  /** The staff member acting, from their token (core/staff/commands.ts). */
  sc: StaffCommandContext;
}

/** Routes for workers: the token's user key on `ctx.state.userKey`; 401 without a valid user token. */
export function asUser(core: Core): Middleware<UserState> {
  return async (ctx, next) => {
    ctx.state.userKey = (await createAuth(core).verify(bearerToken(ctx), ['user'])).sub;
    await next();
  };
}

/** Routes for staff: who is acting on `ctx.state.sc`; 401 without a staff token or for someone no longer in the directory. */
export function asStaff(core: Core): Middleware<StaffState> {
  return async (ctx, next) => {
    const claims = await createAuth(core).verify(bearerToken(ctx), ['staff']);
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
  return bodyParser({ enableTypes: ['json'], jsonLimit: limit, encoding: 'utf-8' });
}

/**
 * `?after=` of an inbox: a whole number of items already seen. Anything else
 * (fractions, 1e400, words) would reach Redis LRANGE as a non-integer and fail.
 */
export function inboxPosition(ctx: Context): number {
  const n = Math.floor(Number(ctx.query.after ?? 0));
  return Number.isFinite(n) ? Math.max(0, Math.min(n, 1e9)) : n > 0 ? 1e9 : 0;
}
