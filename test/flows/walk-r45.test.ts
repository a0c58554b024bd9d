/*
 * Found this session (the forty-fifth), as transcripts on real Redis:
 *  1. What the boss does, said at the unit's question (`老板不认`, `老板不认账`, `老板不给`, `包工头不给钱`, `老板赖账`,
 *     `老板失联了`): **kept as the unit, unasked** (「老板不认」, 「赖账」, 「失联了」). Found when the reading at 「…对吗？」 came to
 *     follow the engine's step (set J line hj-wage-confirm-003, `对是对 就是老板不认`, proposed 用人单位「不认」). Now no name:
 *     the question again.
 *  2. `对是对 就是老板不认` at 「用人单位「佳美鞋业」。对吗？」: after (1) 「请回复对或不对」; the yes granted first (对是对) is
 *     meant, and nothing after it is taken: the unit kept, on to the next question.
 *  3. The yes to 「代为反映「替父亲反映」。对吗？」 said 「好的，按替别人反映来记。…」 twice: once as what the yes says
 *     (confirmedSay), once at the head of the question after it (被欠工资的人叫什么名字？). A note said, then a question
 *     that opens with the same note: once (the engine's say).
 *  4. `稍等 我看下 两万八` at the amount question paused the report (「好的，不着急，弄清楚了再来」) and the figure was lost
 *     (h167's leftover: the pause's words allowed four characters after 看下). A figure in the words is no pause.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { parseEmployer, type WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r45-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('1. what the boss does is no unit', () => {
  for (const text of ['老板不认', '老板不认账', '老板不给', '包工头不给钱', '老板赖账', '老板不承认', '老板耍赖', '老板失联了', '老板玩失踪', '就是老板不认']) {
    it(`«${text}» at the unit's question: nothing kept, the question again`, async () => {
      const user = someone('boss');
      await converse(t.chat, user)
        .sendAll('我要反映欠薪', '同意')
        .expect(/单位叫什么名字/)
        .send(text)
        .expect(/还不是(?:单位或老板的)?名字/)
        .expectNot(/镇或街道/);
      expect(((await load(user)).answers as WageAnswers).employer).toBeUndefined();
    });
  }

  // guard: names with 不 or 没 in them are still names.
  for (const name of ['不二家', '不老林食品厂', '好再来饭店', '鑫源劳务']) {
    it(`«${name}» is still a name`, () => {
      const r = parseEmployer(name);
      expect(r.ok && r.value).toBe(name);
    });
  }
});

describe('2. a yes granted first, then a complaint', () => {
  it('`对是对 就是老板不认` at 「用人单位「佳美鞋业」。对吗？」: the unit kept, the next question', async () => {
    const user = someone('granted');
    await converse(t.chat, user)
      .sendAll('我在佳美鞋业上班 老板欠我工资', '同意')
      .expect(/用人单位「佳美鞋业」。对吗/)
      .send('对是对 就是老板不认')
      .expect(/镇或街道/)
      .expectNot(/不认」|请回复/);
    expect(((await load(user)).answers as WageAnswers).employer).toBe('佳美鞋业');
  });

  it('guard: `对是对 就是名字不对` is no yes', async () => {
    const user = someone('granted-no');
    await converse(t.chat, user)
      .sendAll('我在佳美鞋业上班 老板欠我工资', '同意', '对是对 就是名字不对')
      .expectNot(/镇或街道/);
    expect(((await load(user)).answers as WageAnswers).employer).toBeUndefined();
  });
});

describe('3. a note is said once in a turn', () => {
  for (const [said, next] of [
    ['这是帮我爸报的', /被欠工资的人叫什么名字/],
    ['被欠工资的是我爸 我帮他报的', /您是替谁反映|被欠工资的人叫什么名字/],
  ] as const) {
    it(`«${said}» at the amount question, then 对: 「按替别人反映来记」 once, then the question`, async () => {
      const user = someone('note');
      const { text } = await converse(t.chat, user)
        .sendAll('老板拖了我三个月工资', '1', '对', '宏达建筑', '东龙', '不清楚', '不是')
        .expect(/您自己一共被拖欠了多少钱/)
        .send(said)
        .expect(/替.{0,2}反映」。对吗/)
        .send('对')
        .expect(next);
      expect(text.match(/按替别人反映来记/g)).toHaveLength(1);
    });
  }
});

describe('4. a figure said after a moment asked for is the answer', () => {
  const TO_AMOUNT = ['我要反映欠薪', '同意', '宏达建筑', '东龙', '不清楚', '不是', '三个月'];

  it('`稍等 我看下 两万八` at the amount question: 28,000 taken, no pause', async () => {
    const user = someone('figure');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .expect(/一共被拖欠了多少钱/)
      .send('稍等 我看下 两万八')
      .expectNot(/不着急/)
      .expect(/一共有多少人被拖欠/);
    expect(((await load(user)).answers as WageAnswers).amount).toMatchObject({ yuan: 28000 });
  });

  for (const said of ['稍等 我找下欠条', '等一下 我问问老乡']) {
    it(`guard: «${said}» still pauses`, async () => {
      const user = someone('pause');
      await converse(t.chat, user).sendAll(...TO_AMOUNT).send(said).expect(/不着急/);
      expect(((await load(user)).answers as WageAnswers).amount).toBeUndefined();
    });
  }
});
