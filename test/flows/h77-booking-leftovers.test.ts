/*
 * Leftovers of booking legal aid (h77), on Tuesday 1 December 2026 at 10:00:
 *  - `能不能不留电话`, `不留电话行吗` at the booking's phone question got the knowledge base's answer written for the
 *    wage report (反映欠薪…12333): now why the booking needs a number (what the lawyer calls it for, by the way to
 *    meet), how it is kept, and what to do without one (a service point, 12351); then the question again.
 *  - `过两天` at the times was not understood: now the times from 12月3日 on, the day said back, nothing picked.
 *    `过几天` got 「这个问题我还答不上来」: now which day is asked, with the list again.
 *  - `20号以后` (a Sunday beyond the 7 working days) was told 「是周末」: now that only 7 working days can be booked.
 *  - `周五以后下午3点` (and `过三天下午3点`) took 12月4日 15:00 without a word: any day from Friday was meant, so
 *    that time is now proposed, kept only on a yes.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');

/** Up to the times of 河西街道工会驿站 (a wage matter, still employed, in person). */
const TO_TIMES = ['我想找律师', '同意', '欠薪', '还在干', '1', '河西街道', '1'] as const;
/** Up to the phone number (12月2日 14:00 picked, 王芳). */
const TO_PHONE = [...TO_TIMES, '1', '王芳'] as const;
/** By phone: up to the phone number. */
const TO_PHONE_BY_PHONE = ['我想找律师', '同意', '欠薪', '还在干', '2', '河西街道', '1', '王芳'] as const;
const NOT_KNOWN = /这个问题我还答不上来/;

describe('no phone number wished for, at the booking\'s phone question', () => {
  it.each([
    ['能不能不留电话', 'p1'],
    ['不留电话行吗', 'p2'],
  ])('`%s`: why the booking needs one and what to do without, never the wage report\'s answer; nothing taken', async (said, id) => {
    await converse(t.chat, `web:h77-${id}`)
      .sendAll(...TO_PHONE)
      .expect(/您的手机号是多少/)
      .send(said)
      .expect(/律师要打这个号码跟您确认见面的时间/)
      .expect(/只有为您咨询的律师能看到/)
      .expect(/12351/)
      .expect(/您的手机号是多少/)
      .expectNot(/反映欠薪|12333/)
      .expectNot(NOT_KNOWN);
    const s = await session(`web:h77-${id}`);
    expect(s.flowId).toBe('legal');
    expect(s.fieldId).toBe('phone');
    expect(s.answers).not.toHaveProperty('phone');
    expect(s.pending).toBeNull();
  });

  it('by phone: the number is what the lawyer calls for the consultation', async () => {
    await converse(t.chat, 'web:h77-p3')
      .sendAll(...TO_PHONE_BY_PHONE)
      .expect(/到时律师或检察官会打这个号码/)
      .send('能不能不留电话')
      .expect(/电话咨询时律师要打这个号码给您/)
      .expectNot(/12333/);
  });

  it('asked twice: never the same words again, then the number is taken', async () => {
    await converse(t.chat, 'web:h77-p4')
      .sendAll(...TO_PHONE, '能不能不留电话')
      .send('不留电话行吗')
      .expectNot(/律师要打这个号码跟您确认见面的时间/)
      .expect(/回复「人工」/)
      .send('13700001111')
      .expect(/联系人：王芳/);
  });

  // guard: someone else's number asked about is still the phone question's own answer (the kit's `asked`).
  it('`用我老婆的行吗`: yes, a number that reaches them', async () => {
    await converse(t.chat, 'web:h77-p5').sendAll(...TO_PHONE).send('用我老婆的行吗').expect(/留家人或工友的手机号也行/);
  });
});

describe('`过两天`, `过几天` at the times', () => {
  it.each([
    ['过两天', 'd1'],
    ['过两天吧', 'd2'],
  ])('`%s`: the times from 12月3日 on, the day said back; nothing picked', async (said, id) => {
    await converse(t.chat, `web:h77-${id}`)
      .sendAll(...TO_TIMES)
      .send(said)
      .expect(/过两天是12月3日（周四）/)
      .expect(/从这天起还能约的时间/)
      .expectNot(/请回复时间前面的数字/)
      .expectNot(/12月2日（周三） 14:00/);
    const s = await session(`web:h77-${id}`);
    expect(s.answers).not.toHaveProperty('slot');
    expect(String((s.answers as { slotFrom?: string }).slotFrom)).toBe(new Date(Date.parse('2026-12-03T00:00:00+08:00') - 1000).toISOString());
  });

  it('`过几天`: which day is asked, with the list again; nothing picked or narrowed', async () => {
    await converse(t.chat, 'web:h77-d3')
      .sendAll(...TO_TIMES)
      .send('过几天')
      .expect(/「过几天」是哪天呢？请直接说日期/)
      .expect(/12月2日（周三） 14:00/)
      .expectNot(NOT_KNOWN);
    const s = await session('web:h77-d3');
    expect(s.answers).not.toHaveProperty('slot');
    expect(s.answers).not.toHaveProperty('slotFrom');
  });

  // guard: `过两天再说` is a wish to come back later (the draft kept), never a time.
  it('`过两天再说`: paused, the booking kept', async () => {
    await converse(t.chat, 'web:h77-d4').sendAll(...TO_TIMES).send('过两天再说').expect(/先帮您保存着/);
    expect((await session('web:h77-d4')).answers).not.toHaveProperty('slot');
  });
});

describe('a day from which on, with a time (class A)', () => {
  it.each([
    ['过三天下午3点', /过三天是12月4日（周五），这天15:00-15:30还能约/, 'c1'],
    ['周五以后下午3点', /周五是12月4日（周五），这天15:00-15:30还能约/, 'c2'],
  ])('`%s`: the first such day\'s time proposed, kept only on a yes (it was taken silently)', async (said, proposed, id) => {
    await converse(t.chat, `web:h77-${id}`).sendAll(...TO_TIMES).send(said).expect(proposed).expect(/对吗/);
    expect((await session(`web:h77-${id}`)).answers).not.toHaveProperty('slot');
    await converse(t.chat, `web:h77-${id}`).send('对').expect(/怎么称呼您/);
    expect(((await session(`web:h77-${id}`)).answers as { slot?: { day: string; time: string } }).slot).toMatchObject({ day: '2026-12-04', time: '15:00' });
  });
});

describe('a day beyond the days that can be booked', () => {
  it.each([
    ['20号以后', /20日是12月20日（周日），这天还约不了：只能预约最近7个工作日内的时间/, 'w1'],
    ['12月20号', /12月20日（周日）还约不了：只能预约最近7个工作日内的时间/, 'w2'],
  ])('`%s` (a Sunday): the booking window is the reason, never 「是周末」', async (said, why, id) => {
    await converse(t.chat, `web:h77-${id}`).sendAll(...TO_TIMES).send(said).expect(why).expectNot(/是周末/);
    expect((await session(`web:h77-${id}`)).answers).not.toHaveProperty('slot');
  });

  it('`元旦` (a holiday beyond the window): the window first, the holiday after it', async () => {
    await converse(t.chat, 'web:h77-w3')
      .sendAll(...TO_TIMES)
      .send('元旦')
      .expect(/元旦是1月1日（周五），这天还约不了：只能预约最近7个工作日内的时间（到12月9日（周三）），而且这天是元旦假期/);
  });

  // guard: a weekend within the window is still told it is the weekend, with the nearest times.
  it('`周六` (within the window): 是周末', async () => {
    await converse(t.chat, 'web:h77-w4').sendAll(...TO_TIMES).send('周六').expect(/12月5日（周六）是周末，不安排咨询/);
  });
});
