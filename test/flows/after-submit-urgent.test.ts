/*
 * After a report, the person presses for the money in their own words (`能不能快点啊 我等着用钱`,
 * `快点吧 急用钱`). These got 「这个问题我还答不上来」 or the menu; now they are heard, and offered to the case
 * worker (passed on only after a yes, as every note is). A progress question with the same words keeps its
 * answer (the progress), and nothing is passed on without a yes.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';


const NOW = new Date('2026-12-01T10:00:00+08:00');
const t = coreOnClock(NOW);
const someone = (tag: string) => `web:urg-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes;

describe('pressed for the money after a report', () => {
  it.each(['能不能快点啊 我等着用钱', '快点吧 急用钱', '麻烦抓紧 孩子要交学费'])('%s: heard, offered to the case worker, passed on after a yes', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('yes'));
    await chat
      .send(said)
      .expect(/^知道您急着用钱。/)
      .expect(new RegExp(`把这条消息转给负责您案件 ${c.caseNo}`))
      .expectNot(/答不上来|没太明白/);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('1').expect(/已转给负责您案件/);
    expect((await notesOf(c.id)).map((n) => n.text)).toEqual([said]);
  });

  it('a no keeps it here; a question about when (`我急着用钱 什么时候能拿到`) still gets the progress, nothing offered', async () => {
    const { chat, c } = await reportSubmitted(t, someone('no'));
    await chat.send('快点吧 急用钱').expect(/知道您急着用钱/).send('不用了').expect(/这条没有转/);
    await chat.send('我急着用钱 什么时候能拿到').expect(/您的案件：/).expectNot(/转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});
