/*
 * `钱还没收到`, `工资还没发下来` with a case open (the result reported to the township for review, say) were 「没太明白」
 * and the menu, while `钱还没到账` showed the case's progress. They show it now too.
 */
import { describe, expect, it } from 'vitest';
import { readCaseMessage } from '../../flows/case-desk.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const REPORT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111', '确认'];

describe('money not received yet, with a case open', () => {
  it.each(['钱还没收到', '工资还没发下来', '钱到现在还没收到'])('`%s` asks how the case stands', (said) => {
    expect(readCaseMessage(said)).toEqual({ kind: 'progress', staffPhone: false });
  });

  // guard: said with a receipt the words are other news, never progress.
  it('`钱收到了` is not read as money still owed', () => {
    expect(readCaseMessage('钱收到了')).not.toEqual({ kind: 'progress', staffPhone: false });
  });

  it('after a report, `钱还没收到` shows the case', async () => {
    await converse(t.chat, 'web:mnr1')
      .sendAll(...REPORT)
      .send('钱还没收到')
      .expect(/QX\d{8}-\d{4}/)
      .expectNot(/没太明白/);
  });
});
