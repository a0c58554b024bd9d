import { chineseDate } from '../infra/time.js';
import { createHmac, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Core } from '../context.js';
import { membersOf, type Membership } from './store.js';
import { maskName } from '../infra/privacy.js';
import type { Reply } from '../infra/replies.js';

/**
 * The electronic membership card (电子会员卡): the member's details as text
 * and a QR code (a real PNG) that encodes
 * `<PUBLIC_BASE_URL>/api/v1/cards/verify?token=…`. The token is signed with
 * a key derived from TOKEN_SECRET for this purpose only (a card token is
 * never a login token, nor the other way round) and expires; it names the
 * record id only, so it carries no personal data.
 */

/** How long a card's QR code stays valid; `我的会员卡` issues a fresh one. */
export const CARD_TOKEN_TTL_SECONDS = 30 * 86400;

const ClaimsSchema = z.object({ m: z.string().min(1).max(64), e: z.number().int() });

function cardKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('gongyou/member-card/v1').digest();
}

/** `<base64url {m: recordId, e: expiry seconds}>.<base64url HMAC>` */
export function signCardToken(secret: string, memberId: string, ttlSeconds: number, now: number): string {
  const body = Buffer.from(JSON.stringify({ m: memberId, e: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return `${body}.${createHmac('sha256', cardKey(secret)).update(body).digest('base64url')}`;
}

export type CardTokenCheck = { ok: true; memberId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks the signature first: only an authentic token can be "expired"; anything altered is "invalid". */
export function verifyCardToken(secret: string, token: string, now: number): CardTokenCheck {
  if (typeof token !== 'string' || token.length > 512) return { ok: false, reason: 'invalid' };
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = createHmac('sha256', cardKey(secret)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let claims: z.infer<typeof ClaimsSchema>;
  try {
    claims = ClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (claims.e * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, memberId: claims.m, expiresAt: new Date(claims.e * 1000) };
}

/** Where the QR code points. */
export function verifyUrl(core: Core, token: string): string {
  const base = (core.config.PUBLIC_BASE_URL ?? `http://${core.config.HOST}:${core.config.PORT}`).replace(/\/+$/, '');
  return `${base}/api/v1/cards/verify?token=${encodeURIComponent(token)}`;
}

/** QR code PNG of `text`: 8 pixels a module, a quiet zone of 4 modules. */
export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
}

export { chineseDate };

export interface Card {
  token: string;
  url: string;
  png: Buffer;
  expiresAt: Date;
}

/** A fresh signed token and QR code for an approved member. */
export async function issueCard(core: Core, m: Membership): Promise<Card> {
  const now = core.clock.now();
  if (m.status !== 'approved') throw new Error(`membership ${m.id} is not approved`);
  const token = signCardToken(core.config.TOKEN_SECRET, m.id, CARD_TOKEN_TTL_SECONDS, now.getTime());
  const url = verifyUrl(core, token);
  return { token, url, png: await qrPng(url), expiresAt: new Date(now.getTime() + CARD_TOKEN_TTL_SECONDS * 1000) };
}

/** The card for the member's own chat: details as text, then the QR code as an image. */
export async function cardReplies(core: Core, m: Membership): Promise<Reply[]> {
  const card = await issueCard(core, m);
  return [
    {
      type: 'text',
      text:
        '【工会会员卡】\n' +
        `会员编号：${m.memberNo}\n` +
        `姓名：${m.applicant.name ?? ''}\n` +
        `所属工会：${m.union.name}\n` +
        `入会日期：${chineseDate(m.joinedAt ?? m.createdAt)}\n` +
        `办事时请出示下面的二维码，工作人员扫码即可核验。二维码${chineseDate(card.expiresAt.toISOString())}前有效，过期后回复「我的会员卡」即可重新获取。`,
    },
    { type: 'image', url: `data:image/png;base64,${card.png.toString('base64')}`, alt: `会员卡二维码-${m.memberNo}` },
  ];
}

export type CardCheck =
  | { valid: true; name: string; union: string }
  | { valid: false; reason: 'invalid' | 'expired' | 'revoked' };

/**
 * What a scan of the QR code shows: valid or not, and only the masked name
 * and the union. A member who deleted their data (or any record that is not
 * an approved member) is `revoked`.
 */
export async function checkCard(core: Core, token: string): Promise<CardCheck> {
  const t = verifyCardToken(core.config.TOKEN_SECRET, token, core.clock.now().getTime());
  if (!t.ok) return { valid: false, reason: t.reason };
  const m = await membersOf(core).get(t.memberId);
  if (!m || m.status !== 'approved' || !m.applicant.name) return { valid: false, reason: 'revoked' };
  return { valid: true, name: maskName(m.applicant.name), union: m.union.name };
}
