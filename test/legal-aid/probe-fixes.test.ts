/*
 * What a tester typed as workers would, at the legal-aid booking
 * (.scratch/probe-aid.md), as transcripts on real Redis. Today is Tuesday
 * 1 December 2026, 10:00 (a fixed clock: the demo directory's lawyer takes
 * phone calls every working day, the 东龙镇工会驿站 has a lawyer on Tuesday
 * and Thursday mornings).
 *
 * Precision first: a day of the month is never an option number; a day
 * still to come this year is confirmed as last year's, never taken
 * silently; a change asked for at the summary is made (or the summary shown
 * again), never lost before 确认 books the old values.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const answers = async (user: string) => (await t.chat.sessions.load(user, clock.now())).answers as Record<string, unknown>;
const booked = async (user: string) => t.chat.bookings.listByUser(user);

/** A lawyer about unpaid wages: at the day-they-left question. */
const atLimit = (user: string) => converse(t.chat, user).sendAll('预约律师', '同意', '欠薪').expect(/您还在这家单位干吗/);
/** A lawyer about a work injury: at the injury-day question. */
const atInjury = (user: string) => converse(t.chat, user).sendAll('预约律师', '同意', '工伤').expect(/您是哪天受伤的/);
/** At 东龙镇工会驿站, the first time, 李明 / 13800138000: at the summary (in person). */
const inPersonReview = (user: string) =>
  converse(t.chat, user).sendAll('预约律师', '1', '1', '还在干', '1', '东龙镇', '1', '1', '李明', '13800138000').expect(/请核对您的预约/).expect(/方式：到服务点面谈/);
/** By phone from 河西, the first time, 张三: booked. */
const bookedByPhone = (user: string) =>
  converse(t.chat, user).sendAll('预约律师', '1', '1', '还在干', '电话', '河西', '1', '张三', '13800138000', '确认').expect(/预约成功/);

describe('a day of the month at the day-they-left and injury-day questions (probe 1.2)', () => {
  it('「1号」 is the 1st, never option 1 (还在干 / 工伤已经认定了); 「5号」「30号」 are the latest past 5th and 30th', async () => {
    await atLimit('web:n1').send('1号').expectNot(/没有这个选项/).expect(/裁决书/);
    expect((await answers('web:n1')).limit).toEqual({ leftOn: '2026-12-01' });
    await atLimit('web:n2').send('5号').expectNot(/没有这个选项/);
    expect((await answers('web:n2')).limit).toEqual({ leftOn: '2026-11-05' });
    await atLimit('web:n3').send('30号').expectNot(/没有这个选项/);
    expect((await answers('web:n3')).limit).toEqual({ leftOn: '2026-11-30' });
    await atInjury('web:n4').send('1号').expectNot(/没有这个选项/);
    expect((await answers('web:n4')).injury).toEqual({ on: '2026-12-01' });
    await atInjury('web:n5').send('5号').expectNot(/没有这个选项/);
    expect((await answers('web:n5')).injury).toEqual({ on: '2026-11-05' });
  });

  it('a bare 「5」 is asked about with the month, never 「请回复1到1之间的数字」; 「1」 is still 还在干', async () => {
    // Probe 3 C5: one question for the month (no 「我们接着填」, no yes/no whose 「是」 would read as 还在干).
    await atLimit('web:n6').send('5').expectNot(/1到1之间|我们接着填/).expect(/^是几月5号离开的？请说月份，例如「11月」/);
    expect((await answers('web:n6')).limit).toBeUndefined();
    await atLimit('web:n7').send('1');
    expect((await answers('web:n7')).limit).toEqual({ employed: true });
  });
});

describe('a day still to come this year (probe 1.12)', () => {
  it('「12月5号」 at the day they left is confirmed as last year, with what it means; 不对 asks again and nothing is kept', async () => {
    await atLimit('web:y1')
      .send('12月5号')
      .expect(/今年的12月5日还没到，您说的应该是2025年12月5日/)
      .expect(/对吗？/);
    expect((await answers('web:y1')).limit).toBeUndefined();
    await converse(t.chat, 'web:y1').send('不对').expect(/您还在这家单位干吗/).send('11月5号');
    expect((await answers('web:y1')).limit).toEqual({ leftOn: '2026-11-05' });
    await atLimit('web:y2').send('12月5号').send('对').expect(/裁决书/);
    expect((await answers('web:y2')).limit).toEqual({ leftOn: '2025-12-05' });
  });

  it('at the injury day, where it is not kept but asked for; in an opening message, confirmed with why (h52)', async () => {
    await atInjury('web:y3').send('12月5号').expect(/您说的应该是2025年12月5日/).expect(/对吗？/);
    expect((await answers('web:y3')).injury).toBeUndefined();
    // h52: the day said in the opening message is no longer dropped (and asked again): why, then confirmed with 工伤.
    await converse(t.chat, 'web:y4')
      .send('想找律师 我12月5号摔伤的')
      .send('1')
      .expect(/今年的12月5日还没到，您说的应该是2025年12月5日/)
      .expect(/咨询的事「工伤」、受伤日期「2025年12月5日受伤/)
      .send('对')
      .expectNot(/您是哪天受伤的/);
    expect((await answers('web:y4')).injury).toEqual({ on: '2025-12-05' });
  });
});

describe('a month without the day at the injury question (probe 2.3)', () => {
  it('「去年8月份摔的」 asks which day of August 2025, and 「15号」 is that day; the words after the day are left out', async () => {
    await atInjury('web:m1').send('去年8月份摔的').expect(/是2025年8月几号受的伤？/).send('15号');
    expect((await answers('web:m1')).injury).toEqual({ on: '2025-08-15' });
    await atInjury('web:m2').send('今年1月3号被机器压了手').expect(/您还在这家单位干吗/);
    expect((await answers('web:m2')).injury).toEqual({ on: '2026-01-03' });
  });

  it('the day-they-left question does the same; the skip hint names the procurator for a procurator', async () => {
    await converse(t.chat, 'web:m3').sendAll('预约检察官', '1', '1').send('上个月').expect(/是2026年11月几号离开的？/).expect(/检察官会再问您/).expectNot(/律师/).send('20号');
    expect((await answers('web:m3')).limit).toEqual({ leftOn: '2026-11-20' });
  });
});

describe('the way to meet (probe 2.1, 2.2)', () => {
  it('「电话吧」「电话的」「手机上说」 are by phone, 「面对面」 in person', async () => {
    for (const [i, [said, mode]] of ([['电话吧', 'phone'], ['电话的', 'phone'], ['手机上说', 'phone'], ['面对面', 'in_person']] as const).entries()) {
      await atLimit(`web:w${i}`).send('还在干').expect(/您想怎么咨询/).send(said).expect(/您在哪个镇或街道/);
      expect((await answers(`web:w${i}`)).mode).toBe(mode);
    }
  });

  it('a procurator by phone in the opening message is not kept: the mode question says there is no phone time, never 「约满了」', async () => {
    await converse(t.chat, 'web:w9')
      .send('我想找检察官 电话咨询')
      .send('1')
      .expectNot(/方式「电话咨询」/)
      .sendAll('1', '还在干')
      .expect(/检察官面对面暂时没有电话咨询。您想怎么咨询/)
      .expectNot(/约满了/);
    expect((await answers('web:w9')).mode).toBeUndefined();
  });
});

describe('changes at the summary (probe 1.3, 1.4)', () => {
  it('「改成电话咨询」 changes the way to meet and asks the time again; 确认 books by phone', async () => {
    await inPersonReview('web:c1')
      .send('改成电话咨询')
      .expect(/方式改为电话咨询/)
      .expect(/电话咨询最近的空闲时间/)
      .expectNot(/手机号只能包含数字/)
      .send('1')
      .expect(/方式：电话咨询/)
      .send('确认')
      .expect(/预约成功/);
    expect((await booked('web:c1'))[0]).toMatchObject({ mode: 'phone' });
  });

  it('「方式改成电话」 does the same; nothing is booked in person', async () => {
    await inPersonReview('web:c2').send('方式改成电话').expect(/方式改为电话咨询/).send('确认').expectNot(/预约成功/);
    expect(await booked('web:c2')).toEqual([]);
  });

  it('a new phone number and name in one message are both taken and the summary shown again before 确认', async () => {
    await inPersonReview('web:c3')
      .send('手机号错了 是13900001111 名字是李敏')
      .expect(/联系人：李敏/)
      .expect(/手机号：13900001111/)
      .send('确认')
      .expect(/预约成功/);
    expect((await booked('web:c3'))[0]).toMatchObject({ contact: { name: '李敏' } });
    expect(t.chat.bookings.phoneOf((await booked('web:c3'))[0]!)).toBe('13900001111');
  });

  it('确认 right after 「哪一项要改」 shows the summary again instead of booking', async () => {
    await inPersonReview('web:c4')
      .send('有个地方填错了')
      .expect(/要改哪一项/)
      .send('确认')
      .expectNot(/预约成功/)
      .expect(/还没有改动。请再核对一次/)
      .expect(/请核对您的预约/);
    expect(await booked('web:c4')).toEqual([]);
    await converse(t.chat, 'web:c4').send('确认').expect(/预约成功/);
  });
});

describe('after booking (probe 3.2)', () => {
  it('「我约的律师是几点」「预约号是多少」 show the booking, never a new consent', async () => {
    await bookedByPhone('web:a1');
    const [b] = await booked('web:a1');
    await converse(t.chat, 'web:a1')
      .send('我约的律师是几点')
      .expect(new RegExp(`${b!.bookingNo}  12月1日（周二） 10:30-11:00`))
      .expectNot(/同意/)
      .send('预约号是多少')
      .expect(new RegExp(b!.bookingNo))
      .expectNot(/答不上来|同意/);
  });

  it('「进度」 with a booking and no case shows the booking, not 「您还没有提交过案件」', async () => {
    await bookedByPhone('web:a9');
    const [b] = await booked('web:a9');
    await converse(t.chat, 'web:a9').send('进度').expect(/您的法律援助预约/).expect(new RegExp(b!.bookingNo)).expectNot(/还没有提交过案件/);
    // Nothing at all: what happens once a report is made, and how to start.
    await converse(t.chat, 'web:a10').send('进度').expect(/您还没有提交过案件。在这里登记欠薪后.*15个工作日内/).expect(/回复「反映欠薪」可以开始/);
  });

  it('「我明天去不了」「我想改个时间」 offer changing or cancelling that booking by number', async () => {
    await bookedByPhone('web:a2');
    const [b] = await booked('web:a2');
    await converse(t.chat, 'web:a2')
      .send('我想改个时间')
      .expect(/1\. 改时间/)
      .send('1')
      .expect(new RegExp(`为预约 ${b!.bookingNo} 改时间`));
    await bookedByPhone('web:a3');
    await converse(t.chat, 'web:a3').send('我明天去不了').expect(/可以改个时间，也可以取消/).expect(/2\. 取消这个预约/).send('2').expect(/已取消预约/);
    expect((await booked('web:a3'))[0]).toMatchObject({ status: 'cancelled' });
  });

  it('a bare 「取消预约」 with one booking offers that booking', async () => {
    await bookedByPhone('web:a4');
    await converse(t.chat, 'web:a4').send('取消预约').expect(/您要取消的是这个预约吗/).send('1').expect(/已取消预约/);
  });

  it('questions about a booking from someone without one are left to the rest of the chat', async () => {
    await converse(t.chat, 'web:a5').send('我明天去不了').expectNot(/可以改个时间，也可以取消/);
  });
});

describe('answers that mean 其他, either, or the earliest (probe 3.5, 3.6)', () => {
  it('「老板打人」 is 其他, with 110 first; 「不知道算哪种」 is 其他; 「房东不退押金」 is 其他, not a labour matter', async () => {
    await converse(t.chat, 'web:o1').sendAll('预约律师', '1').send('老板打人').expect(/记为「其他」。被打了请先打110报警/);
    expect((await answers('web:o1')).matter).toBe('other');
    await converse(t.chat, 'web:o2').sendAll('预约律师', '1').send('不知道算哪种').expect(/先记为「其他」/).expectNot(/需要知道个大概/);
    expect((await answers('web:o2')).matter).toBe('other');
    await converse(t.chat, 'web:o3').sendAll('预约律师', '1').send('房东不退押金').expect(/不算劳动纠纷/);
  });

  it('「都行」「不知道找谁」 at 想找谁 are the union lawyer, with the reason', async () => {
    for (const [i, said] of ['都行', '不知道找谁', '哪个好'].entries()) {
      await converse(t.chat, `web:h${i}`).sendAll('预约法律援助', '1', '1', '还在干').expect(/您想找谁帮忙/).send(said).expect(/那就先约工会律师：免费/).expect(/您想怎么咨询/);
      expect((await answers(`web:h${i}`)).help).toBe('lawyer');
    }
  });

  it('「越快越好」「随便」 at the time list offer the earliest time, confirmed before it counts', async () => {
    const byPhone = (user: string) => converse(t.chat, user).sendAll('预约律师', '1', '1', '还在干', '电话', '河西').expect(/电话咨询最近的空闲时间/);
    await byPhone('web:e1').send('越快越好').expect(/最早能约的是12月1日（周二） 10:30-11:00/).expect(/对吗/);
    expect((await answers('web:e1')).slot).toBeUndefined();
    await converse(t.chat, 'web:e1').send('对').expect(/怎么称呼您/);
    expect((await answers('web:e1')).slot).toMatchObject({ day: '2026-12-01', time: '10:30' });
    await byPhone('web:e2').send('随便').expect(/最早能约的是/);
  });
});

describe('facts in the opening message (probe 3.7)', () => {
  it('an injury day said with 摔的 or 被机器压了手 is kept (confirmed after consent)', async () => {
    await converse(t.chat, 'web:f1').send('我想找律师 工伤 去年10月8号摔的').send('1').expect(/受伤日期「2025年10月8日受伤/);
    await converse(t.chat, 'web:f2').send('我想约律师 工伤 上个月10号在厂里被机器压了手').send('1').expect(/受伤日期「2026年11月10日受伤/);
  });
});

describe('words that fit the booking (probe severity 4)', () => {
  it('the phone question tells in-person bookers what the number is for; a phone booking is never told 「不能来」', async () => {
    await converse(t.chat, 'web:s1')
      .sendAll('预约律师', '1', '1', '还在干', '1', '东龙镇', '1', '1', '李明')
      .expect(/您的手机号是多少？预约提醒和时间有变化时会用到/)
      .expectNot(/电话、视频咨询会打这个号码/);
    await bookedByPhone('web:s2').expectNot(/不能来|来不了/).expect(/时间不方便请回复「改约 /);
  });
});
