/**
 * Misreadings found by held-out set L (test/nlu/heldout-l: moves in the middle of a conversation — at 「…对吗？」 and at
 * the numbered summary people half agree, agree with a correction, disagree and give the right value, or add a month
 * forgotten) in the wage report, fixed in the readers for the class of words, never the one sentence. Each test here
 * failed before its fix; `guard:` lines keep what already worked. The clock is fixed at Tuesday 1 December 2026, 10:00
 * Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const TO_SUMMARY = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年8月到11月', '16000', '就我一个', '还在干', '都跳过', '没有', '张伟', '13978012345'];
const AT_REVIEW = {
  consent: true,
  employer: '华腾电子',
  location: 't08',
  period: { start: '2026-08', end: '2026-11' },
  amount: { yuan: 16000, approx: false, upTo: null },
  contactName: '张伟',
  phone: '13978012345',
};

describe('held-out set L: a correction said after a reckoning is never the answer to the question asked', () => {
  it('我算了一下 不是两万多 是两万三 at 「还在这家单位干吗？」: the amount corrected, never 已经离开', async () => {
    const p = read('wage', 'stillEmployed', '我算了一下 不是两万多 是两万三', { amount: { yuan: 20000, approx: true, upTo: null } });
    expect(taken(p).stillEmployed).toBeUndefined();
    expect(p.intent).toBe('correction');
    expect(taken(p).amount).toMatchObject({ yuan: 23000, approx: false });
    await converse(t.chat, 'hl-fix-reckon')
      .sendAll('老板欠我两万多', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年8月到11月', '对', '就我一个', '我算了一下 不是两万多 是两万三')
      .expect(/拖欠金额已改为「23,000元」/)
      .expect(/还在这家单位干吗/);
    // guard: a plain 不是 there is still a no.
    expect(taken(read('wage', 'stillEmployed', '不是', { amount: { yuan: 20000, approx: true, upTo: null } })).stillEmployed).toBe(false);
  });
});

describe('held-out set L: at the summary, what stays said first and the change after it', () => {
  it('钱是一万六没错 但不是8月开始的 是6月: the start month changed, the amount kept (the change was dropped)', async () => {
    expect(read('wage', 'review', '钱是一万六没错 但不是8月开始的 是6月', AT_REVIEW)).toMatchObject({ intent: 'correction', direct: { period: { start: '2026-06', end: '2026-11' } } });
    await converse(t.chat, 'hl-fix-review-1')
      .sendAll(...TO_SUMMARY, '钱是一万六没错 但不是8月开始的 是6月')
      .expect(/拖欠时间「2026年6月至2026年11月（6个月）」，对吗/)
      .send('对')
      .expect(/5\. 拖欠时间：2026年6月至2026年11月/)
      .expect(/6\. 拖欠金额：16,000元/);
  });

  it('金额和电话都不对 金额是一万五 电话138…: both new values proposed, never 「哪一项要改？」 with both lost', async () => {
    expect(taken(read('wage', 'review', '金额和电话都不对 金额是一万五 电话13877665544', AT_REVIEW))).toMatchObject({ amount: { yuan: 15000 }, phone: '13877665544' });
    await converse(t.chat, 'hl-fix-review-2')
      .sendAll(...TO_SUMMARY, '金额和电话都不对 金额是一万五 电话13877665544')
      .expect(/拖欠金额「15,000元」、手机号「13877665544」，对吗/)
      .send('对')
      .expect(/6\. 拖欠金额：15,000元/)
      .expect(/14\. 手机号：13877665544/);
  });

  it('电话没错 名字不对 叫张小伟: the name changed', async () => {
    expect(read('wage', 'review', '电话没错 名字不对 叫张小伟', AT_REVIEW)).toMatchObject({ intent: 'correction', direct: { contactName: '张小伟' } });
    // guard: the change said alone, and a whole yes, read as before.
    expect(read('wage', 'review', '名字不对 叫张小伟', AT_REVIEW)).toMatchObject({ intent: 'correction', direct: { contactName: '张小伟' } });
    expect(read('wage', 'review', '没错', AT_REVIEW).intent).toBe('yes');
  });

  it('上半年没错 7月的也没给: the month next to the period owed too; any other month is not read', async () => {
    const half = { ...AT_REVIEW, period: { start: '2026-01', end: '2026-06' } };
    expect(read('wage', 'review', '上半年没错 7月的也没给', half)).toMatchObject({ intent: 'correction', direct: { period: { start: '2026-01', end: '2026-07' } } });
    expect(taken(read('wage', 'review', '上半年没错 9月的也没给', half)).period).toBeUndefined();
    await converse(t.chat, 'hl-fix-confirm-also').sendAll('上半年工资没发', '同意', '上半年没错 7月的也没给').expect(/拖欠时间「2026年1月至2026年7月（7个月）」。对吗/);
  });
});

describe('held-out set L: at 「…对吗？」, a disagreement with the right value takes that value', () => {
  it('不对 老板是他哥王建国: the brother’s name, confirmed (「他哥王建国」 was stored as the employer)', async () => {
    await converse(t.chat, 'hl-fix-kin').sendAll('好再来饭店欠我两万八', '同意', '不对 老板是他哥王建国').expect(/用人单位「王建国」。对吗/).expectNot(/他哥王建国/);
    expect(read('wage', 'employer', '老板是他哥王建国', { consent: true })).toMatchObject({ direct: {}, inferred: { employer: '王建国' } });
    // guard: a name typed alone is taken as before.
    expect(read('wage', 'employer', '王建国', { consent: true }).direct.employer).toBe('王建国');
  });

  it('名字写错了 是刘大状 with the employer waiting: the employer’s name (was 「请回复「对」或「不对」」)', async () => {
    await converse(t.chat, 'hl-fix-name').sendAll('好再来饭店欠我两万八', '同意', '名字写错了 是刘大状').expect(/用人单位已改为「刘大状」/);
    // guard: at the summary, 名字 is still the contact's name.
    await converse(t.chat, 'hl-fix-name-2')
      .sendAll('老板欠我两万八', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年8月到11月', '对', '就我一个', '还在干', '都跳过', '没有', '张伟', '13978012345', '名字写错了 是张小伟')
      .expect(/13\. 联系人：张小伟/)
      .expect(/1\. 用人单位：好再来饭店/);
  });

  it('不止 是十个人: more than that, and how many (was 「请回复「对」或「不对」」)', async () => {
    await converse(t.chat, 'hl-fix-more').sendAll('我们班组8个人被欠了工资', '同意', '不止 是十个人').expect(/被拖欠人数已改为「10人」/);
    // guard: 不止我一个 at the headcount question is no correction.
    expect(read('wage', 'headcount', '不止我一个', { consent: true, employer: '华腾', location: 't08', amount: { yuan: 6000, approx: false, upTo: null } }).intent).not.toBe('correction');
  });

  it('号码最后一位是6 不是5: the number with its last digit changed, proposed (was 「请回复「对」或「不对」」, and at the summary the form’s error)', async () => {
    await converse(t.chat, 'hl-fix-digit-1').sendAll('老板欠我工资 我电话13978012345', '同意', '号码最后一位是6 不是5').expect(/手机号「13978012346」。对吗/);
    await converse(t.chat, 'hl-fix-digit-2').sendAll(...TO_SUMMARY, '电话最后一位是6 不是5').expect(/手机号「13978012346」，对吗/).send('对').expect(/14\. 手机号：13978012346/);
    // A digit said not to be there that is not the last one: nothing read.
    expect(taken(read('wage', 'review', '最后一位是6 不是7', AT_REVIEW)).phone).toBeUndefined();
  });

  it('guard: 不对 是两万六, 是工地 没错 and 7万4对的 at 「…对吗？」 were already read right by the conversation', async () => {
    await converse(t.chat, 'hl-fix-g1').sendAll('老板欠我7万4', '同意', '不对 是两万六').expect(/拖欠金额已改为「26,000元」/);
    await converse(t.chat, 'hl-fix-g2').sendAll('老板欠我7万4', '同意', '7万4对的').expect(/欠您工资的单位叫什么名字/);
    await converse(t.chat, 'hl-fix-g3').sendAll('工地老板欠我钱', '同意', '是工地 没错').expect(/欠您工资的单位叫什么名字/);
  });
});

describe('held-out set L: the project’s name question, answered by taking the building work back', () => {
  const AT_PROJECT = { consent: true, employer: '好再来饭店', location: 't08', community: null, construction: true };
  const TO_PROJECT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '是'];

  it('不是工地 是在厂里: no building work, set so (「不是工地是在厂里」 was stored as the project’s name)', async () => {
    expect(taken(read('wage', 'project', '不是工地 是在厂里', AT_PROJECT))).toMatchObject({ construction: false });
    expect(taken(read('wage', 'project', '不是工地 是在厂里', AT_PROJECT)).project).not.toBe('不是工地是在厂里');
    await converse(t.chat, 'hl-fix-project-1')
      .sendAll(...TO_PROJECT, '不是工地 是在厂里', '今年8月到11月', '16000', '就我一个', '还在干', '都跳过', '没有', '张伟', '13978012345')
      .expect(/4\. 工程建设项目：不是/)
      .expectNot(/项目名称：不是工地/);
  });

  it('在厂里 alone: never the project’s name (「厂里」 was stored); what to say is said', async () => {
    expect(taken(read('wage', 'project', '在厂里', AT_PROJECT)).project).toBeUndefined();
    await converse(t.chat, 'hl-fix-project-2').sendAll(...TO_PROJECT, '在厂里').expect(/不是项目名称/).send('不是工地').expect(/不是工程建设项目/);
    // guard: a project's name is still taken.
    expect(read('wage', 'project', '青溪花园二期', AT_PROJECT).direct.project).toBe('青溪花园二期');
  });
});

