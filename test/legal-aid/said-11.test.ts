/*
 * While booking, and after it, what the person meant (eleventh part), as transcripts on real Redis:
 *  - `周五吧` at the summary: a new day for the time (that day's times shown; nothing booked until one is picked
 *    and confirmed), never 「请回复「确认」提交」; the day already chosen is said to be the one chosen.
 *  - `晚上可以吗`, `我只有晚上有空`, `律师靠谱吗` before the time list: answered, and the question asked again
 *    (never 「这个问题我还答不上来」).
 *  - `东龙镇 13700001111` where the way to meet is asked: the town and the phone, never 联系人「东龙镇」; `王芳`
 *    alone where the place is asked: kept for the contact question (confirmed there), never 「没找到「王芳」」.
 *  - `改约`, `取消预约`, `我要改时间` with no booking to come: said plainly (no booking number asked for);
 *    `帮我取消预约` with one: that booking offered to cancel, never the menu.
 *  - A weekend day at the time list: 「12月5日（周六）是周末」, never 「12月5日（周六）是周六」.
 *  - `能不能约明天`, `可以约下周二上午吗` at the time list: that day's times, never 「答不上来」.
 *  - `能不能线上` at the way to meet: the call and the video offered, never 「答不上来」.
 *  - `我不想约了` at the time list: asked whether to stop, as `不约了` is.
 *  - `换个地方` at the summary, or after booking a meeting in person: the service point asked again.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock: the 东龙镇工会驿站 has 吴芳 on Tuesday and Thursday mornings).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session, booked } = chatOnClock(NOW);


/** To the summary: unpaid wages, still there, at 东龙镇工会驿站 on Thursday 3 December 09:00. */
const toSummary = (user: string) =>
  converse(t.chat, user)
    .sendAll('我想找律师咨询', '1', '欠薪', '1', '1', '东龙镇', '1', '12月3日', '1', '王芳', '13700001111')
    .expect(/请核对您的预约/)
    .expect(/时间：12月3日（周四） 09:00-09:30/);

describe('a day said alone at the summary', () => {
  it('「周五吧」: that day is asked for (nobody on duty there: the nearest times), never the plain re-ask', async () => {
    await toSummary('web:s1')
      .send('周五吧')
      .expect(/12月4日（周五）东龙镇工会驿站没有律师值班/)
      .expectNot(/请回复「确认」提交/);
    expect((await session('web:s1')).fieldId).toBe('slot');
    expect(await booked('web:s1')).toHaveLength(0);
  });

  it('「下周二上午可以吗」: that morning\'s times, then picked and confirmed', async () => {
    await toSummary('web:s2')
      .send('下周二上午可以吗')
      .expect(/12月8日（周二）上午还能约的时间/)
      .send('2')
      .expect(/时间：12月8日（周二） 09:30-10:00/)
      .send('确认')
      .expect(/预约成功/);
  });

  it('「周四吧」 with a Thursday time chosen: said to be the one chosen, the summary kept', async () => {
    await toSummary('web:s3')
      .send('周四吧')
      .expect(/您选的就是12月3日（周四） 09:00-09:30。没问题就回复「确认」/)
      .send('确认')
      .expect(/预约成功/);
  });

  it('「周四吧」 at the name question after the time: a new time on that day, never taken as the name', async () => {
    await converse(t.chat, 'web:s4')
      .sendAll('我想找律师咨询', '1', '欠薪', '1', '1', '东龙镇', '1', '1')
      .expect(/怎么称呼您/)
      .send('周四吧')
      .expect(/12月3日（周四）还能约的时间/)
      .expectNot(/联系人/);
    expect((await session('web:s4')).answers.contactName).toBeUndefined();
  });
});

describe('asked before the time list', () => {
  it('「晚上可以吗」 and 「律师靠谱吗」 at the way to meet: answered, then the question again', async () => {
    await converse(t.chat, 'web:e1')
      .sendAll('我想找律师咨询', '1', '欠薪', '1')
      .send('晚上可以吗')
      .expect(/晚上没有可约的时间，咨询都安排在工作日的白天/)
      .expect(/可以选电话咨询或视频咨询/)
      .expect(/您想怎么咨询？/)
      .expectNot(/答不上来/)
      .send('律师靠谱吗')
      .expect(/工会律师是工会为职工安排的律师/)
      .expect(/您想怎么咨询？/)
      .expectNot(/答不上来/);
  });

  it('「我只有晚上有空」 at the service point: answered (改成电话咨询 offered), and 「改成电话咨询」 works there', async () => {
    await converse(t.chat, 'web:e2')
      .sendAll('我想找律师咨询', '1', '欠薪', '1', '1')
      .send('我只有晚上有空')
      .expect(/晚上没有可约的时间/)
      .expect(/回复「改成电话咨询」/)
      .expect(/您在哪个镇或街道/)
      .send('改成电话咨询')
      .expect(/好的，方式改为电话咨询。/)
      .expect(/您在哪个镇或街道？我们会安排离您最近的律师/);
  });

  it('「能不能线上」 at the way to meet: the call and the video offered; 2 is the video', async () => {
    await converse(t.chat, 'web:e3')
      .sendAll('我想找律师咨询', '1', '欠薪', '1')
      .send('能不能线上')
      .expect(/可以，不用跑路：电话咨询或视频咨询/)
      .expectNot(/答不上来/)
      .send('2');
    expect((await session('web:e3')).answers.mode).toBe('video');
  });
});

describe('a day asked for with 「能不能约」', () => {
  it('「能不能约明天」 at the time list: that day (nobody on duty: the nearest times), never 「答不上来」', async () => {
    await converse(t.chat, 'web:a1')
      .sendAll('我想找律师咨询', '1', '欠薪', '1', '1', '东龙镇', '1')
      .send('能不能约明天')
      .expect(/12月2日（周三）东龙镇工会驿站没有律师值班/)
      .expectNot(/答不上来/)
      .send('可以约下周二上午吗')
      .expect(/12月8日（周二）上午还能约的时间/);
  });
});

describe('a phone, a place or a name at the wrong question', () => {
  it('「东龙镇 13700001111」 at the way to meet: the town and the phone, never the contact 「东龙镇」', async () => {
    await converse(t.chat, 'web:p1')
      .sendAll('我想找律师咨询', '1', '欠薪', '1')
      .send('东龙镇 13700001111')
      .expect(/所在镇街「东龙镇」、手机号「13700001111」/)
      .expectNot(/联系人「东龙镇」/);
  });

  it('「王芳」 at the place question: kept for the contact question (confirmed there), never a place; 「都行」 is no name', async () => {
    await converse(t.chat, 'web:p2')
      .sendAll('我想找律师咨询', '1', '欠薪', '1', '1')
      .send('王芳')
      .expect(/「王芳」是您的名字吧？先记下，问到联系人时再跟您核对/)
      .expect(/您在哪个镇或街道/)
      .expectNot(/没找到「王芳」/)
      .sendAll('东龙镇', '1')
      .send('都行')
      .expect(/最早能约的是12月1日（周二） 10:30-11:00/)
      .expectNot(/名字/)
      .send('对')
      .expect(/我理解的是：联系人「王芳」。对吗？/)
      .send('对')
      .expect(/您的手机号是多少/);
    expect((await session('web:p2')).answers).toMatchObject({ contactName: '王芳', place: { townshipId: expect.any(String) } });
  });
});

describe('no booking to change', () => {
  it('「改约」, 「取消预约」, 「我要改时间」 with none: said plainly', async () => {
    await converse(t.chat, 'web:n1')
      .send('改约')
      .expect(/您现在没有待参加的法律援助预约，不用改约/)
      .expectNot(/请在后面写上预约号/)
      .send('取消预约')
      .expect(/不用取消/)
      .send('我要改时间')
      .expect(/您现在没有待参加的法律援助预约/)
      .expectNot(/没太明白/);
  });

  it('「帮我取消预约」 after booking: that booking offered to cancel (confirmed), never 「没太明白」 and the menu', async () => {
    await toSummary('web:n3')
      .send('确认')
      .expect(/预约成功/)
      .send('帮我取消预约')
      .expect(/您要取消的是这个预约吗？/)
      .expectNot(/没太明白/)
      .send('1')
      .expect(/已取消预约 YY/);
    expect((await booked('web:n3'))[0]?.status).toBe('cancelled');
  });

  it('「改约」 while booking: this one is not sent yet, and the question again', async () => {
    await converse(t.chat, 'web:n2')
      .sendAll('我想找律师咨询', '1', '欠薪', '1')
      .send('改约')
      .expect(/您还没有约好的时间。这次预约还没提交/)
      .expect(/您想怎么咨询？/)
      .expectNot(/请在后面写上预约号/);
  });
});

describe('stopping', () => {
  it('「我不想约了」 at the time list: asked whether to stop (as 「不约了」 is), never the list again', async () => {
    await converse(t.chat, 'web:q1')
      .sendAll('我想找律师咨询', '1', '欠薪', '1', '1', '东龙镇', '1')
      .send('我不想约了')
      .expect(/要先停在这里吗？/)
      .expectNot(/请回复时间前面的数字/)
      .send('3')
      .expect(/好的，已取消/);
    expect(await booked('web:q1')).toHaveLength(0);
  });
});

describe('the weekend, and the place changed', () => {
  it('「周六」 at the time list: 「是周末」, never 「（周六）是周六」', async () => {
    await converse(t.chat, 'web:w1')
      .sendAll('我想找律师咨询', '1', '欠薪', '1', '1', '东龙镇', '1')
      .send('周六')
      .expect(/12月5日（周六）是周末，不安排咨询/)
      .expectNot(/（周六）是周六/);
  });

  it('「换个近点的地方」 at the summary: the service point asked again', async () => {
    await toSummary('web:w2')
      .send('换个近点的地方')
      .expect(/离东龙镇最近、能提供工会律师咨询的服务点如下/)
      .expectNot(/请回复「确认」提交/);
    expect((await session('web:w2')).fieldId).toBe('point');
  });

  it('「我想换个地方」 after booking: the service point asked again, the booking kept until confirmed', async () => {
    await toSummary('web:w3')
      .send('确认')
      .expect(/预约成功/)
      .send('我想换个地方')
      .expect(/换服务点（现在是12月3日（周四） 09:00-09:30，东龙镇工会驿站）/)
      .expect(/原来的预约一直保留/)
      .expectNot(/没太明白/);
    expect((await booked('web:w3'))[0]?.status).toBe('booked');
  });
});
