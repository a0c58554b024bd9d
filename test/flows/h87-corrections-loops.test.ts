/*
 * Moments in a form where a worker got confused, stuck or asked the same thing again (helper h87):
 *  - `不对 我写错了 是白沙镇` at the ID-number question of joining changed the NAME to 「白沙镇」 (the last answer,
 *    unasked); now a township that fits no answer is said not to fit, nothing is changed, and the ID question stays.
 *    Where it fits the place answered (the wage report's township) that one is changed, as before;
 *  - a bare `对`/`是` at 「被欠工资的是您本人，还是您替父亲反映？」 was refused again and again; now it is proposed
 *    as 替父亲反映 for a yes (`不是` leaves it unset, asked again). `我帮他问问` there was refused; now 替父亲;
 *  - `不知道` twice at the amount gave 「这一项我们需要知道个大概，想想看」 twice; the second time now offers to work
 *    it out from a monthly wage over the months owed; at the phone question, where to find the number (or a
 *    relative's) instead;
 *  - `还有几个人没拿到` at the employer question was read as a question (几个), `站点好几个兄弟都没拿到` was
 *    「没太明白」; both are now statements: others owed too, said back, nothing kept, the employer asked again;
 *  - `时间说错了 是去年六月干到过年` at the period question asked again (its first answer not confirmed) proposed
 *    用人单位「时间」; now it is that question's answer, proposed for a yes;
 *  - a nanny's `早不干了 十月底走的` at 「还在干吗？」 with wages owed to November: the month was dropped and
 *    「什么时候离开的？」 asked; now the period conflict is raised with October, as for `十月底走的` alone.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { consented } from '../membership/support.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h87-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;
const TO_EMPLOYER = ['老板欠我工资', '同意'];
const TO_AMOUNT = [...TO_EMPLOYER, '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'];
const ID_Q = /请输入您的18位身份证号码/;

describe('a correction whose value fits no answer', () => {
  it('不对 我写错了 是白沙镇 at the ID question of joining: the name is kept, the ID question stays', async () => {
    const user = someone('join');
    await consented(t.chat, user)
      .send('张三')
      .expect(ID_Q)
      .send('不对 我写错了 是白沙镇')
      .expect(/「白沙镇」是个镇或街道，和前面填的都对不上，先没有改/)
      .expect(ID_Q)
      .expectNot(/姓名已改为|之前填的是/);
    expect((await session(user)).answers).toMatchObject({ name: '张三' });
  });

  it('不对 我写错了 是白沙镇 at the amount question of a wage report: the township answered is what changes', async () => {
    // guard: a township that fits the place answered changes that place (never the period answered last).
    const user = someone('wage-place');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('不对 我写错了 是白沙镇')
      .expect(/干活的地方已改为「白沙镇」/)
      .expectNot(/拖欠时间/);
  });
});

describe('a bare yes at whose wages', () => {
  it('对 at 「…还是您替父亲反映？」: 替父亲反映 proposed, and a yes takes it', async () => {
    const user = someone('yes');
    await converse(t.chat, user)
      .send('我爸的老板欠他工资')
      .expect(/被欠工资的是您本人，还是您替父亲反映？/)
      .send('对')
      .expect(/我理解的是：代为反映「替父亲反映」。对吗？/)
      .expectNot(/这里要选一个/)
      .send('对')
      .expect(/您同意吗/);
    expect((await session(user)).answers).toMatchObject({ onBehalf: { relation: '爸' } });
  });

  it('是, then 不是: nothing taken, the choice asked again', async () => {
    const user = someone('no');
    await converse(t.chat, user)
      .send('我爸的老板欠他工资')
      .send('是')
      .expect(/代为反映「替父亲反映」。对吗？/)
      .send('不是')
      .expect(/被欠工资的是您本人，还是您替父亲反映？/);
    expect((await session(user)).answers).not.toHaveProperty('onBehalf');
  });

  it('我帮他问问: for the father, never 「请回复1或2」', async () => {
    const user = someone('ask-for');
    await converse(t.chat, user)
      .send('我爸的老板欠他工资')
      .send('我帮他问问')
      .expect(/请按被欠工资的人的情况回答/)
      .expectNot(/请回复1/);
    expect((await session(user)).answers).toMatchObject({ onBehalf: { relation: '爸' } });
  });
});

describe('不知道 twice at the amount', () => {
  it('the second time, the monthly wage over the months owed is offered; 一个月6000 is then worked out', async () => {
    const user = someone('amount');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('不知道')
      .expect(/需要知道个大概/)
      .send('不知道')
      .expect(/您一个月工资多少？请这样回复，例如：一个月6000。我按欠的3个月帮您算个大概/)
      .expectNot(/需要知道个大概/)
      .send('一个月6000')
      .expect(/拖欠金额「18,000元」。对吗？/);
    expect((await session(user)).answers).not.toHaveProperty('amount');
  });
});

describe('不知道 twice at the phone', () => {
  it('the second time, where to find the number or whose else to leave; nothing kept', async () => {
    const user = someone('phone');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT, '6000', '就我一个', '还在干', '都跳过', '没有', '王芳')
      .expect(/您的手机号是多少/)
      .send('不知道')
      .expect(/需要知道个大概/)
      .send('不知道')
      .expect(/记不清号码的话，可以看看手机设置里的本机号码/)
      .expectNot(/需要知道个大概/);
    expect((await session(user)).answers).not.toHaveProperty('phone');
  });
});

describe('others owed too, said at the employer question', () => {
  for (const said of ['还有几个人没拿到', '站点好几个兄弟都没拿到']) {
    it(`${said}: said back as others owed, nothing kept, the employer asked again`, async () => {
      const user = someone('others');
      await converse(t.chat, user)
        .sendAll(...TO_EMPLOYER)
        .send(said)
        .expect(/明白，还有别人也没拿到，后面会问一共几个人。先说欠您工资的单位或老板叫什么/)
        .expectNot(UNKNOWN);
      const s = await session(user);
      expect(s.answers).not.toHaveProperty('employer');
      expect(s.answers).not.toHaveProperty('headcount');
    });
  }
});

describe('gone said first, then the month', () => {
  it('早不干了 十月底走的 against a period to November: the conflict raised with October, never the month asked again', async () => {
    const user = someone('nanny');
    await converse(t.chat, user)
      .sendAll('我给人家当保姆 雇主欠我三个月工资', '同意', '对', '王秀英', '东龙镇', '不清楚', '6000')
      .expect(/您现在还在这家干吗？/)
      .send('早不干了 十月底走的')
      .expect(/您说2026年10月就离开了，可前面记的拖欠时间是2026年9月至2026年11月/)
      .expectNot(/什么时候离开的/);
    expect((await session(user)).answers).not.toHaveProperty('leftSince');
  });
});

describe('the question asked named in a correction', () => {
  it('时间说错了 是去年六月干到过年 at the period asked again: the period proposed, never 用人单位「时间」', async () => {
    const user = someone('period');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '宏达建筑', '东龙镇', '不清楚', '是', '今年3月到现在', '20000', '就我一个')
      .expect(/拖欠的是哪段时间的工资/)
      .send('时间说错了 是去年六月干到过年')
      .expect(/我理解的是：拖欠时间「2025年6月至2026年2月（9个月）」。对吗？/)
      .expectNot(/用人单位「时间」/);
    expect((await session(user)).answers).toMatchObject({ employer: expect.stringContaining('宏达') });
  });
});
