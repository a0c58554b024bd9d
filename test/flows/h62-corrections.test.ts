/*
 * Corrections of earlier answers in workers' own words (helper h62), as transcripts on real Redis.
 *  - `改一下地址` at the headcount question of a wage report, no address asked yet (单位地址 and 项目地址 come later):
 *    said to be asked later, and the headcount asked again; never the amount (the last answer) asked again, and an
 *    address typed next never taken as the amount's answer.
 *  - `改一下地址` at the wage summary (both addresses skipped, 「未填写」): which one, from the list; never the phone's
 *    error (「手机号只能包含数字」: 「地址」 was read as a new phone number).
 *  - `地址填错了` at the name question: which one, from the list; never a contact called 「地址」 offered to confirm.
 *  - `改一下地址` at the legal-aid summary (no question called 地址): which one, never the phone's error.
 *  - `刚才名字填错了`, `我要改一下` right after an application to join, `电话写错了 是139…` right after a legal-aid
 *    booking: what was submitted is not changed here; how it can be (人工, 改约); never 「没太明白」.
 *  - guards: `金额写错了 应该是5000` at the name question changes the amount (never the name); `刚才金额填错了`
 *    after a wage report is offered to the case worker as a correction.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h62-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_HEADCOUNT = ['我要反映欠薪', '同意', '宏达建筑公司', '1', '2', '1', '青溪花园', '3个月', '8000'];
const TO_NAME = [...TO_HEADCOUNT, '就我一个', '1', '都跳过', '没有'];
const TO_WAGE_SUMMARY = [...TO_NAME, '张伟', '13800138000'];
const TO_LEGAL_NAME = ['我要找律师', '同意', '1', '1', '1', '1', '1', '4'];
const TO_LEGAL_SUMMARY = [...TO_LEGAL_NAME, '张伟', '13800138000'];
const TO_MEMBER_SUMMARY = ['我要入会', '同意', '1', '1', '张伟', '110101199001011237', '13800138000', '1', '宏达建筑公司', '1', '1'];

const PHONE_ERROR = /手机号只能包含数字/;
const WHICH = /哪一项要改/;

describe('an address named, no answer called that', () => {
  it('改一下地址 at the headcount question: the addresses come later; the headcount asked again, the amount kept', async () => {
    const user = someone('mid');
    await converse(t.chat, user)
      .sendAll(...TO_HEADCOUNT)
      .send('改一下地址')
      .expect(/单位地址、项目地址还没填，问到时再告诉我就行。/)
      .expect(/一共有多少人被拖欠/)
      .expectNot(/之前填的是：8,000元/)
      .send('就我一个')
      .expect(/您现在还在这家单位干吗/);
    const s = await session(user);
    expect(s.answers.amount).toEqual({ yuan: 8000, approx: false, upTo: null });
    expect(s.answers.headcount).toMatchObject({ count: 1 });
  });

  it('改一下地址 at the wage summary: which one, from the list (the skipped addresses in it); never the phone\'s error', async () => {
    const user = someone('summary');
    await converse(t.chat, user)
      .sendAll(...TO_WAGE_SUMMARY)
      .send('改一下地址')
      .expect(WHICH)
      .expect(/单位地址：未填写/)
      .expectNot(PHONE_ERROR)
      .send('10')
      .expect(/单位的地址在哪里/);
    expect((await session(user)).answers.phone).toBe('13800138000');
  });

  it('地址填错了 at the name question: which one; never a contact called 「地址」', async () => {
    const user = someone('at-name');
    await converse(t.chat, user)
      .sendAll(...TO_NAME)
      .send('地址填错了')
      .expect(WHICH)
      .expectNot(/联系人「地址」/);
    const s = await session(user);
    expect(s.answers.contactName).toBeUndefined();
    expect(s.pending).toBeNull();
  });

  it('改一下地址 at the legal-aid summary: which one; never the phone\'s error', async () => {
    const user = someone('legal-summary');
    await converse(t.chat, user).sendAll(...TO_LEGAL_SUMMARY).send('改一下地址').expect(WHICH).expect(/服务点：/).expectNot(PHONE_ERROR);
    expect((await session(user)).answers.phone).toBe('13800138000');
  });
});

describe('a change asked for after submitting', () => {
  it('刚才名字填错了, 我要改一下 after applying to join: not changed here, 人工 says how; never 「没太明白」', async () => {
    const user = someone('member');
    await converse(t.chat, user)
      .sendAll(...TO_MEMBER_SUMMARY)
      .send('1')
      .expect(/入会申请已提交/)
      .send('刚才名字填错了')
      .expect(/入会申请已经提交，提交后的内容在这里改不了。/)
      .expect(/回复「人工」/)
      .expectNot(/没太明白/)
      .send('我要改一下')
      .expect(/提交后的内容在这里改不了/)
      .expectNot(/没太明白/);
  });

  it('电话写错了 是13800138001 after a legal-aid booking: 人工 for the phone, 改约 for the time; never 「没太明白」', async () => {
    const user = someone('booked');
    await converse(t.chat, user)
      .sendAll(...TO_LEGAL_SUMMARY)
      .send('1')
      .expect(/预约成功/)
      .send('电话写错了 是13800138001')
      .expect(/预约已经提交，联系人和手机号在这里改不了。/)
      .expect(/回复「人工」/)
      .expect(/「改约」/)
      .expectNot(/没太明白/);
  });

  // guard: a wage report's correction goes to its case worker (flows/case-desk.ts), not to the new words above.
  it('刚才金额填错了 after a wage report: offered to the case worker as a correction', async () => {
    await converse(t.chat, someone('wage-after'))
      .sendAll(...TO_WAGE_SUMMARY)
      .send('1')
      .expect(/提交成功/)
      .send('刚才金额填错了')
      .expect(/原来的内容改不了，我可以把更正转给工作人员/)
      .expectNot(/没太明白/);
  });
});

// guard: the correction's words are never the answer to the question asked (the name).
it('金额写错了 应该是5000 at the name question: the amount changed, the name still asked', async () => {
  const user = someone('amount-at-name');
  await converse(t.chat, user)
    .sendAll(...TO_NAME)
    .send('金额写错了 应该是5000')
    .expect(/拖欠金额已改为「5,000元」/)
    .expect(/怎么称呼您/);
  const s = await session(user);
  expect(s.answers.amount).toEqual({ yuan: 5000, approx: false, upTo: null });
  expect(s.answers.contactName).toBeUndefined();
});
