/**
 * Misreadings found by held-out set K (test/nlu/heldout-k: platform and gig, domestic, dispatched, farm, piece-rate and
 * building-site workers) in the wage report, fixed in the readers for the class of words, never the one sentence. A
 * description of the work or the place kept as the employer, a name nobody said, a link of the building chain taken as
 * the employer too, a team's total taken as the person's own. Each test here failed before its fix; `guard:` lines keep
 * what already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);
const answersOf = async (user: string) => (await session(user)).answers as Record<string, unknown>;

const TO_EMPLOYER = ['我想反映欠薪', '同意'] as const;
const AT_AMOUNT = { consent: true, employer: '华腾', location: 't08', period: { start: '2026-09', end: '2026-11' } };

describe('held-out set K: the employer, never the work or the place said with it', () => {
  it('在茶场摘茶 老板叫黄德贵 / 养鸡场的 老板是罗老三: the boss named, never 「茶场摘茶」 or 「养鸡场」', async () => {
    expect(taken(read('wage', 'employer', '在茶场摘茶 老板叫黄德贵')).employer).toBe('黄德贵');
    expect(taken(read('wage', 'employer', '养鸡场的 老板是罗老三')).employer).toBe('罗老三');
    await converse(t.chat, 'hk-emp-1').sendAll(...TO_EMPLOYER, '在茶场摘茶 老板叫黄德贵').expect(/用人单位「黄德贵」。对吗？/).expectNot(/茶场摘茶/);
    // guard: a unit named first keeps the unit (its boss is no other employer).
    expect(taken(read('wage', 'employer', '宏达建筑 老板叫刘大壮')).employer).toBe('宏达建筑');
  });

  it('直播公司 星耀传媒: the name after the kind of company, confirmed', async () => {
    expect(taken(read('wage', 'employer', '直播公司 星耀传媒')).employer).toBe('星耀传媒');
    await converse(t.chat, 'hk-emp-2').sendAll(...TO_EMPLOYER, '直播公司 星耀传媒').expect(/用人单位「星耀传媒」。对吗？/);
  });

  it('在美团跑众包: the platform, never 「美团跑众包」', () => {
    expect(taken(read('wage', 'employer', '在美团跑众包 站点在河西'))).toMatchObject({ employer: '美团', location: 't08' });
    // guard: the platform alone.
    expect(read('wage', 'employer', '美团').direct.employer).toBe('美团');
  });

  it('雇主姓张: no name is made up (「张雇主」); how the family is called is asked', async () => {
    for (const words of ['在一户人家做育儿嫂 雇主姓张', '雇主姓张']) expect(taken(read('wage', 'employer', words)).employer, words).toBeUndefined();
    expect(taken(read('wage', 'employer', '在一户人家做育儿嫂 雇主姓张')).employerKind).toBe('household');
    await converse(t.chat, 'hk-emp-3').sendAll(...TO_EMPLOYER, '雇主姓张').expect(/平时怎么称呼/).expectNot(/老板还是包工头|张雇主/);
    await converse(t.chat, 'hk-emp-4').sendAll(...TO_EMPLOYER, '在一户人家做育儿嫂 雇主姓张').expectNot(/张雇主/).send('对').expect(/怎么称呼/);
    // guard: a boss by surname is written as staff write him.
    expect(read('wage', 'employer', '老板姓王').direct.employer).toBe('王老板');
  });

  it('a kind of place by what is done there (奶茶店, 物业) in a first message is no employer', () => {
    expect(taken(read(null, null, '暑假在奶茶店打工 老板欠我两千多没给')).employer).toBeUndefined();
    expect(taken(read(null, null, '我63岁了 在物业做保洁 欠我三千二')).employer).toBeUndefined();
    // guard: one with a name of its own is the employer.
    expect(taken(read(null, null, '在河西物业做保洁 欠我三千二')).employer).toBe('河西物业');
    expect(taken(read(null, null, '在鸿运奶茶店打工 老板欠我两千')).employer).toBe('鸿运奶茶店');
  });

  it('梅岗镇的果园 / 柳溪乡下面的养殖场 at the township question: the township only; 果园 at the employer question asks which', async () => {
    expect(taken(read('wage', 'location', '梅岗镇的果园'))).toEqual({ location: 't05' });
    expect(taken(read('wage', 'location', '柳溪乡下面的养殖场'))).toEqual({ location: 't06' });
    expect(taken(read('wage', 'employer', '果园')).employer).toBeUndefined();
    await converse(t.chat, 'hk-emp-5').sendAll(...TO_EMPLOYER, '果园').expect(/是哪个果园呢？/).send('果园').expectNot(/是哪个果园呢？/);
  });

  it('sent by a named agency to a named unit: which one employs them is asked, never picked', async () => {
    expect(taken(read('wage', 'employer', '鑫源劳务派我去青溪电子科技有限公司干的')).employer).toBeUndefined();
    await converse(t.chat, 'hk-emp-6')
      .sendAll(...TO_EMPLOYER, '鑫源劳务派我去青溪电子科技有限公司干的')
      .expect(/工资是哪家发的/)
      .expect(/1\. 鑫源劳务/)
      .send('2')
      .expect(/哪个镇或街道/);
    expect((await answersOf('hk-emp-6')).employer).toBe('青溪电子科技有限公司');
    // Not knowing which: both kept for staff, as they read them (never one picked).
    await converse(t.chat, 'hk-emp-7').sendAll(...TO_EMPLOYER, '鑫源劳务派我去青溪电子科技有限公司干的').expect(/3\. 分不清/).send('3').expect(/哪个镇或街道/);
    expect((await answersOf('hk-emp-7')).employer).toBe('鑫源劳务（派到青溪电子科技有限公司）');
    // guard: an agency not named: the unit sent to, confirmed.
    expect(taken(read('wage', 'employer', '是劳务派遣公司派我去鑫源电子厂的')).employer).toBe('鑫源电子厂');
  });

  it('a link of the building chain named at its own question (the employer known) is never a new employer too', () => {
    const sub = read('wage', 'subcontractor', '劳务公司叫鑫源劳务有限公司', { consent: true, employer: '老陈', construction: true });
    expect(taken(sub).employer).toBeUndefined();
    expect(taken(sub).subcontractor).toBe('鑫源劳务有限公司');
    const more = read('wage', 'subcontractor', '劳务公司叫汇通劳务 老板说是他表弟开的', { consent: true, employer: '李四海', construction: true });
    expect(taken(more)).toEqual({ subcontractor: '汇通劳务' });
    // guard: at the employer's own question the labour company named is proposed as the employer, as before.
    expect(taken(read('wage', 'employer', '劳务公司叫宏图劳务', { consent: true, construction: true }))).toMatchObject({ employer: '宏图劳务', subcontractor: '宏图劳务' });
  });

  it('同意。老板是个包工头叫老陈: the foreman named is the employer', () => {
    expect(taken(read('wage', 'consent', '同意。老板是个包工头叫老陈'))).toMatchObject({ consent: true, employer: '老陈' });
  });
});

describe('held-out set K: who employs them, asked when the words do not say', () => {
  it('家政公司派的 at 「…是哪一种？」: who pays them asked, never 单位 taken', async () => {
    expect(taken(read('wage', 'employerKind', '家政公司派的')).employerKind).toBeUndefined();
    await converse(t.chat, 'hk-kind-1').sendAll(...TO_EMPLOYER, '张秀兰', '家政公司派的').expect(/工资是谁发给您的/).send('2').expect(/个人或家庭干活的/);
    // guard: a company said plainly is 单位.
    expect(read('wage', 'employerKind', '是公司').direct.employerKind).toBe('organisation');
  });
});

describe('held-out set K: amounts, months and counts', () => {
  it('总包欠我们班组二十多万: the team’s total, never the person’s own', () => {
    const first = taken(read(null, null, '在工地当班组长 总包欠我们班组二十多万'));
    expect(first.amount).toBeUndefined();
    expect(first.groupAmount).toMatchObject({ yuan: 200000, approx: true });
    // guard: one’s own sum is one’s own.
    expect(taken(read('wage', 'amount', '欠我两万', AT_AMOUNT)).amount).toMatchObject({ yuan: 20000 });
  });

  it('去年年底那个月的 at the period question: December 2025', () => {
    expect(taken(read('wage', 'period', '去年年底那个月的')).period).toEqual({ start: '2025-12', end: '2025-12' });
  });

  it('二十多个摘茶的 at the headcount question: twenty-odd', () => {
    expect(taken(read('wage', 'headcount', '二十多个摘茶的')).headcount).toEqual({ count: 20, approximate: true });
  });

  it('暑假工 已经回学校了: gone (confirmed)', () => {
    expect(taken(read('wage', 'stillEmployed', '暑假工 已经回学校了')).stillEmployed).toBe(false);
    // guard: not gone yet is not gone.
    expect(taken(read('wage', 'stillEmployed', '还没回学校')).stillEmployed).toBeUndefined();
  });
});
