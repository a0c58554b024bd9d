/*
 * `不对，单位名字改一下` said at the unit's own question, before any unit was given, was read as a change of the answer
 * before it (the period): the period question came back and the unit typed next was refused there. Now it is the
 * unit's question again, and the unit typed next is taken.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');

describe('a change asked at the question itself, before it is answered', () => {
  it('when `不对，单位名字改一下` is said at the unit question, then the unit question again, and the unit next is taken', async () => {
    const user = 'web:lcc1';
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对')
      .send('不对，单位名字改一下')
      .expect(/^好的。欠您工资的单位叫什么名字/)
      .expectNot(/拖欠的是哪段时间/)
      .send('好再来饭店')
      .expect(/您在哪个镇或街道干活/);
    const s = await session(user);
    expect(s.answers.employer).toBe('好再来饭店');
    expect(s.answers.period).toMatchObject({ months: 3 });
  });
});
