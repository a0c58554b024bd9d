/**
 * Misreadings found by held-out set P (test/nlu/heldout-p: commands and questions in the middle of a form): answers
 * that hold a command word (人工智能, 人工湖路), questions asked mid-form in a worker's words (`在哪`, `能入不`, `晓得不`),
 * thanks after an answer, and a few answers said with a frame around them. Each test failed before its fix;
 * `guard:` lines keep what already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

describe('held-out set P: values the person did not mean are never taken', () => {
  it('单位没有工会 能入不 at the employment question: a question answered, never 「单位职工」 taken', () => {
    const p = read('membership', 'employment', '单位没有工会 能入不');
    expect(p.intent).toBe('question');
    expect(p.entry).toBe('join-no-workplace-union');
    expect(taken(p).employment).toBeUndefined();
    for (const text of ['厂里没工会 可以入不', '公司没有工会 能入吗']) expect(read('membership', 'employment', text).entry).toBe('join-no-workplace-union');
    // guard: not knowing where something is, said, asks nothing.
    expect(read('wage', 'employerAddress', '不知道在哪').intent).not.toBe('question');
  });

  it('修电动车 辛苦了 at the other trade: the trade alone; 覃真仁 谢谢啦: the name', () => {
    expect(read('membership', 'occupationOther', '修电动车 辛苦了', { employment: 'new_form', occupation: 'other' }).direct.occupationOther).toBe('修电动车');
    expect(read('legal', 'contactName', '覃真仁 谢谢啦').direct.contactName).toBe('覃真仁');
    expect(read('legal', 'contactName', '覃真仁，谢谢你们了').direct.contactName).toBe('覃真仁');
    // guard: thanks alone are no answer, and a name alone is still read.
    expect(taken(read('legal', 'contactName', '谢谢啦')).contactName).toBeUndefined();
    expect(read('legal', 'contactName', '覃真仁').direct.contactName).toBe('覃真仁');
  });

  it('上一期的工程 叫锦绣华府二期 at the project: the name, confirmed (never the whole kept)', () => {
    const p = read('wage', 'project', '上一期的工程 叫锦绣华府二期', { construction: true });
    expect(p.direct.project).toBeUndefined();
    expect(p.inferred.project).toBe('锦绣华府二期');
    expect(read('wage', 'project', '我们干的那个工地叫翠湖湾', { construction: true }).inferred.project).toBe('翠湖湾');
    // guard: a bare name is taken as said.
    expect(read('wage', 'project', '锦绣华府二期', { construction: true }).direct.project).toBe('锦绣华府二期');
  });

  it('前年三月 从头到现在没结清过 at the start of work: the month, never a one-month period owed proposed', () => {
    const period = { start: '2025-01', end: '2026-11', months: 23, inferred: null };
    const p = read('wage', 'workStart', '前年三月 从头到现在没结清过', { period });
    expect(taken(p).workStart).toBe('2024-03');
    expect(taken(p).period).toBeUndefined();
  });

  it('一共算了下四十来万 at the group total: the group total (about 400,000), never the person own amount', () => {
    const known = { amount: { yuan: 16000, approx: false, upTo: null }, headcount: { count: 8, approximate: false } };
    const p = read('wage', 'groupAmount', '一共算了下四十来万', known);
    expect(taken(p).amount).toBeUndefined();
    expect(taken(p).groupAmount).toEqual({ yuan: 400000, approx: true, upTo: null });
    // guard: a hedge still makes the total approximate.
    expect(taken(read('wage', 'groupAmount', '全部加起来估计六十万', known)).groupAmount).toEqual({ yuan: 600000, approx: true, upTo: null });
  });
});

describe('held-out set P: a change at the summary said with the old choice dropped', () => {
  it('改成当面吧 不打电话了 at the booking summary: the way changed to in person', () => {
    const p = read('legal', 'review', '改成当面吧 不打电话了', { mode: 'phone' });
    expect(p.intent).toBe('correction');
    expect(taken(p).mode).toBe('in_person');
    // guard: said without the old one dropped, the same.
    expect(taken(read('legal', 'review', '改成当面吧', { mode: 'phone' })).mode).toBe('in_person');
  });
});

describe('held-out set P: answers holding a command word are answers', () => {
  it('青溪人工智能科技有限公司 at the unit: the unit (人工 is no person asked for)', () => {
    expect(read('membership', 'employer', '青溪人工智能科技有限公司', { employment: 'employee' }).direct.employer).toBe('青溪人工智能科技有限公司');
  });

  it('就在河西街道人工湖路12号 at the unit address: the address', () => {
    expect(taken(read('wage', 'employerAddress', '就在河西街道人工湖路12号')).employerAddress).toBe('河西街道人工湖路12号');
    // guard: a person asked for is still no address.
    expect(taken(read('wage', 'employerAddress', '找人工')).employerAddress).toBeUndefined();
  });

  it('王建军 大家都叫他王工 at the foreman: the name, confirmed', () => {
    const p = read('wage', 'labourContractor', '王建军 大家都叫他王工', { construction: true });
    expect(p.inferred.labourContractor).toBe('王建军');
    expect(p.direct.labourContractor).toBeUndefined();
  });
});

describe('held-out set P: questions mid-form are answered, and the form goes on', () => {
  it('工会驿站在哪 while booking a lawyer: where the union is', () => {
    const p = read('legal', 'place', '工会驿站在哪', { mode: 'in_person' });
    expect(p.intent).toBe('question');
    expect(p.entry).toBe('union-where');
  });

  it('入了会单位领导会晓得不, 身份证给你们安全吗 at the consent: answered, then the consent again', async () => {
    expect(read('membership', 'consent', '入了会单位领导会晓得不').entry).toBe('union-join-boss');
    expect(read('membership', 'idConsent', '身份证给你们安全吗').entry).toBe('privacy');
    await converse(t.chat, 'hp-answers-consent')
      .sendAll('我要入会', '入了会单位领导会晓得不')
      .expect(/不会交给老板/)
      .expect(/您同意吗/)
      .send('身份证给你们安全吗')
      .expect(/加密保存/)
      .expect(/回复1表示同意/)
      .send('单位没有工会 能入不')
      .expect(/单位没有工会也可以入会/)
      .expect(/回复1表示同意/);
  });
});
