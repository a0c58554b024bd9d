/*
 * Words at the legal-aid time question (h19), as transcripts on real Redis, on several clocks:
 *  - hours said as a bound or a choice (`下午4点前`, `四点之前`, `上午10点到11点之间`, `9点或者10点`): the free
 *    times within them, never one outside them, never the list re-asked;
 *  - `周末有人吗`, `节假日可以约吗`: said plainly that weekends and holidays are not booked, with the nearest times;
 *  - a bare `周四` on a Thursday night: next Thursday's times offered with the question, nothing taken;
 *  - `后天9点` after midnight: which day is asked (as `明天` is), the time kept for the day picked;
 *  - `这周都不行`, `除了周三都行`, `下个月`.
 * The phone consultation in 东龙镇 is booked (its lawyers are on duty every working day, 09:00-12:00, 14:00-17:30).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

/** Tuesday 1 December 2026, 10:00 (each test sets its own clock). */
const TUESDAY = '2026-12-01T10:00:00+08:00';
const THURSDAY_NIGHT = '2026-12-03T22:30:00+08:00';
const SATURDAY_1_30 = '2026-12-05T01:30:00+08:00';
const { t, clock, session, booked } = chatOnClock(TUESDAY);

/** To the time question: unpaid wages, still there, a phone consultation, 东龙镇. */
const toTimes = (user: string) =>
  converse(t.chat, user)
    .sendAll('我想找律师', '1', '1', '1', '2', '东龙镇')
    .expect(/电话咨询最近的空闲时间/);

/** The start times listed (`10:30` of `12月1日（周二） 10:30-11:00`). */
const listed = (text: string): string[] => [...text.matchAll(/（周.） (\d{2}:\d{2})-/gu)].map((m) => m[1]!);

describe('hours said as a bound or a choice', () => {
  for (const now of [TUESDAY, THURSDAY_NIGHT]) {
    it(`「下午4点前」 (${now}): afternoon times before 16:00 only`, async () => {
      clock.set(now);
      await toTimes(`web:b1${now.slice(8, 10)}`)
        .send('下午4点前')
        .expect(/下午4点以前还能约的时间/)
        .check((_, text) => {
          const times = listed(text);
          expect(times.length).toBeGreaterThan(1);
          for (const x of times) expect(x >= '14:00' && x < '16:00', x).toBe(true);
        });
    });
  }

  it('「四点之前」: times before 16:00', async () => {
    clock.set(TUESDAY);
    await toTimes('web:b2')
      .send('四点之前')
      .expect(/下午4点以前还能约的时间/)
      .check((_, text) => {
        for (const x of listed(text)) expect(x < '16:00', x).toBe(true);
      });
  });

  it('「上午10点到11点之间」: 10:00 and 10:30 only', async () => {
    clock.set(THURSDAY_NIGHT);
    await toTimes('web:b3')
      .send('上午10点到11点之间')
      .expect(/上午10点到11点之间还能约的时间/)
      .check((_, text) => {
        const times = listed(text);
        expect(times.length).toBeGreaterThan(1);
        for (const x of times) expect(['10:00', '10:30']).toContain(x);
      });
  });

  it('「9点或者10点」: those hours only, nothing taken', async () => {
    clock.set(TUESDAY);
    await toTimes('web:b4')
      .send('9点或者10点')
      .expect(/上午9点或者10点还能约的时间/)
      .check((_, text) => {
        for (const x of listed(text)) expect(['09:00', '10:00']).toContain(x);
      });
    expect((await session('web:b4')).answers.slot).toBeUndefined();
  });

  it('「明天下午3点到4点」: that day\'s 15:00 and 15:30', async () => {
    clock.set(TUESDAY);
    await toTimes('web:b5')
      .send('明天下午3点到4点')
      .expect(/12月2日（周三）下午3点到4点之间还能约的时间/)
      .check((_, text) => expect(listed(text)).toEqual(['15:00', '15:30']));
  });
});

describe('weekends and holidays asked about', () => {
  for (const [user, said] of [
    ['web:w1', '周末有人吗'],
    ['web:w2', '节假日可以约吗'],
  ] as const) {
    it(`「${said}」: not booked, said plainly, with the nearest times`, async () => {
      clock.set(THURSDAY_NIGHT);
      await toTimes(user)
        .send(said)
        .expect(/周末和节假日不安排咨询/)
        .expect(/12月4日（周五） 09:00-09:30/)
        .expectNot(/答不上来/);
    });
  }
});

describe('a bare weekday on that weekday\'s night', () => {
  it('「周四」 on a Thursday at 22:30: next Thursday offered with the question, nothing taken', async () => {
    clock.set(THURSDAY_NIGHT);
    await toTimes('web:d1')
      .send('周四')
      .expect(/您是说下周四（12月10日）吗/)
      .expect(/12月10日（周四） 09:00-09:30/)
      .expectNot(/12月3日/);
    expect((await session('web:d1')).answers.slot).toBeUndefined();
  });

  it('「周四9点」 then 1: next Thursday 9:00', async () => {
    clock.set(THURSDAY_NIGHT);
    await toTimes('web:d2')
      .send('周四9点')
      .expect(/您是说下周四（12月10日）吗/)
      .check((_, text) => expect(listed(text)).toEqual(['09:00']))
      .send('1')
      .expect(/怎么称呼您/);
    expect((await session('web:d2')).answers.slot).toMatchObject({ day: '2026-12-10', time: '09:00' });
  });

  it('「周四」 on a Thursday morning: today, as ever', async () => {
    clock.set('2026-12-03T10:00:00+08:00');
    await toTimes('web:d3').send('周四').expect(/12月3日（周四）还能约的时间/);
  });
});

describe('后天 after midnight', () => {
  it('「后天9点」 at 01:30 on a Saturday: which day is asked, never Monday taken silently', async () => {
    clock.set(SATURDAY_1_30);
    await toTimes('web:n1')
      .send('后天9点')
      .expect(/现在是凌晨，您说的「后天」是12月6日（周日）还是12月7日（周一）/)
      .expectNot(/怎么称呼您/);
    expect((await session('web:n1')).answers.slot).toBeUndefined();
  });

  it('「后天9点」 at 01:30 on a Tuesday, then 2: Thursday 9:00 (the time kept)', async () => {
    clock.set('2026-12-01T01:30:00+08:00');
    await toTimes('web:n2')
      .send('后天9点')
      .expect(/您说的「后天」是12月2日（周三）还是12月3日（周四）/)
      .send('2')
      .expect(/怎么称呼您/);
    expect((await session('web:n2')).answers.slot).toMatchObject({ day: '2026-12-03', time: '09:00' });
    expect(await booked('web:n2')).toHaveLength(0);
  });

  it('「后天」 at 10:00: the calendar\'s day after tomorrow, as ever', async () => {
    clock.set(TUESDAY);
    await toTimes('web:n3').send('后天').expect(/12月3日（周四）还能约的时间/);
  });
});

describe('weeks, days left out, next month', () => {
  it('「这周都不行」: from next Monday', async () => {
    clock.set(TUESDAY);
    await toTimes('web:x1').send('这周都不行').expect(/好的，不约这周。下周（12月7日起）的空闲时间/).expectNot(/12月1日（周二） 10:30/);
  });

  it('「除了周三都行」: Wednesday left out', async () => {
    clock.set(TUESDAY);
    await toTimes('web:x2').send('除了周三都行').expect(/好的，不约12月2日（周三）/).expectNot(/12月2日（周三） \d/);
  });

  it('「下个月」 early in a month: not bookable yet, said so', async () => {
    clock.set(TUESDAY);
    await toTimes('web:x3').send('下个月').expect(/下个月的时间还约不了/).expectNot(/请回复时间前面的数字/);
  });
});
