/*
 * Legal aid, probe round 4 (B3, B4, C1, C4): after a booking, changing or cancelling it in the person's own
 * words (`改到下周`, `不去了`, `我不约了`, `那天有事 改天吧`, `地址在哪`, `下周一可以吗`) reaches the booking's
 * own handling (cancelling confirmed first; a new time confirmed at the summary), never the main menu;
 * `收费吗` / `要钱吗` / `能换个律师吗` after a booking are answered (no new booking); a lawyer asked for by name
 * is told nobody is chosen; the help kind said back reads naturally. Transcripts on real Redis; today is
 * Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { lawyerNamed } from '../../flows/legal-aid.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const MENU = /没太明白|回复数字即可|这个问题我还答不上来/;

/** A union lawyer about unpaid wages at 东龙镇工会驿站, booked (12月3日 or so): the confirmation seen. */
function booked(user: string) {
  return converse(t.chat, user)
    .sendAll('预约法律援助', '同意', '1', '1', '1', '1', '1', '1', '4', '张三', '13800138000')
    .send('1')
    .expect(/预约成功！您的预约号是 (YY\d{8}-\d{4})/);
}

async function active(user: string) {
  const list = await t.chat.bookings.listByUser(user, 20);
  return list.filter((b) => b.status === 'booked');
}

describe('after a booking, changing or cancelling it in their own words (B3)', () => {
  it('「不去了」 asks which booking to cancel (confirmed first); 1 cancels it', async () => {
    await booked('web:b1').send('不去了').expect(/您要取消的是这个预约吗？/).expect(/1\. 取消这个预约/).expectNot(MENU);
    expect(await active('web:b1')).toHaveLength(1);
    await converse(t.chat, 'web:b1').send('1').expect(/已取消预约 YY/);
    expect(await active('web:b1')).toHaveLength(0);
  });

  it('「我不约了」 the same: asked first, nothing cancelled yet', async () => {
    await booked('web:b2').send('我不约了').expect(/您要取消的是这个预约吗？/).expectNot(MENU);
    expect(await active('web:b2')).toHaveLength(1);
  });

  it('「那天有事 改天吧」 offers changing or cancelling, as 「那天去不了了」 does', async () => {
    await booked('web:b3').send('那天有事 改天吧').expect(/没关系，可以改个时间，也可以取消/).expect(/1\. 改时间/).expectNot(MENU);
    await booked('web:b3b').send('那天去不了了').expect(/没关系，可以改个时间，也可以取消/);
  });

  it('「改到下周」 opens the reschedule at next week\'s free times; the booking stays until the new time is confirmed', async () => {
    await booked('web:b4')
      .send('改到下周')
      .expect(/好的，为预约 YY\d{8}-\d{4} 改时间/)
      .expect(/原来的预约一直保留/)
      .expect(/下周（12月7日起）的空闲时间/)
      .expectNot(/^\d+\. 12月[1-3]日/m)
      .expectNot(MENU)
      .send('1')
      .expect(/请核对改约后的预约/)
      .expect(/12月8日/);
    const [b] = await active('web:b4');
    expect(b!.slot.start).toMatch(/^2026-12-03T/);
    await converse(t.chat, 'web:b4').send('确认').expect(/改约成功/);
    const [moved] = await active('web:b4');
    expect(moved!.slot.start).toMatch(/^2026-12-08T/);
  });

  it('「下周一可以吗」 opens the reschedule at that day (nobody on duty then: the nearest times), never 答不上来', async () => {
    await booked('web:b5').send('下周一可以吗').expect(/好的，为预约 YY\d{8}-\d{4} 改时间/).expect(/12月7日（周一）/).expectNot(MENU);
    expect(await active('web:b5')).toHaveLength(1);
  });

  it('「地址在哪」 gives the booked station\'s address', async () => {
    await booked('web:b6')
      .send('地址在哪')
      .expect(/地点：东龙镇工会驿站/)
      .expect(/地址：东龙镇龙兴路18号/)
      .expect(/您预约的时间：12月3日/)
      .expectNot(MENU);
  });

  it('with no booking, the same words are left to the rest of the chat (nothing about a booking invented)', async () => {
    await converse(t.chat, 'web:b7').send('不去了').expectNot(/您要取消的是这个预约吗/);
  });
});

describe('cost and another lawyer after a booking (B4)', () => {
  it('「收费吗」 and 「要钱吗」 are answered: free', async () => {
    await booked('web:c1').send('收费吗').expect(/不收费。您预约的工会律师咨询是免费的/).expectNot(MENU).send('要钱吗').expect(/不收费/).expectNot(/反映欠薪前/);
  });

  it('「能换个律师吗」 says the lawyer on duty receives them and offers changing or cancelling; no new booking starts', async () => {
    await booked('web:c2')
      .send('能换个律师吗')
      .expect(/预约不能指定或更换律师/)
      .expect(/1\. 改时间/)
      .expectNot(/预约法律援助前，需要您同意/);
    const s = await t.chat.sessions.load('web:c2', clock.now());
    expect(s.flowId).toBeNull();
  });
});

describe('a lawyer asked for by name (C4) and the help kind said back (C1)', () => {
  it('「我想找王律师」 at the matter question: nobody is chosen, said so, and the question asked again', async () => {
    await converse(t.chat, 'web:d1')
      .sendAll('预约法律援助', '同意')
      .send('我想找王律师')
      .expect(/预约不能指定律师，由您约的那个时间值班的律师接待/)
      .expect(/请先说说您想咨询什么事/)
      .send('1')
      .expect(/您还在这家单位干吗/);
  });

  it('「我要找吴芳律师」 at 您想找谁帮忙: the union lawyer, with the same word; the booking goes on', async () => {
    await converse(t.chat, 'web:d2')
      .sendAll('预约法律援助', '同意', '1', '1')
      .expect(/您想找谁帮忙/)
      .send('我要找吴芳律师')
      .expect(/预约不能指定律师/)
      .expect(/您想怎么咨询/);
    await converse(t.chat, 'web:d3').sendAll('预约法律援助', '同意', '1', '1').send('找工会律师').expectNot(/预约不能指定律师/).expect(/您想怎么咨询/);
  });

  it('a name only when one is said (`我想找律师`, `找个律师`, `找免费律师` name nobody)', () => {
    expect(lawyerNamed('我要找吴芳律师')).toBe('吴芳');
    expect(lawyerNamed('能不能找王律师')).toBe('王');
    for (const s of ['我想找律师', '找工会律师', '我要找工会律师', '找个律师', '要找免费律师', '预约律师', '我想找律师咨询一下', '我要找一个好律师']) expect(lawyerNamed(s), s).toBeNull();
  });

  it('the help kind from the first message is said back in a sentence that reads naturally', async () => {
    await converse(t.chat, 'web:d4').send('我想先找个律师咨询一下').expect(/好的，您想找工会律师咨询。/).expectNot(/想找谁「/);
  });
});
