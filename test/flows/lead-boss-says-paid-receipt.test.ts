/*
 * While 「钱收到了吗？」 waits on a case staff resolved with 6,000 recovered, what the boss (or a workmate) only says
 * (`老板说已经给了`, `工友说老板给了`, `包工头说钱打过来了`) got 「抱歉，我没太明白」 and the menu (found in the walk).
 * Now asked whether the money itself arrived, with the two answers that act; nothing applied until one of them.
 * Today is Tuesday 1 December 2026.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { looseReceipt } from '../../core/cases/feedback.js';
import { chatOnClock } from '../support/clocked.js';
import { actedOn } from '../support/acted-on.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { t, clock } = chatOnClock(NOW.toISOString());

const someone = (tag: string) => `web:bs-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const get = async (c: Case) => (await t.core.cases.get(c.id))!;
const recovered = (user: string) => actedOn(t, clock, user, (no) => [`办结 ${no} 追回 6000`]);

describe('the boss said to have paid, while 「钱收到了吗？」 waits', () => {
  it.each(['老板说已经给了', '工友说老板给了', '包工头说钱打过来了'])('%s: asked whether the 6,000 arrived; 没收到 reopens', async (said) => {
    const user = someone('says');
    const { chat, c } = await recovered(user);
    await chat
      .send(said)
      .expect(/说是已经给了，那案件 QX\d{8}-\d{4} 追回的6,000元您自己收到了吗？收到了请回复「收到了」；还没收到请回复「没收到」/)
      .expectNot(/没太明白/);
    expect((await get(c)).receipt?.answer).toBeNull();
    await chat.send('没收到');
    expect((await get(c)).receipt?.answer).toBe('not_received');
  });

  it('the words read as a claim, and others not', () => {
    expect(looseReceipt('老板说已经给了')).toBe('claimed');
    expect(looseReceipt('他说钱打到我卡上了')).toBe('claimed');
    // guard: the money itself received, and a question, are not a claim.
    expect(looseReceipt('老板已经给了')).toBe('received');
    expect(looseReceipt('老板说给了吗')).not.toBe('claimed');
    expect(looseReceipt('老板说下个月给')).toBeNull();
  });
});
