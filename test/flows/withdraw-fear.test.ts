/*
 * Stopping for fear (`算了不追了 怕被开除`): the withdrawal is still only passed on when the worker says so,
 * and now the bot says that firing or paying someone back for reporting is unlawful, and that they can talk
 * to the case worker before deciding. A withdrawal without fear gets no such line.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';


const NOW = new Date('2026-12-01T10:00:00+08:00');
const t = coreOnClock(NOW);

describe('stopping for fear of the boss, and asking what withdrawing means', () => {
  it('算了不追了 怕被开除: unlawful said, nothing passed before the yes', async () => {
    await (await reportSubmitted(t, 'web:wf1')).chat.send('算了不追了 怕被开除').expect(/因为反映欠薪就开除或报复您，是违法的/).expect(/把这条消息转给/);
    const [c] = await t.core.cases.listByUser('web:wf1', 20);
    expect(c!.reporterNotes).toHaveLength(0);
  });

  it('不想追了 担心老板报复 too; 不想追了 alone gets no such line', async () => {
    await (await reportSubmitted(t, 'web:wf2')).chat.send('不想追了 担心老板报复').expect(/是违法的/);
    await (await reportSubmitted(t, 'web:wf3')).chat.send('不想追了').expect(/把这条消息转给/).expectNot(/是违法的/);
  });

  it('撤回会怎么样, 撤回了还能再报吗 while a withdrawal waits: answered, never added to it; 不用了 passes nothing', async () => {
    await (await reportSubmitted(t, 'web:wf4')).chat
      .send('我想撤回')
      .expect(/把这条消息转给/)
      .send('撤回会怎么样')
      .expect(/撤回以后，工作人员就不再帮您追这笔钱了/)
      .expectNot(/合在一起转/)
      .send('撤回了还能再报吗')
      .expect(/可以重新反映/)
      .send('不用了')
      .expect(/这条没有转/);
    const [c] = await t.core.cases.listByUser('web:wf4', 20);
    expect(c!.reporterNotes).toHaveLength(0);
  });

  it('a note passed after the question holds only the wish, not the question', async () => {
    await (await reportSubmitted(t, 'web:wf5')).chat.send('我想撤回').send('撤回会怎么样').send('转').expect(/已转/);
    const [c] = await t.core.cases.listByUser('web:wf5', 20);
    expect(c!.reporterNotes.map((n) => n.text)).toEqual(['我想撤回']);
  });
});
