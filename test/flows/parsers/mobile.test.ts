import { describe, expect, it } from 'vitest';
import { parseMobile } from '../../../flows/parsers/index.js';
import { asksAgain, expectError, expectOk, itRefusesHostileInputs, parsesTo } from './helpers.js';

describe('parseMobile', () => {
  it.each([
    ['13800138000'],
    ['+86 138 0013 8000'],
    ['+8613800138000'],
    ['86-138-0013-8000'],
    ['8613800138000'],
    ['0086 13800138000'],
    ['138-0013-8000'],
    ['138 0013 8000'],
    ['(+86) 138 0013 8000'],
    ['１３８００１３８０００'],
    ['＋８６　１３８００１３８０００'],
    ['手机号是13800138000'],
    ['电话：13800138000'],
  ])('when the number is %j, then it is 13800138000', (text) => {
    expect(expectOk(parseMobile(text))).toBe('13800138000');
  });

  it.each([
    ['19912345678', '19912345678'],
    ['15012345678', '15012345678'],
  ])('when the number has a valid prefix (%j), then it is accepted', parsesTo(parseMobile));

  it.each([
    ['empty', '', '还没有输入手机号'],
    ['too short', '1380013800', '您输入了10位数字'],
    ['too long', '138001380001', '您输入了12位数字'],
    ['a landline with area code', '021-12345678', '座机'],
    ['a landline without area code', '12345678'.replace(/^1/, '6'), '座机'],
    ['not a mobile prefix', '12345678901', '13到19开头'],
    ['a mobile prefix that does not exist', '10012345678', '13到19开头'],
    ['letters', '138abc00138', '字母'],
    ['a foreign number', '+1 415 555 0100', '中国大陆'],
    ['a Hong Kong number', '+852 9123 4567', '中国大陆'],
    ['Chinese characters', '一三八', '只能包含数字'],
  ])('when the number is %s (%j), then it asks again explaining the problem', asksAgain(parseMobile));

  it('when a landline is given, then the message says a mobile number is needed', () => {
    expectError(parseMobile('021-12345678'), /座机.*手机号/);
  });

  itRefusesHostileInputs(parseMobile);
});

describe('parseMobile, two numbers in one answer', () => {
  it.each([
    ['13800138000 不对 13900001111', '13900001111'],
    ['13800138000，说错了，13900001111', '13900001111'],
    ['13800138000 打错了 应该是13900001111', '13900001111'],
    ['不是13800138000 是13900001111', '13900001111'],
    ['13900001111 不是13800138000', '13900001111'],
    ['13800138000 13800138000', '13800138000'],
  ])('when the answer is %j, then the number meant is %s', parsesTo(parseMobile));

  it('when two different numbers are typed, then it says so and asks for one (not "22位数字")', () => {
    const error = expectError(parseMobile('13800138000 13900001111'), '两个号码');
    expect(error).toMatch(/13800138000、13900001111/);
    expect(error).not.toMatch(/22位/);
  });

  it('a number typed in groups is still one number', () => {
    expect(expectOk(parseMobile('138 0013 8000'))).toBe('13800138000');
  });
});
