/*
 * A consent asked while the person goes on telling their story (a place, a job, a phone number in place of
 * 同意): what they said is held for after the yes, said once with the consent's whole text, and from then on
 * with its short retry; from the third miss on, the question in one line and a way to a person. `不知道` at a
 * consent says what agreeing means, never 「先选个大概」 (there is nothing rough to pick). Nothing is kept
 * before the yes; the held facts are confirmed after it.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const clock = manualClock('2026-12-01T10:00:00+08:00');
const t = useFixture(() => startTestCore({ clock }));
const someone = (tag: string) => `web:cr-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const WHOLE = /谁能看到/;

describe('the consent while the person goes on talking', () => {
  it('a wage report: the whole consent once more, then the short retry; the held facts confirmed after the yes', async () => {
    const user = someone('wage');
    const chat = converse(t.chat, user);
    await chat.send('老板欠我工资').expect(WHOLE);
    await chat.send('在东龙镇那边的一个工地').expect(/干活的地方.*还没有保存/).expect(WHOLE);
    await chat.send('刘建国').expect(/请回复1表示同意，回复2表示不同意/).expectNot(WHOLE);
    await chat
      .send('盖楼的')
      .expect(/工程建设项目还没有保存/)
      .expect(/请回复1表示同意/)
      .expect(/我刚才是在问：您同不同意我们记下您的信息？/)
      .expect(/回复「人工」/)
      .expectNot(WHOLE)
      .expectNot(/收集一些信息：\n/);
    await chat.send('13800138000').expect(/手机号还没有保存/).expectNot(WHOLE);
    expect((await t.chat.sessions.load(user, clock.now())).answers).toEqual({});
    await chat.send('同意').expect(/我理解的是：.*干活的地方「东龙镇」/).expect(/工程建设项目「是」/);
  });

  it('不知道 at a consent: what agreeing means, and how to answer; no 「先选个大概」', async () => {
    for (const [start, means] of [
      ['我要反映欠薪', /不同意也没关系，我们不会保存任何内容/],
      ['我要入会', /入会要登记会员信息，所以需要您的同意/],
      ['我想找律师', /才能把您的姓名和电话交给为您咨询的律师或检察官/],
    ] as const) {
      const chat = converse(t.chat, someone('unsure'));
      await chat.send(start).expect(WHOLE);
      await chat.send('不知道').expect(means).expect(/请回复1表示同意，回复2表示不同意/).expectNot(/先选个大概/);
    }
  });

  it('the boss named with the company not known (`老板叫刘建国 公司名字不知道`): held, and confirmed after the yes', async () => {
    const chat = converse(t.chat, someone('boss'));
    await chat.send('老板欠我工资').expect(WHOLE);
    await chat.send('老板叫刘建国 公司名字不知道').expect(/用人单位还没有保存/);
    await chat.send('同意').expect(/我理解的是：用人单位「刘建国」/);
  });

  it('joining the union: a phone typed for 同意 is held, the long text not repeated', async () => {
    const user = someone('join');
    const chat = converse(t.chat, user);
    await chat.send('我要入会').expect(WHOLE);
    await chat.send('张三');
    await chat.send('13800138000').expect(/手机号还没有保存/).expectNot(WHOLE);
    expect((await t.chat.sessions.load(user, clock.now())).answers.phone).toBeUndefined();
  });
});
