/*
 * After submitting (probe-wage 1.13, 3.1–3.3): what a worker says about
 * their open case is understood. Progress questions get the case's progress
 * and what comes next; a message for the case worker (a correction, money
 * paid, withdrawing, retaliation, a new phone) is shown back and passed on
 * only after a yes, added to the case with its line in 进度 and the
 * assignee's notice in the outbox (【当事人留言】, urgent first); a
 * correction never starts a second report; phones in the words are sealed
 * on the case and masked everywhere else. Grouping needs the same township
 * and two different people. Real Redis, real routing and outbound
 * workers; the clock fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { addReporterNote, forgetReporter, linkGroup, NOTES_PER_DAY, staffCaseText } from '../../core/cases/index.js';
import { caseJobKeys } from '../../core/cases/queue.js';
import { manualClock } from '../../core/infra/clock.js';
import { unseal } from '../../core/infra/privacy.js';
import { renderText } from '../../core/infra/replies.js';
import { readCaseMessage } from '../../flows/case-desk.js';
import { createWageCase } from '../support/cases.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { dumpPrefix } from '../support/redis-dump.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';
import { staffNotices as notices, submittedAndRouted } from '../support/reports.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ workers: true, clock });
});

/** The probe's P: a report about 好再来饭店 in 河西街道, submitted. */
const P = [...SUBMITTED_REPORT];

/** The person's report once submitted and routed. */
const submitted = (user: string, steps = P, employer = steps[2]) => submittedAndRouted(t.core, t.chat, user, steps, employer);

const staffNotices = (staffId: string) => notices(t.core, staffId);

const say = async (user: string, text: string) => (await t.chat.handle(user, { kind: 'text', text })).map(renderText).join('\n');

describe('a message for the case worker, after submitting', () => {
  it('a correction does not start a second report: it is shown back, passed on after 同意, and the assignee gets 【当事人留言】', async () => {
    const c = await submitted('web:n1');
    await converse(t.chat, 'web:n1')
      .send('对了我还有个事 老板其实欠我的是8000不是6000')
      .expect(/您要转告的话：「对了我还有个事 老板其实欠我的是8000不是6000」/)
      .expect(new RegExp(`把这条消息转给负责您案件 ${c.caseNo}（好再来饭店）的工作人员吗？`))
      .expectNot(/需要您同意|用人单位「其实」/)
      .send('同意')
      .expect(new RegExp(`已转给负责您案件 ${c.caseNo} 的工作人员。他们看到后会跟进`));
    // One report, no flow started, nothing changed but the note.
    expect(await t.core.cases.listByUser('web:n1', 10)).toHaveLength(1);
    const s = await t.chat.sessions.load('web:n1', clock.now());
    expect(s).toMatchObject({ flowId: null, caseNote: null });
    const after = (await t.core.cases.get(c.id))!;
    expect(after.status).toBe(c.status);
    expect(after.wage!.amount).toBe(6000);
    expect(after.reporterNotes).toMatchObject([{ kind: 'correction', urgent: false, text: '对了我还有个事 老板其实欠我的是8000不是6000', phonesSealed: [] }]);
    expect(after.history.at(-1)!.note).toBe('您给工作人员留言：对了我还有个事 老板其实欠我的是8000不是6000');
    expect((await t.core.cases.audit(c.id)).map((e) => e.action)).toContain('reporter-note');
    const notice = await eventually(async () => {
      const all = await staffNotices(c.assignee!.staffId);
      return all.includes('【当事人留言】') ? all : null;
    }, 8000, 'the assignee told');
    expect(notice).toContain(`【当事人留言】案件 ${c.caseNo} 的报告人更正或补充了情况：「对了我还有个事 老板其实欠我的是8000不是6000」`);
    expect(notice).toContain(`答复本人请发：回复 ${c.caseNo} 内容`);
    // The reporter's 进度 shows it.
    await converse(t.chat, 'web:n1').send('进度').expect(/您给工作人员留言：对了我还有个事/);
  });

  it('withdrawing, being paid and part paid are messages for staff, never a change of status the worker makes', async () => {
    const c = await submitted('web:n2');
    await converse(t.chat, 'web:n2')
      .send('不想告了')
      .expect(/撤回要由工作人员跟您确认后再办/)
      .expect(/把这条消息转给负责您案件/)
      .send('好')
      .expect(/撤回要等工作人员跟您确认后才办理，在这之前案件照常办理/)
      .send('钱已经拿到了')
      .expect(/太好了！案件要由工作人员跟您核实后才办结/)
      .send('1')
      .expect(/工作人员核实后会办结案件/)
      .send('老板今天给了我三千 还差三千')
      .expect(/拿到一部分也是进展/)
      .send('转吧')
      .expect(/剩下的钱工作人员会接着帮您要/);
    const after = (await t.core.cases.get(c.id))!;
    expect(after.status).toBe('assigned');
    expect(after.reporterNotes.map((n) => n.kind)).toEqual(['withdraw', 'paid', 'partly_paid']);
    const notices = await eventually(async () => {
      const all = await staffNotices(c.assignee!.staffId);
      return (all.match(/【当事人留言】/g) ?? []).length >= 3 ? all : null;
    }, 8000, 'three notices');
    expect(notices).toMatch(/报告人想撤回反映：「不想告了」[\s\S]*撤回不能在对话里直接办：请先打电话跟本人核实/);
    expect(notices).toMatch(new RegExp(`报告人说工资已经拿到了：「钱已经拿到了」\\n请跟本人核实到手的金额，再办结：办结 ${c.caseNo} 追回 金额`));
  });

  it('retaliation gets its advice, is marked urgent and is what the assignee reads first', async () => {
    const c = await submitted('web:n3');
    await converse(t.chat, 'web:n3')
      .send('我想补充一下 老板其实叫李建国')
      .send('对')
      .send('老板今天找我了 说我要是再告就开除我')
      .expect(/请把老板说的话留好证据（聊天记录、录音、短信都行）。因为反映欠薪就开除或报复您，是违法的/)
      .expect(/（会标为紧急，让工作人员先看到）/)
      .send('转给工作人员')
      .expect(/已转给负责您案件 \S+ 的工作人员，标为紧急。/);
    const after = (await t.core.cases.get(c.id))!;
    expect(after.reporterNotes.map((n) => [n.kind, n.urgent])).toEqual([
      ['correction', false],
      ['retaliation', true],
    ]);
    await eventually(async () => (await staffNotices(c.assignee!.staffId)).includes(`【紧急·当事人留言】案件 ${c.caseNo} 的报告人说受到了威胁或打击报复：「老板今天找我了 说我要是再告就开除我」`), 8000, 'the urgent notice');
    // In every staff view of the case, the urgent note comes first.
    const view = staffCaseText(t.core.directory.index(), after, { phone: null, isAssignee: false });
    const lines = view.split('\n').filter((l) => l.includes('当事人留言'));
    expect(lines[0]).toMatch(/^⚠ 紧急·当事人留言（12月1日 10:00，说受到了威胁或打击报复）/);
    expect(lines[1]).toMatch(/当事人留言（.*更正或补充了情况）：我想补充一下 老板其实叫李建国/);
  });

  it('a phone in the words is sealed on the case, masked in the chat, the history, the audit and every view but the assignee’s notice; no job carries it', async () => {
    const c = await submitted('web:n4');
    await converse(t.chat, 'web:n4')
      .send('我换个手机号了 新号码是138 1111 2222')
      .expect(/您要转告的话：「我换个手机号了 新号码是138\*\*\*\*2222」/)
      .expectNot(/1111 ?2222|13811112222/)
      .send('可以')
      .expect(/工作人员会用新号码联系您/);
    const after = (await t.core.cases.get(c.id))!;
    const note = after.reporterNotes[0]!;
    expect(note).toMatchObject({ kind: 'phone', text: '我换个手机号了 新号码是138****2222' });
    expect(note.phonesSealed.map((p) => unseal(t.core.config.DATA_KEY, p))).toEqual(['13811112222']);
    // The assignee reads the whole number (they call back on it)…
    const notice = await eventually(async () => {
      const all = await staffNotices(c.assignee!.staffId);
      return all.includes('换了联系电话') ? all : null;
    }, 8000, 'the assignee told');
    expect(notice).toContain('留言里的电话：13811112222');
    // …a supervisor's view of the case masks it.
    expect(staffCaseText(t.core.directory.index(), after, { phone: null, isAssignee: false })).not.toContain('13811112222');
    // Nowhere in Redis in clear: the record, its audit, the outbox, the session, the chat history.
    const outbox = await t.core.redis.zRange(caseJobKeys(t.core.config.REDIS_PREFIX).outbox(), 0, -1);
    expect(outbox.join('\n')).not.toContain('2222');
    const leaks = [...(await dumpPrefix(t.core.redis, t.core.config.REDIS_PREFIX)).values()].filter((v) => /13811112222|1111 ?2222/.test(v));
    expect(leaks).toEqual([]);
  });

  it('the boss’s new number is not the reporter’s: it goes as a correction, not as 换了联系电话', () => {
    expect(readCaseMessage('老板新号码是13512345678')).toEqual({ kind: 'note', note: 'correction' });
    expect(readCaseMessage('老板叫李建国 电话13512345678')).toEqual({ kind: 'note', note: 'correction' });
    expect(readCaseMessage('我换个手机号了 新号码是13811112222')).toEqual({ kind: 'note', note: 'phone' });
  });

  it('不用了 passes nothing on; another message drops the question, and a later 好 passes nothing on either', async () => {
    const c = await submitted('web:n5');
    await converse(t.chat, 'web:n5')
      .send('老板跑路了 电话打不通了')
      .expect(/这个情况很重要/)
      .send('不用了')
      .expect(/好的，这条没有转。/)
      .send('说错了 金额应该是8000')
      .expect(/把这条消息转给/)
      .send('谢谢')
      .expectNot(/已转给/)
      .send('好')
      .expectNot(/已转给/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toEqual([]);
    expect((await t.chat.sessions.load('web:n5', clock.now())).caseNote).toBeNull();
  });

  it('`我想补充一下` alone waits for the words; `补充材料` says to send the files; `改 7` says the report cannot be edited', async () => {
    const c = await submitted('web:n6');
    await converse(t.chat, 'web:n6')
      .send('我想补充一下')
      .expect(/您说，要补充或更正什么？/)
      .send('他还欠我上个月的加班费')
      .expect(/您要转告的话：「他还欠我上个月的加班费」/)
      .send('是的')
      .expect(/已转给/)
      .send('补充材料')
      .expect(new RegExp(`照片或文件直接发过来就行，会补充到案件 ${c.caseNo}`))
      .send('改 7')
      .expect(/报告已经提交了，原来的内容改不了。哪里不对，直接告诉我/);
    expect((await t.core.cases.get(c.id))!.reporterNotes.map((n) => n.text)).toEqual(['他还欠我上个月的加班费']);
  });

  it('with two reports open, the person picks which case the note is for', async () => {
    const a = await submitted('web:n7');
    // With a report open, 老板欠我工资 first asks whether this is another one.
    const steps = [P[0]!, '是，另一件', ...P.slice(1)];
    steps[3] = '青溪顺达物流';
    const b = await submitted('web:n7', steps, '青溪顺达物流');
    expect(a.id).not.toBe(b.id);
    const open = await t.core.cases.listByUser('web:n7', 10);
    const { replies } = await converse(t.chat, 'web:n7').send('我想补充一下 老板其实叫李建国').expect(/把这条消息转给负责您哪个案件的工作人员？/);
    const options = replies.flatMap((r) => (r.type === 'text' ? (r.options ?? []) : []));
    expect(options.map((o) => o.label)).toEqual([...open.map((x) => `转给 ${x.caseNo}（${x.wage!.employer}）`), '不用了']);
    await converse(t.chat, 'web:n7').send('好').expect(/请回复序号/).send('2').expect(new RegExp(`已转给负责您案件 ${open[1]!.caseNo}`));
    expect((await t.core.cases.get(open[1]!.id))!.reporterNotes).toHaveLength(1);
    expect((await t.core.cases.get(open[0]!.id))!.reporterNotes).toHaveLength(0);
  });

  it('wrong, empty, huge and hostile words: refused or cleaned, never a note on someone else’s or a closed case', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:n8' });
    expect(await addReporterNote(t.core, c.id, 'web:n8', { kind: 'other', text: '' })).toEqual({ ok: false, reason: 'empty' });
    expect(await addReporterNote(t.core, c.id, 'web:n8', { kind: 'other', text: ' \u0000\u200b\n ' })).toEqual({ ok: false, reason: 'empty' });
    expect(await addReporterNote(t.core, c.id, 'web:n8', { kind: 'other', text: '补'.repeat(501) })).toEqual({ ok: false, reason: 'too-long' });
    // Someone else's case: nothing added.
    expect(await addReporterNote(t.core, c.id, 'web:intruder', { kind: 'paid', text: '钱拿到了' })).toEqual({ ok: false, reason: 'not-open' });
    // Markup and control characters: kept as plain text, the controls gone.
    const hostile = await addReporterNote(t.core, c.id, 'web:n8', { kind: 'correction', text: '<script>alert(1)</script>\u0007老板叫\u202e李建国' });
    expect(hostile.ok && hostile.note.text).toBe('<script>alert(1)</script>老板叫李建国');
    for (let i = 1; i < NOTES_PER_DAY; i++) expect((await addReporterNote(t.core, c.id, 'web:n8', { kind: 'other', text: `第${i}条` })).ok).toBe(true);
    expect(await addReporterNote(t.core, c.id, 'web:n8', { kind: 'other', text: '再一条' })).toEqual({ ok: false, reason: 'too-many' });
    // The next day it is taken again.
    clock.set(new Date('2026-12-02T09:00:00+08:00'));
    expect((await addReporterNote(t.core, c.id, 'web:n8', { kind: 'other', text: '第二天' })).ok).toBe(true);
    // A closed case takes none.
    await t.core.cases.update(c.id, 'test', (cur) => ({ record: { ...cur, status: 'closed' }, action: 'test', detail: '' }));
    expect(await addReporterNote(t.core, c.id, 'web:n8', { kind: 'other', text: '还在吗' })).toEqual({ ok: false, reason: 'not-open' });
    // In the chat: a message over the note's length is read (its first 500 characters kept, test/flows/case-desk-said.test.ts); a huge one and an empty one are no note.
    expect(readCaseMessage(`其实${'很长'.repeat(300)}`)).toEqual({ kind: 'note', note: 'correction' });
    expect(readCaseMessage(`其实${'很长'.repeat(3000)}`)).toBeNull();
    expect(readCaseMessage('')).toBeNull();
    expect(readCaseMessage('   ')).toBeNull();
  });

  it('删除我的信息 takes the words and numbers out of the notes and their lines in 进度', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:n9' });
    await addReporterNote(t.core, c.id, 'web:n9', { kind: 'phone', text: '新号码13811112222' });
    await forgetReporter(t.core, 'web:n9', () => undefined);
    const after = (await t.core.cases.get(c.id))!;
    expect(after.reporterNotes).toMatchObject([{ kind: 'phone', text: '（已删除）', phonesSealed: [] }]);
    expect(after.history.map((h) => h.note)).toContain('您给工作人员留言（内容已删除）');
    expect(JSON.stringify(after)).not.toContain('2222');
  });
});

describe('progress questions about the open case', () => {
  it('有人管吗, 到底啥时候能给钱, 工作人员什么时候打电话给我: the progress, by when someone calls, the time limits and an honest word on the money', async () => {
    const c = await submitted('web:p1');
    for (const q of ['有人管吗', '到底啥时候能给钱', '案子进展', '多久能拿到钱']) {
      const r = await say('web:p1', q);
      expect(r, q).toContain(`${c.caseNo}（反映欠薪，河西街道）`);
      expect(r, q).toMatch(/状态：已分派，等待工作人员接单/);
      expect(r, q).toMatch(/工作人员会在[^；]+前联系您；到时还没人接，系统会催办并改派给其他工作人员/);
      expect(r, q).toContain('接单后一般15个工作日内办结');
      expect(r, q).toContain('钱什么时候能到手，要看跟老板协商或执法部门处理的结果，现在还说不准');
      expect(r, q).not.toMatch(/答不上来|12348/);
    }
    expect(await say('web:p1', '工作人员什么时候打电话给我')).toContain('工作人员会打您留的电话联系您，他们的电话不在这里公开');
    // Nothing was passed on by asking.
    expect((await t.core.cases.get(c.id))!.reporterNotes).toEqual([]);
  });

  it('without an open case, the same words go to the conversation as before', async () => {
    const r = await say('web:p2', '有人管吗');
    expect(r).not.toMatch(/您的案件：/);
    expect(readCaseMessage('你好')).toBeNull();
    expect(readCaseMessage('反映欠薪')).toBeNull();
    expect(readCaseMessage('老板欠我工资')).toBeNull();
    expect(readCaseMessage('钱还没拿到')).toBeNull();
    expect(readCaseMessage('钱拿到了吗')).toBeNull();
    expect(readCaseMessage('补充 QX20261201-0001')).toBeNull();
    // About the staff: a complaint, for the township's supervisor (test/cases/complaints.test.ts), never a note.
    expect(readCaseMessage('我要投诉你们网格员 一直不接电话')).toEqual({ kind: 'complaint', noAnswer: true, named: true });
  });
});

describe('group arrears need the same township and two people', () => {
  it('two unrelated 「陈老板」 in 东龙镇 and 马坪镇 are not a group; two people about 陈老板 in 东龙镇 are; one person twice is not', async () => {
    const a = await createWageCase(t.core, { employer: '陈老板', townshipId: 't01', gridId: 't01-g1', userKey: 'web:g1' });
    expect(await linkGroup(t.core, a)).toBeNull();
    const b = await createWageCase(t.core, { employer: '陈老板', townshipId: 't07', gridId: 't07-g1', userKey: 'web:g2' });
    expect(await linkGroup(t.core, b)).toBeNull();
    expect((await t.core.cases.get(b.id))!).toMatchObject({ groupId: null, priority: 'normal' });
    // The same person again in 东龙镇 (a correction sent as a new report): still alone.
    const a2 = await createWageCase(t.core, { employer: '陈老板', townshipId: 't01', gridId: 't01-g1', userKey: 'web:g1' });
    expect(await linkGroup(t.core, a2)).toBeNull();
    // Another person in 东龙镇: a group of the three 东龙镇 reports; 马坪镇's stays out.
    const c = await createWageCase(t.core, { employer: '陈老板', townshipId: 't01', gridId: 't01-g2', userKey: 'web:g3' });
    const groupId = await linkGroup(t.core, c);
    expect(groupId).toMatch(/^G[0-9a-f]{12}$/);
    for (const id of [a.id, a2.id, c.id]) expect((await t.core.cases.get(id))!).toMatchObject({ groupId, priority: 'high' });
    expect((await t.core.cases.get(b.id))!.groupId).toBeNull();
  });
});
