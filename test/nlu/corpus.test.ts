/*
 * The bot's understanding, measured on the labelled corpus (test/nlu/corpus,
 * LABELS.md): the targets of issue 9, and a few lines that must never go wrong.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus, precision, recall } from './evaluate.js';

const report = evaluate();
/**
 * Held-out set A (test/nlu/heldout): 300 lines written apart from the code.
 * Measured once before any change (fields: precision 93.3 %, recall 84.3 %),
 * then used to find what was broken, so it is no longer unseen: it guards
 * against going back, with lower floors than the tuned corpus.
 */
const heldout = evaluate(loadCorpus(fileURLToPath(new URL('./heldout', import.meta.url))));

describe('understanding workers in their own words (npm run nlu:report)', () => {
  it('the corpus is big enough and covers every flow, the knowledge base and small talk', () => {
    const lines = loadCorpus();
    expect(lines.length).toBeGreaterThanOrEqual(600);
    for (const flow of ['wage', 'membership', 'legal'] as const) expect(lines.filter((l) => l.flow === flow).length).toBeGreaterThanOrEqual(100);
    expect(new Set(lines.filter((l) => l.expect.intent === 'question').map((l) => l.expect.entry)).size).toBeGreaterThanOrEqual(40);
    expect(lines.filter((l) => l.expect.intent === 'smalltalk').length).toBeGreaterThanOrEqual(20);
  });

  it('values are taken with precision ≥ 99 % and found with recall ≥ 90 %', () => {
    expect(precision(report.allFields)).toBeGreaterThanOrEqual(0.99);
    expect(recall(report.allFields)).toBeGreaterThanOrEqual(0.9);
  });

  it('a value taken without confirming is wrong at most 1 time in 100', () => {
    expect(precision(report.direct)).toBeGreaterThanOrEqual(0.99);
  });

  it('what a message is (answer, question, request, command, small talk) is right at least 95 % of the time', () => {
    expect(precision(report.allIntents)).toBeGreaterThanOrEqual(0.95);
  });

  it('on the held-out set, values stay above the floors it reached (precision ≥ 96 %, recall ≥ 93 %)', () => {
    expect(heldout.lines).toBe(300);
    expect(precision(heldout.allFields)).toBeGreaterThanOrEqual(0.96);
    expect(recall(heldout.allFields)).toBeGreaterThanOrEqual(0.93);
    expect(precision(heldout.direct)).toBeGreaterThanOrEqual(0.97);
  });

  it('small talk is never data, and greetings never become names', () => {
    const leaks = report.errors.filter((e) => e.line.expect.intent === 'smalltalk' && (Object.keys(e.prediction.direct).length > 0 || Object.keys(e.prediction.inferred).length > 0));
    expect(leaks.map((e) => e.line.id)).toEqual([]);
  });
});
