/*
 * Workers' own words, looked at afresh (helper h24), on real Redis:
 *  - `本人已离职`, `本人还没拿到工资` in a report: no contact's name is read from them (本人 then a word saying how
 *    things stand is no name); `本人王芳` still is.
 *  - Booking legal aid: `週三上午`, `禮拜三下午` (traditional characters) at the injury question are a day wished
 *    for the consultation, as `周三上午` is, never the day of the injury.
 *  - At the report's summary: `第6项改成8000`, `6改成8000`, `改 金额 8000` change the amount (never read as a
 *    phone number, never 「请回复确认」).
 *  - `应该是东龙吧` at the township question: 东龙镇, the unit's name left as it was (it had been changed to 「东龙」
 *    unasked); `应该是好运来饭店` there changes the unit only once confirmed.
 *  - `老板欠了我。三个月的工资。` (a sentence a voice keyboard broke with full stops): the three months read, confirmed
 *    after the consent (never asked again).
 * The clock stands at Tuesday 1 December 2026 (injected).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h24-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('a report: 本人 and how things stand', () => {
  it('老板拖欠工资3個月，共計6000元，本人已離職: no contact name read', async () => {
    const user = someone('left-self');
    await converse(t.chat, user)
      .send('老板拖欠工资3個月，共計6000元，本人已離職')
      .expect(/同意/)
      .send('同意')
      .expect(/已经离开/)
      .expectNot(/联系人/);
    const s = await session(user);
    expect(s.pending?.values.contactName ?? null).toBeNull();
  });

  it('本人还没拿到工资 老板欠我三个月: no contact name read', async () => {
    const user = someone('not-paid-self');
    await converse(t.chat, user)
      .send('本人还没拿到工资 老板欠我三个月')
      .expect(/同意/)
      .send('同意')
      .expectNot(/联系人/);
    const s = await session(user);
    expect(s.pending?.values.contactName ?? null).toBeNull();
  });

  it('本人王芳，老板欠我三个月工资: the name still read (guard)', async () => {
    const user = someone('own-name');
    await converse(t.chat, user).send('本人王芳，老板欠我三个月工资').send('同意').expect(/联系人「王芳」/);
  });
});

describe('booking legal aid: a day in traditional characters', () => {
  const TO_INJURY = ['预约律师', '同意', '2'];

  it('週三上午 at the injury question: a day wished for the consultation, not the injury', async () => {
    const user = someone('trad-week');
    await converse(t.chat, user)
      .sendAll(...TO_INJURY)
      .send('週三上午')
      .expect(/想约12月2日（周三）上午/)
      .expectNot(/受伤。/);
    const s = await session(user);
    expect(s.answers.injury ?? null).toBeNull();
    expect(s.answers.slotDay).toBe('2026-12-02');
  });

  it('禮拜三下午 at the injury question: a day wished for, not the injury', async () => {
    const user = someone('trad-libai');
    await converse(t.chat, user).sendAll(...TO_INJURY).send('禮拜三下午').expect(/想约12月2日（周三）下午/);
    const s = await session(user);
    expect(s.answers.injury ?? null).toBeNull();
  });
});

describe('the summary: an item and its new value in one message', () => {
  const TO_SUMMARY = ['老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111'];

  for (const said of ['第6项改成8000', '6改成8000', '改 金额 8000']) {
    it(`${said}: the amount changed to 8,000元`, async () => {
      const user = someone('item-to');
      await converse(t.chat, user)
        .sendAll(...TO_SUMMARY)
        .send(said)
        .expect(/拖欠金额已改为「8,000元」/)
        .expectNot(/手机号应该是|只能包含数字|请回复「确认」/);
      const s = await session(user);
      expect(s.answers.amount).toEqual({ yuan: 8000, approx: false, upTo: null });
      expect(s.answers.phone).toBe('13700001111');
    });
  }
});

describe('a hedge at the township question', () => {
  it('应该是东龙吧: 东龙镇 taken, the unit left as it was', async () => {
    const user = someone('hedged-town');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店')
      .send('应该是东龙吧')
      .expect(/在东龙镇的哪个村或社区/)
      .expectNot(/用人单位已改为/);
    const s = await session(user);
    expect(s.answers.employer).toBe('好再来饭店');
    expect(s.answers.location).toEqual({ districtId: 'qingxi', townshipId: 't01' });
  });

  it('应该是好运来饭店 at the township question: the unit changed only once confirmed', async () => {
    const user = someone('hedged-unit');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店')
      .send('应该是好运来饭店')
      .expect(/您是要改成：用人单位「好运来饭店」，对吗？/)
      .send('对')
      .expect(/哪个镇或街道/);
    const s = await session(user);
    expect(s.answers.employer).toBe('好运来饭店');
  });
});

describe('a sentence broken by a voice keyboard', () => {
  it('老板欠了我。三个月的工资。: the period read and confirmed after the consent', async () => {
    const user = someone('voice-stops');
    await converse(t.chat, user)
      .send('老板欠了我。三个月的工资。')
      .expect(/同意/)
      .send('同意')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/);
  });
});
