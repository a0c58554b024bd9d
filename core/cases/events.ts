import type { Core } from '../context.js';
import type { Redis } from '../infra/redis.js';
import { reportRedisTrouble } from '../infra/redis.js';

/** A case changed (core/cases/store.ts publishes one per written change). */
export interface CaseChanged {
  id: string;
  caseNo: string;
}

interface Hub {
  listeners: Set<(e: CaseChanged) => void>;
  client: Promise<Redis | null>;
}

const hubs = new WeakMap<Core, Hub>();

/**
 * Listens to every change of a case in any process (Redis pub/sub on the
 * cases' channel): for live views such as the web console's boards. One
 * subscriber connection per process while anyone listens; it is closed when
 * the last listener leaves. Returns the function that stops listening.
 */
export function onCaseChange(core: Core, listener: (e: CaseChanged) => void): () => void {
  let hub = hubs.get(core);
  if (!hub) {
    const listeners = new Set<(e: CaseChanged) => void>();
    const channel = core.cases.keys.changedChannel;
    const client = (async () => {
      const sub = core.redis.duplicate();
      sub.on('error', (err: Error) => reportRedisTrouble(core.log, 'case-events', err));
      try {
        await sub.connect();
        await sub.subscribe(channel, (message: string) => {
          let e: CaseChanged;
          try {
            e = JSON.parse(message) as CaseChanged;
          } catch {
            return;
          }
          for (const l of listeners) l(e);
        });
        return sub as Redis;
      } catch (err) {
        reportRedisTrouble(core.log, 'case-events', err);
        if (sub.isOpen) await sub.quit().catch(() => undefined);
        return null;
      }
    })();
    hub = { listeners, client };
    hubs.set(core, hub);
  }
  const h = hub;
  h.listeners.add(listener);
  return () => {
    h.listeners.delete(listener);
    if (h.listeners.size > 0 || hubs.get(core) !== h) return;
    hubs.delete(core);
    void h.client.then(async (c) => {
      if (c?.isOpen) await c.quit().catch(() => undefined);
    });
  };
}
