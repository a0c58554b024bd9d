/*
 * Wages paid short (`少发了1500`, `少给了我1500`): what is owed, and the month it was for. `少给了` was read as
 * money paid (给了) and dropped, `少发了` was no cue at all; the opening message gave nothing. Money paid
 * (`只给了3000`, `给了3000`) is still never what is owed.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findAmounts } from '../../flows/parsers/mentions.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

describe('wages paid short', () => {
  it('上个月的工资少发了1500: November and 1,500元 offered after consent, kept on yes', async () => {
    await converse(t.chat, 'web:up1').send('上个月的工资少发了1500').send('同意').expect(/我理解的是：拖欠时间「2026年11月（1个月）」、拖欠金额「1,500元」。对吗？/).send('对');
    expect((await session('web:up1')).answers).toMatchObject({ amount: { yuan: 1500 }, period: { start: '2026-11', end: '2026-11' } });
  });

  it('少给了我1500, 少发了1500块 are what is owed', () => {
    expect(findAmounts('少给了我1500').own).toMatchObject({ yuan: 1500 });
    expect(findAmounts('少发了1500块').own).toMatchObject({ yuan: 1500 });
  });

  it('money paid stays money paid: 只给了3000, 给了3000', () => {
    expect(findAmounts('只给了3000').own).toBeNull();
    expect(findAmounts('给了3000').own).toBeNull();
  });
});
