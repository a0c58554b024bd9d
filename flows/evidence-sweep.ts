import type { Core } from '../core/context.js';
import { evidenceIdsIn, type EvidenceStore } from '../core/cases/index.js';
import type { Logger } from '../core/infra/logger.js';

/**
 * Evidence files nothing holds any more. A file is written only once a draft
 * (or a case) holds it, and deleted when the draft lets it go (flows/service.ts);
 * what this catches is a draft that simply expired (its session key lives
 * DRAFT_TTL_DAYS after the last message) and any file a crash left between
 * writing and saving. A file older than DRAFT_TTL_DAYS (by the app clock) that
 * no case and no live session names is deleted: a draft that still holds it
 * was saved after it was written, so it is live and names it.
 */
export async function sweepEvidence(core: Core, evidence: EvidenceStore): Promise<number> {
  const cutoff = core.clock.now().getTime() - core.config.DRAFT_TTL_DAYS * 86_400_000;
  const old = evidence.list().filter((f) => f.at.getTime() < cutoff);
  if (old.length === 0) return 0;
  const held = evidenceIdsIn((await core.cases.recent(0)).map((c) => c.evidence));
  for await (const data of core.conversation.sessions.all()) for (const id of evidenceIdsIn(data)) held.add(id);
  let removed = 0;
  for (const f of old) {
    if (held.has(f.id)) continue;
    evidence.remove(f.id);
    removed += 1;
  }
  if (removed > 0) core.log.info({ module: 'evidence', removed }, 'evidence files nothing holds removed');
  return removed;
}

/** Runs the sweep now and then every `everyMs` (an hour) in a long-running process; `stop` ends it. */
export function startEvidenceSweep(run: () => Promise<number>, log: Logger, everyMs = 3_600_000): { stop(): void } {
  const once = () => void run().catch((err: Error) => log.warn({ module: 'evidence', reason: err.message.slice(0, 200) }, 'evidence sweep failed'));
  const timer = setInterval(once, everyMs);
  timer.unref();
  const first = setTimeout(once, 60_000);
  first.unref();
  return {
    stop() {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
