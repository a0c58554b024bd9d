import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../flows/parsers/index.js';
import { findsNothing, itFindsNothingInHostileInputs } from './helpers.js';

describe('parseChineseNumber', () => {
  it.each([
    // Arabic digits
    ['28500', 28500],
    ['28,500', 28500],
    ['1,234,567.5', 1234567.5],
    ['3.5', 3.5],
    ['０１２３４５６７８９', 123456789],
    ['３５６００', 35600],
    ['28 500', 28500],
    ['0', 0],
    // Plain Chinese numerals
    ['五', 5],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一千零五十', 1050],
    ['两千八百五十', 2850],
    ['两万八千五百', 28500],
    ['十万', 100000],
    ['二十三万', 230000],
    ['三千五百万', 35000000],
    ['一亿', 100000000],
    ['一亿零五百万', 105000000],
    ['零', 0],
    // Financial and traditional numerals
    ['贰万捌仟伍佰', 28500],
    ['壹佰', 100],
    ['叁拾', 30],
    ['兩萬', 20000],
    // Placeholder zeros
    ['一万零五百', 10500],
    ['一千零五', 1005],
    ['一万零五', 10005],
    // Colloquial elided trailing unit
    ['三万五', 35000],
    ['两万八千五', 28500],
    ['两千八', 2800],
    ['一百二', 120],
    ['两百五', 250],
    ['一万二', 12000],
    ['一亿五', 150000000],
    // Mixed Arabic and Chinese
    ['3万5千', 35000],
    ['3万5', 35000],
    ['3万500', 30500],
    ['3万5000', 35000],
    ['3.5万', 35000],
    ['2.85万', 28500],
    ['1千2百', 1200],
    ['15000万', 150000000],
    // Chat shorthand
    ['8k', 8000],
    ['3w', 30000],
    ['3w5', 35000],
    // Chinese decimal point
    ['三点五', 3.5],
    ['三点五万', 35000],
    ['二点八五万', 28500],
    ['十二点五', 12.5],
    // Digit by digit
    ['二〇二五', 2025],
    ['二零二五', 2025],
    ['一二三', 123],
    // Signs
    ['-5', -5],
    ['负五', -5],
    ['+5', 5],
  ])('when the text is %j, then it is %d', (text, expected) => {
    expect(parseChineseNumber(text)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['letters', 'abc'],
    ['a vague quantity (the caller decides)', '二十多'],
    ['a range', '两三万'],
    ['a spoken two-digit range', '两三'],
    ['a range in Arabic digits', '3-5'],
    ['a bad thousands separator', '2,85'],
    ['two decimal points', '1.2.3'],
    ['units out of order', '一百一千'],
    ['a repeated 万', '一万二万'],
    ['a bare 万', '万'],
    ['a bare 百', '百'],
    ['a trailing 零', '一百零'],
    ['two digits in a row', '三五万'],
    ['a unit word', '元'],
    ['a number with a currency word (the caller strips it)', '3万元'],
    ['a leading 零 before a unit', '零十'],
  ])('when the text is %s (%j), then it is not a number', findsNothing(parseChineseNumber));

  itFindsNothingInHostileInputs(parseChineseNumber, 'it returns null without throwing');
});
