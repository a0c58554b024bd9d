import { describe, expect, it } from 'vitest';
import { parseDayTime } from '../../flows/parsers/day.js';

/** Saturday 21 November 2026, 10:00 in Beijing. */
const NOW = new Date('2026-11-21T10:00:00+08:00');

describe('parseDayTime, looking forward (booking a time)', () => {
  it.each([
    ['11月24日', '2026-11-24', null],
    ['11月24号9点', '2026-11-24', '09:00'],
    ['11月24日 上午9点半', '2026-11-24', '09:30'],
    ['十一月二十四日', '2026-11-24', null],
    ['24号', '2026-11-24', null],
    ['20号', '2026-12-20', null],
    ['下个月3号', '2026-12-03', null],
    ['明天', '2026-11-22', null],
    ['后天下午2点半', '2026-11-23', '14:30'],
    ['大后天', '2026-11-24', null],
    ['周二', '2026-11-24', null],
    ['星期六', '2026-11-21', null],
    ['下周三', '2026-11-25', null],
    ['下星期五 10:00', '2026-11-27', '10:00'],
    ['本周五', '2026-11-20', null],
    ['2026-12-01 14:30', '2026-12-01', '14:30'],
    ['2026年12月1日', '2026-12-01', null],
    ['12/1', '2026-12-01', null],
    ['1月5日', '2027-01-05', null],
    ['明天两点', '2026-11-22', '14:00'],
    ['明天晚上8点', '2026-11-22', '20:00'],
    ['11月24日十点一刻', '2026-11-24', '10:15'],
    ['9点', null, '09:00'],
    ['下午3点', null, '15:00'],
  ])('%s → %s %s', (input, day, time) => {
    expect(parseDayTime(input, NOW, 'future')).toEqual({ ok: true, value: { day, time } });
  });
});

describe('parseDayTime, looking back (the day someone left)', () => {
  it.each([
    ['11月25日', '2025-11-25'],
    ['11月20日', '2026-11-20'],
    ['去年12月1日', '2025-12-01'],
    ['2025.12.01', '2025-12-01'],
    ['昨天', '2026-11-20'],
    ['前天', '2026-11-19'],
    ['上个月3号', '2026-10-03'],
    ['25号', '2026-10-25'],
    ['周三', '2026-11-18'],
  ])('%s → %s', (input, day) => {
    expect(parseDayTime(input, NOW, 'past')).toEqual({ ok: true, value: { day, time: null } });
  });
});

describe('parseDayTime refuses', () => {
  it.each([['2月30日'], ['13月1日'], ['2026-02-29'], ['11月31号']])('an impossible day: %s', (input) => {
    expect(parseDayTime(input, NOW, 'future')).toEqual({ ok: false, error: expect.stringMatching(/没有这一天/) });
  });

  it.each([['25点'], ['明天9点70分']])('an impossible time: %s', (input) => {
    expect(parseDayTime(input, NOW, 'future')).toEqual({ ok: false, error: expect.stringMatching(/没有这个时间/) });
  });

  it.each([['张三'], ['1'], ['更多'], ['东龙镇'], ['好的'], [''], ['明天有空吗我想问一下律师能不能帮我看看合同的事情谢谢']])('what is not a day at all: %s', (input) => {
    expect(parseDayTime(input, NOW, 'future')).toBeNull();
  });
});
