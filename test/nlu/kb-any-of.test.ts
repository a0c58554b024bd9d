/*
 * The knowledge base tests an entry's rule group with one pattern of its words (flows/knowledge/kb.ts `anyOf`):
 * it must hold exactly where `words.some((w) => text.includes(w))` does, whatever the words hold (characters a
 * pattern reads as syntax, an empty word, a character outside the BMP, or no words at all).
 */
import { describe, expect, it } from 'vitest';
import { anyOf } from '../../flows/knowledge/kb.js';

const WORD_LISTS: string[][] = [
  ['工资', '工钱', '血汗钱'],
  ['a.b', 'c*', '(d)', '[e]', 'f|g', '^h', 'i$', 'j+k', 'l?', '{2}', 'm\\n', '/'],
  ['𠮷', '𠮷野'],
  ['\uD842'],
  [''],
  [],
];
const TEXTS = ['', '老板欠我工资', '血汗钱', 'axb', 'a.b', 'c', 'cc*', '(d)', 'd', '[e]', 'e', 'f|g', 'f', 'g', '^h', 'h', 'i$', 'j+k', 'jk', 'l?', '{2}', 'm\\n', 'mn', '/', '𠮷', '𠮷野家', '\uD842', '\uDFB7', '工'];

describe('anyOf', () => {
  for (const words of WORD_LISTS) {
    it(`holds where one of ${JSON.stringify(words)} is in the text`, () => {
      const holds = anyOf(words);
      for (const t of TEXTS) expect([t, holds.test(t)]).toEqual([t, words.some((w) => t.includes(w))]);
    });
  }
});
