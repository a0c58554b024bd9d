/*
 * Workers' own words in the wage report (helper h111, round 28), as transcripts on real Redis:
 *  - `好再来饭店嘛` (a unit not in the directory, then 嘛) at the employer question: read as a question (答不上来, and
 *    the question again). Now the name without 嘛, as `好再来饭店呀`; `能找老板要嘛` still asks.
 *  - `辞职了 10月底`, `10月底辞职了`, `被辞退了 10月份` at whether the person still works there, the arrears said to
 *    run past that month: the month was dropped and 「什么时候离开的？」 asked from scratch. Now the month is kept and
 *    which period is meant is asked with it, as for `走了 10月`.
 *  - `全厂的人都没拿到`, `全店都欠着` at the headcount: 没看明白. Now rough figures to choose from.
 *  - `欠我三个月工资` at the amount (three months known): 「这看起来不是钱数…」. Now the months said to be noted, and
 *    the money asked.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:h111-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const EMPLOYER_ASK = /欠您工资的单位叫什么名字？/;
const PLACE_ASK = /您在哪个镇或街道干活？/;
/** After consent, to the period question (the unit, its place, not a building site). */
const TO_PERIOD = ['好再来饭店', '对', '东龙', '新塘', '不是'];
/** To whether the person still works there (owed September to November, 6000, alone). */
const TO_EMPLOYED = [...TO_PERIOD, '今年9月到11月', '6000', '就我一个'];

describe('a unit\'s name with 嘛 at the employer question', () => {
  it('`好再来饭店嘛`: the name without 嘛, then the place asked', async () => {
    const user = someone('ma');
    await converse(t.chat, user).sendAll('我要报欠薪', '同意').expect(EMPLOYER_ASK).send('好再来饭店嘛').expect(PLACE_ASK).expectNot(/答不上来/);
    expect(JSON.stringify((await answers(user)).employer)).toContain('好再来饭店');
    expect(JSON.stringify((await answers(user)).employer)).not.toContain('嘛');
  });

  // guard: a real question with 嘛 is never taken as the unit's name.
  it('`能找老板要嘛`, `这个要写公司名嘛`: no name taken', async () => {
    for (const q of ['能找老板要嘛', '这个要写公司名嘛', '要写饭店嘛']) {
      const user = someone('ma-q');
      await converse(t.chat, user).sendAll('我要报欠薪', '同意').send(q).expect(EMPLOYER_ASK).expectNot(PLACE_ASK);
      expect((await answers(user)).employer).toBeUndefined();
    }
  });
});

describe('gone, and the month, at whether the person still works there', () => {
  for (const said of ['辞职了 10月底', '10月底辞职了', '被辞退了 10月份', '已经离开 10月底走的']) {
    it(`\`${said}\` (owed to November): the month kept, the period asked with it`, async () => {
      await converse(t.chat, someone('left'))
        .sendAll('我要报欠薪', '同意', ...TO_EMPLOYED, said)
        .expect(/您说2026年10月就离开了，可前面记的拖欠时间是2026年9月至2026年11月（3个月）/)
        .expectNot(/什么时候离开的？例如/);
    });
  }
});

describe('everyone at the workplace, at the headcount', () => {
  for (const said of ['全厂的人都没拿到', '全店都欠着', '整个公司的人都没拿到']) {
    it(`\`${said}\`: rough figures to choose from`, async () => {
      const user = someone('all');
      await converse(t.chat, user)
        .sendAll('我要报欠薪', '同意', ...TO_PERIOD, '今年9月到11月', '6000', said)
        .expect(/大概多少人？选一个最接近的就行/)
        .expectNot(/工程建设项目|没看明白/)
        .send('4')
        .expect(/一共被拖欠多少钱/);
      expect((await answers(user)).headcount).toMatchObject({ count: 20, approximate: true });
    });
  }
});

describe('the months again at the amount', () => {
  it('`欠我三个月工资` (three months known): the months noted, the money asked', async () => {
    const user = someone('months');
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', ...TO_PERIOD, '今年9月到11月', '欠我三个月工资')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」已经记下了。这里问的是您一共被拖欠了多少钱/)
      .expectNot(/不是钱数/);
    expect((await answers(user)).amount).toBeUndefined();
  });
});
