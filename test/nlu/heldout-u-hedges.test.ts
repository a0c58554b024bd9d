/**
 * Held-out set U (h210): hedges, doubt, either-or and putting off at a question (flows/nlu/hedges.ts). An either-or
 * (`十几万还是二十几万 …不一样`, `刘大庄还是刘大壮 记不清了`) and open doubt (`好像是去年5月吧 记不太清`, `应该是八千左右 也可能九千`)
 * give no value; an answer put off (`我再想想 明天再说`, `有 我明天拍照发`, `跳过 哦 算了 还是说一下吧`) gives none yet;
 * `算了 不报了 怕被老板知道` at the consent is a wish to stop, never consent=false; `打杂的 什么都干 算普工吧` proposes 普工.
 * Each failed before the change; `guard:` lines kept working. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { readAt as read, takenBy as taken } from './evaluate.js';

const AT_GROUP = { consent: true, employer: '宏达建筑', location: 't02', construction: true, amount: { yuan: 8000, approx: false, upTo: null }, headcount: { count: 12, approximate: false } };

describe('either-or and open doubt: no value', () => {
  it('`十几万还是二十几万 …不一样` at the group sum (was stored 110,000–210,000)', () => {
    const p = read('wage', 'groupAmount', '十几万还是二十几万 包工头说的和我们算的不一样', AT_GROUP);
    expect(p.intent).toBe('unclear');
    expect(taken(p).groupAmount).toBeUndefined();
  });
  it('`刘大庄还是刘大壮 记不清了`, `不太确定是不是叫河西物业 …` at the unit: never kept unasked', () => {
    for (const text of ['老板姓刘 叫刘什么来着 刘大庄还是刘大壮 记不清了', '不太确定是不是叫河西物业 招我进去的是个中介']) {
      const p = read('wage', 'employer', text, { consent: true });
      expect(p.direct.employer, text).toBeUndefined();
    }
    expect(taken(read('wage', 'employer', '不太确定是不是叫河西物业 招我进去的是个中介', { consent: true })).employer).toBeUndefined();
  });
  it('`好像是去年5月吧 记不太清`, `应该是八千左右 也可能九千`, `电话还是视频 都行吧 我不确定`: nothing taken', () => {
    // A month said with doubt is said back for a yes (never kept as said).
    expect(read('wage', 'period', '好像是去年5月吧 记不太清', { consent: true, employer: '宏达建筑' }).direct.period).toBeUndefined();
    expect(taken(read('wage', 'amount', '应该是八千左右 也可能九千', { consent: true, employer: '宏达建筑' })).amount).toBeUndefined();
    expect(read('legal', 'mode', '电话还是视频 都行吧 我不确定', { consent: true, matter: 'wage', help: 'lawyer' }).direct.mode).toBeUndefined();
  });
  it('guard: a plain sum and a settled choice are still taken', () => {
    expect(taken(read('wage', 'amount', '八千', { consent: true, employer: '宏达建筑' })).amount).toEqual({ yuan: 8000, approx: false, upTo: null });
    expect(taken(read('wage', 'period', '去年5月到现在', { consent: true, employer: '宏达建筑' })).period).toBeDefined();
  });
});

describe('putting off and stopping', () => {
  it('`没有 哦等等 有 我明天拍照发` at the roster: as a list sent later; `跳过 哦 算了 还是说一下吧` at the account: nothing stored', () => {
    // `没有 哦等等 有 我明天拍照发` is read as `有 等会拍照发你` is: no list typed now, how to send it later said.
    const r = read('wage', 'roster', '没有 哦等等 有 我明天拍照发', AT_GROUP);
    expect(r).toEqual(read('wage', 'roster', '有 等会拍照发你', AT_GROUP));
    const a = read('wage', 'account', '跳过 哦 算了 还是说一下吧', AT_GROUP);
    expect('account' in taken(a)).toBe(false);
  });
  it('`我再想想 明天再说` at the mode: no mode taken', () => {
    const p = read('legal', 'mode', '我再想想 明天再说', { consent: true, matter: 'wage', help: 'lawyer' });
    expect(p.intent).toBe('unclear');
    expect(taken(p).mode).toBeUndefined();
  });
  it('`算了 不报了 怕被老板知道` at the consent: a wish to stop, not consent=false', () => {
    const p = read('wage', 'consent', '算了 不报了 怕被老板知道');
    expect(p.intent).toBe('cancel');
    expect('consent' in taken(p)).toBe(false);
    expect(read('legal', 'consent', '算了 不找了 怕麻烦').intent).toBe('cancel');
  });
  it('guard: 不同意 at the consent is still the no', () => {
    expect(taken(read('wage', 'consent', '不同意')).consent).toBe(false);
  });
});

describe('the one settled on', () => {
  it('`打杂的 什么都干 算普工吧`: 普工 proposed (was stored whole)', () => {
    const p = read('wage', 'trade', '打杂的 什么都干 算普工吧', AT_GROUP);
    expect(p.direct.trade).toBeUndefined();
    expect(p.inferred.trade).toBe('普工');
  });
});
