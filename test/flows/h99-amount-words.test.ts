/*
 * Amounts, periods and headcounts said in the person's own words (helper h99), as transcripts on real Redis:
 *  - `我和我老婆两个人 一共欠四万` at the person's own amount question: the clause `一共欠四万` was taken silently as the
 *    person's own 40,000 (only 「被拖欠人数「2人」」 was shown; then 「您自己的40,000元已经记下了」). Now read as the couple's
 *    total with the count (confirmed), and the person's own sum asked next — as the same words without the space were.
 *  - `基本工资欠4000 加班费还有1200`: 「这个金额没看明白」, and the very same words again on a second try (a loop). Now
 *    the wage and the overtime added up, said how and confirmed (5,200元); and a second miss says something different.
 *  - guards: piece rate, day rate less what was paid, a correction mid-sentence, w/k figures, a range, festival periods.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:h99-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** After the first words, to the period question (the unit, its place, not a building site). */
const TO_PERIOD = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是'];
/** To the amount question (September to November). */
const TO_AMOUNT = [...TO_PERIOD, '今年9月到11月'];
const AMOUNT_ASK = /您自己一共被拖欠了多少钱？/;
const UNPARSEABLE = /这个金额没看明白/;

describe('a couple\'s total at the person\'s own amount question', () => {
  for (const words of ['我和我老婆两个人 一共欠四万', '我和我老婆两个人 一共欠了四万块']) {
    it(`\`${words}\`: the two and their total confirmed, never 40,000 kept as the person's own`, async () => {
      const user = someone('couple');
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_AMOUNT).expect(AMOUNT_ASK);
      await chat.send(words).expect(/被拖欠人数「2人」、大家一共被拖欠「40,000元」。对吗？/);
      expect((await answers(user)).amount).toBeUndefined();
      await chat.send('对').expect(/那您自己被拖欠了多少钱？/).expectNot(/已经记下了/);
      const a = await answers(user);
      expect(a.amount).toBeUndefined();
      expect(a.groupAmount).toMatchObject({ yuan: 40000 });
      expect(a.headcount).toMatchObject({ count: 2 });
    });
  }

  // guard: the same words with no space were already read so.
  it('`我和我老婆两个人一共欠四万`: the same', async () => {
    await converse(t.chat, someone('couple-tight'))
      .sendAll(...TO_AMOUNT, '我和我老婆两个人一共欠四万')
      .expect(/被拖欠人数「2人」、大家一共被拖欠「40,000元」。对吗？/);
  });

  // guard: a sum said for the person alone, beside other words, is still taken at once.
  it('`9月份到现在 还差两万` still reads the amount beside the period', async () => {
    await converse(t.chat, someone('clauses'))
      .sendAll(...TO_AMOUNT, '9月份到现在 还差两万')
      .expectNot(/没看明白/);
  });
});

describe('the wage and the overtime said apart', () => {
  for (const words of ['基本工资欠4000 加班费还有1200', '基本工资4000 加班费还有1200没给']) {
    it(`\`${words}\`: added up, said how, and confirmed (5,200元)`, async () => {
      const user = someone('parts');
      const chat = converse(t.chat, user);
      await chat.sendAll(...TO_AMOUNT).expect(AMOUNT_ASK);
      await chat.send(words).expect(/4,000元加1,200元，一共5,200元。/).expect(/拖欠金额「5,200元」。对吗？/).expectNot(UNPARSEABLE);
      expect((await answers(user)).amount).toBeUndefined();
      await chat.send('对').expect(/一共有多少人被拖欠？/);
      expect((await answers(user)).amount).toMatchObject({ yuan: 5200 });
    });
  }

  // guard: the plain wage and overtime were already added up.
  it('`工资4000 加班费1200`: the same', async () => {
    await converse(t.chat, someone('parts-plain')).sendAll(...TO_AMOUNT, '工资4000 加班费1200').expect(/拖欠金额「5,200元」。对吗？/);
  });

  it('an amount not understood twice in a row: the second reply says something else, and offers a person', async () => {
    const chat = converse(t.chat, someone('again'));
    await chat.sendAll(...TO_AMOUNT, '工资一部分 另一部分').expect(UNPARSEABLE);
    await chat.send('工资一部分 另一部分').expectNot(UNPARSEABLE).expect(/还是没看明白/).expect(/人工/);
  });
});

describe('guards: amounts and periods in the persons\' own words', () => {
  // guard: piece rate times pieces, confirmed with how.
  it('`做一件三块 做了两千件 一分没拿`: 2000件×3元 = 6,000元, confirmed', async () => {
    await converse(t.chat, someone('piece')).sendAll(...TO_AMOUNT, '做一件三块 做了两千件 一分没拿').expect(/2000件×3元，一共按6,000元算。/).expect(/拖欠金额「6,000元」。对吗？/);
  });

  // guard: a day rate times the days, less what was paid.
  it('`一天两百 干了二十三天 给了一千`: 3,600元, confirmed with how', async () => {
    await converse(t.chat, someone('day')).sendAll(...TO_AMOUNT, '一天两百 干了二十三天 给了一千').expect(/还欠3,600元/).expect(/拖欠金额「3,600元」。对吗？/);
  });

  // guard: the figure said first and taken back is never kept.
  it('`欠我五千 不对 是六千五`: 6,500元, confirmed', async () => {
    await converse(t.chat, someone('slip')).sendAll(...TO_AMOUNT, '欠我五千 不对 是六千五').expect(/拖欠金额「6,500元」。对吗？/).expectNot(/5,000元/);
  });

  // guard: the foreman's crew total is not the person's own. (欠我们班组 is the team's: since held-out set K, both are
  // kept as `我自己一万八 我们班组一共十二万` is, each where it belongs.)
  it('`包工头欠我们班组十二万 我自己的是一万八`: 18,000元 as the person\'s own, 120,000元 as the team\'s', async () => {
    await converse(t.chat, someone('crew')).sendAll(...TO_AMOUNT, '包工头欠我们班组十二万 我自己的是一万八').expect(/您自己18,000元，你们大家一共120,000元/).expectNot(/拖欠金额「120,000元」/);
  });

  // guard: w, k, 块钱左右 and a range.
  for (const [words, said] of [['1.8w', { yuan: 18000 }], ['18k', { yuan: 18000 }], ['一万八千块钱左右', { yuan: 18000, approx: true }], ['大概两三万', { yuan: 20000, upTo: 30000 }]] as const) {
    it(`\`${words}\`: ${JSON.stringify(said)}`, async () => {
      const user = someone('units');
      await converse(t.chat, user).sendAll(...TO_AMOUNT, words).expect(/一共有多少人被拖欠？/);
      expect((await answers(user)).amount).toMatchObject(said);
    });
  }

  // guard: festival periods are said back as months and confirmed.
  for (const [words, shown] of [
    ['从去年腊月到今年五一', /去年腊月按2026年1月算，今年五一按2026年5月算。[\s\S]*拖欠时间「2026年1月至2026年5月（5个月）」。对吗？/],
    ['过完年到现在', /过完年按2026年3月算。[\s\S]*拖欠时间「2026年3月至今（9个月）」。对吗？/],
    ['干了半年多', /“半年多”按6个月算。[\s\S]*对吗？/],
  ] as const) {
    it(`\`${words}\`: said back and confirmed`, async () => {
      await converse(t.chat, someone('period')).sendAll(...TO_PERIOD, words).expect(shown);
    });
  }
});
