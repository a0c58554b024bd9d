import { join } from 'node:path';
import { warnCalendarGaps } from './infra/calendar.js';
import { loadConfig, processEnv, type Config } from './infra/config.js';
import { createCore, loadDirectory, type Core } from './context.js';
import { withDevSecrets } from './infra/dev-secrets.js';
import { loadDemoDirectory, loadDirectoryFile } from './directory/index.js';
import { createLogger } from './infra/logger.js';
import { checkRedisServer, startPrivateRedis, type PrivateRedis } from './infra/redis.js';

export interface Booted {
  core: Core;
  config: Config;
  privateRedis: PrivateRedis | null;
  /** The holiday-calendar warning at start (Chinese, for the banner), or null. */
  calendarWarning: string | null;
  stop(): Promise<void>;
}

/**
 * Shared start-up of every entry point: config (dev secrets filled in outside
 * production), Redis (a private redis-server under var/redis when REDIS_URL
 * is unset), the server-settings check, and the directory (seeded if absent).
 */
export async function boot(env: Record<string, string | undefined> = processEnv()): Promise<Booted> {
  const config = loadConfig(withDevSecrets(env));
  const log = createLogger(config.LOG_LEVEL);
  let privateRedis: PrivateRedis | null = null;
  let calendarWarning: string | null = null;
  let url = config.REDIS_URL;
  if (!url && !config.REDIS_CLUSTER_NODES) {
    privateRedis = await startPrivateRedis(join(config.VAR_DIR, 'redis'), { log });
    url = privateRedis.url;
    // The address only: the URL carries the password.
    log.info({ url: privateRedis.address, dir: join(config.VAR_DIR, 'redis') }, 'no REDIS_URL: using a private redis-server (AOF on, noeviction, a password)');
  }
  const core = await createCore(config, { log, redisUrl: url });
  try {
    const check = await checkRedisServer(core.redis);
    for (const w of check.warnings) log.warn(`Redis: ${w}`);
    if (!check.ok) throw new Error(`Redis is not safe for queues:\n  - ${check.problems.join('\n  - ')}`);

    const seedFrom = config.DIRECTORY_FILE ? loadDirectoryFile(config.DIRECTORY_FILE) : loadDemoDirectory();
    if (await core.directory.seed(seedFrom)) {
      log.info({ source: config.DIRECTORY_FILE ?? 'demo' }, 'directory seeded');
    }
    await loadDirectory(core);
    calendarWarning = warnCalendarGaps(core.directory.index().calendar, core.clock.now(), core.log);
  } catch (err) {
    await core.close();
    await privateRedis?.stop();
    throw err;
  }
  const refresh = setInterval(() => {
    core.directory.refresh().catch((err: Error) => log.warn({ err }, 'directory refresh failed'));
  }, 30_000);
  refresh.unref();
  return {
    core,
    config,
    privateRedis,
    calendarWarning,
    async stop() {
      clearInterval(refresh);
      await core.close();
      await privateRedis?.stop();
    },
  };
}
