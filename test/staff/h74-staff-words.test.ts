/*
 * What staff type in WeChat about their cases, whole cases (helper h74): routed case → staff's words → what the
 * worker sees.
 *  - money back with its amount in words (`钱追回来了 一共两万八`): the amount was not read (办结 … 追回 金额); now the
 *    close (a liaison's 结果) is shown with it, whole, to type (a close tells the reporter: never offered for a `好`);
 *    more than the claim, or less than a hundredth of it, is said so with the 确认 form (as the 办结 command and the
 *    staff API check); `全部要回来了` shows the claim as the amount, said back; part of it (`老板给了两万 还差八千`)
 *    shows no close (a liaison's form keeps the 还欠);
 *  - a supervisor's `可以 0002` with two closes waiting: both were listed; now the one whose number ends so (its 同意
 *    form, nothing approved); `可以 0009`: was the other close's form; now none is named;
 *  - `这个我下午去一趟`, `帮我转给东龙的网格员`: were 「没看懂」; a long voice-like message with the case number inside
 *    whose boss promises to pay: was read as paid (the 办结 hint, the note only as 内容); now its note, offered.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { GW1, LIAISON, SUP, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';
import { eventually } from '../support/core.js';

const s = staffInWechat(A_WORKING_DAY);

/** Every text the case's reporter received, in order. */
async function workerSaw(c: Case): Promise<string[]> {
  const { items } = await s.app.t.core.inbox.read(c.reporter.userKey);
  return items.flatMap((i) => i.replies.map((r) => (r.type === 'text' ? r.text : '')));
}

/** What the reporter has once the notice of 接单 reached them (notices go out from the queue). */
const afterTaken = (c: Case) => eventually(async () => ((await workerSaw(c)).some((t) => /已接单/.test(t)) ? workerSaw(c) : null), 8000, '接单 notice');

/** What the reporter has a little after the last message (anything sent would have reached them by then). */
async function settled(c: Case): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 600));
  return workerSaw(c);
}

const kept = async (c: Case) => {
  const x = await s.get(c);
  return [x.status, x.notes.map((n) => n.text), x.outcome?.recovered ?? null];
};

/** A case taken by gw-001 and referred to liaison-1, who took it. */
async function referralTaken(): Promise<Case> {
  await s.bind(GW1, 'gw-001');
  await s.bind(LIAISON, 'liaison-1');
  const c = await s.acceptedByGw1();
  await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`);
  expect(await s.ask(LIAISON, `受理 ${c.caseNo}`)).toMatch(/^已受理。/);
  return c;
}

describe('a grid worker says the money came back, with the amount in words (claim 28,500元)', () => {
  it('钱追回来了 一共两万八: below the claim, a note offered and the part-paid close shown (h114); the close typed, the worker told 28,000元', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '钱追回来了 一共两万八')).toBe(
      `报告人反映欠28,500元，这是其中一部分。还在追剩下的，先记下：备注 ${c.caseNo} 钱追回来了 一共两万八\n回复「好」就这样记下。\n不再追的话，请发：办结 ${c.caseNo} 追回 28000 还欠 金额`,
    );
    expect(await kept(c)).toEqual(['accepted', [], null]);
    expect((await workerSaw(c)).some((t) => /已办结/.test(t))).toBe(false);
    // (h114: 好 records the words as a note, never the close.)
    await s.ask(GW1, '好');
    expect(await kept(c)).toEqual(['accepted', ['钱追回来了 一共两万八'], null]);
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 28000`)).toMatch(/^已办结。[\s\S]*追回28,000元（部分，报告人反映欠28,500元）/);
    expect(await kept(c)).toEqual(['resolved', ['钱追回来了 一共两万八'], 28000]);
    expect(await eventually(async () => (await workerSaw(c)).find((t) => /已办结/.test(t)), 8000, '办结 notice')).toMatch(/已办结：追回工资28,000元/);
  });

  it('全部要回来了: the claim said back as the amount, the 全额 close shown to type; a 好 records nothing', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const said = await s.ask(GW1, '全部要回来了');
    expect(said).toBe(
      [
        '您是说报告人反映的28,500元全部追回了吗？还没有记录。',
        `是的话，请发：办结 ${c.caseNo} 追回 28500 全额`,
        `只追回了一部分的，请写上金额：办结 ${c.caseNo} 追回 金额`,
      ].join('\n'),
    );
    expect(await kept(c)).toEqual(['accepted', [], null]);
    await s.ask(GW1, '好');
    expect(await kept(c)).toEqual(['accepted', [], null]);
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 28500 全额`)).toMatch(/^已办结。/);
    const now = await s.get(c);
    expect([now.outcome?.recovered, now.outcome?.full]).toEqual([28500, true]);
  });

  it('钱追回来了 一共三万 (more than the claim): said so, nothing proposed; a 好 records nothing, the worker is told nothing', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await afterTaken(c);
    expect(await s.ask(GW1, '钱追回来了 一共三万')).toBe(
      [
        '报告人反映欠28,500元，您说追回了30,000元，比反映的还多。还没有记录。',
        `核实无误的话，请发：办结 ${c.caseNo} 追回 30000 确认`,
        `写错了的话，请改好再发，例如：办结 ${c.caseNo} 追回 28500`,
      ].join('\n'),
    );
    expect(await s.ask(GW1, '好')).not.toMatch(/^已/);
    expect(await kept(c)).toEqual(['accepted', [], null]);
    expect(await settled(c)).toEqual(before);
  });

  it('追回了20 (less than a hundredth of the claim): a unit left out asked about, nothing proposed', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '追回了20')).toMatch(/^报告人反映欠28,500元，您说追回了20元，比反映的少很多，是不是少写了单位？还没有记录。\n/);
    await s.ask(GW1, '好');
    expect(await kept(c)).toEqual(['accepted', [], null]);
  });

  it('钱追回来了 一共两万八 on a case not yet taken: 接单 first, the amount kept in the form; no close on 好', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.routedToGw1();
    const said = await s.ask(GW1, '钱追回来了 一共两万八');
    expect(said).toMatch(new RegExp(`^案件 ${c.caseNo} 还没有接单，请先发：接单 ${c.caseNo}\n接单后，要办结请发：办结 ${c.caseNo} 追回 28000\n`));
    expect(said).not.toContain('回复「好」');
    await s.ask(GW1, '好');
    expect(await kept(c)).toEqual(['assigned', [], null]);
  });

  it('guard: 老板给了两万 还差八千: the note offered on 好, the close only shown; a 好 records the note, no close', async () => {
    // guard: part of the money back never proposes a close (still chasing the rest is as likely).
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const said = await s.ask(GW1, '老板给了两万 还差八千');
    expect(said).toContain(`不再追的话，请发：办结 ${c.caseNo} 追回 20000 还欠 8000`);
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect(await kept(c)).toEqual(['accepted', ['老板给了两万 还差八千'], null]);
  });
});

describe('a liaison says the money came back on the referral they took', () => {
  it('钱追回来了 一共两万八: the 结果 shown with 28000 to type; a 好 records nothing', async () => {
    const c = await referralTaken();
    expect(await s.ask(LIAISON, '钱追回来了 一共两万八')).toBe(`钱追回了的，请记下结果：结果 ${c.caseNo} 追回 28000`);
    expect((await s.get(c)).status).toBe('referred');
    await s.ask(LIAISON, '好');
    expect(await kept(c)).toEqual(['referred', [], null]);
    await s.ask(LIAISON, `结果 ${c.caseNo} 追回 28000`);
    expect(await kept(c)).toEqual(['resolved', [], 28000]);
  });

  it('钱追回来了 一共三万: more than the claim said, nothing proposed (the staff API refuses it unconfirmed)', async () => {
    const c = await referralTaken();
    expect(await s.ask(LIAISON, '钱追回来了 一共三万')).toMatch(new RegExp(`^报告人反映欠28,500元，您说追回了30,000元，比反映的还多。还没有记录。\n核实无误的话，请发：结果 ${c.caseNo} 追回 30000 确认\n`));
    await s.ask(LIAISON, '好');
    expect(await kept(c)).toEqual(['referred', [], null]);
  });

  it('老板给了两万 还差八千: the 结果 form keeps what is still owed (was 追回 20000 alone), nothing proposed', async () => {
    const c = await referralTaken();
    expect(await s.ask(LIAISON, '老板给了两万 还差八千')).toBe(`钱追回了的，请记下结果：结果 ${c.caseNo} 追回 20000 还欠 8000`);
    await s.ask(LIAISON, '好');
    expect(await kept(c)).toEqual(['referred', [], null]);
  });
});

describe('a supervisor names a close by its last digits', () => {
  it.each([
    ['可以 {4}', (no: string) => `同意办结请发：同意 ${no}\n不同意请发：退回 ${no} 原因`],
    ['不行 {4} 再跟一下', (no: string) => `不同意办结请发：退回 ${no} 再跟一下`],
  ])('%s with two closes waiting: that close\'s form (both were listed); nothing approved', async (typed, answer) => {
    const [a, b] = await s.closesAwaitingSup(2);
    expect(await s.ask(SUP, typed.replace('{4}', b!.caseNo.slice(-4)))).toBe(answer(b!.caseNo));
    await s.ask(SUP, '好');
    expect([(await s.get(a!)).status, (await s.get(b!)).status]).toEqual(['closing', 'closing']);
  });

  it('可以 0009 (no close ends so): none named, the closes waiting listed', async () => {
    const [a] = await s.closesAwaitingSup(1);
    const said = await s.ask(SUP, '可以 0009');
    expect(said).toBe(`等您审批的办结里没有尾号 0009 的，这条还没有办理。等您审批的：${a!.caseNo}。\n请写完整编号，例如「同意 ${a!.caseNo}」或「退回 ${a!.caseNo} 原因」。`);
    expect((await s.get(a!)).status).toBe('closing');
  });
});

describe('a grid worker\'s everyday words, whole cases', () => {
  it('这个我下午去一趟 on a case taken: the note form (was 「没看懂」), nothing recorded', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '这个我下午去一趟')).toBe(`好的。有了办理情况，请发：备注 ${c.caseNo} 情况`);
    expect(await kept(c)).toEqual(['accepted', [], null]);
  });

  it('这个我下午去一趟 on the one case not yet taken: the note form (was 「没看懂」); a 好 takes nothing', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.routedToGw1();
    expect(await s.ask(GW1, '这个我下午去一趟')).toBe(`好的。有了办理情况，请发：备注 ${c.caseNo} 情况`);
    await s.ask(GW1, '好');
    expect(await kept(c)).toEqual(['assigned', [], null]);
  });

  it('帮我转给东龙的网格员: the 退回 form and who picks (was 「没看懂」); nothing changed on 好', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '帮我转给东龙的网格员')).toBe(
      `案件 ${c.caseNo} 还在您名下，期限照算。要交给别人办，请发：退回 ${c.caseNo} 原因\n系统会改派给别的工作人员；想指定谁来办，请联系您的上级。`,
    );
    await s.ask(GW1, '好');
    const now = await s.get(c);
    expect([now.status, now.assignee?.staffId]).toEqual(['accepted', 'gw-001']);
  });

  it('a long voice-like message with the number inside, the boss promising to pay: its note offered (was the 办结 hint); the worker sees nothing of it', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await afterTaken(c);
    const said = await s.ask(GW1, `刚才去了一趟工地，跟老板当面谈了，案件${c.caseNo}的老板说这个月底之前一定把钱打给工人，我让工人月底再看看`);
    const note = '刚才去了一趟工地，跟老板当面谈了，老板说这个月底之前一定把钱打给工人，我让工人月底再看看';
    expect(said).toBe(`要记下办理情况，请发：备注 ${c.caseNo} ${note}\n回复「好」就这样记下。`);
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect(await kept(c)).toEqual(['accepted', [note], null]);
    expect(await settled(c)).toEqual(before);
  });

  it('guard: 联系不上老板, 工人电话打不通, 已经调解好了 老板答应月底给, 这个不归我们管, 明天再说, 收到, ？ — each with 好: only the notes offered, no close, no 退回, the worker told nothing', async () => {
    // guard: nothing is recorded from a hint but the note spelled out; nothing reaches the worker.
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await afterTaken(c);
    for (const w of ['联系不上老板', '工人电话打不通', '已经调解好了 老板答应月底给', '这个不归我们管', '明天再说', '收到', '？']) {
      expect(await s.ask(GW1, w)).not.toMatch(/^已/);
      await s.ask(GW1, '好');
    }
    const now = await s.get(c);
    expect([now.status, now.assignee?.staffId, now.notes.map((n) => n.text), now.outcome ?? null]).toEqual(['accepted', 'gw-001', ['工人电话打不通', '已经调解好了 老板答应月底给'], null]);
    expect(await settled(c)).toEqual(before);
  });
});
