/*
 * The rules that let a fresh clone pass on any day (issue 8): a complete
 * lock file, one clock for business time, and no key expiring at an
 * absolute time taken from that clock.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBookings } from '../../core/legal-aid/store.js';
import { manualClock } from '../../core/infra/clock.js';
import { providersFor, upcomingFreeSlots } from '../../core/legal-aid/slots.js';
import { startTestCore, suiteDirectory, type TestCore } from '../support/core.js';
import { createCalendar } from '../../core/infra/calendar.js';
import { chinaDay } from '../../core/infra/time.js';
import { A_WORKING_DAY } from '../staff/support.js';
import { DATE_SENSITIVE, ON_A_FIXED_DAY } from '../../vitest.config.js';

const ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

const PRODUCT = ['api', 'bot', 'core', 'flows', 'workers'].flatMap((d) => filesUnder(join(ROOT, d), /\.(ts|lua)$/)).concat(join(ROOT, 'main.ts'));

describe('a fresh clone installs with plain npm ci', () => {
  it('the lock lists every optional (platform-only) package of every locked package', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string>; version?: string }>;
    };
    const missing: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
        // npm resolves a dependency in the package's own node_modules first, then up the tree.
        const candidates: string[] = [];
        for (let base = path; ; ) {
          candidates.push(`${base ? `${base}/` : ''}node_modules/${name}`);
          const i = base.lastIndexOf('/node_modules/');
          if (base === '') break;
          base = i >= 0 ? base.slice(0, i) : '';
        }
        if (!candidates.some((c) => c in lock.packages)) missing.push(`${path || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the lock matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }> };
    expect(lock.packages['']!.dependencies).toEqual(pkg.dependencies);
    expect(lock.packages['']!.devDependencies).toEqual(pkg.devDependencies);
  });
});

describe('one clock, never compared with the Redis server clock', () => {
  it('no product code makes a key expire at an absolute time (EXPIREAT, PEXPIREAT, EXAT, PXAT)', () => {
    const hits = PRODUCT.filter((f) => /\b(P?EXPIREAT|EXAT|PXAT)\b/i.test(readFileSync(f, 'utf8').replace(/^\s*(\*|\/\/|--).*$/gm, '')));
    expect(hits.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('business time comes from core.clock: new Date() and Date.now() appear only in the clock and in elapsed-time waits', () => {
    /** Elapsed time, not business time: rate-limit windows, the Redis start-up wait, the per-person lock wait, how long a WeChat call took, the age of a WeChat push (WeChat's timestamps are real time), how long a request or a job took (logs, metrics). */
    const elapsed = new Set(['core/infra/clock.ts', 'core/conversation/delivery.ts', 'core/infra/redis.ts', 'core/conversation/locks.ts', 'core/wechat/api.ts', 'api/wechat-push.ts', 'api/http.ts', 'core/infra/metrics.ts']);
    const hits = PRODUCT.filter((f) => /new Date\(\)|Date\.now\(\)/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(hits.filter((f) => !elapsed.has(f))).toEqual([]);
  });
});

describe('slot counts live until after the slot, reckoned from the app clock', () => {
  let t: TestCore | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  async function bookFirstSlotAt(startIso: string) {
    const clock = manualClock(startIso);
    t = await startTestCore({ clock });
    const index = t.core.directory.index();
    const providers = providersFor(index.directory, 'lawyer', 'in_person', 'sp-t01-station');
    const slot = upcomingFreeSlots(providers, { calendar: index.calendar, now: clock.now() })[0]!;
    const r = await createBookings(t.core).book('bttl1', 'web:ttl1', {
      matter: 'wage', help: 'lawyer', mode: 'in_person', urgent: false, employment: null, limitEndsOn: null,
      districtId: 'qingxi', townshipId: 't01', slot, contact: { name: '张三', phone: '13800138000' }, linkedCaseId: null,
    });
    expect(r.ok).toBe(true);
    const key = (await t.keys()).find((k) => k.includes(':{bookings}:taken:'))!;
    // Two days after the slot's day (Beijing midnight), counted from the app's now.
    const dayAfterNext = Date.parse(`${slot.day}T00:00:00+08:00`) + 2 * 86400_000;
    return { ttl: await t.core.redis.ttl(key), expected: (dayAfterNext - clock.now().getTime()) / 1000, count: await t.core.redis.hGet(key, slot.key) };
  }

  it.each([
    ['two years behind the Redis server', '2024-11-23T10:00:00+08:00'],
    ['two years ahead of it', '2028-11-20T10:00:00+08:00'],
  ])('with the app clock %s, the count is kept and expires two days after the slot', async (_what, at) => {
    const { ttl, expected, count } = await bookFirstSlotAt(at);
    expect(count).toBe('1');
    expect(ttl).toBeGreaterThan(expected - 5);
    expect(ttl).toBeLessThanOrEqual(Math.ceil(expected));
  });
});

describe('the suite on another day', () => {
  /** What makes a test read the suite's day (test/support/clock.ts, test/staff/support.ts). */
  const SUITE_DAY = /\b(scenarioClock|suiteClock|suiteNow|workingDayAt|workingDayClock|TEST_NOW)\b/;
  /** Where a file reads the suite's day, if it does: a helper above, test/membership/support.ts's NOW, or a test app started without a clock of its own. */
  function readsSuiteDay(f: string, src: string): string[] {
    const out: string[] = [];
    if (SUITE_DAY.test(src)) out.push(`reads the suite's day (${SUITE_DAY.exec(src)![0]})`);
    if (f.startsWith('test/membership/') && /from '\.\/support\.js'/.test(src)) out.push("reads the suite's day (test/membership/support.ts)");
    // A core started without a clock gets the suite's (startTestCore, startWechatApp, startHttp, startStaffApi…).
    for (const call of src.matchAll(/\bstart\w*\(([^;]*?)\)\s*[;)]/g)) {
      if (!/\bclock\b/.test(call[1]!) && /startTestCore|startWechatApp|startHttp|startStaffApi/.test(call[0])) out.push(`${call[0].slice(0, 60)} has no clock`);
    }
    return out;
  }

  it('a file run on the real date only (ON_A_FIXED_DAY) is under the date-sensitive globs, and every clock in it is fixed', () => {
    const prefixes = DATE_SENSITIVE.map((g) => g.replace(/\*\*\/\*\.test\.ts$/, ''));
    const wrong: string[] = [];
    for (const f of ON_A_FIXED_DAY) {
      if (!prefixes.some((p) => (p.endsWith('/') ? f.startsWith(p) : f === p))) wrong.push(`${f}: not date-sensitive anyway`);
      wrong.push(...readsSuiteDay(f, readFileSync(join(ROOT, f), 'utf8')).map((w) => `${f}: ${w}`));
    }
    expect(wrong).toEqual([]);
  });

  it('the fixed day of the staff files run on the real date only is a working day', () => {
    expect(createCalendar(suiteDirectory().calendar).isWorkingDay(chinaDay(A_WORKING_DAY))).toBe(true);
  });

  it('the check above sees a file that reads the suite day', () => {
    // guard: the pattern must catch the helpers that move with GONGYOU_TEST_NOW.
    for (const f of ['test/legal-aid/booking-flow.test.ts', 'test/staff/sla.test.ts', 'test/membership/flow.test.ts', 'test/staff/api-authz.test.ts', 'test/staff/groups-and-stats.test.ts']) {
      expect(readsSuiteDay(f, readFileSync(join(ROOT, f), 'utf8')), f).not.toEqual([]);
    }
    // A staff API started with a clock of its own does not; one started without does.
    expect(readsSuiteDay('test/staff/x.test.ts', "const api = useFixture(() => startStaffApi({ workers: true, clock }), 'all');")).toEqual([]);
    expect(readsSuiteDay('test/staff/x.test.ts', "const api = useFixture(() => startStaffApi({ workers: true }), 'all');")).not.toEqual([]);
  });
});
