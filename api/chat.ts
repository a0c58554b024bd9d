import { Router } from '@koa/router';
import Busboy from 'busboy';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Core } from '../core/context.js';
import { AppError, ValidationError } from '../core/infra/errors.js';
import type { ChatService } from '../flows/service.js';
import { asUser, inboxPosition, jsonBodies, limited, parseBody, type UserState } from './http.js';
import { inTurn, ticketOf } from './chat-turn.js';

/** Longest chat text accepted by the API; the engine answers anything over 500 characters politely. */
const MAX_TEXT = 20_000;

/** A message's id from the client, for a resend (`clientMsgId`, `X-Client-Msg-Id`). */
const MSG_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const ChatMessageBody = z.object({
  text: z.string({ error: 'text 必须是字符串' }).max(MAX_TEXT, `text 不能超过${MAX_TEXT}个字符`),
  clientMsgId: z
    .string({ error: 'clientMsgId 必须是字符串' })
    .regex(MSG_ID, 'clientMsgId 只能包含字母、数字、_ 和 -，最长64个字符')
    .optional(),
});

/** A clientMsgId as the routes take it, or null (the route itself says why one is refused). */
const validMsgId = (v: unknown): string | null => (typeof v === 'string' && MSG_ID.test(v) ? v : null);

/** The web chat and the mini-program keep the chat on the server. */
const KEEP = { keepHistory: true };

const seq = (name: string) =>
  z
    .string({ error: `${name} 必须是一个数字` })
    .regex(/^\d{1,15}$/, `${name} 必须是不小于0的整数`)
    .transform(Number)
    .optional();
export const HistoryQuery = z.object({
  before: seq('before'),
  after: seq('after'),
  limit: z
    .string({ error: 'limit 必须是一个数字' })
    .regex(/^\d{1,3}$/, 'limit 必须是1到100之间的整数')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, 'limit 必须是1到100之间的整数')
    .default(30),
});

/** A file name as stored and shown: no path, no control characters, at most 120 characters. */
const cleanName = (name: string) => name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120) || 'file';

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
  const signedIn = asUser(core);
  const reads = limited(core, (ctx) => `read:${(ctx.state as UserState).userKey}`, config.READ_RATE_PER_MINUTE, '请求太频繁了，请稍等一分钟再试。');
  // Messages: signed in and within the person's rate, checked in one round trip.
  const fast = asUser(core, { subject: (userKey) => userKey, perMinute: config.CHAT_RATE_PER_MINUTE, message: '您发消息太快了，请稍等一分钟再试。' });

  // The person's place in line first, then the sign-in and the rate (api/chat-turn.ts).
  const turn = inTurn(core, (ctx) => validMsgId(ctx.get('x-client-msg-id')));
  // A message's place once its body has come: its clientMsgId read with the ticket.
  const messageTurn = inTurn(core, (ctx) => validMsgId((ctx.request.body as { clientMsgId?: unknown } | undefined)?.clientMsgId));

  router.post('/messages', jsonBodies('64kb'), messageTurn, fast, async (ctx) => {
    const { text, clientMsgId } = parseBody(ctx, ChatMessageBody);
    ctx.body = { replies: await chat.handle(ctx.state.userKey, { kind: 'text', text }, clientMsgId, { ...KEEP, ticket: ticketOf(ctx) }) };
  });

  /**
   * A file: either the raw body with its name in `X-File-Name` (URI-encoded;
   * the web chat), or `multipart/form-data` with the file in the field
   * `file` (the mini-program's `wx.uploadFile`).
   */
  router.post('/files', turn, fast, async (ctx) => {
    const max = config.MAX_UPLOAD_MB * 1048576;
    // Like a message's clientMsgId: a file sent again after a lost answer is taken once.
    const clientMsgId = ctx.get('x-client-msg-id') || undefined;
    if (clientMsgId !== undefined && !MSG_ID.test(clientMsgId)) {
      throw new ValidationError('X-Client-Msg-Id', 'X-Client-Msg-Id 只能包含字母、数字、_ 和 -，最长64个字符');
    }
    const declared = Number(ctx.get('content-length') || '0');
    // A multipart body carries a few hundred bytes of headers besides the file.
    if (declared > max + 64 * 1024) throw new PayloadTooLarge(config.MAX_UPLOAD_MB);
    if (ctx.is('multipart/form-data')) {
      const file = await multipartFile(ctx, max, config.MAX_UPLOAD_MB);
      ctx.body = {
        replies: await chat.handle(
          ctx.state.userKey,
          { kind: 'file', meta: { name: cleanName(file.name), mediaType: file.mediaType, size: file.bytes.length }, load: async () => file.bytes },
          clientMsgId,
          { ...KEEP, ticket: ticketOf(ctx) },
        ),
      };
      return;
    }
    let name = 'file';
    try {
      name = cleanName(decodeURIComponent(ctx.get('x-file-name') || 'file'));
    } catch {
      throw new ValidationError('X-File-Name', '文件名编码不正确');
    }
    if (declared > max) throw new PayloadTooLarge(config.MAX_UPLOAD_MB);
    const mediaType = (ctx.get('content-type') || '').split(';')[0]!.trim();
    ctx.body = {
      replies: await chat.handle(
        ctx.state.userKey,
        { kind: 'file', meta: { name, mediaType, size: declared }, load: () => readLimited(ctx, max, config.MAX_UPLOAD_MB) },
        clientMsgId,
        { ...KEEP, ticket: ticketOf(ctx) },
      ),
    };
  });

  /**
   * The person's chat, oldest first: the newest `limit` entries, those before
   * `before` (scrolling back), or those after `after` (polling). An empty
   * chat comes with the welcome to show, which nobody sent.
   */
  router.get('/history', signedIn, reads, async (ctx) => {
    const q = HistoryQuery.safeParse(ctx.query);
    if (!q.success) {
      const issue = q.error.issues[0]!;
      throw new ValidationError(issue.path.join('.') || 'query', issue.message);
    }
    const { before, after, limit } = q.data;
    if (before !== undefined && after !== undefined) throw new ValidationError('after', 'before 和 after 只能用一个');
    const history = core.inbox.history;
    const page = after !== undefined ? await history.after(ctx.state.userKey, limit, after) : await history.before(ctx.state.userKey, limit, before);
    ctx.body = { ...page, welcome: page.last === 0 ? chat.welcome : [] };
  });

  /** What came since (notices, staff replies), from the person's inbox. */
  router.get('/updates', signedIn, async (ctx) => {
    ctx.body = await core.inbox.read(ctx.state.userKey, inboxPosition(ctx));
  });
  return router;
}

/**
 * The field `file` of a multipart body (busboy: a well-kept streaming
 * parser), read whole but stopped (413) as soon as it passes `max` bytes.
 * Other fields are ignored; a body without a `file` is a 400.
 */
function multipartFile(ctx: Context, max: number, maxMb: number): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    let bb: Busboy.Busboy;
    try {
      bb = Busboy({ headers: ctx.req.headers, limits: { files: 1, fileSize: max, fields: 20, fieldSize: 4096, parts: 30 }, defParamCharset: 'utf8' });
    } catch {
      reject(new ValidationError('file', '上传格式不对，请重新选择文件。'));
      return;
    }
    let found: Promise<{ name: string; mediaType: string; bytes: Buffer }> | null = null;
    // wx.uploadFile names the part after a temporary file (`tmp_8c1d2e.pdf`); the
    // mini-program sends the person's own name for it in the field `fileName`.
    let givenName: string | undefined;
    bb.on('field', (field, value) => {
      if (field === 'fileName' && value) givenName = value;
    });
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || found) {
        stream.resume();
        return;
      }
      found = new Promise((res, rej) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => rej(new PayloadTooLarge(maxMb)));
        stream.on('error', rej);
        stream.on('close', () => res({ name: info.filename || 'file', mediaType: info.mimeType || '', bytes: Buffer.concat(chunks) }));
      });
      found.catch(() => undefined);
    });
    bb.on('error', () => reject(new ValidationError('file', '上传格式不对，请重新选择文件。')));
    bb.on('close', () => {
      if (!found) reject(new ValidationError('file', '没有收到文件，请重新选择。'));
      else found.then((f) => resolve({ ...f, name: givenName ?? f.name }), reject);
    });
    ctx.req.pipe(bb);
  });
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
