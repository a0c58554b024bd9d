/*
 * 「要帮您预约工会律师吗？」 (offered after a legal answer) taken up in a worker's own words: `那我约一下`,
 * `约个律师吧` (got 没太明白, the offer lost), and a time said for it, `明天下午可以不`, `那就周五上午吧` (got
 * 「答不上来」 or 没太明白): the booking's consent, with the day kept for the slot list. A no said with a day
 * (`明天不行`) is never taken as a yes. Today is Tuesday 1 December 2026.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const ASKED = '律师要钱不';
const OFFER = /要帮您预约工会律师吗/;
const CONSENT = /预约法律援助前，需要您同意/;

describe('the lawyer offered, taken up in words', () => {
  for (const [i, said] of ['那我约一下', '那我就约一下吧'].entries()) {
    it(`${said}: the booking's consent, never 没太明白`, async () => {
      await converse(t.chat, `web:ow${i}`).send(ASKED).expect(OFFER).send(said).expect(CONSENT).expectNot(/没太明白/);
    });
  }

  // guard: the verb with its thing (`约个律师吧`) was taken before.
  it('约个律师吧: the booking\'s consent', async () => {
    await converse(t.chat, 'web:owl').send(ASKED).expect(OFFER).send('约个律师吧').expect(CONSENT);
  });

  // guard: and so was joining's (`那我入个会`).
  it('入个会 at joining offered: the membership offer taken', async () => {
    await converse(t.chat, 'web:owm')
      .send('工会会员有什么好处')
      .expect(/要现在申请入会吗/)
      .send('那我入个会')
      .expect(/办理入会需要您的姓名/)
      .expectNot(/没太明白/);
  });
});

describe('a time said for the lawyer offered', () => {
  it('明天下午可以不: the consent, and Wednesday afternoon is what the slot list looks at', async () => {
    await converse(t.chat, 'web:ot1')
      .send('被开除了没给补偿')
      .expect(OFFER)
      .send('明天下午可以不')
      .expect(CONSENT)
      .expectNot(/答不上来/)
      .sendAll('同意', '对', '11月20日', '没有', '1', '1', '1', '1')
      .expect(/12月2日（周三）下午/);
  });

  it('那就周五上午吧: the day kept, said when Friday morning is full', async () => {
    await converse(t.chat, 'web:ot2')
      .send(ASKED)
      .expect(OFFER)
      .send('那就周五上午吧')
      .expect(CONSENT)
      .sendAll('同意', '工资', '还在干', '1', '1', '1', '1')
      .expect(/12月4日（周五）上午/);
  });

  it('下周三可以吗: the consent', async () => {
    await converse(t.chat, 'web:ot3').send(ASKED).expect(OFFER).send('下周三可以吗').expect(CONSENT);
  });

  // guard: a no with a day is no yes (the booking is not begun).
  for (const [i, said] of ['明天不行', '周五不行吧', '下周再说吧', '明天没空'].entries()) {
    it(`${said}: never the booking's consent`, async () => {
      await converse(t.chat, `web:on${i}`).send(ASKED).expect(OFFER).send(said).expectNot(CONSENT);
    });
  }

  // guard: a day inside other words is not taken (`我明天去公司问问`).
  it('我明天去公司问问: never the booking', async () => {
    await converse(t.chat, 'web:on9').send(ASKED).expect(OFFER).send('我明天去公司问问').expectNot(CONSENT);
  });
});
