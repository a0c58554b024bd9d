/*
 * parsers/turn-memo.ts: a turn's readings of its message are kept for that
 * turn only, and reading through the memo gives what reading afresh gives.
 */
import { describe, expect, it } from 'vitest';
import { readOnce, withinOneReading } from '../../flows/parsers/turn-memo.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { findAmounts } from '../../flows/parsers/mentions.js';

describe('one reading per turn', () => {
  it('reads a text once inside a stretch, afresh outside and in the next stretch', () => {
    const seen: string[] = [];
    const read = readOnce((t: string) => {
      seen.push(t);
      return { len: t.length };
    });
    read('对');
    read('对');
    expect(seen).toEqual(['对', '对']); // outside any stretch nothing is kept
    const first = withinOneReading(() => {
      const a = read('对');
      const b = read('对');
      read('不对');
      expect(b).toBe(a);
      return a;
    });
    expect(seen).toEqual(['对', '对', '对', '不对']);
    // The next stretch (another person's turn) does not see this one's readings.
    const second = withinOneReading(() => read('对'));
    expect(second).not.toBe(first);
    expect(seen).toEqual(['对', '对', '对', '不对', '对']);
  });

  it('keeps readings through nested stretches and drops them when the outer one ends', () => {
    let runs = 0;
    const read = readOnce((t: string) => (runs++, t.toUpperCase()));
    withinOneReading(() => {
      read('a');
      withinOneReading(() => read('a'));
      read('a');
    });
    expect(runs).toBe(1);
    read('a');
    expect(runs).toBe(2);
  });

  it('a failed reading is not kept', () => {
    let runs = 0;
    const read = readOnce((t: string) => {
      runs++;
      if (t === 'bad') throw new Error('unreadable');
      return t;
    });
    withinOneReading(() => {
      expect(() => read('bad')).toThrow('unreadable');
      expect(() => read('bad')).toThrow('unreadable');
    });
    expect(runs).toBe(2);
  });

  it('the memoised readers answer as they do unmemoised', () => {
    for (const text of ['老板拖了我三个月工资，一共两万八千五', '３ ４万', '欠我 salary 5000', '10月份的3000 11月份的3500', '']) {
      const plain = { n: normalizeMessage(text), a: findAmounts(text) };
      const inTurn = withinOneReading(() => [0, 1].map(() => ({ n: normalizeMessage(text), a: findAmounts(text) })));
      expect(inTurn[0]).toEqual(plain);
      expect(inTurn[1]).toEqual(plain);
    }
  });
});
