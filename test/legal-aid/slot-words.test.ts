/*
 * Time words at the slot list and at the review of a booking, as transcripts
 * on real Redis. Today is Tuesday 1 December 2026, 10:00 (a fixed clock: the
 * demo directory's lawyer takes phone calls every working day 09:00-17:30,
 * the 东龙镇工会驿站 has a lawyer on Tuesdays and Thursdays mornings).
 *
 * A day of the month (`3号`) is never an option number; `下午`, `后天上午`
 * narrow the list (one match is confirmed, never taken silently); a wish to
 * change the time at the review leads to the slot list, never to a screen
 * where 1 confirms the old time; the examples are days that are offered.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { optionLines } from './helpers.js';
import { slotWords, timeChange } from '../../flows/legal-aid.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

/** A lawyer by phone from 东龙镇: at the list of free times (12月1日 10:30 on, six a page). */
const byPhone = (user: string) => converse(t.chat, user).sendAll('预约律师', '同意', '欠薪', '还在干', '电话', '东龙镇').expect(/电话咨询最近的空闲时间/);
/** At 东龙镇工会驿站: at its list of free times (12月1日 10:30, 11:00, 11:30, then 12月3日). */
const inPerson = (user: string) =>
  converse(t.chat, user).sendAll('预约律师', '同意', '欠薪', '还在干', '当面', '东龙镇', '1').expect(/东龙镇工会驿站最近的空闲时间/);
/** By phone, the 2nd time (12月1日 11:00-11:30) and the contact: at the review. */
const atReview = (user: string) => byPhone(user).sendAll('2', '刘强', '13912340000').expect(/6\. 时间：12月1日（周二） 11:00-11:30/);

const lines = (text: string) => optionLines(text).map((l) => l.replace(/^\d+\. /, ''));
const booked = async (user: string) => t.chat.bookings.listByUser(user);

describe('a day of the month at the slot list', () => {
  it('「3号」 shows 3 December, never option 3 (12月1日 11:30), and what is picked there is what is booked', async () => {
    await inPerson('web:d1')
      .expect(/3\. 12月1日（周二） 11:30-12:00/)
      .send('3号')
      .expect(/12月3日（周四）还能约的时间/)
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(0);
        for (const l of lines(text)) expect(l).toMatch(/^12月3日（周四） /);
      })
      .send('1')
      .expect(/怎么称呼您/)
      .sendAll('刘强', '13900001111')
      .expect(/7\. 时间：12月3日（周四） 09:00-09:30/)
      .expectNot(/11:30-12:00/);
  });

  it('「9号」 after 周五 shows 9 December, not the 9th of Friday\'s times', async () => {
    await byPhone('web:d2')
      .send('周五')
      .expect(/9\. 12月4日（周五） 15:00-15:30/)
      .send('9号')
      .expect(/12月9日（周三）还能约的时间/)
      .expectNot(/怎么称呼您/)
      .check((_r, text) => {
        for (const l of lines(text)) expect(l).toMatch(/^12月9日（周三） /);
      });
    expect(await booked('web:d2')).toEqual([]);
  });

  it('「8号」 on a list of 7 is 8 December, not 「没有这个选项」; 「选4号」「4号吧」 are 4 December', async () => {
    await byPhone('web:d3')
      .check((_r, text) => expect(optionLines(text)).toHaveLength(7))
      .send('8号')
      .expectNot(/没有这个选项/)
      .expect(/12月8日（周二）还能约的时间/)
      .send('选4号')
      .expect(/12月4日（周五）还能约的时间/)
      .send('最早')
      .send('4号吧')
      .expect(/12月4日（周五）还能约的时间/);
  });

  it('「11号」 is past the booking window: said so, with what can be booked; nothing is picked', async () => {
    await byPhone('web:d4')
      .send('11号')
      .expect(/只能预约最近7个工作日内的时间（到12月9日（周三））/)
      .expect(/1\. 12月1日（周二） 10:30-11:00/)
      .expectNot(/怎么称呼您/);
  });

  it('「3号下午」 is the afternoon of 3 December; bare digits and 「第3个」 stay option numbers', async () => {
    await byPhone('web:d5')
      .send('3号下午')
      .expect(/12月3日（周四）下午.*还能约的时间/)
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(0);
        for (const l of lines(text)) expect(l).toMatch(/^12月3日（周四） 1[2-7]:/);
      });
    await byPhone('web:d6').send('3').expect(/怎么称呼您/).sendAll('刘强', '13912340000').expect(/时间：12月1日（周二） 11:30-12:00/);
    await byPhone('web:d7').send('第3个').expect(/怎么称呼您/).sendAll('刘强', '13912340000').expect(/时间：12月1日（周二） 11:30-12:00/);
  });
});

describe('a day with a part of the day at the slot list', () => {
  it.each([
    ['后天上午', '12月3日（周四）上午', /^12月3日（周四） (?:09|10|11):/],
    ['下周三下午', '12月9日（周三）下午', /^12月9日（周三） 1[2-7]:/],
    ['明天上午', '12月2日（周三）上午', /^12月2日（周三） (?:09|10|11):/],
    ['周三下午', '12月2日（周三）下午', /^12月2日（周三） 1[2-7]:/],
    ['下午', '下午', /^12月\d+日（周.） 1[2-7]:/],
    ['中午', '中午前后', /^12月\d+日（周.） 1[1-3]:/],
    ['下午都行', '下午', /^12月\d+日（周.） 1[2-7]:/],
  ])('「%s」 shows only %s', async (said, head, each) => {
    await byPhone(`web:p-${said}`)
      .send(said)
      .expectNot(/请回复时间前面的数字/)
      .expect(new RegExp(`^${head}还能约的时间`))
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(1);
        for (const l of lines(text).filter((x) => x !== '更多时间')) expect(l).toMatch(each);
      });
  });

  it('「下午」 after a day is that day\'s afternoon; 「更多」 pages within the afternoons', async () => {
    await byPhone('web:p1')
      .send('周五')
      .send('下午')
      .expect(/12月4日（周五）下午还能约的时间/)
      .check((_r, text) => {
        for (const l of lines(text)) expect(l).toMatch(/^12月4日（周五） 1[4-7]:/);
      });
    await byPhone('web:p2')
      .send('下午')
      .send('更多')
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(1);
        for (const l of lines(text).filter((x) => x !== '更多时间')) expect(l).toMatch(/ 1[2-7]:/);
      });
  });

  it('one matching time is confirmed, not booked silently; 「对」 takes it', async () => {
    // 10:45: at 东龙镇工会驿站 only 11:30 is left this morning (11:00 is less than 30 minutes away).
    clock.set('2026-12-01T10:45:00+08:00');
    await inPerson('web:p3')
      .send('今天上午')
      .expect(/12月1日（周二）上午只有这一个时间还能约/)
      .expect(/时间「12月1日（周二） 11:30-12:00」。对吗？/)
      .send('对')
      .expect(/怎么称呼您/)
      .sendAll('刘强', '13900001111')
      .expect(/时间：12月1日（周二） 11:30-12:00/);
  });

  it('a part of the day with nothing free says so and shows what there is', async () => {
    await byPhone('web:p4')
      .send('晚上')
      .expect(/晚上没有可约的时间/)
      // The latest time of each day instead (probe 3 B18).
      .expect(/每天最晚能约的是/)
      .expect(/1\. 12月1日（周二） 17:00-17:30/);
    // 东龙镇工会驿站 has no afternoon on Thursday: that day's mornings are shown.
    await inPerson('web:p5')
      .send('后天下午')
      // No afternoon times exist that day: said so, not as if they were taken (probe 3 B18).
      .expect(/12月3日（周四）只有上午的时间，下午没有安排。这天还能约的是/)
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(0);
        for (const l of lines(text)) expect(l).toMatch(/^12月3日（周四） (?:09|10|11):/);
      });
  });
});

describe('changing the time at the review', () => {
  it('「时间改成下周一上午」 shows Monday morning\'s times; 1 then picks the first of them, the old time is not booked', async () => {
    await atReview('web:r1')
      .send('时间改成下周一上午')
      .expectNot(/请回复时间前面的数字|未填写/)
      .expect(/好的，请重新选时间/)
      .expect(/12月7日（周一）上午还能约的时间/)
      .check((_r, text) => {
        for (const l of lines(text)) expect(l).toMatch(/^12月7日（周一） (?:09|10|11):/);
      })
      .send('1')
      .expect(/请核对您的预约/)
      .expect(/6\. 时间：12月7日（周一） 09:00-09:30/)
      .expectNot(/预约成功/);
    expect(await booked('web:r1')).toEqual([]);
  });

  it('「时间不合适，换到下午」 shows the afternoons; 1 picks 12月1日 14:00, not the old 11:00', async () => {
    await atReview('web:r2')
      .send('时间不合适，换到下午')
      .expect(/好的，请重新选时间/)
      .expect(/1\. 12月1日（周二） 14:00-14:30/)
      .send('1')
      .expect(/6\. 时间：12月1日（周二） 14:00-14:30/)
      .expectNot(/预约成功/);
    expect(await booked('web:r2')).toEqual([]);
  });

  it('「换个时间」 shows every free time: 1 is the first of them, not the old time', async () => {
    await atReview('web:r3')
      .send('换个时间')
      .expect(/好的，请重新选时间/)
      .expect(/1\. 12月1日（周二） 10:30-11:00/)
      .send('1')
      .expect(/6\. 时间：12月1日（周二） 10:30-11:00/);
    expect(await booked('web:r3')).toEqual([]);
  });

  it('「时间改成周四」 says 「好的，请重新选时间」, never 「时间已改为「未填写」」, at the review and at a later question', async () => {
    await atReview('web:r4')
      .send('时间改成周四')
      .expectNot(/未填写/)
      .expect(/好的，请重新选时间。\n12月3日（周四）还能约的时间/);
    await byPhone('web:r5')
      .send('2')
      .expect(/怎么称呼您/)
      .send('时间改成周四')
      .expectNot(/未填写/)
      .expect(/好的，请重新选时间/)
      .expect(/12月3日（周四）还能约的时间/)
      .send('1')
      .expect(/怎么称呼您/);
  });

  it('other changes at the review are not about the time: 「改 6」 still edits it, a name change is left alone', async () => {
    await atReview('web:r6').send('改 6').expect(/之前填的是：12月1日（周二） 11:00-11:30/).expectNot(/好的，请重新选时间/);
    await atReview('web:r7').send('联系人改成王五').expectNot(/请重新选时间/);
  });
});

describe('examples are days on offer, never fixed dates', () => {
  it('the re-ask, a time not shown and an impossible day use a day that has free times (12月2日), never 11月', async () => {
    await byPhone('web:e1')
      .expect(/例如「12月2日」/)
      .send('看情况')
      .expect(/请回复时间前面的数字/)
      .expect(/例如「12月2日」/)
      .expectNot(/11月/)
      .send('8点')
      .expect(/上面没有08:00开始的时间。请说是哪一天，例如「12月2日上午9点」/)
      .expectNot(/11月/)
      .send('32号')
      .expect(/没有这一天，请核对日期，例如「12月2日」/)
      .expectNot(/11月/);
  });
});

describe('what is read as a wish to change the time', () => {
  it.each([
    ['时间改成下周一上午', '下周一上午'],
    ['时间不合适，换到下午', '下午'],
    ['不对，时间应该是周四', '周四'],
    ['日期错了，是周四', '周四'],
    ['改到3号', '3号'],
    ['能不能换个时间', ''],
    ['时间不行', ''],
  ])('「%s」 asks for 「%s」', (said, wish) => {
    expect(timeChange(said)).toEqual({ wish });
  });

  it.each(['时间是对的', '改 6', '改6号', '改成王五', '手机号改成13912345678', '联系人改成王五', '周四可以吗', '不行'])('「%s」 is not about changing the time', (said) => {
    expect(timeChange(said)).toBeNull();
  });

  it('at the slot list 「3号」 is the 3rd of the month and 「第3个」, 「3」 are left as typed', () => {
    expect(slotWords('3号')).toBe('3日');
    expect(slotWords('就9号吧')).toBe('9日吧');
    expect(slotWords('3号下午')).toBe('3日下午');
    expect(slotWords('时间改成下午')).toBe('下午');
    expect(slotWords('第3个')).toBeNull();
    expect(slotWords('3')).toBeNull();
    expect(slotWords('下午')).toBeNull();
  });
});

describe('the day they left, said as a month', () => {
  it('上个月中旬, 去年年底, 国庆节前走的: the month is understood and the day asked for it; 干到11月20号 is the day', async () => {
    const toLeft = (user: string) => converse(t.chat, user).sendAll('预约律师', '同意', '欠薪', '已经走了').expect(/具体哪天离开的/);
    await toLeft('web:l1').send('上个月中旬').expect(/^是2026年11月几号离开的？例如「11月15日」；记不清就回复「跳过」/).send('11月16日').expect(/裁决书/);
    await toLeft('web:l2').send('去年年底').expect(/^是2025年12月几号离开的？/);
    // 国庆前 is September (the days before 1 October), not October.
    await toLeft('web:l3').send('国庆节前走的').expect(/^是2026年9月几号离开的？/);
    await toLeft('web:l4').send('干到11月20号').expect(/裁决书/);
  });

  it('asked again in words, the day is not a pick from numbers: no 回复数字即可 under it', async () => {
    await converse(t.chat, 'web:l5')
      .sendAll('预约律师', '同意', '欠薪', '已经走了')
      .send('上个月中旬')
      .send('大概月中吧')
      .expect(/具体哪天离开的/)
      .expectNot(/回复数字即可/);
  });
});
