/*
 * Staff work cases in WeChat: the real GongyouBot plugin on wechaty-puppet-mock, real Redis and
 * real BullMQ workers. Cases are created directly (the worker side is covered in test/bot).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { createBindings } from '../../core/staff/binding.js';
import { eventually } from '../support/core.js';
import { startWechatApp } from '../support/wechat-app.js';

const GW1 = '林志强（东龙一网格）';
const GW2 = '黄丽娟（东龙一网格）';
const LIAISON = '姚春兰（青溪区检察院）';

const app = useFixture(() => startWechatApp());

beforeEach(async () => {
  // Make gw-001 the least loaded in 东龙镇第一网格, so routing picks them.
  await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-002': 3, 'gw-003': 3 });
});

const say = (name: string, text: string, expected: RegExp) => app.say(name, text, expected);

const bind = (name: string, staffId: string) => app.bindStaff(name, staffId);

const routedCase = (opts: Parameters<typeof app.routedCase>[0] = {}) => app.routedCase(opts);

describe('binding a WeChat contact to a directory person', () => {
  it('a one-time code binds; the code cannot be reused; wrong codes are refused and then slowed down', async () => {
    const code = await createBindings(app.t.core).issueCode('gw-001');
    expect(await say(GW1, `绑定 ${code}`, /绑定成功/)).toMatch(/林志强/);
    expect(await say(GW2, `绑定 ${code}`, /绑定码/)).toMatch(/不对或已失效/);
    expect(await say(GW2, '绑定 12ab', /绑定码/)).toMatch(/6位数字/);
    for (let i = 0; i < 4; i++) await say(GW2, '绑定 000000', /不对或已失效/);
    expect(await say(GW2, '绑定 000001', /错误次数太多/)).toMatch(/15分钟后再试/);
    // A slowed-down contact is refused even with a good code until the window passes.
    const good = await createBindings(app.t.core).issueCode('gw-002');
    expect(await say(GW2, `绑定 ${good}`, /错误次数太多/)).toBeTruthy();
  });

  it('a bound person gets staff answers; after 解绑 the chat is the worker menu again; re-binding works', async () => {
    await bind(GW1, 'gw-001');
    expect(await say(GW1, '我的案件', /案件/)).toMatch(/没有要办理的案件/);
    expect(await say(GW1, '解绑', /解除绑定/)).toBeTruthy();
    expect(await say(GW1, '我的案件', /还没有提交过案件/)).toMatch(/反映欠薪/);
    await bind(GW1, 'gw-001');
    expect(await say(GW1, '帮助', /可用的指令/)).toMatch(/接单 QX…/);
  });

  it('notices go to the bound contact, whatever its display name', async () => {
    await bind('林师傅的新微信', 'gw-001');
    const c = await routedCase();
    expect(c.assignee!.staffId).toBe('gw-001');
    const notice = await app.w.waitFor('林师傅的新微信', /【新案件】/);
    expect(notice.text).toContain(`接单 ${c.caseNo}`);
    expect(app.w.inbox(GW1)).toEqual([]);
  });
});

describe('working a case in WeChat', () => {
  it('接单 typed in a reply quoting (引用) the notice takes the case the notice names; a quote naming two cases guesses none', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    const notice = await app.w.waitFor(GW1, /【新案件】/);
    // How Wechaty's puppets deliver a quoting reply: the quote, a line of dashes, what was typed.
    const quoting = (quoted: string, typed: string) => `「工友助手：${quoted}」\n- - - - - - - - - - - - - - -\n${typed}`;
    expect(await say(GW1, quoting('案件 QX20261121-0001 和 QX20261121-0002', '接单'), /编号/)).toMatch(/^请写上案件编号/);
    expect((await app.t.core.cases.get(c.id))!.status).toBe('assigned');
    expect(await say(GW1, quoting(notice.text, '接单'), /已接单/)).toContain(c.caseNo);
    expect((await app.t.core.cases.get(c.id))!.status).toBe('accepted');
    // 备注 with the case from the quote, the note as typed (the quote's words are not part of it).
    expect(await say(GW1, quoting(notice.text, '备注 已电话联系'), /已记下备注/)).toBeTruthy();
    expect((await app.t.core.cases.get(c.id))!.notes.map((n) => n.text)).toEqual(['已电话联系']);
    // A number typed wins over the quote.
    expect(await say(GW1, quoting(notice.text, '详情 QX20991231-0001'), /没有找到/)).toContain('QX20991231-0001');
  });

  it('list, details, accept, note and resolve, each answering with the new state; bad arguments change nothing', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    await app.w.waitFor(GW1, /【新案件】/);
    const no = c.caseNo;

    expect(await say(GW1, '我的案件', /您的案件/)).toContain(`${no} 待接单`);
    const detail = await say(GW1, `详情 ${no}`, /案件编号/);
    expect(detail).toContain('13800138000');
    expect(detail).toMatch(/接单期限/);

    // No number: asked for (接单 alone takes the one case waiting: test/staff/said-4-words.test.ts).
    expect(await say(GW1, '详情', /编号/)).toMatch(/^请写上案件编号/);
    expect(await say(GW1, '接单 QX20991231-0001', /没有找到/)).toContain('QX20991231-0001');
    expect(await say(GW1, `办结 ${no} 追回 28500`, /不能办结/)).toMatch(/待接单/);

    expect(await say(GW1, `接单 ${no}`, /已接单/)).toMatch(/办理中/);
    expect(await say(GW1, `接单 ${no}`, /不能接单/)).toMatch(/办理中/);
    expect(await say(GW1, `备注 ${no}`, /备注内容/)).toBeTruthy();
    expect(await say(GW1, `备注 ${no} 已电话联系，约周一去工地`, /已记下备注/)).toMatch(/共1条/);
    expect(await say(GW1, `办结 ${no} 追回 -5`, /追回金额/)).toMatch(/大于0/);
    expect(await say(GW1, `办结 ${no} 追回 很多`, /追回金额/)).toBeTruthy();
    expect(await say(GW1, `办结 ${no}`, /请写明结果/)).toBeTruthy();
    expect((await app.t.core.cases.get(c.id))!.status).toBe('accepted');

    expect(await say(GW1, `办结 ${no} 追回 28500`, /已办结/)).toMatch(/已办结/);
    const done = (await app.t.core.cases.get(c.id))!;
    expect(done).toMatchObject({ status: 'resolved', outcome: { recovered: 28500 } });
    expect(done.notes[0]!.text).toBe('已电话联系，约周一去工地');
    // The reporter heard of each step.
    const updates = await eventually(async () => {
      const r = await app.t.core.inbox.read(c.reporter.userKey);
      return r.items.length >= 3 ? r.items : null;
    }, 8000, 'reporter updates');
    expect(JSON.stringify(updates)).toMatch(/已接单/);
    expect(JSON.stringify(updates)).toMatch(/追回工资28,500元/);
    // The load was given back.
    expect(await app.t.core.redis.hGet(app.t.core.cases.keys.load(), 'gw-001')).toBe('0');
  });

  it('someone else’s case is refused and unchanged', async () => {
    await bind(GW2, 'gw-002');
    const c = await routedCase();
    expect(await say(GW2, `接单 ${c.caseNo}`, /不是您负责的/)).toBeTruthy();
    expect(await say(GW2, `详情 ${c.caseNo}`, /不是您负责的/)).toBeTruthy();
    expect((await app.t.core.cases.get(c.id))!.status).toBe('assigned');
  });

  it('退回 needs a reason, then the case goes to someone else and never back', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    expect(await say(GW1, `退回 ${c.caseNo}`, /原因/)).toMatch(/请写上退回的原因/);
    expect(await say(GW1, `退回 ${c.caseNo} 不在我的片区`, /已退回/)).toBeTruthy();
    const again = await eventually(async () => {
      const x = await app.t.core.cases.get(c.id);
      return x?.assignee ? x : null;
    }, 8000, 'reassignment');
    expect(again.assignee!.staffId).not.toBe('gw-001');
    expect(again.lapsed).toEqual(['gw-001']);
    expect(again.history.at(-1)!.note).toMatch(/改派/);
  });

  it('休息 stops new cases; 上班 starts them again', async () => {
    await bind(GW1, 'gw-001');
    expect(await say(GW1, '休息', /已设为休息/)).toBeTruthy();
    const a = await routedCase();
    expect(a.assignee!.staffId).not.toBe('gw-001');
    expect(await say(GW1, '上班', /已设为上班/)).toBeTruthy();
    await app.t.core.redis.hSet(app.t.core.cases.keys.load(), { 'gw-002': 9, 'gw-003': 9 });
    const b = await routedCase();
    expect(b.assignee!.staffId).toBe('gw-001');
  });

  it('转检察 asks for the reason; the liaison accepts and records the outcome; the union is told', async () => {
    await bind(GW1, 'gw-001');
    await bind(LIAISON, 'liaison-1');
    const c = await routedCase();
    await say(GW1, `接单 ${c.caseNo}`, /已接单/);
    expect(await say(GW1, `转检察 ${c.caseNo}`, /理由/)).toMatch(/农民工/);
    expect(await say(GW1, `转检察 ${c.caseNo} 调解不成，老板拒不支付，农民工`, /已转给检察联络员/)).toMatch(/检察审查中/);
    const referral = await app.w.waitFor(LIAISON, /【转检察】/);
    expect(referral.text).toContain('诉讼能力较弱：农民工');
    expect(referral.text).toContain('13800138000');
    expect(await say(GW1, `受理 ${c.caseNo}`, /岗位不能使用/)).toBeTruthy();
    expect(await say(LIAISON, `结果 ${c.caseNo} 已出具支持起诉意见书`, /请先回复「受理/)).toBeTruthy();
    expect(await say(LIAISON, `受理 ${c.caseNo}`, /已受理/)).toBeTruthy();
    expect(await say(LIAISON, `结果 ${c.caseNo} 已出具支持起诉意见书，建议缓交诉讼费`, /已记录结果/)).toMatch(/已办结/);
    const told = await app.w.waitFor(GW1, /【检察结果】/);
    expect(told.text).toContain('支持起诉意见书');
    expect((await app.t.core.cases.get(c.id))!).toMatchObject({ status: 'resolved', referral: { status: 'done' } });
  });

  it('人工 from a worker reaches a grid worker, who answers with 回复 and the worker reads it in their chat', async () => {
    await bind(GW1, 'gw-001');
    await app.t.chat.handle('web:asker', { kind: 'text', text: '2' });
    for (const m of ['1', '青溪宏达', '东龙镇', '新塘社区']) await app.t.chat.handle('web:asker', { kind: 'text', text: m });
    await app.t.chat.handle('web:asker', { kind: 'text', text: '人工' });
    await app.t.chat.handle('web:asker', { kind: 'text', text: '工地老板跑了 找不到人' });
    const notice = await app.w.waitFor(GW1, /【新案件】[\s\S]*求助人工/);
    // The grid worker reads the problem in the person's words.
    expect(notice.text).toContain('问题：工地老板跑了 找不到人');
    const no = notice.text.match(/QX\d{8}-\d{4}/)![0];
    expect(notice.text).toContain(`回复 ${no} 内容`);
    expect(await say(GW1, `回复 ${no}`, /回复内容/)).toMatch(/请写上回复内容/);
    expect(await say(GW1, `回复 ${no} 您好，我是东龙一网格的林志强，稍后给您打电话，请留个手机号。`, /已发给报告人/)).toMatch(/第1条/);
    const inbox = await eventually(async () => {
      const r = await app.t.core.inbox.read('web:asker');
      const hit = r.items.find((i) => JSON.stringify(i).includes('工作人员回复'));
      return hit ?? null;
    }, 8000, 'the reply in the worker chat');
    expect(JSON.stringify(inbox)).toContain('稍后给您打电话');
    await bind(GW2, 'gw-002');
    expect(await say(GW2, `回复 ${no} 你好`, /不是您负责的/)).toBeTruthy();
  });
});
