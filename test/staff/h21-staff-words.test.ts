/*
 * A grid worker's own words about a case they hold (helper h21): hints only, nothing recorded.
 *  - Amounts in words are kept in the 办结 hint (`追回了两万八` → 追回 28000; `钱到了 五千`; `办节 追回五千`), and
 *    `追回2.8万` is 2.8万 (never 28万).
 *  - Part of the money back (`老板给了一半`, `给了2000 还差4000`, `老板给了三千 剩下的月底给`): a note and the
 *    partial close, the amounts as said.
 *  - `QX… 怎么办`, `QX… 能延期吗` (a question with its number) are never a note offered on 好; `QX… 追回两万八` is the
 *    close hint.
 *  - More time (`再给我几天时间`, `延五天`, `宽限到下周五`), handing back (`这单不是我们街道的`, `我办不了 给别人吧`),
 *    a day promised (`老板说20号给钱`) and `这种情况怎么办` each get the command for it.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const T0 = workingDayAt('10:00');
const { ask, get, bind, acceptedByGw1 } = staffInWechat(T0);

describe('a grid worker’s words about a case (h21)', () => {
  it('amounts in words kept in the close hint (below the 28,500元 claim: the part-paid close, h114); 2.8万 never 28万; nothing recorded', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const n = c.caseNo;
    expect(await ask(GW1, '追回了两万八')).toMatch(new RegExp(`\n不再追的话，请发：办结 ${n} 追回 28000 还欠 金额$`));
    expect(await ask(GW1, '钱到了 五千')).toMatch(new RegExp(`\n不再追的话，请发：办结 ${n} 追回 5000 还欠 金额$`));
    expect(await ask(GW1, '工人说拿到钱了 6000块')).toMatch(new RegExp(`\n不再追的话，请发：办结 ${n} 追回 6000 还欠 金额$`));
    expect(await ask(GW1, '追回2.8万')).toMatch(new RegExp(`\n不再追的话，请发：办结 ${n} 追回 2\\.8万 还欠 金额$`));
    expect(await ask(GW1, '办节 追回五千')).toBe(`是要办结吗？请发：办结 ${n} 追回 5000`);
    expect(await ask(GW1, `${n} 追回两万八`)).toMatch(new RegExp(`\n不再追的话，请发：办结 ${n} 追回 28000 还欠 金额$`));
    const now = await get(c);
    expect(now.status).toBe('accepted');
    expect(now.outcome).toBeNull();
    expect(now.notes).toEqual([]);
  });

  it('part of the money back: a note and the partial close, amounts as said', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const n = c.caseNo;
    expect(await ask(GW1, '老板给了一半')).toBe(`还在追剩下的，先记下：备注 ${n} 老板给了一半\n回复「好」就这样记下。\n不再追的话，请发：办结 ${n} 追回 金额 还欠 金额`);
    expect(await ask(GW1, '给了2000 还差4000')).toBe(`还在追剩下的，先记下：备注 ${n} 给了2000 还差4000\n回复「好」就这样记下。\n不再追的话，请发：办结 ${n} 追回 2000 还欠 4000`);
    expect(await ask(GW1, '老板给了三千 剩下的月底给')).toMatch(new RegExp(`不再追的话，请发：办结 ${n} 追回 3000 还欠 金额$`));
    expect(await ask(GW1, `${n} 老板给了一半`)).toMatch(new RegExp(`^还在追剩下的，先记下：备注 ${n} 老板给了一半\n`));
    expect((await get(c)).notes).toEqual([]);
  });

  it('a question with its number is never a note offered on 好', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const n = c.caseNo;
    const how = await ask(GW1, `${n} 怎么办`);
    expect(how).not.toMatch(/备注 \S+ 怎么办|回复「好」/);
    expect(how).toMatch(new RegExp(`办结 ${n} 追回 金额`));
    expect(await ask(GW1, '好')).not.toMatch(/已记下备注/);
    expect(await ask(GW1, `${n} 能延期吗`)).toBe(`是要延期吗？请发：延期 ${n} 天数 原因`);
    expect((await get(c)).notes).toEqual([]);
  });

  it('more time, handing back, a day promised, what to do: the command for each', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const n = c.caseNo;
    expect(await ask(GW1, '再给我几天时间')).toBe(`是要延期吗？请发：延期 ${n} 天数 原因`);
    expect(await ask(GW1, '延五天')).toBe(`是要延期吗？请发：延期 ${n} 五天 原因`);
    expect(await ask(GW1, '宽限到下周五')).toBe(`是要延期吗？请发：延期 ${n} 天数 原因`);
    expect(await ask(GW1, '这单不是我们街道的')).toBe(`这件不归您办的话，请发：退回 ${n} 原因`);
    expect(await ask(GW1, '这个案子我办不了 给别人吧')).toBe(`这件不归您办的话，请发：退回 ${n} 原因`);
    expect(await ask(GW1, '老板说20号给钱')).toMatch(new RegExp(`^要记下办理情况，请发：备注 ${n} 老板说20号给钱`));
    expect(await ask(GW1, '这种情况怎么办')).toMatch(new RegExp(`^办理这件案件可以用这些指令：[\\s\\S]*退回 ${n} 原因`));
    const now = await get(c);
    expect(now.notes).toEqual([]);
    expect(now.status).toBe('accepted');
  });
});
