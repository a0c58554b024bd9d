import { luaScript, runScript } from '../infra/scripts.js';
import { directoryKeys } from './keys.js';
import type { Redis } from '../infra/redis.js';
import { indexDirectory, parseDirectory, type DirectoryIndex } from './load.js';
import type { Directory } from './schema.js';

/**
 * The directory lives in Redis (so admins can edit it for every process) and
 * is cached here as a validated index. `refresh` re-reads it; processes call
 * it on a timer.
 */
const CAS_SET = luaScript(new URL('../infra/cas-set.lua', import.meta.url));

export function createDirectoryStore(redis: Redis, prefix: string) {
  const key = directoryKeys(prefix).document();
  let current: DirectoryIndex | null = null;
  let currentRaw = '';

  async function refresh(): Promise<DirectoryIndex> {
    const raw = await redis.get(key);
    if (!raw) throw new Error('no directory in Redis: seed one first (npm start seeds the demo directory)');
    if (raw !== currentRaw || !current) {
      current = indexDirectory(parseDirectory(JSON.parse(raw)));
      currentRaw = raw;
    }
    return current;
  }

  /**
   * Replaces the directory only if it is still the one `change` saw, so two
   * admins editing at once cannot undo each other's change. `change`
   * returns the new (validated) directory, or throws to refuse.
   */
  async function update(change: (current: Directory) => Directory): Promise<DirectoryIndex> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await redis.get(key);
      if (!raw) throw new Error('no directory in Redis');
      const next = JSON.stringify(parseDirectory(change(parseDirectory(JSON.parse(raw)))));
      const ok = await runScript(redis, CAS_SET, [key], [raw, next]);
      if (ok === 1) return refresh();
    }
    throw new Error('directory: too many concurrent edits');
  }

  return {
    update,
    /** Writes the directory unless one is there already (or `overwrite`). Returns whether it wrote. */
    async seed(d: Directory, overwrite = false): Promise<boolean> {
      const json = JSON.stringify(parseDirectory(d));
      const wrote = overwrite ? (await redis.set(key, json)) === 'OK' : (await redis.set(key, json, { NX: true })) === 'OK';
      await refresh();
      return wrote;
    },
    refresh,
    /** The cached index; `refresh` must have run once. */
    index(): DirectoryIndex {
      if (!current) throw new Error('directory not loaded');
      return current;
    },
  };
}

export type DirectoryStore = ReturnType<typeof createDirectoryStore>;
