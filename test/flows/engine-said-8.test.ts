/*
 * The engine, eighth part, as transcripts on the real chat service and real Redis:
 *  - a "change" to the value already given (`名字错了 叫张伟` when the name is 张伟): no 「已改为」; said it is
 *    that already, and asked what is wrong with it; the new answer then taken like any change.
 *  - `我没有手机 用我老婆的行吗` at the phone question: yes (a number that reaches them), the question again.
 *  - `继续` at the 人工 prompt goes on with the form (no ticket); at a question it is no answer.
 *  - `不填了` at a question that cannot be skipped: the stop question, never 「这一项不能跳过」.
 *  - `菜单` at a 「…对吗？」: what waited is kept with the draft, confirmed when its question comes.
 *  - `我在东莞上班` at the membership work question: only this area is served, said; never 单位职工.
 *  - `1` at a confirmation shown with its own numbered options (raised at the township list): that option.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { consented, withCheck } from '../membership/support.js';

const NOW = '2026-12-01T10:00:00+08:00';
let clock = manualClock(NOW);
const t = useFixture(() => {
  clock = manualClock(NOW);
  return startTestCore({ clock });
});

const session = (user: string) => t.chat.sessions.load(user, clock.now());

const ID = withCheck('45030219900101123');
const TOWNSHIP_Q = /您在哪个镇或街道干活？/;
/** A wage report up to the township question. */
const toTownship = (user: string) => converse(t.chat, user).sendAll('老板欠我工资', '同意').send('好再来饭店').expect(TOWNSHIP_Q);

describe('a change to the same value is no change', () => {
  it('`名字错了 叫张伟` at the summary when the name is 张伟: said so and asked; 张玮 then is taken', async () => {
    await consented(t.chat, 'web:e8a1')
      .send('张伟')
      .send(ID)
      .send('13912345678')
      .send('2')
      .send('快递员')
      .send('顺丰')
      .send('1')
      .send('1')
      .send('东龙镇')
      .expect(/请核对您的入会申请/)
      .send('名字错了 叫张伟')
      .expectNot(/已改为/)
      .expect(/姓名现在填的就是「张伟」。是哪里不对？请把正确的写法告诉我。/)
      .expect(/请输入您的姓名/)
      .send('张玮')
      .expect(/1\. 姓名：张玮/);
    expect((await session('web:e8a1')).answers).toMatchObject({ name: '张玮' });
  });
});

describe('asked about the question itself', () => {
  it('`我没有手机 用我老婆的行吗` at the phone question: yes, a number that reaches them; then the question', async () => {
    await consented(t.chat, 'web:e8b1')
      .send('张伟')
      .send(ID)
      .expect(/手机号是多少/)
      .send('我没有手机 用我老婆的行吗')
      .expectNot(/答不上来/)
      .expect(/可以。自己没有手机的话，留家人或工友的手机号也行，只要打这个号码能找到您。/)
      .expect(/您的手机号是多少？/)
      .send('13912345678')
      .expect(/怎么工作/);
  });

  it('`老板的电话行吗` is no yes', async () => {
    await consented(t.chat, 'web:e8b2').send('张伟').send(ID).send('老板的电话行吗').expectNot(/可以。自己没有手机/);
  });

  it('`我在东莞上班` at the work question: only this area is served, said; never 单位职工', async () => {
    await consented(t.chat, 'web:e8b3')
      .send('张伟')
      .send(ID)
      .send('13912345678')
      .expect(/怎么工作/)
      .send('我在东莞上班')
      .expect(/这里只能办理.*的入会。在东莞的单位上班的/)
      .expect(/您现在是怎么工作的？/)
      .expectNot(/哪家单位/);
    expect((await session('web:e8b3')).answers).not.toHaveProperty('employment');
  });
});

describe('`继续` goes on with the form', () => {
  it('at the 人工 prompt: no ticket, the question again', async () => {
    await toTownship('web:e8c1')
      .send('人工')
      .expect(/请用一两句话说说您遇到的问题/)
      .send('继续')
      .expectNot(/求助编号/)
      .expect(/先不转人工了/)
      .expect(/我们接着填「反映欠薪」/)
      .expect(TOWNSHIP_Q);
  });

  it('at a question: never its answer', async () => {
    await toTownship('web:e8c2').send('继续').expectNot(/没找到/).expect(/好的，我们接着填「反映欠薪」/).expect(TOWNSHIP_Q).send('河西街道').expect(/哪个村或社区/);
  });
});

describe('stopping and leaving', () => {
  it('`不填了` at a question that cannot be skipped: the stop question', async () => {
    await toTownship('web:e8d1').send('不填了').expectNot(/不能跳过/).expect(/要先停在这里吗？/);
  });

  it('`菜单` at a 「…对吗？」: what waited is kept with the draft, unconfirmed (never an answer)', async () => {
    await toTownship('web:e8d2').send('欠了8000块').expect(/拖欠金额「8,000元」。对吗？/).send('菜单').expect(/已保存/);
    const s = await session('web:e8d2');
    expect(s.draft?.later).toMatchObject({ amount: expect.anything() });
    expect(s.draft?.answers).not.toHaveProperty('amount');
  });
});

describe('a number at a confirmation shown with its own options', () => {
  it('`1` at 「拖欠金额…对吗？」 raised at the township list is 对', async () => {
    await toTownship('web:e8e1').send('欠了8000块').expect(/拖欠金额「8,000元」。对吗？\n1\. 对\n2\. 不对/).send('1').expectNot(/是选上面问题/).expect(TOWNSHIP_Q);
    const s = await session('web:e8e1');
    expect(s.answers).toHaveProperty('amount');
    expect(s.answers).not.toHaveProperty('location');
  });
});
