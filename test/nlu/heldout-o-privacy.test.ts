/**
 * Misreadings found by held-out set O (test/nlu/heldout-o) about phones, the ID consent, who sees the answers and
 * why they are asked: fixed in the phone reader (whose number it is), the correction markers, the ID consent's own
 * reading, the legal opening's lawyer wish and the knowledge base's rules. Each test here failed before its fix;
 * `guard:` lines keep what already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const TO_PHONE = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年8月到11月', '16000', '就我一个', '还在干', '都跳过', '没有', '张伟'];
const AT_LEGAL_REVIEW = { consent: true, matter: 'wage', limit: { employed: true }, help: 'lawyer', mode: 'phone', contactName: '周明', phone: '13766554433' };

describe('held-out set O: whose phone number it is', () => {
  it('我的是135… 老板的是136… at the phone: the person\'s own, never the boss\'s', async () => {
    const p = read('wage', 'phone', '我的是13507710022 老板的是13607718899');
    expect(p.direct.phone).toBe('13507710022');
    expect(read('wage', 'phone', '老板的是13607718899 我的是13507710022').direct.phone).toBe('13507710022');
    await converse(t.chat, 'hoo-fix-boss-too')
      .sendAll(...TO_PHONE, '我的是13507710022 老板的是13607718899')
      .expect(/手机号：13507710022/)
      .expectNot(/13607718899/);
    // guard: the boss's number alone is still nobody's contact.
    expect(taken(read('wage', 'phone', '老板的是13607718899')).phone).toBeUndefined();
    expect(taken(read('wage', 'phone', '老板电话是13607718899')).phone).toBeUndefined();
  });

  it('打我儿子电话吧 他叫韦东 189…: the son named is the one whose number is given', async () => {
    expect(read('wage', 'phone', '打我儿子电话吧 他叫韦东 18977105566').direct.phone).toBe('18977105566');
    expect(read('wage', 'phone', '留我女儿的吧 她叫韦芳 18977105566').direct.phone).toBe('18977105566');
    await converse(t.chat, 'hoo-fix-son').sendAll(...TO_PHONE, '打我儿子电话吧 他叫韦东 18977105566').expect(/手机号：18977105566/);
    // guard: someone named with nothing offering their number is still not the person's contact.
    expect(taken(read('wage', 'phone', '他叫李强 手机15912345678')).phone).toBeUndefined();
  });

  it('电话少打了一位 是137… at the summary: a correction of the phone', async () => {
    const p = read('legal', 'review', '电话少打了一位 是13766554438', AT_LEGAL_REVIEW);
    expect(p.intent).toBe('correction');
    expect(taken(p).phone).toBe('13766554438');
    expect(read('legal', 'review', '号码多输了一位 应该是13766554438', AT_LEGAL_REVIEW).intent).toBe('correction');
    await converse(t.chat, 'hoo-fix-digit-short')
      .sendAll(...TO_PHONE, '13766554433', '电话少打了一位 是13766554438')
      .expect(/手机号已改为「13766554438」/);
  });
});

describe('held-out set O: the ID number agreed to beside another wish', () => {
  it('给身份证可以 电话就不留了 at the ID consent: a yes to the ID (the phone is for its own question)', async () => {
    expect(read('membership', 'idConsent', '给身份证可以 电话就不留了', { consent: true }).direct.idConsent).toBe(true);
    expect(read('membership', 'idConsent', '身份证可以给 电话不想留', { consent: true }).direct.idConsent).toBe(true);
    await converse(t.chat, 'hoo-fix-id-yes').sendAll('我要入会', '同意', '给身份证可以 电话就不留了').expect(/入会声明/);
    // guard: the ID refused in the same words is never a yes.
    expect(read('membership', 'idConsent', '给身份证可以 但是身份证号不想给', { consent: true }).direct.idConsent).not.toBe(true);
  });
});

describe('held-out set O: the ID number refused at its question', () => {
  it('算了 身份证号还是不想给 at the ID number: why it is needed and the ways on (was 「只能包含数字」)', async () => {
    await converse(t.chat, 'hoo-fix-id-still-no')
      .sendAll('我要入会', '同意', '同意', '确认', '张伟', '算了 身份证号还是不想给')
      .expect(/入会一定要填/)
      .expect(/工会服务站现场办理/)
      .expectNot(/只能包含数字/);
    // guard: the number itself is still read.
    expect(read('membership', 'idNumber', '450103198506121235', { consent: true, idConsent: true }).direct.idNumber).toBeDefined();
  });
});

describe('held-out set O: a lawyer named and asked for', () => {
  it('周明律师在吗 我想约他 as a first message: a lawyer asked for', () => {
    const p = read(null, null, '周明律师在吗 我想约他');
    expect(p.intent).toBe('legal');
    expect(taken(p).help).toBe('lawyer');
    // guard: a lawyer only mentioned books none.
    expect(taken(read(null, null, '仲裁的时候想有个律师')).help).toBeUndefined();
  });
});

describe('held-out set O: why the details are asked and who sees them, answered', () => {
  it('要电话干嘛, 要电话干什么, 为什么要实名: why the details (never the hotlines, never anonymity)', async () => {
    expect(read('membership', 'phone', '要电话干嘛').entry).toBe('why-personal-info');
    expect(read('wage', 'phone', '要电话干什么').entry).toBe('why-personal-info');
    expect(read('membership', 'name', '为什么要实名').entry).toBe('why-personal-info');
    expect(read('wage', 'phone', '要我电话干啥').entry).toBe('why-personal-info');
    expect(read('membership', 'idConsent', '要身份证干嘛', { consent: true }).entry).toBe('id-number-why');
    await converse(t.chat, 'hoo-fix-why-phone')
      .sendAll(...TO_PHONE, '要电话干什么')
      .expect(/工作人员要打电话跟您核实/)
      .expect(/您的手机号是多少/);
    // guard: the hotlines are still the hotlines.
    expect(read(null, null, '欠薪打哪个电话').entry).toBe('hotlines');
    expect(read(null, null, '12351是干嘛的').entry).toBe('hotlines');
  });

  it('我电话给你们 别人能看到不, 谁能看到我填的这些: who sees it', async () => {
    expect(read('wage', 'phone', '我电话给你们 别人能看到不').entry).toBe('privacy');
    expect(read('wage', 'consent', '谁能看到我填的这些').entry).toBe('privacy');
    expect(taken(read('wage', 'phone', '我电话给你们 别人能看到不')).phone).toBeUndefined();
    await converse(t.chat, 'hoo-fix-who-sees')
      .sendAll(...TO_PHONE, '我电话给你们 别人能看到不')
      .expect(/只有负责的工作人员能看到/)
      .expect(/您的手机号是多少/);
  });
});
