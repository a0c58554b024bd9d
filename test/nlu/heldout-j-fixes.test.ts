/**
 * Misreadings found by held-out set J (test/nlu/heldout-j: hard negatives and look-alikes — hypotheticals, figures
 * quoted from the boss, numbers that are no amount, negated values, venting) in the wage report's questions, fixed in
 * the readers for the class of words, never the one sentence. Each test here failed before its fix; `guard:` lines
 * keep what already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const AT_LOCATION = { consent: true, employer: '恒通物流' };
const AT_AMOUNT = { consent: true, employer: '华腾', location: 't08', period: { start: '2026-09', end: '2026-11' } };

describe('held-out set J: consent is never refused by words that refuse nothing', () => {
  it('不是不同意 (a no of a no) and 老板照样不给 (the boss not paying) are no refusal: the report goes on', async () => {
    await converse(t.chat, 'hj-consent-1').sendAll('老板欠我工资', '不是不同意 是想知道谁能看到').expectNot(/没有您的同意我们不会收集/).expect(/同意/);
    await converse(t.chat, 'hj-consent-2').sendAll('老板欠我工资', '呵呵 同意有啥用 老板照样不给').expectNot(/没有您的同意我们不会收集/);
    expect(taken(read('wage', 'consent', '不是不同意')).consent).toBeUndefined();
    // guard: a no said twice, and a refusal of one's own, are still a no.
    expect(taken(read('wage', 'consent', '不是不是')).consent).toBe(false);
    expect(taken(read('wage', 'consent', '不同意')).consent).toBe(false);
    expect(taken(read('wage', 'consent', '不想给')).consent).toBe(false);
  });
});

describe('held-out set J: the township of the work', () => {
  it('a township said not to be it (不是东龙镇) is never taken', async () => {
    await converse(t.chat, 'hj-loc-1').sendAll('老板欠我工资', '同意', '恒通物流', '不是东龙镇').expect(/不是「东龙镇」的话，是哪个镇或街道/).expectNot(/在东龙镇的哪个村/);
    expect(taken(read('wage', 'location', '不是东龙镇', AT_LOCATION)).location).toBeUndefined();
    expect(taken(read(null, null, '我不是东龙镇的 在白沙镇干活 老板欠我三千')).location).toBe('t02');
    // guard: the township said plainly is taken.
    expect(read('wage', 'location', '东龙镇', AT_LOCATION).direct.location).toBe('t01');
  });

  it('不是X 是Y at a question not answered yet, X being its kind of answer: Y answers it, no earlier answer is changed', async () => {
    // (Nothing said before is taken back, so 白沙 is this question's answer, confirmed: heldout-j-more.test.ts.)
    await converse(t.chat, 'hj-loc-2').sendAll('老板欠我工资', '同意', '恒通物流', '不是东龙镇的 是隔壁白沙').expectNot(/用人单位已改为/).expect(/干活的地方「白沙镇」。对吗？/).send('对').expect(/白沙镇的哪个村/);
    expect(read('wage', 'location', '不是东龙镇的 是隔壁白沙', AT_LOCATION)).toMatchObject({ intent: 'answer' });
    expect(taken(read('wage', 'location', '不是东龙镇的 是隔壁白沙', AT_LOCATION)).location).toBe('t02');
    const crew = read('wage', 'headcount', '不是我一个 是我们一个班组', { consent: true, employer: '佳美鞋业', location: 't03', amount: { yuan: 6000, approx: false, upTo: null } });
    expect(taken(crew).employer).toBeUndefined();
    expect(crew.intent).toBe('unclear');
    expect(read('wage', 'amount', '不是八千 是八千五', AT_AMOUNT).intent).toBe('answer');
    expect(taken(read('wage', 'amount', '不是八千 是八千五', AT_AMOUNT)).amount).toMatchObject({ yuan: 8500 });
    // guard: `白沙隔壁` is near 白沙 (asked), not in it.
    expect(taken(read('wage', 'location', '白沙隔壁', AT_LOCATION)).location).toBeUndefined();
  });

  it('a home town (老家梅岗的, 老板倒是柳溪人) is never taken as where the work is', async () => {
    await converse(t.chat, 'hj-loc-3').sendAll('老板欠我工资', '同意', '恒通物流', '老家梅岗的').expect(/老家/).expectNot(/在梅岗镇的哪个村/);
    expect(taken(read('wage', 'location', '老家梅岗的', AT_LOCATION)).location).toBeUndefined();
    expect(taken(read('wage', 'location', '在深圳 老板倒是柳溪人', { consent: true, employer: '李四海' })).location).toBeUndefined();
    // guard: the work said there too, and a first message's 班组8个人 (人 after no township), read as before.
    expect(read('wage', 'location', '我老家梅岗的 在梅岗干活', AT_LOCATION).direct.location).toBe('t05');
    expect(taken(read(null, null, '我们班组8个人在河西街道锦绣社区的楼盘干了三个月 还差工钱7万4')).location).toBe('t08');
  });
});

describe('held-out set J: figures supposed, still to come, or quoted and disputed', () => {
  it('要是只欠两千也能报吗 / 下个月还要再欠五千 / 老板说我只值三千: no amount', () => {
    for (const words of ['要是只欠两千也能报吗', '下个月还要再欠五千', '老板说我只值三千 呵呵']) expect(taken(read('wage', 'amount', words, AT_AMOUNT)).amount, words).toBeUndefined();
    // guard: the sum owed now, said with what is to come, is still read.
    expect(taken(read('wage', 'amount', '欠了八千 下个月还要再欠五千', AT_AMOUNT)).amount).toMatchObject({ yuan: 8000 });
    expect(taken(read('wage', 'amount', '老板说欠我五千', AT_AMOUNT)).amount).toMatchObject({ yuan: 5000 });
  });

  it('老板说只欠我五千 其实是八千: the person’s own figure, never the boss’s', async () => {
    expect(taken(read('wage', 'amount', '老板说只欠我五千 其实是八千', AT_AMOUNT)).amount).toMatchObject({ yuan: 8000 });
    await converse(t.chat, 'hj-amt-1').sendAll('老板欠我工资', '同意', '华腾电子厂', '河西街道', '不清楚', '不是', '今年9月到11月', '要是只欠两千也能报吗').expectNot(/2,000|两千/).expect(/一共被拖欠了多少钱/);
  });

  it('a supposition (还在 不过要是再不发我就不干了) is no answer: still there', () => {
    const known = { consent: true, employer: '华腾', location: 't08', amount: { yuan: 8000, approx: false, upTo: null } };
    expect(taken(read('wage', 'stillEmployed', '还在 不过要是再不发我就不干了', known)).stillEmployed).toBe(true);
    // guard: gone said of the past is gone.
    expect(taken(read('wage', 'stillEmployed', '上个月就不干了', known)).stillEmployed).toBe(false);
  });
});

describe('held-out set J: words beside a name that are no part of it', () => {
  it('a laugh after the words (开宝马那个老板 呵呵) is never the unit’s name', () => {
    expect(taken(read('wage', 'employer', '开宝马那个老板 呵呵', { consent: true })).employer).toBeUndefined();
    // guard: a name with a laugh after it is still the name.
    expect(taken(read('wage', 'employer', '宏达建筑 呵呵', { consent: true })).employer).toBe('宏达建筑');
  });

  it('where the project’s name is written (售楼处写的是…) and 不晓得叫啥 are no part of the name', () => {
    const known = { consent: true, employer: '李四海', location: 't06', construction: true };
    expect(taken(read('wage', 'project', '老板说叫幸福里 售楼处写的是幸福里二期', known)).project).toBe('幸福里二期');
    expect(read('wage', 'project', '不晓得叫啥 就在18号路口', known).direct.project).toBeNull();
    // guard: a plain name is kept as said.
    expect(read('wage', 'project', '幸福里二期', known).direct.project).toBe('幸福里二期');
  });

  it('another one’s trade (我表哥是木工) and what the address is not (不是18号) are no part of the answer', () => {
    const known = { consent: true, employer: '李四海', construction: true };
    expect(read('wage', 'trade', '扎钢筋的 我表哥是木工', known).direct.trade).toBe('钢筋工');
    expect(read('wage', 'projectAddress', '就在南塘街道永安路8号 不是18号', known).direct.projectAddress).toBe('南塘街道永安路8号');
  });

  it('a character of the name spelled out (秀是秀气的秀) is no part of it', () => {
    const known = { consent: true, employer: '佳美鞋业', amount: { yuan: 6000, approx: false, upTo: null } };
    expect(read('wage', 'contactName', '李秀兰 秀是秀气的秀', known).direct.contactName).toBe('李秀兰');
    // guard: spelled without 是, as before.
    expect(read('wage', 'contactName', '李秀兰 秀气的秀', known).direct.contactName).toBe('李秀兰');
  });
});
