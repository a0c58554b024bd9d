import { describe, expect, it } from 'vitest';
import { checkGroupAmount, checkHeadcount, checkLeft, checkOwnAmount, checkPeriod, checkRoster, checkWorkStart, endsWhenLeft, periodUpTo } from '../../flows/wage-checks.js';
import { findContractors, findEmployerKind, labourContractorAnswer, mayBePerson, tradeAnswer, addressAnswer, unitAnswer } from '../../flows/nlu/wage-facts.js';

const NOW = new Date('2026-11-21T10:00:00+08:00');
const p = (start: string, end: string | null, months: number) => ({ start, end, months });
const y = (yuan: number, approx = false, upTo: number | null = null) => ({ yuan, approx, upTo });

describe('the period against the employment', () => {
  it('ends no later than the month the worker left, and does not start after it', () => {
    expect(checkPeriod(p('2026-08', '2026-10', 3), { stillEmployed: false, leftSince: '2026-10' })).toBeNull();
    expect(checkPeriod(p('2026-08', '2026-10', 3), { stillEmployed: false, leftSince: '2026-09' })).toMatchObject({ kind: 'refuse', error: expect.stringMatching(/2026年9月就离开了，拖欠时间却算到了2026年10月/) });
    expect(checkPeriod(p('2026-10', '2026-10', 1), { stillEmployed: false, leftSince: '2026-09' })).toMatchObject({ kind: 'refuse' });
    expect(checkLeft('2026-09', { period: p('2026-08', '2026-10', 3) })).toMatchObject({ kind: 'refuse', error: expect.stringMatching(/拖欠时间说错了/) });
    expect(checkLeft('2026-07', { period: p('2026-08', '2026-10', 3) })).toMatchObject({ kind: 'refuse' });
    expect(checkLeft('2026-10', { period: p('2026-08', '2026-10', 3) })).toBeNull();
    // Still there: the month left says nothing.
    expect(checkPeriod(p('2026-08', '2026-10', 3), { stillEmployed: true, leftSince: '2026-09' })).toBeNull();
  });

  it('"到现在" from someone who left before last month ends when they left', () => {
    expect(endsWhenLeft(p('2026-03', null, 8), '2026-08', NOW)).toBe(true);
    expect(endsWhenLeft(p('2026-03', null, 8), '2026-10', NOW)).toBe(false);
    expect(periodUpTo(p('2026-03', null, 8), '2026-08')).toEqual(p('2026-03', '2026-08', 6));
  });

  it('a period longer than the time worked is asked about (not refused); one that ended before the work began is refused', () => {
    expect(checkPeriod(p('2025-01', null, 22), { workStart: '2026-03' })).toMatchObject({ kind: 'confirm', ack: expect.stringMatching(/比干活的时间还长/) });
    expect(checkWorkStart('2026-03', { period: p('2025-01', null, 22) })).toMatchObject({ kind: 'confirm' });
    expect(checkWorkStart('2026-03', { period: p('2025-01', '2025-06', 6) })).toMatchObject({ kind: 'refuse' });
    expect(checkWorkStart('2024-03', { period: p('2025-01', null, 22) })).toBeNull();
    expect(checkWorkStart('2026-10', { stillEmployed: false, leftSince: '2026-08' })).toMatchObject({ kind: 'refuse' });
    expect(checkLeft('2026-02', { workStart: '2026-03' })).toMatchObject({ kind: 'refuse' });
  });
});

describe('amounts and people', () => {
  it('the worker’s own amount is no more than the group’s total (allowing for 约 and ranges)', () => {
    expect(checkGroupAmount(y(20000), { amount: y(28500) })).toMatchObject({ kind: 'refuse', error: expect.stringMatching(/还少，对不上/) });
    expect(checkGroupAmount(y(20000, true), { amount: y(28500) })).toBeNull(); // 两万多 may be 28,500
    expect(checkGroupAmount(y(20000, true, 30000), { amount: y(28500) })).toBeNull();
    expect(checkGroupAmount(y(28500), { amount: y(28500) })).toBeNull();
    expect(checkOwnAmount(y(30000), { groupAmount: y(20000) })).toMatchObject({ kind: 'refuse', error: expect.stringMatching(/还多，对不上/) });
  });

  it('no more names on the roster than people owed; their amounts no more than the group’s total', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `工友${i}`, amount: y(1000), phone: null }));
    expect(checkRoster(entries(3), { headcount: { count: 3, approximate: false } })).toBeNull();
    expect(checkRoster(entries(4), { headcount: { count: 3, approximate: false } })).toMatchObject({ kind: 'refuse', error: expect.stringMatching(/人数说错了，是4个/) });
    expect(checkRoster(entries(25), { headcount: { count: 20, approximate: true } })).toBeNull(); // 二十多个
    expect(checkRoster(entries(3), { groupAmount: y(2000) })).toMatchObject({ kind: 'refuse' });
    expect(checkHeadcount({ count: 2, approximate: false }, { roster: { entries: entries(3) } })).toMatchObject({ kind: 'refuse' });
  });
});

describe('finding the clue platform’s facts (precision first)', () => {
  it.each([
    ['我给一户人家当保姆，雇主欠我一万二', 'household'],
    ['在王阿姨家做住家保姆', 'household'],
    ['我是月嫂 东家不给钱', 'household'],
    ['给私人装修房子 老板跑了', 'household'],
    ['家属请的护工，三个月没给钱', 'household'],
    ['在阳光家政公司当保姆', null], // the company may be the employer
    ['在月子中心当月嫂', null],
    ['我在酒店做钟点工', null],
    ['我不是保姆，是工地上的', null],
    ['在厂里做保洁', null],
    ['我做家政的', null],
  ])('%s → %s', (text, kind) => {
    expect(findEmployerKind(text)).toBe(kind);
  });

  it('contractors only after their cue words', () => {
    expect(findContractors('总包是中建三局，分包是宏图劳务')).toEqual({ generalContractor: '中建三局', subcontractor: '宏图劳务' });
    expect(findContractors('总承包单位叫青溪建工集团')).toEqual({ generalContractor: '青溪建工集团' });
    expect(findContractors('层层分包下来 最后欠钱的是个体户')).toEqual({});
    expect(findContractors('能找总承包单位吗')).toEqual({});
    expect(findContractors('总包是谁不知道')).toEqual({});
  });

  it('who is asked about: a person or a family, not a unit’s short name', () => {
    expect(['刘大壮', '王阿姨', '刘先生家', '老王'].map(mayBePerson)).toEqual([true, true, true, true]);
    expect(['青溪宏达', '宏达建筑', '青溪纺织厂', '鸿运来酒楼'].map(mayBePerson)).toEqual([false, false, false, false]);
  });

  it('answers to the new questions', () => {
    expect(tradeAnswer('扎钢筋的')).toEqual({ ok: true, value: '钢筋工' });
    expect(tradeAnswer('我是做木工的')).toEqual({ ok: true, value: '木工' });
    expect(tradeAnswer('服务员')).toEqual({ ok: true, value: '服务员' });
    expect(tradeAnswer('干了三个月')).toMatchObject({ ok: false });
    expect(labourContractorAnswer('老王', '宏达建筑')).toEqual({ ok: true, value: '老王' });
    expect(labourContractorAnswer('就是他', '刘大壮')).toEqual({ ok: true, value: '刘大壮' });
    expect(labourContractorAnswer('就是他', '宏达建筑')).toMatchObject({ ok: false });
    expect(labourContractorAnswer('钢筋工', undefined)).toMatchObject({ ok: false });
    expect(addressAnswer('就在东龙镇工业园2号', '')).toEqual({ ok: true, value: '东龙镇工业园2号' });
    expect(addressAnswer('那边', '东龙镇工业园2号')).toMatchObject({ ok: false, error: expect.stringMatching(/东龙镇工业园2号/) });
    // Words that name no place are never kept as an address (found walking the chat: 早走了 was saved as the employer's address).
    for (const t of ['早走了', '上个月', '老板姓王', '还在干', '不清楚具体的']) expect(addressAnswer(t, '东龙镇工业园2号'), t).toMatchObject({ ok: false });
    for (const t of ['锦绣花园3栋2单元', '白沙镇沙湾村村口那个厂房', '凤栖街道老火车站旁边', '河西街道滨江路88号', '新塘社区', '万达广场后面']) {
      expect(addressAnswer(t, '东龙镇工业园2号'), t).toMatchObject({ ok: true, value: t });
    }
    expect(unitAnswer('总包是中建三局', '')).toEqual({ ok: true, value: '中建三局' });
    expect(unitAnswer('谁知道啊', '中建三局')).toMatchObject({ ok: false });
  });
});
