/*
 * Staff in WeChat, probe 10: a recovered amount in digits and Chinese units
 * (`追回 2万8千5`) is read and said back; `回复 工人 …` does not send the
 * word 工人 to the worker; `备注 宏达 …` names the case by its employer
 * (the one case said back, several asked about, another person's never
 * taken); `进度 QX…` shows a case as 详情 does, to who may see it;
 * `追回3000 剩下的老板跑了` records nothing and gives the messages that do.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, GW2, LIAISON, SUP, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const T0 = workingDayAt('10:00');
const { app, ask, get, bind, acceptedByGw1 } = staffInWechat(T0);

describe('a recovered amount in digits and Chinese units (1)', () => {
  it('办结 QX… 追回 2万8千5 records 28,500元 and says it back', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    expect(await ask(GW1, `办结 ${c.caseNo} 追回 2万8千5`)).toMatch(/^已办结。[\s\S]*记录的结果：追回28,500元（全额）$/);
    expect((await get(c)).outcome).toMatchObject({ recovered: 28500, full: true });
  });

  it('追回1万2千 还欠16500: 12,000元, not full', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    expect(await ask(GW1, `办结 ${c.caseNo} 追回1万2千 还欠16500`)).toMatch(/记录的结果：追回12,000元（部分，报告人反映欠28,500元）$/);
    expect((await get(c)).outcome).toMatchObject({ recovered: 12000, full: false });
  });

  it('a liaison’s 结果 QX… 追回 2万8千5: 28,500元 (never 20,000), said back', async () => {
    await bind(GW1, 'gw-001');
    await bind(LIAISON, 'liaison-1');
    const c = await acceptedByGw1();
    expect(await ask(GW1, `转检察 ${c.caseNo} 老板拒不支付`)).toMatch(/^已转给检察联络员/);
    expect(await ask(LIAISON, `受理 ${c.caseNo}`)).toMatch(/^已受理。/);
    expect(await ask(LIAISON, `结果 ${c.caseNo} 追回 2万8千5`)).toMatch(/^已记录结果，已告诉工会和报告人。[\s\S]*记录的结果：追回28,500元（全额）$/);
    expect((await get(c)).outcome).toMatchObject({ recovered: 28500 });
  });
});

describe('回复 工人 … (2)', () => {
  it('the word for the worker is not sent; a word glued to the message is', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    expect(await ask(GW1, '回复 工人 老板答应月底前付清')).toBe(`您手上只有一件案件，按 ${c.caseNo} 办理：\n已发给报告人（第1条）。案件 ${c.caseNo} 现在是「办理中」。`);
    expect(await ask(GW1, `回复 ${c.caseNo} 报告人：您好，明天上午去工地`)).toMatch(/^已发给报告人（第2条）/);
    expect(await ask(GW1, `回复 ${c.caseNo} 工人工资下周发`)).toMatch(/^已发给报告人（第3条）/);
    expect(await ask(GW1, `回复 ${c.caseNo} 工人`)).toBe('请写上回复内容');
    expect((await get(c)).replies.map((r) => r.text)).toEqual(['老板答应月底前付清', '您好，明天上午去工地', '工人工资下周发']);
  });
});

describe('备注 宏达 …: a case named by its employer (3)', () => {
  it('the one case with that employer: said back, the name not in the note', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    expect(await ask(GW1, '备注 宏达 老板答应月底给')).toBe(`按用人单位「宏达」的案件 ${c.caseNo} 办理：\n已记下备注（共1条）。案件 ${c.caseNo} 现在是「办理中」。`);
    expect(await ask(GW1, '备注 宏达公司：已电话联系老板')).toMatch(new RegExp(`^按用人单位「宏达公司」的案件 ${c.caseNo} 办理：\n已记下备注（共2条）`));
    // A word in no employer's name is the note's own: kept as typed.
    expect(await ask(GW1, '备注 工程款 还没结算')).toMatch(new RegExp(`^您手上只有一件案件，按 ${c.caseNo} 办理：`));
    expect((await get(c)).notes.map((n) => n.text)).toEqual(['老板答应月底给', '已电话联系老板', '工程款 还没结算']);
  });

  it('two cases with that employer: asked which, nothing noted; the other employer picks its case', async () => {
    await bind(GW1, 'gw-001');
    const first = await acceptedByGw1();
    const second = await acceptedByGw1();
    const answer = await ask(GW1, '备注 宏达 老板答应月底给');
    expect(answer).toContain('这条还没有办理');
    expect(answer).toContain(`备注 ${first.caseNo} 老板答应月底给`);
    expect((await get(first)).notes).toEqual([]);
    expect((await get(second)).notes).toEqual([]);
  });

  it('the employer of another person’s case: nothing is put on the one case held', async () => {
    await bind(GW1, 'gw-001');
    await bind(GW2, 'gw-002');
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 99, 'gw-002': 0 });
    const other = await app.routedCase();
    expect(other.assignee!.staffId).toBe('gw-002');
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-001': 0, 'gw-002': 99 });
    const mine = await app.routedCase({ employer: '青溪鑫源餐饮管理有限公司' });
    expect(mine.assignee!.staffId).toBe('gw-001');
    const answer = await ask(GW1, '备注 宏达 老板答应月底给');
    expect(answer).toContain('您负责的案件里没有用人单位有「宏达」的，这条还没有办理。');
    expect(answer).not.toContain(other.caseNo);
    expect((await get(mine)).notes).toEqual([]);
    expect((await get(other)).notes).toEqual([]);
    expect(await ask(GW1, '备注 鑫源 老板不接电话')).toMatch(new RegExp(`^按用人单位「鑫源」的案件 ${mine.caseNo} 办理：\n已记下备注`));
    expect((await get(mine)).notes.map((n) => n.text)).toEqual(['老板不接电话']);
  });
});

describe('进度 QX… (4)', () => {
  it('the case’s details for the assignee and the supervisor, by full or short number; refused to another worker', async () => {
    await bind(GW1, 'gw-001');
    await bind(GW2, 'gw-002');
    await bind(SUP, 'sup-t01');
    const c = await acceptedByGw1();
    expect(await ask(GW1, `进度 ${c.caseNo}`)).toMatch(new RegExp(`^案件编号：${c.caseNo}[\\s\\S]*状态：办理中`));
    expect(await ask(GW1, `进度 ${c.caseNo.slice(-4)}`)).toMatch(new RegExp(`^按尾号 \\d{4} 的案件 ${c.caseNo} 办理：\\n案件编号：${c.caseNo}`));
    expect(await ask(GW1, `进度 ${c.caseNo.replace('-', '')}`)).toMatch(new RegExp(`^案件编号：${c.caseNo}`));
    const sup = await ask(SUP, `进度 ${c.caseNo}`);
    expect(sup).toMatch(/状态：办理中/);
    expect(sup).not.toContain('13800138000');
    expect(await ask(GW2, `进度 ${c.caseNo}`)).toBe(`案件 ${c.caseNo} 不是您负责的，不能查看或办理。`);
  });
});

describe('追回3000 剩下的老板跑了 (5)', () => {
  it('nothing recorded; the close and the note to send, the amount as read', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    expect(await ask(GW1, `办结 ${c.caseNo} 追回3000 剩下的老板跑了`)).toBe(
      `追回3,000元，剩下的还没追回。还没有记录。\n请发：办结 ${c.caseNo} 追回 3000 还欠 25500\n情况可以记在备注里：备注 ${c.caseNo} 剩下的老板跑了`,
    );
    expect(await ask(GW1, '追回3000 剩下的老板跑了')).toBe(`要办结请发：办结 ${c.caseNo} 追回 3000 还欠 金额\n情况可以记在备注里：备注 ${c.caseNo} 剩下的老板跑了`);
    const now = await get(c);
    expect(now.status).toBe('accepted');
    expect(now.outcome).toBeNull();
    expect(now.notes).toEqual([]);
    expect(await ask(GW1, `办结 ${c.caseNo} 追回 3000 还欠 25500`)).toMatch(/记录的结果：追回3,000元（部分，报告人反映欠28,500元）$/);
  });
});
