/*
 * Misreadings left by the last session's walks (session 43), as transcripts on real Redis:
 *  1. `就是 那个 什么叫新就业形态啊`, `嗯 啥是新就业形态` at joining's 「您现在是怎么工作的？」: **new_form picked** (the
 *     question after it came: which kind of work), because the fillers a spoken question opens with hid the 什么叫. Now
 *     what the choices mean is said, and the question stays.
 *  2. `对 不过我还有个问题` at 「拖欠时间「…」。对吗？」: the yes was taken and the next question came, the question announced
 *     ignored. Now the yes is kept and 「您请说，想问什么？」 said before the next question.
 *  3. A bare `不对` at a change opened from the summary (`改 1`, the unit): **the phone's change opened** (the phone was
 *     confirmed last). Now it is the unit's question again, with what it holds.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { TO_SUMMARY } from '../support/wage-script.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r43-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_WORK = ['我想入会', '同意', '王大军', '对', '同意', '确认', '11010519491231002X', '13700001111'];

describe('1. what a choice means, asked after fillers, picks nothing', () => {
  for (const text of ['就是 那个 什么叫新就业形态啊', '嗯 啥是新就业形态', '那个 什么是新就业形态']) {
    it(`«${text}»: the choices explained, the question stays`, async () => {
      const user = someone('meaning');
      await converse(t.chat, user)
        .sendAll(...TO_WORK)
        .expect(/您现在是怎么工作的？/)
        .send(text)
        .expect(/在公司、工厂、商店、机关这些单位上班，由单位发工资的，选1/)
        .expectNot(/您做的是哪种工作？/);
      expect((await load(user)).answers.employment).toBeUndefined();
    });
  }

  // guard: a choice picked by its words after a filler is still that choice.
  it('`嗯 新就业形态`: picked', async () => {
    await converse(t.chat, someone('pick')).sendAll(...TO_WORK).send('嗯 新就业形态').expect(/您做的是哪种工作？/);
  });
});

describe('2. a yes with a question announced', () => {
  it('`对 不过我还有个问题`: the months kept, 「您请说」, then the next question', async () => {
    const user = someone('ask');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1')
      .expect(/我理解的是：拖欠时间/)
      .send('对 不过我还有个问题')
      .expect(/您请说，想问什么？[\s\S]*欠您工资的单位叫什么名字？/);
    expect(((await load(user)).answers as WageAnswers).period).toMatchObject({ start: '2026-09', end: '2026-11', months: 3 });
  });

  // guard: a yes with thanks is a plain yes (nothing more said).
  it('`对 谢谢`: the next question alone', async () => {
    await converse(t.chat, someone('thanks')).sendAll('老板拖了我三个月工资', '1').send('对 谢谢').expect(/欠您工资的单位叫什么名字？/).expectNot(/您请说/);
  });
});

describe('3. a bare 不对 at a change opened from the summary', () => {
  it('`改 1` then `不对`: the unit asked again (never the phone), then the new unit kept', async () => {
    const user = someone('edit');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY)
      .send('改 1')
      .expect(/欠您工资的单位叫什么名字？/)
      .send('不对')
      .expect(/欠您工资的单位叫什么名字？[\s\S]*之前填的是：好再来饭店/)
      .expectNot(/手机号/)
      .send('宏达建筑')
      .expect(/1\. 用人单位：宏达建筑/);
    const a = (await load(user)).answers as WageAnswers;
    expect(a.phone).toBeDefined();
    expect(a.employer).toBe('宏达建筑');
  });

  // guard: `不对` right after an answer at a question is still about that answer (not an edit).
  it('`不对` after the township at the village question: the township asked again', async () => {
    await converse(t.chat, someone('ask'))
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道')
      .expect(/在河西街道的哪个村或社区？/)
      .send('不对')
      .expect(/您在哪个镇或街道干活？/);
  });
});

describe('4. a figure the boss said, then 但是 with more besides it', () => {
  it('`老板说欠我五千 但是还有加班费两千`: never the 2,000 alone (a bare 但是 disputes nothing)', async () => {
    await converse(t.chat, someone('but'))
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月')
      .send('老板说欠我五千 但是还有加班费两千')
      .expectNot(/拖欠金额「2,000元」/);
  });

  // guard: a figure of the person's own against the boss's is still the person's (confirmed).
  it('`老板说欠我五千 可是我算的是六千`: 6,000 proposed', async () => {
    await converse(t.chat, someone('own'))
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月')
      .send('老板说欠我五千 可是我算的是六千')
      .expect(/拖欠金额「6,000元」。对吗？/);
  });
});
