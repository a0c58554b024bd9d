import { expect } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import type { Core } from '../../core/context.js';
import type { ManualClock } from '../../core/infra/clock.js';

/**
 * What the after-report tests (h84, h90, h92) share about SUBMITTED_REPORT's case (6,000 yuan): a day passing, the
 * case as it is now, its reporter notes, and that nothing about it changed by what was said (`noNotes`: not even a
 * note left).
 */
export function afterReport(t: { core: Core }, clock: ManualClock) {
  const get = async (c: Case) => (await t.core.cases.get(c.id))!;
  return {
    dayLater: () => clock.advance(25 * 60 * 60_000),
    get,
    notesOf: async (c: Case) => (await get(c)).reporterNotes.map((n) => [n.kind, n.text]),
    async unchanged(c: Case, opts: { noNotes?: boolean } = {}) {
      const now = await get(c);
      expect(now.status).toBe('submitted');
      expect(now.wage?.amount).toBe(6000);
      expect(now.reporter.phoneHash).toBe(c.reporter.phoneHash);
      if (opts.noNotes) expect(now.reporterNotes).toEqual([]);
    },
  };
}
