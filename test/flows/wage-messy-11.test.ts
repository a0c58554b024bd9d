/*
 * What the person meant in the wage report after the opener (eleventh part), as transcripts on the real chat service
 * and real Redis:
 *  - H1: `我一个人 还有个老乡也被欠了` at the headcount question is two people (said back, confirmed), never 就我一个
 *    read from its first clause; others owed with no figure (`还有几个工友也被欠了`) get the count asked.
 *  - H2: `薪资6000` (`薪資`, traditional) at the amount question is 6,000元, as `工资6000` is; `6000左右吧可能多点`
 *    is about 6,000元 (was not understood).
 *  - H3: a site denied (`饭店 不是工地`, `不是饭店不是工地`) at the construction question is no construction work, never
 *    「工程建设项目「是」」 proposed or taken; `是工地不是饭店` still is.
 *  - H4: `13700001111 微信同号` at the phone question is the phone, never a contact called 「微信同号」 proposed;
 *    `完成` sent late (for the evidence) at the name question is no name, never 「联系人「完成」」 proposed.
 *  - H5: `就是新塘村那个好再来饭店` at the employer question is 好再来饭店 (said back), never the unit
 *    「新塘村那个好再来饭店」 taken as said; a voice run-on (`我是在东龙镇新塘村那个饭店干的…`) after 好再来饭店 was named
 *    never proposes 「新塘村那个饭店」 in its place.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const AMOUNT_Q = /您自己一共被拖欠了多少钱？/;
const HEADCOUNT_Q = /一共有多少人被拖欠？/;
const STILL_Q = /您现在还在这家单位干吗？/;
const toAmount = (user: string) =>
  converse(t.chat, user).sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘').send('不是').expect(AMOUNT_Q);
const toHeadcount = (user: string) => toAmount(user).send('6000').expect(HEADCOUNT_Q);

describe('H1: others owed besides the person, said at the headcount question', () => {
  it('我一个人 还有个老乡也被欠了: two people, said back and confirmed; never 就我一个', async () => {
    const user = 'web:w11h1a';
    await toHeadcount(user)
      .send('我一个人 还有个老乡也被欠了')
      .expect(/连您自己算上，一共2个人/)
      .expectNot(STILL_Q)
      .send('对')
      .expect(/你们2个人一共被拖欠多少钱？/);
    expect((await session(user)).answers).toMatchObject({ headcount: { count: 2 } });
  });

  it('我一个人 还有几个工友也被欠了: the count asked (never 1), then taken', async () => {
    const user = 'web:w11h1b';
    await toHeadcount(user)
      .send('我一个人 还有几个工友也被欠了')
      .expect(/连您自己算上，一共几个人？/)
      .expectNot(STILL_Q)
      .send('5个')
      .expect(/你们5个人一共被拖欠多少钱？/);
    expect((await session(user)).answers).toMatchObject({ headcount: { count: 5 } });
  });

  it('我一个人，还有两个老乡: the count asked, never 就我一个; 就我一个 别人都发了 is still the person alone', async () => {
    await toHeadcount('web:w11h1c').send('我一个人，还有两个老乡').expect(/一共几个人？/).expectNot(STILL_Q);
    await toHeadcount('web:w11h1d').send('就我一个 别人都发了').expect(STILL_Q);
    expect((await session('web:w11h1d')).answers).toMatchObject({ headcount: { count: 1, approximate: false } });
  });
});

describe('H2: 薪资 before the amount', () => {
  it('薪资6000 and 薪資大概六千 are the amount', async () => {
    await toAmount('web:w11h2a').send('薪资6000').expect(HEADCOUNT_Q);
    expect((await session('web:w11h2a')).answers).toMatchObject({ amount: { yuan: 6000 } });
    await toAmount('web:w11h2b').send('薪資大概六千').expect(HEADCOUNT_Q);
    expect((await session('web:w11h2b')).answers).toMatchObject({ amount: { yuan: 6000, approx: true } });
  });

  it('6000左右吧可能多点: about 6,000元', async () => {
    await toAmount('web:w11h2c').send('6000左右吧可能多点').expect(HEADCOUNT_Q);
    expect((await session('web:w11h2c')).answers).toMatchObject({ amount: { yuan: 6000, approx: true, upTo: null } });
  });
});

describe('H3: a construction site denied is no construction work', () => {
  const CONSTRUCTION_Q = /是工程建设项目吗？/;
  const toConstruction = (user: string) => converse(t.chat, user).sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙').send('新塘').expect(CONSTRUCTION_Q);

  it('饭店 不是工地 and 不是饭店不是工地: 不是, the amount asked next; 是工地不是饭店 still 是', async () => {
    for (const [user, said] of [['web:w11h3a', '饭店 不是工地'], ['web:w11h3b', '不是饭店不是工地']] as const) {
      await toConstruction(user).send(said).expect(AMOUNT_Q).expectNot(/工程建设项目「是」/).expectNot(/项目或工地叫什么名字/);
      expect((await session(user)).answers).toMatchObject({ construction: false });
    }
    // The site said and the restaurant denied: construction work.
    await toConstruction('web:w11h3c').send('是工地不是饭店').expect(/项目或工地叫什么名字/);
    expect((await session('web:w11h3c')).answers).toMatchObject({ construction: true });
  });
});

describe('H4: words about the number beside it', () => {
  it('13700001111 微信同号: the phone, the name kept', async () => {
    const user = 'web:w11h4a';
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳')
      .send('13700001111 微信同号')
      .expect(/请核对您要反映的欠薪情况/)
      .expect(/联系人：王芳/)
      .expectNot(/微信同号」/);
    expect((await session(user)).answers).toMatchObject({ contactName: '王芳', phone: '13700001111' });
  });

  it('完成 at the name question (the evidence finished, said late): no name; the name asked', async () => {
    await converse(t.chat, 'web:w11h4b')
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干', '都跳过')
      .send('有 聊天记录')
      .expect(/怎么称呼您？/)
      .send('完成')
      .expectNot(/联系人「完成」/)
      .expect(/姓名/)
      .send('王芳')
      .expect(/您的手机号是多少？/);
  });
});

describe('H5: a village pointed from before the unit', () => {
  it('就是新塘村那个好再来饭店: 好再来饭店, said back', async () => {
    await converse(t.chat, 'web:w11h5a')
      .sendAll('老板拖了我三个月工资', '1', '对')
      .send('就是新塘村那个好再来饭店')
      .expect(/我理解的是：用人单位「好再来饭店」。对吗？/)
      .expectNot(/新塘村那个好再来饭店」/)
      .send('对')
      .expect(/您在哪个镇或街道干活？/);
    expect((await session('web:w11h5a')).answers).toMatchObject({ employer: '好再来饭店' });
  });

  it('a run-on pointing at 新塘村那个饭店 after 好再来饭店 was named: the town taken, the employer kept', async () => {
    const user = 'web:w11h5b';
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店')
      .send('我是在东龙镇新塘村那个饭店干的干了三个月老板一分钱没给')
      .expectNot(/新塘村那个饭店/)
      .expect(/在东龙镇的哪个村或社区？/);
    expect((await session(user)).answers).toMatchObject({ employer: '好再来饭店' });
  });
});
