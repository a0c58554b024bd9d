/*
 * Joining the union in workers' own words (helper h81), start to finish and off the path, on Tuesday 1 December 2026
 * at 10:00 (a fixed clock):
 *  - `美团`, `北京朝阳` typed at the ID consent were offered as the name (「我理解的是：姓名「美团」」), and 对 / 确认
 *    stored them: the name question was never asked. A word typed at a gate is a name only with a common surname.
 *  - `身份证输错了` at the ID question (the number not kept yet) proposed 姓名「身份证」; now the number is asked again.
 *  - An ID number dictated with voice input's commas (`450302,19880305,1231`, in Chinese numerals too) was 「只能包含
 *    数字」; now read as the number (a wrong check digit is said as such). `1988年3月5号` there is told the number gives it.
 *  - `会不会让老板知道` while joining got the wage report's answer (「在这里反映欠薪…」); `要本人去吗` 「答不上来」.
 *  - `保姆能入吗` at the menu was 「答不上来」.
 *  - Right after the application went in, `要多久`, `能退吗` were 「答不上来」, and `入会要多久` offered to apply again.
 *  - In the middle of the form, `我入会成功了吗`, `我现在是会员了吗` were 「答不上来」; `会员证呢` said 「您还不是工会
 *    会员。回复「我要入会」…」 to someone applying.
 *  - `工地上干活` at 您做的是哪种工作 was not understood, twice alike; now 其他 with those words, for a yes.
 *  - `单位写错了` from a platform worker (who has no 工作单位) was read as the last answer's value (「没找到「单位」这个镇或
 *    街道」), or asked the ID number again as if it were wrong; now which answer to change, from the list.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';
import { withCheck, withWrongCheck } from '../membership/support.js';
import { membershipFlow } from '../../flows/membership.js';

const { t, clock, session } = chatOnClock('2026-12-01T10:00:00+08:00');

const ID = withCheck('45030219880305123');
/** Up to the ID consent. */
const TO_ID_CONSENT = ['我想加入工会', '同意'] as const;
/** Up to the name question. */
const TO_NAME = [...TO_ID_CONSENT, '同意', '确认'] as const;
/** Up to the ID question. */
const TO_ID = [...TO_NAME, '王芳'] as const;
/** Through to the summary: a 美团 rider (专送) living in 东龙镇. */
const TO_REVIEW = [...TO_ID, ID, '13800138000', '2', '3', '美团', '专送', '东龙镇', '对'] as const;
const UNKNOWN = /答不上来|没太明白/;
const ASK_NAME = /请输入您的姓名/;
const ASK_ID = /请输入您的18位身份证号码/;
const ASK_PHONE = /您的手机号是多少/;

const someone = (tag: string) => `web:h81-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('a word typed at the ID consent', () => {
  it.each(['美团', '北京朝阳'])('`%s`: never offered as the name; the name is asked when its turn comes', async (said) => {
    const user = someone('gate');
    await converse(t.chat, user)
      .sendAll(...TO_ID_CONSENT)
      .send(said)
      .expectNot(/姓名「/)
      .expect(/同意提供身份证号/)
      .sendAll('同意', '确认')
      .expect(ASK_NAME);
    expect((await session(user))?.answers.name).toBeUndefined();
  });

  // guard: a name with a common surname typed there is still proposed (and kept only on a yes).
  it('guard: `张 伟` there is proposed as 张伟', async () => {
    await converse(t.chat, someone('gate-name')).sendAll(...TO_ID_CONSENT).send('张 伟').expect(/我理解的是：姓名「张伟」。对吗？/);
  });
});

describe('the ID number said wrong, at its own question', () => {
  it.each(['身份证输错了', '身份证号输错了'])('`%s` after a number that did not check: the number asked again, no name proposed', async (said) => {
    const user = someone('id-wrong');
    await converse(t.chat, user)
      .sendAll(...TO_ID)
      .send(withWrongCheck('45030219880305123'))
      .expect(/校验码不对/)
      .send(said)
      .expect(ASK_ID)
      .expectNot(/姓名「/)
      .expectNot(/您是要改成/);
    expect((await session(user))?.answers.name).toBe('王芳');
  });
});

describe('a question named that this application has not', () => {
  it('`单位写错了` at the summary of a platform worker (no 工作单位): which one, from the list; never 「没找到「单位」」', async () => {
    await converse(t.chat, someone('no-unit'))
      .sendAll(...TO_REVIEW)
      .send('单位写错了')
      .expect(/哪一项要改？回复序号即可/)
      .expectNot(/没找到「单位」/);
  });

  it('`单位写错了` at the phone question: not the ID number asked again as if it were wrong', async () => {
    await converse(t.chat, someone('no-unit-yet'))
      .sendAll(...TO_ID, ID)
      .send('单位写错了')
      .expect(/哪一项要改/)
      .expectNot(/之前填的是：4503/);
  });

  // guard: an employee's own 单位 is asked again with what it holds.
  it('guard: `单位写错了` after the unit was given asks the unit again', async () => {
    await converse(t.chat, someone('unit'))
      .sendAll(...TO_ID, ID, '13800138000', '1', '青溪纺织')
      .send('单位写错了')
      .expect(/您在哪家单位工作/)
      .expect(/之前填的是：青溪纺织有限公司/);
  });
});

describe('an ID number dictated with commas', () => {
  it('`450302,19880305,1231` style: taken, the phone asked next', async () => {
    const user = someone('commas');
    const said = `${ID.slice(0, 6)},${ID.slice(6, 14)},${ID.slice(14)}`;
    await converse(t.chat, user).sendAll(...TO_ID).send(said).expect(ASK_PHONE).expectNot(/只能包含数字/);
    expect(membershipFlow.read((await session(user))!.answers).idNumber?.id).toBe(ID);
  });

  it('read out in Chinese numerals with commas: proposed for a yes', async () => {
    const spoken = [...ID].map((c) => '零一二三四五六七八九'[Number(c)] ?? c).join('');
    const said = `${spoken.slice(0, 6)}，${spoken.slice(6, 14)}，${spoken.slice(14)}`;
    await converse(t.chat, someone('spoken')).sendAll(...TO_ID).send(said).expect(/我理解的是：身份证号「4503\*{10}\d{3}[\dX]」。对吗？/);
  });

  it('a wrong check digit with commas: said as such (not 「只能包含数字」)', async () => {
    const bad = withWrongCheck('45030219880305123');
    await converse(t.chat, someone('commas-bad'))
      .sendAll(...TO_ID)
      .send(`${bad.slice(0, 6)}，${bad.slice(6, 14)}，${bad.slice(14)}`)
      .expect(/校验码不对/)
      .expectNot(/只能包含数字/);
  });

  it.each(['1988年3月5号', '88年3月5日出生的'])('`%s` (the birth date) at the ID question: the number gives it, asked for plainly', async (said) => {
    await converse(t.chat, someone('born')).sendAll(...TO_ID).send(said).expect(/出生年月会从身份证号里读出来/).expectNot(/只能包含数字/);
  });
});

describe('questions in the middle of joining', () => {
  it('`会不会让老板知道`: who sees the application to join, not the wage report’s answer', async () => {
    await converse(t.chat, someone('boss'))
      .send('我想加入工会')
      .send('会不会让老板知道')
      .expect(/入会的信息只有审核您申请的工会工作人员能看到/)
      .expectNot(/反映欠薪/)
      .expect(/加入工会后，您可以/);
  });

  it.each([
    ['at the consent', ['我想加入工会']],
    ['at the ID question', TO_ID],
  ])('`要本人去吗` %s: no need to go anywhere, the question again', async (_at, before) => {
    await converse(t.chat, someone('in-person'))
      .sendAll(...before)
      .send('要本人去吗')
      .expect(/不用跑。在这里填好提交就行/)
      .expect(/我们接着填「加入工会」/)
      .expectNot(UNKNOWN);
  });

  it('`入会要本人去吗` at the menu: answered, and joining offered', async () => {
    await converse(t.chat, someone('in-person-menu')).send('入会要本人去吗').expect(/不用跑/).expect(/要现在申请入会吗/);
  });

  it.each(['我入会成功了吗', '我现在是会员了吗'])('`%s` while filling in: not sent yet, the question again', async (said) => {
    await converse(t.chat, someone('status')).sendAll(...TO_ID).send(said).expect(/还没有提交/).expect(ASK_ID).expectNot(UNKNOWN);
  });

  it('`我入会成功了吗` with nothing sent here: no application yet', async () => {
    await converse(t.chat, someone('status-none')).send('我入会成功了吗').expect(/您还没有在这里提交过入会申请/).expectNot(UNKNOWN);
  });

  it('`会员证呢` while filling in: no card before the application is sent and approved; the question again', async () => {
    await converse(t.chat, someone('card'))
      .sendAll(...TO_ID)
      .send('会员证呢')
      .expect(/您的入会申请还没有提交，所以还没有会员卡/)
      .expectNot(/回复「我要入会」/)
      .expect(ASK_ID);
  });

  it('`会员证呢` with the form kept for later: the same, and 继续 to go on', async () => {
    await converse(t.chat, someone('card-later'))
      .sendAll(...TO_ID, '等会再填')
      .send('会员证呢')
      .expect(/您的入会申请还没有提交/)
      .expect(/回复「继续」就能接着填/)
      .expectNot(/回复「我要入会」/);
  });

  it('`工地上干活` at 您做的是哪种工作: 其他, with those words, proposed for a yes', async () => {
    const user = someone('site');
    await converse(t.chat, user)
      .sendAll(...TO_ID, ID, '13800138000', '2')
      .send('工地上干活')
      .expect(/我理解的是：职业「其他」、具体工作「工地上干活」。对吗？/)
      .send('对')
      .expect(/哪个平台/);
    expect((await session(user))?.answers.occupationOther).toBe('工地上干活');
  });
});

describe('asking before joining', () => {
  it.each(['保姆能入吗', '做保姆的能入吗'])('`%s`: who may join answered, and joining offered', async (said) => {
    await converse(t.chat, someone('who')).send(said).expect(/家政人员，都可以加入工会/).expect(/要现在申请入会吗/).expectNot(UNKNOWN);
  });
});

describe('right after the application went in', () => {
  it('`要多久`: how long the review takes, and where to see it; never asked to apply again', async () => {
    await converse(t.chat, someone('wait'))
      .sendAll(...TO_REVIEW, '确认')
      .expect(/入会申请已提交/)
      .send('要多久')
      .expect(/一般1个工作日内审核完/)
      .expect(/回复「进度」可以查看办理情况/)
      .expectNot(/要现在申请入会吗/)
      .send('入会要多久')
      .expect(/一般1个工作日内审核完/)
      .expectNot(/要现在申请入会吗/);
  });

  it('`能退吗`: leaving the union answered', async () => {
    await converse(t.chat, someone('leave')).sendAll(...TO_REVIEW, '确认').send('能退吗').expect(/会员也有退会的自由/).expectNot(UNKNOWN);
  });

  // guard: the reading is for right after the submission only (hours later `要多久` could be about anything).
  it('guard: `要多久` hours later is read as before, not as joining', async () => {
    const user = someone('wait-later');
    await converse(t.chat, user).sendAll(...TO_REVIEW, '确认').expect(/入会申请已提交/);
    clock.advance(5 * 60 * 60_000);
    await converse(t.chat, user).send('要多久').expectNot(/一般1个工作日内审核完/);
  });
});
