/**
 * Held-out set S, second wave (h201): terse answers and words typed apart. `走` alone at 「还在这家单位干吗？」, `先不` at a
 * consent question, `老城` for the alias 老城区, a person asked for because photos cannot be sent, `三个人工友`, and
 * `没有 拿到` typed apart. The words here are other people's. Each test failed before its fix; `guard:` lines keep what
 * already worked. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:hs201-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const WAGE_STILL = { consent: true, employer: '刘大壮', location: 't02', construction: false, amount: { yuan: 12000, approx: false, upTo: null } };
const WAGE_PROJECT = { consent: true, employer: '宏达建筑', location: 't02', construction: true, project: '沙湾村安置房', period: { start: '2026-09', end: '2026-11' } };
const WAGE_HEADCOUNT = { ...WAGE_PROJECT, amount: { yuan: 20000, approx: false, upTo: null } };
const WAGE_EVIDENCE = { ...WAGE_HEADCOUNT, headcount: { count: 8, approximate: false }, stillEmployed: false, leftSince: '2026-11' };

describe('held-out set S (2): terse answers', () => {
  it('`走` alone at 「还在这家单位干吗？」 is gone, as `走了` is', () => {
    expect(taken(read('wage', 'stillEmployed', '走', WAGE_STILL))).toEqual({ stillEmployed: false });
    // guard: `走了` was read so already; `不走`, `走吧` are no leaving.
    expect(taken(read('wage', 'stillEmployed', '走了', WAGE_STILL))).toEqual({ stillEmployed: false });
    expect(taken(read('wage', 'stillEmployed', '不走', WAGE_STILL))).toEqual({});
    expect(taken(read('wage', 'stillEmployed', '走吧', WAGE_STILL))).toEqual({});
  });

  it('`先不` at a consent question: not now, nothing kept, welcome back (as `先不了` is)', async () => {
    expect(taken(read('membership', 'consent', '先不')).consent).toBe(false);
    expect(taken(read('wage', 'consent', '暂时先不吧')).consent).toBe(false);
    // guard: a yes is a yes.
    expect(taken(read('wage', 'consent', '先同意吧')).consent).not.toBe(false);
    await converse(t.chat, someone('notnow'))
      .send('我要入会')
      .expect(/您同意吗/)
      .send('先不')
      .expect(/没有您的同意我们不会收集任何信息/)
      .expect(/随时可以再来找我/);
  });

  it('three people, said with their kind after (`三个人工友`)', () => {
    expect(taken(read('wage', 'headcount', '三个人工友', WAGE_HEADCOUNT)).headcount).toEqual({ count: 3, approximate: false });
    // guard: `三个工友` and `三个人` were read so already.
    expect(taken(read('wage', 'headcount', '三个工友', WAGE_HEADCOUNT)).headcount).toEqual({ count: 3, approximate: false });
    expect(taken(read('wage', 'headcount', '三个人', WAGE_HEADCOUNT)).headcount).toEqual({ count: 3, approximate: false });
  });
});

describe('held-out set S (2): commands and places', () => {
  it('a person asked for because a photo cannot be sent is the human command', () => {
    expect(read('wage', 'evidence', '我不会发照片 找人工', WAGE_EVIDENCE).intent).toBe('human');
    expect(read('wage', 'evidence', '不会拍照片，找人工', WAGE_EVIDENCE).intent).toBe('human');
    // guard: no photos, and a person asked for, stays the answer it was (no evidence).
    expect(read('wage', 'evidence', '没有照片 找人工', WAGE_EVIDENCE).intent).not.toBe('human');
  });

  it('`老城` for the alias 老城区 is asked about (「您是说「凤栖街道」吗？」), then kept on a yes', async () => {
    await converse(t.chat, someone('oldtown'))
      .send('我要入会')
      .send('同意')
      .send('同意')
      .send('1')
      .send('韦秀英')
      .send('450122196509081021')
      .send('13877123456')
      .send('2')
      .send('3')
      .send('美团')
      .send('3')
      .send('1')
      .expect(/常住地在哪个区、哪个镇或街道/)
      .send('老城')
      .expect(/您是说「凤栖街道」吗/)
      .send('对')
      .expect(/请核对您的入会申请（提交后由「青溪区新业态工会联合会」审核）/);
  });
});

describe('held-out set S (2): 没有 and its verb typed apart', () => {
  it('`三个月工资没有 拿到` is the period owed, as `没拿到` is', () => {
    expect(read(null, null, '三个月工资没有 拿到 在宏达建筑').intent).toBe('wage');
    expect(taken(read(null, null, '三个月工资没有 拿到 在宏达建筑')).period).toEqual({ start: '2026-09', end: '2026-11' });
    expect(taken(read(null, null, '三个月工资没有拿到')).period).toEqual({ start: '2026-09', end: '2026-11' });
    // guard: `没拿到` was read so already; 没有 before other words is not joined.
    expect(taken(read(null, null, '三个月工资没拿到 在宏达建筑')).period).toEqual({ start: '2026-09', end: '2026-11' });
    expect(taken(read(null, null, '三个月工资没有 问题'))).toEqual({});
  });
});
