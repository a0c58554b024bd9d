/*
 * Booking legal aid: when to meet said alone at a question before the time (`下周三上午` at whether they
 * still work there, `周四上午` at how to consult). It was 「离开的日子不能在今天以后」 or 「请回复数字选择」
 * and the day was lost; now it is said back, kept for the time question, and the question asked again.
 * A wished day with no free time there is said at the time question, never dropped silently.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock: 东龙镇工会驿站 has 吴芳 on Tuesday and Thursday
 * mornings; the lawyer takes phone calls every working day).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session } = chatOnClock(NOW);

/** Legal aid about unpaid wages, up to whether they still work there. */
const toStill = (user: string) => converse(t.chat, user).sendAll('预约律师', '1', '1').expect(/您还在这家单位干吗/);

describe('when to meet, said alone before the time question', () => {
  it('下周三上午 at whether they still work there is kept and the question asked again', async () => {
    await toStill('web:wa1').send('下周三上午').expect(/好的，想约12月9日（周三）上午/).expect(/您还在这家单位干吗/).expectNot(/不能在今天以后/);
    const a = (await session('web:wa1')).answers;
    expect(a).toMatchObject({ slotDay: '2026-12-09', slotPart: 'morning' });
    expect(a).not.toHaveProperty('limit');
  });

  it('周四上午 at how to consult: that morning is shown at the time question', async () => {
    await toStill('web:wa2')
      .send('还在干')
      .expect(/您想怎么咨询/)
      .send('周四上午')
      .expect(/好的，想约12月3日（周四）上午/)
      .expect(/您想怎么咨询/)
      .expectNot(/请回复数字选择/)
      .sendAll('1', '东龙镇')
      .send('1')
      .expect(/12月3日（周四）上午东龙镇工会驿站还能约的时间/)
      .expect(/1\. 12月3日（周四） 09:00-09:30/);
  });

  it('a wished day with no free time there is said at the time question, not dropped silently', async () => {
    await toStill('web:wa3')
      .send('下周三上午')
      .sendAll('还在干', '1', '东龙镇')
      .send('1')
      .expect(/12月9日（周三）上午东龙镇工会驿站没有可约的时间/)
      .expect(/最近的空闲时间/);
  });

  it('a day already past is no wish: 昨天 is not kept as when to meet', async () => {
    await toStill('web:wa4').send('昨天').expectNot(/想约/);
    expect((await session('web:wa4')).answers).not.toHaveProperty('slotDay');
  });
});
