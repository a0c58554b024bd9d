/**
 * First messages at the menu and the knowledge base, as workers type them
 * (probe of 2026-12, items 3.1, 3.3 and 3.4): each message is understood as
 * the question, command or service it is, and each question reaches the
 * entry that answers it, not a neighbour's. Pure: no Redis, no engine.
 */
import { describe, expect, it } from 'vitest';
import { ctxOf, understoodAs as said } from '../../nlu/evaluate.js';
import { knowledgeBase } from '../../../flows/knowledge/kb.js';
import { legalAidFlow } from '../../../flows/legal-aid.js';
import { membershipFlow } from '../../../flows/membership.js';
import { normalizeMessage } from '../../../flows/nlu/normalize.js';
import { commandOf, serviceOf, smallTalkOf } from '../../../flows/nlu/talk.js';
import { understandAtMenu, understandInFlow, type Understood } from '../../../flows/nlu/understand.js';
import { wageFlow } from '../../../flows/wage.js';
import type { Flow } from '../../../flows/types.js';

const ctx = ctxOf();
const flows = [wageFlow, membershipFlow, legalAidFlow];


const atMenu = (text: string) => said(understandAtMenu(flows, normalizeMessage(text), ctx));
const inFlow = (flow: Flow, fieldId: string, text: string) =>
  said(understandInFlow(flow, flow.fields.find((f) => f.id === fieldId) ?? null, normalizeMessage(text), {}, ctx, null, flows));

describe('first messages that were not understood (3.1)', () => {
  it.each([
    // Told, not asked: the question it implies is answered, and legal aid offered after it.
    ['我被开除了', 'question:dismissal-compensation'],
    ['我被公司辞退了怎么办', 'question:dismissal-compensation'],
    ['我要打官司', 'question:sue-employer'],
    ['我想起诉老板', 'question:sue-employer'],
    ['我想告公司', 'question:sue-employer'],
    ['你们能帮我打官司吗', 'question:sue-employer'],
    ['被老板打了', 'question:assault-at-work'],
    ['老板骂人', 'question:verbal-abuse'],
    ['怀孕了被辞退', 'question:pregnancy-dismissal'],
    ['公司让我签自愿离职', 'question:forced-resignation'],
    ['退会', 'question:leave-union'],
    ['我要退出工会', 'question:leave-union'],
    ['你们是谁', 'question:about-gongyou'],
    ['工会在哪里', 'question:union-where'],
    ['东龙镇工会驿站在哪', 'question:union-where'],
    ['服务点地址', 'question:union-where'],
    // Asking to ask: invited to say it.
    ['想咨询一下法律问题', 'smalltalk:asking'],
    ['我有个法律问题', 'smalltalk:asking'],
    // The menu's one booking.
    ['预约', 'switch:legal'],
    ['我要预约', 'switch:legal'],
    ['审核到哪了', 'command:progress'],
    ['入会审核通过了没', 'command:progress'],
  ])('%s → %s', (text, expected) => {
    expect(atMenu(text)).toBe(expected);
  });

  it('being beaten is answered with 110 first, then legal aid is offered', () => {
    const e = knowledgeBase().byId('assault-at-work')!;
    expect(e.answer.indexOf('110')).toBeGreaterThanOrEqual(0);
    expect(e.answer.indexOf('110')).toBeLessThan(30);
    expect(e.next).toBe('legal_aid');
  });

  it('requests that only look like these stay what they were', () => {
    expect(atMenu('我要入会')).toBe('switch:membership');
    expect(atMenu('预约法律援助')).toBe('switch:legal');
    expect(atMenu('我想约个律师')).toBe('switch:legal');
    expect(atMenu('会员卡在哪看')).toBe('command:card');
    expect(atMenu('我的会员卡')).toBe('command:card');
    expect(atMenu('入会要交会费吗')).toBe('question:union-dues');
    expect(atMenu('加入工会有什么好处')).toBe('question:union-benefits');
    expect(atMenu('你是谁')).toBe('smalltalk:chat');
    // `预约` alone inside another flow answers its question; only the menu reads it as legal aid.
    expect(serviceOf('预约', 'wage')).toBeNull();
    expect(serviceOf('预约一下时间', null)).toBeNull();
  });
});

describe('knowledge answers that went to a neighbour or were missing (3.3)', () => {
  it.each([
    ['送外卖摔了算不算工伤', 'platform-injury'],
    ['骑手有没有工伤保险', 'platform-injury'],
    ['试用期可以不给社保吗', 'probation-social-insurance'],
    ['周六加班给调休行不行', 'overtime-time-off'],
    ['超过退休年龄受伤算工伤吗', 'over-age-injury'],
    ['入会以后能退吗', 'leave-union'],
    ['会员卡有什么用', 'member-card'],
    ['工资条可以要吗', 'payslip'],
    ['产假有几天', 'maternity-leave'],
    ['年假有没有', 'annual-leave'],
    ['快递员能不能仲裁', 'platform-labour-relation'],
    ['我60岁了还能仲裁吗', 'over-age-arbitration'],
    ['外地人能在这里仲裁吗', 'arbitration-outsider'],
    ['我是临时工有没有权利', 'temp-worker-rights'],
    // Asked in the middle of a report (engine probe, item 8): cost, being found out, how long.
    ['在这反映欠薪要收费吗', 'service-free'],
    ['你们帮忙要钱吗', 'service-free'],
    ['会不会告诉老板是我举报的', 'anonymous-report'],
    ['老板会知道是我反映的吗', 'anonymous-report'],
  ])('%s → %s', (text, entry) => {
    expect(atMenu(text)).toBe(`question:${entry}`);
  });

  it('how long until the money comes is the timeline (at the menu 多久能拿到钱 is 进度, whose no-case reply says the same)', () => {
    expect(knowledgeBase().match('登记了多久能拿到钱')?.entry.id).toBe('gongyou-timeline');
    expect(atMenu('多久能拿到钱')).toBe('command:progress');
  });

  it('合同没签, told at the menu, is the double wage', () => {
    expect(atMenu('合同没签')).toBe('question:no-contract-double-wage');
  });

  it('the neighbours keep their own questions', () => {
    expect(atMenu('上下班路上出车祸算工伤吗')).toBe('question:work-injury-commute');
    expect(atMenu('试用期工资能打折吗')).toBe('question:probation-pay');
    expect(atMenu('加班费怎么算')).toBe('question:overtime-pay');
    expect(atMenu('干活受伤了算工伤吗')).toBe('question:work-injury-recognition');
    expect(atMenu('没签合同 工钱还要得到不')).toBe('question:no-contract-evidence');
    expect(atMenu('外卖骑手被平台乱罚款怎么办')).toBe('question:platform-worker-rights');
    expect(atMenu('检察院能帮我们打官司吗')).toBe('question:supported-prosecution');
    expect(atMenu('能不能直接去法院起诉')).toBe('question:court-or-arbitration');
    expect(atMenu('无故被辞退有补偿吗')).toBe('question:dismissal-compensation');
    expect(atMenu('入会要交钱吗')).toBe('question:union-dues');
    expect(atMenu('仲裁要交钱吗')).toBe('question:arbitration-cost');
  });

  it('a membership question at its consent is answered about membership data', () => {
    const privacy = knowledgeBase().byId('privacy')!;
    expect(privacy.answer).toMatch(/会员信息在会籍期间保存/);
    expect(inFlow(membershipFlow, 'consent', '会不会泄露')).toBe('question:privacy');
  });

  it('a question about leaving the union never starts joining it', () => {
    expect(atMenu('入会以后能退吗')).not.toBe('switch:membership');
    expect(knowledgeBase().byId('leave-union')!.next).toBeNull();
  });
});

describe('why-questions at the consent screens (3.4)', () => {
  it('why the information is asked is answered, in any flow', () => {
    expect(inFlow(membershipFlow, 'consent', '为什么要这些信息')).toBe('question:why-personal-info');
    expect(inFlow(membershipFlow, 'name', '为什么要名字')).toBe('question:why-personal-info');
    expect(inFlow(wageFlow, 'consent', '为什么要留电话')).toBe('question:why-personal-info');
  });

  it('why consent is needed, and 啥意思, show the help of the question asked', () => {
    expect(inFlow(legalAidFlow, 'consent', '为什么要同意')).toBe('command:help');
    expect(inFlow(membershipFlow, 'consent', '为啥要我同意')).toBe('command:help');
    expect(inFlow(legalAidFlow, 'consent', '啥意思')).toBe('command:help');
    expect(commandOf('这是什么意思？')).toBe('help');
    expect(commandOf('没看懂')).toBe('help');
  });

  it('a why about something the knowledge base answers stays its question', () => {
    expect(inFlow(membershipFlow, 'consent', '为什么要填身份证号')).toBe('question:id-number-why');
    expect(commandOf('为什么要交会费')).toBeNull();
    expect(commandOf('支付令是啥意思')).toBeNull();
  });
});

describe('the recognisers behind them', () => {
  it.each([
    ['审核到哪了', 'progress'],
    ['审核通过了吗', 'progress'],
    ['会员卡有什么用', null],
    ['会员证是干什么用的', null],
    ['我的会员卡', 'card'],
    ['把电子会员卡发我', 'card'],
  ] as const)('commandOf(%s) → %s', (text, expected) => {
    expect(commandOf(text)).toBe(expected);
  });

  it.each([
    ['想咨询一下法律问题', 'asking'],
    ['有个劳动法的问题想问一下', 'asking'],
    ['我想问一下', 'asking'],
    ['想咨询一下工资的事', null],
  ] as const)('smallTalkOf(%s) → %s', (text, expected) => {
    expect(smallTalkOf(text)).toBe(expected);
  });

  it('every entry added for the probe is in the knowledge base and answers within the limits', () => {
    for (const id of [
      'sue-employer', 'assault-at-work', 'verbal-abuse', 'pregnancy-dismissal', 'forced-resignation', 'leave-union', 'about-gongyou',
      'union-where', 'platform-injury', 'platform-labour-relation', 'probation-social-insurance', 'overtime-time-off', 'over-age-injury',
      'over-age-arbitration', 'arbitration-outsider', 'temp-worker-rights', 'maternity-leave', 'annual-leave', 'member-card', 'payslip',
      'why-personal-info',
    ]) {
      const e = knowledgeBase().byId(id);
      expect(e, id).toBeDefined();
      expect(e!.answer.length, id).toBeLessThanOrEqual(200);
      // An offer of a flow comes with its question, and no question without a flow.
      expect(e!.next === null, id).toBe(e!.nextPrompt === null);
    }
  });
});
