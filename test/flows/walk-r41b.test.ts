/*
 * Misreadings in the wage report found walking the web chat (session 41b), as transcripts on real Redis:
 *  1. `工地上干了两个多月 一分钱没给` as a first message: 「拖欠时间「2026年9月至2026年10月（2个月）」」 was proposed. Two-plus
 *     months is roughly how long they worked (to now, or to when they left), no months said: calendar months nobody
 *     said. Now a rough time worked (多, 来, 快, 大概, 左右) is not counted into months: which months is asked. An exact
 *     time worked with nothing paid for it (`干了俩月 一分钱都没拿到`) is still proposed, as the labels have it.
 *  2. `做了半年 老板一直拖着` (and `做了半年` alone) at 「拖欠的是哪段时间的工资？」: six months were **stored unasked** as the
 *     months owed. How long someone worked is not how long they are owed: now proposed with what it was taken as
 *     (「您说做了半年，我先按这段时间的工资都没拿到算」) for a yes; a no asks again.
 *  3. `我老公在工地干了三个月 老板一分钱没给 我是他老婆 我叫陈芳`: the husband's report went on as the wife's own (the 我
 *     of 我是他老婆 read as 没给我). Now whose wages is asked first. At that question `我是他老婆 我叫陈芳` got the
 *     question again; now it is the husband's report (替丈夫反映), and 陈芳 the person's own name (the contact), never the
 *     one owed. `他工资被拖欠了三个月 我是他老婆` now offers 「替丈夫反映」 (was 「替别人反映」).
 *  4. `我在深圳打工 老板欠了我两个月工资`: the place outside the area served was only noticed if typed again at the
 *     township question. Now told before the consent (what is served, where to turn: 12351), what was said kept for
 *     the report, and the township question says it again.
 *  5. Walking other first messages: `我老公一直在广州工地上干活 工资拖了半年` went on as the person's own report (the
 *     wages named first, then 拖了); now whose wages is asked. `我在石岭镇的鞋厂做了两年 今年的工资一直没发` proposed the
 *     two years worked (24 months) as the months owed though 今年 was said for the wages; now which months is asked.
 * Today is Saturday 21 November 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { findPeriod } from '../../flows/parsers/mentions.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-11-21T10:00:00+08:00';
const { t, session: load } = chatOnClock(NOW);
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const pending = async (user: string) => (await load(user)).pending?.values as Partial<WageAnswers> | undefined;
const someone = (tag: string) => `web:r41b-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const PERIOD_ASK = /拖欠的是哪段时间的工资？/;
const CONSENT = /您同意吗？/;
const WHOSE = /被欠工资的是您本人，还是您替(.+)反映？/;
const TO_PERIOD = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是'];

describe('1. a rough time worked, nothing paid, as a first message: no calendar months proposed', () => {
  it('工地上干了两个多月 一分钱没给: the period asked at its question, never 9月至10月 proposed', async () => {
    const user = someone('rough');
    await converse(t.chat, user).send('工地上干了两个多月 一分钱没给').expect(CONSENT).send('同意').expectNot(/拖欠时间「/).expectNot(/2026年9月/);
    expect((await pending(user))?.period).toBeUndefined();
    expect((await answers(user)).period).toBeUndefined();
  });

  it.each(['干了快半年 一分钱没拿到', '干了三个来月 一分钱没给', '嗯那个我在工地上干了三个多月了老板一分钱都没给我', '干了半年左右 工资一直没发'])('%s: no period read', (said) => {
    expect(findPeriod(said, new Date(NOW))).toBeNull();
  });

  // guard: an exact time worked with nothing paid for it is still the months owed (proposed, as labelled).
  it('guard: 干了俩月 一分钱都没拿到 still proposes two months', async () => {
    const user = someone('exact');
    await converse(t.chat, user).sendAll('干了俩月 一分钱都没拿到', '同意').expect(/拖欠时间「2026年9月至2026年10月（2个月）」/);
  });

  // guard: months owed said roughly are still read (and confirmed), only the time worked is not.
  it('guard: 老板欠了我两个多月工资 is still read as two months owed', () => {
    expect(findPeriod('老板欠了我两个多月工资', new Date(NOW))?.value).toMatchObject({ start: '2026-09', end: '2026-10', months: 2 });
  });
});

describe('2. the time worked at the period question: proposed for a yes, never stored unasked', () => {
  it.each([
    ['做了半年 老板一直拖着', /您说做了半年，我先按这段时间的工资都没拿到算。/],
    ['做了半年', /您说做了半年，我先按这段时间的工资都没拿到算。/],
    ['在厂里干了三个月', /您说在厂里干了三个月，我先按这段时间的工资都没拿到算。/],
  ])('%s: said back with what it is taken as, and confirmed', async (said, note) => {
    const user = someone('worked');
    await converse(t.chat, user).sendAll(...TO_PERIOD).expect(PERIOD_ASK).send(said).expect(note).expect(/拖欠时间「.*」。对吗？/);
    expect((await answers(user)).period).toBeUndefined();
    await converse(t.chat, user).send('不对').expect(PERIOD_ASK);
    expect((await answers(user)).period).toBeUndefined();
  });

  // guard: a yes keeps the six months (the same value as was stored unasked before).
  it('guard: 做了半年 then 对: the six months kept', async () => {
    const user = someone('worked-yes');
    await converse(t.chat, user).sendAll(...TO_PERIOD, '做了半年').send('对').expect(/一共被拖欠了多少钱/);
    expect((await answers(user)).period).toMatchObject({ start: '2026-05', end: '2026-10', months: 6 });
  });

  // guard: months said as owed at the question are taken as before (no note about the time worked).
  it('guard: 三个月 at the period question: no note about the time worked', async () => {
    const user = someone('owed');
    await converse(t.chat, user).sendAll(...TO_PERIOD).send('三个月').expectNot(/干活的时间|工资都没拿到算/);
  });
});

describe('3. a wife reporting for her husband', () => {
  it('我老公在工地干了三个月 老板一分钱没给 我是他老婆 我叫陈芳: whose wages asked first', async () => {
    const user = someone('wife-first');
    await converse(t.chat, user).send('我老公在工地干了三个月 老板一分钱没给 我是他老婆 我叫陈芳').expect(/替丈夫反映/);
    await converse(t.chat, user).sendAll('2', '同意').expect(/联系人「陈芳」/).expectNot(/被欠工资的人「陈芳」/);
  });

  it('我是他老婆 我叫陈芳 at the whose question: the husband\'s report; 陈芳 the contact, never the one owed', async () => {
    const user = someone('wife-answer');
    await converse(t.chat, user).send('我老公工资被拖欠了').expect(WHOSE).send('我是他老婆 我叫陈芳').expect(CONSENT).expectNot(WHOSE);
    expect((await answers(user)).onBehalf).toEqual({ relation: '老公' });
    // The husband's name is asked (陈芳 is hers).
    await converse(t.chat, user).send('同意').expect(/联系人「陈芳」/).send('对').expect(/被欠工资的人叫什么名字？/).expectNot(/陈芳/);
    const a = await answers(user);
    expect(a.contactName).toBe('陈芳');
    expect(a.workerName).toBeUndefined();
  });

  it('他工资被拖欠了三个月 我是他老婆: 「替丈夫反映」 offered', async () => {
    const user = someone('wife-he');
    await converse(t.chat, user).send('他工资被拖欠了三个月 我是他老婆').expect(/替丈夫反映/);
  });

  it('我是她女儿 at the whose question (her mother\'s wages): the report is the mother\'s', async () => {
    const user = someone('daughter');
    await converse(t.chat, user).send('我妈的工资被拖欠了').expect(/替母亲反映/).send('我是她女儿').expect(CONSENT);
    expect((await answers(user)).onBehalf).toEqual({ relation: '妈' });
  });
});

describe('4. work outside the area served, said in a first message: told before the consent, nothing lost', () => {
  it('我在深圳打工 老板欠了我两个月工资: what is served said at once; the months kept; the township question says it again', async () => {
    const user = someone('away');
    await converse(t.chat, user)
      .send('我在深圳打工 老板欠了我两个月工资')
      .expect(/只受理青溪区的欠薪反映，在深圳干活被欠薪的，可以找当地的工会/)
      .expect(/12351/)
      .expect(CONSENT)
      .send('同意')
      .expect(/拖欠时间「2026年9月至2026年10月（2个月）」/)
      .sendAll('对', '好再来饭店')
      .expect(/您前面提到在深圳干活。如果活其实是在青溪区干的，请告诉我是哪个镇或街道/)
      .send('河西街道')
      .expect(/哪个村或社区/);
    expect((await answers(user)).period).toMatchObject({ months: 2 });
  });

  it.each([
    ['在东莞一个厂里上班 老板拖了三个月工资没给', '东莞'],
    ['我在广东东莞打工 工厂倒闭了 老板欠我们两个月工资', '东莞'],
    ['我在外地打工 老板欠钱不给', '外地'],
  ])('%s: told before the consent', async (said, place) => {
    const user = someone('away-more');
    await converse(t.chat, user).send(said).expect(new RegExp(`在${place}干活被欠薪的`)).expect(CONSENT);
  });

  it('我儿子在深圳打工 老板欠他工资: whose asked, then told before the consent', async () => {
    const user = someone('away-son');
    await converse(t.chat, user).send('我儿子在深圳打工 老板欠他工资').expect(/替儿子反映/).send('2').expect(/在深圳干活被欠薪的/).expect(CONSENT);
  });

  // guard: the area's own city may be inside it; a place served named, or a home province (老家), is no such thing.
  it.each(['我在南宁上班 老板欠我工资', '我老家是湖南的 在东龙镇工地干活 老板欠我三个月工资', '我在超市上班 老板欠我两个月工资'])('guard: %s: nothing said of the area', async (said) => {
    const user = someone('away-guard');
    await converse(t.chat, user).send(said).expectNot(/只受理/).expect(CONSENT);
  });
});

describe('5. other first messages walked', () => {
  it('我在石岭镇的鞋厂做了两年 今年的工资一直没发: the two years worked never proposed as the months owed', async () => {
    const user = someone('two-years');
    await converse(t.chat, user).sendAll('我在石岭镇的鞋厂做了两年 今年的工资一直没发', '同意').expect(/干活的地方「石岭镇」/).expectNot(/24个月|2024年11月/);
    expect((await pending(user))?.period).toBeUndefined();
  });

  // guard: the time worked with nothing paid, no other time said, is still the months owed.
  it('guard: 我在工地干了三个月 老板一分钱没给: three months read', () => {
    expect(findPeriod('我在工地干了三个月 老板一分钱没给', new Date(NOW))?.value).toMatchObject({ start: '2026-08', end: '2026-10', months: 3 });
  });

  it('我老公一直在广州工地上干活 工资拖了半年: whose wages asked', async () => {
    const user = someone('husband-tuo');
    await converse(t.chat, user).send('我老公一直在广州工地上干活 工资拖了半年').expect(/替丈夫反映/);
  });
});
