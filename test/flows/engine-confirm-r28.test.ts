/*
 * Confirmations 「…，对吗？」, two requests in one message, and switching topics (helper h112, round 28):
 *  - two replies that are neither a yes nor a no (`呃`, `。。。`) at 「用人单位「好再来饭店」。对吗？」 dropped the unit and
 *    asked its question again; now the second time says plainly what was understood, with 对、不对 and 人工 (as for
 *    `啥意思`), and only a third sets it aside (said so);
 *  - the right value typed alone there (`刘大壮`, `鑫源电子厂`) got 「请回复「对」或「不对」」; now it is proposed in the
 *    place of the other (confirmed); `不是，刘大壮` / `不是，是刘大壮` dropped both; now the new one is taken, as
 *    `不对 刘大壮` is;
 *  - `我想入会 老板还欠我工资` / `我想入会 还想找律师`, then joining declined (不同意, `算了 不入了`): the request kept for
 *    after was dropped and the menu shown; now it is offered;
 *  - `我想找律师 还想入会`: two lines both opening 「好的，」 in one reply; now one;
 *  - `对滴`, `是嘀`, `没有问题`, `没错滴` (yes) and `木有` (no) at a 「…对吗？」 were no answer;
 *  - `等等 我先问一下入会的事` mid-form was read as going away to ask someone (「不着急，弄清楚了再来」); now joining is
 *    taken up, the report kept, as `我想问一下入会的事` is.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h112-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const RETRY = /请回复「对」或「不对」/;
const UNIT_PROPOSED = /用人单位「好再来饭店」。对吗？/;
const UNIT_QUESTION = /单位叫什么名字/;
const MENU = /回复数字即可/;
/** The wage report up to 「用人单位「好再来饭店」。对吗？」 (the unit read from a sentence, so confirmed). */
const TO_UNIT_PROPOSED = ['老板欠我工资', '同意', '我在好再来饭店干活'];
const TO_AMOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'];

describe('two unclear replies at 「…，对吗？」', () => {
  it('`呃`, `。。。`: the second time what it asks is said plainly with the unit, 对、不对 and 人工; 对 then keeps it', async () => {
    const user = someone('unclear');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT_PROPOSED)
      .expect(UNIT_PROPOSED)
      .send('呃')
      .expect(RETRY)
      .send('。。。')
      .expect(/我是想确认有没有记错：用人单位「好再来饭店」/)
      .expect(/人工/)
      .expectNot(/先不记/)
      .expectNot(UNIT_QUESTION)
      .send('对')
      .expect(/哪个镇或街道/);
    expect((await session(user)).answers).toMatchObject({ employer: '好再来饭店' });
  });

  // guard: never a loop: a third reply that is neither sets what waits aside (this held before too)
  it('a third reply that is neither: the unit is set aside, said so (never the same question a fourth time)', async () => {
    const user = someone('unclear-3');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT_PROPOSED, 'asdf', '嗯？')
      .expect(/我是想确认有没有记错/)
      .send('asdf')
      .expect(/用人单位先不记/)
      .expect(UNIT_QUESTION);
    expect((await session(user)).answers).not.toHaveProperty('employer');
  });
});

describe('the right value typed at 「…，对吗？」', () => {
  it('`刘大壮` alone at the unit proposed: proposed in its place; 对 keeps 刘大壮', async () => {
    const user = someone('bare-name');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT_PROPOSED)
      .send('刘大壮')
      .expect(/用人单位「刘大壮」。对吗？/)
      .expectNot(RETRY);
    expect((await session(user)).answers).not.toHaveProperty('employer');
    await converse(t.chat, user).send('对');
    expect((await session(user)).answers).toMatchObject({ employer: '刘大壮' });
  });

  it('`鑫源电子厂`, `王老板` alone: proposed in the place of the one read', async () => {
    for (const [said, shown] of [
      ['鑫源电子厂', '鑫源电子厂'],
      ['王老板', '王老板'],
    ] as const) {
      await converse(t.chat, someone('bare-unit'))
        .sendAll(...TO_UNIT_PROPOSED)
        .send(said)
        .expect(new RegExp(`用人单位「${shown}」。对吗？`))
        .expectNot(RETRY);
    }
  });

  it('`不是，刘大壮`, `不是 是刘大壮`, `不是，老板叫刘大壮`: the new one taken, as `不对 刘大壮` is (never both dropped)', async () => {
    for (const said of ['不是，刘大壮', '不是 是刘大壮', '不是，老板叫刘大壮']) {
      const user = someone('no-then-name');
      await converse(t.chat, user)
        .sendAll(...TO_UNIT_PROPOSED)
        .send(said)
        .expect(/用人单位已改为「刘大壮」/)
        .expectNot(/先不记/);
      expect((await session(user)).answers).toMatchObject({ employer: '刘大壮' });
    }
  });

  // guard: a yes, a reaction or a town at the unit proposed is never taken as another unit
  it('guard: `好的` keeps the unit; `东龙镇` is the town, the unit still asked about', async () => {
    const yes = someone('guard-yes');
    await converse(t.chat, yes).sendAll(...TO_UNIT_PROPOSED).send('好的').expect(/哪个镇或街道/);
    expect((await session(yes)).answers).toMatchObject({ employer: '好再来饭店' });
    const town = someone('guard-town');
    await converse(t.chat, town).sendAll(...TO_UNIT_PROPOSED).send('东龙镇').expectNot(/用人单位「东龙镇」/);
    expect((await session(town)).answers).not.toMatchObject({ employer: '东龙镇' });
  });
});

describe('two requests in one message, the first declined', () => {
  it('`我想入会 老板还欠我工资`, then 不同意: the wage report offered; 好的 begins it', async () => {
    const user = someone('kept-wage');
    await converse(t.chat, user)
      .send('我想入会 老板还欠我工资')
      .expect(/等这件办完再接着帮您办/)
      .send('不同意')
      .expect(/没有您的同意/)
      .expect(/您刚才还说要办「反映欠薪」，现在就开始吗？/)
      .expectNot(MENU)
      .send('好的')
      .expect(/反映欠薪前，需要您同意/);
  });

  it('`我想入会 还想找律师`, then `算了 不入了`: cancelled, and the booking offered', async () => {
    await converse(t.chat, someone('kept-legal'))
      .send('我想入会 还想找律师')
      .send('算了 不入了')
      .expect(/已取消/)
      .expect(/您刚才还说要办「预约法律援助」/)
      .expectNot(MENU)
      .send('好')
      .expect(/预约法律援助前，需要您同意/);
  });

  it('`我想找律师 还想入会`, then 不同意: joining offered; 不用了 closes it', async () => {
    await converse(t.chat, someone('kept-member'))
      .send('我想找律师 还想入会')
      .send('不同意')
      .expect(/您刚才还说要办「加入工会」/)
      .send('不用了')
      .expectNot(/加入工会后/);
  });

  it('`11月20号摔伤了 老板也欠我工资`, then 不同意: the injury kept for the booking is offered with it', async () => {
    await converse(t.chat, someone('kept-told'))
      .send('11月20号摔伤了 老板也欠我工资')
      .send('不同意')
      .expect(/您刚才还说到「工伤」的事/);
  });

  it('`我想找律师 还想入会`: one 「好的，」 opening the reply, not two', async () => {
    await converse(t.chat, someone('double-ok'))
      .send('我想找律师 还想入会')
      .check((replies, text) => {
        expect(text).toMatch(/您想找工会律师咨询/);
        expect(text.match(/好的，/g) ?? []).toHaveLength(1);
        expect(replies.length).toBeGreaterThan(0);
      });
  });

  // guard: with nothing kept, a refused consent still shows the menu
  it('guard: `我想入会`, then 不同意: the menu', async () => {
    await converse(t.chat, someone('nothing-kept')).send('我想入会').send('不同意').expect(MENU).expectNot(/您刚才还说要办/);
  });
});

describe('yes and no words at 「…，对吗？」', () => {
  it('`对滴`, `是嘀`, `没有问题`, `没错滴`, `木有错`: a yes (the unit kept)', async () => {
    for (const yes of ['对滴', '是嘀', '没有问题', '没错滴', '木有错']) {
      const user = someone('yes');
      await converse(t.chat, user).sendAll(...TO_UNIT_PROPOSED).send(yes).expect(/哪个镇或街道/);
      expect((await session(user)).answers, yes).toMatchObject({ employer: '好再来饭店' });
    }
  });

  it('`木有`: a no (the unit not kept, its question again)', async () => {
    const user = someone('no');
    await converse(t.chat, user).sendAll(...TO_UNIT_PROPOSED).send('木有').expect(UNIT_QUESTION);
    expect((await session(user)).answers).not.toHaveProperty('employer');
  });

  // guard: words that already worked stay as they are
  it('guard: `是滴`, `没毛病`, `可以的` are a yes; `不是的吧` a no', async () => {
    for (const yes of ['是滴', '没毛病', '可以的']) {
      const user = someone('yes-old');
      await converse(t.chat, user).sendAll(...TO_UNIT_PROPOSED).send(yes);
      expect((await session(user)).answers, yes).toMatchObject({ employer: '好再来饭店' });
    }
    const user = someone('no-old');
    await converse(t.chat, user).sendAll(...TO_UNIT_PROPOSED).send('不是的吧').expect(UNIT_QUESTION);
    expect((await session(user)).answers).not.toHaveProperty('employer');
  });
});

describe('switching topics mid-form', () => {
  it('`等等 我先问一下入会的事` at the amount: joining taken up, the report kept', async () => {
    const user = someone('switch');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('等等 我先问一下入会的事')
      .expect(/「反映欠薪」已保存/)
      .expect(/加入工会/)
      .expectNot(/弄清楚了再来/);
    expect((await session(user)).flowId).toBe('membership');
  });

  // guard: going away to ask someone is still a pause
  it('guard: `等一下我问问老乡` is a pause, the draft kept', async () => {
    await converse(t.chat, someone('pause')).sendAll(...TO_AMOUNT).send('等一下我问问老乡').expect(/弄清楚了再来/);
  });
});
