/**
 * Misreadings of amounts found by held-out set M (test/nlu/heldout-m: whole stories in one message, many numbers in
 * each — rates, days, totals earned, paid and still owed, deposits, the boss's figure against the person's own), fixed
 * in the sentence's amount reader (flows/parsers/mentions.ts) and the rate × time readers (flows/wage.ts), for the
 * class of words, never the one sentence. Each test here failed before its fix; `guard:` lines keep what already
 * worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

/** Up to the amount's question, the months known (8月至11月). */
const TO_AMOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年8月到11月'];
const amountOf = (text: string, known: Record<string, unknown> = {}) => taken(read('wage', 'amount', text, known)).amount;

describe('held-out set M: after a payment, the sum said as still owed', () => {
  it('工钱总共是38000…实际到手只有两万，还差的一万八: 18,000 (到手只有 is paid), never the 38,000 earned', async () => {
    expect(amountOf('工钱总共是38000，押金扣了我2000，老板说迟到罚款扣500，实际到手只有两万，还差的一万八他说年底给')).toEqual({ yuan: 18000, approx: false, upTo: null });
    await converse(t.chat, 'hm-amt-1')
      .sendAll(...TO_AMOUNT, '工钱总共是38000，押金扣了我2000，老板说迟到罚款扣500，实际到手只有两万，还差的一万八他说年底给')
      .expect(/拖欠金额「18,000元」/);
  });

  it('实发4800 实际只打了2800 少了两千: the 2,000 short', () => {
    expect(amountOf('工资条上写的是实发4800 实际只打了2800 少了两千')).toEqual({ yuan: 2000, approx: false, upTo: null });
  });

  it('只发一半工资 一共少发了我一万多 (first message): about 10,000', () => {
    expect(taken(read(null, null, '我在河西物业当保安 今年4月份开始只发一半工资 一共少发了我一万多 还在上班 怕被开除')).amount).toEqual({ yuan: 10000, approx: true, upTo: null });
  });

  it('…一万五千六他七月给了两千所以是一万三千六 (speech): 13,600, the figure it comes to', () => {
    expect(amountOf('嗯那个我算一下啊七月八月九月三个月一个月五千二就是一万五千六他七月给了两千所以是一万三千六')).toEqual({ yuan: 13600, approx: false, upTo: null });
  });

  it('每个月四千五 干了五个月 给过两次 一次三千 一次五千: paid twice, so 22,500 is never proposed; what is owed is asked', async () => {
    expect(amountOf('每个月四千五 干了五个月 给过两次 一次三千 一次五千 剩下的一直拖着')).toBeUndefined();
    await converse(t.chat, 'hm-amt-2')
      .sendAll(...TO_AMOUNT, '每个月四千五 干了五个月 给过两次 一次三千 一次五千 剩下的一直拖着')
      .expect(/现在还欠您多少钱/)
      .expectNot(/22,500/);
  });
});

describe('held-out set M: a sum said outright wins over one worked out', () => {
  it('一个月八千 / 一共干了六个月 只给了一万五 / 还欠三万三 (first message, line breaks): 33,000, never 8,100 a month', async () => {
    const story = '我叫农志华 电话19977028865\n2026年5月到10月在东龙镇岭头村的采砂场开挖机\n老板陈金宝 一个月八千\n一共干了六个月 只给了一万五\n还欠三万三\n10月底不干了';
    expect(taken(read(null, null, story)).amount).toEqual({ yuan: 33000, approx: false, upTo: null });
    await converse(t.chat, 'hm-amt-3').sendAll(story, '同意').expect(/拖欠金额「33,000元」/).expectNot(/33,600|8,100/);
  });

  it('一个月八千 一共干了六个月 只给了一万五 (no sum owed said): worked out from 8,000 a month (八千 and 一共 never run together)', () => {
    const p = read('wage', 'amount', '一个月八千 一共干了六个月 只给了一万五');
    expect(taken(p).amount).toMatchObject({ yuan: 33000 });
    expect(JSON.stringify(p)).not.toMatch(/8,100|33600/);
  });

  it('3个月 每个月4千 一共1万2: the 12,000 said, never the one worked out from the wage', () => {
    expect(amountOf('我算了一下 3个月 每个月4千 一共1万2 一分没拿到')).toEqual({ yuan: 12000, approx: false, upTo: null });
    expect(amountOf('工资是一个月六千 老板欠了两个月的 呃 一万二')).toEqual({ yuan: 12000, approx: false, upTo: null });
  });
});

describe("held-out set M: the person's own figure, against another said beside it", () => {
  it('他说最多给八千 可我算的是一万一: 11,000 (the person reckons it)', () => {
    expect(amountOf('他说最多给八千 可我算的是一万一 差的三千他不认')).toEqual({ yuan: 11000, approx: false, upTo: null });
  });

  it('欠条上写的是一万零八百 但是其实应该是一万二: 12,000', () => {
    expect(amountOf('老板给我打了欠条 欠条上写的是一万零八百 但是其实应该是一万二 他少算了我三天')).toEqual({ yuan: 12000, approx: false, upTo: null });
  });

  it('我和我哥…他的结了 我的没结 欠了5千: the person\'s own 5,000, never asked whose', () => {
    const p = taken(read(null, null, '我想反映欠薪 我和我哥都在白沙的砖厂 他的结了 我的没结 欠了5千'));
    expect(p.amount).toEqual({ yuan: 5000, approx: false, upTo: null });
    expect(p.sumWhose).toBeUndefined();
    // guard: with nothing said of whose was paid, whose the sum is stays asked.
    expect(amountOf('我和我老公在饭店干 老板欠了一万五')).toBeUndefined();
  });

  it('说好包干两万四 四个人平分: the four people\'s total, never the person\'s own', () => {
    const p = taken(read('wage', 'amount', '我们四个人在河西帮人拆旧厂房 说好包干两万四 四个人平分 干完了一分没给'));
    expect(p.amount).toBeUndefined();
    expect(p.groupAmount).toEqual({ yuan: 24000, approx: false, upTo: null });
  });
});

describe('held-out set M: the sum at the end of a run-on, a rate said long before it', () => {
  it('…做一天两百二做到今年十月份…到现在还有一万六千五没给我: 16,500', () => {
    expect(amountOf('我跟你说啊我是去年过完年就来这边的在马坪镇那个砖厂做一天两百二做到今年十月份老板就说没钱了到现在还有一万六千五没给我我都五十八岁了')).toEqual({ yuan: 16500, approx: false, upTo: null });
  });

  it('…一个月三千六包吃住…九月十月两个月的工资七千二还没给: 7,200', () => {
    expect(amountOf('我是2月17号进厂的一个月三千六包吃住干到10月底走的走的时候说工资下个月发结果到现在九月十月两个月的工资七千二还没给')).toEqual({ yuan: 7200, approx: false, upTo: null });
    // guard: a month's wage said alone is still no sum owed.
    expect(amountOf('一个月三千六')).toBeUndefined();
  });
});

describe('held-out set M: a month named with its wage, and the month not yet due', () => {
  it('10月份的工资3100没发 / 11月的还没到发的时候: 3,100 for October alone', async () => {
    const text = '我叫韦春燕\n在凤栖那边的超市做理货\n10月份的工资3100没发\n11月的还没到发的时候';
    const p = taken(read('wage', 'amount', text));
    expect(p.amount).toEqual({ yuan: 3100, approx: false, upTo: null });
    expect(p.period).toEqual({ start: '2026-10', end: '2026-10' });
    await converse(t.chat, 'hm-amt-4').sendAll('老板欠我工资', '同意', '好再来超市', text).expect(/拖欠时间「2026年10月（1个月）」、拖欠金额「3,100元」/);
  });

  it('今年5月辞职的 最后两个月的工资一共7800没给 还有500押金没退: 7,800, and no months up to now', () => {
    const p = taken(read('wage', 'amount', '我在青溪纺织厂做了一年三个月 今年5月辞职的 最后两个月的工资一共7800没给 还有500押金没退'));
    expect(p.amount).toEqual({ yuan: 7800, approx: false, upTo: null });
    expect(p.period).toBeUndefined();
  });

  it('欠我：6500 (a form typed line by line, at the employer question): 6,500', () => {
    expect(taken(read('wage', 'employer', '老板：梁国栋\n地方：桂山镇杨梅村\n欠我：6500\n我电话：17707731122')).amount).toEqual({ yuan: 6500, approx: false, upTo: null });
  });

  it('guard: a month\'s wage times the months owed, nothing paid, is still proposed with how', () => {
    expect(amountOf('一个月八千 三个月没给')).toMatchObject({ yuan: 24000 });
    expect(taken(read(null, null, '老板欠我三个月工资 一个月4200')).amount).toMatchObject({ yuan: 12600, how: '4,200元×3个月' });
  });
});
