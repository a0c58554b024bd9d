import { describe, expect, it } from 'vitest';
import { parseHeadcount } from '../../../flows/parsers/index.js';
import { HOSTILE_INPUTS, expectError, expectOk } from './helpers.js';

describe('parseHeadcount', () => {
  it.each([
    ['就我一个', 1, false],
    ['就我一个人', 1, false],
    ['只有我', 1, false],
    ['我自己', 1, false],
    ['就我', 1, false],
    ['一个人', 1, false],
    ['1', 1, false],
    ['２', 2, false],
    ['两个', 2, false],
    ['三十人', 30, false],
    ['30个', 30, false],
    ['30 个人', 30, false],
    ['一共有30名工人', 30, false],
    ['二十多个人', 20, true],
    ['我们一共二十多个人', 20, true],
    ['十几个', 10, true],
    ['二十几个人', 20, true],
    ['二十来个', 20, true],
    ['一百多人', 100, true],
    ['大概50人', 50, true],
    ['50人左右', 50, true],
    ['差不多两百个', 200, true],
    ['一千二', 1200, false],
    ['100000', 100_000, false],
  ])('when the headcount is %j, then it is %d (approximate: %s)', (text, count, approximate) => {
    expect(expectOk(parseHeadcount(text))).toEqual({ count, approximate });
  });

  it.each([
    ['empty', '', '还没有输入人数'],
    ['zero', '0', '不能是0'],
    ['zero in words', '零个人', '不能是0'],
    ['negative', '-5', '负'],
    ['over 100,000', '200000', '10万'],
    ['a fraction', '1.5个', '整数'],
    ['only a vague 几十', '几十个', '大概的数字'],
    ['a range', '两三个', '大概的数字'],
    ['unrelated text', '很多', '没看明白'],
    ['letters', 'abc', '没看明白'],
  ])('when the headcount is %s (%j), then it asks again explaining the problem', (_situation, text, fragment) => {
    expectError(parseHeadcount(text), fragment);
  });

  it.each(HOSTILE_INPUTS)('when the input is %s, then it fails cleanly', (_situation, text) => {
    expectError(parseHeadcount(text), /./);
  });
});
