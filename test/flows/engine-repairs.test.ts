/*
 * Repairs in the conversation engine, as transcripts on real Redis:
 *  - a correction typed at a question before the flow is complete never opens
 *    the summary, and 好的 / 对 / 确认 after it never submits half an
 *    application (it threw a ZodError and the person was stuck until 取消);
 *    the summary and 确认 re-check that every question is answered;
 *  - 返回 shows an earlier answer as the person read it (同意, the option
 *    picked), never a stored value such as `true` or a timestamp;
 *  - a "我理解的是…对吗？" confirmation counts its own misses, not the
 *    failed answers of the question before it.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** Joining the union up to the question how they work: consents, declaration, name, ID number, phone. */
function toEmployment(user: string) {
  return converse(t.chat, user)
    .sendAll('入会', '1', '1', '1', '孙大海', '410526198803151237')
    .send('13600000003')
    .expect(/您现在是怎么工作的？/);
}

/** A legal-aid booking up to the way to meet (the matter: unpaid wages; still working there). */
function toMode(user: string) {
  return converse(t.chat, user).sendAll('预约律师', '同意', '欠薪').send('还在干').expect(/您想怎么咨询？/);
}

/** Nothing submitted and no summary shown. */
const NO_SUMMARY = /请核对|确认提交|提交成功|申请已提交/;

describe('a correction before the flow is complete', () => {
  it('membership: 不对，刚才电话写错了 at the next question asks the phone again; 好的 does not submit, and the flow goes on', async () => {
    await toEmployment('web:e1')
      .send('不对，刚才电话写错了')
      .expect(/^您的手机号是多少？/)
      .expect(/（之前填的是：13600000003）/)
      .expectNot(NO_SUMMARY)
      .expectNot(/回复「改」加序号/)
      .send('好的')
      .expectNot(NO_SUMMARY)
      .expect(/您的手机号是多少？/)
      .send('13600000004')
      // On to the question that was open.
      .expect(/您现在是怎么工作的？/);
    const s = await session('web:e1');
    expect(s.mode).toBe('ask');
    expect(s.answers).toMatchObject({ phone: '13600000004' });
    expect(s.answers).not.toHaveProperty('employment');
  });

  it('membership: 不对，是宏发电子厂 after 单位职工 is the unit asked for; 确认 then submits nothing', async () => {
    await toEmployment('web:e2')
      .send('单位职工')
      .expect(/您在哪家单位工作？/)
      .send('不对，是宏发电子厂')
      .expect(/「宏发电子厂」在哪个镇或街道？/)
      .expectNot(NO_SUMMARY)
      .send('确认')
      .expectNot(NO_SUMMARY);
    const s = await session('web:e2');
    expect(s.mode).toBe('ask');
    expect(s.fieldId).toBe('workplace');
    expect(s.answers).toMatchObject({ employment: 'employee', employer: { name: '宏发电子厂', employerId: null } });
  });

  it('membership: a correction naming two answers lists them with numbers and 不用改; 确认 goes on with the open question, a number changes that one', async () => {
    await toEmployment('web:e3')
      .send('不对，电话和名字都写错了')
      .expect(/哪一项要改？/)
      .expect(/1\. 姓名：孙大海/)
      .expect(/3\. 手机号：13600000003/)
      .expect(/4\. 不用改，接着填/)
      .expectNot(NO_SUMMARY)
      .send('确认')
      .expectNot(NO_SUMMARY)
      .expect(/您现在是怎么工作的？/);
    expect((await session('web:e3')).mode).toBe('ask');

    await toEmployment('web:e4')
      .send('不对，电话和名字都写错了')
      .send('1')
      .expect(/请输入您的姓名/)
      .expect(/（之前填的是：孙大海）/)
      .send('孙小海')
      .expect(/您现在是怎么工作的？/);
    expect((await session('web:e4')).answers).toMatchObject({ name: '孙小海' });
  });

  it('legal aid: 不对，刚才写错了 at the township asks the way to meet again; 好的 books nothing, and the township follows', async () => {
    await toMode('web:e5')
      .send('电话')
      .expect(/您在哪个镇或街道？/)
      .send('不对，刚才写错了')
      .expect(/^您想怎么咨询？/)
      .expect(/（之前填的是：电话咨询）/)
      .expectNot(NO_SUMMARY)
      .send('好的')
      .expectNot(NO_SUMMARY)
      .send('视频')
      .expect(/您在哪个镇或街道？/);
    const s = await session('web:e5');
    expect(s.mode).toBe('ask');
    expect(s.answers).toMatchObject({ mode: 'video' });
  });

  it('legal aid: 改一下，我要电话的 then 确认 neither shows 请核对您的预约 nor books', async () => {
    await toMode('web:e6').send('改一下，我要电话的').expectNot(NO_SUMMARY).send('确认').expectNot(NO_SUMMARY);
    const s = await session('web:e6');
    expect(s.flowId).toBe('legal');
    expect(s.mode).toBe('ask');
    expect(s.answers).not.toHaveProperty('slot');
  });

  it('a summary left open with questions unanswered (e.g. saved by an older release): 确认 asks the next question instead of submitting', async () => {
    await toEmployment('web:e7');
    const saved = await session('web:e7');
    await t.chat.sessions.save({ ...saved, mode: 'review', fieldId: null, options: [{ label: '确认提交', value: '确认' }] });
    await converse(t.chat, 'web:e7').send('确认').expectNot(NO_SUMMARY).expect(/您现在是怎么工作的？/);
    const s = await session('web:e7');
    expect(s.flowId).toBe('membership');
    expect(s.mode).toBe('ask');
    expect(s.fieldId).toBe('employment');
  });

  it('at a complete summary, a number picked from the list of 哪一项要改 changes that answer, never submits', async () => {
    await converse(t.chat, 'web:e8')
      .sendAll('反映欠薪', '同意', '宏达建筑', '东龙', '不清楚', '不是', '两个月', '两万', '就我一个', '还在干', '都跳过', '没有', '张三')
      .send('13800138000')
      .expect(/请核对/)
      .send('好像不对')
      .expect(/哪一项要改/)
      .send('1')
      .expectNot(/提交成功/)
      .expect(/单位叫什么名字/)
      .expect(/（之前填的是：宏达建筑）/);
  });
});

describe('返回 shows the earlier answer as it was read', () => {
  it('the declaration: the option picked, never the time it was confirmed', async () => {
    await converse(t.chat, 'web:b1')
      .sendAll('入会', '1', '1', '1')
      .send('返回')
      .expect(/您确认以上声明吗？/)
      .expect(/（之前填的是：确认，自愿加入）/)
      .expectNot(/\d{4}-\d\d-\d\dT/);
  });

  it('a consent: 同意, never true', async () => {
    await converse(t.chat, 'web:b2')
      .sendAll('预约律师', '同意')
      .send('返回')
      .expect(/您同意吗？/)
      .expect(/（之前填的是：同意）/)
      .expectNot(/true/);
  });
});

describe('a confirmation counts its own misses', () => {
  it('two failed answers before 「我理解的是…对吗？」 do not make one off-topic reply drop what waits', async () => {
    await converse(t.chat, 'web:m1')
      .sendAll('预约律师', '同意', '欠薪')
      .send('上个月走了')
      .send('检察官')
      .send('视频')
      .expect(/我理解的是：方式「视频咨询」。对吗？/)
      .send('下午三点')
      .expectNot(/这些先不记/)
      .expect(/请回复「对」或「不对」/)
      .send('对');
    expect((await session('web:m1')).answers).toMatchObject({ mode: 'video' });
  });

  it('never loops: asked again once, then said plainly with 人工; after a third reply that is neither, what waits is dropped, named', async () => {
    await converse(t.chat, 'web:m2')
      .sendAll('预约律师', '同意', '欠薪', '上个月走了', '检察官')
      .send('视频')
      .expect(/对吗？/)
      .send('下午三点')
      .expectNot(/先不记/)
      .expect(/请回复「对」或「不对」/)
      .send('蓝色')
      .expect(/我是想确认有没有记错/)
      .expect(/人工/)
      .expectNot(/先不记/)
      .send('绿色')
      .expect(/好的，方式先不记/)
      .expectNot(/请回复「对」或「不对」/);
    expect((await session('web:m2')).pending).toBeNull();
  });
});
