/*
 * `老板不让我走`, `老板不让我走怎么办`, `厂里不放我走`: kept from leaving, answered as such (辞职不用老板批准…), not
 * as a dismissal (it got the answer about being unlawfully fired, or nothing). And `要亲自去吗` while joining: the
 * answer that joining needs no trip (it got 「答不上来」; `要本人去吗` already had it). Today is Tuesday 1 December 2026.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const QUIT = /辞职不用老板批准/;
const FIRED = /违法解除/;

describe('kept from leaving', () => {
  for (const [i, said] of ['老板不让我走', '老板不让我走怎么办', '厂里不放我走'].entries()) {
    it(`${said}: how to leave without the boss's leave, never the dismissal answer`, async () => {
      await converse(t.chat, `web:kl${i}`).send(said).expect(QUIT).expectNot(FIRED);
    });
  }

  // guard: pay held back beside it is the report, as before.
  it('老板不让我走 还欠我三个月工资: the report', async () => {
    await converse(t.chat, 'web:klw').send('老板不让我走 还欠我三个月工资').expect(/反映欠薪前，需要您同意/);
  });
});

describe('whether joining needs a trip, asked while joining', () => {
  it('要亲自去吗 at the ID consent: no trip needed, and the question again', async () => {
    await converse(t.chat, 'web:kj')
      .sendAll('我想入会', '同意')
      .expect(/您同意提供身份证号吗/)
      .send('要亲自去吗')
      .expect(/不用跑。在这里填好提交就行/)
      .expect(/您同意提供身份证号吗/)
      .expectNot(/答不上来/);
  });
});
