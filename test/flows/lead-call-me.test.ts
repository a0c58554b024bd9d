/*
 * A call asked for after a report (`我想让工作人员给我打电话` was 「没太明白」 and the menu; `能不能给我回个电话` was
 * 「答不上来」): passed on to the case worker after a yes, as other words for them are. After 删除我的信息 staff have no
 * number to call: the person is asked for one instead.
 */
import { describe, expect, it } from 'vitest';
import { readCaseMessage } from '../../flows/case-desk.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const REPORT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111', '确认'];

describe('a call asked for', () => {
  it.each(['我想让工作人员给我打电话', '能不能给我回个电话', '请网格员联系我一下', '让工作人员给我打个电话吧'])('`%s` is a note for the case worker', (said) => {
    expect(readCaseMessage(said)).toEqual({ kind: 'note', note: 'other', about: 'call' });
  });

  // guard: the boss's call, and pressing, are read as before.
  it.each([
    ['老板叫我给他打电话', 'call'],
    ['怎么还没人联系我', 'call'],
  ])('`%s` is no call request', (said, not) => {
    const read = readCaseMessage(said);
    expect(read && 'about' in read ? read.about : undefined).not.toBe(not);
  });

  it('`我想让工作人员给我打电话` is passed on after a yes', async () => {
    await converse(t.chat, 'web:lcm1')
      .sendAll(...REPORT)
      .send('我想让工作人员给我打电话')
      .expect(/请他们给您回电话/)
      .expect(/把这条消息转给负责您案件 QX20261201-\d{4}（好再来饭店）的工作人员吗？/)
      .send('1')
      .expect(/已转给负责您案件/);
    const [c] = await t.core.cases.listByUser('web:lcm1', 5);
    expect(c!.reporterNotes.map((n) => n.text)).toEqual(['我想让工作人员给我打电话']);
  });

  it('after 删除我的信息, a number is asked for, and nothing is passed on', async () => {
    await converse(t.chat, 'web:lcm2')
      .sendAll(...REPORT)
      .send('删除我的信息')
      .send('确认')
      .expect(/已删除您的个人信息/)
      .send('我想让工作人员给我打电话')
      .expect(/您的联系方式已经删除，工作人员没有号码可打。想让他们打电话给您，请把手机号发给我/)
      .expectNot(/转给负责您案件/);
  });
});
