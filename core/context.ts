import { caseKeys } from './cases/keys.js';
import { createCaseStore, type CaseStore } from './cases/store.js';
import { systemClock, type Clock } from './infra/clock.js';
import type { Config } from './infra/config.js';
import { createDirectoryStore, type DirectoryStore } from './directory/store.js';
import { createLogger, type Logger } from './infra/logger.js';
import { createInbox, type Inbox, type Messenger } from './infra/messenger.js';
import { makeKeys, type Keys } from './infra/keys.js';
import { createQueues, type Queues } from './infra/queues.js';
import { createConversation, type Conversation } from './conversation/index.js';
import { connectRedis, redisTargetOf, type Redis } from './infra/redis.js';

/** What every entry point shares: built once per process. */
export interface Core {
  config: Config;
  /** Business time: the one "now" of the app (core/infra/clock.ts). */
  clock: Clock;
  log: Logger;
  redis: Redis;
  keys: Keys;
  cases: CaseStore;
  directory: DirectoryStore;
  queues: Queues;
  /** What every channel's conversation needs: sessions, the per-person lock, replies already given, rate limits. */
  conversation: Conversation;
  inbox: Inbox;
  /** Messengers that reach people directly (the bot adds WeChat); the inbox is the fallback. */
  messengers: Messenger[];
  /** Whether this process can serve: Redis answers and the directory is loaded (throws with the reason). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export async function createCore(config: Config, opts: { log?: Logger; redisUrl?: string; clock?: Clock } = {}): Promise<Core> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  // One server (REDIS_URL, or the private one `boot` started) or a cluster (REDIS_CLUSTER_NODES).
  const target = opts.redisUrl ?? redisTargetOf(config);
  if (!target) throw new Error('REDIS_URL is not set');
  const redis = await connectRedis(target, log);
  const keys = makeKeys(config.REDIS_PREFIX);
  const directory = createDirectoryStore(redis, config.REDIS_PREFIX);
  const clock = opts.clock ?? systemClock;
  const queues = createQueues(redis, keys, clock, log, config.OUTBOUND_PER_SECOND);
  const core: Core = {
    config,
    clock,
    log,
    redis,
    keys,
    // The case-number prefix is the directory's (read at each new case, so an edit applies at once).
    cases: createCaseStore({ redis, keys: caseKeys(config.REDIS_PREFIX), clock, caseNoPrefix: () => directory.index().directory.caseNoPrefix }),
    directory,
    queues,
    conversation: createConversation(redis, config),
    inbox: createInbox(redis, config.REDIS_PREFIX, config.DATA_KEY, clock, config.HISTORY_DAYS),
    messengers: [],
    async ready() {
      await redis.ping();
      directory.index();
    },
    async close() {
      await queues.close();
      if (redis.isOpen) await redis.quit();
    },
  };
  return core;
}

/** Loads the directory (every process reads it before its first message). */
export async function loadDirectory(core: Core): Promise<void> {
  await core.directory.refresh();
}
