/*
 * Staff in WeChat, probe 9: a case named by the last four digits of its
 * number (`备注 0001 …`, `办结 尾号0002 追回5000`, `受理 0001`) is the one
 * case of the person's own with that number, said back; none or several:
 * nothing is done and the full number is asked for (the digits are never
 * kept in the text of another case). Everyday phrases a grid worker types
 * get the command meant: `我手上有几个案子`, `这个案子要多几天`,
 * `老板全给了`, and the mistyped `办节`, `借单`.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, GW2, LIAISON, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const T0 = workingDayAt('10:00');
const { app, ask, get, bind, routedToGw1, acceptedByGw1 } = staffInWechat(T0);

describe('a case named by its last four digits (1)', () => {
  it('another person’s serial: nothing done on the one case held; the own serial: that case, the digits not in the note', async () => {
    await bind(GW1, 'gw-001');
    await bind(GW2, 'gw-002');
    // QX…-0001 goes to gw-002, then QX…-0002 to gw-001.
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 99, 'gw-002': 0 });
    const other = await app.routedCase();
    expect(other.assignee!.staffId).toBe('gw-002');
    expect(other.caseNo).toMatch(/-0001$/);
    const mine = await acceptedByGw1();
    expect(mine.caseNo).toMatch(/-0002$/);

    const none = await ask(GW1, '备注 0001 老板答应月底给');
    expect(none).toContain('您负责的案件里没有尾号 0001 的，这条还没有办理。');
    // The example keeps the serial typed: the worker's own case is listed, never offered for these words.
    expect(none).not.toContain(`备注 ${mine.caseNo}`);
    expect(await ask(GW1, '办结 0001 追回5000')).toContain('没有尾号 0001');
    expect((await get(mine)).notes).toEqual([]);
    expect((await get(mine)).status).toBe('accepted');
    expect((await get(other)).notes).toEqual([]);

    expect(await ask(GW1, '备注 0002 老板答应月底给')).toBe(`按尾号 0002 的案件 ${mine.caseNo} 办理：\n已记下备注（共1条）。案件 ${mine.caseNo} 现在是「办理中」。`);
    expect((await get(mine)).notes.map((n) => n.text)).toEqual(['老板答应月底给']);

    expect(await ask(GW1, '办结 尾号0002 追回 5000')).toMatch(new RegExp(`^按尾号 0002 的案件 ${mine.caseNo} 办理：\\n已办结。`));
    expect((await get(mine)).outcome).toMatchObject({ recovered: 5000, full: false });
  });

  it('two cases held: the serial picks one, the other is untouched', async () => {
    await bind(GW1, 'gw-001');
    const first = await acceptedByGw1();
    const second = await acceptedByGw1();
    expect(await ask(GW1, `办结 ${second.caseNo.slice(-4)} 追回5000`)).toMatch(new RegExp(`^按尾号 \\d{4} 的案件 ${second.caseNo} 办理：\\n已办结。`));
    expect((await get(second)).outcome).toMatchObject({ recovered: 5000 });
    expect((await get(first)).status).toBe('accepted');
  });

  it('an area code before more digits is no serial: the note goes on the one case held, as typed', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    expect(await ask(GW1, '备注 0512 6688123 是老板的座机')).toMatch(new RegExp(`^您手上只有一件案件，按 ${c.caseNo} 办理：\n已记下备注`));
    expect(await ask(GW1, `延期 0001 5 等住建核实`)).toMatch(new RegExp(`^按尾号 0001 的案件 ${c.caseNo} 办理：\n已延期5个工作日`));
    expect((await get(c)).notes.map((n) => n.text)).toEqual(['0512 6688123 是老板的座机']);
  });

  it('a liaison: 受理 with the serial of a case referred to them', async () => {
    await bind(GW1, 'gw-001');
    await bind(LIAISON, 'liaison-1');
    const c = await acceptedByGw1();
    expect(await ask(GW1, `转检察 ${c.caseNo} 老板拒不支付`)).toMatch(/^已转给检察联络员/);
    expect(await ask(LIAISON, `受理 ${c.caseNo.slice(-4)}`)).toMatch(new RegExp(`^按尾号 \\d{4} 的案件 ${c.caseNo} 办理：\\n已受理。`));
    expect((await get(c)).referral).toMatchObject({ status: 'accepted' });
  });
});

describe('everyday phrases and mistyped names (2)', () => {
  it('an accepted case: 我手上有几个案子, 这个案子要多几天, 老板全给了, 办节 get the command meant; nothing is recorded', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const no = c.caseNo;
    expect(await ask(GW1, '我手上有几个案子')).toBe('查看您负责的案件，请发：我的案件');
    expect(await ask(GW1, '这个案子要多几天')).toBe(`是要延期吗？请发：延期 ${no} 天数 原因`);
    expect(await ask(GW1, '能不能宽限几天？')).toBe(`是要延期吗？请发：延期 ${no} 天数 原因`);
    // What the boss said is progress, not an extension asked for.
    expect(await ask(GW1, '老板说要多几天')).not.toContain('延期');
    // (h114: all of it said, the one-figure claim asked back with its 全额 close.)
    expect(await ask(GW1, '老板全给了')).toMatch(new RegExp(`^您是说报告人反映的28,500元全部追回了吗？还没有记录。\n是的话，请发：办结 ${no} 追回 28500 全额\n`));
    expect(await ask(GW1, `办节 ${no} 追回5000`)).toBe(`是要办结吗？请发：办结 ${no} 追回5000`);
    const x = await get(c);
    expect(x.status).toBe('accepted');
    expect(x.extensions).toEqual([]);
    expect(x.notes).toEqual([]);
  });

  it('a case waiting: 借单 is 接单, asked back, not run', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedToGw1();
    expect(await ask(GW1, '借单')).toBe(`是要接单吗？请发：接单 ${c.caseNo}`);
    expect(await ask(GW1, '借单了')).toBe(`是要接单吗？请发：接单 ${c.caseNo}`);
    // An IOU (借单) is no 接单.
    expect(await ask(GW1, '借单找到了')).not.toMatch(/是要接单/);
    expect((await get(c)).status).toBe('assigned');
  });
});
