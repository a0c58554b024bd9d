/*
 * Fast paths in the readers of amounts, headcounts, places and the message normaliser (issue 14, item 8: chat speed).
 * Each skips work only where it can find nothing: these pin the inputs such a shortcut must never skip.
 */
// guard: every test here passes before and after the speed-ups (they change no reading); each fails if a shortcut
// skips an input its reader does find something in.
import { describe, expect, it } from 'vitest';
import { indexDirectory, loadDemoDirectory } from '../../../core/directory/load.js';
import { findAmounts, findHeadcount, findPeriod, paidFigures, pairSumUnclear, saysPaid } from '../../../flows/parsers/mentions.js';
import { perHeadDropped } from '../../../flows/parsers/amount.js';
import { withinOneReading } from '../../../flows/parsers/turn-memo.js';
import { normalizeMessage } from '../../../flows/nlu/normalize.js';
import { findTownship } from '../../../flows/places.js';
import type { FlowContext } from '../../../flows/types.js';

const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });

describe('amounts: a text with no numeral holds no amount, every numeral is seen', () => {
  // guard: the amount reader is skipped only for texts without any numeral a figure may start with.
  it.each([
    ['欠我８０００元', 8000],
    ['老板欠我两万', 20000],
    ['老板欠我兩萬', 20000],
    ['欠我贰仟元', 2000],
    ['工资欠了三千块', 3000],
    ['欠我〇点五万', 5000],
  ])('%s', (text, yuan) => {
    expect(findAmounts(text).own).toEqual(exact(yuan));
  });

  // guard: the spans of a full-width figure point into the text as typed (the mapping's fast path keeps every offset).
  it('a full-width figure keeps its span', () => {
    const text = '老板（东家）欠我８０００元　还没给';
    const found = findAmounts(text);
    expect(found.own).toEqual(exact(8000));
    expect(found.spans.map(([a, b]) => text.slice(a, b))).toEqual(['８０００元']);
  });

  // guard: a text with no numeral finds none, and a share paid is still seen without one.
  it.each(['对', '都跳过', '青溪花园', '老板跑路了', ''])('%s: nothing', (text) => {
    expect(findAmounts(text)).toEqual({ own: null, group: null, spans: [] });
    expect(paidFigures(text)).toEqual([]);
  });
  it('付了一半: paid, with no figure', () => {
    expect(saysPaid('老板付了一半')).toBe(true);
  });

  // guard: the pair's sum reads its kin with the pattern built once, as it did built per call.
  it('a sum said with someone beside the person', () => {
    expect(pairSumUnclear('我和老公在饭店干 老板欠了一万五')).toEqual({ value: exact(15000), who: '老公' });
    expect(pairSumUnclear('我和老公在饭店干 老板欠了一万五')).toEqual({ value: exact(15000), who: '老公' });
  });

  // guard: a long text is read to its end.
  it('a figure at the end of a long text', () => {
    const text = `${'老板一直说过几天就给，'.repeat(40)}欠我三万`;
    expect(findAmounts(text).own).toEqual(exact(30000));
  });
});

describe('headcount: every pattern still runs where its words are', () => {
  // guard: patterns are skipped per clause only when none of the characters every match of them holds is there.
  it.each([
    ['就我自己', 1],
    ['就我一个', 1],
    ['我们夫妻俩都没拿到钱', 2],
    ['两口子都在厂里干', 2],
    ['我们俩都被欠了', 2],
    ['老板欠了我和我老公的工资', 2],
    ['我们８个人', 8],
    ['我们十几个人', 10],
    ['8个兄弟都没拿到钱', 8],
  ])('%s', (text, count) => {
    expect(findHeadcount(text)?.value.count).toBe(count);
  });
  it.each(['对', '都跳过', '老板跑路了'])('%s: none', (text) => {
    expect(findHeadcount(text)).toBeNull();
  });
});

describe('the message normaliser: every rewrite still runs where its words are', () => {
  // guard: each Cantonese word, slip and English word is looked for only in a text that holds it.
  it.each([
    ['佢哋拖咗我三个月人工', '他们拖了我三个月工资'],
    ['老细话冇钱', '老板说没钱'],
    ['唔知点算', '不知道怎么办'],
    ['三千五蚊', '三千五元'],
    ['老版跑陆了', '老板跑路了'],
    ['两万八千无', '两万八千五'],
    ['5000+', '5000多'],
    ['老板不给salary', '老板不给工资'],
    ['老板不给SALARY', '老板不给工资'],
    ['老板不给\u017Falary', '老板不给工资'],
    ['lb欠我gz', '老板欠我工资'],
    ['我 是 做 保 姆 的', '我是做保姆的'],
    ['欠我兩萬', '欠我两万'],
    ['青溪花园二期', '青溪花园二期'],
  ])('%s → %s', (text, read) => {
    expect(normalizeMessage(text)).toBe(read);
  });
});

describe('perHeadDropped', () => {
  // guard: only a text with 月 or 天 can change.
  it.each([
    ['一人一个月五千', '一个月五千'],
    ['每个月各六千', '每个月六千'],
    ['每人每天三百', '每天三百'],
    ['老板欠我工资', '老板欠我工资'],
  ])('%s → %s', (text, out) => {
    expect(perHeadDropped(text)).toBe(out);
  });
});

describe('findTownship within a turn', () => {
  const directory = loadDemoDirectory();
  const ctx = { directory, index: indexDirectory(directory), now: new Date('2026-12-01T10:00:00+08:00') } as unknown as FlowContext;
  const township = directory.districts[0]!.townships[0]!;

  // guard: what is kept for a turn is what a fresh reading finds, a copy for each caller, and never across directories.
  it('the same place each time, each caller its own copy', () => {
    const text = `我在${township.name}干活`;
    const fresh = findTownship(ctx, text);
    expect(fresh).toEqual({ districtId: directory.districts[0]!.id, townshipId: township.id });
    withinOneReading(() => {
      const a = findTownship(ctx, text);
      const b = findTownship(ctx, text);
      expect(a).toEqual(fresh);
      expect(b).toEqual(fresh);
      expect(a).not.toBe(b);
      a!.townshipId = 'changed';
      expect(findTownship(ctx, text)).toEqual(fresh);
      // Another directory (one without the township) is read afresh.
      const other = { ...ctx, directory: { ...directory, districts: [] } } as unknown as FlowContext;
      expect(findTownship(other, text)).toBeNull();
      expect(findTownship(ctx, '对')).toBeNull();
    });
  });
});

describe('findPeriod within a turn', () => {
  // guard: a period kept for a turn is what a fresh reading finds, a copy for each caller, and read afresh for another day.
  it('the same period each time, each caller its own copy, another day read again', () => {
    const text = '老板欠了我三个月工资';
    const today = new Date('2026-12-01T10:00:00+08:00');
    const later = new Date('2027-03-01T10:00:00+08:00');
    const fresh = findPeriod(text, today);
    const freshLater = findPeriod(text, later);
    expect(fresh?.value.months).toBe(3);
    expect(freshLater).not.toEqual(fresh);
    withinOneReading(() => {
      const a = findPeriod(text, today);
      const b = findPeriod(text, today);
      expect(a).toEqual(fresh);
      expect(b).toEqual(fresh);
      expect(a).not.toBe(b);
      expect(a!.value).not.toBe(b!.value);
      a!.value.months = 99;
      a!.span[0] = 99;
      expect(findPeriod(text, today)).toEqual(fresh);
      expect(findPeriod(text, later)).toEqual(freshLater);
      expect(findPeriod('对', today)).toBeNull();
    });
  });
});
