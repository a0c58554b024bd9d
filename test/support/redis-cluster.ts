import { connectRedis, redisMasters } from '../../core/infra/redis.js';

/**
 * How many commands a Redis Cluster's masters have refused with CROSSSLOT
 * since they started (`INFO errorstats`): a Lua script or a MULTI whose
 * keys are in two hash slots. The server counts every refusal, also those
 * the app swallowed (a best-effort write) or retried (a job), so a run
 * that leaves the count unchanged touched one slot per script and MULTI.
 */
export async function crossSlotErrors(nodes: readonly string[]): Promise<number> {
  const redis = await connectRedis({ cluster: nodes });
  try {
    let n = 0;
    for (const { client } of await redisMasters(redis)) {
      n += Number(/errorstat_CROSSSLOT:count=(\d+)/.exec(await client.info('errorstats'))?.[1] ?? 0);
    }
    return n;
  } finally {
    await redis.quit();
  }
}
