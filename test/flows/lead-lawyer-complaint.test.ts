/*
 * `我要投诉这个律师`, `律师态度不好`: 律师 was read as a wish for a lawyer, and a new booking's consent was asked.
 * A complaint about a lawyer is no booking: it is told where it goes (人工, 12351), and how to book another.
 */
import { describe, expect, it } from 'vitest';
import { serviceOf } from '../../flows/nlu/talk.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const WHERE = /对律师的服务有意见，可以回复「人工」告诉工作人员.*12351/;

describe('a complaint about a lawyer', () => {
  it.each(['我要投诉这个律师', '律师态度不好', '律师不负责 我要投诉', '上次那个律师太差了 能换一个吗', '我想投诉律师'])('`%s` is no booking', async (said) => {
    expect(serviceOf(said, null)).toBeNull();
    await converse(t.chat, `web:lc-${said}`).send(said).expect(WHERE).expectNot(/预约法律援助前，需要您同意/);
  });

  // guard: a lawyer wanted, with a complaint about someone else, is still a booking.
  it.each(['我想找个律师', '我要投诉 想找律师帮我', '我想找律师 投诉老板'])('`%s` still books', (said) => {
    expect(serviceOf(said, null)).toBe('legal');
  });
});
