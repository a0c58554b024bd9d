import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../../flows/parsers/index.js';
import { HOSTILE_INPUTS, TODAY, expectError, expectOk } from './helpers.js';

// TODAY is 2026-11.
describe('parseMonth', () => {
  it.each([
    ['今年3月', '2026-03'],
    ['去年10月', '2025-10'],
    ['前年10月', '2024-10'],
    ['2025年10月', '2025-10'],
    ['2025年10月份', '2025-10'],
    ['2025年10月3号', '2025-10'],
    ['2025.10', '2025-10'],
    ['2025/10', '2025-10'],
    ['2025-10', '2025-10'],
    ['２０２５年１０月', '2025-10'],
    ['二〇二五年五月', '2025-05'],
    ['25年5月', '2025-05'],
    ['98年5月', '1998-05'],
    ['上个月', '2026-10'],
    ['上上个月', '2026-09'],
    ['这个月', '2026-11'],
    ['3个月前', '2026-08'],
    ['三个月以前', '2026-08'],
    ['半年前', '2026-05'],
    ['一年前', '2025-11'],
    ['去年年底', '2025-12'],
    ['今年年初', '2026-01'],
    ['5月', '2026-05'],
    ['十一月', '2026-11'],
    ['12月', '2025-12'],
    ['大概去年10月', '2025-10'],
  ])('when the month is %j, then it is %s', (text, expected) => {
    expect(expectOk(parseMonth(text, TODAY))).toBe(expected);
  });

  it.each([
    ['empty', '', '还没有输入月份'],
    ['next month', '下个月', '还没到'],
    ['a month next year', '2027年1月', '还没到'],
    ['a year without a month', '去年', '具体是哪个月'],
    ['a month that does not exist', '2025年13月', '1到12之间'],
    ['a duration instead of a month', '三个月', '没看明白'],
    ['unrelated text', 'hello', '没看明白'],
  ])('when the month is %s (%j), then it asks again explaining the problem', (_situation, text, fragment) => {
    expectError(parseMonth(text, TODAY), fragment);
  });

  it.each(HOSTILE_INPUTS)('when the input is %s, then it fails cleanly', (_situation, text) => {
    expectError(parseMonth(text, TODAY), /./);
  });
});
