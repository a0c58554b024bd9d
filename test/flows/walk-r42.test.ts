/*
 * Misreadings found walking the chat as a worker would (session 42), as transcripts on real Redis:
 *  1. `对` at 「哪一项要改？」 (the answers listed after `改`, or after a name typed alone at the summary): **the report was
 *     submitted** on it, though the person had just asked to change something and picked nothing. Now which item is
 *     asked again (or 「确认」 to submit); 确认 there still submits.
 *  2. `我还有个问题` at the employer question was **stored as the unit unasked** (the next question came), and `对 不过我还有
 *     个问题` at 「拖欠时间「…」。对吗？」 proposed 用人单位「还有个问题」: a question announced (with 还, 另外, 再) is heard as
 *     `我有个问题` was — 「您请说，想问什么？」 — and nothing is taken from it.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { TO_SUMMARY } from '../support/wage-script.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:r42-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('1. a bare yes at 「哪一项要改？」 submits nothing', () => {
  it('`改` then `对`: which item asked; a number then changes it; the report is sent only on a yes at the summary', async () => {
    const user = someone('pick');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY)
      .expect(/请核对您要反映的欠薪情况/)
      .send('改')
      .expect(/哪一项要改？/)
      .send('对')
      .expect(/要改哪一项，请回复它前面的序号；都没问题的话，回复「确认」提交。/)
      .expectNot(/提交成功/)
      .send('6')
      .expect(/您自己一共被拖欠了多少钱？/)
      .send('7000')
      .expect(/请核对您要反映的欠薪情况/)
      .send('对')
      .expect(/提交成功/);
  });

  it('`王小芳` alone, then `好的` at 「是要改哪一项？」: nothing submitted, nothing replaced', async () => {
    const user = someone('name');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY)
      .send('王小芳')
      .expect(/「王小芳」是要改哪一项？/)
      .send('好的')
      .expect(/要改哪一项，请回复它前面的序号/)
      .expectNot(/提交成功/);
    const a = await answers(user);
    expect(a.contactName).toBe('王芳');
    expect(a.employer).toBe('好再来饭店');
  });

  // guard: 确认 at 「哪一项要改？」 is a plain word of submitting, as before.
  it('`改` then `确认`: submitted', async () => {
    await converse(t.chat, someone('confirm')).sendAll(...TO_SUMMARY).send('改').expect(/哪一项要改？/).send('确认').expect(/提交成功/);
  });
});

describe('2. a question announced is no answer', () => {
  it('`我还有个问题` at the employer question: asked what, the employer still asked, nothing stored', async () => {
    const user = someone('ask');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .expect(/欠您工资的单位叫什么名字？/)
      .send('我还有个问题')
      .expect(/您请说，想问什么？/)
      .expect(/欠您工资的单位叫什么名字？/)
      .expectNot(/您在哪个镇或街道干活？/);
    expect((await answers(user)).employer).toBeUndefined();
  });

  it('`对 不过我还有个问题` at the period read from the first message: the period kept, no unit proposed from the words', async () => {
    const user = someone('yesask');
    await converse(t.chat, user)
      .sendAll('老板欠我三个月工资', '同意')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .send('对 不过我另外有个问题')
      .expectNot(/用人单位「/)
      .expect(/欠您工资的单位叫什么名字？/);
    const a = await answers(user);
    expect(a.employer).toBeUndefined();
    expect(a.period?.months).toBe(3);
  });
});
