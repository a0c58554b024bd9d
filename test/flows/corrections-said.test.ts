/*
 * Corrections as people say them, as transcripts on real Redis:
 *  - at a 「我理解的是…对吗？」 confirmation, `不对 我是饿了么` is about the
 *    values waiting there (the platform), never the person's name; an answer
 *    the confirmation is not about is never changed without a question;
 *  - `对，不过我想改成视频` is not a plain yes: what follows 不过 is taken;
 *  - a bare month correcting a period that runs to now (`从5月到现在` →
 *    `不对 是4月`) is its new start, confirmed as 2026年4月至今; for a period
 *    that ended, a bare month is asked about;
 *  - at the summary, a correction naming its field (`单位名字写错了 是宏发电子厂`)
 *    changes that field, never the name, and 确认 then submits the new value.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** Joining the union up to the question how they work: consents, declaration, name, ID number, phone. */
function toEmployment(user: string, idNumber = '410526198803151237') {
  return converse(t.chat, user)
    .sendAll('入会', '1', '1', '1', '孙大海', idNumber)
    .send('13698765433')
    .expect(/您现在是怎么工作的？/);
}

describe('a correction at a confirmation is about the values waiting there', () => {
  it('我在美团送外卖 → 不对 我是饿了么: the platform becomes 饿了么; the name stays 孙大海', async () => {
    await toEmployment('web:cs1')
      .send('我在美团送外卖')
      .expect(/我理解的是：职业「外卖配送员」、接单平台「美团」。对吗？/)
      .send('不对 我是饿了么')
      .expect(/接单平台已改为「饿了么」/)
      .expectNot(/姓名已改为/)
      .expect(/您在饿了么是专送还是众包？/)
      .expectNot(/您在美团/);
    const s = await session('web:cs1');
    expect(s.answers).toMatchObject({ name: '孙大海', employment: 'new_form', occupation: 'food_delivery', platform: '饿了么' });
  });

  it('跑滴滴的 → 不对 我是曹操: the platform becomes 曹操出行; the name stays', async () => {
    await toEmployment('web:cs2')
      .send('跑滴滴的')
      .expect(/接单平台「滴滴」。对吗？/)
      .send('不对 我是曹操')
      .expect(/接单平台已改为「曹操出行」/)
      .expectNot(/姓名/);
    const s = await session('web:cs2');
    expect(s.answers).toMatchObject({ name: '孙大海', occupation: 'ride_hailing', platform: '曹操出行' });
  });

  it('送快递的 → 不对 我是中通: the platform the next question asks, confirmed with the work; never a name', async () => {
    await toEmployment('web:cs3')
      .send('送快递的')
      .expect(/我理解的是：职业「快递员」。对吗？/)
      .send('不对 我是中通')
      .expect(/我理解的是：职业「快递员」、接单平台「中通」。对吗？/)
      .expectNot(/姓名/)
      .send('对')
      .expect(/您在中通是专送还是众包？/);
    const s = await session('web:cs3');
    expect(s.answers).toMatchObject({ name: '孙大海', occupation: 'courier', platform: '中通' });
  });

  it('不对 我是张三 at the platform confirmation: the name is not changed without a question, and 不对 keeps 孙大海', async () => {
    await toEmployment('web:cs4')
      .send('我在美团送外卖')
      .expect(/接单平台「美团」。对吗？/)
      .send('不对 我是张三')
      .expectNot(/已改为/)
      .expectNot(/接单平台「张三」|您在张三/)
      .expect(/姓名「张三」，对吗？/)
      .send('不对');
    const s = await session('web:cs4');
    expect(s.answers).toMatchObject({ name: '孙大海' });
    expect(s.answers).not.toHaveProperty('platform', '张三');
  });
});

describe('yes, but … at a confirmation is a correction', () => {
  it('对，不过我想改成视频: the way to meet is 视频咨询, not the 电话咨询 read before', async () => {
    await converse(t.chat, 'web:cs5')
      .send('我想约律师电话咨询欠薪')
      .send('同意')
      .expect(/方式「电话咨询」。对吗？/)
      .send('对，不过我想改成视频')
      .expect(/方式已改为「视频咨询」/);
    const s = await session('web:cs5');
    expect(s.answers).toMatchObject({ mode: 'video' });
  });

  it('嗯 但是我要当面的: in person, not by phone', async () => {
    await converse(t.chat, 'web:cs6')
      .send('我想约律师电话咨询欠薪')
      .send('同意')
      .expect(/方式「电话咨询」。对吗？/)
      .send('嗯 但是我要当面的')
      .expect(/方式已改为「到服务点面谈」/);
    const s = await session('web:cs6');
    expect(s.answers).toMatchObject({ mode: 'in_person' });
  });

  it('对，不过… with nothing that can be taken is not a yes: the confirmation again, nothing recorded', async () => {
    await converse(t.chat, 'web:cs7')
      .send('我想约律师电话咨询欠薪')
      .send('同意')
      .expect(/方式「电话咨询」。对吗？/)
      .send('对，不过我再想想')
      .expect(/请回复「对」或「不对」/);
    const s = await session('web:cs7');
    expect(s.answers).not.toHaveProperty('mode');
  });
});

describe('a bare month correcting a period', () => {
  it('从今年五一以后就没发过 → 不对 是4月: 2026年4月至今, confirmed, never 2026年4月（1个月）', async () => {
    await converse(t.chat, 'web:cs8')
      .sendAll('欠薪', '1', '宏达建筑', '东龙镇', '不清楚', '不是')
      .send('从今年五一以后就没发过')
      .expect(/拖欠时间「2026年5月至今（7个月）」。对吗？/)
      .send('不对 是4月')
      .expectNot(/2026年4月（1个月）/)
      .expect(/我理解的是：拖欠时间「2026年4月至今（8个月）」。对吗？/)
      .send('对')
      .expect(/一共被拖欠了多少钱？/);
    const s = await session('web:cs8');
    expect(s.answers).toMatchObject({ period: { start: '2026-04', end: null, months: 8 } });
  });

  it('老板欠我两万三 从5月到现在 → 不对 是6月: 2026年6月至今 confirmed; the amount kept', async () => {
    await converse(t.chat, 'web:cs9')
      .send('老板欠我两万三 从5月到现在')
      .send('1')
      .expect(/拖欠时间「2026年5月至今（7个月）」、拖欠金额「23,000元」。对吗？/)
      .send('不对 是6月')
      .expectNot(/2026年6月（1个月）/)
      .expect(/拖欠时间「2026年6月至今（6个月）」。对吗？/)
      .send('对');
    const s = await session('web:cs9');
    expect(s.answers).toMatchObject({ period: { start: '2026-06', end: null, months: 6 }, amount: { yuan: 23000 } });
  });

  it('a bare month after the period was taken (at a later question): the new start, confirmed with the old one shown', async () => {
    await converse(t.chat, 'web:cs10')
      .send('老板欠我两万三 从5月到现在')
      .sendAll('1', '对', '宏达建筑')
      .send('不对 是6月')
      .expect(/您是要改成：拖欠时间「2026年6月至今（6个月）」，对吗？/)
      .expect(/之前填的是：拖欠时间「2026年5月至今（7个月）」/)
      .send('对');
    const s = await session('web:cs10');
    expect(s.answers).toMatchObject({ period: { start: '2026-06', end: null, months: 6 } });
  });

  it('不对 是6月份: 月份 is part of the month said, not a field named (it was not understood at all)', async () => {
    await converse(t.chat, 'web:cs15')
      .send('老板欠我两万三 从5月到现在')
      .send('1')
      .expect(/拖欠时间「2026年5月至今（7个月）」/)
      .send('不对 是6月份')
      .expectNot(/请回复「对」或「不对」/)
      .expect(/拖欠时间「2026年6月至今（6个月）」。对吗？/);
  });

  it('从5月到8月 → 不对 是6月: one month or the start? asked, never taken as 2026年6月（1个月）', async () => {
    await converse(t.chat, 'web:cs11')
      .send('老板欠我两万三 从5月到8月')
      .send('1')
      .expect(/拖欠时间「2026年5月至2026年8月（4个月）」/)
      .send('不对 是6月')
      .expectNot(/已改为/)
      .expect(/「6月」是只有这一个月，还是从6月开始算？/)
      .expect(/拖欠的是哪段时间的工资？/);
    let s = await session('web:cs11');
    expect(s.answers).not.toHaveProperty('period');
    expect(s.answers).toMatchObject({ amount: { yuan: 23000 } });
    await converse(t.chat, 'web:cs11').send('6月到8月').expect(/单位叫什么名字/);
    s = await session('web:cs11');
    expect(s.answers).toMatchObject({ period: { start: '2026-06', end: '2026-08', months: 3 } });
  });
});

describe('a correction pointing only at the last answer', () => {
  it('不对 是三个人 after the unit\'s name: never the unit\'s name', async () => {
    await converse(t.chat, 'web:cs16')
      .send('老板欠我两万三 从5月到现在')
      .sendAll('1', '对')
      .send('宏达建筑')
      .expect(/哪个镇或街道/)
      .send('不对 是三个人')
      .expectNot(/已改为「三个人」/)
      .expectNot(/「三个人」是哪一种/);
    const s = await session('web:cs16');
    expect(s.answers).not.toHaveProperty('employer', '三个人');
  });
});

describe('at the summary, a correction naming its field changes that field', () => {
  /** Joining as an employee of 宏达厂 in 东龙镇, living in 东龙镇, up to the summary. */
  function toReview(user: string, idNumber: string) {
    return toEmployment(user, idNumber)
      .sendAll('1', '宏达厂', '东龙镇', '1')
      .send('东龙镇')
      .expect(/请核对您的入会申请/)
      .expect(/工作单位：宏达厂/);
  }

  it('单位名字写错了 是宏发电子厂: the unit, never the name; 确认 then submits 宏发电子厂', async () => {
    await toReview('web:cs12', '410526198803151245')
      .send('单位名字写错了 是宏发电子厂')
      .expectNot(/哪一项要改/)
      .expectNot(/姓名已改为/)
      .expect(/工作单位已改为「宏发电子厂」/)
      .expect(/「宏发电子厂」在哪个镇或街道？/)
      .send('东龙镇')
      .expect(/工作单位：宏发电子厂/)
      .expect(/姓名：孙大海/)
      .send('确认')
      .expect(/入会申请已提交/);
  });

  it('公司名称不对 应该是宏发电子厂: the unit too', async () => {
    await toReview('web:cs13', '410526198803151253')
      .send('公司名称不对 应该是宏发电子厂')
      .expect(/工作单位已改为「宏发电子厂」/);
    const s = await session('web:cs13');
    expect(s.answers).toMatchObject({ name: '孙大海', employer: { name: '宏发电子厂' } });
  });

  it('对，不过地址写错了 是白沙镇: not a yes, so nothing is submitted; the address is changed', async () => {
    await toReview('web:cs17', '41052619880315127X')
      .send('对，不过地址写错了 是白沙镇')
      .expectNot(/已提交/)
      .expect(/地址已改为「青溪区白沙镇」/)
      .expect(/请核对您的入会申请/);
    const s = await session('web:cs17');
    expect(s.mode).toBe('review');
  });

  it('名字写错了 是孙大河: still the name', async () => {
    await toReview('web:cs14', '410526198803151261')
      .send('名字写错了 是孙大河')
      .expect(/姓名已改为「孙大河」/)
      .expect(/工作单位：宏达厂/);
  });
});
