/*
 * Coming back later, in other words (`过几天再说`, `过段时间再说`, `后天再来`): in the middle of a form they got
 * 「这个问题我还答不上来」 and the question again; now, as `过两天再说` did, the form is kept and how to go on said.
 * A fixed clock (Tuesday 1 December 2026, 10:00).
 */
import { describe, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:later-words-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const KEPT = /先帮您保存着，还没有提交；回来后回复「继续」就能接着填/;

describe('later, in other words', () => {
  it.each(['过几天再说', '过段时间再说', '后天再来'])('%s in the wage report: kept for later (it was 答不上来); 继续 goes on where it was', async (said) => {
    const chat = converse(t.chat, someone('wage')).sendAll('老板欠我工资', '同意', '好再来饭店');
    await chat.expect(/哪个镇或街道/);
    await chat.send(said).expect(KEPT).expectNot(/答不上来/);
    await chat.send('继续').expect(/哪个镇或街道/);
  });

  it('过几天再说 at a booking\'s 「对吗」: kept for later', async () => {
    const chat = converse(t.chat, someone('aid')).sendAll('我想找律师', '同意', '河西街道', '欠薪', '电话咨询');
    await chat.send('过几天再说').expect(/「预约法律援助」先帮您保存着/).expectNot(/答不上来/);
  });

  // guard: the words that already worked.
  it('guard: 过两天再说 keeps the form', async () => {
    const chat = converse(t.chat, someone('guard')).sendAll('老板欠我工资', '同意', '好再来饭店');
    await chat.send('过两天再说').expect(KEPT);
  });
});
