/*
 * A worker's first message in their own words, at the menu (helper h83):
 *  - `我在合西街道干活` (河西街道 mistyped) was the job greeting, the place lost; now the greeting, and a wage report begun
 *    next opens with 河西街道 proposed after its consent (「我理解的是：干活的地方「河西街道」。对吗？」), kept only on a
 *    yes (`我在河西街道干活` then `2` likewise; `我在合西街道干活 老板欠我工资` in one message too). Never for a report
 *    for someone else, nor from a home place (`我老家是…的`, `我住在…`);
 *  - `他们叫我去宏达厂`, `我是保洁阿姨`, `快递员`, `我是临时工`, `工地上的`, `我老公在工地`, `我六十多了`, `我是外地的`,
 *    `我们是包工头带过去的` were 没太明白; now what we can help with (nothing taken from them);
 *  - `送外卖的` then `美团`, `在美团送外卖`, `我是顺丰的` (没太明白): what riders get (`送外卖的` was the plain greeting);
 *    a second such message right after gets a short reply, never the same greeting twice;
 *  - `打零工的可以吗`, `农民工可以吗`, `外地人能投诉吗`, `临时工能报吗`, `钟点工可以吗` were 答不上来, `我没有单位` 没太明白:
 *    now that they can report unpaid wages and join the union (flexible workers: the local union), the report offered;
 *  - `学生兼职可以吗` (答不上来): pay can be reported; joining depends on the local union (asked of staff);
 *  - `运费算工资吗` went into the report's consent unanswered: now usually not wages but an expense the boss should pay
 *    back, the report offered. `加班费算工资吗` was how overtime is counted: now that it counts as wages;
 *  - `没签合同能要工资吗`, `六十岁了还能报欠薪吗` went into the consent unanswered: now answered first;
 *  - `我是个体户` was the answer on subcontracting to individuals: now the greeting.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h83-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;
const JOB = /不管做哪一行，遇到工资被拖欠、想加入工会/;
const RIDER = /骑手、快递员、网约车司机被平台乱扣钱、报酬被拖欠，也可以在这里反映；还可以申请加入新就业形态工会/;
const CONSENT_Q = /反映欠薪前，需要您同意/;
const HEXI = /我理解的是：干活的地方「河西街道」。对吗？/;
const INFORMAL = /打零工、临时工、农民工，没有固定单位、没签合同的，被欠了工钱一样可以在这里反映.*也可以加入工会，不看户口/;

describe('a place said in the first message', () => {
  it('我在合西街道干活: the greeting, nothing kept; the report then proposes 河西街道, kept on a yes', async () => {
    const user = someone('typo');
    await converse(t.chat, user).send('我在合西街道干活').expect(JOB).expectNot(UNKNOWN);
    expect((await session(user)).answers).toEqual({});
    await converse(t.chat, user).send('老板欠我工资').expect(CONSENT_Q).send('同意').expect(HEXI);
    expect((await session(user)).answers).not.toHaveProperty('location');
    await converse(t.chat, user).send('对').expect(/欠您工资的单位叫什么名字/);
    expect((await session(user)).answers).toMatchObject({ location: { townshipId: 't08' } });
  });

  // guard: a no to the place proposed keeps nothing (as nothing was kept before).
  it('我在合西街道干活, then 不对 to 河西街道: nothing kept, asked later', async () => {
    const user = someone('typo-no');
    await converse(t.chat, user).sendAll('我在合西街道干活', '老板欠我工资', '同意').send('不对').expect(/欠您工资的单位叫什么名字/);
    expect((await session(user)).answers).not.toHaveProperty('location');
  });

  it('我在合西街道干活 老板欠我工资 in one message: 河西街道 proposed after the consent (the place was lost)', async () => {
    const user = someone('typo-one');
    await converse(t.chat, user).send('我在合西街道干活 老板欠我工资').expect(CONSENT_Q).send('同意').expect(HEXI);
    expect((await session(user)).answers).not.toHaveProperty('location');
  });

  // guard: where the person lives (住在) is not where they work: nothing proposed.
  it('我住在合西街道 老板欠我工资: no place proposed', async () => {
    await converse(t.chat, someone('lives')).send('我住在合西街道 老板欠我工资').expect(CONSENT_Q).send('同意').expect(/欠您工资的单位叫什么名字/).expectNot(/河西/);
  });

  it('我在合西街道干活, then 我是保安 (the short way), then 2: 河西街道 still proposed', async () => {
    await converse(t.chat, someone('typo-job')).send('我在合西街道干活').expect(JOB).send('我是保安').expect(/好的，知道了。您遇到了什么事？/).expectNot(JOB).sendAll('2', '同意').expect(HEXI);
  });

  it('我在河西街道干活, then 2 from the menu: 河西街道 proposed after the consent', async () => {
    await converse(t.chat, someone('menu')).send('我在河西街道干活').expect(JOB).send('2').expect(CONSENT_Q).send('同意').expect(HEXI);
  });

  // guard: a report for someone else (whose work may be elsewhere) takes no place said before.
  it('我在东龙镇, then 我老公被欠工资了: no place proposed', async () => {
    const user = someone('behalf');
    await converse(t.chat, user).sendAll('我在东龙镇', '我老公被欠工资了', '2', '同意').expectNot(/干活的地方「东龙镇」/);
    expect((await session(user)).answers).not.toHaveProperty('location');
  });

  it('我老家是东龙镇的: the greeting (was 没太明白); a report begun next proposes no place', async () => {
    const user = someone('home');
    await converse(t.chat, user).send('我老家是东龙镇的').expect(JOB).expectNot(UNKNOWN).sendAll('2', '同意').expect(/欠您工资的单位叫什么名字/).expectNot(/东龙镇/);
    expect((await session(user)).answers).not.toHaveProperty('location');
  });

  it('他们叫我去宏达厂: the greeting asking what happened (was 没太明白); no unit kept', async () => {
    const user = someone('sent');
    await converse(t.chat, user).send('他们叫我去宏达厂').expect(JOB).expect(/您直接说遇到了什么事就行/).expectNot(UNKNOWN);
    await converse(t.chat, user).sendAll('2', '同意').expect(/欠您工资的单位叫什么名字/).expectNot(/宏达/);
  });
});

describe('who the person is, said alone', () => {
  for (const [i, said] of ['我是保洁阿姨', '我是临时工', '工地上的', '我老公在工地', '我六十多了', '我是外地的', '我们是包工头带过去的', '我是学生', '我是个体户'].entries()) {
    it(`${said}: what we can help with (was 没太明白, or an answer nobody asked for)`, async () => {
      await converse(t.chat, someone(`who${i}`)).send(said).expect(JOB).expectNot(UNKNOWN).expectNot(/总承包单位/);
    });
  }

  it('送外卖的 then 美团: what riders get, then the short way (美团 was 没太明白; never the same greeting twice)', async () => {
    await converse(t.chat, someone('rider'))
      .send('送外卖的')
      .expect(RIDER)
      .send('美团')
      .expect(/好的，知道了。您遇到了什么事？平台乱扣钱、报酬被拖欠/)
      .expectNot(RIDER)
      .expectNot(UNKNOWN);
  });

  for (const [i, said] of ['快递员', '在美团送外卖', '我是顺丰的'].entries()) {
    it(`${said}: what riders get (was 没太明白)`, async () => {
      await converse(t.chat, someone(`courier${i}`)).send(said).expect(RIDER).expectNot(UNKNOWN);
    });
  }

  // guard: a boss said to be an individual, asked about, keeps the answer on subcontracting.
  it('老板是个体户 欠钱找谁 keeps its answer', async () => {
    await converse(t.chat, someone('boss-ind')).send('老板是个体户 欠钱找谁').expect(/总承包单位/);
  });
});

describe('whether they may', () => {
  for (const [i, asked] of ['打零工的可以吗', '农民工可以吗', '外地人能投诉吗', '临时工能报吗', '钟点工可以吗', '不是本地人可以吗'].entries()) {
    it(`${asked}: they can report and join, the report offered (was 答不上来)`, async () => {
      await converse(t.chat, someone(`may${i}`)).send(asked).expect(INFORMAL).expect(/被欠了工钱的话，要我帮您登记吗？/).expectNot(UNKNOWN).expectNot(CONSENT_Q);
    });
  }

  it('我没有单位: the same (was 没太明白); 好的 starts the report', async () => {
    await converse(t.chat, someone('nounit')).send('我没有单位').expect(INFORMAL).expectNot(UNKNOWN).send('好的').expect(CONSENT_Q);
  });

  it('学生兼职可以吗: pay can be reported, joining asked of staff (was 答不上来)', async () => {
    await converse(t.chat, someone('student')).send('学生兼职可以吗').expect(/兼职干了活，说好的钱不给，可以在这里反映/).expect(/能不能入会要看当地工会的规定/).expectNot(UNKNOWN);
  });

  // guard: asked about joining (joining's own opening), or about a platform's fines (its answer): as before.
  it('快递员可以入会吗, 骑手被罚款可以投诉吗 keep their own answers', async () => {
    await converse(t.chat, someone('g-join')).send('快递员可以入会吗').expect(/加入工会/).expectNot(INFORMAL);
    await converse(t.chat, someone('g-fine')).send('骑手被罚款可以投诉吗').expect(/平台扣钱罚款要有规则/).expectNot(INFORMAL);
  });

  it('没签合同能要工资吗: answered before any consent (went into the consent unanswered)', async () => {
    await converse(t.chat, someone('nocontract')).send('没签合同能要工资吗').expect(/没签合同，只要您确实给他干了活，工资一样能要/).expectNot(CONSENT_Q);
  });

  it('六十岁了还能报欠薪吗: answered before any consent (went into the consent unanswered)', async () => {
    await converse(t.chat, someone('over60')).send('六十岁了还能报欠薪吗').expect(/干了活的钱都要给/).expectNot(CONSENT_Q);
  });
});

describe('what counts as wages', () => {
  it('运费算工资吗: usually not wages, an expense to be paid back; the report offered (went into the consent)', async () => {
    await converse(t.chat, someone('freight'))
      .send('运费算工资吗')
      .expect(/一般不算。您替老板垫的运费、油费、路费这类钱，是老板该给您报销的费用，不是工资/)
      .expect(/工钱也被欠着的话，要我帮您登记吗？/)
      .expectNot(CONSENT_Q);
  });

  it('加班费算工资吗: it counts (was how overtime is counted)', async () => {
    await converse(t.chat, someone('ot')).send('加班费算工资吗').expect(/算。工资不只是底薪：提成、奖金、津贴补贴、加班费/).expectNot(CONSENT_Q);
  });

  // guard: how overtime is counted keeps its answer.
  it('加班费怎么算 keeps the overtime rates', async () => {
    await converse(t.chat, someone('ot-how')).send('加班费怎么算').expect(/不低于1.5倍/);
  });
});
