/*
 * Legal-aid booking leftovers (h42), as transcripts on real Redis:
 *  - A day alone (`10月5日`) at 「我理解的是：咨询的事「工伤」。对吗？」: the day of injury, confirmed with 工伤
 *    (never 「请回复「对」或「不对」」, and 工伤 never dropped for it); `对 10月5日`: the yes and that day.
 *  - `律师叫什么名字`, `哪个律师`, `律师是谁` before a booking is made: the lawyer comes with the time booked (named
 *    when a time is picked), and the question again, never 「答不上来」; after a booking, who it names, and never a
 *    new booking begun for `哪个律师`; with no booking, never a booking begun.
 *  - `律师靠谱吗` at 「…对吗？」: answered, as elsewhere in the booking.
 *  - `是` to 「您说已经离开这家单位了，是哪天离开的？」: yes, they left (never 还在干); `对` to 「您还在这家单位干吗？」: still there.
 * Today is Tuesday 1 December 2026, 10:00 (吴芳 is on at 东龙镇工会驿站 on Tuesday and Thursday mornings).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);

/** To 「我理解的是：咨询的事「工伤」。对吗？」. */
const injuryConfirm = (user: string) => converse(t.chat, user).sendAll('我在工地受伤了想找律师', '同意').expect(/我理解的是：咨询的事「工伤」。对吗？/);

describe('a day alone while 工伤 waits for its yes', () => {
  it('「10月5日」: the day of injury, confirmed with 工伤; a yes keeps both', async () => {
    await injuryConfirm('web:d1')
      .send('10月5日')
      .expect(/我理解的是：咨询的事「工伤」、受伤日期「2026年10月5日受伤，工伤认定申请期限到2027年10月5日」。对吗？/)
      .expectNot(/请回复「对」或「不对」/)
      .send('对')
      .expect(/您自己申请的期限到2027年10月5日/)
      .expect(/您还在这家单位干吗？/);
    expect((await session('web:d1')).answers).toMatchObject({ matter: 'injury', injury: { on: '2026-10-05' } });
  });

  it('「10月5号吧」 then 「10月5号吧」 again: never 工伤 dropped', async () => {
    await injuryConfirm('web:d2')
      .send('10月5号吧')
      .expect(/咨询的事「工伤」、受伤日期「2026年10月5日受伤/)
      .send('10月5号吧')
      .expectNot(/先不记/);
    const s = await session('web:d2');
    expect(s.answers.matter ?? s.pending?.values.matter).toBe('injury');
  });

  it('「对 10月5日」: the yes, and that day confirmed (never dropped, never asked again)', async () => {
    await injuryConfirm('web:d3')
      .send('对 10月5日')
      .expect(/我理解的是：受伤日期「2026年10月5日受伤，工伤认定申请期限到2027年10月5日」。对吗？/)
      .expectNot(/您是哪天受伤的？/)
      .send('对')
      .expect(/您自己申请的期限到2027年10月5日/)
      .expect(/您还在这家单位干吗？/);
    expect((await session('web:d3')).answers).toMatchObject({ matter: 'injury', injury: { on: '2026-10-05' } });
  });

  // guard: `对 1` is the 1 of 「1. 对」, never option 1 (工伤已经认定了) of the question not yet shown.
  it('「对 1」: the yes only; the day of injury asked', async () => {
    await injuryConfirm('web:d6').send('对 1').expect(/您是哪天受伤的？/);
    expect((await session('web:d6')).answers.injury).toBeUndefined();
  });

  // guard: a day not yet come this year is no day of injury read silently as last year's: said why, and last year's
  // day confirmed first (h47; it was 「请回复「对」或「不对」」, and then 工伤 dropped).
  it('「12月5日」 (still to come): not taken as the day of injury', async () => {
    await injuryConfirm('web:d4').send('12月5日').expect(/今年的12月5日还没到，您说的应该是2025年12月5日。/).expect(/受伤日期「2025年12月5日受伤.*对吗？/);
    const s = await session('web:d4');
    expect(s.answers.injury).toBeUndefined();
  });

  // guard: the day said with the injury words, as before.
  it('「10月5日受的伤」: the same confirmation', async () => {
    await injuryConfirm('web:d5').send('10月5日受的伤').expect(/咨询的事「工伤」、受伤日期「2026年10月5日受伤/);
  });
});

describe('who the lawyer is', () => {
  it('「律师叫什么名字」 at the consent, 「律师是谁」 at 「…对吗？」: arranged with the time, told once booked; the question again', async () => {
    await converse(t.chat, 'web:w1')
      .send('我在工地受伤了想找律师')
      .send('律师叫什么名字')
      .expect(/预约成功后会告诉您是哪一位/)
      .expect(/您同意吗？/)
      .expectNot(/答不上来/)
      .send('同意')
      .send('律师是谁')
      .expect(/预约成功后会告诉您是哪一位/)
      .expect(/我理解的是：咨询的事「工伤」。对吗？/)
      .expectNot(/答不上来/)
      .send('哪个律师')
      .expect(/预约成功后会告诉您是哪一位/)
      .send('对')
      .expect(/您是哪天受伤的？/);
  });

  it('a time picked, not yet booked: who receives them at that time; after booking, who the booking names (never a new booking)', async () => {
    await converse(t.chat, 'web:w2')
      .sendAll('我想找律师 欠薪', '同意', '对', '还在干', '电话咨询', '东龙镇', '1')
      .expect(/怎么称呼您？/)
      .send('律师叫什么名字')
      .expect(/您选的这个时间由吴芳（工会律师）接待/)
      .expect(/怎么称呼您？/)
      .sendAll('王大军', '13800138000', '确认')
      .expect(/预约成功/)
      .send('哪个律师')
      .expect(/由吴芳（工会律师）接待/)
      .expectNot(/再约一个新的|您同意吗/)
      .send('律师是谁')
      .expect(/由吴芳（工会律师）接待/);
    expect((await session('web:w2')).flowId).toBeNull();
    expect(await booked('web:w2')).toHaveLength(1);
  });

  it('「律师是谁」 while moving a booking, before the new time is picked: told once moved', async () => {
    await converse(t.chat, 'web:w5')
      .sendAll('我想找律师 欠薪', '同意', '对', '还在干', '电话咨询', '东龙镇', '1', '王大军', '13800138000', '确认')
      .expect(/预约成功/)
      .sendAll('改约', '1')
      .send('律师是谁')
      .expect(/改约后接待您的工会律师按新约的时间安排，改约成功后会告诉您是哪一位/)
      .expectNot(/答不上来/);
  });

  it('no booking at all: said so, never a booking begun', async () => {
    await converse(t.chat, 'web:w3').send('律师叫什么名字').expect(/您现在没有约好的咨询/).expectNot(/您同意吗？/);
    expect((await session('web:w3')).flowId).toBeNull();
  });

  it('「律师靠谱吗」 at 「…对吗？」: answered, and the confirmation again', async () => {
    await injuryConfirm('web:w4')
      .send('律师靠谱吗')
      .expect(/工会律师是工会为职工安排的律师/)
      .expect(/咨询的事「工伤」。对吗？/)
      .expectNot(/答不上来/);
  });
});

describe('still there, or gone', () => {
  it('「是」 to 「您说已经离开这家单位了，是哪天离开的？」: gone (never 还在干); the day asked', async () => {
    await converse(t.chat, 'web:l1')
      .sendAll('我被开除了 想问问律师', '同意', '1')
      .expect(/您说已经离开这家单位了，是哪天离开的？/)
      .send('是')
      .expect(/好的，您已经离开了。是哪天离开的？/)
      .expectNot(/您想怎么咨询？/)
      .send('上个月20号')
      .expect(/2026年11月20日离开/);
    expect((await session('web:l1')).answers.limit).toEqual({ leftOn: '2026-11-20' });
  });

  it('「已经走了」 then 「是」: never 还在干', async () => {
    await converse(t.chat, 'web:l2')
      .sendAll('我想找律师', '同意', '欠薪', '已经走了')
      .expect(/请告诉我具体哪天离开的/)
      .send('是')
      .expectNot(/您想怎么咨询？/);
    expect((await session('web:l2')).answers.limit).toBeUndefined();
  });

  it('「对」 to 「您还在这家单位干吗？」: still there', async () => {
    await converse(t.chat, 'web:l3')
      .sendAll('我想找律师 欠薪', '同意', '对')
      .expect(/您还在这家单位干吗？/)
      .send('对')
      .expect(/您想怎么咨询？/);
    expect((await session('web:l3')).answers.limit).toEqual({ employed: true });
  });
});
