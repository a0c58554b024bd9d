/*
 * The dashboard's membership figures come from counters kept with each
 * application's write (no application is read); applications written before
 * the counters are counted once, by a one-off pass. Real Redis.
 */
import { expect, it } from 'vitest';
import { membersOf } from '../../core/membership/store.js';
import { dashboardFigures } from '../../core/stats.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { courierUpToReview, reviewed, staffSays } from './support.js';

const t = useFixture(() => startTestCore({ workers: true }));

it('an application counts as pending, then approved; one from before the counters is counted once by the pass', async () => {
  const { core, chat } = t;
  await courierUpToReview(chat, 'web:c1').send('确认');
  const m = await reviewed(core, 'web:c1');
  expect((await dashboardFigures(core)).memberships).toMatchObject({ applied: 1, pending: 1, approved: 0 });
  // As an older release left it: no mark, no counters.
  const store = membersOf(core);
  const { ix: _ix, ...old } = (await store.get(m.id))!;
  await core.redis.set(store.keys.record(m.id), JSON.stringify(old));
  await core.redis.del([store.keys.stats(), store.keys.statsPass()]);
  expect((await dashboardFigures(core)).memberships).toMatchObject({ applied: 1, pending: 1 });
  expect((await dashboardFigures(core)).memberships).toMatchObject({ applied: 1, pending: 1 });
  await staffSays(core, m.reviewer!.staffId, `通过 ${m.appNo}`);
  const f = (await dashboardFigures(core)).memberships;
  expect(f).toMatchObject({ applied: 1, pending: 0, approved: 1 });
  expect(f.months.reduce((n, x) => n + x.approved, 0)).toBe(1);
});
