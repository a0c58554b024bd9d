/*
 * A grid worker's ordinary words about a case in WeChat (helper h98): routed case → staff's words → what the desk
 * says, and that nothing changed unless a command was typed (or a note offered was confirmed with 好).
 *  - `金额是对的`, `金额没问题`, `核实过了 金额没错`: was 「没看懂」 (the last a plain note); now said the amount is not
 *    changed (with the amount as it stands), the words offered as a note; never a 更正;
 *  - `转给白沙镇`, `这个应该交给河西街道`: was 「没看懂」; now the 退回 form with the place as said, only shown;
 *  - `先挂着`, `先放一放吧`: was 「没看懂」; now said nothing was done, the limit still running, 延期 / 备注 shown;
 *  - `好的收到`, `好的 明白`: was 「没看懂」; now read as 收到;
 *  - `1`: was 「没看懂」; now read as 收到 (never a yes to a note offered);
 *  - `QX… 接了` on a case already taken: was a 接单 offered that failed on 好; now said it is taken.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { GW1, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';

const s = staffInWechat(A_WORKING_DAY);
const unchanged = async (c: Case) => {
  const now = await s.get(c);
  return { status: now.status, amount: now.wage?.amount, assignee: now.assignee?.staffId };
};

describe('the amount said to be right (claim 28,500元)', () => {
  it('金额是对的: not changed, said with the amount; the words offered as a note; 好 records only the note', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '金额是对的')).toBe(
      `好的，案件 ${c.caseNo} 的欠薪金额不改，还是28,500元。\n要记下已核实，请发：备注 ${c.caseNo} 金额是对的\n回复「好」就这样记下。`,
    );
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    const now = await s.get(c);
    expect(now.notes.map((n) => n.text)).toEqual(['金额是对的']);
    expect(now.wage?.amount).toBe(28500);
    expect(now.status).toBe('accepted');
  });

  it('金额没问题 / 金额对的 / 核实过了 金额没错 / 金额核对过了: the same, never a 更正', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const w of ['金额没问题', '金额对的', '核实过了 金额没错', '金额核对过了']) {
      const said = await s.ask(GW1, w);
      expect(said, w).toMatch(/^好的，案件 \S+ 的欠薪金额不改，还是28,500元。\n要记下已核实，请发：备注 /);
      expect(said, w).not.toMatch(/更正/);
    }
    expect((await s.get(c)).wage?.amount).toBe(28500);
  });

  it('two cases held: 金额是对的 names neither (no amount guessed, no note offered to run)', async () => {
    await s.bind(GW1, 'gw-001');
    const a = await s.acceptedByGw1();
    const b = await s.acceptedByGw1();
    expect(await s.ask(GW1, '金额是对的')).toBe('好的，欠薪金额不改。\n要记下已核实，请发：备注 QX… 金额是对的');
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下/);
    expect([(await s.get(a)).notes.length, (await s.get(b)).notes.length]).toEqual([0, 0]);
  });

  // guard: a wrong amount said is still the 更正 shown (h93), never an acknowledgement.
  it('guard: 金额不对 应该是两万: the 更正 shown, nothing changed', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '金额不对 应该是两万')).toBe(`要更正欠薪金额，请发：更正 ${c.caseNo} 金额 20000`);
    expect(await s.ask(GW1, '好')).not.toMatch(/已更正/);
    expect((await s.get(c)).wage?.amount).toBe(28500);
  });
});

describe('to another town, or left as it is', () => {
  it('转给白沙镇 / 这个应该交给河西街道: the 退回 form with the place, only shown; 好 runs nothing', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await unchanged(c);
    expect(await s.ask(GW1, '转给白沙镇')).toBe(
      `案件 ${c.caseNo} 还在您名下，期限照算。不归您这里办的，请发：退回 ${c.caseNo} 应归白沙镇\n退回后由系统改派；要转到白沙镇，请联系您的上级。`,
    );
    expect(await s.ask(GW1, '好')).not.toMatch(/已退回/);
    expect(await s.ask(GW1, '这个应该交给河西街道')).toMatch(new RegExp(`请发：退回 ${c.caseNo} 应归河西街道\n`));
    expect(await unchanged(c)).toEqual(before);
  });

  it('先挂着 / 先放一放吧: nothing done, said so; 延期 and 备注 shown; 好 runs nothing', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await unchanged(c);
    expect(await s.ask(GW1, '先挂着')).toBe(
      `好的，案件 ${c.caseNo} 照旧，这条没有办理，期限照算。\n需要更多时间的，请发：延期 ${c.caseNo} 天数 原因\n有了办理情况，请发：备注 ${c.caseNo} 情况`,
    );
    expect(await s.ask(GW1, '好')).not.toMatch(/已延期|已记下/);
    expect(await s.ask(GW1, '先放一放吧')).toMatch(/^好的，案件 \S+ 照旧，这条没有办理/);
    expect(await unchanged(c)).toEqual(before);
    expect((await s.get(c)).notes).toEqual([]);
  });
});

describe('acknowledgements', () => {
  it('好的收到 / 好的 明白 / 1: read as 收到; 1 confirms no note offered before it', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '好的收到')).toBe('好的。需要办理时请发指令，发「帮助」看全部指令。');
    expect(await s.ask(GW1, '好的 明白')).toBe('好的。需要办理时请发指令，发「帮助」看全部指令。');
    expect(await s.ask(GW1, '明天上门')).toMatch(/^要记下办理情况，请发：备注 \S+ 明天上门\n回复「好」就这样记下。$/);
    expect(await s.ask(GW1, '1')).toBe('好的，「1」当作收到，没有办理任何事。要看您的案件，请发：我的案件');
    expect(await s.ask(GW1, '11')).toBe('好的，「11」当作收到，没有办理任何事。要看您的案件，请发：我的案件');
    expect((await s.get(c)).notes).toEqual([]);
  });

  it('1 / 好的收到 with a case waiting for 接单: its 接单 offered, run only on 好', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.routedToGw1();
    expect(await s.ask(GW1, '1')).toBe(`案件 ${c.caseNo} 还等您接单，请发：接单 ${c.caseNo}\n回复「好」就接单。`);
    expect((await s.get(c)).status).toBe('assigned');
    expect(await s.ask(GW1, '好的收到')).toBe(`案件 ${c.caseNo} 还等您接单，请发：接单 ${c.caseNo}\n回复「好」就接单。`);
    expect((await s.get(c)).status).toBe('assigned');
  });

  it('QX… 接了 on a case already taken: said so (no 接单 offered that would fail)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `${c.caseNo} 接了`)).toBe(`案件 ${c.caseNo} 您已经接单了，正在办理，不用再接。\n有了办理情况，请发：备注 ${c.caseNo} 情况`);
    expect(await s.ask(GW1, '好')).not.toMatch(/不能接单/);
  });

  // guard: on a case still waiting, `QX… 接了` offers its 接单 (run on 好), as before.
  it('guard: QX… 接了 on a case waiting: its 接单 offered, taken on 好', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.routedToGw1();
    expect(await s.ask(GW1, `${c.caseNo} 接了`)).toBe(`要接单请发：接单 ${c.caseNo}\n回复「好」就接单。`);
    expect((await s.get(c)).status).toBe('assigned');
    expect(await s.ask(GW1, '好')).toMatch(/^已接单。/);
  });
});

describe('what was done, in their own words', () => {
  // guard: these were already offered as notes (run only on 好) or shown as a form; nothing changes on the words alone.
  it('guard: progress words are notes offered; 不归我们管 is the 退回 form; nothing changes on the words', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await unchanged(c);
    for (const w of ['已经联系上了', '打过电话了 没人接', '明天上门', '老板说月底给', '工人电话打不通']) {
      expect(await s.ask(GW1, w), w).toBe(`要记下办理情况，请发：备注 ${c.caseNo} ${w}\n回复「好」就这样记下。`);
    }
    const paid = await s.ask(GW1, '钱已经给了 工人确认收到');
    expect(paid).toContain(`工资已经全部付清、要办结的，请发：办结 ${c.caseNo} 追回 金额`);
    expect(await s.ask(GW1, '这个案子不归我们管')).toBe(`这件不归您办的话，请发：退回 ${c.caseNo} 原因`);
    expect(await s.ask(GW1, '好')).not.toMatch(/已退回|已办结/);
    expect(await unchanged(c)).toEqual(before);
    expect((await s.get(c)).notes).toEqual([]);
  });
});
