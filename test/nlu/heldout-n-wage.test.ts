/**
 * Misreadings found by held-out set N (test/nlu/heldout-n: dates, sums and numbers in every shape) in the wage report
 * and first messages, fixed in the readers for the class of words (the shared month and festival parsers for dates).
 * Each test here failed before its fix; `guard:` lines keep what already worked. The clock is fixed at Tuesday
 * 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const TO_AMOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年8月到11月'];

describe('held-out set N: values the person did not mean are never proposed or taken', () => {
  it('好像是8千还是9千 记不清了 at the amount: between the two, said back and confirmed (never taken unasked)', async () => {
    const p = read('wage', 'amount', '好像是8千还是9千 记不清了');
    expect(p.direct.amount).toBeUndefined();
    expect(taken(p).amount).toMatchObject({ yuan: 8000, upTo: 9000 });
    await converse(t.chat, 'hn-fix-either')
      .sendAll(...TO_AMOUNT, '好像是8千还是9千 记不清了')
      .expect(/先按约8,000至9,000元记/)
      .expect(/拖欠金额「约8,000至9,000元」。对吗/);
  });

  it('同意 宏达建筑欠我… at the consent: the unit is 宏达建筑, never 「同意宏达建筑」', () => {
    expect(taken(read('wage', 'consent', '同意 宏达建筑欠我三个月工资 一万八')).employer).toBe('宏达建筑');
    // guard: a unit said alone before the wrong is still read.
    expect(taken(read('wage', 'consent', '同意，宏达建筑欠我三个月工资 一万八')).employer).toBe('宏达建筑');
  });

  it('加入工会 13800001111 at the menu: the phone, never the name 「加入工会」', () => {
    const p = read(null, null, '加入工会 13800001111');
    expect(taken(p).name).toBeUndefined();
    expect(taken(p).phone).toBe('13800001111');
    // guard: a name beside the phone at the name question is still read.
    expect(taken(read('membership', 'name', '张伟 13800001111')).name).toBe('张伟');
  });

  it('就2号楼那边 at the unit: a building is no unit; said so, and the name asked for', async () => {
    expect(taken(read('wage', 'employer', '就2号楼那边')).employer).toBeUndefined();
    expect(taken(read('wage', 'employer', '3栋')).employer).toBeUndefined();
    await converse(t.chat, 'hn-fix-building').sendAll('老板欠我工资', '同意', '就2号楼那边').expect(/「2号楼」是楼号/);
    // guard: a unit with its building keeps its name.
    expect(taken(read('wage', 'employer', '宏达建筑2号楼')).employer).toBe('宏达建筑2号楼');
  });

  it('上个月底被辞退的 工资还欠八千五: the month left is no period owed', () => {
    const p = taken(read(null, null, '上个月底被辞退的 工资还欠八千五'));
    expect(p.period).toBeUndefined();
    expect(p.leftSince).toBe('2026-11');
    expect(p.amount).toMatchObject({ yuan: 8500 });
    // guard: months owed said beside the leaving are still read.
    expect(taken(read(null, null, '欠我两个月工资 上个月被辞退的')).period).toEqual({ start: '2026-10', end: '2026-11' });
  });
});

describe('held-out set N: dates said in other shapes are read (and confirmed)', () => {
  it('九月头开始就一分没发, 2025年全年 at the period', () => {
    expect(taken(read('wage', 'period', '九月头开始就一分没发')).period).toEqual({ start: '2026-09', end: null });
    expect(taken(read('wage', 'period', '2025年全年')).period).toEqual({ start: '2025-01', end: '2025-12' });
    expect(taken(read('wage', 'period', '去年一整年')).period).toEqual({ start: '2025-01', end: '2025-12' });
    // guard: this year's months are not all due: never the whole year.
    expect(taken(read('wage', 'period', '2026年全年')).period).toBeUndefined();
  });

  it('国庆后第二天, 端午节那天, 农历八月十五那天 at the month left', () => {
    expect(taken(read('wage', 'leftSince', '国庆后第二天就不干了')).leftSince).toBe('2026-10');
    expect(taken(read('wage', 'leftSince', '端午节那天走的')).leftSince).toBe('2026-06');
    expect(taken(read('wage', 'leftSince', '农历八月十五那天走的')).leftSince).toBe('2026-09');
  });

  it('上上周五就被开了 at 「还在这家单位干吗？」: gone, and the month (confirmed)', async () => {
    expect(taken(read('wage', 'stillEmployed', '上上周五就被开了'))).toMatchObject({ stillEmployed: false, leftSince: '2026-11' });
    await converse(t.chat, 'hn-fix-weekday')
      .sendAll(...TO_AMOUNT, '16000', '就我一个', '上上周五就被开了')
      .expect(/离开时间「2026年11月」。对吗/);
  });

  it('25年过完年来的, 去年中秋过完就来了 at the work start', () => {
    expect(taken(read('wage', 'workStart', '25年过完年来的')).workStart).toBe('2025-02');
    expect(taken(read('wage', 'workStart', '去年中秋过完就来了')).workStart).toBe('2025-10');
    // guard: a month said plainly is still taken.
    expect(read('wage', 'workStart', '去年3月来的').direct.workStart).toBe('2025-03');
  });

  it('我们班组12个人 被宏达建筑欠了二十多万: the unit after 被', () => {
    expect(taken(read(null, null, '我们班组12个人 被宏达建筑欠了二十多万')).employer).toBe('宏达建筑');
    // guard: 被老板欠 names no unit.
    expect(taken(read(null, null, '我被老板欠了两万')).employer).toBeUndefined();
  });

  it('666 at the menu is small talk; at the amount still a figure', () => {
    expect(read(null, null, '666').intent).toBe('smalltalk');
    // guard: a figure where one is asked.
    expect(read('wage', 'amount', '666').direct.amount).toMatchObject({ yuan: 666 });
  });
});
