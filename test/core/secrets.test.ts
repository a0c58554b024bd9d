/*
 * The configuration's sign-in switches and secrets: DEV_LOGIN is off unless
 * asked for and never on in production; production refuses secrets that a
 * length check alone would let through.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, weakSecret } from '../../core/infra/config.js';
import { TEST_ENV } from '../support/core.js';

/** Fresh random secrets, as `openssl rand -hex 32` makes them: production takes these. */
function strongProduction(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    REDIS_URL: 'redis://127.0.0.1:6379',
    DATA_KEY: randomBytes(32).toString('hex'),
    HASH_KEY: randomBytes(32).toString('base64'),
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: randomBytes(24).toString('base64url'),
  };
}

/** The problems `loadConfig` refuses `env` with; the test fails if it is accepted. */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected loadConfig to refuse the configuration');
}

describe('DEV_LOGIN', () => {
  it('when it is not set, then development sign-in is off', () => {
    const { DEV_LOGIN, ...withoutDevLogin } = TEST_ENV;
    expect(DEV_LOGIN).toBe('1');
    expect(loadConfig(withoutDevLogin).DEV_LOGIN).toBe(false);
    // An empty value counts as unset.
    expect(loadConfig({ ...TEST_ENV, DEV_LOGIN: '' }).DEV_LOGIN).toBe(false);
    expect(loadConfig({ ...TEST_ENV, DEV_LOGIN: '1' }).DEV_LOGIN).toBe(true);
  });

  it('when production asks for it, then the configuration is refused and DEV_LOGIN named', () => {
    const env = strongProduction();
    expect(loadConfig(env).DEV_LOGIN).toBe(false);
    for (const on of ['1', 'true', 'yes']) {
      expect(problemsOf({ ...env, DEV_LOGIN: on })).toEqual([expect.stringMatching(/^DEV_LOGIN must be off when NODE_ENV=production/)]);
    }
    expect(loadConfig({ ...env, DEV_LOGIN: '0' }).DEV_LOGIN).toBe(false);
  });
});

describe('secrets in production', () => {
  it('when every secret is random, then the configuration is accepted', () => {
    for (let i = 0; i < 20; i++) {
      const env = strongProduction();
      const c = loadConfig({ ...env, WECHAT_APPID: `wx${randomBytes(8).toString('hex')}`, WECHAT_SECRET: randomBytes(16).toString('hex') });
      expect(c.NODE_ENV).toBe('production');
      expect(c.TOKEN_SECRET).toBe(env.TOKEN_SECRET);
      expect(c.DATA_KEY.toString('hex')).toBe(env.DATA_KEY);
    }
  });

  // Each weak value, put into otherwise strong settings: exactly one problem, naming the variable and why.
  const weak: [what: string, name: string, value: string, why: RegExp][] = [
    ['too short', 'ADMIN_TOKEN', randomBytes(12).toString('base64url'), /is too short/],
    ['too short (the AppSecret)', 'WECHAT_SECRET', randomBytes(10).toString('hex'), /is too short/],
    ['one repeated character', 'TOKEN_SECRET', 'a'.repeat(40), /has only 1 distinct character/],
    ['64 zeros', 'DATA_KEY', '0'.repeat(64), /has only 1 distinct byte/],
    ['64 zeros', 'HASH_KEY', '0'.repeat(64), /has only 1 distinct byte/],
    ['32 zero bytes in base64', 'HASH_KEY', Buffer.alloc(32).toString('base64'), /has only 1 distinct byte/],
    ['a repeated short block of few characters', 'TOKEN_SECRET', 'abcd'.repeat(10), /has only 4 distinct characters/],
    ['a repeated short block of many characters', 'TOKEN_SECRET', 'k3Xv9QpL'.repeat(5), /repeats one short block/],
    ['a repeated short block of many characters', 'ADMIN_TOKEN', '0123456789abcdef'.repeat(3), /repeats one short block/],
    ['a repeated block of bytes', 'DATA_KEY', '0123456789abcdef'.repeat(4), /repeats one short block/],
    ['an example value', 'TOKEN_SECRET', `change-me-${randomBytes(16).toString('hex')}`, /is an example value/],
    ['an example value', 'ADMIN_TOKEN', `CHANGEME${randomBytes(12).toString('hex')}`, /is an example value/],
  ];
  for (const [what, name, value, why] of weak) {
    it(`when ${name} is ${what}, then the configuration is refused and ${name} named`, () => {
      const env = { ...strongProduction(), ...(name === 'WECHAT_SECRET' ? { WECHAT_APPID: `wx${randomBytes(8).toString('hex')}` } : {}), [name]: value };
      const problems = problemsOf(env);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(`${name} `), problems[0]).toBe(true);
      expect(problems[0]).toMatch(why);
      // The refusal never quotes the secret itself.
      expect(problems[0]).not.toContain(value);
    });
  }

  it('when HASH_KEY equals DATA_KEY, then the configuration is refused and both named', () => {
    const env = strongProduction();
    expect(problemsOf({ ...env, HASH_KEY: env.DATA_KEY })).toEqual(['HASH_KEY must differ from DATA_KEY']);
    // The same 32 bytes spelt in base64 are the same key.
    expect(problemsOf({ ...env, HASH_KEY: Buffer.from(env.DATA_KEY!, 'hex').toString('base64') })).toEqual(['HASH_KEY must differ from DATA_KEY']);
  });

  it('when ADMIN_TOKEN equals TOKEN_SECRET, then the configuration is refused and both named', () => {
    const env = strongProduction();
    expect(problemsOf({ ...env, ADMIN_TOKEN: env.TOKEN_SECRET })).toEqual(['ADMIN_TOKEN must differ from TOKEN_SECRET']);
  });

  it('when several secrets are weak, then each is named at once', () => {
    const env = { ...strongProduction(), TOKEN_SECRET: 'a'.repeat(40), DATA_KEY: '0'.repeat(64), ADMIN_TOKEN: 'change-me-change-me' };
    const problems = problemsOf(env).join('\n');
    for (const name of ['TOKEN_SECRET', 'DATA_KEY', 'ADMIN_TOKEN']) expect(problems).toMatch(new RegExp(`^${name} `, 'm'));
  });

  it('when the tests\' fixed secrets are given outside production, then they are accepted; in production they are refused', () => {
    expect(loadConfig(TEST_ENV).NODE_ENV).toBe('test');
    const weakOnes = { DATA_KEY: '0'.repeat(64), HASH_KEY: '0'.repeat(64), TOKEN_SECRET: 'a'.repeat(40), ADMIN_TOKEN: 'change-me-change-me' };
    for (const nodeEnv of ['test', 'development']) {
      expect(loadConfig({ ...TEST_ENV, NODE_ENV: nodeEnv, ...weakOnes }).TOKEN_SECRET).toBe('a'.repeat(40));
      expect(loadConfig({ ...TEST_ENV, NODE_ENV: nodeEnv, ADMIN_TOKEN: TEST_ENV.TOKEN_SECRET }).ADMIN_TOKEN).toBe(TEST_ENV.TOKEN_SECRET);
      expect(loadConfig({ ...TEST_ENV, NODE_ENV: nodeEnv, HASH_KEY: TEST_ENV.DATA_KEY }).HASH_KEY.equals(Buffer.from(TEST_ENV.DATA_KEY, 'hex'))).toBe(true);
    }
    const production = problemsOf({ ...TEST_ENV, DEV_LOGIN: '0', NODE_ENV: 'production', REDIS_URL: 'redis://127.0.0.1:6379' }).join('\n');
    // 11…, 22…, "test-token-secret-…" (an example word), a 21-character admin token.
    for (const name of ['DATA_KEY', 'HASH_KEY', 'TOKEN_SECRET', 'ADMIN_TOKEN']) expect(production).toMatch(new RegExp(`^${name} `, 'm'));
  });

  it('weakSecret judges random values strong and patterned ones weak', () => {
    for (let i = 0; i < 50; i++) {
      expect(weakSecret(randomBytes(32))).toBeNull();
      expect(weakSecret(randomBytes(32).toString('hex'))).toBeNull();
      expect(weakSecret(randomBytes(32).toString('base64url'))).toBeNull();
    }
    expect(weakSecret(Buffer.alloc(32, 7))).toMatch(/1 distinct byte/);
    expect(weakSecret(Buffer.alloc(31, 1))).toMatch(/too short/);
    expect(weakSecret('Password' + randomBytes(16).toString('hex'))).toMatch(/example value/);
  });
});

describe('WeChat settings', () => {
  it('when WECHAT_APPID is given without WECHAT_SECRET (or the other way round), then the missing one is named', () => {
    const appId = `wx${randomBytes(8).toString('hex')}`;
    const secret = randomBytes(16).toString('hex');
    expect(problemsOf({ ...TEST_ENV, WECHAT_APPID: appId })).toEqual([expect.stringMatching(/^WECHAT_SECRET .*go together/)]);
    expect(problemsOf({ ...TEST_ENV, WECHAT_SECRET: secret })).toEqual([expect.stringMatching(/^WECHAT_APPID .*go together/)]);
    expect(loadConfig({ ...TEST_ENV, WECHAT_APPID: appId, WECHAT_SECRET: secret }).WECHAT_APPID).toBe(appId);
    expect(loadConfig(TEST_ENV).WECHAT_APPID).toBeUndefined();
  });
});

describe('one start-up names every problem', () => {
  it('when production has a weak secret and a malformed setting, then both are listed together', () => {
    const problems = problemsOf({ ...strongProduction(), TOKEN_SECRET: 'a'.repeat(40), PORT: 'eighty', DEV_LOGIN: '1' });
    expect(problems.some((p) => p.startsWith('TOKEN_SECRET '))).toBe(true);
    expect(problems.some((p) => p.startsWith('PORT '))).toBe(true);
    expect(problems.some((p) => p.startsWith('DEV_LOGIN '))).toBe(true);
  });
});

describe('TRUST_PROXY', () => {
  it('is off unless asked for', () => {
    expect(loadConfig({ ...TEST_ENV }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...TEST_ENV, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
  });
});
