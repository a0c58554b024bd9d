/*
 * What the person meant (tenth part), as transcripts on the real chat service and real Redis:
 *  - F1: an amount worked out from a daily or monthly wage said in the opening message (`一天两百，干了二十天`) is
 *    confirmed with how it was worked out (200元×20天), as the amount's question says it; so is one less what was paid.
 *  - F2: `包工头老李` (a foreman by name, alone) is a person, the labour contractor: kept as the 包工头, and whom he works
 *    for asked (the unit is the employer); not known, the foreman as staff write him (老李（包工头）), confirmed.
 *    In the opening message (`包工头老李欠我工资`) he is proposed so too, never as a unit called 老李.
 *  - F3: `万科` (a developer's well-known short name) at the general contractor's question is a company, never asked
 *    about as a person's name; `王建军` still is.
 *  - F4: a place outside the area (`深圳`, `我在广州打工`) where the membership application asks the unit's township or
 *    where the person lives: said plainly with where to turn (the local union, 12351), never a bare 「没找到」.
 *  - F5: `[弱]` (WeChat's thumbs-down) at 「…对吗？」 is a no; elsewhere (the consent) it is no answer.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { consented, person } from '../membership/support.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const CONSENT_Q = /您同意吗？/;
const PERIOD_READING = /我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/;
const EMPLOYER_Q = /欠您工资的单位叫什么名字？/;
const TOWN_Q = /您在哪个镇或街道干活？/;
const toEmployer = (user: string) => converse(t.chat, user).sendAll('2', '1').expect(EMPLOYER_Q);

describe('F1: an amount worked out in the opening message is confirmed with how', () => {
  it('一天两百，干了二十天: 4,000元 with 200元×20天', async () => {
    const user = 'web:s10f1a';
    await converse(t.chat, user).send('一天两百，干了二十天，老板一分没给').expect(CONSENT_Q).send('1').expect(/我理解的是：拖欠金额「4,000元（200元×20天）」。对吗？/).send('对').expect(EMPLOYER_Q);
    expect((await session(user)).answers).toMatchObject({ amount: { yuan: 4000, approx: false, upTo: null } });
  });

  it('拖了我两个月工资 每个月六千: 12,000元 with 6,000元×2个月', async () => {
    await converse(t.chat, 'web:s10f1b').send('拖了我两个月工资 每个月六千').expect(CONSENT_Q).send('1').expect(/拖欠金额「12,000元（6,000元×2个月）」/);
  });

  it('一个月五千，干了三个月，只给了两千: what is left, with how it was worked out', async () => {
    await converse(t.chat, 'web:s10f1c')
      .send('老板欠我工资，一个月五千，干了三个月，只给了两千')
      .expect(CONSENT_Q)
      .send('1')
      .expect(/拖欠金额「13,000元（每月5,000元×3个月，一共15,000元，减去已经给的2,000元）」/);
  });

  it('a figure said as it is has nothing added', async () => {
    await converse(t.chat, 'web:s10f1d').send('老板欠我8000块工资').expect(CONSENT_Q).send('1').expect(/拖欠金额「8,000元」/).expectNot(/8,000元（/);
  });
});

describe('F2: a foreman named alone is the 包工头, not the unit', () => {
  it('包工头老李 at the employer question: kept as the 包工头, whom he works for asked; the company is the employer', async () => {
    const user = 'web:s10f2a';
    await toEmployer(user).send('包工头老李').expect(/包工头是「老李」/).expect(/哪家公司/).expectNot(/是哪一种/);
    const a = (await session(user)).answers;
    expect(a).toMatchObject({ labourContractor: '老李' });
    expect(a).not.toHaveProperty('employer');
    await converse(t.chat, user).send('宏达建筑公司').expect(TOWN_Q);
    expect((await session(user)).answers).toMatchObject({ employer: '宏达建筑公司', labourContractor: '老李' });
  });

  it('老李是包工头, then 不知道: 老李（包工头） proposed, never 「老李是」', async () => {
    const user = 'web:s10f2b';
    await toEmployer(user).send('老李是包工头').expectNot(/老李是」/).expect(/包工头是「老李」/).send('不知道').expect(/我理解的是：用人单位「老李（包工头）」。对吗？/).send('对').expect(TOWN_Q);
    expect((await session(user)).answers).toMatchObject({ employer: '老李（包工头）', labourContractor: '老李' });
  });

  it('老李（包工头） refused: the unit asked plainly, never proposed again (no loop)', async () => {
    const user = 'web:s10f2d';
    await toEmployer(user).send('包工头老李').send('不知道').expect(/用人单位「老李（包工头）」。对吗？/).send('不对').expect(EMPLOYER_Q).send('不知道').expectNot(/老李（包工头）/);
    expect((await session(user)).answers).not.toHaveProperty('employer');
  });

  it('包工头老李欠我工资 (the opening message): 老李（包工头） proposed, never a unit called 老李', async () => {
    await converse(t.chat, 'web:s10f2c').send('包工头老李欠我工资').expect(CONSENT_Q).send('1').expect(/我理解的是：用人单位「老李（包工头）」。对吗？/).expectNot(/用人单位「老李」/);
  });
});

describe('F3: a developer\'s short name at the general contractor\'s question', () => {
  const toGeneral = (user: string) =>
    toEmployer(user)
      .sendAll('宏达建筑公司', '东龙', '新塘', '是', '跳过', '9月到11月', '6000', '就我一个', '还在干', '不知道')
      .send('不知道')
      .expect(/总包单位（总承包的公司）是哪家/);

  it('万科 is a company, taken without the person question', async () => {
    const user = 'web:s10f3a';
    await toGeneral(user).send('万科').expectNot(/听着像人名/).expect(/分包单位/);
    expect((await session(user)).answers).toMatchObject({ generalContractor: '万科' });
  });

  it('王建军 is still asked about as a person\'s name', async () => {
    await toGeneral('web:s10f3b').send('王建军').expect(/「王建军」听着像人名/);
  });
});

describe('F4: a place outside the area in the membership application', () => {
  const p = person(21, '张伟');
  const toWorkplace = (user: string) =>
    consented(t.chat, user).sendAll(p.name, p.id, p.phone, '1').send('好再来饭店').expect(/「好再来饭店」在哪个镇或街道/);

  it('深圳 where the unit\'s township is asked: the local union and 12351, never 「没找到」', async () => {
    await toWorkplace('web:s10f4a').send('深圳').expect(/单位在深圳的，一般在单位所在地的工会入会/).expect(/12351/).expectNot(/没找到/);
  });

  it('我在广州打工 there too', async () => {
    await toWorkplace('web:s10f4b').send('我在广州打工').expect(/单位在广州的，一般在单位所在地的工会入会/).expect(/12351/).expectNot(/没找到/);
  });

  it('深圳 where the place lived in is asked', async () => {
    await consented(t.chat, 'web:s10f4c')
      .sendAll(p.name, p.id, p.phone, '2', '我开网约车', '1')
      .expect(/常住地.*户籍地/)
      .send('1')
      .send('深圳')
      .expect(/深圳不在我们的服务范围/)
      .expect(/12351/)
      .expectNot(/没找到/);
  });
});

describe('F5: [弱] at 「…对吗？」', () => {
  it('is a no: the reading is not kept', async () => {
    const user = 'web:s10f5a';
    await converse(t.chat, user).send('老板拖了我三个月工资').expect(CONSENT_Q).send('1').expect(PERIOD_READING).send('[弱]').expect(/先不记/).expect(EMPLOYER_Q);
    expect((await session(user)).answers).not.toHaveProperty('period');
  });

  it('is no answer at the consent', async () => {
    const user = 'web:s10f5b';
    await converse(t.chat, user).send('老板拖了我三个月工资').expect(CONSENT_Q).send('[弱]').expect(CONSENT_Q).expectNot(/没有保存|不同意的话/);
    expect((await session(user)).answers).not.toHaveProperty('consent');
  });
});
