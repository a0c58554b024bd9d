/*
 * Legal aid, probe round 6: values the person did not mean are no longer stored (a bare 2 at 「还在干就回复1」
 * is 已经离开, never the 2nd of a month; 「还在干 不过老板不让我干了」 is asked about; 10 at a list of twelve
 * times where 10:00 is listed is asked about), and what was lost is understood: 确认 with a question, an
 * existing booking in free words (改约 then a time, 那个预约我不去了, 能不能改成电话, a bare 取消), dates as
 * people say them (a date just past, a date with its weekday, 下下周一, 随便 都行, the evening, a part of a day
 * with no hours), a dismissal said with the matter, two matters at once, and one's own booking.
 * Transcripts on the real chat service and real Redis; today is Tuesday 1 December 2026, 10:00 (the
 * lawyer at 东龙镇工会驿站 keeps Tuesday and Thursday mornings).
 */
import { describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { createBookings } from '../../core/legal-aid/store.js';
import { converse } from '../support/converse.js';
import { useFixture } from '../support/fixture.js';
import { startTestCore } from '../support/core.js';
import { stillButSentAway } from '../../flows/legal-aid.js';
import { optionLines } from './helpers.js';

const NOW = '2026-12-01T10:00:00+08:00';
let clock: ManualClock;
// One core for the file (each test books other times, as other people).
const t = useFixture(() => {
  clock = manualClock(NOW);
  return startTestCore({ clock });
}, 'all');
const answers = async (user: string) => (await t.chat.sessions.load(user, clock.now())).answers as Record<string, unknown>;

/** Consent given, 欠薪: at 「您还在这家单位干吗？…还在干就回复1」. */
const atLimit = (user: string) => converse(t.chat, user).sendAll('我想找律师', '1', '1').expect(/还在干就回复1/);
/** Still there, in person, 东龙, 东龙镇工会驿站: at its list of times. */
const atSlots = (user: string) => converse(t.chat, user).sendAll('我想找律师', '1', '1', '1', '1', '1', '1').expect(/东龙镇工会驿站最近的空闲时间/);
/** The same, a time `when` picked and the contact given: at the summary. */
const atReview = (user: string, when: string) => atSlots(user).sendAll(when, '张伟', '13912345678').expect(/请核对您的预约/);
/** Booked at `when` (a Thursday or next Tuesday morning time; each test books another). */
const booked = (user: string, when: string) => atReview(user, when).send('确认').expect(/预约成功/);

describe('a bare 2 at 「还在干就回复1」 is 已经离开 (the wage flow\'s 2), never the 2nd of a month (A4)', () => {
  it('2 then 上个月: the day is asked, nothing is taken as 11月2日', async () => {
    await atLimit('web:a41')
      .send('2')
      .expect(/^好的，您已经离开这家单位了。是哪天离开的？/)
      .expectNot(/2号/)
      .send('上个月')
      .expect(/是2026年11月几号离开的？/)
      .expectNot(/记为2026年11月2日/);
    const a = await answers('web:a41');
    expect(a.limit).toBeUndefined();
    expect(a.limitMonth).toBe('2026-11');
  });

  it('2 then 1: no 2026年1月2日 (1 is the 1st, its month asked)', async () => {
    await atLimit('web:a42').send('2').send('1').expectNot(/记为|1月2日/);
    expect((await answers('web:a42')).limit).toBeUndefined();
  });

  it('走了 then words not understood twice: asked again in other words, never the same twice', async () => {
    const { transcript } = await atLimit('web:a43').send('走了').expect(/请告诉我具体哪天离开的/).send('1').expect(/还是没看明白/).expectNot(/还在干就回复1/);
    expect(transcript.at(-1)).not.toBe(transcript.at(-3));
  });
});

describe('still there, or sent away: 「还在干 不过老板不让我干了」 is asked about, never stored as still there (A7, B8)', () => {
  it('both ways are offered; 2 asks the day, 1 is still there', async () => {
    await atLimit('web:a71')
      .send('还在干 不过老板不让我干了')
      .expect(/您说还在干，又说老板不让您干了/)
      .check((r, text) => expect(optionLines(text)).toEqual(['1. 还在干，照常上班', '2. 已经离开了（老板不让干了）']))
      .send('2')
      .expect(/是哪天离开的/);
    expect((await answers('web:a71')).limit).toBeUndefined();
    await atLimit('web:a72').send('还在干 不过老板不让我干了').send('1').expect(/您想怎么咨询/);
    expect((await answers('web:a72')).limit).toEqual({ employed: true });
  });

  it('denied or feared is no contradiction', () => {
    expect(stillButSentAway('还在干 不过老板不让我干了')).toBe(true);
    expect(stillButSentAway('还在 但是老板叫我走')).toBe(true);
    for (const said of ['还在干 没被开除', '还在干 老板没说不让我干', '还在干 怕被辞退', '老板不让我干了']) expect(stillButSentAway(said)).toBe(false);
  });

  it('「还在 但是想走」 is still there, said back (B8), never 「哪天离开的」', async () => {
    await atLimit('web:b81').send('还在 但是想走').expect(/好的，记为「还在干」（还没离开）/).expect(/您想怎么咨询/).expectNot(/哪天离开/);
    expect((await answers('web:b81')).limit).toEqual({ employed: true });
  });
});

describe('a bare number that is both an option and an hour on the list is asked about (A6)', () => {
  /** Phone, 东龙, 明天: twelve times, 09:00 to 16:30; option 10 is 15:30. */
  const atDay = (user: string) =>
    converse(t.chat, user).sendAll('我想找律师', '1', '1', '1', '2', '1', '明天').expect(/12\. 12月2日（周三） 16:30-17:00/);

  it('10: which is asked (10:00 or the 10th, 15:30); 1 then is 10:00', async () => {
    await atDay('web:a61')
      .send('10')
      .expect(/您回复的「10」，是要第10个时间（12月2日（周三） 15:30-16:00），还是10点开始的（12月2日（周三） 10:00-10:30）？/)
      .check((r, text) => expect(optionLines(text)).toEqual(['1. 12月2日（周三） 10:00-10:30', '2. 12月2日（周三） 15:30-16:00']))
      .sendAll('1', '张伟', '13912345678')
      .expect(/时间：12月2日（周三） 10:00-10:30/);
  });

  it('9 and 11 likewise; 3 (no hour of the list) picks as ever', async () => {
    await atDay('web:a62').send('9').expect(/是要第9个时间.*还是9点开始的/).send('2').expect(/怎么称呼您/);
    expect((await answers('web:a62')).slot).toMatchObject({ day: '2026-12-02', time: '15:00' });
    await atDay('web:a63').send('11').expect(/还是11点开始的/);
    await atDay('web:a64').send('3').expect(/怎么称呼您/);
    expect((await answers('web:a64')).slot).toMatchObject({ time: '10:00' });
  });
});

describe('确认 with a question about what to bring (B1)', () => {
  it('books, and points to what to bring', async () => {
    await atReview('web:b11', '周四11点半')
      .send('确认 要带什么材料')
      .expect(/预约成功！您的预约号是 YY20261201-\d{4}/)
      .expect(/请带上：身份证/)
      .expect(/您问的要带什么，就在上面「请带上」那一行/)
      .expectNot(/答不上来/);
    const [b] = await createBookings(t.core).listByUser('web:b11');
    expect(b).toMatchObject({ status: 'booked', slot: { start: new Date('2026-12-03T11:30:00+08:00').toISOString() } });
  });
});

describe('a booking of theirs, in free words (B6)', () => {
  it('改约 then 下周二上午: that morning\'s times for the move', async () => {
    await booked('web:b61', '周四11点')
      .send('改约')
      .expect(/您要改时间的是这个预约吗/)
      .send('下周二上午')
      .expect(/为预约 YY20261201-\d{4} 改时间/)
      .expect(/12月8日（周二）上午还能约的时间/)
      .expectNot(/没太明白/);
  });

  it('「那个预约我不去了」: which is asked, cancelling first', async () => {
    await booked('web:b62', '下周二9点半')
      .send('那个预约我不去了')
      .expect(/您要取消的是这个预约吗/)
      .check((r, text) => expect(optionLines(text)[0]).toBe('1. 取消这个预约'));
  });

  it('「能不能改成电话」: the booking moved to a phone consultation (its time asked again), the old one kept meanwhile', async () => {
    await booked('web:b63', '下周二10点')
      .send('能不能改成电话')
      .expect(/把预约 YY20261201-\d{4}（现在是12月8日（周二） 10:00-10:30，到服务点面谈）改成电话咨询/)
      .expect(/电话咨询最近的空闲时间/)
      .expectNot(/答不上来/)
      .send('1')
      .expect(/请核对改约后的预约/)
      .expect(/方式：电话咨询/);
  });

  it('a bare 取消 with no form: about the booking, never 「没有正在办理的事项」 alone', async () => {
    await booked('web:b64', '下周二9点').send('取消').expect(/您要取消的是这个预约吗/).expect(/12月8日（周二） 09:00-09:30/).expectNot(/没有正在办理/);
  });
});

describe('dates at the time list, as people say them (B7, C6)', () => {
  it('11月30日 (yesterday) has passed; never read as next year', async () => {
    await atSlots('web:b71').send('11月30日').expect(/11月30日（周一）已经过去了/).expectNot(/只能预约最近/);
  });

  it('a date with its weekday: 12月3号周四上午 and 周四12月3号 are that day; 12月4日周四 is asked about', async () => {
    await atSlots('web:b72').send('12月3号周四上午').expect(/12月3日（周四）上午还能约的时间/);
    await atSlots('web:b73').send('周四12月3号').expect(/12月3日（周四）还能约的时间/);
    await atSlots('web:b74').send('12月4日周四').expect(/12月4日是周五，不是周四。您要约的是哪一天？/);
    expect((await answers('web:b74')).slot).toBeUndefined();
  });

  it('下下周一 is 14 December (too far, said with its date); 随便 都行 is the earliest, confirmed', async () => {
    await atSlots('web:b75').send('下下周一').expect(/12月14日（周一）还约不了：只能预约最近7个工作日内的时间/);
    await atSlots('web:b76').send('随便 都行').expect(/最早能约的是12月1日（周二） 10:30-11:00/).expect(/对吗/);
  });

  it('the evening asked in a longer message: no evening hours, each day\'s latest, and a call instead', async () => {
    for (const [i, said] of ['上午都不行 我要上班 晚上可以吗', '晚上七点以后'].entries()) {
      await atSlots(`web:b77${i}`).send(said).expect(/晚上没有可约的时间/).expect(/改成电话咨询/).expectNot(/请回复时间前面的数字/);
    }
  });

  it('12月8日下午三点 where that day has only mornings: said so (C6)', async () => {
    await atSlots('web:c61').send('12月8日下午三点').expect(/12月8日（周二）只有上午的时间，下午没有安排/);
  });
});

describe('the matter, as said (B18)', () => {
  it('「我被开除了 没给赔偿 想问问律师」: 劳动合同, and the day they left is asked (never 「还在这家单位干吗」)', async () => {
    await converse(t.chat, 'web:b181')
      .sendAll('我想找律师', '1')
      .send('我被开除了 没给赔偿 想问问律师')
      .expect(/您说已经离开这家单位了，是哪天离开的？/)
      .expectNot(/还在这家单位干吗/)
      .send('上个月20号')
      .expect(/记为2026年11月20日离开/);
    expect(await answers('web:b181')).toMatchObject({ matter: 'contract', limit: { leftOn: '2026-11-20' } });
  });

  it('two matters at once: one is picked for the booking, both told the lawyer', async () => {
    await converse(t.chat, 'web:b182')
      .sendAll('我想找律师', '1')
      .send('老板不给我交社保还扣我工资')
      .expect(/您说的有「欠薪」和「社保」两件事，咨询时都可以跟律师说/)
      .check((r, text) => expect(optionLines(text)).toEqual(['1. 欠薪', '2. 社保']))
      .send('2');
    expect((await answers('web:b182')).matter).toBe('social_insurance');
  });
});

describe('one\'s own booking (B19)', () => {
  it('their own time is said to be theirs (never 已经有人约了); starting another says the booking there is', async () => {
    await booked('web:b191', '周四10点半')
      .send('我想找律师')
      .expect(/您已经约了：YY20261201-\d{4}（12月3日（周四） 10:30-11:00，东龙镇工会驿站）。这次是再约一个新的；只想改原来的时间，请回复「改约 YY20261201-\d{4}」/)
      .expect(/同意/)
      .sendAll('1', '1', '1', '1', '1', '1')
      .send('周四10点半')
      .expect(/12月3日（周四） 10:30 您已经约好了（预约号 YY20261201-\d{4}），不用再约/)
      .expectNot(/已经有人约了/);
  });
});
