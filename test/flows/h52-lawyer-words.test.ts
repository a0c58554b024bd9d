/*
 * Lawyer words (h52), as transcripts on real Redis. Today is Tuesday 1 December 2026, 10:00 (a fixed clock: the
 * file lives in test/flows and runs once; no project's other day changes what it checks).
 *  - A day said in the first message (`我12月5号摔伤了想找律师`), not yet come this year: after the consent it is
 *    said why, read as last year's and confirmed with 工伤 (it was dropped without a word, and asked again later).
 *    So too the day they left (`我12月5号被开除了想找律师`), and such a day typed at the consent or at the matter
 *    question (`12月5号摔伤的`).
 *  - `律师靠谱吗`, `律师是真律师吗`, `找律师有用吗`, `工会的律师管用吗` at the menu: answered (who the union's lawyers
 *    are, free), and a booking offered; never the booking's consent at once. `律师靠不靠谱` is no complaint.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const CONSENT = /预约法律援助前，需要您同意我们收集一些信息/;
const LAST_YEAR = /今年的12月5日还没到，您说的应该是2025年12月5日。/;
const INJURY_BOTH = /我理解的是：咨询的事「工伤」、受伤日期「2025年12月5日受伤，工伤认定申请期限到2026年12月5日（加急）」。对吗？/;

describe('a day not yet come this year, said in the first message', () => {
  it('「我12月5号摔伤了想找律师」: after 同意, why, and the day confirmed with 工伤; a yes keeps both', async () => {
    await converse(t.chat, 'web:d1')
      .send('我12月5号摔伤了想找律师')
      .expect(CONSENT)
      .send('同意')
      .expect(LAST_YEAR)
      .expect(/工伤认定的期限还有4天/)
      .expect(INJURY_BOTH)
      .send('对')
      .expectNot(/您是哪天受伤的？/)
      .expect(/您还在这家单位干吗？/);
    const s = await session('web:d1');
    expect(s.answers).toMatchObject({ matter: 'injury', injury: { on: '2025-12-05' } });
    // The note of the reading is no answer.
    expect(s.answers).not.toHaveProperty('injuryLastYear');
  });

  it('「我12月5号被开除了想找律师」: why, and the day they left confirmed with 劳动合同', async () => {
    await converse(t.chat, 'web:d2')
      .sendAll('我12月5号被开除了想找律师', '同意')
      .expect(LAST_YEAR)
      .expect(/仲裁的时效还有4天/)
      .expect(/我理解的是：咨询的事「劳动合同」、在职情况「2025年12月5日离开，仲裁时效到2026年12月5日（加急）」。对吗？/)
      .send('对');
    expect((await session('web:d2')).answers).toMatchObject({ matter: 'contract', limit: { leftOn: '2025-12-05' } });
  });

  it('「不对」, then 受伤日期: 工伤 kept, the day asked again (never taken)', async () => {
    await converse(t.chat, 'web:d3')
      .sendAll('我12月5号摔伤了想找律师', '同意')
      .expect(INJURY_BOTH)
      .send('不对')
      .expect(/哪一项不对？/)
      .send('受伤日期')
      .expect(/您是哪天受伤的？/);
    const s = await session('web:d3');
    expect(s.answers.matter).toBe('injury');
    expect(s.answers.injury).toBeUndefined();
  });

  it('「12月5号摔伤的」 typed at the consent: held, then why and both confirmed after 同意', async () => {
    await converse(t.chat, 'web:d4')
      .send('我想找律师')
      .expect(CONSENT)
      .send('我12月5号摔伤的')
      .expect(/受伤日期还没有保存/)
      .send('同意')
      .expect(LAST_YEAR)
      .expect(INJURY_BOTH);
  });

  it('「12月5号摔伤的」 at 「您想咨询什么事？」: why, and the day confirmed (it was dropped unsaid)', async () => {
    await converse(t.chat, 'web:d5')
      .sendAll('我想找律师', '同意')
      .expect(/您想咨询什么事？/)
      .send('12月5号摔伤的')
      .expect(LAST_YEAR)
      .expect(/我理解的是：受伤日期「2025年12月5日受伤/)
      .send('对')
      .expectNot(/您是哪天受伤的？/);
    expect((await session('web:d5')).answers).toMatchObject({ matter: 'injury', injury: { on: '2025-12-05' } });
  });

  // guard: a day already past is confirmed as before, with no word of a day to come.
  it('「我11月20号摔伤了想找律师」: this year\'s day, confirmed with 工伤', async () => {
    await converse(t.chat, 'web:d6')
      .sendAll('我11月20号摔伤了想找律师', '同意')
      .expectNot(/还没到/)
      .expect(/我理解的是：咨询的事「工伤」、受伤日期「2026年11月20日受伤，工伤认定申请期限到2027年11月20日」。对吗？/);
  });

  // guard: the year said is the year taken, with nothing to explain.
  it('「去年12月5号摔伤了想找律师」: last year\'s day as said, no why', async () => {
    await converse(t.chat, 'web:d7').sendAll('去年12月5号摔伤了想找律师', '同意').expectNot(/还没到/).expect(INJURY_BOTH);
  });

  // guard: at 「咨询的事「工伤」。对吗？」 the day is carried as h47 made it, the why said once.
  it('「12月5号摔伤的」 at the 工伤 confirmation: as before (h47)', async () => {
    await converse(t.chat, 'web:d8').sendAll('我工伤了想找律师', '同意').send('12月5号摔伤的').expect(LAST_YEAR).expect(INJURY_BOTH);
  });
});

describe('whether the union\'s lawyers are any good, asked at the menu', () => {
  const ANSWER = /工会律师是工会为职工安排的律师.*咨询免费/;
  const OFFER = /要帮您预约工会律师吗？/;

  for (const [user, words] of [
    ['web:q1', '律师靠谱吗'],
    ['web:q2', '律师是真律师吗'],
    ['web:q3', '找律师有用吗'],
    ['web:q4', '工会的律师管用吗'],
    ['web:q5', '律师靠不靠谱'],
  ] as const) {
    it(`「${words}」: answered, a booking offered, no consent asked yet`, async () => {
      await converse(t.chat, user).send(words).expect(ANSWER).expect(OFFER).expectNot(CONSENT).expectNot(/对律师的服务有意见/);
      const s = await session(user);
      expect(s.flowId).toBeNull();
    });
  }

  it('「律师靠谱吗」 then 好的: the booking\'s consent', async () => {
    await converse(t.chat, 'web:q6').send('律师靠谱吗').expect(OFFER).send('好的').expect(CONSENT);
  });

  // guard: a wish for a lawyer starts the booking at once.
  for (const [user, words] of [
    ['web:g1', '我想找律师'],
    ['web:g2', '帮我约个律师'],
    ['web:g3', '律师 工伤'],
  ] as const) {
    it(`「${words}」: the booking's consent`, async () => {
      await converse(t.chat, user).send(words).expect(CONSENT).expectNot(ANSWER);
    });
  }

  // guard: a complaint about a lawyer is still one.
  it('「律师态度不好」: where a complaint goes', async () => {
    await converse(t.chat, 'web:g4').send('律师态度不好').expect(/对律师的服务有意见/).expectNot(ANSWER);
  });
});
