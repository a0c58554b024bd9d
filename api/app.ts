import type { Router } from '@koa/router';
import Koa from 'koa';
import type { Core } from '../core/context.js';
import type { ChatService } from '../flows/service.js';
import { adminRoutes } from './admin.js';
import { cardRoutes } from './cards.js';
import { chatRoutes } from './chat.js';
import { consoleRoutes } from './console.js';
import { documentRoutes } from './documents.js';
import { authRoutes } from './auth.js';
import { healthRoutes } from './health.js';
import { errorHandler, requestIds, securityHeaders } from './http.js';
import { meRoutes } from './me.js';
import { openapiRoutes, routesOf, type AppRoute } from './openapi.js';
import { adminQueues, httpMetrics, operatorRoutes } from './operator.js';
import { publicRoutes } from './public.js';
import { staffRoutes } from './staff.js';
import { wechatPushRoutes } from './wechat-push.js';

export interface AppDeps {
  core: Core;
  chat: ChatService;
}

const registered = new WeakMap<Koa, AppRoute[]>();

/** Every route the app's routers answer (method and pattern), as the OpenAPI document lists them. */
export function registeredRoutes(app: Koa): AppRoute[] {
  return registered.get(app) ?? [];
}

/**
 * The HTTP API: one router per resource, each with its prefix,
 * its own auth middleware, body limits and rate limits. Errors answer as
 * `{ error: { code, message, field?, requestId } }` by their class (api/http.ts).
 * Every response carries an `X-Request-Id` and the security headers
 * (a strict CSP, nosniff, no referrer); its latency is measured by route.
 */
export function createApp({ core, chat }: AppDeps): Koa {
  // Per-address limits (sign-in) need the client's address: behind a proxy, from X-Forwarded-For.
  const app = new Koa({ proxy: core.config.TRUST_PROXY });
  app.use(requestIds(core.log));
  app.use(httpMetrics());
  app.use(securityHeaders());
  app.use(errorHandler(core.log));
  // Unknown paths and methods answer in JSON too. This wraps the routers because
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
  // bull-board, behind the admin session cookie (api/operator.ts).
  app.use(adminQueues(core));
  const routers: Router<never>[] = [
    healthRoutes(core),
    authRoutes(core),
    publicRoutes(core),
    chatRoutes(core, chat),
    meRoutes(core, chat),
    staffRoutes(core, chat.evidence, chat.bookings),
    adminRoutes(core),
    cardRoutes(core),
    documentRoutes(core),
    wechatPushRoutes(core),
    operatorRoutes(core),
    ...consoleRoutes(core, chat.evidence, chat.bookings),
  ] as never;
  // The document lists the app's own routes, its own included.
  const docs = openapiRoutes(core, () => routes) as unknown as Router<never>;
  routers.push(docs);
  const routes = routesOf(routers);
  registered.set(app, routes);
  for (const r of routers) app.use(r.routes()).use(r.allowedMethods());
  return app;
}
