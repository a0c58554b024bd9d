/*
 * Probe round 10 (membership): only what the person meant is kept, and nothing said is kept without a word.
 *  - 1: `美团专送` at 「职业「外卖配送员」。对吗？」: the platform is said as taken (never kept unsaid), 专送 confirmed;
 *    `专送` alone is said to wait for its question (then confirmed there).
 *  - 4: an ID number with a wrong check digit at the declaration: said plainly, nothing kept.
 *  - 5: `不对 我是跑滴滴的` at the occupation confirmation: 网约车司机 and the platform 滴滴, both said back.
 *  - 6: `对` at the platform and the residence questions: never a platform 「对」, never 「没找到「对」」.
 *  - 7: `我住在广州白云区` at the residence question (`深圳` at the unit's town): outside the area, said plainly (never
 *    quoted back as a town not found).
 *  - 8: `我已经是会员了，想再入一次` at the menu: no need to join again.
 *  - 9: `不方便` at the declaration: not the end of the application; what is needed is said, the answers kept.
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
/** Up to the residence question of a rider on 美团. */
const atResidence = (user: string, p: Person) =>
  atWork(user, p).sendAll('2', '3', '美团', '1', '1').expect(/您的常住地在哪个区、哪个镇或街道？/);

describe('1 专送 at the occupation confirmation', () => {
  it('`美团专送`: the platform is said as taken, 专送 confirmed with the work', async () => {
    await atWork('web:s1', person(1))
      .send('我送外卖的')
      .expect(/我理解的是：职业「外卖配送员」。对吗？/)
      .send('美团专送')
      .expect(/接单平台「美团」记下了/)
      .expect(/职业「外卖配送员」、接单方式「专送」。对吗？/)
      .send('对')
      .expect(/请选择按哪里登记/);
    expect(await answersOf('web:s1')).toMatchObject({ occupation: 'food_delivery', platform: '美团', riderType: 'dedicated' });
  });

  it('`专送` alone: said to wait for its question, and confirmed there', async () => {
    await atWork('web:s1b', person(2))
      .send('我送外卖的')
      .send('专送')
      .expect(/接单方式「专送」）等问到时再跟您核对/)
      .expect(/职业「外卖配送员」。对吗？/)
      .send('对')
      .expect(/您主要在哪个平台接单？/)
      .send('美团')
      .expect(/接单方式「专送」。对吗？/);
  });
});

describe('4 an ID number with a wrong check digit at the declaration', () => {
  it('said plainly, nothing kept, the declaration asked', async () => {
    const p = person(3);
    await converse(t.chat, 'web:s4')
      .sendAll('我要入会', '1', '1')
      .expect(/您确认以上声明吗？/)
      .send(withWrongCheck(p.id.slice(0, 17)))
      .expect(/身份证号核对不上/)
      .expect(/先确认上面的入会声明/);
    expect(await answersOf('web:s4')).not.toHaveProperty('idNumber');
  });
});

describe('5 a correction that names the platform too', () => {
  it('`不对 我是跑滴滴的`: 网约车司机 and 滴滴 both said back, never the platform kept unsaid', async () => {
    await atWork('web:s5', person(4))
      .send('我送外卖的')
      .expect(/职业「外卖配送员」。对吗？/)
      .send('不对 我是跑滴滴的')
      .expect(/职业已改为「网约车司机」，接单平台「滴滴」也记下了。/)
      .expect(/请选择按哪里登记/);
    expect(await answersOf('web:s5')).toMatchObject({ occupation: 'ride_hailing', platform: '滴滴' });
  });
});

describe('6 a yes at a question that is not a yes-or-no one', () => {
  it('`对` at the platform question: no platform 「对」', async () => {
    await atWork('web:s6', person(5))
      .sendAll('2', '3')
      .expect(/您主要在哪个平台接单？/)
      .send('对')
      .expectNot(/您在对是/)
      .expect(/平台（App）名称/);
    expect(await answersOf('web:s6')).not.toHaveProperty('platform');
  });

  it('`对` at the residence question: asked for the town, never 「没找到「对」」', async () => {
    await atResidence('web:s6b', person(6))
      .send('对')
      .expectNot(/没找到「对」/)
      .expect(/镇或街道的名字/);
    expect(await answersOf('web:s6b')).not.toHaveProperty('residence');
  });
});

describe('7 a home outside the area', () => {
  it('`我住在广州白云区`: outside the area said plainly, not quoted back', async () => {
    await atResidence('web:s7', person(7))
      .send('我住在广州白云区')
      .expectNot(/没找到「我住在广州白云区」/)
      .expect(/广州不在我们的服务范围/);
    expect(await answersOf('web:s7')).not.toHaveProperty('residence');
  });

  it('`深圳` at the unit\'s town: the union where the unit is, never 「没找到「深圳」」', async () => {
    await atWork('web:s7b', person(8))
      .sendAll('1', '好再来饭店')
      .expect(/「好再来饭店」在哪个镇或街道？/)
      .send('深圳')
      .expectNot(/没找到「深圳」/)
      .expect(/单位在深圳的，一般在单位所在地的工会入会/);
    expect(await answersOf('web:s7b')).not.toHaveProperty('workplace');
  });
});

describe('8 a member asking to join again', () => {
  it('`我已经是会员了，想再入一次` at the menu: no need to join again', async () => {
    await converse(t.chat, 'web:s8').send('我已经是会员了，想再入一次').expectNot(/没太明白/).expect(/不用再入会/);
  });
});

describe('9 `不方便` at the declaration', () => {
  it('not the end: what is needed is said, and 1 goes on with the answers kept', async () => {
    await converse(t.chat, 'web:s9')
      .sendAll('我要入会', '1', '1')
      .expect(/您确认以上声明吗？/)
      .send('不方便')
      .expectNot(/没有保存您的回答/)
      .expect(/回答都还在/)
      .send('1')
      .expect(/请输入您的姓名/);
    expect(await answersOf('web:s9')).toMatchObject({ consent: true, idConsent: true });
  });
});
