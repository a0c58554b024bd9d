import type { Context, Next } from 'koa';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, UnauthorizedError, ValidationError } from '../core/infra/errors.js';
import type { Logger } from '../core/infra/logger.js';
import { verifyToken, type Claims } from '../core/infra/tokens.js';

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
        ctx.body = { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
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
      log.error({ ref, err: (err as Error).message, stack: (err as Error).stack, path: ctx.path }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: `抱歉，系统出了点问题，请稍后再试（参考号 ${ref}）。` } };
    }
  };
}

/** Parses `ctx.request.body` with a zod schema; 400 names the field and the reason. */
export function parseBody<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  const body = (ctx.request as { body?: unknown }).body;
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ValidationError(issue.path.join('.') || 'body', issue.message);
  }
  return r.data;
}

export function bearer(ctx: Context, secret: string, roles: Claims['role'][], now: Date): Claims {
  const h = ctx.get('authorization');
  const m = h.match(/^Bearer\s+(\S+)$/i);
  if (!m) throw new UnauthorizedError('缺少登录凭证（Authorization: Bearer …）。');
  const claims = verifyToken(secret, m[1]!, now.getTime());
  if (!claims) throw new UnauthorizedError('登录凭证无效或已过期，请重新登录。');
  if (!roles.includes(claims.role)) throw new AppError('forbidden', '没有权限访问。', 403);
  return claims;
}

/**
 * Fixed-window rate limit in Redis: at most `perMinute` calls per `subject`
 * (a user key, or a client address for public routes) each minute; 429 with
 * `message` beyond that. Minutes of real time, not of the app's clock: a
 * rate is about how fast requests really arrive (core/infra/clock.ts).
 */
export async function rateLimit(
  redis: { incr(key: string): Promise<number>; expire(key: string, s: number): Promise<unknown> },
  keyOf: (window: number) => string,
  perMinute: number,
  message: string,
): Promise<void> {
  const key = keyOf(Math.floor(Date.now() / 60_000));
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 120);
  if (n > perMinute) throw new AppError('rate_limited', message, 429);
}
