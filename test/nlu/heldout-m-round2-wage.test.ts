/**
 * Held-out set M, second round on the wage report's questions other than the amount: a long story at the unit's
 * question that names the unit among other facts, how long someone worked beside a client's unpaid money, and a few
 * answers whose extra words made them unread. Each test here failed before its fix; `guard:` lines keep what already
 * worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

describe('held-out set M (round 2): the unit named inside a story at its question', () => {
  it('the clause that plainly is the name is taken, confirmed with the facts beside it', () => {
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['河西物业 我是那边的保安 我们保安队8个人 三个月没发了', '河西物业', { period: { start: '2026-09', end: '2026-11' } }],
      ['公司名字很长 叫青溪县鑫盛源建材贸易有限公司 在东龙镇 我是开铲车的', '青溪县鑫盛源建材贸易有限公司', { location: 't01' }],
      ['一个私人老板 大家都叫他黄老板 他在石岭镇开了个石材厂', '黄老板', { location: 't03' }],
      ['我在南塘街道那边干装卸 老板是个体户 叫莫金华 一车一结 最后十几车的钱没结', '莫金华', { location: 't10' }],
    ];
    for (const [text, employer, beside] of cases) {
      const p = read('wage', 'employer', text);
      expect(p.direct.employer, text).toBeUndefined();
      expect(p.inferred, text).toMatchObject({ employer, ...beside });
    }
  });

  it('in the chat: the unit and the rest of the story confirmed in one line, never the unit asked again', async () => {
    await converse(t.chat, 'hm2-unit-story-1')
      .sendAll('我要反映欠薪', '同意', '河西物业 我是那边的保安 我们保安队8个人 三个月没发了')
      .expect(/用人单位「河西物业」、拖欠时间「2026年9月至2026年11月（3个月）」。对吗/)
      .send('对')
      .expect(/哪个镇或街道/);
    await converse(t.chat, 'hm2-unit-story-2')
      .sendAll('我要反映欠薪', '同意', '我在南塘街道那边干装卸 老板是个体户 叫莫金华 一车一结 最后十几车的钱没结')
      .expect(/用人单位「莫金华」、干活的地方「南塘街道」。对吗/)
      .send('对')
      .expect(/「莫金华」是哪一种/);
  });

  it('guard: two clauses naming different units or bosses take neither unasked', () => {
    const p = read('wage', 'employer', '宏达建筑 老板叫刘大壮 欠了我八千 三个月了');
    expect(p.direct.employer).toBeUndefined();
    // guard: a 叫… after a project names the project, never the unit (滨江花园三期 was proposed while fixing this).
    expect(taken(read('wage', 'employer', '宏达建筑的项目 叫滨江花园三期 欠我们班组十几个人三十多万')).employer).not.toBe('滨江花园三期');
  });
});

describe('held-out set M (round 2): how long someone worked is no period when something else is unpaid', () => {
  it('老板说甲方没给钱所以发不了 …干了七个月 欠我3万4: the client not paying the boss is not nothing paid', async () => {
    expect(taken(read('wage', null, '老板说甲方没给钱所以发不了 我在宏达建筑干了七个月 欠我3万4')).period).toBeUndefined();
    await converse(t.chat, 'hm2-client-unpaid')
      .sendAll('老板说甲方没给钱所以发不了 我在宏达建筑干了七个月 欠我3万4', '同意')
      .expect(/我理解的是：用人单位「宏达建筑」、拖欠金额「34,000元」。对吗/);
    // guard: nothing paid for the time worked still makes it the period (confirmed).
    expect(taken(read('wage', null, '我在宏达建筑干了七个月 一分钱没给')).period).toMatchObject({ start: '2026-05', end: '2026-11' });
  });

  it('给东龙一户人家带了两个月孩子 雇主还欠我一万二: the months of childcare are how long she worked', () => {
    expect(taken(read('wage', null, '我是做月嫂的 给东龙一户人家带了两个月孩子 雇主还欠我一万二')).period).toBeUndefined();
    // guard: nothing paid for them, they are the months owed.
    expect(taken(read('wage', null, '给人家带了两个月孩子 一分钱没给')).period).toMatchObject({ start: '2026-10', end: '2026-11' });
  });
});

describe('held-out set M (round 2): answers with words beside them', () => {
  it('过完年来的 一直没发 老板说年底一起结 at the period: from 2026-03 to now, confirmed (the promise is no part of it)', async () => {
    expect(taken(read('wage', 'period', '过完年来的 一直没发 老板说年底一起结')).period).toMatchObject({ start: '2026-03', end: null });
    await converse(t.chat, 'hm2-period-promise')
      .sendAll('我要反映欠薪', '同意', '宏达建筑', '东龙镇', '不清楚', '不是', '过完年来的 一直没发 老板说年底一起结')
      .expect(/拖欠时间「2026年3月至今（9个月）」。对吗/);
  });

  it('五六个吧 我 我表哥 还有几个老乡 at the headcount: 5 to 6, confirmed', async () => {
    const p = read('wage', 'headcount', '五六个吧 我 我表哥 还有几个老乡');
    expect(p.direct.headcount).toBeUndefined();
    expect(p.inferred.headcount).toMatchObject({ count: 5, approximate: true, upTo: 6 });
    // guard: a count not followed by the person listed among them (`三个 还有几个老乡`: three and more?) is asked.
    expect(taken(read('wage', 'headcount', '三个 还有几个老乡')).headcount).toBeUndefined();
    await converse(t.chat, 'hm2-headcount-listed')
      .sendAll('我要反映欠薪', '同意', '宏达建筑', '东龙镇', '不清楚', '不是', '今年8月到10月', '8000', '五六个吧 我 我表哥 还有几个老乡')
      .expect(/被拖欠人数「5至6人」。对吗/);
  });

  it('早就不干了，十月份他说没活了让我们回家等通知… at still-employed: gone, in 2026-10 (confirmed)', async () => {
    const p = read('wage', 'stillEmployed', '早就不干了，十月份他说没活了让我们回家等通知，等到现在也没通知');
    expect(taken(p)).toMatchObject({ stillEmployed: false, leftSince: '2026-10' });
    await converse(t.chat, 'hm2-sent-home')
      .sendAll('我要反映欠薪', '同意', '宏达建筑', '东龙镇', '不清楚', '不是', '今年8月到10月', '8000', '就我一个', '早就不干了，十月份他说没活了让我们回家等通知，等到现在也没通知')
      .expect(/离开时间「2026年10月」。对吗/);
  });

  it('the group total: the others not known (null), and the workers’ own figure beside the boss’s (confirmed)', async () => {
    const known = { headcount: { count: 4, approximate: false }, amount: { yuan: 9000, approx: false, upTo: null } };
    expect(read('wage', 'groupAmount', '不知道别人的 各算各的 他们自己会报', known)).toMatchObject({ intent: 'answer', direct: { groupAmount: null } });
    const twelve = { headcount: { count: 12, approximate: false }, amount: { yuan: 15000, approx: false, upTo: null } };
    const p = read('wage', 'groupAmount', '包工头那边记的是十八万多 我们自己算是二十万 差了一截', twelve);
    expect(p.direct.groupAmount).toBeUndefined();
    expect(p.inferred.groupAmount).toMatchObject({ yuan: 200000 });
    await converse(t.chat, 'hm2-group-two-figures')
      .sendAll('我要反映欠薪', '同意', '宏达建筑', '东龙镇', '不清楚', '不是', '今年8月到10月', '15000', '12个人', '包工头那边记的是十八万多 我们自己算是二十万 差了一截')
      .expect(/先按你们算的记/)
      .expect(/大家一共被拖欠「200,000元」。对吗/);
  });

  it('不对 是白沙隔壁那个 石岭 at 「干活的地方「白沙镇」。对吗？」: 石岭, the one next to 白沙', () => {
    expect(read('wage', 'confirm', '不对 是白沙隔壁那个 石岭', { location: 't02' })).toMatchObject({ intent: 'no', inferred: { location: 't03' } });
    // guard: near one township, no other named, is still asked.
    expect(taken(read('wage', 'location', '白沙隔壁')).location).toBeUndefined();
  });
});
