/**
 * Walks of the forty-sixth session (mine). The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 *  1. `地方不对 是柳溪` at joining's 常住地/户籍地 choice, after the unit was given: 「工作单位已改为「地方」」, stored with
 *     no question (found by h184). A place said wrong that no answer's label names: which answer is asked, nothing
 *     changed.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r46-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('1. a place said wrong at joining', () => {
  it('`地方不对 是柳溪`: the unit is not changed to 「地方」; which answer is asked, and going on works', async () => {
    const user = someone('place');
    await converse(t.chat, user)
      .sendAll('我想入会工会', '1', '1', '1', '王建国', '110101199003071233', '13912345678', '1', '青溪纺织厂')
      .send('东龙镇')
      .expect(/单位所在的地方/)
      .send('地方不对 是柳溪')
      .expect(/哪一项要改/)
      .send('6')
      .expect(/常住地.*户籍地/s);
    const a = (await load(user)).answers as Record<string, unknown>;
    expect(JSON.stringify(a.employer)).not.toContain('地方');
    expect(JSON.stringify(a.employer)).toContain('青溪纺织');
  });
});
