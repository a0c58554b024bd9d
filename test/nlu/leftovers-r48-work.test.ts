/**
 * Joining the union, the work told rather than named (set R's leftovers, forty-eighth session): household work in
 * someone else's home, parcels, going live for gifts — proposed as the kind of work, confirmed, never stored; and work
 * given up (`以前…`) is none of today's: only what follows 现在 is read, and the past alone is asked about.
 * Each test failed before its fix; `guard:` lines keep what already worked.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r48w-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const AT_WORK = { consent: true, idConsent: true };
const AT_OCCUPATION = { ...AT_WORK, employment: 'new_form' };

describe('the kind of platform work, described', () => {
  it('is proposed, never stored', () => {
    for (const [text, kind] of [
      ['给人家带小孩', 'domestic'],
      ['在雇主家里照顾老人', 'domestic'],
      ['每天开着电驴送包裹', 'courier'],
      ['在家里对着手机唱歌 有人刷礼物', 'streamer'],
    ] as const) {
      const p = read('membership', 'occupation', text, AT_OCCUPATION);
      expect(p.direct.occupation, text).toBeUndefined();
      expect(p.inferred.occupation, text).toBe(kind);
    }
  });

  it('guard: one’s own child at home is no work; two kinds described decide nothing', () => {
    expect(taken(read('membership', 'occupation', '在家带孩子', AT_OCCUPATION)).occupation).toBeUndefined();
    expect(taken(read('membership', 'occupation', '给人家带小孩 也对着手机卖货', AT_OCCUPATION)).occupation).toBeUndefined();
    // guard: named work is still taken as before.
    expect(read('membership', 'occupation', '送快递的', AT_OCCUPATION).direct.occupation).toBe('courier');
  });

  it('in the chat: said back for a yes, then the platform asked', async () => {
    const user = someone('nanny');
    await converse(t.chat, user)
      .sendAll('我要入会', '1', '1', '1', '张伟', '110101199001011237', '13800138000', '2')
      .expect(/哪种工作/)
      .send('给人家带小孩')
      .expect(/家政服务员.*对吗/s)
      .send('对')
      .expect(/哪个平台接单/);
    expect((await session(user)).answers.occupation).toBe('domestic');
  });
});

describe('work given up is none of today’s', () => {
  it('`以前在厂里 现在跑外卖`: today’s work read', () => {
    const p = taken(read('membership', 'employment', '以前在厂里 现在跑外卖', AT_WORK));
    expect(p.employment).toBe('new_form');
    expect(p.occupation).toBe('food_delivery');
  });

  it('`以前跑外卖`, alone or before today’s unit: never 新就业形态 (it was stored)', () => {
    expect(taken(read('membership', 'employment', '以前跑外卖', AT_WORK)).employment).toBeUndefined();
    expect(taken(read('membership', 'employment', '以前跑外卖 现在在厂里上班', AT_WORK)).employment).toBeUndefined();
    // guard: work said of now is still read.
    expect(taken(read('membership', 'employment', '跑外卖', AT_WORK)).employment).toBe('new_form');
  });

  it('in the chat: today’s work asked for, nothing kept', async () => {
    const user = someone('past');
    await converse(t.chat, user)
      .sendAll('我要入会', '1', '1', '1', '张伟', '110101199001011237', '13800138000')
      .expect(/怎么工作/)
      .send('以前跑外卖')
      .expect(/问的是您现在的工作/);
    expect((await session(user)).answers.employment).toBeUndefined();
  });
});

describe('`工资 没发` typed a word at a time at joining’s unit question', () => {
  it('is no unit (「工资」 was stored): the wages’ question answered, the unit asked again', async () => {
    const AT_UNIT = { ...AT_WORK, employment: 'employee' };
    for (const text of ['工资 没发 老板欠我', '丁资 没发 老板欠我', '工钱  一直没给']) {
      expect(taken(read('membership', 'employer', text, AT_UNIT)).employer, text).toBeUndefined();
    }
    // guard: a unit said with it is still read.
    expect(JSON.stringify(taken(read('membership', 'employer', '青溪纺织有限公司', AT_UNIT)).employer)).toContain('青溪纺织');
    const user = someone('wages');
    await converse(t.chat, user)
      .sendAll('我要入会', '1', '1', '1', '张伟', '110101199001011237', '13800138000', '1')
      .expect(/哪家单位工作/)
      .send('工资 没发 老板欠我')
      .expect(/反映欠薪.*哪家单位工作/s);
    expect((await session(user)).answers.employer).toBeUndefined();
  });
});
