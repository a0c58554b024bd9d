import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa, { type Context } from 'koa';
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Case } from '../core/cases/store.js';
import { loadDirectory, type Core } from '../core/context.js';
import { parseDirectory } from '../core/directory/load.js';
import { AppError, ForbiddenError, NotFoundError, UnauthorizedError } from '../core/infra/errors.js';
import { maskPhone, unseal } from '../core/infra/privacy.js';
import { signToken } from '../core/infra/tokens.js';
import type { ChatService } from '../flows/service.js';
import { bearer, errorHandler, parseBody, rateLimit as limit } from './http.js';
import { addBookingRoutes } from './bookings.js';
import { addCalendarRoutes } from './calendar.js';
import { addMembershipRoutes } from './membership.js';
import { addStaffRoutes } from './staff.js';
import { caseSummary } from './views.js';

const WEB_CHAT = readFileSync(new URL('./static/index.html', import.meta.url), 'utf8');

/** Longest chat text accepted by the API; the engine answers anything over 500 characters politely. */
const MAX_TEXT = 20_000;

const ChatMessageBody = z.object({
  text: z.string({ error: 'text 必须是字符串' }).max(MAX_TEXT, `text 不能超过${MAX_TEXT}个字符`),
  clientMsgId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'clientMsgId 只能包含字母、数字、_ 和 -，最长64个字符')
    .optional(),
});

const DevAuthBody = z.object({
  userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'userId 只能包含字母、数字、_ 和 -，最长64个字符'),
});

const StaffTokenBody = z.object({ staffId: z.string().min(1).max(64) });

export interface AppDeps {
  core: Core;
  chat: ChatService;
}

/** One router per resource would be overkill at this size; sections below mirror DESIGN §6. */
export function createApp({ core, chat }: AppDeps): Koa {
  const { config } = core;
  const app = new Koa({ proxy: false });
  const router = new Router();

  app.use(errorHandler(core.log));
  // Chat and staff bodies are small; only an admin replacing the whole directory sends more.
  const smallBodies = bodyParser({ enableTypes: ['json'], jsonLimit: '64kb', encoding: 'utf-8' });
  const directoryBody = bodyParser({ enableTypes: ['json'], jsonLimit: '2mb', encoding: 'utf-8' });
  app.use((ctx, next) => (ctx.path === '/api/v1/admin/directory' ? directoryBody(ctx, next) : smallBodies(ctx, next)));

  // Per-token limit on the personal and staff routes (the chat has its own, stricter one).
  app.use(async (ctx, next) => {
    const auth = ctx.get('authorization');
    if (auth && /^\/api\/v1\/(me|staff)\//.test(ctx.path)) {
      const subject = `tok:${createHash('sha256').update(auth).digest('base64url').slice(0, 22)}`;
      await limit(core.redis, (w) => core.keys.rate(subject, w), config.READ_RATE_PER_MINUTE, '请求太频繁了，请稍等一分钟再试。');
    }
    await next();
  });

  // --- health -------------------------------------------------------------
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/readyz', async (ctx) => {
    try {
      await core.redis.ping();
      core.directory.index();
      ctx.body = { ok: true };
    } catch (err) {
      ctx.status = 503;
      core.log.warn({ err: (err as Error).message }, 'not ready');
      // The reason goes to the log; the public answer says only that it is not ready.
      ctx.body = { ok: false, error: { code: 'not_ready', message: '服务暂时不可用。' } };
    }
  });

  // --- web chat page -------------------------------------------------------
  if (config.SERVE_WEB_CHAT) {
    router.get('/', (ctx) => {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:");
      ctx.body = WEB_CHAT;
    });
  }

  // --- auth -----------------------------------------------------------------
  router.post('/api/v1/auth/dev', (ctx) => {
    if (config.NODE_ENV === 'production') throw new AppError('forbidden', '生产环境不能使用开发登录。', 403);
    const { userId } = parseBody(ctx, DevAuthBody);
    ctx.body = { token: signToken(config.TOKEN_SECRET, { sub: `web:${userId}`, role: 'user' }, 30 * 86400, core.clock.now().getTime()) };
  });

  // --- chat -----------------------------------------------------------------
  const userOf = (ctx: Context) => bearer(ctx, config.TOKEN_SECRET, ['user'], core.clock.now()).sub;

  const rateLimit = (userKey: string) =>
    limit(core.redis, (w) => core.keys.rate(userKey, w), config.CHAT_RATE_PER_MINUTE, '您发消息太快了，请稍等一分钟再试。');

  router.post('/api/v1/chat/messages', async (ctx) => {
    const userKey = userOf(ctx);
    const { text, clientMsgId } = parseBody(ctx, ChatMessageBody);
    await rateLimit(userKey);
    ctx.body = { replies: await chat.handle(userKey, { kind: 'text', text }, clientMsgId) };
  });

  router.post('/api/v1/chat/files', async (ctx) => {
    const userKey = userOf(ctx);
    await rateLimit(userKey);
    const max = config.MAX_UPLOAD_MB * 1048576;
    const rawName = ctx.get('x-file-name');
    let name = 'file';
    try {
      name = decodeURIComponent(rawName || 'file').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120) || 'file';
    } catch {
      throw new AppError('invalid', 'X-File-Name: 文件名编码不正确', 400, true, 'X-File-Name');
    }
    const declared = Number(ctx.get('content-length') || '0');
    if (declared > max) {
      throw new AppError('payload_too_large', `文件太大了，每份不能超过${config.MAX_UPLOAD_MB}MB。`, 413);
    }
    const mediaType = (ctx.get('content-type') || '').split(';')[0]!.trim();
    ctx.body = {
      replies: await chat.handle(userKey, {
        kind: 'file',
        meta: { name, mediaType, size: declared },
        load: () => readLimited(ctx, max, config.MAX_UPLOAD_MB),
      }),
    };
  });

  router.get('/api/v1/chat/updates', async (ctx) => {
    const userKey = userOf(ctx);
    ctx.body = await core.inbox.read(userKey, inboxPosition(ctx));
  });

  // --- my cases ---------------------------------------------------------------
  const reporterView = (c: Case) => caseSummary(core.directory.index(), c);

  router.get('/api/v1/me/cases', async (ctx) => {
    const userKey = userOf(ctx);
    ctx.body = { cases: (await core.cases.listByUser(userKey)).map(reporterView) };
  });

  router.get('/api/v1/me/cases/:caseNo', async (ctx) => {
    const userKey = userOf(ctx);
    const c = await core.cases.getByNo(String(ctx.params.caseNo).toUpperCase());
    // Someone else's case reads as not found: its existence is not disclosed.
    if (!c || c.reporter.userKey !== userKey) throw new NotFoundError('没有找到这个案件。');
    ctx.body = { case: reporterView(c) };
  });

  // --- staff ---------------------------------------------------------------------
  router.get('/api/v1/staff/inbox', async (ctx) => {
    const claims = bearer(ctx, config.TOKEN_SECRET, ['staff'], core.clock.now());
    ctx.body = await core.inbox.read(`staff:${claims.sub}`, inboxPosition(ctx));
  });

  // --- admin ---------------------------------------------------------------------
  function requireAdmin(ctx: Context) {
    const m = ctx.get('authorization').match(/^Bearer\s+(\S+)$/i);
    if (!m) throw new UnauthorizedError('缺少管理员凭证。');
    const given = Buffer.from(m[1]!);
    const expected = Buffer.from(config.ADMIN_TOKEN);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ForbiddenError('管理员凭证不正确。');
  }

  router.post('/api/v1/admin/staff-tokens', (ctx) => {
    requireAdmin(ctx);
    const { staffId } = parseBody(ctx, StaffTokenBody);
    const entry = core.directory.index().staffById.get(staffId);
    if (!entry) throw new AppError('invalid', `staffId: 名录中没有 ${staffId}`, 400, true, 'staffId');
    ctx.status = 201;
    ctx.body = {
      token: signToken(config.TOKEN_SECRET, { sub: staffId, role: 'staff' }, 30 * 86400, core.clock.now().getTime()),
      staff: { id: entry.staff.id, name: entry.staff.name, role: entry.staff.role },
    };
  });

  addStaffRoutes(router, core, requireAdmin, chat.evidence);
  addBookingRoutes(router, core, chat);
  addMembershipRoutes(router, core);
  addCalendarRoutes(router, core, requireAdmin);

  router.get('/api/v1/admin/directory', (ctx) => {
    requireAdmin(ctx);
    ctx.body = { directory: core.directory.index().directory };
  });

  /**
   * Replaces the directory (grids, staff, capacities, service points…) for
   * every process: validated whole, so a broken edit changes nothing; every
   * problem is listed with its path.
   */
  router.put('/api/v1/admin/directory', async (ctx) => {
    requireAdmin(ctx);
    const body = (ctx.request as { body?: unknown }).body as { directory?: unknown } | undefined;
    let parsed;
    try {
      parsed = parseDirectory(body?.directory);
    } catch (err) {
      const problems = (err as Error).message.split('\n').slice(1).map((l) => l.replace(/^\s*-\s*/, ''));
      const first = problems[0] ?? '';
      ctx.status = 400;
      ctx.body = {
        error: { code: 'invalid_directory', message: `名录有${problems.length}处问题，未作任何修改。`, field: `directory.${first.split(':')[0] ?? ''}`, problems },
      };
      return;
    }
    await core.directory.seed(parsed, true);
    await loadDirectory(core);
    core.log.info({ version: parsed.version }, 'directory replaced by an admin');
    ctx.body = { directory: core.directory.index().directory };
  });

  // Unknown paths and methods answer in JSON too. This wraps the router because
  // allowedMethods() sets 405/501 on the way out, after any later middleware ran.
  app.use(async (ctx, next) => {
    await next();
    if (ctx.body !== undefined && ctx.body !== null) return;
    const status = ctx.status;
    if (status === 404) {
      ctx.status = 404;
      ctx.body = { error: { code: 'not_found', message: '没有这个地址。' } };
    } else if (status === 405 || status === 501) {
      ctx.status = status;
      ctx.body = { error: { code: status === 405 ? 'method_not_allowed' : 'not_implemented', message: '这个地址不支持这种请求方式。' } };
    }
  });
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

/**
 * `?after=` of an inbox: a whole number of items already seen. Anything else
 * (fractions, 1e400, words) would reach Redis LRANGE as a non-integer and fail.
 */
function inboxPosition(ctx: Context): number {
  const n = Math.floor(Number(ctx.query.after ?? 0));
  return Number.isFinite(n) ? Math.max(0, Math.min(n, 1e9)) : n > 0 ? 1e9 : 0;
}

/** Reads the request body, stopping (413) as soon as it passes `max` bytes. */
async function readLimited(ctx: Context, max: number, maxMb: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new AppError('payload_too_large', `文件太大了，每份不能超过${maxMb}MB。`, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
