/**
 * More of held-out set D's misses (test/nlu/heldout-d), read in a worker's own words, pure (no Redis, no engine):
 *  - progress asked of what was sent (`我的申请审核了没`, `我报的欠薪有人管没`), at the menu and mid-form;
 *  - a change of mind to report wages (`我其实是想讨工资`), never a wish denied, never the matter of a legal booking;
 *  - everyday questions the knowledge base answers: the price (`这个要钱不`), privacy (`…给别人不`), who we are
 *    (`你们是不是人社局的`), and how to use this (`咋用啊这个`);
 *  - a day counted from a festival (`国庆前一天`, confirmed), an amount said as `一万块出头点`.
 */
import { describe, expect, it } from 'vitest';
import { ctxOf, predict, type CorpusLine, type Prediction } from './evaluate.js';
import { knowledgeBase } from '../../flows/knowledge/kb.js';
import { serviceOf } from '../../flows/nlu/talk.js';
import { parsePastDay } from '../../flows/parsers/day.js';

const ctx = ctxOf();
const read = (flow: 'wage' | 'membership' | 'legal' | null, asking: string | null, text: string, known: Record<string, unknown> = {}): Prediction =>
  predict({ id: 'more', flow, asking, known, text, expect: { intent: 'answer', fields: {} } } as CorpusLine, ctx);
const NOW = new Date('2026-12-01T10:00:00+08:00');

describe('held-out set D, more: a worker’s own words for progress, a switch, questions, a day and an amount', () => {
  it.each([
    [null, null, '我的申请审核了没'],
    [null, null, '我反映的事处理了没'],
    [null, null, '我的案子有没有人管'],
    ['wage', 'contactName', '我报的欠薪有人管没'],
    ['membership', 'phone', '我的申请审了没'],
  ] as const)('%s/%s 「%s」 asks for progress', (flow, asking, text) => {
    expect(read(flow, asking, text).intent).toBe('progress');
  });

  it('a change of mind to report wages switches; a wish denied does not; at a legal booking it is its matter', () => {
    expect(read('membership', 'name', '等会 我其实是想讨工资').intent).toBe('wage');
    expect(serviceOf('我其实是要讨薪', 'membership')).toBe('wage');
    expect(serviceOf('我不想讨工资', 'membership')).toBeNull();
    // guard: `我想讨工资` answers 您想咨询什么事 while booking a lawyer; said as a change of mind it switches.
    expect(serviceOf('我想讨工资', 'legal')).toBeNull();
    expect(serviceOf('我其实是想讨工资', 'legal')).toBe('wage');
  });

  it.each([
    ['wage', 'amount', '这个要钱不', 'service-free'],
    ['wage', 'consent', '你们会把我信息给别人不', 'privacy'],
    [null, null, '你们是不是人社局的', 'union-not-government'],
  ] as const)('%s/%s 「%s」 is the question %s', (flow, asking, text, entry) => {
    const p = read(flow, asking, text);
    expect(p.intent).toBe('question');
    expect(p.entry).toBe(entry);
  });

  it('asking for money back is not asking the price; the boss is not us', () => {
    // guard: the new words for the price and for privacy must not take these (they were right before).
    expect(knowledgeBase().match('我去要钱不给')?.entry.id ?? null).not.toBe('service-free');
    expect(knowledgeBase().match('这个仲裁要钱不')?.entry.id).toBe('arbitration-cost');
    expect(knowledgeBase().match('老板会把我信息给别人')?.entry.id ?? null).not.toBe('privacy');
  });

  it('咋用啊这个 asks for help', () => {
    expect(read('legal', 'help', '咋用啊这个').intent).toBe('help');
  });

  it('a day from a festival is counted from it and confirmed; after a holiday week it is not guessed', () => {
    expect(read('legal', 'limit', '国庆前一天', { matter: 'wage' }).inferred.limit).toEqual({ leftOn: '2026-09-30' });
    expect(parsePastDay('元旦第二天', NOW)).toEqual({ ok: true, value: { day: '2026-01-02', inferred: '元旦第二天按2026年1月2日算' } });
    expect(parsePastDay('国庆后一天', NOW)).toBeNull();
  });

  it('一万块出头点 is about ten thousand', () => {
    expect(read('wage', 'amount', '一万块出头点').direct.amount).toEqual({ yuan: 10000, approx: true, upTo: null });
  });
});
