/**
 * Leftover misreadings (round M): a moment asked for to fetch a paper or a number, whose a workplace is said before its
 * name, a name as written on a business licence, a co-worker named where the boss or the person's own name is asked,
 * a place next to a village, a month the foreman promised, and a cousin's sum beside the person's own. Each fixed in the
 * reader for the class of words, never the one sentence. Each test here failed before its fix; `guard:` lines keep what
 * already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);
const answersOf = async (user: string) => (await session(user)).answers as Record<string, unknown>;

const TO_AMOUNT = ['我要反映欠薪', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'] as const;
const TO_CONTACT = [...TO_AMOUNT, '6000', '就我一个', '还在干', '都跳过', '没有'] as const;
const TO_ID = ['我想入会', '同意', '王大军', '对', '同意', '确认'] as const;
const PAUSED = /不着急/;

describe('a moment asked for to fetch what the question needs: a pause, the question waiting, nothing stored', () => {
  it('稍等 我找下欠条 at the amount question: paused (it was 「您输入的不是数字」), and 继续 asks the amount again', async () => {
    await converse(t.chat, 'lm-fetch-1')
      .sendAll(...TO_AMOUNT, '稍等 我找下欠条')
      .expect(PAUSED)
      .expectNot(/不是数字/)
      .send('继续')
      .expect(/被拖欠了多少钱/);
    expect((await answersOf('lm-fetch-1')).amount).toBeUndefined();
    // guard: a pause the chat already knew, said the same way.
    await converse(t.chat, 'lm-fetch-2').sendAll(...TO_AMOUNT, '等下 我看下我新号码').expect(PAUSED);
    // guard: the amount itself, typed next, still read.
    await converse(t.chat, 'lm-fetch-3').sendAll(...TO_AMOUNT, '稍等 我找下欠条', '继续', '6000').expect(/一共有多少人/);
  });

  it('the reading scored by the NLU evaluation agrees with the chat: a moment asked (smalltalk), not a value nor unclear', () => {
    expect(read('wage', 'amount', '稍等 我找下欠条')).toMatchObject({ intent: 'smalltalk', direct: {}, inferred: {} });
    expect(read('membership', 'idNumber', '等一下 我去拿身份证', { name: '张桂芳' })).toMatchObject({ intent: 'smalltalk', direct: {}, inferred: {} });
    expect(read('legal', 'phone', '等下 我看下我新号码')).toMatchObject({ intent: 'smalltalk', direct: {}, inferred: {} });
    // guard: a figure said after the wait is no fetch (never read as a pause by understanding); asking someone first stays unclear.
    expect(read('wage', 'amount', '稍等 我看下 两万八').intent).not.toBe('smalltalk');
    expect(read('wage', 'amount', '等下 我问下工友').intent).toBe('unclear');
  });

  it('等一下 我去拿身份证 at the ID question keeps its own words; 等一下 我去拿手机 at the phone question pauses', async () => {
    // guard: the ID question's own reply (it was already given by the ID field).
    await converse(t.chat, 'lm-fetch-id').sendAll(...TO_ID, '等一下 我去拿身份证').expect(/拿到身份证后，把上面的18位号码发给我就行/).expectNot(/只能包含数字/);
    await converse(t.chat, 'lm-fetch-phone')
      .sendAll(...TO_ID, '11010519491231002X', '等一下 我去拿手机')
      .expect(PAUSED)
      .expectNot(/只能包含数字/);
  });
});

describe('the employer: whose the workplace is, and where its name is written, are no part of the name', () => {
  it('老乡开的店 店叫好再来: 好再来 proposed (it was 「老乡开」)', async () => {
    expect(taken(read('wage', 'employer', '老乡开的店 店叫好再来')).employer).toBe('好再来');
    expect(taken(read('wage', 'employer', '我表哥开的店 店叫好再来')).employer).toBe('好再来');
    await converse(t.chat, 'lm-owned').sendAll('我要反映欠薪', '同意', '老乡开的店 店叫好再来').expect(/用人单位「好再来」。对吗/).expectNot(/老乡开/);
    await converse(t.chat, 'lm-owned-2').sendAll('我要反映欠薪', '同意', '邻居开的厂 叫宏达').expect(/「宏达」/).expectNot(/邻居开/);
    // guard: the kind alone still asks which one.
    await converse(t.chat, 'lm-owned-3').sendAll('我要反映欠薪', '同意', '老乡开的店').expect(/是哪个店呢/);
  });

  it('营业执照上的全称是…: the full name after it, confirmed (it was 「营业执照上」, or the whole words kept, or a contact)', async () => {
    expect(taken(read('wage', 'employer', '营业执照上的全称是青溪宏达建筑工程有限公司'))).toEqual({ employer: '青溪宏达建筑工程有限公司' });
    // 「营业执照上是宏达电子厂」 was kept whole, unasked.
    expect(read('wage', 'employer', '营业执照上是宏达电子厂')).toMatchObject({ direct: {}, inferred: { employer: '宏达电子厂' } });
    // 「宏达电子有限公司」 was proposed as the contact's name.
    expect(taken(read('wage', 'employer', '执照上的名字是宏达电子有限公司'))).toEqual({ employer: '宏达电子有限公司' });
    await converse(t.chat, 'lm-licence')
      .sendAll('我要反映欠薪', '同意', '营业执照上的全称是青溪宏达建筑工程有限公司')
      .expect(/用人单位「青溪宏达建筑工程有限公司」。对吗/)
      .expectNot(/营业执照/);
    // guard: written on a work badge, as before; not knowing it is no name.
    expect(taken(read('wage', 'employer', '工牌上写的是鑫源劳务')).employer).toBe('鑫源劳务');
    expect(taken(read('wage', 'employer', '营业执照上的全称我不记得了')).employer).toBeUndefined();
  });
});

describe('a co-worker named is neither the employer nor the person', () => {
  it('刘大壮是我工友 at the employer question: said so, nothing kept (it was 替工友刘大壮反映 proposed, or the words kept)', async () => {
    const p = read('wage', 'employer', '刘大壮是我工友');
    expect(taken(p)).toEqual({});
    expect(taken(read('wage', 'employer', '我工友刘大壮'))).toEqual({});
    await converse(t.chat, 'lm-peer-1').sendAll('我要反映欠薪', '同意', '刘大壮是我工友').expect(/「刘大壮」是您的工友/).expectNot(/代为反映|替工友/);
    expect((await answersOf('lm-peer-1')).employer).toBeUndefined();
    await converse(t.chat, 'lm-peer-2').sendAll('我要反映欠薪', '同意', '我工友刘大壮').expect(/「刘大壮」是您的工友/);
    expect((await answersOf('lm-peer-2')).employer).toBeUndefined();
  });

  it('刘大壮是我工友 at the contact name question: the person’s own name asked again, no report for him proposed', async () => {
    await converse(t.chat, 'lm-peer-3').sendAll(...TO_CONTACT, '刘大壮是我工友').expect(/「刘大壮」是您的工友。这里问的是您自己的姓名/).expectNot(/代为反映|替工友/);
    const a = await answersOf('lm-peer-3');
    expect(a.contactName).toBeUndefined();
    expect(a.onBehalf).toBeUndefined();
    // guard: a relative named so is still read as a report for him (README), and a name typed is the name.
    await converse(t.chat, 'lm-peer-4').sendAll(...TO_CONTACT, '王大军是我爸').expect(/替父亲|代为反映/);
    await converse(t.chat, 'lm-peer-5').sendAll(...TO_CONTACT, '刘大壮').expect(/手机号/);
  });
});

describe('next to a village is not that village', () => {
  it('田心村隔壁 / 田心村附近 at the community question (梅岗镇): asked which, 田心村 never kept unasked', async () => {
    const known = { location: 't05' };
    expect(taken(read('wage', 'community', '田心村隔壁', known))).toEqual({});
    expect(taken(read('wage', 'community', '田心村附近', known))).toEqual({});
    await converse(t.chat, 'lm-near-1')
      .sendAll('我要反映欠薪', '同意', '好再来饭店', '梅岗镇', '田心村附近')
      .expect(/「田心村」旁边的地方，也可能属于别的村或社区/)
      .expectNot(/工程建设项目/);
    expect((await answersOf('lm-near-1')).community).toBeUndefined();
    await converse(t.chat, 'lm-near-2').sendAll('我要反映欠薪', '同意', '好再来饭店', '梅岗镇', '田心村隔壁').expect(/具体在哪个村或社区/).expectNot(/「田心村」。对吗/);
    // guard: the village itself, its village committee, and the village next door named.
    expect(read('wage', 'community', '田心村', known).direct).toEqual({ community: '田心村' });
    expect(taken(read('wage', 'community', '田心村村委会旁边', known)).community).toBe('田心村');
    expect(taken(read('wage', 'community', '是隔壁田心村', known)).community).toBe('田心村');
  });
});

describe('a month the foreman promised is not the months owed', () => {
  it('工头讲十月份结, 10月份工头说结 没结: no period (10月 was proposed); 说 as before', () => {
    for (const said of ['老板欠我工资 工头讲十月份结', '老板欠我工资 10月份工头说结 没结', '老板欠我工资 10月说结的']) {
      expect(taken(read(null, null, said)).period, said).toBeUndefined();
    }
    expect(taken(read('wage', 'period', '10月份工头说结 没结')).period).toBeUndefined();
    // guard: the foreman's 说 (already known), and months owed said beside a promise.
    expect(taken(read(null, null, '老板欠我工资 工头说10月份结')).period).toBeUndefined();
    expect(read('wage', 'period', '9月到11月没发 老板说下个月给').direct).toEqual({ period: { start: '2026-09', end: '2026-11' } });
    expect(read('wage', 'period', '10月份的没发').direct).toEqual({ period: { start: '2026-10', end: '2026-10' } });
  });
});

describe('a cousin’s sum beside the person’s own', () => {
  it('我表哥被欠了三万 我是一万 at the amount question: 10,000 the person’s own, no report for the cousin proposed', async () => {
    expect(taken(read('wage', 'amount', '我表哥被欠了三万 我是一万'))).toEqual({ amount: { yuan: 10000, approx: false, upTo: null } });
    await converse(t.chat, 'lm-cousin-1').sendAll(...TO_AMOUNT, '我表哥被欠了三万 我是一万').expect(/一共有多少人/).expectNot(/替表哥|代为反映/);
    expect((await answersOf('lm-cousin-1')).amount).toMatchObject({ yuan: 10000 });
    // As a first message: the person's own report (never 「被欠工资的是您本人，还是您替表哥反映？」).
    expect(read(null, null, '我表哥被欠了三万 我是一万').direct).toEqual({});
    expect(taken(read(null, null, '表哥被欠三万，我被欠一万')).amount).toMatchObject({ yuan: 10000 });
    // guard: the cousin's alone is still asked whose it is.
    expect(read(null, null, '我表哥被欠了三万').direct).toEqual({ behalfSaid: { relation: '表哥' } });
  });
});
