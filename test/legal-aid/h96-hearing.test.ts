/*
 * The hearing day on a legal-aid booking (h96), as transcripts on real Redis. Today is Tuesday 1 December 2026, 10:00.
 *  - A hearing within 7 days (`后天开庭`): the booking is urgent (开庭日期), said at the time question; the times on or
 *    after the hearing day are marked (`（开庭当天）`, `（开庭之后）`) and a pick of one is said and confirmed, never
 *    taken as if fine; with no time left before the hearing, said so. The lawyer's notice says it too.
 *  - `下周要去仲裁` (filing, or a hearing?): no hearing day kept from it; at the award question it is 「还没有」, with the
 *    hearing day asked for in case it is one. (It was kept as 「12月7日至12月13日之间」开庭.)
 *  - The hearing day is in the documents' notes; the award status is in the lawyer's notice and the staff booking view.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';
import { hearingSaid } from '../../flows/legal-aid.js';
import { againstHearing, bookingConfirmation, createBookings, hearingSoon, providerBookingText, urgentReasons } from '../../core/legal-aid/index.js';
import { staffBookingView } from '../../api/views.js';
import { factsOf } from '../../core/documents/facts.js';
import { blocksOf } from '../../core/documents/content.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);
const now = new Date(NOW);

/** After the consent and the hearing day's yes: wage, left 10月25日, no award, in person, 东龙镇, its station. */
const TO_SLOTS = ['工资', '10月25日', '还没有', '1', '1', '1'];

describe('a hearing day said, against the days offered', () => {
  it('soon when its first day is within 7 days and it is not past', () => {
    expect(hearingSoon({ from: '2026-12-03', to: '2026-12-03' }, '2026-12-01')).toBe(true);
    expect(hearingSoon({ from: '2026-12-07', to: '2026-12-13' }, '2026-12-01')).toBe(true);
    expect(hearingSoon({ from: '2026-12-09', to: '2026-12-09' }, '2026-12-01')).toBe(false);
    expect(hearingSoon({ from: '2026-11-30', to: '2026-11-30' }, '2026-12-01')).toBe(false);
    expect(hearingSoon(null, '2026-12-01')).toBe(false);
  });

  it('a day before it is fine; on it, after it, or within the week said is marked', () => {
    const day = { from: '2026-12-03', to: '2026-12-03' };
    expect(againstHearing('2026-12-02', day)).toBeNull();
    expect(againstHearing('2026-12-03', day)).toBe('same');
    expect(againstHearing('2026-12-04', day)).toBe('after');
    expect(againstHearing('2026-12-08', { from: '2026-12-07', to: '2026-12-13' })).toBe('maybe');
    expect(againstHearing('2026-12-08', null)).toBeNull();
  });

  it('the reasons a booking is urgent name the hearing only when it made it so', () => {
    const b = { urgent: true, limitEndsOn: '2027-10-25', injury: null, createdAt: NOW, history: [] };
    expect(urgentReasons({ ...b, hearing: { from: '2026-12-03', to: '2026-12-03', said: '后天开庭' } })).toEqual(['开庭日期']);
    expect(urgentReasons({ ...b, limitEndsOn: '2026-12-05', hearing: { from: '2026-12-03', to: '2026-12-03', said: '后天开庭' } })).toEqual(['仲裁时效', '开庭日期']);
    // guard: without a hearing, the limit alone as before.
    expect(urgentReasons({ ...b, limitEndsOn: '2026-12-05', hearing: null })).toEqual(['仲裁时效']);
  });
});

describe('a hearing in two days: urgent, and the times after it never offered as if fine', () => {
  it('「后天开庭 我想找律师」: 加急 at the list, 开庭当天 marked, its pick said and confirmed; the lawyer told', async () => {
    await converse(t.chat, 'web:u1')
      .sendAll('后天开庭 我想找律师', '同意')
      .expect(/开庭（仲裁）日期「12月3日（周四）」/)
      .send('对')
      .sendAll(...TO_SLOTS)
      .expect(/⚠ 您说12月3日（周四）开庭（仲裁），已为您加急，请尽量约开庭之前的时间。/)
      .expect(/12月3日（周四） 09:00-09:30（开庭当天）/)
      .expectNot(/例如「12月3日」/)
      .send('4')
      .expect(/这个时间在开庭当天，律师可能来不及在开庭前帮您准备。/)
      .expect(/对吗？/)
      .send('不对')
      .expect(/最近的空闲时间/);
    expect((await session('web:u1')).answers.slot).toBeUndefined();
    await converse(t.chat, 'web:u1')
      .send('4')
      .send('对')
      .sendAll('王芳', '13700001111')
      .expect(/时间：12月3日（周四） 09:00-09:30（开庭当天）/)
      .send('确认')
      .expect(/已标为加急：您的开庭日期快到了/);
    const [b] = await booked('web:u1');
    expect(b!.urgent).toBe(true);
    const index = t.core.directory.index();
    const notice = providerBookingText(index, b!, '13700001111', null);
    expect(notice).toMatch(/^预约号：YY\d{8}-\d{4}（加急）/);
    expect(notice).toContain('开庭/仲裁：12月3日（周四）（本人说「后天开庭」），7天内开庭，请优先处理；约的时间在开庭当天');
    expect(bookingConfirmation(index, b!, '13700001111')).toContain('已标为加急：您的开庭日期快到了，接待人员会优先处理。');
  });

  // guard: a time before the hearing is taken as always.
  it('a time before the hearing is taken as always (no warning, no confirmation)', async () => {
    await converse(t.chat, 'web:u2').sendAll('后天开庭 我想找律师', '同意', '对', ...TO_SLOTS).send('1').expect(/怎么称呼您/).expectNot(/开庭当天|开庭之后/);
  });

  it('「今天下午开庭」: no time left before it, said plainly, with a way out', async () => {
    await converse(t.chat, 'web:u3')
      .sendAll('今天下午开庭 我想找律师', '同意', '对', ...TO_SLOTS)
      .expect(/开庭前已经约不上了，下面的时间都在开庭当天或之后。着急的话可以回复「人工」/)
      .expect(/12月1日（周二） 10:30-11:00（开庭当天）/)
      .expect(/12月3日（周四） 09:00-09:30（开庭之后）/);
  });

  // guard: a hearing more than 7 days away leaves the booking as it was (not urgent; the order said).
  it('a hearing on 12月9日: not urgent, the list as before', async () => {
    await converse(t.chat, 'web:u4')
      .sendAll('12月9号开庭 我想找律师', '同意', '对', ...TO_SLOTS)
      .expect(/您说12月9日（周三）开庭（仲裁），时间按先后排/)
      .expectNot(/加急/)
      .sendAll('1', '王芳', '13700001111', '确认')
      .expect(/预约成功/);
    expect((await booked('web:u4'))[0]!.urgent).toBe(false);
  });
});

describe('「下周要去仲裁」: filing or a hearing, so no hearing day', () => {
  it('read alone: no hearing day; 开庭 said keeps one', () => {
    expect(hearingSaid('下周要去仲裁', now)).toBeNull();
    expect(hearingSaid('下周三要去仲裁', now)).toBeNull();
    // guard: a hearing said is still read.
    expect(hearingSaid('下周一仲裁开庭', now)).toMatchObject({ from: '2026-12-07', to: '2026-12-07' });
  });

  it('at the award question: 还没有 kept, no hearing day, the day asked for in case it is a hearing', async () => {
    await converse(t.chat, 'web:g1')
      .sendAll('我想找律师', '同意', '工资', '10月25日')
      .expect(/是不是已经有了劳动仲裁的裁决书/)
      .send('下周要去仲裁')
      .expectNot(/开庭（仲裁）日期「/)
      .expect(/还没有裁决或判决。要是仲裁已经定了哪天开庭，可以告诉我开庭日期/)
      .expect(/您想怎么咨询？/);
    const a = (await session('web:g1')).answers;
    expect(a.award).toEqual({ state: 'none', doc: null });
    expect(a.hearing).toBeUndefined();
  });

  it('in the first message: nothing about a hearing kept or asked', async () => {
    await converse(t.chat, 'web:g2').sendAll('下周要去仲裁 我想找律师', '同意').expect(/您想咨询什么事？/).expectNot(/开庭/);
    expect((await session('web:g2')).answers.hearing).toBeUndefined();
  });
});

describe('the facts staff and documents get', () => {
  const book = (user: string, first: string) =>
    converse(t.chat, user).sendAll(first, '同意', '对', ...TO_SLOTS, '1', '王芳', '13700001111', '确认').expect(/预约成功/);

  it('the award status in the lawyer\'s notice and the staff booking view', async () => {
    await book('web:f1', '12月9号开庭 我想找律师');
    const [b] = await booked('web:f1');
    expect(providerBookingText(t.core.directory.index(), b!, '13700001111', null)).toContain('裁决或判决：还没有裁决或判决');
    const view = await staffBookingView(t.core, createBookings(t.core), b!);
    expect(view.award).toEqual({ state: 'none', doc: null, text: '还没有裁决或判决' });
  });

  it('the hearing day in the documents\' notes', async () => {
    await book('web:f2', '12月9号开庭 我想找律师');
    const [b] = await booked('web:f2');
    const facts = await factsOf(t.core, b!, { phone: false });
    expect(facts.hearing).toMatchObject({ from: '2026-12-09' });
    const text = JSON.stringify(blocksOf('evidence', facts, now));
    expect(text).toContain('您告诉我们12月9日（周三）开庭（仲裁）（您说「12月9号开庭」）');
  });
});
