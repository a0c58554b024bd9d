/*
 * The engine, answers given at the wrong moment (sixth part), as transcripts on the real chat service and
 * real Redis:
 *  - 「您现在还在这家单位干吗？」 answered in other words: `不在那干了` (gone), `冇走`, `冇辞职`, `仲未走` (Cantonese:
 *    still there, never read as gone), `没有离开`; `老板让我回家等通知` says neither and is asked about (what each
 *    answer means, a person offered the second time), never guessed; `老板叫我回家了` too.
 *  - back after a break mid-form: the answer to the question left open (`河西街道`) is taken after a welcome back,
 *    `继续` goes on at once; a 「…对吗？」 left open waits with the draft and is asked again, never dropped unsaid.
 *  - at a 「…对吗？」, `嗯？` is no yes; not following it (`嗯？`, `啥意思`, `什么`): the confirmation again, then
 *    said plainly with 对/不对 and 人工, then what waited is set aside, said so. 人工 there comes back to it.
 *  - a yes where a name is asked (after `姓王` too): what to write, kindly, never 「姓名至少要2个字」.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = '2026-12-01T10:00:00+08:00';
let clock = manualClock(NOW);
const t = useFixture(() => {
  clock = manualClock(NOW);
  return startTestCore({ clock });
});

const session = (user: string) => t.chat.sessions.load(user, clock.now());

const STILL_Q = /您现在还在这家单位干吗？/;
const LEFT_WHEN = /什么时候离开的？/;
const ADDRESS = /单位的地址在哪里？/;
/** A wage report up to 「您现在还在这家单位干吗？」. */
const toStill = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000').send('就我一个').expect(STILL_Q);
const LIMBO = /这种情况要分清楚：只是暂时没活、还等着回去上班，算「还在干」；老板已经不让您干了、不会再叫您回去，算「已经离开」。您是哪种？/;
const BREAK = 1500 * 60_000;

describe('still working there, said in other words', () => {
  it('`不在那干了`, `我已经不在那边做了`: gone, confirmed; 对 asks when they left', async () => {
    await toStill('web:e6a1').send('不在那干了').expect(/我理解的是：是否还在职「已经离开」。对吗？/).send('对').expect(LEFT_WHEN);
    expect((await session('web:e6a1')).answers).toMatchObject({ stillEmployed: false });
    await toStill('web:e6a2').send('我已经不在那边做了').expect(/是否还在职「已经离开」/).expectNot(/请回复1（还在干）或2（已经离开）/);
  });

  it.each(['没有离开', '冇被开除'])('`%s`: still there, confirmed; never read as gone', async (said) => {
    const user = `web:e6b-${said}`;
    await toStill(user).send(said).expect(/我理解的是：是否还在职「还在干」。对吗？/).expectNot(LEFT_WHEN).send('对').expect(ADDRESS).expectNot(LEFT_WHEN);
    expect((await session(user)).answers).toMatchObject({ stillEmployed: true });
  });

  // Cantonese read as the Mandarin it says (flows/nlu/normalize.ts): `冇走` is 没走, taken as 没走 is.
  it.each(['冇走', '我冇走', '仲未走', '冇辞职', '冇走了', '仲喺度做'])('`%s`: still there, taken as its Mandarin; never read as gone', async (said) => {
    const user = `web:e6b2-${said}`;
    await toStill(user).send(said).expect(ADDRESS).expectNot(LEFT_WHEN);
    expect((await session(user)).answers).toMatchObject({ stillEmployed: true });
  });

  it.each([
    ['早走了', LEFT_WHEN],
    ['被辞退了', LEFT_WHEN],
    ['被开了', LEFT_WHEN],
    ['没走', ADDRESS],
    ['人还在厂里', ADDRESS],
    ['还在上班', ADDRESS],
  ])('`%s` is taken as it was', async (said, next) => {
    await toStill(`web:e6c-${said}`).send(said).expect(next);
  });

  it('`老板让我回家等通知`: neither, asked with what each means (never guessed); said again, a person offered; 1 picks', async () => {
    await toStill('web:e6d1')
      .send('老板让我回家等通知')
      .expect(LIMBO)
      .expect(/1\. 还在干，等着回去\n2\. 已经离开，不会再回去/)
      .expectNot(LEFT_WHEN)
      .send('等通知呢')
      .expect(/要看老板有没有说过不要您了[\s\S]*拿不准就回复「人工」/)
      .expect(/3\. 找工作人员/)
      .expectNot(LIMBO);
    expect((await session('web:e6d1')).answers).not.toHaveProperty('stillEmployed');
    await converse(t.chat, 'web:e6d1').send('1').expect(ADDRESS);
    expect((await session('web:e6d1')).answers).toMatchObject({ stillEmployed: true });
  });

  it('answered in its own terms (`等着回去`, `老板说不要我了`): that reading confirmed; `不知道` is not 「选个大概」', async () => {
    await toStill('web:e6d2').send('老板让我回家等通知').expect(LIMBO).send('等着回去').expect(/是否还在职「还在干」。对吗？/);
    await toStill('web:e6d3').send('老板让我回家等通知').expect(LIMBO).send('老板说不要我了').expect(/是否还在职「已经离开」。对吗？/).send('对').expect(LEFT_WHEN);
    await toStill('web:e6d4').send('老板让我回家等通知').expect(LIMBO).send('不知道').expectNot(/选个大概/).expect(/拿不准就回复「人工」/);
  });

  it('`老板叫我回家了`, `厂里停工了 在家等` are asked about too; `被辞退了 让我回家等通知` is gone', async () => {
    await toStill('web:e6d5').send('老板叫我回家了').expect(LIMBO).expectNot(LEFT_WHEN);
    await toStill('web:e6d6').send('厂里停工了 在家等').expect(LIMBO);
    await toStill('web:e6d7').send('被辞退了 让我回家等通知').expect(LEFT_WHEN).expectNot(LIMBO);
    for (const user of ['web:e6d5', 'web:e6d6']) expect((await session(user)).answers).not.toHaveProperty('stillEmployed');
  });
});

describe('back after a break, in the middle of a form', () => {
  const toTownship = (user: string) => converse(t.chat, user).sendAll('老板欠我工资', '同意').send('好再来饭店').expect(/您在哪个镇或街道干活？/);

  it('`河西街道` a day later, at the township question: welcomed back and taken, never 继续 first', async () => {
    await toTownship('web:e6e1');
    clock.advance(BREAK);
    await converse(t.chat, 'web:e6e1')
      .send('河西街道')
      .expect(/欢迎回来！您上次的「反映欠薪」还没填完，我们接着填。/)
      .expect(/在河西街道的哪个村或社区？/)
      .expectNot(/继续填写/);
    const s = await session('web:e6e1');
    expect(s.answers).toHaveProperty('location');
    expect(s.draft).toBeNull();
  });

  it('`继续` a day later goes on at once; a bare number or a greeting gets the welcome back', async () => {
    await toTownship('web:e6e2');
    clock.advance(BREAK);
    await converse(t.chat, 'web:e6e2').send('继续').expect(/我们接着填/).expect(/您在哪个镇或街道干活？/).expectNot(/重新开始/);
    await toTownship('web:e6e3');
    clock.advance(BREAK);
    await converse(t.chat, 'web:e6e3').send('8').expect(/1\. 继续填写\n2\. 重新开始\n3\. 放弃/).send('1').expect(/您在哪个镇或街道干活？/);
    expect((await session('web:e6e3')).answers).not.toHaveProperty('location');
  });

  it('the unit said with the amount a day later at the unit question: taken, confirmed together', async () => {
    await converse(t.chat, 'web:e6e4').sendAll('老板欠我工资').send('同意').expect(/单位叫什么名字/);
    clock.advance(BREAK);
    await converse(t.chat, 'web:e6e4')
      .send('宏达建筑公司 欠我8000')
      .expect(/欢迎回来/)
      .expect(/我理解的是：用人单位「宏达建筑公司」、拖欠金额「8,000元」。对吗？/)
      .send('对')
      .expect(/您在哪个镇或街道干活？/);
  });

  it('a 「…对吗？」 left open over the break: said to wait, asked again after 继续, kept on 对 (never dropped unsaid)', async () => {
    await converse(t.chat, 'web:e6e5').sendAll('老板欠我工资', '同意').send('宏达建筑公司吧应该是').expect(/用人单位「宏达建筑公司」。对吗？/);
    clock.advance(BREAK);
    await converse(t.chat, 'web:e6e5')
      .send('对')
      .expect(/欢迎回来！您上次的「反映欠薪」还没填完。\n刚才的用人单位还没确认，接着填时再跟您核对。/)
      .send('继续填写')
      .expect(/我理解的是：用人单位「宏达建筑公司」。对吗？/)
      .send('对')
      .expect(/您在哪个镇或街道干活？/);
    expect((await session('web:e6e5')).answers).toMatchObject({ employer: '宏达建筑公司' });
  });
});

describe('not following a 「…对吗？」', () => {
  const toConfirm = (user: string) =>
    converse(t.chat, user).sendAll('老板欠我工资', '同意').send('宏达建筑公司吧应该是').expect(/我理解的是：用人单位「宏达建筑公司」。对吗？/);

  it('`嗯？` is no yes; `啥意思` then: said plainly with 对/不对/人工; `什么` a third time: set aside, said so', async () => {
    await toConfirm('web:e6f1')
      .send('嗯？')
      .expect(/^我是在跟您核对刚才记下的内容，看有没有记错。\n我理解的是：用人单位「宏达建筑公司」。对吗？/)
      .expectNot(/哪个镇或街道/);
    expect((await session('web:e6f1')).answers).not.toHaveProperty('employer');
    await converse(t.chat, 'web:e6f1')
      .send('啥意思')
      .expect(/我是想确认有没有记错：用人单位「宏达建筑公司」。\n记得对，就回复「对」；不对，回复「不对」，我再问您一遍；想请工作人员帮忙，回复「人工」。/)
      .expect(/1\. 对\n2\. 不对\n3\. 找工作人员/)
      .send('什么')
      .expect(/好的，用人单位先不记，我再问您一次。/)
      .expect(/单位叫什么名字/);
    const s = await session('web:e6f1');
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.pending).toBeNull();
  });

  it('the plain one answered with 对 keeps the value', async () => {
    await toConfirm('web:e6f2').send('啥意思').expect(/我是在跟您核对/).send('看不懂').expect(/我是想确认有没有记错/).send('对').expect(/您在哪个镇或街道干活？/);
    expect((await session('web:e6f2')).answers).toMatchObject({ employer: '宏达建筑公司' });
  });

  it('人工 picked there: the problem passed on, then the same confirmation again (nothing dropped); 取消 too', async () => {
    await toConfirm('web:e6f3')
      .sendAll('嗯？', '啥意思')
      .send('3')
      .expect(/请用一两句话说说您遇到的问题/)
      .send('我不知道该选哪个')
      .expect(/已为您转人工/)
      .expect(/我理解的是：用人单位「宏达建筑公司」。对吗？/)
      .send('对')
      .expect(/您在哪个镇或街道干活？/);
    expect((await session('web:e6f3')).answers).toMatchObject({ employer: '宏达建筑公司' });
    await toConfirm('web:e6f4').send('人工').expect(/请用一两句话/).send('取消').expect(/我理解的是：用人单位「宏达建筑公司」。对吗？/);
  });

  it('`嗯？` at a yes/no question is not its yes', async () => {
    await converse(t.chat, 'web:e6f5')
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道')
      .send('不清楚')
      .expect(/是工程建设项目吗？/)
      .send('嗯？')
      .expectNot(/项目或工地叫什么名字/);
    expect((await session('web:e6f5')).answers).not.toHaveProperty('construction');
  });
});

describe('a yes where a name is asked', () => {
  const toName = (user: string) =>
    converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过')
      .send('没有')
      .expect(/怎么称呼您？/);

  it('`姓王` then `对`: the full name asked kindly, a form of address offered; 王先生 is taken', async () => {
    await toName('web:e6g1')
      .send('姓王')
      .expect(/^好的，您姓王。全名叫什么？不想留全名，写“王先生”或“王女士”也可以。/)
      .send('对')
      .expect(/^请告诉我您的全名，比如“王建国”；不想留全名，写“王先生”“王女士”也可以。/)
      .expectNot(/至少要2个字/)
      .send('王先生')
      .expect(/手机号/);
    expect((await session('web:e6g1')).answers).toMatchObject({ contactName: '王先生' });
  });

  it('`是的` at the name question: the same, nothing kept', async () => {
    await toName('web:e6g2').send('是的').expect(/请告诉我您的全名/).expectNot(/请输入您的姓名/);
    expect((await session('web:e6g2')).answers).not.toHaveProperty('contactName');
  });

  it('joining the union (the name on the ID card): 姓王 and 对 ask for the full name, never a form of address', async () => {
    await converse(t.chat, 'web:e6g3')
      .sendAll('我要入会', '同意', '同意')
      .send('1')
      .expect(/请输入您的姓名，要和身份证上的一致。/)
      .send('姓王')
      .expect(/好的，您姓王。这里要写身份证上的全名/)
      .expectNot(/王先生/)
      .send('对')
      .expect(/^请输入您的姓名，要和身份证上的一致，写全名，比如“王建国”。/)
      .expectNot(/至少要2个字|王先生/);
  });
});
