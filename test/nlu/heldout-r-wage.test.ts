/**
 * Held-out set R (test/nlu/heldout-r: describing instead of choosing) in the wage report, and places named by a
 * village, community or park at every township question. Each test here failed before its fix; `guard:` lines keep
 * what already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { parseHeadcount } from '../../flows/parsers/headcount.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const UNIT = { consent: true, employer: '宏达建筑' };
const SITE = { consent: true, employer: '刘大壮', location: 't02' };
const OWED = { ...SITE, construction: false, amount: { yuan: 12000, approx: false, upTo: null } };
const LEGAL = { consent: true, matter: 'wage', help: 'lawyer', mode: 'in_person' };
const JOINING = { consent: true, idConsent: true, employment: 'new_form', occupation: 'ride_hailing', platform: '滴滴', placeKind: 'residence' };

describe('held-out set R: a village, community or park names its township (confirmed)', () => {
  it('在滨江社区那块 at the township of the work: 河西街道 and 滨江社区, proposed together (never kept as said)', async () => {
    const p = read('wage', 'location', '在滨江社区那块', UNIT);
    expect(p.direct.location).toBeUndefined();
    expect(taken(p)).toMatchObject({ location: 't08', community: '滨江社区' });
    await converse(t.chat, 'hr-wage-village')
      .sendAll('反映欠薪', '同意', '宏达建筑', '在滨江社区那块')
      .expect(/干活的地方「河西街道」、村或社区「滨江社区」。对吗/)
      .send('对')
      .expect(/是工程建设项目吗/);
    // guard: the name alone is still asked about as before (「「沙湾村」是白沙镇的吧？」).
    await converse(t.chat, 'hr-wage-village-alone').sendAll('反映欠薪', '同意', '宏达建筑', '沙湾村').expect(/「沙湾村」是白沙镇的吧/);
  });

  it('a community or village named inside the words at any township question: its township, confirmed', () => {
    expect(taken(read('membership', 'residence', '住金桂花园小区', JOINING)).residence).toBe('t09');
    for (const [text, id] of [['我住物流园社区', 't10'], ['家在沙湾村', 't02'], ['我在茶园村租房', 't03']] as const) {
      const p = read('legal', 'place', text, LEGAL);
      expect(p.direct.place, text).toBeUndefined();
      expect(taken(p).place, text).toBe(id);
    }
  });

  it('a village said as home where the work is asked: asked about, never taken', async () => {
    await converse(t.chat, 'hr-wage-village-home')
      .sendAll('反映欠薪', '同意', '宏达建筑', '我住沙湾村')
      .expect(/您住在「白沙镇」，干活的地方也在「白沙镇」吗/);
    // guard: a village denied, or beside another township, is no reading.
    expect(taken(read('legal', 'place', '不在沙湾村', LEGAL)).place).toBeUndefined();
  });
});

describe('held-out set R: words at 是工程建设项目吗 that decide nothing are asked about', () => {
  it('a relative’s site, a hedge, a site’s canteen: the question again with what it means, never 「是」 taken', async () => {
    for (const text of ['我老公是在工地', '跟工地有点关系吧', '在工地食堂做饭']) {
      const p = read('wage', 'construction', text, SITE);
      expect(taken(p).construction, text).toBeUndefined();
      expect(p.intent, text).toBe('unclear');
    }
    // guard: 算是吧 with the work said is a yes; cooking on the site (no canteen said) is building work.
    expect(taken(read('wage', 'construction', '算是吧 给人刷墙的', SITE)).construction).toBe(true);
    expect(taken(read('wage', 'construction', '在工地上做饭的', SITE)).construction).toBe(true);
    // guard: the report known to be for the husband: his site is the report's.
    expect(taken(read('wage', 'construction', '我老公是在工地', { ...SITE, onBehalf: { relation: '老公' } })).construction).toBe(true);
    await converse(t.chat, 'hr-wage-canteen')
      .sendAll('反映欠薪', '同意', '宏达建筑', '白沙镇', '不清楚', '在工地食堂做饭')
      .expect(/雇您的是工地上的施工方或包工头吗/)
      .send('1')
      .expect(/项目或工地叫什么名字/);
  });

  it('物流园里搬货: no building work', () => {
    expect(taken(read('wage', 'construction', '物流园里搬货', SITE)).construction).toBe(false);
  });
});

describe('held-out set R: whether the person still works there', () => {
  it('a relative’s leaving, or a contract not over with no work for months: asked, never a no taken', () => {
    for (const text of ['我老婆早走了 我还没定', '合同没到期 但两个月没去了']) {
      const p = read('wage', 'stillEmployed', text, OWED);
      expect(taken(p).stillEmployed, text).toBeUndefined();
    }
  });

  it('天天还去上班 就是不发钱: still there', () => {
    expect(taken(read('wage', 'stillEmployed', '天天还去上班 就是不发钱', OWED)).stillEmployed).toBe(true);
    // guard: gone home is still gone.
    expect(taken(read('wage', 'stillEmployed', '早就回老家了', OWED)).stillEmployed).toBe(false);
  });
});

describe('held-out set R: the others in the wage report', () => {
  it('我们三兄弟, 我们宿舍六个人都是: counted', () => {
    expect(taken(read('wage', 'headcount', '我们三兄弟', { ...SITE, construction: true })).headcount).toMatchObject({ count: 3, approximate: false });
    expect(taken(read('wage', 'headcount', '我们宿舍六个人都是', { ...SITE, construction: true })).headcount).toMatchObject({ count: 6, approximate: false });
    // guard: brothers with no number are no count.
    expect(parseHeadcount('我们兄弟').ok).toBe(false);
  });

  it('说不清 是他们家亲戚开的店 at the kind of employer: proposed (「…对吗？」), never kept as said', () => {
    const p = read('wage', 'employerKind', '说不清 是他们家亲戚开的店', { consent: true });
    expect(p.direct.employerKind).toBeUndefined();
    // guard: a shop said plainly is still taken.
    expect(taken(read('wage', 'employerKind', '是个小店', { consent: true })).employerKind).toBe('organisation');
  });
});
