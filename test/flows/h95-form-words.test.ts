/*
 * Words at the wage report's questions (helper h95):
 *  - the period changed with the month left said beside it (`改 5` then `今年3月到8月 8月就走了`, or
 *    `时间说错了 是…` mid-form): the month left was read against the OLD period, did not fit it and was dropped, so
 *    「什么时候离开的？」 was asked again (or, mid-form, the whole change was lost and the address asked with an
 *    address error; or a stale 2026年11月 was kept beside `8月份就不干了`). Now it is read against the new period and
 *    proposed with it in one line;
 *  - `对` / `是的` at 「被欠工资的是您本人，还是您替弟弟反映？」, confirmed with a yes, never got the reminder a picked
 *    `2` gets (「下面的问题请按被欠工资的人的情况回答」); now it is said once after the yes;
 *  - `电子厂`, `饭店`, `小饭店`, `服装厂` alone at the employer question were kept as the unit's name; now which one is
 *    asked (as `去饭店` is), and said again another way with 人工 offered (never the same words twice);
 *  - guards: a figure typed twice (`6000 6000`) is that figure; `送外卖的` never becomes 专送 or a unit;
 *    `得` / `行` / `中` / `嗯呐` are a yes at the consent and at the summary, `同一` is asked again.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h95-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_EMPLOYER = ['老板欠我工资', '同意'];
const TO_AMOUNT = [...TO_EMPLOYER, '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'];
const TO_EMPLOYED = [...TO_AMOUNT, '6000', '就我一个'];
const AFTER_EMPLOYED = ['都跳过', '没有', '王芳', '13700001111'];
const SUMMARY = /请核对您要反映的欠薪情况/;
const BEHALF_REMINDER = /下面的问题请按被欠工资的人的情况回答/;

describe('the period changed with the month left beside it', () => {
  it('改 5 then 今年3月到8月 8月就走了 (still working before): left in August, proposed with the period, never asked again', async () => {
    const user = someone('edit-left');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYED, '还在干', ...AFTER_EMPLOYED)
      .expect(SUMMARY)
      .send('改 5')
      .send('今年3月到8月 8月就走了')
      .expect(/是否还在职「已经离开」、离开时间「2026年8月」/)
      .send('对')
      .expect(SUMMARY)
      .expect(/拖欠时间：2026年3月至2026年8月（6个月）/)
      .expect(/离开时间：2026年8月/)
      .expectNot(/什么时候离开的/);
    expect((await session(user)).answers).toMatchObject({ period: { start: '2026-03', end: '2026-08', months: 6 }, stillEmployed: false, leftSince: '2026-08' });
  });

  it('改 5 then 今年3月到8月 8月份就不干了 (left in November before): the stale month is replaced, never kept beside it', async () => {
    const user = someone('edit-stale');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYED, '已经离开', '11月', ...AFTER_EMPLOYED)
      .expect(/离开时间：2026年11月/)
      .send('改 5')
      .send('今年3月到8月 8月份就不干了')
      .expect(/离开时间「2026年8月」/)
      .send('对')
      .expect(SUMMARY)
      .expect(/离开时间：2026年8月/)
      .expectNot(/离开时间：2026年11月/);
    expect((await session(user)).answers).toMatchObject({ period: { start: '2026-03', end: '2026-08', months: 6 }, stillEmployed: false, leftSince: '2026-08' });
  });

  it('时间说错了 是今年3月到8月 8月就走了 at the address question: the period, having left and the month, in one line', async () => {
    const user = someone('mid-left');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYED, '还在干')
      .expect(/单位的地址在哪里/)
      .send('时间说错了 是今年3月到8月 8月就走了')
      .expect(/拖欠时间「2026年3月至2026年8月（6个月）」、是否还在职「已经离开」、离开时间「2026年8月」/)
      .expectNot(/请写个大概的地址/)
      .send('对')
      .expect(/单位的地址在哪里/)
      .expectNot(/什么时候离开的/);
    expect((await session(user)).answers).toMatchObject({ period: { start: '2026-03', end: '2026-08', months: 6 }, stillEmployed: false, leftSince: '2026-08' });
  });

  // guard: `干到过年` is no word of having left (the report's own period question reads it the same way).
  it('时间说错了 是去年六月干到过年 at the summary (still working): only the period is proposed, nothing re-asked', async () => {
    const user = someone('edit-festival');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYED, '还在干', ...AFTER_EMPLOYED)
      .expect(SUMMARY)
      .send('时间说错了 是去年六月干到过年')
      .expect(/拖欠时间「2025年6月至2026年2月（9个月）」/)
      .send('对')
      .expect(SUMMARY)
      .expectNot(/还在这家单位干吗|什么时候离开的/);
    expect((await session(user)).answers).toMatchObject({ period: { start: '2025-06', end: '2026-02', months: 9 }, stillEmployed: true });
  });

  // guard: the month left (October) and a new period from November cannot both stand; the period is asked again.
  it('改 5 then a period that starts after the month left: said not to fit, never kept beside the stale month', async () => {
    const user = someone('edit-after-left');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT.slice(0, -1), '今年8月到10月', '6000', '就我一个', '已经离开', '10月', ...AFTER_EMPLOYED)
      .expect(/离开时间：2026年10月/)
      .send('改 5')
      .send('今年11月到现在')
      .expect(/2026年10月就离开了/)
      .expectNot(SUMMARY);
    expect((await session(user)).answers).toMatchObject({ period: { start: '2026-08', end: '2026-10' }, leftSince: '2026-10' });
  });
});

describe('whose wages: the reminder after a yes', () => {
  it.each(['对', '是的'])('%s at 「…还是您替弟弟反映？」, then 对: 「请按被欠工资的人的情况回答」 said once', async (yes) => {
    const user = someone('behalf');
    const chat = converse(t.chat, user)
      .send('帮我弟弟问 老板欠他工资')
      .expect(/还是您替弟弟反映/)
      .send(yes)
      .expect(/代为反映「替弟弟反映」。对吗？/)
      .expectNot(BEHALF_REMINDER)
      .send('对')
      .expect(BEHALF_REMINDER)
      .expect(/同意我们收集您和被欠工资的人的一些信息/);
    await chat.send('同意').expect(/被欠工资的人叫什么名字/).expectNot(BEHALF_REMINDER);
  });

  // guard: the picked choice says it with its answer (never twice).
  it('2 at 「…还是您替弟弟反映？」: the reminder once, as before', async () => {
    const user = someone('behalf-2');
    await converse(t.chat, user)
      .send('帮我弟弟问 老板欠他工资')
      .send('2')
      .expect(BEHALF_REMINDER)
      .send('同意')
      .expectNot(BEHALF_REMINDER);
  });
});

describe('a kind of workplace alone at the employer question', () => {
  it.each([
    ['电子厂', /是哪个电子厂呢？/],
    ['饭店', /是哪个饭店呢？/],
    ['小饭店', /是哪个饭店呢？/],
    ['服装厂', /是哪个服装厂呢？/],
    ['超市', /是哪个超市呢？/],
  ])('%s: which one is asked, nothing kept', async (said, which) => {
    const user = someone('kind');
    await converse(t.chat, user).sendAll(...TO_EMPLOYER).send(said).expect(which).expectNot(/哪个镇或街道|我理解的是/);
    expect((await session(user)).answers.employer).toBeUndefined();
  });

  it('电子厂 twice: said another way, with 人工 offered; a name then is taken', async () => {
    const user = someone('kind-again');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYER)
      .send('电子厂')
      .expect(/是哪个电子厂呢？/)
      .send('电子厂')
      .expect(/还需要能找到它的说法/)
      .expect(/人工/)
      .expectNot(/是哪个电子厂呢？/)
      .send('王老板的厂')
      .expect(/哪个镇或街道/);
    expect((await session(user)).answers.employer).toBe('王老板的厂');
  });

  // guard: a name before the kind is a name.
  it('鑫源电子厂: a name, kept as before', async () => {
    const user = someone('named');
    await converse(t.chat, user).sendAll(...TO_EMPLOYER).send('鑫源电子厂').expect(/哪个镇或街道/);
    expect((await session(user)).answers.employer).toBe('鑫源电子厂');
  });
});

describe('a figure typed twice at the amount', () => {
  // guard: the same figure twice is read once.
  it.each([
    ['6000 6000', 6000],
    ['5000 5000', 5000],
  ])('%s: that one figure, never run together or added', async (said, yuan) => {
    const user = someone('twice');
    await converse(t.chat, user).sendAll(...TO_AMOUNT).send(said).expect(/多少人被拖欠/).expectNot(/60,006,000|50,005,000|12,000|10,000/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan });
  });
});

describe('送外卖的', () => {
  // guard: the work said is no unit, and never 专送.
  it('at the employer question: which platform is asked, nothing kept', async () => {
    const user = someone('takeaway-employer');
    await converse(t.chat, user).sendAll(...TO_EMPLOYER).send('送外卖的').expect(/是哪个外卖平台呢？/).expectNot(/专送/);
    const a = (await session(user)).answers;
    expect(a.employer).toBeUndefined();
    expect(JSON.stringify(a)).not.toMatch(/专送/);
  });

  // guard: the trade is kept as said (送外卖), never a platform's kind of work.
  it('at the trade question: 送外卖, never 专送', async () => {
    const user = someone('takeaway-trade');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYED, '还在干', '不知道')
      .expect(/什么工种/)
      .send('送外卖的')
      .expect(/事情经过/)
      .expectNot(/专送/);
    const a = (await session(user)).answers;
    expect(a.trade).toBe('送外卖');
    expect(JSON.stringify(a)).not.toMatch(/专送/);
  });

  // guard: the opening's words keep nothing the worker did not say.
  it('in the first message: nothing the worker did not say', async () => {
    const user = someone('takeaway-first');
    await converse(t.chat, user).send('我是送外卖的 老板欠我工资').send('同意').expect(/单位叫什么名字/).expectNot(/专送/);
    expect(JSON.stringify((await session(user)).answers)).not.toMatch(/专送/);
  });
});

describe('short yeses at the consent and at the summary', () => {
  // guard: Cantonese 得, Henan 中, northern 嗯呐 and 行 are each a plain yes there.
  it.each(['得', '行', '中', '嗯呐'])('%s at the consent: a yes', async (yes) => {
    const user = someone('consent');
    await converse(t.chat, user).send('老板欠我工资').send(yes).expect(/单位叫什么名字/).expectNot(/请回复1表示同意/);
    expect((await session(user)).answers.consent).toBe(true);
  });

  // guard: a near-miss of 同意 is no consent (it was once misread).
  it('同一 at the consent: asked again, nothing kept', async () => {
    const user = someone('tongyi');
    await converse(t.chat, user).send('老板欠我工资').send('同一').expect(/请回复1表示同意，回复2表示不同意/).expectNot(/单位叫什么名字/);
    expect((await session(user)).answers.consent).toBeUndefined();
  });

  // guard: the same yeses submit the summary.
  it.each(['得', '行', '中', '嗯呐'])('%s at the summary: submitted', async (yes) => {
    const user = someone('confirm');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYED, '还在干', ...AFTER_EMPLOYED)
      .expect(SUMMARY)
      .send(yes)
      .expect(/提交成功/);
  });

  // guard: and 同一 submits nothing.
  it('同一 at the summary: asked again, nothing submitted', async () => {
    const user = someone('confirm-tongyi');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYED, '还在干', ...AFTER_EMPLOYED)
      .expect(SUMMARY)
      .send('同一')
      .expect(/请回复「确认」提交/)
      .expectNot(/提交成功/);
  });
});
