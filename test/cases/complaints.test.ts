/*
 * After submitting, a complaint about the staff themselves
 * (`我要投诉你们网格员`, `打了好几次电话都没人接`) is shown back and, after a
 * yes, kept on the case as a `complaint` note for the union over the place
 * (the township's supervisor on duty; the district's when the supervisor
 * holds the case), never for the assignee: the assignee's notices and
 * staff view leave it out, supervisors' show it. Nobody answering comes
 * with where the case stands. With no case: where to complain, no wage
 * report offered. Words about the boss or a question (`我要投诉老板`,
 * `投诉欠薪`, `网格员刚给我打电话了`, `网格员怎么联系`) stay what they were.
 * Also: a worker threatening someone is a `threat` note; with two cases
 * open, the case is picked by its number, case number, employer or
 * `第二个`; and a note waiting when the desk answers something else is said
 * not to have been passed on, over HTTP too. Real Redis, the routing and
 * outbound workers, the real HTTP app; the clock fixed at Tuesday
 * 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { addReporterNote, forgetReporter, staffCaseText, type Case } from '../../core/cases/index.js';
import { stillWanted } from '../../core/cases/queue.js';
import { detailText } from '../../core/cases/work.js';
import { manualClock } from '../../core/infra/clock.js';
import { unseal } from '../../core/infra/privacy.js';
import { renderText } from '../../core/infra/replies.js';
import { readCaseMessage, whichCase } from '../../flows/case-desk.js';
import { createWageCase } from '../support/cases.js';
import { converse } from '../support/converse.js';
import { eventually } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';
import { routeTo, startStaffApi } from '../staff/support.js';
import { staffNotices as notices, submittedAndRouted } from '../support/reports.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const api = useFixture(() => {
  clock.set(NOW);
  return startStaffApi({ workers: true, clock });
});
const chat = () => api.t.chat;

/** The probe's P: a report about 好再来饭店 in 河西街道 (t08), submitted. */
const P = [...SUBMITTED_REPORT];
/** 河西街道's supervisor, and the district's. */
const HEXI_SUP = 'sup-t08';
const DISTRICT_SUPS = ['dsup-1', 'dsup-2'];

const submitted = (user: string, steps = P, employer = steps[2]) => submittedAndRouted(api.core, chat(), user, steps, employer);

const staffNotices = (staffId: string) => notices(api.core, staffId);

const say = async (user: string, text: string) => (await chat().handle(user, { kind: 'text', text })).map(renderText).join('\n');

describe('reading a complaint about the staff', () => {
  it('complaints, with whether nobody answers and whether the staff are named', () => {
    for (const m of ['我要投诉你们网格员', '你们网格员态度太差了', '对网格员很不满意', '网格员收了老板的钱', '网格员给我打电话了，但是态度很差', '我要投诉你们'])
      expect(readCaseMessage(m), m).toEqual({ kind: 'complaint', noAnswer: false, named: true });
    for (const m of ['网格员一直不接电话', '工作人员不管事', '我要投诉你们网格员 一直不接电话', '你们网格员是不是不接电话啊', '网格员给我打过电话，后来就一直不接了'])
      expect(readCaseMessage(m), m).toEqual({ kind: 'complaint', noAnswer: true, named: true });
    for (const m of ['打了好几次电话都没人接', '说好一天内联系我 到现在都没人理', '没人联系我'])
      expect(readCaseMessage(m), m).toEqual({ kind: 'complaint', noAnswer: true, named: false });
  });

  it('the boss, a question, pressing, or good news about the staff are no complaint', () => {
    for (const m of ['我要投诉老板', '我要投诉单位', '投诉欠薪', '网格员刚给我打电话了', '网格员说老板不管', '网格员不管工伤吗', '公司没人接电话', '网格员打电话来了 我没接到', '工作人员已经联系我了 谢谢', '网格员人挺好的 就是老板不给钱'])
      expect(readCaseMessage(m)?.kind, m).not.toBe('complaint');
    // Pressing and asking stay the progress view.
    for (const m of ['有人管吗', '有没有人管', '你们到底管不管', '怎么一直没人接', '网格员什么时候联系我']) expect(readCaseMessage(m), m).toEqual({ kind: 'progress', staffPhone: false });
    expect(readCaseMessage('怎么还没人联系我')).toBeNull();
    expect(readCaseMessage('网格员怎么联系')).toEqual({ kind: 'progress', staffPhone: true });
    // The boss not answering is news about the boss, as before.
    expect(readCaseMessage('老板电话打了好几次都没人接')).toEqual({ kind: 'note', note: 'correction' });
    expect(readCaseMessage('我不想投诉了')).toEqual({ kind: 'note', note: 'withdraw' });
  });
});

describe('a complaint with a case open', () => {
  it('is shown back and, after a yes, goes to 河西街道总工会’s supervisor as a complaint note, never to the assignee', async () => {
    const c = await submitted('web:c1');
    const assignee = c.assignee!.staffId;
    expect(assignee).not.toBe(HEXI_SUP);
    await converse(chat(), 'web:c1')
      .send('我要投诉你们网格员')
      .expect(/很抱歉让您有这样的感受/)
      .expect(/您要反映的意见：「我要投诉你们网格员」/)
      .expect(/把这条意见转给河西街道总工会的负责同志吗？（只给工会的负责同志看，不会发给负责您案件的工作人员）/)
      .expectNot(/工格员是工会|登记欠薪|反映欠薪前/)
      .send('好')
      .expect(/^已转给河西街道总工会的负责同志，他们会尽快联系您。您的案件照常办理。有急事也可以打职工服务热线12351。$/);
    const after = (await api.core.cases.get(c.id))!;
    expect(after.reporterNotes).toMatchObject([{ kind: 'complaint', urgent: false, text: '我要投诉你们网格员' }]);
    expect(after.history.at(-1)!.note).toBe('您反映了对工作人员的意见：我要投诉你们网格员');
    expect(after.status).toBe(c.status);
    const notice = await eventually(async () => {
      const all = await staffNotices(HEXI_SUP);
      return all.includes('【当事人投诉】') ? all : null;
    }, 8000, "the supervisor's notice");
    expect(notice).toContain(`【当事人投诉】案件 ${c.caseNo} 的报告人对工作人员有意见：「我要投诉你们网格员」`);
    expect(notice).toMatch(/案件负责人：河西街道第\S+网格 \S+；状态：/);
    // The supervisor calls back: the number whole.
    expect(notice).toContain('本人电话：13700001111');
    expect(notice).toContain('请核实情况，并尽快打电话联系本人；这条意见没有发给案件负责人。');
    // The assignee hears nothing of it, now or later.
    await new Promise((r) => setTimeout(r, 300));
    expect(await staffNotices(assignee)).not.toMatch(/投诉|意见/);
    // Their view of the case (as in an assignment notice) leaves it out; a supervisor's shows it.
    expect(staffCaseText(api.core.directory.index(), after, { phone: null, isAssignee: true })).not.toContain('投诉你们网格员');
    expect(staffCaseText(api.core.directory.index(), after, { phone: null, isAssignee: false })).toContain('当事人留言（12月1日 10:00，对工作人员有意见）：我要投诉你们网格员');
  });

  it('nobody answering: where the case stands comes first; a phone in the words is masked and sealed', async () => {
    const c = await submitted('web:c2');
    const { text } = await converse(chat(), 'web:c2')
      .send('打了好几次电话都没人接 我的电话是138 1111 2222')
      .expect(/很抱歉让您久等了/)
      .expect(new RegExp(`您的案件现在办到这一步：\\n${c.caseNo}（反映欠薪，河西街道）`))
      .expect(/状态：已分派，等待工作人员接单/)
      .expect(/工作人员会在[^；]+前联系您；到时还没人接，系统会催办并改派给其他工作人员/)
      .expect(/您要反映的意见：「打了好几次电话都没人接 我的电话是138\*\*\*\*2222」/)
      .expectNot(/1111 ?2222/)
      .send('转给工会负责同志')
      .expect(/已转给河西街道总工会的负责同志/);
    expect(text).not.toMatch(/\d{1,2}个工作日内联系您/);
    const note = (await api.core.cases.get(c.id))!.reporterNotes[0]!;
    expect(note).toMatchObject({ kind: 'complaint', text: '打了好几次电话都没人接 我的电话是138****2222' });
    expect(note.phonesSealed.map((p) => unseal(api.core.config.DATA_KEY, p))).toEqual(['13811112222']);
    const notice = await eventually(async () => {
      const all = await staffNotices(HEXI_SUP);
      return all.includes('【当事人投诉】') ? all : null;
    }, 8000, "the supervisor's notice");
    expect(notice).toContain('留言里的电话：13811112222');
    // The assignee's WeChat detail view (查看 QX…) shows the numbers in recent notes whole: never a complaint's.
    const now = (await api.core.cases.get(c.id))!;
    const assignee = api.core.directory.index().staffById.get(now.assignee!.staffId)!;
    expect(detailText(api.core, assignee, now)).not.toContain('13811112222');
  });

  it('`说好一天内联系我 到现在都没人理` and `工作人员不管事`: the state too; 不用了 passes nothing on', async () => {
    const c = await submitted('web:c3');
    await converse(chat(), 'web:c3')
      .send('说好一天内联系我 到现在都没人理')
      .expect(/状态：已分派，等待工作人员接单/)
      .expect(/把这条意见转给河西街道总工会的负责同志吗/)
      .send('不用了')
      .expect(/好的，这条没有转。/)
      .send('工作人员不管事')
      .expect(/状态：已分派/)
      .expect(/您要反映的意见：「工作人员不管事」/);
    expect((await api.core.cases.get(c.id))!.reporterNotes).toEqual([]);
  });

  it('when the township supervisor holds the case, the complaint goes to the district’s supervisors', async () => {
    // 梅岗镇第二网格 has no grid workers: its cases go to the township supervisor, sup-t05.
    const c0 = await createWageCase(api.core, { userKey: 'web:c4', townshipId: 't05', gridId: 't05-g2', phone: '13900001111' });
    await api.core.cases.update(c0.id, 'test', (cur) => ({
      record: { ...cur, status: 'assigned', assignee: { staffId: 'sup-t05', level: 'township', assignedAt: NOW.toISOString(), onCall: false } },
      action: 'test',
      detail: '',
    }));
    await converse(chat(), 'web:c4').send('网格员态度太差了').expect(/转给青溪区总工会的负责同志吗/).send('转').expect(/已转给青溪区总工会的负责同志/);
    for (const id of DISTRICT_SUPS) await eventually(async () => (await staffNotices(id)).includes('【当事人投诉】') || null, 8000, `${id} told`);
    expect(await staffNotices('sup-t05')).not.toContain('【当事人投诉】');
  });

  it('more words while it waits go with it; a note for the case worker instead is said not to be passed on', async () => {
    const c = await submitted('web:c5');
    await converse(chat(), 'web:c5')
      .send('网格员态度太差了')
      .send('还挂我电话')
      .expect(/好的，跟刚才那条合在一起转/)
      .expect(/您要反映的意见：「网格员态度太差了；还挂我电话」/)
      .send('转')
      .expect(/已转给河西街道总工会/)
      .send('网格员一直不接电话')
      .send('说错了 金额应该是8000')
      .expect(/刚才那条没有转。/)
      .expect(/把这条消息转给负责您案件/);
    expect((await api.core.cases.get(c.id))!.reporterNotes.map((n) => [n.kind, n.text])).toEqual([['complaint', '网格员态度太差了；还挂我电话']]);
  });

  it('the same words about the boss, or a question, stay what they were', async () => {
    const c = await submitted('web:c6');
    await converse(chat(), 'web:c6').send('我要投诉老板').expect(/^您想反映什么事？工资被拖欠的，回复「反映欠薪」/);
    await converse(chat(), 'web:c6').send('投诉欠薪').expect(new RegExp(`您已经反映过（${c.caseNo}）`));
    await converse(chat(), 'web:c6').send('不是').send('网格员刚给我打电话了').expectNot(/意见|投诉|很抱歉/);
    await converse(chat(), 'web:c6')
      .send('网格员怎么联系')
      .expect(new RegExp(`${c.caseNo}（反映欠薪，河西街道）`))
      .expect(/工作人员会打您留的电话联系您，他们的电话不在这里公开；有急事可以打职工服务热线12351/)
      .expectNot(/意见/);
    expect((await api.core.cases.get(c.id))!.reporterNotes).toEqual([]);
  });

  it('删除我的信息 takes the words out of a complaint and its line in 进度', async () => {
    const c = await createWageCase(api.core, { userKey: 'web:c7' });
    await addReporterNote(api.core, c.id, 'web:c7', { kind: 'complaint', text: '网格员骂我 我电话13811112222' }, [HEXI_SUP]);
    await forgetReporter(api.core, 'web:c7', () => undefined);
    const after = (await api.core.cases.get(c.id))!;
    expect(after.reporterNotes).toMatchObject([{ kind: 'complaint', text: '（已删除）', phonesSealed: [] }]);
    expect(after.history.map((h) => h.note)).toContain('您反映了对工作人员的意见（内容已删除）');
    expect(JSON.stringify(after)).not.toMatch(/骂我|2222/);
  });

  it('a complaint’s notice lost on the way is sent again to the supervisor, never to the assignee', async () => {
    const c = await routeTo(api.core, await createWageCase(api.core, { userKey: 'web:c8' }), 'gw-001');
    const added = await addReporterNote(api.core, c.id, 'web:c8', { kind: 'complaint', text: '网格员不理我' }, ['sup-t01', 'gw-001']);
    expect(added.ok && added.paged).toBe(1);
    const after = (await api.core.cases.get(c.id))!;
    const job = (staffId: string) => ({ queue: 'outbound' as const, name: 'staff-reporter-note' as const, caseId: c.id, staffId, seq: 0, at: NOW });
    expect(stillWanted(after, job('sup-t01'))).toBe(true);
    expect(stillWanted(after, job('gw-001'))).toBe(false);
    // An alert paged while nobody held the case still reaches whoever was paged.
    const open = await createWageCase(api.core, { userKey: 'web:c9' });
    await addReporterNote(api.core, open.id, 'web:c9', { kind: 'threat', text: '我要杀了他' }, ['sup-t01']);
    expect(stillWanted((await api.core.cases.get(open.id))!, { ...job('sup-t01'), caseId: open.id })).toBe(true);
  });
});

describe('a complaint with no case open', () => {
  it('says where to complain, and offers no wage report', async () => {
    for (const m of ['我要投诉你们网格员', '工作人员不管事']) {
      const r = await say(`web:n-${m.length}`, m);
      expect(r, m).toBe('您现在没有在办的案件。有在办的案件时，对负责的工作人员有意见，可以直接在这里跟我说，我会转给当地工会的负责同志；现在想反映，可以打职工服务热线12351。');
    }
    // 我要投诉老板 with no case: as before.
    expect(await say('web:n-boss', '我要投诉老板')).toMatch(/^您想反映什么事？/);
  });
});

describe('the staff API: a complaint is for supervisors only', () => {
  it('the assignee’s view has neither the note nor its line in the history; the township’s and the district’s supervisors see it', async () => {
    const c = await routeTo(api.core, await createWageCase(api.core, { userKey: 'web:v1' }), 'gw-001');
    await addReporterNote(api.core, c.id, 'web:v1', { kind: 'correction', text: '老板其实姓李' });
    await addReporterNote(api.core, c.id, 'web:v1', { kind: 'complaint', text: '网格员态度太差了' }, ['sup-t01']);
    await addReporterNote(api.core, c.id, 'web:v1', { kind: 'paid', text: '钱拿到了' });
    const path = `/api/v1/staff/cases/${c.caseNo}`;
    const own = await api.req('GET', path, { token: await api.staff('gw-001') });
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toMatch(/态度太差|对工作人员的意见|complaint/);
    const notes = own.body.case.reporterNotes as { kind: string; hist: number; kindText: string }[];
    expect(notes.map((n) => n.kind)).toEqual(['correction', 'paid']);
    // Each note still points at its own line in the (shorter) history.
    const history = own.body.case.history as { note: string }[];
    expect(notes.map((n) => history[n.hist]!.note)).toEqual(['您给工作人员留言：老板其实姓李', '您给工作人员留言：钱拿到了']);
    expect(notes.map((n) => n.kindText)).toEqual(['更正或补充', '说工资已拿到']);
    // The list answers the same.
    const list = await api.req('GET', '/api/v1/staff/cases', { token: await api.staff('gw-001') });
    expect(JSON.stringify(list.body)).not.toContain('态度太差');
    for (const sup of ['sup-t01', 'dsup-1']) {
      const seen = await api.req('GET', path, { token: await api.staff(sup) });
      expect(seen.status, sup).toBe(200);
      const said = seen.body.case.reporterNotes as { kind: string; hist: number; kindText: string; text: string }[];
      expect(said.map((n) => n.kind), sup).toEqual(['correction', 'complaint', 'paid']);
      expect(said[1]).toMatchObject({ kindText: '投诉工作人员', text: '网格员态度太差了' });
      expect((seen.body.case.history as { note: string }[])[said[1]!.hist]!.note).toBe('您反映了对工作人员的意见：网格员态度太差了');
    }
  });
});

describe('threats are their own kind', () => {
  it('`我要跟他同归于尽` with a case open: an urgent `threat` note and the assignee’s notice says what it is; self-harm stays `safety`', async () => {
    const c = await submitted('web:t1');
    await converse(chat(), 'web:t1').send('我要跟他同归于尽').expect(/先冷静一下/).expect(/12356/).expect(/已经请负责的工作人员尽快打电话给您/);
    expect((await api.core.cases.get(c.id))!.reporterNotes).toMatchObject([{ kind: 'threat', urgent: true, text: '我要跟他同归于尽' }]);
    const notice = await eventually(async () => {
      const all = await staffNotices(c.assignee!.staffId);
      return all.includes('【紧急·当事人留言】') ? all : null;
    }, 8000, 'the urgent notice');
    expect(notice).toContain(`【紧急·当事人留言】案件 ${c.caseNo} 的报告人在对话中扬言要伤害他人，原话：「我要跟他同归于尽」`);
    expect(notice).toContain('本人电话：13700001111');
    expect(notice).toContain('请立即打电话联系本人，劝其冷静、不要做过激的事');
    // Self-harm after it is news of its own: a `safety` alert.
    await converse(chat(), 'web:t1').send('不想活了').expect(/我很担心您/);
    expect((await api.core.cases.get(c.id))!.reporterNotes.map((n) => n.kind)).toEqual(['threat', 'safety']);
    // The same threat again soon after: no second note.
    await converse(chat(), 'web:t1').send('我要杀了他').expect(/先冷静一下/);
    expect((await api.core.cases.get(c.id))!.reporterNotes).toHaveLength(2);
  });

  it('a threat on a case nobody holds pages the township supervisor, as a self-harm alert does', async () => {
    const c = await createWageCase(api.core, { userKey: 'web:t2', phone: '13800138000' });
    await converse(chat(), 'web:t2').send('再不给钱我就去砍了他').expect(/已经请镇（街道）工会的负责人马上打电话给您/);
    expect((await api.core.cases.get(c.id))!.reporterNotes).toMatchObject([{ kind: 'threat', urgent: true }]);
    const notice = await eventually(async () => {
      const all = await staffNotices('sup-t01');
      return all.includes('扬言要伤害他人') ? all : null;
    }, 8000, "the supervisor's notice");
    expect(notice).toContain('案件还没有分派，请您先联系本人。');
    expect(notice).toContain('本人电话：13800138000');
    // 回复 QX… works for the assignee only: a supervisor is not told to use it.
    expect(notice).not.toContain('回复 ');
  });
});

describe('two open cases: which one', () => {
  it('whichCase reads a number, the case number, the employer as filed and 第二个', () => {
    const open = [
      { caseNo: 'QX20261201-0001', wage: { employer: '好再来饭店' } },
      { caseNo: 'QX20261201-0002', wage: { employer: '青溪顺达物流' } },
    ] as Case[];
    const nos = open.map((o) => o.caseNo);
    const cases: [string, string | null][] = [
      ['2', nos[1]!], ['3', 'none'], ['4', null],
      ['第一个', nos[0]!], ['第二个', nos[1]!], ['第2件', nos[1]!], ['最后一个', nos[1]!], ['上面那个', nos[0]!],
      ['好再来那个', nos[0]!], ['好再来饭店', nos[0]!], ['顺达物流的吧', nos[1]!], ['对 好再来那个', nos[0]!], ['好的，第二个', nos[1]!],
      ['qx20261201-0002', nos[1]!], ['QX20261201 0001', nos[0]!], ['转给 QX20261201-0002（青溪顺达物流）', nos[1]!], ['0002', nos[1]!],
      // Nothing of either: more words, or a yes.
      ['老板姓李', null], ['好再来饭店的老板姓李', null], ['好', null], ['QX20261201-0009', null], ['第三个', null],
    ];
    for (const [m, want] of cases) expect(whichCase(m, nos, open), m).toBe(want);
    // A yes that happens to be part of an employer's name is still a yes.
    expect(whichCase('可以', nos, [open[0]!, { caseNo: nos[1]!, wage: { employer: '可以家政服务部' } } as Case])).toBeNull();
  });

  it('a note and a complaint go to the case picked by employer, case number or 第二个', async () => {
    const a = await submitted('web:w2');
    const steps = [P[0]!, '是，另一件', ...P.slice(1)];
    steps[3] = '青溪顺达物流';
    const b = await submitted('web:w2', steps, '青溪顺达物流');
    const open = await api.core.cases.listByUser('web:w2', 10);
    const first = open[0]!;
    const second = open[1]!;
    const [byName, other] = first.wage!.employer === '好再来饭店' ? [first, second] : [second, first];
    await converse(chat(), 'web:w2').send('说错了 老板其实姓李').expect(/转给负责您哪个案件的工作人员？/).send('好再来那个').expect(new RegExp(`已转给负责您案件 ${byName.caseNo} 的工作人员`));
    await converse(chat(), 'web:w2').send('说错了 老板其实姓王').send(other.caseNo.toLowerCase()).expect(new RegExp(`已转给负责您案件 ${other.caseNo} 的工作人员`));
    await converse(chat(), 'web:w2').send('老板其实叫张三').send('第二个').expect(new RegExp(`已转给负责您案件 ${second.caseNo} 的工作人员`));
    await converse(chat(), 'web:w2')
      .send('网格员态度太差了')
      .expect(/这条意见是关于哪个案件的？/)
      .send('好')
      .expect(/请回复序号，或者说是哪家单位的那件，选这条意见是关于哪个案件的。/)
      .send('顺达的')
      .expect(/已转给河西街道总工会的负责同志/);
    const notes = async (c: Case) => (await api.core.cases.get(c.id))!.reporterNotes.map((n) => `${n.kind}:${n.text}`);
    const mine = (c: Case) => (c.id === a.id ? a : b);
    expect(await notes(mine(byName))).toEqual(expect.arrayContaining(['correction:说错了 老板其实姓李']));
    expect(await notes(mine(other))).toEqual(expect.arrayContaining(['correction:说错了 老板其实姓王']));
    expect(await notes(mine(second))).toEqual(expect.arrayContaining(['correction:老板其实叫张三']));
    expect(await notes(b)).toContain('complaint:网格员态度太差了');
    expect(await notes(a)).not.toContain('complaint:网格员态度太差了');
  });
});

describe('a note waiting when the desk answers something else, over HTTP', () => {
  it('the reply through POST /api/v1/chat/messages says the first was not passed on, whoever answers, and a later yes passes nothing', async () => {
    const c = await submitted('web:h1');
    const token = api.user('h1');
    const send = async (text: string, clientMsgId: string) => {
      const r = await api.req('POST', '/api/v1/chat/messages', { token, json: { text, clientMsgId } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body.replies as { type: string; text?: string }[]).map((x) => x.text ?? '').join('\n');
    };
    expect(await send('说错了 金额应该是8000', 'h1a')).toMatch(/把这条消息转给/);
    const answered = await send('有人管吗', 'h1b');
    expect(answered).toMatch(/^刚才那条没有转。/);
    expect(answered).toContain(`${c.caseNo}（反映欠薪，河西街道）`);
    // The same message resent: the same replies, nothing done again.
    expect(await send('有人管吗', 'h1b')).toBe(answered);
    expect(await send('好', 'h1c')).not.toMatch(/已转给/);
    // A complaint instead of a yes: the same.
    expect(await send('老板其实姓王', 'h1d')).toMatch(/把这条消息转给/);
    const complained = await send('网格员态度太差了', 'h1e');
    expect(complained).toMatch(/^刚才那条没有转。/);
    expect(complained).toMatch(/您要反映的意见：「网格员态度太差了」/);
    expect((await api.core.cases.get(c.id))!.reporterNotes).toEqual([]);
    // A menu button (查询进度 sends 进度) or thanks instead, answered elsewhere: said so too, and nothing passed on.
    expect(await send('说错了 金额应该是9000', 'h1f')).toMatch(/把这条消息转给/);
    const menu = await send('进度', 'h1g');
    expect(menu).toMatch(/^刚才那条没有转。\n您最近的案件：/);
    expect(await send('说错了 金额应该是9000', 'h1h')).toMatch(/把这条消息转给/);
    expect(await send('谢谢', 'h1i')).toMatch(/^刚才那条没有转。\n不客气/);
    expect(await send('谢谢', 'h1j')).toMatch(/^不客气/);
    expect((await api.core.cases.get(c.id))!.reporterNotes).toEqual([]);
    // The history the web chat shows has it too.
    const h = await api.req('GET', '/api/v1/chat/history', { token });
    expect(JSON.stringify(h.body)).toContain('刚才那条没有转。');
  });
});
