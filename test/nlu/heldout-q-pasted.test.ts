/**
 * Held-out set Q (test/nlu/heldout-q): things pasted into the chat — a bank SMS, an IOU, a map card — and long stories
 * with WeChat emoji between the words. Each test failed before its fix; `guard:` lines keep what already worked. The
 * clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const SMS = '【农商银行】您尾号6621的账户12月1日工资收入3000.00元，余额3120.55元';
const IOU = '今欠到张三工资款人民币贰万叁仟元整 欠款人：李四 2026年10月5日';
const CARD = '【高德地图】青溪宏达建筑工程有限公司\n地址：河西街道滨河路56号\nhttps://surl.amap.com/2kXq9Lw';

describe('held-out set Q: pasted things', () => {
  it('a bank SMS: the balance, a sum received, the account tail, the hotline are never the amount owed', () => {
    expect(taken(read('wage', 'amount', SMS)).amount).toBeUndefined();
    expect(taken(read('wage', 'phone', `${SMS}。客服热线96288`)).amount).toBeUndefined();
    expect(taken(read('wage', 'phone', `${SMS}。客服热线96288`)).phone).toBeUndefined();
    expect(taken(read('wage', 'period', '【建设银行】您尾号0832的账户8月15日工资收入2800.00元，余额2956.10元。\n这是最后一次发的 后面就没有了')).amount).toBeUndefined();
    expect(taken(read('wage', 'amount', '余额3120元')).amount).toBeUndefined();
    // guard: what is still owed, said after the SMS, is read as before.
    expect(read('wage', 'amount', '【农商银行】您尾号6621的账户11月30日工资收入1500.00元，余额1620.55元\n就发了这点 还差一万二没给[发怒]').direct.amount).toEqual({ yuan: 12000, approx: false, upTo: null });
    expect(taken(read(null, null, '【农商银行】您尾号6621的账户11月30日工资收入1500.00元，余额1620.55元\n就发了1500 还差3000没给 我要反映')).amount).toEqual({ yuan: 3000, approx: false, upTo: null });
  });

  it('an IOU at the employer question: the one who wrote it (欠款人), confirmed; its date never the month left', () => {
    const p = read('wage', 'employer', `就是写欠条的这个人：${IOU.replace('张三', '韦小宝')}`);
    expect(p.direct.employer).toBeUndefined();
    expect(p.inferred.employer).toBe('李四');
    expect(read('wage', 'employer', IOU).inferred.employer).toBe('李四');
    // The figure is proposed only, never stored.
    expect(p.direct.amount).toBeUndefined();
    const left = read('wage', 'leftSince', IOU, { stillEmployed: false });
    expect(taken(left).leftSince).toBeUndefined();
    // guard: the IOU's date is no period owed either.
    expect(taken(read('wage', 'period', IOU)).period).toBeUndefined();
  });

  it('a map card at the employer address: the address after 地址：, never the name or the link', () => {
    expect(read('wage', 'employerAddress', CARD).direct.employerAddress).toBe('河西街道滨河路56号');
    expect(read('wage', 'employerAddress', '【高德地图】白沙镇法律援助工作站\n白沙镇沙湾路6号镇司法所二楼\nhttps://surl.amap.com/9aQz1').direct.employerAddress).toBe('白沙镇沙湾路6号镇司法所二楼');
    // At the employer question: the place's name, confirmed.
    const p = read('wage', 'employer', CARD);
    expect(p.direct.employer).toBeUndefined();
    expect(p.inferred.employer).toBe('青溪宏达建筑工程有限公司');
    // guard: a link alone is never a value.
    for (const field of ['employer', 'employerAddress', 'location', 'project']) {
      expect(Object.keys(taken(read('wage', field, 'https://surl.amap.com/2kXq9Lw')))).toEqual([]);
    }
    // guard: an address typed alone is kept as before.
    expect(read('wage', 'employerAddress', '河西街道滨河路56号').direct.employerAddress).toBe('河西街道滨河路56号');
  });

  it('long first messages: the unit where they carried bricks, the unit said last with 的', () => {
    expect(taken(read(null, null, '我是在宏达建筑工地上搬砖的 从9月干到现在一分钱没给[发怒] 我叫韦小宝 电话13907712345')).employer).toBe('宏达建筑');
    expect(taken(read(null, null, '我们8个人一共被欠了7万4[发怒] 青溪纺织厂的')).employer).toBe('青溪纺织厂');
    const story =
      '我跟你说 我是今年三月份过完年从老家上来的 老乡介绍我到宏达建筑的工地上扎钢筋 说好一天三百 开始几个月还按时发 后来就说甲方没给钱 让我们等 等到现在 我家里老人生病要钱 孩子上学也要钱 我天天打电话老板都不接[流泪][流泪] 我算了一下 我自己被欠了一万八千五 我们一起的还有好几个老乡也没拿到 你们一定要帮帮我们啊';
    const p = read('wage', 'amount', story);
    expect(p.inferred.employer).toBe('宏达建筑');
    expect(taken(p).amount).toEqual({ yuan: 18500, approx: false, upTo: null });
    // guard: a site with no unit named is no employer.
    expect(taken(read(null, null, '在工地上搬砖 老板欠我3000')).employer).toBeUndefined();
  });

  it('我是帮我爸报的[抱拳] 同意 at the consent: the yes, and whose wages they are', () => {
    const p = read('wage', 'consent', '我是帮我爸报的[抱拳] 同意');
    expect(p.direct.consent).toBe(true);
    expect(taken(p).behalfSaid).toEqual({ relation: '爸' });
  });

  it('in the chat: the IOU at the employer question proposes 李四; the map card its name', async () => {
    await converse(t.chat, 'web:hq-iou').sendAll('老板欠我工资', '同意').send(`就是写欠条的这个人：${IOU}`).expect(/用人单位「李四」/);
    await converse(t.chat, 'web:hq-card').sendAll('老板欠我工资', '同意').send(CARD).expect(/用人单位「青溪宏达建筑工程有限公司」/).expectNot(/amap|https/);
  });
});
