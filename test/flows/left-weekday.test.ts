/*
 * The day someone left, said as a weekday (`上周五`, `上上个礼拜三`, `星期一`): the latest such day not
 * after today, said back as its date and confirmed; before, it was «没看明白是哪个月» again and again.
 * Today is Tuesday 1 December 2026 (a fixed clock), so last Friday is 27 November.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A report about 宏达建筑公司, August to October, 8,000, on one's own, left: up to the day they left. */
const toLeft = (user: string) =>
  converse(t.chat, user)
    .sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是', '今年8月到10月', '8000', '就我一个')
    .send('已经不干了')
    .expect(/什么时候离开的/);

describe('the day left, said as a weekday', () => {
  it('上周五 is 27 November, said back and confirmed', async () => {
    await toLeft('web:lw1').send('上周五').expect(/按2026年11月27日算/).expect(/离开时间「2026年11月」。对吗？/).expectNot(/没看明白/).send('对').expect(/单位的地址/);
    expect((await session('web:lw1')).answers).toMatchObject({ leftSince: '2026-11', stillEmployed: false });
  });

  it('上上个礼拜三 is 18 November; 星期一 is yesterday', async () => {
    await toLeft('web:lw2').send('上上个礼拜三').expect(/按2026年11月18日算/).expect(/对吗？/);
    await toLeft('web:lw3').send('星期一走的').expect(/按2026年11月30日算/).expect(/对吗？/);
  });

  it('nothing is recorded before the yes, and 不对 asks again', async () => {
    await toLeft('web:lw4').send('上周五').expect(/对吗？/);
    expect((await session('web:lw4')).answers).not.toHaveProperty('leftSince');
    await converse(t.chat, 'web:lw4').send('不对').expect(/什么时候离开/);
    expect((await session('web:lw4')).answers).not.toHaveProperty('leftSince');
  });

  it('a weekday that does not exist is not read as one', async () => {
    await toLeft('web:lw5').send('上周八').expect(/没看明白|什么时候离开/).expectNot(/按2026年/);
    expect((await session('web:lw5')).answers).not.toHaveProperty('leftSince');
  });
});
