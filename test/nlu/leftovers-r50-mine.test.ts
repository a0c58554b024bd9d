/**
 * An older leftover (set T, forty-ninth session): `忘了 上个月还在` at the unit's question proposed 「上个月还在」 as the
 * unit's name. A clause that opens with a time (上个月, 去年, 前天 …) says when, never what a unit is called. The test
 * failed before the fix; `guard:` lines keep what already worked. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { readAt as read, takenBy as taken } from './evaluate.js';

const AT_UNIT = { consent: true };

describe('a time is no unit', () => {
  it('`忘了 上个月还在`, `去年就走了`: no unit proposed (「上个月还在」 was)', () => {
    for (const text of ['忘了 上个月还在', '不记得了 去年还在那干', '前天刚走']) {
      const p = read('wage', 'employer', text, AT_UNIT);
      expect(taken(p).employer, text).toBeUndefined();
      expect(p.inferred.employer, text).toBeUndefined();
    }
  });

  it('guard: a unit said beside a time is still read', () => {
    const p = read('wage', 'employer', '去年就走了 宏达建筑', AT_UNIT);
    expect(p.inferred.employer ?? p.direct.employer).toBe('宏达建筑');
    expect(taken(read('wage', 'employer', '青溪纺织有限公司', AT_UNIT)).employer).toBe('青溪纺织有限公司');
  });
});
