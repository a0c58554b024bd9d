/*
 * More of what staff really type in WeChat about a case (helper h33):
 *  - a well-formed case number of no case of theirs (`QX20261201-0009 已联系老板`): said plainly, their cases listed,
 *    nothing offered (a note on `好` would only fail);
 *  - a close hinted on a case still waiting for 接单 (`钱交给工人了`, `结了`): 接单 first;
 *  - everyday words (`已电联`, `情况属实`, `工人已经去仲裁了`, `这个转劳动监察了`, `工人说还没收到钱`): a note offered;
 *    `结了`, `办好了`, `没追回来`: the close forms, only shown; `工人说不用管了`: the 撤回 form, only shown;
 *  - a supervisor's `第一个同意` with two closes waiting: `同意 <the first listed number>` spelled out, none approved.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, SUP, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';

const s = staffInWechat(A_WORKING_DAY);
const notes = async (c: { id: string }) => (await s.get(c)).notes.map((n: { text: string }) => n.text);

describe('a case number of no case of theirs', () => {
  it.each([(no: string) => `${no} 已联系老板`, (no: string) => `已联系老板 ${no}`])('is said plainly, with their cases; nothing on 好 (%#)', async (message) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const other = c.caseNo.replace(/-\d{4}$/, '-0009');
    const said = await s.ask(GW1, message(other));
    expect(said).toContain(`${other} 不是您负责的案件`);
    expect(said).toContain(`您负责的案件：${c.caseNo}`);
    expect(said).not.toMatch(/回复「好」|备注/);
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下|没有找到/);
    expect(await notes(c)).toEqual([]);
  });
});

describe('a close hinted on a case not yet taken', () => {
  it.each(['钱交给工人了', '结了', '办好了'])('%s: 接单 first, nothing changed on 好', async (words) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.routedToGw1();
    const said = await s.ask(GW1, words);
    expect(said).toContain(`案件 ${c.caseNo} 还没有接单，请先发：接单 ${c.caseNo}\n接单后，`);
    expect(said).toContain(`办结 ${c.caseNo} 追回 金额`);
    await s.ask(GW1, '好');
    expect((await s.get(c)).status).toBe('assigned');
  });
});

describe('everyday words on a case taken', () => {
  it.each(['已电联', '情况属实', '工人说的不属实', '工人已经去仲裁了', '这个转劳动监察了', '工人说还没收到钱', '老板讲钱过两天打过去。', '还没给钱'])(
    '%s: the note offered, written on 好',
    async (words) => {
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, words)).toBe(`要记下办理情况，请发：备注 ${c.caseNo} ${words}\n回复「好」就这样记下。`);
      expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
      expect(await notes(c)).toEqual([words]);
      expect((await s.get(c)).status).toBe('accepted');
    },
  );

  it.each(['钱已经打到工人卡上了。', '钱拿到手了。'])('%s: the note offered, the close only shown', async (words) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, words)).toBe(`要记下办理情况，请发：备注 ${c.caseNo} ${words}\n回复「好」就这样记下。\n工资已经全部付清、要办结的，请发：办结 ${c.caseNo} 追回 金额`);
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it.each(['结了', '办好了', '这个案子搞定了。'])('%s: the close forms, only shown', async (words) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, words)).toBe(`要办结请发：办结 ${c.caseNo} 追回 金额\n没追回的请发：办结 ${c.caseNo} 未追回 原因 下一步 仲裁`);
    await s.ask(GW1, '好');
    const now = await s.get(c);
    expect(now.status).toBe('accepted');
    expect(now.notes).toEqual([]);
  });

  it('没追回来: the not-recovered close, only shown', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '没追回来')).toMatch(new RegExp(`^追不回的话，请发：办结 ${c.caseNo} 未追回 原因 下一步 仲裁`));
    await s.ask(GW1, '好');
    expect((await s.get(c)).status).toBe('accepted');
  });

  it.each(['工人说不用管了', '工人说不想搞了'])('%s: the 撤回 form, only shown', async (words) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, words)).toBe(`本人不想追了的，请发：办结 ${c.caseNo} 撤回 原因`);
    await s.ask(GW1, '好');
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('老板说不用管了 is no withdrawal (already right)', async () => {
    await s.bind(GW1, 'gw-001');
    await s.acceptedByGw1();
    expect(await s.ask(GW1, '老板说不用管了')).not.toMatch(/撤回/);
  });

  it('他们自己私下协商好了。: the 和解 form', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '他们自己私下协商好了。')).toBe(`私下和解的，请发：办结 ${c.caseNo} 和解 金额（金额不清楚的写：和解 金额未知）`);
  });

  it('工人说还没收到钱 5000: no amount read as recovered', async () => {
    await s.bind(GW1, 'gw-001');
    await s.acceptedByGw1();
    expect(await s.ask(GW1, '工人说还没收到钱 5000')).not.toMatch(/追回 5000/);
  });
});

describe('a supervisor naming a close by its place in the list', () => {
  const twoCloses = () => s.closesAwaitingSup(2);

  it('第一个同意, 同意第一个: the first number spelled out, none approved on 好', async () => {
    const cs = await twoCloses();
    const [a] = [cs[0]!.caseNo, cs[1]!.caseNo].sort();
    for (const words of ['第一个同意', '同意第一个', '第1个可以']) {
      expect(await s.ask(SUP, words)).toBe(`第一件是 ${a}，同意办结请发：同意 ${a}\n不同意请发：退回 ${a} 原因`);
    }
    expect(await s.ask(SUP, '好')).not.toMatch(/已同意|已办结/);
    for (const c of cs) expect((await s.get(c)).status).toBe('closing');
  });

  it('第一个同意，第二个不同意: each spelled out on its own; 第三个: the two listed', async () => {
    const cs = await twoCloses();
    const [a, b] = [cs[0]!.caseNo, cs[1]!.caseNo].sort();
    expect(await s.ask(SUP, '第一个同意，第二个不同意')).toBe(`第一件是 ${a}，同意办结请发：同意 ${a}\n第二件是 ${b}，不同意办结请发：退回 ${b} 原因`);
    expect(await s.ask(SUP, '第二件退回 材料不全')).toBe(`第二件是 ${b}，不同意办结请发：退回 ${b} 材料不全`);
    expect(await s.ask(SUP, '第三个同意')).toBe(`等您审批的办结只有2件：${a}、${b}。请写上编号，例如「同意 ${a}」。`);
    for (const c of cs) expect((await s.get(c)).status).toBe('closing');
  });

  it('QX… 可以 for the close waiting: 同意 spelled out', async () => {
    const cs = await twoCloses();
    const a = cs[0]!.caseNo;
    expect(await s.ask(SUP, `${a} 可以`)).toBe(`同意办结请发：同意 ${a}\n不同意请发：退回 ${a} 原因`);
    expect((await s.get(cs[0]!)).status).toBe('closing');
  });

  it('结了 from a supervisor with one close waiting: 同意 spelled out (no close form), none approved', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(SUP, 'sup-t01');
    await s.app.t.core.redis.hSet(s.app.t.core.cases.keys.load(), { 'gw-001': 0 });
    const c = await s.routedCase({ headcount: 12, amount: 200000 });
    await s.ask(GW1, `接单 ${c.caseNo}`);
    await s.ask(GW1, `办结 ${c.caseNo} 未追回 老板跑了 下一步 仲裁`);
    expect(await s.ask(SUP, '结了')).toBe(`同意办结请发：同意 ${c.caseNo}\n不同意请发：退回 ${c.caseNo} 原因`);
    expect(await s.ask(SUP, '好')).not.toMatch(/已同意|已办结/);
    expect((await s.get(c)).status).toBe('closing');
  });
});
