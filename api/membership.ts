import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { checkCard, issueCard } from '../core/membership/card.js';
import type { Core } from '../core/context.js';
import { UnauthorizedError } from '../core/infra/errors.js';
import { OCCUPATION_NAMES, membershipStatusText, placeText } from '../core/membership/texts.js';
import { currentOf, membersOf, type Membership } from '../core/membership/store.js';
import { maskIdNumber, maskPhone, unseal } from '../core/infra/privacy.js';
import '../core/staff/all-commands.js';
import type { StaffCommandContext } from '../core/staff/commands.js';
import { approveByStaff, rejectByStaff, viewByStaff, waitingForReviewer } from '../core/membership/commands.js';
import { bearer, parseBody, rateLimit } from './http.js';

const RejectBody = z.object({
  reason: z.string({ error: 'reason 必须是字符串' }).trim().min(1, 'reason 不能为空：驳回要写明原因').max(200, 'reason 不能超过200字'),
});

/**
 * Membership routes: the card check behind the QR code (public), the
 * applicant's own membership, and review for union administrators through
 * the same functions as the WeChat commands (`通过 RH…`, `驳回 RH… 原因`).
 * ID numbers appear masked only.
 */
/** Card checks per client address per minute. */
const VERIFY_PER_MINUTE = 60;

export function addMembershipRoutes(router: Router, core: Core) {
  const { config } = core;
  const members = membersOf(core);

  function staffCtx(ctx: Context): StaffCommandContext {
    const claims = bearer(ctx, config.TOKEN_SECRET, ['staff'], core.clock.now());
    const staff = core.directory.index().staffById.get(claims.sub);
    if (!staff) throw new UnauthorizedError('您已不在工作人员名录中。');
    return { core, staff };
  }

  const idMasked = (m: Membership) => (m.applicant.idSealed ? maskIdNumber(unseal(config.DATA_KEY, m.applicant.idSealed)) : null);

  /** Shared by the applicant's and the reviewer's views; never the full ID number. */
  function baseView(m: Membership) {
    const index = core.directory.index();
    const e = m.employment;
    return {
      appNo: m.appNo,
      status: m.status,
      statusText: membershipStatusText(m.status),
      createdAt: m.createdAt,
      union: m.union.name,
      memberNo: m.memberNo,
      joinedAt: m.joinedAt,
      name: m.applicant.name,
      idNumber: idMasked(m),
      work:
        e?.kind === 'employee'
          ? { kind: e.kind, employer: e.employer, workplace: e.workplace ? placeText(index, e.workplace) : null }
          : e
            ? { kind: e.kind, occupation: OCCUPATION_NAMES[e.occupation], occupationText: e.occupationText, platform: e.platform }
            : null,
      place: m.place ? { kind: m.place.kind, text: placeText(index, m.place) } : null,
      reviewDeadline: m.status === 'pending' ? m.reviewer?.deadline ?? null : null,
      rejectReason: m.status === 'rejected' ? m.decision?.reason ?? null : null,
      history: m.history,
    };
  }

  /** The phone is complete only for the assigned reviewer, who may have to call. */
  function reviewerView(m: Membership, staffId: string) {
    const phone = m.applicant.phoneSealed ? unseal(config.DATA_KEY, m.applicant.phoneSealed) : null;
    return {
      ...baseView(m),
      phone: phone ? (m.reviewer?.staffId === staffId ? phone : maskPhone(phone)) : null,
      phoneSharedWith: m.phoneSharedWith,
      previousAppNo: m.previousAppNo,
      reviewer: m.reviewer ? { staffId: m.reviewer.staffId, deadline: m.reviewer.deadline, escalated: m.reviewer.escalated } : null,
    };
  }

  // --- card check (the QR code's address; no login) ------------------------------------
  router.get('/api/v1/cards/verify', async (ctx) => {
    // Public (anyone can scan a card): limited per client address against token guessing.
    await rateLimit(core.redis, (w) => core.keys.rate(`ip:${ctx.ip}`, w), VERIFY_PER_MINUTE, '查询太频繁了，请稍等一分钟再试。');
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

  // --- the applicant ---------------------------------------------------------------------
  router.get('/api/v1/me/membership', async (ctx) => {
    const userKey = bearer(ctx, config.TOKEN_SECRET, ['user'], core.clock.now()).sub;
    const m = currentOf(await members.listByUser(userKey));
    if (!m) {
      ctx.body = { membership: null };
      return;
    }
    const card = m.status === 'approved' ? await issueCard(core, m) : null;
    ctx.body = {
      membership: {
        ...baseView(m),
        card: card
          ? { token: card.token, verifyUrl: card.url, qr: `data:image/png;base64,${card.png.toString('base64')}`, expiresAt: card.expiresAt.toISOString() }
          : null,
      },
    };
  });

  // --- review (union administrators) ----------------------------------------------------------
  router.get('/api/v1/staff/memberships', async (ctx) => {
    const sc = staffCtx(ctx);
    ctx.body = { memberships: (await waitingForReviewer(sc)).map((m) => reviewerView(m, sc.staff.staff.id)) };
  });

  router.get('/api/v1/staff/memberships/:no', async (ctx) => {
    const sc = staffCtx(ctx);
    ctx.body = { membership: reviewerView(await viewByStaff(sc, String(ctx.params.no).toUpperCase()), sc.staff.staff.id) };
  });

  router.post('/api/v1/staff/memberships/:no/approve', async (ctx) => {
    const sc = staffCtx(ctx);
    const m = await approveByStaff(sc, String(ctx.params.no).toUpperCase());
    ctx.body = { membership: reviewerView(m, sc.staff.staff.id) };
  });

  router.post('/api/v1/staff/memberships/:no/reject', async (ctx) => {
    const sc = staffCtx(ctx);
    const { reason } = parseBody(ctx, RejectBody);
    const m = await rejectByStaff(sc, String(ctx.params.no).toUpperCase(), reason);
    ctx.body = { membership: reviewerView(m, sc.staff.staff.id) };
  });
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
