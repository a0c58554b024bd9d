import { randomBytes } from 'node:crypto';
import type { NewCase } from '../core/cases/record.js';
import { loadConfig, type Config } from '../core/infra/config.js';
import { lookupHash, seal } from '../core/infra/privacy.js';

/** What the benches and the fault suite share: their configuration and the cases they file. */

/** A bench's configuration: fresh random secrets, development mode, on `url` under `prefix`; `env` adds or overrides. */
export function benchConfig(url: string, prefix: string, varDir: string, env: Record<string, string> = {}): Config {
  const hex32 = () => randomBytes(32).toString('hex');
  return loadConfig({
    NODE_ENV: 'development',
    DATA_KEY: hex32(),
    HASH_KEY: hex32(),
    TOKEN_SECRET: hex32(),
    ADMIN_TOKEN: hex32(),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'error',
    REDIS_URL: url,
    REDIS_PREFIX: prefix,
    VAR_DIR: varDir,
    ...env,
  });
}

/** A reporter as a case keeps one: the phone sealed and hashed with the app's keys. */
export function benchReporter(config: Pick<Config, 'DATA_KEY' | 'HASH_KEY'>, name = '张三', phone = '13800138000'): Omit<NewCase['reporter'], 'userKey'> {
  return { name, phoneSealed: seal(config.DATA_KEY, phone), phoneHash: lookupHash(config.HASH_KEY, 'phone', phone) };
}

type Wage = NonNullable<NewCase['wage']>;

/**
 * A one-person wage report as the benches file it, for `core.cases.create`:
 * 青溪宏达建筑工程有限公司, 28,500元 over three months, still employed;
 * `wage` changes any of that.
 */
export function benchWageCase(p: {
  id: string;
  userKey: string;
  createdAt: string;
  reporter: ReturnType<typeof benchReporter>;
  location: NewCase['location'];
  wage?: Partial<Wage>;
}): NewCase {
  return {
    id: p.id,
    kind: 'wage_arrears',
    priority: 'normal',
    createdAt: p.createdAt,
    reporter: { userKey: p.userKey, ...p.reporter },
    location: p.location,
    wage: {
      employer: '青溪宏达建筑工程有限公司',
      construction: false,
      project: null,
      period: { start: '2026-09', end: null, months: 3 },
      amount: 28500,
      amountApprox: false,
      amountUpTo: null,
      groupAmount: null,
      headcount: { count: 1, approximate: false },
      stillEmployed: true,
      leftSince: null,
      nearArbitrationLimit: false,
      ...p.wage,
    },
    enquiry: null,
    evidence: [],
  };
}
