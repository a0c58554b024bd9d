import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../flows/parsers/index.js';
import { HOSTILE_INPUTS, TODAY, expectError, expectOk } from './helpers.js';

// TODAY is 2026-11.
describe('parsePeriod', () => {
  it.each([
    // Ranges until now
    ['去年5月到现在', '2025-05', null, 19],
    ['去年五月至今', '2025-05', null, 19],
    ['去年5月开始到现在', '2025-05', null, 19],
    ['2025年5月到现在为止', '2025-05', null, 19],
    ['2026.5-现在', '2026-05', null, 7],
    ['25年5月到现在', '2025-05', null, 19],
    // Closed ranges
    ['2025年5月至2025年8月', '2025-05', '2025-08', 4],
    ['2025.5-2025.8', '2025-05', '2025-08', 4],
    ['2025.5—2025.8', '2025-05', '2025-08', 4],
    ['2025/05到2025/08', '2025-05', '2025-08', 4],
    ['2025-05-2025-08', '2025-05', '2025-08', 4],
    ['2025年5月~2025年8月', '2025-05', '2025-08', 4],
    ['今年3月到5月', '2026-03', '2026-05', 3],
    ['从今年3月到5月', '2026-03', '2026-05', 3],
    ['去年11月到今年2月', '2025-11', '2026-02', 4],
    ['去年11月到2月', '2025-11', '2026-02', 4],
    ['二〇二五年五月至二〇二五年八月', '2025-05', '2025-08', 4],
    ['去年5月到上个月', '2025-05', '2026-10', 18],
    ['2026年5月到2026年11月', '2026-05', '2026-11', 7],
    ['去年', '2025-01', '2025-12', 12],
    // Durations ending this month
    ['三个月', '2026-09', null, 3],
    ['3个月', '2026-09', null, 3],
    ['３个月', '2026-09', null, 3],
    ['半年', '2026-06', null, 6],
    ['一年', '2025-12', null, 12],
    ['一年半', '2025-06', null, 18],
    ['两年', '2024-12', null, 24],
    ['一年零三个月', '2025-09', null, 15],
    ['三个多月', '2026-09', null, 3],
    ['两个半月', '2026-09', null, 3],
    ['已经三个月了', '2026-09', null, 3],
    ['快半年了', '2026-06', null, 6],
    ['最近三个月的工资', '2026-09', null, 3],
    // Open-ended starts
    ['从今年1月开始', '2026-01', null, 11],
    ['从2025年5月起', '2025-05', null, 19],
    ['去年5月以来', '2025-05', null, 19],
    ['从去年开始', '2025-01', null, 23],
    ['从2025年5月', '2025-05', null, 19],
    ['今年', '2026-01', null, 11],
    // Single months
    ['上个月', '2026-10', '2026-10', 1],
    ['这个月', '2026-11', '2026-11', 1],
    ['本月', '2026-11', '2026-11', 1],
    ['今年3月', '2026-03', '2026-03', 1],
    ['12月', '2025-12', '2025-12', 1],
    // Exactly ten years back is still allowed
    ['2016年11月到现在', '2016-11', null, 121],
  ])('when the period is %j, then it runs from %s to %s, %d months', (text, start, end, months) => {
    expect(expectOk(parsePeriod(text, TODAY))).toEqual({ start, end, months });
  });

  it('when the month has just started in China but not yet in UTC, then "this month" is the Chinese one', () => {
    const earlyDecemberInChina = new Date('2026-11-30T20:00:00Z'); // 2026-12-01 04:00 in Beijing
    expect(expectOk(parsePeriod('这个月', earlyDecemberInChina))).toEqual({ start: '2026-12', end: '2026-12', months: 1 });
  });

  it.each([
    ['empty', '', '还没有输入时间'],
    ['the end before the start', '2025年8月到2025年5月', '早于开始月份'],
    ['the start in the future', '明年1月到现在', '开始月份不能晚于这个月（2026年11月）'],
    ['the start next month', '下个月', '开始月份不能晚于'],
    ['the end in the future', '2026年5月到2026年12月', '结束月份不能晚于这个月'],
    ['a start more than 10 years ago', '2015年1月到现在', '超过10年'],
    ['a duration longer than 10 years', '十一年', '超过10年'],
    ['a month that does not exist', '13月到现在', '1到12之间'],
    ['a zero-length duration', '0个月', '至少是1个月'],
    ['unrelated text', 'hello', '没看明白'],
    ['only a day', '昨天', '没看明白'],
  ])('when the period is %s (%j), then it asks again explaining the problem', (_situation, text, fragment) => {
    const error = expectError(parsePeriod(text, TODAY), fragment);
    expect(error).toMatch(/例如|“/);
  });

  it('when the period cannot be understood, then the message offers example formats', () => {
    expectError(parsePeriod('很久了', TODAY), /“去年5月到现在”.*“2025年5月至2025年8月”.*“三个月”/);
  });

  it.each(HOSTILE_INPUTS)('when the input is %s, then it fails cleanly', (_situation, text) => {
    expectError(parsePeriod(text, TODAY), /./);
  });
});
