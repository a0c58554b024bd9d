/**
 * What a message is, third probe (.scratch/probe-3.md, items B1, B9, B13, C1 and the friend's debt),
 * pure (no Redis, no engine):
 *  - unpaid wages told as a story, in dialect or Cantonese, start the report at the menu; a friend's
 *    or a relative's debt, rent or a credit card never does;
 *  - money and work said too loosely to act on are unclear, with the report marked as worth asking about;
 *  - pinyin typed without a Chinese keyboard is read only when every letter is one of our words, and
 *    what was read is given back to say; nothing else is taken from it;
 *  - questions asked in the middle of a flow reach their answers (boss finding out, the government,
 *    whether it helps, not being able to read); 我想仲裁 reaches how to apply;
 *  - 我想入汇, 我想入伙工会, 帮我查一下进度 (and in traditional characters) are the services they name;
 *  - Cantonese yes and don't-know (系, 唔知) inside a flow; 收到 is an acknowledgement, not thanks.
 */
import { describe, expect, it } from 'vitest';
import { ctxOf, understoodAs as said } from './evaluate.js';
import { createKnowledgeBase, knowledgeBase } from '../../flows/knowledge/kb.js';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { membershipFlow } from '../../flows/membership.js';
import { fromPinyin, normalizeMessage } from '../../flows/nlu/normalize.js';
import { commandOf, mightBeWages, privateDebt, serviceOf, smallTalkOf, smallTalkReply, yesNo } from '../../flows/nlu/talk.js';
import { dontKnow, understandAtMenu, understandInFlow, type Understood } from '../../flows/nlu/understand.js';
import { wageFlow } from '../../flows/wage.js';
import type { Flow } from '../../flows/types.js';

const ctx = ctxOf();
const flows = [wageFlow, membershipFlow, legalAidFlow];


const menu = (text: string) => understandAtMenu(flows, normalizeMessage(text), ctx);
const atMenu = (text: string) => said(menu(text));
const inFlow = (flow: Flow, fieldId: string, text: string, known: Record<string, unknown> = {}) =>
  said(understandInFlow(flow, flow.fields.find((f) => f.id === fieldId) ?? null, normalizeMessage(text), known, ctx, null, flows));

describe('B1: unpaid wages told as a story start the report at the menu', () => {
  it.each([
    '我在宏达建筑干了三个月只拿了一个月的钱',
    '我干了半年老板就给了两千块生活费',
    '一个月四千五欠了俩月',
    '老板说下个月15号发结果到现在都没发已经欠了三个月',
    '我爸在东龙镇宏达建筑干活老板欠他三万块钱他不会用手机我帮他弄一下',
    '我替老乡反映 他叫张三 电话13912345678 欠他八千',
    '老板木有给钱',
    '老板么得钱给我们',
    '我哋老细冇俾人工',
    '老板冇出粮',
    '干了一个月才发了一半工资',
    '老板欠了我三千',
  ])('%s', (text) => {
    expect(atMenu(text)).toBe('switch:wage');
  });

  it('the facts the story states are kept for confirming, and nothing else', () => {
    expect(menu('我在宏达建筑干了三个月只拿了一个月的钱')).toMatchObject({ kind: 'switch', service: 'wage', facts: { employer: '宏达建筑' } });
  });

  it.each([
    // Neither a figure nor 点 after 就: they were paid.
    ['我干了三年才拿到驾照', 'unclear'],
    // What the person owes, or a loan: never wages.
    ['信用卡欠了三个月', 'unclear'],
    ['我欠了三个月房租', 'unclear'],
    ['我借了他两万 一直没还', 'unclear'],
    ['朋友欠我三千块钱不还', 'question:private-debt'],
    ['朋友赖账不还钱', 'question:private-debt'],
    ['借给亲戚的钱要不回来', 'question:private-debt'],
  ])('near miss: %s → %s', (text, expected) => {
    expect(atMenu(text)).toBe(expected);
  });

  it('a private debt is told apart from one where work or pay is named too', () => {
    expect(privateDebt('朋友欠我三千块钱不还')).toBe(true);
    expect(privateDebt('朋友介绍的老板欠我工资')).toBe(false);
    expect(serviceOf('朋友介绍的活 老板欠我工资', null)).toBe('wage');
  });

  it('money and work said too loosely to act on: unclear, with the report worth asking about', () => {
    expect(menu('公司不出钱给我们培训')).toEqual({ kind: 'unclear', maybe: 'wage' });
    expect(mightBeWages('老板那边钱的事一直不清不楚')).toBe(true);
    // Nothing of money, or a friend's debt: nothing to ask about.
    expect(menu('我想问问')).not.toHaveProperty('maybe');
    expect(mightBeWages('朋友那边的钱一直没还')).toBe(false);
    expect(mightBeWages('今天天气不错')).toBe(false);
  });
});

describe('B1: pinyin typed without a Chinese keyboard', () => {
  it.each([
    ['laoban qian wo gongzi', '老板欠我工资', 'switch:wage'],
    ['wo yao tao xin', '我要讨薪', 'switch:wage'],
    ['woyaotaoxin', '我要讨薪', 'switch:wage'],
    ['laoban bu gei qian', '老板不给钱', 'switch:wage'],
    ['wo yao ru hui', '我要入会', 'switch:membership'],
    ['jia ru gong hui', '加入工会', 'switch:membership'],
    ['fa lv yuan zhu', '法律援助', 'switch:legal'],
    ['zhao lu shi', '找律师', 'switch:legal'],
  ])('%s is read as %s (%s), said back, with no facts', (text, heard, expected) => {
    expect(fromPinyin(text)).toBe(heard);
    const u = menu(text);
    expect(said(u)).toBe(expected);
    expect(u).toMatchObject({ heard, facts: {} });
  });

  it('commands and a greeting in pinyin', () => {
    expect(atMenu('cha jin du')).toBe('command:progress');
    expect(atMenu('ren gong')).toBe('command:human');
    expect(atMenu('ni hao')).toBe('smalltalk:greeting');
  });

  it.each([
    // Not every letter one of our words: not read.
    'I want to join',
    'wo jiao zhang san',
    'xian',
    'qian',
    // A space typed inside a syllable of the word.
    'gon gzi',
    // Anything but letters and spaces.
    'wo yao tao xin 8000',
  ])('near miss: %s is not read as pinyin', (text) => {
    expect(fromPinyin(text)).toBeNull();
    expect(menu(text)).not.toHaveProperty('heard');
  });

  it('English words the bot knows keep their meaning', () => {
    expect(atMenu('hello')).toBe('smalltalk:greeting');
    expect(atMenu('ok')).toBe('smalltalk:ack');
    expect(atMenu('help')).toBe('command:help');
  });
});

describe('B9: questions in the middle of a flow are answered', () => {
  const wage = (text: string) => inFlow(wageFlow, 'period', text);
  it.each([
    ['会不会被老板知道', 'question:anonymous-report'],
    ['老板会知道是我举报的吗', 'question:anonymous-report'],
    ['你们是政府的吗', 'question:union-not-government'],
    ['真的有用吗', 'question:does-reporting-help'],
    ['我不识字能打电话吗', 'question:cannot-read-or-type'],
  ])('reporting wages: %s → %s', (text, expected) => {
    expect(wage(text)).toBe(expected);
  });

  it('真的有用吗 while joining is about what the union does', () => {
    expect(inFlow(membershipFlow, 'name', '真的有用吗')).toBe('question:union-benefits');
  });

  it('near misses keep their own answers', () => {
    const kb = knowledgeBase();
    expect(kb.match('12333投诉有用吗')?.entry.id).toBe('labour-inspection');
    expect(kb.match('欠条有用吗')?.entry.id).toBe('iou-note');
    expect(kb.match('入会有用吗')?.entry.id).toBe('union-benefits');
    expect(kb.match('能找政府律师吗')?.entry.id).toBe('legal-aid-eligibility');
    expect(kb.match('投诉欠薪会不会被开除')?.entry.id).toBe('complain-fear-firing');
    // A question alone, with nothing of what it is about, is not guessed at the menu.
    expect(kb.match('真的有用吗')).toBeNull();
  });

  it('the answers are consistent with the one on the boss finding out', () => {
    const kb = knowledgeBase();
    expect(kb.byId('anonymous-report')!.answer).toMatch(/单位一般会知道是谁的工资/);
    expect(kb.byId('union-not-government')!.answer).toMatch(/工会，不是政府部门/);
    expect(kb.byId('cannot-read-or-type')!.answer).toMatch(/12351/);
    expect(kb.byId('does-reporting-help')!.answer).toMatch(/不能保证/);
  });
});

describe('B13: intents said in other words', () => {
  it.each([
    ['我想入汇', 'switch:membership'],
    ['我想入伙工会', 'switch:membership'],
    ['帮我查一下进度', 'command:progress'],
    ['幫我查一下進度', 'command:progress'],
    ['麻烦帮我看看进度', 'command:progress'],
    ['我想仲裁', 'question:arbitration-how'],
  ])('%s → %s', (text, expected) => {
    expect(atMenu(text)).toBe(expected);
  });

  it('我想仲裁 offers legal aid next', () => {
    const u = menu('我想仲裁');
    expect(u.kind === 'question' && u.entry?.next).toBe('legal_aid');
  });

  it('near misses: 入汇 inside other words is not 入会; 不想仲裁 is not wanting to apply', () => {
    expect(normalizeMessage('收入汇总')).toBe('收入汇总');
    expect(normalizeMessage('存入汇款')).toBe('存入汇款');
    expect(knowledgeBase().match('不想仲裁 直接告到法院行不行')?.entry.id).toBe('court-or-arbitration');
    expect(knowledgeBase().match('我想仲裁 要花钱吗')?.entry.id).toBe('arbitration-cost');
    expect(commandOf('帮我查一下社保')).toBeNull();
  });

  it('Cantonese yes, no and don\'t know', () => {
    expect(yesNo('系')).toBe(true);
    expect(yesNo('系呀')).toBe(true);
    expect(yesNo('唔系')).toBe(false);
    // 系咪 asks; it is no yes.
    expect(yesNo('系咪')).toBeNull();
    expect(dontKnow('唔知')).toBe(true);
    expect(dontKnow('唔清楚')).toBe(true);
    expect(inFlow(wageFlow, 'construction', '系', { location: { districtId: 'qingxi', townshipId: 't08' } })).toBe('answer');
  });

  it('唔知 where the question offers 不清楚 takes that choice', () => {
    const known = { location: { districtId: 'qingxi', townshipId: 't08' } };
    const u = understandInFlow(wageFlow, wageFlow.fields.find((f) => f.id === 'community')!, '唔知', known, ctx, null, flows);
    expect(u).toMatchObject({ kind: 'answer', result: { ok: true, value: { community: null, gridId: null } } });
  });
});

describe('C1: 收到 is an acknowledgement, not thanks', () => {
  it.each(['收到', '收到了', '好的收到'])('%s', (text) => {
    expect(smallTalkOf(text)).toBe('ack');
    expect(smallTalkReply(smallTalkOf(text)!)).not.toMatch(/不客气/);
  });

  it('thanks said with it are still thanks', () => {
    expect(smallTalkOf('收到 谢谢')).toBe('thanks');
    expect(smallTalkOf('收到谢谢')).toBe('thanks');
    expect(smallTalkOf('谢谢')).toBe('thanks');
  });
});

describe('knowledge base rules: a group of words that must be absent', () => {
  const base = {
    version: 1,
    concepts: { friend: ['朋友'] },
    entries: [
      {
        id: 'owed',
        topic: '欠钱',
        examples: ['欠钱怎么办', '钱要不回来', '钱拿不到'],
        match: [[['钱'], ['欠'], ['!@friend']]],
        answer: '这是一个测试用的回答，够十个字。',
        basis: ['《工会法》'],
        next: null,
        nextPrompt: null,
      },
    ],
  };

  it('a rule holds only when none of the absent words is said', () => {
    const kb = createKnowledgeBase(base);
    // The rule's bonus is what tells them apart: their words are otherwise alike.
    const score = (t: string) => kb.rank(t)[0]?.score ?? 0;
    expect(score('老板欠钱') - score('朋友欠钱')).toBeGreaterThan(0.6);
  });

  it('a group mixing absent and said words, or a rule of absent words only, is refused', () => {
    const mixed = structuredClone(base);
    mixed.entries[0]!.match = [[['钱'], ['欠', '!@friend']]];
    expect(() => createKnowledgeBase(mixed)).toThrow(/absent/);
    const onlyAbsent = structuredClone(base);
    onlyAbsent.entries[0]!.match = [[['!@friend']]];
    expect(() => createKnowledgeBase(onlyAbsent)).toThrow(/said/);
  });
});
