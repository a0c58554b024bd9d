/*
 * What runs around the engine each turn reads a message once (flows/parsers/turn-memo.ts `readOnce`): the case desk's
 * reading (`readCaseMessage`, its complaint-only reading apart), `nothingSentAsked`, the talk readers (yesNo,
 * smallTalkOf, commandOf, serviceOf for each flow apart, isQuestion, asksCost) and the knowledge base's `match`. Inside
 * a turn each answers what it answers read afresh, however often and in whatever order it is asked; the case desk counts
 * characters (code points) once, as it counted them at each test (a character outside the BMP counts one).
 */
// guard: the readings kept for a turn and the counts made once are a speed-up only (they change no reading); this
// passes without them too, and fails if a kept reading differs from a fresh one, or one reader's reading is given for
// another's (the complaint-only reading for the whole one, serviceOf in one flow for another).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withinOneReading } from '../../flows/parsers/turn-memo.js';
import { nothingSentAsked, readCaseMessage } from '../../flows/case-desk.js';
import { asksCost, commandOf, isQuestion, serviceOf, smallTalkOf, yesNo, type Service } from '../../flows/nlu/talk.js';
import { knowledgeBase } from '../../flows/knowledge/kb.js';

const CORPORA = ['talk', 'knowledge', 'legal', 'membership', 'wage'];
/** A character outside the BMP: two UTF-16 units, one character. */
const pad = (n: number) => '𠮷'.repeat(n);
const EDGES = [
  '快点吧 急用钱',
  `快点吧${pad(25)}急用钱`,
  `快点吧${pad(40)}急用钱`,
  `快点吧${pad(80)}急用钱`,
  '有人联系我了吗',
  `${pad(20)}有人联系我了吗`,
  `${pad(34)}有人联系我了吗`,
  '我电话换了',
  `我电话换了${pad(10)}`,
  '老板說已經給了',
  '老板给了我３０００',
  '老板给了我两千',
  '我想让工作人员给我打电话',
  '那个工作人员态度太差了 我要投诉',
  '律师什么时候来',
  '法律援助批了没',
  '老板跑了 而且我电话也换了 13912345678',
  `老板一直拖着不给钱，${'我每天都去厂里找他，'.repeat(40)}`,
];
const TEXTS = [
  ...new Set([
    ...CORPORA.flatMap((name) =>
      readFileSync(new URL(`../nlu/corpus/${name}.jsonl`, import.meta.url), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { text: string }).text),
    ),
    ...EDGES,
  ]),
];

const FLOWS: (Service | null)[] = [null, 'wage', 'membership', 'legal'];
const kb = knowledgeBase();

/** Every reading of `text`, in this order. */
function readingsOf(text: string, order: 'forward' | 'backward'): Record<string, unknown> {
  const steps: [string, () => unknown][] = [
    ['case', () => readCaseMessage(text)],
    ['complaint', () => readCaseMessage(text, true)],
    ['nothingSent', () => nothingSentAsked(text)],
    ['yesNo', () => yesNo(text)],
    ['smallTalk', () => smallTalkOf(text)],
    ['command', () => commandOf(text)],
    ['question', () => isQuestion(text)],
    ['cost', () => asksCost(text)],
    ...FLOWS.map((f): [string, () => unknown] => [`service:${f}`, () => serviceOf(text, f)]),
    ['kb', () => kb.match(text)?.entry.id ?? null],
    ['told', () => kb.toldOf(text)?.id ?? null],
  ];
  const out: Record<string, unknown> = {};
  for (const [name, read] of order === 'forward' ? steps : [...steps].reverse()) out[name] = JSON.stringify(read());
  return out;
}

describe('readings kept for a turn', () => {
  it('answer inside a turn what they answer read afresh, in either order, asked twice', () => {
    for (const text of TEXTS) {
      const fresh = readingsOf(text, 'forward');
      const [first, again] = withinOneReading(() => [readingsOf(text, 'backward'), readingsOf(text, 'forward')]);
      expect({ text, ...first }).toEqual({ text, ...fresh });
      expect({ text, ...again }).toEqual({ text, ...fresh });
    }
  }, 60_000);

  it('keep each text apart within one turn', () => {
    const fresh = TEXTS.slice(0, 300).map((t) => readingsOf(t, 'forward'));
    const kept = withinOneReading(() => TEXTS.slice(0, 300).map((t) => readingsOf(t, 'forward')));
    expect(kept).toEqual(fresh);
  });
});

describe('the case desk counts characters, not UTF-16 units', () => {
  it('reads the edge cases as before', () => {
    const seen = withinOneReading(() => EDGES.slice(0, 13).map((t) => [readCaseMessage(t), readCaseMessage(t, true), nothingSentAsked(t)]));
    expect(seen).toEqual([
      [{ kind: 'note', note: 'other', about: 'urgent' }, null, null],
      [{ kind: 'note', note: 'other', about: 'urgent' }, null, null],
      // 46 characters (86 UTF-16 units): within the 80 an urgent note may have.
      [{ kind: 'note', note: 'other', about: 'urgent' }, null, null],
      [null, null, null],
      [{ kind: 'progress', staffPhone: false }, null, 'contact'],
      // 27 characters (47 units): a short question still.
      [{ kind: 'progress', staffPhone: false }, null, 'contact'],
      [null, null, null],
      [{ kind: 'new-phone' }, null, null],
      [{ kind: 'new-phone' }, null, null],
      // Traditional characters and fullwidth digits are read as normalised.
      [{ kind: 'boss-says-paid' }, null, null],
      [{ kind: 'note', note: 'partly_paid', paid: 3000 }, null, null],
      [{ kind: 'note', note: 'partly_paid', paid: 2000 }, null, null],
      [{ kind: 'note', note: 'other', about: 'call' }, null, null],
    ]);
  });
});
