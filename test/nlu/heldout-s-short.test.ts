/**
 * Held-out set S (h199): messages typed a word or a character at a time, learner word order, and values taken that the
 * person never said (a question read as a yes, a village read out of a project's name, 千万 read out of a unit
 * corrected). The words here are other people's. Each test failed before its fix; `guard:` lines keep what already
 * worked. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:hs199-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const JOIN_NAME = { consent: true, idConsent: true };
const JOIN_PHONE = { ...JOIN_NAME, name: '韦秀英', idNumber: '450122196509081021' };
const WAGE_PROJECT = { consent: true, employer: '宏达建筑', location: 't02', construction: true };
const WAGE_AFTER_AMOUNT = { ...WAGE_PROJECT, project: '沙湾村安置房', period: { start: '2026-09', end: '2026-11' }, amount: { yuan: 3000, approx: false, upTo: null } };
const LEGAL_HELP = { consent: true, matter: 'wage', limit: { employed: true } };

describe('held-out set S: a message typed a word at a time is read as written together', () => {
  it('questions parted by spaces are questions, never answers', () => {
    const dues = read('membership', 'consent', '入会 要 钱 吗');
    expect(dues.intent).toBe('question');
    expect(taken(dues)).toEqual({});
    const disabled = read('membership', 'name', '我 腿 残疾 能 入 吗', JOIN_NAME);
    expect(disabled.intent).toBe('question');
    expect(taken(disabled)).toEqual({});
    const procurator = read('legal', 'help', '检察官 有用 吗', LEGAL_HELP);
    expect(procurator.intent).toBe('question');
    expect(taken(procurator)).toEqual({});
  });

  it('a name, a day and a phone typed in pieces', () => {
    expect(taken(read('wage', 'workerName', '我爸叫 王 大 军', { consent: true, onBehalf: { relation: '爸' } })).workerName).toBe('王大军');
    expect(taken(read('legal', 'limit', '昨天 走 的', LEGAL_HELP)).limit).toEqual({ leftOn: '2026-11-30' });
    expect(taken(read('membership', 'phone', '1 5 9 7 7 8 8 6 6 1 2', JOIN_PHONE)).phone).toBe('15977886612');
    // guard: ten digits one at a time are no phone.
    expect(taken(read('membership', 'phone', '1 5 9 7 7 8 8 6 6 1', JOIN_PHONE))).toEqual({});
  });

  // guard: already worked before; keeps the join from merging clauses.
  it('guard: clauses an ordinary message parts by spaces stay parted', () => {
    expect(taken(read('wage', 'consent', '嗯 可以 你问吧')).consent).toBe(true);
    expect(taken(read(null, null, '10月工资五千 一直没发')).amount).toEqual({ yuan: 5000, approx: false, upTo: null });
  });

  it('in the chat: the question answered, nothing consented', async () => {
    await converse(t.chat, someone('dues'))
      .send('我要入会')
      .expect(/您同意吗/)
      .send('入会 要 钱 吗')
      .expect(/会费/)
      .expectNot(/身份证号需要您单独同意/);
  });
});

describe('held-out set S: values never said', () => {
  it('a project named after a village is the project, not the village', () => {
    const p = read('wage', 'project', '沙湾村安置房', WAGE_PROJECT);
    expect(taken(p)).toEqual({ project: '沙湾村安置房' });
    // guard: the village said alone is still where the work is.
    expect(taken(read('wage', 'project', '在沙湾村干活', WAGE_PROJECT)).community).toBe('沙湾村');
  });

  it('千 then 万 with nothing between is no figure (never ten million)', () => {
    // Since r49 (test/nlu/leftovers-r49.test.ts), after 3千 was kept this is the unit corrected: 30,000 proposed, never
    // ten million.
    expect(taken(read('wage', 'headcount', '千 写错 是 万', WAGE_AFTER_AMOUNT)).amount).toEqual({ yuan: 30000, approx: false, upTo: null });
    expect(taken(read('wage', 'amount', '千万', WAGE_AFTER_AMOUNT)).amount).toBeUndefined();
    // guard: 千把块, 一千万 are still read.
    expect(taken(read('wage', 'amount', '千把块', WAGE_AFTER_AMOUNT)).amount).toEqual({ yuan: 1000, approx: true, upTo: null });
  });

  it('in the chat: the project kept, no village proposed', async () => {
    await converse(t.chat, someone('proj'))
      .sendAll('工资被拖欠了', '同意', '宏达建筑', '白沙镇', '不清楚', '是')
      .send('沙湾村安置房')
      .expectNot(/沙湾村」/)
      .expect(/哪段时间/);
  });
});

describe('held-out set S: learner word order', () => {
  it('joining said with the verb last', () => {
    expect(read(null, null, '我要工会进去').intent).toBe('membership');
    expect(read(null, null, '我要工会进去 可以吗').intent).toBe('membership');
    expect(read('wage', 'employer', '我要工会进去', { consent: true }).intent).toBe('membership');
  });

  it('the money fronted: a wage report, not a question', () => {
    const p = read(null, null, '我的钱老板他不给 三个月了');
    expect(p.intent).toBe('wage');
    expect(taken(p).period).toEqual({ start: '2026-09', end: '2026-11' });
    // guard: the usual order.
    expect(read(null, null, '工资老板没有给我').intent).toBe('wage');
  });

  it('in the chat: joining begins', async () => {
    await converse(t.chat, someone('join')).send('我要工会进去').expect(/加入工会后/);
  });
});
