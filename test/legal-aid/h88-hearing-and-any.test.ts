/*
 * The legal-aid booking in a worker's own words (h88), as transcripts on real Redis. Today is Tuesday 1 December
 * 2026, 10:00.
 *  - A hearing day said in passing (`下礼拜三开庭`, `仲裁12月9号开庭`, `下周开庭`): confirmed for a yes, kept on the
 *    booking, shown on the summary and to the lawyer (notice, agenda, booking view); a no keeps nothing. It was dropped.
 *  - The award question's 「还没有」 reads 「还没有裁决或判决」 (an arbitration under way is no 「没仲裁」); the value is 'none'.
 *  - `都行`, `随便`, `越快越好`, `哪个快选哪个` at 「您想怎么咨询？」: the way that can be booked soonest proposed, for a yes
 *    (it was refused again and again); at the slot list `哪个快选哪个` proposes the earliest time.
 *  - `okk`, `666` at the summary submit; `666` is never a yes or a number elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';
import { hearingSaid } from '../../flows/legal-aid.js';
import { BookingSchema } from '../../core/legal-aid/store.js';
import { agendaText, providerBookingText } from '../../core/legal-aid/texts.js';
import { chinaDay } from '../../core/legal-aid/slots.js';
import { bookingView } from '../../api/views.js';
import { BookingViewSchema } from '../../api/contract.js';
import { createBookings } from '../../core/legal-aid/store.js';
import { yesNo } from '../../flows/nlu/talk.js';
import { understandConfirm } from '../../flows/nlu/understand.js';
import { numberPicked } from '../../flows/nlu/choose.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);
const now = new Date(NOW);

/** After the award question: in person, 东龙镇, its station, the first time, the contact: to the summary. */
const TO_SUMMARY = ['1', '1', '1', '1', '王芳', '13700001111'];
const HEARING_ASKED = /我理解的是：开庭（仲裁）日期「12月9日（周三）」。对吗？/;

describe('a hearing day read from the words', () => {
  it('a day right before 开庭, or named as its time; the week alone as its days', () => {
    expect(hearingSaid('下礼拜三开庭', now)).toEqual({ from: '2026-12-09', to: '2026-12-09', said: '下礼拜三开庭' });
    expect(hearingSaid('仲裁12月9号开庭', now)).toMatchObject({ from: '2026-12-09', to: '2026-12-09' });
    expect(hearingSaid('开庭时间是12月9号', now)).toMatchObject({ from: '2026-12-09', to: '2026-12-09' });
    // (h96: `下周要去仲裁` may be filing the claim: no hearing day from it; test/legal-aid/h96-hearing.test.ts.)
    expect(hearingSaid('下周开庭', now)).toEqual({ from: '2026-12-07', to: '2026-12-13', said: '下周开庭' });
  });

  // guard: a day that is past, wished, planned or asked about is no hearing day.
  it('never a past day, a plan, a question, a filing or a leaving day', () => {
    for (const w of ['11月20号开庭', '想下周去仲裁', '准备下周去仲裁', '下周三开庭吗', '12月9号申请仲裁', '10月25号被开除了', '下周三不开庭了', '仲裁时效']) {
      expect(hearingSaid(w, now), w).toBeNull();
    }
  });
});

describe('the hearing day, confirmed, goes to the lawyer', () => {
  it('first message 「下礼拜三开庭 我想找律师」: confirmed after the consent, on the summary, the booking, the notice and agenda', async () => {
    await converse(t.chat, 'web:h1')
      .send('下礼拜三开庭 我想找律师')
      .send('同意')
      .expect(HEARING_ASKED)
      .send('对')
      .expect(/您想咨询什么事？/)
      .sendAll('工资', '10月25日', '还没有', '1', '1', '1')
      .expect(/您说12月9日（周三）开庭（仲裁），时间按先后排，排在前面的在开庭之前。/)
      .sendAll('1', '王芳', '13700001111')
      .expect(/开庭（仲裁）日期：12月9日（周三）/)
      .send('确认')
      .expect(/预约成功/);
    const [b] = await booked('web:h1');
    expect(b!.hearing).toEqual({ from: '2026-12-09', to: '2026-12-09', said: '下礼拜三开庭' });
    const index = t.core.directory.index();
    expect(providerBookingText(index, b!, '13700001111', null)).toContain('开庭/仲裁：12月9日（周三）（本人说「下礼拜三开庭」）');
    expect(agendaText(index, chinaDay(new Date(b!.slot.start)), [b!], () => '13700001111')).toContain('开庭/仲裁：12月9日（周三）');
    const view = BookingViewSchema.parse(bookingView(t.core, createBookings(t.core), b!));
    expect(view.hearing).toMatchObject({ from: '2026-12-09', text: '12月9日（周三）（本人说「下礼拜三开庭」）' });
  });

  it('at the matter question 「工资 仲裁12月9号开庭」: confirmed, kept with the matter', async () => {
    await converse(t.chat, 'web:h2').sendAll('我想找律师', '同意', '工资 仲裁12月9号开庭').expect(HEARING_ASKED).send('是的').expect(/您还在这家单位干吗？/);
    expect((await session('web:h2')).answers).toMatchObject({ matter: 'wage', hearing: { from: '2026-12-09', to: '2026-12-09' } });
  });

  it('at the award question 「下周开庭」: the days of next week confirmed; 不对 keeps nothing', async () => {
    await converse(t.chat, 'web:h3')
      .sendAll('我想找律师', '同意', '工资', '10月25日')
      .expect(/是不是已经有了劳动仲裁的裁决书/)
      .send('下周开庭')
      .expect(/我理解的是：开庭（仲裁）日期「12月7日（周一）至12月13日（周日）之间」。对吗？/)
      .send('不对');
    expect((await session('web:h3')).answers.hearing).toBeUndefined();
  });

  it('a booking record stored before the hearing was kept still reads (hearing: null)', () => {
    const old = {
      id: 'b1', bookingNo: 'YY20261201-0001', rev: 1, status: 'booked', createdAt: NOW, userKey: 'web:x', matter: 'wage', help: 'lawyer', mode: 'phone',
      urgent: false, employment: null, limitEndsOn: null, districtId: 'qingxi', townshipId: null,
      slot: { key: 'k', staffId: 's', pointId: 'p', start: NOW, end: NOW },
      previous: null, contact: { name: '王芳', phoneSealed: 'x', phoneHash: 'y' }, linkedCaseId: null, referralCaseId: null, history: [],
    };
    const parsed = BookingSchema.safeParse(old);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data!.hearing).toBeNull();
  });
});

describe('the award question says 还没有裁决或判决', () => {
  it('the choice and the summary read 「还没有裁决或判决」; the value stays none', async () => {
    await converse(t.chat, 'web:a1')
      .sendAll('我想找律师', '同意', '工资', '10月25日')
      .expect(/1\. 还没有裁决或判决/)
      .expectNot(/没仲裁、没起诉/)
      .sendAll('1', ...TO_SUMMARY)
      .expect(/裁决或判决：还没有裁决或判决/);
    expect((await session('web:a1')).answers.award).toEqual({ state: 'none', doc: null });
  });
});

describe('any way, any time: the soonest proposed for a yes', () => {
  const toMode = (user: string) => converse(t.chat, user).sendAll('我想找律师', '同意', '工资', '1').expect(/您想怎么咨询？/);

  for (const w of ['都行', '随便', '越快越好', '哪个快选哪个']) {
    it(`「${w}」 at 您想怎么咨询？: the quickest way proposed; a yes takes it`, async () => {
      await toMode(`web:m-${w}`)
        .send(w)
        .expect(/电话咨询一般最快能约上。按电话咨询给您找时间，可以吗？/)
        .send('可以')
        .expect(/您在哪个镇或街道？/);
      expect((await session(`web:m-${w}`)).answers.mode).toBe('phone');
    });
  }

  it('「哪个快选哪个」 then 不对: no way kept, the question as it was', async () => {
    await toMode('web:m-no').send('哪个快选哪个').expect(/可以吗？/).send('不用').expect(/您想怎么咨询？/);
    expect((await session('web:m-no')).answers.mode).toBeUndefined();
  });

  it('「哪个快选哪个」 at the slot list: the earliest time proposed, never booked unasked', async () => {
    await toMode('web:s1').sendAll('1', '1', '1').expect(/最近的空闲时间/).send('哪个快选哪个').expect(/最早能约的是12月1日（周二） 10:30-11:00/).expect(/对吗？/);
    expect((await session('web:s1')).answers.slot).toBeUndefined();
  });
});

describe('okk and 666 at the summary', () => {
  const toSummary = (user: string) => converse(t.chat, user).sendAll('我想找律师', '同意', '工资', '10月25日', '还没有', ...TO_SUMMARY).expect(/请核对您的预约/);

  it('「okk」 submits', async () => {
    await toSummary('web:y1').send('okk').expect(/预约成功/);
  });

  it('「666」 submits', async () => {
    await toSummary('web:y2').send('666').expect(/预约成功/);
  });

  it('「666」 at 「…对吗？」 (the hearing day read): the yes', async () => {
    await converse(t.chat, 'web:y4').sendAll('我想找律师', '同意', '下礼拜三开庭 工资').expect(HEARING_ASKED).send('666').expect(/您还在这家单位干吗？/);
    expect((await session('web:y4')).answers.hearing).toMatchObject({ from: '2026-12-09' });
  });

  // guard: at an amount question 666 is the amount (yuan), never a yes.
  it('「666」 at the wage report\'s amount question is 666 yuan', async () => {
    await converse(t.chat, 'web:y5')
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月')
      .expect(/您自己一共被拖欠了多少钱？/)
      .send('666')
      .expect(/一共有多少人被拖欠？/);
    expect(JSON.stringify((await session('web:y5')).answers)).toMatch(/:666\b|"666"/);
  });

  it('666 is a yes only where a confirmation is asked', () => {
    expect(understandConfirm('666')).toBe('yes');
    // guard: never a yes in the plain reading, never a pick of a numbered list.
    expect(yesNo('666')).toBeNull();
    expect(numberPicked('666')).toBeNull();
  });

  // guard: 666 at the slot list books nothing.
  it('「666」 at the slot list books nothing', async () => {
    await converse(t.chat, 'web:y3').sendAll('我想找律师', '同意', '工资', '1', '1', '1', '1').expect(/最近的空闲时间/).send('666').expectNot(/预约成功|怎么称呼您/);
    expect((await session('web:y3')).answers.slot).toBeUndefined();
  });
});
