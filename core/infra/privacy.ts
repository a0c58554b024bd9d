import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import { z } from 'zod';

/** Encrypted personal number as stored: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export type Sealed = string;

/**
 * Fresh random 12-byte IVs, taken from a pool filled 4 KB at a time: one
 * call into the system's random source per 341 seals instead of one per
 * seal (a chat message seals several values). Each IV is used once.
 */
const IV_POOL = Buffer.alloc(12 * 341);
let ivAt = IV_POOL.length;
function freshIv(): Buffer {
  if (ivAt + 12 > IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivAt = 0;
  }
  const iv = Buffer.from(IV_POOL.subarray(ivAt, ivAt + 12));
  ivAt += 12;
  return iv;
}

/** AES-256-GCM; a fresh 12-byte IV per value. */
export function seal(key: Buffer, plain: string): Sealed {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function unseal(key: Buffer, sealed: Sealed): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** Binary variant for evidence files. */
export function sealBytes(key: Buffer, plain: Buffer): Buffer {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

export function unsealBytes(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

/** Keyed hash for equality look-ups without storing the number in clear. */
export function lookupHash(key: Buffer, kind: 'phone' | 'id' | 'openid' | 'unionid', value: string): string {
  return createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url');
}

/** `138****8000` */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** `4503**********123X` */
export function maskIdNumber(id: string): string {
  return id.length >= 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}

/** `张*` / `欧阳**` — keeps the family name only. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

/** A phone number as records keep it: sealed, with a keyed hash for look-ups (both null once erased). */
export const SealedPhoneFields = {
  /** AES-256-GCM sealed (`seal`). */
  phoneSealed: z.string().nullable(),
  /** Keyed hash (`lookupHash`), to find records by phone without keeping it in clear. */
  phoneHash: z.string().nullable(),
};
