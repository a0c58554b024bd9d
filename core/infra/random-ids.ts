import { randomFillSync } from 'node:crypto';

/**
 * Random bytes for ids (request ids, a flow run's id), taken from a pool
 * filled 4 KB at a time: one call into the system's random source per
 * few hundred ids instead of one per id, as the seals' IVs are
 * (core/infra/privacy.ts). Every byte is used once.
 */
const POOL = Buffer.alloc(4096);
let at = POOL.length;

/** `bytes` fresh random bytes (at most 4096) from the pool, encoded. */
function take(bytes: number, encoding: 'base64url' | 'hex'): string {
  if (at + bytes > POOL.length) {
    randomFillSync(POOL);
    at = 0;
  }
  const id = POOL.toString(encoding, at, at + bytes);
  at += bytes;
  return id;
}

/** `bytes` fresh random bytes (at most 4096) as base64url: what `randomBytes(bytes).toString('base64url')` gives. */
export function randomId(bytes: number): string {
  return take(bytes, 'base64url');
}

/** `bytes` fresh random bytes (at most 4096) as hex, from the same pool. */
export function randomHex(bytes: number): string {
  return take(bytes, 'hex');
}
