/*
 * Words that steer the form (helper h65), as transcripts on real Redis: `完成`, `提交`, `就这些`, `下一步`, `结束`,
 * `OK`, `1` (no choices listed) sent where a name or a text is asked were taken as that name or text:
 *  - `完成` at 「项目或工地叫什么名字？」 was stored as the project 「完成」;
 *  - `完成`, `提交`, `就这些`, `下一步` at the wage employer question were taken as the employer (「「提交」是哪一种？」);
 *  - `就这些`, `下一个`, `结束` at the contact name were proposed as the person's name;
 *  - `下一步` at the union unit question was kept as the unit (「「下一步」在哪个镇或街道？」).
 * Now the question is asked again with what to write (flows/define.ts `f.text`, flows/parsers/name.ts `formWord`);
 * 跳过 is offered where the question allows it; `完成` still ends the evidence upload.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { formWord } from '../../flows/parsers/name.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:h65-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** A wage report to the project question (building work in 河西街道). */
const TO_PROJECT = ['老板欠我3个月工资', '同意', '对', '好再来饭店', '河西', '不清楚', '是'];
const PROJECT_ASKED = /项目或工地叫什么名字？/;

describe('the project question (optional)', () => {
  it('`完成`: asked again with the example and 跳过, never stored; a name then is taken', async () => {
    const user = someone('project');
    const chat = converse(t.chat, user);
    await chat.sendAll(...TO_PROJECT).expect(PROJECT_ASKED);
    await chat.send('完成').expect(/还没填完呢.*项目或工地叫什么名字？例如：青溪花园二期。不知道可以回复「跳过」/).expectNot(/多少钱/);
    expect((await answers(user)).project).toBeUndefined();
    await chat.send('青溪花园二期').expect(/多少钱/);
    expect((await answers(user)).project).toBe('青溪花园二期');
  });

  it('`下一步` twice, then 跳过: never a loop, the project left empty', async () => {
    const user = someone('project-twice');
    const chat = converse(t.chat, user);
    await chat.sendAll(...TO_PROJECT, '下一步').expect(PROJECT_ASKED);
    await chat.send('下一步').expect(/跳过/);
    expect((await answers(user)).project).toBeUndefined();
    await chat.send('跳过').expect(/多少钱/);
    expect((await answers(user)).project).toBeNull();
  });
});

describe('the employer question (wage report)', () => {
  for (const word of ['完成', '提交', '就这些', '下一步']) {
    it(`\`${word}\`: asked again, never taken as the employer`, async () => {
      const user = someone(`employer-${word}`);
      const chat = converse(t.chat, user);
      await chat
        .sendAll('我要反映欠薪', '同意', word)
        .expect(/欠您工资的单位叫什么名字？/)
        .expectNot(new RegExp(`「${word}」是哪一种`));
      expect((await answers(user)).employer).toBeUndefined();
    });
  }

  // guard: 确定 was handled before (with the example); it still is.
  it('`确定`: the earlier re-ask with the example', async () => {
    await converse(t.chat, someone('employer-sure')).sendAll('我要反映欠薪', '同意', '确定').expect(/这里请写欠您工资的单位或老板的名字，例如「青溪宏达建筑」/);
  });
});

describe('the contact name (legal aid booking)', () => {
  const TO_NAME = ['我想找律师', '1', '1', '1', '1', '1', '1', '1'];
  for (const word of ['就这些', '下一个', '结束']) {
    it(`\`${word}\`: asked again, never proposed as the person's name`, async () => {
      const user = someone(`aid-name-${word}`);
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_NAME).expect(/怎么称呼您？/);
      await chat.send(word).expect(/还没填完呢，请先回答这一题：怎么称呼您？/).expectNot(new RegExp(`「${word}」`));
      expect((await load(user)).answers.contactName).toBeUndefined();
    });
  }
});

describe('the unit (joining the union)', () => {
  it('`下一步`: asked again, never kept as the unit', async () => {
    const user = someone('member-unit');
    const chat = converse(t.chat, user);
    await chat.sendAll('入会', '1', '1', '1', '王芳', '11010519491231002X', '13800138000', '1').expect(/您在哪家单位工作？/);
    await chat.send('下一步').expect(/还没填完呢.*您在哪家单位工作？/).expectNot(/「下一步」在哪个镇或街道/);
    expect((await load(user)).answers.employer).toBeUndefined();
  });
});

describe('the shared check', () => {
  it('the form words and a bare digit; never a name that has one in it', () => {
    for (const w of ['完成', '提交', '就这些', '没了', '没有了', '结束', '发完了', '可以了', '行了', '下一步', '下一个', 'OK', 'ok', '好的', '嗯', '收到', '知道了', '明白', '谢谢', '1', '完成。']) {
      expect(formWord(w), w).not.toBeNull();
    }
    for (const w of ['完成建筑', '宏达提交公司', '王明白', '12', '好再来饭店']) expect(formWord(w), w).toBeNull();
  });
});

describe('where the words are the answer', () => {
  // guard: `完成` still ends the evidence upload (「发完了回复完成」).
  it('`完成` at the evidence question: taken, the next question follows', async () => {
    const user = someone('evidence');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '完成')
      .expect(/怎么称呼您？/);
    expect((await answers(user)).evidence).toEqual([]);
  });

  // guard: a digit at a count is that count, never refused as a form word.
  it('`1` at the headcount question: one person', async () => {
    const user = someone('headcount');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '1').expect(/还在这家单位/);
    expect((await answers(user)).headcount?.count).toBe(1);
  });
});
