/*
 * `还在干，押金500也没退` at whether they still work there: 事情经过「押金500也没退」 is asked to be confirmed. `都跳过`
 * then (the supplementary questions skipped, the address first) set it aside with 「先没有记，我再问您一次」 — and the
 * skip of the questions after the address skipped 事情经过 too, so it was never asked and the deposit never reached
 * the case. Now the question whose value was just set aside is asked, its value offered, as promised; the other
 * supplementary questions stay skipped.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:skip-promise-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_STILL = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个'];

describe('都跳过 right after a value was set aside with 「我再问您一次」', () => {
  it('事情经过 is asked again with the deposit offered; 对 keeps it, and the case gets it', async () => {
    const user = someone('deposit');
    const chat = converse(t.chat, user);
    await chat.sendAll(...TO_STILL).send('还在干，押金500也没退').expect(/事情经过「押金500也没退」。对吗/);
    await chat.send('都跳过').expect(/我再问您一次/).expect(/说说事情经过/).expect(/您之前说的是「押金500也没退」/);
    await chat.send('对').expectNot(/说说事情经过/);
    const s = await session(user);
    expect(s.answers.account).toBe('押金500也没退');
    // The rest of the supplementary questions stay skipped.
    expect(s.answers.trade).toBeNull();
  });

  // guard: 都跳过 with nothing waiting skips 事情经过 with the rest, as before.
  it('都跳过 with nothing set aside: 事情经过 skipped too', async () => {
    const user = someone('plain');
    await converse(t.chat, user).sendAll(...TO_STILL).send('还在干').send('都跳过').expectNot(/说说事情经过/).expect(/证据/);
    expect((await session(user)).answers.account).toBeNull();
  });
});
