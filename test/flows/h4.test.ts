/*
 * Answers typed inside the wage report, question by question (helper h4), as transcripts on the real chat service
 * and real Redis:
 *  - a plain `不对` at 「我理解的是：…对吗？」 names what is not kept and when it is asked (never 「这些先不记，我一项一项问您」
 *    for one value), and the questions follow with nothing else lost;
 *  - `好几个` at the headcount's question: never a number; the rough figures to choose from (3 and up);
 *  - an amount worked out from a monthly wage keeps the wage and the months as numbers (never read back from `how`);
 *  - a kind of unit pointed at (`就那个厂`, `就是那个饭店`) is no name: which one is asked, nothing kept;
 *  - `3个 不对 5个` at the headcount's question: five people, never the three months known changed to five.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const answersOf = async (user: string) => (await t.chat.sessions.load(user, new Date(NOW))).answers;

const EMPLOYER_Q = /欠您工资的单位叫什么名字？/;
const PERIOD_Q = /拖欠的是哪段时间的工资？/;
const HEADCOUNT_Q = /一共有多少人被拖欠？/;

describe('a plain 不对 at the first confirmation', () => {
  it('one value: named, said to be asked later; the months are asked at their turn, the answers given kept', async () => {
    await converse(t.chat, 'web:h4a1')
      .sendAll('老板拖了我三个月工资', '1')
      .expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .send('不对')
      .expect(/^好的，拖欠时间先不记，后面再问您。/)
      .expectNot(/这些先不记|一项一项/)
      .expect(EMPLOYER_Q)
      .sendAll('好再来饭店', '东龙', '新塘')
      .send('不是')
      .expect(PERIOD_Q);
    const a = await answersOf('web:h4a1');
    expect(a).not.toHaveProperty('period');
    expect(a).toMatchObject({ consent: true, employer: '好再来饭店', construction: false });
  });

  it('all of two values (都不对): both named', async () => {
    await converse(t.chat, 'web:h4a2')
      .sendAll('老板拖了我三个月工资 6000', '1', '不对')
      .expect(/哪一项不对/)
      .send('3')
      .expect(/^好的，拖欠时间、拖欠金额先不记，后面再问您。/)
      .expect(EMPLOYER_Q);
    const a = await answersOf('web:h4a2');
    expect(a).not.toHaveProperty('period');
    expect(a).not.toHaveProperty('amount');
  });

  it('the answer to the question asked, refused: asked again at once (said so)', async () => {
    await converse(t.chat, 'web:h4a3')
      .sendAll('老板不发工资', '1', '好再来饭店', '东龙', '新塘', '不是')
      .expect(PERIOD_Q)
      .send('过年后')
      .expect(/对吗？/)
      .send('不对')
      .expect(/^好的，拖欠时间先不记，我再问您一次。/)
      .expect(PERIOD_Q);
    expect(await answersOf('web:h4a3')).not.toHaveProperty('period');
  });
});

/** Up to the headcount's question: 好再来饭店, 3 months, 6,000. */
const toHeadcount = (user: string) =>
  converse(t.chat, user).sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000').expect(HEADCOUNT_Q);

describe('好几个 at the headcount question', () => {
  it('never a number: rough figures from three up offered; the one picked is kept as approximate', async () => {
    await toHeadcount('web:h4b1')
      .send('好几个')
      .expect(/大概几个人？选一个最接近的就行/)
      .expect(/1\. 三四个/)
      .expectNot(/两三个/);
    expect(await answersOf('web:h4b1')).not.toHaveProperty('headcount');
    await converse(t.chat, 'web:h4b1').send('2').expect(/你们5至6个人一共被拖欠多少钱/);
    expect(await answersOf('web:h4b1')).toMatchObject({ headcount: { count: 5, approximate: true, upTo: 6 } });
  });

  it('有好几个人 too', async () => {
    await toHeadcount('web:h4b2').send('有好几个人').expect(/选一个最接近的就行/);
    expect(await answersOf('web:h4b2')).not.toHaveProperty('headcount');
  });
});

describe('an amount worked out from a monthly wage', () => {
  it('keeps the wage and the months as numbers, and follows the months cut at the month left', async () => {
    await converse(t.chat, 'web:h4c1')
      .sendAll('老板欠我三个月工资 一个月4000', '同意')
      .expect(/拖欠金额「12,000元（4,000元×3个月）」/)
      .send('对');
    expect(await answersOf('web:h4c1')).toMatchObject({ amount: { yuan: 12000, how: '4,000元×3个月', monthly: { rate: 4000, months: 3 } } });
    await converse(t.chat, 'web:h4c1')
      .sendAll('宏达建筑公司', '东龙镇', '1', '不是', '就我一个', '走了', '10月')
      .expect(/拖欠的是哪段时间/)
      .send('2')
      .expect(/拖欠金额也按4,000元×2个月改为8,000元/)
      .send('对');
    expect(await answersOf('web:h4c1')).toMatchObject({ amount: { yuan: 8000, how: '4,000元×2个月', monthly: { rate: 4000, months: 2 } }, period: { months: 2 } });
  });
});

describe('a kind of unit pointed at, not named', () => {
  it.each([
    ['就那个厂', /是哪个厂呢？/],
    ['就是那个饭店', /是哪个饭店呢？/],
    ['一个小饭馆', /是哪个饭馆呢？/],
    ['就那家店', /是哪个店呢？/],
  ])('「%s」: which one asked, nothing kept', async (said, asked) => {
    const user = `web:h4d-${said}`;
    await converse(t.chat, user).sendAll('老板拖了我三个月工资', '1', '对').expect(EMPLOYER_Q).send(said).expect(asked).expectNot(/在哪个镇或街道/);
    expect(await answersOf(user)).not.toHaveProperty('employer');
  });

  it('「就那个鑫源厂」: the name without the pointing words', async () => {
    await converse(t.chat, 'web:h4d2').sendAll('老板拖了我三个月工资', '1', '对', '就那个鑫源厂').expect(/在哪个镇或街道/);
    expect(await answersOf('web:h4d2')).toMatchObject({ employer: '鑫源厂' });
  });
});

describe('a headcount corrected as it was typed', () => {
  it('3个 不对 5个: five people confirmed, the three months untouched', async () => {
    await toHeadcount('web:h4e1').send('3个 不对 5个').expect(/我理解的是：被拖欠人数「5人」。对吗？/).expectNot(/拖欠时间|您是要改成/).send('对');
    expect(await answersOf('web:h4e1')).toMatchObject({ headcount: { count: 5 }, period: { start: '2026-09', end: '2026-11', months: 3 } });
  });
});
