/**
 * Handwriting-pad look-alikes (形近字) found by held-out set S (test/nlu/heldout-s: people who write little, or
 * write Mandarin as a second language): a place typed with a character that looks like its own (`挂山镇` for
 * 桂山镇) is offered back as a "did you mean" (core/directory/match.ts), words whose wrong character makes no sense
 * of its own are read as meant before reading (flows/nlu/normalize.ts: `同竟`, `丁资`, `令年`, `只千了`), and a sum
 * with one in its unit (`三干块`, `五方多`, `8000无`) is said back and confirmed, never taken as said (flows/wage.ts).
 * Each test here failed before its fix; `guard:` lines keep what already worked (a correctly typed message is never
 * changed). The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { loadDemoDirectory } from '../../core/directory/load.js';
import { matchCommunity, matchTownship } from '../../core/directory/match.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);
const directory = loadDemoDirectory();
const township = (id: string) => directory.districts.flatMap((d) => d.townships).find((x) => x.id === id)!;

/** Up to the amount's question, the months known (9月至11月). */
const TO_AMOUNT = ['我要讨薪', '同意', '宏达建筑', '白沙镇', '沙湾村', '是', '不知道', '三个月'];
const TO_PROJECT = ['我要讨薪', '同意', '宏达建筑', '白沙镇', '沙湾村', '是'];
const PERIOD_KNOWN = { consent: true, employer: '宏达建筑', location: 't02', construction: true, project: '沙湾村安置房' };
const AMOUNT_KNOWN = { ...PERIOD_KNOWN, period: { start: '2026-09', end: '2026-11' } };

describe('held-out set S: a place written with a look-alike character is offered back, never taken', () => {
  it('挂山镇 (桂山镇), 全竹村 (金竹村), 土坪村 (上坪村, not 下坪村): one "did you mean" candidate each', () => {
    const m = matchTownship(directory, '挂山镇');
    expect(m.kind === 'candidates' && m.townships.map((x) => x.name)).toEqual(['桂山镇']);
    const jin = matchCommunity(township('t06'), '全竹村');
    expect(jin.kind === 'candidates' && jin.communities.map((c) => c.community)).toEqual(['金竹村']);
    const shang = matchCommunity(township('t01'), '土坪村');
    expect(shang.kind === 'candidates' && shang.communities.map((c) => c.community)).toEqual(['上坪村']);
  });

  it('挂山镇 at the township question: 「您是说「桂山镇」吗？」, and kept only on a yes', async () => {
    await converse(t.chat, 'hs-shape-1').sendAll('我要讨薪', '同意', '宏达建筑', '挂山镇').expect(/您是说「桂山镇」吗？/).send('是').expect(/桂山镇的哪个村或社区/);
  });

  it('土坪村 in 东龙镇: 「您是说「上坪村」吗？」 (下坪村 is never offered)', async () => {
    await converse(t.chat, 'hs-shape-2').sendAll('我要讨薪', '同意', '宏达建筑', '东龙镇', '土坪村').expect(/您是说「上坪村」吗？/).expectNot(/下坪村/);
  });

  // guard: a name correctly typed is exact, and a look-alike of two characters at once is no near miss.
  it('guard: 下坪村 and 桂山 are exact; 挂出镇 (two look-alikes off) is nothing near', () => {
    expect(matchCommunity(township('t01'), '下坪村').kind).toBe('exact');
    expect(matchTownship(directory, '桂山').kind).toBe('exact');
    expect(matchTownship(directory, '挂出镇').kind).toBe('none');
  });
});

describe('held-out set S: words with a look-alike character read as meant', () => {
  it('同竟 at the consent: the consent', () => {
    expect(taken(read('wage', 'consent', '同竟'))).toEqual({ consent: true });
    expect(taken(read('legal', 'consent', '同竟'))).toEqual({ consent: true });
  });

  it('丁资 at legal aid\'s matter: wages', () => {
    expect(taken(read('legal', 'matter', '丁资', { consent: true }))).toEqual({ matter: 'wage' });
  });

  it('不哓得 at the project question: no project (never stored as the project\'s name)', () => {
    const p = read('wage', 'project', '不哓得', { consent: true, employer: '宏达建筑', location: 't02', construction: true });
    expect(p.direct).toEqual({ project: null });
  });

  it('不清除 alone at the community question: not known', () => {
    expect(read('wage', 'community', '不清除', { consent: true, employer: '宏达建筑', location: 't02' }).direct).toEqual({ community: null });
  });

  it('periods: 九月倒现在, 从3月千到10月, 令年3月到8月, 三个月工资末发, 雨个月', () => {
    const period = (text: string) => taken(read('wage', 'period', text, PERIOD_KNOWN)).period;
    expect(period('九月倒现在')).toMatchObject({ start: '2026-09', end: null });
    expect(period('从3月千到10月')).toMatchObject({ start: '2026-03', end: '2026-10' });
    expect(period('令年3月到8月')).toMatchObject({ start: '2026-03', end: '2026-08' });
    expect(period('三个月工资末发')).toMatchObject({ start: '2026-09', end: '2026-11' });
    expect(period('雨个月')).toMatchObject({ start: '2026-10', end: '2026-11' });
  });

  it('只千了几天 能要钱吗: the question about a few days\' wages', () => {
    expect(read(null, null, '只千了几天 能要钱吗')).toMatchObject({ intent: 'question', entry: 'few-days-wages' });
  });

  it('夕卖 at the occupation: food delivery; 取肖 at any question: cancel', () => {
    const known = { consent: true, idConsent: true, name: '韦秀英', idNumber: '450122196509081021', phone: '13877123456', employment: 'new_form' };
    expect(taken(read('membership', 'occupation', '夕卖', known))).toEqual({ occupation: 'food_delivery' });
    expect(read('wage', 'community', '取肖', { consent: true, employer: '宏达建筑', location: 't02' }).intent).toBe('cancel');
  });

  // guard: the chat goes on to the period (the reader above is what kept 「不哓得」 before).
  it('the project question in the chat: 不哓得 goes on to the period, never 「不哓得」 kept', async () => {
    await converse(t.chat, 'hs-shape-3').sendAll(...TO_PROJECT, '不哓得').expect(/哪段时间的工资/).expectNot(/不哓得/);
  });

  // guard: correctly typed words, names and figures are never changed by the look-alike table.
  it('guard: 干了三千块, 一千, 千万别, 天天, 元旦, 方便, 丁师傅, 方师傅, 令狐冲, 月末发工资, 周末发, 我摔倒现在还疼, 两千了 stay as typed', () => {
    for (const s of ['干了三千块', '一千', '千万别', '天天', '元旦', '方便', '丁师傅', '方师傅', '令狐冲', '月末发工资', '周末发', '我摔倒现在还疼', '两千了', '才一千了', '命令年底前', '三方协议', '不清除我的信息']) {
      expect(normalizeMessage(s)).toBe(s);
    }
  });

  // guard: the 雨个月 reading never reaches rain.
  it('下雨个人 (rain) is never 两个人', () => {
    expect(normalizeMessage('下雨个人都没有')).toBe('下雨个人都没有');
  });
});

describe('held-out set S: a sum with a look-alike in its unit is said back and confirmed, never taken as said', () => {
  it('三干块, 五方多, 8000无 at the amount question: 3,000 / about 50,000 / 8,000, each to be confirmed', () => {
    for (const [text, amount] of [
      ['三干块', { yuan: 3000, approx: false, upTo: null }],
      ['五方多', { yuan: 50000, approx: true, upTo: null }],
      ['8000无', { yuan: 8000, approx: false, upTo: null }],
    ] as const) {
      const p = read('wage', 'amount', text, AMOUNT_KNOWN);
      expect(p.direct).toEqual({});
      expect(p.inferred.amount).toEqual(amount);
    }
  });

  it('三干块 in the chat: 「拖欠金额「3,000元」。对吗？」; 不对 keeps nothing', async () => {
    await converse(t.chat, 'hs-shape-4')
      .sendAll(...TO_AMOUNT, '三干块')
      .expect(/拖欠金额「3,000元」。对吗？/)
      .send('不对')
      .expect(/先不记/);
  });

  it('老板欠我三干块 (a first message): 3,000 as a fact, confirmed later', () => {
    expect(taken(read(null, null, '老板欠我三干块')).amount).toEqual({ yuan: 3000, approx: false, upTo: null });
  });

  // guard: a sum typed right is taken as it was typed (no confirmation added).
  it('guard: 三千块 and 8000元 are taken as said', () => {
    expect(read('wage', 'amount', '三千块', AMOUNT_KNOWN).direct.amount).toEqual({ yuan: 3000, approx: false, upTo: null });
    expect(read('wage', 'amount', '8000元', AMOUNT_KNOWN).direct.amount).toEqual({ yuan: 8000, approx: false, upTo: null });
  });
});
