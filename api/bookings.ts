import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { HELP_NAMES, MATTER_NAMES, MODE_NAMES, pointOf, whenText } from '../core/legal-aid/texts.js';
import { STATUS_NAMES, type Booking } from '../core/legal-aid/store.js';
import type { Core } from '../core/context.js';
import { NotFoundError, UnauthorizedError, ValidationError } from '../core/infra/errors.js';
import { addDays } from '../core/legal-aid/slots.js';
import { maskPhone } from '../core/infra/privacy.js';
import '../core/staff/all-commands.js';
import { agendaOf, markBooking, referBooking } from '../core/legal-aid/commands.js';
import type { StaffCommandContext } from '../core/staff/commands.js';
import type { ChatService } from '../flows/service.js';
import { bearer, parseBody } from './http.js';

const Refer = z.object({ reason: z.string({ error: 'reason 必须是字符串' }).max(500, 'reason 不能超过500字').optional() });
const Day = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Legal-aid bookings over HTTP: a worker's own bookings (list, cancel), and a
 * provider's agenda and outcomes (done, no-show, 支持起诉 referral) through
 * the same functions as the WeChat commands.
 */
export function addBookingRoutes(router: Router, core: Core, chat: ChatService) {
  const { config } = core;
  const bookings = chat.bookings;

  const userOf = (ctx: Context) => bearer(ctx, config.TOKEN_SECRET, ['user'], core.clock.now()).sub;

  function staffCtx(ctx: Context): StaffCommandContext {
    const claims = bearer(ctx, config.TOKEN_SECRET, ['staff'], core.clock.now());
    const staff = core.directory.index().staffById.get(claims.sub);
    if (!staff) throw new UnauthorizedError('您已不在工作人员名录中。');
    return { core, staff };
  }

  function view(b: Booking) {
    const index = core.directory.index();
    const point = pointOf(index.directory, b.slot.pointId);
    const phone = bookings.phoneOf(b);
    return {
      bookingNo: b.bookingNo,
      status: b.status,
      statusText: STATUS_NAMES[b.status],
      matter: b.matter,
      matterText: MATTER_NAMES[b.matter],
      help: b.help,
      helpText: HELP_NAMES[b.help],
      mode: b.mode,
      modeText: MODE_NAMES[b.mode],
      start: b.slot.start,
      end: b.slot.end,
      when: whenText(b.slot),
      servicePoint: point ? { id: point.id, name: point.name, address: point.address, phone: point.phone ?? null } : null,
      provider: index.staffById.get(b.slot.staffId)?.staff.name ?? null,
      urgent: b.urgent,
      limitEndsOn: b.limitEndsOn,
      // The worker's own number, masked: they know it, and a screen may be seen by others.
      contact: { name: b.contact.name, phone: phone ? maskPhone(phone) : null },
      history: b.history,
    };
  }

  async function staffView(b: Booking) {
    const linked = b.linkedCaseId ? await core.cases.get(b.linkedCaseId) : null;
    const referral = b.referralCaseId ? await core.cases.get(b.referralCaseId) : null;
    return {
      ...view(b),
      // The provider calls back (phone and video consultations): the full number.
      contact: { name: b.contact.name, phone: bookings.phoneOf(b) },
      linkedCaseNo: linked?.caseNo ?? null,
      referralCaseNo: referral?.caseNo ?? null,
    };
  }

  /** The worker's own booking; anyone else's reads as not found (its existence is not disclosed). */
  async function own(ctx: Context, userKey: string): Promise<Booking> {
    const b = await bookings.getByNo(String(ctx.params.no));
    if (!b || b.userKey !== userKey) throw new NotFoundError('没有找到这个预约。');
    return b;
  }

  router.get('/api/v1/me/bookings', async (ctx) => {
    const userKey = userOf(ctx);
    ctx.body = { bookings: (await bookings.listByUser(userKey)).map(view) };
  });

  router.get('/api/v1/me/bookings/:no', async (ctx) => {
    const userKey = userOf(ctx);
    ctx.body = { booking: view(await own(ctx, userKey)) };
  });

  router.post('/api/v1/me/bookings/:no/cancel', async (ctx) => {
    const userKey = userOf(ctx);
    const b = await own(ctx, userKey);
    ctx.body = { booking: view(await bookings.cancel(b.bookingNo, userKey)) };
  });

  router.get('/api/v1/staff/bookings', async (ctx) => {
    const sc = staffCtx(ctx);
    const day = ctx.query.day === undefined ? undefined : String(ctx.query.day);
    // A real calendar day: 2026-13-45 would reach Redis as NaN scores (500), 2026-02-31 would quietly mean 3 March.
    if (day !== undefined && (!Day.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || addDays(day, 0) !== day)) {
      throw new ValidationError('day', '日期格式是 YYYY-MM-DD，例如 2026-11-24');
    }
    const list = await agendaOf(sc, day);
    ctx.body = { bookings: await Promise.all(list.map(staffView)) };
  });

  const act = (path: string, run: (sc: StaffCommandContext, no: string, ctx: Context) => Promise<Booking>) =>
    router.post(`/api/v1/staff/bookings/:no/${path}`, async (ctx) => {
      const sc = staffCtx(ctx);
      ctx.body = { booking: await staffView(await run(sc, String(ctx.params.no).toUpperCase(), ctx)) };
    });

  act('done', (sc, no) => markBooking(sc, no, 'done'));
  act('no-show', (sc, no) => markBooking(sc, no, 'no_show'));

  router.post('/api/v1/staff/bookings/:no/refer', async (ctx) => {
    const sc = staffCtx(ctx);
    if (sc.staff.staff.role !== 'procuratorate_liaison') {
      ctx.status = 403;
      ctx.body = { error: { code: 'forbidden', message: '只有检察官可以转支持起诉。' } };
      return;
    }
    const { reason } = parseBody(ctx, Refer);
    const { booking, c, created } = await referBooking(sc, String(ctx.params.no).toUpperCase(), reason ?? '');
    ctx.status = created ? 201 : 200;
    ctx.body = { booking: await staffView(booking), case: { caseNo: c.caseNo, kind: c.kind, status: c.status } };
  });
}
