import { describe, expect, it } from 'vitest';
import { parseAmount, readAmount } from '../../../flows/parsers/index.js';
import { asksAgain, itRefusesHostileInputs, parsesTo } from './helpers.js';

const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });
const approx = (yuan: number) => ({ yuan, approx: true, upTo: null });
const range = (yuan: number, upTo: number) => ({ yuan, approx: true, upTo });

describe('parseAmount', () => {
  it.each([
    // Forms accepted before (same figures, now with the Amount shape)
    ['28500', exact(28500)],
    ['28500元', exact(28500)],
    ['¥28,500', exact(28500)],
    ['￥28,500', exact(28500)],
    ['28500块', exact(28500)],
    ['28500块钱', exact(28500)],
    ['两万八千五', exact(28500)],
    ['2.85万', exact(28500)],
    ['2.85万元', exact(28500)],
    ['三万五', exact(35000)],
    ['3万5', exact(35000)],
    ['35600元', exact(35600)],
    ['３５６００元', exact(35600)],
    ['人民币5000元', exact(5000)],
    ['RMB 5000', exact(5000)],
    ['一共欠了三万五', exact(35000)],
    ['贰万捌仟伍佰元整', exact(28500)],
    ['1234.567', exact(1234.57)],
    ['1.005元', exact(1.01)],
    // Under 100 only with its unit: `50元`, `80块`.
    ['50元', exact(50)],
    ['80块钱', exact(80)],
    ['0.5元', exact(0.5)],
    ['1000万', exact(10_000_000)],
    ['“28500元”。', exact(28500)],
    // Elided trailing units and placeholder zeros
    ['7万4', exact(74000)],
    ['2万8', exact(28000)],
    ['3千5', exact(3500)],
    ['1万零5百', exact(10500)],
    ['一万五千块', exact(15000)],
    ['1.5万', exact(15000)],
    ['28500元整', exact(28500)],
    ['我自己两万八', exact(28000)],
    ['还差工钱7万4', exact(74000)],
    // Hedges keep the stated figure, marked approximate
    ['大概两万', approx(20000)],
    ['约3万元', approx(30000)],
    ['3万左右', approx(30000)],
    ['两万左右', approx(20000)],
    ['两万多', approx(20000)],
    ['两万多块', approx(20000)],
    ['二十来万', approx(200_000)],
    ['百来万', approx(1_000_000)],
    ['总的有百来万吧', approx(1_000_000)],
    ['千把块', approx(1_000)],
    ['二十多万', approx(200_000)],
    ['十几万', range(110_000, 190_000)],
    ['二十几万', range(210_000, 290_000)],
    ['差不多三万', approx(30000)],
    ['差不多两万八吧', approx(28000)],
    ['三万出头', approx(30000)],
    ['小两万', approx(20000)],
    ['将近两万', approx(20000)],
    ['一万多块钱', approx(10000)],
    ['1万几千', range(11000, 19000)],
    ['万把块', approx(10000)],
    // Ranges keep both ends
    ['两三万', range(20000, 30000)],
    ['2到3万', range(20000, 30000)],
    ['2-3万', range(20000, 30000)],
    ['2~3万', range(20000, 30000)],
    ['2、3万', range(20000, 30000)],
    ['两万到三万', range(20000, 30000)],
    ['两万至三万块', range(20000, 30000)],
    ['2万元到3万元之间', range(20000, 30000)],
    ['三四千', range(3000, 4000)],
    ['七八万', range(70000, 80000)],
    ['一两万', range(10000, 20000)],
    ['十七八万', range(170_000, 180_000)],
    ['一万七八千', range(17000, 18000)],
    ['大概两三万', range(20000, 30000)],
    ['十到十五万', range(100_000, 150_000)],
    ['5000到3万', range(5000, 30000)],
    ['20000-30000', range(20000, 30000)],
    // The figure, then a remark that it is not exact: approximate.
    ['两万 具体不记得了', approx(20000)],
    ['两万，具体多少记不清了', approx(20000)],
    ['20000 说不准', approx(20000)],
    ['两三万 记不太清', range(20000, 30000)],
    // Voice input's 三四万 (`3 4万`) is a range, never 340,000.
    ['3 4万', range(30000, 40000)],
    ['５ ６千', range(5000, 6000)],
    ['3 5万', range(30000, 50000)],
    // Between two figures, said as a person would.
    ['三千多快四千', range(3000, 4000)],
    ['好像是一万八还是一万九', range(18000, 19000)],
    ['一万八或者一万九', range(18000, 19000)],
  ])('when the amount is %j, then it is %j', parsesTo(parseAmount));

  it.each([
    ['empty', '', '还没有输入金额'],
    ['only spaces', '   ', '还没有输入金额'],
    ['only a currency word', '元', '还没有输入金额'],
    ['letters', 'abc', '不是数字'],
    ['negative', '-5', '负'],
    ['negative with a currency sign', '-¥500', '负'],
    ['negative in words', '负五百', '负'],
    ['zero', '0', '不能是0'],
    ['a bare 1 (an option number)', '1', '太小了'],
    ['a bare 30', '30', '太小了'],
    ['fifty in words without a unit', '五十', '太小了'],
    ['zero in words', '零元', '不能是0'],
    ['so small it rounds to zero', '0.001', '不能是0'],
    ['over ten million (一亿)', '一亿', '1000万'],
    ['just over ten million', '10000000.01', '1000万'],
    ['a range reaching over ten million', '900万到2000万', '1000万'],
    ['a malformed number', '1.2.3', '没看明白'],
    ['two digits that are not a range', '两三', '没看明白'],
    ['a bare 几万', '几万', '大概的数字'],
    ['好几万', '好几万', '大概的数字'],
    ['几十万', '几十万', '大概的数字'],
    ['数万', '数万', '大概的数字'],
    ['a range going down', '3万到2万', '要比前面的大'],
    ['a range with equal ends', '3万到3万', '要比前面的大'],
    ['a spoken range going down', '三二万', '要比前面的大'],
    ['a headcount', '三个人', '不是钱数'],
    ['a duration', '三个月', '不是钱数'],
    ['a day of the month', '3号', '不是钱数'],
    ['a year', '2025年', '不是钱数'],
    ['a month and year', '2025-05', '不是钱数'],
    ['a phone number', '13800138000', '不是钱数'],
    ['a monthly wage instead of a total', '每月5000', '每月或每天'],
    ['a daily wage', '一天300', '每月或每天'],
    ['a wage per month after the number', '5000一个月', '每月或每天'],
  ])('when the amount is %s (%j), then it asks again explaining the problem', asksAgain(parseAmount, (message) => expect(message).toMatch(/例如/)));

  it('when the amount is negative, then the message matches the agreed wording', () => {
    expect(parseAmount('-5')).toEqual({
      ok: false,
      error: '金额不能是负数，请输入拖欠的工资总数，例如“28500”或“两万八千五”。',
    });
  });

  it('when each kind of error occurs, then each gets its own message', () => {
    const errors = ['', 'abc', '-5', '0', '一亿', '1.2.3', '几万', '3万到2万', '三个人', '每月5000'].map((t) => {
      const r = parseAmount(t);
      return r.ok ? '' : r.error;
    });
    expect(new Set(errors).size).toBe(errors.length);
  });

  it('when an amount is read without the message layer, then the problem is named', () => {
    expect(readAmount('好几万')).toEqual({ ok: false, problem: 'vague' });
    expect(readAmount('两三万')).toEqual({ ok: true, value: range(20000, 30000) });
  });

  itRefusesHostileInputs(parseAmount);
});
