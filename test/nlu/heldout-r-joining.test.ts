/**
 * Joining, answered by describing instead of choosing (held-out set R, h193): a relative's work or an application for
 * a relative is never the applicant's answer, at any joining question; work that may be either kind is explained, not
 * picked; two kinds of work, which one is asked; no app in other words is no platform (confirmed); `哪个单多跑哪个` is
 * several platforms; 老家 is no home, nor where the work takes one; what a unit is called, without 它. The words here
 * are other people's. Each test failed before its fix; `guard:` lines keep what already worked.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:hr193-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const AT_WORK = { consent: true, idConsent: true };
const AT_OCCUPATION = { ...AT_WORK, employment: 'new_form' };
const AT_PLATFORM = { ...AT_OCCUPATION, occupation: 'food_delivery' };
const AT_HOME = { ...AT_PLATFORM, platform: '美团', placeKind: 'residence' };

describe('held-out set R: joining is for the person typing only', () => {
  it('a relative’s work is none of the applicant’s answers', () => {
    expect(taken(read('membership', 'employment', '我老公跑外卖', AT_WORK))).toEqual({});
    expect(taken(read('membership', 'occupation', '我老婆做家政', AT_OCCUPATION))).toEqual({});
    expect(taken(read('membership', 'employment', '俺爸在工地干活', AT_WORK))).toEqual({});
    // guard: the person's own work is still theirs.
    expect(taken(read('membership', 'occupation', '做家政的', AT_OCCUPATION)).occupation).toBe('domestic');
  });

  it('applying for a relative mid-form: nothing taken, never her work (the chat says she applies herself)', () => {
    expect(taken(read('membership', 'employment', '帮我老婆办 她在超市上班', AT_WORK))).toEqual({});
    // guard: at the name it was already refused (memberName).
    expect(taken(read('membership', 'name', '帮我妈办 她叫黄桂兰', AT_WORK))).toEqual({});
  });

  it('the opening message: a spouse named without 我 is still someone else', () => {
    const p = taken(read(null, null, '老公跑滴滴的 我在超市上班 我想入会'));
    expect(p.employment).toBe('employee');
    expect(p.occupation).toBeUndefined();
    expect(p.platform).toBeUndefined();
    // guard: 老公司 is no husband.
    expect(taken(read('membership', 'employment', '老公司倒闭了 现在送外卖', AT_WORK)).employment).toBe('new_form');
  });

  it('in the chat: said kindly, and the question asked again', async () => {
    await converse(t.chat, someone('rel'))
      .sendAll('我要入会', '同意', '同意', '王建国', '450102199003071238', '15077889900', '1', '1', '1')
      .expect(/您现在是怎么工作的？/)
      .send('帮我老婆办 她在超市上班')
      .expect(/别人不能代办/)
      .expect(/您现在是怎么工作的？/)
      .send('我老公跑外卖')
      .expect(/您老公的不算/)
      .expect(/您现在是怎么工作的？/)
      .expectNot(/对吗/);
  });
});

describe('held-out set R: work that may be either kind', () => {
  it('a unit paying a base, a parcel station: explained, nothing taken', () => {
    expect(taken(read('membership', 'employment', '在公司当主播 公司给底薪', AT_WORK))).toEqual({});
    expect(taken(read('membership', 'employment', '在快递站里面分拣', AT_WORK))).toEqual({});
    // guard: platform work said plainly is still taken.
    expect(taken(read('membership', 'employment', '在美团送外卖', AT_WORK)).employment).toBe('new_form');
  });

  it('two kinds of work at the occupation question: which is asked', () => {
    expect(taken(read('membership', 'occupation', '跑外卖也送快递', AT_OCCUPATION))).toEqual({});
  });

  it('in the chat: what tells them apart, then the question', async () => {
    await converse(t.chat, someone('either'))
      .sendAll('我要入会', '同意', '同意', '王建国', '450102199003071238', '15077889900', '1', '1', '1')
      .send('在公司当主播 公司给底薪')
      .expect(/有底薪也算/)
      .expect(/您现在是怎么工作的？/)
      .sendAll('2', '跑外卖也送快递')
      .expect(/主要做的是哪一个/);
  });
});

describe('held-out set R: platform described', () => {
  it('no app, in other words: none, confirmed', () => {
    const p = read('membership', 'platform', '不用app 附近饭店直接打电话叫我', AT_PLATFORM);
    expect(p.direct.platform).toBeUndefined();
    expect(p.inferred.platform).toBe('');
  });

  it('哪个单多跑哪个: several, none named (never kept as a name)', () => {
    expect(taken(read('membership', 'platform', '哪个单多跑哪个', AT_PLATFORM))).toEqual({});
  });

  it('美团为主 偶尔饿了么: the main one', () => {
    expect(taken(read('membership', 'platform', '美团为主 偶尔饿了么', AT_PLATFORM)).platform).toBe('美团');
  });
});

describe('held-out set R: where one lives', () => {
  it('老家 at 常住地, and where the work takes one: asked again', () => {
    expect(taken(read('membership', 'residence', '我老家在石岭', AT_HOME))).toEqual({});
    expect(taken(read('membership', 'residence', '天天在东龙和马坪两边跑', AT_HOME))).toEqual({});
    // guard: a home said is still taken.
    expect(taken(read('membership', 'residence', '我住东龙镇', AT_HOME)).residence).toBeDefined();
  });
});

describe('held-out set R: what the unit is called', () => {
  it('不知道全称 就叫它老刘的厂: 「老刘的厂」, as 就叫老刘的厂 reads (never 「它老刘」)', () => {
    expect(taken(read('membership', 'employer', '不知道全称 就叫它老刘的厂', { ...AT_WORK, employment: 'employee' })).employer).toBe('老刘的厂');
    // guard: without 它, as before.
    expect(taken(read('membership', 'employer', '不知道全称 就叫老刘的厂', { ...AT_WORK, employment: 'employee' })).employer).toBe('老刘的厂');
  });
});
