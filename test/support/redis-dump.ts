import type { Redis } from '../../core/infra/redis.js';

/** Every value stored under `prefix`, whatever the key type, as text (for privacy scans). */
export async function dumpPrefix(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
    for (const key of batch) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'hash') value = await redis.hGetAll(key);
      else if (type === 'list') value = await redis.lRange(key, 0, -1);
      else if (type === 'set') value = await redis.sMembers(key);
      else if (type === 'zset') value = await redis.zRange(key, 0, -1);
      else if (type === 'stream') value = await redis.xRange(key, '-', '+');
      out.set(key, `${key} ${JSON.stringify(value)}`);
    }
  }
  return out;
}
