/*
 * When they left, said at whether they still work there (`10月底`, `上周五`): it was read as a change of the
 * arrears period (「您是要改成：拖欠时间「2026年10月（1个月）」」, three months turned into one on a hasty 对).
 * Now it is gone, and that month, confirmed together; `不对` asks which one; a day still ahead is no answer.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** 宏达建筑公司, August to October, 8,000, on one's own: up to whether they still work there. */
const toStill = (user: string) =>
  converse(t.chat, user).sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是', '今年8月到10月', '8000', '就我一个').expect(/还在这家单位干吗/);

describe('when they left, said at whether they still work there', () => {
  it('10月底: left in October, confirmed together; the period is untouched', async () => {
    await toStill('web:ls1')
      .send('10月底')
      .expect(/我理解的是：是否还在职「已经离开」、离开时间「2026年10月」。对吗？/)
      .expectNot(/您是要改成/)
      .send('对')
      .expect(/单位的地址/);
    expect((await session('web:ls1')).answers).toMatchObject({ stillEmployed: false, leftSince: '2026-10', period: { start: '2026-08', end: '2026-10', months: 3 } });
  });

  it('上周五: the day said back, November', async () => {
    await toStill('web:ls2').send('上周五').expect(/按2026年11月27日算/).expect(/离开时间「2026年11月」。对吗？/);
  });

  it('nothing is kept before the yes, and 不对 asks which one', async () => {
    await toStill('web:ls3').send('10月底').expect(/对吗？/);
    expect((await session('web:ls3')).answers).not.toHaveProperty('stillEmployed');
    await converse(t.chat, 'web:ls3').send('不对').expect(/哪一项不对/);
    expect((await session('web:ls3')).answers).not.toHaveProperty('leftSince');
  });

  it('a month that does not fit the period (owed to November, left end of October): which period is asked, the month kept; nothing changed before a choice', async () => {
    await converse(t.chat, 'web:ls5')
      .sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是', '今年10月到11月', '8000', '就我一个')
      .send('10月底')
      .expect(/您说2026年10月就离开了，可前面记的拖欠时间是2026年10月至2026年11月（2个月），算到了离开以后。/)
      .expectNot(/您是要改成|什么时候离开的/);
    expect((await session('web:ls5')).answers).toMatchObject({ period: { start: '2026-10', end: '2026-11', months: 2 } });
    expect((await session('web:ls5')).answers).not.toHaveProperty('stillEmployed');
    expect((await session('web:ls5')).answers).not.toHaveProperty('leftSince');
  });

  it('an amount worked out from a monthly wage follows the months when the period is cut at the month left', async () => {
    const toLeftMonth = (user: string) =>
      converse(t.chat, user)
        .sendAll('老板欠我三个月工资 一个月4000', '同意')
        .expect(/拖欠金额「12,000元（4,000元×3个月）」/)
        .sendAll('对', '宏达建筑公司', '东龙镇', '1', '不是', '就我一个', '走了')
        .send('10月')
        .expect(/拖欠的是哪段时间/);
    await toLeftMonth('web:ls6')
      .send('2')
      .expect(/拖欠金额也按4,000元×2个月改为8,000元/)
      .expect(/拖欠时间「2026年9月至2026年10月（2个月）」、拖欠金额「8,000元（4,000元×2个月）」/)
      .send('对');
    expect((await session('web:ls6')).answers).toMatchObject({ amount: { yuan: 8000 }, period: { months: 2 }, leftSince: '2026-10' });
    // The same three months (August to October): the amount stays as it was.
    await toLeftMonth('web:ls7').send('1').expectNot(/拖欠金额也按/);
    expect((await session('web:ls7')).answers).toMatchObject({ amount: { yuan: 12000 } });
  });

  it('a day still ahead is no answer: asked again, nothing kept', async () => {
    await toStill('web:ls4').send('12月5号').expect(/请回复1（还在干）或2（已经离开）/);
    expect((await session('web:ls4')).answers).not.toHaveProperty('stillEmployed');
  });
});
