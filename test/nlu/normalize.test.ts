import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../../flows/nlu/normalize.js';

describe('normalizeMessage', () => {
  it.each([
    ['traditional characters are read as simplified', '老闆欠我兩萬塊', '老板欠我两万块'],
    ['么 stays 么 (not 幺)', '在么', '在么'],
    ['full-width digits and spaces fold', '２万８　块', '2万8 块'],
    ["WeChat's emoji names are taken off words", '好的[微笑]', '好的'],
    ['several, anywhere', '[抱拳]东龙[抱拳][强]', '东龙'],
    ['emoji alone stay, to be read as an emoji', '[捂脸][捂脸]', '[捂脸][捂脸]'],
    ["a bracketed word that is not WeChat's stays", '[东龙]镇', '[东龙]镇'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeMessage(input)).toBe(expected);
  });
});
