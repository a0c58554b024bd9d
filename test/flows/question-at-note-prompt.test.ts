/*
 * A question at «转给…吗？» (the bot asked whether to pass a complaint or a note on): `我不想等了 能直接去仲裁吗` was read
 * as a no (its 不想 is about the waiting) — 「好的，这条没有转。」 — and the question itself went unanswered. Now the
 * knowledge base answers it (a new entry: arbitration needs no mediation first and no waiting for the union's
 * handling), and the question about the note is kept: a yes after it still passes the note on.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const someone = (tag: string) => `web:qnote-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const notesOf = async (c: Case) => (await t.core.cases.get(c.id))!.reporterNotes.map((n) => [n.kind, n.text]);
/** A day and an hour on: past the contact date of the receipt (12月2日 10:00). */
const dayLater = () => clock.advance(25 * 60 * 60_000);

describe('a question at the question whether to pass a complaint on', () => {
  it('我不想等了 能直接去仲裁吗: answered, the complaint not dropped; 转给工会负责同志 then passes it on', async () => {
    const { chat, c } = await reportSubmitted(t, someone('arb'));
    dayLater();
    await chat.send('怎么还没人联系我').expect(/把这条意见转给.*负责同志吗/);
    await chat
      .send('我不想等了 能直接去仲裁吗')
      .expect(/不用先调解，也不用等工会或网格员这边处理完/)
      .expect(/刚才那条意见还没转，要转的话回复「转」/)
      .expectNot(/这条没有转/);
    expect(await notesOf(c)).toEqual([]);
    await chat.send('转给工会负责同志').expect(/已转给.*负责同志/);
    expect(await notesOf(c)).toEqual([['complaint', '怎么还没人联系我']]);
  });

  it('a plain no still drops it: 不用了', async () => {
    const { chat, c } = await reportSubmitted(t, someone('no'));
    dayLater();
    await chat.send('怎么还没人联系我').expect(/把这条意见转给.*负责同志吗/);
    await chat.send('不用了').expect(/这条没有转/);
    expect(await notesOf(c)).toEqual([]);
  });
});

describe('the new knowledge entry at the menu', () => {
  it.each(['能直接去仲裁吗', '仲裁前要先调解吗', '反映了欠薪还能同时去仲裁吗'])('%s: arbitration directly, no mediation or waiting needed', async (said) => {
    const { chat } = await reportSubmitted(t, someone('menu'));
    await chat.send(said).expect(/可以直接去申请，不用先调解/).expect(/第五条/);
  });

  it('直接去仲裁委怎么申请: asked how, so how (where, what to take), not whether', async () => {
    const { chat } = await reportSubmitted(t, someone('how'));
    await chat.send('直接去仲裁委怎么申请').expect(/带上：身份证和复印件/).expectNot(/可以直接去申请/);
  });

  // guard: the court question keeps its own answer (arbitration comes before a suit).
  it('必须先仲裁才能起诉吗 keeps the answer on going to court', async () => {
    const { chat } = await reportSubmitted(t, someone('court'));
    await chat.send('必须先仲裁才能起诉吗').expect(/劳动争议一般要先申请劳动仲裁，不能跳过/).expectNot(/可以直接去申请/);
  });
});
