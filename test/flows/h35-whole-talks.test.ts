/*
 * Whole conversations (h35), as transcripts on real Redis:
 *  - A change asked mid-form with no new value (`不对，单位名字改一下`, `我想改金额`, `重新填金额`, `我想改名字`):
 *    that question asked again with what it holds; never 「改一下」 kept as the unit, nor the words refused as this
 *    question's answer (「白沙镇没有叫「我想改金额」的村」, 「手机号只能包含数字」). One not filled yet is said so.
 *  - `不对，刚才电话写错了` at 「手机号「…」。对吗？」: the phone asked again, without 「手机号只能包含数字」.
 *  - `你们是真人吗` mid-form: who answers, then the form.
 *  - A story told in one breath with `我们一起的还有七八个人都没拿到钱` in it: one wage report, never parted at
 *    还有 into a second message answered with advice on group arrears (the facts of the first half only kept).
 *  - Booking a phone consultation, `我想改电话` at the review: the phone number asked again, never 「现在就是电话咨询，
 *    不用改」 (`改成电话` still says so).
 *  - `等一下我问问老乡` at the unit's address: a pause (the draft kept), never the address left empty.
 *  - Joining the union: `要收费吗？` is the dues (never the wage report's price), `会不会被单位知道` is answered,
 *    and `没固定单位` at 「您现在是怎么工作的？」 is option 2, confirmed. `老板还欠我工资呢` mid-form is answered (the ways
 *    to get it, the report offered for when wanted), never 「答不上来」 nor 「没找到…这个镇或街道」.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const EMPLOYER_ASKED = /欠您工资的单位叫什么名字/;
const AMOUNT_ASKED = /您自己一共被拖欠了多少钱/;

describe('a change asked mid-form, with no new value', () => {
  it('「不对，单位名字改一下」 at the township question: the unit asked again, never 「改一下」 kept', async () => {
    const user = 'web:h35-unit';
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', '宏达建筑')
      .send('不对，单位名字改一下')
      .expect(EMPLOYER_ASKED)
      .expect(/之前填的是：宏达建筑/)
      .expectNot(/改一下」/)
      .send('好再来饭店')
      .expect(/您在哪个镇或街道干活/);
    expect((await session(user)).answers.employer).toBe('好再来饭店');
  });

  it('「我想改金额」 at the village question: the amount asked again, then the village', async () => {
    const user = 'web:h35-amount';
    await converse(t.chat, user)
      .sendAll('老板欠我工资三个月一共12000 我在白沙镇宏达电子厂上班 已经不干了', '同意', '对')
      .send('我想改金额')
      .expect(AMOUNT_ASKED)
      .expectNot(/没有叫「我想改金额」/)
      .send('15000')
      .expect(/哪个村或社区/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 15000 });
  });

  // Guard: already worked (the amount was the last answer); must stay.
  it('「金额写错了」 at the headcount question: the amount asked again', async () => {
    const user = 'web:h35-amount-wrong';
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', '宏达建筑', '东龙镇', '东龙社区', '不是', '三个月', '8000')
      .send('金额写错了')
      .expect(AMOUNT_ASKED)
      .expect(/之前填的是：8,000元/)
      .send('9000')
      .expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 9000 });
  });

  it('「重新填金额」 at the headcount question: the amount asked again, never read as the headcount', async () => {
    const user = 'web:h35-amount-again';
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', '宏达建筑', '东龙镇', '东龙社区', '不是', '三个月', '8000')
      .send('重新填金额')
      .expect(AMOUNT_ASKED)
      .expectNot(/没看明白有多少人/)
      .send('9000')
      .expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 9000 });
  });

  it('「我想改金额」 before the amount is asked: said to be not filled yet, and the question again', async () => {
    const user = 'web:h35-amount-early';
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', '宏达建筑', '东龙镇', '东龙社区')
      .send('我想改金额')
      .expect(/拖欠金额还没填/)
      .expect(/是工程建设项目吗/)
      .send('不是')
      .expect(/哪段时间/);
    const a = (await session(user)).answers;
    expect(a.employer).toBe('宏达建筑');
    expect(a.amount).toBeUndefined();
  });

  it('「我想改名字」 at joining\'s phone question: the name asked again, then the phone', async () => {
    const user = 'web:h35-name';
    await converse(t.chat, user)
      .sendAll('我要入会', '同意', '同意', '同意', '王芳', '450103198808083457')
      .send('我想改名字')
      .expect(/请输入您的姓名/)
      .expectNot(/手机号只能包含数字/)
      .send('王小芳')
      .expect(/您的手机号是多少/);
    expect((await session(user)).answers.name).toBe('王小芳');
  });

  it('「不对，刚才电话写错了」 at the phone waiting to be confirmed: the phone asked again, no error', async () => {
    const user = 'web:h35-phone';
    await converse(t.chat, user)
      .sendAll('我要入会', '同意', '同意', '同意', '张伟', '450103199001011234')
      .send('13800138000')
      .expect(/手机号「13800138000」。对吗/)
      .send('不对，刚才电话写错了')
      .expect(/您的手机号是多少/)
      .expectNot(/只能包含数字/);
    expect((await session(user)).answers.phone).toBeUndefined();
  });
});

describe('a question between the answers', () => {
  for (const said of ['你们是真人吗', '是不是机器人']) {
    it(`「${said}」 mid-form: who answers, and the question again`, async () => {
      await converse(t.chat, `web:h35-bot-${said}`)
        .sendAll('我要报欠薪', '同意', '宏达建筑')
        .send(said)
        .expect(/不是真人/)
        .expect(/您在哪个镇或街道干活/)
        .expectNot(/答不上来/);
    });
  }

  it('joining: 「要收费吗？」 is the dues, 「会不会被单位知道」 is answered', async () => {
    await converse(t.chat, 'web:h35-dues')
      .sendAll('我要入会', '同意', '同意', '同意', '李娜')
      .send('要收费吗？')
      .expect(/会费/)
      .expectNot(/反映欠薪/)
      .expect(/请输入您的18位身份证号码/)
      .send('会不会被单位知道')
      .expect(/审核您申请的工会工作人员能看到/)
      .expectNot(/答不上来/);
  });

  it('joining: 「没固定单位」 after the odd-jobs hint is option 2, confirmed', async () => {
    const user = 'web:h35-no-unit';
    await converse(t.chat, user)
      .sendAll('我要入会', '同意', '同意', '同意', '刘强', '450103197512034563', '15800001111', '打零工的')
      .send('没固定单位')
      .expect(/新就业形态劳动者」。对吗/)
      .send('对')
      .expectNot(/请回复1（单位职工）或2/);
    expect((await session(user)).answers.employment).toBe('new_form');
  });
});

describe('pay held back, told while joining', () => {
  it('「老板还欠我工资呢」 at the ID question, 「老板欠了我三个月工资」 at the unit\'s township: answered, the form goes on', async () => {
    const user = 'web:h35-owed';
    await converse(t.chat, user)
      .sendAll('我要入会', '同意', '同意', '同意', '周杰')
      .send('老板还欠我工资呢')
      .expect(/在这里登记/)
      .expect(/需要时回复「反映欠薪」/)
      .expect(/请输入您的18位身份证号码/)
      .expectNot(/答不上来/)
      .sendAll('450103199001011238', '13800138000', '单位职工', '宏达电子厂')
      .send('老板欠了我三个月工资')
      .expect(/需要时回复「反映欠薪」/)
      .expect(/「宏达电子厂」在哪个镇或街道/)
      .expectNot(/没找到/);
    const s = await session(user);
    expect(s.flowId).toBe('membership');
    expect(s.answers.workplace).toBeUndefined();
  });
});

describe('a pause where words are kept as typed', () => {
  it('「等一下我问问老乡」 at the unit\'s address: paused, and the address asked again after 「继续」', async () => {
    const user = 'web:h35-pause';
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '好的', '宏达电子厂', '东龙镇', '不清楚', '不是', '上个月开始', '5000', '就我一个')
      .send('还在干')
      .expect(/单位的地址在哪里/)
      .send('等一下我问问老乡')
      .expect(/先帮您保存着/)
      .expectNot(/什么工种/)
      .send('继续')
      .expect(/单位的地址在哪里/)
      .send('东龙镇工业园3号')
      .expect(/什么工种/);
    expect((await session(user)).answers.employerAddress).toBe('东龙镇工业园3号');
  });
});

describe('a story told in one breath', () => {
  it('「…还欠我两万八我们一起的还有七八个人都没拿到钱…」: the report begun, not advice on group arrears', async () => {
    const user = 'web:h35-story';
    await converse(t.chat, user)
      .send('那个我跟你说啊我在东龙镇那个工地上干活干了好几个月了老板一直说没钱没钱到现在还欠我两万八我们一起的还有七八个人都没拿到钱我现在已经不在那干了上个月就走了')
      .expect(/反映欠薪前，需要您同意/)
      .expectNot(/推选几个代表/)
      .send('同意')
      .expect(/东龙镇/)
      .expect(/已经离开/);
  });

  // Guard: 另外 still parts two requests.
  it('「老板欠我工资三千五 另外我还想入工会」: the report first, joining kept for after', async () => {
    await converse(t.chat, 'web:h35-also')
      .send('老板欠我工资三千五 另外我还想入工会')
      .expect(/「加入工会」等这件办完/)
      .send('同意')
      .expect(/3,500元/);
  });
});

describe('the review of a phone consultation', () => {
  const toReview = (user: string) =>
    converse(t.chat, user).sendAll('我想找律师', '同意', '欠薪', '还在干', '电话', '1', '1', '徐磊').send('13500135000').expect(/请核对您的预约/);

  it('「我想改电话」: the phone number asked again, then the review with the new one', async () => {
    const user = 'web:h35-phone-review';
    await toReview(user)
      .send('我想改电话')
      .expect(/您的手机号是多少/)
      .expectNot(/现在就是电话咨询/)
      .send('13500135001')
      .expect(/请核对您的预约/);
    expect((await session(user)).answers.phone).toBe('13500135001');
  });

  // Guard: the way to meet named, as it is already, is still said so.
  it('「改成电话」: the way to meet is that already', async () => {
    await toReview('web:h35-phone-mode').send('改成电话').expect(/现在就是电话咨询，不用改/);
  });
});
