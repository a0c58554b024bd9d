/**
 * Sets O and P, round 2 (h184): names corrected, relatives answering, a list of co-workers with no one else owed, and
 * 还是…算了. Each test failed before its fix; `guard:` lines keep what already worked. The clock is fixed at Tuesday
 * 1 December 2026, 10:00 Beijing.
 *  1. `名字少了个字 是欧阳明辉` at the review: a name corrected (少了个字 was no correction marker; the words went unread).
 *  2. `我是他老婆 他叫廖永生 他手机丢了我帮他弄`: for her husband (relation 老公), never for 「他」 with no relation.
 *  3. `给身份证可以 电话就不留了` at joining's name question: no name (「给身份证可以」 was proposed as the name).
 *  4. `我还是找个律师问问算了`: a lawyer asked for (还是…算了 settles for it; 算了 had struck the lawyer as declined).
 *  5. `没有别人 就我` at the co-workers' list: no list (「没有别人」 was read as a roster line and asked again); with
 *     several said to be owed, the count 1 offered to confirm, never changed unasked.
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:h184-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const REVIEW_KNOWN = {
  consent: true,
  employer: '好在来',
  location: 't09',
  period: { start: '2026-09', end: '2026-11' },
  amount: { yuan: 9000, approx: false, upTo: null },
  contactName: '欧明辉',
  phone: '13977015286',
};
const TO_MEMBER_NAME = ['我要入会', '1', '1', '1'];
const TO_ROSTER = ['我要反映欠薪', '同意', '好再来饭店', '东龙镇', '不清楚', '不是', '2026年9月到11月', '9000', '五个人', '不知道', '还在', '跳过', '跳过'];

describe('1. a name said to miss a character', () => {
  it('`名字少了个字 是欧阳明辉` at the review: the name corrected', () => {
    const p = read('wage', 'review', '名字少了个字 是欧阳明辉', REVIEW_KNOWN);
    expect(p.intent).toBe('correction');
    expect(taken(p)).toEqual({ contactName: '欧阳明辉' });
  });
  // guard: 少了个数字 read before (个数字 was a marker already).
  it('guard: `电话少了个数字 13977015286`: the phone corrected', () => {
    expect(taken(read('wage', 'review', '电话少了个数字 13977015286', REVIEW_KNOWN))).toEqual({ phone: '13977015286' });
  });
  // guard: the markers that read before still do.
  it('guard: `名字写错了 是欧阳明辉`, `名字少打了一个字 是欧阳明辉`', () => {
    expect(taken(read('wage', 'review', '名字写错了 是欧阳明辉', REVIEW_KNOWN))).toEqual({ contactName: '欧阳明辉' });
    expect(taken(read('wage', 'review', '名字少打了一个字 是欧阳明辉', REVIEW_KNOWN))).toEqual({ contactName: '欧阳明辉' });
  });
});

describe('2. who the person is to the one owed', () => {
  it('`我是他老婆 他叫廖永生 他手机丢了我帮他弄`: for her husband 廖永生, proposed', async () => {
    const p = read('wage', 'contactName', '我是他老婆 他叫廖永生 他手机丢了我帮他弄', { consent: true });
    expect(p.direct).toEqual({});
    expect(p.inferred).toEqual({ onBehalf: { relation: '老公', name: '廖永生' } });
    const user = someone('wife');
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '同意')
      .send('我是他老婆 他叫廖永生 他手机丢了我帮他弄')
      .expect(/替丈夫廖永生反映.*对吗/s)
      .send('对')
      .expect(/按替别人反映来记/);
    expect(((await load(user)).answers as WageAnswers).onBehalf).toEqual({ relation: '老公', name: '廖永生' });
  });
  it('`我是她女儿 我帮她问`: for her mother', () => {
    expect(read('wage', 'contactName', '我是她女儿 我帮她问', { consent: true }).inferred).toEqual({ onBehalf: { relation: '妈' } });
  });
  // guard: `我是他老婆` alone names no one; nothing taken.
  it('guard: `我是他老婆` alone: nothing taken', () => {
    expect(taken(read('wage', 'contactName', '我是他老婆', { consent: true }))).toEqual({});
  });
});

describe('3. what they will give of the numbers, at joining\'s name question', () => {
  it('`给身份证可以 电话就不留了`: no name; the numbers come in their turn, the name asked', async () => {
    expect(taken(read('membership', 'name', '给身份证可以 电话就不留了', { consent: true, idConsent: true }))).toEqual({});
    expect(taken(read('wage', 'contactName', '给身份证可以 电话就不留了', { consent: true }))).toEqual({});
    const user = someone('idok');
    await converse(t.chat, user)
      .sendAll(...TO_MEMBER_NAME)
      .expect(/请输入您的姓名/)
      .send('给身份证可以 电话就不留了')
      .expect(/身份证号和手机号后面会一项一项问到.*请先输入您的姓名/s)
      .expectNot(/给身份证可以」/)
      .send('王建国')
      .expect(/18位身份证号码/);
  });
  it('guard: `王建国 身份证马上发` is still the name 王建国', () => {
    expect(taken(read('membership', 'name', '王建国 身份证马上发', { consent: true, idConsent: true })).name).toBe('王建国');
  });
});

describe('4. 还是…算了 settles for what it names', () => {
  it('`我还是找个律师问问算了` at the employer: legal aid, a lawyer', () => {
    const p = read('membership', 'employer', '我还是找个律师问问算了', { employment: 'employee' });
    expect(p.intent).toBe('legal');
    expect(taken(p)).toEqual({ help: 'lawyer' });
  });
  // guard: a lawyer declined is still declined.
  it('guard: `律师就算了 视频吧` books no lawyer', () => {
    expect(taken(read('legal', 'help', '律师就算了')).help).toBeUndefined();
  });
});

describe('5. no one else owed, at the co-workers\' list', () => {
  it('`没有别人 就我` with no count said: no list', () => {
    const p = read('wage', 'roster', '没有别人 就我');
    expect(p.intent).toBe('answer');
    expect(taken(p)).toEqual({ roster: null });
  });
  it('`没有别人 就我` after 五个人: the count 1 offered; yes changes it, no keeps 5', async () => {
    const yes = someone('onlyme-yes');
    await converse(t.chat, yes)
      .sendAll(...TO_ROSTER)
      .expect(/工友的名单/)
      .send('没有别人 就我')
      .expect(/被拖欠人数「1人（就您自己）」。对吗/)
      .expectNot(/没看明白/)
      .send('对')
      .expect(/事情经过/);
    const a = (await load(yes)).answers as WageAnswers;
    expect(a.headcount).toEqual({ count: 1, approximate: false });
    expect(a.roster ?? null).toBeNull();
    const no = someone('onlyme-no');
    await converse(t.chat, no)
      .sendAll(...TO_ROSTER)
      .send('没有别人 就我')
      .send('不对')
      .expect(/人数没有改/);
    expect(((await load(no)).answers as WageAnswers).headcount).toEqual({ count: 5, approximate: false });
  });
});
