/*
 * After booking, and while booking, what the person meant (ninth part), as transcripts on real Redis:
 *  - `律师叫什么名字`, `接待的是谁` after booking: the provider the booking names (as its confirmation does),
 *    and how they meet; never a new booking begun (it began one: 律师 in the words).
 *  - `我要带什么`, `要带什么材料` after booking: the materials for the booking's matter (the confirmation's list;
 *    a work injury's its own), never the fallback.
 *  - `周四来不了 改周五` (`改下周二`: next week's, never this week's): the reschedule opened at that day's times;
 *    nothing changes until the new time is confirmed.
 *  - B20: an answer with when to meet said after it (`1 下周一上午` at the two-matter list, `对 下周一上午` at
 *    「…对吗？」): the answer taken, the day kept for the time question (its times shown there), never the
 *    five-matter list again with the day dropped.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock: the demo directory's lawyer takes phone calls every
 * working day; the 东龙镇工会驿站 has 吴芳 on Tuesday and Thursday mornings).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session, booked } = chatOnClock(NOW);


/** At 东龙镇工会驿站 on Thursday 3 December 09:00, about unpaid wages: booked. */
const inPersonThursday = (user: string) =>
  converse(t.chat, user)
    .sendAll('预约律师', '1', '1', '还在干', '1', '东龙镇', '1', '12月3日', '1', '李明', '13800138000', '确认')
    .expect(/预约成功/)
    .expect(/时间：12月3日（周四） 09:00-09:30/);
/** By phone from 河西 on Thursday 3 December 09:00, matter `matter` (the words after the consent): booked. */
const byPhoneThursday = (user: string, ...matter: string[]) =>
  converse(t.chat, user)
    .sendAll('预约律师', '1', ...matter, '还在干', '电话', '河西', '12月3日', '1', '张三', '13800138000', '确认')
    .expect(/预约成功/)
    .expect(/时间：12月3日（周四） 09:00-09:30/);

describe('who receives them, asked after booking', () => {
  it('「律师叫什么名字」 names the lawyer of the booking and where to come; no new booking is begun', async () => {
    await inPersonThursday('web:w1')
      .send('律师叫什么名字')
      .expect(/您预约的工会律师咨询（12月3日（周四） 09:00-09:30）由吴芳（工会律师）接待，请按时到东龙镇工会驿站/)
      .expectNot(/您同意吗|再约一个新的|答不上来/);
    const s = await session('web:w1');
    expect(s.flowId).toBeFalsy();
    expect(await booked('web:w1')).toHaveLength(1);
  });

  it('「接待的是谁」 for a call says who calls and on which (masked) number', async () => {
    await byPhoneThursday('web:w2', '1')
      .send('接待的是谁')
      .expect(/由周明（工会律师）接待，到时会打您的手机 138\*{4}8000，请保持畅通/)
      .expectNot(/您同意吗|答不上来/);
  });
});

describe('what to bring, asked after booking', () => {
  it('「我要带什么」 at a service point: the list for unpaid wages, in a short answer', async () => {
    await inPersonThursday('web:m1')
      .send('我要带什么')
      .expect(/请带上：身份证；劳动合同（没有的话，工牌、工作服、考勤记录也能证明在那里干活）；工资条或银行流水；欠条、聊天记录、录音等证据。/)
      .expect(/没有的也不要紧/)
      .expectNot(/答不上来|您同意吗/);
  });

  it('「要带什么材料」 for a call about a work injury: what to have at hand for that matter', async () => {
    await byPhoneThursday('web:m2', '工伤', '1')
      .expect(/病历、诊断证明和医药费票据/)
      .send('要带什么材料')
      .expect(/您预约的是工伤的工会律师咨询/)
      .expect(/请提前准备好（咨询时可能要拍照发给对方看）：身份证；.*病历、诊断证明和医药费票据/)
      .expectNot(/欠条|答不上来/);
  });
});

describe('「周四来不了 改周五」 after booking', () => {
  it('opens the reschedule at Friday\'s times, and the Thursday booking stays until the new time is confirmed', async () => {
    await byPhoneThursday('web:r1', '1');
    const [b0] = await booked('web:r1');
    const no = b0!.bookingNo;
    await converse(t.chat, 'web:r1')
      .send('周四来不了 改周五')
      .expect(new RegExp(`为预约 ${no} 改时间（现在是12月3日（周四） 09:00-09:30）。在您确认新的时间之前，原来的预约一直保留`))
      .expect(/12月4日（周五）和原来一样的时间（09:00-09:30）还空着，是下面第1个。/)
      .expect(/12月4日（周五）还能约的时间/)
      .expect(/1\. 12月4日（周五） 09:00-09:30/)
      .expectNot(/2\. 取消这个预约/);
    expect((await booked('web:r1'))[0]!.slot.key).toBe(b0!.slot.key);
    await converse(t.chat, 'web:r1')
      .send('1')
      .expect(new RegExp(`原预约 ${no} 在您确认之前保持不变`))
      .expect(/时间：12月4日（周五） 09:00-09:30/);
    expect((await booked('web:r1'))[0]!.slot.key).toBe(b0!.slot.key);
    await converse(t.chat, 'web:r1').send('确认').expect(new RegExp(`改约成功！预约号仍是 ${no}`));
    const [b1] = await booked('web:r1');
    expect(b1!.slot.start).toBe(new Date('2026-12-04T09:00:00+08:00').toISOString());
  });

  it('「周四来不了 改下周二」 is next week\'s Tuesday, never this week\'s (today)', async () => {
    await byPhoneThursday('web:r2', '1')
      .send('周四来不了 改下周二')
      .expect(/改时间（现在是12月3日（周四） 09:00-09:30）/)
      .expect(/12月8日（周二）还能约的时间/)
      .expectNot(/12月1日（周二）/);
  });
});

describe('an answer with when to meet said after it (B20)', () => {
  it('「1 下周一上午」 at the two-matter list takes 欠薪 and keeps Monday morning for the time question', async () => {
    await converse(t.chat, 'web:d1')
      .sendAll('预约律师', '1')
      .send('工伤和欠薪都有')
      .expect(/预约先记一件主要的，请选：/)
      .send('1 下周一上午')
      .expect(/您还在这家单位干吗/)
      .expectNot(/3\. 劳动合同|请回复数字选择/)
      .sendAll('还在干', '电话', '东龙镇')
      .expect(/12月7日（周一）上午电话咨询还能约的时间/)
      .expect(/1\. 12月7日（周一） 09:00-09:30/);
    expect((await session('web:d1')).answers).toMatchObject({ matter: 'wage', slotDay: '2026-12-07', slotPart: 'morning' });
  });

  it('「第一个 下周一上午」 there is the same', async () => {
    await converse(t.chat, 'web:d2')
      .sendAll('预约律师', '1', '工伤和欠薪都有')
      .send('第一个 下周一上午')
      .expect(/您还在这家单位干吗/)
      .expectNot(/3\. 劳动合同/);
    expect((await session('web:d2')).answers).toMatchObject({ matter: 'wage', slotDay: '2026-12-07', slotPart: 'morning' });
  });

  it('「对 下周一上午」 at 「咨询的事「欠薪」。对吗？」 confirms it and keeps the day', async () => {
    await converse(t.chat, 'web:d3')
      .sendAll('我想找律师 欠薪', '1')
      .expect(/咨询的事「欠薪」。对吗？/)
      .send('对 下周一上午')
      .expect(/您还在这家单位干吗/)
      .sendAll('还在干', '电话', '东龙镇')
      .expect(/12月7日（周一）上午电话咨询还能约的时间/);
  });

  // Read before too (the still-there words and the day both facts of the message); kept so.
  it('「还在干 下周二下午」 at the still-there question: taken, and Tuesday afternoon shown at the time question', async () => {
    await converse(t.chat, 'web:d4')
      .sendAll('预约律师', '1', '欠薪')
      .send('还在干 下周二下午')
      .expect(/您想怎么咨询/)
      .sendAll('电话', '东龙镇')
      .expect(/12月8日（周二）下午电话咨询还能约的时间/);
  });
});
