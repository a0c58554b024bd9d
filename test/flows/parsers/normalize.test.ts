import { describe, expect, it } from 'vitest';
import {
  MAX_INPUT_LENGTH,
  normalizeText,
  prepareInput,
  stripSurrounding,
  toHalfWidth,
} from '../../../flows/parsers/index.js';
import { expectError, expectOk } from './helpers.js';

describe('toHalfWidth', () => {
  it.each([
    ['full-width digits', '１２３４５', '12345'],
    ['full-width letters and brackets', 'ＡＢＣ（深圳）', 'ABC(深圳)'],
    ['the ideographic space', '张\u3000三', '张 三'],
    ['the full-width yuan sign', '￥100', '¥100'],
    ['text that is already half-width', 'abc 123', 'abc 123'],
    ['Chinese characters and the interpunct', '买买提·艾力', '买买提·艾力'],
  ])('when the text has %s, then it becomes %j', (_situation, input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('normalizeText', () => {
  it.each([
    ['em dashes', '2025.5—2025.8', '2025.5-2025.8'],
    ['a minus sign', '\u22125', '-5'],
    ['a wave dash', '5月\u301C8月', '5月~8月'],
    ['zero-width characters', '138\u200B0013\uFEFF8000', '13800138000'],
    ['direction overrides and marks copied from a web page', '\u202E好再来\u200F饭店\u202C\u2067', '好再来饭店'],
    ['a no-break space', '138\u00A00013', '138 0013'],
  ])('when the text has %s, then they are normalised', (_situation, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('stripSurrounding', () => {
  it.each([
    ['surrounding spaces', '  张三  ', '张三'],
    ['a trailing full stop', '三万五。', '三万五'],
    ['trailing exclamation and question marks', '三万五!!??', '三万五'],
    ['Chinese quotes', '“张三”', '张三'],
    ['nested quotes and punctuation', '“「张三」”。', '张三'],
    ['a leading minus sign (kept)', '-5', '-5'],
    ['a leading plus sign (kept)', '+86 138', '+86 138'],
    ['trailing brackets (kept)', '某公司(深圳)', '某公司(深圳)'],
    ['an unmatched quote (kept)', "'; DROP", "'; DROP"],
  ])('when the text has %s, then the result is %j', (_situation, input, expected) => {
    expect(stripSurrounding(input)).toBe(expected);
  });
});

describe('prepareInput', () => {
  it('when the input is fine, then it comes back normalised and trimmed', () => {
    expect(expectOk(prepareInput(' ３万五。 ', '请输入。', '“1”'))).toBe('3万五');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['only punctuation', '。。。'],
    ['not a string at all', undefined as unknown as string],
  ])('when the input is %s, then the caller\'s empty message is returned', (_situation, input) => {
    expectError(prepareInput(input, '请输入金额。', '“1”'), '请输入金额');
  });

  it(`when the input is longer than ${MAX_INPUT_LENGTH} characters, then it asks for a short answer`, () => {
    expectError(prepareInput('好'.repeat(MAX_INPUT_LENGTH + 1), '请输入。', '“28500”'), /太长.*简短.*“28500”/);
  });

  it(`when the input is exactly ${MAX_INPUT_LENGTH} characters, then it is accepted`, () => {
    expect(prepareInput('好'.repeat(MAX_INPUT_LENGTH), '请输入。', '“1”').ok).toBe(true);
  });

  it('when the input is 200 emoji (400 UTF-16 units), then the length counts characters, not units', () => {
    expect(prepareInput('😀'.repeat(MAX_INPUT_LENGTH), '请输入。', '“1”').ok).toBe(true);
  });
});
