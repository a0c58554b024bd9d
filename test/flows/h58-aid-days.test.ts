/*
 * Legal-aid days (h58), as transcripts on real Redis. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 *  - The deadline of an injury day said before its 「…对吗？」 (in the opening message, `我12月5号摔伤了想找律师`, or
 *    typed at the matter's confirmation) is said once: not again right after 对 (it was said twice in a row).
 *  - Typed at its own question (「您是哪天受伤的？」), the day's deadline is still said after 对, as before.
 *  - `我想找律师 问下工伤怎么认定 11月20号的事`: the one day, in a clause of its own, with 工伤 named, is confirmed as the
 *    injury day with the matter (it was dropped); never a day to come, nor with other words of time or a booking day.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const WARNING = /⚠ 您自己申请工伤认定的期限还有4天/;
const NOT_APPLIED = /单位没有申请的，请尽快带上身份证/;
const INJURY_BOTH = /我理解的是：咨询的事「工伤」、受伤日期「2025年12月5日受伤，工伤认定申请期限到2026年12月5日（加急）」。对吗？/;
const NEXT = /您还在这家单位干吗？/;

describe('the deadline of an injury day, said before its confirmation', () => {
  it('「我12月5号摔伤了想找律师」, 同意: the warning before 「…对吗？」, not again after 对', async () => {
    await converse(t.chat, 'web:h58a')
      .sendAll('我12月5号摔伤了想找律师', '同意')
      .expect(WARNING)
      .expect(NOT_APPLIED)
      .expect(INJURY_BOTH)
      .send('对')
      .expectNot(WARNING)
      .expectNot(NOT_APPLIED)
      .expect(NEXT);
    expect((await session('web:h58a')).answers).toMatchObject({ matter: 'injury', injury: { on: '2025-12-05' } });
  });

  it('「12月5号」 typed at 「咨询的事「工伤」。对吗？」: the warning once, not again after 对', async () => {
    await converse(t.chat, 'web:h58b')
      .sendAll('我摔伤了想找律师', '同意')
      .expect(/我理解的是：咨询的事「工伤」。对吗？/)
      .send('12月5号')
      .expect(WARNING)
      .expect(INJURY_BOTH)
      .send('对')
      .expectNot(WARNING)
      .expect(NEXT);
    expect((await session('web:h58b')).answers).toMatchObject({ matter: 'injury', injury: { on: '2025-12-05' } });
  });

  // guard: typed at its own question, the deadline is said after 对 as before.
  it('「12月5号」 at 「您是哪天受伤的？」: the warning is said after 对 too (unchanged)', async () => {
    await converse(t.chat, 'web:h58c')
      .sendAll('我摔伤了想找律师', '同意', '对')
      .expect(/您是哪天受伤的？/)
      .send('12月5号')
      .expect(WARNING)
      .expect(/我理解的是：受伤日期「2025年12月5日受伤/)
      .send('对')
      .expect(WARNING)
      .expect(NEXT);
  });

  // guard: 不对 drops the day; nothing said before is taken as kept.
  it('「不对」 then 受伤日期: the day asked again, no warning said as if kept', async () => {
    await converse(t.chat, 'web:h58d')
      .sendAll('我12月5号摔伤了想找律师', '同意', '不对')
      .expect(/哪一项不对？/)
      .send('受伤日期')
      .expectNot(WARNING)
      .expect(/您是哪天受伤的？/);
    expect((await session('web:h58d')).answers.injury).toBeUndefined();
  });
});

describe('the one day said with 工伤, in a clause of its own', () => {
  it('「我想找律师 问下工伤怎么认定 11月20号的事」: the day confirmed with 工伤 after 同意, kept by 对', async () => {
    await converse(t.chat, 'web:h58e')
      .sendAll('我想找律师 问下工伤怎么认定 11月20号的事', '同意')
      .expect(/我理解的是：咨询的事「工伤」、受伤日期「2026年11月20日受伤/)
      .send('对')
      .expectNot(/您是哪天受伤的？/);
    expect((await session('web:h58e')).answers).toMatchObject({ matter: 'injury', injury: { on: '2026-11-20' } });
  });

  it('held, nothing kept before 对: 不对 then 受伤日期 asks the day', async () => {
    await converse(t.chat, 'web:h58f')
      .sendAll('我想找律师 问下工伤怎么认定 11月20号那天', '同意')
      .expect(/受伤日期「2026年11月20日受伤/)
      .send('不对')
      .send('受伤日期')
      .expect(/您是哪天受伤的？/);
    expect((await session('web:h58f')).answers.injury).toBeUndefined();
  });

  // guard: a day not yet come, another time word, or a booking day is never taken as the injury day.
  it.each([
    ['我想找律师 问下工伤怎么认定 12月20号的事', 'web:h58g'],
    ['工伤 想约律师 11月20号的事 明天下午', 'web:h58h'],
    ['工伤的事 想约律师 下周一', 'web:h58i'],
    ['工伤 想找律师 11月20号的事 上个月开始的', 'web:h58j'],
  ])('「%s」: only 工伤 confirmed', async (text, who) => {
    await converse(t.chat, who)
      .sendAll(text, '同意')
      .expect(/我理解的是：咨询的事「工伤」。对吗？/)
      .expectNot(/受伤日期「/);
  });
});
