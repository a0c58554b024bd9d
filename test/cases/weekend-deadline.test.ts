/*
 * A wage report that comes on a day off: the grid worker's one working day to take it is the whole next
 * working day (due at its end), not the same clock time on it — a report at Saturday 00:16 was due Monday
 * 00:16, before anyone had worked a minute, and was chased and handed on then. On a working day the same
 * clock time rule stands (Tuesday 10:00 → Wednesday 10:00).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { assignmentJobs } from '../../core/cases/due.js';
import { workingTimeOf } from '../../core/cases/hours.js';
import { routeCase } from '../../core/cases/routing.js';
import { reportSubmitted } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const clock = manualClock('2026-12-05T00:16:00+08:00');
const t = useFixture(() => startTestCore({ clock }));
const someone = (tag: string) => `web:wd-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('the time to take a case that came on a day off', () => {
  it('Saturday 5 December 00:16: due at the end of Monday, and the reporter is told Monday', async () => {
    clock.set('2026-12-05T00:16:00+08:00');
    const { chat, c } = await reportSubmitted(t, someone('sat'));
    // The limit runs to the end of Monday: the day, said as the latest (never 「12月7日前」, as if before Monday began).
    await chat.expect(/1个工作日内联系您，最晚12月7日（周一）；/).expectNot(/前）联系您/);
    // Routing (the queue worker's job, run here directly) sets the limit, its clock from Monday's start.
    const routed = (await routeCase(t.core, c.id))!.record;
    expect(routed.acceptBy).toBe(new Date('2026-12-07T23:59:59.999+08:00').toISOString());
    expect(routed.acceptFrom).toBe(new Date('2026-12-07T00:00:00+08:00').toISOString());
    // The reminder (催办) comes on Monday afternoon, two thirds into its office hours (08:30–12:00, 14:00–17:30:
    // 420 minutes, 280 gone at 15:10), not at Monday midnight or on Sunday.
    const reminder = assignmentJobs(routed, workingTimeOf(t.core.directory.index())).find((j) => j.name === 'accept-reminder')!.at;
    expect(reminder.toISOString()).toBe(new Date('2026-12-07T15:10:00+08:00').toISOString());
  });

  it('Tuesday 10:00: the same clock time on Wednesday, as before', async () => {
    clock.set('2026-12-08T10:00:00+08:00');
    const { c } = await reportSubmitted(t, someone('tue'));
    const routed = (await routeCase(t.core, c.id))!.record;
    expect(routed.acceptBy).toBe(new Date('2026-12-09T10:00:00+08:00').toISOString());
    expect(routed.acceptFrom).toBe(new Date('2026-12-08T10:00:00+08:00').toISOString());
  });
});
