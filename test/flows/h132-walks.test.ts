/**
 * Whole conversations typed as tired workers type them (helper h132), where the bot failed them:
 *  1. a figure typed bare after the person themselves (`我的是23000`, `我自己18000`, `我23000`) beside another figure in
 *     other words (what each one is owed, the group's total): the other figure was proposed as theirs
 *     (「拖欠金额「约20,000元」」, 「拖欠金额「约100,000元」」); now theirs is.
 *  2. a month typed with its year word (`今年2月`, `去年10月到今年1月`) at a 「…对吗？」 with a month or a period waiting:
 *     「请回复「对」或「不对」」 (the right value ignored, though `2月` alone was taken); now proposed in its place.
 *  3. `站点扣了我两个月的钱 大概五千`: months of pay withheld (扣 with a count of months) got the platform-rights answer and
 *     an offer to join the union (同意 then began the membership form); now the wage report, as `扣了我两个月的工资` is.
 *  4. `想预约检察院的法律援助`: 法律援助 (the service's own name) counted as a lawyer beside 检察院, so who helps was not
 *     taken: the lawyer's note was shown and 「您想找谁帮忙？」 asked; now the procurator is taken (律师 with 检察官 is still asked).
 *  5. `都跳过` / `跳过` at a consent question: 「这一项不能跳过，我们需要知道个大概」 (words for a fact); now 「这一步不能跳过，请回复
 *     「同意」或「不同意」。」.
 *  6. everything in the first message, the unit said after a bare 在 in a clause of its own
 *     (`老板欠我工资 两个月了 一共8000 在好再来饭店 河西街道`): the place, months and sum were read, the unit not (asked again
 *     after the person had said it); now confirmed with them. A bare kind of place (`在饭店`, `在电子厂`) is still no name.
 *  7. a booking cancelled with the booking said first (`预约取消吧`, `我的预约取消一下`): 「抱歉，我没太明白」 and the main menu;
 *     now the booking is shown and cancelling it offered, as `取消预约` does.
 *  8. `是的` at 「您要取消的是这个预约吗？」: 「抱歉，我没太明白」 and the main menu; now the booking is cancelled.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { t, session, booked } = chatOnClock(NOW.toISOString());
const someone = (tag: string) => `web:h132-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('1. the person\'s own figure, typed bare beside another', () => {
  it('一个人大概两万多 我的是23000 (at the township question): 23,000, not about 20,000', async () => {
    const user = someone('own-share');
    await converse(t.chat, user)
      .sendAll('老板欠我们工资', '同意', '好再来饭店')
      .send('一个人大概两万多 我的是23000')
      .expect(/拖欠金额「23,000元」/)
      .expectNot(/20,000/)
      .send('对')
      .expect(/您在哪个镇或街道干活/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 23000, approx: false });
  });

  it('我自己18000 总共十来万 (at the foreman\'s company question): 18,000, not about 100,000', async () => {
    const user = someone('own-total');
    await converse(t.chat, user)
      .sendAll('包工头欠我们一帮人钱', '同意', '包工头叫刘大壮')
      .send('我自己18000 总共十来万')
      .expect(/拖欠金额「18,000元」/)
      .expectNot(/100,000/)
      .send('对');
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 18000, approx: false });
  });

  it('guard: 大家两万多 我23000 at the amount question was 23,000 already', async () => {
    // guard: the question asked reads its own clause.
    const user = someone('own-amount-q');
    await converse(t.chat, user)
      .sendAll('老板欠我们工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月')
      .send('大家两万多 我23000')
      .expectNot(/20,000/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 23000 });
  });

  it('guard: a bare figure after 我 that is no money stays none (a day, a year, a rate)', async () => {
    const user = someone('own-guard');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '好再来饭店')
      .send('我2019年来的')
      .expectNot(/拖欠金额/)
      .send('河西街道')
      .expectNot(/拖欠金额/);
    expect((await session(user)).answers.amount).toBeUndefined();
  });
});

describe('2. a month with its year word, typed at a 「…对吗？」 with a month waiting', () => {
  it('今年2月 at 「离开时间「2026年3月」。对吗？」: February proposed, and 对 keeps it', async () => {
    const user = someone('left-month');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '包工头叫刘大壮')
      .send('早走了 过完年就没去了')
      .expect(/离开时间「2026年3月」/)
      .send('今年2月')
      .expectNot(/请回复「对」或「不对」/)
      .expect(/离开时间「2026年2月」。对吗/)
      .send('对');
    expect((await session(user)).answers).toMatchObject({ leftSince: '2026-02' });
  });

  it('去年10月到今年1月 at 「拖欠时间「2026年9月至2026年11月（3个月）」。对吗？」: that period proposed', async () => {
    const user = someone('period');
    await converse(t.chat, user)
      .sendAll('老板欠了我三个月工资', '同意')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」/)
      .send('去年10月到今年1月')
      .expectNot(/请回复「对」或「不对」/)
      .expect(/拖欠时间「2025年10月至2026年1月（4个月）」。对吗/)
      .send('对');
    expect((await session(user)).answers.period).toMatchObject({ start: '2025-10', end: '2026-01' });
  });

  it('guard: 2月 alone was taken so already; 今年6000 is no month and no figure alone', async () => {
    await converse(t.chat, someone('bare-month'))
      .sendAll('老板欠我工资', '同意', '包工头叫刘大壮', '早走了 过完年就没去了')
      .send('2月')
      .expect(/离开时间「2026年2月」。对吗/);
    await converse(t.chat, someone('year-figure'))
      .sendAll('老板欠我工资 6000', '同意')
      .send('今年6000')
      .expect(/请回复「对」或「不对」/);
  });
});

describe('3. months of pay withheld, said with 钱', () => {
  it('我在美团送外卖 站点扣了我两个月的钱 大概五千: the wage report, the sum confirmed', async () => {
    const user = someone('withheld');
    await converse(t.chat, user)
      .send('我在美团送外卖 站点扣了我两个月的钱 大概五千')
      .expect(/反映欠薪前/)
      .expectNot(/加入新就业形态工会吗/)
      .send('同意')
      .expect(/拖欠金额「约5,000元」。对吗/)
      .send('对');
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 5000, approx: true });
  });

  it('guard: 平台扣了我五千 (a deduction, no months) still gets the platform-rights answer', async () => {
    await converse(t.chat, someone('deducted')).send('平台扣了我五千').expect(/平台扣钱罚款要有规则/).expectNot(/反映欠薪前/);
  });
});

describe('4. a procurator named with the service\'s own name', () => {
  it('想预约检察院的法律援助: the procurator, never the lawyer note nor 「您想找谁帮忙？」', async () => {
    const user = someone('procurator');
    await converse(t.chat, user)
      .send('想预约检察院的法律援助')
      .send('同意')
      .send('2')
      .expectNot(/工会律师咨询是免费的/)
      .sendAll('1')
      .send('1')
      .expectNot(/您想找谁帮忙/)
      .expect(/检察官面对面/);
    expect((await session(user)).answers).toMatchObject({ help: 'procurator' });
  });

  it('guard: 律师还是检察官 names both (asked which); 不找检察院 要法律援助 is the lawyer', async () => {
    const both = someone('both');
    await converse(t.chat, both).sendAll('我想约律师还是检察官', '同意');
    expect((await session(both)).answers.help).toBeUndefined();
    const lawyer = someone('lawyer');
    await converse(t.chat, lawyer).sendAll('不找检察院 要法律援助', '同意');
    expect((await session(lawyer)).answers.help).not.toBe('procurator');
  });
});

describe('5. skipping a consent', () => {
  it.each([
    ['wage', '老板欠我工资'],
    ['membership', '我想入工会'],
  ])('都跳过 at the %s consent: a yes or a no is asked for, nothing about knowing roughly', async (_flow, first) => {
    const user = someone('consent-skip');
    await converse(t.chat, user)
      .send(first)
      .send('都跳过')
      .expect(/这一步不能跳过，请回复「同意」或「不同意」/)
      .expectNot(/知道个大概/)
      .send('同意')
      .expectNot(/不能跳过/);
  });

  it('guard: 跳过 at a question that needs a fact still says so', async () => {
    await converse(t.chat, someone('fact-skip')).sendAll('老板欠我工资', '同意').send('跳过').expect(/这一项不能跳过，我们需要知道个大概/);
  });
});

describe('6. a unit said after 在, in a clause of its own', () => {
  it('老板欠我工资 两个月了 一共8000 在好再来饭店 河西街道: the unit confirmed with the rest, never asked again', async () => {
    const user = someone('at-unit');
    await converse(t.chat, user)
      .send('老板欠我工资 两个月了 一共8000 在好再来饭店 河西街道')
      .send('同意')
      .expect(/用人单位「好再来饭店」、干活的地方「河西街道」/)
      .send('对')
      .expectNot(/欠您工资的单位叫什么名字/);
    expect((await session(user)).answers).toMatchObject({ employer: '好再来饭店' });
  });

  it.each(['老板欠我工资 在饭店', '老板欠我工资 在电子厂', '老板欠我工资 在那个什么厂'])('guard: %s names no unit', async (words) => {
    const user = someone('at-kind');
    await converse(t.chat, user).send(words).send('同意').expectNot(/用人单位「/);
    expect((await session(user)).answers.employer).toBeUndefined();
  });
});

describe('7. the booking said first, then 取消', () => {
  const BOOKED = ['我要找律师', '同意', '欠薪', '还在干', '电话', '河西街道', '4', '王芳', '13700001111', '确认'];

  it.each(['预约取消吧', '我的预约取消一下', '那个预约取消掉'])('%s: the booking shown, cancelling offered; 1 cancels it', async (words) => {
    const user = someone('cancel');
    await converse(t.chat, user)
      .sendAll(...BOOKED)
      .expect(/预约成功/)
      .send(words)
      .expectNot(/没太明白/)
      .expect(/您要取消的是这个预约吗/)
      .send('1')
      .expect(/已取消预约 YY/);
    expect((await booked(user)).map((b) => b.status)).toEqual(['cancelled']);
  });

  it('guard: 取消预约 and 把预约取消 were read so already', async () => {
    await converse(t.chat, someone('cancel-old')).sendAll(...BOOKED).send('把预约取消了吧').expect(/您要取消的是这个预约吗/);
  });
});

describe('8. a yes to 「您要取消的是这个预约吗？」', () => {
  const BOOKED = ['我要找律师', '同意', '欠薪', '还在干', '电话', '河西街道', '4', '王芳', '13700001111', '确认'];

  it.each(['是的', '对', '嗯'])('取消预约, then %s: cancelled', async (yes) => {
    const user = someone('cancel-yes');
    await converse(t.chat, user)
      .sendAll(...BOOKED)
      .send('取消预约')
      .expect(/您要取消的是这个预约吗/)
      .send(yes)
      .expectNot(/没太明白/)
      .expect(/已取消预约 YY/);
    expect((await booked(user)).map((b) => b.status)).toEqual(['cancelled']);
  });

  it('guard: a yes where changing the time and cancelling are both offered (去不了了) cancels nothing', async () => {
    const user = someone('either-yes');
    await converse(t.chat, user).sendAll(...BOOKED).send('去不了了 取消吧').expect(/可以改个时间，也可以取消/).send('是的').expectNot(/已取消预约/);
    expect((await booked(user)).map((b) => b.status)).toEqual(['booked']);
  });
});
