/*
 * Booking legal aid, what the person meant (ninth part, b), as transcripts on real Redis:
 *  - A1: the matter told in a long sentence naming several (`我在工地摔伤了老板还欠我三个月工资，现在把我开除了`):
 *    which one to book is asked (all of them listed), never the one a single clause names (开除 → 劳动合同) kept.
 *  - A2: a complaint told with 没 (`我被开除了，工资也没结`, `社保没交，合同也不签`) is no denial of that matter:
 *    both are listed to pick from, never the other one taken silently; `没有工伤，就是欠工资` still denies 工伤.
 *  - B1: `明天几点都行`, `明天随便几点`, `周四一整天都有空` at the time list: that day's free times (it was a question
 *    nobody could answer).
 *  - B2: `我想再约一个`, `再约一个` after a booking: a new booking begun, the one to come said first (with 改约),
 *    never 「没太明白」 and the menu.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock: the demo directory's lawyer takes phone calls every
 * working day).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session } = chatOnClock(NOW);

const toMatter = (user: string) => converse(t.chat, user).sendAll('我想找律师', '1').expect(/您想咨询什么事/);
/** By phone from 河西: at the time list. */
const toSlots = (user: string) =>
  converse(t.chat, user).sendAll('3', '1', '1', '还在干', '1', '电话', '河西').expect(/电话咨询最近的空闲时间/);

describe('several matters in one long sentence', () => {
  it('摔伤 + 欠工资 + 开除: the three are listed to pick from; none is kept until picked', async () => {
    await toMatter('web:a1')
      .send('我在工地摔伤了老板还欠我三个月工资，现在把我开除了')
      .expect(/您说的有「欠薪」、「工伤」和「劳动合同」三件事，咨询时都可以跟律师说。预约先记一件主要的，请选/)
      .expect(/1\. 欠薪\n2\. 工伤\n3\. 劳动合同/)
      .expectNot(/离开/);
    expect((await session('web:a1')).answers.matter).toBeUndefined();
    await converse(t.chat, 'web:a1').send('2').expect(/您是哪天受伤的/);
    expect((await session('web:a1')).answers.matter).toBe('injury');
  });

  it('「我被开除了，工资也没结」: 欠薪 and 劳动合同 both listed, never 劳动合同 kept alone', async () => {
    await toMatter('web:a2')
      .send('我被开除了，工资也没结')
      .expect(/您说的有「欠薪」和「劳动合同」两件事/)
      .expectNot(/还在这家单位干吗|离开的/);
    expect((await session('web:a2')).answers.matter).toBeUndefined();
  });

  it.each(['1', '欠薪'])('having left, said with them (开除), is kept through the pick (%s): the day asked, not whether still there', async (pick) => {
    const user = `web:a2-${pick === '1' ? 'n' : 'w'}`;
    await toMatter(user)
      .send('我被开除了，工资也没结')
      .expect(/两件事/)
      .send(pick)
      .expect(/您说已经离开这家单位了，是哪天离开的/)
      .expectNot(/您还在这家单位干吗/);
    const a = (await session(user)).answers;
    expect(a.matter).toBe('wage');
    expect(a.limitLeft).toBe(true);
    await converse(t.chat, user).send('10月25日').expectNot(/离开/);
  });

  it('still there, with several matters (社保没交，合同也不签): the pick asks whether they still work there', async () => {
    await toMatter('web:a3s').send('社保没交，合同也不签').expect(/两件事/).send('社保').expect(/您还在这家单位干吗/);
    expect((await session('web:a3s')).answers.matter).toBe('social_insurance');
  });

  it('「社保没交，合同也不签」: 劳动合同 and 社保 both listed', async () => {
    await toMatter('web:a3').send('社保没交，合同也不签').expect(/您说的有「劳动合同」和「社保」两件事/);
    expect((await session('web:a3')).answers.matter).toBeUndefined();
  });

  it('「没有工伤，就是欠工资」: 工伤 denied, 欠薪 taken', async () => {
    await toMatter('web:a4').send('没有工伤，就是欠工资').expectNot(/两件事/);
    expect((await session('web:a4')).answers.matter).toBe('wage');
  });
});

describe('any time of a day, at the time list', () => {
  it('「明天几点都行」: the free times of 12月2日, never 「答不上来」', async () => {
    await toSlots('web:b1')
      .send('明天几点都行')
      .expect(/12月2日（周三）还能约的时间/)
      .expect(/1\. 12月2日（周三） 09:00-09:30/)
      .expectNot(/答不上来/);
    expect((await session('web:b1')).answers.slot).toBeUndefined();
  });

  it('「明天随便几点」 and 「周四一整天都有空」: that day\'s times', async () => {
    await toSlots('web:b2').send('明天随便几点').expect(/12月2日（周三）还能约的时间/).expectNot(/答不上来/);
    await toSlots('web:b3').send('周四一整天都有空').expect(/12月3日（周四）还能约的时间/).expectNot(/答不上来/);
  });

  it('「随便几点都行」 alone is still the earliest time, confirmed', async () => {
    await toSlots('web:b4').send('随便几点都行').expect(/最早能约的是12月1日（周二） 10:30-11:00/).expect(/对吗/);
  });
});

describe('another booking, asked for after one', () => {
  it('「我想再约一个」: the booking to come said, then a new one begun at the consent', async () => {
    await toSlots('web:c1')
      .sendAll('12月3日', '1', '李明', '13800138000', '确认')
      .expect(/预约成功/)
      .send('我想再约一个')
      .expect(/您已经约了：YY\d{8}-\d{4}（12月3日（周四） 09:00-09:30，电话咨询）。这次是再约一个新的/)
      .expect(/您同意吗/)
      .expectNot(/没太明白/);
    expect(await t.chat.bookings.listByUser('web:c1')).toHaveLength(1);
  });

  it('「再约一个」 said alone at the menu begins the booking', async () => {
    await converse(t.chat, 'web:c2').send('再约一个').expect(/预约法律援助前/).expectNot(/没太明白/);
  });
});
