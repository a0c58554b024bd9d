/**
 * Held-out set T (upset people), facts inside venting:
 *  - exclamation storms and a clause of pure feeling opening or closing an answer (`前天！前天被开的！`, `… tmd`,
 *    `… 气死我了`) no longer hide it (flows/nlu/feelings.ts); a message all feeling stays as typed;
 *  - 一毛 before a not given is 一分钱 (`老板一毛不给`), 还差我 before a sum is 还欠我 (`还差我六千`);
 *  - a unit's site opening a first message (`东龙镇宏达建筑的工地 …`) names the employer;
 *  - legal aid's matter: `手被机器轧了` is an injury, `社保…突然断了` is no broken bone;
 *  - the day left at legal aid: a month beside not knowing the day is no 不知道 (null was stored without a question),
 *    `谁记得哪天` is not knowing, `上周五走的 他当场…` is that Friday;
 *  - the wage report: `去年年底到现在 整整一年` keeps its end open, `上个月就被赶出来了` is a month left, `帮我妈报的 …`
 *    is for the mother, a roster's closing words (`就这俩 别的人不敢报`) are no name;
 *  - at 「…对吗？」 a correction with feelings after it (`不是3号 是5号 气糊涂了`, `不对 是南塘！！`) is read as without them.
 */
import { describe, expect, it } from 'vitest';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { withoutFeeling } from '../../flows/nlu/feelings.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { membershipFlow } from '../../flows/membership.js';
import { pendingCorrection, understandInFlow } from '../../flows/nlu/understand.js';
import { ctxOf, readAt as read, takenBy as taken, toAnswers } from './evaluate.js';

const ctx = ctxOf();
const LEGAL = { consent: true, matter: 'wage' };
const WAGE_AT_LEFT = {
  consent: true, employer: '张德贵', location: 't01', community: '上坪村', construction: true, project: '上坪安置房',
  period: { start: '2026-09', end: '2026-11' }, amount: { yuan: 20000, approx: false, upTo: null }, headcount: { count: 8, approximate: false },
  groupAmount: { yuan: 150000, approx: true, upTo: null }, stillEmployed: false,
};
const WAGE_AT_ROSTER = {
  ...WAGE_AT_LEFT, leftSince: '2026-11', employerAddress: null, projectAddress: null, generalContractor: null, subcontractor: null, labourContractor: null, trade: null,
};

describe('feelings around an answer', () => {
  it('drops exclamation storms and opening or closing clauses of feeling', () => {
    expect(withoutFeeling('前天！前天被开的！')).toBe('前天 前天被开的');
    expect(withoutFeeling('不是3号 是5号 气糊涂了')).toBe('不是3号 是5号');
    expect(withoutFeeling('草 干了一年多 还差我六千 年都过不好')).toBe('干了一年多 还差我六千');
    expect(withoutFeeling('社保 交了两年突然断了 tmd')).toBe('社保 交了两年突然断了');
  });

  // guard: words inside a clause are never touched, and a message all feeling stays as typed (safety reads it first).
  it('keeps data and messages of feeling alone', () => {
    expect(withoutFeeling('王大军 12000')).toBe('王大军 12000');
    expect(withoutFeeling('累死了')).toBe('累死了');
    expect(withoutFeeling('气死我了')).toBe('气死我了');
    expect(withoutFeeling('死者家属 气死了')).toBe('死者家属');
    expect(withoutFeeling('快递 快点')).toBe('快递 快点');
    expect(withoutFeeling('王气 刘大壮')).toBe('王气 刘大壮');
    expect(withoutFeeling('不想活了 气死我了')).toBe('不想活了');
  });

  it('reads the day left through an exclamation storm', () => {
    expect(read('legal', 'limit', '前天！前天被开的！', LEGAL).direct).toEqual({ limit: { leftOn: '2026-11-29' } });
  });

  it('reads the matter with swearing after it', () => {
    expect(read('legal', 'matter', '社保 交了两年突然断了 tmd', { consent: true }).direct).toEqual({ matter: 'social_insurance' });
  });
});

describe('first messages with facts inside venting', () => {
  it('opens the wage report with the site, the months and the boss not paying a 毛', () => {
    const p = read(null, null, '东龙镇宏达建筑的工地 干了三个月 老板一毛不给 艹');
    expect(p.intent).toBe('wage');
    expect(taken(p)).toEqual({ employer: '宏达建筑', location: 't01', construction: true, period: { start: '2026-09', end: '2026-11' } });
  });

  it('reads 一毛钱都没给 as nothing paid', () => {
    expect(normalizeMessage('老板一毛钱都没给')).toBe('老板一分钱都没给');
  });

  it('reads 还差我六千 as owed', () => {
    const p = read(null, null, '草 干了一年多 还差我六千 年都过不好');
    expect(p.intent).toBe('wage');
    expect(taken(p)).toEqual({ amount: { yuan: 6000, approx: false, upTo: null } });
  });

  // guard: 一毛不拔 (stingy) tells no pay withheld by itself, and 还差两天 is no sum.
  it('keeps 一毛不拔 and 还差两天 as they are', () => {
    expect(normalizeMessage('还差两天就发工资了')).toBe('还差两天就发工资了');
    expect(normalizeMessage('老板一毛不拔')).toBe('老板一毛不拔');
    expect(taken(read('legal', 'matter', '老板一毛不拔', { consent: true }))).toEqual({});
  });
});

describe('legal aid', () => {
  it('reads a hand run over by a machine as an injury', () => {
    expect(read('legal', 'matter', '手被机器轧了 老板一毛不拔', { consent: true }).direct).toEqual({ matter: 'injury' });
  });

  // guard: a broken bone is still an injury.
  it('keeps 腿摔断了 and 手指断了 as injuries', () => {
    expect(read('legal', 'matter', '腿摔断了', { consent: true }).direct).toEqual({ matter: 'injury' });
    expect(read('legal', 'matter', '手指断了', { consent: true }).direct).toEqual({ matter: 'injury' });
  });

  it('never stores 不知道 when a month was said with it: the day of that month is asked', () => {
    expect(taken(read('legal', 'limit', '上个月 哪天不记得', LEGAL))).not.toHaveProperty('limit');
    const field = legalAidFlow.fields.find((f) => f.id === 'limit')!;
    const u = understandInFlow(legalAidFlow, field, '上个月 哪天不记得', toAnswers(legalAidFlow, LEGAL, ctx), ctx);
    expect(u).toMatchObject({ kind: 'answer', result: { ok: true, stay: true, set: { limitMonth: '2026-11' } } });
  });

  it('reads 谁记得哪天 as not knowing the day', () => {
    expect(read('legal', 'limit', '早走了 谁记得哪天', LEGAL).direct).toEqual({ limit: null });
  });

  it('reads the day left before what happened then', () => {
    expect(read('legal', 'limit', '上周五走的 他当场把我东西扔出来', LEGAL).direct).toEqual({ limit: { leftOn: '2026-11-27' } });
  });

  // guard: another time after it leaves the day unread (which is meant is not known).
  it('leaves the day unread when the rest tells another time', () => {
    expect(taken(read('legal', 'limit', '上周五走的 前天结的钱', LEGAL))).toEqual({});
  });
});

describe('the wage report', () => {
  it('keeps 到现在 open when the length said after it agrees', () => {
    const known = { consent: true, employer: '张德贵', location: 't01', community: '上坪村', construction: true, project: '上坪安置房' };
    expect(read('wage', 'period', '去年年底到现在 整整一年！！！', known).direct).toEqual({ period: { start: '2025-12', end: null } });
    expect(read('wage', 'period', '9月到现在 整整三个月', known).direct).toEqual({ period: { start: '2026-09', end: null } });
  });

  // guard: a length that does not agree is not passed over.
  it('does not take a length that disagrees', () => {
    const known = { consent: true, employer: '张德贵', location: 't01', community: '上坪村', construction: true, project: '上坪安置房' };
    expect(read('wage', 'period', '9月到现在 整整四个月', known).direct).toEqual({});
  });

  it('reads 上个月就被赶出来了 as the month left', () => {
    expect(read('wage', 'leftSince', '上个月就被赶出来了', WAGE_AT_LEFT).direct).toEqual({ leftSince: '2026-11' });
  });

  it('reads whose wages opening the answer', () => {
    expect(read('wage', 'onBehalf', '帮我妈报的 她在厂里被欠了 她不会弄手机').direct).toEqual({ onBehalf: { relation: '妈' } });
    expect(read('wage', 'onBehalf', '替我老公报 他天天加班到半夜还被欠钱 气死我了').direct).toEqual({ onBehalf: { relation: '老公' } });
  });

  it('drops a roster’s closing words', () => {
    const entries = [
      { name: '王大军', amount: { yuan: 12000, approx: false, upTo: null }, phone: null },
      { name: '李小兵', amount: { yuan: 9000, approx: false, upTo: null }, phone: null },
    ];
    expect(read('wage', 'roster', '王大军 12000\n李小兵 9000\n就这俩 别的人不敢报', WAGE_AT_ROSTER).direct).toEqual({ roster: { entries, files: [] } });
    expect(read('wage', 'roster', '王大军 12000\n李小兵 9000\n就这俩', WAGE_AT_ROSTER).direct).toEqual({ roster: { entries, files: [] } });
  });
});

describe('corrections at 「…对吗？」 with feelings', () => {
  it('reads the day of the month waiting without 气糊涂了', () => {
    const known = toAnswers(legalAidFlow, { consent: true, matter: 'wage', limit: { leftOn: '2026-11-03' } }, ctx);
    const { limit, ...answers } = known;
    const change = pendingCorrection(legalAidFlow, '5号 气糊涂了', { limit }, answers, ctx);
    expect(change).toMatchObject({ field: { id: 'limit' }, result: { ok: true, value: { leftOn: '2026-11-05' } } });
  });

  // guard: the township said with an exclamation storm after it was read already.
  it('reads the township waiting without the exclamation storm', () => {
    const known = toAnswers(membershipFlow, { consent: true, idConsent: true, employment: 'employee', employer: '青溪纺织厂', workplace: 't08' }, ctx);
    const { workplace, ...answers } = known;
    const change = pendingCorrection(membershipFlow, '南塘！！', { workplace }, answers, ctx);
    expect(change).toMatchObject({ field: { id: 'workplace' }, result: { ok: true, value: { townshipId: 't10' } } });
  });
});
