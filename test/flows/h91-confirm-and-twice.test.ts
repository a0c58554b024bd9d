/*
 * Small loops in a form (helper h91):
 *  - the value waiting at its own 「…对吗？」 typed again (`李强` at 「联系人「李强」。对吗？」, `宏达厂。` at 「用人单位「宏达厂」」)
 *    was 「请回复「对」或「不对」」; now a yes (spaces and punctuation aside). Another value keeps today's way;
 *  - joining, `好再来饭店` typed at 「工作方式「单位职工」。对吗？」 (the next question answered early) was 「请回复对或不对」,
 *    then `河西街道` dropped 单位职工; now each is held for its question (said so), and the confirmation asked again;
 *  - the same words twice at a question got the same reply twice (`不清楚` at the township, `哈哈`, `啥意思` at the
 *    period, `不想说` at the name, `没有手机` at the phone); now the second reply is another, more concrete way on.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h91-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const RETRY = /请回复「对」或「不对」/;
const TO_PLACE = ['老板欠我工资', '同意', '好再来饭店'];
const TO_PERIOD = [...TO_PLACE, '河西街道', '不清楚', '不是'];
const TO_NAME = [...TO_PERIOD, '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有'];
const TO_PHONE = [...TO_NAME, '王芳'];
const TO_WORK = ['我想入会', '好', '可以', '确认', '王芳', '450302198803051231', '13700001111'];

describe('the value waiting typed again at its 「…对吗？」', () => {
  it('legal aid: 李强 at 「联系人「李强」。对吗？」 is a yes, 李 强。 too', async () => {
    for (const again of ['李强', '李 强。']) {
      const user = someone('name');
      await converse(t.chat, user).send('预约律师').send('同意，我叫李强').expect(/联系人「李强」。对吗？/).send(again).expect(/您想咨询什么事/).expectNot(RETRY);
      expect((await session(user)).answers).toMatchObject({ contactName: '李强' });
    }
  });

  it('wage report: 宏达厂。 at 「用人单位「宏达厂」。对吗？」 is a yes, and the township is asked', async () => {
    const user = someone('unit');
    await converse(t.chat, user).send('宏达厂老板欠我工资').send('同意').expect(/用人单位「宏达厂」。对吗？/).send('宏达厂。').expect(/您在哪个镇或街道干活/).expectNot(RETRY);
    expect((await session(user)).answers).toMatchObject({ employer: expect.anything() });
  });

  // guard: a phone typed again (the flow's extract reads it) was already a yes
  it('a phone typed again, with spaces, at 「手机号「…」。对吗？」 is a yes', async () => {
    const user = someone('phone');
    await converse(t.chat, user).send('预约律师').send('同意 我的电话13812345678').expect(/手机号「13812345678」。对吗？/).send('138 1234 5678').expect(/您想咨询什么事/);
    expect((await session(user)).answers).toMatchObject({ phone: '13812345678' });
  });

  // guard: another value is no yes (today's way: the question again, then not kept)
  it('李刚 at 「联系人「李强」。对吗？」 is no yes: proposed in its place; 胜利厂 at 「用人单位「宏达厂」」 likewise', async () => {
    const user = someone('other');
    await converse(t.chat, user).send('预约律师').send('同意，我叫李强').send('李刚').expect(/联系人「李刚」。对吗？/);
    expect((await session(user)).answers).not.toHaveProperty('contactName');
    await converse(t.chat, someone('other-unit')).send('宏达厂老板欠我工资').send('同意').send('胜利厂').expect(/用人单位「胜利厂」。对吗？/);
  });
});

describe('joining: the next answers said at 「工作方式「单位职工」。对吗？」', () => {
  it('好再来饭店 then 河西街道: each held for its question, 单位职工 never dropped; confirmed in turn', async () => {
    const user = someone('join');
    await converse(t.chat, user)
      .sendAll(...TO_WORK)
      .send('在饭店当服务员')
      .expect(/我理解的是：工作方式「单位职工」。对吗？/)
      .send('好再来饭店')
      .expect(/好的，您刚才说的（工作单位「好再来饭店」）等问到时再跟您核对。/)
      .expect(/工作方式「单位职工」。对吗？/)
      .expectNot(RETRY)
      .send('河西街道')
      .expect(/您刚才说的（单位所在地「青溪区河西街道」）等问到时再跟您核对/)
      .expect(/工作方式「单位职工」。对吗？/)
      .expectNot(/先不记/)
      .send('对')
      .expect(/工作单位「好再来饭店」、单位所在地「青溪区河西街道」。对吗？/)
      .send('对');
    expect((await session(user)).answers).toMatchObject({ employment: 'employee', employer: { name: '好再来饭店' }, workplace: { townshipId: expect.any(String) } });
  });

  // guard: words that answer nothing are still asked once more, then what waits is set aside (never a loop)
  it('天气不错 at it: asked again once, then said plainly (人工 offered), then 单位职工 not kept', async () => {
    await converse(t.chat, someone('join-miss')).sendAll(...TO_WORK, '在饭店当服务员').send('天气不错').expect(RETRY).send('天气不错').expect(/我是想确认有没有记错/).send('天气不错').expect(/工作方式先不记/);
  });
});

describe('the same words twice at a question get another way on', () => {
  // (h126: the nearest one will do is said the first time already; the second 不清楚 gets other words.)
  it('不清楚 twice at the township: the nearest one will do, or 人工; then other words', async () => {
    await converse(t.chat, someone('town'))
      .sendAll(...TO_PLACE)
      .send('不清楚')
      .expect(/选离得最近的一个就行；实在不清楚，回复「人工」我们帮您查/)
      .send('不清楚')
      .expectNot(/选离得最近的一个就行/)
      .expect(/人工/);
  });

  it('哈哈 twice at a question: the second time, how to go on', async () => {
    await converse(t.chat, someone('haha'))
      .sendAll('老板欠我工资', '同意')
      .send('哈哈')
      .expect(/我们接着填「反映欠薪」/)
      .send('哈哈')
      .expect(/回答下面这个问题就能接着办。一时答不了的话，可以回复「回头再填」/)
      .expect(/欠您工资的单位叫什么名字/)
      .expectNot(/收到。我们接着填/);
  });

  it('啥意思 twice at the period: explained with months from today (December: 今年9月到11月)', async () => {
    await converse(t.chat, someone('what'))
      .sendAll(...TO_PERIOD)
      .send('啥意思')
      .expect(/说大概的起止月份就行/)
      .send('啥意思')
      .expect(/比如现在是12月，9月、10月、11月的工资都没发，就回复「今年9月到11月」/)
      .expectNot(/说大概的起止月份就行/)
      .send('啥意思')
      .expect(/刚才的说明在上面/);
  });

  it('不想说 twice at the name: a surname will do', async () => {
    await converse(t.chat, someone('name-no'))
      .sendAll(...TO_NAME)
      .send('不想说')
      .expect(/理解您的顾虑/)
      .send('不想说')
      .expect(/写个姓就行，例如「王先生」「李女士」/)
      .expectNot(/理解您的顾虑/);
  });

  it('没有手机 twice at the phone: a relative’s number, or 人工', async () => {
    await converse(t.chat, someone('no-phone'))
      .sendAll(...TO_PHONE)
      .send('没有手机')
      .expect(/需要一个能打通的手机号/)
      .send('没有手机')
      .expect(/留一个家里人或工友的手机号就行，我们打这个号码找您。身边一个号码都没有的话，回复「人工」/)
      .expectNot(/需要一个能打通的手机号/);
  });
});
