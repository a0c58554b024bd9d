/**
 * Misreadings of people's names found by held-out set O (test/nlu/heldout-o): a character spelled out mid-message,
 * a compound surname with a one-character given name, 「写个姓就行」, someone else's 大名, 我是… beside other clauses,
 * and joining asked for a relative mid-form. Each test here failed before its fix; `guard:` lines keep what already
 * worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const TO_CONTACT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年8月到11月', '8000', '就我一个', '1', '都跳过', '没有'];
const TO_MEMBER_NAME = ['我要入会', '同意', '同意', '1'];

describe('held-out set O: names the person did not say are never taken', () => {
  it('我姓钟 钟表的钟 名字叫钟意: 钟意, never 「钟表」 (the spelling is no part of the name)', async () => {
    expect(taken(read('wage', 'contactName', '我姓钟 钟表的钟 名字叫钟意')).contactName).toBe('钟意');
    await converse(t.chat, 'ho-names-spelled').sendAll(...TO_CONTACT, '我姓钟 钟表的钟 名字叫钟意').expect(/手机号是多少/);
    // guard: a spelling said after the name still reads.
    expect(taken(read('membership', 'name', '李秀兰 兰花的兰')).name).toBe('李秀兰');
  });

  it('不知道他大名 村里都叫他阿贵 at the worker\'s name: never the contact 「村里都叫」', () => {
    const p = taken(read('wage', 'workerName', '不知道他大名 村里都叫他阿贵', { onBehalf: { relation: '爸' } }));
    expect(p.contactName).toBeUndefined();
    expect(p.workerName).toBeUndefined();
    // guard: the person's own 大名 still reads.
    expect(taken(read('wage', 'contactName', '大名叫韦志强')).contactName).toBe('韦志强');
  });

  it('写个姓就行吧: never the name 「写个姓就行」; a surname is offered where it will do, the full name at joining', async () => {
    expect(taken(read('wage', 'contactName', '写个姓就行吧')).contactName).toBeUndefined();
    expect(taken(read('wage', 'contactName', '写个姓就行吧 姓蓝')).contactName).toBeUndefined();
    expect(taken(read('membership', 'name', '写个姓就行吧', { consent: true, idConsent: true })).name).toBeUndefined();
    await converse(t.chat, 'ho-names-surname-wage').sendAll(...TO_CONTACT, '写个姓就行吧 姓蓝').expect(/您姓蓝.*蓝先生.*蓝女士/);
    await converse(t.chat, 'ho-names-surname-wage2').sendAll(...TO_CONTACT, '写个姓就行吧').expect(/只留姓也行/);
    await converse(t.chat, 'ho-names-surname-member').sendAll(...TO_MEMBER_NAME, '写个姓就行吧').expect(/只写姓不行.*写全名/);
  });
});

describe('held-out set O: names said in other shapes are read (and confirmed)', () => {
  it('我姓司马 名字就一个字 亮, 我姓欧阳 单名一个勇: the surname and the one character, confirmed', async () => {
    expect(taken(read('membership', 'name', '我姓司马 名字就一个字 亮', { consent: true, idConsent: true })).name).toBe('司马亮');
    const legal = taken(read('legal', 'contactName', '我姓欧阳 单名一个勇', { consent: true, matter: 'wage', help: 'lawyer', mode: 'phone' }));
    expect(legal.contactName).toBe('欧阳勇');
    expect(legal.contactSurname).toBeUndefined();
    expect(taken(read('wage', 'contactName', '姓王 单名一个字 勇')).contactName).toBe('王勇');
    await converse(t.chat, 'ho-names-single').sendAll(...TO_MEMBER_NAME, '我姓司马 名字就一个字 亮').expect(/姓名「司马亮」。对吗/);
  });

  it('高兴 高矮的高 兴奋的兴: a name spelled out character by character is read, though 高兴 is an everyday word', async () => {
    expect(taken(read('membership', 'name', '高兴 高矮的高 兴奋的兴', { consent: true, idConsent: true })).name).toBe('高兴');
    await converse(t.chat, 'ho-names-gaoxing').sendAll(...TO_CONTACT, '高兴 高矮的高 兴奋的兴').expect(/联系人「高兴」。对吗/);
    // guard: 高兴 alone in a sentence is no name.
    expect(taken(read(null, null, '我是高兴 要找律师')).contactName).toBeUndefined();
  });

  it('我姓上官 上官云: a compound surname, then the whole name', () => {
    expect(taken(read('wage', 'consent', '好的 我姓上官 上官云 电话15077883344')).contactName).toBe('上官云');
    // guard: a one-character surname still reads.
    expect(taken(read('wage', 'contactName', '我姓钟 钟意')).contactName).toBe('钟意');
  });

  it('我是上官婉清 想加入工会, 我是王同意 在…干了三个月: 我是 and a name beside other clauses', () => {
    expect(taken(read(null, null, '我是上官婉清 想加入工会')).name).toBe('上官婉清');
    expect(taken(read(null, null, '我是阿卜杜拉·买买提 在青溪纺织厂上班 想入工会')).name).toBe('阿卜杜拉·买买提');
    expect(taken(read(null, null, '你好 我是王同意 在同意物流干了三个月 一分钱没拿到')).contactName).toBe('王同意');
    // guard: what someone is, never who.
    expect(taken(read(null, null, '我是河南人 老板欠我钱')).contactName).toBeUndefined();
    expect(taken(read(null, null, '我是王师傅 老板欠钱')).contactName).toBeUndefined();
    expect(taken(read(null, null, '我是宏达建筑的 老板欠钱')).contactName).toBeUndefined();
    // A word for what someone is that starts like a surname (高, 车): it was proposed as the name when 我是 was first read.
    expect(taken(read(null, null, '我是高中生 暑假打工没给钱')).contactName).toBeUndefined();
    expect(taken(read(null, null, '我是车间主任 想入会')).name).toBeUndefined();
    expect(taken(read(null, null, '我是马坪村的 老板欠钱')).contactName).toBeUndefined();
  });
});

describe('held-out set O: joining asked for a relative at the name question', () => {
  it('帮我妈入 她叫谭秀兰, 我是他老婆 … 帮他入会: she or he applies in person; the person\'s own name asked', async () => {
    await converse(t.chat, 'ho-names-mum')
      .sendAll(...TO_MEMBER_NAME, '帮我妈入 她叫谭秀兰')
      .expect(/本人申请.*请让她用自己的微信.*输入您自己的姓名/);
    await converse(t.chat, 'ho-names-husband')
      .sendAll(...TO_MEMBER_NAME, '我是他老婆 他叫黄志勇 帮他入会')
      .expect(/本人申请.*请让他用自己的微信.*输入您自己的姓名/);
  });
});
