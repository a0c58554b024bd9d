/*
 * A first message with three clauses, joining one of them (`老板欠钱不给 我想入工会 还想找律师`). Two clauses were
 * already read (test/flows/h21-two-requests.test.ts): the one named first begun, the other kept for after. With three,
 * the message read whole was the booking (a lawyer for the pay) and joining was dropped without a word; with joining
 * named last and put aside (`…入会的事以后再说`), joining was begun at once. Now joining is kept for after the booking
 * (or begun first when named first, the booking and its matter kept for after), and a joining put aside is never begun.
 * The clock stands at Tuesday 1 December 2026, 10:00 Beijing (injected).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');

const LEGAL_CONSENT = /预约法律援助前，需要您同意我们收集一些信息/;
const JOIN_CONSENT = /办理入会需要您的姓名、身份证号/;

describe('three clauses in a first message, joining one of them', () => {
  it('老板欠钱不给 我想入工会 还想找律师: the booking begun, joining kept and offered once it is booked', async () => {
    const user = 'web:lead3-a';
    await converse(t.chat, user)
      .send('老板欠钱不给 我想入工会 还想找律师')
      .expect(/先帮您办「预约法律援助」，「加入工会」等这件办完再接着帮您办/)
      .expect(LEGAL_CONSENT)
      .expectNot(JOIN_CONSENT)
      .send('同意')
      .expect(/咨询的事「欠薪」。对吗/)
      .sendAll('对', '1', '1', '河西街道', '1', '1', '李明', '13700002222')
      .send('确认')
      .expect(/预约成功/)
      .expect(/您刚才还说要办「加入工会」，现在就开始吗/)
      .send('好的')
      .expect(JOIN_CONSENT);
    // Nothing of joining kept before its consent.
    expect((await session(user)).answers).not.toHaveProperty('name');
  });

  it('我想入工会 老板欠钱不给 还想找律师: joining begun (named first), the booking and its matter kept for after', async () => {
    await converse(t.chat, 'web:lead3-b')
      .send('我想入工会 老板欠钱不给 还想找律师')
      .expect(/先帮您办「加入工会」；您说的「欠薪」的事，等这件办完再问您要不要「预约法律援助」/)
      .expect(JOIN_CONSENT)
      .expectNot(LEGAL_CONSENT);
  });

  it('老板欠钱不给 还想找律师 入会的事以后再说: joining put aside is not begun; the booking is', async () => {
    await converse(t.chat, 'web:lead3-c')
      .send('老板欠钱不给 还想找律师 入会的事以后再说')
      .expect(LEGAL_CONSENT)
      .expectNot(JOIN_CONSENT);
  });

  // guard: two clauses, pay held back and a lawyer, are one booking (the lawyer is for the pay); nothing else is kept.
  it('老板欠钱不给 还想找律师: the booking alone', async () => {
    await converse(t.chat, 'web:lead3-d')
      .send('老板欠钱不给 还想找律师')
      .expect(LEGAL_CONSENT)
      .expectNot(/加入工会|等这件办完/);
  });
});
