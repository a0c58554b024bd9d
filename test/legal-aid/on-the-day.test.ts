/*
 * On the day of a booking at a service point, in the person's own words: `我到了` got 「没太明白」 and the menu;
 * `律师在哪` started a new booking (its consent question), where `我会晚到10分钟` and `地址在哪` were then stuck.
 * Now: whom to ask for by the booking's number, where it is, and to come anyway with the point's phone;
 * nothing new is started and the booking is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { bookedThursday, converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** Booked: unpaid wages, at 东龙镇工会驿站 on Thursday 3 December 09:00. */
const booked = (user: string) => bookedThursday(t.chat, user);

describe('the day of a booking at a service point', () => {
  it('我到了 → whom to ask for and the number; 律师在哪 → the place and address, no new booking; 我会晚到10分钟 → come anyway, the point\'s phone', async () => {
    const user = 'web:day1';
    const chat = booked(user);
    await chat;
    const [b] = await t.chat.bookings.listByUser(user);
    await chat
      .send('我到了')
      .expect(new RegExp(`^好的。请进东龙镇工会驿站，说您约了\\S+律师，预约号 ${b!.bookingNo}（12月3日（周四） 09:00-09:30）。找不到的话，打 0771-5550101。`))
      .expectNot(/没太明白/)
      .send('律师在哪')
      .expect(/地点：东龙镇工会驿站\n地址：东龙镇龙兴路18号/)
      .expectNot(/同意吗/)
      .send('我会晚到10分钟')
      .expect(/^好的，路上注意安全，到了直接进去就行。晚得多的话，请打 0771-5550101 跟服务点说一声。/);
    expect((await session(user)).flowId).toBeNull();
    const after = await t.chat.bookings.listByUser(user);
    expect(after.map((x) => [x.bookingNo, x.status, x.slot.start])).toEqual([[b!.bookingNo, 'booked', b!.slot.start]]);
  });

  it('with no booking, 我到了 is not answered as if there were one', async () => {
    await converse(t.chat, 'web:day2').send('我到了').expectNot(/预约号|服务点/);
  });
});
