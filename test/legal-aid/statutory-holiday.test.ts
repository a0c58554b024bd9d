/*
 * A year whose holiday notice is not published yet (2027, seen from 30 December 2026): its statutory days are
 * off all the same. `元旦` asked for a consultation is told it is a holiday, and no time on 1 January is
 * offered (it was: Friday 1 January 2027 counted as a working day, with slots to book).
 */
import { describe, expect, it } from 'vitest';
import { loadDemoDirectory } from '../../core/directory/index.js';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const clock = manualClock('2026-12-30T10:00:00+08:00');
// The demo directory as it ships (no years of its own): the date runs' made-up 2027 (test/support/test-calendar.ts)
// would hide what this is about, a year nobody has published.
const t = useFixture(() => startTestCore({ clock, directory: loadDemoDirectory() }));

describe('booking across into a year not published yet', () => {
  it('元旦 2027: a holiday, no slot on 1 January; the nearest times before and after it', async () => {
    expect(t.core.directory.index().calendar.sourceOf(2027)).toBe('none');
    const chat = converse(t.chat, `web:sh-${Math.random().toString(36).slice(2, 8)}`);
    await chat.sendAll('我想找律师', '同意', '被欠工资了', '东龙镇', '1', '1');
    await chat.send('2').expect(/电话咨询最近的空闲时间/).expectNot(/1月1日/);
    await chat.send('元旦').expect(/1月1日（周五），这天是元旦假期，不安排咨询/).expect(/1月4日（周一）/).expectNot(/\d\. 1月1日/);
    await chat.send('更多').expectNot(/\d\. 1月1日/);
  });
});
