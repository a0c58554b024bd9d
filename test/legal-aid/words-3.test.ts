/*
 * Legal aid as workers type it on a phone (.scratch/probe-3.md, the
 * legal-aid items), as transcripts on real Redis. Today is Tuesday
 * 1 December 2026, 10:00 (a fixed clock: the demo directory's lawyer takes
 * phone calls every working day, the 东龙镇工会驿站 has a lawyer on Tuesday
 * and Thursday mornings only).
 *
 * Precision first: once the bot has asked 「是2026年11月几号…」, a bare
 * number is that day, never option 1 (还在干 / 工伤已经认定了); a festival,
 * a lunar date or a month's end is read as a day and confirmed with it; a
 * booking's texts say what is true (nobody on duty, no evening times, only
 * the reminders that will come).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { optionLines } from './helpers.js';
import { dayOfMonthNumber, parsePastDay } from '../../flows/parsers/day.js';
import { slotWish } from '../../flows/legal-aid.js';
import { withReminders } from '../../flows/legal-aid-desk.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const answers = async (user: string) => (await t.chat.sessions.load(user, clock.now())).answers as Record<string, unknown>;

/** 法律援助 → 同意 → 欠薪: at the day-they-left question (as the probe typed it). */
const atLimit = (user: string) => converse(t.chat, user).sendAll('法律援助', '1', '1').expect(/您还在这家单位干吗/);
/** 法律援助 → 同意 → 工伤: at the injury-day question. */
const atInjury = (user: string) => converse(t.chat, user).sendAll('法律援助', '1', '2').expect(/您是哪天受伤的/);
/** At 东龙镇工会驿站's list of free times (12月1日 10:30, 11:00, 11:30, then 12月3日). */
const atDonglongSlots = (user: string) => converse(t.chat, user).sendAll('法律援助', '1', '1', '1', '1', '1', '东龙', '1').expect(/东龙镇工会驿站最近的空闲时间/);
/** By phone from 东龙镇: at the list of free times (every working day 09:00-17:30). */
const atPhoneSlots = (user: string) => converse(t.chat, user).sendAll('法律援助', '1', '1', '1', '1', '2', '东龙').expect(/电话咨询最近的空闲时间/);

describe('a bare number after 「是…几号…？」 is that day, never option 1 (probe 3 A2)', () => {
  it('「国庆后就不干了」 then 1 is 1 October, not 还在干; 「上个月」 then 1 is 1 November', async () => {
    await atLimit('web:a1').send('国庆后就不干了').expect(/^是2026年10月几号离开的？/).expectNot(/1\. 还在干/).send('1').expect(/好的，记为2026年10月1日离开/);
    expect((await answers('web:a1')).limit).toEqual({ leftOn: '2026-10-01' });
    await atLimit('web:a2').send('上个月').expectNot(/1\. 还在干/).send('1');
    expect((await answers('web:a2')).limit).toEqual({ leftOn: '2026-11-01' });
  });

  it('「十一月初走的」, 「上个月初走的」: the month is kept and 1 is its 1st, never 还在干 (replay 3)', async () => {
    await atLimit('web:a3').send('十一月初走的').expect(/^是2026年11月几号离开的？/).expectNot(/1\. 还在干/).send('1').expect(/好的，记为2026年11月1日离开/);
    expect((await answers('web:a3')).limit).toEqual({ leftOn: '2026-11-01' });
    await atLimit('web:a4').send('上个月初走的').expectNot(/1\. 还在干/).send('1');
    expect((await answers('web:a4')).limit).toEqual({ leftOn: '2026-11-01' });
  });

  it('「十一月头上走的」 (gone, the day not understood): 还在干 is no longer offered, so 1 is asked again, never 还在干; 「还在干」 in words still is', async () => {
    await atLimit('web:a5').send('十一月头上走的').expectNot(/还在干/).send('1').expectNot(/还在干/).expect(/请告诉我具体哪天离开的/).send('11月3号');
    expect((await answers('web:a5')).limit).toEqual({ leftOn: '2026-11-03' });
    expect(await answers('web:a5')).not.toHaveProperty('limitLeft');
    await atLimit('web:a6').send('十一月头上走的').send('还在干').expect(/您想找谁帮忙/);
    expect((await answers('web:a6')).limit).toEqual({ employed: true });
    // A day in the words is still read as a correction at a later question, never held back as "gone, no day".
    await atLimit('web:a7').send('11月21号走的').expect(/裁决书/).send('日期错了 是11月12号走的');
    expect((await answers('web:a7')).limit).toEqual({ leftOn: '2026-11-12' });
  });

  it('at the injury day: 1 is the 1st, 2 keeps the month (never 「请连月份一起说」), 十五 is the 15th', async () => {
    await atInjury('web:a3').send('上个月').expect(/^是2026年11月几号受的伤？/).expectNot(/工伤已经认定了/).send('1');
    expect((await answers('web:a3')).injury).toEqual({ on: '2026-11-01' });
    await atInjury('web:a4').send('上个月').send('2').expectNot(/请连月份一起说|我们接着填/).expect(/好的，记为2026年11月2日受伤/);
    expect((await answers('web:a4')).injury).toEqual({ on: '2026-11-02' });
    await atInjury('web:a5').send('上个月').send('十五').expect(/好的，记为2026年11月15日受伤/);
    expect((await answers('web:a5')).injury).toEqual({ on: '2026-11-15' });
    await atInjury('web:a6').send('上个月').send('二十号');
    expect((await answers('web:a6')).injury).toEqual({ on: '2026-11-20' });
  });

  it('a lunar date or a festival fixes the day: it is confirmed, never 几号 again, and 1 then is 对', async () => {
    await atLimit('web:a7').send('腊月二十走的').expect(/腊月二十按2026年2月7日算/).expect(/对吗？/).expectNot(/几号/).send('1');
    expect((await answers('web:a7')).limit).toEqual({ leftOn: '2026-02-07' });
    await atInjury('web:a8').send('去年腊月二十三').expect(/去年腊月二十三按2026年2月10日算/).expectNot(/几号/).send('1');
    expect((await answers('web:a8')).injury).toEqual({ on: '2026-02-10' });
    await atInjury('web:a9').send('元旦').expect(/元旦按2026年1月1日算/).expectNot(/几号/).send('1');
    expect((await answers('web:a9')).injury).toEqual({ on: '2026-01-01' });
  });

  it('不对 to a reading asks again and keeps nothing', async () => {
    await atLimit('web:a10').send('腊月二十走的').send('不对').expect(/您还在这家单位干吗/);
    expect((await answers('web:a10')).limit).toBeUndefined();
  });

  it('「是10月25号走的」 is the 25th of October, never 还在干 (its 是 is no yes); 「是的」 at the first question still is', async () => {
    await atLimit('web:a11').send('是10月25号走的');
    expect((await answers('web:a11')).limit).toEqual({ leftOn: '2026-10-25' });
    await atLimit('web:a12').send('是的');
    expect((await answers('web:a12')).limit).toEqual({ employed: true });
  });

  it('「工伤还没认定下来」 is not 已经认定了', async () => {
    await atInjury('web:a13').send('工伤还没认定下来').expect(/哪天受(?:的)?伤/).expectNot(/您还在这家单位干吗/);
    expect((await answers('web:a13')).injury).toBeUndefined();
  });

  it('a bare 3 at the injury day asks its month once, plainly (probe 3 C5): 「上个月」 then makes 3 November', async () => {
    await atInjury('web:a14')
      .send('3')
      .expect(/^是几月3号受的伤？请说月份/)
      .expectNot(/我们接着填|您说的3|您是哪天受伤的/)
      .expectNot(/工伤已经认定了/)
      .send('上个月')
      .expect(/好的，记为2026年11月3日受伤/);
    expect((await answers('web:a14')).injury).toEqual({ on: '2026-11-03' });
    await atInjury('web:a15').send('3').send('11');
    expect((await answers('web:a15')).injury).toEqual({ on: '2026-11-03' });
  });
});

describe('days said as people say them (probe 3 B5)', () => {
  it('at the injury day: 八月十五那天 (中秋) and 国庆节那天 are confirmed; 三天前 and 昨天下午 are taken and said back', async () => {
    await atInjury('web:d1').send('八月十五那天').expect(/八月十五（中秋）按2026年9月25日算/).expect(/对吗？/).send('对');
    expect((await answers('web:d1')).injury).toEqual({ on: '2026-09-25' });
    await atInjury('web:d2').send('国庆节那天').expect(/国庆节按2026年10月1日算/).send('对');
    expect((await answers('web:d2')).injury).toEqual({ on: '2026-10-01' });
    await atInjury('web:d3').send('三天前').expect(/好的，记为2026年11月28日受伤/);
    expect((await answers('web:d3')).injury).toEqual({ on: '2026-11-28' });
    await atInjury('web:d4').send('昨天下午').expect(/好的，记为2026年11月30日受伤/);
    expect((await answers('web:d4')).injury).toEqual({ on: '2026-11-30' });
  });

  it('at the day they left: 上个月底走的 and 10月底 are the month\'s last day, confirmed', async () => {
    await atLimit('web:d5').send('上个月底走的').expect(/上个月底按2026年11月30日算/).expect(/对吗？/).send('对');
    expect((await answers('web:d5')).limit).toEqual({ leftOn: '2026-11-30' });
    await atLimit('web:d6').send('10月底').expect(/10月底按2026年10月31日算/).expect(/对吗？/);
    expect((await answers('web:d6')).limit).toBeUndefined();
  });

  it('a lunar month without its day is asked in lunar words, never as a month of ours whose 二十 would be another day', async () => {
    await atLimit('web:d7').send('腊月').expect(/是腊月几号离开的？请连「腊月」一起说/).expectNot(/2026年1月/).send('腊月二十').expect(/按2026年2月7日算/);
  });
});

describe('facts of the opening message (probe 3 B15)', () => {
  it('「…我已经不干了上个月走的我在东龙镇」: the month is kept, and only its day is asked', async () => {
    await converse(t.chat, 'web:o1')
      .send('嗯那个我想找个律师问一下就是老板欠我工资三个月了我已经不干了上个月走的我在东龙镇')
      .send('1')
      .expect(/咨询的事「欠薪」/)
      .send('1')
      .expect(/^是2026年11月几号离开的？/)
      .expectNot(/您还在这家单位干吗/)
      .send('20')
      .expect(/好的，记为2026年11月20日离开/);
    expect((await answers('web:o1')).limit).toEqual({ leftOn: '2026-11-20' });
  });

  it('「…上礼拜三在工地上摔的腿断了」: the day is confirmed with the matter, not asked again', async () => {
    await converse(t.chat, 'web:o2')
      .send('我受伤了想找律师问问就是上礼拜三在工地上摔的腿断了')
      .send('1')
      .expect(/受伤日期「2026年11月25日受伤/)
      .send('1')
      .expectNot(/您是哪天受伤的/);
    expect((await answers('web:o2')).injury).toEqual({ on: '2026-11-25' });
  });

  it('two different days before the words are no answer: the question is asked', async () => {
    await converse(t.chat, 'web:o3').send('想找律师 欠薪 我10号不干了15号走的').send('1').expect(/咨询的事「欠薪」/).expectNot(/在职情况「/);
  });
});

describe('what the slot list says (probe 3 B18, B9)', () => {
  it('「明天下午」 at 东龙 says nobody is on duty that day (never 约满了) and offers the nearest free times', async () => {
    await atDonglongSlots('web:s1')
      .send('明天下午')
      .expect(/12月2日（周三）东龙镇工会驿站没有律师值班/)
      .expect(/改成电话咨询/)
      .expect(/离这天最近还能约的时间/)
      .expectNot(/约满了/)
      .check((_r, text) => {
        const lines = optionLines(text);
        expect(lines.length).toBeGreaterThan(0);
        for (const l of lines) expect(l).toMatch(/12月1日（周二）|12月3日（周四）/);
      })
      .send('4');
    expect((await answers('web:s1')).slot).toMatchObject({ day: '2026-12-03', time: '09:00' });
  });

  it('「后天下午」 says that day has only morning times', async () => {
    await atDonglongSlots('web:s2').send('后天下午').expect(/12月3日（周四）只有上午的时间，下午没有安排/);
  });

  it('「晚上下班后」 says there are no evening times, offers each day\'s latest and a phone call', async () => {
    await atDonglongSlots('web:s3')
      .send('晚上下班后')
      .expect(/晚上没有可约的时间/)
      .expect(/改成电话咨询/)
      .expect(/每天最晚能约的是/)
      .check((_r, text) => expect(optionLines(text)[0]).toBe('1. 12月1日（周二） 11:30-12:00'));
    await atPhoneSlots('web:s4').send('下班以后').expect(/每天最晚能约的是/).expect(/1\. 12月1日（周二） 17:00-17:30/).expectNot(/改成电话咨询/);
  });

  it('「周六行吗」 is answered: no consultations at weekends, and the nearest working days\' times', async () => {
    await atDonglongSlots('web:s5')
      .send('周六行吗')
      .expectNot(/答不上来/)
      .expect(/12月5日（周六）是周末，不安排咨询/)
      .check((_r, text) => {
        const lines = optionLines(text);
        expect(lines.length).toBeGreaterThan(0);
        for (const l of lines) expect(l).toMatch(/12月3日（周四）|12月8日（周二）/);
      });
  });
});

describe('the reminders a confirmation promises (probe 3 C2)', () => {
  it('a booking at 10:00 for 10:30 the same day promises no reminder; one for Thursday both', async () => {
    await atDonglongSlots('web:r1')
      .sendAll('1', '张三', '13812345678')
      .send('确认')
      .expect(/预约成功/)
      .expectNot(/前一天晚上|开始前1小时/)
      .expect(/离开始已经不到1小时，就不另外提醒了/);
    await atDonglongSlots('web:r2').sendAll('4', '李四', '13812345679').send('确认').expect(/预约成功/).expect(/我们会在前一天晚上和开始前1小时提醒您/);
  });

  it('withReminders keeps only what will come', () => {
    const said = '预约成功！\n我们会在前一天晚上和开始前1小时提醒您。\n回复「我的预约」可以查看。';
    const slot = { slot: { start: '2026-12-02T08:00:00.000Z' } } as never; // 16:00 on 2 December, Beijing
    expect(withReminders(said, slot, new Date('2026-12-01T17:00:00+08:00'))).toContain('我们会在前一天晚上和开始前1小时提醒您。');
    expect(withReminders(said, slot, new Date('2026-12-02T09:00:00+08:00'))).toContain('我们会在开始前1小时提醒您。');
    expect(withReminders(said, slot, new Date('2026-12-02T15:30:00+08:00'))).toContain('就不另外提醒了');
  });
});

describe('parsePastDay and dayOfMonthNumber', () => {
  const now = new Date(NOW);
  it.each([
    ['八月十五那天', '2026-09-25', true],
    ['农历八月十五', '2026-09-25', true],
    ['中秋节', '2026-09-25', true],
    ['国庆节那天', '2026-10-01', true],
    ['元旦', '2026-01-01', true],
    ['去年元旦', '2025-01-01', true],
    ['腊月二十', '2026-02-07', true],
    ['去年腊月二十三', '2026-02-10', true],
    ['腊月底', '2026-02-16', true],
    ['正月初六', '2026-02-22', true],
    ['除夕', '2026-02-16', true],
    ['10月底', '2026-10-31', true],
    ['上个月底', '2026-11-30', true],
    ['12月底', '2025-12-31', true],
    ['三天前', '2026-11-28', false],
    ['昨天下午', '2026-11-30', false],
    ['昨晚', '2026-11-30', false],
    ['上礼拜三', '2026-11-25', false],
    ['11月5日', '2026-11-05', false],
    ['八月十五号', '2026-08-15', false],
  ])('%s → %s (a reading: %s)', (said, day, inferred) => {
    const r = parsePastDay(said, now);
    expect(r).toMatchObject({ ok: true, value: { day } });
    expect(r && r.ok && r.value.inferred !== null).toBe(inferred);
  });

  it('is no day for a month, a bare number or words', () => {
    for (const said of ['上个月', '15', '十五', '国庆期间', '腊月', '不记得了']) expect(parsePastDay(said, now)).toBeNull();
    expect(parsePastDay('2月30日', now)).toMatchObject({ ok: false });
  });

  it('dayOfMonthNumber reads a day alone', () => {
    expect(['1', '15', '十五', '十五号', '二十一日', '廿三', '15号吧', '是20号'].map(dayOfMonthNumber)).toEqual([1, 15, 15, 15, 21, 23, 15, 20]);
    expect(['0', '32', '上个月', '15号走的'].map(dayOfMonthNumber)).toEqual([null, null, null, null]);
  });

  it('slotWish reads a question about a time as that time', () => {
    expect(['周六行吗', '晚上下班后', '明天下班后', '周末呢', '下午有空吗'].map(slotWish)).toEqual(['周六', '晚上', '明天晚上', '周六', '下午']);
  });
});
