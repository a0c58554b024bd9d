/*
 * What workers say before or at the start of a report, in their own words (helper h72):
 *  - a status asked by someone who has sent nothing (`有人联系我了吗`, `法律援助批了没`, `律师什么时候联系我`): said that
 *    nothing was sent here yet, and what to reply to start (it was 「这个问题我还答不上来」, 没太明白, or a booking begun);
 *  - a first message naming where they work by their job there (`我在川味小馆当服务员 老板欠我两个月工资`): the eatery
 *    proposed with the rest, kept only on a yes (it was lost, the employer asked again); a kind of place (学校, 当地一个厂)
 *    is never taken for a name;
 *  - people counted by their job (`店里三个服务员都没发`): the count proposed for a yes, at the headcount question and
 *    in a first message (it was 「请说一个大概的数字」, or nothing); with no debt said of them, no count at all.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { nothingSentAsked } from '../../flows/case-desk.js';
import { findEmployer } from '../../flows/nlu/facts.js';
import { findHeadcount } from '../../flows/parsers/mentions.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const someone = (tag: string) => `web:h72-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const UNKNOWN = /答不上来|没太明白/;

describe('a status asked with nothing sent yet', () => {
  it.each(['有人联系我了吗', '你好 有人联系我了吗', '有没有人联系我', '工会的人找过我没有', '工会有人联系我吗'])('%s: nobody yet, and how to start', async (said) => {
    await converse(t.chat, someone('contact')).send(said).expect(/还没有在这里反映过问题或办理过事情/).expect(/反映欠薪/).expect(/预约法律援助/).expect(/加入工会/).expectNot(UNKNOWN);
  });

  it.each(['法律援助批了没', '法援批下来没', '我的法律援助申请批了吗', '律师联系我了吗', '律师什么时候联系我', '律师什么时候给我打电话'])('%s: no booking yet, and how to book', async (said) => {
    const user = someone('legal');
    await converse(t.chat, user).send(said).expect(/您还没有在这里预约过法律援助/).expectNot(UNKNOWN).expectNot(/需要您同意我们收集/);
    // Nothing begun for them: no booking form, no consent asked.
    expect((await session(user))?.flowId ?? null).toBeNull();
  });

  it.each(['网格员给我打过电话了吗', '结果出来了吗', '我反映的事有人管吗'])('%s: no case yet, and how to report', async (said) => {
    await converse(t.chat, someone('wage')).send(said).expect(/您还没有提交过案件/).expect(/反映欠薪/).expectNot(UNKNOWN);
  });

  // guard: a call asked for is no status asked (read as before; after a report it is passed on, lead-call-me).
  it.each(['我想让工作人员给我打电话', '让网格员给我打电话', '有人找我了 让我撤诉', '老板找我了吗'])('guard: %s is not asked as a status', (said) => {
    expect(nothingSentAsked(said)).toBeNull();
  });

  // guard: a service asked for in the same message is started, as before (the status question never hides it).
  it('guard: a service asked for besides (`有人联系我了吗 我想加入工会`): the service, not the status', async () => {
    await converse(t.chat, someone('both')).send('有人联系我了吗 我想加入工会').expectNot(/还没有在这里反映过问题/).expect(/加入工会后/);
  });

  // guard: the same for a booking (律师 in the status words does not swallow the wish to book).
  it('guard: a booking asked for besides (`律师联系我了吗 我想预约律师`): the booking begins', async () => {
    await converse(t.chat, someone('both2')).send('律师联系我了吗 我想预约律师').expectNot(/还没有在这里预约过/).expect(/工会律师/);
  });

  // guard: a first message about the debt starts the report, as before.
  it.each(['老板还没给钱', '老板欠我工资 有人管吗'])('guard: %s starts a wage report', async (said) => {
    await converse(t.chat, someone('report')).send(said).expect(/反映欠薪前，需要您同意/);
  });

  // guard: with a form under way the question is the form's business (never 「还没有办理过事情」 over it).
  it('guard: in the middle of a report, `有人联系我了吗` is not answered 「还没有办理过」', async () => {
    await converse(t.chat, someone('form')).sendAll('我要反映欠薪', '同意').send('有人联系我了吗').expectNot(/还没有在这里反映过问题或办理过事情/);
  });
});

describe('the workplace said with the job, in a first message', () => {
  it.each([
    ['我在川味小馆当服务员 老板欠我两个月工资', '川味小馆'],
    ['在兰州拉面馆做服务员 三个月没发工资', '兰州拉面馆'],
  ])('%s → %s', (said, name) => {
    expect(findEmployer(said)).toBe(name);
  });

  // guard: a factory named with the job was read already; the new 当/做 cue keeps it.
  it('guard: 我在宏达电子厂做普工 老板欠了我八千 → 宏达电子厂', () => {
    expect(findEmployer('我在宏达电子厂做普工 老板欠了我八千')).toBe('宏达电子厂');
  });

  it.each(['我在当地一个厂上班 老板欠我工资', '在一家超市打工 欠了两个月'])('%s: a kind of place, never an employer', (said) => {
    expect(findEmployer(said)).toBeNull();
  });

  // guard: kinds of place after 当 (the new cue) are no employer either: 学校, 面馆, 工地, 厂里.
  it.each(['在学校当保安 工资一直没发', '在面馆当服务员 老板欠我工资', '在工地当小工 包工头欠了两万', '在厂里当普工 三个月没发工资', '我在月子中心当月嫂 老板拖了三个月工资'])('guard: %s: a kind of place, never an employer', (said) => {
    expect(findEmployer(said)).toBeNull();
  });

  it('the eatery is proposed after the consent, kept only on a yes, and not asked again', async () => {
    const user = someone('eatery');
    await converse(t.chat, user)
      .send('我在川味小馆当服务员 老板欠我两个月工资')
      .send('同意')
      .expect(/用人单位「川味小馆」/)
      .expectNot(/欠您工资的单位叫什么名字/);
    expect((await session(user))?.answers.employer).toBeUndefined();
    await converse(t.chat, user).send('对').expectNot(/欠您工资的单位叫什么名字/);
    expect((await session(user))?.answers.employer).toBe('川味小馆');
  });

  // guard: a named factory was proposed already; a building site is never the employer.
  it('guard: 工地 is never the employer; the employer is asked', async () => {
    const user = someone('site');
    await converse(t.chat, user).send('在工地干活 包工头欠了两万').send('同意').expectNot(/用人单位「/);
  });
});

describe('people counted by their job', () => {
  const TO_HEADCOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000'];

  it.each([
    ['店里三个服务员都没发', 3],
    ['我们店里三个服务员都没发工资', 3],
    ['五个保安都被欠了', 5],
  ])('%s → %i owed', (said, count) => {
    expect(findHeadcount(said)?.value).toEqual({ count, approximate: false });
  });

  // guard: people counted by their job with no debt said of them all are who works there, never who is owed.
  it.each(['店里有三个服务员', '店里三个服务员 老板欠我八千', '我们公司五百个员工 欠我三万'])('guard: %s: no count of who is owed', (said) => {
    expect(findHeadcount(said)).toBeNull();
  });

  it('`店里三个服务员都没发` at the headcount question: 3 proposed, kept on a yes', async () => {
    const user = someone('count');
    await converse(t.chat, user)
      .sendAll(...TO_HEADCOUNT)
      .send('店里三个服务员都没发')
      .expect(/被拖欠人数「3人」。对吗？/)
      .expectNot(/请说一个大概的数字/);
    expect((await session(user))?.answers.headcount).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/你们3个人一共被拖欠多少钱/);
  });

  it('`店里三个服务员都没发` in a first message: proposed with the months after the consent', async () => {
    await converse(t.chat, someone('first'))
      .send('店里三个服务员都没发 老板欠了两个月工资')
      .send('同意')
      .expect(/被拖欠人数「3人」/);
  });

  // guard: a crew's count was proposed already, and a workplace's size is never the count (h68).
  it('guard: `我们组五个人都没拿到` proposes 5; `厂里有3000人` is asked about', async () => {
    await converse(t.chat, someone('crew')).sendAll(...TO_HEADCOUNT).send('我们组五个人都没拿到').expect(/被拖欠人数「5人」。对吗？/);
    await converse(t.chat, someone('size')).sendAll(...TO_HEADCOUNT).send('厂里有3000人').expect(/这是单位里一共有多少人吧/);
  });
});
