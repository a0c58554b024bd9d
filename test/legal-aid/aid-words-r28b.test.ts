/*
 * Legal aid words before, during and after a booking (h115, round 28), as transcripts on real Redis.
 * Today is Tuesday 1 December 2026, 10:00.
 *  - `下午`, `上午比较方便` at the matter question (and at whom to see) got 「请回复数字选择」: now kept to narrow the
 *    time list, said back, and the same question again. `晚上` (no evening times) at the town question said so, never 「想约晚上」 kept.
 *  - `被老板打了`, `工头把我打了一顿` at the matter question got the safety notice and the matter asked again: now the
 *    notice, 「记为「其他」」 and the next question (as `老板打人` was).
 *  - After booking: `找不到地方`, `在几楼` got 「没太明白」: now the booked place, its address and phone to ask the way.
 *    `律师会不会告诉老板` got the wage report's answer (and its 「要我帮您登记欠薪」): now who sees what was said.
 *  - At the list of times, `随便哪天` got 「请回复时间前面的数字」: now the earliest, confirmed.
 *  - At the service points, `驿站那个`, `人民路那个` got 「请回复服务点前面的数字」: now the one point their words name.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);

/** At the matter question. */
const TO_MATTER = ['我要申请法律援助', '同意'];
/** A wage matter, still employed, the union lawyer in person, 河西街道: at its service points. */
const TO_POINTS = [...TO_MATTER, '1', '还在干', '1', '1', '河西街道'];
/** Booked at 河西街道工会驿站, the first time. */
const BOOK = [...TO_POINTS, '1', '1', '王芳', '13700001111', '确认'];

describe('a time said at the matter question', () => {
  it('「下午」: kept for the time list and said back, the matter asked again; the list later shows the afternoon', async () => {
    await converse(t.chat, 'web:b1')
      .sendAll(...TO_MATTER)
      .send('下午')
      .expectNot(/请回复数字选择/)
      .expect(/想约下午，选时间时先给您看这些时间/)
      .expect(/您想咨询什么事/);
    const s = await session('web:b1');
    expect(s.fieldId).toBe('matter');
    expect(s.answers.matter).toBeUndefined();
    expect(s.answers.slotPart).toBe('afternoon');
    await converse(t.chat, 'web:b1').sendAll('1', '还在干', '1', '1', '河西街道').send('1').expect(/下午空闲时间/);
  });

  it('「上午比较方便」: the morning kept, nothing picked', async () => {
    await converse(t.chat, 'web:b2').sendAll(...TO_MATTER).send('上午比较方便').expectNot(/请回复数字选择/).expect(/想约上午/);
    const s = await session('web:b2');
    expect(s.answers.slotPart).toBe('morning');
    expect(s.answers.matter).toBeUndefined();
  });

  it('「下午可以」 at whom to see: kept, the same question again', async () => {
    await converse(t.chat, 'web:b3').sendAll(...TO_MATTER, '1', '还在干').send('下午可以').expect(/想约下午/).expect(/您想找谁帮忙/);
    const s = await session('web:b3');
    expect(s.fieldId).toBe('help');
    expect(s.answers.slotPart).toBe('afternoon');
  });

  it('「晚上」 at the town question, with no evening times: said so, never kept as a wish', async () => {
    await converse(t.chat, 'web:b4')
      .sendAll(...TO_MATTER, '1', '还在干', '1', '1')
      .send('晚上')
      .expectNot(/想约晚上/)
      .expect(/晚上没有可约的时间/)
      .expect(/您在哪个镇或街道/);
    expect((await session('web:b4')).answers.slotPart).toBeUndefined();
  });

  // guard: `下午好` is a greeting, never a time kept.
  it('「下午好」 keeps no time', async () => {
    await converse(t.chat, 'web:b5').sendAll(...TO_MATTER).send('下午好').expectNot(/想约下午/);
    expect((await session('web:b5')).answers.slotPart).toBeUndefined();
  });
});

describe('hit, said at the matter question', () => {
  it('「被老板打了」: the safety notice, recorded as 其他, and the booking goes on', async () => {
    await converse(t.chat, 'web:v1')
      .sendAll(...TO_MATTER)
      .send('被老板打了')
      .expect(/人身安全最要紧/)
      .expect(/记为「其他」/)
      .expect(/您想找谁帮忙/);
    expect((await session('web:v1')).answers.matter).toBe('other');
  });

  it('「工头把我打了一顿」: the same', async () => {
    await converse(t.chat, 'web:v2').sendAll(...TO_MATTER).send('工头把我打了一顿').expect(/记为「其他」/).expectNot(/请回复数字选择/);
    expect((await session('web:v2')).answers.matter).toBe('other');
  });
});

describe('choosing in words', () => {
  it('「驿站那个」 and 「人民路那个」 at the service points: the one point named', async () => {
    await converse(t.chat, 'web:p1').sendAll(...TO_POINTS).send('驿站那个').expect(/河西街道工会驿站最近的空闲时间/);
    await converse(t.chat, 'web:p2').sendAll(...TO_POINTS).send('人民路那个').expect(/青溪区法律援助工作站最近的空闲时间/);
  });

  // guard: words found in both points' addresses pick neither.
  it('「服务中心那个」 names both: the numbers asked for', async () => {
    await converse(t.chat, 'web:p3').sendAll(...TO_POINTS).send('服务中心那个').expect(/请回复服务点前面的数字/);
    expect((await session('web:p3')).fieldId).toBe('point');
  });

  it('「随便哪天」 at the list of times: the earliest, confirmed, nothing booked', async () => {
    await converse(t.chat, 'web:p4')
      .sendAll(...TO_POINTS, '1')
      .send('随便哪天')
      .expectNot(/请回复时间前面的数字/)
      .expect(/最早能约的是12月2日（周三） 14:00-14:30/)
      .expect(/对吗/);
    expect(await booked('web:p4')).toEqual([]);
  });
});

describe('after booking', () => {
  it('「找不到地方」 and 「在几楼」: the booked place, its address and its phone to ask the way', async () => {
    await converse(t.chat, 'web:a1')
      .sendAll(...BOOK)
      .expect(/预约成功/)
      .send('找不到地方')
      .expectNot(/没太明白/)
      .expect(/地址：河西街道滨河路120号/)
      .expect(/请打服务点电话 0771-5550108 问一下/)
      .send('在几楼')
      .expectNot(/没太明白/)
      .expect(/不知道在几楼，请打服务点电话 0771-5550108/);
  });

  it('「律师会不会告诉老板」: who sees what was said, never the wage report\'s answer', async () => {
    await converse(t.chat, 'web:a2')
      .sendAll(...BOOK)
      .send('律师会不会告诉老板')
      .expectNot(/登记欠薪|12333/)
      .expect(/只有为您咨询的律师和工会工作人员能看到，我们不会告诉老板或单位/);
    expect((await session('web:a2')).flowId ?? null).toBeNull();
  });

  it('「律师会不会告诉老板」 while booking: the same, and the question again', async () => {
    await converse(t.chat, 'web:a3')
      .sendAll(...TO_MATTER)
      .send('律师会不会告诉老板')
      .expect(/我们不会告诉老板或单位/)
      .expect(/您想咨询什么事/);
  });
});
