/*
 * The contact's name refused in words (`不想说名字`, `不想留名字`) got 「请输入您的姓名」 as if nothing were said;
 * now why it is asked and that a way of address will do (王先生, 李女士), which the question takes. The ID of
 * joining still needs the real thing. Today is Tuesday 1 December 2026.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { refusesToSay } from '../../flows/nlu/talk.js';
import { converse } from '../support/converse.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

/** SUBMITTED_REPORT up to the name question (its name, phone and 确认 left off). */
const TO_NAME = SUBMITTED_REPORT.slice(0, SUBMITTED_REPORT.indexOf('王芳'));

describe('the contact name refused', () => {
  for (const [i, said] of ['不想说名字', '不想留名字', '不方便留姓名'].entries()) {
    it(`${said}: a way of address will do, then 王先生 is taken`, async () => {
      await converse(t.chat, `web:nr${i}`)
        .sendAll(...TO_NAME)
        .expect(/怎么称呼您/)
        .send(said)
        .expect(/这一项要填.*不想留全名的话，写个称呼就行，例如「王先生」「李女士」/)
        .expectNot(/请输入您的姓名/)
        .send('王先生')
        .expect(/您的手机号是多少/);
    });
  }

  it('the words read as a refusal, and names or answers never', () => {
    expect(refusesToSay('不想说名字')).toBe(true);
    expect(refusesToSay('不想留电话')).toBe(true);
    // guard: a name, and words about a name that refuse nothing.
    expect(refusesToSay('王芳')).toBe(false);
    expect(refusesToSay('名字不想说错')).toBe(false);
  });
});
