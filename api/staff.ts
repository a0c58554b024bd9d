import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Case } from '../core/cases/store.js';
import { isOnDuty, setDuty } from '../core/staff/duty.js';
import type { Core } from '../core/context.js';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../core/infra/errors.js';
import type { EvidenceStore } from '../core/cases/evidence.js';
import { maskPhone, unseal } from '../core/infra/privacy.js';
import '../core/staff/all-commands.js';
import { createBindings } from '../core/staff/binding.js';
import {
  acceptCase,
  canView,
  decideReferral,
  declineCase,
  listCases,
  noteCase,
  recordReferralOutcome,
  referCase,
  replyToReporter,
  resolveCase,
} from '../core/cases/work.js';
import type { StaffCommandContext } from '../core/staff/commands.js';
import { caseFigures } from '../core/stats.js';
import { CALENDAR_WARN_DAYS } from '../core/infra/calendar.js';
import { chinaDay } from '../core/infra/time.js';
import { bearer, parseBody } from './http.js';
import { caseSummary } from './views.js';

const Reason = z.object({ reason: z.string({ error: 'reason 必须是字符串' }).max(500, 'reason 不能超过500字') });
const Note = z.object({ text: z.string({ error: 'text 必须是字符串' }).max(500, 'text 不能超过500字') });
const Resolve = z
  .object({
    recovered: z.number({ error: 'recovered 必须是数字' }).positive('recovered 必须大于0').max(10_000_000, 'recovered 不能超过1000万').optional(),
    reason: z.string().min(1, 'reason 不能为空').max(500).optional(),
  })
  .refine((b) => (b.recovered === undefined) !== (b.reason === undefined), { message: '请给出 recovered（追回金额）或 reason（未追回原因）之一', path: ['recovered'] });
const Outcome = z.object({ outcome: z.string({ error: 'outcome 必须是字符串' }).min(1, 'outcome 不能为空').max(500) });
const Duty = z.object({ onDuty: z.boolean({ error: 'onDuty 必须是 true 或 false' }) });
const StaffId = z.object({ staffId: z.string().min(1).max(64) });

/**
 * Staff routes: the same functions as the WeChat commands (core/staff), with
 * the staff member taken from the token. Deny by default: a case they may not
 * see is 403, an unknown one 404.
 */
export function addStaffRoutes(router: Router, core: Core, requireAdmin: (ctx: Context) => void, evidence: EvidenceStore) {
  const { config } = core;
  const bindings = createBindings(core);

  function staffCtx(ctx: Context): StaffCommandContext {
    const claims = bearer(ctx, config.TOKEN_SECRET, ['staff'], core.clock.now());
    const staff = core.directory.index().staffById.get(claims.sub);
    if (!staff) throw new UnauthorizedError('您已不在工作人员名录中。');
    return { core, staff };
  }

  /** The full phone number only for the assignee and a referral's liaison; masked for supervisors. */
  function view(c: Case, sc: StaffCommandContext) {
    const index = core.directory.index();
    const me = sc.staff.staff.id;
    const phone = c.reporter.phoneSealed ? unseal(config.DATA_KEY, c.reporter.phoneSealed) : null;
    const full = c.assignee?.staffId === me || c.referral?.liaisonId === me;
    return {
      ...caseSummary(index, c),
      grid: c.location.gridId ? index.gridById.get(c.location.gridId)?.grid.name ?? null : null,
      community: c.location.community,
      wage: c.wage,
      evidence: c.evidence.map((e) => ({ name: e.name, mediaType: e.mediaType, size: e.size, url: `/api/v1/staff/cases/${c.caseNo}/evidence/${e.id}` })),
      reporter: { name: c.reporter.name, phone: phone ? (full ? phone : maskPhone(phone)) : null },
      assignee: c.assignee,
      acceptBy: c.acceptBy,
      resolveBy: c.resolveBy,
      notes: c.notes,
      replies: c.replies,
      outcome: c.outcome,
      referral: c.referral,
      groupId: c.groupId,
      deliveryFailures: c.deliveryFailures,
    };
  }

  router.get('/api/v1/staff/cases', async (ctx) => {
    const sc = staffCtx(ctx);
    ctx.body = { cases: (await listCases(sc)).map((c) => view(c, sc)) };
  });

  router.get('/api/v1/staff/cases/:caseNo', async (ctx) => {
    const sc = staffCtx(ctx);
    const c = await core.cases.getByNo(String(ctx.params.caseNo).toUpperCase());
    if (!c) throw new NotFoundError('没有找到这个案件。');
    if (!canView(sc.staff, c)) {
      ctx.status = 403;
      ctx.body = { error: { code: 'forbidden', message: `案件 ${c.caseNo} 不是您负责的。` } };
      return;
    }
    ctx.body = { case: view(c, sc) };
  });

  /** An evidence file, decrypted, for whoever may see the case. */
  router.get('/api/v1/staff/cases/:caseNo/evidence/:id', async (ctx) => {
    const sc = staffCtx(ctx);
    const c = await core.cases.getByNo(String(ctx.params.caseNo).toUpperCase());
    if (!c) throw new NotFoundError('没有找到这个案件。');
    if (!canView(sc.staff, c)) throw new ForbiddenError(`案件 ${c.caseNo} 不是您负责的。`);
    const file = c.evidence.find((e) => e.id === ctx.params.id);
    if (!file) throw new NotFoundError('这个案件没有这份材料。');
    ctx.type = file.mediaType;
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = evidence.load(file.id);
  });

  const act = (path: string, run: (sc: StaffCommandContext, caseNo: string, ctx: Context) => Promise<Case>) =>
    router.post(`/api/v1/staff/cases/:caseNo/${path}`, async (ctx) => {
      const sc = staffCtx(ctx);
      const c = await run(sc, String(ctx.params.caseNo).toUpperCase(), ctx);
      ctx.body = { case: view(c, sc) };
    });

  act('accept', (sc, no) => acceptCase(sc, no));
  act('decline', (sc, no, ctx) => declineCase(sc, no, parseBody(ctx, Reason).reason));
  act('note', (sc, no, ctx) => noteCase(sc, no, parseBody(ctx, Note).text));
  act('reply', (sc, no, ctx) => replyToReporter(sc, no, parseBody(ctx, Note).text));
  act('resolve', (sc, no, ctx) => {
    const b = parseBody(ctx, Resolve);
    return resolveCase(sc, no, { recovered: b.recovered ?? null, reason: b.reason ?? null });
  });
  act('refer', (sc, no, ctx) => referCase(sc, no, parseBody(ctx, Reason).reason));
  act('referral/accept', (sc, no) => decideReferral(sc, no, true));
  act('referral/decline', (sc, no, ctx) => decideReferral(sc, no, false, parseBody(ctx, Reason).reason));
  act('referral/outcome', (sc, no, ctx) => recordReferralOutcome(sc, no, parseBody(ctx, Outcome).outcome));

  router.post('/api/v1/staff/duty', async (ctx) => {
    const sc = staffCtx(ctx);
    await setDuty(core, sc.staff.staff.id, parseBody(ctx, Duty).onDuty);
    ctx.body = { onDuty: await isOnDuty(sc) };
  });

  // --- admin: WeChat binding codes and figures --------------------------------
  router.post('/api/v1/admin/bind-codes', async (ctx) => {
    requireAdmin(ctx);
    const { staffId } = parseBody(ctx, StaffId);
    const entry = core.directory.index().staffById.get(staffId);
    if (!entry) {
      ctx.status = 400;
      ctx.body = { error: { code: 'invalid', message: `staffId: 名录中没有 ${staffId}`, field: 'staffId' } };
      return;
    }
    ctx.status = 201;
    ctx.body = { code: await bindings.issueCode(staffId), expiresInSeconds: 86400, staff: { id: staffId, name: entry.staff.name } };
  });

  router.delete('/api/v1/admin/bindings/:staffId', async (ctx) => {
    requireAdmin(ctx);
    ctx.body = { unbound: await bindings.unbind(String(ctx.params.staffId)) };
  });

  router.get('/api/v1/admin/stats', async (ctx) => {
    requireAdmin(ctx);
    const coverage = core.directory.index().calendar.coverage(chinaDay(core.clock.now()), CALENDAR_WARN_DAYS);
    ctx.body = { districts: await caseFigures(core), calendar: coverage };
  });
}
