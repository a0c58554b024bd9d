import { randomBytes } from 'node:crypto';
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

  it('when REDIS_CLUSTER_NODES is given, then it is a list of seed nodes, each checked, and it stands for REDIS_URL in production', () => {
    const nodes = 'redis://:pw@10.0.0.1:6379, redis://:pw@10.0.0.2:6380,,rediss://10.0.0.3:6379';
    expect(loadConfig({ ...TEST_ENV, REDIS_CLUSTER_NODES: nodes }).REDIS_CLUSTER_NODES).toEqual([
      'redis://:pw@10.0.0.1:6379',
      'redis://:pw@10.0.0.2:6380',
      'rediss://10.0.0.3:6379',
    ]);
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...TEST_ENV, ...env });
        return '';
      } catch (err) {
        return (err as ConfigError).problems.join('\n');
      }
    };
    for (const bad of ['10.0.0.1:6379', 'http://10.0.0.1:6379', 'redis://10.0.0.1', 'redis://10.0.0.1:6379/2', ' , ']) {
      expect(problems({ REDIS_CLUSTER_NODES: bad }), bad).toMatch(/REDIS_CLUSTER_NODES/);
    }
    expect(problems({ REDIS_CLUSTER_NODES: 'redis://10.0.0.1:6379', REDIS_URL: 'redis://10.0.0.9:6379' })).toMatch(/REDIS_CLUSTER_NODES and REDIS_URL: set one/);
    const production = { NODE_ENV: 'production', DEV_LOGIN: '0', DATA_KEY: randomHex(), HASH_KEY: randomHex(), TOKEN_SECRET: randomHex(), ADMIN_TOKEN: randomHex() };
    expect(problems(production)).toMatch(/REDIS_URL \(or REDIS_CLUSTER_NODES\) is required/);
    expect(problems({ ...production, REDIS_CLUSTER_NODES: 'redis://10.0.0.1:6379' })).toBe('');
  });

  it('.env.example documents every variable the config reads', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const source = readFileSync(new URL('../../core/infra/config.ts', import.meta.url), 'utf8');
    const names = [...source.matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(15);
    for (const n of names) expect(example, n).toMatch(new RegExp(`^${n}=`, 'm'));
  });
});

function randomHex(): string {
  return randomBytes(32).toString('hex');
}
