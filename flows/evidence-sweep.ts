import type { Core } from '../core/context.js';
import { evidenceIdsIn, type EvidenceStore } from '../core/cases/index.js';
import type { Logger } from '../core/infra/logger.js';

/** How long one sweep may spend bringing older cases into the evidence count (an upgrade's first sweeps) before it reads them as before. */
const PASS_BUDGET_MS = 5 * 60_000;

/**
 * Evidence files nothing holds any more. A file is written only once a draft
 * (or a case) holds it, and deleted when the draft lets it go (flows/service.ts);
 * what this catches is a draft that simply expired (its session key lives
 * DRAFT_TTL_DAYS after the last message), a case removed after its
 * retention, and any file a crash left between writing and saving. A file
 * older than DRAFT_TTL_DAYS (by the app clock) that no case and no live
 * session names is deleted: a draft that still holds it was saved after it
 * was written, so it is live and names it.
 *
 * Which cases hold a file is read from their count per file
 * (`evidence-held`, kept with every write of a case), not from every case;
 * until the one-off pass has counted the cases written before it (store.ts
 * `indexOlder`, which this drives for up to five minutes a run), every case
 * is read as before. Live sessions are read only when some old file is held
 * by no case.
 */
export async function sweepEvidence(core: Core, evidence: EvidenceStore): Promise<number> {
  const cutoff = core.clock.now().getTime() - core.config.DRAFT_TTL_DAYS * 86_400_000;
  const old = evidence.list().filter((f) => f.at.getTime() < cutoff);
  if (old.length === 0) return 0;
  const held = (await everyCaseCounted(core))
    ? await core.cases.evidenceHeld(old.map((f) => f.id))
    : evidenceIdsIn((await core.cases.recent(0)).map((c) => c.evidence));
  const loose = old.filter((f) => !held.has(f.id));
  if (loose.length === 0) return 0;
  for await (const data of core.conversation.sessions.all()) for (const id of evidenceIdsIn(data)) held.add(id);
  let removed = 0;
  for (const f of loose) {
    if (held.has(f.id)) continue;
    evidence.remove(f.id);
    removed += 1;
  }
  if (removed > 0) core.log.info({ module: 'evidence', removed }, 'evidence files nothing holds removed');
  return removed;
}

/** Whether every case's files are counted: drives the indexing pass for up to PASS_BUDGET_MS (a duration, not a date). */
async function everyCaseCounted(core: Core): Promise<boolean> {
  const started = performance.now();
  for (;;) {
    const pass = await core.cases.indexOlder();
    if (pass.done) return true;
    if (performance.now() - started > PASS_BUDGET_MS) return false;
  }
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
