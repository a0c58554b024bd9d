import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NAMES = ['DATA_KEY', 'HASH_KEY', 'TOKEN_SECRET', 'ADMIN_TOKEN'] as const;

/**
 * Development convenience: fills missing secrets from `var/dev-secrets.env`,
 * creating it with fresh random values the first time, so that encrypted data
 * survives restarts of `npm start`. Never used when NODE_ENV=production.
 */
export function withDevSecrets(
  env: Record<string, string | undefined>,
  varDir = env.VAR_DIR || 'var',
): Record<string, string | undefined> {
  if (env.NODE_ENV === 'production') return env;
  const file = join(varDir, 'dev-secrets.env');
  let stored: Record<string, string> = {};
  if (existsSync(file)) {
    stored = Object.fromEntries(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
  }
  let changed = false;
  for (const name of NAMES) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString('hex');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(varDir, { recursive: true });
    writeFileSync(file, NAMES.map((n) => `${n}=${stored[n]}`).join('\n') + '\n', { mode: 0o600 });
  }
  const out = { ...env };
  for (const name of NAMES) if (!out[name]) out[name] = stored[name];
  return out;
}
