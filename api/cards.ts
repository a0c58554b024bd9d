import { Router } from '@koa/router';
import type { Core } from '../core/context.js';
import { checkCard } from '../core/membership/index.js';
import { limited } from './http.js';

/** Card checks per client address per minute. */
const VERIFY_PER_MINUTE = 60;

/**
 * `/api/v1/cards`: the check behind a membership card's QR code. Public
 * (anyone can scan a card), limited per client address against token
 * guessing; it shows validity, the masked name and the union only.
 */
export function cardRoutes(core: Core): Router {
  const router = new Router({ prefix: '/api/v1/cards' });
  router.get('/verify', limited(core, (ctx) => `ip:${ctx.ip}`, VERIFY_PER_MINUTE, '查询太频繁了，请稍等一分钟再试。'), async (ctx) => {
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const result = await checkCard(core, token);
    ctx.set('Cache-Control', 'no-store');
    if (ctx.accepts('json', 'html') === 'html') {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      ctx.body = cardPage(result);
      return;
    }
    ctx.body = result;
  });
  return router;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a phone shows after scanning the QR code with the WeChat camera. */
function cardPage(r: Awaited<ReturnType<typeof checkCard>>): string {
  const body = r.valid
    ? `<h1 style="color:#1a7f37">✔ 有效会员卡</h1><p>会员：${escapeHtml(r.name)}</p><p>所属工会：${escapeHtml(r.union)}</p>`
    : `<h1 style="color:#b42318">✘ 无效</h1><p>${r.reason === 'expired' ? '二维码已过期，请会员在聊天中回复「我的会员卡」获取新的二维码。' : '这不是有效的会员卡二维码。'}</p>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>会员卡核验</title></head><body style="font-family:sans-serif;padding:2em">${body}</body></html>`;
}
