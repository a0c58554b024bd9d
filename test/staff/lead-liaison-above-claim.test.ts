/*
 * A liaison's 结果 with more than the worker reported (`追回 60000` on 28,500元): the referral was marked done, then
 * the close refused the amount, so the case was stuck (referred, no outcome) and every later 结果 was told to 受理
 * first. Now it is asked back before anything is written; `… 确认` records it.
 */
import { describe, expect, it } from 'vitest';
import { GW1, LIAISON, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const s = staffInWechat(workingDayAt('10:00'));

describe("a liaison's result above the claim", () => {
  it('is asked back with the words to send, nothing written; 确认 records it and closes the case', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(LIAISON, 'liaison-1');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`)).toMatch(/^已转给检察联络员/);
    expect(await s.ask(LIAISON, `受理 ${c.caseNo}`)).toMatch(/^已受理。/);
    const before = await s.get(c);

    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回 60000`)).toBe(
      `追回60,000元比报告人反映的28,500元还多，还没有记录。核实无误的话，请在后面加「确认」再发，例如「结果 ${c.caseNo} 追回 60000 确认」。`,
    );
    const held = await s.get(c);
    expect([held.status, held.referral?.status, held.outcome ?? null]).toEqual(['referred', 'accepted', null]);
    expect(held.history).toHaveLength(before.history.length);

    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回 60000 确认`)).toMatch(/^已记录结果/);
    const done = await s.get(c);
    expect([done.status, done.referral?.status, done.outcome?.recovered]).toEqual(['resolved', 'done', 60000]);
  });

  it('guard: within the claim it is recorded at once', async () => {
    // guard: the check must not ask about an amount within what was reported.
    await s.bind(GW1, 'gw-001');
    await s.bind(LIAISON, 'liaison-1');
    const c = await s.acceptedByGw1();
    await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`);
    await s.ask(LIAISON, `受理 ${c.caseNo}`);
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回 28500`)).toMatch(/^已记录结果/);
    expect((await s.get(c)).outcome?.recovered).toBe(28500);
  });
});
