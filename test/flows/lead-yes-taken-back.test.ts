/*
 * A yes taken back at once (`对 不对`, `是，不是`, `好 不行`: spoken, or a slip of the thumb) was read by its first
 * part, the yes: at 「…对吗？」 a reading the person had just refused was kept. Now it is no answer either way and the
 * question is asked again, saying what it asks (it was the knowledge base's 「答不上来」: 是不是 read as a question).
 */
import { describe, expect, it } from 'vitest';
import { yesNo } from '../../flows/nlu/talk.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = () => `web:lead-ytb-${Math.random().toString(36).slice(2, 8)}`;

describe('a yes taken back at once', () => {
  it.each(['对 不对', '是，不是', '好 不行', '对的 不对'])('yesNo(%s) is no answer', (said) => {
    expect(yesNo(said)).toBeNull();
  });

  // guard: a yes with details, a no said twice and a plain no read as before.
  it.each([
    ['对，修路的', true],
    ['不对不对', false],
    ['不对 不对', false],
    ['嗯，不同意', false],
    ['是的 没错', true],
    ['嗯 不是', false],
  ] as const)('guard: yesNo(%s) is %s', (said, read) => {
    expect(yesNo(said)).toBe(read);
  });

  it('对 不对 at the months read from the first message: not kept, the same question again; 不对 then drops them', async () => {
    const user = someone();
    const chat = converse(t.chat, user);
    await chat.send('老板欠我3个月工资').send('同意').expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/);
    await chat
      .send('对 不对')
      .expect(/^我是在跟您核对刚才记下的内容，看有没有记错。\n我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .expectNot(/答不上来/);
    expect((await session(user)).answers.period).toBeUndefined();
    await chat.send('不对').expect(/拖欠时间先不记/);
    expect((await session(user)).answers.period).toBeUndefined();
  });

  it('是 不是 at a yes-or-no question: asked again with what it means, not the knowledge base; nothing kept', async () => {
    const user = someone();
    const chat = converse(t.chat, user);
    await chat.sendAll('我要反映欠薪', '同意', '好再来饭店', '河西', '不清楚').expect(/是工程建设项目吗？/);
    await chat.send('是 不是').expect(/^请回复1（是）或2（不是）。/).expectNot(/答不上来/);
    expect((await session(user)).answers.construction).toBeUndefined();
    await chat.send('是').expect(/项目或工地叫什么名字？/);
    expect((await session(user)).answers.construction).toBe(true);
  });
});
