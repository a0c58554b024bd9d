import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createLogger } from '../../core/infra/logger.js';
import { connectRedis, type Redis } from '../../core/infra/redis.js';
import { createWechatApi, type WechatApiOptions } from '../../core/wechat/index.js';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';

export interface WechatRig {
  fake: FakeWechat;
  redis: Redis;
  prefix: string;
  /** Every log line any client of this rig wrote, at every level. */
  logs: string[];
  /** A client of the fake sharing the rig's Redis (and so its token): one per "process". */
  client(opts?: Partial<WechatApiOptions>): ReturnType<typeof createWechatApi>;
  stop(): Promise<void>;
}

/**
 * The fake WeChat and clients of it on the real test redis-server, under a
 * fresh key prefix; logs are kept (at trace level) so tests can read them.
 */
export async function startWechatRig(fakeOpts: Parameters<typeof startFakeWechat>[0] = {}): Promise<WechatRig> {
  const fake = await startFakeWechat(fakeOpts);
  const redis = await connectRedis(inject('redisUrl'));
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const logs: string[] = [];
  const log = createLogger('trace', { write: (line: string) => void logs.push(line) });
  return {
    fake,
    redis,
    prefix,
    logs,
    client: (opts = {}) => createWechatApi({ baseUrl: fake.url, appId: fake.appId, secret: fake.secret, redis, prefix, log, ...opts }),
    async stop() {
      const keys: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) keys.push(...batch);
      if (keys.length) await redis.del(keys);
      await redis.quit();
      await fake.close();
    },
  };
}

/** What a promise rejected with (the test fails if it resolved). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}
