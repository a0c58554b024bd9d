/*
 * Staff in WeChat, in their own words (probe 4): case numbers as Chinese keyboards type them,
 * punctuation after the number, two numbers in one message, everyday phrases that are no
 * command, the help each role sees, and the one obvious case for 接单了 / 同意办结.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers; the clock is fixed
 * at Tue 2026-12-01 10:00 Beijing, so case numbers are QX20261201-000N.
 */
import { describe, expect, it } from 'vitest';
import { GW1, LIAISON, SUP, staffInWechat } from './in-wechat.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { app, ask, bind, routedCase } = staffInWechat(NOW);

const quoting = (quoted: string, typed: string) => `「工友助手：${quoted}」\n- - - - - - - - - - - - - - -\n${typed}`;
const caseOf = async (id: string) => (await app.t.core.cases.get(id))!;

describe('case numbers as typed on a Chinese keyboard (B5)', () => {
  it('full-width, other dashes, a space after QX, 2026-1201, short serials, 12 digits and no QX are read; a malformed one is named', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    expect(c.caseNo).toBe('QX20261201-0001');
    for (const typed of ['ＱＸ２０２６１２０１－０００１', 'QX20261201－0001', 'QX20261201—0001', 'QX20261201——0001', 'QX20261201–0001', 'QX 20261201-0001', 'QX2026-1201-0001', 'QX20261201-1', 'QX202612010001', '20261201-0001', 'qx20261201-0001。']) {
      expect(await ask(GW1, `详情 ${typed}`), typed).toMatch(/^案件编号：QX20261201-0001\n/);
    }
    expect(await ask(GW1, '接单 ＱＸ２０２６１２０１－０００１')).toMatch(/^已接单/);
    expect((await caseOf(c.id)).status).toBe('accepted');

    // Meant as a number but not one: said so, never 「请写上案件编号」, and the -1 is not dropped.
    expect(await ask(GW1, '备注 QX20261201-0001-1 已联系')).toBe('编号格式不对：QX20261201-0001-1，例如 QX20261201-0001');
    expect(await ask(GW1, '详情 QX20261201')).toBe('编号格式不对：QX20261201，例如 QX20261201-0001');
    expect(await ask(GW1, '详情 QX2026120-0001')).toMatch(/^编号格式不对：QX2026120-0001/);
    expect((await caseOf(c.id)).notes).toEqual([]);
    // No number at all is still asked for; a number of days is never taken for a case number.
    expect(await ask(GW1, '接单')).toMatch(/^请写上案件编号/);
    expect(await ask(GW1, `延期 QX20261201-0001 2 等住建部门核实`)).toMatch(/^已延期2个工作日/);
  });

  it('booking (YY…) and application (RH…) numbers are read the same way', async () => {
    await bind(LIAISON, 'liaison-1');
    await bind(SUP, 'sup-t01');
    expect(await ask(LIAISON, '完成 ＹＹ２０２６１２０１－９')).toBe('没有找到预约 YY20261201-0009，请核对预约号。');
    expect(await ask(LIAISON, '爽约 20261201-0009')).toBe('没有找到预约 YY20261201-0009，请核对预约号。');
    expect(await ask(LIAISON, '完成 YY20261201-0009-2')).toBe('编号格式不对：YY20261201-0009-2，例如 YY20261201-0001');
    expect(await ask(SUP, '通过 RH20261201—7')).toBe('没有找到入会申请 RH20261201-0007，请核对编号。');
    expect(await ask(SUP, '驳回 20261201-0007 材料不全')).toBe('没有找到入会申请 RH20261201-0007，请核对编号。');
  });
});

describe('what follows the number (A6) and two numbers in one message (B6)', () => {
  it('a colon or comma after the number is not part of the note', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    await ask(GW1, `接单 ${c.caseNo}`);
    await ask(GW1, `备注 ${c.caseNo}：老板答应月底给钱`);
    await ask(GW1, `备注 ${c.caseNo}, 明天去现场`);
    await ask(GW1, `备注：${c.caseNo} 已电话联系当事人`);
    await ask(GW1, `备注${c.caseNo}号，约了周一见面`);
    expect((await caseOf(c.id)).notes.map((n) => n.text)).toEqual(['老板答应月底给钱', '明天去现场', '已电话联系当事人', '约了周一见面']);
  });

  it('接单 with several numbers takes each; other commands with two numbers do nothing and say so; a note that mentions another case says where it went', async () => {
    await bind(GW1, 'gw-001');
    const a = await routedCase();
    const b = await routedCase();
    expect(b.assignee!.staffId).toBe('gw-001');
    const both = await ask(GW1, `接单 ${a.caseNo}、${b.caseNo}`);
    expect(both).toContain(`案件 ${a.caseNo} 现在是「办理中」`);
    expect(both).toContain(`案件 ${b.caseNo} 现在是「办理中」`);
    expect((await caseOf(a.id)).status).toBe('accepted');
    expect((await caseOf(b.id)).status).toBe('accepted');

    expect(await ask(GW1, `备注 ${a.caseNo} ${b.caseNo} 两件是同一个老板`)).toBe(
      `一次只能办一件：这条消息里有 ${a.caseNo}、${b.caseNo}，都还没有办理。请每件分开发，例如「备注 ${a.caseNo} 内容」。`,
    );
    expect(await ask(GW1, `办结 ${a.caseNo} 追回 28500 ${b.caseNo} 追回 3000`)).toMatch(/^一次只能办一件/);
    expect(await ask(GW1, `接单 ${a.caseNo} ${b.caseNo} 这两件我来`)).toMatch(/^一次只能办一件：.*要接单几件，请只写编号/);
    expect((await caseOf(a.id)).notes).toEqual([]);
    expect((await caseOf(b.id)).notes).toEqual([]);
    expect((await caseOf(a.id)).status).toBe('accepted');

    const noted = await ask(GW1, `备注 ${a.caseNo} 老板承认欠钱，${b.caseNo} 也是他`);
    expect(noted).toMatch(/^已记下备注/);
    expect(noted).toContain(`这条备注记在 ${a.caseNo} 上；里面提到的 ${b.caseNo} 没有改动。`);
    expect((await caseOf(a.id)).notes.map((n) => n.text)).toEqual([`老板承认欠钱，${b.caseNo} 也是他`]);
    expect((await caseOf(b.id)).notes).toEqual([]);
  });
});

describe('messages that are no command (B4, C1)', () => {
  it('a greeting, a help word or an unknown message gets a short answer; everyday phrases get the command they probably meant, and nothing is recorded', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    const notice = await app.w.waitFor(GW1, /【新案件】/);
    const no = c.caseNo;

    const greeting = '您好，我是工友助手。常用指令：我的案件 / 接单 QX… / 备注 QX… 内容。发「帮助」看全部指令。';
    expect(await ask(GW1, '你好')).toBe(greeting);
    expect(await ask(GW1, '在吗？')).toBe(greeting);
    expect(await ask(GW1, '怎么用')).toMatch(/^可用的指令：\n[\s\S]*· 我的案件/);
    expect(await ask(GW1, 'help')).toMatch(/^可用的指令：/);
    expect(await ask(GW1, '今天天气不错')).toBe('没看懂这条消息。常用指令：我的案件 / 接单 QX… / 备注 QX… 内容。发「帮助」看全部指令。');

    // Accepting in one's own words: the number from the quoted notice when it names one.
    expect(await ask(GW1, '收到 我来处理')).toBe(`要接单请发：接单 ${no}\n回复「好」就接单。`);
    expect(await ask(GW1, '这个我接了')).toBe(`要接单请发：接单 ${no}\n回复「好」就接单。`);
    expect(await ask(GW1, '好的 马上联系')).toBe(`要接单请发：接单 ${no}\n回复「好」就接单。`);
    // (Anything else drops the 接单 just offered: `接` right after it would take the case, as offered.)
    expect(await ask(GW1, '稍等')).toMatch(/^没看懂这条消息/);
    expect(await ask(GW1, quoting(notice.text, '接'))).toBe(`要接单请发：接单 ${no}\n回复「好」就接单。`);
    expect(await ask(GW1, quoting(notice.text, '收到'))).toBe(`要接单请发：接单 ${no}\n回复「好」就接单。`);
    expect((await caseOf(c.id)).status).toBe('assigned');

    await ask(GW1, `接单 ${no}`);
    expect(await ask(GW1, '已电话联系当事人')).toBe(`要记下办理情况，请发：备注 ${no} 已电话联系当事人\n回复「好」就这样记下。`);
    expect(await ask(GW1, quoting(notice.text, '老板答应月底给钱'))).toBe(`要记下办理情况，请发：备注 ${no} 老板答应月底给钱\n回复「好」就这样记下。`);
    expect(await ask(GW1, '明天去现场看看')).toBe(`要记下办理情况，请发：备注 ${no} 明天去现场看看\n回复「好」就这样记下。`);
    expect(await ask(GW1, '联系不上当事人')).toBe(`要记下办理情况，请发：备注 ${no} 联系不上当事人\n回复「好」就这样记下。`);
    expect(await ask(GW1, `${no}：老板答应月底给钱`)).toBe(`要记下办理情况，请发：备注 ${no} 老板答应月底给钱\n回复「好」就这样记下。`);
    expect(await ask(GW1, '钱已经要回来了 可以结案')).toBe(`要办结请发：办结 ${no} 追回 金额\n没追回的请发：办结 ${no} 未追回 原因 下一步 仲裁`);
    expect(await ask(GW1, '这个不归我们管 转给区里')).toBe(`这件不归您办的话，请发：退回 ${no} 原因`);
    expect(await ask(GW1, '好的')).toBe('好的。需要办理时请发指令，发「帮助」看全部指令。');
    // A question about the case: where its details are (the contact's phone), no note of its words.
    expect(await ask(GW1, '怎么联系当事人？')).toBe(`案件的联系人、电话、地点和期限都在详情里，请发：详情 ${no}\n回复「好」就发给您。`);

    const after = await caseOf(c.id);
    expect(after.notes).toEqual([]);
    expect(after.status).toBe('accepted');
    expect(after.outcome).toBeNull();
  });
});

describe('the one obvious case (B12)', () => {
  it('接单了 with one case waiting takes it and says which; with two it lists them and takes none', async () => {
    await bind(GW1, 'gw-001');
    const a = await routedCase();
    const answer = await ask(GW1, '接单了');
    expect(answer).toMatch(new RegExp(`^您只有一件待接单的案件，按 ${a.caseNo} 办理：\\n已接单。`));
    expect((await caseOf(a.id)).status).toBe('accepted');

    const b = await routedCase();
    const c = await routedCase();
    expect(await ask(GW1, '接单')).toBe(`您有2件待接单的案件：${b.caseNo}、${c.caseNo}。请写上编号，例如「接单 ${b.caseNo}」。`);
    expect((await caseOf(b.id)).status).toBe('assigned');
    expect((await caseOf(c.id)).status).toBe('assigned');
  });

  it('同意办结 from a supervisor with one close waiting approves it and says which; bare 同意 asks back', async () => {
    await bind(GW1, 'gw-001');
    await bind(SUP, 'sup-t01');
    const c = await routedCase({ headcount: 12 });
    await ask(GW1, `接单 ${c.caseNo}`);
    expect(await ask(GW1, `办结 ${c.caseNo} 追回 28500`)).toMatch(/待审批/);
    expect((await caseOf(c.id)).status).toBe('closing');

    expect(await ask(SUP, '同意')).toBe(`您有一件等您审批的办结：${c.caseNo}。同意请回复「同意 ${c.caseNo}」，不同意请回复「退回 ${c.caseNo} 原因」。`);
    expect((await caseOf(c.id)).status).toBe('closing');
    expect(await ask(SUP, '同意办结')).toMatch(new RegExp(`^您只有一件等您审批的办结，按 ${c.caseNo} 办理：\\n已同意办结`));
    expect((await caseOf(c.id)).status).toBe('resolved');
  });
});

describe('the help each role sees (B11)', () => {
  it('the liaison is not shown commands for the case assignee; the grid worker is not shown the reviewers’ or providers’ ones', async () => {
    await bind(LIAISON, 'liaison-1');
    await bind(GW1, 'gw-001');
    const liaison = await ask(LIAISON, '帮助');
    for (const cmd of ['受理 QX…', '结果 QX…', '不予支持 QX…', '今日预约', '我的案件', '详情 QX…', '备注 QX…']) expect(liaison).toContain(`· ${cmd}`);
    for (const cmd of ['接单', '退回', '延期', '回复', '办结', '转检察 QX…', '上班', '休息', '同意']) expect(liaison).not.toContain(`· ${cmd}`);
    expect(await ask(LIAISON, '接单 QX20261201-0001')).toBe('您的岗位不能使用这条指令。');
    const gw = await ask(GW1, '帮助');
    for (const cmd of ['接单', '退回', '延期', '回复', '办结', '转检察', '上班', '休息']) expect(gw).toContain(`· ${cmd}`);
    for (const cmd of ['同意', '受理', '结果', '今日预约', '完成', '通过', '入会申请']) expect(gw).not.toContain(`· ${cmd}`);
  });
});
