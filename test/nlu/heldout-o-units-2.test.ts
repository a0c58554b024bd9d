/**
 * Misreadings found by held-out set O (test/nlu/heldout-o), round 2, at the unit's and the employer's questions: who
 * opened a unit (陈老板娘开的) or what all call it (大家都叫新时代) framing the name, where the boss is from (老板是四川人),
 * the boss's number the person has (老板电话我有 136…), an address alone (滨江路88号), and words saying something is to be
 * changed (人工湖路 选错了, 老板名字要改). Each test here failed before its fix; `guard:` lines keep what already worked.
 * The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const TO_UNIT = ['我要入会', '同意', '1', '1', '李大军', '110101199003074514', '13607718899', '1'];
const TO_EMPLOYER = ['工资被拖欠了', '同意'];

describe('held-out set O: words framing the unit\'s name are no part of it', () => {
  it('不知道全称 大家都叫新时代, 陈老板娘开的 叫老地方粉店 at the membership unit: the name alone', async () => {
    expect(taken(read('membership', 'employer', '不知道全称 大家都叫新时代', { employment: 'employee' })).employer).toBe('新时代');
    expect(taken(read('membership', 'employer', '陈老板娘开的 叫老地方粉店', { employment: 'employee' })).employer).toBe('老地方粉店');
    expect(taken(read('wage', 'employer', '陈老板娘开的 叫老地方粉店')).employer).toBe('老地方粉店');
    await converse(t.chat, 'ho2-units-called')
      .sendAll(...TO_UNIT, '不知道全称 大家都叫新时代')
      .expect(/「新时代」在哪个镇或街道/);
    await converse(t.chat, 'ho2-units-opened')
      .sendAll(...TO_UNIT, '陈老板娘开的 叫老地方粉店')
      .expect(/「老地方粉店」在哪个镇或街道/);
    // guard: whose unit it is, said with its name in one clause, as before.
    expect(taken(read('wage', 'employer', '我们老板开的好再来饭店')).employer).toBe('好再来饭店');
  });

  it('老板是四川人 大家都叫他刘老板 at the wage employer: 刘老板, confirmed (never 「四川人」)', async () => {
    const p = read('wage', 'employer', '老板是四川人 大家都叫他刘老板');
    expect(p.direct.employer).toBeUndefined();
    expect(p.inferred.employer).toBe('刘老板');
    await converse(t.chat, 'ho2-units-origin').sendAll(...TO_EMPLOYER, '老板是四川人 大家都叫他刘老板').expect(/用人单位「刘老板」。对吗/);
  });
});

describe('held-out set O: the boss\'s number is never the person\'s', () => {
  it('老板电话我有 13607718899 名字不知道: no phone kept, what would do said', async () => {
    const p = read('wage', 'employer', '老板电话我有 13607718899 名字不知道');
    expect(taken(p).phone).toBeUndefined();
    expect(taken(p).employer).toBeUndefined();
    expect(p.intent).toBe('unclear');
    expect(taken(read(null, null, '老板的电话我这里有 13607718899')).phone).toBeUndefined();
    // guard: the person's own number, as before.
    expect(taken(read('wage', 'contactPhone', '我电话13607718899')).phone ?? taken(read('wage', 'contactPhone', '我电话13607718899')).contactPhone).toBe('13607718899');
    await converse(t.chat, 'ho2-boss-phone').sendAll(...TO_EMPLOYER, '老板电话我有 13607718899 名字不知道').expect(/老板的电话这里先不用记/).expect(/不知道名字也没关系/);
    // guard: a unit named beside the boss's number, as before (confirmed).
    await converse(t.chat, 'ho2-boss-phone-unit').sendAll(...TO_EMPLOYER, '宏达建筑 老板电话13607718899 名字不知道').expect(/用人单位「宏达建筑」。对吗/);
  });
});

describe('held-out set O: an address alone, or where the unit is before its name', () => {
  it('滨江路88号 alone: the name asked (never kept as the unit); 滨江路88号那个好再来饭店: the address kept too, confirmed', async () => {
    expect(taken(read('wage', 'employer', '滨江路88号')).employer).toBeUndefined();
    await converse(t.chat, 'ho2-address-only').sendAll(...TO_EMPLOYER, '滨江路88号').expect(/这像是地址/).expect(/单位叫什么名字/);
    const p = read('wage', 'employer', '滨江路88号那个好再来饭店');
    expect(p.inferred).toMatchObject({ employer: '好再来饭店', employerAddress: '滨江路88号' });
    await converse(t.chat, 'ho2-address-named')
      .sendAll(...TO_EMPLOYER, '滨江路88号那个好再来饭店')
      .expect(/用人单位「好再来饭店」、单位地址「滨江路88号」。对吗/);
  });
});

describe('held-out set O: something said to be wrong is no unit', () => {
  it('人工湖路 选错了, 返回老家 选错了, 老板名字要改: nothing kept or proposed, how to go back said', async () => {
    for (const said of ['人工湖路 选错了', '返回老家 选错了', '老板名字要改']) {
      expect(taken(read('wage', 'employer', said)).employer, said).toBeUndefined();
      expect(taken(read('membership', 'employer', said, { employment: 'employee' })).employer, said).toBeUndefined();
    }
    await converse(t.chat, 'ho2-wrong-wage').sendAll(...TO_EMPLOYER, '人工湖路 选错了').expect(/回复「返回」回到上一题/);
    await converse(t.chat, 'ho2-wrong-m').sendAll(...TO_UNIT, '老板名字要改').expect(/回复「返回」回到上一题/);
    // guard: a name taken back as it was typed is still read (the one meant).
    expect(taken(read('wage', 'employer', '好再来饭店 不对 是宏达建筑')).employer).toBe('宏达建筑');
  });
});
