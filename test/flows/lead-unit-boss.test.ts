/*
 * A unit named before its boss who did the wrong (`好再来饭店老板欠我工资`): the
 * unit is the employer, confirmed after consent like any value from a first
 * message. A workplace that is not a name (`我们厂老板`, `他工地老板`) never is.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findEmployer } from '../../flows/nlu/facts.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

describe('a unit before its boss', () => {
  it.each([
    ['好再来饭店老板欠我工资', '好再来饭店'],
    ['好再来饭店老板拖欠工资6000', '好再来饭店'],
    ['好再来饭店老板娘一直不发工资', '好再来饭店'],
    ['宏达建筑老板跑了 欠我三个月', '宏达建筑'],
  ])('%s → %s', (text, unit) => {
    expect(findEmployer(text)).toBe(unit);
  });

  it.each(['我们厂老板欠我工资', '饭店老板欠我钱', '包工头老板欠我6000', '我帮我爸问一下 他工地老板欠他工资', '好再来饭店老板人挺好的'])(
    // guard: no name, or no wrong done by the boss: nothing is taken.
    '%s → no employer',
    (text) => {
      expect(findEmployer(text)).toBeNull();
    },
  );

  it('in a first message the unit is confirmed after consent, and kept once confirmed', async () => {
    await converse(t.chat, 'web:ub1')
      .send('好再来饭店老板欠我工资')
      .send('同意')
      .expect(/用人单位「好再来饭店」。对吗/)
      .send('对')
      .expectNot(/单位叫什么名字/);
    const s = await t.chat.sessions.load('web:ub1', new Date(NOW));
    expect(s.answers.employer).toBe('好再来饭店');
  });
});
