import { Router } from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { createSubscriptions } from '../core/auth/index.js';
import type { Core } from '../core/context.js';
import { documentFile, documentsFor, type Subject } from '../core/documents/index.js';
import { NotFoundError } from '../core/infra/errors.js';
import type { Booking } from '../core/legal-aid/index.js';
import { issueCard } from '../core/membership/index.js';
import { currentOf, membersOf } from '../core/membership/index.js';
import type { ChatService } from '../flows/service.js';
import { sendDocument } from './documents.js';
import { asUser, jsonBodies, limited, parseBody, type UserState } from './http.js';
import { bookingView, caseSummary, membershipView } from './views.js';

export const SubscriptionsBody = z.strictObject({
  results: z
    .record(
      z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号格式不对'),
      z.string().max(16, '结果格式不对'),
      { error: 'results 必须是「模板编号: 结果」的对象' },
    )
    .refine((r) => Object.keys(r).length <= 10, '一次最多10个模板'),
});

/**
 * `/api/v1/me`: a person's own cases, bookings and membership. Anyone
 * else's reads as not found: its existence is not disclosed.
 */
export function meRoutes(core: Core, chat: ChatService): Router<UserState> {
  const router = new Router<UserState>({ prefix: '/api/v1/me' });
  router.use(asUser(core), limited(core, (ctx) => `read:${(ctx.state as UserState).userKey}`, core.config.READ_RATE_PER_MINUTE, '请求太频繁了，请稍等一分钟再试。'), jsonBodies('64kb'));
  const bookings = chat.bookings;
  const subscriptions = createSubscriptions(core);
  const view = (b: Booking) => bookingView(core, bookings, b);

  router.get('/cases', async (ctx) => {
    ctx.body = { cases: (await core.cases.listByUser(ctx.state.userKey)).map((c) => caseSummary(core.directory.index(), c)) };
  });

  router.get('/cases/:caseNo', async (ctx) => {
    const c = await core.cases.getByNo(String(ctx.params.caseNo).toUpperCase());
    if (!c || c.reporter.userKey !== ctx.state.userKey) throw new NotFoundError('没有找到这个案件。');
    ctx.body = { case: caseSummary(core.directory.index(), c) };
  });

  // --- legal documents (core/documents): pre-filled from the person's own case or booking ------------
  async function ownCase(ctx: Context & { state: UserState }) {
    const c = await core.cases.getByNo(String(ctx.params.caseNo).toUpperCase());
    if (!c || c.reporter.userKey !== ctx.state.userKey) throw new NotFoundError('没有找到这个案件。');
    return c;
  }
  const documentList = async (s: Subject, base: string) =>
    (await documentsFor(core, s)).map((d) => ({ kind: d.kind, title: d.title, fileName: d.fileName, url: `${base}/${d.kind}` }));
  /** The documents that apply to the case, each with the address of its file. */
  router.get('/cases/:caseNo/documents', async (ctx) => {
    const c = await ownCase(ctx);
    ctx.body = { documents: await documentList(c, `/api/v1/me/cases/${c.caseNo}/documents`) };
  });
  /** One document as a .docx, with the person's own name and phone in it. */
  router.get('/cases/:caseNo/documents/:kind', async (ctx) => {
    const file = await documentFile(core, await ownCase(ctx), String(ctx.params.kind));
    if (!file) throw new NotFoundError('这个案件没有这份文书。');
    sendDocument(ctx, file);
  });
  router.get('/bookings/:no/documents', async (ctx) => {
    const b = await own(ctx);
    ctx.body = { documents: await documentList(b, `/api/v1/me/bookings/${b.bookingNo}/documents`) };
  });
  router.get('/bookings/:no/documents/:kind', async (ctx) => {
    const file = await documentFile(core, await own(ctx), String(ctx.params.kind));
    if (!file) throw new NotFoundError('这个预约没有这份文书。');
    sendDocument(ctx, file);
  });

  async function own(ctx: Context & { state: UserState }): Promise<Booking> {
    const b = await bookings.getByNo(String(ctx.params.no));
    if (!b || b.userKey !== ctx.state.userKey) throw new NotFoundError('没有找到这个预约。');
    return b;
  }

  router.get('/bookings', async (ctx) => {
    ctx.body = { bookings: (await bookings.listByUser(ctx.state.userKey)).map(view) };
  });

  router.get('/bookings/:no', async (ctx) => {
    ctx.body = { booking: view(await own(ctx)) };
  });

  router.post('/bookings/:no/cancel', async (ctx) => {
    const b = await own(ctx);
    ctx.body = { booking: view(await bookings.cancel(b.bookingNo, ctx.state.userKey)) };
  });

  /**
   * What `wx.requestSubscribeMessage` answered (template id → accept /
   * reject / ban / filter): each acceptance of a configured template lets one
   * notice reach the person as a WeChat service notification too.
   */
  router.post('/subscriptions', async (ctx) => {
    const { results } = parseBody(ctx, SubscriptionsBody);
    ctx.body = { remaining: await subscriptions.record(ctx.state.userKey, results) };
  });

  router.get('/subscriptions', async (ctx) => {
    ctx.body = { remaining: await subscriptions.remaining(ctx.state.userKey) };
  });

  /** The current membership, with a fresh card (QR code as PNG) when approved. */
  router.get('/membership', async (ctx) => {
    const m = currentOf(await membersOf(core).listByUser(ctx.state.userKey));
    if (!m) {
      ctx.body = { membership: null };
      return;
    }
    const card = m.status === 'approved' ? await issueCard(core, m) : null;
    ctx.body = {
      membership: {
        ...membershipView(core, m),
        card: card
          ? { token: card.token, verifyUrl: card.url, qr: `data:image/png;base64,${card.png.toString('base64')}`, expiresAt: card.expiresAt.toISOString() }
          : null,
      },
    };
  });
  return router;
}
