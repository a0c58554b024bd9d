/*
 * The wage report and joining the union: faults left from earlier helpers (helper h117, round 28).
 *  - `不干了 国庆后就走了` at 「是否还在职」: gone was taken, the month dropped (国庆后 unread there) and 「什么时候离开的？」
 *    asked from scratch. Now the holiday is read as the month left (the same reading as at 「什么时候离开的？」),
 *    confirmed, or sorted out against the period; `中秋前后` (days either side may be another month) is asked, with
 *    the reading said back at 「什么时候离开的？」 (`国庆后按2026年10月算`).
 *  - `三千五一个月 俩月没发` at the amount with 3 months stored: 7,000 was proposed without a word about the 3 months.
 *    Now the 3 months are said with it, and how to correct the period (still confirmed, nothing stored before 对).
 *  - `整个工地的人都没拿到` at the headcount after 「工程建设项目：不是」: offered to change that answer, the count not
 *    taken. Now rough headcounts to choose from; changing the project answer only mentioned as a way to do it.
 *  - Joining: `张三` at 「您同意提供身份证号吗？」 is proposed as the name (kept: a bare name at a gate is the name, as
 *    designed and tested before); then `不想填了` at that 「姓名…对吗？」 set the name aside and asked the consent
 *    again, and `先不填了` there cancelled everything. Now both ask whether to stop, as they do at a question.
 *  - `单位没有工会能入会吗` at the menu started joining unanswered; `我们单位没有工会` was not understood. Now the new
 *    knowledge entry `join-no-workplace-union` answers, then joining is offered.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h117-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_PERIOD = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是'];
const TO_STILL_EMPLOYED = (period: string) => [...TO_PERIOD, period, '6000', '就我一个'];
const LEFT_ASKED = /什么时候离开的？/;

describe('a holiday as the month left', () => {
  it('`不干了 国庆后就走了` with wages owed September to November: October kept, the period it may mean offered', async () => {
    const user = someone('gq1');
    await converse(t.chat, user)
      .sendAll(...TO_STILL_EMPLOYED('今年9月到11月'))
      .send('不干了 国庆后就走了')
      .expect(/您说2026年10月就离开了/)
      .expect(/2026年9月至2026年10月（2个月）/)
      .expectNot(LEFT_ASKED);
  });

  it('`不干了 国庆后就走了` with wages owed August to October: October confirmed; 对 keeps it', async () => {
    // guard: read from the sentence's facts already when the month fits the period; the question's own reading must agree.
    const user = someone('gq2');
    await converse(t.chat, user)
      .sendAll(...TO_STILL_EMPLOYED('今年8月到10月'))
      .send('不干了 国庆后就走了')
      .expect(/离开时间「2026年10月」。对吗？/)
      .expectNot(LEFT_ASKED)
      .send('对')
      .expect(/单位的地址在哪里/);
    const s = await session(user);
    expect(s.answers.stillEmployed).toBe(false);
    expect(s.answers.leftSince).toBe('2026-10');
  });

  it('`国庆后` at 「什么时候离开的？」: the reading said back with the month, confirmed', async () => {
    // guard: the festival reading was already confirmed here; now it is said how it was read too.
    await converse(t.chat, someone('gq3'))
      .sendAll(...TO_STILL_EMPLOYED('今年8月到10月'), '已经离开')
      .send('国庆后')
      .expect(/国庆后按2026年10月算。/)
      .expect(/离开时间「2026年10月」。对吗？/);
  });

  it('`中秋前后` (25 September: either side may be another month): which month is asked, none taken', async () => {
    const user = someone('zq');
    await converse(t.chat, user)
      .sendAll(...TO_STILL_EMPLOYED('今年8月到10月'), '已经离开')
      .send('中秋前后')
      .expect(/“中秋前后”具体是几月走的？例如「2026年9月」/)
      .expectNot(/对吗？/);
    expect((await session(user)).answers.leftSince).toBeUndefined();
  });
});

describe('a monthly wage times fewer months than the period stored', () => {
  it('`三千五一个月 俩月没发` with 3 months stored: 7,000 proposed with the 3 months said and how to correct them', async () => {
    const user = someone('amt1');
    await converse(t.chat, user)
      .sendAll(...TO_PERIOD, '今年9月到11月')
      .send('三千五一个月 俩月没发')
      .expect(/一共按7,000元算。\n前面记的拖欠时间是2026年9月至2026年11月（3个月），这里按您说的2个月算。如果是拖欠时间说错了/)
      .expect(/拖欠金额「7,000元」。对吗？/);
    expect((await session(user)).answers.amount).toBeUndefined();
  });

  it('`3500×2` with 3 months stored: the same said', async () => {
    await converse(t.chat, someone('amt2')).sendAll(...TO_PERIOD, '今年9月到11月').send('3500×2').expect(/这里按您说的2个月算/);
  });

  it('`三千五一个月 三个月没发` with 3 months stored: the sum proposed as before', async () => {
    // guard: the months agreeing with the period are worked out and confirmed, no note.
    await converse(t.chat, someone('amt3')).sendAll(...TO_PERIOD, '今年9月到11月').send('三千五一个月 三个月没发').expect(/一共按10,500元算/).expectNot(/前面记的拖欠时间/);
  });
});

describe('everyone on the site, at the headcount', () => {
  it('`整个工地的人都没拿到` after 「工程建设项目：不是」: rough headcounts; the project answer left as it was', async () => {
    const user = someone('hc1');
    await converse(t.chat, user)
      .sendAll(...TO_PERIOD, '今年9月到11月', '6000')
      .send('整个工地的人都没拿到')
      .expect(/大概多少人？选一个最接近的就行/)
      .expect(/回复「改工程建设项目」就行/)
      .expectNot(/您是要改成：工程建设项目「是」/)
      .send('4')
      .expect(/你们20至30个人一共被拖欠多少钱/);
    const s = await session(user);
    expect(s.answers.construction).toBe(false);
    expect(s.answers.headcount).toMatchObject({ approximate: true });
  });

  it('`整个工地的人都没拿到` after 「工程建设项目：是」: rough headcounts (it was not understood)', async () => {
    await converse(t.chat, someone('hc2'))
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '是', '不知道', '今年9月到11月', '6000')
      .send('整个工地的人都没拿到')
      .expect(/大概多少人？选一个最接近的就行/)
      .expectNot(/改工程建设项目/);
  });
});

describe('joining: `不想填了` at a 「…对吗？」', () => {
  const TO_ID_CONSENT = ['我要入会', '同意'];

  it('`不想填了` at 「姓名…对吗？」: asked whether to stop (never the name set aside and the form going on)', async () => {
    await converse(t.chat, someone('id2'))
      .sendAll(...TO_ID_CONSENT)
      .send('张三')
      .expect(/姓名「张三」。对吗？/)
      .send('不想填了')
      .expect(/要先停在这里吗？/)
      .expectNot(/先不记/)
      .send('接着填')
      .expect(/我们接着填/);
  });

  it('`先不填了` at that 「姓名…对吗？」 (only a consent answered): asked whether to stop (it cancelled all)', async () => {
    await converse(t.chat, someone('id2b'))
      .sendAll(...TO_ID_CONSENT, '张三')
      .expect(/姓名「张三」。对吗？/)
      .send('先不填了')
      .expect(/要先停在这里吗？/)
      .expectNot(/已取消/);
  });

  it('`不想填了` at a wage report\'s 「拖欠时间…对吗？」: asked whether to stop', async () => {
    await converse(t.chat, someone('id3'))
      .sendAll(...TO_PERIOD)
      .send('三个多月')
      .expect(/对吗？/)
      .send('不想填了')
      .expect(/要先停在这里吗？/)
      .expectNot(/先不记/);
  });
});

describe('joining when the workplace has no union', () => {
  const ANSWER = /^可以。单位没有工会也可以入会：通过单位所在的镇、街道工会，或者当地的区域性、行业性工会联合会入会/;

  it.each([['单位没有工会能入会吗'], ['我们单位没有工会'], ['厂里没工会 能加入工会吗']])('`%s` at the menu: answered, then joining offered', async (said) => {
    await converse(t.chat, someone('nu'))
      .send('你好')
      .send(said)
      .expect(ANSWER)
      .expect(/要现在申请入会吗？/)
      .expectNot(/您同意吗/)
      .send('好的')
      .expect(/加入工会后，您可以/);
  });

  it('`我们单位没有工会` at the unit question while joining: the flow\'s own reply, as before', async () => {
    // guard: in the form the unit question keeps its own answer (town's union reviews it), not the knowledge entry.
    await converse(t.chat, someone('nu-flow'))
      .sendAll('我要入会', '同意', '同意', '确认', '张三', '对')
      .send('我们单位没有工会')
      .expectNot(ANSWER);
  });
});
