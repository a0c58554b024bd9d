/*
 * While booking, and after it, what the person meant (tenth part), as transcripts on real Redis:
 *  - A day wished for (`明天`) survives a change of the way to meet (`电话`, confirmed): the call's times of that
 *    day are shown, as promised (「选时间时先给您看这天的」), never the earliest ones from today.
 *  - `还是电话吧` at the service point list: the way to meet changed to a call (as `换成电话吧` is), never
 *    「请回复服务点前面的数字」.
 *  - `只有周末有空` at the time list: the weekend's answer (no consultations on Saturday, the nearest times), never
 *    the plain re-ask.
 *  - `周末` said before the time list: no consultations then, said at once (never 「选时间时先给您看这天的」).
 *  - `要带身份证吗` while booking: what to bring for the matter said, and the question asked again.
 *  - `那天去不了了` at the summary: the times shown again (nothing booked), never 「请回复「确认」提交」.
 *  - After booking: `还是电话吧` opens the change to a call (the booking kept until confirmed); `周四不行`,
 *    `不去了 改天再说`, `我那天要加班` offer changing or cancelling, nothing changed.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock: the demo directory's lawyer takes phone calls every
 * working day; the 东龙镇工会驿站 has 吴芳 on Tuesday and Thursday mornings).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session, booked } = chatOnClock(NOW);


/** At 东龙镇工会驿站 on Thursday 3 December 09:00, about unpaid wages: booked. */
const inPersonThursday = (user: string) =>
  converse(t.chat, user)
    .sendAll('预约律师', '1', '1', '还在干', '1', '东龙镇', '1', '12月3日', '1', '李明', '13800138000', '确认')
    .expect(/预约成功/)
    .expect(/时间：12月3日（周四） 09:00-09:30/);

describe('a day wished for, then the way to meet changed', () => {
  it('「明天」 said while the change to a call waits for its yes: the call\'s times of 12月2日 are shown', async () => {
    await converse(t.chat, 'web:w1')
      .sendAll('预约律师', '1', '1', '还在干', '1')
      .send('电话')
      .expect(/您是要改成：方式「电话咨询」，对吗？/)
      .send('河西')
      .send('明天')
      .expect(/好的，想约12月2日（周三），选时间时先给您看这天的/)
      .send('1')
      .expect(/12月2日（周三）电话咨询还能约的时间/)
      .expect(/1\. 12月2日（周三） 09:00-09:30/)
      .expectNot(/最近的空闲时间|12月1日（周二） 10:30-11:00/);
    expect((await session('web:w1')).answers).toMatchObject({ mode: 'phone', slotDay: '2026-12-02' });
  });

  it('「明天」 said at the way to meet, then 「电话」 at the service point list: still 12月2日\'s times', async () => {
    await converse(t.chat, 'web:w2')
      .sendAll('预约律师', '1', '1', '还在干')
      .send('明天')
      .expect(/好的，想约12月2日（周三）/)
      .sendAll('1', '东龙镇')
      .expect(/服务点如下，请选一个/)
      .send('电话')
      .expect(/您是要改成：方式「电话咨询」，对吗？/)
      .send('1')
      .expect(/12月2日（周三）电话咨询还能约的时间/)
      .expectNot(/最近的空闲时间/);
  });
});

describe('changing the way to meet in other words', () => {
  it('「还是电话吧」 at the service point list asks to change to a call', async () => {
    await converse(t.chat, 'web:m1')
      .sendAll('预约律师', '1', '1', '还在干', '1', '东龙镇')
      .expect(/服务点如下，请选一个/)
      .send('还是电话吧')
      .expect(/好的，方式改为电话咨询，请重新选时间/)
      .expect(/电话咨询最近的空闲时间/)
      .expectNot(/请回复服务点前面的数字/);
    expect((await session('web:m1')).answers).toMatchObject({ mode: 'phone' });
  });
});

describe('when they are free, said at the time list', () => {
  it('「只有周末有空」 is answered as the weekend: no consultations on Saturday, the nearest times', async () => {
    await converse(t.chat, 'web:f1')
      .sendAll('预约律师', '1', '1', '还在干', '2', '河西')
      .expect(/电话咨询最近的空闲时间/)
      .send('只有周末有空')
      .expect(/12月5日（周六）是周末，不安排咨询。离这天最近还能约的时间/)
      .expectNot(/请回复时间前面的数字/);
    expect(await booked('web:f1')).toHaveLength(0);
  });

  it('「周末」 before the time list is answered at once (no consultations then), never promised for the time question', async () => {
    await converse(t.chat, 'web:f3')
      .sendAll('预约律师', '1', '1', '还在干')
      .send('周末')
      .expect(/周末不上班，不安排咨询，咨询都安排在工作日的白天/)
      .expect(/您想怎么咨询？/)
      .expectNot(/选时间时先给您看这天的/);
    expect((await session('web:f3')).answers).not.toHaveProperty('slotDay');
  });

  it('「我周四上午才有时间」 shows Thursday morning\'s times', async () => {
    await converse(t.chat, 'web:f2')
      .sendAll('预约律师', '1', '1', '还在干', '2', '河西')
      .send('我周四上午才有时间')
      .expect(/12月3日（周四）上午还能约的时间/)
      .expectNot(/请回复时间前面的数字/);
  });
});

describe('what to bring, asked while booking', () => {
  it('「要带身份证吗」 at the injury day: the work injury\'s list, and the same question again', async () => {
    await converse(t.chat, 'web:b1')
      .sendAll('预约律师', '1', '2')
      .expect(/您是哪天受伤的/)
      .send('要带身份证吗')
      .expect(/请带上：身份证；劳动合同.*病历、诊断证明和医药费票据/)
      .expect(/您是哪天受伤的/)
      .expectNot(/答不上来/);
    expect(await booked('web:b1')).toHaveLength(0);
  });

  it('「要带什么材料吗」 before the matter: a general list, and the matter asked again', async () => {
    await converse(t.chat, 'web:b2')
      .sendAll('预约律师', '1')
      .send('要带什么材料吗')
      .expect(/请带上：身份证；劳动合同.*和这件事有关的聊天记录、照片、单据等/)
      .expect(/您想咨询什么事？/)
      .expectNot(/答不上来/);
  });
});

describe('at the summary, the day does not suit', () => {
  it('「那天去不了了」 opens the times again; nothing is booked', async () => {
    await converse(t.chat, 'web:s1')
      .sendAll('预约律师', '1', '1', '还在干', '2', '河西', '12月3日', '1', '李明', '13800138000')
      .expect(/请核对您的预约/)
      .send('那天去不了了')
      .expect(/好的，请重新选时间/)
      .expect(/电话咨询最近的空闲时间/)
      .expectNot(/请回复「确认」提交/);
    expect((await session('web:s1')).answers).not.toHaveProperty('slot');
    expect(await booked('web:s1')).toHaveLength(0);
  });
});

describe('after booking, in their own words', () => {
  it('「还是电话吧」 opens the change to a call; the booking stays until the new time is confirmed', async () => {
    await inPersonThursday('web:a1');
    const [b0] = await booked('web:a1');
    await converse(t.chat, 'web:a1')
      .send('还是电话吧')
      .expect(new RegExp(`把预约 ${b0!.bookingNo}（现在是12月3日（周四） 09:00-09:30，到服务点面谈）改成电话咨询，请选时间`))
      .expectNot(/没太明白/);
    const [b1] = await booked('web:a1');
    expect(b1).toMatchObject({ status: 'booked', mode: 'in_person' });
    expect(b1!.slot.key).toBe(b0!.slot.key);
  });

  for (const [user, said] of [
    ['web:a2', '周四不行'],
    ['web:a3', '不去了 改天再说'],
    ['web:a4', '我那天要加班'],
  ] as const) {
    it(`「${said}」 offers changing or cancelling; nothing changes`, async () => {
      await inPersonThursday(user);
      await converse(t.chat, user)
        .send(said)
        .expect(/可以改个时间，也可以取消/)
        .expect(/1\. 改时间/)
        .expect(/2\. 取消这个预约/)
        .expectNot(/没太明白|已取消/);
      const [b] = await booked(user);
      expect(b).toMatchObject({ status: 'booked' });
    });
  }
});
