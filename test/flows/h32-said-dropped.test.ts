/*
 * Words that were dropped or misread (h32), as transcripts on real Redis:
 *  - At joining's unit question, `好再来饭店 在东龙镇新塘村`: the unit and its township, confirmed together; the
 *    town with its village (`东龙镇新塘村`) is a place, never a second unit's name.
 *  - Booking legal aid, a time said at the place or the service-point question (`下礼拜二下午吧 不行就周三`,
 *    `明天 越早越好`, `下午三点以后都行`, `明天上午。不行就后天`): kept for the time question and said
 *    back; never 「没找到「…」」 as if it were a township.
 *  - The leaving day: `上上个月15号` is 15 October; `走了半个月了` keeps November and asks the day;
 *    `俺早不干了 九月份走的` keeps September and asks the day.
 *  - `三号` where numbered choices are shown (the towns, the service points): maybe choice 3, never kept as a day.
 *  - `找律师 我是送外卖的 被站长扣钱`: wages deducted, proposed as 欠薪.
 *  - `上个月二十号左右` as the injury day: said back as about that day.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { parseDayTime } from '../../flows/parsers/day.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const NOT_FOUND = /没找到/;

describe('the unit said with its town and village', () => {
  it('「好再来饭店 在东龙镇新塘村」: the unit and 东龙镇 confirmed together, never the unit asked again', async () => {
    const user = 'web:h32-unit';
    await converse(t.chat, user)
      .sendAll('我要入会', '同意', '1', '1', '张三', '45010319900607123X', '13800138000')
      .send('1')
      .expect(/您在哪家单位工作/)
      .send('好再来饭店 在东龙镇新塘村')
      .expect(/好再来饭店/)
      .expect(/东龙镇/)
      .expectNot(/您在哪家单位工作/)
      .send('对')
      .expectNot(/您在哪家单位工作|在哪个镇或街道/);
    const a = (await session(user)).answers;
    expect(a.employer).toEqual({ name: '好再来饭店', employerId: null });
    expect(a.workplace).toMatchObject({ townshipId: 't01' });
  });
});

/** A phone (or in-person) booking for a wage matter, at the township question. */
const toPlace = (user: string, mode: string) =>
  converse(t.chat, user).sendAll('预约法律援助', '同意', '欠薪', '还在干', '找律师').send(mode).expect(/您在哪个镇或街道/);

describe('a time said before the time question', () => {
  const cases: [string, RegExp, Record<string, unknown>][] = [
    ['下礼拜二下午吧 不行就周三', /12月8日（周二）下午/, { slotDay: '2026-12-08', slotPart: 'afternoon' }],
    ['明天上午。不行就后天', /12月2日（周三）上午/, { slotDay: '2026-12-02', slotPart: 'morning' }],
    ['明天 越早越好', /12月2日（周三）/, { slotDay: '2026-12-02' }],
    ['下午三点以后都行', /下午3点以后/, { slotPart: 'afternoon', slotAfter: '15:00' }],
  ];
  for (const [said, back, kept] of cases) {
    it(`「${said}」 at the township question (by phone): kept for the time question, said back, the township asked again`, async () => {
      const user = `web:h32-place-${said}`;
      await toPlace(user, '电话').send(said).expectNot(NOT_FOUND).expect(back).expect(/选时间时/).expect(/您在哪个镇或街道/);
      expect((await session(user)).answers).toMatchObject(kept);
    });
  }

  it('「下礼拜二下午吧 不行就周三」 then 东龙镇: that Tuesday afternoon\'s times are shown', async () => {
    await toPlace('web:h32-place-list', '电话').send('下礼拜二下午吧 不行就周三').send('东龙镇').expect(/12月8日（周二）下午电话咨询还能约的时间/);
  });

  for (const said of ['下礼拜二下午吧 不行就周三', '后天下午三点']) {
    it(`「${said}」 at the service point (in person): kept for the time question, the point asked first`, async () => {
      const user = `web:h32-point-${said}`;
      await toPlace(user, '面谈').send('东龙镇').expect(/服务点/).send(said).expect(/好的，想约/).expect(/先选服务点/);
      expect((await session(user)).answers.slotDay).toMatch(/^2026-12-0[38]$/);
    });
  }
});

describe('三号 where numbered choices are shown', () => {
  it('at the township question (by phone) and at the service point (in person): maybe choice 3, never kept as a day', async () => {
    const byPhone = 'web:h32-three-place';
    await toPlace(byPhone, '电话').send('三号').expectNot(/想约/);
    expect((await session(byPhone)).answers).not.toHaveProperty('slotDay');
    const inPerson = 'web:h32-three-point';
    await toPlace(inPerson, '面谈').send('东龙镇').expect(/服务点/).send('三号').expectNot(/想约/);
    expect((await session(inPerson)).answers).not.toHaveProperty('slotDay');
  });
});

/** A wage booking at the leaving-day question. */
const toLeft = (user: string) => converse(t.chat, user).sendAll('预约法律援助', '同意').send('欠薪').expect(/哪天离开/);

describe('the leaving day', () => {
  it('上上个月15号 is 15 October (the parser too)', async () => {
    expect(parseDayTime('上上个月15号', new Date(NOW), 'past')).toMatchObject({ ok: true, value: { day: '2026-10-15' } });
    const user = 'web:h32-left-1';
    await toLeft(user).send('上上个月15号').expect(/2026年10月15日/);
    expect((await session(user)).answers.limit).toEqual({ leftOn: '2026-10-15' });
  });

  it('走了半个月了: November kept, its day asked', async () => {
    const user = 'web:h32-left-2';
    await toLeft(user).send('走了半个月了').expect(/2026年11月几号离开/);
    expect((await session(user)).answers).toMatchObject({ limitMonth: '2026-11' });
    expect((await session(user)).answers).not.toHaveProperty('limit');
  });

  it('俺早不干了 九月份走的: September kept, its day asked', async () => {
    const user = 'web:h32-left-3';
    await toLeft(user).send('俺早不干了 九月份走的').expect(/2026年9月几号离开/);
    expect((await session(user)).answers).toMatchObject({ limitMonth: '2026-09' });
  });
});

describe('wages deducted', () => {
  it('「找律师 我是送外卖的 被站长扣钱」: 欠薪 proposed', async () => {
    const user = 'web:h32-deduct';
    await converse(t.chat, user).send('找律师 我是送外卖的 被站长扣钱').send('同意').expect(/咨询的事「欠薪」/);
  });
});

describe('about a day', () => {
  it('上个月二十号左右 as the injury day: said back as about 11月20日', async () => {
    const user = 'web:h32-about';
    await converse(t.chat, user).sendAll('预约法律援助', '同意').send('工伤').send('上个月二十号左右').expect(/记为2026年11月20日左右受伤/);
  });
});

describe('a day off said before the time question', () => {
  it('周六上午 at the service point: said to be no working day, the point asked again as the same form (no 「我们接着填」)', async () => {
    const user = 'web:h32-day-off';
    await toPlace(user, '面谈')
      .send('东龙镇')
      .expect(/服务点/)
      .send('周六上午')
      .expect(/不上班，不安排咨询/)
      .expectNot(/我们接着填/)
      .expect(/服务点/);
    expect((await session(user)).answers).not.toHaveProperty('slotDay');
  });
});
