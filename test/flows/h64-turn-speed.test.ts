/*
 * A turn reads a message's amounts and headcount once (parsers/mentions.ts: amountMentions kept per mapping,
 * findAmounts and findHeadcount read once a turn): what every reader answers inside a turn is what it answers
 * reading afresh, however often it is asked and whatever an earlier caller did with its answer.
 */
// guard: the readings kept for a turn are a speed-up only (they change no reading, and each caller gets its own copy);
// this passes without them too, and fails if a kept reading differs from a fresh one or is shared between callers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withinOneReading } from '../../flows/parsers/turn-memo.js';
import {
  amountSaidAsTotal,
  findAmounts,
  findHeadcount,
  groupSaid,
  paidFigures,
  pairSumUnclear,
  perPersonAmount,
  saidForEveryone,
  saysPaid,
} from '../../flows/parsers/mentions.js';

const CORPORA = ['wage', 'wage-clues'];
const TEXTS = [
  ...new Set(
    CORPORA.flatMap((name) =>
      readFileSync(new URL(`../nlu/corpus/${name}.jsonl`, import.meta.url), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { text: string }).text),
    ),
  ),
  '老板拖了我三个月工资，一共两万八千五',
  '我们5个人 一共欠了六万 我自己一万二',
  '我和老公在饭店干 老板欠了一万五',
  '总共3万 给了1万 还差2万',
  '欠我跟我哥一人五千',
  '王小二 13800138000 宏达建筑 8000 3个月 欠薪',
];

const readers = {
  findAmounts,
  findHeadcount,
  saysPaid,
  paidFigures,
  saidForEveryone,
  perPersonAmount,
  pairSumUnclear,
  amountSaidAsTotal,
  groupSaid,
};

/** Every value inside `v` changed in place, as a careless caller might. */
function scribble(v: unknown): void {
  if (Array.isArray(v)) {
    for (const x of v) scribble(x);
    v.push(-1);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'number') (v as Record<string, unknown>)[k] = x + 1;
      else scribble(x);
    }
  }
}

describe('readings kept for a turn', () => {
  it(`answer as afresh for ${TEXTS.length} corpus messages, each reader asked twice in a turn`, () => {
    expect(TEXTS.length).toBeGreaterThan(400);
    let withFigures = 0;
    for (const text of TEXTS) {
      const fresh = Object.fromEntries(Object.entries(readers).map(([name, read]) => [name, read(text)]));
      if ((fresh.findAmounts as ReturnType<typeof findAmounts>).own !== null || fresh.findHeadcount !== null) withFigures++;
      withinOneReading(() => {
        for (let round = 0; round < 2; round++) {
          for (const [name, read] of Object.entries(readers)) {
            const got = read(text);
            expect(got, `${name}(«${text}») in round ${round + 1}`).toEqual(fresh[name]);
            // The next caller in the turn never sees what this one did with its answer.
            scribble(got);
          }
        }
      });
    }
    // The corpus says figures and counts often enough for the check to mean something.
    expect(withFigures).toBeGreaterThan(100);
  }, 120_000);

  it('gives each caller its own answer, never one shared with the caller before', () => {
    withinOneReading(() => {
      const a = findAmounts('我们5个人 一共欠了六万 我自己一万二');
      const b = findAmounts('我们5个人 一共欠了六万 我自己一万二');
      expect(a.own).toEqual({ yuan: 12000, approx: false, upTo: null });
      expect(b).toEqual(a);
      expect(b).not.toBe(a);
      expect(b.own).not.toBe(a.own);
      expect(b.group).not.toBe(a.group);
      expect(b.spans).not.toBe(a.spans);
      const h = findHeadcount('我们5个人 一共欠了六万');
      const k = findHeadcount('我们5个人 一共欠了六万');
      expect(h?.value.count).toBe(5);
      expect(k).toEqual(h);
      expect(k!.value).not.toBe(h!.value);
      expect(k!.span).not.toBe(h!.span);
    });
  });
});
