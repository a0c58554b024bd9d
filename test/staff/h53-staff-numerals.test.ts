/*
 * Amounts in Chinese numerals and the words around resolving, as staff type them in WeChat (helper h53):
 *  - a liaison's `结果 QX… 追回两万八` / `追回两万八千五百元` / `已追回两万八千五百元` read as the amount (was progress only:
 *    their REFERRAL_MONEY_FORM read figures alone); `追回2万八` is 28,000 as `2万8` is (h61: was asked; read as 20,000 before h53); `追回一万二三` (a range),
 *    `追回一万多` asked; `追回二百` on a 28,500元 claim asked back as `追回 28.5` is (h49); `追回一半` stays progress;
 *  - a grid worker's `追回两万八千五`, `追回2万8`, `追回两万八千五百元`, `追回三千` read as before (guards); `追回一万二三`
 *    said back as no one figure;
 *  - `追回全款`, `全部追回`, `追回了全部` (办结 and 结果): the claim as the amount is an inference, so it is offered with the
 *    figure (nothing recorded), and recorded only when the offered message is sent; a claim of no one figure is asked;
 *  - `一分没追回`, `没追回来`, `分文未追回`, `钱没追回` with 下一步: the reason was recorded as `一分`, `来`, `分文`, empty; now asked, and
 *    `没追回来 老板跑了` records 老板跑了 (was `来 老板跑了`); `没要回来 老板跑了` closes (was asked how much came back).
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, LIAISON, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';

const s = staffInWechat(A_WORKING_DAY);
const outcome = async (c: { id: string }) => (await s.get(c)).outcome ?? null;

/** A case referred to liaison-1 and accepted by them (GW1 and LIAISON bound). */
async function referred() {
  await s.bind(GW1, 'gw-001');
  await s.bind(LIAISON, 'liaison-1');
  const c = await s.acceptedByGw1();
  expect(await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`)).toMatch(/^已转给检察联络员/);
  expect(await s.ask(LIAISON, `受理 ${c.caseNo}`)).toMatch(/^已受理。/);
  return c;
}

describe('a liaison\'s 结果 in Chinese numerals', () => {
  it.each([
    ['追回两万八', 28000, '（部分，报告人反映欠28,500元）'],
    ['追回两万八千五', 28500, '（全额）'],
    ['追回两万八千五百元', 28500, '（全额）'],
    ['追回三千', 3000, '（部分，报告人反映欠28,500元）'],
    ['已追回两万八千五百元', 28500, '（全额）'],
    ['追回2万八', 28000, '（部分，报告人反映欠28,500元）'],
  ])('结果 QX… %s: recorded as %d, said back', async (words, amount, mark) => {
    const c = await referred();
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} ${words}`)).toContain(`记录的结果：追回${amount.toLocaleString('en-US')}元${mark}`);
    const now = await s.get(c);
    expect([now.status, now.referral?.status, now.outcome?.recovered]).toEqual(['resolved', 'done', amount]);
  });

  it('guard: 结果 QX… 追回2万8 is 28,000 as before', async () => {
    // guard: a mixed figure the liaison's form read before is read the same.
    const c = await referred();
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回2万8`)).toContain('记录的结果：追回28,000元（部分');
  });

  it.each([
    ['追回一万二三', '一万二三'],
    ['追回一万多', '一万多'],
  ])('结果 QX… %s: no one figure, asked; nothing recorded, no progress noted', async (words, said) => {
    const c = await referred();
    const notes = (await s.get(c)).notes.length;
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} ${words}`)).toBe(`「${said}」不是一个准确的金额，还没有记录。请写实际追回的数字，例如「结果 QX… 追回 28500」。`);
    const now = await s.get(c);
    expect([now.status, now.referral?.status, now.notes.length]).toEqual(['referred', 'accepted', notes]);
  });

  it('结果 QX… 追回二百 on a 28,500元 claim: asked back as 追回 28.5 is; … 确认 records it', async () => {
    const c = await referred();
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回二百`)).toBe(
      [
        '报告人反映欠28,500元，您写的是追回200元，比反映的少很多。还没有记录。',
        `确认只追回了200元，请发：结果 ${c.caseNo} 追回二百 确认`,
        `写错了的话，请改好重发，例如：结果 ${c.caseNo} 追回 28500`,
      ].join('\n'),
    );
    expect((await s.get(c)).status).toBe('referred');
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回二百 确认`)).toContain('记录的结果：追回200元');
  });

  it('guard: 追回一半, 追回三个月工资 stay progress (no 1元 or 3元 read); 追回两万八千五百元，剩余尚在执行 too', async () => {
    // guard: a numeral that is no amount, and money said with the rest still under way, are progress as before.
    const c = await referred();
    for (const words of ['追回一半', '追回三个月工资', '追回两万八千五百元，剩余尚在执行']) {
      expect(await s.ask(LIAISON, `结果 ${c.caseNo} ${words}`)).toMatch(/^已记下进展/);
    }
    const now = await s.get(c);
    expect([now.status, now.referral?.status, now.outcome ?? null]).toEqual(['referred', 'accepted', null]);
  });
});

describe('a grid worker\'s 办结 in Chinese numerals', () => {
  it.each([
    ['追回两万八千五', 28500],
    ['追回2万8', 28000],
    ['追回两万八千五百元', 28500],
    ['追回三千', 3000],
  ])('guard: 办结 QX… %s is recorded as %d', async (words, amount) => {
    // guard: the grid worker's 办结 read these before (core/infra/money.ts leadingAmount); they must not change.
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} ${words}`)).toMatch(/^已办结。/);
    expect((await outcome(c))?.recovered).toBe(amount);
  });

  it('办结 QX… 追回一万二三: said back as no one figure; nothing recorded', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回一万二三`)).toBe('「一万二三」不是一个准确的金额，还没有记录。请写实际追回的数字，例如「办结 QX… 追回 28500」。');
    expect((await s.get(c)).status).toBe('accepted');
  });
});

describe('all of it back, with no figure', () => {
  it.each(['追回全款', '全部追回', '追回了全部'])('办结 QX… %s: the claim offered as the amount, nothing recorded; the offered message closes it', async (words) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} ${words}`)).toBe(
      [
        '您是说报告人反映的28,500元全部追回了吗？还没有记录。',
        `是的话，请发：办结 ${c.caseNo} 追回 28500 全额`,
        `只追回了一部分的，请写上金额：办结 ${c.caseNo} 追回 金额`,
      ].join('\n'),
    );
    expect([(await s.get(c)).status, await outcome(c)]).toEqual(['accepted', null]);
    expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 28500 全额`)).toContain('记录的结果：追回28,500元（全额）');
  });

  it('办结 QX… 全部追回 on a group\'s report: the amount asked for, the claim shown', async () => {
    await s.bind(GW1, 'gw-001');
    const a = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${a.caseNo} 追回 28500`)).toMatch(/^已办结。/);
    const c = await s.routedCase({ headcount: 3, amount: 9000 });
    expect(c.assignee?.staffId).toBe('gw-001');
    expect(await s.ask(GW1, `接单 ${c.caseNo}`)).toMatch(/^已接单。/);
    const said = await s.ask(GW1, `办结 ${c.caseNo} 全部追回`);
    expect(said).toMatch(/^报告人反映欠.*全部追回的是多少钱？还没有记录。\n/);
    expect(said).toContain(`请写上金额：办结 ${c.caseNo} 追回 金额 全额`);
    expect([(await s.get(c)).status, await outcome(c)]).toEqual(['accepted', null]);
  });

  it('结果 QX… 全部追回 from a liaison: offered as 结果 QX… 追回 28500, nothing recorded (was progress told to the reporter)', async () => {
    const c = await referred();
    const notes = (await s.get(c)).notes.length;
    expect(await s.ask(LIAISON, `结果 ${c.caseNo} 全部追回`)).toBe(
      [
        '您是说报告人反映的28,500元全部追回了吗？还没有记录。',
        `是的话，请发：结果 ${c.caseNo} 追回 28500`,
        `只追回了一部分的，请写上金额：结果 ${c.caseNo} 追回 金额`,
      ].join('\n'),
    );
    const now = await s.get(c);
    expect([now.status, now.referral?.status, now.notes.length]).toEqual(['referred', 'accepted', notes]);
  });

  it('guard: 办结 全部追回 with another case waiting for 接单: both listed, nothing done', async () => {
    // guard: with no number and two cases, nothing is offered or done on a guessed case (h49).
    await s.bind(GW1, 'gw-001');
    const a = await s.acceptedByGw1();
    const b = await s.routedCase({ employer: '好再来饭店', amount: 6000 });
    expect(b.assignee?.staffId).toBe('gw-001');
    expect(await s.ask(GW1, '办结 全部追回')).toMatch(/^您手上有2件案件：.*这条还没有办理。/);
    expect([(await s.get(a)).status, (await s.get(b)).status]).toEqual(['accepted', 'assigned']);
  });
});

describe('nothing back, in staff\'s words', () => {
  it.each(['一分没追回 下一步 仲裁', '没追回来 下一步 仲裁', '分文未追回 下一步 仲裁', '钱没追回 下一步 仲裁', '钱没要回来 下一步 仲裁'])(
    '办结 QX… %s: the reason asked for (was recorded as 一分 / 来 / 分文 / an empty reason; 没要回来 was asked how much came back)',
    async (words) => {
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, `办结 ${c.caseNo} ${words}`)).toBe('请写上未追回的原因');
      expect([(await s.get(c)).status, await outcome(c)]).toEqual(['accepted', null]);
    },
  );

  it.each([
    ['没追回来 老板跑了 下一步 仲裁', '老板跑了'],
    ['一分钱都没追回来 老板跑了 下一步 仲裁', '老板跑了'],
    ['老板跑了 一分没追回 下一步 仲裁', '老板跑了'],
    ['没要回来 老板跑了 下一步 仲裁', '老板跑了'],
    ['老板没钱 一分都没追回 下一步 仲裁', '老板没钱'],
  ])('办结 QX… %s: closed with the reason %s', async (words, reason) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `办结 ${c.caseNo} ${words}`)).toContain(`记录的结果：未追回：${reason}；下一步：申请劳动仲裁`);
    expect((await outcome(c))?.reason).toBe(reason);
  });

  it('办结 QX… 一分没追回 / 没追回来 (no next step): the reason and the next step asked for', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    for (const words of ['一分没追回', '没追回来']) {
      expect(await s.ask(GW1, `办结 ${c.caseNo} ${words}`)).toBe('请写上未追回的原因和下一步，例如「办结 QX… 未追回 老板跑了 下一步 仲裁」');
    }
    expect((await s.get(c)).status).toBe('accepted');
  });
});
