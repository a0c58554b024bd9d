/*
 * Words round 7 (membership): corrections in free words at the summary, and messages that say more than the
 * question asks. Only what the person meant is kept; a reading is said back before it counts.
 *  - A unit said to be left (`我不在宏达干了 现在在好再来饭店`, `以前在宏达 现在在…当服务员`) is never the unit
 *    (was kept as 「不在宏达」 / 「以前在宏达」); the unit of now is said back; only a unit left (`宏达建筑不干了`)
 *    asks for the unit of now.
 *  - At the summary, a town said alone (`白沙镇`) is read as the address and confirmed (was not understood).
 *  - The name with the unit after it (`张伟 在好再来饭店当服务员`) keeps both (the name was dropped).
 *  - `等下 我去拿身份证` at the ID question is no wrong number.
 *  - The free-words corrections of the summary each change only the field meant.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { NOW, consented, person, type Person } from './support.js';

const t = coreOnClock(NOW);

const answersOf = async (user: string) => (await t.chat.sessions.load(user, NOW)).answers;
/** Up to 「您在哪家单位工作？」. */
const atEmployer = (user: string, p: Person) =>
  consented(t.chat, user).sendAll(p.name, p.id, p.phone).expect(/您现在是怎么工作的？/).send('1').expect(/您在哪家单位工作？/);
/** An employee of 青溪宏达建筑工程有限公司 living in 东龙镇, up to the summary. */
const atSummary = (user: string, p: Person) =>
  atEmployer(user, p)
    .send('青溪宏达建筑工程有限公司')
    .expect(/请选择按哪里登记/)
    .send('东龙')
    .send('1')
    .expect(/请核对您的入会申请/)
    .expect(/地址：青溪区东龙镇/);

describe('a unit left is never the unit', () => {
  it('「以前在宏达 现在在好再来饭店当服务员」 at the unit question: 好再来饭店 said back, never 「以前在宏达」', async () => {
    const user = 'web:w7-1';
    await atEmployer(user, person(1, '张伟'))
      .send('以前在宏达 现在在好再来饭店当服务员')
      .expectNot(/以前在宏达/)
      .expect(/我理解的是：工作单位「好再来饭店」。对吗？/)
      .send('对')
      .expect(/「好再来饭店」在哪个镇或街道？/);
    expect((await answersOf(user)).employer).toEqual({ name: '好再来饭店', employerId: null });
  });

  it('「宏达建筑不干了」 at the unit question: the unit of now is asked, nothing kept', async () => {
    const user = 'web:w7-2';
    await atEmployer(user, person(2, '张伟'))
      .send('宏达建筑不干了')
      .expect(/入会登记的是您现在工作的单位。您现在在哪家单位上班？/)
      .expectNot(/在哪个镇或街道|宏达建筑不/);
    expect(await answersOf(user)).not.toHaveProperty('employer');
  });

  it('「我不在宏达干了 现在在好再来饭店」 at the summary: only the unit changes, confirmed first', async () => {
    const user = 'web:w7-3';
    await atSummary(user, person(3, '张伟'))
      .send('我不在宏达干了 现在在好再来饭店')
      .expect(/您是要改成：工作单位「好再来饭店」，对吗？/)
      .expect(/之前填的是：工作单位「青溪宏达建筑工程有限公司」/)
      .send('对')
      .expect(/「好再来饭店」在哪个镇或街道？/)
      .send('白沙镇')
      .expect(/工作单位：好再来饭店/)
      .expect(/单位所在地：青溪区白沙镇/)
      .expect(/姓名：张伟/)
      .expect(/地址：青溪区东龙镇/);
  });
});

describe('corrections in free words at the summary', () => {
  it('「白沙镇」 alone: the address, said back and confirmed; nothing else changes', async () => {
    const user = 'web:w7-4';
    await atSummary(user, person(4, '张伟'))
      .send('白沙镇')
      .expect(/您是要改成：地址「青溪区白沙镇」，对吗？/)
      .send('对')
      .expect(/地址：青溪区白沙镇/)
      .expect(/工作单位：青溪宏达建筑工程有限公司/)
      .expect(/登记地：常住地/);
    expect((await answersOf(user)).name).toBe('张伟');
  });

  it.each([
    ['我不是常住东龙 是白沙镇', /地址已改为「青溪区白沙镇」/, /地址：青溪区白沙镇/],
    ['住的地方写错了，应该是白沙镇', /地址已改为「青溪区白沙镇」/, /地址：青溪区白沙镇/],
    ['名字错了 叫李强', /姓名已改为「李强」/, /姓名：李强/],
  ])('「%s」: that field only, said back, the summary again', async (said, ack, line) => {
    const user = `web:w7-5-${said}`;
    await atSummary(user, person(5, '张伟'))
      .send(said)
      .expect(ack)
      .expect(/请核对您的入会申请/)
      .expect(line)
      .expect(/手机号：13700000005/)
      .expect(/工作单位：青溪宏达建筑工程有限公司/);
  });

  it('「电话换一个 13912345678」: the number said back, confirmed, nothing else changes', async () => {
    await atSummary('web:w7-6', person(6, '张伟'))
      .send('电话换一个 13912345678')
      .expect(/您是要改成：手机号「13912345678」，对吗？/)
      .send('对')
      .expect(/手机号：13912345678/)
      .expect(/地址：青溪区东龙镇/);
  });

  it('「单位不对 是好再来饭店」: the unit changes, its town asked (it is not in the directory)', async () => {
    await atSummary('web:w7-7', person(7, '张伟'))
      .send('单位不对 是好再来饭店')
      .expect(/工作单位已改为「好再来饭店」/)
      .expect(/「好再来饭店」在哪个镇或街道？/)
      .send('白沙镇')
      .expect(/工作单位：好再来饭店/)
      .expect(/地址：青溪区东龙镇/);
  });
});

describe('more than the question asks', () => {
  it('「张伟 在好再来饭店当服务员」 at the name question: the name and the unit, confirmed together', async () => {
    const user = 'web:w7-8';
    await consented(t.chat, user)
      .send('张伟 在好再来饭店当服务员')
      .expect(/我理解的是：姓名「张伟」、工作方式「单位职工」、工作单位「好再来饭店」。对吗？/)
      .send('对')
      .expect(/18位身份证号/);
    expect(await answersOf(user)).toMatchObject({ name: '张伟', employer: { name: '好再来饭店', employerId: null } });
  });

  it('「等下 我去拿身份证」 at the ID question: no wrong number, the way on', async () => {
    await consented(t.chat, 'web:w7-9')
      .send('张伟')
      .send('等下 我去拿身份证')
      .expect(/不着急。拿到身份证后，把上面的18位号码发给我就行/)
      .expectNot(/只能包含数字/);
  });
});
