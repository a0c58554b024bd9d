/*
 * Questions workers ask, and what a first message starts (h60), as transcripts on real Redis. Today is Tuesday
 * 1 December 2026, 10:00 (a fixed clock).
 *  - `律师怎么样`, `你们的律师是哪来的`, `律师是哪里的`, `检察官怎么样` at the menu: who the union's lawyers (procurators)
 *    are, then a booking offered, as `律师靠谱吗` (they were the booking's consent at once).
 *  - `老板欠我工资 加班费算不算` as a first message: the report begun, the question answered at the amount question
 *    (it was the overtime rates, the report only offered); `我要反映欠薪 加班费算不算` no longer gives the rates first.
 *  - `11月20号摔伤了 老板也欠我工资`: the report begun, the injury and its day kept, offered once it is submitted and
 *    confirmed in the booking (they were dropped without a word).
 *  - `微信绑定的那个` at the phone question: the bot cannot see that number, and asks for it typed (it was the reply for
 *    having no phone: a family member's number).
 *  - `能匿名吗` while joining: joining's answer (who sees the application), not the wage report's.
 *  - `会不会被老板知道`, `能匿名吗`, `要多久` while booking legal aid: a short true answer and the question again (they
 *    were the wage report's anonymity answer with the report offered, and 「答不上来」).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const LEGAL_CONSENT = /预约法律援助前，需要您同意我们收集一些信息/;
const WAGE_CONSENT = /反映欠薪前，需要您同意我们收集一些信息/;
const AFTER_CONSENT = ['好再来饭店', '河西街道', '不清楚', '不是'];
const AMOUNT_ASK = /您自己一共被拖欠了多少钱？/;

describe('what the union lawyer is, asked at the menu', () => {
  it.each(['律师怎么样', '你们的律师是哪来的', '律师是哪里的', '工会律师咋样'])('%s: who the lawyers are, then a booking offered', async (said) => {
    await converse(t.chat, `web:h60-law-${said}`)
      .send(said)
      .expect(/工会律师是工会为职工安排的律师/)
      .expect(/要帮您预约工会律师吗？/)
      .expectNot(LEGAL_CONSENT);
  });

  it('检察官怎么样: what 检察官面对面 is, then a booking offered', async () => {
    await converse(t.chat, 'web:h60-proc').send('检察官怎么样').expect(/检察官面对面，是和检察院的检察官当面谈您的情况/).expectNot(LEGAL_CONSENT);
  });

  // guard: a wish for a lawyer still books at once.
  it.each(['我想找律师', '预约律师'])('%s: the booking', async (said) => {
    await converse(t.chat, `web:h60-law-wish-${said}`).send(said).expect(LEGAL_CONSENT);
  });
});

describe('overtime asked beside the report in the first message', () => {
  it('「老板欠我工资 加班费算不算」: the report begun; answered at the amount question', async () => {
    const user = 'web:h60-ot';
    await converse(t.chat, user)
      .send('老板欠我工资 加班费算不算')
      .expectNot(/不低于1\.5倍/)
      .expect(WAGE_CONSENT)
      .sendAll('同意', ...AFTER_CONSENT, '今年9月到11月')
      .expect(/您前面问到加班费：没发的加班费也可以算进去/)
      .expect(AMOUNT_ASK);
    expect((await session(user)).answers).not.toHaveProperty('amount');
  });

  it('「我要反映欠薪 加班费算不算」: no overtime rates before the consent', async () => {
    await converse(t.chat, 'web:h60-ot2').send('我要反映欠薪 加班费算不算').expectNot(/不低于1\.5倍/).expect(WAGE_CONSENT);
  });

  // guard: how overtime is counted, asked alone, is still the rates.
  it('「加班费怎么算」: the rates', async () => {
    await converse(t.chat, 'web:h60-ot3').send('加班费怎么算').expect(/不低于1\.5倍/);
  });
});

describe('an injury with its day, told beside pay held back', () => {
  it('「11月20号摔伤了 老板也欠我工资」: the report first; the injury and its day kept for the booking after it', async () => {
    const user = 'web:h60-two';
    await converse(t.chat, user)
      .send('11月20号摔伤了 老板也欠我工资')
      .expect(/先帮您办「反映欠薪」；您说的「工伤」的事，等这件办完再问您要不要「预约法律援助」/)
      .expect(WAGE_CONSENT)
      .sendAll('同意', ...AFTER_CONSENT, '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111')
      .send('确认')
      .expect(/提交成功/)
      .expect(/您刚才还说到「工伤」的事，可以「预约法律援助」/)
      .send('好的')
      .expect(LEGAL_CONSENT)
      .send('同意')
      .expect(/我理解的是：咨询的事「工伤」、受伤日期「2026年11月20日受伤/)
      .send('对')
      .expect(/您还在这家单位干吗？/);
    expect((await session(user)).answers).toMatchObject({ matter: 'injury', injury: { on: '2026-11-20' } });
  });
});

describe('the phone WeChat is bound to, at the phone question', () => {
  it.each(['微信绑定的那个', '就是微信绑的手机'])('%s: the bot cannot see it; asked for in digits', async (said) => {
    const user = `web:h60-ph-${said}`;
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', ...AFTER_CONSENT, '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳')
      .expect(/您的手机号是多少/)
      .send(said)
      .expectNot(/家人或工友的也可以/)
      .expect(/看不到您微信绑定的手机号/)
      .send('13700001111')
      .expectNot(/您的手机号是多少/);
    expect((await session(user)).answers).toMatchObject({ phone: '13700001111' });
  });

  // guard: no phone at all still gets a family member's number offered.
  it('「没有手机」: someone else\'s number will do', async () => {
    await converse(t.chat, 'web:h60-ph-none')
      .sendAll('老板欠我工资', '同意', ...AFTER_CONSENT, '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳')
      .send('没有手机')
      .expect(/家人或工友的也可以/);
  });
});

describe('questions while booking legal aid', () => {
  const LEFT_ASK = /您还在这家单位干吗？/;
  it.each([
    ['会不会被老板知道', /只有为您咨询的律师和工会工作人员能看到，我们不会告诉老板或单位/],
    ['能匿名吗', /所以不能匿名/],
    ['要多久', /选好时间就约上了，律师按您约的时间接待您/],
  ])('%s: a short true answer, then the question again', async (said, answer) => {
    await converse(t.chat, `web:h60-bk-${said}`)
      .sendAll('我想找律师', '同意', '欠薪')
      .expect(LEFT_ASK)
      .send(said)
      .expectNot(/反映欠薪，要留姓名和手机号|答不上来/)
      .expect(answer)
      .expect(LEFT_ASK);
  });
});

describe('anonymity asked while joining', () => {
  it('「能匿名吗」 at the ID question: who sees the application (joining\'s answer), never the wage report\'s', async () => {
    await converse(t.chat, 'web:h60-join-anon')
      .sendAll('我要入会', '同意', '同意', '确认，自愿加入', '张三')
      .expect(/18位身份证号/)
      .send('能匿名吗')
      .expectNot(/在这里反映欠薪，要留姓名和手机号|需要时回复「反映欠薪」/)
      .expect(/入会的信息只有审核您申请的工会工作人员能看到/)
      .expect(/18位身份证号/);
  });
});
