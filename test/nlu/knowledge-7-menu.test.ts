/*
 * First messages at the menu that the knowledge base answers but the menu's reading sent elsewhere (k7, proposed
 * with flows/nlu/talk.ts and flows/nlu/understand.ts): a court case's time is a question, not pressing us for
 * progress; asking whether something may be done (可以找…吗, 能不能申请…) is answered, not taken as a request;
 * `只想问点事` is a "just asking". Pure: no Redis, no engine.
 */
import { describe, expect, it } from 'vitest';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { membershipFlow } from '../../flows/membership.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { commandOf } from '../../flows/nlu/talk.js';
import { understandAtMenu } from '../../flows/nlu/understand.js';
import { wageFlow } from '../../flows/wage.js';
import { ctxOf, understoodAs } from './evaluate.js';

const ctx = ctxOf();
const atMenu = (text: string) => understoodAs(understandAtMenu([wageFlow, membershipFlow, legalAidFlow], normalizeMessage(text), ctx));

describe('questions the menu read as something else', () => {
  it.each([
    ['告老板要多久才能拿到钱', 'question:court-duration'],
    ['打官司多久才能拿到钱', 'question:court-duration'],
    ['非会员可以找工会要工资吗', 'question:union-help-nonmember'],
    ['做钟点工的被主家欠了工钱 能不能申请劳动仲裁', 'question:domestic-worker'],
    ['欠薪可以找派出所吗', 'question:police-wage-arrears'],
    ['我只想问点事 不想报案', 'question:just-asking'],
  ])('%s → %s', (text, expected) => {
    expect(atMenu(text)).toBe(expected);
  });

  it('pressing us and asking for a service stay what they were', () => {
    expect(commandOf('多久能拿到钱')).toBe('progress');
    expect(commandOf('钱什么时候能拿到')).toBe('progress');
    expect(atMenu('我想约个律师 能不能在马坪见面')).toBe('switch:legal');
    expect(atMenu('能不能预约律师')).toBe('switch:legal');
    expect(atMenu('我可以入会吗')).toBe('switch:membership');
    expect(atMenu('能不能找工会帮我要工资')).toBe('switch:wage');
  });
});
