import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../../flows/parsers/roster.js';
import { expectError, expectOk } from './helpers.js';

const y = (yuan: number, approx = false, upTo: number | null = null) => ({ yuan, approx, upTo });

describe('parseRoster', () => {
  it.each([
    ['张三 8000 13800138000\n李四 9500', [{ name: '张三', amount: y(8000), phone: '13800138000' }, { name: '李四', amount: y(9500), phone: null }]],
    // Newlines arrive as spaces (the chat collapses them): the order of the parts tells who is who.
    ['张三 8000 13800138000 李四 9500', [{ name: '张三', amount: y(8000), phone: '13800138000' }, { name: '李四', amount: y(9500), phone: null }]],
    ['1.张三 8000 2.李四 九千五', [{ name: '张三', amount: y(8000), phone: null }, { name: '李四', amount: y(9500), phone: null }]],
    ['张三8000，李四9000元；王五 不清楚', [{ name: '张三', amount: y(8000), phone: null }, { name: '李四', amount: y(9000), phone: null }, { name: '王五', amount: null, phone: null }]],
    ['王五：1.2万', [{ name: '王五', amount: y(12000), phone: null }]],
    ['赵六 两万多 电话 138 0013 8000', [{ name: '赵六', amount: y(20000, true), phone: '13800138000' }]],
    ['买买提·艾力 6000', [{ name: '买买提·艾力', amount: y(6000), phone: null }]],
  ])('%s', (text, entries) => {
    expect(expectOk(parseRoster(text))).toEqual(entries);
  });

  it.each([
    // Two readings (王小 二三千, 王小二 三千): which is meant is asked.
    ['王小二三千', /姓名和钱数连在一起了/],
    ['8000 张三', /要先写姓名/],
    ['老板欠我钱', /要先写姓名/],
    ['张三 8000 9000', /写了两个钱数/],
    ['张三 8000 13800138000 13900139000', /写了两个电话/],
    ['', /一行写一个人/],
  ])('%s is refused, saying where', (text, why) => {
    expectError(parseRoster(text), why);
  });

  it.each([
    // A name alone: what others are owed is often not known.
    ['张三', [{ name: '张三', amount: null, phone: null }]],
    ['张三 八千 李四', [{ name: '张三', amount: y(8000), phone: null }, { name: '李四', amount: null, phone: null }]],
    // A name run into its amount, read when only one split reads.
    ['张三八千', [{ name: '张三', amount: y(8000), phone: null }]],
    ['张三一万二 李四九千五 王五一万', [{ name: '张三', amount: y(12000), phone: null }, { name: '李四', amount: y(9500), phone: null }, { name: '王五', amount: y(10000), phone: null }]],
  ])('%s is read', (text, entries) => {
    expect(expectOk(parseRoster(text))).toEqual(entries);
  });

  it('a name ending in a numeral is a name (李建一), not a name and one yuan', () => {
    expect(expectOk(parseRoster('李建一 3000'))).toEqual([{ name: '李建一', amount: y(3000), phone: null }]);
  });
});
