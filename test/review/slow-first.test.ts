/*
 * The suite starts its slowest files first (vitest.config.ts, SLOW_FIRST) so
 * that two workers finish together. A file renamed or removed would drop out
 * of that list silently and could again run alone at the end.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOW_FIRST } from '../../vitest.config.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the slowest files start first', () => {
  it('every file named in SLOW_FIRST exists, once', () => {
    expect(SLOW_FIRST.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
    expect(new Set(SLOW_FIRST).size).toBe(SLOW_FIRST.length);
  });
});
