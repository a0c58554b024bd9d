/**
 * Misreadings found by held-out set O (test/nlu/heldout-o) at the employer and labour-contractor questions: a known
 * unit's name typed with a slip of a pinyin keyboard (青溪纺只厂, 宏大建筑) is proposed as the known unit, never kept as
 * another one unasked; words that only say the boss is not named (我叫不出来他名字, 他们都叫他老板, 一个四川老板 不知道叫啥)
 * are never kept as the employer. Each test here failed before its fix; `guard:` lines keep what already worked.
 * The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { employerTypedBySound } from '../../core/directory/index.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const TO_UNIT = ['我要入会', '同意', '1', '1', '李大军', '110101199003074514', '13607718899', '1'];

describe('held-out set O: a known unit typed with a wrong character of the same sound', () => {
  it('青溪纺只厂, 宏大建筑 at the wage employer: the known name proposed (confirmed), never the slip kept unasked', async () => {
    for (const [said, known] of [['青溪纺只厂', '青溪纺织厂'], ['宏大建筑', '宏达建筑'], ['河西物叶', '河西物业']] as const) {
      const p = read('wage', 'employer', said);
      expect(p.direct.employer).toBeUndefined();
      expect(p.inferred.employer).toBe(known);
    }
    // 宏大建筑 may be another company: refused, then typed again, it is what was typed (confirmed), never a loop.
    await converse(t.chat, 'ho-units-sound')
      .sendAll('工资被拖欠了', '同意', '宏大建筑')
      .expect(/用人单位「宏达建筑」。对吗/)
      .send('不对')
      .expect(/欠您工资的单位叫什么名字/)
      .send('宏大建筑')
      .expect(/用人单位「宏大建筑」。对吗/)
      .send('对')
      .expect(/哪个镇或街道/);
  });

  it('青溪纺只厂 at the membership unit: the known unit offered to pick, or what was typed', async () => {
    for (const said of ['青溪纺只厂', '河西物叶']) {
      const p = read('membership', 'employer', said, { employment: 'employee' });
      expect(taken(p).employer).toBeUndefined();
    }
    await converse(t.chat, 'ho-units-sound-m')
      .sendAll(...TO_UNIT, '青溪纺只厂')
      .expect(/您说的是「青溪纺织有限公司」吗/)
      .expect(/都不是，就填「青溪纺只厂」/);
  });

  it('only one character, of the same sound: 河西物流 (another sound) and the known names themselves are no slip', () => {
    const d = { districts: [{ employers: [{ id: 'e1', name: '河西物业管理有限公司', aliases: ['河西物业'] }] }] } as never;
    expect(employerTypedBySound(d, '河西物叶')?.name).toBe('河西物业');
    expect(employerTypedBySound(d, '河西物流')).toBeUndefined();
    expect(employerTypedBySound(d, '河西物业')).toBeUndefined();
    expect(employerTypedBySound(d, '河西叶叶')).toBeUndefined();
    // guard: a different unit is kept as typed.
    expect(taken(read('wage', 'employer', '河西物流')).employer).toBe('河西物流');
    expect(taken(read('wage', 'employer', '宏达建筑')).employer).toBe('宏达建筑');
  });
});

describe('held-out set O: words saying the boss is not named are no employer', () => {
  it('我叫不出来他名字, 他们都叫他老板, 一个四川老板 不知道叫啥: nothing kept, the not-known advice said', async () => {
    for (const said of ['我叫不出来他名字', '他们都叫他老板', '大家都喊他老板', '一个四川老板 不知道叫啥', '是个外地老板 名字不知道', '我说不上来他名字']) {
      const p = read('wage', 'employer', said);
      expect(taken(p).employer, said).toBeUndefined();
      expect(p.intent, said).toBe('unclear');
    }
    await converse(t.chat, 'ho-units-unnamed').sendAll('工资被拖欠了', '同意', '一个四川老板 不知道叫啥').expect(/不知道全称也没关系/);
    // guard: a boss named with a nickname, or by a surname, is still read.
    expect(taken(read('wage', 'employer', '大家都叫他黄老板')).employer).toBe('黄老板（老板外号）');
    expect(taken(read('wage', 'employer', '包工头姓陈 叫啥不知道')).employer).toBe('陈包工头');
  });
});

describe('held-out set O: where the unit is, said before it, is no part of its name', () => {
  it('滨江路88号那个好再来饭店 at the wage employer: 好再来饭店, confirmed (the address never kept as the name)', async () => {
    const p = read('wage', 'employer', '滨江路88号那个好再来饭店');
    expect(p.direct.employer).toBeUndefined();
    expect(p.inferred.employer).toBe('好再来饭店');
    expect(taken(read('wage', 'employer', '新华街12号那家鑫源五金厂')).employer).toBe('鑫源五金厂');
    await converse(t.chat, 'ho-units-address').sendAll('工资被拖欠了', '同意', '滨江路88号那个好再来饭店').expect(/「好再来饭店」/);
    // guard: a village pointed from, as before.
    expect(taken(read('wage', 'employer', '新塘村那个好再来饭店')).employer).toBe('好再来饭店');
  });
});
