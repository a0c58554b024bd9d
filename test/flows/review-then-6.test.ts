/*
 * 确认 with another request in the same message at the report's review (`确认 另外我想找律师`): the
 * report is submitted first — before, it was saved as a draft and the person, who had said 确认, had
 * no case (「进度」: 您这次填的还没有提交) — then the other service is offered by name, begun only
 * when they say so. A 确认 followed by anything else is handled as before (never submitted past a change).
 * Transcripts on the real chat service and real Redis; today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const cases = (user: string) => t.core.cases.listByUser(user, 20);
/** The report of the probes' P (好再来饭店, 河西街道), at its review. */
const toReview = (user: string) => converse(t.chat, user).sendAll(...SUBMITTED_REPORT.slice(0, -1)).expect(/请核对/);

describe('确认 and another request at the review', () => {
  it('「确认 另外我想找律师」: submitted, then the booking offered; 好的 begins it, linked to the case', async () => {
    await toReview('web:rt1')
      .send('确认 另外我想找律师')
      .expect(/提交成功！您的案件编号是 QX\d{8}-\d{4}/)
      .expect(/您刚才还说要办「预约法律援助」，现在就开始吗？/)
      .expectNot(/已保存，以后回复/);
    const [c] = await cases('web:rt1');
    expect(c).toMatchObject({ kind: 'wage_arrears', wage: { employer: '好再来饭店' } });
    await converse(t.chat, 'web:rt1').send('好的').expect(new RegExp(`为您的案件 ${c!.caseNo}`)).expect(/预约法律援助前，需要您同意/);
  });

  it('「对 然后我还想入会」: submitted, joining offered; 不用了 leaves it, and 进度 shows the case', async () => {
    await toReview('web:rt2').send('对 然后我还想入会').expect(/提交成功/).expect(/您刚才还说要办「加入工会」/).send('不用了').expect(/有需要随时找我/);
    const [c] = await cases('web:rt2');
    await converse(t.chat, 'web:rt2').send('进度').expect(new RegExp(c!.caseNo)).expectNot(/还没有提交/);
  });

  it('a 确认 followed by a change is not a submit: 「确认 另外电话写错了」 submits nothing', async () => {
    await toReview('web:rt3').send('确认 另外电话写错了').expectNot(/提交成功/);
    expect(await cases('web:rt3')).toHaveLength(0);
  });

  it('a plain 确认 and a request alone are as before', async () => {
    await toReview('web:rt4').send('确认').expect(/提交成功/).expectNot(/您刚才还说要办/);
    await toReview('web:rt5').send('我想找律师').expect(/「反映欠薪」已保存/).expectNot(/提交成功/);
    expect(await cases('web:rt5')).toHaveLength(0);
  });
});
