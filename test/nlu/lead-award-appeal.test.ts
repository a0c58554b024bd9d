/*
 * A worker who lost at arbitration (`仲裁输了想上诉`, `对仲裁结果不服怎么办`) was first told 「劳动争议一般要先申请劳动
 * 仲裁…不能跳过仲裁」, an answer to someone who has not been to arbitration, with the one thing that is urgent for them —
 * 15 days from the award to go to court, or the award stands — in the middle. The same entry now says the 15 days
 * first and what happens after them (《劳动争议调解仲裁法》第五十条: 期满不起诉的，裁决书发生法律效力), then the rule
 * for those who have not been to arbitration. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../flows/knowledge/kb.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

describe('an award lost: the 15 days come first', () => {
  for (const words of ['仲裁输了想上诉', '对仲裁结果不服怎么办', '仲裁结果不满意还能告吗']) {
    it(`${words}: the first sentence is the 15 days from the award and what happens after them`, async () => {
      const { text } = await converse(t.chat, `award-${words}`).send(words);
      const first = text.split(/[。\n]/)[0]!;
      expect(first).toContain('收到裁决书15天内');
      expect(first).toContain('起诉');
      expect(text).toContain('过了15天不起诉，裁决就生效了');
      // The rule for those who have not been to arbitration is still said, after.
      expect(text.indexOf('不能跳过')).toBeGreaterThan(text.indexOf('15天内'));
      expect(text).toContain('要帮您预约工会律师吗');
    });
  }

  // Asking whether arbitration can be skipped still gets the same entry, with the rule (now after the 15 days) and its exception.
  it('能不能直接去法院起诉: the same entry, the rule and the IOU exception', () => {
    const hit = knowledgeBase().match('能不能直接去法院起诉');
    expect(hit?.entry.id).toBe('court-or-arbitration');
    expect(hit?.entry.answer).toContain('一般要先申请劳动仲裁，不能跳过');
    expect(hit?.entry.answer).toContain('拿欠条直接起诉');
  });
});
