/*
 * Understanding made cheaper without changing what it reads (issue 14, item 8: chat speed). Each fast path's edge cases:
 *  - S1: at the menu, facts told without a service's words (`河西街道锦绣社区，三个月，7万4`) open the wage report with
 *    the reading already made for them (never read a second time): the facts are exactly what opening the report
 *    reads from the same words; a sum owed to someone else (`我爸…老板欠他两万`) is still read for them.
 *  - S2: a menu message of two or three clauses reads each clause once for all the readings that ask for it: the
 *    services begun and kept for after are as before.
 *  - S3: an answer named to be changed (`我想改金额`, `单位名字改一下`, `刚才单位写错了`) is looked for only in words of
 *    a change with no digit; a value said with it (`金额改成5000`, fullwidth `５０００` too) is the change itself.
 *  - S4: values kept quietly after a 「…对吗？」 (the report said not to be someone else's: `不对`) are the answers
 *    checked, kept once.
 * Every test is a guard: it passes before and after the change (the change is speed only, behaviour kept).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { membershipFlow } from '../../flows/membership.js';
import { openingFacts, understandAtMenu, understandInFlow } from '../../flows/nlu/understand.js';
import { withinOneReading } from '../../flows/parsers/turn-memo.js';
import type { Field } from '../../flows/types.js';
import { wageFlow } from '../../flows/wage.js';
import { ctxOf } from '../nlu/evaluate.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = useFixture(() => startTestCore({ clock: manualClock(NOW) }));
const ctx = ctxOf();
const FLOWS = [wageFlow, membershipFlow, legalAidFlow];
const atMenu = (text: string) => withinOneReading(() => understandAtMenu(FLOWS, text, ctx));
const field = (id: string): Field => wageFlow.fields.find((f) => f.id === id)!;

describe('S1: facts told at the menu open the wage report with the reading already made', () => {
  // guard: the reading handed on is the one opening the report makes itself (fullwidth digits, 两, traditional
  // characters, 俩, a long message), never another or a part of it.
  it.each([
    '河西街道锦绣社区，三个月，7万4',
    '去年干的活 到现在还没给 两万三',
    '拖了３个月 欠我６０００',
    '欠了两个月 一共一万二',
    '我們老闆拖欠了三個月 一共兩萬',
    '包工头赖着不给 欠了俩月 八千块',
    '我在河西街道锦绣社区的好再来饭店干了三个月服务员，老板一直拖着不给，一共欠我一万八千块钱，到现在都没有结',
  ])('%s: the facts are what opening the report reads', (text) => {
    const u = atMenu(text);
    expect(u.kind).toBe('switch');
    if (u.kind !== 'switch') return;
    expect(u.service).toBe('wage');
    expect(u.facts).toEqual(withinOneReading(() => openingFacts(wageFlow, text, ctx)).facts);
    expect(Object.keys(u.facts).length).toBeGreaterThan(0);
  });

  it('the facts read are exact (an amount, a period, the town and community)', () => {
    // guard: the values themselves, as read before the change.
    expect(atMenu('河西街道锦绣社区，三个月，7万4')).toEqual({
      kind: 'switch',
      service: 'wage',
      facts: {
        location: { districtId: 'qingxi', townshipId: 't08' },
        community: { community: '锦绣社区', gridId: 't08-g2' },
        amount: { yuan: 74000, approx: false, upTo: null, readTotal: 3 },
      },
      given: {},
    });
    expect(atMenu('拖了３个月 欠我６０００')).toEqual({
      kind: 'switch',
      service: 'wage',
      facts: { amount: { yuan: 6000, approx: false, upTo: null }, period: { start: '2026-09', end: '2026-11', months: 3 } },
      given: {},
    });
  });

  it('a sum owed to someone else is still read for them (whose wages asked first), never as the person\'s own', () => {
    // guard: with someone else's wages said, the report's reading is made against them, not reused.
    expect(atMenu('我爸在工地干了三个月 老板欠他两万')).toEqual({
      kind: 'switch',
      service: 'wage',
      facts: { construction: true, behalfSum: { yuan: 20000, approx: false, upTo: null } },
      given: { behalfSaid: { relation: '爸' } },
    });
  });

  it('the reading handed on is a copy: the report\'s facts are a new object each time', () => {
    // guard: two readings of the same words never share the facts object (nothing one changes reaches the other).
    const a = atMenu('欠了两个月 一共一万二');
    const b = atMenu('欠了两个月 一共一万二');
    expect(a).toEqual(b);
    if (a.kind === 'switch' && b.kind === 'switch') expect(a.facts).not.toBe(b.facts);
  });
});

describe('S2: each clause of a menu message read once', () => {
  // guard: the services begun and kept for after, as before.
  it('two services in two clauses: the first begun, the other kept for after', () => {
    expect(atMenu('老板欠钱不给 我想入工会')).toEqual({ kind: 'switch', service: 'wage', facts: {}, given: {}, also: 'membership' });
  });

  it('the report with how to count its sum beside it: the report begun, the question held for its amount', () => {
    expect(atMenu('老板欠我工资 加班费算不算')).toEqual({ kind: 'switch', service: 'wage', facts: { amountAsked: 'overtime' }, given: {} });
  });

  it('three clauses, joining one of them: the other two one service, joining kept for after', () => {
    expect(atMenu('老板欠钱不给 我想入工会 还想找律师')).toEqual({
      kind: 'switch',
      service: 'legal',
      facts: { matter: 'wage' },
      given: { help: 'lawyer' },
      also: 'membership',
    });
  });

  it('the same clause twice: one service, nothing kept for after', () => {
    const u = atMenu('老板欠钱不给 老板欠钱不给');
    expect(u).toMatchObject({ kind: 'switch', service: 'wage' });
    expect(u).not.toHaveProperty('also');
  });
});

describe('S3: an answer named to be changed, looked for only in words of a change without a digit', () => {
  const known = { consent: true, employer: '好再来饭店' };
  const read = (id: string, text: string, answers: Record<string, unknown> = known) => withinOneReading(() => understandInFlow(wageFlow, field(id), text, answers, ctx));

  it('`单位名字改一下`, `刚才单位写错了` at the amount\'s question: the unit asked again', () => {
    // guard: words of a change naming an answer given.
    for (const text of ['单位名字改一下', '刚才单位写错了']) expect(read('amount', text)).toMatchObject({ kind: 'correction', field: { id: 'employer' }, result: null, named: true });
  });

  it('`我想改金额` before the amount is answered: nothing to change yet, the question asked again', () => {
    // guard: the question asked names itself.
    expect(read('amount', '我想改金额')).toEqual({ kind: 'answer', result: { ok: false, error: '好的。您自己一共被拖欠了多少钱？例如：28500、两万八、2万多。', conflict: true }, facts: {} });
  });

  it('a value said with the change (`金额改成5000`, fullwidth `５０００`, `两千`) is the change itself, never the question named', () => {
    // guard: a digit (or a Chinese numeral, or a fullwidth digit) with the change words: the value is read.
    const answers = { ...known, amount: { yuan: 6000, approx: false, upTo: null } };
    for (const [text, yuan] of [['金额改成5000', 5000], ['金额改成５０００', 5000], ['金额改成两千', 2000]] as const) {
      expect(read('employer', text, answers)).toMatchObject({ kind: 'correction', field: { id: 'amount' }, result: { ok: true, value: { yuan } } });
    }
  });

  it('words with no change in them are the answer', () => {
    // guard: no change words, nothing named.
    expect(read('employer', '好再来饭店', { consent: true })).toEqual({ kind: 'answer', result: { ok: true, value: '好再来饭店' }, facts: {} });
  });
});

describe('S4: values kept quietly after a 「…对吗？」 are the answers checked', () => {
  it('`不对` to 「代为反映…对吗？」: kept as the person\'s own, never proposed again', async () => {
    // guard: the answers kept are the ones checked (behalfDenied), the report goes on.
    await converse(t.chat, 'web:sp4a')
      .send('老板拖了我三个月工资')
      .sendAll('1', '对', '宏达建筑', '东龙', '不清楚', '不是')
      .expect(/您自己一共被拖欠了多少钱/)
      .send('这是帮我爸报的')
      .expect(/代为反映「替父亲反映」。对吗？/)
      .send('不对')
      .expect(/您自己一共被拖欠了多少钱/);
    const held = await t.chat.sessions.load('web:sp4a', new Date(NOW));
    expect(held.answers).toMatchObject({ behalfDenied: true, employer: '宏达建筑' });
    expect(held.answers).not.toHaveProperty('onBehalf');
  });
});
