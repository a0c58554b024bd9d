import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lunarToDayNumber, parseFestivalMonth } from '../../../flows/parsers/festival.js';

const iso = (n: number | null) => (n === null ? null : new Date(n * 86_400_000).toISOString().slice(0, 10));
const ymd = (s: string) => {
  const [year, month, day] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

// First in the file, so the lunar tables are built while the server is in a
// zone with daylight saving (chinese-days' own lunar → solar helper is off by
// a day there; ours must not be).
describe('in a server time zone with daylight saving', () => {
  let zone: string | undefined;
  beforeAll(() => {
    zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('when the Spring Festival of 2026 is looked up, then it is 17 February', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(480); // the zone really is in effect
    expect(iso(lunarToDayNumber(2026, 1, 1))).toBe('2026-02-17');
    expect(iso(lunarToDayNumber(2026, 1, 15))).toBe('2026-03-03');
  });
});

describe('lunarToDayNumber (checked against chinese-days)', () => {
  it.each([
    ['春节 2025', 2025, 1, 1, '2025-01-29'],
    ['春节 2026', 2026, 1, 1, '2026-02-17'],
    ['元宵 2026', 2026, 1, 15, '2026-03-03'],
    ['端午 2026', 2026, 5, 5, '2026-06-19'],
    ['中秋 2026', 2026, 8, 15, '2026-09-25'],
    ['腊月初一 of lunar 2025', 2025, 12, 1, '2026-01-19'],
    ['腊月初一 of lunar 2026', 2026, 12, 1, '2027-01-08'],
    ['春节 2027', 2027, 1, 1, '2027-02-06'],
    ['元宵 2027', 2027, 1, 15, '2027-02-20'],
    ['腊月初一 of lunar 2027', 2027, 12, 1, '2027-12-28'],
    ['春节 2028', 2028, 1, 1, '2028-01-26'],
    ['元宵 2028', 2028, 1, 15, '2028-02-09'],
    ['端午 2028 (the ordinary fifth month, not the leap one)', 2028, 5, 5, '2028-05-28'],
  ])('when the date is %s, then it is %s', (_name, y, m, d, expected) => {
    expect(iso(lunarToDayNumber(y, m, d))).toBe(expected);
  });

  it.each([
    ['a 30th in a 29-day month (腊月 of lunar 2025)', 2025, 12, 30],
    ['month 13', 2026, 13, 1],
    ['a year outside the tables', 2200, 1, 1],
  ])('when the date is %s, then there is none', (_name, y, m, d) => {
    expect(lunarToDayNumber(y, m, d)).toBeNull();
  });
});

describe('parseFestivalMonth', () => {
  /** On `today`, the words `text` are read as `month`, with a reading to confirm. */
  function readsAs(today: string, text: string, month: string) {
    const r = parseFestivalMonth(text, ymd(today));
    expect(r).not.toBeNull();
    const index = r?.index ?? 0;
    expect(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`).toBe(month);
    expect(r?.inferred).toMatch(/^.+按\d{4}年\d{1,2}月算$/);
  }

  it.each([
    ['春节', '2026-02'],
    ['春节后', '2026-03'],
    ['春节前', '2026-02'],
    ['年前', '2026-02'],
    ['过年那会', '2026-02'],
    ['清明前', '2026-03'],
    ['元旦后', '2026-01'],
    ['元旦前', '2025-12'],
    ['冬月', '2025-12'], // 冬月 of lunar 2026 starts 9 Dec 2026, not yet
    ['农历八月', '2026-09'],
  ])('when today is 2026-12-01 and the words are %j, then the month is %s', (text, month) => readsAs('2026-12-01', text, month));

  it.each([
    ['2027-03-20', '春节后', '2027-02'],
    ['2027-03-20', '春节前', '2027-01'],
    ['2028-02-29', '正月', '2028-01'],
    ['2028-02-29', '腊月', '2027-12'],
    ['2028-01-24', '春节前', '2028-01'], // the "before" days have come
    ['2028-01-24', '春节', '2027-02'], // 春节 2028 has not
    ['2025-01-20', '2026年春节后', '2026-03'], // a year said: that year, future or not
  ])('when today is %s and the words are %j, then the month is %s', readsAs);

  it('when a festival ends a range, then it is the first occurrence in or after the start', () => {
    // From 正月 2026 (index of 2026-02) to 中秋: 中秋 2026, in September.
    const r = parseFestivalMonth('中秋', ymd('2026-03-10'), { kind: 'end', notBefore: 2026 * 12 + 1 });
    expect(r?.index).toBe(2026 * 12 + 8);
  });

  it.each([['秋收'], ['十一'], ['大年三十'], ['过节'], ['八月十五'], ['春节后后'], ['']])('when the words are %j, then it is not a festival month', (text) => {
    expect(parseFestivalMonth(text, ymd('2026-12-01'))).toBeNull();
  });
});
