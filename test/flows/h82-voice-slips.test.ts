/*
 * What a voice keyboard or a hurried thumb makes of a worker's words in the wage report (helper h82):
 *  - an answer sent twice (a double tap, a message that seemed not to go): the second copy lands on the next question,
 *    which cannot take it (`好再来饭店` at the township list was 「没找到「好再来饭店」」, `王芳` at the phone question
 *    「手机号只能包含数字」, an address at the trade question a proposed change of the township); now said to be noted,
 *    and the question asked again; sent a third time, the question's own error;
 *  - a phone number typed with look-alike letters (`138OO138OOO`, `l37000O1111`) was refused as letters; now read as
 *    digits and proposed for a yes, never kept unasked (`我电话138OO138OOO` too);
 *  - `两万八千无` (五 by voice) was proposed as 28,000 (the 五 lost); now 28,500. `三个月 六千块前` (钱) at the period
 *    question lost the three months (6,000 alone proposed); now asked whether 6,000 is the total or a month's;
 *  - `欠心三个月了` (欠薪) was 「没太明白」 and the menu; now asked whether a wage report is wanted, as `欠心` alone is;
 *  - `确任` (确认) at the summary was asked again; now it submits. `去消` (取消) asks whether to stop, as 取消 does;
 *  - `！` or `l` alone at a list of choices (the key by 1, the letter like it) was 没找到「!」; now the first choice
 *    is asked about, nothing picked.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h82-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;
const TO_PLACE = ['老板欠我工资', '同意', '好再来饭店'];
const TO_AMOUNT = [...TO_PLACE, '河西街道', '不清楚', '不是', '今年9月到11月'];
const TO_PHONE = [...TO_AMOUNT, '6000', '就我一个', '还在干', '都跳过', '没有', '王芳'];
const TO_REVIEW = [...TO_PHONE, '13700001111'];

describe('an answer sent twice', () => {
  it('好再来饭店 twice: the unit is noted, and the township asked again (never 没找到)', async () => {
    const user = someone('unit');
    await converse(t.chat, user)
      .sendAll(...TO_PLACE)
      .send('好再来饭店')
      .expect(/好的，用人单位已经记下了：好再来饭店。/)
      .expect(/您在哪个镇或街道干活/)
      .expectNot(/没找到/)
      .send('河西街道')
      .expect(/在河西街道的哪个村或社区/);
    expect((await session(user)).answers).toMatchObject({ employer: '好再来饭店' });
  });

  it('王芳 twice at the phone question: the name is noted; a third time, what the question wants (never the same words)', async () => {
    const user = someone('name');
    await converse(t.chat, user)
      .sendAll(...TO_PHONE)
      .send('王芳')
      .expect(/好的，联系人已经记下了：王芳。/)
      .expect(/您的手机号是多少/)
      .expectNot(/只能包含数字/)
      .send('王芳')
      .expectNot(/已经记下了/)
      .expect(/手机号/)
      .send('13700001111')
      .expect(/请核对您要反映的欠薪情况/);
    expect((await session(user)).answers).toMatchObject({ contactName: '王芳', phone: '13700001111' });
  });

  it('不是 twice: the choice picked is noted, and the period asked again (never 没看明白)', async () => {
    await converse(t.chat, someone('no'))
      .sendAll(...TO_AMOUNT.slice(0, -1))
      .send('不是')
      .expect(/好的，工程建设项目已经记下了：不是。/)
      .expect(/拖欠的是哪段时间的工资/)
      .expectNot(/没看明白/);
  });

  it('an address sent twice at the trade question: noted (never proposed as a change of the township)', async () => {
    const user = someone('addr');
    await converse(t.chat, user).sendAll(...TO_PHONE.slice(0, TO_PHONE.indexOf('都跳过'))).send('东龙镇工业园2号').expect(/您做的是什么工种/);
    const where = (await session(user)).answers.location;
    await converse(t.chat, user)
      .send('东龙镇工业园2号')
      .expect(/好的，单位地址已经记下了：东龙镇工业园2号。/)
      .expect(/您做的是什么工种/)
      .expectNot(/您是要改成/);
    expect((await session(user)).answers.location).toEqual(where);
  });
});

describe('a phone number with look-alike letters', () => {
  it('138OO138OOO: proposed as 13800138000, kept on a yes', async () => {
    const user = someone('oo');
    await converse(t.chat, user).sendAll(...TO_PHONE).send('138OO138OOO').expect(/手机号「13800138000」。对吗？/).expectNot(/不能有字母/);
    expect((await session(user)).answers.phone).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/14\. 手机号：13800138000/);
  });

  it('l37000O1111, then 不对: nothing kept, asked again', async () => {
    const user = someone('l1');
    await converse(t.chat, user).sendAll(...TO_PHONE).send('l37000O1111').expect(/手机号「13700001111」。对吗？/).send('不对').expect(/您的手机号是多少/);
    expect((await session(user)).answers.phone).toBeUndefined();
  });

  it('我电话138OO138OOO: the label is no letter of the number; proposed', async () => {
    await converse(t.chat, someone('label')).sendAll(...TO_PHONE).send('我电话138OO138OOO').expect(/手机号「13800138000」。对吗？/);
  });

  // guard: other letters in a number are still refused (never read as digits).
  it('guard: 138abc01111 is still refused as letters', async () => {
    const user = someone('abc');
    await converse(t.chat, user).sendAll(...TO_PHONE).send('138abc01111').expect(/手机号里不能有字母/);
    expect((await session(user)).answers.phone).toBeUndefined();
  });

  // guard: full-width digits were always read as digits.
  it('guard: １３７００００１１１１ is taken', async () => {
    const user = someone('wide');
    await converse(t.chat, user).sendAll(...TO_PHONE).send('１３７００００１１１１').expect(/14\. 手机号：13700001111/);
  });
});

describe('五 written 无 by voice in a figure', () => {
  it('两万八千无 at the amount question: 28,500', async () => {
    const user = someone('wu');
    await converse(t.chat, user).sendAll(...TO_AMOUNT).send('两万八千无').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers).toMatchObject({ amount: { yuan: 28500 } });
  });

  it('老板欠我两万八千无 as the first message: 28,500 proposed after the consent (not 28,000)', async () => {
    await converse(t.chat, someone('wu1')).send('老板欠我两万八千无').send('同意').expect(/拖欠金额「28,500元」/).expectNot(/28,000/);
  });

  // guard: 无 in words is left alone.
  it.each(['保证万无一失', '一千无人管', '三千无保险'])('guard: %s is read as typed', (said) => {
    expect(normalizeMessage(said)).toBe(said);
  });
});

describe('钱 written 前 by voice after a figure', () => {
  it('三个月 六千块前 at the period question: the period is not lost (which was asked: total or monthly)', async () => {
    await converse(t.chat, someone('qian'))
      .sendAll(...TO_AMOUNT.slice(0, -1))
      .send('三个月 六千块前')
      .expect(/您说的6,000元，是3个月一共欠的，还是每个月的工资？/);
  });

  // guard: 前 of time after 块 is left alone.
  it.each(['给了六千块前几天又要回去了', '放在那一块前面'])('guard: %s is read as typed', (said) => {
    expect(normalizeMessage(said)).toBe(said);
  });
});

describe('欠薪 mistyped with how long', () => {
  it.each(['欠心三个月了', '我欠心好几个月了'])('%s: whether a wage report is wanted is asked', async (said) => {
    await converse(t.chat, someone('qx')).send(said).expect(/您是想反映欠薪吗？/).expectNot(/没太明白您的意思/).send('1').expect(/您同意吗/);
  });
});

describe('the summary\'s words mistyped', () => {
  it('确任 at the summary: submitted', async () => {
    await converse(t.chat, someone('qr')).sendAll(...TO_REVIEW).send('确任').expect(/提交成功/);
  });

  it('去消 at the summary: asked whether to stop, nothing thrown away', async () => {
    const user = someone('qx2');
    await converse(t.chat, user).sendAll(...TO_REVIEW).send('去消').expect(/要先停在这里吗/).expectNot(/已提交|提交成功/);
    expect(await t.core.cases.listByUser(user, 5)).toEqual([]);
  });

  // guard: the words in a sentence are never changed.
  it.each(['去消费', '我想去消毒', '确任务'])('guard: %s is read as typed', (said) => {
    expect(normalizeMessage(said)).toBe(said);
  });
});

describe('！ or l for 1 at a list of choices', () => {
  it.each(['！', 'l'])('%s at the township list: the first choice asked about, nothing picked; again: the usual answer', async (said) => {
    const user = someone('bang');
    await converse(t.chat, user)
      .sendAll(...TO_PLACE)
      .send(said)
      .expect(/您是想选「1\. 东龙镇」吗？/)
      .expectNot(/没找到/)
      .expectNot(UNKNOWN)
      .send(said)
      .expectNot(/您是想选/);
    expect((await session(user)).answers.location).toBeUndefined();
  });
});
