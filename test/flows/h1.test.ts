/*
 * First messages and what the wage report takes from them (helper h1), as transcripts on real Redis:
 *  - H1: a sum owed to the person and someone they name (`欠了我和我老公三万多`, `欠我们夫妻俩两万`) is the group's
 *    total with them counted, never the person's own; a share each (`欠我跟我哥一人五千`) is the person's own;
 *  - H2: the people of a workplace (`我们公司五百个人`, `我们车间30个人`) with the debt said of the person alone are
 *    the workplace's size, never how many are owed;
 *  - H3: months of something else held back (`班长拖了我三个月不给请假`) get no advice on unpaid wages, no report;
 *  - H4: `站长拖了三个月了怎么办` (a rider's station manager): the answer, then the wage report offered with the
 *    months said, never joining the union in its place.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

describe('H1: a sum owed to the person and those they name together', () => {
  it.each([
    ['老板欠了我和我老公三万多', /大家一共被拖欠「约30,000元」/, { yuan: 30_000, approx: true, upTo: null }, 'web:h1a'],
    ['老板欠我们夫妻俩两万', /大家一共被拖欠「20,000元」/, { yuan: 20_000, approx: false, upTo: null }, 'web:h1b'],
    ['老板欠我和我老婆两个人三万', /大家一共被拖欠「30,000元」/, { yuan: 30_000, approx: false, upTo: null }, 'web:h1c'],
    ['我和我老公都没拿到工资 一共三万', /大家一共被拖欠「30,000元」/, { yuan: 30_000, approx: false, upTo: null }, 'web:h1d'],
    // (`我老公和我都被欠了三万`: 都 may say each of them; whose it is is asked since h22, see h22-amount-words.)
    ['老板欠我俩三万', /大家一共被拖欠「30,000元」/, { yuan: 30_000, approx: false, upTo: null }, 'web:h1h'],
  ])('%s: the group total with two counted, never the own amount', async (said, line, group, user) => {
    await converse(t.chat, user).send(said).expect(/需要您同意/).send('同意').expect(line).expect(/被拖欠人数「2人」/).expectNot(/拖欠金额「/);
    await converse(t.chat, user).send('对').expect(/单位叫什么名字/);
    const a = (await session(user)).answers;
    expect(a).toMatchObject({ groupAmount: group, headcount: { count: 2, approximate: false } });
    expect(a).not.toHaveProperty('amount');
  });

  it('欠我跟我哥一人五千: 5,000 is the person’s own, two owed', async () => {
    await converse(t.chat, 'web:h1e').send('欠我跟我哥一人五千').send('同意').expect(/拖欠金额「5,000元」/).expect(/被拖欠人数「2人」/).send('对').expect(/单位叫什么名字/);
    expect((await session('web:h1e')).answers).toMatchObject({ amount: { yuan: 5000 }, headcount: { count: 2 } });
  });

  it('我跟我老公在工地干活 老板欠了我们三万多: never the own amount; the total confirmed once two are counted', async () => {
    const c = converse(t.chat, 'web:h1f');
    await c.send('我跟我老公在工地干活 老板欠了我们三万多').send('同意').expectNot(/拖欠金额「约30,000元」/);
    await c.sendAll('对', '宏达建筑', '东龙镇', '不清楚', '跳过').send('三个月').expect(/您自己一共被拖欠了多少钱/).send('两万').expect(/一共有多少人被拖欠/);
    await c.send('两个人').expect(/大家一共被拖欠「约30,000元」/).expectNot(/拖欠金额「/).send('对');
    const a = (await session('web:h1f')).answers;
    expect(a).toMatchObject({ amount: { yuan: 20_000 }, groupAmount: { yuan: 30_000, approx: true }, headcount: { count: 2 } });
  });
});

describe('H2: a workplace’s people, the debt the person’s alone', () => {
  it.each([
    ['我们公司五百个人老板欠我三万', /拖欠金额「30,000元」/, 30_000, 'web:h2a'],
    ['我们车间30个人 欠我八千', /拖欠金额「8,000元」/, 8000, 'web:h2b'],
  ])('%s: the own amount, no headcount', async (said, line, yuan, user) => {
    await converse(t.chat, user).send(said).send('同意').expect(line).expectNot(/被拖欠人数|500人|30人/).send('对');
    const a = (await session(user)).answers;
    expect(a).toMatchObject({ amount: { yuan } });
    expect(a).not.toHaveProperty('headcount');
  });
});

describe('H3: months of something else held back', () => {
  it.each([
    ['班长拖了我三个月不给请假', 'web:h3a'],
    ['经理两个月没给我排班', 'web:h3b'],
  ])('%s: not understood, the menu; no wage advice, no report', async (said, user) => {
    await converse(t.chat, user).send(said).expect(/没太明白/).expect(/反映欠薪/).expectNot(/别着急|登记欠薪|需要您同意/);
    const s = await session(user);
    expect(s.flowId ?? null).toBeNull();
    expect(s.answers ?? {}).not.toHaveProperty('period');
  });
});

describe('H4: a rider’s station manager holding pay back for months', () => {
  it('站长拖了三个月了怎么办: the answer, the wage report offered, the months confirmed after the consent', async () => {
    const c = converse(t.chat, 'web:h4a');
    await c.send('站长拖了三个月了怎么办').expect(/骑手/).expect(/反映欠薪/).expectNot(/加入新就业形态工会吗/);
    await c.send('好的').expect(/需要您同意/).send('同意').expect(/拖欠时间「2026年9月至2026年11月（3个月）」/).send('对');
    expect((await session('web:h4a')).answers).toMatchObject({ period: { start: '2026-09', end: '2026-11', months: 3 } });
  });
});
