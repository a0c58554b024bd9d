/*
 * Words workers type while booking legal aid and while joining the union (h113), as transcripts on real Redis.
 * Today is Tuesday 1 December 2026, 10:00.
 *  - Legal aid: `我换个时间`, `换个时间吧`, `能不能改时间` before any time was shown (the consent, the matter, the town)
 *    got 「请回复数字选择」 or 「答不上来」; now: times are picked later (or a day may be said now), the same question.
 *  - Legal aid: `最好周末` got 「没找到「最好周末」」 at the town; `周末可以吗` was answered as 「12月5日（周六）不上班」.
 *    Now the weekend is said to have no consultations, the question again.
 *  - Joining: `我得问问`, `我回去问问我老婆`, `我得跟我老婆商量一下` at the ID number got the digits error; now a pause.
 *  - Joining: `快六十了能入会吗` was answered 「60岁只要还在工作」 (an age never said), `五十好几了能入会吗` started the
 *    application unanswered; a rough age is now never kept or said as an exact one.
 *  - Joining, at the unit: `我们单位没有工会` was kept as the unit 「没有工会」; `就那个好再来饭店啊` as
 *    「就那个好再来饭店」; `在好再来饭店上班呢` got 「答不上来」.
 */
import { describe, expect, it } from 'vitest';
import { eligibilityAsked } from '../../flows/membership.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';
import { ZHANG } from '../membership/support.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);

const LATER = /时间在后面选：再回答几个问题，就会列出能约的空闲时间/;
const PAUSED = /不着急，弄清楚了再来。刚才填的「加入工会」先帮您保存着/;
/** Joining, as an employee, up to 「您在哪家单位工作？」. */
const TO_UNIT = ['我想参加工会', '同意', '同意', '1', ZHANG.name, ZHANG.id, ZHANG.phone, '1'];

describe('legal aid: changing the time before any time is shown', () => {
  it('「我换个时间」 at the consent, 「换个时间吧」 and 「能不能改时间」 at the matter: times come later; nothing taken', async () => {
    await converse(t.chat, 'web:r28-a1')
      .send('我想找律师')
      .send('我换个时间')
      .expect(LATER)
      .expect(/您同意吗/)
      .expectNot(/请回复1表示同意/)
      .send('同意')
      .send('换个时间吧')
      .expect(LATER)
      .expect(/您想咨询什么事/)
      .expectNot(/请回复数字选择/)
      .send('能不能改时间')
      .expect(LATER)
      .expectNot(/答不上来/);
    const s = await session('web:r28-a1');
    expect(s.fieldId).toBe('matter');
    expect(s.answers.matter).toBeUndefined();
  });

  it('「可以换个时间吗」 at the town, 「我换个时间」 at the service points: the same; then booking goes on', async () => {
    await converse(t.chat, 'web:r28-a2')
      .sendAll('我想约个律师', '同意', '劳动合同', '还在干', '到服务点面谈')
      .send('可以换个时间吗')
      .expect(LATER)
      .expect(/您在哪个镇或街道/)
      .expectNot(/没找到/)
      .send('河西街道')
      .expect(/服务点如下，请选一个/)
      .send('我换个时间')
      .expect(LATER)
      .expect(/服务点如下，请选一个/)
      .send('1')
      .expect(/最近的空闲时间/);
    expect(await booked('web:r28-a2')).toEqual([]);
  });

  // guard: at the list of times, h109's answer stands (「更多」 and a day offered).
  it('guard: 「我换个时间」 at the list of times still offers 「更多」', async () => {
    await converse(t.chat, 'web:r28-a3')
      .sendAll('我想约个律师', '同意', '劳动合同', '还在干', '电话咨询', '东龙镇')
      .send('我换个时间')
      .expect(/换个时间：想看更晚的时间，回复「更多」/)
      .expectNot(LATER);
  });

  it('「最好周末」 at the matter and the town, 「周末可以吗」: no weekend consultations; nothing kept as a place', async () => {
    await converse(t.chat, 'web:r28-a4')
      .sendAll('我想约个律师', '同意')
      .send('最好周末')
      .expect(/^周末不上班，不安排咨询，咨询都安排在工作日的白天。/)
      .expect(/您想咨询什么事/)
      .sendAll('劳动合同', '还在干', '到服务点面谈')
      .send('最好周末')
      .expectNot(/没找到/)
      .expect(/周末不上班，不安排咨询/)
      .send('周末可以吗')
      .expectNot(/12月5日/)
      .expect(/周末不上班，不安排咨询/)
      .expect(/您在哪个镇或街道/);
    const s = await session('web:r28-a4');
    expect(s.fieldId).toBe('place');
    expect(s.answers.slotDay).toBeUndefined();
  });
});

describe('joining: going to ask someone, at the ID number', () => {
  it.each([['我得问问'], ['我回去问问我老婆'], ['我得跟我老婆商量一下']])('「%s」: a pause, never the digits error; 继续 goes on', async (said) => {
    await converse(t.chat, `web:r28-p-${said}`)
      .sendAll('我想参加工会', '同意', '同意', '1', ZHANG.name)
      .send(said)
      .expect(PAUSED)
      .expectNot(/身份证号只能包含数字/)
      .send('继续')
      .expect(/18位身份证号码/);
  });

  // guard: a question after 我得问一下 is a question, never a pause.
  it('guard: 「我得问一下多少钱」 is no pause', async () => {
    await converse(t.chat, 'web:r28-p-q').sendAll('我想参加工会', '同意', '同意', '1', ZHANG.name).send('我得问一下多少钱').expectNot(PAUSED);
  });
});

describe('joining: an age said roughly', () => {
  it('「快六十了能入会吗」: never 「60岁」; yes (from 16), joining offered', async () => {
    await converse(t.chat, 'web:r28-g1')
      .send('快六十了能入会吗')
      .expectNot(/60岁/)
      .expect(/^可以。年满16周岁、靠工资收入生活的劳动者都可以加入工会/)
      .expect(/要现在申请入会吗/);
  });

  it('「五十好几了能入会吗」: answered (it started the application), never an age', async () => {
    await converse(t.chat, 'web:r28-g2').send('五十好几了能入会吗').expect(/^可以。年满16周岁/).expectNot(/您同意吗|\d+岁只要/);
  });

  it('「都六十多了还能入会吗」, 「我六十出头了能入会吗」: no upper age, never 「60岁」', async () => {
    await converse(t.chat, 'web:r28-g3').send('都六十多了还能入会吗').expect(/入会没有年龄上限：年纪大一些的只要还在工作/).expectNot(/60岁/);
    await converse(t.chat, 'web:r28-g4').send('我六十出头了能入会吗').expect(/入会没有年龄上限/).expectNot(/60岁/);
  });

  it.each([
    ['快六十了能入会吗', { kind: 'of_age', age: null }],
    ['我六十出头了还能入会吗', { kind: 'older', age: null }],
    ['五十好几了能入会吗', { kind: 'of_age', age: null }],
    ['快十六岁了能入会吗', { kind: 'under_age', age: null }],
  ])('「%s」 reads as %o (never an exact age)', (said, e) => {
    expect(eligibilityAsked(said)).toStrictEqual(e);
  });
});

describe('joining: the unit in a worker\'s words', () => {
  it('「我们单位没有工会」: never kept as the unit; the town\'s union reviews it, the unit asked again', async () => {
    await converse(t.chat, 'web:r28-u1')
      .sendAll(...TO_UNIT)
      .send('我们单位没有工会')
      .expectNot(/「没有工会」/)
      .expect(/^单位没有工会也可以入会，您的申请会交给单位所在镇、街道的工会审核。请写您工作单位的名称/);
    const s = await session('web:r28-u1');
    expect(s.fieldId).toBe('employer');
    expect(s.answers.employer).toBeUndefined();
  });

  it('「就那个好再来饭店啊」: the unit is 好再来饭店', async () => {
    await converse(t.chat, 'web:r28-u2').sendAll(...TO_UNIT).send('就那个好再来饭店啊').expect(/^「好再来饭店」在哪个镇或街道/);
    expect((await session('web:r28-u2')).answers.employer).toEqual({ name: '好再来饭店', employerId: null });
  });

  it('「在好再来饭店上班呢」: the unit, never 「答不上来」', async () => {
    await converse(t.chat, 'web:r28-u3').sendAll(...TO_UNIT).send('在好再来饭店上班呢').expectNot(/答不上来/).expect(/^「好再来饭店」在哪个镇或街道/);
  });

  // guard: a real question there is still one; 就业 begins a unit's name.
  it('guard: 「你在哪上班呢」 is a question; 「就业服务中心」 stays whole', async () => {
    await converse(t.chat, 'web:r28-u4').sendAll(...TO_UNIT).send('你在哪上班呢').expectNot(/「在哪」|「你在哪/);
    await converse(t.chat, 'web:r28-u5').sendAll(...TO_UNIT).send('就业服务中心').expect(/「就业服务中心」/);
  });
});
