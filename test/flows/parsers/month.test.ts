import { describe, expect, it } from 'vitest';
import { parseMonth, parseMonthDetailed } from '../../../flows/parsers/index.js';
import { BEFORE_SPRING_2028, LEAP_DAY_2028, NLU_TODAY, SPRING_2027, asksAgain, expectOk, itRefusesHostileInputs, parsesTo } from './helpers.js';

// NLU_TODAY is 1 December 2026.
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
    ['上个月', '2026-11'],
    ['上上个月', '2026-10'],
    ['这个月', '2026-12'],
    ['上个月底', '2026-11'],
    ['上月中旬', '2026-11'],
    ['这个月初', '2026-12'],
    ['上上个月末', '2026-10'],
    ['3个月前', '2026-09'],
    ['三个月以前', '2026-09'],
    ['半年前', '2026-06'],
    ['一年前', '2025-12'],
    ['去年年底', '2025-12'],
    ['今年年初', '2026-01'],
    ['5月', '2026-05'],
    ['十一月', '2026-11'],
    ['12月', '2026-12'],
    ['1月', '2026-01'],
    ['大概去年10月', '2025-10'],
    // Framing around the month
    ['10月份走的', '2026-10'],
    ['去年年底不干的', '2025-12'],
    ['今年3月就不干了', '2026-03'],
    ['上个月辞职的', '2026-11'],
    ['上个月底走的', '2026-11'],
    ['我是9月份离开的', '2026-09'],
    ['年初', '2026-01'],
    // Festivals give the month too (parseMonthDetailed says it was inferred)
    ['春节前走的', '2026-02'],
    ['十一以后就没去了', '2026-10'],
  ])('when the month is %j, then it is %s', parsesTo((text) => parseMonth(text, NLU_TODAY)));

  it.each([
    ['empty', '', '还没有输入月份'],
    ['next month', '下个月', '还没到'],
    ['early next month', '下个月初', '还没到'],
    ['a month next year', '2027年1月', '还没到'],
    ['a year without a month', '去年', '具体是哪个月'],
    ['half a year', '上半年', '具体是哪个月'],
    ['a month that does not exist', '2025年13月', '1到12之间'],
    ['a duration instead of a month', '三个月', '没看明白'],
    ['unrelated text', 'hello', '没看明白'],
    ['a vague time', '前段时间走的', '没看明白'],
    ['a harvest (no fixed month)', '秋收以后就没去了', '没看明白'],
    ['a festival not yet come this year with the year said', '今年腊月', '还没到'],
  ])('when the month is %s (%j), then it asks again explaining the problem', asksAgain((text) => parseMonth(text, NLU_TODAY)));

  itRefusesHostileInputs((text) => parseMonth(text, NLU_TODAY));
});

describe('parseMonthDetailed', () => {
  it.each([
    ['10月份走的', '2026-10', null],
    ['去年年底不干的', '2025-12', null],
    ['上个月', '2026-11', null],
    ['春节前走的', '2026-02', '春节前按2026年2月算'],
    ['春节后就没去了', '2026-03', '春节后按2026年3月算'],
    ['过完年就没去了', '2026-03', '过完年按2026年3月算'],
    ['十一以后就没去了', '2026-10', '十一以后按2026年10月算'],
    ['国庆前', '2026-09', '国庆前按2026年9月算'],
    ['中秋节走的', '2026-09', '中秋节按2026年9月算'],
    ['端午前后', '2026-06', '端午前后按2026年6月算'],
    ['腊月', '2026-01', '腊月按2026年1月算'],
    ['腊月二十八走的', '2026-02', '腊月二十八按2026年2月算'],
    ['腊月三十', '2026-02', '腊月三十按2026年2月算'], // 除夕 16 Feb 2026 (a 29-day 腊月)
    ['去年腊月', '2026-01', '去年腊月按2026年1月算'], // 腊月 of lunar 2025
    ['正月十五以后', '2026-03', '正月十五以后按2026年3月算'],
    ['年中', '2026-06', '年中按2026年6月算'],
    ['今年年中', '2026-06', '今年年中按2026年6月算'],
    // Fifteen days back: on 1 December that is November (it was read as this month).
    ['半个月前', '2026-11', '“半个月前”按2026年11月算'],
    ['半个月前走的', '2026-11', '“半个月前”按2026年11月算'],
    // Days back: on 1 December they fall in November (上礼拜, 昨天 were not understood).
    ['上礼拜', '2026-11', '“上礼拜”按2026年11月算'],
    ['上周就不干了', '2026-11', '“上周”按2026年11月算'],
    ['前几天刚走', '2026-11', '“前几天”按2026年11月算'],
    ['昨天', '2026-11', '“昨天”按2026年11月算'],
    ['今天刚走的', '2026-12', '“今天”按2026年12月算'],
    // That long ago (快两个月了 was read as a new arrears period at the leaving question).
    ['快两个月了', '2026-10', '“快两个月了”按2026年10月算'],
    ['走了三个多月了', '2026-09', '“走了三个多月了”按2026年9月算'],
    // Worked until then.
    ['干到10月底', '2026-10', null],
  ])('when the month is %j, then it is %s and the reading to confirm is %j', (text, month, inferred) => {
    expect(expectOk(parseMonthDetailed(text, NLU_TODAY))).toEqual({ month, inferred });
  });

  it.each([
    [SPRING_2027, '春节前走的', '2027-01', '春节前按2027年1月算'],
    [SPRING_2027, '过完年就没去了', '2027-02', '过完年按2027年2月算'],
    [SPRING_2027, '腊月', '2027-01', '腊月按2027年1月算'],
    [LEAP_DAY_2028, '春节后就没去了', '2028-02', '春节后按2028年2月算'],
    [LEAP_DAY_2028, '半个月前', '2028-02', '“半个月前”按2028年2月算'],
    [LEAP_DAY_2028, '腊月走的', '2027-12', '腊月按2027年12月算'],
    [LEAP_DAY_2028, '春节前', '2028-01', '春节前按2028年1月算'],
    [BEFORE_SPRING_2028, '春节前走的', '2028-01', '春节前按2028年1月算'],
    [BEFORE_SPRING_2028, '过完年就没去了', '2027-02', '过完年按2027年2月算'],
  ])('when today is %s and the month is %j, then it is %s (%s)', (today, text, month, inferred) => {
    expect(expectOk(parseMonthDetailed(text, today))).toEqual({ month, inferred });
  });

  itRefusesHostileInputs((text) => parseMonthDetailed(text, NLU_TODAY));
});
