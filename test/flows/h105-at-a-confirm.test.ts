/*
 * Words typed while a 「…。对吗？」 stands that got only 「请回复「对」或「不对」…」 (helper h105):
 *  - `提交吧` at a phone number proposed mid-form: no yes (`确认`, `好的确认` are, as everywhere), nothing submitted;
 *    now said so, with the same confirmation; a second time what waits is set aside, named (never a loop);
 *  - the same value re-said with a slip at its own confirmation (`和西街道` at 「干活的地方「河西街道」」, `好再来饭店啊` at
 *    the unit's): a yes only when the value's own question reads the words as the very same value;
 *  - `我叫李明` at a confirmation of the legal-aid flow: the phone waiting was set aside without a word; now the name is
 *    held for its question (said so, kept only on a yes there) and the same confirmation asked again, as in the wage flow;
 *  - `一万五 三个人`, then `我自己的` / `大家一共的` to whose the sum is: the count 3 was dropped and asked again later;
 *    now it goes with either answer, confirmed with it;
 *  - `我们老乡五个人` at the unit's question: 「没太明白」; now read as `我们五个人` is (the count confirmed).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h105-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const RETRY = /请回复「对」或「不对」/;
const PHONE = '13700001111';
const PHONE_PROPOSED = new RegExp(`手机号「${PHONE}」。对吗？`);
const SUBMITTED = /提交成功|案件编号|预约成功/;
/** The wage report up to its amount question (nothing said early). */
const TO_AMOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'];

describe('`提交吧` at a phone number proposed mid-form', () => {
  it('wage: not a yes, nothing submitted; said so with the same confirmation; 对 then keeps the phone', async () => {
    const user = someone('submit');
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', PHONE, '同意')
      .expect(PHONE_PROPOSED)
      .send('提交吧')
      .expect(/现在还没到提交的时候/)
      .expect(PHONE_PROPOSED)
      .expectNot(RETRY)
      .expectNot(SUBMITTED);
    expect((await session(user)).answers).not.toHaveProperty('phone');
    await converse(t.chat, user).send('对').expect(/单位叫什么名字/);
    expect((await session(user)).answers).toMatchObject({ phone: PHONE });
  });

  it('legal aid: `帮我提交` twice: the second time the phone is set aside, named (never the same words three times)', async () => {
    const user = someone('submit-twice');
    await converse(t.chat, user)
      .sendAll('预约律师', PHONE, '同意')
      .expect(PHONE_PROPOSED)
      .send('帮我提交')
      .expect(/现在还没到提交的时候/)
      .send('帮我提交')
      .expect(/手机号先不记/)
      .expectNot(SUBMITTED);
    expect((await session(user)).answers).not.toHaveProperty('phone');
  });

  // guard: `确认`, `好的确认` at a 「…对吗？」 are a yes, in both flows (consistent with the summary's 确认)
  it('guard: `确认` and `好的确认` at the phone proposed mid-form are a yes', async () => {
    for (const [start, yes, next] of [
      ['我要反映欠薪', '确认', /单位叫什么名字/],
      ['我要反映欠薪', '好的确认', /单位叫什么名字/],
      ['预约律师', '确认', /您想咨询什么事/],
    ] as const) {
      const user = someone('yes');
      await converse(t.chat, user).sendAll(start, PHONE, '同意').expect(PHONE_PROPOSED).send(yes).expect(next).expectNot(SUBMITTED);
      expect((await session(user)).answers).toMatchObject({ phone: PHONE });
    }
  });
});

describe('the value waiting re-said with a slip at its own 「…对吗？」', () => {
  it('`和西街道` at 「干活的地方「河西街道」。对吗？」: the township question reads it as 河西街道 alone: kept, said back', async () => {
    const user = someone('slip-town');
    await converse(t.chat, user)
      .sendAll('在河西街道一个饭店当服务员 老板拖了两个月工资没发', '同意', '好再来饭店')
      .expect(/干活的地方「河西街道」。对吗？/)
      .send('和西街道')
      .expectNot(RETRY)
      .expect(/干活的地方「河西街道」记下了/)
      .expect(/在河西街道的哪个村或社区/);
    expect((await session(user)).answers).toMatchObject({ location: { townshipId: 't08' } });
  });

  it('`好再来饭店啊` at 「用人单位「好再来饭店」。对吗？」: the same unit, a yes', async () => {
    const user = someone('slip-unit');
    await converse(t.chat, user).sendAll('好再来饭店老板欠我工资', '同意').expect(/用人单位「好再来饭店」。对吗？/).send('好再来饭店啊').expectNot(RETRY).expect(/您在哪个镇或街道干活/);
    expect((await session(user)).answers).toMatchObject({ employer: '好再来饭店' });
  });

  // guard: another township is no yes to the one waiting (today's way: confirmed in its place, never kept unasked)
  it('guard: `东龙镇` at 「干活的地方「河西街道」」 is no yes: 东龙镇 proposed instead, nothing kept', async () => {
    const user = someone('other-town');
    await converse(t.chat, user)
      .sendAll('在河西街道一个饭店当服务员 老板拖了两个月工资没发', '同意', '好再来饭店')
      .send('东龙镇')
      .expect(/干活的地方「东龙镇」。对吗？/);
    expect((await session(user)).answers).not.toHaveProperty('location');
  });
});

describe('a name at a 「…对吗？」 of something else', () => {
  it('legal aid: `我叫李明` at the phone proposed: the name held for its question, the phone asked again; 对 keeps only the phone', async () => {
    const user = someone('aid-name');
    await converse(t.chat, user)
      .sendAll('预约律师', PHONE, '同意')
      .send('我叫李明')
      .expect(/您刚才说的（联系人「李明」）等问到时再跟您核对/)
      .expect(PHONE_PROPOSED)
      .send('对')
      .expect(/您想咨询什么事/);
    const s = await session(user);
    expect(s.answers).toMatchObject({ phone: PHONE });
    expect(s.answers).not.toHaveProperty('contactName');
    expect(s.later).toMatchObject({ contactName: '李明' });
  });

  // guard: the wage flow held it so already (the confirmation asked again, the name never kept unconfirmed)
  it('guard: wage: `我叫李明` at the unit\'s confirmation: held, the unit asked again', async () => {
    const user = someone('wage-name');
    await converse(t.chat, user)
      .sendAll('好再来饭店老板欠我工资', '同意')
      .send('我叫李明')
      .expect(/您刚才说的（联系人「李明」）等问到时再跟您核对/)
      .expect(/用人单位「好再来饭店」。对吗？/);
    expect((await session(user)).answers).not.toHaveProperty('contactName');
  });

  // guard: a bare name at the unit's confirmation may be the boss's: never held as the person's name
  it('guard: a bare `李明` at the unit\'s confirmation is neither a yes nor the person\'s name', async () => {
    const user = someone('bare-name');
    await converse(t.chat, user).sendAll('好再来饭店老板欠我工资', '同意').send('李明').expect(/用人单位「好再来饭店」。对吗？|请回复「对」或「不对」|用人单位「李明」。对吗？/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.later ?? {}).not.toHaveProperty('contactName');
  });
});

describe('whose the sum is, asked after `一万五 三个人`', () => {
  it('`我自己的`: her 15,000 and the count 3 confirmed together; the count is not asked again', async () => {
    const user = someone('mine');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('一万五 三个人')
      .expect(/15,000元是您自己一个人被拖欠的，还是你们大家一共被拖欠的？/)
      .send('我自己的')
      .expect(/拖欠金额「15,000元」、被拖欠人数「3人」。对吗？/)
      .send('对')
      .expect(/你们3个人一共被拖欠多少钱/)
      .expectNot(/一共有多少人被拖欠/);
    expect((await session(user)).answers).toMatchObject({ amount: { yuan: 15000 }, headcount: { count: 3 } });
  });

  it('`大家一共的`: the group\'s 15,000 with the count 3, confirmed; her own asked, then not the count', async () => {
    const user = someone('ours');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT, '一万五 三个人')
      .send('大家一共的')
      .expect(/被拖欠人数「3人」、大家一共被拖欠「15,000元」。对吗？/)
      .send('对')
      .expect(/您自己被拖欠了多少钱/)
      .send('5000')
      .expectNot(/一共有多少人被拖欠/)
      .expect(/还在这家单位干吗/);
    expect((await session(user)).answers).toMatchObject({ groupAmount: { yuan: 15000 }, headcount: { count: 3 }, amount: { yuan: 5000 } });
  });

  it('nothing is kept before the yes: `我自己的` leaves the amount and count waiting', async () => {
    const user = someone('unconfirmed');
    await converse(t.chat, user).sendAll(...TO_AMOUNT, '一万五 三个人', '我自己的');
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('amount');
    expect(s.answers).not.toHaveProperty('headcount');
  });
});

describe('`我们老乡五个人` at the unit\'s question', () => {
  it('read as `我们五个人` is: the count confirmed, then the unit asked plainly', async () => {
    const user = someone('laoxiang');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .send('我们老乡五个人')
      .expectNot(/没太明白/)
      .expect(/被拖欠人数「5人」。对吗？/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
    const a = (await session(user)).answers;
    expect(a).toMatchObject({ headcount: { count: 5 } });
    expect(a).not.toHaveProperty('employer');
  });

  it('at the headcount question too: 5 people', async () => {
    const user = someone('laoxiang-count');
    await converse(t.chat, user).sendAll(...TO_AMOUNT, '6000').expect(/一共有多少人被拖欠/).send('我们老乡五个人').expect(/你们5个人一共被拖欠多少钱/);
    expect((await session(user)).answers).toMatchObject({ headcount: { count: 5 } });
  });
});
