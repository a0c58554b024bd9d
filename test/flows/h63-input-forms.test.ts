/*
 * The same meaning typed in other forms (helper h63), on real Redis: voice transcripts (fillers, no or stray
 * punctuation), traditional characters, full-width digits, emoji.
 *  - a nod before a no (`嗯，不同意`, `嗯 不是`, `嗯，不对`), as voice input writes it: the no, never a yes (it once
 *    gave consent, kept a reading the person had refused and submitted a report from the summary);
 *  - a nod before thinking it over (`嗯，我再想想`) or before words of not (`嗯 不在了`): no yes;
 *  - a filler glued to the no (`呃不对`, `嗯嗯不同意`): the plain no, never read as a correction to 「呃」.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h63-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('a nod before a no (voice input)', () => {
  it('嗯，不同意 at the wage consent: no consent, nothing kept', async () => {
    const user = someone('consent-nod-no');
    await converse(t.chat, user)
      .send('老板欠我三个月工资')
      .expect(/您同意吗/)
      .send('嗯，不同意')
      .expect(/没有您的同意/);
    const s = await session(user);
    expect(s.answers.consent ?? null).not.toBe(true);
  });

  it('嗯 不是 at 「…对吗？」: the months are not kept', async () => {
    const user = someone('confirm-nod-no');
    await converse(t.chat, user)
      .sendAll('老板欠我三个月工资', '同意')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗/)
      .send('嗯 不是')
      .expect(/先不记/);
    const s = await session(user);
    expect(s.answers.consent).toBe(true);
    expect(s.answers.period ?? null).toBeNull();
  });

  // guard: the summary reads its own yes (only 确认 and plain yes words), so a nod before a no never submits.
  it('嗯，不对 at the summary: which item to change asked, nothing submitted', async () => {
    const user = someone('summary-nod-no');
    await converse(t.chat, user)
      .sendAll(...SUBMITTED_REPORT.slice(0, -1))
      .expect(/请核对以上信息/)
      .send('嗯，不对')
      .expect(/哪一项要改/)
      .expectNot(/提交成功/);
    expect(await t.core.cases.listByUser(user, 20)).toEqual([]);
  });

  it('嗯，我再想想 at the legal-aid consent: no yes, the consent still asked', async () => {
    const user = someone('consent-nod-thinking');
    await converse(t.chat, user)
      .send('想找律师')
      .expect(/您同意吗/)
      .send('嗯，我再想想')
      .expectNot(/您想咨询什么事/);
    const s = await session(user);
    expect(s.answers.consent ?? null).not.toBe(true);
  });
});

describe('a nod before words of not', () => {
  it('嗯 不在了 at 「还在这家单位干吗」: never kept as still working there', async () => {
    const user = someone('nod-not-there');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个')
      .expect(/还在这家单位/)
      .send('嗯 不在了');
    const s = await session(user);
    expect(s.answers.stillEmployed ?? null).not.toBe(true);
  });
});

describe('a filler glued to the no', () => {
  it('呃不对 at 「…对吗？」: a plain no, never a period read from 「呃」', async () => {
    const user = someone('glued-no');
    await converse(t.chat, user)
      .sendAll('老板欠我三个月工资', '同意')
      .send('呃不对')
      .expect(/先不记/)
      .expectNot(/没看明白/);
    const s = await session(user);
    expect(s.answers.period ?? null).toBeNull();
  });

  it('嗯嗯不同意 at the membership consent: no consent', async () => {
    const user = someone('glued-refusal');
    await converse(t.chat, user)
      .send('我想加入工会')
      .expect(/您同意吗/)
      .send('嗯嗯不同意')
      .expect(/没有您的同意/);
    const s = await session(user);
    expect(s.answers.consent ?? null).not.toBe(true);
  });
});

describe('other forms of the same answers', () => {
  // guard: a report typed in traditional characters is read as its simplified form (opencc in nlu/normalize.ts).
  it('traditional characters: the months, the unit, the place, the village and the amount', async () => {
    const user = someone('traditional');
    await converse(t.chat, user)
      .sendAll('老闆欠我三個月工資', '同意', '確認', '東龍鎮宏達電子廠', '對', '嶺頭村', '不是', '兩萬八')
      .expect(/拖欠金额「28,000元」|多少人/);
    const s = await session(user);
    expect(s.answers).toMatchObject({
      period: { start: '2026-09', end: '2026-11', months: 3 },
      employer: '宏达电子厂',
      location: { townshipId: 't01' },
      community: { community: '岭头村' },
    });
  });

  // guard: a phone number read out (voice input) is confirmed, never taken as an amount.
  it('一三八零零一三八零零零 at the amount question: the phone, to confirm; no amount kept', async () => {
    const user = someone('spoken-phone');
    await converse(t.chat, user)
      .sendAll('老板欠我三个月工资', '同意', '对', '宏达电子厂', '东龙镇', '岭头村', '不是')
      .expect(/多少钱/)
      .send('一三八零零一三八零零零')
      .expect(/手机号「13800138000」。对吗/);
    const s = await session(user);
    expect(s.answers.amount ?? null).toBeNull();
    expect(s.answers.phone ?? null).toBeNull();
  });
});
