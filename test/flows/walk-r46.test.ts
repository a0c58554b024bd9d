/**
 * Walks of the forty-sixth session (mine). The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 *  1. `地方不对 是柳溪` at joining's 常住地/户籍地 choice, after the unit was given: 「工作单位已改为「地方」」, stored with
 *     no question (found by h184). A word for a place that no answer's label has: only the place after it is the value,
 *     read as a place (here no answer takes it: said so, nothing changed, the question asked again).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r46-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('1. a place said wrong at joining', () => {
  it('`地方不对 是柳溪`: the unit is not changed to 「地方」; nothing changed, the question asked again', async () => {
    const user = someone('place');
    await converse(t.chat, user)
      .sendAll('我想入会工会', '1', '1', '1', '王建国', '110101199003071233', '13912345678', '1', '青溪纺织厂')
      .send('东龙镇')
      .expect(/单位所在的地方/)
      .send('地方不对 是柳溪')
      .expect(/「柳溪」是个镇或街道.*先没有改.*常住地.*户籍地/s);
    const a = (await load(user)).answers as Record<string, unknown>;
    expect(JSON.stringify(a.employer)).not.toContain('地方');
    expect(JSON.stringify(a.employer)).toContain('青溪纺织');
  });
});
