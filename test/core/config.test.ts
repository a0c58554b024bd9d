import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/infra/config.js';
import { TEST_ENV } from '../support/core.js';

describe('config', () => {
  it('when everything needed is given, then defaults fill the rest', () => {
    const c = loadConfig(TEST_ENV);
    expect(c).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, REDIS_PREFIX: 'gy', SESSION_IDLE_MINUTES: 30 });
    expect(c.DATA_KEY).toHaveLength(32);
  });

  it('when several values are wrong, then every problem is listed at once', () => {
    try {
      loadConfig({ ...TEST_ENV, PORT: 'abc', DATA_KEY: 'short', REDIS_URL: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATA_KEY/);
      expect(problems).toMatch(/REDIS_URL/);
    }
  });

  it('when production lacks secrets and Redis, then each missing one is named', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATA_KEY[\s\S]*HASH_KEY[\s\S]*TOKEN_SECRET[\s\S]*ADMIN_TOKEN[\s\S]*REDIS_URL/);
  });

  it('.env.example documents every variable the config reads', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const source = readFileSync(new URL('../../core/infra/config.ts', import.meta.url), 'utf8');
    const names = [...source.matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(15);
    for (const n of names) expect(example, n).toMatch(new RegExp(`^${n}=`, 'm'));
  });
});
