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

describe('one reading for a whole turn, across its awaits (the chat service wraps each turn)', () => {
  const tick = () => new Promise<void>((r) => setImmediate(r));

  it('keeps a reading across awaits inside an async stretch, and drops it when the stretch settles', async () => {
    const seen: string[] = [];
    const read = readOnce((t: string) => (seen.push(t), { t }));
    let lingering: (() => unknown) | null = null;
    const kept = await withinOneReading(async () => {
      const a = read('对');
      await tick();
      const b = read('对');
      // A callback the turn leaves behind (a timer, a promise) still runs in the turn's store after it ended.
      lingering = () => read('对');
      return [a, b];
    });
    expect(kept[1]).toBe(kept[0]);
    expect(seen).toEqual(['对']);
    // Settled: the store is closed; what runs later reads afresh, never the turn's readings.
    expect(lingering!()).not.toBe(kept[0]);
    expect(seen).toEqual(['对', '对']);
  });

  it('two turns interleaving at their awaits each keep their own readings', async () => {
    let runs = 0;
    const read = readOnce((t: string) => ({ t, run: ++runs }));
    const turn = async (order: number[]) => {
      const got: number[] = [];
      for (const wait of order) {
        for (let i = 0; i < wait; i++) await tick();
        got.push(read('同一句话').run);
      }
      return got;
    };
    const [first, second] = await Promise.all([withinOneReading(() => turn([0, 2, 1])), withinOneReading(() => turn([1, 0, 2]))]);
    // Each turn read the text once, with its own result, however their steps interleaved.
    expect(new Set(first).size).toBe(1);
    expect(new Set(second).size).toBe(1);
    expect(first[0]).not.toBe(second[0]);
    expect(runs).toBe(2);
  });

  // guard: held before readings lasted a whole turn; an async stretch must still drop them when it fails.
  it('a stretch that fails drops its readings', async () => {
    let runs = 0;
    const read = readOnce((t: string) => (runs++, t));
    await expect(
      withinOneReading(async () => {
        read('a');
        await tick();
        throw new Error('turn failed');
      }),
    ).rejects.toThrow('turn failed');
    withinOneReading(() => read('a'));
    expect(runs).toBe(2);
  });

  it('a synchronous stretch inside an async one shares the turn’s reading and does not end it', async () => {
    let runs = 0;
    const read = readOnce((t: string) => (runs++, t.length));
    await withinOneReading(async () => {
      read('abc');
      withinOneReading(() => read('abc')); // the engine's own stretch, inside the service's turn
      await tick();
      read('abc');
    });
    expect(runs).toBe(1);
  });
});
