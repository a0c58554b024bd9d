/*
 * Staff in WeChat, probe 4 (B9, B11, prefix matching): 催办 by a township or
 * district supervisor, delivered to the assignee once and only once per
 * 催办; command names read only as the words they are (`案件QX…老板跑了` is no
 * list, `转检察院` is 转检察 only before a case number); the liaison's help
 * grouped, with only commands they can use.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers;
 * a manual clock on the suite's working day.
 */
import { describe, expect, it } from 'vitest';
import { createWageCase } from '../support/cases.js';
import { eventually } from '../support/core.js';
import { notify } from '../../core/cases/queue.js';
import { caseJobKeys } from '../../core/cases/due.js';
import { shortTime } from '../../core/infra/time.js';
import type { Case } from '../../core/cases/store.js';
import { workingDayAt } from './support.js';
import { DSUP, GW1, LIAISON, OTHER_SUP, SUP, staffInWechat } from './in-wechat.js';

const T0 = workingDayAt('10:00');
const { clock, app, say, ask, get, texts, bind, routedToGw1: routedCase, acceptedByGw1: acceptedCase } = staffInWechat(T0);

/** The outbox sent everything, then a moment more for anything sent twice to arrive. */
async function settled() {
  const key = caseJobKeys(app.t.core.config.REDIS_PREFIX).outbox();
  await eventually(async () => ((await app.t.core.redis.zCard(key)) === 0 ? true : null), 8000, 'outbox empty');
  await new Promise((r) => setTimeout(r, 400));
}

const chases = (no: string) => texts(GW1).filter((t) => t.startsWith('【催办】') && t.includes(`催您办理案件 ${no}`));

describe('催办 by a supervisor (B9)', () => {
  it('the assignee gets one 【催办】 per 催办, naming who chases, the words and the limit; recorded on the case; at most once an hour', async () => {
    await bind(GW1, 'gw-001');
    await bind(SUP, 'sup-t01');
    await bind(DSUP, 'dsup-1');
    const c = await acceptedCase();
    const no = c.caseNo;

    const answer = await ask(SUP, `催办 ${no} 老板电话打不通，请今天上门看看`);
    expect(answer).toBe(`已催办，已通知林志强。办结期限：${shortTime(c.resolveBy)}。`);
    const notice = await app.w.waitFor(GW1, new RegExp(`^【催办】镇（街道）工会陈秀兰催您办理案件 ${no}`));
    expect(notice.text).toBe(
      [
        `【催办】镇（街道）工会陈秀兰催您办理案件 ${no}。`,
        '留言：老板电话打不通，请今天上门看看',
        `办结期限：${shortTime(c.resolveBy)}`,
        `办结请回复「办结 ${no} 追回 金额」；有困难请回复「备注 ${no} 情况」说明。`,
      ].join('\n'),
    );
    // Recorded: a note with who and the words, a line in the reporter's 进度, the audit.
    const x = await get(c);
    expect(x.notes.at(-1)).toMatchObject({ staffId: 'sup-t01', text: '催办：老板电话打不通，请今天上门看看' });
    expect(x.history.at(-1)!.note).toBe('工会已督促工作人员抓紧办理');
    expect((await app.t.core.cases.audit(c.id)).filter((a) => a.action === 'chased').map((a) => a.detail)).toEqual(['sup-t01->gw-001']);
    expect(await ask(GW1, `详情 ${no}`)).toContain('，陈秀兰）：催办：老板电话打不通，请今天上门看看');

    // Again within the hour, by the same or another supervisor: refused, nothing sent or recorded.
    expect(await ask(SUP, `催办 ${no}`)).toBe(`案件 ${no} 您在${shortTime(T0.toISOString())}已经催办过了。同一件案件一小时内只催办一次，请${shortTime(new Date(T0.getTime() + 3600_000).toISOString())}以后再发。`);
    expect(await ask(DSUP, `督办 ${no} 抓紧`)).toMatch(new RegExp(`^案件 ${no} 陈秀兰在.*已经催办过了。`));

    // The notice written again, as a process that died after sending would find it: never sent twice.
    await notify(app.t.core, 'staff-case-chased', c.id, 'gw-001', x.notes.length - 1);
    await settled();
    expect(chases(no)).toHaveLength(1);

    // An hour later the district supervisor may chase again: a second notice, once; no words, no 留言 line.
    clock.set(new Date(T0.getTime() + 61 * 60_000));
    expect(await ask(DSUP, `督办 ${no}`)).toBe(`已催办，已通知林志强。办结期限：${shortTime(c.resolveBy)}。`);
    const second = await app.w.waitFor(GW1, /^【催办】区总工会方淑珍催您办理案件/);
    expect(second.text).not.toContain('留言');
    await settled();
    expect(chases(no)).toHaveLength(2);
    expect((await get(c)).notes.filter((n) => n.text.startsWith('催办'))).toHaveLength(2);
  });

  it('past the limit the notice says 已超期, and the 【超期】 notice tells the supervisor how to chase', async () => {
    await bind(GW1, 'gw-001');
    await bind(SUP, 'sup-t01');
    const c = await acceptedCase();
    clock.set(new Date(Date.parse(c.resolveBy!) + 60_000));
    const overdue = await app.w.waitFor(SUP, new RegExp(`^【超期】案件 ${c.caseNo}`), 10_000);
    expect(overdue.text).toContain(`催办请回复「催办 ${c.caseNo} 要说的话」，会转告林志强。`);
    expect(await ask(SUP, `催办 ${c.caseNo} 已超期，今天务必办结`)).toBe(`已催办，已通知林志强。办结期限：${shortTime(c.resolveBy)}（已超期）。`);
    const notice = await app.w.waitFor(GW1, /^【催办】镇（街道）工会陈秀兰催您办理/);
    expect(notice.text).toContain(`办结期限：${shortTime(c.resolveBy)}（已超期）`);
    expect(notice.text).toContain('留言：已超期，今天务必办结');
  });

  it('a case waiting for 接单 is chased to 接单; refused clearly: not open, no assignee, another township, a grid worker', async () => {
    await bind(GW1, 'gw-001');
    await bind(SUP, 'sup-t01');
    await bind(OTHER_SUP, 'sup-t02');
    const waiting = await routedCase();
    expect(await ask(SUP, `催办 ${waiting.caseNo}`)).toBe(`已催办，已通知林志强。接单期限：${shortTime(waiting.acceptBy)}。`);
    const notice = await app.w.waitFor(GW1, new RegExp(`^【催办】[^\\n]*${waiting.caseNo}`));
    expect(notice.text).toContain(`请尽快回复「接单 ${waiting.caseNo}」。`);

    // No assignee yet.
    const unrouted = await createWageCase(app.t.core);
    expect(await ask(SUP, `催办 ${unrouted.caseNo}`)).toBe(`案件 ${unrouted.caseNo} 还没有分派给工作人员，没有人可以催办。要交给某人办理，请发「改派 ${unrouted.caseNo} 姓名」。`);
    // Not open: closed by its assignee.
    await say(GW1, `接单 ${waiting.caseNo}`, /^已接单。/);
    await say(GW1, `办结 ${waiting.caseNo} 追回 28500`, /^已办结。/);
    expect(await ask(SUP, `催办 ${waiting.caseNo}`)).toBe(`案件 ${waiting.caseNo} 现在是「已办结」，不在办理中，不能催办。`);
    // Another township's supervisor; a grid worker.
    const open = await routedCase();
    expect(await ask(OTHER_SUP, `催办 ${open.caseNo}`)).toBe(`案件 ${open.caseNo} 不是您负责的，不能查看或办理。`);
    expect(await ask(GW1, `催办 ${open.caseNo}`)).toBe('您的岗位不能使用这条指令。');
    await settled();
    // One notice in all (the first), none for the refusals.
    expect(texts(GW1).filter((t) => t.startsWith('【催办】') && /催您办理/.test(t))).toHaveLength(1);
    expect((await get(open)).notes).toEqual([]);
    expect((await get(unrouted)).notes).toEqual([]);
  });
});

describe('command names read only as the words they are', () => {
  it('案件, 列表, 待办 list only alone (or with just a case number); 案件QX…老板跑了 is taken as a note to confirm, not a list', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedCase();
    for (const word of ['案件', '列表。', '待办！', '超时的有哪些']) expect(await ask(GW1, word), word).toMatch(/^(?:您的案件（1件）：|您的1件案件都没有超期)/);
    expect(await ask(GW1, `案件 ${c.caseNo}`)).toMatch(/^案件编号：/);
    expect(await ask(GW1, `案件${c.caseNo}老板跑了`)).toBe(`要记下办理情况，请发：备注 ${c.caseNo} 老板跑了\n回复「好」就这样记下。`);
    expect(await ask(GW1, '列表里怎么没有我的案子')).not.toMatch(/^您的案件/);
    expect((await get(c)).notes).toEqual([]);
  });

  it('转检察院 is 转检察 only before a case number; a longer word starting with a command name is not run, its form is said', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedCase();
    expect(await ask(GW1, '转检察院了吗')).toBe(`要转检察院审查支持起诉，请发：转检察 ${c.caseNo} 理由`);
    expect(await ask(GW1, '转检察院 调解不成')).toBe(`要转检察院审查支持起诉，请发：转检察 ${c.caseNo} 理由`);
    expect((await get(c)).status).toBe('accepted');
    expect(await ask(GW1, '延期两天')).toBe(`是要延期吗？请发：延期 ${c.caseNo} 两天 原因`);
    expect(await ask(GW1, '结果老板还是不给钱')).not.toBe('您的岗位不能使用这条指令。');
    expect((await get(c)).extensions).toEqual([]);
    expect(await ask(GW1, `转检察院 ${c.caseNo} 调解不成，老板拒付，农民工`)).toMatch(/^已转给检察联络员/);
    expect((await get(c)).status).toBe('referred');
  });
});

describe('the liaison’s help (B11)', () => {
  it('grouped and short, and every command listed runs for them (no 「岗位不能」)', async () => {
    await bind(LIAISON, 'liaison-1');
    const help = await ask(LIAISON, '帮助');
    expect(help).toMatch(/^可用的指令：\n【案件】\n[\s\S]*\n【法律援助预约】\n[\s\S]*\n【其他】\n/);
    expect(help.split('\n').length).toBeLessThanOrEqual(16);
    // 明日预约 is named in the 今日预约 line; role tags are left out of a list that is only theirs.
    expect(help).toContain('· 今日预约 —— 今天约您的咨询（明日预约：明天的）');
    expect(help).not.toContain('· 明日预约');
    expect(help).not.toContain('（检察联络员）');
    const lines = help.split('\n').filter((l) => l.startsWith('· '));
    for (const l of lines) {
      const form = l.slice(2).split(/\s|——/)[0]!;
      const typed = /QX…|YY…/.test(l) ? `${form} ${l.includes('QX…') ? 'QX20261201-0099' : 'YY20261201-0099'}` : form;
      expect(await say(LIAISON, typed, /[\s\S]/), typed).not.toBe('您的岗位不能使用这条指令。');
    }
    expect(await say(LIAISON, '明日预约', /[\s\S]/)).toMatch(/明日预约|明天/);
  });
});
