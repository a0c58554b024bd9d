/**
 * Booking legal aid and joining the union, leftovers (helper h13):
 *  - `明天` said between 00:00 and 04:59 Beijing time as the day to meet (with the request, at a question
 *    before the time, or at the time question): which day is asked, both dates offered, the one picked taken;
 *    never taken silently;
 *  - `我不想留电话` at the booking consent: why a number is needed, the consent asked again (不同意 still refuses);
 *  - `我老婆接电话 她叫刘梅` at the contact question: 刘梅 the contact, confirmed;
 *  - `工资没问题` alone at the matter question: no matter;
 *  - `能来我家吗` at the way to meet: no home visits, the ways said;
 *  - `地点换一下` at the summary: the service point asked again;
 *  - `找律师 不要视频 电话就行`: the phone kept (confirmed); `三点以后` at the time question: from 15:00;
 *  - `工会怎么进行维权` opening: answered; `我想入会但是老板不让`: no consent of the boss needed, then on.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const NIGHT = new Date('2026-12-01T00:30:00+08:00');
const { t, clock, session } = chatOnClock(NOW.toISOString());

const someone = (tag: string) => `web:h13-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('明天 late at night', () => {
  const ASKED = /现在是凌晨，您说的「明天」是12月1日（周二）还是12月2日（周三）？/;

  it('明天上午 at a question before the time: not taken; asked at the time question, the pick taken', async () => {
    clock.set(NIGHT);
    const user = someone('night');
    const chat = converse(t.chat, user);
    await chat.sendAll('我想找律师咨询一下 老板不给工资', '1', '对').send('明天上午').expectNot(/12月2日/).expect(/现在是凌晨/);
    expect((await session(user)).answers.slotDay).toBeUndefined();
    await chat.sendAll('1', '2').send('1').expect(ASKED).expect(/1\. 12月1日（周二）上午/).expect(/2\. 12月2日（周三）上午/);
    await chat.send('1').expect(/12月1日（周二）上午还能约的时间/).expectNot(/12月2日/);
    expect((await session(user)).answers.slotDay).toBe('2026-12-01');
  });

  it('明早 with the request: asked; 2 takes 12月2日', async () => {
    clock.set(NIGHT);
    const user = someone('early');
    const chat = converse(t.chat, user);
    await chat.sendAll('找律师 明早 电话咨询 老板不给工资', '1', '对', '1').send('1').expect(ASKED);
    await chat.send('2').expect(/12月2日（周三）上午还能约的时间/).expectNot(/12月1日/);
  });

  it('明天下午 typed at the time question: asked, a date typed then taken', async () => {
    clock.set(NIGHT);
    const user = someone('typed');
    const chat = converse(t.chat, user);
    await chat.sendAll('我想找律师咨询一下 老板不给工资', '1', '对', '1', '2').send('1').expect(/还能约的时间|空闲时间/);
    await chat.send('明天下午').expect(ASKED).expect(/12月1日（周二）下午/);
    await chat.send('12月2日').expect(/12月2日（周三）还能约的时间/);
  });

  it('明天上午 at 01:40 on a Saturday: neither day has consultations, so no question which; the usual 不上班 answer', async () => {
    clock.set('2026-12-05T01:40:00+08:00');
    const user = someone('weekend');
    await converse(t.chat, user)
      .sendAll('我想找律师咨询一下 老板不给工资', '1', '对')
      .send('明天上午')
      .expect(/12月6日（周日）不上班，不安排咨询/)
      .expectNot(/现在是凌晨/);
    expect((await session(user)).answers.slotNight).toBeUndefined();
  });

  it('明天上午 at 00:30 on a Friday: the Friday has consultations, so which day is asked', async () => {
    clock.set('2026-12-04T00:30:00+08:00');
    const user = someone('friday');
    const chat = converse(t.chat, user);
    await chat.sendAll('我想找律师咨询一下 老板不给工资', '1', '对').send('明天上午').expect(/现在是凌晨/);
    await chat.sendAll('1', '2').send('1').expect(/现在是凌晨，您说的「明天」是12月4日（周五）还是12月5日（周六）？/);
  });

  it('明天上午 at 10:00: the next day, as before', async () => {
    const user = someone('day');
    await converse(t.chat, user).sendAll('我想找律师咨询一下 老板不给工资', '1', '对').send('明天上午').expect(/想约12月2日（周三）上午/).expectNot(/凌晨/);
  });
});

/** Booking: consent given; the matter asked. */
const atMatter = (user: string) => converse(t.chat, user).sendAll('我想找律师', '同意').expect(/您想咨询什么事/);
/** Booking by phone, up to the time question. */
const atTime = (user: string) => converse(t.chat, user).sendAll('我想找律师咨询一下 老板不给工资', '1', '对', '1', '2').send('1').expect(/空闲时间/);

describe('booking leftovers', () => {
  it('我不想留电话 at the consent: why, and the consent again; 不同意 then refuses', async () => {
    const user = someone('nophone');
    const chat = converse(t.chat, user).send('我想找律师').expect(/同意吗/);
    await chat.send('我不想留电话').expect(/律师或检察官要打这个号码联系您/).expect(/您同意吗/).expectNot(/没有您的同意我们不会记录/);
    expect((await session(user)).fieldId).toBe('consent');
    await chat.send('不同意').expect(/没有您的同意我们不会记录/);
  });

  it('我老婆接电话 她叫刘梅 at the contact: 刘梅, confirmed', async () => {
    const user = someone('wife');
    const chat = atTime(user);
    await chat.send('1').expect(/怎么称呼您/);
    await chat.send('我老婆接电话 她叫刘梅').expect(/联系人「刘梅」。对吗/).expectNot(/请输入您的姓名/);
    await chat.send('对').expect(/手机号/);
    expect((await session(user)).answers.contactName).toBe('刘梅');
  });

  it('工资没问题 alone at the matter: no matter taken', async () => {
    const user = someone('fine');
    await atMatter(user).send('工资没问题').expect(/您想咨询什么事/).expectNot(/欠薪」。对吗|还在这家单位干吗/);
    expect((await session(user)).answers.matter).toBeUndefined();
  });

  it('能来我家吗 at the way to meet: no home visits, the ways', async () => {
    const user = someone('home');
    await converse(t.chat, user)
      .sendAll('我想找律师咨询一下 老板不给工资', '1', '对', '1')
      .expect(/您想怎么咨询/)
      .send('能来我家吗')
      .expect(/不上门/)
      .expect(/电话咨询/)
      .expectNot(/答不上来/);
  });

  it('地点换一下 at the summary: the service point asked again', async () => {
    const user = someone('place');
    await converse(t.chat, user)
      .sendAll('我想找律师咨询一下 老板不给工资', '1', '对', '1', '1', '1', '1', '1', '王芳', '13800001111')
      .expect(/请核对/)
      .send('地点换一下')
      .expect(/服务点如下，请选一个/);
  });

  it('找律师 不要视频 电话就行: the phone kept (confirmed)', async () => {
    const user = someone('phone');
    await converse(t.chat, user).sendAll('找律师 不要视频 电话就行', '1', '欠薪').send('1').expect(/方式「电话咨询」。对吗/).expectNot(/您想怎么咨询/);
  });

  it('我想找律师 下周三不行 周四可以: a Thursday kept as the wish, never the Wednesday refused', async () => {
    const user = someone('thu');
    await converse(t.chat, user).sendAll('我想找律师 下周三不行 周四可以', '1', '欠薪', '1', '2').send('1').expect(/（周四）.{0,8}还能约的时间/).expectNot(/12月9日（周三）/);
  });

  it('三点以后 at the time question: from 15:00 only', async () => {
    const user = someone('after3');
    await atTime(user).send('三点以后').expect(/下午3点以后还能约的时间/).expect(/15:00-15:30/).expectNot(/14:00-14:30|14:30-15:00/);
  });
});

describe('union leftovers', () => {
  it('工会怎么进行维权: what the union does, never 答不上来', async () => {
    await converse(t.chat, someone('how')).send('工会怎么进行维权').expect(/工会帮职工维权/).expect(/菜单/).expectNot(/答不上来/);
  });

  it('我想入会但是老板不让: no consent of the boss needed, and the joining goes on', async () => {
    await converse(t.chat, someone('boss')).send('我想入会但是老板不让').expect(/不需要老板或单位同意/).expect(/您同意吗/);
  });
});
