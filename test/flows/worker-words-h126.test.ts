/**
 * Conversation-level misreadings left by earlier sessions (helper h126):
 *  1. `老板欠我工资，五一后就不干了`: 五一后 was read as the arrears period (2026年5月至今) and the month left not said
 *     back; now the month left is confirmed (离开时间「2026年5月」), no period made up. `五一后就不干了` / `我5月就不干了`
 *     at 「还在干吗？」 with wages owed from September: the month was dropped without a word (「什么时候离开的？」 from
 *     scratch); now said back with why it does not fit, before the month is asked;
 *  2. `不想填了` → `接着填` while a 「…对吗？」 raised right at the consent waited: the consent was asked again; now the
 *     form goes on from the next question (what waited is confirmed at its own question);
 *  3. `我住河西 电话就行` at the wage township question: where they live taken silently as where they work (and at a
 *     later question, proposed as a change of 干活的地方); now asked (「您住在「河西街道」，干活的地方也在…吗？」);
 *  4. `东龙镇附近的` at the wage township question: taken silently as 东龙镇; now asked, as a near miss is (a no is
 *     remembered: never the same question in a loop); `大概东龙镇吧`, `东龙那边` still taken;
 *  5. the first `不知道` at a township question: now the useful way on at once (选离得最近的一个就行);
 *  6. a deposit said beside the amount reaches 事情经过 (guard);
 *  7. staff in WeChat: `这个我们接了` was 「没看懂」; now the 接单 offered (run on 好). `钱拿到了吗` was 「没看懂」; now
 *     answered as the question it is (nothing recorded, nothing closed).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';
import { GW1, staffInWechat } from '../staff/in-wechat.js';
import { A_WORKING_DAY } from '../staff/support.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { t, session } = chatOnClock(NOW.toISOString());
const someone = (tag: string) => `web:h126-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const TO_TOWNSHIP = ['老板欠我工资', '同意', '好再来饭店'];
const TO_EMPLOYED = [...TO_TOWNSHIP, '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个'];

describe('1. the month left, said with leaving', () => {
  it('老板欠我工资，五一后就不干了: the month left confirmed; 五一后 is no arrears period', async () => {
    const user = someone('left-first');
    await converse(t.chat, user).sendAll('老板欠我工资，五一后就不干了', '同意').expect(/我理解的是：是否还在职「已经离开」、离开时间「2026年5月」。对吗？/).expectNot(/拖欠时间/);
    expect((await session(user)).answers.period).toBeUndefined();
  });

  it('欠我3月到5月的工资 五一后就不干了: the period said, and the month left, both confirmed', async () => {
    await converse(t.chat, someone('left-range'))
      .sendAll('欠我3月到5月的工资 五一后就不干了', '同意')
      .expect(/拖欠时间「2026年3月至2026年5月（3个月）」、是否还在职「已经离开」、离开时间「2026年5月」/);
  });

  it.each(['五一后就不干了', '我5月就不干了'])('%s at 还在干吗 (owed from September): the month said back with why, then asked', async (said) => {
    const user = someone('left-at');
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYED)
      .send(said)
      .expect(/您说2026年5月就离开了，可拖欠时间是从2026年9月开始的。[\s\S]*什么时候离开的？/);
    const a = (await session(user)).answers;
    expect(a.stillEmployed).toBe(false);
    expect(a.leftSince).toBeUndefined();
  });
});

describe('2. 不想填了, then 接着填', () => {
  it('with a 「…对吗？」 raised at the consent: the form goes on, the consent never asked again; what waited comes back', async () => {
    const user = someone('resume');
    await converse(t.chat, user)
      .sendAll('老板欠我工资，五一后就不干了', '同意', '不想填了')
      .send('接着填')
      .expect(/欠您工资的单位叫什么名字？/)
      .expectNot(/您同意吗/)
      .sendAll('好再来饭店', '河西街道', '不清楚', '不是', '今年3月到5月', '6000')
      .send('就我一个')
      .expect(/离开时间「2026年5月」。对吗？/);
    expect((await session(user)).answers.consent).toBe(true);
  });
});

describe('3-5. the wage township question', () => {
  it('我住河西 电话就行: where they live is asked about as the work\'s township, never taken; yes takes it', async () => {
    const user = someone('home');
    await converse(t.chat, user).sendAll(...TO_TOWNSHIP).send('我住河西 电话就行').expect(/您住在「河西街道」，干活的地方也在「河西街道」吗？/);
    expect((await session(user)).answers.location).toBeUndefined();
    await converse(t.chat, user).send('是的').expect(/在河西街道的哪个村或社区？/);
  });

  it('我住河西 电话就行 at the phone question (work in 东龙镇): no change of 干活的地方 proposed', async () => {
    await converse(t.chat, someone('home-late'))
      .sendAll('老板欠我工资', '同意', '好再来饭店', '东龙镇', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳')
      .send('我住河西 电话就行')
      .expectNot(/干活的地方/);
  });

  it('东龙镇附近的: asked, never taken; said no to and again, no loop (the person is told the way on)', async () => {
    const user = someone('near');
    await converse(t.chat, user).sendAll(...TO_TOWNSHIP).send('东龙镇附近的').expect(/是在「东龙镇」吗？/);
    expect((await session(user)).answers.location).toBeUndefined();
    await converse(t.chat, user).send('不是').send('东龙镇附近的').expectNot(/是在「东龙镇」吗？|我理解的是/).expect(/人工/);
    expect((await session(user)).answers.location).toBeUndefined();
  });

  // guard: a guess at the name, or 那边, is taken as before; so is a place in the township (the subdistrict's office).
  it.each(['大概东龙镇吧', '东龙那边', '东龙镇政府旁边'])('guard: %s: taken', async (said) => {
    await converse(t.chat, someone('near-guard')).sendAll(...TO_TOWNSHIP).send(said).expect(/在东龙镇的哪个村或社区？/);
  });

  it('不知道: the nearest one will do, said the first time; said again, other words', async () => {
    await converse(t.chat, someone('dk'))
      .sendAll(...TO_TOWNSHIP)
      .send('不知道')
      .expect(/选离得最近的一个就行/)
      .send('不知道')
      .expectNot(/选离得最近的一个就行/);
  });
});

describe('6. a deposit beside the amount', () => {
  // guard: already noted in 事情经过 (confirmed with the amount).
  it('guard: 6000 还扣了我500押金: the amount, and the deposit in 事情经过', async () => {
    const user = someone('deposit');
    await converse(t.chat, user)
      .sendAll(...TO_TOWNSHIP, '河西街道', '不清楚', '不是', '今年9月到11月')
      .send('6000 还扣了我500押金')
      .expect(/事情经过「还扣了我500押金」/)
      .send('对');
    expect((await session(user)).answers.account).toContain('押金');
  });
});

describe('7. a grid worker in WeChat', () => {
  const s = staffInWechat(A_WORKING_DAY);

  it('这个我们接了: the 接单 offered, taken on 好', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.routedToGw1();
    expect(await s.ask(GW1, '这个我们接了')).toBe(`要接单请发：接单 ${c.caseNo}\n回复「好」就接单。`);
    expect(await s.ask(GW1, '好')).toMatch(/^已接单/);
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('钱拿到了吗: a question, answered; nothing recorded or closed, 好 runs nothing', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '钱拿到了吗')).toMatch(new RegExp(`^系统里还没有记录钱给没给[\\s\\S]*备注 ${c.caseNo} 情况`));
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下|已办结/);
    const now = await s.get(c);
    expect(now.status).toBe('accepted');
    expect(now.notes).toEqual([]);
  });
});
