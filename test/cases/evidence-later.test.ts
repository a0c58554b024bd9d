/*
 * Files sent after submitting (the payslip found the next day): added to the
 * person's open report, checked before anything is written, the assignee
 * told; with two reports open the person says which first; a closed report,
 * a full one, another person's number, or a flow under way take nothing.
 * Real Redis, real routing and outbound workers.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/index.js';
import { manualClock } from '../../core/infra/clock.js';
import { renderText } from '../../core/infra/replies.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-11-21T10:00:00+08:00');
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ workers: true, clock, env: { MAX_UPLOAD_MB: '1' } });
});
const files = () => readdirSync(t.evidenceDir);

/** A wage report submitted without evidence; its case once routed. */
/** `again`: the person has a report open, so 反映欠薪 first asks whether this is another one (是，另一件). */
async function submitted(user: string, employer = '青溪宏达', again = false): Promise<Case> {
  await converse(t.chat, user)
    .sendAll('2', ...(again ? ['是，另一件'] : []), '1', employer, '东龙镇', '新塘社区', '不是', '三个月', '28500', '就我一个', '还在干', '都跳过', '没有', '张三', '13800138000', '确认')
    .expect(/提交成功/);
  // By its employer: two reports filed at the same (manual) clock time have no order.
  const mine = (await t.core.cases.listByUser(user, 10)).find((c) => c.wage?.employer === employer)!;
  return eventually(async () => {
    const c = await t.core.cases.get(mine.id);
    return c?.assignee ? c : null;
  }, 8000, 'the report routed');
}

const sendFile = async (user: string, name: string, bytes: Buffer, mediaType = 'image/jpeg') =>
  (await t.chat.handle(user, { kind: 'file', meta: { name, mediaType, size: bytes.length }, load: async () => bytes })).map(renderText).join('\n');

async function staffNotices(staffId: string): Promise<string> {
  const r = await t.core.inbox.read(`staff:${staffId}`);
  return r.items.flatMap((i) => i.replies.map(renderText)).join('\n\n');
}

describe('files sent after submitting', () => {
  it('go to the one open report, written encrypted only once checked; the assignee is told of each', async () => {
    const c = await submitted('web:l1');
    expect(files()).toHaveLength(0);
    const reply = await sendFile('web:l1', '工资条.jpg', JPG);
    expect(reply).toMatch(new RegExp(`收到「工资条.jpg」，已补充到案件 ${c.caseNo}，现在一共1份材料，负责的工作人员能看到。`));
    const after = (await t.core.cases.get(c.id))!;
    expect(after.evidence).toMatchObject([{ name: '工资条.jpg', mediaType: 'image/jpeg', size: JPG.length }]);
    expect(files()).toEqual([after.evidence[0]!.id]);
    // Encrypted at rest, the same bytes when read back.
    expect(t.chat.evidence.load(after.evidence[0]!.id).equals(JPG)).toBe(true);
    expect((await t.core.cases.audit(c.id)).map((e) => e.action)).toContain('evidence-added');
    await eventually(async () => (await staffNotices(c.assignee!.staffId)).includes(`【补充材料】案件 ${c.caseNo} 的报告人补充了材料「工资条.jpg」，现在一共1份`), 8000, 'the assignee told');

    // A second one: its own notice.
    expect(await sendFile('web:l1', '欠条.pdf', Buffer.from('%PDF-1.4 x'), 'application/pdf')).toMatch(/现在一共2份材料/);
    await eventually(async () => (await staffNotices(c.assignee!.staffId)).includes('补充了材料「欠条.pdf」，现在一共2份'), 8000, 'the second notice');
    // The person's chat is where it was: no menu, no flow started.
    const s = await t.chat.sessions.load('web:l1', clock.now());
    expect(s.flowId).toBeNull();
  });

  it('a refused type, bytes over the size, and the eleventh file write nothing and leave the report as it was', async () => {
    const c = await submitted('web:l2');
    expect(await sendFile('web:l2', '病毒.exe', JPG, 'application/octet-stream')).toMatch(/收不了/);
    // Declared small, the bytes are not.
    const big = await t.chat.handle('web:l2', { kind: 'file', meta: { name: '大.jpg', mediaType: 'image/jpeg', size: 10 }, load: async () => Buffer.alloc(2 * 1048576, 1) });
    expect(big.map(renderText).join('')).toMatch(/文件太大了/);
    expect(files()).toHaveLength(0);
    expect((await t.core.cases.get(c.id))!.evidence).toHaveLength(0);
    for (let i = 1; i <= 10; i++) expect(await sendFile('web:l2', `${i}.jpg`, JPG)).toMatch(new RegExp(`一共${i}份`));
    expect(await sendFile('web:l2', '11.jpg', JPG)).toMatch(/已经有10份材料了，收不下更多/);
    expect(files()).toHaveLength(10);
    expect((await t.core.cases.get(c.id))!.evidence).toHaveLength(10);
  });

  it('with two reports open nothing is guessed: 补充 QX… names the one, and files go there', async () => {
    const first = await submitted('web:l3', '青溪宏达');
    const second = await submitted('web:l3', '凤栖物业', true);
    const ask = await sendFile('web:l3', '工资条.jpg', JPG);
    expect(ask).toMatch(/您有2个在办的案件/);
    expect(ask).toMatch(/请先回复「补充 案件编号」/);
    expect(files()).toHaveLength(0);
    // Another person's number, or one that does not exist: refused, nothing chosen.
    const other = await submitted('web:l3x');
    await converse(t.chat, 'web:l3').send(`补充 ${other.caseNo}`).expect(/没有找到您在办的案件/);
    expect((await t.chat.sessions.load('web:l3', clock.now())).attachTo).toBeNull();
    await converse(t.chat, 'web:l3').send(`补充 ${first.caseNo.toLowerCase()}`).expect(new RegExp(`请发要补充到案件 ${first.caseNo}（青溪宏达）的照片或文件`));
    expect(await sendFile('web:l3', '工资条.jpg', JPG)).toMatch(new RegExp(`已补充到案件 ${first.caseNo}`));
    expect((await t.core.cases.get(first.id))!.evidence).toHaveLength(1);
    expect((await t.core.cases.get(second.id))!.evidence).toHaveLength(0);
    expect((await t.core.cases.get(other.id))!.evidence).toHaveLength(0);
    // Past the idle time the choice lapses, and the question comes back.
    clock.advance((t.core.config.SESSION_IDLE_MINUTES + 1) * 60_000);
    expect(await sendFile('web:l3', '欠条.jpg', JPG)).toMatch(/您有2个在办的案件/);
    expect(files()).toHaveLength(1);
  });

  it('no open report, or a flow under way: the file is not taken, as before', async () => {
    // Nothing submitted: the menu, nothing written.
    expect(await sendFile('web:l4', '工资条.jpg', JPG)).toMatch(/回复数字即可/);
    // A report open, but joining the union under way: that flow's question comes back.
    await submitted('web:l5');
    await converse(t.chat, 'web:l5').send('我要入会').expect(/同意/);
    expect(await sendFile('web:l5', '工资条.jpg', JPG)).not.toMatch(/已补充/);
    expect(files()).toHaveLength(0);
  });

  it('a closed report takes nothing, and a choice made before it closed is let go', async () => {
    const c = await submitted('web:l6');
    await converse(t.chat, 'web:l6').send(`补充 ${c.caseNo}`).expect(/请发要补充到案件/);
    await t.core.cases.update(c.id, 'test', (cur) => ({ record: { ...cur, status: 'closed' }, action: 'closed', detail: 'test' }));
    expect(await sendFile('web:l6', '工资条.jpg', JPG)).toMatch(new RegExp(`案件 ${c.caseNo} 已经办结，材料就不再补充了`));
    expect(files()).toHaveLength(0);
    expect((await t.chat.sessions.load('web:l6', clock.now())).attachTo).toBeNull();
    expect((await t.core.cases.get(c.id))!.evidence).toHaveLength(0);
  });
});
