import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../flows/parsers/index.js';
import { HOSTILE_INPUTS, expectError, expectOk } from './helpers.js';

describe('parseAmount', () => {
  it.each([
    ['28500', 28500],
    ['28500元', 28500],
    ['¥28,500', 28500],
    ['￥28,500', 28500],
    ['28500块', 28500],
    ['28500块钱', 28500],
    ['两万八千五', 28500],
    ['2.85万', 28500],
    ['2.85万元', 28500],
    ['三万五', 35000],
    ['3万5', 35000],
    ['大概两万', 20000],
    ['约3万元', 30000],
    ['35600元', 35600],
    ['３５６００元', 35600],
    ['人民币5000元', 5000],
    ['RMB 5000', 5000],
    ['3万左右', 30000],
    ['两万多块', 20000],
    ['一共欠了三万五', 35000],
    ['贰万捌仟伍佰元整', 28500],
    ['1234.567', 1234.57],
    ['1.005', 1.01],
    ['0.5元', 0.5],
    ['1000万', 10_000_000],
    ['“28500元”。', 28500],
  ])('when the amount is %j, then it is %d', (text, expected) => {
    expect(expectOk(parseAmount(text))).toBe(expected);
  });

  it.each([
    ['empty', '', '还没有输入金额'],
    ['only spaces', '   ', '还没有输入金额'],
    ['only a currency word', '元', '还没有输入金额'],
    ['letters', 'abc', '不是数字'],
    ['negative', '-5', '负'],
    ['negative with a currency sign', '-¥500', '负'],
    ['negative in words', '负五百', '负'],
    ['zero', '0', '不能是0'],
    ['zero in words', '零元', '不能是0'],
    ['so small it rounds to zero', '0.001', '不能是0'],
    ['over ten million (一亿)', '一亿', '1000万'],
    ['just over ten million', '10000000.01', '1000万'],
    ['a range', '两三万', '范围'],
    ['a malformed number', '1.2.3', '没看明白'],
    ['a monthly wage instead of a total', '每月5000', '没看明白'],
  ])('when the amount is %s (%j), then it asks again explaining the problem', (_situation, text, fragment) => {
    const error = expectError(parseAmount(text), fragment);
    expect(error).toMatch(/例如/);
  });

  it('when the amount is negative, then the message matches the agreed wording', () => {
    expect(parseAmount('-5')).toEqual({
      ok: false,
      error: '金额不能是负数，请输入拖欠的工资总数，例如“28500”或“两万八千五”。',
    });
  });

  it('when each kind of error occurs, then each gets its own message', () => {
    const errors = ['', 'abc', '-5', '0', '一亿', '两三万'].map((t) => {
      const r = parseAmount(t);
      return r.ok ? '' : r.error;
    });
    expect(new Set(errors).size).toBe(errors.length);
  });

  it.each(HOSTILE_INPUTS)('when the input is %s, then it fails cleanly', (_situation, text) => {
    expectError(parseAmount(text), /./);
  });
});
