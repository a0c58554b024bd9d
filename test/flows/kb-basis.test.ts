/*
 * A law is cited after an answer only when the answer rests on one. Answers about this service and practical
 * ones (`你们是谁`, `能带老乡一起去吗`, `我的信息安全吗`, `登记后多久有人处理`) were said with 「（依据：《工会法》）」,
 * which no article of that law says; now they are said plainly, while legal answers keep their basis
 * (`提成不给算不算拖欠工资` with 《关于工资总额组成的规定》). Asked at the menu, in a form and after a booking.
 * Today is Tuesday 1 December 2026.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { knowledgeBase, withBasis } from '../../flows/knowledge/kb.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const SERVICE_ANSWERS = ['about-gongyou', 'bring-companion', 'privacy', 'gongyou-timeline', 'grid-worker', 'just-asking', 'cannot-read-or-type'];

describe('the basis said after an answer', () => {
  it('answers about this service cite no law; every other entry cites at least one', () => {
    for (const e of knowledgeBase().entries) {
      if (SERVICE_ANSWERS.includes(e.id)) expect(withBasis(e), e.id).toBe(e.answer);
      else if (e.basis.length > 0) expect(withBasis(e), e.id).toContain(`（依据：${e.basis[0]}`);
    }
    expect(knowledgeBase().entries.filter((e) => SERVICE_ANSWERS.includes(e.id))).toHaveLength(SERVICE_ANSWERS.length);
  });

  for (const [i, [asked, answer]] of ([['你们是谁', /我是工友助手/], ['我能带老乡一起去吗', /都可以陪您一起去/], ['我的信息安全吗', /加密保存/]] as const).entries()) {
    it(`${asked} at the menu: answered without 「依据」`, async () => {
      await converse(t.chat, `web:kbb${i}`).send(asked).expect(answer).expectNot(/依据/);
    });
  }

  it('能带老乡一起去吗 while booking a lawyer: answered without 「依据」', async () => {
    await converse(t.chat, 'web:kbb-aid').sendAll('我要申请法律援助', '同意').send('我能带老乡一起去吗').expect(/都可以陪您一起去/).expectNot(/依据/);
  });

  // guard: a legal answer keeps its basis.
  it('提成不给算不算拖欠工资 keeps 《关于工资总额组成的规定》', async () => {
    await converse(t.chat, 'web:kbb-law').send('提成不给算不算拖欠工资').expect(/（依据：[^）]*关于工资总额组成的规定/);
  });
});
