/**
 * Held-out set U, self-repair inside one message (nlu/repair.ts): `不同意 哦不 同意同意 手滑了` was stored as 不同意,
 * `还在干 哦不对 上周刚走` as still there, `东龙镇工业园2号 不对 是5号` was stored whole as the address,
 * `帮我爸反映下欠薪 哦不是我爸 是我叔` took 爸. Now what the person settles on is read (proposed where it has a name to
 * say back), the earlier value dropped, and nothing is taken when nothing follows the marker. Words that only look
 * like a repair (`不对劲`, `不是我的错`, `老板不是本地人`, `说错话被开除了`) are read as before (`guard:`).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { readAt as read, takenBy as taken } from './evaluate.js';
import { repairIn } from '../../flows/nlu/repair.js';

const WAGE = { consent: true, employer: '青溪电子科技有限公司', location: 't08', community: '工业园社区', construction: false };

describe('a repair inside one message: the value settled on', () => {
  it('yes/no and consent: the later word wins, never stored the other way', () => {
    expect(read('wage', 'consent', '不同意 哦不 同意同意 手滑了').direct.consent).toBe(true);
    expect(read('legal', 'consent', '不同意 按错了 同意').direct.consent).toBe(true);
    expect(read('membership', 'consent', '不同意 哦 按错了 同意').direct.consent).toBe(true);
    const p = read('membership', 'idConsent', '同意 哦不 先不给身份证 不同意', { consent: true });
    expect(taken(p).idConsent).not.toBe(true);
    const still = read('wage', 'stillEmployed', '已经离开 不对 我还在干 只是这周请假', { ...WAGE });
    expect(still.direct.stillEmployed).not.toBe(false);
    expect(taken(read('wage', 'stillEmployed', '还在干 哦不对 上周刚走', { ...WAGE })).stillEmployed).not.toBe(true);
  });

  it('a value replaced in place: the last digits, the phase, the day, the month', () => {
    expect(taken(read('wage', 'phone', '13907711234 哦不对 最后是35', WAGE)).phone).toBe('13907711235');
    expect(taken(read('wage', 'project', '青溪花园二期 不对 是三期', { ...WAGE, construction: true })).project).toBe('青溪花园三期');
    const addr = read('wage', 'employerAddress', '东龙镇工业园2号 不对 是5号', WAGE);
    expect(addr.direct.employerAddress).toBeUndefined();
    expect(taken(addr).employerAddress).toBe('东龙镇工业园5号');
    expect(taken(read('wage', 'period', '从6月干到10月 不对 到11月 一分没给', WAGE)).period).toMatchObject({ start: '2026-06', end: '2026-11' });
    expect(taken(read('wage', 'period', '3月 不 4月开始欠的 一直到现在', WAGE)).period).toMatchObject({ start: '2026-04', end: null });
    expect(taken(read('legal', 'limit', '10月25日 不对 是20号走的', { consent: true, matter: 'wage' })).limit).toEqual({ leftOn: '2026-10-20' });
  });

  it('what follows the marker read alone: a place, a trade, a month remembered', () => {
    expect(taken(read('wage', 'location', '东龙镇…不是 是白沙镇', { consent: true, employer: '刘大壮' })).location).toBe('t02');
    expect(taken(read('wage', 'community', '不清楚 哦等等 想起来了 沙湾村', { consent: true, employer: '张德贵', location: 't02' })).community).toBe('沙湾村');
    expect(taken(read('wage', 'trade', '木工 哦不对 我是扎钢筋的', { ...WAGE, construction: true })).trade).not.toBe('对我是扎钢筋');
    expect(taken(read('wage', 'leftSince', '10月 不对 11月初走的', { ...WAGE, stillEmployed: false })).leftSince).toBe('2026-11');
  });

  it('at the menu: the service and the person settled on', () => {
    expect(read(null, null, '我想反映欠薪 哦不对 是想先入会').intent).toBe('membership');
    expect(taken(read(null, null, '帮我爸反映下欠薪 哦不是我爸 是我叔')).behalfSaid).toEqual({ relation: '叔' });
    expect(taken(read(null, null, '3月 不 4月开始就没发过工资了')).period).toMatchObject({ start: '2026-04' });
  });

  it('nothing after the marker: nothing taken', () => {
    const p = read('wage', 'amount', '八千 不对', WAGE);
    expect(taken(p).amount).toBeUndefined();
  });
});

describe('guard: words that only look like a repair', () => {
  it('guard: 不对劲, 不是我的错, 不是本地人, 说错话, `是A 不是B` are no repair', () => {
    for (const text of ['不对劲 老板最近老躲着我', '不是我的错', '老板不是本地人', '说错话被开除了', '刚才金额说错了 是两万二 不是两万四', '之前那个律师不行 哦不是说你们 我想投诉那个律师']) {
      expect(repairIn(text), text).toBeNull();
    }
    expect(read(null, null, '不对劲 老板最近老躲着我 工资两个月没发了').intent).toBe('wage');
  });

  it('guard: plain answers read as before', () => {
    expect(read('wage', 'consent', '同意').direct.consent).toBe(true);
    expect(taken(read('wage', 'phone', '13907711234', WAGE)).phone).toBe('13907711234');
  });
});
