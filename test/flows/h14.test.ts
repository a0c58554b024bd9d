/*
 * Whose the money or the months are, in a wage report (helper h14), on real Redis.
 *  - `一万二是我老公的` at the amount question: 替丈夫 and 12,000 offered together; 代为反映 picked as wrong takes the
 *    12,000 with it (never kept as the writer's own).
 *  - `我老公也三个月没发工资了` at the months question: whose months they are is asked (本人 or 替丈夫), never stored.
 *  - `替我们村的老乡问问 老板欠他们十几万`: 十几万 is the group's total (waits for the count, confirmed), never one worker's.
 *  - `我老公的是一万二` at the amount question of a report of the writer alone: 替丈夫 offered as a choice (with his figure).
 *  - `帮我老公问一下 他老板欠他两万` at the amount question: 两万 offered as his amount with whom it is for.
 *  - `8月到10月 每个月四千 一共一万二` as a first message: the months and the total (confirmed), not 「没太明白」.
 *  - `我跟我哥 每人每月六千 拖了两个月`: own 12,000, 2 people, everyone's 24,000 (confirmed).
 *  - `8 9 10` at the months question: August to October (confirmed); `5 不对 6` at the headcount question: 6.
 *  - `怎么算的` at 「拖欠金额「12,000元（4,000元×3个月）」。对吗？」: how it was worked out, and the question again.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const someone = (tag: string) => `web:h14-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** Up to the amount question (the months known). */
const TO_AMOUNT = ['老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是'];
/** Up to the months question. */
const TO_MONTHS = ['老板拖了我工资', '1', '好再来饭店', '东龙', '新塘', '不是'];

describe('whose the money is goes with whom the report is for', () => {
  it('一万二是我老公的, 不对, 代为反映 picked: the 12,000 goes too, the own amount asked', async () => {
    await converse(t.chat, someone('kin-amount'))
      .sendAll(...TO_AMOUNT)
      .expect(/您自己一共被拖欠了多少钱/)
      .send('一万二是我老公的')
      .expect(/代为反映「替丈夫反映」、拖欠金额「12,000元」。对吗/)
      .send('不对')
      .expect(/哪一项不对/)
      .send('1')
      .expect(/代为反映、拖欠金额先不记/)
      .expect(/您自己一共被拖欠了多少钱/)
      .expectNot(/一共有多少人被拖欠/);
  });

  it('我老公也三个月没发工资了 at the months question: whose months is asked, never stored', async () => {
    await converse(t.chat, someone('kin-also'))
      .sendAll(...TO_MONTHS)
      .expect(/拖欠的是哪段时间的工资/)
      .send('我老公也三个月没发工资了')
      .expect(/这段时间是您自己被拖欠的，还是您在替丈夫反映/)
      .expectNot(/对吗/)
      .send('1')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗/);
  });

  it('我老公也三个月没发工资了, 替丈夫反映 picked: whom it is for confirmed, the months not taken', async () => {
    await converse(t.chat, someone('kin-also-2'))
      .sendAll(...TO_MONTHS, '我老公也三个月没发工资了', '2')
      .expect(/代为反映「替丈夫反映」。对吗/)
      .expectNot(/拖欠时间「/);
  });

  it('替我们村的老乡问问 老板欠他们十几万 at the months question: the group’s total, confirmed with the count', async () => {
    await converse(t.chat, someone('villagers'))
      .sendAll(...TO_MONTHS)
      .send('替我们村的老乡问问 老板欠他们十几万')
      .expect(/代为反映「替老乡反映」。对吗/)
      .expectNot(/拖欠金额/)
      .sendAll('对', '王大军', '三个月')
      .expect(/被欠工资的人.*被拖欠了多少钱/)
      .send('8000')
      .expect(/一共有多少人被拖欠/)
      .send('十几个人')
      .expect(/大家一共被拖欠「约110,000至190,000元」/);
  });

  it('我老公的是一万二 at the amount question: 替丈夫 offered, with his figure', async () => {
    await converse(t.chat, someone('kin-figure'))
      .sendAll(...TO_AMOUNT)
      .send('我老公的是一万二')
      .expect(/12,000元是您老公的。这里问的是您自己被拖欠了多少钱.*如果您是替丈夫反映，请选「替丈夫反映」/)
      .send('1')
      .expect(/代为反映「替丈夫反映」、拖欠金额「12,000元」。对吗/)
      .send('对')
      .expect(/被欠工资的人叫什么名字/);
  });

  it('我老公的工资一万二, then the writer’s own figure: that is the amount', async () => {
    await converse(t.chat, someone('kin-figure-own'))
      .sendAll(...TO_AMOUNT)
      .send('我老公的工资一万二')
      .expect(/如果您是替丈夫反映/)
      .send('8000')
      .expect(/一共有多少人被拖欠/);
  });

  it('帮我老公问一下 他老板欠他两万 at the amount question: his amount, with whom it is for', async () => {
    await converse(t.chat, someone('his-amount'))
      .sendAll(...TO_AMOUNT)
      .send('帮我老公问一下 他老板欠他两万')
      .expect(/代为反映「替丈夫反映」、拖欠金额「20,000元」。对吗/);
  });
});

describe('facts said plainly, read', () => {
  it('8月到10月 每个月四千 一共一万二 as a first message: the months and the total, confirmed', async () => {
    await converse(t.chat, someone('triple'))
      .send('8月到10月 每个月四千 一共一万二')
      .expectNot(/没太明白|加入工会/)
      .expect(/同意吗/)
      .send('1')
      .expect(/拖欠时间「2026年8月至2026年10月（3个月）」、拖欠金额「12,000元（4,000元×3个月）」。对吗/);
  });

  it('我跟我哥 每人每月六千 拖了两个月: own 12,000, 2 people, 24,000 in all, confirmed', async () => {
    await converse(t.chat, someone('each'))
      .send('我跟我哥 每人每月六千 拖了两个月')
      .expectNot(/没太明白/)
      .send('1')
      .expect(/拖欠金额「12,000元（6,000元×2个月）」、被拖欠人数「2人」、大家一共被拖欠「24,000元」。对吗/);
  });

  it('8 9 10 at the months question: August to October, confirmed', async () => {
    await converse(t.chat, someone('spaced'))
      .sendAll(...TO_MONTHS, '8 9 10')
      .expect(/拖欠时间「2026年8月至2026年10月（3个月）」。对吗/);
  });

  it('5 不对 6 at the headcount question: 6 people', async () => {
    await converse(t.chat, someone('slip'))
      .sendAll(...TO_AMOUNT, '6000')
      .expect(/一共有多少人被拖欠/)
      .send('5 不对 6')
      .expect(/被拖欠人数「6人」。对吗/);
  });

  it('怎么算的 at an amount worked out (4,000元×3个月): how, and the question again', async () => {
    await converse(t.chat, someone('how'))
      .sendAll('8月到10月 每个月四千 一共一万二', '1')
      .expect(/拖欠金额「12,000元（4,000元×3个月）」。对吗/)
      .send('怎么算的')
      .expect(/拖欠金额12,000元是按4,000元×3个月算的/)
      .expect(/对吗/)
      .expectNot(/答不上来/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
  });
});
