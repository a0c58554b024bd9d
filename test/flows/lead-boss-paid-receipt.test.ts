/*
 * While 「钱收到了吗？」 waits on a case staff resolved with money recovered, the boss said to have paid
 * (`老板已经给了`, `包工头今天结了`, `老板把钱给我了`): asked back whether the money has arrived, with the two answers
 * that act, nothing applied (it got 「新的情况在这里没法再转给工作人员」 and the receipt question again, as if nothing
 * had been said). What the boss only says or promises (`老板说已经给了`) is not taken so. Today is Tuesday 1 December 2026.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { chatOnClock } from '../support/clocked.js';
import { actedOn } from '../support/acted-on.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { t, clock } = chatOnClock(NOW.toISOString());

const someone = (tag: string) => `web:bp-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const get = async (c: Case) => (await t.core.cases.get(c.id))!;

/** SUBMITTED_REPORT (6,000 yuan, 河西街道), accepted by a grid worker of the town, then resolved in their WeChat: 追回 6000. */
const recovered = (user: string) => actedOn(t, clock, user, (no) => [`办结 ${no} 追回 6000`]);

describe('the boss said to have paid, while 「钱收到了吗？」 waits', () => {
  it.each(['老板已经给了', '包工头今天结了', '老板把钱给我了', '老板已经付清了'])('%s: asked whether the 6,000 arrived; nothing applied until 收到了', async (said) => {
    const user = someone('paid');
    const { chat, c } = await recovered(user);
    await chat.send(said).expect(/您是说案件 QX\d{8}-\d{4} 追回的6,000元已经收到了吗？收到了请回复「收到了」/).expectNot(/没法再转给工作人员/);
    expect((await get(c)).receipt?.answer).toBeNull();
    await chat.send('收到了');
    expect((await get(c)).receipt?.answer).toBe('received');
  });

  // guard: what the boss says, and a question, are not the money received.
  it('老板说已经给了, 老板给了吗, 老板打了 (perhaps a blow): never asked as received', async () => {
    const user = someone('says');
    const { chat, c } = await recovered(user);
    await chat.send('老板说已经给了').expectNot(/已经收到了吗/);
    await chat.send('老板给了吗').expectNot(/已经收到了吗/);
    await chat.send('老板打了').expectNot(/已经收到了吗/);
    expect((await get(c)).receipt?.answer).toBeNull();
  });
});
