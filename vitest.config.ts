import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Suites whose outcome depends on the day: time limits, working days, free
 * slots, reminders, case numbers, arbitration limits. Besides running on
 * the real date, they run again "on another day" (GONGYOU_TEST_NOW moves
 * every test core's clock there; test/support/clock.ts): a leap day and
 * the week of a Spring Festival, more than a year ahead.
 */
export const DATE_SENSITIVE = [
  'test/legal-aid/**/*.test.ts',
  'test/staff/**/*.test.ts',
  'test/membership/flow.test.ts',
  'test/membership/review.test.ts',
  'test/membership/declaration.test.ts',
  'test/flows/wage-flow.test.ts',
  'test/flows/wage-clues.test.ts',
];

/**
 * Files under those globs whose every clock stands at a fixed instant
 * (`manualClock('2026-12-01T10:00:00+08:00')`, `chatOnClock(NOW)`…): moving
 * the suite's day changes nothing in them, so they run on the real date
 * only. test/architecture/fixed-day.test.ts checks that none of them reads
 * the suite's day. A new file under the globs runs on every day until it is
 * listed here.
 */
export const ON_A_FIXED_DAY = [
  ...[
    'day-parser', 'slots', 'dates-7', 'h42-leftovers', 'h47-leftovers', 'on-the-day', 'probe-fixes', 'said-10', 'said-11',
    'said-4', 'said-4b', 'said-4c', 'said-5', 'said-6', 'said-9', 'said-9b', 'said-dates-8', 'slot-words',
    'statutory-holiday', 'time-said-early', 'when-alone', 'words-3', 'aid-join-words-r28', 'aid-place-words-r28', 'aid-words-r28b',
    'h107-aid-words', 'h109-choice-words', 'h88-hearing-and-any', 'h96-hearing',
  ].map((f) => `test/legal-aid/${f}.test.ts`),
  ...[
    'everyday-hints', 'hint-offers', 'said-4-records', 'said-4-words', 'said-5', 'said-8', 'h30-staff-words', 'h33-staff-words',
    'h49-staff-words', 'h53-staff-numerals', 'h61-staff-words', 'h71-staff-whole-cases', 'h74-staff-words', 'h93-staff-words',
    'h98-staff-words', 'h106-staff-and-after-words', 'staff-words-r28', 'staff-words-r28b',
  ].map((f) => `test/staff/${f}.test.ts`),
];

const ON_ANOTHER_DAY = {
  /** Tuesday 29 February 2028, 09:30 Beijing. */
  'leap day 2028-02-29': '2028-02-29T09:30:00+08:00',
  /** Monday 24 January 2028, the day before the (made-up) 春节 holiday of 25–31 January. */
  'spring festival week 2028-01-24': '2028-01-24T10:00:00+08:00',
};

/**
 * The main flows end to end with workers — a wage report routed, accepted
 * and worked by staff under its time limits, joining the union, booking
 * legal aid — run again with every test core on a private three-master
 * Redis Cluster (test/support/global-setup.ts starts it; `GONGYOU_TEST_REDIS`
 * makes test/support/core.ts connect to it), with test/core/cluster.test.ts,
 * which needs it. The run fails if the cluster refused any command with
 * CROSSSLOT.
 */
const ON_CLUSTER = [
  'test/core/cluster.test.ts',
  'test/flows/wage-flow.test.ts',
  'test/core/routing.test.ts',
  'test/staff/transitions.test.ts',
  'test/staff/wechat-commands.test.ts',
  'test/staff/time-limits.test.ts',
  'test/membership/flow.test.ts',
  'test/membership/review.test.ts',
  'test/legal-aid/booking-flow.test.ts',
  'test/core/keys.test.ts',
  'test/cases/h85-amend.test.ts',
];
/**
 * The mini-program's page tests make a DOM's names global (window, document…:
 * test/miniprogram/support/dom.ts). Files of one project share a worker's
 * globals (isolate: false below), so they run as a project of their own: no
 * other file finds a `window` (wechaty's logger, for one, then reads
 * `location`).
 */
const OWN_GLOBALS = ['test/miniprogram/**/*.test.ts'];

/** Files that run on the cluster only. */
const CLUSTER_ONLY = ['test/core/cluster.test.ts'];

/**
 * The files that take longest (a fresh-clone run's figures, in seconds), started first in their project. On a fresh
 * clone Vitest has no timings yet and starts the largest files first, so a slow but short file (the fault suite's
 * short form spends ~25 s in a child process) started last and ran alone at the end while the other worker idled.
 * Longest first keeps both workers busy to the end. test/review/slow-first.test.ts checks each still exists.
 */
export const SLOW_FIRST = [
  'test/console/console.test.ts', // 90
  'test/web/chat-page.test.ts', // 38
  'test/core/faults.test.ts', // 28
  'test/channels/official-account.test.ts', // 27
  'test/console/h34-console-probe.test.ts', // 25
  'test/faults/short.test.ts', // 25 (in beforeAll)
  'test/core/cluster.test.ts', // 22
  'test/console/roles.test.ts', // 19
  'test/membership/words-3.test.ts', // 18
  'test/legal-aid/booking-flow.test.ts', // 6, 17 on the cluster
  'test/api/auth.test.ts', // 17
  'test/core/memory.test.ts', // 16
  'test/membership/review.test.ts', // 5, 16 on the cluster
  'test/cases/outbox.test.ts', // 12
  'test/cases/voice-enquiry.test.ts', // 10
  'test/e2e/npm-start.test.ts', // 9
  'test/staff/sla.test.ts', // 9
  'test/channels/mini-program.test.ts', // 9
];

/** Vitest's order (projects one after another, then by timings or size), with SLOW_FIRST's files first in each project. */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((p) => f.moduleId.endsWith(`/${p}`));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    const projectOrder = new Map<string, number>();
    for (const f of sorted) if (!projectOrder.has(f.project.name)) projectOrder.set(f.project.name, projectOrder.size);
    // Array.prototype.sort is stable: within a project and a rank, Vitest's order stays.
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => projectOrder.get(a.f.project.name)! - projectOrder.get(b.f.project.name)! || rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: keep file parallelism modest so Redis-backed tests stay steady.
    maxWorkers: 2,
    pool: 'forks',
    // Files of one project share a worker's loaded modules: loading the app afresh for each of ~170 files
    // was two thirds of the suite's time (import 382 s summed, against 53 s shared). Each file still starts
    // its own cores under its own key prefix, and projects (another day, the cluster) never share a worker.
    // State that is one per process by design (the metrics registry) is compared before and after.
    isolate: false,
    sequence: { sequencer: SlowFirst },
    projects: [
      { extends: true, test: { name: 'today', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...CLUSTER_ONLY, ...OWN_GLOBALS] } },
      { extends: true, test: { name: 'mini-program', include: OWN_GLOBALS } },
      ...Object.entries(ON_ANOTHER_DAY).map(([name, at]) => ({
        extends: true as const,
        test: { name, include: DATE_SENSITIVE, exclude: [...configDefaults.exclude, ...ON_A_FIXED_DAY], env: { GONGYOU_TEST_NOW: at } },
      })),
      { extends: true, test: { name: 'cluster', include: ON_CLUSTER, env: { GONGYOU_TEST_REDIS: 'cluster' } } },
    ],
  },
});
