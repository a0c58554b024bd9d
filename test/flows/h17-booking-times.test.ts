/*
 * Times said at the legal-aid time question (h17), as transcripts on real Redis, on several clocks:
 *  - `下周三不行 周四可以`: the Thursday of next week (the week said with the day that does not suit), never this
 *    week's Thursday.
 *  - `周四三点以后`: that Thursday's times from 15:00 on, never 「请回复时间前面的数字」 (四三点 read as an hour).
 *  - `明天9点` said after midnight: which day is asked, and the 9点 is kept for the day picked (an option, or a
 *    day said), never the whole day's list.
 * The phone consultation in 东龙镇 is booked (its lawyers are on duty every working day, 09:00-12:00, 14:00-17:30).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

/** Tuesday 1 December 2026, 10:00 (each test sets its own clock). */
const TUESDAY = '2026-12-01T10:00:00+08:00';
const { t, clock, session } = chatOnClock(TUESDAY);

/** To the time question: unpaid wages, still there, a phone consultation, 东龙镇. */
const toTimes = (user: string) =>
  converse(t.chat, user)
    .sendAll('我想找律师', '1', '1', '1', '2', '东龙镇')
    .expect(/电话咨询最近的空闲时间/);

describe('a day that does not suit, then the one that does', () => {
  it('「下周三不行 周四可以」 on a Thursday night: next week\'s Thursday, never today', async () => {
    clock.set('2026-12-03T22:30:00+08:00');
    await toTimes('web:w1')
      .send('下周三不行 周四可以')
      .expect(/12月10日（周四）还能约的时间/)
      .expectNot(/12月3日/);
  });

  it('「下周三不行 周四可以」 on a Tuesday: next week\'s Thursday (beyond the booking window, said so), never this week\'s', async () => {
    clock.set(TUESDAY);
    await toTimes('web:w2')
      .send('下周三不行 周四可以')
      .expect(/12月10日（周四）还约不了/)
      .expectNot(/12月3日（周四）还能约的时间/);
    expect((await session('web:w2')).answers.slotDay).toBeUndefined();
  });

  it('「下周三不行，那就周四吧」 on a Saturday night: next week\'s Thursday', async () => {
    clock.set('2026-12-05T01:30:00+08:00');
    await toTimes('web:w3')
      .send('下周三不行，那就周四吧')
      .expect(/12月10日（周四）还能约的时间/);
  });

  it('「周三不行 周四可以」 with no week said: this week\'s Thursday, as ever', async () => {
    clock.set(TUESDAY);
    await toTimes('web:w4')
      .send('周三不行 周四可以')
      .expect(/12月3日（周四）还能约的时间/);
  });
});

describe('a weekday and an hour after which', () => {
  it('「周四三点以后」: that Thursday from 15:00 on, then picked', async () => {
    clock.set(TUESDAY);
    await toTimes('web:a1')
      .send('周四三点以后')
      .expect(/12月3日（周四）下午3点以后还能约的时间/)
      .check((replies, text) => {
        expect(text).toMatch(/1\. 12月3日（周四） 15:00-15:30/);
        expect(text).not.toMatch(/14:30-15:00|请回复时间前面的数字/);
      })
      .sendAll('1', '王芳', '13700001111')
      .expect(/时间：12月3日（周四） 15:00-15:30/);
  });

  it('「下周二下午三点以后」 on a Saturday night: that Tuesday from 15:00 on', async () => {
    clock.set('2026-12-05T01:30:00+08:00');
    await toTimes('web:a2')
      .send('下周二下午三点以后')
      .expect(/12月8日（周二）下午3点以后还能约的时间/)
      .expectNot(/14:30-15:00/);
  });
});

describe('「明天9点」 after midnight', () => {
  it('asked which day, with the time; 「1」 books 9点 on the coming day', async () => {
    clock.set('2026-12-02T01:30:00+08:00');
    await toTimes('web:n1')
      .send('明天9点')
      .expect(/现在是凌晨，您说的「明天」是12月2日（周三）还是12月3日（周四）？/)
      .expect(/1\. 12月2日（周三）上午9点/)
      .send('1')
      .expect(/怎么称呼您/)
      .sendAll('王芳', '13700001111')
      .expect(/时间：12月2日（周三） 09:00-09:30/);
  });

  it('the day said in words (「12月3日」) keeps the 9点', async () => {
    clock.set('2026-12-02T01:30:00+08:00');
    await toTimes('web:n2')
      .send('明天9点')
      .expect(/现在是凌晨/)
      .sendAll('12月3日', '王芳', '13700001111')
      .expect(/时间：12月3日（周四） 09:00-09:30/);
  });

  it('「明天下午3点」 then 「今天」: 15:00 on the coming day', async () => {
    clock.set('2026-12-02T01:30:00+08:00');
    await toTimes('web:n3')
      .send('明天下午3点')
      .expect(/12月2日（周三）下午3点/)
      .sendAll('今天', '王芳', '13700001111')
      .expect(/时间：12月2日（周三） 15:00-15:30/);
  });

  it('another day said instead (「后天」): that day\'s list, the 9点 not forced on it', async () => {
    clock.set('2026-12-02T01:30:00+08:00');
    await toTimes('web:n4')
      .send('明天9点')
      .send('后天')
      .expect(/12月4日（周五）还能约的时间/);
    expect((await session('web:n4')).answers.slotAt).toBeUndefined();
  });
});

describe('either of two weekdays', () => {
  it('「周三或者周四」 on a Thursday night: next week\'s pair, never next Wednesday with today', async () => {
    clock.set('2026-12-03T22:30:00+08:00');
    await toTimes('web:e1')
      .send('周三或者周四')
      .expect(/周三或者周四是12月9日（周三）或12月10日（周四）/)
      .expectNot(/12月3日（周四）/);
  });

  it('「周三或者周四」 on a Tuesday: this week\'s, as ever', async () => {
    clock.set(TUESDAY);
    await toTimes('web:e2')
      .send('周三或者周四')
      .expect(/周三或者周四是12月2日（周三）或12月3日（周四）/);
  });
});

describe('what does not suit, and what does, in other words', () => {
  it('「周四上午不行 下午可以」: that Thursday\'s afternoon, never every afternoon from today', async () => {
    clock.set(TUESDAY);
    await toTimes('web:o1')
      .send('周四上午不行 下午可以')
      .expect(/12月3日（周四）下午还能约的时间/)
      .expectNot(/12月1日（周二） 14:00/);
  });

  it('「不是下周三，是周四」 on a Thursday night: next week\'s Thursday, never the place asked again', async () => {
    clock.set('2026-12-03T22:30:00+08:00');
    await toTimes('web:o2')
      .send('不是下周三，是周四')
      .expect(/12月10日（周四）还能约的时间/)
      .expectNot(/您在哪个镇或街道/);
  });

  it('「周三周四都可以」: either day, said back', async () => {
    clock.set(TUESDAY);
    await toTimes('web:o3')
      .send('周三周四都可以')
      .expect(/周三周四是12月2日（周三）或12月3日（周四）/);
  });

  it('「周二不行」 on a Tuesday: today left out of the list; a pick is another day', async () => {
    clock.set(TUESDAY);
    await toTimes('web:o4')
      .send('周二不行')
      .expect(/好的，不约12月1日（周二）。其他还能约的时间/)
      .expectNot(/\d+\. 12月1日（周二）/)
      .sendAll('1', '王芳', '13700001111')
      .expect(/时间：12月2日（周三） 09:00-09:30/);
  });

  it('「明天不行」 after midnight: never asked which day (whose options would offer it), the list as it is', async () => {
    clock.set('2026-12-02T01:30:00+08:00');
    await toTimes('web:o5')
      .send('明天不行')
      .expectNot(/您说的「明天」是/)
      .expect(/请从下面选一个您方便的时间/);
    expect((await session('web:o5')).answers.slotNight).toBeUndefined();
  });
});

describe('the week after next', () => {
  it('「下下周」 on a Saturday night: the times from Monday 14 December on', async () => {
    clock.set('2026-12-05T01:30:00+08:00');
    await toTimes('web:k1')
      .send('下下周')
      .expect(/下下周（12月14日起）的空闲时间/)
      .expect(/1\. 12月14日（周一） 09:00-09:30/);
  });

  it('「下下周」 on a Tuesday (beyond the booking window): said so, never 「请回复时间前面的数字」', async () => {
    clock.set(TUESDAY);
    await toTimes('web:k2')
      .send('下下周')
      .expect(/下下周（12月14日起）能约的时间还没有放出来/)
      .expectNot(/请回复时间前面的数字/);
  });
});
