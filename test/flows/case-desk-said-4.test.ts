/*
 * A complaint about the staff said in the middle of a form (fourth probe):
 * `你们网格员根本不管事 我要投诉` or `打了好几次电话都没人接` typed partway
 * through a new wage report or the membership form is heard by the case
 * desk as at any other time (shown back; a yes makes it a `complaint` note
 * for the union over the place), and afterwards the person is brought back
 * to the question they were on, the form's answers kept. With no case
 * submitted, where to take it (12351), and the form kept too. The words are
 * never a form's answer; a form's answer typed instead of the yes is taken
 * as one, the complaint said not to have been passed on. Real Redis and
 * workers; the clock fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { submittedAndRouted } from '../support/reports.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ workers: true, clock });
});

const session = (user: string) => t.chat.sessions.load(user, clock.now());
const submitted = (user: string) => submittedAndRouted(t.core, t.chat, user, SUBMITTED_REPORT, SUBMITTED_REPORT[2]);
const notesOf = async (caseId: string) => (await t.core.cases.get(caseId))!.reporterNotes.map((n) => [n.kind, n.text]);

/** A second wage report started after the first, up to the question of where the work is. */
const secondReportToPlace = (user: string) =>
  converse(t.chat, user)
    .send('老板又欠我工资了')
    .expect(/要再反映另一件欠薪吗/)
    .sendAll('是，另一件', '同意')
    .send('青溪宏达建筑工程有限公司')
    .expect(/您在哪个镇或街道干活/);

/** The membership form up to the name question. */
const membershipToName = (user: string) => converse(t.chat, user).sendAll('我想入会', '同意', '同意').send('1').expect(/请输入您的姓名/);

describe('a complaint about the staff in the middle of a form', () => {
  it('partway through a new wage report: shown back, a yes passes it to the union, then the question again with the answers kept', async () => {
    const c = await submitted('web:m4c1');
    await secondReportToPlace('web:m4c1')
      .send('你们网格员根本不管事 我要投诉')
      .expect(/您要反映的意见：「你们网格员根本不管事 我要投诉」/)
      .expect(/把这条意见转给河西街道总工会的负责同志吗？/)
      .expect(/您正在填的内容都留着/)
      .expectNot(/您在哪个镇或街道干活|没找到/)
      .send('转给工会负责同志')
      .expect(/已转给河西街道总工会的负责同志/)
      .expect(/我们接着填「反映欠薪」/)
      .expect(/您在哪个镇或街道干活/)
      .send('东龙')
      .expect(/东龙镇的哪个村或社区/);
    expect(await notesOf(c.id)).toEqual([['complaint', '你们网格员根本不管事 我要投诉']]);
    const s = await session('web:m4c1');
    expect(s.flowId).toBe('wage');
    expect(s.answers).toMatchObject({ consent: true, employer: '青溪宏达建筑工程有限公司', location: { townshipId: 't01' } });
    expect(JSON.stringify(s.answers)).not.toContain('投诉');
  });

  it('nobody answering, in the membership form: where the case stands, 不用了 passes nothing, and the name is asked again', async () => {
    const c = await submitted('web:m4c2');
    await membershipToName('web:m4c2')
      .send('打了好几次电话都没人接')
      .expect(/很抱歉让您久等了/)
      .expect(new RegExp(`${c.caseNo}（反映欠薪，河西街道）`))
      .expect(/您要反映的意见：「打了好几次电话都没人接」/)
      .send('不用了')
      .expect(/好的，这条没有转。/)
      .expect(/我们接着填「加入工会」/)
      .expect(/请输入您的姓名/)
      .send('王芳')
      .expect(/身份证号/);
    expect(await notesOf(c.id)).toEqual([]);
    const s = await session('web:m4c2');
    expect(s.flowId).toBe('membership');
    expect(s.answers).toMatchObject({ consent: true, idConsent: true, name: '王芳' });
  });

  it('no case submitted: where to take it (12351), and the form kept where it was; never a name', async () => {
    await membershipToName('web:m4c3')
      .send('你们网格员根本不管事 我要投诉')
      .expect(/您现在没有在办的案件/)
      .expect(/12351/)
      .expect(/我们接着填「加入工会」/)
      .expect(/请输入您的姓名/);
    const s = await session('web:m4c3');
    expect(s.flowId).toBe('membership');
    expect(s.fieldId).toBe('name');
    expect(s.answers).not.toHaveProperty('name');
    expect(s.answers).toMatchObject({ consent: true, idConsent: true });
  });

  it('the form’s answer typed instead of the yes: taken as the answer, the complaint said not to be passed on, never added to it', async () => {
    const c = await submitted('web:m4c4');
    await secondReportToPlace('web:m4c4')
      .send('网格员态度太差了')
      .expect(/把这条意见转给河西街道总工会的负责同志吗？/)
      .send('东龙镇')
      .expect(/刚才那条没有转。/)
      .expect(/东龙镇的哪个村或社区/)
      .expectNot(/合在一起/);
    expect(await notesOf(c.id)).toEqual([]);
    expect((await session('web:m4c4')).answers).toMatchObject({ location: { townshipId: 't01' } });
  });

  it('at a yes/no question of the report: the complaint is no 是 or 不是, and the question comes back after it', async () => {
    const c = await submitted('web:m4c5');
    await secondReportToPlace('web:m4c5')
      .sendAll('东龙')
      .send('不清楚')
      .expect(/是工程建设项目吗/)
      .send('网格员一直不接电话')
      .expect(/您要反映的意见：「网格员一直不接电话」/)
      .send('好')
      .expect(/已转给河西街道总工会的负责同志/)
      .expect(/是工程建设项目吗/);
    expect(await notesOf(c.id)).toEqual([['complaint', '网格员一直不接电话']]);
    const s = await session('web:m4c5');
    expect(s.fieldId).toBe('construction');
    expect(s.answers).not.toHaveProperty('construction');
  });
});
