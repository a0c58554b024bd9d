import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../../flows/parsers/index.js';
import { TODAY, asksAgain, expectError, expectOk, itRefusesHostileInputs } from './helpers.js';

/** Independent implementation of the GB 11643 check character, to build test IDs. */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}

/** Same ID with a wrong last character. */
function withWrongCheck(first17: string): string {
  const right = withCheck(first17).charAt(17);
  return first17 + (right === '0' ? '1' : '0');
}

// TODAY is 2026-11-21.
describe('parseIdNumber', () => {
  it.each([
    ['the standard sample number', '11010519491231002X', '11010519491231002X', 'resident', '1949-12-31', 76],
    ['a lower-case x', '11010519491231002x', '11010519491231002X', 'resident', '1949-12-31', 76],
    ['spaces between groups', '110105 19491231 002X', '11010519491231002X', 'resident', '1949-12-31', 76],
    ['full-width characters', '１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', 'resident', '1949-12-31', 76],
    ['a birthday today', withCheck('44030520001121001'), withCheck('44030520001121001'), 'resident', '2000-11-21', 26],
    ['a birthday tomorrow', withCheck('44030520001122001'), withCheck('44030520001122001'), 'resident', '2000-11-22', 25],
    ['a 15-year-old (refusing is the caller\'s business)', withCheck('44030520110101001'), withCheck('44030520110101001'), 'resident', '2011-01-01', 15],
    ['a leap-day birth date', withCheck('11010520000229001'), withCheck('11010520000229001'), 'resident', '2000-02-29', 26],
    ['a Hong Kong residence permit', withCheck('81000019900101001'), withCheck('81000019900101001'), 'hk_macau_tw_permit', '1990-01-01', 36],
    ['a Macau residence permit', withCheck('82000019900101001'), withCheck('82000019900101001'), 'hk_macau_tw_permit', '1990-01-01', 36],
    ['a Taiwan residence permit', withCheck('83000019900101001'), withCheck('83000019900101001'), 'hk_macau_tw_permit', '1990-01-01', 36],
    ['a foreign permanent-residence card', withCheck('93615619850312001'), withCheck('93615619850312001'), 'foreign_permanent', '1985-03-12', 41],
    ['a Hong Kong residence permit ending in a lower-case x', '81000019900101006x', '81000019900101006X', 'hk_macau_tw_permit', '1990-01-01', 36],
    ['a permanent-residence card ending in X', '93615619850312007X', '93615619850312007X', 'foreign_permanent', '1985-03-12', 41],
  ])('when the ID is %s, then it is accepted', (_situation, text, id, kind, birthDate, age) => {
    expect(expectOk(parseIdNumber(text, TODAY))).toEqual({ id, kind, birthDate, age });
  });

  it.each([
    ['empty', '', '还没有输入身份证号'],
    ['an old 15-digit number', '110105491231002', '15位的旧身份证号'],
    ['17 characters', '11010519491231002', '您输入了17位'],
    ['19 characters', '110105194912310021X', '您输入了19位'],
    ['10 characters', '1101051949', '您输入了10位'],
    ['a letter inside', '1101051949A231002X', '字母'],
    ['an X in the middle', '110105X9491231002X', '字母'],
    ['a letter at the end other than X', '11010519491231002A', '字母'],
    ['a symbol inside', '110105#9491231002X', '只能包含数字'],
    ['a wrong check digit', withWrongCheck('11010519491231002'), '最后一位校验码不对，请核对'],
    ['a residence permit with a wrong check digit', withWrongCheck('81000019900101001'), '最后一位校验码不对'],
    ['18 characters with the X in the middle and a digit at the end', '81000019900101X061', '字母'],
    ['30 February as birth date', withCheck('11010519490230001'), '出生日期'],
    ['month 13 as birth date', withCheck('11010519491301001'), '出生日期'],
    ['29 February in a non-leap year', withCheck('11010520010229001'), '出生日期'],
    ['a birth date in the future', withCheck('11010520261122001'), '晚于今天'],
    ['a birth date before 1900', withCheck('11010518991231001'), '1900'],
  ])('when the ID has %s (%j), then it asks again explaining the problem', asksAgain((text) => parseIdNumber(text, TODAY)));

  it('when 15 digits are typed, then the message explains the 18-digit number is on the current ID card', () => {
    expectError(parseIdNumber('110105491231002', TODAY), /18位.*身份证上/);
  });

  itRefusesHostileInputs((text) => parseIdNumber(text, TODAY));
});

// Corrections, labels and asides typed with the number (test/flows/names-said.test.ts has them as transcripts).
describe('parseIdNumber, the number inside words', () => {
  const first = withCheck('45010219880808123');
  const second = withCheck('45010219850315123');
  it.each([
    ['a label before it', `我的是${first}`, first],
    ['a longer label', `身份证号码：${first}`, first],
    ['就是 before it', `就是${first}`, first],
    ['a correction after a slip (不对 是)', `${first} 不对 是${second}`, second],
    ['a correction after 说错了', `${first}，说错了，应该是${second}`, second],
    ['the one said, then the one it is not', `是${second} 不是${first}`, second],
    ['the one it is not, then the one it is', `不是${first} 是${second}`, second],
    ['the same number twice', `${first} ${first}`, first],
  ])('when the answer has %s, then the number meant is taken', (_situation, text, id) => {
    expect(expectOk(parseIdNumber(text, TODAY)).id).toBe(id);
  });

  it('when two different numbers are typed with nothing to choose between them, then which one is asked', () => {
    expect(expectError(parseIdNumber(`${first} ${second}`, TODAY), '两个身份证号')).toMatch(/只回复您本人的那一个/);
  });

  it('when a label comes before a number with a wrong check digit, then the check digit decides', () => {
    expectError(parseIdNumber(`我的是${withWrongCheck('45010219880808123')}`, TODAY), '校验码');
  });

  it.each(['身份证在家里没带', '身份证丢了 还没补办', '号码记不住'])('when the card is not at hand (%j), then it answers kindly instead of a format error', (text) => {
    const error = expectError(parseIdNumber(text, TODAY), '没关系');
    expect(error).toMatch(/等拿到身份证/);
    expect(error).not.toMatch(/只能包含数字/);
  });
});
