import { readFileSync } from 'node:fs';
import { defineScript } from 'redis';
import type { Redis } from './redis.js';

/**
 * Lua scripts live in `.lua` files beside the code that owns them and are
 * loaded once per process. They run through node-redis's script protocol:
 * `EVALSHA` with the SHA-1 that `defineScript` computes, and `EVAL` of the
 * text (which also caches it on the server) only when the server answers
 * NOSCRIPT, e.g. after a restart. Features own their scripts, so they are
 * not registered on the shared client at creation (which would make the
 * infrastructure import every feature).
 *
 * Every key a script touches is passed in KEYS, never built inside it, and
 * the keys of one call share a hash tag (core/infra/keys.ts), so a Redis
 * Cluster can run them.
 */
export interface Script {
  readonly name: string;
  readonly SCRIPT: string;
  readonly SHA1: string;
}

export function luaScript(file: URL): Script {
  const text = readFileSync(file, 'utf8');
  const s = defineScript({ SCRIPT: text, parseCommand: () => undefined, transformReply: () => undefined as never });
  return { name: file.pathname.split('/').pop() ?? 'script', SCRIPT: text, SHA1: s.SHA1 };
}

/**
 * `inOrder`: sent as its text (EVAL) straight away, so it never comes back
 * NOSCRIPT to be sent again behind what followed it on the connection (a
 * lock given up in the same round trip: core/conversation/locks.ts). The
 * server still compiles it once and finds it by its hash afterwards.
 */
export async function runScript(redis: Redis, script: Script, keys: readonly string[], args: readonly string[], opts: { inOrder?: boolean } = {}): Promise<unknown> {
  const options = { keys: [...keys], arguments: [...args] };
  if (opts.inOrder) return redis.eval(script.SCRIPT, options);
  try {
    return await redis.evalSha(script.SHA1, options);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return redis.eval(script.SCRIPT, options);
  }
}
