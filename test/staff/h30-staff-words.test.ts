/*
 * What grid workers, supervisors and liaisons really type in WeChat about a case (helper h30):
 *  - a case number after the words (`老板给了2000 剩下的下周给 QX…`) or before them (`QX… 钱交给工人了`) is which
 *    case, never part of the note; the last four digits alone (`0001 已联系老板`) name the one case of theirs;
 *  - a number meant but not valid (`QX2026120-0001`, `QX20261207 0001`), two cases in one message, or another case
 *    only mentioned (`这个和QX…是同一个老板`): nothing offered, nothing recorded on a `好`;
 *  - the money said to have reached the worker (`钱交给工人了`, `工人说钱已经收到了`): the note offered, the close
 *    only shown (never run);
 *  - everyday words (`工人自己撤了`, `这个是重复的`, `老板说没钱`, `双方已经谈好了`, `正在处理`): the command for each;
 *  - a supervisor's `都同意` with two closes waiting: each 同意 spelled out, none approved; a liaison's `收到 我们看一下`
 *    (as `收到 我看一下` is), `受理` with no number, and `已经起诉了`: the answers for the referral, nothing changed.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, LIAISON, SUP, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY } from './support.js';

const s = staffInWechat(A_WORKING_DAY);
const notes = async (c: { id: string }) => (await s.get(c)).notes.map((n: { text: string }) => n.text);

describe('which case a message is about', () => {
  it('the number after the words is the case, and not in the note', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const said = await s.ask(GW1, `老板给了2000 剩下的下周给 ${c.caseNo}`);
    expect(said).toMatch(new RegExp(`^还在追剩下的，先记下：备注 ${c.caseNo} 老板给了2000 剩下的下周给\n回复「好」就这样记下。`));
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注（共1条）/);
    expect(await notes(c)).toEqual(['老板给了2000 剩下的下周给']);
  });

  it('the number first, then the money handed over: the note without the number', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `${c.caseNo} 钱交给工人了`)).toBe(
      `要记下办理情况，请发：备注 ${c.caseNo} 钱交给工人了\n回复「好」就这样记下。\n工资已经全部付清、要办结的，请发：办结 ${c.caseNo} 追回 金额`,
    );
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect(await notes(c)).toEqual(['钱交给工人了']);
  });

  it('the last four digits first: the one case of theirs ending so, the digits not in the note', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const serial = c.caseNo.slice(-4);
    expect(await s.ask(GW1, `${serial}号 老板答应月底给`)).toBe(`要记下办理情况，请发：备注 ${c.caseNo} 老板答应月底给\n回复「好」就这样记下。`);
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    expect(await notes(c)).toEqual(['老板答应月底给']);
  });

  it.each([
    ['a digit missing', (no: string) => no.replace(/^(QX\d{7})\d/, '$1')],
    ['a space for the dash', (no: string) => no.replace('-', ' ')],
  ])('a number not valid (%s): asked again, nothing recorded on 好', async (_, typo) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const said = await s.ask(GW1, `${typo(c.caseNo)} 已联系老板`);
    expect(said).toMatch(/^编号格式不对：/);
    expect(said).toContain(`您负责的案件：${c.caseNo}`);
    expect(said).not.toMatch(/回复「好」/);
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下/);
    expect(await notes(c)).toEqual([]);
  });

  it('two cases in one message: each note shown, nothing offered or recorded', async () => {
    await s.bind(GW1, 'gw-001');
    const a = await s.acceptedByGw1();
    const b = await s.acceptedByGw1();
    const said = await s.ask(GW1, `${a.caseNo} 老板答应月底给，${b.caseNo} 已联系老板`);
    expect(said).toBe(`这条消息里有 ${a.caseNo}、${b.caseNo}，还没有记下。一次只能办一件，请每件分开发：\n备注 ${a.caseNo} 老板答应月底给\n备注 ${b.caseNo} 已联系老板`);
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下/);
    expect(await s.ask(GW1, `${a.caseNo} ${b.caseNo} 老板答应月底给`)).toMatch(/^这条消息里有 .*还没有记下/);
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下/);
    expect(await notes(a)).toEqual([]);
    expect(await notes(b)).toEqual([]);
  });

  it('another case only mentioned (这个和QX…是同一个老板): which one is asked, nothing offered', async () => {
    await s.bind(GW1, 'gw-001');
    const a = await s.acceptedByGw1();
    const other = a.caseNo.replace(/\d{4}$/, '0099');
    const said = await s.ask(GW1, `这个和${other}是同一个老板`);
    expect(said).toMatch(new RegExp(`^这条消息提到了 ${other}，还没有记下。`));
    expect(said).toContain(`备注 ${a.caseNo} 这个和${other}是同一个老板`);
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下/);
    expect(await notes(a)).toEqual([]);
  });
});

describe('the money said to have reached the worker', () => {
  it.each(['钱交给工人了', '老板把钱转给工人了', '工人说钱已经收到了', '工资发了', '老板已经把工资结清了'])(
    '%s: the note offered, the close only shown; 好 records the note and closes nothing',
    async (words) => {
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, words)).toBe(
        `要记下办理情况，请发：备注 ${c.caseNo} ${words}\n回复「好」就这样记下。\n工资已经全部付清、要办结的，请发：办结 ${c.caseNo} 追回 金额`,
      );
      expect(await s.ask(GW1, '好')).toMatch(/^已记下备注（共1条）/);
      const now = await s.get(c);
      expect(now.status).toBe('accepted');
      expect(now.outcome).toBeNull();
      expect(now.notes.map((n: { text: string }) => n.text)).toEqual([words]);
    },
  );

  it('guards: 钱还没交给工人, 老板给了他电话, 钱交给工人了吗, 钱交给工人了没 show no close', async () => {
    await s.bind(GW1, 'gw-001');
    await s.acceptedByGw1();
    for (const words of ['钱还没交给工人', '老板给了他电话', '钱交给工人了吗', '钱交给工人了没']) expect(await s.ask(GW1, words)).not.toMatch(/办结/);
  });
});

describe('everyday words about a case', () => {
  it('each gets its command; nothing changed', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const n = c.caseNo;
    expect(await s.ask(GW1, '工人自己撤了')).toBe(`本人不想追了的，请发：办结 ${n} 撤回 原因`);
    expect(await s.ask(GW1, '这个是重复的')).toBe(`和别的案件重复的话，请先记下：备注 ${n} 与 另一件的编号 重复\n怎么处理请问问您的上级。`);
    expect(await s.ask(GW1, '双方已经谈好了')).toMatch(new RegExp(`^私下和解的，请发：办结 ${n} 和解 金额`));
    expect(await s.ask(GW1, '正在处理')).toBe(`好的。有了办理情况，请发：备注 ${n} 情况`);
    for (const words of ['老板说没钱', '老板不承认欠钱', '已经报劳动监察了', '等老板回复', '今天去不了 明天去']) {
      expect(await s.ask(GW1, words)).toBe(`要记下办理情况，请发：备注 ${n} ${words}\n回复「好」就这样记下。`);
    }
    const now = await s.get(c);
    expect(now.status).toBe('accepted');
    expect(now.notes).toEqual([]);
  });
});

describe('a supervisor with two closes waiting, a liaison with a referral', () => {
  it('都同意 and 同意 结了吧: each close spelled out, none approved', async () => {
    const cs = await s.closesAwaitingSup(2);
    const [a, b] = [cs[0]!.caseNo, cs[1]!.caseNo].sort();
    expect(await s.ask(SUP, '都同意')).toBe(`有2件办结等您审批，请逐件发：\n同意 ${a}\n同意 ${b}\n不同意的请发：退回 ${a} 原因`);
    for (const words of ['同意 结了吧', '同意，辛苦了']) expect(await s.ask(SUP, words)).toBe(`您有2件等您审批的办结：${a}、${b}。请写上编号，例如「同意 ${a}」。`);
    expect(await s.ask(SUP, '好')).not.toMatch(/已同意|已办结/);
    for (const c of cs) expect((await s.get(c)).status).toBe('closing');
  });

  it('收到 我们看一下, 受理 with no number, 已经起诉了: the referral\'s answers and the 结果 form; nothing changed', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(LIAISON, 'liaison-1');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, `转检察 ${c.caseNo} 老板拒不支付`)).toMatch(/^已转给检察联络员/);
    const n = c.caseNo;
    expect(await s.ask(LIAISON, '收到 我们看一下')).toBe(`好的。有了办理情况，请发：备注 ${n} 情况`);
    expect(await s.ask(LIAISON, '受理')).toBe(`您有一件等您答复的转来案件：${n}。受理请回复「受理 ${n}」，不予支持请回复「不予支持 ${n} 理由」。`);
    expect(await s.ask(LIAISON, '这个我们受理了')).toBe(`受理请发：受理 ${n}`);
    expect(await s.ask(LIAISON, '已经起诉了')).toBe(`还没受理的，请先发：受理 ${n}\n再记下结果：结果 ${n} 已经起诉了`);
    expect(await s.ask(LIAISON, `${n} 已经起诉了`)).toBe(`还没受理的，请先发：受理 ${n}\n再记下结果：结果 ${n} 已经起诉了`);
    expect(await s.ask(LIAISON, '好')).not.toMatch(/已受理|已记/);
    expect((await s.get(c)).referral?.status).toBe('pending');
  });
});
