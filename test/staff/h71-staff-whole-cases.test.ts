/*
 * Whole cases from the staff side, as staff type in WeChat (helper h71):
 *  - a grid worker's correction after a command on the wrong case (`不对 是QX…0002`): was offered the note
 *    `备注 QX…0002 不对 是` (a `好` recorded 「不对 是」 on that case); now nothing is offered or recorded, and they are
 *    told that what ran stays on the case it named and how to act on the right one; `不对 是0002` (last digits) was
 *    「没看懂」, now the same with the full number;
 *  - a supervisor's no to a close with its number (`不行 再跟一下 QX…`, `钱数不对 QX…`): was offered as a note on the
 *    case (a `好` recorded the no as a note, the close still waiting); now the 退回 form with their words as the reason;
 *    `钱数不对` alone with one close waiting: was 「没看懂」, now the 退回 form;
 *  - a supervisor's `可以` then `好` with one close waiting: the same hint twice (a loop); now the `好` is told why it did
 *    nothing. An approval is still only ever run by its typed command;
 *  - a liaison's `钱追回来了`, `追回两万八` on the referral they took: was 「没看懂」 (the hint was 办结's, not theirs); now
 *    the 结果 form, only shown.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { GW1, LIAISON, SUP, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';

const s = staffInWechat(A_WORKING_DAY);

/** Three cases taken by gw-001 (GW1 bound). */
async function threeTaken(): Promise<Case[]> {
  await s.bind(GW1, 'gw-001');
  return [await s.acceptedByGw1(), await s.acceptedByGw1(), await s.acceptedByGw1()];
}

const kept = async (cs: Case[]) => Promise.all(cs.map(async (c) => { const x = await s.get(c); return [x.status, x.notes.map((n) => n.text), x.outcome ?? null]; }));

describe('a grid worker corrects the case of the last command', () => {
  it('备注 on 0001, then 不对 是QX…0002: no note of 「不对 是」 offered; a 好 records nothing', async () => {
    const [a, b, c] = await threeTaken();
    expect(await s.ask(GW1, `备注 ${a!.caseNo} 老板说月底给`)).toMatch(/^已记下备注/);
    const said = await s.ask(GW1, `不对 是${b!.caseNo}`);
    expect(said).toMatch(new RegExp(`^收到，是 ${b!.caseNo}。这条还没有办理：之前发的指令已经按当时写的编号办了，不会自动改到 ${b!.caseNo} 上。\n`));
    expect(said).toContain(`备注 ${b!.caseNo} 情况`);
    expect(said).not.toContain('回复「好」');
    await s.ask(GW1, '好');
    expect(await kept([a!, b!, c!])).toEqual([
      ['accepted', ['老板说月底给'], null],
      ['accepted', [], null],
      ['accepted', [], null],
    ]);
  });

  it.each(['不对 是{4}', '错了 应该是{4}号', '搞错了，是{4}'])('%s (the last four digits): that case said back, nothing recorded (was 「没看懂」)', async (typed) => {
    const [a, b] = await threeTaken();
    await s.ask(GW1, `备注 ${a!.caseNo} 打了电话`);
    const said = await s.ask(GW1, typed.replace('{4}', b!.caseNo.slice(-4)));
    expect(said).toMatch(new RegExp(`^收到，是 ${b!.caseNo}。这条还没有办理`));
    expect((await s.get(b!)).notes).toEqual([]);
  });

  it('办结 on the wrong case, then 不对 是QX…: that close stays, its undoing is the supervisor\'s, nothing offered', async () => {
    const [a, b] = await threeTaken();
    expect(await s.ask(GW1, `办结 ${a!.caseNo} 追回 28500`)).toMatch(/^已办结。/);
    const said = await s.ask(GW1, `不对 是${b!.caseNo}`);
    expect(said).toContain('办结办错了的，请联系您的上级更正。');
    await s.ask(GW1, '好');
    expect(await kept([b!])).toEqual([['accepted', [], null]]);
  });

  it('guard: three cases open, words with no number (接了, 明天去, 老板说月底给, 钱到了 工人确认了) record nothing', async () => {
    // guard: with several cases held, no words without a number are put on any of them.
    const cs = await threeTaken();
    for (const w of ['接了', '明天去', '老板说月底给', '好', '钱到了 工人确认了', '好']) expect(await s.ask(GW1, w)).not.toMatch(/^已/);
    expect(await kept(cs)).toEqual(cs.map(() => ['accepted', [], null]));
  });
});

describe('a supervisor answers a close in words', () => {
  it.each([
    ['不行 再跟一下 {no}', '再跟一下'],
    ['钱数不对 {no}', '钱数不对'],
    ['{no} 不行 再跟一下', '再跟一下'],
  ])('%s with two closes waiting: the 退回 form for that case (was a note offered on it); a 好 records nothing', async (typed, reason) => {
    const [, c] = await s.closesAwaitingSup(2);
    expect(await s.ask(SUP, typed.replace('{no}', c!.caseNo))).toBe(`不同意办结请发：退回 ${c!.caseNo} ${reason}`);
    await s.ask(SUP, '好');
    const now = await s.get(c!);
    expect([now.status, now.notes.length]).toEqual(['closing', 0]);
  });

  it('钱数不对 with one close waiting: the 退回 form for it (was 「没看懂」)', async () => {
    const [c] = await s.closesAwaitingSup(1);
    expect(await s.ask(SUP, '钱数不对')).toBe(`不同意办结请发：退回 ${c!.caseNo} 钱数不对`);
    expect((await s.get(c!)).status).toBe('closing');
  });

  it('可以, then 好, with one close waiting: the 好 is told why nothing was done (was the same hint again); nothing approved', async () => {
    const [c] = await s.closesAwaitingSup(1);
    const first = await s.ask(SUP, '可以');
    expect(first).toBe(`同意办结请发：同意 ${c!.caseNo}\n不同意请发：退回 ${c!.caseNo} 原因`);
    const second = await s.ask(SUP, '好');
    expect(second).not.toBe(first);
    expect(second).toMatch(/^审批要发完整的指令，回复「好」不会办理。\n同意办结请发：同意 /);
    expect((await s.get(c!)).status).toBe('closing');
  });

  it('guard: QX… 可以 from its approver: the 同意 form, nothing approved', async () => {
    // guard: an approval is only ever run by its typed command.
    const [, c] = await s.closesAwaitingSup(2);
    expect(await s.ask(SUP, `${c!.caseNo} 可以`)).toBe(`同意办结请发：同意 ${c!.caseNo}\n不同意请发：退回 ${c!.caseNo} 原因`);
    expect((await s.get(c!)).status).toBe('closing');
  });
});

describe('a liaison says the money came back in words', () => {
  it.each([
    ['钱追回来了', '追回 金额'],
    ['追回两万八', '追回 28000'],
  ])('%s on the referral they took: the 结果 form (was 「没看懂」), nothing recorded', async (words, form) => {
    await s.bind(GW1, 'gw-001');
    await s.bind(LIAISON, 'liaison-1');
    const c = await s.acceptedByGw1();
    await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`);
    expect(await s.ask(LIAISON, `受理 ${c.caseNo}`)).toMatch(/^已受理。/);
    expect(await s.ask(LIAISON, words)).toBe(`钱追回了的，请记下结果：结果 ${c.caseNo} ${form}`);
    const now = await s.get(c);
    expect([now.status, now.outcome ?? null]).toEqual(['referred', null]);
  });
});
