/*
 * The end of the wage report walked as workers type it (session 41e), as transcripts on real Redis, at the summary
 * (「请核对…回复「确认」提交；要修改哪一项，就回复「改」加序号」):
 *  1. `地址不对 是工业园3号`: 地址 is part of the label 单位地址 but none of its names, so the words were read against the
 *     first answer: 「您是要改成：用人单位「地址」」 (a yes would have renamed the unit 「地址」). Now the one answer whose
 *     label has the word is proposed (单位地址「工业园3号」); where two have it (单位地址, 项目地址), the list of all answers
 *     came and the address was lost once one was picked: now those two are offered, the pick taking the words.
 *  2. `事情经过是老板跑路了`: 老板 inside the value named the unit as well, so neither was taken and the words were lost
 *     (「请回复「确认」提交…」). Now the answer named before the value counts.
 *  3. `不对 是8000`, no answer named: read against the last answer, the phone (「手机号应该是11位」), then 「要改哪一项」, and
 *     the 8000 lost once picked. Now which answer the value is for is asked (拖欠金额 / 被拖欠人数), a pick changing it.
 *  4. `等一下 我再看看`: got the bare 「请回复「确认」提交…」; now 「不着急，您慢慢核对」 too, nothing submitted.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:r41e-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const REVIEW = /请核对以上信息。回复「确认」提交/;
const SUBMITTED = /提交成功/;
const TO_REVIEW = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111'];
const atReview = async (tag: string) => {
  const user = someone(tag);
  await converse(t.chat, user).sendAll(...TO_REVIEW).expect(REVIEW);
  return user;
};

describe('1. 地址不对 是… at the summary: the address, never the unit', () => {
  it('proposes 单位地址, a yes changes it and nothing else; not submitted', async () => {
    const user = await atReview('addr');
    await converse(t.chat, user)
      .send('地址不对 是工业园3号')
      .expect(/您是要改成：单位地址「工业园3号」，对吗？/)
      .expectNot(/用人单位「地址」/)
      .send('对')
      .expect(REVIEW)
      .expectNot(SUBMITTED);
    const a = await answers(user);
    expect(a.employerAddress).toBe('工业园3号');
    expect(a.employer).toBe('好再来饭店');
  });
});

describe('1. 地址不对 是… where two answers have 地址 (building work): which one, the words kept', () => {
  it('单位地址 / 项目地址 offered; the pick changes it with the words said', async () => {
    const user = someone('addr2');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '宏达建筑', '河西街道', '不清楚', '是', '滨江花园', '今年9月到11月', '20000', '就我一个', '已经离开', '11月', '都跳过', '没有', '王芳', '13700001111')
      .expect(REVIEW)
      .send('地址不对 是工业园3号')
      .expect(/「工业园3号」是要改哪一项？/)
      .expect(/单位地址/)
      .expect(/项目地址/)
      .send('1')
      .expect(/单位地址已改为「工业园3号」/)
      .expect(REVIEW)
      .expectNot(SUBMITTED);
    const a = await answers(user);
    expect(a.employerAddress).toBe('工业园3号');
    expect(a.employer).toBe('宏达建筑');
  });
});

describe('2. an answer named, a name inside the value: the one named first', () => {
  it('事情经过是老板跑路了: proposed as the account', async () => {
    const user = await atReview('story');
    await converse(t.chat, user).send('事情经过是老板跑路了').expect(/您是要改成：事情经过「老板跑路了」，对吗？/).send('对').expect(REVIEW).expectNot(SUBMITTED);
    expect((await answers(user)).account).toBe('老板跑路了');
    expect((await answers(user)).employer).toBe('好再来饭店');
  });
});

describe('3. 不对 是8000 with no answer named: which one is asked', () => {
  it('never the phone read; the pick changes the amount', async () => {
    const user = await atReview('bare');
    await converse(t.chat, user)
      .send('不对 是8000')
      .expect(/「8000」是要改哪一项？/)
      .expectNot(/手机号/)
      .send('1')
      .expect(/拖欠金额已改为「8,000元」/)
      .expect(REVIEW)
      .expectNot(SUBMITTED);
    expect((await answers(user)).phone).toBe('13700001111');
  });
});

describe('4. still reading the summary over', () => {
  it.each(['等一下 我再看看', '我再核对一下', '让我仔细看看'])('%s: said kindly, nothing submitted; 确认 then submits', async (said) => {
    const user = await atReview('wait');
    await converse(t.chat, user).send(said).expect(/不着急，您慢慢核对。/).expectNot(SUBMITTED).send('确认').expect(SUBMITTED);
  });
});

describe('guards: edits in workers own words at the summary', () => {
  // guard: a change said with the item's name is taken or proposed, never submitted.
  it.each([
    ['金额改成8000', /拖欠金额/],
    ['名字写错了 是王小芳', /联系人/],
    ['电话换一个 13912345678', /手机号「13912345678」/],
    ['钱数写错了 应该是八千', /拖欠金额已改为「8,000元」/],
  ])('guard: %s', async (said, shown) => {
    const user = await atReview('guard');
    await converse(t.chat, user).send(said).expect(shown).expectNot(SUBMITTED);
  });
});
