import { Router } from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Core } from '../core/context.js';
import { AppError, ValidationError } from '../core/infra/errors.js';
import type { ChatService } from '../flows/service.js';
import { asUser, inboxPosition, jsonBodies, limited, parseBody, type UserState } from './http.js';

/** Longest chat text accepted by the API; the engine answers anything over 500 characters politely. */
const MAX_TEXT = 20_000;

const ChatMessageBody = z.object({
  text: z.string({ error: 'text 必须是字符串' }).max(MAX_TEXT, `text 不能超过${MAX_TEXT}个字符`),
  clientMsgId: z
    .string({ error: 'clientMsgId 必须是字符串' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'clientMsgId 只能包含字母、数字、_ 和 -，最长64个字符')
    .optional(),
});

class PayloadTooLarge extends AppError {
  constructor(maxMb: number) {
    super('payload_too_large', `文件太大了，每份不能超过${maxMb}MB。`, 413);
  }
}

/**
 * `/api/v1/chat`: the conversation for the web chat and the mini-program,
 * the same one WeChat chats have (flows/service.ts). A user token, and a
 * per-person limit on how fast messages may come.
 */
export function chatRoutes(core: Core, chat: ChatService): Router<UserState> {
  const { config } = core;
  const router = new Router<UserState>({ prefix: '/api/v1/chat' });
  router.use(asUser(core));
  const fast = limited(core, (ctx) => (ctx.state as UserState).userKey, config.CHAT_RATE_PER_MINUTE, '您发消息太快了，请稍等一分钟再试。');

  router.post('/messages', fast, jsonBodies('64kb'), async (ctx) => {
    const { text, clientMsgId } = parseBody(ctx, ChatMessageBody);
    ctx.body = { replies: await chat.handle(ctx.state.userKey, { kind: 'text', text }, clientMsgId) };
  });

  /** A file as the raw body, its name in `X-File-Name` (URI-encoded). */
  router.post('/files', fast, async (ctx) => {
    const max = config.MAX_UPLOAD_MB * 1048576;
    let name = 'file';
    try {
      name = decodeURIComponent(ctx.get('x-file-name') || 'file').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120) || 'file';
    } catch {
      throw new ValidationError('X-File-Name', '文件名编码不正确');
    }
    const declared = Number(ctx.get('content-length') || '0');
    if (declared > max) throw new PayloadTooLarge(config.MAX_UPLOAD_MB);
    const mediaType = (ctx.get('content-type') || '').split(';')[0]!.trim();
    ctx.body = {
      replies: await chat.handle(ctx.state.userKey, {
        kind: 'file',
        meta: { name, mediaType, size: declared },
        load: () => readLimited(ctx, max, config.MAX_UPLOAD_MB),
      }),
    };
  });

  /** What came since (notices, staff replies), from the person's inbox. */
  router.get('/updates', async (ctx) => {
    ctx.body = await core.inbox.read(ctx.state.userKey, inboxPosition(ctx));
  });
  return router;
}

/** Reads the request body, stopping (413) as soon as it passes `max` bytes. */
async function readLimited(ctx: Context, max: number, maxMb: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new PayloadTooLarge(maxMb);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
