/*
 * Joining the union: what was left in a worker's own words (h102).
 *  - "Can X join?" (`残疾人可以入会吗`, `临时工可以入会吗`, `送外卖的可以入会吗`, `兄弟 我跑美团的 能入工会不`): the
 *    joining intro and consent started at once, the question unanswered; `我是残疾人能入会吗` got the disabled
 *    worker's answer with a wage report offered. Now the knowledge base's answer to the question asked (who may join,
 *    or the new `disabled-join` entry, from facts the base already held), then joining offered; 好的 starts it, with
 *    the work said in the question confirmed after the consents.
 *  - `我想入会 我是河西街道的`: the town was dropped. Now held (never an answer) and offered by name at 登记地.
 *  - `张伟`, an ID number, a phone typed in turn at the declaration while facts wait: the whole declaration was shown
 *    each time (the same long question three times). Now its short form the third time, as a consent's; nothing lost.
 *  - `青溪纺织` (a known unit's name as it begins) at 「您现在是怎么工作的？」: 「请回复1或2」 again and again; now proposed.
 *  - Cantonese yeses `得嘅`, `得咯`, `得，`, `得啦得啦` at a consent (asked again before); `我得问问`, `得了吧` never a yes.
 * Guards: the work said at the ID-number consent, `同意 430…` there, an ID number at the name question (masked, and
 * in no Redis value in clear), and the answers that were right before.
 * Transcripts on the real chat service and real Redis, on a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { eligibilityAsked } from '../../flows/membership.js';
import { converse } from '../support/converse.js';
import { dumpPrefix } from '../support/redis-dump.js';
import { NOW, ZHANG } from './support.js';

const t = coreOnClock(NOW);
const sessionOf = (user: string) => t.chat.sessions.load(user, NOW);
const someone = (tag: string) => `web:h102-${tag}`;

const CONSENT = /您同意吗/;
const JOIN_OFFER = /要现在申请入会吗？/;
const WHO_MAY_JOIN = /^可以。靠工资收入生活的劳动者，不管是农民工、临时工、骑手/;
const DISABLED_JOIN = /^可以。不管是不是残疾人，靠工资收入生活的劳动者都可以加入工会。残疾人另有哪些照顾政策/;
const DECLARATION = /入会声明：加入工会要本人自愿/;

async function clearInRedis(id: string): Promise<boolean> {
  const dump = await dumpPrefix(t.core.redis, t.core.config.REDIS_PREFIX);
  return ![...dump.values()].some((v) => v.includes(id) || v.includes(id.slice(0, 17)));
}

describe('"can X join?": the question answered, then joining offered', () => {
  it('`残疾人可以入会吗`: the disabled worker may join, then the offer; 好的 starts joining (it began at once)', async () => {
    await converse(t.chat, someone('dis1'))
      .send('残疾人可以入会吗')
      .expect(DISABLED_JOIN)
      .expect(/12351/)
      .expect(JOIN_OFFER)
      .expectNot(CONSENT)
      .send('好的')
      .expect(/加入工会后，您可以/)
      .expect(CONSENT);
  });

  it('`我是残疾人能入会吗`: the same answer, joining offered (never a wage report offered in its place)', async () => {
    await converse(t.chat, someone('dis2')).send('我是残疾人能入会吗').expect(DISABLED_JOIN).expect(JOIN_OFFER).expectNot(/被欠了工钱的话/);
  });

  it.each([['临时工可以入会吗'], ['送外卖的可以入会吗'], ['兄弟 我跑美团的 能入工会不'], ['我是饿了么的骑手 可以入会不']])('`%s`: who may join answered, then the offer', async (said) => {
    await converse(t.chat, someone(`w-${said}`)).send(said).expect(WHO_MAY_JOIN).expect(JOIN_OFFER).expectNot(CONSENT);
  });

  it('`送外卖的可以入会吗` then 好的: the work said in the question confirmed after the consents, never lost', async () => {
    await converse(t.chat, someone('rider'))
      .send('送外卖的可以入会吗')
      .expect(JOIN_OFFER)
      .send('好的')
      .expect(CONSENT)
      .sendAll('同意', '同意')
      .expect(DECLARATION)
      .send('1')
      .expect(/职业「外卖配送员」。对吗/);
  });

  it('the question read as such only by the knowledge base\'s rules', () => {
    expect(eligibilityAsked('临时工可以入会吗')).toEqual({ kind: 'worker', age: null });
    expect(eligibilityAsked('残疾人可以入会吗')).toEqual({ kind: 'disabled', age: null });
    expect(eligibilityAsked('我老公是送外卖的可以入会吗')).toEqual({ kind: 'worker', age: null, who: '老公' });
  });

  // guard: no one named, or no kind of worker: joining starts as before; age and retirement keep their own answers.
  it('guard: `我可以入会吗`, `我在厂里干了3个月能入会吗` are no such question; `学生可以入会吗` and age keep theirs', async () => {
    expect(eligibilityAsked('我可以入会吗')).toBeNull();
    expect(eligibilityAsked('我在厂里干了3个月能入会吗')).toBeNull();
    expect(eligibilityAsked('学生兼职可以入会吗')).toEqual({ kind: 'student', age: null });
    await converse(t.chat, someone('g1')).send('我60岁了还能入会吗').expect(/入会没有年龄上限/).expect(/您还在工作的话/);
    await converse(t.chat, someone('g2')).send('农民工能入会吗').expect(/^可以。靠工资收入生活的劳动者/).expect(JOIN_OFFER);
  });

  // guard: the disabled worker's other questions keep the answer that covers reporting and lawyers too.
  it('guard: `残疾人可以吗`, `残疾人能申请法律援助吗` keep the general answer', async () => {
    await converse(t.chat, someone('g3')).send('残疾人可以吗').expect(/被欠了工钱都可以在这里反映/);
    await converse(t.chat, someone('g4')).send('残疾人能申请法律援助吗').expect(/法律援助是免费的/);
  });

  // About someone else: the answer to who may join (it was the general 年满16周岁 one), he applies himself, nothing
  // offered to the asker.
  it('`我老公是送外卖的可以入会吗`: who may join answered, he applies himself, 好的 starts nothing', async () => {
    await converse(t.chat, someone('g5')).send('我老公是送外卖的可以入会吗').expect(WHO_MAY_JOIN).expect(/请让他用自己的微信/).expectNot(JOIN_OFFER).send('好的').expectNot(CONSENT);
  });
});

describe('a town in the first message', () => {
  it('`我想入会 我是河西街道的`: held (not an answer), said after the declaration, offered by name at 登记地', async () => {
    const user = someone('town');
    await converse(t.chat, user)
      .sendAll('我想入会 我是河西街道的', '同意', '同意')
      .send('1')
      .expect(/您在河西街道，我先记下/)
      .expect(/请输入您的姓名/);
    expect((await sessionOf(user)).answers).not.toHaveProperty('residence');
    await converse(t.chat, user)
      .sendAll(ZHANG.name, ZHANG.id, ZHANG.phone, '2', '3', '美团')
      .send('众包')
      .expect(/您刚才说在河西街道/)
      .expect(/现在住在河西街道（按常住地登记）/)
      .send('1')
      .expect(/地址：青溪区河西街道/);
  });
});

describe('an older factory worker\'s unit at 「您现在是怎么工作的？」', () => {
  const toWork = (user: string) => converse(t.chat, user).sendAll('我想参加工会', '同意', '同意', '1', ZHANG.name, ZHANG.id).send(ZHANG.phone).expect(/您现在是怎么工作的/);

  it('`青溪纺织` (how a known unit\'s name begins): proposed as that unit (it was 「请回复1或2」 again and again)', async () => {
    await toWork(someone('unit1')).send('青溪纺织').expect(/工作方式「单位职工」、工作单位「青溪纺织有限公司」。对吗/).send('对').expect(/按哪里登记/);
  });

  // guard: two characters (several units may begin so) and a place are no unit here.
  it('guard: `宏达`, `河西街道` are not taken as a unit at that question', async () => {
    await toWork(someone('unit2')).send('宏达').expectNot(/工作单位「/);
    await toWork(someone('unit3')).send('河西街道').expectNot(/工作单位「/);
  });
});

describe('answers typed at the declaration', () => {
  it('name, ID number and phone typed there in turn: the short form the third time; all kept for after the yes', async () => {
    const user = someone('decl');
    await converse(t.chat, user)
      .sendAll('我想入会 我住在河西街道', '同意', '同意')
      .send(ZHANG.name)
      .expect(DECLARATION)
      .send(ZHANG.id)
      .send(ZHANG.phone)
      .expect(/请回复1表示确认入会声明/)
      .expectNot(DECLARATION)
      .send('1')
      .expect(/姓名「张三」/)
      .expect(/手机号「13912345678」/)
      .expect(/地址「青溪区河西街道」/)
      .expectNot(new RegExp(ZHANG.id));
  });
});

describe('Cantonese yeses at a consent', () => {
  it.each([['得嘅'], ['得咯'], ['得，'], ['得啦得啦']])('`%s` at the consent is a yes (it was asked again)', async (said) => {
    await converse(t.chat, someone(`yes-${said}`)).send('我要入会').expect(CONSENT).send(said).expect(/身份证号需要您单独同意/);
  });

  // guard: 得 in a sentence, and 得了吧 (enough, scoffing), are never a yes; a bare 得 still is.
  it('guard: `我得问问`, `得了吧` are no yes; `得` is', async () => {
    await converse(t.chat, someone('no-1')).send('我要入会').send('我得问问').expect(/不着急，弄清楚了再来/).expectNot(/身份证号需要您单独同意/);
    await converse(t.chat, someone('no-2')).send('我要入会').send('得了吧').expectNot(/身份证号需要您单独同意/);
    await converse(t.chat, someone('no-3')).send('我要入会').send('得').expect(/身份证号需要您单独同意/).send('得').expect(DECLARATION);
  });
});

describe('at the ID-number consent', () => {
  // guard: the work proposed while the consent stands; the consent asked again in full; the work never asked again.
  it('guard: `我是送外卖的` there: proposed, then the consent again; after it the work is kept', async () => {
    await converse(t.chat, someone('work'))
      .sendAll('我要入会', '同意')
      .send('我是送外卖的')
      .expect(/职业「外卖配送员」。对吗/)
      .send('对')
      .expect(/身份证号需要您单独同意/)
      .expect(/您同意提供身份证号吗/)
      .sendAll('同意', '1', ZHANG.name, ZHANG.id)
      .send(ZHANG.phone)
      .expect(/哪个平台接单/)
      .expectNot(/您现在是怎么工作的/);
  });

  // guard: the yes and the number in one message: the consent taken, the number confirmed masked, never in clear.
  it('guard: `同意 <ID>`: consent given, the number confirmed masked and kept nowhere in clear', async () => {
    const user = someone('id-yes');
    await converse(t.chat, user).sendAll('我要入会', '同意').send(`同意 ${ZHANG.id}`).expect(/身份证号「4503\*+1\d{2}[\dX]」。对吗/).expectNot(new RegExp(ZHANG.id));
    expect((await sessionOf(user)).answers.idConsent).toBe(true);
    expect(await clearInRedis(ZHANG.id)).toBe(true);
  });

  // guard: an ID number where the name is asked: confirmed masked, in clear nowhere.
  it('guard: the ID number at the name question: masked, never in clear', async () => {
    await converse(t.chat, someone('id-name')).sendAll('我要入会', '同意', '同意', '1').send(ZHANG.id).expect(/4503\*+/).expectNot(new RegExp(ZHANG.id));
    expect(await clearInRedis(ZHANG.id)).toBe(true);
  });
});
