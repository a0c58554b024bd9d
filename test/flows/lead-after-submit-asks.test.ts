/*
 * After a report is in, the two things a worker most often says next, in their own words: when someone will call
 * (`什么时候有人联系我`, `多久会联系我`, `谁来联系我` were 「这个问题我还答不上来」), and that more photos are coming
 * (`我还有几张照片要补充` was taken as a correction to pass on; `还有照片要发给你们` was 「没太明白」).
 */
import { describe, expect, it } from 'vitest';
import { readCaseMessage } from '../../flows/case-desk.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const REPORT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111', '确认'];

describe('when someone will call, asked after the report', () => {
  it.each(['什么时候有人联系我', '啥时候有人联系我', '多久会联系我', '谁来联系我', '会有人联系我吗', '多久才有人给我打电话'])('`%s` is a progress question', (said) => {
    expect(readCaseMessage(said)).toMatchObject({ kind: 'progress' });
  });

  it('`什么时候有人联系我` shows the case and where it is, in the chat', async () => {
    await converse(t.chat, 'web:las1')
      .sendAll(...REPORT)
      .send('什么时候有人联系我')
      .expect(/QX20261201-\d{4}（反映欠薪，河西街道）/)
      .expectNot(/答不上来/);
  });

  // guard: contacting someone else is not asked about here.
  it.each(['我多久联系一次老板', '老板让我多久联系他'])('`%s` is no progress question', (said) => {
    expect(readCaseMessage(said)?.kind).not.toBe('progress');
  });
});

describe('more photos coming, said after the report', () => {
  it.each(['我还有几张照片要补充', '还有照片要发给你们', '我有欠条要发给你们', '还有聊天记录要补充'])('`%s` is told to send them', (said) => {
    expect(readCaseMessage(said)).toEqual({ kind: 'files' });
  });

  it('`我还有几张照片要补充` is told where they go, and nothing is offered to pass on', async () => {
    await converse(t.chat, 'web:las2')
      .sendAll(...REPORT)
      .send('我还有几张照片要补充')
      .expect(/照片或文件直接发过来就行，会补充到案件 QX20261201-\d{4}（好再来饭店）/)
      .expectNot(/转给工作人员/);
  });
});
