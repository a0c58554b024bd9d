/*
 * A grid worker naming a case by its place in the list 我的案件 just showed them (`第一个接单`, `接第二个`,
 * `第二个退回 不是我网格的`, `第1个 已联系老板`), or all at once (`两个都接`): the case said back by its number and
 * the command spelled out with it (接单 and a note run on 好; a 退回 is typed out); never run on the place alone.
 * These were all 没看懂 before.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { GW1, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const s = staffInWechat(workingDayAt('10:00'));

/** Two cases routed to gw-001 and waiting for 接单, with the numbers in the order 我的案件 lists them. */
async function twoListed(): Promise<{ cases: Case[]; listed: string[] }> {
  await s.bind(GW1, 'gw-001');
  const a = await s.routedToGw1();
  const b = await s.routedToGw1();
  const list = await s.ask(GW1, '我的案件');
  const listed = [...list.matchAll(/· (QX\d{8}-\d{4})/g)].map((m) => m[1]!);
  expect(listed.sort()).toEqual([a.caseNo, b.caseNo].sort());
  // The order as shown, whatever it is.
  const shown = [...list.matchAll(/· (QX\d{8}-\d{4})/g)].map((m) => m[1]!);
  return { cases: [a, b], listed: shown };
}

const statusOf = async (no: string) => (await s.app.t.core.cases.getByNo(no))!.status;

describe('a grid worker naming a case by its place in 我的案件', () => {
  it('when they say `第一个接单` after the list, then the first listed is offered for 接单, and 好 takes that one only', async () => {
    const { listed } = await twoListed();
    const a = await s.ask(GW1, '第一个接单');
    expect(a).toContain(`第一件是 ${listed[0]}`);
    expect(a).toContain(`接单 ${listed[0]}`);
    expect(await statusOf(listed[0]!)).toBe('assigned');
    expect(await s.ask(GW1, '好')).toMatch(/^已接单/);
    expect(await statusOf(listed[0]!)).toBe('accepted');
    expect(await statusOf(listed[1]!)).toBe('assigned');
  });

  it('when they say `接第二个` or `第二个我接了`, then the second listed is the one', async () => {
    const { listed } = await twoListed();
    for (const words of ['接第二个', '第二个我接了', '第2件接单']) {
      const a = await s.ask(GW1, words);
      expect(a, words).toContain(`接单 ${listed[1]}`);
      expect(a).not.toContain(listed[0]);
    }
    expect(await statusOf(listed[1]!)).toBe('assigned');
  });

  it('when they say `第二个退回 不是我网格的`, then the 退回 is spelled out with that number and its reason, and nothing changes', async () => {
    const { listed } = await twoListed();
    const a = await s.ask(GW1, '第二个退回 不是我网格的');
    expect(a).toContain(`退回 ${listed[1]} 不是我网格的`);
    expect(a).not.toMatch(/回复「好」/);
    expect(await s.ask(GW1, '好')).not.toMatch(/已退回/);
    expect(await statusOf(listed[1]!)).toBe('assigned');
  });

  it('when they say `第1个 已联系老板`, then a note on that case is offered and 好 records it there', async () => {
    const { listed } = await twoListed();
    const a = await s.ask(GW1, '第1个 已联系老板');
    expect(a).toContain(`备注 ${listed[0]} 已联系老板`);
    expect(await s.ask(GW1, '好')).toMatch(/已记下备注/);
    const c = await s.app.t.core.cases.getByNo(listed[0]!);
    expect(c!.notes.map((n) => n.text)).toEqual(['已联系老板']);
  });

  it('when no list was shown, or the place is past its end, then the number is asked for, nothing offered', async () => {
    await s.bind(GW1, 'gw-001');
    await s.routedToGw1();
    await s.routedToGw1();
    const before = await s.ask(GW1, '第一个接单');
    expect(before).toMatch(/请写上案件编号/);
    expect(before).toContain('我的案件');
    await s.ask(GW1, '我的案件');
    expect(await s.ask(GW1, '第三个接单')).toMatch(/刚才列出的案件只有2件/);
    expect(await s.ask(GW1, '好')).not.toMatch(/已接单/);
  });

  it('when they say `两个都接`, then each 接单 is spelled out and none is run', async () => {
    const { listed } = await twoListed();
    const a = await s.ask(GW1, '两个都接');
    for (const no of listed) expect(a).toContain(`接单 ${no}`);
    expect(await s.ask(GW1, '好')).not.toMatch(/已接单/);
    for (const no of listed) expect(await statusOf(no)).toBe('assigned');
  });
});
