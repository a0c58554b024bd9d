import { expect, it } from 'vitest';
import type { Parsed } from '../../../flows/parsers/index.js';

/** Fixed "now" for the ID-number tests: 21 November 2026, 10:00 in China. */
export const TODAY = new Date('2026-11-21T10:00:00+08:00');

/**
 * "Today" of the labelled corpus (test/nlu/LABELS.md): Tuesday 1 December
 * 2026, 10:00 in China. Used by the month, period and sentence tests.
 */
export const NLU_TODAY = new Date('2026-12-01T10:00:00+08:00');

/** Other days for the festival readings (the lunar calendar moves every year). */
export const SPRING_2027 = new Date('2027-03-20T10:00:00+08:00'); // 春节 6 Feb, 元宵 20 Feb 2027
export const LEAP_DAY_2028 = new Date('2028-02-29T09:30:00+08:00'); // 春节 26 Jan, 元宵 9 Feb 2028
export const BEFORE_SPRING_2028 = new Date('2028-01-24T10:00:00+08:00'); // two days before 春节 2028

/** Asserts success and returns the value. */
export function expectOk<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`expected success, got error: ${result.error}`);
  return result.value;
}

/**
 * Asserts failure with a user-facing message: Simplified Chinese, no English
 * words, and mentioning `fragment` (the specific problem).
 */
export function expectError<T>(result: Parsed<T>, fragment: string | RegExp): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expectChineseMessage(result.error);
  if (typeof fragment === 'string') expect(result.error).toContain(fragment);
  else expect(result.error).toMatch(fragment);
  return result.error;
}

/** A polite Chinese re-prompt: has CJK text, ends like a sentence, no English words. */
export function expectChineseMessage(message: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  expect(message).not.toMatch(/[A-Za-z]{2,}/);
  expect(message).toMatch(/[。？！]$/);
  expect(message.length).toBeLessThan(120);
}

/** Inputs nobody should be able to get past a parser, nor make it throw. */
export const HOSTILE_INPUTS: ReadonlyArray<[string, string]> = [
  ['10,000 digits', '1'.repeat(10_000)],
  ['10,000 Chinese characters', '一'.repeat(10_000)],
  ['10,000 Latin letters', 'a'.repeat(10_000)],
  ['a script tag', '<script>alert(1)</script>'],
  ['only emoji', '😀😀'],
  ['SQL injection', "'; DROP TABLE users; --"],
  ['control characters', '\u0000\u0007\u001b[31m'],
  ['a lone surrogate', '\uD800'],
  ['only punctuation', '？？？！！'],
];

/** What a parser is called with: the user's text (a date-dependent parser is wrapped). */
type Parse<T> = (text: string) => Parsed<T>;

/**
 * The check for an `it.each` table of `[text, expected]`: `parse(text)`
 * succeeds with (a value deeply equal to) `expected`.
 */
export function parsesTo<T>(parse: Parse<T>): (text: string, expected: T) => void {
  return (text, expected) => {
    expect(expectOk(parse(text))).toEqual(expected);
  };
}

/**
 * The check for an `it.each` table of `[situation, text, fragment]`:
 * `parse(text)` fails with a Chinese message mentioning `fragment`
 * ({@link expectError}), which `also` may check further.
 */
export function asksAgain(parse: Parse<unknown>, also?: (message: string) => void): (situation: string, text: string, fragment: string | RegExp) => void {
  return (_situation, text, fragment) => {
    const message = expectError(parse(text), fragment);
    also?.(message);
  };
}

/** One test per hostile input: `parse` refuses it with a Chinese message, and does not throw. */
export function itRefusesHostileInputs(parse: Parse<unknown>): void {
  it.each(HOSTILE_INPUTS)('when the input is %s, then it fails cleanly', (_situation, text) => {
    expectError(parse(text), /./);
  });
}

/**
 * The check for an `it.each` table of `[situation, text]` given to a finder
 * (it reads what it can, refuses nothing): `find(text)` returns `nothing`,
 * by default null.
 */
export function findsNothing(find: (text: string) => unknown, nothing: unknown = null): (situation: string, text: string) => void {
  return (_situation, text) => {
    if (nothing === null) expect(find(text)).toBeNull();
    else expect(find(text)).toEqual(nothing);
  };
}

/** One test per hostile input for a finder: it finds `nothing` and does not throw. `outcome` ends the titles. */
export function itFindsNothingInHostileInputs(find: (text: string) => unknown, outcome: string, nothing: unknown = null): void {
  it.each(HOSTILE_INPUTS)(`when the input is %s, then ${outcome}`, findsNothing(find, nothing));
}
