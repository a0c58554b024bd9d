/*
 * A WeChat reply that quotes (引用) an earlier message arrives from Wechaty's
 * puppets as one text: the quote, a line of dashes, what was typed
 * (core/infra/text.ts `splitQuote`). Only that shape is split; anything
 * else is what the person typed, whole.
 */
import { describe, expect, it } from 'vitest';
import { splitQuote } from '../../core/infra/text.js';

const DASHES_15 = '- - - - - - - - - - - - - - -';
const DASHES_16 = '- - - - - - - - - - - - - - - -';

describe('splitQuote', () => {
  it.each([
    ['15 dash pairs', `「工友助手：您同意吗？\n1. 同意\n2. 不同意」\n${DASHES_15}\n同意`, '同意', '您同意吗？\n1. 同意\n2. 不同意'],
    ['16 dash pairs, CRLF', `「工友助手：【新案件】QX20261121-0001」\r\n${DASHES_16}\r\n接单`, '接单', '【新案件】QX20261121-0001'],
    ['an ASCII colon after the name', `「Gongyou:单位叫什么名字？」\n${DASHES_15}\n 宏达建筑 `, '宏达建筑', '单位叫什么名字？'],
    ['a quote holding 」 and dashes of its own', `「工友助手：他说「对」\n${DASHES_15}\n就这样」\n${DASHES_15}\n好的`, '好的', `他说「对」\n${DASHES_15}\n就这样`],
    ['a quote with no sender', `「只是一段话」\n${DASHES_15}\n嗯`, '嗯', '只是一段话'],
  ])('a quoting reply (%s) is split into what was typed and the quote', (_, text, said, quoted) => {
    expect(splitQuote(text)).toEqual({ said, quoted });
  });

  it.each([
    ['plain text', '老板欠我两万'],
    ['brackets typed by the person', '「老板」说下个月给'],
    ['a quote with nothing typed after it', `「工友助手：您同意吗？」\n${DASHES_15}\n   `],
    ['too few dashes to be the separator', '「工友助手：您同意吗？」\n- - -\n同意'],
    ['the separator not on its own line', `「工友助手：您同意吗？」${DASHES_15}同意`],
    ['empty', ''],
    ['huge', `「${'字'.repeat(100_000)}`],
  ])('anything else (%s) is taken whole as typed', (_, text) => {
    expect(splitQuote(text)).toEqual({ said: text, quoted: null });
  });

  it('a hostile, huge quote (brackets and dashes over and over) is still split, the typed part whole', () => {
    const quote = '「」- '.repeat(50_000);
    expect(splitQuote(`「x：${quote}」\n${DASHES_15}\n接单`)).toEqual({ said: '接单', quoted: quote.trim() });
  });
});
