/*
 * Probe (membership, h6): what a rider types on a phone while joining.
 *  - `老板会知道吗`, `单位会知道吗` in the middle of joining: answered about joining (who sees the application),
 *    never with the wage report's anonymity answer.
 *  - `在几个平台都跑` at the platform question: the several-platforms hint (was the general help again).
 *  - `我在饿了么跑专送` at the work question: 外卖配送员, 饿了么 and 专送 said back (was the question again, no word).
 *  - `自己干` at the work question: the ways told (was 「请回复1或2」 alone).
 *  - `饿了吗` (the pinyin slip for 饿了么): the platform 饿了么, never 「饿了吗」 kept.
 *  - `没错啊 就是这个` after an ID number that did not check: what to do, not 「只能包含数字」.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, person, withWrongCheck, type Person } from './support.js';

const t = coreOnClock(NOW);

const answersOf = async (user: string) => (await t.chat.sessions.load(user, NOW)).answers;
/** Up to 「您现在是怎么工作的？」. */
const atWork = (user: string, p: Person) =>
  converse(t.chat, user).sendAll('我要入会', '1', '1', '1', p.name, p.id, p.phone).expect(/您现在是怎么工作的？/);
/** Up to the platform question of a rider. */
const atPlatform = (user: string, p: Person) => atWork(user, p).sendAll('2', '3').expect(/您主要在哪个平台接单？/);

describe('whether the boss learns of joining, asked in the middle', () => {
  it('`老板会知道吗` at the ID question: who sees the application, then the question again', async () => {
    const p = person(1);
    await converse(t.chat, 'web:h6-boss')
      .sendAll('我要入会', '1', '1', '1', p.name)
      .expect(/请输入您的18位身份证号码/)
      .send('老板会知道吗')
      .expect(/入会的信息只有审核您申请的工会工作人员能看到，不会交给老板/)
      .expectNot(/反映欠薪/)
      .expect(/请输入您的18位身份证号码/);
    // While reporting wages the same words still get the report's answer.
    await converse(t.chat, 'web:h6-wage')
      .sendAll('老板拖了我三个月工资', '1')
      .send('老板会知道吗')
      .expect(/在这里反映欠薪，要留姓名和手机号/)
      .expectNot(/入会的信息/);
  });

  it('`单位会知道吗` at the work question: the same answer (was 「答不上来」)', async () => {
    await atWork('web:h6-unit', person(2))
      .send('单位会知道吗')
      .expect(/不会交给老板/)
      .expectNot(/答不上来/)
      .expect(/您现在是怎么工作的？/);
  });
});

describe('the platform question', () => {
  it('`在几个平台都跑`: asked for the main one', async () => {
    await atPlatform('web:h6-several', person(3))
      .send('在几个平台都跑')
      .expect(/在几个平台都接单的话，写接单最多的那一个就行/)
      .expectNot(/平台是您接单用的App/);
    expect(await answersOf('web:h6-several')).not.toHaveProperty('platform');
  });

  it('`饿了吗`: the platform 饿了么', async () => {
    await atPlatform('web:h6-typo', person(4)).send('饿了吗').expect(/您在饿了么是专送还是众包？/).expectNot(/饿了吗/);
    expect(await answersOf('web:h6-typo')).toMatchObject({ platform: '饿了么' });
  });
});

describe('the work question', () => {
  it('`我在饿了么跑专送`: the work, the platform and 专送 said back', async () => {
    await atWork('web:h6-work', person(5))
      .send('我在饿了么跑专送')
      .expect(/我理解的是：职业「外卖配送员」、接单平台「饿了么」、接单方式「专送」。对吗？/)
      .send('对')
      .expect(/请选择按哪里登记/);
    expect(await answersOf('web:h6-work')).toMatchObject({ employment: 'new_form', occupation: 'food_delivery', platform: '饿了么', riderType: 'dedicated' });
  });
});

describe('on their own', () => {
  it('`自己干` at the work question: which answer fits which way of working, nothing chosen', async () => {
    await atWork('web:h6-own', person(7))
      .send('自己干')
      .expect(/自己接活干、没有固定单位的，可以回复2（新就业形态劳动者）/)
      .send('2')
      .expect(/您做的是哪种工作？/);
    expect(await answersOf('web:h6-own')).toMatchObject({ employment: 'new_form' });
  });
});

describe('an ID number that did not check, said to be right', () => {
  it('`没错啊 就是这个`: how it goes wrong and the way on, nothing kept', async () => {
    const p = person(6);
    await converse(t.chat, 'web:h6-id')
      .sendAll('我要入会', '1', '1', '1', p.name)
      .send(withWrongCheck(p.id.slice(0, 17)))
      .expect(/校验码不对/)
      .send('没错啊 就是这个')
      .expect(/号码核对不上.*请对着身份证逐位再核对一遍/)
      .expectNot(/只能包含数字/);
    expect(await answersOf('web:h6-id')).not.toHaveProperty('idNumber');
  });
});
