/*
 * 「我理解的是：是否还在职「已经离开」。对吗？」 (已经离开 said at the period question), then a month alone (`上上个月`,
 * `10月份走的`): when they left, held with 已经离开 for its question (as lead-brought-question's `上个月底` is), and the
 * period asked. It was taken for the period asked before (2026年10月（1个月）) and kept with nobody asked. Today is
 * Tuesday 1 December 2026.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const TO_PERIOD = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是'];
const PERIOD_ASKED = /拖欠的是哪段时间的工资/;

describe('a month said at 「已经离开。对吗？」', () => {
  const cases: readonly (readonly [said: string, month: string, stored: string])[] = [
    ['上上个月', '2026年10月', '2026-10'],
    ['10月份走的', '2026年10月', '2026-10'],
    ['上个月', '2026年11月', '2026-11'],
  ];
  for (const [i, [said, month, stored]] of cases.entries()) {
    it(`${said}: 离开时间「${month}」 held with 已经离开, the period asked (never taken as the period)`, async () => {
      const c = converse(t.chat, `web:ld${i}`).sendAll(...TO_PERIOD).send('已经离开').expect(/是否还在职「已经离开」。对吗/);
      await c.send(said).expect(new RegExp(`离开时间「${month}」`)).expect(PERIOD_ASKED).expectNot(/多少钱/);
      const s = await t.chat.sessions.load(`web:ld${i}`, new Date(NOW));
      expect(s.answers.period).toBeUndefined();
      expect(s.answers.leftSince).toBeUndefined();
      expect(s.later).toMatchObject({ stillEmployed: false, leftSince: stored });
    });
  }

  // guard: a period said there is no month left (answered as before, never a leaving month).
  it('今年9月到11月: no 离开时间 read from it', async () => {
    await converse(t.chat, 'web:ldp').sendAll(...TO_PERIOD).send('已经离开').send('今年9月到11月').expectNot(/离开时间「/);
  });
});
