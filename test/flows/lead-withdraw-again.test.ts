/*
 * A wish to withdraw said again at «把这条消息转给…吗？» about a withdrawal (`我想撤回` shown back for a yes):
 * `我不想告了 老板说给钱了` and `不想告了` were read as a no to passing it on (their 不想), so the worker heard
 * 「好的，这条没有转」 and the wish and the news went nowhere. Now they are put with the first words and asked
 * again; the same words once more say how to answer, the question kept.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:lead-wd-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const notes = async (caseId: string) => (await t.core.cases.get(caseId))!.reporterNotes.map((n) => [n.kind, n.text]);

describe('a withdrawal said again while it waits for its yes', () => {
  it('我不想告了 老板说给钱了: put with it and asked again, then 转 passes both on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('more'));
    await chat
      .send('我想撤回')
      .expect(/您要转告的话：「我想撤回」/)
      .send('我不想告了 老板说给钱了')
      .expect(/好的，跟刚才那条合在一起转。\n您要转告的话：「我想撤回；我不想告了 老板说给钱了」\n把这条消息转给负责您案件/)
      .expectNot(/这条没有转/);
    expect(await notes(c.id)).toEqual([]);
    await chat.send('转').expect(/^已转给负责您案件/);
    expect(await notes(c.id)).toEqual([['withdraw', '我想撤回；我不想告了 老板说给钱了']]);
  });

  it('不想告了, twice: put with it, then how to answer (no third copy, no no)', async () => {
    const { chat, c } = await reportSubmitted(t, someone('twice'));
    await chat
      .send('我想撤回')
      .send('不想告了')
      .expect(/您要转告的话：「我想撤回；不想告了」/)
      .send('不想告了')
      .expect(/^好的，知道您的意思了。要转的话回复「转」，不转就回复「不用了」。$/)
      .send('转给工作人员')
      .expect(/^已转给负责您案件/);
    expect(await notes(c.id)).toEqual([['withdraw', '我想撤回；不想告了']]);
  });

  // guard: a no, or a change of mind, is a no as ever.
  it.each(['不用了', '不想撤了', '算了'])('guard: %s is a no: nothing passed on', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('no'));
    await chat.send('我想撤回').send(said).expect(/这条没有转/);
    expect(await notes(c.id)).toEqual([]);
  });
});
