/*
 * Probe round 9 (membership, /tmp/mem/findings.md A1, A2, B1, B6, B8): only what the person meant is kept, and what they
 * said ahead is kept for its question.
 *  - A1: words typed at 「职业「货车司机」。对吗？」 that name no platform (`自己的车`) are never taken as the
 *    platform (a question not asked yet that takes any words); a platform named (`美团`) still is.
 *  - A2: a boss's surname at the unit question (`我老板姓陈`, `姓陈`) is never the unit 「姓陈」.
 *  - B6: that platform (`美团`, said 记下了) is kept by the yes to the occupation, never asked again.
 *  - B8: a refusal said alone at the ID question (`不想给`, `不给`, `不方便`) is answered as `我不想给身份证` is.
 *  - B1: a bare name (`李秀英`) sent at the ID-consent or the declaration question is the name, confirmed
 *    there and never asked again, as a phone number sent there is; before the first consent it waits, said so.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, person, type Person } from './support.js';

const t = coreOnClock(NOW);

const answersOf = async (user: string) => (await t.chat.sessions.load(user, NOW)).answers;
/** Up to 「您现在是怎么工作的？」. */
const atWork = (user: string, p: Person) =>
  converse(t.chat, user).sendAll('我要入会', '1', '1', '1', p.name, p.id, p.phone).expect(/您现在是怎么工作的？/);

describe('A1 words that name no platform are never taken as one at the occupation confirmation', () => {
  it('`自己的车` at 「职业「货车司机」。对吗？」: not the platform; the platform is asked, nothing kept', async () => {
    await atWork('web:a1', person(1, '王建国'))
      .send('我开货车的')
      .expect(/我理解的是：职业「货车司机」。对吗？/)
      .send('自己的车')
      .expectNot(/接单平台「自己的车」/)
      .expect(/请回复「对」或「不对」/);
    expect(await answersOf('web:a1')).not.toHaveProperty('platform');
    await converse(t.chat, 'web:a1').send('对').expect(/您主要在哪个平台接单？/);
    expect(await answersOf('web:a1')).toMatchObject({ occupation: 'truck_driver' });
    expect(await answersOf('web:a1')).not.toHaveProperty('platform');
  });

  it('`美团` at 「职业「外卖配送员」。对吗？」 is still the platform, kept by the yes (never asked again)', async () => {
    await atWork('web:a1b', person(2, '王建国'))
      .send('我送外卖的')
      .expect(/我理解的是：职业「外卖配送员」。对吗？/)
      .send('美团')
      .expect(/接单平台「美团」记下了/)
      .send('对')
      .expectNot(/您主要在哪个平台接单？/)
      .expect(/您在美团是专送还是众包？/);
    expect(await answersOf('web:a1b')).toMatchObject({ employment: 'new_form', occupation: 'food_delivery', platform: '美团' });
  });
});

describe('B1 a bare name said at a gate is the name', () => {
  it('`李秀英` at the ID-consent question: confirmed, and the name is not asked again', async () => {
    await converse(t.chat, 'web:b1')
      .sendAll('我要入会', '1')
      .expect(/您同意提供身份证号吗？/)
      .send('李秀英')
      .expect(/我理解的是：姓名「李秀英」。对吗？/)
      .send('对')
      .expect(/您同意提供身份证号吗？/)
      .sendAll('1', '1')
      .expect(/18位身份证号/)
      .expectNot(/请输入您的姓名/);
    expect(await answersOf('web:b1')).toMatchObject({ name: '李秀英' });
  });

  it('`王芳` at the declaration: confirmed, then the declaration asked again', async () => {
    await converse(t.chat, 'web:b2')
      .sendAll('我要入会', '1', '1')
      .expect(/入会声明/)
      .send('王芳')
      .expect(/我理解的是：姓名「王芳」。对吗？/)
      .send('1')
      .expect(/您确认以上声明吗？/)
      .send('1')
      .expect(/18位身份证号/);
    expect(await answersOf('web:b2')).toMatchObject({ name: '王芳' });
  });

  it('`李秀英` before the first consent: not kept, said so, confirmed after the yeses', async () => {
    await converse(t.chat, 'web:b3')
      .send('我要入会')
      .send('李秀英')
      .expect(/您刚才发来的姓名还没有保存/)
      .sendAll('1', '1', '1')
      .expect(/我理解的是：姓名「李秀英」。对吗？/);
  });

  it.each(['东龙镇', '好的吧', '再想想'])('`%s` at the ID-consent question is no name', async (said) => {
    const user = `web:b4-${said}`;
    await converse(t.chat, user).sendAll('我要入会', '1').send(said).expectNot(/姓名「/);
    expect(await answersOf(user)).not.toHaveProperty('name');
  });
});

describe('B8 a refusal said alone at the ID question', () => {
  it.each(['不想给', '不给', '不方便', '不想填。'])('`%s`: why the number is needed and the ways on, not 「只能包含数字」', async (said) => {
    const user = `web:b8-${said}`;
    await converse(t.chat, user)
      .sendAll('我要入会', '1', '1', '1', '王建国')
      .expect(/18位身份证号/)
      .send(said)
      .expect(/身份证号是用来核实是您本人/)
      .expect(/回复「人工」/)
      .expectNot(/只能包含数字/);
    expect(await answersOf(user)).not.toHaveProperty('idNumber');
  });
});

describe('A2 a boss\'s surname is never the unit', () => {
  it.each(['我老板姓陈', '姓陈', '我们老板姓陈，开饭店的'])('`%s` at the unit question: no unit kept, the unit asked for', async (said) => {
    const user = `web:a2-${said}`;
    await atWork(user, person(3, '王建国'))
      .send('1')
      .expect(/您在哪家单位工作？/)
      .send(said)
      .expectNot(/「姓陈」/)
      .expect(/不是包工头或老板本人/);
    expect(await answersOf(user)).not.toHaveProperty('employer');
  });

  it('then `陈记饭店` is the unit', async () => {
    await atWork('web:a2b', person(4, '王建国'))
      .sendAll('1', '我老板姓陈')
      .send('陈记饭店')
      .expect(/「陈记饭店」在哪个镇或街道？/);
    expect(await answersOf('web:a2b')).toMatchObject({ employer: { name: '陈记饭店' } });
  });
});
