import { describe, expect, it } from 'vitest';
import { parseHeadcount } from '../../../flows/parsers/index.js';
import { asksAgain, expectOk, itRefusesHostileInputs } from './helpers.js';

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
    ['三十多号人嘞', 30, true],
    ['我们一共二十多个人', 20, true],
    ['十几个', 10, true],
    ['二十几个人', 20, true],
    ['二十来个', 20, true, { about: true }],
    ['一百多人', 100, true],
    ['大概50人', 50, true, { about: true }],
    ['50人左右', 50, true, { about: true }],
    ['差不多两百个', 200, true, { about: true }],
    ['将近五十人', 50, true, { about: true }],
    ['接近一百个', 100, true, { about: true }],
    ['大概二十多个', 20, true],
    // Two numbers in a row: from the lower to the higher.
    ['五六个人', 5, true, { upTo: 6 }],
    // Voice input's 七八个人 (`7 8个人`), never 78.
    ['7 8个人', 7, true, { upTo: 8 }],
    ['一两个', 1, true, { upTo: 2 }],
    ['四五十个人', 40, true, { upTo: 50 }],
    ['七八十个', 70, true, { upTo: 80 }],
    ['一二十个', 10, true, { upTo: 20 }],
    ['五六十人左右', 50, true, { upTo: 60 }],
    // Ninety, never nine to ten (it was read as 9多人).
    ['九十个人', 90, false],
    ['九十多个', 90, true],
    ['一千二', 1200, false],
    ['100000', 100_000, false],
    // Framing around the count
    ['班组8个人', 8, false],
    ['我们班组十来个人', 10, true, { about: true }],
    ['我们8个', 8, false],
    ['我们有8个人', 8, false],
    ['8个兄弟', 8, false],
    ['八个工友', 8, false],
    ['10个师傅', 10, false],
    ['一个班十几个人', 10, true],
    ['连我一共5个', 5, false],
    ['加上我3个人', 3, false],
    ['算上我七个人', 7, false],
    ['我和我老婆两个', 2, false],
    ['我跟我弟两个人', 2, false],
    ['我和老乡三个', 3, false],
    ['我们俩', 2, false],
    ['我们仨', 3, false],
    ['俺跟俺兄弟俩', 2, false],
    ['俺和俺老婆', 2, false],
    ['我俩', 2, false],
    ['咱俩', 2, false],
    ['我们两个', 2, false],
    ['就我自己', 1, false],
    ['只有我一个人', 1, false],
    // Each one named is a person, with no number said.
    ['就我和我老婆', 2, false],
    ['我跟我弟还有我老乡', 3, false],
    ['三四十号人', 30, true, { upTo: 40 }],
    ['十好几个', 10, true],
  ] as [string, number, boolean, { about?: true; upTo?: number }?][])('when the headcount is %j, then it is %d (approximate: %s, %o)', (text, count, approximate, hedge) => {
    expect(expectOk(parseHeadcount(text))).toEqual({ count, approximate, ...hedge });
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
    ['我们几个', '我们几个', '大概的数字'],
    ['好几个', '好几个', '大概的数字'],
    ['很多人', '很多人', '大概的数字'],
    ['一帮人', '一帮人', '大概的数字'],
    ['很多 (no number at all)', '很多', '大概的数字'],
    ['a family size', '三口人', '不是家里人口'],
    ['a family of three', '一家三口', '不是家里人口'],
    ['a duration', '8个月', '不是人数'],
    ['an amount', '5000块', '不是人数'],
    ['me and my wife, but only one', '我和我老婆一个', '没看明白'],
    ['me and my workmates (how many?)', '我和工友们', '没看明白'],
    ['letters', 'abc', '没看明白'],
  ])('when the headcount is %s (%j), then it asks again explaining the problem', asksAgain(parseHeadcount));

  itRefusesHostileInputs(parseHeadcount);
});
