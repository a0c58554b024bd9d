import { Router } from '@koa/router';
import type { Context } from 'koa';
import type { Core } from '../core/context.js';
import { openLink, type DocumentFile } from '../core/documents/index.js';
import { limited } from './http.js';

/** Link opens per client address per minute (against guessing; a person opens a few). */
const OPEN_PER_MINUTE = 30;

/**
 * A generated document as a download: the Chinese file name in RFC 5987
 * `filename*`, an ASCII one for older clients, never cached.
 */
export function sendDocument(ctx: Context, file: DocumentFile): void {
  ctx.status = 200;
  ctx.type = file.contentType;
  ctx.set('Content-Disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = file.bytes;
}

const REFUSED = {
  invalid: { status: 403, code: 'link_invalid', message: '这个下载链接不对，请在对话里回复「文书」获取新的链接。' },
  expired: { status: 410, code: 'link_expired', message: '下载链接已经过期（10分钟内有效），请在对话里回复「文书」获取新的链接。' },
  gone: { status: 404, code: 'not_found', message: '这份文书已经没有了，请在对话里回复「文书」查看现在能下载的文书。' },
} as const;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `/api/v1/documents/:token`: the short-lived signed links the chat gives
 * (it cannot attach files). The token is the authority: it names one
 * document of one record and expires after 10 minutes (core/documents).
 * Limited per client address. A browser that was refused gets a short page
 * saying what to do; other clients get the JSON error.
 */
export function documentRoutes(core: Core): Router {
  const router = new Router({ prefix: '/api/v1/documents' });
  router.get('/:token', limited(core, (ctx) => `ip:doc:${ctx.ip}`, OPEN_PER_MINUTE, '打开太频繁了，请稍等一分钟再试。'), async (ctx) => {
    const r = await openLink(core, String(ctx.params.token));
    if (r.ok) return sendDocument(ctx, r.file);
    const e = REFUSED[r.reason];
    ctx.status = e.status;
    ctx.set('Cache-Control', 'no-store');
    if (ctx.accepts('json', 'html') === 'html') {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      ctx.body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>法律文书下载</title></head><body style="font-family:sans-serif;padding:2em"><p>${escapeHtml(e.message)}</p></body></html>`;
      return;
    }
    ctx.body = { error: { code: e.code, message: e.message } };
  });
  return router;
}
