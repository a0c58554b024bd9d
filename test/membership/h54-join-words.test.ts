/*
 * Joining the union in a tired worker's own words (h54):
 *  - `随便`, `你猜`, `都行`, `无所谓`, `说不好`, `啥都有` are never a platform's, a work's, a unit's or the person's
 *    name (were kept, or 「姓名「随便」。对吗？」 asked, or 啥都有 answered as a question (「答不上来」):
 *    「您在随便是专送还是众包？」, 「「无所谓」在哪个镇或街道？」, 具体工作 「随便」); `说不好` at the optional platform
 *    question passes it over as 不知道 does.
 *  - `手机就是这个号` at the phone question: the bot sees no number, and says so (was 「手机号只能包含数字」).
 *  - A slip of 同意 / 确认 at a gate (`同以`, `同一`, `确人`) is no name held for the name question (was
 *    「您刚才发来的姓名还没有保存」, and 「同以」 waited to be confirmed as the name): the gate is asked again.
 *  - `常驻地`, `户藉地` at 「按哪里登记」 are 常住地 / 户籍地 (were 「请回复1（按常住地）或2（按户籍地）」); `长住地` (read
 *    already) is a guard.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, consented, person, type Person } from './support.js';

const t = coreOnClock(NOW);
const answersOf = async (user: string) => (await t.chat.sessions.load(user, NOW)).answers;

/** Up to 「您现在是怎么工作的？」. */
const atEmployment = (user: string, p: Person) => consented(t.chat, user).sendAll(p.name, p.id, p.phone).expect(/您现在是怎么工作的？/);
/** A 外卖 rider, up to 「您主要在哪个平台接单？」. */
const atPlatform = (user: string, p: Person) => atEmployment(user, p).send('2').expect(/哪种工作/).send('外卖员').expect(/您主要在哪个平台接单？/);

describe('leaving it to us is no name', () => {
  for (const [i, word] of ['随便', '你猜', '都行'].entries()) {
    it(`\`${word}\` at the platform question: asked again, no platform kept`, async () => {
      const user = `web:h54-p${i}`;
      await atPlatform(user, person(i + 1))
        .send(word)
        .expectNot(new RegExp(`您在${word}`))
        .expect(/接单最多的那个平台/)
        .expect(/跳过/)
        .send('美团')
        .expect(/您在美团是专送还是众包？/);
    });
  }

  it('`啥都有` at the platform question: the question\'s own answer, never 「这个问题我还答不上来」 nor the platform', async () => {
    const user = 'web:h54-p8';
    await atPlatform(user, person(3)).send('啥都有').expectNot(/您在啥都有|答不上来/).expect(/接单最多的那个平台/);
    expect((await answersOf(user)).platform).toBeUndefined();
  });

  it('`随便` at the name question: asked again, never confirmed as the name', async () => {
    const user = 'web:h54-n1';
    await consented(t.chat, user).send('随便').expectNot(/姓名「随便」/).expect(/您自己的姓名/).send('王建国').expect(/18位身份证号/);
    expect((await answersOf(user)).name).toBe('王建国');
  });

  it('`说不好` at the platform question: passed over as 不知道 is, never kept as the platform', async () => {
    const user = 'web:h54-p9';
    await atPlatform(user, person(4)).send('说不好').expectNot(/您在说不好/).expect(/按哪里登记/);
    expect((await answersOf(user)).platform ?? null).toBeNull();
  });

  for (const [i, word] of ['随便', '无所谓', '都行'].entries()) {
    it(`\`${word}\` at the unit question: asked again, never 「${word}」 as the unit`, async () => {
      const user = `web:h54-e${i}`;
      await atEmployment(user, person(i + 5))
        .send('1')
        .expect(/您在哪家单位工作？/)
        .send(word)
        .expectNot(new RegExp(`「${word}」`))
        .expect(/单位的名称/)
        .send('青溪宏达建筑工程有限公司')
        .expect(/请选择按哪里登记/);
      expect((await answersOf(user)).employer).toMatchObject({ name: '青溪宏达建筑工程有限公司' });
    });
  }

  for (const [i, word] of ['随便', '说不好'].entries()) {
    it(`\`${word}\` at 「做什么工作」 (其他): asked again, never kept as the work`, async () => {
      const user = `web:h54-o${i}`;
      await atEmployment(user, person(i + 8))
        .send('2')
        .expect(/哪种工作/)
        .send('7')
        .expect(/请简单写一下您做什么工作/)
        .send(word)
        .expectNot(/哪个平台/)
        .expect(/具体干什么活/);
      expect((await answersOf(user)).occupationOther).toBeUndefined();
    });
  }
});

describe('the phone written from', () => {
  it('`手机就是这个号`: the bot sees no number and asks for the digits', async () => {
    await consented(t.chat, 'web:h54-ph')
      .sendAll('王建国', person(10).id)
      .expect(/手机号是多少/)
      .send('手机就是这个号')
      .expectNot(/只能包含数字/)
      .expect(/看不到您的手机号码/)
      .send('13912345678')
      .expect(/您现在是怎么工作的？/);
  });
});

describe('a slip of 同意 at a gate', () => {
  it('`同以` at the consent: asked again, nothing held as the name', async () => {
    const user = 'web:h54-g1';
    await converse(t.chat, user)
      .send('我要入会')
      .expect(/您同意吗/)
      .send('同以')
      .expectNot(/姓名还没有保存/)
      .expect(/回复1表示同意/);
    expect((await t.chat.sessions.load(user, NOW)).pending).toBeNull();
  });

  it('`确人` at the ID consent: never kept to confirm as the name', async () => {
    const user = 'web:h54-g2';
    await converse(t.chat, user).send('我要入会').send('同意').expect(/身份证号需要您单独同意/).send('确人').expectNot(/先记着/);
    expect((await t.chat.sessions.load(user, NOW)).pending).toBeNull();
  });

  // guard: a real name typed at the consent is still held for the name question.
  it('`李秀英` at the consent is still held as the name', async () => {
    const user = 'web:h54-g3';
    await converse(t.chat, user).send('我要入会').send('李秀英').expect(/姓名还没有保存/);
    expect((await t.chat.sessions.load(user, NOW)).pending?.values).toMatchObject({ name: '李秀英' });
  });
});

describe('place kinds as typed on a phone', () => {
  // (`长住地` was read already, by its 住; kept with the others as a guard.)
  // guard: 长住地
  for (const [i, [word, kind]] of ([['常驻地', '常住地'], ['长住地', '常住地'], ['户藉地', '户籍地']] as const).entries()) {
    it(`\`${word}\` is ${kind}`, async () => {
      const user = `web:h54-k${i}`;
      await atPlatform(user, person(i + 11))
        .send('美团')
        .send('专送')
        .expect(/按哪里登记/)
        .send(word)
        .expect(new RegExp(`您的${kind}在哪个区`));
    });
  }
});
