import { describe, expect, it } from 'vitest';
import { PERIOD_MESSAGES, parsePeriod } from '../../../flows/parsers/index.js';
import { BEFORE_SPRING_2028, LEAP_DAY_2028, NLU_TODAY, SPRING_2027, asksAgain, expectError, expectOk, itRefusesHostileInputs } from './helpers.js';

// NLU_TODAY is 1 December 2026: December's wage is not due yet, so the last month owed is 2026-11.
describe('parsePeriod', () => {
  it.each([
    // Ranges until now: months counted up to last month
    ['去年5月到现在', '2025-05', null, 19],
    // Said the way people talk: 整整, 莫得发过, a list of months.
    ['从5月份开始就莫得发过', '2026-05', null, 7],
    ['整整四个月了', '2026-08', '2026-11', 4],
    ['8月9月10月这三个月', '2026-08', '2026-10', 3],
    ['8月9月10月', '2026-08', '2026-10', 3],
    ['8、9、10月份', '2026-08', '2026-10', 3],
    ['八九十月', '2026-08', '2026-10', 3],
    // To now, then how long that is (when the two agree).
    ['五月份到现在快半年了', '2026-05', null, 7],
    ['去年9月到现在 一年多了', '2025-09', null, 15],
    // The last months, said with 这 (这个月 stays this month, not yet owed).
    ['这三个月', '2026-09', '2026-11', 3],
    ['这半年', '2026-06', '2026-11', 6],
    ['去年五月至今', '2025-05', null, 19],
    ['去年5月开始到现在', '2025-05', null, 19],
    ['2025年5月到现在为止', '2025-05', null, 19],
    ['2026.5-现在', '2026-05', null, 7],
    ['25年5月到现在', '2025-05', null, 19],
    ['9月到现在', '2026-09', null, 3],
    ['3月干到现在', '2026-03', null, 9],
    ['年初到现在', '2026-01', null, 11],
    ['去年年底到现在', '2025-12', null, 12],
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
    ['去年5月到上个月', '2025-05', '2026-11', 19],
    ['2026年5月到2026年11月', '2026-05', '2026-11', 7],
    ['从3月干到10月', '2026-03', '2026-10', 8],
    ['3月份干到10月份', '2026-03', '2026-10', 8],
    ['从3月做到10月都没发工资', '2026-03', '2026-10', 8],
    // Durations end last month
    ['三个月', '2026-09', '2026-11', 3],
    ['两个月', '2026-10', '2026-11', 2],
    ['3个月', '2026-09', '2026-11', 3],
    ['３个月', '2026-09', '2026-11', 3],
    ['半年', '2026-06', '2026-11', 6],
    ['一年', '2025-12', '2026-11', 12],
    ['一年半', '2025-06', '2026-11', 18],
    ['两年', '2024-12', '2026-11', 24],
    ['一年零三个月', '2025-09', '2026-11', 15],
    ['两个半月', '2026-09', '2026-11', 3],
    ['半个月', '2026-11', '2026-11', 1],
    ['已经三个月了', '2026-09', '2026-11', 3],
    ['最近三个月的工资', '2026-09', '2026-11', 3],
    ['干了三个月', '2026-09', '2026-11', 3],
    ['干了半年没拿到钱', '2026-06', '2026-11', 6],
    ['十年', '2016-12', '2026-11', 120],
    // Open-ended starts
    ['从今年1月开始', '2026-01', null, 11],
    ['从9月开始', '2026-09', null, 3],
    ['从2025年5月起', '2025-05', null, 19],
    ['去年5月以来', '2025-05', null, 19],
    ['从2025年5月', '2025-05', null, 19],
    ['5月以后', '2026-05', null, 7],
    // Halves of the year
    ['上半年', '2026-01', '2026-06', 6],
    ['今年上半年', '2026-01', '2026-06', 6],
    ['下半年', '2026-07', '2026-11', 5],
    ['今年下半年', '2026-07', '2026-11', 5],
    ['去年下半年', '2025-07', '2025-12', 6],
    ['去年上半年', '2025-01', '2025-06', 6],
    ['去年下半年到现在', '2025-07', null, 17],
    // Single months
    ['上个月', '2026-11', '2026-11', 1],
    ['今年3月', '2026-03', '2026-03', 1],
    ['11月', '2026-11', '2026-11', 1],
    ['1月', '2026-01', '2026-01', 1],
    // Exactly ten years back is still allowed
    ['2016年12月到现在', '2016-12', null, 120],
  ])('when the period is %j, then it runs from %s to %s, %d months, nothing inferred', (text, start, end, months) => {
    expect(expectOk(parsePeriod(text, NLU_TODAY))).toEqual({ start, end, months, inferred: null });
  });

  it.each([
    // More than it says, read as what it says, and confirmed.
    ['三个多月', '2026-09', '2026-11', 3, '“三个多月”按3个月算'],
    ['半年多', '2026-06', '2026-11', 6, '“半年多”按6个月算'],
    ['两个来月', '2026-10', '2026-11', 2, '“两个来月”按2个月算'],
    // A guess is read as the months it names, and confirmed: never taken as said.
    ['快半年了', '2026-06', '2026-11', 6, '“快半年”按6个月算'],
    ['已经快半年没发了', '2026-06', '2026-11', 6, '“快半年”按6个月算'],
    ['将近一年', '2025-12', '2026-11', 12, '“将近一年”按12个月算'],
    ['大概三个月', '2026-09', '2026-11', 3, '“大概三个月”按3个月算'],
    ['三个月左右', '2026-09', '2026-11', 3, '“三个月左右”按3个月算'],
    ['估计半年', '2026-06', '2026-11', 6, '“估计半年”按6个月算'],
    ['差不多有半年', '2026-06', '2026-11', 6, '“差不多半年”按6个月算'],
    // An end said in the current month is cut at last month: its wage is not due yet, and the cut is confirmed with its reason.
    ['今年3月到这个月', '2026-03', '2026-11', 9, '这个月的工资一般下个月才发，先算到2026年11月'],
    ['2026年5月到2026年12月', '2026-05', '2026-11', 7, '这个月的工资一般下个月才发，先算到2026年11月'],
    ['今年3月到12月', '2026-03', '2026-11', 9, '这个月的工资一般下个月才发，先算到2026年11月'],
    ['上个月到这个月', '2026-11', '2026-11', 1, '这个月的工资一般下个月才发，先算到2026年11月'],
    ['年中', '2026-06', '2026-06', 1, '年中按2026年6月算'],
    ['年中到现在', '2026-06', null, 6, '年中按2026年6月算'],
    ['正月到现在', '2026-02', null, 10, '正月按2026年2月算'],
    ['从正月开始', '2026-02', null, 10, '正月按2026年2月算'],
    ['农历正月到现在', '2026-02', null, 10, '农历正月按2026年2月算'],
    ['腊月', '2026-01', '2026-01', 1, '腊月按2026年1月算'],
    ['春节后', '2026-03', null, 9, '春节后按2026年3月算'],
    ['春节以后', '2026-03', null, 9, '春节以后按2026年3月算'],
    ['过完年', '2026-03', null, 9, '过完年按2026年3月算'],
    ['过完年到现在', '2026-03', null, 9, '过完年按2026年3月算'],
    ['过完年就没发过工资', '2026-03', null, 9, '过完年按2026年3月算'],
    ['年后', '2026-03', null, 9, '年后按2026年3月算'],
    ['开年', '2026-03', null, 9, '开年按2026年3月算'],
    ['过年后', '2026-03', null, 9, '过年后按2026年3月算'],
    ['元宵后', '2026-03', null, 9, '元宵后按2026年3月算'],
    ['元宵节后', '2026-03', null, 9, '元宵节后按2026年3月算'],
    ['清明后', '2026-04', null, 8, '清明后按2026年4月算'],
    ['五一后', '2026-05', null, 7, '五一后按2026年5月算'],
    ['劳动节后', '2026-05', null, 7, '劳动节后按2026年5月算'],
    ['端午后', '2026-06', null, 6, '端午后按2026年6月算'],
    ['中秋后', '2026-09', null, 3, '中秋后按2026年9月算'],
    ['国庆后', '2026-10', null, 2, '国庆后按2026年10月算'],
    ['十一以后', '2026-10', null, 2, '十一以后按2026年10月算'],
    ['从正月干到中秋', '2026-02', '2026-09', 8, '正月按2026年2月算，中秋按2026年9月算'],
    ['春节后到中秋', '2026-03', '2026-09', 7, '春节后按2026年3月算，中秋按2026年9月算'],
    ['去年春节后', '2025-02', null, 22, '去年春节后按2025年2月算'],
    ['去年中秋到今年五一', '2025-10', '2026-05', 8, '去年中秋按2025年10月算，今年五一按2026年5月算'],
    // 十一 ending a range that starts at a festival is the National Day holiday (alone it is a number), said back as 十一.
    ['从五一到十一', '2026-05', '2026-10', 6, '五一按2026年5月算，十一按2026年10月算'],
    // The months up to a festival's eve (春节 2026 is 17 February; its eve, 10 days before, is in February).
    ['春节前那两个月', '2026-01', '2026-02', 2, '“春节前那两个月”按2026年1月至2026年2月算'],
    ['过年前三个月的工资', '2025-12', '2026-02', 3, '“过年前三个月的工资”按2025年12月至2026年2月算'],
    ['国庆前那俩月', '2026-08', '2026-09', 2, '“国庆前那俩月”按2026年8月至2026年9月算'],
  ])('when the period is %j (a festival or lunar month), then it is %s to %s, %d months, with the reading to confirm', (text, start, end, months, inferred) => {
    expect(expectOk(parsePeriod(text, NLU_TODAY))).toEqual({ start, end, months, inferred });
  });

  describe('on other days the festivals follow that year\'s lunar calendar', () => {
    it.each([
      // 20 March 2027: 春节 6 Feb, 元宵 20 Feb; last month owed is 2027-02.
      [SPRING_2027, '春节后', '2027-02', null, 1, '春节后按2027年2月算'],
      [SPRING_2027, '过完年到现在', '2027-02', null, 1, '过完年按2027年2月算'],
      [SPRING_2027, '正月到现在', '2027-02', null, 1, '正月按2027年2月算'],
      [SPRING_2027, '腊月', '2027-01', '2027-01', 1, '腊月按2027年1月算'],
      [SPRING_2027, '春节前到现在', '2027-01', null, 2, '春节前按2027年1月算'],
      [SPRING_2027, '中秋后', '2026-09', null, 6, '中秋后按2026年9月算'],
      [SPRING_2027, '去年春节后', '2026-03', null, 12, '去年春节后按2026年3月算'],
      // 29 February 2028: 春节 26 Jan, 元宵 9 Feb; last month owed is 2028-01.
      [LEAP_DAY_2028, '正月到现在', '2028-01', null, 1, '正月按2028年1月算'],
      [LEAP_DAY_2028, '腊月', '2027-12', '2027-12', 1, '腊月按2027年12月算'],
      [LEAP_DAY_2028, '从春节前开始', '2028-01', null, 1, '春节前按2028年1月算'],
      [LEAP_DAY_2028, '去年春节后', '2027-02', null, 12, '去年春节后按2027年2月算'],
      [LEAP_DAY_2028, '端午后', '2027-06', null, 8, '端午后按2027年6月算'],
      // 24 January 2028, two days before 春节: the last Spring Festival is 2027's.
      [BEFORE_SPRING_2028, '春节后', '2027-02', null, 11, '春节后按2027年2月算'],
    ])('when today is %s and the period is %j, then it is %s to %s, %d months', (today, text, start, end, months, inferred) => {
      expect(expectOk(parsePeriod(text, today))).toEqual({ start, end, months, inferred });
    });

    it.each([
      [LEAP_DAY_2028, '春节后'], // 元宵 2028 is in February, this month
      [BEFORE_SPRING_2028, '春节前到现在'], // the days before 春节 2028 are this month
      [SPRING_2027, '这个月'],
    ])('when today is %s and the period %j has no month that is due yet, then it explains why', (today, text) => {
      expectError(parsePeriod(text, today), '下个月才发');
    });

    it.each([
      [SPRING_2027, '三个月', '2026-12', '2027-02', 3],
      [LEAP_DAY_2028, '三个月', '2027-11', '2028-01', 3],
      [LEAP_DAY_2028, '上半年', '2028-01', '2028-01', 1],
    ])('when today is %s and the period is %j, then it is %s to %s', (today, text, start, end, months) => {
      expect(expectOk(parsePeriod(text, today))).toEqual({ start, end, months, inferred: null });
    });
  });

  it('when the month has just started in China but not yet in UTC, then months are counted in China', () => {
    const earlyDecemberInChina = new Date('2026-11-30T20:00:00Z'); // 2026-12-01 04:00 in Beijing
    expect(expectOk(parsePeriod('上个月', earlyDecemberInChina))).toEqual({ start: '2026-11', end: '2026-11', months: 1, inferred: null });
    expectError(parsePeriod('十二月', earlyDecemberInChina), '下个月才发');
  });

  it.each([
    ['empty', '', '还没有输入时间'],
    ['the end before the start', '2025年8月到2025年5月', '早于开始月份'],
    ['the start in the future', '明年1月到现在', '开始月份不能晚于这个月（2026年12月）'],
    ['the start next month', '下个月', '开始月份不能晚于'],
    ['the end in the future', '2026年5月到2027年1月', '结束月份不能晚于这个月'],
    ['a start more than 10 years ago', '2016年11月到现在', '超过10年'],
    ['a duration longer than 10 years', '十一年', '超过10年'],
    ['a month that does not exist', '13月到现在', '1到12之间'],
    ['a zero-length duration', '0个月', '至少是1个月'],
    ['unrelated text', 'hello', '没看明白'],
    ['only a day', '昨天', '没看明白'],
    ['only this month', '这个月', '下个月才发'],
    ['this month by number', '12月', '下个月才发'],
    ['from this month on', '从这个月开始', '下个月才发'],
    ['vague: 好久了', '好久了', '具体一点'],
    ['vague: 很长时间', '很长时间', '具体一点'],
    ['vague: 秋收以后', '秋收以后', '具体一点'],
    ['vague: 前段时间', '前段时间', '具体一点'],
    ['vague: 几个月', '几个月', '具体一点'],
    ['vague: 大半年', '大半年', '具体一点'],
    ['vague: 小半年了', '小半年了', '具体一点'],
    ['vague: 好几个月了', '好几个月了', '具体一点'],
    ['a festival-like word with no fixed month', '农忙的时候', '具体一点'],
    ['十一 without 前/后 (a number, not 国庆)', '十一', '没看明白'],
    ['十一 starting a period (November as likely as 国庆)', '十一到现在', '没看明白'],
    ['a lunar month that does not exist', '农历十三月', '没看明白'],
    ['months with a gap (not one period)', '8月10月', '没看明白'],
    ['a list whose count disagrees', '8月9月10月这两个月', '没看明白'],
    ['months with a gap, 月 said once', '8、10月', '没看明白'],
    ['to now, then a length that disagrees', '去年9月到现在 三个月了', '没看明白'],
  ])('when the period is %s (%j), then it asks again explaining the problem', asksAgain((text) => parsePeriod(text, NLU_TODAY), (message) => expect(message).toMatch(/例如|“/)));

  it('when the period cannot be understood, then the message offers example formats', () => {
    expectError(parsePeriod('hello', NLU_TODAY), /“去年5月到现在”.*“2025年5月至2025年8月”.*“三个月”/);
    expectError(parsePeriod('很久了', NLU_TODAY), /“去年5月到现在”.*“2025年5月至2025年8月”.*“三个月”/);
  });

  it('when only the current month is named, then the message says it is usually paid next month and asks which months', () => {
    expect(parsePeriod('这个月', NLU_TODAY)).toEqual({ ok: false, error: PERIOD_MESSAGES.noDueMonth });
    expect(PERIOD_MESSAGES.noDueMonth).toMatch(/发薪日已经过了.*哪几个月/);
  });

  itRefusesHostileInputs((text) => parsePeriod(text, NLU_TODAY));

  // A year without its months is asked about, never read as the whole year or as its January (probe 1.7).
  it.each([
    ['去年', 2025],
    ['从去年开始', 2025],
    ['今年', 2026],
    ['去年到现在', 2025],
    ['前年', 2024],
  ])('when the period is only a year (%j), then its months are asked', (text, year) => {
    expect(parsePeriod(text, NLU_TODAY)).toEqual({ ok: false, error: PERIOD_MESSAGES.yearOnly(year) });
  });

  // Two counts of months (h46): one number or the other, asked; never the lower one taken (nor 3-4 read as 4 or 34).
  it.each([
    ['五六个月', 5, 6],
    ['三四个月没发了', 3, 4],
    ['大概4 5个月吧', 4, 5],
    ['3-4个月', 3, 4],
    ['3到4个月', 3, 4],
    ['三到四个月', 3, 4],
    ['两三个月', 2, 3],
  ])('when the period is two counts of months (%j), then which one is asked', (text, lo, hi) => {
    expect(parsePeriod(text, NLU_TODAY)).toEqual({ ok: false, error: PERIOD_MESSAGES.range(lo, hi) });
  });

  it('when a year comes with its months, then it is read as before', () => {
    expect(expectOk(parsePeriod('去年下半年到现在', NLU_TODAY))).toMatchObject({ start: '2025-07', end: null });
    expect(expectOk(parsePeriod('去年3月到年底', NLU_TODAY))).toMatchObject({ start: '2025-03', end: '2025-12' });
    expect(expectOk(parsePeriod('2025-05-2025-08', NLU_TODAY))).toMatchObject({ start: '2025-05', end: '2025-08' });
  });
});
