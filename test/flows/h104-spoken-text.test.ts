/*
 * Whole conversations as WeChat's speech recognition writes them (helper h104): fillers glued to the answer, no
 * punctuation, a word said over, a particle after a name, a township heard wrong.
 *  - legal aid, 「您还在这家单位干吗？」: `嗯对的`, `呃是的`, `那个对的`, `对对对` (yes, still there) were answered
 *    「请告诉我具体哪天离开的」 (as if they had left), and asked so again and again; now 还在干 is kept;
 *  - `不是不是` there (a no said over) was read as the question 是不是 and answered 「这个问题我还答不上来」; now
 *    the day left is asked, as for `不是`;
 *  - the unit: `好再来饭店呀`, `刘大壮啊`, `老板叫刘大壮呀` were stored with the 呀/啊; now without it.
 *    `就是那个好再来饭店嘛`, `就是王芳嘛` (a name said with 就是…嘛) were taken as questions (「答不上来」);
 *    now the name is read;
 *  - `嗯第一个`, `呃1`, `呃第二个吧` at a list (the service points) were 「请回复服务点前面的数字。」 again and again;
 *    now the choice is picked;
 *  - a township heard wrong inside fillers (`就是那个和西街道嘛`, `呃东笼镇那边`) was 「没找到」 with the whole list;
 *    now the near one is proposed for a yes, nothing stored before it.
 *  - 零 heard as 令 or 灵 in a phone number (`一三七令令令令一一一一`) was 「手机号只能包含数字」; now read and proposed
 *    for a yes, never kept unasked.
 * Guards: Chinese digits in a phone number (and 幺) proposed, never half-read; an approximate amount is kept as
 * approximate (约), never as exact; a filler before a yes or no at a wage question keeps its meaning.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { numberPicked } from '../../flows/nlu/choose.js';
import { isQuestion } from '../../flows/nlu/talk.js';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await session(user)).answers as Record<string, unknown>;
const someone = (tag: string) => `web:h104-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const NO_ANSWER = /答不上来|没太明白/;

const TO_LIMIT = ['我想找个律师咨询一下劳动仲裁的事情', '嗯同意', '呃欠薪'];
const LIMIT_ASK = /您还在这家单位干吗？/;
const TO_EMPLOYER = ['嗯那个我想问一下就是我们老板欠了我工资', '嗯同意'];
const TO_PLACE = ['老板欠我工资', '同意', '好再来饭店'];
const TO_AMOUNT = [...TO_PLACE, '河西街道', '不清楚', '不是', '今年9月到11月'];
const TO_NAME = [...TO_AMOUNT, '6000', '就我一个', '还在干', '都跳过', '没有'];
const TO_PHONE = [...TO_NAME, '王芳'];

describe('legal aid, 「您还在这家单位干吗？」 answered by voice', () => {
  for (const said of ['嗯对的', '呃是的', '那个对的', '对对对', '嗯 是的']) {
    it(`\`${said}\`: still there (还在干), never 「哪天离开的」`, async () => {
      const user = someone('still');
      await converse(t.chat, user)
        .sendAll(...TO_LIMIT)
        .expect(LIMIT_ASK)
        .send(said)
        .expectNot(/哪天离开/)
        .expect(/您想怎么咨询？/);
      expect((await answers(user)).limit).toEqual({ employed: true });
    });
  }

  it('`不是不是`: the day left is asked (as for 不是), never 「答不上来」', async () => {
    const user = someone('nono');
    await converse(t.chat, user).sendAll(...TO_LIMIT).send('不是不是').expectNot(NO_ANSWER).expect(/哪天离开的/);
    expect((await answers(user)).limit).toBeUndefined();
  });

  // guard: an acknowledgement is no 还在干, and a yes with a leaving after it is no 还在干 either.
  for (const said of ['呃好的', '是的 上个月走了']) {
    it(`guard: \`${said}\` is not kept as 还在干`, async () => {
      const user = someone('not-still');
      await converse(t.chat, user).sendAll(...TO_LIMIT).send(said);
      expect((await answers(user)).limit).toBeUndefined();
    });
  }
});

describe('a no said over is no question', () => {
  it.each(['不是不是', '不对不对', '不用不用', '嗯不是不是', '不行不行啊'])('`%s` is not a question', (said) => {
    expect(isQuestion(said)).toBe(false);
  });

  // guard: a question after it, or the tag question itself, still asks.
  it.each(['不是不是 你们收费吗', '是不是要钱', '对不对'])('guard: `%s` still asks', (said) => {
    expect(isQuestion(said)).toBe(true);
  });
});

describe('a name with the breath after it', () => {
  for (const [said, kept] of [
    ['好再来饭店呀', '好再来饭店'],
    ['刘大壮啊', '刘大壮'],
    ['老板叫刘大壮呀', '刘大壮'],
    ['就是那个好再来饭店嘛', '好再来饭店'],
  ] as const) {
    it(`\`${said}\` at the unit question: ${kept}, never with the particle`, async () => {
      const user = someone('unit');
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_EMPLOYER).expect(/单位叫什么名字/).send(said).expectNot(NO_ANSWER).expectNot(/[呀啊嘛]」/);
      // Proposed or kept: either way, the name without the particle.
      if ((await answers(user)).employer === undefined) await chat.send('对');
      expect((await answers(user)).employer).toBe(kept);
    });
  }

  it('`就是王芳嘛` at the wage report\'s name question: 王芳, never 「答不上来」', async () => {
    const user = someone('name');
    await converse(t.chat, user).sendAll(...TO_NAME).send('就是王芳嘛').expectNot(NO_ANSWER).expect(/您的手机号是多少/);
    expect((await answers(user)).contactName).toBe('王芳');
  });

  it('`就是王芳嘛` at the joining name question: 王芳', async () => {
    const user = someone('join-name');
    await converse(t.chat, user)
      .sendAll('嗯那个我想入工会', '嗯同意', '呃同意吧', '嗯确认')
      .expect(/请输入您的姓名/)
      .send('就是王芳嘛')
      .expectNot(NO_ANSWER)
      .expect(/身份证号码/);
    expect((await answers(user)).name).toBe('王芳');
  });

  // guard: a 嘛 after words that ask is still a question.
  it('guard: `就是问一下要多少钱嘛` still asks', () => {
    expect(isQuestion('就是问一下要多少钱嘛')).toBe(true);
  });
});

describe('a pick with a filler before it', () => {
  for (const [said, point] of [
    ['嗯第一个', '河西街道工会驿站'],
    ['呃1', '河西街道工会驿站'],
    ['呃第二个吧', '青溪区法律援助工作站'],
  ] as const) {
    it(`\`${said}\` at the service points: ${point} picked`, async () => {
      await converse(t.chat, someone('pick'))
        .sendAll(...TO_LIMIT, '还在干', '1', '河西街道')
        .expect(/请选一个/)
        .send(said)
        .expectNot(/请回复服务点前面的数字/)
        .expect(new RegExp(`${point}最近的空闲时间`));
    });
  }

  it('`那个二`, `嗯第三个`: the number', () => {
    expect(numberPicked('那个二')).toBe(2);
    expect(numberPicked('嗯第三个')).toBe(3);
  });

  // guard: a filler alone, or before words, picks nothing.
  it.each(['嗯', '呃', '那个人', '嗯一下', '那个第一个不行'])('guard: `%s` picks nothing', (said) => {
    expect(numberPicked(said)).toBeNull();
  });
});

describe('a township heard wrong, inside fillers', () => {
  for (const [said, near] of [
    ['就是那个和西街道嘛', '河西街道'],
    ['呃东笼镇那边', '东龙镇'],
    ['嗯那个东笼', '东龙镇'],
  ] as const) {
    it(`\`${said}\`: 「${near}」 proposed, kept only on a yes`, async () => {
      const user = someone('place');
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_PLACE, said).expect(new RegExp(`您是说「${near}」吗？`));
      expect((await answers(user)).location).toBeUndefined();
      await chat.send('嗯对的');
      expect((await answers(user)).location).toBeDefined();
    });
  }

  it('at the legal-aid place question too: `就是那个和西街道嘛` proposes 河西街道', async () => {
    await converse(t.chat, someone('aid-place')).sendAll(...TO_LIMIT, '还在干', '1', '就是那个和西街道嘛').expect(/您是说「河西街道」吗？/);
  });

  // guard: the right name with fillers around it was always taken.
  it('guard: `就是那个河西街道嘛` is taken', async () => {
    const user = someone('place-ok');
    await converse(t.chat, user).sendAll(...TO_PLACE, '就是那个河西街道嘛').expect(/在河西街道的哪个村或社区/);
  });
});

describe('guards: what voice input does at the wage report, read as meant today', () => {
  // guard: Chinese digits (and 幺, 洞) in a phone number are read whole and proposed, never kept unasked.
  for (const said of ['一三七零零零零一一一一', '幺三七零零零零幺幺幺幺', '一三七 零零零零 一一一一', '呃 一三七零零零零一一一一']) {
    it(`guard: \`${said}\`: 13700001111 proposed`, async () => {
      const user = someone('phone');
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_PHONE, said).expect(/手机号「13700001111」。对吗？/);
      expect((await answers(user)).phone).toBeUndefined();
      await chat.send('好的确认').expect(/14\. 手机号：13700001111/);
    });
  }

  for (const said of ['一三七令令令令一一一一', '我电话一三七灵灵灵灵一一一一']) {
    it(`\`${said}\` (零 heard wrong): 13700001111 proposed, kept only on a yes`, async () => {
      const user = someone('ling');
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_PHONE, said).expect(/手机号「13700001111」。对吗？/).expectNot(/只能包含数字/);
      expect((await answers(user)).phone).toBeUndefined();
      await chat.send('嗯对的').expect(/14\. 手机号：13700001111/);
    });
  }

  // guard: a digit missing is asked again, never half-read.
  it('guard: `幺三七零零零零一一一` (ten digits) is asked again', async () => {
    const user = someone('phone10');
    await converse(t.chat, user).sendAll(...TO_PHONE, '幺三七零零零零一一一').expect(/10位数字.*11位/);
    expect((await answers(user)).phone).toBeUndefined();
  });

  // guard: an approximate amount is kept as approximate (shown 约), never as exact.
  for (const [said, yuan] of [
    ['三千来块', 3000],
    ['六千五左右吧', 6500],
    ['一万多点', 10000],
  ] as const) {
    it(`guard: \`${said}\` is kept as about ${yuan}`, async () => {
      const user = someone('approx');
      await converse(t.chat, user).sendAll(...TO_AMOUNT, said);
      expect(((await session(user)).answers as WageAnswers).amount).toMatchObject({ yuan, approx: true });
    });
  }

  // guard: a filler before a yes or no keeps its meaning.
  it('guard: `呃是的` and `嗯不是` at the building-site question', async () => {
    const yes = someone('site-yes');
    await converse(t.chat, yes).sendAll(...TO_AMOUNT.slice(0, 5), '呃是的');
    expect((await answers(yes)).construction).toBe(true);
    const no = someone('site-no');
    await converse(t.chat, no).sendAll(...TO_AMOUNT.slice(0, 5), '嗯不是');
    expect((await answers(no)).construction).toBe(false);
  });
});
