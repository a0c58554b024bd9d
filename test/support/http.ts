import type { Server } from 'node:http';
import { createApp } from '../../api/app.js';
import { closeServer, listen } from '../../api/server.js';
import { startTestCore, type TestCore } from './core.js';

export interface TestHttp {
  t: TestCore;
  server: Server;
  /** `http://127.0.0.1:<port>` */
  base: string;
  stop(): Promise<void>;
}

/**
 * The real Koa app on a free loopback port, over a test core (real Redis,
 * unique prefix). `stop` closes the server, then the core.
 */
export async function startHttp(opts: Parameters<typeof startTestCore>[0] = {}, existing?: TestCore): Promise<TestHttp> {
  const t = existing ?? (await startTestCore(opts));
  let server: Server;
  try {
    server = await listen(createApp({ core: t.core, chat: t.chat }), 0, '127.0.0.1');
  } catch (err) {
    if (!existing) await t.stop();
    throw err;
  }
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return {
    t,
    server,
    base: `http://127.0.0.1:${addr.port}`,
    async stop() {
      await closeServer(server);
      if (!existing) await t.stop();
    },
  };
}
