/*
 * Whether one's data was deleted, asked (`我的信息删了没`, `删掉了吗`): after a deletion it got the delete
 * question again, as if asked to delete; now what was done is said. While a name and phone are still held,
 * 「还没有删除」 comes before the delete question. And asking whether deleting is possible (`能删除吗`,
 * `可以注销吗`) got 「答不上来」; now the delete question, which says what goes. At the delete question,
 * `删了还能恢复吗` and `删了以后还能再报吗` are answered (they got the general explanation, or only 「先不删除」). A fixed clock (Tuesday
 * 1 December 2026, 10:00).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse, reportSubmitted } from '../support/converse.js';
import { forgetDoneAsked } from '../../flows/case-desk.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const someone = (tag: string) => `web:forget-done-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const DELETE_QUESTION = /确定要删除/;

describe('whether the deletion happened, asked', () => {
  it.each(['我的信息删了没', '删掉了吗？', '是不是已经删了', '我的资料删除了没有'])('%s after 确认删除: said it is done, and the case goes on', async (said) => {
    const user = someone('after');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('删除我的信息').expect(DELETE_QUESTION).send('确认删除').expect(/已删除您的个人信息/);
    await chat.send(said).expect(/已经删除了/).expect(/案件还在继续办理/).expectNot(DELETE_QUESTION);
    // Nothing was done twice: the case keeps its one deletion step.
    const after = await t.core.cases.get(c.id);
    expect(after?.history.filter((h) => /删除/.test(h.note ?? '')).length).toBe(1);
  });

  it('with a name and phone still held: 「还没有删除」, then the delete question; 不删除 keeps them', async () => {
    const user = someone('held');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('我的信息删了没').expect(/还没有删除/).expect(DELETE_QUESTION).send('不删除').expect(/没有删除任何信息/);
    expect((await t.core.cases.get(c.id))?.reporter.phoneSealed).toBeTruthy();
  });

  it.each(['能删除吗', '可以注销吗', '能不能删除'])('%s: the delete question (it was 答不上来)', async (said) => {
    await converse(t.chat, someone('can')).send(said).expect(DELETE_QUESTION).expectNot(/答不上来/);
  });

  it('删了还能恢复吗 at the delete question: it cannot be undone, then the question; nothing deleted', async () => {
    const user = someone('undo');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('删除我的信息').expect(DELETE_QUESTION).send('删了还能恢复吗').expect(/删除后就不能恢复了/).expect(/确定要删除吗/);
    expect((await t.core.cases.get(c.id))?.reporter.phoneSealed).toBeTruthy();
    await chat.send('确认删除').expect(/已删除您的个人信息/);
    expect((await t.core.cases.get(c.id))?.reporter.phoneSealed).toBeFalsy();
  });

  it('删了以后还能再报吗 as the second reply that is neither: answered, then nothing deleted (it was only 「先不删除」)', async () => {
    const user = someone('again');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('删除我的信息').expect(DELETE_QUESTION).send('删了还能恢复吗').expect(/不能恢复/);
    await chat.send('删了以后还能再报吗').expect(/随时还能在这里重新反映/).expect(/先不删除/);
    expect((await t.core.cases.get(c.id))?.reporter.phoneSealed).toBeTruthy();
  });

  // guard: asking to delete is still the delete question, never taken as a question about a deletion done.
  it.each(['删除我的信息', '帮我删了吧', '把我的信息都删了', '我想删除我的信息'])('guard: %s is a wish, not a question', (said) => {
    expect(forgetDoneAsked(said)).toBe(false);
  });
  it.each(['我的信息删了没', '删了吗', '注销成功了吗', '有没有删除我的资料'])('%s is asked whether it was done', (said) => {
    expect(forgetDoneAsked(said)).toBe(true);
  });
});
