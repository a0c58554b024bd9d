/**
 * Short-lived download links for the chat, which cannot attach files:
 * `<PUBLIC_BASE_URL>/api/v1/documents/<token>`. The token names the record
 * (case or booking id) and the document only, carries no personal data, is
 * signed with a key derived from TOKEN_SECRET for this purpose alone (a link
 * is never a login token, nor the other way round) and expires after
 * {@link LINK_TTL_SECONDS}. Parsing is strict: one spelling per token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Core } from '../context.js';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds.js';

export const LINK_TTL_SECONDS = 10 * 60;

const ClaimsSchema = z.strictObject({
  /** c: a case, b: a booking. */
  t: z.enum(['c', 'b']),
  i: z.string().min(1).max(80),
  k: z.enum(DOCUMENT_KINDS),
  e: z.number().int(),
});

const SHAPE = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/;

function linkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('gongyou/document-link/v1').digest();
}

export interface LinkTarget {
  type: 'case' | 'booking';
  id: string;
  kind: DocumentKind;
}

export function signDocumentLink(secret: string, target: LinkTarget, now: number, ttlSeconds = LINK_TTL_SECONDS): string {
  const claims = { t: target.type === 'case' ? 'c' : 'b', i: target.id, k: target.kind, e: Math.floor(now / 1000) + ttlSeconds };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${createHmac('sha256', linkKey(secret)).update(body).digest('base64url')}`;
}

export type LinkCheck = ({ ok: true; expiresAt: Date } & LinkTarget) | { ok: false; reason: 'invalid' | 'expired' };

/** The signature first: only an authentic token can be "expired"; anything altered is "invalid". */
export function verifyDocumentLink(secret: string, token: string, now: number): LinkCheck {
  const m = typeof token === 'string' ? SHAPE.exec(token) : null;
  if (!m) return { ok: false, reason: 'invalid' };
  const [, body, mac] = m as unknown as [string, string, string];
  const given = Buffer.from(mac, 'base64url');
  // Base64url has spare bits in its last character: only the canonical spelling counts.
  if (given.toString('base64url') !== mac) return { ok: false, reason: 'invalid' };
  const expected = createHmac('sha256', linkKey(secret)).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const raw = Buffer.from(body, 'base64url');
  if (raw.toString('base64url') !== body) return { ok: false, reason: 'invalid' };
  let claims: z.infer<typeof ClaimsSchema>;
  try {
    claims = ClaimsSchema.parse(JSON.parse(raw.toString('utf8')));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (claims.e * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, type: claims.t === 'c' ? 'case' : 'booking', id: claims.i, kind: claims.k, expiresAt: new Date(claims.e * 1000) };
}

/** The public address of a link (what WeChat and the web chat open). */
export function documentLinkUrl(core: Core, token: string): string {
  const base = (core.config.PUBLIC_BASE_URL ?? `http://${core.config.HOST}:${core.config.PORT}`).replace(/\/+$/, '');
  return `${base}/api/v1/documents/${token}`;
}
