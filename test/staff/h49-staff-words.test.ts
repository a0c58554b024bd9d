/*
 * What staff type in WeChat about a case, in their own words (helper h49):
 *  - amounts: full-width figures (`追回 ２８５００元`), `2.85w`, `28500元整` read as typed; `28.500` (28,500 or 28.5元?)
 *    asked, never recorded; `追回 28.5` on a 28,500元 claim (a unit left out?) asked back, recorded on `… 确认`;
 *  - a case number typed `qx 20261207 - 0001`, `QX-20261207-0001` or `202612070001` read as that case;
 *  - `办结 追回6000` / `延期 3 …` with one case taken and another still waiting for 接单: nothing done on a guessed case;
 *  - `结了 追回28500`: the close hinted with the amount (was 没看懂); `驳回 不属于欠薪` from a grid worker: what 驳回 is
 *    for and the ways on (was a bare 「您的岗位不能使用这条指令」); `不属于欠薪`: a note offered, the supervisor named;
 *  - a liaison: `结果 QX… 追回 ２８５００元` read (was progress only); `结果 QX… 追回 28.5` asked back; `不予支持 不属于欠薪` and
 *    `结果 追回28500` with no number, `驳回 …`, `办结 QX… …`, `这个不归我们管`: their own command spelled out, nothing run;
 *  - guards: `两万八` is 28,000, `2.85万` 28,500; `钱要回来一半 大概一万四` never recorded as an amount.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { leadingAmount } from '../../core/infra/money.js';
import { GW1, LIAISON, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';

const s = staffInWechat(A_WORKING_DAY);
const outcome = async (c: { id: string }) => (await s.get(c)).outcome ?? null;

describe('amounts as staff type them', () => {
  it.each([
    ['追回 ２８５００元', 28500],
    ['追回 ２．８５万', 28500],
    ['追回 2.85w', 28500],
    ['追回 28500元整', 28500],
    ['追回 28500块钱整', 28500],
  ])('办结 QX… %s: recorded as %d', async (words, amount) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} ${words}`)).toMatch(/^已办结。/);
    expect((await outcome(c))?.recovered).toBe(amount);
  });

  it('追回 28.500: which amount is asked, nothing recorded', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 28.500`)).toBe('「28.500」是28,500元还是28.5元？请不加小数点重写，例如「追回 28500」。');
    expect((await s.get(c)).status).toBe('accepted');
    expect(leadingAmount('28.500元')).toBeNull();
    // guard: a decimal with a unit, or of one or two places, is read as before.
    expect(leadingAmount('2.850万')?.n).toBe(28500);
    expect(leadingAmount('28.50元')?.n).toBe(28.5);
  });

  it('追回 28.5 on a 28,500元 claim: asked back; … 确认 records it as typed', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 28.5`)).toBe(
      [
        '报告人反映欠28,500元，您写的是追回28.5元，比反映的少很多。还没有记录。',
        `确认只追回了28.5元，请发：办结 ${c.caseNo} 追回 28.5 确认`,
        `写错了的话，请改好重发，例如：办结 ${c.caseNo} 追回 28500`,
      ].join('\n'),
    );
    expect((await s.get(c)).status).toBe('accepted');
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 28.5 确认`)).toMatch(/^已办结。/);
    expect((await outcome(c))?.recovered).toBe(28.5);
  });

  it('guard: 追回两万八 is 28,000 (part), 追回2.85万 28,500 (full)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回两万八`)).toContain('记录的结果：追回28,000元（部分，报告人反映欠28,500元）');
    const d = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${d.caseNo} 追回2.85万`)).toContain('记录的结果：追回28,500元（全额）');
  });

  it('guard: 钱要回来一半 大概一万四 is never recorded as an amount', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} 钱要回来一半 大概一万四`)).toMatch(/^追回了多少钱？请写上金额/);
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 大概一万四`)).toMatch(/^请写上追回金额/);
    const said = await s.ask(GW1, '办结了 钱要回来一半 大概一万四');
    expect(said).toContain(`不再追的话，请发：办结 ${c.caseNo} 追回 金额 还欠 金额`);
    await s.ask(GW1, '好');
    const now = await s.get(c);
    expect(now.status).toBe('accepted');
    expect(now.outcome ?? null).toBeNull();
  });
});

describe('a case number typed with spaces', () => {
  it.each([
    (day: string, serial: string) => `qx ${day} - ${serial}`,
    (day: string, serial: string) => `QX-${day}-${serial}`,
    (day: string, serial: string) => `${day}${serial}`,
  ])('办结 <number> 追回 28500, the number as qx 20261207 - 0001, QX-20261207-0001, 202612070001 (%#): that case', async (typed) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const [, day, serial] = /^QX(\d{8})-(\d{4})$/.exec(c.caseNo)!;
    expect(await s.ask(GW1, `办结 ${typed(day!, serial!)} 追回 28500`)).toMatch(new RegExp(`^已办结。案件 ${c.caseNo} `));
    expect((await outcome(c))?.recovered).toBe(28500);
  });

  it('guard: QX20261207 0001 (a space for the dash) is asked about, nothing done', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const [, day, serial] = /^QX(\d{8})-(\d{4})$/.exec(c.caseNo)!;
    expect(await s.ask(GW1, `办结 QX${day} ${serial} 追回 28500`)).toMatch(/^编号格式不对/);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('guard: 备注 QX… - 5号再去 is a note on that case (the dash after a whole number is no serial)', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `备注 ${c.caseNo} - 5号再去`)).toMatch(/^已记下备注/);
    expect((await s.get(c)).notes.map((n: { text: string }) => n.text)).toEqual(['5号再去']);
  });
});

describe('no number, one case taken and one still waiting for 接单', () => {
  it.each([
    ['办结 追回6000', '办结'],
    ['延期 3 等老板回话', '延期'],
  ])('%s: both listed, nothing done on either', async (words, name) => {
    await s.bind(GW1, 'gw-001');
    const a = await s.acceptedByGw1();
    const b = await s.routedCase({ employer: '好再来饭店', amount: 6000 });
    expect(b.assignee?.staffId).toBe('gw-001');
    expect(await s.ask(GW1, words)).toBe(
      `您手上有2件案件：${a.caseNo}（办理中）、${b.caseNo}（待接单），这条还没有办理。请写上编号，例如「${name} ${a.caseNo} ${words.slice(name.length + 1)}」。`,
    );
    const [na, nb] = [await s.get(a), await s.get(b)];
    expect([na.status, nb.status]).toEqual(['accepted', 'assigned']);
    expect(na.extensions).toEqual([]);
  });

  it('guard: with only the one case, 办结 追回6000 is done on it and said so', async () => {
    await s.bind(GW1, 'gw-001');
    const a = await s.acceptedByGw1();
    expect(await s.ask(GW1, '办结 追回6000')).toMatch(new RegExp(`^您手上只有一件案件，按 ${a.caseNo} 办理：\n已办结。`));
  });
});

describe('words that were not understood', () => {
  it('结了 追回28500: the close hinted with the amount, nothing recorded', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '结了 追回28500')).toBe(`要办结请发：办结 ${c.caseNo} 追回 28500\n没追回的请发：办结 ${c.caseNo} 未追回 原因 下一步 仲裁`);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('驳回 不属于欠薪 from a grid worker: what 驳回 is for, the ways on; nothing changed', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '驳回 不属于欠薪')).toBe(
      [
        '「驳回」是审核入会申请用的，案件不能驳回。',
        `这件不归您办、要交给别人的，请发：退回 ${c.caseNo} 不属于欠薪`,
        `情况拿不准的，请先记下：备注 ${c.caseNo} 不属于欠薪`,
        '怎么处理请问问您的上级。',
      ].join('\n'),
    );
    await s.ask(GW1, '好');
    const now = await s.get(c);
    expect(now.status).toBe('accepted');
    expect(now.notes).toEqual([]);
  });

  it('这个不是欠薪: a note offered (written on 好), the supervisor named; the case stays', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '这个不是欠薪')).toBe(
      `要记下这个情况，请发：备注 ${c.caseNo} 这个不是欠薪\n回复「好」就这样记下。\n怎么处理请问问您的上级；这件不归您办的，请发：退回 ${c.caseNo} 原因`,
    );
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    const now = await s.get(c);
    expect(now.status).toBe('accepted');
    expect(now.notes.map((n: { text: string }) => n.text)).toEqual(['这个不是欠薪']);
  });
});

describe('a procuratorate liaison', () => {
  /** A case referred to liaison-1 (LIAISON bound), accepted by them when `accept`. */
  async function referred(accept: boolean) {
    await s.bind(GW1, 'gw-001');
    await s.bind(LIAISON, 'liaison-1');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`)).toMatch(/^已转给检察联络员/);
    if (accept) expect(await s.ask(LIAISON, `受理 ${c.caseNo}`)).toMatch(/^已受理。/);
    return c;
  }

  it('结果 QX… 追回 ２８５００元: recorded as 28,500', async () => {
    const c = await referred(true);
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回 ２８５００元`)).toContain('记录的结果：追回28,500元（全额）');
    expect((await outcome(c))?.recovered).toBe(28500);
  });

  it('结果 QX… 追回 28.5 on a 28,500元 claim: asked back; … 确认 records it', async () => {
    const c = await referred(true);
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回 28.5`)).toBe(
      [
        '报告人反映欠28,500元，您写的是追回28.5元，比反映的少很多。还没有记录。',
        `确认只追回了28.5元，请发：结果 ${c.caseNo} 追回 28.5 确认`,
        `写错了的话，请改好重发，例如：结果 ${c.caseNo} 追回 28500`,
      ].join('\n'),
    );
    expect((await s.get(c)).status).toBe('referred');
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回 28.5 确认`)).toContain('记录的结果：追回28.5元');
  });

  it('不予支持 不属于欠薪, 驳回 不属于欠薪, 这个不归我们管: 不予支持 with the number spelled out, nothing run', async () => {
    const c = await referred(false);
    expect(await s.ask(LIAISON, '不予支持 不属于欠薪')).toBe(`您有一件等您答复的转来案件：${c.caseNo}，这条还没有办理。请发：不予支持 ${c.caseNo} 不属于欠薪`);
    expect(await s.ask(LIAISON, '驳回 不属于欠薪')).toBe(`「驳回」是审核入会申请用的。不支持起诉的，请发：不予支持 ${c.caseNo} 不属于欠薪`);
    expect(await s.ask(LIAISON, '这个不归我们管')).toBe(`不予支持请发：不予支持 ${c.caseNo} 理由`);
    const now = await s.get(c);
    expect([now.status, now.referral?.status]).toEqual(['referred', 'pending']);
  });

  it('结果 追回28500 and 办结 QX… 追回28500: 结果 with the number spelled out, nothing recorded', async () => {
    const c = await referred(true);
    expect(await s.ask(LIAISON, '结果 追回28500')).toBe(`您有一件已受理、等结果的案件：${c.caseNo}，这条还没有办理。请发：结果 ${c.caseNo} 追回28500`);
    expect(await s.ask(LIAISON, `办结 ${c.caseNo} 追回28500`)).toBe(`「办结」是工会办理人用的。检察这边有了结果，请发：结果 ${c.caseNo} 追回28500`);
    const now = await s.get(c);
    expect([now.status, now.referral?.status]).toEqual(['referred', 'accepted']);
  });
});
